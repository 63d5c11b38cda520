#define BOOST_TEST_MODULE key_figures
#include <boost/test/unit_test.hpp>

#include <kerncijfers/key_figures.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace kc = kerncijfers;
using kc::category;
using kc::departure_group;
using kc::departure_mode;
using kc::figure_status;
using kc::row_kind;

namespace {

const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;
const std::string data_dir = KERNCIJFERS_DATA_DIR;

const std::string golden_source = "fictional golden test data (not real)";
const std::string cbs_extract = "CBS StatLine 83102NED (extract: InfoMakersHub/grenzendicht)";
const std::string cbs_2021_30 = "CBS news 2021/30 (English edition)";

kc::nationality nat(std::string_view code) { return kc::nationality::from_alpha3(code); }

kc::month may_2021() { return kc::month(2021, 5); }

kc::period_range<kc::month> single(int y, unsigned m) { return kc::period_range<kc::month>(kc::month(y, m)); }

kc::period_range<kc::month> months(int y1, unsigned m1, int y2, unsigned m2) {
  return kc::period_range<kc::month>(kc::month(y1, m1), kc::month(y2, m2));
}

kc::period_range<kc::month> whole_year(int y) { return kc::subperiods<kc::month>(kc::year(y)); }

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Golden table (fictional; see tests/data/README.md).
const kc::counts_table& golden_counts() {
  static const kc::counts_table table =
      kc::read_counts_csv(std::filesystem::path(test_data_dir + "/golden_mei_2021_counts.csv"));
  return table;
}

const kc::departures_table& golden_departures() {
  static const kc::departures_table table =
      kc::read_departures_csv(std::filesystem::path(test_data_dir + "/golden_mei_2021_departures.csv"));
  return table;
}

// The bundled real data: the two counts files merged into one table.
std::vector<kc::count_row> read_rows(const std::string& path) {
  std::ifstream in(path);
  BOOST_REQUIRE(in);
  return kc::read_count_rows(in, path);
}

const kc::counts_table& real_counts() {
  static const kc::counts_table table = [] {
    std::vector<kc::count_row> rows = read_rows(data_dir + "/counts_cbs83102_top7_monthly.csv");
    std::vector<kc::count_row> more = read_rows(data_dir + "/counts_cbs_totals_releases.csv");
    rows.insert(rows.end(), more.begin(), more.end());
    return kc::counts_table::from_rows(std::move(rows), "bundled counts");
  }();
  return table;
}

const kc::departures_table& real_departures() {
  static const kc::departures_table table =
      kc::read_departures_csv(std::filesystem::path(data_dir + "/departures_dtv_yearly.csv"));
  return table;
}

// A table built in code.
kc::count_row row(kc::count_period p, std::optional<kc::nationality> n, std::int64_t count,
                  category cat = category::first_application, std::string source = "test") {
  kc::count_row r;
  r.period = p;
  r.category = cat;
  r.nationality = n;
  r.count = count;
  r.source = std::move(source);
  return r;
}

kc::counts_table table(std::vector<kc::count_row> rows) { return kc::counts_table::from_rows(std::move(rows), "test"); }

// A row's description for exact comparison: "SYR 385 32", "unknown 45 4", "other 415 35".
std::string describe(const kc::distribution_row& r) {
  std::string who =
      r.kind == row_kind::nationality ? std::string(r.nationality->alpha3()) : std::string(kc::to_string(r.kind));
  return who + " " + std::to_string(r.count) + " " + std::to_string(r.percent.units());
}

std::vector<std::string> describe(const kc::distribution_figure& f) {
  std::vector<std::string> out;
  for (const auto& r : f.rows) out.push_back(describe(r));
  return out;
}

std::vector<std::string> codes(const std::vector<kc::nationality>& list) {
  std::vector<std::string> out;
  for (const auto n : list) out.emplace_back(n.alpha3());
  return out;
}

// Runs `f`, which must throw exactly `E` with a message containing `needle`.
template <class E, class F>
void check_throws_exactly(F f, const std::string& needle) {
  try {
    f();
    BOOST_ERROR("no exception; expected one naming \"" + needle + "\"");
  } catch (const E& e) {
    BOOST_CHECK(typeid(e) == typeid(E));
    BOOST_TEST(contains(e.what(), needle), "message \"" << e.what() << "\" does not name \"" << needle << "\"");
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Golden table: every figure of the May 2021 page

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(first_applications_in_the_month) {
  const auto f = kc::distribution(golden_counts(), category::first_application, single(2021, 5), 6);
  BOOST_TEST(kc::to_string(f.status) == "exact");
  BOOST_TEST(f.reason.empty());
  BOOST_TEST(f.total == 1200);
  BOOST_TEST(kc::to_string(f.problem) == "none");
  BOOST_TEST(f.listed == 1200);
  BOOST_CHECK(f.window == single(2021, 5));
  BOOST_TEST(f.window.label(kc::language::nl) == "mei 2021");
  BOOST_TEST(f.top_n == 6u);
  BOOST_TEST((f.unknown_row == kc::unknown_placement::own_row));
  // DZA 78/1200 is exactly 6.5%: half-up gives 7 (half-even would give 6).
  const std::vector<std::string> expected = {"SYR 385 32", "TUR 97 8", "DZA 78 7",     "MAR 71 6",
                                             "ERI 59 5",   "AFG 50 4", "unknown 45 4", "other 415 35"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_CHECK(f.rows[6].nationality == kc::nationality::unknown());
  BOOST_CHECK(!f.rows[7].nationality.has_value());
  BOOST_CHECK(f.rows[2].exact.same_counts(kc::share<std::int64_t>(78, 1200)));
  BOOST_TEST(f.percent_sum.units() == 101);
  BOOST_TEST(!f.sums_to_100);
  BOOST_TEST(f.rounding_note == "shares sum to 101, not 100: consistent with independent rounding");
  BOOST_CHECK(f.source.sources == std::vector<std::string>{golden_source});
  BOOST_CHECK(f.source.latest_release == kc::release::parse("2021-06-15"));
  BOOST_TEST(f.unusable_nationalities.empty());
  BOOST_TEST(f.notes.empty());
}

BOOST_AUTO_TEST_CASE(safe_share_of_the_month) {
  const auto s = kc::safe_share(golden_counts(), kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "exact");
  BOOST_TEST(s.reason.empty());
  BOOST_TEST(s.total == 1200);
  // DZA 78 + MAR 71 + GEO 33 + TUN 26 + UKR 17 = 225 = 18.75% -> 19.
  BOOST_TEST(s.safe_count == 225);
  BOOST_TEST(s.percent.units() == 19);
  BOOST_TEST(!s.lower_percent.has_value());
  BOOST_TEST(!s.upper_percent.has_value());
  BOOST_CHECK(codes(s.safe_nationalities) == (std::vector<std::string>{"DZA", "GEO", "MAR", "TUN", "UKR"}));
  BOOST_TEST(s.undetermined_nationalities.empty());
  BOOST_TEST(s.rule == "designation in force on the last day of each month");
  BOOST_CHECK(s.source.sources == std::vector<std::string>{golden_source});
}

BOOST_AUTO_TEST_CASE(first_applications_over_the_trailing_window) {
  const auto f = kc::distribution(golden_counts(), category::first_application, kc::trailing(may_2021(), 12), 4);
  BOOST_TEST(kc::to_string(f.status) == "exact");
  BOOST_TEST(f.window.label(kc::language::nl) == "juni 2020 t/m mei 2021");
  BOOST_TEST(f.total == 12000);
  // TUR 780/12000 is exactly 6.5%: half-up gives 7.
  const std::vector<std::string> top = {"SYR 3850 32", "DZA 966 8", "TUR 780 7", "MAR 702 6", "unknown 470 4"};
  const std::vector<std::string> rows = describe(f);
  BOOST_TEST(std::vector<std::string>(rows.begin(), rows.begin() + 5) == top, boost::test_tools::per_element());
  BOOST_TEST(f.rows.size() == 6u);
  BOOST_TEST((f.rows[5].kind == row_kind::other));
  BOOST_TEST(f.rows[5].count == 12000 - 3850 - 966 - 780 - 702 - 470);
}

BOOST_AUTO_TEST_CASE(nareizigers_in_the_month_fold_unknown_into_other) {
  const auto f = kc::distribution(golden_counts(), category::family_reunification, single(2021, 5), 3,
                                  kc::unknown_placement::in_other);
  BOOST_TEST(kc::to_string(f.status) == "exact");
  BOOST_TEST((f.unknown_row == kc::unknown_placement::in_other));
  // XXX 50 is in "other": "een andere of onbekende nationaliteit".
  const std::vector<std::string> expected = {"SYR 596 60", "ERI 116 12", "YEM 56 6", "other 232 23"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_TEST(f.percent_sum.units() == 101);
  BOOST_TEST(!f.sums_to_100);
  BOOST_TEST(f.rounding_note == "shares sum to 101, not 100: consistent with independent rounding");
}

BOOST_AUTO_TEST_CASE(nareizigers_over_the_lagging_window) {
  kc::key_figures_options options;
  options.family_reunification_window_end = kc::month(2021, 4);
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  const auto& f = k.family_reunification_trailing;
  BOOST_TEST(f.window.label(kc::language::nl) == "mei 2020 t/m april 2021");
  BOOST_TEST(f.total == 8000);
  const std::vector<std::string> expected = {"SYR 4000 50", "ERI 1044 13", "YEM 876 11", "other 2080 26"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_TEST(f.sums_to_100);
  BOOST_TEST(f.rounding_note == "shares sum to 100");

  // Without the option the window ends at the month itself, and the figures differ.
  const auto unlagged =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021());
  BOOST_TEST(unlagged.family_reunification_trailing.window.label(kc::language::nl) == "juni 2020 t/m mei 2021");
  // SYR 4000 - 87 (May 2020) + 596 (May 2021).
  BOOST_TEST(describe(unlagged.family_reunification_trailing)[0] == "SYR 4509 51");
  BOOST_TEST(unlagged.family_reunification_trailing.rows[1].percent.units() == 13);
  BOOST_TEST(unlagged.family_reunification_trailing.rows[2].percent.units() == 10);
}

BOOST_AUTO_TEST_CASE(departures_of_the_year) {
  const auto all = kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021));
  BOOST_TEST(kc::to_string(all.status) == "exact");
  BOOST_TEST(all.total == 7686);
  BOOST_TEST(all.total_rounded == 7690);
  BOOST_TEST(all.supervised == 3920);
  BOOST_TEST(all.unsupervised == 3766);
  BOOST_TEST(all.supervised_percent.units() == 51);
  BOOST_TEST(all.unsupervised_percent.units() == 49);
  BOOST_TEST(all.sums_to_100);
  BOOST_TEST(all.rounding_note == "shares sum to 100");
  BOOST_CHECK(all.source.sources == std::vector<std::string>{golden_source});

  const auto criminal = kc::departures_figure_for(golden_departures(), departure_group::criminal, whole_year(2021));
  BOOST_TEST(kc::to_string(criminal.status) == "exact");
  BOOST_TEST(criminal.total == 388);
  BOOST_TEST(criminal.total_rounded == 390);
  BOOST_TEST(criminal.supervised == 271);
  BOOST_TEST(criminal.supervised_percent.units() == 70);
  BOOST_TEST(criminal.unsupervised_percent.units() == 30);
  BOOST_CHECK(criminal.window == whole_year(2021));
}

BOOST_AUTO_TEST_CASE(influx_per_category) {
  const auto f = kc::influx(golden_counts(), may_2021());
  BOOST_CHECK(f.period == kc::count_period(may_2021()));
  BOOST_TEST(f.by_category.size() == 5u);
  const std::vector<std::int64_t> expected = {1200, 160, 1000, 12, 85};
  for (std::size_t i = 0; i < 5; ++i) {
    BOOST_CHECK(f.by_category[i].category == kc::all_categories[i]);
    BOOST_TEST(f.by_category[i].count.value_or(-1) == expected[i]);
    BOOST_TEST(f.by_category[i].reason.empty());
  }
  BOOST_TEST(f.total.value_or(-1) == 2457);
  BOOST_CHECK(f.source.sources == std::vector<std::string>{golden_source});
}

BOOST_AUTO_TEST_CASE(compute_key_figures_assembles_the_pieces) {
  kc::key_figures_options options;
  options.family_reunification_window_end = kc::month(2021, 4);
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  BOOST_CHECK(k.period == kc::count_period(may_2021()));
  BOOST_CHECK(k.options == options);
  BOOST_CHECK(k.influx == kc::influx(golden_counts(), may_2021()));
  BOOST_CHECK(k.first_month == kc::distribution(golden_counts(), category::first_application, single(2021, 5), 6));
  BOOST_CHECK(k.first_trailing ==
              kc::distribution(golden_counts(), category::first_application, months(2020, 6, 2021, 5), 4));
  BOOST_CHECK(k.safe_month ==
              kc::safe_share(golden_counts(), kc::nl_safe_countries(), category::first_application, single(2021, 5)));
  BOOST_CHECK(k.family_reunification_month == kc::distribution(golden_counts(), category::family_reunification,
                                                               single(2021, 5), 3, kc::unknown_placement::in_other));
  BOOST_CHECK(k.family_reunification_trailing == kc::distribution(golden_counts(), category::family_reunification,
                                                                  months(2020, 5, 2021, 4), 3,
                                                                  kc::unknown_placement::in_other));
  BOOST_CHECK(k.departures_all ==
              kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021)));
  BOOST_CHECK(k.departures_criminal ==
              kc::departures_figure_for(golden_departures(), departure_group::criminal, whole_year(2021)));
  // The page's sentences: first applications top 6 + Onbekend, trailing top 4.
  BOOST_TEST(describe(k.first_month)[6] == "unknown 45 4");
  BOOST_TEST(describe(k.first_trailing)[3] == "MAR 702 6");
  BOOST_TEST(k.safe_month.percent.units() == 19);
  BOOST_TEST(k.departures_all.total_rounded == 7690);
}

BOOST_AUTO_TEST_CASE(departures_period_option) {
  kc::key_figures_options options;
  options.departures_window = whole_year(2020);
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  // The golden table has departures for 2021 only.
  BOOST_TEST(kc::to_string(k.departures_all.status) == "unavailable");
  BOOST_CHECK(k.departures_all.window == whole_year(2020));
  BOOST_TEST(contains(k.departures_all.reason, "no departures of group all for 2020"));
}

BOOST_AUTO_TEST_CASE(largest_remainder_sums_to_100) {
  kc::key_figures_options options;
  options.rounding = kc::share_rounding::largest_remainder;
  options.family_reunification_window_end = kc::month(2021, 4);
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  for (const auto* f :
       {&k.first_month, &k.first_trailing, &k.family_reunification_month, &k.family_reunification_trailing}) {
    BOOST_TEST(kc::to_string(f->rounding) == "largest-remainder");
    BOOST_TEST((f->percent_sum == kc::rounded_decimal(100, 0)));
    BOOST_TEST(f->sums_to_100);
    BOOST_TEST(f->rounding_note == "sums to 100 by largest remainder");
    std::int64_t sum = 0;
    for (const auto& r : f->rows) sum += r.percent.units();
    BOOST_TEST(sum == 100);
  }
  // Floors 32 8 6 5 4 4 3 34 leave 4 units: remainders .917 (MAR, ERI), .75 (unknown), .583 (other).
  const std::vector<std::string> first = {"SYR 385 32", "TUR 97 8", "DZA 78 6",     "MAR 71 6",
                                          "ERI 59 5",   "AFG 50 4", "unknown 45 4", "other 415 35"};
  BOOST_TEST(describe(k.first_month) == first, boost::test_tools::per_element());
  const std::vector<std::string> nareizigers = {"SYR 596 60", "ERI 116 12", "YEM 56 5", "other 232 23"};
  BOOST_TEST(describe(k.family_reunification_month) == nareizigers, boost::test_tools::per_element());
  for (const auto* d : {&k.departures_all, &k.departures_criminal}) {
    BOOST_TEST(d->supervised_percent.units() + d->unsupervised_percent.units() == 100);
    BOOST_TEST(d->sums_to_100);
    BOOST_TEST(d->rounding_note == "sums to 100 by largest remainder");
  }
}

BOOST_AUTO_TEST_CASE(decimals) {
  const auto f = kc::distribution(golden_counts(), category::first_application, single(2021, 5), 6,
                                  kc::unknown_placement::own_row, kc::share_rounding::published, 1);
  BOOST_TEST(f.decimals == 1);
  // 32.083 -> 32.1; 6.5 -> 6.5; 3.75 -> 3.8 (half-up); 34.583 -> 34.6.
  const std::vector<std::string> expected = {"SYR 385 321", "TUR 97 81", "DZA 78 65",     "MAR 71 59",
                                             "ERI 59 49",   "AFG 50 42", "unknown 45 38", "other 415 346"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_TEST(f.percent_sum.units() == 1001);
  BOOST_TEST(!f.sums_to_100);
  BOOST_TEST(f.rounding_note == "shares sum to 1001, not 1000: consistent with independent rounding");

  const auto s =
      kc::safe_share(golden_counts(), kc::nl_safe_countries(), category::first_application, single(2021, 5), 2);
  BOOST_TEST(s.percent.units() == 1875);
  BOOST_TEST(s.decimals == 2);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// The bundled real data (CBS extract + CBS releases, DT&V departures)

BOOST_AUTO_TEST_SUITE(real_data)

BOOST_AUTO_TEST_CASE(first_applications_may_2021_are_partial) {
  const auto f = kc::distribution(real_counts(), category::first_application, single(2021, 5), 6);
  BOOST_TEST(kc::to_string(f.status) == "partial");
  BOOST_TEST(f.total == 955);
  BOOST_TEST(f.listed == 535);
  BOOST_TEST(kc::to_string(f.problem) == "incomplete-breakdown");
  // IRQ (10) is the seventh listed nationality: "other". 420 people are not broken down.
  const std::vector<std::string> expected = {"SYR 310 32", "TUR 80 8", "ERI 45 5",   "AFG 40 4",
                                             "YEM 30 3",   "SOM 20 2", "other 10 1", "unlisted 420 44"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_TEST(f.reason ==
             "the data break down 535 of 955 first asylum applications for 2021-05 by nationality; the ranking is "
             "among the listed nationalities");
  BOOST_TEST(f.percent_sum.units() == 99);
  BOOST_TEST(f.rounding_note == "shares sum to 99, not 100: consistent with independent rounding");
  // Sorted: "CBS StatLine ..." before "CBS news ..." (byte order).
  BOOST_CHECK(f.source.sources == (std::vector<std::string>{cbs_extract, cbs_2021_30}));
  BOOST_CHECK(f.source.latest_release == kc::release::parse("2021-W30"));
}

BOOST_AUTO_TEST_CASE(first_applications_trailing_window_tiles_mixed_granularities) {
  const auto window = kc::trailing(may_2021(), 12);
  const auto total = real_counts().total(category::first_application, window);
  BOOST_TEST(total.value == 655 + 4100 + 3895 + 2735 + 915 + 955);
  std::vector<std::string> tiles;
  for (const auto& p : total.tiles) tiles.push_back(kc::iso(p));
  BOOST_CHECK(tiles == (std::vector<std::string>{"2020-06", "2020-Q3", "2020-Q4", "2021-Q1", "2021-04", "2021-05"}));

  const auto f = kc::distribution(real_counts(), category::first_application, window, 4);
  BOOST_TEST(kc::to_string(f.status) == "partial");
  BOOST_TEST(f.total == 13255);
  BOOST_TEST(kc::to_string(f.problem) == "incomplete-breakdown");
  // Syria's 2021-Q1 row (900) tiles the quarter, not its months (895).
  BOOST_TEST(describe(f)[0] == "SYR 4255 32");
  BOOST_TEST(describe(f)[1] == "TUR 920 7");
  BOOST_TEST((f.rows.back().kind == row_kind::unlisted));
  // Algeria and Morocco have only a 2021-Q1 row: not usable for the window, named.
  BOOST_CHECK(codes(f.unusable_nationalities) == (std::vector<std::string>{"DZA", "MAR"}));
  BOOST_TEST(contains(f.reason, "DZA, MAR have rows that do not tile the window and count as unlisted"));
  BOOST_TEST(contains(f.reason, "no DZA first_application count for 2020-06"));
  BOOST_TEST(contains(f.reason, "the ranking is among the listed nationalities"));
  bool syria_note = false;
  for (const auto& n : f.notes) syria_note = syria_note || (contains(n, "SYR") && contains(n, "2021-Q1"));
  BOOST_TEST(syria_note);
}

BOOST_AUTO_TEST_CASE(safe_share_is_unavailable_with_bounds) {
  const auto s = kc::safe_share(real_counts(), kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_TEST(s.total == 955);
  // None of the seven listed nationalities is safe; the 420 unlisted might be: 0% to 44%.
  BOOST_TEST(kc::to_string(s.problem) == "incomplete-breakdown");
  BOOST_TEST(s.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 0);
  BOOST_TEST(s.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 44);
  BOOST_TEST(s.safe_nationalities.empty());
  BOOST_TEST(s.undetermined_nationalities.empty());
  BOOST_TEST(contains(s.reason, "the data break down 535 of 955 first asylum applications for 2021-05"));
  BOOST_TEST(contains(s.reason, "the 420 unlisted may or may not come from safe countries of origin"));
  BOOST_TEST(contains(s.reason, "between 0% and 44%"));
}

BOOST_AUTO_TEST_CASE(departures_2021_dtv_only) {
  const auto k = kc::compute_key_figures(real_counts(), real_departures(), kc::nl_safe_countries(), may_2021());
  const auto& all = k.departures_all;
  BOOST_TEST(kc::to_string(all.status) == "exact");
  BOOST_TEST(all.total == 2100 + 1630 + 5600);
  BOOST_TEST(all.total_rounded == 9330);
  BOOST_TEST(all.supervised == 3730);
  BOOST_TEST(all.supervised_percent.units() == 40);
  BOOST_TEST(all.unsupervised_percent.units() == 60);
  BOOST_CHECK(all.source.sources ==
              std::vector<std::string>{"DT&V cijfers (dienstterugkeerenvertrek.nl/over-dtv/cijfers)"});
  const auto& criminal = k.departures_criminal;
  BOOST_TEST(kc::to_string(criminal.status) == "unavailable");
  BOOST_TEST(kc::to_string(criminal.problem) == "missing-departures");
  BOOST_TEST(contains(criminal.reason, "no departures of group criminal for 2021"));
  BOOST_TEST(criminal.total == 0);
}

BOOST_AUTO_TEST_CASE(nareizigers_and_influx_without_monthly_totals) {
  const auto k = kc::compute_key_figures(real_counts(), real_departures(), kc::nl_safe_countries(), may_2021());
  BOOST_TEST(kc::to_string(k.family_reunification_month.status) == "unavailable");
  BOOST_TEST(kc::to_string(k.family_reunification_month.problem) == "unsplittable-rows");
  // Only a 2021-Q2 TOTAL, which cannot be cut down to May.
  BOOST_TEST(contains(k.family_reunification_month.reason, "the TOTAL family_reunification count for 2021-Q2"));
  BOOST_TEST(contains(k.family_reunification_month.reason, "would have to be split to fit the window 2021-05"));
  BOOST_TEST(k.family_reunification_month.rows.empty());
  BOOST_TEST(k.influx.by_category[0].count.value_or(-1) == 955);
  BOOST_TEST(!k.influx.by_category[1].count.has_value());
  // The bundled extract has no repeat applications at all: said as such, not as missing months.
  BOOST_TEST(kc::to_string(k.influx.by_category[1].problem) == "not-in-source");
  BOOST_TEST(kc::to_string(k.influx.by_category[0].problem) == "none");
  BOOST_TEST(contains(k.influx.by_category[1].reason, "have no rows of repeat_application at all"));
  BOOST_TEST(!k.influx.total.has_value());
  BOOST_CHECK(k.influx.source.sources == std::vector<std::string>{cbs_2021_30});
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// Partial and unavailable figures, built in code

BOOST_AUTO_TEST_SUITE(built_in_code)

BOOST_AUTO_TEST_CASE(no_total_is_unavailable) {
  const auto t = table({row(kc::month(2021, 5), nat("SYR"), 10)});
  const auto f = kc::distribution(t, category::first_application, single(2021, 5), 6);
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(f.reason == t.try_total(category::first_application, single(2021, 5)).reason);
  BOOST_TEST(kc::to_string(f.problem) == "missing-months");
  BOOST_TEST(contains(f.reason, "no TOTAL first_application count for 2021-05"));
  BOOST_TEST(f.total == 0);
  BOOST_TEST(f.rows.empty());

  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_TEST(contains(s.reason, "no TOTAL first_application count for 2021-05"));
  BOOST_TEST(!s.lower_percent.has_value());
  BOOST_TEST(kc::to_string(s.problem) == "missing-months");
  BOOST_TEST(!s.upper_percent.has_value());
}

BOOST_AUTO_TEST_CASE(zero_total_is_unavailable) {
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 0), row(kc::month(2021, 5), nat("SYR"), 0)});
  const auto f = kc::distribution(t, category::first_application, single(2021, 5), 6);
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(f.reason == "the TOTAL of first asylum applications for 2021-05 is 0: there are no shares");
  BOOST_TEST(kc::to_string(f.problem) == "zero-total");
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
}

BOOST_AUTO_TEST_CASE(breakdown_above_total_is_unavailable) {
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 5), nat("SYR"), 80),
                        row(kc::month(2021, 5), nat("ERI"), 50)});
  const auto f = kc::distribution(t, category::first_application, single(2021, 5), 6);
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(f.reason ==
             "the listed nationalities sum to 130, more than the TOTAL of 100 first asylum applications for 2021-05: "
             "the data are inconsistent");
  BOOST_TEST(f.rows.empty());
  BOOST_TEST(kc::to_string(f.problem) == "inconsistent-data");
  BOOST_TEST(f.total == 0);
  BOOST_TEST(f.listed == 130);

  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_TEST(contains(s.reason, "sum to 130, more than the TOTAL of 100"));
  BOOST_TEST(kc::to_string(s.problem) == "inconsistent-data");
  BOOST_TEST(!s.lower_percent.has_value());
}

