#include "rules/mime_rules.hpp"

#include "mime/content_type.hpp"

namespace inboxlint::checks {

void for_each_entity(const analysis::Message& msg, const std::function<void(int, const mime::Entity&)>& visit) {
    for (std::size_t i = 0; i < msg.entities().size(); ++i) visit(static_cast<int>(i), msg.entities()[i]);
}

void for_each_leaf(const analysis::Message& msg, const std::function<void(int, const mime::Entity&)>& visit) {
    for_each_entity(msg, [&](int index, const mime::Entity& e) {
        if (e.kind == mime::EntityKind::leaf) visit(index, e);
    });
}

}  // namespace inboxlint::checks
