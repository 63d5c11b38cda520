#define BOOST_TEST_MODULE safe_countries
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/safe_countries.hpp>

#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;
using kc::designation_status;

namespace {

const std::string data_dir = KERNCIJFERS_DATA_DIR;
const std::string test_data_dir = KERNCIJFERS_TEST_DATA_DIR;

kc::nationality nat(std::string_view code) { return kc::nationality::from_alpha3(code); }

kc::calendar::civil_date ymd(int y, unsigned m, unsigned d) {
  return kc::calendar::civil_date{date::year{y}, date::month{m}, date::day{d}};
}

kc::calendar::day_number dn(int y, unsigned m, unsigned d) { return kc::calendar::to_day_number(y, m, d); }

std::vector<std::string> codes(const std::vector<kc::nationality>& list) {
  std::vector<std::string> out;
  for (const auto n : list) out.emplace_back(n.alpha3());
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using kerncijfers_test::message_of;

kc::designation make(std::string_view code, std::optional<kc::calendar::day_number> from, bool from_known,
                     std::optional<kc::calendar::day_number> to, bool to_known = true) {
  kc::designation d;
  d.country = nat(code);
  if (from) d.from = kc::imprecise_date{*from, kc::date_precision::day};
  d.from_known = from_known;
  if (to) d.to = kc::imprecise_date{*to, kc::date_precision::day};
  d.to_known = to_known;
  d.note = "test";
  d.source = "test";
  return d;
}

const kc::safe_country_list& nl() { return kc::nl_safe_countries(); }

}  // namespace

// --- The figures the product must get right (DESIGN.md: "Circa 19% ... veilig land van herkomst", May 2021)

BOOST_AUTO_TEST_CASE(algeria_safe_in_may_2021_not_from_june) {
  const auto dza = nat("DZA");
  BOOST_TEST(nl().status(dza, kc::month(2021, 5)) == designation_status::safe);
  BOOST_TEST(nl().is_safe(dza, kc::month(2021, 5)));
  // Removed on 11 June 2021: not in force on 30 June, so June counts as not safe.
  BOOST_TEST(nl().status(dza, kc::month(2021, 6)) == designation_status::not_safe);
  BOOST_TEST(!nl().is_safe(dza, kc::month(2021, 6)));
  BOOST_TEST(nl().status(dza, kc::month(2021, 7)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, kc::month(2025, 1)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, ymd(2021, 6, 10)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, ymd(2021, 6, 11)) == designation_status::not_safe);
}

BOOST_AUTO_TEST_CASE(morocco_safe_in_may_2021_unknown_before_the_continuation) {
  const auto mar = nat("MAR");
  BOOST_TEST(nl().status(mar, kc::month(2021, 5)) == designation_status::safe);
  BOOST_TEST(nl().is_safe(mar, kc::month(2021, 5)));
  BOOST_TEST(nl().status(mar, ymd(2021, 5, 6)) == designation_status::safe);
  BOOST_TEST(nl().status(mar, ymd(2021, 5, 5)) == designation_status::unknown);  // start not in the sources
  BOOST_TEST(nl().status(mar, kc::month(2021, 4)) == designation_status::unknown);
  const std::string message =
      message_of<kc::unknown_designation>([] { (void)nl().is_safe(nat("MAR"), kc::month(2021, 4)); });
  BOOST_TEST(
      message ==
          "the sources do not say whether MAR (Morocco) was designated a safe country of origin on 2021-04-30, "
          "the last day of 2021-04 (last-day rule); known: MAR in force 2021-05-06 (start unknown), no recorded end",
      message);
  BOOST_CHECK_THROW((void)nl().is_safe(mar, kc::month(2021, 4)), kc::invalid_input);  // the base class
}

BOOST_AUTO_TEST_CASE(syria_and_turkey_are_never_safe_and_never_unknown) {
  for (const auto code : {"SYR", "TUR"}) {
    for (int y = 2000; y <= 2030; ++y) {
      BOOST_TEST(nl().status(nat(code), kc::year(y)) == designation_status::not_safe);
      for (unsigned m = 1; m <= 12; ++m) {
        BOOST_TEST_REQUIRE(nl().status(nat(code), kc::month(y, m)) == designation_status::not_safe);
      }
    }
    BOOST_TEST(!nl().is_safe(nat(code), kc::month(2021, 5)));
    BOOST_TEST(nl().designations_of(nat(code)).empty());
  }
}

BOOST_AUTO_TEST_CASE(georgia_safe_in_may_2021) {
  BOOST_TEST(nl().status(nat("GEO"), kc::month(2021, 5)) == designation_status::safe);
  BOOST_TEST(nl().is_safe(nat("GEO"), kc::month(2021, 5)));
  BOOST_TEST(nl().status(nat("GEO"), kc::month(2016, 9)) == designation_status::not_safe);
}

BOOST_AUTO_TEST_CASE(countries_safe_in_may_and_june_2021) {
  BOOST_TEST(codes(nl().countries_on(kc::month(2021, 5))) ==
                 (std::vector<std::string>{"BRA", "DZA", "GEO", "JAM", "MAR", "TTO", "TUN", "UKR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(nl().countries_on(kc::month(2021, 6))) ==
                 (std::vector<std::string>{"ALB", "BRA", "GEO", "JAM", "MAR", "MKD", "MNE", "TTO", "TUN", "UKR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(nl().countries_on(ymd(2021, 6, 10))) ==
                 (std::vector<std::string>{"BRA", "DZA", "GEO", "JAM", "MAR", "TTO", "TUN", "UKR"}),
             boost::test_tools::per_element());
  BOOST_TEST(codes(nl().countries_unknown_on(kc::month(2021, 5))) ==
                 (std::vector<std::string>{"ALB", "AND", "ARM", "AUS", "BIH", "CAN", "CHE", "GBR", "GHA",
                                           "IND", "ISL", "JPN", "LIE", "MCO", "MKD", "MNE", "MNG", "NOR",
                                           "NZL", "SEN", "SMR", "SRB", "TGO", "USA", "VAT", "XKX"}),
             boost::test_tools::per_element());
}

// --- Month precision and the last-day rule

BOOST_AUTO_TEST_CASE(month_precision_start) {
  const auto dza = nat("DZA");  // added 2016-10
  BOOST_TEST(nl().status(dza, ymd(2016, 9, 30)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, ymd(2016, 10, 1)) == designation_status::unknown);
  BOOST_TEST(nl().status(dza, ymd(2016, 10, 30)) == designation_status::unknown);
  BOOST_TEST(nl().status(dza, ymd(2016, 10, 31)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::month(2016, 10)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::month(2016, 9)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, kc::quarter(2016, 4)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::quarter(2016, 3)) == designation_status::not_safe);
  // ISO weeks: 2016-W40 is 3-9 October (unknown), 2016-W44 ends on 6 November.
  BOOST_TEST(nl().status(dza, kc::iso_week(2016, 40)) == designation_status::unknown);
  BOOST_TEST(nl().status(dza, kc::iso_week(2016, 44)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::iso_week(2016, 39)) == designation_status::unknown);  // ends 2 October
  BOOST_TEST(nl().status(dza, kc::iso_week(2016, 38)) == designation_status::not_safe);
  // Jamaica: on the list in 2017-04, start unknown: safe from 30 April 2017.
  BOOST_TEST(nl().status(nat("JAM"), ymd(2017, 4, 29)) == designation_status::unknown);
  BOOST_TEST(nl().status(nat("JAM"), ymd(2017, 4, 30)) == designation_status::safe);
  BOOST_TEST(nl().status(nat("JAM"), kc::month(2017, 3)) == designation_status::unknown);
}

BOOST_AUTO_TEST_CASE(last_day_rule_for_every_unit) {
  const auto dza = nat("DZA");  // removed 2021-06-11
  BOOST_TEST(nl().status(dza, kc::quarter(2021, 1)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::quarter(2021, 2)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, kc::year(2020)) == designation_status::safe);
  BOOST_TEST(nl().status(dza, kc::year(2021)) == designation_status::not_safe);
  BOOST_TEST(nl().status(dza, kc::iso_week(2021, 22)) == designation_status::safe);      // 31 May - 6 June
  BOOST_TEST(nl().status(dza, kc::iso_week(2021, 23)) == designation_status::not_safe);  // 7-13 June
  BOOST_TEST(nl().is_safe(dza, kc::iso_week(2021, 22)));
  BOOST_TEST(nl().is_safe(dza, ymd(2021, 6, 10)));
  BOOST_TEST(!nl().is_safe(dza, ymd(2021, 6, 11)));
}

BOOST_AUTO_TEST_CASE(ukraine_unknown_from_february_2022) {
  const auto ukr = nat("UKR");
  BOOST_TEST(nl().status(ukr, kc::month(2022, 1)) == designation_status::safe);
  BOOST_TEST(nl().status(ukr, ymd(2022, 1, 31)) == designation_status::safe);
  BOOST_TEST(nl().status(ukr, ymd(2022, 2, 1)) == designation_status::unknown);
  BOOST_TEST(nl().status(ukr, kc::month(2022, 3)) == designation_status::unknown);
  BOOST_TEST(nl().status(ukr, kc::year(2030)) == designation_status::unknown);
  const std::string message =
      message_of<kc::unknown_designation>([] { (void)nl().is_safe(nat("UKR"), kc::month(2022, 2)); });
  BOOST_TEST(contains(message, "UKR (Ukraine)"), message);
  BOOST_TEST(contains(message, "2022-02-28, the last day of 2022-02"), message);
}

BOOST_AUTO_TEST_CASE(undated_listings_are_unknown_at_every_date) {
  for (const auto code : {"SRB", "XKX", "BIH", "USA", "TGO"}) {
    BOOST_TEST(nl().status(nat(code), kc::month(2021, 5)) == designation_status::unknown);
    BOOST_TEST(nl().status(nat(code), ymd(1990, 1, 1)) == designation_status::unknown);
    BOOST_TEST(nl().status(nat(code), kc::year(2030)) == designation_status::unknown);
    BOOST_CHECK_THROW((void)nl().is_safe(nat(code), kc::month(2021, 5)), kc::unknown_designation);
  }
  const std::string message =
      message_of<kc::unknown_designation>([] { (void)nl().is_safe(nat("SRB"), ymd(2021, 5, 1)); });
  BOOST_TEST(contains(message,
                      "SRB (Serbia) was designated a safe country of origin on 2021-05-01; known: SRB undated listing"),
             message);
}

BOOST_AUTO_TEST_CASE(assessed_not_safe_countries_are_not_safe) {
  for (const auto code : {"COL", "CUB", "HND"}) {
    BOOST_TEST(nl().status(nat(code), kc::month(2017, 4)) == designation_status::not_safe);
    BOOST_TEST(nl().status(nat(code), kc::month(2021, 5)) == designation_status::not_safe);
  }
}

// --- The built-in list and its CSV

BOOST_AUTO_TEST_CASE(built_in_list_matches_the_csv_file) {
  const kc::safe_country_list loaded = kc::load_safe_countries(data_dir + "/nl_safe_countries.csv");
  BOOST_TEST(loaded.size() == 34u);
  BOOST_TEST((loaded == nl()));
  BOOST_TEST(&kc::nl_safe_countries() == &nl());  // built once
}

BOOST_AUTO_TEST_CASE(built_in_designations_are_as_curated) {
  const auto dza = nl().designations_of(nat("DZA"));
  BOOST_TEST_REQUIRE(dza.size() == 1u);
  const kc::designation& d = dza[0];
  BOOST_TEST((d.from == kc::imprecise_date{dn(2016, 10, 1), kc::date_precision::month}));
  BOOST_TEST(d.from_known);
  BOOST_TEST((d.to == kc::imprecise_date{dn(2021, 6, 11), kc::date_precision::day}));
  BOOST_TEST(d.to_known);
  BOOST_TEST(d.from_text() == "2016-10");
  BOOST_TEST(d.to_text() == "2021-06-11");
  BOOST_TEST(contains(d.note, "removed 2021-06-11"));
  BOOST_TEST(d.source ==
             "http://www.leidschdagblad.nl/algemeen/binnenland/article28619751.ece/"
             "Algerije-en-Oekraine-op-lijst-veilige-landen "
             "https://www.inlia.nl/nl/nieuws/1181/algerije-geen-veilig-land-van-herkomst-meer");

  const auto mar = nl().designations_of(nat("MAR"));
  BOOST_TEST_REQUIRE(mar.size() == 1u);
  BOOST_TEST((mar[0].from == kc::imprecise_date{dn(2021, 5, 6), kc::date_precision::day}));
  BOOST_TEST(!mar[0].from_known);
  BOOST_TEST(!mar[0].to.has_value());
  BOOST_TEST(mar[0].to_known);

  const auto ukr = nl().designations_of(nat("UKR"));
  BOOST_TEST_REQUIRE(ukr.size() == 1u);
  BOOST_TEST(ukr[0].to_text() == "2022-02");
  BOOST_TEST(!ukr[0].to_known);

  const auto srb = nl().designations_of(nat("SRB"));
  BOOST_TEST_REQUIRE(srb.size() == 1u);
  BOOST_TEST(!srb[0].from.has_value());
  BOOST_TEST(!srb[0].to.has_value());
  BOOST_TEST(!srb[0].from_known);
  BOOST_TEST(!srb[0].to_known);

  BOOST_TEST(codes(nl().countries()).size() == 34u);
  BOOST_TEST(std::is_sorted(nl().designations().begin(), nl().designations().end()));
}

// --- Building lists from designations

BOOST_AUTO_TEST_CASE(empty_list_is_not_safe_everywhere) {
  const kc::safe_country_list empty;
  BOOST_TEST(empty.empty());
  BOOST_TEST(empty.status(nat("DZA"), kc::month(2021, 5)) == designation_status::not_safe);
  BOOST_TEST(empty.countries_on(kc::month(2021, 5)).empty());
}

BOOST_AUTO_TEST_CASE(an_unknown_start_reaches_back_only_to_the_previous_end) {
  // Designated 2010-2012, then found in force on 2015-06-01 with an unrecorded start.
  const kc::safe_country_list list(
      {make("DZA", dn(2015, 6, 1), false, std::nullopt), make("DZA", dn(2010, 1, 1), true, dn(2012, 1, 1))});
  const auto dza = nat("DZA");
  BOOST_TEST(list.status(dza, ymd(2009, 12, 31)) == designation_status::not_safe);  // not unknown
  BOOST_TEST(list.status(dza, ymd(2011, 6, 1)) == designation_status::safe);
  BOOST_TEST(list.status(dza, ymd(2012, 1, 1)) == designation_status::unknown);
  BOOST_TEST(list.status(dza, ymd(2015, 5, 31)) == designation_status::unknown);
  BOOST_TEST(list.status(dza, ymd(2015, 6, 1)) == designation_status::safe);
  // A designation on its own does not know its neighbours.
  BOOST_TEST(list.designations()[1].status_on(dn(2009, 12, 31)) == designation_status::unknown);
  // Kept sorted by start.
  BOOST_TEST(list.designations()[0].from->day == dn(2010, 1, 1));
}

BOOST_AUTO_TEST_CASE(month_precision_end) {
  kc::designation d = make("GEO", dn(2010, 1, 1), true, dn(2012, 3, 1));
  d.to->precision = kc::date_precision::month;  // removed on some day of March 2012
  const kc::safe_country_list list({d});
  const auto geo = nat("GEO");
  BOOST_TEST(list.status(geo, ymd(2012, 2, 29)) == designation_status::safe);
  BOOST_TEST(list.status(geo, ymd(2012, 3, 1)) == designation_status::unknown);
  BOOST_TEST(list.status(geo, ymd(2012, 3, 30)) == designation_status::unknown);
  BOOST_TEST(list.status(geo, ymd(2012, 3, 31)) == designation_status::not_safe);
  BOOST_TEST(list.status(geo, kc::month(2012, 3)) == designation_status::not_safe);
  BOOST_TEST(list.status(geo, kc::month(2012, 2)) == designation_status::safe);
  BOOST_TEST(list.designations()[0].to_text() == "2012-03");
}

BOOST_AUTO_TEST_CASE(undated_listing_with_an_end) {
  const kc::safe_country_list list({make("TGO", std::nullopt, false, dn(2020, 1, 1))});
  BOOST_TEST(list.status(nat("TGO"), ymd(2019, 12, 31)) == designation_status::unknown);
  BOOST_TEST(list.status(nat("TGO"), ymd(2020, 1, 1)) == designation_status::not_safe);
}

BOOST_AUTO_TEST_CASE(reversed_interval_is_a_range_error_naming_country_and_dates) {
  const std::string message = message_of<kc::range_error>(
      [] { (void)kc::safe_country_list({make("TUN", dn(2021, 6, 11), true, dn(2021, 6, 1))}); });
  BOOST_TEST(message == "designation of TUN: to 2021-06-01 is not after from 2021-06-11");
  BOOST_CHECK_THROW(kc::safe_country_list({make("TUN", dn(2021, 6, 11), true, dn(2021, 6, 11))}), kc::range_error);
}

BOOST_AUTO_TEST_CASE(overlapping_intervals_are_a_range_error_naming_country_and_dates) {
  std::string message = message_of<kc::range_error>([] {
    (void)kc::safe_country_list({make("GEO", dn(2016, 10, 1), true, dn(2020, 1, 1)),
                                 make("MAR", dn(2019, 1, 1), true, std::nullopt),
                                 make("GEO", dn(2019, 6, 1), true, std::nullopt)});
  });
  BOOST_TEST(message ==
             "designations of GEO overlap: GEO 2016-10-01 to 2020-01-01 ends after GEO 2019-06-01, no "
             "recorded end starts");
  message = message_of<kc::range_error>([] {
    (void)kc::safe_country_list(
        {make("GEO", dn(2016, 10, 1), true, std::nullopt), make("GEO", dn(2019, 6, 1), false, std::nullopt)});
  });
  BOOST_TEST(message ==
             "designations of GEO overlap: GEO 2016-10-01, no recorded end has no end, but GEO in force "
             "2019-06-01 (start unknown), no recorded end starts later");
  message = message_of<kc::range_error>([] {
    (void)kc::safe_country_list(
        {make("SRB", std::nullopt, false, std::nullopt, false), make("SRB", dn(2019, 6, 1), true, std::nullopt)});
  });
  BOOST_TEST(contains(message, "designations of SRB overlap: an undated listing (SRB undated listing)"), message);
  // Touching intervals do not overlap.
  const kc::safe_country_list touching(
      {make("GEO", dn(2016, 10, 1), true, dn(2020, 1, 1)), make("GEO", dn(2020, 1, 1), true, std::nullopt)});
  BOOST_TEST(touching.status(nat("GEO"), ymd(2020, 1, 1)) == designation_status::safe);
  BOOST_TEST(touching.status(nat("GEO"), ymd(2019, 12, 31)) == designation_status::safe);
}

BOOST_AUTO_TEST_CASE(inconsistent_designations_are_invalid_input) {
  kc::designation d = make("GEO", std::nullopt, true, std::nullopt, false);
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::safe_country_list({d}); }) ==
             "designation of GEO: from_known is true but there is no from date");
  d = make("GEO", dn(2016, 10, 1), true, std::nullopt, false);
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::safe_country_list({d}); }) ==
             "designation of GEO from 2016-10-01: to_known is false but there is no to date (give the first day whose "
             "status is unknown)");
  d = make("GEO", std::nullopt, false, std::nullopt, true);
  BOOST_TEST(contains(message_of<kc::invalid_input>([&] { (void)kc::safe_country_list({d}); }),
                      "an undated listing (no from, no to) must have to_known false"));
  d = make("GEO", dn(2016, 10, 15), true, std::nullopt);
  d.from->precision = kc::date_precision::month;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::safe_country_list({d}); }) ==
             "designation of GEO: a month-precision from must be the first day of its month, not 2016-10-15");
  d = make("GEO", dn(2016, 10, 17), true, std::nullopt);
  d.from->precision = kc::date_precision::week;  // a Monday, but designations are days or months
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::safe_country_list({d}); }) ==
             "designation of GEO: from 2016-W42 is a week; a designation date is a day or a month");
}

