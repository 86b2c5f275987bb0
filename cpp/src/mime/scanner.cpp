#include "mime/scanner.hpp"

#include <algorithm>

#include "core/ascii.hpp"
#include "core/lines.hpp"
#include "mime/header_block.hpp"

namespace inboxlint::mime {
namespace {

bool is_message_type(std::string_view media_type) noexcept {
    return media_type == "message/rfc822" || media_type == "message/global";
}

std::string child_path(const std::string& prefix, std::size_t index) {
    return prefix.empty() ? std::to_string(index) : prefix + "." + std::to_string(index);
}

// An open multipart: lines matching its boundary split its body.
struct Frame {
    int entity = -1;
    std::size_t children = 0;
};

class Scanner {
public:
    Scanner(std::string_view text, const Limits& limits, ScanResult& out)
        : text_(text), limits_(limits), out_(out), cursor_(text) {}

    void run() {
        std::size_t start = 0;
        if (text_.starts_with("From ")) {
            const core::Line line = cursor_.next();
            out_.mbox_from_line = {line.begin, line.content_end};
            start = line.end;
        }
        cursor_.seek(begin_entity(start, -1));
        scan_body_lines();
        close_open(0, text_.size());
    }

private:
    // Creates an entity whose header starts at `pos`; returns where its body
    // starts. Multiparts open a frame; a message part recurses into the
    // encapsulated message's header.
    std::size_t begin_entity(std::size_t pos, int parent) {
        const int index = static_cast<int>(out_.entities.size());
        out_.entities.emplace_back();
        name_entity(index, parent);
        HeaderBlock block = parse_header_block(
            text_, pos, [this](const core::Line& line) { return match(line).frame >= 0; }, limits_.max_header_fields,
            index, out_.issues);
        Entity& e = out_.entities[static_cast<std::size_t>(index)];
        e.fields = std::move(block.fields);
        e.header = block.span;
        e.has_separator = block.has_separator;
        e.body = {block.body_begin, block.body_begin};
        if (block.field_limit_hit) hit_limit("max_header_fields", limits_.max_header_fields, block.span, index);
        classify(index);
        open_.push_back(index);
        return open_children(index, block.body_begin);
    }

    void name_entity(int index, int parent) {
        Entity& e = out_.entities[static_cast<std::size_t>(index)];
        e.parent = parent;
        if (parent < 0) return;  // the message: path "" with children at "1", "2", ...
        Entity& p = out_.entities[static_cast<std::size_t>(parent)];
        e.depth = p.depth + 1;
        p.children.push_back(index);
        if (p.kind == EntityKind::message) {
            e.path = p.path;
            e.child_prefix = p.path;
        } else {
            e.path = child_path(p.child_prefix, p.children.size());
            e.child_prefix = e.path;
        }
    }

    void classify(int index) {
        Entity& e = out_.entities[static_cast<std::size_t>(index)];
        const Entity* parent = e.parent >= 0 ? &out_.entities[static_cast<std::size_t>(e.parent)] : nullptr;
        const bool in_digest = parent && parent->media_type == "multipart/digest";
        for (const HeaderField& f : e.fields) {
            const std::string_view name = field_name(text_, f);
            if (core::iequals(name, "Content-Type") && !e.content_type.present) {
                e.content_type = parse_content_type(field_raw_value(text_, f), f.value.begin);
            } else if (core::iequals(name, "Content-Transfer-Encoding") && !e.transfer_encoding.present) {
                e.transfer_encoding = parse_transfer_encoding(field_raw_value(text_, f), f.value.begin);
            }
        }
        if (!e.transfer_encoding.present || e.transfer_encoding.name.empty()) e.transfer_encoding.name = "7bit";
        if (e.content_type.valid()) {
            e.media_type = e.content_type.type + "/" + e.content_type.subtype;
        } else {
            e.media_type = in_digest ? "message/rfc822" : "text/plain";
            e.media_type_defaulted = true;
        }
        e.kind = EntityKind::leaf;
        if (e.media_type.starts_with("multipart/")) {
            const Parameter* boundary = e.content_type.param("boundary");
            if (boundary && !boundary->value.empty()) {
                e.boundary = boundary->value;
                e.kind = EntityKind::multipart;
            } else {
                out_.issues.push_back({"missing-boundary-parameter", e.content_type.type_span, index,
                                       "a multipart Content-Type without a boundary parameter"});
            }
        } else if (is_message_type(e.media_type) && !is_encoded(e.transfer_encoding.name)) {
            e.kind = EntityKind::message;
        }
        e.body_path = e.kind == EntityKind::leaf ? leaf_body_path(e) : e.path;
    }

