// Header evidence that a message is bulk mail (newsletters, marketing,
// mailing lists), as opposed to one-to-one or transactional mail. Rules that
// apply to bulk senders only (one-click unsubscribe, free-mail From) share it.
#pragma once

#include <string>
#include <vector>

#include "analysis/message.hpp"

namespace inboxlint::analysis {

struct BulkSignal {
    std::string name;  // "List-Unsubscribe", "Precedence: bulk", "Feedback-ID"
    Span span;         // the field that shows it
    bool campaign = false;  // an ESP's campaign or tag field (X-Campaign*, X-Mailchimp-*, ...)
};

struct BulkSignals {
    std::vector<BulkSignal> signals;
    [[nodiscard]] bool bulk() const noexcept { return !signals.empty(); }
    // "List-Unsubscribe, Precedence: bulk" for messages.
    [[nodiscard]] std::string describe() const;
};

const BulkSignals& bulk_signals(const Message& msg);

// The registrable domains of the mailing list a message went through, from
// List-Id, List-Post, Mailing-List and X-Mailing-List: Sender and Reply-To
// pointing there are the list's own doing.
const std::vector<std::string>& mailing_list_domains(const Message& msg);

}  // namespace inboxlint::analysis
