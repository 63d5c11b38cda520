#pragma once
/// \file figures_json.hpp
/// The key figures as JSON: one function, `render_json`, that builds the document with
/// nlohmann/json (an ordered object, so the keys keep the order below) and writes it with
/// two-space indentation. The shape of the output is published as a JSON Schema
/// (draft 2020-12) in `docs/key-figures.schema.json`; every JSON output of the tests is
/// validated against it.
///
/// The labels in the document ({nl, en} pairs) come from the renderer's phrases, so the
/// JSON and the page always say the same.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/counts.hpp"
#include "kerncijfers/departures.hpp"
#include "kerncijfers/figure_text.hpp"
#include "kerncijfers/key_figures.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// Every figure as JSON (UTF-8, two-space indentation, integers only): windows in ISO form
/// with Dutch and English labels, status, problem and reason, totals, rows (kind,
/// nationality with alpha-3 code and names, count, exact share as part and whole, rounded
/// percent in units of 10^-decimals and as text), rounding rule, decimals, percent sum,
/// listed count, unusable nationalities and notes, sources and latest release (ISO,
/// precision, labels; `null` ISO when undated); the safe share with its bounds; departures
/// with total and rounded total; influx per category, their sum and why it is missing; the
/// options. Window objects hold `iso` ("2020-06/2021-05", a single month "2021-05", as
/// `period_range::iso`), `first`, `last`, `months` and `label` {nl, en}. The text ends in a
/// newline. `docs/key-figures.schema.json` is the schema of the output.
///
/// The keys are those of the published format (kerncijfers 0.1.0), kept for its readers
/// where the C++ names have since changed: `nareizigers_month`/`nareizigers_trailing`
/// (`family_reunification_*`), the options' `top_nareizigers`, `nareiziger_window_end` and
/// `departures_period`, a departures figure's `period` (`window`), and the influx's
/// `total_problem`/`total_reason` (its header's `problem`/`reason`).
///
/// One convention for values that do not exist: `null`, in every figure. An `unavailable`
/// figure has none of its counts, percentages, sums, yes/no values and their texts (all
/// `null`; its rows are `[]`), except what it states in their place: the safe share's
/// bounds and the TOTAL they are shares of. An influx count or sum that is missing is
/// `null`. Texts that do not apply are empty strings (`reason` of an exact figure).
///
/// Strings are written as they are (UTF-8 passes through, `"`, `\` and control characters
/// are escaped), so the output is always valid JSON: a byte of a text (a source name, say)
/// that is not well-formed UTF-8 becomes the character U+FFFD, one per ill-formed byte.
[[nodiscard]] inline std::string render_json(const key_figures& figures);

/// The weekly influx as JSON (UTF-8, two-space indentation, integers only), the document of
/// the week page: `week` ("2021-W19"), `first_day` and `last_day` (ISO dates, Monday and
/// Sunday), `title` {nl, en} (the page's), `status`, `problem` and `reason` of the figure,
/// then `by_category`: per category its `category` and `category_label` and the three
/// windows `week`, `trailing_4` and `trailing_13`, each with `window` (ISO, "2021-W16/2021-W19"),
/// `weeks`, `count` (`null` when missing, never 0), `count_text` {nl, en} (`null` when
/// missing), `problem` and `reason`; then `notes`, `source` and, where they say something,
/// the flags and `source_multiple` as for every figure. `docs/weekly-influx.schema.json` is
/// the schema of the output.
[[nodiscard]] inline std::string render_json(const weekly_influx_figure& figure);

// ---------------------------------------------------------------------------------------
// Implementation

namespace detail::figures_json {

using json = nlohmann::ordered_json;

// `text` as well-formed UTF-8: each byte that is not part of a well-formed sequence becomes
// U+FFFD, as `json_quote` does, so no text can make the writer throw.
[[nodiscard]] inline std::string utf8_text(std::string_view text) {
  if (!kerncijfers::find_invalid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 2);
  std::size_t i = 0;
  while (i < text.size()) {
    const kerncijfers::utf8_char decoded = kerncijfers::decode_utf8(text, i);
    if (!decoded.problem.empty()) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, decoded.length);
      i += decoded.length;
    }
  }
  return out;
}

[[nodiscard]] inline json text(std::string_view s) { return json(utf8_text(s)); }

[[nodiscard]] inline json labels(const std::string& nl, const std::string& en) {
  json j = json::object();
  j["nl"] = text(nl);
  j["en"] = text(en);
  return j;
}

