#pragma once
/// \file nationality.hpp
/// Nationalities: a value type for an ISO 3166-1 alpha-3 code, plus the codes statistics
/// use that ISO 3166-1 lacks.
///
/// The table (`nationality::all()`) holds all 249 current ISO 3166-1 entries, the
/// statistical codes unknown (XXX), stateless (XXA) and Kosovo (XKX), and the former
/// states Czechoslovakia (CSK), Serbia and Montenegro (SCG), Soviet Union (SUN) and
/// Yugoslavia (YUG) from ISO 3166-3. Names are the short Dutch and English names that
/// IND, CBS and Eurostat write (Syrië/Syria, Turkije/Turkey); see `data/nationalities.md`
/// for where each name comes from. The table is generated from `data/nationalities.csv`.
///
/// `nationality::lookup` forgives case, diacritics, spacing and punctuation: "SYR", "SY",
/// "760", "syrie", "Syrië", " syria " and "Syrian Arab Republic" all give Syria. It also
/// takes Eurostat's codes (EL, UK, XK, STLS, UNK). The rule: both the text and every
/// known code and name are reduced to a key of lower-case ASCII letters and digits
/// (letters with diacritics become their base letters, everything else separates words),
/// and the words "and", "en", "the", "de" and "het" are dropped from a text of more than
/// one word. No key names two nationalities; the alpha-2 code CS and the numeric code 891,
/// each held by two former states, are therefore not keys.
///
/// Codes (alpha-3, alpha-2, numeric) are found in O(1) through direct tables and names
/// by binary search, without allocating.

#include <algorithm>
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kerncijfers/detail/nationality_table.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/language.hpp"

