// The content category model against outside material:
// - the 33 Postmark transactional templates (../shared/testdata/email-html),
//   wrapped in messages as quoted-printable and as 8bit, are transactional
//   with no mixed-content finding; the Cerberus templates are promotional;
// - every generated message (../shared/testdata/generated) gets the content.*
//   kinds its labels.json expects and none it forbids, and the category its
//   note names (category=promo / category=transactional; category=mixed
//   means transactional with a promotional block).
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <string>

#include "generated_labels.hpp"
#include "inboxlint/inboxlint.hpp"
#include "template_messages.hpp"
#include "testdata.hpp"
#include "url_json.hpp"

namespace inboxlint {
namespace {

using testing::templates;
using testing::wrap;

bool has(const Report& report, std::string_view rule) {
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding& f) { return f.rule_id == rule; });
}

bool coupon_template(const std::filesystem::path& path) {
    const auto style = path.parent_path().filename();
    return style == "receipt" || style == "example";
}

TEST(CategoryTemplates, PostmarkTemplatesAreTransactionalWithoutMixedContent) {
    INBOXLINT_REQUIRE_TESTDATA("email-html/postmark");
    const Linter linter(Config{});
    const auto files = templates("email-html/postmark");
    ASSERT_EQ(files.size(), 33u);
    std::size_t transactional = 0;
    for (const auto& path : files) {
        const std::string html = testing::read_file(path);
        for (bool qp : {true, false}) {
            const Report report = linter.lint(wrap(html, qp));
            EXPECT_EQ(report.category.name, "transactional") << path << " promotional " << report.category.promotional
                                                             << " transactional " << report.category.transactional;
            // The receipt and example templates carry a thank-you coupon:
            // a promotional block by default (issue 23), asserted below.
            if (!coupon_template(path)) EXPECT_FALSE(has(report, "CONT001")) << path;
            transactional += report.category.name == "transactional" && qp ? 1 : 0;
        }
    }
    EXPECT_EQ(transactional, 33u);
}

TEST(CategoryTemplates, PostmarkReceiptCouponIsAPromotionalBlock) {
    INBOXLINT_REQUIRE_TESTDATA("email-html/postmark");
    Config adverts_only;
    adverts_only.options["CONT001"]["count_incentives"] = false;
    const Linter linter(Config{});
    const Linter tolerant(adverts_only);
    std::size_t flagged = 0;
    for (const auto& path : templates("email-html/postmark")) {
        const std::string raw = wrap(testing::read_file(path), false);
        const Report report = linter.lint(raw);
        EXPECT_EQ(has(report, "CONT001"), coupon_template(path)) << path;
        EXPECT_FALSE(has(tolerant.lint(raw), "CONT001")) << path << ": a coupon is no advert";
        flagged += has(report, "CONT001") ? 1 : 0;
    }
    EXPECT_EQ(flagged, 6u) << "the receipt and example templates of each of the three styles";
}

TEST(CategoryTemplates, CerberusTemplatesArePromotional) {
    INBOXLINT_REQUIRE_TESTDATA("email-html/cerberus");
    const Linter linter(Config{});
    const auto files = templates("email-html/cerberus");
    ASSERT_EQ(files.size(), 3u);
    for (const auto& path : files) {
        for (bool qp : {true, false}) {
            const Report report = linter.lint(wrap(testing::read_file(path), qp));
            EXPECT_EQ(report.category.name, "promotional") << path;
        }
    }
}

// The rules each content.* kind of labels.json stands for.
const std::map<std::string, std::string>& content_kinds() {
    static const std::map<std::string, std::string> table = {{"content.mixed_categories", "CONT001"}};
    return table;
}

std::string truth_of(const testing::Json& label) {
    static const std::regex category("category=([a-z]+)");
    std::smatch m;
    const std::string note = label.find("note") ? label.find("note")->string : std::string();
    return std::regex_search(note, m, category) ? m[1].str() : "unlabelled";
}

TEST(CategoryGeneratedLabels, ContentKindsAndCategories) {
    INBOXLINT_REQUIRE_TESTDATA("generated/labels.json");
    const Linter linter(Config{});
    std::map<std::string, std::map<std::string, int>> confusion;  // truth -> predicted -> count
    const testing::LabelCounts counts = testing::check_generated_labels(
        linter,
        [](const std::string& kind, const Report& report) {
            const auto rule = content_kinds().find(kind);
            return rule == content_kinds().end() ? std::nullopt : std::optional<bool>(has(report, rule->second));
        },
        [&confusion](const std::string& name, const testing::Json& label, const Report& report) {
            const std::string truth = truth_of(label);
            ++confusion[truth][report.category.name];
            if (truth == "promo") EXPECT_EQ(report.category.name, "promotional") << name;
            if (truth == "transactional" || truth == "mixed") EXPECT_EQ(report.category.name, "transactional") << name;
        });
    EXPECT_EQ(counts.expected, 2);
    EXPECT_EQ(counts.forbidden, 36);
    EXPECT_EQ(confusion["promo"]["promotional"], 19);
    EXPECT_EQ(confusion["transactional"]["transactional"], 12);
    EXPECT_EQ(confusion["mixed"]["transactional"], 2);
    std::string table;
    for (const auto& [truth, row] : confusion) {
        table += truth + ":";
        for (const auto& [predicted, n] : row) table += " " + predicted + "=" + std::to_string(n);
        table += "\n";
    }
    RecordProperty("confusion", table);
    std::cout << "[ category confusion on generated/ (truth: predicted=count) ]\n" << table;
}

}  // namespace
}  // namespace inboxlint
