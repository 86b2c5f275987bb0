// The reply and forward prefixes mail clients write in front of a subject,
// in the languages they are localised to (mostly Outlook's localisations),
// as collected in Wikipedia's "List of email subject abbreviations". A table
// in code rather than a data file: it is small, and the library must work
// without files beside it.
#include <unicode/uchar.h>

#include <array>

#include "core/utf8.hpp"
#include "rules/subj/subject_text.hpp"

namespace inboxlint::checks::subj {
namespace {

struct Prefix {
    std::u32string_view text;  // as the client writes it; compared case-insensitively
    PrefixKind kind;
    std::string_view language;
};

constexpr auto reply = PrefixKind::reply;
constexpr auto forward = PrefixKind::forward;

constexpr std::array<Prefix, 59> prefixes{{
    {U"Re", reply, "English, Latin; most clients"},
    {U"Fwd", forward, "English"},
    {U"Fw", forward, "English (Outlook)"},
    {U"Aw", reply, "German (Antwort)"},
    {U"Wg", forward, "German (Weitergeleitet)"},
    {U"Antw", reply, "Dutch (Antwoord)"},
    {U"Doorst", forward, "Dutch (Doorsturen)"},
    {U"Sv", reply, "Danish, Norwegian, Swedish, Icelandic (Svar)"},
    {U"Vs", reply, "Finnish (Vastaus); Danish and Norwegian forward (Videresendt)"},
    {U"Vl", forward, "Finnish (Välitetty)"},
    {U"Vb", forward, "Swedish (Vidarebefordrat)"},
    {U"Fs", forward, "Icelandic (Framsent)"},
    {U"Ref", reply, "French (Référence)"},
    {U"Tr", forward, "French (Transféré)"},
    {U"Rv", forward, "Spanish (Reenviado)"},
    {U"Res", reply, "Portuguese (Resposta)"},
    {U"Enc", forward, "Portuguese (Encaminhado)"},
    {U"R", reply, "Italian (Risposta)"},
    {U"Rif", reply, "Italian (Riferimento)"},
    {U"I", forward, "Italian (Inoltrato)"},
    {U"Odp", reply, "Polish (Odpowiedź), Czech (Odpověď)"},
    {U"Pd", forward, "Polish (Prześlij dalej)"},
    {U"P\u0158", forward, "Czech (Předat)"},
    {U"V\u00E1", reply, "Hungarian (Válasz)"},
    {U"Tov\u00E1bb\u00EDt\u00E1s", forward, "Hungarian (Továbbítás)"},
    {U"Ynt", reply, "Turkish (Yanıt)"},
    {U"\u0130lt", forward, "Turkish (İletildi)"},
    {U"Atb", reply, "Latvian (Atbilde), Welsh (Ateb)"},
    {U"P\u0101rs", forward, "Latvian (Pārsūtīts)"},
    {U"Ats", reply, "Lithuanian (Atsakymas)"},
    {U"Pers", forward, "Lithuanian (Persiųsta)"},
    {U"Yml", forward, "Welsh (Ymlaen)"},
    {U"Bls", reply, "Indonesian (Balas)"},
    {U"Trs", forward, "Indonesian (Terusan)"},
    {U"Vast", reply, "Estonian (Vastus)"},
    {U"Edasi", forward, "Estonian (Edasi saadetud)"},
    {U"\u0391\u03A0", reply, "Greek (Απάντηση)"},
    {U"\u03A3\u03A7\u0395\u03A4", reply, "Greek (Σχετικό)"},
    {U"\u03A0\u03A1\u0398", forward, "Greek (Προωθημένο)"},
    {U"\u041E\u0442\u0432\u0435\u0442", reply, "Russian (Ответ)"},
    {U"\u041E\u0442\u0432", reply, "Russian (Отв)"},
    {U"\u041F\u0435\u0440\u0435\u0441\u043B", forward, "Russian, Ukrainian (Пересл)"},
    {U"\u0412\u0456\u0434\u043F", reply, "Ukrainian (Відп)"},
    {U"\u041E\u0434\u0433", reply, "Serbian (Одг)"},
    {U"Odg", reply, "Serbian, Croatian, Slovenian (Odgovor)"},
    {U"\u05D4\u05E9\u05D1", reply, "Hebrew (השב)"},
    {U"\u05EA\u05E9\u05D5\u05D1\u05D4", reply, "Hebrew (תשובה)"},
    {U"\u05D4\u05D5\u05E2\u05D1\u05E8", forward, "Hebrew (הועבר)"},
    {U"\u0631\u062F", reply, "Arabic (رد)"},
    {U"\u0625\u0639\u0627\u062F\u0629 \u062A\u0648\u062C\u064A\u0647", forward, "Arabic (إعادة توجيه)"},
    {U"\u56DE\u590D", reply, "Simplified Chinese (回复)"},
    {U"\u7B54\u590D", reply, "Simplified Chinese (答复)"},
    {U"\u8F6C\u53D1", forward, "Simplified Chinese (转发)"},
    {U"\u56DE\u8986", reply, "Traditional Chinese (回覆)"},
    {U"\u7B54\u8986", reply, "Traditional Chinese (答覆)"},
    {U"\u8F49\u5BC4", forward, "Traditional Chinese (轉寄)"},
    {U"\u8F49\u767C", forward, "Traditional Chinese (轉發)"},
    {U"\uD68C\uC2E0", reply, "Korean (회신)"},
    {U"\uC804\uB2EC", forward, "Korean (전달)"},
}};

struct Cursor {
    std::vector<CodePoint> cps;
    std::size_t i = 0;
    [[nodiscard]] bool at_end() const noexcept { return i >= cps.size(); }
    [[nodiscard]] char32_t peek(std::size_t ahead = 0) const noexcept {
        return i + ahead < cps.size() ? cps[i + ahead].value : 0;
    }
};

bool is_blank(char32_t c) noexcept { return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000; }
bool is_colon(char32_t c) noexcept { return c == U':' || c == 0xFF1A; }

bool same_folded(char32_t a, char32_t b) noexcept {
    return u_foldCase(static_cast<UChar32>(a), U_FOLD_CASE_DEFAULT) ==
           u_foldCase(static_cast<UChar32>(b), U_FOLD_CASE_DEFAULT);
}

// After the word: an optional counter ("[2]", "(2)", "^2"), optional blanks
// (French clients write "RE :"), then the colon. Returns the index after it.
std::size_t after_colon(const Cursor& c, std::size_t i) {
    const auto at = [&](std::size_t k) { return k < c.cps.size() ? c.cps[k].value : char32_t{0}; };
    if (at(i) == U'[' || at(i) == U'(' || at(i) == U'^') {
        const char32_t close = at(i) == U'[' ? U']' : at(i) == U'(' ? U')' : 0;
        std::size_t k = i + 1;
        while (at(k) >= U'0' && at(k) <= U'9') ++k;
        if (k > i + 1 && (close == 0 || at(k) == close)) i = close == 0 ? k : k + 1;
    }
    while (is_blank(at(i))) ++i;
    return is_colon(at(i)) ? i + 1 : 0;
}

// The prefix word at the cursor, matched against the table; the index after
// its colon, or 0.
std::size_t match_prefix(const Cursor& c, PrefixKind& kind) {
    for (const Prefix& p : prefixes) {
        std::size_t k = 0;
        while (k < p.text.size() && same_folded(c.peek(k), p.text[k])) ++k;
        if (k != p.text.size()) continue;
        // The word must end here: "Rebate:" is no "Re:".
        if (u_isalnum(static_cast<UChar32>(c.peek(k)))) continue;
        const std::size_t end = after_colon(c, c.i + k);
        if (end == 0) continue;
        kind = p.kind;
        return end;
    }
    return 0;
}

}  // namespace

std::vector<SubjectPrefix> leading_prefixes(std::string_view subject) {
    std::vector<SubjectPrefix> out;
    Cursor c{code_points(subject)};
    const auto offset = [&](std::size_t k) { return k < c.cps.size() ? c.cps[k].begin : subject.size(); };
    while (true) {
        while (!c.at_end() && is_blank(c.peek())) ++c.i;
        if (c.at_end()) break;
        if (c.peek() == U'[') {
            std::size_t k = c.i + 1;
            while (k < c.cps.size() && c.cps[k].value != U']' && c.cps[k].value != U'[' && k - c.i < 64) ++k;
            if (k >= c.cps.size() || c.cps[k].value != U']') break;
            out.push_back({{offset(c.i), offset(k + 1)}, PrefixKind::list_tag});
            c.i = k + 1;
            continue;
        }
        PrefixKind kind = PrefixKind::reply;
        const std::size_t end = match_prefix(c, kind);
        if (end == 0) break;
        out.push_back({{offset(c.i), offset(end)}, kind});
        c.i = end;
    }
    return out;
}

}  // namespace inboxlint::checks::subj
