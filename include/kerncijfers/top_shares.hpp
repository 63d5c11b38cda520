#pragma once
/// \file top_shares.hpp
/// Top nationalities over trailing windows, for a whole panel at once: from a sparse long
/// table of counts (country, category, nationality, month, count), for every (country,
/// category) and every month from the window's last month on, the trailing window's sum per
/// nationality, the top nationalities plus "other" and "unknown", whole-percent shares that
/// sum to exactly 100 (largest remainder) and the window's total rounded to tens.
///
/// This is the page's "de afgelopen twaalf maanden kwam 32% uit Syrië" for every reporting
/// country, category and month of an EU-wide panel in one call, reading the caller's columns
/// where they lie (numpy arrays, `std::vector`, memory-mapped files) and writing into memory
/// the caller provides.
///
/// **Input.** Codes are 0-based indices into the dense cube the table is a sparse view of
/// (`cube_shape`): country in [0, countries), category in [0, categories), nationality in
/// [0, nationalities), month in [0, months) (consecutive months, 0 the first). A cell
/// without a row counts 0 (a month without a row means nobody came); a row with count 0 is
/// allowed. Each (country, category, nationality, month) may appear once: a second row for
/// the same cell is an error, never summed silently. Counts must be non-negative.
///
/// **Windows.** The window ending at month t (inclusive) covers months t - window + 1 to t,
/// so the first window ends at month `window - 1` (with the default 12: the 12th month) and
/// each (country, category) has `months - window + 1` windows (none when `months < window`).
/// Window w of (country c, category k, ending at month t) is at index
/// `(c * categories + k) * (months - window + 1) + (t - window + 1)` of every output.
///
/// **Top nationalities and their tie-break.** The top `top` (default 10) are chosen among
/// the *known* nationalities (every code except `unknown`) with a positive window sum, by
/// window sum descending, then by nationality code ascending: of two nationalities with the
/// same sum, the one with the smaller code ranks first. When fewer than `top` known
/// nationalities have a positive sum, the remaining slots hold nationality -1, count 0 and
/// share 0. "other" is every known nationality outside the top; "unknown" is the `unknown`
/// code's window sum (always 0 when the panel has no unknown code).
///
/// **Shares.** Each window's `top + 2` counts, in the order top 1, ..., top `top`, other,
/// unknown, are shared out as whole percentages by `largest_remainder` (rounding.hpp), so
/// they sum to exactly 100. Its tie-break applies: larger remainder, then larger count, then
/// earlier position in that order (so a top nationality before "other" before "unknown").
///
/// **Empty windows.** A window whose total is 0 has no shares to give: every share is 0 (the
/// set sums to 0, not 100), every top slot is -1, and its total is 0. `total == 0` is the
/// flag; there is no other marker.
///
/// **Totals.** The exact window total (all nationalities, unknown included) and that total
/// rounded to a multiple of `total_multiple` (default 10) by `total_rounding` (default
/// half-up), with `round_to_multiple`: 7685 -> 7690.
///
/// **Cost.** One pass over the rows when they are grouped by (country, category), that is,
/// when all rows of one (country, category) are adjacent, in any order inside the group and
/// with the groups in any order; this is how long tables are usually stored (sorted by
/// series, then month). Another order shows as soon as a (country, category) comes back;
/// the rows are then ordered by a counting sort on (country, category) (two passes over
/// those two columns and a permutation of 4 bytes per row, 8 beyond 2^32 rows) and read in
/// that order, and the windows computed before are computed again. The working memory is
/// one dense months x nationalities block of int64 for the (country, category) in hand, a
/// bitmap of its filled cells and a few rows of nationalities; nothing is allocated per row
/// or per window. Time is O(rows + countries x categories x months x nationalities).
///
/// **Threads.** With `threads` other than 1 (0, the default: every core) the (country,
/// category) blocks are shared out among that many threads (never more than there are
/// blocks), each with a working block of its own; every block is still computed by one
/// thread, so the results are identical for any number of threads. The rows are then read
/// once more, two columns of them, to find each block's rows first. When a thread meets bad
/// input, the whole table is read again on the calling thread, so that the error is the one a
/// single thread gives (the first bad row in the order above), whatever the number of threads.

#include <algorithm>
#include <array>
#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "kerncijfers/checked.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/rolling.hpp"
#include "kerncijfers/rounding.hpp"

namespace kerncijfers {

/// The extents of the dense (country, category, nationality, month) cube that a long table
/// of counts is a sparse view of: codes run from 0 to the extent minus 1.
struct cube_shape {
  std::size_t countries = 0;
  std::size_t categories = 0;
  std::size_t nationalities = 0;
  std::size_t months = 0;

