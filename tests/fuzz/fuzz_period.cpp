// libFuzzer target: period parsing and period arithmetic, on any bytes.
//
// The whole input goes through every parser of a period text: `period<Unit>::parse` for
// ISO weeks, months, quarters and years, `period_range<P>::parse` for each of them,
// `parse_count_period` and `parse_departure_period`. Documented outcome: a value, or a
// `parse_error` whose message is valid UTF-8, quotes the text and says what was expected
// (a NUL in the text must not cut it short). A value formats back to
// exactly the text it was parsed from (only the canonical form parses) and re-parses to
// itself; its days, labels and conversions to coarser units are consistent.
//
// Then the input is split at its first line break: a period (or range) on the first line,
// a decimal integer n on the second. `p + n`, `p - n`, `from_serial(n)`, `trailing(p, n)`,
// `range.at(n)` and `range.index_of(p + n)` either give a value in years 1-9999 or throw
// `invalid_input` (range_error) with a message in periods, not in internal serials, with
// no signed overflow on the way (UBSan). `trailing(p, n)` fails exactly when n is 0 or
// reaches back before year 1.
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kerncijfers/counts.hpp"
#include "kerncijfers/departures.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/period_range.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

// Messages of range errors speak of periods and years, never of internal serials.
void check_range_message(const kc::invalid_input& e, const std::string& what) {
  kc_fuzz::check_message(e);
  const std::string_view message = e.what();
  KC_FUZZ_CHECK(message.find("serial") == std::string_view::npos,
                what + ": the message speaks of serials: \"" + kc_fuzz::escaped(message) + "\"");
}

// A parse error names the text and what was expected; a NUL in the text must not cut the
// message short before the expected form.
void check_parse_error(const kc::parse_error& e, std::string_view text, std::string_view expected) {
  kc_fuzz::check_message_names(e, expected);
  if (kc_fuzz::quotes_verbatim(text)) kc_fuzz::check_message_names(e, text);
}

template <class P>
void check_period(P p, std::string_view text) {
  const std::string iso = p.iso();
  KC_FUZZ_CHECK(iso == text, "\"" + kc_fuzz::escaped(text) + "\" parsed, but formats as \"" + iso + "\"");
  KC_FUZZ_CHECK(P::parse(iso) == p, "\"" + iso + "\" does not re-parse to itself");
  KC_FUZZ_CHECK(P::from_serial(p.serial()) == p, iso + ": from_serial(serial()) differs");
  KC_FUZZ_CHECK(p.year() >= 1 && p.year() <= 9999, iso + ": year outside 1-9999");
  KC_FUZZ_CHECK(p.first_day_number() <= p.last_day_number(), iso + ": first day after last day");
  KC_FUZZ_CHECK(
      P::containing_day_number(p.first_day_number()) == p && P::containing_day_number(p.last_day_number()) == p,
      iso + ": its own days are in another period");
  KC_FUZZ_CHECK(!p.label(kc::language::nl).empty() && !p.label(kc::language::en).empty(), iso + ": empty label");
  const kc::year y = kc::to_year(p);
  KC_FUZZ_CHECK(kc::subperiods<P>(y).contains(p), iso + ": not among the subperiods of its year " + y.iso());
  if constexpr (!std::is_same_v<typename P::unit, kc::week_unit>) {
    const auto weeks = kc::subperiods<kc::iso_week>(p);
    for (const kc::iso_week w : weeks) {
      KC_FUZZ_CHECK(kc::period_cast<P>(w) == p, iso + ": a week of it belongs elsewhere");
    }
  }
  (void)kc::year_to_date(p);
}

template <class P>
std::optional<P> parse_period(std::string_view text) {
  try {
    const P p = P::parse(text);
    check_period(p, text);
    return p;
  } catch (const kc::parse_error& e) {
    check_parse_error(e, text, P::unit_description());
    return std::nullopt;
  }
}

template <class P>
std::optional<kc::period_range<P>> parse_range(std::string_view text) {
  try {
    const kc::period_range<P> r = kc::period_range<P>::parse(text);
    // A single period also parses written as a range of one: "2021-05/2021-05".
    KC_FUZZ_CHECK(r.iso() == text || (r.first() == r.last() && text == r.iso() + "/" + r.iso()),
                  "\"" + kc_fuzz::escaped(text) + "\" parsed, but formats as \"" + r.iso() + "\"");
    KC_FUZZ_CHECK(kc::period_range<P>::parse(r.iso()) == r, r.iso() + ": does not re-parse to itself");
    KC_FUZZ_CHECK(r.first() <= r.last() && r.size() == static_cast<std::size_t>(r.last() - r.first()) + 1,
                  r.iso() + ": size disagrees with its ends");
    return r;
  } catch (const kc::parse_error& e) {
    check_parse_error(e, text, P::unit_description());
    return std::nullopt;
  } catch (const kc::invalid_input& e) {
    // Not documented: a reversed range ("2021-05/2020-06") is a range_error, not a parse_error.
    kc_fuzz::check_message_names(e, "reversed");
    return std::nullopt;
  }
}

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