BOOST_AUTO_TEST_CASE(nationality_with_rows_for_part_of_the_window_is_unlisted) {
  // AFG has a row for May only: over April-May it cannot be used, although it is the largest.
  const auto t = table({row(kc::month(2021, 4), std::nullopt, 100), row(kc::month(2021, 5), std::nullopt, 100),
                        row(kc::month(2021, 4), nat("SYR"), 30), row(kc::month(2021, 5), nat("SYR"), 30),
                        row(kc::month(2021, 5), nat("AFG"), 70)});
  const auto f = kc::distribution(t, category::first_application, months(2021, 4, 2021, 5), 3);
  BOOST_TEST(kc::to_string(f.status) == "partial");
  const std::vector<std::string> expected = {"SYR 60 30", "unlisted 140 70"};
  BOOST_TEST(describe(f) == expected, boost::test_tools::per_element());
  BOOST_CHECK(codes(f.unusable_nationalities) == std::vector<std::string>{"AFG"});
  BOOST_TEST(contains(f.reason, "the data break down 60 of 200 first asylum applications for 2021-04/2021-05"));
  BOOST_TEST(contains(f.reason, "AFG has rows that do not tile the window and counts as unlisted"));
  BOOST_TEST(kc::to_string(f.problem) == "incomplete-breakdown");
  BOOST_TEST(contains(f.reason, "no AFG first_application count for 2021-04"));

  // In May alone AFG is usable and the breakdown is complete.
  const auto may = kc::distribution(t, category::first_application, single(2021, 5), 3);
  BOOST_TEST(kc::to_string(may.status) == "exact");
  BOOST_TEST(describe(may) == (std::vector<std::string>{"AFG 70 70", "SYR 30 30"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unusable_nationality_keeps_a_complete_sum_partial) {
  // The listed rows reach the total, but ERI's quarter row would have to be split.
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 50), row(kc::month(2021, 5), nat("SYR"), 50),
                        row(kc::quarter(2021, 2), nat("ERI"), 5)});
  const auto f = kc::distribution(t, category::first_application, single(2021, 5), 3);
  BOOST_TEST(kc::to_string(f.status) == "partial");
  BOOST_TEST(describe(f) == std::vector<std::string>{"SYR 50 100"}, boost::test_tools::per_element());
  BOOST_TEST(contains(f.reason, "ERI has rows that do not tile the window"));
  BOOST_TEST(contains(f.reason, "would have to be split"));
}

