#define BOOST_TEST_MODULE panel
#include <boost/test/unit_test.hpp>

#include "support/counting_new.hpp"
#include "support/throws_with.hpp"

#include <kerncijfers/panel.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <limits>
#include <new>
#include <random>
#include <string>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::allocations_during;
using kerncijfers_test::throws_with;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

const std::vector<kc::rolling_options> option_grid = {
    {.window = 1},
    {.window = 3},
    {.window = 3, .min_periods = 1},
    {.window = 12, .min_periods = 0},
    {.window = 12, .min_periods = 6, .missing = kc::missing_policy::as_zero},
    {.window = 50, .min_periods = 2},
};

// A rows x cols panel laid out with `stride` elements per row; padding holds `pad`.
template <class T>
std::vector<T> random_panel(std::mt19937_64& rng, std::size_t rows, std::size_t cols, std::size_t stride, T pad,
                            double missing_rate) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<T> data(rows * stride, pad);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < cols; ++c) {
      if constexpr (std::is_floating_point_v<T>) {
        data[r * stride + c] = unit(rng) < missing_rate ? na : std::round(unit(rng) * 1000.0) / 8.0;
      } else {
        data[r * stride + c] = static_cast<T>(rng() % 100000);
      }
    }
  }
  return data;
}

}  // namespace

// ---- the view -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(view_shape_rows_and_elements) {
  std::vector<double> data{1, 2, 3, -1, 4, 5, 6, -1};
  const kc::panel_view<double> p(data.data(), 2, 3, 4);
  BOOST_TEST(p.rows() == 2u);
  BOOST_TEST(p.cols() == 3u);
  BOOST_TEST(p.row_stride() == 4u);
  BOOST_TEST(!p.empty());
  BOOST_TEST(p[1][0] == 4.0);
  BOOST_TEST(p.row(1).size() == 3u);
  BOOST_TEST(p.at(1, 2) == 6.0);
  p.at(0, 0) = 10.0;
  BOOST_TEST(data[0] == 10.0);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)p.at(2, 0); }, {"(2, 0)", "2 x 3"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)p.at(0, 3); }, {"(0, 3)"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)p.row(2); }, {"row 2", "2 rows"}));

  const kc::panel_view<const double> read_only = p;  // converts like span
  BOOST_TEST(read_only.at(1, 1) == 5.0);
  BOOST_TEST(read_only.data() == data.data());
  BOOST_TEST((kc::panel_view<const double>(data.data(), 2, 3, 4) == read_only));
  BOOST_TEST((kc::panel_view<const double>(data.data(), 2, 3, 3) != read_only));

  const kc::panel_view contiguous(data.data(), 2, 4);  // stride defaults to cols
  BOOST_TEST(contiguous.row_stride() == 4u);
  BOOST_TEST(kc::panel_view<double>().empty());
}

BOOST_AUTO_TEST_CASE(view_rejects_impossible_shapes) {
  std::vector<double> data(12);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::panel_view<double>(data.data(), 3, 4, 3); },
                                            {"stride of 3", "4 columns"}));
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::panel_view<double>(nullptr, 3, 4); }, {"3 x 4", "null"}));
  BOOST_CHECK_NO_THROW(kc::panel_view<double>(nullptr, 0, 0));
}

BOOST_AUTO_TEST_CASE(row_slices_share_memory) {
  std::vector<double> data{1, 2, 3, 4, 5, 6, 7, 8, 9};
  const kc::panel_view<double> p(data.data(), 3, 3);
  const auto tail = p.row_slice(1, 2);
  BOOST_TEST(tail.rows() == 2u);
  BOOST_TEST(tail.at(0, 0) == 4.0);
  BOOST_TEST(tail.at(1, 2) == 9.0);
  BOOST_TEST(p.row_slice(3, 0).empty());
  BOOST_TEST(throws_with<kc::invalid_input>([&] { (void)p.row_slice(2, 2); }, {"rows 2 to 4", "3 rows"}));
}

