#include <array>
#include <string_view>

#include "rules/address_rules.hpp"

namespace inboxlint::checks {
namespace {

// From and Sender have their own rule (FROM002). Return-Path is the
// envelope sender the receiving server recorded, or the one the sender
// means it to be; "<>" (no sender, for bounces) is valid there.
constexpr std::array<std::string_view, 9> address_fields{
    "To", "Cc", "Bcc", "Reply-To", "Resent-To", "Resent-Cc", "Resent-Bcc", "Resent-From", "Return-Path",
};

}  // namespace

void check_msg006_invalid_address_list(Context& ctx) {
    for (std::string_view name : address_fields) report_address_defects(ctx, name);
}

}  // namespace inboxlint::checks
