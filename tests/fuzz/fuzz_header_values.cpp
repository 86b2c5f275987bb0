// Structured header values: msg-id, Content-Type with RFC 2231 parameters,
// Content-Transfer-Encoding, and the transfer and charset decoders.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mime/charset.hpp"
#include "mime/content_type.hpp"
#include "mime/msg_id.hpp"
#include "mime/transfer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inboxlint;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)mime::parse_message_id(text, 0);
    (void)mime::parse_msg_id_list(text, 0);
    const auto ct = mime::parse_content_type(text, 0);
    (void)mime::parse_content_disposition(text, 0);
    (void)mime::parse_transfer_encoding(text, 0);
    for (const char* cte : {"base64", "quoted-printable"}) {
        const auto decoded = mime::decode_transfer(text, {0, size}, cte, 1 << 20);
        const Span raw = decoded.map.to_input(Span{0, decoded.view().size()});
        if (raw.end > size) __builtin_trap();
    }
    const auto* charset = ct.param("charset");
    const auto decoded = mime::decode_charset(text, charset ? std::string_view(charset->value) : "utf-8");
    if (decoded.map.to_input(Span{0, decoded.view().size()}).end > size) __builtin_trap();
    return 0;
}
