// URLs and domains in running text: the links a mail client makes of a
// text/plain part, and what the visible text of an HTML link claims as its
// destination. Both scan once, left to right.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/report.hpp"

namespace inboxlint::url {

// A URL as a mail client links it in plain text: "http://", "https://" or
// "ftp://" (any case), or "www." (read as "http://www."), up to white space
// or a delimiter, without trailing punctuation ("see https://x.example/.").
struct TextUrl {
    Span range;                   // in the text
    bool implied_scheme = false;  // "www." without a scheme
};

std::vector<TextUrl> find_text_urls(std::string_view text, std::size_t limit);

// The URL string to parse for a TextUrl ("http://" added before "www.").
std::string text_url_input(std::string_view text, const TextUrl& url);

// What a link's visible text shows as its destination: the whole text (or
// its first word) is a URL, "www." name, an e-mail address or a domain name
// with a known public suffix, optionally with a path.
struct DisplayedTarget {
    enum class Kind { url, domain, email };
    Kind kind = Kind::url;
    std::string host;  // the host as shown (not normalised)
    Span host_range;   // in the text given
    Span range;        // the URL, name or address in the text given
};

std::optional<DisplayedTarget> displayed_target(std::string_view text);

}  // namespace inboxlint::url
