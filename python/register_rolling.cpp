// Rolling, trailing, year-over-year and per-period totals over numpy arrays
// (kerncijfers/rolling.hpp for 1-D values, kerncijfers/panel.hpp for 2-D panels).
//
// Python conventions, documented in the stubs and the docstrings:
//   - The dtype decides the kernel. float64/float32 values (float16 widens to float64)
//     mark a missing value with NaN and give float64 results. Integer values (int8-int64, uint8-uint64) may come with a
//     `valid` mask (bool or uint8, same shape; False = missing) and give exact integer
//     results as MaskedInt64(values: int64 array, valid: bool array), 0 under False; means
//     and relative changes are float64. bool, object and other dtypes are refused.
//   - Inputs go through read_array (arrays.hpp) and are read where they lie: an aligned,
//     native-byte-order array of a supported dtype that is contiguous (1-D) or has
//     contiguous columns (2-D: C order, or row slices like a[::2] and a[:, 12:]) is never
//     copied. A strided, unaligned or byte-swapped 1-D array is copied once into contiguous
//     memory (as numpy functions do), and so is an unaligned or byte-swapped 2-D array
//     (into C order). A Fortran-ordered or column-strided 2-D array is refused, because
//     silently copying a large panel is what out= is there to avoid.
//   - `out=` puts the result into the caller's array (exact dtype, writeable, same
//     layout rules as the input) and returns it; integer results take a pair of arrays.
//   - The loops run without the GIL.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "arrays.hpp"
#include "bindings.hpp"

#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <variant>

#include <kerncijfers/panel.hpp>
#include <kerncijfers/rolling.hpp>

