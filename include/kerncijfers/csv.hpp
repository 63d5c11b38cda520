#pragma once
/// \file csv.hpp
/// The CSV reader behind the loaders (counts, departures, safe countries). Public because
/// its errors reach users through every loader (`csv::value_error` is a `parse_error`,
/// `csv::format_error` an `invalid_input`, `csv::read_error` an `invalid_input`) and C++
/// code may read its own tables with it. Not part of the Python API, where the csv module
/// does this job and the errors arrive as `ValueError`s.
///
/// Reading comma-separated values (RFC 4180) with the position of every field, so that a
/// bad value can be reported as "counts.csv, line 12, column 3 (\"count\")".
///
/// Accepted input:
///   - The first record is the header: one name per column, each non-empty and unique.
///     Every later record must have exactly as many fields as the header.
///   - Fields are separated by a comma (or another `options::delimiter`), records by
///     CRLF, LF or a lone CR (files saved on any platform read the same).
///   - A field that starts with `"` is quoted: it may hold delimiters, line breaks and
///     `""` (one literal quote). A line break inside a quoted field is returned as `\n`,
///     whatever its form in the file, so a value does not depend on how the file was
///     checked out. The closing quote must be followed by a delimiter, a line break or
///     the end of the input.
///   - A UTF-8 byte order mark at the very start is skipped (spreadsheets write one).
///   - Lines with no characters at all are skipped (a trailing newline adds no record).
///   - Nothing is trimmed: spaces are part of a field, as RFC 4180 says.
///
/// Text: the input must be UTF-8 (RFC 3629: no overlong forms, no surrogates). Every
/// field, the header's included, is checked, and a field that is not UTF-8 is an error
/// naming the line, the column and the offending bytes (a spreadsheet's "CSV" export in
/// Windows-1252 is refused rather than read as garbage: export "CSV UTF-8"). A NUL byte
/// anywhere is an error too ("NUL byte (the file is binary, not CSV text)"): no text file
/// holds one, and a value cut short at a NUL would be silently wrong. A file that starts
/// with a UTF-16 byte order mark (a spreadsheet's "Unicode text") is refused as UTF-16.
///
/// Limits: a field may hold at most `options::max_field_bytes` bytes (64 KiB), a record
/// `options::max_record_bytes` (1 MiB, delimiters and quotes included) and
/// `options::max_columns` fields (10,000), and at most `options::max_empty_lines` empty
/// lines may follow each other (1,000,000). Real files stay far below them; they make an
/// endless input (a device, a pipe that never closes, a binary file, endless line breaks)
/// end with an error soon after the limit instead of growing or reading without bound.
///
/// Rejected input throws `csv::format_error` naming the source, the line and the column:
/// a quote inside an unquoted field, text after a closing quote, a quoted field that is
/// never closed, a record with too few or too many fields, an empty or duplicate column
/// name, an input without a header, bytes that are not UTF-8, a NUL byte, a limit passed.
/// A stream that fails while it is read (an I/O error, a directory opened as a file)
/// throws `csv::read_error` naming the source. Values that are well-formed CSV but wrong
/// for the caller (a date that does not parse, an unknown code) are reported by the caller
/// with `reader::fail_value`, which throws `csv::value_error` (a `parse_error`) with the
/// same position; a missing-value marker (`is_missing_marker`: "N/A", "-", empty, ...) is
/// called a missing value there, not a value that does not parse.
///
/// Messages show values with `quote` and the source with `escaped` (errors.hpp), so they
/// are printable UTF-8 whatever the input holds.
///
/// Positions: lines are physical lines, numbered from 1, so the line of a field after a
/// multi-line quoted field is the line an editor shows; columns are field numbers within
/// the record, numbered from 1, together with the header name of the column.

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kerncijfers/errors.hpp"

namespace kerncijfers::csv {

/// Where something sits in a CSV input.
struct position {
  /// Name of the input as given to the reader: a file path or a description such as "<stdin>".
  std::string source;
  /// Physical line, from 1; 0 when not known.
  std::size_t line = 0;
  /// Field number within the record, from 1; 0 when the problem is the record as a whole.
  std::size_t column = 0;
  /// Header name of the column; empty when not known (or in the header itself).
  std::string column_name;

