#include <array>
#include <string_view>

#include "analysis/dates.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::array<std::string_view, 10> address_fields{
    "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc",
};

void report(Context& ctx, Span span, std::string what, std::string_view field) {
    Finding& f = ctx.report("", span, "obsolete syntax (RFC 5322 section 4): " + std::move(what));
    if (!field.empty()) f.properties.push_back({"field", std::string(field)});
}

void address_obsolete(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : address_fields) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            for (const mime::SyntaxIssue& issue : msg.addresses(*field).issues) {
                if (issue.code == "obsolete-syntax" || issue.code == "empty-list-element") {
                    report(ctx, issue.span, issue.detail, name);
                }
            }
        }
    }
}

void msg_id_obsolete(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (const mime::HeaderField* field : msg.fields("Message-ID")) {
        for (const mime::SyntaxIssue& issue : msg.message_id(*field).issues) {
            if (issue.code == "obsolete-msg-id") report(ctx, issue.span, issue.detail, "Message-ID");
        }
    }
    for (std::string_view name : {"In-Reply-To", "References"}) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            for (const mime::SyntaxIssue& issue : msg.msg_id_list(*field).issues) {
                if (issue.code == "obsolete-msg-id") report(ctx, issue.span, issue.detail, name);
            }
        }
    }
}

void date_obsolete(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : {"Date", "Resent-Date"}) {
        for (const mime::HeaderField* field : msg.fields(name)) {
            for (const mime::SyntaxIssue& issue : analysis::date_of(msg, *field).issues) {
                if (issue.code == "obsolete-date-syntax") report(ctx, issue.span, issue.detail, name);
            }
        }
    }
}

}  // namespace

void check_msg010_obsolete_syntax(Context& ctx) {
    for (const mime::ScanIssue& issue : ctx.message().scan().issues) {
        if (issue.code == "whitespace-before-colon") report(ctx, issue.span, issue.detail, {});
    }
    address_obsolete(ctx);
    msg_id_obsolete(ctx);
    date_obsolete(ctx);
}

}  // namespace inboxlint::checks
