// Signs that a message really answers or forwards an earlier one, for
// SUBJ002: the threading fields, Outlook's reply-depth Thread-Index, and an
// earlier message quoted or attached in the body.
#pragma once

#include <string>

#include "analysis/message.hpp"

namespace inboxlint::checks::subj {

// What shows that the message is a reply or forward ("In-Reply-To",
// "quoted text in part 1", ...), or empty when nothing does. Body text is
// looked at only when `look_at_body` is set.
std::string reply_evidence(const analysis::Message& msg, bool look_at_body);

}  // namespace inboxlint::checks::subj
