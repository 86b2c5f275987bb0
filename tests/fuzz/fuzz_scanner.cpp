// The scanner and the decoders over every leaf part.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analysis/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    inboxlint::Limits limits;
    limits.max_parts = 200;
    const inboxlint::analysis::Message msg(std::string_view(reinterpret_cast<const char*>(data), size), limits);
    for (std::size_t i = 0; i < msg.entities().size(); ++i) {
        const auto& e = msg.entities()[i];
        if (e.body.begin > e.body.end || e.body.end > size) __builtin_trap();
        if (e.kind != inboxlint::mime::EntityKind::leaf) continue;
        const auto& text = msg.body_text(static_cast<int>(i)).view();
        const inboxlint::Span raw = msg.text_to_raw(static_cast<int>(i), {0, text.size()});
        if (raw.end > size) __builtin_trap();
    }
    return 0;
}
