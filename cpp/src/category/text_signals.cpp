#include "category/text_signals.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"

namespace inboxlint::category {
namespace {

using analysis::SignalKind;

constexpr double discount_weight = 2;
constexpr double coupon_weight = 2.5;
constexpr std::size_t min_numeric_coupon_digits = 6;
constexpr double price_weight = 0.5;
constexpr double one_time_code_weight = 3;
constexpr double reference_weight = 3;
constexpr double text_cta_factor = 0.5;  // a call to action outside a link

// Currency symbols written next to an amount ("£149.00", "12,99 €").
constexpr std::array<std::string_view, 12> currency_symbols{"$", "€", "£", "¥", "₹", "₽",
                                                            "₺", "₩", "₪", "฿", "₫", "₴"};
// Currency codes and names written as words next to an amount ("USD 20", "20 euros").
constexpr std::array<std::string_view, 24> currency_words{
    "usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek", "nok",  "dkk",   "pln",
    "czk", "huf", "brl", "mxn", "inr", "cny", "zar", "kr",  "zł",  "euro", "euros", "dollars",
};
constexpr std::array<std::string_view, 5> percent_words{"percent", "procent", "prozent", "percento", "pourcent"};

// The vocabularies, looked up once (Vocabulary::get takes a lock).
const Vocabulary& vocabulary(std::string_view file) {
    static const std::array<std::pair<std::string_view, const Vocabulary*>, 6> all{{
        {promotional_file, &Vocabulary::get(promotional_file)},
        {transactional_file, &Vocabulary::get(transactional_file)},
        {alerts_file, &Vocabulary::get(alerts_file)},
        {cta_file, &Vocabulary::get(cta_file)},
        {footer_file, &Vocabulary::get(footer_file)},
        {codes_file, &Vocabulary::get(codes_file)},
    }};
    for (const auto& [name, v] : all) {
        if (name == file) return *v;
    }
    return Vocabulary::get(file);
}

bool contains(std::span<const std::string_view> list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Back over one space (ASCII, no-break or narrow no-break) before `pos`.
std::size_t skip_space_back(std::string_view text, std::size_t pos) {
    if (pos >= 1 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) return pos - 1;
    if (pos >= 2 && text.substr(pos - 2, 2) == "\xC2\xA0") return pos - 2;
    if (pos >= 3 && text.substr(pos - 3, 3) == "\xE2\x80\xAF") return pos - 3;
    return pos;
}

std::size_t skip_space_forward(std::string_view text, std::size_t pos) {
    if (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) return pos + 1;
    if (text.substr(pos, 2) == "\xC2\xA0") return pos + 2;
    if (text.substr(pos, 3) == "\xE2\x80\xAF") return pos + 3;
    return pos;
}

// The length of a currency symbol ending at `end` / starting at `begin` (0: none).
std::size_t symbol_ending(std::string_view text, std::size_t end) {
    for (std::string_view s : currency_symbols) {
        if (end >= s.size() && text.substr(end - s.size(), s.size()) == s) return s.size();
    }
    return 0;
}

std::size_t symbol_starting(std::string_view text, std::size_t begin) {
    for (std::string_view s : currency_symbols) {
        if (text.substr(begin, s.size()) == s) return s.size();
    }
    return 0;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return core::is_digit(c); });
}

// The index of the word ending exactly at `end`, or npos.
std::size_t word_ending_at(std::span<const Word> words, std::size_t end) {
    const auto it =
        std::lower_bound(words.begin(), words.end(), end, [](const Word& w, std::size_t e) { return w.range.end < e; });
    return it != words.end() && it->range.end == end ? static_cast<std::size_t>(it - words.begin())
                                                     : std::string_view::npos;
}

// The index of the first word starting at or after `pos`.
std::size_t word_from(std::span<const Word> words, std::size_t pos) {
    const auto it = std::lower_bound(words.begin(), words.end(), pos,
                                     [](const Word& w, std::size_t p) { return w.range.begin < p; });
    return static_cast<std::size_t>(it - words.begin());
}

// `ranges` sorted and not overlapping.
bool overlaps(const std::vector<Span>& ranges, Span r) {
    const auto it =
        std::upper_bound(ranges.begin(), ranges.end(), r.begin, [](std::size_t b, const Span& s) { return b < s.end; });
    return it != ranges.end() && it->begin < r.end;
}

void add(std::vector<Found>& out, SignalKind kind, double weight, std::string_view text, Span range) {
    out.push_back({kind, weight, excerpt(text, range), range});
}

Span words_range(std::span<const Word> words, const TermMatch& m) {
    return {words[m.first].range.begin, words[m.first + m.count - 1].range.end};
}

}  // namespace

