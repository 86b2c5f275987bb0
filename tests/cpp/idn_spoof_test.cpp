// UTS #39 per-label checks: restriction levels with the identifier profile
// as the allowed set, ASCII lookalikes, mixed numbers, invisible characters.
#include <gtest/gtest.h>

#include <string>

#include "idn/domain_checks.hpp"
#include "idn/invisible.hpp"
#include "idn/spoof.hpp"
#include "idn/uts46.hpp"

namespace inboxlint::idn {
namespace {

TEST(RestrictionLevel, PerLabel) {
    EXPECT_EQ(check_label("example", "com").level, RestrictionLevel::ascii);
    EXPECT_EQ(check_label("foo-bar-2", "com").level, RestrictionLevel::ascii);
    EXPECT_EQ(check_label("b\u00FCcher", "de").level, RestrictionLevel::single_script);
    EXPECT_EQ(check_label("\u043F\u0440\u0438\u043C\u0435\u0440", "com").level, RestrictionLevel::single_script);
    // Latin + Han + Katakana is highly restrictive (Japanese).
    EXPECT_EQ(check_label("\u6771\u4EAC\u30BF\u30EF\u30FCtokyo", "jp").level, RestrictionLevel::highly_restrictive);
    // Latin + Cyrillic is minimally restrictive.
    const auto mixed = check_label("p\u0430ypal", "com");
    EXPECT_EQ(mixed.level, RestrictionLevel::minimally_restrictive);
    EXPECT_EQ(mixed.scripts, (std::vector<std::string>{"Cyrillic", "Latin"}));
    // Latin + Arabic is moderately restrictive.
    EXPECT_EQ(check_label("shop\u0645\u062A\u062C\u0631", "example").level, RestrictionLevel::moderately_restrictive);
    // A heart is valid UTS #46 but outside the identifier profile: section
    // 5.2 step 1 makes the label unrestricted (ICU needs the allowed set for it).
    const auto heart = check_label("i\u2764", "ws");
    EXPECT_EQ(heart.level, RestrictionLevel::unrestrictive);
    EXPECT_EQ(heart.outside_profile, std::vector<std::string>{"U+2764"});
    EXPECT_FALSE(at_least_highly_restrictive(heart.level));
    EXPECT_TRUE(at_least_highly_restrictive(RestrictionLevel::single_script));
}

TEST(Lookalike, WholeScriptCyrillicApple) {
    // xn--80ak6aa92e: all Cyrillic, single script, passes per label.
    const auto unicode = to_unicode("xn--80ak6aa92e", Profile::mail);
    ASSERT_TRUE(unicode.ok());
    const auto check = check_label(unicode.text, "com");
    EXPECT_EQ(check.level, RestrictionLevel::single_script);
    EXPECT_EQ(check.lookalike, Lookalike::whole_script);
    EXPECT_EQ(check.looks_like, "apple");
    // The same label under a Cyrillic country domain is the local norm.
    EXPECT_EQ(check_label(unicode.text, "ru").lookalike, Lookalike::none);
    EXPECT_EQ(check_label(unicode.text, "xn--p1ai").lookalike, Lookalike::none);
}

TEST(Lookalike, OtherKinds) {
    const auto mixed = check_label("p\u0430ypal", "com");
    EXPECT_EQ(mixed.lookalike, Lookalike::mixed_script);
    EXPECT_EQ(mixed.looks_like, "paypal");
    const auto dotless = check_label("l\u0131nked", "com");
    EXPECT_EQ(dotless.lookalike, Lookalike::single_script);
    EXPECT_EQ(dotless.looks_like, "linked");
    // Real words with letters that have no ASCII twin are not lookalikes.
    EXPECT_EQ(check_label("b\u00FCcher", "de").lookalike, Lookalike::none);
    EXPECT_EQ(check_label("\u043F\u0440\u0438\u043C\u0435\u0440", "com").lookalike, Lookalike::none);
    EXPECT_EQ(check_label("stra\u00DFe", "de").lookalike, Lookalike::none);
    EXPECT_EQ(check_label("apple", "com").lookalike, Lookalike::none);
}

TEST(MixedNumbers, DigitSystems) {
    const auto check = check_label(
        "1\u0662"
        "3",
        "com");
    EXPECT_TRUE(check.mixed_numbers);
    EXPECT_EQ(check.number_systems.size(), 2u);
    EXPECT_FALSE(check_label("123", "com").mixed_numbers);
    EXPECT_FALSE(check_label("\u0661\u0662\u0663", "com").mixed_numbers);
}

TEST(Invisible, NamesAndText) {
    const auto in_name = find_invisible("pay\u00ADpal.example", InvisibleContext::name);
    ASSERT_EQ(in_name.size(), 1u);
    EXPECT_EQ(in_name[0].offset, 3u);
    EXPECT_EQ(in_name[0].length, 2u);
    EXPECT_EQ(in_name[0].code_point, 0x00ADu);
    // Soft hyphens break long words in text; ZWSP inside a word does not.
    EXPECT_TRUE(find_invisible("Inter\u00ADnational", InvisibleContext::text).empty());
    EXPECT_EQ(find_invisible("pay\u200Bpal", InvisibleContext::text).size(), 1u);
    // Emoji sequences keep their joiners and variation selectors.
    EXPECT_TRUE(find_invisible("Love \u2764\uFE0F \U0001F468\u200D\U0001F469", InvisibleContext::text).empty());
    EXPECT_EQ(find_invisible("a\u200Db", InvisibleContext::text).size(), 1u);
    // A right-to-left override is always suspect.
    const auto bidi = find_invisible("\u202Egpj.exe", InvisibleContext::text);
    ASSERT_EQ(bidi.size(), 1u);
    EXPECT_TRUE(is_bidi_control(bidi[0].code_point));
    EXPECT_EQ(describe_code_point(0x200B), "U+200B ZERO WIDTH SPACE");
    EXPECT_TRUE(find_invisible(std::string("a\xFF\xFE", 3), InvisibleContext::name).empty());
}

TEST(DomainCheck, OnlyIdnsAreChecked) {
    bool checked = true;
    (void)check_domain("ab--cd.Example.COM", checked);
    EXPECT_FALSE(checked) << "plain ASCII names are not IDNs";
    const DomainCheck punycode = check_domain("XN--80AK6AA92E.com", checked);
    EXPECT_TRUE(checked);
    EXPECT_EQ(punycode.ascii, "xn--80ak6aa92e.com");
    EXPECT_EQ(punycode.unicode, "\u0430\u0440\u0440\u04CF\u0435.com");
    ASSERT_EQ(punycode.labels.size(), 1u);
    EXPECT_EQ(punycode.labels[0].lookalike, Lookalike::whole_script);
    const DomainCheck bad = check_domain("xn--a.example", checked);
    EXPECT_NE(bad.uts46_errors, 0u);
    EXPECT_TRUE(bad.labels.empty()) << "a label UTS #46 rejected is not checked further";
    const DomainCheck shy = check_domain("pay\u00ADpal.example", checked);
    EXPECT_TRUE(checked);
    EXPECT_EQ(shy.uts46_errors, 0u) << "UTS #46 drops the soft hyphen silently";
    EXPECT_EQ(shy.ascii, "paypal.example");
    ASSERT_EQ(shy.invisible.size(), 1u);
    EXPECT_EQ(shy.invisible[0].offset, 3u);
    // Hyphen rules apply to IDNs (mail profile).
    EXPECT_EQ(check_domain("xn--b--cd-fra.example", checked).uts46_errors & error::hyphen_3_4, error::hyphen_3_4);
}

}  // namespace
}  // namespace inboxlint::idn
