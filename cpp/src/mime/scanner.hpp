// The raw-message scanner: one linear pass over the bytes that finds every
// header field and the MIME tree (RFC 5322, RFC 2045/2046) with exact spans,
// and records every malformation instead of repairing it. It never copies the
// message; everything points into it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"
#include "mime/content_type.hpp"

namespace inboxlint::mime {

struct HeaderField {
    Span field;  // name through the end of the last folded line, without its line break
    Span name;   // the name, without white space before the colon
    Span value;  // after the colon to the end of the field, folding included
    bool folded = false;
};

enum class EntityKind { leaf, multipart, message };

struct Entity {
    int parent = -1;
    std::size_t depth = 0;
    std::string path;          // IMAP section of the header ("" for the message)
    std::string body_path;     // IMAP section of the content
    std::string child_prefix;  // prefix of the children's paths
    EntityKind kind = EntityKind::leaf;

    std::vector<HeaderField> fields;
    Span header;                 // the header block, without the separator line
    bool has_separator = false;  // a blank line ended the header
    Span body;

    ParameterizedValue content_type;  // as written (present = false when absent)
    std::string media_type;           // effective lower-case type/subtype
    bool media_type_defaulted = false;
    TransferEncoding transfer_encoding;
    std::string boundary;
    std::vector<int> children;
    Span preamble;
    Span epilogue;
    bool closed = false;  // a multipart's close delimiter was seen
};

// Something the scanner found wrong, with a stable code rules select on.
struct ScanIssue {
    std::string_view code;
    Span span;
    int entity = -1;
    std::string detail;
};

// Facts about line breaks and lengths over the whole message.
struct LineStats {
    static constexpr std::size_t max_examples = 16;
    std::size_t crlf = 0;
    std::size_t bare_lf = 0;
    std::size_t bare_cr = 0;
    std::vector<Span> bare_lf_examples;  // the line break itself
    std::vector<Span> bare_cr_examples;
    std::size_t long_lines = 0;  // over 998 octets without the break
    std::vector<Span> long_line_examples;
    // Where each line begins, the first at 0: core::LineIndex takes them
    // over (analysis::Message), so that the text is walked once for both.
    std::vector<std::size_t> starts;
};

struct ScanLimitHit {
    std::string_view limit;
    std::size_t value = 0;
    Span span;
    int entity = -1;
};

struct ScanResult {
    std::string_view text;         // the bytes scanned (after a size limit cut)
    Span mbox_from_line;           // an mbox "From " line before the header, if any
    std::vector<Entity> entities;  // document order; [0] is the message
    std::vector<ScanIssue> issues;
    std::vector<ScanLimitHit> limits_hit;
    LineStats lines;
};

ScanResult scan(std::string_view message, const Limits& limits);

// The header-field name as written and the value with folding removed.
std::string_view field_name(std::string_view text, const HeaderField& field) noexcept;
std::string_view field_raw_value(std::string_view text, const HeaderField& field) noexcept;

LineStats compute_line_stats(std::string_view text);

}  // namespace inboxlint::mime
