#define BOOST_TEST_MODULE csv
#include <boost/test/unit_test.hpp>

#include <kerncijfers/csv.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <ios>
#include <sstream>
#include <streambuf>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "support/message_of.hpp"

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

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

using kerncijfers_test::message_of;
using namespace std::string_literals;

// The message of the format_error thrown while reading `text` (with `opts`); fails the
// test case when none is thrown.
std::string format_error_message(const std::string& text, csv::options opts = {}) {
  return message_of<csv::format_error>([&] { (void)read(text, opts); });
}

const std::string utf8_hint = "; the file must be UTF-8 text (in a spreadsheet: save as CSV UTF-8)";

// An input that never ends: `prefix`, then `pattern` over and over, served in chunks like
// a device or a pipe; counts what it served, so a test can check the reader stopped soon.
class endless_input : public std::streambuf {
 public:
  endless_input(std::string prefix, std::string pattern) : pending_(std::move(prefix)), pattern_(std::move(pattern)) {}
  [[nodiscard]] std::size_t served() const noexcept { return served_; }

 protected:
  int_type underflow() override {
    while (pending_.size() < chunk) pending_ += pattern_;
    buffer_.assign(pending_, 0, chunk);
    pending_.erase(0, chunk);
    served_ += buffer_.size();
    setg(buffer_.data(), buffer_.data(), buffer_.data() + buffer_.size());
    return traits_type::to_int_type(buffer_[0]);
  }

 private:
  static constexpr std::size_t chunk = 4096;
  std::string pending_;
  std::string pattern_;
  std::string buffer_;
  std::size_t served_ = 0;
};

// Serves `text`, then fails as a disk does (an EIO from the stream buffer, as a filebuf
// reports it: std::ios_base::failure carrying the errno).
class failing_input : public std::streambuf {
 public:
  explicit failing_input(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (!given_) {
      given_ = true;
      setg(text_.data(), text_.data(), text_.data() + text_.size());
      return traits_type::to_int_type(text_[0]);
    }
    throw std::ios_base::failure("basic_filebuf::underflow error reading the file",
                                 std::error_code(EIO, std::generic_category()));
  }

 private:
  std::string text_;
  bool given_ = false;
};

// Serves `text` one byte at a time and says nothing is ready before it is asked, as a
// slow pipe does: the reader then takes the input in the smallest pieces there are.
class trickle_input : public std::streambuf {
 public:
  explicit trickle_input(std::string text) : text_(std::move(text)) {}

 protected:
  int_type underflow() override {
    if (served_ == text_.size()) return traits_type::eof();
    char* const at = text_.data() + served_++;
    setg(at, at, at + 1);
    return traits_type::to_int_type(*at);
  }

 private:
  std::string text_;
  std::size_t served_ = 0;
};

// Every record of `in` with the line of each field and of the record.
struct located_record {
  std::vector<std::string> fields;
  std::vector<std::size_t> field_lines;
  std::size_t line = 0;
  friend bool operator==(const located_record&, const located_record&) = default;
};
std::vector<located_record> read_located(std::istream& in, csv::options opts = {}) {
  csv::reader reader(in, "test.csv", opts);
  std::vector<located_record> out;
  csv::record r;
  while (reader.next(r)) out.push_back({r.fields, r.field_lines, r.line});
  return out;
}

// A fresh directory under the system's temporary directory, removed afterwards.
struct temp_dir {
  std::filesystem::path path;
  temp_dir() {
    path = std::filesystem::temp_directory_path() /
           ("kerncijfers-test-csv-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  static int& counter() {
    static int n = 0;
    return n;
  }
};

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
  BOOST_TEST(records[1].line == 4u);       // the quoted field took lines 2 and 3
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
  std::istringstream in(
      "\xEF\xBB\xBF"
      "country,count\nSYR,5\n");
  csv::reader reader(in, "bom.csv");
  BOOST_TEST(reader.header()[0] == "country");  // not "\xEF\xBB\xBFcountry"
  BOOST_TEST(reader.column("country") == 0u);
  const auto records = reader.read_all();
  BOOST_TEST_REQUIRE(records.size() == 1u);
  BOOST_TEST(records[0].line == 2u);
}

