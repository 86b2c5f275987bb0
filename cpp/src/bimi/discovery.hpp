// Finding the BIMI assertion record (the draft's section 4.4): TXT at
// <selector>._bimi.<From domain>, else at <selector>._bimi.<organisational
// domain>. A name the caller's records do not cover is kept apart from one
// that does not exist.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bimi/record.hpp"
#include "dns/source.hpp"

namespace inboxlint::bimi {

enum class Status { found, no_record, multiple_records, lookup_failed, not_supplied };

struct Discovery {
    Status status = Status::no_record;
    std::string record_name;  // with `found`
    std::string record_text;
    std::optional<Record> record;
    std::vector<std::string> not_supplied;  // names asked that the records do not cover
};

Discovery discover(const dns::Source& dns, std::string_view selector, std::string_view from_domain);

}  // namespace inboxlint::bimi
