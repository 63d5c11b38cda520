#define BOOST_TEST_MODULE csv
#include <boost/test/unit_test.hpp>

#include <kerncijfers/detail/csv.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace kc = kerncijfers;
namespace csv = kerncijfers::csv;

namespace {

using rows = std::vector<std::vector<std::string>>;

// All records of `text` as plain field vectors.
rows read(const std::string& text, csv::options opts = {}) {
  std::istringstream in(text);
  csv::reader reader(in, "test.csv", opts);
  rows out;
  csv::record r;
  while (reader.next(r)) out.push_back(r.fields);
  return out;
}

// The message of the format_error thrown while reading `text` ("" when none is thrown).
std::string format_error_message(const std::string& text) {
  try {
    (void)read(text);
  } catch (const csv::format_error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(header_and_plain_records) {
  std::istringstream in("country,count\nSYR,1120\nTUR,280\n");
  csv::reader reader(in, "counts.csv");
  BOOST_TEST(reader.source() == "counts.csv");
  BOOST_TEST(std::vector<std::string>(reader.header().begin(), reader.header().end()) ==
                 (std::vector<std::string>{"country", "count"}),
             boost::test_tools::per_element());
  BOOST_TEST(reader.column("count") == 1u);
  BOOST_TEST(!reader.find_column("Count").has_value());  // names are case-sensitive
  csv::record r;
  BOOST_TEST(reader.next(r));
  BOOST_TEST(r.line == 2u);
  BOOST_TEST(r[0] == "SYR");
  BOOST_TEST(r[1] == "1120");
  BOOST_TEST(reader.next(r));
  BOOST_TEST(r.line == 3u);
  BOOST_TEST(r[0] == "TUR");
  BOOST_TEST(!reader.next(r));
  BOOST_TEST(r.fields.empty());
  BOOST_TEST(!reader.next(r));  // stays at the end
}

BOOST_AUTO_TEST_CASE(quoted_fields_with_delimiters_and_doubled_quotes) {
  const rows got = read("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n");
  BOOST_TEST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0][0] == "x, y");
  BOOST_TEST(got[0][1] == "say \"hi\"");
  BOOST_TEST(got[0][2] == "");
}

BOOST_AUTO_TEST_CASE(empty_fields_are_kept) {
  const rows got = read("a,b,c\n,,\nx,,\n,,z");
  BOOST_TEST_REQUIRE(got.size() == 3u);
  BOOST_TEST((got[0] == std::vector<std::string>{"", "", ""}));
  BOOST_TEST((got[1] == std::vector<std::string>{"x", "", ""}));
  BOOST_TEST((got[2] == std::vector<std::string>{"", "", "z"}));
}

BOOST_AUTO_TEST_CASE(spaces_are_not_trimmed) {
  const rows got = read("a,b\n x , y\n");
  BOOST_TEST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0][0] == " x ");
  BOOST_TEST(got[0][1] == " y");
}

BOOST_AUTO_TEST_CASE(embedded_line_breaks_keep_line_numbers_right) {
  std::istringstream in("id,note\n1,\"first line\nsecond line\"\n2,plain\n3,\"a\r\nb\rc\"\n4,x\n");
  csv::reader reader(in, "notes.csv");
  const auto records = reader.read_all();
  BOOST_TEST_REQUIRE(records.size() == 4u);
  BOOST_TEST(records[0][1] == "first line\nsecond line");
  BOOST_TEST(records[0].line == 2u);
  BOOST_TEST(records[1][0] == "2");
  BOOST_TEST(records[1].line == 4u);  // the quoted field took lines 2 and 3
  BOOST_TEST(records[2][1] == "a\nb\nc");  // CRLF and CR inside quotes become \n
  BOOST_TEST(records[2].line == 5u);
  BOOST_TEST(records[3].line == 8u);
}

