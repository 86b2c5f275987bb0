#include "rules/subj/reply_evidence.hpp"
#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks {

// A reply or forward prefix on a message that shows no sign of answering or
// forwarding anything: no In-Reply-To, no References, no reply-depth Outlook
// Thread-Index, and (unless told otherwise) no earlier message quoted or
// attached in the body.
void check_subj002_reply_without_thread(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    const mime::DecodedHeader* subject = subj::decoded_subject(msg);
    if (!subject) return;
    for (const subj::SubjectPrefix& prefix : subj::leading_prefixes(subject->text)) {
        if (prefix.kind == subj::PrefixKind::list_tag) continue;
        const bool reply = prefix.kind == subj::PrefixKind::reply;
        if (!reply && !ctx.options().boolean("include_forwards")) return;
        if (!subj::reply_evidence(msg, ctx.options().boolean("accept_quoted_body")).empty()) return;
        const std::string text = subject->text.substr(prefix.range.begin, prefix.range.size());
        Finding& f = subj::report_range(
            ctx, *subject, prefix.range,
            "the Subject starts with \"" + text + "\" as " + (reply ? "a reply" : "a forward") +
                " does, but the message has neither In-Reply-To nor References, and nothing shows that it " +
                (reply ? "answers" : "forwards") + " another message");
        f.properties.push_back({"prefix", text});
        f.properties.push_back({"kind", reply ? "reply" : "forward"});
        return;
    }
}

}  // namespace inboxlint::checks
