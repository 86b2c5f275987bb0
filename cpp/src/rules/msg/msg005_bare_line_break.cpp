#include "rules/context.hpp"
#include "rules/header_rules.hpp"

namespace inboxlint::checks {
namespace {

void report_breaks(Context& ctx, const std::vector<Span>& examples, std::size_t count, std::string_view what,
                   std::string_view why) {
    if (examples.empty()) return;
    Finding& f = ctx.report(ctx.message().part_at(examples.front().begin), examples.front(),
                            count_phrase(count, std::string(what), std::string(what) + "s") + std::string(why));
    for (std::size_t i = 1; i < examples.size(); ++i) {
        f.related.push_back({ctx.location(ctx.message().part_at(examples[i].begin), examples[i]), std::string(what)});
    }
    f.properties.push_back({"count", std::to_string(count)});
}

}  // namespace

void check_msg005_bare_line_break(Context& ctx) {
    const mime::LineStats& lines = ctx.message().scan().lines;
    report_breaks(ctx, lines.bare_cr_examples, lines.bare_cr, "bare CR",
                  "; a CR must be followed by LF (RFC 5322 2.3)");
    // A file that uses LF throughout is a Unix copy of a message; mixing the
    // two is a defect of the message itself.
    const bool mixed = lines.crlf > 0;
    if (mixed || ctx.options().boolean("require_crlf")) {
        report_breaks(ctx, lines.bare_lf_examples, lines.bare_lf, "bare LF",
                      mixed ? " among CRLF line breaks; every line must end in CRLF" : "; every line must end in CRLF");
    }
}

}  // namespace inboxlint::checks
