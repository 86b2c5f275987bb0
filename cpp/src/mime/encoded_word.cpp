// Encoded words one at a time: finding them in a run of text, checking and
// transfer-decoding them (B and Q), charset conversion, and decoding runs of
// adjacent words together when a multi-byte character was split between them.
#include "mime/encoded_word.hpp"

#include <algorithm>
#include <cstdint>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "mime/charset.hpp"
#include "mime/encoded_word_detail.hpp"

namespace inboxlint::mime {

void HeaderTextMap::append_exact(std::size_t length, std::size_t raw_begin) {
    if (length == 0) return;
    if (!segments_.empty()) {
        Segment& last = segments_.back();
        if (last.exact && last.raw.end == raw_begin) {
            last.out_length += length;
            last.raw.end += length;
            size_ += length;
            return;
        }
    }
    segments_.push_back({size_, length, {raw_begin, raw_begin + length}, true});
    size_ += length;
}

void HeaderTextMap::append_whole(std::size_t length, Span raw) {
    if (length == 0) return;
    segments_.push_back({size_, length, raw, false});
    size_ += length;
}

std::size_t HeaderTextMap::segment_at(std::size_t out) const noexcept {
    const auto it = std::upper_bound(segments_.begin(), segments_.end(), out,
                                     [](std::size_t value, const Segment& s) { return value < s.out_begin; });
    return it == segments_.begin() ? 0 : static_cast<std::size_t>(it - segments_.begin()) - 1;
}

Span HeaderTextMap::to_raw(Span text_range) const noexcept {
    if (segments_.empty()) return {origin_, origin_};
    const std::size_t end = std::min(text_range.end, size_);
    const std::size_t begin = std::min(text_range.begin, end);
    if (begin == end) {
        if (begin == size_) return {segments_.back().raw.end, segments_.back().raw.end};
        const Segment& s = segments_[segment_at(begin)];
        const std::size_t point = s.exact ? s.raw.begin + (begin - s.out_begin) : s.raw.begin;
        return {point, point};
    }
    const Segment& first = segments_[segment_at(begin)];
    const Segment& last = segments_[segment_at(end - 1)];
    Span raw;
    raw.begin = first.exact ? first.raw.begin + (begin - first.out_begin) : first.raw.begin;
    raw.end = last.exact ? last.raw.begin + (end - last.out_begin) : last.raw.end;
    if (raw.end < raw.begin) raw.end = raw.begin;
    return raw;
}

SyntaxIssues DecodedHeader::all_issues() const {
    SyntaxIssues all = issues;
    for (const EncodedWord& w : words) all.insert(all.end(), w.issues.begin(), w.issues.end());
    std::stable_sort(all.begin(), all.end(), [](const SyntaxIssue& a, const SyntaxIssue& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
    });
    return all;
}

namespace ew_detail {
namespace {

constexpr std::size_t max_word_length = 75;  // RFC 2047 section 2

// RFC 2047 token: printable ASCII except SPACE and especials.
bool is_ew_token_char(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return false;
    constexpr std::string_view especials = "()<>@,;:\"/[]?.=";
    return especials.find(c) == std::string_view::npos;
}

// The first "?=" at or after `from` in text[..end); positions only move
// forward across the attempts of one run, so the search is linear overall.
class Terminator {
public:
    std::size_t next(std::string_view text, std::size_t from, std::size_t end) {
        if (!searched_ || (pos_ != npos && pos_ < from)) {
            searched_ = true;
            pos_ = npos;
            for (std::size_t i = from; i + 1 < end; ++i) {
                if (text[i] == '?' && text[i + 1] == '=') {
                    pos_ = i;
                    break;
                }
            }
        }
        return pos_;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;
    std::size_t pos_ = npos;
    bool searched_ = false;
};

struct Match {
    std::size_t end = 0;
    bool prefix = false;  // "=?charset?X?" was seen, whether or not it ended
};

// At text[p] == '=' and text[p + 1] == '?'. charset and encoding are RFC 2047
// tokens; the encoded text runs to the first "?=" (clients accept a '?' inside).
bool match_word(std::string_view text, std::size_t p, std::size_t end, Terminator& terminator, Match& m) {
    std::size_t q = p + 2;
    while (q < end && is_ew_token_char(text[q])) ++q;
    if (q == p + 2 || q >= end || text[q] != '?') return false;
    std::size_t r = q + 1;
    while (r < end && is_ew_token_char(text[r])) ++r;
    if (r == q + 1 || r >= end || text[r] != '?') return false;
    m.prefix = r == q + 2 && core::is_alpha(text[q + 1]);
    const std::size_t stop = terminator.next(text, r + 1, end);
    if (stop == std::string_view::npos) return false;
    m.end = stop + 2;
    return true;
}

void add_issue(SyntaxIssues& issues, std::string_view code, Span span, std::string detail) {
    for (const SyntaxIssue& i : issues) {
        if (i.code == code) return;  // one issue of a kind per word is enough
    }
    issues.push_back({code, span, std::move(detail)});
}

std::string describe_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
    constexpr std::string_view hex = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

int base64_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Decodes what it can: characters outside the alphabet are skipped, decoding
// stops at padding.
void decode_b(std::string_view s, std::size_t abs, WordWork& w) {
    std::uint32_t acc = 0;
    int bits = 0;
    std::size_t data = 0;
    std::size_t pads = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const int v = base64_value(s[i]);
        const Span at{abs + i, abs + i + 1};
        if (s[i] == '=') {
            ++pads;
        } else if (v < 0) {
            add_issue(w.word.issues, "invalid-base64", at, describe_byte(s[i]) + " is outside the base64 alphabet");
        } else if (pads > 0) {
            add_issue(w.word.issues, "invalid-base64", at, "data after '=' padding");
        } else {
            ++data;
            acc = (acc << 6) | static_cast<std::uint32_t>(v);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                w.bytes.push_back(static_cast<char>((acc >> bits) & 0xff));
            }
        }
    }
    const Span all{abs, abs + s.size()};
    if ((data + pads) % 4 != 0 || pads > 2 || data % 4 == 1) {
        add_issue(w.word.issues, "invalid-base64", all,
                  "the encoded text is " + std::to_string(s.size()) +
                      " characters long; base64 comes in padded groups of 4 (RFC 2047 section 4.1)");
    }
}

bool allowed_in_phrase_q(char c) noexcept {
    return core::is_alnum(c) || std::string_view("!*+-/=_").find(c) != std::string_view::npos;
}

void decode_q(std::string_view s, std::size_t abs, bool in_phrase, WordWork& w) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const Span at{abs + i, abs + i + 1};
        if (c == '_') {
            w.bytes.push_back(' ');
        } else if (c == '=') {
            const int hi = i + 1 < s.size() ? core::hex_value(s[i + 1]) : -1;
            const int lo = i + 2 < s.size() ? core::hex_value(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                add_issue(w.word.issues, "invalid-q-encoding", {at.begin, abs + std::min(i + 3, s.size())},
                          "'=' must be followed by two hexadecimal digits (RFC 2047 section 4.2)");
                w.bytes.push_back(c);
            } else {
                w.bytes.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
            }
        } else {
            if (c == '?' || c == ' ' || core::is_ctl(c) || core::is_8bit(c)) {
                add_issue(w.word.issues, "invalid-q-encoding", at,
                          describe_byte(c) + " cannot appear in Q-encoded text (RFC 2047 section 4.2)");
            } else if (in_phrase && !allowed_in_phrase_q(c)) {
                add_issue(w.word.issues, "invalid-q-in-phrase", at,
                          describe_byte(c) +
                              " is not allowed in a Q-encoded word in a phrase; encode it as =XX "
                              "(RFC 2047 section 5 (3))");
            }
            w.bytes.push_back(c);
        }
    }
}

