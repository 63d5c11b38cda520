// The README's C++ example, built and run by the test suite so that it cannot rot.
#include <iostream>
#include <kerncijfers/kerncijfers.hpp>

int main() {
  namespace kc = kerncijfers;
  const auto window = kc::trailing(kc::month(2021, 5), 12);
  std::cout << window.label(kc::language::nl) << "\n";  // juni 2020 t/m mei 2021

  const std::int64_t nareizigers[] = {596, 116, 56, 232};           // Syrië, Eritrea, Jemen, overig
  const auto published = kc::independent_percentages(nareizigers);  // 60 12 6 23 (= 101)
  const auto exact = kc::largest_remainder(nareizigers);            // 60 12 5 23 (= 100)
  std::cout << kc::check_published_shares(published).message << "\n";
  // shares sum to 101, not 100: consistent with independent rounding

  std::cout << kc::nationality::lookup("syrie").name(kc::language::nl) << "\n";                              // Syrië
  std::cout << kc::nl_safe_countries().is_safe(kc::nationality::lookup("DZA"), kc::month(2021, 5)) << "\n";  // 1
  std::cout << kc::round_to_multiple(7685, 10, kc::rounding_mode::half_up) << "\n";                          // 7690
}
