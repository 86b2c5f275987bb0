// The content category model on whole messages, CONT001, the category in
// the report (C++, JSON, SARIF) and the promotional evidence the UNSUB rules
// get from it.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <utility>

#include "analysis/category.hpp"
#include "inboxlint/inboxlint.hpp"

namespace inboxlint {
namespace {

using analysis::ContentCategory;

std::string message(const std::string& headers, const std::string& type, const std::string& body) {
    return "From: Shop <orders@shop.example.com>\r\nTo: r@example.org\r\nSubject: Test\r\n"
           "Date: Mon, 09 Mar 2026 10:15:00 +0000\r\nMessage-ID: <m1@shop.example.com>\r\n" +
           headers + "MIME-Version: 1.0\r\nContent-Type: " + type + "\r\n\r\n" + body;
}

const char* const receipt_html =
    "<html><body>"
    "<div style=\"display:none;max-height:0;overflow:hidden\">Flash sale: 50% off everything. Shop now.</div>"
    "<h1>Your order is confirmed</h1><p>Order #KC-20931, total paid £24.70.</p>"
    "<p><a href=\"https://shop.example.com/orders/KC-20931\">Track your order</a></p>"
    "%PROMO%"
    "</body></html>";

std::string receipt(const std::string& promo) {
    std::string html = receipt_html;
    html.replace(html.find("%PROMO%"), 7, promo);
    return message("", "text/html; charset=utf-8", html);
}

const char* const banner =
    "<div class=\"banner\"><h2>20% off your next order</h2><p>Use code SPRING20 on our new arrivals.</p>"
    "<a href=\"https://shop.example.com/new\" style=\"background:#c00;padding:8px\">Shop now</a></div>";

const Finding* first(const Report& report, std::string_view rule) {
    const auto it = std::find_if(report.findings.begin(), report.findings.end(),
                                 [&](const Finding& f) { return f.rule_id == rule; });
    return it == report.findings.end() ? nullptr : &*it;
}

std::string property(const Finding& f, std::string_view name) {
    for (const Property& p : f.properties) {
        if (p.name == name) return p.value;
    }
    return {};
}

TEST(CategoryModel, HiddenPreheaderDecidesNothing) {
    const std::string raw = receipt("");
    const analysis::Message msg(raw, Limits{});
    const analysis::CategoryModel& model = analysis::category_model(msg);
    EXPECT_EQ(model.category, ContentCategory::transactional);
    EXPECT_TRUE(model.promotional_blocks.empty());
    const std::size_t hidden_end = raw.find("</div>");
    for (const analysis::Signal& s : model.signals) {
        EXPECT_GT(s.raw.begin, hidden_end) << "hidden text must not count: " << s.detail;
    }
    EXPECT_DOUBLE_EQ(model.scores.advert, 0);
    const Report report = Linter().lint(raw);
    EXPECT_EQ(report.category.name, "transactional");
    EXPECT_EQ(first(report, "CONT001"), nullptr);
}

TEST(CategoryModel, PromotionalBlockInAReceiptIsReportedAtTheBlock) {
    const std::string raw = receipt(banner);
    const Report report = Linter().lint(raw);
    const Finding* f = first(report, "CONT001");
    ASSERT_NE(f, nullptr);
    const std::size_t begin = raw.find("<div class=\"banner\">");
    EXPECT_EQ(f->location.raw.begin, begin);
    const std::string block = raw.substr(begin, f->location.raw.size());
    EXPECT_TRUE(block.ends_with("Shop now"))
        << "the block runs from its start tag to the end of its last text: " << block;
    ASSERT_TRUE(f->location.decoded.has_value());
    EXPECT_EQ(property(*f, "block"), "<div class=\"banner\">");
    const std::string signals = property(*f, "signals");
    for (const char* kind : {"discount", "coupon", "call_to_action", "promo_words"}) {
        EXPECT_NE(signals.find(kind), std::string::npos) << kind << " in " << signals;
    }
    EXPECT_GE(f->related.size(), 4u);
    for (const RelatedLocation& r : f->related) {
        EXPECT_GE(r.location.raw.begin, begin);
        EXPECT_LE(r.location.raw.end, begin + f->location.raw.size());
    }
    EXPECT_EQ(report.category.name, "transactional");
    EXPECT_GT(report.category.promotional, 3);
}

TEST(CategoryModel, QuotedPrintableBlocksMapToRawBytes) {
    std::string html = std::string(banner);
    // Soft line breaks and an escaped "=" inside the block.
    std::string qp = receipt_html;
    qp.replace(qp.find("%PROMO%"), 7, html);
    std::string encoded;
    for (std::size_t i = 0; i < qp.size(); ++i) {
        if (qp[i] == '=') {
            encoded += "=3D";
        } else {
            encoded += qp[i];
        }
        if (i % 60 == 59) encoded += "=\r\n";
    }
    const std::string raw =
        message("Content-Transfer-Encoding: quoted-printable\r\n", "text/html; charset=utf-8", encoded);
    const Report report = Linter().lint(raw);
    const Finding* f = first(report, "CONT001");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(raw.substr(f->location.raw.begin, 4), "<div");
    EXPECT_NE(raw.substr(f->location.raw.begin, f->location.raw.size()).find("=\r\n"), std::string::npos);
}

TEST(CategoryModel, PlainTextReceiptWithUpsellParagraph) {
    const std::string text =
        "Your order KC-20931 is confirmed. Total paid: 24.70 EUR.\r\n\r\n"
        "Summer sale: 30% off all bread with code SUN30. Shop now at https://shop.example.com/sale\r\n\r\n"
        "Collect on Saturday.\r\n";
    const std::string raw = message("", "text/plain; charset=utf-8", text);
    const Report report = Linter().lint(raw);
    const Finding* f = first(report, "CONT001");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(raw.substr(f->location.raw.begin, f->location.raw.size()),
              "Summer sale: 30% off all bread with code SUN30. Shop now at https://shop.example.com/sale");
    EXPECT_EQ(property(*f, "block"), "paragraph 2");
}

TEST(CategoryModel, AlternativesReadTheHtmlOnlyAndAttachmentsNever) {
    const std::string raw =
        message("", "multipart/mixed; boundary=b1",
                "--b1\r\nContent-Type: multipart/alternative; boundary=b2\r\n\r\n"
                "--b2\r\nContent-Type: text/plain\r\n\r\nFlash sale! 50% off. Shop now.\r\n"
                "--b2\r\nContent-Type: text/html\r\n\r\n<p>Your password was changed. If this wasn't you, reset your "
                "password.</p>\r\n--b2--\r\n"
                "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nBuy now! "
                "Clearance sale!\r\n--b1--\r\n");
    const analysis::Message msg(raw, Limits{});
    const analysis::CategoryModel& model = analysis::category_model(msg);
    ASSERT_EQ(model.read_parts.size(), 1u);
    EXPECT_EQ(msg.entity(model.read_parts[0]).media_type, "text/html");
    EXPECT_EQ(model.category, ContentCategory::transactional);
    EXPECT_DOUBLE_EQ(model.scores.promotional, 0);
}

TEST(CategoryModel, NewsletterIsPromotionalFromFooterAndHeaders) {
    const std::string raw = message(
        "List-Id: News <news.shop.example.com>\r\nList-Unsubscribe: <https://shop.example.com/u>\r\n",
        "text/html; charset=utf-8",
        "<p>Five ridge walks for shorter days.</p><p><a href=\"https://shop.example.com/u\">Unsubscribe</a></p>");
    const Report report = Linter().lint(raw);
    EXPECT_EQ(report.category.name, "promotional");
    ASSERT_FALSE(report.category.signals.empty());
    EXPECT_TRUE(std::find(report.category.signals.begin(), report.category.signals.end(), "unsubscribe_footer") !=
                report.category.signals.end());
    EXPECT_EQ(first(report, "CONT001"), nullptr);
}

TEST(CategoryModel, DiscussionListPostsNeedMoreThanTheirFooters) {
    const std::string raw = message(
        "List-Id: <users.lists.example.org>\r\nList-Post: <mailto:users@lists.example.org>\r\n"
        "List-Unsubscribe: <mailto:users-leave@lists.example.org>\r\nPrecedence: bulk\r\n",
        "text/plain",
        "Does anyone know how to fix the build? Thanks.\r\n\r\n--\r\nTo unsubscribe, write to "
        "users-leave@lists.example.org\r\n");
    const Report report = Linter().lint(raw);
    EXPECT_EQ(report.category.name, "neutral");
    EXPECT_EQ(first(report, "UNSUB006"), nullptr);
}

TEST(CategoryModel, ContentPromotionalMailNeedsListUnsubscribe) {
    const std::string promo =
        message("", "text/html; charset=utf-8",
                "<h1>Flash sale: 40% off everything</h1><p>Free shipping, today only.</p>"
                "<a href=\"https://shop.example.com/sale\" style=\"background:#000\">Shop now</a>");
    const Report report = Linter().lint(promo);
    EXPECT_EQ(report.category.name, "promotional");
    const Finding* f = first(report, "UNSUB001");
    ASSERT_NE(f, nullptr) << "promotional content is bulk mail: List-Unsubscribe is required";
    EXPECT_NE(property(*f, "signal").find("promotional content"), std::string::npos);
    EXPECT_EQ(first(Linter().lint(receipt("")), "UNSUB001"), nullptr);
}

TEST(CategoryReport, JsonAndSarifCarryTheCategory) {
    const std::string raw = receipt(banner);
    const Report report = Linter().lint(raw);
    const std::string json = format_json({"r.eml", raw, &report});
    EXPECT_NE(json.find("\"category\":{\"name\":\"transactional\",\"promotional\":"), std::string::npos) << json;
    EXPECT_LT(json.find("\"summary\""), json.find("\"category\""));
    EXPECT_LT(json.find("\"category\""), json.find("\"findings\""));
    const std::string sarif = format_sarif({{"r.eml", raw, &report}});
    EXPECT_NE(sarif.find("\"category\": \"transactional\""), std::string::npos);
    EXPECT_NE(sarif.find("\"promotionalScore\""), std::string::npos);
    EXPECT_NE(sarif.find("\"categorySignals\""), std::string::npos);
}

TEST(CategoryReport, SameInputSameCategory) {
    const std::string raw = receipt(banner);
    const Report a = Linter().lint(raw);
    const Report b = Linter().lint(raw);
    EXPECT_EQ(a.category.name, b.category.name);
    EXPECT_EQ(a.category.signals, b.category.signals);
    EXPECT_DOUBLE_EQ(a.category.promotional, b.category.promotional);
}

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The least CPU time of a few runs of the model (a fresh message each time).
double model_seconds(const std::string& raw) {
    double best = 1e300;
    for (int round = 0; round < 3; ++round) {
        const double start = thread_cpu_seconds();
        const analysis::Message msg(raw, Limits{});
        EXPECT_LE(analysis::category_model(msg).signals.size(), 5000u);
        best = std::min(best, thread_cpu_seconds() - start);
    }
    return best;
}

// Signal-dense text in one block: every word a signal, one-time codes next
// to code words, links and prices in one paragraph. Four times the input
// must take about four times as long (bound: 8 times plus 20 ms).
TEST(CategoryModel, LinearTimeOnSignalDenseInput) {
    const std::string piece = "Use code SAVE20 or code 123456, order #AB-1234, 20% off \u00a35, shop now! ";
    const std::string link = "<a href=\"https://x.example/reset\" style=\"background:#000\">Shop now</a> \u00a39 ";
    for (const auto& [type, unit] : {std::pair<std::string, std::string>{"text/plain", piece},
                                     std::pair<std::string, std::string>{"text/html", link + piece}}) {
        const auto make = [&](std::size_t n) {
            std::string body = type == "text/html" ? "<p>" : "";
            for (std::size_t i = 0; i < n; ++i) body += unit;
            return message("", type + "; charset=utf-8", body);
        };
        const double small = model_seconds(make(2000));
        const double large = model_seconds(make(8000));
        EXPECT_LE(large, 8 * small + 0.02) << type << ": " << small << " s, then " << large << " s";
    }
}

// A welcome mail with an advert section up to twice as strong as the
// welcome is judged by the welcome: the section is set aside for the
// decision (without, the advert outweighs it) and reported by CONT001.
TEST(CategoryModel, WelcomeWithAdvertSectionIsTransactionalAndMixed) {
    const std::string html =
        "<table><tr><td><h1>Welcome to Example Shop</h1><p>Thanks for signing up. Activate your account to "
        "finish: <a href=\"https://shop.example.com/start\">Activate account</a></p></td></tr>"
        "<tr><td><h2>New arrivals: 30% off this week</h2><p>A limited time offer.</p>"
        "<a href=\"https://shop.example.com/new\" style=\"background:#c00;padding:8px\">Shop now</a></td></tr>"
        "</table>";
    const Report report = Linter().lint(message("", "text/html; charset=utf-8", html));
    EXPECT_EQ(report.category.name, "transactional") << report.category.promotional << " "
                                                     << report.category.transactional;
    EXPECT_NE(first(report, "CONT001"), nullptr);
}

// A newsletter whose footer speaks of logins and subscriptions is no
// receipt: its ads are the message, not sections of it.
TEST(CategoryModel, NewsletterWithLoginFooterStaysPromotional) {
    const std::string html =
        "<table><tr><td><h2>Summer sale: up to 50% off</h2><p>Limited time offer. Shop now and save.</p>"
        "<a href=\"https://shop.example.com/sale\" style=\"background:#c00;padding:8px\">Shop now</a></td></tr>"
        "<tr><td><h2>Special offer: buy one, get one free</h2><p>Order today, while stocks last.</p>"
        "<a href=\"https://shop.example.com/bogo\" style=\"background:#c00;padding:8px\">Buy now</a></td></tr>"
        "<tr><td><p>Forgot your password? Log in with your username to manage your account and your "
        "subscription.</p></td></tr></table>";
    const Report report = Linter().lint(message("", "text/html; charset=utf-8", html));
    EXPECT_EQ(report.category.name, "promotional");
    EXPECT_EQ(first(report, "CONT001"), nullptr);
}

// The subject is read with the body's vocabulary.
TEST(CategoryModel, SubjectCountsAsEvidence) {
    std::string raw = message("", "text/plain; charset=utf-8", "Hello Kim,\r\n\r\nthanks, it is on its way.\r\n");
    const Report plain = Linter().lint(raw);
    raw.replace(raw.find("Subject: Test"), 13, "Subject: Your order has shipped: tracking number inside");
    const Report with_subject = Linter().lint(raw);
    EXPECT_GT(with_subject.category.transactional, plain.category.transactional);
    EXPECT_EQ(with_subject.category.name, "transactional");
}

}  // namespace
}  // namespace inboxlint
