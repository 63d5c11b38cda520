#pragma once
// The message of the exception a test expects, for checks on what the message names.
#include <boost/test/unit_test.hpp>

#include <string>

namespace kerncijfers_test {

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
