// The DNS part of a Python configuration: records (a zone file's path, or
// (name, type, value) triples) or a resolver callable, and the envelope.
#pragma once

#include <pybind11/pybind11.h>

#include "inboxlint/config.hpp"

namespace inboxlint::python {

// Reads d["dns"] and d["envelope"] as _config.py prepares them; throws
// ConfigError for what the core rejects.
void dns_config_from_dict(const pybind11::dict& d, Config& config);

}  // namespace inboxlint::python
