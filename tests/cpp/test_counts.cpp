#define BOOST_TEST_MODULE counts
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/counts.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

namespace kc = kerncijfers;
using kc::category;

namespace {

const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;

std::string test_file(const std::string& name) { return test_data_dir + "/" + name; }

kc::counts_table load(const std::string& name) { return kc::read_counts_csv(std::filesystem::path(test_file(name))); }

kc::nationality nat(std::string_view code) { return kc::nationality::from_alpha3(code); }

kc::period_range<kc::month> months(int y1, unsigned m1, int y2, unsigned m2) {
  return kc::period_range<kc::month>(kc::month(y1, m1), kc::month(y2, m2));
}

// The trailing twelve months ending May 2021: June 2020 through May 2021.
kc::period_range<kc::month> june_2020_to_may_2021() { return kc::trailing(kc::month(2021, 5), 12); }

kc::count_row row(kc::count_period p, std::int64_t count, std::optional<kc::nationality> n = std::nullopt,
                  kc::release rel = {}, category cat = category::first_application, std::size_t line = 0) {
  kc::count_row r;
  r.period = p;
  r.category = cat;
  r.nationality = n;
  r.count = count;
  r.source = "test";
  r.release = rel;
  r.line = line;
  return r;
}

std::vector<std::string> isos(const std::vector<kc::count_period>& periods) {
  std::vector<std::string> out;
  for (const auto& p : periods) out.push_back(kc::iso(p));
  return out;
}

std::vector<std::string> codes(const std::vector<kc::nationality>& list) {
  std::vector<std::string> out;
  for (const auto n : list) out.emplace_back(n.alpha3());
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using kerncijfers_test::message_of;

// The design's example: June 2020 from a month row, then three quarters, then two months.
std::vector<kc::count_row> design_example_rows() {
  return {row(kc::month(2020, 6), 655),    row(kc::quarter(2020, 3), 4100), row(kc::quarter(2020, 4), 3895),
          row(kc::quarter(2021, 1), 2735), row(kc::month(2021, 4), 915),    row(kc::month(2021, 5), 955)};
}

}  // namespace

// --- Reading a valid file

BOOST_AUTO_TEST_CASE(valid_file_reads_every_row) {
  const auto table = load("counts_valid.csv");
  // 46 data rows: 3 superseded by later releases (2020-Q2 1265, 2021-02 790, repeat 125),
  // 1 identical repeat (2021-05 SYR 310).
  BOOST_TEST(table.size() == 42u);
  BOOST_TEST(table.superseded().size() == 4u);
  BOOST_TEST(table.origin() == test_file("counts_valid.csv"));
  // Rows in use are sorted by category, nationality (TOTAL first), first month, coarser first.
  const auto rows = table.rows();
  BOOST_TEST(kc::iso(rows[0].period) == "2020-Q2");
  BOOST_TEST(!rows[0].nationality.has_value());
  BOOST_TEST(rows[0].count == 1255);
  BOOST_TEST(rows[0].line == 4u);
  BOOST_TEST(rows[0].source == "CBS release July 2021");
  BOOST_TEST(rows[0].release.iso() == "2021-07");
  // The year 2021 sorts before 2021-Q1 (same first month, coarser first).
  std::vector<std::string> total_first;
  for (const auto& r : rows) {
    if (r.category == category::first_application && !r.nationality) total_first.push_back(kc::iso(r.period));
  }
  BOOST_TEST(total_first == (std::vector<std::string>{"2020-Q2", "2020-06", "2020-Q3", "2020-Q4", "2021", "2021-Q1",
                                                      "2021-02", "2021-04", "2021-05"}),
             boost::test_tools::per_element());
  // Quoted source with a comma; Dutch aliases; names for nationalities.
  const auto may = table.total(category::first_application, months(2021, 5, 2021, 5));
  BOOST_TEST(may.value == 955);
  BOOST_TEST(may.sources == (std::vector<std::string>{"CBS StatLine 83102NED, monthly"}),
             boost::test_tools::per_element());
  BOOST_TEST(!may.latest_release.is_dated());
  BOOST_TEST(table.total(category::family_reunification, months(2020, 1, 2020, 6)).value == 1065 + 260);
  BOOST_TEST(table.count(category::first_application, nat("DZA"), months(2021, 1, 2021, 3)).value == 260);  // "Algeria"
  BOOST_TEST(table.count(category::family_reunification, nat("ERI"), months(2021, 5, 2021, 5)).value == 95);
}

// --- Vintages

BOOST_AUTO_TEST_CASE(later_release_overrides_earlier) {
  const auto table = load("counts_valid.csv");
  // 2020-Q2: 1265 in the July 2020 release (line 3), 1255 in the July 2021 release (line 4).
  const auto q2 = table.total(category::first_application, months(2020, 4, 2020, 6));
  BOOST_TEST(q2.value == 1255);
  BOOST_TEST(q2.latest_release.iso() == "2021-07");
  // 2021-02: 790 (release 2021-04, line 10) then 780 (release 2022-01, line 11).
  const auto feb = table.total(category::first_application, months(2021, 2, 2021, 2));
  BOOST_TEST(feb.value == 780);
  BOOST_TEST(feb.sources == (std::vector<std::string>{"CBS release January 2022"}), boost::test_tools::per_element());
  std::vector<std::size_t> superseded_lines;
  for (const auto& r : table.superseded()) superseded_lines.push_back(r.line);
  BOOST_TEST(superseded_lines == (std::vector<std::size_t>{3, 10, 45, 47}), boost::test_tools::per_element());

  // The order of the input does not matter: the later release wins either way.
  const auto early = row(kc::month(2021, 2), 790, std::nullopt, kc::release::parse("2021-04"));
  const auto late = row(kc::month(2021, 2), 780, std::nullopt, kc::release::parse("2022-01"));
  for (const auto& input : {std::vector<kc::count_row>{early, late}, std::vector<kc::count_row>{late, early}}) {
    const auto t = kc::counts_table::from_rows(input);
    BOOST_TEST(t.size() == 1u);
    BOOST_TEST(t.rows()[0].count == 780);
    BOOST_TEST(t.superseded().size() == 1u);
    BOOST_TEST(t.superseded()[0].count == 790);
  }
}

BOOST_AUTO_TEST_CASE(release_precision_decides_at_the_same_first_day) {
  // Lines 46-47: 2021-W24 (week from Monday 14 June) beats 2021-06-14 (the day itself).
  const auto table = load("counts_valid.csv");
  const auto repeat = table.total(category::repeat_application, months(2021, 5, 2021, 5));
  BOOST_TEST(repeat.value == 120);
  BOOST_TEST(repeat.latest_release.iso() == "2021-W24");

  // Month vs day: "2021-06" beats "2021-06-01" but loses to "2021-06-15".
  const auto m = row(kc::month(2021, 5), 1, std::nullopt, kc::release::parse("2021-06"));
  const auto d1 = row(kc::month(2021, 5), 2, std::nullopt, kc::release::parse("2021-06-01"));
  const auto d15 = row(kc::month(2021, 5), 3, std::nullopt, kc::release::parse("2021-06-15"));
  BOOST_TEST(kc::counts_table::from_rows({d1, m}).rows()[0].count == 1);
  BOOST_TEST(kc::counts_table::from_rows({m, d15}).rows()[0].count == 3);
  BOOST_TEST(kc::counts_table::from_rows({d15, d1, m}).rows()[0].count == 3);
}

BOOST_AUTO_TEST_CASE(undated_release_is_oldest) {
  const auto undated = row(kc::month(2021, 5), 999, std::nullopt, kc::release());
  const auto ancient = row(kc::month(2021, 5), 1, std::nullopt, kc::release::from_date(1, 1, 1));
  BOOST_TEST(kc::counts_table::from_rows({undated, ancient}).rows()[0].count == 1);
  BOOST_TEST(kc::counts_table::from_rows({ancient, undated}).rows()[0].count == 1);
  // Two undated rows are the same release: different counts conflict.
  const auto other = row(kc::month(2021, 5), 998, std::nullopt, kc::release());
  const std::string message = message_of<kc::invalid_input>([&] {
    (void)kc::counts_table::from_rows({undated, other});
  });
  BOOST_TEST(message ==
             "conflicting counts for 2021-05 TOTAL first_application in the undated release: 999 (rows[0]) and "
             "998 (rows[1])");
}

BOOST_AUTO_TEST_CASE(identical_duplicate_is_accepted_once) {
  const auto a =
      row(kc::month(2021, 5), 310, nat("SYR"), kc::release::parse("2021-06"), category::first_application, 4);
  const auto b =
      row(kc::month(2021, 5), 310, nat("SYR"), kc::release::parse("2021-06"), category::first_application, 9);
  const auto table = kc::counts_table::from_rows({a, b});
  BOOST_TEST(table.size() == 1u);
  BOOST_TEST(table.rows()[0].line == 4u);  // the first in input order is kept
  BOOST_TEST(table.superseded().size() == 1u);
  BOOST_TEST(table.superseded()[0].line == 9u);
  BOOST_TEST(table.count(category::first_application, nat("SYR"), months(2021, 5, 2021, 5)).value == 310);
}

BOOST_AUTO_TEST_CASE(conflicting_duplicate_names_both_rows_and_values) {
  const std::string path = test_file("counts_conflicting_duplicate.csv");
  const std::string message =
      message_of<kc::invalid_input>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); });
  BOOST_TEST(message == path +
                            ": conflicting counts for 2021-05 SYR first_application in release 2021-06: 310 (line 2) "
                            "and 315 (line 4)");
  // A conflict in an older release is an error too, even though a later release exists.
  const auto a = row(kc::month(2021, 5), 1, std::nullopt, kc::release::parse("2021-06"));
  const auto b = row(kc::month(2021, 5), 2, std::nullopt, kc::release::parse("2021-06"));
  const auto c = row(kc::month(2021, 5), 3, std::nullopt, kc::release::parse("2022-01"));
  BOOST_CHECK_THROW((void)kc::counts_table::from_rows({a, c, b}), kc::invalid_input);
  // Same period in different granularities is not a duplicate (2021 vs 2021-Q1).
  BOOST_TEST(kc::counts_table::from_rows({row(kc::year(2021), 5), row(kc::quarter(2021, 1), 2)}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(from_rows_rejects_negative_counts_and_empty_sources) {
  auto bad = row(kc::month(2021, 5), -5, nat("SYR"));
  std::string message = message_of<kc::count_error>([&] {
    (void)kc::counts_table::from_rows({row(kc::month(2021, 4), 1), bad});
  });
  BOOST_TEST(message == "rows[1]: negative count -5 for 2021-05 SYR first_application");
  bad.line = 7;
  message = message_of<kc::count_error>([&] { (void)kc::counts_table::from_rows({bad}, "mine.csv"); });
  BOOST_TEST(message == "mine.csv, line 7: negative count -5 for 2021-05 SYR first_application");

  auto unsourced = row(kc::quarter(2021, 2), 5);
  unsourced.source = "  ";
  message = message_of<kc::invalid_input>([&] { (void)kc::counts_table::from_rows({unsourced}); });
  BOOST_TEST(message == "rows[0]: empty source for 2021-Q2 TOTAL first_application");
  unsourced.source.clear();
  BOOST_CHECK_THROW((void)kc::counts_table::from_rows({unsourced}), kc::invalid_input);

  auto unrounded = row(kc::year(2021), 5);
  unrounded.source_multiple = 0;
  message = message_of<kc::invalid_input>([&] {
    (void)kc::counts_table::from_rows({row(kc::year(2020), 5), unrounded});
  });
  BOOST_TEST(message ==
             "rows[1]: source multiple 0 for 2021 TOTAL first_application (the multiple the source rounded the count "
             "to must be at least 1)");
}

BOOST_AUTO_TEST_CASE(rows_carry_flags_and_the_source_multiple) {
  kc::count_row r = row(kc::year(2021), 8385, nat("SYR"));
  BOOST_TEST(r.flags.empty());
  BOOST_TEST(r.source_multiple == 1);
  r.flags = kc::observation_flags::parse("p");
  r.source_multiple = 5;
  const auto table = kc::counts_table::from_rows({r});
  BOOST_TEST((table.rows()[0] == r));
  BOOST_TEST(table.rows()[0].flags.provisional());
  std::ostringstream out;
  out << r;
  BOOST_TEST(out.str() == "2021 first_application SYR 8385 p (test, release undated, rounded to 5)");
  kc::count_row other = r;
  other.flags = {};
  BOOST_TEST(!(other == r));
}

// --- Tiling

BOOST_AUTO_TEST_CASE(design_example_tiles_june_2020_to_may_2021) {
  const auto table = load("counts_valid.csv");
  const auto total = table.total(category::first_application, june_2020_to_may_2021());
  BOOST_TEST(total.value == 655 + 4100 + 3895 + 2735 + 915 + 955);
  BOOST_TEST(total.value == 13255);
  BOOST_TEST(
      isos(total.tiles) == (std::vector<std::string>{"2020-06", "2020-Q3", "2020-Q4", "2021-Q1", "2021-04", "2021-05"}),
      boost::test_tools::per_element());
  BOOST_TEST((total.window == june_2020_to_may_2021()));
  BOOST_TEST(total.sources == (std::vector<std::string>{"CBS StatLine 83102NED, monthly", "CBS release July 2020",
                                                        "CBS release July 2021"}),
             boost::test_tools::per_element());
  BOOST_TEST(total.latest_release.iso() == "2021-07");
  // 2021-02 lies inside the chosen 2021-Q1 but does not cover it: redundant, no note.
  BOOST_TEST(total.notes.empty());

  // The same from rows in memory.
  const auto same =
      kc::counts_table::from_rows(design_example_rows()).total(category::first_application, june_2020_to_may_2021());
  BOOST_TEST(same.value == 13255);
  BOOST_TEST(isos(same.tiles) == isos(total.tiles), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gap_message_names_every_missing_month) {
  auto rows = design_example_rows();
  rows.erase(rows.begin() + 1);  // drop 2020-Q3
  rows.push_back(row(kc::month(2020, 9), 1500));
  const auto table = kc::counts_table::from_rows(rows);
  const std::string message =
      message_of<kc::range_error>([&] { (void)table.total(category::first_application, june_2020_to_may_2021()); });
  BOOST_TEST(message == "no TOTAL first_application count for 2020-07, 2020-08 (window 2020-06/2021-05)");

  // A nationality without any row: every month is missing.
  const std::string none = message_of<kc::range_error>(
      [&] { (void)table.count(category::first_application, nat("SYR"), months(2021, 4, 2021, 5)); });
  BOOST_TEST(none == "no SYR first_application count for 2021-04, 2021-05 (window 2021-04/2021-05)");

  // From the file: no TOTAL for the first quarter of 2020.
  const std::string from_file = message_of<kc::range_error>(
      [&] { (void)load("counts_valid.csv").total(category::first_application, months(2020, 1, 2020, 12)); });
  BOOST_TEST(from_file == "no TOTAL first_application count for 2020-01, 2020-02, 2020-03 (window 2020-01/2020-12)");
}

BOOST_AUTO_TEST_CASE(straddling_quarter_is_an_error) {
  // Only 2020-Q2 covers June 2020, and the window starts in June: it cannot be split.
  auto rows = design_example_rows();
  rows[0] = row(kc::quarter(2020, 2), 1255, std::nullopt, {}, category::first_application, 5);
  const auto table = kc::counts_table::from_rows(rows, "q2.csv");
  const std::string message =
      message_of<kc::range_error>([&] { (void)table.total(category::first_application, june_2020_to_may_2021()); });
  BOOST_TEST(message ==
             "the TOTAL first_application count for 2020-Q2 (q2.csv, line 5) would have to be split to fit "
             "the window 2020-06/2021-05: it also covers 2020-04, 2020-05, outside the window");
  // The quarter is fine for a window that holds it whole.
  BOOST_TEST(table.total(category::first_application, months(2020, 4, 2021, 5)).value == 1255 + 13255 - 655);

  // Sticking out at the end: a year for a window that stops in its middle.
  const auto year_only = kc::counts_table::from_rows({row(kc::year(2021), 24740)});
  const std::string end = message_of<kc::range_error>(
      [&] { (void)year_only.total(category::first_application, months(2021, 1, 2021, 10)); });
  BOOST_TEST(end ==
             "the TOTAL first_application count for 2021 (rows[0]) would have to be split to fit the window "
             "2021-01/2021-10: it also covers 2021-11, 2021-12, outside the window");
}

BOOST_AUTO_TEST_CASE(row_that_would_count_months_twice_is_an_error) {
  // July is a month row; the window ends in August, so Q3 cannot be the tile at July, and
  // at August only Q3 covers it: using it would count July twice and reach into September.
  const auto table = kc::counts_table::from_rows(
      {row(kc::month(2020, 6), 1), row(kc::month(2020, 7), 2), row(kc::quarter(2020, 3), 10)});
  const std::string message =
      message_of<kc::range_error>([&] { (void)table.total(category::first_application, months(2020, 6, 2020, 8)); });
  BOOST_TEST(message ==
             "the TOTAL first_application count for 2020-Q3 (rows[2]) would have to be split to fit the "
             "window 2020-06/2020-08: it also covers 2020-09, outside the window, and it would count 2020-07 "
             "twice (already counted from other rows)");
  const auto lookup = table.try_total(category::first_application, months(2020, 6, 2020, 8));
  BOOST_TEST(!lookup.ok());
  BOOST_TEST(lookup.missing.empty());
  BOOST_TEST(isos(lookup.unsplittable) == (std::vector<std::string>{"2020-Q3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gaps_and_straddles_are_reported_together) {
  const auto table = kc::counts_table::from_rows({row(kc::quarter(2020, 2), 1), row(kc::month(2020, 9), 2)});
  const std::string message =
      message_of<kc::range_error>([&] { (void)table.total(category::first_application, months(2020, 5, 2020, 9)); });
  BOOST_TEST(message ==
             "no TOTAL first_application count for 2020-07, 2020-08 (window 2020-05/2020-09); the TOTAL "
             "first_application count for 2020-Q2 (rows[0]) would have to be split to fit the window "
             "2020-05/2020-09: it also covers 2020-04, outside the window");
}

BOOST_AUTO_TEST_CASE(coarsest_tile_starting_at_the_cursor_wins) {
  const auto table = kc::counts_table::from_rows({
      row(kc::year(2021), 1000),
      row(kc::quarter(2021, 1), 300),
      row(kc::quarter(2021, 2), 200),
      row(kc::month(2021, 1), 100),
      row(kc::month(2021, 2), 100),
      row(kc::month(2021, 4), 60),
      row(kc::month(2021, 5), 70),
      row(kc::month(2021, 6), 70),
  });
  // The whole year: the year row.
  auto t = table.total(category::first_application, months(2021, 1, 2021, 12));
  BOOST_TEST(t.value == 1000);
  BOOST_TEST(isos(t.tiles) == (std::vector<std::string>{"2021"}), boost::test_tools::per_element());
  // January to May: Q1 (the year ends outside), then months.
  t = table.total(category::first_application, months(2021, 1, 2021, 5));
  BOOST_TEST(t.value == 300 + 60 + 70);
  BOOST_TEST(isos(t.tiles) == (std::vector<std::string>{"2021-Q1", "2021-04", "2021-05"}),
             boost::test_tools::per_element());
  // February to June: months only (no quarter starts at February), then Q2 from April.
  BOOST_CHECK_THROW((void)table.total(category::first_application, months(2021, 2, 2021, 6)), kc::range_error);
  t = table.total(category::first_application, months(2021, 4, 2021, 6));
  BOOST_TEST(isos(t.tiles) == (std::vector<std::string>{"2021-Q2"}), boost::test_tools::per_element());
  BOOST_TEST(t.value == 200);
  // A single month.
  t = table.total(category::first_application, months(2021, 2, 2021, 2));
  BOOST_TEST(t.value == 100);
}

BOOST_AUTO_TEST_CASE(disagreeing_finer_rows_give_a_note_agreeing_ones_do_not) {
  // Syria in the file: 2021-Q1 says 900, its months say 315 + 260 + 320 = 895 (CBS and the
  // monthly extract differ). The quarter is used and the difference noted.
  const auto table = load("counts_valid.csv");
  const auto syr = table.count(category::first_application, nat("SYR"), june_2020_to_may_2021());
  BOOST_TEST(syr.value == 185 + 395 + 430 + 540 + 395 + 450 + 400 + 900 + 250 + 310);
  BOOST_TEST(isos(syr.tiles) == (std::vector<std::string>{"2020-06", "2020-07", "2020-08", "2020-09", "2020-10",
                                                          "2020-11", "2020-12", "2021-Q1", "2021-04", "2021-05"}),
             boost::test_tools::per_element());
  BOOST_TEST(syr.notes.size() == 1u);
  BOOST_TEST(syr.notes[0] ==
             "the SYR first_application quarter row for 2021-Q1 (" + test_file("counts_valid.csv") +
                 ", line 15) says 900, but the finer rows 2021-01 (line 25) + 2021-02 (line 26) + 2021-03 "
                 "(line 27) sum to 895; the quarter row is used");
  BOOST_TEST(syr.sources == (std::vector<std::string>{"CBS StatLine 83102NED", "CBS release July 2021"}),
             boost::test_tools::per_element());
  BOOST_TEST(syr.latest_release.iso() == "2021-07");

  // A year whose quarters and months cover it completely and agree: no note.
  const auto agree =
      kc::counts_table::from_rows({row(kc::year(2021), 10), row(kc::quarter(2021, 1), 1), row(kc::quarter(2021, 2), 2),
                                   row(kc::quarter(2021, 3), 3), row(kc::month(2021, 10), 1),
                                   row(kc::month(2021, 11), 1), row(kc::month(2021, 12), 2)});
  BOOST_TEST(agree.total(category::first_application, months(2021, 1, 2021, 12)).notes.empty());
  // The same with a disagreeing December: a note on the year, listing the finer tiles.
  const auto disagree =
      kc::counts_table::from_rows({row(kc::year(2021), 10), row(kc::quarter(2021, 1), 1), row(kc::quarter(2021, 2), 2),
                                   row(kc::quarter(2021, 3), 3), row(kc::month(2021, 10), 1),
                                   row(kc::month(2021, 11), 1), row(kc::month(2021, 12), 3)});
  const auto t = disagree.total(category::first_application, months(2021, 1, 2021, 12));
  BOOST_TEST(t.value == 10);
  BOOST_TEST(t.notes.size() == 1u);
  BOOST_TEST(t.notes[0] ==
             "the TOTAL first_application year row for 2021 (rows[0]) says 10, but the finer rows 2021-Q1 "
             "(rows[1]) + 2021-Q2 (rows[2]) + 2021-Q3 (rows[3]) + 2021-10 (rows[4]) + 2021-11 (rows[5]) + "
             "2021-12 (rows[6]) sum to 11; the year row is used");
}

BOOST_AUTO_TEST_CASE(count_per_nationality_uses_names_from_the_file) {
  const auto table = load("counts_valid.csv");
  const auto tur =
      table.count(category::first_application, nat("TUR"), june_2020_to_may_2021());  // "Turkey" in the file
  BOOST_TEST(tur.value == 25 + 125 + 185 + 135 + 140 + 45 + 50 + 25 + 25 + 45 + 40 + 80);
  BOOST_TEST(tur.tiles.size() == 12u);
  BOOST_TEST(tur.notes.empty());
  BOOST_TEST(!tur.latest_release.is_dated());
  // A nationality row never stands in for TOTAL, nor TOTAL for a nationality.
  BOOST_CHECK_THROW((void)table.count(category::first_application, nat("DZA"), june_2020_to_may_2021()),
                    kc::range_error);
  BOOST_CHECK_THROW((void)table.total(category::family_reunification, months(2021, 5, 2021, 5)), kc::range_error);
}

BOOST_AUTO_TEST_CASE(try_variants_report_instead_of_throwing) {
  const auto table = load("counts_valid.csv");
  const auto window = months(2020, 1, 2020, 12);
  const auto lookup = table.try_total(category::first_application, window);
  BOOST_TEST(!lookup.ok());
  BOOST_TEST(!static_cast<bool>(lookup));
  BOOST_TEST(!lookup.total.has_value());
  BOOST_TEST(isos(lookup.missing) == (std::vector<std::string>{"2020-01", "2020-02", "2020-03"}),
             boost::test_tools::per_element());
  BOOST_TEST(lookup.unsplittable.empty());
  const std::string thrown =
      message_of<kc::range_error>([&] { (void)table.total(category::first_application, window); });
  BOOST_TEST(lookup.reason == thrown);

  const auto ok = table.try_total(category::first_application, june_2020_to_may_2021());
  BOOST_TEST(ok.ok());
  BOOST_TEST(ok.reason.empty());
  BOOST_TEST(ok.total->value == 13255);
  BOOST_TEST((*ok.total == table.total(category::first_application, june_2020_to_may_2021())));

  const auto dza = table.try_count(category::first_application, nat("DZA"), june_2020_to_may_2021());
  BOOST_TEST(!dza.ok());
  BOOST_TEST(dza.missing.size() == 9u);  // only 2021-Q1 is there
  BOOST_TEST(dza.reason ==
             "no DZA first_application count for 2020-06, 2020-07, 2020-08, 2020-09, 2020-10, 2020-11, "
             "2020-12, 2021-04, 2021-05 (window 2020-06/2021-05)");
  const auto relocation = table.try_total(category::relocation, months(2021, 5, 2021, 5));
  BOOST_TEST(relocation.reason == "no TOTAL relocation count for 2021-05 (window 2021-05)");
}

BOOST_AUTO_TEST_CASE(nationalities_with_rows_overlapping_the_window) {
  const auto table = load("counts_valid.csv");
  BOOST_TEST(codes(table.nationalities(category::first_application, june_2020_to_may_2021())) ==
                 (std::vector<std::string>{"DZA", "MAR", "SYR", "TUR"}),
             boost::test_tools::per_element());
  // 2021-Q1 rows overlap March 2021 only partly; they still count as overlapping.
  BOOST_TEST(codes(table.nationalities(category::first_application, months(2021, 3, 2021, 3))) ==
                 (std::vector<std::string>{"DZA", "MAR", "SYR", "TUR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(table.nationalities(category::first_application, months(2021, 4, 2021, 5))) ==
                 (std::vector<std::string>{"SYR", "TUR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(table.nationalities(category::family_reunification, months(2021, 5, 2021, 5))) ==
                 (std::vector<std::string>{"ERI", "SYR", "YEM"}),
             boost::test_tools::per_element());
  BOOST_TEST(table.nationalities(category::first_application, months(2019, 1, 2020, 5)).empty());
  BOOST_TEST(table.nationalities(category::resettlement, june_2020_to_may_2021()).empty());
  // A year row overlaps from 11 months before its end.
  const auto year_table = kc::counts_table::from_rows({row(kc::year(2020), 5, nat("SYR"))});
  BOOST_TEST(codes(year_table.nationalities(category::first_application, months(2020, 12, 2021, 2))) ==
                 (std::vector<std::string>{"SYR"}),
             boost::test_tools::per_element());
  BOOST_TEST(year_table.nationalities(category::first_application, months(2021, 1, 2021, 2)).empty());
}

BOOST_AUTO_TEST_CASE(sums_that_overflow_throw) {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const auto table = kc::counts_table::from_rows({row(kc::month(2021, 4), max), row(kc::month(2021, 5), 1)});
  BOOST_TEST(table.total(category::first_application, months(2021, 4, 2021, 4)).value == max);
  const std::string message =
      message_of<kc::overflow_error>([&] { (void)table.total(category::first_application, months(2021, 4, 2021, 5)); });
  BOOST_TEST(contains(message, "TOTAL first_application count for 2021-04/2021-05 does not fit in 64 bits"), message);
  BOOST_TEST(contains(message, "9223372036854775807 + 1"), message);
  const auto lookup = table.try_total(category::first_application, months(2021, 4, 2021, 5));
  BOOST_TEST(!lookup.ok());
  BOOST_TEST(lookup.missing.empty());
  BOOST_TEST(lookup.reason == message);
  // The largest count a file may hold, and one more.
  std::istringstream fits(
      "period,category,nationality,count,source,release\n2021-05,relocation,TOTAL,9223372036854775807,x,\n");
  BOOST_TEST(kc::read_counts_csv(fits, "big.csv").total(category::relocation, months(2021, 5, 2021, 5)).value == max);
  std::istringstream too_big(
      "period,category,nationality,count,source,release\n2021-05,relocation,TOTAL,9223372036854775808,x,\n");
  const std::string big = message_of<kc::csv::value_error>([&] { (void)kc::read_counts_csv(too_big, "big.csv"); });
  BOOST_TEST(big ==
             "cannot parse \"9223372036854775808\" as a count (too large: it must fit in 64 bits) in big.csv, "
             "line 2, column 4 (\"count\")");
}

// --- Bad input files

BOOST_AUTO_TEST_CASE(bad_values_name_file_line_column_and_value) {
  struct bad_file {
    std::string name;
    std::string value;
    std::string expected;
    std::size_t column;
    std::string column_name;
  };
  const std::vector<bad_file> cases = {
      {"counts_bad_period.csv", "2021-13",
       "a period: an ISO week (YYYY-Www), a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)", 1, "period"},
      {"counts_unknown_category.csv", "asylum",
       "a category (first_application, repeat_application, family_reunification, relocation or resettlement, or a "
       "Dutch alias)",
       2, "category"},
      {"counts_unknown_nationality.csv", "Algerje",
       "a nationality (neither TOTAL nor a code or name in the nationality table; did you mean \"Algerije\"?)", 3,
       "nationality"},
      {"counts_negative_count.csv", "-5",
       "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)", 4, "count"},
      {"counts_decimal_count.csv", "12.5",
       "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)", 4, "count"},
      {"counts_separator_count.csv", "1,120",
       "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)", 4, "count"},
      {"counts_empty_source.csv", "", "a source (the publication the count comes from; it must not be empty)", 5,
       "source"},
      {"counts_bad_release.csv", "2021-06-31",
       "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)", 6, "release"},
  };
  for (const auto& c : cases) {
    const std::string path = test_file(c.name);
    try {
      (void)kc::read_counts_csv(std::filesystem::path(path));
      BOOST_ERROR("no error for " << c.name);
    } catch (const kc::csv::value_error& e) {
      // An empty field is a missing value (csv::is_missing_marker), worded as such.
      const std::string problem = c.value.empty() ? "missing value \"\" where " + c.expected + " was expected"
                                                  : "cannot parse \"" + c.value + "\" as " + c.expected;
      BOOST_TEST(std::string(e.what()) == problem + " in " + path + ", line 3, column " + std::to_string(c.column) +
                                              " (\"" + c.column_name + "\")");
      BOOST_TEST(e.input() == c.value);
      BOOST_TEST(e.where().line == 3u);
      BOOST_TEST(e.where().column == c.column);
      BOOST_TEST(e.where().column_name == c.column_name);
    }
  }
  // Bad values are invalid_input (ValueError in Python), an unknown nationality included.
  BOOST_CHECK_EXCEPTION(
      (void)load("counts_unknown_nationality.csv"), kc::invalid_input,
      [](const kc::invalid_input& e) { return dynamic_cast<const kc::unknown_code*>(&e) == nullptr; });
}

BOOST_AUTO_TEST_CASE(unknown_nationality_without_suggestions) {
  std::istringstream in("period,category,nationality,count,source,release\n2021-05,first_application,Atlantis,1,x,\n");
  const std::string message = message_of<kc::csv::value_error>([&] { (void)kc::read_counts_csv(in, "counts.csv"); });
  BOOST_TEST(message ==
             "cannot parse \"Atlantis\" as a nationality (neither TOTAL nor a code or name in the nationality "
             "table) in counts.csv, line 2, column 3 (\"nationality\")");
  // TOTAL is exact: "total" is looked up as a nationality and fails.
  std::istringstream lower("period,category,nationality,count,source,release\n2021-05,first_application,total,1,x,\n");
  BOOST_CHECK_THROW((void)kc::read_counts_csv(lower, "counts.csv"), kc::csv::value_error);
}

// Issue 10: "30% came from Austria, 20% from Namibia". Texts that folding used to turn into
// codes ("4.0" Austria, "#N/A" Namibia) are bad values with file, line, column and value.
namespace {

std::string counts_csv_with_nationality(const std::string& value) {
  return "period,category,nationality,count,source,release\n"
         "2021-05,first_application,TOTAL,10,x,\n"
         "2021-05,first_application,SYR,5,x,\n"
         "2021-05,first_application,\"" +
         value + "\",3,x,\n";
}

// The markers of a missing value that spreadsheets and statistics offices write.
const std::vector<std::string> missing_markers = {"#N/A", "N/A", "n.a.", "n.v.t.", "-", "..", ":", "?", ""};

}  // namespace

BOOST_AUTO_TEST_CASE(non_codes_in_the_nationality_column_name_file_line_column_and_value) {
  std::vector<std::string> values = missing_markers;
  for (const std::string extra : {"4.0", "Æ", "S Y R", "SYR.", "N.A.", "760.0", "Syria?"}) values.push_back(extra);
  for (const auto& value : values) {
    BOOST_TEST_CONTEXT('"' << value << '"') {
      std::istringstream in(counts_csv_with_nationality(value));
      try {
        (void)kc::read_counts_csv(in, "counts.csv");
        BOOST_ERROR("no error");
      } catch (const kc::csv::value_error& e) {
        BOOST_TEST(e.input() == value);
        BOOST_TEST(e.where().source == "counts.csv");
        BOOST_TEST(e.where().line == 4u);
        BOOST_TEST(e.where().column == 3u);
        BOOST_TEST(e.where().column_name == "nationality");
        BOOST_TEST(std::string(e.what()).ends_with(" in counts.csv, line 4, column 3 (\"nationality\")"), e.what());
      }
    }
  }
  // The texts that are no missing-value marker keep the wording of every bad value.
  const auto message = [](const std::string& value) {
    std::istringstream in(counts_csv_with_nationality(value));
    return message_of<kc::csv::value_error>([&] { (void)kc::read_counts_csv(in, "counts.csv"); });
  };
  BOOST_TEST(message("4.0") ==
             "cannot parse \"4.0\" as a nationality (neither TOTAL nor a code or name in the "
             "nationality table) in counts.csv, line 4, column 3 (\"nationality\")");
  BOOST_TEST(message("Æ") ==
             "cannot parse \"Æ\" as a nationality (neither TOTAL nor a code or name in the "
             "nationality table) in counts.csv, line 4, column 3 (\"nationality\")");
  BOOST_TEST(message("SYR.") ==
             "cannot parse \"SYR.\" as a nationality (neither TOTAL nor a code or name in the "
             "nationality table; did you mean \"Syria\"?) in counts.csv, line 4, column 3 "
             "(\"nationality\")");
  // A NUL inside a code is no code either (the message itself is issue 10, item 7).
  std::istringstream nul(counts_csv_with_nationality(std::string("S\0YR", 4)));
  BOOST_CHECK_THROW((void)kc::read_counts_csv(nul, "counts.csv"), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(a_file_with_non_codes_stops_at_the_first_with_its_position) {
  // tests/data/counts_non_code_nationality.csv: TOTAL 10, "4.0" 3, "#N/A" 2, SYR 5 (the
  // issue's file: it used to give Austria 30% and Namibia 20%).
  const std::string path = test_file("counts_non_code_nationality.csv");
  try {
    (void)kc::read_counts_csv(std::filesystem::path(path));
    BOOST_ERROR("no error");
  } catch (const kc::csv::value_error& e) {
    BOOST_TEST(e.input() == "4.0");
    BOOST_TEST(e.where().source == path);
    BOOST_TEST(e.where().line == 3u);
    BOOST_TEST(e.where().column == 3u);
    BOOST_TEST(e.where().column_name == "nationality");
  }
}

// reader::fail_value words a marker (csv::is_missing_marker) as a missing value: a
// marker is reported as a missing value, with file, line, column and the marker.
BOOST_AUTO_TEST_CASE(missing_value_markers_in_the_nationality_column_are_reported_as_missing) {
  for (const auto& value : missing_markers) {
    BOOST_TEST_CONTEXT('"' << value << '"') {
      std::istringstream in(counts_csv_with_nationality(value));
      try {
        (void)kc::read_counts_csv(in, "counts.csv");
        BOOST_ERROR("no error");
      } catch (const kc::csv::value_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.starts_with("missing value"), message);
        BOOST_TEST(message.ends_with(" in counts.csv, line 4, column 3 (\"nationality\")"), message);
        BOOST_TEST(e.input() == value);
        BOOST_TEST(e.where().line == 4u);
        BOOST_TEST(e.where().column == 3u);
      }
    }
  }
  const std::string path = test_file("counts_missing_nationality.csv");
  try {
    (void)kc::read_counts_csv(std::filesystem::path(path));
    BOOST_ERROR("no error");
  } catch (const kc::csv::value_error& e) {
    const std::string message = e.what();
    BOOST_TEST(message.starts_with("missing value"), message);
    BOOST_TEST(message.find("n.a.") != std::string::npos, message);
    BOOST_TEST(message.ends_with(" in " + path + ", line 4, column 3 (\"nationality\")"), message);
  }
}

BOOST_AUTO_TEST_CASE(na_in_the_nationality_column_is_namibia) {
  // NA is an ISO and Eurostat code (Namibia), not R's missing value.
  std::istringstream in(counts_csv_with_nationality("NA"));
  const auto rows = kc::read_count_rows(in, "counts.csv");
  BOOST_REQUIRE_EQUAL(rows.size(), 3u);
  BOOST_TEST(rows[2].nationality.value().alpha3() == "NAM");
}

BOOST_AUTO_TEST_CASE(header_errors_name_the_file_and_the_header) {
  const std::string expected = "; expected exactly \"period,category,nationality,count,source,release\"";
  std::string path = test_file("counts_missing_column.csv");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); }) ==
             path + ": wrong header \"period,category,nationality,count,source\" (missing \"release\")" + expected);
  path = test_file("counts_extra_column.csv");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); }) ==
             path + ": wrong header \"period,category,nationality,count,source,release,note\" (extra \"note\")" +
                 expected);
  path = test_file("counts_misordered_header.csv");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); }) ==
             path + ": wrong header \"period,nationality,category,count,source,release\" (columns in the wrong order)" +
                 expected);
  std::istringstream both("period,category,nation,count,source,release,remark\n");
  BOOST_TEST(
      message_of<kc::csv::format_error>([&] { (void)kc::read_counts_csv(both, "c.csv"); }) ==
      "c.csv: wrong header \"period,category,nation,count,source,release,remark\" (missing \"nationality\"; extra "
      "\"nation\", \"remark\")" +
          expected);
  std::istringstream empty("");
  BOOST_CHECK_THROW((void)kc::read_counts_csv(empty, "empty.csv"), kc::csv::format_error);
  // A short row is malformed CSV (from the CSV reader), naming the line.
  path = test_file("counts_short_row.csv");
  const std::string short_row =
      message_of<kc::csv::format_error>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); });
  BOOST_TEST(contains(short_row, path + ", line 3"), short_row);
}