BOOST_AUTO_TEST_CASE(invalid_day_is_invalid_input) {
  BOOST_CHECK_THROW((void)nl().status(nat("DZA"), ymd(2021, 2, 30)), kc::invalid_input);
  BOOST_CHECK_THROW((void)nl().is_safe(nat("DZA"), ymd(2021, 13, 1)), kc::invalid_input);
}

// --- Value semantics

BOOST_AUTO_TEST_CASE(designation_is_a_regular_value) {
  const kc::designation a = make("DZA", dn(2016, 10, 1), true, dn(2021, 6, 11));
  kc::designation b = a;
  BOOST_TEST((a == b));
  BOOST_TEST(std::hash<kc::designation>{}(a) == std::hash<kc::designation>{}(b));
  b.note = "other";
  BOOST_TEST((a != b));
  b = a;
  b.to_known = false;
  BOOST_TEST((a != b));
  b = a;
  b.from->day = dn(2016, 11, 1);
  BOOST_TEST((a < b));
  BOOST_TEST((make("DZA", dn(2020, 1, 1), true, std::nullopt) < make("GEO", dn(2010, 1, 1), true, std::nullopt)));
  std::ostringstream out;
  out << a << " " << designation_status::unknown << " " << kc::date_precision::month;
  BOOST_TEST(out.str() == "DZA 2016-10-01 to 2021-06-11 unknown month");
  BOOST_TEST(kc::to_string(designation_status::not_safe) == "not_safe");
  BOOST_TEST(kc::to_string(designation_status::safe) == "safe");
}

