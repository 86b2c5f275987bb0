#include "html/line_breaks.hpp"

namespace inboxlint::html {
namespace {

// How many characters of `text` come before its end that `raw` makes, as
// gumbo reads `raw`; npos when `text` does not end so.
std::size_t unmatched_prefix(std::string_view text, std::string_view raw) noexcept {
    std::size_t t = text.size();
    for (std::size_t r = raw.size(); r-- > 0;) {
        char c = raw[r];
        if (c == '\r') {
            c = '\n';
        } else if (c == '\n' && r > 0 && raw[r - 1] == '\r') {
            --r;
        }
        if (t == 0 || text[t - 1] != c) return std::string_view::npos;
        --t;
    }
    return t;
}

}  // namespace

// A run at a time: mail's lines end in CR LF.
void append_normalised(std::string& out, std::string_view raw) {
    for (std::size_t from = 0;;) {
        const std::size_t cr = raw.find('\r', from);
        out.append(raw.substr(from, cr == std::string_view::npos ? cr : cr - from));
        if (cr == std::string_view::npos) return;
        out.push_back('\n');
        from = cr + 1;
        if (from < raw.size() && raw[from] == '\n') ++from;
    }
}

bool ends_with_normalised(std::string_view text, std::string_view raw) noexcept {
    return unmatched_prefix(text, raw) != std::string_view::npos;
}

bool equals_normalised(std::string_view text, std::string_view raw) noexcept {
    return text.size() <= raw.size() && unmatched_prefix(text, raw) == 0;
}

}  // namespace inboxlint::html
