// Replays inputs through the fuzz targets without libFuzzer, so that every
// input that ever failed (tests/fuzz/regressions/<target>/) is a test in
// every build, with or without sanitizers.
//
//   inboxlint_fuzz_replay DIR            every DIR/<target>/* through <target>
//   inboxlint_fuzz_replay TARGET FILE... the files through one target
//
// A failing input traps or is caught by a sanitizer; the name of the input
// being run is printed first, so the test log names it. Exits non-zero when
// a directory names no known target (a typo would otherwise skip its inputs).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "replay_table.hpp"

namespace {

namespace fs = std::filesystem;
using inboxlint::fuzz::Target;
using inboxlint::fuzz::targets;

const Target* find_target(const std::string& name) {
    for (const Target* t = targets; t->name != nullptr; ++t)
        if (name == t->name) return t;
    return nullptr;
}

void replay(const Target& target, const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s %s (%zu bytes)\n", target.name, file.filename().c_str(), bytes.size());
    std::fflush(stderr);
    // A copy of exactly the input's size, so ASan sees a read past its end.
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    target.run(data.empty() ? nullptr : data.data(), data.size());
}

std::vector<fs::path> sorted_files(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

int replay_tree(const fs::path& root) {
    std::size_t count = 0;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& dir : dirs) {
        const Target* target = find_target(dir.filename().string());
        if (target == nullptr) {
            std::fprintf(stderr, "%s: no fuzz target of that name\n", dir.c_str());
            return 2;
        }
        for (const fs::path& file : sorted_files(dir)) {
            replay(*target, file);
            ++count;
        }
    }
    std::printf("replayed %zu inputs from %s without a failure\n", count, root.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2) {
        if (fs::is_directory(argv[1])) return replay_tree(argv[1]);
        std::printf("no regressions at %s\n", argv[1]);
        return 0;
    }
    if (argc >= 3) {
        const Target* target = find_target(argv[1]);
        if (target == nullptr) {
            std::fprintf(stderr, "unknown fuzz target %s\n", argv[1]);
            return 2;
        }
        for (int i = 2; i < argc; ++i) replay(*target, argv[i]);
        return 0;
    }
    std::fprintf(stderr, "usage: %s REGRESSIONS-DIR | TARGET FILE...\n", argv[0]);
    return 2;
}
