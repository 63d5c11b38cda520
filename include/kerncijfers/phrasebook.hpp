#pragma once
/// \file phrasebook.hpp
/// The phrasebook of the rendered page: every sentence, clause, heading, label and word the
/// page writes has a phrase id here, declared with the named placeholders its template
/// fills ("{percent}", "{subject}", ...). Each language gives one table, phrase id ->
/// template (`phrases/nl.hpp`, `phrases/en.hpp`), and `phrases.hpp` maps a `language` to
/// its table. The renderer composes the page from phrase ids and values only, so no code
/// outside the tables depends on the language.
///
/// Templates are text with placeholders `{name}` (lower-case ASCII letters, digits and `_`).
/// A template cannot hold a literal brace: no phrase of the page needs one, and a stray
/// brace is then always a mistake the checker reports. Values are inserted as they are and
/// never read as templates, so data text with braces is safe.
///
/// A phrase declares its placeholders; a template must use every declared one and no other.
/// A placeholder declared with a trailing `?` ("subject?") is optional: a language may leave
/// that value unsaid (English "The remaining 23% had another nationality." where Dutch
/// names the group again: "De overige 23% van de nareizigers had ...").
///
/// Checking (`check_phrases`, `phrase_problems`) finds a phrase missing from a table, a
/// phrase given twice, a malformed template, a template that lacks a declared placeholder
/// and one that uses an undeclared placeholder. The checks are `constexpr`: every table
/// checks itself with `static_assert(phrase_table_is_complete<table>())` where it is
/// defined, so an incomplete table does not compile, and the error names the first phrase
/// at fault and the fault.
///
/// Adding a language touches:
///   1. `language.hpp`: the `language` value, `to_string` and `parse_language`;
///   2. a new table `phrases/<code>.hpp`: every phrase of `phrase_declarations`, with its
///      placeholders (the compiler rejects the table until it is complete);
///   3. `phrases.hpp`: the table's `#include` and its case in `phrase_table_of` (with
///      `-Wall -Werror` a `language` value without a case does not compile);
/// and, outside the page's sentences, the words the figures' own types write: nationality
/// names (`nationality.hpp`), month names and period labels (`text.hpp`, `period.hpp`),
/// category and group labels (`counts.hpp`, `departures.hpp`), number formatting
/// (`rounding.hpp`) and the JSON, which writes its labels in every language. Adding a phrase touches `phrase_id`,
/// `phrase_declarations` and every table.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// Every phrase of the page. Grouped as the page uses them; `phrase_declarations` gives each
/// its name and placeholders, in this order.
enum class phrase_id : std::uint16_t {
  // Numbers up to twenty in words, as style guides write them in running text.
  number_0,
  number_1,
  number_2,
  number_3,
  number_4,
  number_5,
  number_6,
  number_7,
  number_8,
  number_9,
  number_10,
  number_11,
  number_12,
  number_13,
  number_14,
  number_15,
  number_16,
  number_17,
  number_18,
  number_19,
  number_20,
  // Month names, January to December, as in running text.
  month_1,
  month_2,
  month_3,
  month_4,
  month_5,
  month_6,
  month_7,
  month_8,
  month_9,
  month_10,
  month_11,
  month_12,
  // Periods and windows.
  year_to_date,
  trailing,
  trailing_one,
  trailing_lead,
  trailing_lead_one,
  in_window,
  over_window,
  lead_in,
  lead_in_period,
  // Lists and reasons.
  list_next,
  list_last,
  reason,
  // Why a figure is partial or unavailable (`figure_problem`).
  problem_incomplete_breakdown,
  problem_missing_months,
  problem_unsplittable_rows,
  problem_zero_total,
  problem_inconsistent_data,
  problem_undetermined_designation,
  problem_missing_departures,
  problem_overflow,
  problem_inconsistent_departures,
  // Sources.
  source_release,
  source_undated,
  source_retrieved,
  source_note,
  source_note_tens,
  // Titles and headings.
  page_title,
  page_heading,
  heading_influx,
  heading_countries,
  heading_nareizigers,
  heading_departures,
  heading_criminal_departures,
  figure_number,
  figure_title,
  title_first_application,
  title_repeat_application,
  title_family_reunification,
  title_relocation,
  title_resettlement,
  // Who a category counts, as the sentences name them.
  subject_first_application,
  subject_repeat_application,
  subject_family_reunification,
  subject_relocation,
  subject_resettlement,
  // The two introductory paragraphs.
  intro_influx,
  intro_weekly,
  intro_influx_figures,
  intro_trends,
  intro_monthly,
  intro_asylum_trends,
  // Distributions by nationality.
  distribution_unavailable,
  distribution_no_breakdown,
  figures_incomplete,
  partial_unlisted,
  share_first,
  share_next,
  share_second,
  share_unknown,
  share_list_last,
  nareizigers_unknown,
  nareizigers_other,
  nareizigers_other_or_unknown,
  // The share from safe countries of origin.
  safe_country_link,
  safe_share,
  safe_share_incomplete,
  safe_share_unavailable,
  safe_share_bounds,
  // Rounding notes.
  rounding_note_published,
  rounding_note,
  departures_rounding_note_published,
  departures_rounding_note,
  // Departures.
  departures_all_aim,
  departures_all_total,
  departures_all_unavailable,
  departures_all_who,
  departures_all_supervised,
  departures_how_left,
  departures_all_unsupervised,
  departures_all_sources,
  departures_criminal_part,
  departures_criminal_total,
  departures_criminal_unavailable,
  departures_criminal_supervised,
  departures_criminal_unsupervised,
  departures_criminal_release,
  // The table that stands in for a figure's chart.
  table_unavailable,
  table_nationality,
  table_count,
  table_share,
  table_total,
  row_other,
  row_other_or_unknown,
  row_unlisted,
  // Pages of other period units and reporting countries, and the source's flags and rounding.
  problem_not_in_source,
  problem_not_for_country,
  trailing_quarters,
  trailing_one_quarter,
  trailing_lead_quarters,
  trailing_lead_one_quarter,
  trailing_years,
  trailing_one_year,
  trailing_lead_years,
  trailing_lead_one_year,
  share_first_country,
  provisional_note,
  estimated_note,
  source_rounded_note,
  page_title_country,
  page_heading_country,
  heading_country,
  intro_country,
  policy_left_out,
  // The week page (the weekly influx).
  week_page_title,
  week_dates,
  week_dates_span,
  day_month,
  day_month_year,
  week_count,
  week_count_unavailable,
  week_trailing,
  week_trailing_unavailable,
  week_sentence,
  week_all_unavailable,
  problem_missing_weeks,
  problem_unsplittable_weeks,
};

