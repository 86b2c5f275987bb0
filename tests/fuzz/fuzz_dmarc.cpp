// DMARC: the input parsed as a record (every span inside the input), then
// discovery and evaluation over records built from the input's lines (the
// first line a From domain, each further line a TXT value at the From
// domain's or (for an odd first byte) the organisational domain's _dmarc
// name; "NX" and "SF" lines mark the From domain's _dmarc name nonexistent
// or failing, "NX" the From domain too), and over the input read as a zone
// file; the record's report destinations checked against the same DNS.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dmarc/destinations.hpp"
#include "dmarc/discovery.hpp"
#include "dmarc/evaluate.hpp"
#include "dmarc/record.hpp"
#include "dns/names.hpp"
#include "dns/source.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"
#include "url/registrable.hpp"

namespace {

using namespace inboxlint;

void check_span(Span s, std::size_t size) {
    if (s.begin > s.end || s.end > size) __builtin_trap();
}

void check_record(std::string_view text) {
    const dmarc::Record rec = dmarc::parse_record(text);
    for (const auth::Tag& t : rec.tags.tags) {
        check_span(t.span, text.size());
        check_span(t.value, text.size());
    }
    for (const dmarc::Issue& i : rec.issues) check_span(i.span, text.size());
    for (const auto& u : rec.rua) check_span(u.span, text.size());
    for (const auto& u : rec.ruf) check_span(u.span, text.size());
    if (rec.usable() && !rec.policy) __builtin_trap();
    if (rec.pct < 0 || rec.pct > 100) __builtin_trap();
    (void)dmarc::policy_is_enforcing(rec);
    (void)dmarc::publishes_policy(rec);
}

std::vector<std::string_view> lines(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size() && out.size() < 16) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

void evaluate_all(const dns::Source& source, const std::string& from) {
    const dmarc::Discovery d = dmarc::discover(source, from);
    if (d.status == dmarc::DiscoveryStatus::found && !d.record) __builtin_trap();
    const std::string org = url::registrable_domain(from);
    const dmarc::Inputs inputs{from, dmarc::SpfResult{"bounce." + from, from.size() % 2 == 0},
                               {{org, true}, {from, false}, {"", true}}};
    const dmarc::Evaluation e = dmarc::evaluate(inputs, d);
    if (e.verdict == dmarc::Verdict::pass && !e.spf_aligned_pass && !e.dkim_aligned_pass) __builtin_trap();
    (void)dmarc::has_bulk_sender_policy(d);
    for (const dmarc::Destination& dest : dmarc::check_report_destinations(source, d))
        check_span(dest.span, d.record_text.size());
}

void add(DnsRecords& records, const std::string& name, std::string_view line) {
    try {
        if (line == "NX")
            records.mark_nonexistent(name);
        else if (line == "SF")
            records.mark_failing(name);
        else
            records.add(name, "TXT", std::string(line));
    } catch (const ConfigError&) {  // a name DnsRecords refuses: leave it out
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_record(text);

    const std::vector<std::string_view> parts = lines(text);
    std::string from = dns::normalise_name(parts.front());
    if (!dns::is_record_name("_dmarc." + from)) from = "mail.example.co.uk";
    std::string org = url::registrable_domain(from);
    if (org.empty()) org = from;
    DnsRecords records;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        check_record(parts[i]);
        if (parts[i] == "NX") add(records, from, "NX");  // the From domain does not exist: np= applies
        const bool at_org = !parts[i].empty() && (static_cast<unsigned char>(parts[i].front()) & 1);
        add(records, "_dmarc." + (at_org ? org : from), parts[i]);
    }
    const DnsResolver none;
    evaluate_all(dns::SuppliedSource(records, none), from);

    try {
        const DnsRecords zone = parse_zone(text, "fuzz");
        const dns::SuppliedSource source(zone, none);
        evaluate_all(source, "example.com");
        evaluate_all(source, from);
    } catch (const ConfigError&) {
    }
    return 0;
}
