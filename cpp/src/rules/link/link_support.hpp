// Shared by the LINK and IDN rules: reporting at a url::Place (header bytes
// or a range of a part's decoded text) and the properties every link
// finding carries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/context.hpp"
#include "url/links.hpp"

namespace inboxlint::checks {

Finding& report_place(Context& ctx, const url::Place& place, std::string message);
Location place_location(const Context& ctx, const url::Place& place);

// Where the finding about a link points: its host when located, else the URL.
const url::Place& link_focus(const url::Link& link);

// Adds "url", "source" and "host" properties.
Finding& with_link(Finding& f, const url::Link& link);

// Shortens text for a message ("https://example.com/very/lo…").
std::string excerpt(std::string_view text, std::size_t max = 80);

// Whether an ASCII host is one of the domains (or a subdomain of one).
bool host_in(std::string_view host, const std::vector<std::string>& domains);

}  // namespace inboxlint::checks
