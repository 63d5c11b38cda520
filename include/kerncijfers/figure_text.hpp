#pragma once
/// \file figure_text.hpp
/// The figures' values in words, as the page and the JSON write them: counts and
/// percentages in a language's style, the departures period, why a figure is partial or
/// unavailable, where its numbers come from, and the label of a distribution's row. Every
/// word comes from the phrasebook (`phrases.hpp`); nothing here branches on the language.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/eurostat_codes.hpp"
#include "kerncijfers/key_figures.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/phrasebook.hpp"
#include "kerncijfers/phrases.hpp"
#include "kerncijfers/rounding.hpp"

namespace kerncijfers {

namespace detail::rendering {

// The phrase of month `index` (1-12) of the year.
[[nodiscard]] constexpr phrase_id month_phrase(unsigned index) noexcept {
  return static_cast<phrase_id>(static_cast<std::size_t>(phrase_id::month_1) + index - 1);
}

// "A, B en C" / "A, B and C"; `last` joins the last two items.
[[nodiscard]] inline std::string join_list(const std::vector<std::string>& items, language lang,
                                           phrase_id last = phrase_id::list_last) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 0) {
      text = items[i];
    } else {
      text = say(i + 1 == items.size() ? last : phrase_id::list_next, lang, {{"list", text}, {"item", items[i]}});
    }
  }
  return text;
}

}  // namespace detail::rendering

/// A count as written in `lang`: Dutch "7.690", English "7,690".
[[nodiscard]] inline std::string format_count(std::int64_t count, language lang) {
  return rounded_decimal(count, 0).format(lang);
}

/// A percentage as written in `lang`, with the sign: `rounded_decimal(188, 1)` gives Dutch
/// "18,8%" and English "18.8%"; `rounded_decimal(32, 0)` gives "32%".
[[nodiscard]] inline std::string format_percent(const rounded_decimal& percent, language lang) {
  return percent.format(lang) + "%";
}

/// `format_percent` of `rounded_decimal(units, decimals)`.
[[nodiscard]] inline std::string format_percent(std::int64_t units, int decimals, language lang) {
  return format_percent(rounded_decimal(units, decimals), lang);
}

/// The departures period as the page writes it: a whole calendar year is "2021"; a year to
/// date is "2023 (t/m oktober)" / "2023 (through October)"; any other range is its label,
/// "juni 2020 t/m mei 2021" / "June 2020 to May 2021".
[[nodiscard]] inline std::string departures_period_label(period_range<month> p, language lang) {
  const bool same_year = p.first().year() == p.last().year();
  if (same_year && p.first().index() == 1) {
    const std::string y = std::to_string(p.first().year());
    if (p.last().index() == 12) return y;
    const auto last = static_cast<unsigned>(p.last().index());
    return say(phrase_id::year_to_date, lang,
               {{"year", y}, {"month", phrase_text(detail::rendering::month_phrase(last), lang)}});
  }
  return p.label(lang);
}

/// Why a figure is partial or unavailable, as a clause in `lang` for the page's
/// "is niet beschikbaar (reden: ...)": "het totaal is 0" / "the total is 0". Empty for
/// `figure_problem::none`. The figure's `reason` has the details (in English).
[[nodiscard]] constexpr std::string_view problem_text(figure_problem problem, language lang) noexcept {
  switch (problem) {
    case figure_problem::none: return {};
    case figure_problem::incomplete_breakdown: return phrase_text(phrase_id::problem_incomplete_breakdown, lang);
    case figure_problem::missing_months: return phrase_text(phrase_id::problem_missing_months, lang);
    case figure_problem::unsplittable_rows: return phrase_text(phrase_id::problem_unsplittable_rows, lang);
    case figure_problem::zero_total: return phrase_text(phrase_id::problem_zero_total, lang);
    case figure_problem::inconsistent_data: return phrase_text(phrase_id::problem_inconsistent_data, lang);
    case figure_problem::undetermined_designation:
      return phrase_text(phrase_id::problem_undetermined_designation, lang);
    case figure_problem::missing_departures: return phrase_text(phrase_id::problem_missing_departures, lang);
    case figure_problem::overflow: return phrase_text(phrase_id::problem_overflow, lang);
    case figure_problem::inconsistent_departures: return phrase_text(phrase_id::problem_inconsistent_departures, lang);
    case figure_problem::not_in_source: return phrase_text(phrase_id::problem_not_in_source, lang);
    case figure_problem::not_for_country: return phrase_text(phrase_id::problem_not_for_country, lang);
  }
  return {};
}

