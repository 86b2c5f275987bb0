#include "idn/uts46.hpp"

#include <unicode/uidna.h>

#include <array>
#include <climits>
#include <utility>

namespace inboxlint::idn {
namespace {

// ICU reads lengths as int32_t; a domain name is at most 253 octets, so
// anything near this is hostile input and fails without reaching ICU.
constexpr std::size_t max_input = 1u << 20;

constexpr std::uint32_t hyphen_errors = error::leading_hyphen | error::trailing_hyphen | error::hyphen_3_4;
constexpr std::uint32_t length_errors = error::empty_label | error::label_too_long | error::domain_name_too_long;

// One ICU UTS #46 object per (STD3, transitional) pair, opened on first use.
// A UIDNA is immutable after opening and documented as thread-safe.
class Instances {
public:
    Instances() {
        for (int i = 0; i < 4; ++i) {
            const bool std3 = (i & 1) != 0;
            const bool transitional = (i & 2) != 0;
            std::uint32_t flags = UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ;
            if (std3) flags |= UIDNA_USE_STD3_RULES;
            if (!transitional) flags |= UIDNA_NONTRANSITIONAL_TO_ASCII | UIDNA_NONTRANSITIONAL_TO_UNICODE;
            UErrorCode status = U_ZERO_ERROR;
            idna_[static_cast<std::size_t>(i)] = uidna_openUTS46(flags, &status);
            if (U_FAILURE(status)) idna_[static_cast<std::size_t>(i)] = nullptr;
        }
    }
    ~Instances() {
        for (UIDNA* idna : idna_)
            if (idna != nullptr) uidna_close(idna);
    }
    Instances(const Instances&) = delete;
    Instances& operator=(const Instances&) = delete;

    [[nodiscard]] const UIDNA* get(const Options& o) const noexcept {
        return idna_[(o.std3_rules ? 1u : 0u) | (o.transitional ? 2u : 0u)];
    }

private:
    std::array<UIDNA*, 4> idna_{};
};

const Instances& instances() {
    static const Instances shared;
    return shared;
}

using Convert = int32_t (*)(const UIDNA*, const char*, int32_t, char*, int32_t, UIDNAInfo*, UErrorCode*);

Uts46Result run(Convert convert, std::string_view name, const Options& options, std::uint32_t ignored) {
    Uts46Result result;
    const UIDNA* idna = instances().get(options);
    if (idna == nullptr || name.size() > max_input) {
        result.errors = error::internal;
        return result;
    }
    // UTS #46 output is rarely longer than the input; Punycode of a short
    // label can be, hence the slack. One retry covers every case.
    result.text.resize(name.size() * 2 + 64);
    for (int attempt = 0; attempt < 2; ++attempt) {
        UIDNAInfo info = UIDNA_INFO_INITIALIZER;
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length = convert(idna, name.data(), static_cast<int32_t>(name.size()), result.text.data(),
                                       static_cast<int32_t>(result.text.size()), &info, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR && attempt == 0) {
            result.text.resize(static_cast<std::size_t>(length) + 1);
            continue;
        }
        if (U_FAILURE(status)) {
            result.text.clear();
            result.errors = error::internal;
            return result;
        }
        result.text.resize(static_cast<std::size_t>(length));
        result.errors = info.errors & ~ignored;
        return result;
    }
    result.text.clear();
    result.errors = error::internal;
    return result;
}

std::uint32_t ignored_errors(const Options& options, bool to_ascii) {
    std::uint32_t ignored = 0;
    if (!options.check_hyphens) ignored |= hyphen_errors;
    // ToUnicode keeps reporting empty labels (IdnaTestV2's X4_2) under
    // VerifyDnsLength, as ICU does; the lengths are ToASCII's alone.
    if (!options.verify_dns_length) ignored |= length_errors;
    if (!to_ascii) ignored |= error::label_too_long | error::domain_name_too_long;
    return ignored;
}

constexpr std::array<std::pair<std::uint32_t, std::pair<std::string_view, std::string_view>>, 14> names{{
    {error::empty_label, {"empty-label", "an empty label (UTS #46 section 4.2, VerifyDnsLength)"}},
    {error::label_too_long, {"label-too-long", "a label longer than 63 octets (VerifyDnsLength)"}},
    {error::domain_name_too_long, {"name-too-long", "a name longer than 253 octets (VerifyDnsLength)"}},
    {error::leading_hyphen, {"leading-hyphen", "a label starts with '-' (UTS #46 section 4.1, CheckHyphens)"}},
    {error::trailing_hyphen, {"trailing-hyphen", "a label ends with '-' (CheckHyphens)"}},
    {error::hyphen_3_4, {"hyphen-3-4", "\"--\" in the third and fourth positions of a label (CheckHyphens)"}},
    {error::leading_combining_mark, {"leading-combining-mark", "a label starts with a combining mark"}},
    {error::disallowed, {"disallowed", "a character UTS #46 disallows (or STD3 rules forbid)"}},
    {error::punycode, {"punycode", "an \"xn--\" label that is not valid Punycode"}},
    {error::label_has_dot, {"label-has-dot", "an \"xn--\" label that decodes to a dot"}},
    {error::invalid_ace_label, {"invalid-ace-label", "an \"xn--\" label whose decoded form is not valid"}},
    {error::bidi, {"bidi", "the Bidi rule of RFC 5893 fails (CheckBidi)"}},
    {error::contextj, {"contextj", "a ZWJ or ZWNJ outside the context RFC 5892 allows (CheckJoiners)"}},
    {error::internal, {"too-long", "the name is too long to process"}},
}};

}  // namespace

Options Options::of(Profile profile) noexcept {
    Options o;
    if (profile == Profile::mail) {
        o.std3_rules = true;
        o.check_hyphens = true;
        o.verify_dns_length = true;
    }
    return o;
}

Uts46Result to_ascii(std::string_view name, const Options& options) {
    return run(uidna_nameToASCII_UTF8, name, options, ignored_errors(options, true));
}

Uts46Result to_unicode(std::string_view name, const Options& options) {
    return run(uidna_nameToUnicodeUTF8, name, options, ignored_errors(options, false));
}

std::vector<std::string_view> error_names(std::uint32_t errors) {
    std::vector<std::string_view> out;
    for (const auto& [bit, text] : names)
        if ((errors & bit) != 0) out.push_back(text.first);
    if ((errors & ~(0x3FFFu | error::internal)) != 0) out.push_back("other");
    return out;
}

std::string_view error_description(std::uint32_t error_bit) {
    for (const auto& [bit, text] : names)
        if (bit == error_bit) return text.second;
    return "an IDNA error";
}

}  // namespace inboxlint::idn
