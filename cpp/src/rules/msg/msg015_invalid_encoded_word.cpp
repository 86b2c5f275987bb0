#include <array>
#include <string_view>

#include "mime/encoded_word.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Fields whose display names may hold encoded words. Subject has its own
// rule in the SUBJ family.
constexpr std::array<std::string_view, 6> address_fields{"From", "Sender", "Reply-To", "To", "Cc", "Bcc"};
constexpr std::array<std::string_view, 2> text_fields{"Comments", "Content-Description"};

void report_issues(Context& ctx, const mime::SyntaxIssues& issues, std::string_view field) {
    for (const mime::SyntaxIssue& issue : issues) {
        Finding& f = ctx.report("", issue.span, std::string(field) + ": " + issue.detail);
        f.properties.push_back({"field", std::string(field)});
        f.properties.push_back({"defect", std::string(issue.code)});
    }
}

void check_address_field(Context& ctx, const mime::HeaderField& field, std::string_view name) {
    const analysis::Message& msg = ctx.message();
    // 78, not RFC 2047's 76: Python's email package folds at 78 and every
    // reader copes (the same limit SUBJ006 uses).
    report_issues(ctx, mime::encoded_word_line_issues(msg.text(), field, 78), name);
    for (const mime::Mailbox* m : msg.addresses(field).mailboxes()) {
        report_issues(ctx, mime::encoded_words_in_addr_spec(msg.text(), *m), name);
        if (!m->display_name.empty()) report_issues(ctx, mime::decode_display_name(msg.text(), *m).all_issues(), name);
    }
}

}  // namespace

void check_msg015_invalid_encoded_word(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : address_fields) {
        for (const mime::HeaderField* field : msg.fields(name)) check_address_field(ctx, *field, name);
    }
    for (std::string_view name : text_fields) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            report_issues(ctx, mime::decode_unstructured_field(msg.text(), *field).all_issues(), name);
        }
    }
}

}  // namespace inboxlint::checks
