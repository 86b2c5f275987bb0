// The SARIF 2.1.0 reporter: one log, one run over all the inputs. Each input
// message is an artifact and each MIME part a nested artifact (parentIndex,
// offset and length within its parent), so a viewer can show the tree;
// results point into the message artifact with byte offsets, and name their
// part through a logical location.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/reporters.hpp"
#include "inboxlint/rules.hpp"
#include "inboxlint/version.hpp"
#include "report/json_writer.hpp"

namespace inboxlint {
namespace {

using report::JsonWriter;

constexpr std::string_view sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view information_uri = "https://github.com/inboxlint/inboxlint";

std::string_view level_of(Severity severity) {
    switch (severity) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::info:
            return "note";
    }
    return "warning";
}

constexpr bool is_uri_safe(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~!$&'()*+,;=@/:").find(c) != std::string_view::npos;
}

// A name ("/var/mail/a b.eml", "<stdin>", "mbox:3") as a relative URI
// reference: every other byte is percent-encoded, and so is a colon before
// the first slash, which would otherwise read as a scheme.
std::string to_uri_reference(std::string_view name) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri;
    bool first_segment = true;
    for (const char c : name) {
        if (c == '/') first_segment = false;
        if (is_uri_safe(c) && !(c == ':' && first_segment)) {
            uri.push_back(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            uri += '%';
            uri.push_back(hex[byte >> 4]);
            uri.push_back(hex[byte & 0xF]);
        }
    }
    return uri;
}

// A SARIF message or multiformatMessageString: {"text": ...}.
void write_text(JsonWriter& json, std::string_view key, std::string_view text) {
    json.key(key).begin_object().key("text").string(text).end_object();
}

// ---- artifacts ---------------------------------------------------------------

struct ArtifactPlan {
    std::string uri;
    std::string description;
    int parent = -1;        // artifact index
    std::size_t start = 0;  // raw offset in the message
    std::size_t length = 0;
    bool has_offset = false;  // start lies within the parent artifact
    std::string mime_type;
    std::string charset;
    const ReportInput* message = nullptr;  // set for the message artifact itself
};

// Where each input's findings point: its message artifact and, per part path,
// the part's artifact.
struct InputArtifacts {
    std::size_t message = 0;
    std::string uri;
    std::map<std::string, std::size_t, std::less<>> by_part;
};

bool valid_mime_type(std::string_view type) {
    const std::size_t slash = type.find('/');
    return slash != std::string_view::npos && slash > 0 && slash + 1 < type.size();
}

std::string describe_part(const PartInfo& part) {
    std::string text = "MIME part " + part.path + ": " + part.content_type;
    if (!part.charset.empty()) text += "; charset=" + part.charset;
    if (!part.transfer_encoding.empty()) text += "; " + part.transfer_encoding;
    return text;
}

// Adds the artifacts of one message. A part whose path repeats its parent's
// (the top-level entity, or a message/rfc822 body) shares its parent's
// artifact, so every part path names exactly one artifact.
InputArtifacts plan_message(const ReportInput& input, std::vector<ArtifactPlan>& plans) {
    static const Report empty_report;
    const Report& report = input.report ? *input.report : empty_report;
    InputArtifacts ids;
    ids.message = plans.size();
    ids.uri = to_uri_reference(input.name);
    ArtifactPlan message;
    message.uri = ids.uri;
    if (ids.uri.empty()) message.description = "unnamed message";
    message.length = report.message_size != 0 ? report.message_size : input.message.size();
    message.mime_type = "message/rfc822";
    message.message = &input;
    plans.push_back(std::move(message));
    std::vector<std::size_t> part_artifact(report.parts.size(), ids.message);
    for (std::size_t i = 0; i < report.parts.size(); ++i) {
        const PartInfo& part = report.parts[i];
        const bool has_parent = part.parent >= 0 && static_cast<std::size_t>(part.parent) < i;
        const std::size_t parent = has_parent ? part_artifact[static_cast<std::size_t>(part.parent)] : ids.message;
        const bool same_as_parent =
            part.path.empty() || (has_parent && report.parts[static_cast<std::size_t>(part.parent)].path == part.path);
        if (same_as_parent || ids.by_part.contains(part.path)) {
            part_artifact[i] = same_as_parent ? parent : ids.by_part.find(part.path)->second;
            ids.by_part.emplace(part.path, part_artifact[i]);
            continue;
        }
        ArtifactPlan plan;
        if (!ids.uri.empty()) plan.uri = ids.uri + "#part=" + to_uri_reference(part.path);
        plan.description = describe_part(part);
        plan.parent = static_cast<int>(parent);
        plan.start = part.header.begin;
        plan.length = std::max({part.header.begin, part.header.end, part.body.end}) - part.header.begin;
        plan.has_offset = plan.start >= plans[parent].start;
        plan.mime_type = part.content_type;
        plan.charset = part.charset;
        part_artifact[i] = plans.size();
        ids.by_part.emplace(part.path, plans.size());
        plans.push_back(std::move(plan));
    }
    return ids;
}

void write_limits(JsonWriter& json, const Report& report) {
    json.key("properties").begin_object();
    json.key("category").string(report.category.name);
    json.key("promotionalScore").decimal(report.category.promotional);
    json.key("transactionalScore").decimal(report.category.transactional);
    json.key("categorySignals").begin_array();
    for (const std::string& signal : report.category.signals) json.string(signal);
    json.end_array();
    json.key("authenticationResults").string(format_authentication_results(report.authentication));
    json.key("truncated").boolean(report.truncated);
    json.key("limitsHit").begin_array();
    for (const LimitHit& hit : report.limits_hit) {
        json.begin_object();
        json.key("limit").string(hit.limit);
        json.key("value").number(hit.value);
        json.key("byteOffset").number(hit.location.raw.begin);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void write_artifact(JsonWriter& json, const ArtifactPlan& plan, const std::vector<ArtifactPlan>& plans) {
    json.begin_object();
    if (!plan.uri.empty()) json.key("location").begin_object().key("uri").string(plan.uri).end_object();
    if (!plan.description.empty()) write_text(json, "description", plan.description);
    if (plan.parent >= 0) {
        json.key("parentIndex").number(plan.parent);
        if (plan.has_offset) json.key("offset").number(plan.start - plans[static_cast<std::size_t>(plan.parent)].start);
    }
    json.key("length").number(plan.length);
    if (plan.message) json.key("roles").begin_array().string("analysisTarget").end_array();
    if (valid_mime_type(plan.mime_type)) json.key("mimeType").string(plan.mime_type);
    if (!plan.charset.empty()) json.key("encoding").string(plan.charset);
    if (plan.message && plan.message->report) write_limits(json, *plan.message->report);
    json.end_object();
}

// ---- rules -------------------------------------------------------------------

void write_rule(JsonWriter& json, const RuleInfo& rule) {
    json.begin_object();
    json.key("id").string(rule.id);
    json.key("name").string(rule.slug);
    write_text(json, "shortDescription", rule.summary);
    std::string full(rule.summary);
    if (!rule.clause.empty()) full += (full.empty() ? "Enforces " : " Enforces ") + std::string(rule.clause) + ".";
    write_text(json, "fullDescription", full);
    json.key("help").begin_object();
    json.key("text").string(std::string(rule.summary) + " See `inboxlint explain " + std::string(rule.id) + "`.");
    if (const auto page = explain(rule.id)) json.key("markdown").string(*page);
    json.end_object();
    json.key("defaultConfiguration").begin_object().key("level").string(level_of(rule.default_severity)).end_object();
    json.key("properties").begin_object();
    json.key("category").string(rule.category);
    json.key("clause").string(rule.clause);
    if (!rule.category.empty()) json.key("tags").begin_array().string(rule.category).end_array();
    json.end_object();
    json.end_object();
}

void write_tool(JsonWriter& json) {
    json.key("tool").begin_object().key("driver").begin_object();
    json.key("name").string("inboxlint");
    json.key("informationUri").string(information_uri);
    json.key("version").string(version);
    json.key("semanticVersion").string(version);
    json.key("rules").begin_array();
    for (const RuleInfo& rule : rules()) write_rule(json, rule);
    json.end_array();
    json.end_object().end_object();
}

// ---- results -----------------------------------------------------------------

void write_location(JsonWriter& json, const Location& location, const InputArtifacts& ids) {
    json.key("physicalLocation").begin_object();
    json.key("artifactLocation").begin_object();
    if (!ids.uri.empty()) json.key("uri").string(ids.uri);
    json.key("index").number(ids.message);
    json.end_object();
    json.key("region").begin_object();
    json.key("byteOffset").number(location.raw.begin);
    json.key("byteLength").number(location.raw.end >= location.raw.begin ? location.raw.size() : 0);
    if (location.line > 0) {
        json.key("startLine").number(location.line);
        json.key("startColumn").number(std::max<std::size_t>(location.column, 1));
    }
    json.end_object();
    json.end_object();
    if (location.part.empty()) return;
    // The part as a logical location; properties.artifactIndex names its nested artifact.
    json.key("logicalLocations").begin_array().begin_object();
    json.key("name").string(location.part);
    json.key("fullyQualifiedName").string("part " + location.part);
    if (const auto it = ids.by_part.find(location.part); it != ids.by_part.end()) {
        json.key("properties").begin_object().key("artifactIndex").number(it->second).end_object();
    }
    json.end_object().end_array();
}

void write_result_properties(JsonWriter& json, const Finding& finding) {
    std::vector<std::string_view> names;
    for (const Property& property : finding.properties) names.push_back(property.name);
    const std::vector<std::string> keys = report::unique_keys(names, {"part", "decoded", "tags"});
    json.key("properties").begin_object();
    if (!finding.location.part.empty()) json.key("part").string(finding.location.part);
    if (const auto& decoded = finding.location.decoded) {
        json.key("decoded").begin_object();
        json.key("begin").number(decoded->begin).key("end").number(decoded->end);
        json.end_object();
    }
    for (std::size_t i = 0; i < keys.size(); ++i) json.key(keys[i]).string(finding.properties[i].value);
    json.end_object();
}

void write_result(JsonWriter& json, const Finding& finding, const InputArtifacts& ids,
                  const std::map<std::string_view, std::size_t, std::less<>>& rule_index) {
    json.begin_object();
    json.key("ruleId").string(finding.rule_id);
    if (const auto it = rule_index.find(finding.rule_id); it != rule_index.end()) {
        json.key("ruleIndex").number(it->second);
    }
    json.key("level").string(level_of(finding.severity));
    write_text(json, "message", finding.message);
    json.key("locations").begin_array().begin_object();
    write_location(json, finding.location, ids);
    json.end_object().end_array();
    if (!finding.related.empty()) {
        json.key("relatedLocations").begin_array();
        for (std::size_t i = 0; i < finding.related.size(); ++i) {
            json.begin_object();
            json.key("id").number(i + 1);
            write_text(json, "message", finding.related[i].message);
            write_location(json, finding.related[i].location, ids);
            json.end_object();
        }
        json.end_array();
    }
    write_result_properties(json, finding);
    json.end_object();
}

// A batch finding: its location in its message's artifact, each related
// location in the artifact of the message it is in.
void write_batch_result(JsonWriter& json, const BatchFinding& batch, const std::vector<InputArtifacts>& ids,
                        const std::map<std::string_view, std::size_t, std::less<>>& rule_index) {
    const Finding& finding = batch.finding;
    json.begin_object();
    json.key("ruleId").string(finding.rule_id);
    if (const auto it = rule_index.find(finding.rule_id); it != rule_index.end()) {
        json.key("ruleIndex").number(it->second);
    }
    json.key("level").string(level_of(finding.severity));
    write_text(json, "message", finding.message);
    json.key("locations").begin_array().begin_object();
    write_location(json, finding.location, ids[batch.message]);
    json.end_object().end_array();
    if (!finding.related.empty()) {
        json.key("relatedLocations").begin_array();
        for (std::size_t i = 0; i < finding.related.size(); ++i) {
            const std::size_t other = i < batch.related_messages.size() ? batch.related_messages[i] : batch.message;
            json.begin_object();
            json.key("id").number(i + 1);
            write_text(json, "message", finding.related[i].message);
            write_location(json, finding.related[i].location, ids[other < ids.size() ? other : batch.message]);
            json.end_object();
        }
        json.end_array();
    }
    write_result_properties(json, finding);
    json.end_object();
}

}  // namespace

std::string format_sarif(const std::vector<ReportInput>& inputs) { return format_sarif(inputs, {}); }

std::string format_sarif(const std::vector<ReportInput>& inputs, const std::vector<BatchFinding>& batch) {
    std::vector<ArtifactPlan> plans;
    std::vector<InputArtifacts> ids;
    ids.reserve(inputs.size());
    for (const ReportInput& input : inputs) ids.push_back(plan_message(input, plans));
    std::map<std::string_view, std::size_t, std::less<>> rule_index;
    const auto catalogue = rules();
    for (std::size_t i = 0; i < catalogue.size(); ++i) rule_index.emplace(catalogue[i].id, i);

    JsonWriter json(true);
    json.begin_object();
    json.key("$schema").string(sarif_schema);
    json.key("version").string("2.1.0");
    json.key("runs").begin_array().begin_object();
    write_tool(json);
    json.key("columnKind").string("unicodeCodePoints");
    json.key("artifacts").begin_array();
    for (const ArtifactPlan& plan : plans) write_artifact(json, plan, plans);
    json.end_array();
    json.key("results").begin_array();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i].report) continue;
        for (const Finding& finding : inputs[i].report->findings) write_result(json, finding, ids[i], rule_index);
    }
    for (const BatchFinding& b : batch) {
        if (b.message < ids.size()) write_batch_result(json, b, ids, rule_index);
    }
    json.end_array();
    json.end_object().end_array();
    json.end_object();
    return json.finish();
}

}  // namespace inboxlint
