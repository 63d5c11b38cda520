#pragma once
// A check that an exception of the expected type is thrown and that its message names what a
// user needs to find the bad value: use as BOOST_TEST(throws_with<E>(f, {"fragment", ...})).
#include <boost/test/unit_test.hpp>

#include <functional>
#include <initializer_list>
#include <string>

namespace kerncijfers_test {

// True when `f` throws an `E` (or a subclass) whose what() holds every fragment. False, with
// the reason in the test log, when it throws nothing, another type, or a message lacking a
// fragment: so a BOOST_TEST around it fails when nothing is thrown.
template <class E>
bool throws_with(const std::function<void()>& f, std::initializer_list<std::string> fragments) {
  try {
    f();
  } catch (const E& e) {
    const std::string message = e.what();
    for (const auto& fragment : fragments) {
      if (message.find(fragment) == std::string::npos) {
        BOOST_TEST_MESSAGE("message \"" << message << "\" lacks \"" << fragment << "\"");
        return false;
      }
    }
    return true;
  } catch (...) {
    BOOST_TEST_MESSAGE("threw another exception type");
    return false;
  }
  BOOST_TEST_MESSAGE("did not throw");
  return false;
}

}  // namespace kerncijfers_test
