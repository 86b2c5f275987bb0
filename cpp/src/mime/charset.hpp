// Charset decoding to UTF-8 with ICU, keeping a map from each UTF-8 byte back
// to the bytes it was decoded from. Labels are resolved the way browsers and
// mail clients do (WHATWG): iso-8859-1 and us-ascii mean windows-1252, gb2312
// means gb18030.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/offset_map.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::mime {

struct CharsetDecoded {
    std::string utf8;           // the text when conversion changed the bytes
    std::string_view borrowed;  // the input itself when it already was the text
    bool owned = false;
    core::OffsetMap map;            // UTF-8 offset -> input offset
    std::string resolved;           // the charset actually used ("windows-1252")
    bool known = true;              // false: the label named no charset we know
    std::size_t invalid_count = 0;  // byte sequences invalid in the charset
    Span first_invalid;             // input offsets of the first one

    [[nodiscard]] std::string_view view() const noexcept { return owned ? std::string_view(utf8) : borrowed; }
};

// The charset a label resolves to, lower-case, or empty if it is unknown.
std::string resolve_charset(std::string_view label);

// Decodes `bytes` declared as `label`. An unknown label decodes as UTF-8 when
// the bytes are valid UTF-8 and as windows-1252 otherwise.
CharsetDecoded decode_charset(std::string_view bytes, std::string_view label);

}  // namespace inboxlint::mime
