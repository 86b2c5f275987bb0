#include "auth/bulk.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <bitset>
#include <string>
#include <vector>

#include "analysis/bulk.hpp"
#include "analysis/category.hpp"
#include "auth/alignment.hpp"
#include "core/ascii.hpp"
#include "core/data_files.hpp"

namespace inboxlint::auth {
namespace {

// A character reference at text[i] == '&': its code point and length.
std::pair<UChar32, std::size_t> char_ref(std::string_view text, std::size_t i) {
    static constexpr std::array<std::pair<std::string_view, UChar32>, 16> named{{
        {"nbsp", 0x20},
        {"eacute", 0xe9},
        {"egrave", 0xe8},
        {"ecirc", 0xea},
        {"agrave", 0xe0},
        {"acirc", 0xe2},
        {"ccedil", 0xe7},
        {"ocirc", 0xf4},
        {"icirc", 0xee},
        {"ucirc", 0xfb},
        {"ntilde", 0xf1},
        {"atilde", 0xe3},
        {"otilde", 0xf5},
        {"aacute", 0xe1},
        {"iacute", 0xed},
        {"oacute", 0xf3},
    }};
    const std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return {-1, 0};
    const std::string_view body = text.substr(i + 1, semi - i - 1);
    if (body.size() > 1 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        UChar32 c = 0;
        for (char d : body.substr(hex ? 2 : 1)) {
            const int v = hex ? core::hex_value(d) : (core::is_digit(d) ? d - '0' : -1);
            if (v < 0 || c > 0x10ffff) return {-1, 0};
            c = c * (hex ? 16 : 10) + v;
        }
        return {c > 0x10ffff ? -1 : c, semi - i + 1};
    }
    for (const auto& [name, c] : named) {
        if (body == name) return {c, semi - i + 1};
    }
    return {-1, 0};
}

// Text folded for matching: simple case folding, white space runs as one
// space, and (in HTML) character references decoded. fold_each calls
// emit(c, begin, end) for every code point of the folded text (a space for a
// run of white space, at the next character) with the original bytes
// [begin, end) it comes from; the text is built once and only a match is
// mapped back (no offset tables of eight times the text's size).
template <typename Emit>
void fold_each(std::string_view text, bool html, Emit&& emit) {
    bool space = false;
    bool any = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        UChar32 c = static_cast<unsigned char>(text[i]);
        if (c < 0x80 && c != '&') {
            // ASCII: ICU's White_Space and simple case folding, without ICU.
            ++i;
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                space = true;
                continue;
            }
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        } else {
            c = -1;
            if (html && text[i] == '&') {
                const auto [ref, length] = char_ref(text, i);
                if (length > 0) {
                    c = ref;
                    i += length;
                }
            }
            if (c < 0) {
                const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
                const auto n = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
                auto pos = static_cast<std::int32_t>(i);
                U8_NEXT(s, pos, n, c);
                i = static_cast<std::size_t>(pos);
                if (c < 0) continue;
            }
            if (u_isUWhiteSpace(c) || c == 0xa0) {
                space = true;
                continue;
            }
            c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        }
        if (space && any) emit(UChar32{' '}, at, at);
        space = false;
        any = true;
        emit(c, at, i);
    }
}

std::string fold(std::string_view text, bool html) {
    std::string out;
    out.reserve(text.size());
    fold_each(text, html, [&](UChar32 c, std::size_t, std::size_t) {
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            return;
        }
        char buffer[4];
        std::int32_t length = 0;
        U8_APPEND_UNSAFE(buffer, length, c);
        out.append(buffer, static_cast<std::size_t>(length));
    });
    return out;
}

// The original bytes of folded bytes [begin, end) (end > begin).
Span unfold(std::string_view text, bool html, std::size_t begin, std::size_t end) {
    Span out;
    std::size_t folded = 0;
    fold_each(text, html, [&](UChar32 c, std::size_t from, std::size_t to) {
        const std::size_t next = folded + static_cast<std::size_t>(U8_LENGTH(c));
        if (folded <= begin && begin < next) out.begin = from;
        if (folded < end && end <= next) out.end = to;
        folded = next;
    });
    return out;
}

