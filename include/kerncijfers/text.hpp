#pragma once
/// \file text.hpp
/// The text helpers every other header writes with, in one place: UTF-8 decoding, escaping
/// for messages (`escaped`, `quote`), for HTML, Markdown and JSON, ASCII character classes,
/// fixed-width digits and ISO dates, and the month names of both languages.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kerncijfers {

// ---------------------------------------------------------------------------------------
// UTF-8 and escaping

/// One character decoded from UTF-8 text, or the bytes that are not one.
struct utf8_char {
  /// The code point; 0 when `problem` is not empty.
  char32_t code_point = 0;
  /// Bytes taken: the character's (1 to 4), or the ill-formed bytes' (1 to 3).
  std::size_t length = 0;
  /// Empty for a well-formed character; otherwise why the bytes are not one, e.g.
  /// "an incomplete character" or "a surrogate (U+D800 to U+DFFF)".
  std::string_view problem;
};

/// Decodes the character starting at byte `at` of `text` (`at < text.size()`) as RFC 3629
/// defines UTF-8: no overlong forms, no surrogates, nothing beyond U+10FFFF. An ill-formed
/// sequence takes its lead byte and the continuation bytes that follow it within the
/// length the lead byte announces (at least 1 byte), so decoding always moves forward.
[[nodiscard]] constexpr utf8_char decode_utf8(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const auto is_continuation = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
  // Bytes at..at+need-1 that are continuation bytes, capped at `need`.
  const auto stretch = [&](std::size_t need) {
    std::size_t n = 1;
    while (n < need && at + n < text.size() && is_continuation(byte(at + n))) ++n;
    return n;
  };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1, {}};
  if (lead < 0xC0) return {0, 1, "a continuation byte without a lead byte"};
  if (lead < 0xC2) return {0, stretch(2), "an overlong encoding"};
  if (lead > 0xF4) return {0, 1, "a byte that never occurs in UTF-8"};
  std::size_t need = 2;
  char32_t code_point = lead & 0x1Fu;
  unsigned char low = 0x80;  // range of the second byte
  unsigned char high = 0xBF;
  std::string_view out_of_range;
  if (lead >= 0xF0) {
    need = 4;
    code_point = lead & 0x07u;
    if (lead == 0xF0) {
      low = 0x90;
      out_of_range = "an overlong encoding";
    } else if (lead == 0xF4) {
      high = 0x8F;
      out_of_range = "a code point beyond U+10FFFF";
    }
  } else if (lead >= 0xE0) {
    need = 3;
    code_point = lead & 0x0Fu;
    if (lead == 0xE0) {
      low = 0xA0;
      out_of_range = "an overlong encoding";
    } else if (lead == 0xED) {
      high = 0x9F;
      out_of_range = "a surrogate (U+D800 to U+DFFF)";
    }
  }
  for (std::size_t k = 1; k < need; ++k) {
    if (at + k >= text.size() || !is_continuation(byte(at + k))) return {0, k, "an incomplete character"};
    if (k == 1 && (byte(at + 1) < low || byte(at + 1) > high)) return {0, stretch(need), out_of_range};
    code_point = (code_point << 6) | (byte(at + k) & 0x3Fu);
  }
  return {code_point, need, {}};
}

/// Where text stops being well-formed UTF-8.
struct utf8_fault {
  /// Byte offset of the first ill-formed byte.
  std::size_t offset = 0;
  /// The ill-formed bytes as `decode_utf8` takes them (1 to 3 bytes).
  std::size_t length = 0;
  /// Why they are ill-formed (see `utf8_char::problem`).
  std::string_view problem;
};

/// The first ill-formed sequence in `text`, or nothing when all of it is UTF-8 (RFC 3629).
[[nodiscard]] constexpr std::optional<utf8_fault> find_invalid_utf8(std::string_view text) noexcept {
  std::size_t at = 0;
  while (at < text.size()) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const utf8_char c = decode_utf8(text, at);
    if (!c.problem.empty()) return utf8_fault{at, c.length, c.problem};
    at += c.length;
  }
  return std::nullopt;
}

namespace detail {

// Characters a reader could not see or that would change what follows them: C0 and C1
// controls, DEL, no-break and zero-width spaces, soft hyphen, line and paragraph separators,
// direction marks and overrides, word joiners, the byte order mark.
[[nodiscard]] constexpr bool needs_escape(char32_t c) noexcept {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xA0 || c == 0xAD || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x2028 && c <= 0x202F) || (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

inline void append_hex(std::string& out, unsigned long value, int digits) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xFu];
}

// Appends `text` escaped (see `escaped`), at most `max_characters` characters of it;
// returns false when it stopped early. `quote` is escaped too when not '\0'.
inline bool append_escaped(std::string& out, std::string_view text, char quote, std::size_t max_characters) {
  std::size_t characters = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    if (characters == max_characters) return false;
    ++characters;
    const utf8_char c = decode_utf8(text, at);
    if (!c.problem.empty()) {  // one ill-formed byte per step: never half a character
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(text[at]), 2);
      ++at;
      continue;
    }
    const char32_t cp = c.code_point;
    if (cp == '\\' || (quote != '\0' && cp == static_cast<char32_t>(quote))) {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x80 && needs_escape(cp)) {
      out += "\\x";
      append_hex(out, cp, 2);
    } else if (needs_escape(cp)) {
      out += "\\u";
      append_hex(out, cp, 4);
    } else {
      out.append(text.substr(at, c.length));
    }
    at += c.length;
  }
  return true;
}

}  // namespace detail

