// Built against an installed kerncijfers: proves the CMake package, the include paths
// and the date dependency work for a project outside this tree.
#include <iostream>

#include <kerncijfers/kerncijfers.hpp>

int main() {
  namespace kc = kerncijfers;
  const auto window = kc::trailing(kc::month(2021, 5), 12);
  std::cout << window.label(kc::language::nl) << "\n";
  std::cout << "kerncijfers " << kc::version << "\n";
  return window.size() == 12 ? 0 : 1;
}
