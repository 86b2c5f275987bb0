// The one dotted-quad IPv4 test (issue 24), shared by address literals and
// MID006.
#include <gtest/gtest.h>

#include "core/ascii.hpp"

namespace inboxlint::core {
namespace {

TEST(DottedQuad, FourDecimalNumbersUpTo255) {
    EXPECT_TRUE(is_dotted_quad("192.0.2.7"));
    EXPECT_TRUE(is_dotted_quad("0.0.0.0"));
    EXPECT_TRUE(is_dotted_quad("255.255.255.255"));
    EXPECT_FALSE(is_dotted_quad("256.1.1.1"));
    EXPECT_FALSE(is_dotted_quad("999.1.1.1"));
    EXPECT_FALSE(is_dotted_quad("1.2.3"));
    EXPECT_FALSE(is_dotted_quad("1.2.3.4.5"));
    EXPECT_FALSE(is_dotted_quad("1.2.3.4."));
    EXPECT_FALSE(is_dotted_quad("1..3.4"));
    EXPECT_FALSE(is_dotted_quad("0001.2.3.4"));
    EXPECT_FALSE(is_dotted_quad("mail.example.com"));
    EXPECT_FALSE(is_dotted_quad(""));
}

}  // namespace
}  // namespace inboxlint::core
