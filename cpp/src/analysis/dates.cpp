#include "analysis/dates.hpp"

namespace inboxlint::analysis {
namespace {

std::vector<std::int64_t> find_received_times(const Message& msg) {
    std::vector<std::int64_t> times;
    for (const mime::HeaderField* field : msg.fields("Received")) {
        const std::string_view value = msg.raw_value(*field);
        const auto semicolon = value.rfind(';');
        if (semicolon == std::string_view::npos) continue;
        const mime::DateTime date =
            mime::parse_date_time(value.substr(semicolon + 1), field->value.begin + semicolon + 1);
        if (date.understood && date.timestamp) times.push_back(*date.timestamp);
    }
    return times;
}

}  // namespace

const mime::DateTime& date_of(const Message& msg, const mime::HeaderField& field) {
    return msg.memo<mime::DateTime>(static_cast<int>(field.value.begin),
                                    [&] { return mime::parse_date_time(msg.raw_value(field), field.value.begin); });
}

const std::vector<std::int64_t>& received_times(const Message& msg) {
    return msg.memo<std::vector<std::int64_t>>(0, [&] { return find_received_times(msg); });
}

}  // namespace inboxlint::analysis
