// Checked count arithmetic takes integers that count things: a double is rejected by the
// `count_integer` concept, which the diagnostic names. Each guarded line must be rejected
// by the compiler; the rest of the file must compile, so that the failure has this cause only.
// KERNCIJFERS_EXPECT_DIAGNOSTIC: count_integer
#include <kerncijfers/checked.hpp>

namespace kc = kerncijfers;

int main() {
  [[maybe_unused]] const long long ok = kc::checked_add(1LL, 2LL);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const double bad = kc::checked_add(1.0, 2.0);
#endif
  return 0;
}
