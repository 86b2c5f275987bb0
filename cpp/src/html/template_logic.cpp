#include "html/template_logic.hpp"

#include <array>

#include "html/words.hpp"

namespace inboxlint::html {
namespace {

struct Delimiters {
    std::string_view open;
    std::string_view close;
};

constexpr std::array<Delimiters, 6> statements{{
    {"{%", "%}"}, {"{{", "}}"}, {"{#", "#}"}, {"[[", "]]"}, {"*|", "|*"}, {"%%", "%%"},
}};

// Finds statements left to right. Where each delimiter's next closer is
// is remembered, so text full of openers without closers ("{%{%{%...")
// stays linear.
class StatementFinder {
public:
    explicit StatementFinder(std::string_view text) : text_(text) { next_close_.fill(0); }

    // The end of the statement that starts at `at`, or npos.
    std::size_t end_of(std::size_t at) {
        for (std::size_t k = 0; k < statements.size(); ++k) {
            const Delimiters& d = statements[k];
            if (text_.substr(at, d.open.size()) != d.open) continue;
            const std::size_t from = at + d.open.size();
            if (next_close_[k] != std::string_view::npos && next_close_[k] < from)
                next_close_[k] = text_.find(d.close, from);
            if (next_close_[k] != std::string_view::npos) return next_close_[k] + d.close.size();
        }
        return std::string_view::npos;
    }

private:
    std::string_view text_;
    std::array<std::size_t, statements.size()> next_close_{};  // 0: not searched yet
};

}  // namespace

std::string without_template_logic(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    StatementFinder finder(text);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t end = finder.end_of(i);
        if (end == std::string_view::npos) {
            out.push_back(text[i++]);
            continue;
        }
        out.push_back(' ');
        i = end;
    }
    return out;
}

bool only_template_logic(std::string_view text) {
    const std::string rest = without_template_logic(text);
    return rest.size() != text.size() && word_stats(rest).words == 0;
}

}  // namespace inboxlint::html
