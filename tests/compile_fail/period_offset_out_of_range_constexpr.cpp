// Period arithmetic stays constexpr, and checked at compile time too: an offset that leaves
// years 1-9999 throws, which a constant expression cannot do, so the guarded line must be
// rejected; the rest of the file must compile, so that the failure has this cause only.
#include <climits>

#include <kerncijfers/period.hpp>

namespace kc = kerncijfers;

int main() {
  [[maybe_unused]] constexpr kc::month ok = kc::month(9999, 11) + 1;
  [[maybe_unused]] constexpr kc::month also_ok = kc::month(2021, 1) - (kc::month(2021, 1) - kc::month::min());
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] constexpr kc::month bad = kc::month(2021, 1) + LLONG_MAX;
#endif
  return 0;
}
