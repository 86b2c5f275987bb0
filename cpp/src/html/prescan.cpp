#include "html/prescan.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "core/ascii.hpp"
#include "core/name_set.hpp"

namespace inboxlint::html {
namespace {

using Names = std::initializer_list<std::string_view>;

bool one_of(std::string_view name, Names names) { return std::find(names.begin(), names.end(), name) != names.end(); }

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Elements that never take children, and those the prescan never pushes
// because the document has at most one of them.
bool never_open(std::string_view name) {
    static const core::NameSet tags{"area",  "base",   "basefont", "bgsound", "br",     "col",  "embed",    "frame",
                                    "hr",    "image",  "img",      "input",   "keygen", "link", "menuitem", "meta",
                                    "param", "source", "track",    "wbr",     "html",   "head", "body",     "frameset"};
    return tags.contains(name);
}

// Tags whose content the tokenizer reads as text up to the matching end tag.
bool raw_text(std::string_view name) {
    static const core::NameSet tags{"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes"};
    return tags.contains(name);
}

constexpr bool foreign_root(std::string_view name) { return name == "svg" || name == "math"; }

// Shorter values of copied attributes stay: gumbo reads them about as fast
// as a cut is made and put back.
constexpr std::size_t min_copied_value = 16;

// Elements of the <head>: their start tags do not imply the <body>.
bool head_content(std::string_view name) {
    static const core::NameSet tags{"base",     "basefont", "bgsound", "link",   "meta",    "title",
                                    "noscript", "noframes", "style",   "script", "template"};
    return tags.contains(name);
}

// Start tags that make an element only inside a table.
bool table_part(std::string_view name) {
    static const core::NameSet tags{"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"};
    return tags.contains(name);
}

// Start tags that close an open <p> (HTML "close a p element").
bool closes_p(std::string_view name) {
    static const core::NameSet tags{
        "address",  "article",    "aside",   "blockquote", "center", "details", "dialog", "dir",  "div",      "dl",
        "fieldset", "figcaption", "figure",  "footer",     "form",   "h1",      "h2",     "h3",   "h4",       "h5",
        "h6",       "header",     "hgroup",  "hr",         "li",     "listing", "main",   "menu", "nav",      "ol",
        "p",        "pre",        "section", "summary",    "table",  "ul",      "dd",     "dt",   "plaintext"};
    return tags.contains(name);
}

class Scanner {
public:
    Scanner(std::string& text, const PrescanLimits& limits) : text_(text), limits_(limits) {
        result_.length = text.size();
    }

    PrescanResult run() {
        std::size_t pos = 0;
        std::size_t run_begin = 0;  // of the character data before the next tag
        const std::size_t n = text_.size();
        while (pos < n) {
            const void* found = std::memchr(text_.data() + pos, '<', n - pos);
            const std::size_t lt = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : n;
            if (lt > pos && !count_node(pos)) break;
            // Text other than white space makes gumbo make a <head> and a <body>.
            if (!body_made_ && !all_space(pos, lt)) head_made_ = body_made_ = true;
            if (lt >= n) {
                note_text(run_begin, n, head_made_);
                break;
            }
            const std::size_t sources_before = result_.apart_sources.size();
            const bool head_made = head_made_;
            ends_text_ = true;
            const std::size_t next = markup(lt);
            // A '<' that starts no tag is character data, and a blanked tag white space.
            if (next == lt + 1) {
                head_made_ = body_made_ = true;
            } else if (text_[lt] == '<') {
                if (ends_text_) note_text(run_begin, lt, head_made, sources_before);
                run_begin = next;
            }
            if (next == std::string::npos) break;
            pos = next;
        }
        return std::move(result_);
    }

private:
    // Notes the character data [begin, end) before the tag whose sources
    // start at sources[at] (they follow it in order).
    void note_text(std::size_t begin, std::size_t end, bool head_made, std::size_t at = std::string::npos) {
        if (end <= begin || end > result_.length) return;
        if (!head_made && all_space(begin, end)) return;
        auto& sources = result_.apart_sources;
        const ApartSource run{begin, end, SourceKind::text};
        if (at >= sources.size()) {
            sources.push_back(run);
        } else {
            sources.insert(sources.begin() + static_cast<std::ptrdiff_t>(at), run);
        }
    }

