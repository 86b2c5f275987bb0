// ARC chain structure (RFC 8617 sections 4.1, 4.2 and 5.2 step 3): exact
// spans of fields and tags, instance gaps, duplicates, cv= by position, h=
// in a seal, unreadable instances; and the validation outcomes that need no
// key: none, fail on structure or cv=fail, unchecked with the keys named.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/message.hpp"
#include "arc/arc_chain.hpp"
#include "arc/arc_validate.hpp"
#include "auth/base64.hpp"
#include "auth/canon.hpp"
#include "auth/crypto.hpp"

namespace inboxlint::arc {
namespace {

std::string_view at(std::string_view text, Span s) { return text.substr(s.begin, s.size()); }

const std::string body = "Hello.\r\n";
const auth::DkimKeys no_keys;

std::string body_hash() {
    const std::string canonical = auth::canonicalize_body(body, auth::Canonicalization::relaxed);
    return auth::encode_base64(auth::digest(auth::DigestAlgorithm::sha256, canonical));
}

std::string aar(int i) {
    return "ARC-Authentication-Results: i=" + std::to_string(i) + "; mx.example.org; spf=pass\r\n";
}
std::string ams(int i, const std::string& extra = "") {
    return "ARC-Message-Signature: i=" + std::to_string(i) + "; a=rsa-sha256; c=relaxed/relaxed; d=example.org;\r\n"
           " s=s1; h=from:to; bh=" + body_hash() + "; b=AAAA" + extra + "\r\n";
}
std::string seal(int i, const std::string& cv, const std::string& extra = "") {
    return "ARC-Seal: i=" + std::to_string(i) + "; a=rsa-sha256; cv=" + cv + "; d=example.net; s=s2;\r\n b=AAAA" +
           extra + "\r\n";
}
std::string set(int i, const std::string& cv) { return seal(i, cv) + ams(i) + aar(i); }
std::string message(const std::string& arc) {
    return arc + "From: a@example.org\r\nTo: b@example.net\r\nSubject: hi\r\n\r\n" + body;
}

std::vector<std::string> codes(const ArcChain& chain) {
    std::vector<std::string> out;
    for (const Issue& i : chain.issues) out.push_back(std::string(i.code) + "@" + std::to_string(i.instance));
    return out;
}

TEST(ArcParse, NoArcFieldsIsNone) {
    const std::string msg_text = message("");
    const analysis::Message msg(msg_text, Limits{});
    EXPECT_FALSE(arc_chain(msg).any_arc_field);
    EXPECT_TRUE(arc_chain(msg).sets.empty());
    EXPECT_EQ(validate_arc(msg, no_keys).status, ArcStatus::none);
}

TEST(ArcParse, SpansOfFieldsAndTagsAreExact) {
    const std::string text = message(set(1, "none"));
    const analysis::Message msg(text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    EXPECT_TRUE(chain.issues.empty()) << codes(chain).front();
    ASSERT_EQ(chain.sets.size(), 1u);
    const ArcSet& s = chain.sets[0];
    EXPECT_EQ(s.instance, 1);
    EXPECT_EQ(at(text, s.aar.instance_span), "i=1");
    EXPECT_EQ(at(text, s.aar.payload), "mx.example.org; spf=pass");
    EXPECT_EQ(at(text, s.aar.field->field), "ARC-Authentication-Results: i=1; mx.example.org; spf=pass");
    EXPECT_EQ(at(text, s.ams.instance_span), "i=1");
    EXPECT_EQ(at(text, s.ams.sig.tag("h")->value), "from:to");
    ASSERT_EQ(s.ams.sig.headers.size(), 2u);
    EXPECT_EQ(at(text, s.ams.sig.headers[1].span), "to");
    EXPECT_EQ(s.seal.cv, ChainStatus::none);
    EXPECT_EQ(at(text, s.seal.cv_span), "cv=none");
    EXPECT_EQ(at(text, s.seal.sig.tag("d")->value), "example.net");
    EXPECT_EQ(s.seal.sig.key_name(), "s2._domainkey.example.net");
    EXPECT_EQ(s.seal.field_index, 0);
    EXPECT_EQ(s.aar.field_index, 2);
}

TEST(ArcParse, GapBetweenInstances) {
    const std::string msg_text = message(set(3, "pass") + set(1, "none"));
    const analysis::Message msg(msg_text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    EXPECT_EQ(codes(chain), (std::vector<std::string>{"instance-gap@2"}));
    EXPECT_EQ(chain.newest_instance(), 3);
    const ArcValidation v = validate_arc(msg, no_keys);
    EXPECT_EQ(v.status, ArcStatus::fail);
    EXPECT_EQ(v.failed_instance, 2);
}

TEST(ArcParse, DuplicateHeaderPointsAtTheSecond) {
    const std::string text = message(set(1, "none") + ams(1, "BBBB"));
    const analysis::Message msg(text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    ASSERT_EQ(codes(chain), (std::vector<std::string>{"duplicate-header@1"}));
    EXPECT_EQ(chain.issues[0].header, ArcHeader::message_signature);
    EXPECT_EQ(at(text, chain.issues[0].span).substr(0, 25), "ARC-Message-Signature: i=");
    EXPECT_EQ(chain.issues[0].span.begin, text.find("ARC-Message-Signature", text.find("ARC-Message-Signature") + 1));
    EXPECT_EQ(validate_arc(msg, no_keys).status, ArcStatus::fail);
}

TEST(ArcParse, MissingHeaderOfASet) {
    const std::string msg_text = message(seal(1, "none") + aar(1));
    const analysis::Message msg(msg_text, Limits{});
    EXPECT_EQ(codes(arc_chain(msg)), (std::vector<std::string>{"missing-header@1"}));
    EXPECT_EQ(arc_chain(msg).issues[0].header, ArcHeader::message_signature);
}

TEST(ArcParse, ChainValidationValuesByPosition) {
    const std::string text = message(set(2, "none") + set(1, "pass"));
    const analysis::Message msg(text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    EXPECT_EQ(codes(chain), (std::vector<std::string>{"invalid-cv@1", "invalid-cv@2"}));
    EXPECT_EQ(at(text, chain.issues[0].span), "cv=pass");
    const std::string bad_text = message(seal(1, "maybe") + ams(1) + aar(1));
    const analysis::Message bad(bad_text, Limits{});
    EXPECT_EQ(codes(arc_chain(bad)), (std::vector<std::string>{"invalid-cv@1"}));
}

TEST(ArcParse, NewestSealWithCvFailEndsValidation) {
    const std::string text = message(set(2, "fail") + set(1, "none"));
    const analysis::Message msg(text, Limits{});
    EXPECT_TRUE(arc_chain(msg).issues.empty());  // not a defect: a verdict (section 5.2 step 2)
    const ArcValidation v = validate_arc(msg, no_keys);
    EXPECT_EQ(v.status, ArcStatus::fail);
    EXPECT_EQ(v.failed_instance, 2);
    EXPECT_EQ(at(text, v.span), "cv=fail");
    // An older set with cv=fail is a defect (step 3).
    const std::string older_text = message(set(2, "pass") + set(1, "fail"));
    const analysis::Message older(older_text, Limits{});
    EXPECT_EQ(codes(arc_chain(older)), (std::vector<std::string>{"invalid-cv@1"}));
}

TEST(ArcParse, SealMustNotHaveH) {
    const std::string text = message(seal(1, "none", "; h=from") + ams(1) + aar(1));
    const analysis::Message msg(text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    ASSERT_EQ(codes(chain), (std::vector<std::string>{"forbidden-tag@1"}));
    EXPECT_EQ(at(text, chain.issues[0].span), "h=from");
}

TEST(ArcParse, UnreadableInstances) {
    for (const std::string& bad : {std::string("i=0"), std::string("i=51"), std::string("i=a"), std::string("i=1 2")}) {
        std::string arc = set(1, "none");
        arc.replace(arc.find("i=1"), 3, bad);  // the seal's
        const std::string text = message(arc);
        const analysis::Message msg(text, Limits{});
        const ArcChain& chain = arc_chain(msg);
        ASSERT_FALSE(chain.issues.empty()) << bad;
        EXPECT_EQ(chain.issues[0].code, "invalid-instance") << bad;
        EXPECT_EQ(at(text, chain.issues[0].span), bad);
        EXPECT_EQ(validate_arc(msg, no_keys).status, ArcStatus::fail) << bad;
    }
    for (const std::string& value :
         {std::string("mx.example.org; i=1; spf=pass"), std::string("i=1 mx.example.org;")}) {
        const std::string text = message(seal(1, "none") + ams(1) + "ARC-Authentication-Results: " + value + "\r\n");
        const analysis::Message msg(text, Limits{});
        EXPECT_EQ(codes(arc_chain(msg)), (std::vector<std::string>{"invalid-instance@0", "missing-header@1"})) << value;
    }
}

TEST(ArcParse, TagDefectsOfAnOlderMessageSignatureDoNotBreakTheChain) {
    std::string old_ams = ams(1);
    old_ams.replace(old_ams.find("bh="), 3, "xh=");
    const std::string msg_text = message(set(2, "pass") + seal(1, "none") + old_ams + aar(1));
    const analysis::Message msg(msg_text, Limits{});
    const ArcChain& chain = arc_chain(msg);
    EXPECT_EQ(codes(chain), (std::vector<std::string>{"missing-tag@1"}));
    EXPECT_EQ(chain.first_breaking_issue(), nullptr);
    std::string new_ams = ams(2);
    new_ams.replace(new_ams.find("bh="), 3, "xh=");
    const std::string newest_text = message(seal(2, "pass") + new_ams + aar(2) + set(1, "none"));
    const analysis::Message newest(newest_text, Limits{});
    ASSERT_NE(arc_chain(newest).first_breaking_issue(), nullptr);
    EXPECT_EQ(arc_chain(newest).first_breaking_issue()->instance, 2);
}

TEST(ArcParse, MessageSignatureMustNotSignTheSeal) {
    std::string a = ams(1);
    a.replace(a.find("h=from:to"), 9, "h=from:arc-seal");
    const std::string text = message(seal(1, "none") + a + aar(1));
    const analysis::Message msg(text, Limits{});
    ASSERT_EQ(codes(arc_chain(msg)), (std::vector<std::string>{"signs-arc-seal@1"}));
    EXPECT_EQ(at(text, arc_chain(msg).issues[0].span), "arc-seal");
}

TEST(ArcParse, AlgorithmOtherThanRsaSha256) {
    std::string a = ams(1);
    a.replace(a.find("rsa-sha256"), 10, "rsa-sha1");
    const std::string msg_text = message(seal(1, "none") + a + aar(1));
    const analysis::Message msg(msg_text, Limits{});
    EXPECT_EQ(codes(arc_chain(msg)), (std::vector<std::string>{"unsupported-algorithm@1"}));
}

// Keys not supplied: neither pass nor fail, and the names are listed.
TEST(ArcValidate, UncheckedNamesTheKeysNotSupplied) {
    const std::string msg_text = message(set(2, "pass") + set(1, "none"));
    const analysis::Message msg(msg_text, Limits{});
    const ArcValidation v = validate_arc(msg, no_keys);
    EXPECT_EQ(v.status, ArcStatus::unchecked) << v.reason;
    EXPECT_EQ(v.keys_not_supplied,
              (std::vector<std::string>{"s1._domainkey.example.org", "s2._domainkey.example.net"}));
    EXPECT_FALSE(v.oldest_pass);
}

// A key DNS says does not exist fails the chain, as on the wire.
TEST(ArcValidate, NonexistentKeyFails) {
    class Nx final : public dns::Source {
    public:
        DnsAnswer lookup(std::string_view, std::string_view) const override { return {DnsStatus::nxdomain, {}}; }
    } nx;
    const std::string msg_text = message(set(1, "none"));
    const analysis::Message msg(msg_text, Limits{});
    const ArcValidation v = validate_arc(msg, no_keys, &nx);
    EXPECT_EQ(v.status, ArcStatus::fail);
    EXPECT_EQ(v.failed_instance, 1);
    EXPECT_NE(v.reason.find("s1._domainkey.example.org"), std::string::npos) << v.reason;
}

TEST(ArcValidate, BodyHashMismatchFailsWithoutKeys) {
    const std::string text = message(set(1, "none")) + "tampered\r\n";
    const analysis::Message msg(text, Limits{});
    const ArcValidation v = validate_arc(msg, no_keys);
    EXPECT_EQ(v.status, ArcStatus::fail);
    EXPECT_EQ(at(text, v.span).substr(0, 3), "bh=");
}

TEST(ArcValidate, SealSignedDataIsTheSetsInOrderRelaxed) {
    const std::string msg_text = message(set(2, "pass") + set(1, "none"));
    const analysis::Message msg(msg_text, Limits{});
    const std::string data = seal_signed_data(msg, arc_chain(msg), 2);
    const std::string hash = body_hash();
    const std::string expected_one =
        "arc-authentication-results:i=1; mx.example.org; spf=pass\r\n"
        "arc-message-signature:i=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1; h=from:to; bh=" +
        hash + "; b=AAAA\r\narc-seal:i=1; a=rsa-sha256; cv=none; d=example.net; s=s2; b=AAAA\r\n";
    EXPECT_EQ(data,
              expected_one +
                  "arc-authentication-results:i=2; mx.example.org; spf=pass\r\n"
                  "arc-message-signature:i=2; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1; h=from:to; bh=" +
                  hash + "; b=AAAA\r\narc-seal:i=2; a=rsa-sha256; cv=pass; d=example.net; s=s2; b=");
}

}  // namespace
}  // namespace inboxlint::arc
