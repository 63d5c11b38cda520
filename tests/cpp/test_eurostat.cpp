#define BOOST_TEST_MODULE eurostat
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/eurostat.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace kc = kerncijfers;
using kerncijfers_test::message_of;

namespace {

const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;

std::filesystem::path hand(const std::string& name) { return test_data_dir + "/eurostat/" + name; }

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A block source that hands out `text` in blocks of `size` bytes, each in a buffer that is
// overwritten by the next call (as a real reader's buffer is).
class sliced_blocks {
 public:
  sliced_blocks(std::string_view text, std::size_t size) : text_(text), size_(size) {}
  std::span<const char> next() {
    const std::size_t n = std::min(size_, text_.size() - at_);
    buffer_.assign(text_.data() + at_, n);
    at_ += n;
    std::fill(scribble_.begin(), scribble_.end(), '#');
    return {buffer_.data(), n};
  }

 private:
  std::string_view text_;
  std::size_t size_;
  std::size_t at_ = 0;
  std::string buffer_;
  std::string scribble_;
};

// (geo, citizen, asyl_app, period) -> (value, flags, present) of every observation.
using observation_map = std::map<std::tuple<std::string, std::string, std::string, std::string>,
                                 std::tuple<std::int64_t, std::string, int>>;

observation_map observations(const kc::eurostat_data& d) {
  observation_map out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    out[{d.geo_codes[d.geo[i]], d.citizen_codes[d.citizen[i]], d.asyl_app_codes[d.asyl_app[i]],
         kc::iso(d.periods[d.period[i]])}] = {d.value[i], d.flags[i].letters(), d.present[i]};
  }
  return out;
}

// The observations of the hand-written files with the default selection (sex T, age TOTAL,
// unit PER): counted by hand from the files.
const observation_map expected_hand = {
    {{"DE", "SY", "NASY_APP", "2020"}, {36435, "e", 1}},    {{"DE", "SY", "NASY_APP", "2021"}, {54905, "", 1}},
    {{"DE", "TOTAL", "NASY_APP", "2020"}, {102525, "", 1}}, {{"DE", "TOTAL", "NASY_APP", "2021"}, {0, "c", 0}},
    {{"NL", "SY", "NASY_APP", "2020"}, {4130, "", 1}},      {{"NL", "SY", "NASY_APP", "2021"}, {8385, "p", 1}},
    {{"NL", "TOTAL", "ASY_APP", "2020"}, {15255, "", 1}},   {{"NL", "TOTAL", "ASY_APP", "2021"}, {26510, "", 1}},
    {{"NL", "TOTAL", "NASY_APP", "2020"}, {13715, "", 1}},  {{"NL", "TOTAL", "NASY_APP", "2021"}, {24755, "p", 1}},
};

const char* const hand_files[] = {"hand_bulk.tsv", "hand_bulk_old.tsv", "hand_sdmx.csv", "hand_sdmx2.csv",
                                  "hand_tidy.csv"};

kc::eurostat_data text(std::string_view t, const kc::eurostat_selection& s = {}) {
  return kc::read_eurostat_text(t, "t.csv", s);
}

constexpr std::string_view tidy_header = "freq,citizen,sex,unit,age,asyl_app,geo,time,values\n";

}  // namespace

BOOST_AUTO_TEST_CASE(every_layout_reads_the_same_observations) {
  const kc::eurostat_layout layouts[] = {kc::eurostat_layout::bulk_tsv, kc::eurostat_layout::bulk_tsv,
                                         kc::eurostat_layout::sdmx_csv, kc::eurostat_layout::sdmx_csv_2,
                                         kc::eurostat_layout::tidy_csv};
  const kc::eurostat_data first = kc::read_eurostat(hand(hand_files[0]));
  for (std::size_t i = 0; i < std::size(hand_files); ++i) {
    BOOST_TEST_CONTEXT(hand_files[i]) {
      const kc::eurostat_data d = kc::read_eurostat(hand(hand_files[i]));
      BOOST_TEST(d.layout == layouts[i]);
      BOOST_TEST((observations(d) == expected_hand));
      // Canonical: the same columns and dictionaries whatever the layout and row order.
      BOOST_TEST(d.geo_codes == (std::vector<std::string>{"DE", "NL"}), boost::test_tools::per_element());
      BOOST_TEST(d.citizen_codes == (std::vector<std::string>{"SY", "TOTAL"}), boost::test_tools::per_element());
      BOOST_TEST(d.asyl_app_codes == (std::vector<std::string>{"ASY_APP", "NASY_APP"}),
                 boost::test_tools::per_element());
      BOOST_TEST((d.periods == std::vector<kc::count_period>{kc::year(2020), kc::year(2021)}));
      BOOST_TEST(d.geo == first.geo, boost::test_tools::per_element());
      BOOST_TEST(d.citizen == first.citizen, boost::test_tools::per_element());
      BOOST_TEST(d.asyl_app == first.asyl_app, boost::test_tools::per_element());
      BOOST_TEST(d.period == first.period, boost::test_tools::per_element());
      BOOST_TEST(d.value == first.value, boost::test_tools::per_element());
      BOOST_TEST(d.present == first.present, boost::test_tools::per_element());
      BOOST_TEST((d.flags == first.flags));
      BOOST_TEST(d.source_multiple == 5);
      BOOST_TEST(d.file == hand(hand_files[i]).string());
    }
  }
}

