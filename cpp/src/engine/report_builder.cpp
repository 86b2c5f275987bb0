#include "engine/report_builder.hpp"

#include <algorithm>

#include "analysis/category.hpp"
#include "auth/summary.hpp"
#include "rules/rule.hpp"

namespace inboxlint::engine {
namespace {

bool same_finding(const Finding& a, const Finding& b) {
    return a.rule_id == b.rule_id && a.location.part == b.location.part &&
           a.location.raw.begin == b.location.raw.begin && a.location.raw.end == b.location.raw.end &&
           a.message == b.message;
}

// One finding once (issue 23): a rule that meets the same defect twice (one
// <a> reached through two views of a part) says it once. `findings` is sorted
// by position then rule, so repeats are within a run of equal (begin, rule).
void drop_repeats(std::vector<Finding>& findings) {
    std::vector<Finding> kept;
    kept.reserve(findings.size());
    std::size_t run = 0;  // where the current run of equal (begin, rule) starts in `kept`
    for (Finding& f : findings) {
        const bool same_run = run < kept.size() && kept[run].location.raw.begin == f.location.raw.begin &&
                              kept[run].rule_id == f.rule_id;
        if (!same_run) run = kept.size();
        const bool repeat = std::any_of(kept.begin() + static_cast<std::ptrdiff_t>(run), kept.end(),
                                        [&f](const Finding& k) { return same_finding(k, f); });
        if (!repeat) kept.push_back(std::move(f));
    }
    findings = std::move(kept);
}

const RuleInfo& info_of(std::string_view id) {
    for (const checks::Rule& rule : checks::registry()) {
        if (rule.info.id == id) return rule.info;
    }
    return checks::registry().front().info;
}

Finding engine_finding(std::string_view id, Severity severity, std::string message, Location location) {
    Finding f;
    const RuleInfo& info = info_of(id);
    f.rule_id = std::string(info.id);
    f.slug = std::string(info.slug);
    f.severity = severity;
    f.message = std::move(message);
    f.location = std::move(location);
    return f;
}

void fill_position(const core::LineIndex& lines, Location& location) {
    const auto pos = lines.position(location.raw.begin);
    location.line = pos.line;
    location.column = pos.column;
}

}  // namespace

ReportBuilder::ReportBuilder(const ResolvedConfig& config, const Limits& limits, std::size_t message_size)
    : config_(config), limits_(limits) {
    report_.message_size = message_size;
}

void ReportBuilder::internal_error(std::string message) { internal_errors_.push_back(std::move(message)); }

void ReportBuilder::findings_dropped(std::string_view rule_id, std::size_t count) {
    dropped_.emplace_back(std::string(rule_id), count);
}

void ReportBuilder::add_limit(const analysis::Message& msg, std::string limit, std::size_t value, Span span,
                              int entity) {
    Location location;
    location.part = msg.entity(entity).path;
    location.raw = span;
    report_.truncated = true;
    if (config_.reports_limits) {
        report_.findings.push_back(engine_finding(
            "LINT001", config_.limit_severity,
            "limit " + limit + " (" + std::to_string(value) + ") reached; part of the message was not analysed",
            location));
        report_.findings.back().properties.push_back({"limit", limit});
    }
    report_.limits_hit.push_back({std::move(limit), value, std::move(location)});
}

void ReportBuilder::add_parts(const analysis::Message& msg) {
    for (const mime::Entity& e : msg.entities()) {
        PartInfo part;
        part.path = e.path;
        part.body_path = e.body_path;
        part.parent = e.parent;
        part.depth = e.depth;
        part.content_type = e.media_type;
        if (e.media_type.starts_with("text/")) {
            const mime::Parameter* charset = e.content_type.param("charset");
            part.charset = charset ? charset->value : "us-ascii";
            for (char& c : part.charset) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        part.transfer_encoding = e.transfer_encoding.name;
        part.header = e.header;
        part.body = e.body;
        part.is_multipart = e.kind == mime::EntityKind::multipart;
        part.is_message = e.kind == mime::EntityKind::message;
        report_.parts.push_back(std::move(part));
    }
}

void ReportBuilder::place(const analysis::Message& msg) {
    const core::LineIndex& lines = msg.lines();
    for (Finding& f : report_.findings) {
        fill_position(lines, f.location);
        for (RelatedLocation& r : f.related) fill_position(lines, r.location);
    }
    for (LimitHit& hit : report_.limits_hit) fill_position(lines, hit.location);
    std::stable_sort(report_.findings.begin(), report_.findings.end(), [](const Finding& a, const Finding& b) {
        if (a.location.raw.begin != b.location.raw.begin) return a.location.raw.begin < b.location.raw.begin;
        return a.rule_id < b.rule_id;
    });
    drop_repeats(report_.findings);
}

Report ReportBuilder::finish(const analysis::Message& msg, std::vector<Finding> findings, const Config& config) {
    report_.findings = std::move(findings);
    // First: the model may parse HTML, and a limit it hits belongs in the report.
    const analysis::CategoryModel& category = analysis::category_model(msg);
    report_.category = {std::string(analysis::to_string(category.category)), category.scores.promotional,
                        category.scores.transactional, category.signal_names()};
    try {
        report_.authentication = auth::authentication_summary(msg, config);
    } catch (const std::exception& e) {
        internal_error(std::string("the authentication summary failed: ") + e.what());
    }
    for (const mime::ScanLimitHit& hit : msg.scan().limits_hit) {
        add_limit(msg, std::string(hit.limit), hit.value, hit.span, std::max(hit.entity, 0));
    }
    for (const analysis::AnalysisLimitHit& hit : msg.analysis_limits()) {
        add_limit(msg, hit.limit, hit.value, hit.span, hit.entity);
    }
    for (const auto& [rule, count] : dropped_) {
        add_limit(msg, "max_findings_per_rule", limits_.max_findings_per_rule, {0, 0}, 0);
        if (config_.reports_limits) {
            report_.findings.back().message += " (" + rule + ": " + std::to_string(count) + " more findings)";
        }
    }
    for (std::string& message : internal_errors_) {
        if (config_.reports_internal_errors) {
            report_.findings.push_back(
                engine_finding("LINT002", config_.internal_error_severity, std::move(message), {}));
        }
    }
    add_parts(msg);
    place(msg);
    return std::move(report_);
}

Report ReportBuilder::finish_without_message() {
    report_.findings.clear();
    report_.truncated = true;
    for (std::string& message : internal_errors_) {
        Location location;
        location.line = 1;
        location.column = 1;
        report_.findings.push_back(engine_finding("LINT002", Severity::error, std::move(message), location));
    }
    return std::move(report_);
}

}  // namespace inboxlint::engine
