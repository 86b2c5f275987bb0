#include <algorithm>

#include "core/ascii.hpp"
#include "core/data_files.hpp"
#include "rules/link/link_support.hpp"

namespace inboxlint::checks {
namespace {

// Lower-cased (ASCII), without trailing punctuation and arrows.
std::string normalise(std::string_view text) {
    std::string out = core::to_lower(text);
    const auto drop = [](std::string& s, std::string_view suffix) {
        if (s.ends_with(suffix)) s.erase(s.size() - suffix.size());
    };
    for (bool changed = true; changed;) {
        const std::size_t before = out.size();
        while (!out.empty() && std::string_view(".!:> ").find(out.back()) != std::string_view::npos) out.pop_back();
        for (const auto arrow : {"\u2192", "\u00bb", "\u203a", "\u25b8", "\u25b6"}) drop(out, arrow);
        changed = out.size() != before;
    }
    return out;
}

}  // namespace

void check_link006_non_descriptive_link_text(Context& ctx) {
    static const std::vector<std::string> phrases = core::data_lines("non_descriptive_link_text.txt");
    for (const url::Link& link : url::message_links(ctx.message()).links) {
        if (!link.anchor || link.anchor->text.empty()) continue;
        const std::string text = normalise(link.anchor->text);
        if (std::find(phrases.begin(), phrases.end(), text) == phrases.end()) continue;
        Finding& f = report_place(ctx, link.anchor->text_place,
                                  "the link text '" + link.anchor->text + "' does not say where the link goes");
        with_link(f, link);
        with(f, "text", link.anchor->text);
    }
}

}  // namespace inboxlint::checks
