#include <algorithm>

#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {

// Every RFC 2047 defect the decoder recorded in the Subject, at its bytes.
// Lines with encoded words over 76 characters only count past
// `max_line_length`: Python's email package and others fold at 78 (the RFC
// 5322 section 2.1.1 recommendation), and no client minds.
void check_subj006_malformed_encoded_word(Context& ctx) {
    const mime::DecodedHeader* subject = subj::decoded_subject(ctx.message());
    if (!subject) return;
    const auto max_line =
        static_cast<std::size_t>(std::max<std::int64_t>(76, ctx.options().integer("max_line_length")));
    for (const mime::SyntaxIssue& issue : subject->all_issues()) {
        if (issue.code == "encoded-word-line-too-long" && issue.span.size() <= max_line) continue;
        Finding& f = ctx.report("", issue.span, "encoded word in the Subject: " + issue.detail);
        f.properties.push_back({"issue", std::string(issue.code)});
    }
}

}  // namespace inboxlint::checks