BOOST_AUTO_TEST_CASE(observations_are_sorted_by_geo_asyl_app_citizen_period) {
  const kc::eurostat_data d = kc::read_eurostat(hand("hand_sdmx2.csv"));
  BOOST_TEST(d.size() == 10U);
  // DE NASY_APP SY 2020 first, NL NASY_APP TOTAL 2021 last.
  BOOST_TEST(d.geo.front() == 0);
  BOOST_TEST(d.value.front() == 36435);
  BOOST_TEST(d.value.back() == 24755);
  BOOST_TEST(d.value[4] == 15255);  // NL ASY_APP TOTAL 2020 comes before NL NASY_APP
}

BOOST_AUTO_TEST_CASE(sdmx_csv_gives_dataset_and_release) {
  const kc::eurostat_data d = kc::read_eurostat(hand("hand_sdmx.csv"));
  BOOST_TEST(d.dataset == "migr_asyappctza");
  BOOST_TEST(d.release == kc::release::from_date(2024, 2, 15));
  BOOST_TEST(d.last_update == "15/02/24 23:00:00");
  const kc::eurostat_data d2 = kc::read_eurostat(hand("hand_sdmx2.csv"));
  BOOST_TEST(d2.dataset == "migr_asyappctza");
  BOOST_TEST(!d2.release.is_dated());
  BOOST_TEST(d2.last_update == "");
  const kc::eurostat_data tsv = kc::read_eurostat(hand("hand_bulk.tsv"));
  BOOST_TEST(tsv.dataset == "");
  BOOST_TEST(!tsv.release.is_dated());
}

BOOST_AUTO_TEST_CASE(the_latest_last_update_is_the_release) {
  const auto d = text(
      "DATAFLOW,LAST UPDATE,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE\n"
      "ESTAT:MIGR_ASYAPPCTZM(1.0),01/03/24 11:00:00,SY,NASY_APP,NL,2021-05,10\n"
      "ESTAT:MIGR_ASYAPPCTZM(1.0),2024-04-02,SY,NASY_APP,NL,2021-06,15\n"
      "ESTAT:MIGR_ASYAPPCTZM(1.0),28/02/24,SY,NASY_APP,NL,2021-07,20\n");
  BOOST_TEST(d.release == kc::release::from_date(2024, 4, 2));
  BOOST_TEST(d.last_update == "2024-04-02");
  BOOST_TEST(d.dataset == "migr_asyappctzm");
}

BOOST_AUTO_TEST_CASE(dataset_from_the_file_name) {
  const std::string body = std::string(tidy_header) + "A,SY,T,PER,TOTAL,NASY_APP,NL,2021,5\n";
  BOOST_TEST(kc::read_eurostat_text(body, "/data/migr_asyappctza_2008_2022.csv.gz").dataset == "migr_asyappctza");
  BOOST_TEST(kc::read_eurostat_text(body, "estat_migr_asyappctzm.tsv").dataset == "migr_asyappctzm");
  BOOST_TEST(kc::read_eurostat_text(body, "MIGR_ASYAPPCTZM.csv").dataset == "migr_asyappctzm");
  BOOST_TEST(kc::read_eurostat_text(body, "data.csv").dataset == "");
  BOOST_TEST(kc::read_eurostat_text(body).dataset == "");
  BOOST_TEST(kc::read_eurostat_text(body).file == "<text>");
}

