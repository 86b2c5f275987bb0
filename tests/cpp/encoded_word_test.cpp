// RFC 2047 encoded words: decoding unstructured text and phrases, the map back
// to message bytes, and every issue the decoder records.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "mime/address.hpp"
#include "mime/encoded_word.hpp"
#include "mime/scanner.hpp"

namespace inboxlint::mime {
namespace {

std::string_view at(std::string_view text, Span span, std::size_t base = 0) {
    return text.substr(span.begin - base, span.end - span.begin);
}

bool has_issue(const DecodedHeader& d, std::string_view code) {
    const SyntaxIssues all = d.all_issues();
    return std::any_of(all.begin(), all.end(), [&](const SyntaxIssue& i) { return i.code == code; });
}

const SyntaxIssue* find_issue(const SyntaxIssues& issues, std::string_view code) {
    for (const SyntaxIssue& i : issues) {
        if (i.code == code) return &i;
    }
    return nullptr;
}

// Where `needle` sits in the decoded text.
Span text_range(const DecodedHeader& d, std::string_view needle) {
    const std::size_t pos = d.text.find(needle);
    EXPECT_NE(pos, std::string::npos) << needle << " not in " << d.text;
    return {pos, pos + needle.size()};
}

TEST(EncodedWord, DecodesQWithExactSpans) {
    const std::string raw = " Caf=?utf-8?Q?=C3=A9?= ";
    const DecodedHeader d = decode_unstructured(raw, 100);
    EXPECT_EQ(d.text, "Caf\xC3\xA9");
    ASSERT_EQ(d.words.size(), 1u);
    const EncodedWord& w = d.words[0];
    EXPECT_EQ(at(raw, w.raw, 100), "=?utf-8?Q?=C3=A9?=");
    EXPECT_EQ(at(raw, w.charset_span, 100), "utf-8");
    EXPECT_EQ(at(raw, w.encoding_span, 100), "Q");
    EXPECT_EQ(at(raw, w.text_span, 100), "=C3=A9");
    EXPECT_EQ(w.encoding, WordEncoding::quoted_printable);
    EXPECT_EQ(w.text, "\xC3\xA9");
    EXPECT_EQ(w.decoded, (Span{3, 5}));
    // Glued to "Caf": decoded anyway, and flagged.
    ASSERT_NE(find_issue(w.issues, "encoded-word-not-separated"), nullptr);
    EXPECT_EQ(d.to_raw({0, 3}), (Span{101, 104}));  // literal: exact
    EXPECT_EQ(d.to_raw({3, 5}), w.raw);             // decoded: the whole word
    EXPECT_EQ(d.to_raw({4, 5}), w.raw);
    EXPECT_EQ(d.to_raw({0, 5}), (Span{101, w.raw.end}));
}

TEST(EncodedWord, DropsWhiteSpaceBetweenAdjacentWordsOnly) {
    EXPECT_EQ(decode_unstructured("=?utf-8?q?a?= =?utf-8?q?b?=", 0).text, "ab");
    EXPECT_EQ(decode_unstructured("=?utf-8?q?a?=\r\n =?utf-8?q?b?=", 0).text, "ab");
    EXPECT_EQ(decode_unstructured("=?utf-8?q?a?=  b", 0).text, "a  b");
    EXPECT_EQ(decode_unstructured("a =?utf-8?q?b_?= c", 0).text, "a b  c");
    const DecodedHeader d = decode_unstructured("=?utf-8?q?a?= =?utf-8?q?b?=", 0);
    EXPECT_FALSE(has_issue(d, "encoded-word-not-separated"));
}

TEST(EncodedWord, UnfoldsAndTrimsWithExactMap) {
    const std::string raw = " Hello\r\n\tworld  ";
    const DecodedHeader d = decode_unstructured(raw, 8);
    EXPECT_EQ(d.text, "Hello\tworld");
    EXPECT_EQ(at(raw, d.to_raw(text_range(d, "world")), 8), "world");
    EXPECT_EQ(at(raw, d.to_raw(text_range(d, "\t")), 8), "\t");
    EXPECT_TRUE(d.words.empty());
    EXPECT_TRUE(d.all_issues().empty());
}

TEST(EncodedWord, DecodesBase64AndLanguageSuffix) {
    DecodedHeader d = decode_unstructured("=?UTF-8?B?SGVsbG8=?=", 0);
    EXPECT_EQ(d.text, "Hello");
    EXPECT_TRUE(d.all_issues().empty());
    d = decode_unstructured("=?US-ASCII*EN?Q?Keith_Moore?=", 0);
    EXPECT_EQ(d.text, "Keith Moore");
    ASSERT_EQ(d.words.size(), 1u);
    EXPECT_EQ(d.words[0].charset, "US-ASCII");
    EXPECT_EQ(d.words[0].language, "EN");
    EXPECT_TRUE(d.all_issues().empty());
}

TEST(EncodedWord, UsesWhatwgLabelsAndStatefulCharsets) {
    DecodedHeader d = decode_unstructured("=?iso-8859-1?q?=80_=E9?=", 0);
    EXPECT_EQ(d.text, "\xE2\x82\xAC \xC3\xA9");  // windows-1252: 0x80 is the euro sign
    EXPECT_EQ(d.words[0].resolved_charset, "windows-1252");
    d = decode_unstructured("=?ISO-2022-JP?B?GyRCJEgbKEI=?=", 0);
    EXPECT_EQ(d.text, "\xE3\x81\xA8");  // U+3068
    EXPECT_TRUE(d.all_issues().empty());
}

TEST(EncodedWord, FlagsWordsOverSeventyFiveCharacters) {
    const std::string word = "=?utf-8?q?" + std::string(64, 'a') + "?=";  // 76 characters
    const DecodedHeader d = decode_unstructured(word, 0);
    EXPECT_EQ(d.text, std::string(64, 'a'));
    const SyntaxIssue* issue = find_issue(d.words.at(0).issues, "encoded-word-too-long");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->span, (Span{0, 76}));
    const std::string fits = "=?utf-8?q?" + std::string(63, 'a') + "?=";  // 75 characters
    EXPECT_FALSE(has_issue(decode_unstructured(fits, 0), "encoded-word-too-long"));
}

TEST(EncodedWord, UnknownCharsetFallsBackAndIsFlagged) {
    const std::string raw = "=?x-foo?q?caf=C3=A9?=";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "caf\xC3\xA9");  // valid UTF-8 is shown as UTF-8
    const SyntaxIssue* issue = find_issue(d.words.at(0).issues, "unknown-charset");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "x-foo");
    EXPECT_FALSE(d.words[0].charset_known);
}

