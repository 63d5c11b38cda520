// Top nationalities of every trailing 12-month window of a panel, from columns in memory.
// A long table of counts (country, category, nationality, month, count) is read where it
// lies: here std::vector columns, in practice numpy arrays or a memory-mapped file.
#include <cstdint>
#include <iostream>
#include <vector>

#include <kerncijfers/top_shares.hpp>

int main() {
  namespace kc = kerncijfers;
  // Two reporting countries, one category, four nationalities (3 = unknown), 13 months.
  const kc::cube_shape shape{.countries = 2, .categories = 1, .nationalities = 4, .months = 13};
  std::vector<std::int32_t> country, category, nationality, month;
  std::vector<std::int64_t> count;
  for (std::int32_t c = 0; c < 2; ++c) {
    for (std::int32_t n = 0; n < 4; ++n) {
      for (std::int32_t t = 0; t < 13; ++t) {
        std::int64_t people = (c + 1) * (4 - n) * (10 + t);  // nationality 0 comes most
        if (n == 1 && t == 12) people += 5;
        if (people == 0) continue;  // a missing row counts 0
        country.push_back(c);
        category.push_back(0);
        nationality.push_back(n);
        month.push_back(t);
        count.push_back(people);
      }
    }
  }
  const kc::long_counts<std::int32_t, std::int64_t> table{country, category, nationality, month, count};

  kc::top_shares_options options;  // window 12, top 10, totals rounded to tens half-up
  options.top = 2;
  options.unknown = 3;
  const kc::top_shares_table result = kc::top_shares(table, shape, options);

  // Two windows per country (ending at months 11 and 12); print country 1's last window.
  const std::size_t w = 1 * 2 + 1;
  const std::size_t parts = options.top + 2;  // top 1, top 2, other, unknown
  std::cout << "windows: " << result.windows << "\n";
  std::cout << "top: " << result.nationality[w * options.top] << " " << result.nationality[w * options.top + 1] << "\n";
  std::cout << "shares:";
  for (std::size_t p = 0; p < parts; ++p) std::cout << " " << result.shares[w * parts + p];
  std::cout << "\ntotal: " << result.total[w] << " -> " << result.rounded_total[w] << "\n";
  // windows: 4
  // top: 0 1
  // shares: 40 30 20 10     (39.95, 30.09, 19.97, 9.99: largest remainder, sums to 100)
  // total: 3965 -> 3970     (half-up to tens)
}
