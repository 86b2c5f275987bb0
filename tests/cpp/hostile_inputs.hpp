// Hostile messages of a chosen size, shared by the linear-time tests
// (tests/cpp/linear_time_test.cpp) and the benchmark that reports the same
// inputs at full size (tests/bench/bench_hostile.cpp). Each generator takes a
// scale `n` (the number of repeated units) and returns the raw message; the
// size grows linearly with n, so time(4n) / time(n) near 4 is linear.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "inboxlint/config.hpp"

namespace inboxlint::hostile {

inline std::string header_block(std::string_view extra_headers = {}) {
    std::string h =
        "From: Sender <sender@example.com>\r\n"
        "To: rcpt@example.org\r\n"
        "Date: Tue, 1 Apr 2025 10:00:00 +0000\r\n"
        "Message-ID: <hostile@example.com>\r\n"
        "MIME-Version: 1.0\r\n";
    h += extra_headers;
    return h;
}

// One Subject field folded over n lines of about 70 bytes.
inline std::string folded_header(std::size_t n) {
    std::string m = header_block();
    m.reserve(m.size() + n * 72 + 64);
    m += "Subject: start";
    for (std::size_t i = 0; i < n; ++i) m += "\r\n lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eius";
    m += "\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
    return m;
}

// A multipart/mixed with n tiny text parts.
inline std::string many_parts(std::size_t n) {
    std::string m = header_block("Subject: parts\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n");
    m += "\r\n";
    m.reserve(m.size() + n * 48 + 16);
    for (std::size_t i = 0; i < n; ++i) m += "--b\r\nContent-Type: text/plain\r\n\r\npart\r\n";
    m += "--b--\r\n";
    return m;
}

inline std::string html_message(std::string_view html) {
    std::string m = header_block("Subject: html\r\nContent-Type: text/html; charset=utf-8\r\n");
    m += "\r\n";
    m += html;
    m += "\r\n";
    return m;
}

// n nested elements; lines kept short so no line-length rule dominates.
inline std::string nested_html(std::size_t n) {
    std::string html = "<html><body>";
    html.reserve(n * 12 + 64);
    for (std::size_t i = 0; i < n; ++i) html += (i % 8 == 7) ? "<div>x\r\n" : "<div>";
    for (std::size_t i = 0; i < n; ++i) html += (i % 8 == 7) ? "</div>\r\n" : "</div>";
    html += "</body></html>";
    return html_message(html);
}

// n attributes on one element (folded over lines of 8 attributes).
inline std::string many_attributes(std::size_t n) {
    std::string html = "<html><body><p";
    html.reserve(n * 12 + 64);
    for (std::size_t i = 0; i < n; ++i) {
        html += " a" + std::to_string(i) + "=v";
        if (i % 8 == 7) html += "\r\n";
    }
    html += ">text</p></body></html>";
    return html_message(html);
}

// n attributes spread over elements of 4 each, with style attributes the
// cascade has to parse.
inline std::string many_attributes_spread(std::size_t n) {
    std::string html = "<html><body>";
    html.reserve(n * 16 + 64);
    for (std::size_t i = 0; i < n; i += 4) html += "<span class=c id=i title=t style=\"color:red\">w</span>\r\n";
    html += "</body></html>";
    return html_message(html);
}

// A text/plain body of n * 64 bytes on one line, without a line break.
inline std::string long_line(std::size_t n) {
    std::string m = header_block("Subject: line\r\nContent-Type: text/plain; charset=utf-8\r\n");
    m += "\r\n";
    m.reserve(m.size() + n * 64);
    for (std::size_t i = 0; i < n; ++i) m += "lorem ipsum dolor sit amet https://example.com/x consectetur adip ";
    return m;
}

// The same long line as the only content of an HTML part.
inline std::string long_html_line(std::size_t n) {
    std::string html;
    html.reserve(n * 64);
    for (std::size_t i = 0; i < n; ++i) html += "<b>lorem</b> ipsum <a href=\"https://example.com/x\">dolor</a> sit ";
    return html_message(html);
}

// n addresses in one To field.
inline std::string many_addresses(std::size_t n) {
    std::string to = "To: ";
    to.reserve(n * 40 + 8);
    for (std::size_t i = 0; i < n; ++i) {
        if (i) to += ",\r\n ";
        to += "\"Person " + std::to_string(i) + "\" <p" + std::to_string(i) + "@example.org>";
    }
    std::string m =
        "From: Sender <sender@example.com>\r\n"
        "Date: Tue, 1 Apr 2025 10:00:00 +0000\r\n"
        "Message-ID: <hostile@example.com>\r\n"
        "Subject: many\r\n";
    m += to;
    m += "\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
    return m;
}

// A <style> block of n rules (about 60 bytes each) over a small document.
inline std::string css_block(std::size_t n) {
    std::string html = "<html><head><style>\r\n";
    html.reserve(n * 64 + 256);
    for (std::size_t i = 0; i < n; ++i)
        html += ".c" + std::to_string(i) + " td > p { color: #333; display: none; font-size: 1px }\r\n";
    html += "</style></head><body><table><tr><td><p class=c1>text</p></td></tr></table></body></html>";
    return html_message(html);
}

// n nested blocks and functions in one <style>: a parser that recurses would
// run out of stack.
inline std::string css_nesting(std::size_t n) {
    std::string html = "<html><head><style>@media screen {";
    html.reserve(n * 4 + 256);
    for (std::size_t i = 0; i < n; ++i) html += (i % 2 == 0) ? "{(" : "[:";
    html += "</style></head><body><p style=\"";
    for (std::size_t i = 0; i < n / 4; ++i) html += "f(";
    html += "\">text</p></body></html>";
    return html_message(html);
}

// n RFC 2047 encoded words in a Subject (folded every 4 words).
inline std::string encoded_words(std::size_t n) {
    std::string m = header_block();
    m.reserve(m.size() + n * 24 + 64);
    m += "Subject:";
    for (std::size_t i = 0; i < n; ++i) m += (i % 4 == 3) ? "\r\n =?utf-8?q?caf=C3=A9?=" : " =?utf-8?b?w6k=?=";
    m += "\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
    return m;
}

// n header fields (more than the default field limit when n is large).
inline std::string many_fields(std::size_t n) {
    std::string m = header_block("Subject: fields\r\n");
    m.reserve(m.size() + n * 24 + 64);
    for (std::size_t i = 0; i < n; ++i) m += "X-F" + std::to_string(i % 1000) + ": value\r\n";
    m += "\r\nbody\r\n";
    return m;
}

// n links in an HTML part, every one showing a different domain than its target.
inline std::string many_links(std::size_t n) {
    std::string html = "<html><body>";
    html.reserve(n * 96 + 64);
    for (std::size_t i = 0; i < n; ++i)
        html += "<a href=\"https://t" + std::to_string(i % 97) + ".example.net/c?u=https%3A%2F%2Fshop.example\">"
                "www.bank" + std::to_string(i % 89) + ".example</a>\r\n";
    html += "</body></html>";
    return html_message(html);
}

// n rules with a tag selector and n elements they all match: the cascade's
// matching budget, not n * n, bounds the work.
inline std::string css_rules_times_elements(std::size_t n) {
    std::string html = "<html><head><style>\r\n";
    html.reserve(n * 48 + 256);
    for (std::size_t i = 0; i < n; ++i) html += "body p { color: #" + std::to_string(100 + i % 800) + " }\r\n";
    html += "</style></head><body>\r\n";
    for (std::size_t i = 0; i < n; ++i) html += "<p>paragraph</p>\r\n";
    html += "</body></html>";
    return html_message(html);
}

// n DKIM-Signature fields over a body of n lines: each signature's body hash
// must not cost a pass over the body of its own.
inline std::string dkim_signatures(std::size_t n) {
    std::string m;
    m.reserve(n * 300 + 256);
    for (std::size_t i = 0; i < n; ++i) {
        m += "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=s" + std::to_string(i % 7) +
             ";\r\n h=from:to:subject:date; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
             " b=dGVzdA==\r\n";
    }
    m += header_block("Subject: signed\r\nContent-Type: text/plain\r\n");
    m += "\r\n";
    for (std::size_t i = 0; i < n; ++i) m += "A line of the body that every signature covers, with  spaces .\r\n";
    return m;
}

// A header of n * 64 bytes on one line, and nothing after it.
inline std::string header_line(std::size_t n) {
    std::string m = header_block();
    m.reserve(m.size() + n * 64 + 16);
    m += "Subject: ";
    for (std::size_t i = 0; i < n; ++i) m += "lorem ipsum dolor sit amet =?utf-8?q?x?= consectetur adipisci ";
    return m;
}

// Multiparts nested n deep (beyond the default depth limit for large n).
inline std::string nested_multipart(std::size_t n) {
    std::string m = header_block("Subject: deep\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n");
    m.reserve(m.size() + n * 96 + 64);
    for (std::size_t i = 0; i < n; ++i)
        m += "\r\n--b" + std::to_string(i) + "\r\nContent-Type: multipart/mixed; boundary=\"b" +
             std::to_string(i + 1) + "\"\r\n";
    m += "\r\n--b" + std::to_string(n) + "\r\nContent-Type: text/plain\r\n\r\ndeep\r\n";
    for (std::size_t i = n + 1; i-- > 0;) m += "--b" + std::to_string(i) + "--\r\n";
    return m;
}

struct Case {
    const char* name;
    std::function<std::string(std::size_t)> make;
    std::size_t full;  // n for the figure the issue asks for (10 MB, 100,000 parts, ...)
};

// The inputs, with the scale that gives the size named in the issue.
inline std::vector<Case> cases() {
    return {
        {"folded_header_10MB", folded_header, 10'000'000 / 71},
        {"mime_parts_100k", many_parts, 100'000},
        {"nested_html_100k", nested_html, 100'000},
        {"attributes_1M_one_element", many_attributes, 1'000'000},
        {"attributes_1M_spread", many_attributes_spread, 1'000'000},
        {"line_10MB_text", long_line, 10'000'000 / 64},
        {"line_10MB_html", long_html_line, 10'000'000 / 64},
        {"addresses_100k", many_addresses, 100'000},
        {"css_block_1MB", css_block, 1'000'000 / 60},
        {"css_nesting_1MB", css_nesting, 1'000'000 * 2 / 5},
        {"encoded_words_1MB", encoded_words, 1'000'000 / 18},
        {"header_fields_100k", many_fields, 100'000},
        {"links_10k", many_links, 10'000},
        {"css_rules_x_elements_10k", css_rules_times_elements, 10'000},
        {"dkim_signatures_10k", dkim_signatures, 10'000},
        {"header_line_10MB", header_line, 10'000'000 / 62},
        {"nested_multipart_10k", nested_multipart, 10'000},
    };
}

// Limits large enough that the algorithms, not the limits, are measured.
inline Limits generous_limits() {
    Limits l;
    l.max_message_size = 256u << 20;
    l.max_header_fields = 1u << 22;
    l.max_parts = 1u << 22;
    // max_depth stays: every part's path ("1.1.1...") is as long as its
    // depth, so n nested parts are O(n * depth) by the report's own format.
    l.max_decoded_size = 1u << 30;
    l.max_html_nodes = 1u << 24;
    return l;
}

}  // namespace inboxlint::hostile
