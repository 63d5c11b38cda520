#define BOOST_TEST_MODULE rolling
#include <boost/test/unit_test.hpp>

#include "support/throws_with.hpp"

#include <kerncijfers/rolling.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::throws_with;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

// Equal, with NaN equal to NaN.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void check_same(const std::vector<double>& got, const std::vector<double>& expected) {
  BOOST_TEST_REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST(same(got[i], expected[i]), "position " << i << ": got " << got[i] << ", expected " << expected[i]);
  }
}

std::vector<double> sum_of(const std::vector<double>& v, kc::rolling_options options) {
  std::vector<double> out(v.size(), -1.0);
  kc::rolling_sum(v, out, options);
  return out;
}

std::vector<double> mean_of(const std::vector<double>& v, kc::rolling_options options) {
  std::vector<double> out(v.size(), -1.0);
  kc::rolling_mean(v, out, options);
  return out;
}

// ---- naive O(n*k) references --------------------------------------------------------------

struct float_reference {
  std::vector<double> sum;
  std::vector<double> mean;
  std::vector<double> scale;  // sum of |x| in each window, for the tolerance
};

template <class T>
float_reference naive_float(const std::vector<T>& v, std::size_t k, std::size_t min_periods,
                            kc::missing_policy missing) {
  float_reference r;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::size_t lo = i + 1 >= k ? i + 1 - k : 0;
    std::size_t count = 0;
    long double total = 0;
    long double scale = 0;
    for (std::size_t j = lo; j <= i; ++j) {
      const double x = static_cast<double>(v[j]);
      if (std::isnan(x)) {
        if (missing == kc::missing_policy::as_zero) ++count;
        continue;
      }
      ++count;
      total += x;
      scale += std::fabs(x);
    }
    const bool ok = count >= min_periods;
    r.sum.push_back(ok ? static_cast<double>(total) : na);
    r.mean.push_back(ok && count > 0 ? static_cast<double>(total / static_cast<long double>(count)) : na);
    r.scale.push_back(static_cast<double>(scale));
  }
  return r;
}

struct integer_reference {
  std::vector<std::int64_t> sum;
  std::vector<std::uint8_t> valid;
  std::vector<double> mean;
};

template <class T>
integer_reference naive_integer(const std::vector<T>& v, const std::vector<std::uint8_t>& mask, std::size_t k,
                                std::size_t min_periods, kc::missing_policy missing) {
  integer_reference r;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::size_t lo = i + 1 >= k ? i + 1 - k : 0;
    std::size_t count = 0;
    long double total = 0;  // exact for the magnitudes used below (|sum| < 2^63)
    std::int64_t exact = 0;
    for (std::size_t j = lo; j <= i; ++j) {
      if (!mask.empty() && mask[j] == 0) {
        if (missing == kc::missing_policy::as_zero) ++count;
        continue;
      }
      ++count;
      exact += static_cast<std::int64_t>(v[j]);
      total += static_cast<long double>(v[j]);
    }
    const bool ok = count >= min_periods;
    r.sum.push_back(ok ? exact : 0);
    r.valid.push_back(ok ? 1 : 0);
    r.mean.push_back(ok && count > 0 ? static_cast<double>(exact) / static_cast<double>(count) : na);
  }
  return r;
}

const std::vector<kc::missing_policy> policies = {kc::missing_policy::skip, kc::missing_policy::as_zero};
const std::vector<std::size_t> windows = {1, 2, 3, 5, 12, 40};

std::vector<std::size_t> min_periods_for(std::size_t k) { return {0, 1, k / 2, k}; }

}  // namespace

// ---- exact, hand-written cases ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(pandas_example_sum_window_2_min_periods_1) {
  check_same(sum_of({1, 2, na, 4, 5}, {.window = 2, .min_periods = 1}), {1, 3, 2, 4, 9});
}

BOOST_AUTO_TEST_CASE(min_periods_defaults_to_the_window) {
  check_same(sum_of({1, 2, na, 4, 5}, {.window = 2}), {na, 3, na, na, 9});
  check_same(mean_of({1, 2, na, 4, 5}, {.window = 2}), {na, 1.5, na, na, 4.5});
}

BOOST_AUTO_TEST_CASE(min_periods_zero_sums_an_all_missing_window_to_zero) {
  check_same(sum_of({na, na, 1, na, na, na}, {.window = 2, .min_periods = 0}), {0, 0, 1, 1, 0, 0});
  // ... but the mean of nothing is missing.
  check_same(mean_of({na, na, 1, na, na, na}, {.window = 2, .min_periods = 0}), {na, na, 1, 1, na, na});
}