BOOST_AUTO_TEST_CASE(missing_file_names_the_path) {
  const std::string path = test_file("no_such_counts.csv");
  const std::string message =
      message_of<kc::invalid_input>([&] { (void)kc::read_counts_csv(std::filesystem::path(path)); });
  BOOST_TEST(contains(message, path), message);
}

BOOST_AUTO_TEST_CASE(stream_input_with_crlf_and_rows_for_combining_files) {
  std::istringstream a("period,category,nationality,count,source,release\r\n2021-04,nareiziger,SYR,400,x,2021-05\r\n");
  std::istringstream b("period,category,nationality,count,source,release\r\n\r\n2021-05,nareiziger,SYR,495,x,\r\n");
  auto rows = kc::read_count_rows(a, "a.csv");
  const auto more = kc::read_count_rows(b, "b.csv");
  BOOST_TEST(rows.size() == 1u);
  BOOST_TEST(rows[0].line == 2u);
  BOOST_TEST(more[0].line == 3u);  // the empty line is skipped but counted
  rows.insert(rows.end(), more.begin(), more.end());
  const auto table = kc::counts_table::from_rows(rows, "a.csv + b.csv");
  BOOST_TEST(table.count(category::family_reunification, nat("SYR"), months(2021, 4, 2021, 5)).value == 895);
  BOOST_TEST((kc::read_counts_csv(std::filesystem::path(test_file("counts_valid.csv"))) == load("counts_valid.csv")));
}

