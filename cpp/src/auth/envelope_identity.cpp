#include "auth/envelope_identity.hpp"

#include "auth/alignment.hpp"
#include "core/ascii.hpp"
#include "dns/names.hpp"

namespace inboxlint::auth {
namespace {

// The Return-Path is "<>" for the null path.
bool return_path_is_null(const analysis::Message& msg) {
    const mime::HeaderField* rp = msg.first_field("Return-Path");
    if (rp == nullptr) return false;
    return core::trim(msg.raw_value(*rp)) == "<>";
}

std::optional<SpfIdentity> helo_identity(const Envelope& envelope) {
    if (envelope.helo.empty() || envelope.helo.front() == '[') return std::nullopt;  // no domain to check
    const std::string helo = dns::normalise_name(envelope.helo);
    return SpfIdentity{helo, "postmaster@" + helo, true, std::nullopt};
}

}  // namespace

std::optional<SpfIdentity> spf_identity(const analysis::Message& msg, const Envelope& envelope) {
    const std::optional<DomainRef>& return_path = identities(msg).return_path;
    if (envelope.mail_from) {
        const std::string& from = *envelope.mail_from;
        if (from.empty()) return helo_identity(envelope);
        const std::size_t at = from.rfind('@');
        SpfIdentity id{dns::normalise_name(from.substr(at + 1)), from, false, std::nullopt};
        if (return_path && return_path->domain == id.domain) id.span = return_path->span;
        return id;
    }
    if (return_path) {
        return SpfIdentity{return_path->domain, return_path->local_part + "@" + return_path->domain, false,
                           return_path->span};
    }
    if (return_path_is_null(msg)) return helo_identity(envelope);
    return std::nullopt;
}

}  // namespace inboxlint::auth
