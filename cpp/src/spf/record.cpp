#include "spf/record.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "spf/macro.hpp"

namespace inboxlint::spf {
namespace {

constexpr std::string_view version = "v=spf1";

struct MechanismName {
    std::string_view name;
    Mechanism mechanism;
};
constexpr std::array<MechanismName, 8> mechanisms = {{{"all", Mechanism::all},
                                                      {"include", Mechanism::include},
                                                      {"a", Mechanism::a},
                                                      {"mx", Mechanism::mx},
                                                      {"ptr", Mechanism::ptr},
                                                      {"ip4", Mechanism::ip4},
                                                      {"ip6", Mechanism::ip6},
                                                      {"exists", Mechanism::exists}}};

// toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
bool is_toplabel(std::string_view label) noexcept {
    if (label.empty() || !core::is_alnum(label.front()) || !core::is_alnum(label.back())) return false;
    bool alpha = false, hyphen = false;
    for (char c : label) {
        if (c == '-') hyphen = true;
        else if (core::is_alpha(c)) alpha = true;
        else if (!core::is_digit(c)) return false;
    }
    return alpha || hyphen;
}

// ip4-cidr-length / ip6-cidr-length digits: "0" or no leading zero, at most `max`.
std::optional<int> cidr_value(std::string_view digits, int max) noexcept {
    if (digits.empty() || digits.size() > 3 || (digits.size() > 1 && digits.front() == '0')) return std::nullopt;
    int value = 0;
    for (char c : digits) {
        if (!core::is_digit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > max) return std::nullopt;
    return value;
}

class TermParser {
public:
    TermParser(std::string_view term, std::size_t offset, Term& out) : term_(term), offset_(offset), out_(out) {}

    std::optional<SyntaxError> parse() {
        out_.offset = offset_;
        out_.length = term_.size();
        if (const std::size_t name_end = modifier_name_end(); name_end != 0) return modifier(name_end);
        return directive();
    }

private:
    SyntaxError error(std::size_t at, std::string reason) const { return {offset_ + at, std::move(reason)}; }

    // The length of "name" when the term is "name=value", else 0.
    std::size_t modifier_name_end() const noexcept {
        if (term_.empty() || !core::is_alpha(term_.front())) return 0;
        std::size_t i = 1;
        while (i < term_.size() && (core::is_alnum(term_[i]) || term_[i] == '-' || term_[i] == '_' || term_[i] == '.'))
            ++i;
        return i < term_.size() && term_[i] == '=' ? i : 0;
    }

    std::optional<SyntaxError> modifier(std::size_t name_end) {
        out_.is_modifier = true;
        out_.name = std::string(term_.substr(0, name_end));
        out_.domain_spec = std::string(term_.substr(name_end + 1));
        const std::size_t value_at = name_end + 1;
        if (core::iequals(out_.name, "redirect") || core::iequals(out_.name, "exp")) {
            out_.modifier = core::iequals(out_.name, "redirect") ? Modifier::redirect : Modifier::exp;
            return spec_error(out_.domain_spec, value_at, out_.name + "= needs a domain-spec");
        }
        const MacroString value = parse_macro_string(out_.domain_spec, MacroMode::explanation);
        if (value.error) return error(value_at + value.error->offset, value.error->reason);
        return std::nullopt;
    }

    std::optional<SyntaxError> spec_error(std::string_view spec, std::size_t at, const std::string& if_empty) const {
        if (spec.empty()) return error(at, if_empty);
        if (auto e = check_domain_spec(spec)) return error(at + e->offset, e->reason);
        return std::nullopt;
    }

    std::optional<SyntaxError> directive() {
        std::size_t i = 0;
        if (!term_.empty() && std::string_view("+-~?").find(term_.front()) != std::string_view::npos) {
            constexpr std::array<Qualifier, 4> by_char = {Qualifier::pass, Qualifier::fail, Qualifier::softfail,
                                                          Qualifier::neutral};
            out_.qualifier = by_char[std::string_view("+-~?").find(term_.front())];
            out_.explicit_qualifier = true;
            i = 1;
        }
        std::size_t name_end = i;
        while (name_end < term_.size() && term_[name_end] != ':' && term_[name_end] != '/') ++name_end;
        const std::string_view name = term_.substr(i, name_end - i);
        const auto* known = std::find_if(mechanisms.begin(), mechanisms.end(),
                                         [&](const MechanismName& m) { return core::iequals(m.name, name); });
        if (known == mechanisms.end()) return error(i, "unknown mechanism '" + std::string(name) + "'");
        out_.mechanism = known->mechanism;
        return arguments(name_end);
    }

    std::optional<SyntaxError> arguments(std::size_t at) {
        const std::string_view rest = term_.substr(at);
        const std::string name(mechanism_name(out_.mechanism));
        switch (out_.mechanism) {
            case Mechanism::all:
                if (!rest.empty()) return error(at, "all takes no arguments");
                return std::nullopt;
            case Mechanism::include:
            case Mechanism::exists:
                if (rest.empty() || rest.front() != ':') return error(at, name + " needs ':' and a domain-spec");
                out_.domain_spec = std::string(rest.substr(1));
                return spec_error(out_.domain_spec, at + 1, name + ": needs a domain-spec");
            case Mechanism::ptr:
                if (rest.empty()) return std::nullopt;
                if (rest.front() != ':') return error(at, "ptr takes only ':' and a domain-spec");
                out_.domain_spec = std::string(rest.substr(1));
                return spec_error(out_.domain_spec, at + 1, "ptr: needs a domain-spec");
            case Mechanism::a:
            case Mechanism::mx: return host_arguments(at);
            case Mechanism::ip4:
            case Mechanism::ip6: return network_arguments(at);
        }
        return std::nullopt;
    }

    // [":" domain-spec] [dual-cidr-length], the cidr taken from the end.
    std::optional<SyntaxError> host_arguments(std::size_t at) {
        std::size_t end = term_.size();
        auto digits_start = [&](std::size_t e) {
            std::size_t b = e;
            while (b > at && core::is_digit(term_[b - 1])) --b;
            return b;
        };
        std::size_t b = digits_start(end);
        if (b < end && b >= at + 2 && term_[b - 1] == '/' && term_[b - 2] == '/') {
            const auto v = cidr_value(term_.substr(b, end - b), 128);
            if (!v) return error(b, "ip6-cidr-length must be 0 to 128, without leading zeros");
            out_.cidr6 = *v;
            end = b - 2;
            b = digits_start(end);
        }
        if (b < end && b >= at + 1 && term_[b - 1] == '/') {
            const auto v = cidr_value(term_.substr(b, end - b), 32);
            if (!v) return error(b, "ip4-cidr-length must be 0 to 32, without leading zeros");
            out_.cidr4 = *v;
            end = b - 1;
        }
        const std::string_view rest = term_.substr(at, end - at);
        const std::string name(mechanism_name(out_.mechanism));
        if (rest.empty()) return std::nullopt;
        if (rest.front() != ':') return error(at, "malformed " + name + " arguments");
        out_.domain_spec = std::string(rest.substr(1));
        return spec_error(out_.domain_spec, at + 1, name + ": needs a domain-spec");
    }

    std::optional<SyntaxError> network_arguments(std::size_t at) {
        const bool v6 = out_.mechanism == Mechanism::ip6;
        const std::string family = v6 ? "IPv6" : "IPv4";
        const std::string_view rest = term_.substr(at);
        if (rest.empty() || rest.front() != ':') return error(at, family + " mechanism needs ':' and a network");
        const std::size_t slash = rest.find('/');
        const std::string_view address = rest.substr(1, slash == std::string_view::npos ? slash : slash - 1);
        out_.network = v6 ? parse_ip6(address) : parse_ip4(address);
        if (!out_.network) return error(at + 1, "'" + std::string(address) + "' is no " + family + " address");
        if (slash == std::string_view::npos) return std::nullopt;
        const auto v = cidr_value(rest.substr(slash + 1), v6 ? 128 : 32);
        if (!v) return error(at + slash + 1, std::string("cidr-length must be 0 to ") + (v6 ? "128" : "32") +
                                                 ", without leading zeros");
        (v6 ? out_.cidr6 : out_.cidr4) = *v;
        return std::nullopt;
    }

    std::string_view term_;
    std::size_t offset_;
    Term& out_;
};

}  // namespace

bool Term::queries_dns() const noexcept {
    if (is_modifier) return modifier == Modifier::redirect;
    return mechanism == Mechanism::include || mechanism == Mechanism::a || mechanism == Mechanism::mx ||
           mechanism == Mechanism::ptr || mechanism == Mechanism::exists;
}

bool is_spf_record(std::string_view txt) noexcept {
    return core::istarts_with(txt, version) && (txt.size() == version.size() || txt[version.size()] == ' ');
}

std::optional<SyntaxError> check_domain_spec(std::string_view spec) {
    if (spec.empty()) return SyntaxError{0, "empty domain-spec"};
    const MacroString parsed = parse_macro_string(spec, MacroMode::domain);
    if (parsed.error) return SyntaxError{parsed.error->offset, parsed.error->reason};
    const MacroToken& last = parsed.tokens.back();
    if (!last.literal) return std::nullopt;
    std::string_view tail = spec;
    if (tail.back() == '.') tail.remove_suffix(1);
    const std::size_t dot = tail.rfind('.');
    if (dot == std::string_view::npos || dot < last.begin || !is_toplabel(tail.substr(dot + 1)))
        return SyntaxError{dot == std::string_view::npos ? 0 : dot + 1,
                           "a domain-spec must end in '.' and a top-level label (or a macro)"};
    return std::nullopt;
}

Record parse_record(std::string_view text) {
    Record record;
    std::size_t pos = version.size();
    while (pos < text.size()) {
        if (text[pos] != ' ') {
            record.error = SyntaxError{pos, "terms must be separated by spaces"};
            return record;
        }
        while (pos < text.size() && text[pos] == ' ') ++pos;
        if (pos == text.size()) break;
        const std::size_t end = std::min(text.find(' ', pos), text.size());
        Term term;
        if (auto e = TermParser(text.substr(pos, end - pos), pos, term).parse()) {
            record.error = std::move(e);
            return record;
        }
        if (term.is_modifier && term.modifier != Modifier::unknown) {
            auto& slot = term.modifier == Modifier::redirect ? record.redirect : record.exp;
            if (slot) {
                record.error = SyntaxError{pos, "a second " + core::to_lower(term.name) + "= modifier"};
                return record;
            }
            slot = record.terms.size();
        }
        record.terms.push_back(std::move(term));
        pos = end;
    }
    return record;
}

std::string_view qualifier_text(Qualifier q) noexcept {
    switch (q) {
        case Qualifier::pass: return "+";
        case Qualifier::fail: return "-";
        case Qualifier::softfail: return "~";
        case Qualifier::neutral: return "?";
    }
    return "+";
}

std::string_view mechanism_name(Mechanism m) noexcept {
    for (const auto& entry : mechanisms)
        if (entry.mechanism == m) return entry.name;
    return "all";
}

}  // namespace inboxlint::spf
