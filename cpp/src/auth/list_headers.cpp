#include "auth/list_headers.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "mime/lexer.hpp"

namespace inboxlint::auth {
namespace {

constexpr bool is_fws(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool skip_cfws(mime::Lexer& lex, mime::SyntaxIssues& issues) {
    std::size_t bad = 0;
    if (lex.skip_cfws(&bad)) return true;
    issues.push_back({"unterminated-comment", lex.span(bad, lex.text().size()), "a comment without ')'"});
    return false;
}

// RFC 3986 scheme ":" and printable ASCII after it.
void check_uri(ListUri& uri, mime::SyntaxIssues& issues) {
    const std::string& u = uri.uri;
    if (u.empty()) {
        issues.push_back({"empty-uri", uri.span, "an empty <> entry"});
        return;
    }
    std::size_t colon = 0;
    while (colon < u.size() && (core::is_alnum(u[colon]) || u[colon] == '+' || u[colon] == '-' || u[colon] == '.'))
        ++colon;
    const bool has_scheme = colon > 0 && colon < u.size() && u[colon] == ':' && core::is_alpha(u[0]);
    const bool printable = std::all_of(u.begin(), u.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b > 0x20 && b < 0x7f;
    });
    if (!has_scheme || !printable) {
        issues.push_back({"invalid-uri", uri.span,
                          has_scheme ? "the URI has a byte that is not printable ASCII" : "the URI has no scheme"});
    }
    if (has_scheme) uri.scheme = core::to_lower(std::string_view(u).substr(0, colon));
}

// At '<': one angle-bracketed URI. Returns false when '>' is missing.
bool read_uri(mime::Lexer& lex, ListUnsubscribe& out) {
    const std::string_view text = lex.text();
    const std::size_t open = lex.pos();
    const std::size_t close = text.find('>', open + 1);
    const std::size_t end = close == std::string_view::npos ? text.size() : close;
    ListUri uri;
    uri.span = lex.span(open + 1, end);
    for (std::size_t i = open + 1; i < end; ++i) {
        if (!is_fws(text[i])) uri.uri.push_back(text[i]);
    }
    check_uri(uri, out.issues);
    out.uris.push_back(std::move(uri));
    if (close == std::string_view::npos) {
        out.issues.push_back({"unterminated-angle-bracket", lex.span(open, text.size()), "'<' without '>'"});
        lex.set_pos(text.size());
        return false;
    }
    lex.set_pos(close + 1);
    return true;
}

// Text that is neither a bracketed URI, a comma nor a comment: skip to the
// next ',' or '<'.
void read_junk(mime::Lexer& lex, ListUnsubscribe& out) {
    const std::string_view text = lex.text();
    const std::size_t start = lex.pos();
    std::size_t end = text.find_first_of(",<", start);
    if (end == std::string_view::npos) end = text.size();
    while (end > start && is_fws(text[end - 1])) --end;
    const std::string_view junk = text.substr(start, end - start);
    out.issues.push_back(
        {"missing-angle-brackets", lex.span(start, end),
         junk.find(':') != std::string_view::npos ? "a URI not enclosed in <...>" : "text that is not an <URI>"});
    lex.set_pos(std::max(end, start + 1));
}

}  // namespace

const ListUri* ListUnsubscribe::first_with_scheme(std::string_view scheme) const noexcept {
    for (const ListUri& u : uris) {
        if (u.scheme == scheme) return &u;
    }
    return nullptr;
}

ListUnsubscribe parse_list_unsubscribe(std::string_view raw_value, std::size_t base) {
    ListUnsubscribe out;
    mime::Lexer lex(raw_value, base);
    bool need_comma = false;  // an entry was read and no comma yet
    bool had_entry = false;   // since the last comma
    while (skip_cfws(lex, out.issues) && !lex.at_end()) {
        const char c = lex.peek();
        if (c == ',') {
            if (!had_entry)
                out.issues.push_back(
                    {"empty-list-element", lex.span(lex.pos(), lex.pos() + 1), "',' with no URI before it"});
            need_comma = had_entry = false;
            lex.advance();
            continue;
        }
        if (c == '<' && need_comma)
            out.issues.push_back({"missing-comma", lex.span(lex.pos(), lex.pos() + 1), "two URIs without ',' between"});
        had_entry = true;
        need_comma = c == '<';
        if (c != '<') {
            read_junk(lex, out);
        } else if (!read_uri(lex, out)) {
            break;
        }
    }
    if (out.uris.empty() && out.issues.empty())
        out.issues.push_back({"empty-field", {base, base + raw_value.size()}, "List-Unsubscribe has no URI"});
    return out;
}

namespace {

bool dot_atom_text(std::string_view s) noexcept {
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '.' || (mime::is_atext(c) && !core::is_8bit(c)); });
}

