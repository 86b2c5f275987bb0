#include "analysis/bulk.hpp"

#include <array>
#include <string_view>

#include "core/ascii.hpp"
#include "url/registrable.hpp"

namespace inboxlint::analysis {
namespace {

// Fields only list managers and bulk-sending platforms add.
constexpr std::array<std::string_view, 5> list_fields{
    "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id", "List-Post", "Feedback-ID",
};

// Field-name prefixes of large ESPs' campaign headers.
constexpr std::array<std::string_view, 6> campaign_prefixes{
    "X-Campaign", "X-Mailchimp-", "X-MC-User", "X-SG-EID", "X-Mailgun-Tag", "X-Marketo-",
};

BulkSignals find_signals(const Message& msg) {
    BulkSignals out;
    for (std::string_view name : list_fields) {
        if (const mime::HeaderField* f = msg.first_field(name)) out.signals.push_back({std::string(name), f->field});
    }
    if (const mime::HeaderField* f = msg.first_field("Precedence")) {
        const std::string value = core::to_lower(msg.unfolded_value(*f));
        if (value == "bulk" || value == "list" || value == "junk") {
            out.signals.push_back({"Precedence: " + value, f->field});
        }
    }
    for (const mime::HeaderField& f : msg.root().fields) {
        const std::string_view name = msg.name_of(f);
        for (std::string_view prefix : campaign_prefixes) {
            if (core::istarts_with(name, prefix)) {
                out.signals.push_back({std::string(name), f.field, true});
                break;
            }
        }
    }
    return out;
}

bool is_host_char(char c) { return core::is_alnum(c) || c == '-' || c == '.'; }

// Hosts written as "@host" or as a List-Id "<list.host>".
void collect_hosts(std::string_view value, bool list_id, std::vector<std::string>& out) {
    for (std::size_t i = 0; i < value.size(); ++i) {
        const bool start = value[i] == '@' || (list_id && value[i] == '<');
        if (!start) continue;
        std::size_t end = i + 1;
        while (end < value.size() && is_host_char(value[end])) ++end;
        std::string host = core::to_lower(value.substr(i + 1, end - i - 1));
        const std::string domain = url::registrable_domain(host);
        if (!domain.empty()) out.push_back(domain);
        i = end;
    }
}

std::vector<std::string> find_list_domains(const Message& msg) {
    std::vector<std::string> out;
    for (std::string_view name : {"List-Id", "List-Post", "Mailing-List", "X-Mailing-List"}) {
        for (const mime::HeaderField* f : msg.fields(name)) collect_hosts(msg.raw_value(*f), name == "List-Id", out);
    }
    return out;
}

}  // namespace

const std::vector<std::string>& mailing_list_domains(const Message& msg) {
    return msg.memo<std::vector<std::string>>(1, [&] { return find_list_domains(msg); });
}

std::string BulkSignals::describe() const {
    std::string out;
    for (const BulkSignal& s : signals) {
        if (!out.empty()) out += ", ";
        out += s.name;
    }
    return out;
}

const BulkSignals& bulk_signals(const Message& msg) {
    return msg.memo<BulkSignals>(0, [&] { return find_signals(msg); });
}

}  // namespace inboxlint::analysis