std::string excerpt(std::string_view text, Span range, std::size_t max_bytes) {
    std::string out;
    bool space = false;
    const std::string_view piece = text.substr(std::min(range.begin, text.size()), range.size());
    for (std::size_t i = 0; i < piece.size(); ++i) {
        const bool blank =
            core::is_wsp(piece[i]) || piece[i] == '\n' || piece[i] == '\r' || piece.substr(i, 2) == "\xC2\xA0";
        if (blank) {
            space = !out.empty();
            if (piece[i] == '\xC2') ++i;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += piece[i];
    }
    if (out.size() > max_bytes) {
        std::size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "...";
    }
    return out;
}

TermMatch call_to_action_at_start(std::span<const Word> words) { return vocabulary(cta_file).match_at(words, 0); }

void vocabulary_signals(std::string_view text, std::span<const Word> words, const TextOptions& options,
                        std::vector<Found>& out) {
    std::vector<Span> promotional;  // promotional wording: a call to action there is the same evidence
    const auto each = [&](std::string_view file, SignalKind kind) {
        for (const TermMatch& m : vocabulary(file).find_all(words)) {
            add(out, kind, m.term->weight, text, words_range(words, m));
            if (kind == SignalKind::promo_words) promotional.push_back(words_range(words, m));
        }
    };
    each(promotional_file, SignalKind::promo_words);
    each(transactional_file, SignalKind::transactional_words);
    each(alerts_file, SignalKind::account_alert);
    for (const TermMatch& m : vocabulary(footer_file).find_all(words)) {
        const SignalKind kind = m.term->role == "web" ? SignalKind::web_version : SignalKind::unsubscribe_footer;
        add(out, kind, m.term->weight, text, words_range(words, m));
    }
    for (const TermMatch& m : vocabulary(codes_file).find_all(words)) {
        if (m.term->role == "coupon")
            add(out, SignalKind::incentive_words, m.term->weight, text, words_range(words, m));
    }
    // Calls to action in running text: phrases only ("shop now", not "shop"),
    // and not in link text, which counts as a link.
    for (const TermMatch& m : vocabulary(cta_file).find_all(words)) {
        const Span range = words_range(words, m);
        if (m.count < 2 || overlaps(options.link_ranges, range) || overlaps(promotional, range)) continue;
        add(out, SignalKind::call_to_action, m.term->weight * text_cta_factor, text, range);
    }
}

void price_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (w.kind != WordKind::number || !w.has_digit) continue;
        Span range = w.range;
        const std::size_t before = skip_space_back(text, w.range.begin);
        const std::size_t after = skip_space_forward(text, w.range.end);
        if (const std::size_t n = symbol_ending(text, before); n > 0) {
            range.begin = before - n;
        } else if (const std::size_t m = symbol_starting(text, after); m > 0) {
            range.end = after + m;
        } else if (i > 0 && words[i - 1].range.end == before && before != w.range.begin &&
                   contains(currency_words, words[i - 1].folded)) {
            range.begin = words[i - 1].range.begin;
        } else if (i + 1 < words.size() && words[i + 1].range.begin == after && after != w.range.end &&
                   contains(currency_words, words[i + 1].folded)) {
            range.end = words[i + 1].range.end;
        } else {
            continue;
        }
        add(out, SignalKind::price, price_weight, text, range);
    }
}

namespace {

// Where a percentage's number starts and its sign ends, for the '%' (or
// "percent") at [at, at_end).
void discount_at(std::string_view text, std::span<const Word> words, std::size_t at, std::size_t at_end,
                 std::vector<Found>& out) {
    const std::size_t n = word_ending_at(words, skip_space_back(text, at));
    if (n == std::string_view::npos || words[n].kind != WordKind::number) return;
    const Vocabulary& codes = vocabulary(codes_file);
    Span range{words[n].range.begin, at_end};
    const std::size_t b = range.begin;
    const bool minus = (b >= 1 && text[b - 1] == '-' && (b < 2 || !core::is_alnum(text[b - 2]))) ||
                       (b >= 3 && (text.substr(b - 3, 3) == "\xE2\x88\x92" || text.substr(b - 3, 3) == "\xE2\x80\x93"));
    // "-30%" is a discount; "-5.35%" is a statistic.
    const std::string_view number = text.substr(b, words[n].range.size());
    const bool whole = all_digits(number) && number.size() <= 2;
    bool discount = minus && whole;
    if (discount) range.begin = text[b - 1] == '-' ? b - 1 : b - 3;
    if (!discount && n > 0 && words[n].range.begin - words[n - 1].range.end <= 3) {
        if (const TermMatch m = codes.match_ending(words, n - 1, "discount-before"); m.term) {
            discount = true;
            range.begin = words[m.first].range.begin;
        }
    }
    const std::size_t k = word_from(words, at_end);
    if (k < words.size() && words[k].range.begin - at_end <= 3) {
        if (const TermMatch m = codes.match_at(words, k, "discount-after"); m.term) {
            discount = true;
            range.end = words[m.first + m.count - 1].range.end;
        }
    }
    if (discount) add(out, SignalKind::discount, discount_weight, text, range);
}

}  // namespace