namespace kerncijfers::python {

namespace {

std::string type_name(const py::handle& value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

std::string dtype_text(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

template <class T>
std::string dtype_name() {
  return py::str(py::dtype::of<T>()).cast<std::string>();
}

bool aligned(const py::array& a) { return (a.flags() & py::detail::npy_api::NPY_ARRAY_ALIGNED_) != 0; }

// The MaskedInt64 named tuple (created in register_rolling), kept for building results.
py::object& masked_int64_type() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage
      .call_once_and_store_result([] {
        py::object cls = py::module_::import("collections")
                             .attr("namedtuple")("MaskedInt64", py::make_tuple("values", "valid"),
                                                 py::arg("module") = "kerncijfers");
        cls.attr("__doc__") =
            "Exact integer results: values (int64 array, 0 where missing) and valid (bool array, "
            "False where missing).";
        return cls;
      })
      .get_stored();
}

// ---------------------------------------------------------------------------------------
// Inputs

// The element types the kernels are instantiated for, each read in place (read_array:
// float16 widens to float64; a byte-swapped, unaligned or strided 1-D array is copied once).
using values_array =
    std::variant<typed_array<double>, typed_array<float>, typed_array<std::int64_t>, typed_array<std::int32_t>,
                 typed_array<std::int16_t>, typed_array<std::int8_t>, typed_array<std::uint64_t>,
                 typed_array<std::uint32_t>, typed_array<std::uint16_t>, typed_array<std::uint8_t>>;

values_array read_values(const py::handle& values, dims d) {
  return read_array<double, float, std::int64_t, std::int32_t, std::int16_t, std::int8_t, std::uint64_t, std::uint32_t,
                    std::uint16_t, std::uint8_t>(values, "values", d);
}

template <class T>
std::span<T> mutable_span_of(py::array& a) {
  return {static_cast<T*>(a.mutable_data()), static_cast<std::size_t>(a.size())};
}

// A 2-D argument as a panel view (read_array has checked its layout).
template <class T>
panel_view<const T> as_panel(const typed_array<T>& a) {
  return panel_view<const T>(a.data(), a.shape(0), a.shape(1), a.row_stride());
}

// A 2-D out= array as a panel view of its own memory. Rows may lie any whole number of
// elements apart; columns must be adjacent. Anything else is refused: results go where asked.
template <class T>
panel_view<T> as_panel(py::array& a, const char* what) {
  const auto rows = static_cast<std::size_t>(a.shape(0));
  const auto cols = static_cast<std::size_t>(a.shape(1));
  T* data = static_cast<T*>(a.mutable_data());
  if (!aligned(a) || !array_detail::panel_layout(a)) {
    throw invalid_input(std::string(what) + " (" + std::to_string(rows) + " x " + std::to_string(cols) + " " +
                        dtype_text(a) + ", strides (" + std::to_string(a.strides(0)) + ", " +
                        std::to_string(a.strides(1)) +
                        ") bytes) is not stored row by row with adjacent columns (a Fortran-ordered, "
                        "column-strided or unaligned array); it is not copied behind your back: pass "
                        "numpy.ascontiguousarray(" +
                        what + ")");
  }
  const std::size_t row_stride = rows <= 1 ? cols : static_cast<std::size_t>(a.strides(0)) / sizeof(T);
  return panel_view<T>(data, rows, cols, row_stride);
}

bool is_mask_dtype(const py::array& a) {
  return a.dtype().itemsize() == 1 && (a.dtype().kind() == 'b' || a.dtype().kind() == 'u');
}

using mask = std::optional<typed_array<std::uint8_t>>;

// The `valid` argument: None (every value present) or a bool/uint8 array of the values'
// shape. numpy bools are bytes holding 0 or 1, so either dtype is read as uint8.
mask read_mask(const py::handle& valid, const py::array& values) {
  if (valid.is_none()) return std::nullopt;
  py::array m = py::array::ensure(valid);
  if (!m) throw invalid_input("valid must be an array of bools, got " + type_name(valid));
  if (!is_mask_dtype(m))
    throw invalid_input("valid must be a bool or uint8 array (False = missing), got dtype " + dtype_text(m));
  if (m.ndim() != values.ndim()) {
    throw invalid_input("valid must have the shape of the values (" + std::to_string(values.ndim()) +
                        " dimensions), got " + std::to_string(m.ndim()) + " dimensions");
  }
  if (values.ndim() == 1) {
    // The C++ reads an empty mask as "all present"; from Python that is valid=None.
    if (m.size() != values.size()) {
      throw invalid_input("the validity mask has " + std::to_string(m.size()) + " entries but the input has " +
                          std::to_string(values.size()) + " values (pass valid=None when every value is present)");
    }
  } else if (m.shape(0) != values.shape(0) || m.shape(1) != values.shape(1)) {
    throw invalid_input("the validity mask is " + std::to_string(m.shape(0)) + " x " + std::to_string(m.shape(1)) +
                        " but the input panel is " + std::to_string(values.shape(0)) + " x " +
                        std::to_string(values.shape(1)));
  }
  return std::get<0>(read_array<std::uint8_t>(m.view("uint8"), "valid", values.ndim() == 1 ? dims::one : dims::two));
}

void refuse_mask(const py::handle& valid, const py::array& values) {
  if (!valid.is_none()) {
    throw invalid_input("valid is only for integer values; " + dtype_text(values) +
                        " values mark a missing value with NaN");
  }
}

std::span<const std::uint8_t> mask_span(const mask& m) {
  if (!m) return {};
  return m->span();
}

panel_view<const std::uint8_t> mask_panel(const mask& m) {
  if (!m) return {};
  return as_panel(*m);
}

// ---------------------------------------------------------------------------------------
// Outputs

template <class T>
py::array new_array(std::initializer_list<py::ssize_t> shape) {
  return py::array_t<T>(std::vector<py::ssize_t>(shape));
}

// An `out=` array: a numpy array of exactly dtype T (for masks: bool or uint8), writeable,
// with `ndim` dimensions; a 1-D one must be contiguous. Its size is checked by the C++.
template <class T>
py::array out_array(const py::handle& out, const char* what, int ndim) {
  if (!py::isinstance<py::array>(out)) {
    throw invalid_input(std::string(what) + " must be a numpy array, got " + type_name(out));
  }
  auto a = py::reinterpret_borrow<py::array>(out);
  if constexpr (std::is_same_v<T, bool>) {
    if (!is_mask_dtype(a))
      throw invalid_input(std::string(what) + " must have dtype bool or uint8, got dtype " + dtype_text(a));
  } else {
    if (!py::array_t<T>::check_(a)) {
      throw invalid_input(std::string(what) + " must have dtype " + dtype_name<T>() + ", got dtype " + dtype_text(a));
    }
  }
  if (!a.writeable()) throw invalid_input(std::string(what) + " is read-only");
  if (a.ndim() != ndim) {
    throw invalid_input(std::string(what) + " must be " + std::to_string(ndim) + "-dimensional, got " +
                        std::to_string(a.ndim()) + " dimensions");
  }
  if (ndim == 1 && ((a.size() > 1 && a.strides(0) != a.itemsize()) || !aligned(a))) {
    throw invalid_input(std::string(what) + " must be contiguous (its stride is " + std::to_string(a.strides(0)) +
                        " bytes, its elements " + std::to_string(a.itemsize()) + ")");
  }
  return a;
}

// The pair of arrays an integer result goes into.
std::pair<py::array, py::array> out_pair(const py::handle& out, int ndim) {
  if (!py::isinstance<py::tuple>(out) && !py::isinstance<py::list>(out)) {
    throw invalid_input("out for an integer result must be a pair (values: int64 array, valid: bool array), got " +
                        type_name(out));
  }
  const auto seq = py::reinterpret_borrow<py::sequence>(out);
  if (seq.size() != 2) {
    throw invalid_input("out for an integer result must be a pair (values, valid), got " + std::to_string(seq.size()) +
                        " items");
  }
  return {out_array<std::int64_t>(seq[0], "out[0]", ndim), out_array<bool>(seq[1], "out[1]", ndim)};
}

py::object masked(const py::array& values, const py::array& valid) { return masked_int64_type()(values, valid); }

void refuse_out(const py::handle& out, const char* why) {
  if (!out.is_none()) throw invalid_input(std::string("out is not used here: ") + why);
}

// ---------------------------------------------------------------------------------------
// The functions

py::object rolling(const py::object& values, long long window, const py::object& min_periods, const py::object& missing,
                   const py::object& valid, const py::object& out, bool mean) {
  const rolling_options options = to_rolling_options(window, min_periods, missing);
  return std::visit(
      [&](const auto& in) -> py::object {
        using T = typename std::decay_t<decltype(in)>::value_type;
        const py::array& a = in.array();
        if constexpr (std::is_floating_point_v<T>) {
          refuse_mask(valid, a);
          if (in.ndim() == 1) {
            py::array result = out.is_none() ? new_array<double>({a.size()}) : out_array<double>(out, "out", 1);
            const auto x = in.span();
            const auto o = mutable_span_of<double>(result);
            {
              py::gil_scoped_release nogil;
              if (mean)
                rolling_mean(x, o, options);
              else
                rolling_sum(x, o, options);
            }
            return result;
          }
          const auto x = as_panel(in);
          py::array result =
              out.is_none() ? new_array<double>({a.shape(0), a.shape(1)}) : out_array<double>(out, "out", 2);
          const auto o = as_panel<double>(result, "out");
          {
            py::gil_scoped_release nogil;
            if (mean)
              rolling_mean(x, o, options);
            else
              rolling_sum(x, o, options);
          }
          return result;
        } else {
          const mask m = read_mask(valid, a);
          if (in.ndim() == 1) {
            const auto x = in.span();
            const auto v = mask_span(m);
            if (mean) {
              py::array result = out.is_none() ? new_array<double>({a.size()}) : out_array<double>(out, "out", 1);
              const auto o = mutable_span_of<double>(result);
              {
                py::gil_scoped_release nogil;
                rolling_mean(x, v, o, options);
              }
              return result;
            }
            auto [sums, ok] = out.is_none()
                                  ? std::pair{new_array<std::int64_t>({a.size()}), new_array<bool>({a.size()})}
                                  : out_pair(out, 1);
            const auto o = mutable_span_of<std::int64_t>(sums);
            const auto ov = mutable_span_of<std::uint8_t>(ok);
            {
              py::gil_scoped_release nogil;
              rolling_sum(x, v, o, ov, options);
            }
            return masked(sums, ok);
          }
          const auto x = as_panel(in);
          const auto v = mask_panel(m);
          if (mean) {
            py::array result =
                out.is_none() ? new_array<double>({a.shape(0), a.shape(1)}) : out_array<double>(out, "out", 2);
            const auto o = as_panel<double>(result, "out");
            {
              py::gil_scoped_release nogil;
              rolling_mean(x, v, o, options);
            }
            return result;
          }
          auto [sums, ok] = out.is_none() ? std::pair{new_array<std::int64_t>({a.shape(0), a.shape(1)}),
                                                      new_array<bool>({a.shape(0), a.shape(1)})}
                                          : out_pair(out, 2);
          const auto o = as_panel<std::int64_t>(sums, "out[0]");
          const auto ov = as_panel<std::uint8_t>(ok, "out[1]");
          {
            py::gil_scoped_release nogil;
            rolling_sum(x, v, o, ov, options);
          }
          return masked(sums, ok);
        }
      },
      read_values(values, dims::one_or_two));
}

std::size_t non_negative(long long value, const std::string& message) {
  if (value < 0) throw range_error(message + ", got " + std::to_string(value));
  return static_cast<std::size_t>(value);
}

py::object trailing(const py::object& values, long long last_position, long long n, const py::object& missing,
                    const py::object& valid, const py::object& out) {
  const missing_policy policy = to_missing_policy(missing);
  const std::size_t count = non_negative(n, "a trailing window needs at least 1 period");
  const std::size_t last = non_negative(last_position, "a trailing window must end at a position of 0 or more");
  return std::visit(
      [&](const auto& in) -> py::object {
        using T = typename std::decay_t<decltype(in)>::value_type;
        const py::array& a = in.array();
        mask m;
        if constexpr (std::is_floating_point_v<T>)
          refuse_mask(valid, a);
        else
          m = read_mask(valid, a);
        if (in.ndim() == 1) {
          refuse_out(out, "a trailing sum of 1-D values is one number");
          const auto x = in.span();
          if constexpr (std::is_floating_point_v<T>) {
            double sum = 0;
            {
              py::gil_scoped_release nogil;
              sum = trailing_sum(x, last, count, policy);
            }
            return py::float_(sum);
          } else {
            const auto v = mask_span(m);
            std::int64_t sum = 0;
            {
              py::gil_scoped_release nogil;
              sum = trailing_sum(x, v, last, count, policy);
            }
            return py::int_(sum);
          }
        }
        const auto x = as_panel(in);
        if constexpr (std::is_floating_point_v<T>) {
          py::array result = out.is_none() ? new_array<double>({a.shape(0)}) : out_array<double>(out, "out", 1);
          const auto o = mutable_span_of<double>(result);
          {
            py::gil_scoped_release nogil;
            trailing_sum(x, last, count, o, policy);
          }
          return result;
        } else {
          const auto v = mask_panel(m);
          py::array result =
              out.is_none() ? new_array<std::int64_t>({a.shape(0)}) : out_array<std::int64_t>(out, "out", 1);
          const auto o = mutable_span_of<std::int64_t>(result);
          {
            py::gil_scoped_release nogil;
            trailing_sum(x, v, last, count, o, policy);
          }
          return result;
        }
      },
      read_values(values, dims::one_or_two));
}

py::object year_over_year(const py::object& values, long long periods_per_year, const py::object& missing,
                          const py::object& valid, const py::object& out, bool relative) {
  const missing_policy policy = to_missing_policy(missing);
  if (periods_per_year < 0) {
    throw invalid_input("a year-over-year change needs at least 1 period per year, got " +
                        std::to_string(periods_per_year));
  }
  const auto lag = static_cast<std::size_t>(periods_per_year);
  return std::visit(
      [&](const auto& in) -> py::object {
        using T = typename std::decay_t<decltype(in)>::value_type;
        const py::array& a = in.array();
        const auto x = in.span();
        if constexpr (std::is_floating_point_v<T>) {
          refuse_mask(valid, a);
          py::array result = out.is_none() ? new_array<double>({a.size()}) : out_array<double>(out, "out", 1);
          const auto o = mutable_span_of<double>(result);
          {
            py::gil_scoped_release nogil;
            if (relative)
              year_over_year_relative(x, lag, o, policy);
            else
              year_over_year_change(x, lag, o, policy);
          }
          return result;
        } else {
          const mask m = read_mask(valid, a);
          const auto v = mask_span(m);
          if (relative) {
            py::array result = out.is_none() ? new_array<double>({a.size()}) : out_array<double>(out, "out", 1);
            const auto o = mutable_span_of<double>(result);
            {
              py::gil_scoped_release nogil;
              year_over_year_relative(x, v, lag, o, policy);
            }
            return result;
          }
          auto [change, ok] = out.is_none()
                                  ? std::pair{new_array<std::int64_t>({a.size()}), new_array<bool>({a.size()})}
                                  : out_pair(out, 1);
          const auto o = mutable_span_of<std::int64_t>(change);
          const auto ov = mutable_span_of<std::uint8_t>(ok);
          {
            py::gil_scoped_release nogil;
            year_over_year_change(x, v, lag, o, ov, policy);
          }
          return masked(change, ok);
        }
      },
      read_values(values, dims::one));
}

py::object column_totals(const py::object& values, const py::object& missing, const py::object& valid,
                         const py::object& out) {
  const missing_policy policy = to_missing_policy(missing);
  return std::visit(
      [&](const auto& in) -> py::object {
        using T = typename std::decay_t<decltype(in)>::value_type;
        const py::array& a = in.array();
        const auto x = as_panel(in);
        if constexpr (std::is_floating_point_v<T>) {
          refuse_mask(valid, a);
          py::array result = out.is_none() ? new_array<double>({a.shape(1)}) : out_array<double>(out, "out", 1);
          const auto o = mutable_span_of<double>(result);
          {
            py::gil_scoped_release nogil;
            column_sums(x, o, policy);
          }
          return result;
        } else {
          const mask m = read_mask(valid, a);
          const auto v = mask_panel(m);
          auto [sums, ok] = out.is_none()
                                ? std::pair{new_array<std::int64_t>({a.shape(1)}), new_array<bool>({a.shape(1)})}
                                : out_pair(out, 1);
          const auto o = mutable_span_of<std::int64_t>(sums);
          const auto ov = mutable_span_of<std::uint8_t>(ok);
          {
            py::gil_scoped_release nogil;
            column_sums(x, v, o, ov, policy);
          }
          return masked(sums, ok);
        }
      },
      read_values(values, dims::two));
}

constexpr const char* values_doc =
    "`values`: a 1-D series or a 2-D panel (rows = series, columns = periods) of float64/float32 "
    "(NaN = missing) or integers with an optional `valid` mask (bool or uint8, False = missing). "
    "Arrays are read in place: no copy for a contiguous array or a 2-D array with contiguous columns "
    "(row slices too); a Fortran-ordered or column-strided 2-D array is refused.";

}  // namespace

missing_policy to_missing_policy(const py::handle& value) {
  if (py::isinstance<missing_policy>(value)) return value.cast<missing_policy>();
  if (py::isinstance<py::str>(value)) {
    const auto text = value.cast<std::string>();
    if (text == "skip") return missing_policy::skip;
    if (text == "as_zero") return missing_policy::as_zero;
    if (text == "reject") return missing_policy::reject;
    throw parse_error(text, "a missing policy (skip, as_zero or reject)");
  }
  throw py::type_error("missing must be kerncijfers.MissingPolicy or \"skip\"/\"as_zero\"/\"reject\", not " +
                       type_name(value));
}

rolling_options to_rolling_options(long long window, const py::handle& min_periods, const py::handle& missing) {
  if (window < 0) throw invalid_input("a rolling window needs at least 1 period, got window " + std::to_string(window));
  rolling_options options{
      .window = static_cast<std::size_t>(window), .min_periods = std::nullopt, .missing = to_missing_policy(missing)};
  if (!min_periods.is_none()) {
    if (!PyIndex_Check(min_periods.ptr()) || py::isinstance<py::bool_>(min_periods)) {
      throw py::type_error("min_periods must be an int or None, not " + type_name(min_periods));
    }
    const auto value = py::reinterpret_steal<py::int_>(PyNumber_Index(min_periods.ptr()));
    if (!value) throw py::error_already_set();
    const long long n = value.cast<long long>();
    if (n < 0) throw invalid_input("min_periods must be 0 or more, got " + std::to_string(n));
    options.min_periods = static_cast<std::size_t>(n);
  }
  return options;
}

void register_rolling(py::module_& m) {
  def_enum<missing_policy>(
      m, "MissingPolicy", "What a missing value means in a window.",
      {{"skip", missing_policy::skip, "leave it out (pandas' min_periods semantics)"},
       {"as_zero", missing_policy::as_zero, "count it as a present 0 (a period without a row had no events)"},
       {"reject", missing_policy::reject, "raise RangeError naming it"}});
  m.attr("MaskedInt64") = masked_int64_type();

  const std::string rolling_doc_tail = std::string("\n\n") + values_doc +
                                       "\n\nmin_periods: present values a window needs (default: the window); missing: "
                                       "\"skip\" (pandas), \"as_zero\" (fillna(0) first) or \"reject\" (RangeError).";
  m.def(
      "rolling_sum",
      [](const py::object& values, long long window, const py::object& min_periods, const py::object& missing,
         const py::object& valid,
         const py::object& out) { return rolling(values, window, min_periods, missing, valid, out, false); },
      py::arg("values"), py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(),
      py::arg("missing") = "skip", py::arg("valid") = py::none(), py::arg("out") = py::none(),
      ("Rolling sum over `window` periods, per row of a panel. Floats give a float64 array (NaN = missing); "
       "integers give MaskedInt64(values, valid), exact (CountOverflowError when a window does not fit in "
       "int64). out= takes a float64 array, or a pair (int64 array, bool array) for integers." +
       rolling_doc_tail)
          .c_str());
  m.def(
      "rolling_mean",
      [](const py::object& values, long long window, const py::object& min_periods, const py::object& missing,
         const py::object& valid,
         const py::object& out) { return rolling(values, window, min_periods, missing, valid, out, true); },
      py::arg("values"), py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(),
      py::arg("missing") = "skip", py::arg("valid") = py::none(), py::arg("out") = py::none(),
      ("Rolling mean over the present values of each window, as float64 (NaN = missing), per row of a "
       "panel; the sums behind integer means are exact." +
       rolling_doc_tail)
          .c_str());
  m.def("trailing_sum", &trailing, py::arg("values"), py::arg("last"), py::arg("n"), py::kw_only(),
        py::arg("missing") = "reject", py::arg("valid") = py::none(), py::arg("out") = py::none(),
        (std::string("The sum of the n values ending at position `last` (inclusive): a float or an exact int for "
                     "1-D values; for a panel one per row (float64 or int64 array, out= accepted). RangeError when "
                     "the window leaves the values and, under the default missing=\"reject\", when a value in it "
                     "is missing; under \"skip\"/\"as_zero\" missing values add nothing.\n\n") +
         values_doc)
            .c_str());
  m.def(
      "year_over_year_change",
      [](const py::object& values, long long periods_per_year, const py::object& missing, const py::object& valid,
         const py::object& out) { return year_over_year(values, periods_per_year, missing, valid, out, false); },
      py::arg("values"), py::arg("periods_per_year"), py::kw_only(), py::arg("missing") = "skip",
      py::arg("valid") = py::none(), py::arg("out") = py::none(),
      "values[t] - values[t - periods_per_year] for 1-D values: float64 (NaN for the first periods_per_year "
      "positions and where a side is missing) or, for integers, MaskedInt64, exact. missing=\"as_zero\" "
      "counts a missing side as 0; \"reject\" raises RangeError for any missing value.");
  m.def(
      "year_over_year_relative",
      [](const py::object& values, long long periods_per_year, const py::object& missing, const py::object& valid,
         const py::object& out) { return year_over_year(values, periods_per_year, missing, valid, out, true); },
      py::arg("values"), py::arg("periods_per_year"), py::kw_only(), py::arg("missing") = "skip",
      py::arg("valid") = py::none(), py::arg("out") = py::none(),
      "(values[t] - base) / base with base = values[t - periods_per_year] (0.25 = 25% up), as float64: NaN "
      "where the change is missing and where the base is 0.");
  m.def("column_sums", &column_totals, py::arg("values"), py::kw_only(), py::arg("missing") = "skip",
        py::arg("valid") = py::none(), py::arg("out") = py::none(),
        (std::string("The total of every column (period) of a 2-D panel, summed over the rows in order: float64 "
                     "(a column without any present value is NaN under \"skip\", 0 under \"as_zero\") or, for "
                     "integers, MaskedInt64, exact (CountOverflowError naming the column).\n\n") +
         values_doc)
            .c_str());
}

}  // namespace kerncijfers::python