BOOST_AUTO_TEST_CASE(periods_of_every_form) {
  const auto monthly = kc::read_eurostat(hand("hand_bulk_monthly.tsv"));
  BOOST_TEST((monthly.periods == std::vector<kc::count_period>{kc::month(2021, 4), kc::month(2021, 5)}));
  BOOST_TEST(monthly.size() == 4U);
  BOOST_TEST(monthly.value == (std::vector<std::int64_t>{560, 1120, 1590, 0}), boost::test_tools::per_element());
  BOOST_TEST(monthly.present == (std::vector<std::uint8_t>{1, 1, 1, 0}), boost::test_tools::per_element());
  BOOST_TEST(monthly.flags[1].letters() == "p");
  const auto quarterly = kc::read_eurostat(hand("hand_sdmx_quarterly.csv"));
  BOOST_TEST((quarterly.periods == std::vector<kc::count_period>{kc::quarter(2021, 1), kc::quarter(2021, 2)}));
  BOOST_TEST(quarterly.value == (std::vector<std::int64_t>{1905, 2210}), boost::test_tools::per_element());

  const auto forms = text(
      "citizen,asyl_app,geo,time,values\n"
      "SY,NASY_APP,NL,2021-05,1\nSY,NASY_APP,NL,2021M06,2\nSY,NASY_APP,NL,2021-Q3,3\nSY,NASY_APP,NL,2021Q4,4\n"
      "SY,NASY_APP,NL,2022,5\n");
  BOOST_TEST(
      (forms.periods == std::vector<kc::count_period>{kc::month(2021, 5), kc::month(2021, 6), kc::quarter(2021, 3),
                                                      kc::quarter(2021, 4), kc::year(2022)}));
  const auto dates = text(
      "freq,citizen,asyl_app,geo,time,values\n"
      "A,SY,NASY_APP,NL,2021-01-01,1\nQ,SY,NASY_APP,NL,2021-04-01,2\nM,SY,NASY_APP,NL,2021-05-01,3\n");
  BOOST_TEST(
      (dates.periods == std::vector<kc::count_period>{kc::month(2021, 5), kc::quarter(2021, 2), kc::year(2021)}));
}

BOOST_AUTO_TEST_CASE(selections) {
  kc::eurostat_selection s;
  s.geo = {"NL"};
  const auto nl = kc::read_eurostat(hand("hand_bulk.tsv"), s);
  BOOST_TEST(nl.geo_codes == (std::vector<std::string>{"NL"}), boost::test_tools::per_element());
  BOOST_TEST(nl.size() == 6U);
  s.sex = "F";
  const auto women = kc::read_eurostat(hand("hand_tidy.csv"), s);
  BOOST_TEST(women.value == (std::vector<std::int64_t>{1405, 2850, 4080, 6875}), boost::test_tools::per_element());
  s = {};
  s.age = "Y_LT14";
  s.periods = {kc::year(2021)};
  const auto young = kc::read_eurostat(hand("hand_sdmx.csv"), s);
  BOOST_TEST(young.value == (std::vector<std::int64_t>{1920}), boost::test_tools::per_element());
  BOOST_TEST((young.periods == std::vector<kc::count_period>{kc::year(2021)}));
  s = {};
  s.citizen = {"TOTAL", "XX"};
  s.asyl_app = {"ASY_APP"};
  s.freq = {"A"};
  for (const char* f : hand_files) {
    const auto all = kc::read_eurostat(hand(f), s);
    BOOST_TEST(all.value == (std::vector<std::int64_t>{15255, 26510}), boost::test_tools::per_element());
  }
  s = {};
  s.freq = {"M"};
  BOOST_TEST(kc::read_eurostat(hand("hand_bulk.tsv"), s).empty());
  s.unit = "THS_PER";
  BOOST_TEST(kc::read_eurostat(hand("hand_sdmx2.csv"), s).empty());
  // A file without the sex column is not filtered on it.
  BOOST_TEST(text("citizen,asyl_app,geo,time,values\nSY,NASY_APP,NL,2021,5\n").size() == 1U);
}

