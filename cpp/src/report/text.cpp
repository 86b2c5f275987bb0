// The text reporter: compiler-style lines a terminal or an editor's problem
// matcher understands, with the offending source line and a caret under the
// range. Everything printed comes from untrusted mail, so every byte goes
// through render_one(): control characters, escape sequences, invalid UTF-8
// and invisible or bidi characters are shown, never passed to the terminal.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.hpp"
#include "inboxlint/reporters.hpp"
#include "report/decoded_text.hpp"

namespace inboxlint {
namespace {

using CodePointRange = std::pair<char32_t, char32_t>;

template <std::size_t N>
bool in_ranges(const std::array<CodePointRange, N>& ranges, char32_t cp) noexcept {
    const auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                                     [](char32_t value, const CodePointRange& r) { return value < r.first; });
    return it != ranges.begin() && cp <= std::prev(it)->second;
}

// Characters a terminal would not show (format characters, bidi controls,
// fillers, tags): the linter's reader needs to see them, so they print as
// <U+XXXX>. C1 controls are added in render_one().
constexpr std::array<CodePointRange, 16> invisible_ranges{{
    {0x00AD, 0x00AD},
    {0x061C, 0x061C},
    {0x115F, 0x1160},
    {0x17B4, 0x17B5},
    {0x180E, 0x180E},
    {0x200B, 0x200F},
    {0x2028, 0x202E},
    {0x2060, 0x206F},
    {0x3164, 0x3164},
    {0xFEFF, 0xFEFF},
    {0xFFA0, 0xFFA0},
    {0xFFF0, 0xFFFB},
    {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A},
    {0xE0000, 0xE007F},
    {0xF0000, 0x10FFFF},
}};

// Combining marks and variation selectors: they take no cell of their own.
constexpr std::array<CodePointRange, 12> zero_width_ranges{{
    {0x0300, 0x036F},
    {0x0483, 0x0489},
    {0x0591, 0x05BD},
    {0x0610, 0x061A},
    {0x064B, 0x065F},
    {0x180B, 0x180D},
    {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF},
    {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F},
    {0xE0100, 0xE01EF},
}};

// An approximation of East Asian Width W and F (CJK, Hangul, fullwidth forms,
// most emoji): two cells in a terminal, so the caret stays under them.
constexpr std::array<CodePointRange, 23> wide_ranges{{
    {0x1100, 0x115F}, {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
}};

constexpr char hex_digits[] = "0123456789ABCDEF";

struct Rendered {
    std::size_t length = 1;  // bytes consumed
    std::size_t cells = 1;   // terminal cells produced
};

std::size_t append_code_point_name(std::string& out, char32_t cp) {
    std::string name = "<U+";
    for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) name.push_back(hex_digits[(cp >> shift) & 0xF]);
    name.push_back('>');
    out += name;
    return name.size();
}

// Appends a terminal-safe rendering of the character at text[pos]. `column`
// is the cell where it starts, for tab stops; a tab_width of 1 turns tabs
// into single spaces.
Rendered render_one(std::string& out, std::string_view text, std::size_t pos, std::size_t column,
                    std::size_t tab_width) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte == '\t') {
        const std::size_t cells = tab_width - column % tab_width;
        out.append(cells, ' ');
        return {1, cells};
    }
    if (byte < 0x20 || byte == 0x7F) {
        // The Control Pictures block: one cell, and never an escape sequence.
        core::append_utf8(out, byte == 0x7F ? char32_t{0x2421} : char32_t{0x2400} + byte);
        return {1, 1};
    }
    if (byte < 0x80) {
        out.push_back(static_cast<char>(byte));
        return {1, 1};
    }
    const core::DecodedCodePoint decoded = core::decode_utf8(text, pos);
    if (!decoded.valid) {
        out += "\\x";
        out.push_back(hex_digits[byte >> 4]);
        out.push_back(hex_digits[byte & 0xF]);
        return {1, 4};
    }
    const char32_t cp = decoded.code_point;
    if (cp <= 0x9F || in_ranges(invisible_ranges, cp)) return {decoded.length, append_code_point_name(out, cp)};
    out.append(text.substr(pos, decoded.length));
    if (in_ranges(zero_width_ranges, cp)) return {decoded.length, 0};
    return {decoded.length, in_ranges(wide_ranges, cp) ? std::size_t{2} : std::size_t{1}};
}

// One-line text (names, messages) made safe for a terminal.
std::string safe_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t column = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Rendered r = render_one(out, text, pos, column, 1);
        pos += r.length;
        column += r.cells;
    }
    return out;
}

