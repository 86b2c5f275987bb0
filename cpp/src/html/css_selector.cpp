#include "html/css_selector.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

#include "core/ascii.hpp"

namespace inboxlint::html::css {

std::uint32_t Specificity::key() const noexcept {
    return (std::min(a, 1023u) << 20) | (std::min(b, 1023u) << 10) | std::min(c, 1023u);
}

namespace {

using Kind = PseudoClass::Kind;

bool is_pseudo_element_name(std::string_view name) {
    // Legacy single-colon pseudo-elements.
    return name == "before" || name == "after" || name == "first-line" || name == "first-letter";
}

std::optional<Kind> simple_pseudo(std::string_view name) {
    static const std::pair<std::string_view, Kind> table[] = {{"first-child", Kind::first_child},
                                                              {"last-child", Kind::last_child},
                                                              {"only-child", Kind::only_child},
                                                              {"first-of-type", Kind::first_of_type},
                                                              {"last-of-type", Kind::last_of_type},
                                                              {"only-of-type", Kind::only_of_type},
                                                              {"root", Kind::root},
                                                              {"scope", Kind::root},
                                                              {"empty", Kind::empty},
                                                              {"link", Kind::link},
                                                              {"any-link", Kind::link},
                                                              {"visited", Kind::never}};
    for (const auto& [n, k] : table) {
        if (n == name) return k;
    }
    static const std::string_view stateful[] = {
        "hover",    "active",       "focus",    "focus-within",  "focus-visible", "target",
        "checked",  "enabled",      "disabled", "indeterminate", "default",       "valid",
        "invalid",  "required",     "optional", "read-only",     "read-write",    "placeholder-shown",
        "in-range", "out-of-range", "playing",  "paused",        "autofill",      "-webkit-autofill"};
    if (std::find(std::begin(stateful), std::end(stateful), name) != std::end(stateful)) return Kind::stateful;
    return std::nullopt;
}

// An+B from the tokens of an :nth-*() argument ("odd", "2n+1", "-n + 3").
std::optional<std::pair<int, int>> parse_an_b(std::span<const Token> args) {
    std::string s;
    for (const Token& t : args) {
        if (t.is(TokenType::whitespace)) continue;
        if (t.is(TokenType::number) || t.is(TokenType::dimension)) {
            if (!t.is_integer || std::abs(t.number) > 1e6) return std::nullopt;
            const auto n = static_cast<long>(t.number);
            // "2n +1" tokenizes as "2n", "+1": the sign of a number is not kept.
            if (n >= 0 && !s.empty() && s.back() != '+' && s.back() != '-') s.push_back('+');
            s += std::to_string(n);
            if (t.is(TokenType::dimension)) s += core::to_lower(t.value);
        } else if (t.is(TokenType::ident)) {
            s += core::to_lower(t.value);
        } else if (t.is_delim('+') || t.is_delim('-')) {
            s.push_back(static_cast<char>(t.delim));
        } else {
            return std::nullopt;
        }
    }
    if (s == "odd") return std::pair{2, 1};
    if (s == "even") return std::pair{2, 0};
    auto parse_int = [](std::string_view v, int empty_value) -> std::optional<int> {
        if (v.empty()) return empty_value;
        if (v == "+") return 1;
        if (v == "-") return -1;
        int sign = 1;
        std::size_t i = 0;
        if (v[0] == '+' || v[0] == '-') sign = v[i++] == '-' ? -1 : 1;
        if (i == v.size()) return std::nullopt;
        long value = 0;
        for (; i < v.size(); ++i) {
            if (!core::is_digit(v[i]) || value > 1000000) return std::nullopt;
            value = value * 10 + (v[i] - '0');
        }
        return static_cast<int>(sign * value);
    };
    const std::size_t n = s.find('n');
    if (n == std::string::npos) {
        const auto b = parse_int(s, 0);
        if (!b || s.empty()) return std::nullopt;
        return std::pair{0, *b};
    }
    const auto a = parse_int(std::string_view(s).substr(0, n), 1);
    const std::string_view rest = std::string_view(s).substr(n + 1);
    if (!rest.empty() && rest[0] != '+' && rest[0] != '-') return std::nullopt;
    const auto b = parse_int(rest, 0);
    if (!a || !b || (!rest.empty() && rest.size() == 1)) return std::nullopt;
    return std::pair{*a, *b};
}

class SelectorParser {
public:
    explicit SelectorParser(std::span<const Token> tokens) : t_(tokens) {}

