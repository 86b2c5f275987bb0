#include "corpus.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "testdata.hpp"

namespace inboxlint::testing {
namespace {

std::string unescape(const std::string& quoted, const std::string& where) {
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        if (quoted[i] != '\\') {
            out.push_back(quoted[i]);
            continue;
        }
        if (++i + 1 > quoted.size() - 1) throw std::runtime_error(where + ": dangling backslash");
        switch (quoted[i]) {
            case 'r':
                out.push_back('\r');
                break;
            case 'n':
                out.push_back('\n');
                break;
            case 't':
                out.push_back('\t');
                break;
            default:
                out.push_back(quoted[i]);
                break;
        }
    }
    return out;
}

// "%envelope client_ip=192.0.2.1 helo=mail.example mail_from=a@b" (any of
// them; mail_from= alone is the null path).
void envelope_directive(CorpusCase& c, std::string first, std::istringstream& words, const std::string& where) {
    for (std::string item = std::move(first); !item.empty(); item.clear(), words >> item) {
        const auto eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
        if (key == "client_ip")
            c.config.envelope.client_ip = value;
        else if (key == "helo")
            c.config.envelope.helo = value;
        else if (key == "mail_from")
            c.config.envelope.mail_from = value;
        else
            throw std::runtime_error(where + ": %envelope takes client_ip=, helo=, mail_from=");
    }
}

void directive(CorpusCase& c, std::istringstream& words, const std::string& where) {
    std::string name;
    std::string value;
    words >> name >> value;
    if (name == "%lineendings" && value == "as-is") {
        c.convert_line_endings = false;
        return;
    }
    if (name == "%dns") {  // a zone file beside the message
        c.config.dns.merge(load_zone((c.message.parent_path() / value).string()));
        return;
    }
    if (name == "%envelope") return envelope_directive(c, value, words, where);
    if (name == "%dkim-key") {
        std::string record;
        std::getline(words, record);
        const auto first = record.find_first_not_of(' ');
        if (value.empty() || first == std::string::npos) throw std::runtime_error(where + ": expected NAME TXT-VALUE");
        c.config.dkim_keys[value] = record.substr(first);
        return;
    }
    const auto eq = value.find('=');
    if (eq == std::string::npos) throw std::runtime_error(where + ": expected NAME=VALUE");
    const std::string key = value.substr(0, eq);
    const std::string v = value.substr(eq + 1);
    if (name == "%limit") {
        const std::size_t n = std::stoull(v);
        Limits& l = c.config.limits;
        if (key == "max_parts")
            l.max_parts = n;
        else if (key == "max_depth")
            l.max_depth = n;
        else if (key == "max_header_fields")
            l.max_header_fields = n;
        else if (key == "max_message_size")
            l.max_message_size = n;
        else if (key == "max_decoded_size")
            l.max_decoded_size = n;
        else if (key == "max_html_nodes")
            l.max_html_nodes = n;
        else
            throw std::runtime_error(where + ": unknown limit " + key);
    } else if (name == "%option") {
        const auto dot = key.find('.');
        if (dot == std::string::npos) throw std::runtime_error(where + ": expected RULE.name=value");
        OptionValue parsed = v == "true" || v == "false" ? OptionValue(v == "true") : OptionValue(v);
        if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos)
            parsed = static_cast<std::int64_t>(std::stoll(v));
        c.config.options[key.substr(0, dot)][key.substr(dot + 1)] = parsed;
    } else {
        throw std::runtime_error(where + ": unknown directive " + name);
    }
}

Expectation parse_expectation(const std::string& line, const std::string& where) {
    Expectation e;
    std::istringstream words(line);
    words >> e.rule;
    if (e.rule.starts_with("-")) {
        e.negative = true;
        e.rule = e.rule.substr(1);
    }
    std::string position;
    if (words >> position) {
        const auto colon = position.find(':');
        if (colon == std::string::npos) throw std::runtime_error(where + ": expected LINE:COLUMN");
        e.line = std::stoull(position.substr(0, colon));
        e.column = std::stoull(position.substr(colon + 1));
        const auto quote = line.find('"');
        if (quote != std::string::npos) e.text = unescape(line.substr(quote, line.rfind('"') - quote + 1), where);
    }
    return e;
}

}  // namespace

CorpusCase load_case(const std::filesystem::path& eml) {
    CorpusCase c;
    c.message = eml;
    std::filesystem::path expect = eml;
    expect.replace_extension(".expect");
    std::ifstream in(expect);
    if (!in) throw std::runtime_error(expect.string() + ": missing");
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = expect.string() + ":" + std::to_string(number);
        if (line.empty() || line[0] == '#') continue;
        if (line[0] == '%') {
            std::istringstream words(line);
            directive(c, words, where);
        } else if (line == "-*") {
            c.nothing_else = true;
        } else {
            Expectation e = parse_expectation(line, where);
            e.source_line = number;
            c.expectations.push_back(std::move(e));
        }
    }
    return c;
}

std::vector<std::filesystem::path> corpus_messages() {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus_dir())) {
        if (entry.is_regular_file() && entry.path().extension() == ".eml") out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace inboxlint::testing