/// A phrase's name (for messages) and its placeholders: their names separated by single
/// spaces, an optional one ending in `?` ("percent subject?"); empty for none.
struct phrase_declaration {
  phrase_id id;
  std::string_view name;
  std::string_view placeholders;
};

/// Every phrase, in the order of `phrase_id`.
inline constexpr phrase_declaration phrase_declarations[] = {
    {phrase_id::number_0, "number_0", ""},
    {phrase_id::number_1, "number_1", ""},
    {phrase_id::number_2, "number_2", ""},
    {phrase_id::number_3, "number_3", ""},
    {phrase_id::number_4, "number_4", ""},
    {phrase_id::number_5, "number_5", ""},
    {phrase_id::number_6, "number_6", ""},
    {phrase_id::number_7, "number_7", ""},
    {phrase_id::number_8, "number_8", ""},
    {phrase_id::number_9, "number_9", ""},
    {phrase_id::number_10, "number_10", ""},
    {phrase_id::number_11, "number_11", ""},
    {phrase_id::number_12, "number_12", ""},
    {phrase_id::number_13, "number_13", ""},
    {phrase_id::number_14, "number_14", ""},
    {phrase_id::number_15, "number_15", ""},
    {phrase_id::number_16, "number_16", ""},
    {phrase_id::number_17, "number_17", ""},
    {phrase_id::number_18, "number_18", ""},
    {phrase_id::number_19, "number_19", ""},
    {phrase_id::number_20, "number_20", ""},
    {phrase_id::month_1, "month_1", ""},
    {phrase_id::month_2, "month_2", ""},
    {phrase_id::month_3, "month_3", ""},
    {phrase_id::month_4, "month_4", ""},
    {phrase_id::month_5, "month_5", ""},
    {phrase_id::month_6, "month_6", ""},
    {phrase_id::month_7, "month_7", ""},
    {phrase_id::month_8, "month_8", ""},
    {phrase_id::month_9, "month_9", ""},
    {phrase_id::month_10, "month_10", ""},
    {phrase_id::month_11, "month_11", ""},
    {phrase_id::month_12, "month_12", ""},
    {phrase_id::year_to_date, "year_to_date", "year month"},
    {phrase_id::trailing, "trailing", "months window"},
    {phrase_id::trailing_one, "trailing_one", "window"},
    {phrase_id::trailing_lead, "trailing_lead", "months window"},
    {phrase_id::trailing_lead_one, "trailing_lead_one", "window"},
    {phrase_id::in_window, "in_window", "window"},
    {phrase_id::over_window, "over_window", "trailing"},
    {phrase_id::lead_in, "lead_in", "when"},
    {phrase_id::lead_in_period, "lead_in_period", "when"},
    {phrase_id::list_next, "list_next", "list item"},
    {phrase_id::list_last, "list_last", "list item"},
    {phrase_id::reason, "reason", "reason"},
    {phrase_id::problem_incomplete_breakdown, "problem_incomplete_breakdown", ""},
    {phrase_id::problem_missing_months, "problem_missing_months", ""},
    {phrase_id::problem_unsplittable_rows, "problem_unsplittable_rows", ""},
    {phrase_id::problem_zero_total, "problem_zero_total", ""},
    {phrase_id::problem_inconsistent_data, "problem_inconsistent_data", ""},
    {phrase_id::problem_undetermined_designation, "problem_undetermined_designation", ""},
    {phrase_id::problem_missing_departures, "problem_missing_departures", ""},
    {phrase_id::problem_overflow, "problem_overflow", ""},
    {phrase_id::problem_inconsistent_departures, "problem_inconsistent_departures", ""},
    {phrase_id::source_release, "source_release", "sources release"},
    {phrase_id::source_undated, "source_undated", "sources"},
    {phrase_id::source_retrieved, "source_retrieved", "source date"},
    {phrase_id::source_note, "source_note", "sources"},
    {phrase_id::source_note_tens, "source_note_tens", "sources"},
    {phrase_id::page_title, "page_title", "month"},
    {phrase_id::page_heading, "page_heading", "month"},
    {phrase_id::heading_influx, "heading_influx", ""},
    {phrase_id::heading_countries, "heading_countries", ""},
    {phrase_id::heading_nareizigers, "heading_nareizigers", ""},
    {phrase_id::heading_departures, "heading_departures", ""},
    {phrase_id::heading_criminal_departures, "heading_criminal_departures", ""},
    {phrase_id::figure_number, "figure_number", "number"},
    {phrase_id::figure_title, "figure_title", "category window"},
    {phrase_id::title_first_application, "title_first_application", ""},
    {phrase_id::title_repeat_application, "title_repeat_application", ""},
    {phrase_id::title_family_reunification, "title_family_reunification", ""},
    {phrase_id::title_relocation, "title_relocation", ""},
    {phrase_id::title_resettlement, "title_resettlement", ""},
    {phrase_id::subject_first_application, "subject_first_application", ""},
    {phrase_id::subject_repeat_application, "subject_repeat_application", ""},
    {phrase_id::subject_family_reunification, "subject_family_reunification", ""},
    {phrase_id::subject_relocation, "subject_relocation", ""},
    {phrase_id::subject_resettlement, "subject_resettlement", ""},
    {phrase_id::intro_influx, "intro_influx", "weekly influx_figures"},
    {phrase_id::intro_weekly, "intro_weekly", ""},
    {phrase_id::intro_influx_figures, "intro_influx_figures", ""},
    {phrase_id::intro_trends, "intro_trends", "monthly asylum_trends"},
    {phrase_id::intro_monthly, "intro_monthly", ""},
    {phrase_id::intro_asylum_trends, "intro_asylum_trends", ""},
    {phrase_id::distribution_unavailable, "distribution_unavailable", "subject when reason"},
    {phrase_id::distribution_no_breakdown, "distribution_no_breakdown", "subject when"},
    {phrase_id::figures_incomplete, "figures_incomplete", "reason"},
    {phrase_id::partial_unlisted, "partial_unlisted", "percent subject"},
    {phrase_id::share_first, "share_first", "lead percent subject name"},
    {phrase_id::share_next, "share_next", "percent name"},
    {phrase_id::share_second, "share_second", "percent name"},
    {phrase_id::share_unknown, "share_unknown", "percent unknown?"},
    {phrase_id::share_list_last, "share_list_last", "list item"},
    {phrase_id::nareizigers_unknown, "nareizigers_unknown", "percent"},
    {phrase_id::nareizigers_other, "nareizigers_other", "percent subject?"},
    {phrase_id::nareizigers_other_or_unknown, "nareizigers_other_or_unknown", "percent subject?"},
    {phrase_id::safe_country_link, "safe_country_link", ""},
    {phrase_id::safe_share, "safe_share", "percent subject safe_country"},
    {phrase_id::safe_share_incomplete, "safe_share_incomplete", "reason"},
    {phrase_id::safe_share_unavailable, "safe_share_unavailable", "subject safe_country reason"},
    {phrase_id::safe_share_bounds, "safe_share_bounds", "lower upper"},
    {phrase_id::rounding_note_published, "rounding_note_published", "window sum"},
    {phrase_id::rounding_note, "rounding_note", "window sum"},
    {phrase_id::departures_rounding_note_published, "departures_rounding_note_published", "sum"},
    {phrase_id::departures_rounding_note, "departures_rounding_note", "sum"},
    {phrase_id::departures_all_aim, "departures_all_aim", ""},
    {phrase_id::departures_all_total, "departures_all_total", "lead count"},
    {phrase_id::departures_all_unavailable, "departures_all_unavailable", "when reason"},
    {phrase_id::departures_all_who, "departures_all_who", ""},
    {phrase_id::departures_all_supervised, "departures_all_supervised", "percent"},
    {phrase_id::departures_how_left, "departures_how_left", ""},
    {phrase_id::departures_all_unsupervised, "departures_all_unsupervised", "percent"},
    {phrase_id::departures_all_sources, "departures_all_sources", ""},
    {phrase_id::departures_criminal_part, "departures_criminal_part", ""},
    {phrase_id::departures_criminal_total, "departures_criminal_total", "lead count"},
    {phrase_id::departures_criminal_unavailable, "departures_criminal_unavailable", "when reason"},
    {phrase_id::departures_criminal_supervised, "departures_criminal_supervised", "percent"},
    {phrase_id::departures_criminal_unsupervised, "departures_criminal_unsupervised", "percent"},
    {phrase_id::departures_criminal_release, "departures_criminal_release", ""},
    {phrase_id::table_unavailable, "table_unavailable", "reason"},
    {phrase_id::table_nationality, "table_nationality", ""},
    {phrase_id::table_count, "table_count", ""},
    {phrase_id::table_share, "table_share", ""},
    {phrase_id::table_total, "table_total", ""},
    {phrase_id::row_other, "row_other", ""},
    {phrase_id::row_other_or_unknown, "row_other_or_unknown", ""},
    {phrase_id::row_unlisted, "row_unlisted", ""},
    {phrase_id::problem_not_in_source, "problem_not_in_source", ""},
    {phrase_id::problem_not_for_country, "problem_not_for_country", ""},
    {phrase_id::trailing_quarters, "trailing_quarters", "count window"},
    {phrase_id::trailing_one_quarter, "trailing_one_quarter", "window"},
    {phrase_id::trailing_lead_quarters, "trailing_lead_quarters", "count window"},
    {phrase_id::trailing_lead_one_quarter, "trailing_lead_one_quarter", "window"},
    {phrase_id::trailing_years, "trailing_years", "count window"},
    {phrase_id::trailing_one_year, "trailing_one_year", "window"},
    {phrase_id::trailing_lead_years, "trailing_lead_years", "count window"},
    {phrase_id::trailing_lead_one_year, "trailing_lead_one_year", "window"},
    {phrase_id::share_first_country, "share_first_country", "country when? lead? percent subject name"},
    {phrase_id::provisional_note, "provisional_note", ""},
    {phrase_id::estimated_note, "estimated_note", ""},
    {phrase_id::source_rounded_note, "source_rounded_note", "publisher multiple"},
    {phrase_id::page_title_country, "page_title_country", "country period"},
    {phrase_id::page_heading_country, "page_heading_country", "country period"},
    {phrase_id::heading_country, "heading_country", "country"},
    {phrase_id::intro_country, "intro_country", "country sources"},
    {phrase_id::policy_left_out, "policy_left_out", "country"},
    {phrase_id::week_page_title, "week_page_title", "week year dates"},
    {phrase_id::week_dates, "week_dates", "first last"},
    {phrase_id::week_dates_span, "week_dates_span", "first last"},
    {phrase_id::day_month, "day_month", "day month"},
    {phrase_id::day_month_year, "day_month_year", "day month year"},
    {phrase_id::week_count, "week_count", "week count subject"},
    {phrase_id::week_count_unavailable, "week_count_unavailable", "week subject reason"},
    {phrase_id::week_trailing, "week_trailing", "weeks week count"},
    {phrase_id::week_trailing_unavailable, "week_trailing_unavailable", "weeks week reason"},
    {phrase_id::week_sentence, "week_sentence", "week trailing_4 trailing_13"},
    {phrase_id::week_all_unavailable, "week_all_unavailable", "week subject reason"},
    {phrase_id::problem_missing_weeks, "problem_missing_weeks", ""},
    {phrase_id::problem_unsplittable_weeks, "problem_unsplittable_weeks", ""},
};

