// Linting drafts, for template editors: build a message from headers, a text
// body and an HTML body, lint it, and map every finding back to the header,
// the text or the HTML the author wrote, so an editor can underline it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "inboxlint/export.hpp"
#include "inboxlint/linter.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

struct Draft {
    // In order; values as written (UTF-8 allowed). MIME-Version,
    // Content-Type and Content-Transfer-Encoding are set by the composer and
    // ignored here.
    std::vector<std::pair<std::string, std::string>> headers;
    std::string text;  // the text/plain body; empty for none
    std::string html;  // the text/html body; empty for none
};

enum class DraftSource { none, header, text, html };

// Where a finding lies in the draft.
struct DraftLocation {
    DraftSource source = DraftSource::none;
    std::size_t header_index = 0;  // with DraftSource::header: index into Draft::headers
    Span range;                    // bytes of that header value, of `text` or of `html`
};

struct DraftReport {
    std::string message;                 // the composed RFC 5322 message the report is about
    Report report;
    std::vector<DraftLocation> where;    // one per report.findings entry, same order
};

// Composes the draft (multipart/alternative when it has both bodies; each
// body base64-encoded UTF-8, so no line-length or encoding findings come from
// the composition itself) and lints it. Never throws for any draft content.
[[nodiscard]] INBOXLINT_API DraftReport lint_draft(const Linter& linter, const Draft& draft);

// Lints an HTML fragment or document as the only body of a message with
// these headers.
[[nodiscard]] INBOXLINT_API DraftReport lint_html(const Linter& linter, std::string_view html,
                                                  std::vector<std::pair<std::string, std::string>> headers = {});

}  // namespace inboxlint
