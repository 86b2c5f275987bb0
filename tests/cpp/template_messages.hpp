// The email-html templates (../shared/testdata/email-html) as messages, for
// the tests that lint them: each template wrapped as the only HTML body,
// quoted-printable or 8bit.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "testdata.hpp"

namespace inboxlint::testing {

// Quoted-printable as a mail library writes it: CRLF line breaks, soft breaks
// before 76 characters, white space before a break encoded.
inline std::string quoted_printable(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    std::size_t line = 0;
    auto put = [&](const std::string& piece) {
        if (line + piece.size() > 75) {
            out += "=\r\n";
            line = 0;
        }
        out += piece;
        line += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += "\r\n";
            line = 0;
            continue;
        }
        if (c == '\r') continue;
        const bool before_break = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
        if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !before_break)) {
            put(std::string(1, static_cast<char>(c)));
        } else {
            put(std::string{'=', hex[c >> 4], hex[c & 15]});
        }
    }
    return out;
}

// `html` as the only body of a message, quoted-printable or 8bit.
inline std::string wrap(const std::string& html, bool qp) {
    return "From: Example <hello@example.com>\r\nTo: r@example.org\r\nSubject: Template\r\n"
           "Date: Tue, 03 Mar 2026 08:00:00 +0000\r\nMessage-ID: <t@example.com>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: " +
           std::string(qp ? "quoted-printable" : "8bit") + "\r\n\r\n" + (qp ? quoted_printable(html) : html);
}

// The .html files under a folder of the shared test data, sorted.
inline std::vector<std::filesystem::path> templates(const std::string& sub) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(shared_testdata() / sub)) {
        if (entry.path().extension() == ".html") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace inboxlint::testing
