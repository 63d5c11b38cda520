// libFuzzer target: nationality lookup (`nationality::lookup`, `find`, `from_alpha3`) on any
// bytes, as the nationality column of a counts file and `Nationality(...)` in Python reach it.
//
// Documented outcomes: a nationality, or `unknown_code` whose message is valid UTF-8, quotes
// the whole text (not cut short by a NUL), and whose suggestions are names that look up. `find` agrees with `lookup`. A
// nationality found is a row of the table; its alpha-3 code and its Dutch and English names
// look up to it again; `from_alpha3` accepts exactly the table's codes.
//
// Issue 10 class 2: forgiving lookup forgives case, diacritics and spacing of real names and
// codes, nothing more (`kc_fuzz::why_not_a_nationality` says what never names one).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kerncijfers/nationality.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

void check_found(kc::nationality n, std::string_view text) {
  const std::string shown = "\"" + kc_fuzz::escaped(text) + "\" -> " + std::string(n.alpha3());
  const auto all = kc::nationality::all();
  const auto row = std::find_if(all.begin(), all.end(), [&](const kc::nationality_entry& e) { return e.code == n; });
  KC_FUZZ_CHECK(row != all.end(), shown + ": not a row of the table");
  KC_FUZZ_CHECK(kc::nationality::lookup(n.alpha3()) == n, shown + ": its alpha-3 code looks up elsewhere");
  KC_FUZZ_CHECK(kc::nationality::from_alpha3(n.alpha3()) == n, shown + ": from_alpha3 of its code differs");
  KC_FUZZ_CHECK(kc::nationality::lookup(n.name(kc::language::en)) == n,
                shown + ": its English name looks up elsewhere");
  KC_FUZZ_CHECK(kc::nationality::lookup(n.name(kc::language::nl)) == n, shown + ": its Dutch name looks up elsewhere");
  const std::string why = kc_fuzz::why_not_a_nationality(text);
  KC_FUZZ_CHECK(why.empty(), shown + ", but " + why);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<kc::nationality> found = kc::nationality::find(text);
  try {
    const kc::nationality n = kc::nationality::lookup(text);
    KC_FUZZ_CHECK(found == n, "find and lookup disagree on \"" + kc_fuzz::escaped(text) + "\"");
    check_found(n, text);
  } catch (const kc::unknown_code& e) {
    KC_FUZZ_CHECK(!found, "lookup refused what find found: \"" + kc_fuzz::escaped(text) + "\"");
    kc_fuzz::check_message(e);
    if (kc_fuzz::quotes_verbatim(text)) kc_fuzz::check_message_names(e, text);
    // The message quotes the whole text (a long one shortened by kc::quote, which then adds
    // its length: `"aaaa…" (83 bytes)`): a NUL in it must not cut the message short.
    const std::string_view message = e.what();
    KC_FUZZ_CHECK(message.ends_with('"') || message.ends_with('?') ||
                      message.ends_with(" (" + std::to_string(text.size()) + " bytes)"),
                  "the message ends inside the quoted text: \"" + kc_fuzz::escaped(message) + "\"");
    for (const std::string& suggestion : e.suggestions()) {
      KC_FUZZ_CHECK(kc::nationality::find(suggestion).has_value(),
                    "suggestion \"" + kc_fuzz::escaped(suggestion) + "\" does not look up");
    }
  }
  try {
    const kc::nationality n = kc::nationality::from_alpha3(text);
    KC_FUZZ_CHECK(n.alpha3() == text,
                  "from_alpha3(\"" + kc_fuzz::escaped(text) + "\") gave " + std::string(n.alpha3()));
  } catch (const kc::unknown_code& e) {
    kc_fuzz::check_message(e);
    const auto all = kc::nationality::all();
    const auto is_text = [&](const kc::nationality_entry& r) { return r.alpha3() == text; };
    KC_FUZZ_CHECK(std::none_of(all.begin(), all.end(), is_text),
                  "from_alpha3 refused a code of the table: \"" + kc_fuzz::escaped(text) + "\"");
  }
  return 0;
}