BOOST_AUTO_TEST_CASE(ranking_ties_stateless_zero_counts_and_unknown) {
  const auto t =
      table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 5), nat("TUR"), 20),
             row(kc::month(2021, 5), nat("AFG"), 20), row(kc::month(2021, 5), kc::nationality::stateless(), 25),
             row(kc::month(2021, 5), nat("SYR"), 35), row(kc::month(2021, 5), kc::nationality::unknown(), 0),
             row(kc::month(2021, 5), nat("ERI"), 0)});
  // 20 + 20 + 25 + 35 = 100: complete.
  auto f = kc::distribution(t, category::first_application, single(2021, 5), 3);
  BOOST_TEST(kc::to_string(f.status) == "exact");
  // Stateless is ranked; AFG before TUR on a tie (alpha-3 code); unknown 0 is no row; other is TUR only.
  BOOST_TEST(describe(f) == (std::vector<std::string>{"SYR 35 35", "XXA 25 25", "AFG 20 20", "other 20 20"}),
             boost::test_tools::per_element());
  // A top N larger than the nationalities with people: ERI (0) is never named, other vanishes.
  f = kc::distribution(t, category::first_application, single(2021, 5), 10);
  BOOST_TEST(describe(f) == (std::vector<std::string>{"SYR 35 35", "XXA 25 25", "AFG 20 20", "TUR 20 20"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_separate_or_folded) {
  const auto t =
      table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 5), nat("SYR"), 60),
             row(kc::month(2021, 5), kc::nationality::unknown(), 30), row(kc::month(2021, 5), nat("ERI"), 10)});
  // Unknown is never ranked, even when it is larger than a named nationality.
  const auto separate =
      kc::distribution(t, category::first_application, single(2021, 5), 1, kc::unknown_placement::own_row);
  BOOST_TEST(describe(separate) == (std::vector<std::string>{"SYR 60 60", "unknown 30 30", "other 10 10"}),
             boost::test_tools::per_element());
  const auto folded =
      kc::distribution(t, category::first_application, single(2021, 5), 1, kc::unknown_placement::in_other);
  BOOST_TEST(describe(folded) == (std::vector<std::string>{"SYR 60 60", "other 40 40"}),
             boost::test_tools::per_element());
  const auto two =
      kc::distribution(t, category::first_application, single(2021, 5), 2, kc::unknown_placement::in_other);
  BOOST_TEST(describe(two) == (std::vector<std::string>{"SYR 60 60", "ERI 10 10", "other 30 30"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_designation_is_unavailable_naming_the_country) {
  // Albania's designation is proven only from 11 June 2021: its May 2021 status is unknown.
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 5), nat("ALB"), 10),
                        row(kc::month(2021, 5), nat("GEO"), 20), row(kc::month(2021, 5), nat("SYR"), 70)});
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_CHECK(codes(s.undetermined_nationalities) == std::vector<std::string>{"ALB"});
  BOOST_TEST(kc::to_string(s.problem) == "undetermined-designation");
  BOOST_CHECK(codes(s.safe_nationalities) == std::vector<std::string>{"GEO"});
  BOOST_TEST(contains(s.reason,
                      "the sources do not say whether ALB (Albania) was designated a safe country of origin "
                      "on the last day of 2021-05"));
  // Undetermined counts as not safe for the lower bound and as safe for the upper.
  BOOST_TEST(s.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 20);
  BOOST_TEST(s.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 30);
  BOOST_TEST(s.safe_count == 0);

  // In June 2021 Albania is safe: the figure is exact.
  const auto june = table({row(kc::month(2021, 6), std::nullopt, 100), row(kc::month(2021, 6), nat("ALB"), 10),
                           row(kc::month(2021, 6), nat("SYR"), 90)});
  const auto j = kc::safe_share(june, kc::nl_safe_countries(), category::first_application, single(2021, 6));
  BOOST_TEST(kc::to_string(j.status) == "exact");
  BOOST_TEST(j.percent.units() == 10);

  // A nationality of unknown status with nobody in the month does not matter.
  const auto nobody = table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 5), nat("ALB"), 0),
                             row(kc::month(2021, 5), nat("SYR"), 100)});
  const auto n = kc::safe_share(nobody, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(n.status) == "exact");
  BOOST_TEST(n.percent.units() == 0);
}

