#pragma once
/// \file release.hpp
/// Releases and the vintage rule. A `release` says when a source published a number, as
/// precisely as known (an `imprecise_date`, or undated). The vintage rule says which of
/// several published numbers for the same thing is used: the one of the latest release.
/// Every table of published numbers (counts, departures) applies it through
/// `detail::resolve_vintages`; `docs/data-schema.md` describes it for the files.

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/imprecise_date.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// How precisely a release is dated: the precision of its date, or undated.
enum class release_precision : std::uint8_t {
  undated,  ///< no date: older than every dated release
  day,      ///< a day, "2021-06-15"
  week,     ///< an ISO week, "2021-W24"
  month     ///< a month, "2021-06"
};

/// "undated", "day", "week" or "month".
[[nodiscard]] constexpr std::string_view to_string(release_precision p) noexcept {
  switch (p) {
    case release_precision::undated: return "undated";
    case release_precision::day: return "day";
    case release_precision::week: return "week";
    case release_precision::month: return "month";
  }
  return "?";
}

/// When a source published a number (its vintage), as precisely as known: a day, an ISO
/// week, a month (an `imprecise_date`), or undated.
///
/// Order: an undated release is older than every dated one; dated releases compare as
/// their dates do (by first day, then day < week < month), so a release dated only
/// "2021-06" counts as later than "2021-06-01": it may have appeared on any day of June.
/// Regular: copyable, ==, <=>, hashable.
class release {
 public:
  /// An undated release.
  constexpr release() noexcept = default;

  /// The release on day number `day` (days since 1970-01-01); throws `range_error` naming
  /// the day number when it lies outside years 1-9999.
  [[nodiscard]] static constexpr release from_day(calendar::day_number day) {
    if (!calendar::is_valid_day_number(day)) {
      throw range_error("release day number " + std::to_string(day) + " is outside the supported years 0001-9999");
    }
    return release(imprecise_date{day, date_precision::day});
  }
  /// The release on `y`-`m`-`d`; throws `invalid_input` naming the date when it does not exist.
  [[nodiscard]] static constexpr release from_date(int y, unsigned m, unsigned d) {
    if (!calendar::is_valid_year(y) || !calendar::is_valid_date(y, m, d)) {
      throw invalid_input("not a valid release date: " + std::to_string(y) + "-" + std::to_string(m) + "-" +
                          std::to_string(d));
    }
    return from_day(calendar::to_day_number(y, m, d));
  }
  /// A release known only by its ISO week.
  [[nodiscard]] static constexpr release from_week(iso_week w) noexcept {
    return release(imprecise_date{w.first_day_number(), date_precision::week});
  }
  /// A release known only by its month.
  [[nodiscard]] static constexpr release from_month(kerncijfers::month m) noexcept {
    return release(imprecise_date{m.first_day_number(), date_precision::month});
  }

  /// Parses "YYYY-MM-DD", "YYYY-Www" or "YYYY-MM"; the empty text is an undated release.
  /// Anything else (including a date that does not exist) throws `parse_error` naming the text.
  [[nodiscard]] static release parse(std::string_view text) {
    if (text.empty()) return release();
    if (const std::optional<imprecise_date> date = parse_imprecise_date(text)) return release(*date);
    throw parse_error(std::string(text), "a release (YYYY-MM-DD, YYYY-Www or YYYY-MM; empty for an undated release)");
  }

  /// How precisely the release is dated.
  [[nodiscard]] constexpr release_precision precision() const noexcept {
    if (!date_) return release_precision::undated;
    switch (date_->precision) {
      case date_precision::day: return release_precision::day;
      case date_precision::week: return release_precision::week;
      case date_precision::month: return release_precision::month;
    }
    return release_precision::undated;
  }
  /// False for an undated release.
  [[nodiscard]] constexpr bool is_dated() const noexcept { return date_.has_value(); }
  /// The date; nothing for an undated release.
  [[nodiscard]] constexpr std::optional<imprecise_date> date() const noexcept { return date_; }
  /// The first day the release stands for (the day, the week's Monday, the month's first
  /// day); nothing for an undated release.
  [[nodiscard]] constexpr std::optional<calendar::day_number> first_day_number() const noexcept {
    if (!date_) return std::nullopt;
    return date_->day;
  }

  /// The form `parse` reads: "2021-06-15", "2021-W24", "2021-06"; "" when undated.
  [[nodiscard]] std::string iso() const { return date_ ? date_->iso() : std::string(); }

  /// For text: "15 juni 2021" / "15 June 2021", "week 24 2021", "juni 2021" / "June 2021",
  /// "ongedateerd" / "undated".
  [[nodiscard]] std::string label(language lang) const {
    if (date_) return date_->label(lang);
    return lang == language::nl ? "ongedateerd" : "undated";
  }

