#pragma once
// Replaces the global operator new of the test program that includes this header (include it
// from one file per program only) with one that counts, so that a test can show that some
// work allocates nothing, or nothing per row, per window or per call.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace kerncijfers_test {

// The number of calls to operator new (either form) so far in this program.
inline std::atomic<std::size_t> allocation_count{0};

// The number of allocations while `f` runs.
template <class F>
std::size_t allocations_during(F&& f) {
  const std::size_t before = allocation_count.load();
  f();
  return allocation_count.load() - before;
}

namespace detail {
inline void* counted_malloc(std::size_t size) {
  ++allocation_count;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace detail

}  // namespace kerncijfers_test

// GCC's -Wmismatched-new-delete cannot see that these replacements pair malloc with free.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) { return kerncijfers_test::detail::counted_malloc(size); }
void* operator new[](std::size_t size) { return kerncijfers_test::detail::counted_malloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop
