// The Dom's names, texts and attribute values are views into its TextStore
// (html/dom.hpp): they must stay valid as long as the Dom, wherever it moves,
// and whatever became of the text it was parsed from.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "html/gumbo_guard.hpp"

namespace inboxlint::html {
namespace {

TEST(TextStore, KeepsCopiesOfEverySizeUnchanged) {
    TextStore store;
    std::vector<std::string> originals;
    std::vector<std::string_view> kept;
    // Sizes around a block's (4-64 KB) and its half, where a string gets a
    // block of its own, mixed with small ones that fill blocks up.
    for (const std::size_t size : {1u, 15u, 2047u, 2049u, 4095u, 4096u, 5000u, 3u, 40000u, 70000u, 7u, 33000u}) {
        for (int copy = 0; copy < 3; ++copy) {
            std::string s(size, static_cast<char>('a' + originals.size() % 26));
            s.back() = '!';
            originals.push_back(s);
            kept.push_back(store.keep(s));
        }
    }
    std::size_t total = 0;
    for (std::size_t i = 0; i < originals.size(); ++i) {
        EXPECT_EQ(kept[i], originals[i]) << i;
        EXPECT_NE(kept[i].data(), originals[i].data());
        total += originals[i].size();
    }
    EXPECT_EQ(store.kept(), total);
    EXPECT_TRUE(store.keep("").empty());
}

TEST(TextStore, ViewsOutliveAMoveAndTheMovedFromStoreStartsAfresh) {
    TextStore store;
    const std::string_view first = store.keep("first");
    TextStore moved(std::move(store));
    EXPECT_EQ(first, "first");
    EXPECT_EQ(store.kept(), 0u);  // NOLINT(bugprone-use-after-move): a moved-from store is empty and usable
    const std::string_view again = store.keep("again");
    const std::string_view second = moved.keep("second");
    EXPECT_EQ(first, "first");
    EXPECT_EQ(again, "again");
    EXPECT_EQ(second, "second");
    TextStore assigned;
    assigned = std::move(moved);
    EXPECT_EQ(first, "first");
    EXPECT_EQ(second, "second");
}

// Parsed from a string that is gone before the Dom is read, then moved:
// under ASan a view into the source text or into a moved-from store fails.
TEST(DomViews, OutliveTheSourceTextAndAMove) {
    std::vector<ParseOutcome> outcomes;
    for (int i = 0; i < 8; ++i) {
        std::string html = "<div class=\"c" + std::to_string(i) + "\" data-x=\"&amp;" + std::string(100, 'v') +
                           "\">caf&eacute; " + std::string(100, 't') + "</div><custom-tag>x</custom-tag>" +
                           "<!--[if mso]><p>outlook</p><![endif]--><style>p{color:red}</style>";
        outcomes.push_back(parse_html(html, ParseOptions{}));
        html.assign(html.size(), '#');  // the source text is overwritten, then freed
    }
    for (int i = 0; i < 8; ++i) {
        const Dom& dom = outcomes[i].dom;
        std::vector<std::string_view> names;
        std::string text;
        for (const Node& n : dom.nodes) {
            if (n.is_element()) names.push_back(n.name());
            text += n.text();
        }
        EXPECT_NE(std::find(names.begin(), names.end(), "custom-tag"), names.end());
        EXPECT_NE(text.find("caf\xC3\xA9 " + std::string(100, 't')), std::string::npos);
        EXPECT_NE(text.find("p{color:red}"), std::string::npos);
        const auto div =
            std::find_if(dom.nodes.begin(), dom.nodes.end(), [](const Node& n) { return n.name() == "div"; });
        ASSERT_NE(div, dom.nodes.end());
        EXPECT_EQ(dom.attribute_value(*div, "class"), "c" + std::to_string(i));
        EXPECT_EQ(dom.attribute_value(*div, "data-x"), "&" + std::string(100, 'v'));
        const auto conditional = std::find_if(dom.nodes.begin(), dom.nodes.end(),
                                              [](const Node& n) { return n.kind == NodeKind::conditional; });
        ASSERT_NE(conditional, dom.nodes.end());
        EXPECT_EQ(conditional->name(), "mso");
        EXPECT_TRUE(conditional->text().empty());
        EXPECT_TRUE(div->text().empty());
    }
}

}  // namespace
}  // namespace inboxlint::html