// A dropped row lets the reader drop the following rows that repeat its bytes up to the
// dropping field's comma; a row that shares fewer bytes, or the same bytes without that comma,
// is read in full.
BOOST_AUTO_TEST_CASE(rows_after_a_dropped_row_are_read_on_their_own_fields) {
  std::string csv = "freq,citizen,sex,unit,age,asyl_app,geo,time,values\n";
  std::vector<std::int64_t> expected;
  for (std::size_t k = 1; k <= 40; ++k) {
    const std::string citizen(k, 'X');
    const auto value = static_cast<std::int64_t>(5 * k);
    csv += "A," + citizen + ",T,PER,TOTAL,NASY_APP,NL,2021,1\n";  // dropped: sex T, not TT
    csv += "A," + citizen + ",TT,PER,TOTAL,NASY_APP,NL,2021," + std::to_string(value) + "\n";
    csv += "A," + citizen + ",TT,PER,Y_LT14,NASY_APP,NL,2021,2\n";  // dropped: age
    csv += "A," + citizen + ",TT,PER,TOTAL,NASY_APP,DE,2021," + std::to_string(value + 1000) + "\n";
    csv += "A," + citizen + ",\"T\",PER,TOTAL,NASY_APP,BE,2021,3\n";  // dropped, quoted
    csv += "A," + citizen + ",\"TT\",PER,TOTAL,NASY_APP,BE,2021," + std::to_string(value + 2000) + "\n";
    expected.insert(expected.end(), {value, value + 1000, value + 2000});
  }
  kc::eurostat_selection s;
  s.sex = "TT";
  auto got = text(csv, s).value;
  std::sort(got.begin(), got.end());
  std::sort(expected.begin(), expected.end());
  BOOST_TEST(got == expected, boost::test_tools::per_element());
  // A short line after a dropped row is still a short line.
  BOOST_TEST(message_of<kc::csv::format_error>([&] {
               (void)text(
                   "freq,citizen,sex,unit,age,asyl_app,geo,time,values\nA,SY,F,PER,TOTAL,NASY_APP,NL,2021,5\nA,SY\n");
             }) == "t.csv, line 3, column 3 (\"sex\"): missing field: the record has 2 fields, the header has 9");
}

BOOST_AUTO_TEST_CASE(an_empty_selection_of_one_code_is_refused) {
  kc::eurostat_selection s;
  s.sex = "";
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)text(tidy_header, s); }) ==
             "the Eurostat selection of sex is empty: it selects one code (Eurostat's default for the key figures: T)");
}

BOOST_AUTO_TEST_CASE(every_block_size_reads_the_same) {
  for (const char* f : hand_files) {
    const std::string whole = slurp(hand(f));
    const kc::eurostat_data expected = kc::read_eurostat_text(whole, f);
    for (std::size_t size = 1; size <= whole.size() + 1; ++size) {
      sliced_blocks blocks(whole, size);
      const kc::eurostat_data d = kc::read_eurostat_blocks(blocks, f);
      if (!(d == expected)) BOOST_FAIL(std::string(f) + ": block size " + std::to_string(size) + " differs");
    }
  }
  // Errors name the same line whatever the block size.
  const std::string bad =
      std::string(tidy_header) + "A,SY,T,PER,TOTAL,NASY_APP,NL,2021,5\r\n\nA,SY,T,PER,TOTAL,NASY_APP,DE,2021,1x\n";
  const std::string expected = message_of<kc::csv::value_error>([&] { (void)text(bad); });
  BOOST_TEST(expected ==
             "cannot parse \"1x\" as a count (a whole number of people, at least 0, digits only; \":\" or empty when "
             "missing) in t.csv, line 4, column 9 (\"values\")");
  for (std::size_t size = 1; size <= bad.size(); ++size) {
    sliced_blocks blocks(bad, size);
    BOOST_TEST(message_of<kc::csv::value_error>([&] { (void)kc::read_eurostat_blocks(blocks, "t.csv"); }) == expected);
  }
}

BOOST_AUTO_TEST_CASE(values_and_flags) {
  const auto d = text(
      "citizen,asyl_app,geo\\TIME_PERIOD\t2018\t2019 \t2020\t2021\t2022 \t2023\n"
      "SY,NASY_APP,NL\t0\t12 ep\t:\t: c  \t:z\t24755.0  \n");
  BOOST_TEST(d.value == (std::vector<std::int64_t>{0, 12, 0, 0, 0, 24755}), boost::test_tools::per_element());
  BOOST_TEST(d.present == (std::vector<std::uint8_t>{1, 1, 0, 0, 0, 1}), boost::test_tools::per_element());
  std::vector<std::string> letters;
  for (const auto& f : d.flags) letters.push_back(f.letters());
  BOOST_TEST(letters == (std::vector<std::string>{"", "ep", "", "c", "z", ""}), boost::test_tools::per_element());
  BOOST_TEST(d.flags[1].provisional());
  BOOST_TEST(d.flags[1].estimated());
  const auto missing = text(
      "citizen,asyl_app,geo,time,values\nSY,NASY_APP,NL,2020,NA\nSY,NASY_APP,NL,2021,\nSY,NASY_APP,NL,2022,:\n"
      "SY,NASY_APP,NL,2023,9223372036854775807\n");
  BOOST_TEST(missing.present == (std::vector<std::uint8_t>{0, 0, 0, 1}), boost::test_tools::per_element());
  BOOST_TEST(missing.value.back() == 9223372036854775807);
}

