#include "mime/transfer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.hpp"
#include "core/lines.hpp"

namespace inboxlint::mime {
namespace {

constexpr std::size_t max_encoded_line = 76;  // RFC 2045 6.7 (5) and 6.8
// Python's email package (policy.SMTP, max_line_length 78) writes
// quoted-printable lines of up to 78 characters; every reader accepts them,
// so only longer ones are reported.
constexpr std::size_t max_qp_line = 78;

constexpr std::array<int, 256> make_base64_table() {
    std::array<int, 256> table{};
    for (int& v : table) v = -1;
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    return table;
}
constexpr std::array<int, 256> base64_table = make_base64_table();

// Counts a repeated defect once, remembering where it first happened.
struct DefectCounter {
    DefectCounter(std::string_view code_, std::string what_) : code(code_), what(std::move(what_)) {}
    std::string_view code;
    std::string what;
    std::size_t count = 0;
    Span first;
    void add(Span span) {
        if (count++ == 0) first = span;
    }
    void flush(SyntaxIssues& issues) const {
        if (count == 0) return;
        std::string detail = what;
        if (count > 1) detail += " (" + std::to_string(count) + " times; the first is shown)";
        issues.push_back({code, first, std::move(detail)});
    }
};

class Base64Decoder {
public:
    Base64Decoder(std::string_view message, std::size_t max_size) : message_(message), max_size_(max_size) {}

    void line(const core::Line& line) {
        if (line.length() > max_encoded_line) long_lines_.add({line.begin, line.content_end});
        const std::size_t out_before = out_.bytes.size();
        for (std::size_t i = line.begin; i < line.content_end && !out_.truncated; ++i) byte(i);
        out_.map.append(out_.bytes.size() - out_before, line.begin, line.end - line.begin);
    }

    TransferDecoded finish() {
        if (quantum_length_ != 0 && !out_.truncated) {
            bad_padding_.add({last_char_, last_char_ + 1});
            flush_partial();
        }
        invalid_.flush(out_.issues);
        bad_padding_.flush(out_.issues);
        after_padding_.flush(out_.issues);
        long_lines_.flush(out_.issues);
        out_.map.shrink_to_fit();
        out_.owned = true;
        return std::move(out_);
    }

private:
    void byte(std::size_t pos) {
        const char c = message_[pos];
        const int value = base64_table[static_cast<unsigned char>(c)];
        if (value < 0) {
            if (c == '=') {
                padding(pos);
            } else if (!core::is_wsp(c)) {
                invalid_.add({pos, pos + 1});
            }
            return;
        }
        if (padded_) after_padding_.add({pos, pos + 1});
        last_char_ = pos;
        quantum_ = (quantum_ << 6) | static_cast<unsigned>(value);
        if (++quantum_length_ == 4) {
            emit(static_cast<char>(quantum_ >> 16));
            emit(static_cast<char>(quantum_ >> 8));
            emit(static_cast<char>(quantum_));
            quantum_ = 0;
            quantum_length_ = 0;
        }
    }

    void padding(std::size_t pos) {
        padded_ = true;
        // "xx==" and "xxx=" are the only places '=' may stand.
        if (quantum_length_ == 2 || quantum_length_ == 3) {
            flush_partial();
        } else if (quantum_length_ != 0 || !after_pad_ok_) {
            bad_padding_.add({pos, pos + 1});
        }
        after_pad_ok_ = true;
    }

    void flush_partial() {
        if (quantum_length_ == 2) {
            emit(static_cast<char>(quantum_ >> 4));
        } else if (quantum_length_ == 3) {
            emit(static_cast<char>(quantum_ >> 10));
            emit(static_cast<char>(quantum_ >> 2));
        }
        quantum_ = 0;
        quantum_length_ = 0;
    }

    void emit(char c) {
        if (out_.bytes.size() >= max_size_) {
            out_.truncated = true;
            return;
        }
        out_.bytes.push_back(c);
    }

    std::string_view message_;
    std::size_t max_size_;
    TransferDecoded out_;
    unsigned quantum_ = 0;
    int quantum_length_ = 0;
    bool padded_ = false;
    bool after_pad_ok_ = false;
    std::size_t last_char_ = 0;
    DefectCounter invalid_{"base64-invalid-character", "a character outside the base64 alphabet"};
    DefectCounter bad_padding_{"base64-bad-padding", "base64 data ends with an incomplete quantum or misplaced '='"};
    DefectCounter after_padding_{"base64-data-after-padding", "base64 data after the '=' padding"};
    DefectCounter long_lines_{"base64-line-too-long", "a base64 line longer than 76 characters"};
};

class QuotedPrintableDecoder {
public:
    // Decoding never grows the text, so the output is sized once, with room
    // for the sixteen-byte stores of copy_run, and trimmed in finish().
    QuotedPrintableDecoder(std::string_view message, Span body, std::size_t max_size)
        : message_(message), capacity_(std::min(body.size(), max_size)) {
        out_.bytes.resize(capacity_ + copy_slack);
    }

