// libFuzzer target: the CBS StatLine reader (`read_cbs_text`: a bundle's JSON, cbsodata
// records' JSON or StatLine's CSV, recognised from the content) on any bytes.
//
// Documented outcomes: a `cbs_data`, or an `invalid_input` (csv::format_error,
// csv::value_error, parse_error, ...) whose message names the input and is valid UTF-8.
// Checked on success:
//   - every count is 0 to 999,999,999, rounded to 5 (`source_multiple`), from source
//     "CBS StatLine <table>", flags only `p`;
//   - no two rows share (nationality, period, category), so the rows make a counts table
//     (`counts_table::from_rows` does not throw) with every row in use;
//   - reading the same text again gives the same rows.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "kerncijfers/cbs.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.cbs";

std::variant<kc::cbs_data, std::string> outcome(std::string_view text) {
  try {
    return kc::read_cbs_text(text, source_name);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    return std::string(e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto first = outcome(text);
  const auto* d = std::get_if<kc::cbs_data>(&first);
  if (d == nullptr) return 0;
  std::set<std::tuple<std::string, std::string, int>> keys;
  for (const kc::count_row& r : d->rows) {
    KC_FUZZ_CHECK(r.count >= 0 && r.count <= 999'999'999, "a count out of range: " + std::to_string(r.count));
    KC_FUZZ_CHECK(r.source_multiple == 5, "a row not rounded to 5");
    KC_FUZZ_CHECK(r.source == "CBS StatLine " + d->table, "a row with source \"" + kc_fuzz::escaped(r.source) + "\"");
    KC_FUZZ_CHECK(r.flags.letters().empty() || r.flags.letters() == "p", "flags other than p");
    const auto key = std::make_tuple(std::string(r.nationality ? r.nationality->alpha3() : "TOTAL"), kc::iso(r.period),
                                     static_cast<int>(r.category));
    KC_FUZZ_CHECK(keys.insert(key).second, "two rows of one nationality, period and category");
  }
  try {
    const kc::counts_table table = kc::counts_table::from_rows(d->rows, source_name);
    KC_FUZZ_CHECK(table.size() == d->rows.size(), "rows superseded in one release");
  } catch (const kc::invalid_input& e) {
    KC_FUZZ_CHECK(false, std::string("the rows do not make a counts table: ") + kc_fuzz::escaped(e.what()));
  }
  const auto again = outcome(text);
  const auto* d2 = std::get_if<kc::cbs_data>(&again);
  KC_FUZZ_CHECK(d2 != nullptr && d2->rows == d->rows, "a second read differs");
  return 0;
}