// ---- rolling over rows --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(double_panel_equals_per_row_results) {
  std::mt19937_64 rng(1);
  for (const std::size_t stride_extra : {0u, 5u}) {
    const std::size_t rows = 37;
    const std::size_t cols = 61;
    const std::size_t stride = cols + stride_extra;
    const auto data = random_panel<double>(rng, rows, cols, stride, -1e300, 0.2);
    const kc::panel_view<const double> in(data.data(), rows, cols, stride);
    for (const auto& options : option_grid) {
      // The output is strided too, with sentinels in its padding that must survive.
      std::vector<double> sums(rows * stride, 42.0);
      std::vector<double> means(rows * stride, 42.0);
      kc::rolling_sum(in, kc::panel_view<double>(sums.data(), rows, cols, stride), options);
      kc::rolling_mean(in, kc::panel_view<double>(means.data(), rows, cols, stride), options);
      for (std::size_t r = 0; r < rows; ++r) {
        std::vector<double> row_sum(cols);
        std::vector<double> row_mean(cols);
        kc::rolling_sum(in[r], row_sum, options);
        kc::rolling_mean(in[r], row_mean, options);
        for (std::size_t c = 0; c < cols; ++c) {
          BOOST_TEST_REQUIRE(same(sums[r * stride + c], row_sum[c]));
          BOOST_TEST_REQUIRE(same(means[r * stride + c], row_mean[c]));
        }
        for (std::size_t c = cols; c < stride; ++c) {
          BOOST_TEST_REQUIRE(sums[r * stride + c] == 42.0);
          BOOST_TEST_REQUIRE(means[r * stride + c] == 42.0);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(strided_panel_reads_only_its_columns) {
  // Two rows of three, four elements apart; the padding would poison any sum it entered.
  const std::vector<double> data{1, 2, 3, 1e300, 10, 20, 30, na};
  std::vector<double> out(6);
  kc::rolling_sum(kc::panel_view<const double>(data.data(), 2, 3, 4), kc::panel_view<double>(out.data(), 2, 3),
                  {.window = 2, .min_periods = 1});
  const std::vector<double> expected{1, 3, 5, 10, 30, 50};
  BOOST_TEST(out == expected, boost::test_tools::per_element());
}

template <class T>
void check_integer_panel(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::size_t rows = 23;
  const std::size_t cols = 47;
  const std::size_t stride = 50;
  const auto data = random_panel<T>(rng, rows, cols, stride, std::numeric_limits<T>::max(), 0.0);
  std::vector<std::uint8_t> mask(rows * cols);
  for (auto& m : mask) m = rng() % 5 != 0;
  const kc::panel_view<const T> in(data.data(), rows, cols, stride);
  const kc::panel_view<const std::uint8_t> valid(mask.data(), rows, cols);
  for (const bool masked : {false, true}) {
    for (const auto& options : option_grid) {
      std::vector<std::int64_t> sums(rows * cols, -1);
      std::vector<std::uint8_t> sums_valid(rows * cols, 9);
      std::vector<double> means(rows * cols);
      const kc::panel_view<const std::uint8_t> used = masked ? valid : kc::panel_view<const std::uint8_t>();
      kc::rolling_sum(in, used, kc::panel_view(sums.data(), rows, cols), kc::panel_view(sums_valid.data(), rows, cols),
                      options);
      kc::rolling_mean(in, used, kc::panel_view(means.data(), rows, cols), options);
      for (std::size_t r = 0; r < rows; ++r) {
        std::vector<std::int64_t> row_sum(cols);
        std::vector<std::uint8_t> row_valid(cols);
        std::vector<double> row_mean(cols);
        const auto row_mask = masked ? valid[r] : std::span<const std::uint8_t>();
        kc::rolling_sum(in[r], row_mask, row_sum, row_valid, options);
        kc::rolling_mean(in[r], row_mask, row_mean, options);
        for (std::size_t c = 0; c < cols; ++c) {
          BOOST_TEST_REQUIRE(sums[r * cols + c] == row_sum[c]);
          BOOST_TEST_REQUIRE(sums_valid[r * cols + c] == row_valid[c]);
          BOOST_TEST_REQUIRE(same(means[r * cols + c], row_mean[c]));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(int64_panel_equals_per_row_results) { check_integer_panel<std::int64_t>(2); }

BOOST_AUTO_TEST_CASE(int32_panel_equals_per_row_results) { check_integer_panel<std::int32_t>(3); }

BOOST_AUTO_TEST_CASE(panel_kernels_allocate_nothing) {
  std::mt19937_64 rng(4);
  const std::size_t rows = 200;
  const std::size_t cols = 120;
  const auto data = random_panel<double>(rng, rows, cols, cols, 0.0, 0.1);
  const auto ints = random_panel<std::int64_t>(rng, rows, cols, cols, 0, 0.0);
  std::vector<std::uint8_t> mask(rows * cols, 1);
  std::vector<double> out(rows * cols);
  std::vector<std::int64_t> iout(rows * cols);
  std::vector<std::uint8_t> iout_valid(rows * cols);
  std::vector<double> per_column(cols);
  std::vector<std::int64_t> iper_column(cols);
  std::vector<std::uint8_t> iper_column_valid(cols);
  std::vector<double> per_row(rows);
  std::vector<std::int64_t> iper_row(rows);
  const kc::panel_view<const double> in(data.data(), rows, cols);
  const kc::panel_view<const std::int64_t> iin(ints.data(), rows, cols);
  const kc::panel_view<const std::uint8_t> valid(mask.data(), rows, cols);
  const kc::rolling_options options{.window = 12, .min_periods = 1};
  BOOST_TEST(allocations_during([&] { kc::rolling_sum(in, kc::panel_view(out.data(), rows, cols), options); }) == 0u);
  BOOST_TEST(allocations_during([&] { kc::rolling_mean(in, kc::panel_view(out.data(), rows, cols), options); }) == 0u);
  BOOST_TEST(allocations_during([&] {
               kc::rolling_sum(iin, valid, kc::panel_view(iout.data(), rows, cols),
                               kc::panel_view(iout_valid.data(), rows, cols), options);
             }) == 0u);
  BOOST_TEST(allocations_during([&] { kc::rolling_mean(iin, {}, kc::panel_view(out.data(), rows, cols), options); }) ==
             0u);
  BOOST_TEST(allocations_during([&] { kc::column_sums(in, per_column); }) == 0u);
  BOOST_TEST(allocations_during([&] { kc::column_sums(iin, valid, iper_column, iper_column_valid); }) == 0u);
  BOOST_TEST(allocations_during([&] { kc::trailing_sum(in, 100, 12, per_row, kc::missing_policy::skip); }) == 0u);
  BOOST_TEST(allocations_during([&] { kc::trailing_sum(iin, valid, 100, 12, iper_row); }) == 0u);
  // The counter works: a vector allocates.
  BOOST_TEST(allocations_during([&] { std::vector<double> v(3); }) == 1u);
}

// ---- bad input ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(shape_mismatches_throw_naming_both_shapes) {
  std::vector<double> data(12);
  std::vector<double> out(12);
  const kc::panel_view<const double> in(data.data(), 3, 4);
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] { kc::rolling_sum(in, kc::panel_view<double>(out.data(), 4, 3), {.window = 2}); }, {"4 x 3", "3 x 4"}));
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] { kc::rolling_mean(in, kc::panel_view<double>(out.data(), 3, 3), {.window = 2}); }, {"3 x 3", "3 x 4"}));
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] { kc::rolling_sum(in, kc::panel_view<double>(out.data(), 3, 4), {.window = 0}); }, {"window 0"}));

  std::vector<std::int64_t> ints(12);
  std::vector<std::int64_t> iout(12);
  std::vector<std::uint8_t> mask(6);
  std::vector<std::uint8_t> iout_valid(12);
  const kc::panel_view<const std::int64_t> iin(ints.data(), 3, 4);
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] {
        kc::rolling_sum(iin, kc::panel_view<const std::uint8_t>(mask.data(), 3, 2), kc::panel_view(iout.data(), 3, 4),
                        kc::panel_view(iout_valid.data(), 3, 4), {.window = 2});
      },
      {"validity mask is 3 x 2", "3 x 4"}));
  BOOST_TEST(throws_with<kc::invalid_input>(
      [&] {
        kc::rolling_sum(iin, {}, kc::panel_view(iout.data(), 3, 4), kc::panel_view(iout_valid.data(), 2, 4),
                        {.window = 2});
      },
      {"output mask is 2 x 4"}));
  std::vector<double> per_column(3);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::column_sums(in, per_column); }, {"3 entries", "4 values"}));
  std::vector<double> per_row(4);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::trailing_sum(in, 3, 2, per_row); }, {"4 entries", "3 values"}));
}

