// Checks over a batch of messages (a directory, an mbox, a stream linted
// with lint_many): the CONT rules that no single message can show.
//
// Gmail asks senders to keep each kind of mail on its own address, so that
// reputations do not mix: within one sending domain,
//  - CONT002: one category (promotional, transactional) sent from more than
//    one From address;
//  - CONT003: one From address sending more than one category.
// Neutral messages (neither category) take no part.
//
//   std::vector<inboxlint::BatchMessage> batch;
//   for (...) {
//       const inboxlint::Report report = linter.lint(raw);
//       batch.push_back(inboxlint::batch_message(name, raw, report));
//   }
//   for (const inboxlint::BatchFinding& b : linter.check_batch(batch))
//       // b.finding points at the From field of batch[b.message];
//       // b.finding.related[i] is in batch[b.related_messages[i]].
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/export.hpp"
#include "inboxlint/report.hpp"

namespace inboxlint {

// What the batch checks need to know of one message.
struct BatchMessage {
    std::string name;        // how the caller names it: "a.eml", "inbox.mbox[3]"
    std::string from;        // the From address (local@domain, domain lower-cased); "" without exactly one
    Location from_location;  // the From field (part "", raw span, line, column)
    std::string category;    // Report::category.name
};

// Reads the From address and field of a message (only its header is
// scanned) and takes the category from its report.
[[nodiscard]] INBOXLINT_API BatchMessage batch_message(std::string_view name, std::string_view message,
                                                       const Report& report);

struct BatchFinding {
    std::size_t message = 0;  // index into the batch of the message it is attached to
    Finding finding;          // located at that message's From field
    // For each of finding.related, the index of the message it is in.
    std::vector<std::size_t> related_messages;
};

}  // namespace inboxlint
