#include "mime/content_type.hpp"

#include <algorithm>
#include <map>

#include "core/ascii.hpp"
#include "mime/lexer.hpp"

namespace inboxlint::mime {
namespace {

// One name=value pair as written, before RFC 2231 sections are joined.
struct RawSection {
    std::string base_name;  // lower-case, without '*' suffixes
    int section = -1;       // N of name*N, -1 when unnumbered
    bool encoded = false;   // trailing '*'
    std::string value;
    Span span;
    bool quoted = false;
};

void split_section_name(std::string_view name, RawSection& out) {
    std::string lower = core::to_lower(name);
    if (!lower.empty() && lower.back() == '*') {
        out.encoded = true;
        lower.pop_back();
    }
    const auto star = lower.find('*');
    if (star != std::string::npos) {
        const std::string digits = lower.substr(star + 1);
        const bool numeric =
            !digits.empty() && digits.size() <= 4 && std::all_of(digits.begin(), digits.end(), core::is_digit);
        if (numeric) {
            out.section = std::stoi(digits);
            lower.resize(star);
        }
    }
    out.base_name = std::move(lower);
}

// Skips to just after the next ';' (or the end) after a broken parameter.
void skip_to_next_parameter(Lexer& lex) {
    while (!lex.at_end() && lex.peek() != ';') {
        if (lex.peek() == '"') {
            std::string ignored;
            lex.read_quoted_string(ignored);
        } else {
            lex.advance();
        }
    }
}

std::string read_unquoted_value(Lexer& lex, SyntaxIssues& issues) {
    const std::size_t start = lex.pos();
    while (!lex.at_end()) {
        const char c = lex.peek();
        if (c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(') break;
        lex.advance();
    }
    std::string value(lex.text().substr(start, lex.pos() - start));
    const auto bad = std::find_if(value.begin(), value.end(), [](char c) { return !is_token_char(c); });
    if (bad != value.end()) {
        issues.push_back({"unquoted-special-in-parameter", lex.span(start, lex.pos()),
                          "the value contains '" + std::string(1, *bad) + "' and must be quoted"});
    }
    return value;
}

bool read_section(Lexer& lex, RawSection& section, SyntaxIssues& issues) {
    const std::size_t start = lex.pos();
    const std::string_view name = lex.read_token();
    if (name.empty()) {
        issues.push_back({"invalid-parameter", lex.span(start, start + 1), "expected a parameter name"});
        return false;
    }
    split_section_name(name, section);
    lex.skip_cfws();
    if (!lex.consume('=')) {
        issues.push_back({"parameter-without-value", lex.span(start, lex.pos()),
                          "parameter '" + std::string(name) + "' has no '=' and value"});
        return false;
    }
    lex.skip_cfws();
    if (lex.peek() == '"' && !lex.at_end()) {
        section.quoted = true;
        const std::size_t quote = lex.pos();
        if (!lex.read_quoted_string(section.value)) {
            issues.push_back({"unterminated-quoted-string", lex.span(quote, lex.pos()),
                              "the quoted value of '" + std::string(name) + "' is not closed"});
        }
    } else {
        section.value = read_unquoted_value(lex, issues);
        if (section.value.empty()) {
            issues.push_back({"empty-parameter-value", lex.span(start, lex.pos()),
                              "parameter '" + std::string(name) + "' has an empty value"});
        }
    }
    section.span = lex.span(start, lex.pos());
    return true;
}

std::vector<RawSection> read_sections(Lexer& lex, SyntaxIssues& issues) {
    std::vector<RawSection> sections;
    bool expect_separator = true;
    bool saw_separator = false;  // the previous token was ';'
    bool empty_run_reported = false;
    while (true) {
        lex.skip_cfws();
        if (lex.at_end()) break;
        if (lex.consume(';')) {
            // ";;" holds an empty parameter; one trailing ';' is harmless and
            // common, so only a second one in a row counts.
            if (saw_separator && !empty_run_reported) {
                issues.push_back({"empty-parameter", lex.span(lex.pos() - 1, lex.pos()), "an empty parameter (';;')"});
                empty_run_reported = true;
            }
            saw_separator = true;
            expect_separator = false;
            continue;
        }
        saw_separator = false;
        empty_run_reported = false;
        if (expect_separator) {
            issues.push_back(
                {"missing-semicolon", lex.span(lex.pos(), lex.pos() + 1), "expected ';' before the next parameter"});
        }
        RawSection section;
        if (read_section(lex, section, issues))
            sections.push_back(std::move(section));
        else
            skip_to_next_parameter(lex);
        expect_separator = true;
    }
    return sections;
}

std::string percent_decode(std::string_view text, Span span, SyntaxIssues& issues) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && core::is_hex_digit(text[i + 1]) &&
            core::is_hex_digit(text[i + 2])) {
            out.push_back(static_cast<char>(core::hex_value(text[i + 1]) * 16 + core::hex_value(text[i + 2])));
            i += 2;
        } else {
            if (text[i] == '%') {
                issues.push_back({"invalid-percent-escape", span, "a '%' not followed by two hex digits"});
            }
            out.push_back(text[i]);
        }
    }
    return out;
}

// Joins RFC 2231 sections of one parameter and decodes them.
Parameter join_sections(std::vector<const RawSection*>& parts, SyntaxIssues& issues) {
    std::sort(parts.begin(), parts.end(),
              [](const RawSection* a, const RawSection* b) { return a->section < b->section; });
    Parameter param;
    param.name = parts.front()->base_name;
    param.span = {parts.front()->span.begin, parts.back()->span.end};
    param.quoted = parts.front()->quoted;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const RawSection& s = *parts[i];
        if (s.section != static_cast<int>(i) && !(parts.size() == 1 && s.section == -1)) {
            issues.push_back({"parameter-section-gap", s.span,
                              "RFC 2231 sections of '" + param.name + "' are not numbered 0, 1, 2, ..."});
        }
        std::string_view text = s.value;
        if (s.encoded && i == 0) {
            param.extended = true;
            const auto q1 = text.find('\'');
            const auto q2 = q1 == std::string_view::npos ? q1 : text.find('\'', q1 + 1);
            if (q2 == std::string_view::npos) {
                issues.push_back(
                    {"rfc2231-missing-charset", s.span, "an extended value must start with charset'language'"});
            } else {
                param.charset = core::to_lower(text.substr(0, q1));
                param.language = std::string(text.substr(q1 + 1, q2 - q1 - 1));
                text.remove_prefix(q2 + 1);
            }
        }
        param.value += s.encoded ? percent_decode(text, s.span, issues) : std::string(text);
    }
    return param;
}

