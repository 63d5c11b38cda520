#define BOOST_TEST_MODULE top_shares
#include <boost/test/unit_test.hpp>

#include "support/counting_new.hpp"
#include "support/message_of.hpp"

#include <kerncijfers/top_shares.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <limits>
#include <map>
#include <new>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::allocations_during;

namespace {

using i64 = std::int64_t;

// A long table held in vectors, with its view.
template <class Key = i64, class Count = i64>
struct table {
  std::vector<Key> country, category, nationality, month;
  std::vector<Count> count;

  void add(i64 c, i64 k, i64 n, i64 m, i64 v) {
    country.push_back(static_cast<Key>(c));
    category.push_back(static_cast<Key>(k));
    nationality.push_back(static_cast<Key>(n));
    month.push_back(static_cast<Key>(m));
    count.push_back(static_cast<Count>(v));
  }
  [[nodiscard]] kc::long_counts<Key, Count> view() const { return {country, category, nationality, month, count}; }
  [[nodiscard]] std::size_t size() const { return count.size(); }

  // The same rows in another order.
  [[nodiscard]] table permuted(const std::vector<std::size_t>& order) const {
    table t;
    for (const std::size_t i : order) {
      t.add(static_cast<i64>(country[i]), static_cast<i64>(category[i]), static_cast<i64>(nationality[i]),
            static_cast<i64>(month[i]), static_cast<i64>(count[i]));
    }
    return t;
  }
  template <class K2, class C2>
  [[nodiscard]] table<K2, C2> as() const {
    table<K2, C2> t;
    for (std::size_t i = 0; i < size(); ++i) {
      t.add(static_cast<i64>(country[i]), static_cast<i64>(category[i]), static_cast<i64>(nationality[i]),
            static_cast<i64>(month[i]), static_cast<i64>(count[i]));
    }
    return t;
  }
};

using kerncijfers_test::message_of;

// ---------------------------------------------------------------------------------------
// The naive reference: a map of cells, every window summed from scratch, every window's
// known nationalities sorted in full, largest remainder by sorting the 12 positions.

using cell_key = std::tuple<i64, i64, i64, i64>;

std::vector<i64> naive_shares(const std::vector<i64>& counts, i64 total) {
  std::vector<i64> shares(counts.size(), 0);
  if (total == 0) return shares;
  std::vector<i64> rem(counts.size());
  i64 given = 0;
  for (std::size_t p = 0; p < counts.size(); ++p) {
    shares[p] = counts[p] * 100 / total;
    rem[p] = counts[p] * 100 % total;
    given += shares[p];
  }
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rem[a] != rem[b]) return rem[a] > rem[b];
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return a < b;
  });
  for (i64 e = 0; e < 100 - given; ++e) ++shares[order[static_cast<std::size_t>(e)]];
  return shares;
}

i64 naive_round_to_tens(i64 total) {
  const i64 q = total / 10;
  return (total % 10) * 2 >= 10 ? (q + 1) * 10 : q * 10;
}

