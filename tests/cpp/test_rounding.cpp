#define BOOST_TEST_MODULE rounding
#include <boost/test/unit_test.hpp>

#include "support/counting_new.hpp"
#include "support/message_of.hpp"

#include <kerncijfers/rounding.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <new>
#include <numeric>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::allocation_count;

namespace {

using counts_t = std::vector<std::int64_t>;
using int128 = kc::detail::kc_int128;

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();
constexpr auto half_up = kc::rounding_mode::half_up;
constexpr auto half_even = kc::rounding_mode::half_even;
constexpr auto floor_mode = kc::rounding_mode::floor;
constexpr auto ceiling = kc::rounding_mode::ceiling;

using kerncijfers_test::exception_of;
using kerncijfers_test::message_of;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

template <class T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::int64_t sum(const counts_t& v) { return std::accumulate(v.begin(), v.end(), std::int64_t{0}); }

std::int64_t ten_to(int d) {
  std::int64_t p = 1;
  for (int i = 0; i < d; ++i) p *= 10;
  return p;
}

// Independent reference for largest remainder: floors, then a full sort of all positions
// by (remainder desc, count desc, position asc), the first `left` rounded up.
counts_t reference_largest_remainder(const counts_t& counts, std::int64_t target, int decimals) {
  const int128 units = static_cast<int128>(target) * ten_to(decimals);
  const int128 total = std::accumulate(counts.begin(), counts.end(), int128{0});
  counts_t parts(counts.size());
  std::vector<int128> remainders(counts.size());
  int128 assigned = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const int128 exact = static_cast<int128>(counts[i]) * units;
    parts[i] = static_cast<std::int64_t>(exact / total);
    remainders[i] = exact % total;
    assigned += parts[i];
  }
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return a < b;
  });
  for (int128 j = 0; j < units - assigned; ++j) ++parts[order[static_cast<std::size_t>(j)]];
  return parts;
}

// Each part is the floor or the ceiling of count * units / total.
bool each_part_is_floor_or_ceiling(const counts_t& counts, const counts_t& parts, std::int64_t target, int decimals) {
  const int128 units = static_cast<int128>(target) * ten_to(decimals);
  const int128 total = std::accumulate(counts.begin(), counts.end(), int128{0});
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const int128 exact_times_total = static_cast<int128>(counts[i]) * units;
    const int128 scaled_part = static_cast<int128>(parts[i]) * total;
    // floor: part * total <= exact < (part + 1) * total; ceiling: (part - 1) * total < exact <= part * total.
    const int128 difference = scaled_part - exact_times_total;
    if (difference <= -total || difference >= total) return false;
  }
  return true;
}

