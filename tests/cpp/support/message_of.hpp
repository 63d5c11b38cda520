#pragma once
// The exception a test expects, for checks on what it names: a try/catch in a test passes
// silently when nothing is thrown, these fail the test case instead.
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

namespace kerncijfers_test {

// The `E` (sliced to `E`) that `f` throws; fails the test case when `f` throws nothing (an
// exception of another type propagates and fails it too). For checks on what an exception
// carries besides its message (code(), input(), suggestions()).
template <class E, class F>
E exception_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  BOOST_FAIL("expected an exception, none was thrown");
  throw std::logic_error("unreachable: BOOST_FAIL throws");
}

// The what() of the `E` that `f` throws; fails the test case when `f` throws nothing (an
// exception of another type propagates and fails it too).
template <class E, class F>
std::string message_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  BOOST_FAIL("expected an exception, none was thrown");
  return "";
}

}  // namespace kerncijfers_test