namespace kerncijfers {

/// What kind of code a nationality is.
enum class nationality_kind : std::uint8_t {
  iso,          ///< a current ISO 3166-1 code
  statistical,  ///< a code statistics use that ISO 3166-1 lacks: unknown, stateless, Kosovo
  former,       ///< a withdrawn code of a former state (ISO 3166-3)
};

/// "iso", "statistical" or "former".
[[nodiscard]] constexpr std::string_view to_string(nationality_kind kind) noexcept {
  switch (kind) {
    case nationality_kind::iso: return "iso";
    case nationality_kind::statistical: return "statistical";
    case nationality_kind::former: return "former";
  }
  return "iso";
}

namespace detail {

inline constexpr std::uint16_t no_nationality_row = 0xFFFF;

// Base letters (lower case) of U+00C0..U+017F; "" for the signs x and / (U+00D7, U+00F7),
// which separate words. Must agree with fold_latin() in tools/generate_nationality_table.py.
inline constexpr std::array<std::string_view, 192> latin_fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",   // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",   // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",   // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",   // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",   // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",   // U+0170
};

[[nodiscard]] constexpr bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

[[nodiscard]] constexpr bool all_of(std::string_view text, bool (*pred)(char) noexcept) noexcept {
  for (char c : text) {
    if (!pred(c)) return false;
  }
  return true;
}

// Longest key a text can normalise to and still match; longer texts match nothing.
inline constexpr std::size_t nationality_key_capacity = 128;
static_assert(std::all_of(nationality_keys.begin(), nationality_keys.end(),
                          [](const nationality_key& k) { return k.key.size() < nationality_key_capacity; }));
static_assert(std::is_sorted(nationality_keys.begin(), nationality_keys.end(),
                             [](const nationality_key& a, const nationality_key& b) { return a.key < b.key; }),
              "nationality_table.hpp: keys must be sorted");

// Calls sink(word) for every word of `text` after folding: a word is a run of ASCII
// letters and digits (lower-cased), folded Latin letters and letters of other scripts
// (kept as they are, so they match nothing); combining marks are dropped; anything else
// (ASCII punctuation, Latin-1 signs, general punctuation) separates words. Returns false
// when a word did not fit.
template <class Sink>
constexpr bool for_each_key_word(std::string_view text, Sink&& sink) {
  std::array<char, nationality_key_capacity> word{};
  std::size_t size = 0;
  bool fits = true;
  const auto flush = [&] {
    if (size > 0) sink(std::string_view(word.data(), size));
    size = 0;
  };
  const auto append = [&](std::string_view part) {
    for (char c : part) {
      if (size < word.size()) word[size++] = c;
      else fits = false;
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (is_ascii_letter(text[i]) || is_ascii_digit(text[i])) {
        const char lower = ascii_lower(text[i]);
        append(std::string_view(&lower, 1));
      } else {
        flush();
      }
      ++i;
      continue;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    bool valid = length > 1 && i + length <= text.size();
    char32_t cp = valid ? static_cast<char32_t>(lead & (0x7F >> length)) : 0;
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (!valid) {  // not UTF-8: keep the byte, it matches nothing
      append(text.substr(i, 1));
      ++i;
      continue;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
      const std::string_view folded = latin_fold[cp - 0xC0];
      if (folded.empty()) flush();
      else append(folded);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // combining marks (decomposed diacritics: "Syrie" + U+0308) are dropped
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F)) {
      flush();  // Latin-1 signs and spaces, general punctuation (dashes, quotes, spaces)
    } else {
      append(text.substr(i, length));
    }
    i += length;
  }
  flush();
  return fits;
}

[[nodiscard]] constexpr bool is_key_stopword(std::string_view word) noexcept {
  return word == "and" || word == "en" || word == "the" || word == "de" || word == "het";
}

/// A normalised lookup key in a fixed buffer (lookup never allocates).
struct nationality_key_buffer {
  std::array<char, nationality_key_capacity> chars{};
  std::size_t size = 0;
  bool fits = true;
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
};

/// The lookup key of a code or name (see the file comment). Must agree with normalise()
/// in tools/generate_nationality_table.py.
[[nodiscard]] constexpr nationality_key_buffer normalise_nationality_key(std::string_view text) {
  std::size_t words = 0;
  for_each_key_word(text, [&](std::string_view) { ++words; });
  nationality_key_buffer out;
  out.fits = for_each_key_word(text, [&](std::string_view word) {
    if (words > 1 && is_key_stopword(word)) return;
    for (char c : word) {
      if (out.size < out.chars.size()) out.chars[out.size++] = c;
      else out.fits = false;
    }
  });
  return out;
}

[[nodiscard]] constexpr std::size_t letters_slot(std::string_view letters) noexcept {
  std::size_t slot = 0;
  for (char c : letters) slot = slot * 26 + static_cast<std::size_t>(ascii_lower(c) - 'a');
  return slot;
}

// Direct tables: row of every two- and three-letter key and of every numeric code.
template <std::size_t Letters>
[[nodiscard]] constexpr auto make_letters_index() {
  std::array<std::uint16_t, Letters == 2 ? 26 * 26 : 26 * 26 * 26> index{};
  index.fill(no_nationality_row);
  for (const auto& k : nationality_keys) {
    if (k.key.size() == Letters && all_of(k.key, is_ascii_letter)) index[letters_slot(k.key)] = k.row;
  }
  return index;
}

inline constexpr auto alpha2_index = make_letters_index<2>();
inline constexpr auto alpha3_index = make_letters_index<3>();

inline constexpr auto numeric_index = [] {
  std::array<std::uint16_t, 1000> index{};
  index.fill(no_nationality_row);
  for (const auto& k : nationality_keys) {
    if (all_of(k.key, is_ascii_digit)) {
      std::size_t value = 0;
      for (char c : k.key) value = value * 10 + static_cast<std::size_t>(c - '0');
      index[value] = k.row;
    }
  }
  return index;
}();

// Row of a key that is known to be all letters (2 or 3) or all digits; no_nationality_row otherwise.
[[nodiscard]] constexpr std::uint16_t find_code_row(std::string_view key) noexcept {
  if (key.empty()) return no_nationality_row;
  if (all_of(key, is_ascii_digit)) {
    if (key.size() > 6) return no_nationality_row;
    std::size_t value = 0;
    for (char c : key) value = value * 10 + static_cast<std::size_t>(c - '0');
    return value < numeric_index.size() ? numeric_index[value] : no_nationality_row;
  }
  if (all_of(key, is_ascii_letter)) {
    if (key.size() == 2) return alpha2_index[letters_slot(key)];
    if (key.size() == 3) return alpha3_index[letters_slot(key)];
  }
  return no_nationality_row;
}

[[nodiscard]] constexpr std::uint16_t find_row(std::string_view text) noexcept {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  // Fast path for the codes in large files: no normalisation needed.
  if ((text.size() == 2 || text.size() == 3) && all_of(text, is_ascii_letter)) return find_code_row(text);
  if (!text.empty() && all_of(text, is_ascii_digit)) return find_code_row(text);

  const nationality_key_buffer buffer = normalise_nationality_key(text);
  const std::string_view key = buffer.view();
  if (!buffer.fits || key.empty()) return no_nationality_row;
  if (all_of(key, is_ascii_digit) || ((key.size() == 2 || key.size() == 3) && all_of(key, is_ascii_letter))) {
    return find_code_row(key);
  }
  const auto it = std::lower_bound(nationality_keys.begin(), nationality_keys.end(), key,
                                   [](const nationality_key& k, std::string_view v) { return k.key < v; });
  return it != nationality_keys.end() && it->key == key ? it->row : no_nationality_row;
}

inline std::vector<std::string> nationality_suggestions(std::string_view text);
inline std::vector<std::string> alpha3_suggestions(std::string_view code);
[[noreturn]] inline void throw_unknown_nationality(std::string_view text);

}  // namespace detail

