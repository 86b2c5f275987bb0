#include "html/css_parser.hpp"

#include <algorithm>

#include "core/ascii.hpp"

namespace inboxlint::html::css {
namespace {

bool is_open(TokenType t) {
    return t == TokenType::function || t == TokenType::open_paren || t == TokenType::open_square ||
           t == TokenType::open_curly;
}

// For every opening token, the index of its matching close (tokens.size()
// when unclosed); one linear pass, so skipping a block costs nothing.
std::vector<std::size_t> matching_closes(const TokenList& tokens) {
    std::vector<std::size_t> close(tokens.size(), tokens.size());
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const TokenType t = tokens[i].type;
        if (is_open(t)) {
            open.push_back(i);
            continue;
        }
        if (open.empty()) continue;
        const TokenType o = tokens[open.back()].type;
        const bool closes = (t == TokenType::close_paren && (o == TokenType::function || o == TokenType::open_paren)) ||
                            (t == TokenType::close_square && o == TokenType::open_square) ||
                            (t == TokenType::close_curly && o == TokenType::open_curly);
        if (closes) {
            close[open.back()] = i;
            open.pop_back();
        }
    }
    return close;
}

class Parser {
public:
    Parser(std::string_view text, std::size_t base, bool quirks)
        : text_(text), base_(base), quirks_(quirks), tokens_(tokenize(text, base)), close_(matching_closes(tokens_)) {}

    std::vector<Declaration> declarations() {
        std::vector<Declaration> out;
        // A declaration per ';' and one after the last: grown once, not doubled from one.
        out.reserve(1 + static_cast<std::size_t>(std::count_if(tokens_.begin(), tokens_.end(), [](const Token& t) {
                        return t.is(TokenType::semicolon);
                    })));
        declarations(0, tokens_.size(), out);
        return out;
    }

    void stylesheet(std::uint16_t group, Stylesheet& sheet) {
        sheet_ = &sheet;
        rules(0, tokens_.size(), group, 0);
    }

private:
    // One past a component starting at i (a whole block for an opening token).
    [[nodiscard]] std::size_t skip(std::size_t i) const { return is_open(tokens_[i].type) ? close_[i] + 1 : i + 1; }

    // The first index in [i, end) holding one of the stop tokens at this level.
    [[nodiscard]] std::size_t find_stop(std::size_t i, std::size_t end, bool semicolon, bool curly) const {
        while (i < end) {
            const TokenType t = tokens_[i].type;
            if ((semicolon && t == TokenType::semicolon) || (curly && t == TokenType::open_curly)) return i;
            i = skip(i);
        }
        return end;
    }

    void declarations(std::size_t i, std::size_t end, std::vector<Declaration>& out) const;
    void declaration(std::size_t name, std::size_t end, std::vector<Declaration>& out) const;
    void rules(std::size_t i, std::size_t end, std::uint16_t group, int depth);
    void at_rule(std::size_t at, std::size_t prelude_end, std::size_t block_end, std::uint16_t group, int depth);
    void style_rule(std::size_t begin, std::size_t prelude_end, std::size_t block_end, std::uint16_t group);
    [[nodiscard]] std::string source(std::size_t begin, std::size_t end) const;