BOOST_AUTO_TEST_CASE(safe_share_applies_the_last_day_rule_to_each_month) {
  // Algeria was removed on 11 June 2021: safe on 31 May, not on 30 June.
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 100), row(kc::month(2021, 6), std::nullopt, 100),
                        row(kc::month(2021, 5), nat("DZA"), 30), row(kc::month(2021, 6), nat("DZA"), 50),
                        row(kc::month(2021, 5), nat("SYR"), 70), row(kc::month(2021, 6), nat("SYR"), 50)});
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, months(2021, 5, 2021, 6));
  BOOST_TEST(kc::to_string(s.status) == "exact");
  BOOST_TEST(s.total == 200);
  BOOST_TEST(s.safe_count == 30);  // May only
  BOOST_TEST(s.percent.units() == 15);
  BOOST_CHECK(codes(s.safe_nationalities) == std::vector<std::string>{"DZA"});

  // A quarter row cannot be split where the designation changes: undetermined, named.
  const auto q = table({row(kc::quarter(2021, 2), std::nullopt, 100), row(kc::quarter(2021, 2), nat("DZA"), 40),
                        row(kc::quarter(2021, 2), nat("SYR"), 60)});
  const auto u = kc::safe_share(q, kc::nl_safe_countries(), category::first_application, months(2021, 4, 2021, 6));
  BOOST_TEST(kc::to_string(u.status) == "unavailable");
  BOOST_CHECK(codes(u.undetermined_nationalities) == std::vector<std::string>{"DZA"});
  BOOST_TEST(contains(u.reason, "the designation of DZA (Algeria) changes within 2021-04/2021-06"));
  BOOST_TEST(u.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 0);
  BOOST_TEST(u.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 40);
}

BOOST_AUTO_TEST_CASE(safe_share_with_an_unknown_month_in_the_window) {
  // Ukraine: safe on the last day of December 2021 and January 2022, unknown from February 2022.
  std::vector<kc::count_row> rows;
  const kc::month first(2021, 12);
  const std::int64_t ukr[] = {10, 20, 30};
  for (int i = 0; i < 3; ++i) {
    rows.push_back(row(first + i, std::nullopt, 100));
    rows.push_back(row(first + i, nat("UKR"), ukr[i]));
    rows.push_back(row(first + i, nat("SYR"), 100 - ukr[i]));
  }
  const auto s = kc::safe_share(table(rows), kc::nl_safe_countries(), category::first_application,
                                kc::period_range<kc::month>(first, first + 2));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_CHECK(codes(s.safe_nationalities) == std::vector<std::string>{"UKR"});
  BOOST_CHECK(codes(s.undetermined_nationalities) == std::vector<std::string>{"UKR"});
  BOOST_TEST(
      contains(s.reason, "whether UKR (Ukraine) was designated a safe country of origin on the last day of 2022-02"));
  // Certainly safe: December and January (30 of 300); February's 30 are undetermined.
  BOOST_TEST(s.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 10);
  BOOST_TEST(s.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 20);
}

BOOST_AUTO_TEST_CASE(safe_share_bounds_with_a_partial_breakdown) {
  // 200 people, 150 listed: GEO 30 is safe, 50 unlisted. Bounds 15% and 40%.
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 200), row(kc::month(2021, 5), nat("GEO"), 30),
                        row(kc::month(2021, 5), nat("SYR"), 120)});
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_TEST(s.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 15);
  BOOST_TEST(s.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 40);
  BOOST_TEST(s.percent.units() == 0);
  BOOST_TEST(contains(s.reason, "the data break down 150 of 200"));
  BOOST_TEST(kc::to_string(s.problem) == "incomplete-breakdown");
  BOOST_TEST(contains(s.reason, "between 15% and 40% (bounds rounded half-up)"));
}

BOOST_AUTO_TEST_CASE(missing_departure_mode_is_unavailable) {
  std::vector<kc::departure_row> rows;
  for (const auto mode : {departure_mode::independent, departure_mode::unsupervised}) {
    kc::departure_row r;
    r.period = whole_year(2021);
    r.group = departure_group::all;
    r.mode = mode;
    r.count = 100;
    r.source = "test";
    rows.push_back(r);
  }
  const auto d = kc::departures_table::from_rows(rows, "test");
  const auto f = kc::departures_figure_for(d, departure_group::all, whole_year(2021));
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(contains(f.reason, "no departures of group all for 2021 with mode forced"));
  BOOST_TEST(kc::to_string(f.problem) == "missing-departures");
  BOOST_TEST(f.total == 0);
  BOOST_TEST(f.total_rounded == 0);

  // Zero departures: no shares.
  std::vector<kc::departure_row> zero = rows;
  zero.push_back(rows[0]);
  zero.back().mode = departure_mode::forced;
  for (auto& r : zero) r.count = 0;
  const auto z =
      kc::departures_figure_for(kc::departures_table::from_rows(zero), departure_group::all, whole_year(2021));
  BOOST_TEST(kc::to_string(z.status) == "unavailable");
  BOOST_TEST(contains(z.reason, "the total is 0"));
  BOOST_TEST(kc::to_string(z.problem) == "zero-total");
}

BOOST_AUTO_TEST_CASE(total_rounding_to_tens_is_half_up) {
  std::vector<kc::departure_row> rows;
  const std::int64_t counts[] = {1000, 1000, 685};  // 2685 -> 2690 (half-even would give 2680)
  for (std::size_t i = 0; i < 3; ++i) {
    kc::departure_row r;
    r.period = whole_year(2022);
    r.group = departure_group::criminal;
    r.mode = kc::all_departure_modes[i];
    r.count = counts[i];
    r.source = "test";
    rows.push_back(r);
  }
  const auto f =
      kc::departures_figure_for(kc::departures_table::from_rows(rows), departure_group::criminal, whole_year(2022));
  BOOST_TEST(f.total_rounded == 2690);
  // 2000/2685 = 74.49% -> 74; 685/2685 = 25.51% -> 26.
  BOOST_TEST(f.supervised_percent.units() == 74);
  BOOST_TEST(f.unsupervised_percent.units() == 26);
}

BOOST_AUTO_TEST_CASE(influx_with_a_missing_category) {
  const auto t = table({row(kc::month(2021, 5), std::nullopt, 100),
                        row(kc::month(2021, 4), std::nullopt, 30, category::repeat_application),
                        row(kc::month(2021, 5), std::nullopt, 7, category::resettlement, "other source")});
  const auto f = kc::influx(t, may_2021());
  BOOST_TEST(f.by_category[0].count.value_or(-1) == 100);
  // Repeat applications are in the table, but not for May.
  BOOST_TEST(!f.by_category[1].count.has_value());
  BOOST_TEST(kc::to_string(f.by_category[1].problem) == "missing-months");
  BOOST_TEST(f.by_category[1].reason == "no TOTAL repeat_application count for 2021-05 (window 2021-05)");
  // Family reunification is in no row at all: not in the source (the reason says only what the data show).
  BOOST_TEST(!f.by_category[2].count.has_value());
  BOOST_TEST(kc::to_string(f.by_category[2].problem) == "not-in-source");
  BOOST_TEST(f.by_category[2].reason ==
             "the counts (sources: other source, test) have no rows of family_reunification at all");
  BOOST_TEST(kc::to_string(f.problem) == "missing-months");
  BOOST_TEST(f.by_category[4].count.value_or(-1) == 7);
  BOOST_TEST(!f.total.has_value());
  BOOST_CHECK(f.source.sources == (std::vector<std::string>{"other source", "test"}));
}

BOOST_AUTO_TEST_CASE(invalid_options_throw) {
  const auto& t = golden_counts();
  check_throws_exactly<kc::invalid_input>(
      [&] { (void)kc::distribution(t, category::first_application, single(2021, 5), 0); }, "top_n 0");
  check_throws_exactly<kc::invalid_input>(
      [&] {
        (void)kc::distribution(t, category::first_application, single(2021, 5), 6, kc::unknown_placement::own_row,
                               kc::share_rounding::published, 17);
      },
      "decimals 17 is outside 0-16");
  check_throws_exactly<kc::invalid_input>(
      [&] {
        (void)kc::distribution(t, category::first_application, single(2021, 5), 6, kc::unknown_placement::own_row,
                               kc::share_rounding::largest_remainder, -1);
      },
      "decimals -1 is outside 0-16");
  check_throws_exactly<kc::invalid_input>(
      [&] { (void)kc::safe_share(t, kc::nl_safe_countries(), category::first_application, single(2021, 5), 17); },
      "decimals 17");
  check_throws_exactly<kc::invalid_input>(
      [&] {
        (void)kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021),
                                        kc::share_rounding::published, 99);
      },
      "decimals 99");

  const auto compute = [&](const kc::key_figures_options& o) {
    (void)kc::compute_key_figures(t, golden_departures(), kc::nl_safe_countries(), may_2021(), o);
  };
  kc::key_figures_options o;
  o.trailing_months = 0;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); }, "trailing_months 0");
  o = {};
  o.top_first_month = 0;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); }, "top_first_month 0");
  o = {};
  o.top_first_trailing = 0;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); }, "top_first_trailing 0");
  o = {};
  o.top_family_reunification = 0;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); }, "top_family_reunification 0");
  o = {};
  o.decimals = 17;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); }, "decimals 17");
  o = {};
  o.departures_multiple = 0;
  check_throws_exactly<kc::invalid_input>([&] { compute(o); },
                                          "departures_multiple 0: a total is rounded to a multiple of 1 or more");
  for (const char* bad : {"2026-12", "2026-W49", "2026-02-30", "7 december", " 2026-12-07"}) {
    o = {};
    o.retrieved = bad;
    check_throws_exactly<kc::invalid_input>([&] { compute(o); },
                                            "retrieved \"" + std::string(bad) + "\": expected a day, YYYY-MM-DD");
  }
  // The largest valid values are accepted.
  o = {};
  o.decimals = 16;
  BOOST_CHECK_NO_THROW(compute(o));
}

