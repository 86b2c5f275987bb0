#include <array>
#include <string_view>

#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::array<std::string_view, 5> known_encodings{"7bit", "8bit", "binary", "quoted-printable", "base64"};

bool is_known(std::string_view name) {
    for (std::string_view known : known_encodings) {
        if (name == known) return true;
    }
    return false;
}

void check_entity(Context& ctx, int index, const mime::Entity& e) {
    const mime::TransferEncoding& cte = e.transfer_encoding;
    if (!cte.present) return;
    for (const mime::SyntaxIssue& issue : cte.issues) {
        ctx.report(e.path, issue.span, "Content-Transfer-Encoding: " + issue.detail);
    }
    if (!cte.name.empty() && !is_known(cte.name)) {
        Finding& f = ctx.report(e.path, cte.span,
                                "unknown Content-Transfer-Encoding '" + cte.name + "'; the body is read as it is");
        f.properties.push_back({"encoding", cte.name});
    } else if (e.kind != mime::EntityKind::leaf && (cte.name == "base64" || cte.name == "quoted-printable")) {
        // RFC 2045 6.4: composite types are never encoded.
        ctx.report(e.path, cte.span, "a " + e.media_type + " part must not be " + cte.name + " encoded");
    }
    const auto fields = ctx.message().fields("Content-Transfer-Encoding", index);
    for (std::size_t i = 1; i < fields.size(); ++i) {
        ctx.report(e.path, fields[i]->field, "Content-Transfer-Encoding appears more than once");
    }
}

}  // namespace

void check_mime005_invalid_transfer_encoding(Context& ctx) {
    for_each_entity(ctx.message(), [&](int index, const mime::Entity& e) { check_entity(ctx, index, e); });
}

}  // namespace inboxlint::checks
