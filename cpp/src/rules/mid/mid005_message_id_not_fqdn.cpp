#include <array>
#include <string_view>

#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// Names that only mean something inside one network.
constexpr std::array<std::string_view, 6> local_suffixes{".local", ".localdomain", ".lan", ".internal", ".home",
                                                          ".localhost"};

std::string problem_with(const std::string& right) {
    const std::string host = core::to_lower(right);
    if (host == "localhost") return "is localhost";
    if (host.find('.') == std::string::npos) return "is a single label, not a fully qualified domain";
    for (std::string_view suffix : local_suffixes) {
        if (host.size() > suffix.size() && host.ends_with(suffix)) return "is a local name (" + std::string(suffix) + ")";
    }
    return {};
}

}  // namespace

void check_mid005_message_id_not_fqdn(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::HeaderField* field = msg.first_field("Message-ID");
    if (!field) return;
    for (const mime::MsgId& id : msg.message_id(*field).ids) {
        if (id.right_text.empty() || id.domain_literal) continue;
        const std::string problem = problem_with(id.right_text);
        if (problem.empty()) continue;
        Finding& f = ctx.report("", id.right, "the Message-ID's right-hand side '" + id.right_text + "' " + problem +
                                                  "; use a domain you own so the id is globally unique");
        f.properties.push_back({"id_right", id.right_text});
    }
}

}  // namespace inboxlint::checks