/// Where a figure's numbers come from, as the page's source note writes it (without
/// "Bron:"): the sources joined ("A en B" / "A and B"), then the latest release in ISO form:
/// "CBS StatLine 83102NED, release 2021-W30"; an undated release gives ", ongedateerd" /
/// ", undated"; a retrieval date follows: ", opgehaald op 2026-12-07" / ", retrieved on
/// 2026-12-07". Empty when the figure has no sources.
[[nodiscard]] inline std::string source_text(const figure_source& source, language lang) {
  if (source.sources.empty()) return {};
  const std::string sources = detail::rendering::join_list(source.sources, lang);
  std::string text =
      source.latest_release.is_dated()
          ? say(phrase_id::source_release, lang, {{"sources", sources}, {"release", source.latest_release.iso()}})
          : say(phrase_id::source_undated, lang, {{"sources", sources}});
  if (source.retrieved.empty()) return text;
  return say(phrase_id::source_retrieved, lang, {{"source", text}, {"date", source.retrieved}});
}

/// A window of months named in the page's unit: on a year page "2021" or "2019 t/m 2021"
/// (English "2019 to 2021"), on a quarter page "2e kwartaal 2021"; on a month page, and for
/// a window that does not cover whole periods of the unit, its months ("juni 2020 t/m mei
/// 2021").
[[nodiscard]] inline std::string window_label(const period_range<month>& window, page_unit unit, language lang) {
  try {
    if (unit == page_unit::year) return coarsen<year>(window).label(lang);
    if (unit == page_unit::quarter) return coarsen<quarter>(window).label(lang);
  } catch (const range_error&) {
    // Not whole periods of the unit: the months say exactly what is covered.
  }
  return window.label(lang);
}

/// The number of periods of the page's unit in `window` (its months on a month page, or
/// when the window does not cover whole periods of the unit).
[[nodiscard]] inline std::size_t window_periods(const period_range<month>& window, page_unit unit) {
  try {
    if (unit == page_unit::year) return coarsen<year>(window).size();
    if (unit == page_unit::quarter) return coarsen<quarter>(window).size();
  } catch (const range_error&) {
    // As `window_label`.
  }
  return window.size();
}

/// The name of a reporting country given by its Eurostat geo code (`eurostat_geo_name`): "DE"
/// is "Duitsland" / "Germany", "EL" "Griekenland" / "Greece", "EU27_2020" the European Union;
/// another code or name of a country is looked up as a nationality; a code that names no
/// country is itself.
[[nodiscard]] inline std::string reporting_country_name(std::string_view code, language lang) {
  if (code.empty()) code = "NL";
  if (nationality_from_eurostat(code) || is_eurostat_aggregate(code)) return eurostat_geo_name(code, lang);
  if (const std::optional<nationality> n = nationality::find(code)) return std::string(n->name(lang));
  return std::string(code);
}

/// Who published the counts, as a rounding note names them: the first word of each source
/// ("Eurostat migr_asyappctza" is "Eurostat", "CBS StatLine 83102NED" is "CBS"), each once,
/// joined ("CBS en Eurostat").
[[nodiscard]] inline std::string publishers_text(const figure_source& source, language lang) {
  std::vector<std::string> names;
  for (const std::string& s : source.sources) {
    std::string first = s.substr(0, s.find(' '));
    if (std::find(names.begin(), names.end(), first) == names.end()) names.push_back(std::move(first));
  }
  return detail::rendering::join_list(names, lang);
}