struct nationality_entry;

/// A nationality: an ISO 3166-1 alpha-3 code, or one of the statistical or former codes
/// in the table. Always holds a code from the table. Regular, trivially copyable, ordered
/// by code and hashable.
class nationality {
 public:
  /// Unknown nationality ("XXX"): the row that official tables call Onbekend.
  constexpr nationality() noexcept = default;

  /// The nationality with alpha-3 code `code`, exactly as in the table (upper case: "SYR",
  /// "XXA"). Usable at compile time; throws `unknown_code` naming the code otherwise.
  /// For forgiving lookup by any code or name use `lookup`.
  [[nodiscard]] static constexpr nationality from_alpha3(std::string_view code) {
    if (code.size() == 3 && all_upper(code)) {
      const std::uint16_t row = detail::alpha3_index[detail::letters_slot(code)];
      if (row != detail::no_nationality_row && detail::nationality_rows[row].alpha3 == code) {
        return nationality(code);
      }
    }
    throw unknown_code(std::string(code), "alpha-3 nationality code", detail::alpha3_suggestions(code));
  }

  /// The nationality named by any code (alpha-3, alpha-2, numeric, Eurostat) or any Dutch
  /// or English name or alias, forgiving case, diacritics, spacing and punctuation.
  /// Throws `unknown_code` naming the text, with the closest names in `suggestions()`.
  [[nodiscard]] static constexpr nationality lookup(std::string_view text) {
    const std::uint16_t row = detail::find_row(text);
    if (row == detail::no_nationality_row) detail::throw_unknown_nationality(text);
    return nationality(detail::nationality_rows[row].alpha3);
  }

  /// As `lookup`, but an empty optional where `lookup` would throw.
  [[nodiscard]] static constexpr std::optional<nationality> find(std::string_view text) noexcept {
    const std::uint16_t row = detail::find_row(text);
    if (row == detail::no_nationality_row) return std::nullopt;
    return nationality(detail::nationality_rows[row].alpha3);
  }

  /// Unknown nationality, XXX (Onbekend / Unknown; Eurostat: UNK).
  [[nodiscard]] static constexpr nationality unknown() noexcept { return nationality(); }
  /// Stateless, XXA (Staatloos / Stateless; Eurostat: STLS).
  [[nodiscard]] static constexpr nationality stateless() noexcept { return nationality("XXA"); }
  /// Kosovo, XKX (not in ISO 3166-1; alpha-2 XK as Eurostat writes it).
  [[nodiscard]] static constexpr nationality kosovo() noexcept { return nationality("XKX"); }

