#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.hpp"
#include "core/lines.hpp"
#include "core/name_set.hpp"
#include "core/offset_map.hpp"
#include "core/utf8.hpp"
#include "mime/charset.hpp"
#include "mime/content_type.hpp"
#include "mime/transfer.hpp"

namespace inboxlint::mime {
namespace {

bool has_issue(const SyntaxIssues& issues, std::string_view code) {
    for (const SyntaxIssue& i : issues) {
        if (i.code == code) return true;
    }
    return false;
}

TransferDecoded decode_all(const std::string& body, std::string_view cte) {
    return decode_transfer(body, {0, body.size()}, cte, 1u << 20);
}

TEST(OffsetMap, ExactRunsMapByteForByteAndEncodedRunsWiden) {
    core::OffsetMap map;
    map.append(3, 10, 3);  // "abc" copied from 10..13
    map.append(1, 13, 3);  // "=41" -> "A"
    map.append(2, 16, 2);  // "de" copied
    EXPECT_EQ(map.output_size(), 6u);
    EXPECT_EQ(map.to_input(Span{1, 2}), (Span{11, 12}));
    EXPECT_EQ(map.to_input(Span{3, 4}), (Span{13, 16}));
    EXPECT_EQ(map.to_input(Span{2, 5}), (Span{12, 17}));
    EXPECT_EQ(map.to_input(Span{4, 4}), (Span{16, 16}));
}

// The map as a list of the pieces appended, each searched for directly: what
// OffsetMap's joined segments must answer for every range.
struct PieceMap {
    struct Piece {
        std::size_t out_begin, in_begin, out_length, in_length;
    };
    std::vector<Piece> pieces;
    std::size_t size = 0;

