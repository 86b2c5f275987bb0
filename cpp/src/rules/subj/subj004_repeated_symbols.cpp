#include <algorithm>
#include <array>

#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {
namespace {

// Exclamation and question marks and currency signs, in their ASCII,
// inverted, double, fullwidth and emoji forms.
constexpr std::array<char32_t, 25> loud_signs{
    U'!',   U'?',   U'$',   0x20AC, 0xA3,   0xA5,   0xA1,   0xBF,   0x203C,  0x2047,  0x2048,  0x2049,  0xFF01,
    0xFF1F, 0xFF04, 0xFFE5, 0xFFE1, 0x2757, 0x2755, 0x2753, 0x2754, 0x1F4B2, 0x1F4B0, 0x1F4B5, 0x1F4B8,
};

bool is_loud(char32_t c) noexcept { return std::find(loud_signs.begin(), loud_signs.end(), c) != loud_signs.end(); }

// "⁉" and "‼" are two marks in one character.
std::size_t weight(char32_t c) noexcept { return c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049 ? 2 : 1; }

}  // namespace

void check_subj004_repeated_symbols(Context& ctx) {
    const mime::DecodedHeader* subject = subj::decoded_subject(ctx.message());
    if (!subject) return;
    const auto min_run = static_cast<std::size_t>(std::max<std::int64_t>(2, ctx.options().integer("min_run")));
    const auto max_total = static_cast<std::size_t>(std::max<std::int64_t>(0, ctx.options().integer("max_total")));
    const std::vector<subj::CodePoint> cps = subj::code_points(subject->text);
    std::size_t total = 0;
    bool reported = false;
    Span all{0, 0};
    for (std::size_t i = 0; i < cps.size();) {
        if (!is_loud(cps[i].value)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        std::size_t run = 0;
        while (j < cps.size() && is_loud(cps[j].value)) run += weight(cps[j++].value);
        if (total == 0) all.begin = cps[i].begin;
        all.end = cps[j - 1].end;
        total += run;
        if (run >= min_run) {
            const Span range{cps[i].begin, cps[j - 1].end};
            Finding& f = subj::report_range(ctx, *subject, range,
                                            "\"" + subject->text.substr(range.begin, range.size()) +
                                                "\" in the Subject: runs of exclamation marks, question marks or "
                                                "currency signs are a mark of spam");
            f.properties.push_back({"count", std::to_string(run)});
            reported = true;
        }
        i = j;
    }
    if (reported || max_total == 0 || total < max_total) return;
    Finding& f = subj::report_range(
        ctx, *subject, all,
        "the Subject has " + std::to_string(total) + " exclamation marks, question marks or currency signs");
    f.properties.push_back({"count", std::to_string(total)});
}

}  // namespace inboxlint::checks