BOOST_AUTO_TEST_CASE(an_emptied_window_sums_to_exactly_zero) {
  // Values over 30 orders of magnitude leave rounding behind in a running sum; once the
  // window holds only gaps its sum must be 0, not that residue.
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> v;
    for (int i = 0; i < 30; ++i) v.push_back(unit(rng) * std::pow(10.0, static_cast<double>(rng() % 30)));
    v.insert(v.end(), 30, na);
    const auto sums = sum_of(v, {.window = 30, .min_periods = 0});
    BOOST_TEST_REQUIRE(sums.back() == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(mean_is_over_present_values_only) {
  check_same(mean_of({1, 2, na, 4, 5}, {.window = 3, .min_periods = 1}), {1, 1.5, 1.5, 3, 4.5});
}

BOOST_AUTO_TEST_CASE(missing_as_zero_counts_gaps_as_present_zeros) {
  const kc::rolling_options options{.window = 2, .missing = kc::missing_policy::as_zero};
  check_same(sum_of({1, na, 3, na}, options), {na, 1, 3, 3});
  check_same(mean_of({1, na, 3, na}, options), {na, 0.5, 1.5, 1.5});
  // With skip the same windows lack a value.
  check_same(sum_of({1, na, 3, na}, {.window = 2}), {na, na, na, na});
}

BOOST_AUTO_TEST_CASE(reject_throws_naming_the_missing_position) {
  std::vector<double> out(4);
  const std::vector<double> v{1, 2, na, 4};
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { kc::rolling_sum(v, out, {.window = 2, .missing = kc::missing_policy::reject}); },
      {"position 2", "missing"}));
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { kc::rolling_mean(v, out, {.window = 2, .missing = kc::missing_policy::reject}); }, {"position 2"}));
  // Without a gap, reject is the same as skip.
  check_same(sum_of({1, 2, 3}, {.window = 2, .min_periods = 1, .missing = kc::missing_policy::reject}), {1, 3, 5});
}

BOOST_AUTO_TEST_CASE(window_longer_than_the_series) {
  check_same(sum_of({1, 2, 3}, {.window = 10, .min_periods = 2}), {na, 3, 6});
  check_same(sum_of({1, 2, 3}, {.window = 10}), {na, na, na});
}

BOOST_AUTO_TEST_CASE(window_of_one_is_the_values) {
  check_same(sum_of({1.5, na, -3}, {.window = 1}), {1.5, na, -3});
  check_same(sum_of({}, {.window = 3}), {});
}

BOOST_AUTO_TEST_CASE(a_large_value_leaving_the_window_does_not_take_small_ones_along) {
  // A plain running sum gives 0 at position 2 ((1e20 + 1) - 1e20), and drifts from there.
  check_same(sum_of({1e20, 1, 1, 1, 1, 1}, {.window = 2}), {na, 1e20, 2, 2, 2, 2});
  check_same(sum_of({1, 1e100, 1, -1e100, 3, 4}, {.window = 2}), {na, 1e100, 1e100, -1e100, -1e100, 7});
  check_same(mean_of({1e20, 1, 3}, {.window = 2}), {na, 5e19, 2});
}

BOOST_AUTO_TEST_CASE(infinities_are_counted_apart) {
  check_same(sum_of({inf, 1, 2, 3}, {.window = 2}), {na, inf, 3, 5});
  check_same(sum_of({inf, -inf, 1, 2}, {.window = 2, .min_periods = 1}), {inf, na, -inf, 3});
  check_same(mean_of({-inf, 1, 2}, {.window = 2}), {na, -inf, 1.5});
}

BOOST_AUTO_TEST_CASE(float_input_sums_in_double) {
  const std::vector<float> v{1.0f, 2.0f, std::numeric_limits<float>::quiet_NaN(), 4.0f, 5.0f};
  std::vector<double> out(5);
  kc::rolling_sum(v, out, {.window = 2, .min_periods = 1});
  check_same(out, {1, 3, 2, 4, 9});
  // 2^24 + 1 is not a float, but the double sum holds it.
  const std::vector<float> big{16777216.0f, 1.0f};
  std::vector<double> out2(2);
  kc::rolling_sum(big, out2, {.window = 2});
  BOOST_TEST(out2[1] == 16777217.0);
}

