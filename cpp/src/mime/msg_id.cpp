#include "mime/msg_id.hpp"

#include "core/ascii.hpp"
#include "mime/lexer.hpp"

namespace inboxlint::mime {
namespace {

// dot-atom-text: atext runs joined by single dots.
bool is_dot_atom_text(std::string_view text) noexcept {
    if (text.empty() || text.front() == '.' || text.back() == '.') return false;
    char previous = '\0';
    for (char c : text) {
        if (c == '.' && previous == '.') return false;
        if (c != '.' && !is_atext(c)) return false;
        previous = c;
    }
    return true;
}

bool is_no_fold_literal(std::string_view text) noexcept {
    if (text.size() < 2 || text.front() != '[' || text.back() != ']') return false;
    for (char c : text.substr(1, text.size() - 2)) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '[' || c == ']' || c == '\\' || (u < 33 && u != 0) || u == 127) return false;
    }
    return true;
}

// A quoted-string id-left or CFWS-separated atoms (obs-id-left).
bool is_obsolete_left(std::string_view text) noexcept {
    return text.size() >= 2 && text.front() == '"' && text.back() == '"';
}

void check_parts(MsgId& id, std::string_view content, std::size_t content_begin, const Lexer& lex,
                 SyntaxIssues& issues) {
    const auto at = content.rfind('@');
    const Span whole = lex.span(content_begin, content_begin + content.size());
    if (at == std::string_view::npos) {
        issues.push_back({"missing-at", whole, "a message identifier needs the form id-left@id-right"});
        return;
    }
    const std::string_view left = content.substr(0, at);
    const std::string_view right = content.substr(at + 1);
    id.left = lex.span(content_begin, content_begin + at);
    id.right = lex.span(content_begin + at + 1, content_begin + content.size());
    id.left_text = std::string(left);
    id.right_text = std::string(right);
    id.domain_literal = !right.empty() && right.front() == '[';
    bool ok = true;
    if (left.empty()) {
        issues.push_back({"empty-id-left", id.left, "nothing before the '@'"}), ok = false;
    } else if (!is_dot_atom_text(left)) {
        if (is_obsolete_left(left)) {
            id.obsolete = true;
            issues.push_back({"obsolete-msg-id", id.left, "a quoted id-left is obsolete syntax (RFC 5322 4.5.4)"});
        } else {
            issues.push_back(
                {"invalid-id-left", id.left, "id-left must be dot-atom text (no spaces, '..', '@' or '<')"});
            ok = false;
        }
    }
    if (right.empty()) {
        issues.push_back({"empty-id-right", id.right, "nothing after the '@'"}), ok = false;
    } else if (!is_dot_atom_text(right) && !is_no_fold_literal(right)) {
        issues.push_back({"invalid-id-right", id.right, "id-right must be a domain-like dot-atom or a [literal]"});
        ok = false;
    }
    id.valid = ok;
}

// Reads one msg-id at the lexer position (after CFWS). Returns false when
// there is nothing that could be one.
bool read_msg_id(Lexer& lex, MsgId& id, SyntaxIssues& issues) {
    const std::size_t start = lex.pos();
    if (lex.peek() == '<') {
        id.angle_brackets = true;
        const auto close = lex.text().find('>', start);
        if (close == std::string_view::npos) {
            issues.push_back({"unterminated-msg-id", lex.span(start, lex.text().size()), "'<' without a closing '>'"});
            lex.set_pos(lex.text().size());
            id.span = lex.span(start, lex.text().size());
            check_parts(id, lex.text().substr(start + 1), start + 1, lex, issues);
            id.valid = false;
            return true;
        }
        std::string_view content = lex.text().substr(start + 1, close - start - 1);
        lex.set_pos(close + 1);
        id.span = lex.span(start, close + 1);
        if (content.find_first_of(" \t\r\n(") != std::string_view::npos) {
            id.obsolete = true;
            issues.push_back({"obsolete-msg-id", id.span, "white space or comments inside the angle brackets"});
        }
        check_parts(id, content, start + 1, lex, issues);
        return true;
    }
    std::size_t end = start;
    while (end < lex.text().size() && !core::is_wsp(lex.text()[end]) && lex.text()[end] != '\r' &&
           lex.text()[end] != '\n' && lex.text()[end] != '<' && lex.text()[end] != ',') {
        ++end;
    }
    if (end == start) return false;
    lex.set_pos(end);
    id.span = lex.span(start, end);
    issues.push_back({"missing-angle-brackets", id.span, "a message identifier must be enclosed in '<' and '>'"});
    check_parts(id, lex.text().substr(start, end - start), start, lex, issues);
    id.valid = false;
    return true;
}

// A word with an '@' where an id should be: an id whose brackets are
// missing, not an obsolete phrase.
bool looks_like_bare_id(const Lexer& lex) noexcept {
    const std::string_view rest = lex.text().substr(lex.pos());
    const auto end = rest.find_first_of(" \t\r\n<\"(");
    return rest.substr(0, end).find('@') != std::string_view::npos;
}

}  // namespace

MsgIdList parse_message_id(std::string_view raw_value, std::size_t base) {
    MsgIdList result;
    Lexer lex(raw_value, base);
    lex.skip_cfws();
    MsgId id;
    if (lex.at_end() || !read_msg_id(lex, id, result.issues)) {
        result.issues.push_back({"empty-msg-id", lex.span(0, raw_value.size()), "the field has no message identifier"});
        return result;
    }
    result.ids.push_back(std::move(id));
    lex.skip_cfws();
    if (!lex.at_end()) {
        result.issues.push_back(
            {"junk-after-msg-id", lex.span(lex.pos(), raw_value.size()), "text after the message identifier"});
    }
    return result;
}

MsgIdList parse_msg_id_list(std::string_view raw_value, std::size_t base) {
    MsgIdList result;
    Lexer lex(raw_value, base);
    while (true) {
        lex.skip_cfws();
        if (lex.at_end()) break;
        if (lex.peek() != '<' && looks_like_bare_id(lex)) {
            // A bare id may not start here (",x@y"): then it is obsolete
            // text below, which always moves on.
            MsgId id;
            if (read_msg_id(lex, id, result.issues)) {
                result.ids.push_back(std::move(id));
                continue;
            }
        }
        if (lex.peek() != '<') {
            // RFC 5322 4.5.4 obs-in-reply-to: phrases may stand between ids.
            const std::size_t start = lex.pos();
            const auto next = lex.text().find('<', start);
            const std::size_t end = next == std::string_view::npos ? lex.text().size() : next;
            result.issues.push_back({"obsolete-msg-id", lex.span(start, end), "text that is not a message identifier"});
            lex.set_pos(end);
            continue;
        }
        MsgId id;
        read_msg_id(lex, id, result.issues);
        result.ids.push_back(std::move(id));
    }
    if (result.ids.empty()) {
        result.issues.push_back({"empty-msg-id", lex.span(0, raw_value.size()), "the field has no message identifier"});
    }
    return result;
}

}  // namespace inboxlint::mime
