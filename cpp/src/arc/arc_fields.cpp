#include "arc/arc_fields.hpp"

#include <algorithm>
#include <initializer_list>

#include "core/ascii.hpp"

namespace inboxlint::arc {
namespace {

constexpr bool is_fws(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// RFC 8617 section 4.2.1: i-val = 1*2DIGIT, 1 to 50. 0 when it is not.
int instance_value(std::string_view digits) noexcept {
    if (digits.empty() || digits.size() > 2 || !std::all_of(digits.begin(), digits.end(), core::is_digit)) return 0;
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value >= 1 && value <= max_instance ? value : 0;
}

// The detail names the field: "ARC-Seal i=2: b= is empty".
void add(std::vector<Issue>& issues, std::string_view code, ArcHeader header, int instance, Span span,
         const std::string& detail) {
    std::string where(to_string(header));
    if (instance > 0) where += " i=" + std::to_string(instance);
    issues.push_back({code, header, instance, span, where + ": " + detail});
}

// The instance from the i= tag of a signature field.
void read_instance(const auth::TagList& tags, Span field_span, ArcHeader header, ArcField& out,
                   std::vector<Issue>& issues) {
    const auth::Tag* i = tags.find("i");
    if (i) out.instance_span = i->span;
    out.instance = i && !i->inner_space ? instance_value(i->compact) : 0;
    if (out.instance == 0)
        add(issues, "invalid-instance", header, 0, i ? i->span : field_span,
            i ? "i=" + i->compact + " is not an instance from 1 to 50" : std::string("there is no i= tag"));
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The tag whose span holds `at`, if any.
const auth::Tag* tag_at(const auth::TagList& tags, std::size_t at) {
    for (const auth::Tag& t : tags.tags)
        if (at >= t.span.begin && at <= t.span.end) return &t;
    return nullptr;
}

// The DKIM parser's findings that count for ARC: every tag-list defect, and
// value defects of the tags this field defines (DKIM reads i= as an
// identity; for ARC it is the instance, read above).
void keep_issues(const auth::DkimSignature& sig, ArcHeader header, int instance,
                 std::initializer_list<std::string_view> defined, std::vector<Issue>& issues) {
    for (const mime::SyntaxIssue& issue : sig.tags.issues)
        add(issues, "tag-syntax", header, instance, issue.span, issue.detail);
    for (std::size_t k = sig.tags.issues.size(); k < sig.issues.size(); ++k) {
        const mime::SyntaxIssue& issue = sig.issues[k];
        if (issue.code == "empty-header-name" || issue.code == "invalid-identity") continue;
        const auth::Tag* t = tag_at(sig.tags, issue.span.begin);
        if (t && one_of(t->name_text, defined))
            add(issues, "invalid-value", header, instance, issue.span, issue.detail);
    }
}

// Tags that must be there, with a value where `needs_value` holds.
void require_tags(const auth::DkimSignature& sig, ArcHeader header, int instance, Span field_span,
                  std::initializer_list<std::string_view> required, std::vector<Issue>& issues) {
    for (std::string_view name : required) {
        const auth::Tag* t = sig.tag(name);
        if (!t) {
            add(issues, "missing-tag", header, instance, field_span, "there is no " + std::string(name) + "= tag");
        } else if (t->compact.empty() && (name == "d" || name == "s")) {
            add(issues, "invalid-value", header, instance, t->span, std::string(name) + "= is empty");
        }
    }
}

// a=: RFC 8617 sections 4.1.2 and 4.1.3 allow rsa-sha256 only (RFC 8301
// retired rsa-sha1).
void check_algorithm(const auth::DkimSignature& sig, ArcHeader header, int instance, std::vector<Issue>& issues) {
    const auth::Tag* a = sig.tag("a");
    if (a && sig.algorithm != auth::DkimAlgorithm::rsa_sha256)
        add(issues, "unsupported-algorithm", header, instance, a->span, "a=" + a->compact + " is not rsa-sha256");
}

// The value span of a tag, or the tag when the value is empty.
Span value_or_tag(const auth::Tag& t) noexcept { return t.value.empty() ? t.span : t.value; }

}  // namespace

ArcAuthResults parse_authentication_results(std::string_view raw, std::size_t base, std::vector<Issue>& issues) {
    // arc-info = instance [CFWS] ";"; instance = [CFWS] "i" [CFWS] "=" [CFWS] i-val
    ArcAuthResults out;
    std::size_t p = 0;
    const auto skip = [&] {
        while (p < raw.size() && is_fws(raw[p])) ++p;
    };
    skip();
    const std::size_t begin = p;
    bool ok = p < raw.size() && raw[p] == 'i';
    ++p;
    skip();
    ok = ok && p < raw.size() && raw[p] == '=';
    ++p;
    skip();
    const std::size_t digits = p;
    while (p < raw.size() && core::is_digit(raw[p])) ++p;
    const std::size_t digits_end = p;
    skip();
    ok = ok && p < raw.size() && raw[p] == ';';
    out.instance = ok ? instance_value(raw.substr(digits, digits_end - digits)) : 0;
    if (out.instance == 0) {
        const Span at{base + begin, base + std::min(raw.size(), std::max(begin, digits_end))};
        add(issues, "invalid-instance", ArcHeader::authentication_results, 0,
            at.empty() ? Span{base, base + raw.size()} : at,
            "the value must begin with \"i=N;\", N from 1 to 50");
        return out;
    }
    out.instance_span = {base + begin, base + digits_end};
    std::size_t b = p + 1;
    std::size_t e = raw.size();
    while (b < e && is_fws(raw[b])) ++b;
    while (e > b && is_fws(raw[e - 1])) --e;
    out.payload = {base + b, base + e};
    return out;
}

ArcMessageSignature parse_message_signature(std::string_view raw, std::size_t base, std::vector<Issue>& issues) {
    constexpr ArcHeader kind = ArcHeader::message_signature;
    ArcMessageSignature out;
    out.sig = auth::parse_dkim_signature(raw, base);
    const Span whole{base, base + raw.size()};
    read_instance(out.sig.tags, whole, kind, out, issues);
    const int n = out.instance;
    keep_issues(out.sig, kind, n, {"a", "b", "bh", "c", "d", "h", "l", "s", "t", "x"}, issues);
    require_tags(out.sig, kind, n, whole, {"a", "b", "bh", "d", "h", "s"}, issues);
    check_algorithm(out.sig, kind, n, issues);
    const auth::Tag* c = out.sig.tag("c");
    if (!c) {
        // DKIM's default is simple/simple; for an AMS without c= the ARC test
        // suite and its reference validator (dkimpy) use relaxed/relaxed, the
        // only canonicalization ARC signers use (the seal is always relaxed).
        out.sig.header_canon = auth::Canonicalization::relaxed;
        out.sig.body_canon = auth::Canonicalization::relaxed;
    }
    if (c && (out.sig.header_canon == auth::Canonicalization::unknown ||
              out.sig.body_canon == auth::Canonicalization::unknown))
        add(issues, "invalid-value", kind, n, value_or_tag(*c), "c=" + c->compact + " is not a canonicalization");
    for (const auth::SignedHeader& h : out.sig.headers) {
        if (h.name == "arc-seal")
            add(issues, "signs-arc-seal", kind, n, h.span, "h= must not list ARC-Seal (RFC 8617 section 4.1.2)");
    }
    return out;
}

ArcSeal parse_seal(std::string_view raw, std::size_t base, std::vector<Issue>& issues) {
    constexpr ArcHeader kind = ArcHeader::seal;
    ArcSeal out;
    out.sig = auth::parse_dkim_signature(raw, base);
    const Span whole{base, base + raw.size()};
    read_instance(out.sig.tags, whole, kind, out, issues);
    const int n = out.instance;
    keep_issues(out.sig, kind, n, {"a", "b", "d", "s", "t"}, issues);
    require_tags(out.sig, kind, n, whole, {"a", "b", "cv", "d", "s"}, issues);
    check_algorithm(out.sig, kind, n, issues);
    if (const auth::Tag* h = out.sig.tag("h"))
        add(issues, "forbidden-tag", kind, n, h->span, "an ARC-Seal has no h= (RFC 8617 section 4.1.3)");
    if (const auth::Tag* cv = out.sig.tag("cv")) {
        out.cv_span = cv->span;
        const std::string& v = cv->compact;
        out.cv = core::iequals(v, "none")   ? ChainStatus::none
                 : core::iequals(v, "pass") ? ChainStatus::pass
                 : core::iequals(v, "fail") ? ChainStatus::fail
                                            : ChainStatus::invalid;
        if (out.cv == ChainStatus::invalid || cv->inner_space)
            add(issues, "invalid-cv", kind, n, value_or_tag(*cv), "cv=" + v + " is not none, pass or fail");
    }
    return out;
}

}  // namespace inboxlint::arc
