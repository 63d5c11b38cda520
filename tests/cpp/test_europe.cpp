#define BOOST_TEST_MODULE europe
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/europe.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace kc = kerncijfers;

using kerncijfers_test::exception_of;
using kerncijfers_test::message_of;

namespace {

// A small eurostat_data built by hand, dictionaries sorted as the reader sorts them.
struct data_builder {
  std::vector<std::string> geos, citizens, asyl_apps;
  std::vector<kc::count_period> periods;
  struct obs {
    std::string geo, citizen, asyl_app;
    kc::count_period period;
    std::int64_t value;
    std::string flags;
    bool present;
  };
  std::vector<obs> rows;

  data_builder& add(std::string geo, std::string citizen, kc::count_period period, std::int64_t value,
                    std::string flags = "", std::string asyl_app = "NASY_APP") {
    rows.push_back({std::move(geo), std::move(citizen), std::move(asyl_app), period, value, std::move(flags), true});
    return *this;
  }
  data_builder& missing(std::string geo, std::string citizen, kc::count_period period, std::string flags = "") {
    rows.push_back({std::move(geo), std::move(citizen), "NASY_APP", period, 0, std::move(flags), false});
    return *this;
  }

  [[nodiscard]] kc::eurostat_data build() const {
    kc::eurostat_data d;
    const auto dictionary = [](auto member, const std::vector<obs>& rs) {
      std::vector<std::decay_t<decltype(rs.front().*member)>> out;
      for (const obs& r : rs) out.push_back(r.*member);
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      return out;
    };
    d.geo_codes = dictionary(&obs::geo, rows);
    d.citizen_codes = dictionary(&obs::citizen, rows);
    d.asyl_app_codes = dictionary(&obs::asyl_app, rows);
    d.periods = dictionary(&obs::period, rows);
    const auto index = [](const auto& dict, const auto& value) {
      return static_cast<std::size_t>(std::find(dict.begin(), dict.end(), value) - dict.begin());
    };
    // In the reader's order: geo, asyl_app, citizen, period.
    std::vector<obs> sorted = rows;
    std::sort(sorted.begin(), sorted.end(), [](const obs& a, const obs& b) {
      return std::tie(a.geo, a.asyl_app, a.citizen, a.period) < std::tie(b.geo, b.asyl_app, b.citizen, b.period);
    });
    for (const obs& r : sorted) {
      d.geo.push_back(static_cast<std::uint16_t>(index(d.geo_codes, r.geo)));
      d.citizen.push_back(static_cast<std::uint16_t>(index(d.citizen_codes, r.citizen)));
      d.asyl_app.push_back(static_cast<std::uint8_t>(index(d.asyl_app_codes, r.asyl_app)));
      d.period.push_back(static_cast<std::uint16_t>(index(d.periods, r.period)));
      d.value.push_back(r.value);
      d.flags.push_back(kc::observation_flags::parse(r.flags));
      d.present.push_back(r.present ? 1 : 0);
    }
    return d;
  }
};

const kc::count_period y2020 = kc::year(2020);
const kc::count_period y2021 = kc::year(2021);
const kc::count_period y2022 = kc::year(2022);

// NL 2021, first-time applicants: total 1000 of which SY 500, AF 200, TR 100, ER 80, YE 60,
// then IQ 30 and STLS 20 (other: 50) and UNK 10. Eurostat's aggregates are in the data too
// and must not count; so is a second applicant type and a second year.
data_builder netherlands() {
  data_builder b;
  b.add("NL", "SY", y2021, 500).add("NL", "AF", y2021, 200).add("NL", "TR", y2021, 100);
  b.add("NL", "ER", y2021, 80).add("NL", "YE", y2021, 60).add("NL", "IQ", y2021, 30);
  b.add("NL", "STLS", y2021, 20).add("NL", "UNK", y2021, 10);
  b.add("NL", "TOTAL", y2021, 1000).add("NL", "EXT_EU27_2020", y2021, 990).add("NL", "EU27_2020", y2021, 0);
  b.add("NL", "SY", y2021, 900, "", "ASY_APP").add("NL", "TOTAL", y2021, 1500, "", "ASY_APP");
  b.add("NL", "IQ", y2020, 400).add("NL", "SY", y2020, 100).add("NL", "TOTAL", y2020, 500);
  return b;
}

kc::europe_entry entry(const std::string& citizen, std::int64_t count, std::int64_t share) {
  return kc::europe_entry{citizen, kc::nationality_from_eurostat(citizen), count, share};
}

const kc::europe_row& row_of(const std::vector<kc::europe_row>& rows, const std::string& geo) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const kc::europe_row& r) { return r.geo == geo; });
  BOOST_REQUIRE(it != rows.end());
  return *it;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(one_period)

