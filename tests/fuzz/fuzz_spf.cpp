// SPF: the input is a zone text, a NUL byte, then a query of up to four lines
// (client IP, domain, sender, HELO). The query text also goes through the
// record parser and macro expansion; the zone's records through check_host
// and record_defects. Every byte range must lie inside its record.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dns/source.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/dns.hpp"
#include "spf/check_host.hpp"
#include "spf/defects.hpp"
#include "spf/macro.hpp"
#include "spf/record.hpp"

namespace {

void check_range(std::size_t offset, std::size_t length, std::size_t size) {
    if (offset > size || length > size - offset) __builtin_trap();
}

std::string next_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    std::string line(rest.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace inboxlint;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::size_t nul = text.find('\0');
    const std::string_view zone = text.substr(0, nul);
    std::string_view query_text = nul == std::string_view::npos ? std::string_view() : text.substr(nul + 1);

    const std::string_view as_record = nul == std::string_view::npos ? text : query_text;
    if (spf::is_spf_record(as_record)) {
        const spf::Record record = spf::parse_record(as_record);
        for (const spf::Term& term : record.terms) check_range(term.offset, term.length, as_record.size());
        if (record.error) check_range(record.error->offset, 0, as_record.size());
    }
    spf::MacroContext context;
    context.sender = "user@example.com";
    context.local_part = "user";
    context.sender_domain = context.domain = "example.com";
    context.ip = spf::parse_client_ip("2001:db8::1");
    context.validated_name = [] { return std::string("mail.example.com"); };
    const spf::Expansion domain = spf::expand_macros(as_record, context, spf::MacroMode::domain);
    if (!domain.error && domain.text.size() > 253) __builtin_trap();
    (void)spf::expand_macros(as_record, context, spf::MacroMode::explanation);

    DnsRecords records;
    try {
        records = parse_zone(zone);
    } catch (const ConfigError&) {
    }
    const DnsResolver resolver;
    const dns::SuppliedSource source(records, resolver);
    spf::Query query;
    query.ip = next_line(query_text);
    query.domain = next_line(query_text);
    query.sender = next_line(query_text);
    query.helo = next_line(query_text);
    if (query.ip.empty()) query.ip = "192.0.2.1";
    const spf::Evaluation e = spf::check_host(query, source);
    check_range(e.term_offset, e.term_length, e.record_of_domain.size());
    if (e.dns_lookups > 11 || e.void_lookups > 3) __builtin_trap();
    for (const spf::Defect& d : spf::record_defects(query.domain, source))
        check_range(d.offset, d.length, d.record.size());
    return 0;
}
