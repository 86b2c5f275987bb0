// The per-message facts rules read. Built once per lint; everything beyond the
// scan is computed on first use and cached, so a fact two rules need is
// computed once and no rule parses anything itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <vector>

#include "core/lines.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/report.hpp"
#include "mime/address.hpp"
#include "mime/charset.hpp"
#include "mime/msg_id.hpp"
#include "mime/scanner.hpp"
#include "mime/transfer.hpp"

namespace inboxlint::analysis {

// A limit hit by an analysis after the scan (decoded size, HTML nodes, ...).
struct AnalysisLimitHit {
    std::string limit;
    std::size_t value = 0;
    Span span;
    int entity = 0;
};

class Message {
public:
    Message(std::string_view raw, const Limits& limits);
    ~Message();
    Message(const Message&) = delete;
    Message& operator=(const Message&) = delete;

    [[nodiscard]] std::string_view text() const noexcept { return scan_.text; }
    [[nodiscard]] std::size_t original_size() const noexcept { return original_size_; }
    // Whether the input holds nothing but spaces, tabs and line breaks (or
    // nothing at all): decided on the whole input, before any size limit.
    [[nodiscard]] bool is_blank() const noexcept { return blank_; }
    [[nodiscard]] const Limits& limits() const noexcept { return limits_; }
    [[nodiscard]] const mime::ScanResult& scan() const noexcept { return scan_; }
    [[nodiscard]] const std::vector<mime::Entity>& entities() const noexcept { return scan_.entities; }
    [[nodiscard]] const mime::Entity& root() const noexcept { return scan_.entities.front(); }
    [[nodiscard]] const mime::Entity& entity(int index) const noexcept {
        return scan_.entities[static_cast<std::size_t>(index)];
    }
    [[nodiscard]] const core::LineIndex& lines() const;
    // The part path for a message offset: the header path of the innermost
    // entity whose header holds it, else the body path of the innermost
    // entity whose body holds it.
    [[nodiscard]] std::string part_at(std::size_t offset) const;

    // Header fields of an entity with this name (case-insensitive), in order.
    [[nodiscard]] std::vector<const mime::HeaderField*> fields(std::string_view name, int entity = 0) const;
    [[nodiscard]] const mime::HeaderField* first_field(std::string_view name, int entity = 0) const;
    [[nodiscard]] std::string_view name_of(const mime::HeaderField& field) const noexcept;
    [[nodiscard]] std::string_view raw_value(const mime::HeaderField& field) const noexcept;
    // The value unfolded and trimmed.
    [[nodiscard]] std::string unfolded_value(const mime::HeaderField& field) const;

    // Whether an entity is a file to save, not text to show: its
    // Content-Disposition type is "attachment" (RFC 2183), comments and case
    // as the header grammar allows. The one definition every rule uses.
    [[nodiscard]] bool is_attachment(int entity) const;

    // Structured header values, parsed on first use.
    [[nodiscard]] const mime::AddressList& addresses(const mime::HeaderField& field) const;
    [[nodiscard]] const mime::MsgIdList& message_id(const mime::HeaderField& field) const;
    [[nodiscard]] const mime::MsgIdList& msg_id_list(const mime::HeaderField& field) const;

    // A leaf part's body after transfer decoding, and as UTF-8 text (text/*
    // parts; charset from its Content-Type).
    [[nodiscard]] const mime::TransferDecoded& decoded_body(int entity) const;
    [[nodiscard]] const mime::CharsetDecoded& body_text(int entity) const;
    // Message offsets of a range of a part's UTF-8 text.
    [[nodiscard]] Span text_to_raw(int entity, Span text_range) const;

    // A memo for analyses defined in other modules (HTML documents, links,
    // DKIM signatures): computes `make()` once per (T, key) and message.
    template <typename T, typename Make>
    const T& memo(int key, Make&& make) const {
        auto& slot = memos_[{std::type_index(typeid(T)), key}];
        if (!slot) slot = std::make_shared<T>(make());
        return *static_cast<const T*>(slot.get());
    }

    [[nodiscard]] const std::vector<AnalysisLimitHit>& analysis_limits() const noexcept { return analysis_limits_; }
    void record_limit(std::string limit, std::size_t value, Span span, int entity) const;

private:
    Limits limits_;
    std::size_t original_size_ = 0;
    bool blank_ = false;
    mime::ScanResult scan_;
    std::unique_ptr<core::LineIndex> lines_;  // built from the scan's line starts
    mutable std::map<std::size_t, mime::AddressList> addresses_;
    mutable std::map<std::size_t, mime::MsgIdList> message_ids_;
    mutable std::map<std::size_t, mime::MsgIdList> msg_id_lists_;
    mutable std::map<int, mime::TransferDecoded> decoded_;
    mutable std::map<int, mime::CharsetDecoded> texts_;
    mutable std::size_t decoded_budget_used_ = 0;
    mutable std::vector<AnalysisLimitHit> analysis_limits_;
    mutable std::map<std::pair<std::type_index, int>, std::shared_ptr<void>> memos_;
    // Per entity, built on first use: (case-insensitive hash of the name,
    // position) of every header field, sorted. Rules ask for fields by name
    // hundreds of times per message; a scan of every field with a
    // case-insensitive comparison each time added up.
    using FieldIndex = std::vector<std::pair<std::uint64_t, std::uint32_t>>;
    mutable std::vector<std::unique_ptr<FieldIndex>> field_index_;
    [[nodiscard]] const FieldIndex& field_index(int entity) const;
    // Calls `found` with each of the entity's fields of this name, in order, until it returns true.
    template <typename Found>
    void each_field(std::string_view name, int entity, Found&& found) const;
};

}  // namespace inboxlint::analysis
