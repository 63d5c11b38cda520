// Built against an installed kerncijfers: proves the CMake package, the include paths
// and the dependencies (date, nlohmann/json, zlib, the threads library and, where the
// package was built with it, ISA-L) work for a project outside this tree.
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include <kerncijfers/kerncijfers.hpp>

int main() {
  namespace kc = kerncijfers;
  const auto window = kc::trailing(kc::month(2021, 5), 12);
  std::cout << window.label(kc::language::nl) << "\n";
  std::cout << "kerncijfers " << kc::version << "\n";

  // A gzip file written with zlib, read back through input_blocks with the default
  // inflater (on a thread of its own).
  const std::string text = "freq,citizen,geo,time,values\nA,SY,NL,2021,8385\n";
  const auto path = std::filesystem::temp_directory_path() / "kerncijfers_consumer.csv.gz";
  gzFile out = gzopen(path.string().c_str(), "wb");
  if (out == nullptr) return 1;
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  gzclose(out);
  kc::input_blocks blocks(path);
  std::string read;
  for (auto b = blocks.next(); !b.empty(); b = blocks.next()) read.append(b.data(), b.size());
  std::filesystem::remove(path);
  std::cout << "gzip read back with " << (blocks.inflater() == kc::gzip_inflater::isal ? "ISA-L" : "zlib") << ": "
            << (read == text ? "same bytes" : "different bytes") << "\n";
  return window.size() == 12 && read == text ? 0 : 1;
}