/// How many phrases there are.
inline constexpr std::size_t phrase_count = std::size(phrase_declarations);

namespace detail {

[[nodiscard]] constexpr bool declarations_in_id_order() noexcept {
  for (std::size_t i = 0; i < phrase_count; ++i) {
    if (static_cast<std::size_t>(phrase_declarations[i].id) != i) return false;
  }
  return static_cast<std::size_t>(phrase_id::problem_unsplittable_weeks) + 1 == phrase_count;
}

}  // namespace detail

static_assert(detail::declarations_in_id_order(), "phrase_declarations must list every phrase_id once, in order");

/// The declaration of `id`; an `id` outside `phrase_id` is a precondition violation.
[[nodiscard]] constexpr const phrase_declaration& declaration_of(phrase_id id) noexcept {
  return phrase_declarations[static_cast<std::size_t>(id)];
}

/// The phrase's name, e.g. "safe_share" (its enumerator's name).
[[nodiscard]] constexpr std::string_view to_string(phrase_id id) noexcept { return declaration_of(id).name; }

/// One line of a language's table: a phrase and its template.
struct phrase_entry {
  phrase_id id;
  std::string_view text;

  [[nodiscard]] friend constexpr bool operator==(const phrase_entry&, const phrase_entry&) = default;
};

/// A language's table: its entries, one per phrase in any order (see `phrases.hpp`).
struct phrase_table {
  language lang = language::nl;
  std::span<const phrase_entry> entries;

