// The signals of the content category model that text alone shows:
// vocabulary (promotional, transactional, account alerts, unsubscribe and
// web-version footers, calls to action), prices, discount percentages,
// coupon codes, one-time codes and order/invoice/tracking references.
// Each is found in one unit of text (units.hpp) and located in it.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/category.hpp"
#include "category/units.hpp"
#include "category/vocabulary.hpp"
#include "category/words.hpp"

namespace inboxlint::category {

// The vocabulary files (cpp/data).
inline constexpr std::string_view promotional_file = "category_promotional.txt";
inline constexpr std::string_view transactional_file = "category_transactional.txt";
inline constexpr std::string_view alerts_file = "category_account_alerts.txt";
inline constexpr std::string_view cta_file = "category_cta.txt";
inline constexpr std::string_view footer_file = "category_footer.txt";
inline constexpr std::string_view codes_file = "category_codes.txt";

// A signal found in a unit: `range` is in the unit's text.
struct Found {
    analysis::SignalKind kind = analysis::SignalKind::promo_words;
    double weight = 0;
    std::string detail;
    Span range;
};

// Ranges of the unit's text that are link text (HTML): calls to action there
// are weighed by html_signals.hpp, as links.
struct TextOptions {
    std::vector<Span> link_ranges;  // sorted
};

std::vector<Found> text_signals(const Unit& unit, std::span<const Word> words, const TextOptions& options);

// The pieces, for tests.
void vocabulary_signals(std::string_view text, std::span<const Word> words, const TextOptions& options,
                        std::vector<Found>& out);
void price_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out);
void discount_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out);
void code_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out);
void reference_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out);

// The text of a range with white space collapsed, at most `max_bytes` long.
std::string excerpt(std::string_view text, Span range, std::size_t max_bytes = 80);

// A call to action at the start of a link's text: the term, or nullptr.
TermMatch call_to_action_at_start(std::span<const Word> words);

}  // namespace inboxlint::category
