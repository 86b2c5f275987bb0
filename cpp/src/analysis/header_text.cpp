#include "analysis/header_text.hpp"

#include <map>

namespace inboxlint::analysis {
namespace {

// One cache per message; fields are told apart by where their value starts.
struct DecodedFields {
    mutable std::map<std::size_t, mime::DecodedHeader> by_offset;
};

}  // namespace

const mime::DecodedHeader& decoded_unstructured(const Message& msg, const mime::HeaderField& field) {
    const auto& cache = msg.memo<DecodedFields>(0, [] { return DecodedFields{}; });
    auto it = cache.by_offset.find(field.value.begin);
    if (it == cache.by_offset.end()) {
        it = cache.by_offset.emplace(field.value.begin, mime::decode_unstructured_field(msg.text(), field)).first;
    }
    return it->second;
}

const mime::HeaderField* subject_field(const Message& msg) { return msg.first_field("Subject"); }

}  // namespace inboxlint::analysis
