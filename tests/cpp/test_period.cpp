#define BOOST_TEST_MODULE period
#include <boost/test/unit_test.hpp>

#include <climits>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>

#include <kerncijfers/period.hpp>

#include "support/message_of.hpp"

namespace kc = kerncijfers;
namespace cal = kerncijfers::calendar;

namespace {

std::string ymd(cal::civil_date d) {
  std::ostringstream out;
  out << cal::year_of(d) << "-" << (cal::month_of(d) < 10 ? "0" : "") << cal::month_of(d) << "-"
      << (cal::day_of(d) < 10 ? "0" : "") << cal::day_of(d);
  return out.str();
}

template <class P>
void check_parse_error(const std::string& text) {
  const std::string message = kerncijfers_test::message_of<kc::parse_error>([&] { (void)P::parse(text); });
  BOOST_TEST(message == "cannot parse \"" + text + "\" as " + std::string(P::unit_description()));
  BOOST_CHECK_EXCEPTION((void)P::parse(text), kc::parse_error,
                        [&](const kc::parse_error& e) { return e.input() == text; });
}

}  // namespace

// Periods are small regular values that can be used at compile time.
static_assert(std::is_trivially_copyable_v<kc::month>);
static_assert(sizeof(kc::month) == 4 && sizeof(kc::iso_week) == 4);
static_assert(std::is_nothrow_default_constructible_v<kc::quarter>);
static_assert(kc::month(2021, 5) - kc::month(2020, 6) == 11);
static_assert((kc::month(2021, 5) - 11) == kc::month(2020, 6));
static_assert(kc::month(2020, 12) + 1 == kc::month(2021, 1));
static_assert(kc::quarter(2021, 1) - 1 == kc::quarter(2020, 4));
static_assert(kc::iso_week(2020, 53) + 1 == kc::iso_week(2021, 1));
static_assert(kc::year(2021) + 5 == kc::year(2026));
static_assert(kc::month(2021, 5) < kc::month(2021, 6));
static_assert(kc::to_month(kc::iso_week(2020, 53)) == kc::month(2020, 12));
static_assert(kc::period_cast<kc::quarter>(kc::month(2021, 5)) == kc::quarter(2021, 2));
static_assert(kc::month(2021, 5).serial() == 2021 * 12 + 4);
static_assert(kc::iso_week(1970, 1).serial() == 0);
// The supported range, at compile time too, and arithmetic up to its very ends.
static_assert(kc::month::min() == kc::month(1, 1) && kc::month::max() == kc::month(9999, 12));
static_assert(kc::iso_week::min() == kc::iso_week(1, 1) && kc::iso_week::max() == kc::iso_week(9999, 52));
static_assert(kc::quarter::max() - kc::quarter::min() == 9999 * 4 - 1);
static_assert(kc::month::min() + (kc::month::max() - kc::month::min()) == kc::month::max());
static_assert(kc::year::max() - 9998 == kc::year::min());

using kerncijfers_test::message_of;

// The units are the four with traits; a period is not a unit, nor is anything else.
static_assert(kc::period_unit<kc::week_unit> && kc::period_unit<kc::month_unit> && kc::period_unit<kc::quarter_unit> &&
              kc::period_unit<kc::year_unit>);
static_assert(!kc::period_unit<int> && !kc::period_unit<kc::month> && !kc::is_period_unit_v<double>);
static_assert(kc::unit_rank_v<kc::week_unit> < kc::unit_rank_v<kc::month_unit> &&
              kc::unit_rank_v<kc::month_unit> < kc::unit_rank_v<kc::quarter_unit> &&
              kc::unit_rank_v<kc::quarter_unit> < kc::unit_rank_v<kc::year_unit>);

// noexcept says exactly what cannot throw: conversions cannot, text and checked arithmetic can.
static_assert(noexcept(kc::period_cast<kc::year>(kc::iso_week())) && noexcept(kc::to_month(kc::iso_week())));
static_assert(noexcept(kc::month().first_day()) && noexcept(kc::iso_week().year()));
static_assert(!noexcept(kc::month().iso()) && !noexcept(kc::month().label(kc::language::nl)));
static_assert(!noexcept(kc::month::parse("")) && !noexcept(kc::month() + 1) && !noexcept(kc::month(2021, 1)));
static_assert(!noexcept(kc::month::containing_day_number(0)) && !noexcept(kc::month::from_serial(0)));

