#include "category/ascii_word_break.hpp"

#include <array>

namespace inboxlint::category {
namespace {

// UAX #29 Word_Break values of the ASCII characters, as ICU's root rules
// have them: '@' is a letter there (so "user@example" is one word) and ':'
// is not MidLetter (so "a:b" is three segments).
enum class Break : std::uint8_t {
    other,
    letter,          // ALetter: A-Z, a-z, @
    numeric,         // 0-9
    mid_num_let,     // .
    mid_num,         // , ;
    single_quote,    // '
    extend_num_let,  // _
    space,           // WSegSpace: the space
    cr,
    lf,
    newline,  // vertical tab, form feed
};

constexpr std::array<Break, 128> make_table() {
    std::array<Break, 128> t{};
    for (char c = 'a'; c <= 'z'; ++c) t[static_cast<unsigned char>(c)] = Break::letter;
    for (char c = 'A'; c <= 'Z'; ++c) t[static_cast<unsigned char>(c)] = Break::letter;
    for (char c = '0'; c <= '9'; ++c) t[static_cast<unsigned char>(c)] = Break::numeric;
    t['@'] = Break::letter;
    t['.'] = Break::mid_num_let;
    t[','] = Break::mid_num;
    t[';'] = Break::mid_num;
    t['\''] = Break::single_quote;
    t['_'] = Break::extend_num_let;
    t[' '] = Break::space;
    t['\r'] = Break::cr;
    t['\n'] = Break::lf;
    t['\v'] = Break::newline;
    t['\f'] = Break::newline;
    return t;
}

constexpr std::array<Break, 128> table = make_table();

class Breaker {
public:
    explicit Breaker(std::string_view text) : text_(text) {}

    [[nodiscard]] Break at(std::size_t i) const noexcept {
        return i < text_.size() ? table[static_cast<unsigned char>(text_[i]) & 0x7F] : Break::other;
    }

    // Whether a segment boundary lies between text[i-1] and text[i] (0 < i <
    // size), of classes prev and next.
    [[nodiscard]] bool breaks_before(std::size_t i, Break prev, Break next) const noexcept {
        // WB5 first: letter after letter is most of the text, and no rule
        // before it (all about line breaks and spaces) applies to letters.
        if (prev == Break::letter && next == Break::letter) return false;
        if (prev == Break::cr && next == Break::lf) return false;                                      // WB3
        if (is_newline(prev) || is_newline(next)) return true;                                         // WB3a, WB3b
        if (prev == Break::space && next == Break::space) return false;                                // WB3d
        if (prev == Break::letter && is_mid_letter(next) && at(i + 1) == Break::letter) return false;  // WB6
        if (i >= 2 && at(i - 2) == Break::letter && is_mid_letter(prev) && next == Break::letter) return false;  // WB7
        if (is_alnum(prev) && is_alnum(next)) return false;                                           // WB8, WB9, WB10
        if (prev == Break::numeric && is_mid_num(next) && at(i + 1) == Break::numeric) return false;  // WB12
        if (i >= 2 && at(i - 2) == Break::numeric && is_mid_num(prev) && next == Break::numeric) return false;  // WB11
        if ((is_alnum(prev) || prev == Break::extend_num_let) && next == Break::extend_num_let) return false;   // WB13a
        if (prev == Break::extend_num_let && is_alnum(next)) return false;                                      // WB13b
        return true;                                                                                            // WB999
    }

    // ICU's rule status is that of the rule the segment's last character
    // completed. The kind of a segment of one character:
    static AsciiSegmentKind first_kind(Break b) noexcept {
        if (b == Break::letter) return AsciiSegmentKind::letters;
        return b == Break::numeric ? AsciiSegmentKind::number : AsciiSegmentKind::none;  // a lone '_' is neither
    }
    // ... and after it grows by a character of class `next` following `prev`:
    // a trailing '_' keeps a number a number once ("1_") but not twice ("1__"
    // is letters).
    static AsciiSegmentKind grown_kind(AsciiSegmentKind kind, Break prev, Break next) noexcept {
        if (next == Break::letter) return AsciiSegmentKind::letters;
        if (next == Break::numeric) return AsciiSegmentKind::number;
        if (next == Break::extend_num_let) {
            return prev == Break::numeric ? AsciiSegmentKind::number : AsciiSegmentKind::letters;
        }
        return kind;
    }

private:
    static bool is_newline(Break b) noexcept { return b == Break::cr || b == Break::lf || b == Break::newline; }
    static bool is_alnum(Break b) noexcept { return b == Break::letter || b == Break::numeric; }
    static bool is_mid_letter(Break b) noexcept { return b == Break::mid_num_let || b == Break::single_quote; }
    static bool is_mid_num(Break b) noexcept {
        return b == Break::mid_num || b == Break::mid_num_let || b == Break::single_quote;
    }

    std::string_view text_;
};

}  // namespace

std::vector<AsciiSegment> ascii_words(std::string_view text) {
    std::vector<AsciiSegment> out;
    if (text.empty()) return out;
    const Breaker breaker(text);
    std::size_t begin = 0;
    Break prev = breaker.at(0);
    AsciiSegmentKind kind = Breaker::first_kind(prev);
    for (std::size_t i = 1; i <= text.size(); ++i) {
        const Break next = breaker.at(i);
        if (i < text.size() && !breaker.breaks_before(i, prev, next)) {
            kind = Breaker::grown_kind(kind, prev, next);
        } else {
            if (kind != AsciiSegmentKind::none) out.push_back({begin, i, kind});
            begin = i;
            kind = Breaker::first_kind(next);
        }
        prev = next;
    }
    return out;
}

}  // namespace inboxlint::category