BOOST_AUTO_TEST_CASE(list_is_a_regular_value) {
  const kc::safe_country_list copy = nl();
  BOOST_TEST((copy == nl()));
  BOOST_TEST(copy.status(nat("DZA"), kc::month(2021, 5)) == designation_status::safe);
  const kc::safe_country_list other({make("DZA", dn(2016, 10, 1), true, std::nullopt)});
  BOOST_TEST(!(other == nl()));
}

// --- Loading user files

BOOST_AUTO_TEST_CASE(load_a_user_file) {
  // Columns in another order, an extra column, names instead of codes, a two-line note.
  const kc::safe_country_list list = kc::load_safe_countries(test_data_dir + "/safe_countries_valid.csv");
  BOOST_TEST(list.size() == 5u);
  BOOST_TEST(codes(list.countries()) == (std::vector<std::string>{"DZA", "GEO", "SRB", "TGO"}),
             boost::test_tools::per_element());
  const auto dza = list.designations_of(nat("DZA"));
  BOOST_TEST_REQUIRE(dza.size() == 2u);
  BOOST_TEST(dza[0].note == "removed, then re-designated");
  BOOST_TEST(dza[0].to_text() == "2012-03");
  BOOST_TEST((dza[0].to->precision == kc::date_precision::month));
  BOOST_TEST(dza[1].from_text() == "2015-06-01");
  BOOST_TEST(!dza[1].from_known);
  BOOST_TEST(list.designations_of(nat("GEO"))[0].note == "month start; \"quoted\" note\nover two lines");
  BOOST_TEST(list.status(nat("DZA"), kc::month(2012, 2)) == designation_status::safe);
  // The first designation ended on some day of March 2012, and the second (start unknown)
  // may have begun any day after that, even within March: unknown, not "not safe".
  BOOST_TEST(list.status(nat("DZA"), kc::month(2012, 3)) == designation_status::unknown);
  BOOST_TEST(list.designations_of(nat("DZA"))[0].status_on(dn(2012, 3, 31)) == designation_status::not_safe);
  BOOST_TEST(list.status(nat("DZA"), kc::month(2013, 3)) == designation_status::unknown);
  BOOST_TEST(list.status(nat("DZA"), kc::month(2009, 3)) == designation_status::not_safe);
  BOOST_TEST(list.status(nat("SRB"), kc::month(2013, 3)) == designation_status::unknown);
  BOOST_TEST(list.status(nat("TGO"), kc::month(2020, 1)) == designation_status::not_safe);
}