  /// Same date and precision (all undated releases are equal).
  [[nodiscard]] friend constexpr bool operator==(release, release) noexcept = default;
  /// Undated first; then as the dates compare.
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(release a, release b) noexcept {
    return a.date_ <=> b.date_;
  }

  /// Writes `iso()`, or "undated".
  friend std::ostream& operator<<(std::ostream& out, release r) {
    return out << (r.is_dated() ? r.iso() : std::string("undated"));
  }

 private:
  constexpr explicit release(imprecise_date date) noexcept : date_(date) {}

  std::optional<imprecise_date> date_;
};

namespace detail {

// A release as one integer ordered as releases are: undated 0, then by first day, then
// day < week < month.
[[nodiscard]] constexpr std::uint64_t release_rank(const release& r) noexcept {
  const std::optional<imprecise_date> date = r.date();
  if (!date) return 0;
  const auto day = static_cast<std::uint64_t>(static_cast<std::int64_t>(date->day) - INT32_MIN);  // 32 bits
  return (std::uint64_t{1} << 40) | (day << 2) | static_cast<std::uint64_t>(coarseness(date->precision));
}

// The vintage rule. `rows` are in input order, each with a `release` and a `count`;
// returns the input indices of the rows kept (sorted by key), and fills `superseded` with
// the input indices of the others (older releases and identical repeats), in input order.
// `sort_key(r)` gives a row's key as a small totally ordered value (computed once per row:
// the sort compares keys, not rows); `describe_key(r)` names a key for messages and
// `place(r, i)` the row at input index i ("line 4"). Throws `invalid_input` naming both
// rows when one release gives one key two counts; `origin` (escaped) starts that message.
template <class Row, class SortKey, class DescribeKey, class Place>
[[nodiscard]] std::vector<std::size_t> resolve_vintages(const std::vector<Row>& rows, const SortKey& sort_key,
                                                        const DescribeKey& describe_key, const Place& place,
                                                        const std::string& origin,
                                                        std::vector<std::size_t>& superseded) {
  using key_type = std::invoke_result_t<const SortKey&, const Row&>;
  struct entry {
    key_type key;
    std::uint64_t release;  // release_rank: one integer compare instead of optional dates
    std::size_t index;
  };
  std::vector<entry> entries;
  entries.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    entries.push_back(entry{sort_key(rows[i]), release_rank(rows[i].release), i});
  }
  std::sort(entries.begin(), entries.end(), [](const entry& a, const entry& b) {
    if (const auto c = a.key <=> b.key; c != 0) return c < 0;
    if (a.release != b.release) return a.release < b.release;
    return a.index < b.index;
  });
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) order[i] = entries[i].index;
  std::vector<std::size_t> kept;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && entries[begin].key == entries[end].key) ++end;
    // Within a key: releases ascending, input order within a release. Check every release.
    for (std::size_t r = begin; r < end;) {
      std::size_t r_end = r + 1;
      while (r_end < end && entries[r_end].release == entries[r].release) ++r_end;  // equal ranks: equal releases
      const Row& first = rows[order[r]];
      for (std::size_t k = r + 1; k < r_end; ++k) {
        const Row& other = rows[order[k]];
        if (other.count != first.count) {
          const std::string which = first.release.is_dated() ? "release " + first.release.iso() : "the undated release";
          throw invalid_input((origin.empty() ? std::string() : escaped(origin) + ": ") + "conflicting counts for " +
                              describe_key(first) + " in " + which + ": " + std::to_string(first.count) + " (" +
                              place(first, order[r]) + ") and " + std::to_string(other.count) + " (" +
                              place(other, order[k]) + ")");
        }
      }
      if (r_end == end) kept.push_back(order[r]);
      r = r_end;
    }
    begin = end;
  }
  // Every row not kept, in input order, without sorting them.
  std::vector<bool> is_kept(rows.size(), false);
  for (const std::size_t i : kept) is_kept[i] = true;
  superseded.reserve(rows.size() - kept.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!is_kept[i]) superseded.push_back(i);
  }
  return kept;
}

}  // namespace detail

}  // namespace kerncijfers

/// Hash of a release, consistent with `==`.
template <>
struct std::hash<kerncijfers::release> {
  [[nodiscard]] std::size_t operator()(kerncijfers::release r) const noexcept {
    const auto day = r.first_day_number().value_or(0);
    return std::hash<std::int64_t>{}((static_cast<std::int64_t>(day) << 3) | static_cast<std::int64_t>(r.precision()));
  }
};
