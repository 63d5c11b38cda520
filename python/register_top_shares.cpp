// Top nationalities with shares over every trailing window of a panel
// (kerncijfers/top_shares.hpp): top_shares and trailing_sums_by_nationality.
//
// Python conventions, documented in the stubs and the docstrings:
//   - The five columns are 1-D integer arrays (numpy arrays, pandas Series, anything with
//     __array__) of one length. They are read where they lie, without a copy, when the four
//     code columns are all C-contiguous int64 or all C-contiguous int32 and the counts are
//     C-contiguous int64 or int32. Any other integer dtype, a mix of the two for the codes,
//     a strided view or a byte-swapped array is converted once to int64 (a copy), as numpy
//     functions do. Floats, bools and objects are refused: a count of 59.6 has no meaning.
//   - The cube's extents are keyword arguments: codes are 0-based indices into them.
//   - Results are new int64 arrays shaped (countries, categories, windows, ...), so that
//     result.shares[c, k, w] is the window of country c, category k ending at month
//     result.last_month[w]. (The fields are `counts` and `shares`, plural, because a named
//     tuple's `count` is tuple.count.)
//   - The work runs without the GIL, single-threaded.
#include <pybind11/numpy.h>

#include "arrays.hpp"
#include "bindings.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include <kerncijfers/top_shares.hpp>

namespace kerncijfers::python {

namespace {

bool aligned_array(const py::array& a) { return (a.flags() & py::detail::npy_api::NPY_ARRAY_ALIGNED_) != 0; }

std::string dtype_of(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

// An argument as a 1-D numpy array of integers (no copy for an array).
py::array integer_column(const py::handle& value, const char* what) {
  py::array a = py::array::ensure(value);
  if (!a) {
    PyErr_Clear();
    throw invalid_input(std::string("the ") + what + " column must be an array of integers");
  }
  const char kind = a.dtype().kind();
  if (kind != 'i' && kind != 'u') {
    throw invalid_input(std::string("the ") + what + " column must hold integers, got dtype " + dtype_of(a));
  }
  if (a.ndim() != 1) {
    throw invalid_input(std::string("the ") + what + " column must be 1-dimensional, got " +
                        std::to_string(a.ndim()) + " dimensions");
  }
  return a;
}

// Readable in place as T: the dtype exactly, native byte order, contiguous, aligned.
template <class T>
bool readable_as(const py::array& a) {
  return carray<T>::check_(a) && aligned_array(a);
}

template <class T>
std::span<const T> column_span(const py::array& a) {
  return {static_cast<const T*>(a.data()), static_cast<std::size_t>(a.size())};
}

// The five columns, each either read in place or converted once to int64.
struct columns {
  py::array country, category, nationality, month, count;
};

columns read_columns(const py::handle& country, const py::handle& category, const py::handle& nationality,
                     const py::handle& month, const py::handle& count) {
  columns c{integer_column(country, "country"), integer_column(category, "category"),
            integer_column(nationality, "nationality"), integer_column(month, "month"),
            integer_column(count, "count")};
  const auto keys_are = [&]<class T>(T*) {
    return readable_as<T>(c.country) && readable_as<T>(c.category) && readable_as<T>(c.nationality) &&
           readable_as<T>(c.month);
  };
  if (!keys_are(static_cast<std::int64_t*>(nullptr)) && !keys_are(static_cast<std::int32_t*>(nullptr))) {
    c.country = to_int64_array(c.country, "the country column");
    c.category = to_int64_array(c.category, "the category column");
    c.nationality = to_int64_array(c.nationality, "the nationality column");
    c.month = to_int64_array(c.month, "the month column");
  }
  if (!readable_as<std::int64_t>(c.count) && !readable_as<std::int32_t>(c.count)) {
    c.count = to_int64_array(c.count, "the count column");
  }
  return c;
}

// Calls f(long_counts<Key, Count>) with the columns' element types.
template <class F>
void with_long_counts(const columns& c, F&& f) {
  const auto with_count = [&]<class Key>(Key*) {
    const auto keys = [&]<class Count>(Count*) {
      f(long_counts<Key, Count>{column_span<Key>(c.country), column_span<Key>(c.category),
                                column_span<Key>(c.nationality), column_span<Key>(c.month),
                                column_span<Count>(c.count)});
    };
    if (readable_as<std::int64_t>(c.count)) keys(static_cast<std::int64_t*>(nullptr));
    else keys(static_cast<std::int32_t*>(nullptr));
  };
  if (readable_as<std::int64_t>(c.country)) with_count(static_cast<std::int64_t*>(nullptr));
  else with_count(static_cast<std::int32_t*>(nullptr));
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
      [](const py::handle& country, const py::handle& category, const py::handle& nationality,
         const py::handle& month, const py::handle& count, long long countries, long long categories,
         long long nationalities, long long months, const py::object& unknown, long long window, long long top,
         std::int64_t total_multiple, const py::object& total_rounding) {
        const cube_shape shape = to_shape(countries, categories, nationalities, months);
        top_shares_options options;
        options.window = extent(window, "window");
        options.top = extent(top, "top");
        if (!unknown.is_none()) options.unknown = extent(unknown.cast<long long>(), "unknown");
        options.total_multiple = total_multiple;
        options.total_rounding = to_rounding(total_rounding);
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
      py::arg("total_rounding") = "half-up",
      "For every (country, category) and every trailing window of `window` months, the top `top` known "
      "nationalities (window sum descending, then code ascending; only positive sums), 'other' and 'unknown', "
      "whole-percent shares by largest remainder (summing to exactly 100; all 0 for an empty window) and the "
      "total rounded to tens half-up. The columns form a sparse long table (one row per nonzero cell, codes "
      "0-based); int64/int32 columns are read without a copy. Returns a TopShares named tuple.");

  m.def(
      "trailing_sums_by_nationality",
      [](const py::handle& country, const py::handle& category, const py::handle& nationality,
         const py::handle& month, const py::handle& count, long long countries, long long categories,
         long long nationalities, long long months, long long window) {
        const cube_shape shape = to_shape(countries, categories, nationalities, months);
        const std::size_t w = extent(window, "window");
        const std::size_t per_block = windows_per_block(shape, w);
        const columns c = read_columns(country, category, nationality, month, count);
        auto out = new_int64({static_cast<py::ssize_t>(shape.countries), static_cast<py::ssize_t>(shape.categories),
                              static_cast<py::ssize_t>(per_block), static_cast<py::ssize_t>(shape.nationalities)});
        const std::span<std::int64_t> sums = whole(out);
        {
          py::gil_scoped_release release;
          with_long_counts(c, [&](const auto& input) { trailing_sums_by_nationality(input, shape, w, sums); });
        }
        return out;
      },
      py::arg("country"), py::arg("category"), py::arg("nationality"), py::arg("month"), py::arg("count"),
      py::kw_only(), py::arg("countries"), py::arg("categories"), py::arg("nationalities"), py::arg("months"),
      py::arg("window") = 12,
      "The trailing `window`-month sum of every nationality for every (country, category) and window, from a "
      "sparse long table (a missing cell counts 0): an int64 array shaped (countries, categories, months - "
      "window + 1, nationalities); [c, k, w, n] ends at month w + window - 1. The rolling step of top_shares.");
}

}  // namespace kerncijfers::python