BOOST_AUTO_TEST_CASE(rows_print_readably) {
  std::ostringstream out;
  out << row(kc::month(2021, 5), 310, nat("SYR"), kc::release::parse("2021-06-15"), category::first_application, 29);
  BOOST_TEST(out.str() == "2021-05 first_application SYR 310 (test, release 2021-06-15, line 29)");
  std::ostringstream total;
  total << row(kc::quarter(2021, 2), 3355);
  BOOST_TEST(total.str() == "2021-Q2 first_application TOTAL 3355 (test, release undated)");
}

// --- Scale: the real data and the golden table hold about 20 000 rows

BOOST_AUTO_TEST_CASE(large_table_answers_from_its_index) {
  std::vector<kc::count_row> rows;
  const auto all = kc::nationality::all();
  const std::size_t nationalities = 200;
  for (std::size_t n = 0; n < nationalities; ++n) {
    for (int m = 0; m < 100; ++m) {
      const kc::month month = kc::month(2015, 1) + m;
      rows.push_back(row(month, static_cast<std::int64_t>(n + static_cast<std::size_t>(m)), all[n].code));
    }
  }
  for (int m = 0; m < 100; ++m) rows.push_back(row(kc::month(2015, 1) + m, 1000));
  const auto table = kc::counts_table::from_rows(std::move(rows));
  BOOST_TEST(table.size() == nationalities * 100 + 100);
  const auto window = kc::trailing(kc::month(2021, 5), 12);  // months 65..76 from 2015-01
  const auto listed = table.nationalities(category::first_application, window);
  BOOST_TEST(listed.size() == nationalities);
  std::int64_t expected_sum = 0;
  for (std::size_t n = 0; n < nationalities; ++n) {
    const auto t = table.count(category::first_application, all[n].code, window);
    std::int64_t expected = 0;
    for (int m = 65; m <= 76; ++m) expected += static_cast<std::int64_t>(n) + m;
    BOOST_TEST(t.value == expected);
    expected_sum += t.value;
  }
  BOOST_TEST(expected_sum > 0);
  BOOST_TEST(table.total(category::first_application, window).value == 12000);
}

