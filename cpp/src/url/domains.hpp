// The domains a message names, by the role each plays: the author (From),
// the sender (Sender), where replies go (Reply-To), the envelope sender
// (Return-Path stands in for it), the signing domain (DKIM-Signature d=),
// and every link and payload host. Gmail asks for UTS #39 "highly
// restrictive" names in each of these roles; alignment and link checks
// compare them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "url/links.hpp"

namespace inboxlint::url {

enum class DomainRole { from, sender, reply_to, return_path, dkim, link };

std::string_view to_string(DomainRole role) noexcept;

struct DomainUse {
    DomainRole role = DomainRole::link;
    std::string source;          // "From", "DKIM-Signature d=", "a href", "List-Unsubscribe", "mailto", ...
    std::string name;            // as written; percent-escapes of URL hosts decoded
    Place place;                 // where it is written
    const Link* link = nullptr;  // for link hosts
};

struct DomainsByRole {
    std::vector<DomainUse> uses;  // header roles first (in field order), then links in link order
};

const DomainsByRole& domains_by_role(const analysis::Message& msg);

// The registrable domain of the (first) From mailbox, ASCII, or empty.
std::string from_registrable_domain(const analysis::Message& msg);

}  // namespace inboxlint::url
