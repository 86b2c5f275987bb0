// Locating test material: the corpus in this repository and the shared test
// data beside it (../shared/testdata from the repository root), which tests
// read in place and skip without when it is absent.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace inboxlint::testing {

inline std::filesystem::path source_dir() { return INBOXLINT_SOURCE_DIR; }
inline std::filesystem::path corpus_dir() { return source_dir() / "corpus"; }
inline std::filesystem::path shared_testdata() {
    return std::filesystem::weakly_canonical(source_dir() / ".." / "shared" / "testdata");
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace inboxlint::testing

// Skips the current test when the shared test data folder is missing, or
// fails it when INBOXLINT_REQUIRE_TESTDATA is set in the environment (CI
// sets it: there a missing folder is a broken checkout, not a reason to skip).
#define INBOXLINT_REQUIRE_TESTDATA(sub)                                                               \
    do {                                                                                              \
        const std::filesystem::path inboxlint_wanted = ::inboxlint::testing::shared_testdata() / (sub); \
        if (!std::filesystem::exists(inboxlint_wanted)) {                                             \
            if (std::getenv("INBOXLINT_REQUIRE_TESTDATA") != nullptr)                                 \
                FAIL() << "shared test data not found: " << inboxlint_wanted.string();                \
            GTEST_SKIP() << "shared test data not found: " << inboxlint_wanted.string();              \
        }                                                                                             \
    } while (false)