  [[nodiscard]] friend constexpr bool operator==(const cube_shape&, const cube_shape&) noexcept = default;
  [[nodiscard]] friend constexpr auto operator<=>(const cube_shape&, const cube_shape&) noexcept = default;
};

/// A sparse long table of counts as five columns of equal length, read in place: row i
/// says that `count[i]` people of nationality `nationality[i]` were counted in country
/// `country[i]`, category `category[i]`, month `month[i]`. `Key` is the integer type of the
/// four code columns, `Count` that of the counts (any integer type but bool; `std::int64_t`
/// and `std::int32_t` are what numpy hands over).
template <class Key, class Count>
requires count_integer<Key> && count_integer<Count>
struct long_counts {
  std::span<const Key> country;
  std::span<const Key> category;
  std::span<const Key> nationality;
  std::span<const Key> month;
  std::span<const Count> count;
};

/// Largest `top_shares_options::top` accepted (the ranking buffer lives on the stack).
inline constexpr std::size_t max_top_nationalities = 100;

/// What `top_shares` computes; see the file comment for each field's meaning.
struct top_shares_options {
  /// Months per trailing window (at least 1).
  std::size_t window = 12;
  /// Number of nationalities ranked by name (1 to `max_top_nationalities`).
  std::size_t top = 10;
  /// The nationality code of "unknown" (kept apart, never ranked); none: no unknown code.
  std::optional<std::size_t> unknown{};
  /// Window totals are rounded to a multiple of this (positive).
  std::int64_t total_multiple = 10;
  /// How window totals are rounded.
  rounding_mode total_rounding = rounding_mode::half_up;
  /// Threads to share the (country, category) blocks among: 0 every core, 1 the calling
  /// thread alone. The results do not depend on it.
  std::size_t threads = 0;

  [[nodiscard]] friend bool operator==(const top_shares_options&, const top_shares_options&) = default;
};

/// Caller-provided memory for the results of `top_shares`, all int64, `windows` =
/// `trailing_window_count(shape, options.window)`, laid out window by window as described in
/// the file comment:
///   - `nationality`: windows x top, the code of each top slot (-1 when empty);
///   - `counts`: windows x (top + 2), the window sums of top 1..top, other, unknown;
///   - `shares`: windows x (top + 2), the whole percentages of those (summing to 100, or
///     all 0 when the window's total is 0);
///   - `total`: windows, the exact window total;
///   - `rounded_total`: windows, the total rounded to `total_multiple`.
struct top_shares_output {
  std::span<std::int64_t> nationality;
  std::span<std::int64_t> counts;
  std::span<std::int64_t> shares;
  std::span<std::int64_t> total;
  std::span<std::int64_t> rounded_total;
};

/// The results of `top_shares` in vectors of their own (laid out as `top_shares_output`).
struct top_shares_table {
  std::size_t windows = 0;
  std::size_t top = 0;
  std::vector<std::int64_t> nationality;
  std::vector<std::int64_t> counts;
  std::vector<std::int64_t> shares;
  std::vector<std::int64_t> total;
  std::vector<std::int64_t> rounded_total;

  [[nodiscard]] friend bool operator==(const top_shares_table&, const top_shares_table&) = default;
};

/// The number of windows of `window` months in the cube: countries x categories x
/// (months - window + 1), 0 when `months < window`. Throws `invalid_input` for window 0 and
/// `overflow_error` when the number does not fit in `std::size_t`.
[[nodiscard]] inline std::size_t trailing_window_count(const cube_shape& shape, std::size_t window) {
  if (window == 0) throw invalid_input("a trailing window needs at least 1 month, got window 0");
  if (shape.months < window) return 0;
  return checked_mul(checked_mul(shape.countries, shape.categories), shape.months - window + 1);
}

namespace detail {

template <class T>
[[nodiscard]] bool code_outside(T code, std::size_t extent) noexcept {
  if constexpr (std::is_signed_v<T>) {
    if (code < 0) return true;
  }
  return static_cast<std::make_unsigned_t<T>>(code) >= extent;
}

// The bound below which a code of type T, read as unsigned, is inside [0, extent): a
// negative code reads as at least 2^(bits - 1), above every code T can hold, so one unsigned
// comparison checks both ends.
template <class T>
[[nodiscard]] constexpr std::uint64_t unsigned_code_limit(std::size_t extent) noexcept {
  const auto most = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) + 1;
  return std::min<std::uint64_t>(extent, most);
}

template <class T>
[[nodiscard]] constexpr std::uint64_t as_unsigned_code(T code) noexcept {
  return static_cast<std::uint64_t>(static_cast<std::make_unsigned_t<T>>(code));
}

[[noreturn]] inline void throw_code_outside(std::size_t row, const char* what, const std::string& code,
                                            std::size_t extent) {
  std::string range = extent == 0 ? "none" : "0-" + std::to_string(extent - 1);
  throw invalid_input("row " + std::to_string(row) + " has " + what + " " + code + ", outside the cube's " +
                      std::to_string(extent) + " " + what + " codes (" + range + ")");
}

// The dense months x nationalities counts of one (country, category), and the sweep that
// turns them into trailing window sums. Month-major, so that a month's row is contiguous:
// the window moves by adding one row and subtracting another, whole rows at a time, which
// the compiler vectorises. Which cells a row has filled is kept in a bitmap beside the
// counts (a count of 0 is a legitimate value, so the counts cannot mark it themselves).
class count_block {
 public:
  count_block(std::size_t nationalities, std::size_t months, std::size_t cells)
      : nationalities_(nationalities),
        months_(months),
        cells_(cells, 0),
        filled_((cells + 63) / 64, 0),
        sums_(nationalities),
        month_totals_(months) {}

