// Comparing a month with a year must not compile: the answer would depend on a rule
// the caller never chose.
#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

int main() {
  const kc::month m(2021, 5);
  const kc::year y(2021);
  [[maybe_unused]] const bool ok = m < kc::month(2021, 6);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const bool bad = m < y;
#endif
  (void)y;
  return 0;
}