BOOST_AUTO_TEST_CASE(field_lines_and_positions) {
  std::istringstream in("a,b\n\"x\ny\",z\n");
  csv::reader reader(in, "p.csv");
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  BOOST_TEST(r.field_lines.size() == 2u);
  BOOST_TEST(r.field_lines[0] == 2u);
  BOOST_TEST(r.field_lines[1] == 3u);  // b starts after the line break inside a
  const csv::position where = reader.where(r, 1);
  BOOST_TEST(where.source == "p.csv");
  BOOST_TEST(where.line == 3u);
  BOOST_TEST(where.column == 2u);
  BOOST_TEST(where.column_name == "b");
  BOOST_TEST(where.str() == "p.csv, line 3, column 2 (\"b\")");
}

BOOST_AUTO_TEST_CASE(crlf_lf_and_cr_read_the_same) {
  const rows lf = read("a,b\n1,2\n3,\"4\"\n");
  BOOST_TEST(read("a,b\r\n1,2\r\n3,\"4\"\r\n") == lf);
  BOOST_TEST(read("a,b\r1,2\r3,\"4\"\r") == lf);
  BOOST_TEST(read("a,b\r\n1,2\r\n3,\"4\"") == lf);  // no final line break
  BOOST_TEST(lf.size() == 2u);
}

BOOST_AUTO_TEST_CASE(crlf_line_numbers) {
  std::istringstream in("a,b\r\n1,2\r\n\r\n3,4\r\n");
  csv::reader reader(in, "crlf.csv");
  const auto records = reader.read_all();
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[0].line == 2u);
  BOOST_TEST(records[1].line == 4u);  // CRLF counts as one line break
}

BOOST_AUTO_TEST_CASE(blank_lines_are_skipped) {
  const rows got = read("\n\na,b\n\n1,2\n\n\n3,4\n\n");
  BOOST_TEST(got.size() == 2u);
  std::istringstream in("\n\na,b\n1,2\n");
  csv::reader reader(in, "blank.csv");
  BOOST_TEST(reader.header().size() == 2u);
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  BOOST_TEST(r.line == 4u);
}

BOOST_AUTO_TEST_CASE(byte_order_mark_is_skipped) {
  std::istringstream in("\xEF\xBB\xBF" "country,count\nSYR,5\n");
  csv::reader reader(in, "bom.csv");
  BOOST_TEST(reader.header()[0] == "country");  // not "\xEF\xBB\xBFcountry"
  BOOST_TEST(reader.column("country") == 0u);
  const auto records = reader.read_all();
  BOOST_TEST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].line == 2u);
}

BOOST_AUTO_TEST_CASE(bytes_that_only_start_like_a_bom_are_data) {
  std::istringstream in("\xEF\xBBx,y\n1,2\n");
  csv::reader reader(in, "notbom.csv");
  BOOST_TEST(reader.header()[0] == "\xEF\xBBx");
  std::istringstream only_bom("\xEF\xBB\xBF");
  BOOST_CHECK_THROW(csv::reader(only_bom, "empty.csv"), csv::format_error);
}

BOOST_AUTO_TEST_CASE(a_bom_later_in_the_file_is_data) {
  const rows got = read("a\n\xEF\xBB\xBFx\n");
  BOOST_TEST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0][0] == "\xEF\xBB\xBFx");
}