BOOST_AUTO_TEST_CASE(bytes_that_only_start_like_a_bom_are_data) {
  // Data, and therefore checked as UTF-8: two bytes of a three-byte character are not text.
  BOOST_TEST(format_error_message("\xEF\xBBx,y\n1,2\n") ==
             "test.csv, line 1, column 1: invalid UTF-8 bytes \\xEF\\xBB (an incomplete character) in "
             "\"\\xEF\\xBBx\"; the file must be UTF-8 text (in a spreadsheet: save as CSV UTF-8)");
  std::istringstream only_bom("\xEF\xBB\xBF");
  BOOST_CHECK_THROW(csv::reader(only_bom, "empty.csv"), csv::format_error);
}

BOOST_AUTO_TEST_CASE(a_utf16_file_is_named_as_such) {
  const std::string expected =
      "test.csv, line 1, column 1: the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it "
      "as UTF-8 text (in a spreadsheet: save as CSV UTF-8)";
  BOOST_TEST(format_error_message("\xFF\xFE"
                                  "a\0,\0b\0\n\0"s) == expected);  // little-endian
  BOOST_TEST(format_error_message("\xFE\xFF"
                                  "\0a\0,\0b\0\n"s) == expected);  // big-endian
  // A first byte that only starts like one is data (and not UTF-8).
  BOOST_TEST(contains(format_error_message("\xFFx,y\n1,2\n"), "line 1, column 1: invalid UTF-8 byte \\xFF"));
  BOOST_TEST(contains(format_error_message("\xFE\n"), "line 1, column 1: invalid UTF-8 byte \\xFE"));
}

BOOST_AUTO_TEST_CASE(empty_lines_up_to_the_limit_are_skipped) {
  csv::options opts;
  opts.max_empty_lines = 3;
  BOOST_TEST(read("a\n\n\n\nx\n\r\n\r\r\ny\n", opts).size() == 2u);
  BOOST_TEST(format_error_message("a\n\n\n\n\nx\n", opts) ==
             "test.csv, line 5: more than 3 empty lines in a row, the limit (is this a CSV file?)");
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
  BOOST_TEST(contains(message, "unexpected character \"y\" after the closing quote of \"x\""), message);
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
    BOOST_TEST(std::string(e.what()) ==
               "cols.csv, line 1: missing column \"to\" (the header has \"country\", \"from\")");
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
  BOOST_TEST(message_of<csv::value_error>([&] { reader.fail_value(r, 0, "a month (YYYY-MM)"); }) ==
             "cannot parse \"2021-13\" as a month (YYYY-MM) in counts.csv, line 2, column 1 (\"period\")");
  BOOST_CHECK_EXCEPTION(reader.fail_value(r, 0, "a month (YYYY-MM)"), csv::value_error,
                        [](const csv::value_error& e) { return e.input() == "2021-13" && e.where().line == 2u; });
  BOOST_CHECK_THROW(reader.fail_value(r, 1, "x"), kc::parse_error);  // the base class catches it too
}

// --- Text: UTF-8 and NUL bytes

