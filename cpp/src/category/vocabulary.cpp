#include "category/vocabulary.hpp"

#include <charconv>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/ascii.hpp"
#include "core/data_files.hpp"

namespace inboxlint::category {
namespace {

std::vector<std::string_view> fields_of(std::string_view line) {
    std::vector<std::string_view> fields;
    while (true) {
        const std::size_t bar = line.find('|');
        fields.push_back(core::trim(line.substr(0, bar)));
        if (bar == std::string_view::npos) break;
        line = line.substr(bar + 1);
    }
    return fields;
}

// A line as a term; a term without words (only punctuation) is dropped.
bool parse_term(std::string_view line, Term& term) {
    const std::vector<std::string_view> fields = fields_of(line);
    std::string_view text = fields[0];
    if (text.ends_with('*')) {
        term.prefix = true;
        text.remove_suffix(1);
    }
    term.text = std::string(text);
    for (const Word& w : split_words(text)) term.words.push_back(w.folded);
    if (fields.size() > 1 && !fields[1].empty()) {
        double weight = 1;
        const auto [end, error] = std::from_chars(fields[1].data(), fields[1].data() + fields[1].size(), weight);
        if (error == std::errc() && end == fields[1].data() + fields[1].size() && weight >= 0) term.weight = weight;
    }
    if (fields.size() > 2) term.language = std::string(fields[2]);
    if (fields.size() > 3) term.role = std::string(fields[3]);
    return !term.words.empty();
}

}  // namespace

const Vocabulary& Vocabulary::get(std::string_view file) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Vocabulary>, std::less<>> cache;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(file);
    if (it == cache.end()) {
        it = cache.emplace(std::string(file), std::make_unique<Vocabulary>(core::data_lines(file))).first;
    }
    return *it->second;
}

Vocabulary::Vocabulary(const std::vector<std::string>& lines) {
    std::set<std::pair<std::vector<std::string>, std::string>> seen;  // the same term twice: the first wins
    for (const std::string& line : lines) {
        Term term;
        if (!parse_term(line, term) || !seen.insert({term.words, term.role}).second) continue;
        const std::size_t index = terms_.size();
        longest_ = std::max(longest_, term.words.size());
        if (term.prefix && term.words.size() == 1) {
            prefixed_.push_back(index);
            const std::string& word = term.words.front();
            if (word.empty()) {
                prefixed_first_bytes_.set();
            } else {
                prefixed_first_bytes_.set(static_cast<unsigned char>(word.front()));
            }
        } else {
            const std::size_t hash = fold_hash(term.words.front());
            by_first_[hash].push_back(index);
            first_filter_.set(hash % filter_bits);
        }
        terms_.push_back(std::move(term));
    }
}

bool Vocabulary::matches(const Term& term, std::span<const Word> words, std::size_t at) const {
    if (at + term.words.size() > words.size()) return false;
    for (std::size_t i = 0; i < term.words.size(); ++i) {
        const std::string& want = term.words[i];
        const std::string& have = words[at + i].folded;
        const bool last = i + 1 == term.words.size();
        if (last && term.prefix ? !have.starts_with(want) : have != want) return false;
    }
    return true;
}

const std::vector<std::size_t>* Vocabulary::starting_with(const Word& word) const {
    if (!first_filter_.test(word.hash % filter_bits)) return nullptr;
    const auto it = by_first_.find(word.hash);
    return it == by_first_.end() ? nullptr : &it->second;
}

bool Vocabulary::may_start_prefixed(const Word& word) const noexcept {
    if (word.folded.empty()) return prefixed_first_bytes_.all();
    return prefixed_first_bytes_.test(static_cast<unsigned char>(word.folded.front()));
}

TermMatch Vocabulary::match_at(std::span<const Word> words, std::size_t at, std::string_view role) const {
    TermMatch best;
    best.first = at;
    if (at >= words.size()) return best;
    const auto consider = [&](std::size_t index) {
        const Term& term = terms_[index];
        if (!role.empty() && term.role != role) return;
        if (term.words.size() > best.count && matches(term, words, at)) {
            best.term = &term;
            best.count = term.words.size();
        }
    };
    if (const auto* indices = starting_with(words[at])) {
        for (std::size_t index : *indices) consider(index);
    }
    if (may_start_prefixed(words[at])) {
        for (std::size_t index : prefixed_) consider(index);
    }
    return best;
}

TermMatch Vocabulary::match_ending(std::span<const Word> words, std::size_t last, std::string_view role) const {
    TermMatch best;
    if (last >= words.size()) return best;
    const std::size_t lowest = last + 1 >= longest_ ? last + 1 - longest_ : 0;
    for (std::size_t start = lowest; start <= last; ++start) {
        const std::size_t wanted = last - start + 1;
        if (wanted <= best.count) break;
        const auto consider = [&](std::size_t index) {
            const Term& term = terms_[index];
            if ((!role.empty() && term.role != role) || term.words.size() != wanted) return;
            if (matches(term, words, start)) best = {&term, start, wanted};
        };
        if (const auto* indices = starting_with(words[start])) {
            for (std::size_t index : *indices) consider(index);
        }
        if (wanted == 1 && may_start_prefixed(words[start])) {
            for (std::size_t index : prefixed_) consider(index);
        }
        if (best.term != nullptr) break;
    }
    return best;
}

std::vector<TermMatch> Vocabulary::find_all(std::span<const Word> words, std::string_view role) const {
    std::vector<TermMatch> out;
    for (std::size_t at = 0; at < words.size();) {
        // Most words start no term: two bit tests say so without a call.
        if (!first_filter_.test(words[at].hash % filter_bits) && !may_start_prefixed(words[at])) {
            ++at;
            continue;
        }
        const TermMatch m = match_at(words, at, role);
        if (m.term == nullptr) {
            ++at;
            continue;
        }
        out.push_back(m);
        at += m.count;
    }
    return out;
}

}  // namespace inboxlint::category
