// The state machine of the basic URL parser, one function per state, named
// and ordered as in the Standard so the two can be read side by side.
#include "url/url.hpp"

#include <array>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "url/percent.hpp"
#include "url/text_map.hpp"

namespace inboxlint::url {
namespace {

constexpr int eof = -1;

enum class State {
    scheme_start,
    scheme,
    no_scheme,
    special_relative_or_authority,
    path_or_authority,
    relative,
    relative_slash,
    special_authority_slashes,
    special_authority_ignore_slashes,
    authority,
    host,
    port,
    file,
    file_slash,
    file_host,
    path_start,
    path,
    opaque_path,
    query,
    fragment,
};

// The input after trimming C0 controls and spaces at both ends and removing
// tabs and newlines, with invalid UTF-8 replaced by U+FFFD; `map` leads
// every byte back to the input, `end` is where the trimmed input ends.
struct Cleaned {
    std::string text;
    TextMap map;
    std::size_t end = 0;
};

Cleaned clean(std::string_view input) {
    std::size_t b = 0, e = input.size();
    while (b < e && static_cast<unsigned char>(input[b]) <= 0x20) ++b;
    while (e > b && static_cast<unsigned char>(input[e - 1]) <= 0x20) --e;
    Cleaned c;
    c.map = TextMap(b);
    c.end = e;
    c.text.reserve(e - b);
    bool restart = false;
    for (std::size_t i = b; i < e;) {
        const char ch = input[i];
        if (ch == '\t' || ch == '\n' || ch == '\r') {
            ++i;
            restart = true;
            continue;
        }
        const auto d = core::decode_utf8(input, i);
        if (d.valid) {
            if (restart) c.map.restart(c.text.size(), i);
            restart = false;
            c.text.append(input.substr(i, d.length));
        } else {
            // The three bytes of U+FFFD all stand for the one invalid byte.
            for (std::size_t k = 0; k < 3; ++k) c.map.restart(c.text.size() + k, i);
            c.text += "\xEF\xBF\xBD";
            restart = true;
        }
        i += d.length;
    }
    return c;
}

bool is_windows_drive_letter(std::string_view s) {
    return s.size() == 2 && core::is_alpha(s[0]) && (s[1] == ':' || s[1] == '|');
}
bool is_normalized_windows_drive_letter(std::string_view s) { return is_windows_drive_letter(s) && s[1] == ':'; }

bool starts_with_windows_drive_letter(std::string_view s) {
    if (s.size() < 2 || !is_windows_drive_letter(s.substr(0, 2))) return false;
    return s.size() == 2 || s[2] == '/' || s[2] == '\\' || s[2] == '?' || s[2] == '#';
}

bool is_single_dot(std::string_view s) { return s == "." || core::iequals(s, "%2e"); }
bool is_double_dot(std::string_view s) {
    return s == ".." || core::iequals(s, ".%2e") || core::iequals(s, "%2e.") || core::iequals(s, "%2e%2e");
}

class Parser {
public:
    Parser(std::string_view input, const Url* base) : in_(clean(input)), base_(base) {}

    UrlResult run() {
        const auto size = static_cast<std::ptrdiff_t>(in_.text.size());
        for (p_ = 0;; ++p_) {
            if (!step(at(p_))) {
                result_.url.reset();
                return std::move(result_);
            }
            if (p_ >= size) break;
        }
        result_.url = std::move(url_);
        return std::move(result_);
    }

private:
    [[nodiscard]] int at(std::ptrdiff_t i) const {
        if (i < 0 || i >= static_cast<std::ptrdiff_t>(in_.text.size())) return eof;
        return static_cast<unsigned char>(in_.text[static_cast<std::size_t>(i)]);
    }
    [[nodiscard]] int next() const { return at(p_ + 1); }
    [[nodiscard]] std::size_t pos() const { return static_cast<std::size_t>(p_); }
    [[nodiscard]] std::string_view rest() const { return std::string_view(in_.text).substr(pos()); }
    [[nodiscard]] bool special() const { return is_special_scheme(url_.scheme); }
    [[nodiscard]] bool special_slash(int c) const { return c == '/' || (c == '\\' && special()); }
    [[nodiscard]] bool ends_authority(int c) const { return c == eof || c == '?' || c == '#' || special_slash(c); }

