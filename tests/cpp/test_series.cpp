#define BOOST_TEST_MODULE series
#include <boost/test/unit_test.hpp>

#include "support/throws_with.hpp"

#include <kerncijfers/series.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::throws_with;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();

template <class S>
std::string text(const S& s) {
  std::ostringstream out;
  out << s;
  return out.str();
}

using monthly = kc::series<kc::month, std::int64_t>;
using monthly_double = kc::series<kc::month, double>;

kc::period_range<kc::month> months(int y1, unsigned m1, int y2, unsigned m2) {
  return {kc::month(y1, m1), kc::month(y2, m2)};
}

// 2020-01 .. 2021-05 with values 1 .. 17.
monthly seventeen_months() {
  std::vector<std::int64_t> v(17);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int64_t>(i) + 1;
  return monthly(months(2020, 1, 2021, 5), v);
}

}  // namespace

// ---- the value type -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(construction_and_access) {
  const monthly s(months(2020, 1, 2020, 3), {10, 20, 30});
  BOOST_TEST(s.size() == 3u);
  BOOST_TEST((s.range() == months(2020, 1, 2020, 3)));
  BOOST_TEST((s.first() == kc::month(2020, 1)));
  BOOST_TEST((s.last() == kc::month(2020, 3)));
  BOOST_TEST(s.at(kc::month(2020, 2)) == 20);
  BOOST_TEST(!s.is_missing(kc::month(2020, 2)));
  BOOST_TEST(s.values().size() == 3u);
  BOOST_TEST(s.valid().size() == 3u);  // always one entry per period
  BOOST_TEST(s.valid()[2] == 1);
  BOOST_TEST(s.contains(kc::month(2020, 3)));
  BOOST_TEST(!s.contains(kc::month(2020, 4)));
  BOOST_TEST(*s.get(kc::month(2020, 3)) == 30);
}

BOOST_AUTO_TEST_CASE(outside_the_range_throws_naming_the_period) {
  const monthly s(months(2020, 1, 2020, 3), {10, 20, 30});
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)s.at(kc::month(2020, 4)); }, {"2020-04", "2020-01/2020-03"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)s.is_missing(kc::month(2019, 12)); }, {"2019-12"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)s.get(kc::month(2021, 1)); }, {"2021-01"}));
  monthly t = s;
  BOOST_TEST(throws_with<kc::range_error>([&] { t.set(kc::month(2020, 5), 1); }, {"2020-05"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { t.set_missing(kc::month(2020, 5)); }, {"2020-05"}));
}

BOOST_AUTO_TEST_CASE(sizes_must_match_the_range) {
  BOOST_TEST(throws_with<kc::invalid_input>(
      [] {
        monthly(months(2020, 1, 2020, 3), {1, 2});
      },
      {"2020-01/2020-03", "3 values", "got 2"}));
  BOOST_TEST(throws_with<kc::invalid_input>(
      [] {
        monthly(months(2020, 1, 2020, 3), {1, 2, 3}, {1, 1});
      },
      {"3 validity mask entries", "got 2"}));
  BOOST_TEST(throws_with<kc::invalid_input>([] { monthly_double(months(2020, 1, 2020, 3), {1, 2, 3, 4}); }, {"got 4"}));
}

BOOST_AUTO_TEST_CASE(integer_missing_values_use_the_mask) {
  const monthly s(months(2020, 1, 2020, 3), {10, 99, 30}, {1, 0, 5});
  BOOST_TEST(s.is_missing(kc::month(2020, 2)));
  BOOST_TEST(!s.get(kc::month(2020, 2)).has_value());
  BOOST_TEST(s.values()[1] == 0);  // a missing value is stored as 0
  BOOST_TEST(s.valid()[2] == 1);   // any non-zero entry means present, stored as 1
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)s.at(kc::month(2020, 2)); }, {"2020-02", "missing"}));
  // What was under the 0 does not matter.
  BOOST_TEST((s == monthly(months(2020, 1, 2020, 3), {10, -7, 30}, {1, 0, 1})));
  BOOST_TEST((s != monthly(months(2020, 1, 2020, 3), {10, 0, 30})));
  // An empty mask means all present.
  BOOST_TEST((monthly(months(2020, 1, 2020, 2), {1, 2}, {}) == monthly(months(2020, 1, 2020, 2), {1, 2})));
}

