// libFuzzer target: the CSV layer (include/kerncijfers/csv.hpp) on any bytes, read
// with the default delimiter and with ';' (files from Dutch spreadsheets).
//
// Documented outcomes: a header and records, or an `invalid_input` (csv::format_error for
// malformed CSV) whose message names the input and is valid UTF-8. Checked on success: every
// record has as many fields as the header, with a line per field in reading order; the
// header names are unique and found by `find_column`; every field is valid UTF-8 (the reader
// validates it); and writing the header and records back as CSV reads back to the same.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "kerncijfers/csv.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.csv";

struct table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> records;
};

// Writes `t` as CSV with `delimiter`, quoting only where the reader needs it, so that the
// text is never longer than the input it was read from (limits on record length hold).
std::string write_csv(const table& t, char delimiter) {
  const auto field = [&](const std::string& value, bool first_in_input, bool only_field) {
    const bool needs_quotes = value.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string::npos ||
                              (only_field && value.empty()) ||  // an empty line is skipped, "" is not
                              (first_in_input && value.rfind("\xEF\xBB\xBF", 0) == 0);  // not a byte order mark
    return needs_quotes ? kc_fuzz::csv_quoted(value) : value;
  };
  std::string out;
  const auto line = [&](const std::vector<std::string>& fields, bool first_line) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out += delimiter;
      out += field(fields[i], first_line && i == 0, fields.size() == 1);
    }
    out += '\n';
  };
  line(t.header, true);
  for (const auto& r : t.records) line(r, false);
  return out;
}

// Reads `text`; false when the reader refused it (after checking the refusal).
bool read(const std::string& text, char delimiter, table& out) {
  std::istringstream in(text);
  kc::csv::options opts;
  opts.delimiter = delimiter;
  try {
    kc::csv::reader reader(in, source_name, opts);
    out.header.assign(reader.header().begin(), reader.header().end());
    KC_FUZZ_CHECK(!out.header.empty(), "a header without columns");
    for (std::size_t i = 0; i < out.header.size(); ++i) {
      KC_FUZZ_CHECK(!out.header[i].empty(), "an empty column name was accepted");
      KC_FUZZ_CHECK(reader.find_column(out.header[i]) == i,
                    "column \"" + kc_fuzz::escaped(out.header[i]) + "\" is not unique or not found");
      KC_FUZZ_CHECK(kc_fuzz::is_valid_utf8(out.header[i]),
                    "a column name that is not UTF-8: \"" + kc_fuzz::escaped(out.header[i]) + "\"");
    }
    std::string absent = "no such column";
    while (reader.find_column(absent)) absent += '!';
    try {
      (void)reader.columns({std::string_view(out.header[0]), std::string_view(absent)});
      KC_FUZZ_CHECK(false, "columns() found a column the header does not have");
    } catch (const kc::csv::format_error& e) {
      kc_fuzz::check_message_names(e, absent);
    }
    kc::csv::record r;
    std::size_t previous_line = 0;
    while (reader.next(r)) {
      KC_FUZZ_CHECK(r.size() == out.header.size(), "a record with " + std::to_string(r.size()) + " fields, header " +
                                                       std::to_string(out.header.size()));
      KC_FUZZ_CHECK(r.field_lines.size() == r.size(), "field_lines and fields differ in length");
      KC_FUZZ_CHECK(r.line > previous_line && r.field_lines.front() == r.line,
                    "record on line " + std::to_string(r.line) + " after line " + std::to_string(previous_line));
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i > 0) KC_FUZZ_CHECK(r.field_lines[i] >= r.field_lines[i - 1], "field lines go backwards");
        KC_FUZZ_CHECK(kc_fuzz::is_valid_utf8(r[i]), "a field that is not UTF-8 was accepted: \"" +
                                                        kc_fuzz::escaped(r[i]) + "\" on line " +
                                                        std::to_string(r.field_lines[i]));
        const kc::csv::position where = reader.where(r, i);
        KC_FUZZ_CHECK(where.source == source_name && where.line == r.field_lines[i] && where.column == i + 1 &&
                          where.column_name == out.header[i],
                      "where() disagrees with the record: " + where.str());
      }
      previous_line = r.field_lines.back();
      out.records.push_back(r.fields);
    }
    KC_FUZZ_CHECK(r.fields.empty(), "next() returned false but left fields in the record");
    KC_FUZZ_CHECK(!reader.next(r), "next() returned a record after the end of the input");
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    if (const auto* f = dynamic_cast<const kc::csv::format_error*>(&e)) {
      KC_FUZZ_CHECK(f->where().source == source_name && f->where().line >= 1, "format_error at " + f->where().str());
    }
    return false;
  }
  return true;
}

void run(const std::string& text, char delimiter) {
  table first;
  if (!read(text, delimiter, first)) return;
  const std::string again = write_csv(first, delimiter);
  table second;
  KC_FUZZ_CHECK(read(again, delimiter, second),
                "CSV written from what was read is refused: \"" + kc_fuzz::escaped(again) + "\"");
  KC_FUZZ_CHECK(second.header == first.header && second.records == first.records,
                "CSV written from what was read reads back differently: \"" + kc_fuzz::escaped(again) + "\"");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  run(text, ',');
  run(text, ';');
  return 0;
}
