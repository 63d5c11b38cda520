#define BOOST_TEST_MODULE share
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/share.hpp>

#include <cmath>
#include <compare>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>
#include <sstream>
#include <string>
#include <unordered_set>

namespace kc = kerncijfers;

namespace {

using kerncijfers_test::message_of;

template <class T>
std::string printed(const T& value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();

}  // namespace

// A share does not mix with counts (see also tests/compile_fail/share_plus_count.cpp).
// The checks need a template context so that an invalid expression means "false".
template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept subtractable = requires(A a, B b) {
  a - b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
  a* b;
};
static_assert(!addable<kc::share<>, int>);
static_assert(!addable<int, kc::share<>>);
static_assert(!addable<kc::share<>, std::int64_t>);
static_assert(!addable<kc::share<>, kc::share<>>);
static_assert(!subtractable<kc::share<>, kc::share<>>);
static_assert(!multipliable<kc::share<>, int>);
// The concepts do detect a working operator.
static_assert(addable<std::int64_t, int>);
static_assert(!std::is_convertible_v<kc::share<>, double>);
static_assert(!std::is_convertible_v<std::int64_t, kc::share<>>);
static_assert(std::regular<kc::share<>>);
static_assert(std::totally_ordered<kc::share<>>);
static_assert(std::is_same_v<kc::share<>::value_type, std::int64_t>);
static_assert(std::is_trivially_copyable_v<kc::share<>>);

BOOST_AUTO_TEST_CASE(accessors) {
  constexpr kc::share<> s(596, 1000);
  static_assert(s.part() == 596 && s.whole() == 1000 && s.defined());
  BOOST_TEST(s.fraction() == 0.596);
  BOOST_TEST(s.percent_double() == 59.6);
  BOOST_TEST(kc::share<>(1, 8).percent_double() == 12.5);
  BOOST_TEST(kc::share<>(0, 7).percent_double() == 0.0);
  BOOST_TEST(kc::share<>(7, 7).fraction() == 1.0);
  BOOST_TEST(printed(s) == "596/1000");
}

BOOST_AUTO_TEST_CASE(bad_counts_throw_count_error_naming_values) {
  BOOST_CHECK_THROW(kc::share<>(1001, 1000), kc::count_error);
  BOOST_TEST(message_of<kc::count_error>([] { kc::share<>(1001, 1000); }) ==
             "share 1001/1000: part 1001 is larger than its whole 1000");
  BOOST_TEST(message_of<kc::count_error>([] { kc::share<>(-3, 10); }) == "share -3/10: negative count -3");
  BOOST_TEST(message_of<kc::count_error>([] { kc::share<>(0, -10); }) == "share 0/-10: negative count -10");
  BOOST_TEST(message_of<kc::count_error>([] { kc::share<>(0, 0); }) ==
             "share 0/0: the whole is 0, so the share is undefined (use share::undefined_if_zero to allow it)");
  BOOST_CHECK_THROW(kc::share<>(5, 0), kc::count_error);
  BOOST_CHECK_THROW(kc::share<int>(-1, -1), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(undefined_only_when_asked) {
  const kc::share<> tagged(0, 0, kc::share<>::allow_undefined);
  BOOST_TEST(!tagged.defined());
  BOOST_TEST(std::isnan(tagged.percent_double()));
  BOOST_TEST(std::isnan(tagged.fraction()));
  BOOST_TEST(printed(tagged) == "0/0");

  const auto named = kc::share<>::undefined_if_zero(0, 0);
  BOOST_TEST(!named.defined());
  BOOST_TEST(std::isnan(named.percent_double()));

  // Asking for undefined shares does not excuse other bad counts.
  BOOST_TEST(message_of<kc::count_error>([] { (void)kc::share<>::undefined_if_zero(3, 0); }) ==
             "share 3/0: part 3 is larger than its whole 0");
  BOOST_CHECK_THROW((void)kc::share<>::undefined_if_zero(-1, 5), kc::count_error);
  BOOST_CHECK_THROW(kc::share<>(0, -2, kc::share<>::allow_undefined), kc::count_error);

  // A non-zero whole stays an ordinary share.
  const auto ordinary = kc::share<>::undefined_if_zero(3, 12);
  BOOST_TEST(ordinary.defined());
  BOOST_TEST(ordinary.percent_double() == 25.0);

  // Default construction is the undefined share, not 0%.
  constexpr kc::share<> empty;
  static_assert(!empty.defined());
  BOOST_TEST(empty.same_counts(named));
}

BOOST_AUTO_TEST_CASE(exact_comparisons) {
  static_assert(kc::share<>(1, 2) == kc::share<>(2, 4));
  static_assert(kc::share<>(1, 3) < kc::share<>(334, 1000));
  static_assert(kc::share<>(333, 1000) < kc::share<>(1, 3));
  static_assert((kc::share<>(1, 2) <=> kc::share<>(50, 100)) == std::weak_ordering::equivalent);
  BOOST_TEST((kc::share<>(1, 2) != kc::share<>(1, 3)));
  BOOST_TEST((kc::share<>(0, 5) == kc::share<>(0, 9)));
  BOOST_TEST(!kc::share<>(1, 2).same_counts(kc::share<>(2, 4)));
  BOOST_TEST(kc::share<>(2, 4).same_counts(kc::share<>(2, 4)));
}

BOOST_AUTO_TEST_CASE(comparisons_near_the_limit_do_not_overflow) {
  // (M-1)/M > (M-2)/(M-1) since (M-1)^2 = M(M-2) + 1. Both are 1.0 as doubles, and
  // multiplying in 64 bits would overflow.
  const kc::share<> a(max64 - 1, max64);
  const kc::share<> b(max64 - 2, max64 - 1);
  BOOST_TEST(a.fraction() == b.fraction());
  BOOST_TEST((a > b));
  BOOST_TEST((b < a));
  BOOST_TEST((a != b));
  BOOST_TEST((kc::share<>(max64 / 2, max64 - 1) == kc::share<>(1, 2)));

  constexpr auto umax = std::numeric_limits<std::uint64_t>::max();
  using ushare = kc::share<std::uint64_t>;
  BOOST_TEST((ushare(umax - 1, umax) > ushare(umax - 2, umax - 1)));
  BOOST_TEST((ushare(umax, umax) == ushare(1, 1)));
  BOOST_TEST((ushare(umax / 2, umax) < ushare(1, 2)));
}

BOOST_AUTO_TEST_CASE(undefined_shares_order_first) {
  const auto undefined = kc::share<>::undefined_if_zero(0, 0);
  BOOST_TEST((undefined == kc::share<>()));
  BOOST_TEST((undefined < kc::share<>(0, 1)));
  BOOST_TEST((kc::share<>(0, 1) > undefined));
  BOOST_TEST((undefined != kc::share<>(0, 1)));
}

BOOST_AUTO_TEST_CASE(hash_is_consistent_with_equality) {
  const std::hash<kc::share<>> h;
  BOOST_TEST(h(kc::share<>(1, 2)) == h(kc::share<>(2, 4)));
  BOOST_TEST(h(kc::share<>(0, 3)) == h(kc::share<>(0, 7)));
  BOOST_TEST(h(kc::share<>()) == h(kc::share<>::undefined_if_zero(0, 0)));
  const std::unordered_set<kc::share<>> set{kc::share<>(1, 2), kc::share<>(2, 4), kc::share<>(50, 100),
                                            kc::share<>(1, 3), kc::share<>(0, 5), kc::share<>(0, 1),
                                            kc::share<>()};
  BOOST_TEST(set.size() == 4U);
}

BOOST_AUTO_TEST_CASE(other_integer_types) {
  constexpr kc::share<int> s(3, 4);
  static_assert(s.part() == 3);
  BOOST_TEST(s.percent_double() == 75.0);
  BOOST_TEST(printed(kc::share<std::uint8_t>(200, 250)) == "200/250");
  BOOST_TEST(kc::share<std::uint8_t>(200, 250).percent_double() == 80.0);
  BOOST_TEST(message_of<kc::count_error>([] { kc::share<std::uint32_t>(5, 4); }) ==
             "share 5/4: part 5 is larger than its whole 4");
}