BOOST_AUTO_TEST_CASE(load_from_a_stream_names_the_source) {
  std::istringstream in("country,from,from_known,to,to_known,note,source\nSYR,2021-5-1,true,,true,x,y\n");
  const std::string message = message_of<kc::csv::value_error>([&] { (void)kc::load_safe_countries(in, "<my list>"); });
  BOOST_TEST(message ==
             "cannot parse \"2021-5-1\" as a date (YYYY-MM-DD or YYYY-MM, or empty) in <my list>, line 2, "
             "column 2 (\"from\")");
}

// Releases may be dated by week; designations may not: the sources date them by day or month.
BOOST_AUTO_TEST_CASE(a_week_is_no_designation_date) {
  std::istringstream in("country,from,from_known,to,to_known,note,source\nSYR,2021-01,true,2021-W24,true,x,y\n");
  const std::string message = message_of<kc::csv::value_error>([&] { (void)kc::load_safe_countries(in, "<my list>"); });
  BOOST_TEST(message ==
             "cannot parse \"2021-W24\" as a date (YYYY-MM-DD or YYYY-MM, or empty) in <my list>, line 2, "
             "column 4 (\"to\")");
}

BOOST_AUTO_TEST_CASE(unknown_country_names_file_line_column_and_value) {
  // As in a counts file, the file is what is wrong: a value_error (ValueError in Python)
  // with the closest names, not an unknown_code.
  const std::string path = test_data_dir + "/safe_countries_unknown_country.csv";
  try {
    (void)kc::load_safe_countries(path);
    BOOST_FAIL("an unknown country must throw");
  } catch (const kc::csv::value_error& e) {
    BOOST_TEST(e.input() == "Algerje");
    BOOST_TEST(std::string(e.what()) ==
               "cannot parse \"Algerje\" as a country (a code or name in the nationality "
               "table; did you mean \"Algerije\"?) in " +
                   path + ", line 3, column 1 (\"country\")");
    BOOST_TEST(e.where().source == path);
    BOOST_TEST(e.where().line == 3u);
    BOOST_TEST(e.where().column == 1u);
    BOOST_TEST(e.where().column_name == "country");
  }
}

