// Series: kerncijfers::series<P, T> for the four period units and T in {double, int64},
// as one Python class (like PeriodRange), and YearOverYearResult.
//
// Python conventions:
//   - The dtype of the values decides T: floating-point values make a float64 series
//     (NaN = missing), integer values an int64 series with a validity mask (`valid`, bool;
//     False = missing). bool and object values are refused, and so is a float where an
//     int64 series is asked for (dtype=) and the other way round.
//   - `values` and `valid` of an int64 series are read-only numpy views of the series' own
//     memory (no copy); the array keeps the Series alive. `valid` of a float64 series is
//     computed (values that are not NaN).
//   - `s[p]` is `s.get(p)`: None when missing; `s[p] = None` marks it missing.
//   - Periods of another unit raise TypeError; periods outside the range RangeError.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "arrays.hpp"
#include "bindings.hpp"
#include "periods.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include <kerncijfers/series.hpp>

namespace kerncijfers::python {

namespace {

using series_variant = std::variant<series<iso_week, double>, series<month, double>, series<quarter, double>,
                                    series<year, double>, series<iso_week, std::int64_t>, series<month, std::int64_t>,
                                    series<quarter, std::int64_t>, series<year, std::int64_t>>;

/// What Python's Series holds (a struct so that pybind11's variant caster leaves it alone).
struct any_series {
  series_variant value;
  friend bool operator==(const any_series&, const any_series&) = default;
};

/// year_over_year_result<P, V> for any P and V.
struct any_year_over_year {
  any_series change;
  any_series relative;
  friend bool operator==(const any_year_over_year&, const any_year_over_year&) = default;
};

template <class S>
using period_of = typename std::decay_t<S>::period_type;
template <class S>
using value_of = typename std::decay_t<S>::value_type;

bool is_float_series(const any_series& s) {
  return std::visit([](const auto& x) { return std::is_floating_point_v<value_of<decltype(x)>>; }, s.value);
}

std::string type_name(const py::handle& value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

std::string dtype_text(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

template <class T>
const char* dtype_name() {
  return std::is_floating_point_v<T> ? "float64" : "int64";
}

// The period argument of a series of P; TypeError for other units and non-periods.
template <class P>
P period_arg(const py::handle& value) {
  if (py::isinstance<P>(value)) return value.cast<P>();
  const any_period other = to_any_period(value);  // TypeError for anything but a period
  throw py::type_error(std::string("a Series of ") + python_name<P> + " periods takes a " + python_name<P> + ", not " +
                       std::visit([](auto p) { return python_name<decltype(p)>; }, other));
}

// A scalar for set(): int64 series take integers only; float64 series take floats and the
// integers a float64 holds exactly.
template <class T>
T scalar_arg(const py::handle& value) {
  const bool is_bool =
      py::isinstance<py::bool_>(value) || py::isinstance(value, py::module_::import("numpy").attr("bool_"));
  if (is_bool) {
    throw invalid_input(std::string(std::is_floating_point_v<T> ? "a float64" : "an int64") +
                        " Series takes numbers, not bool");
  }
  if constexpr (std::is_floating_point_v<T>) {
    if (PyFloat_Check(value.ptr()) || py::isinstance(value, py::module_::import("numpy").attr("floating"))) {
      return value.cast<double>();
    }
    if (PyIndex_Check(value.ptr())) {
      const auto n = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
      if (!n) throw py::error_already_set();
      const double x = PyLong_AsDouble(n.ptr());
      if (x == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        throw invalid_input("the integer " + py::str(n).cast<std::string>() + " cannot be stored exactly in float64");
      }
      if (!py::int_(py::float_(x)).equal(n)) {
        throw invalid_input("the integer " + py::str(n).cast<std::string>() + " cannot be stored exactly in float64");
      }
      return x;
    }
    throw py::type_error("a float64 Series takes a number, not " + type_name(value));
  } else {
    if (!PyIndex_Check(value.ptr())) {
      if (PyFloat_Check(value.ptr()) || py::isinstance(value, py::module_::import("numpy").attr("floating"))) {
        throw invalid_input("an int64 Series takes integers, got " + type_name(value) + " " +
                            py::repr(value).cast<std::string>());
      }
      throw py::type_error("an int64 Series takes an int, not " + type_name(value));
    }
    const auto n = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
    if (!n) throw py::error_already_set();
    int overflow = 0;
    const long long x = PyLong_AsLongLongAndOverflow(n.ptr(), &overflow);
    if (overflow != 0) throw overflow_error("the value " + py::str(n).cast<std::string>() + " does not fit in int64");
    return static_cast<std::int64_t>(x);
  }
}

enum class value_kind { float64, int64 };

// dtype= of the constructor: float64 or int64 (anything numpy.dtype() accepts).
value_kind to_value_kind(const py::handle& dtype) {
  const py::dtype d = py::dtype::from_args(py::reinterpret_borrow<py::object>(dtype));
  if (d.kind() == 'f' && d.itemsize() == 8) return value_kind::float64;
  if (d.kind() == 'i' && d.itemsize() == 8) return value_kind::int64;
  throw invalid_input("a Series holds float64 or int64 values, not dtype " + py::str(d).cast<std::string>());
}

std::vector<std::uint8_t> mask_vector(const py::handle& valid) {
  py::array m = py::array::ensure(valid);
  if (!m) throw invalid_input("valid must be an array of bools, got " + type_name(valid));
  if (m.dtype().itemsize() != 1 || (m.dtype().kind() != 'b' && m.dtype().kind() != 'u')) {
    throw invalid_input("valid must be a bool or uint8 array (False = missing), got dtype " + dtype_text(m));
  }
  const auto bytes = std::get<0>(read_array<std::uint8_t>(m.view("uint8"), "valid"));
  const auto span = bytes.span();
  return {span.begin(), span.end()};
}

any_series make_series(const any_range& r, const py::object& values, const py::object& valid, const py::object& dtype) {
  const std::optional<value_kind> asked = dtype.is_none() ? std::nullopt : std::optional(to_value_kind(dtype));
  if (values.is_none()) {
    if (!valid.is_none()) throw invalid_input("valid needs values to go with it");
    const value_kind kind = asked.value_or(value_kind::float64);
    return std::visit(
        [kind](const auto& range) -> any_series {
          using P = typename std::decay_t<decltype(range)>::value_type;
          if (kind == value_kind::float64) return {series<P, double>(range)};
          return {series<P, std::int64_t>(range)};
        },
        r.value);
  }
  py::array a = py::array::ensure(values);
  if (!a) throw invalid_input("values must be an array of numbers, got " + type_name(values));
  const char kind = a.dtype().kind();
  value_kind chosen{};
  if (kind == 'f')
    chosen = value_kind::float64;
  else if (kind == 'i' || kind == 'u')
    chosen = value_kind::int64;
  else
    throw invalid_input("Series values must hold numbers (floats with NaN for missing, or integers), got dtype " +
                        dtype_text(a));
  if (asked == value_kind::float64 && chosen == value_kind::int64) {
    throw invalid_input("values must hold floating-point numbers for a float64 Series (NaN = missing), got dtype " +
                        dtype_text(a));
  }
  if (asked == value_kind::int64 && chosen == value_kind::float64) {
    throw invalid_input("values must hold integers for an int64 Series, got dtype " + dtype_text(a));
  }
  if (chosen == value_kind::float64) {
    if (!valid.is_none()) {
      throw invalid_input("valid is only for integer values; " + dtype_text(a) +
                          " values mark a missing value with NaN");
    }
    const auto converted = std::get<0>(read_array<double>(values, "values"));  // float16/32 widen exactly
    const auto span = converted.span();
    std::vector<double> data(span.begin(), span.end());
    return std::visit(
        [&data](const auto& range) -> any_series {
          using P = typename std::decay_t<decltype(range)>::value_type;
          return {series<P, double>(range, std::move(data))};
        },
        r.value);
  }
  const auto ints = to_int64_array(values, "values");
  const auto span = ints.span();
  std::vector<std::int64_t> data(span.begin(), span.end());
  std::vector<std::uint8_t> mask;
  if (!valid.is_none()) {
    mask = mask_vector(valid);
    // The C++ reads an empty mask as "all present"; from Python that is valid=None.
    if (mask.empty()) {
      std::visit(
          [](const auto& range) {
            throw invalid_input("a series over " + range.iso() + " needs " + std::to_string(range.size()) +
                                " validity mask entries, got 0");
          },
          r.value);
    }
  }
  return std::visit(
      [&](const auto& range) -> any_series {
        using P = typename std::decay_t<decltype(range)>::value_type;
        return {series<P, std::int64_t>(range, std::move(data), std::move(mask))};
      },
      r.value);
}

// A read-only numpy array over memory the Series owns; the array's base keeps it alive.
template <class T>
py::array view(const py::object& owner, const py::dtype& dtype, const T* data, std::size_t n) {
  py::array a(dtype, std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)},
              std::vector<py::ssize_t>{static_cast<py::ssize_t>(sizeof(T))}, data, owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

py::array values_view(const py::object& self) {
  return std::visit(
      [&self](const auto& s) {
        using T = value_of<decltype(s)>;
        return view(self, py::dtype::of<T>(), s.values().data(), s.size());
      },
      self.cast<const any_series&>().value);
}

py::array valid_view(const py::object& self) {
  return std::visit(
      [&self](const auto& s) -> py::array {
        using T = value_of<decltype(s)>;
        if constexpr (std::is_floating_point_v<T>) {
          py::array_t<bool> mask(static_cast<py::ssize_t>(s.size()));
          auto* out = mask.mutable_data();
          for (std::size_t i = 0; i < s.size(); ++i) out[i] = !s.missing_at(i);
          mask.attr("setflags")(py::arg("write") = false);
          return mask;
        } else {
          return view(self, py::dtype::of<bool>(), s.valid().data(), s.size());
        }
      },
      self.cast<const any_series&>().value);
}

// Pickled state: (range, values, valid) as plain Python lists (valid None for float64), so
// that pickles do not depend on numpy's own pickle format.
py::tuple state_of(const py::object& self) {
  const auto& s = self.cast<const any_series&>();
  const py::object values = values_view(self).attr("tolist")();
  const py::object valid = is_float_series(s) ? py::object(py::none()) : valid_view(self).attr("tolist")();
  return py::make_tuple(std::visit([](const auto& x) { return any_range{x.range()}; }, s.value), values, valid);
}

std::string element_repr(double x) { return py::repr(py::float_(x)).cast<std::string>(); }
std::string element_repr(std::int64_t x) { return std::to_string(x); }

std::string repr(const any_series& s) {
  return std::visit(
      [](const auto& x) {
        using T = value_of<decltype(x)>;
        constexpr std::size_t shown = 5;  // at each end of a long series
        std::string text = "Series(" + x.range().iso() + " [";
        const std::size_t n = x.size();
        for (std::size_t i = 0; i < n; ++i) {
          if (n > 2 * shown + 1 && i == shown) {
            text += ", ...";
            i = n - shown - 1;
            continue;
          }
          if (i > 0) text += ", ";
          text += x.missing_at(i) ? std::string("NA") : element_repr(x.values()[i]);
        }
        return text + "], dtype=" + dtype_name<T>() + ")";
      },
      s.value);
}

template <class F>
auto visit(const any_series& s, F&& f) {
  return std::visit(std::forward<F>(f), s.value);
}

// The computations, shared by the methods and the module-level overloads.

any_series do_rolling(const any_series& s, long long window, const py::object& min_periods, const py::object& missing,
                      bool mean) {
  const rolling_options options = to_rolling_options(window, min_periods, missing);
  return visit(s, [&options, mean](const auto& x) -> any_series {
    py::gil_scoped_release nogil;
    if (mean) return {rolling_mean(x, options)};
    return {rolling_sum(x, options)};
  });
}

py::object do_trailing(const any_series& s, const py::object& last, const py::handle& n_arg,
                       const py::object& missing) {
  const missing_policy policy = to_missing_policy(missing);
  // Any Python integer: one beyond int64 is refused in periods, never wrapped or refused
  // as an "incompatible argument".
  const auto length = to_python_integer(n_arg);
  if (!length) {
    throw py::type_error("trailing_sum: n must be an integer, not " +
                         std::string(py::str(py::type::handle_of(n_arg).attr("__name__"))));
  }
  return visit(s, [&](const auto& x) -> py::object {
    using P = period_of<decltype(x)>;
    using T = value_of<decltype(x)>;
    const P end = period_arg<P>(last);
    if (length->overflow < 0 || (length->overflow == 0 && length->value < 0)) {
      throw range_error("a trailing window needs at least 1 period, got " + length->text + " ending at " + end.iso());
    }
    if (length->overflow > 0) detail::throw_bad_trailing(end, length->text, true);
    const long long n = length->value;
    sum_value_t<T> sum{};
    {
      py::gil_scoped_release nogil;
      sum = trailing_sum(x, end, static_cast<std::size_t>(n), policy);
    }
    if constexpr (std::is_floating_point_v<T>)
      return py::float_(sum);
    else
      return py::int_(sum);
  });
}

any_year_over_year do_year_over_year(const any_series& s, const py::object& missing) {
  const missing_policy policy = to_missing_policy(missing);
  return visit(s, [policy](const auto& x) -> any_year_over_year {
    py::gil_scoped_release nogil;
    auto result = year_over_year(x, policy);
    return {{std::move(result.change)}, {std::move(result.relative)}};
  });
}

bool same_unit(const any_series& a, const any_series& b) {
  return std::visit(
      [](const auto& x, const auto& y) { return std::is_same_v<period_of<decltype(x)>, period_of<decltype(y)>>; },
      a.value, b.value);
}

any_year_over_year make_year_over_year(const any_series& change, const any_series& relative) {
  if (!same_unit(change, relative)) throw py::type_error("change and relative must be Series of one period unit");
  if (!is_float_series(relative)) throw py::type_error("relative must be a float64 Series");
  const auto range_of = [](const any_series& s) {
    return visit(s, [](const auto& x) { return any_range{x.range()}; });
  };
  if (!(range_of(change) == range_of(relative))) throw invalid_input("change and relative must cover the same periods");
  return {change, relative};
}

}  // namespace

void register_series(py::module_& m) {
  py::class_<any_series> cls(
      m, "Series",
      "One value for every period of a PeriodRange, some possibly missing: float64 (NaN = missing) or int64 "
      "with a validity mask. Series(range, values, valid=None, *, dtype=None): the dtype of `values` decides "
      "(floats -> float64, integers -> int64; `valid` only for integers); without values every value is "
      "missing. `values`/`valid` are read-only views of the series' own memory; s[p] is s.get(p).");
  cls.def(py::init(&make_series), py::arg("range"), py::arg("values") = py::none(), py::arg("valid") = py::none(),
          py::kw_only(), py::arg("dtype") = py::none())
      .def_property_readonly(
          "range", [](const any_series& s) { return visit(s, [](const auto& x) { return any_range{x.range()}; }); })
      .def_property_readonly(
          "first", [](const any_series& s) { return visit(s, [](const auto& x) { return py::cast(x.first()); }); })
      .def_property_readonly(
          "last", [](const any_series& s) { return visit(s, [](const auto& x) { return py::cast(x.last()); }); })
      .def_property_readonly(
          "unit",
          [](const any_series& s) {
            return visit(s, [](const auto& x) { return py::object(py::type::of<period_of<decltype(x)>>()); });
          },
          "The period class (Month, ...).")
      .def_property_readonly(
          "dtype",
          [](const any_series& s) {
            return visit(s, [](const auto& x) { return py::dtype::of<value_of<decltype(x)>>(); });
          },
          "numpy.dtype('float64') or numpy.dtype('int64').")
      .def_property_readonly("values", &values_view,
                             "The values in period order as a read-only numpy view of the series' memory (no copy); "
                             "int64 series hold 0 where a value is missing.")
      .def_property_readonly("valid", &valid_view,
                             "True where a value is present: for int64 series a read-only view of the mask, for "
                             "float64 series computed (not NaN).")
      .def("size", [](const any_series& s) { return visit(s, [](const auto& x) { return x.size(); }); })
      .def("__len__", [](const any_series& s) { return visit(s, [](const auto& x) { return x.size(); }); })
      .def(
          "__contains__",
          [](const any_series& s, const py::object& p) {
            return visit(s, [&p](const auto& x) {
              using P = period_of<decltype(x)>;
              return py::isinstance<P>(p) && x.contains(p.cast<P>());
            });
          },
          "True for a period of the series' unit inside its range (False for anything else).")
      .def(
          "is_missing",
          [](const any_series& s, const py::object& p) {
            return visit(s, [&p](const auto& x) { return x.is_missing(period_arg<period_of<decltype(x)>>(p)); });
          },
          py::arg("period"))
      .def(
          "at",
          [](const any_series& s, const py::object& p) {
            return visit(s, [&p](const auto& x) { return py::cast(x.at(period_arg<period_of<decltype(x)>>(p))); });
          },
          py::arg("period"),
          "The value for `period`: NaN when missing in a float64 series; InvalidInput naming the period when "
          "missing in an int64 series. RangeError outside the series.")
      .def(
          "get",
          [](const any_series& s, const py::object& p) {
            return visit(s, [&p](const auto& x) { return py::cast(x.get(period_arg<period_of<decltype(x)>>(p))); });
          },
          py::arg("period"), "The value for `period`, or None when it is missing.")
      .def("__getitem__",
           [](const any_series& s, const py::object& p) {
             return visit(s, [&p](const auto& x) { return py::cast(x.get(period_arg<period_of<decltype(x)>>(p))); });
           })
      .def(
          "set",
          [](any_series& s, const py::object& p, const py::object& value) {
            std::visit(
                [&](auto& x) {
                  x.set(period_arg<period_of<decltype(x)>>(p), scalar_arg<value_of<decltype(x)>>(value));
                },
                s.value);
          },
          py::arg("period"), py::arg("value"), "Sets the value for `period` (NaN marks a float64 value missing).")
      .def(
          "set_missing",
          [](any_series& s, const py::object& p) {
            std::visit([&](auto& x) { x.set_missing(period_arg<period_of<decltype(x)>>(p)); }, s.value);
          },
          py::arg("period"))
      .def("__setitem__",
           [](any_series& s, const py::object& p, const py::object& value) {
             std::visit(
                 [&](auto& x) {
                   const auto period = period_arg<period_of<decltype(x)>>(p);
                   if (value.is_none())
                     x.set_missing(period);
                   else
                     x.set(period, scalar_arg<value_of<decltype(x)>>(value));
                 },
                 s.value);
           })
      .def(
          "rolling_sum",
          [](const any_series& s, long long window, const py::object& min_periods, const py::object& missing) {
            return do_rolling(s, window, min_periods, missing, false);
          },
          py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(), py::arg("missing") = "skip",
          "Rolling sum over `window` periods (min_periods present values needed, default all): float64 for a "
          "float64 series, exact int64 for an int64 series. missing=\"reject\" raises RangeError naming the periods.")
      .def(
          "rolling_mean",
          [](const any_series& s, long long window, const py::object& min_periods, const py::object& missing) {
            return do_rolling(s, window, min_periods, missing, true);
          },
          py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(), py::arg("missing") = "skip",
          "Rolling mean over the present values of each window, as a float64 series.")
      .def("trailing_sum", &do_trailing, py::arg("last"), py::arg("n"), py::kw_only(), py::arg("missing") = "reject",
           "The sum over the n periods ending at `last`: s.trailing_sum(Month(2021, 5), 12) sums June 2020 to "
           "May 2021 (float, or an exact int for int64 series). RangeError naming the periods the window lacks "
           "or, under the default missing=\"reject\", the missing ones.")
      .def("year_over_year", &do_year_over_year, py::kw_only(), py::arg("missing") = "skip",
           "The change from the same period one year earlier (12 months, 4 quarters, 1 year; the same ISO week "
           "number) and that change relative to the earlier value: YearOverYearResult(change, relative).")
      .def("__repr__", &repr)
      .def("__str__", [](const any_series& s) {
        return visit(s, [](const auto& x) {
          std::ostringstream out;
          out << x;
          return out.str();
        });
      });
  // Iterating would be ambiguous (periods or values?): use .range and .values.
  cls.attr("__iter__") = py::none();
  def_equality<any_series>(cls);
  def_copy<any_series>(cls);
  def_pickle<any_series>(
      cls, [](const any_series& s) { return state_of(py::cast(s, py::return_value_policy::reference)); },
      [](const py::tuple& state) {
        if (state.size() != 3) throw std::runtime_error("kerncijfers: invalid pickled Series state");
        return make_series(state[0].cast<const any_range&>(), state[1], state[2], py::none());
      });

  py::class_<any_year_over_year> yoy(m, "YearOverYearResult",
                                     "The change from one year earlier and the relative change, both Series over "
                                     "the range of the input.");
  yoy.def(py::init(&make_year_over_year), py::arg("change"), py::arg("relative"))
      .def_property_readonly(
          "change", [](const any_year_over_year& r) { return r.change; },
          "value - value one year earlier (exact int64 for an int64 series)")
      .def_property_readonly(
          "relative", [](const any_year_over_year& r) { return r.relative; },
          "change / value one year earlier (float64); missing where that is 0")
      .def("__repr__", [](const any_year_over_year& r) {
        return "YearOverYearResult(change=" + repr(r.change) + ", relative=" + repr(r.relative) + ")";
      });
  def_equality<any_year_over_year>(yoy);
  def_copy<any_year_over_year>(yoy);
  def_pickle<any_year_over_year>(
      yoy, [](const any_year_over_year& r) { return py::make_tuple(r.change, r.relative); },
      [](const py::tuple& state) {
        if (state.size() != 2) throw std::runtime_error("kerncijfers: invalid pickled YearOverYearResult state");
        return make_year_over_year(state[0].cast<const any_series&>(), state[1].cast<const any_series&>());
      });

  // The C++ free functions over a series. Registered before register_rolling's array
  // versions of the same names, so that pybind11 tries these first.
  m.def(
      "rolling_sum",
      [](const any_series& s, long long window, const py::object& min_periods, const py::object& missing) {
        return do_rolling(s, window, min_periods, missing, false);
      },
      py::arg("values"), py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(),
      py::arg("missing") = "skip", "Series.rolling_sum as a function.");
  m.def(
      "rolling_mean",
      [](const any_series& s, long long window, const py::object& min_periods, const py::object& missing) {
        return do_rolling(s, window, min_periods, missing, true);
      },
      py::arg("values"), py::arg("window"), py::kw_only(), py::arg("min_periods") = py::none(),
      py::arg("missing") = "skip", "Series.rolling_mean as a function.");
  m.def("trailing_sum", &do_trailing, py::arg("values"), py::arg("last"), py::arg("n"), py::kw_only(),
        py::arg("missing") = "reject", "Series.trailing_sum as a function (`last` is a period).");
  m.def("year_over_year", &do_year_over_year, py::arg("series"), py::kw_only(), py::arg("missing") = "skip",
        "Series.year_over_year as a function.");
}

}  // namespace kerncijfers::python
