// DesignationStatus, DatePrecision, Designation, SafeCountryList: safe countries of
// origin as dated intervals (kerncijfers/safe_countries.hpp).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/safe_countries.hpp>

namespace kerncijfers::python {

namespace {

// A designation date from Python's (datetime.date or None, DatePrecision) pair.
std::optional<imprecise_date> to_date(const py::object& value, date_precision precision) {
  if (value.is_none()) return std::nullopt;
  return imprecise_date{calendar::to_day_number(to_civil_date(value)), precision};
}

py::object from_date(const std::optional<imprecise_date>& date) {
  if (!date) return py::none();
  return to_python_date(calendar::to_civil(date->day));
}

// Python keeps a precision beside an absent date (day, its default).
date_precision precision_of(const std::optional<imprecise_date>& date) {
  return date ? date->precision : date_precision::day;
}

// Pickles store a designation date as (day number or None, precision number).
std::optional<imprecise_date> unpickle_date(const py::handle& day, const py::handle& precision) {
  if (day.is_none()) return std::nullopt;
  return imprecise_date{day.cast<calendar::day_number>(), static_cast<date_precision>(precision.cast<int>())};
}

// A period of any unit (by the last-day rule) or a datetime.date.
template <class Result, class ForPeriod, class ForDate>
Result dispatch_when(const py::object& when, ForPeriod for_period, ForDate for_date) {
  if (py::isinstance<month>(when) || py::isinstance<iso_week>(when) || py::isinstance<quarter>(when) ||
      py::isinstance<year>(when)) {
    return std::visit(for_period, to_any_period(when));
  }
  return for_date(to_civil_date(when));
}

}  // namespace

void register_safe_countries(py::module_& m) {
  def_enum<designation_status>(m, "DesignationStatus", "Answer to 'designated safe then?': safe, not_safe or unknown.",
                               {{"safe", designation_status::safe},
                                {"not_safe", designation_status::not_safe},
                                {"unknown", designation_status::unknown}});
  // No week: a designation date is a day or a month (the loaders refuse weeks).
  def_enum<date_precision>(m, "DatePrecision", "How precise a designation date is in its sources.",
                           {{"day", date_precision::day}, {"month", date_precision::month}});

  py::class_<designation> des(m, "Designation",
                              "One interval of one country on a safe-country list, with its sources.");
  des.def(py::init([](nationality country, const py::object& from, date_precision from_precision, bool from_known,
                      const py::object& to, date_precision to_precision, bool to_known, std::string note,
                      std::string source) {
            return designation{country,          to_date(from, from_precision),
                               from_known,       to_date(to, to_precision),
                               to_known,         std::move(note),
                               std::move(source)};
          }),
          py::arg("country"), py::arg("from_") = py::none(), py::arg("from_precision") = date_precision::day,
          py::arg("from_known") = true, py::arg("to") = py::none(), py::arg("to_precision") = date_precision::day,
          py::arg("to_known") = true, py::arg("note") = "", py::arg("source") = "")
      .def_readonly("country", &designation::country)
      .def_property_readonly(
          "from_", [](const designation& d) { return from_date(d.from); }, "Start day (or None).")
      .def_property_readonly(
          "from_precision", [](const designation& d) { return precision_of(d.from); },
          "Whether ``from_`` is a day or stands for its month.")
      .def_readonly("from_known", &designation::from_known)
      .def_property_readonly(
          "to", [](const designation& d) { return from_date(d.to); }, "Exclusive end day (or None).")
      .def_property_readonly(
          "to_precision", [](const designation& d) { return precision_of(d.to); },
          "Whether ``to`` is a day or stands for its month.")
      .def_readonly("to_known", &designation::to_known)
      .def_readonly("note", &designation::note)
      .def_readonly("source", &designation::source)
      .def("from_text", &designation::from_text)
      .def("to_text", &designation::to_text)
      .def("describe", &designation::describe)
      .def(
          "status_on",
          [](const designation& d, const py::object& day) {
            return d.status_on(calendar::to_day_number(to_civil_date(day)));
          },
          py::arg("day"), "Status on a day by this interval alone.")
      .def("__repr__", [](const designation& d) { return "<Designation " + d.describe() + ">"; });
  def_equality<designation>(des);
  def_hash<designation>(des);
  def_copy<designation>(des);
  def_pickle<designation>(
      des,
      [](const designation& d) {
        return py::make_tuple(std::string(d.country.alpha3()), d.from ? py::object(py::int_(d.from->day)) : py::none(),
                              static_cast<int>(precision_of(d.from)), d.from_known,
                              d.to ? py::object(py::int_(d.to->day)) : py::none(), static_cast<int>(precision_of(d.to)),
                              d.to_known, d.note, d.source);
      },
      [](const py::tuple& s) {
        return designation{nationality::from_alpha3(s[0].cast<std::string>()),
                           unpickle_date(s[1], s[2]),
                           s[3].cast<bool>(),
                           unpickle_date(s[4], s[5]),
                           s[6].cast<bool>(),
                           s[7].cast<std::string>(),
                           s[8].cast<std::string>()};
      });

  py::class_<safe_country_list> list(m, "SafeCountryList",
                                     "A safe-country list as dated intervals. Periods are judged by their last day.");
  list.def(py::init<std::vector<designation>>(), py::arg("designations"))
      .def(
          "status",
          [](const safe_country_list& l, nationality n, const py::object& when) {
            return dispatch_when<designation_status>(
                when, [&](auto p) { return l.status(n, p); }, [&](calendar::civil_date d) { return l.status(n, d); });
          },
          py::arg("nationality"), py::arg("when"), "safe / not_safe / unknown for a period (last-day rule) or a date.")
      .def(
          "is_safe",
          [](const safe_country_list& l, nationality n, const py::object& when) {
            return dispatch_when<bool>(
                when, [&](auto p) { return l.is_safe(n, p); }, [&](calendar::civil_date d) { return l.is_safe(n, d); });
          },
          py::arg("nationality"), py::arg("when"), "True/False; raises UnknownDesignation when the sources cannot say.")
      .def("designations",
           [](const safe_country_list& l) {
             return std::vector<designation>(l.designations().begin(), l.designations().end());
           })
      .def(
          "designations_of",
          [](const safe_country_list& l, nationality n) {
            const auto span = l.designations_of(n);
            return std::vector<designation>(span.begin(), span.end());
          },
          py::arg("nationality"))
      .def("countries", &safe_country_list::countries, "Every country the list names.")
      .def(
          "countries_on",
          [](const safe_country_list& l, const py::object& when) {
            return dispatch_when<std::vector<nationality>>(
                when, [&](auto p) { return l.countries_on(p); },
                [&](calendar::civil_date d) { return l.countries_on(d); });
          },
          py::arg("when"), "Countries certainly designated safe then.")
      .def(
          "countries_unknown_on",
          [](const safe_country_list& l, const py::object& when) {
            return dispatch_when<std::vector<nationality>>(
                when, [&](auto p) { return l.countries_unknown_on(p); },
                [&](calendar::civil_date d) { return l.countries_unknown_on(d); });
          },
          py::arg("when"), "Countries whose status the sources cannot settle then.")
      .def("__len__", &safe_country_list::size)
      .def("__repr__", [](const safe_country_list& l) {
        return "<SafeCountryList of " + std::to_string(l.size()) + " designations>";
      });
  def_equality<safe_country_list>(list);
  def_copy<safe_country_list>(list);
  def_pickle<safe_country_list>(
      list,
      [](const safe_country_list& l) {
        return py::make_tuple(py::cast(std::vector<designation>(l.designations().begin(), l.designations().end())));
      },
      [](const py::tuple& s) { return safe_country_list(s[0].cast<std::vector<designation>>()); });

  m.def("nl_safe_countries", &nl_safe_countries, py::return_value_policy::copy,
        "The Dutch list of safe countries of origin (data/nl_safe_countries.csv).");
  m.def(
      "load_safe_countries", [](const std::filesystem::path& path) { return load_safe_countries(path); },
      py::arg("path"), py::call_guard<py::gil_scoped_release>(),
      "Reads a list in the format of data/nl_safe_countries.csv.");
}

}  // namespace kerncijfers::python
