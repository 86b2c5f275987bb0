#include "report/decoded_text.hpp"

#include "analysis/message.hpp"

namespace inboxlint::report {

struct DecodedParts::Parsed {
    explicit Parsed(std::string_view raw) : message(raw, Limits{}) {}
    analysis::Message message;
};

DecodedParts::DecodedParts(const ReportInput& input) : input_(input) {}
DecodedParts::~DecodedParts() = default;

namespace {

std::string_view label_of(std::string_view transfer_encoding) {
    if (transfer_encoding == "quoted-printable") return "qp";
    if (transfer_encoding == "base64") return "b64";
    return {};
}

}  // namespace

std::optional<DecodedExcerptSource> DecodedParts::source(const Location& location) {
    const Report* report = input_.report;
    // A truncated report was made under limits this parse would not share.
    if (!location.decoded || report == nullptr || report->truncated || input_.message.empty()) return std::nullopt;
    for (std::size_t i = 0; i < report->parts.size(); ++i) {
        const PartInfo& part = report->parts[i];
        if (part.is_multipart || part.body_path != location.part) continue;
        const std::string_view label = label_of(part.transfer_encoding);
        if (label.empty()) return std::nullopt;
        if (!parsed_) parsed_ = std::make_unique<Parsed>(input_.message);
        const analysis::Message& msg = parsed_->message;
        if (i >= msg.entities().size() || msg.entity(static_cast<int>(i)).body_path != part.body_path) return std::nullopt;
        const std::string_view text = msg.body_text(static_cast<int>(i)).view();
        if (location.decoded->end > text.size()) return std::nullopt;
        return DecodedExcerptSource{text, label};
    }
    return std::nullopt;
}

}  // namespace inboxlint::report