BOOST_AUTO_TEST_CASE(accepts_spans_and_arrays) {
  const double raw[] = {1, 2, 3};
  std::vector<double> out(3);
  kc::rolling_sum(std::span<const double>(raw), out, {.window = 2});
  check_same(out, {na, 3, 5});
  const std::array<double, 3> arr{1, 2, 3};
  kc::rolling_mean(arr, out, {.window = 3, .min_periods = 1});
  check_same(out, {1, 1.5, 2});
}

// ---- integer cases ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(integer_pandas_example_with_a_mask) {
  const std::vector<std::int64_t> v{1, 2, 999, 4, 5};
  const std::vector<std::uint8_t> mask{1, 1, 0, 1, 1};
  std::vector<std::int64_t> out(5, -1);
  std::vector<std::uint8_t> out_valid(5, 9);
  kc::rolling_sum(v, mask, out, out_valid, {.window = 2, .min_periods = 1});
  BOOST_TEST(out == (std::vector<std::int64_t>{1, 3, 2, 4, 9}), boost::test_tools::per_element());
  BOOST_TEST(out_valid == (std::vector<std::uint8_t>{1, 1, 1, 1, 1}), boost::test_tools::per_element());

  kc::rolling_sum(v, mask, out, out_valid, {.window = 2});
  BOOST_TEST(out == (std::vector<std::int64_t>{0, 3, 0, 0, 9}), boost::test_tools::per_element());
  BOOST_TEST(out_valid == (std::vector<std::uint8_t>{0, 1, 0, 0, 1}), boost::test_tools::per_element());

  std::vector<double> mean(5);
  kc::rolling_mean(v, mask, mean, {.window = 3, .min_periods = 1});
  check_same(mean, {1, 1.5, 1.5, 3, 4.5});
}

