#define BOOST_TEST_MODULE eurostat_codes
#include <boost/test/unit_test.hpp>

#include <kerncijfers/eurostat_codes.hpp>

#include "support/message_of.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kc = kerncijfers;
using kc::language;
using kc::nationality;
using kerncijfers_test::message_of;

namespace {

nationality code(std::string_view alpha3) { return nationality::from_alpha3(alpha3); }

// Every citizen and geo code of the real file migr_asyappctza 2008-2022 (shared data, entry 5 of
// PROVENANCE.md), as written there.
const std::vector<std::string_view> real_citizen_codes = {
    "AD", "AE",    "AF", "AG", "AL", "AM",  "AO", "AR", "AT", "AU", "AZ",        "BA",
    "BB", "BD",    "BE", "BF", "BG", "BH",  "BI", "BJ", "BN", "BO", "BR",        "BS",
    "BT", "BW",    "BY", "BZ", "CA", "CD",  "CF", "CG", "CH", "CI", "CK",        "CL",
    "CM", "CN",    "CO", "CR", "CU", "CV",  "CY", "CZ", "DE", "DJ", "DK",        "DM",
    "DO", "DZ",    "EC", "EE", "EG", "EH",  "EL", "ER", "ES", "ET", "EU27_2020", "EXT_EU27_2020",
    "FI", "FJ",    "FM", "FR", "GA", "GD",  "GE", "GH", "GM", "GN", "GQ",        "GT",
    "GW", "GY",    "HN", "HR", "HT", "HU",  "ID", "IE", "IL", "IN", "IQ",        "IR",
    "IS", "IT",    "JM", "JO", "JP", "KE",  "KG", "KH", "KI", "KM", "KN",        "KP",
    "KR", "KW",    "KZ", "LA", "LB", "LC",  "LI", "LK", "LR", "LS", "LT",        "LU",
    "LV", "LY",    "MA", "MC", "MD", "ME",  "MG", "MH", "MK", "ML", "MM",        "MN",
    "MR", "MT",    "MU", "MV", "MW", "MX",  "MY", "MZ", "NA", "NE", "NG",        "NI",
    "NL", "NO",    "NP", "NR", "NZ", "OM",  "PA", "PE", "PG", "PH", "PK",        "PL",
    "PS", "PT",    "PW", "PY", "QA", "RNC", "RO", "RS", "RU", "RW", "SA",        "SB",
    "SC", "SD",    "SE", "SG", "SI", "SK",  "SL", "SM", "SN", "SO", "SR",        "SS",
    "ST", "STLS",  "SV", "SY", "SZ", "TD",  "TG", "TH", "TJ", "TL", "TM",        "TN",
    "TO", "TOTAL", "TR", "TT", "TV", "TW",  "TZ", "UA", "UG", "UK", "UK_OCT",    "UNK",
    "US", "UY",    "UZ", "VA", "VC", "VE",  "VN", "VU", "WS", "XK", "YE",        "ZA",
    "ZM", "ZW"};
const std::vector<std::string_view> real_geo_codes = {
    "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "EU27_2020", "FI", "FR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "ME", "MT", "NL", "NO", "PL", "PT",        "RO", "SE", "SI", "SK", "UK"};

}  // namespace

BOOST_AUTO_TEST_CASE(eurostat_own_codes_map_onto_nationalities) {
  BOOST_TEST((kc::nationality_from_eurostat("EL") == code("GRC")));
  BOOST_TEST((kc::nationality_from_eurostat("UK") == code("GBR")));
  BOOST_TEST((kc::nationality_from_eurostat("XK") == code("XKX")));
  BOOST_TEST((kc::nationality_from_eurostat("STLS") == nationality::stateless()));
  BOOST_TEST((kc::nationality_from_eurostat("UNK") == nationality::unknown()));
  BOOST_TEST((kc::nationality_from_eurostat("RNC") == code("XRN")));
  BOOST_TEST((kc::nationality_from_eurostat("UK_OCT") == code("GBD")));
  BOOST_TEST((kc::nationality_from_eurostat("SY") == code("SYR")));
  BOOST_TEST((kc::nationality_from_eurostat("NA") == code("NAM")));  // Namibia, not "not available"
  static_assert(kc::nationality_from_eurostat("EL") == nationality::from_alpha3("GRC"));
}

