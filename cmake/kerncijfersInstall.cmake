include(CMakePackageConfigHelpers)

set(KERNCIJFERS_CMAKE_DIR "${CMAKE_INSTALL_DATADIR}/cmake/kerncijfers"
    CACHE STRING "Where the kerncijfers CMake package is installed")

install(TARGETS kerncijfers EXPORT kerncijfersTargets)
install(DIRECTORY include/kerncijfers DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT kerncijfersTargets
  NAMESPACE kerncijfers::
  DESTINATION "${KERNCIJFERS_CMAKE_DIR}")

configure_package_config_file(
  "${CMAKE_CURRENT_SOURCE_DIR}/cmake/kerncijfersConfig.cmake.in"
  "${CMAKE_CURRENT_BINARY_DIR}/kerncijfersConfig.cmake"
  INSTALL_DESTINATION "${KERNCIJFERS_CMAKE_DIR}")
# Header-only: the same package serves every architecture.
write_basic_package_version_file(
  "${CMAKE_CURRENT_BINARY_DIR}/kerncijfersConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES
  "${CMAKE_CURRENT_BINARY_DIR}/kerncijfersConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/kerncijfersConfigVersion.cmake"
  "${CMAKE_CURRENT_SOURCE_DIR}/cmake/FindISAL.cmake"
  DESTINATION "${KERNCIJFERS_CMAKE_DIR}")
