// The inboxlint command, callable in-process: the executable and the Python
// package's script both run this.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace inboxlint::cli {

// `args` excludes the program name. Returns the exit status: 0 clean, 1
// findings at or above --fail-on, 2 usage or I/O error.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace inboxlint::cli