[[nodiscard]] inline json window(const period_range<month>& w, const std::string& label_nl,
                                 const std::string& label_en) {
  json j = json::object();
  j["iso"] = w.iso();
  j["first"] = w.first().iso();
  j["last"] = w.last().iso();
  j["months"] = static_cast<std::int64_t>(w.size());
  j["label"] = labels(label_nl, label_en);
  return j;
}

[[nodiscard]] inline json window(const period_range<month>& w) {
  return window(w, w.label(language::nl), w.label(language::en));
}

// A window of a page of another unit than months: labelled in that unit ("2021", "2019 t/m
// 2021"), with the unit and the number of its periods ("unit", "periods"); a month page's
// window as ever.
[[nodiscard]] inline json window(const period_range<month>& w, page_unit unit) {
  if (unit == page_unit::month) return window(w);
  json j = window(w, window_label(w, unit, language::nl), window_label(w, unit, language::en));
  j["unit"] = to_string(unit);
  j["periods"] = static_cast<std::int64_t>(window_periods(w, unit));
  return j;
}

// The source's flags and rounding of a figure's counts, only where they say something, so
// figures of unflagged, unrounded data keep the keys of 0.1.0: "flags" (sorted letters),
// "provisional" and "estimated" (true), "source_multiple" (above 1).
inline void put_marks(json& j, const figure_header& f) {
  if (!f.flags.empty()) {
    j["flags"] = text(f.flags);
    if (f.provisional()) j["provisional"] = true;
    if (f.estimated()) j["estimated"] = true;
  }
  if (f.source_multiple > 1) j["source_multiple"] = f.source_multiple;
}

[[nodiscard]] inline json source(const figure_source& s) {
  json names = json::array();
  for (const std::string& name : s.sources) names.push_back(text(name));
  json latest = json::object();
  latest["iso"] = s.latest_release.is_dated() ? json(s.latest_release.iso()) : json(nullptr);
  latest["precision"] = to_string(s.latest_release.precision());
  latest["label"] = labels(s.latest_release.label(language::nl), s.latest_release.label(language::en));
  json j = json::object();
  j["sources"] = std::move(names);
  j["latest_release"] = std::move(latest);
  j["text"] = labels(source_text(s, language::nl), source_text(s, language::en));
  return j;
}

[[nodiscard]] inline json nationality_of(const std::optional<nationality>& nat) {
  if (!nat) return nullptr;
  json j = json::object();
  j["alpha3"] = nat->alpha3();
  j["name"] = labels(std::string(nat->name(language::nl)), std::string(nat->name(language::en)));
  return j;
}

// A percent as its units (of 10^-decimals; the figure's "decimals" says how many) and as
// text: the JSON has integers only.
[[nodiscard]] inline json percent_text(const rounded_decimal& p) {
  return labels(format_percent(p, language::nl), format_percent(p, language::en));
}

[[nodiscard]] inline json percent_units(const std::optional<rounded_decimal>& p) {
  return p ? json(p->units()) : json(nullptr);
}

inline void put_category(json& j, category c) {
  j["category"] = to_string(c);
  j["category_label"] = labels(std::string(label(c, language::nl)), std::string(label(c, language::en)));
}

[[nodiscard]] inline json alpha3_list(const std::vector<nationality>& list) {
  json j = json::array();
  for (const nationality n : list) j.push_back(n.alpha3());
  return j;
}

[[nodiscard]] inline json string_list(const std::vector<std::string>& list) {
  json j = json::array();
  for (const std::string& s : list) j.push_back(text(s));
  return j;
}

// How complete a figure is: "status", "problem" (the code) and "reason" (the details).
inline void put_status(json& j, figure_status status, figure_problem problem, const std::string& reason) {
  j["status"] = to_string(status);
  j["problem"] = to_string(problem);
  j["reason"] = text(reason);
}

// The one convention for values: a number (or yes/no, or number text) that a figure does
// not have is null, never a 0 or false that reads like a figure. An unavailable figure has
// none of its values, only what it states in their place (the safe share's bounds and
// the TOTAL they are shares of).
template <class T>
[[nodiscard]] json value_if(bool has, T value) {
  return has ? json(value) : json(nullptr);
}

[[nodiscard]] inline json optional_integer(const std::optional<std::int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}

