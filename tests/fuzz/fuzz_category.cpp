// libFuzzer target: the content category model on arbitrary bytes: the word
// breaker (on ASCII, compared with ICU's) and the text signal scanners on
// the bytes as one unit of text, then the whole model on the bytes as an
// HTML part and as a text/plain part (units, vocabularies, links, grids,
// blocks), and the batch input reader on the bytes as a message. Checks
// that every range stays inside its text and that blocks nest.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/category.hpp"
#include "category/text_signals.hpp"
#include "category/units.hpp"
#include "category/words.hpp"
#include "inboxlint/batch.hpp"

namespace {

using namespace inboxlint;

void check_model(const std::string& raw) {
    Limits limits;
    limits.max_html_nodes = 20000;
    const analysis::Message msg(raw, limits);
    const analysis::CategoryModel& model = analysis::category_model(msg);
    for (const analysis::Signal& s : model.signals) {
        if (s.raw.begin > s.raw.end || s.raw.end > raw.size() || s.text.begin > s.text.end) __builtin_trap();
        if (s.block >= static_cast<int>(model.blocks.size())) __builtin_trap();
    }
    for (std::size_t i = 0; i < model.blocks.size(); ++i) {
        const analysis::Block& b = model.blocks[i];
        if (b.parent >= static_cast<int>(i) || b.raw.end > raw.size() || b.text.begin > b.text.end) __builtin_trap();
    }
    for (std::size_t b : model.promotional_blocks) {
        if (b >= model.blocks.size()) __builtin_trap();
    }
}

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// ASCII text is broken without ICU; ICU must agree.
void check_same_words(const std::vector<category::Word>& mine, const std::vector<category::Word>& icu) {
    if (mine.size() != icu.size()) __builtin_trap();
    for (std::size_t i = 0; i < mine.size(); ++i) {
        if (mine[i].range.begin != icu[i].range.begin || mine[i].range.end != icu[i].range.end) __builtin_trap();
        if (mine[i].kind != icu[i].kind) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    category::Unit unit;
    unit.text = std::string(text);
    unit.range = {0, size};
    unit.runs.push_back({0, size, {0, size}, true, html::no_node});
    const std::vector<category::Word> words = category::split_words(text);
    for (const category::Word& w : words) {
        if (w.range.begin >= w.range.end || w.range.end > size) __builtin_trap();
    }
    if (is_ascii(text)) check_same_words(words, category::split_words_with_icu(text));
    for (const category::Found& f : category::text_signals(unit, words, {})) {
        if (f.range.begin > f.range.end || f.range.end > size) __builtin_trap();
        const Span s = unit.to_source(f.range);
        if (s.begin > s.end || s.end > size) __builtin_trap();
    }
    const std::string head = "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: ";
    check_model(head + "text/html; charset=utf-8\r\n\r\n" + std::string(text));
    check_model(head + "text/plain; charset=utf-8\r\n\r\n" + std::string(text));
    const BatchMessage m = batch_message("fuzz", text, Report{});
    if (m.from_location.raw.end > size) __builtin_trap();
    return 0;
}