std::vector<std::pair<std::int64_t, std::int64_t>> sorted_pairs(const counts_t& counts, const counts_t& parts) {
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  for (std::size_t i = 0; i < counts.size(); ++i) pairs.emplace_back(counts[i], parts[i]);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

// A count vector from one of several regimes: tiny counts (many ties), realistic counts,
// large and huge counts (the 128-bit paths), with zeros sprinkled in.
counts_t random_counts(std::mt19937_64& rng, std::size_t n) {
  const int regime = static_cast<int>(rng() % 5);
  std::int64_t top = 10;
  if (regime == 1) top = 1000;
  if (regime == 2) top = 1'000'000;
  if (regime == 3) top = std::int64_t{1} << 40;
  if (regime == 4) top = max64 / static_cast<std::int64_t>(n);
  std::uniform_int_distribution<std::int64_t> value(0, top);
  counts_t counts(n);
  for (auto& c : counts) c = (rng() % 7 == 0) ? 0 : value(rng);
  if (sum(counts) == 0) counts[rng() % n] = 1;
  return counts;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Rounding modes and single values

BOOST_AUTO_TEST_CASE(mode_names_round_trip) {
  static_assert(kc::to_string(half_up) == "half-up");
  static_assert(kc::to_string(half_even) == "half-even");
  static_assert(kc::to_string(floor_mode) == "floor");
  static_assert(kc::to_string(ceiling) == "ceiling");
  for (auto mode : {half_up, half_even, floor_mode, ceiling}) {
    BOOST_TEST((kc::parse_rounding_mode(kc::to_string(mode)) == mode));
  }
  BOOST_TEST(printed(half_even) == "half-even");
  BOOST_CHECK_THROW((void)kc::parse_rounding_mode("half_up"), kc::parse_error);
  BOOST_CHECK_THROW((void)kc::parse_rounding_mode("Half-Up"), kc::parse_error);
  BOOST_CHECK_THROW((void)kc::parse_rounding_mode(""), kc::parse_error);
  const auto e = exception_of<kc::parse_error>([] { (void)kc::parse_rounding_mode("bankers"); });
  BOOST_TEST(e.input() == "bankers");
  BOOST_TEST(std::string(e.what()) ==
             "cannot parse \"bankers\" as a rounding mode (\"half-up\", \"half-even\", \"floor\" or \"ceiling\")");
}

BOOST_AUTO_TEST_CASE(exact_not_binary_floating_point) {
  // In doubles 2.675 is 2.67499999..., so rounding it to 2 decimals gives 2.67
  // (glibc's printf rounds the double's exact value correctly).
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.2f", 2.675);
  BOOST_TEST(std::string(buffer.data()) == "2.67");
  BOOST_TEST(static_cast<long double>(2.675) * 1000 < 2675.0L);
  // Exactly, 2675/1000 is a tie and half-up gives 2.68.
  static_assert(kc::round_ratio(2675, 1000, 2, half_up) == 268);
  BOOST_TEST(kc::round_ratio(2675, 1000, 2, half_up) == 268);
  BOOST_TEST(kc::round_ratio(2675, 1000, 2, half_even) == 268);
  BOOST_TEST(kc::round_ratio(2665, 1000, 2, half_even) == 266);
  BOOST_TEST(kc::rounded_decimal::from_ratio(2675, 1000, 2).format() == "2.68");
}

BOOST_AUTO_TEST_CASE(round_ratio_modes_on_positive_values) {
  struct row {
    std::int64_t num, den;
    std::int64_t up, even, down, ceil;
  };
  const row rows[] = {
      {125, 10, 13, 12, 12, 13},  // 12.5: a tie, even neighbour is 12
      {135, 10, 14, 14, 13, 14},  // 13.5: a tie, even neighbour is 14
      {126, 10, 13, 13, 12, 13}, {124, 10, 12, 12, 12, 13}, {120, 10, 12, 12, 12, 12}, {1, 3, 0, 0, 0, 1},
      {2, 3, 1, 1, 0, 1},        {0, 7, 0, 0, 0, 0},        {1, 2, 1, 0, 0, 1},        {3, 2, 2, 2, 1, 2},
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.num << "/" << r.den) {
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, half_up) == r.up);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, half_even) == r.even);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, floor_mode) == r.down);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, ceiling) == r.ceil);
    }
  }
}

BOOST_AUTO_TEST_CASE(round_ratio_modes_on_negative_values) {
  // half_up is half away from zero; floor/ceiling toward -inf/+inf.
  struct row {
    std::int64_t num, den;
    std::int64_t up, even, down, ceil;
  };
  const row rows[] = {
      {-125, 10, -13, -12, -13, -12}, {-135, 10, -14, -14, -14, -13}, {-126, 10, -13, -13, -13, -12},
      {-124, 10, -12, -12, -13, -12}, {125, -10, -13, -12, -13, -12}, {-125, -10, 13, 12, 12, 13},
      {-1, 2, -1, 0, -1, 0},          {-21, 10, -2, -2, -3, -2},      {-29, 10, -3, -3, -3, -2},
  };
  for (const auto& r : rows) {
    BOOST_TEST_CONTEXT(r.num << "/" << r.den) {
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, half_up) == r.up);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, half_even) == r.even);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, floor_mode) == r.down);
      BOOST_TEST(kc::round_ratio(r.num, r.den, 0, ceiling) == r.ceil);
    }
  }
}

BOOST_AUTO_TEST_CASE(round_ratio_decimals_and_limits) {
  BOOST_TEST(kc::round_ratio(596, 1000, 0) == 1);
  BOOST_TEST(kc::round_ratio(596, 1000, 1) == 6);
  BOOST_TEST(kc::round_ratio(596, 1000, 2) == 60);
  BOOST_TEST(kc::round_ratio(596, 1000, 3) == 596);
  BOOST_TEST(kc::round_ratio(1, 3, 18) == 333333333333333333LL);
  BOOST_TEST(kc::round_ratio(2, 3, 18) == 666666666666666667LL);
  BOOST_TEST(kc::round_ratio(max64, max64, 18) == 1'000'000'000'000'000'000LL);
  BOOST_TEST(kc::round_ratio(max64, 1, 0) == max64);
  BOOST_TEST(kc::round_ratio(min64, 1, 0) == min64);
  BOOST_TEST(kc::round_ratio(max64, max64 - 1, 0, floor_mode) == 1);
  BOOST_TEST(kc::round_ratio(max64, max64 - 1, 0, ceiling) == 2);

  BOOST_TEST(message_of<kc::count_error>([] { (void)kc::round_ratio(7, 0); }) == "ratio 7/0: the denominator is 0");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::round_ratio(1, 3, 19); }) == "decimals 19 is outside 0-18");
  BOOST_CHECK_THROW((void)kc::round_ratio(1, 3, -1), kc::invalid_input);
  BOOST_TEST(message_of<kc::overflow_error>([] { (void)kc::round_ratio(max64, 1, 1); }) ==
             "ratio 9223372036854775807/1 at 1 decimals does not fit in int64");
  // -INT64_MIN does not fit.
  BOOST_CHECK_THROW((void)kc::round_ratio(min64, -1, 0), kc::overflow_error);
}

