// Dates of the header, parsed once: Date, Resent-Date and the timestamps of
// Received fields (the part after the last ';').
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/message.hpp"
#include "mime/date.hpp"

namespace inboxlint::analysis {

const mime::DateTime& date_of(const Message& msg, const mime::HeaderField& field);

// Timestamps of the top-level Received fields that carry a readable date.
const std::vector<std::int64_t>& received_times(const Message& msg);

}  // namespace inboxlint::analysis
