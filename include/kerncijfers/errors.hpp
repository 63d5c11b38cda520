#pragma once
/// \file errors.hpp
/// The exceptions kerncijfers throws. Every message names the offending value and,
/// where known, where it came from.
///
/// Hierarchy (all catchable as `std::logic_error`):
///   - `invalid_input` (std::invalid_argument): a value that is not acceptable
///       - `parse_error`: text that does not parse (the text is kept in `input()`)
///       - `range_error`: an empty, reversed or non-tiling range, a gap in a window
///       - `count_error`: a negative count, a part larger than its whole, a zero total
///       - `overflow_error`: a sum that would not fit in the integer type
///       - `unknown_designation`: a safe-country question the sources cannot answer
///   - `unknown_code` (std::out_of_range): a code or name that is not in a table;
///       `suggestions()` holds the closest known names.
///
/// Messages quote input with `quote` (paths and other names with `escaped`): whatever
/// bytes a value holds, a message is well-formed UTF-8 without control characters, so it
/// can be printed, logged, shown in HTML or turned into a Python `str` safely. The raw
/// value stays available where the exception keeps it (`parse_error::input()`,
/// `unknown_code::code()`).

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  unsigned char low = 0x80;   // range of the second byte
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
// The exceptions

/// A value that is not acceptable input.
class invalid_input : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Text that does not parse as what was asked for.
class parse_error : public invalid_input {
 public:
  /// Message: `cannot parse "2021-13" as a month (YYYY-MM)`, the text shown with `quote`.
  parse_error(std::string input, const std::string& what_was_expected)
      : parse_error(worded{}, input, "cannot parse " + quote(input) + " as " + what_was_expected) {}
  /// The text that failed to parse, as it was given (not escaped, not shortened).
  [[nodiscard]] const std::string& input() const noexcept { return input_; }

 protected:
  /// Tag of the constructor for subclasses that word the message themselves.
  struct worded {};
  /// Keeps `input`; `message` is the whole message (it must show `input` with `quote`).
  parse_error(worded, std::string input, const std::string& message)
      : invalid_input(message), input_(std::move(input)) {}

 private:
  std::string input_;
};

/// An empty, reversed or otherwise unusable range of periods.
class range_error : public invalid_input {
 public:
  using invalid_input::invalid_input;
};

/// A count that cannot be right: negative, larger than its whole, or a zero whole.
class count_error : public invalid_input {
 public:
  using invalid_input::invalid_input;
};

/// A sum or product of counts that would not fit in its integer type.
class overflow_error : public invalid_input {
 public:
  using invalid_input::invalid_input;
};

/// A question about a safe-country designation that the sources cannot answer.
class unknown_designation : public invalid_input {
 public:
  using invalid_input::invalid_input;
};

/// A code or name that is not in the table it was looked up in.
class unknown_code : public std::out_of_range {
 public:
  /// Message: `unknown nationality "Syra"; did you mean "Syria"?`, values shown with `quote`.
  unknown_code(std::string code, const std::string& table, std::vector<std::string> suggestions = {})
      : std::out_of_range(make_message(code, table, suggestions)),
        code_(std::move(code)),
        suggestions_(std::move(suggestions)) {}
  /// The code or name that was not found, as it was given (not escaped, not shortened).
  [[nodiscard]] const std::string& code() const noexcept { return code_; }
  /// The closest known names, best first (may be empty).
  [[nodiscard]] const std::vector<std::string>& suggestions() const noexcept { return suggestions_; }

 private:
  static std::string make_message(const std::string& code, const std::string& table,
                                  const std::vector<std::string>& suggestions) {
    std::string message = "unknown " + table + " " + quote(code);
    if (!suggestions.empty()) {
      message += "; did you mean ";
      for (std::size_t i = 0; i < suggestions.size(); ++i) {
        if (i > 0) message += i + 1 == suggestions.size() ? " or " : ", ";
        message += quote(suggestions[i]);
      }
      message += "?";
    }
    return message;
  }
  std::string code_;
  std::vector<std::string> suggestions_;
};

}  // namespace kerncijfers
