// The CBS StatLine reader (kerncijfers/cbs.hpp): read_cbs, read_cbs_text, read_cbs_records and
// cbs_bundle_retrieved. Python gets the rows as a CountsTable, as from every other reader.
#include <pybind11/stl.h>

#include "bindings.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include <kerncijfers/cbs.hpp>

namespace kerncijfers::python {

namespace {

std::string type_name(const py::handle& value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

// The options from the keyword arguments: `modified` as "YYYY-MM-DD" (or OData's
// "YYYY-MM-DDThh:mm:ss", or "YYYY-MM" / "YYYY-Www"), None for the table's own.
cbs_options options_from_python(const std::optional<std::string>& table, const std::optional<std::string>& modified) {
  cbs_options options;
  if (table) options.table = *table;
  if (modified) {
    options.modified =
        modified->size() > 10 ? detail::cbs_release_of_modified(*modified, "modified") : release::parse(*modified);
  }
  return options;
}

// A Python value of a record as JSON: str, int, float, bool, None (nested values are refused).
nlohmann::json json_of(const py::handle& value, const std::string& where) {
  if (value.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
  if (py::isinstance<py::int_>(value)) {
    // Out of int64's range the reader would refuse it anyway; say so without overflowing.
    try {
      return value.cast<std::int64_t>();
    } catch (const py::cast_error&) {
      throw py::value_error(where + ": the integer " + py::repr(value).cast<std::string>() +
                            " is far too large for a count");
    }
  }
  if (py::isinstance<py::float_>(value)) {
    const double d = value.cast<double>();
    if (std::isnan(d)) return nullptr;  // pandas writes NaN for a missing value
    return d;
  }
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  // numpy scalars and the like: their Python value.
  if (py::hasattr(value, "item")) {
    const py::object item = value.attr("item")();
    if (!item.is(value) && !py::hasattr(item, "item")) return json_of(item, where);
  }
  throw py::type_error(where + ": a record's value is a str, an int, a float or None, not " + type_name(value));
}

nlohmann::json records_of(const py::handle& records) {
  nlohmann::json out = nlohmann::json::array();
  if (py::isinstance<py::str>(records) || py::isinstance<py::dict>(records)) {
    throw py::type_error("read_cbs_records takes a list of dicts (as cbsodata.get_data returns), not a " +
                         type_name(records));
  }
  std::size_t i = 0;
  for (const py::handle record : py::iter(records)) {
    const std::string where = "records[" + std::to_string(i) + "]";
    if (!py::isinstance<py::dict>(record)) {
      throw py::type_error(where + " is a " + type_name(record) + ", not a dict");
    }
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, value] : record.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key)) throw py::type_error(where + " has a key that is no str: " + type_name(key));
      const std::string k = key.cast<std::string>();
      object[k] = json_of(value, where + "[" + py::repr(key).cast<std::string>() + "]");
    }
    out.push_back(std::move(object));
    ++i;
  }
  return out;
}

}  // namespace

void register_cbs(py::module_& m) {
  m.def(
      "read_cbs",
      [](const py::object& path, const std::optional<std::string>& table, const std::optional<std::string>& modified) {
        const cbs_options options = options_from_python(table, modified);
        const std::string name = file_name_from_python(path, "path");
        const py::gil_scoped_release unlocked;
        return counts_table::from_rows(read_cbs(std::filesystem::path(name), options).rows, name);
      },
      py::arg("path"), py::kw_only(), py::arg("table") = py::none(), py::arg("modified") = py::none(),
      "Reads a CBS StatLine table (83102NED or one of its shape) into a CountsTable, recognising the form: "
      "the bundle `kerncijfers fetch cbs` writes (.json or .json.gz), a directory of OData documents as "
      "cbsodata.download_data writes it, cbsodata records as JSON, or StatLine's CSV download. modified "
      "(YYYY-MM-DD) is the release when the input has none (records, CSV) or overrides TableInfos' Modified.");
  m.def(
      "read_cbs_text",
      [](const std::string& text, const std::string& name, const std::optional<std::string>& table,
         const std::optional<std::string>& modified) {
        const cbs_options options = options_from_python(table, modified);
        const py::gil_scoped_release unlocked;
        return counts_table::from_rows(read_cbs_text(text, name, options).rows, name);
      },
      py::arg("text"), py::arg("name") = "<text>", py::kw_only(), py::arg("table") = py::none(),
      py::arg("modified") = py::none(),
      "Reads a CBS table from a str (a bundle's JSON, records' JSON or StatLine's CSV; see read_cbs); name "
      "names it in messages.");
  m.def(
      "read_cbs_records",
      [](const py::object& records, const std::string& table, const std::optional<std::string>& modified) {
        const cbs_options options = options_from_python(table, modified);
        const nlohmann::json json = records_of(records);
        const py::gil_scoped_release unlocked;
        return counts_table::from_rows(read_cbs_records(json, "records", options).rows, "records");
      },
      py::arg("records"), py::kw_only(), py::arg("table") = "83102NED", py::arg("modified") = py::none(),
      "Reads the records cbsodata.get_data(table) returns (a list of dicts, dimension values as titles: "
      "\"Syrisch\", \"2021 mei\") into a CountsTable. Records carry no period status and no release: "
      "modified (YYYY-MM-DD) gives the release (else undated).");
  m.def(
      "cbs_bundle_retrieved",
      [](const py::object& path) {
        const std::string name = file_name_from_python(path, "path");
        return cbs_bundle_retrieved(std::filesystem::path(name));
      },
      py::arg("path"), "When the CBS bundle at path was fetched: its \"retrieved\" timestamp, as written.");
}

}  // namespace kerncijfers::python