void convert(WordWork& w) {
    const CharsetDecoded decoded = decode_charset(w.bytes, w.word.charset);
    w.word.text = std::string(decoded.view());
    w.word.resolved_charset = decoded.resolved;
    w.word.charset_known = decoded.known;
    w.invalid = decoded.invalid_count;
    if (!decoded.known) {
        add_issue(w.word.issues, "unknown-charset", w.word.charset_span,
                  "unknown charset \"" + w.word.charset + "\"; shown as " + decoded.resolved);
    }
}

}  // namespace

void split_run(std::string_view text, std::size_t begin, std::size_t end, std::size_t base, std::vector<Piece>& out,
               SyntaxIssues* issues) {
    const std::size_t first_piece = out.size();
    std::size_t literal_from = begin;
    std::size_t i = begin;
    Terminator terminator;
    bool reported = false;
    while (i + 1 < end) {
        const std::size_t p = text.substr(0, end).find("=?", i);
        if (p == std::string_view::npos) break;
        Match m;
        if (match_word(text, p, end, terminator, m)) {
            if (p > literal_from) out.push_back({literal_from, p, false, false});
            out.push_back({p, m.end, true, false});
            literal_from = i = m.end;
            continue;
        }
        if (m.prefix && issues && !reported) {
            reported = true;
            issues->push_back({"malformed-encoded-word",
                               {base + p, base + end},
                               "an encoded word must end with \"?=\" and cannot contain white space "
                               "(RFC 2047 section 2); it is shown as it is"});
        }
        i = p + 2;
    }
    if (literal_from < end) out.push_back({literal_from, end, false, false});
    // RFC 2047 section 5 (1): white space must separate an encoded word from
    // adjacent text and from the previous word.
    for (std::size_t k = first_piece; k < out.size(); ++k) {
        if (!out[k].word) continue;
        const bool after_text = k > first_piece;
        const bool before_text = k + 1 < out.size() && !out[k + 1].word;
        out[k].glued = after_text || before_text;
    }
}

