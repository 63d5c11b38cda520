#pragma once
/// \file vintaged_rows.hpp
/// The machinery shared by the tables of published numbers (`counts.hpp`, `departures.hpp`):
/// rows that carry a count, a source, a release, and the file and line they came from; their
/// checks (no negative count, no empty source); the vintage rule applied to them (`release.hpp`);
/// and the CSV read loop of their schemas (header exactly as given, three key columns of the
/// schema's own, then `count`, `source` and `release`). Everything here is in `detail`: users
/// meet it through the two tables and their readers, whose errors it raises.
///
/// A row type `Row` has the fields `count` (std::int64_t), `source` (std::string),
/// `release` (`kerncijfers::release`), `line` (std::size_t) and `file` (std::string).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kerncijfers/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/release.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers::detail {

// How a count field reads.
enum class count_text { ok, not_plain_digits, too_large };

// Plain decimal digits (no sign, separators, decimals or spaces) that fit in int64.
[[nodiscard]] constexpr count_text parse_plain_count(std::string_view text, std::int64_t& value) noexcept {
  if (text.empty()) return count_text::not_plain_digits;
  for (const char c : text) {
    if (!is_ascii_digit(c)) return count_text::not_plain_digits;
  }
  std::int64_t v = 0;
  for (const char c : text) {
    if (__builtin_mul_overflow(v, std::int64_t{10}, &v) || __builtin_add_overflow(v, std::int64_t{c - '0'}, &v)) {
      return count_text::too_large;
    }
  }
  value = v;
  return count_text::ok;
}

// True when `text` has a character other than a space or a tab.
[[nodiscard]] constexpr bool has_text(std::string_view text) noexcept {
  return text.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

// Where an input row is, for messages: "counts.csv, line 4", "line 4", or "rows[3]" for a
// row given in a list without a line number. The row's own file, when known, beats the
// table's origin (a table may hold the rows of several files).
[[nodiscard]] inline std::string row_place(const std::string& origin, const std::string& file, std::size_t line,
                                           std::size_t input_index) {
  const std::string where = escaped(file.empty() ? origin : file);  // a file name may be any bytes
  if (line > 0) return (where.empty() ? std::string() : where + ", ") + "line " + std::to_string(line);
  return (where.empty() ? std::string() : where + ": ") + "rows[" + std::to_string(input_index) + "]";
}

// Short place of a row in a message that already names the origin: "line 4" / "rows[3]",
// or "counts.csv, line 4" when the row comes from a file other than the origin.
[[nodiscard]] inline std::string row_short_place(const std::string& origin, const std::string& file, std::size_t line,
                                                 std::size_t input_index) {
  const std::string place = line > 0 ? "line " + std::to_string(line) : "rows[" + std::to_string(input_index) + "]";
  return file.empty() || file == origin ? place : escaped(file) + ", " + place;
}

// Checks every row of a table: `count_error` for a negative count, `invalid_input` for an
// empty source, each naming the row ("counts.csv, line 4") and `describe_key(row)`.
template <class Row, class DescribeKey>
void check_rows(const std::vector<Row>& rows, const std::string& origin, const DescribeKey& describe_key) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    if (r.count < 0) {
      throw count_error(row_place(origin, r.file, r.line, i) + ": negative count " + std::to_string(r.count) + " for " +
                        describe_key(r));
    }
    if (!has_text(r.source)) {
      throw invalid_input(row_place(origin, r.file, r.line, i) + ": empty source for " + describe_key(r));
    }
  }
}

// The vintage rule (`resolve_vintages`) with rows named by their short place.
template <class Row, class SortKey, class DescribeKey>
[[nodiscard]] std::vector<std::size_t> resolve_row_vintages(const std::vector<Row>& rows, const SortKey& sort_key,
                                                            const DescribeKey& describe_key, const std::string& origin,
                                                            std::vector<std::size_t>& superseded) {
  return resolve_vintages(
      rows, sort_key, describe_key,
      [&origin](const Row& r, std::size_t index) { return row_short_place(origin, r.file, r.line, index); }, origin,
      superseded);
}

// The header check shared by the readers: exactly `expected`, in order.
inline void require_exact_header(const csv::reader& reader, std::span<const std::string_view> expected) {
  const auto header = reader.header();
  bool same = header.size() == expected.size();
  for (std::size_t i = 0; same && i < header.size(); ++i) same = header[i] == expected[i];
  if (same) return;
  std::string got;
  std::string want;
  for (const auto& name : header) got += (got.empty() ? "" : ",") + name;
  for (const auto name : expected) want += (want.empty() ? "" : ",") + std::string(name);
  std::string missing;
  for (const auto name : expected) {
    if (!reader.find_column(name)) missing += (missing.empty() ? "" : ", ") + quote(name);
  }
  std::string extra;
  for (const auto& name : header) {
    if (std::find(expected.begin(), expected.end(), std::string_view(name)) == expected.end()) {
      extra += (extra.empty() ? "" : ", ") + quote(name);
    }
  }
  std::string problem;
  if (!missing.empty()) problem += "missing " + missing;
  if (!extra.empty()) problem += (problem.empty() ? "" : "; ") + ("extra " + extra);
  if (problem.empty()) problem = "columns in the wrong order";
  throw csv::format_error(csv::position{reader.source(), 0, 0, {}},
                          "wrong header " + quote(got) + " (" + problem + "); expected exactly " + quote(want));
}

