#pragma once
/// \file version.hpp
/// The one place that holds the version of kerncijfers. CMake and the Python build
/// (scikit-build-core's regex provider) both read the numbers from this file.

#define KERNCIJFERS_VERSION_MAJOR 0
#define KERNCIJFERS_VERSION_MINOR 1
#define KERNCIJFERS_VERSION_PATCH 0
#define KERNCIJFERS_VERSION "0.1.0"

namespace kerncijfers {

/// Version of the headers in use, as "major.minor.patch".
inline constexpr const char* version = KERNCIJFERS_VERSION;

}  // namespace kerncijfers