BOOST_AUTO_TEST_CASE(the_top_five_other_unknown_shares_and_total_of_a_country) {
  const auto rows = kc::europe(netherlands().build(), y2021);
  BOOST_REQUIRE(rows.size() == 1u);
  const kc::europe_row& nl = rows[0];
  BOOST_TEST(nl.geo == "NL");
  BOOST_TEST((nl.period == y2021));
  const std::vector<kc::europe_entry> top{entry("SY", 500, 50), entry("AF", 200, 20), entry("TR", 100, 10),
                                          entry("ER", 80, 8), entry("YE", 60, 6)};
  BOOST_TEST((nl.top == top));
  BOOST_TEST(nl.other == 50);  // IQ 30 + STLS 20
  BOOST_TEST(nl.other_share == 5);
  BOOST_TEST(nl.unknown == 10);
  BOOST_TEST(nl.unknown_share == 1);
  BOOST_TEST(nl.total == 1000);  // not 1000 + TOTAL 1000 + EXT_EU27_2020 990
  BOOST_TEST(nl.citizenships == 1000);
  BOOST_TEST(nl.rounded_total == 1000);
  BOOST_TEST(nl.flags.empty());
  BOOST_TEST(nl.missing == 0u);
  BOOST_TEST(nl.periods_reported == 1u);
  BOOST_TEST((nl.top[0].nationality == kc::nationality::lookup("SYR")));
}

BOOST_AUTO_TEST_CASE(shares_sum_to_100_by_largest_remainder_and_totals_round_half_up) {
  // 15540 / 24755 = 62.775%, 8385 / 24755 = 33.872%, 830 / 24755 = 3.353%: floors 62 + 33 + 3
  // = 98, the two points left go to the largest remainders, SY (.872) and AF (.775).
  data_builder b;
  b.add("BE", "AF", y2021, 15540).add("BE", "SY", y2021, 8385).add("BE", "UNK", y2021, 830);
  const kc::europe_row be = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST((be.top == std::vector<kc::europe_entry>{entry("AF", 15540, 63), entry("SY", 8385, 34)}));
  BOOST_TEST(be.other == 0);
  BOOST_TEST(be.other_share == 0);
  BOOST_TEST(be.unknown == 830);
  BOOST_TEST(be.unknown_share == 3);
  BOOST_TEST(be.total == 24755);
  BOOST_TEST(be.rounded_total == 24760);  // the NL 2021 total, rounded to tens
}

BOOST_AUTO_TEST_CASE(eurostats_total_is_the_total_and_other_takes_the_rounding_difference) {
  // TOTAL 12265, the citizenships 12225 (each count rounded to 5 on its own): other is the
  // 40 left. Shares of 12265: SY 68.37, AF 24.54, other 0.33, UNK 6.77; floors 98, the two
  // points to UNK (.77) and AF (.54).
  data_builder b;
  b.add("NL", "SY", y2021, 8385).add("NL", "AF", y2021, 3010).add("NL", "UNK", y2021, 830);
  b.add("NL", "TOTAL", y2021, 12265).add("NL", "EXT_EU27_2020", y2021, 12000);
  const kc::europe_row nl = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST((nl.top == std::vector<kc::europe_entry>{entry("SY", 8385, 68), entry("AF", 3010, 25)}));
  BOOST_TEST(nl.other == 40);
  BOOST_TEST(nl.other_share == 0);
  BOOST_TEST(nl.unknown_share == 7);
  BOOST_TEST(nl.total == 12265);
  BOOST_TEST(nl.rounded_total == 12270);
  BOOST_TEST(nl.citizenships == 12225);
  // The rounding made the citizenships exceed TOTAL: other 0, the total their sum.
  data_builder c;
  c.add("NL", "SY", y2021, 10).add("NL", "AF", y2021, 5).add("NL", "TOTAL", y2021, 10);
  const kc::europe_row over = kc::europe(c.build(), y2021).at(0);
  BOOST_TEST((over.top == std::vector<kc::europe_entry>{entry("SY", 10, 67), entry("AF", 5, 33)}));
  BOOST_TEST(over.other == 0);
  BOOST_TEST(over.total == 15);
  BOOST_TEST(over.citizenships == 15);
  // TOTAL missing in a period of the window, or marked missing: the citizenships' sum.
  data_builder d;
  d.add("NL", "SY", y2021, 10).add("NL", "SY", y2020, 10).add("NL", "TOTAL", y2021, 30);
  d.missing("BE", "TOTAL", y2021).add("BE", "SY", y2021, 10);
  kc::europe_options two;
  two.window = 2;
  BOOST_TEST(kc::europe(d.build(), y2021, two).at(1).total == 20);
  BOOST_TEST(kc::europe(d.build(), y2021).at(1).total == 30);
  BOOST_TEST(kc::europe(d.build(), y2021).at(0).total == 10);
}