// Issue 10: texts that folding used to turn into codes ("n.a." Namibia, "4.0" Austria)
// are bad values with file, line, column and value. The country column is the third of
// this file, so the column number is the file's, not the schema's.
namespace {

std::string safe_list_with_country(const std::string& value) {
  return "note,source,country,from,from_known,to,to_known\n"
         "x,y,DZA,2016-10,true,2021-06-11,true\n"
         "x,y,\"" +
         value + "\",2016-10,true,,true\n";
}

const std::vector<std::string> missing_markers = {"#N/A", "N/A", "n.a.", "n.v.t.", "-", "..", ":", "?", ""};

}  // namespace

BOOST_AUTO_TEST_CASE(non_codes_in_the_country_column_name_file_line_column_and_value) {
  std::vector<std::string> values = missing_markers;
  for (const std::string extra : {"4.0", "Æ", "S Y R", "MAR.", "N.A."}) values.push_back(extra);
  for (const auto& value : values) {
    BOOST_TEST_CONTEXT('"' << value << '"') {
      std::istringstream in(safe_list_with_country(value));
      try {
        (void)kc::load_safe_countries(in, "list.csv");
        BOOST_ERROR("no error");
      } catch (const kc::csv::value_error& e) {
        BOOST_TEST(e.input() == value);
        BOOST_TEST(e.where().source == "list.csv");
        BOOST_TEST(e.where().line == 3u);
        BOOST_TEST(e.where().column == 3u);
        BOOST_TEST(e.where().column_name == "country");
        BOOST_TEST(std::string(e.what()).ends_with(" in list.csv, line 3, column 3 (\"country\")"), e.what());
      }
    }
  }
  std::istringstream in(safe_list_with_country("4.0"));
  BOOST_TEST(message_of<kc::csv::value_error>([&] { (void)kc::load_safe_countries(in, "list.csv"); }) ==
             "cannot parse \"4.0\" as a country (a code or name in the nationality table) in list.csv, line 3, "
             "column 3 (\"country\")");
  // NA is Namibia (ISO, Eurostat), not a missing value.
  std::istringstream namibia(safe_list_with_country("NA"));
  const auto list = kc::load_safe_countries(namibia, "list.csv");
  BOOST_TEST(list.designations_of(kc::nationality::from_alpha3("NAM")).size() == 1u);
}

