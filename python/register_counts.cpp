// Category, Release, CountRow, WindowTotal, WindowLookup, CountsTable and the CSV reader
// (kerncijfers/counts.hpp).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/counts.hpp>

namespace kerncijfers::python {

namespace {

py::list periods_list(const std::vector<count_period>& periods) {
  py::list out;
  for (const auto& p : periods) out.append(std::visit([](auto x) { return py::cast(x); }, p));
  return out;
}

count_period to_count_period(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  if (py::isinstance<iso_week>(value)) return value.cast<iso_week>();
  if (py::isinstance<py::str>(value)) return parse_count_period(value.cast<std::string>());
  throw py::type_error("a count period is an IsoWeek, Month, Quarter, Year or its ISO text");
}

// ObservationFlags, or its letters as text.
observation_flags to_observation_flags(const py::handle& value) {
  if (py::isinstance<observation_flags>(value)) return value.cast<observation_flags>();
  if (py::isinstance<py::str>(value)) return observation_flags::parse(value.cast<std::string>());
  throw py::type_error("flags must be ObservationFlags or its letters as str, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

py::object count_period_to_python(const count_period& p) {
  return std::visit([](auto x) { return py::cast(x); }, p);
}

}  // namespace

void register_counts(py::module_& m) {
  std::vector<enum_member<category>> categories;
  for (const category c : all_categories) categories.push_back({std::string(to_string(c)), c});
  const py::object cat = def_enum<category>(
      m, "Category", "What is counted: first and repeat applications, nareizigers, relocation, resettlement.",
      categories);
  def_method(
      cat, "label", [](category c, const py::object& lang) { return std::string(label(c, to_language(lang))); },
      py::arg("lang") = "nl", "'eerste asielaanvragen' / 'first asylum applications', ...");
  m.def("parse_category", &parse_category, py::arg("text"), "Schema name or Dutch alias ('nareiziger').");
  m.def(
      "parse_count_period", [](const std::string& text) { return count_period_to_python(parse_count_period(text)); },
      py::arg("text"), "'2021-W19', '2021-05', '2021-Q2' or '2021' as IsoWeek, Month, Quarter or Year.");
  m.def(
      "months_of", [](const py::object& p) { return to_python_range(months_of(to_count_period(p))); },
      py::arg("period"), "The months of a Month, Quarter or Year, as a PeriodRange (RangeError for an IsoWeek).");
  m.def("consistency_tolerance", &consistency_tolerance, py::arg("source_multiple"), py::arg("parts"),
        "The largest ``|whole - sum of parts|`` that rounding each count to source_multiple explains: "
        "floor(m/2) * (parts + 1).");
  m.def(
      "consistent_with_rounding",
      [](std::int64_t whole, std::int64_t parts_sum, std::int64_t source_multiple, std::size_t parts) {
        return consistent_with_rounding(whole, parts_sum, source_multiple, parts);
      },
      py::arg("whole"), py::arg("parts_sum"), py::arg("source_multiple"), py::arg("parts"),
      "True when ``|whole - parts_sum| <= consistency_tolerance(source_multiple, parts)``.");

  def_enum<release_precision>(m, "ReleasePrecision", "How precisely a release is dated.",
                              {{"undated", release_precision::undated},
                               {"day", release_precision::day},
                               {"week", release_precision::week},
                               {"month", release_precision::month}});

  py::class_<release> rel(m, "Release",
                          "When a source published a number (its vintage): a day, an ISO week, a month, or undated. "
                          "Undated sorts before every dated release.");
  rel.def(py::init<>())
      .def_static("parse", &release::parse, py::arg("text"), "'2021-07-30', '2021-W30', '2021-07' or '' (undated).")
      .def_static(
          "from_date",
          [](const py::object& day) {
            const auto d = to_civil_date(day);
            return release::from_date(calendar::year_of(d), calendar::month_of(d), calendar::day_of(d));
          },
          py::arg("day"))
      .def_static("from_week", &release::from_week, py::arg("week"))
      .def_static("from_month", &release::from_month, py::arg("month"))
      .def_property_readonly("precision", &release::precision)
      .def("is_dated", &release::is_dated)
      .def(
          "first_day",
          [](const release& r) -> py::object {
            const auto day = r.first_day_number();
            if (!day) return py::none();
            return to_python_date(calendar::to_civil(*day));
          },
          "The first day of the release's date (None when undated).")
      .def("iso", &release::iso)
      .def(
          "label", [](const release& r, const py::object& lang) { return r.label(to_language(lang)); },
          py::arg("lang") = "nl")
      .def("__repr__", [](const release& r) { return "Release.parse('" + r.iso() + "')"; });
  def_str_from_stream<release>(rel);  // operator<<: iso(), or "undated"
  def_equality<release>(rel);
  def_ordering<release>(rel);
  def_hash<release>(rel);
  def_copy<release>(rel);
  def_pickle<release>(
      rel, [](const release& r) { return py::make_tuple(r.iso()); },
      [](const py::tuple& s) { return release::parse(s[0].cast<std::string>()); });

  py::class_<count_row> row(
      m, "CountRow", "One published number: period, category, nationality (None = TOTAL), count, source, release.");
  row.def(py::init([](const py::object& period, category c, const py::object& nat, std::int64_t count,
                      std::string source, release r, std::size_t line, const py::object& flags,
                      std::int64_t source_multiple) {
            std::optional<nationality> n;
            if (!nat.is_none())
              n = py::isinstance<nationality>(nat) ? nat.cast<nationality>()
                                                   : nationality::lookup(nat.cast<std::string>());
            return count_row{to_count_period(period),
                             c,
                             n,
                             count,
                             std::move(source),
                             r,
                             line,
                             std::string(),
                             to_observation_flags(flags),
                             source_multiple};
          }),
          py::arg("period"), py::arg("category"), py::arg("nationality"), py::arg("count"), py::arg("source"),
          py::arg("release") = release(), py::arg("line") = 0, py::kw_only(), py::arg("flags") = "",
          py::arg("source_multiple") = 1)
      .def_property_readonly("period", [](const count_row& r) { return count_period_to_python(r.period); })
      .def_readonly("category", &count_row::category)
      .def_readonly("nationality", &count_row::nationality)
      .def_readonly("count", &count_row::count)
      .def_readonly("source", &count_row::source)
      .def_readonly("release", &count_row::release)
      .def_readonly("line", &count_row::line)
      .def_property_readonly("file", [](const count_row& r) { return file_name_to_python(r.file); })
      .def_readonly("flags", &count_row::flags)
      .def_readonly("source_multiple", &count_row::source_multiple)
      .def("is_total", [](const count_row& r) { return !r.nationality.has_value(); });
  def_str_from_stream<count_row>(row);
  row.def("__repr__", [](const count_row& r) {
    std::ostringstream out;
    out << "<CountRow " << r << ">";
    return out.str();
  });
  def_equality<count_row>(row);
  def_copy<count_row>(row);
  def_pickle<count_row>(
      row,
      [](const count_row& r) {
        return py::make_tuple(iso(r.period), std::string(to_string(r.category)),
                              r.nationality ? std::string(r.nationality->alpha3()) : std::string("TOTAL"), r.count,
                              r.source, r.release.iso(), r.line, file_name_to_python(r.file), r.flags.letters(),
                              r.source_multiple);
      },
      [](const py::tuple& s) {
        const auto nat_text = s[2].cast<std::string>();
        std::optional<nationality> n;
        if (nat_text != "TOTAL") n = nationality::from_alpha3(nat_text);
        return count_row{parse_count_period(s[0].cast<std::string>()), parse_category(s[1].cast<std::string>()), n,
                         s[3].cast<std::int64_t>(), s[4].cast<std::string>(), release::parse(s[5].cast<std::string>()),
                         s[6].cast<std::size_t>(), s.size() > 7 ? file_name_from_python(s[7], "file") : std::string(),
                         // Pickles of versions before the flags have 8 fields: unflagged, exact.
                         s.size() > 8 ? observation_flags::parse(s[8].cast<std::string>()) : observation_flags(),
                         s.size() > 9 ? s[9].cast<std::int64_t>() : std::int64_t{1}};
      });

  py::class_<window_total>(m, "WindowTotal",
                           "A count over a window and the rows that tile it; when rows at the window's edges lie "
                           "partly outside it, value is a lower bound and upper_bound is set.")
      .def_property_readonly("window", [](const window_total& t) { return count_window_to_python(t.window); })
      .def_readonly("value", &window_total::value)
      .def_readonly("upper_bound", &window_total::upper_bound)
      .def_property_readonly("tiles", [](const window_total& t) { return periods_list(t.tiles); })
      .def_property_readonly("straddling", [](const window_total& t) { return periods_list(t.straddling); })
      .def_readonly("sources", &window_total::sources)
      .def_readonly("latest_release", &window_total::latest_release)
      .def_readonly("notes", &window_total::notes)
      .def_readonly("flags", &window_total::flags)
      .def_readonly("source_multiple", &window_total::source_multiple)
      .def("exact", &window_total::exact, "True when value is the count itself, not a lower bound.")
      .def("__int__", [](const window_total& t) { return t.value; })
      .def("__repr__",
           [](const window_total& t) {
             if (t.upper_bound) {
               return "<WindowTotal " + std::to_string(t.value) + " to " + std::to_string(*t.upper_bound) + " over " +
                      t.window.iso() + ">";
             }
             return "<WindowTotal " + std::to_string(t.value) + " over " + t.window.iso() + ">";
           })
      .def("__eq__", [](const window_total& a, const py::object& b) -> py::object {
        if (!py::isinstance<window_total>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        return py::bool_(a == b.cast<const window_total&>());
      });

  py::class_<window_lookup>(m, "WindowLookup",
                            "The answer of try_total/try_count: the exact total, a partial one with bounds, or what "
                            "is missing.")
      .def_readonly("total", &window_lookup::total)
      .def_readonly("partial", &window_lookup::partial)
      .def_property_readonly("missing", [](const window_lookup& l) { return periods_list(l.missing); })
      .def_property_readonly("unsplittable", [](const window_lookup& l) { return periods_list(l.unsplittable); })
      .def_readonly("reason", &window_lookup::reason)
      .def("ok", &window_lookup::ok)
      .def("__bool__", &window_lookup::ok)
      .def("__repr__", [](const window_lookup& l) {
        if (l.ok()) return "<WindowLookup " + std::to_string(l.total->value) + ">";
        if (l.partial) {
          return "<WindowLookup partial: " + std::to_string(l.partial->value) + " to " +
                 std::to_string(*l.partial->upper_bound) + ">";
        }
        return "<WindowLookup missing: " + l.reason + ">";
      });

  py::class_<counts_table> table(m, "CountsTable",
                                 "Count rows, validated, with the latest release of every number; answers "
                                 "'how many in this window?' by tiling the window with rows of mixed granularity.");
  table.def(py::init<>())
      .def_static(
          "from_rows",
          [](std::vector<count_row> rows, const py::object& origin) {
            return counts_table::from_rows(std::move(rows), file_name_from_python(origin, "origin"));
          },
          py::arg("rows"), py::arg("origin") = "")
      .def(
          "total",
          [](const counts_table& t, category c, const py::object& window) {
            return t.total(c, to_count_window(window));
          },
          py::arg("category"), py::arg("window"),
          "TOTAL count of a category over a window (a PeriodRange of any unit, or one period); raises RangeError on "
          "gaps, rows that would have to be split and partial answers.")
      .def(
          "count",
          [](const counts_table& t, category c, nationality n, const py::object& window) {
            return t.count(c, n, to_count_window(window));
          },
          py::arg("category"), py::arg("nationality"), py::arg("window"))
      .def(
          "try_total",
          [](const counts_table& t, category c, const py::object& window) {
            return t.try_total(c, to_count_window(window));
          },
          py::arg("category"), py::arg("window"))
      .def(
          "try_count",
          [](const counts_table& t, category c, nationality n, const py::object& window) {
            return t.try_count(c, n, to_count_window(window));
          },
          py::arg("category"), py::arg("nationality"), py::arg("window"))
      .def(
          "nationalities",
          [](const counts_table& t, category c, const py::object& window) {
            return t.nationalities(c, to_count_window(window));
          },
          py::arg("category"), py::arg("window"), "Nationalities with rows overlapping the window.")
      .def("rows", [](const counts_table& t) { return std::vector<count_row>(t.rows().begin(), t.rows().end()); })
      .def(
          "superseded",
          [](const counts_table& t) { return std::vector<count_row>(t.superseded().begin(), t.superseded().end()); },
          "Rows replaced by a later release (or repeated identically).")
      .def_property_readonly("origin", [](const counts_table& t) { return file_name_to_python(t.origin()); })
      .def("__len__", &counts_table::size)
      .def("__repr__", [](const counts_table& t) {
        return "<CountsTable of " + std::to_string(t.size()) + " rows" +
               (t.origin().empty() ? "" : " from " + escaped(t.origin())) + ">";
      });
  def_equality<counts_table>(table);
  def_copy<counts_table>(table);
  def_pickle<counts_table>(
      table,
      [](const counts_table& t) {
        std::vector<count_row> all(t.rows().begin(), t.rows().end());
        all.insert(all.end(), t.superseded().begin(), t.superseded().end());
        return py::make_tuple(py::cast(all), file_name_to_python(t.origin()));
      },
      [](const py::tuple& s) {
        return counts_table::from_rows(s[0].cast<std::vector<count_row>>(), file_name_from_python(s[1], "origin"));
      });

  m.def(
      "read_count_rows",
      [](const std::filesystem::path& path) {
        auto in = csv::open_file(path);
        return read_count_rows(in, path.string());
      },
      py::arg("path"), py::call_guard<py::gil_scoped_release>(),
      "The rows of a counts CSV file (to combine several files in one table).");
  m.def(
      "read_counts_csv", [](const std::filesystem::path& path) { return read_counts_csv(path); }, py::arg("path"),
      py::call_guard<py::gil_scoped_release>(),
      "A counts CSV file (schema: period,category,nationality,count,source,release) as a CountsTable.");
}

}  // namespace kerncijfers::python