TEST(EncodedWord, UnknownEncodingStaysLiteral) {
    const std::string raw = "a =?utf-8?x?abc?= =?utf-8?q?d?=";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "a =?utf-8?x?abc?= d");  // no adjacent decoded pair: the space stays
    const SyntaxIssue* issue = find_issue(d.words.at(0).issues, "unknown-encoding");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "x");
    EXPECT_EQ(at(raw, d.to_raw(text_range(d, "abc"))), "abc");  // literal: exact
}

TEST(EncodedWord, InvalidBase64DecodesWhatItCan) {
    const std::string raw = "=?utf-8?b?SGVsbG8?=";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "Hello");
    EXPECT_NE(find_issue(d.words.at(0).issues, "invalid-base64"), nullptr);
    const DecodedHeader bad = decode_unstructured("=?utf-8?b?SG!Vs?=", 0);
    const SyntaxIssue* issue = find_issue(bad.words.at(0).issues, "invalid-base64");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->span, (Span{12, 13}));
    EXPECT_EQ(bad.text, "Hel");
}

TEST(EncodedWord, InvalidQPointsAtTheBadBytes) {
    std::string raw = "=?utf-8?q?a=ZZb?=";
    DecodedHeader d = decode_unstructured(raw, 0);
    const SyntaxIssue* issue = find_issue(d.words.at(0).issues, "invalid-q-encoding");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "=ZZ");
    EXPECT_EQ(d.text, "a=ZZb");
    raw =
        "=?utf-8?q?what?"
        "?=";
    d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "what?");
    issue = find_issue(d.words.at(0).issues, "invalid-q-encoding");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "?");
}

TEST(EncodedWord, FlagsWordsGluedToText) {
    const DecodedHeader d = decode_unstructured("Re:=?utf-8?q?x?= ok", 0);
    EXPECT_EQ(d.text, "Re:x ok");
    EXPECT_NE(find_issue(d.words.at(0).issues, "encoded-word-not-separated"), nullptr);
    const DecodedHeader two = decode_unstructured("=?utf-8?q?a?==?utf-8?q?b?=", 0);
    EXPECT_EQ(two.text, "ab");
    ASSERT_EQ(two.words.size(), 2u);
    EXPECT_EQ(find_issue(two.words[0].issues, "encoded-word-not-separated"), nullptr);
    EXPECT_NE(find_issue(two.words[1].issues, "encoded-word-not-separated"), nullptr);
}

