#define BOOST_TEST_MODULE cbs
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/cbs.hpp>

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;
using kerncijfers_test::message_of;

namespace {

const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;

std::filesystem::path cbs_file(const std::string& name) { return test_data_dir + "/cbs/" + name; }

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A temporary directory, removed at the end of the test.
struct temp_dir {
  std::filesystem::path path;
  temp_dir() {
    path = std::filesystem::temp_directory_path() /
           ("kc_cbs_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
};

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

void write_gzip(const std::filesystem::path& path, const std::string& text) {
  gzFile f = gzopen(path.string().c_str(), "wb");
  BOOST_REQUIRE(f != nullptr);
  BOOST_REQUIRE(gzwrite(f, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
  gzclose(f);
}

// The rows as "period category nationality count flags", sorted, for comparisons.
std::vector<std::string> summary(const kc::cbs_data& data) {
  std::vector<std::string> out;
  for (const kc::count_row& r : data.rows) {
    out.push_back(kc::iso(r.period) + " " + std::string(kc::to_string(r.category)) + " " +
                  std::string(r.nationality ? r.nationality->alpha3() : "TOTAL") + " " + std::to_string(r.count) +
                  (r.flags.empty() ? "" : " " + r.flags.letters()));
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string> small_expected = {
    "2020 family_reunification SYR 4100",       "2020 first_application SYR 4650",
    "2020 repeat_application SYR 250",          "2021-05 family_reunification SYR 160 p",
    "2021-05 family_reunification TOTAL 325 p", "2021-05 first_application SYR 520 p",
    "2021-05 first_application TOTAL 1880 p",   "2021-05 repeat_application SYR 20 p",
    "2021-05 repeat_application TOTAL 160 p",   "2021-Q2 family_reunification XXX 0 p",
    "2021-Q2 first_application XXX 45 p",       "2021-Q2 repeat_application XXX 0 p",
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture lacks " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vocabulary)

BOOST_AUTO_TEST_CASE(periods_from_keys_and_titles) {
  BOOST_TEST((kc::parse_cbs_period("2021MM05").period == kc::count_period(kc::month(2021, 5))));
  BOOST_TEST((kc::parse_cbs_period("2021KW02").period == kc::count_period(kc::quarter(2021, 2))));
  BOOST_TEST((kc::parse_cbs_period("2021JJ00").period == kc::count_period(kc::year(2021))));
  BOOST_TEST((kc::parse_cbs_period("2021 mei") == kc::cbs_period{kc::month(2021, 5), {}}));
  BOOST_TEST((kc::parse_cbs_period("2021 december") == kc::cbs_period{kc::month(2021, 12), {}}));
  BOOST_TEST((kc::parse_cbs_period("2021 2e kwartaal") == kc::cbs_period{kc::quarter(2021, 2), {}}));
  BOOST_TEST((kc::parse_cbs_period("2021") == kc::cbs_period{kc::year(2021), {}}));
  BOOST_TEST(kc::parse_cbs_period("2021 mei*").flags.letters() == "p");
  BOOST_TEST(kc::parse_cbs_period("2021 mei**").flags.letters() == "p");
  BOOST_TEST(kc::parse_cbs_period("2021*").flags.letters() == "p");
  BOOST_TEST((kc::parse_cbs_period(" 2021MM05 ").period == kc::count_period(kc::month(2021, 5))));
  for (const char* bad : {"2021MM13", "2021MM00", "2021KW05", "2021JJ01", "2021HJ01", "2021 Mei", "2021 5e kwartaal",
                          "2021-05", "mei 2021", "", "2021 mei***", "0000JJ00"}) {
    BOOST_TEST_CONTEXT(bad) {
      BOOST_TEST(message_of<kc::parse_error>([&] { (void)kc::parse_cbs_period(bad); }).starts_with("cannot parse"));
    }
  }
}

BOOST_AUTO_TEST_CASE(nationality_titles) {
  BOOST_TEST((kc::find_cbs_nationality("Syrisch")->nationality == kc::nationality::from_alpha3("SYR")));
  BOOST_TEST((kc::find_cbs_nationality(" Eritrees ")->nationality == kc::nationality::from_alpha3("ERI")));
  BOOST_TEST((kc::find_cbs_nationality("Onbekend")->nationality == kc::nationality::unknown()));
  BOOST_TEST((kc::find_cbs_nationality("Staatloos")->nationality == kc::nationality::stateless()));
  BOOST_TEST((kc::find_cbs_nationality("Syrië")->nationality == kc::nationality::from_alpha3("SYR")));
  BOOST_TEST((kc::find_cbs_nationality("Sovjet-Russisch")->nationality == kc::nationality::from_alpha3("SUN")));
  BOOST_TEST((kc::find_cbs_nationality("Totaal")->kind == kc::cbs_title_kind::total));
  for (const char* group : {"(voormalige) Sovjet-Unie", "(voormalig) Joegoslavië", "Europa", "Afrika", "Overig"}) {
    BOOST_TEST_CONTEXT(group) {
      BOOST_TEST(
          (kc::find_cbs_nationality(group) == kc::cbs_nationality_title{kc::cbs_title_kind::aggregate, std::nullopt}));
    }
  }
  BOOST_TEST(!kc::find_cbs_nationality("Syrish").has_value());
}

BOOST_AUTO_TEST_CASE(topics) {
  using k = kc::cbs_topic_kind;
  BOOST_TEST((kc::cbs_topic_category("EersteAsielverzoekenPersonen_2", "") ==
              kc::cbs_topic{k::category, kc::category::first_application}));
  BOOST_TEST((kc::cbs_topic_category("VolgendeAsielverzoeken_3", "") ==
              kc::cbs_topic{k::category, kc::category::repeat_application}));
  BOOST_TEST((kc::cbs_topic_category("NareizigersPersonen_4", "") ==
              kc::cbs_topic{k::category, kc::category::family_reunification}));
  BOOST_TEST((kc::cbs_topic_category("TotaalAsielverzoekenEnNareizigers_1", "").kind == k::total));
  BOOST_TEST((kc::cbs_topic_category("X", "Asielverzoeken en nareizigers/Eerste asielverzoeken (personen) (aantal)") ==
              kc::cbs_topic{k::category, kc::category::first_application}));
  BOOST_TEST((kc::cbs_topic_category("Bevolking_5", "Bevolking op 1 januari").kind == k::other));
  BOOST_TEST(
      message_of<kc::invalid_input>([] { (void)kc::cbs_topic_category("AsielverzoekenPer1000Inwoners_5", ""); }) ==
      "unknown CBS topic \"AsielverzoekenPer1000Inwoners_5\": it speaks of asylum or nareizigers but is none of "
      "the counts this reader maps (first applications, repeat applications, nareizigers, their total)");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(forms)

BOOST_AUTO_TEST_CASE(bundle) {
  const kc::cbs_data data = kc::read_cbs(cbs_file("small_bundle.json"));
  BOOST_TEST(summary(data) == small_expected, boost::test_tools::per_element());
  BOOST_TEST(data.table == "83102NED");
  BOOST_TEST(data.retrieved == "2026-12-07T22:30:00Z");
  BOOST_TEST(data.release == kc::release::from_date(2021, 6, 15));
  BOOST_TEST(data.ignored_topics.empty());
  for (const kc::count_row& r : data.rows) {
    BOOST_TEST(r.source == "CBS StatLine 83102NED");
    BOOST_TEST(r.source_multiple == 5);
    BOOST_TEST(r.release == kc::release::from_date(2021, 6, 15));
  }
  BOOST_TEST(kc::cbs_bundle_retrieved(cbs_file("small_bundle.json")) == "2026-12-07T22:30:00Z");
  // The counts table takes the rows as they are.
  const kc::counts_table table = data.table_of_counts("small_bundle.json");
  BOOST_TEST(table.size() == small_expected.size());
}

BOOST_AUTO_TEST_CASE(bundle_gzip_and_modified_option) {
  temp_dir dir;
  write_gzip(dir.path / "83102NED.json.gz", slurp(cbs_file("small_bundle.json")));
  kc::cbs_options options;
  options.modified = kc::release::from_date(2021, 7, 1);
  const kc::cbs_data data = kc::read_cbs(dir.path / "83102NED.json.gz", options);
  BOOST_TEST(summary(data) == small_expected, boost::test_tools::per_element());
  BOOST_TEST(data.release == kc::release::from_date(2021, 7, 1));
  BOOST_TEST(kc::cbs_bundle_retrieved(dir.path / "83102NED.json.gz") == "2026-12-07T22:30:00Z");
}

BOOST_AUTO_TEST_CASE(odata_directory_as_cbsodata_writes_it) {
  temp_dir dir;
  const nlohmann::json bundle = nlohmann::json::parse(slurp(cbs_file("small_bundle.json")));
  for (const auto& [name, value] : bundle["documents"].items()) write_file(dir.path / (name + ".json"), value.dump(2));
  const kc::cbs_data data = kc::read_cbs(dir.path);
  BOOST_TEST(summary(data) == small_expected, boost::test_tools::per_element());
  BOOST_TEST(data.retrieved.empty());
}

BOOST_AUTO_TEST_CASE(records) {
  kc::cbs_options options;
  options.modified = kc::release::from_date(2021, 6, 15);
  const kc::cbs_data data = kc::read_cbs_records_text(slurp(cbs_file("small_records.json")), "records", options);
  // Records carry no period status: no flags.
  std::vector<std::string> expected;
  for (std::string s : small_expected) {
    if (s.ends_with(" p")) s.resize(s.size() - 2);
    expected.push_back(s);
  }
  BOOST_TEST(summary(data) == expected, boost::test_tools::per_element());
  BOOST_TEST(data.release == kc::release::from_date(2021, 6, 15));
  // Untyped values (strings, padded) read the same.
  const kc::cbs_data untyped = kc::read_cbs_records_text(
      R"([{"ID": 0, "Nationaliteit": "Syrisch", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": "   520"}])");
  BOOST_TEST(summary(untyped) == std::vector<std::string>{"2021-05 first_application SYR 520"},
             boost::test_tools::per_element());
  BOOST_TEST(!untyped.release.is_dated());
}

BOOST_AUTO_TEST_CASE(statline_csv) {
  const kc::cbs_data data = kc::read_cbs(cbs_file("small_statline.csv"));
  BOOST_TEST(summary(data) == small_expected, boost::test_tools::per_element());
  BOOST_TEST(data.rows.front().file == cbs_file("small_statline.csv").string());
  BOOST_TEST(data.rows.front().line == 2U);
}

BOOST_AUTO_TEST_CASE(ignored_topic_is_listed) {
  const kc::cbs_data data = kc::read_cbs_records_text(
      R"([{"Nationaliteit": "Syrisch", "Perioden": "2021 mei", "EersteAsielverzoekenPersonen_2": 5, "Bevolking_9": 17000000}])");
  BOOST_TEST(data.ignored_topics == std::vector<std::string>{"Bevolking_9"}, boost::test_tools::per_element());
  BOOST_TEST(data.rows.size() == 1U);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(refusals)

BOOST_AUTO_TEST_CASE(unknown_nationality_title) {
  const std::string text =
      replaced(slurp(cbs_file("small_bundle.json")), "\"Title\": \"Syrisch\"", "\"Title\": \"Syrish\"");
  BOOST_TEST(
      message_of<kc::invalid_input>([&] { (void)kc::read_cbs_bundle_text(text, "b.json"); }) ==
      "b.json: TypedDataSet[1] (ID 1), Nationaliteit key \"NAT9444  \": unknown CBS nationality title \"Syrish\" "
      "(neither a title of data/cbs_nationalities.csv nor a nationality's name; did you mean \"Syria\"?)");
  BOOST_TEST(message_of<kc::csv::value_error>([] {
               std::istringstream in(
                   "Nationaliteit;Perioden;Eerste asielverzoeken (personen) (aantal)\nAtlantisch;2021;5\n");
               (void)kc::read_cbs_csv(in, "x.csv");
             }).starts_with("cannot parse \"Atlantisch\" as a CBS nationality title"));
}

BOOST_AUTO_TEST_CASE(bad_values) {
  const std::string base = slurp(cbs_file("small_bundle.json"));
  const auto msg = [&](const std::string& from, const std::string& to) {
    const std::string text = replaced(base, from, to);
    return message_of<kc::invalid_input>([&] { (void)kc::read_cbs_bundle_text(text, "b.json"); });
  };
  BOOST_TEST(
      msg("\"EersteAsielverzoekenPersonen_2\": 520", "\"EersteAsielverzoekenPersonen_2\": -5") ==
      "b.json: TypedDataSet[1] (ID 1), topic \"EersteAsielverzoekenPersonen_2\": expected a count (never negative)");
  BOOST_TEST(
      msg("\"EersteAsielverzoekenPersonen_2\": 520", "\"EersteAsielverzoekenPersonen_2\": 52.5") ==
      "b.json: TypedDataSet[1] (ID 1), topic \"EersteAsielverzoekenPersonen_2\": expected a count (a whole number)");
  BOOST_TEST(msg("\"EersteAsielverzoekenPersonen_2\": 520", "\"EersteAsielverzoekenPersonen_2\": 1000000000") ==
             "b.json: TypedDataSet[1] (ID 1), topic \"EersteAsielverzoekenPersonen_2\": expected a count (at most "
             "999,999,999: larger is no asylum count)");
  BOOST_TEST(msg("\"Status\": \"Voorlopig\"", "\"Status\": \"Geschat\"") ==
             "b.json: Perioden \"2021MM05\" has the Status \"Geschat\" (expected Definitief, Voorlopig or Nader "
             "voorlopig)");
  BOOST_TEST(msg("\"Key\": \"2021MM05\"", "\"Key\": \"2021HJ01\"") ==
             "b.json: TypedDataSet[0] (ID 0): the Perioden key \"2021MM05\" is not in the Perioden document");
  BOOST_TEST(msg("\"Modified\": \"2021-06-15T02:00:00\"", "\"Modified\": \"gisteren\"") ==
             "b.json: TableInfos[0]: TableInfos Modified \"gisteren\" is not a date (expected YYYY-MM-DD or "
             "YYYY-MM-DDThh:mm:ss)");
  BOOST_TEST(msg("\"Leeftijd\": [{\"Key\": \"10000\", \"Title\": \"Totaal\"",
                 "\"Leeftijd\": [{\"Key\": \"20000\", \"Title\": \"18 jaar of ouder\"") ==
             "b.json: the dimension \"Leeftijd\" has no total (a value titled \"Totaal\" or \"Totaal ...\"); this "
             "reader keeps the total of every dimension other than nationality and period");
  BOOST_TEST(msg("\"Nationaliteit\": \"NAT9999  \"", "\"Nationaliteit\": \"NAT9444  \"") ==
             "b.json: TypedDataSet[2] (ID 2), topic \"EersteAsielverzoekenPersonen_2\": a second value for SYR 2021-05 "
             "first_application (the first at b.json: TypedDataSet[1] (ID 1), topic "
             "\"EersteAsielverzoekenPersonen_2\"; two titles or rows name the same nationality, period and topic)");
  BOOST_TEST(msg("\"format\": \"kerncijfers-cbs-odata\", \"version\": 1",
                 "\"format\": \"kerncijfers-cbs-odata\", \"version\": 2") ==
             "b.json: CBS bundle version \"2\" is not supported (this reader reads version 1)");
  BOOST_TEST(msg("\"TypedDataSet\": [", "\"TypedDataSetX\": [") ==
             "b.json: the OData document \"TypedDataSet\" is missing");
  BOOST_TEST(msg("\"Type\": \"TopicGroup\"", "\"Type\": \"Thema\"") ==
             "b.json: DataProperties[4]: unknown property Type \"Thema\" (expected Dimension, TimeDimension, "
             "GeoDimension, Topic or TopicGroup)");
  BOOST_TEST(message_of<kc::parse_error>([] {
               (void)kc::read_cbs_bundle_text("{\"format\": ", "b.json");
             }).starts_with("cannot parse \"{\\\"format\\\": \" as JSON in b.json (byte 12"));
}

BOOST_AUTO_TEST_CASE(json_beyond_a_double_is_a_parse_error) {
  // Found by fuzz_cbs (tests/fuzz/regressions/cbs/number-overflow.json): nlohmann reports a
  // number beyond a double's range as out_of_range, not as a parse error.
  BOOST_TEST(message_of<kc::parse_error>([] {
               (void)kc::read_cbs_text("[{\"ID\": 1E5555}]", "r.json");
             }).starts_with("cannot parse \"[{\\\"ID\\\": 1E5555}]\" as JSON in r.json ("));
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::read_cbs_text(
                   "[{\"ID\": 0, \"Nationaliteit\": \"Syrisch\", \"Perioden\": \"2021\", "
                   "\"AsielPer1000_5\": 3}]",
                   "r.json");
             }) ==
             "r.json[0]: unknown CBS topic \"AsielPer1000_5\": it speaks of asylum or nareizigers but is none of "
             "the counts this reader maps (first applications, repeat applications, nareizigers, their total)");
}

BOOST_AUTO_TEST_CASE(csv_refusals) {
  const auto msg = [](const std::string& text) {
    std::istringstream in(text);
    return message_of<kc::invalid_input>([&] { (void)kc::read_cbs_csv(in, "x.csv"); });
  };
  const std::string head = "\"Nationaliteit\";\"Perioden\";\"Eerste asielverzoeken (personen) (aantal)\"\n";
  BOOST_TEST(msg(head + "\"Syrisch\";\"2021 mei\";\"-5\"\n") ==
             "cannot parse \"-5\" as a count (plain digits or Dutch thousands, 1.880; \".\" or empty when missing) in "
             "x.csv, line 2, column 3 (\"Eerste asielverzoeken (personen) (aantal)\")");
  BOOST_TEST(msg(head + "\"Syrisch\";\"2021 mei\";\"1.88\"\n").starts_with("cannot parse \"1.88\" as a count"));
  BOOST_TEST(msg(head + "\"Syrisch\";\"2021 Mei\";\"5\"\n").starts_with("cannot parse \"2021 Mei\" as a CBS period"));
  BOOST_TEST(msg(head + "\"Syrisch\";\"2021 mei\";\"5\"\n\"Syrië\";\"2021 mei\";\"5\"\n") ==
             "x.csv, line 3, column 3 (\"Eerste asielverzoeken (personen) (aantal)\"): a second value for SYR 2021-05 "
             "first_application (the first at x.csv, line 2, column 3 (\"Eerste asielverzoeken (personen) (aantal)\"); "
             "two titles or rows name the same nationality, period and topic)");
  BOOST_TEST(msg("\"Nationaliteit\";\"Eerste asielverzoeken (personen) (aantal)\"\n") ==
             "x.csv, line 1: the header \"Nationaliteit;Eerste asielverzoeken (personen) (aantal)\" lacks the column "
             "\"Perioden\"");
  BOOST_TEST(
      msg(head + "\"Syrisch\";\"2021 mei\"\n").find("missing field: the record has 2 fields, the header has 3") !=
      std::string::npos);
  BOOST_TEST(msg(std::string("\"Nationaliteit\";\"Perioden\";\"Eerste\xff\"\n")).find("UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(records_refusals) {
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::read_cbs_records_text("{}", "r"); }) ==
             "r: expected a list of records (a JSON array)");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::read_cbs_records_text(R"([{"Nationaliteit": "Syrisch", "EersteAsielverzoekenPersonen_2": 5}])",
                                               "r");
             }) == "r: the records have no \"Perioden\" field");
  BOOST_TEST(message_of<kc::invalid_input>([] {
               (void)kc::read_cbs_records_text(
                   R"([{"Nationaliteit": "Atlantisch", "Perioden": "2021", "EersteAsielverzoekenPersonen_2": 5}])",
                   "r");
             }).starts_with("r[0], field \"Nationaliteit\": unknown CBS nationality title \"Atlantisch\""));
  BOOST_TEST(
      message_of<kc::invalid_input>([] {
        (void)kc::read_cbs_records_text(
            R"([{"Nationaliteit": "Syrisch", "Perioden": "2021", "EersteAsielverzoekenPersonen_2": "veel"}])", "r");
      }) ==
      "r[0], field \"EersteAsielverzoekenPersonen_2\": expected a count (plain digits; \".\" or empty when missing)");
}

BOOST_AUTO_TEST_SUITE_END()