BOOST_AUTO_TEST_CASE(percent_of_a_share) {
  const kc::share<> syria(596, 1000);
  static_assert(kc::percent_units(kc::share<>(596, 1000)) == 60);
  BOOST_TEST(kc::percent_units(syria, 0, half_up) == 60);
  BOOST_TEST(kc::percent_units(syria, 1, half_up) == 596);
  BOOST_TEST(kc::percent_units(syria, 2, half_up) == 5960);
  BOOST_TEST(kc::percent_units(kc::share<>(116, 1000)) == 12);
  BOOST_TEST(kc::percent_units(kc::share<>(56, 1000)) == 6);
  BOOST_TEST(kc::percent_units(kc::share<>(232, 1000)) == 23);
  // 1/8 = 12.5%: the modes differ on the tie.
  BOOST_TEST(kc::percent_units(kc::share<>(1, 8), 0, half_up) == 13);
  BOOST_TEST(kc::percent_units(kc::share<>(1, 8), 0, half_even) == 12);
  BOOST_TEST(kc::percent_units(kc::share<>(1, 8), 0, floor_mode) == 12);
  BOOST_TEST(kc::percent_units(kc::share<>(1, 8), 0, ceiling) == 13);
  BOOST_TEST(kc::percent_units(kc::share<>(1, 3), 16) == 333333333333333333LL);
  BOOST_TEST(kc::percent_units(kc::share<>(max64 - 1, max64), 0) == 100);
  BOOST_TEST(kc::percent_units(kc::share<>(max64 - 1, max64), 16, floor_mode) == 999999999999999999LL);
  constexpr auto umax = std::numeric_limits<std::uint64_t>::max();
  BOOST_TEST(kc::percent_units(kc::share<std::uint64_t>(umax, umax), 16) == 1'000'000'000'000'000'000LL);
  BOOST_TEST(kc::percent_units(kc::share<std::uint64_t>(umax / 2, umax), 16, floor_mode) == 499999999999999999LL);
  BOOST_TEST(kc::percent_units(kc::share<int>(3, 4)) == 75);

  BOOST_TEST(message_of<kc::count_error>([] { (void)kc::percent_units(kc::share<>::undefined_if_zero(0, 0)); }) ==
             "cannot round the percentage of the undefined share 0/0");
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::percent_units(syria, 17); }) ==
             "decimals 17 is outside 0-16");

  BOOST_TEST((kc::percent(syria, 1) == kc::rounded_decimal(596, 1)));
  BOOST_TEST(kc::percent(syria, 1).format(kc::language::nl) == "59,6");
  BOOST_TEST(kc::percent(syria, 1).format(kc::language::en) == "59.6");
  BOOST_TEST(kc::percent(syria).format(kc::language::nl) == "60");
}

