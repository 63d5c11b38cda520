#pragma once
/// \file render.hpp
/// Rendering of the key figures of a month as the published page "Kerncijfers asiel en
/// migratie": Markdown and standalone HTML in Dutch or English (the JSON of every figure is
/// `render_json` in figures_json.hpp).
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
#include "kerncijfers/key_figures.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "kerncijfers/rounding.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

// ---------------------------------------------------------------------------------------
// Numbers and labels

/// A count as written in `lang`: Dutch "7.690", English "7,690".
[[nodiscard]] inline std::string format_count(std::int64_t count, language lang) {
  return rounded_decimal(count, 0).format(lang);
}

/// A percentage of `units` units of 10^-`decimals` percent, as written in `lang`, with the
/// sign: (188, 1) gives Dutch "18,8%" and English "18.8%"; (32, 0) gives "32%". Throws
/// `invalid_input` for decimals outside 0-18.
[[nodiscard]] inline std::string format_percent(std::int64_t units, int decimals, language lang) {
  return rounded_decimal(units, decimals).format(lang) + "%";
}

/// The departures period as the page writes it: a whole calendar year is "2021"; a year to
/// date is "2023 (t/m oktober)" / "2023 (through October)"; any other range is its label,
/// "juni 2020 t/m mei 2021" / "June 2020 to May 2021".
[[nodiscard]] inline std::string departures_period_label(period_range<month> p, language lang) {
  const bool same_year = p.first().year() == p.last().year();
  if (same_year && p.first().index() == 1) {
    const std::string y = std::to_string(p.first().year());
    if (p.last().index() == 12) return y;
    const auto& names = lang == language::nl ? detail::month_names_nl : detail::month_names_en;
    return y + (lang == language::nl ? " (t/m " : " (through ") + std::string(names[p.last().index() - 1]) + ")";
  }
  return p.label(lang);
}

/// Why a figure is partial or unavailable, as a clause in `lang` for the page's
/// "is niet beschikbaar (reden: ...)": "het totaal is 0" / "the total is 0". Empty for
/// `figure_problem::none`. The figure's `reason` has the details (in English).
[[nodiscard]] constexpr std::string_view problem_text(figure_problem problem, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (problem) {
    case figure_problem::none: return {};
    case figure_problem::incomplete_breakdown:
      return nl ? "de gegevens splitsen niet iedereen naar nationaliteit uit"
                : "the data do not break everyone down by nationality";
    case figure_problem::missing_months:
      return nl ? "de gegevens hebben niet voor elke maand van de periode een totaal"
                : "the data do not have a total for every month of the period";
    case figure_problem::unsplittable_rows:
      return nl ? "voor een deel van de periode hebben de gegevens alleen totalen per kwartaal of jaar, die niet over "
                  "de maanden te verdelen zijn"
                : "for part of the period the data have only quarterly or yearly totals, which cannot be divided over "
                  "the months";
    case figure_problem::zero_total: return nl ? "het totaal is 0" : "the total is 0";
    case figure_problem::inconsistent_data:
      return nl ? "de gegevens spreken elkaar tegen: de aantallen per nationaliteit tellen op tot meer dan het totaal"
                : "the data contradict each other: the counts by nationality add up to more than the total";
    case figure_problem::undetermined_designation:
      return nl ? "de bronnen zeggen niet voor elke nationaliteit en maand of het land als veilig land van herkomst "
                  "was aangewezen"
                : "the sources do not say for every nationality and month whether the country was designated a safe "
                  "country of origin";
    case figure_problem::missing_departures:
      return nl ? "de gegevens bevatten niet alle vertrekcijfers voor deze periode"
                : "the data do not hold every departure figure for this period";
    case figure_problem::overflow:
      return nl ? "de aantallen zijn te groot om op te tellen" : "the counts are too large to add up";
    case figure_problem::inconsistent_departures:
      return nl ? "de vertrekcijfers spreken elkaar tegen: criminele vreemdelingen zijn een deel van alle "
                  "vreemdelingen, maar de gegevens geven hun meer vertrekken"
                : "the departure figures contradict each other: criminal foreign nationals are a part of all foreign "
                  "nationals, but the data give them more departures";
  }
  return {};
}

/// Where a figure's numbers come from, as the page's source note writes it (without
/// "Bron:"): the sources joined ("A en B" / "A and B"), then the latest release in ISO form:
/// "CBS StatLine 83102NED, release 2021-W30"; an undated release gives ", ongedateerd" /
/// ", undated". Empty when the figure has no sources.
[[nodiscard]] inline std::string source_text(const figure_source& source, language lang) {
  if (source.sources.empty()) return {};
  std::string text;
  for (std::size_t i = 0; i < source.sources.size(); ++i) {
    if (i > 0) {
      text += i + 1 == source.sources.size() ? (lang == language::nl ? " en " : " and ") : ", ";
    }
    text += source.sources[i];
  }
  if (source.latest_release.is_dated()) {
    text += ", release " + source.latest_release.iso();
  } else {
    text += lang == language::nl ? ", ongedateerd" : ", undated";
  }
  return text;
}

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

// ---------------------------------------------------------------------------------------
// Implementation

