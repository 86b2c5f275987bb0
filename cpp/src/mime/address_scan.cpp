#include "mime/address_scan.hpp"

#include <string>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace inboxlint::mime::address_detail {
namespace {

constexpr unsigned char byte(char c) noexcept { return static_cast<unsigned char>(c); }
constexpr bool is_vchar(char c) noexcept { return byte(c) >= 33 && byte(c) <= 126; }
constexpr bool is_fws_char(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// RFC 5322 4.1 obs-NO-WS-CTL: controls other than NUL, TAB, LF and CR.
constexpr bool is_obs_no_ws_ctl(char c) noexcept {
    const unsigned char u = byte(c);
    return (u >= 1 && u <= 8) || u == 11 || u == 12 || (u >= 14 && u <= 31) || u == 127;
}

enum class Kind : unsigned char { comment, quoted, literal };

// ctext, qtext and dtext without their obsolete and UTF-8 extensions.
bool is_plain_text(Kind kind, char c) noexcept {
    if (!is_vchar(c) || c == '\\') return false;
    switch (kind) {
        case Kind::comment:
            return c != '(' && c != ')';
        case Kind::quoted:
            return c != '"';
        case Kind::literal:
            return c != '[' && c != ']';
    }
    return false;
}

std::string_view obsolete_text_reason(Kind kind) noexcept {
    switch (kind) {
        case Kind::comment:
            return "control character in a comment (obs-ctext)";
        case Kind::quoted:
            return "control character in a quoted string (obs-qtext)";
        case Kind::literal:
            return "control character in a domain literal (obs-dtext)";
    }
    return "";
}

std::string describe_byte(char c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "byte 0x";
    out.push_back(hex[byte(c) >> 4]);
    out.push_back(hex[byte(c) & 0x0F]);
    return out;
}

void append(std::string* value, std::string_view text) {
    if (value) value->append(text);
}

// One RFC 6532 UTF-8 character at the cursor; invalid bytes are issues.
void step_utf8(Scan& s, std::string* value) {
    const std::size_t pos = s.pos();
    const auto decoded = core::decode_utf8(s.lex.text(), pos);
    if (!decoded.valid) {
        s.issue("invalid-character", pos, pos + 1, "invalid UTF-8 (" + describe_byte(s.lex.text()[pos]) + ")");
    }
    append(value, s.lex.text().substr(pos, decoded.length));
    s.lex.advance(decoded.length);
}

// One run of white space and line breaks, checked as FWS: every line break
// followed by WSP (RFC 5322 3.2.2), and only CRLF in strict mode. Two line
// breaks in one run need obs-FWS (as corrected by RFC 5322 erratum 1908).
void scan_fws(Scan& s, std::string* value) {
    const std::string_view text = s.lex.text();
    const std::size_t start = s.pos();
    std::size_t pos = start;
    std::size_t breaks = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (core::is_wsp(c)) {
            if (value) value->push_back(c);
            ++pos;
            continue;
        }
        if (c != '\r' && c != '\n') break;
        const std::size_t line_break = pos;
        const bool crlf = c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n';
        pos += crlf ? 2 : 1;
        ++breaks;
        if (!crlf && s.strict) {
            s.issue("invalid-character", line_break, pos, c == '\r' ? "CR without LF" : "LF without CR");
        } else if (pos < text.size() ? !core::is_wsp(text[pos]) : s.strict) {
            s.issue("invalid-character", line_break, pos, "line break not followed by white space (not folding)");
        }
    }
    s.lex.set_pos(pos);
    if (breaks >= 2) s.note_obsolete(start, pos, "folding white space with more than one line break (obs-FWS)");
}

// At '\': a quoted-pair. False when the backslash is the last byte.
bool step_quoted_pair(Scan& s, Kind kind, std::string* value) {
    const std::string_view text = s.lex.text();
    const std::size_t pos = s.pos();
    if (pos + 1 >= text.size()) return false;
    const char c = text[pos + 1];
    if (kind == Kind::literal) {
        append(value, "\\");
        s.note_obsolete(pos, pos + 2, "quoted-pair in a domain literal (obs-dtext)");
    }
    s.lex.advance();
    if (core::is_8bit(c)) {
        step_utf8(s, value);  // RFC 6532 3.2: VCHAR =/ UTF8-non-ascii
        return true;
    }
    if (!is_vchar(c) && !core::is_wsp(c)) s.note_obsolete(pos, pos + 2, "quoted control character (obs-qp)");
    append(value, text.substr(pos + 1, 1));
    s.lex.advance();
    return true;
}

// One unit of comment, quoted-string or domain-literal content (never the
// closing delimiter). False when a final '\' leaves it unterminated.
bool step_content(Scan& s, Kind kind, std::string* value) {
    const std::size_t pos = s.pos();
    const char c = s.lex.peek();
    if (is_fws_char(c)) {
        scan_fws(s, value);
        return true;
    }
    if (c == '\\') return step_quoted_pair(s, kind, value);
    if (core::is_8bit(c)) {
        step_utf8(s, value);
        return true;
    }
    if (!is_plain_text(kind, c)) {
        if (is_obs_no_ws_ctl(c)) {
            s.note_obsolete(pos, pos + 1, obsolete_text_reason(kind));
        } else if (c == '[') {
            s.issue("invalid-domain", pos, pos + 1, "'[' inside a domain literal");
        } else {
            s.issue("invalid-character", pos, pos + 1, "control character (" + describe_byte(c) + ")");
        }
    }
    append(value, std::string_view(&s.lex.text()[pos], 1));
    s.lex.advance();
    return true;
}

// At '(': a comment, nested comments included.
void read_comment(Scan& s) {
    const std::size_t start = s.pos();
    std::size_t depth = 0;
    while (!s.lex.at_end()) {
        const char c = s.lex.peek();
        if (c == '(') {
            s.lex.advance();
            ++depth;
            continue;
        }
        if (c == ')') {
            s.lex.advance();
            if (--depth == 0) return;
            continue;
        }
        if (!step_content(s, Kind::comment, nullptr)) break;
    }
    s.ran_off_end = true;
    s.issue("unterminated-comment", start, s.lex.text().size(), "the comment opened here is never closed");
    s.lex.set_pos(s.lex.text().size());
}

// Skips a quoted string or a comment whole, without checks (recovery only).
std::size_t skip_delimited(std::string_view text, std::size_t pos) noexcept {
    const bool quote = text[pos] == '"';
    std::size_t depth = 1;
    for (++pos; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == '\\') {
            ++pos;
        } else if (quote) {
            if (c == '"') return pos + 1;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            return pos + 1;
        }
    }
    return text.size();
}