// Adding a unit is adding a tag and one traits block: a half year, built on the months.
struct half_year_unit {};

template <>
struct kerncijfers::period_unit_traits<half_year_unit> : kerncijfers::detail::whole_months_unit<6> {
  static constexpr int rank = 2;
  static constexpr std::string_view noun = "half year";
  static constexpr std::string_view plural = "half years";
  static constexpr std::string_view description = "a half year (YYYY-Hn)";
  static constexpr std::string_view iso_marker = "-H";
  static constexpr unsigned iso_digits = 1;
  static std::string label(kc::language lang, int year, unsigned index) {
    return (lang == kc::language::nl ? std::to_string(index) + "e halfjaar " : "H" + std::to_string(index) + " ") +
           std::to_string(year);
  }
  static std::string no_such_index(int /*year*/, unsigned index) {
    return "half year " + std::to_string(index) + " is outside 1-2";
  }
};

BOOST_AUTO_TEST_CASE(a_unit_is_one_traits_block) {
  using half_year = kc::period<half_year_unit>;
  static_assert(kc::period_unit<half_year_unit> && half_year::per_year == 2);
  const half_year h(2021, 2);
  BOOST_TEST(h.iso() == "2021-H2");
  BOOST_TEST(h.label(kc::language::nl) == "2e halfjaar 2021");
  BOOST_TEST(h.label(kc::language::en) == "H2 2021");
  BOOST_TEST(half_year::parse("2021-H2") == h);
  BOOST_TEST(ymd(h.first_day()) == "2021-07-01");
  BOOST_TEST(ymd(h.last_day()) == "2021-12-31");
  BOOST_TEST(h.days() == 184);
  BOOST_TEST((h + 1).iso() == "2022-H1");
  BOOST_TEST(half_year().iso() == "1970-H1");
  BOOST_TEST(half_year::min().iso() == "0001-H1");
  BOOST_TEST(half_year::max().iso() == "9999-H2");
  BOOST_TEST(half_year::containing_day_number(cal::to_day_number(2021, 3, 31)) == half_year(2021, 1));
  BOOST_TEST(kc::to_year(h) == kc::year(2021));
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)half_year(2021, 3); }) == "half year 3 is outside 1-2");
  BOOST_TEST(message_of<kc::parse_error>([] { (void)half_year::parse("2021-H3"); }) ==
             "cannot parse \"2021-H3\" as a half year (YYYY-Hn)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(half_year::max() + 2); }) ==
             "9999-H2 + 2 half years is beyond the last supported half year 9999-H2");
}

BOOST_AUTO_TEST_CASE(construct_and_fields) {
  const kc::month m(2021, 5);
  BOOST_TEST(m.year() == 2021);
  BOOST_TEST(m.index() == 5u);
  const kc::iso_week w(2021, 19);
  BOOST_TEST(w.year() == 2021);
  BOOST_TEST(w.index() == 19u);
  BOOST_TEST(kc::quarter(2021, 2).index() == 2u);
  BOOST_TEST(kc::year(2021).year() == 2021);
  BOOST_TEST(kc::month().iso() == "1970-01");
  BOOST_TEST(kc::iso_week().iso() == "1970-W01");
}

BOOST_AUTO_TEST_CASE(construct_rejects_nonexistent_periods) {
  BOOST_CHECK_THROW(kc::month(2021, 13), kc::invalid_input);
  BOOST_CHECK_THROW(kc::month(2021, 0), kc::invalid_input);
  BOOST_CHECK_THROW(kc::quarter(2021, 5), kc::invalid_input);
  BOOST_CHECK_THROW(kc::iso_week(2021, 53), kc::invalid_input);  // 2021 has 52 weeks
  BOOST_CHECK_THROW(kc::year(0), kc::invalid_input);
  BOOST_CHECK_THROW(kc::year(10000), kc::invalid_input);
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::iso_week(2021, 53); }) ==
             "ISO year 2021 has no week 53 (it has 52)");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::month(2021, 13); }) == "month 13 is outside 1-12");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::quarter(2021, 5); }) == "quarter 5 is outside 1-4");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::year(0); }) == "year 0 is outside 1-9999");
}

