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

#include "kerncijfers/text.hpp"

namespace kerncijfers {

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