BOOST_AUTO_TEST_CASE(golden_table_reads) {
  const auto table = load("golden_mei_2021_counts.csv");
  BOOST_TEST(table.superseded().empty());
  BOOST_TEST(table.total(category::first_application, months(2021, 5, 2021, 5)).value == 1200);
  BOOST_TEST(table.total(category::first_application, june_2020_to_may_2021()).value == 12000);
  BOOST_TEST(table.count(category::first_application, nat("SYR"), june_2020_to_may_2021()).value == 3850);
  BOOST_TEST(table.total(category::family_reunification, kc::trailing(kc::month(2021, 4), 12)).value == 8000);
  BOOST_TEST(table.nationalities(category::first_application, months(2021, 5, 2021, 5)).size() == 20u);
}

BOOST_AUTO_TEST_CASE(rows_of_several_files_are_named_by_their_own_file) {
  std::istringstream a(
      "period,category,nationality,count,source,release\n2021-05,first_application,TOTAL,10,t,2021-06-01\n");
  std::istringstream b(
      "period,category,nationality,count,source,release\n2021-05,first_application,TOTAL,11,t,2021-06-01\n");
  std::vector<kc::count_row> rows = kc::read_count_rows(a, "a.csv");
  const std::vector<kc::count_row> more = kc::read_count_rows(b, "b.csv");
  rows.insert(rows.end(), more.begin(), more.end());
  BOOST_TEST(rows[0].file == "a.csv");
  BOOST_TEST(rows[1].file == "b.csv");
  try {
    (void)kc::counts_table::from_rows(rows, "both");
    BOOST_ERROR("conflicting rows of two files were accepted");
  } catch (const kc::invalid_input& e) {
    const std::string message = e.what();
    BOOST_TEST(message.find("10 (a.csv, line 2)") != std::string::npos, message);
    BOOST_TEST(message.find("11 (b.csv, line 2)") != std::string::npos, message);
  }
}

