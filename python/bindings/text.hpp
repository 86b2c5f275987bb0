// Every string the core hands to Python goes through text(): the core keeps
// the message's own bytes in finding messages, addresses and excerpts, and a
// raw 0xA0 or 0xFF there must not turn into a UnicodeDecodeError in a
// pipeline. Invalid UTF-8 becomes U+FFFD (Python's "replace" handler, one per
// maximal invalid subsequence, as the JSON reporter writes it); the exact
// bytes stay reachable through the finding's raw span into Report.source.
#pragma once

#include <pybind11/pybind11.h>

#include <string_view>

namespace inboxlint::python {

inline pybind11::str text(std::string_view utf8) {
    PyObject* decoded = PyUnicode_DecodeUTF8(utf8.data(), static_cast<Py_ssize_t>(utf8.size()), "replace");
    if (decoded == nullptr) throw pybind11::error_already_set();
    return pybind11::reinterpret_steal<pybind11::str>(decoded);
}

}  // namespace inboxlint::python
