// The style engine's driver: collects the style sheets, indexes their rules,
// walks the tree once and runs the cascade for every view (style.hpp).
#include "html/style.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "core/ascii.hpp"
#include "html/line_breaks.hpp"
#include "html/style_compute.hpp"

namespace inboxlint::html {

std::string_view technique_name(Technique t) noexcept {
    switch (t) {
        case Technique::none:
            return "none";
        case Technique::not_rendered:
            return "not-rendered";
        case Technique::display_none:
            return "display:none";
        case Technique::hidden_attribute:
            return "hidden attribute";
        case Technique::visibility:
            return "visibility:hidden";
        case Technique::opacity:
            return "opacity";
        case Technique::zero_size:
            return "zero size with overflow:hidden";
        case Technique::zero_line_height:
            return "line-height:0 with overflow:hidden";
        case Technique::off_screen:
            return "off-screen position";
        case Technique::text_indent:
            return "negative text-indent";
        case Technique::clip:
            return "clip";
        case Technique::clip_path:
            return "clip-path";
        case Technique::transform:
            return "transform:scale(0)";
        case Technique::tiny_font:
            return "tiny font-size";
        case Technique::transparent_color:
            return "transparent color";
        case Technique::color_contrast:
            return "text color matches background";
    }
    return "?";
}

namespace {

using detail::Computed;
using detail::Specified;

// Rules by the key of their rightmost compound: its id, else a class, else
// its tag; the rest are tried on every element.
class RuleIndex {
public:
    RuleIndex(const css::Stylesheet& sheet, bool quirks) : quirks_(quirks) {
        for (std::uint32_t i = 0; i < sheet.rules.size(); ++i) {
            const css::Selector& s = sheet.rules[i].selector;
            if (s.pseudo_element || s.compounds.empty()) continue;
            const css::Compound& c = s.compounds.back();
            if (!c.ids.empty()) {
                by_id_[key(c.ids.front())].push_back(i);
            } else if (!c.classes.empty()) {
                by_class_[key(c.classes.front())].push_back(i);
            } else if (!c.tag.empty()) {
                by_tag_[c.tag].push_back(i);
            } else {
                any_.push_back(i);
            }
        }
    }

    // The rules that may match an element. Each rule sits in one bucket, so
    // only a class written twice could bring it twice: classes are deduplicated
    // instead of the (possibly long) result.
    void candidates(const Dom& dom, const Node& n, std::vector<std::uint32_t>& out) const {
        out.clear();
        auto add = [&](const auto& map, const std::string& k) {
            const auto it = map.find(k);
            if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
        };
        if (const Attribute* id = dom.attribute(n, "id")) add(by_id_, key(id->value));
        if (const Attribute* cls = dom.attribute(n, "class")) {
            std::vector<std::string> seen;
            css::Matcher::for_each_class(cls->value, [&](std::string_view c) {
                std::string k = key(c);
                if (std::find(seen.begin(), seen.end(), k) != seen.end() || seen.size() > 64) return;
                add(by_class_, k);
                seen.push_back(std::move(k));
            });
        }
        add(by_tag_, std::string(n.name()));
        out.insert(out.end(), any_.begin(), any_.end());
    }

private:
    [[nodiscard]] std::string key(std::string_view s) const { return quirks_ ? core::to_lower(s) : std::string(s); }

    bool quirks_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_id_, by_class_, by_tag_;
    std::vector<std::uint32_t> any_;
};

// Every rule's selector as pointers to its compounds, equal compounds shared
// across the sheet. Matching then reads two arrays and the distinct compounds,
// not each rule's own heap blocks: thousands of rules that differ in one
// compound (hostile CSS) took about a kilobyte each, spread over as many
// pages, and past a few thousand rules every step missed the cache and the TLB.
class SelectorChains {
public:
    explicit SelectorChains(const std::vector<css::StyleRule>& rules) {
        std::unordered_set<const css::Compound*, Hash, Equal> distinct;
        ranges_.reserve(rules.size());
        for (const css::StyleRule& rule : rules) {
            const auto begin = static_cast<std::uint32_t>(chains_.size());
            if (!rule.selector.pseudo_element) {
                for (const css::Compound& c : rule.selector.compounds) chains_.push_back(*distinct.insert(&c).first);
            }
            ranges_.push_back({begin, static_cast<std::uint32_t>(chains_.size() - begin)});
        }
    }

