#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Gmail's Feedback Loop: "a:b:c:SenderId", up to three optional identifiers
// then the sender's own, 5 to 15 characters, in a single field.
std::string problem(std::string_view value) {
    const std::size_t colon = value.rfind(':');
    if (colon == std::string_view::npos) return "has no ':'-separated SenderId (the form is a:b:c:SenderId)";
    const std::string_view sender = value.substr(colon + 1);
    if (sender.size() < 5 || sender.size() > 15)
        return "SenderId '" + std::string(sender) + "' has " + std::to_string(sender.size()) +
               " characters; Gmail asks for 5 to 15";
    std::size_t fields = 1;
    for (char c : value) {
        if (c == ':') ++fields;
        if (core::is_ctl(c) || c == ' ' || core::is_8bit(c)) return "holds white space or a character outside printable ASCII";
    }
    if (fields > 4) return "has " + std::to_string(fields) + " fields; Gmail reads at most four (a:b:c:SenderId)";
    return "";
}

}  // namespace

void check_fbl001_feedback_id_invalid(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto fields = msg.fields("Feedback-ID");
    for (std::size_t i = 1; i < fields.size(); ++i)
        ctx.report("", fields[i]->name, "a second Feedback-ID field: Gmail reads one");
    if (fields.empty()) return;
    const mime::HeaderField& field = *fields.front();
    const std::string_view raw = msg.raw_value(field);
    const std::string_view value = core::trim(raw);
    const std::string why = problem(value);
    if (why.empty()) return;
    const std::size_t begin = field.value.begin + static_cast<std::size_t>(value.data() - raw.data());
    Finding& f = ctx.report("", {begin, begin + value.size()}, "Feedback-ID " + why);
    with(f, "value", std::string(value));
}

}  // namespace inboxlint::checks
