#define BOOST_TEST_MODULE language
#include <boost/test/unit_test.hpp>

#include <string>

#include <kerncijfers/language.hpp>

namespace kc = kerncijfers;

static_assert(kc::to_string(kc::language::nl) == "nl");
static_assert(kc::to_string(kc::language::en) == "en");

BOOST_AUTO_TEST_CASE(parse_round_trips_and_rejects_the_rest) {
  BOOST_TEST((kc::parse_language("nl") == kc::language::nl));
  BOOST_TEST((kc::parse_language("en") == kc::language::en));
  for (const char* bad : {"NL", "de", "", "nl "}) {
    try {
      (void)kc::parse_language(bad);
      BOOST_ERROR("accepted \"" << bad << "\"");
    } catch (const kc::parse_error& e) {
      BOOST_TEST(e.input() == bad);
    }
  }
}
