#define BOOST_TEST_MODULE figure_text
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kerncijfers/figure_text.hpp>

namespace kc = kerncijfers;
using kc::language;

namespace {

kc::distribution_row row(kc::row_kind kind, std::optional<kc::nationality> nat) {
  return kc::distribution_row{kind, nat, 10, kc::share<std::int64_t>(10, 100), kc::rounded_decimal(10, 0)};
}

}  // namespace

// The month names as each language writes them in running text, written out here rather
// than taken from the library.
constexpr std::array<std::string_view, 12> months_nl = {"januari",   "februari", "maart",    "april",
                                                        "mei",       "juni",     "juli",     "augustus",
                                                        "september", "oktober",  "november", "december"};
constexpr std::array<std::string_view, 12> months_en = {"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};

BOOST_AUTO_TEST_CASE(a_year_to_date_names_its_last_month) {
  using range = kc::period_range<kc::month>;
  for (unsigned m = 1; m <= 11; ++m) {
    BOOST_TEST_CONTEXT("month " << m) {
      const range p(kc::month(2023, 1), kc::month(2023, m));
      BOOST_TEST(kc::departures_period_label(p, language::nl) == "2023 (t/m " + std::string(months_nl[m - 1]) + ")");
      BOOST_TEST(kc::departures_period_label(p, language::en) ==
                 "2023 (through " + std::string(months_en[m - 1]) + ")");
    }
  }
  BOOST_TEST(kc::departures_period_label(range(kc::month(2023, 1), kc::month(2023, 12)), language::en) == "2023");
  // Not from January: the range's own label.
  BOOST_TEST(kc::departures_period_label(range(kc::month(2023, 2), kc::month(2023, 12)), language::nl) ==
             "februari 2023 t/m december 2023");
}

BOOST_AUTO_TEST_CASE(sources_are_joined_in_the_language) {
  kc::figure_source s{{"A", "B"}, kc::release::from_date(2021, 6, 15)};
  BOOST_TEST(kc::source_text(s, language::nl) == "A en B, release 2021-06-15");
  BOOST_TEST(kc::source_text(s, language::en) == "A and B, release 2021-06-15");
  s.latest_release = kc::release::from_month(kc::month(2021, 6));
  s.sources = {"A"};
  BOOST_TEST(kc::source_text(s, language::nl) == "A, release 2021-06");
  // A source's own text is not read as a template.
  s.sources = {"{sources}", "{x"};
  BOOST_TEST(kc::source_text(s, language::en) == "{sources} and {x, release 2021-06");
}

BOOST_AUTO_TEST_CASE(a_retrieval_day_follows_the_release) {
  kc::figure_source s{{"CBS StatLine 83102NED"}, kc::release::from_date(2026, 11, 27), "2026-12-07"};
  BOOST_TEST(kc::source_text(s, language::nl) == "CBS StatLine 83102NED, release 2026-11-27, opgehaald op 2026-12-07");
  BOOST_TEST(kc::source_text(s, language::en) == "CBS StatLine 83102NED, release 2026-11-27, retrieved on 2026-12-07");
  s.latest_release = kc::release();
  BOOST_TEST(kc::source_text(s, language::nl) == "CBS StatLine 83102NED, ongedateerd, opgehaald op 2026-12-07");
  s.sources.clear();
  BOOST_TEST(kc::source_text(s, language::en).empty());
}

BOOST_AUTO_TEST_CASE(problem_text_is_a_constant) {
  static_assert(kc::problem_text(kc::figure_problem::zero_total, language::en) == "the total is 0");
  static_assert(kc::problem_text(kc::figure_problem::none, language::nl).empty());
  BOOST_TEST(kc::problem_text(kc::figure_problem::overflow, language::nl) ==
             "de aantallen zijn te groot om op te tellen");
}

BOOST_AUTO_TEST_CASE(row_labels_name_the_row_in_the_language) {
  kc::distribution_figure f;
  f.unknown_row = kc::unknown_placement::own_row;
  const auto syria = row(kc::row_kind::nationality, kc::nationality::from_alpha3("SYR"));
  BOOST_TEST(kc::detail::rendering::row_label(f, syria, language::nl) == "Syrië");
  BOOST_TEST(kc::detail::rendering::row_label(f, syria, language::en) == "Syria");
  const auto unknown = row(kc::row_kind::unknown, kc::nationality::unknown());
  BOOST_TEST(kc::detail::rendering::row_label(f, unknown, language::nl) == "Onbekend");
  BOOST_TEST(kc::detail::rendering::row_label(f, unknown, language::en) == "Unknown");
  const auto other = row(kc::row_kind::other, std::nullopt);
  BOOST_TEST(kc::detail::rendering::row_label(f, other, language::nl) == "Overig");
  BOOST_TEST(kc::detail::rendering::row_label(f, other, language::en) == "Other");
  f.unknown_row = kc::unknown_placement::in_other;
  BOOST_TEST(kc::detail::rendering::row_label(f, other, language::nl) == "Andere of onbekende nationaliteit");
  BOOST_TEST(kc::detail::rendering::row_label(f, other, language::en) == "Other or unknown nationality");
  const auto unlisted = row(kc::row_kind::unlisted, std::nullopt);
  BOOST_TEST(kc::detail::rendering::row_label(f, unlisted, language::nl) == "Niet naar nationaliteit uitgesplitst");
  BOOST_TEST(kc::detail::rendering::row_label(f, unlisted, language::en) == "Not broken down by nationality");
}

BOOST_AUTO_TEST_CASE(lists_join_their_last_two_items_as_the_phrase_says) {
  using kc::detail::rendering::join_list;
  const std::vector<std::string> three = {"A", "B", "C"};
  BOOST_TEST(join_list(three, language::nl) == "A, B en C");
  BOOST_TEST(join_list(three, language::en) == "A, B and C");
  BOOST_TEST(join_list(three, language::nl, kc::phrase_id::share_list_last) == "A, B, C");
  BOOST_TEST(join_list(three, language::en, kc::phrase_id::share_list_last) == "A, B and C");
  BOOST_TEST(join_list({"A"}, language::nl) == "A");
  BOOST_TEST(join_list({}, language::nl).empty());
}
