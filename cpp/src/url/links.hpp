// Every link and payload URL of a message, found once and parsed the way a
// browser parses it: URLs in text/plain parts, URLs in the list header
// fields (RFC 2369 List-*, RFC 5064 Archived-At), and URL-carrying HTML
// attributes with the anchors' visible text (html_links.cpp). Each keeps
// where it is, and where its host is, so findings point at the bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/message.hpp"
#include "inboxlint/report.hpp"
#include "url/text_map.hpp"
#include "url/url.hpp"

namespace inboxlint::html {
struct Dom;
struct HtmlDocument;
}  // namespace inboxlint::html

namespace inboxlint::url {

// A place in the message: raw bytes of an entity's header, or a range of a
// part's decoded UTF-8 text (Message::body_text).
struct Place {
    int entity = 0;
    bool header = false;
    Span range;
};

enum class LinkKind {
    anchor,      // <a href>
    area,        // <area href>
    form,        // <form action>, <button formaction>
    image,       // <img src>, <input type=image src>
    background,  // background attributes
    other,       // other URL attributes (<link href>, <iframe src>, ...)
    text,        // a URL in a text/plain part
    header,      // a URL in a header field
};

std::string_view to_string(LinkKind kind) noexcept;
// Links a reader follows (as opposed to resources a client loads).
constexpr bool is_navigation(LinkKind kind) noexcept {
    return kind == LinkKind::anchor || kind == LinkKind::area || kind == LinkKind::text || kind == LinkKind::form;
}

// What an HTML anchor shows.
struct AnchorInfo {
    std::string text;                    // the visible text, white space collapsed and trimmed
    Place text_place;                    // the element's content
    std::size_t images = 0;              // <img> inside
    std::size_t images_without_alt = 0;  // ... whose alt is missing or blank
    std::string image_alt;               // the alt texts, joined by spaces
    std::string label;                   // aria-label or title
};

struct Link {
    LinkKind kind = LinkKind::text;
    std::string source;   // "a href", "img src", "text/plain", "List-Unsubscribe", ...
    Place place;          // the URL as written
    std::string written;  // the URL as written (character references decoded, folding removed)
    // Where each byte of `written` is, in place coordinates (by default a
    // copy of place.range).
    TextMap map;
    UrlResult parsed;
    std::optional<Place> host_place;  // the host inside it, when it can be located exactly
    std::optional<AnchorInfo> anchor;
    bool implied_scheme = false;  // "www." in plain text, read as http://

    [[nodiscard]] const Url* url() const noexcept { return parsed.url ? &*parsed.url : nullptr; }
    // The host as written (percent-escapes kept), or empty.
    [[nodiscard]] std::string_view written_host() const noexcept;
    // Where a range of `written` is, when it can be located exactly.
    [[nodiscard]] std::optional<Place> place_of(Span written_range) const;
};

struct MessageLinks {
    std::vector<Link> links;
};

// At most this many links are kept per message; more is a limit hit. A
// parsed link costs about 1.4 KB, and real mail has tens to hundreds of
// links (Gmail clips HTML after 102 KB, 50 bytes per link at this count):
// the limit keeps a hostile message of links inside the memory target.
inline constexpr std::size_t max_links = 2000;

const MessageLinks& message_links(const analysis::Message& msg);

// The pieces, for the analysis and for tests.
void collect_text_links(const analysis::Message& msg, int entity, std::vector<Link>& out);
void collect_header_links(const analysis::Message& msg, std::vector<Link>& out);
// HTML parts: defined over the HTML engine's tree in html_links.cpp.
void collect_html_links(const analysis::Message& msg, int entity, std::vector<Link>& out);
// `doc` (optional) supplies the styles that tell hidden text from shown text.
void collect_dom_links(const html::Dom& dom, int entity, std::string_view part_text, std::vector<Link>& out,
                       const html::HtmlDocument* doc = nullptr);

// Fills in `parsed` and `host_place` from `written` (and `map`).
void parse_link(Link& link);

}  // namespace inboxlint::url
