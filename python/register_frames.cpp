// Bulk conversions between column arrays and the tables (kerncijfers.pandas builds on them),
// and the page's own labels for a distribution (the charts and notebook tables use them).
//
// Why in C++: a DataFrame of a million rows must not become a million Python objects.
// Python factorises each column (pandas does that in C) into integer codes plus the few
// distinct values, converts the distinct values, and hands over the code arrays; the rows
// are built here without the GIL. The way back returns one numpy array per column, with
// text columns again as codes plus distinct values, which pandas turns into columns
// without a per-row Python loop.
//
// The functions are private (leading underscore): their contract is kerncijfers.pandas.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "arrays.hpp"
#include "bindings.hpp"
#include "periods.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <kerncijfers/counts.hpp>
#include <kerncijfers/departures.hpp>
#include <kerncijfers/key_figures.hpp>
#include <kerncijfers/render.hpp>

namespace kerncijfers::python {

namespace {

// pandas counts periods from 1970: ordinal = serial - 1970 * periods per year.
constexpr std::int64_t pandas_epoch_year = 1970;

std::int64_t pandas_ordinal(const count_period& p) {
  return std::visit(
      [](const auto& q) -> std::int64_t {
        using P = std::decay_t<decltype(q)>;
        const auto serial = static_cast<std::int64_t>(q.serial());
        if constexpr (std::is_same_v<P, month>)
          return serial - 12 * pandas_epoch_year;
        else if constexpr (std::is_same_v<P, quarter>)
          return serial - 4 * pandas_epoch_year;
        else if constexpr (std::is_same_v<P, iso_week>)
          return serial + 1;  // pandas' W-SUN weeks are ISO weeks; its 1970-W01 is ordinal 1
        else
          return serial - pandas_epoch_year;
      },
      p);
}

std::int64_t pandas_ordinal(month m) { return static_cast<std::int64_t>(m.serial()) - 12 * pandas_epoch_year; }

/// A code column: integers, one per row, each an index into `size` distinct values.
struct code_column {
  typed_array<std::int64_t> array;
  std::span<const std::int64_t> codes;
  const char* what;