BOOST_AUTO_TEST_CASE(the_retrieval_day_reaches_the_count_figures_only) {
  kc::key_figures_options o;
  const kc::key_figures without =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), o);
  o.retrieved = "2026-12-07";
  const kc::key_figures with =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), o);
  for (const kc::figure_header* f :
       {static_cast<const kc::figure_header*>(&with.influx), static_cast<const kc::figure_header*>(&with.first_month),
        static_cast<const kc::figure_header*>(&with.first_trailing),
        static_cast<const kc::figure_header*>(&with.safe_month),
        static_cast<const kc::figure_header*>(&with.family_reunification_month),
        static_cast<const kc::figure_header*>(&with.family_reunification_trailing)}) {
    BOOST_TEST(f->source.retrieved == "2026-12-07");
  }
  // The departures come from their own file, which was not fetched.
  BOOST_TEST(with.departures_all.source.retrieved.empty());
  BOOST_TEST(with.departures_criminal.source.retrieved.empty());
  // Nothing else changes.
  kc::key_figures back = with;
  back.options.retrieved.clear();
  for (kc::figure_header* f :
       {static_cast<kc::figure_header*>(&back.influx), static_cast<kc::figure_header*>(&back.first_month),
        static_cast<kc::figure_header*>(&back.first_trailing), static_cast<kc::figure_header*>(&back.safe_month),
        static_cast<kc::figure_header*>(&back.family_reunification_month),
        static_cast<kc::figure_header*>(&back.family_reunification_trailing)}) {
    f->source.retrieved.clear();
  }
  BOOST_CHECK(back == without);
}