BOOST_AUTO_TEST_CASE(overlapping_output_is_refused_but_column_slices_are_fine) {
  // One 4 x 8 array: columns 0-3 are the input, 4-7 the output of the same rows.
  std::vector<double> wide(32);
  for (std::size_t i = 0; i < wide.size(); ++i) wide[i] = static_cast<double>(i % 8);
  const kc::panel_view<const double> left(wide.data(), 4, 4, 8);
  const kc::panel_view<double> right(wide.data() + 4, 4, 4, 8);
  BOOST_CHECK_NO_THROW(kc::rolling_sum(left, right, {.window = 2, .min_periods = 1}));
  BOOST_TEST(wide[8 + 4] == 0.0);  // row 1, first output column: the value 0
  BOOST_TEST(wide[8 + 7] == 5.0);  // row 1, last: 2 + 3
  // The output sharing the input's memory is refused, naming the rows that meet.
  const kc::panel_view<double> same_memory(wide.data(), 4, 4, 8);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_sum(left, same_memory, {.window = 2}); },
                                            {"overlaps", "input row 0", "output row 0"}));
  const kc::panel_view<const double> top(wide.data(), 2, 4, 8);
  const kc::panel_view<double> shifted(wide.data() + 10, 2, 4, 8);  // starts inside input row 1
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::rolling_mean(top, shifted, {.window = 2}); },
                                            {"input row 1", "output row 0"}));
  std::vector<double> sums(4);
  BOOST_TEST(throws_with<kc::invalid_input>([&] { kc::column_sums(left, std::span<double>(wide.data() + 24, 4)); },
                                            {"overlaps"}));
  BOOST_CHECK_NO_THROW(kc::column_sums(left, sums));
}

