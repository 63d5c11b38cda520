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
/// **Lookup.** `nationality::lookup` and `nationality::find` take any code or any Dutch or
/// English name or alias of the table, and forgive case, diacritics and spacing of those
/// codes and names, nothing more: "SYR", "syr", " Syr ", "SY", "760", "Syrië", "syrie",
/// "SYRIË" and "Syrian Arab Republic" all give Syria. The rule, applied after trimming
/// spaces from both ends of the text:
///
///   - *Spaces* are the ASCII white space (space, tab, line feed, vertical tab, form feed,
///     carriage return) and the Unicode spaces U+00A0 (no-break space), U+1680,
///     U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
///   - *Codes* match only when the trimmed text is the code itself: ASCII letters in any
///     case, as many as the code has (alpha-2 "SY", alpha-3 "SYR", Eurostat's "EL", "UK",
///     "XK", "UNK", "STLS"), or one to three ASCII digits for an ISO numeric code, with or
///     without ISO's leading zeros ("760", "4", "004"). Nothing that folding or punctuation
///     produces becomes a code: not "S Y R", "SYR.", "n.a." or "#N/A" (which would spell
///     NA), not "4.0" or "0004", not "Æ" (AE).
///   - *Names* match when the text spells a name of the table up to: case; diacritics (a
///     precomposed letter of U+00C0-U+017F such as ë, ç, ø, ß for its base letters, and
///     combining marks U+0300-U+036F dropped, so "Syrie" + U+0308 is "Syrië"); and what
///     separates the words: runs of spaces or the punctuation real names carry, ASCII
///     `- , ' ( ) . &` and the typographic apostrophes and dashes U+2018, U+2019,
///     U+2010-U+2015. Words are compared without their separators ("Bahama's" finds
///     "Bahamas", "Guinee Bissau" finds "Guinee-Bissau"), and the words "and", "en", "the",
///     "de" and "het" are dropped from a text of more than one word ("Bosnia & Herzegovina"
///     finds "Bosnia and Herzegovina"; a text of one word keeps them: "DE" is Germany,
///     "AND" Andorra). Any other character means no match: a digit, `#`, `/`, `?`, `:`,
///     quotes and other symbols, control characters (NUL anywhere), letters of other
///     scripts, bytes that are not UTF-8. A name never matches a code: "S-Y-R" is nothing.
///   - A single letter matches nothing.
///
/// "NA" is Namibia, as in ISO 3166-1 and at Eurostat: the NA of R and pandas is not a
/// missing value here. The file readers (counts, safe countries) report a field holding a
/// missing-value marker ("#N/A", "N/A", "n.a.", "n.v.t.", "-", "..", ":", "?", empty) as a
/// missing value with its file, line and column.
///
/// Internally every code and name of the table has a key of lower-case ASCII letters and
/// digits (its words, folded as above, joined; `detail::nationality_keys`, written by
/// `tools/generate_nationality_table.py`), marked as a code key or a name key. No key
/// names two nationalities; the alpha-2 code CS and the numeric code 891, each held by two
/// former states, are therefore not keys, and looking them up names both states.
///
/// Codes are found in O(1) through direct tables and names by binary search, without
/// allocating.

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
#include "kerncijfers/text.hpp"

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
// which no name carries. Must agree with fold_latin() in tools/generate_nationality_table.py.
inline constexpr std::array<std::string_view, 192> latin_fold = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00C0
    "d", "n", "o",  "o",  "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a",  "a",  "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // U+00E0
    "d", "n", "o",  "o",  "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    "a", "a", "a",  "a",  "a", "a", "c",  "c", "c", "c", "c", "c", "c", "c", "d",  "d",   // U+0100
    "d", "d", "e",  "e",  "e", "e", "e",  "e", "e", "e", "e", "e", "g", "g", "g",  "g",   // U+0110
    "g", "g", "g",  "g",  "h", "h", "h",  "h", "i", "i", "i", "i", "i", "i", "i",  "i",   // U+0120
    "i", "i", "ij", "ij", "j", "j", "k",  "k", "k", "l", "l", "l", "l", "l", "l",  "l",   // U+0130
    "l", "l", "l",  "n",  "n", "n", "n",  "n", "n", "n", "n", "n", "o", "o", "o",  "o",   // U+0140
    "o", "o", "oe", "oe", "r", "r", "r",  "r", "r", "r", "s", "s", "s", "s", "s",  "s",   // U+0150
    "s", "s", "t",  "t",  "t", "t", "t",  "t", "u", "u", "u", "u", "u", "u", "u",  "u",   // U+0160
    "u", "u", "u",  "u",  "w", "w", "y",  "y", "y", "z", "z", "z", "z", "z", "z",  "s",   // U+0170
};

