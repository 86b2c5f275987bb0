#include "mime/header_block.hpp"

#include "core/ascii.hpp"

namespace inboxlint::mime {
namespace {

bool is_field_name_byte(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

// Length of the name before any white space that precedes the colon.
std::size_t trimmed_name_length(std::string_view content, std::size_t colon) noexcept {
    std::size_t end = colon;
    while (end > 0 && core::is_wsp(content[end - 1])) --end;
    return end;
}

// A line that is unmistakably the start of a header field.
bool is_field_line(std::string_view content) noexcept {
    if (content.empty() || core::is_wsp(content[0])) return false;
    const auto colon = content.find(':');
    if (colon == std::string_view::npos) return false;
    const std::size_t name_length = trimmed_name_length(content, colon);
    if (name_length == 0) return false;
    for (std::size_t i = 0; i < name_length; ++i) {
        if (!is_field_name_byte(content[i])) return false;
    }
    return true;
}

enum class Previous { nothing, field, malformed };

class BlockParser {
public:
    BlockParser(std::string_view text, std::size_t begin, const StopLine& stop, std::size_t max_fields, int entity,
                std::vector<ScanIssue>& issues)
        : text_(text), cursor_(text, begin), stop_(stop), max_fields_(max_fields), entity_(entity), issues_(issues) {
        block_.span = {begin, begin};
    }

    HeaderBlock run() {
        while (!cursor_.at_end()) {
            const core::Line line = cursor_.peek();
            if (stop_ && stop_(line)) return finish(line.begin, false);
            const std::string_view content = line.content(text_);
            if (content.empty()) {
                block_.has_separator = true;
                block_.span.end = line.begin;
                block_.body_begin = line.end;
                return block_;
            }
            if (core::is_wsp(content[0])) {
                continuation(line);
            } else if (content.find(':') != std::string_view::npos) {
                field(line, content);
            } else if (!malformed_line(line)) {
                issues_.push_back({"missing-header-separator",
                                   {line.begin, line.content_end},
                                   entity_,
                                   "the body begins without the blank line that ends the header"});
                return finish(line.begin, false);
            }
            cursor_.next();
        }
        return finish(text_.size(), false);
    }

private:
    HeaderBlock finish(std::size_t end, bool separator) {
        block_.span.end = end;
        block_.body_begin = end;
        block_.has_separator = separator;
        return block_;
    }

    void continuation(const core::Line& line) {
        if (previous_ == Previous::field && !block_.fields.empty() && last_field_recorded_) {
            HeaderField& f = block_.fields.back();
            f.field.end = line.content_end;
            f.value.end = line.content_end;
            f.folded = true;
        } else if (previous_ == Previous::nothing) {
            issues_.push_back({"leading-continuation-line",
                               {line.begin, line.content_end},
                               entity_,
                               "the header starts with a folded (indented) line"});
            previous_ = Previous::malformed;
        }
    }

    void field(const core::Line& line, std::string_view content) {
        const std::size_t colon = content.find(':');
        const std::size_t name_length = trimmed_name_length(content, colon);
        previous_ = Previous::field;
        if (name_length == 0) {
            issues_.push_back(
                {"empty-field-name", {line.begin, line.content_end}, entity_, "a header line starts with ':'"});
            previous_ = Previous::malformed;
            return;
        }
        const Span name{line.begin, line.begin + name_length};
        if (name_length != colon) {
            issues_.push_back({"whitespace-before-colon",
                               {name.end, line.begin + colon},
                               entity_,
                               "white space between the field name and the colon (obsolete syntax)"});
        }
        for (std::size_t i = 0; i < name_length; ++i) {
            if (!is_field_name_byte(content[i])) {
                issues_.push_back(
                    {"invalid-field-name", name, entity_, "the field name contains a byte other than printable ASCII"});
                break;
            }
        }
        last_field_recorded_ = block_.fields.size() < max_fields_;
        if (!last_field_recorded_) {
            block_.field_limit_hit = true;
            return;
        }
        block_.fields.push_back(
            {{line.begin, line.content_end}, name, {line.begin + colon + 1, line.content_end}, false});
    }

    // A line with no colon: a broken field if a real field follows it,
    // otherwise the start of a body that lacks its blank separator line.
    bool malformed_line(const core::Line& line) {
        core::LineCursor ahead = cursor_;
        ahead.next();
        while (!ahead.at_end()) {
            const core::Line next = ahead.peek();
            const std::string_view content = next.content(text_);
            if (content.empty() || !core::is_wsp(content[0])) break;
            ahead.next();
        }
        if (ahead.at_end()) return false;
        const core::Line next = ahead.peek();
        if ((stop_ && stop_(next)) || !is_field_line(next.content(text_))) return false;
        issues_.push_back({"header-line-without-colon",
                           {line.begin, line.content_end},
                           entity_,
                           "a header line without a colon; other parsers end the header here"});
        previous_ = Previous::malformed;
        return true;
    }

    std::string_view text_;
    core::LineCursor cursor_;
    const StopLine& stop_;
    std::size_t max_fields_;
    int entity_;
    std::vector<ScanIssue>& issues_;
    HeaderBlock block_;
    Previous previous_ = Previous::nothing;
    bool last_field_recorded_ = false;
};

}  // namespace

HeaderBlock parse_header_block(std::string_view text, std::size_t begin, const StopLine& stop, std::size_t max_fields,
                               int entity, std::vector<ScanIssue>& issues) {
    return BlockParser(text, begin, stop, max_fields, entity, issues).run();
}

}  // namespace inboxlint::mime
