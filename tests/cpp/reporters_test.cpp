// The reporters over hand-built reports (no linter engine): JSON that a strict
// parser accepts, invalid UTF-8 turned into U+FFFD, carets under the right
// cells, long lines windowed, and SARIF artifacts nested as the parts are.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "inboxlint/reporters.hpp"
#include "inboxlint/rules.hpp"
#include "report/json_writer.hpp"

namespace {

using namespace inboxlint;

// ---- a strict JSON parser (RFC 8259, UTF-8 only), to check what we write ----

struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool flag = false;
    std::string text;               // a number's literal or a string's value
    std::vector<JsonValue> items;   // an array's elements or an object's member values
    std::vector<std::string> keys;  // an object's member names, parallel to items

    [[nodiscard]] const JsonValue* find(std::string_view key) const {
        for (std::size_t i = 0; i < keys.size() && i < items.size(); ++i) {
            if (keys[i] == key) return &items[i];
        }
        return nullptr;
    }
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
    const JsonValue& operator[](std::string_view key) const {
        static const JsonValue missing;
        const JsonValue* value = find(key);
        return value ? *value : missing;
    }
    const JsonValue& operator[](std::size_t index) const {
        static const JsonValue missing;
        return index < items.size() ? items[index] : missing;
    }
    [[nodiscard]] long long integer() const { return type == Type::number ? std::stoll(text) : -999; }
};

class JsonParser {
public:
    explicit JsonParser(std::string_view text) : text_(text) {}