BOOST_AUTO_TEST_CASE(floating_missing_values_are_nan) {
  const monthly_double s(months(2020, 1, 2020, 3), {1.5, na, 3});
  BOOST_TEST(s.is_missing(kc::month(2020, 2)));
  BOOST_TEST(std::isnan(s.at(kc::month(2020, 2))));
  BOOST_TEST(!s.get(kc::month(2020, 2)).has_value());
  BOOST_TEST(*s.get(kc::month(2020, 1)) == 1.5);
  // Missing equals missing; a value does not equal missing.
  BOOST_TEST((s == monthly_double(months(2020, 1, 2020, 3), {1.5, na, 3})));
  BOOST_TEST((s != monthly_double(months(2020, 1, 2020, 3), {1.5, 2, 3})));
  BOOST_TEST((s != monthly_double(months(2020, 1, 2020, 3), {1.5, na, 3.5})));
  BOOST_TEST((s != monthly_double(months(2020, 2, 2020, 4), {1.5, na, 3})));
}

BOOST_AUTO_TEST_CASE(all_missing_set_and_copy) {
  monthly s(months(2020, 1, 2020, 3));
  BOOST_TEST(s.is_missing(kc::month(2020, 1)));
  BOOST_TEST(s.is_missing(kc::month(2020, 3)));
  s.set(kc::month(2020, 2), 42);
  BOOST_TEST(s.at(kc::month(2020, 2)) == 42);
  const monthly copy = s;
  s.set_missing(kc::month(2020, 2));
  BOOST_TEST(s.is_missing(kc::month(2020, 2)));
  BOOST_TEST(copy.at(kc::month(2020, 2)) == 42);  // a copy owns its values
  BOOST_TEST((copy != s));
  BOOST_TEST((s == monthly(months(2020, 1, 2020, 3))));

  monthly_double d(months(2020, 1, 2020, 2));
  BOOST_TEST(std::isnan(d.at(kc::month(2020, 1))));
  d.set(kc::month(2020, 1), 2.5);
  d.set(kc::month(2020, 2), na);  // a NaN marks it missing
  BOOST_TEST(!d.is_missing(kc::month(2020, 1)));
  BOOST_TEST(d.is_missing(kc::month(2020, 2)));
}

BOOST_AUTO_TEST_CASE(prints_range_and_values) {
  BOOST_TEST(text(monthly(months(2021, 1, 2021, 3), {1, 0, 3}, {1, 0, 1})) == "2021-01/2021-03 [1, NA, 3]");
  BOOST_TEST(text(monthly_double(months(2021, 1, 2021, 2), {0.5, na})) == "2021-01/2021-02 [0.5, NA]");
  BOOST_TEST(text(kc::series<kc::year, std::uint8_t>(kc::period_range(kc::year(2021)), {7})) == "2021 [7]");
}

