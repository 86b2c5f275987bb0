#include <unicode/uchar.h>

#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {
namespace {

struct LetterCount {
    std::size_t letters = 0;  // every letter, cased or not (CJK, Arabic, ...)
    std::size_t upper = 0;    // upper and title case
    std::size_t lower = 0;
    std::size_t words = 0;  // white-space separated words with two or more cased letters
    Span range;             // first through last cased letter
};

LetterCount count_letters(std::string_view text, std::size_t from) {
    LetterCount n;
    std::size_t in_word = 0;
    bool have_range = false;
    for (const subj::CodePoint& cp : subj::code_points(text.substr(from))) {
        const auto c = static_cast<UChar32>(cp.value);
        if (u_isUWhiteSpace(c)) {
            n.words += in_word >= 2 ? 1 : 0;
            in_word = 0;
            continue;
        }
        if (!u_isalpha(c)) continue;
        ++n.letters;
        const bool lower = u_isULowercase(c);
        const bool upper = !lower && (u_isUUppercase(c) || u_istitle(c));
        if (!lower && !upper) continue;  // no case: Han, Arabic, ...
        (lower ? n.lower : n.upper) += 1;
        ++in_word;
        if (!have_range) n.range.begin = from + cp.begin;
        have_range = true;
        n.range.end = from + cp.end;
    }
    n.words += in_word >= 2 ? 1 : 0;
    return n;
}

}  // namespace

// Like SpamAssassin's SUBJ_ALL_CAPS: several words, enough letters, no
// lower case. Prefixes and list tags ("RE:", "[LIST]") do not count; letters
// without case (Han, Arabic, ...) neither prove nor disprove shouting, but a
// subject mostly in such a script is not judged.
void check_subj003_all_caps_subject(Context& ctx) {
    const mime::DecodedHeader* subject = subj::decoded_subject(ctx.message());
    if (!subject) return;
    const auto prefixes = subj::leading_prefixes(subject->text);
    const std::size_t from = prefixes.empty() ? 0 : prefixes.back().range.end;
    const LetterCount n = count_letters(subject->text, from);
    const auto min_letters = static_cast<std::size_t>(std::max<std::int64_t>(1, ctx.options().integer("min_letters")));
    if (n.lower > 0 || n.upper < min_letters || n.words < 2 || n.upper * 2 < n.letters) return;
    Finding& f = subj::report_range(ctx, *subject, n.range,
                                    "the Subject is written in capitals (" + std::to_string(n.upper) +
                                        " letters, none lower case): it reads as shouting");
    f.properties.push_back({"letters", std::to_string(n.upper)});
}

}  // namespace inboxlint::checks
