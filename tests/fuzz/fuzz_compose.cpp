// The compose API template editors call on what an author typed: header
// lines, a text body and an HTML body go through the composer (mimetic) and
// the lint, and every finding maps back into the draft. Input: header lines
// ("Name: value", one per line), NUL, the text body, NUL, the HTML body.
// Invariants: one location per finding, each inside the source it names.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "inboxlint/compose.hpp"

namespace {

using namespace inboxlint;

Draft parse_input(std::string_view in) {
    Draft draft;
    const std::size_t first = in.find('\0');
    const std::string_view head = in.substr(0, first);
    std::string_view rest = first == std::string_view::npos ? std::string_view() : in.substr(first + 1);
    const std::size_t second = rest.find('\0');
    draft.text = std::string(rest.substr(0, second));
    if (second != std::string_view::npos) draft.html = std::string(rest.substr(second + 1));
    std::size_t at = 0;
    while (at < head.size() && draft.headers.size() < 64) {
        std::size_t end = head.find('\n', at);
        if (end == std::string_view::npos) end = head.size();
        const std::string_view line = head.substr(at, end - at);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            draft.headers.emplace_back(std::string(line), std::string());
        } else {
            draft.headers.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
        }
        at = end + 1;
    }
    return draft;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Linter linter;
    const Draft draft = parse_input(std::string_view(reinterpret_cast<const char*>(data), size));
    const DraftReport out = lint_draft(linter, draft);
    if (out.where.size() != out.report.findings.size()) __builtin_trap();
    for (const DraftLocation& w : out.where) {
        if (w.range.begin > w.range.end) __builtin_trap();
        switch (w.source) {
            case DraftSource::header:
                if (w.header_index >= draft.headers.size()) __builtin_trap();
                if (w.range.end > draft.headers[w.header_index].second.size()) __builtin_trap();
                break;
            case DraftSource::text:
                if (w.range.end > draft.text.size()) __builtin_trap();
                break;
            case DraftSource::html:
                if (w.range.end > draft.html.size()) __builtin_trap();
                break;
            case DraftSource::none:
                break;
        }
    }
    return 0;
}
