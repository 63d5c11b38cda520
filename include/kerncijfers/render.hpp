#pragma once
/// \file render.hpp
/// Rendering of the key figures of a month as the published page "Kerncijfers asiel en
/// migratie": Markdown and standalone HTML in Dutch or English, and JSON with every figure.
///
/// The text follows the page sentence by sentence: the same headings, the same sentence
/// forms with the figures filled in, the page's fixed explanatory sentences, and a
/// `(Bron: ...)` / `(Source: ...)` line per figure naming the figure's own sources and latest
/// release. Where the page hard-codes something the data decide, the wording follows the
/// data: "De afgelopen twaalf maanden" only for a 12-month window, "In 2021" is the
/// departures period ("In 2023 (t/m oktober)" for a year to date).
///
/// Figures never read as more exact than they are:
///   - a `partial` distribution lists its shares followed by a caveat sentence saying how
///     much of the total is not broken down by nationality and that the ranking holds only
///     among the listed nationalities;
///   - an `unavailable` figure becomes a sentence saying it is not available and why: its
///     `problem` in the page's language (`problem_text`; a figure built by hand with only a
///     `reason` has that quoted); the safe-country share adds its bounds when set;
///   - a figure whose published (independently rounded) percentages do not add up to 100
///     gets a note of its own, in a separate paragraph after the figure's text, so the
///     page's sentences themselves stay as published.
///
/// Numbers: Dutch "7.690" and "18,8%", English "7,690" and "18.8%" (`rounded_decimal::format`).
/// Links the page makes ("[veilig land van herkomst](#)") keep their placeholder target `#`
/// in Markdown; HTML writes a link only when the target is a real address, so the
/// standalone document has no dead links.
///
/// Figures 1.0, 1.1 and 1.2 are, in this order, first applications by nationality in the
/// month, first applications over the trailing window, and nareizigers in the month.
/// Markdown writes the placeholders "Fig. 1.0" etc. where the page has them; HTML inserts
/// the caller's markup there (`html_options::figures`) or, when empty, a small table of
/// the figure's data.
///
/// How the work is shared: this header composes the page from the figures, the phrasebook
/// and the layout, and has no word of any language of its own. Every sentence, heading and
/// label is a phrase (`phrasebook.hpp`, one table per language in `phrases/`), the
/// figures' values in words are in `figure_text.hpp` (`format_count`, `format_percent`,
/// `departures_period_label`, `problem_text`, `source_text`), and the blocks, spans and the
/// Markdown and HTML writers are in `page_layout.hpp`.
///
/// The week page: a `weekly_influx_figure` (the ministry's weekly *instroomcijfers*) as a
/// short page of its own, with the same words for the categories, the same "(reden: ...)"
/// for a count that is missing, the same notes and source line as the month page.
///
/// Everything here is pure: figures in, text out.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/counts.hpp"
#include "kerncijfers/departures.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/figure_text.hpp"
#include "kerncijfers/figures_json.hpp"
#include "kerncijfers/key_figures.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/page_layout.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/phrasebook.hpp"
#include "kerncijfers/phrases.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// The title of figure 1.0, 1.1 or 1.2 (`index` 0, 1, 2), for captions and charts:
/// "Eerste asielaanvragen naar nationaliteit, mei 2021", "First asylum applications by
/// nationality, June 2020 to May 2021", "Nareizigers naar nationaliteit, mei 2021". Throws
/// `invalid_input` naming the index when it is not 0, 1 or 2.
[[nodiscard]] inline std::string figure_title(const key_figures& figures, std::size_t index, language lang);

/// What `render_html` puts around the page.
struct html_options {
  /// The document title; empty = "Kerncijfers asiel en migratie, mei 2021" / "Key figures
  /// asylum and migration, May 2021".
  std::string title;
  /// Markup for figures 1.0, 1.1 and 1.2 (e.g. an inline `<svg>` or an `<img>` with a data
  /// URI), inserted verbatim, unescaped: it must be trusted, well-formed HTML. Empty = a
  /// small table of the figure's data.
  std::array<std::string, 3> figures;

  [[nodiscard]] friend bool operator==(const html_options&, const html_options&) = default;
};

/// The page as Markdown in `lang` (see the file comment), ending in a newline.
[[nodiscard]] inline std::string render_markdown(const key_figures& figures, language lang);

/// The page as a complete standalone HTML5 document in `lang`: `<!DOCTYPE html>`,
/// `<html lang="nl">`, UTF-8, a small inline stylesheet, no external resources. All text is
/// escaped with `html_escape`; only `options.figures` is inserted verbatim.
[[nodiscard]] inline std::string render_html(const key_figures& figures, language lang,
                                             const html_options& options = {});

/// The week page of a weekly influx figure as Markdown in `lang`, ending in a newline: the
/// title with the week and its days ("## Instroom week 19 van 2021 (10 t/m 16 mei 2021)"),
/// then per category one sentence with the week's count and those of the 4 and the 13
/// weeks up to and including it ("In week 19 waren er 262 asielzoekers die voor het eerst
/// een aanvraag indienden; in de 4 weken tot en met week 19 waren het er 1.042 en in de 13
/// weken tot en met week 19 waren het er 3.378."). A count that is missing is never written
/// as a number: the sentence says it is not available and why ("(reden: ...)"), and a
/// category without any count says so once. Then, as on the month page, the notes on
/// provisional, estimated and source-rounded counts and the source line ("(Bron: ...)").
[[nodiscard]] inline std::string render_markdown(const weekly_influx_figure& figure, language lang);