  /// The template of `id`, or nothing when the table lacks it.
  [[nodiscard]] constexpr std::optional<std::string_view> find(phrase_id id) const noexcept {
    for (const phrase_entry& e : entries) {
      if (e.id == id) return e.text;
    }
    return std::nullopt;
  }
};

// ---------------------------------------------------------------------------------------
// Templates

/// A piece of a template: literal text, or the name of a placeholder (without braces).
struct template_part {
  bool placeholder = false;
  std::string_view text;

  [[nodiscard]] friend constexpr bool operator==(const template_part&, const template_part&) = default;
};

/// Whether `c` may appear in a placeholder's name.
[[nodiscard]] constexpr bool is_placeholder_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/// Calls `on_part(template_part)` for each piece of `text` in order (empty literal pieces are
/// skipped) and returns `std::string_view::npos`; at a brace that does not open a
/// well-formed placeholder (`{name}`), or a `}` outside one, it stops there and returns the
/// brace's offset.
template <class OnPart>
constexpr std::size_t parse_template(std::string_view text, OnPart&& on_part) {
  std::size_t literal = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '}') return i;
    if (text[i] != '{') continue;
    std::size_t end = i + 1;
    while (end < text.size() && is_placeholder_char(text[end])) ++end;
    if (end == i + 1 || end >= text.size() || text[end] != '}') return i;
    if (i > literal) on_part(template_part{false, text.substr(literal, i - literal)});
    on_part(template_part{true, text.substr(i + 1, end - i - 1)});
    literal = end + 1;
    i = end;
  }
  if (text.size() > literal) on_part(template_part{false, text.substr(literal)});
  return std::string_view::npos;
}

