#pragma once
// Shared by the libFuzzer harnesses (tests/fuzz/fuzz_<target>.cpp): invariant checks that
// abort, so that libFuzzer keeps the input as a crash reproducer; strict UTF-8 validation;
// checks on what an error message must say; CSV quoting for round trips.
//
// The harnesses catch only the exception types the API documents for bad input. Anything
// else (std::bad_alloc, std::logic_error from elsewhere, an ios failure, an assert) ends the
// process, and libFuzzer reports it with the input that caused it.

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include <kerncijfers/errors.hpp>

namespace kc_fuzz {

// The input as C escapes ("\x00", "\n", "\\"), so that a report shows every byte.
[[nodiscard]] inline std::string escaped(std::string_view text, std::size_t max_bytes = 400) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < max_bytes; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  if (text.size() > max_bytes) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

[[noreturn]] inline void violated(const char* condition, const char* file, int line, const std::string& detail) {
  std::fprintf(stderr, "\n==kerncijfers fuzz== invariant violated: %s\n    at %s:%d\n    %s\n", condition, file, line,
               detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// Aborts (a libFuzzer finding) with the condition, the place and `detail` when `condition` is false.
#define KC_FUZZ_CHECK(condition, detail)                                             \
  do {                                                                               \
    if (!(condition)) ::kc_fuzz::violated(#condition, __FILE__, __LINE__, (detail)); \
  } while (false)

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, cp = lead & 0x1F, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, cp = lead & 0x0F, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, cp = lead & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

// True when a message may quote `value` exactly as it is: printable ASCII without quotes or
// backslashes, which no escaping rule changes, and short enough for kc::quote not to shorten it.
[[nodiscard]] inline bool quotes_verbatim(std::string_view value) noexcept {
  if (value.size() > kerncijfers::quote_max_characters) return false;
  for (const char c : value) {
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  }
  return true;
}

// What every error message promises (errors.hpp, issue 10 class 7): it is not empty and it
// is valid UTF-8 (input quoted in it is escaped: no half characters).
inline void check_message(const std::exception& e) {
  const std::string_view message = e.what();
  KC_FUZZ_CHECK(!message.empty(), "an exception with an empty message");
  KC_FUZZ_CHECK(is_valid_utf8(message), "the message is not valid UTF-8: \"" + escaped(message) + "\"");
}

// As above, and the message names `needle` (the file, or the offending value). A message cut
// short by a NUL byte in a quoted value loses what follows the value, the file name included.
inline void check_message_names(const std::exception& e, std::string_view needle) {
  check_message(e);
  const std::string_view message = e.what();
  KC_FUZZ_CHECK(message.find(needle) != std::string_view::npos,
                "the message does not name \"" + escaped(needle) + "\": \"" + escaped(message) + "\"");
}

inline bool is_spacing(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

inline std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_spacing(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_spacing(text.back())) text.remove_suffix(1);
  return text;
}

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Why `text` must not name a nationality; empty when it may. Issue 10 class 2: forgiving
// lookup forgives case, diacritics and spacing of real names and codes, nothing more. So
// these never name a nationality: text with control characters other than spacing (NUL:
// "S\0YR"); a single character other than a digit ("Æ", "A"; "4" is Afghanistan, 004); a
// decimal number ("4.0", "4,0"); a missing-value marker (#N/A, N/A, n.a., n.v.t., -, .., :,
// ?, empty); punctuation folded into a code (ASCII text with punctuation and at most three
// letters or digits: "N/A", "S.Y.R"). "NA" stays Namibia.
inline std::string why_not_a_nationality(std::string_view text) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && !is_spacing(c)) || b == 0x7F) return "it holds a control character";
  }
  const std::string_view t = trimmed(text);
  const auto lead = t.empty() ? 0u : static_cast<unsigned char>(t[0]);
  const std::size_t first_length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (t.size() == first_length && !(t[0] >= '0' && t[0] <= '9')) return "it is a single character (not a digit)";
  const std::string lower = ascii_lower(t);
  for (const std::string_view marker : {"#n/a", "n/a", "n.a.", "n.v.t.", "-", "..", ":", "?", ""}) {
    if (lower == marker) return "it is a missing-value marker";
  }
  const std::size_t separator = t.find_first_of(".,");
  if (separator != std::string_view::npos && separator > 0 && separator + 1 < t.size() &&
      std::all_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(separator),
                  [](char c) { return c >= '0' && c <= '9'; }) &&
      std::all_of(t.begin() + static_cast<std::ptrdiff_t>(separator) + 1, t.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    return "it is a decimal number";
  }
  std::size_t alnum = 0;
  bool punctuation = false;
  for (const char c : t) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) return {};  // names with diacritics: not judged here
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      ++alnum;
    else if (!is_spacing(c))
      punctuation = true;
  }
  if (punctuation && alnum <= 3) return "punctuation folded into a code";
  return {};
}

// A CSV field, quoted, with its quotes doubled (RFC 4180).
[[nodiscard]] inline std::string csv_quoted(std::string_view field) {
  std::string out = "\"";
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace kc_fuzz