bool domain_name(std::string_view s) noexcept {
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '.' || c == '-' || core::is_alnum(c); });
}

// RFC 2919 section 2: list-label "." list-id-namespace, where the namespace
// is a domain name or "localhost".
bool valid_list_id(std::string_view id) noexcept {
    if (id.size() > 255) return false;
    if (id.ends_with(".localhost")) return dot_atom_text(id.substr(0, id.size() - 10));
    for (std::size_t dot = id.find('.'); dot != std::string_view::npos; dot = id.find('.', dot + 1)) {
        if (dot_atom_text(id.substr(0, dot)) && domain_name(id.substr(dot + 1))) return true;
    }
    return false;
}

// Skips the optional phrase before '<': atoms, quoted strings, CFWS, and
// specials too ("http://..."), which receivers ignore: they read the <id>.
void skip_phrase(mime::Lexer& lex, ListId& out) {
    std::string ignored;
    while (skip_cfws(lex, out.issues) && !lex.at_end() && lex.peek() != '<') {
        if (lex.peek() == '"') {
            lex.read_quoted_string(ignored);
        } else if (lex.read_atom().empty()) {
            lex.advance();
        }
    }
}

}  // namespace

ListId parse_list_id(std::string_view raw_value, std::size_t base) {
    ListId out;
    mime::Lexer lex(raw_value, base);
    skip_phrase(lex, out);
    if (lex.at_end()) {
        const std::string_view t = core::trim(raw_value);
        const std::size_t at = t.empty() ? 0 : static_cast<std::size_t>(t.data() - raw_value.data());
        out.issues.push_back(
            {"missing-angle-brackets", {base + at, base + at + t.size()}, "the list id is not in <...>"});
        return out;
    }
    const std::size_t open = lex.pos();
    const std::size_t close = raw_value.find('>', open + 1);
    if (close == std::string_view::npos) {
        out.issues.push_back({"unterminated-angle-bracket", lex.span(open, raw_value.size()), "'<' without '>'"});
        return out;
    }
    out.id_span = lex.span(open + 1, close);
    out.id = std::string(raw_value.substr(open + 1, close - open - 1));
    if (!valid_list_id(out.id))
        out.issues.push_back({"invalid-list-id", out.id_span, "not list-label.namespace (RFC 2919 section 2)"});
    lex.set_pos(close + 1);
    if (skip_cfws(lex, out.issues) && !lex.at_end())
        out.issues.push_back({"junk-after-list-id", lex.span(lex.pos(), raw_value.size()), "text after the list id"});
    return out;
}

const ListUnsubscribeFields& list_unsubscribe(const analysis::Message& msg) {
    return msg.memo<ListUnsubscribeFields>(0, [&] {
        ListUnsubscribeFields out;
        out.fields = msg.fields("List-Unsubscribe");
        for (const mime::HeaderField* f : out.fields)
            out.parsed.push_back(parse_list_unsubscribe(msg.raw_value(*f), f->value.begin));
        return out;
    });
}

const ListIdFields& list_ids(const analysis::Message& msg) {
    return msg.memo<ListIdFields>(0, [&] {
        ListIdFields out;
        for (const mime::HeaderField* f : msg.fields("List-Id"))
            out.parsed.push_back(parse_list_id(msg.raw_value(*f), f->value.begin));
        return out;
    });
}

}  // namespace inboxlint::auth
