#pragma once
/// \file safe_countries.hpp
/// Safe countries of origin: which nationalities a country's asylum policy designated as
/// safe (*veilig land van herkomst*), as dated intervals, and the question "was this
/// nationality designated safe in this period?".
///
/// A `designation` is one interval of one country on the list. Its dates are as precise
/// as the sources: a day, or only a month ("added 2016-10"), each an `imprecise_date`
/// (`imprecise_date.hpp`, the type releases are dated with too; a week, which releases
/// may have, is no designation date). Its start or end may be
/// unknown: a source can prove a designation was in force on some day without saying
/// when it began, or say it ended without saying when. The answer to a question is
/// therefore three-valued (`designation_status`): `safe`, `not_safe`, or `unknown` when
/// the sources cannot say, and `is_safe` refuses to guess.
///
/// Status on a day, per designation:
///   - start `from` with `from_known`: not in force before `from`, in force from `from`
///     on. With month precision: not in force before the month, in force on its last day,
///     unknown on the days in between (the exact day is not in the sources).
///   - start `from` without `from_known`: in force from `from` (month precision: from the
///     month's last day) on; unknown before, back to the end of the country's previous
///     designation (or without limit when there is none).
///   - no `from` at all (an undated listing): never certainly in force; unknown until
///     `to`, or at every date when there is no `to`.
///   - end `to` with `to_known` (exclusive): not in force from `to` on. With month
///     precision: in force before the month, not in force on its last day, unknown in
///     between.
///   - end `to` without `to_known`: in force before `to`; unknown from `to` on (it ended
///     on a date the sources do not give).
///   - no `to` with `to_known`: no end is recorded; in force from the start on.
/// A country is `safe` on a day when one of its designations is in force, `unknown` when
/// none is but one may be, and `not_safe` otherwise, including every country the list
/// does not name.
///
/// Periods: **the last-day rule**. A month, quarter, year or ISO week counts as safe when
/// the designation is in force on the period's *last* day: the list as it stood when the
/// period's figures were compiled. Algeria, removed on 11 June 2021, is safe in May 2021
/// and not in June 2021. The rule also settles month-precision starts for every period of
/// a month or longer.
///
/// `nl_safe_countries()` is the Dutch list built from `data/nl_safe_countries.csv` (its
/// sources and derivation rules are in `data/nl_safe_countries.md`); `load_safe_countries`
/// reads a list in the same format.

#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <istream>
#include <limits>
#include <numeric>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kerncijfers/calendar.hpp"
#include "kerncijfers/csv.hpp"
#include "kerncijfers/detail/safe_countries_table.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/imprecise_date.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/period.hpp"