template <class P>
void check_arithmetic(P p, long long n) {
  const std::string what = p.iso() + " and " + std::to_string(n);
  const P first = kc::subperiods<P>(kc::year(1)).first();
  const P last = kc::subperiods<P>(kc::year(9999)).last();
  try {
    const P q = p + n;
    KC_FUZZ_CHECK(q - p == n && q == n + p, what + ": p + n is " + q.iso());
    KC_FUZZ_CHECK(q - n == p, what + ": (p + n) - n is not p");
  } catch (const kc::invalid_input& e) {
    check_range_message(e, what + " (p + n)");
  }
  try {
    const P q = p - n;
    KC_FUZZ_CHECK(p - q == n, what + ": p - n is " + q.iso());
  } catch (const kc::invalid_input& e) {
    check_range_message(e, what + " (p - n)");
  }
  try {
    (void)P::from_serial(n);
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message(e);
  }
  // trailing(p, n) holds n periods ending at p: possible when 1 <= n <= (p - first) + 1.
  const auto count = static_cast<std::size_t>(static_cast<unsigned long long>(n));
  const bool fits = count >= 1 && count <= static_cast<std::size_t>(p - first) + 1;
  try {
    const kc::period_range<P> r = kc::trailing(p, count);
    KC_FUZZ_CHECK(fits, what + ": trailing gave " + r.iso() + " beyond year 1");
    KC_FUZZ_CHECK(r.last() == p && r.size() == count, what + ": trailing gave " + r.iso());
    const P middle = r.at(count / 2);
    KC_FUZZ_CHECK(r.index_of(middle) == count / 2 && r[count / 2] == middle, what + ": at/index_of/[] disagree");
  } catch (const kc::invalid_input& e) {
    check_range_message(e, what + " (trailing)");
    KC_FUZZ_CHECK(!fits, what + ": trailing refused a window that fits: " + e.what());
    KC_FUZZ_CHECK(std::string_view(e.what()).find("reversed") == std::string_view::npos,
                  what + ": trailing speaks of a reversed range: " + e.what());
  }
  // The range from p to p + n (when that exists), and positions in it.
  if (n >= 0 && n <= last - p) {
    const kc::period_range<P> r(p, P::from_serial(p.serial() + n));
    KC_FUZZ_CHECK(r.size() == count + 1 && r.at(count) == r.last() && r[count / 2] == r.at(count / 2),
                  what + ": at and [] disagree on " + r.iso());
    try {
      (void)r.at(r.size());
      KC_FUZZ_CHECK(false, what + ": at() past the end of " + r.iso() + " gave a period");
    } catch (const kc::invalid_input& e) {
      check_range_message(e, what + " (at)");
    }
  }
}

template <class P>
void check_range_positions(const kc::period_range<P>& r, long long n) {
  const std::string what = r.iso() + " and " + std::to_string(n);
  try {
    const P p = r.at(static_cast<std::size_t>(static_cast<unsigned long long>(n)));
    KC_FUZZ_CHECK(n >= 0 && r.contains(p) && r.index_of(p) == static_cast<std::size_t>(n),
                  what + ": at() gave " + p.iso());
  } catch (const kc::invalid_input& e) {
    check_range_message(e, what + " (at)");
    KC_FUZZ_CHECK(n < 0 || static_cast<unsigned long long>(n) >= r.size(), what + ": at() refused an index inside");
  }
  try {
    const P p = r.first() + n;
    try {
      const std::size_t i = r.index_of(p);
      KC_FUZZ_CHECK(r.contains(p) && r[i] == p, what + ": index_of gave " + std::to_string(i));
    } catch (const kc::invalid_input& e) {
      check_range_message(e, what + " (index_of)");
      KC_FUZZ_CHECK(!r.contains(p), what + ": index_of refused a period inside");
    }
  } catch (const kc::invalid_input& e) {
    check_range_message(e, what + " (first + n)");
  }
}

template <class P>
void run_unit(std::string_view text, std::string_view line, std::optional<long long> n) {
  (void)parse_period<P>(text);
  (void)parse_range<P>(text);
  if (!n) return;
  if (const auto p = parse_period<P>(line)) check_arithmetic(*p, *n);
  if (const auto r = parse_range<P>(line)) check_range_positions(*r, *n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const std::string_view line = text.substr(0, newline);
  const std::optional<long long> n =
      newline == std::string_view::npos ? std::nullopt : parse_integer(text.substr(newline + 1));

  run_unit<kc::iso_week>(text, line, n);
  run_unit<kc::month>(text, line, n);
  run_unit<kc::quarter>(text, line, n);
  run_unit<kc::year>(text, line, n);

  try {
    const kc::count_period p = kc::parse_count_period(text);
    KC_FUZZ_CHECK(kc::iso(p) == text, "count period \"" + kc_fuzz::escaped(text) + "\" formats as " + kc::iso(p));
    KC_FUZZ_CHECK(kc::parse_count_period(kc::iso(p)) == p, kc::iso(p) + ": does not re-parse");
  } catch (const kc::parse_error& e) {
    check_parse_error(e, text, "a period");
  }
  try {
    const kc::period_range<kc::month> r = kc::parse_departure_period(text);
    const std::string iso = kc::departure_period_iso(r);
    KC_FUZZ_CHECK(kc::parse_departure_period(iso) == r, iso + ": does not re-parse");
  } catch (const kc::parse_error& e) {
    check_parse_error(e, text, "a departure period");
  }
  return 0;
}
