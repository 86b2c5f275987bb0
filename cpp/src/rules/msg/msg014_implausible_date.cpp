#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <string>

#include "analysis/dates.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 24 * hour;
constexpr std::int64_t year_1990 = 631152000;  // 1990-01-01T00:00:00Z
constexpr int max_zone_minutes = 14 * 60;      // UTC+14:00 is the easternmost zone in use

std::string days(std::int64_t seconds) { return std::to_string(seconds / day) + " days"; }

// The time the date is compared with: the option, else the newest Received.
std::int64_t reference(Context& ctx) {
    const std::int64_t given = ctx.options().integer("reference_time");
    if (given > 0) return given;
    const auto& received = analysis::received_times(ctx.message());
    return received.empty() ? 0 : *std::max_element(received.begin(), received.end());
}

std::string problem(Context& ctx, const mime::DateTime& date) {
    const std::int64_t when = *date.timestamp;
    if (when < year_1990) return "is before 1990, which only a wrong clock produces";
    if (std::abs(date.zone_offset) > max_zone_minutes) return "has a time zone no place on Earth uses";
    const std::int64_t now = reference(ctx);
    if (now == 0) return {};
    const std::int64_t ahead = when - now;
    if (ahead > ctx.options().integer("max_future_hours") * hour) return "lies " + days(ahead + day - 1) + " in the future";
    if (-ahead > ctx.options().integer("max_age_days") * day) return "is " + days(-ahead) + " old";
    return {};
}

}  // namespace

void check_msg014_implausible_date(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("Date");
    if (!field) return;
    const mime::DateTime& date = analysis::date_of(msg, *field);
    if (!date.understood || !date.timestamp) return;
    const std::string what = problem(ctx, date);
    if (what.empty()) return;
    Finding& f = ctx.report("", date.span, "the Date " + what);
    f.properties.push_back({"timestamp", std::to_string(*date.timestamp)});
}

}  // namespace inboxlint::checks