/// `text` made safe to show in a message, without quotes and never shortened (for names
/// such as file paths): a backslash becomes `\\`; a line feed, carriage return and tab
/// `\n`, `\r`, `\t`; other ASCII controls, NUL and DEL `\xNN`; a byte that is not part of
/// well-formed UTF-8 `\xNN` (one escape per byte, so no half character is ever left);
/// characters one cannot see or that change the direction of what follows (C1 controls,
/// U+00A0 no-break space, U+00AD, U+200B to U+200F, U+2028 to U+202F, U+2060 to U+2069,
/// U+FEFF) `\uNNNN`. Everything else, letters with diacritics included, is kept as it is.
/// Hex digits are upper case. The result is well-formed UTF-8.
[[nodiscard]] inline std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  detail::append_escaped(out, text, '\0', static_cast<std::size_t>(-1));
  return out;
}

/// Longest value `quote` shows in full, in characters (an ill-formed byte counts as one).
inline constexpr std::size_t quote_max_characters = 80;

/// `text` between double quotes for a message, escaped as by `escaped` with `"` also
/// escaped (`\"`): `quote("S\0YR")` is `"S\x00YR"`. A value longer than `max_characters`
/// shows its first `max_characters` characters, an ellipsis and its length in bytes:
/// `"aaaa…" (70000 bytes)`. Every message of kerncijfers that quotes input uses this.
[[nodiscard]] inline std::string quote(std::string_view text, std::size_t max_characters = quote_max_characters) {
  std::string out = "\"";
  if (detail::append_escaped(out, text, '"', max_characters)) {
    out += '"';
  } else {
    out += "\xE2\x80\xA6\" (" + std::to_string(text.size()) + " bytes)";
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Escaping

/// `text` with the five characters that are special in HTML replaced by entities:
/// `&` -> `&amp;`, `<` -> `&lt;`, `>` -> `&gt;`, `"` -> `&quot;`, `'` -> `&#39;`. Safe in
/// element content and in double- or single-quoted attribute values. Other bytes (UTF-8
/// included) pass through unchanged.
[[nodiscard]] inline std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

/// `text` as a JSON string literal, quotes included. `"` and `\` are escaped, control
/// characters (U+0000 to U+001F) become `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`; every
/// other character, UTF-8 included, passes through unchanged. Bytes that are not
/// well-formed UTF-8 become U+FFFD (`\ufffd`), so the result is always valid JSON.
[[nodiscard]] inline std::string json_quote(std::string_view text) {
  static constexpr std::string_view hex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const utf8_char decoded = decode_utf8(text, i);
      if (!decoded.problem.empty()) {  // one replacement per ill-formed byte, as `escaped` does
        out += "\\ufffd";
        ++i;
      } else {
        out.append(text, i, decoded.length);
        i += decoded.length;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0x0F];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
  return out;
}

/// `text` with the characters that Markdown would read as markup (`\`, `` ` ``, `*`, `_`,
/// `[`, `]`, `<`, `>`) escaped by a backslash, so data (names, sources, reasons) prints as
/// written.
[[nodiscard]] inline std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>') out += '\\';
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// ASCII, digits, dates and month names

namespace detail {

[[nodiscard]] constexpr bool is_ascii_letter(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
[[nodiscard]] constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
[[nodiscard]] constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline constexpr std::array<std::string_view, 12> month_names_nl = {"januari",   "februari", "maart",    "april",
                                                                    "mei",       "juni",     "juli",     "augustus",
                                                                    "september", "oktober",  "november", "december"};
inline constexpr std::array<std::string_view, 12> month_names_en = {"January",   "February", "March",    "April",
                                                                    "May",       "June",     "July",     "August",
                                                                    "September", "October",  "November", "December"};

// Reads exactly `text.size()` decimal digits; -1 when any character is not a digit.
[[nodiscard]] constexpr long long read_digits(std::string_view text) noexcept {
  if (text.empty()) return -1;
  long long value = 0;
  for (char c : text) {
    if (!is_ascii_digit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

[[nodiscard]] inline std::string four_digit_year(int y) {
  std::string s = std::to_string(y);
  return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
}

[[nodiscard]] inline std::string two_digits(unsigned n) { return n < 10 ? "0" + std::to_string(n) : std::to_string(n); }

/// `y-m-d` with a four-digit year and two-digit month and day: "2021-05-03".
[[nodiscard]] inline std::string iso_date(int y, unsigned m, unsigned d) {
  return four_digit_year(y) + "-" + two_digits(m) + "-" + two_digits(d);
}

}  // namespace detail

}  // namespace kerncijfers