// ---- rolling ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(rolling_sum_and_mean_of_a_series) {
  const monthly s(months(2021, 1, 2021, 5), {1, 2, 0, 4, 5}, {1, 1, 0, 1, 1});
  BOOST_TEST((kc::rolling_sum(s, 2, 1) == monthly(months(2021, 1, 2021, 5), {1, 3, 2, 4, 9})));
  BOOST_TEST((kc::rolling_sum(s, 2) == monthly(months(2021, 1, 2021, 5), {0, 3, 0, 0, 9}, {0, 1, 0, 0, 1})));
  BOOST_TEST((kc::rolling_sum(s, {.window = 2, .missing = kc::missing_policy::as_zero}) ==
              monthly(months(2021, 1, 2021, 5), {0, 3, 2, 4, 9}, {0, 1, 1, 1, 1})));
  BOOST_TEST((kc::rolling_mean(s, 3, 1) == monthly_double(months(2021, 1, 2021, 5), {1, 1.5, 1.5, 3, 4.5})));

  const monthly_double d(months(2021, 1, 2021, 5), {1, 2, na, 4, 5});
  BOOST_TEST((kc::rolling_sum(d, 2, 1) == monthly_double(months(2021, 1, 2021, 5), {1, 3, 2, 4, 9})));
  BOOST_TEST((kc::rolling_mean(d, 2) == monthly_double(months(2021, 1, 2021, 5), {na, 1.5, na, na, 4.5})));
}

BOOST_AUTO_TEST_CASE(rolling_errors_name_values_and_periods) {
  const monthly s(months(2021, 1, 2021, 5), {1, 2, 0, 4, 5}, {1, 1, 0, 1, 1});
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)kc::rolling_sum(s, 0); }, {"window 0"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)kc::rolling_mean(s, 2, 3); }, {"min_periods 3", "window 2"}));
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { (void)kc::rolling_sum(s, {.window = 2, .missing = kc::missing_policy::reject}); }, {"2021-03", "missing"}));
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { (void)kc::rolling_mean(s, {.window = 2, .missing = kc::missing_policy::reject}); }, {"2021-03"}));
  const monthly big(months(2021, 1, 2021, 2), {std::numeric_limits<std::int64_t>::max(), 1});
  BOOST_TEST(throws_with<kc::overflow_error>([&] { (void)kc::rolling_sum(big, 2); }, {"int64"}));
}

BOOST_AUTO_TEST_CASE(rolling_series_equals_the_span_kernel) {
  std::mt19937_64 rng(8);
  std::vector<std::int32_t> v(100);
  std::vector<std::uint8_t> mask(100);
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = static_cast<std::int32_t>(rng() % 1000);
    mask[i] = rng() % 3 != 0;
  }
  const kc::series<kc::iso_week, std::int32_t> s({kc::iso_week(2019, 1), kc::iso_week(2019, 1) + 99}, v, mask);
  const kc::rolling_options options{.window = 13, .min_periods = 4};
  std::vector<std::int64_t> sums(100);
  std::vector<std::uint8_t> sums_valid(100);
  kc::rolling_sum(s.values(), s.valid(), sums, sums_valid, options);
  const auto rolled = kc::rolling_sum(s, options);
  for (std::size_t i = 0; i < v.size(); ++i) {
    BOOST_TEST_REQUIRE(rolled.valid()[i] == sums_valid[i]);
    BOOST_TEST_REQUIRE(rolled.values()[i] == sums[i]);
  }
}

// ---- trailing sums ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(trailing_twelve_months) {
  const monthly s = seventeen_months();
  // June 2020 through May 2021: values 6 .. 17.
  BOOST_TEST(kc::trailing_sum(s, kc::month(2021, 5), 12) == 138);
  BOOST_TEST(kc::trailing_sum(s, kc::month(2020, 12), 12) == 78);
  BOOST_TEST(kc::trailing_sum(s, kc::month(2020, 1), 1) == 1);
}

BOOST_AUTO_TEST_CASE(trailing_window_leaving_the_series_names_the_periods_it_lacks) {
  const monthly s = seventeen_months();
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2020, 6), 12); },
                                          {"2019-07/2019-12", "starts at 2020-01", "ending at 2020-06"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 7), 3); },
                                          {"2021-06/2021-07", "ends at 2021-05"}));
  BOOST_TEST(
      throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 9), 2); }, {"2021-08/2021-09"}));
  BOOST_TEST(
      throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2019, 12), 1); }, {"needs 2019-12,"}));
  BOOST_TEST(
      throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 5), 0); }, {"got 0", "2021-05"}));
}

