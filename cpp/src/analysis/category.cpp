#include "analysis/category.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

#include "analysis/bulk.hpp"
#include "analysis/header_text.hpp"
#include "category/html_signals.hpp"
#include "category/text_signals.hpp"
#include "category/units.hpp"
#include "category/words.hpp"
#include "core/ascii.hpp"
#include "html/document.hpp"

namespace inboxlint::analysis {
namespace {

using category::Found;
using category::HtmlFound;
using category::Unit;
using KindSums = std::array<double, signal_kind_count>;

constexpr auto promo = ContentCategory::promotional;
constexpr auto trans = ContentCategory::transactional;

// name, leaning, cap, advert, message only
constexpr std::array<SignalKindInfo, signal_kind_count> kind_table{{
    {"promo_words", promo, 4, true, false},
    {"call_to_action", promo, 4, true, false},
    {"discount", promo, 3, false, false},
    {"coupon", promo, 3, false, false},
    {"incentive_words", promo, 2, false, false},
    {"price", promo, 1.5, false, false},
    {"struck_price", promo, 3, true, false},
    {"product_grid", promo, 3, true, false},
    {"banner_image", promo, 1, false, true},
    {"unsubscribe_footer", promo, 2, false, true},
    {"web_version", promo, 1.5, false, true},
    {"list_headers", promo, 2.5, false, true},
    {"campaign_headers", promo, 2, false, true},
    {"transactional_words", trans, 4, false, false},
    {"account_alert", trans, 4, false, false},
    {"order_number", trans, 4, false, false},
    {"one_time_code", trans, 3, false, false},
    {"account_link", trans, 3, false, false},
}};

constexpr double struck_price_weight = 2;
constexpr double account_link_weight = 2.5;
constexpr double min_content_promotion = 1.5;  // see decide()
constexpr std::size_t max_kept_signals = 5000;  // more only add to the scores (linear time on hostile input)

bool incentive(SignalKind k) {
    return k == SignalKind::discount || k == SignalKind::coupon || k == SignalKind::incentive_words;
}

struct Builder {
    const Message& msg;
    CategoryModel model;
    std::vector<KindSums> sums;  // per block: its own signals, then its subtree
    KindSums message{};
    // Transactional evidence of weight 1 or more (not "account", "delivery"
    // on their own): what a newsletter mentioning logins and invoices lacks.
    double specific_transactional = 0;
    // Evidence counts once per message: a word repeated, an order number
    // quoted twice, is no more evidence than once.
    std::set<std::pair<SignalKind, std::string>> counted;
    bool discussion = false;  // a post to a discussion list (footers are the list's)

    int add_block(Block block) {
        model.blocks.push_back(std::move(block));
        sums.push_back(KindSums{});
        return static_cast<int>(model.blocks.size()) - 1;
    }

    void count(SignalKind kind, double weight) {
        message[static_cast<std::size_t>(kind)] += weight;
        if (kind_table[static_cast<std::size_t>(kind)].leaning == trans && weight >= 1) specific_transactional += weight;
    }

    void add_signal(SignalKind kind, double weight, std::string detail, int entity, Span text, int block) {
        const auto k = static_cast<std::size_t>(kind);
        if (counted.emplace(kind, category::fold(detail)).second) count(kind, weight);
        if (block >= 0) sums[static_cast<std::size_t>(block)][k] += weight;
        if (model.signals.size() >= max_kept_signals) return;
        Signal& s = keep(kind, weight, std::move(detail));
        s.entity = entity;
        s.text = text;
        s.raw = msg.text_to_raw(entity, text);
        s.block = block;
    }

    // Evidence of the message header ("List-Id", "subject: receipt").
    void add_header_signal(SignalKind kind, double weight, std::string detail, Span raw) {
        count(kind, weight);
        if (model.signals.size() >= max_kept_signals) return;  // a hostile subject holds no more
        Signal& s = keep(kind, weight, std::move(detail));
        s.header = true;
        s.text = raw;
        s.raw = raw;
    }

