// Caller-supplied DKIM keys: the checks run when a Linter is built.
#pragma once

#include <map>
#include <string>

namespace inboxlint::auth {

// Throws ConfigError when a name is not "selector._domainkey.domain".
void validate_dkim_keys(const std::map<std::string, std::string>& keys);

}  // namespace inboxlint::auth
