// inboxlint._core: the compiled half of the Python package. It only adapts
// the public C++ API; everything user-facing is in python/inboxlint.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <iostream>

#include "cli.hpp"
#include "convert.hpp"
#include "inboxlint/inboxlint.hpp"
#include "objects.hpp"
#include "text.hpp"

namespace py = pybind11;
using namespace inboxlint;

namespace {

// A read-only view of any contiguous bytes-like object, held while the GIL
// is released.
class BytesView {
public:
    explicit BytesView(const py::handle& object) {
        if (PyObject_GetBuffer(object.ptr(), &view_, PyBUF_SIMPLE) != 0) throw py::error_already_set();
    }
    ~BytesView() { PyBuffer_Release(&view_); }
    BytesView(const BytesView&) = delete;
    BytesView& operator=(const BytesView&) = delete;
    [[nodiscard]] std::string_view bytes() const noexcept {
        return {static_cast<const char*>(view_.buf), static_cast<std::size_t>(view_.len)};
    }

private:
    Py_buffer view_{};
};

// The message as bytes for the report's `source`: the object itself when it
// is bytes, else a copy (bytearray and memoryview may change later).
py::object source_bytes(const py::handle& data, std::string_view bytes) {
    if (PyBytes_Check(data.ptr())) return py::reinterpret_borrow<py::object>(data);
    return py::bytes(bytes.data(), bytes.size());
}

// A report that could not be made into Python objects becomes a report of
// that failure (LINT002), so one message never stops a batch.
py::object report_or_failure(const Report& report, const py::object& name, const py::object& source) {
    try {
        return python::report_object(report, name, source);
    } catch (py::error_already_set& error) {
        Report failed;
        failed.message_size = report.message_size;
        failed.truncated = true;
        Finding finding{"LINT002", "internal-error", Severity::error,
                        std::string("the report could not be converted for Python: ") + error.what(), {}, {}, {}};
        finding.location.line = 1;
        finding.location.column = 1;
        failed.findings.push_back(std::move(finding));
        return python::report_object(failed, name, source);
    }
}

py::object lint_buffer(const Linter& linter, const py::handle& data, const py::object& name) {
    const BytesView view(data);
    Report report;
    {
        py::gil_scoped_release release;
        report = linter.lint(view.bytes());
    }
    return report_or_failure(report, name, source_bytes(data, view.bytes()));
}

// Pauses Python's cyclic garbage collector for its lifetime. A batch's
// results are hundreds of thousands of objects, none in a cycle, that all
// stay alive: with the collector on, its repeated scans of them took four
// fifths of the time spent building them (0.37 of 0.46 s on the SpamAssassin
// corpus), all of it holding the GIL.
class CollectorPaused {
public:
    CollectorPaused() : gc_(py::module_::import("gc")), was_enabled_(gc_.attr("isenabled")().cast<bool>()) {
        if (was_enabled_) gc_.attr("disable")();
    }
    ~CollectorPaused() {
        if (was_enabled_) gc_.attr("enable")();
    }
    CollectorPaused(const CollectorPaused&) = delete;
    CollectorPaused& operator=(const CollectorPaused&) = delete;

private:
    py::module_ gc_;
    bool was_enabled_;
};

// Lints a list of bytes-like objects on `threads` threads with the GIL
// released; the views stay valid because the list holds the objects.
py::list lint_list(const Linter& linter, const py::list& items, const py::list& names, unsigned threads) {
    if (names.size() != items.size()) throw py::value_error("lint_many: one name per message");
    std::vector<std::unique_ptr<BytesView>> views;
    std::vector<std::string_view> messages;
    views.reserve(items.size());
    for (const auto& item : items) {
        views.push_back(std::make_unique<BytesView>(item));
        messages.push_back(views.back()->bytes());
    }
    std::vector<Report> reports;
    {
        py::gil_scoped_release release;
        reports = linter.lint_many(messages, threads);
    }
    const CollectorPaused paused;
    py::list out;
    for (std::size_t i = 0; i < reports.size(); ++i)
        out.append(report_or_failure(reports[i], names[i], source_bytes(items[i], messages[i])));
    return out;
}

std::string format_sarif_many(const py::list& items) {
    std::vector<Report> reports;
    std::vector<std::string> names;
    std::vector<std::string> messages;
    for (const auto& item : items) {
        const auto t = item.cast<py::tuple>();
        names.push_back(t[0].cast<std::string>());
        messages.push_back(t[1].cast<std::string>());
        reports.push_back(python::report_from_tuple(t[2].cast<py::tuple>()));
    }
    std::vector<ReportInput> inputs;
    for (std::size_t i = 0; i < reports.size(); ++i) inputs.push_back({names[i], messages[i], &reports[i]});
    return format_sarif(inputs);
}

py::tuple lint_draft_tuple(const Linter& linter, const std::vector<std::pair<std::string, std::string>>& headers,
                           const std::string& text, const std::string& html, const py::object& name) {
    Draft draft{headers, text, html};
    DraftReport result;
    {
        py::gil_scoped_release release;
        result = lint_draft(linter, draft);
    }
    py::list where;
    for (const DraftLocation& w : result.where) {
        static constexpr const char* sources[] = {"none", "header", "text", "html"};
        where.append(py::make_tuple(sources[static_cast<int>(w.source)], w.header_index, w.range.begin, w.range.end));
    }
    py::bytes message(result.message);
    return py::make_tuple(message, python::report_object(result.report, name, message), py::tuple(where));
}

py::list check_batch_list(const Linter& linter, const py::list& items) {
    std::vector<BatchMessage> messages;
    messages.reserve(items.size());
    for (const auto& item : items) messages.push_back(python::batch_message_from_tuple(item.cast<py::tuple>()));
    std::vector<BatchFinding> findings;
    {
        py::gil_scoped_release release;
        findings = linter.check_batch(messages);
    }
    py::list out;
    for (const BatchFinding& b : findings) out.append(python::batch_finding_to_tuple(b));
    return out;
}

int run_cli(const std::vector<std::string>& args) {
    py::gil_scoped_release release;
    const int status = cli::run(args, std::cout, std::cerr);
    std::cout.flush();
    std::cerr.flush();
    return status;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "inboxlint's compiled core; use the inboxlint package instead";
    m.attr("__version__") = inboxlint::version;
    py::register_exception<ConfigError>(m, "ConfigError", PyExc_ValueError);

    py::class_<Linter>(m, "Linter")
        .def(
            py::init([](const py::dict& config) { return std::make_unique<Linter>(python::config_from_dict(config)); }))
        .def("lint", &lint_buffer, py::arg("data"), py::arg("name"))
        .def("lint_many", &lint_list, py::arg("items"), py::arg("names"), py::arg("threads") = 0)
        .def("lint_draft", &lint_draft_tuple, py::arg("headers"), py::arg("text"), py::arg("html"), py::arg("name"))
        .def("check_batch", &check_batch_list, py::arg("messages"));

    m.def("set_result_types", &python::set_result_types, py::arg("types"));
    m.def("rules", [] {
        py::list out;
        for (const RuleInfo& rule : rules()) out.append(python::rule_to_tuple(rule));
        return out;
    });
    m.def("explain", [](const std::string& id) -> py::object {
        const auto page = explain(id);
        if (!page) return py::none();
        return python::text(*page);
    });
    m.def("format_text",
          [](const py::tuple& report, const std::string& name, const py::bytes& message, bool excerpts, bool color) {
              const Report r = python::report_from_tuple(report);
              const std::string bytes = message;
              return python::text(format_text({name, bytes, &r}, {excerpts, color}));
          });
    m.def("format_json", [](const py::tuple& report, const std::string& name, const py::bytes& message) {
        const Report r = python::report_from_tuple(report);
        const std::string bytes = message;
        return python::text(format_json({name, bytes, &r}));
    });
    m.def("format_sarif", [](const py::list& items) { return python::text(format_sarif_many(items)); });
    m.def("format_authentication_results", [](const py::list& items) {
        std::vector<AuthResult> results;
        for (const auto& item : items) results.push_back(python::auth_result_from_tuple(item.cast<py::tuple>()));
        return python::text(format_authentication_results(results));
    });
    m.def("batch_message", [](const std::string& name, const py::handle& message, const std::string& category) {
        const BytesView view(message);
        Report report;
        report.category.name = category;
        return python::batch_message_to_tuple(batch_message(name, view.bytes(), report));
    });
    m.def("run_cli", &run_cli);
}
