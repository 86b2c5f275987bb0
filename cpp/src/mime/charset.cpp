#include "mime/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace inboxlint::mime {
namespace {

// Labels whose meaning in mail differs from ICU's reading of them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 29> aliases{{
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp819", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"gb2312", "gb18030"},
    {"gbk", "gb18030"},
    {"x-gbk", "gb18030"},
    {"cp936", "gb18030"},
    {"ms936", "gb18030"},
    {"csgb2312", "gb18030"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"ks_c_5601-1987", "windows-949"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601", "windows-949"},
    {"shift_jis", "windows-31j"},
    {"sjis", "windows-31j"},
    {"x-sjis", "windows-31j"},
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-7", "utf-7"},
}};

struct ConverterDeleter {
    void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterDeleter>;

Converter open_converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter conv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) return nullptr;
    return conv;
}

// ICU calls this for every invalid sequence; we count, then substitute U+FFFD.
struct InvalidCounter {
    const char* begin = nullptr;
    std::size_t count = 0;
    Span first;
};

void count_invalid(const void* context, UConverterToUnicodeArgs* args, const char* units, int32_t length,
                   UConverterCallbackReason reason, UErrorCode* status) {
    if (reason > UCNV_IRREGULAR) return;
    auto* counter = static_cast<InvalidCounter*>(const_cast<void*>(context));
    if (counter->count++ == 0) {
        const auto end = static_cast<std::size_t>(args->source - counter->begin);
        const auto size = static_cast<std::size_t>(std::max(length, 0));
        counter->first = {end >= size ? end - size : 0, end};
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, units, length, reason, status);
}

// Converts UTF-16 with ICU's source offsets to UTF-8 and the offset map.
void append_utf8(CharsetDecoded& out, const std::vector<UChar>& units, const std::vector<int32_t>& offsets,
                 std::size_t input_size) {
    std::size_t i = 0;
    while (i < units.size()) {
        UChar32 cp = units[i];
        std::size_t next = i + 1;
        if (U16_IS_LEAD(units[i]) && next < units.size() && U16_IS_TRAIL(units[next])) {
            cp = U16_GET_SUPPLEMENTARY(units[i], units[next]);
            ++next;
        }
        const std::size_t before = out.utf8.size();
        core::append_utf8(out.utf8, static_cast<char32_t>(cp));
        const auto from = static_cast<std::size_t>(std::max(offsets[i], 0));
        // The input of this code point runs to the next larger source offset.
        std::size_t to = input_size;
        for (std::size_t j = next; j < units.size(); ++j) {
            if (offsets[j] >= 0 && static_cast<std::size_t>(offsets[j]) > from) {
                to = static_cast<std::size_t>(offsets[j]);
                break;
            }
        }
        out.map.append(out.utf8.size() - before, from, std::max(to, from) - from);
        i = next;
    }
}

bool convert(CharsetDecoded& out, std::string_view bytes, const std::string& name) {
    Converter conv = open_converter(name);
    if (!conv) return false;
    InvalidCounter counter{bytes.data(), 0, {}};
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv.get(), count_invalid, &counter, nullptr, nullptr, &status);
    std::vector<UChar> units(bytes.size() + 2);
    std::vector<int32_t> offsets(units.size());
    const char* source = bytes.data();
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, bytes.data() + bytes.size(),
                   offsets.data(), true, &status);
    if (U_FAILURE(status)) return false;
    units.resize(static_cast<std::size_t>(target - units.data()));
    offsets.resize(units.size());
    out.utf8.reserve(bytes.size());
    append_utf8(out, units, offsets, bytes.size());
    out.owned = true;
    out.invalid_count = counter.count;
    out.first_invalid = counter.first;
    out.resolved = name;
    return true;
}

CharsetDecoded identity(std::string_view bytes, std::string name) {
    CharsetDecoded out;
    out.borrowed = bytes;
    out.map = core::OffsetMap::identity(bytes.size());
    out.resolved = std::move(name);
    return out;
}

}  // namespace

std::string resolve_charset(std::string_view label) {
    std::string name = core::to_lower(core::trim(label));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    for (const auto& [from, to] : aliases) {
        if (name == from) return std::string(to);
    }
    if (name.empty() || !open_converter(name)) return {};
    return name;
}

CharsetDecoded decode_charset(std::string_view bytes, std::string_view label) {
    std::string name = resolve_charset(label);
    const bool known = !name.empty();
    const bool valid_utf8 = core::find_invalid_utf8(bytes) == std::string_view::npos;
    if (!known) name = valid_utf8 ? "utf-8" : "windows-1252";
    // ASCII text decodes to itself in every ASCII-compatible charset.
    const bool ascii_compatible = name != "utf-7" && name != "utf-16" && name.find("utf-16") == std::string::npos &&
                                  name.find("utf-32") == std::string::npos && name.find("2022") == std::string::npos;
    CharsetDecoded out;
    if ((name == "utf-8" && valid_utf8) || (ascii_compatible && core::is_ascii(bytes))) {
        out = identity(bytes, name);
    } else if (!convert(out, bytes, name)) {
        out = identity(bytes, name);
    }
    out.known = known;
    return out;
}

}  // namespace inboxlint::mime
