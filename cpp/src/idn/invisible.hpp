// Characters that render as nothing or reorder what is shown: zero-width
// characters, other default-ignorable code points and bidirectional
// controls. In a URL or a domain any of them is suspect (UTS #46 silently
// drops most, so "pay<SHY>pal.example" opens paypal.example while no filter
// sees that name). In running text some are legitimate: a ZWJ inside an
// emoji sequence or an Indic word, a ZWNJ in Persian, a variation selector
// after an emoji; only their use inside ASCII words is suspect there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::idn {

struct InvisibleChar {
    std::size_t offset = 0;  // byte offset in the text
    std::size_t length = 0;  // bytes
    char32_t code_point = 0;
};

enum class InvisibleContext { name, text };

// Every suspect invisible character of `utf8` (at most `limit`).
std::vector<InvisibleChar> find_invisible(std::string_view utf8, InvisibleContext context, std::size_t limit = 32);

bool is_bidi_control(char32_t cp) noexcept;

// "U+200B ZERO WIDTH SPACE".
std::string describe_code_point(char32_t cp);

}  // namespace inboxlint::idn