BOOST_AUTO_TEST_CASE(bad_values_name_file_line_column_and_value) {
  const auto tsv = [](std::string_view cell) {
    return message_of<kc::csv::value_error>([&] {
      (void)text("citizen,asyl_app,geo\\TIME_PERIOD\t2020 \t2021 \nSY,NASY_APP,NL\t5\t" + std::string(cell) + "\n");
    });
  };
  const std::string count = "a count (a whole number of people, at least 0, digits only; \":\" or empty when missing)";
  BOOST_TEST(tsv("12x") == "cannot parse \"12x\" as " + count + " in t.csv, line 2, column 3 (\"2021\")");
  BOOST_TEST(tsv("-5") == "cannot parse \"-5\" as " + count + " in t.csv, line 2, column 3 (\"2021\")");
  BOOST_TEST(tsv("1.5") == "cannot parse \"1.5\" as " + count + " in t.csv, line 2, column 3 (\"2021\")");
  BOOST_TEST(tsv("1,120") == "cannot parse \"1,120\" as " + count + " in t.csv, line 2, column 3 (\"2021\")");
  BOOST_TEST(tsv("99999999999999999999") ==
             "cannot parse \"99999999999999999999\" as a count that fits in 64 bits in t.csv, line 2, column 3 "
             "(\"2021\")");
  BOOST_TEST(tsv("12 P") ==
             "cannot parse \"12 P\" as a value with observation flags (a count or \":\", then flag letters a-z, e.g. "
             "\"1234 p\"); unknown flag character \"P\" in t.csv, line 2, column 3 (\"2021\")");
  BOOST_TEST(tsv(": *").find("unknown flag character \"*\"") != std::string::npos);
  BOOST_TEST(tsv("") == "missing value \"\" where " + count + " was expected in t.csv, line 2, column 3 (\"2021\")");
  const auto sdmx = message_of<kc::csv::value_error>([] {
    (void)text(
        "DATAFLOW,LAST UPDATE,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
        "ESTAT:MIGR_ASYAPPCTZM(1.0),01/03/24,SY,NASY_APP,NL,2021-05,10,P\n");
  });
  BOOST_TEST(sdmx.find("unknown flag character \"P\" in t.csv, line 2, column 8 (\"OBS_FLAG\")") != std::string::npos);
  const auto update = message_of<kc::csv::value_error>([] {
    (void)text(
        "DATAFLOW,LAST UPDATE,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE\n"
        "ESTAT:MIGR_ASYAPPCTZM(1.0),31/02/24,SY,NASY_APP,NL,2021-05,10\n");
  });
  BOOST_TEST(update ==
             "cannot parse \"31/02/24\" as a LAST UPDATE date (DD/MM/YY HH:MM:SS or YYYY-MM-DD) in t.csv, line 2, "
             "column 2 (\"LAST UPDATE\")");
  const auto code = message_of<kc::csv::value_error>(
      [] { (void)text("citizen,asyl_app,geo,time,values\nS Y,NASY_APP,NL,2021,5\n"); });
  BOOST_TEST(code ==
             "cannot parse \"S Y\" as a Eurostat code (printable ASCII without spaces) in t.csv, line 2, column 1 "
             "(\"citizen\")");
  const auto action = message_of<kc::csv::value_error>([] {
    (void)text(
        "STRUCTURE,STRUCTURE_ID,ACTION,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE\n"
        "dataflow,ESTAT:MIGR_ASYAPPCTZM(1.0),D,SY,NASY_APP,NL,2021-05,10\n");
  });
  BOOST_TEST(action.find("\"D\" as an SDMX-CSV action") != std::string::npos);
  BOOST_TEST(action.find("line 2, column 3 (\"ACTION\")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_periods) {
  const auto tidy = [](std::string_view freq, std::string_view time) {
    return message_of<kc::csv::value_error>([&] {
      (void)text("freq,citizen,asyl_app,geo,time,values\n" + std::string(freq) + ",SY,NASY_APP,NL," +
                 std::string(time) + ",5\n");
    });
  };
  const std::string expected =
      "a period (YYYY, YYYY-MM or YYYYMmm, YYYY-Qn or YYYYQn, or in the tidy layout a date YYYY-MM-DD on the first "
      "day of a period of the row's freq)";
  BOOST_TEST(tidy("M", "2021-13") ==
             "cannot parse \"2021-13\" as " + expected + " in t.csv, line 2, column 5 (\"time\")");
  BOOST_TEST(tidy("A", "2021-05") == "cannot parse \"2021-05\" as " + expected +
                                         ": the row's freq is \"A\" but this is a month in t.csv, line 2, column 5 "
                                         "(\"time\")");
  BOOST_TEST(tidy("A", "2021-02-01").find(": with freq A a date is the first of January in") != std::string::npos);
  BOOST_TEST(tidy("Q", "2021-05-01").find(": with freq Q a date is the first day of a quarter") != std::string::npos);
  BOOST_TEST(tidy("M", "2021-05-02").find(": a date stands for the period that starts on it") != std::string::npos);
  BOOST_TEST(tidy("W", "2021-W19").find("weekly periods are not supported") != std::string::npos);
  BOOST_TEST(tidy("M", "2021-02-30").find("cannot parse \"2021-02-30\"") != std::string::npos);
  BOOST_TEST(tidy("Q", "2021-Q5").find("cannot parse \"2021-Q5\"") != std::string::npos);
  BOOST_TEST(tidy("A", "21").find("cannot parse \"21\"") != std::string::npos);
  BOOST_TEST(message_of<kc::csv::value_error>([] {
               (void)text("citizen,asyl_app,geo\\time\t2021 \t2021M13 \nSY,NASY_APP,NL\t1\t2\n");
             }) == "cannot parse \"2021M13 \" as " + expected + " in t.csv, line 1, column 3 (\"2021M13\")");
  BOOST_TEST(message_of<kc::csv::format_error>([] {
               (void)text("citizen,asyl_app,geo\\time\t2021 \t2021\nSY,NASY_APP,NL\t1\t2\n");
             }) == "t.csv, line 1, column 3 (\"2021\"): period \"2021\" is also column 2");
  // The freq of a TSV row must match its period columns.
  BOOST_TEST(message_of<kc::csv::value_error>([] {
               (void)text("freq,citizen,asyl_app,geo\\time\t2021 \nM,SY,NASY_APP,NL\t1\n");
             }).find("line 2, column 1 (\"freq\")") != std::string::npos);
  // A date in a layout other than the tidy one is no period.
  BOOST_TEST(
      message_of<kc::csv::value_error>([] {
        (void)text(
            "DATAFLOW,freq,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE\nX:Y(1.0),A,SY,NASY_APP,NL,2021-01-01,5\n");
      }).find("cannot parse \"2021-01-01\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(layouts_and_headers) {
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("a,b,c\n1,2,3\n"); }) ==
             "t.csv, line 1: unknown layout: the header \"a,b,c\" is none of Eurostat's layouts (bulk TSV: "
             "\"freq,...,geo\\TIME_PERIOD\" then a tab and the periods; SDMX-CSV: \"DATAFLOW,LAST UPDATE,...\" or "
             "\"STRUCTURE,STRUCTURE_ID,...\"; the tidy CSV of the eurostat packages: \"freq,...,geo,time,values\")");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text(""); }) == "t.csv, line 1: the input is empty");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("\n\r\n"); }) == "t.csv, line 2: the input is empty");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("freq,sex,geo,time,values\n"); }) ==
             "t.csv, line 1: missing columns \"citizen\", \"asyl_app\" (the header has \"freq\", \"sex\", \"geo\", "
             "\"time\", \"values\")");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("citizen,asyl_app,geo,values\n"); }) ==
             "t.csv, line 1: missing column \"time\" (the header has \"citizen\", \"asyl_app\", \"geo\", \"values\")");
  BOOST_TEST(message_of<kc::csv::format_error>(
                 [] { (void)text("DATAFLOW,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE,decision\n"); }) ==
             "t.csv, line 1, column 7 (\"decision\"): unknown column \"decision\" (Eurostat's asylum dimensions "
             "are freq, unit, citizen, sex, age, asyl_app and geo; SDMX attributes are upper-case)");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("citizen,asyl_app,GEO,geo,time,values\n"); }) ==
             "t.csv, line 1, column 4 (\"geo\"): column \"geo\" means the same as column 3 (\"GEO\")");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("citizen,asyl_app,sexe,geo\\TIME_PERIOD\t2021\n"); }) ==
             "t.csv, line 1, column 1: unknown dimension \"sexe\" in the first header cell "
             "\"citizen,asyl_app,sexe,geo\\\\TIME_PERIOD\" (Eurostat's asylum dimensions are freq, unit, citizen, sex, "
             "age, asyl_app and geo)");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text("citizen,asyl_app\\TIME_PERIOD\t2021\n"); }) ==
             "t.csv, line 1: missing column \"geo\" (the header has \"citizen\", \"asyl_app\")");
  // Upper-case names and the tidy layout's TIME_PERIOD, CRLF and a BOM.
  const auto d = text(
      "\xEF\xBB\xBF"
      "CITIZEN,Asyl_App,geo,TIME_PERIOD,values\r\nSY,NASY_APP,NL,2021,5\r\n");
  BOOST_TEST(d.value == (std::vector<std::int64_t>{5}), boost::test_tools::per_element());
  BOOST_TEST(d.layout == kc::eurostat_layout::tidy_csv);
  // An empty file after the header: no observations.
  BOOST_TEST(text(tidy_header).empty());
}

