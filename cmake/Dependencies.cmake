# System libraries (Debian packages). Each is found once here and used through
# an imported target.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 60 REQUIRED COMPONENTS uc i18n data)

# gumbo: Debian builds it with assertions on, and a failed assertion would
# abort the host process (Python included). We link the static archive and
# redirect its __assert_fail to our handler (see cpp/src/html/gumbo_guard.cpp);
# --exclude-libs keeps gumbo's symbols out of our exported ones, which also
# lets its non-PIC (PIE) objects go into a shared object.
find_path(GUMBO_INCLUDE_DIR gumbo.h REQUIRED)
find_library(GUMBO_STATIC_LIBRARY NAMES libgumbo.a)
if(NOT GUMBO_STATIC_LIBRARY)
  message(FATAL_ERROR "libgumbo.a not found: install libgumbo-dev")
endif()
add_library(inboxlint_gumbo INTERFACE)
target_include_directories(inboxlint_gumbo SYSTEM INTERFACE ${GUMBO_INCLUDE_DIR})
target_link_libraries(inboxlint_gumbo INTERFACE ${GUMBO_STATIC_LIBRARY})
target_link_options(inboxlint_gumbo INTERFACE "LINKER:--wrap=__assert_fail" "LINKER:--exclude-libs,libgumbo.a")

find_path(MIMETIC_INCLUDE_DIR mimetic/mimetic.h REQUIRED)
find_library(MIMETIC_LIBRARY NAMES mimetic REQUIRED)
add_library(inboxlint_mimetic INTERFACE)
target_include_directories(inboxlint_mimetic SYSTEM INTERFACE ${MIMETIC_INCLUDE_DIR})
target_link_libraries(inboxlint_mimetic INTERFACE ${MIMETIC_LIBRARY})

pkg_check_modules(LIBPSL REQUIRED IMPORTED_TARGET libpsl)
find_package(OpenSSL 1.1 REQUIRED COMPONENTS Crypto)

# Everything the core links, as one target: tests, the CLI and the Python
# module link the core's objects and need the same libraries.
add_library(inboxlint_deps INTERFACE)
target_link_libraries(inboxlint_deps INTERFACE
  ICU::i18n ICU::uc ICU::data inboxlint_gumbo inboxlint_mimetic PkgConfig::LIBPSL OpenSSL::Crypto Threads::Threads)