BOOST_AUTO_TEST_CASE(arithmetic_and_distance) {
  kc::month m(2020, 12);
  ++m;
  BOOST_TEST(m.iso() == "2021-01");
  m -= 2;
  BOOST_TEST(m.iso() == "2020-11");
  BOOST_TEST((kc::month(2021, 1) - kc::month(2020, 12)) == 1);
  BOOST_TEST((kc::month(2020, 12) - kc::month(2021, 1)) == -1);
  BOOST_TEST((kc::month(2021, 5) + (-17)).iso() == "2019-12");
  BOOST_TEST((kc::iso_week(2021, 1) - kc::iso_week(2020, 1)) == 53);  // 2020 has 53 weeks
  BOOST_TEST((kc::iso_week(2022, 1) - kc::iso_week(2021, 1)) == 52);
  BOOST_TEST((kc::quarter(2021, 2) - kc::quarter(2019, 3)) == 7);
  BOOST_CHECK_THROW((void)(kc::year(9999) + 1), kc::range_error);
  BOOST_CHECK_THROW((void)(kc::month(1, 1) - 1), kc::range_error);
  BOOST_CHECK_THROW((void)kc::month::from_serial(-5), kc::range_error);
}

BOOST_AUTO_TEST_CASE(order_and_hash) {
  std::unordered_set<kc::month> months{kc::month(2021, 5), kc::month(2021, 5), kc::month(2021, 6)};
  BOOST_TEST(months.size() == 2u);
  BOOST_TEST(months.count(kc::month(2021, 6)) == 1u);
  BOOST_TEST((kc::month(2020, 12) < kc::month(2021, 1)));
  BOOST_TEST((kc::iso_week(2020, 53) < kc::iso_week(2021, 1)));
  BOOST_TEST(std::hash<kc::month>{}(kc::month(2021, 5)) == std::hash<kc::month>{}(kc::month(2021, 5)));
}

BOOST_AUTO_TEST_CASE(parse_and_format) {
  BOOST_TEST(kc::month::parse("2021-05") == kc::month(2021, 5));
  BOOST_TEST(kc::iso_week::parse("2021-W19") == kc::iso_week(2021, 19));
  BOOST_TEST(kc::quarter::parse("2021-Q2") == kc::quarter(2021, 2));
  BOOST_TEST(kc::year::parse("2021") == kc::year(2021));
  BOOST_TEST(kc::iso_week::parse("2020-W53").iso() == "2020-W53");
  BOOST_TEST(kc::month(2021, 5).iso() == "2021-05");
  BOOST_TEST(kc::iso_week(2021, 9).iso() == "2021-W09");
  BOOST_TEST(kc::year(987).iso() == "0987");
  std::ostringstream out;
  out << kc::quarter(2021, 2);
  BOOST_TEST(out.str() == "2021-Q2");
}

BOOST_AUTO_TEST_CASE(parse_rejects_everything_else) {
  for (const char* bad : {"2021-13", "2021-00", "21-05", "", "2021-05x", "2021-5", "2021/05", " 2021-05", "2021-05 ",
                          "2021-W01", "0000-01", "abcd-01", "2021-1a"}) {
    check_parse_error<kc::month>(bad);
  }
  for (const char* bad :
       {"2021-W54", "2021-W53", "2021-W00", "2021-W1", "2021W19", "2021-w19", "2021-W19-1", "2021-05"}) {
    check_parse_error<kc::iso_week>(bad);
  }
  for (const char* bad : {"2021-Q0", "2021-Q5", "2021Q2", "2021-q2", "2021-Q", "2021-Q22"}) {
    check_parse_error<kc::quarter>(bad);
  }
  for (const char* bad : {"21", "20210", "2021-", "year", "-2021"}) {
    check_parse_error<kc::year>(bad);
  }
  BOOST_TEST(message_of<kc::parse_error>([] { (void)kc::month::parse("2021-13"); }) ==
             "cannot parse \"2021-13\" as a month (YYYY-MM)");
}

