// Internal to address*.cpp: the RFC 5322 3.4 address grammar over the
// validating lexical layer. One forward pass, no backtracking beyond a single
// bounded step (an "@domain" that turns out not to be a route), so parsing is
// linear in the input. Lists and groups live in address.cpp; addr-specs,
// angle-addrs and routes in address_spec.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mime/address.hpp"
#include "mime/address_scan.hpp"

namespace inboxlint::mime::address_detail {

class Parser {
public:
    Parser(std::string_view text, std::size_t base, bool strict_line_breaks, SyntaxIssues& issues) noexcept
        : s_(text, base, strict_line_breaks, issues) {}

    // address-list, obsolete forms and recovery included.
    void parse_list(std::vector<Address>& out) { parse_items(&out, nullptr); }
    // A bare addr-spec filling the whole text (check_addr_spec). False when the
    // structure is broken; defects of the parts are in the issues.
    bool parse_bare_addr_spec(Mailbox& mailbox);
    [[nodiscard]] bool has_obsolete() const noexcept { return s_.obsolete.set; }
    // Turns the pending obsolete note into an "obsolete-syntax" issue and marks
    // the mailbox, if any.
    void flush_obsolete(Mailbox* mailbox);

private:
    // What one list element turned out to be. no_separator: a nested group's
    // "name:", which the members follow without a ','.
    enum class Step { mailbox, group, nothing, no_separator };
    enum class Route { none, route, bad };

    // address.cpp
    void parse_items(std::vector<Address>* top, std::vector<Mailbox>* members);
    Step parse_element(Address& address, bool in_group);
    Step parse_group(std::size_t start, Group& group);
    Step parse_without_at(std::size_t start, Mailbox& mailbox, bool in_group);
    void finish_element(bool in_group);
    void store(Step step, Address&& address, std::vector<Address>* top, std::vector<Mailbox>* members);
    void take_display_name(const std::vector<Token>& words, Span& span, std::string& text);

    // address_spec.cpp
    Step parse_name_addr(std::size_t start, Mailbox& mailbox);
    Step parse_bare_mailbox(std::size_t start, std::size_t mark, Mailbox& mailbox);
    Step recover_display_name(std::size_t start, Mailbox& mailbox);
    Step finish_name_addr(std::size_t begin, Mailbox& mailbox);
    bool parse_angle_addr(Mailbox& mailbox, std::size_t& end);
    bool angle_without_at(std::size_t lt);
    std::size_t close_angle(std::size_t lt, std::size_t addr_end);
    Route parse_route(std::size_t lt, Mailbox& mailbox);
    void take_local_part(const std::vector<Token>& words, std::size_t at, Mailbox& mailbox);
    void parse_domain(Mailbox& mailbox);
    void parse_domain_literal(Mailbox& mailbox);
    bool check_dotted(const std::vector<Token>& words, std::string_view code, std::string_view what);
    void check_labels(const std::vector<Token>& words);
    void discard_issues_from(std::size_t mark);

    Scan s_;
    std::vector<Token> words_;   // what an element starts with: display name or local part
    std::vector<Token> inner_;   // the local part inside '<...>'
    std::vector<Token> domain_;  // the atoms and dots of a domain
};

}  // namespace inboxlint::mime::address_detail
