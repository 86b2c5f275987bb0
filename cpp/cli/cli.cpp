#include "cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <stdexcept>

#include "inboxlint/inboxlint.hpp"
#include "inputs.hpp"
#include "options.hpp"

namespace inboxlint::cli {
namespace {

struct Totals {
    std::size_t messages = 0;
    std::size_t by_severity[3] = {0, 0, 0};
    bool failed = false;
};

void list_rules(std::ostream& out) {
    for (const RuleInfo& rule : rules()) {
        out << std::left << std::setw(9) << rule.id << std::setw(8) << to_string(rule.default_severity) << std::setw(36)
            << rule.slug << rule.summary << "\n";
    }
}

int explain_rule(const std::string& id, std::ostream& out, std::ostream& err) {
    const auto page = explain(id);
    if (!page) {
        err << "inboxlint: no rule named '" << id << "' (see: inboxlint rules)\n";
        return 2;
    }
    out << *page;
    return 0;
}

void count(const Report& report, const Options& options, Totals& totals) {
    ++totals.messages;
    for (const Finding& f : report.findings) {
        ++totals.by_severity[static_cast<int>(f.severity)];
        if (options.fail_on && f.severity >= *options.fail_on) totals.failed = true;
    }
}

// A batch finding counts like a message's (the message count stays).
void count_batch(const Finding& f, const Options& options, Totals& totals) {
    ++totals.by_severity[static_cast<int>(f.severity)];
    if (options.fail_on && f.severity >= *options.fail_on) totals.failed = true;
}

void print_summary(const Totals& t, std::size_t unreadable, double seconds, std::ostream& out) {
    const std::size_t findings = t.by_severity[0] + t.by_severity[1] + t.by_severity[2];
    out << t.messages << (t.messages == 1 ? " message, " : " messages, ") << findings
        << (findings == 1 ? " finding" : " findings") << " (" << t.by_severity[2] << " error, " << t.by_severity[1]
        << " warning, " << t.by_severity[0] << " info) in " << std::fixed << std::setprecision(2) << seconds << " s";
    // The counts cover only what was read; say what they leave out.
    if (unreadable > 0) out << " (" << unreadable << (unreadable == 1 ? " input" : " inputs") << " could not be read)";
    out << "\n";
}

void print_skipped(const std::vector<SkippedFiles>& skipped, std::ostream& err) {
    for (const SkippedFiles& s : skipped) {
        err << "inboxlint: skipped " << s.count << (s.count == 1 ? " file" : " files") << " under " << s.directory
            << (s.count == 1 ? " that is not a message" : " that are not messages")
            << " (keys, certificates or binary data)\n";
    }
}

int lint_inputs(const Options& options, std::ostream& out, std::ostream& err) {
    const Linter linter(options.config);
    const auto start = std::chrono::steady_clock::now();
    Totals totals;
    // SARIF is one document over all inputs, so those are kept until the end.
    std::vector<Input> kept_inputs;
    std::vector<Report> kept_reports;
    TextOptions text_options;
    text_options.excerpts = options.excerpts;
    text_options.color = options.color;
    text_options.summary = false;  // one summary line for the whole run instead
    // What the batch rules (CONT002, CONT003) need of every message, kept small.
    std::vector<BatchMessage> batch;
    const InputTally tally = for_each_input(options.paths, std::cin, err, [&](Input&& input) {
        Report report = linter.lint(input.bytes);
        count(report, options, totals);
        batch.push_back(batch_message(input.name, input.bytes, report));
        const ReportInput ri{input.name, input.bytes, &report};
        if (options.format == Format::text) {
            out << format_text(ri, text_options);
        } else if (options.format == Format::json) {
            out << format_json(ri) << "\n";
        } else {
            kept_inputs.push_back(std::move(input));
            kept_reports.push_back(std::move(report));
        }
    });
    const std::vector<BatchFinding> batch_findings = linter.check_batch(batch);
    for (const BatchFinding& b : batch_findings) count_batch(b.finding, options, totals);
    if (options.format == Format::sarif) {
        std::vector<ReportInput> all;
        for (std::size_t i = 0; i < kept_inputs.size(); ++i)
            all.push_back({kept_inputs[i].name, kept_inputs[i].bytes, &kept_reports[i]});
        out << format_sarif(all, batch_findings) << "\n";
    } else if (options.format == Format::json) {
        for (const BatchFinding& b : batch_findings) out << format_json_batch(b, batch) << "\n";
    } else {
        out << format_text_batch(batch_findings, batch, text_options);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    print_skipped(tally.skipped, err);
    // Machine-readable output keeps stdout clean; the summary goes to stderr.
    // When nothing could be read, "0 messages" would read as a clean result.
    const bool nothing_read = tally.unreadable > 0 && totals.messages == 0;
    if (options.summary && !nothing_read)
        print_summary(totals, tally.unreadable, seconds, options.format == Format::text ? out : err);
    if (tally.unreadable > 0) return 2;
    return totals.failed ? 1 : 0;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Options options;
    try {
        options = parse_options(args, &out == &std::cout && isatty(STDOUT_FILENO));
    } catch (const std::invalid_argument& e) {
        err << "inboxlint: " << e.what() << "\n\n" << usage();
        return 2;
    }
    try {
        switch (options.command) {
            case Command::help:
                out << usage();
                return 0;
            case Command::version:
                out << "inboxlint " << version << "\n";
                return 0;
            case Command::rules:
                list_rules(out);
                return 0;
            case Command::explain:
                return explain_rule(options.explain_id, out, err);
            case Command::lint:
                return lint_inputs(options, out, err);
        }
    } catch (const ConfigError& e) {
        err << "inboxlint: " << e.what() << "\n";
        return 2;
    }
    return 2;
}

}  // namespace inboxlint::cli