BOOST_AUTO_TEST_CASE(integer_empty_mask_means_all_present) {
  const std::vector<std::int32_t> v{1, 2, 3, 4};
  std::vector<std::int64_t> out(4);
  std::vector<std::uint8_t> out_valid(4);
  kc::rolling_sum(v, {}, out, out_valid, {.window = 3});
  BOOST_TEST(out == (std::vector<std::int64_t>{0, 0, 6, 9}), boost::test_tools::per_element());
  BOOST_TEST(out_valid == (std::vector<std::uint8_t>{0, 0, 1, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(integer_missing_as_zero_and_reject) {
  const std::vector<std::int64_t> v{1, 0, 3};
  const std::vector<std::uint8_t> mask{1, 0, 1};
  std::vector<std::int64_t> out(3);
  std::vector<std::uint8_t> out_valid(3);
  kc::rolling_sum(v, mask, out, out_valid, {.window = 2, .missing = kc::missing_policy::as_zero});
  BOOST_TEST(out == (std::vector<std::int64_t>{0, 1, 3}), boost::test_tools::per_element());
  BOOST_TEST(out_valid == (std::vector<std::uint8_t>{0, 1, 1}), boost::test_tools::per_element());
  // Any non-zero mask entry means present.
  const std::vector<std::uint8_t> loose_mask{7, 0, 255};
  kc::rolling_sum(v, loose_mask, out, out_valid, {.window = 2, .min_periods = 1});
  BOOST_TEST(out == (std::vector<std::int64_t>{1, 1, 3}), boost::test_tools::per_element());
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { kc::rolling_sum(v, mask, out, out_valid, {.window = 2, .missing = kc::missing_policy::reject}); },
      {"position 1"}));
}

BOOST_AUTO_TEST_CASE(int32_sums_are_exact_beyond_int32) {
  const std::int32_t big = std::numeric_limits<std::int32_t>::max();
  const std::vector<std::int32_t> v{big, big, big, std::numeric_limits<std::int32_t>::min()};
  std::vector<std::int64_t> out(4);
  std::vector<std::uint8_t> out_valid(4);
  kc::rolling_sum(v, {}, out, out_valid, {.window = 3});
  BOOST_TEST(out[2] == 3LL * big);
  BOOST_TEST(out[3] == 2LL * big + std::numeric_limits<std::int32_t>::min());
}

BOOST_AUTO_TEST_CASE(int64_overflow_throws_naming_the_position) {
  const std::vector<std::int64_t> v{5, i64_max, 1};
  std::vector<std::int64_t> out(3);
  std::vector<std::uint8_t> out_valid(3);
  BOOST_TEST(throws_with<kc::overflow_error>([&] { kc::rolling_sum(v, {}, out, out_valid, {.window = 2}); },
                                             {"position 1", "int64"}));
  const std::vector<std::int64_t> low{i64_min, -1};
  std::vector<std::int64_t> out2(2);
  std::vector<std::uint8_t> valid2(2);
  BOOST_TEST(
      throws_with<kc::overflow_error>([&] { kc::rolling_sum(low, {}, out2, valid2, {.window = 2}); }, {"position 1"}));
  // A missing value does not take part: no overflow.
  const std::vector<std::uint8_t> mask{1, 0, 1};
  kc::rolling_sum(v, mask, out, out_valid, {.window = 2, .min_periods = 1});
  BOOST_TEST(out == (std::vector<std::int64_t>{5, 5, 1}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(int64_window_that_fits_does_not_throw_whatever_the_running_total) {
  // Each window fits although sub-sums such as MAX + 5 do not.
  const std::vector<std::int64_t> v{-10, i64_max, 5, -10, i64_min + 20, 10};
  std::vector<std::int64_t> out(6);
  std::vector<std::uint8_t> out_valid(6);
  BOOST_CHECK_NO_THROW(kc::rolling_sum(v, {}, out, out_valid, {.window = 3, .min_periods = 1}));
  BOOST_TEST(out[1] == i64_max - 10);
  BOOST_TEST(out[2] == i64_max - 5);
  BOOST_TEST(out[3] == i64_max - 5);
  BOOST_TEST(out[4] == i64_min + 15);
  BOOST_TEST(out[5] == i64_min + 20);
  // The mean of a window whose sum does not fit is still exact.
  std::vector<double> mean(2);
  const std::vector<std::int64_t> both{i64_max, i64_max};
  kc::rolling_mean(both, {}, mean, {.window = 2});
  BOOST_TEST(mean[1] == 9223372036854775807.0);
}

BOOST_AUTO_TEST_CASE(small_unsigned_types_are_counts_too) {
  const std::vector<std::uint8_t> v{200, 200, 200};
  std::vector<std::int64_t> out(3);
  std::vector<std::uint8_t> out_valid(3);
  kc::rolling_sum(v, {}, out, out_valid, {.window = 3});
  BOOST_TEST(out[2] == 600);
}

// ---- against the naive reference ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(double_matches_naive_reference_on_random_inputs) {
  std::mt19937_64 rng(20210501);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::size_t compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = rng() % 80;
    const double missing_rate = std::vector<double>{0.0, 0.1, 0.5, 0.95}[trial % 4];
    std::vector<double> v(n);
    for (auto& x : v) {
      // Mostly moderate values with fractions, sometimes huge ones: a drifting running
      // sum is far off once a huge value has left the window.
      x = (unit(rng) - 0.5) * 2000.0;
      if (unit(rng) < 0.05) x *= 1e12;
      if (unit(rng) < missing_rate) x = na;
    }
    for (const std::size_t k : windows) {
      for (const std::size_t mp : min_periods_for(k)) {
        for (const auto policy : policies) {
          const kc::rolling_options options{.window = k, .min_periods = mp, .missing = policy};
          const auto ref = naive_float(v, k, mp, policy);
          const auto sum = sum_of(v, options);
          const auto mean = mean_of(v, options);
          for (std::size_t i = 0; i < n; ++i) {
            const double tolerance = 1e-13 * ref.scale[i];
            BOOST_TEST_REQUIRE(std::isnan(sum[i]) == std::isnan(ref.sum[i]));
            if (!std::isnan(ref.sum[i])) {
              BOOST_TEST_REQUIRE(
                  std::fabs(sum[i] - ref.sum[i]) <= tolerance,
                  "sum at " << i << " k=" << k << " mp=" << mp << ": " << sum[i] << " vs " << ref.sum[i]);
            }
            BOOST_TEST_REQUIRE(std::isnan(mean[i]) == std::isnan(ref.mean[i]));
            if (!std::isnan(ref.mean[i])) BOOST_TEST_REQUIRE(std::fabs(mean[i] - ref.mean[i]) <= tolerance);
            ++compared;
          }
        }
      }
    }
  }
  BOOST_TEST(compared > 100000u);
}

BOOST_AUTO_TEST_CASE(long_series_does_not_drift) {
  // 200,000 steps of a window of 3 over values spanning 16 orders of magnitude.
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> v(200000);
  for (auto& x : v) x = unit(rng) * std::pow(10.0, static_cast<double>(rng() % 17) - 4.0);
  const auto sum = sum_of(v, {.window = 3});
  const auto ref = naive_float(v, 3, 3, kc::missing_policy::skip);
  double worst = 0.0;
  for (std::size_t i = 2; i < v.size(); ++i) worst = std::max(worst, std::fabs(sum[i] - ref.sum[i]) / ref.scale[i]);
  // A plain running sum is off by about the whole window here (relative error ~1); a
  // compensated one without re-summing drifts to ~1e-13 over this length.
  BOOST_TEST(worst <= 4e-15);
}

template <class T>
void check_integer_against_naive(std::uint64_t seed, std::int64_t magnitude) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::int64_t> value(-magnitude, magnitude);
  std::size_t compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = rng() % 80;
    const unsigned missing_percent = std::vector<unsigned>{0, 10, 50, 95}[trial % 4];
    std::vector<T> v(n);
    std::vector<std::uint8_t> mask;
    if (trial % 5 != 0) mask.resize(n);  // every fifth trial: empty mask = all present
    for (std::size_t i = 0; i < n; ++i) {
      v[i] = static_cast<T>(value(rng));
      if (!mask.empty()) mask[i] = rng() % 100 < missing_percent ? 0 : 1;
    }
    for (const std::size_t k : windows) {
      for (const std::size_t mp : min_periods_for(k)) {
        for (const auto policy : policies) {
          const kc::rolling_options options{.window = k, .min_periods = mp, .missing = policy};
          const auto ref = naive_integer(v, mask, k, mp, policy);
          std::vector<std::int64_t> sum(n, -1);
          std::vector<std::uint8_t> valid(n, 7);
          std::vector<double> mean(n);
          kc::rolling_sum(v, mask, sum, valid, options);
          kc::rolling_mean(v, mask, mean, options);
          BOOST_TEST_REQUIRE(sum == ref.sum);
          BOOST_TEST_REQUIRE(valid == ref.valid);
          for (std::size_t i = 0; i < n; ++i) BOOST_TEST_REQUIRE(same(mean[i], ref.mean[i]));
          compared += n;
        }
      }
    }
  }
  BOOST_TEST(compared > 100000u);
}

BOOST_AUTO_TEST_CASE(int64_matches_naive_reference_on_random_inputs) {
  check_integer_against_naive<std::int64_t>(11, std::int64_t{1} << 56);
}

BOOST_AUTO_TEST_CASE(int32_matches_naive_reference_on_random_inputs) {
  check_integer_against_naive<std::int32_t>(12, std::numeric_limits<std::int32_t>::max());
}

// ---- bad input ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(window_zero_and_min_periods_above_window_are_errors) {
  std::vector<double> out(3);
  const std::vector<double> v{1, 2, 3};
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_sum(v, out, {.window = 0}); }, {"window 0"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_mean(v, out, {.window = 2, .min_periods = 3}); },
                                            {"min_periods 3", "window 2"}));
  BOOST_TEST(kc::resolve_min_periods({.window = 4}) == 4u);
  BOOST_TEST(kc::resolve_min_periods({.window = 4, .min_periods = 0}) == 0u);
  const std::vector<std::int64_t> iv{1, 2, 3};
  std::vector<std::int64_t> iout(3);
  std::vector<std::uint8_t> ivalid(3);
  BOOST_TEST(
      throws_with<kc::invalid_input>([&] { kc::rolling_sum(iv, {}, iout, ivalid, {.window = 0}); }, {"window 0"}));
}