  void clear() noexcept {
    std::fill(cells_.begin(), cells_.end(), 0);
    std::fill(filled_.begin(), filled_.end(), 0);
  }

  // Fills `cell` with `value`; false when a row filled it before.
  [[nodiscard]] bool put(std::size_t cell, std::int64_t value) noexcept {
    std::uint64_t& word = filled_[cell / 64];
    const std::uint64_t bit = std::uint64_t{1} << (cell % 64);
    if ((word & bit) != 0) [[unlikely]]
      return false;
    word |= bit;
    cells_[cell] = value;
    return true;
  }

  // Calls emit(t, sums, total) for every month t >= window - 1, with `sums` the window sum
  // of every nationality over months t - window + 1 to t and `total` their sum. The block's
  // total was checked to fit in int64, so no partial sum overflows.
  template <class Emit>
  void sweep(std::size_t window, Emit&& emit) {
    const std::size_t n = nationalities_;
    std::int64_t* __restrict const sums = sums_.data();
    std::fill(sums_.begin(), sums_.end(), 0);
    std::int64_t total = 0;
    for (std::size_t t = 0; t < months_; ++t) {
      const std::int64_t* __restrict const row = cells_.data() + t * n;
      std::int64_t added = 0;
      for (std::size_t j = 0; j < n; ++j) {
        sums[j] += row[j];
        added += row[j];
      }
      month_totals_[t] = added;
      total += added;
      if (t >= window) {
        const std::int64_t* __restrict const old = cells_.data() + (t - window) * n;
        for (std::size_t j = 0; j < n; ++j) sums[j] -= old[j];
        total -= month_totals_[t - window];
      }
      if (t + 1 >= window) emit(t, std::span<const std::int64_t>(sums, n), total);
    }
  }

 private:
  std::size_t nationalities_;
  std::size_t months_;
  std::vector<std::int64_t> cells_;
  std::vector<std::uint64_t> filled_;
  std::vector<std::int64_t> sums_;
  std::vector<std::int64_t> month_totals_;
};

// The five columns with their checks; `row` numbers are positions in the columns.
//
// Reading the rows is most of the work, so the checks of a row (four codes in range, the
// count non-negative and within int64, the block's total within int64, the cell not filled
// before) are combined into one rarely taken branch; the slow path finds which check failed
// and says so.
template <class Key, class Count>
class long_table_reader {
 public:
  long_table_reader(const long_counts<Key, Count>& in, const cube_shape& shape) : in_(in), shape_(shape) {
    const std::size_t n = in.count.size();
    const auto check = [n](std::size_t size, const char* what) {
      if (size != n) {
        throw invalid_input(std::string("the ") + what + " column has " + std::to_string(size) +
                            " rows but the count column has " + std::to_string(n));
      }
    };
    check(in.country.size(), "country");
    check(in.category.size(), "category");
    check(in.nationality.size(), "nationality");
    check(in.month.size(), "month");
    blocks_ = checked_mul(shape.countries, shape.categories);
    block_cells_ = checked_mul(shape.nationalities, shape.months);
    country_limit_ = unsigned_code_limit<Key>(shape.countries);
    category_limit_ = unsigned_code_limit<Key>(shape.categories);
    nationality_limit_ = unsigned_code_limit<Key>(shape.nationalities);
    month_limit_ = unsigned_code_limit<Key>(shape.months);
  }

  [[nodiscard]] std::size_t rows() const noexcept { return in_.count.size(); }
  [[nodiscard]] std::size_t blocks() const noexcept { return blocks_; }
  [[nodiscard]] std::size_t block_cells() const noexcept { return block_cells_; }
  [[nodiscard]] const cube_shape& shape() const noexcept { return shape_; }

