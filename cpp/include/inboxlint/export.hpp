// Marks the public API as exported from the shared library, which is built
// with hidden visibility so that nothing else leaks out of it.
#pragma once

#if defined(_WIN32)
#define INBOXLINT_API
#else
#define INBOXLINT_API __attribute__((visibility("default")))
#endif