  /// "counts.csv, line 12, column 3 (\"count\")", leaving out what is not known. The
  /// source is shown with `escaped` and the column name with `quote`, so a path or a
  /// header that is not printable UTF-8 cannot garble the message.
  [[nodiscard]] std::string str() const {
    std::string text = source.empty() ? std::string("<input>") : escaped(source);
    if (line > 0) text += ", line " + std::to_string(line);
    if (column > 0) text += ", column " + std::to_string(column);
    if (!column_name.empty()) text += " (" + quote(column_name) + ")";
    return text;
  }

  /// Same source, line, column and column name.
  [[nodiscard]] friend bool operator==(const position&, const position&) = default;
};

/// Input that is not well-formed CSV, or whose header lacks a column the caller needs.
/// The message starts with the position: "counts.csv, line 7: ...".
class format_error : public invalid_input {
 public:
  format_error(position where, const std::string& problem)
      : invalid_input(where.str() + ": " + problem), where_(std::move(where)) {}
  /// Where the problem is.
  [[nodiscard]] const position& where() const noexcept { return where_; }

 private:
  position where_;
};

/// A stream that failed while it was read (an I/O error; a directory opened as a file).
/// The message starts with the position: "counts.csv, line 1: read error (Is a directory)".
class read_error : public invalid_input {
 public:
  read_error(position where, const std::string& problem)
      : invalid_input(where.str() + ": " + problem), where_(std::move(where)) {}
  /// Where the input was when it failed.
  [[nodiscard]] const position& where() const noexcept { return where_; }