// Lower-case ASCII letters and digits as views of static storage.
inline constexpr std::string_view ascii_key_chars = "abcdefghijklmnopqrstuvwxyz0123456789";

[[nodiscard]] constexpr bool all_of(std::string_view text, bool (*pred)(char) noexcept) noexcept {
  for (char c : text) {
    if (!pred(c)) return false;
  }
  return true;
}

// One character of UTF-8 text: its code point and length in bytes; `valid` is false for a
// byte that does not start a well-formed, shortest-form sequence (length 1 then).
struct utf8_char {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = false;
};

[[nodiscard]] constexpr utf8_char decode_utf8(std::string_view text, std::size_t i) noexcept {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return {lead, 1, true};
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || i + length > text.size()) return {};
  char32_t cp = static_cast<char32_t>(lead & (0x7F >> length));
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (next & 0x3F);
  }
  constexpr std::array<char32_t, 5> shortest = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < shortest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, length, true};
}

// The Unicode spaces lookup trims and treats as separators, besides ASCII white space.
[[nodiscard]] constexpr bool is_unicode_space(char32_t cp) noexcept {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// `text` without the spaces (ASCII white space and Unicode spaces) at either end.
[[nodiscard]] constexpr std::string_view trim_nationality_text(std::string_view text) noexcept {
  for (;;) {
    if (!text.empty() && is_ascii_space(text.front())) {
      text.remove_prefix(1);
      continue;
    }
    if (!text.empty() && static_cast<unsigned char>(text.front()) >= 0x80) {
      const utf8_char c = decode_utf8(text, 0);
      if (c.valid && is_unicode_space(c.cp)) {
        text.remove_prefix(c.length);
        continue;
      }
    }
    break;
  }
  for (;;) {
    if (!text.empty() && is_ascii_space(text.back())) {
      text.remove_suffix(1);
      continue;
    }
    // Every Unicode space is two or three bytes long.
    bool trimmed = false;
    for (std::size_t length = 2; length <= 3 && !trimmed && text.size() >= length; ++length) {
      const utf8_char c = decode_utf8(text, text.size() - length);
      if (c.valid && c.length == length && is_unicode_space(c.cp)) {
        text.remove_suffix(length);
        trimmed = true;
      }
    }
    if (!trimmed) break;
  }
  return text;
}

// What one character of a text is to the name folding (see the file comment).
enum class name_char_kind : std::uint8_t {
  letter,     // an ASCII letter or a Latin letter of U+00C0..U+017F: `letters` holds its key letters
  digit,      // an ASCII digit: `letters` holds it; no name has one
  separator,  // a space, or punctuation that names carry between words
  mark,       // a combining mark (a decomposed diacritic): dropped
  other,      // anything else: no name has it
};

struct name_char {
  name_char_kind kind = name_char_kind::other;
  std::string_view letters;
  std::size_t length = 1;
};

[[nodiscard]] constexpr name_char classify_name_char(std::string_view text, std::size_t i) noexcept {
  const char c = text[i];
  if (is_ascii_letter(c)) {
    return {name_char_kind::letter, ascii_key_chars.substr(static_cast<std::size_t>(ascii_lower(c) - 'a'), 1), 1};
  }
  if (is_ascii_digit(c)) {
    return {name_char_kind::digit, ascii_key_chars.substr(26 + static_cast<std::size_t>(c - '0'), 1), 1};
  }
  if (is_ascii_space(c)) return {name_char_kind::separator, {}, 1};
  switch (c) {
    case '-':
    case ',':
    case '\'':
    case '(':
    case ')':
    case '.':
    case '&': return {name_char_kind::separator, {}, 1};
    default: break;
  }
  if (static_cast<unsigned char>(c) < 0x80) return {name_char_kind::other, {}, 1};
  const utf8_char u = decode_utf8(text, i);
  if (!u.valid) return {name_char_kind::other, {}, 1};
  if (u.cp >= 0xC0 && u.cp <= 0x17F && !latin_fold[u.cp - 0xC0].empty()) {
    return {name_char_kind::letter, latin_fold[u.cp - 0xC0], u.length};
  }
  if (u.cp >= 0x300 && u.cp <= 0x36F) return {name_char_kind::mark, {}, u.length};
  if (is_unicode_space(u.cp) || (u.cp >= 0x2010 && u.cp <= 0x2015) || u.cp == 0x2018 || u.cp == 0x2019) {
    return {name_char_kind::separator, {}, u.length};
  }
  return {name_char_kind::other, {}, u.length};
}

// Longest key a text can normalise to and still match; longer texts match nothing.
inline constexpr std::size_t nationality_key_capacity = 128;
static_assert(std::all_of(nationality_keys.begin(), nationality_keys.end(),
                          [](const nationality_key& k) { return k.key.size() < nationality_key_capacity; }));
static_assert(std::is_sorted(nationality_keys.begin(), nationality_keys.end(),
                             [](const nationality_key& a, const nationality_key& b) { return a.key < b.key; }),
              "nationality_table.hpp: keys must be sorted");

/// How `normalise_nationality_key` treats characters no name has.
enum class key_folding : std::uint8_t {
  strict,   ///< the lookup rule: a digit or any other character makes the text no name
  lenient,  ///< for suggestions only: digits are kept, other characters separate words
};

/// Why a text has no key.
enum class key_status : std::uint8_t { ok, not_a_name, too_long };

// Calls sink(word) for every word of `text` folded as the file comment says.
template <class Sink>
constexpr key_status for_each_key_word(std::string_view text, key_folding folding, Sink&& sink) {
  std::array<char, nationality_key_capacity> word{};
  std::size_t size = 0;
  const auto flush = [&] {
    if (size > 0) sink(std::string_view(word.data(), size));
    size = 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    const name_char c = classify_name_char(text, i);
    i += c.length;
    switch (c.kind) {
      case name_char_kind::digit:
        if (folding == key_folding::strict) return key_status::not_a_name;
        [[fallthrough]];
      case name_char_kind::letter:
        for (const char letter : c.letters) {
          if (size == word.size()) return key_status::too_long;
          word[size++] = letter;
        }
        break;
      case name_char_kind::mark: break;
      case name_char_kind::other:
        if (folding == key_folding::strict) return key_status::not_a_name;
        flush();
        break;
      case name_char_kind::separator: flush(); break;
    }
  }
  flush();
  return key_status::ok;
}

[[nodiscard]] constexpr bool is_key_stopword(std::string_view word) noexcept {
  return word == "and" || word == "en" || word == "the" || word == "de" || word == "het";
}

/// A normalised lookup key in a fixed buffer (lookup never allocates).
struct nationality_key_buffer {
  std::array<char, nationality_key_capacity> chars{};
  std::size_t size = 0;
  key_status status = key_status::ok;
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
  /// True when the text has a key (it may still match nothing).
  [[nodiscard]] constexpr bool ok() const noexcept { return status == key_status::ok; }
};

/// The lookup key of a name (see the file comment): its words folded and joined, the
/// stopwords dropped from a text of more than one word. Must agree with normalise() in
/// tools/generate_nationality_table.py.
[[nodiscard]] constexpr nationality_key_buffer normalise_nationality_key(std::string_view text,
                                                                         key_folding folding = key_folding::strict) {
  std::size_t words = 0;
  nationality_key_buffer out;
  out.status = for_each_key_word(text, folding, [&](std::string_view) { ++words; });
  if (!out.ok()) return out;
  out.status = for_each_key_word(text, folding, [&](std::string_view word) {
    if (words > 1 && is_key_stopword(word)) return;
    for (char c : word) {
      if (out.size < out.chars.size())
        out.chars[out.size++] = c;
      else
        out.status = key_status::too_long;
    }
  });
  if (!out.ok()) out.size = 0;
  return out;
}

[[nodiscard]] constexpr std::size_t letters_slot(std::string_view letters) noexcept {
  std::size_t slot = 0;
  for (char c : letters) slot = slot * 26 + static_cast<std::size_t>(ascii_lower(c) - 'a');
  return slot;
}

// Direct tables: row of every two- and three-letter code and of every numeric code (code
// keys only: a name key never makes a code).
template <std::size_t Letters>
[[nodiscard]] constexpr auto make_letters_index() {
  std::array<std::uint16_t, Letters == 2 ? 26 * 26 : 26 * 26 * 26> index{};
  index.fill(no_nationality_row);
  for (const auto& k : nationality_keys) {
    if (k.origin == 0 && k.key.size() == Letters && all_of(k.key, is_ascii_letter)) index[letters_slot(k.key)] = k.row;
  }
  return index;
}

inline constexpr auto alpha2_index = make_letters_index<2>();
inline constexpr auto alpha3_index = make_letters_index<3>();

[[nodiscard]] constexpr std::size_t digits_value(std::string_view digits) noexcept {
  std::size_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::size_t>(c - '0');
  return value;
}

inline constexpr auto numeric_index = [] {
  std::array<std::uint16_t, 1000> index{};
  index.fill(no_nationality_row);
  for (const auto& k : nationality_keys) {
    if (k.origin == 0 && !k.key.empty() && k.key.size() <= 3 && all_of(k.key, is_ascii_digit)) {
      index[digits_value(k.key)] = k.row;
    }
  }
  return index;
}();

// True when `text` (trimmed) has the form of a code: ASCII letters only, or 1 to 3 digits.
[[nodiscard]] constexpr bool has_code_form(std::string_view text) noexcept {
  if (text.empty()) return false;
  if (all_of(text, is_ascii_digit)) return text.size() <= 3;
  return all_of(text, is_ascii_letter);
}

[[nodiscard]] constexpr std::uint16_t find_row(std::string_view text) noexcept {
  text = trim_nationality_text(text);
  if (text.empty()) return no_nationality_row;
  if (all_of(text, is_ascii_digit)) {
    return text.size() <= 3 ? numeric_index[digits_value(text)] : no_nationality_row;
  }
  // Only a text of ASCII letters alone can be a code; it may also be a name ("Chad").
  const bool code_form = all_of(text, is_ascii_letter);
  if (code_form && text.size() == 2) {
    if (const std::uint16_t row = alpha2_index[letters_slot(text)]; row != no_nationality_row) return row;
  } else if (code_form && text.size() == 3) {
    if (const std::uint16_t row = alpha3_index[letters_slot(text)]; row != no_nationality_row) return row;
  }
  const nationality_key_buffer buffer = normalise_nationality_key(text);
  const std::string_view key = buffer.view();
  if (!buffer.ok() || key.size() < 2) return no_nationality_row;
  const auto it = std::lower_bound(nationality_keys.begin(), nationality_keys.end(), key,
                                   [](const nationality_key& k, std::string_view v) { return k.key < v; });
  if (it == nationality_keys.end() || it->key != key) return no_nationality_row;
  if (it->origin == 0 && !code_form) return no_nationality_row;  // folding made a code: "S Y R", "n.a."
  return it->row;
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
  /// or English name or alias, forgiving case, diacritics and spacing of those codes and
  /// names, nothing more (the rule is in the file comment: "n.a.", "4.0" or "Æ" are no codes).
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
  std::string_view name_en;                       ///< English display name
  std::string_view name_nl;                       ///< Dutch display name
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
// letters, 2 for up to 8, else 3), then names that contain it (4 letters or more). The
// text is folded leniently (other characters separate words, digits stay), so "Syria?"
// and "Syrië 2" suggest Syria. Suggestions are names, never codes. A text that folds to
// an alpha-3 or longer code ("SYR.", "S Y R") suggests that code's name first; one that
// folds to a two-letter or numeric code ("n.a.", "N/A", "Æ", "4.0") does not, as a
// missing-value marker must not be answered with Namibia. A code that two former states
// shared (CS, 891) suggests both. Each nationality appears once, in the language of the
// name that came closest.
inline std::vector<std::string> nationality_suggestions(std::string_view text) {
  const std::string_view trimmed = trim_nationality_text(text);
  if (has_code_form(trimmed)) {
    for (const auto& ambiguous : nationality_ambiguous_keys) {
      const bool same =
          all_of(trimmed, is_ascii_digit)
              ? all_of(ambiguous.key, is_ascii_digit) && digits_value(trimmed) == digits_value(ambiguous.key)
              : trimmed.size() == ambiguous.key.size() &&
                    std::equal(trimmed.begin(), trimmed.end(), ambiguous.key.begin(),
                               [](char a, char b) { return ascii_lower(a) == b; });
      if (same) {
        return {std::string(nationality_rows[ambiguous.rows[0]].name_en),
                std::string(nationality_rows[ambiguous.rows[1]].name_en)};
      }
    }
  }
  const nationality_key_buffer buffer = normalise_nationality_key(trimmed, key_folding::lenient);
  const std::string_view key = buffer.view();
  if (!buffer.ok() || key.size() < 2) return {};
  std::vector<std::string> out;
  std::uint16_t code_row = no_nationality_row;
  if (key.size() >= 3 && all_of(key, is_ascii_letter)) {
    const auto it = std::lower_bound(nationality_keys.begin(), nationality_keys.end(), key,
                                     [](const nationality_key& k, std::string_view v) { return k.key < v; });
    if (it != nationality_keys.end() && it->key == key && it->origin == 0) {
      code_row = it->row;
      out.emplace_back(nationality_rows[code_row].name_en);
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
  for (std::size_t i = 0; i < found.size() && out.size() < 5; ++i) {
    if (found[i].row != code_row) out.emplace_back(display(found[i]));
  }
  return out;
}

// For a wrong alpha-3 code: the code that `lookup` would find, if any ("syr" -> "SYR").
inline std::vector<std::string> alpha3_suggestions(std::string_view code) {
  const std::uint16_t row = find_row(code);
  if (row == no_nationality_row) return {};
  return {std::string(nationality_rows[row].alpha3)};
}

// What a file reader expected where `text` stood, for csv::reader::fail_value:
// `description` (an open parenthesis, "a nationality (a code or name in the nationality
// table") closed with the closest names, `; did you mean "Algerije"?)`, or with ")".
inline std::string nationality_expected(std::string description, std::string_view text) {
  const std::vector<std::string> suggestions = nationality_suggestions(text);
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    description += i == 0 ? "; did you mean " : i + 1 == suggestions.size() ? " or " : ", ";
    description += "\"" + suggestions[i] + "\"";
  }
  description += suggestions.empty() ? ")" : "?)";
  return description;
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
