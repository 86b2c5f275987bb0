#include "html/document.hpp"

#include <algorithm>

#include "core/ascii.hpp"

namespace inboxlint::html {

const TextStyle* HtmlDocument::text_style(std::uint32_t node) const noexcept {
    if (node >= text_style_index.size() || text_style_index[node] == no_node) return nullptr;
    return &styles.texts[text_style_index[node]];
}

std::vector<int> html_parts(const analysis::Message& msg) {
    std::vector<int> parts;
    for (std::size_t i = 0; i < msg.entities().size(); ++i) {
        const mime::Entity& e = msg.entities()[i];
        if (e.kind != mime::EntityKind::leaf || e.media_type != "text/html") continue;
        if (msg.is_attachment(static_cast<int>(i))) continue;
        parts.push_back(static_cast<int>(i));
    }
    return parts;
}

namespace {

HtmlDocument build(const analysis::Message& msg, int entity) {
    HtmlDocument doc;
    doc.entity = entity;
    const std::string_view text = msg.body_text(entity).view();
    const ParseOutcome& parsed = parsed_html(msg, entity);
    doc.tree = &parsed.dom;
    doc.limits = parsed.limits;
    doc.styles = compute_styles(parsed.dom, text);
    doc.text_style_index.assign(parsed.dom.nodes.size(), no_node);
    for (std::size_t i = doc.styles.texts.size(); i-- > 0;) {
        const std::uint32_t node = doc.styles.texts[i].node;
        if (node < doc.text_style_index.size()) doc.text_style_index[node] = static_cast<std::uint32_t>(i);
    }
    if (doc.styles.budget_exhausted) doc.limits.push_back({"html_style_work", doc.styles.work_budget, 0});
    doc.intents = classify(parsed.dom, doc.styles, text);
    for (const PrescanNote& note : doc.limits) {
        const std::size_t at = std::min(note.offset, text.size());
        msg.record_limit(note.limit, note.value, msg.text_to_raw(entity, {at, std::min(at + 1, text.size())}), entity);
    }
    return doc;
}

}  // namespace

const ParseOutcome& parsed_html(const analysis::Message& msg, int entity) {
    return msg.memo<ParseOutcome>(entity, [&] {
        ParseOptions options;
        options.limits.max_nodes = msg.limits().max_html_nodes;
        return parse_html(msg.body_text(entity).view(), options);
    });
}

const HtmlDocument& html_document(const analysis::Message& msg, int entity) {
    return msg.memo<HtmlDocument>(entity, [&] { return build(msg, entity); });
}

std::string describe_element(const Dom& dom, std::uint32_t element) {
    if (element >= dom.nodes.size() || !dom.nodes[element].is_element()) return "the document";
    const Node& n = dom.nodes[element];
    std::string out = "<" + std::string(n.name());
    for (const char* name : {"id", "class"}) {
        const Attribute* a = dom.attribute(n, name);
        if (a == nullptr) continue;
        std::string value(a->value.substr(0, 40));
        std::replace(value.begin(), value.end(), '"', '\'');
        out += std::string(" ") + name + "=\"" + value + "\"";
    }
    return out + ">";
}

}  // namespace inboxlint::html
