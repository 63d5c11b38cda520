#define BOOST_TEST_MODULE phrasebook
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <kerncijfers/phrasebook.hpp>
#include <kerncijfers/phrases.hpp>
#include <kerncijfers/phrases/en.hpp>
#include <kerncijfers/phrases/nl.hpp>

namespace kerncijfers {

// How Boost.Test shows the values it compares.
std::ostream& boost_test_print_type(std::ostream& out, language lang) { return out << to_string(lang); }

std::ostream& boost_test_print_type(std::ostream& out, phrase_id id) { return out << to_string(id); }

std::ostream& boost_test_print_type(std::ostream& out, phrase_fault fault) { return out << to_string(fault); }

std::ostream& boost_test_print_type(std::ostream& out, const phrase_problem& p) {
  return out << "{" << to_string(p.id) << ", " << to_string(p.fault) << ", \"" << p.placeholder << "\"}";
}

std::ostream& boost_test_print_type(std::ostream& out, const template_part& p) {
  return out << (p.placeholder ? "{" : "\"") << p.text << (p.placeholder ? "}" : "\"");
}

}  // namespace kerncijfers

namespace kc = kerncijfers;
using kc::phrase_fault;
using kc::phrase_id;
using kerncijfers_test::message_of;

namespace {

constexpr std::array<kc::language, 2> languages = {kc::language::nl, kc::language::en};

// Builds a table from a complete one at compile time with three mistakes: `safe_share`
// left out, `share_first` without its {percent} and with an undeclared {percentage}, and
// `reason` given twice.
template <std::size_t N>
constexpr std::array<kc::phrase_entry, N> with_mistakes(const kc::phrase_entry (&complete)[N]) {
  std::array<kc::phrase_entry, N> out{};
  std::size_t n = 0;
  for (const kc::phrase_entry& e : complete) {
    if (e.id == phrase_id::safe_share) continue;
    out[n++] = e.id == phrase_id::share_first ? kc::phrase_entry{e.id, "{lead}: {percentage} of {subject}, {name}"} : e;
  }
  out[n] = kc::phrase_entry{phrase_id::reason, "({reason})"};
  return out;
}

constexpr auto broken_en = with_mistakes(kc::phrases::en);

std::vector<std::string> descriptions(const std::vector<kc::phrase_problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(kc::describe(p));
  return out;
}

std::vector<kc::template_part> parts_of(std::string_view text, std::size_t expected_stop = std::string_view::npos) {
  std::vector<kc::template_part> parts;
  const std::size_t stop = kc::parse_template(text, [&](const kc::template_part& p) { parts.push_back(p); });
  BOOST_TEST(stop == expected_stop, "stop for " << text);
  return parts;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Compile time: the tables are complete, and the same check catches an incomplete one.

static_assert(kc::phrase_table_is_complete<kc::phrases::nl>());
static_assert(kc::phrase_table_is_complete<kc::phrases::en>());
static_assert(kc::count_phrase_problems(kc::phrases::nl) == 0);
static_assert(kc::count_phrase_problems(kc::phrases::en) == 0);
static_assert(!kc::first_phrase_problem(kc::phrases::en));
static_assert(kc::count_phrase_problems(broken_en) == 4);
static_assert(kc::first_phrase_problem(broken_en) ==
              kc::phrase_problem{phrase_id::reason, phrase_fault::duplicate, {}});
static_assert(std::size(kc::phrases::nl) == kc::phrase_count);
static_assert(std::size(kc::phrases::en) == kc::phrase_count);
static_assert(kc::phrase_table_of(kc::language::nl).lang == kc::language::nl);
static_assert(kc::phrase_table_of(kc::language::en).lang == kc::language::en);
static_assert(kc::phrase_text(phrase_id::problem_zero_total, kc::language::nl) == "het totaal is 0");
static_assert(kc::to_string(phrase_id::share_first) == "share_first");

// ---------------------------------------------------------------------------------------
// The tables

BOOST_AUTO_TEST_CASE(every_language_has_every_phrase_with_its_placeholders) {
  for (const kc::language lang : languages) {
    BOOST_TEST_CONTEXT(kc::to_string(lang)) {
      const kc::phrase_table table = kc::phrase_table_of(lang);
      BOOST_TEST(table.lang == lang);
      BOOST_TEST(table.entries.size() == kc::phrase_count);
      const auto problems = descriptions(kc::phrase_problems(table.entries));
      BOOST_TEST(problems.empty(), "problems: " << (problems.empty() ? "" : problems.front()));
      for (const auto& d : kc::phrase_declarations) {
        BOOST_TEST_CONTEXT(d.name) { BOOST_TEST(!kc::phrase_text(d.id, lang).empty()); }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(declarations_name_each_phrase_once_with_well_formed_placeholders) {
  std::vector<std::string_view> names;
  for (std::size_t i = 0; i < kc::phrase_count; ++i) {
    const auto& d = kc::phrase_declarations[i];
    BOOST_TEST(static_cast<std::size_t>(d.id) == i);
    BOOST_TEST(kc::to_string(d.id) == d.name);
    names.push_back(d.name);
    // Names separated by single spaces, each of placeholder characters, optionally ending in '?'.
    BOOST_TEST_CONTEXT(d.name) {
      std::string_view rest = d.placeholders;
      while (!rest.empty()) {
        const std::size_t space = rest.find(' ');
        std::string_view word = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
        BOOST_TEST(!word.empty());
        if (!word.empty() && word.back() == '?') word.remove_suffix(1);
        BOOST_TEST(!word.empty());
        BOOST_TEST(std::all_of(word.begin(), word.end(), kc::is_placeholder_char), word);
      }
    }
  }
  std::sort(names.begin(), names.end());
  BOOST_TEST(static_cast<std::size_t>(std::unique(names.begin(), names.end()) - names.begin()) == kc::phrase_count);
}

BOOST_AUTO_TEST_CASE(the_languages_say_different_things_where_they_should) {
  BOOST_TEST(kc::phrase_text(phrase_id::number_12, kc::language::nl) == "twaalf");
  BOOST_TEST(kc::phrase_text(phrase_id::number_12, kc::language::en) == "twelve");
  BOOST_TEST(kc::phrase_text(phrase_id::month_10, kc::language::nl) == "oktober");
  BOOST_TEST(kc::phrase_text(phrase_id::month_10, kc::language::en) == "October");
  BOOST_TEST(kc::phrase_text(phrase_id::list_last, kc::language::nl) == "{list} en {item}");
  BOOST_TEST(kc::phrase_text(phrase_id::list_last, kc::language::en) == "{list} and {item}");
  // Dutch lists every share of the first month with commas, English joins the last two.
  BOOST_TEST(kc::phrase_text(phrase_id::share_list_last, kc::language::nl) == "{list}, {item}");
  BOOST_TEST(kc::phrase_text(phrase_id::share_list_last, kc::language::en) == "{list} and {item}");
}

// ---------------------------------------------------------------------------------------
// The checker

BOOST_AUTO_TEST_CASE(checker_names_exactly_the_missing_phrase_and_placeholders) {
  const auto problems = kc::phrase_problems(broken_en);
  const std::vector<kc::phrase_problem> expected = {
      {phrase_id::reason, phrase_fault::duplicate, {}},
      {phrase_id::share_first, phrase_fault::lacks_placeholder, "percent"},
      {phrase_id::share_first, phrase_fault::extra_placeholder, "percentage"},
      {phrase_id::safe_share, phrase_fault::missing, {}},
  };
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
  const std::vector<std::string> words = {
      "phrase reason: given more than once",
      "phrase share_first: the template lacks {percent}",
      "phrase share_first: the template has {percentage}, which the phrase does not declare",
      "phrase safe_share: missing",
  };
  BOOST_TEST(descriptions(problems) == words, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(checker_reports_a_table_built_at_run_time) {
  // A deliberately incomplete Dutch table: row_unlisted left out, the bounds without
  // {upper}, a malformed list template, and a title with two undeclared placeholders, one
  // of them twice.
  std::vector<kc::phrase_entry> table(std::begin(kc::phrases::nl), std::end(kc::phrases::nl));
  table.erase(std::remove_if(table.begin(), table.end(), [](const auto& e) { return e.id == phrase_id::row_unlisted; }),
              table.end());
  for (auto& e : table) {
    if (e.id == phrase_id::safe_share_bounds) e.text = "Het ligt boven {lower}.";
    if (e.id == phrase_id::list_next) e.text = "{list}, {item";
    if (e.id == phrase_id::page_title) e.text = "{site}: {month} ({site}, {year})";
  }
  const std::vector<kc::phrase_problem> expected = {
      {phrase_id::list_next, phrase_fault::malformed, {}},
      {phrase_id::page_title, phrase_fault::extra_placeholder, "site"},
      {phrase_id::page_title, phrase_fault::extra_placeholder, "year"},
      {phrase_id::safe_share_bounds, phrase_fault::lacks_placeholder, "upper"},
      {phrase_id::row_unlisted, phrase_fault::missing, {}},
  };
  const auto problems = kc::phrase_problems(table);
  BOOST_TEST(problems == expected, boost::test_tools::per_element());
  BOOST_TEST(kc::count_phrase_problems(table) == expected.size());
  BOOST_TEST(kc::describe(problems.front()) == "phrase list_next: the template has a brace that is not a placeholder");
}

BOOST_AUTO_TEST_CASE(an_optional_placeholder_may_be_left_unsaid_but_a_required_one_may_not) {
  std::vector<kc::phrase_entry> table(std::begin(kc::phrases::nl), std::end(kc::phrases::nl));
  for (auto& e : table) {
    // "percent subject?": leaving out the subject is allowed, leaving out the percent is not.
    if (e.id == phrase_id::nareizigers_other) e.text = "De overige {percent} had een andere nationaliteit.";
    if (e.id == phrase_id::nareizigers_other_or_unknown) e.text = "De rest van de {subject} is onbekend.";
  }
  const std::vector<kc::phrase_problem> expected = {
      {phrase_id::nareizigers_other_or_unknown, phrase_fault::lacks_placeholder, "percent"},
  };
  BOOST_TEST(kc::phrase_problems(table) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_empty_table_lacks_every_phrase) {
  const auto problems = kc::phrase_problems({});
  BOOST_TEST(problems.size() == kc::phrase_count);
  BOOST_TEST(
      std::all_of(problems.begin(), problems.end(), [](const auto& p) { return p.fault == phrase_fault::missing; }));
  BOOST_TEST(problems.front().id == phrase_id::number_0);
  BOOST_TEST(problems.back().id == phrase_id::problem_unsplittable_weeks);
}

// Adding a language is adding a table: a table written from the declarations alone (here
// a pseudo-language that writes each phrase as its name and placeholders) passes the same
// check as Dutch and English, and every phrase of it fills.
BOOST_AUTO_TEST_CASE(a_table_written_from_the_declarations_alone_is_complete) {
  std::vector<std::string> texts;
  texts.reserve(kc::phrase_count);
  for (const auto& d : kc::phrase_declarations) {
    std::string text = "[" + std::string(d.name);
    std::string_view rest = d.placeholders;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      std::string_view word = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
      if (word.back() == '?') continue;  // optional: this language leaves it unsaid
      text += " {" + std::string(word) + "}";
    }
    texts.push_back(text + "]");
  }
  std::vector<kc::phrase_entry> table;
  // In reverse order: a table need not follow the order of the declarations.
  for (std::size_t i = kc::phrase_count; i-- > 0;) table.push_back({kc::phrase_declarations[i].id, texts[i]});
  BOOST_TEST(kc::phrase_problems(table).empty());
  const kc::phrase_table pseudo{kc::language::en, table};
  BOOST_TEST(*pseudo.find(phrase_id::safe_share_bounds) == "[safe_share_bounds {lower} {upper}]");
  BOOST_TEST(kc::fill(*pseudo.find(phrase_id::safe_share_bounds), {{"lower", "1%"}, {"upper", "2%"}}) ==
             "[safe_share_bounds 1% 2%]");
  BOOST_TEST(*pseudo.find(phrase_id::nareizigers_other) == "[nareizigers_other {percent}]");
}

// ---------------------------------------------------------------------------------------
// Templates

BOOST_AUTO_TEST_CASE(templates_split_into_text_and_placeholders) {
  using part = kc::template_part;
  BOOST_TEST((parts_of("a {b} c{d}") == std::vector<part>{{false, "a "}, {true, "b"}, {false, " c"}, {true, "d"}}));
  BOOST_TEST((parts_of("{x_1}{y}") == std::vector<part>{{true, "x_1"}, {true, "y"}}));
  BOOST_TEST((parts_of("") == std::vector<part>{}));
  BOOST_TEST((parts_of("plain") == std::vector<part>{{false, "plain"}}));
  // A malformed brace stops the parse at its offset, after the parts before it.
  BOOST_TEST((parts_of("ab {", 3) == std::vector<part>{}));
  BOOST_TEST((parts_of("a {b} }", 6) == std::vector<part>{{false, "a "}, {true, "b"}}));
  BOOST_TEST(parts_of("{}", 0).empty());
  BOOST_TEST(parts_of("{A}", 0).empty());
  BOOST_TEST(parts_of("{a b}", 0).empty());
  BOOST_TEST(parts_of("{a{b}}", 0).empty());
}

BOOST_AUTO_TEST_CASE(fill_puts_each_value_in_its_place) {
  BOOST_TEST(kc::fill("{b} en {a}, {b}", {{"a", "A"}, {"b", "B"}}) == "B en A, B");
  BOOST_TEST(kc::fill("geen plaatshouders", {{"a", "A"}}) == "geen plaatshouders");
  // Values are inserted as they are, never read as templates.
  BOOST_TEST(kc::fill("({reason})", {{"reason", "{a} }{"}}) == "({a} }{)");
  BOOST_TEST(kc::fill("{x}", {{"x", ""}}) == "");
}

BOOST_AUTO_TEST_CASE(fill_rejects_a_missing_value_and_a_malformed_template) {
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::fill("In {when}", {{"window", "mei"}});
             }) == "template \"In {when}\" has {when} but no value of that name");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::fill("In {when", {{"when", "mei"}});
             }) == "template \"In {when\" has a malformed brace at offset 3");
}

BOOST_AUTO_TEST_CASE(say_fills_a_phrase_in_a_language) {
  BOOST_TEST(kc::say(phrase_id::source_note, kc::language::nl, {{"sources", "CBS"}}) == "(Bron: CBS)");
  BOOST_TEST(kc::say(phrase_id::source_note, kc::language::en, {{"sources", "CBS"}}) == "(Source: CBS)");
  BOOST_TEST(
      kc::say(phrase_id::trailing, kc::language::nl, {{"months", "twaalf"}, {"window", "juni 2020 t/m mei 2021"}}) ==
      "de afgelopen twaalf maanden (juni 2020 t/m mei 2021)");
  BOOST_TEST(kc::say(phrase_id::share_unknown, kc::language::nl, {{"percent", "4%"}, {"unknown", "Onbekend"}}) ==
             "4% was Onbekend");
  BOOST_TEST(kc::say(phrase_id::share_unknown, kc::language::en, {{"percent", "4%"}, {"unknown", "Unknown"}}) ==
             "4% had an unknown nationality");
  BOOST_TEST(kc::say(phrase_id::heading_influx, kc::language::en) == "Which influx figures does the ministry publish?");
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::say(phrase_id::source_note, kc::language::en, {}); }) ==
             "template \"(Source: {sources})\" has {sources} but no value of that name");
}

BOOST_AUTO_TEST_CASE(phrase_faults_have_names) {
  BOOST_TEST(kc::to_string(phrase_fault::missing) == "missing");
  BOOST_TEST(kc::to_string(phrase_fault::duplicate) == "duplicate");
  BOOST_TEST(kc::to_string(phrase_fault::malformed) == "malformed");
  BOOST_TEST(kc::to_string(phrase_fault::lacks_placeholder) == "lacks-placeholder");
  BOOST_TEST(kc::to_string(phrase_fault::extra_placeholder) == "extra-placeholder");
}