    // Input offsets of [a, b) of the cleaned text.
    [[nodiscard]] Span span(std::size_t a, std::size_t b) const {
        const std::size_t begin = a < in_.text.size() ? in_.map.at(a) : in_.end;
        if (b <= a) return {begin, begin};
        return {begin, in_.map.at(b - 1) + 1};
    }
    bool fail(UrlError error, std::size_t a, std::size_t b) {
        result_.error = error;
        result_.error_span = span(a, std::min(b, in_.text.size()));
        return false;
    }
    void go(State s, std::ptrdiff_t move = 0) {
        state_ = s;
        p_ += move;
    }

    bool step(int c);
    bool scheme_start(int c);
    bool scheme(int c);
    bool no_scheme(int c);
    bool relative(int c);
    bool relative_slash(int c);
    bool authority(int c);
    bool host(int c);
    bool port(int c);
    bool file(int c);
    bool file_slash(int c);
    bool file_host(int c);
    bool path_start(int c);
    bool path(int c);
    bool opaque_path(int c);
    bool query(int c);
    bool fragment(int c);
    bool parse_host_buffer(std::size_t end, bool opaque);
    void take_authority_from_base();
    void shorten_path();
    void begin_path(std::size_t at) {
        if (!path_begin_) path_begin_ = at;
    }
    void end_path() {
        if (path_begin_) url_.path_span = span(*path_begin_, pos());
    }
    void start_query() {
        url_.query.emplace();
        mark_ = pos() + 1;
        go(State::query);
    }
    void start_fragment() {
        url_.fragment.emplace();
        mark_ = pos() + 1;
        go(State::fragment);
    }

