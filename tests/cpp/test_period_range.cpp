#define BOOST_TEST_MODULE period_range
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include <kerncijfers/period_range.hpp>

namespace kc = kerncijfers;
using kc::language;

static_assert(kc::trailing(kc::month(2021, 5), 12).size() == 12);
static_assert(kc::trailing(kc::month(2021, 5), 12).first() == kc::month(2020, 6));
static_assert(kc::period_range(kc::month(2021, 1), kc::month(2021, 5)).contains(kc::month(2021, 3)));

BOOST_AUTO_TEST_CASE(inclusive_range_size_and_iteration) {
  const kc::period_range r(kc::month(2020, 6), kc::month(2021, 5));
  BOOST_TEST(r.size() == 12u);
  std::vector<std::string> isos;
  for (kc::month m : r) isos.push_back(m.iso());
  BOOST_TEST(isos.size() == 12u);
  BOOST_TEST(isos.front() == "2020-06");
  BOOST_TEST(isos.back() == "2021-05");
  BOOST_TEST(std::distance(r.begin(), r.end()) == 12);
  BOOST_TEST(r[6].iso() == "2020-12");
  BOOST_TEST(r.at(7).iso() == "2021-01");
  BOOST_CHECK_THROW((void)r.at(12), kc::range_error);
  BOOST_TEST(r.index_of(kc::month(2021, 1)) == 7u);
  BOOST_CHECK_THROW((void)r.index_of(kc::month(2021, 6)), kc::range_error);
  const kc::period_range single(kc::month(2021, 5));
  BOOST_TEST(single.size() == 1u);
  BOOST_TEST(std::ranges::count_if(single, [](kc::month) { return true; }) == 1);
}

BOOST_AUTO_TEST_CASE(reversed_range_is_an_error) {
  BOOST_CHECK_THROW(kc::period_range(kc::month(2021, 5), kc::month(2021, 4)), kc::range_error);
  try {
    (void)kc::period_range(kc::month(2021, 5), kc::month(2021, 4));
  } catch (const kc::range_error& e) {
    BOOST_TEST(std::string(e.what()) == "reversed period range: 2021-05 is after 2021-04");
  }
  BOOST_CHECK_THROW((void)kc::trailing(kc::month(2021, 5), 0), kc::range_error);
}

BOOST_AUTO_TEST_CASE(contains_and_intersection) {
  const kc::period_range a(kc::month(2020, 6), kc::month(2021, 5));
  const kc::period_range b(kc::month(2021, 1), kc::month(2021, 12));
  const kc::period_range c(kc::month(2021, 6), kc::month(2021, 7));
  BOOST_TEST(a.contains(kc::month(2020, 6)));
  BOOST_TEST(a.contains(kc::month(2021, 5)));
  BOOST_TEST(!a.contains(kc::month(2020, 5)));
  BOOST_TEST(!a.contains(kc::month(2021, 6)));
  BOOST_TEST(b.contains(c));
  BOOST_TEST(!a.contains(b));
  const auto ab = a.intersection(b);
  BOOST_REQUIRE(ab.has_value());
  BOOST_TEST(ab->iso() == "2021-01/2021-05");
  BOOST_TEST(!a.intersection(c).has_value());
  BOOST_TEST(b.intersection(c).value() == c);
}

BOOST_AUTO_TEST_CASE(trailing_and_year_to_date) {
  BOOST_TEST(kc::trailing(kc::month(2021, 5), 12).iso() == "2020-06/2021-05");
  BOOST_TEST(kc::trailing(kc::month(2021, 4), 12).iso() == "2020-05/2021-04");
  BOOST_TEST(kc::trailing(kc::month(2021, 5), 1).iso() == "2021-05");
  BOOST_TEST(kc::trailing(kc::iso_week(2021, 2), 3).iso() == "2020-W53/2021-W02");
  BOOST_TEST(kc::year_to_date(kc::month(2021, 5)).iso() == "2021-01/2021-05");
  BOOST_TEST(kc::year_to_date(kc::month(2021, 1)).iso() == "2021-01");
  BOOST_TEST(kc::year_to_date(kc::quarter(2021, 3)).iso() == "2021-Q1/2021-Q3");
  BOOST_TEST(kc::year_to_date(kc::iso_week(2026, 2)).iso() == "2026-W01/2026-W02");
  BOOST_TEST(kc::year_to_date(kc::year(2021)).iso() == "2021");
}