BOOST_AUTO_TEST_CASE(round_to_multiple_of_ten) {
  static_assert(kc::round_to_multiple(7685, 10, half_up) == 7690);
  BOOST_TEST(kc::round_to_multiple(7685, 10, half_up) == 7690);
  BOOST_TEST(kc::round_to_multiple(7685, 10, half_even) == 7680);
  BOOST_TEST(kc::round_to_multiple(7675, 10, half_up) == 7680);
  BOOST_TEST(kc::round_to_multiple(7675, 10, half_even) == 7680);
  BOOST_TEST(kc::round_to_multiple(7684, 10) == 7680);
  BOOST_TEST(kc::round_to_multiple(7686, 10) == 7690);
  BOOST_TEST(kc::round_to_multiple(7681, 10, floor_mode) == 7680);
  BOOST_TEST(kc::round_to_multiple(7689, 10, floor_mode) == 7680);
  BOOST_TEST(kc::round_to_multiple(7681, 10, ceiling) == 7690);
  BOOST_TEST(kc::round_to_multiple(7690, 10, ceiling) == 7690);
  BOOST_TEST(kc::round_to_multiple(385, 10, half_up) == 390);
  BOOST_TEST(kc::round_to_multiple(385, 10, half_even) == 380);
  BOOST_TEST(kc::round_to_multiple(7650, 100, half_up) == 7700);
  BOOST_TEST(kc::round_to_multiple(7650, 100, half_even) == 7600);
  BOOST_TEST(kc::round_to_multiple(7685, 1) == 7685);
  BOOST_TEST(kc::round_to_multiple(0, 10) == 0);
  BOOST_TEST(kc::round_to_multiple(4, 10) == 0);
  BOOST_TEST(kc::round_to_multiple(5, 10) == 10);
  BOOST_TEST(kc::round_to_multiple(-7685, 10, half_up) == -7690);
  BOOST_TEST(kc::round_to_multiple(-7685, 10, half_even) == -7680);
  BOOST_TEST(kc::round_to_multiple(-7681, 10, floor_mode) == -7690);

  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::round_to_multiple(7685, 0); }) ==
             "cannot round 7685 to a multiple of 0: the multiple must be positive");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::round_to_multiple(7685, -10); }) ==
             "cannot round 7685 to a multiple of -10: the multiple must be positive");
  BOOST_TEST(message_of<kc::overflow_error>([] { (void)kc::round_to_multiple(max64, 10); }) ==
             "rounding 9223372036854775807 to a multiple of 10 does not fit in int64");
  BOOST_TEST(kc::round_to_multiple(max64, 10, floor_mode) == 9223372036854775800LL);
}

// ---------------------------------------------------------------------------------------
// rounded_decimal

BOOST_AUTO_TEST_CASE(rounded_decimal_formats_dutch_and_english) {
  const kc::rounded_decimal departures(7690, 0);
  BOOST_TEST(departures.format(kc::language::nl) == "7.690");
  BOOST_TEST(departures.format(kc::language::en) == "7,690");
  BOOST_TEST(departures.format(kc::language::nl, false) == "7690");
  BOOST_TEST(departures.format() == "7690");
  BOOST_TEST(departures.format(",", ".") == "7.690");
  BOOST_TEST(departures.format(",", " ") == "7 690");
  BOOST_TEST(kc::rounded_decimal(kc::round_to_multiple(7685, 10), 0).format(kc::language::nl) == "7.690");

  const kc::rounded_decimal big(1234567, 2);
  BOOST_TEST(big.format(kc::language::nl) == "12.345,67");
  BOOST_TEST(big.format(kc::language::en) == "12,345.67");
  BOOST_TEST(big.format() == "12345.67");
  BOOST_TEST(kc::rounded_decimal(-1234567, 2).format(kc::language::nl) == "-12.345,67");
  BOOST_TEST(kc::rounded_decimal(5, 2).format() == "0.05");
  BOOST_TEST(kc::rounded_decimal(-5, 1).format(",") == "-0,5");
  BOOST_TEST(kc::rounded_decimal(0, 3).format() == "0.000");
  BOOST_TEST(kc::rounded_decimal(600, 1).format(kc::language::nl) == "60,0");
  BOOST_TEST(kc::rounded_decimal(999, 0).format(kc::language::en) == "999");
  BOOST_TEST(kc::rounded_decimal(1000, 0).format(kc::language::en) == "1,000");
  BOOST_TEST(kc::rounded_decimal(100000, 0).format(kc::language::en) == "100,000");
  BOOST_TEST(kc::rounded_decimal(-100000, 0).format(kc::language::en) == "-100,000");
  BOOST_TEST(kc::rounded_decimal(min64, 0).format(kc::language::en) == "-9,223,372,036,854,775,808");
  BOOST_TEST(kc::rounded_decimal(max64, 18).format() == "9.223372036854775807");
  BOOST_TEST(kc::rounded_decimal().format() == "0");
  BOOST_TEST(printed(kc::rounded_decimal(596, 1)) == "59.6");
}

