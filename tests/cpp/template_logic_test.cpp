#include "html/template_logic.hpp"

#include <gtest/gtest.h>

#include <string>

namespace inboxlint::html {
namespace {

TEST(TemplateLogic, StatementsOfTheCommonLanguagesAreLogicOnly) {
    EXPECT_TRUE(only_template_logic("{% for item in var:order.items %}"));
    EXPECT_TRUE(only_template_logic("  {% endfor %}\n"));
    EXPECT_TRUE(only_template_logic("{{ blogpost.title }}"));
    EXPECT_TRUE(only_template_logic("{# a comment #} [[FirstName]]"));
    EXPECT_TRUE(only_template_logic("*|FNAME|*"));
    EXPECT_TRUE(only_template_logic("%%=v(@name)=%%"));
}

TEST(TemplateLogic, WordsOutsideStatementsAreText) {
    EXPECT_FALSE(only_template_logic("HELLO {{ name }}, THANKS FOR JOINING"));
    EXPECT_FALSE(only_template_logic("cheap pills"));
    EXPECT_FALSE(only_template_logic(""));
    EXPECT_FALSE(only_template_logic("{% for item in items"));  // never closed: text
    EXPECT_EQ(without_template_logic("a{{b}}c"), "a c");
}

TEST(TemplateLogic, OpenersWithoutClosersStayLinear) {
    std::string hostile;
    for (int i = 0; i < 200000; ++i) hostile += "{%{{[[*|{#";
    EXPECT_EQ(without_template_logic(hostile), hostile);  // no statement is ever closed
}

}  // namespace
}  // namespace inboxlint::html
