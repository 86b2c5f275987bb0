#include "html/intent.hpp"

#include "html/template_logic.hpp"

#include <algorithm>

#include "html/words.hpp"

namespace inboxlint::html {

std::string_view intent_name(Intent i) noexcept {
    switch (i) {
        case Intent::preheader:
            return "preheader";
        case Intent::responsive:
            return "responsive";
        case Intent::deceptive:
            return "deceptive";
        case Intent::stuffing:
            return "stuffing";
    }
    return "?";
}

namespace {

constexpr std::size_t max_text_bytes = 1000;
constexpr std::size_t min_spacer_fillers = 5;

// A hidden text of at most three words that all carry digits: the unique
// ids and timestamps some senders hide so that Gmail does not collapse
// repeated footers. Not content anyone is meant to read.
bool token_like(const std::vector<std::string>& words) {
    if (words.empty() || words.size() > 3) return false;
    return std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
}

void append_text(std::string& text, std::string_view more) {
    if (more.empty() || text.size() >= max_text_bytes) return;
    if (!text.empty()) text.push_back(' ');
    text += normalize_text(more, max_text_bytes - std::min(text.size(), max_text_bytes));
}

class Classifier {
public:
    Classifier(const Dom& dom, const StyleResult& styles, std::string_view text)
        : dom_(dom), styles_(styles), text_(text) {}

    Intents run() {
        for (const ImageStyle& img : styles_.images) {
            if (img.visible && !img.pixel) ++out_.visible_images;
            if (img.pixel) ++out_.pixel_images;
        }
        for (const TextStyle& t : styles_.texts) text(t);
        assign_intents();
        return std::move(out_);
    }

private:
    void text(const TextStyle& t);
    void low_contrast(const TextStyle& t, const Node& n, std::size_t words);
    void assign_intents();
    void merge_preheader();

    // A text node's bytes without the white space around them.
    [[nodiscard]] Span trimmed(const Node& n) const;