    Signal& keep(SignalKind kind, double weight, std::string detail) {
        Signal& s = model.signals.emplace_back();
        s.kind = kind;
        s.weight = weight;
        s.detail = std::move(detail);
        return s;
    }
};

// ---- which parts are read -----------------------------------------------------

bool html_parsed(const Message& msg, int entity) { return html::parsed_html(msg, entity).dom.parsed; }

// The nearest multipart/alternative above an entity, or -1.
int alternative_of(const Message& msg, int entity) {
    for (int e = msg.entity(entity).parent; e >= 0; e = msg.entity(e).parent) {
        if (msg.entity(e).media_type == "multipart/alternative") return e;
    }
    return -1;
}

bool inside(const Message& msg, int entity, int ancestor) {
    for (int e = entity; e >= 0; e = msg.entity(e).parent) {
        if (e == ancestor) return true;
    }
    return false;
}

// Text and HTML leaves a reader sees; of an alternative, the HTML when it
// parsed, else the plain text.
std::vector<int> parts_to_read(const Message& msg) {
    std::vector<int> html;
    for (int e : html::html_parts(msg)) {
        if (html_parsed(msg, e)) html.push_back(e);
    }
    std::vector<int> out;
    for (std::size_t i = 0; i < msg.entities().size(); ++i) {
        const int e = static_cast<int>(i);
        const mime::Entity& entity = msg.entity(e);
        if (entity.kind != mime::EntityKind::leaf || msg.is_attachment(e)) continue;
        if (entity.media_type == "text/html") {
            if (std::find(html.begin(), html.end(), e) != html.end()) out.push_back(e);
        } else if (entity.media_type == "text/plain") {
            const int alternative = alternative_of(msg, e);
            const bool replaced = alternative >= 0 && std::any_of(html.begin(), html.end(),
                                                                  [&](int h) { return inside(msg, h, alternative); });
            if (!replaced) out.push_back(e);
        }
    }
    return out;
}

// ---- HTML parts ----------------------------------------------------------------

// The block of an element, creating it and the blocks above it on first use.
struct HtmlBlocks {
    Builder& b;
    int entity;
    const html::Dom& dom;
    const std::vector<std::uint32_t>& owners;
    const std::vector<std::size_t>& ends;
    std::unordered_map<std::uint32_t, int> index;

