// Decoded unstructured header values (RFC 2047 encoded words decoded, with a
// map back to message bytes), computed once per field and message.
#pragma once

#include "analysis/message.hpp"
#include "mime/encoded_word.hpp"

namespace inboxlint::analysis {

// The field's value as mime::decode_unstructured_field decodes it (the
// 76-character line check included).
const mime::DecodedHeader& decoded_unstructured(const Message& msg, const mime::HeaderField& field);

// The first Subject field of the message header, or nullptr.
const mime::HeaderField* subject_field(const Message& msg);

}  // namespace inboxlint::analysis
