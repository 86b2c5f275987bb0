// The content category of a message, and of each block of it: promotional,
// transactional or neutral, with scores and the signals behind them
// (Gmail: keep promotions out of transactional mail, and send each
// category from its own address).
//
// The model is a weighted vote of signals, each with a name, a weight and
// the bytes where it fired, so that every decision can be explained:
//  - vocabularies (cpp/data/category_*.txt; English, Dutch, German, French,
//    Spanish, Portuguese, Italian), matched on ICU words, case-folded and
//    without accents;
//  - structure: prices, discount percentages, coupon codes, promotional
//    calls to action (button-styled links), product grids (repeated image and
//    price), order/invoice/tracking numbers, one-time codes, password-reset
//    and verification links;
//  - the footer and header of bulk mail: unsubscribe wording, web-version
//    links, large banner images, List-Unsubscribe, List-Id, Precedence: bulk,
//    Feedback-ID and campaign headers. These count for the message only: a
//    receipt may carry a preferences link without any block of it being an
//    advert.
// Only what a reader sees counts: hidden text (preheaders, hidden keyword
// stuffing) and Outlook-only blocks decide nothing. Of a multipart/alternative
// the HTML is read when it parsed, else the plain text.
//
// Blocks are the HTML block-level elements (p, div, td, h1-h6, li, tr,
// table ...) and the paragraphs of text/plain parts. A block is promotional
// when its signals (outside the message-only ones) reach
// block_promotional_score, at least one of them advertises (sale or offer
// wording, a shopping call to action, struck-through prices, a product grid)
// and transactional signals are under a quarter of that. A discount or
// coupon alone is an incentive, not an advert: receipts offering "10% off
// your next purchase" as a thank-you are not flagged (CONT001's
// `count_incentives` option changes that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"

namespace inboxlint::analysis {

enum class ContentCategory : std::uint8_t { neutral, promotional, transactional };

std::string_view to_string(ContentCategory c) noexcept;

enum class SignalKind : std::uint8_t {
    // promotional
    promo_words,
    call_to_action,
    discount,
    coupon,
    incentive_words,
    price,
    struck_price,
    product_grid,
    banner_image,
    unsubscribe_footer,
    web_version,
    list_headers,
    campaign_headers,
    // transactional
    transactional_words,
    account_alert,
    order_number,
    one_time_code,
    account_link,
    count_
};
inline constexpr std::size_t signal_kind_count = static_cast<std::size_t>(SignalKind::count_);

struct SignalKindInfo {
    std::string_view name;  // "discount", "order_number" ...
    ContentCategory leaning = ContentCategory::promotional;
    double cap = 0;             // most this kind adds to one score
    bool advert = false;        // makes a block an advert (see the header comment)
    bool message_only = false;  // counts for the message, never for a block
};

const SignalKindInfo& kind_info(SignalKind kind) noexcept;

struct Signal {
    SignalKind kind = SignalKind::promo_words;
    double weight = 0;
    std::string detail;  // what fired: "50% off", "SAVE20", "shop now", "List-Unsubscribe"
    int entity = 0;      // the part (0 with header: a field of the message header)
    bool header = false;
    Span text;       // header: raw bytes of the field; else a range of msg.body_text(entity)
    Span raw;        // in the message
    int block = -1;  // the innermost block holding it (index into CategoryModel::blocks), -1 for headers
};

struct Scores {
    double promotional = 0;
    double transactional = 0;
    double advert = 0;  // the promotional part that advertises
};

struct Block {
    int entity = 0;
    std::uint32_t element = 0xFFFFFFFFu;  // the HTML element (html::Dom index); none for text paragraphs
    std::string description;              // "<td class=\"promo\">", "paragraph 3"
    Span text;                            // in msg.body_text(entity)
    Span raw;
    int parent = -1;  // the enclosing block, -1 at the top
    Scores scores;    // over the block and everything inside it (capped per kind)
    ContentCategory category = ContentCategory::neutral;
    std::vector<std::size_t> signals;  // indexes into CategoryModel::signals, inside the block
};

struct CategoryModel {
    ContentCategory category = ContentCategory::neutral;
    Scores scores;                // the message (capped per kind)
    std::vector<Signal> signals;  // in order of parts, then position
    std::vector<Block> blocks;    // parents before children
    std::vector<int> read_parts;  // the parts the model read (one of each alternative)
    // The promotional blocks whose enclosing block is not promotional.
    std::vector<std::size_t> promotional_blocks;
    // The same with discounts and coupons counted as adverts.
    std::vector<std::size_t> incentive_blocks;

    // Signal kind names by contribution to the message's category, strongest
    // first ("order_number", "transactional_words", "discount").
    [[nodiscard]] std::vector<std::string> signal_names() const;
};

inline constexpr double message_score = 3;            // needed for a category
inline constexpr double block_promotional_score = 3;  // needed for a promotional block

// The model of a message, computed once and cached.
const CategoryModel& category_model(const Message& msg);

// Whether the content reads as promotional: the plug-in point for
// auth::bulk_assessment (UNSUB rules). The strongest advertising signal, or
// nullptr when the message is not promotional.
const Signal* promotional_evidence(const Message& msg);

}  // namespace inboxlint::analysis
