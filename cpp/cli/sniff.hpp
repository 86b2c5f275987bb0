// Telling from its first bytes that a file met in a directory walk is not a
// message (a key, a certificate, binary data), so the walk can skip it.
#pragma once

#include <cstddef>
#include <string_view>

namespace inboxlint::cli {

// How many of a file's first bytes decide.
inline constexpr std::size_t sniff_size = 8192;

// Whether `head`, a file's first bytes, shows the file is not a message.
// Conservative: a file that starts like a header field or an mbox "From "
// line is mail whatever follows, and so is anything not recognised.
bool is_clearly_not_mail(std::string_view head);

}  // namespace inboxlint::cli
