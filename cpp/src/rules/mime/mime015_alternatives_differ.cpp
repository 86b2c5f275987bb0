#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "html/document.hpp"
#include "html/words.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::size_t min_words = 5;   // fewer distinct words: too little to compare
constexpr double min_overlap = 0.5;    // share of the smaller vocabulary found in the other part

std::set<std::string> word_set(const std::vector<std::string>& words) {
    std::set<std::string> out;
    for (const std::string& w : words) {
        if (w.size() >= 2) out.insert(w);
    }
    return out;
}

// Text inside these elements is never rendered as text.
bool in_unrendered(const html::Dom& dom, std::uint32_t node) {
    for (std::uint32_t n = dom.nodes[node].parent; n != html::no_node; n = dom.nodes[n].parent) {
        const std::string& name = dom.nodes[n].name;
        if (name == "script" || name == "style" || name == "head" || name == "title" || name == "template" ||
            name == "noscript") {
            return true;
        }
    }
    return false;
}

// What a recipient of the HTML sees: visible text, not Outlook-only blocks.
std::set<std::string> visible_html_words(const analysis::Message& msg, int part) {
    const html::HtmlDocument& doc = html::html_document(msg, part);
    std::vector<std::string> words;
    const auto& nodes = doc.dom().nodes;
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
        if (!nodes[i].is_text() || nodes[i].has(html::flag_outlook_only) || in_unrendered(doc.dom(), i)) continue;
        const html::TextStyle* style = doc.text_style(i);
        if (style && !style->visible) continue;
        html::append_words(nodes[i].text, words);
    }
    return word_set(words);
}

// The leaves of one alternative (the first text/plain and text/html below it).
void find_alternatives(const analysis::Message& msg, int entity, int& plain, int& rich) {
    for (int child : msg.entity(entity).children) {
        const mime::Entity& c = msg.entity(child);
        if (c.kind == mime::EntityKind::multipart) find_alternatives(msg, child, plain, rich);
        if (c.kind != mime::EntityKind::leaf || is_attachment(msg, child)) continue;
        if (c.media_type == "text/plain" && plain < 0) plain = child;
        if (c.media_type == "text/html" && rich < 0) rich = child;
    }
}

double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    const auto& small = a.size() <= b.size() ? a : b;
    const auto& large = a.size() <= b.size() ? b : a;
    const auto shared = std::count_if(small.begin(), small.end(), [&](const std::string& w) { return large.count(w) > 0; });
    return static_cast<double>(shared) / static_cast<double>(small.size());
}

}  // namespace

void check_mime015_alternatives_differ(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for_each_entity(msg, [&](int index, const mime::Entity& e) {
        if (e.media_type != "multipart/alternative") return;
        int plain = -1;
        int rich = -1;
        find_alternatives(msg, index, plain, rich);
        if (plain < 0 || rich < 0) return;
        std::vector<std::string> text_words;
        html::append_words(msg.body_text(plain).view(), text_words);
        const std::set<std::string> text = word_set(text_words);
        const std::set<std::string> shown = visible_html_words(msg, rich);
        if (text.size() < min_words && shown.size() < min_words) return;
        const double share = text.empty() || shown.empty() ? 0.0 : overlap(text, shown);
        if (share >= min_overlap) return;
        Finding& f = ctx.report(msg.entity(plain).body_path, msg.entity(plain).body,
                                "the text/plain alternative shares only " + std::to_string(int(share * 100)) +
                                    "% of its words with the HTML (" + std::to_string(text.size()) + " and " +
                                    std::to_string(shown.size()) + " distinct words); readers of either see "
                                    "different content");
        f.related.push_back({ctx.location(msg.entity(rich).body_path, msg.entity(rich).body), "the HTML alternative"});
        f.properties.push_back({"overlap", std::to_string(share)});
    });
}

}  // namespace inboxlint::checks
