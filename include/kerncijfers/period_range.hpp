#pragma once
/// \file period_range.hpp
/// Inclusive ranges of periods of one unit: `[first, last]`, never empty.

#include <cstddef>
#include <functional>
#include <iterator>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"
#include "kerncijfers/period.hpp"

namespace kerncijfers {

/// The periods `first` through `last`, both included. A range always holds at least one
/// period: a reversed range (`last < first`) throws `range_error`.
template <class P>
requires is_period_v<P>
class period_range {
 public:
  using value_type = P;
  using size_type = std::size_t;

  /// Random-access iterator over the periods of the range. It moves over the positions
  /// `P::min()` through one past `P::max()`: moving it beyond them, or reading the position
  /// past `P::max()`, throws `range_error` naming the position and the move.
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = P;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = P;

    constexpr iterator() noexcept = default;
    [[nodiscard]] constexpr P operator*() const {
      if (serial_ > P::max().serial()) {
        throw range_error("cannot read a period range iterator at its end, after " + P::max().iso());
      }
      return P::from_serial(serial_);
    }
    [[nodiscard]] constexpr P operator[](difference_type n) const { return *(*this + n); }
    constexpr iterator& operator++() { return *this += 1; }
    constexpr iterator& operator--() { return *this -= 1; }
    constexpr iterator operator++(int) {
      iterator old = *this;
      ++*this;
      return old;
    }
    constexpr iterator operator--(int) {
      iterator old = *this;
      --*this;
      return old;
    }
    constexpr iterator& operator+=(difference_type n) {
      // As in period::operator+=: the room on either side is small, so comparing `n` with
      // it cannot overflow.
      if (n > past_end() - serial_ || n < lowest() - serial_) throw_move_outside("+", n);
      serial_ = static_cast<typename P::serial_type>(serial_ + n);
      return *this;
    }
    constexpr iterator& operator-=(difference_type n) {
      if (n > serial_ - lowest() || n < serial_ - past_end()) throw_move_outside("-", n);
      serial_ = static_cast<typename P::serial_type>(serial_ - n);
      return *this;
    }
    [[nodiscard]] friend constexpr iterator operator+(iterator it, difference_type n) { return it += n; }
    [[nodiscard]] friend constexpr iterator operator+(difference_type n, iterator it) { return it += n; }
    [[nodiscard]] friend constexpr iterator operator-(iterator it, difference_type n) { return it -= n; }
    /// Never overflows: both positions lie between `P::min()` and one past `P::max()`.
    [[nodiscard]] friend constexpr difference_type operator-(iterator a, iterator b) noexcept {
      return static_cast<difference_type>(a.serial_) - b.serial_;
    }
    [[nodiscard]] friend constexpr bool operator==(iterator, iterator) noexcept = default;
    [[nodiscard]] friend constexpr auto operator<=>(iterator, iterator) noexcept = default;

   private:
    friend class period_range;
    constexpr explicit iterator(long long serial) noexcept : serial_(static_cast<typename P::serial_type>(serial)) {}

    static constexpr long long lowest() noexcept { return P::min().serial(); }
    static constexpr long long past_end() noexcept { return static_cast<long long>(P::max().serial()) + 1; }

    [[noreturn]] void throw_move_outside(const char* op, difference_type n) const {
      const std::string at = serial_ == past_end() ? "the end after " + P::max().iso() : P::from_serial(serial_).iso();
      throw range_error("a period range iterator at " + at + " " + op + " " +
                        detail::amount_of_periods<typename P::unit>(std::to_string(n)) + " leaves " + P::min().iso() +
                        " to the end after " + P::max().iso());
    }

    typename P::serial_type serial_ = P::min().serial();
  };

  /// The single period `p`.
  constexpr explicit period_range(P p) noexcept : first_(p), last_(p) {}

  /// `first` through `last`; throws `range_error` when `last < first`.
  constexpr period_range(P first, P last) : first_(first), last_(last) {
    if (last < first) {
      throw range_error("reversed period range: " + first.iso() + " is after " + last.iso());
    }
  }

