#include "analysis/message.hpp"

#include <algorithm>
#include <cstdint>

#include "core/ascii.hpp"
#include "mime/content_type.hpp"
#include "mime/lexer.hpp"

namespace inboxlint::analysis {

Message::Message(std::string_view raw, const Limits& limits)
    : limits_(limits),
      original_size_(raw.size()),
      blank_(core::trim(raw).empty()),
      scan_(mime::scan(raw, limits)),
      lines_(std::make_unique<core::LineIndex>(scan_.text, std::move(scan_.lines.starts))) {}

Message::~Message() = default;

const core::LineIndex& Message::lines() const { return *lines_; }

std::string Message::part_at(std::size_t offset) const {
    const mime::Entity* best = &root();
    bool in_header = offset < root().header.end;
    for (const mime::Entity& e : scan_.entities) {
        if (offset >= e.header.begin && offset < e.header.end) {
            best = &e;
            in_header = true;
        } else if (offset >= e.body.begin && offset < e.body.end && e.depth >= best->depth) {
            best = &e;
            in_header = false;
        }
    }
    return in_header ? best->path : best->body_path;
}

namespace {

// FNV-1a over the lower-cased bytes: equal for names that differ in case only.
std::uint64_t name_hash(std::string_view name) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : name) h = (h ^ static_cast<unsigned char>(core::to_lower(c))) * 1099511628211ull;
    return h;
}

}  // namespace

const Message::FieldIndex& Message::field_index(int entity_index) const {
    if (field_index_.empty()) field_index_.resize(scan_.entities.size());
    std::unique_ptr<FieldIndex>& index = field_index_[static_cast<std::size_t>(entity_index)];
    if (!index) {
        index = std::make_unique<FieldIndex>();
        const auto& fields = entity(entity_index).fields;
        index->reserve(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            index->emplace_back(name_hash(name_of(fields[i])), static_cast<std::uint32_t>(i));
        }
        std::sort(index->begin(), index->end());
    }
    return *index;
}

template <typename Found>
void Message::each_field(std::string_view name, int entity_index, Found&& found) const {
    const FieldIndex& index = field_index(entity_index);
    const std::uint64_t h = name_hash(name);
    const auto& fields = entity(entity_index).fields;
    // Positions with the same hash come in message order; a collision of
    // two names is told apart by comparing them.
    for (auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(h, std::uint32_t{0}));
         it != index.end() && it->first == h; ++it) {
        const mime::HeaderField& f = fields[it->second];
        if (core::iequals(name_of(f), name) && found(f)) return;
    }
}

std::vector<const mime::HeaderField*> Message::fields(std::string_view name, int entity_index) const {
    std::vector<const mime::HeaderField*> found;
    each_field(name, entity_index, [&](const mime::HeaderField& f) {
        found.push_back(&f);
        return false;
    });
    return found;
}

const mime::HeaderField* Message::first_field(std::string_view name, int entity_index) const {
    const mime::HeaderField* first = nullptr;
    each_field(name, entity_index, [&](const mime::HeaderField& f) {
        first = &f;
        return true;
    });
    return first;
}

bool Message::is_attachment(int entity_index) const {
    const mime::HeaderField* field = first_field("Content-Disposition", entity_index);
    if (field == nullptr) return false;
    return mime::parse_content_disposition(raw_value(*field), field->value.begin).type == "attachment";
}

std::string_view Message::name_of(const mime::HeaderField& field) const noexcept {
    return mime::field_name(scan_.text, field);
}

std::string_view Message::raw_value(const mime::HeaderField& field) const noexcept {
    return mime::field_raw_value(scan_.text, field);
}

std::string Message::unfolded_value(const mime::HeaderField& field) const {
    return std::string(core::trim(mime::unfold(raw_value(field))));
}

const mime::AddressList& Message::addresses(const mime::HeaderField& field) const {
    auto it = addresses_.find(field.value.begin);
    if (it == addresses_.end()) {
        it = addresses_.emplace(field.value.begin, mime::parse_address_list(raw_value(field), field.value.begin)).first;
    }
    return it->second;
}

const mime::MsgIdList& Message::message_id(const mime::HeaderField& field) const {
    auto it = message_ids_.find(field.value.begin);
    if (it == message_ids_.end()) {
        it = message_ids_.emplace(field.value.begin, mime::parse_message_id(raw_value(field), field.value.begin)).first;
    }
    return it->second;
}

const mime::MsgIdList& Message::msg_id_list(const mime::HeaderField& field) const {
    auto it = msg_id_lists_.find(field.value.begin);
    if (it == msg_id_lists_.end()) {
        it = msg_id_lists_.emplace(field.value.begin, mime::parse_msg_id_list(raw_value(field), field.value.begin))
                 .first;
    }
    return it->second;
}

const mime::TransferDecoded& Message::decoded_body(int entity_index) const {
    auto it = decoded_.find(entity_index);
    if (it != decoded_.end()) return it->second;
    const mime::Entity& e = entity(entity_index);
    const std::size_t budget = limits_.max_decoded_size - std::min(limits_.max_decoded_size, decoded_budget_used_);
    mime::TransferDecoded decoded = mime::decode_transfer(scan_.text, e.body, e.transfer_encoding.name, budget);
    decoded_budget_used_ += decoded.view().size();
    if (decoded.truncated) record_limit("max_decoded_size", limits_.max_decoded_size, e.body, entity_index);
    return decoded_.emplace(entity_index, std::move(decoded)).first->second;
}

const mime::CharsetDecoded& Message::body_text(int entity_index) const {
    auto it = texts_.find(entity_index);
    if (it != texts_.end()) return it->second;
    const mime::Entity& e = entity(entity_index);
    const mime::Parameter* charset = e.content_type.param("charset");
    // RFC 2045 5.2: text without a charset is US-ASCII, read as windows-1252.
    const std::string label = charset ? charset->value : std::string("us-ascii");
    return texts_.emplace(entity_index, mime::decode_charset(decoded_body(entity_index).view(), label)).first->second;
}

Span Message::text_to_raw(int entity_index, Span text_range) const {
    const mime::TransferDecoded& decoded = decoded_body(entity_index);
    if (decoded.map.empty()) {
        const std::size_t at = entity(entity_index).body.begin;
        return {at, at};
    }
    return decoded.map.to_input(body_text(entity_index).map.to_input(text_range));
}

void Message::record_limit(std::string limit, std::size_t value, Span span, int entity_index) const {
    for (const AnalysisLimitHit& hit : analysis_limits_) {
        if (hit.limit == limit) return;
    }
    analysis_limits_.push_back({std::move(limit), value, span, entity_index});
}

}  // namespace inboxlint::analysis