  code_column(const py::handle& value, const char* name, std::size_t rows, std::size_t size)
      : array(to_int64_array(value, name)), codes(array.span()), what(name) {
    if (codes.size() != rows) {
      throw invalid_input(std::string(name) + " has " + std::to_string(codes.size()) + " entries for " +
                          std::to_string(rows) + " rows");
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (codes[i] < 0 || static_cast<std::size_t>(codes[i]) >= size) {
        throw invalid_input(std::string(name) + " at rows[" + std::to_string(i) + "] is " + std::to_string(codes[i]) +
                            ", not an index of the " + std::to_string(size) + " distinct values");
      }
    }
  }
  [[nodiscard]] std::size_t operator[](std::size_t i) const noexcept { return static_cast<std::size_t>(codes[i]); }
};

count_period to_count_period_value(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  if (py::isinstance<iso_week>(value)) return value.cast<iso_week>();
  throw py::type_error("a count period is a Month, Quarter, Year or IsoWeek, not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

template <class T>
py::array_t<T> numpy_from(std::vector<T>&& values) {
  // The vector moves onto the heap and the array owns it: no copy of a million values.
  auto* owner = new std::vector<T>(std::move(values));
  py::capsule free_when_done(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(owner->size())}, {static_cast<py::ssize_t>(sizeof(T))}, owner->data(),
                        free_when_done);
}

/// Distinct values in order of first appearance, and each row's index among them.
template <class Key, class Hash = std::hash<Key>>
struct factoriser {
  std::unordered_map<Key, std::int64_t, Hash> index;
  std::vector<Key> distinct;
  std::vector<std::int64_t> codes;

  void add(const Key& key) {
    const auto [it, inserted] = index.try_emplace(key, static_cast<std::int64_t>(distinct.size()));
    if (inserted) distinct.push_back(key);
    codes.push_back(it->second);
  }
};

struct optional_nationality_hash {
  std::size_t operator()(const std::optional<nationality>& n) const noexcept {
    return n ? std::hash<nationality>{}(*n) : std::size_t{0x9e3779b97f4a7c15ULL};
  }
};

/// Python's own hash and equality of str objects: the hash is cached in the object, and
/// the same object (read_csv shares one between the cells with the same text) is equal
/// without looking at its characters.
struct str_hash {
  std::size_t operator()(PyObject* s) const noexcept { return static_cast<std::size_t>(PyObject_Hash(s)); }
};
struct str_equal {
  bool operator()(PyObject* a, PyObject* b) const noexcept { return a == b || PyUnicode_Compare(a, b) == 0; }
};

/// pandas.factorize of an object column of text, without Python calls per row: codes (-1 for
/// None and NaN) and the distinct str objects in order of first appearance; None when the
/// column holds anything else (the caller then asks pandas). Equal texts are found by
/// Python's cached str hash, and a row holding the previous row's object costs one pointer
/// comparison. Anything but a 1-D object array is refused (TypeError).
py::object factorise_text(const py::handle& column) {
  const auto& api = py::detail::npy_api::get();
  const bool objects_1d = api.PyArray_Check_(column.ptr()) && py::reinterpret_borrow<py::array>(column).ndim() == 1 &&
                          py::reinterpret_borrow<py::array>(column).dtype().kind() == 'O';
  if (!objects_1d) {
    throw py::type_error("expected a 1-dimensional numpy array of objects, not " +
                         py::str(py::type::handle_of(column).attr("__name__")).cast<std::string>());
  }
  const auto values = py::reinterpret_borrow<py::array>(column);
  const auto n = static_cast<std::size_t>(values.shape(0));
  if (n > 1 && values.strides(0) != static_cast<py::ssize_t>(sizeof(PyObject*))) return py::none();
  auto* const* objects = static_cast<PyObject* const*>(values.data());
  // Only exact str objects: a subclass may hash or compare differently, and pandas decides.
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* object = objects[i];
    if (!PyUnicode_CheckExact(object) && object != Py_None &&
        !(PyFloat_CheckExact(object) && std::isnan(PyFloat_AS_DOUBLE(object)))) {
      return py::none();
    }
  }
  py::array_t<std::int64_t> codes(static_cast<py::ssize_t>(n));
  auto* out = codes.mutable_data();
  py::list uniques;
  std::unordered_map<PyObject*, std::int64_t, str_hash, str_equal> index;
  const PyObject* last = nullptr;
  std::int64_t last_code = -1;
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* object = objects[i];
    if (object != last) {
      last = object;
      if (PyUnicode_CheckExact(object)) {
        const auto [it, inserted] = index.try_emplace(object, static_cast<std::int64_t>(index.size()));
        if (inserted) uniques.append(py::reinterpret_borrow<py::object>(object));
        last_code = it->second;
      } else {
        last_code = -1;  // None or NaN: missing
      }
    }
    out[i] = last_code;
  }
  if (PyErr_Occurred() != nullptr) throw py::error_already_set();  // a failed hash or comparison
  return py::make_tuple(codes, uniques);
}

py::dict counts_columns(std::span<const count_row> rows) {
  const std::size_t n = rows.size();
  std::vector<std::int8_t> rank(n);
  std::vector<std::int64_t> ordinal(n);
  std::vector<std::int8_t> cat(n);
  std::vector<std::int64_t> count(n);
  std::vector<std::int64_t> line(n);
  factoriser<std::optional<nationality>, optional_nationality_hash> nats;
  factoriser<std::string> sources;
  factoriser<release> releases;
  nats.codes.reserve(n);
  sources.codes.reserve(n);
  releases.codes.reserve(n);
  {
    py::gil_scoped_release unlocked;
    for (std::size_t i = 0; i < n; ++i) {
      const count_row& r = rows[i];
      rank[i] = static_cast<std::int8_t>(detail::granularity_rank(r.period));
      ordinal[i] = pandas_ordinal(r.period);
      cat[i] = static_cast<std::int8_t>(r.category);
      count[i] = r.count;
      line[i] = static_cast<std::int64_t>(r.line);
      nats.add(r.nationality);
      sources.add(r.source);
      releases.add(r.release);
    }
  }
  std::vector<std::string> codes;
  std::vector<std::string> names_nl;
  std::vector<std::string> names_en;
  for (const auto& nat : nats.distinct) {
    codes.emplace_back(nat ? std::string(nat->alpha3()) : std::string("TOTAL"));
    names_nl.emplace_back(nat ? std::string(nat->name(language::nl)) : std::string("Totaal"));
    names_en.emplace_back(nat ? std::string(nat->name(language::en)) : std::string("Total"));
  }
  std::vector<std::string> release_iso;
  for (const release& r : releases.distinct) release_iso.push_back(r.iso());
  py::dict out;
  out["period_rank"] = numpy_from(std::move(rank));
  out["period_ordinal"] = numpy_from(std::move(ordinal));
  out["category"] = numpy_from(std::move(cat));
  out["nationality_codes"] = numpy_from(std::move(nats.codes));
  out["nationalities"] = codes;
  out["names_nl"] = names_nl;
  out["names_en"] = names_en;
  out["count"] = numpy_from(std::move(count));
  out["source_codes"] = numpy_from(std::move(sources.codes));
  out["sources"] = sources.distinct;
  out["release_codes"] = numpy_from(std::move(releases.codes));
  out["releases"] = release_iso;
  out["line"] = numpy_from(std::move(line));
  return out;
}

py::dict departures_columns(std::span<const departure_row> rows) {
  const std::size_t n = rows.size();
  std::vector<std::int64_t> first(n);
  std::vector<std::int64_t> last(n);
  std::vector<std::int8_t> group(n);
  std::vector<std::int8_t> mode(n);
  std::vector<std::int64_t> count(n);
  std::vector<std::int64_t> line(n);
  factoriser<std::string> periods;
  factoriser<std::string> sources;
  factoriser<release> releases;
  {
    py::gil_scoped_release unlocked;
    for (std::size_t i = 0; i < n; ++i) {
      const departure_row& r = rows[i];
      first[i] = pandas_ordinal(r.period.first());
      last[i] = pandas_ordinal(r.period.last());
      group[i] = static_cast<std::int8_t>(r.group);
      mode[i] = static_cast<std::int8_t>(r.mode);
      count[i] = r.count;
      line[i] = static_cast<std::int64_t>(r.line);
      periods.add(departure_period_iso(r.period));
      sources.add(r.source);
      releases.add(r.release);
    }
  }
  std::vector<std::string> release_iso;
  for (const release& r : releases.distinct) release_iso.push_back(r.iso());
  py::dict out;
  out["period_codes"] = numpy_from(std::move(periods.codes));
  out["periods"] = periods.distinct;
  out["first_ordinal"] = numpy_from(std::move(first));
  out["last_ordinal"] = numpy_from(std::move(last));
  out["group"] = numpy_from(std::move(group));
  out["mode"] = numpy_from(std::move(mode));
  out["count"] = numpy_from(std::move(count));
  out["source_codes"] = numpy_from(std::move(sources.codes));
  out["sources"] = sources.distinct;
  out["release_codes"] = numpy_from(std::move(releases.codes));
  out["releases"] = release_iso;
  out["line"] = numpy_from(std::move(line));
  return out;
}

}  // namespace