template <class Key, class Count>
kc::top_shares_table naive_top_shares(const table<Key, Count>& t, const kc::cube_shape& s, std::size_t window,
                                      std::size_t top, std::optional<std::size_t> unknown) {
  std::map<cell_key, i64> cells;
  for (std::size_t i = 0; i < t.size(); ++i) {
    cells[{static_cast<i64>(t.country[i]), static_cast<i64>(t.category[i]), static_cast<i64>(t.nationality[i]),
           static_cast<i64>(t.month[i])}] += static_cast<i64>(t.count[i]);
  }
  const auto at = [&](std::size_t c, std::size_t k, std::size_t n, std::size_t m) {
    const auto it = cells.find({static_cast<i64>(c), static_cast<i64>(k), static_cast<i64>(n), static_cast<i64>(m)});
    return it == cells.end() ? i64{0} : it->second;
  };
  kc::top_shares_table r;
  r.top = top;
  for (std::size_t c = 0; c < s.countries; ++c) {
    for (std::size_t k = 0; k < s.categories; ++k) {
      for (std::size_t last = window - 1; last < s.months; ++last) {
        std::vector<std::pair<i64, std::size_t>> known;  // (sum, code)
        i64 total = 0;
        i64 unknown_sum = 0;
        for (std::size_t n = 0; n < s.nationalities; ++n) {
          i64 sum = 0;
          for (std::size_t m = last + 1 - window; m <= last; ++m) sum += at(c, k, n, m);
          total += sum;
          if (unknown && n == *unknown)
            unknown_sum = sum;
          else if (sum > 0)
            known.emplace_back(sum, n);
        }
        std::sort(known.begin(), known.end(), [](const auto& a, const auto& b) {
          return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::vector<i64> counts;
        i64 ranked = 0;
        for (std::size_t slot = 0; slot < top; ++slot) {
          if (slot < known.size()) {
            r.nationality.push_back(static_cast<i64>(known[slot].second));
            counts.push_back(known[slot].first);
            ranked += known[slot].first;
          } else {
            r.nationality.push_back(-1);
            counts.push_back(0);
          }
        }
        counts.push_back(total - ranked - unknown_sum);
        counts.push_back(unknown_sum);
        const std::vector<i64> shares = naive_shares(counts, total);
        r.counts.insert(r.counts.end(), counts.begin(), counts.end());
        r.shares.insert(r.shares.end(), shares.begin(), shares.end());
        r.total.push_back(total);
        r.rounded_total.push_back(naive_round_to_tens(total));
        ++r.windows;
      }
    }
  }
  return r;
}

template <class Key, class Count>
std::vector<i64> naive_window_sums(const table<Key, Count>& t, const kc::cube_shape& s, std::size_t window) {
  std::vector<i64> dense(s.countries * s.categories * s.nationalities * s.months, 0);
  const auto index = [&](std::size_t c, std::size_t k, std::size_t n, std::size_t m) {
    return ((c * s.categories + k) * s.nationalities + n) * s.months + m;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    dense[index(static_cast<std::size_t>(t.country[i]), static_cast<std::size_t>(t.category[i]),
                static_cast<std::size_t>(t.nationality[i]), static_cast<std::size_t>(t.month[i]))] +=
        static_cast<i64>(t.count[i]);
  }
  std::vector<i64> out;
  for (std::size_t c = 0; c < s.countries; ++c)
    for (std::size_t k = 0; k < s.categories; ++k)
      for (std::size_t last = window - 1; last < s.months; ++last)
        for (std::size_t n = 0; n < s.nationalities; ++n) {
          i64 sum = 0;
          for (std::size_t m = last + 1 - window; m <= last; ++m) sum += dense[index(c, k, n, m)];
          out.push_back(sum);
        }
  return out;
}

// A random sparse panel in sorted order (country, category, nationality, month), with
// skewed means so that ranks, ties and zeros all occur; some cells are kept with count 0.
table<> random_panel(std::mt19937_64& rng, const kc::cube_shape& s, double density, i64 max_count) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  table<> t;
  for (std::size_t c = 0; c < s.countries; ++c)
    for (std::size_t k = 0; k < s.categories; ++k)
      for (std::size_t n = 0; n < s.nationalities; ++n) {
        const i64 scale = 1 + static_cast<i64>(static_cast<double>(max_count) / static_cast<double>(n + 1));
        for (std::size_t m = 0; m < s.months; ++m) {
          if (unit(rng) >= density) continue;
          std::uniform_int_distribution<i64> value(0, scale);
          t.add(static_cast<i64>(c), static_cast<i64>(k), static_cast<i64>(n), static_cast<i64>(m), value(rng));
        }
      }
  return t;
}

void check_equal(const kc::top_shares_table& got, const kc::top_shares_table& expected) {
  BOOST_TEST(got.windows == expected.windows);
  BOOST_TEST(got.top == expected.top);
  BOOST_TEST(got.nationality == expected.nationality, boost::test_tools::per_element());
  BOOST_TEST(got.counts == expected.counts, boost::test_tools::per_element());
  BOOST_TEST(got.shares == expected.shares, boost::test_tools::per_element());
  BOOST_TEST(got.total == expected.total, boost::test_tools::per_element());
  BOOST_TEST(got.rounded_total == expected.rounded_total, boost::test_tools::per_element());
}

constexpr kc::cube_shape tiny{1, 1, 5, 3};

}  // namespace

// ---------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(worked_examples)

