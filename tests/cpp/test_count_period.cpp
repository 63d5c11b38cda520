#define BOOST_TEST_MODULE count_period
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/count_period.hpp>

#include <sstream>
#include <string>
#include <variant>

namespace kc = kerncijfers;

namespace {

kc::period_range<kc::month> months(int y1, unsigned m1, int y2, unsigned m2) {
  return kc::period_range<kc::month>(kc::month(y1, m1), kc::month(y2, m2));
}

using kerncijfers_test::message_of;

}  // namespace

BOOST_AUTO_TEST_CASE(count_period_parses_each_iso_form) {
  const kc::count_period m = kc::parse_count_period("2021-05");
  BOOST_TEST(std::holds_alternative<kc::month>(m));
  BOOST_TEST((std::get<kc::month>(m) == kc::month(2021, 5)));
  const kc::count_period q = kc::parse_count_period("2021-Q2");
  BOOST_TEST(std::holds_alternative<kc::quarter>(q));
  BOOST_TEST((std::get<kc::quarter>(q) == kc::quarter(2021, 2)));
  const kc::count_period y = kc::parse_count_period("2021");
  BOOST_TEST(std::holds_alternative<kc::year>(y));
  BOOST_TEST((std::get<kc::year>(y) == kc::year(2021)));
  for (const char* text : {"2021-05", "2021-Q2", "2021", "0001-01", "9999-Q4"}) {
    BOOST_TEST(kc::iso(kc::parse_count_period(text)) == text);
  }
  std::ostringstream out;
  out << q;
  BOOST_TEST(out.str() == "2021-Q2");
}

BOOST_AUTO_TEST_CASE(count_period_parse_errors_name_the_text) {
  for (const char* text : {"", "21", "2021-13", "2021-00", "2021-Q5", "2021-Q0", "2021Q2", "2021-5", "2021-W19",
                           "2021-05-01", " 2021", "2021 ", "mei 2021"}) {
    try {
      (void)kc::parse_count_period(text);
      BOOST_ERROR("no error for \"" << text << "\"");
    } catch (const kc::parse_error& e) {
      BOOST_TEST(e.input() == text);
      BOOST_TEST(std::string(e.what()) ==
                 "cannot parse \"" + std::string(text) +
                     "\" as a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)");
    }
  }
}

BOOST_AUTO_TEST_CASE(count_period_months_and_labels) {
  BOOST_TEST((kc::months_of(kc::month(2021, 5)) == months(2021, 5, 2021, 5)));
  BOOST_TEST((kc::months_of(kc::quarter(2020, 3)) == months(2020, 7, 2020, 9)));
  BOOST_TEST((kc::months_of(kc::year(2021)) == months(2021, 1, 2021, 12)));
  static_assert(kc::months_of(kc::quarter(2021, 4)).size() == 3);
  BOOST_TEST(kc::label(kc::month(2021, 5), kc::language::nl) == "mei 2021");
  BOOST_TEST(kc::label(kc::quarter(2021, 2), kc::language::nl) == "2e kwartaal 2021");
  BOOST_TEST(kc::label(kc::quarter(2021, 2), kc::language::en) == "Q2 2021");
  BOOST_TEST(kc::label(kc::year(2021), kc::language::en) == "2021");
}
