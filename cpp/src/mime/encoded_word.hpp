// RFC 2047 encoded words ("=?charset?Q?text?=", "=?charset?B?text?="), with the
// RFC 2231 section 5 language suffix ("=?utf-8*en?Q?...?="), in unstructured
// fields (Subject, Comments) and in phrases (display names).
//
// Tokenise first, decode after: the raw value is split into white space,
// literal text and encoded words; each word is validated and transfer-decoded,
// then converted to UTF-8 with the charset layer (WHATWG label mapping). So an
// encoded comma or quote never changes the structure of the value.
//
// Decoding is as lenient as common mail clients (what recipients see), and
// every deviation from RFC 2047 is recorded as an issue instead:
//   - an encoded word glued to text or to another word ("Re:=?utf-8?q?x?=") is
//     decoded, and flagged;
//   - the encoded text runs to the first "?=", so a '?' inside it is decoded
//     literally, and flagged;
//   - base64 with bad characters or padding decodes what it can, and is flagged;
//   - adjacent words with the same charset whose bytes only make sense
//     together (a multi-byte character split across words) are decoded
//     together, and flagged.
// Encoded words inside quoted strings are not decoded (RFC 2047 section 5 (3))
// unless asked for, but are always flagged, since many clients decode them.
//
// Issue codes (SyntaxIssue::code), on the word (EncodedWord::issues) unless noted:
//   "encoded-word-too-long"      longer than 75 characters (RFC 2047 section 2)
//   "unknown-charset"            the charset label names no charset we know; the
//                                bytes are shown as UTF-8 when valid, else windows-1252
//   "unknown-encoding"           the encoding is neither B nor Q; the word is kept
//                                as literal text
//   "invalid-base64"             characters outside the alphabet, bad padding or length
//   "invalid-q-encoding"         '?', space, control or 8-bit bytes, or a bad "=XX"
//   "invalid-q-in-phrase"        a character RFC 2047 section 5 (3) forbids in a Q
//                                word inside a phrase (only alphanumerics and
//                                "!*+-/=_" are allowed there)
//   "invalid-charset-bytes"      bytes that are invalid in the declared charset
//   "split-character"            a multi-byte character split across adjacent words
//                                (RFC 2047 section 5); decoded together
//   "encoded-word-not-separated" not separated by white space from adjacent text
//                                or a previous encoded word (RFC 2047 section 5 (1));
//                                in a phrase: not a whole atom
//   "malformed-encoded-word"     (header) "=?charset?X?" that never ends with "?="
//                                before white space; left as literal text
//   "encoded-word-in-quoted-string" (header) inside a quoted string
//   "encoded-word-in-addr-spec"  (encoded_words_in_addr_spec) in a local part or domain
//   "encoded-word-line-too-long" (header, field functions only) a line of the
//                                folded field holding an encoded word is longer
//                                than 76 characters (RFC 2047 section 2)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct HeaderField;
struct Mailbox;

// Maps ranges of a decoded header text back to message bytes. Literal text
// maps byte for byte (folding line breaks and quoted-pair backslashes are
// skipped); an encoded word maps to its whole span "=?...?="; a space that
// stands for collapsed white space or a comment maps to that whole run.
class HeaderTextMap {
public:
    explicit HeaderTextMap(std::size_t origin = 0) noexcept : origin_(origin) {}

    // `length` output bytes copied from message bytes [raw_begin, raw_begin + length).
    void append_exact(std::size_t length, std::size_t raw_begin);
    // `length` output bytes produced from the whole of `raw`.
    void append_whole(std::size_t length, Span raw);

    // The message bytes that produced decoded range `text_range`: exact inside
    // literal text, widened to whole encoded words elsewhere. An empty range
    // maps to a point. Ranges past the end are clamped.
    [[nodiscard]] Span to_raw(Span text_range) const noexcept;
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

private:
    struct Segment {
        std::size_t out_begin;
        std::size_t out_length;
        Span raw;
        bool exact;
    };
    [[nodiscard]] std::size_t segment_at(std::size_t out) const noexcept;