// ---- column sums --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(column_sums_total_every_period) {
  // 3 nationalities x 4 months; month 3 has no data at all, month 2 one gap.
  const std::vector<double> data{
      1, 2,  na, 4,   //
      5, na, na, 6,   //
      7, 8,  na, -1,  //
  };
  const kc::panel_view<const double> in(data.data(), 3, 4);
  std::vector<double> totals(4);
  kc::column_sums(in, totals);
  BOOST_TEST(same(totals[0], 13));
  BOOST_TEST(same(totals[1], 10));
  BOOST_TEST(std::isnan(totals[2]));  // no value at all: missing, not 0
  BOOST_TEST(same(totals[3], 9));
  kc::column_sums(in, totals, kc::missing_policy::as_zero);
  BOOST_TEST(totals[2] == 0.0);
  BOOST_TEST(totals[1] == 10.0);
  BOOST_TEST(throws_with<kc::range_error>([&] { kc::column_sums(in, totals, kc::missing_policy::reject); },
                                          {"row 0, column 2", "missing"}));
}

BOOST_AUTO_TEST_CASE(column_sums_of_a_wide_strided_panel) {
  // More columns than one stack block (256), with padding between rows.
  std::mt19937_64 rng(5);
  const std::size_t rows = 9;
  const std::size_t cols = 600;
  const std::size_t stride = 613;
  const auto data = random_panel<double>(rng, rows, cols, stride, 1e300, 0.3);
  std::vector<double> totals(cols);
  kc::column_sums(kc::panel_view<const double>(data.data(), rows, cols, stride), totals);
  for (std::size_t c = 0; c < cols; ++c) {
    double expected = 0.0;
    bool any = false;
    for (std::size_t r = 0; r < rows; ++r) {
      const double x = data[r * stride + c];
      if (!std::isnan(x)) {
        expected += x;
        any = true;
      }
    }
    BOOST_TEST_REQUIRE(same(totals[c], any ? expected : na));
  }
}

BOOST_AUTO_TEST_CASE(integer_column_sums_are_exact) {
  const std::vector<std::int32_t> data{
      1, 2, 0, std::numeric_limits<std::int32_t>::max(),  //
      5, 0, 0, std::numeric_limits<std::int32_t>::max(),  //
  };
  const std::vector<std::uint8_t> mask{
      1, 1, 0, 1,  //
      1, 0, 0, 1,  //
  };
  std::vector<std::int64_t> totals(4, -1);
  std::vector<std::uint8_t> totals_valid(4, 9);
  const kc::panel_view<const std::int32_t> in(data.data(), 2, 4);
  const kc::panel_view<const std::uint8_t> valid(mask.data(), 2, 4);
  kc::column_sums(in, valid, totals, totals_valid);
  BOOST_TEST(totals == (std::vector<std::int64_t>{6, 2, 0, 2LL * std::numeric_limits<std::int32_t>::max()}),
             boost::test_tools::per_element());
  BOOST_TEST(totals_valid == (std::vector<std::uint8_t>{1, 1, 0, 1}), boost::test_tools::per_element());
  kc::column_sums(in, valid, totals, totals_valid, kc::missing_policy::as_zero);
  BOOST_TEST(totals_valid == (std::vector<std::uint8_t>{1, 1, 1, 1}), boost::test_tools::per_element());
  kc::column_sums(in, {}, totals, totals_valid);  // no mask: everything present
  BOOST_TEST(totals[2] == 0);
  BOOST_TEST(totals_valid[2] == 1);
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { kc::column_sums(in, valid, totals, totals_valid, kc::missing_policy::reject); }, {"row 0, column 2"}));
}

