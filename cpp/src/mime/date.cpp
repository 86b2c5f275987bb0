#include "mime/date.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "core/ascii.hpp"

namespace inboxlint::mime {
namespace {

constexpr std::array<std::string_view, 7> day_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_day_names{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> month_names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 12> long_month_names{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};

struct NamedZone {
    std::string_view name;
    int offset;  // minutes east of UTC
};
// RFC 5322 section 4.3 obs-zone names with their meaning.
constexpr std::array<NamedZone, 10> named_zones{{{"UT", 0},
                                                 {"GMT", 0},
                                                 {"EST", -300},
                                                 {"EDT", -240},
                                                 {"CST", -360},
                                                 {"CDT", -300},
                                                 {"MST", -420},
                                                 {"MDT", -360},
                                                 {"PST", -480},
                                                 {"PDT", -420}}};

// Index of `word` in a table, matched case-insensitively (ABNF literals are
// case-insensitive, RFC 5234 section 2.3), or -1.
template <std::size_t N>
int find_name(const std::array<std::string_view, N>& names, std::string_view word) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
        if (core::iequals(names[i], word)) return static_cast<int>(i);
    }
    return -1;
}

int number(std::string_view digits) noexcept {
    if (digits.empty() || digits.size() > 9) return -1;
    int value = 0;
    for (const char c : digits) value = value * 10 + (c - '0');
    return value;
}

class Parser {
public:
    Parser(std::string_view text, std::size_t base) noexcept : text_(text), base_(base) {}
    DateTime parse();

private:
    struct Gap {
        bool any = false;
        bool comment = false;
    };

    [[nodiscard]] bool at_end() const noexcept { return pos_ >= text_.size(); }
    [[nodiscard]] char peek() const noexcept { return at_end() ? '\0' : text_[pos_]; }
    [[nodiscard]] Span span(std::size_t from, std::size_t to) const noexcept { return {base_ + from, base_ + to}; }
    Gap skip_cfws();
    std::string_view read_while(bool (*pred)(char) noexcept);
    void issue(std::string_view code, std::size_t from, std::size_t to, std::string detail);
    void obsolete(const Gap& gap, std::size_t from, std::string_view where);
    bool expect_gap(const Gap& gap, std::string_view what);

    bool parse_day_of_week();
    bool parse_date();
    bool parse_year();
    bool parse_time();
    bool parse_time_number(int& value, Span& at, std::string_view what);
    void parse_zone(const Gap& before);
    void parse_numeric_zone(const Gap& before);
    void parse_named_zone();
    void finish();

    std::string_view text_;
    std::size_t base_;
    std::size_t pos_ = 0;
    bool twelve_hour_ = false;
    DateTime d_;
};

Parser::Gap Parser::skip_cfws() {
    Gap gap;
    while (!at_end()) {
        const char c = peek();
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            gap.any = true;
            ++pos_;
        } else if (c == '(') {
            gap.any = gap.comment = true;
            const std::size_t from = pos_;
            int depth = 0;
            while (!at_end()) {
                const char k = text_[pos_++];
                if (k == '\\' && !at_end()) {
                    ++pos_;
                } else if (k == '(') {
                    ++depth;
                } else if (k == ')' && --depth == 0) {
                    break;
                }
            }
            if (depth > 0) issue("date-syntax", from, pos_, "unterminated comment");
        } else {
            break;
        }
    }
    return gap;
}

std::string_view Parser::read_while(bool (*pred)(char) noexcept) {
    const std::size_t from = pos_;
    while (!at_end() && pred(peek())) ++pos_;
    return text_.substr(from, pos_ - from);
}

void Parser::issue(std::string_view code, std::size_t from, std::size_t to, std::string detail) {
    d_.issues.push_back({code, span(from, to), std::move(detail)});
    if (code == "obsolete-date-syntax") d_.obsolete = true;
}

void Parser::obsolete(const Gap& gap, std::size_t from, std::string_view where) {
    if (!gap.any) return;
    issue("obsolete-date-syntax", from, pos_,
          std::string(gap.comment ? "comment" : "white space") + " " + std::string(where) + " (RFC 5322 section 4.3)");
}

// RFC 5322 requires white space between day, month, year and time.
bool Parser::expect_gap(const Gap& gap, std::string_view what) {
    if (gap.any) return true;
    if (at_end()) {
        issue("date-syntax", pos_, pos_, "the date ends before the " + std::string(what));
        return false;
    }
    issue("date-syntax", pos_, pos_ + 1, "white space must come before the " + std::string(what));
    return true;
}

