#define BOOST_TEST_MODULE observation_flags
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/observation_flags.hpp>

#include <algorithm>
#include <functional>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

namespace kc = kerncijfers;
using kerncijfers_test::message_of;

static_assert(std::is_trivially_copyable_v<kc::observation_flags>);
static_assert(std::regular<kc::observation_flags>);
static_assert(std::totally_ordered<kc::observation_flags>);
// Everything but letters() works at compile time.
static_assert(kc::observation_flags::parse("pe").provisional());
static_assert(kc::observation_flags::parse("pe").estimated());
static_assert(!kc::observation_flags::parse("b").provisional());
static_assert(kc::observation_flags::parse("ep") == kc::observation_flags::parse("pep"));
static_assert((kc::observation_flags::parse("p") | kc::observation_flags::parse("e")) ==
              kc::observation_flags::parse("ep"));
static_assert(kc::observation_flags::parse("az").bits() == ((1U << 25) | 1U));
static_assert(kc::observation_flags().empty() && kc::observation_flags::parse("").empty());
static_assert(kc::observation_flags::parse("bcp").size() == 3);

BOOST_AUTO_TEST_CASE(letters_come_back_sorted_and_once) {
  BOOST_TEST(kc::observation_flags::parse("pe").letters() == "ep");
  BOOST_TEST(kc::observation_flags::parse("ppp").letters() == "p");
  BOOST_TEST(kc::observation_flags::parse("zyxa").letters() == "axyz");
  BOOST_TEST(kc::observation_flags().letters() == "");
  std::ostringstream out;
  out << kc::observation_flags::parse("cb");
  BOOST_TEST(out.str() == "bc");
}

BOOST_AUTO_TEST_CASE(has_names_each_letter) {
  const auto flags = kc::observation_flags::parse("bc");
  BOOST_TEST(flags.has('b'));
  BOOST_TEST(flags.has('c'));
  BOOST_TEST(!flags.has('p'));
  BOOST_TEST(!flags.has('B'));  // no flag letter
  BOOST_TEST(!flags.has('{'));
  BOOST_TEST(!flags.has('\0'));
  BOOST_TEST(!flags.provisional());
  BOOST_TEST(!flags.estimated());
}

BOOST_AUTO_TEST_CASE(parse_refuses_anything_but_lower_case_letters) {
  for (const char* text : {"P", "p ", " p", "1", "e,p", "ü", "p\n"}) {
    const std::string message = message_of<kc::parse_error>([&] { (void)kc::observation_flags::parse(text); });
    BOOST_TEST(message == "cannot parse " + kc::quote(text) +
                              " as observation flags (lower-case letters a-z, e.g. \"p\" or \"ep\")");
  }
  try {
    (void)kc::observation_flags::parse("E");
    BOOST_ERROR("no error");
  } catch (const kc::parse_error& e) {
    BOOST_TEST(e.input() == "E");
  }
}

BOOST_AUTO_TEST_CASE(bits_round_trip_and_refuse_bits_above_z) {
  for (const char* text : {"", "a", "z", "ep", "abcdefghijklmnopqrstuvwxyz"}) {
    const auto flags = kc::observation_flags::parse(text);
    BOOST_TEST((kc::observation_flags::from_bits(flags.bits()) == flags));
  }
  BOOST_TEST(kc::observation_flags::parse("abcdefghijklmnopqrstuvwxyz").bits() == (1U << 26) - 1);
  BOOST_TEST(message_of<kc::invalid_input>([] { (void)kc::observation_flags::from_bits(1U << 26); }) ==
             "observation flag bits 67108864 name no set of letters a-z (only bits 0-25 may be set)");
}

BOOST_AUTO_TEST_CASE(union_collects_the_flags_of_parts) {
  auto flags = kc::observation_flags();
  flags |= kc::observation_flags::parse("p");
  flags |= kc::observation_flags();
  flags |= kc::observation_flags::parse("be");
  BOOST_TEST(flags.letters() == "bep");
  BOOST_TEST(flags.provisional());
  BOOST_TEST(flags.estimated());
}

BOOST_AUTO_TEST_CASE(order_is_that_of_the_sorted_letters_as_text) {
  std::vector<std::string> texts = {"p", "", "ep", "bp", "e", "b", "a", "ab", "z", "abz", "az", "y"};
  std::vector<kc::observation_flags> flags;
  for (const auto& t : texts) flags.push_back(kc::observation_flags::parse(t));
  std::sort(texts.begin(), texts.end());
  std::sort(flags.begin(), flags.end());
  std::vector<std::string> sorted;
  for (const auto f : flags) sorted.push_back(f.letters());
  BOOST_TEST(sorted == texts, boost::test_tools::per_element());
  // Consistent with == and antisymmetric on every pair.
  for (const auto a : flags) {
    for (const auto b : flags) {
      BOOST_TEST(((a <=> b) == 0) == (a == b));
      BOOST_TEST(((a < b) == (a.letters() < b.letters())));
      BOOST_TEST(((a < b) == (b > a)));
    }
  }
}

BOOST_AUTO_TEST_CASE(hash_agrees_with_equality) {
  const std::hash<kc::observation_flags> hash;
  BOOST_TEST(hash(kc::observation_flags::parse("pe")) == hash(kc::observation_flags::parse("ep")));
  std::unordered_set<kc::observation_flags> set = {kc::observation_flags::parse("p"), kc::observation_flags::parse("e"),
                                                   kc::observation_flags::parse("pp")};
  BOOST_TEST(set.size() == 2u);
}