struct Palette {
    std::string_view bold, error, warning, info, note, caret, reset;
};
constexpr Palette plain_palette{};
constexpr Palette ansi_palette{"\x1b[1m",    "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m",
                               "\x1b[1;36m", "\x1b[1;32m", "\x1b[0m"};

std::string_view severity_color(const Palette& palette, Severity severity) {
    switch (severity) {
        case Severity::error:
            return palette.error;
        case Severity::warning:
            return palette.warning;
        case Severity::info:
            return palette.info;
    }
    return palette.info;
}

// ---- excerpts --------------------------------------------------------------

// The bytes around a position that an excerpt may show: the whole line when it
// is short, otherwise a bounded stretch of it, so that a 10 MB line costs no
// more than a short one.
struct Stretch {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool at_line_start = true;
    bool at_line_end = true;
};

constexpr bool is_break(char c) noexcept { return c == '\r' || c == '\n'; }
constexpr bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

Stretch find_stretch(std::string_view message, std::size_t pos, std::size_t back_bytes, std::size_t ahead_bytes) {
    Stretch s;
    const std::size_t floor = pos > back_bytes ? pos - back_bytes : 0;
    s.begin = pos;
    while (s.begin > floor && !is_break(message[s.begin - 1])) --s.begin;
    if (s.begin == floor && floor > 0 && !is_break(message[floor - 1])) {
        s.at_line_start = false;
        // Start on a character boundary, as the column count from the line start would.
        while (s.begin < pos && is_continuation(message[s.begin]) && s.begin - floor < 3) ++s.begin;
    }
    const std::size_t ceiling = std::min(message.size(), pos + ahead_bytes);
    s.end = pos;
    while (s.end < ceiling && !is_break(message[s.end])) ++s.end;
    s.at_line_end = s.end == message.size() || is_break(message[s.end]);
    return s;
}

struct Piece {
    std::size_t offset = 0;  // in the message
    std::size_t length = 0;
    std::size_t cells = 0;
    std::size_t out_begin = 0;  // in the rendered text
    std::size_t out_end = 0;
};

struct Excerpt {
    std::string source;        // the line as shown, "..." where it was cut
    std::size_t caret_at = 0;  // cells before the caret
    std::size_t caret_cells = 1;
};

struct PieceRun {
    std::vector<Piece> pieces;
    std::string rendered;
    std::size_t first_in_range = 0;  // the piece containing the range start
    bool scan_cut = false;           // stopped before the stretch's end
};

PieceRun render_stretch(std::string_view message, const Stretch& s, std::size_t start, std::size_t right_cells,
                        std::size_t tab_width) {
    PieceRun run;
    const std::string_view text = message.substr(0, s.end);
    std::size_t column = 0;
    std::size_t cells_from_start = 0;
    bool found = false;
    for (std::size_t pos = s.begin; pos < s.end;) {
        // Enough to fill the width right of the range start: the rest of a
        // long line is never rendered.
        if (found && cells_from_start >= right_cells) {
            run.scan_cut = true;
            break;
        }
        Piece piece{pos, 0, 0, run.rendered.size(), 0};
        const Rendered r = render_one(run.rendered, text, pos, column, tab_width);
        piece.length = r.length;
        piece.cells = r.cells;
        piece.out_end = run.rendered.size();
        if (!found && pos + r.length > start) {
            found = true;
            run.first_in_range = run.pieces.size();
        }
        if (found) cells_from_start += r.cells;
        column += r.cells;
        run.pieces.push_back(piece);
        pos += r.length;
    }
    if (!found) run.first_in_range = run.pieces.size();
    return run;
}

std::size_t sum_cells(const std::vector<Piece>& pieces, std::size_t from, std::size_t to) {
    std::size_t cells = 0;
    for (std::size_t i = from; i < to; ++i) cells += pieces[i].cells;
    return cells;
}

