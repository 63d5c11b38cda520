#define BOOST_TEST_MODULE imprecise_date
#include <boost/test/unit_test.hpp>

#include <kerncijfers/imprecise_date.hpp>

#include <functional>
#include <optional>
#include <sstream>
#include <string>

namespace kc = kerncijfers;
using kc::date_precision;
using kc::imprecise_date;

namespace {

kc::calendar::day_number dn(int y, unsigned m, unsigned d) { return kc::calendar::to_day_number(y, m, d); }

}  // namespace

BOOST_AUTO_TEST_CASE(parses_each_precision_to_its_first_day) {
  BOOST_TEST((kc::parse_imprecise_date("2021-06-15") == imprecise_date{dn(2021, 6, 15), date_precision::day}));
  BOOST_TEST((kc::parse_imprecise_date("2021-W24") == imprecise_date{dn(2021, 6, 14), date_precision::week}));
  BOOST_TEST((kc::parse_imprecise_date("2021-06") == imprecise_date{dn(2021, 6, 1), date_precision::month}));
  BOOST_TEST((kc::parse_imprecise_date("2020-W53") == imprecise_date{dn(2020, 12, 28), date_precision::week}));
  BOOST_TEST((kc::parse_imprecise_date("0001-01-01") == imprecise_date{dn(1, 1, 1), date_precision::day}));
  BOOST_TEST((kc::parse_imprecise_date("9999-12") == imprecise_date{dn(9999, 12, 1), date_precision::month}));
}

BOOST_AUTO_TEST_CASE(refuses_everything_else) {
  for (const char* text : {"", "2021", "2021-6", "2021-13", "2021-00", "2021-06-31", "2021-02-29", "0000-01-01",
                           "2021-W53", "2021-W00", "2021-Q2", "2021/06/15", " 2021-06", "2021-06 ", "15-06-2021",
                           "2021-06-15T10:00", "juni 2021", "2021-0a-01", "+021-06-01"}) {
    BOOST_TEST(!kc::parse_imprecise_date(text).has_value(), "accepted \"" << text << "\"");
  }
  BOOST_TEST(kc::parse_imprecise_date("2020-02-29").has_value());  // a leap day exists
}

BOOST_AUTO_TEST_CASE(iso_writes_what_parse_reads) {
  for (const char* text : {"2021-06-15", "2021-W24", "2021-06", "2020-W53", "0001-01-01", "0999-03", "9999-12-31"}) {
    const std::optional<imprecise_date> date = kc::parse_imprecise_date(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    BOOST_TEST(date->iso() == text);
  }
  std::ostringstream out;
  out << imprecise_date{dn(2016, 10, 1), date_precision::month} << ' ' << date_precision::week;
  BOOST_TEST(out.str() == "2016-10 week");
}

BOOST_AUTO_TEST_CASE(last_day_of_each_precision) {
  BOOST_TEST((imprecise_date{dn(2021, 6, 15), date_precision::day}.last_day() == dn(2021, 6, 15)));
  BOOST_TEST((imprecise_date{dn(2021, 6, 14), date_precision::week}.last_day() == dn(2021, 6, 20)));
  BOOST_TEST((imprecise_date{dn(2020, 2, 1), date_precision::month}.last_day() == dn(2020, 2, 29)));
  BOOST_TEST((imprecise_date{dn(2021, 12, 1), date_precision::month}.last_day() == dn(2021, 12, 31)));
}

BOOST_AUTO_TEST_CASE(labels_in_both_languages) {
  BOOST_TEST(kc::parse_imprecise_date("2021-06-15")->label(kc::language::nl) == "15 juni 2021");
  BOOST_TEST(kc::parse_imprecise_date("2021-06-05")->label(kc::language::en) == "5 June 2021");
  BOOST_TEST(kc::parse_imprecise_date("2021-W24")->label(kc::language::nl) == "week 24 2021");
  BOOST_TEST(kc::parse_imprecise_date("2021-06")->label(kc::language::nl) == "juni 2021");
  BOOST_TEST(kc::parse_imprecise_date("2021-06")->label(kc::language::en) == "June 2021");
}

BOOST_AUTO_TEST_CASE(order_first_day_then_finer_first) {
  const imprecise_date monday{dn(2021, 5, 31), date_precision::day};
  const imprecise_date week22{dn(2021, 5, 31), date_precision::week};
  const imprecise_date june{dn(2021, 6, 1), date_precision::month};
  const imprecise_date june_first{dn(2021, 6, 1), date_precision::day};
  BOOST_TEST((monday < week22));
  BOOST_TEST((week22 < june));
  BOOST_TEST((june_first < june));  // June may mean any day of June
  BOOST_TEST((june < imprecise_date{dn(2021, 6, 2), date_precision::day}));
  BOOST_TEST(((june <=> june) == 0));
  BOOST_TEST(kc::coarseness(date_precision::day) == 0);
  BOOST_TEST(kc::coarseness(date_precision::week) == 1);
  BOOST_TEST(kc::coarseness(date_precision::month) == 2);
}

BOOST_AUTO_TEST_CASE(precision_names_and_fixed_values) {
  BOOST_TEST(kc::to_string(date_precision::day) == "day");
  BOOST_TEST(kc::to_string(date_precision::month) == "month");
  BOOST_TEST(kc::to_string(date_precision::week) == "week");
  // Saved designations (Python pickles) store these numbers.
  static_assert(static_cast<int>(date_precision::day) == 0);
  static_assert(static_cast<int>(date_precision::month) == 1);
  static_assert(static_cast<int>(date_precision::week) == 2);
}

BOOST_AUTO_TEST_CASE(regular_value_with_a_hash) {
  const imprecise_date a{dn(2021, 6, 1), date_precision::day};
  imprecise_date b = a;
  BOOST_TEST((a == b));
  BOOST_TEST(std::hash<imprecise_date>{}(a) == std::hash<imprecise_date>{}(b));
  b.precision = date_precision::month;
  BOOST_TEST((a != b));
  BOOST_TEST(std::hash<imprecise_date>{}(a) != std::hash<imprecise_date>{}(b));
  BOOST_TEST((imprecise_date{} == imprecise_date{0, date_precision::day}));
}