BOOST_AUTO_TEST_CASE(wrong_numbers_of_fields) {
  BOOST_TEST(message_of<kc::csv::format_error>([] {
               (void)text(std::string(tidy_header) + "A,SY,T,PER,TOTAL,NASY_APP,NL,2021\n");
             }) == "t.csv, line 2, column 9 (\"values\"): missing field: the record has 8 fields, the header has 9");
  BOOST_TEST(message_of<kc::csv::format_error>([] {
               (void)text(std::string(tidy_header) + "A,SY,T,PER,TOTAL,NASY_APP,NL,2021,5,x\n");
             }) == "t.csv, line 2, column 10: extra field \"x\": the record has more than the 9 fields of the header");
  const std::string tsv = "citizen,asyl_app,geo\\TIME_PERIOD\t2020 \t2021 \n";
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)text(tsv + "SY,NASY_APP,NL\t5\n"); }) ==
             "t.csv, line 2, column 3 (\"2021\"): missing value: the line has 1 value, the header has 2 periods");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)text(tsv + "SY,NASY_APP,NL\t5\t6\t7\n"); }) ==
             "t.csv, line 2, column 4: extra value \"7\": the header has 2 periods");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)text(tsv + "SY,NASY_APP\t5\t6\n"); }) ==
             "t.csv, line 2: the first cell \"SY,NASY_APP\" has 2 dimension codes, the header names 3");
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)text(tsv + "SY,NASY_APP,NL,X\t5\t6\n"); }) ==
             "t.csv, line 2: the first cell \"SY,NASY_APP,NL,X\" has more than the 3 dimension codes the header names");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)text(std::string(tidy_header) + "A,\"SY,T,PER\n"); }) ==
             "t.csv, line 2, column 2 (\"citizen\"): quoted field is never closed on this line (a line break inside a "
             "quoted field is not part of Eurostat's layouts)");
  BOOST_TEST(message_of<kc::csv::format_error>(
                 [] { (void)text(std::string(tidy_header) + "A,S\"Y,T,PER,TOTAL,NASY_APP,NL,2021,5\n"); }) ==
             "t.csv, line 2, column 2 (\"citizen\"): quote inside an unquoted field \"S\"; quote the whole field and "
             "double the quote (\"\")");
  // Rows the selection drops are read only up to the code that drops them.
  BOOST_TEST(text(std::string(tidy_header) + "A,SY,F,PER,TOTAL,NASY_APP,NL,2021,5,6,7\n").empty());
}