// Issue 10: a window length beyond the supported range wrapped (n - 1 as a signed offset)
// and the message spoke of serials "outside years 1-9999".
BOOST_AUTO_TEST_CASE(trailing_window_of_any_length_is_refused_in_periods) {
  const monthly s = seventeen_months();
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { (void)kc::trailing_sum(s, kc::month(2021, 5), std::numeric_limits<std::size_t>::max()); },
      {"a trailing window of 18446744073709551615 months ending at 2021-05 would start before the first supported "
       "month 0001-01"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 5), 24246); },
                                          {"at most 24245 months can end there"}));
  // The longest window that exists is simply longer than the series.
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 5), 24245); },
                                          {"needs 0001-01/2019-12, before the series starts at 2020-01"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month::max(), 2); },
                                          {"needs 9999-11/9999-12, after the series ends at 2021-05"}));
}

BOOST_AUTO_TEST_CASE(trailing_window_with_gaps) {
  monthly s = seventeen_months();
  s.set_missing(kc::month(2020, 7));  // value 7
  s.set_missing(kc::month(2021, 1));  // value 13
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2021, 5), 12); },
                                          {"2020-07, 2021-01", "are missing"}));
  BOOST_TEST(
      throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::month(2020, 8), 2); }, {"2020-07 is missing"}));
  BOOST_TEST(kc::trailing_sum(s, kc::month(2021, 5), 12, kc::missing_policy::as_zero) == 118);
  BOOST_TEST(kc::trailing_sum(s, kc::month(2021, 5), 4) == 14 + 15 + 16 + 17);  // no gap in this window

  monthly_double d(months(2020, 1, 2020, 3), {0.5, na, 2});
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(d, kc::month(2020, 3), 3); }, {"2020-02"}));
  BOOST_TEST(kc::trailing_sum(d, kc::month(2020, 3), 3, kc::missing_policy::as_zero) == 2.5);
}

BOOST_AUTO_TEST_CASE(trailing_sum_lists_at_most_twelve_missing_periods) {
  const kc::series<kc::iso_week, double> s({kc::iso_week(2020, 1), kc::iso_week(2020, 30)});  // all missing
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(s, kc::iso_week(2020, 20), 20); },
                                          {"2020-W01, 2020-W02", "2020-W12 and 8 more"}));
}

// ---- year over year -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(year_over_year_for_months) {
  std::vector<std::int64_t> v(15);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::int64_t>(10 * (i + 1));
  v[12] = 0;  // 2021-01
  const monthly s(months(2020, 1, 2021, 3), v);
  const auto yoy = kc::year_over_year(s);
  for (unsigned m = 1; m <= 12; ++m) {
    BOOST_TEST(yoy.change.is_missing(kc::month(2020, m)));
    BOOST_TEST(yoy.relative.is_missing(kc::month(2020, m)));
  }
  BOOST_TEST(yoy.change.at(kc::month(2021, 1)) == -10);
  BOOST_TEST(yoy.relative.at(kc::month(2021, 1)) == -1.0);
  BOOST_TEST(yoy.change.at(kc::month(2021, 2)) == 140 - 20);
  BOOST_TEST(yoy.relative.at(kc::month(2021, 2)) == 6.0);
  BOOST_TEST(yoy.change.at(kc::month(2021, 3)) == 120);
}

BOOST_AUTO_TEST_CASE(year_over_year_for_quarters_and_years) {
  const kc::series<kc::quarter, double> q({kc::quarter(2020, 1), kc::quarter(2021, 2)}, {1, 2, 3, 4, 3, 1});
  const auto qy = kc::year_over_year(q);
  BOOST_TEST((qy.change == kc::series<kc::quarter, double>(q.range(), {na, na, na, na, 2, -1})));
  BOOST_TEST((qy.relative == kc::series<kc::quarter, double>(q.range(), {na, na, na, na, 2, -0.5})));

  const kc::series<kc::year, std::int64_t> y({kc::year(2018), kc::year(2021)}, {100, 0, 50, 75});
  const auto yy = kc::year_over_year(y);
  BOOST_TEST((yy.change == kc::series<kc::year, std::int64_t>(y.range(), {0, -100, 50, 25}, {0, 1, 1, 1})));
  // The base 0 of 2019 gives no relative change for 2020.
  BOOST_TEST((yy.relative == kc::series<kc::year, double>(y.range(), {na, -1, na, 0.5})));
}