    const Cleaned in_;
    const Url* base_;
    Url url_;
    UrlResult result_;
    State state_ = State::scheme_start;
    std::ptrdiff_t p_ = 0;
    std::string buffer_;
    bool at_sign_seen_ = false;
    bool inside_brackets_ = false;
    bool password_token_seen_ = false;
    std::size_t mark_ = 0;  // where the component being read began
    std::optional<std::size_t> path_begin_;
};

bool Parser::step(int c) {
    switch (state_) {
        case State::scheme_start:
            return scheme_start(c);
        case State::scheme:
            return scheme(c);
        case State::no_scheme:
            return no_scheme(c);
        case State::special_relative_or_authority:
            if (c == '/' && next() == '/') return go(State::special_authority_ignore_slashes, 1), true;
            return go(State::relative, -1), true;
        case State::path_or_authority:
            if (c == '/') return mark_ = pos() + 1, go(State::authority), true;
            return begin_path(pos()), go(State::path, -1), true;
        case State::relative:
            return relative(c);
        case State::relative_slash:
            return relative_slash(c);
        case State::special_authority_slashes:
            if (c == '/' && next() == '/') return go(State::special_authority_ignore_slashes, 1), true;
            return go(State::special_authority_ignore_slashes, -1), true;
        case State::special_authority_ignore_slashes:
            if (c != '/' && c != '\\') mark_ = pos(), go(State::authority, -1);
            return true;
        case State::authority:
            return authority(c);
        case State::host:
            return host(c);
        case State::port:
            return port(c);
        case State::file:
            return file(c);
        case State::file_slash:
            return file_slash(c);
        case State::file_host:
            return file_host(c);
        case State::path_start:
            return path_start(c);
        case State::path:
            return path(c);
        case State::opaque_path:
            return opaque_path(c);
        case State::query:
            return query(c);
        case State::fragment:
            return fragment(c);
    }
    return false;
}

bool Parser::scheme_start(int c) {
    if (c != eof && core::is_alpha(static_cast<char>(c))) {
        buffer_.push_back(core::to_lower(static_cast<char>(c)));
        go(State::scheme);
    } else {
        go(State::no_scheme, -1);
    }
    return true;
}

bool Parser::scheme(int c) {
    const char ch = static_cast<char>(c);
    if (c != eof && (core::is_alnum(ch) || ch == '+' || ch == '-' || ch == '.')) {
        buffer_.push_back(core::to_lower(ch));
        return true;
    }
    if (c != ':') {
        buffer_.clear();
        go(State::no_scheme);
        p_ = -1;  // start over
        return true;
    }
    url_.scheme = std::move(buffer_);
    buffer_.clear();
    url_.scheme_span = span(0, pos());
    if (url_.scheme == "file") {
        go(State::file);
    } else if (special() && base_ != nullptr && base_->scheme == url_.scheme) {
        go(State::special_relative_or_authority);
    } else if (special()) {
        go(State::special_authority_slashes);
    } else if (next() == '/') {
        go(State::path_or_authority, 1);
    } else {
        url_.has_opaque_path = true;
        path_begin_ = pos() + 1;
        go(State::opaque_path);
    }
    return true;
}

bool Parser::no_scheme(int c) {
    if (base_ == nullptr) return fail(UrlError::missing_scheme, 0, in_.text.size());
    if (base_->has_opaque_path && c != '#') return fail(UrlError::opaque_base, 0, in_.text.size());
    if (base_->has_opaque_path) {
        url_.scheme = base_->scheme;
        url_.has_opaque_path = true;
        url_.opaque_path = base_->opaque_path;
        url_.query = base_->query;
        start_fragment();
    } else {
        go(base_->scheme != "file" ? State::relative : State::file, -1);
    }
    return true;
}

void Parser::take_authority_from_base() {
    url_.username = base_->username;
    url_.password = base_->password;
    url_.host = base_->host;
    url_.port = base_->port;
}

bool Parser::relative(int c) {
    url_.scheme = base_->scheme;
    if (special_slash(c)) return go(State::relative_slash), true;
    take_authority_from_base();
    url_.path = base_->path;
    url_.query = base_->query;
    if (c == '?') {
        start_query();
    } else if (c == '#') {
        start_fragment();
    } else if (c != eof) {
        url_.query.reset();
        shorten_path();
        begin_path(pos());
        go(State::path, -1);
    }
    return true;
}

bool Parser::relative_slash(int c) {
    if (special() && (c == '/' || c == '\\')) {
        go(State::special_authority_ignore_slashes);
    } else if (c == '/') {
        mark_ = pos() + 1;
        go(State::authority);
    } else {
        take_authority_from_base();
        begin_path(pos() - 1);
        go(State::path, -1);
    }
    return true;
}

bool Parser::authority(int c) {
    if (c == '@') {
        if (at_sign_seen_) buffer_.insert(0, "%40");
        at_sign_seen_ = true;
        url_.at_sign = true;
        for (const char b : buffer_) {
            if (b == ':' && !password_token_seen_) {
                password_token_seen_ = true;
                continue;
            }
            append_encoded(password_token_seen_ ? url_.password : url_.username, static_cast<unsigned char>(b),
                           EncodeSet::userinfo);
        }
        buffer_.clear();
        url_.userinfo_span = span(mark_, pos());
    } else if (ends_authority(c)) {
        if (at_sign_seen_ && buffer_.empty()) return fail(UrlError::host_missing, mark_, pos() + 1);
        p_ -= static_cast<std::ptrdiff_t>(buffer_.size()) + 1;
        buffer_.clear();
        mark_ = pos() + 1;
        go(State::host);
    } else {
        buffer_.push_back(static_cast<char>(c));
    }
    return true;
}

bool Parser::parse_host_buffer(std::size_t end, bool opaque) {
    HostResult h = parse_host(buffer_, opaque);
    if (!h.ok()) {
        result_.host_error = std::move(h);
        return fail(UrlError::invalid_host, mark_, end);
    }
    url_.host = std::move(h.host);
    url_.host_span = span(mark_, end);
    buffer_.clear();
    return true;
}

bool Parser::host(int c) {
    if (c == ':' && !inside_brackets_) {
        if (buffer_.empty()) return fail(UrlError::host_missing, mark_, pos());
        if (!parse_host_buffer(pos(), !special())) return false;
        mark_ = pos() + 1;
        go(State::port);
    } else if (ends_authority(c)) {
        if (special() && buffer_.empty()) return fail(UrlError::host_missing, mark_, pos());
        if (!parse_host_buffer(pos(), !special())) return false;
        go(State::path_start, -1);
    } else {
        if (c == '[') inside_brackets_ = true;
        if (c == ']') inside_brackets_ = false;
        buffer_.push_back(static_cast<char>(c));
    }
    return true;
}

bool Parser::port(int c) {
    if (c != eof && core::is_digit(static_cast<char>(c))) {
        buffer_.push_back(static_cast<char>(c));
        return true;
    }
    if (!ends_authority(c)) return fail(UrlError::invalid_port, mark_, pos() + 1);
    if (!buffer_.empty()) {
        std::uint32_t value = 0;
        for (const char d : buffer_) {
            value = value * 10 + static_cast<std::uint32_t>(d - '0');
            if (value > 65535) return fail(UrlError::invalid_port, mark_, pos());
        }
        const auto port = static_cast<std::uint16_t>(value);
        url_.port = port;
        if (default_port(url_.scheme) == port) url_.port.reset();
        url_.port_span = span(mark_, pos());
        buffer_.clear();
    }
    go(State::path_start, -1);
    return true;
}

bool Parser::file(int c) {
    url_.scheme = "file";
    url_.host = Host{};
    if (c == '/' || c == '\\') return go(State::file_slash), true;
    if (base_ == nullptr || base_->scheme != "file") return begin_path(pos()), go(State::path, -1), true;
    url_.host = base_->host;
    url_.path = base_->path;
    url_.query = base_->query;
    if (c == '?') {
        start_query();
    } else if (c == '#') {
        start_fragment();
    } else if (c != eof) {
        url_.query.reset();
        if (starts_with_windows_drive_letter(rest())) {
            url_.path.clear();
        } else {
            shorten_path();
        }
        begin_path(pos());
        go(State::path, -1);
    }
    return true;
}

bool Parser::file_slash(int c) {
    if (c == '/' || c == '\\') {
        mark_ = pos() + 1;
        go(State::file_host);
        return true;
    }
    if (base_ != nullptr && base_->scheme == "file") {
        url_.host = base_->host;
        if (!starts_with_windows_drive_letter(rest()) && !base_->path.empty() &&
            is_normalized_windows_drive_letter(base_->path[0]))
            url_.path.push_back(base_->path[0]);
    }
    begin_path(pos() - 1);
    go(State::path, -1);
    return true;
}

bool Parser::file_host(int c) {
    if (!(c == eof || c == '/' || c == '\\' || c == '?' || c == '#')) {
        buffer_.push_back(static_cast<char>(c));
        return true;
    }
    if (is_windows_drive_letter(buffer_)) {
        // The drive letter stays in the buffer for the path state (a quirk
        // the Standard keeps on purpose).
        begin_path(mark_);
        go(State::path, -1);
    } else if (buffer_.empty()) {
        url_.host = Host{};
        go(State::path_start, -1);
    } else {
        if (!parse_host_buffer(pos(), false)) return false;
        if (url_.host->serialized == "localhost") url_.host = Host{};
        go(State::path_start, -1);
    }
    return true;
}

bool Parser::path_start(int c) {
    begin_path(pos());
    if (special()) {
        go(State::path, c != '/' && c != '\\' ? -1 : 0);
    } else if (c == '?') {
        end_path();
        start_query();
    } else if (c == '#') {
        end_path();
        start_fragment();
    } else if (c != eof) {
        go(State::path, c != '/' ? -1 : 0);
    } else {
        end_path();
    }
    return true;
}

void Parser::shorten_path() {
    if (url_.scheme == "file" && url_.path.size() == 1 && is_normalized_windows_drive_letter(url_.path[0])) return;
    if (!url_.path.empty()) url_.path.pop_back();
}

bool Parser::path(int c) {
    if (!(c == eof || c == '?' || c == '#' || special_slash(c))) {
        append_encoded(buffer_, static_cast<unsigned char>(c), EncodeSet::path);
        return true;
    }
    const bool slash = special_slash(c);
    if (is_double_dot(buffer_)) {
        shorten_path();
        if (!slash) url_.path.emplace_back();
    } else if (is_single_dot(buffer_)) {
        if (!slash) url_.path.emplace_back();
    } else {
        if (url_.scheme == "file" && url_.path.empty() && is_windows_drive_letter(buffer_)) buffer_[1] = ':';
        url_.path.push_back(std::move(buffer_));
    }
    buffer_.clear();
    if (slash) return true;
    end_path();
    if (c == '?') start_query();
    if (c == '#') start_fragment();
    return true;
}

bool Parser::opaque_path(int c) {
    if (c == '?' || c == '#' || c == eof) end_path();
    if (c == '?') {
        start_query();
    } else if (c == '#') {
        start_fragment();
    } else if (c == ' ') {
        url_.opaque_path += next() == '?' || next() == '#' ? "%20" : " ";
    } else if (c != eof) {
        append_encoded(url_.opaque_path, static_cast<unsigned char>(c), EncodeSet::c0_control);
    }
    return true;
}

bool Parser::query(int c) {
    if (c == '#' || c == eof) {
        url_.query_span = span(mark_, pos());
        if (c == '#') start_fragment();
        return true;
    }
    append_encoded(*url_.query, static_cast<unsigned char>(c), special() ? EncodeSet::special_query : EncodeSet::query);
    return true;
}

bool Parser::fragment(int c) {
    if (c == eof) {
        url_.fragment_span = span(mark_, pos());
        return true;
    }
    append_encoded(*url_.fragment, static_cast<unsigned char>(c), EncodeSet::fragment);
    return true;
}

}  // namespace

bool is_special_scheme(std::string_view s) noexcept {
    return s == "http" || s == "https" || s == "ws" || s == "wss" || s == "ftp" || s == "file";
}

std::optional<std::uint16_t> default_port(std::string_view s) noexcept {
    if (s == "http" || s == "ws") return 80;
    if (s == "https" || s == "wss") return 443;
    if (s == "ftp") return 21;
    return std::nullopt;
}

bool Url::special() const noexcept { return is_special_scheme(scheme); }

std::string Url::pathname() const {
    if (has_opaque_path) return opaque_path;
    std::string out;
    for (const auto& segment : path) out += "/" + segment;
    return out;
}

std::string Url::hostname() const { return host ? host->serialized : std::string(); }

std::string Url::host_and_port() const {
    std::string out = hostname();
    if (port) out += ":" + std::to_string(*port);
    return out;
}

std::string Url::href() const {
    std::string out = scheme + ":";
    if (host) {
        out += "//";
        if (!username.empty() || !password.empty()) {
            out += username;
            if (!password.empty()) out += ":" + password;
            out += "@";
        }
        out += host_and_port();
    } else if (!has_opaque_path && path.size() > 1 && path[0].empty()) {
        out += "/.";
    }
    out += pathname();
    if (query) out += "?" + *query;
    if (fragment) out += "#" + *fragment;
    return out;
}

std::string_view to_string(UrlError error) noexcept {
    switch (error) {
        case UrlError::none:
            return "none";
        case UrlError::missing_scheme:
            return "missing-scheme";
        case UrlError::invalid_host:
            return "invalid-host";
        case UrlError::host_missing:
            return "host-missing";
        case UrlError::invalid_port:
            return "invalid-port";
        case UrlError::opaque_base:
            return "opaque-base";
    }
    return "none";
}

UrlResult parse_url(std::string_view input, const Url* base) { return Parser(input, base).run(); }

}  // namespace inboxlint::url
