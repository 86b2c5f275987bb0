// The whole entry point: any bytes must give a report, and every reporter
// must format it, without a crash, a leak or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "inboxlint/inboxlint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view message(reinterpret_cast<const char*>(data), size);
    const inboxlint::Report report = inboxlint::lint(message);
    for (const inboxlint::Finding& f : report.findings) {
        if (f.location.raw.begin > f.location.raw.end) __builtin_trap();
        if (f.location.raw.end > size && f.rule_id != "LINT001") __builtin_trap();
    }
    const inboxlint::ReportInput input{"fuzz", message, &report};
    (void)inboxlint::format_text(input);
    (void)inboxlint::format_json(input);
    (void)inboxlint::format_sarif({input});
    return 0;
}
