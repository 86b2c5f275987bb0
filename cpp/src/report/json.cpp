// The JSON reporter: one compact JSON object per report, in the schema that
// cpp/docs/json-schema.md documents. Field order is fixed and nothing depends on
// addresses or hashing, so the same report always gives the same bytes.
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/reporters.hpp"
#include "report/json_writer.hpp"

namespace inboxlint {
namespace {

using report::JsonWriter;

void write_span(JsonWriter& json, std::string_view name, const Span& span) {
    json.key(name).begin_object();
    json.key("begin").number(span.begin);
    json.key("end").number(span.end);
    json.end_object();
}

void write_location(JsonWriter& json, const Location& location) {
    json.key("location").begin_object();
    json.key("part").string(location.part);
    write_span(json, "raw", location.raw);
    if (location.decoded) write_span(json, "decoded", *location.decoded);
    json.key("line").number(location.line);
    json.key("column").number(location.column);
    json.end_object();
}

void write_properties(JsonWriter& json, const std::vector<Property>& properties) {
    std::vector<std::string_view> names;
    names.reserve(properties.size());
    for (const Property& property : properties) names.push_back(property.name);
    const std::vector<std::string> keys = report::unique_keys(names);
    json.key("properties").begin_object();
    for (std::size_t i = 0; i < properties.size(); ++i) json.key(keys[i]).string(properties[i].value);
    json.end_object();
}

void write_finding(JsonWriter& json, const Finding& finding) {
    json.begin_object();
    json.key("rule").string(finding.rule_id);
    json.key("slug").string(finding.slug);
    json.key("severity").string(to_string(finding.severity));
    json.key("message").string(finding.message);
    write_location(json, finding.location);
    json.key("related").begin_array();
    for (const RelatedLocation& related : finding.related) {
        json.begin_object();
        json.key("message").string(related.message);
        write_location(json, related.location);
        json.end_object();
    }
    json.end_array();
    write_properties(json, finding.properties);
    json.end_object();
}

void write_part(JsonWriter& json, const PartInfo& part) {
    json.begin_object();
    json.key("path").string(part.path);
    json.key("body_path").string(part.body_path);
    json.key("parent").number(part.parent);
    json.key("depth").number(part.depth);
    json.key("content_type").string(part.content_type);
    json.key("charset").string(part.charset);
    json.key("transfer_encoding").string(part.transfer_encoding);
    write_span(json, "header", part.header);
    write_span(json, "body", part.body);
    json.key("is_multipart").boolean(part.is_multipart);
    json.key("is_message").boolean(part.is_message);
    json.end_object();
}

void write_category(JsonWriter& json, const Category& category) {
    json.key("category").begin_object();
    json.key("name").string(category.name);
    json.key("promotional").decimal(category.promotional);
    json.key("transactional").decimal(category.transactional);
    json.key("signals").begin_array();
    for (const std::string& signal : category.signals) json.string(signal);
    json.end_array();
    json.end_object();
}

void write_authentication(JsonWriter& json, const std::vector<AuthResult>& results) {
    json.key("authentication").begin_array();
    for (const AuthResult& r : results) {
        json.begin_object();
        json.key("method").string(r.method);
        json.key("result").string(r.result);
        json.key("reason").string(r.reason);
        write_properties(json, r.properties);
        json.end_object();
    }
    json.end_array();
}

void write_limit(JsonWriter& json, const LimitHit& limit) {
    json.begin_object();
    json.key("limit").string(limit.limit);
    json.key("value").number(limit.value);
    write_location(json, limit.location);
    json.end_object();
}

}  // namespace

std::string format_json(const ReportInput& input) {
    static const Report empty_report;
    const Report& report = input.report ? *input.report : empty_report;
    JsonWriter json;
    json.begin_object();
    json.key("schema_version").number(json_schema_version);
    json.key("name").string(input.name);
    json.key("message_size").number(report.message_size);
    json.key("truncated").boolean(report.truncated);
    json.key("summary").begin_object();
    json.key("error").number(report.count(Severity::error));
    json.key("warning").number(report.count(Severity::warning));
    json.key("info").number(report.count(Severity::info));
    json.end_object();
    write_category(json, report.category);
    write_authentication(json, report.authentication);
    json.key("findings").begin_array();
    for (const Finding& finding : report.findings) write_finding(json, finding);
    json.end_array();
    json.key("parts").begin_array();
    for (const PartInfo& part : report.parts) write_part(json, part);
    json.end_array();
    json.key("limits_hit").begin_array();
    for (const LimitHit& limit : report.limits_hit) write_limit(json, limit);
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string format_json_batch(const BatchFinding& batch, const std::vector<BatchMessage>& messages) {
    const auto name_of = [&](std::size_t index) {
        return index < messages.size() ? std::string_view(messages[index].name) : std::string_view();
    };
    const Finding& finding = batch.finding;
    JsonWriter json;
    json.begin_object();
    json.key("schema_version").number(json_schema_version);
    json.key("batch").begin_object();
    json.key("name").string(name_of(batch.message));
    json.key("rule").string(finding.rule_id);
    json.key("slug").string(finding.slug);
    json.key("severity").string(to_string(finding.severity));
    json.key("message").string(finding.message);
    write_location(json, finding.location);
    json.key("related").begin_array();
    for (std::size_t i = 0; i < finding.related.size(); ++i) {
        json.begin_object();
        json.key("name").string(i < batch.related_messages.size() ? name_of(batch.related_messages[i]) : "");
        json.key("message").string(finding.related[i].message);
        write_location(json, finding.related[i].location);
        json.end_object();
    }
    json.end_array();
    write_properties(json, finding.properties);
    json.end_object();
    json.end_object();
    return json.finish();
}

}  // namespace inboxlint