BOOST_AUTO_TEST_CASE(equal_counts_rank_by_eurostat_code_and_share_by_position) {
  // Three of 1 each: 33.3% each; AF < SY < TR ranks AF first, and the left-over point goes
  // to the earliest position.
  data_builder b;
  b.add("DE", "TR", y2021, 1).add("DE", "SY", y2021, 1).add("DE", "AF", y2021, 1);
  const kc::europe_row de = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST((de.top == std::vector<kc::europe_entry>{entry("AF", 1, 34), entry("SY", 1, 33), entry("TR", 1, 33)}));
  // At the 5th place: of GE and IR (20 each) the smaller code makes the top.
  data_builder c;
  c.add("AT", "SY", y2021, 50).add("AT", "AF", y2021, 40).add("AT", "TR", y2021, 30).add("AT", "ER", y2021, 25);
  c.add("AT", "IR", y2021, 20).add("AT", "GE", y2021, 20);
  const kc::europe_row at = kc::europe(c.build(), y2021).at(0);
  BOOST_REQUIRE(at.top.size() == 5u);
  BOOST_TEST(at.top[4].citizen == "GE");
  BOOST_TEST(at.other == 20);
}

BOOST_AUTO_TEST_CASE(every_geo_is_a_row_aggregates_included_in_the_datas_order) {
  data_builder b = netherlands();
  b.add("EU27_2020", "SY", y2021, 90000).add("EU27_2020", "AF", y2021, 80000).add("EU27_2020", "UNK", y2021, 5);
  b.add("BE", "SY", y2021, 7).add("UK", "SY", y2020, 100);  // UK: nothing in 2021
  const auto rows = kc::europe(b.build(), y2021);
  std::vector<std::string> geos;
  for (const auto& r : rows) geos.push_back(r.geo);
  BOOST_TEST((geos == std::vector<std::string>{"BE", "EU27_2020", "NL"}));  // UK: nothing in 2021
  const kc::europe_row& eu = row_of(rows, "EU27_2020");
  BOOST_TEST((eu.top == std::vector<kc::europe_entry>{entry("SY", 90000, 53), entry("AF", 80000, 47)}));
  BOOST_TEST(eu.unknown_share == 0);
  BOOST_TEST(eu.rounded_total == 170010);  // 170005 half up
  const kc::europe_row& be = row_of(rows, "BE");
  BOOST_TEST((be.top == std::vector<kc::europe_entry>{entry("SY", 7, 100)}));
  BOOST_TEST(be.rounded_total == 10);
  // A country with a row of 0 has a row; one without any observation in the window has none.
  data_builder z;
  z.add("DE", "SY", y2021, 0).add("UK", "SY", y2020, 100);
  const auto zero = kc::europe(z.build(), y2021);
  BOOST_REQUIRE(zero.size() == 1u);
  BOOST_TEST(zero[0].geo == "DE");
  BOOST_TEST(zero[0].top.empty());
  BOOST_TEST(zero[0].other_share == 0);
  BOOST_TEST(zero[0].unknown_share == 0);
  BOOST_TEST(zero[0].total == 0);
  BOOST_TEST(zero[0].periods_reported == 1u);
}