bool Parser::parse_day_of_week() {
    const std::size_t from = pos_;
    const std::string_view word = read_while(core::is_alpha);
    d_.day_of_week_span = span(from, pos_);
    d_.day_of_week = find_name(day_names, word);
    if (d_.day_of_week < 0) {
        d_.day_of_week = find_name(long_day_names, word);
        if (d_.day_of_week >= 0) {
            issue("date-syntax", from, pos_, "the day of the week must be abbreviated to three letters");
        } else {
            issue("invalid-day-of-week", from, pos_, "\"" + std::string(word) + "\" is not a day of the week");
        }
    }
    const std::size_t gap_from = pos_;
    const Gap gap = skip_cfws();
    if (peek() == ',') {
        obsolete(gap, gap_from, "before ','");
        ++pos_;
        return true;
    }
    if (core::is_digit(peek()) && d_.day_of_week >= 0) {
        issue("date-syntax", from, gap_from, "',' must follow the day of the week");
        return true;
    }
    issue("date-syntax", pos_, std::min(pos_ + 1, text_.size()),
          "expected ',' after the day of the week and then the day of the month (as in \"Thu, 5 Mar 2026\")");
    return false;
}

bool Parser::parse_date() {
    std::size_t gap_from = pos_;
    const Gap lead = skip_cfws();
    if (lead.comment) obsolete(lead, gap_from, "before the day");
    if (!core::is_digit(peek())) {
        issue("date-syntax", pos_, std::min(pos_ + 1, text_.size()), "expected the day of the month");
        return false;
    }
    std::size_t from = pos_;
    const std::string_view day = read_while(core::is_digit);
    d_.day_span = span(from, pos_);
    d_.day = number(day);
    if (day.size() > 2) issue("date-syntax", from, pos_, "the day has more than two digits");
    gap_from = pos_;
    const Gap month_gap = skip_cfws();
    if (month_gap.comment) obsolete(month_gap, gap_from, "before the month");
    if (!expect_gap(month_gap, "month")) return false;
    from = pos_;
    const std::string_view month = read_while(core::is_alpha);
    d_.month_span = span(from, pos_);
    d_.month = find_name(month_names, month) + 1;
    if (d_.month == 0) {
        d_.month = find_name(long_month_names, month) + 1;
        if (d_.month > 0) {
            issue("date-syntax", from, pos_, "the month must be abbreviated to three letters");
        } else {
            issue("invalid-month", from, std::max(pos_, std::min(from + 1, text_.size())),
                  month.empty() ? "expected the month" : "\"" + std::string(month) + "\" is not a month");
            return false;
        }
    }
    const std::size_t year_gap = pos_;
    const Gap gap = skip_cfws();
    if (gap.comment) obsolete(gap, year_gap, "before the year");
    return expect_gap(gap, "year") && parse_year();
}

bool Parser::parse_year() {
    const std::size_t from = pos_;
    const std::string_view year = read_while(core::is_digit);
    d_.year_span = span(from, pos_);
    if (year.empty()) {
        issue("date-syntax", from, std::min(from + 1, text_.size()), "expected the year");
        return false;
    }
    d_.year = year.size() > 4 ? 10000 : number(year);
    if (year.size() == 1) {
        issue("date-syntax", from, pos_, "the year must have four digits");
        d_.year = 0;
    } else if (year.size() < 4) {
        issue("obsolete-date-syntax", from, pos_,
              std::to_string(year.size()) + "-digit year (RFC 5322 section 4.3); write four digits");
        d_.year += year.size() == 2 && d_.year < 50 ? 2000 : 1900;
    }
    const std::size_t gap_from = pos_;
    const Gap gap = skip_cfws();
    if (gap.comment) obsolete(gap, gap_from, "after the year");
    return expect_gap(gap, "time");
}

bool Parser::parse_time_number(int& value, Span& at, std::string_view what) {
    const std::size_t from = pos_;
    const std::string_view digits = read_while(core::is_digit);
    at = span(from, pos_);
    if (digits.empty()) {
        issue("date-syntax", from, std::min(from + 1, text_.size()), "expected the " + std::string(what));
        return false;
    }
    if (digits.size() != 2) issue("date-syntax", from, pos_, "the " + std::string(what) + " must have two digits");
    value = number(digits);
    if (value < 0) value = 100;
    return true;
}