namespace kerncijfers {

/// The answer to "was this nationality designated safe then?".
enum class designation_status : std::uint8_t {
  safe,      ///< a designation was in force
  not_safe,  ///< no designation was in force (or the country is on no list)
  unknown    ///< the sources cannot say
};

/// "safe", "not_safe" or "unknown".
[[nodiscard]] constexpr std::string_view to_string(designation_status status) noexcept {
  switch (status) {
    case designation_status::safe: return "safe";
    case designation_status::not_safe: return "not_safe";
    case designation_status::unknown: return "unknown";
  }
  return "?";
}

/// Writes `to_string(status)`.
inline std::ostream& operator<<(std::ostream& out, designation_status status) { return out << to_string(status); }

namespace detail {

// Throws `range_error` naming `what` when `day` lies outside years 1-9999, where the
// calendar cannot convert it (the designation's fields are public: any number can arrive).
inline void check_designation_day(calendar::day_number day, std::string_view what) {
  if (!calendar::is_valid_day_number(day)) {
    throw range_error(std::string(what) + " day number " + std::to_string(day) +
                      " is outside the supported years 0001-9999");
  }
}

// The last day `date` stands for (the day itself, the month's last day), once its day is
// known to be one the calendar can convert.
[[nodiscard]] inline calendar::day_number last_designation_day(const imprecise_date& date) {
  if (date.precision == date_precision::day) return date.day;
  check_designation_day(date.day, "designation");
  return date.last_day();
}

}  // namespace detail

/// One designation of one country as a safe country of origin: an interval with its
/// sources. See the file comment for what each combination of fields means. A plain
/// value type: copyable, ==, ordered by country and then start.
struct designation {
  /// The designated nationality.
  nationality country;
  /// Start (or proof of being in force, see `from_known`): a day, or a whole month (then
  /// its day is the month's first day); empty for an undated listing.
  std::optional<imprecise_date> from;
  /// True: the designation started on `from`. False: it was in force on `from`, but its
  /// start is not in the sources.
  bool from_known = true;
  /// Exclusive end: first day no longer in force (or, with `to_known == false`, the first
  /// day whose status is unknown): a day, or a whole month. Empty when no end is recorded.
  std::optional<imprecise_date> to;
  /// True: the end is `to` (or, with no `to`, there is no recorded end). False: the
  /// designation ended on `to` or later on a date not in the sources; with no `to` (an
  /// undated listing), at an unknown time.
  bool to_known = true;
  /// The events the designation was derived from, in the sources' words.
  std::string note;
  /// Where the designation comes from (URLs, separated by spaces).
  std::string source;

  /// `from` as written in the CSV: "2016-10", "2021-05-06", or "" when there is none.
  [[nodiscard]] std::string from_text() const { return from ? from->iso() : std::string(); }
  /// `to` as written in the CSV.
  [[nodiscard]] std::string to_text() const { return to ? to->iso() : std::string(); }

  /// The status this designation alone gives on day number `day`: `safe` when it is
  /// certainly in force, `unknown` when it may be, `not_safe` otherwise. Ignores the
  /// country's other designations (see `safe_country_list::status`).
  [[nodiscard]] designation_status status_on(calendar::day_number day) const noexcept {
    const auto b = bounds();
    if (b.certain_begin <= day && day < b.certain_end) return designation_status::safe;
    if (b.possible_begin <= day && day < b.possible_end) return designation_status::unknown;
    return designation_status::not_safe;
  }

  /// Every field equal, note and source included.
  [[nodiscard]] friend bool operator==(const designation&, const designation&) = default;
  /// By country, then start (an undated listing first), then the other fields in order.
  [[nodiscard]] friend std::strong_ordering operator<=>(const designation& a, const designation& b) {
    if (const auto c = a.country <=> b.country; c != 0) return c;
    if (const auto c = a.from <=> b.from; c != 0) return c;
    if (const auto c = a.from_known <=> b.from_known; c != 0) return c;
    if (const auto c = a.to <=> b.to; c != 0) return c;
    if (const auto c = a.to_known <=> b.to_known; c != 0) return c;
    if (const auto c = a.note.compare(b.note); c != 0)
      return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    const auto c = a.source.compare(b.source);
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }

  /// The interval without note and source: "DZA 2016-10 to 2021-06-11", "MAR in force
  /// 2021-05-06 (start unknown), no recorded end", "SRB undated listing".
  friend std::ostream& operator<<(std::ostream& out, const designation& d) { return out << d.describe(); }

  /// The text `operator<<` writes.
  [[nodiscard]] std::string describe() const {
    std::string text(country.alpha3());
    if (!from) {
      text += " undated listing";
    } else if (from_known) {
      text += " " + from_text();
    } else {
      text += " in force " + from_text() + " (start unknown)";
    }
    if (to) {
      text += " to " + to_text();
      if (!to_known) text += " (end unknown: status unknown from then on)";
    } else if (from) {
      text += ", no recorded end";
    }
    return text;
  }

  /// Half-open day ranges: certainly in force in [certain_begin, certain_end), possibly in
  /// force in [possible_begin, possible_end). Unlimited ends are the int64 extremes.
  struct day_bounds {
    std::int64_t certain_begin;
    std::int64_t certain_end;
    std::int64_t possible_begin;
    std::int64_t possible_end;
  };