    std::vector<Segment> segments_;
    std::size_t size_ = 0;
    std::size_t origin_;
};

enum class WordEncoding { base64, quoted_printable, unknown };

struct EncodedWord {
    Span raw;                      // "=?" through "?=" (absolute offsets)
    Span charset_span;             // the charset label, language suffix included
    Span encoding_span;            // the encoding letter(s)
    Span text_span;                // the encoded text
    std::string charset;           // the label as written, without the language suffix
    std::string language;          // RFC 2231 section 5 language tag ("en"), empty when none
    std::string resolved_charset;  // the charset used to decode ("windows-1252" for
                                   // "iso-8859-1"); the fallback when unknown
    bool charset_known = true;
    WordEncoding encoding = WordEncoding::unknown;
    std::string text;  // this word's text in UTF-8 (empty when the encoding is unknown)
    Span decoded;      // where the word's text sits in DecodedHeader::text (empty when
                       // kept literal); words decoded together because of a split
                       // character all cover the text of the whole run
    SyntaxIssues issues;
};

struct DecodedHeader {
    std::string text;  // UTF-8, unfolded, encoded words decoded, trimmed
    HeaderTextMap map;
    std::vector<EncodedWord> words;  // every encoded word found, in order
    SyntaxIssues issues;             // defects not tied to one word (codes marked "header" above)

    // Message bytes of a range of `text`; see HeaderTextMap::to_raw.
    [[nodiscard]] Span to_raw(Span text_range) const noexcept { return map.to_raw(text_range); }
    // The words' issues and the header's, ordered by position.
    [[nodiscard]] SyntaxIssues all_issues() const;
};

// Unstructured text (RFC 5322 section 3.2.5: Subject, Comments, ...).
// `raw_value` is the field value as written (folding included), `base` its
// offset in the message. The text is unfolded (CR and LF removed, the white
// space after them kept) and trimmed; white space between two decoded
// encoded words is dropped (RFC 2047 section 6.2).
DecodedHeader decode_unstructured(std::string_view raw_value, std::size_t base);
// The same for a header field of `message`, with the 76-character line check
// ("encoded-word-line-too-long") over the field's lines, name included.
DecodedHeader decode_unstructured_field(std::string_view message, const HeaderField& field);

struct PhraseOptions {
    // Also decode encoded words inside quoted strings, as many clients do
    // (they are reported either way).
    bool decode_quoted = false;
};

// A phrase (RFC 5322 section 3.2.5: display names, group names) as written,
// `base` its offset. Like Mailbox::display_name_text (quotes and quoted-pair
// backslashes removed, comments dropped, white space collapsed to one space)
// with encoded words decoded. An encoded word should be a whole atom; one
// glued to other text is decoded and flagged.
DecodedHeader decode_phrase(std::string_view raw_phrase, std::size_t base, const PhraseOptions& options = {});
// The display name of a mailbox parsed from `message` (Mailbox::display_name).
DecodedHeader decode_display_name(std::string_view message, const Mailbox& mailbox, const PhraseOptions& options = {});

// "encoded-word-in-addr-spec" issues for encoded words written in a mailbox's
// local part or domain (RFC 2047 section 5: never allowed in an addr-spec).
SyntaxIssues encoded_words_in_addr_spec(std::string_view message, const Mailbox& mailbox);

// "encoded-word-line-too-long" issues for the lines of `field` that hold (part
// of) an encoded word and are longer than `max_line` characters (RFC 2047
// section 2 says 76; Python's email package and others fold at 78, the RFC
// 5322 section 2.1.1 recommendation, which no client minds). For structured
// fields too (From, To: display names).
SyntaxIssues encoded_word_line_issues(std::string_view message, const HeaderField& field, std::size_t max_line = 76);

}  // namespace inboxlint::mime