TEST(EncodedWord, InvalidCharsetBytesAreReplaced) {
    const DecodedHeader d = decode_unstructured("=?utf-8?q?a=FFb?=", 0);
    EXPECT_EQ(d.text,
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_NE(find_issue(d.words.at(0).issues, "invalid-charset-bytes"), nullptr);
}

TEST(EncodedWord, SplitCharacterIsDecodedTogether) {
    const std::string raw = "x =?utf-8?q?=C3?= =?UTF-8?q?=A9?= y";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "x \xC3\xA9 y");
    ASSERT_EQ(d.words.size(), 2u);
    EXPECT_NE(find_issue(d.words[0].issues, "split-character"), nullptr);
    EXPECT_NE(find_issue(d.words[1].issues, "split-character"), nullptr);
    EXPECT_FALSE(has_issue(d, "invalid-charset-bytes"));
    EXPECT_EQ(d.words[0].decoded, (Span{2, 4}));
    EXPECT_EQ(d.words[1].decoded, (Span{2, 4}));
    EXPECT_EQ(at(raw, d.to_raw({2, 4})), "=?utf-8?q?=C3?= =?UTF-8?q?=A9?=");
}

TEST(EncodedWord, MalformedWordsStayLiteral) {
    const std::string raw = "Sale =?utf-8?q?hello world?= now";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, raw);
    EXPECT_TRUE(d.words.empty());
    const SyntaxIssue* issue = find_issue(d.issues, "malformed-encoded-word");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "=?utf-8?q?hello");
    // Text that merely contains "=?" is no attempt at an encoded word.
    EXPECT_TRUE(decode_unstructured("a=?b c?=d x=?y", 0).all_issues().empty());
}

TEST(EncodedWord, EmptyAndBlankValues) {
    EXPECT_EQ(decode_unstructured("", 5).text, "");
    const DecodedHeader d = decode_unstructured(" \r\n ", 5);
    EXPECT_EQ(d.text, "");
    EXPECT_EQ(d.to_raw({0, 0}), (Span{5, 5}));
}

TEST(EncodedWord, RawEightBitTextIsShownAsUtf8OrWindows1252) {
    const std::string raw = "caf\xE9 \xC3\xA9";
    const DecodedHeader d = decode_unstructured(raw, 0);
    EXPECT_EQ(d.text, "caf\xC3\xA9 \xC3\xA9");
    EXPECT_EQ(d.to_raw({3, 5}), (Span{3, 4}));  // the single windows-1252 byte
    EXPECT_EQ(d.to_raw({6, 8}), (Span{5, 7}));  // the UTF-8 of "é"
}

TEST(EncodedWord, FieldLinesOverSeventySixCharacters) {
    const std::string word = "=?utf-8?q?" + std::string(60, 'a') + "?=";
    const std::string message = "Subject: Hello there " + word + "\r\n =?utf-8?q?b?=\r\n\r\n";
    HeaderField field;
    field.field = {0, message.find("\r\n\r\n")};
    field.name = {0, 7};
    field.value = {8, field.field.end};
    const DecodedHeader d = decode_unstructured_field(message, field);
    const SyntaxIssue* issue = find_issue(d.issues, "encoded-word-line-too-long");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->span, (Span{0, message.find("\r\n")}));
    EXPECT_EQ(encoded_word_line_issues(message, field).size(), 1u);
    // The same long line without an encoded word is no RFC 2047 matter.
    const std::string plain = "Subject: " + std::string(90, 'x') + "\r\n\r\n";
    field.field = {0, plain.find("\r\n")};
    field.value = {8, field.field.end};
    EXPECT_TRUE(encoded_word_line_issues(plain, field).empty());
}

const Mailbox& first_mailbox(const AddressList& list) {
    static const Mailbox none;
    const auto all = list.mailboxes();
    return all.empty() ? none : *all.front();
}

TEST(EncodedWord, DisplayNameWordsDecodeAsWholeAtoms) {
    const std::string message = "=?utf-8?q?J=C3=BCrgen?= =?utf-8?q?_M=C3=BCller?= (boss) Jr <j@example.org>";
    const AddressList list = parse_address_list(message, 0);
    const DecodedHeader d = decode_display_name(message, first_mailbox(list));
    EXPECT_EQ(d.text, "J\xC3\xBCrgen M\xC3\xBCller Jr");
    EXPECT_TRUE(d.all_issues().empty());
    EXPECT_EQ(d.words.size(), 2u);
    EXPECT_EQ(at(message, d.to_raw(text_range(d, "Jr"))), "Jr");
    // The space for the comment maps to the comment and its white space.
    EXPECT_EQ(at(message, d.to_raw(text_range(d, "r J"))), "=?utf-8?q?_M=C3=BCller?= (boss) J");
}