BOOST_AUTO_TEST_CASE(labels) {
  using kc::language;
  BOOST_TEST(kc::month(2021, 5).label(language::nl) == "mei 2021");
  BOOST_TEST(kc::month(2021, 5).label(language::en) == "May 2021");
  BOOST_TEST(kc::month(2020, 6).label(language::nl) == "juni 2020");
  BOOST_TEST(kc::month(2021, 3).label(language::nl) == "maart 2021");
  BOOST_TEST(kc::iso_week(2021, 19).label(language::nl) == "week 19 2021");
  BOOST_TEST(kc::iso_week(2021, 19).label(language::en) == "week 19 2021");
  BOOST_TEST(kc::quarter(2021, 2).label(language::nl) == "2e kwartaal 2021");
  BOOST_TEST(kc::quarter(2021, 2).label(language::en) == "Q2 2021");
  BOOST_TEST(kc::year(2021).label(language::nl) == "2021");
}

BOOST_AUTO_TEST_CASE(first_and_last_days) {
  BOOST_TEST(ymd(kc::month(2021, 2).first_day()) == "2021-02-01");
  BOOST_TEST(ymd(kc::month(2021, 2).last_day()) == "2021-02-28");
  BOOST_TEST(ymd(kc::month(2020, 2).last_day()) == "2020-02-29");
  BOOST_TEST(ymd(kc::quarter(2021, 2).first_day()) == "2021-04-01");
  BOOST_TEST(ymd(kc::quarter(2021, 4).last_day()) == "2021-12-31");
  BOOST_TEST(ymd(kc::year(2021).last_day()) == "2021-12-31");
  BOOST_TEST(ymd(kc::iso_week(2021, 19).first_day()) == "2021-05-10");
  BOOST_TEST(ymd(kc::iso_week(2021, 19).last_day()) == "2021-05-16");
  BOOST_TEST(kc::month(2021, 2).days() == 28);
  BOOST_TEST(kc::iso_week(2021, 19).days() == 7);
  BOOST_TEST(kc::year(2020).days() == 366);
}

BOOST_AUTO_TEST_CASE(iso_weeks_at_year_boundaries) {
  // 53-week ISO years.
  for (int y : {2015, 2020, 2026}) {
    BOOST_TEST(cal::iso_weeks_in_year(y) == 53u, "year " << y);
    BOOST_TEST(kc::iso_week(y, 53).iso() == std::to_string(y) + "-W53");
    BOOST_TEST(((kc::iso_week(y, 53) + 1) == kc::iso_week(y + 1, 1)));
  }
  for (int y : {2019, 2021, 2022, 2025}) BOOST_TEST(cal::iso_weeks_in_year(y) == 52u, "year " << y);
  // Weeks that span two calendar years.
  BOOST_TEST(ymd(kc::iso_week(2020, 53).first_day()) == "2020-12-28");
  BOOST_TEST(ymd(kc::iso_week(2020, 53).last_day()) == "2021-01-03");
  BOOST_TEST(ymd(kc::iso_week(2026, 1).first_day()) == "2025-12-29");
  BOOST_TEST(ymd(kc::iso_week(2019, 1).first_day()) == "2018-12-31");
  BOOST_TEST(ymd(kc::iso_week(2015, 53).last_day()) == "2016-01-03");
  // The week's Thursday decides its month, quarter and year.
  BOOST_TEST(kc::to_month(kc::iso_week(2020, 53)).iso() == "2020-12");
  BOOST_TEST(kc::to_month(kc::iso_week(2026, 1)).iso() == "2026-01");
  BOOST_TEST(kc::to_month(kc::iso_week(2019, 1)).iso() == "2019-01");
  BOOST_TEST(kc::to_quarter(kc::iso_week(2026, 1)).iso() == "2026-Q1");
  BOOST_TEST(kc::to_year(kc::iso_week(2015, 53)).iso() == "2015");
  BOOST_TEST(kc::to_month(kc::iso_week(2021, 22)).iso() == "2021-06");  // Mon 31 May, Thu 3 Jun
  // The day that opens a year can lie in the previous ISO year.
  BOOST_TEST(kc::iso_week::containing(kc::month(2021, 1).first_day()).iso() == "2020-W53");
  BOOST_TEST(kc::iso_week::containing(kc::month(2025, 12).last_day()).iso() == "2026-W01");
}

