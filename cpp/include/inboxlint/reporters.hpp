// Turning reports into text, JSON and SARIF 2.1.0.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/batch.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

// The version of the JSON report schema (cpp/docs/json-schema.md). Bumped when a
// field changes meaning or disappears; new fields do not bump it.
inline constexpr int json_schema_version = 1;

// One linted message: its report, the raw bytes it was linted from (for
// excerpts) and a name for it (a file path, "<stdin>", "mbox:3").
struct ReportInput {
    std::string_view name;
    std::string_view message;
    const Report* report = nullptr;
};

struct TextOptions {
    bool excerpts = true;         // show the source line with a caret under the range
    bool color = false;           // ANSI colours
    bool summary = true;          // end with "3 findings (1 error, 2 warnings)" or "no findings"
    std::size_t tab_width = 8;    // tab stops in excerpts
    std::size_t max_width = 160;  // longest excerpt in terminal cells (at least 40); longer lines are cut with "..."
};

// Compiler-style lines: name:line:col: severity: message [ID slug] [part P],
// then an excerpt with carets under the range and a note line per related
// location; a truncation note, an "authentication:" note (when the message
// is signed or records were supplied) and the summary line at the end. Every byte
// from the mail is shown terminal-safe (controls, escapes, invalid UTF-8).
[[nodiscard]] INBOXLINT_API std::string format_text(const ReportInput& input, const TextOptions& options = {});

// The authentication summary as an Authentication-Results value (RFC 8601
// section 2.2): "spf=pass (reason) smtp.mailfrom=example.com; dkim=...".
[[nodiscard]] INBOXLINT_API std::string format_authentication_results(const std::vector<AuthResult>& results);

// One JSON document for one report.
[[nodiscard]] INBOXLINT_API std::string format_json(const ReportInput& input);

// One SARIF 2.1.0 log with one run covering all the inputs.
[[nodiscard]] INBOXLINT_API std::string format_sarif(const std::vector<ReportInput>& inputs);

// The batch rules' findings (inboxlint/batch.hpp). `messages` is the batch
// they were checked over; for SARIF, `inputs` are the same messages in the
// same order, so each result points into its message's artifact.
//  - text: a "batch:" section, one compiler-style line per finding and a
//    note line per related message (no excerpts);
[[nodiscard]] INBOXLINT_API std::string format_text_batch(const std::vector<BatchFinding>& findings,
                                                          const std::vector<BatchMessage>& messages,
                                                          const TextOptions& options = {});
//  - JSON: one document per finding, {"schema_version": 1, "batch": {...}}
//    (cpp/docs/json-schema.md);
[[nodiscard]] INBOXLINT_API std::string format_json_batch(const BatchFinding& finding,
                                                          const std::vector<BatchMessage>& messages);
//  - SARIF: the log of format_sarif(inputs) with the batch findings as results too.
[[nodiscard]] INBOXLINT_API std::string format_sarif(const std::vector<ReportInput>& inputs,
                                                     const std::vector<BatchFinding>& batch);

}  // namespace inboxlint