// reader::fail_value words a marker (csv::is_missing_marker) as a missing value: a
// marker is reported as a missing value, with file, line, column and the marker.
BOOST_AUTO_TEST_CASE(missing_value_markers_in_the_country_column_are_reported_as_missing) {
  for (const auto& value : missing_markers) {
    BOOST_TEST_CONTEXT('"' << value << '"') {
      std::istringstream in(safe_list_with_country(value));
      try {
        (void)kc::load_safe_countries(in, "list.csv");
        BOOST_ERROR("no error");
      } catch (const kc::csv::value_error& e) {
        const std::string message = e.what();
        BOOST_TEST(message.starts_with("missing value"), message);
        BOOST_TEST(message.ends_with(" in list.csv, line 3, column 3 (\"country\")"), message);
        BOOST_TEST(e.input() == value);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(bad_date_names_file_line_column_and_value) {
  const std::string path = test_data_dir + "/safe_countries_bad_date.csv";
  try {
    (void)kc::load_safe_countries(path);
    BOOST_FAIL("a bad date must throw");
  } catch (const kc::csv::value_error& e) {
    BOOST_TEST(e.input() == "2021-13");
    BOOST_TEST(e.where().line == 2u);
    BOOST_TEST(e.where().column == 4u);
    BOOST_TEST(std::string(e.what()) == "cannot parse \"2021-13\" as a date (YYYY-MM-DD or YYYY-MM, or empty) in " +
                                            path + ", line 2, column 4 (\"to\")");
  }
}

BOOST_AUTO_TEST_CASE(bad_flag_names_file_line_column_and_value) {
  const std::string path = test_data_dir + "/safe_countries_bad_flag.csv";
  BOOST_TEST(message_of<kc::parse_error>([&] { (void)kc::load_safe_countries(path); }) ==
             "cannot parse \"yes\" as true or false in " + path + ", line 2, column 3 (\"from_known\")");
}

BOOST_AUTO_TEST_CASE(reversed_row_names_file_line_column_and_dates) {
  const std::string path = test_data_dir + "/safe_countries_reversed.csv";
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::load_safe_countries(path); }) ==
             path + ", line 3, column 4 (\"to\"): designation of TUN: to 2021-06-01 is not after from 2021-06-11");
}

BOOST_AUTO_TEST_CASE(overlapping_rows_name_both_lines) {
  const std::string path = test_data_dir + "/safe_countries_overlap.csv";
  BOOST_TEST(message_of<kc::range_error>([&] { (void)kc::load_safe_countries(path); }) ==
             path +
                 ", lines 2 and 4: designations of GEO overlap: GEO 2016-10 to 2020-01-01 ends after GEO "
                 "2019-06-01, no recorded end starts");
}

BOOST_AUTO_TEST_CASE(inconsistent_row_names_file_line_and_column) {
  const std::string path = test_data_dir + "/safe_countries_inconsistent.csv";
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)kc::load_safe_countries(path); }) ==
             path +
                 ", line 3, column 5 (\"to_known\"): designation of UKR from 2016-10: to_known is false but there "
                 "is no to date (give the first day whose status is unknown)");
}