/// The week page (see `render_markdown` of a `weekly_influx_figure`) as a complete
/// standalone HTML5 document in `lang`, all text escaped. `options.title` replaces the
/// title of the document (empty = the page's title); the week page has no figures, so
/// `options.figures` must be empty: markup there throws `invalid_input`.
[[nodiscard]] inline std::string render_html(const weekly_influx_figure& figure, language lang,
                                             const html_options& options = {});

// ---------------------------------------------------------------------------------------
// Implementation

namespace detail::rendering {

// ----- words and phrases

[[nodiscard]] inline std::string ascii_upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// Numbers up to twenty in words, as Dutch and English style guides write them in text.
[[nodiscard]] inline std::string number_in_words(std::size_t n, language lang) {
  if (n > 20) return std::to_string(n);
  return std::string(phrase_text(static_cast<phrase_id>(static_cast<std::size_t>(phrase_id::number_0) + n), lang));
}

// A trailing window in words, in the page's unit: `one` for a single period, else `many`
// with the number of periods in words (months fill the placeholder "months", the phrases of
// the other units have "count").
[[nodiscard]] inline std::string trailing_words(const period_range<month>& window, page_unit unit, language lang,
                                                phrase_id one, phrase_id many) {
  const std::string label = window_label(window, unit, lang);
  const std::size_t n = window_periods(window, unit);
  if (n == 1) return say(one, lang, {{"window", label}});
  const std::string count = number_in_words(n, lang);
  return say(many, lang, {{"months", count}, {"count", count}, {"window", label}});
}

// The unit whose phrases name a window: the page's, unless the window has no whole periods
// of it (then its months).
[[nodiscard]] inline page_unit naming_unit(const period_range<month>& window, page_unit unit) {
  try {
    if (unit == page_unit::year) {
      (void)coarsen<year>(window);
      return unit;
    }
    if (unit == page_unit::quarter) {
      (void)coarsen<quarter>(window);
      return unit;
    }
  } catch (const range_error&) {
    // Not whole periods of the unit: its months name it.
  }
  return page_unit::month;
}

// "de afgelopen twaalf maanden (juni 2020 t/m mei 2021)" / "the past twelve months (June
// 2020 to May 2021)"; for one month "de afgelopen maand (mei 2021)"; on a year page "de
// afgelopen drie jaar (2019 t/m 2021)".
[[nodiscard]] inline std::string trailing_phrase(const period_range<month>& window, page_unit unit, language lang) {
  switch (naming_unit(window, unit)) {
    case page_unit::year:
      return trailing_words(window, unit, lang, phrase_id::trailing_one_year, phrase_id::trailing_years);
    case page_unit::quarter:
      return trailing_words(window, unit, lang, phrase_id::trailing_one_quarter, phrase_id::trailing_quarters);
    case page_unit::month:
    case page_unit::week: break;
  }
  return trailing_words(window, page_unit::month, lang, phrase_id::trailing_one, phrase_id::trailing);
}

// A trailing window opening a sentence: "De afgelopen twaalf maanden (...)" / "Over the
// past twelve months (...)"; "De afgelopen drie jaar (...)" / "Over the past three years (...)".
[[nodiscard]] inline std::string trailing_lead(const period_range<month>& window, page_unit unit, language lang) {
  switch (naming_unit(window, unit)) {
    case page_unit::year:
      return trailing_words(window, unit, lang, phrase_id::trailing_lead_one_year, phrase_id::trailing_lead_years);
    case page_unit::quarter:
      return trailing_words(window, unit, lang, phrase_id::trailing_lead_one_quarter,
                            phrase_id::trailing_lead_quarters);
    case page_unit::month:
    case page_unit::week: break;
  }
  return trailing_words(window, page_unit::month, lang, phrase_id::trailing_lead_one, phrase_id::trailing_lead);
}

// Who a category counts, as the page's sentences name them.
[[nodiscard]] inline std::string_view subject(category c, language lang) noexcept {
  switch (c) {
    case category::first_application: return phrase_text(phrase_id::subject_first_application, lang);
    case category::repeat_application: return phrase_text(phrase_id::subject_repeat_application, lang);
    case category::family_reunification: return phrase_text(phrase_id::subject_family_reunification, lang);
    case category::relocation: return phrase_text(phrase_id::subject_relocation, lang);
    case category::resettlement: return phrase_text(phrase_id::subject_resettlement, lang);
  }
  return "?";
}

// The category in a title: "Eerste asielaanvragen" / "First asylum applications".
[[nodiscard]] inline std::string_view category_title(category c, language lang) noexcept {
  switch (c) {
    case category::first_application: return phrase_text(phrase_id::title_first_application, lang);
    case category::repeat_application: return phrase_text(phrase_id::title_repeat_application, lang);
    case category::family_reunification: return phrase_text(phrase_id::title_family_reunification, lang);
    case category::relocation: return phrase_text(phrase_id::title_relocation, lang);
    case category::resettlement: return phrase_text(phrase_id::title_resettlement, lang);
  }
  return "?";
}

// "Eerste asielaanvragen naar nationaliteit, mei 2021": a distribution's title.
[[nodiscard]] inline std::string distribution_title(const distribution_figure& f, language lang) {
  return say(phrase_id::figure_title, lang,
             {{"category", category_title(f.category, lang)}, {"window", window_label(f.window, f.unit, lang)}});
}

// A reason as a clause: surrounding blanks and a final full stop removed.
[[nodiscard]] inline std::string clause(std::string_view reason) {
  while (!reason.empty() && (reason.back() == ' ' || reason.back() == '.' || reason.back() == '\n')) {
    reason.remove_suffix(1);
  }
  while (!reason.empty() && (reason.front() == ' ' || reason.front() == '\n')) reason.remove_prefix(1);
  return std::string(reason);
}

// " (reden: ...)" / " (reason: ...)": the problem in words, else the reason as it is, else
// nothing.
[[nodiscard]] inline std::string reason_suffix(figure_problem problem, std::string_view reason, language lang) {
  const std::string text = problem != figure_problem::none ? std::string(problem_text(problem, lang)) : clause(reason);
  if (text.empty()) return {};
  std::string suffix = " ";
  suffix += say(phrase_id::reason, lang, {{"reason", text}});
  return suffix;
}

// The sources of several figures, each figure's text once, in order, joined by "; ".
[[nodiscard]] inline std::string sources_text(std::initializer_list<const figure_source*> sources, language lang) {
  std::vector<std::string> seen;
  for (const figure_source* s : sources) {
    std::string text = source_text(*s, lang);
    if (text.empty()) continue;
    bool duplicate = false;
    for (const auto& t : seen) duplicate = duplicate || t == text;
    if (!duplicate) seen.push_back(std::move(text));
  }
  std::string joined;
  for (std::size_t i = 0; i < seen.size(); ++i) joined += (i > 0 ? "; " : "") + seen[i];
  return joined;
}

// A placeholder that becomes a span of its own (a link, an emphasis) instead of text.
struct span_value {
  std::string_view name;
  span value;
};

// Appends phrase `id` to `p` as a sentence (after a space when `p` is not empty), its
// placeholders filled with `values` as text and with `spans` as spans.
inline void add_phrase(paragraph& p, phrase_id id, language lang, std::initializer_list<phrase_value> values,
                       std::initializer_list<span_value> spans) {
  const std::string_view text = phrase_text(id, lang);
  p.space();
  const std::size_t bad = parse_template(text, [&](const template_part& part) {
    if (!part.placeholder) {
      p.append(std::string(part.text));
      return;
    }
    for (const span_value& s : spans) {
      if (s.name == part.text) {
        p.add(s.value);
        return;
      }
    }
    for (const phrase_value& v : values) {
      if (v.name == part.text) {
        if (!v.value.empty()) p.append(std::string(v.value));
        return;
      }
    }
    throw invalid_input("phrase " + std::string(to_string(id)) + " has {" + std::string(part.text) +
                        "} but no value of that name");
  });
  if (bad != std::string_view::npos) throw invalid_input("phrase " + std::string(to_string(id)) + " is malformed");
}

// ----- sentences

[[nodiscard]] inline std::vector<const distribution_row*> rows_of_kind(const distribution_figure& f, row_kind kind) {
  std::vector<const distribution_row*> rows;
  for (const auto& r : f.rows) {
    if (r.kind == kind) rows.push_back(&r);
  }
  return rows;
}

// How a sentence names a figure's window: the month, or the trailing months up to it.
enum class window_form : std::uint8_t { month, trailing };

// "in mei 2021" / "over de afgelopen twaalf maanden (...)": where the window of an
// unavailable figure is named inside a sentence.
[[nodiscard]] inline std::string window_phrase(const distribution_figure& f, window_form form, language lang) {
  if (form == window_form::trailing)
    return say(phrase_id::over_window, lang, {{"trailing", trailing_phrase(f.window, f.unit, lang)}});
  return say(phrase_id::in_window, lang, {{"window", window_label(f.window, f.unit, lang)}});
}

[[nodiscard]] inline std::string unavailable_distribution(const distribution_figure& f, window_form form,
                                                          language lang) {
  return say(phrase_id::distribution_unavailable, lang,
             {{"subject", subject(f.category, lang)},
              {"when", window_phrase(f, form, lang)},
              {"reason", reason_suffix(f.problem, f.reason, lang)}});
}

[[nodiscard]] inline std::string no_breakdown(const distribution_figure& f, window_form form, language lang) {
  return say(phrase_id::distribution_no_breakdown, lang,
             {{"subject", subject(f.category, lang)}, {"when", window_phrase(f, form, lang)}});
}

// The caveat of a partial distribution (empty for any other status).
[[nodiscard]] inline std::string partial_caveat(const distribution_figure& f, language lang) {
  if (f.status != figure_status::partial) return {};
  const auto unlisted = rows_of_kind(f, row_kind::unlisted);
  if (unlisted.empty()) {
    return say(phrase_id::figures_incomplete, lang, {{"reason", reason_suffix(f.problem, f.reason, lang)}});
  }
  return say(phrase_id::partial_unlisted, lang,
             {{"percent", format_percent(unlisted.front()->percent, lang)}, {"subject", subject(f.category, lang)}});
}

// How the first share of a list is introduced: the lead opening the sentence ("In mei 2021",
// "De afgelopen twaalf maanden (...)"), the same window inside a sentence ("in 2021", "de
// afgelopen drie jaar (...)") and the reporting country's name (empty on the ministry's
// page, whose country goes without saying).
struct share_lead {
  std::string lead;
  std::string when;
  std::string country;
};

// The lead of a distribution over the page's period: "In 2021" / "in 2021".
[[nodiscard]] inline share_lead period_lead(const distribution_figure& f, std::string_view country, language lang) {
  const std::string label = window_label(f.window, f.unit, lang);
  return {say(phrase_id::lead_in, lang, {{"when", label}}), say(phrase_id::in_window, lang, {{"window", label}}),
          std::string(country)};
}

// The lead of a distribution over a trailing window.
[[nodiscard]] inline share_lead trailing_share_lead(const distribution_figure& f, std::string_view country,
                                                    language lang) {
  return {trailing_lead(f.window, f.unit, lang), trailing_phrase(f.window, f.unit, lang), std::string(country)};
}

// The lead share of a list: "<lead> kwam 32% van de <subject> uit Syrië" / "<Lead>, 32% of
// <subject> came from Syria".
[[nodiscard]] inline std::string first_share(const share_lead& lead, const distribution_figure& f,
                                             const distribution_row& r, language lang) {
  if (!lead.country.empty()) {
    return say(phrase_id::share_first_country, lang,
               {{"country", lead.country},
                {"when", lead.when},
                {"lead", lead.lead},
                {"percent", format_percent(r.percent, lang)},
                {"subject", subject(f.category, lang)},
                {"name", detail::rendering::row_name(r, lang)}});
  }
  return say(phrase_id::share_first, lang,
             {{"lead", lead.lead},
              {"percent", format_percent(r.percent, lang)},
              {"subject", subject(f.category, lang)},
              {"name", detail::rendering::row_name(r, lang)}});
}

// "8% kwam uit Algerije" / "8% from Algeria", or with `phrase_id::share_second` "8% was
// afkomstig uit Turkije" / "8% came from Turkey".
[[nodiscard]] inline std::string next_share(phrase_id id, const distribution_row& r, language lang) {
  return say(id, lang, {{"percent", format_percent(r.percent, lang)}, {"name", detail::rendering::row_name(r, lang)}});
}

// The page's one-sentence list: "<lead> kwam 32% van de <subject> uit Syrië, 8% kwam uit
// Algerije, 7% kwam uit Turkije en 6% kwam uit Marokko." / "<Lead>, 32% of <subject> came
// from Syria, 8% from Algeria, 7% from Turkey and 6% from Morocco."
[[nodiscard]] inline std::string list_sentence(const share_lead& lead, const distribution_figure& f,
                                               const std::vector<const distribution_row*>& rows, language lang) {
  std::vector<std::string> items;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    items.push_back(i == 0 ? first_share(lead, f, *rows[i], lang) : next_share(phrase_id::share_next, *rows[i], lang));
  }
  // The lead item is the list's first; "en"/"and" joins the last two as on the page.
  return join_list(items, lang) + ".";
}