    const Dom& dom_;
    const StyleResult& styles_;
    std::string_view text_;
    Intents out_;
    bool open_hidden_ = false;
    bool open_contrast_ = false;
    std::vector<std::vector<std::string>> block_words_;  // per hidden block
    std::vector<bool> block_shown_;
};

Span Classifier::trimmed(const Node& n) const {
    Span s = n.span;
    if (s.end > text_.size()) return s;
    auto space = [&](std::size_t i) {
        const char c = text_[i];
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    };
    while (s.begin < s.end && space(s.begin)) ++s.begin;
    while (s.end > s.begin && space(s.end - 1)) --s.end;
    return s;
}

void Classifier::text(const TextStyle& t) {
    const Node& n = dom_.nodes[t.node];
    if (n.kind != NodeKind::text) return;
    if (!t.visible && t.technique == Technique::not_rendered) return;
    const WordStats ws = word_stats(n.text());
    if (n.has(flag_outlook_only)) {
        out_.outlook_only_words += ws.words;
        return;
    }
    if (t.visible) {
        if (ws.words == 0) return;
        if (out_.first_visible_text == no_node) out_.first_visible_text = t.node;
        out_.first_visible_offset = std::min(out_.first_visible_offset, trimmed(n).begin);
        out_.visible_words += ws.words;
        open_hidden_ = false;
        low_contrast(t, n, ws.words);
        return;
    }
    open_contrast_ = false;
    // "{% for item in order.items %}" in a font-size:0 layout cell of an
    // unrendered template is logic the ESP renders away, not hidden text.
    if (ws.words > 0 && only_template_logic(n.text())) return;
    if (ws.words == 0) {
        // Padding after a preheader (the "&zwnj;&nbsp;" spacer) belongs to it;
        // a lone &nbsp; in a hidden layout cell does not.
        if (ws.fillers >= min_spacer_fillers && out_.first_visible_text == no_node && !out_.hidden.empty() &&
            !block_shown_.back()) {
            out_.hidden.back().range.end = std::max(out_.hidden.back().range.end, trimmed(n).end);
            out_.hidden.back().fillers += ws.fillers;
        }
        return;
    }
    out_.hidden_words += ws.words;
    HiddenBlock* block = open_hidden_ ? &out_.hidden.back() : nullptr;
    if (block == nullptr || block->element != t.element || block->technique != t.technique ||
        block_shown_.back() != t.shown_in_view) {
        HiddenBlock& b = out_.hidden.emplace_back();
        b.technique = t.technique;
        b.element = t.element;
        b.declaration = t.declaration;
        b.range = trimmed(n);
        if (t.shown_in_view && t.view < styles_.views.size()) b.view = styles_.views[t.view];
        block_words_.emplace_back();
        block_shown_.push_back(t.shown_in_view);
        block = &b;
        open_hidden_ = true;
    }
    block->range.end = std::max(block->range.end, trimmed(n).end);
    block->words += ws.words;
    block->fillers += ws.fillers;
    block->nodes.push_back(t.node);
    append_text(block->text, n.text());
    append_words(n.text(), block_words_.back());
}

void Classifier::low_contrast(const TextStyle& t, const Node& n, std::size_t words) {
    if (!t.background_known || t.contrast >= low_contrast_ratio) {
        open_contrast_ = false;
        return;
    }
    LowContrastBlock* block = open_contrast_ ? &out_.low_contrast.back() : nullptr;
    if (block == nullptr || block->element != t.color_element) {
        LowContrastBlock& b = out_.low_contrast.emplace_back();
        b.element = t.color_element;
        b.declaration = t.color_declaration;
        b.range = trimmed(n);
        b.contrast = t.contrast;
        b.color = t.color;
        b.background = t.background;
        block = &b;
        open_contrast_ = true;
    }
    block->range.end = std::max(block->range.end, trimmed(n).end);
    block->words += words;
    if (t.contrast < block->contrast) {
        block->contrast = t.contrast;
        block->color = t.color;
        block->background = t.background;
    }
    append_text(block->text, n.text());
}

// Every hidden block before the first visible words is one preheader.
void Classifier::merge_preheader() {
    std::vector<HiddenBlock> merged;
    std::vector<std::vector<std::string>> words;
    std::vector<bool> shown;
    for (std::size_t i = 0; i < out_.hidden.size(); ++i) {
        HiddenBlock& b = out_.hidden[i];
        const bool before = out_.first_visible_text == no_node ||
                            (b.nodes.back() < out_.first_visible_text && b.range.end <= out_.first_visible_offset);
        if (block_shown_[i] || !before) {
            merged.push_back(std::move(b));
            words.push_back(std::move(block_words_[i]));
            shown.push_back(block_shown_[i]);
            continue;
        }
        b.intent = Intent::preheader;
        if (!merged.empty() && merged.back().intent == Intent::preheader && !shown.back()) {
            HiddenBlock& p = merged.back();
            p.range.end = std::max(p.range.end, b.range.end);
            p.words += b.words;
            p.fillers += b.fillers;
            p.nodes.insert(p.nodes.end(), b.nodes.begin(), b.nodes.end());
            append_text(p.text, b.text);
            words.back().insert(words.back().end(), block_words_[i].begin(), block_words_[i].end());
            continue;
        }
        merged.push_back(std::move(b));
        words.push_back(std::move(block_words_[i]));
        shown.push_back(false);
    }
    out_.hidden = std::move(merged);
    block_words_ = std::move(words);
    block_shown_ = std::move(shown);
}

void Classifier::assign_intents() {
    merge_preheader();
    std::vector<HiddenBlock> kept;
    for (std::size_t i = 0; i < out_.hidden.size(); ++i) {
        HiddenBlock& b = out_.hidden[i];
        const std::vector<std::string>& words = block_words_[i];
        if (block_shown_[i]) {
            b.intent = Intent::responsive;
        } else if (b.intent == Intent::preheader) {
            if (b.words > preheader_max_words || is_repetitive(words)) b.intent = Intent::stuffing;
            // A single hidden word at the top ("VIAGRA", "drywall") is no preview text.
            if (b.words < preheader_min_words) b.intent = Intent::deceptive;
        } else if (token_like(words)) {
            continue;
        } else {
            b.intent = (b.words >= stuffing_words || is_repetitive(words)) ? Intent::stuffing : Intent::deceptive;
        }
        kept.push_back(std::move(b));
    }
    out_.hidden = std::move(kept);
}

}  // namespace

Intents classify(const Dom& dom, const StyleResult& styles, std::string_view text) {
    return Classifier(dom, styles, text).run();
}

}  // namespace inboxlint::html
