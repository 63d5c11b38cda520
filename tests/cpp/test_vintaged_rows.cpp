#define BOOST_TEST_MODULE vintaged_rows
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/vintaged_rows.hpp>

#include <array>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kc = kerncijfers;
namespace detail = kerncijfers::detail;
using kerncijfers_test::message_of;

namespace {

// The smallest row the machinery serves: a one-text key plus the shared fields.
struct test_row {
  std::string key;
  std::int64_t count = 0;
  std::string source = "test";
  kc::release release;
  std::size_t line = 0;
  std::string file;
};

test_row row(std::string key, std::int64_t count, std::string_view release = "", std::size_t line = 0) {
  test_row r;
  r.key = std::move(key);
  r.count = count;
  r.release = kc::release::parse(release);
  r.line = line;
  return r;
}

std::string describe(const test_row& r) { return "key " + r.key; }

std::vector<std::size_t> resolve(const std::vector<test_row>& rows, std::vector<std::size_t>& superseded,
                                 const std::string& origin = "t.csv") {
  return detail::resolve_row_vintages(
      rows, [](const test_row& r) { return r.key; }, describe, origin, superseded);
}

constexpr std::array<std::string_view, 6> columns = {"a", "b", "c", "count", "source", "release"};

std::vector<test_row> read(const std::string& text) {
  std::istringstream in(text);
  return detail::read_rows<test_row>(
      in, "t.csv", columns,
      [](const kc::csv::reader&, const kc::csv::record& r, test_row& row) { row.key = r[0] + r[1] + r[2]; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(plain_counts_only) {
  std::int64_t value = -1;
  BOOST_TEST((detail::parse_plain_count("0", value) == detail::count_text::ok));
  BOOST_TEST(value == 0);
  BOOST_TEST((detail::parse_plain_count("9223372036854775807", value) == detail::count_text::ok));
  BOOST_TEST(value == std::numeric_limits<std::int64_t>::max());
  BOOST_TEST((detail::parse_plain_count("9223372036854775808", value) == detail::count_text::too_large));
  for (const char* text : {"", "-1", "+1", "1 000", "1.000", "1,5", " 1", "1e3"}) {
    BOOST_TEST((detail::parse_plain_count(text, value) == detail::count_text::not_plain_digits), text);
  }
  BOOST_TEST(detail::has_text(" x "));
  BOOST_TEST(!detail::has_text(" \t\r\n"));
}

BOOST_AUTO_TEST_CASE(places_name_file_line_or_index) {
  BOOST_TEST(detail::row_place("t.csv", "", 4, 3) == "t.csv, line 4");
  BOOST_TEST(detail::row_place("t.csv", "u.csv", 4, 3) == "u.csv, line 4");
  BOOST_TEST(detail::row_place("", "", 4, 3) == "line 4");
  BOOST_TEST(detail::row_place("rows", "", 0, 3) == "rows: rows[3]");
  BOOST_TEST(detail::row_place("", "", 0, 3) == "rows[3]");
  BOOST_TEST(detail::row_place("a\nb", "", 1, 0) == "a\\nb, line 1");  // escaped
  BOOST_TEST(detail::row_short_place("t.csv", "", 4, 3) == "line 4");
  BOOST_TEST(detail::row_short_place("t.csv", "t.csv", 0, 3) == "rows[3]");
  BOOST_TEST(detail::row_short_place("t.csv", "u.csv", 4, 3) == "u.csv, line 4");
}

BOOST_AUTO_TEST_CASE(check_rows_refuses_negative_counts_and_empty_sources) {
  std::vector<test_row> rows = {row("x", 1), row("y", -2, "", 7)};
  BOOST_TEST(message_of<kc::count_error>([&] { detail::check_rows(rows, "t.csv", describe); }) ==
             "t.csv, line 7: negative count -2 for key y");
  rows[1].count = 2;
  rows[0].source = " ";
  BOOST_TEST(message_of<kc::invalid_input>([&] { detail::check_rows(rows, "", describe); }) ==
             "rows[0]: empty source for key x");
  rows[0].source = "s";
  detail::check_rows(rows, "t.csv", describe);  // fine now
}

BOOST_AUTO_TEST_CASE(latest_release_wins_and_the_rest_is_superseded_in_input_order) {
  const std::vector<test_row> rows = {row("b", 1, "2021-06"), row("a", 5, "2021-06-15"), row("b", 2, "2021-07"),
                                      row("b", 1, "2021-06"), row("a", 6, ""),           row("c", 9, "")};
  std::vector<std::size_t> superseded;
  const std::vector<std::size_t> kept = resolve(rows, superseded);
  BOOST_TEST(kept == (std::vector<std::size_t>{1, 2, 5}), boost::test_tools::per_element());  // sorted by key
  BOOST_TEST(superseded == (std::vector<std::size_t>{0, 3, 4}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_release_with_two_counts_names_both_rows) {
  const std::vector<test_row> rows = {row("a", 5, "2021-W24", 2), row("a", 6, "2021-W24", 9)};
  std::vector<std::size_t> superseded;
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)resolve(rows, superseded); }) ==
             "t.csv: conflicting counts for key a in release 2021-W24: 5 (line 2) and 6 (line 9)");
  const std::vector<test_row> undated = {row("a", 5), row("a", 6)};
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)resolve(undated, superseded, ""); }) ==
             "conflicting counts for key a in the undated release: 5 (rows[0]) and 6 (rows[1])");
  // An older release may disagree: it is superseded, not a conflict.
  const std::vector<test_row> older = {row("a", 5, "2021-06"), row("a", 6, "2021-06"), row("a", 7, "2021-07")};
  BOOST_TEST(message_of<kc::invalid_input>([&] { (void)resolve(older, superseded); }) ==
             "t.csv: conflicting counts for key a in release 2021-06: 5 (rows[0]) and 6 (rows[1])");
}