BOOST_AUTO_TEST_CASE(size_mismatches_throw_naming_both_sizes) {
  const std::vector<double> v{1, 2, 3, 4, 5};
  std::vector<double> short_out(4);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_sum(v, short_out, {.window = 2}); }, {"4", "5"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_mean(v, short_out, {.window = 2}); }, {"4", "5"}));
  const std::vector<std::int64_t> iv{1, 2, 3};
  const std::vector<std::uint8_t> bad_mask{1, 1};
  std::vector<std::int64_t> iout(3);
  std::vector<std::uint8_t> ivalid(3);
  std::vector<std::uint8_t> short_valid(2);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_sum(iv, bad_mask, iout, ivalid, {.window = 2}); },
                                            {"mask has 2", "3 values"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_sum(iv, {}, iout, short_valid, {.window = 2}); },
                                            {"output mask has 2", "3 values"}));
  std::vector<double> short_mean(2);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_mean(iv, {}, short_mean, {.window = 2}); }, {"2", "3"}));
}

BOOST_AUTO_TEST_CASE(output_overlapping_input_is_refused) {
  std::vector<double> v{1, 2, 3, 4};
  BOOST_TEST(
      throws_with<kc::invalid_input>([&] { kc::rolling_sum(v, std::span<double>(v), {.window = 2}); }, {"overlaps"}));
  std::vector<double> w{1, 2, 3, 4, 5, 6, 7, 8};
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] { kc::rolling_sum(std::span<const double>(w).first(4), std::span<double>(w).subspan(2, 4), {.window = 2}); },
      {"overlaps"}));
  // Adjacent but separate halves are fine.
  BOOST_CHECK_NO_THROW(
      kc::rolling_sum(std::span<const double>(w).first(4), std::span<double>(w).subspan(4, 4), {.window = 2}));
  BOOST_TEST(w[5] == 3.0);
}

