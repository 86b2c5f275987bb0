#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {
constexpr std::size_t max_line = 998;  // RFC 5322 2.1.1, excluding the CRLF
}

void check_msg004_line_too_long(Context& ctx) {
    const mime::LineStats& lines = ctx.message().scan().lines;
    for (const Span& line : lines.long_line_examples) {
        // The finding covers the octets beyond the limit: what must move.
        Finding& f = ctx.report(ctx.message().part_at(line.begin), {line.begin + max_line, line.end},
                                "line is " + std::to_string(line.size()) + " octets long; the limit is 998");
        f.properties.push_back({"length", std::to_string(line.size())});
    }
    if (lines.long_lines > lines.long_line_examples.size() && !lines.long_line_examples.empty()) {
        Finding& last =
            ctx.report(ctx.message().part_at(lines.long_line_examples.back().begin), lines.long_line_examples.back(),
                       std::to_string(lines.long_lines) + " lines in all are longer than 998 octets; " +
                           "only the first " + std::to_string(lines.long_line_examples.size()) + " are listed");
        last.properties.push_back({"count", std::to_string(lines.long_lines)});
    }
}

}  // namespace inboxlint::checks
