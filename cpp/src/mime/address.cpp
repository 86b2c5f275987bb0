// Address lists and groups (RFC 5322 3.4 and 4.4). The addr-spec level is in
// address_spec.cpp, the character level in address_scan.cpp.
#include "mime/address.hpp"

#include <algorithm>
#include <utility>

#include "mime/address_parser.hpp"

namespace inboxlint::mime {

std::size_t AddressList::mailbox_count() const noexcept {
    std::size_t count = 0;
    for (const Address& address : addresses) {
        count += address.kind == Address::Kind::group ? address.group.members.size() : 1;
    }
    return count;
}

std::size_t AddressList::group_count() const noexcept {
    return static_cast<std::size_t>(std::count_if(addresses.begin(), addresses.end(), [](const Address& address) {
        return address.kind == Address::Kind::group;
    }));
}

std::vector<const Mailbox*> AddressList::mailboxes() const {
    std::vector<const Mailbox*> out;
    out.reserve(mailbox_count());
    for (const Address& address : addresses) {
        if (address.kind == Address::Kind::mailbox) {
            out.push_back(&address.mailbox);
            continue;
        }
        for (const Mailbox& member : address.group.members) out.push_back(&member);
    }
    return out;
}

AddressList parse_address_list(std::string_view raw_value, std::size_t base) {
    AddressList list;
    address_detail::Parser parser(raw_value, base, /*strict_line_breaks=*/false, list.issues);
    parser.parse_list(list.addresses);
    return list;
}

AddrSpecCheck check_addr_spec(std::string_view text) {
    AddrSpecCheck result;
    address_detail::Parser parser(text, 0, /*strict_line_breaks=*/true, result.issues);
    Mailbox mailbox;
    const bool complete = parser.parse_bare_addr_spec(mailbox);
    result.obsolete = parser.has_obsolete();
    parser.flush_obsolete(nullptr);
    result.valid = complete && std::all_of(result.issues.begin(), result.issues.end(),
                                           [](const SyntaxIssue& issue) { return issue.code == "obsolete-syntax"; });
    result.local_part = std::move(mailbox.local_part);
    result.domain = std::move(mailbox.domain);
    return result;
}

namespace address_detail {

void Parser::flush_obsolete(Mailbox* mailbox) {
    if (!s_.obsolete.set) return;
    s_.issues.push_back(
        {"obsolete-syntax", s_.span(s_.obsolete.begin, s_.obsolete.end), std::string(s_.obsolete.reason)});
    if (mailbox) mailbox->obsolete = true;
    s_.obsolete = {};
}

// address-list / mailbox-list with the obsolete empty elements of 4.4. Each
// element is parsed once; after garbage the cursor moves to the next ',' so
// one bad element never hides the next.
void Parser::parse_items(std::vector<Address>* top, std::vector<Mailbox>* members) {
    const bool in_group = members != nullptr;
    bool need_element = true;  // nothing since the start or the last ','
    std::size_t last_comma = std::string_view::npos;
    bool comma_reported = false;
    while (true) {
        s_.obsolete = {};
        skip_cfws(s_);
        if (s_.lex.at_end() || (in_group && s_.at(';'))) break;
        const std::size_t before = s_.pos();
        if (s_.at(',')) {
            comma_reported = need_element;
            if (need_element) s_.issue("empty-list-element", before, before + 1, "empty list element (obsolete)");
            last_comma = before;
            need_element = true;
            s_.lex.advance();
            continue;
        }
        Address address;
        const Step step = parse_element(address, in_group);
        if (s_.pos() == before) s_.lex.advance();  // cannot happen; guarantees progress regardless
        if (step == Step::no_separator) continue;
        need_element = false;
        finish_element(in_group);
        store(step, std::move(address), top, members);
    }
    if (need_element && last_comma != std::string_view::npos && !comma_reported) {
        s_.issue("empty-list-element", last_comma, last_comma + 1, "',' with no address after it (obsolete)");
    }
}

Parser::Step Parser::parse_element(Address& address, bool in_group) {
    const std::size_t start = s_.pos();
    const std::size_t mark = s_.issues.size();  // defects in the words count against a local part
    read_words(s_, words_);
    if (s_.at('<')) return parse_name_addr(start, address.mailbox);
    if (s_.at('@')) return parse_bare_mailbox(start, mark, address.mailbox);
    if (s_.at(':')) {
        if (!in_group) return parse_group(start, address.group);
        s_.lex.advance();
        s_.issue("nested-group", start, s_.pos(), "a group cannot contain a group; its members are kept");
        return Step::no_separator;
    }
    return parse_without_at(start, address.mailbox, in_group);
}

// group = display-name ":" [group-list] ";" [CFWS]
Parser::Step Parser::parse_group(std::size_t start, Group& group) {
    const std::size_t colon = s_.pos();
    const std::size_t begin = words_.empty() ? colon : start;
    if (words_.empty()) {
        group.display_name = s_.span(colon, colon);
        s_.issue("invalid-address", colon, colon + 1, "a group needs a display name before ':'");
    } else {
        take_display_name(words_, group.display_name, group.display_name_text);
    }
    flush_obsolete(nullptr);  // an obs-phrase group name: the members get their own notes
    s_.lex.advance();
    parse_items(nullptr, &group.members);
    std::size_t end = 0;
    if (s_.lex.consume(';')) {
        end = s_.pos();
    } else {
        group.terminated = false;
        end = trim_end(s_.lex.text(), colon + 1, s_.lex.text().size());
        // A member can end in white space (inside an unterminated quoted string).
        if (!group.members.empty()) end = std::max(end, group.members.back().span.end - s_.lex.base());
        s_.issue("unterminated-group", begin, end, "the group has no closing ';'");
    }
    group.span = s_.span(begin, end);
    return Step::group;
}

// Words followed by neither '<', '@' nor ':'.
Parser::Step Parser::parse_without_at(std::size_t start, Mailbox& mailbox, bool in_group) {
    const std::string_view text = s_.lex.text();
    if (s_.lex.at_end() || s_.at(',') || (in_group && s_.at(';'))) {
        if (words_.empty() || (s_.lex.at_end() && s_.ran_off_end)) return Step::nothing;
        const std::size_t end = words_.back().end;
        if (is_dotted_words(words_)) {
            s_.issue("missing-at", start, end, "no '@' and domain: a bare name is not an address");
        } else {
            s_.issue("invalid-address", start, end, "not an address (no '@')");
        }
        return Step::nothing;
    }
    // Garbage: skip to the next ','. A '<' on the way may mean the garbage was a
    // display name with unquoted specials ("[Ext] Jo <jo@x>"): keep the mailbox
    // if one follows; otherwise the whole element is one invalid address.
    std::size_t angle = std::string_view::npos;
    std::size_t stop = find_separator(s_, s_.pos(), in_group, /*stop_at_angle=*/true, &angle);
    s_.lex.set_pos(stop);
    if (angle != std::string_view::npos) {
        const std::size_t mark = s_.issues.size();
        const ObsoleteNote note = s_.obsolete;
        if (recover_display_name(start, mailbox) == Step::mailbox) return Step::mailbox;
        discard_issues_from(mark);
        s_.obsolete = note;
        mailbox = Mailbox{};
        stop = find_separator(s_, angle, in_group, /*stop_at_angle=*/false);
        s_.lex.set_pos(stop);
    }
    s_.issue("invalid-address", start, trim_end(text, start, stop), "not an address");
    return Step::nothing;
}

// After an element: CFWS, then ',' or the end (or ';' closing a group).
void Parser::finish_element(bool in_group) {
    skip_cfws(s_);
    if (s_.lex.at_end() || s_.at(',') || (in_group && s_.at(';'))) return;
    const std::size_t from = s_.pos();
    if (s_.at(';')) {
        // Outlook-style separator: report it, then go on as if it were ','.
        s_.lex.advance();
        s_.issue("junk-after-address", from, from + 1, "';' does not separate addresses; use ','");
        return;
    }
    const bool second_at = s_.at('@');
    const std::size_t stop = find_separator(s_, from, in_group, /*stop_at_angle=*/false);
    s_.lex.set_pos(stop);
    s_.issue(second_at ? second_at_code : "junk-after-address", from, trim_end(s_.lex.text(), from, stop),
             second_at ? std::string(second_at_detail) : std::string("text after the address"));
}

void Parser::store(Step step, Address&& address, std::vector<Address>* top, std::vector<Mailbox>* members) {
    if (step == Step::mailbox) {
        flush_obsolete(&address.mailbox);
        if (members) {
            members->push_back(std::move(address.mailbox));
            return;
        }
        address.kind = Address::Kind::mailbox;
    } else if (step == Step::group && top) {
        flush_obsolete(nullptr);
        address.kind = Address::Kind::group;
    } else {
        s_.obsolete = {};  // obsolete forms inside garbage are not worth a second issue
        return;
    }
    if (top) top->push_back(std::move(address));
}

// display-name = phrase; obs-phrase allows '.' (RFC 5322 4.1). The text drops
// comments and quotes and collapses white space; encoded words stay encoded.
void Parser::take_display_name(const std::vector<Token>& words, Span& span, std::string& text) {
    const std::string_view raw = s_.lex.text();
    span = s_.span(words.front().begin, words.back().end);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Token& word = words[i];
        if (word.kind == Token::Kind::dot) s_.note_obsolete(word.begin, word.end, "'.' in a display name (obs-phrase)");
        if (i > 0 && gap_between(words[i - 1], word) && !text.empty() && text.back() != ' ') text.push_back(' ');
        append_collapsed(text, word.kind == Token::Kind::quoted ? std::string_view(word.value)
                                                                : raw.substr(word.begin, word.end - word.begin));
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace address_detail
}  // namespace inboxlint::mime
