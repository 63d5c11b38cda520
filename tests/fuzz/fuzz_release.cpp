// libFuzzer target: release parsing (`release::parse`, the `release` column of counts and
// departures files) on any bytes.
//
// Documented outcome: a release, or a `parse_error` whose message is valid UTF-8, quotes the
// text and says what was expected (a NUL in the text must not cut it short). A release
// formats back to exactly the text it was parsed from ("" for undated; only the canonical
// YYYY-MM-DD, YYYY-Www and YYYY-MM forms parse), re-parses to itself, has the precision its
// form says, orders consistently with its first day, and is dated by exactly the
// `imprecise_date` that `parse_imprecise_date` reads from the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kerncijfers/imprecise_date.hpp"
#include "kerncijfers/release.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kc::release r;
  try {
    r = kc::release::parse(text);
  } catch (const kc::parse_error& e) {
    kc_fuzz::check_message_names(e, "as a release");  // not cut short by a NUL in the text
    if (kc_fuzz::quotes_verbatim(text)) kc_fuzz::check_message_names(e, text);
    return 0;
  }
  const std::string shown = "\"" + kc_fuzz::escaped(text) + "\"";
  KC_FUZZ_CHECK(r.iso() == text, shown + " parsed, but formats as \"" + r.iso() + "\"");
  KC_FUZZ_CHECK(kc::release::parse(r.iso()) == r, shown + ": its iso() does not re-parse to it");
  const kc::release_precision expected = text.empty()        ? kc::release_precision::undated
                                         : text.size() == 10 ? kc::release_precision::day
                                         : text.size() == 8  ? kc::release_precision::week
                                         : text.size() == 7  ? kc::release_precision::month
                                                             : kc::release_precision::undated;
  KC_FUZZ_CHECK(!(text.size() != 0 && text.size() != 7 && text.size() != 8 && text.size() != 10),
                shown + ": a release of an unexpected length parsed");
  KC_FUZZ_CHECK(r.precision() == expected, shown + ": precision " + std::string(kc::to_string(r.precision())));
  KC_FUZZ_CHECK(r.is_dated() == !text.empty() && r.first_day_number().has_value() == r.is_dated(),
                shown + ": dated and first day disagree");
  KC_FUZZ_CHECK(text.empty() ? !kc::parse_imprecise_date(text) : kc::parse_imprecise_date(text) == r.date(),
                shown + ": the release's date is not the imprecise date of the same text");
  KC_FUZZ_CHECK(!r.label(kc::language::nl).empty() && !r.label(kc::language::en).empty(), shown + ": empty label");
  if (r.is_dated()) {
    const kc::release day = kc::release::from_day(*r.first_day_number());
    KC_FUZZ_CHECK(day <= r && kc::release() < r, shown + ": orders before its first day or an undated release");
    KC_FUZZ_CHECK(std::hash<kc::release>{}(r) == std::hash<kc::release>{}(kc::release::parse(r.iso())),
                  shown + ": hash differs for equal releases");
  }
  return 0;
}