  [[nodiscard]] constexpr P first() const noexcept { return first_; }
  [[nodiscard]] constexpr P last() const noexcept { return last_; }
  [[nodiscard]] constexpr size_type size() const noexcept { return static_cast<size_type>(last_ - first_) + 1; }

  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(first_.serial()); }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(static_cast<long long>(last_.serial()) + 1); }

  /// The `i`-th period (0-based); throws `range_error` naming `i` and the size past the end.
  [[nodiscard]] constexpr P at(size_type i) const {
    if (i >= size()) {
      throw range_error("index " + std::to_string(i) + " is outside " + iso() + " (" + std::to_string(size()) +
                        (size() == 1 ? " period)" : " periods)"));
    }
    return P::from_serial(static_cast<long long>(first_.serial()) + static_cast<long long>(i));
  }
  /// As `at`: checked too, since a period past the end would not even exist.
  [[nodiscard]] constexpr P operator[](size_type i) const { return at(i); }

  /// Position of `p` in the range; throws `range_error` when it is outside.
  [[nodiscard]] constexpr size_type index_of(P p) const {
    if (!contains(p)) throw range_error(p.iso() + " is outside " + iso());
    return static_cast<size_type>(p - first_);
  }

  [[nodiscard]] constexpr bool contains(P p) const noexcept { return first_ <= p && p <= last_; }
  [[nodiscard]] constexpr bool contains(const period_range& other) const noexcept {
    return first_ <= other.first_ && other.last_ <= last_;
  }
  [[nodiscard]] constexpr bool overlaps(const period_range& other) const noexcept {
    return first_ <= other.last_ && other.first_ <= last_;
  }

  /// The periods in both ranges, or nothing when they do not overlap. Never throws: ranges
  /// that overlap have a common part that is not reversed.
  [[nodiscard]] constexpr std::optional<period_range> intersection(const period_range& other) const noexcept {
    if (!overlaps(other)) return std::nullopt;
    return period_range(first_ < other.first_ ? other.first_ : first_, last_ < other.last_ ? last_ : other.last_);
  }

  [[nodiscard]] friend constexpr bool operator==(const period_range&, const period_range&) noexcept = default;
  /// Ordered by first period, then by last.
  [[nodiscard]] friend constexpr auto operator<=>(const period_range&, const period_range&) noexcept = default;

  /// "2020-06/2021-05" (ISO 8601 interval form); a single period prints as itself.
  [[nodiscard]] std::string iso() const { return first_ == last_ ? first_.iso() : first_.iso() + "/" + last_.iso(); }

  /// "juni 2020 t/m mei 2021" / "June 2020 to May 2021"; a single period is its own label.
  [[nodiscard]] std::string label(language lang) const {
    if (first_ == last_) return first_.label(lang);
    return first_.label(lang) + (lang == language::nl ? " t/m " : " to ") + last_.label(lang);
  }

  /// Parses the form `iso()` writes ("2020-06/2021-05" or a single "2021-05").
  [[nodiscard]] static period_range parse(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return period_range(P::parse(text));
    try {
      return period_range(P::parse(text.substr(0, slash)), P::parse(text.substr(slash + 1)));
    } catch (const parse_error&) {
      throw parse_error(std::string(text), "a period range (" + std::string(P::unit_description()) + "/...)");
    }
  }

  friend std::ostream& operator<<(std::ostream& out, const period_range& r) { return out << r.iso(); }

 private:
  P first_;
  P last_;
};

template <class P>
period_range(P) -> period_range<P>;
template <class P>
period_range(P, P) -> period_range<P>;

