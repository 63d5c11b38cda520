#pragma once
/// \file kerncijfers.hpp
/// Umbrella header: everything kerncijfers offers.

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/checked.hpp"
#include "kerncijfers/counts.hpp"
#include "kerncijfers/departures.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/figures_json.hpp"
#include "kerncijfers/key_figures.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/panel.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/render.hpp"
#include "kerncijfers/rolling.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/safe_countries.hpp"
#include "kerncijfers/series.hpp"
#include "kerncijfers/share.hpp"
#include "kerncijfers/top_shares.hpp"
#include "kerncijfers/version.hpp"