BOOST_AUTO_TEST_CASE(rounded_decimal_value_semantics) {
  constexpr kc::rounded_decimal a(596, 1);
  static_assert(a.units() == 596 && a.decimals() == 1);
  BOOST_TEST(a.to_double() == 59.6);
  BOOST_TEST((a == kc::rounded_decimal(596, 1)));
  // Same value, different text: not equal, ordered by decimals.
  BOOST_TEST((kc::rounded_decimal(60, 0) != kc::rounded_decimal(600, 1)));
  BOOST_TEST((kc::rounded_decimal(60, 0) < kc::rounded_decimal(600, 1)));
  BOOST_TEST((kc::rounded_decimal(59, 0) < a));
  BOOST_TEST((a < kc::rounded_decimal(60, 0)));
  BOOST_TEST((kc::rounded_decimal(-1, 0) < kc::rounded_decimal(-5, 1)));
  BOOST_TEST((kc::rounded_decimal(max64, 0) > kc::rounded_decimal(max64, 18)));
  static_assert(std::regular<kc::rounded_decimal>);
  static_assert(std::totally_ordered<kc::rounded_decimal>);
  BOOST_TEST(std::hash<kc::rounded_decimal>{}(a) == std::hash<kc::rounded_decimal>{}(kc::rounded_decimal(596, 1)));
  BOOST_TEST(std::hash<kc::rounded_decimal>{}(kc::rounded_decimal(60, 0)) !=
             std::hash<kc::rounded_decimal>{}(kc::rounded_decimal(60, 1)));

  BOOST_TEST(message_of<kc::invalid_input>([] { kc::rounded_decimal(1, 19); }) == "decimals 19 is outside 0-18");
  BOOST_CHECK_THROW(kc::rounded_decimal(1, -1), kc::invalid_input);
  BOOST_TEST((kc::rounded_decimal::from_ratio(596, 10, 0) == kc::rounded_decimal(60, 0)));
  BOOST_TEST((kc::rounded_decimal::from_ratio(596, 10, 0, floor_mode) == kc::rounded_decimal(59, 0)));
}

// ---------------------------------------------------------------------------------------
// Largest remainder

BOOST_AUTO_TEST_CASE(golden_nareizigers) {
  // Nareizigers May 2021: Syria 59.6%, Eritrea 11.6%, Yemen 5.6%, other 23.2% (of 1000).
  const counts_t counts{596, 116, 56, 232};
  // Rounded one by one, as published: 60 + 12 + 6 + 23 = 101.
  const counts_t independent = kc::independent_percentages(counts, 0, half_up);
  BOOST_TEST(independent == (counts_t{60, 12, 6, 23}), boost::test_tools::per_element());
  BOOST_TEST(sum(independent) == 101);
  // Largest remainder: floors 59/11/5/23 = 98 leave 2 units; remainders .6/.6/.6/.2 tie
  // three ways at .6 and the larger counts 596 and 116 win over 56.
  const counts_t lr = kc::largest_remainder(counts);
  BOOST_TEST(lr == (counts_t{60, 12, 5, 23}), boost::test_tools::per_element());
  BOOST_TEST(sum(lr) == 100);
  // At one decimal the exact values are whole tenths.
  BOOST_TEST(kc::largest_remainder(counts, 100, 1) == (counts_t{596, 116, 56, 232}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts, 1000, 1) == (counts_t{5960, 1160, 560, 2320}),
             boost::test_tools::per_element());
  // And the published set is flagged: not 100, but explained by independent rounding.
  const auto check = kc::check_published_shares(independent);
  BOOST_TEST(check.sum == 101);
  BOOST_TEST(!check.sums_to_target);
  BOOST_TEST(check.consistent_with_rounding);
  BOOST_TEST(check.message == "shares sum to 101, not 100: consistent with independent rounding");
}

