#include "category/batch.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/message.hpp"
#include "core/ascii.hpp"
#include "core/data_files.hpp"

namespace inboxlint {
namespace {

// Where the header ends: the blank line, or the whole text.
std::size_t header_end(std::string_view message) {
    for (std::size_t at = 0; at < message.size();) {
        const std::size_t nl = message.find('\n', at);
        if (nl == std::string_view::npos) break;
        const std::size_t next = nl + 1;
        if (next < message.size() && (message[next] == '\n' || message.substr(next, 2) == "\r\n")) return next;
        at = next;
    }
    return message.size();
}

}  // namespace

BatchMessage batch_message(std::string_view name, std::string_view message, const Report& report) {
    BatchMessage out;
    out.name = std::string(name);
    out.category = report.category.name;
    try {
        // The header alone: the body is not needed, and offsets stay those of the message.
        const analysis::Message msg(message.substr(0, header_end(message)), Limits{});
        const mime::HeaderField* from = msg.first_field("From");
        if (from == nullptr) return out;
        out.from_location.raw = from->field;
        const core::LineIndex::Position pos = msg.lines().position(from->field.begin);
        out.from_location.line = pos.line;
        out.from_location.column = pos.column;
        const auto boxes = msg.addresses(*from).mailboxes();
        if (msg.fields("From").size() == 1 && boxes.size() == 1 && !boxes.front()->domain.empty()) {
            out.from = boxes.front()->local_part + "@" + core::to_lower(boxes.front()->domain);
        }
    } catch (const std::exception&) {
        // Out of memory: the message takes no part in the batch checks.
        out.from.clear();
    }
    return out;
}

}  // namespace inboxlint

namespace inboxlint::category {
namespace {

// Free-mail domains (cpp/data/freemail_domains.txt): their addresses are
// unrelated people, not one sender's streams.
bool freemail(const std::string& domain) {
    static const std::set<std::string> domains = [] {
        std::set<std::string> out;
        for (const std::string& d : core::data_lines("freemail_domains.txt")) out.insert(core::to_lower(d));
        return out;
    }();
    return domains.contains(domain);
}

bool counts(const BatchMessage& m) {
    return !m.from.empty() && (m.category == "promotional" || m.category == "transactional");
}

std::string domain_of(const std::string& address) { return address.substr(address.rfind('@') + 1); }

std::string key_of(const std::string& address) { return core::to_lower(address); }

std::string joined(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

Finding make_finding(const engine::EnabledRule& rule, const BatchMessage& m, std::string message) {
    Finding f;
    f.rule_id = std::string(rule.rule->info.id);
    f.slug = std::string(rule.rule->info.slug);
    f.severity = rule.severity;
    f.message = std::move(message);
    f.location = m.from_location;
    f.location.part = "";
    return f;
}

// One finding per message of a group whose members differ in `other`: the
// related locations are the first message of each other value.
struct Group {
    std::vector<std::size_t> members;
    std::map<std::string, std::size_t> first_by_value;  // value -> first message with it
    std::set<std::string> values;
};

void report_group(const engine::EnabledRule& rule, std::span<const BatchMessage> messages, const Group& group,
                  const std::string& headline, const std::string& property, bool by_category,
                  std::vector<BatchFinding>& out) {
    for (std::size_t index : group.members) {
        const BatchMessage& m = messages[index];
        const std::string mine = by_category ? m.category : key_of(m.from);
        BatchFinding b;
        b.message = index;
        b.finding = make_finding(rule, m, headline + " (this message: " + (by_category ? m.category : m.from) + ")");
        std::string names;
        for (const auto& [value, first] : group.first_by_value) {
            if (value == mine || b.related_messages.size() >= max_related_messages) continue;
            const BatchMessage& other = messages[first];
            b.finding.related.push_back({other.from_location, by_category
                                                                  ? other.category + " mail from the same address"
                                                                  : other.category + " mail from " + other.from});
            b.related_messages.push_back(first);
        }
        // The other messages by name (a few: a batch may hold thousands).
        std::size_t listed = 0;
        for (std::size_t other : group.members) {
            if (other == index || listed++ >= max_related_messages) continue;
            names += (names.empty() ? "" : ", ") + messages[other].name;
        }
        if (listed > max_related_messages) names += " and " + std::to_string(listed - max_related_messages) + " more";
        b.finding.properties.push_back({property, joined(group.values)});
        b.finding.properties.push_back({"messages", names});
        out.push_back(std::move(b));
    }
}

void check_category_addresses(const engine::EnabledRule& rule, std::span<const BatchMessage> messages,
                              std::vector<BatchFinding>& out) {
    std::map<std::pair<std::string, std::string>, Group> groups;  // (domain, category)
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const BatchMessage& m = messages[i];
        if (!counts(m) || freemail(domain_of(key_of(m.from)))) continue;
        Group& g = groups[{domain_of(key_of(m.from)), m.category}];
        g.members.push_back(i);
        g.first_by_value.emplace(key_of(m.from), i);
        g.values.insert(m.from);
    }
    for (const auto& [key, group] : groups) {
        if (group.first_by_value.size() < 2) continue;
        const std::string headline = key.second + " mail from " + key.first + " is sent from " +
                                     std::to_string(group.first_by_value.size()) +
                                     " addresses: " + joined(group.values);
        report_group(rule, messages, group, headline, "addresses", false, out);
    }
}

void check_address_categories(const engine::EnabledRule& rule, std::span<const BatchMessage> messages,
                              std::vector<BatchFinding>& out) {
    std::map<std::string, Group> groups;  // address
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const BatchMessage& m = messages[i];
        if (!counts(m)) continue;
        Group& g = groups[key_of(m.from)];
        g.members.push_back(i);
        g.first_by_value.emplace(m.category, i);
        g.values.insert(m.category);
    }
    for (const auto& [address, group] : groups) {
        if (group.first_by_value.size() < 2) continue;
        const std::string headline = messages[group.members.front()].from + " sends " + joined(group.values) + " mail";
        report_group(rule, messages, group, headline, "categories", true, out);
    }
}

}  // namespace

std::vector<BatchFinding> check_batch(const engine::ResolvedConfig& config, std::span<const BatchMessage> messages) {
    std::vector<BatchFinding> out;
    for (const engine::EnabledRule& rule : config.batch_rules) {
        if (rule.rule->info.id == "CONT002") check_category_addresses(rule, messages, out);
        if (rule.rule->info.id == "CONT003") check_address_categories(rule, messages, out);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const BatchFinding& a, const BatchFinding& b) { return a.message < b.message; });
    return out;
}

}  // namespace inboxlint::category