bool Parser::parse_time() {
    Span at;
    const std::size_t from = pos_;
    if (!parse_time_number(d_.hour, at, "hour")) return false;
    std::size_t gap_from = pos_;
    obsolete(skip_cfws(), gap_from, "inside the time");
    if (peek() != ':') {
        issue("date-syntax", pos_, std::min(pos_ + 1, text_.size()), "expected ':' after the hour");
        return false;
    }
    ++pos_;
    gap_from = pos_;
    obsolete(skip_cfws(), gap_from, "inside the time");
    if (!parse_time_number(d_.minute, at, "minute")) return false;
    d_.time_span = span(from, pos_);
    gap_from = pos_;
    Gap gap = skip_cfws();
    if (peek() == ':') {
        obsolete(gap, gap_from, "inside the time");
        ++pos_;
        gap_from = pos_;
        obsolete(skip_cfws(), gap_from, "inside the time");
        if (!parse_time_number(d_.second, at, "second")) return false;
        d_.has_seconds = true;
        d_.time_span = span(from, pos_);
        gap = skip_cfws();
    }
    parse_zone(gap);
    return true;
}

void Parser::parse_zone(const Gap& before) {
    if (at_end()) {
        d_.zone_span = span(pos_, pos_);
        d_.zone_unknown = true;
        issue("missing-zone", pos_, pos_, "the time zone is missing (RFC 5322 section 3.3: +hhmm or -hhmm)");
        return;
    }
    if (peek() == '+' || peek() == '-') {
        parse_numeric_zone(before);
    } else if (core::is_alpha(peek())) {
        parse_named_zone();
    } else {
        d_.zone_unknown = true;
        d_.zone_span = span(pos_, pos_);
        issue("missing-zone", pos_, std::min(pos_ + 1, text_.size()), "expected the time zone (+hhmm or -hhmm)");
    }
}

void Parser::parse_numeric_zone(const Gap& before) {
    const std::size_t from = pos_;
    const int sign = peek() == '-' ? -1 : 1;
    ++pos_;
    const std::string_view hours = read_while(core::is_digit);
    std::string_view minutes;
    if (hours.size() == 2 && peek() == ':') {  // "+05:30": clear enough, but not RFC 5322
        ++pos_;
        minutes = read_while(core::is_digit);
    }
    d_.zone_span = span(from, pos_);
    if (!before.any) issue("date-syntax", from, pos_, "white space must come before the zone");
    if (before.comment) issue("obsolete-date-syntax", from, pos_, "comment before the zone (RFC 5322 section 4.3)");
    int hh = -1;
    int mm = -1;
    if (hours.size() == 4) {
        hh = number(hours.substr(0, 2));
        mm = number(hours.substr(2));
    } else if (minutes.size() == 2) {
        hh = number(hours);
        mm = number(minutes);
        issue("invalid-zone", from, pos_, "the zone must be written +hhmm without ':'");
    } else {
        d_.zone_unknown = true;
        issue("invalid-zone", from, pos_, "the zone must be '+' or '-' and four digits (+hhmm)");
        return;
    }
    if (mm > 59) issue("invalid-zone", from, pos_, "zone minutes over 59");
    d_.zone_offset = sign * (hh * 60 + mm);
    d_.zone_unknown = sign < 0 && hh == 0 && mm == 0;  // "-0000": local time unknown (RFC 5322 3.3)
}

void Parser::parse_named_zone() {
    const std::size_t from = pos_;
    const std::string_view name = read_while(core::is_alpha);
    d_.zone_span = span(from, pos_);
    if ((core::iequals(name, "AM") || core::iequals(name, "PM")) && d_.hour >= 1 && d_.hour <= 12 && !twelve_hour_) {
        // "8:00:34 PM": a 12-hour clock, which RFC 5322 does not have; read it
        // as meant, then look for the zone after it.
        twelve_hour_ = true;
        d_.hour = d_.hour % 12 + (core::iequals(name, "PM") ? 12 : 0);
        issue("date-syntax", from, pos_, "the time must use the 24-hour clock, without AM or PM");
        parse_zone(skip_cfws());
        return;
    }
    for (const NamedZone& z : named_zones) {
        if (core::iequals(z.name, name)) {
            d_.zone_offset = z.offset;
            issue("obsolete-date-syntax", from, pos_,
                  "alphabetic zone \"" + std::string(name) + "\" (RFC 5322 section 4.3); write " +
                      (z.offset < 0 ? "-" : "+") + (std::abs(z.offset) < 600 ? "0" : "") +
                      std::to_string(std::abs(z.offset) / 60) + "00");
            return;
        }
    }
    d_.zone_unknown = true;
    if (name.size() == 1 && !core::iequals(name, "J")) {
        issue("obsolete-date-syntax", from, pos_,
              "military zone \"" + std::string(name) + "\" means an unknown local time (RFC 5322 section 4.3)");
        return;
    }
    issue("invalid-zone", from, pos_,
          "\"" + std::string(name) + "\" is not an RFC 5322 zone; write +hhmm or -hhmm (its meaning is unknown)");
}