BOOST_AUTO_TEST_CASE(thirds_with_target_and_decimals) {
  const counts_t thirds{1, 1, 1};
  BOOST_TEST(kc::largest_remainder(thirds) == (counts_t{34, 33, 33}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(thirds, 100, 1) == (counts_t{334, 333, 333}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(thirds, 1000, 1) == (counts_t{3334, 3333, 3333}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(thirds, 1, 18) ==
                 (counts_t{333333333333333334LL, 333333333333333333LL, 333333333333333333LL}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(thirds, 7) == (counts_t{3, 2, 2}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{2, 2}, 1000, 1) == (counts_t{5000, 5000}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(tie_breaks) {
  // Larger remainder wins even against a larger count: 2/7 = 28.57 (.57), 5/7 = 71.43 (.43).
  BOOST_TEST(kc::largest_remainder(counts_t{2, 5}) == (counts_t{29, 71}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{5, 2}) == (counts_t{71, 29}), boost::test_tools::per_element());
  // 3/7, 3/7, 1/7: remainders 6/7, 6/7, 2/7.
  BOOST_TEST(kc::largest_remainder(counts_t{3, 3, 1}) == (counts_t{43, 43, 14}), boost::test_tools::per_element());
  // Equal remainders (0.5 each), different counts: the larger count wins, wherever it is.
  BOOST_TEST(kc::largest_remainder(counts_t{1, 3, 196}) == (counts_t{0, 2, 98}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{196, 3, 1}) == (counts_t{98, 2, 0}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{3, 196, 1}) == (counts_t{2, 98, 0}), boost::test_tools::per_element());
  // Equal remainders and equal counts: earlier position wins.
  BOOST_TEST(kc::largest_remainder(counts_t{2, 1, 1, 2}) == (counts_t{33, 17, 17, 33}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{1, 1, 1, 1, 1, 1}) == (counts_t{17, 17, 17, 17, 16, 16}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{5, 1, 1, 1}, 10) == (counts_t{7, 1, 1, 1}),
             boost::test_tools::per_element());
  // Same cases through the unbuffered (long input) path.
  for (const counts_t& counts : {counts_t{1, 3, 196}, counts_t{196, 3, 1}, counts_t{2, 1, 1, 2},
                                 counts_t{1, 1, 1, 1, 1, 1}, counts_t{596, 116, 56, 232}, counts_t{2, 5}}) {
    counts_t out(counts.size());
    kc::detail::apportion_largest_remainder<0>(counts, out, 100, sum(counts));
    BOOST_TEST(out == kc::largest_remainder(counts), boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(edge_cases) {
  BOOST_TEST(kc::largest_remainder(counts_t{5}) == (counts_t{100}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{0, 5, 0}) == (counts_t{0, 100, 0}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{3, 4}, 0) == (counts_t{0, 0}), boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{max64 / 2, max64 / 2}) == (counts_t{50, 50}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{max64 - 1, 1}) == (counts_t{100, 0}), boost::test_tools::per_element());
  // Exact values 8999999999999999999.0244 and 0.9757: the second has the larger remainder.
  BOOST_TEST(kc::largest_remainder(counts_t{max64 - 1, 1}, 9, 18) == (counts_t{8'999'999'999'999'999'999LL, 1}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::largest_remainder(counts_t{1, max64 - 1}, max64) == (counts_t{1, max64 - 1}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_input) {
  BOOST_TEST(message_of<kc::count_error>([] {
               (void)kc::largest_remainder(counts_t{0, 0, 0});
             }) == "all 3 counts are 0: there is no whole to share out");
  // An empty input is an empty result, but bad arguments are still refused.
  BOOST_TEST(kc::largest_remainder(counts_t{}).empty());
  BOOST_TEST(kc::largest_remainder(counts_t{}, 1000, 1).empty());
  BOOST_TEST(kc::independent_percentages(counts_t{}).empty());
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::largest_remainder(counts_t{}, -100); }) ==
             "target -100 is negative");
  BOOST_CHECK_THROW((void)kc::independent_percentages(counts_t{}, 17), kc::invalid_input);
  BOOST_TEST(message_of<kc::count_error>([] {
               (void)kc::largest_remainder(counts_t{4, 5, -7, 2});
             }) == "count at position 2 is negative: -7");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::largest_remainder(counts_t{1, 2}, -100);
             }) == "target -100 is negative");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::largest_remainder(counts_t{1, 2}, 100, 19);
             }) == "decimals 19 is outside 0-18");
  BOOST_TEST(message_of<kc::overflow_error>([] {
               (void)kc::largest_remainder(counts_t{1, 2}, 10, 18);
             }) == "integer overflow: 10 * 1000000000000000000 does not fit in int64");
  // A sum of counts near the limit throws rather than wrapping into a small total.
  BOOST_TEST(contains(message_of<kc::overflow_error>([] {
                        (void)kc::largest_remainder(counts_t{max64, 1});
                      }),
                      "running total 9223372036854775807 + 1 (position 1)"));
  BOOST_CHECK_THROW((void)kc::largest_remainder(counts_t{max64 / 2 + 1, max64 / 2 + 1}), kc::overflow_error);

  const counts_t counts{1, 2, 3};
  counts_t short_out(2);
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::largest_remainder(counts, short_out); }) ==
             "output holds 2 values for 3 counts");
  counts_t shared{1, 2, 3};
  BOOST_CHECK_THROW(kc::largest_remainder(shared, std::span<std::int64_t>(shared)), kc::invalid_input);

  BOOST_TEST(message_of<kc::count_error>([] {
               (void)kc::independent_percentages(counts_t{0, 0});
             }) == "all 2 counts are 0: there is no whole to share out");
  BOOST_TEST(message_of<kc::count_error>([] {
               (void)kc::independent_percentages(counts_t{-1, 0});
             }) == "count at position 0 is negative: -1");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::independent_percentages(counts_t{1}, 17); }) ==
             "decimals 17 is outside 0-16");
}