BOOST_AUTO_TEST_CASE(share_rounding_names) {
  BOOST_TEST(kc::to_string(kc::share_rounding::published) == "published");
  BOOST_TEST(kc::to_string(kc::share_rounding::largest_remainder) == "largest-remainder");
  BOOST_CHECK(kc::parse_share_rounding("largest_remainder") == kc::share_rounding::largest_remainder);
  check_throws_exactly<kc::parse_error>([] { (void)kc::parse_share_rounding("banker"); }, "\"banker\"");
  BOOST_TEST(kc::to_string(figure_status::partial) == "partial");
  BOOST_TEST(kc::to_string(row_kind::unlisted) == "unlisted");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// Overflow and contradicting data (issue 10, items 8 and 9): the figure that cannot be
// computed, or rests on numbers the data contradict, is unavailable and says why; every
// other figure is computed as usual, and nothing throws.

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

// The three rows of one group's departures in `period`.
std::vector<kc::departure_row> departure_rows(departure_group group, kc::period_range<kc::month> period,
                                              std::int64_t independent, std::int64_t forced,
                                              std::int64_t unsupervised) {
  std::vector<kc::departure_row> rows;
  const std::int64_t counts[] = {independent, forced, unsupervised};
  for (std::size_t i = 0; i < 3; ++i) {
    kc::departure_row r;
    r.period = period;
    r.group = group;
    r.mode = kc::all_departure_modes[i];
    r.count = counts[i];
    r.source = "test";
    rows.push_back(r);
  }
  return rows;
}

kc::departures_table departures_of(std::vector<kc::departure_row> all, const std::vector<kc::departure_row>& criminal) {
  all.insert(all.end(), criminal.begin(), criminal.end());
  return kc::departures_table::from_rows(std::move(all), "test");
}

// Every category's TOTAL in May 2021, first applications `first` and repeat applications
// `repeat`, the others 1; SYR the whole of the first applications.
std::vector<kc::count_row> may_totals(std::int64_t first, std::int64_t repeat) {
  return {row(may_2021(), std::nullopt, first),
          row(may_2021(), nat("SYR"), first),
          row(may_2021(), std::nullopt, repeat, category::repeat_application),
          row(may_2021(), std::nullopt, 1, category::family_reunification),
          row(may_2021(), nat("ERI"), 1, category::family_reunification),
          row(may_2021(), std::nullopt, 1, category::relocation),
          row(may_2021(), std::nullopt, 1, category::resettlement)};
}

const kc::departures_table& consistent_departures() {
  static const kc::departures_table table =
      departures_of(departure_rows(departure_group::all, whole_year(2021), 20, 30, 50),
                    departure_rows(departure_group::criminal, whole_year(2021), 2, 3, 5));
  return table;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(overflow_and_contradictions)

BOOST_AUTO_TEST_CASE(influx_sum_overflow_leaves_the_sum_unavailable) {
  // Reproducer: a TOTAL of 9223372036854775807 first applications plus 1 repeat application
  // stopped the whole report with "integer overflow: 9223372036854775807 + 1 ...".
  const auto t = table(may_totals(int64_max, 1));
  const auto f = kc::influx(t, may_2021());
  BOOST_TEST(!f.total.has_value());
  BOOST_TEST(kc::to_string(f.problem) == "overflow");
  BOOST_TEST(f.reason ==
             "the sum over the categories for 2021-05 does not fit in 64 bits: integer overflow: "
             "9223372036854775807 + 1 does not fit in int64");
  // Each category keeps its count.
  BOOST_TEST(f.by_category[0].count.value_or(-1) == int64_max);
  BOOST_TEST(f.by_category[1].count.value_or(-1) == 1);
  BOOST_TEST(kc::to_string(f.by_category[0].problem) == "none");

  // The other figures of the page are computed as usual.
  const auto k = kc::compute_key_figures(t, consistent_departures(), kc::nl_safe_countries(), may_2021());
  BOOST_CHECK(k.influx == f);
  BOOST_TEST(kc::to_string(k.first_month.status) == "exact");
  BOOST_TEST(describe(k.first_month) == std::vector<std::string>{"SYR 9223372036854775807 100"});
  BOOST_TEST(kc::to_string(k.safe_month.status) == "exact");
  BOOST_TEST(k.safe_month.percent.units() == 0);
  BOOST_TEST(kc::to_string(k.family_reunification_month.status) == "exact");
  BOOST_TEST(kc::to_string(k.departures_all.status) == "exact");
  BOOST_TEST(k.departures_all.total_rounded == 100);
  BOOST_TEST(kc::to_string(k.departures_criminal.status) == "exact");
}

BOOST_AUTO_TEST_CASE(influx_sum_needs_every_category_and_says_which_lack_one) {
  const auto t =
      table({row(may_2021(), std::nullopt, int64_max), row(may_2021(), std::nullopt, 1, category::repeat_application)});
  const auto f = kc::influx(t, may_2021());
  BOOST_TEST(!f.total.has_value());
  BOOST_TEST(kc::to_string(f.problem) == "not-in-source");
  BOOST_TEST(f.reason ==
             "the sum over the categories for 2021-05 needs a count of every category, and family_reunification, "
             "relocation, resettlement have none");
  // A complete influx has no problem.
  const auto golden = kc::influx(golden_counts(), may_2021());
  BOOST_TEST(kc::to_string(golden.problem) == "none");
  BOOST_TEST(golden.reason.empty());
}

BOOST_AUTO_TEST_CASE(nationality_sum_overflow_makes_the_distribution_unavailable) {
  // Reproducer: nationalities that do not sum in 64 bits stopped the whole report.
  std::vector<kc::count_row> rows = may_totals(100, 1);
  rows[1] = row(may_2021(), nat("SYR"), int64_max);
  rows.push_back(row(may_2021(), nat("ERI"), 1));
  const auto t = table(rows);

  const auto b = kc::breakdown_by_nationality(t, category::first_application, single(2021, 5));
  BOOST_TEST(kc::to_string(b.listed_problem) == "overflow");
  BOOST_TEST(b.listed_reason ==
             "the listed nationalities of first asylum applications for 2021-05 do not sum in 64 bits: integer "
             "overflow: 1 + 9223372036854775807 does not fit in int64");
  BOOST_TEST(b.listed.size() == 2u);
  BOOST_TEST(!b.complete());

  const auto k = kc::compute_key_figures(t, consistent_departures(), kc::nl_safe_countries(), may_2021());
  BOOST_TEST(kc::to_string(k.first_month.status) == "unavailable");
  BOOST_TEST(kc::to_string(k.first_month.problem) == "overflow");
  BOOST_TEST(k.first_month.reason == b.listed_reason);
  BOOST_TEST(k.first_month.rows.empty());
  BOOST_CHECK(k.first_month.source.sources == std::vector<std::string>{"test"});
  BOOST_TEST(kc::to_string(k.safe_month.status) == "unavailable");
  BOOST_TEST(kc::to_string(k.safe_month.problem) == "overflow");
  BOOST_TEST(!k.safe_month.lower_percent.has_value());
  // The rest of the page.
  BOOST_TEST(k.influx.total.value_or(-1) == 104);
  BOOST_TEST(kc::to_string(k.family_reunification_month.status) == "exact");
  BOOST_TEST(kc::to_string(k.departures_all.status) == "exact");
  BOOST_TEST(kc::to_string(k.departures_criminal.status) == "exact");
}

BOOST_AUTO_TEST_CASE(departures_at_int64_max_cannot_be_rounded_to_tens) {
  // Reproducer: a departure total of 9223372036854775807 rounded to tens stopped the report.
  const auto d = departures_of(departure_rows(departure_group::all, whole_year(2021), int64_max, 0, 0),
                               departure_rows(departure_group::criminal, whole_year(2021), 5, 0, 0));
  const auto all = kc::departures_figure_for(d, departure_group::all, whole_year(2021));
  BOOST_TEST(kc::to_string(all.status) == "unavailable");
  BOOST_TEST(kc::to_string(all.problem) == "overflow");
  BOOST_TEST(contains(all.reason, "the numbers of the departures of group all for 2021 do not fit in 64 bits: "));
  BOOST_TEST(contains(all.reason, "9223372036854775807"));
  BOOST_TEST(all.total == 0);
  BOOST_TEST(all.total_rounded == 0);
  BOOST_TEST(all.supervised_percent.units() == 0);
  BOOST_CHECK(all.source.sources == std::vector<std::string>{"test"});
  BOOST_CHECK(all.window == whole_year(2021));

  const auto k = kc::compute_key_figures(golden_counts(), d, kc::nl_safe_countries(), may_2021());
  BOOST_CHECK(k.departures_all == all);
  BOOST_TEST(kc::to_string(k.departures_criminal.status) == "exact");
  BOOST_TEST(k.departures_criminal.total_rounded == 10);
  BOOST_TEST(kc::to_string(k.first_month.status) == "exact");
  BOOST_TEST(k.influx.total.value_or(-1) == 2457);

  // One below the limit that rounds up, and the largest that rounds down, still compute.
  const std::int64_t rounds_down = int64_max - 7;  // ...800, ends in 0
  const auto ok = kc::departures_figure_for(
      departures_of(departure_rows(departure_group::all, whole_year(2021), rounds_down, 2, 0), {}),
      departure_group::all, whole_year(2021));
  BOOST_TEST(kc::to_string(ok.status) == "exact");
  BOOST_TEST(ok.total_rounded == rounds_down);
  BOOST_TEST(ok.supervised_percent.units() == 100);
}

BOOST_AUTO_TEST_CASE(criminal_departures_above_all_departures_are_inconsistent) {
  // Reproducer: all = 3 and criminal = 300 rendered "about 0 ... left" and "about 300
  // criminal foreign nationals ... left" without a word.
  const auto d = departures_of(departure_rows(departure_group::all, whole_year(2021), 1, 1, 1),
                               departure_rows(departure_group::criminal, whole_year(2021), 100, 100, 100));
  const std::string reason =
      "the departures of group criminal for 2021 exceed those of group all, of which they are a part (criminal > "
      "all: independent 100 > 1, forced 100 > 1, unsupervised 100 > 1, supervised 200 > 2, total 300 > 3): the data "
      "are inconsistent";
  for (const auto group : {departure_group::all, departure_group::criminal}) {
    const auto f = kc::departures_figure_for(d, group, whole_year(2021));
    BOOST_TEST_CONTEXT(kc::to_string(group)) {
      BOOST_TEST(kc::to_string(f.status) == "unavailable");
      BOOST_TEST(kc::to_string(f.problem) == "inconsistent-departures");
      BOOST_TEST(f.reason == reason);
      BOOST_TEST(f.total == 0);
      BOOST_TEST(f.total_rounded == 0);
      BOOST_CHECK(f.source.sources == std::vector<std::string>{"test"});
    }
  }
  const auto k = kc::compute_key_figures(golden_counts(), d, kc::nl_safe_countries(), may_2021());
  BOOST_TEST(kc::to_string(k.departures_all.problem) == "inconsistent-departures");
  BOOST_TEST(kc::to_string(k.departures_criminal.problem) == "inconsistent-departures");
  BOOST_TEST(kc::to_string(k.first_month.status) == "exact");
}

BOOST_AUTO_TEST_CASE(one_mode_above_is_enough_and_names_only_that_mode) {
  // In total the criminal aliens are fewer (5 of 21), but their forced departures are not.
  const auto d = departures_of(departure_rows(departure_group::all, whole_year(2021), 10, 1, 10),
                               departure_rows(departure_group::criminal, whole_year(2021), 0, 5, 0));
  const auto f = kc::departures_figure_for(d, departure_group::criminal, whole_year(2021));
  BOOST_TEST(kc::to_string(f.problem) == "inconsistent-departures");
  BOOST_TEST(contains(f.reason, "(criminal > all: forced 5 > 1)"));

  // Equal is consistent (every criminal alien's departure is one of all departures).
  const auto equal = departures_of(departure_rows(departure_group::all, whole_year(2021), 1, 2, 3),
                                   departure_rows(departure_group::criminal, whole_year(2021), 1, 2, 3));
  BOOST_TEST(kc::to_string(kc::departures_figure_for(equal, departure_group::criminal, whole_year(2021)).status) ==
             "exact");
  BOOST_TEST(kc::to_string(kc::departures_figure_for(equal, departure_group::all, whole_year(2021)).status) == "exact");

  // Another period's departures are not compared.
  const auto other_year = departures_of(departure_rows(departure_group::all, whole_year(2020), 1, 1, 1),
                                        departure_rows(departure_group::criminal, whole_year(2021), 100, 100, 100));
  BOOST_TEST(kc::to_string(kc::departures_figure_for(other_year, departure_group::criminal, whole_year(2021)).status) ==
             "exact");

  // A contradiction outranks a total of 0: all = 0 while criminal aliens left.
  const auto zero = departures_of(departure_rows(departure_group::all, whole_year(2021), 0, 0, 0),
                                  departure_rows(departure_group::criminal, whole_year(2021), 0, 0, 4));
  BOOST_TEST(kc::to_string(kc::departures_figure_for(zero, departure_group::all, whole_year(2021)).problem) ==
             "inconsistent-departures");
}

BOOST_AUTO_TEST_CASE(nationalities_above_the_total_of_one_month_are_inconsistent) {
  // Over April-May the nationalities (70) stay below the TOTAL (110), but April alone has
  // 50 Syrians in a TOTAL of 10: the window's sums hide the contradiction.
  const auto t = table({row(kc::month(2021, 4), std::nullopt, 10), row(kc::month(2021, 4), nat("SYR"), 50),
                        row(may_2021(), std::nullopt, 100), row(may_2021(), nat("SYR"), 20)});
  const auto b = kc::breakdown_by_nationality(t, category::first_application, months(2021, 4, 2021, 5));
  BOOST_TEST(b.listed_sum == 70);
  BOOST_TEST(kc::to_string(b.listed_problem) == "inconsistent-data");
  BOOST_TEST(b.listed_reason ==
             "in 2021-04 the nationalities sum to 50, more than the TOTAL of 10 first asylum applications for 2021-04: "
             "the data are inconsistent");
  const auto f = kc::distribution(t, category::first_application, months(2021, 4, 2021, 5), 4);
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(kc::to_string(f.problem) == "inconsistent-data");
  BOOST_TEST(f.reason == b.listed_reason);
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, months(2021, 4, 2021, 5));
  BOOST_TEST(kc::to_string(s.problem) == "inconsistent-data");
  // May alone is consistent.
  BOOST_TEST(kc::to_string(kc::distribution(t, category::first_application, single(2021, 5), 4).status) == "partial");

  // A nationality that cannot tile the window still counts in the month it has a row for.
  const auto u = table({row(kc::month(2021, 4), std::nullopt, 10), row(kc::month(2021, 4), nat("SYR"), 50),
                        row(may_2021(), std::nullopt, 100)});
  const auto g = kc::distribution(u, category::first_application, months(2021, 4, 2021, 5), 4);
  BOOST_TEST(kc::to_string(g.problem) == "inconsistent-data");
  BOOST_TEST(contains(g.reason, "in 2021-04 the nationalities sum to 50, more than the TOTAL of 10"));
}

BOOST_AUTO_TEST_CASE(influx_entry_with_nationalities_above_its_total_is_inconsistent) {
  const auto t =
      table({row(may_2021(), std::nullopt, 100), row(may_2021(), nat("SYR"), 80), row(may_2021(), nat("ERI"), 50),
             row(may_2021(), std::nullopt, 7, category::repeat_application)});
  const auto f = kc::influx(t, may_2021());
  BOOST_TEST(!f.by_category[0].count.has_value());
  BOOST_TEST(kc::to_string(f.by_category[0].problem) == "inconsistent-data");
  BOOST_TEST(f.by_category[0].reason ==
             "the listed nationalities sum to 130, more than the TOTAL of 100 first asylum applications for 2021-05: "
             "the data are inconsistent");
  BOOST_TEST(f.by_category[1].count.value_or(-1) == 7);
  BOOST_TEST(!f.total.has_value());
  BOOST_TEST(kc::to_string(f.problem) == "inconsistent-data");
  BOOST_TEST(contains(f.reason, "first_application, family_reunification, relocation, resettlement have none"));
}

BOOST_AUTO_TEST_CASE(safe_share_parts_that_disagree_with_the_whole_are_undetermined) {
  // Ukraine is safe on 31 January 2022 and unknown from February. Its quarter row says 10,
  // its month rows 150: the share cannot say how many were from a safe country. (This
  // threw count_error "share 150/100" before.)
  const auto t = table({row(kc::quarter(2022, 1), std::nullopt, 100), row(kc::quarter(2022, 1), nat("SYR"), 90),
                        row(kc::quarter(2022, 1), nat("UKR"), 10), row(kc::month(2022, 1), nat("UKR"), 50),
                        row(kc::month(2022, 2), nat("UKR"), 50), row(kc::month(2022, 3), nat("UKR"), 50)});
  const auto s = kc::safe_share(t, kc::nl_safe_countries(), category::first_application, months(2022, 1, 2022, 3));
  BOOST_TEST(kc::to_string(s.status) == "unavailable");
  BOOST_TEST(kc::to_string(s.problem) == "undetermined-designation");
  BOOST_CHECK(codes(s.undetermined_nationalities) == std::vector<std::string>{"UKR"});
  BOOST_TEST(contains(s.reason,
                      "the designation of UKR (Ukraine) changes within 2022-01/2022-03 and its rows for the "
                      "parts sum to 150, not to its count of 10 over the window"));
  BOOST_TEST(s.lower_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 0);
  BOOST_TEST(s.upper_percent.value_or(kc::rounded_decimal(-1, 0)).units() == 10);
}

BOOST_AUTO_TEST_CASE(consistency_checks_compare_exactly_today) {
  BOOST_TEST(!kc::detail::exceeds(100, 100));
  BOOST_TEST(kc::detail::exceeds(101, 100));
  // The tolerance a rounding source will need: within it, no contradiction.
  BOOST_TEST(!kc::detail::exceeds(105, 100, 5));
  BOOST_TEST(kc::detail::exceeds(106, 100, 5));
  // Sums beyond 64 bits compare exactly.
  BOOST_TEST(kc::detail::exceeds(kc::detail::kc_int128(int64_max) + 1, int64_max));
  BOOST_TEST(kc::detail::count_text(kc::detail::kc_int128(int64_max) * 2) == "18446744073709551614");
  BOOST_TEST(kc::detail::count_text(-5) == "-5");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(every_figure_shares_the_header) {
  static_assert(std::is_base_of_v<kc::figure_header, kc::distribution_figure>);
  static_assert(std::is_base_of_v<kc::figure_header, kc::safe_share_figure>);
  static_assert(std::is_base_of_v<kc::figure_header, kc::influx_figure>);
  static_assert(std::is_base_of_v<kc::figure_header, kc::departures_figure>);
  const auto k = kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021());
  const kc::figure_header& header = k.departures_all;
  BOOST_TEST(kc::to_string(header.status) == "exact");
  BOOST_TEST(header.source.sources == std::vector<std::string>{golden_source});
  BOOST_TEST(kc::to_string(k.influx.status) == "exact");
  BOOST_TEST(kc::to_string(k.influx.problem) == "none");
}

BOOST_AUTO_TEST_CASE(influx_without_a_sum_is_unavailable) {
  const auto f = kc::influx(kc::counts_table::from_rows({}, "empty"), may_2021());
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(kc::to_string(f.problem) == "missing-months");
  BOOST_TEST(!f.total.has_value());
}

BOOST_AUTO_TEST_CASE(the_departures_rounding_is_a_parameter_the_figure_records) {
  // 7686 departures: to tens half-up 7690 (the page), to hundreds 7700, to tens floor 7680.
  const auto page = kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021));
  BOOST_TEST(page.total_rounded == 7690);
  BOOST_TEST(page.total_multiple == 10);
  BOOST_TEST(kc::to_string(page.total_mode) == "half-up");
  const auto hundreds = kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021),
                                                  kc::share_rounding::published, 0, 100);
  BOOST_TEST(hundreds.total_rounded == 7700);
  BOOST_TEST(hundreds.total_multiple == 100);
  const auto floor = kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021),
                                               kc::share_rounding::published, 0, 10, kc::rounding_mode::floor);
  BOOST_TEST(floor.total_rounded == 7680);
  BOOST_TEST(kc::to_string(floor.total_mode) == "floor");
  check_throws_exactly<kc::invalid_input>(
      [] {
        (void)kc::departures_figure_for(golden_departures(), departure_group::all, whole_year(2021),
                                        kc::share_rounding::published, 0, 0);
      },
      "total_multiple 0: a total is rounded to a multiple of 1 or more");

  kc::key_figures_options options;
  options.departures_multiple = 100;
  options.departures_mode = kc::rounding_mode::half_even;
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  BOOST_TEST(k.departures_all.total_rounded == 7700);
  BOOST_TEST(k.departures_all.total_multiple == 100);
  BOOST_TEST(kc::to_string(k.departures_all.total_mode) == "half-even");
  BOOST_TEST(k.departures_criminal.total_multiple == 100);
}