    std::optional<JsonValue> parse() {
        JsonValue value;
        skip_space();
        if (!parse_value(value, 0)) return std::nullopt;
        skip_space();
        if (pos_ != text_.size()) return std::nullopt;
        return value;
    }

private:
    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
            ++pos_;
        }
    }
    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }
    bool parse_value(JsonValue& value, int depth) {
        if (depth > 200 || pos_ >= text_.size()) return false;
        const char c = text_[pos_];
        if (c == '{') return parse_object(value, depth);
        if (c == '[') return parse_array(value, depth);
        if (c == '"') {
            value.type = JsonValue::Type::string;
            return parse_string(value.text);
        }
        if (c == 't' || c == 'f') {
            value.type = JsonValue::Type::boolean;
            value.flag = c == 't';
            return literal(c == 't' ? "true" : "false");
        }
        if (c == 'n') return literal("null");
        value.type = JsonValue::Type::number;
        return parse_number(value.text);
    }
    bool digits() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }
    bool parse_number(std::string& out) {
        const std::size_t start = pos_;
        if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (!digits()) {
            return false;
        }
        if (pos_ < text_.size() && text_[pos_] == '.' && (++pos_, !digits())) return false;
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (!digits()) return false;
        }
        out.assign(text_.substr(start, pos_ - start));
        return true;
    }
    bool hex4(unsigned& value) {
        if (text_.size() - pos_ < 4) return false;
        value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return false;
            value = value * 16 + static_cast<unsigned>(digit);
        }
        return true;
    }
    bool parse_escape(std::string& out) {
        if (pos_ >= text_.size()) return false;
        const char c = text_[pos_++];
        const std::string_view simple = "\"\\/bfnrt";
        const std::string_view meaning = "\"\\/\b\f\n\r\t";
        if (const auto at = simple.find(c); at != std::string_view::npos) {
            out.push_back(meaning[at]);
            return true;
        }
        unsigned unit = 0;
        if (c != 'u' || !hex4(unit)) return false;
        char32_t cp = unit;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            unsigned low = 0;
            if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        }
        core::append_utf8(out, cp);
        return true;
    }
    bool parse_string(std::string& out) {
        ++pos_;  // the opening quote
        while (pos_ < text_.size()) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                ++pos_;
                if (!parse_escape(out)) return false;
                continue;
            }
            const core::DecodedCodePoint decoded = core::decode_utf8(text_, pos_);
            if (!decoded.valid) return false;
            out.append(text_.substr(pos_, decoded.length));
            pos_ += decoded.length;
        }
        return false;
    }
    bool parse_array(JsonValue& value, int depth) {
        value.type = JsonValue::Type::array;
        ++pos_;
        skip_space();
        if (literal("]")) return true;
        while (true) {
            skip_space();
            value.items.emplace_back();
            if (!parse_value(value.items.back(), depth + 1)) return false;
            skip_space();
            if (literal("]")) return true;
            if (!literal(",")) return false;
        }
    }
    bool parse_object(JsonValue& value, int depth) {
        value.type = JsonValue::Type::object;
        ++pos_;
        skip_space();
        if (literal("}")) return true;
        while (true) {
            skip_space();
            std::string key;
            if (pos_ >= text_.size() || text_[pos_] != '"' || !parse_string(key)) return false;
            skip_space();
            if (!literal(":")) return false;
            skip_space();
            value.keys.push_back(std::move(key));
            value.items.emplace_back();
            if (!parse_value(value.items.back(), depth + 1)) return false;
            skip_space();
            if (literal("}")) return true;
            if (!literal(",")) return false;
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

std::optional<JsonValue> parse_json(std::string_view text) { return JsonParser(text).parse(); }

TEST(JsonCheckerTest, RejectsInvalidDocuments) {
    for (const std::string_view bad : {"", "{", "[1,]", "{\"a\":1,}", "{a:1}", "\"\x01\"", "\"\xff\"", "01", "1.",
                                       "[1] [2]", "\"\\x\"", "\"\\ud800\"", "nul", "{\"a\" 1}", "[\"abc]"}) {
        EXPECT_FALSE(parse_json(bad)) << bad;
    }
    for (const std::string_view good : {"null", " [1, -0.5e+3, true, false, null] ", "{\"a\":{\"b\":[]}}",
                                        "\"\\u00e9\\ud83d\\ude00\\n\"", "\"caf\xc3\xa9\""}) {
        EXPECT_TRUE(parse_json(good)) << good;
    }
    EXPECT_EQ(parse_json("\"\\u00e9\\ud83d\\ude00\"")->text, "\xc3\xa9\xf0\x9f\x98\x80");
}

// ---- the writer ----

TEST(JsonWriterTest, WritesCompactAndPrettyDocuments) {
    report::JsonWriter compact;
    compact.begin_object().key("a").number(-1).key("b").begin_array().boolean(true).null().number(
        std::size_t{18446744073709551615u});
    compact.end_array().key("c").begin_object().end_object().end_object();
    EXPECT_EQ(compact.finish(), R"({"a":-1,"b":[true,null,18446744073709551615],"c":{}})");

    report::JsonWriter pretty(true);
    pretty.begin_object().key("a").begin_array().number(1).string("x").end_array().key("e").begin_array().end_array();
    pretty.end_object();
    EXPECT_EQ(pretty.finish(), "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"e\": []\n}");
}

TEST(JsonWriterTest, EscapesPerRfc8259AndReplacesInvalidUtf8) {
    report::JsonWriter json;
    json.string(std::string_view("q\"b\\s/\n\t\x01\x1f\x7f caf\xc3\xa9 \xff\xc3 \xed\xa0\x80 \xe2\x80\xa8"));
    const std::string out = json.finish();
    EXPECT_EQ(out,
              "\"q\\\"b\\\\s/\\n\\t\\u0001\\u001f\x7f caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd "
              "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \\u2028\"");
    ASSERT_TRUE(parse_json(out));
    EXPECT_EQ(core::find_invalid_utf8(out), std::string_view::npos);
}

TEST(JsonWriterTest, StaysValidWhenMisused) {
    report::JsonWriter json;
    json.begin_object().string("no key").end_array().key("k").begin_array().key("ignored").number(1);
    const std::string out = json.finish();  // closes the array and the object
    const auto parsed = parse_json(out);
    ASSERT_TRUE(parsed) << out;
    EXPECT_EQ((*parsed)[""].text, "no key");
    EXPECT_EQ((*parsed)["k"][0].integer(), 1);

    report::JsonWriter twice;
    twice.number(1).number(2).begin_object();
    EXPECT_EQ(twice.finish(), "1");
    EXPECT_EQ(report::JsonWriter().finish(), "null");
}

TEST(JsonWriterTest, MakesKeysUnique) {
    EXPECT_EQ(report::unique_keys({"a", "b", "a", "a"}, {"b"}), (std::vector<std::string>{"a", "b#2", "a#2", "a#3"}));
}

// ---- report helpers ----

TEST(ReportTest, CountsAndParsesSeverities) {
    Report report;
    EXPECT_FALSE(report.max_severity());
    report.findings.resize(3);
    report.findings[0].severity = Severity::info;
    report.findings[1].severity = Severity::warning;
    report.findings[2].severity = Severity::info;
    EXPECT_EQ(report.count(Severity::info), 2u);
    EXPECT_EQ(report.count(Severity::error), 0u);
    EXPECT_EQ(report.max_severity(), Severity::warning);
    EXPECT_EQ(to_string(Severity::error), "error");
    EXPECT_EQ(parse_severity("WARNING"), Severity::warning);
    EXPECT_EQ(parse_severity("Info"), Severity::info);
    EXPECT_FALSE(parse_severity("note"));
    EXPECT_FALSE(parse_severity(""));
}

// ---- hand-built reports ----

Finding make_finding(std::string_view rule, Severity severity, std::string_view message, Span raw, std::size_t line,
                     std::size_t column, std::string_view part = "") {
    Finding finding;
    finding.rule_id = rule;
    finding.slug = "some-rule";
    finding.severity = severity;
    finding.message = message;
    finding.location = {std::string(part), raw, std::nullopt, line, column};
    return finding;
}

// A finding on the first occurrence of `needle`, with line and column as the
// core computes them.
Finding finding_at(std::string_view message, std::string_view needle, Severity severity = Severity::warning) {
    const std::size_t begin = message.find(needle);
    const std::size_t line_start =
        message.rfind('\n', begin) == std::string_view::npos ? 0 : message.rfind('\n', begin) + 1;
    std::size_t line = 1;
    for (std::size_t i = 0; i < begin; ++i) line += message[i] == '\n' ? 1 : 0;
    const std::size_t column = core::count_code_points(message.substr(line_start, begin - line_start)) + 1;
    return make_finding("MSG001", severity, "problem here", {begin, begin + needle.size()}, line, column);
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The excerpt and caret lines of the first finding, without the gutter.
std::pair<std::string, std::string> first_excerpt(const std::string& text) {
    const std::vector<std::string> lines = split_lines(text);
    if (lines.size() < 3) return {};
    const auto strip = [](const std::string& line) {
        const std::size_t bar = line.find(" | ");
        return bar == std::string::npos ? std::string("<no gutter>") : line.substr(bar + 3);
    };
    return {strip(lines[1]), strip(lines[2])};
}

std::string text_for(std::string_view message, const Finding& finding, TextOptions options = {}) {
    Report report;
    report.message_size = message.size();
    report.findings.push_back(finding);
    return format_text({"mail.eml", message, &report}, options);
}

// ---- text ----

TEST(TextReporterTest, PrintsCompilerStyleLinesAndSummary) {
    const std::string message = "From: a@example.com, b@example.com\r\nSubject: hi\r\n\r\nbody\r\n";
    Report report;
    report.message_size = message.size();
    Finding error = finding_at(message, "b@example.com", Severity::error);
    error.rule_id = "FROM001";
    error.slug = "multiple-from-addresses";
    error.related.push_back({{"", {6, 19}, std::nullopt, 1, 7}, "first address"});
    report.findings.push_back(error);
    report.findings.push_back(finding_at(message, "hi", Severity::warning));
    Finding info = finding_at(message, "body", Severity::info);
    info.location.part = "1.2";
    report.findings.push_back(info);
    const std::string text = format_text({"mail.eml", message, &report});
    const std::vector<std::string> lines = split_lines(text);
    ASSERT_EQ(lines.size(), 13u) << text;
    EXPECT_EQ(lines[0], "mail.eml:1:22: error: problem here [FROM001 multiple-from-addresses]");
    EXPECT_EQ(lines[1], "    1 | From: a@example.com, b@example.com");
    EXPECT_EQ(lines[2], "      |                      ^~~~~~~~~~~~~");
    EXPECT_EQ(lines[3], "mail.eml:1:7: note: first address");
    EXPECT_EQ(lines[5], "      |       ^~~~~~~~~~~~~");
    EXPECT_EQ(lines[6], "mail.eml:2:10: warning: problem here [MSG001 some-rule]");
    EXPECT_EQ(lines[9], "mail.eml:4:1: info: problem here [MSG001 some-rule] [part 1.2]");
    EXPECT_EQ(lines[12], "3 findings (1 error, 1 warning, 1 info)");
    EXPECT_EQ(text.find('\x1b'), std::string::npos);

    TextOptions plain;
    plain.excerpts = false;
    EXPECT_EQ(split_lines(format_text({"mail.eml", message, &report}, plain)).size(), 5u);
    Report clean;
    EXPECT_EQ(format_text({"mail.eml", message, &clean}), "no findings\n");
    EXPECT_EQ(format_text({"mail.eml", message, nullptr}), "no findings\n");
    report.findings.resize(2);
    report.findings[0].severity = Severity::warning;
    EXPECT_NE(format_text({"m", message, &report}).find("\n2 findings (2 warnings)\n"), std::string::npos);
}

TEST(TextReporterTest, CaretCountsCodePointsAndWideCharacters) {
    const std::string latin = "Subject: caf\xc3\xa9 \xc3\xbc\xc3\xa9 target\r\n";
    auto [source, caret] = first_excerpt(text_for(latin, finding_at(latin, "target")));
    EXPECT_EQ(source, "Subject: caf\xc3\xa9 \xc3\xbc\xc3\xa9 target");
    EXPECT_EQ(caret, std::string(17, ' ') + "^~~~~~");

    // Two CJK ideographs take two cells each in a terminal.
    const std::string cjk = "Subject: \xe4\xb8\xad\xe6\x96\x87 target\n";
    std::tie(source, caret) = first_excerpt(text_for(cjk, finding_at(cjk, "target")));
    EXPECT_EQ(caret, std::string(14, ' ') + "^~~~~~");

    // A range over a multi-byte character gets one caret cell per cell.
    std::tie(source, caret) = first_excerpt(text_for(latin, finding_at(latin, "\xc3\xbc\xc3\xa9")));
    EXPECT_EQ(caret, std::string(14, ' ') + "^~");
}

TEST(TextReporterTest, ExpandsTabsConsistently) {
    const std::string message = "a\tb\t\tX end\n";
    auto [source, caret] = first_excerpt(text_for(message, finding_at(message, "X")));
    EXPECT_EQ(source, "a       b               X end");
    EXPECT_EQ(caret, std::string(24, ' ') + "^");

    TextOptions narrow;
    narrow.tab_width = 4;
    std::tie(source, caret) = first_excerpt(text_for(message, finding_at(message, "X"), narrow));
    EXPECT_EQ(source, "a   b       X end");
    EXPECT_EQ(caret, std::string(12, ' ') + "^");

    // A range covering a tab covers the cells it expands to.
    std::tie(source, caret) = first_excerpt(text_for(message, finding_at(message, "\tb")));
    EXPECT_EQ(caret, " ^~~~~~~~");
}

TEST(TextReporterTest, ShowsControlAndInvalidBytesSafely) {
    const std::string message = std::string("Subject: a\x1b[31m\x01\xff\xe2\x80\xae\0b X\n", 24);
    Finding finding = finding_at(message, "X");
    finding.message = "bad \x1b]0;title\x07 \xfe";
    const std::string text = text_for(message, finding);
    EXPECT_EQ(text.find('\x1b'), std::string::npos);
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    EXPECT_EQ(core::find_invalid_utf8(text), std::string::npos);
    auto [source, caret] = first_excerpt(text);
    // ESC, SOH and NUL as control pictures, 0xFF as \xFF, U+202E (RLO) named.
    EXPECT_EQ(source,
              "Subject: a\xe2\x90\x9b[31m\xe2\x90\x81\\xFF<U+202E>\xe2\x90\x80"
              "b X");
    EXPECT_EQ(caret, std::string(10 + 5 + 1 + 4 + 8 + 1 + 2, ' ') + "^");
}

TEST(TextReporterTest, WindowsLongLines) {
    std::string message = "Subject: x\r\n\r\n";
    message += std::string(5'000'000, 'a') + "TARGET" + std::string(5'000'000, 'b') + "\r\nend\r\n";
    const Finding finding = finding_at(message, "TARGET");
    const std::string text = text_for(message, finding);
    EXPECT_LT(text.size(), 1000u);
    auto [source, caret] = first_excerpt(text);
    EXPECT_TRUE(source.starts_with("...a")) << source;
    EXPECT_TRUE(source.ends_with("b...")) << source;
    EXPECT_LE(source.size(), 160u);
    const std::size_t at = caret.find('^');
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(source.substr(at, 6), "TARGET");
    EXPECT_EQ(caret.substr(at), "^~~~~~");

    // At the start of a long line: no leading "...", the range capped at the width.
    Finding whole = finding_at(message, "aaaa");
    whole.location.raw.end = message.size();
    std::tie(source, caret) = first_excerpt(text_for(message, whole));
    EXPECT_TRUE(source.starts_with("aaaa"));
    EXPECT_TRUE(source.ends_with("..."));
    EXPECT_EQ(caret.find('^'), 0u);
    EXPECT_EQ(caret.size(), source.size() - 3);

    // Near the end of a long line: more context on the left.
    std::tie(source, caret) = first_excerpt(text_for(message, finding_at(message, "b\r\nend")));
    EXPECT_TRUE(source.starts_with("...b"));
    EXPECT_TRUE(source.ends_with("bbb"));
    EXPECT_EQ(caret.find('^'), source.size() - 1);
}

TEST(TextReporterTest, ClipsRangesToTheirFirstLineAndHandlesEdges) {
    const std::string message = "To: x\r\nSubject: y\r\n";
    Finding multi = finding_at(message, "x\r\nSubject");
    auto [source, caret] = first_excerpt(text_for(message, multi));
    EXPECT_EQ(source, "To: x");
    EXPECT_EQ(caret, "    ^");

    // A finding on a line break points just past the line's text.
    std::tie(source, caret) = first_excerpt(text_for(message, finding_at(message, "\n")));
    EXPECT_EQ(caret, "     ^");
    // The end of the message, after the last line break: an empty last line.
    Finding end = make_finding("MSG002", Severity::info, "end", {message.size(), message.size()}, 3, 1);
    std::tie(source, caret) = first_excerpt(text_for(message, end));
    EXPECT_EQ(source, "");
    EXPECT_EQ(caret, "^");
}

TEST(TextReporterTest, LimitFindingsBeyondTheMessagePrintWithoutExcerpt) {
    const std::string message = "Subject: x\r\n\r\nbody\r\n";
    Report report;
    report.message_size = message.size();
    report.truncated = true;
    Finding limit = make_finding("LINT001", Severity::warning, "message larger than max_message_size",
                                 {message.size() + 100, message.size() + 5000}, 0, 0);
    report.findings.push_back(limit);
    report.limits_hit.push_back({"max_message_size", 10, limit.location});
    const std::vector<std::string> lines = split_lines(format_text({"big.eml", message, &report}));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "big.eml: warning: message larger than max_message_size [LINT001 some-rule]");
    EXPECT_EQ(lines[1], "big.eml: note: report truncated: max_message_size (10)");
    EXPECT_EQ(lines[2], "1 finding (1 warning)");
    // Without the message bytes at all, nothing to excerpt either.
    EXPECT_EQ(split_lines(format_text({"big.eml", "", &report})).size(), 3u);
}

TEST(TextReporterTest, ColoursOnlyWhenAsked) {
    const std::string message = "Subject: x\n";
    TextOptions colour;
    colour.color = true;
    const std::string text = text_for(message, finding_at(message, "x", Severity::error), colour);
    EXPECT_NE(text.find("\x1b[1;31merror:\x1b[0m"), std::string::npos) << text;
    EXPECT_NE(text.find("\x1b[1;32m^\x1b[0m"), std::string::npos) << text;
}

// ---- JSON ----

Report sample_report(std::string_view message) {
    Report report;
    report.message_size = message.size();
    Finding first = make_finding("FROM001", Severity::error, "bad \xff byte \x01", {6, 9}, 1, 7);
    first.properties = {{"technique", "display:none"}, {"technique", "font-size:0"}, {"text", "\xc3("}};
    first.related.push_back({{"1", {12, 14}, Span{0, 2}, 2, 1}, "here too"});
    report.findings.push_back(first);
    Finding decoded = make_finding("HTML001", Severity::info, "hidden", {14, 20}, 3, 1, "1.2");
    decoded.location.decoded = Span{3, 9};
    report.findings.push_back(decoded);
    report.parts.push_back({"", "", -1, 0, "multipart/mixed", "", "7bit", {0, 10}, {12, 40}, true, false});
    report.parts.push_back({"1", "1", 0, 1, "multipart/alternative", "", "7bit", {14, 20}, {22, 40}, true, false});
    report.parts.push_back({"1.1", "1.1", 1, 2, "text/plain", "utf-8", "base64", {24, 30}, {32, 36}, false, false});
    report.parts.push_back(
        {"1.2", "1.2", 1, 2, "text/html", "utf-8", "quoted-printable", {36, 37}, {38, 40}, false, false});
    report.limits_hit.push_back({"max_parts", 4, {"1.2", {38, 40}, std::nullopt, 5, 1}});
    report.truncated = true;
    return report;
}

TEST(JsonReporterTest, WritesTheDocumentedSchema) {
    const std::string message(40, 'x');
    const Report report = sample_report(message);
    const std::string out = format_json({"a \"quoted\" name\xff", message, &report});
    EXPECT_EQ(out, format_json({"a \"quoted\" name\xff", message, &report}));  // deterministic
    EXPECT_EQ(core::find_invalid_utf8(out), std::string_view::npos);
    const auto parsed = parse_json(out);
    ASSERT_TRUE(parsed) << out;
    const JsonValue& doc = *parsed;
    EXPECT_EQ(doc["schema_version"].integer(), json_schema_version);
    EXPECT_EQ(doc["name"].text, "a \"quoted\" name\xef\xbf\xbd");
    EXPECT_EQ(doc["message_size"].integer(), 40);
    EXPECT_TRUE(doc["truncated"].flag);
    EXPECT_EQ(doc["summary"]["error"].integer(), 1);
    EXPECT_EQ(doc["summary"]["warning"].integer(), 0);
    EXPECT_EQ(doc["summary"]["info"].integer(), 1);

    const JsonValue& first = doc["findings"][0];
    EXPECT_EQ(first["rule"].text, "FROM001");
    EXPECT_EQ(first["severity"].text, "error");
    EXPECT_EQ(first["message"].text, "bad \xef\xbf\xbd byte \x01");
    EXPECT_EQ(first["location"]["raw"]["begin"].integer(), 6);
    EXPECT_EQ(first["location"]["raw"]["end"].integer(), 9);
    EXPECT_FALSE(first["location"].has("decoded"));
    EXPECT_EQ(first["location"]["column"].integer(), 7);
    EXPECT_EQ(first["related"][0]["message"].text, "here too");
    EXPECT_EQ(first["related"][0]["location"]["decoded"]["end"].integer(), 2);
    EXPECT_EQ(first["properties"]["technique"].text, "display:none");
    EXPECT_EQ(first["properties"]["technique#2"].text, "font-size:0");
    EXPECT_EQ(first["properties"]["text"].text, "\xef\xbf\xbd(");
    EXPECT_EQ(doc["findings"][1]["location"]["part"].text, "1.2");
    EXPECT_EQ(doc["findings"][1]["location"]["decoded"]["begin"].integer(), 3);

    const JsonValue& part = doc["parts"][2];
    EXPECT_EQ(part["path"].text, "1.1");
    EXPECT_EQ(part["parent"].integer(), 1);
    EXPECT_EQ(part["transfer_encoding"].text, "base64");
    EXPECT_EQ(part["body"]["begin"].integer(), 32);
    EXPECT_EQ(doc["parts"][0]["parent"].integer(), -1);
    EXPECT_TRUE(doc["parts"][0]["is_multipart"].flag);
    EXPECT_EQ(doc["limits_hit"][0]["limit"].text, "max_parts");
    EXPECT_EQ(doc["limits_hit"][0]["location"]["line"].integer(), 5);

    const auto empty = parse_json(format_json({"", "", nullptr}));
    ASSERT_TRUE(empty);
    EXPECT_EQ((*empty)["findings"].items.size(), 0u);
    EXPECT_EQ((*empty)["findings"].type, JsonValue::Type::array);
}

// ---- SARIF ----

TEST(SarifReporterTest, NestsPartArtifactsAndPointsResultsIntoTheMessage) {
    const std::string message(40, 'x');
    const Report first = sample_report(message);
    Report second;
    second.message_size = 30;
    // A message/rfc822 part: the encapsulated message shares the part's path.
    second.parts.push_back({"", "", -1, 0, "multipart/mixed", "", "7bit", {0, 5}, {6, 30}, true, false});
    second.parts.push_back({"1", "1", 0, 1, "message/rfc822", "", "7bit", {8, 10}, {11, 30}, false, true});
    second.parts.push_back({"1", "1", 1, 2, "multipart/mixed", "", "7bit", {11, 15}, {16, 30}, true, false});
    second.parts.push_back({"1.1", "1.1", 2, 3, "text/plain", "", "7bit", {18, 20}, {21, 30}, false, false});
    const auto catalogue = rules();
    const std::string rule_id = catalogue.empty() ? std::string("NONE001") : std::string(catalogue.back().id);
    second.findings.push_back(make_finding(rule_id, Severity::info, "inner", {21, 25}, 4, 3, "1.1"));
    const std::string out = format_sarif({{"dir/a b.eml", message, &first}, {"mbox:2", "", &second}});
    const auto parsed = parse_json(out);
    ASSERT_TRUE(parsed) << out;
    const JsonValue& log = *parsed;
    EXPECT_EQ(log["version"].text, "2.1.0");
    EXPECT_EQ(log["$schema"].text, "https://json.schemastore.org/sarif-2.1.0.json");
    const JsonValue& run = log["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"].text, "inboxlint");
    EXPECT_EQ(run["tool"]["driver"]["rules"].items.size(), catalogue.size());

    const JsonValue& artifacts = run["artifacts"];
    ASSERT_EQ(artifacts.items.size(), 7u) << out;  // message + 3 parts, message + 2 parts
    EXPECT_EQ(artifacts[0]["location"]["uri"].text, "dir/a%20b.eml");
    EXPECT_FALSE(artifacts[0].has("parentIndex"));
    EXPECT_EQ(artifacts[0]["roles"][0].text, "analysisTarget");
    EXPECT_EQ(artifacts[1]["location"]["uri"].text, "dir/a%20b.eml#part=1");
    EXPECT_EQ(artifacts[1]["parentIndex"].integer(), 0);
    EXPECT_EQ(artifacts[1]["offset"].integer(), 14);
    EXPECT_EQ(artifacts[1]["length"].integer(), 26);
    EXPECT_EQ(artifacts[3]["location"]["uri"].text, "dir/a%20b.eml#part=1.2");
    EXPECT_EQ(artifacts[3]["parentIndex"].integer(), 1);
    EXPECT_EQ(artifacts[3]["offset"].integer(), 36 - 14);  // within its parent part
    EXPECT_EQ(artifacts[3]["mimeType"].text, "text/html");
    EXPECT_EQ(artifacts[4]["location"]["uri"].text, "mbox%3A2");  // not a scheme
    EXPECT_EQ(artifacts[4]["length"].integer(), 30);
    EXPECT_EQ(artifacts[6]["location"]["uri"].text, "mbox%3A2#part=1.1");
    EXPECT_EQ(artifacts[6]["parentIndex"].integer(), 5);
    EXPECT_EQ(artifacts[6]["offset"].integer(), 10);

    const JsonValue& results = run["results"];
    ASSERT_EQ(results.items.size(), 3u);
    const JsonValue& region = results[0]["locations"][0]["physicalLocation"]["region"];
    EXPECT_EQ(region["byteOffset"].integer(), 6);
    EXPECT_EQ(region["byteLength"].integer(), 3);
    EXPECT_EQ(region["startLine"].integer(), 1);
    EXPECT_EQ(region["startColumn"].integer(), 7);
    EXPECT_EQ(results[0]["level"].text, "error");
    EXPECT_EQ(results[0]["relatedLocations"][0]["id"].integer(), 1);
    EXPECT_EQ(results[0]["relatedLocations"][0]["message"]["text"].text, "here too");
    EXPECT_EQ(results[0]["properties"]["technique#2"].text, "font-size:0");
    EXPECT_FALSE(results[0]["locations"][0].has("logicalLocations"));
    const JsonValue& html = results[1];
    EXPECT_EQ(html["level"].text, "note");
    EXPECT_EQ(html["properties"]["part"].text, "1.2");
    EXPECT_EQ(html["properties"]["decoded"]["end"].integer(), 9);
    EXPECT_EQ(html["locations"][0]["logicalLocations"][0]["name"].text, "1.2");
    EXPECT_EQ(html["locations"][0]["logicalLocations"][0]["properties"]["artifactIndex"].integer(), 3);

    const JsonValue& inner = results[2];
    EXPECT_EQ(inner["locations"][0]["physicalLocation"]["artifactLocation"]["index"].integer(), 4);
    EXPECT_EQ(inner["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].text, "mbox%3A2");
    EXPECT_EQ(inner["locations"][0]["logicalLocations"][0]["properties"]["artifactIndex"].integer(), 6);
    if (!catalogue.empty()) {
        EXPECT_EQ(inner["ruleIndex"].integer(), static_cast<long long>(catalogue.size() - 1));
    } else {
        EXPECT_FALSE(inner.has("ruleIndex"));
    }
}

TEST(SarifReporterTest, DescribesEveryRule) {
    const auto parsed = parse_json(format_sarif({}));
    ASSERT_TRUE(parsed);
    const JsonValue& driver = (*parsed)["runs"][0]["tool"]["driver"];
    const auto catalogue = rules();
    ASSERT_EQ(driver["rules"].items.size(), catalogue.size());
    for (std::size_t i = 0; i < catalogue.size(); ++i) {
        const JsonValue& rule = driver["rules"][i];
        EXPECT_EQ(rule["id"].text, catalogue[i].id);
        EXPECT_EQ(rule["name"].text, catalogue[i].slug);
        EXPECT_EQ(rule["shortDescription"]["text"].text, catalogue[i].summary);
        const std::string_view level = catalogue[i].default_severity == Severity::info      ? "note"
                                       : catalogue[i].default_severity == Severity::warning ? "warning"
                                                                                            : "error";
        EXPECT_EQ(rule["defaultConfiguration"]["level"].text, level);
        EXPECT_EQ(rule["properties"]["category"].text, catalogue[i].category);
        if (const auto page = explain(catalogue[i].id)) {
            EXPECT_EQ(rule["help"]["markdown"].text, *page);
        }
    }
    EXPECT_EQ((*parsed)["runs"][0]["results"].items.size(), 0u);
}

}  // namespace