BOOST_AUTO_TEST_CASE(span_forms_do_not_allocate) {
  const std::array<std::int64_t, 12> window{596, 116, 56, 232, 0, 7, 7, 7, 1200, 3, 99, 1};
  std::array<std::int64_t, 12> parts{};
  std::array<std::int64_t, 12> independent{};
  const std::size_t before = allocation_count;
  for (int i = 0; i < 100; ++i) {
    kc::largest_remainder(window, parts, 100, i % 3);
    kc::independent_percentages(window, independent, 1, half_up);
  }
  BOOST_TEST(allocation_count.load() == before);
  // The long-input path does not allocate either.
  std::vector<std::int64_t> long_counts(500);
  std::vector<std::int64_t> long_parts(500);
  std::iota(long_counts.begin(), long_counts.end(), std::int64_t{1});
  const std::size_t before_long = allocation_count;
  kc::largest_remainder(long_counts, long_parts, 1000, 2);
  BOOST_TEST(allocation_count.load() == before_long);
  BOOST_TEST(sum(long_parts) == 100000);
  // And the counter does count: the vector form allocates its result.
  const std::size_t before_vector = allocation_count;
  const auto result = kc::largest_remainder(std::span<const std::int64_t>(window));
  BOOST_TEST(allocation_count.load() > before_vector);
  BOOST_TEST(sum(result) == 100);
}

BOOST_AUTO_TEST_CASE(property_sum_floor_ceiling_and_order_independence) {
  std::mt19937_64 rng(20210531);
  const std::int64_t targets[] = {100, 1000, 1, 7, 12345};
  int checked = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::size_t n = round % 10 == 9 ? 65 + rng() % 150 : 1 + rng() % 20;
    const counts_t counts = random_counts(rng, n);
    const std::int64_t target = targets[rng() % 5];
    const int decimals = static_cast<int>(rng() % 3);
    BOOST_TEST_CONTEXT("round " << round << ", n " << n << ", target " << target << ", decimals " << decimals) {
      const counts_t parts = kc::largest_remainder(counts, target, decimals);
      BOOST_TEST(sum(parts) == target * ten_to(decimals));
      BOOST_TEST(each_part_is_floor_or_ceiling(counts, parts, target, decimals));
      BOOST_TEST(parts == reference_largest_remainder(counts, target, decimals), boost::test_tools::per_element());

      // Both internal paths agree whatever the length.
      counts_t unbuffered(n);
      kc::detail::apportion_largest_remainder<0>(counts, unbuffered, target * ten_to(decimals), sum(counts));
      BOOST_TEST(unbuffered == parts, boost::test_tools::per_element());
      counts_t buffered(n);
      kc::detail::apportion_largest_remainder<256>(counts, buffered, target * ten_to(decimals), sum(counts));
      BOOST_TEST(buffered == parts, boost::test_tools::per_element());

      // Reordering the counts moves the parts with them.
      counts_t shuffled = counts;
      std::shuffle(shuffled.begin(), shuffled.end(), rng);
      const counts_t shuffled_parts = kc::largest_remainder(shuffled, target, decimals);
      BOOST_TEST((sorted_pairs(shuffled, shuffled_parts) == sorted_pairs(counts, parts)));

      // Percentages rounded one by one are always explained by independent rounding.
      if (target == 100 && decimals == 0) {
        const counts_t independent = kc::independent_percentages(counts, 0, half_up);
        const auto check = kc::check_published_shares(independent);
        BOOST_TEST(check.consistent_with_rounding);
        BOOST_TEST(kc::check_published_shares(parts).sums_to_target);
      }
    }
    ++checked;
  }
  BOOST_TEST(checked == 3000);
}

// ---------------------------------------------------------------------------------------
// Independent rounding and the published-shares check

