#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {

void report_key_size(Context& ctx, int min_bits, int max_bits, std::string_view why);

void check_auth013_dkim_key_under_2048(Context& ctx) {
    report_key_size(ctx, 1024, 2048,
                    "Gmail and Yahoo recommend 2048 bits, and 1024-bit RSA is within reach of attackers");
}

}  // namespace inboxlint::checks