BOOST_AUTO_TEST_CASE(labels_in_dutch_and_english) {
  const auto window = kc::trailing(kc::month(2021, 5), 12);
  BOOST_TEST(window.label(language::nl) == "juni 2020 t/m mei 2021");
  BOOST_TEST(window.label(language::en) == "June 2020 to May 2021");
  BOOST_TEST(kc::trailing(kc::month(2021, 4), 12).label(language::nl) == "mei 2020 t/m april 2021");
  BOOST_TEST(kc::period_range(kc::month(2021, 5)).label(language::nl) == "mei 2021");
  BOOST_TEST(kc::period_range(kc::quarter(2020, 3), kc::quarter(2021, 1)).label(language::nl) ==
             "3e kwartaal 2020 t/m 1e kwartaal 2021");
}

BOOST_AUTO_TEST_CASE(parse_round_trip) {
  const auto r = kc::period_range<kc::month>::parse("2020-06/2021-05");
  BOOST_TEST(r == kc::trailing(kc::month(2021, 5), 12));
  BOOST_TEST(kc::period_range<kc::month>::parse("2021-05").size() == 1u);
  BOOST_CHECK_THROW((void)kc::period_range<kc::month>::parse("2020-06/2021-13"), kc::parse_error);
  BOOST_CHECK_THROW((void)kc::period_range<kc::month>::parse("2021-05/2020-06"), kc::range_error);
}

BOOST_AUTO_TEST_CASE(subperiods_and_coarsening) {
  BOOST_TEST(kc::subperiods<kc::month>(kc::quarter(2020, 3)).iso() == "2020-07/2020-09");
  BOOST_TEST(kc::subperiods<kc::month>(kc::year(2021)).iso() == "2021-01/2021-12");
  BOOST_TEST(kc::subperiods<kc::quarter>(kc::year(2021)).iso() == "2021-Q1/2021-Q4");
  // Weeks belong to the month of their Thursday.
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::month(2021, 5)).iso() == "2021-W18/2021-W21");
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::month(2021, 1)).iso() == "2021-W01/2021-W04");
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::month(2020, 12)).iso() == "2020-W49/2020-W53");
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::year(2020)).size() == 53u);
  // Every week of 1900-2199 falls in exactly one month's subperiods.
  int weeks = 0;
  for (kc::month m(1900, 1); m <= kc::month(2199, 12); ++m) {
    const auto ws = kc::subperiods<kc::iso_week>(m);
    for (kc::iso_week w : ws) BOOST_REQUIRE(kc::to_month(w) == m);
    if (m != kc::month(1900, 1)) BOOST_REQUIRE(ws.first() == kc::subperiods<kc::iso_week>(m - 1).last() + 1);
    weeks += static_cast<int>(ws.size());
  }
  BOOST_TEST(weeks == kc::iso_week(2199, 52) - kc::iso_week(1900, 1) + 1);
  BOOST_TEST(kc::coarsen<kc::quarter>(kc::period_range(kc::month(2020, 7), kc::month(2021, 3))).iso() == "2020-Q3/2021-Q1");
  BOOST_CHECK_THROW((void)kc::coarsen<kc::year>(kc::trailing(kc::month(2021, 5), 12)), kc::range_error);
}

BOOST_AUTO_TEST_CASE(regular_value) {
  const auto a = kc::trailing(kc::month(2021, 5), 12);
  auto b = a;
  BOOST_TEST((a == b));
  b = kc::trailing(kc::month(2021, 6), 12);
  BOOST_TEST((a != b));
  BOOST_TEST((a < b));
  std::unordered_set<kc::period_range<kc::month>> set{a, a, b};
  BOOST_TEST(set.size() == 2u);
}