    void append(std::size_t out_length, std::size_t in_begin, std::size_t in_length) {
        if (out_length == 0) return;
        pieces.push_back({size, in_begin, out_length, in_length});
        size += out_length;
    }
    const Piece& at(std::size_t out) const {
        for (std::size_t i = pieces.size(); i-- > 1;) {
            if (pieces[i].out_begin <= out) return pieces[i];
        }
        return pieces[0];
    }
    Span to_input(Span out) const {
        const Piece& first = at(out.begin);
        const Piece& last = at(out.end == out.begin ? out.begin : out.end - 1);
        const bool first_exact = first.out_length == first.in_length;
        const bool last_exact = last.out_length == last.in_length;
        const std::size_t begin_offset = out.begin - first.out_begin;
        const std::size_t end_offset = out.end - 1 - last.out_begin;
        if (out.empty()) {
            const std::size_t point = begin_offset >= first.out_length ? first.in_begin + first.in_length
                                      : first_exact                    ? first.in_begin + begin_offset
                                                                       : first.in_begin;
            return {point, point};
        }
        Span in;
        in.begin = first_exact ? first.in_begin + std::min(begin_offset, first.in_length) : first.in_begin;
        in.end =
            last_exact && end_offset < last.in_length ? last.in_begin + end_offset + 1 : last.in_begin + last.in_length;
        return {in.begin, std::max(in.begin, in.end)};
    }
};

TEST(OffsetMap, JoinedSegmentsAnswerAsThePiecesAppended) {
    std::mt19937 random(20261127);  // fixed: a failure reproduces
    for (int round = 0; round < 300; ++round) {
        core::OffsetMap map;
        PieceMap pieces;
        std::size_t in = random() % 5;
        const int count = 1 + static_cast<int>(random() % 12);
        for (int i = 0; i < count; ++i) {
            // Copies, escapes, base64-like lines, inserted bytes, with and without a gap before them.
            const std::size_t kind = random() % 4;
            const std::size_t out_length = kind == 3 ? 1 + random() % 2 : random() % 6;
            const std::size_t in_length = kind == 0 ? out_length : kind == 1 ? 3 : kind == 2 ? out_length + 2 : 0;
            in += random() % 3 == 0 ? random() % 4 : 0;
            map.append(out_length, in, in_length);
            pieces.append(out_length, in, in_length);
            in += in_length;
        }
        ASSERT_EQ(map.output_size(), pieces.size);
        if (pieces.pieces.empty()) continue;
        for (std::size_t b = 0; b <= pieces.size + 1; ++b) {
            for (std::size_t e = b; e <= pieces.size + 1; ++e) {
                ASSERT_EQ(map.to_input(Span{b, e}), pieces.to_input(Span{b, e}))
                    << "round " << round << ", output " << b << ".." << e;
            }
            ASSERT_EQ(map.to_input(b), pieces.to_input(Span{b, b}).begin) << "round " << round << ", output " << b;
        }
    }
}

TEST(OffsetMap, LengthsOverThirtyTwoBitsSplitWithoutChangingTheMapping) {
    const std::size_t big = std::size_t{UINT32_MAX} + 10;
    core::OffsetMap map;
    map.append(big, 100, big);            // a copy longer than 4 GiB
    map.append(big, 200 + big, 2 * big);  // an encoded run longer than 4 GiB, after a gap
    EXPECT_EQ(map.output_size(), 2 * big);
    EXPECT_EQ(map.to_input(big - 1), 100 + big - 1);
    EXPECT_EQ(map.to_input(Span{5, big}), (Span{105, 100 + big}));
    EXPECT_EQ(map.to_input(Span{big + 1, big + 2}), (Span{200 + big, 200 + 3 * big}));
    EXPECT_EQ(map.to_input(Span{2 * big - 1, 2 * big}), (Span{200 + big, 200 + 3 * big}))
        << "the encoded run's last piece maps to its whole input too";
    EXPECT_EQ(map.to_input(2 * big), 200 + 3 * big);
}

TEST(Transfer, IdentityForSevenBitAndUnknownEncodings) {
    const std::string body = "hello\r\nworld";
    for (std::string_view cte : {"7bit", "8bit", "binary", "x-unknown"}) {
        const TransferDecoded d = decode_all(body, cte);
        EXPECT_EQ(d.view(), body);
        EXPECT_EQ(d.map.to_input(Span{7, 12}), (Span{7, 12}));
    }
}

TEST(Transfer, Base64DecodesAndMapsToWholeLines) {
    const std::string body = "SGVsbG8s\r\nIHdvcmxk\r\nIQ==\r\n";
    const TransferDecoded d = decode_all(body, "base64");
    EXPECT_EQ(d.view(), "Hello, world!");
    EXPECT_TRUE(d.issues.empty());
    EXPECT_EQ(d.map.to_input(Span{7, 12}), (Span{10, 20})) << "'world' comes from the second line";
}

// mimetic 0.9.8 reads out of bounds on '|' (0x7C); here it is a finding.
TEST(Transfer, Base64InvalidCharacterIsCountedAndSkipped) {
    const std::string body = "QUJD|\r\nREVG\r\n";
    const TransferDecoded d = decode_all(body, "base64");
    EXPECT_EQ(d.view(), "ABCDEF");
    ASSERT_TRUE(has_issue(d.issues, "base64-invalid-character"));
    EXPECT_EQ(d.issues[0].span, (Span{4, 5}));
}

TEST(Transfer, Base64BadPaddingAndLongLines) {
    EXPECT_TRUE(has_issue(decode_all("QUJ", "base64").issues, "base64-bad-padding"));
    EXPECT_TRUE(has_issue(decode_all("Q===", "base64").issues, "base64-bad-padding"));
    EXPECT_TRUE(has_issue(decode_all("QQ==QUJD", "base64").issues, "base64-data-after-padding"));
    EXPECT_FALSE(has_issue(decode_all("QQ==", "base64").issues, "base64-bad-padding"));
    EXPECT_TRUE(has_issue(decode_all(std::string(80, 'A'), "base64").issues, "base64-line-too-long"));
}

TEST(Transfer, QuotedPrintableDecodesWithExactMap) {
    const std::string body = "caf=C3=A9 ok=\r\n rest  \r\nline2";
    const TransferDecoded d = decode_all(body, "quoted-printable");
    EXPECT_EQ(d.view(), "caf\xC3\xA9 ok rest\r\nline2");
    EXPECT_TRUE(d.issues.empty());
    EXPECT_EQ(d.map.to_input(Span{0, 3}), (Span{0, 3}));
    EXPECT_EQ(d.map.to_input(Span{3, 5}), (Span{3, 9})) << "the two escapes";
    EXPECT_EQ(d.map.to_input(Span{9, 13}), (Span{16, 20})) << "after the soft line break";
}

TEST(Transfer, QuotedPrintableDefects) {
    EXPECT_TRUE(has_issue(decode_all("a=ZZb", "quoted-printable").issues, "qp-invalid-escape"));
    EXPECT_TRUE(has_issue(decode_all("a=3db", "quoted-printable").issues, "qp-lowercase-escape"));
    EXPECT_TRUE(has_issue(decode_all(std::string(79, 'x'), "quoted-printable").issues, "qp-line-too-long"));
    EXPECT_FALSE(has_issue(decode_all(std::string(78, 'x'), "quoted-printable").issues, "qp-line-too-long"))
        << "Python's email package writes 78-character lines; tolerated";
    const TransferDecoded d = decode_all("a=ZZb", "quoted-printable");
    EXPECT_EQ(d.view(), "a=ZZb");
}

TEST(Transfer, DecodingStopsAtTheBudget) {
    const std::string body(1000, 'A');
    const TransferDecoded d = decode_transfer(body, {0, body.size()}, "base64", 100);
    EXPECT_TRUE(d.truncated);
    EXPECT_LE(d.view().size(), 100u);
}

// The quoted-printable decoder as RFC 2045 6.7 reads, a byte at a time: the
// reference for the decoder, which copies sixteen bytes at a time.
struct ReferenceQp {
    std::string bytes;
    core::OffsetMap map;
    bool truncated = false;
    std::vector<std::pair<std::string_view, Span>> first_defects;  // code, first span
};

ReferenceQp reference_qp(std::string_view body, std::size_t max_size) {
    ReferenceQp r;
    std::size_t invalid = 0, lower = 0, long_lines = 0;
    Span invalid_at, lower_at, long_at;
    auto put = [&](char c, std::size_t from, std::size_t length) {
        if (r.bytes.size() >= max_size) {
            r.truncated = true;
            return;
        }
        r.bytes.push_back(c);
        r.map.append(1, from, length);
    };
    core::LineCursor cursor(body);
    while (!cursor.at_end()) {
        const core::Line line = cursor.next();
        if (line.length() > 78 && long_lines++ == 0) long_at = {line.begin, line.content_end};
        std::size_t end = line.content_end;
        while (end > line.begin && core::is_wsp(body[end - 1])) --end;
        bool soft_break = false;
        for (std::size_t pos = line.begin; pos < end && !r.truncated;) {
            const char c = body[pos];
            if (c != '=') {
                put(c, pos, 1);
                ++pos;
            } else if (pos + 1 == end) {
                soft_break = true;
                ++pos;
            } else if (pos + 2 < end && core::is_hex_digit(body[pos + 1]) && core::is_hex_digit(body[pos + 2])) {
                auto lower_hex = [](char h) { return h >= 'a' && h <= 'f'; };
                const bool lower_case = lower_hex(body[pos + 1]) || lower_hex(body[pos + 2]);
                if (lower_case && lower++ == 0) lower_at = {pos, pos + 3};
                put(static_cast<char>(core::hex_value(body[pos + 1]) * 16 + core::hex_value(body[pos + 2])), pos, 3);
                pos += 3;
            } else {
                if (invalid++ == 0) invalid_at = {pos, std::min(pos + 3, end)};
                put('=', pos, 1);
                ++pos;
            }
        }
        if (soft_break) continue;
        for (std::size_t pos = line.content_end; pos < line.end && !r.truncated; ++pos) put(body[pos], pos, 1);
    }
    if (invalid != 0) r.first_defects.emplace_back("qp-invalid-escape", invalid_at);
    if (lower != 0) r.first_defects.emplace_back("qp-lowercase-escape", lower_at);
    if (long_lines != 0) r.first_defects.emplace_back("qp-line-too-long", long_at);
    return r;
}

void expect_same_as_reference(const std::string& body, std::size_t max_size) {
    const ReferenceQp want = reference_qp(body, max_size);
    const TransferDecoded got = decode_transfer(body, {0, body.size()}, "quoted-printable", max_size);
    std::string shown = "body \"";
    for (char c : body) shown += c == '\r' ? std::string("\\r") : c == '\n' ? std::string("\\n") : std::string(1, c);
    shown += "\", budget " + std::to_string(max_size);
    ASSERT_EQ(got.view(), want.bytes) << shown;
    ASSERT_EQ(got.truncated, want.truncated) << shown;
    ASSERT_EQ(got.issues.size(), want.first_defects.size()) << shown;
    for (std::size_t i = 0; i < got.issues.size(); ++i) {
        EXPECT_EQ(got.issues[i].code, want.first_defects[i].first) << shown;
        EXPECT_EQ(got.issues[i].span, want.first_defects[i].second) << shown;
    }
    for (std::size_t at = 0; at <= want.bytes.size(); ++at) {
        ASSERT_EQ(got.map.to_input(at), want.map.to_input(at)) << shown << ", offset " << at;
        if (at < want.bytes.size()) {
            ASSERT_EQ(got.map.to_input(Span{at, at + 1}), want.map.to_input(Span{at, at + 1})) << shown;
        }
    }
}

// Every body of up to five characters drawn from the ones that matter
// (escapes, soft breaks, trailing white space, each kind of line break),
// under budgets that cut it anywhere.
TEST(Transfer, QuotedPrintableMatchesTheReferenceOnEveryShortBody) {
    constexpr std::string_view alphabet = "a=3Dd \r\n";
    std::vector<std::string> bodies{""};
    for (std::size_t length = 1; length <= 5; ++length) {
        std::vector<std::string> longer;
        for (const std::string& b : bodies) {
            if (b.size() + 1 != length) continue;
            for (char c : alphabet) longer.push_back(b + c);
        }
        bodies.insert(bodies.end(), longer.begin(), longer.end());
    }
    for (const std::string& body : bodies) {
        for (std::size_t budget : {0, 1, 2, 3, 100}) {
            expect_same_as_reference(body, budget);
            if (HasFatalFailure()) return;
        }
    }
}

// Long runs between escapes, with an '=', a line break or the budget at
// every offset of the sixteen-byte blocks.
TEST(Transfer, QuotedPrintableMatchesTheReferenceAcrossBlocks) {
    for (std::size_t at = 0; at < 40; ++at) {
        for (const std::string_view put : {"=", "=3D", "=\r\n", "\r\n", " \r\n", "=4", "=e9"}) {
            std::string body(48, 'x');
            body.replace(at, 1, put);
            body += "=3Dtail" + std::string(20, 'y');
            for (std::size_t budget : {std::size_t{5}, std::size_t{17}, at, at + 1, std::size_t{1000}}) {
                expect_same_as_reference(body, budget);
                if (HasFatalFailure()) return;
            }
        }
    }
}

// find_invalid_utf8 skips ASCII eight bytes at a time: an invalid byte must
// be found at every offset, inside and after a word, and a valid sequence
// across a word's edge must pass.
TEST(Utf8, FindInvalidAtEveryOffset) {
    for (std::size_t at = 0; at < 21; ++at) {
        std::string text(21, 'a');
        text[at] = '\xFF';
        EXPECT_EQ(core::find_invalid_utf8(text), at) << "invalid byte at " << at;
        std::string valid(21, 'a');
        if (at + 2 <= valid.size()) {
            valid.replace(at, 2, "\xC3\xA9");  // U+00E9
            EXPECT_EQ(core::find_invalid_utf8(valid), std::string_view::npos) << "U+00E9 at " << at;
        }
    }
    EXPECT_EQ(core::find_invalid_utf8(std::string(16, 'a') + "\xE2\x82"), 16u) << "cut at the end";
    EXPECT_EQ(core::find_invalid_utf8(""), std::string_view::npos);
}

// is_ascii reads eight bytes at a time: a high byte at every offset of
// every length, inside a word and in the tail after the last one.
TEST(Ascii, IsAsciiFindsAHighByteAtEveryOffset) {
    for (std::size_t size = 0; size < 20; ++size) {
        EXPECT_TRUE(core::is_ascii(std::string(size, '\x7F'))) << size;
        for (std::size_t at = 0; at < size; ++at) {
            std::string text(size, 'a');
            text[at] = '\x80';
            EXPECT_FALSE(core::is_ascii(text)) << size << " " << at;
        }
    }
}

// The cursor finds breaks sixteen bytes at a time: put each kind of break
// at every offset around a block boundary, after every starting position.
TEST(LineCursor, FindsEveryBreakAtEveryOffset) {
    for (const std::string_view brk : {"\r\n", "\n", "\r", "\r\r\n"}) {
        for (std::size_t at = 0; at < 40; ++at) {
            const std::string text = std::string(at, 'x') + std::string(brk) + std::string(20, 'y');
            for (std::size_t from = 0; from <= at; ++from) {
                core::LineCursor cursor(text, from);
                const core::Line line = cursor.next();
                EXPECT_EQ(line.begin, from);
                EXPECT_EQ(line.content_end, at) << "break " << brk.size() << " at " << at << " from " << from;
                const std::size_t first_break = brk == "\r\r\n" ? 1 : brk.size();
                EXPECT_EQ(line.end, at + first_break);
                EXPECT_EQ(line.ending, brk == "\n"                      ? core::LineEnding::lf
                                       : brk == "\r" || brk == "\r\r\n" ? core::LineEnding::cr
                                                                        : core::LineEnding::crlf);
            }
        }
    }
    core::LineCursor cursor(std::string_view("a\nb"), 0);
    cursor.seek(2);
    EXPECT_EQ(cursor.next().content_end, 3u);  // the last line, without a break
    cursor.seek(0);
    EXPECT_EQ(cursor.next().content_end, 1u);  // backward: searched again
}

TEST(NameSet, FindsExactlyItsNames) {
    // More names than the smallest table holds, so some must share probes.
    const std::vector<std::string_view> names = {"a",  "b",  "br",  "td",  "th",   "tr",    "div", "p",
                                                 "ul", "li", "img", "col", "span", "table", "dd",  "dt",
                                                 "h1", "h2", "h3",  "h4",  "h5",   "h6",    "hr",  "em"};
    const core::NameSet set{"a",     "b",  "br", "td", "th", "tr", "div", "p",  "ul", "li", "img", "col", "span",
                            "table", "dd", "dt", "h1", "h2", "h3", "h4",  "h5", "h6", "hr", "em",  "p"};
    for (const std::string_view name : names) EXPECT_TRUE(set.contains(name)) << name;
    for (const std::string_view name : {"", "A", "tbody", "h7", "d", "divs", "spa", "t", "ab", "br "}) {
        EXPECT_FALSE(set.contains(name)) << name;
    }
    EXPECT_FALSE(core::NameSet{}.contains("x"));
}

TEST(NameSet, GrowsPastTheSizeItWasMadeFor) {
    // Sized for two, given a thousand: the table must grow, and keep every name.
    std::vector<std::string> words;
    for (int i = 0; i < 1000; ++i) words.push_back("w" + std::to_string(i % 500));
    core::NameSet set = core::NameSet::sized_for(2);
    std::size_t added = 0;
    for (const std::string& w : words) added += set.insert(w) ? 1 : 0;
    EXPECT_EQ(added, 500u) << "each word once";
    EXPECT_EQ(set.size(), 500u);
    for (int i = 0; i < 500; ++i) EXPECT_TRUE(set.contains("w" + std::to_string(i))) << i;
    EXPECT_FALSE(set.contains("w500"));
    EXPECT_FALSE(set.insert(""));
    EXPECT_FALSE(set.contains(""));
}

TEST(Charset, LabelsResolveTheWayMailClientsReadThem) {
    EXPECT_EQ(resolve_charset("ISO-8859-1"), "windows-1252");
    EXPECT_EQ(resolve_charset("us-ascii"), "windows-1252");
    EXPECT_EQ(resolve_charset("\"gb2312\""), "gb18030");
    EXPECT_EQ(resolve_charset("utf-8"), "utf-8");
    EXPECT_EQ(resolve_charset("no-such-charset"), "");
}

TEST(Charset, Windows1252MapsEachCharacterToItsByte) {
    const std::string bytes = "caf\xE9 \x80";
    const CharsetDecoded d = decode_charset(bytes, "iso-8859-1");
    EXPECT_EQ(d.view(), "caf\xC3\xA9 \xE2\x82\xAC");
    EXPECT_EQ(d.invalid_count, 0u);
    EXPECT_EQ(d.map.to_input(Span{3, 5}), (Span{3, 4}));
    EXPECT_EQ(d.map.to_input(Span{6, 9}), (Span{5, 6}));
}

TEST(Charset, InvalidUtf8IsCountedAndReplaced) {
    const std::string bytes = "ok \xFF bad";
    const CharsetDecoded d = decode_charset(bytes, "utf-8");
    EXPECT_EQ(d.invalid_count, 1u);
    EXPECT_EQ(d.first_invalid, (Span{3, 4}));
    EXPECT_NE(d.view().find("\xEF\xBF\xBD"), std::string_view::npos);
}

TEST(Charset, Gb2312ReadsAsGb18030) {
    const std::string bytes = "\x81\x40";  // GBK-only bytes: U+4E02
    const CharsetDecoded d = decode_charset(bytes, "gb2312");
    EXPECT_EQ(d.view(), "\xE4\xB8\x82");
    EXPECT_EQ(d.invalid_count, 0u);
}

TEST(Charset, UnknownLabelFallsBack) {
    const CharsetDecoded d = decode_charset("caf\xC3\xA9", "x-made-up");
    EXPECT_FALSE(d.known);
    EXPECT_EQ(d.resolved, "utf-8");
    EXPECT_EQ(d.view(), "caf\xC3\xA9");
}

TEST(ContentType, ParsesParametersAndRfc2231) {
    const std::string v = " text/plain; charset=\"UTF-8\"; name*0*=utf-8''%E2%82%AC; name*1=\"rate.txt\"";
    const ParameterizedValue ct = parse_content_type(v, 100);
    EXPECT_EQ(ct.type, "text");
    EXPECT_EQ(ct.subtype, "plain");
    ASSERT_NE(ct.param("charset"), nullptr);
    EXPECT_EQ(ct.param("charset")->value, "UTF-8");
    ASSERT_NE(ct.param("name"), nullptr);
    EXPECT_EQ(ct.param("name")->value,
              "\xE2\x82\xAC"
              "rate.txt");
    EXPECT_EQ(ct.param("name")->charset, "utf-8");
    EXPECT_TRUE(ct.issues.empty());
    EXPECT_EQ(ct.type_span, (Span{101, 111}));
}

TEST(ContentType, UnquotedBoundaryWithEqualsIsAcceptedAndReported) {
    const ParameterizedValue ct = parse_content_type("multipart/mixed; boundary=----=_Part_1", 0);
    ASSERT_NE(ct.param("boundary"), nullptr);
    EXPECT_EQ(ct.param("boundary")->value, "----=_Part_1");
    EXPECT_TRUE(has_issue(ct.issues, "unquoted-special-in-parameter"));
}

TEST(ContentType, BrokenValuesGiveIssues) {
    EXPECT_TRUE(has_issue(parse_content_type("text", 0).issues, "invalid-media-type"));
    EXPECT_TRUE(has_issue(parse_content_type("text/plain; charset=\"utf-8", 0).issues, "unterminated-quoted-string"));
    EXPECT_TRUE(has_issue(parse_content_type("text/plain; charset", 0).issues, "parameter-without-value"));
    EXPECT_TRUE(has_issue(parse_content_type("text/plain; a=1; a=2", 0).issues, "duplicate-parameter"));
    EXPECT_TRUE(has_issue(parse_content_type("text/plain charset=x", 0).issues, "junk-after-media-type"));
    const ParameterizedValue semicolons = parse_content_type("text/html;;;; ;;a=1;;b=2", 0);
    EXPECT_EQ(std::count_if(semicolons.issues.begin(), semicolons.issues.end(),
                            [](const SyntaxIssue& i) { return i.code == "empty-parameter"; }),
              2)
        << "one issue per run of empty parameters";
    EXPECT_FALSE(has_issue(parse_content_type("text/plain; charset=utf-8;", 0).issues, "empty-parameter"))
        << "a single trailing ';' is harmless";
    const TransferEncoding cte = parse_transfer_encoding(" Base64 ", 0);
    EXPECT_EQ(cte.name, "base64");
    EXPECT_TRUE(cte.issues.empty());
}

}  // namespace
}  // namespace inboxlint::mime
