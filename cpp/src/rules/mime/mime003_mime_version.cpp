#include "core/ascii.hpp"
#include "mime/lexer.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

// "1.0", allowing comments and white space between the tokens (RFC 2045 4).
bool is_version_one(std::string_view raw) {
    std::string compact;
    mime::Lexer lex(raw, 0);
    while (true) {
        lex.skip_cfws();
        if (lex.at_end()) break;
        compact.push_back(lex.peek());
        lex.advance();
    }
    return compact == "1.0";
}

// Only declarations that differ from what an RFC 822 reader assumes without
// MIME (text/plain; charset=us-ascii, 7bit) need MIME-Version to be read.
bool needs_mime(const analysis::Message& msg) {
    const mime::Entity& root = msg.root();
    if (root.kind != mime::EntityKind::leaf || root.media_type != "text/plain") return true;
    if (root.transfer_encoding.name != "7bit") return true;
    const mime::Parameter* charset = root.content_type.param("charset");
    return charset && !core::iequals(charset->value, "us-ascii");
}

}  // namespace

void check_mime003_mime_version(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto fields = msg.fields("MIME-Version");
    if (fields.empty()) {
        if (!needs_mime(msg)) return;
        const std::size_t at = msg.root().header.begin;
        ctx.report("", {at, at}, "the message declares MIME content (" + msg.root().media_type + ", " +
                                     msg.root().transfer_encoding.name + ") but has no MIME-Version: 1.0 field");
        return;
    }
    if (!is_version_one(msg.raw_value(*fields[0]))) {
        ctx.report("", fields[0]->value, "MIME-Version must be 1.0, not '" + msg.unfolded_value(*fields[0]) + "'");
    }
    for (std::size_t i = 1; i < fields.size(); ++i) {
        Finding& f = ctx.report("", fields[i]->field, "MIME-Version appears more than once");
        f.related.push_back({ctx.location("", fields[0]->field), "first MIME-Version field"});
    }
}

}  // namespace inboxlint::checks