// cpp/data/unsubscribe_words.txt, folded like the text it is matched in.
const std::vector<std::string>& vocabulary() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> out;
        for (const std::string& line : core::data_lines("unsubscribe_words.txt")) {
            std::string word = fold(line, false);
            if (!word.empty()) out.push_back(std::move(word));
        }
        return out;
    }();
    return words;
}

// Where the vocabulary's first word (in file order) that occurs in `folded`
// first occurs, and which word it is: what searching the text for each word
// in turn finds, in one pass. At each byte, only words starting with the
// two bytes there are compared, and only those listed before the best
// word found so far.
struct VocabularyHit {
    std::size_t word = std::string::npos;
    std::size_t at = std::string::npos;
};

class VocabularyIndex {
public:
    explicit VocabularyIndex(const std::vector<std::string>& words) : words_(words) {
        for (std::size_t w = 0; w < words.size(); ++w) {
            const auto first = static_cast<unsigned char>(words[w][0]);
            by_first_byte_[first].push_back(w);
            if (words[w].size() == 1) {
                short_words_.set(first);
            } else {
                bigrams_.set(bigram(words[w], 0));
            }
        }
    }

    [[nodiscard]] VocabularyHit first_in(std::string_view folded) const {
        // The first word wins wherever it is, and most mail that names
        // unsubscribing says "unsubscribe": a plain search finds it first.
        if (words_.empty()) return {};
        if (const std::size_t at = folded.find(words_.front()); at != std::string_view::npos) return {0, at};
        VocabularyHit best;
        for (std::size_t i = 0; i < folded.size() && best.word != 0; ++i) {
            const auto first = static_cast<unsigned char>(folded[i]);
            const bool candidates =
                short_words_.test(first) || (i + 1 < folded.size() && bigrams_.test(bigram(folded, i)));
            if (!candidates) continue;
            for (const std::size_t w : by_first_byte_[first]) {
                if (w >= best.word) break;  // in file order: the rest cannot come first
                if (folded.compare(i, words_[w].size(), words_[w]) == 0) {
                    best = {w, i};
                    break;
                }
            }
        }
        return best;
    }

private:
    static std::size_t bigram(std::string_view text, std::size_t i) noexcept {
        return static_cast<std::size_t>(static_cast<unsigned char>(text[i])) << 8 |
               static_cast<unsigned char>(text[i + 1]);
    }

    const std::vector<std::string>& words_;
    std::array<std::vector<std::size_t>, 256> by_first_byte_;
    std::bitset<256> short_words_;
    std::bitset<65536> bigrams_;
};

const VocabularyIndex& vocabulary_index() {
    static const VocabularyIndex index(vocabulary());
    return index;
}

// Fields that transactional streams carry too (an ESP's feedback and event
// ids), or whose absence the UNSUB rules judge, are no evidence here.
bool neutral(std::string_view name) {
    return name == "List-Unsubscribe" || name == "List-Unsubscribe-Post" || name == "Feedback-ID" ||
           core::istarts_with(name, "X-SG-EID") || core::istarts_with(name, "X-Mailgun-Tag");
}

// Fields mailing-list software adds when it re-sends a post: Mailman,
// ezmlm, Yahoo Groups, SmartList.
constexpr std::string_view list_software_fields[] = {"X-Mailman-Version", "X-BeenThere", "Mailing-List",
                                                     "X-Mailing-List"};

