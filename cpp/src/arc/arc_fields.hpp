// One ARC header field parsed on its own (RFC 8617 section 4.1): its
// instance and, for the two signature fields, its tags with the defects of
// their values. The chain (arc_chain.cpp) places the fields in sets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "arc/arc_chain.hpp"

namespace inboxlint::arc {

// `raw_value` is the raw field value (folding included), `base` its offset
// in the message. Defects go to `issues`; a field whose instance cannot be
// read comes back with instance 0.
ArcAuthResults parse_authentication_results(std::string_view raw_value, std::size_t base,
                                            std::vector<Issue>& issues);
ArcMessageSignature parse_message_signature(std::string_view raw_value, std::size_t base,
                                            std::vector<Issue>& issues);
ArcSeal parse_seal(std::string_view raw_value, std::size_t base, std::vector<Issue>& issues);

}  // namespace inboxlint::arc
