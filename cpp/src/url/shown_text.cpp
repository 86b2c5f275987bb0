#include "url/shown_text.hpp"

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "idn/invisible.hpp"

namespace inboxlint::url {
namespace {

bool is_full_stop(char32_t cp) noexcept { return cp == 0x3002 || cp == 0xFF0E || cp == 0xFF61; }

bool is_fullwidth_ascii(char32_t cp) noexcept { return cp >= 0xFF01 && cp <= 0xFF5E; }

// Maps the full stops and fullwidth forms of `text` in place of their bytes.
std::string map_compatibility_forms(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const core::DecodedCodePoint d = core::decode_utf8(text, pos);
        if (d.valid && is_full_stop(d.code_point)) {
            out.push_back('.');
        } else if (d.valid && is_fullwidth_ascii(d.code_point)) {
            out.push_back(static_cast<char>(d.code_point - 0xFEE0));
        } else {
            out.append(text.substr(pos, d.length));
        }
        pos += d.length;
    }
    return out;
}

}  // namespace

std::string as_an_address_bar_reads(std::string_view text) {
    if (core::is_ascii(text)) return std::string(text);
    std::string kept;
    kept.reserve(text.size());
    std::size_t from = 0;
    for (const idn::InvisibleChar& c : idn::find_invisible(text, idn::InvisibleContext::name, text.size())) {
        kept.append(text.substr(from, c.offset - from));
        from = c.offset + c.length;
    }
    kept.append(text.substr(from));
    return map_compatibility_forms(kept);
}

}  // namespace inboxlint::url