 private:
  position where_;
};

/// True when `value`, without leading and trailing spaces and tabs and ignoring the case
/// of ASCII letters, is a marker that spreadsheets and statistical tables put where a
/// value is missing: empty, `#N/A`, `N/A`, `n.a.`, `n.v.t.` (Dutch: not applicable), `-`,
/// `..`, `:` (Eurostat) or `?`. `NA` is *not* a marker: it is Namibia's ISO and Eurostat
/// code.
[[nodiscard]] constexpr bool is_missing_marker(std::string_view value) noexcept {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
  constexpr std::string_view markers[] = {"", "#n/a", "n/a", "n.a.", "n.v.t.", "-", "..", ":", "?"};
  for (const std::string_view marker : markers) {
    if (marker.size() != value.size()) continue;
    bool same = true;
    for (std::size_t i = 0; same && i < value.size(); ++i) {
      const char c = value[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == marker[i];
    }
    if (same) return true;
  }
  return false;
}

/// A well-formed field whose value the caller cannot use. The message names the value,
/// what was expected and where: `cannot parse "2021-13" as a month (YYYY-MM) in
/// counts.csv, line 4, column 1 ("period")`; for a missing-value marker
/// (`is_missing_marker`) it says so: `missing value "N/A" where a nationality (code or
/// name) was expected in counts.csv, line 3, column 3 ("nationality")`. `input()` is the
/// field as it is in the file.
class value_error : public parse_error {
 public:
  value_error(position where, std::string value, const std::string& what_was_expected)
      : parse_error(worded{}, value, make_message(where, value, what_was_expected)), where_(std::move(where)) {}
  /// Where the value is.
  [[nodiscard]] const position& where() const noexcept { return where_; }

 private:
  static std::string make_message(const position& where, const std::string& value, const std::string& expected) {
    if (is_missing_marker(value)) {
      return "missing value " + quote(value) + " where " + expected + " was expected in " + where.str();
    }
    return "cannot parse " + quote(value) + " as " + expected + " in " + where.str();
  }
  position where_;
};

/// How the input is laid out, and how much of it the reader takes.
struct options {
  /// Field separator: ',' by default; ';' for files from Dutch spreadsheets. Must not be
  /// a quote, a line break or NUL.
  char delimiter = ',';
  /// Most bytes one field may hold (after quotes are removed): 64 KiB.
  std::size_t max_field_bytes = std::size_t{64} * 1024;
  /// Most bytes one record may take in the input, delimiters, quotes and line breaks
  /// inside quoted fields included: 1 MiB.
  std::size_t max_record_bytes = std::size_t{1024} * 1024;
  /// Most fields one record (the header included) may have: 10,000.
  std::size_t max_columns = 10'000;
  /// Most empty lines that may follow each other (they are skipped): 1,000,000.
  std::size_t max_empty_lines = 1'000'000;
};

/// One record (a row after the header): its fields and where each one starts.
struct record {
  /// The field values, quotes removed and `""` undone.
  std::vector<std::string> fields;
  /// The physical line on which each field starts (same length as `fields`).
  std::vector<std::size_t> field_lines;
  /// The physical line on which the record starts.
  std::size_t line = 0;

  /// Number of fields.
  [[nodiscard]] std::size_t size() const noexcept { return fields.size(); }
  /// Field `column` (0-based), unchecked in release builds like `std::vector::operator[]`.
  [[nodiscard]] const std::string& operator[](std::size_t column) const noexcept { return fields[column]; }

  /// Same fields on the same lines.
  [[nodiscard]] friend bool operator==(const record&, const record&) = default;
};

/// Reads a CSV input record by record. The header is read by the constructor.
///
///     std::ifstream file(path);
///     csv::reader in(file, path.string());
///     const auto cols = in.columns({"period", "count"});   // throws when one is missing
///     csv::record r;
///     while (in.next(r)) {
///       if (r[cols[1]].empty()) in.fail_value(r, cols[1], "a count");
///     }
///
/// The reader keeps a reference to the stream: the stream must outlive it.
class reader {
 public:
  /// Reads the header from `in`. `source` names the input in error messages (a file
  /// path, or a description like "<stdin>"). Throws `format_error` when the input is
  /// empty or the header is malformed, `read_error` when the stream fails, and
  /// `invalid_input` for an unusable delimiter.
  reader(std::istream& in, std::string source, options opts = {})
      : in_(&in),
        source_(std::move(source)),
        opts_(opts),
        delimiter_(std::char_traits<char>::to_int_type(opts.delimiter)) {
    if (opts_.delimiter == '"' || opts_.delimiter == '\n' || opts_.delimiter == '\r' || opts_.delimiter == '\0') {
      throw invalid_input("CSV delimiter must not be a quote, a line break or NUL (got code " +
                          std::to_string(static_cast<int>(opts_.delimiter)) + ")");
    }
    for (const char c : {opts_.delimiter, '\n', '\r', '"', '\0'}) ends_unquoted_[static_cast<unsigned char>(c)] = true;
    skip_byte_order_mark();
    record head;
    if (!read_record(head)) {
      throw format_error(position{source_, 1, 0, {}}, "no header row (the input is empty)");
    }
    // A map, not a pairwise comparison: a header may have up to max_columns names.
    std::unordered_map<std::string_view, std::size_t> first_column;
    for (std::size_t i = 0; i < head.fields.size(); ++i) {
      const std::string& name = head.fields[i];
      if (name.empty()) {
        throw format_error(position{source_, head.field_lines[i], i + 1, {}}, "empty column name in the header");
      }
      const auto [seen, is_new] = first_column.emplace(name, i);
      if (!is_new) {
        throw format_error(
            position{source_, head.field_lines[i], i + 1, {}},
            "duplicate column name " + quote(name) + " (also column " + std::to_string(seen->second + 1) + ")");
      }
    }
    header_ = std::move(head.fields);
    header_line_ = head.line;
  }

  /// Most bytes the reader takes from its stream ahead of the record it returns (256 KiB):
  /// it reads in blocks of this size, never more than the stream says it has ready.
  static constexpr std::size_t block_bytes = std::size_t{1} << 18;

  /// The name given to the input.
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

  /// The column names, in file order.
  [[nodiscard]] std::span<const std::string> header() const noexcept { return header_; }

  /// 0-based index of column `name`, or nothing when the header lacks it.
  [[nodiscard]] std::optional<std::size_t> find_column(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      if (header_[i] == name) return i;
    }
    return std::nullopt;
  }

  /// 0-based index of column `name`; throws `format_error` naming the column and the
  /// header when it is missing.
  [[nodiscard]] std::size_t column(std::string_view name) const {
    if (const auto index = find_column(name)) return *index;
    throw format_error(position{source_, header_line_, 0, {}},
                       "missing column " + quote(name) + " (the header has " + header_text() + ")");
  }

  /// 0-based indices of the columns `names`, in the order asked; throws `format_error`
  /// naming every missing column.
  [[nodiscard]] std::vector<std::size_t> columns(std::span<const std::string_view> names) const {
    std::vector<std::size_t> indices;
    std::string missing;
    std::size_t missing_count = 0;
    for (const std::string_view name : names) {
      if (const auto index = find_column(name)) {
        indices.push_back(*index);
      } else {
        missing += (missing.empty() ? "" : ", ") + quote(name);
        ++missing_count;
      }
    }
    if (missing_count > 0) {
      throw format_error(position{source_, header_line_, 0, {}},
                         std::string(missing_count == 1 ? "missing column " : "missing columns ") + missing +
                             " (the header has " + header_text() + ")");
    }
    return indices;
  }
  /// Overload for a braced list: `in.columns({"period", "count"})`.
  [[nodiscard]] std::vector<std::size_t> columns(std::initializer_list<std::string_view> names) const {
    return columns(std::span<const std::string_view>(names.begin(), names.size()));
  }

  /// Reads the next record into `out`. Returns false (leaving `out` empty) at the end of
  /// the input. Throws `format_error` for malformed CSV and for a record whose number of
  /// fields differs from the header's.
  bool next(record& out) {
    if (!read_record(out)) return false;
    if (out.fields.size() < header_.size()) {
      const std::size_t missing = out.fields.size();
      throw format_error(position{source_, out.field_lines.back(), missing + 1, header_[missing]},
                         "missing field: the record has " + std::to_string(out.fields.size()) + " field" +
                             (out.fields.size() == 1 ? "" : "s") + ", the header has " +
                             std::to_string(header_.size()));
    }
    if (out.fields.size() > header_.size()) {
      const std::size_t extra = header_.size();
      throw format_error(position{source_, out.field_lines[extra], extra + 1, {}},
                         "extra field " + quote(out.fields[extra]) + ": the record has " +
                             std::to_string(out.fields.size()) + " fields, the header has " +
                             std::to_string(header_.size()));
    }
    return true;
  }

  /// Reads all remaining records.
  [[nodiscard]] std::vector<record> read_all() {
    std::vector<record> records;
    record r;
    while (next(r)) records.push_back(std::move(r));
    return records;
  }

  /// Position of field `column` (0-based) of record `r`, for messages.
  [[nodiscard]] position where(const record& r, std::size_t column) const {
    const std::size_t line = column < r.field_lines.size() ? r.field_lines[column] : r.line;
    return position{source_, line, column + 1, column < header_.size() ? header_[column] : std::string()};
  }

  /// Throws `value_error` for field `column` (0-based) of record `r`: the message names
  /// the value, `what_was_expected` ("a month (YYYY-MM)") and the position, and calls a
  /// missing-value marker (`is_missing_marker`) a missing value.
  [[noreturn]] void fail_value(const record& r, std::size_t column, const std::string& what_was_expected) const {
    throw value_error(where(r, column), column < r.fields.size() ? r.fields[column] : std::string(), what_was_expected);
  }

 private:
  static constexpr int eof = std::char_traits<char>::eof();
  // How many header names a message lists before it stops.
  static constexpr std::size_t header_names_shown = 20;

  [[nodiscard]] std::string header_text() const {
    std::string text;
    for (std::size_t i = 0; i < header_.size() && i < header_names_shown; ++i) {
      text += (text.empty() ? "" : ", ") + quote(header_[i]);
    }
    if (header_.size() > header_names_shown) text += ", ... (" + std::to_string(header_.size()) + " columns)";
    return text.empty() ? "no columns" : text;
  }

  // The input is taken in blocks into `buffer_` (never more than the stream has ready, so
  // a pipe or a terminal is read as soon as a line arrives, and a failing stream fails at
  // the line the reader has reached). The stream buffer is used directly (no sentry, no
  // formatting); its failures (a filebuf throws on EIO or EISDIR) become a read_error
  // naming the source instead of a bare std::ios_base::failure.

  // Makes at least `wanted` bytes (at most block_bytes) available at `buffer_[next_]`,
  // keeping the ones not yet taken; false when the input ends first.
  bool fill(std::size_t wanted = 1) {
    while (end_ - next_ < wanted) {
      if (at_end_ || in_->rdbuf() == nullptr) return false;
      if (buffer_.empty()) buffer_.resize(block_bytes);
      if (next_ > 0) {  // move what is left to the front
        const std::size_t left = end_ - next_;
        for (std::size_t i = 0; i < left; ++i) buffer_[i] = buffer_[next_ + i];
        taken_before_buffer_ += next_;
        next_ = 0;
        end_ = left;
      }
      try {
        const std::streamsize ready = in_->rdbuf()->in_avail();
        const std::size_t room = buffer_.size() - end_;
        const std::size_t ask = ready > 0 ? std::min(room, static_cast<std::size_t>(ready)) : 1;
        const std::streamsize got = in_->rdbuf()->sgetn(buffer_.data() + end_, static_cast<std::streamsize>(ask));
        if (got <= 0) {
          at_end_ = true;
          return false;
        }
        end_ += static_cast<std::size_t>(got);
      } catch (const std::ios_base::failure& e) {
        fail_read(e);
      }
    }
    return true;
  }
  [[nodiscard]] int peek() {
    if (next_ == end_ && !fill()) return eof;
    return static_cast<unsigned char>(buffer_[next_]);
  }
  int get() {
    if (next_ == end_ && !fill()) return eof;
    return static_cast<unsigned char>(buffer_[next_++]);
  }
  // Bytes taken from the input so far.
  [[nodiscard]] std::size_t consumed() const noexcept { return taken_before_buffer_ + next_; }

  [[noreturn]] void fail_read(const std::ios_base::failure& e) const {
    // libstdc++ puts errno in the code; the iostream category says nothing more than "failure".
    const std::error_code code = e.code();
    const std::string reason = code && code.category() != std::iostream_category() ? code.message() : e.what();
    throw read_error(position{source_, line_, 0, {}}, "read error (" + reason + ")");
  }

  void skip_byte_order_mark() {
    // A UTF-16 byte order mark (FF FE or FE FF): name the encoding instead of failing on
    // its first NUL or invalid byte.
    const int first = peek();
    if (first == 0xFF || first == 0xFE) {
      if (fill(2)) {
        const auto second = static_cast<unsigned char>(buffer_[next_ + 1]);
        if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
          throw format_error(position{source_, 1, 1, {}},
                             "the file is UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8: save it as "
                             "UTF-8 text (in a spreadsheet: save as CSV UTF-8)");
        }
      }
      return;
    }
    static constexpr std::string_view bom = "\xEF\xBB\xBF";
    std::size_t same = 0;
    while (same < bom.size() && fill(same + 1) && buffer_[next_ + same] == bom[same]) ++same;
    if (same == bom.size()) next_ += bom.size();  // else not a BOM after all: read it as data
  }

