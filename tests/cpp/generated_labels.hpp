// The generated corpus (../shared/testdata/generated) and its labels.json:
// every message lists the kinds of problem it must show ("expected") and
// must not show ("must_not"). Each rule family's test knows some kinds and
// how a report shows them; this walks the corpus once for it.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "inboxlint/inboxlint.hpp"
#include "testdata.hpp"
#include "url_json.hpp"

namespace inboxlint::testing {

struct LabelCounts {
    int messages = 0;
    int expected = 0;   // labels of known kinds under "expected", over all messages
    int forbidden = 0;  // labels of known kinds under "must_not"
    std::map<std::string, int> expected_by_kind;
};

// Whether `report` shows `kind`, or nothing when the family does not know the kind.
using ShowsKind = std::function<std::optional<bool>(const std::string& kind, const Report& report)>;
// Called with every message's name, label and report, for a family's own checks.
using EachMessage = std::function<void(const std::string& name, const Json& label, const Report& report)>;

// Lints every labelled message with `linter`, expecting each known kind
// under "expected" to be shown and none under "must_not".
inline LabelCounts check_generated_labels(const Linter& linter, const ShowsKind& shows, const EachMessage& each = {}) {
    const auto dir = shared_testdata() / "generated";
    const Json labels = JsonReader(read_file(dir / "labels.json")).read();
    LabelCounts counts;
    for (const auto& [name, label] : labels.object) {
        const Report report = linter.lint(read_file(dir / name));
        ++counts.messages;
        for (const Json& kind : label.find("expected")->array) {
            const std::optional<bool> shown = shows(kind.string, report);
            if (!shown) continue;
            ++counts.expected;
            ++counts.expected_by_kind[kind.string];
            EXPECT_TRUE(*shown) << name << " should get " << kind.string;
        }
        for (const Json& kind : label.find("must_not")->array) {
            const std::optional<bool> shown = shows(kind.string, report);
            if (!shown) continue;
            ++counts.forbidden;
            EXPECT_FALSE(*shown) << name << " must not get " << kind.string;
        }
        if (each) each(name, label, report);
    }
    return counts;
}

}  // namespace inboxlint::testing
