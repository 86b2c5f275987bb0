// The catalogue's invariants: ids well formed, unique and in order; every
// rule documented with the fixed sections; every rule exercised by corpus
// messages that must and must not trigger it.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "corpus.hpp"
#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

TEST(Registry, IdsAreWellFormedUniqueAndOrdered) {
    const std::regex id_form("[A-Z]{2,5}[0-9]{3}");
    const std::regex slug_form("[a-z0-9]+(-[a-z0-9]+)*");
    std::set<std::string_view> slugs;
    std::string_view previous;
    for (const RuleInfo& rule : rules()) {
        EXPECT_TRUE(std::regex_match(std::string(rule.id), id_form)) << rule.id;
        EXPECT_TRUE(std::regex_match(std::string(rule.slug), slug_form)) << rule.slug;
        EXPECT_LT(previous, rule.id) << "ids out of order or repeated at " << rule.id;
        EXPECT_TRUE(slugs.insert(rule.slug).second) << "slug repeated: " << rule.slug;
        EXPECT_FALSE(rule.summary.empty()) << rule.id;
        EXPECT_FALSE(rule.clause.empty()) << rule.id;
        previous = rule.id;
    }
}

TEST(Registry, EveryRuleHasItsPageWithTheFixedSections) {
    for (const RuleInfo& rule : rules()) {
        const auto page = explain(rule.id);
        ASSERT_TRUE(page.has_value()) << rule.id << " has no page (cpp/src/rules/<family>/" << rule.id << ".md)";
        EXPECT_TRUE(page->starts_with("# " + std::string(rule.id) + " " + std::string(rule.slug)))
            << rule.id << ": the page must start with '# " << rule.id << " " << rule.slug << "'";
        for (const char* section : {"## What it flags", "## Why it matters", "## Example", "## How to fix",
                                    "## Options", "## When not to use it"}) {
            EXPECT_NE(page->find(section), std::string_view::npos) << rule.id << " lacks '" << section << "'";
        }
        for (const OptionInfo& option : rule.options) {
            EXPECT_NE(page->find("`" + std::string(option.name) + "`"), std::string_view::npos)
                << rule.id << " does not document option " << option.name;
        }
    }
    EXPECT_EQ(explain(rules().front().slug), explain(rules().front().id)) << "slugs work too";
    EXPECT_FALSE(explain("NOPE999").has_value());
}

// LINT002 reports internal failures, which no corpus message can (or should)
// provoke; it is tested directly in internal_error_test.cpp. CONT002 and CONT003 are
// checked over a batch of messages, never one (category_batch_test.cpp).
const std::set<std::string_view> not_corpus_testable = {"LINT002", "CONT002", "CONT003"};

TEST(Registry, EveryRuleHasCorpusMessagesThatMustAndMustNotTriggerIt) {
    std::map<std::string, std::pair<int, int>> coverage;  // rule -> (must, must-not)
    for (const auto& path : testing::corpus_messages()) {
        const testing::CorpusCase c = testing::load_case(path);
        std::set<std::string> positives;
        for (const testing::Expectation& e : c.expectations) {
            auto& [must, must_not] = coverage[e.rule];
            ++(e.negative ? must_not : must);
            if (!e.negative) positives.insert(e.rule);
        }
        // "-*" asserts that no other rule fires.
        if (!c.nothing_else) continue;
        for (const RuleInfo& rule : rules()) {
            if (!positives.count(std::string(rule.id))) ++coverage[std::string(rule.id)].second;
        }
    }
    for (const RuleInfo& rule : rules()) {
        if (not_corpus_testable.count(rule.id)) continue;
        const auto [must, must_not] = coverage[std::string(rule.id)];
        EXPECT_GT(must, 0) << rule.id << " has no corpus message that must trigger it";
        EXPECT_GT(must_not, 0) << rule.id << " has no corpus message that must not trigger it";
    }
}

}  // namespace
}  // namespace inboxlint
