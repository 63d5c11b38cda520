#define BOOST_TEST_MODULE period_range
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <iterator>
#include <ranges>
#include <string>
#include <unordered_set>
#include <vector>

#include <kerncijfers/period_range.hpp>

#include "support/message_of.hpp"

namespace kc = kerncijfers;
using kc::language;
using kerncijfers_test::message_of;

static_assert(kc::trailing(kc::month(2021, 5), 12).size() == 12);
static_assert(kc::trailing(kc::month(2021, 5), 12).first() == kc::month(2020, 6));
static_assert(kc::period_range(kc::month(2021, 1), kc::month(2021, 5)).contains(kc::month(2021, 3)));
static_assert(kc::trailing(kc::month(1, 12), 12).first() == kc::month::min());
static_assert(kc::period_range(kc::month(2021, 1), kc::month(2021, 5))[4] == kc::month(2021, 5));
static_assert(std::ranges::random_access_range<kc::period_range<kc::iso_week>>);
// Indexing checks its argument (issue 11: it was noexcept and called a throwing function).
static_assert(!noexcept(std::declval<const kc::period_range<kc::month>&>()[0]));
// Results that always exist do not throw; text and checked access can.
static_assert(noexcept(kc::subperiods<kc::iso_week>(kc::year::max())) && noexcept(kc::year_to_date(kc::month())));
static_assert(noexcept(std::declval<const kc::period_range<kc::month>&>().intersection(
    std::declval<const kc::period_range<kc::month>&>())));
static_assert(!noexcept(std::declval<const kc::period_range<kc::month>&>().iso()) &&
              !noexcept(kc::trailing(kc::month(), 1)));

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
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::period_range(kc::month(2021, 5), kc::month(2021, 4)); }) ==
             "reversed period range: 2021-05 is after 2021-04");
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
  BOOST_TEST(kc::coarsen<kc::quarter>(kc::period_range(kc::month(2020, 7), kc::month(2021, 3))).iso() ==
             "2020-Q3/2021-Q1");
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

// Issue 11: operator[] was noexcept but called a throwing function, so an index past the
// end terminated the process. It now throws like at(), naming the index and the size.
BOOST_AUTO_TEST_CASE(index_out_of_range_throws_naming_index_and_size) {
  const auto r = kc::trailing(kc::month(2021, 5), 12);
  BOOST_TEST(message_of<kc::range_error>([&] { (void)r[12]; }) == "index 12 is outside 2020-06/2021-05 (12 periods)");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)r[SIZE_MAX]; }) ==
             "index 18446744073709551615 is outside 2020-06/2021-05 (12 periods)");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)r.at(SIZE_MAX); }) ==
             "index 18446744073709551615 is outside 2020-06/2021-05 (12 periods)");
  const kc::period_range single(kc::month::max());
  BOOST_TEST(message_of<kc::range_error>([&] { (void)single[1]; }) == "index 1 is outside 9999-12 (1 period)");
  BOOST_TEST(r[11] == kc::month(2021, 5));
  BOOST_TEST(single[0] == kc::month::max());
}

// Issue 10: trailing(Month(2021, 5), 2**64 - 1) said "reversed period range" (n - 1 wrapped
// to a negative offset); `kerncijfers report --month 0001-01` spoke of "period serial 1".
BOOST_AUTO_TEST_CASE(trailing_windows_of_any_length_are_checked_in_periods) {
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::trailing(kc::month(2021, 5), SIZE_MAX); }) ==
             "a trailing window of 18446744073709551615 months ending at 2021-05 would start before the first "
             "supported month 0001-01 (at most 24245 months can end there)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::trailing(kc::month(2021, 5), std::size_t{1} << 63); }) ==
             "a trailing window of 9223372036854775808 months ending at 2021-05 would start before the first "
             "supported month 0001-01 (at most 24245 months can end there)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::trailing(kc::month(1, 1), 12); }) ==
             "a trailing window of 12 months ending at 0001-01 would start before the first supported month "
             "0001-01 (at most 1 month can end there)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::trailing(kc::iso_week(1, 3), 4); }) ==
             "a trailing window of 4 ISO weeks ending at 0001-W03 would start before the first supported ISO week "
             "0001-W01 (at most 3 ISO weeks can end there)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::trailing(kc::month(2021, 5), 0); }) ==
             "a trailing window needs at least 1 period, got 0 ending at 2021-05");
  // Up to the first supported period is fine.
  BOOST_TEST(kc::trailing(kc::month(1, 12), 12).iso() == "0001-01/0001-12");
  BOOST_TEST(kc::trailing(kc::month(2021, 5), 24245).first() == kc::month::min());
  BOOST_CHECK_THROW((void)kc::trailing(kc::month(2021, 5), 24246), kc::range_error);
  BOOST_TEST(kc::trailing(kc::iso_week::max(), static_cast<std::size_t>(kc::iso_week::max() - kc::iso_week::min()) + 1)
                 .size() == 521723u);
}

