// Top nationalities with shares over every trailing window of a panel
// (kerncijfers/top_shares.hpp): top_shares and trailing_sums_by_nationality.
//
// Python conventions, documented in the stubs and the docstrings:
//   - The five columns are 1-D integer arrays (numpy arrays, pandas Series, anything with
//     __array__) of one length, read through read_array (arrays.hpp). They are read where
//     they lie, without a copy, when the four code columns are all int64 or all int32 and
//     the counts int64 or int32, each aligned, C-contiguous and in native byte order. A
//     strided, unaligned or byte-swapped column is copied once into that layout; any other
//     integer dtype, or a mix of int64 and int32 codes, is converted once to int64, as numpy
//     functions do. Floats, bools and objects are refused: a count of 59.6 has no meaning.
//     Empty columns are empty input, whatever their dtype.
//   - The cube's extents are keyword arguments: codes are 0-based indices into them.
//   - Results are new int64 arrays shaped (countries, categories, windows, ...), so that
//     result.shares[c, k, w] is the window of country c, category k ending at month
//     result.last_month[w]. (The fields are `counts` and `shares`, plural, because a named
//     tuple's `count` is tuple.count.)
//   - The work runs without the GIL, single-threaded.
#include <pybind11/numpy.h>

#include "arrays.hpp"
#include "bindings.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <variant>

#include <kerncijfers/top_shares.hpp>

namespace kerncijfers::python {

namespace {

// A code or count column: int64 and int32 are read in place, any other integer dtype or
// layout is converted once to int64 (read_array).
using column = std::variant<typed_array<std::int64_t>, typed_array<std::int32_t>>;

column read_column(const py::handle& value, const char* name) {
  return read_array<std::int64_t, std::int32_t>(value, std::string("the ") + name + " column");
}

// The four code columns, of one element type.
template <class Key>
struct key_columns {
  typed_array<Key> country, category, nationality, month;
};

using keys = std::variant<key_columns<std::int64_t>, key_columns<std::int32_t>>;

// The code columns as one element type: their own when they share it, else all int64.
keys read_keys(const py::handle& country, const py::handle& category, const py::handle& nationality,
               const py::handle& month) {
  std::array<column, 4> c{read_column(country, "country"), read_column(category, "category"),
                          read_column(nationality, "nationality"), read_column(month, "month")};
  const auto all = [&c]<class Key>(Key*) -> std::optional<key_columns<Key>> {
    for (const column& x : c) {
      if (!std::holds_alternative<typed_array<Key>>(x)) return std::nullopt;
    }
    return key_columns<Key>{std::get<typed_array<Key>>(c[0]), std::get<typed_array<Key>>(c[1]),
                            std::get<typed_array<Key>>(c[2]), std::get<typed_array<Key>>(c[3])};
  };
  if (auto k = all(static_cast<std::int64_t*>(nullptr))) return *k;
  if (auto k = all(static_cast<std::int32_t*>(nullptr))) return *k;
  // A mix of int64 and int32: the int32 ones are widened (a copy) so the kernel reads one type.
  const auto widened = [](const column& x, const char* name) {
    return std::visit(
        [name](const auto& a) { return to_int64_array(a.array(), std::string("the ") + name + " column"); }, x);
  };
  return key_columns<std::int64_t>{widened(c[0], "country"), widened(c[1], "category"), widened(c[2], "nationality"),
                                   widened(c[3], "month")};
}

// The five columns as read.
struct columns {
  keys key;
  column count;
};

columns read_columns(const py::handle& country, const py::handle& category, const py::handle& nationality,
                     const py::handle& month, const py::handle& count) {
  return {read_keys(country, category, nationality, month), read_column(count, "count")};
}

// Calls f(long_counts<Key, Count>) with the element types the columns really have.
template <class F>
void with_long_counts(const columns& c, F&& f) {
  std::visit(
      [&f](const auto& k, const auto& count) {
        using Key = typename std::decay_t<decltype(k.country)>::value_type;
        using Count = typename std::decay_t<decltype(count)>::value_type;
        f(long_counts<Key, Count>{k.country.span(), k.category.span(), k.nationality.span(), k.month.span(),
                                  count.span()});
      },
      c.key, c.count);
}

std::size_t extent(long long value, const char* what) {
  if (value < 0) throw invalid_input(std::string(what) + " must not be negative, got " + std::to_string(value));
  return static_cast<std::size_t>(value);
}

cube_shape to_shape(long long countries, long long categories, long long nationalities, long long months) {
  return cube_shape{extent(countries, "countries"), extent(categories, "categories"),
                    extent(nationalities, "nationalities"), extent(months, "months")};
}

rounding_mode to_rounding(const py::handle& value) {
  if (py::isinstance<rounding_mode>(value)) return value.cast<rounding_mode>();
  if (py::isinstance<py::str>(value)) return parse_rounding_mode(value.cast<std::string>());
  throw py::type_error("total_rounding must be kerncijfers.RoundingMode or a name like \"half-up\"");
}

py::array_t<std::int64_t> new_int64(std::vector<py::ssize_t> shape) { return py::array_t<std::int64_t>(shape); }

std::span<std::int64_t> whole(py::array_t<std::int64_t>& a) {
  return {a.mutable_data(), static_cast<std::size_t>(a.size())};
}

// The month each window ends at, 0-based: window - 1, window, ..., months - 1.
py::array_t<std::int64_t> last_months(std::size_t window, std::size_t per_block) {
  auto a = new_int64({static_cast<py::ssize_t>(per_block)});
  auto* p = a.mutable_data();
  for (std::size_t w = 0; w < per_block; ++w) p[w] = static_cast<std::int64_t>(window - 1 + w);
  return a;
}

std::size_t windows_per_block(const cube_shape& shape, std::size_t window) {
  (void)trailing_window_count(shape, window);  // checks the window
  return shape.months < window ? 0 : shape.months - window + 1;
}

// The TopShares named tuple, created once.
py::object& top_shares_type() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage
      .call_once_and_store_result([] {
        py::object cls = py::module_::import("collections")
                             .attr("namedtuple")("TopShares",
                                                 py::make_tuple("nationality", "counts", "shares", "total",
                                                                "rounded_total", "last_month"),
                                                 py::arg("module") = "kerncijfers");
        cls.attr("__doc__") =
            "The top nationalities of every trailing window (see kerncijfers.top_shares). Arrays of int64, "
            "indexed [country, category, window, ...]: nationality (..., top; -1 = empty slot), counts and shares "
            "(..., top + 2: top 1..top, other, unknown; shares sum to 100, or are all 0 when the total is 0), "
            "total and rounded_total (exact and rounded window totals), and last_month (windows,): the month "
            "each window ends at.";
        return cls;
      })
      .get_stored();
}

}  // namespace