  [[nodiscard]] static bool is_line_break(int c) noexcept { return c == '\n' || c == '\r'; }

  // Consumes one line break (CRLF, LF or CR) whose first character is next in the input.
  void consume_line_break() {
    if (get() == '\r' && peek() == '\n') get();
    ++line_;
  }

  [[nodiscard]] position here(std::size_t column) const {
    return position{source_, line_, column, column_name(column)};
  }

  // Appends `c` (just taken from the input, or what it stands for) to field `column`,
  // enforcing the limits and refusing NUL.
  void append(std::string& field, int c, std::size_t column) {
    if (c == '\0') throw format_error(here(column), "NUL byte (the file is binary, not CSV text)");
    if (field.size() >= opts_.max_field_bytes) {
      throw format_error(here(column), "field longer than " + std::to_string(opts_.max_field_bytes) +
                                           " bytes, the limit for one field (is this a CSV file?)");
    }
    if (consumed() - record_start_ > opts_.max_record_bytes) {
      throw format_error(here(column), "record longer than " + std::to_string(opts_.max_record_bytes) +
                                           " bytes, the limit for one record (is this a CSV file?)");
    }
    field += std::char_traits<char>::to_char_type(c);
  }

  // Refuses a field that is not UTF-8, at the line of the offending bytes.
  void check_utf8(const std::string& field, std::size_t column, std::size_t first_line) const {
    unsigned high_bits = 0;  // most fields are ASCII: one pass the compiler vectorises decides that
    for (const char c : field) high_bits |= static_cast<unsigned char>(c);
    if (high_bits < 0x80) return;
    const auto fault = find_invalid_utf8(field);
    if (!fault) return;
    std::size_t line = first_line;
    for (std::size_t i = 0; i < fault->offset; ++i) line += field[i] == '\n' ? 1 : 0;
    std::string bytes;
    for (std::size_t i = 0; i < fault->length; ++i) bytes += escaped(field.substr(fault->offset + i, 1));
    throw format_error(position{source_, line, column, column_name(column)},
                       std::string(fault->length == 1 ? "invalid UTF-8 byte " : "invalid UTF-8 bytes ") + bytes + " (" +
                           std::string(fault->problem) + ") in " + quote(field) +
                           "; the file must be UTF-8 text (in a spreadsheet: save as CSV UTF-8)");
  }

