// RFC 2047 encoded words (unstructured text, phrases, display names, addr-specs,
// folded lines) and RFC 5322 dates: never crash, decoded text is valid UTF-8,
// and every span stays inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.hpp"
#include "mime/address.hpp"
#include "mime/date.hpp"
#include "mime/encoded_word.hpp"
#include "mime/scanner.hpp"

namespace {

using namespace inboxlint;

constexpr std::size_t base = 7;

void check_span(Span s, std::size_t size) {
    if (s.begin > s.end || s.end > base + size || s.begin < base) __builtin_trap();
}

void check_decoded(const mime::DecodedHeader& d, std::size_t size) {
    if (core::find_invalid_utf8(d.text) != std::string_view::npos) __builtin_trap();
    if (d.map.size() != d.text.size()) __builtin_trap();
    for (std::size_t i = 0; i <= d.text.size(); i += 1 + i / 8) {
        check_span(d.to_raw({i, d.text.size()}), size);
        check_span(d.to_raw({0, i}), size);
    }
    for (const mime::SyntaxIssue& issue : d.all_issues()) check_span(issue.span, size);
    for (const mime::EncodedWord& w : d.words) {
        check_span(w.raw, size);
        if (w.decoded.end > d.text.size() || w.decoded.begin > w.decoded.end) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_decoded(mime::decode_unstructured(text, base), size);
    check_decoded(mime::decode_phrase(text, base), size);
    check_decoded(mime::decode_phrase(text, base, {.decode_quoted = true}), size);

    const mime::DateTime date = mime::parse_date_time(text, base);
    for (const mime::SyntaxIssue& issue : date.issues) check_span(issue.span, size);
    check_span(date.span, size);
    if (date.understood != date.timestamp.has_value()) __builtin_trap();

    // Display names and addr-specs as the address parser finds them, in
    // message coordinates (base 0), and the line check over the whole input
    // taken as one header field.
    const mime::AddressList list = mime::parse_address_list(text, 0);
    for (const mime::Mailbox* m : list.mailboxes()) {
        const mime::DecodedHeader name = mime::decode_display_name(text, *m);
        if (core::find_invalid_utf8(name.text) != std::string_view::npos) __builtin_trap();
        for (const mime::SyntaxIssue& issue : mime::encoded_words_in_addr_spec(text, *m)) {
            if (issue.span.end > size) __builtin_trap();
        }
    }
    mime::HeaderField field;
    field.field = {0, size};
    field.value = {0, size};
    for (const mime::SyntaxIssue& issue : mime::encoded_word_line_issues(text, field)) {
        if (issue.span.end > size) __builtin_trap();
    }
    return 0;
}