// Values out of range, the day of the week, and the timestamp.
void Parser::finish() {
    const std::size_t rel = d_.day_span.begin - base_;
    if (d_.year != 0 && (d_.year < 1900 || d_.year > 9999)) {
        issue("invalid-year", d_.year_span.begin - base_, d_.year_span.end - base_,
              "the year must be 1900 or later (RFC 5322 section 3.3)");
    }
    const int last_day = days_in_month(d_.year, d_.month);
    if (d_.day < 1 || d_.day > last_day) {
        issue("invalid-day", rel, d_.day_span.end - base_,
              "day " + std::to_string(d_.day) + " does not exist in " + std::string(month_names[d_.month - 1]) + " " +
                  std::to_string(d_.year));
    }
    const bool time_ok = d_.hour <= 23 && d_.minute <= 59 && d_.second <= 60;
    if (!time_ok) {
        issue("invalid-time", d_.time_span.begin - base_, d_.time_span.end - base_,
              "the time must be 00:00:00 through 23:59:60 (RFC 5322 section 3.3)");
    }
    const bool date_ok = d_.day >= 1 && d_.day <= last_day && d_.year >= 1900 && d_.year <= 9999;
    if (!date_ok || !time_ok) return;
    const std::int64_t days = days_from_civil(d_.year, d_.month, d_.day);
    const int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    if (d_.day_of_week >= 0 && d_.day_of_week != weekday) {
        issue("day-of-week-mismatch", d_.day_of_week_span.begin - base_, d_.day_of_week_span.end - base_,
              std::string(day_names[d_.day_of_week]) + " is wrong: " + std::to_string(d_.day) + " " +
                  std::string(month_names[d_.month - 1]) + " " + std::to_string(d_.year) + " is a " +
                  std::string(long_day_names[weekday]));
    }
    d_.understood = true;
    const std::int64_t seconds = std::int64_t{d_.hour} * 3600 + std::int64_t{d_.minute} * 60 + d_.second;
    d_.timestamp = days * 86400 + seconds - std::int64_t{d_.zone_offset} * 60;
}

DateTime Parser::parse() {
    const std::size_t gap_from = pos_;
    const Gap lead = skip_cfws();
    if (lead.comment) obsolete(lead, gap_from, "before the date");
    const std::size_t start = pos_;
    d_.day_of_week_span = d_.day_span = d_.month_span = d_.year_span = d_.time_span = d_.zone_span = span(start, start);
    bool ok = !at_end();
    if (!ok) issue("date-syntax", start, start, "the date is empty");
    if (ok && core::is_alpha(peek())) ok = parse_day_of_week();
    ok = ok && parse_date() && parse_time();
    d_.span = span(start, std::max(start, d_.zone_span.end - base_));
    if (ok) {
        skip_cfws();
        if (!at_end()) {
            std::size_t end = text_.size();
            while (end > pos_ && (text_[end - 1] == ' ' || text_[end - 1] == '\t' || text_[end - 1] == '\r' ||
                                  text_[end - 1] == '\n'))
                --end;
            issue("trailing-text", pos_, end, "text after the zone; only a comment may follow it");
        }
        if (d_.month >= 1) finish();
    }
    if (!ok) d_.understood = false;
    d_.valid = d_.understood;
    for (const SyntaxIssue& i : d_.issues) {
        if (i.code != "obsolete-date-syntax") d_.valid = false;
    }
    return d_;
}

}  // namespace

int days_in_month(int year, int month) noexcept {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[static_cast<std::size_t>(month - 1)];
}

// Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(int year, int month, int day) noexcept {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DateTime parse_date_time(std::string_view raw_value, std::size_t base) { return Parser(raw_value, base).parse(); }

}  // namespace inboxlint::mime