namespace detail {

/// Throws `range_error` for a trailing window of `n` periods ending at `last` that is
/// empty (`n` 0 or negative) or would start before `P::min()`. `n` is decimal text, so that
/// callers holding wider integers (Python's) give the same message.
template <class P>
[[noreturn]] void throw_bad_trailing(P last, std::string_view n, bool too_long) {
  if (!too_long) {
    throw range_error("a trailing window needs at least 1 period, got " + std::string(n) + " ending at " + last.iso());
  }
  const auto most = static_cast<std::size_t>(last - P::min()) + 1;
  throw range_error("a trailing window of " + amount_of_periods<typename P::unit>(n) + " ending at " + last.iso() +
                    " would start before the first supported " +
                    std::string(period_unit_traits<typename P::unit>::noun) + " " + P::min().iso() + " (at most " +
                    amount_of_periods<typename P::unit>(std::to_string(most)) + " can end there)");
}

}  // namespace detail

/// The `n` periods ending at `last` (inclusive): `trailing(month(2021, 5), 12)` is
/// June 2020 through May 2021. Throws `range_error` naming `n` and `last` when `n` is 0
/// or the window would start before `P::min()` (year 1).
template <class P>
requires is_period_v<P>
[[nodiscard]] constexpr period_range<P> trailing(P last, std::size_t n) {
  if (n == 0) detail::throw_bad_trailing(last, "0", false);
  // last - P::min() >= 0 is small: compare in size_t, where a huge n cannot wrap.
  if (n - 1 > static_cast<std::size_t>(last - P::min())) detail::throw_bad_trailing(last, std::to_string(n), true);
  return period_range<P>(last - static_cast<long long>(n - 1), last);
}

/// From the first period of `p`'s year through `p` (for ISO weeks: of the ISO year).
template <class P>
requires is_period_v<P>
[[nodiscard]] constexpr period_range<P> year_to_date(P p) noexcept {
  return period_range<P>(P::from_serial(period_unit_traits<typename P::unit>::serial(p.year(), 1)), p);
}

/// The periods of unit `To` that make up `p` (a coarser period): the months of a
/// quarter or year, the quarters of a year, the ISO weeks whose Thursday lies in `p`.
/// Never throws: `p` lies in years 1-9999 and holds at least one period of `To`.
template <class To, period_unit FromUnit>
requires is_period_v<To> &&(unit_rank_v<typename To::unit> <= unit_rank_v<FromUnit>)
    [[nodiscard]] constexpr period_range<To> subperiods(period<FromUnit> p) noexcept {
  // A period of `To` belongs to `p` when its deciding day does (the Thursday of a week):
  // the ones holding the first and the last day of `p` may belong to a neighbour.
  const auto first_day = p.first_day_number();
  const auto last_day = p.last_day_number();
  To first = To::containing_day_number(first_day);
  To last = To::containing_day_number(last_day);
  if (detail::deciding_day_number(first) < first_day) ++first;
  if (detail::deciding_day_number(last) > last_day) --last;
  return period_range<To>(first, last);
}

/// Converts a range to a coarser unit; throws `range_error` when the range does not
/// cover whole periods of the target unit (June 2020 through May 2021 has no whole year).
template <class To, class P>
requires is_period_v<To> && is_period_v<P> &&(unit_rank_v<typename To::unit> >= unit_rank_v<typename P::unit>)
    [[nodiscard]] constexpr period_range<To> coarsen(const period_range<P>& r) {
  const To first = period_cast<To>(r.first());
  const To last = period_cast<To>(r.last());
  if (subperiods<P>(first).first() != r.first() || subperiods<P>(last).last() != r.last()) {
    throw range_error(r.iso() + " does not cover whole periods of the requested unit");
  }
  return period_range<To>(first, last);
}

}  // namespace kerncijfers

template <class P>
struct std::hash<kerncijfers::period_range<P>> {
  [[nodiscard]] std::size_t operator()(const kerncijfers::period_range<P>& r) const noexcept {
    const auto a = static_cast<std::uint64_t>(static_cast<std::uint32_t>(r.first().serial()));
    const auto b = static_cast<std::uint64_t>(static_cast<std::uint32_t>(r.last().serial()));
    return std::hash<std::uint64_t>{}((a << 32) | b);
  }
};
