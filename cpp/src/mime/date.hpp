// RFC 5322 section 3.3 date-time ("Thu, 05 Mar 2026 08:00:00 +0000") with the
// obsolete forms of section 4.3 (two- and three-digit years, alphabetic and
// military zones, comments and white space inside), spans for every
// component, and a normalised UTC timestamp.
//
// The parser reads the way mail clients do: it goes on after a defect where
// the meaning is still clear ("9:05" for "09:05", "-0400 EDT", a missing
// comma), so `understood` (every component found and in range: the timestamp
// is set) and `valid` (the value conforms to RFC 5322, obsolete syntax
// allowed) are separate facts. Rules pick the issues they report by code:
//
//   "date-syntax"           not in the grammar (detail says what); an error
//   "trailing-text"         text after the zone that is not a comment ("+0000 GMT")
//   "obsolete-date-syntax"  legal but obsolete (RFC 5322 section 4.3): two- or
//                           three-digit year, alphabetic or military zone,
//                           comments or white space inside the date, CFWS
//                           before the comma; one issue per construct
//   "invalid-day-of-week"   not one of Mon..Sun
//   "day-of-week-mismatch"  the day of the week is not that of the date
//   "invalid-day"           0, or past the end of the month (Feb 30)
//   "invalid-month"         not one of Jan..Dec
//   "invalid-year"          before 1900 (RFC 5322 section 3.3) or after 9999
//   "invalid-time"          hour over 23, minute over 59, second over 60
//   "invalid-zone"          zone minutes over 59, a numeric zone not +hhmm,
//                           or an alphabetic zone outside RFC 5322 section 4.3
//   "missing-zone"          no zone at all
//
// An empty or white-space value gives one "date-syntax" issue. Every issue
// span is absolute (base + index) and points at the offending bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "inboxlint/report.hpp"
#include "mime/syntax_issue.hpp"

namespace inboxlint::mime {

struct DateTime {
    bool understood = false;                // every component found and in range; timestamp is set
    bool valid = false;                     // no issue other than "obsolete-date-syntax"
    bool obsolete = false;                  // some "obsolete-date-syntax" issue
    std::optional<std::int64_t> timestamp;  // seconds since 1970-01-01T00:00:00Z (leap second 60 counts
                                            // as the next second); zone_unknown dates are read as UTC

    int day_of_week = -1;  // as written: 0 = Monday ... 6 = Sunday; -1 when absent or unknown
    int day = 0;           // 1..31
    int month = 0;         // 1..12
    int year = 0;          // four-digit year (obsolete two-digit years mapped per RFC 5322 4.3)
    int hour = 0;
    int minute = 0;
    int second = 0;  // 0 when absent
    bool has_seconds = false;
    int zone_offset = 0;        // minutes east of UTC ("-0430" is -270)
    bool zone_unknown = false;  // "-0000", a military or unknown alphabetic zone, or none
                                // (RFC 5322 sections 3.3 and 4.3: the local time is not known)

    // Components as written (absolute); empty at the parse position when absent.
    Span span;  // first through last component, without leading or trailing CFWS
    Span day_of_week_span;
    Span day_span;
    Span month_span;
    Span year_span;
    Span time_span;  // hour through second
    Span zone_span;

    SyntaxIssues issues;
};

// Parses a Date (or Resent-Date) field value as written, folding included;
// `base` is its offset in the message.
DateTime parse_date_time(std::string_view raw_value, std::size_t base);

// Days since 1970-01-01 of a proleptic Gregorian date (no range checks).
std::int64_t days_from_civil(int year, int month, int day) noexcept;
// Days in a month of a year (0 for a month outside 1..12).
int days_in_month(int year, int month) noexcept;

}  // namespace inboxlint::mime