BOOST_AUTO_TEST_CASE(unknown_placement_names) {
  BOOST_TEST(kc::to_string(kc::unknown_placement::own_row) == "own-row");
  BOOST_TEST(kc::to_string(kc::unknown_placement::in_other) == "in-other");
}

BOOST_AUTO_TEST_CASE(percents_are_rounded_decimals_at_the_figures_decimals) {
  kc::key_figures_options options;
  options.decimals = 1;
  options.family_reunification_window_end = kc::month(2021, 4);
  const auto k =
      kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021(), options);
  BOOST_TEST((k.first_month.rows[0].percent == kc::rounded_decimal(321, 1)));  // 385 of 1200: 32.1%
  BOOST_TEST((k.first_month.percent_sum == kc::rounded_decimal(1001, 1)));
  BOOST_TEST((k.safe_month.percent == kc::rounded_decimal(188, 1)));  // 225 of 1200: 18.75% half-up
  BOOST_TEST((k.departures_all.supervised_percent == kc::rounded_decimal(510, 1)));
  BOOST_TEST((k.departures_all.unsupervised_percent == kc::rounded_decimal(490, 1)));
}

// ---------------------------------------------------------------------------------------
// Pages of other units: a year, a quarter; another reporting country; no nareizigers

namespace {

const std::string eurostat_annual = "Eurostat migr_asyappctza";

// First-time applicants in the Netherlands as Eurostat's annual data count them: TOTAL, Syria
// and the largest nationalities of 2021 are the real numbers (NL 2021: 24,755, Syria 8,385);
// the rest of 2021's citizenships (6,870 people) is spread here over ten codes of 687 each so
// that the breakdown is complete. 2019 and 2020 have only TOTAL and Syria.
std::vector<kc::count_row> annual_rows() {
  std::vector<kc::count_row> rows;
  const auto add = [&rows](int y, std::optional<kc::nationality> n, std::int64_t count) {
    rows.push_back(row(kc::year(y), n, count, category::first_application, eurostat_annual));
  };
  add(2019, std::nullopt, 22540);
  add(2019, nat("SYR"), 3675);
  add(2020, std::nullopt, 13720);
  add(2020, nat("SYR"), 4070);
  add(2021, std::nullopt, 24755);
  add(2021, nat("SYR"), 8385);
  add(2021, nat("AFG"), 3010);
  add(2021, nat("TUR"), 2460);
  add(2021, nat("YEM"), 1190);
  add(2021, nat("DZA"), 1105);
  add(2021, nat("SOM"), 905);
  add(2021, nat("XXX"), 830);
  for (const char* code : {"ERI", "IRQ", "IRN", "MAR", "NGA", "PAK", "SDN", "LBY", "GEO", "ALB"})
    add(2021, nat(code), 687);
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(other_units)

BOOST_AUTO_TEST_CASE(a_year_page_from_annual_data) {
  kc::key_figures_options options;
  options.trailing = 3;
  const auto k = kc::compute_key_figures(table(annual_rows()), kc::departures_table{}, kc::nl_safe_countries(),
                                         kc::year(2021), options);
  BOOST_CHECK(k.period == kc::count_period(kc::year(2021)));
  BOOST_CHECK(k.first_month.window == whole_year(2021));
  BOOST_CHECK(k.first_month.unit == kc::page_unit::year);
  BOOST_TEST(kc::to_string(k.first_month.status) == "exact");
  BOOST_TEST(k.first_month.total == 24755);
  BOOST_TEST(describe(k.first_month) ==
                 (std::vector<std::string>{"SYR 8385 34", "AFG 3010 12", "TUR 2460 10", "YEM 1190 5", "DZA 1105 4",
                                           "SOM 905 4", "unknown 830 3", "other 6870 28"}),
             boost::test_tools::per_element());
  // Three years, 2019 to 2021; only Syria has rows in every year, so the rest is unlisted.
  BOOST_CHECK(k.first_trailing.window == months(2019, 1, 2021, 12));
  BOOST_TEST(kc::to_string(k.first_trailing.status) == "partial");
  BOOST_TEST(k.first_trailing.total == 22540 + 13720 + 24755);
  BOOST_TEST(describe(k.first_trailing) == (std::vector<std::string>{"SYR 16130 26", "unlisted 44885 74"}),
             boost::test_tools::per_element());
  BOOST_CHECK(k.influx.period == kc::count_period(kc::year(2021)));
  BOOST_TEST(k.influx.by_category[0].count.value() == 24755);
  // The safe share of a year: the last-day rule on each of its months.
  BOOST_CHECK(k.safe_month.window == whole_year(2021));
  BOOST_TEST(k.safe_month.rule == "designation in force on the last day of each month");
  // Departures default to the page's calendar year.
  BOOST_CHECK(k.departures_all.window == whole_year(2021));
}

BOOST_AUTO_TEST_CASE(nareizigers_not_in_the_source_are_a_reason_not_an_error) {
  const auto k =
      kc::compute_key_figures(table(annual_rows()), kc::departures_table{}, kc::nl_safe_countries(), kc::year(2021));
  for (const auto* f : {&k.family_reunification_month, &k.family_reunification_trailing}) {
    BOOST_TEST(kc::to_string(f->status) == "unavailable");
    BOOST_TEST(kc::to_string(f->problem) == "not-in-source");
    BOOST_TEST(f->reason ==
               "the counts (sources: Eurostat migr_asyappctza) have no rows of family_reunification at all: the source "
               "does not count them");
    BOOST_TEST(f->rows.empty());
  }
  BOOST_CHECK(k.family_reunification_month.window == whole_year(2021));
  // Without trailing, the 12 trailing months are one year.
  BOOST_CHECK(k.family_reunification_trailing.window == whole_year(2021));
  BOOST_CHECK(k.first_trailing.window == whole_year(2021));
}

BOOST_AUTO_TEST_CASE(a_quarter_page_with_trailing_quarters) {
  std::vector<kc::count_row> rows;
  for (unsigned q = 1; q <= 4; ++q) {
    rows.push_back(row(kc::quarter(2021, q), std::nullopt, 100 * q));
    rows.push_back(row(kc::quarter(2021, q), nat("SYR"), 60 * q));
    rows.push_back(row(kc::quarter(2021, q), nat("AFG"), 40 * q));
  }
  const auto t = table(rows);
  const auto k = kc::compute_key_figures(t, kc::departures_table{}, kc::nl_safe_countries(), kc::quarter(2021, 2));
  BOOST_CHECK(k.first_month.window == months(2021, 4, 2021, 6));
  BOOST_CHECK(k.first_month.unit == kc::page_unit::quarter);
  BOOST_TEST(describe(k.first_month) == (std::vector<std::string>{"SYR 120 60", "AFG 80 40"}),
             boost::test_tools::per_element());
  // Twelve months are four quarters: 2020-Q3 to 2021-Q2, of which 2020 has no rows.
  BOOST_CHECK(k.first_trailing.window == months(2020, 7, 2021, 6));
  BOOST_TEST(kc::to_string(k.first_trailing.problem) == "missing-months");
  kc::key_figures_options options;
  options.trailing = 2;
  const auto k2 =
      kc::compute_key_figures(t, kc::departures_table{}, kc::nl_safe_countries(), kc::quarter(2021, 2), options);
  BOOST_CHECK(k2.first_trailing.window == months(2021, 1, 2021, 6));
  BOOST_TEST(describe(k2.first_trailing) == (std::vector<std::string>{"SYR 180 60", "AFG 120 40"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(trailing_options_are_checked_in_the_pages_unit) {
  kc::key_figures_options options;
  options.trailing_months = 13;
  check_throws_exactly<kc::invalid_input>(
      [&] {
        (void)kc::compute_key_figures(table(annual_rows()), kc::departures_table{}, kc::nl_safe_countries(),
                                      kc::year(2021), options);
      },
      "trailing_months 13 is not a whole number of years: set trailing (in years) for a year page");
  options.trailing = 0;
  check_throws_exactly<kc::invalid_input>(
      [&] {
        (void)kc::compute_key_figures(table(annual_rows()), kc::departures_table{}, kc::nl_safe_countries(),
                                      kc::year(2021), options);
      },
      "trailing 0: a trailing window needs at least one period");
  BOOST_CHECK(kc::trailing_months_of(kc::year(2021), 3) == months(2019, 1, 2021, 12));
  BOOST_CHECK(kc::trailing_months_of(kc::quarter(2021, 1), 2) == months(2020, 10, 2021, 3));
  BOOST_CHECK(kc::trailing_months_of(may_2021(), 12) == months(2020, 6, 2021, 5));
}

BOOST_AUTO_TEST_CASE(another_reporting_country_has_no_dutch_policy_figures) {
  kc::key_figures_options options;
  options.reporting_country = "DE";
  const auto k = kc::compute_key_figures(table(annual_rows()), golden_departures(), kc::nl_safe_countries(),
                                         kc::year(2021), options);
  BOOST_TEST(kc::to_string(k.first_month.status) == "exact");
  const std::string reason =
      "the share from safe countries of origin and the departures rest on Dutch data (the Dutch list of safe countries "
      "of origin, departures from the Netherlands) and the page is for reporting country DE, whose own data were not "
      "given";
  BOOST_TEST(kc::to_string(k.safe_month.problem) == "not-for-country");
  BOOST_TEST(k.safe_month.reason == reason);
  BOOST_TEST(!k.safe_month.lower_percent.has_value());
  for (const auto* d : {&k.departures_all, &k.departures_criminal}) {
    BOOST_TEST(kc::to_string(d->status) == "unavailable");
    BOOST_TEST(kc::to_string(d->problem) == "not-for-country");
    BOOST_TEST(d->reason == reason);
    BOOST_TEST(d->total == 0);
  }
  // The user's own data for that country: computed as for the Netherlands.
  options.country_policy_data = true;
  const auto own = kc::compute_key_figures(table(annual_rows()), golden_departures(), kc::nl_safe_countries(),
                                           kc::year(2021), options);
  BOOST_TEST(kc::to_string(own.safe_month.problem) != "not-for-country");
  BOOST_TEST(kc::is_netherlands("NL"));
  BOOST_TEST(kc::is_netherlands(""));
  BOOST_TEST(!kc::is_netherlands("DE"));
}

BOOST_AUTO_TEST_CASE(a_month_page_through_the_count_period_overload_is_the_month_page) {
  const auto a = kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(), may_2021());
  const auto b = kc::compute_key_figures(golden_counts(), golden_departures(), kc::nl_safe_countries(),
                                         kc::count_period(may_2021()));
  BOOST_CHECK(a == b);
  BOOST_CHECK(a.first_month.unit == kc::page_unit::month);
}

BOOST_AUTO_TEST_CASE(flags_and_source_rounding_are_collected_from_totals_that_have_them) {
  const auto total_with_marks = [](std::string_view letters, std::int64_t source_multiple) {
    kc::window_total t;
    t.flags = kc::observation_flags::parse(letters);
    t.source_multiple = source_multiple;
    return t;
  };
  std::string flags;
  std::int64_t multiple = 1;
  kc::detail::add_marks(flags, multiple, total_with_marks("pe", 5));
  kc::detail::add_marks(flags, multiple, total_with_marks("bp", 1));
  BOOST_TEST(flags == "bep");
  BOOST_TEST(multiple == 5);
  // A total without flags, of exact counts, adds nothing.
  kc::detail::add_marks(flags, multiple, kc::window_total{});
  BOOST_TEST(flags == "bep");
  kc::figure_header h;
  h.flags = "ep";
  BOOST_TEST(h.provisional());
  BOOST_TEST(h.estimated());
  h.flags = "b";
  BOOST_TEST(!h.provisional());
  BOOST_TEST(!h.estimated());
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// Weekly influx: counts per ISO week, built by hand in the six-column form

BOOST_AUTO_TEST_SUITE(weekly_influx)

// 2021-W07 to 2021-W19 (13 weeks), every category; category i counts 100 * (i + 1) plus the
// week's index (0 for W07). The week `skip` of category `skip_cat` has no row.
namespace {

kc::counts_table weekly_counts(unsigned skip = 0, category skip_cat = category::repeat_application) {
  std::string csv = "period,category,nationality,count,source,release\n";
  for (std::size_t i = 0; i < kc::all_categories.size(); ++i) {
    for (unsigned w = 7; w <= 19; ++w) {
      if (w == skip && kc::all_categories[i] == skip_cat) continue;
      const std::int64_t n = 100 * static_cast<std::int64_t>(i + 1) + (w - 7);
      csv += "2021-W" + std::string(w < 10 ? "0" : "") + std::to_string(w) + "," +
             std::string(kc::to_string(kc::all_categories[i])) + ",TOTAL," + std::to_string(n) +
             ",weekly test data,2021-05-20\n";
    }
  }
  std::istringstream in(csv);
  return kc::read_counts_csv(in, "weekly.csv");
}

}  // namespace

BOOST_AUTO_TEST_CASE(week_and_trailing_sums_are_exact) {
  const kc::weekly_influx_figure f = kc::weekly_influx(weekly_counts(), kc::iso_week(2021, 19));
  BOOST_TEST(kc::to_string(f.status) == "exact");
  BOOST_TEST(kc::to_string(f.problem) == "none");
  BOOST_TEST(f.reason == "");
  BOOST_TEST(f.week.iso() == "2021-W19");
  BOOST_CHECK(f.source.sources == std::vector<std::string>{"weekly test data"});
  BOOST_TEST(f.by_category.size() == 5U);
  for (std::size_t i = 0; i < f.by_category.size(); ++i) {
    const kc::weekly_influx_entry& e = f.by_category[i];
    const std::int64_t base = 100 * static_cast<std::int64_t>(i + 1);
    BOOST_CHECK(e.category == kc::all_categories[i]);
    BOOST_CHECK(e.week.count == std::optional<std::int64_t>(base + 12));
    BOOST_CHECK(e.trailing_4.count == std::optional<std::int64_t>(4 * base + 9 + 10 + 11 + 12));
    BOOST_CHECK(e.trailing_13.count == std::optional<std::int64_t>(13 * base + 78));
    BOOST_CHECK(e.week.category == kc::all_categories[i]);
  }
  BOOST_CHECK(f.by_category[0].trailing_4.count == std::optional<std::int64_t>(442));
  BOOST_CHECK(f.by_category[0].trailing_13.count == std::optional<std::int64_t>(1378));
}

BOOST_AUTO_TEST_CASE(a_missing_week_leaves_its_windows_without_a_count) {
  const kc::weekly_influx_figure f = kc::weekly_influx(weekly_counts(17), kc::iso_week(2021, 19));
  BOOST_TEST(kc::to_string(f.status) == "partial");
  BOOST_TEST(kc::to_string(f.problem) == "missing-months");
  const kc::weekly_influx_entry& repeat = f.by_category[1];
  BOOST_CHECK(repeat.week.count == std::optional<std::int64_t>(212));
  BOOST_TEST(!repeat.trailing_4.count.has_value());
  BOOST_TEST(!repeat.trailing_13.count.has_value());
  BOOST_TEST(kc::to_string(repeat.trailing_4.problem) == "missing-months");
  BOOST_TEST(repeat.trailing_4.reason == "no TOTAL repeat_application count for 2021-W17 (window 2021-W16/2021-W19)");
  BOOST_TEST(f.reason == "the weekly influx ending with 2021-W19 lacks 2 counts: repeat_application (4 weeks): " +
                             repeat.trailing_4.reason +
                             "; repeat_application (13 weeks): " + repeat.trailing_13.reason);
  BOOST_TEST(contains(repeat.trailing_13.reason, "2021-W17"));
  // Every other category is exact.
  BOOST_CHECK(f.by_category[0].trailing_13.count == std::optional<std::int64_t>(1378));
}

BOOST_AUTO_TEST_CASE(weeks_before_the_data_are_unavailable) {
  const kc::weekly_influx_figure f = kc::weekly_influx(weekly_counts(), kc::iso_week(2021, 6));
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(kc::to_string(f.problem) == "missing-months");
  BOOST_TEST(contains(f.reason, "lacks 15 counts: first_application (the week): "));
  BOOST_TEST(f.by_category[4].trailing_13.reason ==
             "no TOTAL resettlement count for 2020-W47, 2020-W48, 2020-W49, 2020-W50, 2020-W51, 2020-W52, "
             "2020-W53, 2021-W01, 2021-W02, 2021-W03, 2021-W04, 2021-W05, 2021-W06 (window 2020-W47/2021-W06)");
}

BOOST_AUTO_TEST_CASE(a_month_row_is_not_split_into_weeks) {
  std::istringstream in(
      "period,category,nationality,count,source,release\n"
      "2021-05,first_application,TOTAL,500,s,2021-06-01\n");
  const kc::weekly_influx_figure f = kc::weekly_influx(kc::read_counts_csv(in, "m.csv"), kc::iso_week(2021, 19));
  BOOST_TEST(kc::to_string(f.status) == "unavailable");
  BOOST_TEST(kc::to_string(f.by_category[0].week.problem) == "unsplittable-rows");
  BOOST_TEST(!f.by_category[0].week.count.has_value());
  BOOST_TEST(kc::to_string(f.problem) == "unsplittable-rows");
  // The other categories are in no row at all: not in the source, in every window.
  for (const kc::influx_entry* e :
       {&f.by_category[1].week, &f.by_category[3].trailing_4, &f.by_category[4].trailing_13}) {
    BOOST_TEST(kc::to_string(e->problem) == "not-in-source");
    BOOST_TEST(!e->count.has_value());
  }
  BOOST_TEST(f.by_category[2].week.reason == "the counts (sources: s) have no rows of family_reunification at all");
}

BOOST_AUTO_TEST_SUITE_END()