namespace detail::rendering {

[[nodiscard]] inline std::string row_name(const distribution_row& r, language lang) {
  return r.nationality ? std::string(r.nationality->name(lang)) : std::string(nationality::unknown().name(lang));
}

// A row's label in a figure's table and in the JSON: the nationality's name, "Onbekend",
// "Overig" (or "Andere of onbekende nationaliteit" when the unknown are among the rest), ...
[[nodiscard]] inline std::string row_label(const distribution_figure& f, const distribution_row& r, language lang) {
  switch (r.kind) {
    case row_kind::nationality: return row_name(r, lang);
    case row_kind::unknown: return std::string(nationality::unknown().name(lang));
    case row_kind::other:
      return std::string(phrase_text(
          f.unknown_row == unknown_placement::own_row ? phrase_id::row_other : phrase_id::row_other_or_unknown, lang));
    case row_kind::unlisted: return std::string(phrase_text(phrase_id::row_unlisted, lang));
  }
  return "?";
}

}  // namespace detail::rendering

/// The days of ISO week `w`, Monday to Sunday, in `lang`: "10 t/m 16 mei 2021" / "10–16 May
/// 2021"; across months "28 juni t/m 4 juli 2021" / "28 June – 4 July 2021", across years
/// "28 december 2020 t/m 3 januari 2021" / "28 December 2020 – 3 January 2021".
[[nodiscard]] inline std::string week_dates_label(const iso_week& w, language lang) {
  const calendar::civil_date first = w.first_day();
  const calendar::civil_date last = w.last_day();
  const auto month_name = [lang](calendar::civil_date d) {
    return phrase_text(detail::rendering::month_phrase(calendar::month_of(d)), lang);
  };
  const std::string last_text = say(phrase_id::day_month_year, lang,
                                    {{"day", std::to_string(calendar::day_of(last))},
                                     {"month", month_name(last)},
                                     {"year", std::to_string(calendar::year_of(last))}});
  if (calendar::month_of(first) == calendar::month_of(last) && calendar::year_of(first) == calendar::year_of(last)) {
    return say(phrase_id::week_dates, lang, {{"first", std::to_string(calendar::day_of(first))}, {"last", last_text}});
  }
  const std::string first_text =
      calendar::year_of(first) == calendar::year_of(last)
          ? say(phrase_id::day_month, lang,
                {{"day", std::to_string(calendar::day_of(first))}, {"month", month_name(first)}})
          : say(phrase_id::day_month_year, lang,
                {{"day", std::to_string(calendar::day_of(first))},
                 {"month", month_name(first)},
                 {"year", std::to_string(calendar::year_of(first))}});
  return say(phrase_id::week_dates_span, lang, {{"first", first_text}, {"last", last_text}});
}

/// The title of the week page of ISO week `w`, with its days: "Instroom week 19 van 2021 (10
/// t/m 16 mei 2021)" / "Influx week 19 of 2021 (10–16 May 2021)". The year is the ISO
/// week's year (week 1 of 2021 starts on 4 January 2021, week 53 of 2020 ends on 3 January).
[[nodiscard]] inline std::string week_title(const iso_week& w, language lang) {
  return say(
      phrase_id::week_page_title, lang,
      {{"week", std::to_string(w.index())}, {"year", std::to_string(w.year())}, {"dates", week_dates_label(w, lang)}});
}

namespace detail::rendering {

// Why a count of weeks is missing, as a clause: the problems of windows of months in their
// words for weeks ("niet voor elke week", "niet over de weken te verdelen").
[[nodiscard]] constexpr std::string_view week_problem_text(figure_problem problem, language lang) noexcept {
  switch (problem) {
    case figure_problem::missing_months: return phrase_text(phrase_id::problem_missing_weeks, lang);
    case figure_problem::unsplittable_rows: return phrase_text(phrase_id::problem_unsplittable_weeks, lang);
    default: return problem_text(problem, lang);
  }
}

}  // namespace detail::rendering

}  // namespace kerncijfers
