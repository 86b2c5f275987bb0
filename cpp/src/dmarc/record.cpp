#include "dmarc/record.hpp"

#include <algorithm>
#include <set>

#include "core/ascii.hpp"
#include "dmarc/record_values.hpp"

namespace inboxlint::dmarc {
namespace {

using detail::is_wsp;
constexpr std::size_t no_issue = static_cast<std::size_t>(-1);

std::string_view text_of(std::string_view txt, Span s) { return txt.substr(s.begin, s.size()); }

// A tag's value, or its whole span when the value is empty (so an issue
// always covers at least one byte a rule can underline).
Span value_or_tag(const auth::Tag& tag) { return tag.value.empty() ? tag.span : tag.value; }

class Parser {
public:
    Parser(std::string_view txt, Record& rec) : txt_(txt), rec_(rec) {}

    void run() {
        rec_.tags = auth::parse_tag_list(txt_, 0);
        carry_tag_list_issues();
        check_line_breaks();
        check_version();
        std::set<std::string, std::less<>> seen;
        for (std::size_t i = 0; i < rec_.tags.tags.size(); ++i) {
            const auth::Tag& tag = rec_.tags.tags[i];
            const std::string name = core::to_lower(tag.name_text);
            check_swallowed_tag(tag);
            if (!seen.insert(name).second) {
                add("duplicate-tag", tag.span, "tag " + name + " appears twice; receivers use the first", Level::error);
                continue;
            }
            if (i == 0 && name == "v") continue;  // check_version's
            if (!is_tag_name(name)) {
                // parse_tag_list flags what DKIM's grammar rejects too; DMARC's 1*ALPHA also rejects "x_1".
                if (!tag_list_flagged(tag))
                    add("invalid-tag-name", tag.name.empty() ? tag.span : tag.name,
                        "'" + tag.name_text + "' is no tag name (letters only)", Level::error);
                continue;
            }
            read_tag(name, tag, i);
        }
        settle_policy();
        std::stable_sort(rec_.issues.begin(), rec_.issues.end(),
                         [](const Issue& a, const Issue& b) { return a.span.begin < b.span.begin; });
    }

private:
    static bool is_tag_name(std::string_view name) noexcept {
        return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return core::is_alpha(c); });
    }

    // Whether parse_tag_list reported the name already: it rejects what
    // DKIM's ALPHA *(ALPHA / DIGIT / "_") rejects. Decided from the name,
    // not by searching its issues, which would be quadratic in the tags.
    static bool tag_list_flagged(const auth::Tag& tag) noexcept {
        const std::string_view name = tag.name_text;
        if (name.empty() || !core::is_alpha(name.front())) return true;
        return !std::all_of(name.begin(), name.end(), [](char c) { return core::is_alnum(c) || c == '_'; });
    }

    void add(std::string_view code, Span span, std::string detail, Level level) {
        rec_.issues.push_back({code, span, std::move(detail), level});
    }

    // The tag-list defects that are DMARC defects too, under DMARC's codes.
    // Duplicates are found again case-insensitively in run().
    void carry_tag_list_issues() {
        for (const auto& issue : rec_.tags.issues) {
            std::string_view code = issue.code;
            if (code == "duplicate-tag") continue;
            if (code == "empty-tag-spec") code = "empty-tag";
            if (code == "invalid-value-character") code = "invalid-character";
            add(code, issue.span, issue.detail, Level::error);
        }
    }

    // DNS TXT data has no folding: a CR or LF is a byte of the record, which
    // the section 6.4 grammar (WSP only) does not allow anywhere.
    void check_line_breaks() {
        for (std::size_t i = 0; i < txt_.size(); ++i) {
            if (txt_[i] != '\r' && txt_[i] != '\n') continue;
            std::size_t end = i;
            while (end < txt_.size() && (txt_[end] == '\r' || txt_[end] == '\n')) ++end;
            add("line-break", {i, end}, "a line break inside the record; only spaces and tabs may separate tags",
                Level::error);
            i = end - 1;
        }
    }