BOOST_AUTO_TEST_CASE(one_window_by_hand) {
  // Nationality 4 is unknown. Window of 2 months ending at month 1 and at month 2.
  table<> t;
  t.add(0, 0, 0, 0, 5);
  t.add(0, 0, 0, 1, 5);   // nat 0: 10 in window 1
  t.add(0, 0, 1, 1, 10);  // nat 1: 10 in window 1 (ties with 0: code 0 ranks first)
  t.add(0, 0, 2, 1, 3);   // nat 2: 3
  t.add(0, 0, 3, 0, 7);   // nat 3: 7 only in month 0
  t.add(0, 0, 4, 1, 2);   // unknown: 2
  t.add(0, 0, 2, 2, 1);   // window 2: nat 1: 10, nat 2: 4, unknown 2, nat 0: 5
  kc::top_shares_options o;
  o.window = 2;
  o.top = 2;
  o.unknown = 4;
  const kc::top_shares_table r = kc::top_shares(t.view(), tiny, o);
  BOOST_TEST(r.windows == 2U);
  // Window ending at month 1: total 5+5+10+3+7+2 = 32; top 0 (10), 1 (10); other 3+7 = 10; unknown 2.
  // Exact: 31.25, 31.25, 31.25, 6.25 -> floors 31,31,31,6 (99); remainders all 8/32; the
  // tie goes to the larger count: the three 10s tie, the first position (nat 0) wins.
  // Window ending at month 2: nat 0: 5, nat 1: 10, nat 2: 4, unknown 2, total 21; top 1, 0;
  // other 4; exact 47.62, 23.81, 19.05, 9.52 -> floors 47,23,19,9 (98); remainders
  // 13/21, 17/21, 1/21, 11/21 -> +1 to 23.81 and 47.62: 48, 24, 19, 9.
  const std::vector<i64> nationality{0, 1, 1, 0};
  const std::vector<i64> count{10, 10, 10, 2, 10, 5, 4, 2};
  const std::vector<i64> share{32, 31, 31, 6, 48, 24, 19, 9};
  BOOST_TEST(r.nationality == nationality, boost::test_tools::per_element());
  BOOST_TEST(r.counts == count, boost::test_tools::per_element());
  BOOST_TEST(r.shares == share, boost::test_tools::per_element());
  BOOST_TEST(r.total == (std::vector<i64>{32, 21}), boost::test_tools::per_element());
  BOOST_TEST(r.rounded_total == (std::vector<i64>{30, 20}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(equal_sums_rank_by_code) {
  // Five nationalities all with sum 4: the top 3 are codes 0, 1, 2 whatever the row order.
  table<> t;
  for (i64 n = 4; n >= 0; --n) t.add(0, 0, n, 0, 4);
  kc::top_shares_options o;
  o.window = 1;
  o.top = 3;
  const auto r = kc::top_shares(t.view(), kc::cube_shape{1, 1, 5, 1}, o);
  BOOST_TEST(r.nationality == (std::vector<i64>{0, 1, 2}), boost::test_tools::per_element());
  // 20% each; other holds two of them: 20, 20, 20, 40, unknown 0.
  BOOST_TEST(r.counts == (std::vector<i64>{4, 4, 4, 8, 0}), boost::test_tools::per_element());
  BOOST_TEST(r.shares == (std::vector<i64>{20, 20, 20, 40, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(larger_sum_with_larger_code_ranks_first) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  t.add(0, 0, 3, 0, 9);
  t.add(0, 0, 1, 0, 5);
  kc::top_shares_options o;
  o.window = 1;
  o.top = 3;
  const auto r = kc::top_shares(t.view(), kc::cube_shape{1, 1, 4, 1}, o);
  BOOST_TEST(r.nationality == (std::vector<i64>{3, 1, 0}), boost::test_tools::per_element());
  BOOST_TEST(r.shares == (std::vector<i64>{60, 33, 7, 0, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_window_has_no_shares) {
  // Month 0 has counts, months 1-2 none: the window of 1 ending at month 1 is empty.
  table<> t;
  t.add(0, 0, 1, 0, 3);
  t.add(0, 0, 2, 1, 0);  // a row with count 0 is allowed and counts 0
  kc::top_shares_options o;
  o.window = 1;
  o.top = 2;
  o.unknown = 0;
  const auto r = kc::top_shares(t.view(), tiny, o);
  BOOST_TEST(r.windows == 3U);
  BOOST_TEST(r.nationality == (std::vector<i64>{1, -1, -1, -1, -1, -1}), boost::test_tools::per_element());
  BOOST_TEST(r.shares == (std::vector<i64>{100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}), boost::test_tools::per_element());
  BOOST_TEST(r.total == (std::vector<i64>{3, 0, 0}), boost::test_tools::per_element());
  BOOST_TEST(r.rounded_total == (std::vector<i64>{0, 0, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(only_unknown_is_all_unknown) {
  table<> t;
  t.add(0, 0, 4, 0, 17);
  kc::top_shares_options o;
  o.window = 1;
  o.top = 2;
  o.unknown = 4;
  const auto r = kc::top_shares(t.view(), kc::cube_shape{1, 1, 5, 1}, o);
  BOOST_TEST(r.nationality == (std::vector<i64>{-1, -1}), boost::test_tools::per_element());
  BOOST_TEST(r.counts == (std::vector<i64>{0, 0, 0, 17}), boost::test_tools::per_element());
  BOOST_TEST(r.shares == (std::vector<i64>{0, 0, 0, 100}), boost::test_tools::per_element());
  BOOST_TEST(r.rounded_total == (std::vector<i64>{20}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(totals_round_half_up_to_tens) {
  // One nationality, one month per window: totals 7685, 7675, 7684, 5, 4.
  table<> t;
  const std::vector<i64> totals{7685, 7675, 7684, 5, 4};
  for (std::size_t m = 0; m < totals.size(); ++m) t.add(0, 0, 0, static_cast<i64>(m), totals[m]);
  kc::top_shares_options o;
  o.window = 1;
  const auto r = kc::top_shares(t.view(), kc::cube_shape{1, 1, 1, 5}, o);
  BOOST_TEST(r.total == totals, boost::test_tools::per_element());
  BOOST_TEST(r.rounded_total == (std::vector<i64>{7690, 7680, 7680, 10, 0}), boost::test_tools::per_element());
  o.total_multiple = 100;
  o.total_rounding = kc::rounding_mode::half_even;
  const auto hundreds = kc::top_shares(t.view(), kc::cube_shape{1, 1, 1, 5}, o);
  BOOST_TEST(hundreds.rounded_total == (std::vector<i64>{7700, 7700, 7700, 0, 0}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cube_shape_is_a_regular_value) {
  constexpr kc::cube_shape a{30, 3, 200, 240};
  constexpr kc::cube_shape b{30, 3, 200, 241};
  static_assert(a == a && a != b && a < b);
  BOOST_TEST(std::hash<kc::cube_shape>{}(a) == std::hash<kc::cube_shape>{}(kc::cube_shape{30, 3, 200, 240}));
  BOOST_TEST(std::hash<kc::cube_shape>{}(a) != std::hash<kc::cube_shape>{}(b));
}

BOOST_AUTO_TEST_CASE(window_layout_and_count) {
  // 2 countries x 3 categories x 14 months, window 12: 3 windows each, block-major.
  const kc::cube_shape s{2, 3, 2, 14};
  BOOST_TEST(kc::trailing_window_count(s, 12) == 18U);
  BOOST_TEST(kc::trailing_window_count(s, 14) == 6U);
  BOOST_TEST(kc::trailing_window_count(s, 15) == 0U);
  table<> t;
  t.add(1, 2, 0, 13, 40);  // only in the last window of block (1, 2)
  kc::top_shares_options o;
  const auto r = kc::top_shares(t.view(), s, o);
  BOOST_TEST(r.windows == 18U);
  for (std::size_t w = 0; w < 18; ++w) BOOST_TEST(r.total[w] == (w == 17 ? 40 : 0));
  BOOST_TEST(r.nationality[17 * 10] == 0);
  BOOST_TEST(r.shares[17 * 12] == 100);
}

BOOST_AUTO_TEST_CASE(fewer_months_than_the_window_gives_no_windows) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  const auto r = kc::top_shares(t.view(), kc::cube_shape{1, 1, 1, 11}, kc::top_shares_options{});
  BOOST_TEST(r.windows == 0U);
  BOOST_TEST(r.shares.empty());
  // ... but the rows are still checked.
  t.add(0, 0, 0, 11, 1);
  BOOST_CHECK_THROW((void)kc::top_shares(t.view(), kc::cube_shape{1, 1, 1, 11}, kc::top_shares_options{}),
                    kc::invalid_input);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(against_the_naive_reference)

BOOST_AUTO_TEST_CASE(random_panels_in_every_row_order) {
  std::mt19937_64 rng(20210531);
  const std::vector<std::tuple<kc::cube_shape, std::size_t, std::size_t, double, i64>> cases{
      {kc::cube_shape{2, 3, 30, 26}, 12, 10, 0.6, 40},
      {kc::cube_shape{3, 2, 12, 15}, 12, 10, 0.3, 6},   // sparse: few positive, many ties
      {kc::cube_shape{1, 1, 8, 20}, 3, 10, 0.5, 3},     // top > known nationalities
      {kc::cube_shape{2, 2, 40, 14}, 1, 5, 0.9, 1000},  // window 1
      {kc::cube_shape{2, 1, 25, 12}, 12, 7, 0.8, 200},  // window = months: one window per block
      {kc::cube_shape{4, 3, 6, 30}, 6, 2, 0.1, 2},      // mostly empty blocks and windows
  };
  for (const auto& [shape, window, top, density, max_count] : cases) {
    const table<> t = random_panel(rng, shape, density, max_count);
    for (const std::optional<std::size_t> unknown : {std::optional<std::size_t>(shape.nationalities - 1),
                                                     std::optional<std::size_t>(0), std::optional<std::size_t>()}) {
      kc::top_shares_options o;
      o.window = window;
      o.top = top;
      o.unknown = unknown;
      const auto expected = naive_top_shares(t, shape, window, top, unknown);
      BOOST_TEST_CONTEXT("shape " << shape.countries << "x" << shape.categories << "x" << shape.nationalities << "x"
                                  << shape.months << ", window " << window << ", top " << top << ", unknown "
                                  << (unknown ? static_cast<long>(*unknown) : -1L)) {
        check_equal(kc::top_shares(t.view(), shape, o), expected);
        // Shuffled rows: the counting-sort pass.
        std::vector<std::size_t> order(t.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        check_equal(kc::top_shares(t.permuted(order).view(), shape, o), expected);
        // Grouped, but groups in reverse and months descending inside them: still one pass.
        std::iota(order.begin(), order.end(), 0);
        std::reverse(order.begin(), order.end());
        check_equal(kc::top_shares(t.permuted(order).view(), shape, o), expected);
        // Every integer type for the columns.
        check_equal(kc::top_shares(t.as<std::int32_t, std::int32_t>().view(), shape, o), expected);
        check_equal(kc::top_shares(t.as<std::int32_t, i64>().view(), shape, o), expected);
        check_equal(kc::top_shares(t.as<std::uint16_t, std::uint64_t>().view(), shape, o), expected);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(shares_always_sum_to_100_and_stay_within_one_of_exact) {
  std::mt19937_64 rng(7);
  const kc::cube_shape shape{3, 3, 50, 30};
  const table<> t = random_panel(rng, shape, 0.7, 500);
  kc::top_shares_options o;
  o.unknown = 49;
  const auto r = kc::top_shares(t.view(), shape, o);
  for (std::size_t w = 0; w < r.windows; ++w) {
    const auto share = std::span(r.shares).subspan(w * 12, 12);
    const auto count = std::span(r.counts).subspan(w * 12, 12);
    const i64 sum = std::accumulate(share.begin(), share.end(), i64{0});
    BOOST_TEST(sum == (r.total[w] > 0 ? 100 : 0));
    BOOST_TEST(std::accumulate(count.begin(), count.end(), i64{0}) == r.total[w]);
    for (std::size_t p = 0; p < 12 && r.total[w] > 0; ++p) {
      // |share - 100 count / total| < 1, in integers.
      BOOST_TEST(std::abs(share[p] * r.total[w] - 100 * count[p]) < r.total[w]);
    }
    for (std::size_t s = 1; s < 10; ++s) BOOST_TEST(count[s - 1] >= count[s]);
  }
}

BOOST_AUTO_TEST_CASE(window_sums_match_the_reference) {
  std::mt19937_64 rng(11);
  const kc::cube_shape shape{2, 3, 17, 29};
  const table<> t = random_panel(rng, shape, 0.5, 30);
  for (const std::size_t window : {std::size_t{1}, std::size_t{12}, std::size_t{29}}) {
    const auto expected = naive_window_sums(t, shape, window);
    std::vector<i64> out(kc::trailing_window_count(shape, window) * shape.nationalities, -7);
    kc::trailing_sums_by_nationality(t.view(), shape, window, std::span<i64>(out));
    BOOST_TEST(out == expected, boost::test_tools::per_element());
    std::vector<std::size_t> order(t.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::fill(out.begin(), out.end(), -7);
    kc::trailing_sums_by_nationality(t.permuted(order).as<std::int32_t, std::int32_t>().view(), shape, window,
                                     std::span<i64>(out));
    BOOST_TEST(out == expected, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(no_rows_gives_empty_windows_everywhere) {
  const table<> t;
  const kc::cube_shape shape{2, 2, 3, 13};
  const auto r = kc::top_shares(t.view(), shape, kc::top_shares_options{});
  check_equal(r, naive_top_shares(t, shape, 12, 10, std::nullopt));
  BOOST_TEST(r.windows == 8U);
  BOOST_TEST(std::all_of(r.nationality.begin(), r.nationality.end(), [](i64 v) { return v == -1; }));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(memory)

BOOST_AUTO_TEST_CASE(allocations_do_not_grow_with_rows_or_windows) {
  // The same number of allocations for 10 and 120 months and 4x the rows: none per row or
  // per window.
  std::mt19937_64 rng(3);
  const kc::cube_shape small{2, 2, 20, 24};
  const kc::cube_shape large{2, 2, 20, 120};
  const table<> a = random_panel(rng, small, 0.8, 50);
  const table<> b = random_panel(rng, large, 0.8, 50);
  BOOST_TEST(b.size() > 4 * a.size());
  kc::top_shares_options o;
  o.unknown = 0;
  const auto count_for = [&](const table<>& t, const kc::cube_shape& s) {
    std::vector<i64> nat(kc::trailing_window_count(s, 12) * 10), cnt(kc::trailing_window_count(s, 12) * 12),
        shr(cnt.size()), tot(kc::trailing_window_count(s, 12)), rnd(tot.size());
    return allocations_during([&] { kc::top_shares(t.view(), s, o, kc::top_shares_output{nat, cnt, shr, tot, rnd}); });
  };
  o.threads = 1;
  const std::size_t for_small = count_for(a, small);
  const std::size_t for_large = count_for(b, large);
  BOOST_TEST(for_small == for_large);
  BOOST_TEST(for_small <= 5U);  // the block, its sums, its month totals, the seen flags
  // On two threads: a block for each thread, the threads and the blocks' row ranges; still
  // nothing per row or per window.
  o.threads = 2;
  BOOST_TEST(count_for(a, small) == count_for(b, large));
}

BOOST_AUTO_TEST_CASE(results_are_identical_for_any_number_of_threads) {
  std::mt19937_64 rng(7);
  for (const kc::cube_shape shape : {kc::cube_shape{3, 3, 30, 26}, kc::cube_shape{1, 2, 10, 15},
                                     kc::cube_shape{5, 1, 4, 13}, kc::cube_shape{1, 1, 6, 20}}) {
    const table<> t = random_panel(rng, shape, 0.5, 40);
    const auto expected = naive_top_shares(t, shape, 12, 5, std::optional<std::size_t>(0));
    const auto expected_sums = naive_window_sums(t, shape, 12);
    std::vector<std::size_t> shuffled(t.size());
    std::iota(shuffled.begin(), shuffled.end(), 0);
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    std::vector<std::size_t> reversed(t.size());
    std::iota(reversed.rbegin(), reversed.rend(), 0);
    for (const table<>& rows : {t, t.permuted(shuffled), t.permuted(reversed)}) {
      for (const std::size_t threads : {0U, 1U, 2U, 3U, 8U, 64U}) {
        BOOST_TEST_CONTEXT("shape " << shape.countries << "x" << shape.categories << ", threads " << threads) {
          kc::top_shares_options o;
          o.window = 12;
          o.top = 5;
          o.unknown = 0;
          o.threads = threads;
          check_equal(kc::top_shares(rows.view(), shape, o), expected);
          std::vector<i64> sums(expected_sums.size(), -1);
          kc::trailing_sums_by_nationality(rows.view(), shape, 12, std::span<i64>(sums), threads);
          BOOST_TEST(sums == expected_sums, boost::test_tools::per_element());
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(columns_of_different_lengths) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  t.month.push_back(1);
  const std::string m = message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny); });
  BOOST_TEST(m == "the month column has 2 rows but the count column has 1");
}

BOOST_AUTO_TEST_CASE(codes_outside_the_cube_name_row_column_and_value) {
  const auto message = [](i64 c, i64 k, i64 n, i64 m) {
    table<> t;
    t.add(0, 0, 0, 0, 1);
    t.add(c, k, n, m, 1);
    return message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), kc::cube_shape{1, 1, 5, 3}); });
  };
  BOOST_TEST(message(1, 0, 0, 1) == "row 1 has country 1, outside the cube's 1 country codes (0-0)");
  BOOST_TEST(message(0, -1, 0, 1) == "row 1 has category -1, outside the cube's 1 category codes (0-0)");
  BOOST_TEST(message(0, 0, 5, 1) == "row 1 has nationality 5, outside the cube's 5 nationality codes (0-4)");
  BOOST_TEST(message(0, 0, 0, 3) == "row 1 has month 3, outside the cube's 3 month codes (0-2)");
  BOOST_TEST(message(0, 0, 0, -2) == "row 1 has month -2, outside the cube's 3 month codes (0-2)");
}

BOOST_AUTO_TEST_CASE(codes_outside_the_cube_in_the_sorted_pass) {
  // Rows not grouped by block, with the bad code after the regrouping starts.
  table<> t;
  t.add(0, 0, 0, 0, 1);
  t.add(1, 0, 0, 0, 1);
  t.add(0, 0, 1, 0, 1);
  t.add(1, 0, 9, 0, 1);
  const std::string m = message_of<kc::invalid_input>([&] {
    (void)kc::top_shares(t.view(), kc::cube_shape{2, 1, 5, 3});
  });
  BOOST_TEST(m == "row 3 has nationality 9, outside the cube's 5 nationality codes (0-4)");
}

BOOST_AUTO_TEST_CASE(negative_count) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  t.add(0, 0, 1, 0, -3);
  BOOST_CHECK_THROW((void)kc::top_shares(t.view(), tiny), kc::count_error);
  BOOST_TEST(message_of<kc::count_error>([&] { (void)kc::top_shares(t.view(), tiny); }) ==
             "row 1 has a negative count: -3");
}

BOOST_AUTO_TEST_CASE(duplicate_cells_name_both_rows) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  t.add(0, 0, 2, 1, 4);
  t.add(0, 0, 2, 1, 4);
  const std::string expected =
      "rows 1 and 2 both count country 0, category 0, nationality 2, month 1 (each cell may appear once)";
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny); }) == expected);
  // The same in the sorted pass (rows of block 1 between them).
  table<> u;
  u.add(0, 0, 2, 1, 4);
  u.add(1, 0, 0, 0, 1);
  u.add(0, 0, 2, 1, 5);
  BOOST_TEST(message_of<kc::invalid_input>([&] {
               (void)kc::top_shares(u.view(), kc::cube_shape{2, 1, 5, 3});
             }) == "rows 0 and 2 both count country 0, category 0, nationality 2, month 1 (each cell may appear once)");
  std::vector<i64> out(kc::trailing_window_count(tiny, 1) * 5);
  BOOST_CHECK_THROW(kc::trailing_sums_by_nationality(t.view(), tiny, 1, std::span<i64>(out)), kc::invalid_input);
}

// Threads meet bad rows in another order than one thread; the error is still the one thread's:
// the first bad row in row order (grouped rows) whatever block a thread reached first.
BOOST_AUTO_TEST_CASE(errors_are_the_same_for_any_number_of_threads) {
  const kc::cube_shape shape{6, 1, 5, 3};
  const auto grouped = [](i64 bad_country, i64 bad_nationality, i64 bad_count) {
    table<> t;
    for (i64 c = 0; c < 6; ++c) {
      for (i64 n = 0; n < 5; ++n) t.add(c, 0, n, 0, 1);
      if (c == 2) t.add(c, 0, 1, 1, bad_count);        // block 2: a negative count
      if (c == 4) t.add(c, 0, bad_nationality, 1, 1);  // block 4: a nationality outside
      if (c == 5) t.add(bad_country, 0, 0, 1, 1);      // then a country outside
    }
    return t;
  };
  const table<> t = grouped(9, 7, -4);
  for (const std::size_t threads : {1U, 2U, 3U, 6U}) {
    BOOST_TEST_CONTEXT("threads " << threads) {
      kc::top_shares_options o;
      o.window = 1;
      o.threads = threads;
      BOOST_TEST(message_of<kc::count_error>([&] { (void)kc::top_shares(t.view(), shape, o); }) ==
                 "row 15 has a negative count: -4");
      const table<> u = grouped(9, 7, 4);
      BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(u.view(), shape, o); }) ==
                 "row 26 has nationality 7, outside the cube's 5 nationality codes (0-4)");
      const table<> v = grouped(9, 1, 4);
      BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(v.view(), shape, o); }) ==
                 "row 32 has country 9, outside the cube's 6 country codes (0-5)");
      std::vector<i64> sums(kc::trailing_window_count(shape, 1) * 5);
      BOOST_TEST(message_of<kc::count_error>([&] {
                   kc::trailing_sums_by_nationality(t.view(), shape, 1, std::span<i64>(sums), threads);
                 }) == "row 15 has a negative count: -4");
    }
  }
}

BOOST_AUTO_TEST_CASE(counts_beyond_int64) {
  constexpr i64 big = std::numeric_limits<i64>::max() - 5;
  table<> t;
  t.add(0, 0, 0, 0, big);
  t.add(0, 0, 1, 0, 10);
  const std::string m = message_of<kc::overflow_error>([&] { (void)kc::top_shares(t.view(), tiny); });
  BOOST_TEST(m ==
             "the counts of country 0, category 0 add up to more than int64 holds: 9223372036854775802 before row 1, "
             "which adds 10");
  table<i64, std::uint64_t> u;
  u.country = {0};
  u.category = {0};
  u.nationality = {0};
  u.month = {0};
  u.count = {std::uint64_t{1} << 63};
  BOOST_TEST(message_of<kc::overflow_error>([&] { (void)kc::top_shares(u.view(), tiny); }) ==
             "row 0 has count 9223372036854775808, which does not fit in int64");
}

BOOST_AUTO_TEST_CASE(bad_options) {
  const table<> t;
  kc::top_shares_options o;
  o.top = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny, o); }) ==
             "top 0 is outside 1-100");
  o.top = 101;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny, o); }) ==
             "top 101 is outside 1-100");
  o = {};
  o.window = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny, o); }) ==
             "a trailing window needs at least 1 month, got window 0");
  o = {};
  o.unknown = 5;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny, o); }) ==
             "the unknown nationality code 5 is outside the cube's 5 nationality codes");
  o = {};
  o.total_multiple = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::top_shares(t.view(), tiny, o); }) ==
             "window totals cannot be rounded to a multiple of 0: the multiple must be positive");
}

