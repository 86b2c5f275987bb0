#include "inputs.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "sniff.hpp"

namespace inboxlint::cli {
namespace {

namespace fs = std::filesystem;

// Files in directories that are not mail (the corpus keeps expectations and
// notes beside its messages).
constexpr std::array<std::string_view, 16> skipped_extensions{
    ".json", ".md",  ".tsv", ".expect", ".pem",  ".zone", ".py",  ".xml",
    ".mjml", ".csv", ".yml", ".yaml",   ".toml", ".gz",   ".zip", ".tree",
};

bool is_mail_candidate(const fs::path& path) {
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') return false;
    const std::string ext = path.extension().string();
    return std::find(skipped_extensions.begin(), skipped_extensions.end(), ext) == skipped_extensions.end();
}

bool read_stream(std::istream& in, std::string& out) {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return !in.bad();
}

std::string read_head(std::istream& in, std::size_t size) {
    std::string head(size, '\0');
    in.read(head.data(), static_cast<std::streamsize>(size));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

void visit_data(const std::string& name, std::string data, const std::function<void(Input&&)>& visit) {
    const auto ranges = split_mbox(data);
    if (ranges.size() <= 1) {
        visit({name, std::move(data)});
        return;
    }
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        visit({name + "[" + std::to_string(i + 1) + "]",
               data.substr(ranges[i].first, ranges[i].second - ranges[i].first)});
    }
}

enum class FileResult { visited, skipped, unreadable };

FileResult cannot_read(const fs::path& path, std::ostream& err) {
    err << "inboxlint: cannot read " << path.string() << "\n";
    return FileResult::unreadable;
}

// With `sniff`, the file's first bytes decide whether it is mail at all; the
// rest of one that is not is never read (it may be a large archive).
FileResult visit_file(const fs::path& path, bool sniff, std::ostream& err, const std::function<void(Input&&)>& visit) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return cannot_read(path, err);
    std::string data = read_head(file, sniff_size);
    if (file.bad()) return cannot_read(path, err);
    if (sniff && is_clearly_not_mail(data)) return FileResult::skipped;
    std::string rest;
    if (!read_stream(file, rest)) return cannot_read(path, err);
    data += rest;
    visit_data(path.string(), std::move(data), visit);
    return FileResult::visited;
}

void visit_directory(const fs::path& dir, std::ostream& err, const std::function<void(Input&&)>& visit,
                     InputTally& tally) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && is_mail_candidate(it->path())) files.push_back(it->path());
    }
    if (ec) {
        err << "inboxlint: cannot list " << dir.string() << ": " << ec.message() << "\n";
        ++tally.unreadable;
        return;
    }
    std::sort(files.begin(), files.end());
    std::size_t skipped = 0;
    for (const fs::path& f : files) {
        const FileResult result = visit_file(f, true, err, visit);
        if (result == FileResult::skipped) ++skipped;
        if (result == FileResult::unreadable) ++tally.unreadable;
    }
    if (skipped > 0) tally.skipped.push_back({dir.string(), skipped});
}

bool visit_stdin(std::istream& in, std::ostream& err, const std::function<void(Input&&)>& visit) {
    std::string data;
    if (!read_stream(in, data)) {
        err << "inboxlint: cannot read standard input\n";
        return false;
    }
    visit_data("<stdin>", std::move(data), visit);
    return true;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> split_mbox(std::string_view data) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    if (!data.starts_with("From ")) return {{0, data.size()}};
    std::size_t start = 0;
    std::size_t pos = 0;
    while ((pos = data.find("\nFrom ", pos)) != std::string_view::npos) {
        // The line that ends at `pos` is blank: "\n\n" or "\n\r\n".
        const bool after_blank =
            (pos >= 1 && data[pos - 1] == '\n') || (pos >= 2 && data[pos - 1] == '\r' && data[pos - 2] == '\n');
        if (after_blank) {
            ranges.emplace_back(start, pos + 1);
            start = pos + 1;
        }
        ++pos;
    }
    ranges.emplace_back(start, data.size());
    return ranges;
}

InputTally for_each_input(const std::vector<std::string>& paths, std::istream& in, std::ostream& err,
                          const std::function<void(Input&&)>& visit) {
    InputTally tally;
    for (const std::string& p : paths) {
        std::error_code ec;
        const fs::path path(p);
        if (p == "-") {
            if (!visit_stdin(in, err, visit)) ++tally.unreadable;
        } else if (fs::is_directory(path, ec)) {
            visit_directory(path, err, visit, tally);
        } else if (fs::exists(path, ec)) {
            // Named by the user: linted whatever it holds.
            if (visit_file(path, false, err, visit) == FileResult::unreadable) ++tally.unreadable;
        } else {
            err << "inboxlint: no such file or directory: " << p << "\n";
            ++tally.unreadable;
        }
    }
    return tally;
}

}  // namespace inboxlint::cli
