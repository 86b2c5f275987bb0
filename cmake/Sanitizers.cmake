# Applies INBOXLINT_SANITIZE (a comma-separated -fsanitize list) to everything
# built below, so the tests and the library are instrumented alike.
if(INBOXLINT_SANITIZE)
  set(inboxlint_sanitizers ${INBOXLINT_SANITIZE})
  # GCC's "undefined" leaves out float-to-integer overflow, which clang's
  # includes (fuzz_css found one): ask for it by name.
  if(INBOXLINT_SANITIZE MATCHES "undefined")
    string(APPEND inboxlint_sanitizers ",float-cast-overflow")
  endif()
  add_compile_options(-fsanitize=${inboxlint_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${inboxlint_sanitizers})
endif()