  /// Every nationality in the table, sorted by alpha-3 code.
  [[nodiscard]] static constexpr std::span<const nationality_entry> all() noexcept;

  /// The alpha-3 code, e.g. "SYR" (a view of static storage).
  [[nodiscard]] constexpr std::string_view alpha3() const noexcept { return row().alpha3; }
  /// The alpha-2 code, e.g. "SY"; "" where there is none (unknown, stateless). Former
  /// states give their ISO 3166-3 code, which may be shared (CS).
  [[nodiscard]] constexpr std::string_view alpha2() const noexcept { return row().alpha2; }
  /// The ISO numeric code, e.g. 760; 0 where there is none.
  [[nodiscard]] constexpr std::uint16_t numeric() const noexcept { return row().numeric; }
  /// The display name: "Syrië" / "Syria".
  [[nodiscard]] constexpr std::string_view name(language lang) const noexcept {
    return lang == language::nl ? row().name_nl : row().name_en;
  }
  /// Current ISO 3166-1, statistical (unknown, stateless, Kosovo) or former state.
  [[nodiscard]] constexpr nationality_kind kind() const noexcept { return static_cast<nationality_kind>(row().kind); }
  /// True for a current ISO 3166-1 code.
  [[nodiscard]] constexpr bool is_iso() const noexcept { return kind() == nationality_kind::iso; }
  /// The table entry: codes, names, aliases.
  [[nodiscard]] constexpr const nationality_entry& entry() const noexcept;

  [[nodiscard]] friend constexpr bool operator==(nationality, nationality) noexcept = default;
  [[nodiscard]] friend constexpr std::strong_ordering operator<=>(nationality, nationality) noexcept = default;

  /// Writes the alpha-3 code.
  friend std::ostream& operator<<(std::ostream& out, nationality n) { return out << n.alpha3(); }

 private:
  // Only codes from the table get here.
  constexpr explicit nationality(std::string_view alpha3) noexcept : code_{alpha3[0], alpha3[1], alpha3[2]} {}

  [[nodiscard]] static constexpr bool all_upper(std::string_view code) noexcept {
    for (char c : code) {
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }
  [[nodiscard]] constexpr const detail::nationality_row& row() const noexcept {
    return detail::nationality_rows[detail::alpha3_index[detail::letters_slot({code_.data(), code_.size()})]];
  }

  std::array<char, 3> code_{'X', 'X', 'X'};
};

/// One row of the nationality table, as `nationality::all()` lists it.
struct nationality_entry {
  nationality code;         ///< the nationality this row describes
  std::string_view alpha2;  ///< "" where none
  std::uint16_t numeric;    ///< 0 where none
  nationality_kind kind;
  std::string_view name_en;  ///< English display name
  std::string_view name_nl;  ///< Dutch display name
  std::span<const std::string_view> aliases_en;   ///< other accepted English names
  std::span<const std::string_view> aliases_nl;   ///< other accepted Dutch names
  std::span<const std::string_view> other_codes;  ///< other accepted codes (Eurostat: EL, UK, STLS, UNK)

  /// The alpha-3 code.
  [[nodiscard]] constexpr std::string_view alpha3() const noexcept { return code.alpha3(); }
  /// The display name in `lang`.
  [[nodiscard]] constexpr std::string_view name(language lang) const noexcept {
    return lang == language::nl ? name_nl : name_en;
  }
  /// The other accepted names in `lang`.
  [[nodiscard]] constexpr std::span<const std::string_view> aliases(language lang) const noexcept {
    return lang == language::nl ? aliases_nl : aliases_en;
  }
};

namespace detail {

inline constexpr auto nationality_entries = [] {
  std::array<nationality_entry, nationality_rows.size()> out{};
  const std::span<const std::string_view> strings(nationality_strings);
  for (std::size_t i = 0; i < nationality_rows.size(); ++i) {
    const nationality_row& r = nationality_rows[i];
    out[i] = nationality_entry{nationality::from_alpha3(r.alpha3),
                               r.alpha2,
                               r.numeric,
                               static_cast<nationality_kind>(r.kind),
                               r.name_en,
                               r.name_nl,
                               strings.subspan(r.aliases_en_first, r.aliases_en_count),
                               strings.subspan(r.aliases_nl_first, r.aliases_nl_count),
                               strings.subspan(r.other_codes_first, r.other_codes_count)};
  }
  return out;
}();

// Optimal string alignment distance (edits: insert, delete, substitute, swap neighbours).
[[nodiscard]] inline std::size_t osa_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    before.swap(previous);
    previous.swap(current);
  }
  return previous[b.size()];
}

