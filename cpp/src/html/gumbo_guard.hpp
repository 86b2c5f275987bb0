// Parsing an HTML part into a Dom with gumbo, guarded (cpp/docs/gumbo-guard.md):
// - the text is prescanned (prescan.hpp) so gumbo's work stays linear, and
//   handed over with a NUL byte after it (gumbo reads past the end otherwise);
// - gumbo allocates from an arena we own, within a budget; running over it
//   abandons the parse like an assertion does;
// - a failed assertion inside gumbo (Debian builds it with asserts on) jumps
//   back here instead of aborting the process: the part is reported unparsed.
// gumbo_guard.cpp is the only file that includes gumbo.h.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "html/dom.hpp"
#include "html/prescan.hpp"

namespace inboxlint::html {

struct ParseOptions {
    PrescanLimits limits;
    // Bytes gumbo may allocate in total (0: derived from the limits and the size).
    std::size_t memory_budget = 0;
    // Parse the content of <!--[if mso]> ... <![endif]--> comments as fragments.
    bool parse_conditional_comments = true;
    // Read style sheets and style attributes without gumbo (cuts.hpp);
    // false only to compare both ways in tests.
    bool read_css_apart = true;
    // Read most of each run of character data without gumbo (cuts.hpp);
    // false only to compare both ways in tests.
    bool read_text_apart = true;
};

struct ParseOutcome {
    Dom dom;
    std::vector<PrescanNote> limits;  // limits hit, by the prescan or the parse itself
    std::size_t css_read_apart = 0;   // style sheets and style attributes read without gumbo (cuts.hpp)
    std::size_t text_read_apart = 0;  // runs of character data whose end was read without gumbo
};

// `text` is a part's decoded UTF-8 text; every offset in the Dom is an offset in it.
ParseOutcome parse_html(std::string_view text, const ParseOptions& options);

// For tests of the guard itself: feeds an assertion failure through the same
// path gumbo's would take while a parse is running (returns false when the
// guard did not catch it, which would mean the process is about to abort).
bool gumbo_guard_self_test();

}  // namespace inboxlint::html