BOOST_AUTO_TEST_CASE(year_over_year_for_iso_weeks_compares_the_same_week_number) {
  // Value = 1000 * ISO year + week, so every defined change is exactly 1000; a fixed lag of
  // 52 weeks would compare 2021-W05 with 2020-W06 (2020 has 53 weeks) and give 999.
  const kc::period_range<kc::iso_week> range(kc::iso_week(2019, 1), kc::iso_week(2021, 10));
  std::vector<std::int64_t> v;
  for (const auto w : range) v.push_back(1000 * w.year() + static_cast<std::int64_t>(w.index()));
  const kc::series<kc::iso_week, std::int64_t> s(range, v);
  const auto yoy = kc::year_over_year(s);
  std::size_t defined = 0;
  for (const auto w : range) {
    const bool expect_missing = w.year() == 2019 || w.index() == 53;
    BOOST_TEST_REQUIRE(yoy.change.is_missing(w) == expect_missing, w.iso());
    if (!expect_missing) {
      BOOST_TEST_REQUIRE(yoy.change.at(w) == 1000, w.iso());
      ++defined;
    }
  }
  BOOST_TEST(defined == 52u + 10u);
  BOOST_TEST(yoy.change.is_missing(kc::iso_week(2020, 53)));
  BOOST_TEST(yoy.relative.at(kc::iso_week(2021, 5)) == 1000.0 / 2020005.0);
}

BOOST_AUTO_TEST_CASE(year_over_year_missing_policies) {
  const monthly s(kc::trailing(kc::month(2021, 2), 14), {5, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7, 9},
                  {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
  const auto skip = kc::year_over_year(s);
  BOOST_TEST(skip.change.at(kc::month(2021, 1)) == 2);
  BOOST_TEST(skip.change.is_missing(kc::month(2021, 2)));  // 2020-02 is missing
  const auto zero = kc::year_over_year(s, kc::missing_policy::as_zero);
  BOOST_TEST(zero.change.at(kc::month(2021, 2)) == 9);
  BOOST_TEST(zero.relative.is_missing(kc::month(2021, 2)));  // base 0
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::year_over_year(s, kc::missing_policy::reject); },
                                          {"2020-02", "missing"}));
  // Comparing results as values.
  BOOST_TEST((kc::year_over_year(s) == skip));
  BOOST_TEST((zero != skip));
}

BOOST_AUTO_TEST_CASE(year_over_year_overflow_names_the_period) {
  const kc::series<kc::year, std::int64_t> y(
      {kc::year(2020), kc::year(2021)},
      {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()});
  BOOST_TEST(throws_with<kc::overflow_error>([&] { (void)kc::year_over_year(y); }, {"2021", "int64"}));
}

BOOST_AUTO_TEST_CASE(year_over_year_of_months_equals_the_span_kernels) {
  std::mt19937_64 rng(9);
  std::vector<double> v(40);
  for (auto& x : v) x = rng() % 5 == 0 ? na : static_cast<double>(rng() % 4);
  const monthly_double s(kc::trailing(kc::month(2022, 12), 40), v);
  const auto yoy = kc::year_over_year(s);
  std::vector<double> change(40);
  std::vector<double> relative(40);
  kc::year_over_year_change(v, 12, change);
  kc::year_over_year_relative(v, 12, relative);
  BOOST_TEST((yoy.change == monthly_double(s.range(), change)));
  BOOST_TEST((yoy.relative == monthly_double(s.range(), relative)));
}