Excerpt make_excerpt(std::string_view message, Span raw, const TextOptions& options) {
    const std::size_t width = std::max<std::size_t>(options.max_width, 40);
    const std::size_t tab_width = std::max<std::size_t>(options.tab_width, 1);
    std::size_t begin = std::min(raw.begin, message.size());
    // A range starting on the LF of a CRLF starts at the line break.
    if (begin > 0 && begin < message.size() && message[begin] == '\n' && message[begin - 1] == '\r') --begin;
    const Stretch s = find_stretch(message, begin, 4 * width, 8 * width);
    const std::size_t end = std::clamp(raw.end, begin, s.end);
    const PieceRun run = render_stretch(message, s, begin, width, tab_width);
    const std::vector<Piece>& pieces = run.pieces;
    const std::size_t first = run.first_in_range;
    const std::size_t left_cells = sum_cells(pieces, 0, first);
    const std::size_t right_cells = sum_cells(pieces, first, pieces.size());

    std::size_t shown_begin = 0;
    std::size_t shown_end = pieces.size();
    const bool whole = s.at_line_start && s.at_line_end && !run.scan_cut && left_cells + right_cells <= width;
    if (!whole) {
        const std::size_t budget = width - 6;  // room for "..." on both sides
        // The range start gets up to three quarters of the width to its right;
        // what it does not need goes to the context on its left.
        const std::size_t left_keep = std::min(left_cells, budget - std::min(right_cells, budget - budget / 4));
        std::size_t left_shown = left_cells;
        while (shown_begin < first && left_shown > left_keep) left_shown -= pieces[shown_begin++].cells;
        std::size_t right_shown = 0;
        shown_end = first;
        while (shown_end < pieces.size() &&
               (shown_end == first || left_shown + right_shown + pieces[shown_end].cells <= budget)) {
            right_shown += pieces[shown_end++].cells;
        }
    }
    const bool cut_left = shown_begin > 0 || !s.at_line_start;
    const bool cut_right = shown_end < pieces.size() || run.scan_cut || !s.at_line_end;

    Excerpt excerpt;
    if (cut_left) excerpt.source = "...";
    if (shown_begin < shown_end) {
        const std::size_t from = pieces[shown_begin].out_begin;
        excerpt.source.append(run.rendered, from, pieces[shown_end - 1].out_end - from);
    }
    if (cut_right) excerpt.source += "...";
    excerpt.caret_at = (cut_left ? 3 : 0) + sum_cells(pieces, shown_begin, first);
    std::size_t caret = 0;
    for (std::size_t i = first; i < shown_end && (i == first || pieces[i].offset < end); ++i) caret += pieces[i].cells;
    excerpt.caret_cells = std::max<std::size_t>(caret, 1);
    return excerpt;
}

// ---- lines -----------------------------------------------------------------

void append_location_prefix(std::string& out, std::string_view name, const Location& location, const Palette& palette) {
    out += palette.bold;
    out += name;
    if (location.line > 0) {
        out += ':' + std::to_string(location.line) + ':' + std::to_string(std::max<std::size_t>(location.column, 1));
    }
    out += ':';
    out += palette.reset;
    out += ' ';
}

void append_part(std::string& out, const Location& location) {
    if (location.part.empty()) return;
    out += " [part ";
    out += safe_text(location.part);
    out += ']';
}

// In a quoted-printable or base64 part, the decoded text is shown (the
// position in the prefix stays the raw one) and the gutter names the
// encoding instead of a line number.
void append_excerpt(std::string& out, const ReportInput& input, const Location& location, const TextOptions& options,
                    const Palette& palette, report::DecodedParts& decoded) {
    // Limit findings may point past what was kept of the message; they print without an excerpt.
    if (!options.excerpts || input.message.empty() || location.raw.begin > input.message.size()) return;
    const auto shown = decoded.source(location);
    const Excerpt excerpt = shown ? make_excerpt(shown->text, *location.decoded, options)
                                  : make_excerpt(input.message, location.raw, options);
    const std::string number =
        shown ? std::string(shown->label) : location.line > 0 ? std::to_string(location.line) : std::string();
    const std::string gutter(std::max<std::size_t>(number.size(), 4) + 1, ' ');
    out += gutter.substr(0, gutter.size() - number.size()) + number + " | " + excerpt.source + '\n';
    out += gutter + " | " + std::string(excerpt.caret_at, ' ');
    out += palette.caret;
    out += '^' + std::string(excerpt.caret_cells - 1, '~');
    out += palette.reset;
    out += '\n';
}

void append_finding(std::string& out, const ReportInput& input, std::string_view name, const Finding& finding,
                    const TextOptions& options, const Palette& palette, report::DecodedParts& decoded) {
    append_location_prefix(out, name, finding.location, palette);
    out += severity_color(palette, finding.severity);
    out += to_string(finding.severity);
    out += ':';
    out += palette.reset;
    out += ' ' + safe_text(finding.message) + " [" + safe_text(finding.rule_id);
    if (!finding.slug.empty()) out += ' ' + safe_text(finding.slug);
    out += ']';
    append_part(out, finding.location);
    out += '\n';
    append_excerpt(out, input, finding.location, options, palette, decoded);
    for (const RelatedLocation& related : finding.related) {
        append_location_prefix(out, name, related.location, palette);
        out += palette.note;
        out += "note:";
        out += palette.reset;
        out += ' ' + safe_text(related.message);
        append_part(out, related.location);
        out += '\n';
        append_excerpt(out, input, related.location, options, palette, decoded);
    }
}

