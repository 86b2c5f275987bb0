// HTML006: a <meta charset> or <meta http-equiv="Content-Type"> that names
// another charset than the part's Content-Type, in a part that has bytes
// the two charsets read differently.
#include "core/ascii.hpp"
#include "mime/charset.hpp"
#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

namespace {

// The charset a <meta> element declares, with the span of its value.
std::optional<std::pair<std::string, Span>> meta_charset(const html::Dom& dom, const html::Node& n) {
    if (const html::Attribute* cs = dom.attribute(n, "charset"))
        return std::pair{std::string(core::trim(cs->value)), cs->value_span};
    const html::Attribute* equiv = dom.attribute(n, "http-equiv");
    const html::Attribute* content = dom.attribute(n, "content");
    if (equiv == nullptr || content == nullptr || !core::iequals(core::trim(equiv->value), "content-type")) {
        return std::nullopt;
    }
    const std::string lower = core::to_lower(content->value);
    const std::size_t at = lower.find("charset");
    if (at == std::string::npos) return std::nullopt;
    std::size_t i = at + 7;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '=')) ++i;
    if (i < lower.size() && (lower[i] == '"' || lower[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < lower.size() && lower[end] != ';' && lower[end] != '"' && lower[end] != '\'' && lower[end] != ' ')
        ++end;
    if (end == i) return std::nullopt;
    Span span = content->value_span;
    if (content->verbatim) span = {content->value_span.begin + i, content->value_span.begin + end};
    return std::pair{std::string(content->value.substr(i, end - i)), span};
}

}  // namespace

void check_html006_charset_mismatch(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const std::string_view bytes = msg.decoded_body(part).view();
        if (core::is_ascii(bytes)) continue;  // ASCII reads the same either way
        const mime::Parameter* param = msg.entity(part).content_type.param("charset");
        const std::string mime_label = param != nullptr ? param->value : "us-ascii";
        const std::string mime_charset = mime::resolve_charset(mime_label);
        const html::HtmlDocument& doc = html::html_document(msg, part);
        for (const html::Node& n : doc.dom().nodes) {
            if (!n.is_element() || n.name() != "meta" || n.has(html::flag_outlook_only)) continue;
            const auto declared = meta_charset(doc.dom(), n);
            if (!declared) continue;
            const std::string meta_resolved = mime::resolve_charset(declared->first);
            if (meta_resolved.empty() || meta_resolved == mime_charset) break;
            Finding& f = ctx.report_text(part, declared->second,
                                         "<meta> declares charset " + declared->first + " but the Content-Type says " +
                                             (param != nullptr ? mime_label : "nothing (US-ASCII)"));
            with(f, "meta_charset", declared->first);
            with(f, "mime_charset", param != nullptr ? mime_label : "");
            break;  // the first declaration is the one that counts
        }
    }
}

}  // namespace inboxlint::checks
