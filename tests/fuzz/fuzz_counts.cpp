// libFuzzer target: the counts reader (`read_counts_csv` on a stream, as the CLI's --data and
// Python's read_counts_csv reach it) on any bytes.
//
// Documented outcomes: a `counts_table`, or an `invalid_input` (csv::format_error,
// csv::value_error, count_error, ...) whose message names the file and is valid UTF-8.
// Checked on success:
//   - no missing-value marker or other non-code was read as a nationality;
//   - every row has a non-negative count, a non-blank source that is valid UTF-8, the file
//     name and a line after the header; every superseded row has a row in use with the same
//     key from a release at least as late;
//   - `read_count_rows` + `counts_table::from_rows` give the same table;
//   - the rows written back as a counts CSV read back to the same rows and table;
//   - window queries on the table's own periods never throw (the try_ variants report), and
//     a row's own period is tiled by that row alone: the total is its count; a partial
//     answer (weeks at the edges of a window of months) has a lower bound at most its upper.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "kerncijfers/counts.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.csv";

std::string nationality_text(const kc::count_row& r) {
  return r.nationality ? std::string(r.nationality->alpha3()) : std::string("TOTAL");
}

std::string describe(const kc::count_row& r) {
  return kc::iso(r.period) + " " + std::string(kc::to_string(r.category)) + " " + nationality_text(r) + " " +
         std::to_string(r.count) + " \"" + kc_fuzz::escaped(r.source) + "\" " + r.release.iso() + " (line " +
         std::to_string(r.line) + ")";
}

// The fields a row has in a file, without its place (line and file differ after a round trip).
auto content(const kc::count_row& r) {
  return std::tie(r.period, r.category, r.nationality, r.count, r.source, r.release);
}

std::string write_counts_csv(const std::vector<kc::count_row>& rows) {
  std::string out = "period,category,nationality,count,source,release\n";
  for (const auto& r : rows) {
    out += kc::iso(r.period) + "," + std::string(kc::to_string(r.category)) + "," + nationality_text(r) + "," +
           std::to_string(r.count) + "," + kc_fuzz::csv_quoted(r.source) + "," + r.release.iso() + "\n";
  }
  return out;
}

template <class A, class B>
void check_same_rows(const A& a, const B& b, const char* what) {
  KC_FUZZ_CHECK(a.size() == b.size(),
                std::string(what) + ": " + std::to_string(a.size()) + " rows, then " + std::to_string(b.size()));
  for (std::size_t i = 0; i < a.size(); ++i) {
    KC_FUZZ_CHECK(content(a[i]) == content(b[i]),
                  std::string(what) + ": " + describe(a[i]) + " became " + describe(b[i]));
  }
}

void check_table(const kc::counts_table& table) {
  std::map<std::tuple<kc::category, std::string, std::string>, kc::release> in_use;
  for (const auto& r : table.rows()) {
    KC_FUZZ_CHECK(r.count >= 0, "negative count in " + describe(r));
    KC_FUZZ_CHECK(r.source.find_first_not_of(" \t\r\n") != std::string::npos, "blank source in " + describe(r));
    KC_FUZZ_CHECK(kc_fuzz::is_valid_utf8(r.source), "a source that is not UTF-8 was accepted: " + describe(r));
    KC_FUZZ_CHECK(r.file == source_name && r.line >= 2, "row without its place: " + describe(r));
    const auto [it, inserted] =
        in_use.emplace(std::tuple{r.category, nationality_text(r), kc::iso(r.period)}, r.release);
    KC_FUZZ_CHECK(inserted, "two rows in use with one key: " + describe(r));
  }
  for (const auto& r : table.superseded()) {
    const auto it = in_use.find(std::tuple{r.category, nationality_text(r), kc::iso(r.period)});
    KC_FUZZ_CHECK(it != in_use.end() && r.release <= it->second,
                  "a superseded row without a later row in use: " + describe(r));
  }
}

// Issue 10 class 2: a missing-value marker or another non-code in the nationality column is
// reported, not folded into a nationality ("#N/A" is not Namibia).
void check_nationality_fields(const std::string& text) {
  std::istringstream in(text);
  kc::csv::reader reader(in, source_name);
  kc::csv::record r;
  while (reader.next(r)) {
    if (r[2] == "TOTAL") continue;
    const std::string why = kc_fuzz::why_not_a_nationality(r[2]);
    KC_FUZZ_CHECK(why.empty(), "nationality \"" + kc_fuzz::escaped(r[2]) + "\" on line " + std::to_string(r.line) +
                                   " was read as " + std::string(kc::nationality::lookup(r[2]).alpha3()) + ", but " +
                                   why);
  }
}