std::vector<Parameter> assemble(const std::vector<RawSection>& sections, SyntaxIssues& issues) {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const RawSection*>> by_name;
    for (const RawSection& s : sections) {
        auto& list = by_name[s.base_name];
        if (list.empty()) order.push_back(s.base_name);
        const bool numbered = s.section >= 0;
        const bool duplicate = std::any_of(list.begin(), list.end(), [&](const RawSection* other) {
            return other->section == s.section || (!numbered) != (other->section < 0);
        });
        if (duplicate) {
            issues.push_back(
                {"duplicate-parameter", s.span, "parameter '" + s.base_name + "' is given more than once"});
            continue;
        }
        list.push_back(&s);
    }
    std::vector<Parameter> params;
    for (const std::string& name : order) params.push_back(join_sections(by_name[name], issues));
    return params;
}

}  // namespace

const Parameter* ParameterizedValue::param(std::string_view name) const noexcept {
    for (const Parameter& p : params) {
        if (core::iequals(p.name, name)) return &p;
    }
    return nullptr;
}

ParameterizedValue parse_content_type(std::string_view raw_value, std::size_t base) {
    ParameterizedValue result;
    result.present = true;
    Lexer lex(raw_value, base);
    lex.skip_cfws();
    const std::size_t start = lex.pos();
    const std::string type = core::to_lower(lex.read_token());
    lex.skip_cfws();
    std::string subtype;
    if (lex.consume('/')) {
        lex.skip_cfws();
        subtype = core::to_lower(lex.read_token());
    }
    result.type_span = lex.span(start, lex.pos());
    if (type.empty() || subtype.empty()) {
        result.issues.push_back({"invalid-media-type",
                                 result.type_span.empty() ? lex.span(start, raw_value.size()) : result.type_span,
                                 "expected type/subtype"});
    } else {
        result.type = type;
        result.subtype = subtype;
    }
    lex.skip_cfws();
    if (!lex.at_end() && lex.peek() != ';' && !result.type.empty()) {
        result.issues.push_back(
            {"junk-after-media-type", lex.span(lex.pos(), raw_value.size()), "unexpected text after the media type"});
        skip_to_next_parameter(lex);
    }
    result.params = assemble(read_sections(lex, result.issues), result.issues);
    return result;
}

ParameterizedValue parse_content_disposition(std::string_view raw_value, std::size_t base) {
    ParameterizedValue result;
    result.present = true;
    Lexer lex(raw_value, base);
    lex.skip_cfws();
    const std::size_t start = lex.pos();
    result.type = core::to_lower(lex.read_token());
    result.type_span = lex.span(start, lex.pos());
    if (result.type.empty()) {
        result.issues.push_back(
            {"invalid-disposition", lex.span(start, raw_value.size()), "expected a disposition type"});
        skip_to_next_parameter(lex);
    }
    result.params = assemble(read_sections(lex, result.issues), result.issues);
    return result;
}

TransferEncoding parse_transfer_encoding(std::string_view raw_value, std::size_t base) {
    TransferEncoding result;
    result.present = true;
    Lexer lex(raw_value, base);
    lex.skip_cfws();
    const std::size_t start = lex.pos();
    result.name = core::to_lower(lex.read_token());
    result.span = lex.span(start, lex.pos());
    lex.skip_cfws();
    if (result.name.empty()) {
        result.issues.push_back(
            {"empty-transfer-encoding", lex.span(0, raw_value.size()), "Content-Transfer-Encoding has no value"});
    } else if (!lex.at_end()) {
        result.issues.push_back({"junk-after-transfer-encoding", lex.span(lex.pos(), raw_value.size()),
                                 "unexpected text after the encoding"});
    }
    return result;
}

}  // namespace inboxlint::mime
