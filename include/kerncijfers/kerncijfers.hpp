#pragma once
/// \file kerncijfers.hpp
/// Umbrella header: everything kerncijfers offers.

#include "kerncijfers/version.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/calendar.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
