# Applies INBOXLINT_SANITIZE (a comma-separated -fsanitize list) to everything
# built below, so the tests and the library are instrumented alike.
if(INBOXLINT_SANITIZE)
  add_compile_options(-fsanitize=${INBOXLINT_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${INBOXLINT_SANITIZE})
endif()
