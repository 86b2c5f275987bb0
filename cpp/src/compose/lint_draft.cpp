#include <exception>

#include "compose/compose_message.hpp"
#include "core/ascii.hpp"
#include "mime/scanner.hpp"

namespace inboxlint {
namespace {

// The draft headers that made it into the message, in order.
std::vector<std::size_t> written_headers(const Draft& draft) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < draft.headers.size(); ++i) {
        if (!compose::is_composer_field(draft.headers[i].first)) out.push_back(i);
    }
    return out;
}

class DraftMapper {
public:
    DraftMapper(const Draft& draft, const std::string& message)
        : draft_(draft), message_(message), scan_(mime::scan(message, Limits{})), written_(written_headers(draft)) {}

    DraftLocation locate(const Finding& f) const {
        for (const mime::Entity& e : scan_.entities) {
            if (e.kind != mime::EntityKind::leaf || f.location.part != e.body_path || f.location.part.empty()) continue;
            return in_body(f, e);
        }
        if (f.location.part.empty() || f.location.part == scan_.entities.front().path) return in_header(f.location.raw);
        return {};
    }

private:
    DraftLocation in_body(const Finding& f, const mime::Entity& e) const {
        DraftLocation where;
        where.source = e.media_type == "text/html" ? DraftSource::html : DraftSource::text;
        const std::string& body = where.source == DraftSource::html ? draft_.html : draft_.text;
        // The composed bodies are the draft's UTF-8 bytes, so decoded offsets
        // are draft offsets; a finding without them covers the whole body.
        where.range = f.location.decoded ? *f.location.decoded : Span{0, body.size()};
        where.range.end = std::min(where.range.end, body.size());
        where.range.begin = std::min(where.range.begin, where.range.end);
        return where;
    }

    DraftLocation in_header(Span raw) const {
        const auto& fields = scan_.entities.front().fields;
        for (std::size_t k = 0; k < fields.size() && k < written_.size(); ++k) {
            const mime::HeaderField& field = fields[k];
            if (raw.begin < field.field.begin || raw.begin > field.field.end) continue;
            DraftLocation where{DraftSource::header, written_[k], {}};
            const std::string& value = draft_.headers[written_[k]].second;
            std::string_view composed = mime::field_raw_value(message_, field);
            std::size_t lead = 0;
            while (lead < composed.size() && core::is_wsp(composed[lead])) ++lead;
            const std::size_t start = field.value.begin + lead;
            if (composed.substr(lead) == core::trim(value) && raw.begin >= start) {
                const std::size_t offset = value.find_first_not_of(" \t") == std::string::npos
                                               ? 0
                                               : value.find_first_not_of(" \t");
                where.range = {offset + (raw.begin - start), offset + (std::min(raw.end, field.value.end) - start)};
            } else {
                where.range = {0, value.size()};
            }
            return where;
        }
        return {};
    }

    const Draft& draft_;
    const std::string& message_;
    mime::ScanResult scan_;
    std::vector<std::size_t> written_;
};

}  // namespace

DraftReport lint_draft(const Linter& linter, const Draft& draft) {
    DraftReport out;
    try {
        out.message = compose::compose_message(draft);
    } catch (const std::exception& e) {
        // The builder failed; lint what the draft says as plain text instead.
        out.message = "Subject: (draft could not be composed)\r\n\r\n" + draft.text;
    }
    out.report = linter.lint(out.message);
    const DraftMapper mapper(draft, out.message);
    for (const Finding& f : out.report.findings) out.where.push_back(mapper.locate(f));
    return out;
}

DraftReport lint_html(const Linter& linter, std::string_view html,
                      std::vector<std::pair<std::string, std::string>> headers) {
    Draft draft;
    draft.headers = std::move(headers);
    draft.html = std::string(html);
    return lint_draft(linter, draft);
}

}  // namespace inboxlint
