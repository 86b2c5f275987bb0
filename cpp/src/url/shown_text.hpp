// Link text as a browser's address bar would read it, before it is compared
// with the href (issue 23): "amazo<ZWSP>n.co<ZWSP>m" is amazon.com and
// "amazon．com" (fullwidth full stop) is too, since UTS #46 drops the one and
// maps the other. Without this the oldest evasions of a misleading-link check
// pass as plain words. The result is for comparing only: findings keep
// pointing at the anchor's own bytes.
#pragma once

#include <string>
#include <string_view>

namespace inboxlint::url {

// `text` with every invisible character of a name removed (the one
// classifier, idn/invisible.hpp), the ideographic, fullwidth and halfwidth
// full stops (U+3002, U+FF0E, U+FF61) as ".", and fullwidth ASCII forms
// (U+FF01..U+FF5E) as ASCII. Text with nothing to change comes back as is.
std::string as_an_address_bar_reads(std::string_view text);

}  // namespace inboxlint::url