/// A named value for a template: `{"percent", "32%"}` fills `{percent}`.
struct phrase_value {
  std::string_view name;
  std::string_view value;
};

/// `text` with every placeholder replaced by the value of that name; values the template
/// does not use are ignored. Throws `invalid_input` naming the placeholder when no value
/// has its name, and naming the offset of a malformed brace.
[[nodiscard]] inline std::string fill(std::string_view text, std::span<const phrase_value> values) {
  std::string out;
  const std::size_t bad = parse_template(text, [&](const template_part& part) {
    if (!part.placeholder) {
      out += part.text;
      return;
    }
    for (const phrase_value& v : values) {
      if (v.name == part.text) {
        out += v.value;
        return;
      }
    }
    throw invalid_input("template " + quote(text) + " has {" + std::string(part.text) + "} but no value of that name");
  });
  if (bad != std::string_view::npos) {
    throw invalid_input("template " + quote(text) + " has a malformed brace at offset " + std::to_string(bad));
  }
  return out;
}

/// `fill` with the values listed in place: `fill("{n} maanden", {{"n", "twaalf"}})`.
[[nodiscard]] inline std::string fill(std::string_view text, std::initializer_list<phrase_value> values) {
  return fill(text, std::span<const phrase_value>(values.begin(), values.size()));
}

