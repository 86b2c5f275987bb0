#include "core/ascii.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

constexpr std::string_view one_click = "List-Unsubscribe=One-Click";

void report_value(Context& ctx, const mime::HeaderField& post) {
    const std::string_view raw = ctx.message().raw_value(post);
    const std::string_view value = core::trim(raw);
    if (value == one_click) return;
    const std::size_t at = post.value.begin + (value.empty() ? 0 : static_cast<std::size_t>(value.data() - raw.data()));
    const Span span = value.empty() ? post.field : Span{at, at + value.size()};
    const std::string why = core::iequals(value, one_click) ? "differs in case from" : "is not";
    Finding& f = ctx.report("", span, "List-Unsubscribe-Post " + why + " exactly \"List-Unsubscribe=One-Click\"");
    with(f, "problem", "value");
}

}  // namespace

void check_unsub004_invalid_one_click_post(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const auto posts = msg.fields("List-Unsubscribe-Post");
    const mime::HeaderField* unsubscribe = msg.first_field("List-Unsubscribe");
    if (posts.empty()) {
        if (!unsubscribe) return;
        Finding& f = ctx.report("", unsubscribe->name,
                                "List-Unsubscribe without \"List-Unsubscribe-Post: List-Unsubscribe=One-Click\": "
                                "no one-click unsubscribe (RFC 8058)");
        with(f, "problem", "missing");
        return;
    }
    if (!unsubscribe) {
        with(ctx.report("", posts.front()->name, "List-Unsubscribe-Post without a List-Unsubscribe field"), "problem",
             "no-list-unsubscribe");
    }
    for (std::size_t i = 1; i < posts.size(); ++i) {
        Finding& f =
            ctx.report("", posts[i]->field, "List-Unsubscribe-Post appears more than once (RFC 8058 section 3.1)");
        f.related.push_back({ctx.location("", posts.front()->field), "the first one"});
        with(f, "problem", "repeated");
    }
    for (const mime::HeaderField* post : posts) report_value(ctx, *post);
}

}  // namespace inboxlint::checks
