#define BOOST_TEST_MODULE errors
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

#include <kerncijfers/errors.hpp>

namespace kc = kerncijfers;

// Bad values are std::invalid_argument, unknown codes std::out_of_range: both logic_error,
// so one catch clause takes every kerncijfers error.
static_assert(std::is_base_of_v<std::invalid_argument, kc::invalid_input>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::parse_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::range_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::count_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::overflow_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::unknown_designation>);
static_assert(std::is_base_of_v<std::out_of_range, kc::unknown_code>);

BOOST_AUTO_TEST_CASE(parse_error_names_the_input) {
  const kc::parse_error e("2021-13", "a month (YYYY-MM)");
  BOOST_TEST(std::string(e.what()) == "cannot parse \"2021-13\" as a month (YYYY-MM)");
  BOOST_TEST(e.input() == "2021-13");
}

BOOST_AUTO_TEST_CASE(unknown_code_lists_suggestions) {
  const kc::unknown_code none("Atlantis", "nationality");
  BOOST_TEST(std::string(none.what()) == "unknown nationality \"Atlantis\"");
  BOOST_TEST(none.suggestions().empty());
  const kc::unknown_code one("Syra", "nationality", {"Syria"});
  BOOST_TEST(std::string(one.what()) == "unknown nationality \"Syra\"; did you mean \"Syria\"?");
  const kc::unknown_code three("Niger", "nationality", {"Niger", "Nigeria", "Algeria"});
  BOOST_TEST(std::string(three.what()) ==
             "unknown nationality \"Niger\"; did you mean \"Niger\", \"Nigeria\" or \"Algeria\"?");
  BOOST_TEST(three.code() == "Niger");
  BOOST_TEST(three.suggestions().size() == 3u);
}

BOOST_AUTO_TEST_CASE(one_catch_takes_them_all) {
  int caught = 0;
  for (int i = 0; i < 3; ++i) {
    try {
      if (i == 0) throw kc::range_error("r");
      if (i == 1) throw kc::unknown_code("x", "code");
      throw kc::overflow_error("o");
    } catch (const std::logic_error&) {
      ++caught;
    }
  }
  BOOST_TEST(caught == 3);
}