    // Whether gumbo ignores the start tag, or only adds its attributes to an
    // element it made before: <html>; <head> and <body> once gumbo made
    // theirs; parts of a table outside one. Tracks what gumbo made.
    bool ignored_start_tag(std::string_view name) {
        const bool head_made = head_made_;
        const bool body_made = body_made_;
        if (name == "html") return true;
        head_made_ = true;
        if (name != "head" && !head_content(name)) body_made_ = true;
        if (name == "head") return head_made;
        if (name == "body") return body_made;
        return table_part(name) && open_count("table") == 0;
    }

    [[nodiscard]] bool all_space(std::size_t begin, std::size_t end) const {
        return std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(begin),
                           text_.begin() + static_cast<std::ptrdiff_t>(end), is_space);
    }

    // Counts one node starting at `at`; false (and the text cut there) past the limit.
    bool count_node(std::size_t at) {
        if (++result_.nodes <= limits_.max_nodes) return true;
        result_.length = at;
        note("max_html_nodes", limits_.max_nodes, at);
        return false;
    }

    void note(const char* limit, std::size_t value, std::size_t at) {
        for (const PrescanNote& n : result_.notes) {
            if (n.limit == limit) return;
        }
        result_.notes.push_back({limit, value, at});
    }

    // Handles the markup at text_[lt] == '<'; returns where scanning resumes,
    // npos at the end of the input.
    std::size_t markup(std::size_t lt) {
        const std::size_t n = text_.size();
        const char c = lt + 1 < n ? text_[lt + 1] : '\0';
        if (c == '!' || c == '?' || (c == '/' && lt + 2 < n && !core::is_alpha(text_[lt + 2]))) {
            if (!count_node(lt)) return std::string::npos;
            return declaration(lt);
        }
        if (c == '/') return end_tag(lt);
        if (core::is_alpha(c)) return start_tag(lt);
        return lt + 1;  // a '<' that starts no tag is text
    }

    std::size_t declaration(std::size_t lt) {
        const std::string_view t(text_);
        // A DOCTYPE anywhere but first is ignored.
        if (core::istarts_with(t.substr(lt), "<!doctype")) ends_text_ = false;
        if (t.substr(lt, 4) == "<!--") {
            // "<!-->" and "<!--->" are complete (empty) comments.
            if (t.substr(lt + 4, 1) == ">") return lt + 5;
            if (t.substr(lt + 4, 2) == "->") return lt + 6;
            for (std::size_t gt = t.find('>', lt + 4); gt != std::string_view::npos; gt = t.find('>', gt + 1)) {
                if (t.substr(gt - 2, 2) == "--" || (gt >= 3 && t.substr(gt - 3, 3) == "--!")) return gt + 1;
            }
            return std::string::npos;  // an unterminated comment runs to the end
        }
        const std::size_t gt = t.find('>', lt + 1);
        return gt == std::string_view::npos ? std::string::npos : gt + 1;
    }

    // Reads a tag name at pos into a lower-case key; returns its end.
    std::size_t tag_name(std::size_t pos, std::string& name) const {
        name.clear();
        const std::size_t n = text_.size();
        while (pos < n && !is_space(text_[pos]) && text_[pos] != '/' && text_[pos] != '>') {
            if (name.size() < 32) name.push_back(core::to_lower(text_[pos]));
            ++pos;
        }
        return pos;
    }

    // The attributes whose values may be cut: style, and those gumbo's tree
    // builder never looks at (unlike type, encoding, color, face, size,
    // action, prompt) but only copies, a character at a time. A bit each; 0
    // for any other name.
    static constexpr unsigned style_bit = 1;
    static unsigned cut_attribute(std::string_view name) noexcept {
        static constexpr std::string_view names[] = {"style", "href", "src", "alt", "title", "class"};
        for (unsigned i = 0; i < std::size(names); ++i) {
            if (core::iequals(name, names[i])) return 1u << i;
        }
        return 0;
    }

    // Notes a start tag's quoted value [begin, end) of an attribute of that
    // kind (`bit`) as a source gumbo need not read: a style attribute's, or a
    // long one of a copied attribute.
    void note_value(unsigned bit, std::size_t begin, std::size_t end) {
        if (bit == style_bit) {
            result_.apart_sources.push_back({begin, end, SourceKind::style_attribute});
        } else if (end - begin >= min_copied_value) {
            result_.apart_sources.push_back({begin, end, SourceKind::attribute_value});
        }
    }

