// Data files (cpp/data/*.txt: vocabularies, domain lists) embedded in the
// library at build time, so linting needs no files at run time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inboxlint::core {

struct DataFile {
    std::string_view name;  // "freemail_domains.txt"
    std::string_view text;
};

const std::vector<DataFile>& data_files();

// The text of a data file; empty if there is none of that name.
std::string_view data_file(std::string_view name) noexcept;

// The file's entries: one per line, trimmed, without blank lines and
// "#" comments (a "#" at the start of a line or after white space).
std::vector<std::string> data_lines(std::string_view name);

}  // namespace inboxlint::core
