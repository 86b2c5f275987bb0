// Shared by MIME rules: walking the entities of a message.
#pragma once

#include <functional>

#include "rules/context.hpp"

namespace inboxlint::checks {

// Calls `visit(index, entity)` for every entity, in document order.
void for_each_entity(const analysis::Message& msg, const std::function<void(int, const mime::Entity&)>& visit);
// The same, for leaf entities (parts with content of their own).
void for_each_leaf(const analysis::Message& msg, const std::function<void(int, const mime::Entity&)>& visit);

}  // namespace inboxlint::checks
