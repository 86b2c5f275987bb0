#include "html/words.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/utf8.hpp"

namespace inboxlint::html {
namespace {

bool is_space(char32_t c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

bool is_word_char(char32_t c) noexcept {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return u_isalnum(static_cast<UChar32>(c)) || u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC) ||
           (u_getCombiningClass(static_cast<UChar32>(c)) != 0 && !is_filler(c));
}

// Scripts written without spaces: every character is a word.
bool is_ideographic(char32_t c) noexcept {
    if (c < 0x0E00) return false;  // below Thai: no script written without spaces (and no ICU lookup for ASCII)
    const auto cp = static_cast<UChar32>(c);
    if (u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC)) return true;
    const UScriptCode script = static_cast<UScriptCode>(u_getIntPropertyValue(cp, UCHAR_SCRIPT));
    return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_THAI;
}

bool is_ascii_alnum(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

template <typename Word>
void scan_words(std::string_view utf8, Word&& on_word, std::size_t* fillers) {
    std::size_t begin = std::string_view::npos;
    // An apostrophe between letters belongs to the word ("email's", "we’ve").
    auto joins = [&](char32_t c, std::size_t next) {
        return (c == '\'' || c == 0x2019) && begin != std::string_view::npos && next < utf8.size() &&
               is_word_char(core::decode_utf8(utf8, next).code_point);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 1;
        bool word = false;
        bool ideographic = false;
        if (byte < 0x80) {  // ASCII, most of mail: no filler, no ideograph, no ICU lookup
            word = is_ascii_alnum(byte) || joins(byte, i + 1);
        } else {
            const core::DecodedCodePoint d = core::decode_utf8(utf8, i);
            const char32_t c = d.code_point;
            length = d.length;
            if (fillers != nullptr && is_filler(c)) ++*fillers;
            word = (d.valid && is_word_char(c) && !is_filler(c)) || joins(c, i + length);
            ideographic = word && is_ideographic(c);
        }
        if (ideographic) {
            if (begin != std::string_view::npos) on_word(utf8.substr(begin, i - begin));
            on_word(utf8.substr(i, length));
            begin = std::string_view::npos;
        } else if (word && begin == std::string_view::npos) {
            begin = i;
        } else if (!word && begin != std::string_view::npos) {
            on_word(utf8.substr(begin, i - begin));
            begin = std::string_view::npos;
        }
        i += length;
    }
    if (begin != std::string_view::npos) on_word(utf8.substr(begin));
}

}  // namespace

bool is_filler(char32_t c) noexcept {
    if (c < 0x00A0) return false;
    return c == 0x034F || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD ||
           c == 0x180E || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0 || c == 0x2800 || c == 0x00A0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

WordStats word_stats(std::string_view utf8) {
    WordStats stats;
    scan_words(
        utf8, [&](std::string_view) { ++stats.words; }, &stats.fillers);
    return stats;
}

void append_words(std::string_view utf8, std::vector<std::string>& out) {
    scan_words(
        utf8,
        [&](std::string_view w) {
            std::string lower(w);
            for (char& ch : lower) {
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            }
            out.push_back(std::move(lower));
        },
        nullptr);
}

void append_word_views(std::string_view utf8, std::vector<std::string_view>& out) {
    scan_words(
        utf8, [&](std::string_view w) { out.push_back(w); }, nullptr);
}

std::string normalize_text(std::string_view utf8, std::size_t max_bytes) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const core::DecodedCodePoint d = core::decode_utf8(utf8, i);
        const char32_t c = d.code_point;
        if (is_space(c) || is_filler(c) || c < 0x20) {
            pending_space = !out.empty();
        } else {
            if (out.size() + d.length + 1 > max_bytes) {
                out += "...";
                return out;
            }
            if (pending_space) out.push_back(' ');
            pending_space = false;
            out.append(utf8.substr(i, d.length));
        }
        i += d.length;
    }
    return out;
}

bool is_repetitive(const std::vector<std::string>& words) {
    if (words.size() < 8) return false;
    using Trigram = std::tuple<std::string_view, std::string_view, std::string_view>;
    std::map<Trigram, int> count;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) ++count[{words[i], words[i + 1], words[i + 2]}];
    // The share of words inside a three-word sequence that occurs again:
    // natural prose stays far under half, keyword lists are nearly all of it.
    std::vector<bool> covered(words.size(), false);
    for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        if (count[{words[i], words[i + 1], words[i + 2]}] >= 2) covered[i] = covered[i + 1] = covered[i + 2] = true;
    }
    const auto n = static_cast<std::size_t>(std::count(covered.begin(), covered.end(), true));
    return n * 2 >= words.size();
}

}  // namespace inboxlint::html