  /// The ranges of this designation on its own (without the clipping to the country's
  /// previous designation that `safe_country_list` applies).
  /// Throws `range_error` for a date outside years 1-9999.
  [[nodiscard]] day_bounds bounds() const {
    constexpr std::int64_t never_before = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t never_after = std::numeric_limits<std::int64_t>::max();
    day_bounds b{never_after, never_after, never_before, never_after};
    if (from) {
      const std::int64_t first = from->day;
      const std::int64_t certain = detail::last_designation_day(*from);
      b.certain_begin = certain;
      b.possible_begin = from_known ? first : never_before;
    }
    if (to) {
      const std::int64_t first = to->day;
      const std::int64_t last = detail::last_designation_day(*to);
      b.certain_end = first;
      b.possible_end = to_known ? last : never_after;
    }
    return b;
  }
};

namespace detail {

// What is wrong with one designation on its own, and which field it is about; nothing
// when it is fine. Shared by the list constructor and the CSV loader (which adds positions).
struct designation_problem {
  std::string_view field;  // the CSV column the problem is about
  bool is_range;           // true: a reversed interval (range_error); false: invalid_input
  std::string message;
};

[[nodiscard]] inline std::optional<designation_problem> check_designation(const designation& d) {
  const std::string who = "designation of " + std::string(d.country.alpha3());
  for (const auto& [field, date] :
       {std::pair{std::string_view("from"), d.from}, std::pair{std::string_view("to"), d.to}}) {
    if (!date) continue;
    if (!calendar::is_valid_day_number(date->day)) {
      return designation_problem{field, false,
                                 who + ": " + std::string(field) + " day number " + std::to_string(date->day) +
                                     " is outside the supported years 0001-9999"};
    }
    if (date->precision == date_precision::week) {
      return designation_problem{
          field, false,
          who + ": " + std::string(field) + " " + date->iso() + " is a week; a designation date is a day or a month"};
    }
  }
  for (const auto& [field, date] :
       {std::pair{std::string_view("from"), d.from}, std::pair{std::string_view("to"), d.to}}) {
    if (date && date->precision == date_precision::month && calendar::day_of(calendar::to_civil(date->day)) != 1) {
      return designation_problem{field, false,
                                 who + ": a month-precision " + std::string(field) +
                                     " must be the first day of its month, not " +
                                     imprecise_date{date->day, date_precision::day}.iso()};
    }
  }
  if (!d.from && d.from_known) {
    return designation_problem{"from_known", false, who + ": from_known is true but there is no from date"};
  }
  if (d.from && !d.to && !d.to_known) {
    return designation_problem{
        "to_known", false,
        who + " from " + d.from_text() +
            ": to_known is false but there is no to date (give the first day whose status is unknown)"};
  }
  if (!d.from && !d.to && d.to_known) {
    return designation_problem{"to_known", false,
                               who +
                                   ": an undated listing (no from, no to) must have to_known false: its status is "
                                   "unknown at every date"};
  }
  if (d.from && d.to && d.to->day <= d.from->day) {
    return designation_problem{"to", true, who + ": to " + d.to_text() + " is not after from " + d.from_text()};
  }
  return std::nullopt;
}

// The first pair of designations of one country that overlap, in the order of `order`
// (indices into `list`, sorted by country and start), with a message; nothing when none do.
struct overlap_problem {
  std::size_t first;
  std::size_t second;
  std::string message;
};

[[nodiscard]] inline std::vector<std::size_t> designation_order(std::span<const designation> list) {
  std::vector<std::size_t> order(list.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (list[a].country != list[b].country) return list[a].country < list[b].country;
    // By first day only (an undated listing first); the stable sort keeps the rest in input order.
    if (!list[a].from || !list[b].from) return !list[a].from && list[b].from;
    return list[a].from->day < list[b].from->day;
  });
  return order;
}

[[nodiscard]] inline std::optional<overlap_problem> find_overlap(std::span<const designation> list,
                                                                 std::span<const std::size_t> order) {
  for (std::size_t k = 1; k < order.size(); ++k) {
    const designation& a = list[order[k - 1]];
    const designation& b = list[order[k]];
    if (a.country != b.country) continue;
    const std::string code(a.country.alpha3());
    std::string message;
    if (!a.from) {
      message = "designations of " + code + " overlap: an undated listing (" + a.describe() +
                ") covers every date, so it cannot stand next to " + b.describe();
    } else if (!a.to) {
      message = "designations of " + code + " overlap: " + a.describe() + " has no end, but " + b.describe() +
                " starts later";
    } else if (a.to->day > b.from->day) {
      message = "designations of " + code + " overlap: " + a.describe() + " ends after " + b.describe() + " starts";
    }
    if (!message.empty()) return overlap_problem{order[k - 1], order[k], std::move(message)};
  }
  return std::nullopt;
}

}  // namespace detail

