# Install rules for what other programs use: hivectl, the engine library
# (libhivekit, static) with its headers, and the CMake package config, so that
# another project builds against an installed HiveKit with
#
#   find_package(HiveKit 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE HiveKit::hivekit)
#   #include "hive/Hive.h"
#
# The GUI installs itself (gui/CMakeLists.txt); the desktop files are in
# packaging/CMakeLists.txt. Components: Runtime (programs and desktop files)
# and Development (library, headers, package config); CPack makes one .deb of
# each (packaging/CMakeLists.txt).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The engine's headers use std::expected: whoever includes them compiles as
# C++23. A usage requirement, so that it travels with the exported target.
target_compile_features(hivekit PUBLIC cxx_std_23)

# The headers keep the engine's folder layout under include/hivekit/, the
# include directory the target exports (engine/CMakeLists.txt), so that
# "hive/Hive.h" and "util/Error.h" resolve the same way as in the tree.
install(TARGETS hivekit EXPORT HiveKitTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/hivekit
        COMPONENT Development
        FILES_MATCHING PATTERN "*.h")
install(TARGETS hivectl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)

set(HIVEKIT_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/HiveKit)
install(EXPORT HiveKitTargets
        NAMESPACE HiveKit::
        DESTINATION ${HIVEKIT_CMAKE_DIR}
        COMPONENT Development)
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/HiveKitConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/HiveKitConfig.cmake
  INSTALL_DESTINATION ${HIVEKIT_CMAKE_DIR})
# Before 1.0 a minor version may change the API: only the same minor matches.
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/HiveKitConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/HiveKitConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/HiveKitConfigVersion.cmake
        DESTINATION ${HIVEKIT_CMAKE_DIR}
        COMPONENT Development)
