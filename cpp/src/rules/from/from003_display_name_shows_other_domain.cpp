#include <algorithm>
#include <optional>
#include <string>

#include "core/ascii.hpp"
#include "mime/encoded_word.hpp"
#include "mime/lexer.hpp"
#include "rules/context.hpp"
#include "url/registrable.hpp"
#include "url/shown_text.hpp"

namespace inboxlint::checks {
namespace {

struct Shown {
    std::string domain;  // the domain the display name shows
    Span text;           // where in the decoded name
};

// Top-level domains that commonly follow a brand in a display name. Other
// suffixes need more than a name with a dot: "Craig R.Hughes" is a person,
// though .hughes is a top-level domain.
bool is_brand_suffix(const std::string& written) {
    static constexpr std::string_view common[] = {"com", "net", "org", "info", "biz", "io", "co", "app",
                                                  "shop", "store", "online", "site", "xyz", "top", "me"};
    const auto dot = written.rfind('.');
    const std::string_view tld = std::string_view(written).substr(dot + 1);
    const std::string lower = core::to_lower(tld);
    for (std::string_view c : common) {
        if (lower == c) return true;
    }
    // A two-letter country code, written in lower case after a label of at
    // least three letters ("amazon.de"), not "Jean.Li".
    const bool lower_case = std::none_of(tld.begin(), tld.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    return tld.size() == 2 && lower_case && dot >= 3;
}

bool is_domain_char(char c) { return core::is_alnum(c) || c == '-' || c == '.' || core::is_8bit(c); }

// Where the address whose '@' is at `at` starts: its local part runs back
// over atext and dots.
std::size_t address_start(const std::string& name, std::size_t at) {
    std::size_t start = at;
    while (start > 0 && (mime::is_atext(name[start - 1]) || name[start - 1] == '.')) --start;
    return start;
}

// The domain of an address ("support@bank.example") or of a bare domain with
// a known public suffix ("PayPal.com") written in the display name. Bare
// words need the known suffix, so "Dr.Smith" or "v2.1" never count.
std::optional<Shown> shown_domain(const std::string& name) {
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (!is_domain_char(name[i]) || (i > 0 && is_domain_char(name[i - 1]) && name[i - 1] != '@')) continue;
        std::size_t end = i;
        while (end < name.size() && is_domain_char(name[end])) ++end;
        std::string written = name.substr(i, end - i);
        while (!written.empty() && written.back() == '.') written.pop_back();
        const std::string candidate = core::to_lower(written);
        const bool after_at = i > 0 && name[i - 1] == '@';
        if (candidate.find('.') == std::string::npos) continue;
        if (after_at) return Shown{candidate, {address_start(name, i - 1), i + candidate.size()}};
        if (url::has_known_public_suffix(candidate) && is_brand_suffix(written)) {
            return Shown{candidate, {i, i + candidate.size()}};
        }
    }
    return std::nullopt;
}

// shown_domain of the name as written, else of the name as an address bar
// reads it ("PayPal<ZWSP>.com", "PayPal．com"). Offsets in the read form are
// not the name's, so such a finding covers the whole name.
std::optional<Shown> shown_domain_read(const std::string& name) {
    if (auto shown = shown_domain(name)) return shown;
    const std::string read = url::as_an_address_bar_reads(name);
    if (read == name) return std::nullopt;
    auto shown = shown_domain(read);
    if (shown) shown->text = {0, name.size()};
    return shown;
}

}  // namespace

void check_from003_display_name_shows_other_domain(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("From");
    if (!field) return;
    for (const mime::Mailbox* m : msg.addresses(*field).mailboxes()) {
        if (m->display_name.empty() || m->domain.empty()) continue;
        // What recipients see: clients decode encoded words even in quotes.
        const mime::DecodedHeader name = mime::decode_display_name(msg.text(), *m, {.decode_quoted = true});
        const auto shown = shown_domain_read(name.text);
        if (!shown || url::same_registrable_domain(shown->domain, core::to_lower(m->domain))) continue;
        Finding& f = ctx.report("", name.to_raw(shown->text),
                                "the display name shows " + shown->domain + " but the address is @" + m->domain +
                                    "; recipients see a sender the message is not from");
        f.related.push_back({ctx.location("", m->domain_span), "the real domain"});
        f.properties.push_back({"shown_domain", shown->domain});
        f.properties.push_back({"address_domain", core::to_lower(m->domain)});
    }
}

}  // namespace inboxlint::checks