// ---------------------------------------------------------------------------------------
// Checking

/// What is wrong with a table's phrase.
enum class phrase_fault : std::uint8_t {
  /// The table has no template for the phrase.
  missing,
  /// The table has more than one template for the phrase.
  duplicate,
  /// The template has a brace that does not open a well-formed placeholder.
  malformed,
  /// The template lacks a placeholder the phrase declares (and does not mark optional).
  lacks_placeholder,
  /// The template has a placeholder the phrase does not declare.
  extra_placeholder,
};

/// "missing", "duplicate", "malformed", "lacks-placeholder" or "extra-placeholder".
[[nodiscard]] constexpr std::string_view to_string(phrase_fault f) noexcept {
  switch (f) {
    case phrase_fault::missing: return "missing";
    case phrase_fault::duplicate: return "duplicate";
    case phrase_fault::malformed: return "malformed";
    case phrase_fault::lacks_placeholder: return "lacks-placeholder";
    case phrase_fault::extra_placeholder: return "extra-placeholder";
  }
  return "?";
}

/// One problem of a table: the phrase, the fault and, for a placeholder fault, the
/// placeholder's name (empty otherwise).
struct phrase_problem {
  phrase_id id;
  phrase_fault fault;
  std::string_view placeholder;

  [[nodiscard]] friend constexpr bool operator==(const phrase_problem&, const phrase_problem&) = default;
};

namespace detail {

// Calls `on_placeholder(name, optional)` for each placeholder `d` declares, in order.
template <class OnPlaceholder>
constexpr void for_each_declared(const phrase_declaration& d, OnPlaceholder&& on_placeholder) {
  std::string_view rest = d.placeholders;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    const bool optional = !word.empty() && word.back() == '?';
    if (optional) word.remove_suffix(1);
    if (!word.empty()) on_placeholder(word, optional);
  }
}

[[nodiscard]] constexpr bool template_uses(std::string_view text, std::string_view name) {
  bool used = false;
  parse_template(text, [&](const template_part& part) { used = used || (part.placeholder && part.text == name); });
  return used;
}

[[nodiscard]] constexpr bool is_declared(const phrase_declaration& d, std::string_view name) {
  bool declared = false;
  for_each_declared(d, [&](std::string_view p, bool) { declared = declared || p == name; });
  return declared;
}

}  // namespace detail

