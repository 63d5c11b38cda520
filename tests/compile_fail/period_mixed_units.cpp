// Periods of different units never mix. Each guarded line must be rejected by the
// compiler; the rest of the file must compile, so that the failure has this cause only.
#include <kerncijfers/period.hpp>
#include <kerncijfers/period_range.hpp>

namespace kc = kerncijfers;

int main() {
  const kc::month m(2021, 5);
  const kc::iso_week w(2021, 19);
  [[maybe_unused]] const auto ok = (m + 1) - m;
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const auto bad = m + w;
#endif
  (void)w;
  return 0;
}
