// The mailbox level of the address grammar: name-addr, angle-addr with the
// obsolete route, addr-spec, local part and domain (RFC 5322 3.4, 3.4.1, 4.4).
#include <string>
#include <utility>

#include "mime/address_parser.hpp"

namespace inboxlint::mime::address_detail {
namespace {

void append_token(std::string& out, std::string_view text, const Token& token) {
    if (token.kind == Token::Kind::quoted) {
        out += token.value;
    } else {
        out.append(text.substr(token.begin, token.end - token.begin));
    }
}

}  // namespace

void Parser::discard_issues_from(std::size_t mark) {
    if (mark >= s_.issues.size()) return;
    s_.issues.erase(s_.issues.begin() + static_cast<std::ptrdiff_t>(mark), s_.issues.end());
}

// At '<' after a (possibly empty) phrase in words_.
Parser::Step Parser::parse_name_addr(std::size_t start, Mailbox& mailbox) {
    if (words_.empty()) return finish_name_addr(s_.pos(), mailbox);
    take_display_name(words_, mailbox.display_name, mailbox.display_name_text);
    return finish_name_addr(start, mailbox);
}

// At '<' after text that is no phrase: keep it, raw, as the display name.
Parser::Step Parser::recover_display_name(std::size_t start, Mailbox& mailbox) {
    const std::string_view text = s_.lex.text();
    const std::size_t end = trim_end(text, start, s_.pos());
    s_.issue("invalid-display-name", start, end, "the display name has special characters that must be quoted");
    mailbox.display_name = s_.span(start, end);
    append_collapsed(mailbox.display_name_text, text.substr(start, end - start));
    while (!mailbox.display_name_text.empty() && mailbox.display_name_text.back() == ' ') {
        mailbox.display_name_text.pop_back();
    }
    return finish_name_addr(start, mailbox);
}

Parser::Step Parser::finish_name_addr(std::size_t begin, Mailbox& mailbox) {
    mailbox.angle_addr = true;
    std::size_t end = 0;
    if (!parse_angle_addr(mailbox, end)) return Step::nothing;
    mailbox.span = s_.span(begin, end);
    if (mailbox.display_name.empty()) mailbox.display_name = {mailbox.span.begin, mailbox.span.begin};
    return Step::mailbox;
}

// At '@' after the words of a local part, outside angle brackets.
Parser::Step Parser::parse_bare_mailbox(std::size_t start, std::size_t mark, Mailbox& mailbox) {
    const ObsoleteNote note = s_.obsolete;
    const std::size_t at = s_.pos();
    take_local_part(words_, at, mailbox);
    s_.lex.advance();
    parse_domain(mailbox);
    if (s_.at('<')) {
        // "jo@home <jo@x>": what looked like an addr-spec was an unquoted display name.
        discard_issues_from(mark);
        s_.obsolete = note;
        mailbox = Mailbox{};
        return recover_display_name(start, mailbox);
    }
    mailbox.addr_spec = {mailbox.local_part_span.begin, mailbox.domain_span.end};
    mailbox.span = mailbox.addr_spec;
    mailbox.display_name = {mailbox.span.begin, mailbox.span.begin};
    mailbox.valid = s_.issues.size() == mark;
    return Step::mailbox;
}

// angle-addr = [CFWS] "<" addr-spec ">" [CFWS] / obs-angle-addr. `end` gets
// the end of the mailbox: after '>', or after the addr-spec when '>' is missing.
bool Parser::parse_angle_addr(Mailbox& mailbox, std::size_t& end) {
    const std::size_t lt = s_.pos();
    const std::size_t mark = s_.issues.size();
    s_.lex.advance();
    skip_cfws(s_);
    if ((s_.at('@') || s_.at(',')) && parse_route(lt, mailbox) == Route::bad) return false;
    if (s_.at('>')) {
        s_.lex.advance();
        s_.issue("invalid-address", lt, s_.pos(), "empty '<>' (only a null return path may be empty)");
        return false;
    }
    read_words(s_, inner_);
    if (!s_.at('@')) return angle_without_at(lt);
    const std::size_t at = s_.pos();
    take_local_part(inner_, at, mailbox);
    s_.lex.advance();
    parse_domain(mailbox);
    mailbox.addr_spec = {mailbox.local_part_span.begin, mailbox.domain_span.end};
    end = close_angle(lt, mailbox.addr_spec.end - s_.lex.base());
    mailbox.valid = s_.issues.size() == mark;
    return true;
}

// Inside '<...>' with no '@' after the words.
bool Parser::angle_without_at(std::size_t lt) {
    const std::string_view text = s_.lex.text();
    if (s_.lex.at_end() && s_.ran_off_end) return false;
    if (s_.at('>') || s_.lex.at_end() || s_.at(',') || s_.at(';')) {
        if (is_dotted_words(inner_)) {
            s_.issue("missing-at", inner_.front().begin, inner_.back().end, "no '@' and domain inside '<...>'");
        } else {
            s_.issue("invalid-address", lt, trim_end(text, lt, s_.pos()), "no address inside '<...>'");
        }
        if (!s_.lex.consume('>')) s_.issue("unterminated-angle-addr", lt, lt + 1, "'<' without a matching '>'");
        return false;
    }
    const std::size_t stop = skip_past_angle(s_, s_.pos());
    s_.lex.set_pos(stop);
    s_.issue("invalid-address", lt, trim_end(text, lt, stop), "no address inside '<...>'");
    return false;
}

// After the addr-spec inside '<...>': the '>' or what stands in its place.
// Returns the end of the mailbox.
std::size_t Parser::close_angle(std::size_t lt, std::size_t addr_end) {
    if (s_.lex.consume('>')) return s_.pos();
    if (s_.lex.at_end() || s_.at(',') || s_.at(';')) {
        s_.issue("unterminated-angle-addr", lt, addr_end, "'<' without a matching '>'");
        return addr_end;
    }
    const std::size_t from = s_.pos();
    const bool second_at = s_.at('@');
    bool closed = false;
    const std::size_t stop = skip_past_angle(s_, from, &closed);
    s_.lex.set_pos(stop);
    s_.issue(second_at ? second_at_code : "junk-after-address", from,
             trim_end(s_.lex.text(), from, closed ? stop - 1 : stop),
             second_at ? std::string(second_at_detail) : std::string("text after the address inside '<...>'"));
    if (closed) return stop;
    s_.issue("unterminated-angle-addr", lt, addr_end, "'<' without a matching '>'");
    return addr_end;
}

// obs-route = obs-domain-list ":"; obs-domain-list = *(CFWS / ",") "@" domain
// *("," [CFWS] ["@" domain]). A lone "@domain" followed by no ':' is not a
// route but an addr-spec with an empty local part: step back (once, over one
// domain) and let the caller report that.
Parser::Route Parser::parse_route(std::size_t lt, Mailbox& mailbox) {
    const std::size_t start = s_.pos();
    const std::size_t mark = s_.issues.size();
    const ObsoleteNote note = s_.obsolete;
    std::size_t domains = 0;
    bool comma = false;
    while (true) {
        skip_cfws(s_);
        if (s_.lex.consume(',')) {
            comma = true;
            continue;
        }
        if (!s_.lex.consume('@')) break;
        Mailbox hop;
        parse_domain(hop);
        ++domains;
    }
    if (domains > 0 && s_.lex.consume(':')) {
        mailbox.has_route = true;
        s_.note_obsolete(start, s_.pos(), "source route before the address (obs-route)");
        return Route::route;
    }
    if (domains == 1 && !comma) {
        discard_issues_from(mark);
        s_.obsolete = note;
        s_.lex.set_pos(start);
        return Route::none;
    }
    const std::size_t stop = skip_past_angle(s_, s_.pos());
    s_.lex.set_pos(stop);
    s_.issue("invalid-address", lt, trim_end(s_.lex.text(), lt, stop), "malformed source route (obs-route)");
    return Route::bad;
}

// Reports the first place where the tokens break word *("." word).
bool Parser::check_dotted(const std::vector<Token>& words, std::string_view code, std::string_view what) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Token& word = words[i];
        const bool dot = word.kind == Token::Kind::dot;
        const bool after_dot = i > 0 && words[i - 1].kind == Token::Kind::dot;
        if (dot && (i == 0 || i + 1 == words.size() || after_dot)) {
            const char* where = i == 0      ? "'.' at the start of the "
                                : after_dot ? "two '.' in a row in the "
                                            : "'.' at the end of the ";
            s_.issue(code, word.begin, word.end, std::string(where) + std::string(what));
            return false;
        }
        if (!dot && i > 0 && !after_dot) {
            s_.issue(code, words[i - 1].begin, word.end,
                     "two words with no '.' between them in the " + std::string(what));
            return false;
        }
    }
    return true;
}

