#pragma once
/// \file panel.hpp
/// Panels: 2-D row-major views over memory someone else owns, one row per series (a
/// nationality, a country) and one column per period, with rolling sums and means over
/// every row, totals per period and a trailing sum per row.
///
/// A `panel_view<T>` is a pointer, a shape and a row stride counted in elements, so a numpy
/// array (or a slice of one) is used where it lies, without a copy: element (r, c) is
/// `data[r * row_stride + c]`. Columns must be contiguous within a row (a column step other
/// than one element is not supported); rows may be further apart than `cols` elements.
///
/// Missing values follow `rolling.hpp`: NaN for floating-point panels, a validity-mask panel
/// of the same shape (`panel_view<const std::uint8_t>`, 0 = missing) for integer panels, where
/// an empty view (the default, 0 x 0) means every value is present. The functions here run
/// the `rolling.hpp` kernels row by row into caller-provided memory and allocate nothing.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <type_traits>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/rolling.hpp"

namespace kerncijfers {

/// A 2-D row-major view of `rows x cols` elements of type `T` (use `const T` to read only)
/// with `row_stride` elements from the start of one row to the start of the next.
/// Copying the view copies the pointer, never the elements.
template <class T>
class panel_view {
 public:
  using element_type = T;
  using value_type = std::remove_cv_t<T>;

  /// The empty 0 x 0 view; as a validity mask it means "every value present".
  constexpr panel_view() noexcept = default;

  /// `rows x cols` elements stored row after row without gaps.
  constexpr panel_view(T* data, std::size_t rows, std::size_t cols) : panel_view(data, rows, cols, cols) {}

  /// `rows x cols` elements whose rows start `row_stride` elements apart. Throws
  /// `invalid_input` naming the values when `row_stride < cols` (rows would overlap) or
  /// when `data` is null for a non-empty shape.
  constexpr panel_view(T* data, std::size_t rows, std::size_t cols, std::size_t row_stride)
      : data_(data), rows_(rows), cols_(cols), row_stride_(row_stride) {
    if (row_stride < cols) {
      throw invalid_input("a panel row stride of " + std::to_string(row_stride) + " elements is less than its " +
                          std::to_string(cols) + " columns");
    }
    if (data == nullptr && rows != 0 && cols != 0) {
      throw invalid_input("a panel of " + std::to_string(rows) + " x " + std::to_string(cols) +
                          " values has no data (null pointer)");
    }
  }

  /// A read-only view of the same elements.
  template <class U>
  requires std::is_same_v<T, const U>
  constexpr panel_view(panel_view<U> other) noexcept  // NOLINT(google-explicit-constructor): like span
      : data_(other.data()), rows_(other.rows()), cols_(other.cols()), row_stride_(other.row_stride()) {}

  [[nodiscard]] constexpr T* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t rows() const noexcept { return rows_; }
  [[nodiscard]] constexpr std::size_t cols() const noexcept { return cols_; }
  [[nodiscard]] constexpr std::size_t row_stride() const noexcept { return row_stride_; }
  /// True when the view holds no element.
  [[nodiscard]] constexpr bool empty() const noexcept { return rows_ == 0 || cols_ == 0; }

  /// Row `r` as a span of `cols()` elements, unchecked.
  [[nodiscard]] constexpr std::span<T> operator[](std::size_t r) const noexcept {
    return std::span<T>(data_ + r * row_stride_, cols_);
  }
  /// Row `r`; throws `invalid_input` naming `r` when it is not a row.
  [[nodiscard]] constexpr std::span<T> row(std::size_t r) const {
    if (r >= rows_)
      throw invalid_input("row " + std::to_string(r) + " is outside the panel's " + std::to_string(rows_) + " rows");
    return (*this)[r];
  }
  /// The `count` rows starting at row `first`, as a view of the same memory (for example to
  /// split a panel over threads: rows are computed independently). Throws `invalid_input`
  /// naming the values when they leave the panel.
  [[nodiscard]] constexpr panel_view row_slice(std::size_t first, std::size_t count) const {
    if (first > rows_ || count > rows_ - first) {
      throw invalid_input("rows " + std::to_string(first) + " to " + std::to_string(first + count) +
                          " (exclusive) are outside the panel's " + std::to_string(rows_) + " rows");
    }
    if (count == 0) return panel_view();
    return panel_view(data_ + first * row_stride_, count, cols_, row_stride_);
  }

