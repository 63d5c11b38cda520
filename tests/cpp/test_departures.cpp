#define BOOST_TEST_MODULE departures
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/departures.hpp>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;
using kc::departure_group;
using kc::departure_mode;

namespace {

const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;

std::string test_file(const std::string& name) { return test_data_dir + "/" + name; }

kc::departures_table load(const std::string& name) {
  return kc::read_departures_csv(std::filesystem::path(test_file(name)));
}

kc::period_range<kc::month> whole_year(int y) { return kc::subperiods<kc::month>(kc::year(y)); }

kc::period_range<kc::month> months(int y1, unsigned m1, int y2, unsigned m2) {
  return kc::period_range<kc::month>(kc::month(y1, m1), kc::month(y2, m2));
}

kc::departure_row row(kc::period_range<kc::month> p, departure_group g, departure_mode m, std::int64_t count,
                      kc::release rel = {}, std::size_t line = 0) {
  kc::departure_row r;
  r.period = p;
  r.group = g;
  r.mode = m;
  r.count = count;
  r.source = "test";
  r.release = rel;
  r.line = line;
  return r;
}

std::vector<kc::departure_row> three_modes(kc::period_range<kc::month> p, departure_group g, std::int64_t independent,
                                           std::int64_t forced, std::int64_t unsupervised) {
  return {row(p, g, departure_mode::independent, independent), row(p, g, departure_mode::forced, forced),
          row(p, g, departure_mode::unsupervised, unsupervised)};
}

std::vector<std::string> isos(const std::vector<kc::period_range<kc::month>>& periods) {
  std::vector<std::string> out;
  for (const auto& p : periods) out.push_back(kc::departure_period_iso(p));
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using kerncijfers_test::message_of;

}  // namespace

// --- Groups and modes

BOOST_AUTO_TEST_CASE(groups_and_modes_round_trip_with_dutch_aliases) {
  BOOST_TEST(kc::to_string(departure_group::all) == "all");
  BOOST_TEST(kc::to_string(departure_group::criminal) == "criminal");
  BOOST_TEST((kc::parse_departure_group("all") == departure_group::all));
  BOOST_TEST((kc::parse_departure_group("alle") == departure_group::all));
  BOOST_TEST((kc::parse_departure_group("criminal") == departure_group::criminal));
  BOOST_TEST((kc::parse_departure_group("criminele_vreemdelingen") == departure_group::criminal));
  BOOST_TEST((kc::parse_departure_group("crimineel") == departure_group::criminal));

  BOOST_TEST(kc::to_string(departure_mode::independent) == "independent");
  BOOST_TEST(kc::to_string(departure_mode::forced) == "forced");
  BOOST_TEST(kc::to_string(departure_mode::unsupervised) == "unsupervised");
  for (const departure_mode m : kc::all_departure_modes) BOOST_TEST((kc::parse_departure_mode(kc::to_string(m)) == m));
  BOOST_TEST((kc::parse_departure_mode("zelfstandig") == departure_mode::independent));
  BOOST_TEST((kc::parse_departure_mode("gedwongen") == departure_mode::forced));
  BOOST_TEST((kc::parse_departure_mode("zonder_toezicht") == departure_mode::unsupervised));
  BOOST_TEST((kc::parse_departure_mode("op_eigen_gelegenheid") == departure_mode::unsupervised));

  std::ostringstream out;
  out << departure_group::criminal << ' ' << departure_mode::forced;
  BOOST_TEST(out.str() == "criminal forced");
}

BOOST_AUTO_TEST_CASE(unknown_groups_and_modes_are_parse_errors_naming_the_text) {
  for (const char* text : {"", "All", "criminals", "everyone"}) {
    const std::string message = message_of<kc::parse_error>([&] { (void)kc::parse_departure_group(text); });
    BOOST_TEST(message == "cannot parse \"" + std::string(text) +
                              "\" as a departure group (all or criminal, or alle or criminele_vreemdelingen)");
  }
  for (const char* text : {"", "voluntary", "Forced", "supervised", "onder_toezicht"}) {
    const std::string message = message_of<kc::parse_error>([&] { (void)kc::parse_departure_mode(text); });
    BOOST_TEST(message == "cannot parse \"" + std::string(text) +
                              "\" as a departure mode (independent, forced or unsupervised, or zelfstandig, gedwongen, "
                              "zonder_toezicht or op_eigen_gelegenheid)");
  }
}

BOOST_AUTO_TEST_CASE(labels) {
  using kc::language;
  BOOST_TEST(kc::label(departure_group::all, language::nl) == "vreemdelingen");
  BOOST_TEST(kc::label(departure_group::criminal, language::nl) == "criminele vreemdelingen");
  BOOST_TEST(kc::label(departure_group::criminal, language::en) == "criminal foreign nationals");
  BOOST_TEST(kc::label(departure_mode::independent, language::nl) == "zelfstandig vertrek");
  BOOST_TEST(kc::label(departure_mode::forced, language::en) == "forced departure");
  BOOST_TEST(kc::label(departure_mode::unsupervised, language::nl) == "vertrek op eigen gelegenheid");
  BOOST_TEST(kc::label(departure_mode::unsupervised, language::en) == "departure without supervision");
}

// --- Periods

BOOST_AUTO_TEST_CASE(departure_periods_parse_and_format) {
  BOOST_TEST((kc::parse_departure_period("2021") == whole_year(2021)));
  BOOST_TEST((kc::parse_departure_period("2023-01/2023-10") == months(2023, 1, 2023, 10)));
  BOOST_TEST((kc::parse_departure_period("2023-05") == months(2023, 5, 2023, 5)));
  BOOST_TEST((kc::parse_departure_period("2021-01/2021-12") == kc::parse_departure_period("2021")));
  BOOST_TEST(kc::departure_period_iso(whole_year(2021)) == "2021");
  BOOST_TEST(kc::departure_period_iso(months(2021, 1, 2021, 12)) == "2021");
  BOOST_TEST(kc::departure_period_iso(months(2023, 1, 2023, 10)) == "2023-01/2023-10");
  BOOST_TEST(kc::departure_period_iso(months(2020, 1, 2021, 12)) == "2020-01/2021-12");  // two years: not one year
  BOOST_TEST(kc::departure_period_iso(months(2023, 5, 2023, 5)) == "2023-05");
  for (const char* text :
       {"", "21", "2023 (t/m oktober)", "2023-10/2023-01", "2023-01/", "2023-Q1", "2023-13", "2023-01 / 2023-10"}) {
    try {
      (void)kc::parse_departure_period(text);
      BOOST_ERROR("no error for \"" << text << "\"");
    } catch (const kc::parse_error& e) {
      BOOST_TEST(e.input() == text);
      BOOST_TEST(
          std::string(e.what()) ==
          "cannot parse \"" + std::string(text) +
              "\" as a departure period: a year (YYYY) or a range of months (YYYY-MM/YYYY-MM, first before last)");
    }
  }
}

// --- Figures

BOOST_AUTO_TEST_CASE(figures_for_a_year) {
  const auto table = load("departures_valid.csv");
  const auto f = table.figures(departure_group::all, whole_year(2021));
  BOOST_TEST(f.independent == 2100);
  BOOST_TEST(f.forced == 1630);  // the release of 2022-02 overrides the provisional 1600 of 2021-W52
  BOOST_TEST(f.unsupervised == 5600);
  BOOST_TEST(f.supervised() == 3730);
  BOOST_TEST(f.total() == 9330);
  BOOST_TEST(f.of(departure_mode::forced) == 1630);
  BOOST_TEST((f.window == whole_year(2021)));
  BOOST_TEST((f.group == departure_group::all));
  BOOST_TEST(f.sources == (std::vector<std::string>{"DT&V cijfers"}), boost::test_tools::per_element());
  BOOST_TEST(f.latest_release.iso() == "2022-02");

  const auto c = table.figures(departure_group::criminal, whole_year(2021));
  BOOST_TEST(c.independent == 100);
  BOOST_TEST(c.forced == 170);
  BOOST_TEST(c.unsupervised == 120);  // "zonder_toezicht" in the file
  BOOST_TEST(c.total() == 390);
  BOOST_TEST(c.supervised() == 270);
  BOOST_TEST(c.latest_release.iso() == "2022-02-15");
}

BOOST_AUTO_TEST_CASE(figures_for_a_year_to_date) {
  const auto table = load("departures_valid.csv");
  const auto f = table.figures(departure_group::all, kc::year_to_date(kc::month(2023, 10)));
  BOOST_TEST(f.independent == 2820);
  BOOST_TEST(f.forced == 1990);
  BOOST_TEST(f.unsupervised == 3960);
  BOOST_TEST(f.total() == 8770);
  BOOST_TEST(!f.latest_release.is_dated());
  // Periods match exactly: the year 2023 is not the year to date, nor is a shorter range.
  BOOST_CHECK_THROW((void)table.figures(departure_group::all, whole_year(2023)), kc::range_error);
  BOOST_CHECK_THROW((void)table.figures(departure_group::all, months(2023, 1, 2023, 9)), kc::range_error);
}

BOOST_AUTO_TEST_CASE(vintages_and_duplicates) {
  const auto table = load("departures_valid.csv");
  // 14 data rows: the provisional 2021 forced row (line 5) is superseded, and the 2022
  // independent row is repeated identically (line 15).
  BOOST_TEST(table.size() == 12u);
  std::vector<std::size_t> lines;
  for (const auto& r : table.superseded()) lines.push_back(r.line);
  BOOST_TEST(lines == (std::vector<std::size_t>{5, 15}), boost::test_tools::per_element());
  BOOST_TEST(table.superseded()[0].count == 1600);

  // Later release wins in either order; undated is oldest.
  const auto p = whole_year(2021);
  const auto early = row(p, departure_group::all, departure_mode::forced, 1600, kc::release::parse("2021-W52"));
  const auto late = row(p, departure_group::all, departure_mode::forced, 1630, kc::release::parse("2022-02"));
  const auto undated = row(p, departure_group::all, departure_mode::forced, 1);
  BOOST_TEST(kc::departures_table::from_rows({late, early, undated}).rows()[0].count == 1630);
  BOOST_TEST(kc::departures_table::from_rows({undated, early}).rows()[0].count == 1600);

  // "2021" and "2021-01/2021-12" are the same key.
  const std::string path = test_file("departures_conflicting_duplicate.csv");
  const std::string message =
      message_of<kc::invalid_input>([&] { (void)kc::read_departures_csv(std::filesystem::path(path)); });
  BOOST_TEST(message == path +
                            ": conflicting counts for departures 2021 all forced in release 2022-02: 1630 (line 3) and "
                            "1640 (line 4)");
}

BOOST_AUTO_TEST_CASE(missing_modes_are_named) {
  const auto table = load("departures_valid.csv");
  const auto h1 = months(2020, 1, 2020, 6);
  const std::string message = message_of<kc::range_error>([&] { (void)table.figures(departure_group::all, h1); });
  BOOST_TEST(message ==
             "no departures of group all for 2020-01/2020-06 with mode unsupervised (periods with departures of "
             "group all: 2020-01/2020-06, 2021, 2022, 2023-01/2023-10)");
  const auto lookup = table.try_figures(departure_group::all, h1);
  BOOST_TEST(!lookup.ok());
  BOOST_TEST(!static_cast<bool>(lookup));
  BOOST_TEST(lookup.missing.size() == 1u);
  BOOST_TEST((lookup.missing[0] == departure_mode::unsupervised));
  BOOST_TEST(lookup.reason == message);

  const auto none = table.try_figures(departure_group::criminal, whole_year(2020));
  BOOST_TEST(none.missing.size() == 3u);
  BOOST_TEST(none.reason ==
             "no departures of group criminal for 2020 with mode independent, forced, unsupervised "
             "(periods with departures of group criminal: 2021)");
  const auto empty = kc::departures_table().try_figures(departure_group::all, whole_year(2021));
  BOOST_TEST(empty.reason ==
             "no departures of group all for 2021 with mode independent, forced, unsupervised (the table "
             "has no departures of group all)");

  const auto ok = table.try_figures(departure_group::all, whole_year(2021));
  BOOST_TEST(ok.ok());
  BOOST_TEST(ok.missing.empty());
  BOOST_TEST(ok.reason.empty());
  BOOST_TEST((*ok.totals == table.figures(departure_group::all, whole_year(2021))));
}

BOOST_AUTO_TEST_CASE(periods_per_group) {
  const auto table = load("departures_valid.csv");
  BOOST_TEST(isos(table.periods(departure_group::all)) ==
                 (std::vector<std::string>{"2020-01/2020-06", "2021", "2022", "2023-01/2023-10"}),
             boost::test_tools::per_element());
  BOOST_TEST(isos(table.periods(departure_group::criminal)) == (std::vector<std::string>{"2021"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sums_that_overflow_throw) {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  const auto table = kc::departures_table::from_rows(three_modes(whole_year(2021), departure_group::all, max, 1, 0));
  const std::string message =
      message_of<kc::overflow_error>([&] { (void)table.figures(departure_group::all, whole_year(2021)); });
  BOOST_TEST(contains(message, "the total of departures of group all for 2021 does not fit in 64 bits"), message);
  BOOST_TEST(contains(message, "9223372036854775807 + 1"), message);
  const auto lookup = table.try_figures(departure_group::all, whole_year(2021));
  BOOST_TEST(!lookup.ok());
  BOOST_TEST(lookup.missing.empty());
  BOOST_TEST(lookup.reason == message);
  // Supervised fits, the total does not.
  kc::departure_totals t;
  t.independent = max - 1;
  t.forced = 1;
  t.unsupervised = 1;
  BOOST_TEST(t.supervised() == max);
  BOOST_CHECK_THROW((void)t.total(), kc::overflow_error);
}

BOOST_AUTO_TEST_CASE(from_rows_validation) {
  auto bad = row(whole_year(2021), departure_group::criminal, departure_mode::forced, -3);
  std::string message = message_of<kc::count_error>([&] { (void)kc::departures_table::from_rows({bad}); });
  BOOST_TEST(message == "rows[0]: negative count -3 for departures 2021 criminal forced");
  bad.count = 3;
  bad.source = "";
  bad.line = 8;
  message = message_of<kc::invalid_input>([&] { (void)kc::departures_table::from_rows({bad}, "d.csv"); });
  BOOST_TEST(message == "d.csv, line 8: empty source for departures 2021 criminal forced");
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
  const std::string period =
      "a departure period: a year (YYYY) or a range of months (YYYY-MM/YYYY-MM, first before last)";
  const std::string count = "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)";
  const std::vector<bad_file> cases = {
      {"departures_bad_period.csv", "2023 (t/m oktober)", period, 1, "period"},
      {"departures_reversed_period.csv", "2023-10/2023-01", period, 1, "period"},
      {"departures_unknown_group.csv", "asylum_seekers",
       "a departure group (all or criminal, or alle or criminele_vreemdelingen)", 2, "group"},
      {"departures_unknown_mode.csv", "voluntary",
       "a departure mode (independent, forced or unsupervised, or zelfstandig, gedwongen, zonder_toezicht or "
       "op_eigen_gelegenheid)",
       3, "mode"},
      {"departures_negative_count.csv", "-1630", count, 4, "count"},
      {"departures_decimal_count.csv", "1.630", count, 4, "count"},
      {"departures_empty_source.csv", "", "a source (the publication the count comes from; it must not be empty)", 5,
       "source"},
      {"departures_bad_release.csv", "feb 2022",
       "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)", 6, "release"},
  };
  for (const auto& c : cases) {
    const std::string path = test_file(c.name);
    try {
      (void)kc::read_departures_csv(std::filesystem::path(path));
      BOOST_ERROR("no error for " << c.name);
    } catch (const kc::csv::value_error& e) {
      // An empty field is a missing value (csv::is_missing_marker), worded as such.
      const std::string problem = c.value.empty() ? "missing value \"\" where " + c.expected + " was expected"
                                                  : "cannot parse \"" + c.value + "\" as " + c.expected;
      BOOST_TEST(std::string(e.what()) == problem + " in " + path + ", line 3, column " + std::to_string(c.column) +
                                              " (\"" + c.column_name + "\")");
      BOOST_TEST(e.input() == c.value);
      BOOST_TEST(e.where().line == 3u);
    }
  }
}

BOOST_AUTO_TEST_CASE(header_errors_name_the_file_and_the_header) {
  const std::string expected = "; expected exactly \"period,group,mode,count,source,release\"";
  std::string path = test_file("departures_missing_column.csv");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_departures_csv(std::filesystem::path(path)); }) ==
             path + ": wrong header \"period,group,mode,count,source\" (missing \"release\")" + expected);
  path = test_file("departures_misordered_header.csv");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_departures_csv(std::filesystem::path(path)); }) ==
             path + ": wrong header \"group,period,mode,count,source,release\" (columns in the wrong order)" +
                 expected);
  // A counts file is not a departures file.
  std::istringstream counts("period,category,nationality,count,source,release\n");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::read_departures_csv(counts, "x.csv"); }) ==
             "x.csv: wrong header \"period,category,nationality,count,source,release\" (missing \"group\", \"mode\"; "
             "extra \"category\", \"nationality\")" +
                 expected);
  const std::string missing = test_file("no_such_departures.csv");
  BOOST_TEST(contains(
      message_of<kc::invalid_input>([&] { (void)kc::read_departures_csv(std::filesystem::path(missing)); }), missing));
}

BOOST_AUTO_TEST_CASE(rows_print_readably_and_combine) {
  std::istringstream in("period,group,mode,count,source,release\n2021,all,forced,1630,DT&V cijfers,2022-02\n");
  const auto rows = kc::read_departure_rows(in, "d.csv");
  BOOST_TEST(rows.size() == 1u);
  std::ostringstream out;
  out << rows[0];
  BOOST_TEST(out.str() == "2021 all forced 1630 (DT&V cijfers, release 2022-02, line 2)");
  BOOST_TEST((load("departures_valid.csv") == load("departures_valid.csv")));
}

BOOST_AUTO_TEST_CASE(golden_departures_read) {
  const auto table = load("golden_mei_2021_departures.csv");
  const auto all = table.figures(departure_group::all, whole_year(2021));
  BOOST_TEST(all.total() == 7686);
  BOOST_TEST(all.supervised() == 3920);
  const auto criminal = table.figures(departure_group::criminal, whole_year(2021));
  BOOST_TEST(criminal.total() == 388);
  BOOST_TEST(criminal.supervised() == 271);
}
