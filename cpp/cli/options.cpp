#include "options.hpp"

#include <stdexcept>

namespace inboxlint::cli {
namespace {

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : text + ",") {
        if (c == ',') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else if (c != ' ') {
            item.push_back(c);
        }
    }
    return out;
}

Severity severity_arg(const std::string& text) {
    if (const auto s = parse_severity(text)) return *s;
    throw std::invalid_argument("'" + text + "' is not a severity (error, warning, info)");
}

// ID.name=value: booleans, integers and comma lists are recognised by form;
// the Linter checks the type against the rule's declaration.
void add_rule_option(Config& config, const std::string& text) {
    const auto dot = text.find('.');
    const auto eq = text.find('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq) {
        throw std::invalid_argument("--option takes RULE.name=value, not '" + text + "'");
    }
    const std::string rule = text.substr(0, dot);
    const std::string name = text.substr(dot + 1, eq - dot - 1);
    const std::string value = text.substr(eq + 1);
    OptionValue parsed;
    if (value == "true" || value == "false") {
        parsed = value == "true";
    } else if (!value.empty() && value.find_first_not_of("-0123456789") == std::string::npos) {
        parsed = static_cast<std::int64_t>(std::stoll(value));
    } else if (value.find(',') != std::string::npos || value.empty()) {
        parsed = split_list(value);
    } else {
        parsed = value;
    }
    config.options[rule][name] = parsed;
}

struct ArgReader {
    const std::vector<std::string>& args;
    std::size_t i = 0;
    const std::string& value(const std::string& flag) {
        if (i + 1 >= args.size()) throw std::invalid_argument(flag + " needs a value");
        return args[++i];
    }
};

void parse_flag(ArgReader& r, const std::string& arg, Options& o) {
    if (arg == "--format" || arg == "-f") {
        const std::string& v = r.value(arg);
        if (v == "text")
            o.format = Format::text;
        else if (v == "json")
            o.format = Format::json;
        else if (v == "sarif")
            o.format = Format::sarif;
        else
            throw std::invalid_argument("--format takes text, json or sarif");
    } else if (arg == "--select") {
        for (auto& s : split_list(r.value(arg))) o.config.select.push_back(s);
    } else if (arg == "--ignore") {
        for (auto& s : split_list(r.value(arg))) o.config.ignore.push_back(s);
    } else if (arg == "--severity") {
        const std::string& v = r.value(arg);
        const auto eq = v.find('=');
        if (eq == std::string::npos) throw std::invalid_argument("--severity takes RULE=level");
        o.config.severity[v.substr(0, eq)] = severity_arg(v.substr(eq + 1));
    } else if (arg == "--option") {
        add_rule_option(o.config, r.value(arg));
    } else if (arg == "--dkim-keys") {
        for (auto& [name, record] : load_dkim_keys(r.value(arg))) o.config.dkim_keys[name] = record;
    } else if (arg == "--dns") {
        o.config.dns.merge(load_zone(r.value(arg)));
    } else if (arg == "--client-ip") {
        o.config.envelope.client_ip = r.value(arg);
    } else if (arg == "--helo") {
        o.config.envelope.helo = r.value(arg);
    } else if (arg == "--mail-from") {
        o.config.envelope.mail_from = r.value(arg);
    } else if (arg == "--fail-on") {
        const std::string& v = r.value(arg);
        o.fail_on = v == "never" ? std::nullopt : std::optional<Severity>(severity_arg(v));
    } else if (arg == "--no-excerpts") {
        o.excerpts = false;
    } else if (arg == "--no-summary") {
        o.summary = false;
    } else if (arg == "--color") {
        const std::string& v = r.value(arg);
        if (v != "auto" && v != "always" && v != "never")
            throw std::invalid_argument("--color takes auto, always or never");
        if (v != "auto") o.color = v == "always";
    } else {
        throw std::invalid_argument("unknown option '" + arg + "'");
    }
}

}  // namespace

Options parse_options(const std::vector<std::string>& args, bool stdout_is_terminal) {
    Options o;
    o.color = stdout_is_terminal;
    ArgReader r{args};
    bool only_paths = false;
    for (; r.i < args.size(); ++r.i) {
        const std::string& arg = args[r.i];
        if (only_paths || arg == "-" || arg.empty() || arg[0] != '-') {
            if (o.paths.empty() && o.command == Command::lint && !only_paths && arg == "rules") {
                o.command = Command::rules;
            } else if (o.paths.empty() && o.command == Command::lint && !only_paths && arg == "explain") {
                o.command = Command::explain;
                o.explain_id = r.value(arg);
            } else {
                o.paths.push_back(arg);
            }
        } else if (arg == "--") {
            only_paths = true;
        } else if (arg == "-h" || arg == "--help") {
            o.command = Command::help;
        } else if (arg == "--version") {
            o.command = Command::version;
        } else {
            parse_flag(r, arg, o);
        }
    }
    if (o.command == Command::lint && o.paths.empty())
        throw std::invalid_argument("no input: give files, directories or - for standard input");
    return o;
}

std::string usage() {
    return R"(usage: inboxlint [options] PATH...      lint messages (files, directories, mbox files, - for stdin)
       inboxlint rules                    list every rule
       inboxlint explain RULE             show a rule's documentation

options:
  -f, --format text|json|sarif   output format (json: one report per line)          [text]
  --select RULES                 comma-separated rule ids, id prefixes or slugs to run [all]
  --ignore RULES                 rules to leave out
  --severity RULE=LEVEL          override a rule's severity (error, warning, info)
  --option RULE.name=VALUE       set a rule option
  --dkim-keys FILE               DKIM public keys: "selector._domainkey.domain TXT-value" lines
                                 (or zone-file TXT records); signatures are then verified
  --dns FILE                     DNS records in zone-file syntax (TXT, A, AAAA, MX, PTR, CNAME;
                                 "NAME NXDOMAIN" marks a name nonexistent); repeatable.
                                 Names not in the file are "not supplied", never NXDOMAIN
  --client-ip IP                 the sending IP of the SMTP connection (for SPF and PTR)
  --helo NAME                    the HELO/EHLO name of the connection
  --mail-from ADDR               the SMTP MAIL FROM ("" for <>)                [the Return-Path]
  --fail-on LEVEL|never          exit 1 when a finding is at least this severe        [error]
  --no-excerpts                  text format: no source excerpts
  --no-summary                   no summary line
  --color auto|always|never      coloured text output                                [auto]
  -h, --help                     this help
  --version                      the version

exit status: 0 no finding at --fail-on level, 1 findings at that level, 2 usage or I/O error
)";
}

}  // namespace inboxlint::cli
