#include "bimi/record.hpp"

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "url/url.hpp"

namespace inboxlint::bimi {
namespace {

void take_tag_issues(const auth::TagList& tags, std::vector<Issue>& out) {
    for (const mime::SyntaxIssue& issue : tags.issues) out.push_back({issue.code, issue.span, issue.detail});
}

// v=BIMI1 must be the first tag, exactly (the draft's section 4.2).
bool check_version(const auth::TagList& tags, std::size_t base, std::vector<Issue>& out) {
    const auth::Tag* v = tags.find("v");
    if (v == nullptr) {
        out.push_back({"missing-version", {base, base}, "no v=BIMI1 tag"});
        return false;
    }
    if (v != &tags.tags.front() || v->compact != "BIMI1") {
        out.push_back({"invalid-version", v->span, "v=BIMI1 must be the first tag, exactly"});
        return false;
    }
    return true;
}

// A URL tag: https, and for l= a path ending in .svg (SVG Tiny PS).
void check_url(const auth::Tag& tag, std::string_view value, bool svg, std::vector<Issue>& out) {
    const url::UrlResult parsed = url::parse_url(value);
    if (!parsed.url) {
        out.push_back({"invalid-url", tag.value, "'" + std::string(value) + "' is no URL"});
        return;
    }
    if (parsed.url->scheme != "https") {
        out.push_back({svg ? "location-not-https" : "authority-not-https", tag.value, "the URL must be https"});
        return;
    }
    if (svg && !core::iends_with(parsed.url->pathname(), ".svg"))
        out.push_back({"location-not-svg", tag.value, "the logo must be an SVG file (SVG Tiny Portable/Secure)"});
}

}  // namespace

Selector parse_selector(std::string_view raw_value, std::size_t base) {
    Selector out;
    out.tags = auth::parse_tag_list(raw_value, base);
    take_tag_issues(out.tags, out.issues);
    check_version(out.tags, base, out.issues);
    const auth::Tag* s = out.tags.find("s");
    if (s == nullptr) {
        out.issues.push_back({"missing-selector", {base, base + raw_value.size()}, "no s= tag"});
        return out;
    }
    const std::string selector = core::to_lower(s->compact);
    if (selector.empty() || !dns::is_record_name(selector)) {
        out.issues.push_back({"invalid-selector", s->value, "the selector must be a DNS name"});
        return out;
    }
    out.selector = selector;
    return out;
}

bool is_bimi_record(std::string_view txt) noexcept {
    const std::string_view t = core::trim(txt);
    if (!core::istarts_with(t, "v")) return false;
    const std::string_view rest = core::trim(t.substr(1));
    return !rest.empty() && rest.front() == '=' && core::istarts_with(core::trim(rest.substr(1)), "BIMI1");
}

Record parse_record(std::string_view txt) {
    Record out;
    out.tags = auth::parse_tag_list(txt, 0);
    take_tag_issues(out.tags, out.issues);
    out.version_ok = check_version(out.tags, 0, out.issues);
    const auth::Tag* l = out.tags.find("l");
    if (l == nullptr) out.issues.push_back({"missing-location", {0, txt.size()}, "no l= tag"});
    // l= may list several URLs in older drafts; the first is the one shown.
    if (l != nullptr) {
        const std::string_view value = std::string_view(l->compact).substr(0, l->compact.find(','));
        out.location = std::string(value);
        if (!value.empty()) check_url(*l, value, true, out.issues);
    }
    if (const auth::Tag* a = out.tags.find("a")) {
        out.authority = a->compact;
        if (!a->compact.empty()) check_url(*a, a->compact, false, out.issues);
    }
    return out;
}

}  // namespace inboxlint::bimi