namespace detail::rendering {

// ----- words and phrases

[[nodiscard]] inline std::string capitalise(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

[[nodiscard]] inline std::string ascii_upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

// Numbers up to twenty in words, as Dutch and English style guides write them in text.
[[nodiscard]] inline std::string number_in_words(std::size_t n, language lang) {
  static constexpr std::array<std::string_view, 21> nl = {
      "nul",      "een",      "twee",    "drie",      "vier",     "vijf",      "zes",
      "zeven",    "acht",     "negen",   "tien",      "elf",      "twaalf",    "dertien",
      "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig"};
  static constexpr std::array<std::string_view, 21> en = {
      "zero",     "one",     "two",     "three",     "four",     "five",     "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  if (n <= 20) return std::string(lang == language::nl ? nl[n] : en[n]);
  return std::to_string(n);
}

// "de afgelopen twaalf maanden (juni 2020 t/m mei 2021)" / "the past twelve months (June
// 2020 to May 2021)"; for one month "de afgelopen maand (mei 2021)".
[[nodiscard]] inline std::string trailing_phrase(const period_range<month>& window, language lang) {
  const std::size_t n = window.size();
  const std::string label = "(" + window.label(lang) + ")";
  if (lang == language::nl) {
    return n == 1 ? "de afgelopen maand " + label : "de afgelopen " + number_in_words(n, lang) + " maanden " + label;
  }
  return n == 1 ? "the past month " + label : "the past " + number_in_words(n, lang) + " months " + label;
}

// A trailing window opening a sentence: "De afgelopen twaalf maanden (...)" / "Over the
// past twelve months (...)".
[[nodiscard]] inline std::string trailing_lead(const period_range<month>& window, language lang) {
  return lang == language::nl ? capitalise(trailing_phrase(window, lang)) : "Over " + trailing_phrase(window, lang);
}

// Who a category counts, as the page's sentences name them.
[[nodiscard]] inline std::string_view subject(category c, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (c) {
    case category::first_application:
      return nl ? "asielzoekers die voor het eerst een aanvraag indienden" : "first-time asylum applicants";
    case category::repeat_application:
      return nl ? "asielzoekers die een herhaalde aanvraag indienden" : "repeat asylum applicants";
    case category::family_reunification: return nl ? "nareizigers" : "family members joining refugees";
    case category::relocation: return nl ? "herplaatste asielzoekers" : "relocated asylum seekers";
    case category::resettlement: return nl ? "hervestigde vluchtelingen" : "resettled refugees";
  }
  return "?";
}

// The category in a title: "Eerste asielaanvragen" / "First asylum applications".
[[nodiscard]] inline std::string_view category_title(category c, language lang) noexcept {
  const bool nl = lang == language::nl;
  switch (c) {
    case category::first_application: return nl ? "Eerste asielaanvragen" : "First asylum applications";
    case category::repeat_application: return nl ? "Herhaalde asielaanvragen" : "Repeat asylum applications";
    case category::family_reunification: return nl ? "Nareizigers" : "Family members joining refugees (nareizigers)";
    case category::relocation: return nl ? "Herplaatsing" : "Relocation";
    case category::resettlement: return nl ? "Hervestiging" : "Resettlement";
  }
  return "?";
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
  return (lang == language::nl ? " (reden: " : " (reason: ") + text + ")";
}

// "A, B en C" / "A, B and C".
[[nodiscard]] inline std::string join_list(const std::vector<std::string>& items, language lang) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? (lang == language::nl ? " en " : " and ") : ", ";
    text += items[i];
  }
  return text;
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

// ----- the page as blocks, shared by Markdown and HTML

enum class span_kind : std::uint8_t { text, emphasis, link, line_break };

struct span {
  span_kind kind = span_kind::text;
  std::string text;
  std::string href;
};

enum class block_kind : std::uint8_t { heading, paragraph, figure, note };

struct block {
  block_kind kind = block_kind::paragraph;
  int level = 0;
  std::vector<span> spans;
  std::size_t figure = 0;
};

// Builds one paragraph from sentences; consecutive sentences are separated by a space.
class paragraph {
 public:
  // Appends a sentence (or any text) after a space when the paragraph is not empty.
  paragraph& sentence(std::string text) {
    if (text.empty()) return *this;
    space();
    return append(std::move(text));
  }
  paragraph& append(std::string text) {
    if (!spans_.empty() && spans_.back().kind == span_kind::text) {
      spans_.back().text += text;
    } else {
      spans_.push_back({span_kind::text, std::move(text), {}});
    }
    return *this;
  }
  paragraph& emphasis(std::string text) {
    spans_.push_back({span_kind::emphasis, std::move(text), {}});
    return *this;
  }
  paragraph& link(std::string text, std::string href) {
    spans_.push_back({span_kind::link, std::move(text), std::move(href)});
    return *this;
  }
  paragraph& line_break() {
    spans_.push_back({span_kind::line_break, {}, {}});
    return *this;
  }
  void space() {
    if (!spans_.empty() && spans_.back().kind != span_kind::line_break) append(" ");
  }
  [[nodiscard]] bool empty() const noexcept { return spans_.empty(); }
  [[nodiscard]] block take(block_kind kind = block_kind::paragraph) {
    block b;
    b.kind = kind;
    b.spans = std::move(spans_);
    spans_.clear();
    return b;
  }

 private:
  std::vector<span> spans_;
};

[[nodiscard]] inline block heading(int level, std::string text) {
  block b;
  b.kind = block_kind::heading;
  b.level = level;
  b.spans.push_back({span_kind::text, std::move(text), {}});
  return b;
}

[[nodiscard]] inline block figure_block(std::size_t index) {
  block b;
  b.kind = block_kind::figure;
  b.figure = index;
  return b;
}

// ----- sentences

[[nodiscard]] inline std::string percent_text(const rounded_decimal& percent, language lang) {
  return format_percent(percent.units(), percent.decimals(), lang);
}

[[nodiscard]] inline std::vector<const distribution_row*> rows_of_kind(const distribution_figure& f, row_kind kind) {
  std::vector<const distribution_row*> rows;
  for (const auto& r : f.rows) {
    if (r.kind == kind) rows.push_back(&r);
  }
  return rows;
}

[[nodiscard]] inline std::string row_name(const distribution_row& r, language lang) {
  return r.nat ? std::string(r.nat->name(lang)) : std::string(nationality::unknown().name(lang));
}

// "in mei 2021" / "over de afgelopen twaalf maanden (...)": where the window of an
// unavailable figure is named inside a sentence.
[[nodiscard]] inline std::string window_phrase(const distribution_figure& f, bool trailing, language lang) {
  if (trailing) return "over " + trailing_phrase(f.window, lang);  // the same word in both languages
  return "in " + f.window.label(lang);
}

[[nodiscard]] inline std::string unavailable_distribution(const distribution_figure& f, bool trailing, language lang) {
  if (lang == language::nl) {
    return "De verdeling naar nationaliteit van de " + std::string(subject(f.cat, lang)) + " " +
           window_phrase(f, trailing, lang) + " is niet beschikbaar" + reason_suffix(f.problem, f.reason, lang) + ".";
  }
  return "The breakdown by nationality of " + std::string(subject(f.cat, lang)) + " " +
         window_phrase(f, trailing, lang) + " is not available" + reason_suffix(f.problem, f.reason, lang) + ".";
}

[[nodiscard]] inline std::string no_breakdown(const distribution_figure& f, bool trailing, language lang) {
  if (lang == language::nl) {
    return "De gegevens noemen geen nationaliteiten van de " + std::string(subject(f.cat, lang)) + " " +
           window_phrase(f, trailing, lang) + ".";
  }
  return "The data name no nationalities of " + std::string(subject(f.cat, lang)) + " " +
         window_phrase(f, trailing, lang) + ".";
}

// The caveat of a partial distribution (empty for any other status).
[[nodiscard]] inline std::string partial_caveat(const distribution_figure& f, language lang) {
  if (f.status != figure_status::partial) return {};
  const auto unlisted = rows_of_kind(f, row_kind::unlisted);
  const bool nl = lang == language::nl;
  if (unlisted.empty()) {
    return nl ? "Deze cijfers zijn onvolledig" + reason_suffix(f.problem, f.reason, lang) + "."
              : "These figures are incomplete" + reason_suffix(f.problem, f.reason, lang) + ".";
  }
  const std::string share = percent_text(unlisted.front()->percent, lang);
  if (nl) {
    return "Deze cijfers bevatten alleen de nationaliteiten die in de gegevens staan: " + share + " van de " +
           std::string(subject(f.cat, lang)) +
           " is niet naar nationaliteit uitgesplitst. De volgorde geldt dus alleen voor de genoemde nationaliteiten.";
  }
  return "These figures cover only the nationalities in the data: " + share + " of " +
         std::string(subject(f.cat, lang)) +
         " are not broken down by nationality. The ranking therefore holds only among the nationalities listed.";
}

// The page's one-sentence list: "<lead> kwam 32% van de <subject> uit Syrië, 8% kwam uit
// Algerije, 7% kwam uit Turkije en 6% kwam uit Marokko." / "<Lead>, 32% of <subject> came
// from Syria, 8% from Algeria, 7% from Turkey and 6% from Morocco."
[[nodiscard]] inline std::string list_sentence(const std::string& lead, const distribution_figure& f,
                                               const std::vector<const distribution_row*>& rows, language lang) {
  const bool nl = lang == language::nl;
  std::vector<std::string> items;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string p = percent_text(rows[i]->percent, lang);
    const std::string name = row_name(*rows[i], lang);
    if (i == 0) {
      items.push_back(nl ? lead + " kwam " + p + " van de " + std::string(subject(f.cat, lang)) + " uit " + name
                         : lead + ", " + p + " of " + std::string(subject(f.cat, lang)) + " came from " + name);
    } else {
      items.push_back(nl ? p + " kwam uit " + name : p + " from " + name);
    }
  }
  // The lead item is the list's first; "en"/"and" joins the last two as on the page.
  return join_list(items, lang) + ".";
}

// First applications in the month: a lead sentence for the largest nationality, then one
// sentence listing the others and the unknown nationality ("8% was afkomstig uit Turkije,
// 7% kwam uit Algerije, ..., 4% was Onbekend.").
[[nodiscard]] inline std::string first_month_text(const distribution_figure& f, language lang) {
  const bool nl = lang == language::nl;
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, false, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  const auto unknown = rows_of_kind(f, row_kind::unknown);
  std::string text;
  std::vector<std::string> rest;
  if (named.empty()) {
    text = no_breakdown(f, false, lang);
  } else {
    const std::string p = percent_text(named.front()->percent, lang);
    const std::string name = row_name(*named.front(), lang);
    text = nl ? "In " + f.window.label(lang) + " kwam " + p + " van de " + std::string(subject(f.cat, lang)) + " uit " +
                    name + "."
              : "In " + f.window.label(lang) + ", " + p + " of " + std::string(subject(f.cat, lang)) + " came from " +
                    name + ".";
    for (std::size_t i = 1; i < named.size(); ++i) {
      const std::string q = percent_text(named[i]->percent, lang);
      const std::string n = row_name(*named[i], lang);
      if (nl) {
        rest.push_back(q + (i == 1 ? " was afkomstig uit " : " kwam uit ") + n);
      } else {
        rest.push_back(q + (i == 1 ? " came from " : " from ") + n);
      }
    }
  }
  for (const auto* u : unknown) {
    const std::string q = percent_text(u->percent, lang);
    rest.push_back(nl ? q + " was " + std::string(nationality::unknown().name(lang))
                      : q + " had an unknown nationality");
  }
  if (!rest.empty()) {
    // The page separates every item by a comma; English joins the last two with "and".
    std::string list;
    if (nl) {
      for (std::size_t i = 0; i < rest.size(); ++i) list += (i > 0 ? ", " : "") + rest[i];
    } else {
      list = join_list(rest, lang);
    }
    text += " " + list + ".";
  }
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// A trailing-window distribution (first applications or nareizigers): one list sentence of
// the named nationalities.
[[nodiscard]] inline std::string trailing_text(const distribution_figure& f, language lang) {
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, true, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  std::string text =
      named.empty() ? no_breakdown(f, true, lang) : list_sentence(trailing_lead(f.window, lang), f, named, lang);
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// Nareizigers in the month: one list sentence, then the unknown nationality when it is its
// own row, then the remainder ("De overige 23% van de nareizigers had een andere of
// onbekende nationaliteit.").
[[nodiscard]] inline std::string nareizigers_month_text(const distribution_figure& f, language lang) {
  const bool nl = lang == language::nl;
  if (f.status == figure_status::unavailable) return unavailable_distribution(f, false, lang);
  const auto named = rows_of_kind(f, row_kind::nationality);
  std::string text =
      named.empty() ? no_breakdown(f, false, lang) : list_sentence("In " + f.window.label(lang), f, named, lang);
  for (const auto* u : rows_of_kind(f, row_kind::unknown)) {
    const std::string q = percent_text(u->percent, lang);
    text += nl ? " " + q + " had een onbekende nationaliteit." : " " + q + " had an unknown nationality.";
  }
  for (const auto* o : rows_of_kind(f, row_kind::other)) {
    const std::string q = percent_text(o->percent, lang);
    if (nl) {
      text += " De overige " + q + " van de " + std::string(subject(f.cat, lang)) + " had een " +
              (f.unknown_row == unknown_placement::own_row ? "andere" : "andere of onbekende") + " nationaliteit.";
    } else {
      text += " The remaining " + q + " had " +
              (f.unknown_row == unknown_placement::own_row ? "another" : "another or an unknown") + " nationality.";
    }
  }
  const std::string caveat = partial_caveat(f, lang);
  if (!caveat.empty()) text += " " + caveat;
  return text;
}

// The safe-country sentence; `link_text` is written as a link by the caller, so the
// sentence comes in two halves around it.
struct safe_sentence {
  std::string before;
  std::string link_text;
  std::string after;
};

[[nodiscard]] inline safe_sentence safe_text(const safe_share_figure& s, language lang) {
  const bool nl = lang == language::nl;
  const std::string link = nl ? "veilig land van herkomst" : "safe country of origin";
  const std::string who(subject(s.cat, lang));
  if (s.status == figure_status::unavailable) {
    std::string after = nl ? " is niet beschikbaar" : " is not available";
    after += reason_suffix(s.problem, s.reason, lang) + ".";
    if (s.lower_percent && s.upper_percent) {
      const std::string lo = percent_text(*s.lower_percent, lang);
      const std::string hi = percent_text(*s.upper_percent, lang);
      after += nl ? " Het ligt tussen " + lo + " en " + hi + "." : " It lies between " + lo + " and " + hi + ".";
    }
    return {nl ? "Het aandeel van de " + who + " dat uit een " : "The share of " + who + " who came from a ", link,
            (nl ? " kwam," : "") + after};
  }
  const std::string p = percent_text(s.percent, lang);
  std::string after = ".";
  if (s.status == figure_status::partial) {
    after += nl ? " Dit cijfer is onvolledig" + reason_suffix(s.problem, s.reason, lang) + "."
                : " This figure is incomplete" + reason_suffix(s.problem, s.reason, lang) + ".";
  }
  return {nl ? "Circa " + p + " van de " + who + " kwam uit een " : "About " + p + " of " + who + " came from a ", link,
          after};
}

// The rounding note of a distribution, or empty when its percentages add up to 100.
[[nodiscard]] inline std::string rounding_note(const distribution_figure& f, language lang) {
  if (f.status == figure_status::unavailable || f.sums_to_100 || f.rows.empty()) return {};
  const bool nl = lang == language::nl;
  const std::string sum = percent_text(f.percent_sum, lang);
  const std::string window = f.window.label(lang);
  if (f.rounding == share_rounding::published) {
    return nl ? "(Afgerond: elk percentage is afzonderlijk afgerond, daardoor telt de hele verdeling van " + window +
                    " op tot " + sum + ".)"
              : "(Rounded: each percentage is rounded on its own, so the full breakdown for " + window +
                    " adds up to " + sum + ".)";
  }
  return nl ? "(Afgerond: de hele verdeling van " + window + " telt op tot " + sum + ".)"
            : "(Rounded: the full breakdown for " + window + " adds up to " + sum + ".)";
}

[[nodiscard]] inline std::string rounding_note(const departures_figure& d, language lang) {
  if (d.status == figure_status::unavailable || d.sums_to_100) return {};
  const bool nl = lang == language::nl;
  const std::string sum =
      percent_text(rounded_decimal(d.supervised_percent.units() + d.unsupervised_percent.units(), d.decimals), lang);
  if (d.rounding == share_rounding::published) {
    return nl ? "(Afgerond: beide percentages zijn afzonderlijk afgerond en tellen samen op tot " + sum + ".)"
              : "(Rounded: both percentages are rounded on their own and add up to " + sum + ".)";
  }
  return nl ? "(Afgerond: beide percentages tellen samen op tot " + sum + ".)"
            : "(Rounded: both percentages add up to " + sum + ".)";
}

// "In 2021" / "In 2023 (t/m oktober)" / "In de periode juni 2020 t/m mei 2021".
[[nodiscard]] inline std::string departures_lead(const departures_figure& d, language lang) {
  const bool same_year_from_january =
      d.window.first().index() == 1 && d.window.first().year() == d.window.last().year();
  if (same_year_from_january) return "In " + departures_period_label(d.window, lang);
  return (lang == language::nl ? "In de periode " : "In the period ") + departures_period_label(d.window, lang);
}

[[nodiscard]] inline std::string departures_source(const departures_figure& d, language lang) {
  const std::string text = source_text(d.source, lang);
  if (text.empty()) return {};
  return (lang == language::nl ? "(Bron: " : "(Source: ") + text +
         (lang == language::nl ? ", afgerond op tientallen)" : ", rounded to tens)");
}

[[nodiscard]] inline std::string departures_all_text(const departures_figure& d, language lang) {
  const bool nl = lang == language::nl;
  std::vector<std::string> s;
  s.push_back(nl ? "De inzet van het kabinet is om vreemdelingen zoveel mogelijk zelfstandig te laten vertrekken."
                 : "The government aims to have foreign nationals leave independently as much as possible.");
  const std::string lead = departures_lead(d, lang);
  const bool available = d.status != figure_status::unavailable;
  if (available) {
    const std::string n = format_count(d.total_rounded, lang);
    s.push_back(nl ? lead + " zijn ongeveer " + n + " vreemdelingen die niet in Nederland mochten blijven, vertrokken."
                   : lead + ", about " + n +
                         " foreign nationals who were not allowed to stay in the Netherlands left.");
  } else {
    const std::string when = departures_period_label(d.window, lang);
    s.push_back(nl ? "Het aantal vreemdelingen dat niet in Nederland mocht blijven en in " + when +
                         " is vertrokken, is niet beschikbaar" + reason_suffix(d.problem, d.reason, lang) + "."
                   : "The number of foreign nationals who were not allowed to stay in the Netherlands and left in " +
                         when + " is not available" + reason_suffix(d.problem, d.reason, lang) + ".");
  }
  s.push_back(nl ? "Het gaat niet alleen om afgewezen asielzoekers maar ook om bijvoorbeeld mensen die illegaal in "
                   "Nederland verblijven en mensen van wie de vergunning is ingetrokken of niet meer geldig is."
                 : "This concerns not only rejected asylum seekers but also, for example, people staying in the "
                   "Netherlands illegally and people whose residence permit has been withdrawn or is no longer valid.");
  if (available) {
    const std::string sup = percent_text(d.supervised_percent, lang);
    const std::string unsup = percent_text(d.unsupervised_percent, lang);
    s.push_back(
        nl ? "Het aantal vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is " + sup + "."
           : "The share of foreign nationals who left the Netherlands under government supervision is " + sup + ".");
    s.push_back(nl ? "Het kan daarbij gaan om vreemdelingen die zelfstandig zijn vertrokken, of Nederland gedwongen "
                     "hebben verlaten."
                   : "They may have left independently or have been forced to leave the Netherlands.");
    s.push_back(nl ? "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt " + unsup + "."
                   : "The share of foreign nationals who left on their own, without supervision, is " + unsup + ".");
    if (d.status == figure_status::partial) {
      s.push_back(nl ? "Deze cijfers zijn onvolledig" + reason_suffix(d.problem, d.reason, lang) + "."
                     : "These figures are incomplete" + reason_suffix(d.problem, d.reason, lang) + ".");
    }
  }
  s.push_back(nl ? "Deze cijfers zijn afkomstig van de Dienst Terugkeer en Vertrek, de Internationale Organisatie voor "
                   "Migratie, de Koninklijke Marechaussee en de politie."
                 : "These figures come from the Repatriation and Departure Service, the International Organization "
                   "for Migration, the Royal Netherlands Marechaussee and the police.");
  s.push_back(departures_source(d, lang));
  std::string text;
  for (const auto& sentence : s) {
    if (sentence.empty()) continue;
    text += (text.empty() ? "" : " ") + sentence;
  }
  return text;
}

[[nodiscard]] inline std::string departures_criminal_text(const departures_figure& d, language lang) {
  const bool nl = lang == language::nl;
  std::vector<std::string> s;
  s.push_back(nl ? "Het vertrek van criminele vreemdelingen is een onderdeel van bovenstaande vertrekcijfers."
                 : "The departure of criminal foreign nationals is part of the departure figures above.");
  const std::string lead = departures_lead(d, lang);
  const bool available = d.status != figure_status::unavailable;
  if (available) {
    const std::string n = format_count(d.total_rounded, lang);
    s.push_back(nl ? lead + " zijn ongeveer " + n +
                         " criminele vreemdelingen vertrokken tijdens of aansluitend aan hun gevangenisstraf."
                   : lead + ", about " + n +
                         " criminal foreign nationals left during or directly after their prison sentence.");
    const std::string sup = percent_text(d.supervised_percent, lang);
    const std::string unsup = percent_text(d.unsupervised_percent, lang);
    s.push_back(nl ? "Het aandeel criminele vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, "
                     "is " +
                         sup + "."
                   : "The share of criminal foreign nationals who left the Netherlands under government supervision "
                     "is " +
                         sup + ".");
    s.push_back(nl ? "Het kan daarbij gaan om vreemdelingen die zelfstandig zijn vertrokken, of Nederland gedwongen "
                     "hebben verlaten."
                   : "They may have left independently or have been forced to leave the Netherlands.");
    s.push_back(nl ? "Het aandeel vreemdelingen dat op eigen gelegenheid is vertrokken bedraagt " + unsup + "."
                   : "The share who left on their own, without supervision, is " + unsup + ".");
    if (d.status == figure_status::partial) {
      s.push_back(nl ? "Deze cijfers zijn onvolledig" + reason_suffix(d.problem, d.reason, lang) + "."
                     : "These figures are incomplete" + reason_suffix(d.problem, d.reason, lang) + ".");
    }
  } else {
    const std::string when = departures_period_label(d.window, lang);
    s.push_back(nl ? "Het aantal criminele vreemdelingen dat in " + when +
                         " is vertrokken tijdens of aansluitend aan hun gevangenisstraf, is niet beschikbaar" +
                         reason_suffix(d.problem, d.reason, lang) + "."
                   : "The number of criminal foreign nationals who left during or directly after their prison "
                     "sentence in " +
                         when + " is not available" + reason_suffix(d.problem, d.reason, lang) + ".");
  }
  s.push_back(nl ? "Sinds 2012 komen zij niet meer in aanmerking voor voorwaardelijke invrijheidstelling. Wel kunnen "
                   "zij ervoor kiezen om de opgelegde vrijheidsstraf te onderbreken op voorwaarde dat zij Nederland "
                   "verlaten en niet meer terugkomen. Komen zij wel terug, dan moeten zij de resterende straf alsnog "
                   "uitzitten."
                 : "Since 2012 they are no longer eligible for conditional early release. They can, however, choose "
                   "to interrupt their prison sentence on condition that they leave the Netherlands and do not "
                   "return. If they do return, they must still serve the rest of their sentence.");
  s.push_back(departures_source(d, lang));
  std::string text;
  for (const auto& sentence : s) {
    if (sentence.empty()) continue;
    text += (text.empty() ? "" : " ") + sentence;
  }
  return text;
}

[[nodiscard]] inline std::string page_title(const key_figures& f, language lang) {
  return lang == language::nl ? "Kerncijfers asiel en migratie, " + f.period.label(lang)
                              : "Key figures asylum and migration, " + f.period.label(lang);
}

// A source note after a line break ("  \n(Bron: ...)") or after a space, when there is one.
inline void add_source(paragraph& p, const std::string& sources, language lang, bool on_new_line) {
  if (sources.empty()) return;
  const std::string note = (lang == language::nl ? "(Bron: " : "(Source: ") + sources + ")";
  if (on_new_line) {
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

// The whole page, block by block, in the page's order.
[[nodiscard]] inline std::vector<block> page_blocks(const key_figures& f, language lang) {
  const bool nl = lang == language::nl;
  std::vector<block> blocks;
  blocks.push_back(heading(2, nl ? "KERNCIJFERS ASIEL EN MIGRATIE, " + ascii_upper(f.period.label(lang))
                                 : "KEY FIGURES ASYLUM AND MIGRATION, " + ascii_upper(f.period.label(lang))));

  blocks.push_back(heading(3, nl ? "Welke instroomcijfers maakt het ministerie bekend?"
                                 : "Which influx figures does the ministry publish?"));
  {
    paragraph p;
    if (nl) {
      p.append("Het Ministerie van Justitie en Veiligheid publiceert ").emphasis("wekelijks").append(" de ");
      p.link("instroomcijfers", "#");
      p.append(
          ", oftewel het aantal asielaanvragen dat is ingediend. Dit zijn asielzoekers die naar Nederland zijn "
          "gekomen om asiel aan te vragen, al in Nederland zijn en een herhaalde asielaanvraag doen, of hier zijn "
          "gekomen om zich te herenigen met gezinsleden die al een asielvergunning hebben gekregen. Deze groep "
          "noemen we nareizigers. Ook asielzoekers die herplaatst worden in Nederland en vluchtelingen die in "
          "Nederland hervestigd worden maken deel uit van deze cijfers.");
    } else {
      p.append("The Ministry of Justice and Security publishes the ").emphasis("weekly").append(" ");
      p.link("influx figures", "#");
      p.append(
          ": the number of asylum applications submitted. These are asylum seekers who came to the Netherlands "
          "to apply for asylum, who are already in the Netherlands and submit a repeat asylum application, or who "
          "came here to be reunited with family members who have already been granted an asylum permit. We call "
          "this group family members joining refugees (nareizigers). Asylum seekers relocated to the Netherlands "
          "and refugees resettled in the Netherlands are also part of these figures.");
    }
    blocks.push_back(p.take());
  }
  {
    paragraph p;
    if (nl) {
      p.append("De Immigratie en Naturalisatie Dienst (IND) publiceert in de ").emphasis("maandelijkse").append(" ");
      p.link("asieltrends", "#");
      p.append(
          " hoeveel asielaanvragen zij in behandeling heeft genomen. Hierbij gaat het eveneens om het aantal eerste "
          "en herhaalde asielaanvragen en het aantal nareizigers. In de asieltrends wordt ook vermeld waar de "
          "meeste asielzoekers vandaan komen.");
    } else {
      p.append("The Immigration and Naturalisation Service (IND) publishes in its ").emphasis("monthly").append(" ");
      p.link("asylum trends", "#");
      p.append(
          " how many asylum applications it has taken into processing. These too are the numbers of first and "
          "repeat asylum applications and of family members joining refugees. The asylum trends also state where "
          "most asylum seekers come from.");
    }
    blocks.push_back(p.take());
  }

  blocks.push_back(
      heading(3, nl ? "Uit welke landen komen asielzoekers?" : "Which countries do asylum seekers come from?"));
  {
    paragraph p;
    p.sentence(first_month_text(f.first_month, lang));
    const safe_sentence safe = safe_text(f.safe_month, lang);
    p.sentence(safe.before);
    p.link(safe.link_text, "#");
    p.append(safe.after);
    add_source(p, sources_text({&f.first_month.source, &f.safe_month.source}, lang), lang, true);
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.first_month, lang));
  blocks.push_back(figure_block(0));
  blocks.push_back(figure_block(1));
  {
    paragraph p;
    p.sentence(trailing_text(f.first_trailing, lang));
    add_source(p, sources_text({&f.first_trailing.source}, lang), lang, true);
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.first_trailing, lang));

  blocks.push_back(heading(
      2, nl ? "Uit welke landen komen nareizigers?" : "Which countries do family members joining refugees come from?"));
  blocks.push_back(figure_block(2));
  {
    paragraph p;
    p.sentence(nareizigers_month_text(f.family_reunification_month, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.family_reunification_month, lang));
  {
    paragraph p;
    p.sentence(trailing_text(f.family_reunification_trailing, lang));
    add_source(p, sources_text({&f.family_reunification_month.source, &f.family_reunification_trailing.source}, lang),
               lang, false);
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.family_reunification_trailing, lang));

  blocks.push_back(heading(2, nl ? "Hoeveel (afgewezen) vreemdelingen vertrekken weer?"
                                 : "How many (rejected) foreign nationals leave again?"));
  {
    paragraph p;
    p.sentence(departures_all_text(f.departures_all, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.departures_all, lang));

  blocks.push_back(heading(
      2, nl ? "Hoeveel criminele vreemdelingen vertrekken weer?" : "How many criminal foreign nationals leave again?"));
  {
    paragraph p;
    p.sentence(departures_criminal_text(f.departures_criminal, lang));
    blocks.push_back(p.take());
  }
  add_note(blocks, rounding_note(f.departures_criminal, lang));
  return blocks;
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

[[nodiscard]] inline std::string figure_number(std::size_t index) { return "Fig. 1." + std::to_string(index); }

[[nodiscard]] inline std::string row_label(const distribution_figure& f, const distribution_row& r, language lang) {
  const bool nl = lang == language::nl;
  switch (r.kind) {
    case row_kind::nationality: return row_name(r, lang);
    case row_kind::unknown: return std::string(nationality::unknown().name(lang));
    case row_kind::other:
      if (f.unknown_row == unknown_placement::own_row) return nl ? "Overig" : "Other";
      return nl ? "Andere of onbekende nationaliteit" : "Other or unknown nationality";
    case row_kind::unlisted: return nl ? "Niet naar nationaliteit uitgesplitst" : "Not broken down by nationality";
  }
  return "?";
}

// ----- Markdown

[[nodiscard]] inline std::string markdown_spans(const std::vector<span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case span_kind::text: out += markdown_escape(s.text); break;
      case span_kind::emphasis: out += "*" + markdown_escape(s.text) + "*"; break;
      case span_kind::link: out += "[" + markdown_escape(s.text) + "](" + s.href + ")"; break;
      case span_kind::line_break: out += "  \n"; break;
    }
  }
  return out;
}

// ----- HTML

[[nodiscard]] inline std::string html_spans(const std::vector<span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case span_kind::text: out += html_escape(s.text); break;
      case span_kind::emphasis: out += "<em>" + html_escape(s.text) + "</em>"; break;
      case span_kind::link:
        // A placeholder target would be a dead link in a standalone document.
        if (s.href.empty() || s.href == "#") {
          out += html_escape(s.text);
        } else {
          out += "<a href=\"" + html_escape(s.href) + "\">" + html_escape(s.text) + "</a>";
        }
        break;
      case span_kind::line_break: out += "<br>\n"; break;
    }
  }
  return out;
}

[[nodiscard]] inline std::string html_figure_table(const distribution_figure& f, language lang) {
  const bool nl = lang == language::nl;
  if (f.status == figure_status::unavailable) {
    return "<p class=\"unavailable\">" +
           html_escape((nl ? "Niet beschikbaar" : "Not available") + reason_suffix(f.problem, f.reason, lang) + ".") +
           "</p>\n";
  }
  std::string out = "<table>\n<thead><tr><th scope=\"col\">";
  out += nl ? "Nationaliteit" : "Nationality";
  out += "</th><th scope=\"col\" class=\"num\">";
  out += nl ? "Aantal" : "Count";
  out += "</th><th scope=\"col\" class=\"num\">";
  out += nl ? "Aandeel" : "Share";
  out += "</th></tr></thead>\n<tbody>\n";
  for (const auto& r : f.rows) {
    out += "<tr><td>" + html_escape(row_label(f, r, lang)) + "</td><td class=\"num\">" +
           html_escape(format_count(r.count, lang)) + "</td><td class=\"num\">" +
           html_escape(percent_text(r.percent, lang)) + "</td></tr>\n";
  }
  out += "</tbody>\n<tfoot><tr><th scope=\"row\">";
  out += nl ? "Totaal" : "Total";
  out += "</th><td class=\"num\">" + html_escape(format_count(f.total, lang)) + "</td><td class=\"num\">" +
         html_escape(percent_text(f.percent_sum, lang)) + "</td></tr></tfoot>\n</table>\n";
  return out;
}

inline constexpr std::string_view html_style =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;"
    "max-width:46rem;margin:2rem auto;padding:0 1rem}\n"
    "h2,h3{line-height:1.25}\n"
    "figure{margin:1.5rem 0}\n"
    "figcaption{font-size:.9rem;color:#555}\n"
    "table{border-collapse:collapse;font-size:.95rem}\n"
    "th,td{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".note{font-size:.9rem;color:#555}\n";

}  // namespace detail::rendering

inline std::string figure_title(const key_figures& figures, std::size_t index, language lang) {
  const distribution_figure& f = detail::rendering::figure_data(figures, index);
  return std::string(detail::rendering::category_title(f.cat, lang)) +
         (lang == language::nl ? " naar nationaliteit, " : " by nationality, ") + f.window.label(lang);
}

inline std::string render_markdown(const key_figures& figures, language lang) {
  std::string out;
  for (const auto& b : detail::rendering::page_blocks(figures, lang)) {
    if (!out.empty()) out += "\n";
    switch (b.kind) {
      case detail::rendering::block_kind::heading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " + detail::rendering::markdown_spans(b.spans) +
               "\n";
        break;
      case detail::rendering::block_kind::paragraph:
      case detail::rendering::block_kind::note: out += detail::rendering::markdown_spans(b.spans) + "\n"; break;
      case detail::rendering::block_kind::figure: out += detail::rendering::figure_number(b.figure) + "\n"; break;
    }
  }
  return out;
}

inline std::string render_html(const key_figures& figures, language lang, const html_options& options) {
  const std::string title = options.title.empty() ? detail::rendering::page_title(figures, lang) : options.title;
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(lang)) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n";
  out += "<style>\n" + std::string(detail::rendering::html_style) + "</style>\n";
  out += "</head>\n<body>\n<main>\n";
  for (const auto& b : detail::rendering::page_blocks(figures, lang)) {
    switch (b.kind) {
      case detail::rendering::block_kind::heading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + ">" + detail::rendering::html_spans(b.spans) + "</" + tag + ">\n";
        break;
      }
      case detail::rendering::block_kind::paragraph:
        out += "<p>" + detail::rendering::html_spans(b.spans) + "</p>\n";
        break;
      case detail::rendering::block_kind::note:
        out += "<p class=\"note\">" + detail::rendering::html_spans(b.spans) + "</p>\n";
        break;
      case detail::rendering::block_kind::figure: {
        const std::string number = detail::rendering::figure_number(b.figure);
        out += "<figure id=\"fig-1-" + std::to_string(b.figure) + "\">\n";
        const std::string& markup = options.figures[b.figure];
        if (!markup.empty()) {
          out += markup;
          if (markup.back() != '\n') out += "\n";
        } else {
          out += detail::rendering::html_figure_table(detail::rendering::figure_data(figures, b.figure), lang);
        }
        out += "<figcaption>" + html_escape(number + " " + figure_title(figures, b.figure, lang)) + "</figcaption>\n";
        out += "</figure>\n";
        break;
      }
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace kerncijfers
