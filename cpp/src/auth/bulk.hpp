// Whether a message is bulk or promotional mail, and the evidence. One-click
// unsubscribe is required of such mail (Gmail and Yahoo sender guidelines,
// RFC 8058), so UNSUB001 and UNSUB006 only look at messages judged so here.
//
// The judgement is a list of signal providers: the header evidence of
// analysis/bulk.hpp (List-Id, Precedence, ESP campaign headers), less what
// transactional streams carry too (Feedback-ID, ESP event ids, and campaign
// fields on a message whose content reads as transactional); and the
// content category model (analysis/category.hpp): a message whose content
// reads as promotional gets a promotional signal at its strongest advert.
#pragma once

#include <string>
#include <vector>

#include "analysis/message.hpp"

namespace inboxlint::auth {

struct BulkSignal {
    std::string what;          // "List-Id", "Precedence: bulk"
    Span span;                 // the evidence (a header field)
    std::string part;          // its part path ("" for the top-level header)
    bool promotional = false;  // marketing or newsletter, not only list traffic
};

struct BulkAssessment {
    std::vector<BulkSignal> signals;
    // Re-sent by mailing-list software (List-Post names an address or URI;
    // Mailman, ezmlm, Yahoo Groups or SmartList fields; a Sender that is a
    // list's administrative address, or on another organisational domain
    // than From on Precedence: bulk or list mail): the message is someone's
    // post, not the sender's promotion, and the envelope is the list's.
    bool mailing_list = false;

    [[nodiscard]] bool bulk() const noexcept { return !signals.empty(); }
    [[nodiscard]] const BulkSignal* first_promotional() const noexcept;
};

const BulkAssessment& bulk_assessment(const analysis::Message& msg);

// The first unsubscribe word or phrase (cpp/data/unsubscribe_words.txt) in the text
// parts that are not attachments: its entity and UTF-8 range, if any.
struct UnsubscribeMention {
    int entity = -1;
    Span text;
};

const UnsubscribeMention& unsubscribe_mention(const analysis::Message& msg);

}  // namespace inboxlint::auth
