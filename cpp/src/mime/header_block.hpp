// Splits one header block (a message's or a MIME part's) into fields.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "core/lines.hpp"
#include "mime/scanner.hpp"

namespace inboxlint::mime {

struct HeaderBlock {
    std::vector<HeaderField> fields;
    Span span;                   // the fields and any malformed lines
    bool has_separator = false;  // ended by a blank line
    std::size_t body_begin = 0;  // first byte after the header (and separator)
    bool field_limit_hit = false;
};

// A line that ends the header without being part of it (a MIME boundary).
using StopLine = std::function<bool(const core::Line&)>;

// Parses fields from `begin` until a blank line, the end of `text`, a line
// `stop` accepts, or a line that cannot belong to a header. Issues are
// appended with entity = `entity`.
HeaderBlock parse_header_block(std::string_view text, std::size_t begin, const StopLine& stop, std::size_t max_fields,
                               int entity, std::vector<ScanIssue>& issues);

}  // namespace inboxlint::mime
