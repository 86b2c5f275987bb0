// UTS #46 conversion in both profiles, the UTS #39 label checks, invisible
// characters and the whole per-name check. Invariants: offsets lie in the
// input, and ToASCII output without errors is ASCII.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "idn/domain_checks.hpp"
#include "idn/invisible.hpp"
#include "idn/spoof.hpp"
#include "idn/uts46.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inboxlint::idn;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const Profile profile : {Profile::url, Profile::mail}) {
        const Uts46Result ascii = to_ascii(text, profile);
        if (ascii.ok()) {
            for (const char c : ascii.text)
                if (static_cast<unsigned char>(c) >= 0x80) __builtin_trap();
        }
        (void)to_unicode(text, profile);
    }
    for (const InvisibleContext context : {InvisibleContext::name, InvisibleContext::text}) {
        for (const InvisibleChar& c : find_invisible(text, context)) {
            if (c.offset + c.length > size || c.length == 0) __builtin_trap();
        }
    }
    (void)check_label(text, "com");
    bool checked = false;
    const DomainCheck c = check_domain(text, checked);
    (void)c;
    return 0;
}