void discount_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] == '%') discount_at(text, words, at, at + 1, out);
        if (text.substr(at, 3) == "\xEF\xBC\x85") discount_at(text, words, at, at + 3, out);  // fullwidth %
    }
    for (const Word& w : words) {
        if (contains(percent_words, w.folded)) discount_at(text, words, w.range.begin, w.range.end, out);
    }
}

namespace {

// A coupon code among the `count` words after words[from]: capitals with
// digits, or five capitals or more ("SAVE20", "WELCOME").
std::size_t coupon_token(std::span<const Word> words, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < words.size() && i < from + count; ++i) {
        const Word& w = words[i];
        const std::size_t size = w.range.size();
        if ((w.upper || all_digits(w.folded)) && size >= 4 && size <= 20 && (w.has_digit || size >= 5)) return i;
    }
    return std::string_view::npos;
}

// A one-time code at words[i] (and words[i + 1] when it is split "730 215"):
// 4 to 8 digits standing alone. Returns the index of its last word, or npos.
std::size_t one_time_code(std::string_view text, std::span<const Word> words, std::size_t i) {
    const Word& w = words[i];
    if (!all_digits(w.folded)) return std::string_view::npos;
    std::size_t last = i;
    std::size_t digits = w.folded.size();
    if (i + 1 < words.size() && all_digits(words[i + 1].folded) && words[i + 1].range.begin == w.range.end + 1 &&
        (text[w.range.end] == ' ' || text[w.range.end] == '-') && digits >= 3 && digits <= 4 &&
        words[i + 1].folded.size() >= 3 && words[i + 1].folded.size() <= 4) {
        last = i + 1;
        digits += words[i + 1].folded.size();
    }
    if (digits < 4 || digits > 8) return std::string_view::npos;
    if (digits == 4 && last == i && (w.folded.starts_with("19") || w.folded.starts_with("20"))) {
        return std::string_view::npos;  // a year
    }
    const std::size_t b = w.range.begin;
    const std::size_t e = words[last].range.end;
    const char before = b > 0 ? text[b - 1] : ' ';
    const char after = e < text.size() ? text[e] : ' ';
    if (std::string_view("0123456789.,:/-+#").find(before) != std::string_view::npos) return std::string_view::npos;
    if (core::is_alnum(after) || std::string_view(":/%").find(after) != std::string_view::npos) {
        return std::string_view::npos;
    }
    if ((after == '.' || after == ',') && e + 1 < text.size() && core::is_digit(text[e + 1])) {
        return std::string_view::npos;
    }
    const std::size_t back = skip_space_back(text, b);
    if (back != b && back > 0 && core::is_digit(text[back - 1])) return std::string_view::npos;  // "+31 6 1234 5678"
    if (symbol_ending(text, back) > 0 || symbol_starting(text, skip_space_forward(text, e)) > 0) {
        return std::string_view::npos;  // a price
    }
    return last;
}

}  // namespace

