// A language's phrase table that lacks a phrase must not compile: every table checks itself
// with static_assert(phrase_table_is_complete<table>()), as phrases/en.hpp does.
#include <array>
#include <cstddef>
#include <iterator>

#include <kerncijfers/phrasebook.hpp>
#include <kerncijfers/phrases/en.hpp>

namespace kc = kerncijfers;

namespace {

// The English table without its last phrase.
constexpr auto incomplete = [] {
  std::array<kc::phrase_entry, std::size(kc::phrases::en) - 1> table{};
  for (std::size_t i = 0; i < table.size(); ++i) table[i] = kc::phrases::en[i];
  return table;
}();

}  // namespace

static_assert(kc::phrase_table_is_complete<kc::phrases::en>());
static_assert(kc::count_phrase_problems(incomplete) == 1);
#ifdef KERNCIJFERS_COMPILE_FAIL
static_assert(kc::phrase_table_is_complete<incomplete>());
#endif

int main() { return 0; }