    // One complex selector over the whole span; false when invalid.
    bool complex(Selector& out) {
        skip_ws();
        Combinator next = Combinator::descendant;
        while (true) {
            Compound c;
            c.combinator = next;
            if (!compound(c, out, false)) return false;
            out.compounds.push_back(std::move(c));
            const bool had_ws = skip_ws();
            if (pos_ >= t_.size()) return true;
            if (t_[pos_].is_delim('>') || t_[pos_].is_delim('+') || t_[pos_].is_delim('~')) {
                const char32_t d = t_[pos_++].delim;
                next = d == '>' ? Combinator::child
                                : (d == '+' ? Combinator::next_sibling : Combinator::subsequent_sibling);
                skip_ws();
                if (pos_ >= t_.size()) return false;
            } else if (had_ws) {
                next = Combinator::descendant;
            } else {
                return false;
            }
        }
    }

    // A compound selector; `nested` inside :is()/:not() (no pseudo-elements).
    bool compound(Compound& c, Selector& s, bool nested);

private:
    bool skip_ws() {
        const std::size_t before = pos_;
        while (pos_ < t_.size() && t_[pos_].is(TokenType::whitespace)) ++pos_;
        return pos_ > before;
    }
    [[nodiscard]] bool at(TokenType type) const { return pos_ < t_.size() && t_[pos_].is(type); }
    [[nodiscard]] bool at_delim(char32_t c) const { return pos_ < t_.size() && t_[pos_].is_delim(c); }

    bool type_selector(Compound& c, Selector& s);
    bool attribute(Compound& c, Selector& s);
    bool pseudo(Compound& c, Selector& s, bool nested);
    bool function_pseudo(const Token& fn, std::span<const Token> args, Compound& c, Selector& s);

    // The index of the ")" closing the function token at `open`, or npos.
    [[nodiscard]] std::size_t close_of(std::size_t open) const {
        int depth = 0;
        for (std::size_t i = open; i < t_.size(); ++i) {
            const TokenType type = t_[i].type;
            if (type == TokenType::function || type == TokenType::open_paren) ++depth;
            if (type == TokenType::close_paren && --depth == 0) return i;
        }
        return std::string::npos;
    }