    // A leaf that is a whole message (the top level or an encapsulated one)
    // has its content at section "1" below it, as IMAP numbers it.
    std::string leaf_body_path(const Entity& e) const {
        const bool whole_message =
            e.parent < 0 || out_.entities[static_cast<std::size_t>(e.parent)].kind == EntityKind::message;
        return whole_message ? child_path(e.child_prefix, 1) : e.path;
    }

    static bool is_encoded(std::string_view cte) noexcept { return cte == "base64" || cte == "quoted-printable"; }

    std::size_t open_children(int index, std::size_t body_begin) {
        Entity& e = out_.entities[static_cast<std::size_t>(index)];
        if (e.kind == EntityKind::leaf) return body_begin;
        if (e.depth + 1 > limits_.max_depth) {
            hit_limit("max_depth", limits_.max_depth, e.header, index);
            e.kind = EntityKind::leaf;
            e.body_path = leaf_body_path(e);
            return body_begin;
        }
        if (e.kind == EntityKind::multipart) {
            frames_.push_back({index, 0});
            return body_begin;
        }
        if (!may_add_entity(index)) return body_begin;
        return begin_entity(body_begin, index);
    }

    bool may_add_entity(int near) {
        if (out_.entities.size() < limits_.max_parts) return true;
        if (!parts_exhausted_) {
            parts_exhausted_ = true;
            hit_limit("max_parts", limits_.max_parts, out_.entities[static_cast<std::size_t>(near)].header, near);
        }
        return false;
    }

    struct Match {
        int frame = -1;
        bool close = false;
    };

    // The innermost open frame whose delimiter this line is (RFC 2046 5.1.1:
    // "--" boundary, optionally "--", then only linear white space).
    Match match(const core::Line& line) const {
        if (frames_.empty()) return {};
        const std::string_view content = line.content(text_);
        if (content.size() < 3 || content[0] != '-' || content[1] != '-') return {};
        for (std::size_t k = frames_.size(); k-- > 0;) {
            const std::string& boundary = out_.entities[static_cast<std::size_t>(frames_[k].entity)].boundary;
            if (content.size() < 2 + boundary.size() || content.compare(2, boundary.size(), boundary) != 0) continue;
            std::string_view rest = content.substr(2 + boundary.size());
            const bool close = rest.starts_with("--");
            if (close) rest.remove_prefix(2);
            if (std::all_of(rest.begin(), rest.end(), core::is_wsp)) return {static_cast<int>(k), close};
        }
        return {};
    }

    void scan_body_lines() {
        std::size_t previous_break = 0;  // length of the line break before the current line
        // Only delimiters create entities, so without open multiparts the
        // rest of the message is body text.
        while (!cursor_.at_end() && !frames_.empty()) {
            const core::Line line = cursor_.next();
            const Match m = match(line);
            if (m.frame >= 0) {
                const std::size_t delimiter = line.begin - previous_break;
                on_delimiter(static_cast<std::size_t>(m.frame), m.close, delimiter, line);
                if (cursor_.position() != line.end) {
                    previous_break = 0;
                    continue;
                }
            }
            previous_break = line.end - line.content_end;
        }
    }

    void on_delimiter(std::size_t frame_index, bool close, std::size_t delimiter, const core::Line& line) {
        Frame& frame = frames_[frame_index];
        const int multipart = frame.entity;
        close_open(static_cast<std::size_t>(position_in_open(multipart)) + 1, delimiter);
        pop_frames_above(frame_index, delimiter);
        Entity& m = out_.entities[static_cast<std::size_t>(multipart)];
        if (frame.children == 0) m.preamble = {m.body.begin, std::max(m.body.begin, delimiter)};
        if (close) {
            m.closed = true;
            m.epilogue = {line.end, line.end};
            frames_.pop_back();
            return;
        }
        ++frame.children;
        if (!may_add_entity(multipart)) return;
        cursor_.seek(begin_entity(line.end, multipart));
    }

