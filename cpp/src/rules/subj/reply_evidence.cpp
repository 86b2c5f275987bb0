#include "rules/subj/reply_evidence.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "core/ascii.hpp"

namespace inboxlint::checks::subj {
namespace {

constexpr std::size_t max_scan = std::size_t{256} * 1024;  // per part: quotes sit near the top

bool has_value(const analysis::Message& msg, std::string_view name) {
    for (const mime::HeaderField* f : msg.fields(name)) {
        if (!core::trim(msg.raw_value(*f)).empty()) return true;
    }
    return false;
}

bool is_base64_char(char c) noexcept { return core::is_alnum(c) || c == '+' || c == '/'; }

// Outlook's Thread-Index is 22 bytes for a new conversation and grows by 5
// for every reply or forward ([MS-OXOMSG], PidTagConversationIndex).
bool outlook_reply(const analysis::Message& msg) {
    const mime::HeaderField* field = msg.first_field("Thread-Index");
    if (!field) return false;
    std::size_t chars = 0;
    for (const char c : msg.raw_value(*field)) chars += is_base64_char(c) ? 1 : 0;
    return chars * 3 / 4 > 22;
}

// Markers clients put around what they quote or forward, in plain text and
// in their HTML.
constexpr std::array<std::string_view, 14> quote_markers{
    "-----Original Message-----",
    "----- Original Message -----",
    "-------- Original Message --------",
    "---------- Forwarded message ---------",
    "-------- Forwarded Message --------",
    "Begin forwarded message:",
    "----- Forwarded by",
    "class=\"gmail_quote",
    "id=\"divRplyFwdMsg\"",
    "class=\"moz-cite-prefix\"",
    "type=\"cite\"",
    "id=\"OLK_SRC_BODY_SECTION\"",
    "class=\"yahoo_quoted\"",
    "id=\"appendonsend\"",
};

// A line starting with '>' (the usual quoting) or ending in "wrote:".
bool quotes_lines(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = core::trim(text.substr(pos, end - pos));
        if (!line.empty() && line.front() == '>') return true;
        if (line.ends_with("wrote:") || line.ends_with("writes:")) return true;
        pos = end + 1;
    }
    return false;
}

bool quotes_earlier_message(std::string_view text) {
    text = text.substr(0, std::min(text.size(), max_scan));
    for (std::string_view marker : quote_markers) {
        if (text.find(marker) != std::string_view::npos) return true;
    }
    return quotes_lines(text);
}

}  // namespace

std::string reply_evidence(const analysis::Message& msg, bool look_at_body) {
    // A reply names what it answers (RFC 5322 section 3.6.4); so do forwards
    // from most clients.
    if (has_value(msg, "In-Reply-To")) return "In-Reply-To";
    if (has_value(msg, "References")) return "References";
    if (outlook_reply(msg)) return "a reply-depth Thread-Index";
    if (!look_at_body) return {};
    for (std::size_t i = 1; i < msg.entities().size(); ++i) {
        const mime::Entity& e = msg.entities()[i];
        if (e.kind == mime::EntityKind::message) return "an attached message in part " + e.body_path;
    }
    for (std::size_t i = 0; i < msg.entities().size(); ++i) {
        const mime::Entity& e = msg.entities()[i];
        if (e.kind != mime::EntityKind::leaf || !core::istarts_with(e.media_type, "text/")) continue;
        if (quotes_earlier_message(msg.body_text(static_cast<int>(i)).view()))
            return "quoted text in part " + e.body_path;
    }
    return {};
}

}  // namespace inboxlint::checks::subj