BOOST_AUTO_TEST_CASE(integer_column_sum_overflow_names_the_column) {
  const std::vector<std::int64_t> data{1, i64_max, 1, 1, 5, -5};
  std::vector<std::int64_t> totals(2);
  std::vector<std::uint8_t> totals_valid(2);
  // Column 1: MAX + 1 - 5 fits although MAX + 1 does not.
  kc::column_sums(kc::panel_view<const std::int64_t>(data.data(), 3, 2), {}, totals, totals_valid);
  BOOST_TEST(totals[1] == i64_max - 4);
  const std::vector<std::int64_t> too_big{1, i64_max, 1, 1};
  BOOST_TEST(throws_with<kc::overflow_error>(
      [&] { kc::column_sums(kc::panel_view<const std::int64_t>(too_big.data(), 2, 2), {}, totals, totals_valid); },
      {"column 1", "int64"}));
}

// ---- trailing sum per row -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(trailing_sum_per_row) {
  const std::vector<double> data{
      1,  2,  3,  4,   //
      10, na, 30, 40,  //
  };
  const kc::panel_view<const double> in(data.data(), 2, 4);
  std::vector<double> out(2);
  kc::trailing_sum(in, 3, 2, out);
  BOOST_TEST(out == (std::vector<double>{7, 70}), boost::test_tools::per_element());
  BOOST_TEST(throws_with<kc::range_error>([&] { kc::trailing_sum(in, 3, 3, out); }, {"row 1, column 1", "missing"}));
  kc::trailing_sum(in, 3, 3, out, kc::missing_policy::as_zero);
  BOOST_TEST(out == (std::vector<double>{9, 70}), boost::test_tools::per_element());
  BOOST_TEST(throws_with<kc::range_error>([&] { kc::trailing_sum(in, 1, 3, out); }, {"row 0, column 1"}));
  BOOST_TEST(throws_with<kc::range_error>([&] { kc::trailing_sum(in, 4, 1, out); }, {"column 4", "past the end"}));

  const std::vector<std::int64_t> ints{1, 2, 3, 4, 10, 0, 30, 40};
  const std::vector<std::uint8_t> mask{1, 1, 1, 1, 1, 0, 1, 1};
  std::vector<std::int64_t> iout(2);
  const kc::panel_view<const std::int64_t> iin(ints.data(), 2, 4);
  kc::trailing_sum(iin, kc::panel_view<const std::uint8_t>(mask.data(), 2, 4), 3, 4, iout, kc::missing_policy::as_zero);
  BOOST_TEST(iout == (std::vector<std::int64_t>{10, 80}), boost::test_tools::per_element());
  BOOST_TEST(throws_with<kc::range_error>(
      [&] { kc::trailing_sum(iin, kc::panel_view<const std::uint8_t>(mask.data(), 2, 4), 3, 4, iout); },
      {"row 1, column 1"}));
}

BOOST_AUTO_TEST_CASE(trailing_sum_per_row_equals_the_rolling_sum_column) {
  std::mt19937_64 rng(6);
  const std::size_t rows = 30;
  const std::size_t cols = 40;
  const auto data = random_panel<double>(rng, rows, cols, cols, 0.0, 0.0);
  const kc::panel_view<const double> in(data.data(), rows, cols);
  std::vector<double> rolled(rows * cols);
  kc::rolling_sum(in, kc::panel_view(rolled.data(), rows, cols), {.window = 12});
  std::vector<double> trailing(rows);
  kc::trailing_sum(in, 30, 12, trailing);
  for (std::size_t r = 0; r < rows; ++r) BOOST_TEST_REQUIRE(trailing[r] == rolled[r * cols + 30]);
}

BOOST_AUTO_TEST_CASE(integer_rolling_overflow_names_row_and_column) {
  const std::vector<std::int64_t> data{1, 2, 3, 1, i64_max, 1};
  std::vector<std::int64_t> out(6);
  std::vector<std::uint8_t> out_valid(6);
  BOOST_TEST(throws_with<kc::overflow_error>(
      [&] {
        kc::rolling_sum(kc::panel_view<const std::int64_t>(data.data(), 2, 3), {}, kc::panel_view(out.data(), 2, 3),
                        kc::panel_view(out_valid.data(), 2, 3), {.window = 2});
      },
      {"row 1, column 1"}));
}
