#define BOOST_TEST_MODULE figure
#include <boost/test/unit_test.hpp>

#include <kerncijfers/figure.hpp>

#include <set>
#include <string>
#include <string_view>

namespace kc = kerncijfers;

BOOST_AUTO_TEST_CASE(status_names) {
  BOOST_TEST(kc::to_string(kc::figure_status::exact) == "exact");
  BOOST_TEST(kc::to_string(kc::figure_status::partial) == "partial");
  BOOST_TEST(kc::to_string(kc::figure_status::unavailable) == "unavailable");
}

BOOST_AUTO_TEST_CASE(every_problem_has_its_own_name) {
  std::set<std::string_view> names;
  for (const kc::figure_problem p : kc::all_figure_problems) names.insert(kc::to_string(p));
  BOOST_TEST(names.size() == kc::all_figure_problems.size());
  BOOST_TEST(names.count("?") == 0u);
  BOOST_TEST(kc::to_string(kc::all_figure_problems.front()) == "none");
  BOOST_TEST(kc::to_string(kc::all_figure_problems.back()) == "not-for-country");
}

BOOST_AUTO_TEST_CASE(the_header_defaults_to_unavailable_without_a_problem) {
  const kc::figure_header h;
  BOOST_TEST(kc::to_string(h.status) == "unavailable");
  BOOST_TEST(kc::to_string(h.problem) == "none");
  BOOST_TEST(h.reason.empty());
  BOOST_TEST(h.source.sources.empty());
  BOOST_TEST(!h.source.latest_release.is_dated());
  BOOST_TEST(h.notes.empty());
}

BOOST_AUTO_TEST_CASE(headers_compare_every_field) {
  kc::figure_header a;
  kc::figure_header b;
  BOOST_TEST((a == b));
  b.notes.push_back("2020-Q3 differs from its months");
  BOOST_TEST(!(a == b));
  b = a;
  b.source.latest_release = kc::release::from_date(2021, 6, 15);
  BOOST_TEST(!(a == b));
  b = a;
  b.status = kc::figure_status::exact;
  BOOST_TEST(!(a == b));
}
