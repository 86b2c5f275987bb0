// RFC 5322 address lists and bare addr-specs.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mime/address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto list = inboxlint::mime::parse_address_list(text, 7);
    for (const auto* m : list.mailboxes()) {
        if (m->span.begin < 7 || m->span.end > size + 7 || m->span.begin > m->span.end) __builtin_trap();
    }
    (void)inboxlint::mime::check_addr_spec(text);
    return 0;
}
