#include <string_view>

#include "core/ascii.hpp"
#include "rules/mime_rules.hpp"

namespace inboxlint::checks {
namespace {

// RFC 2046 5.1.1 bcharsnospace, plus the space that may not end a boundary.
bool is_bchar(char c) {
    static constexpr std::string_view extra = "'()+_,-./:=? ";
    return core::is_alnum(c) || extra.find(c) != std::string_view::npos;
}

std::string boundary_problem(std::string_view b) {
    if (b.size() > 70) return "is " + std::to_string(b.size()) + " characters long; the limit is 70";
    for (char c : b) {
        if (!is_bchar(c)) return "contains '" + std::string(1, c) + "', which RFC 2046 does not allow";
    }
    if (b.back() == ' ') return "ends with a space";
    return {};
}

}  // namespace

void check_mime014_invalid_boundary(Context& ctx) {
    for_each_entity(ctx.message(), [&](int, const mime::Entity& e) {
        if (e.boundary.empty()) return;
        const std::string problem = boundary_problem(e.boundary);
        if (problem.empty()) return;
        const mime::Parameter* param = e.content_type.param("boundary");
        ctx.report(e.path, param ? param->span : e.content_type.type_span, "the boundary " + problem);
    });
}

}  // namespace inboxlint::checks