// The 16-bit groups of "h16:h16:..." (an IPv4 tail counts two); -1 when malformed.
int count_ipv6_groups(std::string_view text, bool allow_ipv4) noexcept {
    if (text.empty()) return 0;
    int groups = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = text.find(':', start);
        const std::string_view piece = text.substr(start, colon == std::string_view::npos ? colon : colon - start);
        if (colon == std::string_view::npos && allow_ipv4 && piece.find('.') != std::string_view::npos) {
            return core::is_dotted_quad(piece) ? groups + 2 : -1;
        }
        if (piece.empty() || piece.size() > 4) return -1;
        for (const char c : piece) {
            if (!core::is_hex_digit(c)) return -1;
        }
        ++groups;
        if (colon == std::string_view::npos) return groups;
        start = colon + 1;
    }
}

}  // namespace

Scan::Scan(std::string_view text, std::size_t base, bool strict_line_breaks, SyntaxIssues& sink) noexcept
    : lex(text, base), issues(sink), strict(strict_line_breaks), last_gt(text.rfind('>')) {}

void Scan::issue(std::string_view code, std::size_t from, std::size_t to, std::string detail) {
    const Span where = span(from, to < from ? from : to);
    if (code == "invalid-character" && !issues.empty() && issues.back().code == code &&
        issues.back().span.end == where.begin) {
        issues.back().span.end = where.end;
        return;
    }
    issues.push_back({code, where, std::move(detail)});
}

void Scan::note_obsolete(std::size_t from, std::size_t to, std::string_view reason) noexcept {
    if (obsolete.set) return;
    obsolete = {true, from, to, reason};
}

Cfws skip_cfws(Scan& s) {
    Cfws cfws{s.pos(), s.pos(), false};
    while (!s.lex.at_end()) {
        const char c = s.lex.peek();
        if (is_fws_char(c)) {
            scan_fws(s, nullptr);
        } else if (c == '(') {
            cfws.comment = true;
            read_comment(s);
        } else {
            break;
        }
    }
    cfws.end = s.pos();
    return cfws;
}

bool read_quoted(Scan& s, std::string& value) {
    const std::size_t start = s.pos();
    s.lex.advance();
    while (!s.lex.at_end()) {
        if (s.lex.peek() == '"') {
            s.lex.advance();
            return true;
        }
        if (!step_content(s, Kind::quoted, &value)) break;
    }
    s.ran_off_end = true;
    s.issue("unterminated-quoted-string", start, s.lex.text().size(), "the quoted string opened here is never closed");
    s.lex.set_pos(s.lex.text().size());
    return false;
}

