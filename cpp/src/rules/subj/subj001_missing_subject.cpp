#include <unicode/uchar.h>

#include "analysis/header_text.hpp"
#include "rules/header_rules.hpp"
#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {
namespace {

// White space, controls and default-ignorable characters show nothing.
bool shows_something(std::string_view text) {
    for (const subj::CodePoint& cp : subj::code_points(text)) {
        const auto c = static_cast<UChar32>(cp.value);
        if (u_isUWhiteSpace(c) || u_iscntrl(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        return true;
    }
    return false;
}

}  // namespace

void check_subj001_missing_subject(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = analysis::subject_field(msg);
    if (!field) {
        report_missing_field(ctx, "Subject");
        return;
    }
    const mime::DecodedHeader& subject = analysis::decoded_unstructured(msg, *field);
    if (shows_something(subject.text)) return;
    Finding& f =
        ctx.report("", field->field,
                   subject.text.empty() ? "the Subject is empty"
                                        : "the Subject shows nothing: only white space or invisible characters");
    f.properties.push_back({"decoded_length", std::to_string(subject.text.size())});
}

}  // namespace inboxlint::checks
