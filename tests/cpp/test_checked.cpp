#define BOOST_TEST_MODULE checked
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/checked.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace kc = kerncijfers;

namespace {

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t min64 = std::numeric_limits<std::int64_t>::min();

using kerncijfers_test::message_of;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

// Counts are integers, never bool or floating point; the concept is public.
static_assert(kc::count_integer<std::int64_t> && kc::count_integer<std::uint8_t> && kc::count_integer<const int>);
static_assert(!kc::count_integer<bool> && !kc::count_integer<const bool> && !kc::count_integer<double>);
static_assert(!kc::count_integer<char*> && !kc::count_integer<std::int64_t&>);

BOOST_AUTO_TEST_CASE(exact_results) {
  static_assert(kc::checked_add<std::int64_t>(2, 3) == 5);
  static_assert(kc::checked_sub<std::int64_t>(2, 3) == -1);
  static_assert(kc::checked_mul<std::int64_t>(-4, 3) == -12);
  BOOST_TEST(kc::checked_add(max64 - 1, std::int64_t{1}) == max64);
  BOOST_TEST(kc::checked_sub(min64 + 1, std::int64_t{1}) == min64);
  BOOST_TEST(kc::checked_mul(std::int64_t{3037000499}, std::int64_t{3037000499}) == 9223372030926249001LL);
  BOOST_TEST(kc::checked_add<std::uint32_t>(4294967294U, 1U) == 4294967295U);
  BOOST_TEST(kc::checked_add<std::int8_t>(100, 27) == 127);
}

BOOST_AUTO_TEST_CASE(add_overflow_throws_and_names_values) {
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_add(max64, std::int64_t{1})), kc::overflow_error);
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_add(min64, std::int64_t{-1})), kc::overflow_error);
  const std::string m = message_of<kc::overflow_error>([] { (void)kc::checked_add(max64, std::int64_t{5}); });
  BOOST_TEST(m == "integer overflow: 9223372036854775807 + 5 does not fit in int64");
  // The error is also an invalid_input for callers that catch broadly.
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_add(max64, max64)), kc::invalid_input);
  BOOST_TEST(message_of<kc::overflow_error>([] { (void)kc::checked_add<std::int8_t>(100, 28); }) ==
             "integer overflow: 100 + 28 does not fit in int8");
}

BOOST_AUTO_TEST_CASE(sub_overflow_throws_and_names_values) {
  BOOST_TEST(message_of<kc::overflow_error>([] { (void)kc::checked_sub(min64, std::int64_t{1}); }) ==
             "integer overflow: -9223372036854775808 - 1 does not fit in int64");
  // Unsigned: any b > a leaves the type.
  BOOST_TEST(message_of<kc::overflow_error>([] { (void)kc::checked_sub<std::uint32_t>(1U, 2U); }) ==
             "integer overflow: 1 - 2 does not fit in uint32");
}

BOOST_AUTO_TEST_CASE(mul_overflow_throws_and_names_values) {
  BOOST_TEST(message_of<kc::overflow_error>([] {
               (void)kc::checked_mul(std::int64_t{3037000500}, std::int64_t{3037000500});
             }) == "integer overflow: 3037000500 * 3037000500 does not fit in int64");
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_mul(min64, std::int64_t{-1})), kc::overflow_error);
  BOOST_TEST(kc::checked_mul(min64, std::int64_t{1}) == min64);
}

BOOST_AUTO_TEST_CASE(sum_of_counts) {
  const std::vector<std::int64_t> counts{596, 116, 56, 232};
  BOOST_TEST(kc::checked_sum(counts) == 1000);
  BOOST_TEST(kc::checked_sum(std::span<const std::int64_t>{}) == 0);
  const std::array<int, 3> small{1, 2, 3};
  BOOST_TEST(kc::checked_sum(std::span<const int>(small)) == 6);
  // Exactly up to the limit is fine.
  const std::vector<std::int64_t> at_limit{max64 - 10, 5, 5};
  BOOST_TEST(kc::checked_sum(at_limit) == max64);
  static constexpr std::array<std::int64_t, 3> fixed{1, 2, 3};
  static_assert(kc::checked_sum(std::span<const std::int64_t>(fixed)) == 6);
}

BOOST_AUTO_TEST_CASE(sum_near_the_limit_throws_never_wraps) {
  const std::vector<std::int64_t> past_limit{max64 - 10, 5, 6};
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_sum(past_limit)), kc::overflow_error);
  const std::string m = message_of<kc::overflow_error>([&] { (void)kc::checked_sum(past_limit); });
  BOOST_TEST(m ==
             "integer overflow in a sum of counts: running total 9223372036854775802 + 6 (position 2) does not fit "
             "in int64");

  // Many moderate counts that together pass the limit.
  const std::vector<std::int64_t> many(9, 1'100'000'000'000'000'000LL);
  const std::string m2 = message_of<kc::overflow_error>([&] { (void)kc::checked_sum(many); });
  BOOST_TEST(contains(m2, "running total 8800000000000000000 + 1100000000000000000 (position 8)"));

  const std::vector<std::int64_t> below{min64, -1};
  BOOST_CHECK_THROW(static_cast<void>(kc::checked_sum(below)), kc::overflow_error);

  const std::array<std::uint16_t, 2> u16{65535, 1};
  BOOST_TEST(message_of<kc::overflow_error>([&] { (void)kc::checked_sum(std::span<const std::uint16_t>(u16)); }) ==
             "integer overflow in a sum of counts: running total 65535 + 1 (position 1) does not fit in uint16");
}