// First applications in the month: a lead sentence for the largest nationality, then one
// sentence listing the others and the unknown nationality ("8% was afkomstig uit Turkije,
// 7% kwam uit Algerije, ..., 4% was Onbekend.").
[[nodiscard]] inline std::string first_month_text(const distribution_figure& f, std::string_view country,
                                                  language lang) {
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, window_form::month, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  std::string text;
  std::vector<std::string> rest;
  if (named.empty()) {
    text = no_breakdown(f, window_form::month, lang);
  } else {
    text = first_share(period_lead(f, country, lang), f, *named.front(), lang) + ".";
    for (std::size_t i = 1; i < named.size(); ++i) {
      rest.push_back(next_share(i == 1 ? phrase_id::share_second : phrase_id::share_next, *named[i], lang));
    }
  }
  for (const auto* u : rows_of_kind(f, row_kind::unknown)) {
    rest.push_back(
        say(phrase_id::share_unknown, lang,
            {{"percent", format_percent(u->percent, lang)}, {"unknown", nationality::unknown().name(lang)}}));
  }
  // The page separates every item by a comma; English joins the last two with "and".
  if (!rest.empty()) {
    text += ' ';
    text += join_list(rest, lang, phrase_id::share_list_last);
    text += '.';
  }
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// A trailing-window distribution (first applications or nareizigers): one list sentence of
// the named nationalities.
[[nodiscard]] inline std::string trailing_text(const distribution_figure& f, std::string_view country, language lang) {
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, window_form::trailing, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  std::string text = named.empty() ? no_breakdown(f, window_form::trailing, lang)
                                   : list_sentence(trailing_share_lead(f, country, lang), f, named, lang);
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// Nareizigers in the month: one list sentence, then the unknown nationality when it is its
// own row, then the remainder ("De overige 23% van de nareizigers had een andere of
// onbekende nationaliteit.").
[[nodiscard]] inline std::string nareizigers_month_text(const distribution_figure& f, std::string_view country,
                                                        language lang) {
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, window_form::month, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  std::string text = named.empty() ? no_breakdown(f, window_form::month, lang)
                                   : list_sentence(period_lead(f, country, lang), f, named, lang);
  for (const auto* u : rows_of_kind(f, row_kind::unknown)) {
    text += ' ';
    text += say(phrase_id::nareizigers_unknown, lang, {{"percent", format_percent(u->percent, lang)}});
  }
  for (const auto* o : rows_of_kind(f, row_kind::other)) {
    text += ' ';
    text += say(f.unknown_row == unknown_placement::own_row ? phrase_id::nareizigers_other
                                                            : phrase_id::nareizigers_other_or_unknown,
                lang, {{"percent", format_percent(o->percent, lang)}, {"subject", subject(f.category, lang)}});
  }
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// The safe-country sentence, whose words "veilig land van herkomst" link to the list.
inline void add_safe_share(paragraph& p, const safe_share_figure& s, language lang) {
  const span link{span_kind::link, std::string(phrase_text(phrase_id::safe_country_link, lang)), "#"};
  const std::string_view who = subject(s.category, lang);
  if (s.status == figure_status::unavailable) {
    add_phrase(p, phrase_id::safe_share_unavailable, lang,
               {{"subject", who}, {"reason", reason_suffix(s.problem, s.reason, lang)}}, {{"safe_country", link}});
    if (s.lower_percent && s.upper_percent) {
      p.append(" ");
      p.append(
          say(phrase_id::safe_share_bounds, lang,
              {{"lower", format_percent(*s.lower_percent, lang)}, {"upper", format_percent(*s.upper_percent, lang)}}));
    }
    return;
  }
  add_phrase(p, phrase_id::safe_share, lang, {{"percent", format_percent(s.percent, lang)}, {"subject", who}},
             {{"safe_country", link}});
  if (s.status == figure_status::partial) {
    p.append(" ");
    p.append(say(phrase_id::safe_share_incomplete, lang, {{"reason", reason_suffix(s.problem, s.reason, lang)}}));
  }
}

// The rounding note of a distribution, or empty when its percentages add up to 100.
[[nodiscard]] inline std::string rounding_note(const distribution_figure& f, language lang) {
  if (f.status == figure_status::unavailable || f.sums_to_100 || f.rows.empty()) return {};
  return say(f.rounding == share_rounding::published ? phrase_id::rounding_note_published : phrase_id::rounding_note,
             lang, {{"window", window_label(f.window, f.unit, lang)}, {"sum", format_percent(f.percent_sum, lang)}});
}

[[nodiscard]] inline std::string rounding_note(const departures_figure& d, language lang) {
  if (d.status == figure_status::unavailable || d.sums_to_100) return {};
  const std::string sum =
      format_percent(rounded_decimal(d.supervised_percent.units() + d.unsupervised_percent.units(), d.decimals), lang);
  return say(d.rounding == share_rounding::published ? phrase_id::departures_rounding_note_published
                                                     : phrase_id::departures_rounding_note,
             lang, {{"sum", sum}});
}

// "In 2021" / "In 2023 (t/m oktober)" / "In de periode juni 2020 t/m mei 2021".
[[nodiscard]] inline std::string departures_lead(const departures_figure& d, language lang) {
  const bool same_year_from_january =
      d.window.first().index() == 1 && d.window.first().year() == d.window.last().year();
  return say(same_year_from_january ? phrase_id::lead_in : phrase_id::lead_in_period, lang,
             {{"when", departures_period_label(d.window, lang)}});
}

[[nodiscard]] inline std::string departures_source(const departures_figure& d, language lang) {
  const std::string text = source_text(d.source, lang);
  if (text.empty()) return {};
  return say(phrase_id::source_note_tens, lang, {{"sources", text}});
}

// The sentences that tell one group's departures apart: all foreign nationals who had to
// leave, or the criminal ones among them.
struct departures_wording {
  phrase_id intro;
  phrase_id total;
  phrase_id unavailable;
  std::optional<phrase_id> after_total;
  phrase_id supervised;
  phrase_id unsupervised;
  phrase_id closing;
};

inline constexpr departures_wording departures_all_wording{
    .intro = phrase_id::departures_all_aim,
    .total = phrase_id::departures_all_total,
    .unavailable = phrase_id::departures_all_unavailable,
    .after_total = phrase_id::departures_all_who,
    .supervised = phrase_id::departures_all_supervised,
    .unsupervised = phrase_id::departures_all_unsupervised,
    .closing = phrase_id::departures_all_sources,
};

inline constexpr departures_wording departures_criminal_wording{
    .intro = phrase_id::departures_criminal_part,
    .total = phrase_id::departures_criminal_total,
    .unavailable = phrase_id::departures_criminal_unavailable,
    .after_total = std::nullopt,
    .supervised = phrase_id::departures_criminal_supervised,
    .unsupervised = phrase_id::departures_criminal_unsupervised,
    .closing = phrase_id::departures_criminal_release,
};

// A departures paragraph: the introduction, the total (or why it is not available), the
// shares with and without supervision, the closing context and the source.
[[nodiscard]] inline std::string departures_text(const departures_figure& d, const departures_wording& w,
                                                 language lang) {
  std::vector<std::string> s;
  s.push_back(say(w.intro, lang));
  const bool available = d.status != figure_status::unavailable;
  if (available) {
    s.push_back(
        say(w.total, lang, {{"lead", departures_lead(d, lang)}, {"count", format_count(d.total_rounded, lang)}}));
  } else {
    s.push_back(
        say(w.unavailable, lang,
            {{"when", departures_period_label(d.window, lang)}, {"reason", reason_suffix(d.problem, d.reason, lang)}}));
  }
  if (w.after_total) s.push_back(say(*w.after_total, lang));
  if (available) {
    s.push_back(say(w.supervised, lang, {{"percent", format_percent(d.supervised_percent, lang)}}));
    s.push_back(say(phrase_id::departures_how_left, lang));
    s.push_back(say(w.unsupervised, lang, {{"percent", format_percent(d.unsupervised_percent, lang)}}));
    if (d.status == figure_status::partial) {
      s.push_back(say(phrase_id::figures_incomplete, lang, {{"reason", reason_suffix(d.problem, d.reason, lang)}}));
    }
  }
  s.push_back(say(w.closing, lang));
  s.push_back(departures_source(d, lang));
  std::string text;
  for (const auto& sentence : s) {
    if (sentence.empty()) continue;
    text += (text.empty() ? "" : " ") + sentence;
  }
  return text;
}

// The reporting country's name when the page is for another country than the Netherlands;
// empty on the ministry's page.
[[nodiscard]] inline std::string other_country(const key_figures& f, language lang) {
  if (is_netherlands(f.options.reporting_country)) return {};
  return reporting_country_name(f.options.reporting_country, lang);
}

[[nodiscard]] inline std::string page_title(const key_figures& f, language lang) {
  const std::string country = other_country(f, lang);
  if (!country.empty()) {
    return say(phrase_id::page_title_country, lang, {{"country", country}, {"period", label(f.period, lang)}});
  }
  return say(phrase_id::page_title, lang, {{"month", label(f.period, lang)}});
}

// Where a paragraph's source note goes: on a line of its own, or after the last sentence.
enum class source_placement : std::uint8_t { new_line, same_line };

// A source note after a line break ("  \n(Bron: ...)") or after a space, when there is one.
inline void add_source(paragraph& p, const std::string& sources, language lang, source_placement placement) {
  if (sources.empty()) return;
  const std::string note = say(phrase_id::source_note, lang, {{"sources", sources}});
  if (placement == source_placement::new_line) {
    p.line_break();
    p.append(note);
  } else {
    p.sentence(note);
  }
}

inline void add_note(std::vector<block>& blocks, std::string note) {
  if (note.empty()) return;
  paragraph p;
  p.sentence(std::move(note));
  blocks.push_back(p.take(block_kind::note));
}

// The notes on the counts of some figures: provisional or estimated figures, and counts the
// source rounded ("(Door Eurostat afgerond op 5.)"); nothing when none applies.
inline void add_count_notes(std::vector<block>& blocks, std::initializer_list<const figure_header*> figures,
                            language lang) {
  std::string flags;
  std::int64_t multiple = 1;
  figure_source sources;
  for (const figure_header* f : figures) {
    detail::merge_flags(flags, f->flags);
    if (f->source_multiple > multiple) {
      multiple = f->source_multiple;
      sources = f->source;
    }
  }
  std::string text;
  if (flags.find('p') != std::string::npos) text = say(phrase_id::provisional_note, lang);
  if (flags.find('e') != std::string::npos) text += (text.empty() ? "" : " ") + say(phrase_id::estimated_note, lang);
  if (multiple > 1) {
    text += (text.empty() ? "" : " ") +
            say(phrase_id::source_rounded_note, lang,
                {{"publisher", publishers_text(sources, lang)}, {"multiple", format_count(multiple, lang)}});
  }
  add_note(blocks, std::move(text));
}

[[nodiscard]] inline const distribution_figure& figure_data(const key_figures& f, std::size_t index) {
  switch (index) {
    case 0: return f.first_month;
    case 1: return f.first_trailing;
    case 2: return f.family_reunification_month;
    default: break;
  }
  throw invalid_input("figure index " + std::to_string(index) + " is not 0, 1 or 2 (Fig. 1.0, 1.1, 1.2)");
}

[[nodiscard]] inline std::string html_figure_table(const distribution_figure& f, language lang) {
  if (f.status == figure_status::unavailable) {
    return "<p class=\"unavailable\">" +
           html_escape(
               say(phrase_id::table_unavailable, lang, {{"reason", reason_suffix(f.problem, f.reason, lang)}})) +
           "</p>\n";
  }
  std::string out = "<table>\n<thead><tr><th scope=\"col\">";
  out += phrase_text(phrase_id::table_nationality, lang);
  out += "</th><th scope=\"col\" class=\"num\">";
  out += phrase_text(phrase_id::table_count, lang);
  out += "</th><th scope=\"col\" class=\"num\">";
  out += phrase_text(phrase_id::table_share, lang);
  out += "</th></tr></thead>\n<tbody>\n";
  for (const auto& r : f.rows) {
    out += "<tr><td>" + html_escape(row_label(f, r, lang)) + "</td><td class=\"num\">" +
           html_escape(format_count(r.count, lang)) + "</td><td class=\"num\">" +
           html_escape(format_percent(r.percent, lang)) + "</td></tr>\n";
  }
  out += "</tbody>\n<tfoot><tr><th scope=\"row\">";
  out += phrase_text(phrase_id::table_total, lang);
  out += "</th><td class=\"num\">" + html_escape(format_count(f.total, lang)) + "</td><td class=\"num\">" +
         html_escape(format_percent(f.percent_sum, lang)) + "</td></tr></tfoot>\n</table>\n";
  return out;
}

// Fig. 1.`index` with its caption; with `html`, also its markup: the caller's, else the
// table of the figure's data.
[[nodiscard]] inline block figure_of(const key_figures& f, std::size_t index, language lang, const html_options* html) {
  block b = figure_block(say(phrase_id::figure_number, lang, {{"number", "1." + std::to_string(index)}}),
                         "fig-1-" + std::to_string(index), distribution_title(figure_data(f, index), lang));
  if (html != nullptr) {
    b.markup = html->figures[index].empty() ? html_figure_table(figure_data(f, index), lang) : html->figures[index];
  }
  return b;
}

// The whole page, block by block, in the page's order; figures with their HTML markup when
// `html` is given.
[[nodiscard]] inline std::vector<block> page_blocks(const key_figures& f, language lang,
                                                    const html_options* html = nullptr) {
  const std::string country = other_country(f, lang);
  // The ministry's page names no country; a page for another country names it and leaves out
  // what is Dutch policy (unless that country's own data were given).
  const bool dutch_policy = country.empty() || f.options.country_policy_data;
  std::vector<block> blocks;
  if (country.empty()) {
    blocks.push_back(heading(2, say(phrase_id::page_heading, lang, {{"month", ascii_upper(label(f.period, lang))}})));
  } else {
    blocks.push_back(
        heading(2, say(phrase_id::page_heading_country, lang,
                       {{"country", ascii_upper(country)}, {"period", ascii_upper(label(f.period, lang))}})));
  }

  if (country.empty()) {
    blocks.push_back(heading(3, say(phrase_id::heading_influx, lang)));
    {
      paragraph p;
      add_phrase(p, phrase_id::intro_influx, lang, {},
                 {{"weekly", {span_kind::emphasis, std::string(phrase_text(phrase_id::intro_weekly, lang)), {}}},
                  {"influx_figures",
                   {span_kind::link, std::string(phrase_text(phrase_id::intro_influx_figures, lang)), "#"}}});
      blocks.push_back(p.take());
    }
    {
      paragraph p;
      add_phrase(
          p, phrase_id::intro_trends, lang, {},
          {{"monthly", {span_kind::emphasis, std::string(phrase_text(phrase_id::intro_monthly, lang)), {}}},
           {"asylum_trends", {span_kind::link, std::string(phrase_text(phrase_id::intro_asylum_trends, lang)), "#"}}});
      blocks.push_back(p.take());
    }
    blocks.push_back(heading(3, say(phrase_id::heading_countries, lang)));
  } else {
    blocks.push_back(heading(3, say(phrase_id::heading_country, lang, {{"country", country}})));
    const std::string publishers = publishers_text(f.first_month.source, lang);
    if (!publishers.empty()) {
      paragraph p;
      p.sentence(say(phrase_id::intro_country, lang, {{"country", country}, {"sources", publishers}}));
      blocks.push_back(p.take());
    }
  }
  {
    paragraph p;
    p.sentence(first_month_text(f.first_month, country, lang));
    if (dutch_policy) {
      add_safe_share(p, f.safe_month, lang);
      add_source(p, sources_text({&f.first_month.source, &f.safe_month.source}, lang), lang,
                 source_placement::new_line);
    } else {
      add_source(p, sources_text({&f.first_month.source}, lang), lang, source_placement::new_line);
    }
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.first_month, lang));
  add_count_notes(blocks, {&f.first_month, &f.safe_month}, lang);
  blocks.push_back(figure_of(f, 0, lang, html));
  blocks.push_back(figure_of(f, 1, lang, html));
  {
    paragraph p;
    p.sentence(trailing_text(f.first_trailing, country, lang));
    add_source(p, sources_text({&f.first_trailing.source}, lang), lang, source_placement::new_line);
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.first_trailing, lang));
  add_count_notes(blocks, {&f.first_trailing}, lang);

  blocks.push_back(heading(2, say(phrase_id::heading_nareizigers, lang)));
  blocks.push_back(figure_of(f, 2, lang, html));
  {
    paragraph p;
    p.sentence(nareizigers_month_text(f.family_reunification_month, country, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.family_reunification_month, lang));
  {
    paragraph p;
    p.sentence(trailing_text(f.family_reunification_trailing, country, lang));
    add_source(p, sources_text({&f.family_reunification_month.source, &f.family_reunification_trailing.source}, lang),
               lang, source_placement::same_line);
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.family_reunification_trailing, lang));
  add_count_notes(blocks, {&f.family_reunification_month, &f.family_reunification_trailing}, lang);

  if (!dutch_policy) {
    paragraph p;
    p.sentence(say(phrase_id::policy_left_out, lang, {{"country", country}}));
    blocks.push_back(p.take());
    return blocks;
  }
  blocks.push_back(heading(2, say(phrase_id::heading_departures, lang)));
  {
    paragraph p;
    p.sentence(departures_text(f.departures_all, departures_all_wording, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.departures_all, lang));

  blocks.push_back(heading(2, say(phrase_id::heading_criminal_departures, lang)));
  {
    paragraph p;
    p.sentence(departures_text(f.departures_criminal, departures_criminal_wording, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.departures_criminal, lang));
  return blocks;
}

// ----- the week page

// "262" or why the count is missing (the reason suffix, " (reden: ...)").
[[nodiscard]] inline std::string week_reason(const influx_entry& e, language lang) {
  const std::string text =
      e.problem != figure_problem::none ? std::string(week_problem_text(e.problem, lang)) : clause(e.reason);
  if (text.empty()) return {};
  return " " + say(phrase_id::reason, lang, {{"reason", text}});
}

// One category's sentence: the week, then the trailing 4 and 13 weeks; one sentence for a
// category without any count when all three lack it for the same reason.
[[nodiscard]] inline std::string week_category_text(const weekly_influx_entry& e, const iso_week& w, language lang) {
  const std::string week = std::to_string(w.index());
  const std::string_view who = subject(e.category, lang);
  if (!e.week.count && !e.trailing_4.count && !e.trailing_13.count) {
    const std::string reason = week_reason(e.week, lang);
    if (week_reason(e.trailing_4, lang) == reason && week_reason(e.trailing_13, lang) == reason) {
      return say(phrase_id::week_all_unavailable, lang, {{"subject", who}, {"week", week}, {"reason", reason}});
    }
  }
  const std::string first = e.week.count
                                ? say(phrase_id::week_count, lang,
                                      {{"week", week}, {"count", format_count(*e.week.count, lang)}, {"subject", who}})
                                : say(phrase_id::week_count_unavailable, lang,
                                      {{"week", week}, {"subject", who}, {"reason", week_reason(e.week, lang)}});
  const auto trailing = [&](const influx_entry& t, std::string_view weeks) {
    return t.count ? say(phrase_id::week_trailing, lang,
                         {{"weeks", weeks}, {"week", week}, {"count", format_count(*t.count, lang)}})
                   : say(phrase_id::week_trailing_unavailable, lang,
                         {{"weeks", weeks}, {"week", week}, {"reason", week_reason(t, lang)}});
  };
  return say(
      phrase_id::week_sentence, lang,
      {{"week", first}, {"trailing_4", trailing(e.trailing_4, "4")}, {"trailing_13", trailing(e.trailing_13, "13")}});
}

// The week page, block by block: the title, a paragraph per category, the notes on the
// counts and the source line.
[[nodiscard]] inline std::vector<block> week_page_blocks(const weekly_influx_figure& f, language lang) {
  std::vector<block> blocks;
  blocks.push_back(heading(2, week_title(f.week, lang)));
  for (const weekly_influx_entry& e : f.by_category) {
    paragraph p;
    p.sentence(week_category_text(e, f.week, lang));
    blocks.push_back(p.take());
  }
  add_count_notes(blocks, {&f}, lang);
  const std::string sources = sources_text({&f.source}, lang);
  if (!sources.empty()) {
    paragraph p;
    p.sentence(say(phrase_id::source_note, lang, {{"sources", sources}}));
    blocks.push_back(p.take());
  }
  return blocks;
}

}  // namespace detail::rendering

inline std::string figure_title(const key_figures& figures, std::size_t index, language lang) {
  return detail::rendering::distribution_title(detail::rendering::figure_data(figures, index), lang);
}

inline std::string render_markdown(const key_figures& figures, language lang) {
  return detail::rendering::markdown_document(detail::rendering::page_blocks(figures, lang));
}

inline std::string render_html(const key_figures& figures, language lang, const html_options& options) {
  const std::string title = options.title.empty() ? detail::rendering::page_title(figures, lang) : options.title;
  return detail::rendering::html_document(to_string(lang), title,
                                          detail::rendering::page_blocks(figures, lang, &options));
}

inline std::string render_markdown(const weekly_influx_figure& figure, language lang) {
  return detail::rendering::markdown_document(detail::rendering::week_page_blocks(figure, lang));
}

inline std::string render_html(const weekly_influx_figure& figure, language lang, const html_options& options) {
  for (std::size_t i = 0; i < options.figures.size(); ++i) {
    if (!options.figures[i].empty()) {
      throw invalid_input("the week page has no figures, but html_options.figures[" + std::to_string(i) +
                          "] has markup");
    }
  }
  const std::string title = options.title.empty() ? week_title(figure.week, lang) : options.title;
  return detail::rendering::html_document(to_string(lang), title, detail::rendering::week_page_blocks(figure, lang));
}

}  // namespace kerncijfers