  // Reads one record, skipping empty lines; false at the end of the input. The strings of
  // `out` are reused, so a reader loop allocates only when a field outgrows its string.
  bool read_record(record& out) {
    out.field_lines.clear();
    for (std::size_t empty_lines = 0; is_line_break(peek()); ++empty_lines) {
      if (empty_lines == opts_.max_empty_lines) {
        throw format_error(here(0), "more than " + std::to_string(opts_.max_empty_lines) +
                                        " empty lines in a row, the limit (is this a CSV file?)");
      }
      consume_line_break();
    }
    if (peek() == eof) {
      out.fields.clear();
      out.line = 0;
      return false;
    }
    out.line = line_;
    record_start_ = consumed();
    std::size_t count = 0;
    for (;;) {
      const std::size_t column = count + 1;
      if (column > opts_.max_columns) {
        out.fields.resize(count);
        throw format_error(here(column), "more than " + std::to_string(opts_.max_columns) +
                                             " fields in one record, the limit (is this a CSV file?)");
      }
      out.field_lines.push_back(line_);
      if (count == out.fields.size()) out.fields.emplace_back();
      std::string& field = out.fields[count++];
      field.clear();
      if (peek() == '"') {
        read_quoted(field, column);
      } else {
        read_unquoted(field, column);
      }
      check_utf8(field, column, out.field_lines.back());
      const int c = peek();
      if (c == delimiter_) {
        get();
        continue;
      }
      if (is_line_break(c)) consume_line_break();
      out.fields.resize(count);
      return true;  // line break or end of input
    }
  }

