#define BOOST_TEST_MODULE category
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/category.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;
using kc::category;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using kerncijfers_test::message_of;

}  // namespace

BOOST_AUTO_TEST_CASE(category_schema_names_round_trip) {
  const std::vector<std::string> names = {"first_application", "repeat_application", "family_reunification",
                                          "relocation", "resettlement"};
  BOOST_TEST(kc::all_categories.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    BOOST_TEST(kc::to_string(kc::all_categories[i]) == names[i]);
    BOOST_TEST(kc::parse_category(names[i]) == kc::all_categories[i]);
  }
  std::ostringstream out;
  out << category::family_reunification;
  BOOST_TEST(out.str() == "family_reunification");
}

BOOST_AUTO_TEST_CASE(category_dutch_aliases) {
  BOOST_TEST(kc::parse_category("eerste_asielverzoek") == category::first_application);
  BOOST_TEST(kc::parse_category("eerste_aanvraag") == category::first_application);
  BOOST_TEST(kc::parse_category("herhaalde_aanvraag") == category::repeat_application);
  BOOST_TEST(kc::parse_category("herhaald_asielverzoek") == category::repeat_application);
  BOOST_TEST(kc::parse_category("nareiziger") == category::family_reunification);
  BOOST_TEST(kc::parse_category("nareizigers") == category::family_reunification);
  BOOST_TEST(kc::parse_category("herplaatsing") == category::relocation);
  BOOST_TEST(kc::parse_category("hervestiging") == category::resettlement);
}

BOOST_AUTO_TEST_CASE(category_parse_rejects_anything_else) {
  for (const char* text : {"", "First_application", "first application", "asylum", "nareiziger ", "TOTAL"}) {
    const std::string message = message_of<kc::parse_error>([&] { (void)kc::parse_category(text); });
    BOOST_TEST(contains(message, "cannot parse \"" + std::string(text) + "\" as a category"), message);
  }
  BOOST_CHECK_EXCEPTION((void)kc::parse_category("asylum"), kc::parse_error,
                        [](const kc::parse_error& e) { return e.input() == "asylum"; });
}

BOOST_AUTO_TEST_CASE(category_labels) {
  using kc::language;
  BOOST_TEST(kc::label(category::first_application, language::nl) == "eerste asielaanvragen");
  BOOST_TEST(kc::label(category::first_application, language::en) == "first asylum applications");
  BOOST_TEST(kc::label(category::repeat_application, language::nl) == "herhaalde asielaanvragen");
  BOOST_TEST(kc::label(category::repeat_application, language::en) == "repeat asylum applications");
  BOOST_TEST(kc::label(category::family_reunification, language::nl) == "nareizigers");
  BOOST_TEST(kc::label(category::family_reunification, language::en) == "family members following (nareizigers)");
  BOOST_TEST(kc::label(category::relocation, language::nl) == "herplaatsing");
  BOOST_TEST(kc::label(category::relocation, language::en) == "relocation");
  BOOST_TEST(kc::label(category::resettlement, language::nl) == "hervestiging");
  BOOST_TEST(kc::label(category::resettlement, language::en) == "resettlement");
}
