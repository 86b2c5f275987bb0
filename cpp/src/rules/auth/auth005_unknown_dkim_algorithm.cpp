#include <algorithm>

#include "auth/dkim_signature.hpp"
#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// q= is a colon-separated list; "dns/txt" is the only method defined.
bool known_query(const auth::Tag& q) {
    std::string_view rest = q.compact;
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        if (core::iequals(rest.substr(0, colon), "dns/txt")) return true;
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    return false;
}

}  // namespace

void check_auth005_unknown_dkim_algorithm(Context& ctx) {
    for (const auth::DkimSignature& sig : auth::dkim_signatures(ctx.message()).signatures) {
        const auth::Tag* a = sig.tag("a");
        if (a && !a->compact.empty() && sig.algorithm == auth::DkimAlgorithm::unknown) {
            with(ctx.report("", a->value, "a=" + a->compact + " is not a DKIM algorithm (rsa-sha256, ed25519-sha256)"),
                 "tag", "a");
        }
        const auth::Tag* c = sig.tag("c");
        if (c && (sig.header_canon == auth::Canonicalization::unknown ||
                  sig.body_canon == auth::Canonicalization::unknown)) {
            with(ctx.report("", c->value, "c=" + c->compact + " is not simple or relaxed (header/body)"), "tag", "c");
        }
        const auth::Tag* q = sig.tag("q");
        if (q && !known_query(*q)) {
            with(ctx.report("", q->value, "q=" + q->compact + " names no known key query method (dns/txt)"), "tag",
                 "q");
        }
    }
}

}  // namespace inboxlint::checks
