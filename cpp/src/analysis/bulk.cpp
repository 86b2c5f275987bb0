#include "analysis/bulk.hpp"

#include <array>
#include <string_view>

#include "core/ascii.hpp"

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
                out.signals.push_back({std::string(name), f.field});
                break;
            }
        }
    }
    return out;
}

}  // namespace

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