bool read_domain_literal(Scan& s, std::string& value) {
    const std::size_t start = s.pos();
    value = "[";
    s.lex.advance();
    while (!s.lex.at_end()) {
        if (s.lex.peek() == ']') {
            s.lex.advance();
            value.push_back(']');
            return true;
        }
        if (!step_content(s, Kind::literal, &value)) break;
    }
    s.ran_off_end = true;
    s.issue("unterminated-domain-literal", start, s.lex.text().size(), "the domain literal opened here has no ']'");
    s.lex.set_pos(s.lex.text().size());
    return false;
}

std::string_view read_atom(Scan& s) {
    const std::size_t start = s.pos();
    const std::string_view atom = s.lex.read_atom();
    for (std::size_t i = 0; i < atom.size();) {
        if (!core::is_8bit(atom[i])) {
            ++i;
            continue;
        }
        const auto decoded = core::decode_utf8(atom, i);
        if (!decoded.valid) {
            s.issue("invalid-character", start + i, start + i + 1, "invalid UTF-8 (" + describe_byte(atom[i]) + ")");
        }
        i += decoded.length;
    }
    return atom;
}

Cfws read_words(Scan& s, std::vector<Token>& tokens, bool dotted) {
    tokens.clear();
    Cfws after{s.pos(), s.pos(), false};
    while (!s.lex.at_end()) {
        const char c = s.lex.peek();
        const bool word = c == '"' || (c != '.' && is_atext(c));
        if (c != '.' && !word) break;
        if (dotted && word && !tokens.empty() && tokens.back().kind != Token::Kind::dot) break;
        Token token;
        token.begin = s.pos();
        if (c == '"') {
            token.kind = Token::Kind::quoted;
            read_quoted(s, token.value);
        } else if (c == '.') {
            token.kind = Token::Kind::dot;
            s.lex.advance();
        } else {
            read_atom(s);
        }
        token.end = s.pos();
        tokens.push_back(std::move(token));
        after = skip_cfws(s);
    }
    return after;
}

bool is_dotted_words(const std::vector<Token>& tokens) noexcept {
    if (tokens.empty()) return false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool want_dot = i % 2 == 1;
        if ((tokens[i].kind == Token::Kind::dot) != want_dot) return false;
    }
    return tokens.back().kind != Token::Kind::dot;
}

std::size_t find_separator(const Scan& s, std::size_t from, bool in_group, bool stop_at_angle,
                           std::size_t* angle) noexcept {
    const std::string_view text = s.lex.text();
    std::size_t pos = from;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"' || c == '(') {
            pos = skip_delimited(text, pos);
        } else if (c == ',' || (in_group && c == ';')) {
            return pos;
        } else if (c == '<' && s.last_gt != std::string_view::npos && pos < s.last_gt) {
            if (stop_at_angle) {
                if (angle) *angle = pos;
                return pos;
            }
            pos = skip_past_angle(s, pos + 1);
        } else {
            ++pos;
        }
    }
    return text.size();
}

std::size_t skip_past_angle(const Scan& s, std::size_t from, bool* closed) noexcept {
    if (closed) *closed = false;
    const std::string_view text = s.lex.text();
    std::size_t pos = from;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"' || c == '(') {
            pos = skip_delimited(text, pos);
        } else if (c == '>') {
            if (closed) *closed = true;
            return pos + 1;
        } else if (c == ',' && (s.last_gt == std::string_view::npos || pos > s.last_gt)) {
            return pos;
        } else {
            ++pos;
        }
    }
    return text.size();
}

std::size_t trim_end(std::string_view text, std::size_t from, std::size_t to) noexcept {
    if (to > text.size()) to = text.size();
    while (to > from && is_fws_char(text[to - 1])) --to;
    return to < from ? from : to;
}

void append_collapsed(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (!is_fws_char(c)) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
}

bool ipv6_elides_one_group(std::string_view literal_content) noexcept {
    if (!core::istarts_with(literal_content, "IPv6:")) return false;
    const std::string_view address = literal_content.substr(5);
    const std::size_t gap = address.find("::");
    if (gap == std::string_view::npos || address.find("::", gap + 1) != std::string_view::npos) return false;
    const int left = count_ipv6_groups(address.substr(0, gap), false);
    const int right = count_ipv6_groups(address.substr(gap + 2), true);
    return left >= 0 && right >= 0 && left + right == 7;
}

}  // namespace inboxlint::mime::address_detail
