// The decoded text of quoted-printable and base64 parts, for excerpts: a
// finding in such a part is shown in the text the reader sees ("café",
// style="display:none"), not in "caf=C3=A9", "=3D" or a base64 line. The
// message is parsed again, once per report and only when a finding needs it.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "inboxlint/report.hpp"
#include "inboxlint/reporters.hpp"

namespace inboxlint::report {

struct DecodedExcerptSource {
    std::string_view text;   // the part's decoded UTF-8 text
    std::string_view label;  // "qp" or "b64": what the gutter shows instead of a line number
};

class DecodedParts {
public:
    explicit DecodedParts(const ReportInput& input);
    ~DecodedParts();
    DecodedParts(const DecodedParts&) = delete;
    DecodedParts& operator=(const DecodedParts&) = delete;

    // The text to show for a location with a decoded range in a
    // transfer-encoded part, or nothing (the raw bytes are the text).
    std::optional<DecodedExcerptSource> source(const Location& location);

private:
    struct Parsed;
    const ReportInput& input_;
    std::unique_ptr<Parsed> parsed_;
};

}  // namespace inboxlint::report
