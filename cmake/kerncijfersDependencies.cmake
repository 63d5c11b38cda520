# Howard Hinnant's date: an installed copy first (Debian: libhowardhinnant-date-dev).
# The download is opt-in (KERNCIJFERS_FETCH_DATE) so that a normal build never needs
# the network.
include(GNUInstallDirs)

find_package(date 3 CONFIG QUIET)
if(NOT date_FOUND)
  if(KERNCIJFERS_FETCH_DATE)
    include(FetchContent)
    set(BUILD_TZ_LIB OFF CACHE BOOL "" FORCE)
    FetchContent_Declare(date
      GIT_REPOSITORY https://github.com/HowardHinnant/date.git
      GIT_TAG v3.0.1)
    FetchContent_MakeAvailable(date)
  else()
    message(FATAL_ERROR
      "kerncijfers needs Howard Hinnant's date library (date/date.h, date/iso_week.h).\n"
      "Install it (Debian/Ubuntu: apt-get install libhowardhinnant-date-dev), point "
      "CMAKE_PREFIX_PATH at its CMake package, or configure with -DKERNCIJFERS_FETCH_DATE=ON "
      "to download it.")
  endif()
endif()