void code_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out) {
    const Vocabulary& codes = vocabulary(codes_file);
    std::vector<TermMatch> otp;
    for (const TermMatch& m : codes.find_all(words)) {
        const std::size_t next = m.first + m.count;
        std::size_t token = std::string_view::npos;
        if (m.term->role == "coupon") token = coupon_token(words, next, 3);
        if (m.term->role == "otp") {
            otp.push_back(m);
            // "use code NEST20": a verb before a bare "code" makes it a coupon.
            if (m.count == 1 && m.first > 0 && codes.match_ending(words, m.first - 1, "code-verb").term) {
                token = coupon_token(words, next, 2);
            }
        }
        // Digits alone are a code only after "coupon code" and the like, and
        // long ("Coupon code: 13448278949"): "code 2" is a step, not a coupon.
        const bool numeric_coupon = token != std::string_view::npos && m.term->role == "coupon" &&
                                    words[token].folded.size() >= min_numeric_coupon_digits;
        if (token != std::string_view::npos && (numeric_coupon || !all_digits(words[token].folded))) {
            add(out, SignalKind::coupon, coupon_weight, text, {words[m.first].range.begin, words[token].range.end});
        }
    }
    if (otp.empty()) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].kind != WordKind::number) continue;
        const std::size_t last = one_time_code(text, words, i);
        if (last == std::string_view::npos) continue;
        // Terms ending in the 6 words before the code or starting in the 3
        // after it (terms do not overlap: at most a few to look at).
        const std::size_t from = i > 12 ? i - 12 : 0;
        auto it = std::lower_bound(otp.begin(), otp.end(), from,
                                   [](const TermMatch& m, std::size_t f) { return m.first < f; });
        bool near = false;
        for (; it != otp.end() && it->first <= last + 3 && !near; ++it) {
            const std::size_t end = it->first + it->count;  // one past the term
            near = (end <= i && end + 6 > i) || (it->first > last && it->first <= last + 3);
        }
        if (near)
            add(out, SignalKind::one_time_code, one_time_code_weight, text,
                {words[i].range.begin, words[last].range.end});
        i = last;
    }
}

namespace {

// An order, invoice or tracking reference starting at `at`: chunks of ASCII
// letters and digits joined by "-", "/", "_", "." or (before digits) a
// space, with at least three digits ("KC-20931", "PP 4418 2290 77",
// "INV-2026-0311"; numbers alone need four). Returns its end, or `at`.
std::size_t reference_end(std::string_view text, std::size_t at) {
    std::size_t pos = at;
    std::size_t digits = 0;
    std::size_t letters = 0;
    bool first = true;
    while (pos < text.size() && core::is_alnum(text[pos])) {
        std::size_t end = pos;
        std::size_t chunk_digits = 0;
        bool lower = false;
        while (end < text.size() && core::is_alnum(text[end])) {
            chunk_digits += core::is_digit(text[end]) ? 1 : 0;
            lower = lower || (text[end] >= 'a' && text[end] <= 'z');
            ++end;
        }
        const std::size_t chunk_letters = end - pos - chunk_digits;
        if (first && chunk_digits == 0 && (lower || chunk_letters > 5)) return at;  // a word, not a reference
        if (!first && chunk_digits == 0 && text[pos - 1] == ' ') break;
        digits += chunk_digits;
        letters += chunk_letters;
        first = false;
        pos = end;
        if (pos + 1 < text.size() && std::string_view("-/_.").find(text[pos]) != std::string_view::npos &&
            core::is_alnum(text[pos + 1])) {
            ++pos;
        } else if (pos + 1 < text.size() && text[pos] == ' ' && core::is_digit(text[pos + 1])) {
            ++pos;
        } else {
            break;
        }
    }
    while (pos > at && !core::is_alnum(text[pos - 1])) --pos;
    const bool enough = letters == 0 ? digits >= 4 : digits >= 3;
    return enough && pos - at >= 4 && pos - at <= 40 ? pos : at;
}

}  // namespace

void reference_signals(std::string_view text, std::span<const Word> words, std::vector<Found>& out) {
    const Vocabulary& codes = vocabulary(codes_file);
    for (const TermMatch& m : codes.find_all(words)) {
        if (m.term->role != "reference") continue;
        std::size_t next = m.first + m.count;
        for (int skipped = 0; skipped < 2 && next < words.size(); ++skipped) {
            const TermMatch n = codes.match_at(words, next, "number");
            if (!n.term) break;
            next += n.count;
        }
        if (next >= words.size()) continue;
        const std::size_t gap_begin = words[next - 1].range.end;
        const std::size_t start = words[next].range.begin;
        const std::string_view gap = text.substr(gap_begin, start - gap_begin);
        const bool plain_gap = gap.size() <= 6 && std::all_of(gap.begin(), gap.end(), [](char c) {
                                   return std::string_view(" \t:#.-\xC2\xA0\xB0\xBA").find(c) != std::string_view::npos;
                               });
        if (!plain_gap) continue;
        const std::size_t end = reference_end(text, start);
        if (end > start) add(out, SignalKind::order_number, reference_weight, text, {words[m.first].range.begin, end});
    }
}

std::vector<Found> text_signals(const Unit& unit, std::span<const Word> words, const TextOptions& options) {
    std::vector<Found> out;
    vocabulary_signals(unit.text, words, options, out);
    price_signals(unit.text, words, out);
    discount_signals(unit.text, words, out);
    code_signals(unit.text, words, out);
    reference_signals(unit.text, words, out);
    return out;
}

}  // namespace inboxlint::category