BOOST_AUTO_TEST_CASE(valid_utf8_is_read_as_it_is) {
  const rows got = read("land\nSyri\xC3\xAB\n\"C\xC3\xB4te d\xE2\x80\x99Ivoire\"\n\xF0\x9F\x98\x80\n");
  BOOST_TEST_REQUIRE(got.size() == 3u);
  BOOST_TEST(got[0][0] == "Syri\xC3\xAB");
  BOOST_TEST(got[1][0] == "C\xC3\xB4te d\xE2\x80\x99Ivoire");
  BOOST_TEST(got[2][0] == "\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_line_column_and_bytes) {
  // Windows-1252 from a spreadsheet: c-cedilla is one byte, 0xE7.
  BOOST_TEST(format_error_message("period,nationality\n2021-05,Cura\xE7"
                                  "ao\n") ==
             "test.csv, line 2, column 2 (\"nationality\"): invalid UTF-8 byte \\xE7 (an incomplete character) in "
             "\"Cura\\xE7ao\"" +
                 utf8_hint);
  BOOST_TEST(
      format_error_message("co\xFFunt,b\n") ==
      "test.csv, line 1, column 1: invalid UTF-8 byte \\xFF (a byte that never occurs in UTF-8) in \"co\\xFFunt\"" +
          utf8_hint);
  BOOST_TEST(format_error_message("a\n\xC0\x80\n") ==
             "test.csv, line 2, column 1 (\"a\"): invalid UTF-8 bytes \\xC0\\x80 (an overlong encoding) in "
             "\"\\xC0\\x80\"" +
                 utf8_hint);
  BOOST_TEST(format_error_message("a\nx\xED\xA0\x80y\n") ==
             "test.csv, line 2, column 1 (\"a\"): invalid UTF-8 bytes \\xED\\xA0\\x80 (a surrogate (U+D800 to U+DFFF)) "
             "in \"x\\xED\\xA0\\x80y\"" +
                 utf8_hint);
  BOOST_TEST(format_error_message("a\nx\xE2\x82") ==  // the input ends inside a character
             "test.csv, line 2, column 1 (\"a\"): invalid UTF-8 bytes \\xE2\\x82 (an incomplete character) in "
             "\"x\\xE2\\x82\"" +
                 utf8_hint);
  // The delimiter ends the field, and the character with it.
  BOOST_TEST(
      contains(format_error_message("a,b\n\xC3,x\n"), "test.csv, line 2, column 1 (\"a\"): invalid UTF-8 byte \\xC3"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_multi_line_field_names_its_own_line) {
  const std::string message = format_error_message("a,b\n1,\"first\nsecond \x80\"\n");
  BOOST_TEST(message ==
             "test.csv, line 3, column 2 (\"b\"): invalid UTF-8 byte \\x80 (a continuation byte without a "
             "lead byte) in \"first\\nsecond \\x80\"" +
                 utf8_hint);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_every_column_is_found) {
  for (std::size_t column = 0; column < 4; ++column) {
    std::string line;
    for (std::size_t i = 0; i < 4; ++i) line += std::string(i == 0 ? "" : ",") + (i == column ? "x\xFF" : "ok");
    const std::string message = format_error_message("a,b,c,d\nok,ok,ok,ok\n" + line + "\n");
    BOOST_TEST(contains(message, "test.csv, line 3, column " + std::to_string(column + 1) + " (\"" +
                                     std::string(1, static_cast<char>('a' + column)) + "\"): invalid UTF-8 byte \\xFF"),
               message);
  }
}

BOOST_AUTO_TEST_CASE(a_nul_byte_anywhere_is_an_error) {
  const std::string nul = "NUL byte (the file is binary, not CSV text)";
  BOOST_TEST(format_error_message("a,b\n1,2\0\n"s) == "test.csv, line 2, column 2 (\"b\"): " + nul);
  BOOST_TEST(format_error_message("a,b\n1,2021-05\0garbage\n"s) == "test.csv, line 2, column 2 (\"b\"): " + nul);
  BOOST_TEST(format_error_message("a\n\"x\ny\0\"\n"s) == "test.csv, line 3, column 1 (\"a\"): " + nul);
  BOOST_TEST(format_error_message("a\n\"x\"\0\n"s) == "test.csv, line 2, column 1 (\"a\"): " + nul);
  BOOST_TEST(format_error_message("\0\0\0\0"s) == "test.csv, line 1, column 1: " + nul);
  BOOST_TEST(format_error_message("a,b\n\0,x\n"s) == "test.csv, line 2, column 1 (\"a\"): " + nul);
  csv::options opts;
  opts.delimiter = '\0';
  std::istringstream in("a\n");
  BOOST_CHECK_THROW(csv::reader(in, "x.csv", opts), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(messages_quoting_fields_escape_them) {
  BOOST_TEST(
      format_error_message("a\nab\x01\"c\n") ==
      "test.csv, line 2, column 1 (\"a\"): quote inside an unquoted field \"ab\\x01\"; quote the whole field and "
      "double the quote (\"\")");
  BOOST_TEST(format_error_message("a\n\"x\"\xC3\xA9\n") ==  // the whole character, never half of one
             "test.csv, line 2, column 1 (\"a\"): unexpected character \"\xC3\xA9\" after the closing quote of \"x\"");
  BOOST_TEST(format_error_message("a\n\"x\"\xFF\n") ==
             "test.csv, line 2, column 1 (\"a\"): unexpected character \"\\xFF\" after the closing quote of \"x\"");
  BOOST_TEST(format_error_message("a\n1," + std::string(100, 'x') + "\n") ==
             "test.csv, line 2, column 2: extra field \"" + std::string(80, 'x') +
                 "\xE2\x80\xA6\" (100 bytes): the record has 2 fields, the header has 1");
  BOOST_TEST(format_error_message("a\x1B[2J,a\x1B[2J\n") ==
             "test.csv, line 1, column 2: duplicate column name \"a\\x1B[2J\" (also column 1)");
}

BOOST_AUTO_TEST_CASE(positions_escape_the_source_and_the_column_name) {
  const csv::position where{"data/d\xFFr/counts\n.csv", 3, 2, "na\tme"};
  BOOST_TEST(where.str() == "data/d\\xFFr/counts\\n.csv, line 3, column 2 (\"na\\tme\")");
  std::istringstream in("a,b\n1,2,3\n");
  csv::reader reader(in, "d\xE9j\xE0.csv");  // a Latin-1 file name
  csv::record r;
  const std::string message = message_of<csv::format_error>([&] { (void)reader.next(r); });
  BOOST_TEST(message ==
             "d\\xE9j\\xE0.csv, line 2, column 3: extra field \"3\": the record has 3 fields, the header has 2");
}

// --- Limits

BOOST_AUTO_TEST_CASE(default_limits) {
  constexpr csv::options defaults;
  static_assert(defaults.max_field_bytes == 65536);
  static_assert(defaults.max_record_bytes == 1048576);
  static_assert(defaults.max_columns == 10000);
  static_assert(defaults.delimiter == ',');
  // A field of exactly the limit is read; one byte more is not.
  const std::string at_limit(defaults.max_field_bytes, 'x');
  BOOST_TEST(read("a\n" + at_limit + "\n").at(0).at(0) == at_limit);
  BOOST_TEST(format_error_message("a\n" + at_limit + "y\n") ==
             "test.csv, line 2, column 1 (\"a\"): field longer than 65536 bytes, the limit for one field (is this a "
             "CSV file?)");
  std::string many_columns;
  for (int i = 0; i < 10001; ++i) many_columns += (i == 0 ? "c" : ",c") + std::to_string(i);
  BOOST_TEST(format_error_message(many_columns + "\n") ==
             "test.csv, line 1, column 10001: more than 10000 fields in one record, the limit (is this a CSV file?)");
}

BOOST_AUTO_TEST_CASE(field_limit) {
  csv::options opts;
  opts.max_field_bytes = 5;
  BOOST_TEST(read("a\n12345\n\"12345\"\n", opts) == (rows{{"12345"}, {"12345"}}));  // quotes are not counted
  BOOST_TEST(
      format_error_message("a\n123456\n", opts) ==
      "test.csv, line 2, column 1 (\"a\"): field longer than 5 bytes, the limit for one field (is this a CSV file?)");
  BOOST_TEST(
      contains(format_error_message("a\n\"1\"\"2345\"\n", opts), "line 2, column 1 (\"a\"): field longer than 5"));
  BOOST_TEST(
      contains(format_error_message("a\n\"12\n\n\n4\"\n", opts), "line 5, column 1 (\"a\"): field longer than 5"));
  BOOST_TEST(contains(format_error_message("abcdef\n", opts), "line 1, column 1: field longer than 5"));
}

BOOST_AUTO_TEST_CASE(record_limit) {
  csv::options opts;
  opts.max_record_bytes = 10;
  BOOST_TEST(read("a,b\n12345,1234\n", opts) == (rows{{"12345", "1234"}}));  // 10 bytes with the comma
  BOOST_TEST(format_error_message("a,b\n12345,12345\n", opts) ==
             "test.csv, line 2, column 2 (\"b\"): record longer than 10 bytes, the limit for one record (is this a CSV "
             "file?)");
  BOOST_TEST(
      contains(format_error_message("a,b\n\"12\"\"34\",\"567\"\n", opts), "line 2, column 2 (\"b\"): record longer"));
}

BOOST_AUTO_TEST_CASE(column_limit) {
  csv::options opts;
  opts.max_columns = 3;
  BOOST_TEST(read("a,b,c\n1,2,3\n", opts) == (rows{{"1", "2", "3"}}));
  BOOST_TEST(format_error_message("a,b,c,d\n", opts) ==
             "test.csv, line 1, column 4: more than 3 fields in one record, the limit (is this a CSV file?)");
  BOOST_TEST(contains(format_error_message("a,b,c\n1,2,3,\n", opts), "line 2, column 4: more than 3 fields"));
}

BOOST_AUTO_TEST_CASE(endless_inputs_end_soon_after_a_limit) {
  struct endless_case {
    std::string prefix;
    std::string pattern;
    std::string message;
    std::size_t limit;  // the limit that stops it, in bytes of input
  };
  const csv::options defaults;
  const std::vector<endless_case> cases = {
      // /dev/zero
      {"", std::string(1, '\0'), "<endless>, line 1, column 1: NUL byte (the file is binary, not CSV text)", 0},
      // one endless line
      {"", "a",
       "<endless>, line 1, column 1: field longer than 65536 bytes, the limit for one field (is this a CSV file?)",
       defaults.max_field_bytes},
      // an endless quoted field, also over many lines
      {"a\n\"", "x\n",
       "<endless>, line 32770, column 1 (\"a\"): field longer than 65536 bytes, the limit for one field (is this a CSV "
       "file?)",
       defaults.max_field_bytes},
      // endless fields in one line
      {"", "a,",
       "<endless>, line 1, column 10001: more than 10000 fields in one record, the limit (is this a CSV file?)", 20000},
      // long fields that never end the record
      {"", std::string(60000, 'a') + ",",
       "<endless>, line 1, column 18: record longer than 1048576 bytes, the limit for one record (is this a CSV file?)",
       defaults.max_record_bytes},
      // endless empty lines after the header (`yes ""`), in every line-break form
      {"a\n", "\n", "<endless>, line 1000002: more than 1000000 empty lines in a row, the limit (is this a CSV file?)",
       defaults.max_empty_lines},
      {"a\r\n", "\r\n",
       "<endless>, line 1000002: more than 1000000 empty lines in a row, the limit (is this a CSV file?)",
       2 * defaults.max_empty_lines},
      // ... and before the header
      {"", "\r", "<endless>, line 1000001: more than 1000000 empty lines in a row, the limit (is this a CSV file?)",
       defaults.max_empty_lines},
  };
  for (const auto& c : cases) {
    endless_input source(c.prefix, c.pattern);
    std::istream in(&source);
    const std::string message = message_of<csv::format_error>([&] {
      csv::reader reader(in, "<endless>");
      csv::record r;
      while (reader.next(r)) {
      }
    });
    BOOST_TEST(message == c.message);
    BOOST_TEST(source.served() <= c.prefix.size() + c.limit + 2 * 4096, message);  // stopped within a chunk
  }
}

// --- Inputs that are not regular files

BOOST_AUTO_TEST_CASE(open_file_refuses_a_directory) {
  const temp_dir dir;
  const std::string message = message_of<kc::invalid_input>([&] { (void)csv::open_file(dir.path); });
  BOOST_TEST(message == "cannot read \"" + dir.path.string() + "\": it is a directory, not a file");
}

BOOST_AUTO_TEST_CASE(open_file_names_a_missing_path_and_why) {
  const std::string message =
      message_of<kc::invalid_input>([&] { (void)csv::open_file("/nonexistent/kerncijfers/nothing.csv"); });
  BOOST_TEST(message == "cannot open \"/nonexistent/kerncijfers/nothing.csv\" for reading (No such file or directory)");
}

BOOST_AUTO_TEST_CASE(open_file_escapes_a_path_that_is_not_utf8) {
  const temp_dir dir;
  const std::filesystem::path missing = dir.path / "d\xE9j\xE0\n.csv";
  const std::string message = message_of<kc::invalid_input>([&] { (void)csv::open_file(missing); });
  BOOST_TEST(message ==
             "cannot open \"" + dir.path.string() + "/d\\xE9j\\xE0\\n.csv\" for reading (No such file or directory)");
  // An existing file with such a name reads, and its errors name it escaped.
  const std::filesystem::path bad_name = dir.path / "\xFF.csv";
  std::ofstream(bad_name, std::ios::binary) << "a\n1,2\n";
  std::ifstream file = csv::open_file(bad_name);
  const std::string read_message = message_of<csv::format_error>([&] {
    csv::reader reader(file, bad_name.string());
    (void)reader.read_all();
  });
  BOOST_TEST(read_message == dir.path.string() +
                                 "/\\xFF.csv, line 2, column 2: extra field \"2\": the record has 2 "
                                 "fields, the header has 1");
}

BOOST_AUTO_TEST_CASE(a_directory_read_as_a_stream_is_a_read_error_naming_it) {
  const temp_dir dir;
  std::ifstream stream(dir.path, std::ios::binary);  // opens on Linux; reading fails with EISDIR
  BOOST_TEST_REQUIRE(stream.is_open());
  try {
    csv::reader reader(stream, dir.path.string());
    BOOST_FAIL("reading a directory must throw");
  } catch (const csv::read_error& e) {
    BOOST_TEST(std::string(e.what()) == dir.path.string() + ", line 1: read error (Is a directory)");
    BOOST_TEST(e.where().source == dir.path.string());
  }
  static_assert(std::is_base_of_v<kc::invalid_input, csv::read_error>);
}

BOOST_AUTO_TEST_CASE(an_io_error_is_a_read_error_with_the_line) {
  failing_input source("a,b\n1,2\n");
  std::istream in(&source);
  csv::reader reader(in, "disk.csv");
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  const std::string message = message_of<csv::read_error>([&] { (void)reader.next(r); });
  BOOST_TEST(message == "disk.csv, line 3: read error (Input/output error)");
}

BOOST_AUTO_TEST_CASE(a_fifo_is_read) {
  const temp_dir dir;
  const std::filesystem::path fifo = dir.path / "pipe.csv";
  BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << "a,b\n1,2\n3,4\n"; });
  std::ifstream file = csv::open_file(fifo);
  csv::reader reader(file, fifo.string());
  const auto records = reader.read_all();
  writer.join();
  BOOST_TEST_REQUIRE(records.size() == 2u);
  BOOST_TEST(records[1][1] == "4");
}

BOOST_AUTO_TEST_CASE(character_devices_are_read_and_dev_zero_ends) {
  // Only read from: /dev/null is an empty input, /dev/zero an endless binary one.
  std::ifstream null = csv::open_file("/dev/null");
  BOOST_TEST(message_of<csv::format_error>([&] { csv::reader reader(null, "/dev/null"); }) ==
             "/dev/null, line 1: no header row (the input is empty)");
  std::ifstream zero = csv::open_file("/dev/zero");
  BOOST_TEST(message_of<csv::format_error>([&] { csv::reader reader(zero, "/dev/zero"); }) ==
             "/dev/zero, line 1, column 1: NUL byte (the file is binary, not CSV text)");
}

// --- Headers of any size

BOOST_AUTO_TEST_CASE(wide_headers_are_checked_and_shown_in_part) {
  std::string header;
  for (int i = 1; i <= 9999; ++i) header += "c" + std::to_string(i) + ",";
  std::istringstream unique(header + "c10000\n");
  csv::reader reader(unique, "wide.csv");
  BOOST_TEST(reader.header().size() == 10000u);
  const std::string message = message_of<csv::format_error>([&] { (void)reader.column("zz"); });
  std::string shown;
  for (int i = 1; i <= 20; ++i) shown += (i == 1 ? "\"c" : ", \"c") + std::to_string(i) + "\"";
  BOOST_TEST(message == "wide.csv, line 1: missing column \"zz\" (the header has " + shown + ", ... (10000 columns))");
  BOOST_TEST(format_error_message(header + "c1\n") ==
             "test.csv, line 1, column 10000: duplicate column name \"c1\" (also column 1)");
}

// --- Missing values

BOOST_AUTO_TEST_CASE(missing_value_markers) {
  for (const char* marker : {"", " ", "\t", "#N/A", "#n/a", "N/A", "n/a", "n.a.", "N.A.", "n.v.t.", "N.V.T.", "-", "..",
                             ":", "?", " - ", "\t?\t", "  N/A  "}) {
    BOOST_TEST(csv::is_missing_marker(marker), '"' << marker << '"');
  }
  for (const char* value :
       {"NA", "na", "Na", "0", "--", "...", "x", "N/A/", "#NA", "n.a", "nvt", "TOTAL", "-1", "?!", "N / A", ". ."}) {
    BOOST_TEST(!csv::is_missing_marker(value), '"' << value << '"');
  }
  static_assert(csv::is_missing_marker("n.v.t."));
  static_assert(!csv::is_missing_marker("NA"));  // Namibia
}

BOOST_AUTO_TEST_CASE(fail_value_calls_a_marker_a_missing_value) {
  std::istringstream in("period,category,nationality\n2021-05,first,N/A\n2021-05, n.v.t. ,\n2021-05,?,NA\n");
  csv::reader reader(in, "counts.csv");
  csv::record r;
  BOOST_TEST_REQUIRE(reader.next(r));
  BOOST_TEST(message_of<csv::value_error>([&] { reader.fail_value(r, 2, "a nationality (code or name)"); }) ==
             "missing value \"N/A\" where a nationality (code or name) was expected in counts.csv, line 2, column 3 "
             "(\"nationality\")");
  BOOST_CHECK_EXCEPTION(reader.fail_value(r, 2, "a nationality (code or name)"), csv::value_error,
                        [](const csv::value_error& e) { return e.input() == "N/A" && e.where().column == 3u; });
  BOOST_TEST_REQUIRE(reader.next(r));
  BOOST_TEST(message_of<csv::value_error>([&] { reader.fail_value(r, 1, "a category"); }) ==
             "missing value \" n.v.t. \" where a category was expected in counts.csv, line 3, column 2 (\"category\")");
  BOOST_TEST(message_of<csv::value_error>([&] { reader.fail_value(r, 2, "a nationality"); }) ==
             "missing value \"\" where a nationality was expected in counts.csv, line 3, column 3 (\"nationality\")");
  BOOST_TEST_REQUIRE(reader.next(r));
  // NA is Namibia, not a marker: a reader that rejects it says it cannot parse it.
  BOOST_TEST(message_of<csv::value_error>([&] { reader.fail_value(r, 2, "a nationality"); }) ==
             "cannot parse \"NA\" as a nationality in counts.csv, line 4, column 3 (\"nationality\")");
  BOOST_TEST(message_of<kc::parse_error>([&] { reader.fail_value(r, 1, "a category"); }) ==
             "missing value \"?\" where a category was expected in counts.csv, line 4, column 2 (\"category\")");
}

BOOST_AUTO_TEST_CASE(value_errors_escape_the_value_and_keep_it_raw) {
  const csv::value_error e(csv::position{"c.csv", 2, 1, "period"}, "2021-05\0x"s, "a month");
  BOOST_TEST(std::string(e.what()) ==
             "cannot parse \"2021-05\\x00x\" as a month in c.csv, line 2, column 1 (\"period\")");
  BOOST_TEST(e.input() == "2021-05\0x"s);
}

// --- Reading in blocks: the same records whatever the pieces the input comes in

BOOST_AUTO_TEST_CASE(records_are_the_same_whether_the_input_comes_at_once_or_byte_by_byte) {
  const std::string text =
      "\xEF\xBB\xBFperiod,name,note\r\n2021-01,\"a, b\",\"two\r\nlines\"\r\n\n\n2021-02,\"say "
      "\"\"hi\"\"\",\rlast,,\"\"\n";
  std::istringstream whole(text);
  trickle_input bytes(text);
  std::istream trickled(&bytes);
  const std::vector<located_record> at_once = read_located(whole);
  BOOST_TEST_REQUIRE(at_once.size() == 3u);
  BOOST_TEST((at_once[0].fields == std::vector<std::string>{"2021-01", "a, b", "two\nlines"}));
  BOOST_TEST((at_once[0].field_lines == std::vector<std::size_t>{2, 2, 2}));
  BOOST_TEST((at_once[1].fields == std::vector<std::string>{"2021-02", "say \"hi\"", ""}));
  BOOST_TEST(at_once[1].line == 6u);
  BOOST_TEST((at_once[2].fields == std::vector<std::string>{"last", "", ""}));
  BOOST_TEST(at_once[2].line == 7u);
  BOOST_TEST((read_located(trickled) == at_once));
}

BOOST_AUTO_TEST_CASE(fields_across_block_edges_are_read_whole) {
  // Over a megabyte of records whose fields have every length from 1 to 997 bytes, quoted
  // and unquoted, so that the reader's blocks end inside fields of each kind, inside a
  // doubled quote and between a CR and its LF.
  std::string text = "a,b,c\r\n";
  std::vector<std::vector<std::string>> expected;
  for (std::size_t i = 0; text.size() < (std::size_t{1} << 20) + 4096; ++i) {
    const std::string plain(1 + i % 997, static_cast<char>('a' + i % 26));
    const std::string quoted = std::string(i % 13, 'q') + "\"" + std::string(i % 7, ',');
    std::string quoted_in_file = "\"";
    for (const char c : quoted) quoted_in_file += c == '"' ? std::string("\"\"") : std::string(1, c);
    quoted_in_file += "\"";
    text += plain + "," + quoted_in_file + "," + std::to_string(i) + "\r\n";
    expected.push_back({plain, quoted, std::to_string(i)});
  }
  std::istringstream in(text);
  const std::vector<located_record> records = read_located(in);
  BOOST_TEST_REQUIRE(records.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST_REQUIRE((records[i].fields == expected[i]), "record " << i);
    BOOST_TEST_REQUIRE(records[i].line == i + 2);
  }
}

BOOST_AUTO_TEST_CASE(limits_hold_to_the_byte_for_fields_longer_than_a_block) {
  csv::options opts;
  opts.max_field_bytes = 300'000;  // longer than one of the reader's blocks
  opts.max_record_bytes = 400'000;
  const std::string at_field_limit = "a,b\n" + std::string(300'000, 'x') + ",1\n";
  BOOST_TEST(read(at_field_limit, opts)[0][0].size() == 300'000u);
  BOOST_TEST(format_error_message("a,b\nz,1\n" + std::string(300'001, 'x') + ",1\n", opts) ==
             "test.csv, line 3, column 1 (\"a\"): field longer than 300000 bytes, the limit for one field (is this a "
             "CSV file?)");
  // The record limit counts the delimiter: 250,000 + 1 + 149,999 bytes is exactly the limit.
  const std::string at_record_limit = "a,b\n" + std::string(250'000, 'x') + "," + std::string(149'999, 'y') + "\n";
  BOOST_TEST(read(at_record_limit, opts)[0][1].size() == 149'999u);
  BOOST_TEST(format_error_message("a,b\n" + std::string(250'000, 'x') + "," + std::string(150'000, 'y') + "\n", opts) ==
             "test.csv, line 2, column 2 (\"b\"): record longer than 400000 bytes, the limit for one record (is this "
             "a CSV file?)");
  // A quote or a NUL right after the longest allowed field is reported as itself.
  BOOST_TEST(format_error_message("a,b\n" + std::string(300'000, 'x') + "\",1\n", opts)
                 .find("quote inside an "
                       "unquoted field") != std::string::npos);
  BOOST_TEST(format_error_message("a,b\n" + std::string(300'000, 'x') + std::string(1, '\0') + ",1\n", opts) ==
             "test.csv, line 2, column 1 (\"a\"): NUL byte (the file is binary, not CSV text)");
}