BOOST_AUTO_TEST_CASE(outputs_of_the_wrong_size_or_over_the_input) {
  table<> t;
  t.add(0, 0, 0, 0, 1);
  kc::top_shares_options o;
  o.window = 1;
  std::vector<i64> nat(30), cnt(36), shr(36), tot(3), rnd(3);
  kc::top_shares(t.view(), tiny, o, kc::top_shares_output{nat, cnt, shr, tot, rnd});
  BOOST_TEST(shr[0] == 100);
  std::vector<i64> short_share(35);
  BOOST_TEST(message_of<kc::invalid_input>([&] {
               kc::top_shares(t.view(), tiny, o, kc::top_shares_output{nat, cnt, short_share, tot, rnd});
             }) == "the shares output has 35 entries, expected 36");
  // An output on top of the count column.
  std::vector<i64> shared(36, 1);
  const kc::long_counts<i64, i64> view{t.country, t.category, t.nationality, t.month,
                                       std::span<const i64>(shared).first(1)};
  BOOST_TEST(message_of<kc::invalid_input>([&] {
               kc::top_shares(view, tiny, o, kc::top_shares_output{nat, shared, shr, tot, rnd});
             }) == "the counts output overlaps the input; pass separate memory");
  std::vector<i64> sums(14);
  BOOST_TEST(message_of<kc::invalid_input>([&] {
               kc::trailing_sums_by_nationality(t.view(), tiny, 1, std::span<i64>(sums));
             }) == "the window sums output has 14 entries, expected 15");
}

BOOST_AUTO_TEST_SUITE_END()