    int position_in_open(int entity) const {
        const auto it = std::find(open_.begin(), open_.end(), entity);
        return static_cast<int>(it - open_.begin());
    }

    // Frames deeper than `keep` end without their close delimiter.
    void pop_frames_above(std::size_t keep, std::size_t at) {
        while (frames_.size() > keep + 1) {
            report_unclosed(frames_.back(), at);
            frames_.pop_back();
        }
    }

    // A frame ends without its close delimiter. Its body must already have
    // its end.
    void report_unclosed(const Frame& frame, std::size_t at) {
        Entity& e = out_.entities[static_cast<std::size_t>(frame.entity)];
        if (frame.children == 0) {
            e.preamble = e.body;
            out_.issues.push_back({"boundary-not-found", e.content_type.type_span, frame.entity,
                                   "no line in the body is the boundary \"--" + e.boundary + "\""});
        } else {
            out_.issues.push_back({"missing-close-delimiter",
                                   {at, at},
                                   frame.entity,
                                   "the multipart ends without its close delimiter \"--" + e.boundary + "--\""});
        }
    }

    // Ends the bodies of open entities from position `from` of the open stack on.
    void close_open(std::size_t from, std::size_t end) {
        while (open_.size() > from) {
            Entity& e = out_.entities[static_cast<std::size_t>(open_.back())];
            e.body.end = std::max(e.body.begin, end);
            if (e.closed) e.epilogue.end = std::max(e.epilogue.begin, e.body.end);
            open_.pop_back();
        }
        if (from == 0) {
            while (!frames_.empty()) {
                report_unclosed(frames_.back(), end);
                frames_.pop_back();
            }
        }
    }

    void hit_limit(std::string_view limit, std::size_t value, Span span, int entity) {
        out_.limits_hit.push_back({limit, value, span, entity});
    }

    std::string_view text_;
    const Limits& limits_;
    ScanResult& out_;
    core::LineCursor cursor_;
    std::vector<Frame> frames_;
    std::vector<int> open_;
    bool parts_exhausted_ = false;
};

}  // namespace

std::string_view field_name(std::string_view text, const HeaderField& field) noexcept {
    return text.substr(field.name.begin, field.name.size());
}

std::string_view field_raw_value(std::string_view text, const HeaderField& field) noexcept {
    return text.substr(field.value.begin, field.value.size());
}

LineStats compute_line_stats(std::string_view text) {
    LineStats stats;
    stats.starts.push_back(0);
    core::LineCursor cursor(text);
    while (!cursor.at_end()) {
        const core::Line line = cursor.next();
        if (line.ending != core::LineEnding::none) stats.starts.push_back(line.end);
        if (line.length() > 998) {
            if (++stats.long_lines <= LineStats::max_examples)
                stats.long_line_examples.push_back({line.begin, line.content_end});
        }
        const Span brk{line.content_end, line.end};
        switch (line.ending) {
            case core::LineEnding::crlf:
                ++stats.crlf;
                break;
            case core::LineEnding::lf:
                if (++stats.bare_lf <= LineStats::max_examples) stats.bare_lf_examples.push_back(brk);
                break;
            case core::LineEnding::cr:
                if (++stats.bare_cr <= LineStats::max_examples) stats.bare_cr_examples.push_back(brk);
                break;
            case core::LineEnding::none:
                break;
        }
    }
    // Kept for the whole lint: give back what growth left, when it is worth a copy.
    if ((stats.starts.capacity() - stats.starts.size()) * sizeof(std::size_t) >= 64 * 1024)
        stats.starts.shrink_to_fit();
    return stats;
}

ScanResult scan(std::string_view message, const Limits& limits) {
    ScanResult result;
    result.text = message;
    if (message.size() > limits.max_message_size) {
        result.text = message.substr(0, limits.max_message_size);
        result.limits_hit.push_back(
            {"max_message_size", limits.max_message_size, {limits.max_message_size, message.size()}, 0});
    }
    result.lines = compute_line_stats(result.text);
    Scanner(result.text, limits, result).run();
    return result;
}

}  // namespace inboxlint::mime
