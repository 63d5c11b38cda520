# Finds Intel's ISA-L (Debian/Ubuntu: libisal-dev), whose igzip inflates gzip about twice as
# fast as zlib, and defines the imported target ISAL::ISAL. pkg-config (libisal.pc) gives the
# hints; the header isa-l/igzip_lib.h and the library isal are then looked up by name, so the
# module also works where pkg-config is missing. Installed with the kerncijfers package, so
# that a consumer finds ISA-L the same way (kerncijfersConfig.cmake).
#
# Result: ISAL_FOUND, ISAL_INCLUDE_DIR, ISAL_LIBRARY, ISAL_VERSION (when pkg-config knows it),
# and the target ISAL::ISAL.

find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_ISAL QUIET libisal)
endif()

find_path(ISAL_INCLUDE_DIR NAMES isa-l/igzip_lib.h HINTS ${PC_ISAL_INCLUDEDIR} ${PC_ISAL_INCLUDE_DIRS})
find_library(ISAL_LIBRARY NAMES isal HINTS ${PC_ISAL_LIBDIR} ${PC_ISAL_LIBRARY_DIRS})
if(PC_ISAL_VERSION)
  set(ISAL_VERSION "${PC_ISAL_VERSION}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(ISAL
  REQUIRED_VARS ISAL_LIBRARY ISAL_INCLUDE_DIR
  VERSION_VAR ISAL_VERSION)

if(ISAL_FOUND AND NOT TARGET ISAL::ISAL)
  add_library(ISAL::ISAL UNKNOWN IMPORTED)
  set_target_properties(ISAL::ISAL PROPERTIES
    IMPORTED_LOCATION "${ISAL_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ISAL_INCLUDE_DIR}")
endif()
mark_as_advanced(ISAL_INCLUDE_DIR ISAL_LIBRARY)
