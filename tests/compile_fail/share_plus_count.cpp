// A share is not a count: adding a number to a share, or two shares together, has no
// meaning and must not compile. Built twice by CTest: without KERNCIJFERS_COMPILE_FAIL it
// must compile, with it it must not.
#include <kerncijfers/share.hpp>

namespace kc = kerncijfers;

// The control build also checks that neither sum is a valid expression, so this file
// catches `share + share` as well as `share + 5` even though only one line can break the
// build at a time.
template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept add_assignable = requires(A a, B b) {
  a += b;
};
static_assert(!addable<kc::share<>, int>);
static_assert(!addable<int, kc::share<>>);
static_assert(!addable<kc::share<>, kc::share<>>);
static_assert(!add_assignable<kc::share<>&, int>);
static_assert(addable<kc::share<>::value_type, int>);

bool compare_shares() {
  const kc::share<> syria(596, 1000);
  const kc::share<> eritrea(116, 1000);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] auto nonsense = syria + 5;
#endif
  return eritrea < syria;
}