BOOST_AUTO_TEST_CASE(year_to_date_at_the_ends_of_the_range) {
  BOOST_TEST(kc::year_to_date(kc::month::min()).iso() == "0001-01");
  BOOST_TEST(kc::year_to_date(kc::month::max()).iso() == "9999-01/9999-12");
  BOOST_TEST(kc::year_to_date(kc::iso_week::min()).iso() == "0001-W01");
  BOOST_TEST(kc::year_to_date(kc::iso_week::max()).iso() == "9999-W01/9999-W52");
  BOOST_TEST(kc::year_to_date(kc::quarter::max()).size() == 4u);
  BOOST_TEST(kc::year_to_date(kc::year::min()).iso() == "0001");
}

BOOST_AUTO_TEST_CASE(subperiods_and_coarsening_at_the_ends_of_the_range) {
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::year::min()).first() == kc::iso_week::min());
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::year::max()).last() == kc::iso_week::max());
  BOOST_TEST(kc::subperiods<kc::iso_week>(kc::month::max()).last() == kc::iso_week::max());
  BOOST_TEST(kc::subperiods<kc::month>(kc::year::max()).iso() == "9999-01/9999-12");
  const kc::period_range everything(kc::month::min(), kc::month::max());
  BOOST_TEST(everything.size() == 119988u);
  BOOST_TEST(kc::coarsen<kc::year>(everything).iso() == "0001/9999");
}

// Iterators move only over P::min() .. one past P::max(): no move can overflow the serial.
BOOST_AUTO_TEST_CASE(iterators_are_checked_at_the_ends_of_the_range) {
  const kc::period_range last_year(kc::month(9999, 1), kc::month::max());
  std::vector<std::string> isos;
  for (const kc::month m : last_year) isos.push_back(m.iso());
  BOOST_TEST(isos.size() == 12u);
  BOOST_TEST(isos.back() == "9999-12");
  std::vector<kc::month> reversed(std::make_reverse_iterator(last_year.end()),
                                  std::make_reverse_iterator(last_year.begin()));
  BOOST_TEST(reversed.front() == kc::month::max());
  BOOST_TEST(reversed.back() == kc::month(9999, 1));
  BOOST_TEST(std::ranges::distance(last_year) == 12);
  BOOST_TEST(last_year.begin()[11] == kc::month::max());

  auto end = last_year.end();
  BOOST_TEST(message_of<kc::range_error>([&] { (void)*end; }) ==
             "cannot read a period range iterator at its end, after 9999-12");
  BOOST_TEST(message_of<kc::range_error>([&] { ++end; }) ==
             "a period range iterator at the end after 9999-12 + 1 month leaves 0001-01 to the end after 9999-12");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)last_year.begin()[12]; }) ==
             "cannot read a period range iterator at its end, after 9999-12");
  auto begin = last_year.begin();
  BOOST_TEST(
      message_of<kc::range_error>([&] { begin -= PTRDIFF_MIN; }) ==
      "a period range iterator at 9999-01 - -9223372036854775808 months leaves 0001-01 to the end after 9999-12");
  BOOST_CHECK_THROW(begin += PTRDIFF_MAX, kc::range_error);
  BOOST_CHECK_THROW(begin += PTRDIFF_MIN, kc::range_error);
  BOOST_CHECK_THROW((void)(begin - PTRDIFF_MAX), kc::range_error);
  BOOST_TEST((begin == last_year.begin()));
  const kc::period_range first_weeks(kc::iso_week::min(), kc::iso_week(1, 4));
  auto front = first_weeks.begin();
  BOOST_CHECK_THROW(--front, kc::range_error);
  BOOST_TEST(*front == kc::iso_week::min());
  BOOST_TEST((first_weeks.end() - first_weeks.begin()) == 4);
  BOOST_TEST((first_weeks.begin() - first_weeks.end()) == -4);
}
