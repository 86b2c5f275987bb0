// CONT001: a transactional message (receipt, password reset, alert) with a
// promotional block in it. Points at the block and lists why it reads as an
// advert; the category model (analysis/category.hpp) decides.
#include <algorithm>
#include <cstdio>

#include "analysis/category.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string describe(const analysis::Signal& s) {
    return std::string(analysis::kind_info(s.kind).name) + " \"" + s.detail + "\"";
}

// The block's promotional signals, strongest first.
std::vector<const analysis::Signal*> promotional_signals(const analysis::CategoryModel& model,
                                                         const std::vector<std::size_t>& indexes) {
    std::vector<const analysis::Signal*> out;
    for (std::size_t i : indexes) {
        const analysis::Signal& s = model.signals[i];
        const analysis::SignalKindInfo& info = analysis::kind_info(s.kind);
        if (info.leaning == analysis::ContentCategory::promotional && !info.message_only) out.push_back(&s);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->weight > b->weight; });
    return out;
}

void report_block(Context& ctx, const analysis::CategoryModel& model, const analysis::Block& block) {
    const std::vector<const analysis::Signal*> signals = promotional_signals(model, block.signals);
    std::vector<std::string> reasons;  // each description once
    std::string names;
    for (const analysis::Signal* s : signals) {
        const std::string text = describe(*s);
        if (std::find(reasons.begin(), reasons.end(), text) == reasons.end()) reasons.push_back(text);
        const std::string name(analysis::kind_info(s->kind).name);
        if (("," + names + ",").find("," + name + ",") == std::string::npos) names += (names.empty() ? "" : ",") + name;
    }
    std::string why;
    for (std::size_t i = 0; i < reasons.size() && i < 4; ++i) why += (i == 0 ? "" : ", ") + reasons[i];
    if (reasons.size() > 4) why += " and " + std::to_string(reasons.size() - 4) + " more";
    Finding& f = ctx.report_text(block.entity, block.text,
                                 "promotional block " + block.description + " in a transactional message: " + why);
    for (std::size_t i = 0; i < signals.size() && i < 20; ++i) {
        const analysis::Signal& s = *signals[i];
        f.related.push_back({ctx.text_location(s.entity, s.text), describe(s) + " (weight " + number(s.weight) + ")"});
    }
    with(f, "block", block.description);
    with(f, "signals", names);
    with(f, "block_promotional", number(block.scores.promotional));
    with(f, "block_transactional", number(block.scores.transactional));
    with(f, "message_promotional", number(model.scores.promotional));
    with(f, "message_transactional", number(model.scores.transactional));
}

}  // namespace

void check_cont001_mixed_content(Context& ctx) {
    const analysis::CategoryModel& model = analysis::category_model(ctx.message());
    if (model.category != analysis::ContentCategory::transactional) return;
    const bool incentives = ctx.options().boolean("count_incentives");
    for (std::size_t index : incentives ? model.incentive_blocks : model.promotional_blocks) {
        report_block(ctx, model, model.blocks[index]);
    }
}

}  // namespace inboxlint::checks