BOOST_AUTO_TEST_CASE(independent_percentages_by_mode) {
  const counts_t eighths{1, 7};  // 12.5% and 87.5%
  BOOST_TEST(kc::independent_percentages(eighths, 0, half_up) == (counts_t{13, 88}), boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(eighths, 0, half_even) == (counts_t{12, 88}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(eighths, 0, floor_mode) == (counts_t{12, 87}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(eighths, 0, ceiling) == (counts_t{13, 88}), boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(eighths, 1) == (counts_t{125, 875}), boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(counts_t{1, 1, 1}) == (counts_t{33, 33, 33}),
             boost::test_tools::per_element());
  BOOST_TEST(kc::independent_percentages(counts_t{1, 1, 1}, 16) ==
                 (counts_t{333333333333333333LL, 333333333333333333LL, 333333333333333333LL}),
             boost::test_tools::per_element());
  counts_t out(4);
  const counts_t counts{596, 116, 56, 232};
  kc::independent_percentages(counts, out, 1, half_up);
  BOOST_TEST(out == counts, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(published_shares_boundaries) {
  const auto check = [](const counts_t& shares, std::int64_t target = 100) {
    return kc::check_published_shares(shares, target);
  };
  {
    const auto c = check({50, 50});
    BOOST_TEST(c.sum == 100);
    BOOST_TEST(c.target == 100);
    BOOST_TEST(c.sums_to_target);
    BOOST_TEST(c.consistent_with_rounding);
    BOOST_TEST(c.message == "shares sum to 100");
  }
  // 49.5 + 50.5 = 100 round half-up to 50 + 51: the closed lower end is attainable.
  BOOST_TEST(check({50, 51}).consistent_with_rounding);
  {
    const auto c = check({50, 52});
    BOOST_TEST(!c.consistent_with_rounding);
    BOOST_TEST(c.message ==
               "shares sum to 102, not 100: not consistent with independent rounding (exact shares that round "
               "half-up to these sum to at least 101 and less than 103)");
  }
  {
    // The upper end is open: 49.5 rounds half-up to 50, never to 49.
    const auto c = check({49, 50});
    BOOST_TEST(!c.sums_to_target);
    BOOST_TEST(!c.consistent_with_rounding);
    BOOST_TEST(c.message ==
               "shares sum to 99, not 100: not consistent with independent rounding (exact shares that round "
               "half-up to these sum to at least 98 and less than 100)");
  }
  BOOST_TEST(check({49, 50, 0}).consistent_with_rounding);  // e.g. 49.4 + 50.4 + 0.2
  BOOST_TEST(check({33, 33, 33}).consistent_with_rounding);
  {
    // A published 0 stands for an exact share in [0, 0.5), never a negative one.
    const auto c = check({0, 101});
    BOOST_TEST(!c.consistent_with_rounding);
    BOOST_TEST(c.message ==
               "shares sum to 101, not 100: not consistent with independent rounding (exact shares that round "
               "half-up to these sum to at least 100.5 and less than 102)");
  }
  BOOST_TEST(check({1, 100}).consistent_with_rounding);  // 0.5 + 99.5
  BOOST_TEST(!check({1, 101}).consistent_with_rounding);
  BOOST_TEST(check({596, 116, 56, 232}, 1000).sums_to_target);
  BOOST_TEST(check({597, 116, 56, 232}, 1000).consistent_with_rounding);
  // 60 + 12 + 6 + 23 allows exact sums in [99, 103).
  BOOST_TEST(check({60, 12, 6, 23}, 102).consistent_with_rounding);  // e.g. 60.4+12.4+6.4+22.8
  BOOST_TEST(check({60, 12, 6, 23}, 99).consistent_with_rounding);   // 59.5+11.5+5.5+22.5
  BOOST_TEST(!check({60, 12, 6, 23}, 98).consistent_with_rounding);
  BOOST_TEST(!check({60, 12, 6, 23}, 103).consistent_with_rounding);
  BOOST_TEST(check({60, 12, 6, 23}, 103).message ==
             "shares sum to 101, not 103: not consistent with independent rounding (exact shares that round half-up "
             "to these sum to at least 99 and less than 103)");

  // An empty list is a result: it sums to 0, not 100, and only a target of 0 is met.
  BOOST_TEST(check({}).sum == 0);
  BOOST_TEST(!check({}).sums_to_target);
  BOOST_TEST(!check({}).consistent_with_rounding);
  BOOST_TEST(check({}).message == "no shares (the list is empty) sum to 0, not 100");
  BOOST_TEST(check({}, 0).sums_to_target);
  BOOST_TEST(check({}, 0).consistent_with_rounding);
  BOOST_TEST(check({}, 0).message == "no shares (the list is empty) sum to 0");
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)check({}, -1); }) == "target -1 is negative");
  BOOST_TEST(message_of<kc::count_error>([&] {
               (void)check({5, -3});
             }) == "published share at position 1 is negative: -3");
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)check({5}, -1); }) == "target -1 is negative");
  BOOST_CHECK_THROW((void)check({max64, 1}), kc::overflow_error);
  BOOST_TEST((check({60, 12, 6, 23}) == check({23, 6, 12, 60})));
}
