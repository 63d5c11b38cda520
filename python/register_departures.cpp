// DepartureGroup, DepartureMode, DepartureRow, DepartureTotals, DepartureLookup,
// DeparturesTable and the CSV reader (kerncijfers/departures.hpp).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/departures.hpp>

namespace kerncijfers::python {

namespace {

period_range<month> to_departure_period(const py::handle& value) {
  if (py::isinstance<py::str>(value)) return parse_departure_period(value.cast<std::string>());
  if (py::isinstance<year>(value)) return subperiods<month>(value.cast<year>());
  return to_month_range(value);
}

}  // namespace

void register_departures(py::module_& m) {
  const py::object group =
      def_enum<departure_group>(m, "DepartureGroup", "Whose departures: all, or criminal aliens (a subset).",
                                {{"all", departure_group::all}, {"criminal", departure_group::criminal}});
  def_method(
      group, "label",
      [](departure_group g, const py::object& lang) { return std::string(label(g, to_language(lang))); },
      py::arg("lang") = "nl");
  const py::object mode = def_enum<departure_mode>(
      m, "DepartureMode", "How they left: independent or forced (both under supervision), or unsupervised.",
      {{"independent", departure_mode::independent},
       {"forced", departure_mode::forced},
       {"unsupervised", departure_mode::unsupervised}});
  def_method(
      mode, "label", [](departure_mode d, const py::object& lang) { return std::string(label(d, to_language(lang))); },
      py::arg("lang") = "nl");
  m.def("parse_departure_group", &parse_departure_group, py::arg("text"));
  m.def("parse_departure_mode", &parse_departure_mode, py::arg("text"));
  m.def(
      "parse_departure_period", [](const std::string& text) { return to_python_range(parse_departure_period(text)); },
      py::arg("text"), "'2021' (a year) or '2023-01/2023-10' (a year to date) as a PeriodRange of Month.");

  py::class_<departure_row> row(m, "DepartureRow", "One published departure number.");
  row.def(py::init([](const py::object& period, departure_group g, departure_mode d, std::int64_t count,
                      std::string source, release r, std::size_t line) {
            return departure_row{to_departure_period(period), g, d, count, std::move(source), r, line, std::string()};
          }),
          py::arg("period"), py::arg("group"), py::arg("mode"), py::arg("count"), py::arg("source"),
          py::arg("release") = release(), py::arg("line") = 0)
      .def_property_readonly("period", [](const departure_row& r) { return to_python_range(r.period); })
      .def_readonly("group", &departure_row::group)
      .def_readonly("mode", &departure_row::mode)
      .def_readonly("count", &departure_row::count)
      .def_readonly("source", &departure_row::source)
      .def_readonly("release", &departure_row::release)
      .def_readonly("line", &departure_row::line)
      .def_property_readonly("file", [](const departure_row& r) { return file_name_to_python(r.file); });
  def_str_from_stream<departure_row>(row);
  row.def("__repr__", [](const departure_row& r) {
    std::ostringstream out;
    out << "<DepartureRow " << r << ">";
    return out.str();
  });
  def_equality<departure_row>(row);
  def_copy<departure_row>(row);
  def_pickle<departure_row>(
      row,
      [](const departure_row& r) {
        return py::make_tuple(r.period.iso(), std::string(to_string(r.group)), std::string(to_string(r.mode)), r.count,
                              r.source, r.release.iso(), r.line, file_name_to_python(r.file));
      },
      [](const py::tuple& s) {
        return departure_row{period_range<month>::parse(s[0].cast<std::string>()),
                             parse_departure_group(s[1].cast<std::string>()),
                             parse_departure_mode(s[2].cast<std::string>()),
                             s[3].cast<std::int64_t>(),
                             s[4].cast<std::string>(),
                             release::parse(s[5].cast<std::string>()),
                             s[6].cast<std::size_t>(),
                             s.size() > 7 ? file_name_from_python(s[7], "file") : std::string()};
      });

  py::class_<departure_totals>(m, "DepartureTotals", "Departures of one group in one period, by mode.")
      .def_property_readonly("window", [](const departure_totals& t) { return to_python_range(t.window); })
      .def_readonly("group", &departure_totals::group)
      .def_readonly("independent", &departure_totals::independent)
      .def_readonly("forced", &departure_totals::forced)
      .def_readonly("unsupervised", &departure_totals::unsupervised)
      .def_readonly("sources", &departure_totals::sources)
      .def_readonly("latest_release", &departure_totals::latest_release)
      .def("supervised", &departure_totals::supervised, "independent + forced ('onder toezicht')")
      .def("total", &departure_totals::total)
      .def("of", &departure_totals::of, py::arg("mode"))
      .def("__repr__", [](const departure_totals& t) {
        return "<DepartureTotals " + std::string(to_string(t.group)) + " " + departure_period_iso(t.window) +
               ": independent " + std::to_string(t.independent) + ", forced " + std::to_string(t.forced) +
               ", unsupervised " + std::to_string(t.unsupervised) + ">";
      });

  py::class_<departure_lookup>(m, "DepartureLookup", "The answer of try_figures: the totals, or the missing modes.")
      .def_readonly("totals", &departure_lookup::totals)
      .def_readonly("missing", &departure_lookup::missing)
      .def_readonly("reason", &departure_lookup::reason)
      .def("ok", &departure_lookup::ok)
      .def("__bool__", &departure_lookup::ok);

  py::class_<departures_table> table(m, "DeparturesTable", "Departure rows with the latest release of every number.");
  table.def(py::init<>())
      .def_static(
          "from_rows",
          [](std::vector<departure_row> rows, const py::object& origin) {
            return departures_table::from_rows(std::move(rows), file_name_from_python(origin, "origin"));
          },
          py::arg("rows"), py::arg("origin") = "")
      .def(
          "figures",
          [](const departures_table& t, departure_group g, const py::object& period) {
            return t.figures(g, to_departure_period(period));
          },
          py::arg("group"), py::arg("period"))
      .def(
          "try_figures",
          [](const departures_table& t, departure_group g, const py::object& period) {
            return t.try_figures(g, to_departure_period(period));
          },
          py::arg("group"), py::arg("period"))
      .def(
          "periods",
          [](const departures_table& t, departure_group g) {
            py::list out;
            for (const auto& p : t.periods(g)) out.append(to_python_range(p));
            return out;
          },
          py::arg("group"))
      .def("rows",
           [](const departures_table& t) { return std::vector<departure_row>(t.rows().begin(), t.rows().end()); })
      .def("superseded",
           [](const departures_table& t) {
             return std::vector<departure_row>(t.superseded().begin(), t.superseded().end());
           })
      .def_property_readonly("origin", [](const departures_table& t) { return file_name_to_python(t.origin()); })
      .def("__len__", &departures_table::size)
      .def("__repr__",
           [](const departures_table& t) { return "<DeparturesTable of " + std::to_string(t.size()) + " rows>"; });
  def_equality<departures_table>(table);
  def_copy<departures_table>(table);
  def_pickle<departures_table>(
      table,
      [](const departures_table& t) {
        std::vector<departure_row> all(t.rows().begin(), t.rows().end());
        all.insert(all.end(), t.superseded().begin(), t.superseded().end());
        return py::make_tuple(py::cast(all), file_name_to_python(t.origin()));
      },
      [](const py::tuple& s) {
        return departures_table::from_rows(s[0].cast<std::vector<departure_row>>(),
                                           file_name_from_python(s[1], "origin"));
      });

  m.def(
      "read_departure_rows",
      [](const std::filesystem::path& path) {
        auto in = csv::open_file(path);
        return read_departure_rows(in, path.string());
      },
      py::arg("path"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "read_departures_csv", [](const std::filesystem::path& path) { return read_departures_csv(path); },
      py::arg("path"), py::call_guard<py::gil_scoped_release>(),
      "A departures CSV file (schema: period,group,mode,count,source,release) as a DeparturesTable.");
}

}  // namespace kerncijfers::python
