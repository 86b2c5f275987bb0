// The rule corpus: corpus/**/<scenario>.eml, each with <scenario>.expect
// beside it. An .expect file holds one expectation per line:
//
//   FROM001                  FROM001 must be reported
//   FROM001 3:7              ... at line 3, column 7 (of raw.begin)
//   FROM001 3:7 "a@b"        ... and its raw range must be exactly these bytes
//                            (\r \n \t \\ \" escapes; CR is ignored when comparing)
//   -MSG003                  MSG003 must not be reported
//   -*                       nothing else may be reported
//   %lineendings as-is       do not also run the message with converted line breaks
//   %limit max_parts=5       lint with this limit
//   %option MSG005.require_crlf=true
//   %dkim-key s1._domainkey.example.com v=DKIM1; k=rsa; p=...   a DKIM key (Config.dkim_keys)
//   %dns NAME.zone           DNS records from this zone file beside the message (Config.dns)
//   %envelope client_ip=192.0.2.1 helo=mail.example.com mail_from=bounce@example.com
//   # comment
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "inboxlint/config.hpp"

namespace inboxlint::testing {

struct Expectation {
    std::string rule;
    bool negative = false;
    std::optional<std::size_t> line;
    std::optional<std::size_t> column;
    std::optional<std::string> text;
    int source_line = 0;
};

struct CorpusCase {
    std::filesystem::path message;
    std::vector<Expectation> expectations;
    bool nothing_else = false;
    bool convert_line_endings = true;
    Config config;
};

// Throws std::runtime_error with the file and line on a malformed .expect.
CorpusCase load_case(const std::filesystem::path& eml);
std::vector<std::filesystem::path> corpus_messages();

}  // namespace inboxlint::testing
