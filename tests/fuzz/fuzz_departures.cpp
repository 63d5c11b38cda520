// libFuzzer target: the departures reader (`read_departures_csv` on a stream, as the CLI's
// --departures and Python's read_departures_csv reach it) on any bytes.
//
// Documented outcomes: a `departures_table`, or an `invalid_input` whose message names the
// file and is valid UTF-8. Checked on success:
//   - every row has a non-negative count, a non-blank source that is valid UTF-8, the file
//     name and a line after the header; every superseded row has a row in use with the same
//     key from a release at least as late;
//   - `read_departure_rows` + `departures_table::from_rows` give the same table;
//   - the rows written back as a departures CSV read back to the same rows and table;
//   - `try_figures` for every group and period in the table never throws; when it gives
//     figures, they are the rows' counts and their total fits.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "kerncijfers/departures.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.csv";

std::string describe(const kc::departure_row& r) {
  return kc::departure_period_iso(r.period) + " " + std::string(kc::to_string(r.group)) + " " +
         std::string(kc::to_string(r.mode)) + " " + std::to_string(r.count) + " \"" + kc_fuzz::escaped(r.source) +
         "\" " + r.release.iso() + " (line " + std::to_string(r.line) + ")";
}

auto content(const kc::departure_row& r) { return std::tie(r.period, r.group, r.mode, r.count, r.source, r.release); }

std::string write_departures_csv(const std::vector<kc::departure_row>& rows) {
  std::string out = "period,group,mode,count,source,release\n";
  for (const auto& r : rows) {
    out += kc::departure_period_iso(r.period) + "," + std::string(kc::to_string(r.group)) + "," +
           std::string(kc::to_string(r.mode)) + "," + std::to_string(r.count) + "," + kc_fuzz::csv_quoted(r.source) +
           "," + r.release.iso() + "\n";
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

void check_table(const kc::departures_table& table) {
  std::map<std::tuple<kc::departure_group, kc::period_range<kc::month>, kc::departure_mode>, kc::release> in_use;
  for (const auto& r : table.rows()) {
    KC_FUZZ_CHECK(r.count >= 0, "negative count in " + describe(r));
    KC_FUZZ_CHECK(r.source.find_first_not_of(" \t\r\n") != std::string::npos, "blank source in " + describe(r));
    KC_FUZZ_CHECK(kc_fuzz::is_valid_utf8(r.source), "a source that is not UTF-8 was accepted: " + describe(r));
    KC_FUZZ_CHECK(r.file == source_name && r.line >= 2, "row without its place: " + describe(r));
    KC_FUZZ_CHECK(in_use.emplace(std::tuple{r.group, r.period, r.mode}, r.release).second,
                  "two rows in use with one key: " + describe(r));
  }
  for (const auto& r : table.superseded()) {
    const auto it = in_use.find(std::tuple{r.group, r.period, r.mode});
    KC_FUZZ_CHECK(it != in_use.end() && r.release <= it->second,
                  "a superseded row without a later row in use: " + describe(r));
  }
}

// try_figures reports missing modes and overflows instead of throwing: no try/catch here.
void check_figures(const kc::departures_table& table) {
  const auto rows = table.rows();
  for (std::size_t i = 0; i < rows.size() && i < 48; ++i) {
    const kc::departure_row& r = rows[i];
    if (i > 0 && rows[i - 1].group == r.group && rows[i - 1].period == r.period) continue;
    const kc::departure_lookup result = table.try_figures(r.group, r.period);
    if (!result.ok()) {
      KC_FUZZ_CHECK(!result.reason.empty(), "no figures for " + describe(r) + " and no reason");
      continue;
    }
    const kc::departure_totals& t = *result.totals;
    KC_FUZZ_CHECK(t.window == r.period && t.group == r.group, "figures for another key than " + describe(r));
    KC_FUZZ_CHECK(t.of(r.mode) == r.count, "figures disagree with " + describe(r));
    KC_FUZZ_CHECK(t.independent >= 0 && t.forced >= 0 && t.unsupervised >= 0, "negative figures for " + describe(r));
    KC_FUZZ_CHECK(t.total() >= t.supervised() && t.supervised() >= 0, "total below supervised for " + describe(r));
  }
  for (const kc::departure_group g : {kc::departure_group::all, kc::departure_group::criminal}) {
    const auto periods = table.periods(g);
    KC_FUZZ_CHECK(std::is_sorted(periods.begin(), periods.end()), "periods() not sorted");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kc::departures_table table;
  try {
    std::istringstream in(text);
    table = kc::read_departures_csv(in, source_name);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    return 0;
  }
  check_table(table);

  std::istringstream in(text);
  std::vector<kc::departure_row> rows = kc::read_departure_rows(in, source_name);
  KC_FUZZ_CHECK(kc::departures_table::from_rows(rows, source_name) == table, "read_departure_rows + from_rows differ");

  const std::string again = write_departures_csv(rows);
  std::vector<kc::departure_row> rows_again;
  kc::departures_table table_again;
  try {
    std::istringstream in_again(again);
    rows_again = kc::read_departure_rows(in_again, source_name);
    table_again = kc::departures_table::from_rows(rows_again, source_name);
  } catch (const kc::invalid_input& e) {
    KC_FUZZ_CHECK(false, "the rows written back are refused: " + std::string(e.what()) + "\n    written: \"" +
                             kc_fuzz::escaped(again) + "\"");
  }
  check_same_rows(rows, rows_again, "round trip of the rows");
  check_same_rows(table.rows(), table_again.rows(), "round trip of the rows in use");
  check_same_rows(table.superseded(), table_again.superseded(), "round trip of the superseded rows");

  check_figures(table);
  return 0;
}