    // Empty for a selector that never matches an element.
    [[nodiscard]] std::span<const css::Compound* const> chain(std::uint32_t rule) const {
        return {chains_.data() + ranges_[rule].begin, ranges_[rule].count};
    }

private:
    struct Hash {
        std::size_t operator()(const css::Compound* c) const noexcept { return css::hash_value(*c); }
    };
    struct Equal {
        bool operator()(const css::Compound* a, const css::Compound* b) const { return *a == *b; }
    };
    struct Range {
        std::uint32_t begin;
        std::uint32_t count;
    };
    std::vector<const css::Compound*> chains_;
    std::vector<Range> ranges_;
};

// Adds the rules of a <style> element's text node `t`. The Dom's text is
// gumbo's: CR LF and CR made LF, NUL made U+FFFD, character references
// decoded inside SVG. The CSS tokenizer reads line breaks in the source as
// the spec does, so where only those differ the source bytes are read, and
// every offset is exact. Where the parser changed more, the Dom's text is
// read, and each declaration and selector points at the whole text.
void add_style_sheet(const Node& t, std::string_view part_text, std::string_view media, bool quirks,
                     css::Stylesheet& sheet) {
    if (t.span.end <= part_text.size()) {
        const std::string_view source = part_text.substr(t.span.begin, t.span.size());
        if (equals_normalised(t.text(), source)) {
            css::parse_stylesheet(source, t.span.begin, media, quirks, sheet);
            return;
        }
    }
    const std::size_t first_block = sheet.blocks.size();
    const std::size_t first_rule = sheet.rules.size();
    css::parse_stylesheet(t.text(), t.span.begin, media, quirks, sheet);
    for (std::size_t b = first_block; b < sheet.blocks.size(); ++b) {
        for (css::Declaration& d : sheet.blocks[b]) d.span = t.span;
    }
    for (std::size_t r = first_rule; r < sheet.rules.size(); ++r) sheet.rules[r].span = t.span;
}

css::Stylesheet collect_style_sheets(const Dom& dom, std::string_view part_text) {
    css::Stylesheet sheet;
    for (std::uint32_t i = 0; i < dom.nodes.size(); ++i) {
        const Node& n = dom.nodes[i];
        // Style sheets inside <!--[if mso]> apply in Outlook only.
        if (!n.is_element() || n.name() != "style" || n.has(flag_outlook_only)) continue;
        if (dom.ancestor_named(i, "template") != no_node) continue;
        for (std::uint32_t c = n.first_child; c != no_node; c = dom.nodes[c].next_sibling) {
            const Node& t = dom.nodes[c];
            if (t.is_text()) add_style_sheet(t, part_text, dom.attribute_value(n, "media"), dom.quirks, sheet);
        }
    }
    return sheet;
}

class Engine {
public:
    Engine(const Dom& dom, std::string_view part_text, std::size_t budget)
        : dom_(dom),
          sheet_(collect_style_sheets(dom, part_text)),
          index_(sheet_, dom.quirks),
          chains_(sheet_.rules),
          budget_(budget),
          matcher_(dom, budget_),
          views_(sheet_.groups.size()) {
        result_.views = sheet_.groups;
        result_.rules = sheet_.rules.size();
        result_.invalid_rules = sheet_.invalid_rules;
    }

    StyleResult run();

private:
    // An open element: its computed values per view are styles_[first,
    // first + views_) when some view may differ, else styles_[first] alone
    // stands for every view. Frames form a stack, and so do their styles,
    // kept in one array instead of one allocation per element.
    struct Frame {
        std::uint32_t element;
        std::size_t first;
        std::uint32_t differs = 0;  // bit v: view v may differ from view 0
    };

