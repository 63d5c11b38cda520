# The dependencies, each an installed package: Howard Hinnant's date (Debian:
# libhowardhinnant-date-dev) and nlohmann/json (Debian: nlohmann-json3-dev, used by
# figures_json.hpp), each a CMake package first and downloaded only on request
# (KERNCIJFERS_FETCH_DATE, KERNCIJFERS_FETCH_JSON) so that a normal build never needs the
# network; zlib (zlib1g-dev) and the threads library for input_blocks.hpp; and, optional,
# ISA-L (libisal-dev, found with cmake/FindISAL.cmake) for its faster gzip inflater.
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

find_package(nlohmann_json 3 CONFIG QUIET)
if(NOT nlohmann_json_FOUND)
  if(KERNCIJFERS_FETCH_JSON)
    include(FetchContent)
    set(JSON_BuildTests OFF CACHE INTERNAL "")
    set(JSON_Install OFF CACHE INTERNAL "")
    FetchContent_Declare(nlohmann_json
      URL https://github.com/nlohmann/json/releases/download/v3.11.3/json.tar.xz
      URL_HASH SHA256=d6c65aca6b1ed68e7a182f4757257b107ae403032760ed6ef121c9d55e81757d
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE)
    FetchContent_MakeAvailable(nlohmann_json)
  else()
    message(FATAL_ERROR
      "kerncijfers needs nlohmann/json 3 (nlohmann/json.hpp) for its JSON output.\n"
      "Install it (Debian/Ubuntu: apt-get install nlohmann-json3-dev), point "
      "CMAKE_PREFIX_PATH at its CMake package, or configure with -DKERNCIJFERS_FETCH_JSON=ON "
      "to download it.")
  endif()
endif()

# input_blocks.hpp: zlib inflates gzip input, on a thread of its own.
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)

# ISA-L's igzip, when installed, inflates about twice as fast as zlib; zlib stays the fallback.
set(KERNCIJFERS_WITH_ISAL OFF)
if(KERNCIJFERS_USE_ISAL)
  find_package(ISAL)
  if(ISAL_FOUND)
    set(KERNCIJFERS_WITH_ISAL ON)
  else()
    message(STATUS "kerncijfers: ISA-L not found (Debian/Ubuntu: apt-get install libisal-dev); gzip input is inflated with zlib")
  endif()
endif()
