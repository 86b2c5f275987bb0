// Header text with encoded words: tokenising unstructured values and phrases
// into white space, comments, quoted strings, literal text and encoded words,
// then building the decoded UTF-8 text with its map back to message bytes.
#include <algorithm>

#include "core/ascii.hpp"
#include "mime/address.hpp"
#include "mime/encoded_word.hpp"
#include "mime/encoded_word_detail.hpp"
#include "mime/scanner.hpp"

namespace inboxlint::mime {
namespace {

using ew_detail::Piece;
using ew_detail::WordWork;

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct Item {
    enum class Kind { space, comment, literal, word };
    Kind kind = Kind::space;
    std::size_t begin = 0;  // relative to the tokenised text
    std::size_t end = 0;
    bool quoted = false;  // inside a quoted string: backslashes escape
    int word = -1;        // index into the words, for Kind::word that is decoded
};

class Builder {
public:
    Builder(std::string_view text, std::size_t base, bool phrase, const PhraseOptions& options)
        : text_(text), base_(base), phrase_(phrase), options_(options) {
        out_.map = HeaderTextMap(base);
    }

    DecodedHeader run() {
        tokenise();
        for (WordWork& w : words_) {
            if (w.word.encoding == WordEncoding::unknown) w.run_head = -2;  // kept literal
        }
        ew_detail::join_runs(words_);
        emit();
        for (WordWork& w : words_) out_.words.push_back(std::move(w.word));
        return std::move(out_);
    }

private:
    void tokenise();
    void tokenise_run(std::size_t begin, std::size_t end, bool quoted);
    void tokenise_quoted(std::size_t& pos);
    void tokenise_comment(std::size_t& pos);
    void emit();
    void emit_gap(std::size_t gap_begin, std::size_t gap_end, bool comment, bool between_words);
    void emit_item(const Item& item);
    void emit_literal(std::size_t begin, std::size_t end, bool quoted);
    [[nodiscard]] bool decoded_word(const Item& item) const noexcept {
        return item.kind == Item::Kind::word && item.word >= 0 && words_[item.word].run_head != -2;
    }

    std::string_view text_;
    std::size_t base_;
    bool phrase_;
    PhraseOptions options_;
    std::vector<Item> items_;
    std::vector<WordWork> words_;
    DecodedHeader out_;
    bool previous_was_word_ = false;  // for joins_previous while tokenising
};

void Builder::tokenise() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
        const char c = text_[pos];
        if (is_space(c)) {
            const std::size_t from = pos;
            while (pos < text_.size() && is_space(text_[pos])) ++pos;
            items_.push_back({Item::Kind::space, from, pos});
        } else if (phrase_ && c == '(') {
            tokenise_comment(pos);
        } else if (phrase_ && c == '"') {
            tokenise_quoted(pos);
        } else {
            const std::size_t from = pos;
            while (pos < text_.size() && !is_space(text_[pos]) &&
                   !(phrase_ && (text_[pos] == '(' || text_[pos] == '"')))
                ++pos;
            tokenise_run(from, pos, false);
        }
    }
}

// Comments are dropped from a phrase; nested parentheses and quoted pairs
// count, and an unterminated comment runs to the end.
void Builder::tokenise_comment(std::size_t& pos) {
    const std::size_t from = pos;
    int depth = 0;
    while (pos < text_.size()) {
        const char c = text_[pos++];
        if (c == '\\' && pos < text_.size()) {
            ++pos;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')' && --depth == 0) {
            break;
        }
    }
    items_.push_back({Item::Kind::comment, from, pos});
    previous_was_word_ = false;
}

void Builder::tokenise_quoted(std::size_t& pos) {
    ++pos;  // the opening quote
    std::size_t from = pos;
    const auto flush = [&](std::size_t to) {
        if (to > from) tokenise_run(from, to, true);
    };
    while (pos < text_.size() && text_[pos] != '"') {
        if (is_space(text_[pos])) {
            flush(pos);
            const std::size_t space = pos;
            while (pos < text_.size() && is_space(text_[pos])) ++pos;
            items_.push_back({Item::Kind::space, space, pos, true});
            from = pos;
            continue;
        }
        pos += text_[pos] == '\\' && pos + 1 < text_.size() ? 2 : 1;
    }
    flush(std::min(pos, text_.size()));
    if (pos < text_.size()) ++pos;  // the closing quote
}