    void check_version() {
        const auto& tags = rec_.tags.tags;
        const bool leading_space = !txt_.empty() && (is_wsp(txt_[0]) || txt_[0] == '\r' || txt_[0] == '\n');
        if (leading_space) {
            std::size_t end = 0;
            while (end < txt_.size() && (is_wsp(txt_[end]) || txt_[end] == '\r' || txt_[end] == '\n')) ++end;
            add("leading-whitespace", {0, end}, "the record must start with v=DMARC1, not white space", Level::fatal);
        }
        const bool first_is_v = !tags.empty() && core::iequals(tags.front().name_text, "v");
        if (!first_is_v) {
            const auto v = std::find_if(tags.begin(), tags.end(),
                                        [](const auth::Tag& t) { return core::iequals(t.name_text, "v"); });
            if (v != tags.end())
                add("misplaced-version", v->span, "v=DMARC1 must be the first tag", Level::fatal);
            else
                add("missing-version", tags.empty() ? Span{0, txt_.size()} : tags.front().span,
                    "the record does not start with v=DMARC1", Level::fatal);
            return;
        }
        const auth::Tag& v = tags.front();
        if (v.span.begin != 0 && txt_.substr(0, v.span.begin).find(';') != std::string_view::npos) {
            add("misplaced-version", v.span, "nothing may come before v=DMARC1, not even ';'", Level::fatal);
            return;
        }
        if (text_of(txt_, v.value) != "DMARC1") {
            add("invalid-version", value_or_tag(v), "the version must be exactly DMARC1", Level::fatal);
            return;
        }
        rec_.version_ok = !leading_space;
    }

    // "p=none sp=reject": a missing ';' makes the next tag part of this value.
    void check_swallowed_tag(const auth::Tag& tag) {
        const std::string_view value = text_of(txt_, tag.value);
        for (std::size_t i = 1; i < value.size(); ++i) {
            if (!is_wsp(value[i - 1]) || !core::is_alpha(value[i])) continue;
            std::size_t j = i;
            while (j < value.size() && core::is_alpha(value[j])) ++j;
            while (j < value.size() && is_wsp(value[j])) ++j;
            if (j < value.size() && value[j] == '=') {
                add("missing-separator", {tag.value.begin + i, tag.value.end},
                    "a ';' is missing: '" + std::string(value.substr(i)) + "' is read as part of " + tag.name_text +
                        "=",
                    Level::error);
                return;
            }
        }
    }

    void invalid(const auth::Tag& tag, std::string_view name, std::string_view expected) {
        add("invalid-value", value_or_tag(tag),
            std::string(name) + "= must be " + std::string(expected) + "; receivers use the default", Level::error);
    }

    template <typename T, typename F>
    void keyword(const auth::Tag& tag, std::string_view name, std::string_view expected, T& out, F parse) {
        if (const auto v = parse(core::to_lower(text_of(txt_, tag.value))))
            out = *v;
        else
            invalid(tag, name, expected);
    }

    void read_tag(const std::string& name, const auth::Tag& tag, std::size_t index);
    void read_number_tag(const std::string& name, const auth::Tag& tag);
    void settle_policy();

    std::string_view txt_;
    Record& rec_;
    std::size_t sp_issue_ = no_issue;  // index of sp='s invalid-value issue
};

void Parser::read_tag(const std::string& name, const auth::Tag& tag, std::size_t index) {
    const std::string_view value = text_of(txt_, tag.value);
    if (name == "p") {
        rec_.policy = parse_policy(value);
        if (!rec_.policy)
            add("invalid-policy", value_or_tag(tag), "p= must be none, quarantine or reject", Level::error);
        if (index != 1 && rec_.version_ok)
            add("policy-not-second", tag.span, "RFC 7489's grammar puts p= right after v=; some receivers insist",
                Level::note);
    } else if (name == "sp") {
        rec_.subdomain_policy = parse_policy(value);
        if (!rec_.subdomain_policy) {
            sp_issue_ = rec_.issues.size();
            invalid(tag, name, "none, quarantine or reject");
        }
    } else if (name == "np") {
        keyword(tag, name, "none, quarantine or reject", rec_.nonexistent_policy,
                [](std::string_view v) { return parse_policy(v); });
    } else if (name == "adkim") {
        keyword(tag, name, "r or s", rec_.adkim, detail::parse_alignment);
    } else if (name == "aspf") {
        keyword(tag, name, "r or s", rec_.aspf, detail::parse_alignment);
    } else if (name == "t") {
        keyword(tag, name, "y or n", rec_.testing, detail::parse_yes_no);
    } else if (name == "psd") {
        keyword(tag, name, "y, n or u", rec_.psd, detail::parse_psd);
    } else if (name == "fo") {
        if (!detail::parse_fo(txt_, tag.value, rec_.fo)) invalid(tag, name, "0, 1, d or s, joined by ':'");
    } else if (name == "rf") {
        if (!detail::parse_rf(txt_, tag.value, rec_.rf)) invalid(tag, name, "afrf (the only report format defined)");
    } else if (name == "rua" || name == "ruf") {
        detail::parse_uri_list(txt_, tag, name == "rua" ? rec_.rua : rec_.ruf, rec_.issues);
    } else if (name == "pct" || name == "ri") {
        read_number_tag(name, tag);
    } else if (name == "v") {
        // The first v= after other tags: check_version reported it.
    } else {
        add("unknown-tag", tag.span, "receivers ignore the unknown tag " + tag.name_text, Level::note);
    }
}