/// Checks `entries` against `phrase_declarations` and calls `report(phrase_problem)` for
/// each problem, phrase by phrase in `phrase_id` order: missing, else duplicate (once), then
/// the first template's faults: malformed, else each declared placeholder it lacks (in
/// declaration order), then each undeclared placeholder it uses (once, in template order).
/// Entries with an id outside `phrase_id` are ignored.
template <class Report>
constexpr void check_phrases(std::span<const phrase_entry> entries, Report&& report) {
  for (const phrase_declaration& d : phrase_declarations) {
    // An index, not a pointer: GCC cannot evaluate a pointer compared with null in a
    // constant expression when the sanitizers instrument it.
    std::size_t first = entries.size();
    std::size_t copies = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].id != d.id) continue;
      if (copies == 0) first = i;
      ++copies;
    }
    if (copies == 0) {
      report(phrase_problem{d.id, phrase_fault::missing, {}});
      continue;
    }
    if (copies > 1) report(phrase_problem{d.id, phrase_fault::duplicate, {}});
    const std::string_view text = entries[first].text;
    if (parse_template(text, [](const template_part&) {}) != std::string_view::npos) {
      report(phrase_problem{d.id, phrase_fault::malformed, {}});
      continue;
    }
    detail::for_each_declared(d, [&](std::string_view p, bool optional) {
      if (!optional && !detail::template_uses(text, p)) {
        report(phrase_problem{d.id, phrase_fault::lacks_placeholder, p});
      }
    });
    std::size_t offset = 0;
    parse_template(text, [&](const template_part& part) {
      const std::size_t at = offset;
      offset += part.text.size() + (part.placeholder ? 2 : 0);
      if (!part.placeholder || detail::is_declared(d, part.text)) return;
      // Once per name: only at its first use.
      if (detail::template_uses(text.substr(0, at), part.text)) return;
      report(phrase_problem{d.id, phrase_fault::extra_placeholder, part.text});
    });
  }
}

/// How many problems `check_phrases` finds: 0 for a complete, well-formed table. Usable in
/// a `static_assert`.
[[nodiscard]] constexpr std::size_t count_phrase_problems(std::span<const phrase_entry> entries) {
  std::size_t n = 0;
  check_phrases(entries, [&n](const phrase_problem&) { ++n; });
  return n;
}

/// The first problem `check_phrases` finds, or nothing for a complete, well-formed table.
[[nodiscard]] constexpr std::optional<phrase_problem> first_phrase_problem(std::span<const phrase_entry> entries) {
  std::optional<phrase_problem> first;
  check_phrases(entries, [&first](const phrase_problem& p) {
    if (!first) first = p;
  });
  return first;
}

namespace detail {

// Fails to compile for a problem, and the compiler's message shows the phrase and the fault
// as this function's template arguments.
template <bool Problem, phrase_id Id, phrase_fault Fault>
constexpr bool phrase_table_problem() {
  static_assert(!Problem,
                "a phrase table lacks a phrase or a placeholder, or has one too many: the phrase and the "
                "fault are the template arguments Id and Fault of this function");
  return !Problem;
}

}  // namespace detail

/// True for a complete, well-formed table (`check_phrases` finds nothing); for any other
/// table it does not compile, and the compiler names the first problem's phrase and fault.
/// Each table checks itself with `static_assert(phrase_table_is_complete<table>())`.
template <const auto& Table>
constexpr bool phrase_table_is_complete() {
  constexpr std::optional<phrase_problem> problem = first_phrase_problem(Table);
  return detail::phrase_table_problem < problem.has_value(), problem ? problem->id : phrase_id{},
         problem ? problem->fault : phrase_fault{} > ();
}

/// Every problem `check_phrases` finds, in its order.
[[nodiscard]] inline std::vector<phrase_problem> phrase_problems(std::span<const phrase_entry> entries) {
  std::vector<phrase_problem> problems;
  check_phrases(entries, [&problems](const phrase_problem& p) { problems.push_back(p); });
  return problems;
}

/// The problem in words: "phrase safe_share: the template lacks {percent}", "phrase
/// row_unlisted: missing", "phrase reason: the template has {because}, which the phrase
/// does not declare".
[[nodiscard]] inline std::string describe(const phrase_problem& p) {
  std::string text = "phrase " + std::string(to_string(p.id)) + ": ";
  switch (p.fault) {
    case phrase_fault::missing: return text + "missing";
    case phrase_fault::duplicate: return text + "given more than once";
    case phrase_fault::malformed: return text + "the template has a brace that is not a placeholder";
    case phrase_fault::lacks_placeholder: return text + "the template lacks {" + std::string(p.placeholder) + "}";
    case phrase_fault::extra_placeholder:
      return text + "the template has {" + std::string(p.placeholder) + "}, which the phrase does not declare";
  }
  return text + "?";
}

}  // namespace kerncijfers
