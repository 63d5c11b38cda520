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
  const kc::count_period w = kc::parse_count_period("2021-W19");
  BOOST_TEST(std::holds_alternative<kc::iso_week>(w));
  BOOST_TEST((std::get<kc::iso_week>(w) == kc::iso_week(2021, 19)));
  // The alternatives before weeks keep their positions (kerncijfers.pandas numbers them so).
  BOOST_TEST(m.index() == 0u);
  BOOST_TEST(q.index() == 1u);
  BOOST_TEST(y.index() == 2u);
  BOOST_TEST(w.index() == 3u);
  for (const char* text :
       {"2021-05", "2021-Q2", "2021", "0001-01", "9999-Q4", "2021-W19", "2020-W53", "0001-W01", "9999-W52"}) {
    BOOST_TEST(kc::iso(kc::parse_count_period(text)) == text);
  }
  std::ostringstream out;
  out << q;
  BOOST_TEST(out.str() == "2021-Q2");
}

BOOST_AUTO_TEST_CASE(count_period_parse_errors_name_the_text) {
  for (const char* text :
       {"", "21", "2021-13", "2021-00", "2021-Q5", "2021-Q0", "2021Q2", "2021-5", "2021-W53", "2021-W00", "2021-W5",
        "2021W19", "2021-W019", "2021-w19", "2021-05-01", " 2021", "2021 ", "mei 2021"}) {
    try {
      (void)kc::parse_count_period(text);
      BOOST_ERROR("no error for \"" << text << "\"");
    } catch (const kc::parse_error& e) {
      BOOST_TEST(e.input() == text);
      BOOST_TEST(std::string(e.what()) ==
                 "cannot parse \"" + std::string(text) +
                     "\" as a period: an ISO week (YYYY-Www), a month (YYYY-MM), a quarter (YYYY-Qn) or a year "
                     "(YYYY)");
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

BOOST_AUTO_TEST_CASE(weeks_are_labelled_but_have_no_months) {
  const kc::count_period w = kc::iso_week(2021, 19);
  BOOST_TEST(kc::iso(w) == "2021-W19");
  BOOST_TEST(kc::label(w, kc::language::nl) == "week 19 2021");
  std::ostringstream out;
  out << w;
  BOOST_TEST(out.str() == "2021-W19");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::months_of(w); }) ==
             "2021-W19 is an ISO week, not made of whole months (weeks do not tile months)");
}

BOOST_AUTO_TEST_CASE(count_window_holds_a_range_of_any_unit) {
  const kc::count_window months_window = months(2020, 6, 2021, 5);
  BOOST_TEST((months_window == months(2020, 6, 2021, 5)));
  BOOST_TEST(!(months_window == months(2020, 6, 2021, 4)));
  BOOST_TEST(months_window.iso() == "2020-06/2021-05");
  BOOST_TEST(months_window.label(kc::language::en) == "June 2020 to May 2021");
  BOOST_TEST(months_window.size() == 12u);
  BOOST_TEST(!months_window.weeks());
  BOOST_TEST((months_window.get_if<kc::month>() != nullptr && months_window.get_if<kc::iso_week>() == nullptr));
  BOOST_TEST(kc::iso(months_window.first()) == "2020-06");
  BOOST_TEST(kc::iso(months_window.last()) == "2021-05");
  BOOST_TEST(months_window.first_day_number() == kc::month(2020, 6).first_day_number());
  BOOST_TEST(months_window.last_day_number() == kc::month(2021, 5).last_day_number());

  const kc::count_window weeks = kc::trailing(kc::iso_week(2021, 19), 4);
  BOOST_TEST(weeks.weeks());
  BOOST_TEST(weeks.iso() == "2021-W16/2021-W19");
  BOOST_TEST(weeks.size() == 4u);
  // 2021-W16 starts on Monday 19 April 2021; 2021-W19 ends on Sunday 16 May 2021.
  BOOST_TEST(weeks.first_day_number() == kc::calendar::to_day_number(2021, 4, 19));
  BOOST_TEST(weeks.last_day_number() == kc::calendar::to_day_number(2021, 5, 16));
  std::ostringstream out;
  out << weeks;
  BOOST_TEST(out.str() == "2021-W16/2021-W19");

  // A month window and a year window of the same days differ: the unit is part of the window.
  const kc::count_window year = kc::period_range(kc::year(2021));
  BOOST_TEST(!(year == kc::count_window(months(2021, 1, 2021, 12))));
  BOOST_TEST((kc::count_window(kc::count_period(kc::year(2021))) == year));
  BOOST_TEST((kc::count_window() == kc::period_range(kc::month(1970, 1))));
  static_assert(kc::count_window(kc::period_range(kc::quarter(2021, 1), kc::quarter(2021, 4))).size() == 4);
}