  /// Element (r, c); throws `invalid_input` naming both when outside the panel.
  [[nodiscard]] constexpr T& at(std::size_t r, std::size_t c) const {
    if (r >= rows_ || c >= cols_) {
      throw invalid_input("element (" + std::to_string(r) + ", " + std::to_string(c) + ") is outside the " +
                          std::to_string(rows_) + " x " + std::to_string(cols_) + " panel");
    }
    return data_[r * row_stride_ + c];
  }

  /// Same memory and shape (a view compares as what it points at, like a pointer).
  [[nodiscard]] friend constexpr bool operator==(const panel_view&, const panel_view&) noexcept = default;

 private:
  T* data_ = nullptr;
  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::size_t row_stride_ = 0;
};

template <class T>
panel_view(T*, std::size_t, std::size_t) -> panel_view<T>;
template <class T>
panel_view(T*, std::size_t, std::size_t, std::size_t) -> panel_view<T>;

namespace detail {

template <class A, class B>
inline void check_same_shape(const panel_view<A>& input, const panel_view<B>& other, const char* what) {
  if (other.rows() != input.rows() || other.cols() != input.cols()) {
    throw invalid_input(std::string(what) + " is " + std::to_string(other.rows()) + " x " +
                        std::to_string(other.cols()) + " but the input panel is " + std::to_string(input.rows()) +
                        " x " + std::to_string(input.cols()));
  }
}

template <class A>
inline void check_mask_shape(const panel_view<A>& input, const panel_view<const std::uint8_t>& valid) {
  if (valid.rows() == 0 && valid.cols() == 0) return;
  check_same_shape(input, valid, "the validity mask");
}

// Two panels share an element only if some row of one meets some row of the other. Rows of
// a panel lie at increasing addresses and never overlap (row_stride >= cols), so one merge
// over both row lists settles it in O(rows); two column slices of one wider array, whose
// extents interleave but whose elements do not, are accepted.
template <class A, class B>
inline void check_apart(const panel_view<A>& input, const panel_view<B>& output, const char* what) {
  if (input.empty() || output.empty()) return;
  const auto begin = [](const auto& p, std::size_t r) { return reinterpret_cast<std::uintptr_t>(p[r].data()); };
  const auto end = [](const auto& p, std::size_t r) {
    return reinterpret_cast<std::uintptr_t>(p[r].data()) + p[r].size_bytes();
  };
  std::size_t r = 0;
  std::size_t s = 0;
  while (r < input.rows() && s < output.rows()) {
    if (end(input, r) <= begin(output, s)) {
      ++r;
    } else if (end(output, s) <= begin(input, r)) {
      ++s;
    } else {
      throw invalid_input(std::string(what) + " overlaps the input (input row " + std::to_string(r) + ", output row " +
                          std::to_string(s) + "); pass separate memory");
    }
  }
}

// A span seen as a one-row panel, for the overlap check. Never throws: a span's data is
// not null when it has elements, and its one row has no stride to get wrong.
template <class T>
[[nodiscard]] panel_view<T> as_row(std::span<T> values) noexcept {
  return values.empty() ? panel_view<T>() : panel_view<T>(values.data(), 1, values.size());
}

}  // namespace detail

namespace detail {

// Rolling sum (`Mean` false) or mean over every row of a floating-point panel.
template <bool Mean, class T>
void float_rolling_rows(panel_view<T> values, panel_view<double> out, const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  check_same_shape(values, out, "the output");
  check_apart(values, out, "the output");
  for (std::size_t r = 0; r < values.rows(); ++r) {
    float_rolling<Mean>(std::span<const std::remove_const_t<T>>(values[r]), out[r], options.window, min_periods,
                        options.missing, static_cast<std::ptrdiff_t>(r));
  }
}

}  // namespace detail

/// Rolling sum over every row of a floating-point panel into `out` (same shape): row r of
/// `out` is `rolling_sum(values[r], options)`. Throws `invalid_input` for a bad window, a
/// shape mismatch or overlapping memory.
template <class T>
requires floating_value<std::remove_const_t<T>>
void rolling_sum(panel_view<T> values, panel_view<double> out, const rolling_options& options) {
  detail::float_rolling_rows<false>(values, out, options);
}

/// Rolling mean over every row of a floating-point panel into `out` (same shape).
template <class T>
requires floating_value<std::remove_const_t<T>>
void rolling_mean(panel_view<T> values, panel_view<double> out, const rolling_options& options) {
  detail::float_rolling_rows<true>(values, out, options);
}

/// Rolling sum over every row of an integer panel with validity mask `valid` (same shape,
/// or empty = all present) into `out` and `out_valid` (same shape). Exact; a window that
/// does not fit in int64 throws `overflow_error` naming its row and column.
template <class T>
requires integer_value<std::remove_const_t<T>>
void rolling_sum(panel_view<T> values, panel_view<const std::uint8_t> valid, panel_view<std::int64_t> out,
                 panel_view<std::uint8_t> out_valid, const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  detail::check_mask_shape(values, valid);
  detail::check_same_shape(values, out, "the output");
  detail::check_same_shape(values, out_valid, "the output mask");
  detail::check_apart(values, out, "the output");
  detail::check_apart(values, out_valid, "the output mask");
  detail::check_apart(valid, out, "the output");
  detail::check_apart(valid, out_valid, "the output mask");
  const bool masked = !valid.empty();
  for (std::size_t r = 0; r < values.rows(); ++r) {
    detail::integer_rolling_sum(std::span<const std::remove_const_t<T>>(values[r]),
                                masked ? valid[r] : std::span<const std::uint8_t>(), out[r], out_valid[r],
                                options.window, min_periods, options.missing, static_cast<std::ptrdiff_t>(r));
  }
}

/// Rolling mean over every row of an integer panel into `out` (same shape, NaN = missing).
template <class T>
requires integer_value<std::remove_const_t<T>>
void rolling_mean(panel_view<T> values, panel_view<const std::uint8_t> valid, panel_view<double> out,
                  const rolling_options& options) {
  const std::size_t min_periods = resolve_min_periods(options);
  detail::check_mask_shape(values, valid);
  detail::check_same_shape(values, out, "the output");
  detail::check_apart(values, out, "the output");
  detail::check_apart(valid, out, "the output");
  const bool masked = !valid.empty();
  for (std::size_t r = 0; r < values.rows(); ++r) {
    detail::integer_rolling_mean(std::span<const std::remove_const_t<T>>(values[r]),
                                 masked ? valid[r] : std::span<const std::uint8_t>(), out[r], options.window,
                                 min_periods, options.missing, static_cast<std::ptrdiff_t>(r));
  }
}

/// The trailing sum of every row over the `n` columns ending at column `last` (inclusive)
/// into `out` (one entry per row). Throws `range_error` when the window leaves the panel
/// and, under the default `missing_policy::reject`, when a value in it is missing (naming
/// its row and column); under `skip` and `as_zero` missing values add nothing.
template <class T>
requires floating_value<std::remove_const_t<T>>
void trailing_sum(panel_view<T> values, std::size_t last, std::size_t n, std::span<double> out,
                  missing_policy missing = missing_policy::reject) {
  detail::check_output_size(out.size(), values.rows(), "the output (one entry per row)");
  detail::check_apart(values, detail::as_row(out), "the output");
  for (std::size_t r = 0; r < values.rows(); ++r) {
    out[r] = detail::float_trailing_sum(std::span<const std::remove_const_t<T>>(values[r]), last, n, missing,
                                        static_cast<std::ptrdiff_t>(r));
  }
}

/// The exact trailing sum of every row of an integer panel (validity mask `valid`, empty =
/// all present) into `out` (one entry per row); `overflow_error` when one does not fit.
template <class T>
requires integer_value<std::remove_const_t<T>>
void trailing_sum(panel_view<T> values, panel_view<const std::uint8_t> valid, std::size_t last, std::size_t n,
                  std::span<std::int64_t> out, missing_policy missing = missing_policy::reject) {
  detail::check_mask_shape(values, valid);
  detail::check_output_size(out.size(), values.rows(), "the output (one entry per row)");
  detail::check_apart(values, detail::as_row(out), "the output");
  detail::check_apart(valid, detail::as_row(out), "the output");
  const bool masked = !valid.empty();
  for (std::size_t r = 0; r < values.rows(); ++r) {
    out[r] = detail::integer_trailing_sum(std::span<const std::remove_const_t<T>>(values[r]),
                                          masked ? valid[r] : std::span<const std::uint8_t>(), last, n, missing,
                                          static_cast<std::ptrdiff_t>(r));
  }
}

namespace detail {

// Columns are summed in blocks so that the per-column state lives on the stack while
// rows are still read front to back.
inline constexpr std::size_t column_block = 256;

}  // namespace detail

/// The total of every column (every period) of a floating-point panel into `out` (one
/// entry per column), summed over the rows in order. Under `skip` (the default) a column
/// without any present value is missing (NaN) rather than 0; under `as_zero` it is 0; under
/// `reject` a missing value throws `range_error` naming its row and column.
template <class T>
requires floating_value<std::remove_const_t<T>>
void column_sums(panel_view<T> values, std::span<double> out, missing_policy missing = missing_policy::skip) {
  detail::check_output_size(out.size(), values.cols(), "the output (one entry per column)");
  detail::check_apart(values, detail::as_row(out), "the output");
  const std::size_t cols = values.cols();
  for (std::size_t c0 = 0; c0 < cols; c0 += detail::column_block) {
    const std::size_t width = std::min(detail::column_block, cols - c0);
    std::array<std::uint8_t, detail::column_block> any{};
    std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(c0), width, 0.0);
    double* const total = out.data() + c0;
    for (std::size_t r = 0; r < values.rows(); ++r) {
      const auto row = values[r].subspan(c0, width);
      if (missing == missing_policy::reject) {
        for (std::size_t c = 0; c < width; ++c) {
          if (std::isnan(static_cast<double>(row[c]))) detail::throw_missing(c0 + c, static_cast<std::ptrdiff_t>(r));
        }
      }
      // Branch-free so that the compiler can vectorise it.
      for (std::size_t c = 0; c < width; ++c) {
        const double x = static_cast<double>(row[c]);
        const bool present = !std::isnan(x);
        total[c] += present ? x : 0.0;
        any[c] |= static_cast<std::uint8_t>(present);
      }
    }
    if (missing == missing_policy::skip) {
      for (std::size_t c = 0; c < width; ++c) {
        if (any[c] == 0) out[c0 + c] = detail::nan;
      }
    }
  }
}

