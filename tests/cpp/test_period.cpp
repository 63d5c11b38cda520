#define BOOST_TEST_MODULE period
#include <boost/test/unit_test.hpp>

#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

BOOST_AUTO_TEST_CASE(smoke) {
  constexpr kc::month m(2021, 5);
  static_assert((m - 11).index() == 6);
  BOOST_TEST((m - 11).iso() == "2020-06");
}
