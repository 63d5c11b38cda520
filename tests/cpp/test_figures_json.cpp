#define BOOST_TEST_MODULE figures_json
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <kerncijfers/counts.hpp>
#include <kerncijfers/departures.hpp>
#include <kerncijfers/figures_json.hpp>
#include <kerncijfers/key_figures.hpp>
#include <kerncijfers/safe_countries.hpp>

namespace kc = kerncijfers;

namespace {

const kc::month may_2021(2021, 5);

kc::count_row count(kc::category cat, std::string_view alpha3, std::int64_t value) {
  kc::count_row r;
  r.period = may_2021;
  r.category = cat;
  if (!alpha3.empty()) r.nationality = kc::nationality::from_alpha3(alpha3);
  r.count = value;
  r.source = "test";
  r.release = kc::release::from_date(2021, 6, 15);
  return r;
}

kc::departure_row departure(kc::departure_group group, kc::departure_mode mode, std::int64_t value) {
  kc::departure_row r;
  r.period = kc::period_range<kc::month>(kc::month(2021, 1), kc::month(2021, 12));
  r.group = group;
  r.mode = mode;
  r.count = value;
  r.source = "test";
  r.release = kc::release::from_date(2022, 1, 31);
  return r;
}

kc::key_figures figures_of(const std::vector<kc::count_row>& counts, const std::vector<kc::departure_row>& departures,
                           const kc::key_figures_options& options = {}) {
  return kc::compute_key_figures(kc::counts_table::from_rows(counts, "test"),
                                 kc::departures_table::from_rows(departures, "test"), kc::nl_safe_countries(), may_2021,
                                 options);
}

// Some figures exact, some partial: SYR and the unknown nationality listed, 55 of 100 not.
kc::key_figures some_figures() {
  using kc::category;
  using kc::departure_group;
  using kc::departure_mode;
  return figures_of({count(category::first_application, "", 100), count(category::first_application, "SYR", 40),
                     count(category::first_application, "XXX", 5), count(category::family_reunification, "", 10),
                     count(category::family_reunification, "ERI", 10)},
                    {departure(departure_group::all, departure_mode::independent, 10),
                     departure(departure_group::all, departure_mode::forced, 20),
                     departure(departure_group::all, departure_mode::unsupervised, 30)});
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_document_parses_and_ends_in_a_newline) {
  const std::string text = kc::render_json(some_figures());
  BOOST_TEST_REQUIRE(!text.empty());
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text.substr(0, 2) == "{\n");
  const nlohmann::json parsed = nlohmann::json::parse(text);
  BOOST_TEST(parsed.is_object());
  BOOST_TEST(parsed.size() == 11u);
}