/// A list of safe-country designations, validated and indexed by country. Regular:
/// copyable, ==. The default list is empty (every country `not_safe`).
class safe_country_list {
 public:
  /// The empty list.
  safe_country_list() = default;

  /// A list of `designations`, in any order (they are kept sorted by country and start).
  /// Throws `range_error` naming the country and dates when an interval ends on or before
  /// its start or when two intervals of one country overlap, and `invalid_input` for an
  /// inconsistent designation (see the file comment: a month-precision date that is not a
  /// first of the month, `from_known` without `from`, `to_known == false` without `to` on
  /// a dated designation, an undated listing with `to_known == true`).
  explicit safe_country_list(std::vector<designation> designations) : designations_(std::move(designations)) {
    for (const designation& d : designations_) {
      if (auto problem = detail::check_designation(d)) {
        if (problem->is_range) throw range_error(problem->message);
        throw invalid_input(problem->message);
      }
    }
    const std::vector<std::size_t> order = detail::designation_order(designations_);
    if (auto overlap = detail::find_overlap(designations_, order)) throw range_error(overlap->message);
    std::vector<designation> sorted;
    sorted.reserve(designations_.size());
    for (const std::size_t i : order) sorted.push_back(std::move(designations_[i]));
    designations_ = std::move(sorted);
    bounds_.reserve(designations_.size());
    for (std::size_t i = 0; i < designations_.size(); ++i) {
      auto b = designations_[i].bounds();
      // A later designation started after the previous one of its country ended, so its
      // unknown start reaches back no further than that end.
      if (i > 0 && designations_[i - 1].country == designations_[i].country) {
        b.possible_begin = std::max(b.possible_begin, bounds_[i - 1].certain_end);
      }
      bounds_.push_back(b);
    }
  }

  /// Status of `country` on `day`. Throws `invalid_input` when `day` is not a real date.
  [[nodiscard]] designation_status status(nationality country, calendar::civil_date day) const {
    return status_on(country, checked_day_number(day));
  }

  /// Status of `country` in period `p` by the last-day rule: its status on `p`'s last day.
  template <class Unit>
  [[nodiscard]] designation_status status(nationality country, period<Unit> p) const {
    return status_on(country, p.last_day_number());
  }