    int of(std::uint32_t element) {
        std::vector<std::uint32_t> chain;
        for (std::uint32_t e = element; e != html::no_node && !index.contains(e);) {
            chain.push_back(e);
            const std::uint32_t parent = dom.node(e).parent;
            e = parent == html::no_node ? html::no_node : owners[parent];
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
            const html::Node& n = dom.node(*it);
            const std::uint32_t parent = n.parent == html::no_node ? html::no_node : owners[n.parent];
            Block block;
            block.entity = entity;
            block.element = *it;
            block.description = html::describe_element(dom, *it);
            block.text = {n.span.begin, std::max(n.span.begin, ends[*it])};
            block.raw = b.msg.text_to_raw(entity, block.text);
            block.parent = parent == html::no_node ? -1 : index.at(parent);
            index.emplace(*it, b.add_block(std::move(block)));
        }
        return element == html::no_node ? -1 : index.at(element);
    }
};

// For every node, whether it is inside a link.
std::vector<bool> link_nodes(const html::Dom& dom) {
    std::vector<bool> in_link(dom.nodes.size(), false);
    for (std::size_t i = 0; i < dom.nodes.size(); ++i) {
        const html::Node& n = dom.nodes[i];
        const bool parent_in = n.parent != html::no_node && n.parent < i && in_link[n.parent];
        in_link[i] = parent_in || (n.is_element() && n.name() == "a" && !dom.attribute_value(n, "href").empty());
    }
    return in_link;
}

std::vector<Span> link_ranges(const Unit& unit, const std::vector<bool>& in_link) {
    std::vector<Span> out;
    for (const category::Run& run : unit.runs) {
        if (run.node == html::no_node || !in_link[run.node]) continue;
        if (!out.empty() && out.back().end + 1 >= run.at) {
            out.back().end = run.at + run.size;
        } else {
            out.push_back({run.at, run.at + run.size});
        }
    }
    return out;
}

std::uint32_t node_at(const Unit& unit, std::size_t offset) {
    const auto it = std::upper_bound(unit.runs.begin(), unit.runs.end(), offset,
                                     [](std::size_t o, const category::Run& r) { return o < r.at; });
    if (it == unit.runs.begin()) return html::no_node;
    const category::Run& run = *std::prev(it);
    return offset < run.at + run.size ? run.node : html::no_node;
}

void read_html(Builder& b, int entity) {
    const html::HtmlDocument& doc = html::html_document(b.msg, entity);
    const html::Dom& dom = doc.dom();
    const std::string_view text = b.msg.body_text(entity).view();
    const std::vector<std::uint32_t> owners = category::block_owners(dom);
    const std::vector<std::size_t> ends = category::subtree_ends(dom);
    const std::vector<bool> in_link = link_nodes(dom);
    HtmlBlocks blocks{b, entity, dom, owners, ends, {}};
    std::vector<std::uint32_t> price_nodes;
    for (const Unit& unit : category::html_units(doc, text, owners, ends)) {
        const std::vector<category::Word> words = category::split_words(unit.text);
        for (Found& f : category::text_signals(unit, words, {link_ranges(unit, in_link)})) {
            if (f.kind == SignalKind::price) {
                const std::uint32_t node = node_at(unit, f.range.begin);
                if (node != html::no_node) price_nodes.push_back(node);
                if (node != html::no_node && category::struck_through(dom, node, unit.element)) {
                    f.kind = SignalKind::struck_price;
                    f.weight = struck_price_weight;
                }
            }
            b.add_signal(f.kind, f.weight, std::move(f.detail), entity, unit.to_source(f.range),
                         blocks.of(unit.element));
        }
    }
    std::vector<HtmlFound> found;
    const category::HtmlContext ctx{doc, text, owners, ends};
    category::link_signals(ctx, found);
    category::image_signals(ctx, found);
    std::sort(price_nodes.begin(), price_nodes.end());
    category::product_grids(ctx, price_nodes, found);
    category::picture_grids(ctx, found);
    for (HtmlFound& f : found) {
        b.add_signal(f.kind, f.weight, std::move(f.detail), entity, f.range, blocks.of(owners[f.element]));
    }
}

// ---- text parts ------------------------------------------------------------------

// URLs written out in plain text that are account actions (reset, verify).
void text_links(Builder& b, int entity, const Unit& unit, int block) {
    const std::string_view t = unit.text;
    for (std::size_t at = t.find("http"); at != std::string_view::npos; at = t.find("http", at + 4)) {
        if (!t.substr(at).starts_with("http://") && !t.substr(at).starts_with("https://")) continue;
        std::size_t end = at;
        while (end < t.size() && !core::is_wsp(t[end]) && t[end] != '\n' && t[end] != '\r' && t[end] != '>') ++end;
        const std::string_view url = t.substr(at, end - at);
        if (!category::is_account_url(url)) continue;
        b.add_signal(SignalKind::account_link, account_link_weight,
                     "link: " + category::excerpt(url, {0, url.size()}, 100), entity, unit.to_source({at, end}), block);
    }
}

void read_text(Builder& b, int entity) {
    const std::string_view text = b.msg.body_text(entity).view();
    std::size_t paragraph = 0;
    for (const Unit& unit : category::text_units(text)) {
        ++paragraph;
        const std::vector<category::Word> words = category::split_words(unit.text);
        std::vector<Found> found = category::text_signals(unit, words, {});
        int block = -1;
        const auto block_index = [&] {
            if (block < 0) {
                Block blk;
                blk.entity = entity;
                blk.description = "paragraph " + std::to_string(paragraph);
                blk.text = unit.range;
                blk.raw = b.msg.text_to_raw(entity, unit.range);
                block = b.add_block(std::move(blk));
            }
            return block;
        };
        for (Found& f : found)
            b.add_signal(f.kind, f.weight, std::move(f.detail), entity, unit.to_source(f.range), block_index());
        if (unit.text.find("http") != std::string::npos) text_links(b, entity, unit, block_index());
    }
}

// ---- headers ---------------------------------------------------------------------

// A post to a discussion list: list headers there say nothing of promotion.
bool discussion_list(const Message& msg) {
    if (const mime::HeaderField* post = msg.first_field("List-Post")) {
        if (!core::istarts_with(core::trim(msg.unfolded_value(*post)), "no")) return true;
    }
    for (std::string_view name : {"X-Mailman-Version", "X-BeenThere", "Mailing-List", "X-Mailing-List"}) {
        if (msg.first_field(name) != nullptr) return true;
    }
    return false;
}

void read_headers(Builder& b) {
    b.discussion = discussion_list(b.msg);
    if (b.discussion) return;
    for (const BulkSignal& s : bulk_signals(b.msg).signals) {
        double weight = 2;
        SignalKind kind = SignalKind::list_headers;
        if (s.name == "List-Unsubscribe" || s.name == "Precedence: bulk" || s.name == "Precedence: junk") {
            weight = 1.5;
        } else if (s.name == "List-Id") {
            weight = 1;
        } else if (s.name == "List-Unsubscribe-Post" || s.name == "Feedback-ID" || s.name == "Precedence: list") {
            weight = 0.5;
        } else if (s.name == "List-Post") {
            continue;
        } else {
            kind = SignalKind::campaign_headers;
        }
        b.add_header_signal(kind, weight, s.name, s.span);
    }
}

// The subject says what a message is about ("Your receipt", "Welcome to
// Lume", "50% off this weekend"): read with the body's vocabulary. It counts
// beside the body (a sender that puts it in both means it), not as a part.
void read_subject(Builder& b) {
    const mime::HeaderField* field = subject_field(b.msg);
    if (field == nullptr || b.discussion) return;
    const mime::DecodedHeader& subject = decoded_unstructured(b.msg, *field);
    Unit unit;
    unit.text = subject.text;
    unit.range = {0, subject.text.size()};
    const std::vector<category::Word> words = category::split_words(unit.text);
    for (Found& f : category::text_signals(unit, words, {})) {
        if (!b.counted.emplace(f.kind, "subject: " + category::fold(f.detail)).second) continue;
        b.add_header_signal(f.kind, f.weight, "subject: " + f.detail, subject.to_raw(f.range));
    }
}

// ---- scores and decisions --------------------------------------------------------

// `without_message_only`: for blocks, and for posts to discussion lists.
Scores score(const KindSums& sums, bool without_message_only, bool incentives_advertise) {
    Scores s;
    for (std::size_t k = 0; k < signal_kind_count; ++k) {
        const SignalKindInfo& info = kind_table[k];
        if (without_message_only && info.message_only) continue;
        const double v = std::min(sums[k], info.cap);
        (info.leaning == ContentCategory::promotional ? s.promotional : s.transactional) += v;
        if (info.advert || (incentives_advertise && incentive(static_cast<SignalKind>(k)))) s.advert += v;
    }
    return s;
}

bool promotional_block(const Scores& s) {
    return s.promotional >= block_promotional_score && s.advert > 0 && 4 * s.transactional <= s.promotional;
}

// Whether the message has a transactional anchor: something only mail about
// the reader's own order or account carries (an order number, a one-time
// code, an account link, a security alert), not just its vocabulary.
bool anchored(const KindSums& sums) {
    for (SignalKind k :
         {SignalKind::order_number, SignalKind::one_time_code, SignalKind::account_link, SignalKind::account_alert}) {
        if (sums[static_cast<std::size_t>(k)] > 0) return true;
    }
    return false;
}

// Transactional when its evidence reaches message_score and the promotional
// evidence outside its promotional sections is at most twice as strong (one
// and a half times without an anchor: a sweepstakes mentioning "receipt of
// entries" is no receipt). A post to a discussion list is someone's message,
// not the list's campaign: it needs twice the evidence (and its footers do
// not count). The footer and header of bulk mail (banner, unsubscribe link, web
// version, campaign headers) go with receipts too (issue 23): below
// min_content_promotion of promoting content they never outweigh
// transactional evidence, and make a message promotional only when it has
// no specific transactional evidence (a passing "account" is none).
ContentCategory decide(const Scores& s, const Scores& outside, const Scores& content, bool has_anchor,
                       bool specific, bool discussion) {
    const double needed = discussion ? 2 * message_score : message_score;
    const double tolerance = has_anchor ? 2 : 1.5;
    const bool promotes = content.promotional >= min_content_promotion;
    const double against = promotes ? outside.promotional : std::min(outside.promotional, content.promotional);
    if (s.transactional >= needed && tolerance * s.transactional >= against) return ContentCategory::transactional;
    if (s.promotional >= needed && (promotes || !specific)) return ContentCategory::promotional;
    return ContentCategory::neutral;
}

// Whether a promotional block is a section beside the message's own
// content, not the whole of it: not the outermost block, and most of the
// transactional evidence lies outside it (a wrapper that holds the receipt
// too is the message).
bool is_section(const CategoryModel& m, std::size_t index, double message_transactional) {
    const Block& block = m.blocks[index];
    return block.parent >= 0 && 2 * block.scores.transactional <= message_transactional;
}

// The message's evidence less what its promotional section holds: a
// receipt with a coupon or a deal grid is judged by the rest (the section
// is CONT001's), while a message that is one advert stays whole. Only a
// message with an anchor or specific transactional evidence is judged so,
// and only with one section: a newsletter has several ads beside its
// "log in" and "password" (SpamAssassin hard ham), a receipt one upsell.
KindSums outside_sections(const Builder& b, const std::vector<std::size_t>& sections) {
    KindSums out = b.message;
    if (!anchored(b.message) && b.specific_transactional < message_score) return out;
    const double transactional = score(b.message, true, false).transactional;
    std::size_t set_aside = 0;
    for (std::size_t i : sections) {
        if (!is_section(b.model, i, transactional)) continue;
        ++set_aside;
        for (std::size_t k = 0; k < signal_kind_count; ++k) out[k] = std::max(0.0, out[k] - b.sums[i][k]);
    }
    return set_aside == 1 ? out : b.message;
}

void finish(Builder& b) {
    CategoryModel& m = b.model;
    for (std::size_t i = m.blocks.size(); i-- > 0;) {
        const int parent = m.blocks[i].parent;
        if (parent < 0) continue;
        for (std::size_t k = 0; k < signal_kind_count; ++k) b.sums[static_cast<std::size_t>(parent)][k] += b.sums[i][k];
    }
    std::vector<bool> incentive_promotional(m.blocks.size(), false);
    for (std::size_t i = 0; i < m.blocks.size(); ++i) {
        Block& block = m.blocks[i];
        block.scores = score(b.sums[i], true, false);
        if (promotional_block(block.scores)) {
            block.category = ContentCategory::promotional;
        } else if (block.scores.transactional >= 2 && block.scores.transactional > block.scores.promotional) {
            block.category = ContentCategory::transactional;
        }
        incentive_promotional[i] = promotional_block(score(b.sums[i], true, true));
    }
    for (std::size_t i = 0; i < m.blocks.size(); ++i) {
        const int parent = m.blocks[i].parent;
        const auto p = static_cast<std::size_t>(parent);
        if (m.blocks[i].category == promo && (parent < 0 || m.blocks[p].category != promo)) {
            m.promotional_blocks.push_back(i);
        }
        if (incentive_promotional[i] && (parent < 0 || !incentive_promotional[p])) m.incentive_blocks.push_back(i);
    }
    for (std::size_t s = 0; s < m.signals.size(); ++s) {
        for (int blk = m.signals[s].block; blk >= 0; blk = m.blocks[static_cast<std::size_t>(blk)].parent) {
            m.blocks[static_cast<std::size_t>(blk)].signals.push_back(s);
        }
    }
    m.scores = score(b.message, b.discussion, false);
    const Scores outside = score(outside_sections(b, m.incentive_blocks), b.discussion, false);
    m.category = decide(m.scores, outside, score(b.message, true, false), anchored(b.message),
                        b.specific_transactional > 0, b.discussion);
}

CategoryModel build(const Message& msg) {
    Builder b{msg, {}, {}, {}, 0, {}, false};
    read_headers(b);
    read_subject(b);
    b.model.read_parts = parts_to_read(msg);
    for (int entity : b.model.read_parts) {
        if (msg.entity(entity).media_type == "text/html") {
            read_html(b, entity);
        } else {
            read_text(b, entity);
        }
    }
    finish(b);
    return std::move(b.model);
}

}  // namespace

std::string_view to_string(ContentCategory c) noexcept {
    switch (c) {
        case ContentCategory::promotional:
            return "promotional";
        case ContentCategory::transactional:
            return "transactional";
        case ContentCategory::neutral:
            break;
    }
    return "neutral";
}

const SignalKindInfo& kind_info(SignalKind kind) noexcept { return kind_table[static_cast<std::size_t>(kind)]; }

std::vector<std::string> CategoryModel::signal_names() const {
    KindSums sums{};
    for (const Signal& s : signals) sums[static_cast<std::size_t>(s.kind)] += s.weight;
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t k = 0; k < signal_kind_count; ++k) {
        if (sums[k] > 0) order.emplace_back(-std::min(sums[k], kind_table[k].cap), k);
    }
    std::sort(order.begin(), order.end());
    std::vector<std::string> names;
    for (const auto& [weight, k] : order) names.emplace_back(kind_table[k].name);
    return names;
}

const CategoryModel& category_model(const Message& msg) {
    return msg.memo<CategoryModel>(0, [&] { return build(msg); });
}

const Signal* promotional_evidence(const Message& msg) {
    const CategoryModel& m = category_model(msg);
    if (m.category != ContentCategory::promotional) return nullptr;
    const Signal* best = nullptr;
    for (const Signal& s : m.signals) {
        const SignalKindInfo& info = kind_info(s.kind);
        if (info.leaning != ContentCategory::promotional || s.header) continue;
        const bool better = best == nullptr || (info.advert && !kind_info(best->kind).advert) ||
                            (info.advert == kind_info(best->kind).advert && s.weight > best->weight);
        if (better) best = &s;
    }
    return best;
}

}  // namespace inboxlint::analysis