  // The (country, category) block of row i, checked.
  [[nodiscard]] std::size_t block(std::size_t i) const {
    const std::uint64_t c = as_unsigned_code(in_.country[i]);
    const std::uint64_t k = as_unsigned_code(in_.category[i]);
    if ((c >= country_limit_) | (k >= category_limit_)) [[unlikely]]
      throw_bad_block(i);
    return static_cast<std::size_t>(c) * shape_.categories + static_cast<std::size_t>(k);
  }

  // The first row past the rows from `first` on that stay in the block of row `first`
  // (whose block has been checked); reads two columns only.
  [[nodiscard]] std::size_t run_end(std::size_t first) const noexcept {
    const Key* const country = in_.country.data();
    const Key* const category = in_.category.data();
    const Key c = country[first];
    const Key k = category[first];
    const std::size_t n = rows();
    std::size_t i = first + 1;
    while (i < n && country[i] == c && category[i] == k) ++i;
    return i;
  }

  // Reads rows from `first` on while they stay in the block of row `first` (whose block has
  // been checked); returns the first row past them.
  std::size_t fill_run(std::size_t first, count_block& cells) const {
    const row_reader r = rows_reader();
    const Key c = r.country[first];
    const Key k = r.category[first];
    const std::size_t n = rows();
    std::int64_t block_total = 0;
    std::size_t i = first;
    for (; i < n && r.country[i] == c && r.category[i] == k; ++i) r.fill(i, cells, block_total, *this);
    return i;
  }

  // Reads the rows `order` (all in one block).
  template <class Index>
  void fill_rows(std::span<const Index> order, count_block& cells) const {
    const row_reader r = rows_reader();
    std::int64_t block_total = 0;
    for (const Index i : order) r.fill(static_cast<std::size_t>(i), cells, block_total, *this);
  }

 private:
  // What reading a row needs, copied out of the reader: as locals the compiler can keep
  // them in registers, where as members every store into the block (of the same integer
  // types) might have changed them and forces them to be loaded again.
  struct row_reader {
    const Key* country;
    const Key* category;
    const Key* nationality;
    const Key* month;
    const Count* count;
    std::uint64_t nationality_limit;
    std::uint64_t month_limit;
    std::size_t nationalities;

    [[gnu::always_inline]] void fill(std::size_t i, count_block& cells, std::int64_t& block_total,
                                     const long_table_reader& reader) const {
      const std::uint64_t nat = as_unsigned_code(nationality[i]);
      const std::uint64_t m = as_unsigned_code(month[i]);
      const Count v = count[i];
      bool bad = (nat >= nationality_limit) | (m >= month_limit);
      if constexpr (std::is_signed_v<Count>) bad |= v < 0;
      if constexpr (std::is_unsigned_v<Count> && sizeof(Count) >= sizeof(std::int64_t)) {
        bad |= v > static_cast<Count>(std::numeric_limits<std::int64_t>::max());
      }
      const auto value = static_cast<std::int64_t>(v);
      std::int64_t total = 0;
      bad |= __builtin_add_overflow(block_total, value, &total);
      if (bad) [[unlikely]]
        reader.throw_bad_row(i, block_total);
      const std::size_t cell = static_cast<std::size_t>(m) * nationalities + static_cast<std::size_t>(nat);
      if (!cells.put(cell, value)) [[unlikely]]
        reader.throw_duplicate(i);
      block_total = total;
    }
  };

  [[nodiscard]] row_reader rows_reader() const noexcept {
    return row_reader{in_.country.data(), in_.category.data(), in_.nationality.data(), in_.month.data(),
                      in_.count.data(),   nationality_limit_,  month_limit_,           shape_.nationalities};
  }

  [[noreturn, gnu::noinline, gnu::cold]] void throw_bad_block(std::size_t i) const {
    const Key c = in_.country[i];
    const Key k = in_.category[i];
    if (code_outside(c, shape_.countries)) throw_code_outside(i, "country", integer_text(c), shape_.countries);
    throw_code_outside(i, "category", integer_text(k), shape_.categories);
  }

