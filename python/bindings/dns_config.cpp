#include "dns_config.hpp"

#include <memory>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace inboxlint::python {
namespace {

// The callable outlives every copy of the Config, which threads copy without
// the GIL: a shared_ptr's count is atomic, and its deleter takes the GIL to
// drop the Python reference (or leaks it once the interpreter is gone).
std::shared_ptr<py::object> hold(py::object callable) {
    return std::shared_ptr<py::object>(new py::object(std::move(callable)), [](py::object* o) {
        if (Py_IsInitialized() == 0) {
            (void)o->release();
            delete o;
            return;
        }
        py::gil_scoped_acquire gil;
        delete o;
    });
}

// None: not supplied; "NXDOMAIN" / "SERVFAIL": those; a list of strings:
// the answer (empty: the name exists without records of the type). Anything
// else, or an exception, is a failed lookup, as a broken resolver would be.
DnsAnswer answer_from_python(const py::handle& value) {
    if (value.is_none()) return {DnsStatus::not_supplied, {}};
    if (py::isinstance<py::str>(value)) {
        const std::string status = value.cast<std::string>();
        if (status == "NXDOMAIN") return {DnsStatus::nxdomain, {}};
        return {DnsStatus::servfail, {}};
    }
    DnsAnswer answer{DnsStatus::answer, {}};
    for (const py::handle item : value) {
        if (py::isinstance<py::bytes>(item)) {
            answer.values.push_back(item.cast<std::string>());
        } else if (py::isinstance<py::str>(item)) {
            answer.values.push_back(item.cast<std::string>());
        } else {
            return {DnsStatus::servfail, {}};
        }
    }
    return answer;
}

DnsResolver resolver_from_python(py::object callable) {
    auto held = hold(std::move(callable));
    return [held](const std::string& name, const std::string& type) -> DnsAnswer {
        py::gil_scoped_acquire gil;
        try {
            return answer_from_python((*held)(name, type));
        } catch (py::error_already_set&) {
            return {DnsStatus::servfail, {}};
        } catch (const py::cast_error&) {
            return {DnsStatus::servfail, {}};
        }
    };
}

void add_triples(const py::list& triples, DnsRecords& records) {
    for (const py::handle item : triples) {
        const auto triple = item.cast<py::tuple>();
        const auto name = triple[0].cast<std::string>();
        const auto type = triple[1].cast<std::string>();
        if (type == "NXDOMAIN")
            records.mark_nonexistent(name);
        else if (type == "SERVFAIL")
            records.mark_failing(name);
        else
            records.add(name, type, triple[2].cast<std::string>());
    }
}

}  // namespace

void dns_config_from_dict(const py::dict& d, Config& config) {
    if (d.contains("dns")) {
        const py::object dns = d["dns"];
        if (py::isinstance<py::str>(dns))
            config.dns = load_zone(dns.cast<std::string>());
        else if (py::isinstance<py::list>(dns))
            add_triples(dns.cast<py::list>(), config.dns);
        else if (!dns.is_none())
            config.dns_resolver = resolver_from_python(dns);
    }
    if (d.contains("envelope") && !d["envelope"].is_none()) {
        const auto envelope = d["envelope"].cast<py::dict>();
        config.envelope.client_ip = envelope["client_ip"].cast<std::string>();
        config.envelope.helo = envelope["helo"].cast<std::string>();
        if (!envelope["mail_from"].is_none()) config.envelope.mail_from = envelope["mail_from"].cast<std::string>();
    }
}

}  // namespace inboxlint::python