BOOST_AUTO_TEST_CASE(read_rows_reads_the_shared_columns) {
  const std::vector<test_row> rows = read("a,b,c,count,source,release\nx,y,z,12,CBS,2021-06\r\n1,2,3,0,\"D, E\",\n");
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0].key == "xyz");
  BOOST_TEST(rows[0].count == 12);
  BOOST_TEST(rows[0].source == "CBS");
  BOOST_TEST((rows[0].release == kc::release::parse("2021-06")));
  BOOST_TEST(rows[0].line == 2u);
  BOOST_TEST(rows[0].file == "t.csv");
  BOOST_TEST(rows[1].source == "D, E");
  BOOST_TEST(!rows[1].release.is_dated());
  BOOST_TEST(rows[1].line == 3u);
}

BOOST_AUTO_TEST_CASE(read_rows_names_every_bad_shared_value) {
  BOOST_TEST(message_of<kc::csv::value_error>([] { (void)read("a,b,c,count,source,release\nx,y,z,-1,s,\n"); }) ==
             "cannot parse \"-1\" as a count (a non-negative integer in plain digits: no sign, spaces, separators or "
             "decimals) in t.csv, line 2, column 4 (\"count\")");
  BOOST_TEST(message_of<kc::csv::value_error>(
                 [] { (void)read("a,b,c,count,source,release\nx,y,z,99999999999999999999,s,\n"); }) ==
             "cannot parse \"99999999999999999999\" as a count (too large: it must fit in 64 bits) in t.csv, line 2, "
             "column 4 (\"count\")");
  BOOST_TEST(message_of<kc::csv::value_error>([] { (void)read("a,b,c,count,source,release\nx,y,z,1, ,\n"); }) ==
             "missing value \" \" where a source (the publication the count comes from; it must not be empty) was "
             "expected in t.csv, line 2, column 5 (\"source\")");
  BOOST_TEST(message_of<kc::csv::value_error>([] { (void)read("a,b,c,count,source,release\nx,y,z,1,s,2021-Q2\n"); }) ==
             "cannot parse \"2021-Q2\" as a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release) "
             "in t.csv, line 2, column 6 (\"release\")");
}

BOOST_AUTO_TEST_CASE(the_header_must_be_exact) {
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)read("a,b,count,source,release,extra\n"); }) ==
             "t.csv: wrong header \"a,b,count,source,release,extra\" (missing \"c\"; extra \"extra\"); expected "
             "exactly \"a,b,c,count,source,release\"");
  BOOST_TEST(message_of<kc::csv::format_error>([] { (void)read("b,a,c,count,source,release\n"); }) ==
             "t.csv: wrong header \"b,a,c,count,source,release\" (columns in the wrong order); expected exactly "
             "\"a,b,c,count,source,release\"");
}
