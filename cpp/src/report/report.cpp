// The small helpers declared in the public report header.
#include "inboxlint/report.hpp"

#include "core/ascii.hpp"

namespace inboxlint {

std::string_view to_string(Severity severity) noexcept {
    switch (severity) {
        case Severity::info:
            return "info";
        case Severity::warning:
            return "warning";
        case Severity::error:
            return "error";
    }
    return "warning";  // unreachable for valid enumerators; keeps casts from garbage harmless
}

std::optional<Severity> parse_severity(std::string_view text) noexcept {
    for (const Severity severity : {Severity::info, Severity::warning, Severity::error}) {
        if (core::iequals(text, to_string(severity))) return severity;
    }
    return std::nullopt;
}

std::size_t Report::count(Severity severity) const noexcept {
    std::size_t n = 0;
    for (const Finding& finding : findings) n += finding.severity == severity ? 1 : 0;
    return n;
}

std::optional<Severity> Report::max_severity() const noexcept {
    std::optional<Severity> most;
    for (const Finding& finding : findings) {
        if (!most || static_cast<int>(finding.severity) > static_cast<int>(*most)) most = finding.severity;
    }
    return most;
}

}  // namespace inboxlint
