#include "arc/arc_chain.hpp"

#include <algorithm>
#include <map>

#include "arc/arc_fields.hpp"
#include "core/ascii.hpp"

namespace inboxlint::arc {
namespace {

void add(std::vector<Issue>& issues, std::string_view code, ArcHeader header, int instance, Span span,
         std::string detail) {
    issues.push_back({code, header, instance, span, std::move(detail)});
}

std::string name_at(ArcHeader header, int instance) {
    return std::string(to_string(header)) + " i=" + std::to_string(instance);
}

// Puts a parsed field in its set; a second field of the same kind for an
// instance is a duplicate (the chain is then invalid, section 5.2 step 3.B).
template <typename Field>
void place(Field&& parsed, Field ArcSet::*slot, ArcHeader header, std::map<int, ArcSet>& sets,
           std::vector<Issue>& issues) {
    if (parsed.instance == 0) return;  // already an "invalid-instance" issue
    ArcSet& set = sets[parsed.instance];
    set.instance = parsed.instance;
    if ((set.*slot).field != nullptr) {
        add(issues, "duplicate-header", header, parsed.instance, parsed.field->field,
            "a second " + name_at(header, parsed.instance));
        return;
    }
    set.*slot = std::forward<Field>(parsed);
}

// A field of the set to point at when another one is missing.
Span some_field_of(const ArcSet& set) noexcept {
    for (const ArcField* f : {static_cast<const ArcField*>(&set.seal), static_cast<const ArcField*>(&set.ams),
                              static_cast<const ArcField*>(&set.aar)}) {
        if (f->field) return f->field->field;
    }
    return {};
}

// Section 5.2 step 3: instances 1..N, each with all three fields, i=1 with
// cv=none and every later one with cv=pass. A cv=fail in the newest set is
// not a defect: validation stops at it (step 2).
void check_structure(ArcChain& chain) {
    const int newest = chain.newest_instance();
    for (int i = 1; i <= newest; ++i) {
        if (!chain.set(i)) {
            const ArcSet* above = chain.set(i + 1);
            for (int k = i + 1; !above && k <= newest; ++k) above = chain.set(k);
            add(chain.issues, "instance-gap", ArcHeader::seal, i, above ? some_field_of(*above) : Span{},
                "there is no ARC set i=" + std::to_string(i) + " below i=" + std::to_string(newest));
        }
    }
    for (const ArcSet& set : chain.sets) {
        const Span at = some_field_of(set);
        const std::pair<const ArcField*, ArcHeader> parts[] = {{&set.aar, ArcHeader::authentication_results},
                                                               {&set.ams, ArcHeader::message_signature},
                                                               {&set.seal, ArcHeader::seal}};
        for (const auto& [field, header] : parts) {
            if (!field->field)
                add(chain.issues, "missing-header", header, set.instance, at, "no " + name_at(header, set.instance));
        }
        if (!set.seal.field || set.seal.cv == ChainStatus::invalid) continue;
        const ChainStatus wanted = set.instance == 1 ? ChainStatus::none : ChainStatus::pass;
        if (set.seal.cv == wanted || (set.seal.cv == ChainStatus::fail && set.instance == newest)) continue;
        add(chain.issues, "invalid-cv", ArcHeader::seal, set.instance, set.seal.cv_span,
            name_at(ArcHeader::seal, set.instance) + " has cv=" + std::string(to_string(set.seal.cv)) + " where cv=" +
                std::string(to_string(wanted)) + " belongs");
    }
}

}  // namespace

std::string_view to_string(ArcHeader header) noexcept {
    switch (header) {
        case ArcHeader::authentication_results:
            return "ARC-Authentication-Results";
        case ArcHeader::message_signature:
            return "ARC-Message-Signature";
        case ArcHeader::seal:
            break;
    }
    return "ARC-Seal";
}

std::string_view to_string(ChainStatus status) noexcept {
    switch (status) {
        case ChainStatus::none:
            return "none";
        case ChainStatus::pass:
            return "pass";
        case ChainStatus::fail:
            return "fail";
        case ChainStatus::invalid:
            break;
    }
    return "invalid";
}

const ArcSet* ArcChain::set(int instance) const noexcept {
    const auto it = std::lower_bound(sets.begin(), sets.end(), instance,
                                     [](const ArcSet& s, int i) { return s.instance < i; });
    return it != sets.end() && it->instance == instance ? &*it : nullptr;
}

bool ArcChain::breaks_chain(const Issue& issue) const noexcept {
    if (issue.header != ArcHeader::message_signature) return true;
    const bool structural = issue.code == "invalid-instance" || issue.code == "duplicate-header" ||
                            issue.code == "missing-header" || issue.code == "instance-gap";
    return structural || issue.instance == newest_instance();
}

const Issue* ArcChain::first_breaking_issue() const noexcept {
    for (const Issue& issue : issues)
        if (breaks_chain(issue)) return &issue;
    return nullptr;
}

ArcChain parse_arc_chain(const analysis::Message& msg) {
    ArcChain chain;
    std::map<int, ArcSet> sets;
    const auto& fields = msg.root().fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const mime::HeaderField& f = fields[i];
        const std::string_view name = msg.name_of(f);
        const std::string_view raw = msg.raw_value(f);
        const auto fill = [&](auto& parsed) {
            parsed.field = &f;
            parsed.field_index = static_cast<int>(i);
            chain.any_arc_field = true;
        };
        if (core::iequals(name, "ARC-Authentication-Results")) {
            ArcAuthResults parsed = parse_authentication_results(raw, f.value.begin, chain.issues);
            fill(parsed);
            place(std::move(parsed), &ArcSet::aar, ArcHeader::authentication_results, sets, chain.issues);
        } else if (core::iequals(name, "ARC-Message-Signature")) {
            ArcMessageSignature parsed = parse_message_signature(raw, f.value.begin, chain.issues);
            fill(parsed);
            parsed.sig.field = &f;
            parsed.sig.field_index = static_cast<int>(i);
            place(std::move(parsed), &ArcSet::ams, ArcHeader::message_signature, sets, chain.issues);
        } else if (core::iequals(name, "ARC-Seal")) {
            ArcSeal parsed = parse_seal(raw, f.value.begin, chain.issues);
            fill(parsed);
            parsed.sig.field = &f;
            parsed.sig.field_index = static_cast<int>(i);
            place(std::move(parsed), &ArcSet::seal, ArcHeader::seal, sets, chain.issues);
        }
    }
    for (auto& [instance, set] : sets) chain.sets.push_back(std::move(set));
    check_structure(chain);
    return chain;
}

const ArcChain& arc_chain(const analysis::Message& msg) {
    return msg.memo<ArcChain>(0, [&] { return parse_arc_chain(msg); });
}

}  // namespace inboxlint::arc
