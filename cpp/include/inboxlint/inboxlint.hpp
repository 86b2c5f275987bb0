// inboxlint: lint outgoing e-mail against inbox-provider sender guidelines.
// The umbrella header; include this one.
#pragma once

#include "inboxlint/batch.hpp"
#include "inboxlint/compose.hpp"
#include "inboxlint/config.hpp"
#include "inboxlint/linter.hpp"
#include "inboxlint/report.hpp"
#include "inboxlint/reporters.hpp"
#include "inboxlint/rules.hpp"
#include "inboxlint/version.hpp"
