// libFuzzer target: the safe-countries reader (`load_safe_countries` on a stream, as the CLI's
// --safe-countries and Python's load_safe_countries reach it) on any bytes.
//
// Documented outcomes: a `safe_country_list`, or `invalid_input` (format, value, range
// errors) or `unknown_code` (an unknown country), whose message names the file and is valid
// UTF-8. Checked on success:
//   - no missing-value marker or other non-code was read as a country;
//   - the designations are sorted by country and start, note and source are valid UTF-8;
//   - the list written back as CSV loads to an equal list (notes and sources included);
//   - around every date in the list, `status_on` and `is_safe` agree: `is_safe` answers true
//     for safe, false for not safe, and throws `unknown_designation` exactly when the status
//     is unknown.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "kerncijfers/safe_countries.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.csv";

std::string write_safe_countries_csv(const kc::safe_country_list& list) {
  std::string out = "country,from,from_known,to,to_known,note,source\n";
  for (const auto& d : list.designations()) {
    out += std::string(d.country.alpha3()) + "," + d.from_text() + "," + (d.from_known ? "true" : "false") + "," +
           d.to_text() + "," + (d.to_known ? "true" : "false") + "," + kc_fuzz::csv_quoted(d.note) + "," +
           kc_fuzz::csv_quoted(d.source) + "\n";
  }
  return out;
}

void check_status(const kc::safe_country_list& list, kc::nationality country, kc::calendar::day_number day) {
  if (day < kc::calendar::to_day_number(1, 1, 1) || day > kc::calendar::to_day_number(9999, 12, 31)) return;
  const kc::designation_status status = list.status_on(country, day);
  const kc::calendar::civil_date date = kc::calendar::to_civil(day);
  const std::string what = std::string(country.alpha3()) + " on day " + std::to_string(day);
  try {
    const bool safe = list.is_safe(country, date);
    KC_FUZZ_CHECK(status != kc::designation_status::unknown, "is_safe answered for an unknown status: " + what);
    KC_FUZZ_CHECK(safe == (status == kc::designation_status::safe), "is_safe disagrees with status_on: " + what);
  } catch (const kc::unknown_designation& e) {
    kc_fuzz::check_message_names(e, country.alpha3());
    KC_FUZZ_CHECK(status == kc::designation_status::unknown, "is_safe refused a known status: " + what);
  }
  KC_FUZZ_CHECK(list.status(country, date) == status, "status(date) disagrees with status_on: " + what);
}

void check_list(const kc::safe_country_list& list) {
  const auto designations = list.designations();
  KC_FUZZ_CHECK(std::is_sorted(designations.begin(), designations.end(),
                               [](const kc::designation& a, const kc::designation& b) {
                                 return a.country != b.country ? a.country < b.country : a.from < b.from;
                               }),
                "designations not sorted by country and start");
  for (std::size_t i = 0; i < designations.size(); ++i) {
    const kc::designation& d = designations[i];
    KC_FUZZ_CHECK(kc_fuzz::is_valid_utf8(d.note) && kc_fuzz::is_valid_utf8(d.source),
                  "a note or source that is not UTF-8 was accepted: " + d.describe() + " \"" +
                      kc_fuzz::escaped(d.note) + "\" \"" + kc_fuzz::escaped(d.source) + "\"");
    if (i >= 16) continue;
    for (const auto& day : {d.from, d.to}) {
      if (!day) continue;
      for (const int delta : {-1, 0, 1, 27, 28, 29, 30, 31}) check_status(list, d.country, day->day + delta);
    }
    if (!d.from && !d.to) check_status(list, d.country, 0);
  }
  const auto countries = list.countries();
  KC_FUZZ_CHECK(std::is_sorted(countries.begin(), countries.end()) &&
                    std::adjacent_find(countries.begin(), countries.end()) == countries.end(),
                "countries() not sorted and unique");
}

// Issue 10 class 2: a missing-value marker or another non-code in the country column is
// reported, not folded into a nationality.
void check_country_fields(const std::string& text) {
  std::istringstream in(text);
  kc::csv::reader reader(in, source_name);
  const std::size_t column = reader.column("country");
  kc::csv::record r;
  while (reader.next(r)) {
    const std::string why = kc_fuzz::why_not_a_nationality(r[column]);
    KC_FUZZ_CHECK(why.empty(), "country \"" + kc_fuzz::escaped(r[column]) + "\" on line " + std::to_string(r.line) +
                                   " was read as " + std::string(kc::nationality::lookup(r[column]).alpha3()) +
                                   ", but " + why);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  kc::safe_country_list list;
  try {
    std::istringstream in(text);
    list = kc::load_safe_countries(in, source_name);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    return 0;
  } catch (const kc::unknown_code& e) {
    kc_fuzz::check_message_names(e, source_name);
    return 0;
  }
  check_list(list);
  check_country_fields(text);

  const std::string again = write_safe_countries_csv(list);
  try {
    std::istringstream in_again(again);
    const kc::safe_country_list list_again = kc::load_safe_countries(in_again, source_name);
    KC_FUZZ_CHECK(list_again == list, "the list written back loads differently: \"" + kc_fuzz::escaped(again) + "\"");
  } catch (const kc::invalid_input& e) {
    KC_FUZZ_CHECK(false, "the list written back is refused: " + std::string(e.what()) + "\n    written: \"" +
                             kc_fuzz::escaped(again) + "\"");
  } catch (const kc::unknown_code& e) {
    KC_FUZZ_CHECK(false, "the list written back is refused: " + std::string(e.what()));
  }
  return 0;
}
