// The vocabularies of the content category model, read from the data files
// in cpp/data (category_*.txt, embedded at build time). A line is
//
//   term | weight | language | role
//
// with everything after the term optional (weight 1). A term is split into
// words and folded exactly as message text is (words.hpp), so matching is
// a comparison of folded word sequences; a "*" at the end of the last word
// matches any ending. Lookup is by the first word's hash (computed once per
// word), so matching a text costs a constant per word.
#pragma once

#include <bitset>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "category/words.hpp"

namespace inboxlint::category {

struct Term {
    std::string text;                // as written in the file, without the "*"
    std::vector<std::string> words;  // folded
    double weight = 1;
    std::string language;
    std::string role;
    bool prefix = false;  // the last word matches any word it starts
};

struct TermMatch {
    const Term* term = nullptr;
    std::size_t first = 0;  // index of the first word
    std::size_t count = 0;  // words matched
};

class Vocabulary {
public:
    // The vocabulary of a data file, parsed once (thread-safe).
    static const Vocabulary& get(std::string_view file);
    explicit Vocabulary(const std::vector<std::string>& lines);

    // The longest term that starts at words[at] (term == nullptr if none).
    // With `role`, only terms of that role.
    [[nodiscard]] TermMatch match_at(std::span<const Word> words, std::size_t at, std::string_view role = {}) const;
    // The longest term that ends with words[last] (term == nullptr if none).
    [[nodiscard]] TermMatch match_ending(std::span<const Word> words, std::size_t last,
                                         std::string_view role = {}) const;
    // Every match, left to right, longest first, not overlapping.
    [[nodiscard]] std::vector<TermMatch> find_all(std::span<const Word> words, std::string_view role = {}) const;

    [[nodiscard]] const std::vector<Term>& terms() const noexcept { return terms_; }

private:
    [[nodiscard]] bool matches(const Term& term, std::span<const Word> words, std::size_t at) const;

    std::vector<Term> terms_;
    // Terms by the fold_hash of their first word (matches() compares the
    // words themselves, so a collision costs a comparison, not a match).
    struct KeepHash {
        std::size_t operator()(std::size_t h) const noexcept { return h; }
    };
    std::unordered_map<std::size_t, std::vector<std::size_t>, KeepHash> by_first_;
    // Low bits of those hashes: most words start no term, and one bit test
    // (the set fits in the cache) answers them without the map.
    static constexpr std::size_t filter_bits = std::size_t{1} << 16;
    std::bitset<filter_bits> first_filter_;
    [[nodiscard]] const std::vector<std::size_t>* starting_with(const Word& word) const;
    std::vector<std::size_t> prefixed_;  // one-word terms ending in "*"
    // First bytes of those terms: a word starting with none of them (nearly
    // every word) skips the loop over them. Set whole when one is empty.
    std::bitset<256> prefixed_first_bytes_;
    [[nodiscard]] bool may_start_prefixed(const Word& word) const noexcept;
    std::size_t longest_ = 0;  // words in the longest term
};

}  // namespace inboxlint::category
