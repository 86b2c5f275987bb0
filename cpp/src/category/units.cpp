#include "category/units.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/name_set.hpp"

namespace inboxlint::category {
namespace {

// Elements that separate the words around them although they are inline.
bool breaks_text(std::string_view tag) noexcept {
    return tag == "br" || tag == "img" || tag == "hr" || tag == "input" || tag == "button" || tag == "wbr";
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool blank_line(std::string_view line) noexcept {
    return std::all_of(line.begin(), line.end(), [](char c) { return is_space(c); });
}

struct Building {
    Unit unit;
    std::uint32_t last_node = html::no_node;
};

// What separates a text node from the unit's previous one: nothing when
// only inline elements of the same block lie between them ("<b>NEST</b>20"
// reads "NEST20"), a line break otherwise.
std::string_view separator(const html::Dom& dom, const std::vector<std::uint32_t>& owners, const Building& b,
                           std::uint32_t node) {
    if (b.last_node == html::no_node) return {};
    for (std::uint32_t i = b.last_node + 1; i < node; ++i) {
        const html::Node& n = dom.node(i);
        if (owners[i] != b.unit.element || (n.is_element() && breaks_text(n.name()))) return "\n";
    }
    return {};
}

void append_run(Building& b, std::string_view separator, std::string_view text, Span source, bool verbatim,
                std::uint32_t node) {
    b.unit.text += separator;
    Run run;
    run.at = b.unit.text.size();
    run.size = text.size();
    run.source = source;
    run.verbatim = verbatim;
    run.node = node;
    b.unit.text += text;
    b.unit.runs.push_back(run);
    b.last_node = node;
}

}  // namespace

bool is_block_element(std::string_view tag) noexcept {
    static const core::NameSet tags{
        "address", "article", "aside",   "blockquote", "body",       "caption", "center", "dd",   "details", "dialog",
        "div",     "dl",      "dt",      "fieldset",   "figcaption", "figure",  "footer", "form", "h1",      "h2",
        "h3",      "h4",      "h5",      "h6",         "header",     "hr",      "li",     "main", "nav",     "ol",
        "p",       "pre",     "section", "table",      "tbody",      "td",      "th",     "tr",
    };
    return tags.contains(tag);
}

std::vector<std::size_t> subtree_ends(const html::Dom& dom) {
    std::vector<std::size_t> ends(dom.nodes.size(), 0);
    for (std::size_t i = dom.nodes.size(); i-- > 0;) {
        const html::Node& n = dom.nodes[i];
        ends[i] = std::max(ends[i], n.span.end);
        if (n.parent != html::no_node && n.parent < i) ends[n.parent] = std::max(ends[n.parent], ends[i]);
    }
    return ends;
}

std::vector<std::uint32_t> block_owners(const html::Dom& dom) {
    std::vector<std::uint32_t> owners(dom.nodes.size(), html::no_node);
    for (std::size_t i = 0; i < dom.nodes.size(); ++i) {
        const html::Node& n = dom.nodes[i];
        if (n.is_element() && is_block_element(n.name())) {
            owners[i] = static_cast<std::uint32_t>(i);
        } else if (n.parent != html::no_node && n.parent < i) {
            owners[i] = owners[n.parent];
        }
    }
    return owners;
}

bool shown(const html::HtmlDocument& doc, std::uint32_t node) {
    if (doc.dom().node(node).has(html::flag_outlook_only)) return false;
    const html::TextStyle* style = doc.text_style(node);
    return style != nullptr && (style->visible || style->shown_in_view);
}

std::vector<Unit> html_units(const html::HtmlDocument& doc, std::string_view part_text,
                             const std::vector<std::uint32_t>& owners, const std::vector<std::size_t>& ends) {
    const html::Dom& dom = doc.dom();
    std::vector<Building> building;
    std::unordered_map<std::uint32_t, std::size_t> by_element;
    for (std::uint32_t i = 0; i < dom.nodes.size(); ++i) {
        const html::Node& n = dom.node(i);
        if (!n.is_text() || owners[i] == html::no_node || !shown(doc, i)) continue;
        const auto [it, added] = by_element.try_emplace(owners[i], building.size());
        if (added) {
            Building b;
            b.unit.element = owners[i];
            b.unit.range = {dom.node(owners[i]).span.begin, std::max(dom.node(owners[i]).span.begin, ends[owners[i]])};
            building.push_back(std::move(b));
        }
        Building& b = building[it->second];
        const std::string_view sep = separator(dom, owners, b, i);
        if (n.kind == html::NodeKind::whitespace) {
            if (!b.unit.text.empty() && !is_space(b.unit.text.back())) append_run(b, sep, " ", n.span, false, i);
            continue;
        }
        const bool verbatim = n.span.end <= part_text.size() && n.span.size() == n.text().size() &&
                              part_text.substr(n.span.begin, n.span.size()) == n.text();
        append_run(b, sep, n.text(), n.span, verbatim, i);
    }
    std::vector<Unit> units;
    units.reserve(building.size());
    for (Building& b : building) units.push_back(std::move(b.unit));
    return units;
}

namespace {

// A paragraph longer than this is read as several units: no reader takes in
// 16 KB as one block, and the model's memory stays bounded by a unit's words,
// not by the part (a 10 MB line without a newline is 640 units).
constexpr std::size_t max_unit_bytes = 16 * 1024;

// Where to cut `text` (longer than max_unit_bytes) near that size: after the
// last white space before it, else at a character boundary.
std::size_t cut_point(std::string_view text) {
    const std::size_t space = text.find_last_of(" \t", max_unit_bytes);
    if (space != std::string_view::npos && space > 0) return space + 1;
    std::size_t cut = max_unit_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return cut > 0 ? cut : max_unit_bytes;
}

}  // namespace

std::vector<Unit> text_units(std::string_view part_text) {
    std::vector<Unit> units;
    std::size_t begin = std::string_view::npos;
    std::size_t end = 0;
    const auto close = [&] {
        if (begin == std::string_view::npos) return;
        Unit u;
        u.range = {begin, end};
        u.text = std::string(part_text.substr(begin, end - begin));
        u.runs.push_back({0, u.text.size(), u.range, true, html::no_node});
        units.push_back(std::move(u));
        begin = std::string_view::npos;
    };
    for (std::size_t at = 0; at < part_text.size();) {
        std::size_t next = part_text.find('\n', at);
        next = next == std::string_view::npos ? part_text.size() : next + 1;
        if (next - at > max_unit_bytes) next = at + cut_point(part_text.substr(at, next - at));
        std::string_view line = part_text.substr(at, next - at);
        // Quoted lines ("> ...") are an earlier message's words, not this one's.
        if (blank_line(line) || line.starts_with('>')) {
            close();
        } else {
            if (begin != std::string_view::npos && next - begin > max_unit_bytes) close();
            if (begin == std::string_view::npos) begin = at;
            while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
            end = at + line.size();
        }
        at = next;
    }
    close();
    return units;
}

Span Unit::to_source(Span r) const {
    if (runs.empty()) return range;
    // The last run starting at or before an offset.
    const auto run_at = [&](std::size_t offset) -> std::size_t {
        const auto it =
            std::upper_bound(runs.begin(), runs.end(), offset, [](std::size_t o, const Run& x) { return o < x.at; });
        return it == runs.begin() ? 0 : static_cast<std::size_t>(it - runs.begin()) - 1;
    };
    const std::size_t first_index = run_at(r.begin);
    const Run& first = runs[first_index];
    const Run& last = runs[run_at(r.end > r.begin ? r.end - 1 : r.begin)];
    Span out;
    if (r.begin >= first.at + first.size) {  // in a separator: from the next run on
        out.begin = first_index + 1 < runs.size() ? runs[first_index + 1].source.begin : first.source.end;
    } else {
        out.begin = first.verbatim ? first.source.begin + (r.begin - first.at) : first.source.begin;
    }
    const std::size_t end_in = r.end > last.at ? std::min(r.end - last.at, last.size) : 0;
    out.end = last.verbatim ? last.source.begin + end_in : last.source.end;
    if (out.end < out.begin) out.end = out.begin;
    return out;
}

}  // namespace inboxlint::category
