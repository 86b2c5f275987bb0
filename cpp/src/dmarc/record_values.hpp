// The value grammars of DMARC tags: DMARC URI lists (rua=, ruf=; RFC 7489
// section 6.4 dmarc-urilist), the fo= and rf= colon lists, one-letter
// keywords and decimal numbers. Internal to dmarc/record.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dmarc/record.hpp"

namespace inboxlint::dmarc::detail {

constexpr bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }

struct Piece {
    Span span;              // in the record text, WSP trimmed; an empty element's is its separator
    std::string_view text;  // the same bytes
};

// "rua=: ", the start of an issue's detail.
std::string tag_name_prefix(std::string_view tag);

// The value's elements between `sep` bytes, each without SP/TAB around it.
std::vector<Piece> split_value(std::string_view txt, Span value, char sep);

// 1*DIGIT of at most `max_digits` digits; nullopt otherwise.
std::optional<std::uint64_t> parse_decimal(std::string_view text, std::size_t max_digits) noexcept;

// Appends the valid URIs of a rua= or ruf= value to `out` and an issue for
// each invalid one (a whole list of bad URIs leaves `out` as it was).
void parse_uri_list(std::string_view txt, const auth::Tag& tag, std::vector<ReportUri>& out,
                    std::vector<Issue>& issues);

// The one-letter keywords, already lower-cased: adkim=/aspf= r|s, t= y|n,
// psd= y|n|u.
std::optional<Alignment> parse_alignment(std::string_view v);
std::optional<bool> parse_yes_no(std::string_view v);
std::optional<PsdFlag> parse_psd(std::string_view v);

// fo=: "0", "1", "d", "s" joined by ':'; lower-cased into `out`. False (and
// `out` untouched) when any element is something else.
bool parse_fo(std::string_view txt, Span value, std::vector<std::string>& out);
// rf=: report formats joined by ':'; only "afrf" is defined (RFC 7489 6.3).
bool parse_rf(std::string_view txt, Span value, std::vector<std::string>& out);

}  // namespace inboxlint::dmarc::detail