// ---- trailing sums ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(trailing_sum_of_one_window) {
  const std::vector<double> v{1, 2, 3, 4, 5};
  BOOST_TEST(kc::trailing_sum(v, 4, 3) == 12.0);
  BOOST_TEST(kc::trailing_sum(v, 2, 3) == 6.0);
  BOOST_TEST(kc::trailing_sum(v, 0, 1) == 1.0);
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(v, 1, 3); },
                                          {"3", "position 1", "1 positions before"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(v, 5, 1); }, {"position 5", "5 values"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(v, 4, 0); }, {"got 0"}));
}

BOOST_AUTO_TEST_CASE(trailing_sum_missing_values) {
  const std::vector<double> v{1, na, 3, 4};
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(v, 3, 4); }, {"position 1", "missing"}));
  BOOST_TEST(kc::trailing_sum(v, 3, 4, kc::missing_policy::as_zero) == 8.0);
  BOOST_TEST(kc::trailing_sum(v, 3, 4, kc::missing_policy::skip) == 8.0);
  BOOST_TEST(kc::trailing_sum(v, 3, 2) == 7.0);  // the gap lies outside this window
  const std::vector<double> gap{na, na};
  BOOST_TEST(kc::trailing_sum(gap, 1, 2, kc::missing_policy::as_zero) == 0.0);
}

BOOST_AUTO_TEST_CASE(integer_trailing_sum) {
  const std::vector<std::int32_t> v{1, 2, 3, 4};
  const std::vector<std::uint8_t> mask{1, 0, 1, 1};
  BOOST_TEST(kc::trailing_sum(v, {}, 3, 4) == 10);
  BOOST_TEST(kc::trailing_sum(v, mask, 3, 2) == 7);
  BOOST_TEST(kc::trailing_sum(v, mask, 3, 4, kc::missing_policy::as_zero) == 8);
  BOOST_TEST(throws_with<kc::range_error>([&] { (void)kc::trailing_sum(v, mask, 3, 3); }, {"position 1"}));
  const std::vector<std::int64_t> big{i64_max, 1};
  BOOST_TEST(throws_with<kc::overflow_error>([&] { (void)kc::trailing_sum(big, {}, 1, 2); }, {"int64"}));
  BOOST_TEST(kc::trailing_sum(big, {}, 1, 1) == 1);
}

// ---- year over year -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(year_over_year_change_and_relative) {
  const std::vector<double> v{10, 20, 15, 30, na, 0, 5, 7};
  std::vector<double> change(8);
  std::vector<double> relative(8);
  kc::year_over_year_change(v, 2, change);
  kc::year_over_year_relative(v, 2, relative);
  check_same(change, {na, na, 5, 10, na, -30, na, 7});
  check_same(relative, {na, na, 0.5, 0.5, na, -1, na, na});  // base 0 at the end

  kc::year_over_year_change(v, 2, change, kc::missing_policy::as_zero);
  kc::year_over_year_relative(v, 2, relative, kc::missing_policy::as_zero);
  check_same(change, {na, na, 5, 10, -15, -30, 5, 7});
  check_same(relative, {na, na, 0.5, 0.5, -1, -1, na, na});

  BOOST_TEST(throws_with<kc::range_error>([&] { kc::year_over_year_change(v, 2, change, kc::missing_policy::reject); },
                                          {"position 4"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::year_over_year_change(v, 0, change); }, {"got 0"}));
  std::vector<double> short_out(3);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::year_over_year_relative(v, 2, short_out); }, {"3", "8"}));
}