BOOST_AUTO_TEST_CASE(conversions_between_units) {
  BOOST_TEST(kc::to_quarter(kc::month(2021, 5)).iso() == "2021-Q2");
  BOOST_TEST(kc::to_quarter(kc::month(2021, 3)).iso() == "2021-Q1");
  BOOST_TEST(kc::to_year(kc::month(2021, 12)).iso() == "2021");
  BOOST_TEST(kc::to_year(kc::quarter(2021, 4)).iso() == "2021");
  BOOST_TEST(kc::period_cast<kc::month>(kc::month(2021, 5)) == kc::month(2021, 5));
  BOOST_TEST(kc::month::containing(kc::iso_week(2021, 19).first_day()).iso() == "2021-05");
}

BOOST_AUTO_TEST_CASE(every_period_from_1900_to_2199_round_trips) {
  // Each period follows the previous one without gaps or overlaps, and its ISO form
  // parses back to itself.
  auto check_unit = [](auto first, auto last) {
    using P = decltype(first);
    int count = 0;
    for (P p = first; p <= last; ++p, ++count) {
      BOOST_REQUIRE(P::parse(p.iso()) == p);
      BOOST_REQUIRE(P::from_serial(p.serial()) == p);
      if (p != first) {
        BOOST_REQUIRE(p.first_day_number() == (p - 1).last_day_number() + 1);
        BOOST_REQUIRE(p - first == count);
      }
      BOOST_REQUIRE(P::containing(p.first_day()) == p);
      BOOST_REQUIRE(P::containing(p.last_day()) == p);
    }
    return count;
  };
  BOOST_TEST(check_unit(kc::month(1900, 1), kc::month(2199, 12)) == 300 * 12);
  BOOST_TEST(check_unit(kc::quarter(1900, 1), kc::quarter(2199, 4)) == 300 * 4);
  BOOST_TEST(check_unit(kc::year(1900), kc::year(2199)) == 300);
  // 300 years hold 15,653 ISO weeks (the 400-year cycle has 20,871; 71 of every 400 years have 53).
  const int weeks =
      check_unit(kc::iso_week(1900, 1), kc::iso_week(2199, static_cast<unsigned>(cal::iso_weeks_in_year(2199))));
  int expected = 0;
  for (int y = 1900; y <= 2199; ++y) expected += static_cast<int>(cal::iso_weeks_in_year(y));
  BOOST_TEST(weeks == expected);
  // Week -> month by Thursday agrees with the month that holds the Thursday, always.
  for (kc::iso_week w(1900, 1); w <= kc::iso_week(2199, 52); ++w) {
    const auto thursday = cal::to_civil(w.first_day_number() + 3);
    BOOST_REQUIRE(kc::to_month(w) == kc::month(cal::year_of(thursday), cal::month_of(thursday)));
    BOOST_REQUIRE(kc::to_year(w).year() == w.year());
  }
}

