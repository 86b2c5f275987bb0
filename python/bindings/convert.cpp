#include "convert.hpp"

#include <pybind11/stl.h>

#include "dns_config.hpp"
#include "objects.hpp"
#include "text.hpp"

namespace py = pybind11;

namespace inboxlint::python {
namespace {

py::object optional_span(const std::optional<Span>& span) {
    if (!span) return py::none();
    return py::make_tuple(span->begin, span->end);
}

py::tuple location_to_tuple(const Location& l) {
    return py::make_tuple(text(l.part), py::make_tuple(l.raw.begin, l.raw.end), optional_span(l.decoded), l.line,
                          l.column);
}

Location location_from_tuple(const py::tuple& t) {
    Location l;
    l.part = t[0].cast<std::string>();
    const auto raw = t[1].cast<py::tuple>();
    l.raw = {raw[0].cast<std::size_t>(), raw[1].cast<std::size_t>()};
    if (!t[2].is_none()) {
        const auto decoded = t[2].cast<py::tuple>();
        l.decoded = Span{decoded[0].cast<std::size_t>(), decoded[1].cast<std::size_t>()};
    }
    l.line = t[3].cast<std::size_t>();
    l.column = t[4].cast<std::size_t>();
    return l;
}

Finding finding_from_tuple(const py::tuple& t) {
    Finding f;
    f.rule_id = t[0].cast<std::string>();
    f.slug = t[1].cast<std::string>();
    f.severity = static_cast<Severity>(t[2].cast<int>());
    f.message = t[3].cast<std::string>();
    f.location = location_from_tuple(t[4].cast<py::tuple>());
    for (const auto& item : t[5].cast<py::tuple>()) {
        const auto r = item.cast<py::tuple>();
        f.related.push_back({location_from_tuple(r[0].cast<py::tuple>()), r[1].cast<std::string>()});
    }
    for (const auto& item : t[6].cast<py::tuple>()) {
        const auto p = item.cast<py::tuple>();
        f.properties.push_back({p[0].cast<std::string>(), p[1].cast<std::string>()});
    }
    return f;
}

PartInfo part_from_tuple(const py::tuple& t) {
    PartInfo p;
    p.path = t[0].cast<std::string>();
    p.body_path = t[1].cast<std::string>();
    p.parent = t[2].cast<int>();
    p.depth = t[3].cast<std::size_t>();
    p.content_type = t[4].cast<std::string>();
    p.charset = t[5].cast<std::string>();
    p.transfer_encoding = t[6].cast<std::string>();
    const auto header = t[7].cast<py::tuple>();
    const auto body = t[8].cast<py::tuple>();
    p.header = {header[0].cast<std::size_t>(), header[1].cast<std::size_t>()};
    p.body = {body[0].cast<std::size_t>(), body[1].cast<std::size_t>()};
    p.is_multipart = t[9].cast<bool>();
    p.is_message = t[10].cast<bool>();
    return p;
}

}  // namespace

Report report_from_tuple(const py::tuple& t) {
    Report report;
    report.message_size = t[0].cast<std::size_t>();
    for (const auto& f : t[1].cast<py::tuple>()) report.findings.push_back(finding_from_tuple(f.cast<py::tuple>()));
    for (const auto& p : t[2].cast<py::tuple>()) report.parts.push_back(part_from_tuple(p.cast<py::tuple>()));
    for (const auto& item : t[3].cast<py::tuple>()) {
        const auto h = item.cast<py::tuple>();
        report.limits_hit.push_back(
            {h[0].cast<std::string>(), h[1].cast<std::size_t>(), location_from_tuple(h[2].cast<py::tuple>())});
    }
    report.truncated = t[4].cast<bool>();
    if (t.size() > 5) {
        const auto c = t[5].cast<py::tuple>();
        report.category.name = c[0].cast<std::string>();
        report.category.promotional = c[1].cast<double>();
        report.category.transactional = c[2].cast<double>();
        for (const auto& signal : c[3].cast<py::tuple>()) report.category.signals.push_back(signal.cast<std::string>());
    }
    if (t.size() > 6) {
        for (const auto& item : t[6].cast<py::tuple>()) report.authentication.push_back(auth_result_from_tuple(item.cast<py::tuple>()));
    }
    return report;
}

AuthResult auth_result_from_tuple(const py::tuple& t) {
    AuthResult a{t[0].cast<std::string>(), t[1].cast<std::string>(), t[2].cast<std::string>(), {}};
    for (const auto& p : t[3].cast<py::tuple>()) {
        const auto pair = p.cast<py::tuple>();
        a.properties.push_back({pair[0].cast<std::string>(), pair[1].cast<std::string>()});
    }
    return a;
}

py::tuple batch_message_to_tuple(const BatchMessage& m) {
    return py::make_tuple(text(m.name), text(m.from), location_to_tuple(m.from_location), text(m.category));
}

BatchMessage batch_message_from_tuple(const py::tuple& t) {
    BatchMessage m;
    m.name = t[0].cast<std::string>();
    m.from = t[1].cast<std::string>();
    m.from_location = location_from_tuple(t[2].cast<py::tuple>());
    m.category = t[3].cast<std::string>();
    return m;
}

py::tuple batch_finding_to_tuple(const BatchFinding& b) {
    return py::make_tuple(b.message, finding_object(b.finding, py::none()), py::tuple(py::cast(b.related_messages)));
}

py::tuple rule_to_tuple(const RuleInfo& rule) {
    py::list options;
    for (const OptionInfo& o : rule.options) {
        py::object value = std::visit([](const auto& v) { return py::cast(v); }, o.default_value);
        options.append(
            py::make_tuple(std::string(o.name), std::string(to_string(o.type)), value, std::string(o.summary)));
    }
    return py::make_tuple(std::string(rule.id), std::string(rule.slug), static_cast<int>(rule.default_severity),
                          std::string(rule.category), std::string(rule.summary), std::string(rule.clause),
                          py::tuple(options));
}

namespace {

OptionValue option_from_python(const py::handle& value) {
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    if (py::isinstance<py::int_>(value)) return value.cast<std::int64_t>();
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
        std::vector<std::string> items;
        for (const auto& item : value) {
            if (!py::isinstance<py::str>(item)) throw ConfigError("option lists must hold strings");
            items.push_back(item.cast<std::string>());
        }
        return items;
    }
    throw ConfigError("an option value must be a bool, int, str or list of str, not " +
                      std::string(py::str(value.get_type().attr("__name__"))));
}

void set_limit(Limits& limits, const std::string& name, std::size_t value) {
    if (name == "max_message_size")
        limits.max_message_size = value;
    else if (name == "max_header_fields")
        limits.max_header_fields = value;
    else if (name == "max_depth")
        limits.max_depth = value;
    else if (name == "max_parts")
        limits.max_parts = value;
    else if (name == "max_decoded_size")
        limits.max_decoded_size = value;
    else if (name == "max_html_nodes")
        limits.max_html_nodes = value;
    else if (name == "max_findings_per_rule")
        limits.max_findings_per_rule = value;
    else
        throw ConfigError("limits: unknown limit '" + name + "'");
}

}  // namespace

