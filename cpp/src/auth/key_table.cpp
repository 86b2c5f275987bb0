// The public loaders of DKIM key tables (inboxlint/config.hpp).
#include "auth/key_table.hpp"

#include <fstream>
#include <sstream>

#include "dns/names.hpp"
#include "inboxlint/dns.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint {

// A DKIM key file is a zone file whose records are TXT records under
// "selector._domainkey.domain"; the bare "NAME VALUE" lines of earlier
// versions are zone syntax too (dns/zone.cpp).
std::map<std::string, std::string> parse_dkim_keys(std::string_view text) {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : parse_zone(text, "DKIM keys").entries()) {
        if (key.second != "TXT") throw ConfigError("DKIM keys: " + key.first + " has a " + key.second + " record; keys are TXT");
        if (value.empty()) throw ConfigError("DKIM keys: " + key.first + " has no value");
        out[key.first] = value;
    }
    auth::validate_dkim_keys(out);
    return out;
}

std::map<std::string, std::string> load_dkim_keys(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("DKIM keys: cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parse_dkim_keys(text.str());
}

namespace auth {

void validate_dkim_keys(const std::map<std::string, std::string>& keys) {
    for (const auto& [name, value] : keys) {
        const std::string lower = dns::normalise_name(name);
        const std::size_t at = lower.find("._domainkey.");
        if (at == std::string::npos || at == 0 || at + 12 >= lower.size())
            throw ConfigError("DKIM keys: '" + name + "' is not selector._domainkey.domain");
        (void)value;
    }
}

}  // namespace auth
}  // namespace inboxlint