[[nodiscard]] inline json distribution(const distribution_figure& f) {
  const bool has = f.status != figure_status::unavailable;
  json j = json::object();
  put_category(j, f.category);
  j["window"] = window(f.window, f.unit);
  put_status(j, f.status, f.problem, f.reason);
  j["total"] = value_if(has, f.total);
  j["top_n"] = static_cast<std::int64_t>(f.top_n);
  j["unknown_separate"] = f.unknown_row == unknown_placement::own_row;
  json rows = json::array();
  for (const distribution_row& r : f.rows) {
    json row = json::object();
    row["kind"] = to_string(r.kind);
    row["label"] =
        labels(detail::rendering::row_label(f, r, language::nl), detail::rendering::row_label(f, r, language::en));
    row["nationality"] = nationality_of(r.nationality);
    row["count"] = r.count;
    json exact = json::object();
    exact["part"] = r.exact.part();
    exact["whole"] = r.exact.whole();
    row["share"] = std::move(exact);
    row["percent"] = r.percent.units();
    row["percent_text"] = percent_text(r.percent);
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  j["rounding"] = to_string(f.rounding);
  j["decimals"] = f.decimals;
  j["percent_sum"] = value_if(has, f.percent_sum.units());
  j["sums_to_100"] = value_if(has, f.sums_to_100);
  j["rounding_note"] = text(f.rounding_note);
  j["listed"] = value_if(has, f.listed);
  j["unusable_nationalities"] = alpha3_list(f.unusable_nationalities);
  j["notes"] = string_list(f.notes);
  j["source"] = source(f.source);
  put_marks(j, f);
  return j;
}

[[nodiscard]] inline json safe_share(const safe_share_figure& s) {
  const bool has = s.status != figure_status::unavailable;
  const bool has_bounds = s.lower_percent && s.upper_percent;
  json j = json::object();
  put_category(j, s.category);
  j["window"] = window(s.window, s.unit);
  put_status(j, s.status, s.problem, s.reason);
  j["total"] = value_if(has || has_bounds, s.total);
  j["safe_count"] = value_if(has, s.safe_count);
  j["percent"] = value_if(has, s.percent.units());
  j["percent_text"] = has ? percent_text(s.percent) : json(nullptr);
  j["decimals"] = s.decimals;
  j["lower_percent"] = percent_units(s.lower_percent);
  j["upper_percent"] = percent_units(s.upper_percent);
  j["safe_nationalities"] = alpha3_list(s.safe_nationalities);
  j["undetermined_nationalities"] = alpha3_list(s.undetermined_nationalities);
  j["rule"] = text(s.rule);
  j["notes"] = string_list(s.notes);
  j["source"] = source(s.source);
  put_marks(j, s);
  return j;
}

[[nodiscard]] inline json departures(const departures_figure& d) {
  const bool has = d.status != figure_status::unavailable;
  json j = json::object();
  j["group"] = to_string(d.group);
  j["group_label"] = labels(std::string(label(d.group, language::nl)), std::string(label(d.group, language::en)));
  // The JSON keeps its key "period" for the departures window, and the other keys of 0.1.0
  // below, so readers of the published format need no change (docs/key-figures.schema.json).
  j["period"] = window(d.window, departures_period_label(d.window, language::nl),
                       departures_period_label(d.window, language::en));
  put_status(j, d.status, d.problem, d.reason);
  j["total"] = value_if(has, d.total);
  j["total_rounded"] = value_if(has, d.total_rounded);
  j["total_rounded_text"] =
      has ? labels(format_count(d.total_rounded, language::nl), format_count(d.total_rounded, language::en))
          : json(nullptr);
  j["supervised"] = value_if(has, d.supervised);
  j["unsupervised"] = value_if(has, d.unsupervised);
  j["supervised_percent"] = value_if(has, d.supervised_percent.units());
  j["unsupervised_percent"] = value_if(has, d.unsupervised_percent.units());
  j["rounding"] = to_string(d.rounding);
  j["decimals"] = d.decimals;
  j["percent_sum"] = value_if(has, d.supervised_percent.units() + d.unsupervised_percent.units());
  j["sums_to_100"] = value_if(has, d.sums_to_100);
  j["rounding_note"] = text(d.rounding_note);
  j["source"] = source(d.source);
  put_marks(j, d);
  return j;
}

[[nodiscard]] inline json influx(const influx_figure& in) {
  json j = json::object();
  j["period"] = iso(in.period);
  j["period_label"] = labels(label(in.period, language::nl), label(in.period, language::en));
  json entries = json::array();
  for (const influx_entry& e : in.by_category) {
    json entry = json::object();
    put_category(entry, e.category);
    entry["count"] = optional_integer(e.count);
    entry["problem"] = to_string(e.problem);
    entry["reason"] = text(e.reason);
    entries.push_back(std::move(entry));
  }
  j["by_category"] = std::move(entries);
  j["total"] = optional_integer(in.total);
  j["total_problem"] = to_string(in.problem);
  j["total_reason"] = text(in.reason);
  j["notes"] = string_list(in.notes);
  j["source"] = source(in.source);
  put_marks(j, in);
  return j;
}

[[nodiscard]] inline json options(const key_figures_options& o) {
  json j = json::object();
  j["trailing_months"] = static_cast<std::int64_t>(o.trailing_months);
  j["top_first_month"] = static_cast<std::int64_t>(o.top_first_month);
  j["top_first_trailing"] = static_cast<std::int64_t>(o.top_first_trailing);
  j["top_nareizigers"] = static_cast<std::int64_t>(o.top_family_reunification);
  j["nareiziger_window_end"] =
      o.family_reunification_window_end ? json(o.family_reunification_window_end->iso()) : json(nullptr);
  j["departures_period"] = o.departures_window ? json(o.departures_window->iso()) : json(nullptr);
  j["rounding"] = to_string(o.rounding);
  j["decimals"] = o.decimals;
  // Keys after 0.1.0, written only when set.
  if (o.trailing) j["trailing"] = static_cast<std::int64_t>(*o.trailing);
  if (!o.reporting_country.empty()) j["reporting_country"] = text(o.reporting_country);
  if (o.country_policy_data) j["country_policy_data"] = true;
  return j;
}

[[nodiscard]] inline json document(const key_figures& figures) {
  json j = json::object();
  j["period"] = iso(figures.period);
  j["period_label"] = labels(label(figures.period, language::nl), label(figures.period, language::en));
  if (unit_of(figures.period) != page_unit::month) j["unit"] = to_string(unit_of(figures.period));
  if (!is_netherlands(figures.options.reporting_country)) {
    j["reporting_country"] = labels(reporting_country_name(figures.options.reporting_country, language::nl),
                                    reporting_country_name(figures.options.reporting_country, language::en));
  }
  j["options"] = options(figures.options);
  j["influx"] = influx(figures.influx);
  j["first_month"] = distribution(figures.first_month);
  j["first_trailing"] = distribution(figures.first_trailing);
  j["safe_month"] = safe_share(figures.safe_month);
  j["nareizigers_month"] = distribution(figures.family_reunification_month);
  j["nareizigers_trailing"] = distribution(figures.family_reunification_trailing);
  j["departures_all"] = departures(figures.departures_all);
  j["departures_criminal"] = departures(figures.departures_criminal);
  return j;
}

[[nodiscard]] inline std::string iso_day(calendar::civil_date d) {
  return kerncijfers::detail::iso_date(calendar::year_of(d), calendar::month_of(d), calendar::day_of(d));
}

[[nodiscard]] inline json week_window(const influx_entry& e, const period_range<iso_week>& window) {
  json j = json::object();
  j["window"] = window.iso();
  j["weeks"] = static_cast<std::int64_t>(window.size());
  j["count"] = optional_integer(e.count);
  j["count_text"] =
      e.count ? labels(format_count(*e.count, language::nl), format_count(*e.count, language::en)) : json(nullptr);
  j["problem"] = to_string(e.problem);
  j["reason"] = text(e.reason);
  return j;
}

[[nodiscard]] inline json weekly(const weekly_influx_figure& f) {
  json j = json::object();
  j["week"] = f.week.iso();
  j["first_day"] = iso_day(f.week.first_day());
  j["last_day"] = iso_day(f.week.last_day());
  j["title"] = labels(week_title(f.week, language::nl), week_title(f.week, language::en));
  put_status(j, f.status, f.problem, f.reason);
  json entries = json::array();
  for (const weekly_influx_entry& e : f.by_category) {
    json entry = json::object();
    put_category(entry, e.category);
    entry["week"] = week_window(e.week, trailing(f.week, 1));
    entry["trailing_4"] = week_window(e.trailing_4, trailing(f.week, 4));
    entry["trailing_13"] = week_window(e.trailing_13, trailing(f.week, 13));
    entries.push_back(std::move(entry));
  }
  j["by_category"] = std::move(entries);
  j["notes"] = string_list(f.notes);
  j["source"] = source(f.source);
  put_marks(j, f);
  return j;
}

}  // namespace detail::figures_json

inline std::string render_json(const key_figures& figures) {
  // Every string is well-formed UTF-8 already (`utf8_text`), so strict mode never throws;
  // ensure_ascii off keeps names such as "Syrië" readable, as the schema's examples show.
  return detail::figures_json::document(figures).dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

inline std::string render_json(const weekly_influx_figure& figure) {
  return detail::figures_json::weekly(figure).dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

}  // namespace kerncijfers