TEST(EncodedWord, DisplayNameLikeTheAddressParser) {
    const std::string message = "\"Doe,  \\\"John\\\"\"  Q.  Public <j@example.org>";
    const AddressList list = parse_address_list(message, 0);
    const Mailbox& m = first_mailbox(list);
    const DecodedHeader d = decode_display_name(message, m);
    EXPECT_EQ(d.text, m.display_name_text);
    EXPECT_EQ(d.text, "Doe, \"John\" Q. Public");
    // Escaped characters map to themselves; the backslash before them is skipped.
    EXPECT_EQ(at(message, d.to_raw(text_range(d, "\"John\""))), "\"John\\\"");
}

TEST(EncodedWord, QuotedWordsAreReportedAndOptionallyDecoded) {
    const std::string message = "\"=?utf-8?q?Caf=C3=A9?=\" <cafe@example.org>";
    const AddressList list = parse_address_list(message, 0);
    const DecodedHeader strict = decode_display_name(message, first_mailbox(list));
    EXPECT_EQ(strict.text, "=?utf-8?q?Caf=C3=A9?=");
    const SyntaxIssue* issue = find_issue(strict.issues, "encoded-word-in-quoted-string");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(message, issue->span), "=?utf-8?q?Caf=C3=A9?=");
    EXPECT_TRUE(strict.words.empty());
    const DecodedHeader lenient = decode_display_name(message, first_mailbox(list), {.decode_quoted = true});
    EXPECT_EQ(lenient.text, "Caf\xC3\xA9");
    EXPECT_EQ(lenient.words.size(), 1u);
}

TEST(EncodedWord, PhraseQWordsAreHeldToSectionFive) {
    const std::string message = "=?utf-8?q?J._Doe?= <j@example.org>";
    const AddressList list = parse_address_list(message, 0);
    const DecodedHeader d = decode_display_name(message, first_mailbox(list));
    EXPECT_EQ(d.text, "J. Doe");
    const SyntaxIssue* issue = find_issue(d.words.at(0).issues, "invalid-q-in-phrase");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(message, issue->span), ".");
    // The same word in unstructured text is fine.
    EXPECT_TRUE(decode_unstructured("=?utf-8?q?J._Doe?=", 0).all_issues().empty());
}

TEST(EncodedWord, WordsInAddrSpecs) {
    const std::string message = "x <=?utf-8?q?bob?=@example.org>, y@=?utf-8?q?ex?=.org, plain=?x@example.org";
    const AddressList list = parse_address_list(message, 0);
    const auto all = list.mailboxes();
    ASSERT_EQ(all.size(), 3u);
    SyntaxIssues issues = encoded_words_in_addr_spec(message, *all[0]);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "encoded-word-in-addr-spec");
    EXPECT_EQ(at(message, issues[0].span), "=?utf-8?q?bob?=");
    issues = encoded_words_in_addr_spec(message, *all[1]);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(at(message, issues[0].span), "=?utf-8?q?ex?=");
    EXPECT_TRUE(encoded_words_in_addr_spec(message, *all[2]).empty());
}

// Hostile inputs: long runs of almost-words must stay linear and every span
// must stay inside the input.
TEST(EncodedWord, HostileInputsStayInBounds) {
    std::string hostile;
    for (int i = 0; i < 20000; ++i) hostile += "=?a?b?x";
    hostile +=
        " =?=?==?"
        "?=?q?=?";
    for (const std::string& raw : {hostile, std::string("=?\x80?q?\xFF?= \"=?a?q?b?= (=?c?q?d?=)")}) {
        for (bool phrase : {false, true}) {
            const DecodedHeader d = phrase ? decode_phrase(raw, 10) : decode_unstructured(raw, 10);
            for (std::size_t i = 0; i <= d.text.size(); ++i) {
                const Span r = d.to_raw({i, std::min(d.text.size(), i + 3)});
                EXPECT_LE(r.begin, r.end);
                EXPECT_GE(r.begin, 10u);
                ASSERT_LE(r.end, 10 + raw.size());
            }
            for (const SyntaxIssue& issue : d.all_issues()) ASSERT_LE(issue.span.end, 10 + raw.size());
        }
    }
}

}  // namespace
}  // namespace inboxlint::mime
