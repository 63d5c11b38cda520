#pragma once
// Python-side view of the four period types: the variant that lets one Python class
// (PeriodRange) hold a range of any unit, and conversions of Python dates.

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <variant>

#include <kerncijfers/count_period.hpp>
#include <kerncijfers/period_range.hpp>

namespace kerncijfers::python {

namespace py = pybind11;

using any_period = std::variant<iso_week, month, quarter, year>;
using any_period_range =
    std::variant<period_range<iso_week>, period_range<month>, period_range<quarter>, period_range<year>>;

/// What Python's PeriodRange holds: a range of any unit. (A struct rather than the bare
/// variant, so that pybind11's variant caster does not claim it.)
struct any_range {
  any_period_range value;
  friend bool operator==(const any_range&, const any_range&) = default;
};

template <class P>
inline constexpr const char* python_name = nullptr;
template <>
inline constexpr const char* python_name<iso_week> = "IsoWeek";
template <>
inline constexpr const char* python_name<month> = "Month";
template <>
inline constexpr const char* python_name<quarter> = "Quarter";
template <>
inline constexpr const char* python_name<year> = "Year";

/// A `datetime.date` (or anything with .year, .month, .day: datetime, pandas.Timestamp).
inline calendar::civil_date to_civil_date(const py::handle& value) {
  if (!py::hasattr(value, "year") || !py::hasattr(value, "month") || !py::hasattr(value, "day")) {
    throw py::type_error("expected a datetime.date, not " +
                         std::string(py::str(py::type::handle_of(value).attr("__name__"))));
  }
  const int y = value.attr("year").cast<int>();
  const unsigned m = value.attr("month").cast<unsigned>();
  const unsigned d = value.attr("day").cast<unsigned>();
  if (!calendar::is_valid_date(y, m, d))
    throw invalid_input("not a valid date: " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d));
  return calendar::to_civil(calendar::to_day_number(y, m, d));
}

inline py::object to_python_date(calendar::civil_date day) {
  static py::object date_class = py::module_::import("datetime").attr("date");
  return date_class(calendar::year_of(day), calendar::month_of(day), calendar::day_of(day));
}

/// A Python period object as the variant; TypeError for anything else.
inline any_period to_any_period(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<iso_week>(value)) return value.cast<iso_week>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  throw py::type_error("expected a period (IsoWeek, Month, Quarter or Year), not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// A window of months: a PeriodRange of Month, or a single Month.
inline period_range<month> to_month_range(const py::handle& value) {
  if (py::isinstance<month>(value)) return period_range<month>(value.cast<month>());
  if (py::isinstance<any_range>(value)) {
    const auto& r = value.cast<const any_range&>().value;
    if (const auto* months = std::get_if<period_range<month>>(&r)) return *months;
    throw py::type_error("expected a PeriodRange of Month, got a range of another unit");
  }
  throw py::type_error("expected a Month or a PeriodRange of Month, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// A window of any unit: a PeriodRange, or a single IsoWeek, Month, Quarter or Year.
inline count_window to_count_window(const py::handle& value) {
  if (py::isinstance<any_range>(value)) {
    return std::visit([](const auto& r) { return count_window(r); }, value.cast<const any_range&>().value);
  }
  if (py::isinstance<month>(value)) return period_range<month>(value.cast<month>());
  if (py::isinstance<iso_week>(value)) return period_range<iso_week>(value.cast<iso_week>());
  if (py::isinstance<quarter>(value)) return period_range<quarter>(value.cast<quarter>());
  if (py::isinstance<year>(value)) return period_range<year>(value.cast<year>());
  throw py::type_error("expected a window: a PeriodRange or a single IsoWeek, Month, Quarter or Year, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// A count window as a Python PeriodRange.
inline py::object count_window_to_python(const count_window& w) {
  return std::visit([](const auto& r) { return py::cast(any_range{r}); }, w.range());
}

/// A Python integer given as an offset, a window length or an index: anything with
/// `__index__` (int, bool, numpy integers). Python integers have no bound, so the value may
/// not fit in `long long`; `text` keeps it exactly, for messages.
struct python_integer {
  long long value = 0;  ///< the value, when `overflow` is 0
  int overflow = 0;     ///< +1 above LLONG_MAX, -1 below LLONG_MIN, else 0
  std::string text;     ///< the value in decimal, as given
};

/// `value` as a `python_integer`; nothing when it is not an integer (an operator then
/// returns NotImplemented). Never a wrapped number.
inline std::optional<python_integer> to_python_integer(const py::handle& value) {
  if (!PyIndex_Check(value.ptr())) return std::nullopt;
  const auto number = py::reinterpret_steal<py::int_>(PyNumber_Index(value.ptr()));
  if (!number) throw py::error_already_set();
  python_integer out;
  out.value = PyLong_AsLongLongAndOverflow(number.ptr(), &out.overflow);
  if (out.value == -1 && PyErr_Occurred()) throw py::error_already_set();
  out.text = py::str(number).cast<std::string>();
  return out;
}

/// A C++ range as a Python PeriodRange.
template <class P>
py::object to_python_range(const period_range<P>& r) {
  return py::cast(any_range{r});
}

}  // namespace kerncijfers::python
