#include "compose/compose_message.hpp"

// mimetic's inline encoders trip GCC's flow analysis; the warnings are about
// its headers, not this file.
// (clang has no such warning and would warn about the unknown name.)
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <mimetic/mimetic.h>
#pragma GCC diagnostic pop

#include <cstdint>
#include <sstream>

#include "core/ascii.hpp"

namespace inboxlint::compose {
namespace {

std::string single_line(std::string value) {
    for (char& c : value) {
        if (c == '\r' || c == '\n') c = ' ';
    }
    return value;
}

// FNV-1a over both bodies: deterministic, and base64 lines can never contain
// the "-" that starts a boundary line.
std::string boundary_for(const Draft& draft) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const std::string* part : {&draft.text, &draft.html}) {
        for (char c : *part) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "inboxlint-";
    for (int shift = 60; shift >= 0; shift -= 4) out.push_back(hex[(hash >> shift) & 0xF]);
    return out;
}

mimetic::ContentType text_type(const std::string& subtype) {
    mimetic::ContentType type("text", subtype);
    type.paramList().push_back(mimetic::ContentType::Param("charset", "utf-8"));
    return type;
}

// A text part, base64-encoded so its lines are short and its bytes 7-bit.
void fill_text(mimetic::MimeEntity& entity, const std::string& subtype, const std::string& content) {
    entity.header().contentType(text_type(subtype));
    entity.header().contentTransferEncoding(mimetic::ContentTransferEncoding("base64"));
    entity.body().set(content);
    entity.body().code(mimetic::Base64::Encoder());
}

void add_part(mimetic::MimeEntity& root, const std::string& subtype, const std::string& content) {
    auto* part = new mimetic::MimeEntity;  // the parent's part list owns and deletes it
    fill_text(*part, subtype, content);
    root.body().parts().push_back(part);
}

// mimetic ends some encoded bodies with a bare LF; a message on the wire
// uses CRLF throughout.
std::string with_crlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
    return out;
}

}  // namespace

bool is_composer_field(std::string_view name) noexcept {
    return core::iequals(name, "MIME-Version") || core::iequals(name, "Content-Type") ||
           core::iequals(name, "Content-Transfer-Encoding");
}

std::string compose_message(const Draft& draft) {
    mimetic::MimeEntity root;
    for (const auto& [name, value] : draft.headers) {
        if (is_composer_field(name)) continue;
        root.header().push_back(mimetic::Field(single_line(name), single_line(value)));
    }
    root.header().mimeVersion(mimetic::MimeVersion("1.0"));
    if (!draft.text.empty() && !draft.html.empty()) {
        mimetic::ContentType type("multipart", "alternative");
        type.paramList().push_back(mimetic::ContentType::Param("boundary", boundary_for(draft)));
        root.header().contentType(type);
        add_part(root, "plain", draft.text);
        add_part(root, "html", draft.html);
    } else {
        fill_text(root, draft.html.empty() ? "plain" : "html", draft.html.empty() ? draft.text : draft.html);
    }
    std::ostringstream out;
    out << root;
    return with_crlf(out.str());
}

}  // namespace inboxlint::compose
