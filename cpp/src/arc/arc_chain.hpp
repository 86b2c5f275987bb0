// The ARC sets of a message (RFC 8617 sections 4.1 and 4.2), parsed once per
// message with the span of every field and tag, and the structural defects
// of the chain (section 5.2 step 3): instance numbers outside 1..50 or
// unreadable, an instance with a header missing or doubled, a gap in the
// instances, cv= values that do not fit their place, h= in an ARC-Seal.
// Signatures are checked by validate_arc (arc_validate.hpp), not here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "auth/dkim_signature.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint::arc {

// RFC 8617 section 4.2.1: instance values are 1 to 50.
inline constexpr int max_instance = 50;

enum class ArcHeader { authentication_results, message_signature, seal };
std::string_view to_string(ArcHeader header) noexcept;  // the field name

// cv= of an ARC-Seal (RFC 8617 section 4.1.3).
enum class ChainStatus { none, pass, fail, invalid };
std::string_view to_string(ChainStatus status) noexcept;

// What every ARC header field has: where it is and its instance.
struct ArcField {
    const mime::HeaderField* field = nullptr;  // nullptr: the set lacks this header
    int field_index = -1;                      // in the message header (root().fields)
    int instance = 0;                          // 0 when i= is missing or unreadable
    Span instance_span;                        // the i= tag (AAR: "i=N" before the ';')
};

// ARC-Authentication-Results: "i=N;" then an Authentication-Results payload.
struct ArcAuthResults : ArcField {
    Span payload;  // the authres-payload after the ';', white space around it excluded
};

// ARC-Message-Signature: a DKIM-Signature tag list with i= and without v=.
// `sig` holds the tags and the values DKIM understands (a=, c=, d=, s=,
// h=, bh=, b=, t=, l=); its `identity` is unused (i= is the instance).
// Without c= it is relaxed/relaxed (as the ARC suite and dkimpy read it),
// not DKIM's simple/simple.
struct ArcMessageSignature : ArcField {
    auth::DkimSignature sig;
};

// ARC-Seal: i=, a=, b=, cv=, d=, s=, t= (RFC 8617 section 4.1.3).
struct ArcSeal : ArcField {
    auth::DkimSignature sig;  // a=, b=, d=, s=, t= and the tag list
    ChainStatus cv = ChainStatus::invalid;
    Span cv_span;
};

struct ArcSet {
    int instance = 0;
    ArcAuthResults aar;
    ArcMessageSignature ams;
    ArcSeal seal;
};

// A defect of the chain. `header` and `instance` say where (instance 0: a
// field whose instance could not be read); `span` is exact in the message.
struct Issue {
    std::string_view code;
    ArcHeader header = ArcHeader::seal;
    int instance = 0;
    Span span;
    std::string detail;
};

// Issue codes:
//  structure (section 5.2 step 3): "invalid-instance" (i= missing, not a
//   number, outside 1..50), "duplicate-header" (two fields of one kind for
//   an instance; the span is the second), "missing-header" (an instance
//   lacks one of the three), "instance-gap" (an instance below the highest
//   has no field at all), "invalid-cv" (i=1 without cv=none, i>1 without
//   cv=pass, a cv= that is none of the three);
//  tags of an ARC-Seal or ARC-Message-Signature: "tag-syntax" (RFC 6376 3.2:
//   an empty tag-spec, a tag without '=', a bad tag name, a duplicate tag, a
//   control character), "missing-tag", "invalid-value" (a=, c=, d=, s=, t=,
//   l=, bh=, b=), "unsupported-algorithm" (anything but rsa-sha256),
//   "forbidden-tag" (h= in an ARC-Seal, section 4.1.3), "signs-arc-seal" (an
//   ARC-Message-Signature whose h= lists ARC-Seal, section 4.1.2).
// A tag defect of an older ARC-Message-Signature does not break the chain
// (only the newest one is verified, section 5.2 step 4); `breaks_chain`
// says which issues do.
struct ArcChain {
    std::vector<ArcSet> sets;  // by instance, 1 first; only instances some field names
    std::vector<Issue> issues;
    bool any_arc_field = false;  // the header has an ARC field, readable or not

    [[nodiscard]] int newest_instance() const noexcept { return sets.empty() ? 0 : sets.back().instance; }
    [[nodiscard]] const ArcSet* set(int instance) const noexcept;
    [[nodiscard]] bool breaks_chain(const Issue& issue) const noexcept;
    // The first issue that breaks the chain, or nullptr.
    [[nodiscard]] const Issue* first_breaking_issue() const noexcept;
};

const ArcChain& arc_chain(const analysis::Message& msg);

// Parses the ARC fields of one header (exposed for tests and the fuzz target).
ArcChain parse_arc_chain(const analysis::Message& msg);

}  // namespace inboxlint::arc