// --- ISO weeks

namespace {

kc::iso_week week(int y, unsigned w) { return kc::iso_week(y, w); }

// TOTAL first applications for the weeks `first` through `last`, each 10 times its week number.
std::vector<kc::count_row> weekly_rows(kc::iso_week first, kc::iso_week last) {
  std::vector<kc::count_row> rows;
  for (const kc::iso_week w : kc::period_range(first, last)) rows.push_back(row(w, 10 * w.index()));
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_CASE(weekly_rows_answer_trailing_windows_of_weeks) {
  const auto table = kc::counts_table::from_rows(weekly_rows(week(2021, 1), week(2021, 19)));
  const auto four = table.total(category::first_application, kc::trailing(week(2021, 19), 4));
  BOOST_TEST(four.value == (16 + 17 + 18 + 19) * 10);
  BOOST_TEST(four.exact());
  BOOST_TEST(isos(four.tiles) == (std::vector<std::string>{"2021-W16", "2021-W17", "2021-W18", "2021-W19"}),
             boost::test_tools::per_element());
  BOOST_TEST(four.window.iso() == "2021-W16/2021-W19");
  BOOST_TEST((four.window == kc::trailing(week(2021, 19), 4)));
  const auto thirteen = table.total(category::first_application, kc::trailing(week(2021, 19), 13));
  BOOST_TEST(thirteen.value == (7 + 19) * 13 / 2 * 10);
  BOOST_TEST(thirteen.tiles.size() == 13u);
  BOOST_TEST(thirteen.straddling.empty());
  // The rows sort by their first day: weeks in order.
  BOOST_TEST(kc::iso(table.rows()[0].period) == "2021-W01");
  BOOST_TEST(kc::iso(table.rows()[18].period) == "2021-W19");
}

BOOST_AUTO_TEST_CASE(a_month_of_whole_weeks_is_exact) {
  // February 2021 runs from Monday 1 to Sunday 28: weeks 5 to 8, nothing more.
  const auto table = kc::counts_table::from_rows(weekly_rows(week(2021, 1), week(2021, 19)));
  const auto february = table.try_total(category::first_application, months(2021, 2, 2021, 2));
  BOOST_TEST(february.ok());
  BOOST_TEST(!february.partial.has_value());
  BOOST_TEST(february.total->value == (5 + 6 + 7 + 8) * 10);
  BOOST_TEST(!february.total->upper_bound.has_value());
  BOOST_TEST(isos(february.total->tiles) == (std::vector<std::string>{"2021-W05", "2021-W06", "2021-W07", "2021-W08"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(weeks_straddling_a_month_give_bounds_never_a_share) {
  // March 2021 runs from Monday 1 to Wednesday 31: weeks 9 to 12 lie inside, week 13
  // (29 March to 4 April) straddles its end.
  const auto table = kc::counts_table::from_rows(weekly_rows(week(2021, 1), week(2021, 19)));
  const auto march = table.try_total(category::first_application, months(2021, 3, 2021, 3));
  BOOST_TEST(!march.ok());
  BOOST_TEST(!march.total.has_value());
  BOOST_REQUIRE(march.partial.has_value());
  BOOST_TEST(march.partial->value == (9 + 10 + 11 + 12) * 10);
  BOOST_TEST(march.partial->upper_bound.value() == (9 + 10 + 11 + 12 + 13) * 10);
  BOOST_TEST(!march.partial->exact());
  BOOST_TEST(isos(march.partial->straddling) == (std::vector<std::string>{"2021-W13"}),
             boost::test_tools::per_element());
  BOOST_TEST(isos(march.unsplittable) == (std::vector<std::string>{"2021-W13"}), boost::test_tools::per_element());
  BOOST_TEST(march.missing.empty());
  const std::string expected =
      "the TOTAL first_application count for 2021-03 is known only within bounds: at least 420 (the rows wholly "
      "inside the window), at most 550 (with the row for 2021-W13 (rows[12]), which lies partly outside the window "
      "and is not apportioned)";
  BOOST_TEST(march.reason == expected);
  BOOST_TEST(message_of<kc::range_error>(
                 [&] { (void)table.total(category::first_application, months(2021, 3, 2021, 3)); }) == expected);
}

BOOST_AUTO_TEST_CASE(a_year_from_weeks_is_bounded_by_the_weeks_at_both_ends) {
  // 2021 runs from Friday 1 January (in 2020-W53, from 28 December) to Friday 31 December
  // (in 2021-W52, to 2 January 2022).
  std::vector<kc::count_row> rows = weekly_rows(week(2021, 1), week(2021, 51));
  for (auto& r : rows) r.count = 10;
  rows.push_back(row(week(2020, 53), 100));
  rows.push_back(row(week(2021, 52), 1000));
  const auto table = kc::counts_table::from_rows(rows);
  const auto year = table.try_total(category::first_application, kc::period_range(kc::year(2021)));
  BOOST_REQUIRE(year.partial.has_value());
  BOOST_TEST(year.partial->value == 510);
  BOOST_TEST(year.partial->upper_bound.value() == 1610);
  BOOST_TEST(isos(year.partial->straddling) == (std::vector<std::string>{"2020-W53", "2021-W52"}),
             boost::test_tools::per_element());
  BOOST_TEST(year.partial->tiles.size() == 51u);
  BOOST_TEST(year.reason ==
             "the TOTAL first_application count for 2021 is known only within bounds: at least 510 (the rows wholly "
             "inside the window), at most 1610 (with the rows for 2020-W53 (rows[51]), 2021-W52 (rows[52]), which lie "
             "partly outside the window and are not apportioned)");
  // The first quarter has the same start and ends inside 2021-W13.
  const auto q1 = table.try_total(category::first_application, kc::period_range(kc::quarter(2021, 1)));
  BOOST_REQUIRE(q1.partial.has_value());
  BOOST_TEST(q1.partial->value == 120);
  BOOST_TEST(q1.partial->upper_bound.value() == 100 + 120 + 10);
  BOOST_TEST(isos(q1.unsplittable) == (std::vector<std::string>{"2020-W53", "2021-W13"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(months_at_the_edges_of_a_window_of_weeks_give_bounds) {
  // 2021-W16 to 2021-W19 run from 19 April to 16 May: April and May both stick out.
  const auto table = kc::counts_table::from_rows({row(kc::month(2021, 4), 300), row(kc::month(2021, 5), 400)});
  const auto weeks = table.try_total(category::first_application, kc::trailing(week(2021, 19), 4));
  BOOST_REQUIRE(weeks.partial.has_value());
  BOOST_TEST(weeks.partial->value == 0);
  BOOST_TEST(weeks.partial->upper_bound.value() == 700);
  BOOST_TEST(weeks.partial->tiles.empty());
  BOOST_TEST(isos(weeks.partial->straddling) == (std::vector<std::string>{"2021-04", "2021-05"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gaps_among_weeks_are_named_as_weeks) {
  std::vector<kc::count_row> rows = weekly_rows(week(2021, 1), week(2021, 19));
  rows.erase(rows.begin() + 9);  // 2021-W10
  const auto table = kc::counts_table::from_rows(rows);
  const auto weeks = table.try_total(category::first_application, kc::trailing(week(2021, 19), 13));
  BOOST_TEST(isos(weeks.missing) == (std::vector<std::string>{"2021-W10"}), boost::test_tools::per_element());
  BOOST_TEST(weeks.reason == "no TOTAL first_application count for 2021-W10 (window 2021-W07/2021-W19)");
  BOOST_TEST(!weeks.partial.has_value());
  // In a month window a missing week is still named as the week (8 to 14 March are no month).
  const auto march = table.try_total(category::first_application, months(2021, 3, 2021, 3));
  BOOST_TEST(march.reason == "no TOTAL first_application count for 2021-W10 (window 2021-03)");
  BOOST_TEST(!march.partial.has_value());
  // The first days of January 2021 lie in 2020-W53, which the table lacks.
  const auto january = table.try_total(category::first_application, months(2021, 1, 2021, 1));
  BOOST_TEST(january.reason == "no TOTAL first_application count for 2020-W53 (window 2021-01)");
  // A gap of whole months inside a window of weeks is still named in weeks.
  const auto none = kc::counts_table::from_rows({row(kc::month(2021, 1), 5)})
                        .try_total(category::first_application, kc::period_range(week(2021, 6), week(2021, 7)));
  BOOST_TEST(none.reason == "no TOTAL first_application count for 2021-W06, 2021-W07 (window 2021-W06/2021-W07)");
  // The last week, 9999-W52, ends on 2 January 10000, where no month row can reach.
  const auto last = kc::counts_table::from_rows({row(kc::month(9999, 12), 5)})
                        .try_total(category::first_application, kc::period_range(week(9999, 52)));
  BOOST_TEST(last.reason == "no TOTAL first_application count for 9999-W52 (window 9999-W52)");
  // And a year window without any row names the year.
  const auto year = table.try_total(category::repeat_application, kc::period_range(kc::year(2021)));
  BOOST_TEST(year.reason == "no TOTAL repeat_application count for 2021 (window 2021)");
}

BOOST_AUTO_TEST_CASE(a_month_row_overlapping_counted_weeks_would_count_days_twice) {
  // December 2020 from weeks: 2020-W49 straddles its start, 2020-W53 (28 December to
  // 3 January) reaches into January, whose month row then counts 1 to 3 January twice.
  std::vector<kc::count_row> rows = weekly_rows(week(2020, 49), week(2020, 53));
  rows.push_back(row(kc::month(2021, 1), 500));
  const auto table = kc::counts_table::from_rows(rows);
  const auto lookup = table.try_total(category::first_application, months(2020, 12, 2021, 1));
  BOOST_TEST(!lookup.partial.has_value());
  BOOST_TEST(isos(lookup.unsplittable) == (std::vector<std::string>{"2021-01"}), boost::test_tools::per_element());
  BOOST_TEST(lookup.reason ==
             "the TOTAL first_application count for 2021-01 (rows[5]) would have to be split to fit the window "
             "2020-12/2021-01: it would count 2021-01 twice (already counted from other rows)");
  // A week over days a month row already counted is named by its days: January 2022 ends
  // on Monday 31, the first day of 2022-W05. The missing 28 February (in 2022-W09) too.
  const auto weekly =
      kc::counts_table::from_rows({row(kc::month(2022, 1), 500), row(week(2022, 5), 50), row(week(2022, 6), 60),
                                   row(week(2022, 7), 70), row(week(2022, 8), 80)});
  const auto window = weekly.try_total(category::first_application, months(2022, 1, 2022, 2));
  BOOST_TEST(isos(window.missing) == (std::vector<std::string>{"2022-W09"}), boost::test_tools::per_element());
  BOOST_TEST(isos(window.unsplittable) == (std::vector<std::string>{"2022-W05"}), boost::test_tools::per_element());
  BOOST_TEST(window.reason ==
             "no TOTAL first_application count for 2022-W09 (window 2022-01/2022-02); the TOTAL first_application "
             "count for 2022-W05 (rows[1]) would have to be split to fit the window 2022-01/2022-02: it would count "
             "2022-01-31 twice (already counted from other rows)");
  // A month row at the start of a window of weeks is a bound even where weeks follow inside
  // it (the bound is loose, never wrong).
  const auto mixed = kc::counts_table::from_rows(
      {row(kc::month(2021, 1), 500), row(week(2021, 4), 50), row(week(2020, 53), 40), row(week(2021, 5), 60)});
  const auto bounded = mixed.try_total(category::first_application, kc::period_range(week(2021, 1), week(2021, 5)));
  BOOST_REQUIRE(bounded.partial.has_value());
  BOOST_TEST(bounded.partial->value == 110);
  BOOST_TEST(bounded.partial->upper_bound.value() == 610);
  BOOST_TEST(isos(bounded.partial->straddling) == (std::vector<std::string>{"2021-01"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_coarser_row_wins_over_weeks_and_notes_disagreement_beyond_rounding) {
  std::vector<kc::count_row> rows = weekly_rows(week(2021, 5), week(2021, 8));  // 50 + 60 + 70 + 80 = 260
  rows.push_back(row(kc::month(2021, 2), 271));
  for (auto& r : rows) r.source_multiple = 5;
  auto table = kc::counts_table::from_rows(rows);
  auto february = table.total(category::first_application, months(2021, 2, 2021, 2));
  BOOST_TEST(february.value == 271);
  BOOST_TEST(isos(february.tiles) == (std::vector<std::string>{"2021-02"}), boost::test_tools::per_element());
  BOOST_TEST(february.notes ==
                 (std::vector<std::string>{
                     "the TOTAL first_application month row for 2021-02 (rows[4]) says 271, but the finer rows "
                     "2021-W05 (rows[0]) + 2021-W06 (rows[1]) + 2021-W07 (rows[2]) + 2021-W08 (rows[3]) sum to 260, "
                     "more than rounding to 5 explains (at most 10); the month row is used"}),
             boost::test_tools::per_element());
  // Exactly at the bound: floor(5/2) * (4 + 1) = 10 is what rounding explains, so no note.
  rows.back().count = 270;
  table = kc::counts_table::from_rows(rows);
  BOOST_TEST(table.total(category::first_application, months(2021, 2, 2021, 2)).notes.empty());
  rows.back().count = 250;
  table = kc::counts_table::from_rows(rows);
  BOOST_TEST(table.total(category::first_application, months(2021, 2, 2021, 2)).notes.empty());
  rows.back().count = 249;
  table = kc::counts_table::from_rows(rows);
  BOOST_TEST(table.total(category::first_application, months(2021, 2, 2021, 2)).notes.size() == 1u);
  // A window of weeks that is exactly the month takes the coarser row too; one week takes the week.
  BOOST_TEST(table.total(category::first_application, kc::period_range(week(2021, 5), week(2021, 8))).value == 249);
  BOOST_TEST(table.total(category::first_application, kc::period_range(week(2021, 5), week(2021, 7))).value == 180);
}

// --- Flags and rounding

BOOST_AUTO_TEST_CASE(a_total_carries_the_flags_and_the_largest_multiple_of_its_rows) {
  std::vector<kc::count_row> rows = {row(kc::month(2021, 4), 915), row(kc::month(2021, 5), 955),
                                     row(kc::month(2021, 6), 1000)};
  rows[0].flags = kc::observation_flags::parse("p");
  rows[1].flags = kc::observation_flags::parse("be");
  rows[1].source_multiple = 5;
  rows[2].source_multiple = 10;
  rows[2].flags = kc::observation_flags::parse("c");
  const auto table = kc::counts_table::from_rows(rows);
  const auto spring = table.total(category::first_application, months(2021, 4, 2021, 5));
  BOOST_TEST(spring.flags.letters() == "bep");
  BOOST_TEST(spring.flags.provisional());
  BOOST_TEST(spring.source_multiple == 5);
  const auto april = table.total(category::first_application, months(2021, 4, 2021, 4));
  BOOST_TEST(april.flags.letters() == "p");
  BOOST_TEST(april.source_multiple == 1);
  const auto all = table.total(category::first_application, months(2021, 4, 2021, 6));
  BOOST_TEST(all.flags.letters() == "bcep");
  BOOST_TEST(all.source_multiple == 10);
  // The rows at the edges of a partial answer are used too.
  std::vector<kc::count_row> weeks = weekly_rows(week(2021, 9), week(2021, 13));
  weeks.back().flags = kc::observation_flags::parse("e");
  weeks.back().source_multiple = 5;
  const auto march =
      kc::counts_table::from_rows(weeks).try_total(category::first_application, months(2021, 3, 2021, 3));
  BOOST_REQUIRE(march.partial.has_value());
  BOOST_TEST(march.partial->flags.letters() == "e");
  BOOST_TEST(march.partial->source_multiple == 5);
}

BOOST_AUTO_TEST_CASE(consistency_tolerance_is_what_rounding_each_count_explains) {
  // Eurostat rounds to 5: each count is off by at most 2. A TOTAL and 3 nationalities: 4 counts.
  BOOST_TEST(kc::consistency_tolerance(5, 3) == 8);
  BOOST_TEST(kc::consistency_tolerance(10, 0) == 5);
  BOOST_TEST(kc::consistency_tolerance(2, 1) == 2);
  BOOST_TEST(kc::consistency_tolerance(1, 1000) == 0);  // exact counts: nothing
  BOOST_TEST(kc::consistency_tolerance(std::numeric_limits<std::int64_t>::max(), 5) ==
             std::numeric_limits<std::int64_t>::max());
  static_assert(kc::consistency_tolerance(5, 206) == 414);
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::consistency_tolerance(0, 3); }) ==
             "source multiple 0 is below 1 (the multiple a source rounds its counts to)");
  // The boundary: exactly at the bound passes, one more is reported, on either side.
  BOOST_TEST(kc::consistent_with_rounding(100, 108, 5, 3));
  BOOST_TEST(!kc::consistent_with_rounding(100, 109, 5, 3));
  BOOST_TEST(kc::consistent_with_rounding(100, 92, 5, 3));
  BOOST_TEST(!kc::consistent_with_rounding(100, 91, 5, 3));
  BOOST_TEST(kc::consistent_with_rounding(100, 100, 1, 3));
  BOOST_TEST(!kc::consistent_with_rounding(100, 101, 1, 3));
}

BOOST_AUTO_TEST_CASE(weekly_periods_read_from_the_six_column_csv) {
  std::istringstream in(
      "period,category,nationality,count,source,release\n"
      "2021-W18,first_application,TOTAL,250,IND weekly,2021-W19\n"
      "2021-W19,first_application,TOTAL,275,IND weekly,2021-W20\n"
      "2021-W19,first_application,SYR,80,IND weekly,2021-W20\n");
  const auto table = kc::read_counts_csv(in, "weekly.csv");
  BOOST_TEST(table.total(category::first_application, kc::trailing(week(2021, 19), 2)).value == 525);
  BOOST_TEST(table.count(category::first_application, nat("SYR"), kc::period_range(week(2021, 19))).value == 80);
  BOOST_TEST(codes(table.nationalities(category::first_application, kc::trailing(week(2021, 19), 2))) ==
                 (std::vector<std::string>{"SYR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(table.nationalities(category::first_application, kc::trailing(week(2021, 18), 1))).empty());
}

BOOST_AUTO_TEST_CASE(rows_in_use_sort_by_category_nationality_first_day_and_coarser_first) {
  // The documented order of rows(), checked against a plain comparison of those fields for
  // rows given in a scrambled order: every category, TOTAL and nationalities at both ends
  // of the alphabet, periods of every unit at the calendar's ends.
  const std::vector<kc::count_period> periods = {
      kc::year(2020),      kc::quarter(2020, 1), kc::month(2020, 1),  kc::iso_week(2020, 1),
      kc::month(2019, 12), kc::year(1),          kc::month(1, 1),     kc::iso_week(9999, 52),
      kc::year(9999),      kc::quarter(9999, 4), kc::month(9999, 12), kc::iso_week(2021, 52),
  };
  const std::vector<std::optional<kc::nationality>> who = {std::nullopt, nat("ZWE"), nat("AFG"), nat("SYR"),
                                                           nat("ABW")};
  const std::vector<category> categories = {category::resettlement, category::first_application,
                                            category::family_reunification, category::repeat_application,
                                            category::relocation};
  std::vector<kc::count_row> rows;
  std::uint64_t scramble = 12345;
  for (const category c : categories) {
    for (const auto& n : who) {
      for (const kc::count_period& p : periods) rows.push_back(row(p, 1, n, {}, c));
    }
  }
  for (std::size_t i = rows.size(); i > 1; --i) {  // a fixed shuffle
    scramble = scramble * 6364136223846793005u + 1442695040888963407u;
    std::swap(rows[i - 1], rows[(scramble >> 33) % i]);
  }
  std::vector<kc::count_row> expected = rows;
  const auto fields = [](const kc::count_row& r) {
    const int coarseness = static_cast<int>(
        std::visit([](const auto& q) { return kc::unit_rank_v<typename std::decay_t<decltype(q)>::unit>; }, r.period));
    return std::tuple(r.category, r.nationality, kc::count_window(r.period).first_day_number(), -coarseness);
  };
  std::stable_sort(expected.begin(), expected.end(),
                   [&](const kc::count_row& a, const kc::count_row& b) { return fields(a) < fields(b); });
  const kc::counts_table table = kc::counts_table::from_rows(rows);
  BOOST_TEST_REQUIRE(table.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST((table.rows()[i] == expected[i]), "row " << i << ": " << table.rows()[i] << " expected " << expected[i]);
  }
}

BOOST_AUTO_TEST_CASE(exact_value_is_the_value_of_every_exact_answer_and_nothing_else) {
  // Months, a quarter whose months do not sum in 64 bits, ISO weeks and gaps: for every
  // window of months and of weeks over them, exact_value gives try_count's total and
  // nothing where try_count has none (a gap, rows at the edges, an overflow).
  constexpr std::int64_t huge = std::numeric_limits<std::int64_t>::max() / 2;
  std::vector<kc::count_row> rows;
  for (unsigned m = 1; m <= 6; ++m) rows.push_back(row(kc::month(2021, m), 10 * m, nat("SYR")));
  rows.push_back(row(kc::quarter(2021, 3), 5, nat("SYR")));
  for (unsigned m = 7; m <= 9; ++m) rows.push_back(row(kc::month(2021, m), huge, nat("SYR")));
  for (unsigned m = 11; m <= 12; ++m) rows.push_back(row(kc::month(2021, m), 7, nat("SYR")));  // October missing
  for (unsigned w = 1; w <= 12; ++w) rows.push_back(row(kc::iso_week(2021, w), w, nat("AFG")));
  for (unsigned m = 1; m <= 12; ++m) rows.push_back(row(kc::month(2021, m), 1000 + m));
  const kc::counts_table table = kc::counts_table::from_rows(rows);
  const std::vector<std::optional<kc::nationality>> who = {std::nullopt, nat("SYR"), nat("AFG"), nat("ERI")};
  std::vector<kc::count_window> windows;
  for (unsigned first = 1; first <= 14; ++first) {
    for (unsigned last = first; last <= 14; ++last)
      windows.emplace_back(
          months(2020 + (first + 10) / 12, (first + 10) % 12 + 1, 2020 + (last + 10) / 12, (last + 10) % 12 + 1));
  }
  for (unsigned first = 1; first <= 14; ++first) {
    for (unsigned last = first; last <= 14; ++last) {
      windows.emplace_back(kc::period_range<kc::iso_week>(kc::iso_week(2021, first), kc::iso_week(2021, last)));
    }
  }
  windows.emplace_back(kc::quarter(2021, 3));
  windows.emplace_back(kc::year(2021));
  std::size_t answered = 0;
  std::size_t refused = 0;
  for (const auto& n : who) {
    for (const kc::count_window& w : windows) {
      const kc::window_lookup full =
          n ? table.try_count(category::first_application, *n, w) : table.try_total(category::first_application, w);
      const std::optional<std::int64_t> expected =
          full.total ? std::optional<std::int64_t>(full.total->value) : std::nullopt;
      BOOST_TEST((table.exact_value(category::first_application, n, w) == expected), (n ? n->alpha3() : "TOTAL")
                                                                                         << " " << w.iso());
      (expected ? answered : refused) += 1;
    }
  }
  BOOST_TEST(answered > 50u);
  BOOST_TEST(refused > 50u);
  // The overflow case on its own: the tiling is exact, the quarter's months do not sum.
  const kc::count_window q3 = months(2021, 7, 2021, 9);
  BOOST_TEST(!table.try_count(category::first_application, nat("SYR"), q3).ok());
  BOOST_TEST(!table.exact_value(category::first_application, nat("SYR"), q3).has_value());
  BOOST_TEST((table.exact_value(category::first_application, nat("SYR"), months(2021, 1, 2021, 6)) == 210));
}
