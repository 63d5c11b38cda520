// The distance between a month and a quarter has no meaning and must not compile.
#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

int main() {
  const kc::month m(2021, 5);
  const kc::quarter q(2021, 2);
  [[maybe_unused]] const int ok = m - kc::month(2020, 5);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const int bad = m - q;
#endif
  (void)q;
  return 0;
}