Config config_from_dict(const py::dict& d) {
    Config config;
    config.select = d["select"].cast<std::vector<std::string>>();
    config.ignore = d["ignore"].cast<std::vector<std::string>>();
    for (const auto& [key, value] : d["severity"].cast<py::dict>()) {
        const auto level = parse_severity(value.cast<std::string>());
        if (!level) throw ConfigError("severity: '" + value.cast<std::string>() + "' is not error, warning or info");
        config.severity[key.cast<std::string>()] = *level;
    }
    for (const auto& [rule, values] : d["options"].cast<py::dict>()) {
        auto& target = config.options[rule.cast<std::string>()];
        for (const auto& [name, value] : values.cast<py::dict>())
            target[name.cast<std::string>()] = option_from_python(value);
    }
    if (d.contains("dkim_keys")) {
        const py::object keys = d["dkim_keys"];
        if (py::isinstance<py::str>(keys)) {
            config.dkim_keys = load_dkim_keys(keys.cast<std::string>());
        } else {
            for (const auto& [name, record] : keys.cast<py::dict>())
                config.dkim_keys[name.cast<std::string>()] = record.cast<std::string>();
        }
    }
    dns_config_from_dict(d, config);
    for (const auto& [name, value] : d["limits"].cast<py::dict>()) {
        const auto number = value.cast<long long>();
        if (number < 0) throw ConfigError("limits: " + name.cast<std::string>() + " must not be negative");
        set_limit(config.limits, name.cast<std::string>(), static_cast<std::size_t>(number));
    }
    return config;
}

}  // namespace inboxlint::python