BOOST_AUTO_TEST_CASE(malformed_files_are_format_errors) {
  const std::string missing = test_data_dir + "/safe_countries_missing_column.csv";
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::load_safe_countries(missing); }) ==
             missing +
                 ", line 1: missing column \"to_known\" (the header has \"country\", \"from\", \"from_known\", "
                 "\"to\", \"note\", \"source\")");
  const std::string short_row = test_data_dir + "/safe_countries_short_row.csv";
  BOOST_TEST(message_of<kc::csv::format_error>([&] { (void)kc::load_safe_countries(short_row); }) ==
             short_row + ", line 2, column 7 (\"source\"): missing field: the record has 6 fields, the header has 7");
  BOOST_CHECK_THROW((void)kc::load_safe_countries(test_data_dir + "/safe_countries_no_such_file.csv"),
                    kc::invalid_input);
}

// Designations are plain structs: any day number can arrive, and the calendar can only
// convert years 1-9999 (beyond, the date library overflows: undefined behaviour).
BOOST_AUTO_TEST_CASE(day_numbers_outside_the_calendar_are_refused_by_name) {
  kc::designation d;
  d.country = kc::nationality::from_alpha3("DZA");
  d.from = kc::imprecise_date{2'147'483'000, kc::date_precision::month};
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::safe_country_list({d}); }) ==
             "designation of DZA: from day number 2147483000 is outside the supported years 0001-9999");
  BOOST_TEST(message_of<kc::range_error>([&] { (void)d.bounds(); }) ==
             "designation day number 2147483000 is outside the supported years 0001-9999");
  d.from = kc::imprecise_date{0, kc::date_precision::month};
  d.to = kc::imprecise_date{-2'147'483'000, kc::date_precision::day};
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::safe_country_list({d}); }) ==
             "designation of DZA: to day number -2147483000 is outside the supported years 0001-9999");
}
