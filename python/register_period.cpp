// IsoWeek, Month, Quarter, Year: kerncijfers::period<Unit> for each unit.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/period.hpp>

namespace kerncijfers::python {

namespace {

template <class P>
std::string repr(const P& p) {
  if constexpr (P::per_year == 1) {
    return std::string(python_name<P>) + "(" + std::to_string(p.year()) + ")";
  } else {
    return std::string(python_name<P>) + "(" + std::to_string(p.year()) + ", " + std::to_string(p.index()) + ")";
  }
}

// p + n or p - n for any Python integer n; NotImplemented for anything else. An n beyond
// int64 lies beyond years 1-9999 whichever period it is added to: the same message as C++,
// naming n exactly as given.
template <class P>
py::object shift(const P& p, const py::handle& n, bool subtract) {
  const auto offset = to_python_integer(n);
  if (!offset) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  if (offset->overflow != 0)
    detail::throw_offset_outside(p, subtract ? "-" : "+", offset->text, (offset->overflow > 0) != subtract);
  return py::cast(subtract ? p - offset->value : p + offset->value);
}

template <class P>
py::class_<P> bind_period(py::module_& m, const char* doc) {
  py::class_<P> cls(m, python_name<P>, doc);
  if constexpr (P::per_year == 1) {
    cls.def(py::init<int>(), py::arg("year"));
  } else {
    cls.def(
        py::init([](int y, long long index) {
          // Python ints can be negative or huge: reject them before the unsigned
          // conversion, naming the value as given.
          if (index < 0 || index > 1000) {
            throw invalid_input(std::string(python_name<P>) + " index " + std::to_string(index) + " is out of range");
          }
          return P(y, static_cast<unsigned>(index));
        }),
        py::arg("year"), py::arg("index"));
  }
  cls.def_static("parse", &P::parse, py::arg("text"),
                 "Parses the ISO 8601 form (\"2021-05\", \"2021-W19\", \"2021-Q2\", \"2021\").")
      .def_static(
          "from_serial",
          [](const py::handle& serial) {
            const auto number = to_python_integer(serial);
            if (!number)
              throw py::type_error(std::string(python_name<P>) + ".from_serial needs an integer serial, not " +
                                   std::string(py::str(py::type::handle_of(serial).attr("__name__"))));
            if (number->overflow != 0) detail::throw_serial_outside<typename P::unit>(number->text);
            return P::from_serial(number->value);
          },
          py::arg("serial"), "The period with the given integer serial.")
      .def_static(
          "containing", [](const py::object& day) { return P::containing(to_civil_date(day)); }, py::arg("day"),
          "The period that contains a datetime.date.")
      .def_property_readonly("year", &P::year, "Calendar year (for ISO weeks: the ISO year).")
      .def_property_readonly("index", &P::index, "Month 1-12, quarter 1-4, ISO week 1-53; 1 for a year.")
      .def_property_readonly("serial", &P::serial, "The integer serial behind the period.")
      .def(
          "first_day", [](const P& p) { return to_python_date(p.first_day()); }, "First day as datetime.date.")
      .def(
          "last_day", [](const P& p) { return to_python_date(p.last_day()); }, "Last day as datetime.date.")
      .def("days", &P::days, "Number of days in the period.")
      .def("iso", &P::iso, "ISO 8601 form.")
      .def(
          "label", [](const P& p, const py::object& lang) { return p.label(to_language(lang)); },
          py::arg("lang") = "nl",
          "Label for text: 'mei 2021' / 'May 2021', 'week 19 2021', '2e kwartaal 2021' / 'Q2 2021'.")
      .def("__repr__", &repr<P>)
      .def("__str__", &P::iso)
      .def(
          "__add__", [](const P& p, const py::handle& n) { return shift(p, n, false); }, py::is_operator())
      .def(
          "__radd__", [](const P& p, const py::handle& n) { return shift(p, n, false); }, py::is_operator())
      .def(
          "__sub__", [](const P& a, const P& b) { return a - b; }, py::is_operator())
      .def(
          "__sub__", [](const P& p, const py::handle& n) { return shift(p, n, true); }, py::is_operator());
  def_equality<P>(cls);
  def_ordering<P>(cls);
  def_hash<P>(cls);
  def_copy<P>(cls);
  def_pickle<P>(
      cls, [](const P& p) { return py::make_tuple(p.iso()); },
      [](const py::tuple& state) { return P::parse(state[0].cast<std::string>()); });
  return cls;
}

template <class To>
void def_conversion(py::module_& m, const char* name) {
  m.def(
      name,
      [](const py::object& value) -> To {
        return std::visit(
            [](auto p) -> To {
              using From = decltype(p);
              if constexpr (unit_rank_v<typename To::unit> >= unit_rank_v<typename From::unit>) {
                return period_cast<To>(p);
              } else {
                throw py::type_error(std::string("cannot convert ") + python_name<From> + " to the finer unit " +
                                     python_name<To>);
              }
            },
            to_any_period(value));
      },
      py::arg("period"));
}

}  // namespace

void register_period(py::module_& m) {
  bind_period<iso_week>(m, "An ISO 8601 week (Monday to Sunday), e.g. IsoWeek(2021, 19) = 2021-W19.");
  bind_period<month>(m, "A calendar month, e.g. Month(2021, 5) = 2021-05.");
  bind_period<quarter>(m, "A calendar quarter, e.g. Quarter(2021, 2) = 2021-Q2.");
  bind_period<year>(m, "A calendar year, e.g. Year(2021).");
  def_conversion<month>(m, "to_month");
  def_conversion<quarter>(m, "to_quarter");
  def_conversion<year>(m, "to_year");
  m.def(
      "iso_weeks_in_year",
      [](int y) {
        if (!calendar::is_valid_year(y)) throw invalid_input("year " + std::to_string(y) + " is outside 1-9999");
        return calendar::iso_weeks_in_year(y);
      },
      py::arg("year"), "Number of ISO weeks (52 or 53) in an ISO year.");
}

}  // namespace kerncijfers::python