BOOST_AUTO_TEST_CASE(integer_year_over_year) {
  const std::vector<std::int64_t> v{10, 20, 15, 30, 0, 0, 5};
  const std::vector<std::uint8_t> mask{1, 1, 1, 1, 0, 1, 1};
  std::vector<std::int64_t> change(7);
  std::vector<std::uint8_t> valid(7);
  std::vector<double> relative(7);
  kc::year_over_year_change(v, mask, 2, change, valid);
  kc::year_over_year_relative(v, mask, 2, relative);
  BOOST_TEST(change == (std::vector<std::int64_t>{0, 0, 5, 10, 0, -30, 0}), boost::test_tools::per_element());
  BOOST_TEST(valid == (std::vector<std::uint8_t>{0, 0, 1, 1, 0, 1, 0}), boost::test_tools::per_element());
  check_same(relative, {na, na, 0.5, 0.5, na, -1, na});

  kc::year_over_year_change(v, mask, 2, change, valid, kc::missing_policy::as_zero);
  BOOST_TEST(change == (std::vector<std::int64_t>{0, 0, 5, 10, -15, -30, 5}), boost::test_tools::per_element());
  BOOST_TEST(valid == (std::vector<std::uint8_t>{0, 0, 1, 1, 1, 1, 1}), boost::test_tools::per_element());

  const std::vector<std::int64_t> extremes{i64_min, i64_max};
  std::vector<std::int64_t> c2(2);
  std::vector<std::uint8_t> v2(2);
  BOOST_TEST(throws_with<kc::overflow_error>([&] { kc::year_over_year_change(extremes, {}, 1, c2, v2); },
                                             {"position 1", "int64"}));
  std::vector<double> r2(2);
  kc::year_over_year_relative(extremes, {}, 1, r2);  // the relative change is a double: no overflow
  BOOST_TEST(r2[1] == -2.0);
}

BOOST_AUTO_TEST_CASE(year_over_year_matches_naive_reference) {
  std::mt19937_64 rng(99);
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t n = rng() % 60;
    const std::size_t lag = 1 + rng() % 13;
    std::vector<std::int64_t> v(n);
    std::vector<std::uint8_t> mask(n);
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) {
      v[i] = static_cast<std::int64_t>(rng() % 7);  // zeros happen
      mask[i] = rng() % 4 != 0;
      d[i] = mask[i] ? static_cast<double>(v[i]) : na;
    }
    std::vector<std::int64_t> change(n);
    std::vector<std::uint8_t> valid(n);
    std::vector<double> relative(n);
    std::vector<double> dchange(n);
    std::vector<double> drelative(n);
    kc::year_over_year_change(v, mask, lag, change, valid);
    kc::year_over_year_relative(v, mask, lag, relative);
    kc::year_over_year_change(d, lag, dchange);
    kc::year_over_year_relative(d, lag, drelative);
    for (std::size_t t = 0; t < n; ++t) {
      const bool ok = t >= lag && mask[t] && mask[t - lag];
      BOOST_TEST_REQUIRE(valid[t] == (ok ? 1 : 0));
      if (ok) {
        BOOST_TEST_REQUIRE(change[t] == v[t] - v[t - lag]);
        BOOST_TEST_REQUIRE(dchange[t] == static_cast<double>(v[t] - v[t - lag]));
        const double expected =
            v[t - lag] == 0 ? na : static_cast<double>(v[t] - v[t - lag]) / static_cast<double>(v[t - lag]);
        BOOST_TEST_REQUIRE(same(relative[t], expected));
        BOOST_TEST_REQUIRE(same(drelative[t], expected));
      } else {
        BOOST_TEST_REQUIRE(change[t] == 0);
        BOOST_TEST_REQUIRE(std::isnan(dchange[t]));
        BOOST_TEST_REQUIRE(std::isnan(relative[t]));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(options_are_a_value) {
  const kc::rolling_options a{.window = 12};
  kc::rolling_options b = a;
  BOOST_TEST((a == b));
  b.min_periods = 12;
  BOOST_TEST((a != b));  // same effect, different request
  BOOST_TEST(kc::resolve_min_periods(a) == kc::resolve_min_periods(b));
}
