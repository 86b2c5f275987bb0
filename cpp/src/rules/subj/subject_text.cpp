#include "rules/subj/subject_text.hpp"

#include <unicode/uchar.h>

#include "analysis/header_text.hpp"
#include "core/utf8.hpp"

namespace inboxlint::checks::subj {

const mime::DecodedHeader* decoded_subject(const analysis::Message& msg) {
    const mime::HeaderField* field = analysis::subject_field(msg);
    return field ? &analysis::decoded_unstructured(msg, *field) : nullptr;
}

Finding& report_range(Context& ctx, const mime::DecodedHeader& subject, Span text_range, std::string message) {
    Finding& f = ctx.report("", subject.to_raw(text_range), std::move(message));
    f.properties.push_back({"decoded_begin", std::to_string(text_range.begin)});
    f.properties.push_back({"decoded_end", std::to_string(text_range.end)});
    return f;
}

std::vector<CodePoint> code_points(std::string_view utf8) {
    std::vector<CodePoint> out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const core::DecodedCodePoint d = core::decode_utf8(utf8, pos);
        out.push_back({d.code_point, pos, pos + d.length});
        pos += d.length;
    }
    return out;
}

std::string describe(char32_t c) {
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string digits;
    for (char32_t v = c; v != 0 || digits.size() < 4; v >>= 4) digits.insert(digits.begin(), hex[v & 15]);
    std::string out = "U+" + digits;
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_charName(static_cast<UChar32>(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_SUCCESS(status) && length > 0 && length < static_cast<int32_t>(sizeof name)) {
        out += " ";
        out.append(name, static_cast<std::size_t>(length));
    }
    return out;
}

}  // namespace inboxlint::checks::subj
