// libFuzzer target: the Eurostat reader (`read_eurostat_text`, and `read_eurostat_blocks` with
// the input cut into blocks of 1, 3, 64 and 4096 bytes, as a file reader hands it out) on any
// bytes.
//
// Documented outcomes: an `eurostat_data`, or an `invalid_input` (csv::format_error,
// csv::value_error, ...) whose message names the input and is valid UTF-8.
// Checked:
//   - every block size gives the same result, or the same message;
//   - on success: all columns as long as `value`, every index inside its dictionary, the
//     dictionaries sorted and without repeats, codes printable ASCII, observations sorted by
//     (geo, asyl_app, citizen, period) without repeats, counts >= 0, a missing value is 0;
//   - the selection of one geo code keeps exactly that code's observations.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "kerncijfers/eurostat.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-input.tsv";

class sliced_blocks {
 public:
  sliced_blocks(std::string_view text, std::size_t size) : text_(text), size_(size) {}
  std::span<const char> next() {
    const std::size_t n = std::min(size_, text_.size() - at_);
    buffer_.assign(text_.data() + at_, n);  // a buffer the next call overwrites, as a reader's
    at_ += n;
    return {buffer_.data(), n};
  }

 private:
  std::string_view text_;
  std::size_t size_;
  std::size_t at_ = 0;
  std::string buffer_;
};

// The result, or the message of the documented exception.
std::variant<kc::eurostat_data, std::string> outcome(std::string_view text, std::size_t block,
                                                     const kc::eurostat_selection& s = {}) {
  try {
    if (block == 0) return kc::read_eurostat_text(text, source_name, s);
    sliced_blocks blocks(text, block);
    return kc::read_eurostat_blocks(blocks, source_name, s);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
    return std::string(e.what());
  }
}

template <class T>
void check_dictionary(const std::vector<T>& items, const char* what) {
  KC_FUZZ_CHECK(
      std::adjacent_find(items.begin(), items.end(), [](const T& a, const T& b) { return !(a < b); }) == items.end(),
      std::string(what) + " dictionary not sorted or with repeats");
}

void check_data(const kc::eurostat_data& d) {
  const std::size_t n = d.value.size();
  KC_FUZZ_CHECK(d.geo.size() == n && d.citizen.size() == n && d.asyl_app.size() == n && d.period.size() == n &&
                    d.flags.size() == n && d.present.size() == n,
                "columns of different lengths");
  check_dictionary(d.geo_codes, "geo");
  check_dictionary(d.citizen_codes, "citizen");
  check_dictionary(d.asyl_app_codes, "asyl_app");
  check_dictionary(d.periods, "period");
  for (const auto* codes : {&d.geo_codes, &d.citizen_codes, &d.asyl_app_codes}) {
    for (const std::string& code : *codes) {
      KC_FUZZ_CHECK(!code.empty() && std::all_of(code.begin(), code.end(), [](char c) { return c > ' ' && c < 0x7F; }),
                    "a code that is not printable ASCII: \"" + kc_fuzz::escaped(code) + "\"");
    }
  }
  std::optional<std::tuple<int, int, int, int>> previous;
  for (std::size_t i = 0; i < n; ++i) {
    KC_FUZZ_CHECK(d.geo[i] < d.geo_codes.size() && d.citizen[i] < d.citizen_codes.size() &&
                      d.asyl_app[i] < d.asyl_app_codes.size() && d.period[i] < d.periods.size(),
                  "an index outside its dictionary at " + std::to_string(i));
    KC_FUZZ_CHECK(d.value[i] >= 0, "a negative count");
    KC_FUZZ_CHECK(d.present[i] == 1 || (d.present[i] == 0 && d.value[i] == 0), "a missing value that is not 0");
    const std::tuple<int, int, int, int> key{d.geo[i], d.asyl_app[i], d.citizen[i], d.period[i]};
    KC_FUZZ_CHECK(!previous || *previous < key, "observations not sorted or repeated at " + std::to_string(i));
    previous = key;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto whole = outcome(text, 0);
  for (const std::size_t block : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{4096}}) {
    const auto sliced = outcome(text, block);
    if (const auto* message = std::get_if<std::string>(&whole)) {
      const auto* other = std::get_if<std::string>(&sliced);
      KC_FUZZ_CHECK(other != nullptr && *other == *message, "block size " + std::to_string(block) +
                                                                " differs from the whole text: \"" +
                                                                kc_fuzz::escaped(*message) + "\"");
    } else {
      const auto* other = std::get_if<kc::eurostat_data>(&sliced);
      KC_FUZZ_CHECK(other != nullptr && *other == std::get<kc::eurostat_data>(whole),
                    "block size " + std::to_string(block) + " reads differently from the whole text");
    }
  }
  const auto* d = std::get_if<kc::eurostat_data>(&whole);
  if (d == nullptr) return 0;
  check_data(*d);
  if (!d->geo_codes.empty()) {
    kc::eurostat_selection one;
    one.geo = {d->geo_codes.front()};
    const auto selected = outcome(text, 0, one);
    const auto* s = std::get_if<kc::eurostat_data>(&selected);
    KC_FUZZ_CHECK(s != nullptr, "selecting one geo code fails where reading all succeeds");
    const auto expected = static_cast<std::size_t>(std::count(d->geo.begin(), d->geo.end(), 0));
    KC_FUZZ_CHECK(
        s->size() == expected && s->geo_codes == std::vector<std::string>{d->geo_codes.front()},
        "selecting one geo code keeps " + std::to_string(s->size()) + " observations, not " + std::to_string(expected));
  }
  return 0;
}
