// What the command lints: files, directories (recursively, in name order),
// mbox files (split into messages) and standard input.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace inboxlint::cli {

struct Input {
    std::string name;  // the path, "path[3]" for the third message of an mbox, "<stdin>"
    std::string bytes;
};

// Byte ranges of the messages in an mbox: each starts at a "From " line that
// begins the data or follows a blank line. Data that is one message (even
// with a "From " line first) gives one range.
std::vector<std::pair<std::size_t, std::size_t>> split_mbox(std::string_view data);

// Files a directory walk left out because their content is not mail.
struct SkippedFiles {
    std::string directory;  // as named on the command line
    std::size_t count = 0;
};

// What of the inputs was not linted.
struct InputTally {
    std::size_t unreadable = 0;  // paths, files or directories that could not be read
    std::vector<SkippedFiles> skipped;  // directories where some files were skipped
};

// Visits every message of every path in order. Unreadable paths are reported
// on `err` as they come. Files in directories are skipped when their name or
// first bytes show they are not mail (keys, certificates, binary data);
// files named in `paths` are always linted.
InputTally for_each_input(const std::vector<std::string>& paths, std::istream& in, std::ostream& err,
                          const std::function<void(Input&&)>& visit);

}  // namespace inboxlint::cli