BOOST_AUTO_TEST_CASE(semicolon_delimiter) {
  csv::options opts;
  opts.delimiter = ';';
  const rows got = read("a;b\n\"1;5\";2,5\n", opts);
  BOOST_TEST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0][0] == "1;5");
  BOOST_TEST(got[0][1] == "2,5");
  std::istringstream in("a\n");
  opts.delimiter = '"';
  BOOST_CHECK_THROW(csv::reader(in, "x.csv", opts), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(missing_field_names_line_and_column) {
  std::istringstream in("country,from,to\nDZA,2016-10,2021-06-11\nMAR,2021-05-06\n");
  csv::reader reader(in, "short.csv");
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  try {
    reader.next(r);
    BOOST_FAIL("a record with too few fields must throw");
  } catch (const csv::format_error& e) {
    BOOST_TEST(e.where().line == 3u);
    BOOST_TEST(e.where().column == 3u);
    BOOST_TEST(e.where().column_name == "to");
    BOOST_TEST(std::string(e.what()) ==
               "short.csv, line 3, column 3 (\"to\"): missing field: the record has 2 fields, the header has 3");
  }
}

BOOST_AUTO_TEST_CASE(extra_field_names_line_and_value) {
  const std::string message = format_error_message("a,b\n1,2\n3,4,5\n");
  BOOST_TEST(message == "test.csv, line 3, column 3: extra field \"5\": the record has 3 fields, the header has 2");
}

BOOST_AUTO_TEST_CASE(unterminated_quote_names_the_line_it_opens_on) {
  const std::string message = format_error_message("a,b\n1,2\n3,\"open\n\nstill open\n");
  BOOST_TEST(contains(message, "test.csv, line 3, column 2 (\"b\")"), message);
  BOOST_TEST(contains(message, "never closed"), message);
}

BOOST_AUTO_TEST_CASE(quote_inside_unquoted_field) {
  const std::string message = format_error_message("a,b\n1,ab\"c\n");
  BOOST_TEST(contains(message, "test.csv, line 2, column 2 (\"b\")"), message);
  BOOST_TEST(contains(message, "quote inside an unquoted field \"ab\""), message);
}

BOOST_AUTO_TEST_CASE(text_after_closing_quote) {
  const std::string message = format_error_message("a,b\n\"x\"y,2\n");
  BOOST_TEST(contains(message, "test.csv, line 2, column 1 (\"a\")"), message);
  BOOST_TEST(contains(message, "unexpected character 'y' after the closing quote of \"x\""), message);
}

BOOST_AUTO_TEST_CASE(bad_headers) {
  BOOST_TEST(format_error_message("") == "test.csv, line 1: no header row (the input is empty)");
  BOOST_TEST(format_error_message("\n\r\n") == "test.csv, line 1: no header row (the input is empty)");
  BOOST_TEST(format_error_message("a,,c\n") == "test.csv, line 1, column 2: empty column name in the header");
  BOOST_TEST(format_error_message("a,b,a\n") ==
             "test.csv, line 1, column 3: duplicate column name \"a\" (also column 1)");
}

BOOST_AUTO_TEST_CASE(missing_columns_are_named) {
  std::istringstream in("country,from\nDZA,2016-10\n");
  csv::reader reader(in, "cols.csv");
  try {
    (void)reader.column("to");
    BOOST_FAIL("a missing column must throw");
  } catch (const csv::format_error& e) {
    BOOST_TEST(std::string(e.what()) == "cols.csv, line 1: missing column \"to\" (the header has \"country\", \"from\")");
  }
  try {
    (void)reader.columns({"country", "to", "note"});
    BOOST_FAIL("missing columns must throw");
  } catch (const csv::format_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "cols.csv, line 1: missing columns \"to\", \"note\" (the header has \"country\", \"from\")");
  }
  const auto indices = reader.columns({"from", "country"});
  BOOST_TEST((indices == std::vector<std::size_t>{1, 0}));
}

BOOST_AUTO_TEST_CASE(fail_value_names_value_and_position) {
  std::istringstream in("period,count\n2021-13,5\n");
  csv::reader reader(in, "counts.csv");
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  try {
    reader.fail_value(r, 0, "a month (YYYY-MM)");
  } catch (const csv::value_error& e) {
    BOOST_TEST(e.input() == "2021-13");
    BOOST_TEST(e.where().line == 2u);
    BOOST_TEST(std::string(e.what()) ==
               "cannot parse \"2021-13\" as a month (YYYY-MM) in counts.csv, line 2, column 1 (\"period\")");
  }
  BOOST_CHECK_THROW(reader.fail_value(r, 1, "x"), kc::parse_error);  // the base class catches it too
}

BOOST_AUTO_TEST_CASE(open_file_names_a_missing_path) {
  try {
    (void)csv::open_file("/nonexistent/kerncijfers/nothing.csv");
    BOOST_FAIL("opening a missing file must throw");
  } catch (const kc::invalid_input& e) {
    BOOST_TEST(contains(e.what(), "/nonexistent/kerncijfers/nothing.csv"));
  }
}
