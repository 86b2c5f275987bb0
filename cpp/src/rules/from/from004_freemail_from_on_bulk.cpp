#include <algorithm>
#include <string>
#include <vector>

#include "analysis/bulk.hpp"
#include "core/ascii.hpp"
#include "core/data_files.hpp"
#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

bool is_freemail(const std::string& domain) {
    static const std::vector<std::string> domains = core::data_lines("freemail_domains.txt");
    const std::string lower = core::to_lower(domain);
    return std::find(domains.begin(), domains.end(), lower) != domains.end();
}

}  // namespace

void check_from004_freemail_from_on_bulk(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const analysis::BulkSignals& bulk = analysis::bulk_signals(msg);
    if (!bulk.bulk()) return;
    for (const mime::HeaderField* field : msg.fields("From")) {
        for (const mime::Mailbox* m : msg.addresses(*field).mailboxes()) {
            if (!is_freemail(m->domain)) continue;
            Finding& f = ctx.report("", m->domain_span,
                                    "bulk mail (" + bulk.describe() + ") from a free-mail address @" + m->domain +
                                        "; it fails DMARC when sent through any other provider's servers");
            f.related.push_back({ctx.location("", bulk.signals.front().span), "this field marks the message as bulk"});
            f.properties.push_back({"domain", core::to_lower(m->domain)});
        }
    }
}

}  // namespace inboxlint::checks
