// A bool is not a count: a long table of counts with bool counts is rejected by the
// `count_integer` concept, which the diagnostic names. Each guarded line must be rejected
// by the compiler; the rest of the file must compile, so that the failure has this cause only.
// KERNCIJFERS_EXPECT_DIAGNOSTIC: count_integer
#include <cstdint>

#include <kerncijfers/top_shares.hpp>

namespace kc = kerncijfers;

int main() {
  [[maybe_unused]] const kc::long_counts<std::int32_t, std::int64_t> ok{};
#ifdef KERNCIJFERS_COMPILE_FAIL
  [[maybe_unused]] const kc::long_counts<std::int32_t, bool> bad{};
#endif
  return 0;
}