    void element(std::uint32_t index);
    void text(std::uint32_t index);
    const Frame& parent_frame(std::uint32_t index);
    void read_inline_style(const Node& n);
    void match_rules(std::uint32_t index, const Node& n);
    void cascade(std::size_t view, Specified& out) const;
    [[nodiscard]] const Computed& style(const Frame& f, std::size_t view) const {
        return styles_[f.first + ((f.differs >> view) & 1u ? view : 0)];
    }

    const Dom& dom_;
    css::Stylesheet sheet_;
    RuleIndex index_;
    SelectorChains chains_;  // views into sheet_
    std::size_t budget_;
    css::Matcher matcher_;
    std::size_t views_;
    std::vector<Frame> stack_;
    std::vector<Computed> styles_;
    // The current element's inputs, reused from element to element.
    std::vector<css::Declaration> hints_;
    std::vector<css::Declaration> inline_style_;
    std::unordered_map<std::string_view, std::vector<css::Declaration>> parsed_styles_;
    std::vector<std::uint32_t> candidates_;
    std::vector<std::uint32_t> matched_;
    std::optional<css::Rgba> body_link_;
    StyleResult result_;
};

StyleResult Engine::run() {
    stack_.push_back({0, 0});
    styles_.resize(1);  // the document: the same in every view
    // One TextStyle per text node, reserved: growing held two arrays at once.
    result_.texts.reserve(static_cast<std::size_t>(
        std::count_if(dom_.nodes.begin(), dom_.nodes.end(), [](const Node& n) { return n.is_text(); })));
    for (std::uint32_t i = 1; i < dom_.nodes.size(); ++i) {
        const Node& n = dom_.nodes[i];
        if (n.is_element()) element(i);
        if (n.is_text()) text(i);
    }
    result_.budget_exhausted = matcher_.exhausted();
    return std::move(result_);
}

// The frame of the nearest element ancestor; frames of finished subtrees
// are dropped on the way (the nodes come in document order).
const Engine::Frame& Engine::parent_frame(std::uint32_t index) {
    std::uint32_t p = dom_.nodes[index].parent;
    while (p != no_node && !dom_.nodes[p].is_element() && p != 0) p = dom_.nodes[p].parent;
    if (p == no_node) p = 0;
    while (stack_.size() > 1 && stack_.back().element != p) {
        styles_.resize(stack_.back().first);
        stack_.pop_back();
    }
    return stack_.back();
}

void Engine::element(std::uint32_t index) {
    const Node& n = dom_.nodes[index];
    const std::string_view name = n.name();  // compared with literals: the size first
    hints_.clear();
    detail::presentational_hints(dom_, n, body_link_ ? &*body_link_ : nullptr, dom_.quirks, hints_);
    if (name == "body") {
        if (const auto c = css::parse_legacy_color(dom_.attribute_value(n, "link")); c && !n.has(flag_outlook_only)) {
            body_link_ = c;
        }
    }
    read_inline_style(n);
    match_rules(index, n);
    std::uint32_t own_views = 0;  // views whose rules match this element
    for (std::uint32_t r : matched_) {
        const std::uint16_t g = sheet_.rules[r].group;
        if (g != 0) own_views |= 1u << g;
    }
    const Frame parent = parent_frame(index);
    const Frame frame{index, styles_.size(), parent.differs | own_views};
    styles_.resize(frame.first + (frame.differs != 0 ? views_ : 1));
    bool pixel = false;
    bool background_image = false;
    for (std::size_t v = 0; v < views_; ++v) {
        if (v > 0 && (frame.differs & (1u << v)) == 0) continue;  // nothing conditional on the path: view 0 stands
        Specified specified{};
        cascade(v, specified);
        styles_[frame.first + v] = detail::compute({dom_, index, n, specified}, style(parent, v));
        if (v == 0) {
            pixel = detail::is_pixel(specified);
            background_image = detail::has_background_image(specified);
        }
    }
    if (name == "img" || background_image) {
        const Computed& s = style(frame, 0);
        const bool visible = s.box == Technique::none && !s.not_rendered && !s.visibility_hidden && s.opacity >= 0.1;
        result_.images.push_back({index, visible, pixel, name != "img"});
    }
    stack_.push_back(frame);
}

void Engine::read_inline_style(const Node& n) {
    inline_style_.clear();
    const Attribute* style = dom_.attribute(n, "style");
    if (style == nullptr) return;
    // Templates repeat the same style attribute on many elements: each text
    // is parsed once, at offset 0, and its declarations moved to each place.
    auto [it, added] = parsed_styles_.try_emplace(style->value);
    if (added) it->second = css::parse_declaration_list(style->value, 0, dom_.quirks);
    inline_style_ = it->second;
    for (css::Declaration& d : inline_style_) {
        if (style->verbatim) {
            d.span = {d.span.begin + style->value_span.begin, d.span.end + style->value_span.begin};
        } else {
            d.span = style->value_span;  // entities moved the offsets
        }
    }
}

// The rules whose selectors match the element, in cascade order.
void Engine::match_rules(std::uint32_t index, const Node& n) {
    matched_.clear();
    if (!matcher_.exhausted()) {
        index_.candidates(dom_, n, candidates_);
        for (std::uint32_t r : candidates_) {
            if (matcher_.matches(chains_.chain(r), index)) {
                matched_.push_back(r);
                matcher_.charge(sheet_.blocks[sheet_.rules[r].block].size());  // the cascade applies them
            }
            if (matcher_.exhausted()) break;
        }
    }
    std::sort(matched_.begin(), matched_.end(), [&](std::uint32_t a, std::uint32_t b) {
        const css::StyleRule& ra = sheet_.rules[a];
        const css::StyleRule& rb = sheet_.rules[b];
        return ra.specificity != rb.specificity ? ra.specificity < rb.specificity : ra.order < rb.order;
    });
}

void Engine::cascade(std::size_t view, Specified& out) const {
    auto apply = [&](const css::Declaration& d) { out[static_cast<std::size_t>(d.property)] = &d; };
    for (const css::Declaration& d : hints_) apply(d);
    auto rules = [&](bool important) {
        for (std::uint32_t r : matched_) {
            const css::StyleRule& rule = sheet_.rules[r];
            if (rule.group != 0 && rule.group != view) continue;
            for (const css::Declaration& d : sheet_.blocks[rule.block]) {
                if (d.important == important) apply(d);
            }
        }
    };
    rules(false);
    for (const css::Declaration& d : inline_style_) {
        if (!d.important) apply(d);
    }
    rules(true);
    for (const css::Declaration& d : inline_style_) {
        if (d.important) apply(d);
    }
}

void Engine::text(std::uint32_t index) {
    const Frame& parent = parent_frame(index);
    TextStyle t = detail::judge_text(index, style(parent, 0));
    if (!t.visible && t.technique != Technique::not_rendered) {
        for (std::size_t v = 1; v < views_; ++v) {
            if ((parent.differs & (1u << v)) == 0) continue;
            if (detail::judge_text(index, style(parent, v)).visible) {
                t.shown_in_view = true;
                t.view = static_cast<std::uint16_t>(v);
                break;
            }
        }
    }
    result_.texts.push_back(t);
}

}  // namespace

StyleResult compute_styles(const Dom& dom, std::string_view part_text, std::size_t work_budget) {
    if (!dom.parsed) return {};
    // A few steps per byte: real style sheets need far fewer, and quadratic
    // inputs (thousands of rules for thousands of elements) stop here.
    const std::size_t budget = work_budget != 0 ? work_budget : 500000 + 8 * dom.parsed_size;
    StyleResult result = Engine(dom, part_text, budget).run();
    result.work_budget = budget;
    return result;
}

}  // namespace inboxlint::html
