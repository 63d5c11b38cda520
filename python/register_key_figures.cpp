// The key figures of a month, quarter or year (kerncijfers/key_figures.hpp): the figure records, their
// options, and the functions that compute them.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/key_figures.hpp>

namespace kerncijfers::python {

namespace {

// A Month, Quarter, Year or its ISO text ("2021", "2021-Q2", "2021-05") as a count period.
count_period to_count_period(const py::handle& value) {
  if (py::isinstance<month>(value)) return value.cast<month>();
  if (py::isinstance<quarter>(value)) return value.cast<quarter>();
  if (py::isinstance<year>(value)) return value.cast<year>();
  if (py::isinstance<py::str>(value)) return parse_count_period(value.cast<std::string>());
  throw py::type_error("a page's period is a Month, Quarter, Year or its ISO text");
}

py::object period_object(const count_period& p) {
  return std::visit([](const auto& q) { return py::cast(q); }, p);
}

// The properties every figure has from its header beyond the five: the source's flags and
// rounding.
template <class Figure, class Class>
void def_marks(Class& cls) {
  cls.def_property_readonly("flags", [](const Figure& f) { return f.flags; })
      .def_property_readonly("source_multiple", [](const Figure& f) { return f.source_multiple; })
      .def_property_readonly("provisional", [](const Figure& f) { return f.provisional(); })
      .def_property_readonly("estimated", [](const Figure& f) { return f.estimated(); });
}

template <class Figure, class Class>
void def_window(Class& cls, const char* name, period_range<month> Figure::*member) {
  cls.def_property_readonly(name, [member](const Figure& f) { return to_python_range(f.*member); });
}

// A record field in a pickled state and back. Windows go through the Python PeriodRange
// (a record's window is a C++ period_range<month>, which Python sees as a PeriodRange).
template <class T>
py::object field_state(const T& value) {
  return py::cast(value);
}
inline py::object field_state(const period_range<month>& window) { return to_python_range(window); }
inline py::object field_state(const std::optional<period_range<month>>& window) {
  return window ? to_python_range(*window) : py::none();
}
// Where the unknown nationality goes, as the bool `unknown_separate` that 0.1.0 pickled.
inline py::object field_state(unknown_placement p) { return py::bool_(p == unknown_placement::own_row); }

template <class T>
void field_from_state(T& out, const py::handle& state) {
  out = state.cast<T>();
}
inline void field_from_state(period_range<month>& out, const py::handle& state) { out = to_month_range(state); }
inline void field_from_state(std::optional<period_range<month>>& out, const py::handle& state) {
  if (state.is_none())
    out.reset();
  else
    out = to_month_range(state);
}
// A page's period: a Month, Quarter or Year (0.1.0 pickled a Month).
inline py::object field_state(const count_period& p) {
  return std::visit([](const auto& q) { return py::cast(q); }, p);
}
inline void field_from_state(count_period& out, const py::handle& state) { out = to_count_period(state); }
inline void field_from_state(unknown_placement& out, const py::handle& state) {
  out = state.cast<bool>() ? unknown_placement::own_row : unknown_placement::in_other;
}
// A percent: a RoundedDecimal, or (pickled by 0.1.0) its units as an int, which the
// figure's `after_load` puts at the figure's decimals.
inline void field_from_state(rounded_decimal& out, const py::handle& state) {
  if (py::isinstance<py::int_>(state))
    out = rounded_decimal(state.cast<std::int64_t>(), 0);
  else
    out = state.cast<rounded_decimal>();
}
inline void field_from_state(std::optional<rounded_decimal>& out, const py::handle& state) {
  if (state.is_none()) {
    out.reset();
  } else {
    rounded_decimal value;
    field_from_state(value, state);
    out = value;
  }
}

// The percents of a figure loaded from a 0.1.0 pickle are units without decimals: at the
// figure's decimals they are the same numbers (a percent of a figure always has its decimals).
inline void at_decimals(rounded_decimal& percent, int decimals) {
  if (percent.decimals() != decimals) percent = rounded_decimal(percent.units(), decimals);
}
inline void at_decimals(std::optional<rounded_decimal>& percent, int decimals) {
  if (percent) at_decimals(*percent, decimals);
}

struct no_fixup {
  template <class T>
  void operator()(T&) const noexcept {}
};

// The protocol of a record: equality, copies, and pickling of every field, in the order
// given. A record that grew keeps its first `first_version_fields` fields in front and
// appends the new ones, so a state pickled before they existed (shorter) still loads and
// leaves them at their defaults; any other change of the fields needs a new pickle format
// version and a loader for the old.
// The fields may be members of `T` or of its base (the figure header); `after_load` runs on
// each record loaded.
template <class T, class Class, class AfterLoad, class... Fields>
void def_grown_record_with(Class& cls, std::size_t first_version_fields, AfterLoad after_load, Fields... fields) {
  def_equality<T>(cls);
  def_copy<T>(cls);
  def_pickle<T>(
      cls, [fields...](const T& record) { return py::make_tuple(field_state(record.*fields)...); },
      [first_version_fields, after_load, fields...](const py::tuple& state) {
        if (state.size() < first_version_fields || state.size() > sizeof...(Fields)) {
          throw std::runtime_error("kerncijfers: invalid pickled state of " +
                                   std::string(py::str(py::type::of<T>().attr("__name__"))));
        }
        T record;
        std::size_t i = 0;
        const auto load = [&](auto& field) {
          if (i < state.size()) field_from_state(field, state[i]);
          ++i;
        };
        (load(record.*fields), ...);
        after_load(record);
        return record;
      });
}

template <class T, class Class, class... Fields>
void def_grown_record(Class& cls, std::size_t first_version_fields, Fields... fields) {
  def_grown_record_with<T>(cls, first_version_fields, no_fixup{}, fields...);
}

template <class T, class Class, class... Fields>
void def_record(Class& cls, Fields... fields) {
  def_grown_record<T>(cls, sizeof...(Fields), fields...);
}

}  // namespace

void register_key_figures(py::module_& m) {
  def_enum<share_rounding>(
      m, "ShareRounding", "How a set of shares is rounded.",
      {{"published", share_rounding::published, "each share half-up on its own, as the published page"},
       {"largest_remainder", share_rounding::largest_remainder, "largest remainder: sums to exactly 100"}});
  m.def("parse_share_rounding", &parse_share_rounding, py::arg("text"), "'published' or 'largest-remainder'.");
  def_enum<figure_status>(m, "FigureStatus", "exact, partial (breakdown does not cover the total) or unavailable.",
                          {{"exact", figure_status::exact},
                           {"partial", figure_status::partial},
                           {"unavailable", figure_status::unavailable}});
  def_enum<figure_problem>(m, "FigureProblem",
                           "Why a figure is partial or unavailable, as a code (the renderers put it into words in "
                           "either language; the figure's reason has the details).",
                           {{"none", figure_problem::none},
                            {"incomplete_breakdown", figure_problem::incomplete_breakdown},
                            {"missing_months", figure_problem::missing_months},
                            {"unsplittable_rows", figure_problem::unsplittable_rows},
                            {"zero_total", figure_problem::zero_total},
                            {"inconsistent_data", figure_problem::inconsistent_data},
                            {"undetermined_designation", figure_problem::undetermined_designation},
                            {"missing_departures", figure_problem::missing_departures},
                            {"overflow", figure_problem::overflow},
                            {"inconsistent_departures", figure_problem::inconsistent_departures},
                            {"not_in_source", figure_problem::not_in_source},
                            {"not_for_country", figure_problem::not_for_country}});
  def_enum<page_unit>(m, "PageUnit", "The unit a page and its figures' windows are stated in.",
                      {{"month", page_unit::month},
                       {"quarter", page_unit::quarter},
                       {"year", page_unit::year},
                       {"week", page_unit::week}});
  def_enum<row_kind>(m, "RowKind", "What a distribution row stands for.",
                     {{"nationality", row_kind::nationality},
                      {"unknown", row_kind::unknown},
                      {"other", row_kind::other},
                      {"unlisted", row_kind::unlisted}});

  def_enum<unknown_placement>(m, "UnknownPlacement", "Where a distribution puts the unknown nationality.",
                              {{"own_row", unknown_placement::own_row, "a row of its own (first applications)"},
                               {"in_other", unknown_placement::in_other, "folded into other (family reunification)"}});

  py::class_<figure_source> source(m, "FigureSource", "The sources and latest release behind a figure.");
  source.def_readonly("sources", &figure_source::sources)
      .def_readonly("latest_release", &figure_source::latest_release)
      .def_readonly("retrieved", &figure_source::retrieved)
      .def("__repr__", [](const figure_source& s) {
        std::string text = "<FigureSource";
        for (const auto& name : s.sources) text += " '" + name + "'";
        return text + (s.latest_release.is_dated() ? ", release " + s.latest_release.iso() : "") +
               (s.retrieved.empty() ? "" : ", retrieved " + s.retrieved) + ">";
      });
  // retrieved was added after 0.1.0, whose pickles hold the first two.
  def_grown_record<figure_source>(source, 2, &figure_source::sources, &figure_source::latest_release,
                                  &figure_source::retrieved);

  py::class_<distribution_row> row(m, "DistributionRow",
                                   "One row of a distribution: count, exact share, rounded percent.");
  row.def_readonly("kind", &distribution_row::kind)
      .def_readonly("nationality", &distribution_row::nationality)
      .def_readonly("count", &distribution_row::count)
      .def_readonly("exact", &distribution_row::exact)
      .def_readonly("percent", &distribution_row::percent)
      .def("__repr__", [](const distribution_row& r) {
        const std::string who = r.nationality ? std::string(r.nationality->alpha3()) : std::string(to_string(r.kind));
        return "<DistributionRow " + who + " " + std::to_string(r.count) + " (" + r.percent.format() + ")>";
      });
  // A row pickled by 0.1.0 on its own held its percent's units only: they load at 0 decimals.
  def_record<distribution_row>(row, &distribution_row::kind, &distribution_row::nationality, &distribution_row::count,
                               &distribution_row::exact, &distribution_row::percent);

  py::class_<distribution_figure> dist(m, "DistributionFigure", "Shares of one category by nationality over a window.");
  dist.def_readonly("category", &distribution_figure::category);
  def_window<distribution_figure>(dist, "window", &distribution_figure::window);
  dist.def_readonly("status", &distribution_figure::status)
      .def_readonly("problem", &distribution_figure::problem)
      .def_readonly("reason", &distribution_figure::reason)
      .def_readonly("total", &distribution_figure::total)
      .def_readonly("top_n", &distribution_figure::top_n)
      .def_readonly("unknown_row", &distribution_figure::unknown_row)
      .def_readonly("rows", &distribution_figure::rows)
      .def_readonly("rounding", &distribution_figure::rounding)
      .def_readonly("decimals", &distribution_figure::decimals)
      .def_readonly("percent_sum", &distribution_figure::percent_sum)
      .def_readonly("sums_to_100", &distribution_figure::sums_to_100)
      .def_readonly("rounding_note", &distribution_figure::rounding_note)
      .def_readonly("source", &distribution_figure::source)
      .def_readonly("listed", &distribution_figure::listed)
      .def_readonly("unusable_nationalities", &distribution_figure::unusable_nationalities)
      .def_readonly("notes", &distribution_figure::notes)
      .def_readonly("unit", &distribution_figure::unit)
      .def("__repr__", [](const distribution_figure& f) {
        return "<DistributionFigure " + std::string(to_string(f.category)) + " " + f.window.iso() + " " +
               std::string(to_string(f.status)) + ", total " + std::to_string(f.total) + ", " +
               std::to_string(f.rows.size()) + " rows>";
      });
  def_grown_record_with<distribution_figure>(
      dist, 18,
      [](distribution_figure& f) {
        for (distribution_row& r : f.rows) at_decimals(r.percent, f.decimals);
        at_decimals(f.percent_sum, f.decimals);
      },
      &distribution_figure::category, &distribution_figure::window, &distribution_figure::status,
      &distribution_figure::problem, &distribution_figure::reason, &distribution_figure::total,
      &distribution_figure::top_n, &distribution_figure::unknown_row, &distribution_figure::rows,
      &distribution_figure::rounding, &distribution_figure::decimals, &distribution_figure::percent_sum,
      &distribution_figure::sums_to_100, &distribution_figure::rounding_note, &distribution_figure::source,
      &distribution_figure::listed, &distribution_figure::unusable_nationalities, &distribution_figure::notes,
      &distribution_figure::unit, &distribution_figure::flags, &distribution_figure::source_multiple);
  def_marks<distribution_figure>(dist);

  py::class_<safe_share_figure> safe(m, "SafeShareFigure", "The share from safe countries of origin over a window.");
  safe.def_readonly("category", &safe_share_figure::category);
  def_window<safe_share_figure>(safe, "window", &safe_share_figure::window);
  safe.def_readonly("status", &safe_share_figure::status)
      .def_readonly("problem", &safe_share_figure::problem)
      .def_readonly("reason", &safe_share_figure::reason)
      .def_readonly("total", &safe_share_figure::total)
      .def_readonly("safe_count", &safe_share_figure::safe_count)
      .def_readonly("percent", &safe_share_figure::percent)
      .def_readonly("decimals", &safe_share_figure::decimals)
      .def_readonly("lower_percent", &safe_share_figure::lower_percent)
      .def_readonly("upper_percent", &safe_share_figure::upper_percent)
      .def_readonly("safe_nationalities", &safe_share_figure::safe_nationalities)
      .def_readonly("undetermined_nationalities", &safe_share_figure::undetermined_nationalities)
      .def_readonly("rule", &safe_share_figure::rule)
      .def_readonly("source", &safe_share_figure::source)
      .def_readonly("notes", &safe_share_figure::notes)
      .def_readonly("unit", &safe_share_figure::unit)
      .def("__repr__", [](const safe_share_figure& f) {
        return "<SafeShareFigure " + f.window.iso() + " " + std::string(to_string(f.status)) + ">";
      });
  def_grown_record_with<safe_share_figure>(
      safe, 16,
      [](safe_share_figure& f) {
        at_decimals(f.percent, f.decimals);
        at_decimals(f.lower_percent, f.decimals);
        at_decimals(f.upper_percent, f.decimals);
      },
      &safe_share_figure::category, &safe_share_figure::window, &safe_share_figure::status, &safe_share_figure::problem,
      &safe_share_figure::reason, &safe_share_figure::total, &safe_share_figure::safe_count,
      &safe_share_figure::percent, &safe_share_figure::decimals, &safe_share_figure::lower_percent,
      &safe_share_figure::upper_percent, &safe_share_figure::safe_nationalities,
      &safe_share_figure::undetermined_nationalities, &safe_share_figure::rule, &safe_share_figure::source,
      &safe_share_figure::notes, &safe_share_figure::unit, &safe_share_figure::flags,
      &safe_share_figure::source_multiple);
  def_marks<safe_share_figure>(safe);

  py::class_<influx_entry> entry(m, "InfluxEntry",
                                 "The TOTAL count of one category in a month (or why it is missing).");
  entry.def_readonly("category", &influx_entry::category)
      .def_readonly("count", &influx_entry::count)
      .def_readonly("problem", &influx_entry::problem)
      .def_readonly("reason", &influx_entry::reason);
  def_record<influx_entry>(entry, &influx_entry::category, &influx_entry::count, &influx_entry::reason,
                           &influx_entry::problem);

  py::class_<influx_figure> influx_cls(m, "InfluxFigure", "Influx of one month per category.");
  influx_cls.def_property_readonly("period", [](const influx_figure& f) { return period_object(f.period); })
      .def_readonly("by_category", &influx_figure::by_category)
      .def_readonly("total", &influx_figure::total)
      .def_readonly("source", &influx_figure::source)
      .def_readonly("notes", &influx_figure::notes)
      .def_readonly("status", &influx_figure::status)
      .def_readonly("problem", &influx_figure::problem)
      .def_readonly("reason", &influx_figure::reason);
  // problem and reason (once total_problem and total_reason) were added after 0.1.0, whose
  // pickles hold the first five; status after them. A state without a status has it from
  // the total.
  def_grown_record_with<influx_figure>(
      influx_cls, 5, [](influx_figure& f) { f.status = f.total ? figure_status::exact : figure_status::unavailable; },
      &influx_figure::period, &influx_figure::by_category, &influx_figure::total, &influx_figure::source,
      &influx_figure::notes, &influx_figure::problem, &influx_figure::reason, &influx_figure::flags,
      &influx_figure::source_multiple);
  def_marks<influx_figure>(influx_cls);

  py::class_<weekly_influx_entry> wentry(
      m, "WeeklyInfluxEntry", "One category's TOTAL in a week and over the trailing 4 and 13 weeks ending with it.");
  wentry.def_readonly("category", &weekly_influx_entry::category)
      .def_readonly("week", &weekly_influx_entry::week)
      .def_readonly("trailing_4", &weekly_influx_entry::trailing_4)
      .def_readonly("trailing_13", &weekly_influx_entry::trailing_13)
      .def("__repr__", [](const weekly_influx_entry& e) {
        const auto count = [](const influx_entry& x) {
          return x.count ? std::to_string(*x.count) : std::string("None");
        };
        return "WeeklyInfluxEntry(" + std::string(to_string(e.category)) + ", week=" + count(e.week) +
               ", trailing_4=" + count(e.trailing_4) + ", trailing_13=" + count(e.trailing_13) + ")";
      });
  def_record<weekly_influx_entry>(wentry, &weekly_influx_entry::category, &weekly_influx_entry::week,
                                  &weekly_influx_entry::trailing_4, &weekly_influx_entry::trailing_13);

  py::class_<weekly_influx_figure> weekly(m, "WeeklyInfluxFigure",
                                          "The weekly influx per category: the week and the trailing 4 and 13 weeks.");
  weekly.def_readonly("week", &weekly_influx_figure::week)
      .def_readonly("by_category", &weekly_influx_figure::by_category)
      .def_readonly("source", &weekly_influx_figure::source)
      .def_readonly("notes", &weekly_influx_figure::notes)
      .def_readonly("status", &weekly_influx_figure::status)
      .def_readonly("problem", &weekly_influx_figure::problem)
      .def_readonly("reason", &weekly_influx_figure::reason)
      .def("__repr__", [](const weekly_influx_figure& f) {
        return "WeeklyInfluxFigure(" + f.week.iso() + ", " + std::string(to_string(f.status)) + ")";
      });
  def_record<weekly_influx_figure>(
      weekly, &weekly_influx_figure::week, &weekly_influx_figure::by_category, &weekly_influx_figure::source,
      &weekly_influx_figure::notes, &weekly_influx_figure::status, &weekly_influx_figure::problem,
      &weekly_influx_figure::reason, &weekly_influx_figure::flags, &weekly_influx_figure::source_multiple);
  def_marks<weekly_influx_figure>(weekly);

  py::class_<departures_figure> dep(
      m, "DeparturesFigure", "Departures of one group: total rounded to tens, supervised vs unsupervised shares.");
  dep.def_readonly("group", &departures_figure::group);
  def_window<departures_figure>(dep, "window", &departures_figure::window);
  dep.def_readonly("status", &departures_figure::status)
      .def_readonly("problem", &departures_figure::problem)
      .def_readonly("reason", &departures_figure::reason)
      .def_readonly("total", &departures_figure::total)
      .def_readonly("total_rounded", &departures_figure::total_rounded)
      .def_readonly("total_multiple", &departures_figure::total_multiple)
      .def_readonly("total_mode", &departures_figure::total_mode)
      .def_readonly("supervised", &departures_figure::supervised)
      .def_readonly("unsupervised", &departures_figure::unsupervised)
      .def_readonly("supervised_percent", &departures_figure::supervised_percent)
      .def_readonly("unsupervised_percent", &departures_figure::unsupervised_percent)
      .def_readonly("rounding", &departures_figure::rounding)
      .def_readonly("decimals", &departures_figure::decimals)
      .def_readonly("sums_to_100", &departures_figure::sums_to_100)
      .def_readonly("rounding_note", &departures_figure::rounding_note)
      .def_readonly("source", &departures_figure::source)
      .def_readonly("notes", &departures_figure::notes)
      .def("__repr__", [](const departures_figure& f) {
        return "<DeparturesFigure " + std::string(to_string(f.group)) + " " + f.window.iso() + " " +
               std::string(to_string(f.status)) + ", total " + std::to_string(f.total) + ">";
      });
  // total_multiple, total_mode and notes were added after 0.1.0, whose pickles hold the first 16.
  def_grown_record_with<departures_figure>(
      dep, 16,
      [](departures_figure& f) {
        at_decimals(f.supervised_percent, f.decimals);
        at_decimals(f.unsupervised_percent, f.decimals);
      },
      &departures_figure::group, &departures_figure::window, &departures_figure::status, &departures_figure::problem,
      &departures_figure::reason, &departures_figure::total, &departures_figure::total_rounded,
      &departures_figure::supervised, &departures_figure::unsupervised, &departures_figure::supervised_percent,
      &departures_figure::unsupervised_percent, &departures_figure::rounding, &departures_figure::decimals,
      &departures_figure::sums_to_100, &departures_figure::rounding_note, &departures_figure::source,
      &departures_figure::total_multiple, &departures_figure::total_mode, &departures_figure::notes,
      &departures_figure::flags, &departures_figure::source_multiple);
  def_marks<departures_figure>(dep);

  py::class_<key_figures_options> options(m, "KeyFiguresOptions",
                                          "Choices behind the figures; defaults reproduce the page.");
  options
      .def(py::init([](std::size_t trailing_months, std::size_t top_first_month, std::size_t top_first_trailing,
                       std::size_t top_family_reunification, std::optional<month> family_reunification_window_end,
                       const py::object& departures_window, share_rounding rounding, int decimals,
                       std::int64_t departures_multiple, rounding_mode departures_mode,
                       std::optional<std::size_t> trailing, std::string reporting_country, bool country_policy_data,
                       std::string retrieved) {
             key_figures_options o;
             o.retrieved = std::move(retrieved);
             o.trailing = trailing;
             o.reporting_country = std::move(reporting_country);
             o.country_policy_data = country_policy_data;
             o.trailing_months = trailing_months;
             o.top_first_month = top_first_month;
             o.top_first_trailing = top_first_trailing;
             o.top_family_reunification = top_family_reunification;
             o.family_reunification_window_end = family_reunification_window_end;
             if (!departures_window.is_none()) o.departures_window = to_month_range(departures_window);
             o.rounding = rounding;
             o.decimals = decimals;
             o.departures_multiple = departures_multiple;
             o.departures_mode = departures_mode;
             check_key_figures_options(o);
             return o;
           }),
           py::kw_only(), py::arg("trailing_months") = 12, py::arg("top_first_month") = 6,
           py::arg("top_first_trailing") = 4, py::arg("top_family_reunification") = 3,
           py::arg("family_reunification_window_end") = py::none(), py::arg("departures_window") = py::none(),
           py::arg("rounding") = share_rounding::published, py::arg("decimals") = 0,
           py::arg("departures_multiple") = 10, py::arg("departures_mode") = rounding_mode::half_up,
           py::arg("trailing") = py::none(), py::arg("reporting_country") = "", py::arg("country_policy_data") = false,
           py::arg("retrieved") = "")
      .def_readwrite("trailing_months", &key_figures_options::trailing_months)
      .def_readwrite("top_first_month", &key_figures_options::top_first_month)
      .def_readwrite("top_first_trailing", &key_figures_options::top_first_trailing)
      .def_readwrite("top_family_reunification", &key_figures_options::top_family_reunification)
      .def_readwrite("family_reunification_window_end", &key_figures_options::family_reunification_window_end)
      .def_property(
          "departures_window",
          [](const key_figures_options& o) -> py::object {
            if (!o.departures_window) return py::none();
            return to_python_range(*o.departures_window);
          },
          [](key_figures_options& o, const py::object& value) {
            if (value.is_none())
              o.departures_window.reset();
            else
              o.departures_window = to_month_range(value);
          })
      .def_readwrite("rounding", &key_figures_options::rounding)
      .def_readwrite("decimals", &key_figures_options::decimals)
      .def_readwrite("departures_multiple", &key_figures_options::departures_multiple)
      .def_readwrite("departures_mode", &key_figures_options::departures_mode)
      .def_readwrite("trailing", &key_figures_options::trailing)
      .def_readwrite("reporting_country", &key_figures_options::reporting_country)
      .def_readwrite("country_policy_data", &key_figures_options::country_policy_data)
      .def_readwrite("retrieved", &key_figures_options::retrieved)
      .def("__repr__", [](const key_figures_options& o) {
        return "KeyFiguresOptions(trailing_months=" + std::to_string(o.trailing_months) +
               ", top_first_month=" + std::to_string(o.top_first_month) +
               ", top_first_trailing=" + std::to_string(o.top_first_trailing) +
               ", top_family_reunification=" + std::to_string(o.top_family_reunification) + ", rounding='" +
               std::string(to_string(o.rounding)) + "', decimals=" + std::to_string(o.decimals) +
               ", departures_multiple=" + std::to_string(o.departures_multiple) + ", departures_mode='" +
               std::string(to_string(o.departures_mode)) + "'" +
               (o.trailing ? ", trailing=" + std::to_string(*o.trailing) : std::string()) +
               (o.reporting_country.empty() ? std::string() : ", reporting_country='" + o.reporting_country + "'") +
               (o.country_policy_data ? ", country_policy_data=True" : "") +
               (o.retrieved.empty() ? std::string() : ", retrieved='" + o.retrieved + "'") + ")";
      });
  // departures_multiple and departures_mode were added after 0.1.0, whose pickles hold the first eight.
  def_grown_record<key_figures_options>(
      options, 8, &key_figures_options::trailing_months, &key_figures_options::top_first_month,
      &key_figures_options::top_first_trailing, &key_figures_options::top_family_reunification,
      &key_figures_options::family_reunification_window_end, &key_figures_options::departures_window,
      &key_figures_options::rounding, &key_figures_options::decimals, &key_figures_options::departures_multiple,
      &key_figures_options::departures_mode, &key_figures_options::trailing, &key_figures_options::reporting_country,
      &key_figures_options::country_policy_data, &key_figures_options::retrieved);

  py::class_<key_figures> figures(m, "KeyFigures", "Every figure of the page for one month.");
  figures.def_property_readonly("period", [](const key_figures& k) { return period_object(k.period); })
      .def_readonly("options", &key_figures::options)
      .def_readonly("influx", &key_figures::influx)
      .def_readonly("first_month", &key_figures::first_month)
      .def_readonly("first_trailing", &key_figures::first_trailing)
      .def_readonly("safe_month", &key_figures::safe_month)
      .def_readonly("family_reunification_month", &key_figures::family_reunification_month)
      .def_readonly("family_reunification_trailing", &key_figures::family_reunification_trailing)
      .def_readonly("departures_all", &key_figures::departures_all)
      .def_readonly("departures_criminal", &key_figures::departures_criminal)
      .def("__repr__", [](const key_figures& k) { return "<KeyFigures " + iso(k.period) + ">"; });
  def_record<key_figures>(figures, &key_figures::period, &key_figures::options, &key_figures::influx,
                          &key_figures::first_month, &key_figures::first_trailing, &key_figures::safe_month,
                          &key_figures::family_reunification_month, &key_figures::family_reunification_trailing,
                          &key_figures::departures_all, &key_figures::departures_criminal);

  py::class_<breakdown_entry>(m, "BreakdownEntry")
      .def_readonly("nationality", &breakdown_entry::nationality)
      .def_readonly("count", &breakdown_entry::count);
  py::class_<unusable_nationality>(m, "UnusableNationality")
      .def_readonly("nationality", &unusable_nationality::nationality)
      .def_readonly("reason", &unusable_nationality::reason);
  py::class_<nationality_breakdown> breakdown(m, "NationalityBreakdown",
                                              "A category's counts by nationality over a window.");
  breakdown.def_readonly("category", &nationality_breakdown::category);
  def_window<nationality_breakdown>(breakdown, "window", &nationality_breakdown::window);
  breakdown.def_readonly("total", &nationality_breakdown::total)
      .def_readonly("total_problem", &nationality_breakdown::total_problem)
      .def_readonly("total_reason", &nationality_breakdown::total_reason)
      .def_readonly("listed", &nationality_breakdown::listed)
      .def_readonly("listed_sum", &nationality_breakdown::listed_sum)
      .def_readonly("listed_problem", &nationality_breakdown::listed_problem)
      .def_readonly("listed_reason", &nationality_breakdown::listed_reason)
      .def_readonly("unusable", &nationality_breakdown::unusable)
      .def_readonly("source", &nationality_breakdown::source)
      .def_readonly("notes", &nationality_breakdown::notes)
      .def_readonly("flags", &nationality_breakdown::flags)
      .def_readonly("source_multiple", &nationality_breakdown::source_multiple)
      .def_readonly("rounding_tolerance", &nationality_breakdown::rounding_tolerance)
      .def("complete", &nationality_breakdown::complete);

  m.def(
      "breakdown_by_nationality",
      [](const counts_table& t, category c, const py::object& window) {
        return breakdown_by_nationality(t, c, to_month_range(window));
      },
      py::arg("counts"), py::arg("category"), py::arg("window"));
  m.def(
      "distribution",
      [](const counts_table& t, category c, const py::object& window, std::size_t top_n, unknown_placement unknown_row,
         share_rounding rounding,
         int decimals) { return distribution(t, c, to_month_range(window), top_n, unknown_row, rounding, decimals); },
      py::arg("counts"), py::arg("category"), py::arg("window"), py::arg("top_n"),
      py::arg("unknown_row") = unknown_placement::own_row, py::arg("rounding") = share_rounding::published,
      py::arg("decimals") = 0,
      "Shares of a category by nationality over a window: top N, unknown, other (and unlisted when partial).");
  m.def("distribution_of", &distribution_of, py::arg("breakdown"), py::arg("top_n"),
        py::arg("unknown_row") = unknown_placement::own_row, py::arg("rounding") = share_rounding::published,
        py::arg("decimals") = 0);
  m.def(
      "safe_share",
      [](const counts_table& t, const safe_country_list& s, category c, const py::object& window, int decimals) {
        return safe_share(t, s, c, to_month_range(window), decimals);
      },
      py::arg("counts"), py::arg("safe"), py::arg("category"), py::arg("window"), py::arg("decimals") = 0,
      "The share from safe countries of origin (designation in force on the last day of each month).");
  m.def(
      "influx", [](const counts_table& t, const py::object& p) { return influx(t, to_count_period(p)); },
      py::arg("counts"), py::arg("month"), "TOTAL per category in a period (a Month, Quarter or Year).");
  m.def("weekly_influx", &weekly_influx, py::arg("counts"), py::arg("week"),
        "TOTAL per category in an IsoWeek and over the trailing 4 and 13 weeks ending with it.");
  m.def(
      "trailing_months_of",
      [](const py::object& p, std::size_t n) { return to_python_range(trailing_months_of(to_count_period(p), n)); },
      py::arg("period"), py::arg("n"),
      "The months of the n periods of the period's unit ending with it, as a PeriodRange.");
  m.def(
      "unit_of", [](const py::object& p) { return unit_of(to_count_period(p)); }, py::arg("period"),
      "The PageUnit of a Month, Quarter or Year.");
  m.def("is_netherlands", &is_netherlands, py::arg("code"),
        "True for the geo code NL and for the empty code (the ministry's page).");
  m.def("trailing_periods", &trailing_periods, py::arg("options"), py::arg("unit"),
        "The trailing window of the options in periods of the unit.");
  m.def(
      "departures_figure_for",
      [](const departures_table& t, departure_group g, const py::object& window, share_rounding rounding, int decimals,
         std::int64_t total_multiple, rounding_mode total_mode) {
        return departures_figure_for(t, g, to_month_range(window), rounding, decimals, total_multiple, total_mode);
      },
      py::arg("departures"), py::arg("group"), py::arg("window"), py::arg("rounding") = share_rounding::published,
      py::arg("decimals") = 0, py::arg("total_multiple") = 10, py::arg("total_mode") = rounding_mode::half_up);
  m.def("check_key_figures_options", &check_key_figures_options, py::arg("options"));
  m.def(
      "compute_key_figures",
      [](const counts_table& c, const departures_table& d, const safe_country_list& s, const py::object& period,
         const std::optional<key_figures_options>& o) {
        const key_figures_options chosen = o.value_or(key_figures_options{});
        const count_period p = to_count_period(period);
        py::gil_scoped_release release;
        return compute_key_figures(c, d, s, p, chosen);
      },
      py::arg("counts"), py::arg("departures"), py::arg("safe"), py::arg("month"), py::arg("options") = py::none(),
      "Every figure of the page for a period of the data's unit: a Month (the ministry's page), a Quarter or a "
      "Year (pure: tables in, figures out).");
}

}  // namespace kerncijfers::python