  [[noreturn, gnu::noinline, gnu::cold]] void throw_bad_row(std::size_t i, std::int64_t block_total) const {
    const Key nat = in_.nationality[i];
    const Key month = in_.month[i];
    const Count v = in_.count[i];
    if (code_outside(nat, shape_.nationalities)) {
      throw_code_outside(i, "nationality", integer_text(nat), shape_.nationalities);
    }
    if (code_outside(month, shape_.months)) throw_code_outside(i, "month", integer_text(month), shape_.months);
    if constexpr (std::is_signed_v<Count>) {
      if (v < 0) throw count_error("row " + std::to_string(i) + " has a negative count: " + integer_text(v));
    }
    if (static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw overflow_error("row " + std::to_string(i) + " has count " + integer_text(v) +
                           ", which does not fit in int64");
    }
    throw overflow_error("the counts of country " + integer_text(in_.country[i]) + ", category " +
                         integer_text(in_.category[i]) +
                         " add up to more than int64 holds: " + std::to_string(block_total) + " before row " +
                         std::to_string(i) + ", which adds " + integer_text(v));
  }

  // Row i repeats a cell another row filled: finds that row (a scan, only on this error).
  [[noreturn, gnu::noinline, gnu::cold]] void throw_duplicate(std::size_t i) const {
    std::size_t first = i;
    for (std::size_t j = 0; j < rows(); ++j) {
      if (j != i && in_.country[j] == in_.country[i] && in_.category[j] == in_.category[i] &&
          in_.nationality[j] == in_.nationality[i] && in_.month[j] == in_.month[i]) {
        first = j;
        break;
      }
    }
    const std::size_t a = first < i ? first : i;
    const std::size_t b = first < i ? i : first;
    throw invalid_input("rows " + std::to_string(a) + " and " + std::to_string(b) + " both count country " +
                        integer_text(in_.country[i]) + ", category " + integer_text(in_.category[i]) +
                        ", nationality " + integer_text(in_.nationality[i]) + ", month " + integer_text(in_.month[i]) +
                        " (each cell may appear once)");
  }

  long_counts<Key, Count> in_;
  cube_shape shape_;
  std::size_t blocks_ = 0;
  std::size_t block_cells_ = 0;
  std::uint64_t country_limit_ = 0;
  std::uint64_t category_limit_ = 0;
  std::uint64_t nationality_limit_ = 0;
  std::uint64_t month_limit_ = 0;
};

// The rows of each block in a counting sort by block: block b's rows are
// order[start[b]] to order[start[b + 1] - 1], in row order. In 32 bits when they fit.
template <class Index>
struct rows_by_block {
  std::vector<std::size_t> start;
  std::vector<Index> order;

  template <class Key, class Count>
  explicit rows_by_block(const long_table_reader<Key, Count>& reader) : start(reader.blocks() + 1, 0) {
    const std::size_t n = reader.rows();
    const std::size_t blocks = reader.blocks();
    for (std::size_t r = 0; r < n; ++r) ++start[reader.block(r) + 1];
    for (std::size_t b = 0; b < blocks; ++b) start[b + 1] += start[b];
    order.resize(n);
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < n; ++r) order[next[reader.block(r)]++] = static_cast<Index>(r);
  }

  [[nodiscard]] std::span<const Index> of(std::size_t b) const noexcept {
    return std::span<const Index>(order).subspan(start[b], start[b + 1] - start[b]);
  }
};

// Reads the rows into blocks, one (country, category) at a time, and calls
// emit(block, t, sums, total) for every window of every block, each block exactly once
// (blocks without rows too, with all sums 0). Grouped rows are read in one pass; otherwise
// a counting sort by block gives the order. All on the calling thread.
template <class Key, class Count, class Emit>
void for_each_window_on_one_thread(const long_table_reader<Key, Count>& reader, std::size_t window, Emit&& emit) {
  const cube_shape& shape = reader.shape();
  const std::size_t n = reader.rows();
  const std::size_t blocks = reader.blocks();
  // With fewer months than the window nothing is emitted, but the rows are still read and
  // checked the same way: bad input never passes unseen.
  count_block cells(shape.nationalities, shape.months, reader.block_cells());
  const auto finish = [&](std::size_t b) {
    cells.sweep(window, [&](std::size_t t, std::span<const std::int64_t> sums, std::int64_t total) {
      emit(b, t, sums, total);
    });
  };

  // The common case: every block's rows are adjacent. A block seen again means they are
  // not; then the windows emitted so far are emitted again, in the sorted pass below.
  std::vector<std::uint8_t> seen(blocks, 0);
  bool grouped = true;
  std::size_t i = 0;
  while (i < n) {
    const std::size_t b = reader.block(i);
    if (seen[b] != 0) {
      grouped = false;
      break;
    }
    seen[b] = 1;
    cells.clear();
    i = reader.fill_run(i, cells);
    finish(b);
  }
  if (grouped) {
    for (std::size_t b = 0; b < blocks; ++b) {
      if (seen[b] == 0) {
        cells.clear();
        finish(b);
      }
    }
    return;
  }

  const auto sorted_pass = [&]<class Index>(Index) {
    const rows_by_block<Index> sorted(reader);
    for (std::size_t b = 0; b < blocks; ++b) {
      cells.clear();
      reader.fill_rows(sorted.of(b), cells);
      finish(b);
    }
  };
  if (n <= std::numeric_limits<std::uint32_t>::max())
    sorted_pass(std::uint32_t{});
  else
    sorted_pass(std::uint64_t{});
}

