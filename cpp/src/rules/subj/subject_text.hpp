// Shared by the SUBJ rules: the decoded Subject, reporting a range of it, code
// points with their offsets, and the reply / forward prefixes at its start.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mime/encoded_word.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks::subj {

// The first Subject field of the message header decoded (RFC 2047), or
// nullptr when there is none. Later Subject fields are MSG003's business.
const mime::DecodedHeader* decoded_subject(const analysis::Message& msg);

// Reports a range of the decoded subject. The finding's raw range is the
// message bytes it came from (exact in literal text, whole encoded words
// otherwise); location.decoded stays unset, because it means a range of a
// part's body text, and the properties "decoded_begin" / "decoded_end" give
// the UTF-8 offsets in the decoded subject instead.
Finding& report_range(Context& ctx, const mime::DecodedHeader& subject, Span text_range, std::string message);

struct CodePoint {
    char32_t value = 0;  // U+FFFD for an invalid byte (the decoded text is valid UTF-8)
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<CodePoint> code_points(std::string_view utf8);

// "U+200B ZERO WIDTH SPACE"
std::string describe(char32_t c);

enum class PrefixKind { reply, forward, list_tag };

struct SubjectPrefix {
    Span range;  // in the decoded subject: the prefix through its colon, or "[tag]"
    PrefixKind kind = PrefixKind::reply;
};

// The reply and forward prefixes ("Re:", "AW:", "回复:", "Fwd:", "TR :",
// "Re[2]:") and mailing-list tags ("[list]") at the start of a subject, in
// order, with the white space between them skipped. Matched without regard
// to case; the table is in reply_prefixes.cpp.
std::vector<SubjectPrefix> leading_prefixes(std::string_view subject);

}  // namespace inboxlint::checks::subj
