// analysis::Message::fields and first_field: header fields by name, found
// through a per-entity index of name hashes. Names match case-insensitively,
// fields come in message order, and each entity has its own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "core/lines.hpp"

namespace inboxlint::analysis {
namespace {

const std::string raw =
    "Received: from a\r\nreceived: from b\r\nX-Tag: one\r\nRECEIVED: from c\r\nSubject: hi\r\n"
    "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
    "--b\r\nContent-Type: text/plain\r\nX-Tag: inner\r\n\r\nbody\r\n--b--\r\n";

std::vector<std::string> values(const Message& msg, std::string_view name, int entity = 0) {
    std::vector<std::string> out;
    for (const mime::HeaderField* f : msg.fields(name, entity)) out.push_back(msg.unfolded_value(*f));
    return out;
}

TEST(MessageFields, ByNameInAnyCaseAndInOrder) {
    const Message msg(raw, Limits{});
    EXPECT_EQ(values(msg, "received"), (std::vector<std::string>{"from a", "from b", "from c"}));
    EXPECT_EQ(values(msg, "RECEIVED"), values(msg, "Received"));
    ASSERT_NE(msg.first_field("x-tag"), nullptr);
    EXPECT_EQ(msg.unfolded_value(*msg.first_field("x-tag")), "one");
    EXPECT_EQ(msg.first_field("Received"), msg.fields("received").front());
}

TEST(MessageFields, EachEntityHasItsOwn) {
    const Message msg(raw, Limits{});
    ASSERT_EQ(msg.entities().size(), 2u);
    EXPECT_EQ(values(msg, "X-Tag", 1), (std::vector<std::string>{"inner"}));
    EXPECT_TRUE(values(msg, "Received", 1).empty());
    EXPECT_EQ(values(msg, "x-tag"), (std::vector<std::string>{"one"}));
}

TEST(MessageFields, MissingAndNearNames) {
    const Message msg(raw, Limits{});
    EXPECT_TRUE(msg.fields("Receive").empty());
    EXPECT_TRUE(msg.fields("Receiveds").empty());
    EXPECT_TRUE(msg.fields("").empty());
    EXPECT_EQ(msg.first_field("Date"), nullptr);
}

// The message's line index comes from the scanner's pass over the lines
// (mime::LineStats::starts); it must place every offset where an index of
// its own would, whatever the breaks, and within max_message_size.
TEST(MessageLines, TheScannersLineStartsPlaceEveryOffset) {
    for (const std::string text : {std::string("Subject: a\r\n\r\nb\nc\rd\r\r\ne"), std::string("x"), std::string(""),
                                   std::string("\n\n\r\r"), std::string("A: \xC3\xA9\r\n\r\n\xC3\xA9\r\n")}) {
        for (const std::size_t max_size : {std::size_t{1000}, std::size_t{5}}) {
            Limits limits;
            limits.max_message_size = max_size;
            const Message msg(text, limits);
            const core::LineIndex own(msg.text());
            ASSERT_EQ(msg.lines().line_count(), own.line_count()) << text;
            for (std::size_t at = 0; at <= text.size(); ++at) {
                EXPECT_EQ(msg.lines().position(at).line, own.position(at).line) << text << " " << at;
                EXPECT_EQ(msg.lines().position(at).column, own.position(at).column) << text << " " << at;
            }
        }
    }
}

}  // namespace
}  // namespace inboxlint::analysis
