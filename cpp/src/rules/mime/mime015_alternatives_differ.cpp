#include <algorithm>
#include <string>
#include <vector>

#include "core/ascii.hpp"
#include "core/name_set.hpp"
#include "html/document.hpp"
#include "html/words.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::size_t min_words = 5;  // fewer distinct words: too little to compare
constexpr double min_overlap = 0.5;   // share of the smaller vocabulary found in the other part

// The distinct words of two letters or more of a text, lower-cased, in a
// hash set (sorting the views cost more than the rest of the rule). The
// views point into `text`.
struct WordSet {
    std::string text;                     // lower-cased (ASCII letters, as html::append_words does)
    std::vector<std::string_view> words;  // distinct, in order of appearance
    core::NameSet set{};

    explicit WordSet(std::string lowered) : text(std::move(lowered)) {
        std::vector<std::string_view> all;
        html::append_word_views(text, all);
        set = core::NameSet::sized_for(all.size());
        for (const std::string_view w : all) {
            if (w.size() >= 2 && set.insert(w)) words.push_back(w);
        }
    }
    WordSet(const WordSet&) = delete;
    WordSet& operator=(const WordSet&) = delete;

    [[nodiscard]] std::size_t size() const noexcept { return words.size(); }
    [[nodiscard]] bool empty() const noexcept { return words.empty(); }
};

bool unrendered_element(std::string_view name) {
    return name == "script" || name == "style" || name == "head" || name == "title" || name == "template" ||
           name == "noscript";
}

// Per node, whether it lies inside an element whose text is never rendered
// as text. One pass: the nodes come in document order, parents first.
std::vector<bool> unrendered_nodes(const html::Dom& dom) {
    std::vector<bool> out(dom.nodes.size(), false);
    for (std::uint32_t i = 0; i < dom.nodes.size(); ++i) {
        const std::uint32_t parent = dom.nodes[i].parent;
        if (parent == html::no_node || parent >= i) continue;
        out[i] = out[parent] || (dom.nodes[parent].is_element() && unrendered_element(dom.nodes[parent].name()));
    }
    return out;
}

// What a recipient of the HTML sees: visible text, not Outlook-only blocks.
// The texts are joined with a space, which no word crosses.
WordSet visible_html_words(const analysis::Message& msg, int part) {
    const html::HtmlDocument& doc = html::html_document(msg, part);
    std::string shown;
    const auto& nodes = doc.dom().nodes;
    const std::vector<bool> unrendered = unrendered_nodes(doc.dom());
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].is_text() || nodes[i].has(html::flag_outlook_only) || unrendered[i]) continue;
        const html::TextStyle* style = doc.text_style(i);
        if (style && !style->visible) continue;
        shown += nodes[i].text();
        shown += ' ';
    }
    return WordSet(core::to_lower(shown));
}

// The leaves of one alternative (the first text/plain and text/html below it).
void find_alternatives(const analysis::Message& msg, int entity, int& plain, int& rich) {
    for (int child : msg.entity(entity).children) {
        const mime::Entity& c = msg.entity(child);
        if (c.kind == mime::EntityKind::multipart) find_alternatives(msg, child, plain, rich);
        if (c.kind != mime::EntityKind::leaf || msg.is_attachment(child)) continue;
        if (c.media_type == "text/plain" && plain < 0) plain = child;
        if (c.media_type == "text/html" && rich < 0) rich = child;
    }
}

// The share of the smaller set's words that the other set has too.
double overlap(const WordSet& a, const WordSet& b) {
    const WordSet& smaller = a.size() <= b.size() ? a : b;
    const WordSet& larger = a.size() <= b.size() ? b : a;
    const auto shared = std::count_if(smaller.words.begin(), smaller.words.end(),
                                      [&](std::string_view w) { return larger.set.contains(w); });
    return static_cast<double>(shared) / static_cast<double>(smaller.size());
}

}  // namespace

void check_mime015_alternatives_differ(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_entity(msg, [&](int index, const mime::Entity& e) {
        if (e.media_type != "multipart/alternative") return;
        int plain = -1;
        int rich = -1;
        find_alternatives(msg, index, plain, rich);
        if (plain < 0 || rich < 0) return;
        const WordSet text(core::to_lower(msg.body_text(plain).view()));
        const WordSet shown = visible_html_words(msg, rich);
        if (text.size() < min_words && shown.size() < min_words) return;
        const double share = text.empty() || shown.empty() ? 0.0 : overlap(text, shown);
        if (share >= min_overlap) return;
        Finding& f = ctx.report(msg.entity(plain).body_path, msg.entity(plain).body,
                                "the text/plain alternative shares only " + std::to_string(int(share * 100)) +
                                    "% of its words with the HTML (" + std::to_string(text.size()) + " and " +
                                    std::to_string(shown.size()) +
                                    " distinct words); readers of either see "
                                    "different content");
        f.related.push_back({ctx.location(msg.entity(rich).body_path, msg.entity(rich).body), "the HTML alternative"});
        f.properties.push_back({"overlap", std::to_string(share)});
    });
}

}  // namespace inboxlint::checks
