// HTML005: parse errors that change how the HTML renders, one finding per
// part at the first error, the others as related locations (HTML005.md).
#include <algorithm>
#include <map>

#include "rules/html/html_support.hpp"

namespace inboxlint::checks {

namespace {

constexpr std::size_t max_related = 10;

// The parse errors after which the page is not what was written: the end
// of the input inside a tag, attribute or comment (everything after it is
// swallowed), content the parser moved out of a table, and a duplicated
// attribute whose second value readers and filters may disagree about.
// Most parse errors (stray end tags, "</br>", missing doctypes, "&nbsp"
// without ";", "<o:p />") are repaired the same way by every client.
bool matters(const html::ParseError& e) {
    if (e.in_conditional) return false;  // Outlook's ghost-table fragments are unbalanced by design
    if (e.kind.starts_with("eof-")) return true;
    if (e.kind == "content-moved-out-of-table") return true;
    static const std::string_view contested[] = {"style", "href", "src", "action", "class", "id"};
    return e.kind == "duplicate-attribute" &&
           std::find(std::begin(contested), std::end(contested), e.tag) != std::end(contested);
}

std::string describe(const html::ParseError& e) {
    std::string out = e.kind;
    if (!e.tag.empty()) out += " (" + e.tag + ")";
    return out;
}

}  // namespace

void check_html005_invalid_html(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (int part : html::html_parts(msg)) {
        const html::HtmlDocument& doc = html::html_document(msg, part);
        const std::size_t size = doc.dom().text_size;
        std::vector<const html::ParseError*> errors;
        for (const html::ParseError& e : doc.dom().errors) {
            if (matters(e)) errors.push_back(&e);
        }
        if (errors.empty()) continue;
        std::stable_sort(errors.begin(), errors.end(),
                         [](const auto* a, const auto* b) { return a->offset < b->offset; });
        std::map<std::string, std::size_t> kinds;
        for (const html::ParseError* e : errors) ++kinds[e->kind];
        // An unterminated comment is reported where it opens, not at the end.
        std::size_t last_comment = size;
        for (const html::Node& n : doc.dom().nodes) {
            if (n.kind == html::NodeKind::comment) last_comment = n.span.begin;
        }
        auto at = [&](const html::ParseError& e) {
            const std::size_t begin = std::min(e.kind == "eof-in-comment" ? last_comment : e.offset, size);
            return Span{begin, std::min(begin + (e.kind == "eof-in-comment" ? 4 : 1), size)};
        };
        const html::ParseError& first = *errors.front();
        const std::string count =
            std::to_string(errors.size()) + (doc.dom().errors.size() >= html::Dom::max_kept_errors ? "+" : "");
        Finding& f = ctx.report_text(part, at(first),
                                     count + (errors.size() == 1 ? " HTML error changes" : " HTML errors change") +
                                         " how it renders, first: " + describe(first));
        for (std::size_t i = 1; i < errors.size() && i <= max_related; ++i) {
            f.related.push_back({ctx.text_location(part, at(*errors[i])), describe(*errors[i])});
        }
        with(f, "errors", count);
        std::string list;
        for (const auto& [kind, n] : kinds) list += (list.empty() ? "" : ", ") + kind + " x" + std::to_string(n);
        with(f, "kinds", list);
    }
}

}  // namespace inboxlint::checks
