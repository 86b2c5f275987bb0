# Installs the shared library, the public headers, a CMake package
# (find_package(inboxlint) -> inboxlint::inboxlint) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS inboxlint EXPORT inboxlintTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/cpp/include/inboxlint" "${PROJECT_BINARY_DIR}/generated/include/inboxlint"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT inboxlintTargets NAMESPACE inboxlint:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/inboxlint)

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/inboxlintConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/inboxlintConfig.cmake" INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/inboxlint)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/inboxlintConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/inboxlintConfig.cmake" "${PROJECT_BINARY_DIR}/inboxlintConfigVersion.cmake"
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/inboxlint)

configure_file("${PROJECT_SOURCE_DIR}/cmake/inboxlint.pc.in" "${PROJECT_BINARY_DIR}/inboxlint.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/inboxlint.pc" DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

if(INBOXLINT_BUILD_CLI)
  install(TARGETS inboxlint_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