    std::span<const Token> t_;
    std::size_t pos_ = 0;
};

bool SelectorParser::type_selector(Compound& c, Selector& s) {
    // [ns|] (ident | *), or |ident; a namespace prefix is accepted and ignored.
    auto name_token = [&]() { return at(TokenType::ident) || at_delim('*'); };
    if (at_delim('|')) ++pos_;
    if (!name_token()) return true;
    std::size_t save = pos_;
    ++pos_;
    if (at_delim('|') && pos_ + 1 < t_.size() && (t_[pos_ + 1].is(TokenType::ident) || t_[pos_ + 1].is_delim('*'))) {
        save = pos_ + 1;
        pos_ += 2;
    }
    const Token& name = t_[save];
    if (name.is(TokenType::ident)) {
        c.tag = core::to_lower(name.value);
        ++s.specificity.c;
    }
    return true;
}

bool SelectorParser::compound(Compound& c, Selector& s, bool nested) {
    const std::size_t start = pos_;
    type_selector(c, s);
    while (pos_ < t_.size()) {
        const Token& t = t_[pos_];
        if (t.is(TokenType::hash)) {
            if (!t.is_id) return false;
            c.ids.emplace_back(t.value);
            ++s.specificity.a;
            ++pos_;
        } else if (t.is_delim('.')) {
            if (pos_ + 1 >= t_.size() || !t_[pos_ + 1].is(TokenType::ident)) return false;
            c.classes.emplace_back(t_[pos_ + 1].value);
            ++s.specificity.b;
            pos_ += 2;
        } else if (t.is(TokenType::open_square)) {
            if (!attribute(c, s)) return false;
        } else if (t.is(TokenType::colon)) {
            if (!pseudo(c, s, nested)) return false;
        } else {
            break;
        }
    }
    return pos_ > start;
}

bool SelectorParser::attribute(Compound& c, Selector& s) {
    ++pos_;  // [
    skip_ws();
    if (at_delim('|')) ++pos_;
    if (!at(TokenType::ident)) return false;
    AttributeSelector a;
    a.name = core::to_lower(t_[pos_++].value);
    if (at_delim('|') && pos_ + 1 < t_.size() && t_[pos_ + 1].is(TokenType::ident)) {
        a.name = core::to_lower(t_[pos_ + 1].value);  // ns|name
        pos_ += 2;
    }
    skip_ws();
    if (!at(TokenType::close_square)) {
        using Op = AttributeSelector::Op;
        if (at_delim('=')) {
            a.op = Op::equals;
            ++pos_;
        } else if (pos_ + 1 < t_.size() && t_[pos_ + 1].is_delim('=') && t_[pos_].is(TokenType::delim)) {
            switch (t_[pos_].delim) {
                case '~':
                    a.op = Op::includes;
                    break;
                case '|':
                    a.op = Op::dash;
                    break;
                case '^':
                    a.op = Op::prefix;
                    break;
                case '$':
                    a.op = Op::suffix;
                    break;
                case '*':
                    a.op = Op::substring;
                    break;
                default:
                    return false;
            }
            pos_ += 2;
        } else {
            return false;
        }
        skip_ws();
        if (!at(TokenType::ident) && !at(TokenType::string)) return false;
        a.value = t_[pos_++].value;
        skip_ws();
        if (at(TokenType::ident) && (t_[pos_].is_ident("i") || t_[pos_].is_ident("s"))) {
            a.case_insensitive = t_[pos_++].is_ident("i");
            skip_ws();
        }
        if (!at(TokenType::close_square)) return false;
    }
    ++pos_;  // ]
    ++s.specificity.b;
    c.attributes.push_back(std::move(a));
    return true;
}

bool SelectorParser::pseudo(Compound& c, Selector& s, bool nested) {
    ++pos_;  // :
    const bool element = at(TokenType::colon);
    if (element) ++pos_;
    if (pos_ >= t_.size()) return false;
    const Token& t = t_[pos_];
    if (t.is(TokenType::ident)) {
        ++pos_;
        const std::string name = core::to_lower(t.value);
        if (element || is_pseudo_element_name(name)) {
            if (nested) return false;
            s.pseudo_element = true;
            ++s.specificity.c;
            return true;
        }
        const auto kind = simple_pseudo(name);
        if (!kind) return false;
        if (*kind == Kind::stateful) s.stateful = true;
        c.pseudo_classes.push_back({*kind, 0, 0, {}});
        ++s.specificity.b;
        return true;
    }
    if (!t.is(TokenType::function)) return false;
    const std::size_t close = close_of(pos_);
    if (close == std::string::npos) return false;
    const std::span<const Token> args = t_.subspan(pos_ + 1, close - pos_ - 1);
    pos_ = close + 1;
    if (element) {
        if (nested) return false;
        s.pseudo_element = true;  // ::slotted(), ::part() ...
        ++s.specificity.c;
        return true;
    }
    return function_pseudo(t, args, c, s);
}

bool SelectorParser::function_pseudo(const Token& fn, std::span<const Token> args, Compound& c, Selector& s) {
    const std::string name = core::to_lower(fn.value);
    static const std::pair<std::string_view, Kind> nth[] = {{"nth-child", Kind::nth_child},
                                                            {"nth-last-child", Kind::nth_last_child},
                                                            {"nth-of-type", Kind::nth_of_type},
                                                            {"nth-last-of-type", Kind::nth_last_of_type}};
    for (const auto& [n, k] : nth) {
        if (name != n) continue;
        const auto ab = parse_an_b(args);
        if (!ab) return false;
        c.pseudo_classes.push_back({k, ab->first, ab->second, {}});
        ++s.specificity.b;
        return true;
    }
    if (name == "lang" || name == "dir") {
        s.stateful = true;
        c.pseudo_classes.push_back({Kind::stateful, 0, 0, {}});
        ++s.specificity.b;
        return true;
    }
    const bool is_not = name == "not";
    const bool is_where = name == "where";
    if (!is_not && !is_where && name != "is" && name != "matches" && name != "-webkit-any" && name != "-moz-any") {
        return false;
    }
    // A list of compound selectors; its specificity is its most specific one.
    PseudoClass p{is_not ? Kind::not_ : Kind::is, 0, 0, {}};
    Specificity best;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= args.size(); ++i) {
        if (i < args.size() && !args[i].is(TokenType::comma)) continue;
        SelectorParser inner(args.subspan(begin, i - begin));
        Selector scratch;
        Compound arg;
        inner.skip_ws();
        if (!inner.compound(arg, scratch, true)) return false;
        inner.skip_ws();
        if (inner.pos_ != inner.t_.size()) return false;
        s.stateful = s.stateful || scratch.stateful;
        if (scratch.specificity.key() > best.key()) best = scratch.specificity;
        p.arguments.push_back(std::move(arg));
        begin = i + 1;
    }
    if (!is_where) {
        s.specificity.a += best.a;
        s.specificity.b += best.b;
        s.specificity.c += best.c;
    }
    c.pseudo_classes.push_back(std::move(p));
    return true;
}

}  // namespace