    // Skips the attributes of a tag from pos; returns the index of its '>'
    // (npos at the end of the input). Blanks attributes past the limit.
    // Notes the values of style attributes of start tags, and the long
    // values of attributes gumbo only copies.
    std::size_t attributes(std::size_t pos, bool start_tag, bool& self_closing, std::size_t& count) {
        const std::size_t n = text_.size();
        count = 0;
        unsigned seen = 0;  // cut_attribute bits of the names met in this tag, with a value or not
        std::size_t blank_from = std::string::npos;
        self_closing = false;
        while (true) {
            while (pos < n && (is_space(text_[pos]) || text_[pos] == '/')) {
                self_closing = text_[pos] == '/' && pos + 1 < n && text_[pos + 1] == '>';
                ++pos;
            }
            if (pos >= n) return std::string::npos;
            if (text_[pos] == '>') break;
            self_closing = false;
            const std::size_t attr_begin = pos;
            ++pos;  // the first character may be '='
            while (pos < n && !is_space(text_[pos]) && text_[pos] != '/' && text_[pos] != '>' && text_[pos] != '=') {
                ++pos;
            }
            // gumbo drops a repeated attribute, where a cut would never be
            // found again: only the first of a name may be cut.
            const unsigned bit = cut_attribute(std::string_view(text_.data() + attr_begin, pos - attr_begin));
            const bool first = (seen & bit) == 0;
            seen |= bit;
            std::size_t after = pos;
            while (after < n && is_space(text_[after])) ++after;
            if (after < n && text_[after] == '=') {
                pos = after + 1;
                while (pos < n && is_space(text_[pos])) ++pos;
                if (pos < n && (text_[pos] == '"' || text_[pos] == '\'')) {
                    const std::size_t close = text_.find(text_[pos], pos + 1);
                    if (close == std::string::npos) return std::string::npos;
                    if (start_tag && bit != 0 && first && count < limits_.max_attributes && close > pos + 1) {
                        note_value(bit, pos + 1, close);
                    }
                    pos = close + 1;
                } else {
                    while (pos < n && !is_space(text_[pos]) && text_[pos] != '>') ++pos;
                }
            }
            if (++count == limits_.max_attributes + 1) {
                blank_from = attr_begin;
                note("max_html_attributes", limits_.max_attributes, attr_begin);
            }
        }
        if (blank_from != std::string::npos) std::memset(text_.data() + blank_from, ' ', pos - blank_from);
        return pos;
    }

    // Pops the open elements down to and including the nearest `targets`
    // element, unless a `boundaries` element comes first.
    void pop_to(Names targets, Names boundaries) {
        // Most calls find nothing to close: answer those without a walk.
        bool any = false;
        for (std::string_view t : targets) any = any || open_count(t) > 0;
        if (!any) return;
        for (std::size_t i = stack_.size(); i-- > 0;) {
            if (one_of(stack_[i], targets)) {
                pop_from(i);
                return;
            }
            if (one_of(stack_[i], boundaries)) return;
        }
    }

    [[nodiscard]] std::size_t open_count(std::string_view name) const {
        const auto it = open_.find(std::string(name));
        return it == open_.end() ? 0 : it->second;
    }

    void push(const std::string& name) {
        stack_.push_back(name);
        ++open_[name];
        if (foreign_root(name)) ++foreign_open_;
    }

    // Pops stack_[i] and everything above it.
    void pop_from(std::size_t i) {
        for (std::size_t j = i; j < stack_.size(); ++j) {
            --open_[stack_[j]];
            if (foreign_root(stack_[j])) --foreign_open_;
        }
        stack_.resize(i);
    }

    void implied_end_tags(std::string_view name) {
        if (name == "td" || name == "th") pop_to({"td", "th"}, {"table"});
        if (name == "tr") pop_to({"tr"}, {"table"});
        if (name == "tbody" || name == "thead" || name == "tfoot") pop_to({"tbody", "thead", "tfoot"}, {"table"});
        if (name == "li") pop_to({"li"}, {"ul", "ol", "table"});
        if (name == "dt" || name == "dd") pop_to({"dt", "dd"}, {"dl", "table"});
        if (name == "option" || name == "optgroup") pop_to({"option"}, {"select"});
        if (name == "optgroup") pop_to({"optgroup"}, {"select"});
        if (closes_p(name)) pop_to({"p"}, {"table", "td", "th", "button", "caption", "template"});
    }