    void line(const core::Line& line) {
        if (line.length() > max_qp_line) long_lines_.add({line.begin, line.content_end});
        // RFC 2045 6.7 (3): trailing white space is not data.
        std::size_t end = line.content_end;
        while (end > line.begin && core::is_wsp(message_[end - 1])) --end;
        std::size_t pos = line.begin;
        bool soft_break = false;
        while (pos < end && !out_.truncated) {
            if (message_[pos] != '=') {
                copy_run(pos, end);
                continue;
            }
            if (pos + 1 == end) {
                soft_break = true;
                ++pos;
            } else if (pos + 2 < end && core::is_hex_digit(message_[pos + 1]) &&
                       core::is_hex_digit(message_[pos + 2])) {
                if (core::is_alpha(message_[pos + 1]) || core::is_alpha(message_[pos + 2])) check_case(pos);
                emit(static_cast<char>(core::hex_value(message_[pos + 1]) * 16 + core::hex_value(message_[pos + 2])),
                     pos, 3);
                pos += 3;
            } else {
                invalid_.add({pos, std::min(pos + 3, end)});
                emit('=', pos, 1);
                ++pos;
            }
        }
        if (!soft_break && line.ending != core::LineEnding::none && !out_.truncated) {
            const std::size_t room = capacity_ - size_;
            std::size_t length = line.end - line.content_end;
            if (length > room) {
                length = room;
                out_.truncated = true;
            }
            for (std::size_t i = 0; i < length; ++i) out_.bytes[size_++] = message_[line.content_end + i];  // 1 or 2
            out_.map.append(length, line.content_end, length);
        }
    }

    TransferDecoded finish() {
        out_.bytes.resize(size_);
        // Escapes left room at the end: 2 bytes each, 6% of quoted-printable
        // HTML, kept through the HTML parse unless given back.
        if (out_.bytes.capacity() - size_ > std::max(size_ / 32, worth_giving_back)) out_.bytes.shrink_to_fit();
        invalid_.flush(out_.issues);
        lower_case_.flush(out_.issues);
        long_lines_.flush(out_.issues);
        out_.map.shrink_to_fit();
        out_.owned = true;
        return std::move(out_);
    }

private:
    static constexpr std::size_t copy_slack = 16;
    static constexpr std::size_t worth_giving_back = 64 * 1024;  // bytes

    // Copies the bytes up to the next '=' (or `end`, or the size budget) and
    // moves `pos` there: sixteen bytes are stored and searched at a time,
    // which is most of a quoted-printable line between two escapes.
    void copy_run(std::size_t& pos, std::size_t end) {
        const std::size_t room = capacity_ - size_;
        const std::size_t limit = pos + std::min(end - pos, room);
        const char* in = message_.data();
        char* out = out_.bytes.data() + size_;
        const std::size_t begin = pos;
        std::size_t i = pos;
#if defined(__SSE2__)
        const __m128i equals = _mm_set1_epi8('=');
        while (i < limit && i + 16 <= message_.size()) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (i - begin)), chunk);
            auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, equals)));
            const std::size_t left = limit - i;
            if (left < 16) hits |= 1u << left;
            if (hits != 0) {
                i += static_cast<std::size_t>(__builtin_ctz(hits));
                break;
            }
            i += 16;
        }
#endif
        for (; i < limit && in[i] != '='; ++i) out[i - begin] = in[i];
        i = std::min(i, limit);
        const std::size_t length = i - begin;
        // Out of room before the run's end; an '=' there is left to the caller,
        // as a soft break writes nothing.
        if (i == limit && limit < end && in[limit] != '=') out_.truncated = true;
        size_ += length;
        out_.map.append(length, begin, length);
        pos = i;
    }

    void check_case(std::size_t pos) {
        if (core::to_upper(message_[pos + 1]) != message_[pos + 1] ||
            core::to_upper(message_[pos + 2]) != message_[pos + 2]) {
            lower_case_.add({pos, pos + 3});
        }
    }

    void emit(char c, std::size_t from, std::size_t length) {
        if (size_ >= capacity_) {
            out_.truncated = true;
            return;
        }
        out_.bytes[size_++] = c;
        out_.map.append(1, from, length);
    }

    std::string_view message_;
    std::size_t capacity_;
    std::size_t size_ = 0;  // bytes of out_.bytes written
    TransferDecoded out_;
    DefectCounter invalid_{"qp-invalid-escape", "'=' not followed by two hexadecimal digits or a line break"};
    DefectCounter lower_case_{"qp-lowercase-escape", "a lower-case hexadecimal escape (RFC 2045 requires upper case)"};
    DefectCounter long_lines_{"qp-line-too-long", "a quoted-printable line longer than 78 characters"};
};

template <typename Decoder>
TransferDecoded run_lines(std::string_view message, Span body, Decoder decoder) {
    const std::string_view limited = message.substr(0, body.end);
    core::LineCursor cursor(limited, body.begin);
    while (!cursor.at_end()) decoder.line(cursor.next());
    return decoder.finish();
}

}  // namespace

TransferDecoded decode_base64(std::string_view message, Span body, std::size_t max_size) {
    return run_lines(message, body, Base64Decoder(message, max_size));
}

TransferDecoded decode_quoted_printable(std::string_view message, Span body, std::size_t max_size) {
    return run_lines(message, body, QuotedPrintableDecoder(message, body, max_size));
}

TransferDecoded decode_transfer(std::string_view message, Span body, std::string_view cte, std::size_t max_size) {
    if (cte == "base64") return decode_base64(message, body, max_size);
    if (cte == "quoted-printable") return decode_quoted_printable(message, body, max_size);
    TransferDecoded out;
    Span used = body;
    if (used.size() > max_size) {
        used.end = used.begin + max_size;
        out.truncated = true;
    }
    out.borrowed = message.substr(used.begin, used.size());
    out.map = core::OffsetMap::identity(used.size(), used.begin);
    return out;
}

}  // namespace inboxlint::mime
