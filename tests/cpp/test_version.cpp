#define BOOST_TEST_MODULE version
#include <boost/test/unit_test.hpp>

#include <string>

#include <kerncijfers/version.hpp>

namespace kc = kerncijfers;

BOOST_AUTO_TEST_CASE(one_version_in_three_forms) {
  const std::string text = kc::version;
  BOOST_TEST(text == KERNCIJFERS_VERSION);
  BOOST_TEST(text == std::to_string(KERNCIJFERS_VERSION_MAJOR) + "." + std::to_string(KERNCIJFERS_VERSION_MINOR) + "." +
                         std::to_string(KERNCIJFERS_VERSION_PATCH));
}