    std::size_t start_tag(std::size_t lt) {
        if (!count_node(lt)) return std::string::npos;
        std::string name;
        const std::size_t name_end = tag_name(lt + 1, name);
        bool self_closing = false;
        std::size_t count = 0;
        const std::size_t sources_before = result_.apart_sources.size();
        const std::size_t gt = attributes(name_end, true, self_closing, count);
        if (gt == std::string::npos) return std::string::npos;
        // Attributes cost as much memory as nodes: they count against the same limit.
        result_.nodes += std::min(count, limits_.max_attributes);
        result_.attributes += std::min(count, limits_.max_attributes);
        if (result_.nodes > limits_.max_nodes) {
            result_.length = lt;
            note("max_html_nodes", limits_.max_nodes, lt);
            return std::string::npos;
        }
        ends_text_ = !ignored_start_tag(name);
        const bool foreign = foreign_open_ > 0;
        if (!never_open(name) && !(foreign && self_closing) && !open_element(name, lt, gt)) {
            result_.apart_sources.resize(sources_before);  // the tag is blanked
        }
        if (!foreign && std::string_view(name) == "plaintext") return std::string::npos;
        if (!foreign && raw_text(name)) return skip_raw_text(name, gt + 1);
        return gt + 1;
    }

    // False when the tag is blanked instead.
    bool open_element(const std::string& name, std::size_t lt, std::size_t gt) {
        implied_end_tags(name);
        result_.max_depth = std::max(result_.max_depth, stack_.size() + 1);
        if (stack_.size() >= limits_.max_depth && !raw_text(name)) {
            std::memset(text_.data() + lt, ' ', gt + 1 - lt);
            ++blanked_[name];
            note("max_html_depth", limits_.max_depth, lt);
            return false;
        }
        push(name);
        return true;
    }

    std::size_t skip_raw_text(const std::string& name, std::size_t pos) {
        const std::string_view t(text_);
        for (std::size_t lt = t.find("</", pos); lt != std::string_view::npos; lt = t.find("</", lt + 2)) {
            const std::size_t end = lt + 2 + name.size();
            if (end > t.size() || !core::iequals(t.substr(lt + 2, name.size()), name)) continue;
            if (end == t.size() || is_space(t[end]) || t[end] == '/' || t[end] == '>') {
                if (lt > pos && !count_node(pos)) return std::string::npos;
                if (lt > pos && std::string_view(name) == "style")
                    result_.apart_sources.push_back({pos, lt, SourceKind::style_sheet});
                return lt;
            }
        }
        return std::string::npos;
    }

    std::size_t end_tag(std::size_t lt) {
        std::string name;
        const std::size_t name_end = tag_name(lt + 2, name);
        bool self_closing = false;
        std::size_t count = 0;
        const std::size_t gt = attributes(name_end, false, self_closing, count);
        if (gt == std::string::npos) return std::string::npos;
        auto blanked = blanked_.find(name);
        if (blanked != blanked_.end() && blanked->second > 0) {
            --blanked->second;
            std::memset(text_.data() + lt, ' ', gt + 1 - lt);
            return gt + 1;
        }
        // </body> and </html> only change the insertion mode, </form> may
        // leave the form open (it closes it where the form is in scope), and an end
        // tag without its element open is ignored (but </p> and </br>,
        // which make an element).
        const std::string_view tag = name;  // compared with literals: the size first
        if (tag == "body" || tag == "html" || tag == "form") ends_text_ = false;
        if (open_count(name) == 0) {
            if (tag != "p" && tag != "br") ends_text_ = false;
            return gt + 1;
        }
        for (std::size_t i = stack_.size(); i-- > 0;) {
            if (stack_[i] == name) {
                pop_from(i);
                break;
            }
        }
        return gt + 1;
    }

    std::string& text_;
    const PrescanLimits& limits_;
    PrescanResult result_;
    std::vector<std::string> stack_;
    std::unordered_map<std::string, std::size_t> open_;  // names on stack_, counted
    std::unordered_map<std::string, std::size_t> blanked_;
    std::size_t foreign_open_ = 0;
    // gumbo has made the <head> (white space before it is dropped), the
    // <body> element: a start tag or text other than white space implies them.
    bool head_made_ = false;
    bool body_made_ = false;
    // Whether the last tag ends the text node before it (most do: gumbo
    // inserts an element or pops one); see note_text.
    bool ends_text_ = true;
};

}  // namespace

PrescanResult prescan_html(std::string& text, const PrescanLimits& limits) { return Scanner(text, limits).run(); }

}  // namespace inboxlint::html