WordWork decode_word(std::string_view text, const Piece& piece, std::size_t base, bool in_phrase) {
    WordWork w;
    EncodedWord& word = w.word;
    const std::string_view raw = text.substr(piece.begin, piece.end - piece.begin);
    const std::size_t q = raw.find('?', 2);
    const std::size_t r = raw.find('?', q + 1);
    const std::size_t abs = base + piece.begin;
    word.raw = {abs, abs + raw.size()};
    word.charset_span = {abs + 2, abs + q};
    word.encoding_span = {abs + q + 1, abs + r};
    word.text_span = {abs + r + 1, abs + raw.size() - 2};
    const std::string_view label = raw.substr(2, q - 2);
    const std::size_t star = label.find('*');
    word.charset = std::string(label.substr(0, star));
    if (star != std::string_view::npos) word.language = std::string(label.substr(star + 1));
    const std::string_view encoding = raw.substr(q + 1, r - q - 1);
    const std::string_view encoded = raw.substr(r + 1, raw.size() - r - 3);
    if (raw.size() > max_word_length) {
        add_issue(word.issues, "encoded-word-too-long", word.raw,
                  "encoded word of " + std::to_string(raw.size()) +
                      " characters; RFC 2047 section 2 allows 75 (split the text into several words)");
    }
    if (piece.glued) {
        add_issue(word.issues, "encoded-word-not-separated", word.raw,
                  in_phrase ? "an encoded word in a display name must be a whole word, separated by white space "
                              "(RFC 2047 section 5 (3))"
                            : "an encoded word must be separated from adjacent text by white space "
                              "(RFC 2047 section 5 (1))");
    }
    if (core::iequals(encoding, "B")) {
        word.encoding = WordEncoding::base64;
        decode_b(encoded, word.text_span.begin, w);
    } else if (core::iequals(encoding, "Q")) {
        word.encoding = WordEncoding::quoted_printable;
        decode_q(encoded, word.text_span.begin, in_phrase, w);
    } else {
        add_issue(word.issues, "unknown-encoding", word.encoding_span,
                  "encoding \"" + std::string(encoding) +
                      "\" is neither B nor Q (RFC 2047 section 4); "
                      "the word is shown as it is");
        return w;
    }
    convert(w);
    return w;
}

void join_runs(std::vector<WordWork>& words) {
    std::size_t i = 0;
    while (i < words.size()) {
        std::size_t j = i + 1;
        const auto decodable = [&](std::size_t k) { return words[k].word.encoding != WordEncoding::unknown; };
        while (j < words.size() && words[j].joins_previous && decodable(j) && decodable(i) &&
               core::iequals(words[j].word.resolved_charset, words[i].word.resolved_charset)) {
            ++j;
        }
        bool any_invalid = false;
        std::string bytes;
        for (std::size_t k = i; k < j; ++k) {
            any_invalid = any_invalid || words[k].invalid > 0;
            bytes += words[k].bytes;
        }
        bool joined = false;
        if (any_invalid && j - i > 1) {
            const CharsetDecoded together = decode_charset(bytes, words[i].word.charset);
            if (together.invalid_count == 0) {
                joined = true;
                words[i].run_text = std::string(together.view());
                for (std::size_t k = i; k < j; ++k) words[k].run_head = static_cast<int>(i);
            }
        }
        for (std::size_t k = i; k < j; ++k) {
            if (words[k].invalid == 0) continue;
            EncodedWord& w = words[k].word;
            if (joined) {
                add_issue(w.issues, "split-character", w.raw,
                          "a multi-byte character is split across adjacent encoded words; each word must hold "
                          "whole characters (RFC 2047 section 5)");
            } else {
                add_issue(w.issues, "invalid-charset-bytes", w.text_span,
                          std::to_string(words[k].invalid) + " byte sequence(s) invalid in " + w.resolved_charset +
                              "; shown as U+FFFD");
            }
        }
        i = j;
    }
}

void append_literal(std::string& out, HeaderTextMap& map, std::string_view bytes, std::size_t raw_begin) {
    if (core::find_invalid_utf8(bytes) == std::string_view::npos) {
        out.append(bytes);
        map.append_exact(bytes.size(), raw_begin);
        return;
    }
    const CharsetDecoded decoded = decode_charset(bytes, "windows-1252");
    const std::string_view text = decoded.view();
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t len = core::decode_utf8(text, pos).length;
        const Span in = decoded.map.to_input(Span{pos, pos + len});
        out.append(text.substr(pos, len));
        map.append_whole(len, {raw_begin + in.begin, raw_begin + in.end});
        pos += len;
    }
}

}  // namespace ew_detail
}  // namespace inboxlint::mime