// Issue 10: period arithmetic used to overflow a signed integer (undefined behaviour) and
// report a wrapped serial. Every offset a long long can hold now gives the exact result or
// a range_error in periods; these run under UBSan in the sanitizer build.
BOOST_AUTO_TEST_CASE(offsets_of_any_size_are_checked_and_named) {
  const kc::month m(2021, 1);
  BOOST_TEST(message_of<kc::range_error>([&] { (void)(m + LLONG_MAX); }) ==
             "2021-01 + 9223372036854775807 months is beyond the last supported month 9999-12");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)(LLONG_MAX + m); }) ==
             "2021-01 + 9223372036854775807 months is beyond the last supported month 9999-12");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)(m + LLONG_MIN); }) ==
             "2021-01 + -9223372036854775808 months is before the first supported month 0001-01");
  // -LLONG_MIN does not exist: subtraction must not negate its operand.
  BOOST_TEST(message_of<kc::range_error>([&] { (void)(m - LLONG_MIN); }) ==
             "2021-01 - -9223372036854775808 months is beyond the last supported month 9999-12");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)(m - LLONG_MAX); }) ==
             "2021-01 - 9223372036854775807 months is before the first supported month 0001-01");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(kc::month(1, 1) - 1); }) ==
             "0001-01 - 1 month is before the first supported month 0001-01");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(kc::month(9999, 12) + 1); }) ==
             "9999-12 + 1 month is beyond the last supported month 9999-12");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(kc::iso_week(9999, 52) + 1); }) ==
             "9999-W52 + 1 ISO week is beyond the last supported ISO week 9999-W52");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(kc::quarter(1, 2) + -2); }) ==
             "0001-Q2 + -2 quarters is before the first supported quarter 0001-Q1");
  BOOST_TEST(message_of<kc::range_error>([] { (void)(kc::year(2021) - 2021); }) ==
             "2021 - 2021 years is before the first supported year 0001");

  // The compound forms and the increments: same checks, and a failure leaves the period as it was.
  kc::month p(2021, 1);
  BOOST_CHECK_THROW(p += LLONG_MAX, kc::range_error);
  BOOST_CHECK_THROW(p -= LLONG_MIN, kc::range_error);
  BOOST_CHECK_THROW(p -= LLONG_MAX, kc::range_error);
  BOOST_CHECK_THROW(p += LLONG_MIN, kc::range_error);
  BOOST_TEST(p == kc::month(2021, 1));
  kc::month last = kc::month::max();
  BOOST_CHECK_THROW(++last, kc::range_error);
  BOOST_CHECK_THROW(last++, kc::range_error);
  BOOST_TEST(last == kc::month::max());
  kc::iso_week first = kc::iso_week::min();
  BOOST_CHECK_THROW(--first, kc::range_error);
  BOOST_CHECK_THROW(first--, kc::range_error);
  BOOST_TEST(first == kc::iso_week::min());

  // Right up to the ends is fine, from either end, with offsets of every size that fit.
  BOOST_TEST((kc::month::min() + (kc::month::max() - kc::month::min())) == kc::month::max());
  BOOST_TEST((kc::month::max() - 119987LL) == kc::month::min());
  BOOST_TEST((kc::iso_week::max() - (kc::iso_week::max() - kc::iso_week::min())) == kc::iso_week::min());
  for (const long long n :
       {LLONG_MIN, LLONG_MIN + 1, -(1LL << 40), -119988LL, 119988LL, 1LL << 40, LLONG_MAX - 1, LLONG_MAX}) {
    for (const kc::month start : {kc::month::min(), kc::month(2021, 5), kc::month::max()}) {
      BOOST_CHECK_THROW((void)(start + n), kc::range_error);
      BOOST_CHECK_THROW((void)(start - n), kc::range_error);
    }
  }
}

BOOST_AUTO_TEST_CASE(distance_spans_the_whole_supported_range) {
  BOOST_TEST((kc::month::max() - kc::month::min()) == 119987);
  BOOST_TEST((kc::month::min() - kc::month::max()) == -119987);
  BOOST_TEST((kc::iso_week::max() - kc::iso_week::min()) == 521722);
  BOOST_TEST((kc::year::max() - kc::year::min()) == 9998);
}

BOOST_AUTO_TEST_CASE(supported_range_ends) {
  BOOST_TEST(kc::month::min().iso() == "0001-01");
  BOOST_TEST(kc::month::max().iso() == "9999-12");
  BOOST_TEST(kc::quarter::min().iso() == "0001-Q1");
  BOOST_TEST(kc::quarter::max().iso() == "9999-Q4");
  BOOST_TEST(kc::year::min().iso() == "0001");
  BOOST_TEST(kc::year::max().iso() == "9999");
  // 1 January of year 1 (proleptic Gregorian) is a Monday; 9999-W52 ends on 2 January 10000.
  BOOST_TEST(kc::iso_week::min().iso() == "0001-W01");
  BOOST_TEST(ymd(kc::iso_week::min().first_day()) == "1-01-01");
  BOOST_TEST(kc::iso_week::max().iso() == "9999-W52");
  BOOST_TEST(ymd(kc::iso_week::max().last_day()) == "10000-01-02");
  BOOST_TEST(kc::iso_week::min().first_day_number() == cal::min_day_number);
  BOOST_TEST(kc::month::max().last_day_number() == cal::max_day_number);
}