void Parser::read_number_tag(const std::string& name, const auth::Tag& tag) {
    const std::string_view value = text_of(txt_, tag.value);
    if (name == "pct") {
        rec_.pct_given = true;
        add("pct-deprecated", tag.span, "DMARCbis drops pct=; t=y is the test mode that replaces pct=0", Level::note);
        const auto n = detail::parse_decimal(value, 3);
        if (n && *n <= 100)
            rec_.pct = static_cast<int>(*n);
        else
            invalid(tag, name, "a whole number from 0 to 100");
        return;
    }
    const auto n = detail::parse_decimal(value, 32);  // ri = 1*32DIGIT, held in 32 bits
    if (n && *n <= 0xffffffffu)
        rec_.ri = static_cast<std::uint32_t>(*n);
    else
        invalid(tag, name, "a number of seconds below 2^32");
}

// RFC 7489 section 6.6.3 step 6 (and DMARCbis): no valid p=, or an invalid
// sp=, with at least one valid rua= URI reads as "v=DMARC1; p=none";
// without one the record carries no policy at all.
void Parser::settle_policy() {
    const auth::Tag* p = rec_.find("p");
    if (!p) add("missing-policy", {0, txt_.size()}, "the record has no p= tag", Level::error);
    if (rec_.policy && sp_issue_ == no_issue) return;
    const bool fallback = rec_.version_ok && !rec_.rua.empty();
    if (fallback) {
        rec_.policy = Policy::none;
        rec_.policy_from_rua = true;
        rec_.subdomain_policy.reset();
        rec_.nonexistent_policy.reset();
        add("policy-from-rua", p ? value_or_tag(*p) : Span{0, txt_.size()},
            "without a valid p= (and sp=) receivers act as if p=none, because rua= is valid", Level::error);
        return;
    }
    rec_.policy.reset();
    for (std::size_t i = 0; i < rec_.issues.size(); ++i) {
        Issue& issue = rec_.issues[i];
        if (issue.code == "missing-policy" || issue.code == "invalid-policy" || i == sp_issue_)
            issue.level = Level::fatal;
    }
}

}  // namespace

bool Record::has(std::string_view code) const noexcept {
    return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
}

const auth::Tag* Record::find(std::string_view name) const noexcept {
    for (const auth::Tag& t : tags.tags) {
        if (core::iequals(t.name_text, name)) return &t;
    }
    return nullptr;
}

bool starts_as_dmarc(std::string_view txt) noexcept {
    if (txt.empty() || core::to_lower(txt.front()) != 'v') return false;
    std::size_t i = 1;
    while (i < txt.size() && is_wsp(txt[i])) ++i;
    if (i >= txt.size() || txt[i] != '=') return false;
    ++i;
    while (i < txt.size() && is_wsp(txt[i])) ++i;
    if (txt.substr(i, 6) != "DMARC1") return false;
    i += 6;
    return i == txt.size() || is_wsp(txt[i]) || txt[i] == ';';
}

Record parse_record(std::string_view txt) {
    Record rec;
    Parser(txt, rec).run();
    return rec;
}

std::optional<Policy> parse_policy(std::string_view value) noexcept {
    if (core::iequals(value, "none")) return Policy::none;
    if (core::iequals(value, "quarantine")) return Policy::quarantine;
    if (core::iequals(value, "reject")) return Policy::reject;
    return std::nullopt;
}

std::string_view to_string(Policy policy) noexcept {
    switch (policy) {
        case Policy::none: return "none";
        case Policy::quarantine: return "quarantine";
        case Policy::reject: return "reject";
    }
    return "none";
}

bool policy_is_enforcing(const Record& record) noexcept {
    if (!record.usable() || record.policy_from_rua || record.testing || record.pct != 100) return false;
    if (record.policy == Policy::none) return false;
    return record.subdomain_policy != Policy::none;
}

bool publishes_policy(const Record& record) noexcept { return record.usable() && !record.policy_from_rua; }

}  // namespace inboxlint::dmarc