// The number of threads for `blocks` blocks: `threads` (0: every core), at most one per block.
[[nodiscard]] inline std::size_t kernel_threads(std::size_t threads, std::size_t blocks) noexcept {
  const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  return std::max<std::size_t>(1, std::min(threads == 0 ? cores : threads, blocks));
}

// As `for_each_window_on_one_thread`, on `threads` threads (see the file comment):
// `make_emit()` gives each thread its own emit, called for the blocks that thread computes.
// A block's windows are emitted together, by one thread; blocks go to threads as they come
// free. On any error, the one-thread pass runs and throws its error.
template <class Key, class Count, class MakeEmit>
void for_each_window(const long_table_reader<Key, Count>& reader, std::size_t window, std::size_t threads,
                     MakeEmit&& make_emit) {
  const std::size_t workers = kernel_threads(threads, reader.blocks());
  if (workers == 1) {
    for_each_window_on_one_thread(reader, window, make_emit());
    return;
  }
  const cube_shape& shape = reader.shape();
  const std::size_t n = reader.rows();
  const std::size_t blocks = reader.blocks();
  const auto on_threads = [&](auto&& fill_block) {
    std::atomic<std::size_t> next_block{0};
    std::atomic<bool> failed{false};
    const auto work = [&]() noexcept {
      try {
        auto emit = make_emit();
        count_block cells(shape.nationalities, shape.months, reader.block_cells());
        for (std::size_t b = next_block++; b < blocks && !failed.load(std::memory_order_relaxed); b = next_block++) {
          cells.clear();
          fill_block(b, cells);
          cells.sweep(window, [&](std::size_t t, std::span<const std::int64_t> sums, std::int64_t total) {
            emit(b, t, sums, total);
          });
        }
      } catch (...) {
        failed = true;
      }
    };
    std::vector<std::thread> helpers;
    try {
      for (std::size_t k = 1; k < workers; ++k) helpers.emplace_back(work);
    } catch (...) {
      failed = true;  // no thread to be had: the one-thread pass below does the work
    }
    work();
    for (std::thread& h : helpers) h.join();
    return !failed;
  };
  bool done = false;
  try {
    // Each block's rows: one run when the rows are grouped, else a counting sort.
    std::vector<std::size_t> first(blocks, n);
    bool grouped = true;
    for (std::size_t i = 0; i < n;) {
      const std::size_t b = reader.block(i);
      if (first[b] != n) {
        grouped = false;
        break;
      }
      first[b] = i;
      i = reader.run_end(i);
    }
    if (grouped) {
      done = on_threads([&](std::size_t b, count_block& cells) {
        if (first[b] != n) (void)reader.fill_run(first[b], cells);
      });
    } else {
      const auto sorted_pass = [&]<class Index>(Index) {
        const rows_by_block<Index> sorted(reader);
        return on_threads([&](std::size_t b, count_block& cells) { reader.fill_rows(sorted.of(b), cells); });
      };
      done =
          n <= std::numeric_limits<std::uint32_t>::max() ? sorted_pass(std::uint32_t{}) : sorted_pass(std::uint64_t{});
    }
  } catch (...) {
    done = false;
  }
  if (!done) for_each_window_on_one_thread(reader, window, make_emit());
}

template <class T, class Out>
void check_output_apart(std::span<const T> input, std::span<Out> output, const char* what) {
  if (overlap(input, output)) {
    throw invalid_input(std::string("the ") + what + " output overlaps the input; pass separate memory");
  }
}

template <class Key, class Count, class Out>
void check_output_apart(const long_counts<Key, Count>& in, std::span<Out> output, const char* what) {
  check_output_apart(in.country, output, what);
  check_output_apart(in.category, output, what);
  check_output_apart(in.nationality, output, what);
  check_output_apart(in.month, output, what);
  check_output_apart(in.count, output, what);
}

inline void check_output_entries(std::size_t got, std::size_t expected, const char* what) {
  if (got != expected) {
    throw invalid_input(std::string("the ") + what + " output has " + std::to_string(got) + " entries, expected " +
                        std::to_string(expected));
  }
}

