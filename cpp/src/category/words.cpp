#include "category/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/utf8.hpp"

namespace inboxlint::category {
namespace {

// UTF-16 for ICU, with the UTF-8 offset of every code unit (and one past the
// end), so word boundaries map back to bytes.
struct Utf16 {
    icu::UnicodeString text;
    std::vector<std::uint32_t> offsets;
};

Utf16 to_utf16(std::string_view utf8) {
    Utf16 out;
    out.offsets.reserve(utf8.size() + 1);
    for (std::size_t i = 0; i < utf8.size();) {
        const core::DecodedCodePoint d = core::decode_utf8(utf8, i);
        const auto c = static_cast<UChar32>(d.valid ? d.code_point : 0xFFFD);
        out.text.append(c);
        out.offsets.push_back(static_cast<std::uint32_t>(i));
        if (c > 0xFFFF) out.offsets.push_back(static_cast<std::uint32_t>(i));
        i += d.length;
    }
    out.offsets.push_back(static_cast<std::uint32_t>(utf8.size()));
    return out;
}

// One word iterator per thread, cloned from a shared prototype (creating
// one from the rules is slow; using one from two threads is not allowed).
icu::BreakIterator* word_iterator() {
    static const std::unique_ptr<icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        return U_SUCCESS(status) ? std::move(it) : nullptr;
    }();
    if (!prototype) return nullptr;
    thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
    return mine.get();
}

const icu::Normalizer2* nfd() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
        return U_SUCCESS(status) ? n : nullptr;
    }();
    return instance;
}

bool is_ascii(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

Word make_word(std::string_view utf8, std::size_t begin, std::size_t end, int32_t status) {
    Word w;
    w.range = {begin, end};
    const std::string_view text = utf8.substr(begin, end - begin);
    w.folded = fold(text);
    w.kind = status >= UBRK_WORD_IDEO    ? WordKind::ideographic
             : status < UBRK_WORD_LETTER ? WordKind::number
                                         : WordKind::letters;
    bool lower = false;
    for (std::size_t i = 0; i < text.size();) {
        const core::DecodedCodePoint d = core::decode_utf8(text, i);
        const auto c = static_cast<UChar32>(d.code_point);
        if (u_isdigit(c)) w.has_digit = true;
        if (u_isalpha(c)) w.has_letter = true;
        if (u_islower(c)) lower = true;
        i += d.length;
    }
    w.upper = w.has_letter && !lower;
    return w;
}

// Without ICU's break rules (data missing): runs of letters and digits.
std::vector<Word> split_simple(std::string_view utf8) {
    std::vector<Word> words;
    std::size_t begin = std::string_view::npos;
    for (std::size_t i = 0; i <= utf8.size();) {
        const core::DecodedCodePoint d = i < utf8.size() ? core::decode_utf8(utf8, i) : core::DecodedCodePoint{};
        const bool alnum = i < utf8.size() && d.valid && u_isalnum(static_cast<UChar32>(d.code_point));
        if (alnum && begin == std::string_view::npos) begin = i;
        if (!alnum && begin != std::string_view::npos) {
            words.push_back(make_word(utf8, begin, i, UBRK_WORD_LETTER));
            begin = std::string_view::npos;
        }
        i += d.length;
    }
    return words;
}

}  // namespace

std::string fold(std::string_view utf8) {
    if (is_ascii(utf8)) {
        std::string out(utf8);
        for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    }
    icu::UnicodeString text = to_utf16(utf8).text;
    text.foldCase(U_FOLD_CASE_DEFAULT);
    if (const icu::Normalizer2* n = nfd()) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString decomposed = n->normalize(text, status);
        if (U_SUCCESS(status)) text = decomposed;
    }
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x2019 || c == 0x02BC || c == 0x2018) c = '\'';
        kept.append(c);
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::vector<Word> split_words(std::string_view utf8) {
    icu::BreakIterator* it = word_iterator();
    if (it == nullptr) return split_simple(utf8);
    const Utf16 text = to_utf16(utf8);
    it->setText(text.text);
    std::vector<Word> words;
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
        const int32_t status = it->getRuleStatus();
        if (status < UBRK_WORD_NUMBER) continue;
        const std::size_t from = text.offsets[static_cast<std::size_t>(begin)];
        const std::size_t to = text.offsets[static_cast<std::size_t>(end)];
        if (from < to) words.push_back(make_word(utf8, from, to, status));
    }
    // Leave no reference to the text behind (it dies with this call).
    it->setText(icu::UnicodeString());
    return words;
}

}  // namespace inboxlint::category