// local-part = dot-atom / quoted-string / obs-local-part (word *("." word)).
void Parser::take_local_part(const std::vector<Token>& words, std::size_t at, Mailbox& mailbox) {
    if (words.empty()) {
        s_.issue("empty-local-part", at, at + 1, "nothing before '@'");
        mailbox.local_part_span = s_.span(at, at);
        return;
    }
    mailbox.local_part_span = s_.span(words.front().begin, words.back().end);
    check_dotted(words, "invalid-local-part", "local part");
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Token& word = words[i];
        if (i > 0 && gap_between(words[i - 1], word)) {
            s_.note_obsolete(words[i - 1].end, word.begin, "CFWS inside the local part (obs-local-part)");
        }
        if (word.kind == Token::Kind::quoted && words.size() > 1) {
            s_.note_obsolete(word.begin, word.end, "quoted string as one part of a dotted local part (obs-local-part)");
        }
        append_token(mailbox.local_part, s_.lex.text(), word);
    }
    // RFC 5322 3.4.1: "Comments and folding white space SHOULD NOT be used around the '@'".
    if (words.back().end < at) s_.note_obsolete(words.back().end, at, "CFWS before '@' (RFC 5322 3.4.1)");
}

// After '@': domain = dot-atom / domain-literal / obs-domain.
void Parser::parse_domain(Mailbox& mailbox) {
    const std::size_t at = s_.pos() - 1;
    const Cfws before = skip_cfws(s_);
    if (before.any()) s_.note_obsolete(before.begin, before.end, "CFWS after '@' (RFC 5322 3.4.1)");
    if (s_.at('[')) {
        parse_domain_literal(mailbox);
        return;
    }
    read_words(s_, domain_, /*dotted=*/true);
    if (domain_.empty()) {
        s_.issue("empty-domain", at, at + 1, "nothing after '@'");
        mailbox.domain_span = s_.span(at + 1, at + 1);
        return;
    }
    mailbox.domain_span = s_.span(domain_.front().begin, domain_.back().end);
    bool ok = check_dotted(domain_, "invalid-domain", "domain");
    for (std::size_t i = 0; i < domain_.size(); ++i) {
        const Token& word = domain_[i];
        if (i > 0 && gap_between(domain_[i - 1], word)) {
            s_.note_obsolete(domain_[i - 1].end, word.begin, "CFWS inside the domain (obs-domain)");
        }
        if (ok && word.kind == Token::Kind::quoted) {
            s_.issue("invalid-domain", word.begin, word.end, "a domain cannot contain a quoted string");
            ok = false;
        }
        mailbox.domain.append(s_.lex.text().substr(word.begin, word.end - word.begin));
    }
    if (ok) check_labels(domain_);
}