// Ranks the known nationalities of one window: the top `top` with a positive sum, best
// first, by sum descending, then code ascending.
//
// The nationalities are visited in code order, so a later one enters a full buffer only
// with a strictly larger sum than the one it would displace: that is the code-ascending
// tie-break. A window shares all but one of its months with the one before, so the previous
// window's top is nearly this one's. `floor` is the smallest sum, in this window, of those
// `top` nationalities: any `top` nationalities include one whose sum is at most the true
// `top`-th largest, so every nationality of the true top has a sum of at least `floor`, and
// only those need to be looked at. Most nationalities then cost one comparison, and the
// buffer sees about `top` insertions instead of several times that.
class top_selector {
 public:
  top_selector(std::size_t top, std::size_t unknown) noexcept : top_(top), unknown_(unknown) {}

  // A new (country, category): no previous window to learn from.
  void restart() noexcept { held_ = 0; }

  // Selects the top of `sums`, read back with operator[]; returns how many there are (at
  // most `top`: fewer when fewer known nationalities have a positive sum).
  std::size_t select(std::span<const std::int64_t> sums) noexcept {
    std::int64_t floor = 1;  // only positive sums rank
    if (held_ == top_) {
      std::int64_t smallest = sums[best_[0]];
      for (std::size_t s = 1; s < held_; ++s) smallest = std::min(smallest, sums[best_[s]]);
      floor = std::max(floor, smallest);
    }
    std::size_t held = 0;
    std::int64_t threshold = floor - 1;  // a candidate needs a larger sum than this
    const std::size_t n = sums.size();
    for (std::size_t j = 0; j < n; ++j) {
      const std::int64_t v = sums[j];
      if (v <= threshold || j == unknown_) [[likely]]
        continue;
      std::size_t pos = held < top_ ? held++ : top_ - 1;
      while (pos > 0 && sums[best_[pos - 1]] < v) {
        best_[pos] = best_[pos - 1];
        --pos;
      }
      best_[pos] = static_cast<std::uint32_t>(j);
      if (held == top_) threshold = sums[best_[top_ - 1]];
    }
    held_ = held;
    return held;
  }

  [[nodiscard]] std::uint32_t operator[](std::size_t slot) const noexcept { return best_[slot]; }

 private:
  std::size_t top_;
  std::size_t unknown_;
  std::size_t held_ = 0;
  std::array<std::uint32_t, max_top_nationalities> best_{};
};

inline void check_top_shares_options(const cube_shape& shape, const top_shares_options& options) {
  if (options.top == 0 || options.top > max_top_nationalities) {
    throw invalid_input("top " + std::to_string(options.top) + " is outside 1-" +
                        std::to_string(max_top_nationalities));
  }
  if (options.unknown && *options.unknown >= shape.nationalities) {
    throw invalid_input("the unknown nationality code " + std::to_string(*options.unknown) + " is outside the cube's " +
                        std::to_string(shape.nationalities) + " nationality codes");
  }
  if (options.total_multiple <= 0) {
    throw invalid_input("window totals cannot be rounded to a multiple of " + std::to_string(options.total_multiple) +
                        ": the multiple must be positive");
  }
  if (shape.nationalities > std::numeric_limits<std::uint32_t>::max()) {
    throw invalid_input("the cube has " + std::to_string(shape.nationalities) +
                        " nationality codes; at most 4294967295 are supported");
  }
}

}  // namespace detail

/// The trailing window sum of every nationality, for every (country, category) and every
/// window: `out` holds countries x categories x (months - window + 1) x nationalities
/// int64, window by window in the order of the file comment, each window's sums in
/// nationality order. This is the rolling step of `top_shares` on its own (a missing cell
/// counts 0). `threads` as `top_shares_options::threads` (0: every core; the results do not
/// depend on it). Throws as `top_shares`, and `invalid_input` when `out` has the wrong size or
/// overlaps the input.
template <class Key, class Count>
void trailing_sums_by_nationality(const long_counts<Key, Count>& input, const cube_shape& shape, std::size_t window,
                                  std::span<std::int64_t> out, std::size_t threads = 0) {
  const std::size_t windows = trailing_window_count(shape, window);
  const detail::long_table_reader<Key, Count> reader(input, shape);
  detail::check_output_entries(out.size(), checked_mul(windows, shape.nationalities), "window sums");
  detail::check_output_apart(input, out, "window sums");
  const std::size_t per_block = windows == 0 ? 0 : shape.months - window + 1;
  detail::for_each_window(reader, window, threads, [&] {
    return [&](std::size_t b, std::size_t t, std::span<const std::int64_t> sums, std::int64_t) {
      const std::size_t w = b * per_block + (t + 1 - window);
      std::copy(sums.begin(), sums.end(), out.begin() + static_cast<std::ptrdiff_t>(w * sums.size()));
    };
  });
}

