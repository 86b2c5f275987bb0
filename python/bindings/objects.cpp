#include "objects.hpp"
#include "text.hpp"

#include <array>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <utility>

namespace py = pybind11;

namespace inboxlint::python {
namespace {

struct ResultTypes {
    py::object span, location, related, finding, part, limit_hit, category, auth_result, report;
    std::array<py::object, 3> severities;  // Severity.INFO, WARNING, ERROR by Severity's value
};

// Set once while the GIL is held and never freed: the objects must outlive
// every call, and destroying them after the interpreter is gone would crash.
ResultTypes* g_types = nullptr;

const ResultTypes& types() {
    if (g_types == nullptr) throw std::runtime_error("inboxlint._core: result types not set");
    return *g_types;
}

// A field name, interned once so that setting it hashes nothing.
class Key {
public:
    explicit Key(const char* name) : name_(name) {}
    [[nodiscard]] PyObject* get() {
        if (object_ == nullptr) object_ = PyUnicode_InternFromString(name_);
        if (object_ == nullptr) throw py::error_already_set();
        return object_;
    }

private:
    const char* name_;
    PyObject* object_ = nullptr;  // kept for the life of the process
};

// object.__new__(cls) with the given fields set, bypassing the frozen
// dataclass's __setattr__ exactly as its generated __init__ does.
py::object make(const py::object& cls, std::initializer_list<std::pair<Key*, py::object>> fields) {
    static PyObject* const no_args = PyTuple_New(0);  // kept for the life of the process
    auto* type = reinterpret_cast<PyTypeObject*>(cls.ptr());
    py::object instance = py::reinterpret_steal<py::object>(PyBaseObject_Type.tp_new(type, no_args, nullptr));
    if (!instance) throw py::error_already_set();
    for (const auto& [key, value] : fields) {
        if (PyObject_GenericSetAttr(instance.ptr(), key->get(), value.ptr()) != 0) throw py::error_already_set();
    }
    return instance;
}

template <typename T, typename F>
py::tuple tuple_of(const std::vector<T>& items, F&& convert) {
    py::tuple out(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) out[i] = convert(items[i]);
    return out;
}

Key k_begin("begin"), k_end("end");
Key k_part("part"), k_raw("raw"), k_decoded("decoded"), k_line("line"), k_column("column");
Key k_location("location"), k_message("message");
Key k_rule("rule"), k_slug("slug"), k_severity("severity"), k_related("related"), k_properties("properties"),
    k_source("source");
Key k_path("path"), k_body_path("body_path"), k_parent("parent"), k_depth("depth"), k_content_type("content_type"),
    k_charset("charset"), k_transfer_encoding("transfer_encoding"), k_header("header"), k_body("body"),
    k_is_multipart("is_multipart"), k_is_message("is_message");
Key k_limit("limit"), k_value("value");
Key k_name("name"), k_promotional("promotional"), k_transactional("transactional"), k_signals("signals");
Key k_message_size("message_size"), k_findings("findings"), k_parts("parts"), k_limits_hit("limits_hit"),
    k_truncated("truncated"), k_category("category"), k_authentication("authentication");
Key k_method("method"), k_result("result"), k_reason("reason");

py::object span_object(const Span& s) {
    return make(types().span, {{&k_begin, py::int_(s.begin)}, {&k_end, py::int_(s.end)}});
}

py::object location_object(const Location& l) {
    return make(types().location, {{&k_part, text(l.part)},
                                   {&k_raw, span_object(l.raw)},
                                   {&k_decoded, l.decoded ? span_object(*l.decoded) : py::none()},
                                   {&k_line, py::int_(l.line)},
                                   {&k_column, py::int_(l.column)}});
}

py::object part_object(const PartInfo& p) {
    return make(types().part, {{&k_path, text(p.path)},
                               {&k_body_path, text(p.body_path)},
                               {&k_parent, py::int_(p.parent)},
                               {&k_depth, py::int_(p.depth)},
                               {&k_content_type, text(p.content_type)},
                               {&k_charset, text(p.charset)},
                               {&k_transfer_encoding, text(p.transfer_encoding)},
                               {&k_header, span_object(p.header)},
                               {&k_body, span_object(p.body)},
                               {&k_is_multipart, py::bool_(p.is_multipart)},
                               {&k_is_message, py::bool_(p.is_message)}});
}

py::object category_object(const Category& c) {
    return make(types().category, {{&k_name, text(c.name)},
                                   {&k_promotional, py::float_(c.promotional)},
                                   {&k_transactional, py::float_(c.transactional)},
                                   {&k_signals, tuple_of(c.signals, [](const std::string& s) { return text(s); })}});
}

py::object property_tuple(const Property& p) { return py::make_tuple(text(p.name), text(p.value)); }

py::object auth_result_object(const AuthResult& a) {
    return make(types().auth_result, {{&k_method, text(a.method)},
                                      {&k_result, text(a.result)},
                                      {&k_reason, text(a.reason)},
                                      {&k_properties, tuple_of(a.properties, property_tuple)}});
}

}  // namespace

void set_result_types(const py::dict& given) {
    auto t = std::make_unique<ResultTypes>();
    t->span = given["Span"];
    t->location = given["Location"];
    t->related = given["RelatedLocation"];
    t->finding = given["Finding"];
    t->part = given["Part"];
    t->limit_hit = given["LimitHit"];
    t->category = given["Category"];
    t->auth_result = given["AuthResult"];
    t->report = given["Report"];
    const py::object severity = given["Severity"];
    t->severities = {severity.attr("INFO"), severity.attr("WARNING"), severity.attr("ERROR")};
    delete g_types;  // only when the package is reloaded
    g_types = t.release();
}

py::object finding_object(const Finding& f, const py::object& source) {
    const ResultTypes& t = types();
    return make(
        t.finding,
        {{&k_rule, text(f.rule_id)},
         {&k_slug, text(f.slug)},
         {&k_severity, t.severities.at(static_cast<std::size_t>(f.severity))},
         {&k_message, text(f.message)},
         {&k_location, location_object(f.location)},
         {&k_related, tuple_of(f.related,
                               [&t](const RelatedLocation& r) {
                                   return make(t.related, {{&k_location, location_object(r.location)},
                                                           {&k_message, text(r.message)}});
                               })},
         {&k_properties, tuple_of(f.properties, property_tuple)},
         {&k_source, source}});
}

py::object report_object(const Report& report, const py::object& name, const py::object& source) {
    const ResultTypes& t = types();
    auto limit = [&t](const LimitHit& hit) {
        return make(t.limit_hit, {{&k_limit, text(hit.limit)},
                                  {&k_value, py::int_(hit.value)},
                                  {&k_location, location_object(hit.location)}});
    };
    return make(
        t.report,
        {{&k_message_size, py::int_(report.message_size)},
         {&k_findings, tuple_of(report.findings, [&source](const Finding& f) { return finding_object(f, source); })},
         {&k_parts, tuple_of(report.parts, part_object)},
         {&k_limits_hit, tuple_of(report.limits_hit, limit)},
         {&k_truncated, py::bool_(report.truncated)},
         {&k_name, name},
         {&k_source, source},
         {&k_category, category_object(report.category)},
         {&k_authentication, tuple_of(report.authentication, auth_result_object)}});
}

}  // namespace inboxlint::python
