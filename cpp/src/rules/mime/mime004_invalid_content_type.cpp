#include "mime/content_type.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

// Content-Disposition (RFC 2183) takes the same parameter syntax, and its
// filename breaks the same way: an unquoted "file name.pdf" is cut at the
// space by some readers and kept whole by others.
void check_disposition(Context& ctx, const analysis::Message& msg, int index, const mime::Entity& e) {
    for (const mime::HeaderField* field : msg.fields("Content-Disposition", index)) {
        const mime::ParameterizedValue value =
            mime::parse_content_disposition(msg.raw_value(*field), field->value.begin);
        for (const mime::SyntaxIssue& issue : value.issues) {
            Finding& f = ctx.report(e.path, issue.span, "Content-Disposition: " + issue.detail);
            f.properties.push_back({"defect", std::string(issue.code)});
        }
    }
}

}  // namespace

void check_mime004_invalid_content_type(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_entity(msg, [&](int index, const mime::Entity& e) {
        for (const mime::SyntaxIssue& issue : e.content_type.issues) {
            Finding& f = ctx.report(e.path, issue.span, "Content-Type: " + issue.detail);
            f.properties.push_back({"defect", std::string(issue.code)});
            if (e.media_type_defaulted) f.message += "; read as " + e.media_type;
        }
        const auto fields = msg.fields("Content-Type", index);
        for (std::size_t i = 1; i < fields.size(); ++i) {
            Finding& f = ctx.report(e.path, fields[i]->field, "Content-Type appears more than once; the first is used");
            f.related.push_back({ctx.location(e.path, fields[0]->field), "first Content-Type field"});
        }
        check_disposition(ctx, msg, index, e);
    });
}

}  // namespace inboxlint::checks