BOOST_AUTO_TEST_CASE(other_applicant_types_and_fewer_or_more_places) {
  const kc::eurostat_data data = netherlands().build();
  kc::europe_options all;
  all.asyl_app = "ASY_APP";
  const kc::europe_row nl = kc::europe(data, y2021, all).at(0);
  // ASY_APP has SY 900 and TOTAL 1500: other is the 600 no citizenship row accounts for.
  BOOST_TEST((nl.top == std::vector<kc::europe_entry>{entry("SY", 900, 60)}));
  BOOST_TEST(nl.other == 600);
  BOOST_TEST(nl.other_share == 40);
  BOOST_TEST(nl.total == 1500);
  BOOST_TEST(nl.citizenships == 900);
  kc::europe_options two;
  two.top = 2;
  const kc::europe_row nl2 = kc::europe(data, y2021, two).at(0);
  BOOST_TEST((nl2.top == std::vector<kc::europe_entry>{entry("SY", 500, 50), entry("AF", 200, 20)}));
  BOOST_TEST(nl2.other == 290);
  BOOST_TEST(nl2.other_share == 29);
  kc::europe_options floor_to_hundreds;
  floor_to_hundreds.total_multiple = 100;
  floor_to_hundreds.total_rounding = kc::rounding_mode::floor;
  data_builder b;
  b.add("NL", "SY", y2021, 24755);
  BOOST_TEST(kc::europe(b.build(), y2021, floor_to_hundreds).at(0).rounded_total == 24700);
}

BOOST_AUTO_TEST_CASE(a_code_without_a_nationality_still_ranks) {
  data_builder b;
  b.add("NL", "ZZ", y2021, 10).add("NL", "SY", y2021, 5);
  const kc::europe_row nl = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST(
      (nl.top == std::vector<kc::europe_entry>{kc::europe_entry{"ZZ", std::nullopt, 10, 67}, entry("SY", 5, 33)}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(windows_flags_and_gaps)

BOOST_AUTO_TEST_CASE(a_window_of_years_sums_them) {
  kc::europe_options two;
  two.window = 2;
  const kc::europe_row nl = kc::europe(netherlands().build(), y2021, two).at(0);
  // 2020 + 2021: SY 600, IQ 430, AF 200, TR 100, ER 80; other YE 60 + STLS 20; UNK 10.
  BOOST_TEST((nl.top == std::vector<kc::europe_entry>{entry("SY", 600, 40), entry("IQ", 430, 29), entry("AF", 200, 13),
                                                      entry("TR", 100, 7), entry("ER", 80, 5)}));
  BOOST_TEST(nl.other == 80);
  BOOST_TEST(nl.other_share == 5);
  BOOST_TEST(nl.unknown == 10);
  BOOST_TEST(nl.unknown_share == 1);
  BOOST_TEST(nl.total == 1500);
  BOOST_TEST(nl.periods_reported == 2u);
  BOOST_TEST((nl.period == y2021));
}

BOOST_AUTO_TEST_CASE(a_window_of_months) {
  data_builder b;
  for (int m = 1; m <= 12; ++m) b.add("NL", "SY", kc::month(2021, m), 10 * m).add("NL", "AF", kc::month(2021, m), 5);
  b.add("NL", "AF", kc::month(2022, 1), 1000);
  kc::europe_options twelve;
  twelve.window = 12;
  const kc::europe_row nl = kc::europe(b.build(), kc::month(2021, 12), twelve).at(0);
  BOOST_TEST((nl.top == std::vector<kc::europe_entry>{entry("SY", 780, 93), entry("AF", 60, 7)}));
  BOOST_TEST(nl.periods_reported == 12u);
  BOOST_TEST((nl.period == kc::count_period(kc::month(2021, 12))));
}

BOOST_AUTO_TEST_CASE(flags_are_the_union_of_the_observations_counted) {
  data_builder b;
  b.add("NL", "SY", y2021, 10, "p").add("NL", "AF", y2021, 5, "e").add("NL", "TOTAL", y2021, 15, "b");
  b.add("NL", "SY", y2020, 10, "u").add("NL", "SY", y2021, 3, "r", "ASY_APP");
  const kc::europe_row nl = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST(nl.flags.letters() == "ep");  // not the aggregate's b, 2020's u or ASY_APP's r
}

BOOST_AUTO_TEST_CASE(missing_observations_count_zero_and_are_counted) {
  data_builder b;
  b.add("FR", "AF", y2021, 40).missing("FR", "SY", y2021, "c").missing("FR", "TOTAL", y2021);
  b.add("FR", "AF", y2020, 10).missing("FR", "SY", y2020);
  const kc::europe_row fr = kc::europe(b.build(), y2021).at(0);
  BOOST_TEST((fr.top == std::vector<kc::europe_entry>{entry("AF", 40, 100)}));
  BOOST_TEST(fr.missing == 1u);  // SY 2021; the aggregate's and 2020's do not count
  BOOST_TEST(fr.flags.letters() == "c");
  kc::europe_options two;
  two.window = 2;
  BOOST_TEST(kc::europe(b.build(), y2021, two).at(0).missing == 2u);
}

BOOST_AUTO_TEST_CASE(a_country_that_reported_part_of_the_window_says_so) {
  data_builder b = netherlands();
  b.add("CH", "SY", y2021, 10).add("CH", "SY", y2022, 20).add("NL", "SY", y2022, 1);
  kc::europe_options three;
  three.window = 3;
  const auto rows = kc::europe(b.build(), y2022, three);
  BOOST_TEST(row_of(rows, "CH").periods_reported == 2u);
  BOOST_TEST(row_of(rows, "CH").total == 30);
  BOOST_TEST(row_of(rows, "NL").periods_reported == 3u);
}

BOOST_AUTO_TEST_CASE(a_row_prints_in_one_line) {
  data_builder b;
  b.add("FR", "AF", y2021, 40, "p").add("FR", "UNK", y2021, 10).missing("FR", "SY", y2021);
  std::ostringstream out;
  out << kc::europe(b.build(), y2021).at(0);
  BOOST_TEST(out.str() == "FR 2021: AF 40 (80%), other 0 (0%), unknown 10 (20%), total 50 -> 50, flags p, 1 missing");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(an_applicant_type_the_data_lacks_is_named_with_those_it_has) {
  const kc::eurostat_data data = netherlands().build();
  kc::europe_options o;
  o.asyl_app = "SSEQ";
  const auto e = exception_of<kc::unknown_code>([&] { (void)kc::europe(data, y2021, o); });
  BOOST_TEST(std::string(e.what()) ==
             "unknown asyl_app code in this eurostat data \"SSEQ\"; did you mean \"ASY_APP\" or \"NASY_APP\"?");
  BOOST_TEST(e.code() == "SSEQ");
}

BOOST_AUTO_TEST_CASE(a_window_outside_the_data_is_a_range_error) {
  const kc::eurostat_data data = netherlands().build();  // 2020 and 2021
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::europe(data, y2022); }) ==
             "europe: the window 2022 to 2022 reaches outside the eurostat data's periods of that unit, 2020 to 2021");
  kc::europe_options three;
  three.window = 3;
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::europe(data, y2021, three); }) ==
             "europe: the window 2019 to 2021 reaches outside the eurostat data's periods of that unit, 2020 to 2021");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::europe(data, kc::month(2021, 5)); }) ==
             "europe: the eurostat data has no period of the unit of 2021-05 (its periods run 2020 to 2021)");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::europe(kc::eurostat_data{}, y2021); }) ==
             "europe: the eurostat data has no period of the unit of 2021 (it has no periods)");
}

