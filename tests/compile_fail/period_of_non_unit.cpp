// A period is built on a period unit only: `period<int>` is rejected by the `period_unit`
// concept, which the diagnostic names. Each guarded line must be rejected by the compiler;
// the rest of the file must compile, so that the failure has this cause only.
// KERNCIJFERS_EXPECT_DIAGNOSTIC: period_unit
#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

int main() {
  [[maybe_unused]] const kc::period<kc::month_unit> ok(2021, 5);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const kc::period<int> bad;
#endif
  return 0;
}
