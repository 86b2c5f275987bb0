#include "category/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "category/ascii_word_break.hpp"
#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace inboxlint::category {
namespace {

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

WordKind kind_of(int32_t status) {
    return status >= UBRK_WORD_IDEO    ? WordKind::ideographic
           : status < UBRK_WORD_LETTER ? WordKind::number
                                       : WordKind::letters;
}

// Letters, digits and case without ICU: most mail is ASCII and this runs
// for every word.
void classify_ascii(std::string_view text, Word& w) {
    bool lower = false;
    for (char c : text) {
        w.has_digit = w.has_digit || core::is_digit(c);
        w.has_letter = w.has_letter || core::is_alpha(c);
        lower = lower || (c >= 'a' && c <= 'z');
    }
    w.upper = w.has_letter && !lower;
}

void classify_unicode(std::string_view text, Word& w) {
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
}

Word make_word(std::string_view utf8, std::size_t begin, std::size_t end, int32_t status) {
    Word w;
    w.range = {begin, end};
    const std::string_view text = utf8.substr(begin, end - begin);
    w.folded = fold(text);
    w.hash = fold_hash(w.folded);
    w.kind = kind_of(status);
    if (core::is_ascii(text)) {
        classify_ascii(text, w);
    } else {
        classify_unicode(text, w);
    }
    return w;
}

// make_word for a segment of ASCII text: the folded form and the classes
// in one pass (this runs for every word of most mail).
Word make_ascii_word(std::string_view ascii, const AsciiSegment& segment) {
    Word w;
    w.range = {segment.begin, segment.end};
    w.kind = segment.kind == AsciiSegmentKind::number ? WordKind::number : WordKind::letters;
    const std::string_view text = ascii.substr(segment.begin, segment.end - segment.begin);
    w.folded.resize(text.size());
    bool lower = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool capital = c >= 'A' && c <= 'Z';
        const bool small = c >= 'a' && c <= 'z';
        lower = lower || small;
        w.has_letter = w.has_letter || capital || small;
        w.has_digit = w.has_digit || core::is_digit(c);
        w.folded[i] = capital ? static_cast<char>(c - 'A' + 'a') : c;
    }
    w.upper = w.has_letter && !lower;
    w.hash = fold_hash(w.folded);
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
    if (core::is_ascii(utf8)) {
        std::string out(utf8);
        for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        return out;
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX))));
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
    if (!core::is_ascii(utf8)) return split_words_with_icu(utf8);
    const std::vector<AsciiSegment> segments = ascii_words(utf8);
    std::vector<Word> words;
    words.reserve(segments.size());
    for (const AsciiSegment& s : segments) words.push_back(make_ascii_word(utf8, s));
    return words;
}

std::vector<Word> split_words_with_icu(std::string_view utf8) {
    icu::BreakIterator* it = word_iterator();
    if (it == nullptr || utf8.size() > INT32_MAX) return split_simple(utf8);
    // ICU breaks the UTF-8 in place: its boundaries are byte offsets, and
    // no UTF-16 copy or offset table is made.
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    it->setText(text, status);
    if (U_FAILURE(status)) {
        utext_close(text);
        return split_simple(utf8);
    }
    std::vector<Word> words;
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
        const int32_t rule = it->getRuleStatus();
        if (rule >= UBRK_WORD_NUMBER && begin < end) {
            words.push_back(make_word(utf8, static_cast<std::size_t>(begin), static_cast<std::size_t>(end), rule));
        }
    }
    // Leave no reference to the text behind (it dies with this call).
    it->setText(icu::UnicodeString());
    utext_close(text);
    return words;
}

}  // namespace inboxlint::category