// The try_ queries report gaps, split rows and overflows instead of throwing: no try/catch here.
void check_queries(const kc::counts_table& table) {
  const auto rows = table.rows();
  const std::size_t limit = std::min<std::size_t>(rows.size(), 32);
  for (std::size_t i = 0; i < limit; ++i) {
    const kc::count_row& r = rows[i];
    const kc::count_window own(r.period);
    const kc::window_lookup result =
        r.nationality ? table.try_count(r.category, *r.nationality, own) : table.try_total(r.category, own);
    KC_FUZZ_CHECK(result.ok(), "the period of a row is not tiled by it: " + describe(r) + ": " + result.reason);
    KC_FUZZ_CHECK(result.total->value == r.count && result.total->window == own,
                  "the period of " + describe(r) + " adds up to " + std::to_string(result.total->value));
    KC_FUZZ_CHECK(result.reason.empty(), "a reason given with a result");
  }
  // Every category over the span of the table's months and weeks (at most 20 years, to stay fast).
  if (rows.empty()) return;
  const kc::count_window front(rows.front().period);
  kc::calendar::day_number first_day = front.first_day_number();
  kc::calendar::day_number last_day = front.last_day_number();
  for (const auto& r : rows) {
    first_day = std::min(first_day, kc::count_window(r.period).first_day_number());
    last_day = std::max(last_day, kc::count_window(r.period).last_day_number());
  }
  // 9999-W52 ends in the year 10000, beyond the last month.
  last_day = std::min(last_day, kc::month::max().last_day_number());
  kc::month first = kc::month::containing_day_number(first_day);
  const kc::month last = kc::month::containing_day_number(last_day);
  if (last - first >= 240) first = kc::month::from_serial(last.serial() - 239);
  const kc::period_range<kc::month> month_span(first, last);
  const kc::iso_week last_week = kc::iso_week::containing_day_number(last.last_day_number());
  const kc::iso_week first_week = kc::iso_week::containing_day_number(first.first_day_number());
  const kc::period_range<kc::iso_week> week_span(last_week - first_week > 1042 ? last_week - 1042 : first_week,
                                                 last_week);
  for (const kc::category cat : kc::all_categories) {
    for (const kc::count_window span : {kc::count_window(month_span), kc::count_window(week_span)}) {
      const kc::window_lookup total = table.try_total(cat, span);
      if (total.ok()) {
        KC_FUZZ_CHECK(total.total->value >= 0 && total.total->exact(), "a negative total over " + span.iso());
      } else {
        KC_FUZZ_CHECK(!total.reason.empty(), "no total over " + span.iso() + " and no reason");
      }
      if (total.partial) {
        KC_FUZZ_CHECK(total.partial->upper_bound && total.partial->value <= *total.partial->upper_bound &&
                          !total.unsplittable.empty() && total.missing.empty(),
                      "a partial answer over " + span.iso() + " without sound bounds: " + total.reason);
      }
    }
    const kc::period_range<kc::month> span = month_span;
    const auto nats = table.nationalities(cat, span);
    KC_FUZZ_CHECK(
        std::is_sorted(nats.begin(), nats.end()) && std::adjacent_find(nats.begin(), nats.end()) == nats.end(),
        "nationalities() not sorted and unique");
    for (std::size_t k = 0; k < nats.size() && k < 4; ++k) (void)table.try_count(cat, nats[k], span);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kc::counts_table table;
  try {
    std::istringstream in(text);
    table = kc::read_counts_csv(in, source_name);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    return 0;
  }
  check_table(table);
  check_nationality_fields(text);

  // The two steps of read_counts_csv, separately: the same table.
  std::istringstream in(text);
  std::vector<kc::count_row> rows = kc::read_count_rows(in, source_name);
  KC_FUZZ_CHECK(kc::counts_table::from_rows(rows, source_name) == table, "read_count_rows + from_rows differ");

  // Round trip: the rows as a counts CSV read back to the same rows, and to the same table.
  const std::string again = write_counts_csv(rows);
  std::vector<kc::count_row> rows_again;
  kc::counts_table table_again;
  try {
    std::istringstream in_again(again);
    rows_again = kc::read_count_rows(in_again, source_name);
    table_again = kc::counts_table::from_rows(rows_again, source_name);
  } catch (const kc::invalid_input& e) {
    KC_FUZZ_CHECK(false, "the rows written back are refused: " + std::string(e.what()) + "\n    written: \"" +
                             kc_fuzz::escaped(again) + "\"");
  }
  check_same_rows(rows, rows_again, "round trip of the rows");
  check_same_rows(table.rows(), table_again.rows(), "round trip of the rows in use");
  check_same_rows(table.superseded(), table_again.superseded(), "round trip of the superseded rows");

  check_queries(table);
  return 0;
}