std::optional<std::vector<Selector>> parse_selector_list(std::span<const Token> tokens) {
    std::vector<Selector> out;
    std::size_t begin = 0;
    int depth = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        if (i < tokens.size()) {
            const TokenType type = tokens[i].type;
            if (type == TokenType::function || type == TokenType::open_paren || type == TokenType::open_square) ++depth;
            if (type == TokenType::close_paren || type == TokenType::close_square) --depth;
            if (depth > 0 || !tokens[i].is(TokenType::comma)) continue;
        }
        Selector s;
        SelectorParser parser(tokens.subspan(begin, i - begin));
        if (!parser.complex(s)) return std::nullopt;
        out.push_back(std::move(s));
        begin = i + 1;
    }
    return out;
}

bool PseudoClass::operator==(const PseudoClass& other) const {
    return kind == other.kind && a == other.a && b == other.b && arguments == other.arguments;
}

namespace {

void mix(std::size_t& seed, std::size_t value) noexcept {
    seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
}

std::size_t hash_text(std::string_view s) noexcept { return std::hash<std::string_view>{}(s); }

}  // namespace

// Names and values only: equal compounds differ nowhere else that matters to
// a hash, and the rare collision is settled by ==.
std::size_t hash_value(const Compound& c) noexcept {
    std::size_t seed = hash_text(c.tag);
    mix(seed, static_cast<std::size_t>(c.combinator));
    for (const std::string& id : c.ids) mix(seed, hash_text(id));
    for (const std::string& cls : c.classes) mix(seed, hash_text(cls));
    for (const AttributeSelector& a : c.attributes) {
        mix(seed, hash_text(a.name));
        mix(seed, hash_text(a.value));
    }
    for (const PseudoClass& p : c.pseudo_classes) {
        mix(seed, static_cast<std::size_t>(p.kind));
        for (const Compound& argument : p.arguments) mix(seed, hash_value(argument));
    }
    return seed;
}

}  // namespace inboxlint::html::css