void register_frames(py::module_& m) {
  m.def(
      "_counts_from_codes",
      [](const py::handle& period_codes, const py::list& periods, const py::handle& category_codes,
         const std::vector<category>& categories, const py::handle& nationality_codes, const py::list& nationalities,
         const py::handle& counts, const py::handle& source_codes, const std::vector<std::string>& sources,
         const py::handle& release_codes, const std::vector<release>& releases, std::string origin) {
        const auto count_array = to_int64_array(counts, "count");
        const auto count_values = count_array.span();
        const std::size_t n = count_values.size();
        const code_column p(period_codes, "period codes", n, periods.size());
        const code_column c(category_codes, "category codes", n, categories.size());
        const code_column k(nationality_codes, "nationality codes", n, nationalities.size());
        const code_column s(source_codes, "source codes", n, sources.size());
        const code_column r(release_codes, "release codes", n, releases.size());
        std::vector<count_period> period_values;
        for (const auto& value : periods) period_values.push_back(to_count_period_value(value));
        std::vector<std::optional<nationality>> nationality_values;
        for (const auto& value : nationalities) {
          if (value.is_none())
            nationality_values.emplace_back();
          else
            nationality_values.emplace_back(value.cast<nationality>());
        }
        py::gil_scoped_release unlocked;
        std::vector<count_row> rows(n);
        for (std::size_t i = 0; i < n; ++i) {
          count_row& row = rows[i];
          row.period = period_values[p[i]];
          row.category = categories[c[i]];
          row.nationality = nationality_values[k[i]];
          row.count = count_values[i];
          row.source = sources[s[i]];
          row.release = releases[r[i]];
        }
        return counts_table::from_rows(std::move(rows), std::move(origin));
      },
      py::arg("period_codes"), py::arg("periods"), py::arg("category_codes"), py::arg("categories"),
      py::arg("nationality_codes"), py::arg("nationalities"), py::arg("counts"), py::arg("source_codes"),
      py::arg("sources"), py::arg("release_codes"), py::arg("releases"), py::arg("origin"),
      "A CountsTable from code columns: row i is (periods[period_codes[i]], categories[category_codes[i]], ...). "
      "Nationality None = TOTAL.");

  m.def("_factorise_text", &factorise_text, py::arg("column"),
        "pandas.factorize of a 1-D object array of str (None and NaN missing: code -1): (codes, distinct values "
        "in order of first appearance), or None when it holds other objects; TypeError for anything but a 1-D object "
        "array.");

  m.def(
      "_departures_from_codes",
      [](const py::handle& period_codes, const py::list& periods, const py::handle& group_codes,
         const std::vector<departure_group>& groups, const py::handle& mode_codes,
         const std::vector<departure_mode>& modes, const py::handle& counts, const py::handle& source_codes,
         const std::vector<std::string>& sources, const py::handle& release_codes, const std::vector<release>& releases,
         std::string origin) {
        const auto count_array = to_int64_array(counts, "count");
        const auto count_values = count_array.span();
        const std::size_t n = count_values.size();
        const code_column p(period_codes, "period codes", n, periods.size());
        const code_column g(group_codes, "group codes", n, groups.size());
        const code_column d(mode_codes, "mode codes", n, modes.size());
        const code_column s(source_codes, "source codes", n, sources.size());
        const code_column r(release_codes, "release codes", n, releases.size());
        std::vector<period_range<month>> period_values;
        for (const auto& value : periods) period_values.push_back(to_month_range(value));
        py::gil_scoped_release unlocked;
        std::vector<departure_row> rows(n);
        for (std::size_t i = 0; i < n; ++i) {
          departure_row& row = rows[i];
          row.period = period_values[p[i]];
          row.group = groups[g[i]];
          row.mode = modes[d[i]];
          row.count = count_values[i];
          row.source = sources[s[i]];
          row.release = releases[r[i]];
        }
        return departures_table::from_rows(std::move(rows), std::move(origin));
      },
      py::arg("period_codes"), py::arg("periods"), py::arg("group_codes"), py::arg("groups"), py::arg("mode_codes"),
      py::arg("modes"), py::arg("counts"), py::arg("source_codes"), py::arg("sources"), py::arg("release_codes"),
      py::arg("releases"), py::arg("origin"), "A DeparturesTable from code columns (see _counts_from_codes).");

  m.def(
      "_counts_columns",
      [](const counts_table& t, bool superseded) { return counts_columns(superseded ? t.superseded() : t.rows()); },
      py::arg("table"), py::arg("superseded") = false,
      "The rows in use (or the superseded ones) as numpy columns: period rank (0 month, 1 quarter, 2 year, 3 week) and "
      "pandas ordinal, category value, nationality/source/release codes with their distinct values, count, line.");
  m.def(
      "_departures_columns",
      [](const departures_table& t, bool superseded) {
        return departures_columns(superseded ? t.superseded() : t.rows());
      },
      py::arg("table"), py::arg("superseded") = false,
      "The rows of a DeparturesTable as numpy columns (see _counts_columns); months as pandas ordinals.");

  // The page's labels, so that charts and notebook tables say exactly what the page says.
  m.def(
      "_distribution_row_label",
      [](const distribution_figure& f, const distribution_row& r, const py::object& lang) {
        return detail::rendering::row_label(f, r, to_language(lang));
      },
      py::arg("figure"), py::arg("row"), py::arg("lang") = "nl",
      "The row's label on the page: the nationality's name, 'Onbekend', 'Overig', ...");
  m.def(
      "_distribution_title",
      [](const distribution_figure& f, const py::object& lang) {
        return detail::rendering::distribution_title(f, to_language(lang));
      },
      py::arg("figure"), py::arg("lang") = "nl",
      "'Eerste asielaanvragen naar nationaliteit, mei 2021': the title figure_title gives on the page.");
  m.def(
      "_distribution_table_html",
      [](const distribution_figure& f, const py::object& lang) {
        return detail::rendering::html_figure_table(f, to_language(lang));
      },
      py::arg("figure"), py::arg("lang") = "nl", "The figure's data as the page's HTML table (or 'not available').");
}

}  // namespace kerncijfers::python
