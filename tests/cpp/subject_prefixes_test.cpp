// Reply and forward prefixes at the start of a subject (the SUBJ rules'
// table), and what is not one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks::subj {
namespace {

// "reply:Re:|tag:[x]|forward:Fwd:" for the prefixes found.
std::string prefixes_of(const std::string& subject) {
    std::string out;
    for (const SubjectPrefix& p : leading_prefixes(subject)) {
        if (!out.empty()) out += "|";
        out += p.kind == PrefixKind::reply ? "reply:" : p.kind == PrefixKind::forward ? "forward:" : "tag:";
        out += subject.substr(p.range.begin, p.range.size());
    }
    return out;
}

TEST(SubjectPrefixes, EnglishAndRepeated) {
    EXPECT_EQ(prefixes_of("Re: lunch"), "reply:Re:");
    EXPECT_EQ(prefixes_of("RE: FW: fwd:lunch"), "reply:RE:|forward:FW:|forward:fwd:");
    EXPECT_EQ(prefixes_of("  Re[2]: lunch"), "reply:Re[2]:");
    EXPECT_EQ(prefixes_of("Re(3): lunch"), "reply:Re(3):");
    EXPECT_EQ(prefixes_of("Re^2: lunch"), "reply:Re^2:");
    EXPECT_EQ(prefixes_of("[team] Re: [other] lunch"), "tag:[team]|reply:Re:|tag:[other]");
}

TEST(SubjectPrefixes, OtherLanguages) {
    EXPECT_EQ(prefixes_of("AW: WG: Rechnung"), "reply:AW:|forward:WG:");
    EXPECT_EQ(prefixes_of("RE : TR : devis"), "reply:RE :|forward:TR :");  // French spacing
    EXPECT_EQ(prefixes_of("SV: VB: möte"), "reply:SV:|forward:VB:");
    EXPECT_EQ(prefixes_of("Antw: Doorst: factuur"), "reply:Antw:|forward:Doorst:");
    EXPECT_EQ(prefixes_of("RV: Enc: R: I: x"), "forward:RV:|forward:Enc:|reply:R:|forward:I:");
    EXPECT_EQ(prefixes_of("\xCE\x91\xCE\xA0: \xCE\xA3\xCE\xA7\xCE\x95\xCE\xA4: x"),
              "reply:\xCE\x91\xCE\xA0:|reply:\xCE\xA3\xCE\xA7\xCE\x95\xCE\xA4:");  // ΑΠ: ΣΧΕΤ:
    // Greek and Cyrillic case-insensitively: "απ:" and "ОТВЕТ:".
    EXPECT_EQ(prefixes_of("\xCE\xB1\xCF\x80: x"), "reply:\xCE\xB1\xCF\x80:");
    EXPECT_EQ(prefixes_of("\xD0\x9E\xD0\xA2\xD0\x92\xD0\x95\xD0\xA2: x"),
              "reply:\xD0\x9E\xD0\xA2\xD0\x92\xD0\x95\xD0\xA2:");
    // 回复： (fullwidth colon) and 转发:
    EXPECT_EQ(prefixes_of("\xE5\x9B\x9E\xE5\xA4\x8D\xEF\xBC\x9A \xE8\xBD\xAC\xE5\x8F\x91: x"),
              "reply:\xE5\x9B\x9E\xE5\xA4\x8D\xEF\xBC\x9A|forward:\xE8\xBD\xAC\xE5\x8F\x91:");
}

TEST(SubjectPrefixes, WhatIsNoPrefix) {
    EXPECT_EQ(prefixes_of("Rebate: 10% off"), "");
    EXPECT_EQ(prefixes_of("Regarding: lunch"), "");
    EXPECT_EQ(prefixes_of("Your order Re: 123"), "");
    EXPECT_EQ(prefixes_of("Re lunch"), "");
    EXPECT_EQ(prefixes_of("Re[x]: lunch"), "");
    EXPECT_EQ(prefixes_of("[unterminated Re: x"), "");
    EXPECT_EQ(prefixes_of(""), "");
    EXPECT_EQ(prefixes_of("Re:"), "reply:Re:");
}

}  // namespace
}  // namespace inboxlint::checks::subj
