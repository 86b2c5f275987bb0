// RFC 5322 section 3.3 date-time: current and obsolete forms, spans, values
// out of range, and the UTC timestamp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "mime/date.hpp"

namespace inboxlint::mime {
namespace {

std::string_view at(std::string_view text, Span span, std::size_t base = 0) {
    return text.substr(span.begin - base, span.end - span.begin);
}

const SyntaxIssue* find_issue(const DateTime& d, std::string_view code) {
    for (const SyntaxIssue& i : d.issues) {
        if (i.code == code) return &i;
    }
    return nullptr;
}

std::size_t count_issues(const DateTime& d, std::string_view code) {
    return static_cast<std::size_t>(
        std::count_if(d.issues.begin(), d.issues.end(), [&](const SyntaxIssue& i) { return i.code == code; }));
}

TEST(Date, ParsesTheCurrentFormWithSpans) {
    const std::string raw = " Thu, 05 Mar 2026 08:00:00 +0000";
    const DateTime d = parse_date_time(raw, 50);
    EXPECT_TRUE(d.understood);
    EXPECT_TRUE(d.valid);
    EXPECT_FALSE(d.obsolete);
    EXPECT_TRUE(d.issues.empty());
    ASSERT_TRUE(d.timestamp.has_value());
    EXPECT_EQ(*d.timestamp, 1772697600);  // Python: email.utils.mktime_tz(parsedate_tz(...))
    EXPECT_EQ(d.day_of_week, 3);
    EXPECT_EQ(d.day, 5);
    EXPECT_EQ(d.month, 3);
    EXPECT_EQ(d.year, 2026);
    EXPECT_EQ(d.hour, 8);
    EXPECT_TRUE(d.has_seconds);
    EXPECT_EQ(d.zone_offset, 0);
    EXPECT_FALSE(d.zone_unknown);
    EXPECT_EQ(at(raw, d.span, 50), "Thu, 05 Mar 2026 08:00:00 +0000");
    EXPECT_EQ(at(raw, d.day_of_week_span, 50), "Thu");
    EXPECT_EQ(at(raw, d.day_span, 50), "05");
    EXPECT_EQ(at(raw, d.month_span, 50), "Mar");
    EXPECT_EQ(at(raw, d.year_span, 50), "2026");
    EXPECT_EQ(at(raw, d.time_span, 50), "08:00:00");
    EXPECT_EQ(at(raw, d.zone_span, 50), "+0000");
}

TEST(Date, OptionalPartsFoldingAndTrailingComment) {
    DateTime d = parse_date_time("5 Mar 2026 08:00 -0430", 0);
    EXPECT_TRUE(d.valid);
    EXPECT_FALSE(d.has_seconds);
    EXPECT_EQ(d.day_of_week, -1);
    EXPECT_EQ(d.zone_offset, -270);
    EXPECT_EQ(*d.timestamp, 1772713800);
    d = parse_date_time(" Thu, 5 Mar 2026\r\n 08:00:00 +0000 (Coordinated\r\n Universal Time)", 0);
    EXPECT_TRUE(d.valid) << (d.issues.empty() ? "" : d.issues[0].detail);
    EXPECT_FALSE(d.obsolete);
    d = parse_date_time("thu, 05 MAR 2026 08:00:00 +0000", 0);  // ABNF literals ignore case
    EXPECT_TRUE(d.valid);
}

TEST(Date, LeapSecondAndLeapDay) {
    const DateTime d = parse_date_time("Thu, 29 Feb 2024 23:59:60 +0100", 0);
    EXPECT_TRUE(d.valid);
    EXPECT_EQ(*d.timestamp, 1709247600);
    const DateTime bad = parse_date_time("Thu, 29 Feb 2023 12:00:00 +0000", 0);
    EXPECT_FALSE(bad.understood);
    EXPECT_FALSE(bad.timestamp.has_value());
    ASSERT_NE(find_issue(bad, "invalid-day"), nullptr);
    EXPECT_EQ(find_issue(bad, "invalid-day")->span, (Span{5, 7}));
}

TEST(Date, ObsoleteFormsAreUnderstoodAndValid) {
    const std::string raw = "Thu, 05 Mar 26 08:00:00 EST";
    DateTime d = parse_date_time(raw, 0);
    EXPECT_TRUE(d.understood);
    EXPECT_TRUE(d.valid);
    EXPECT_TRUE(d.obsolete);
    EXPECT_EQ(d.year, 2026);
    EXPECT_EQ(d.zone_offset, -300);
    EXPECT_EQ(*d.timestamp, 1772715600);
    EXPECT_EQ(count_issues(d, "obsolete-date-syntax"), 2u);
    EXPECT_EQ(at(raw, d.issues[0].span), "26");
    EXPECT_EQ(at(raw, d.issues[1].span), "EST");
    EXPECT_EQ(parse_date_time("Fri, 05 Mar 99 08:00:00 GMT", 0).year, 1999);
    EXPECT_EQ(parse_date_time("Tue, 05 Mar 102 08:00:00 +0000", 0).year, 2002);
    d = parse_date_time("Thu (x), 05 Mar 2026 08 : 00 : 00 +0000", 0);
    EXPECT_TRUE(d.valid);
    EXPECT_TRUE(d.obsolete);
    EXPECT_GE(count_issues(d, "obsolete-date-syntax"), 3u);
    d = parse_date_time("Thu, 05 Mar 2026 08:00:00 z", 0);
    EXPECT_TRUE(d.valid);
    EXPECT_TRUE(d.zone_unknown);
}

TEST(Date, UnknownLocalTime) {
    const DateTime d = parse_date_time("Thu, 05 Mar 2026 08:00:00 -0000", 0);
    EXPECT_TRUE(d.valid);
    EXPECT_TRUE(d.zone_unknown);
    EXPECT_EQ(*d.timestamp, 1772697600);
}

TEST(Date, DayOfWeekMismatch) {
    const std::string raw = "Fri, 05 Mar 2026 08:00:00 +0000";
    const DateTime d = parse_date_time(raw, 0);
    EXPECT_TRUE(d.understood);
    EXPECT_FALSE(d.valid);
    const SyntaxIssue* issue = find_issue(d, "day-of-week-mismatch");
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(at(raw, issue->span), "Fri");
    EXPECT_NE(issue->detail.find("Thursday"), std::string::npos);
}

TEST(Date, ValuesOutOfRange) {
    EXPECT_NE(find_issue(parse_date_time("Thu, 05 Mar 2026 24:00:00 +0000", 0), "invalid-time"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Thu, 05 Mar 2026 23:60:00 +0000", 0), "invalid-time"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Thu, 05 Mar 2026 23:59:61 +0000", 0), "invalid-time"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Thu, 00 Mar 2026 08:00:00 +0000", 0), "invalid-day"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Thu, 31 Apr 2026 08:00:00 +0000", 0), "invalid-day"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Thu, 05 Mar 1899 08:00:00 +0000", 0), "invalid-year"), nullptr);
    const DateTime month = parse_date_time("Thu, 05 Mrz 2026 08:00:00 +0000", 0);
    EXPECT_FALSE(month.understood);
    EXPECT_NE(find_issue(month, "invalid-month"), nullptr);
    const DateTime zone = parse_date_time("Thu, 05 Mar 2026 08:00:00 +0060", 0);
    EXPECT_NE(find_issue(zone, "invalid-zone"), nullptr);
    EXPECT_NE(find_issue(parse_date_time("Xyz, 05 Mar 2026 08:00:00 +0000", 0), "invalid-day-of-week"), nullptr);
}

TEST(Date, ZoneDefects) {
    DateTime d = parse_date_time("Thu, 05 Mar 2026 08:00:00 +05:30", 0);
    EXPECT_TRUE(d.understood);
    EXPECT_FALSE(d.valid);
    EXPECT_EQ(d.zone_offset, 330);
    EXPECT_NE(find_issue(d, "invalid-zone"), nullptr);
    d = parse_date_time("Thu, 05 Mar 2026 08:00:00 CEST", 0);
    EXPECT_TRUE(d.understood);
    EXPECT_TRUE(d.zone_unknown);
    EXPECT_NE(find_issue(d, "invalid-zone"), nullptr);
    d = parse_date_time("Thu, 05 Mar 2026 08:00:00", 0);
    EXPECT_TRUE(d.understood);
    EXPECT_NE(find_issue(d, "missing-zone"), nullptr);
    d = parse_date_time("Thu, 05 Mar 2026 08:00:00 +000", 0);
    EXPECT_NE(find_issue(d, "invalid-zone"), nullptr);
    const std::string raw = "Thu, 05 Mar 2026 08:00:00 -0400 EDT";
    d = parse_date_time(raw, 0);
    EXPECT_TRUE(d.understood);
    EXPECT_FALSE(d.valid);
    ASSERT_NE(find_issue(d, "trailing-text"), nullptr);
    EXPECT_EQ(at(raw, find_issue(d, "trailing-text")->span), "EDT");
}

TEST(Date, SyntaxErrors) {
    DateTime d = parse_date_time("Thu 05 Mar 2026 08:00:00 +0000", 0);
    EXPECT_TRUE(d.understood);  // clear enough, but not RFC 5322
    EXPECT_FALSE(d.valid);
    EXPECT_NE(find_issue(d, "date-syntax"), nullptr);
    d = parse_date_time("Wed Aug 21 10:55:06 2002", 0);  // asctime()
    EXPECT_FALSE(d.understood);
    EXPECT_NE(find_issue(d, "date-syntax"), nullptr);
    d = parse_date_time("Thu, 5 Mar 2026 8:00:00 +0000", 0);
    EXPECT_TRUE(d.understood);
    EXPECT_NE(find_issue(d, "date-syntax"), nullptr);
    d = parse_date_time("06 Jul 01 8:00:34 PM", 0);  // seen in spam of 2002
    EXPECT_TRUE(d.understood);
    EXPECT_EQ(d.hour, 20);
    EXPECT_EQ(d.year, 2001);
    EXPECT_NE(find_issue(d, "missing-zone"), nullptr);
    d = parse_date_time("Thu, 05 Mar 2026 12:30:00 am -0500", 0);
    EXPECT_EQ(d.hour, 0);
    EXPECT_EQ(d.zone_offset, -300);
    EXPECT_EQ(count_issues(d, "date-syntax"), 1u);
    d = parse_date_time("Thursday, 05 March 2026 08:00:00 +0000", 0);
    EXPECT_TRUE(d.understood);
    EXPECT_EQ(count_issues(d, "date-syntax"), 2u);
    for (const char* bad :
         {"", "   ", "2026-03-05T08:00:00Z", "Thu, 05 Mar", "Thu, 05 Mar 2026 (x", "Thu, 05 Mar 2026 08"}) {
        d = parse_date_time(bad, 0);
        EXPECT_FALSE(d.understood) << bad;
        EXPECT_FALSE(d.valid) << bad;
        EXPECT_FALSE(d.issues.empty()) << bad;
        for (const SyntaxIssue& i : d.issues) EXPECT_LE(i.span.end, std::string_view(bad).size()) << bad;
    }
}

TEST(Date, CivilDays) {
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    EXPECT_EQ(days_in_month(2000, 2), 29);
    EXPECT_EQ(days_in_month(1900, 2), 28);
    EXPECT_EQ(days_in_month(2026, 13), 0);
}

}  // namespace
}  // namespace inboxlint::mime