  /// Status of `country` on day number `day` (days since 1970-01-01).
  [[nodiscard]] designation_status status_on(nationality country, calendar::day_number day) const noexcept {
    const auto [begin, end] = range_of(country);
    bool maybe = false;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& b = bounds_[i];
      if (b.certain_begin <= day && day < b.certain_end) return designation_status::safe;
      if (b.possible_begin <= day && day < b.possible_end) maybe = true;
    }
    return maybe ? designation_status::unknown : designation_status::not_safe;
  }

  /// True when `country` was designated safe in `p` (last-day rule), false when not.
  /// Throws `unknown_designation` naming the country and the period when the sources
  /// cannot say.
  template <class Unit>
  [[nodiscard]] bool is_safe(nationality country, period<Unit> p) const {
    return answer(country, p.last_day_number(),
                  imprecise_date{p.last_day_number(), date_precision::day}.iso() + ", the last day of " + p.iso() +
                      " (last-day rule)");
  }

  /// True when `country` was designated safe on `day`; throws `unknown_designation` when
  /// the sources cannot say, `invalid_input` when `day` is not a real date.
  [[nodiscard]] bool is_safe(nationality country, calendar::civil_date day) const {
    const calendar::day_number n = checked_day_number(day);
    return answer(country, n, imprecise_date{n, date_precision::day}.iso());
  }

  /// All designations, sorted by country (alpha-3 code) and start, undated listings first.
  [[nodiscard]] std::span<const designation> designations() const noexcept { return designations_; }

  /// The designations of `country`, sorted by start (empty when it is on no list).
  [[nodiscard]] std::span<const designation> designations_of(nationality country) const noexcept {
    const auto [begin, end] = range_of(country);
    return std::span<const designation>(designations_).subspan(begin, end - begin);
  }

  /// Every country the list names (with any status), sorted by alpha-3 code.
  [[nodiscard]] std::vector<nationality> countries() const {
    std::vector<nationality> out;
    for (const designation& d : designations_) {
      if (out.empty() || out.back() != d.country) out.push_back(d.country);
    }
    return out;
  }

  /// The countries designated safe on `day`, sorted by alpha-3 code.
  [[nodiscard]] std::vector<nationality> countries_on(calendar::civil_date day) const {
    return countries_with(checked_day_number(day), designation_status::safe);
  }
  /// The countries designated safe in `p` (last-day rule), sorted by alpha-3 code.
  template <class Unit>
  [[nodiscard]] std::vector<nationality> countries_on(period<Unit> p) const {
    return countries_with(p.last_day_number(), designation_status::safe);
  }

  /// The countries whose status on `day` is unknown, sorted by alpha-3 code.
  [[nodiscard]] std::vector<nationality> countries_unknown_on(calendar::civil_date day) const {
    return countries_with(checked_day_number(day), designation_status::unknown);
  }
  /// The countries whose status in `p` (last-day rule) is unknown, sorted by alpha-3 code.
  template <class Unit>
  [[nodiscard]] std::vector<nationality> countries_unknown_on(period<Unit> p) const {
    return countries_with(p.last_day_number(), designation_status::unknown);
  }

  /// Number of designations.
  [[nodiscard]] std::size_t size() const noexcept { return designations_.size(); }
  /// True for a list without designations.
  [[nodiscard]] bool empty() const noexcept { return designations_.empty(); }

  /// Same designations (note and source included).
  [[nodiscard]] friend bool operator==(const safe_country_list& a, const safe_country_list& b) {
    return a.designations_ == b.designations_;
  }

 private:
  [[nodiscard]] static calendar::day_number checked_day_number(calendar::civil_date day) {
    if (!day.ok()) {
      throw invalid_input("not a valid date: " + std::to_string(calendar::year_of(day)) + "-" +
                          detail::two_digits(calendar::month_of(day)) + "-" +
                          detail::two_digits(calendar::day_of(day)));
    }
    return calendar::to_day_number(day);
  }

  [[nodiscard]] std::pair<std::size_t, std::size_t> range_of(nationality country) const noexcept {
    const auto lower = std::lower_bound(designations_.begin(), designations_.end(), country,
                                        [](const designation& d, nationality c) { return d.country < c; });
    auto upper = lower;
    while (upper != designations_.end() && upper->country == country) ++upper;
    return {static_cast<std::size_t>(lower - designations_.begin()),
            static_cast<std::size_t>(upper - designations_.begin())};
  }

  [[nodiscard]] bool answer(nationality country, calendar::day_number day, const std::string& when) const {
    switch (status_on(country, day)) {
      case designation_status::safe: return true;
      case designation_status::not_safe: return false;
      case designation_status::unknown: break;
    }
    std::string message = "the sources do not say whether " + std::string(country.alpha3()) + " (" +
                          std::string(country.name(language::en)) + ") was designated a safe country of origin on " +
                          when;
    for (const designation& d : designations_of(country)) message += "; known: " + d.describe();
    throw unknown_designation(message);
  }

  [[nodiscard]] std::vector<nationality> countries_with(calendar::day_number day, designation_status wanted) const {
    std::vector<nationality> out;
    for (const designation& d : designations_) {
      if ((out.empty() || out.back() != d.country) && status_on(d.country, day) == wanted) out.push_back(d.country);
    }
    return out;
  }

  std::vector<designation> designations_;
  std::vector<designation::day_bounds> bounds_;  // parallel to designations_, clipped
};

