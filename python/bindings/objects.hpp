// Builds the result dataclasses of python/inboxlint/_types.py straight from
// the C++ report. Going through tuples and the dataclasses' __init__ cost a
// sixth of the lint's own time, all of it holding the GIL: with two workers
// that serial share capped lint_many's speed-up near 1.7 (issue 8). Here an
// instance is made as copy and pickle make one, object.__new__ and then its
// fields set one by one, from C, with keys interned once.
#pragma once

#include <pybind11/pybind11.h>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint::python {

// Called once by the package (inboxlint/_convert.py) with its classes:
// Span, Location, RelatedLocation, Finding, Part, LimitHit, Category, Report
// and Severity. Until then the builders below raise RuntimeError.
void set_result_types(const pybind11::dict& types);

// `source` is the message's bytes (or None), shared by the report and its findings.
pybind11::object report_object(const Report& report, const pybind11::object& name, const pybind11::object& source);
pybind11::object finding_object(const Finding& finding, const pybind11::object& source);

}  // namespace inboxlint::python
