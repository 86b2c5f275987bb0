// Links of an HTML part, read from the HTML engine's tree (html/dom.hpp):
// every URL-carrying attribute, and for <a> and <area> what the reader sees
// of the link (its text, its images and their alt text).
#include <array>

#include "core/ascii.hpp"
#include "html/document.hpp"
#include "url/links.hpp"

namespace inboxlint::url {
namespace {

struct UrlAttribute {
    std::string_view element;  // "*" for any element
    std::string_view attribute;
    LinkKind kind;

    // Every element of a part meets every entry: the first byte rules out
    // nearly all before a call compares whole names.
    [[nodiscard]] bool applies_to(std::string_view name) const noexcept {
        if (element.size() == 1 && element[0] == '*') return true;
        return element.size() == name.size() && element[0] == name[0] && element == name;
    }
};

constexpr std::array<UrlAttribute, 17> url_attributes{{
    {"a", "href", LinkKind::anchor},
    {"area", "href", LinkKind::area},
    {"form", "action", LinkKind::form},
    {"button", "formaction", LinkKind::form},
    {"input", "formaction", LinkKind::form},
    {"img", "src", LinkKind::image},
    {"input", "src", LinkKind::image},
    {"*", "background", LinkKind::background},
    {"link", "href", LinkKind::other},
    {"iframe", "src", LinkKind::other},
    {"frame", "src", LinkKind::other},
    {"embed", "src", LinkKind::other},
    {"object", "data", LinkKind::other},
    {"video", "src", LinkKind::other},
    {"video", "poster", LinkKind::other},
    {"audio", "src", LinkKind::other},
    {"source", "src", LinkKind::other},
}};

const html::Attribute* find_attribute(const html::Dom& dom, const html::Node& n, std::string_view name) {
    for (std::uint32_t i = 0; i < n.attr_count; ++i) {
        const html::Attribute& a = dom.attributes[n.attr_begin + i];
        if (a.name == name) return &a;
    }
    return nullptr;
}

std::uint32_t subtree_end(const html::Dom& dom, std::uint32_t index) {
    std::uint32_t end = index + 1;
    while (end < dom.nodes.size() && dom.nodes[end].depth > dom.nodes[index].depth) ++end;
    return end;
}

std::string collapse_space(std::string_view text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // U+00A0 (C2 A0) shows as a space too.
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

// Whether the text node shows (hidden text inside a link does not count as
// its text; without styles everything shows).
bool shows(const html::HtmlDocument* doc, std::uint32_t node) {
    if (doc == nullptr) return true;
    const html::TextStyle* style = doc->text_style(node);
    return style == nullptr || style->visible || style->shown_in_view;
}

// The text, images and label of an <a> or <area>: its subtree in the tree.
AnchorInfo anchor_info(const html::Dom& dom, const html::HtmlDocument* doc, std::uint32_t index, int entity) {
    AnchorInfo info;
    const html::Node& a = dom.nodes[index];
    const std::uint32_t end = subtree_end(dom, index);
    std::string text;
    Span content{a.span.end, a.span.end};
    bool first = true;
    for (std::uint32_t i = index + 1; i < end; ++i) {
        const html::Node& n = dom.nodes[i];
        if (n.is_text() && shows(doc, i)) text += n.text();
        if (n.is_element() && n.name() == "img") {
            ++info.images;
            const html::Attribute* alt = find_attribute(dom, n, "alt");
            const std::string alt_text = alt != nullptr ? collapse_space(alt->value) : std::string();
            if (alt_text.empty()) ++info.images_without_alt;
            if (!alt_text.empty()) info.image_alt += (info.image_alt.empty() ? "" : " ") + alt_text;
        }
        if (n.span.empty() || n.has(html::flag_implied) || n.kind == html::NodeKind::whitespace) continue;
        if (first) content.begin = n.span.begin, first = false;
        content.end = std::max(content.end, n.span.end);
    }
    // An <area> has no content: its alt text is what it shows.
    if (a.name() == "area") {
        const html::Attribute* alt = find_attribute(dom, a, "alt");
        if (alt != nullptr) text = alt->value;
    }
    info.text = collapse_space(text);
    info.text_place = Place{entity, false, content};
    for (const std::string_view name : {"aria-label", "title"}) {
        const html::Attribute* label = find_attribute(dom, a, name);
        if (label != nullptr && info.label.empty()) info.label = collapse_space(label->value);
    }
    return info;
}

Link make_link(const html::Attribute& attr, const UrlAttribute& what, std::string_view element, int entity,
               std::string_view part_text) {
    Link link;
    link.kind = what.kind;
    link.source = std::string(element) + " " + std::string(what.attribute);
    link.place = Place{entity, false, attr.value_span};
    link.written = attr.value;
    link.map = TextMap(attr.value_span.begin);
    if (!attr.verbatim) {
        // Character references change lengths; bytes before the first '&'
        // of the source still map one to one.
        const std::string_view raw = part_text.substr(attr.value_span.begin, attr.value_span.size());
        std::size_t same = 0;
        while (same < link.written.size() && same < raw.size() && raw[same] == link.written[same] && raw[same] != '&')
            ++same;
        link.map.unknown_from(same);
    }
    return link;
}

const Url* base_of(const html::Dom& dom, std::optional<UrlResult>& storage) {
    for (const html::Node& n : dom.nodes) {
        if (!n.is_element() || n.name() != "base") continue;
        const html::Attribute* href = find_attribute(dom, n, "href");
        if (href == nullptr) continue;
        storage = parse_url(href->value);
        return storage->url ? &*storage->url : nullptr;
    }
    return nullptr;
}

}  // namespace

void collect_dom_links(const html::Dom& dom, int entity, std::string_view part_text, std::vector<Link>& out,
                       const html::HtmlDocument* doc) {
    std::optional<UrlResult> base_storage;
    const Url* base = base_of(dom, base_storage);
    for (std::uint32_t i = 0; i < dom.nodes.size() && out.size() < max_links; ++i) {
        const html::Node& n = dom.nodes[i];
        if (!n.is_element()) continue;
        const std::string_view name = n.name();  // compared with literals: the size first
        for (const UrlAttribute& what : url_attributes) {
            if (!what.applies_to(name)) continue;
            if (what.kind == LinkKind::image && name == "input") {
                const html::Attribute* type = find_attribute(dom, n, "type");
                if (type == nullptr || !core::iequals(type->value, "image")) continue;
            }
            const html::Attribute* attr = find_attribute(dom, n, what.attribute);
            if (attr == nullptr || attr->value_span.end > part_text.size()) continue;
            Link link = make_link(*attr, what, n.name(), entity, part_text);
            parse_link(link);
            if (!link.url() && base != nullptr) link.parsed = parse_url(link.written, base);
            if (what.kind == LinkKind::anchor || what.kind == LinkKind::area)
                link.anchor = anchor_info(dom, doc, i, entity);
            out.push_back(std::move(link));
        }
    }
}

void collect_html_links(const analysis::Message& msg, int entity, std::vector<Link>& out) {
    const html::HtmlDocument& doc = html::html_document(msg, entity);
    collect_dom_links(doc.dom(), entity, msg.body_text(entity).view(), out, &doc);
}

}  // namespace inboxlint::url