void Builder::tokenise_run(std::size_t begin, std::size_t end, bool quoted) {
    std::vector<Piece> pieces;
    ew_detail::split_run(text_, begin, end, base_, pieces, &out_.issues);
    for (const Piece& p : pieces) {
        if (!p.word) {
            items_.push_back({Item::Kind::literal, p.begin, p.end, quoted});
            previous_was_word_ = false;
            continue;
        }
        if (quoted) {
            out_.issues.push_back({"encoded-word-in-quoted-string",
                                   {base_ + p.begin, base_ + p.end},
                                   "encoded words inside a quoted string must not be decoded (RFC 2047 section 5 "
                                   "(3)); clients differ: remove the quotes"});
            if (!options_.decode_quoted) {
                items_.push_back({Item::Kind::literal, p.begin, p.end, true});
                previous_was_word_ = false;
                continue;
            }
        }
        const bool joins = previous_was_word_ && !items_.empty() &&
                           (items_.back().kind == Item::Kind::word || items_.back().kind == Item::Kind::space);
        words_.push_back(ew_detail::decode_word(text_, p, base_, phrase_));
        words_.back().joins_previous = joins;
        items_.push_back({Item::Kind::word, p.begin, p.end, quoted, static_cast<int>(words_.size() - 1)});
        previous_was_word_ = true;
    }
}

void Builder::emit() {
    bool emitted = false;
    const Item* previous = nullptr;
    std::size_t gap_begin = 0;
    std::size_t gap_end = 0;
    bool in_gap = false;
    bool gap_comment = false;
    for (const Item& item : items_) {
        if (item.kind == Item::Kind::space || item.kind == Item::Kind::comment) {
            if (!in_gap) gap_begin = item.begin;
            in_gap = true;
            gap_end = item.end;
            gap_comment = gap_comment || item.kind == Item::Kind::comment;
            continue;
        }
        if (in_gap && emitted) {
            emit_gap(gap_begin, gap_end, gap_comment, previous && decoded_word(*previous) && decoded_word(item));
        }
        in_gap = gap_comment = false;
        emit_item(item);
        emitted = true;
        previous = &item;
    }
}

// White space between two decoded words disappears (RFC 2047 section 6.2); in
// a phrase every gap is one space; in unstructured text it stays as written,
// without the folding line breaks.
void Builder::emit_gap(std::size_t gap_begin, std::size_t gap_end, bool comment, bool between_words) {
    if (between_words && !comment) return;
    if (phrase_) {
        out_.text.push_back(' ');
        out_.map.append_whole(1, {base_ + gap_begin, base_ + gap_end});
        return;
    }
    for (std::size_t i = gap_begin; i < gap_end; ++i) {
        if (text_[i] == '\r' || text_[i] == '\n') continue;
        out_.text.push_back(text_[i]);
        out_.map.append_exact(1, base_ + i);
    }
}

void Builder::emit_item(const Item& item) {
    if (!decoded_word(item)) {
        emit_literal(item.begin, item.end, item.quoted);
        return;
    }
    WordWork& w = words_[static_cast<std::size_t>(item.word)];
    if (w.run_head < 0) {
        w.word.decoded = {out_.text.size(), out_.text.size() + w.word.text.size()};
        out_.text += w.word.text;
        out_.map.append_whole(w.word.text.size(), w.word.raw);
        return;
    }
    if (w.run_head != item.word) return;  // the run head emitted the whole run's text
    std::size_t last = static_cast<std::size_t>(item.word);
    while (last + 1 < words_.size() && words_[last + 1].run_head == item.word) ++last;
    const Span decoded{out_.text.size(), out_.text.size() + w.run_text.size()};
    out_.text += w.run_text;
    out_.map.append_whole(w.run_text.size(), {w.word.raw.begin, words_[last].word.raw.end});
    for (std::size_t k = static_cast<std::size_t>(item.word); k <= last; ++k) words_[k].word.decoded = decoded;
}