BOOST_AUTO_TEST_CASE(duplicates_are_refused) {
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)text(std::string(tidy_header) +
                          "A,SY,T,PER,TOTAL,NASY_APP,NL,2021,5\nA,SY,T,PER,TOTAL,NASY_APP,DE,2021,5\n"
                          "A,SY,T,PER,TOTAL,NASY_APP,NL,2021-01-01,10\n");
             }) ==
             "t.csv: duplicate observation geo \"NL\", citizen \"SY\", asyl_app \"NASY_APP\", period 2021 on lines "
             "2 and 4 (one observation per dimension codes and period; a dimension the selection does not fix, "
             "such as sex, age or unit in a file without that column, cannot repeat)");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)text("citizen,asyl_app,geo\\TIME_PERIOD\t2021 \nSY,NASY_APP,NL\t5\nSY,NASY_APP,NL\t5\n");
             }).find("on lines 2 and 3") != std::string::npos);
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)text(
                   "DATAFLOW,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE\nESTAT:MIGR_ASYAPPCTZA(1.0),SY,NASY_APP,NL,"
                   "2021,5\nESTAT:MIGR_ASYAPPCTZM(1.0),SY,NASY_APP,NL,2021,5\n");
             }) == "t.csv, line 3: the file mixes datasets \"migr_asyappctza\" and \"migr_asyappctzm\"");
}

