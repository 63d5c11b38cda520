// The methods of compiled classes whose body is written in Python: DataFrames
// (kerncijfers.pandas, so that pandas stays optional) and notebook display
// (kerncijfers._display). They are pybind11 methods like any other -- defined here, in
// C++, when the module is created, with their signatures and docstrings -- that import
// their Python helper when called. Registered last: the classes must exist.
#include <string>

#include "bindings.hpp"

namespace kerncijfers::python {

namespace {

// kerncijfers.pandas, or ImportError with the install hint when pandas is what is missing.
py::module_ pandas_helpers() {
  try {
    return py::module_::import("kerncijfers.pandas");
  } catch (py::error_already_set& error) {
    if (!error.matches(PyExc_ModuleNotFoundError)) throw;
    const py::object missing = error.value().attr("name");
    const std::string name = missing.is_none() ? std::string() : missing.cast<std::string>();
    if (name != "pandas" && name.rfind("pandas.", 0) != 0) throw;
    const std::string message = "kerncijfers: DataFrames need pandas, which cannot be imported (" +
                                py::str(error.value()).cast<std::string>() +
                                "); install it with: pip install 'kerncijfers[pandas]'";
    py::raise_from(error, PyExc_ImportError, message.c_str());
    throw py::error_already_set();
  }
}

// Refuses an object whose __init__ never ran with the module's "not initialised" TypeError
// (repr reaches the C++ object, module.cpp), before any helper is imported.
void require_initialised(const py::object& self) {
  // repr reaches the C++ object of the tables, == that of the figures (InfluxFigure's repr does not).
  static_cast<void>(py::repr(self));
  static_cast<void>(self.attr("__eq__")(self));  // not equal(): it short-cuts identity
}

void def_to_frame(const py::object& cls, bool table) {
  const char* doc = "This object as a tidy pandas DataFrame (see kerncijfers.pandas.to_frame); needs pandas.";
  if (table) {
    def_method(
        cls, "to_frame",
        [](const py::object& self, bool superseded) {
          require_initialised(self);
          return pandas_helpers().attr("to_frame")(self, py::arg("superseded") = superseded);
        },
        py::kw_only(), py::arg("superseded") = false, doc);
  } else {
    def_method(
        cls, "to_frame",
        [](const py::object& self) {
          require_initialised(self);
          return pandas_helpers().attr("to_frame")(self);
        },
        doc);
  }
}

// `method` of `cls` returns kerncijfers._display.<function>(self).
void def_display(const py::object& cls, const char* method, const char* function) {
  def_method(cls, method, [function](const py::object& self) {
    require_initialised(self);
    return py::module_::import("kerncijfers._display").attr(function)(self);
  });
}

}  // namespace

void register_python_methods(py::module_& m) {
  for (const char* name : {"CountsTable", "DeparturesTable"}) def_to_frame(m.attr(name), true);
  for (const char* name :
       {"DistributionFigure", "SafeShareFigure", "DeparturesFigure", "InfluxFigure", "KeyFigures", "Series"}) {
    def_to_frame(m.attr(name), false);
  }
  def_method(
      m.attr("Series"), "to_pandas",
      [](const py::object& self, const py::object& name) {
        require_initialised(self);
        return pandas_helpers().attr("to_pandas")(self, name);
      },
      py::arg("name") = py::none(),
      "This series as a pandas.Series with a PeriodIndex (see kerncijfers.pandas.to_pandas); needs pandas.");

  // Rich display in Jupyter (kerncijfers._display says what each shows).
  def_display(m.attr("KeyFigures"), "_repr_html_", "key_figures_html");
  def_display(m.attr("KeyFigures"), "_repr_markdown_", "key_figures_markdown");
  def_display(m.attr("WeeklyInfluxFigure"), "_repr_html_", "weekly_influx_html");
  def_display(m.attr("WeeklyInfluxFigure"), "_repr_markdown_", "weekly_influx_markdown");
  def_display(m.attr("DistributionFigure"), "_repr_html_", "distribution_html");
  def_display(m.attr("SafeShareFigure"), "_repr_html_", "safe_share_html");
  def_display(m.attr("DeparturesFigure"), "_repr_html_", "departures_html");
  def_display(m.attr("CountsTable"), "_repr_html_", "counts_table_html");
  def_display(m.attr("Series"), "_repr_html_", "series_html");
}

}  // namespace kerncijfers::python
