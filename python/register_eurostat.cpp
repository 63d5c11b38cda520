// EurostatLayout, EurostatData and the readers of Eurostat's asylum data (kerncijfers/eurostat.hpp).
// The columns of an EurostatData are numpy views of its C++ vectors (read-only, kept alive by
// the object): no copies, however many observations.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <kerncijfers/eurostat.hpp>

namespace kerncijfers::python {

namespace {

py::object period_to_python(const count_period& p) {
  return std::visit([](auto x) { return py::cast(x); }, p);
}

count_period period_from_python(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  if (py::isinstance<py::str>(value)) return parse_count_period(value.cast<std::string>());
  throw py::type_error("a period of the selection is a Month, Quarter, Year or its ISO text, not " +
                       py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>());
}

// None: all; a str: that code; an iterable of str: those codes.
std::vector<std::string> codes_from_python(const py::handle& value, const char* what) {
  if (value.is_none()) return {};
  if (py::isinstance<py::str>(value)) return {value.cast<std::string>()};
  std::vector<std::string> out;
  for (const py::handle item : py::iter(value)) {
    if (!py::isinstance<py::str>(item)) {
      throw py::type_error(std::string(what) + " takes a str or an iterable of str, not an iterable holding " +
                           py::str(py::type::handle_of(item).attr("__name__")).cast<std::string>());
    }
    out.push_back(item.cast<std::string>());
  }
  return out;
}

eurostat_selection selection_from_python(std::string sex, std::string age, std::string unit, const py::handle& geo,
                                         const py::handle& citizen, const py::handle& asyl_app, const py::handle& freq,
                                         const py::handle& periods) {
  eurostat_selection s;
  s.sex = std::move(sex);
  s.age = std::move(age);
  s.unit = std::move(unit);
  s.geo = codes_from_python(geo, "geo");
  s.citizen = codes_from_python(citizen, "citizen");
  s.asyl_app = codes_from_python(asyl_app, "asyl_app");
  s.freq = codes_from_python(freq, "freq");
  if (!periods.is_none()) {
    if (py::isinstance<py::str>(periods) || py::isinstance<month>(periods) || py::isinstance<quarter>(periods) ||
        py::isinstance<year>(periods)) {
      s.periods.push_back(period_from_python(periods));
    } else {
      for (const py::handle item : py::iter(periods)) s.periods.push_back(period_from_python(item));
    }
  }
  return s;
}

// A read-only numpy view of `v`, kept alive by `owner` (the EurostatData).
template <class T>
py::array view(const std::vector<T>& v, const py::handle& owner) {
  if (v.empty()) return py::array_t<T>(py::ssize_t{0});
  py::array a(py::dtype::of<T>(), {static_cast<py::ssize_t>(v.size())}, {static_cast<py::ssize_t>(sizeof(T))}, v.data(),
              owner);
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}

template <class T>
py::bytes column_bytes(const std::vector<T>& v) {
  return py::bytes(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

template <class T>
std::vector<T> column_from_bytes(const py::handle& b, std::size_t n, const char* what) {
  const std::string raw = b.cast<std::string>();
  if (raw.size() != n * sizeof(T)) {
    throw py::value_error(std::string("kerncijfers: invalid pickled EurostatData (column ") + what + ")");
  }
  std::vector<T> out(n);
  if (n > 0) std::memcpy(out.data(), raw.data(), raw.size());
  return out;
}

std::string describe(const eurostat_data& d) {
  return "<EurostatData " + (d.dataset.empty() ? std::string() : d.dataset + " ") + "(" +
         std::string(to_string(d.layout)) + ")" + (d.file.empty() ? "" : " from " + quote(d.file, 200)) + ": " +
         std::to_string(d.size()) + " observations, " + std::to_string(d.geo_codes.size()) + " geo, " +
         std::to_string(d.citizen_codes.size()) + " citizen, " + std::to_string(d.asyl_app_codes.size()) +
         " asyl_app, " + std::to_string(d.periods.size()) + " periods>";
}

py::object to_pandas(const py::object& self) {
  const auto& d = self.cast<const eurostat_data&>();
  const py::module_ pd = py::module_::import("pandas");
  const auto categorical = [&](const std::vector<std::string>& codes, const py::array& index) {
    return pd.attr("Categorical").attr("from_codes")(index.attr("astype")("int32"), py::cast(codes));
  };
  py::list periods;
  for (const count_period& p : d.periods) periods.append(iso(p));
  py::list flags;
  for (const observation_flags& f : d.flags) flags.append(f.letters());
  py::dict columns;
  columns["geo"] = categorical(d.geo_codes, view(d.geo, self));
  columns["citizen"] = categorical(d.citizen_codes, view(d.citizen, self));
  columns["asyl_app"] = categorical(d.asyl_app_codes, view(d.asyl_app, self));
  columns["period"] = pd.attr("Categorical").attr("from_codes")(view(d.period, self).attr("astype")("int32"), periods);
  columns["value"] = view(d.value, self).attr("copy")();
  columns["present"] = view(d.present, self).attr("astype")("bool");
  columns["flags"] = flags;
  return pd.attr("DataFrame")(columns);
}

}  // namespace

void register_eurostat(py::module_& m) {
  def_enum<eurostat_layout>(m, "EurostatLayout", "How a Eurostat file is laid out (recognised from its header).",
                            {{"bulk_tsv", eurostat_layout::bulk_tsv, "Eurostat's bulk download TSV"},
                             {"sdmx_csv", eurostat_layout::sdmx_csv, "SDMX-CSV 1.0 (DATAFLOW,LAST UPDATE,...)"},
                             {"sdmx_csv_2", eurostat_layout::sdmx_csv_2, "SDMX-CSV 2.0 (STRUCTURE,STRUCTURE_ID,...)"},
                             {"tidy_csv", eurostat_layout::tidy_csv,
                              "the long CSV of the eurostat R and Python packages (...,time,values)"}});

  py::class_<eurostat_data> data(
      m, "EurostatData",
      "The observations of a Eurostat asylum file that a selection kept, in columns: numpy views of "
      "indexes into the code dictionaries (geo, citizen, asyl_app, period), the values, whether each is "
      "present (0 for ':') and the flags.");
  data.def_property_readonly("layout", [](const eurostat_data& d) { return d.layout; })
      .def_property_readonly("dataset", [](const eurostat_data& d) { return d.dataset; })
      .def_property_readonly("file", [](const eurostat_data& d) { return file_name_to_python(d.file); })
      .def_property_readonly("release", [](const eurostat_data& d) { return d.release; })
      .def_property_readonly("last_update", [](const eurostat_data& d) { return d.last_update; })
      .def_property_readonly("source_multiple", [](const eurostat_data& d) { return d.source_multiple; })
      .def_property_readonly("geo_codes", [](const eurostat_data& d) { return d.geo_codes; })
      .def_property_readonly("citizen_codes", [](const eurostat_data& d) { return d.citizen_codes; })
      .def_property_readonly("asyl_app_codes", [](const eurostat_data& d) { return d.asyl_app_codes; })
      .def_property_readonly("periods",
                             [](const eurostat_data& d) {
                               py::list out;
                               for (const count_period& p : d.periods) out.append(period_to_python(p));
                               return out;
                             })
      .def_property_readonly("geo",
                             [](const py::object& self) { return view(self.cast<const eurostat_data&>().geo, self); })
      .def_property_readonly(
          "citizen", [](const py::object& self) { return view(self.cast<const eurostat_data&>().citizen, self); })
      .def_property_readonly(
          "asyl_app", [](const py::object& self) { return view(self.cast<const eurostat_data&>().asyl_app, self); })
      .def_property_readonly(
          "period", [](const py::object& self) { return view(self.cast<const eurostat_data&>().period, self); })
      .def_property_readonly("value",
                             [](const py::object& self) { return view(self.cast<const eurostat_data&>().value, self); })
      .def_property_readonly(
          "present", [](const py::object& self) { return view(self.cast<const eurostat_data&>().present, self); })
      .def_property_readonly("flags",
                             [](const eurostat_data& d) {
                               py::list out;
                               for (const observation_flags& f : d.flags) out.append(f.letters());
                               return out;
                             })
      .def("size", &eurostat_data::size)
      .def("empty", &eurostat_data::empty)
      .def("__len__", &eurostat_data::size)
      .def(
          "count_rows", [](const eurostat_data& d, const std::string& geo) { return eurostat_count_rows(d, geo); },
          py::arg("geo"),
          "The count rows of one reporting country: first (NASY_APP) and repeat (SSEQ) applications per "
          "citizenship and period, TOTAL rows from citizen TOTAL; aggregates and missing values left out.")
      .def(
          "counts_table",
          [](const eurostat_data& d, const std::string& geo) {
            return counts_table::from_rows(eurostat_count_rows(d, geo), d.file);
          },
          py::arg("geo"), "count_rows(geo) as a CountsTable.")
      .def("to_pandas", &to_pandas,
           "The observations as a pandas DataFrame (codes and periods as categoricals, flags as letters); "
           "needs pandas.")
      .def("__repr__", &describe);
  def_equality<eurostat_data>(data);
  def_copy<eurostat_data>(data);
  def_pickle<eurostat_data>(
      data,
      [](const eurostat_data& d) {
        py::list periods;
        for (const count_period& p : d.periods) periods.append(iso(p));
        py::list flags;
        for (const observation_flags& f : d.flags) flags.append(f.letters());
        return py::make_tuple(static_cast<int>(d.layout), d.dataset, py::bytes(d.file), d.release.iso(), d.last_update,
                              d.source_multiple, d.geo_codes, d.citizen_codes, d.asyl_app_codes, periods,
                              column_bytes(d.geo), column_bytes(d.citizen), column_bytes(d.asyl_app),
                              column_bytes(d.period), column_bytes(d.value), column_bytes(d.present), flags);
      },
      [](const py::tuple& s) {
        if (s.size() != 17) throw py::value_error("kerncijfers: invalid pickled EurostatData");
        eurostat_data d;
        const int layout = s[0].cast<int>();
        if (layout < 0 || layout > static_cast<int>(eurostat_layout::tidy_csv)) {
          throw py::value_error("kerncijfers: invalid pickled EurostatData (layout)");
        }
        d.layout = static_cast<eurostat_layout>(layout);
        d.dataset = s[1].cast<std::string>();
        d.file = s[2].cast<std::string>();
        d.release = release::parse(s[3].cast<std::string>());
        d.last_update = s[4].cast<std::string>();
        d.source_multiple = s[5].cast<std::int64_t>();
        d.geo_codes = s[6].cast<std::vector<std::string>>();
        d.citizen_codes = s[7].cast<std::vector<std::string>>();
        d.asyl_app_codes = s[8].cast<std::vector<std::string>>();
        for (const auto& p : s[9].cast<std::vector<std::string>>()) d.periods.push_back(parse_count_period(p));
        const auto letters = s[16].cast<std::vector<std::string>>();
        const std::size_t n = letters.size();
        d.geo = column_from_bytes<std::uint16_t>(s[10], n, "geo");
        d.citizen = column_from_bytes<std::uint16_t>(s[11], n, "citizen");
        d.asyl_app = column_from_bytes<std::uint8_t>(s[12], n, "asyl_app");
        d.period = column_from_bytes<std::uint16_t>(s[13], n, "period");
        d.value = column_from_bytes<std::int64_t>(s[14], n, "value");
        d.present = column_from_bytes<std::uint8_t>(s[15], n, "present");
        for (const std::string& l : letters) d.flags.push_back(observation_flags::parse(l));
        // Indexes a corrupt pickle could put out of range would be read out of bounds later.
        for (std::size_t i = 0; i < n; ++i) {
          if (d.geo[i] >= d.geo_codes.size() || d.citizen[i] >= d.citizen_codes.size() ||
              d.asyl_app[i] >= d.asyl_app_codes.size() || d.period[i] >= d.periods.size() || d.present[i] > 1) {
            throw py::value_error("kerncijfers: invalid pickled EurostatData (an index out of range)");
          }
        }
        return d;
      });

  const auto read_file = [](const py::object& path, std::string sex, std::string age, std::string unit,
                            const py::object& geo, const py::object& citizen, const py::object& asyl_app,
                            const py::object& freq, const py::object& periods) {
    const eurostat_selection s =
        selection_from_python(std::move(sex), std::move(age), std::move(unit), geo, citizen, asyl_app, freq, periods);
    const std::string name = file_name_from_python(path, "path");
    const py::gil_scoped_release unlocked;
    return read_eurostat(std::filesystem::path(name), s);
  };
  m.def("read_eurostat", read_file, py::arg("path"), py::kw_only(), py::arg("sex") = "T", py::arg("age") = "TOTAL",
        py::arg("unit") = "PER", py::arg("geo") = py::none(), py::arg("citizen") = py::none(),
        py::arg("asyl_app") = py::none(), py::arg("freq") = py::none(), py::arg("periods") = py::none(),
        "Reads a Eurostat asylum file (bulk TSV, SDMX-CSV 1.0 or 2.0, or the tidy CSV of the eurostat "
        "packages; the layout is recognised from the header), keeping the observations selected: one "
        "sex, age and unit, and any of the geo, citizen, asyl_app and freq codes and periods given "
        "(None: all).");
  m.def(
      "read_eurostat_text",
      [](const std::string& text, const std::string& name, std::string sex, std::string age, std::string unit,
         const py::object& geo, const py::object& citizen, const py::object& asyl_app, const py::object& freq,
         const py::object& periods) {
        const eurostat_selection s = selection_from_python(std::move(sex), std::move(age), std::move(unit), geo,
                                                           citizen, asyl_app, freq, periods);
        const py::gil_scoped_release unlocked;
        return read_eurostat_text(text, name, s);
      },
      py::arg("text"), py::arg("name") = "<text>", py::kw_only(), py::arg("sex") = "T", py::arg("age") = "TOTAL",
      py::arg("unit") = "PER", py::arg("geo") = py::none(), py::arg("citizen") = py::none(),
      py::arg("asyl_app") = py::none(), py::arg("freq") = py::none(), py::arg("periods") = py::none(),
      "Reads Eurostat asylum data from a str (see read_eurostat); name names it in messages.");
}

}  // namespace kerncijfers::python