// A Sender that is a list's administrative address (majordomo, Mailman,
// ecartis: owner-x, x-owner, x-admin, x-bounces, x-request), or that is on
// another organisational domain than From on Precedence: bulk or list mail
// (LISTSERV and small list servers re-sending posts on the author's behalf).
bool resent_by_list_agent(const analysis::Message& msg) {
    const mime::HeaderField* sender = msg.first_field("Sender");
    if (!sender) return false;
    const auto boxes = msg.addresses(*sender).mailboxes();
    if (boxes.size() != 1) return false;
    const std::string local = core::to_lower(boxes.front()->local_part);
    for (std::string_view suffix : {"-owner", "-admin", "-bounce", "-bounces", "-request"}) {
        if (local.ends_with(suffix)) return true;
    }
    if (local.starts_with("owner-")) return true;
    const mime::HeaderField* precedence = msg.first_field("Precedence");
    const std::string level = precedence ? core::to_lower(msg.unfolded_value(*precedence)) : std::string();
    const Identities& ids = identities(msg);
    return (level == "bulk" || level == "list") && ids.from &&
           !aligned(ids.from->domain, core::to_lower(boxes.front()->domain), false);
}

// The shared header evidence (analysis/bulk.hpp), judged for unsubscribe.
// ESPs tag transactional sends with campaign fields too (issue 23): on a
// message whose content reads as transactional they make it no bulk mail.
void header_signals(const analysis::Message& msg, BulkAssessment& out) {
    const bool transactional = analysis::category_model(msg).category == analysis::ContentCategory::transactional;
    for (const analysis::BulkSignal& s : analysis::bulk_signals(msg).signals) {
        if (s.campaign && transactional) continue;
        if (s.name == "List-Post") {
            // "List-Post: NO" (RFC 2369 3.4) marks an announcement list.
            const std::string value = core::to_lower(msg.unfolded_value(*msg.first_field("List-Post")));
            out.mailing_list = out.mailing_list || (!value.empty() && !core::istarts_with(value, "no"));
        } else if (!neutral(s.name)) {
            out.signals.push_back({s.name, s.span, "", s.name != "Precedence: list"});
        }
    }
    for (std::string_view name : list_software_fields) out.mailing_list = out.mailing_list || msg.first_field(name);
    out.mailing_list = out.mailing_list || resent_by_list_agent(msg);
}

// The content classifier (analysis/category.hpp): content that reads as
// promotional is promotional mail whatever its headers say.
void content_signals(const analysis::Message& msg, BulkAssessment& out) {
    const analysis::Signal* evidence = analysis::promotional_evidence(msg);
    if (evidence == nullptr) return;
    const std::string part = evidence->header ? std::string() : msg.part_at(evidence->raw.begin);
    out.signals.push_back({"promotional content (" + std::string(analysis::kind_info(evidence->kind).name) + " \"" +
                               evidence->detail + "\")",
                           evidence->raw, part, true});
}

// Each provider adds what it sees; see the header comment.
using SignalProvider = void (*)(const analysis::Message&, BulkAssessment&);
constexpr SignalProvider providers[] = {header_signals, content_signals};

}  // namespace

const BulkSignal* BulkAssessment::first_promotional() const noexcept {
    if (mailing_list) return nullptr;
    for (const BulkSignal& s : signals) {
        if (s.promotional) return &s;
    }
    return nullptr;
}

const BulkAssessment& bulk_assessment(const analysis::Message& msg) {
    return msg.memo<BulkAssessment>(0, [&] {
        BulkAssessment out;
        for (SignalProvider provider : providers) provider(msg, out);
        return out;
    });
}

const UnsubscribeMention& unsubscribe_mention(const analysis::Message& msg) {
    return msg.memo<UnsubscribeMention>(0, [&] {
        UnsubscribeMention out;
        const auto& entities = msg.entities();
        for (std::size_t e = 0; e < entities.size() && out.entity < 0; ++e) {
            const int index = static_cast<int>(e);
            const mime::Entity& entity = entities[e];
            const bool html = entity.media_type == "text/html";
            if (entity.kind != mime::EntityKind::leaf || (!html && entity.media_type != "text/plain") ||
                msg.is_attachment(index))
                continue;
            const std::string_view text = msg.body_text(index).view();
            const std::string folded = fold(text, html);
            const VocabularyHit hit = vocabulary_index().first_in(folded);
            if (hit.word == std::string::npos) continue;
            out.entity = index;
            out.text = unfold(text, html, hit.at, hit.at + vocabulary()[hit.word].size());
        }
        return out;
    });
}

}  // namespace inboxlint::auth
