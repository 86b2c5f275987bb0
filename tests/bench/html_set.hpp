// The HTML-heavy message set of the benchmarks: the generated/ messages with
// an HTML part (MJML output built by nodemailer) and the email-html templates
// (Postmark, Cerberus), each wrapped in a multipart/alternative message the
// way an ESP would send it (quoted-printable, with its text version when
// there is one).
#pragma once

#include <string>
#include <vector>

#include "bench_util.hpp"

namespace inboxlint::bench {

// Quoted-printable with soft breaks before 76 columns (RFC 2045 6.7).
inline std::string quoted_printable(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 11 / 10 + 16);
    std::size_t column = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += "\r\n";
            column = 0;
            continue;
        }
        if (c == '\r') continue;
        const bool plain = (c >= 33 && c <= 126 && c != '=') ||
                           (c == ' ' && i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r');
        const std::size_t width = plain ? 1 : 3;
        if (column + width > 75) {
            out += "=\r\n";
            column = 0;
        }
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '=';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
        column += width;
    }
    return out;
}

inline std::string wrap_template(const std::string& html, const std::string& text, const std::string& name) {
    std::string m =
        "From: Example Shop <hello@shop.example.com>\r\n"
        "To: customer@example.org\r\n"
        "Subject: " + name + "\r\n"
        "Date: Tue, 1 Apr 2025 10:00:00 +0000\r\n"
        "Message-ID: <" + std::to_string(std::hash<std::string>{}(name)) + "@shop.example.com>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/alternative; boundary=\"=_alt\"\r\n\r\n";
    if (!text.empty()) {
        m += "--=_alt\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
        m += quoted_printable(text);
        m += "\r\n";
    }
    m += "--=_alt\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    m += quoted_printable(html);
    m += "\r\n--=_alt--\r\n";
    return m;
}

inline std::vector<std::string> html_heavy_messages() {
    std::vector<std::string> out;
    for (const auto& path : files_under(shared_testdata() / "generated", ".eml")) {
        std::string m = read_file(path);
        if (m.find("text/html") != std::string::npos) out.push_back(std::move(m));
    }
    for (const auto& path : files_under(shared_testdata() / "email-html", ".html")) {
        std::filesystem::path txt = path;
        txt.replace_extension(".txt");
        const std::string text = std::filesystem::exists(txt) ? read_file(txt) : std::string();
        out.push_back(wrap_template(read_file(path), text, path.parent_path().filename().string()));
    }
    return out;
}

}  // namespace inboxlint::bench