namespace detail {

// The columns of a designation CSV, in the order of the built-in file.
inline constexpr std::array<std::string_view, 7> designation_columns = {"country",  "from", "from_known", "to",
                                                                        "to_known", "note", "source"};

// Builds a designation from the seven fields of one row (in `designation_columns` order);
// `where(i)` gives the position of field i for messages, `fail(i, expected)` throws
// `csv::value_error` for field i (a file reader passes its `fail_value`, which reports
// missing-value markers as such). Bad values, an unknown country included, throw through
// `fail`; inconsistent rows throw `invalid_input`/`range_error` naming the position.
template <class Where, class Fail>
[[nodiscard]] designation designation_from_row(const std::array<std::string_view, 7>& fields, const Where& where,
                                               const Fail& fail) {
  designation d;
  if (const std::optional<nationality> country = nationality::find(fields[0])) {
    d.country = *country;
  } else {
    fail(0, nationality_expected("a country (a code or name in the nationality table", fields[0]));
  }
  const auto read_date = [&](std::size_t column, std::optional<imprecise_date>& date) {
    if (fields[column].empty()) return;
    const std::optional<imprecise_date> parsed = parse_imprecise_date(fields[column]);
    if (!parsed || parsed->precision == date_precision::week) fail(column, "a date (YYYY-MM-DD or YYYY-MM, or empty)");
    date = parsed;
  };
  const auto read_flag = [&](std::size_t column) {
    if (fields[column] == "true") return true;
    if (fields[column] != "false") fail(column, "true or false");
    return false;
  };
  read_date(1, d.from);
  d.from_known = read_flag(2);
  read_date(3, d.to);
  d.to_known = read_flag(4);
  d.note = std::string(fields[5]);
  d.source = std::string(fields[6]);
  if (auto problem = check_designation(d)) {
    std::size_t column = 0;
    while (designation_columns[column] != problem->field) ++column;
    const std::string message = where(column).str() + ": " + problem->message;
    if (problem->is_range) throw range_error(message);
    throw invalid_input(message);
  }
  return d;
}

// Checks a loaded list for overlaps, naming the two lines, then builds it.
[[nodiscard]] inline safe_country_list list_from_rows(std::vector<designation> designations,
                                                      const std::vector<std::size_t>& lines,
                                                      const std::string& source) {
  const std::vector<std::size_t> order = designation_order(designations);
  if (auto overlap = find_overlap(designations, order)) {
    const std::size_t a = std::min(lines[overlap->first], lines[overlap->second]);
    const std::size_t b = std::max(lines[overlap->first], lines[overlap->second]);
    throw range_error(source + ", lines " + std::to_string(a) + " and " + std::to_string(b) + ": " + overlap->message);
  }
  return safe_country_list(std::move(designations));
}

}  // namespace detail