BOOST_AUTO_TEST_CASE(options_out_of_range_are_refused) {
  const kc::eurostat_data data = netherlands().build();
  kc::europe_options o;
  o.window = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021, o); }) ==
             "europe: the window needs at least 1 period, got window 0");
  o = {};
  o.top = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021, o); }) ==
             "europe: top 0 is outside 1-100");
  o.top = 101;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021, o); }) ==
             "europe: top 101 is outside 1-100");
  o = {};
  o.total_multiple = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021, o); }) ==
             "window totals cannot be rounded to a multiple of 0: the multiple must be positive");
}

BOOST_AUTO_TEST_CASE(inconsistent_columns_are_refused) {
  kc::eurostat_data data = netherlands().build();
  data.present.pop_back();
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021); }) ==
             "europe: the eurostat data's present column has 15 entries but its value column has 16");
  data = netherlands().build();
  data.citizen[3] = 99;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021); }) ==
             "europe: observation 3 has an index outside the eurostat data's citizen codes");
  data = netherlands().build();
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (data.citizen_codes[data.citizen[i]] == "ER") data.value[i] = -5;  // NL NASY_APP ER 2021
  }
  BOOST_TEST(message_of<kc::count_error>([&] { (void)kc::europe(data, y2021); }) ==
             "europe: observation 3 (NL, ER, NASY_APP, 2021) has a negative count: -5");
  data = netherlands().build();
  // Observations: 0-1 ASY_APP, then NASY_APP by citizen: 2 AF 2021, 3 ER 2021, ...
  data.citizen[2] = data.citizen[3];  // two NL NASY_APP ER 2021
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::europe(data, y2021); }) ==
             "europe: observations 2 and 3 both count NL, ER, NASY_APP, 2021");
}

BOOST_AUTO_TEST_SUITE_END()