BOOST_AUTO_TEST_CASE(lookup_is_exact_and_refuses_iso_codes_eurostat_does_not_use) {
  for (const std::string_view text : {"GR", "GB", "sy", "SYR", "Syria", "", "S", "UK_OC", "TOTAL", "EU27_2020"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!kc::nationality_from_eurostat(text).has_value()); }
  }
  BOOST_TEST(message_of<kc::unknown_code>([] { (void)kc::nationality_of_eurostat("GR"); }) ==
             "unknown Eurostat citizenship code \"GR\"; did you mean \"EL\"?");
  BOOST_TEST(message_of<kc::unknown_code>([] { (void)kc::nationality_of_eurostat("ZZ"); }) ==
             "unknown Eurostat citizenship code \"ZZ\"");
  BOOST_CHECK_THROW((void)kc::nationality_of_eurostat("GB"), kc::unknown_code);
  BOOST_CHECK_THROW((void)kc::nationality_of_eurostat("TOTAL"), kc::invalid_input);
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::nationality_of_eurostat("EXT_EU27_2020"); }) ==
             "Eurostat code \"EXT_EU27_2020\" is an aggregate (a sum of citizenships), not a nationality");
}

BOOST_AUTO_TEST_CASE(aggregates_are_recognised_and_never_nationalities) {
  for (const std::string_view text : {"TOTAL", "EU27_2020", "EXT_EU27_2020", "EU28", "EXT_EU28", "EU27_2007"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(kc::is_eurostat_aggregate(text));
      BOOST_TEST(!kc::nationality_from_eurostat(text).has_value());
    }
  }
  for (const std::string_view text : {"NL", "UNK", "STLS", "NA", "", "total"}) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(!kc::is_eurostat_aggregate(text)); }
  }
}

BOOST_AUTO_TEST_CASE(every_code_of_the_real_file_is_a_nationality_or_an_aggregate) {
  BOOST_TEST(real_citizen_codes.size() == 206u);
  std::set<nationality> seen;
  std::size_t aggregates = 0;
  for (const std::string_view text : real_citizen_codes) {
    BOOST_TEST_CONTEXT(text) {
      const auto found = kc::nationality_from_eurostat(text);
      BOOST_TEST((found.has_value() != kc::is_eurostat_aggregate(text)));
      if (found) {
        BOOST_TEST(seen.insert(*found).second);         // no two codes name one nationality
        BOOST_TEST(kc::eurostat_code(*found) == text);  // and the code comes back
      } else {
        ++aggregates;
      }
    }
  }
  BOOST_TEST(aggregates == 3u);  // TOTAL, EU27_2020, EXT_EU27_2020
  BOOST_TEST(real_geo_codes.size() == 34u);
  for (const std::string_view geo : real_geo_codes) {
    BOOST_TEST_CONTEXT(geo) {
      BOOST_TEST(!kc::eurostat_geo_name(geo, language::nl).empty());
      BOOST_TEST(!kc::eurostat_geo_name(geo, language::en).empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(eurostat_code_is_the_inverse) {
  BOOST_TEST(kc::eurostat_code(code("GRC")) == "EL");
  BOOST_TEST(kc::eurostat_code(code("GBR")) == "UK");
  BOOST_TEST(kc::eurostat_code(nationality::stateless()) == "STLS");
  BOOST_TEST(kc::eurostat_code(nationality::unknown()) == "UNK");
  BOOST_TEST(kc::eurostat_code(code("XRN")) == "RNC");
  BOOST_TEST(kc::eurostat_code(code("GBD")) == "UK_OCT");
  BOOST_TEST(kc::eurostat_code(code("SYR")) == "SY");
  BOOST_TEST(kc::eurostat_code(code("YUG")).empty());  // a former state
}

BOOST_AUTO_TEST_CASE(reporting_countries_have_dutch_and_english_names) {
  BOOST_TEST(kc::eurostat_geo_name("DE", language::nl) == "Duitsland");
  BOOST_TEST(kc::eurostat_geo_name("DE", language::en) == "Germany");
  BOOST_TEST(kc::eurostat_geo_name("EL", language::nl) == "Griekenland");
  BOOST_TEST(kc::eurostat_geo_name("UK", language::en) == "United Kingdom");
  BOOST_TEST(kc::eurostat_geo_name("NL", language::nl) == "Nederland");
  BOOST_TEST(kc::eurostat_geo_name("EU27_2020", language::nl) == "Europese Unie (27 landen vanaf 2020)");
  BOOST_TEST(kc::eurostat_geo_name("EU27_2020", language::en) == "European Union (27 countries from 2020)");
  BOOST_CHECK_THROW((void)kc::eurostat_geo_name("XX", language::nl), kc::unknown_code);
  BOOST_TEST(code("XRN").name(language::nl) == "Erkende niet-staatsburgers");
  BOOST_TEST(code("GBD").name(language::en) == "UK overseas countries and territories");
}