/// Reads a list of designations from CSV text in the format of `data/nl_safe_countries.csv`:
/// columns `country` (alpha-3 code or any name `nationality::lookup` knows), `from` and
/// `to` (empty, YYYY-MM or YYYY-MM-DD), `from_known` and `to_known` (true or false),
/// `note`, `source`, in any order; other columns are ignored. `source_name` names the
/// input in messages. Throws `csv::format_error` for malformed CSV or a missing column,
/// `csv::value_error` for a bad date or flag and for a country that is not in the
/// nationality table (with the closest names; as in a counts file, the file is what is
/// wrong, so this is no `unknown_code`; a missing-value marker such as "#N/A" or "n.a." is
/// reported as a missing value), `invalid_input`/`range_error` for an inconsistent row, a
/// reversed interval or two overlapping ones; every message names the file, line, column
/// and value.
[[nodiscard]] inline safe_country_list load_safe_countries(std::istream& in, std::string source_name) {
  csv::reader reader(in, std::move(source_name));
  const std::vector<std::size_t> columns =
      reader.columns(std::span<const std::string_view>(detail::designation_columns));
  std::vector<designation> designations;
  std::vector<std::size_t> lines;
  csv::record r;
  while (reader.next(r)) {
    std::array<std::string_view, 7> fields;
    for (std::size_t i = 0; i < fields.size(); ++i) fields[i] = r[columns[i]];
    designations.push_back(detail::designation_from_row(
        fields, [&](std::size_t i) { return reader.where(r, columns[i]); },
        [&](std::size_t i, const std::string& expected) { reader.fail_value(r, columns[i], expected); }));
    lines.push_back(r.line);
  }
  return detail::list_from_rows(std::move(designations), lines, reader.source());
}

/// Reads a list of designations from the CSV file `path` (see the stream overload).
/// Throws `invalid_input` naming the path when the file cannot be opened.
[[nodiscard]] inline safe_country_list load_safe_countries(const std::filesystem::path& path) {
  std::ifstream file = csv::open_file(path);
  return load_safe_countries(file, path.string());
}

/// The Dutch list of safe countries of origin, built into the library from
/// `data/nl_safe_countries.csv` (sources, derivation rules and gaps:
/// `data/nl_safe_countries.md`). Built on first use; the same object every call.
[[nodiscard]] inline const safe_country_list& nl_safe_countries() {
  static const safe_country_list list = [] {
    namespace table = detail::nl_safe_countries_table;
    std::vector<designation> designations;
    std::vector<std::size_t> lines;
    for (const table::row& row : table::rows) {
      const std::array<std::string_view, 7> fields = {row.country,  row.from, row.from_known, row.to,
                                                      row.to_known, row.note, row.source};
      const auto where = [&](std::size_t i) {
        return csv::position{std::string(table::source_name), static_cast<std::size_t>(row.line), i + 1,
                             std::string(detail::designation_columns[i])};
      };
      const auto fail = [&](std::size_t i, const std::string& expected) {
        throw csv::value_error(where(i), std::string(fields[i]), expected);
      };
      designations.push_back(detail::designation_from_row(fields, where, fail));
      lines.push_back(static_cast<std::size_t>(row.line));
    }
    return detail::list_from_rows(std::move(designations), lines, std::string(table::source_name));
  }();
  return list;
}

}  // namespace kerncijfers

/// Hash of a designation, consistent with `==`.
template <>
struct std::hash<kerncijfers::designation> {
  [[nodiscard]] std::size_t operator()(const kerncijfers::designation& d) const noexcept {
    std::size_t h = std::hash<kerncijfers::nationality>{}(d.country);
    const auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    mix(std::hash<std::optional<kerncijfers::imprecise_date>>{}(d.from));
    mix(d.from_known ? 1 : 0);
    mix(std::hash<std::optional<kerncijfers::imprecise_date>>{}(d.to));
    mix(d.to_known ? 1 : 0);
    mix(std::hash<std::string>{}(d.note));
    mix(std::hash<std::string>{}(d.source));
    return h;
  }
};
