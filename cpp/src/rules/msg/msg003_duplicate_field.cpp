#include <array>
#include <string_view>

#include "rules/context.hpp"

namespace inboxlint::checks {
namespace {

// RFC 5322 3.6: fields with a maximum of one. From and Message-ID have rules
// of their own (FROM001, MID004).
constexpr std::array<std::string_view, 9> single_fields{
    "Date", "Sender", "Reply-To", "To", "Cc", "Bcc", "In-Reply-To", "References", "Subject",
};

}  // namespace

void check_msg003_duplicate_field(Context& ctx) {
    const analysis::Message& msg = ctx.message();
    for (std::string_view name : single_fields) {
        const auto found = msg.fields(name);
        for (std::size_t i = 1; i < found.size(); ++i) {
            Finding& f = ctx.report(
                "", found[i]->field,
                std::string(name) + " appears " + std::to_string(found.size()) + " times; RFC 5322 allows it once");
            f.related.push_back({ctx.location("", found[0]->field), "first " + std::string(name) + " field"});
            f.properties.push_back({"field", std::string(name)});
        }
    }
}

}  // namespace inboxlint::checks
