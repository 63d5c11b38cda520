#define BOOST_TEST_MODULE calendar
#include <boost/test/unit_test.hpp>

#include <kerncijfers/calendar.hpp>

namespace cal = kerncijfers::calendar;

static_assert(cal::to_day_number(1970, 1, 1) == 0);
static_assert(cal::to_day_number(1969, 12, 31) == -1);
static_assert(cal::iso_weeks_in_year(2020) == 53);
static_assert(cal::iso_weeks_in_year(2021) == 52);
static_assert(cal::days_in_month(2020, 2) == 29);
static_assert(cal::days_in_month(1900, 2) == 28);
static_assert(cal::days_in_month(2000, 2) == 29);

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
  for (cal::day_number d = cal::to_day_number(1900, 1, 1); d <= cal::to_day_number(2199, 12, 31); d += 17) {
    const auto ymd = cal::to_civil(d);
    BOOST_REQUIRE(cal::to_day_number(cal::year_of(ymd), cal::month_of(ymd), cal::day_of(ymd)) == d);
  }
}

BOOST_AUTO_TEST_CASE(iso_weeks) {
  // 2021-01-01 is a Friday in ISO week 53 of 2020; 2021-01-04 opens week 1 of 2021.
  const auto w = cal::iso_week_of(cal::to_day_number(2021, 1, 1));
  BOOST_TEST(w.year == 2020);
  BOOST_TEST(w.week == 53u);
  BOOST_TEST(cal::iso_week_monday(2021, 1) == cal::to_day_number(2021, 1, 4));
  BOOST_TEST(cal::iso_week_monday(2026, 1) == cal::to_day_number(2025, 12, 29));
  BOOST_TEST(!cal::is_valid_date(2021, 2, 29));
  BOOST_TEST(cal::is_valid_date(2020, 2, 29));
  BOOST_TEST(!cal::is_valid_year(0));
  BOOST_TEST(cal::is_valid_year(9999));
}
