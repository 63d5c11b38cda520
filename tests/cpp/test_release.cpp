#define BOOST_TEST_MODULE release
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/release.hpp>

#include <algorithm>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;

namespace {

using kerncijfers_test::message_of;

}  // namespace

BOOST_AUTO_TEST_CASE(release_parse_and_format_each_precision) {
  const kc::release day = kc::release::parse("2021-06-15");
  BOOST_TEST((day.precision() == kc::release_precision::day));
  BOOST_TEST(day.iso() == "2021-06-15");
  BOOST_TEST(*day.first_day_number() == kc::calendar::to_day_number(2021, 6, 15));
  BOOST_TEST((day == kc::release::from_date(2021, 6, 15)));

  const kc::release week = kc::release::parse("2021-W24");
  BOOST_TEST((week.precision() == kc::release_precision::week));
  BOOST_TEST(week.iso() == "2021-W24");
  BOOST_TEST(*week.first_day_number() == kc::calendar::to_day_number(2021, 6, 14));  // its Monday
  BOOST_TEST((week == kc::release::from_week(kc::iso_week(2021, 24))));
  BOOST_TEST(kc::release::parse("2020-W53").iso() == "2020-W53");  // a 53-week year

  const kc::release month = kc::release::parse("2021-06");
  BOOST_TEST((month.precision() == kc::release_precision::month));
  BOOST_TEST(month.iso() == "2021-06");
  BOOST_TEST(*month.first_day_number() == kc::calendar::to_day_number(2021, 6, 1));
  BOOST_TEST((month == kc::release::from_month(kc::month(2021, 6))));

  const kc::release undated = kc::release::parse("");
  BOOST_TEST(!undated.is_dated());
  BOOST_TEST((undated.precision() == kc::release_precision::undated));
  BOOST_TEST(undated.iso() == "");
  BOOST_TEST(!undated.first_day_number().has_value());
  BOOST_TEST((undated == kc::release()));

  std::ostringstream out;
  out << day << ' ' << week << ' ' << month << ' ' << undated;
  BOOST_TEST(out.str() == "2021-06-15 2021-W24 2021-06 undated");
  BOOST_TEST(kc::to_string(kc::release_precision::week) == "week");
}

BOOST_AUTO_TEST_CASE(release_parse_errors_name_the_text) {
  for (const char* text : {"2021-06-31", "2021-02-29", "2021-13", "2021-W53", "2021-W00", "2021-6", "2021/06/15",
                           " 2021-06", "15-06-2021", "2021", "2021-Q2", "juni 2021", "2021-06-15T10:00"}) {
    try {
      (void)kc::release::parse(text);
      BOOST_ERROR("no error for \"" << text << "\"");
    } catch (const kc::parse_error& e) {
      BOOST_TEST(e.input() == text);
      BOOST_TEST(std::string(e.what()) ==
                 "cannot parse \"" + std::string(text) +
                     "\" as a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)");
    }
  }
  BOOST_TEST(kc::release::parse("2020-02-29").iso() == "2020-02-29");  // a leap day exists
  BOOST_CHECK_THROW((void)kc::release::from_date(2021, 2, 29), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(release_order_undated_first_then_first_day_then_precision) {
  const kc::release undated;
  const kc::release earliest = kc::release::from_date(1, 1, 1);
  BOOST_TEST((undated < earliest));
  BOOST_TEST((undated < kc::release::from_month(kc::month(1, 1))));
  // Same first day: day < week < month.
  const kc::release monday = kc::release::parse("2021-05-31");
  const kc::release week22 = kc::release::parse("2021-W22");  // Monday 31 May 2021
  BOOST_TEST((monday < week22));
  BOOST_TEST((week22 < kc::release::parse("2021-06")));  // 31 May before 1 June
  BOOST_TEST((kc::release::parse("2021-06-01") < kc::release::parse("2021-06")));
  // First day first: a day later in the month beats the month.
  BOOST_TEST((kc::release::parse("2021-06") < kc::release::parse("2021-06-02")));
  BOOST_TEST((kc::release::parse("2021-W23") < kc::release::parse("2021-06-08")));  // W23 starts 7 June
  BOOST_TEST((kc::release::parse("2021-06-07") < kc::release::parse("2021-W23")));
  BOOST_TEST(((kc::release::parse("2021-06") <=> kc::release::parse("2021-06")) == 0));
  BOOST_TEST((std::max(undated, kc::release::parse("2020-07")) == kc::release::parse("2020-07")));
}

BOOST_AUTO_TEST_CASE(release_labels_and_hash) {
  BOOST_TEST(kc::release::parse("2021-06-15").label(kc::language::nl) == "15 juni 2021");
  BOOST_TEST(kc::release::parse("2021-06-15").label(kc::language::en) == "15 June 2021");
  BOOST_TEST(kc::release::parse("2021-W24").label(kc::language::nl) == "week 24 2021");
  BOOST_TEST(kc::release::parse("2021-06").label(kc::language::nl) == "juni 2021");
  BOOST_TEST(kc::release().label(kc::language::nl) == "ongedateerd");
  BOOST_TEST(kc::release().label(kc::language::en) == "undated");
  const std::hash<kc::release> h;
  BOOST_TEST(h(kc::release::parse("2021-06-15")) == h(kc::release::from_date(2021, 6, 15)));
  BOOST_TEST(h(kc::release::parse("2021-06-01")) != h(kc::release::parse("2021-06")));
}

BOOST_AUTO_TEST_CASE(release_day_numbers_outside_the_calendar_are_refused) {
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::release::from_day(2'147'483'000); }) ==
             "release day number 2147483000 is outside the supported years 0001-9999");
  BOOST_CHECK_THROW((void)kc::release::from_day(kc::calendar::min_day_number - 1), kc::range_error);
  BOOST_TEST(kc::release::from_day(kc::calendar::max_day_number).iso() == "9999-12-31");
}

BOOST_AUTO_TEST_CASE(release_rank_orders_as_releases_do) {
  // The vintage rule sorts by this integer: it must order (and equal) exactly as releases do,
  // at the calendar's ends too.
  const std::vector<kc::release> releases = {
      kc::release(),
      kc::release::from_date(1, 1, 1),
      kc::release::from_month(kc::month(1, 1)),
      kc::release::from_week(kc::iso_week(1, 1)),
      kc::release::parse("1969-12-31"),
      kc::release::parse("1970-01-01"),
      kc::release::parse("2021-05-31"),
      kc::release::parse("2021-W22"),
      kc::release::parse("2021-06"),
      kc::release::parse("2021-06-01"),
      kc::release::parse("2021-06-02"),
      kc::release::parse("2021-W23"),
      kc::release::parse("2021-06-07"),
      kc::release::from_date(9999, 12, 31),
      kc::release::from_month(kc::month(9999, 12)),
      kc::release::parse("9999-W52"),
  };
  for (const kc::release& a : releases) {
    for (const kc::release& b : releases) {
      BOOST_TEST((kc::detail::release_rank(a) < kc::detail::release_rank(b)) == (a < b), a << " vs " << b);
      BOOST_TEST((kc::detail::release_rank(a) == kc::detail::release_rank(b)) == (a == b), a << " vs " << b);
    }
  }
}