BOOST_AUTO_TEST_CASE(keys_keep_their_order) {
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(kc::render_json(some_figures()));
  std::vector<std::string> keys;
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  const std::vector<std::string> expected = {"period",         "period_label",       "options",
                                             "influx",         "first_month",        "first_trailing",
                                             "safe_month",     "nareizigers_month",  "nareizigers_trailing",
                                             "departures_all", "departures_criminal"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
  std::vector<std::string> window_keys;
  for (const auto& item : parsed["first_month"]["window"].items()) window_keys.push_back(item.key());
  const std::vector<std::string> expected_window = {"iso", "first", "last", "months", "label"};
  BOOST_TEST(window_keys == expected_window, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(layout_is_two_spaces_with_empty_containers_inline) {
  const std::string text = kc::render_json(some_figures());
  BOOST_TEST(contains(text,
                      "{\n  \"period\": \"2021-05\",\n  \"period_label\": {\n    \"nl\": \"mei 2021\",\n"
                      "    \"en\": \"May 2021\"\n  },\n"));
  BOOST_TEST(contains(text, "\"unusable_nationalities\": [],"));
  BOOST_TEST(contains(text, "\"notes\": [],"));
}

BOOST_AUTO_TEST_CASE(partial_and_unavailable_figures) {
  const nlohmann::json j = nlohmann::json::parse(kc::render_json(some_figures()));
  const nlohmann::json& first = j["first_month"];
  BOOST_TEST(first["status"].get<std::string>() == "partial");
  BOOST_TEST(first["problem"].get<std::string>() == "incomplete-breakdown");
  BOOST_TEST(first["total"].get<std::int64_t>() == 100);
  BOOST_TEST(first["unknown_separate"].get<bool>() == true);
  BOOST_TEST(first["rows"].size() == 3u);  // SYR, unknown, unlisted
  BOOST_TEST(first["rows"][0]["percent"].get<std::int64_t>() == 40);
  BOOST_TEST(first["rows"][0]["percent_text"]["nl"].get<std::string>() == "40%");
  BOOST_TEST(first["rows"][2]["kind"].get<std::string>() == "unlisted");
  BOOST_TEST(first["rows"][2]["nationality"].is_null());
  BOOST_TEST(first["percent_sum"].get<std::int64_t>() == 100);

  const nlohmann::json& family = j["nareizigers_month"];
  BOOST_TEST(family["status"].get<std::string>() == "exact");
  BOOST_TEST(family["unknown_separate"].get<bool>() == false);

  // The safe share of a partial breakdown: unavailable, with bounds and their total.
  const nlohmann::json& safe = j["safe_month"];
  BOOST_TEST(safe["status"].get<std::string>() == "unavailable");
  BOOST_TEST(safe["percent"].is_null());
  BOOST_TEST(safe["percent_text"].is_null());
  BOOST_TEST(safe["total"].get<std::int64_t>() == 100);
  BOOST_TEST(safe["lower_percent"].get<std::int64_t>() == 0);
  BOOST_TEST(safe["upper_percent"].get<std::int64_t>() == 55);

  // The criminal aliens have no rows: unavailable, every value null.
  const nlohmann::json& criminal = j["departures_criminal"];
  BOOST_TEST(criminal["status"].get<std::string>() == "unavailable");
  BOOST_TEST(criminal["problem"].get<std::string>() == "missing-departures");
  for (const char* key : {"total", "total_rounded", "total_rounded_text", "supervised", "unsupervised",
                          "supervised_percent", "unsupervised_percent", "percent_sum", "sums_to_100"}) {
    BOOST_TEST(criminal[key].is_null(), key);
  }
  const nlohmann::json& all = j["departures_all"];
  BOOST_TEST(all["total_rounded"].get<std::int64_t>() == 60);
  BOOST_TEST(all["supervised_percent"].get<std::int64_t>() == 50);
  BOOST_TEST(all["percent_sum"].get<std::int64_t>() == 100);
  BOOST_TEST(all["period"]["iso"].get<std::string>() == "2021-01/2021-12");
  BOOST_TEST(all["period"]["label"]["nl"].get<std::string>() == "2021");

  // Influx: the table has no repeat applications at all (not in its source), so the sum has none.
  BOOST_TEST(j["influx"]["total"].is_null());
  BOOST_TEST(j["influx"]["total_problem"].get<std::string>() == "not-in-source");
  BOOST_TEST(j["influx"]["by_category"][1]["problem"].get<std::string>() == "not-in-source");
  BOOST_TEST(j["influx"]["by_category"][0]["count"].get<std::int64_t>() == 100);
  BOOST_TEST(j["influx"]["by_category"][1]["count"].is_null());
}

BOOST_AUTO_TEST_CASE(percents_at_one_decimal_stay_integers_in_units) {
  kc::key_figures_options options;
  options.decimals = 1;
  const kc::key_figures f =
      figures_of({count(kc::category::first_application, "", 3), count(kc::category::first_application, "SYR", 1),
                  count(kc::category::first_application, "ERI", 2)},
                 {}, options);
  const nlohmann::json j = nlohmann::json::parse(kc::render_json(f));
  BOOST_TEST(j["options"]["decimals"].get<int>() == 1);
  BOOST_TEST(j["first_month"]["rows"][0]["percent"].get<std::int64_t>() == 667);
  BOOST_TEST(j["first_month"]["rows"][0]["percent_text"]["nl"].get<std::string>() == "66,7%");
  BOOST_TEST(j["first_month"]["rows"][1]["percent_text"]["en"].get<std::string>() == "33.3%");
  BOOST_TEST(j["first_month"]["percent_sum"].get<std::int64_t>() == 1000);
}

BOOST_AUTO_TEST_CASE(strings_are_escaped_and_always_valid_utf8) {
  kc::key_figures f = some_figures();
  f.first_month.reason = "quote \" backslash \\ tab\t newline\n control \x01 Syri\xC3\xAB";
  f.departures_all.source.sources = {"bad \xFF byte", "cut \xC3"};
  const std::string text = kc::render_json(f);
  BOOST_TEST(
      contains(text, "\"reason\": \"quote \\\" backslash \\\\ tab\\t newline\\n control \\u0001 Syri\xC3\xAB\""));
  // An ill-formed byte becomes U+FFFD itself, one per byte (the same JSON value as "\ufffd").
  BOOST_TEST(contains(text, "\"bad \xEF\xBF\xBD byte\""));
  BOOST_TEST(contains(text, "\"cut \xEF\xBF\xBD\""));
  const nlohmann::json j = nlohmann::json::parse(text);
  BOOST_TEST(j["departures_all"]["source"]["sources"][0].get<std::string>() == "bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(utf8_text_replaces_each_ill_formed_byte) {
  using kc::detail::figures_json::utf8_text;
  BOOST_TEST(utf8_text("Syri\xC3\xAB") == "Syri\xC3\xAB");
  BOOST_TEST(utf8_text("a\xFFz") == "a\xEF\xBF\xBDz");
  BOOST_TEST(utf8_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  BOOST_TEST(utf8_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  BOOST_TEST(utf8_text("") == "");
}

BOOST_AUTO_TEST_CASE(options_keep_their_published_keys) {
  kc::key_figures_options options;
  options.family_reunification_window_end = kc::month(2021, 4);
  options.departures_window = kc::period_range<kc::month>(kc::month(2020, 1), kc::month(2020, 12));
  options.top_family_reunification = 5;
  const nlohmann::json j = nlohmann::json::parse(kc::render_json(figures_of({}, {}, options)));
  BOOST_TEST(j["options"]["top_nareizigers"].get<int>() == 5);
  BOOST_TEST(j["options"]["nareiziger_window_end"].get<std::string>() == "2021-04");
  BOOST_TEST(j["options"]["departures_period"].get<std::string>() == "2020-01/2020-12");
  BOOST_TEST(j["options"]["rounding"].get<std::string>() == "published");
  BOOST_TEST(j["nareizigers_trailing"]["window"]["last"].get<std::string>() == "2021-04");
}

BOOST_AUTO_TEST_CASE(a_retrieval_day_is_in_the_sources_of_the_count_figures) {
  kc::key_figures_options options;
  options.retrieved = "2026-12-07";
  const kc::key_figures f = some_figures();
  const nlohmann::json without = nlohmann::json::parse(kc::render_json(f));
  BOOST_TEST(without["first_month"]["source"]["text"]["nl"].get<std::string>() == "test, release 2021-06-15");
  const nlohmann::json j = nlohmann::json::parse(kc::render_json(
      figures_of({count(kc::category::first_application, "", 100), count(kc::category::first_application, "SYR", 40)},
                 {departure(kc::departure_group::all, kc::departure_mode::independent, 10),
                  departure(kc::departure_group::all, kc::departure_mode::forced, 20),
                  departure(kc::departure_group::all, kc::departure_mode::unsupervised, 30)},
                 options)));
  // In the source's text, as on the page (the schema's source object stays as it is).
  BOOST_TEST(!j["first_month"]["source"].contains("retrieved"));
  BOOST_TEST(j["first_month"]["source"]["text"]["nl"].get<std::string>() ==
             "test, release 2021-06-15, opgehaald op 2026-12-07");
  BOOST_TEST(j["first_month"]["source"]["text"]["en"].get<std::string>() ==
             "test, release 2021-06-15, retrieved on 2026-12-07");
  BOOST_TEST(j["departures_all"]["source"]["text"]["en"].get<std::string>() == "test, release 2022-01-31");
}
