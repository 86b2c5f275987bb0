// The iprev check of the envelope's client IP for one message, computed
// once: the PTR rules and the report's summary share it.
#pragma once

#include "analysis/message.hpp"
#include "dns/iprev.hpp"
#include "inboxlint/config.hpp"

namespace inboxlint::auth {

// Null without a client IP or without any DNS records supplied.
const dns::Iprev* client_iprev(const analysis::Message& msg, const Config& config);

}  // namespace inboxlint::auth
