// auth::unsubscribe_mention: the unsubscribe wording UNSUB006 looks for in
// the text parts. The first word of cpp/data/unsubscribe_words.txt (in file
// order) that the folded text contains is the one reported, at its first
// occurrence, whatever comes first in the text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "analysis/message.hpp"
#include "auth/bulk.hpp"

namespace inboxlint::auth {
namespace {

std::string message(const std::string& type, const std::string& body) {
    return "From: Shop <news@shop.example.com>\r\nTo: r@example.org\r\nSubject: News\r\n"
           "MIME-Version: 1.0\r\nContent-Type: " +
           type + "\r\n\r\n" + body;
}

// The words found, in the decoded text of their part (where the span points).
std::string mentioned(const std::string& raw) {
    const analysis::Message msg(raw, Limits{});
    const UnsubscribeMention& m = unsubscribe_mention(msg);
    if (m.entity < 0) return {};
    return std::string(msg.body_text(m.entity).view().substr(m.text.begin, m.text.size()));
}

TEST(UnsubscribeMention, TheEarlierListedWordWinsWhereverItStands) {
    // "opt out" stands first in the text, but "unsubscri" comes first in the list.
    const std::string body = "To opt out, reply STOP.\r\nOr UNSUBSCRIBE here, or unsubscribe there.\r\n";
    const std::string raw = message("text/plain", body);
    EXPECT_EQ(mentioned(raw), "UNSUBSCRI");
    const analysis::Message msg(raw, Limits{});
    EXPECT_EQ(unsubscribe_mention(msg).text.begin, body.find("UNSUBSCRIBE"));
}

TEST(UnsubscribeMention, WhiteSpaceRunsAndEntitiesAreFolded) {
    EXPECT_EQ(mentioned(message("text/plain", "If you wish to opt\r\n   out, write to us.\r\n")), "opt\r\n   out");
    EXPECT_EQ(mentioned(message("text/html", "<p>Pour vous d&eacute;sabonner, cliquez ici.</p>")), "d&eacute;sabonner");
}

TEST(UnsubscribeMention, NothingWhenNoWordIsThere) {
    EXPECT_TRUE(mentioned(message("text/plain", "Your order has shipped. Track it on our site.\r\n")).empty());
    EXPECT_TRUE(mentioned(message("text/plain", "u\r\n")).empty());
    EXPECT_TRUE(mentioned(message("text/plain", "")).empty());
}

}  // namespace
}  // namespace inboxlint::auth