    std::string_view text_;
    std::size_t base_;
    bool quirks_;
    TokenList tokens_;
    std::vector<std::size_t> close_;
    Stylesheet* sheet_ = nullptr;
};

void Parser::declarations(std::size_t i, std::size_t end, std::vector<Declaration>& out) const {
    while (i < end) {
        const Token& t = tokens_[i];
        if (t.is(TokenType::whitespace) || t.is(TokenType::semicolon)) {
            ++i;
            continue;
        }
        const std::size_t stop = find_stop(i, end, true, false);
        if (t.is(TokenType::ident)) declaration(i, stop, out);
        i = stop + 1;  // anything else (a nested rule, an at-rule, garbage) is skipped to the next ';'
    }
}

void Parser::declaration(std::size_t name, std::size_t end, std::vector<Declaration>& out) const {
    std::size_t i = name + 1;
    while (i < end && tokens_[i].is(TokenType::whitespace)) ++i;
    if (i >= end || !tokens_[i].is(TokenType::colon)) return;
    std::size_t begin = i + 1;
    std::size_t last = end;  // one past the last non-white-space token
    while (last > begin && tokens_[last - 1].is(TokenType::whitespace)) --last;
    while (begin < last && tokens_[begin].is(TokenType::whitespace)) ++begin;
    const std::size_t decl_end = last;
    bool important = false;
    if (last > begin && tokens_[last - 1].is_ident("important")) {
        std::size_t bang = last - 1;
        while (bang > begin && tokens_[bang - 1].is(TokenType::whitespace)) --bang;
        if (bang > begin && tokens_[bang - 1].is_delim('!')) {
            important = true;
            last = bang - 1;
            while (last > begin && tokens_[last - 1].is(TokenType::whitespace)) --last;
        }
    }
    if (last <= begin) return;
    const Span span{tokens_[name].span.begin, tokens_[decl_end - 1].span.end};
    interpret(tokens_[name].value, std::span<const Token>(tokens_.data() + begin, last - begin), important, span,
              quirks_, out);
}

std::string Parser::source(std::size_t begin, std::size_t end) const {
    if (begin >= end) return {};
    const std::size_t from = tokens_[begin].span.begin - base_;
    const std::size_t to = tokens_[end - 1].span.end - base_;
    // Lower case with white space collapsed: equal conditions share a group.
    std::string out;
    for (char c : text_.substr(from, to - from)) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(core::to_lower(c));
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void Parser::rules(std::size_t i, std::size_t end, std::uint16_t group, int depth) {
    while (i < end) {
        const Token& t = tokens_[i];
        if (t.is(TokenType::whitespace) || t.is(TokenType::cdo) || t.is(TokenType::cdc) || t.is(TokenType::semicolon)) {
            ++i;
            continue;
        }
        const bool at = t.is(TokenType::at_keyword);
        const std::size_t stop = find_stop(at ? i + 1 : i, end, at, true);
        if (stop >= end) return;  // a rule without its block: dropped
        if (tokens_[stop].is(TokenType::semicolon)) {
            i = stop + 1;  // @import ...;
            continue;
        }
        const std::size_t block_end = std::min(close_[stop], end);
        if (at) {
            at_rule(i, stop, block_end, group, depth);
        } else {
            style_rule(i, stop, block_end, group);
        }
        i = block_end + 1;
    }
}

void Parser::at_rule(std::size_t at, std::size_t prelude_end, std::size_t block_end, std::uint16_t group, int depth) {
    if (depth >= 8) return;  // nested conditions that deep are no mail client's style sheet
    const std::string name = core::to_lower(tokens_[at].value);
    const std::size_t block = prelude_end + 1;
    if (name == "layer") {
        rules(block, block_end, group, depth + 1);
        return;
    }
    if (name != "media" && name != "supports" && name != "container" && name != "document" && name != "-moz-document") {
        return;  // @font-face, @keyframes, @page ...: nothing that shows or hides text
    }
    if (name == "media") {
        const MediaKind kind = evaluate_media(std::span<const Token>(tokens_.data() + at + 1, prelude_end - at - 1));
        if (kind == MediaKind::never) return;
        if (kind == MediaKind::always) {
            rules(block, block_end, group, depth + 1);
            return;
        }
    }
    std::string condition = source(at + 1, prelude_end);
    if (name != "media") condition = name + " " + condition;
    if (group != 0) condition = sheet_->groups[group] + " and " + condition;
    rules(block, block_end, sheet_->group_for(condition), depth + 1);
}

// The block first: most rules of mail style sheets (padding, fonts, borders)
// set nothing the cascade reads, and their selectors need not be parsed.
void Parser::style_rule(std::size_t begin, std::size_t prelude_end, std::size_t block_end, std::uint16_t group) {
    std::vector<Declaration> decls;
    declarations(prelude_end + 1, block_end, decls);
    if (decls.empty()) return;
    auto selectors = parse_selector_list(std::span<const Token>(tokens_.data() + begin, prelude_end - begin));
    if (!selectors) {
        ++sheet_->invalid_rules;
        return;
    }
    const auto block = static_cast<std::uint32_t>(sheet_->blocks.size());
    sheet_->blocks.push_back(std::move(decls));
    const std::uint32_t order = sheet_->next_order++;
    std::size_t last = prelude_end;
    while (last > begin && tokens_[last - 1].is(TokenType::whitespace)) --last;
    const Span span{tokens_[begin].span.begin, tokens_[std::max(last, begin + 1) - 1].span.end};
    for (Selector& s : *selectors) {
        std::uint16_t g = group;
        if (s.stateful) g = sheet_->group_for(group == 0 ? ":state" : sheet_->groups[group] + " and :state");
        const std::uint32_t specificity = s.specificity.key();
        sheet_->rules.push_back({std::move(s), block, order, g, specificity, span});
    }
}

}  // namespace

std::uint16_t Stylesheet::group_for(const std::string& condition) {
    for (std::size_t i = 1; i < groups.size(); ++i) {
        if (groups[i] == condition) return static_cast<std::uint16_t>(i);
    }
    if (groups.size() > max_groups) return static_cast<std::uint16_t>(max_groups);  // the rest share the last
    groups.push_back(condition);
    return static_cast<std::uint16_t>(groups.size() - 1);
}

MediaKind evaluate_media(std::span<const Token> query) {
    static const std::string_view never_types[] = {"print",    "speech",     "aural", "braille", "embossed",
                                                   "handheld", "projection", "tty",   "tv"};
    bool any_always = false;
    bool all_never = true;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        if (i < query.size() && !query[i].is(TokenType::comma)) continue;
        std::vector<const Token*> parts;
        for (std::size_t j = begin; j < i; ++j) {
            if (!query[j].is(TokenType::whitespace)) parts.push_back(&query[j]);
        }
        begin = i + 1;
        bool negated = false;
        std::size_t k = 0;
        if (k < parts.size() && (parts[k]->is_ident("not") || parts[k]->is_ident("only"))) {
            negated = parts[k++]->is_ident("not");
        }
        std::string type = "all";
        if (k < parts.size() && parts[k]->is(TokenType::ident) && !parts[k]->is_ident("and")) {
            type = core::to_lower(parts[k++]->value);
        }
        const bool features = k < parts.size();
        const bool never_type =
            std::find(std::begin(never_types), std::end(never_types), type) != std::end(never_types);
        const bool screen_type = type == "all" || type == "screen";
        MediaKind kind = MediaKind::conditional;
        if (!negated && !screen_type) kind = never_type ? MediaKind::never : MediaKind::conditional;
        if (!negated && screen_type && !features) kind = MediaKind::always;
        if (negated && !features) kind = screen_type ? MediaKind::never : MediaKind::always;
        if (parts.empty()) kind = MediaKind::always;
        any_always = any_always || kind == MediaKind::always;
        all_never = all_never && kind == MediaKind::never;
    }
    if (any_always) return MediaKind::always;
    return all_never ? MediaKind::never : MediaKind::conditional;
}

std::vector<Declaration> parse_declaration_list(std::string_view text, std::size_t base, bool quirks) {
    return Parser(text, base, quirks).declarations();
}

void parse_stylesheet(std::string_view css, std::size_t base, std::string_view media, bool quirks, Stylesheet& sheet) {
    std::uint16_t group = 0;
    if (!core::trim(media).empty()) {
        const TokenList tokens = tokenize(media);
        const MediaKind kind = evaluate_media(tokens);
        if (kind == MediaKind::never) return;
        if (kind == MediaKind::conditional) {
            std::string condition = core::to_lower(core::trim(media));
            group = sheet.group_for(condition);
        }
    }
    Parser(css, base, quirks).stylesheet(group, sheet);
}

}  // namespace inboxlint::html::css
