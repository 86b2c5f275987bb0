#include <array>
#include <string_view>

#include "rules/address_rules.hpp"

namespace inboxlint::checks {
namespace {

// From and Sender have their own rule (FROM002).
constexpr std::array<std::string_view, 8> address_fields{
    "To", "Cc", "Bcc", "Reply-To", "Resent-To", "Resent-Cc", "Resent-Bcc", "Resent-From",
};

}  // namespace

void check_msg006_invalid_address_list(Context& ctx) {
    for (std::string_view name : address_fields) report_address_defects(ctx, name);
}

}  // namespace inboxlint::checks