// Literal text; inside quoted strings a backslash escapes the next byte and
// is dropped.
void Builder::emit_literal(std::size_t begin, std::size_t end, bool quoted) {
    std::size_t from = begin;
    for (std::size_t i = begin; quoted && i < end; ++i) {
        if (text_[i] != '\\') continue;
        ew_detail::append_literal(out_.text, out_.map, text_.substr(from, i - from), base_ + from);
        from = i + 1;
        ++i;  // the escaped byte is copied with the next chunk
    }
    if (end > from) ew_detail::append_literal(out_.text, out_.map, text_.substr(from, end - from), base_ + from);
}

}  // namespace

DecodedHeader decode_unstructured(std::string_view raw_value, std::size_t base) {
    return Builder(raw_value, base, false, {}).run();
}

DecodedHeader decode_unstructured_field(std::string_view message, const HeaderField& field) {
    const std::size_t end = std::min(field.value.end, message.size());
    const std::size_t begin = std::min(field.value.begin, end);
    DecodedHeader out = decode_unstructured(message.substr(begin, end - begin), begin);
    SyntaxIssues lines = encoded_word_line_issues(message, field);
    out.issues.insert(out.issues.end(), lines.begin(), lines.end());
    return out;
}

DecodedHeader decode_phrase(std::string_view raw_phrase, std::size_t base, const PhraseOptions& options) {
    return Builder(raw_phrase, base, true, options).run();
}

DecodedHeader decode_display_name(std::string_view message, const Mailbox& mailbox, const PhraseOptions& options) {
    const Span span = mailbox.display_name;
    const std::size_t end = std::min(span.end, message.size());
    const std::size_t begin = std::min(span.begin, end);
    return decode_phrase(message.substr(begin, end - begin), begin, options);
}

namespace {

// Encoded words in message[span], split at white space (enough to find them
// in an addr-spec or on a header line).
std::vector<Span> find_words(std::string_view message, Span span) {
    std::vector<Span> found;
    std::vector<Piece> pieces;
    std::size_t pos = std::min(span.begin, message.size());
    const std::size_t end = std::min(span.end, message.size());
    while (pos < end) {
        while (pos < end && is_space(message[pos])) ++pos;
        const std::size_t from = pos;
        while (pos < end && !is_space(message[pos])) ++pos;
        pieces.clear();
        ew_detail::split_run(message, from, pos, 0, pieces, nullptr);
        for (const Piece& p : pieces) {
            if (p.word) found.push_back({p.begin, p.end});
        }
    }
    return found;
}

}  // namespace

SyntaxIssues encoded_words_in_addr_spec(std::string_view message, const Mailbox& mailbox) {
    SyntaxIssues issues;
    for (const Span part : {mailbox.local_part_span, mailbox.domain_span}) {
        for (const Span word : find_words(message, part)) {
            issues.push_back({"encoded-word-in-addr-spec", word,
                              "an encoded word cannot appear in an address (RFC 2047 section 5); it is taken "
                              "literally as part of the " +
                                  std::string(part == mailbox.local_part_span ? "local part" : "domain")});
        }
    }
    return issues;
}

SyntaxIssues encoded_word_line_issues(std::string_view message, const HeaderField& field, std::size_t max_line) {
    SyntaxIssues issues;
    const std::vector<Span> words = find_words(message, field.value);
    if (words.empty()) return issues;
    std::size_t line_begin = std::min(field.field.begin, message.size());
    const std::size_t end = std::min(field.field.end, message.size());
    std::size_t next_word = 0;
    while (line_begin < end) {
        std::size_t line_end = line_begin;
        while (line_end < end && message[line_end] != '\r' && message[line_end] != '\n') ++line_end;
        while (next_word < words.size() && words[next_word].end <= line_begin) ++next_word;
        const bool has_word = next_word < words.size() && words[next_word].begin < line_end;
        if (has_word && line_end - line_begin > max_line) {
            issues.push_back({"encoded-word-line-too-long",
                              {line_begin, line_end},
                              "a header line holding an encoded word is " + std::to_string(line_end - line_begin) +
                                  " characters long; RFC 2047 section 2 limits it to 76 (fold between encoded words)"});
        }
        line_begin = line_end;
        while (line_begin < end && (message[line_begin] == '\r' || message[line_begin] == '\n')) ++line_begin;
    }
    return issues;
}

}  // namespace inboxlint::mime