// RFC 5322 3.4.1 leaves domain syntax to the protocols that use it; a label
// that starts or ends with '-' is no host name anywhere (RFC 1035 2.3.1,
// RFC 5321 4.1.2 Ldh-str), and the isemail suite treats it as an error.
void Parser::check_labels(const std::vector<Token>& words) {
    const std::string_view text = s_.lex.text();
    for (const Token& word : words) {
        if (word.kind != Token::Kind::atom) continue;
        const std::string_view label = text.substr(word.begin, word.end - word.begin);
        if (label.front() == '-' || label.back() == '-') {
            s_.issue("invalid-domain", word.begin, word.end,
                     label.front() == '-' ? "a domain label starts with '-'" : "a domain label ends with '-'");
            return;
        }
    }
}

void Parser::parse_domain_literal(Mailbox& mailbox) {
    const std::size_t begin = s_.pos();
    const bool closed = read_domain_literal(s_, mailbox.domain);
    mailbox.domain_literal = true;
    mailbox.domain_span = s_.span(begin, s_.pos());
    if (closed && ipv6_elides_one_group(std::string_view(mailbox.domain).substr(1, mailbox.domain.size() - 2))) {
        s_.note_obsolete(begin, s_.pos(), "IPv6 literal with '::' for a single zero group (RFC 5952 4.2.2)");
    }
    skip_cfws(s_);
}

bool Parser::parse_bare_addr_spec(Mailbox& mailbox) {
    s_.obsolete = {};
    skip_cfws(s_);
    const std::size_t start = s_.pos();
    read_words(s_, words_);
    if (!s_.at('@')) {
        if (s_.lex.at_end() && s_.ran_off_end) return false;
        if (!s_.lex.at_end()) {
            s_.issue("invalid-address", s_.pos(), s_.pos() + 1, "unexpected character");
        } else if (words_.empty()) {
            s_.issue("invalid-address", start, start, "no address");
        } else {
            s_.issue("missing-at", start, words_.back().end, "no '@' and domain");
        }
        return false;
    }
    const std::size_t at = s_.pos();
    take_local_part(words_, at, mailbox);
    s_.lex.advance();
    parse_domain(mailbox);
    mailbox.addr_spec = {mailbox.local_part_span.begin, mailbox.domain_span.end};
    if (s_.lex.at_end()) return true;
    const bool second_at = s_.at('@');
    s_.issue(second_at ? second_at_code : "junk-after-address", s_.pos(), s_.lex.text().size(),
             second_at ? std::string(second_at_detail) : std::string("text after the address"));
    return false;
}

}  // namespace inboxlint::mime::address_detail
