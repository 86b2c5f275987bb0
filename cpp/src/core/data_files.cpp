#include "core/data_files.hpp"

#include "core/ascii.hpp"

namespace inboxlint::core {

std::string_view data_file(std::string_view name) noexcept {
    for (const DataFile& file : data_files()) {
        if (file.name == name) return file.text;
    }
    return {};
}

std::vector<std::string> data_lines(std::string_view name) {
    std::vector<std::string> lines;
    std::string_view text = data_file(name);
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto comment = line.find('#');
        if (comment != std::string_view::npos && (comment == 0 || is_wsp(line[comment - 1]))) {
            line = line.substr(0, comment);
        }
        line = trim(line);
        if (!line.empty()) lines.emplace_back(line);
    }
    return lines;
}

}  // namespace inboxlint::core