void register_top_shares(py::module_& m) {
  m.attr("TopShares") = top_shares_type();

  m.def(
      "top_shares",
      [](const py::handle& country, const py::handle& category, const py::handle& nationality, const py::handle& month,
         const py::handle& count, long long countries, long long categories, long long nationalities, long long months,
         const py::object& unknown, long long window, long long top, std::int64_t total_multiple,
         const py::object& total_rounding, long long threads) {
        const cube_shape shape = to_shape(countries, categories, nationalities, months);
        top_shares_options options;
        options.window = extent(window, "window");
        options.top = extent(top, "top");
        if (!unknown.is_none()) options.unknown = extent(unknown.cast<long long>(), "unknown");
        options.total_multiple = total_multiple;
        options.total_rounding = to_rounding(total_rounding);
        options.threads = extent(threads, "threads");
        const std::size_t per_block = windows_per_block(shape, options.window);
        detail::check_top_shares_options(shape, options);
        const columns c = read_columns(country, category, nationality, month, count);

        const auto C = static_cast<py::ssize_t>(shape.countries);
        const auto K = static_cast<py::ssize_t>(shape.categories);
        const auto W = static_cast<py::ssize_t>(per_block);
        const auto T = static_cast<py::ssize_t>(options.top);
        auto out_nationality = new_int64({C, K, W, T});
        auto out_count = new_int64({C, K, W, T + 2});
        auto out_share = new_int64({C, K, W, T + 2});
        auto out_total = new_int64({C, K, W});
        auto out_rounded = new_int64({C, K, W});
        const top_shares_output out{whole(out_nationality), whole(out_count), whole(out_share), whole(out_total),
                                    whole(out_rounded)};
        {
          py::gil_scoped_release release;
          with_long_counts(c, [&](const auto& input) { top_shares(input, shape, options, out); });
        }
        return top_shares_type()(out_nationality, out_count, out_share, out_total, out_rounded,
                                 last_months(options.window, per_block));
      },
      py::arg("country"), py::arg("category"), py::arg("nationality"), py::arg("month"), py::arg("count"),
      py::kw_only(), py::arg("countries"), py::arg("categories"), py::arg("nationalities"), py::arg("months"),
      py::arg("unknown") = py::none(), py::arg("window") = 12, py::arg("top") = 10, py::arg("total_multiple") = 10,
      py::arg("total_rounding") = "half-up", py::arg("threads") = 0,
      "For every (country, category) and every trailing window of `window` months, the top `top` known "
      "nationalities (window sum descending, then code ascending; only positive sums), 'other' and 'unknown', "
      "whole-percent shares by largest remainder (summing to exactly 100; all 0 for an empty window) and the "
      "total rounded to tens half-up. The columns form a sparse long table (one row per nonzero cell, codes "
      "0-based); int64/int32 columns are read without a copy. `threads` shares the (country, category) blocks "
      "among that many threads (0: every core; the results do not depend on it). Returns a TopShares named tuple.");

  m.def(
      "trailing_sums_by_nationality",
      [](const py::handle& country, const py::handle& category, const py::handle& nationality, const py::handle& month,
         const py::handle& count, long long countries, long long categories, long long nationalities, long long months,
         long long window, long long threads) {
        const cube_shape shape = to_shape(countries, categories, nationalities, months);
        const std::size_t w = extent(window, "window");
        const std::size_t t = extent(threads, "threads");
        const std::size_t per_block = windows_per_block(shape, w);
        const columns c = read_columns(country, category, nationality, month, count);
        auto out = new_int64({static_cast<py::ssize_t>(shape.countries), static_cast<py::ssize_t>(shape.categories),
                              static_cast<py::ssize_t>(per_block), static_cast<py::ssize_t>(shape.nationalities)});
        const std::span<std::int64_t> sums = whole(out);
        {
          py::gil_scoped_release release;
          with_long_counts(c, [&](const auto& input) { trailing_sums_by_nationality(input, shape, w, sums, t); });
        }
        return out;
      },
      py::arg("country"), py::arg("category"), py::arg("nationality"), py::arg("month"), py::arg("count"),
      py::kw_only(), py::arg("countries"), py::arg("categories"), py::arg("nationalities"), py::arg("months"),
      py::arg("window") = 12, py::arg("threads") = 0,
      "The trailing `window`-month sum of every nationality for every (country, category) and window, from a "
      "sparse long table (a missing cell counts 0): an int64 array shaped (countries, categories, months - "
      "window + 1, nationalities); [c, k, w, n] ends at month w + window - 1. The rolling step of top_shares; "
      "`threads` as there.");
}

}  // namespace kerncijfers::python