// The closest names to `text`, best first: names within a few edits of it (1 for up to 4
// letters, 2 for up to 8, else 3), then names that contain it (4 letters or more). Codes
// are never suggested; each nationality appears once, in the language of the name that
// came closest.
inline std::vector<std::string> nationality_suggestions(std::string_view text) {
  const nationality_key_buffer buffer = normalise_nationality_key(text);
  const std::string_view key = buffer.view();
  if (!buffer.fits || key.empty()) return {};
  for (const auto& ambiguous : nationality_ambiguous_keys) {
    if (ambiguous.key == key) {
      return {std::string(nationality_rows[ambiguous.rows[0]].name_en),
              std::string(nationality_rows[ambiguous.rows[1]].name_en)};
    }
  }
  const std::size_t limit = key.size() <= 4 ? 1 : key.size() <= 8 ? 2 : 3;
  struct candidate {
    std::size_t score;
    std::uint16_t row;
    std::uint8_t origin;
  };
  std::vector<candidate> best(nationality_rows.size(), candidate{limit + 2, 0, 0});
  for (const auto& k : nationality_keys) {
    if (k.origin == 0) continue;
    std::size_t score = limit + 2;
    const std::size_t gap = k.key.size() > key.size() ? k.key.size() - key.size() : key.size() - k.key.size();
    if (gap <= limit) {
      const std::size_t d = osa_distance(key, k.key);
      if (d <= limit) score = d;
    }
    if (score > limit && key.size() >= 4 && k.key.find(key) != std::string_view::npos) score = limit + 1;
    if (score < best[k.row].score) best[k.row] = candidate{score, k.row, k.origin};
  }
  std::vector<candidate> found;
  for (const auto& c : best) {
    if (c.score <= limit + 1) found.push_back(c);
  }
  const auto display = [](const candidate& c) {
    return c.origin == 2 ? nationality_rows[c.row].name_nl : nationality_rows[c.row].name_en;
  };
  std::sort(found.begin(), found.end(), [&](const candidate& a, const candidate& b) {
    return a.score != b.score ? a.score < b.score : display(a) < display(b);
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < found.size() && i < 5; ++i) out.emplace_back(display(found[i]));
  return out;
}

// For a wrong alpha-3 code: the code that `lookup` would find, if any ("syr" -> "SYR").
inline std::vector<std::string> alpha3_suggestions(std::string_view code) {
  const std::uint16_t row = find_row(code);
  if (row == no_nationality_row) return {};
  return {std::string(nationality_rows[row].alpha3)};
}

[[noreturn]] inline void throw_unknown_nationality(std::string_view text) {
  throw unknown_code(std::string(text), "nationality", nationality_suggestions(text));
}

}  // namespace detail

constexpr std::span<const nationality_entry> nationality::all() noexcept { return detail::nationality_entries; }

constexpr const nationality_entry& nationality::entry() const noexcept {
  return detail::nationality_entries[detail::alpha3_index[detail::letters_slot({code_.data(), code_.size()})]];
}

}  // namespace kerncijfers

template <>
struct std::hash<kerncijfers::nationality> {
  [[nodiscard]] std::size_t operator()(kerncijfers::nationality n) const noexcept {
    const std::string_view code = n.alpha3();
    const auto packed = (static_cast<std::uint32_t>(static_cast<unsigned char>(code[0])) << 16) |
                        (static_cast<std::uint32_t>(static_cast<unsigned char>(code[1])) << 8) |
                        static_cast<std::uint32_t>(static_cast<unsigned char>(code[2]));
    return std::hash<std::uint32_t>{}(packed);
  }
};
