#include "auth/canon.hpp"

#include "core/ascii.hpp"

namespace inboxlint::auth {
namespace {

// Copies text with every bare LF turned into CRLF.
void append_crlf_lines(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
        out.push_back(text[i]);
    }
}

// Relaxed: line breaks of folding removed, runs of WSP made one SP, WSP at
// the start and end of the value removed.
void append_relaxed_value(std::string& out, std::string_view value) {
    bool pending_space = false;
    bool started = false;
    for (char c : value) {
        if (c == '\r' || c == '\n') continue;
        if (core::is_wsp(c)) {
            pending_space = started;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        started = true;
        out.push_back(c);
    }
}

// One body line (without its break) in relaxed form: WSP runs become one SP,
// WSP at the end goes.
// Runs without WSP are copied whole: bodies are large and hashed in full.
void append_relaxed_line(std::string& out, std::string_view line) {
    std::size_t i = 0;
    while (i < line.size()) {
        std::size_t wsp = i;
        while (wsp < line.size() && !core::is_wsp(line[wsp])) ++wsp;
        out.append(line.substr(i, wsp - i));
        std::size_t next = wsp;
        while (next < line.size() && core::is_wsp(line[next])) ++next;
        if (next > wsp && next < line.size()) out.push_back(' ');
        i = next;
    }
}

}  // namespace

void canonicalize_header(std::string& out, std::string_view field, std::size_t name_end, std::size_t value_begin,
                         Canonicalization canon) {
    if (canon != Canonicalization::relaxed) {
        append_crlf_lines(out, field);
        return;
    }
    for (char c : field.substr(0, name_end)) out.push_back(core::to_lower(c));
    // The name may be followed by WSP before the colon; relaxed drops it.
    while (!out.empty() && core::is_wsp(out.back())) out.pop_back();
    out.push_back(':');
    append_relaxed_value(out, field.substr(std::min(value_begin, field.size())));
}

std::string canonicalize_body(std::string_view body, Canonicalization canon) {
    std::string out;
    out.reserve(body.size() + body.size() / 32);
    std::size_t empty_lines = 0;  // held back: empty lines at the end are dropped
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t lf = body.find('\n', pos);
        const bool last = lf == std::string_view::npos;
        std::size_t end = last ? body.size() : lf;
        const std::size_t next = last ? body.size() : lf + 1;
        if (!last && end > pos && body[end - 1] == '\r') --end;
        const std::string_view line = body.substr(pos, end - pos);
        const bool empty =
            canon == Canonicalization::relaxed ? line.find_first_not_of(" \t") == std::string_view::npos : line.empty();
        if (empty) {
            ++empty_lines;
        } else {
            // A line with content: the empty lines before it are real.
            for (; empty_lines > 0; --empty_lines) out.append("\r\n");
            if (canon == Canonicalization::relaxed)
                append_relaxed_line(out, line);
            else
                out.append(line);
            out.append("\r\n");
        }
        pos = next;
    }
    // RFC 6376 3.4.3: an empty body is one CRLF in simple; 3.4.4 (with
    // erratum 3133): nothing in relaxed.
    if (out.empty() && canon != Canonicalization::relaxed) out = "\r\n";
    return out;
}

}  // namespace inboxlint::auth