  // Takes the bytes up to the next delimiter, quote, line break or NUL in runs, checking
  // the limits for a run at once: the error is the one the first byte over a limit gives.
  void read_unquoted(std::string& field, std::size_t column) {
    for (;;) {
      if (next_ == end_ && !fill()) return;
      const char* const begin = buffer_.data() + next_;
      const char* const stop = buffer_.data() + end_;
      const char* at = begin;
      while (at != stop && !ends_unquoted_[static_cast<unsigned char>(*at)]) ++at;
      const auto run = static_cast<std::size_t>(at - begin);
      // The first byte of the run that would pass a limit is number room + 1.
      const std::size_t field_room = opts_.max_field_bytes - std::min(field.size(), opts_.max_field_bytes);
      const std::size_t record_used = consumed() - record_start_;
      const std::size_t record_room = opts_.max_record_bytes - std::min(record_used, opts_.max_record_bytes);
      if (run > std::min(field_room, record_room)) {
        const std::size_t fits = std::min(field_room, record_room);
        field.append(begin, fits);
        next_ += fits + 1;
        if (field_room <= record_room) {
          throw format_error(here(column), "field longer than " + std::to_string(opts_.max_field_bytes) +
                                               " bytes, the limit for one field (is this a CSV file?)");
        }
        throw format_error(here(column), "record longer than " + std::to_string(opts_.max_record_bytes) +
                                             " bytes, the limit for one record (is this a CSV file?)");
      }
      field.append(begin, run);
      next_ += run;
      if (at == stop) continue;  // the block ended inside the field
      if (*at == '"') {
        throw format_error(here(column), "quote inside an unquoted field " + quote(field) +
                                             "; quote the whole field and double the quote (\"\")");
      }
      if (*at == '\0') throw format_error(here(column), "NUL byte (the file is binary, not CSV text)");
      return;  // a delimiter or a line break
    }
  }

