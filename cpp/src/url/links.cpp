#include "url/links.hpp"

#include <array>

#include "core/ascii.hpp"
#include "html/document.hpp"
#include "url/text_urls.hpp"

namespace inboxlint::url {
namespace {

// RFC 2369 list fields and RFC 5064 Archived-At: angle-bracketed URLs.
constexpr std::array<std::string_view, 7> url_fields{"List-Unsubscribe", "List-Subscribe", "List-Help",  "List-Post",
                                                     "List-Archive",     "List-Owner",     "Archived-At"};

std::size_t skip_comment(std::string_view v, std::size_t i) {
    int depth = 0;
    for (; i < v.size(); ++i) {
        if (v[i] == '\\') {
            ++i;
        } else if (v[i] == '(') {
            ++depth;
        } else if (v[i] == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return v.size();
}

// One "<...>" of a list field: white space (folding) inside is dropped, as
// RFC 2369 section 2 asks, with the offset of every byte kept.
void add_bracketed(std::string_view field_name, std::string_view value, std::size_t base, std::size_t open,
                   std::size_t close, std::vector<Link>& out) {
    Link link;
    link.kind = LinkKind::header;
    link.source = std::string(field_name);
    link.place = {0, true, {base + open + 1, base + close}};
    link.map = TextMap(base + open + 1);
    bool restart = false;
    for (std::size_t i = open + 1; i < close; ++i) {
        if (value[i] == ' ' || value[i] == '\t' || value[i] == '\r' || value[i] == '\n') {
            restart = true;
            continue;
        }
        if (restart) link.map.restart(link.written.size(), base + i);
        restart = false;
        link.written.push_back(value[i]);
    }
    parse_link(link);
    out.push_back(std::move(link));
}

void collect_field(const analysis::Message& msg, const mime::HeaderField& field, std::vector<Link>& out) {
    const std::string_view name = msg.name_of(field);
    const std::string_view value = msg.raw_value(field);
    const std::size_t base = field.value.begin;
    for (std::size_t i = 0; i < value.size() && out.size() < max_links;) {
        if (value[i] == '(') {
            i = skip_comment(value, i);
        } else if (value[i] == '<') {
            const std::size_t close = value.find('>', i + 1);
            if (close == std::string_view::npos) return;
            add_bracketed(name, value, base, i, close, out);
            i = close + 1;
        } else {
            ++i;
        }
    }
}


}  // namespace

std::string_view to_string(LinkKind kind) noexcept {
    switch (kind) {
        case LinkKind::anchor:
            return "anchor";
        case LinkKind::area:
            return "area";
        case LinkKind::form:
            return "form";
        case LinkKind::image:
            return "image";
        case LinkKind::background:
            return "background";
        case LinkKind::other:
            return "other";
        case LinkKind::text:
            return "text";
        case LinkKind::header:
            return "header";
    }
    return "other";
}

std::string_view Link::written_host() const noexcept {
    const Url* u = url();
    if (u == nullptr || !u->host_span) return {};
    const Span s = *u->host_span;
    if (s.end > written.size()) return {};
    return std::string_view(written).substr(s.begin, s.size());
}

std::optional<Place> Link::place_of(Span r) const {
    if (r.end > written.size() || r.begin > r.end) return std::nullopt;
    if (written.empty()) return Place{place.entity, place.header, {place.range.begin, place.range.begin}};
    // An empty range at the end sits after the last byte.
    const bool at_end = r.begin == written.size();
    const std::size_t first = at_end ? written.size() - 1 : r.begin;
    const std::size_t last = r.empty() ? first : r.end - 1;
    if (!map.known(first) || !map.known(last)) return std::nullopt;
    const std::size_t b = map.at(first) + (at_end ? 1 : 0);
    return Place{place.entity, place.header, {b, r.empty() ? b : map.at(last) + 1}};
}

void parse_link(Link& link) {
    link.parsed = parse_url(link.written);
    const Url* u = link.url();
    if (u != nullptr && u->host_span) link.host_place = link.place_of(*u->host_span);
}

void collect_text_links(const analysis::Message& msg, int entity, std::vector<Link>& out) {
    const std::string_view text = msg.body_text(entity).view();
    const std::size_t room = max_links > out.size() ? max_links - out.size() : 0;
    for (const TextUrl& t : find_text_urls(text, room)) {
        Link link;
        link.kind = LinkKind::text;
        link.source = "text/plain";
        link.place = {entity, false, t.range};
        link.written = text_url_input(text, t);
        link.implied_scheme = t.implied_scheme;
        link.map = TextMap(t.range.begin);
        if (t.implied_scheme) {
            // "http://" is not in the text: it stands at the URL's start.
            for (std::size_t i = 0; i < 7; ++i) link.map.restart(i, t.range.begin);
            link.map.restart(7, t.range.begin);
        }
        parse_link(link);
        out.push_back(std::move(link));
    }
}

void collect_header_links(const analysis::Message& msg, std::vector<Link>& out) {
    for (const mime::HeaderField& field : msg.root().fields) {
        const std::string_view name = msg.name_of(field);
        for (const auto f : url_fields)
            if (core::iequals(name, f)) collect_field(msg, field, out);
    }
}

const MessageLinks& message_links(const analysis::Message& msg) {
    return msg.memo<MessageLinks>(0, [&] {
        MessageLinks result;
        collect_header_links(msg, result.links);
        const auto& entities = msg.entities();
        for (std::size_t i = 0; i < entities.size(); ++i) {
            const mime::Entity& e = entities[i];
            if (e.kind == mime::EntityKind::leaf && e.media_type == "text/plain" && !msg.is_attachment(static_cast<int>(i)))
                collect_text_links(msg, static_cast<int>(i), result.links);
        }
        // The HTML parts a recipient sees, as the HTML engine picks them.
        for (const int part : html::html_parts(msg)) collect_html_links(msg, part, result.links);
        if (result.links.size() >= max_links) {
            result.links.resize(max_links);
            msg.record_limit("max_links", max_links, msg.root().body, 0);
        }
        return result;
    });
}

}  // namespace inboxlint::url
