// EuropeEntry, EuropeRow and europe(): every reporting country's top nationalities at once
// (kerncijfers/europe.hpp).
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <kerncijfers/europe.hpp>

namespace kerncijfers::python {

namespace {

count_period to_period(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  if (py::isinstance<py::str>(value)) return parse_count_period(value.cast<std::string>());
  throw py::type_error("period must be a Month, Quarter, Year or its ISO text ('2021', '2021-05', '2021-Q2'), not " +
                       py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>());
}

py::object period_to_python(const count_period& p) {
  return std::visit([](auto x) { return py::cast(x); }, p);
}

rounding_mode to_total_rounding(const py::handle& value) {
  if (py::isinstance<rounding_mode>(value)) return value.cast<rounding_mode>();
  if (py::isinstance<py::str>(value)) return parse_rounding_mode(value.cast<std::string>());
  throw py::type_error("total_rounding must be kerncijfers.RoundingMode or a name like \"half-up\"");
}

std::size_t non_negative(long long value, const char* what) {
  if (value < 0) throw invalid_input(std::string(what) + " must not be negative, got " + std::to_string(value));
  return static_cast<std::size_t>(value);
}

// Pickled state of an entry: (citizen, alpha-3 or None, count, share).
py::tuple entry_state(const europe_entry& e) {
  return py::make_tuple(e.citizen,
                        e.nationality ? py::object(py::str(std::string(e.nationality->alpha3()))) : py::none(), e.count,
                        e.share);
}

europe_entry entry_from_state(const py::tuple& s) {
  if (s.size() != 4) throw std::runtime_error("kerncijfers: invalid pickled EuropeEntry");
  std::optional<nationality> n;
  if (!s[1].is_none()) n = nationality::from_alpha3(s[1].cast<std::string>());
  return europe_entry{s[0].cast<std::string>(), n, s[2].cast<std::int64_t>(), s[3].cast<std::int64_t>()};
}

}  // namespace

void register_europe(py::module_& m) {
  py::class_<europe_entry> entry(m, "EuropeEntry",
                                 "One of a country's top nationalities: Eurostat's citizen code, our nationality of it "
                                 "(None for a code it does not know), the count and its whole-percent share.");
  entry
      .def(py::init([](std::string citizen, const py::object& nat, std::int64_t count, std::int64_t share) {
             std::optional<nationality> n;
             if (!nat.is_none()) {
               n = py::isinstance<nationality>(nat) ? nat.cast<nationality>()
                                                    : nationality::lookup(nat.cast<std::string>());
             }
             return europe_entry{std::move(citizen), n, count, share};
           }),
           py::arg("citizen"), py::arg("nationality") = py::none(), py::arg("count") = 0, py::arg("share") = 0)
      .def_readonly("citizen", &europe_entry::citizen)
      .def_readonly("nationality", &europe_entry::nationality)
      .def_readonly("count", &europe_entry::count)
      .def_readonly("share", &europe_entry::share)
      .def("__repr__", [](const europe_entry& e) {
        const std::string nat = e.nationality ? py::repr(py::cast(*e.nationality)).cast<std::string>() : "None";
        return "EuropeEntry(" + py::repr(py::str(e.citizen)).cast<std::string>() + ", " + nat +
               ", count=" + std::to_string(e.count) + ", share=" + std::to_string(e.share) + ")";
      });
  def_equality<europe_entry>(entry);
  def_copy<europe_entry>(entry);
  def_pickle<europe_entry>(entry, entry_state, entry_from_state);

  py::class_<europe_row> row(m, "EuropeRow",
                             "One reporting country's result of kerncijfers.europe: the top nationalities, other, "
                             "unknown, their whole-percent shares (summing to 100, or all 0 without any count), the "
                             "total (Eurostat's TOTAL where the data has it) and the total rounded, the sum of the "
                             "citizenships' own counts, the union of the observation flags, the observations "
                             "Eurostat marks missing (counted as 0) and the window's periods the country reported.");
  row.def_readonly("geo", &europe_row::geo)
      .def_property_readonly("period", [](const europe_row& r) { return period_to_python(r.period); })
      .def_readonly("top", &europe_row::top)
      .def_readonly("other", &europe_row::other)
      .def_readonly("other_share", &europe_row::other_share)
      .def_readonly("unknown", &europe_row::unknown)
      .def_readonly("unknown_share", &europe_row::unknown_share)
      .def_readonly("total", &europe_row::total)
      .def_readonly("rounded_total", &europe_row::rounded_total)
      .def_readonly("citizenships", &europe_row::citizenships)
      .def_readonly("flags", &europe_row::flags)
      .def_readonly("missing", &europe_row::missing)
      .def_readonly("periods_reported", &europe_row::periods_reported);
  def_str_from_stream<europe_row>(row);
  row.def("__repr__", [](const europe_row& r) {
    std::ostringstream out;
    out << "<EuropeRow " << r << ">";
    return out.str();
  });
  def_equality<europe_row>(row);
  def_copy<europe_row>(row);
  def_pickle<europe_row>(
      row,
      [](const europe_row& r) {
        py::list top;
        for (const europe_entry& e : r.top) top.append(entry_state(e));
        return py::make_tuple(r.geo, iso(r.period), top, r.other, r.other_share, r.unknown, r.unknown_share, r.total,
                              r.rounded_total, r.citizenships, r.flags.letters(), r.missing, r.periods_reported);
      },
      [](const py::tuple& s) {
        if (s.size() != 13) throw std::runtime_error("kerncijfers: invalid pickled EuropeRow");
        europe_row r;
        r.geo = s[0].cast<std::string>();
        r.period = parse_count_period(s[1].cast<std::string>());
        for (const py::handle e : s[2].cast<py::list>()) r.top.push_back(entry_from_state(e.cast<py::tuple>()));
        r.other = s[3].cast<std::int64_t>();
        r.other_share = s[4].cast<std::int64_t>();
        r.unknown = s[5].cast<std::int64_t>();
        r.unknown_share = s[6].cast<std::int64_t>();
        r.total = s[7].cast<std::int64_t>();
        r.rounded_total = s[8].cast<std::int64_t>();
        r.citizenships = s[9].cast<std::int64_t>();
        r.flags = observation_flags::parse(s[10].cast<std::string>());
        r.missing = s[11].cast<std::size_t>();
        r.periods_reported = s[12].cast<std::size_t>();
        return r;
      });

  m.def(
      "europe",
      [](const eurostat_data& data, const py::object& period, std::string asyl_app, long long top,
         std::int64_t total_multiple, const py::object& total_rounding, long long window) {
        europe_options options;
        options.asyl_app = std::move(asyl_app);
        options.top = non_negative(top, "top");
        options.total_multiple = total_multiple;
        options.total_rounding = to_total_rounding(total_rounding);
        options.window = non_negative(window, "window");
        const count_period last = to_period(period);
        py::gil_scoped_release release;
        return europe(data, last, options);
      },
      py::arg("data"), py::arg("period"), py::kw_only(), py::arg("asyl_app") = "NASY_APP", py::arg("top") = 5,
      py::arg("total_multiple") = 10, py::arg("total_rounding") = "half-up", py::arg("window") = 1,
      "Every reporting country's top nationalities of `period` (a Year, Month or Quarter, or its ISO text; "
      "with window=n the n periods ending there): a list of EuropeRow in the order of data.geo_codes. One "
      "applicant type (asyl_app: NASY_APP first-time, SSEQ subsequent, ASY_APP all); Eurostat's aggregate "
      "citizenships (TOTAL, EU27_2020, ...) are left out, UNK is 'unknown'; shares by largest remainder sum to "
      "100; totals rounded to total_multiple by total_rounding.");
}

}  // namespace kerncijfers::python