  void read_quoted(std::string& field, std::size_t column) {
    const std::size_t opened = line_;
    get();  // the opening quote
    for (;;) {
      const int c = peek();
      if (c == eof) {
        throw format_error(position{source_, opened, column, column_name(column)},
                           "quoted field opened here is never closed (the input ends inside it)");
      }
      if (c == '"') {
        get();
        if (peek() != '"') break;  // closing quote
        get();
        append(field, '"', column);
      } else if (is_line_break(c)) {
        consume_line_break();
        append(field, '\n', column);
      } else {
        append(field, get(), column);
      }
    }
    const int after = peek();
    if (after != eof && after != delimiter_ && !is_line_break(after)) {
      if (after == '\0') throw format_error(here(column), "NUL byte (the file is binary, not CSV text)");
      // The whole character, so that the message never shows half of one.
      std::string character(1, std::char_traits<char>::to_char_type(get()));
      const auto is_continuation = [](int b) { return b >= 0x80 && b <= 0xBF; };
      while (character.size() < 4 && static_cast<unsigned char>(character[0]) >= 0xC0 && is_continuation(peek())) {
        character += std::char_traits<char>::to_char_type(get());
      }
      throw format_error(here(column),
                         "unexpected character " + quote(character) + " after the closing quote of " + quote(field));
    }
  }

  [[nodiscard]] std::string column_name(std::size_t column) const {
    return column >= 1 && column <= header_.size() ? header_[column - 1] : std::string();
  }

  std::istream* in_;
  std::string source_;
  options opts_;
  int delimiter_;
  std::vector<std::string> header_;
  std::size_t header_line_ = 1;
  std::size_t line_ = 1;
  std::array<bool, 256> ends_unquoted_{};  // the bytes an unquoted field stops at
  std::vector<char> buffer_;               // input taken from the stream, block by block
  std::size_t next_ = 0;                   // next byte to read in buffer_
  std::size_t end_ = 0;                    // end of the bytes in buffer_
  std::size_t taken_before_buffer_ = 0;    // input bytes before buffer_[0]
  bool at_end_ = false;                    // the stream has ended
  std::size_t record_start_ = 0;           // consumed() when the current record began
};

/// Opens `path` for reading as a CSV file (binary mode: line breaks are the reader's
/// business). Throws `invalid_input` naming the path (with `quote`) when it is a
/// directory ("... is a directory, not a file") or cannot be opened (with the system's
/// reason). Anything else that can be read is accepted: a pipe or a character device
/// such as /dev/stdin works, and the reader's limits stop one that never ends.
[[nodiscard]] inline std::ifstream open_file(const std::filesystem::path& path) {
  constexpr std::size_t no_limit = static_cast<std::size_t>(-1);  // a path is shown whole
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    throw invalid_input("cannot read " + quote(path.string(), no_limit) + ": it is a directory, not a file");
  }
  errno = 0;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int error = errno;
    throw invalid_input("cannot open " + quote(path.string(), no_limit) + " for reading" +
                        (error != 0 ? " (" + std::generic_category().message(error) + ")" : std::string()));
  }
  return file;
}

}  // namespace kerncijfers::csv
