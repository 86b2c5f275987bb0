// Line breaks as gumbo's input reader leaves them: CR LF and a lone CR
// become LF. The Dom's text is gumbo's; the part's text is the source. These
// compare and convert between the two without building the normalised copy.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::html {

// Appends `raw` with its line breaks normalised.
void append_normalised(std::string& out, std::string_view raw);

// Whether `text` ends with `raw` as gumbo reads it.
bool ends_with_normalised(std::string_view text, std::string_view raw) noexcept;

// Whether `text` is `raw` as gumbo reads it: nothing but line breaks differ.
bool equals_normalised(std::string_view text, std::string_view raw) noexcept;

}  // namespace inboxlint::html