/// The exact total of every column of an integer panel (validity mask `valid`, empty = all
/// present) into `out` and `out_valid` (one entry per column). Missing values as in the
/// floating-point `column_sums`; a total that does not fit in int64 throws `overflow_error`
/// naming its column.
template <class T>
requires integer_value<std::remove_const_t<T>>
void column_sums(panel_view<T> values, panel_view<const std::uint8_t> valid, std::span<std::int64_t> out,
                 std::span<std::uint8_t> out_valid, missing_policy missing = missing_policy::skip) {
  detail::check_mask_shape(values, valid);
  detail::check_output_size(out.size(), values.cols(), "the output (one entry per column)");
  detail::check_output_size(out_valid.size(), values.cols(), "the output mask (one entry per column)");
  detail::check_apart(values, detail::as_row(out), "the output");
  detail::check_apart(values, detail::as_row(out_valid), "the output mask");
  detail::check_apart(valid, detail::as_row(out), "the output");
  detail::check_apart(valid, detail::as_row(out_valid), "the output mask");
  const bool masked = !valid.empty();
  const std::size_t cols = values.cols();
  for (std::size_t c0 = 0; c0 < cols; c0 += detail::column_block) {
    const std::size_t width = std::min(detail::column_block, cols - c0);
    std::array<detail::kc_int128, detail::column_block> total{};
    std::array<std::uint8_t, detail::column_block> any{};
    for (std::size_t r = 0; r < values.rows(); ++r) {
      const auto row = values[r].subspan(c0, width);
      if (!masked) {
        for (std::size_t c = 0; c < width; ++c) total[c] += static_cast<detail::kc_int128>(row[c]);
        continue;
      }
      const auto mask = valid[r].subspan(c0, width);
      for (std::size_t c = 0; c < width; ++c) {
        const bool present = mask[c] != 0;
        if (!present && missing == missing_policy::reject)
          detail::throw_missing(c0 + c, static_cast<std::ptrdiff_t>(r));
        total[c] += present ? static_cast<detail::kc_int128>(row[c]) : 0;
        any[c] |= static_cast<std::uint8_t>(present);
      }
    }
    for (std::size_t c = 0; c < width; ++c) {
      if (total[c] < std::numeric_limits<std::int64_t>::min() || total[c] > std::numeric_limits<std::int64_t>::max()) {
        throw overflow_error("the total of column " + std::to_string(c0 + c) + " over " +
                             std::to_string(values.rows()) + " rows does not fit in int64");
      }
      const bool has = !masked || any[c] != 0 || missing == missing_policy::as_zero;
      out[c0 + c] = has ? static_cast<std::int64_t>(total[c]) : 0;
      out_valid[c0 + c] = has ? 1 : 0;
    }
  }
}

}  // namespace kerncijfers
