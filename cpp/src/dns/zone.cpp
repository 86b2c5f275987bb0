// parse_zone / load_zone (inboxlint/dns.hpp): zone-file text into DnsRecords.
#include <arpa/inet.h>

#include <fstream>
#include <sstream>

#include "core/ascii.hpp"
#include "dns/names.hpp"
#include "dns/zone_text.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"

namespace inboxlint {
namespace {

class ZoneReader {
public:
    ZoneReader(DnsRecords& out, std::string_view source) : out_(out), source_(source) {}

    void read(const dns::ZoneEntry& entry) {
        line_ = entry.line;
        std::string_view rest = entry.text;
        if (rest.front() == '$') return directive(rest);
        const std::string owner = entry.continues_owner ? previous_owner_ : absolute(dns::next_token(rest));
        if (owner.empty()) fail("a record before any owner name");
        previous_owner_ = owner;
        record(owner, rest);
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ConfigError(std::string(source_) + ", line " + std::to_string(line_) + ": " + what);
    }

    void directive(std::string_view rest) {
        const std::string_view name = dns::next_token(rest);
        if (core::iequals(name, "$ORIGIN")) {
            const std::string_view origin = dns::next_token(rest);
            if (origin.empty() || origin.back() != '.') fail("$ORIGIN needs an absolute name (ending in '.')");
            origin_ = dns::normalise_name(origin);
        } else if (!core::iequals(name, "$TTL")) {
            fail("unsupported directive " + std::string(name));
        }
    }

    // "@" is the origin; a name without a final dot is relative to it.
    std::string absolute(std::string_view name) const {
        if (name == "@") {
            if (origin_.empty()) fail("'@' without $ORIGIN");
            return origin_;
        }
        if (name.empty() || name.back() == '.' || origin_.empty()) return dns::normalise_name(name);
        return dns::normalise_name(name) + "." + origin_;
    }

    void record(const std::string& owner, std::string_view rest) {
        std::string_view type = dns::next_token(rest);
        bool prefixed = false;  // a TTL or class came before the type
        for (int i = 0; i < 2 && (is_ttl(type) || is_class(type)); ++i) {
            prefixed = true;
            type = dns::next_token(rest);
        }
        if (!prefixed && is_bare_value(type)) {  // "NAME TXT-VALUE", the DKIM key-file form
            add(owner, "TXT", txt_value(core::trim(std::string_view(type.data(), type.size() + rest.size())), false));
            return;
        }
        if (type.empty()) fail(owner + " has no record type");
        if (!is_known_dns_type(type)) fail("unknown record type '" + std::string(type) + "'");
        typed_record(owner, core::to_lower(type), rest);
    }

    void typed_record(const std::string& owner, const std::string& type, std::string_view rest) {
        if (type == "txt") return add(owner, "TXT", txt_value(core::trim(rest), true));
        const std::string data = dns::strip_comment(rest);
        std::string_view fields = data;
        if (type == "nxdomain" || type == "servfail") {
            if (!core::trim(fields).empty()) fail(owner + (type == "nxdomain" ? ": NXDOMAIN" : ": SERVFAIL") + " takes no data");
            return type == "nxdomain" ? out_.mark_nonexistent(owner) : out_.mark_failing(owner);
        }
        const std::string_view first = dns::next_token(fields);
        if (first.empty()) fail(owner + " has no data");
        if (type == "a" || type == "aaaa") return address(owner, type, first, fields);
        if (type == "mx") return mx(owner, first, fields);
        if (!core::trim(fields).empty()) fail(owner + ": more than one target name");
        add(owner, type == "ptr" ? "PTR" : "CNAME", absolute(first));
    }

    void address(const std::string& owner, const std::string& type, std::string_view text, std::string_view rest) {
        unsigned char bytes[16];
        const std::string value(text);
        const int family = type == "a" ? AF_INET : AF_INET6;
        if (!core::trim(rest).empty() || inet_pton(family, value.c_str(), bytes) != 1)
            fail(owner + ": '" + value + "' is no " + (type == "a" ? "IPv4" : "IPv6") + " address");
        add(owner, type == "a" ? "A" : "AAAA", value);
    }

    void mx(const std::string& owner, std::string_view preference, std::string_view rest) {
        const std::string_view exchange = dns::next_token(rest);
        if (preference.find_first_not_of("0123456789") != std::string_view::npos || preference.size() > 5 ||
            exchange.empty() || !core::trim(rest).empty())
            fail(owner + ": MX data is \"PREFERENCE EXCHANGE\"");
        add(owner, "MX", std::string(preference) + " " + absolute(exchange));
    }

    // Quoted strings joined; a value without any quote is taken as it stands
    // (as one string: nobody means "v=spf1 -all" to be two), up to a ';'
    // comment in zone syntax and whole in the bare key-file form.
    std::string txt_value(std::string_view text, bool zone_syntax) const {
        if (text.empty()) fail("a TXT record without a value");
        if (text.find('"') == std::string_view::npos)
        {
            if (!zone_syntax) return std::string(text);
            const std::string code = dns::strip_comment(text);
            return std::string(core::trim(code));
        }
        std::string value, reason;
        if (!dns::join_quoted(text, value, reason)) fail(reason);
        return value;
    }

    void add(const std::string& owner, std::string_view type, std::string value) {
        try {
            out_.add(owner, type, std::move(value));
        } catch (const ConfigError& e) {
            fail(std::string(e.what()).substr(std::string_view("DNS records: ").size()));
        }
    }

    static bool is_ttl(std::string_view token) noexcept {
        if (token.empty() || !core::is_digit(token.front())) return false;
        return token.find_first_not_of("0123456789smhdwSMHDW") == std::string_view::npos;
    }
    static bool is_class(std::string_view token) noexcept {
        return core::iequals(token, "IN") || core::iequals(token, "CH") || core::iequals(token, "HS");
    }
    // A TXT value written straight after the name: quoted, or a tag list.
    static bool is_bare_value(std::string_view token) noexcept {
        return !token.empty() && (token.front() == '"' || token.find('=') != std::string_view::npos);
    }

    DnsRecords& out_;
    std::string_view source_;
    std::size_t line_ = 0;
    std::string origin_;
    std::string previous_owner_;
};

}  // namespace

DnsRecords parse_zone(std::string_view text, std::string_view source) {
    std::vector<dns::ZoneEntry> entries;
    std::size_t open_line = 0;
    if (!dns::split_entries(text, entries, open_line))
        throw ConfigError(std::string(source) + ", line " + std::to_string(open_line) + ": '(' without ')'");
    DnsRecords records;
    ZoneReader reader(records, source);
    for (const auto& entry : entries) reader.read(entry);
    return records;
}

DnsRecords load_zone(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("DNS records: cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parse_zone(text.str(), path);
}

}  // namespace inboxlint
