// A month has no single ISO week: converting to a finer unit must not compile
// (use subperiods<iso_week>(month) for the weeks of a month).
#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

int main() {
  const kc::month m(2021, 5);
  [[maybe_unused]] const kc::quarter ok = kc::period_cast<kc::quarter>(m);
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const kc::iso_week bad = kc::period_cast<kc::iso_week>(m);
#endif
  return 0;
}