BOOST_AUTO_TEST_CASE(files_that_cannot_be_read) {
  const auto dir = std::filesystem::temp_directory_path() / "kc_test_eurostat_dir";
  std::filesystem::create_directories(dir);
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::read_eurostat(dir); }).find("is a directory") !=
             std::string::npos);
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::read_eurostat(dir / "missing.tsv"); }).find("cannot open") !=
             std::string::npos);
  const auto gz = dir / "x.csv.gz";
  {
    std::ofstream out(gz, std::ios::binary);
    out << "\x1f\x8b\x08" << std::string(20, '\0');
  }
  // A gzip file is inflated (input_blocks); a corrupt one is an error naming the file.
  const std::string corrupt = message_of<kc::csv::read_error>([&] { (void)kc::read_eurostat(gz); });
  BOOST_TEST(corrupt.rfind(gz.string(), 0) == 0);
  std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(value_semantics) {
  const auto a = kc::read_eurostat(hand("hand_bulk.tsv"));
  auto b = a;
  BOOST_TEST((a == b));
  b.value[0] += 5;
  BOOST_TEST(!(a == b));
  BOOST_TEST(kc::to_string(kc::eurostat_layout::sdmx_csv_2) == "sdmx_csv_2");
}

BOOST_AUTO_TEST_CASE(count_rows_of_one_reporting_country) {
  const auto d = text(
      "DATAFLOW,LAST UPDATE,citizen,asyl_app,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,TOTAL,NASY_APP,NL,2021,24755,p\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,SY,NASY_APP,NL,2021,8385,\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,UNK,NASY_APP,NL,2021,830,\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,STLS,NASY_APP,NL,2021,45,\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,EXT_EU27_2020,NASY_APP,NL,2021,24725,\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,EL,SSEQ,NL,2021,5,e\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,SY,ASY_APP,NL,2021,9000,\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,AF,NASY_APP,NL,2021,,c\n"
      "ESTAT:MIGR_ASYAPPCTZA(1.0),15/02/24 23:00:00,SY,NASY_APP,DE,2021,54905,\n");
  const std::vector<kc::count_row> rows = kc::eurostat_count_rows(d, "NL");
  std::vector<std::string> shown;
  for (const kc::count_row& r : rows) {
    std::ostringstream out;
    out << r;
    shown.push_back(out.str());
  }
  BOOST_TEST(
      shown == (std::vector<std::string>{
                   "2021 first_application XXA 45 (Eurostat migr_asyappctza, release 2024-02-15, rounded to 5)",
                   "2021 first_application SYR 8385 (Eurostat migr_asyappctza, release 2024-02-15, rounded to 5)",
                   "2021 first_application TOTAL 24755 p (Eurostat migr_asyappctza, release 2024-02-15, rounded to 5)",
                   "2021 first_application XXX 830 (Eurostat migr_asyappctza, release 2024-02-15, rounded to 5)",
                   "2021 repeat_application GRC 5 e (Eurostat migr_asyappctza, release 2024-02-15, rounded to 5)"}),
      boost::test_tools::per_element());
  BOOST_TEST(rows[0].file == "t.csv");
  BOOST_TEST(rows[0].release == kc::release::from_date(2024, 2, 15));
  BOOST_TEST(rows[0].line == 0U);
  BOOST_TEST(rows[2].flags.provisional());
  BOOST_TEST(rows[4].flags.estimated());
  BOOST_TEST(rows[0].source_multiple == 5);
  const auto table = kc::counts_table::from_rows(rows, d.file);
  BOOST_TEST(table.total(kc::category::first_application, kc::months_of(kc::year(2021))).value == 24755);
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::eurostat_count_rows(d, "FR"); }) ==
             "t.csv: no observations of geo \"FR\" (the data has DE, NL)");
  const auto odd = text("citizen,asyl_app,geo,time,values\nQQ,NASY_APP,NL,2021,5\n");
  BOOST_TEST(message_of<kc::unknown_code>([&] { (void)kc::eurostat_count_rows(odd, "NL"); }).find("\"QQ\"") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_dataset_from_a_file_name) {
  const std::string body = "citizen,asyl_app,geo,time,values\nSY,NASY_APP,NL,2021,5\n";
  const auto dataset = [&](std::string_view name) { return kc::read_eurostat_text(body, name).dataset; };
  BOOST_TEST(dataset("dir/extract_migr_asyappctza_T_TOTAL.csv.gz") == "migr_asyappctza");
  BOOST_TEST(dataset("data/eurostat_migr_asyappctza_NL.csv") == "migr_asyappctza");
  BOOST_TEST(dataset("estat_migr_asyappctzm.tsv.gz") == "migr_asyappctzm");
  BOOST_TEST(dataset("migr_asyappctza_2008_2022.csv.gz") == "migr_asyappctza");
  BOOST_TEST(dataset("C:\\data\\MIGR_ASYAPPCTZA.csv") == "migr_asyappctza");
  BOOST_TEST(dataset("remigr_x.csv").empty());
  BOOST_TEST(dataset("migr_.csv").empty());
  BOOST_TEST(dataset("counts.csv").empty());
}
