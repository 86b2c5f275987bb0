// Conversions between C++ values and plain tuples: the reports the Python
// package hands back for formatting (python/inboxlint/_convert.py turns its
// dataclasses into these tuples), rules, configs and the batch checks'
// records. Results going to Python are built as objects (objects.hpp).
#pragma once

#include <pybind11/pybind11.h>

#include "inboxlint/inboxlint.hpp"

namespace inboxlint::python {

Report report_from_tuple(const pybind11::tuple& data);
AuthResult auth_result_from_tuple(const pybind11::tuple& data);

pybind11::tuple rule_to_tuple(const RuleInfo& rule);

// The batch checks: (name, from, from location, category) per message and
// (message index, finding, related message indexes) per finding.
pybind11::tuple batch_message_to_tuple(const BatchMessage& message);
BatchMessage batch_message_from_tuple(const pybind11::tuple& data);
pybind11::tuple batch_finding_to_tuple(const BatchFinding& finding);

Config config_from_dict(const pybind11::dict& config);

}  // namespace inboxlint::python