void append_count(std::string& out, std::size_t n, std::string_view singular, std::string_view plural, bool& first) {
    if (n == 0) return;
    out += first ? "" : ", ";
    out += std::to_string(n) + ' ' + std::string(n == 1 ? singular : plural);
    first = false;
}

void append_summary(std::string& out, const Report& report) {
    const std::size_t total = report.findings.size();
    if (total == 0) {
        out += "no findings\n";
        return;
    }
    out += std::to_string(total) + (total == 1 ? " finding (" : " findings (");
    bool first = true;
    append_count(out, report.count(Severity::error), "error", "errors", first);
    append_count(out, report.count(Severity::warning), "warning", "warnings", first);
    append_count(out, report.count(Severity::info), "info", "info", first);
    out += ")\n";
}

// "NAME: note:" opening a note line about the whole message.
void append_message_note(std::string& out, std::string_view name, const Palette& palette) {
    out += palette.bold;
    out += name;
    out += ':';
    out += palette.reset;
    out += ' ';
    out += palette.note;
    out += "note:";
    out += palette.reset;
}

void append_truncation(std::string& out, std::string_view name, const Report& report, const Palette& palette) {
    if (!report.truncated && report.limits_hit.empty()) return;
    append_message_note(out, name, palette);
    out += " report truncated";
    for (std::size_t i = 0; i < report.limits_hit.size(); ++i) {
        const LimitHit& hit = report.limits_hit[i];
        out += i == 0 ? ": " : ", ";
        out += safe_text(hit.limit) + " (" + std::to_string(hit.value) + ")";
    }
    out += '\n';
}

// Nothing to say for an unsigned message linted without DNS records: the
// summary is then only dkim=none.
void append_authentication(std::string& out, std::string_view name, const Report& report, const Palette& palette) {
    const auto& results = report.authentication;
    if (results.empty() || (results.size() == 1 && results.front().method == "dkim" && results.front().result == "none"))
        return;
    append_message_note(out, name, palette);
    out += " authentication: " + safe_text(format_authentication_results(results)) + '\n';
}

}  // namespace

std::string format_text(const ReportInput& input, const TextOptions& options) {
    static const Report empty_report;
    const Report& report = input.report ? *input.report : empty_report;
    const Palette& palette = options.color ? ansi_palette : plain_palette;
    const std::string name = safe_text(input.name);
    std::string out;
    report::DecodedParts decoded(input);
    for (const Finding& finding : report.findings) append_finding(out, input, name, finding, options, palette, decoded);
    append_truncation(out, name, report, palette);
    append_authentication(out, name, report, palette);
    if (options.summary) append_summary(out, report);
    return out;
}

std::string format_text_batch(const std::vector<BatchFinding>& findings, const std::vector<BatchMessage>& messages,
                              const TextOptions& options) {
    if (findings.empty()) return {};
    const Palette& palette = options.color ? ansi_palette : plain_palette;
    const auto name_of = [&](std::size_t index) {
        return safe_text(index < messages.size() ? std::string_view(messages[index].name) : std::string_view());
    };
    std::string out = "batch: " + std::to_string(findings.size()) +
                      (findings.size() == 1 ? " finding over " : " findings over ") + std::to_string(messages.size()) +
                      (messages.size() == 1 ? " message\n" : " messages\n");
    for (const BatchFinding& batch : findings) {
        const Finding& finding = batch.finding;
        append_location_prefix(out, name_of(batch.message), finding.location, palette);
        out += severity_color(palette, finding.severity);
        out += to_string(finding.severity);
        out += ':';
        out += palette.reset;
        out += ' ' + safe_text(finding.message) + " [" + safe_text(finding.rule_id) + ' ' + safe_text(finding.slug) + "]\n";
        for (std::size_t i = 0; i < finding.related.size(); ++i) {
            const std::size_t other = i < batch.related_messages.size() ? batch.related_messages[i] : batch.message;
            append_location_prefix(out, name_of(other), finding.related[i].location, palette);
            out += palette.note;
            out += "note:";
            out += palette.reset;
            out += ' ' + safe_text(finding.related[i].message) + '\n';
        }
    }
    return out;
}

}  // namespace inboxlint