// Reads a count field, a source and a release; shared by both readers.
inline std::int64_t read_count_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  std::int64_t value = 0;
  switch (parse_plain_count(r[column], value)) {
    case count_text::ok: return value;
    case count_text::not_plain_digits:
      reader.fail_value(r, column,
                        "a count (a non-negative integer in plain digits: no sign, spaces, separators or decimals)");
    case count_text::too_large: reader.fail_value(r, column, "a count (too large: it must fit in 64 bits)");
  }
  return value;
}

inline std::string read_source_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  if (!has_text(r[column]))
    reader.fail_value(r, column, "a source (the publication the count comes from; it must not be empty)");
  return r[column];
}

// Field `column` parsed by `parse`; a `parse_error` becomes `reader.fail_value`, which names
// the file, line, column and value and says what was expected (`expected`).
template <class Parse>
[[nodiscard]] auto read_parsed_field(const csv::reader& reader, const csv::record& r, std::size_t column,
                                     const Parse& parse, const std::string& expected) {
  try {
    return parse(r[column]);
  } catch (const parse_error&) {
    reader.fail_value(r, column, expected);
  }
}

// The last text of a column and what it parsed to. A file repeats a few hundred texts
// (periods, categories, sources, releases) in runs, so a text is parsed once per run
// instead of once per row; a text that does not parse is never kept.
template <class T>
class last_parsed {
 public:
  // `read()` parses the field when its text differs from the last one.
  template <class Read>
  [[nodiscard]] const T& get(std::string_view text, const Read& read) {
    if (!value_ || text != text_) {
      value_.reset();
      value_.emplace(read());
      text_.assign(text);
    }
    return *value_;
  }

 private:
  std::string text_;
  std::optional<T> value_;
};

inline release read_release_field(const csv::reader& reader, const csv::record& r, std::size_t column) {
  return read_parsed_field(reader, r, column, release::parse,
                           "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)");
}

// Reserves room for the rows still to come after `first` (the first record), estimated
// from the bytes the stream still holds as it reports them (a file: the rest of its size),
// plus what a reader may have buffered, at the first record's length with a quarter to
// spare: growing a vector of rows by doubling copies them and touches every page twice.
// An estimate off either way costs little: room is only reserved (pages are touched when
// rows are written), capped, and a short estimate just grows the vector.
template <class Row>
void reserve_for_input(std::vector<Row>& rows, std::istream& in, const csv::record& first) {
  constexpr std::size_t most_rows = std::size_t{1} << 22;
  std::streamsize ready = 0;
  try {
    if (in.rdbuf() != nullptr) ready = in.rdbuf()->in_avail();
  } catch (const std::ios_base::failure&) {
    return;  // the reader reports a failing stream when it reads
  }
  if (ready <= 0) return;
  std::size_t record_bytes = first.size();  // the delimiters and the line break
  for (const std::string& field : first.fields) record_bytes += field.size();
  const std::size_t rows_left = (static_cast<std::size_t>(ready) + csv::reader::block_bytes) / record_bytes;
  rows.reserve(std::min(1 + rows_left + rows_left / 4, most_rows));
}

// The read loop of both CSV schemas (counts and departures): the header exactly `columns`,
// then per record the schema's own key columns 0-2 by `read_key(reader, record, row)` and the
// shared columns count (3), source (4) and release (5), with the row's line and file.
// `read_key` may keep state (its own `last_parsed` caches): it is taken by value.
template <class Row, class ReadKey>
[[nodiscard]] std::vector<Row> read_rows(std::istream& in, std::string file_name,
                                         std::span<const std::string_view> columns, ReadKey read_key) {
  csv::reader reader(in, std::move(file_name));
  require_exact_header(reader, columns);
  std::vector<Row> rows;
  csv::record r;
  last_parsed<std::string> source;
  last_parsed<release> published;
  while (reader.next(r)) {
    if (rows.empty()) reserve_for_input(rows, in, r);
    Row& row = rows.emplace_back();
    read_key(reader, r, row);
    row.count = read_count_field(reader, r, 3);
    row.source = source.get(r[4], [&] { return read_source_field(reader, r, 4); });
    row.release = published.get(r[5], [&] { return read_release_field(reader, r, 5); });
    row.line = r.line;
    row.file = reader.source();
  }
  return rows;
}

}  // namespace kerncijfers::detail
