// Conversions between the C++ report and the plain tuples the Python package
// turns into its frozen dataclasses (python/inboxlint/_types.py). Tuples keep
// the compiled layer thin and the conversion cheap.
#pragma once

#include <pybind11/pybind11.h>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint::python {

pybind11::tuple report_to_tuple(const Report& report);
Report report_from_tuple(const pybind11::tuple& data);

pybind11::tuple rule_to_tuple(const RuleInfo& rule);

// The batch checks: (name, from, from location, category) per message and
// (message index, finding, related message indexes) per finding.
pybind11::tuple batch_message_to_tuple(const BatchMessage& message);
BatchMessage batch_message_from_tuple(const pybind11::tuple& data);
pybind11::tuple batch_finding_to_tuple(const BatchFinding& finding);

Config config_from_dict(const pybind11::dict& config);

}  // namespace inboxlint::python
