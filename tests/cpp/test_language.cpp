#define BOOST_TEST_MODULE language
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <string>

#include <kerncijfers/language.hpp>

namespace kc = kerncijfers;
using kerncijfers_test::exception_of;

static_assert(kc::to_string(kc::language::nl) == "nl");
static_assert(kc::to_string(kc::language::en) == "en");

BOOST_AUTO_TEST_CASE(parse_round_trips_and_rejects_the_rest) {
  BOOST_TEST((kc::parse_language("nl") == kc::language::nl));
  BOOST_TEST((kc::parse_language("en") == kc::language::en));
  for (const char* bad : {"NL", "de", "", "nl "}) {
    BOOST_TEST_CONTEXT('"' << bad << '"') {
      BOOST_TEST(exception_of<kc::parse_error>([&] { (void)kc::parse_language(bad); }).input() == bad);
    }
  }
}