/// The top nationalities, "other" and "unknown" of every trailing window of the panel, with
/// shares by largest remainder and rounded totals, written into `out` (see
/// `top_shares_output` and the file comment for the layout, the tie-breaks and empty
/// windows).
///
/// Throws `invalid_input` when the columns differ in length, a code lies outside `shape`
/// (naming the row, the column and the value), two rows count the same cell (naming both
/// rows and the cell), an option is out of range, or an output has the wrong size or
/// overlaps the input; `count_error` for a negative count (naming the row); `overflow_error`
/// when the counts of one (country, category) add up to more than int64 holds.
template <class Key, class Count>
void top_shares(const long_counts<Key, Count>& input, const cube_shape& shape, const top_shares_options& options,
                const top_shares_output& out) {
  const std::size_t windows = trailing_window_count(shape, options.window);
  detail::check_top_shares_options(shape, options);
  const detail::long_table_reader<Key, Count> reader(input, shape);
  const std::size_t top = options.top;
  const std::size_t parts = top + 2;
  detail::check_output_entries(out.nationality.size(), checked_mul(windows, top), "nationality");
  detail::check_output_entries(out.counts.size(), checked_mul(windows, parts), "counts");
  detail::check_output_entries(out.shares.size(), checked_mul(windows, parts), "shares");
  detail::check_output_entries(out.total.size(), windows, "total");
  detail::check_output_entries(out.rounded_total.size(), windows, "rounded total");
  detail::check_output_apart(input, out.nationality, "nationality");
  detail::check_output_apart(input, out.counts, "counts");
  detail::check_output_apart(input, out.shares, "shares");
  detail::check_output_apart(input, out.total, "total");
  detail::check_output_apart(input, out.rounded_total, "rounded total");

  const std::size_t per_block = windows == 0 ? 0 : shape.months - options.window + 1;
  // Past the last code: "no unknown" never matches a nationality.
  const std::size_t unknown = options.unknown.value_or(shape.nationalities);
  // Each thread ranks with a selector of its own (it remembers the previous window's top).
  detail::for_each_window(reader, options.window, options.threads, [&] {
    return [&, best = detail::top_selector(top, unknown)](
               std::size_t b, std::size_t t, std::span<const std::int64_t> sums, std::int64_t total) mutable {
      if (t + 1 == options.window) best.restart();
      const std::size_t w = b * per_block + (t + 1 - options.window);
      const std::span<std::int64_t> nationality = out.nationality.subspan(w * top, top);
      const std::span<std::int64_t> count = out.counts.subspan(w * parts, parts);
      const std::span<std::int64_t> share = out.shares.subspan(w * parts, parts);
      const std::size_t held = best.select(sums);
      std::int64_t ranked = 0;
      for (std::size_t s = 0; s < held; ++s) {
        nationality[s] = best[s];
        count[s] = sums[best[s]];
        ranked += count[s];
      }
      for (std::size_t s = held; s < top; ++s) {
        nationality[s] = -1;
        count[s] = 0;
      }
      const std::int64_t unknown_count = unknown < sums.size() ? sums[unknown] : 0;
      count[top] = total - ranked - unknown_count;
      count[top + 1] = unknown_count;
      if (total > 0)
        largest_remainder(count, share);
      else
        std::fill(share.begin(), share.end(), 0);
      out.total[w] = total;
      out.rounded_total[w] = round_to_multiple(total, options.total_multiple, options.total_rounding);
    };
  });
}

/// `top_shares` into a `top_shares_table` of its own.
template <class Key, class Count>
[[nodiscard]] top_shares_table top_shares(const long_counts<Key, Count>& input, const cube_shape& shape,
                                          const top_shares_options& options = {}) {
  top_shares_table table;
  table.windows = trailing_window_count(shape, options.window);
  detail::check_top_shares_options(shape, options);
  table.top = options.top;
  table.nationality.resize(checked_mul(table.windows, options.top));
  table.counts.resize(checked_mul(table.windows, options.top + 2));
  table.shares.resize(table.counts.size());
  table.total.resize(table.windows);
  table.rounded_total.resize(table.windows);
  top_shares(input, shape, options,
             top_shares_output{table.nationality, table.counts, table.shares, table.total, table.rounded_total});
  return table;
}

}  // namespace kerncijfers

/// Hash consistent with `==` (the four extents).
template <>
struct std::hash<kerncijfers::cube_shape> {
  [[nodiscard]] std::size_t operator()(const kerncijfers::cube_shape& s) const noexcept {
    std::size_t h = 0;
    for (const std::size_t v : {s.countries, s.categories, s.nationalities, s.months}) {
      h ^= std::hash<std::size_t>{}(v) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    }
    return h;
  }
};