BOOST_AUTO_TEST_CASE(serials_outside_the_range_are_named) {
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::month::from_serial(1); }) ==
             "month serial 1 names no month of years 1-9999 (serials 12 = 0001-01 to 119999 = 9999-12)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::year::from_serial(LLONG_MIN); }) ==
             "year serial -9223372036854775808 names no year of years 1-9999 (serials 1 = 0001 to 9999 = 9999)");
  BOOST_CHECK_THROW((void)kc::iso_week::from_serial(LLONG_MAX), kc::range_error);
  BOOST_TEST(kc::month::from_serial(12) == kc::month::min());
  BOOST_TEST(kc::month::from_serial(119999) == kc::month::max());
}

BOOST_AUTO_TEST_CASE(days_outside_the_range_are_named) {
  // Day numbers far outside years 1-9999 used to reach date's arithmetic, which overflows.
  for (const cal::day_number day : {std::numeric_limits<cal::day_number>::min(), cal::min_day_number - 1,
                                    cal::max_day_number + 1, std::numeric_limits<cal::day_number>::max()}) {
    BOOST_CHECK_THROW((void)kc::month::containing_day_number(day), kc::range_error);
    BOOST_CHECK_THROW((void)kc::quarter::containing_day_number(day), kc::range_error);
    BOOST_CHECK_THROW((void)kc::year::containing_day_number(day), kc::range_error);
  }
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::month::containing_day_number(INT32_MAX); }) ==
             "day number 2147483647 (days since 1970-01-01) is outside the supported months 0001-01 to 9999-12 "
             "(0001-01-01 to 9999-12-31)");
  BOOST_TEST(message_of<kc::range_error>([] { (void)kc::iso_week::containing_day_number(INT32_MIN); }) ==
             "day number -2147483648 (days since 1970-01-01) is outside the supported ISO weeks 0001-W01 to "
             "9999-W52 (0001-01-01 to 10000-01-02)");
  // The two days of 10000 in 9999-W52 belong to a supported week.
  BOOST_TEST(kc::iso_week::containing_day_number(cal::max_day_number + 2) == kc::iso_week::max());
  BOOST_CHECK_THROW((void)kc::iso_week::containing_day_number(cal::max_day_number + 3), kc::range_error);
  BOOST_TEST(kc::month::containing_day_number(cal::min_day_number) == kc::month::min());
  BOOST_TEST(kc::year::containing_day_number(cal::max_day_number) == kc::year::max());
  const cal::civil_date year_10000{date::year{10000}, date::month{1}, date::day{1}};
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::month::containing(year_10000); }) ==
             "date 10000-01-01 is outside the supported months 0001-01 to 9999-12 (0001-01-01 to 9999-12-31)");
  BOOST_TEST(kc::iso_week::containing(year_10000) == kc::iso_week::max());
  const cal::civil_date february_30{date::year{2021}, date::month{2}, date::day{30}};
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::month::containing(february_30); }) ==
             "date 2021-02-30 does not exist");
}

BOOST_AUTO_TEST_CASE(conversions_at_the_ends_of_the_range) {
  BOOST_TEST(kc::to_month(kc::iso_week::min()) == kc::month::min());
  BOOST_TEST(kc::to_month(kc::iso_week::max()) == kc::month::max());
  BOOST_TEST(kc::to_quarter(kc::iso_week::max()) == kc::quarter::max());
  BOOST_TEST(kc::to_year(kc::iso_week::min()) == kc::year::min());
  BOOST_TEST(kc::to_year(kc::month::max()) == kc::year::max());
  BOOST_TEST(kc::to_quarter(kc::month::min()) == kc::quarter::min());
}
