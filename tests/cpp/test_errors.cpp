#define BOOST_TEST_MODULE errors
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <kerncijfers/errors.hpp>

namespace kc = kerncijfers;
using kerncijfers_test::message_of;

// Bad values are std::invalid_argument, unknown codes std::out_of_range: both logic_error,
// so one catch clause takes every kerncijfers error.
static_assert(std::is_base_of_v<std::invalid_argument, kc::invalid_input>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::parse_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::range_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::count_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::overflow_error>);
static_assert(std::is_base_of_v<kc::invalid_input, kc::unknown_designation>);
static_assert(std::is_base_of_v<std::out_of_range, kc::unknown_code>);

BOOST_AUTO_TEST_CASE(parse_error_names_the_input) {
  const kc::parse_error e("2021-13", "a month (YYYY-MM)");
  BOOST_TEST(std::string(e.what()) == "cannot parse \"2021-13\" as a month (YYYY-MM)");
  BOOST_TEST(e.input() == "2021-13");
}

BOOST_AUTO_TEST_CASE(unknown_code_lists_suggestions) {
  const kc::unknown_code none("Atlantis", "nationality");
  BOOST_TEST(std::string(none.what()) == "unknown nationality \"Atlantis\"");
  BOOST_TEST(none.suggestions().empty());
  const kc::unknown_code one("Syra", "nationality", {"Syria"});
  BOOST_TEST(std::string(one.what()) == "unknown nationality \"Syra\"; did you mean \"Syria\"?");
  const kc::unknown_code three("Niger", "nationality", {"Niger", "Nigeria", "Algeria"});
  BOOST_TEST(std::string(three.what()) ==
             "unknown nationality \"Niger\"; did you mean \"Niger\", \"Nigeria\" or \"Algeria\"?");
  BOOST_TEST(three.code() == "Niger");
  BOOST_TEST(three.suggestions().size() == 3u);
}

BOOST_AUTO_TEST_CASE(one_catch_takes_them_all) {
  // message_of fails the test when nothing is thrown, and lets another type escape.
  BOOST_TEST(message_of<std::logic_error>([] { throw kc::range_error("r"); }) == "r");
  BOOST_TEST(message_of<std::logic_error>([] { throw kc::unknown_code("x", "code"); }) == "unknown code \"x\"");
  BOOST_TEST(message_of<std::logic_error>([] { throw kc::overflow_error("o"); }) == "o");
}

// --- UTF-8 and escaping

namespace {

struct decode_case {
  std::string bytes;
  std::size_t length;
  std::string problem;  // empty: well-formed
  char32_t code_point;
};

}  // namespace

BOOST_AUTO_TEST_CASE(decode_utf8_follows_rfc_3629) {
  const std::vector<decode_case> cases = {
      {"A", 1, "", U'A'},
      {"\xC3\xA9", 2, "", U'\u00E9'},
      {"\xE2\x82\xAC", 3, "", U'\u20AC'},
      {"\xF0\x9F\x98\x80", 4, "", U'\U0001F600'},
      {"\xF4\x8F\xBF\xBF", 4, "", U'\U0010FFFF'},
      {"\xED\x9F\xBF", 3, "", U'\uD7FF'},  // just below the surrogates
      {"\x80", 1, "a continuation byte without a lead byte", 0},
      {"\xBFx", 1, "a continuation byte without a lead byte", 0},
      {"\xC0\x80", 2, "an overlong encoding", 0},  // NUL in two bytes
      {"\xC1\xBF", 2, "an overlong encoding", 0},
      {"\xE0\x80\x80", 3, "an overlong encoding", 0},
      {"\xE0\x9F\xBF", 3, "an overlong encoding", 0},
      {"\xF0\x8F\xBF\xBF", 4, "an overlong encoding", 0},
      {"\xED\xA0\x80", 3, "a surrogate (U+D800 to U+DFFF)", 0},
      {"\xED\xBF\xBF", 3, "a surrogate (U+D800 to U+DFFF)", 0},
      {"\xF4\x90\x80\x80", 4, "a code point beyond U+10FFFF", 0},
      {"\xF5\x80\x80\x80", 1, "a byte that never occurs in UTF-8", 0},
      {"\xFF", 1, "a byte that never occurs in UTF-8", 0},
      {"\xC3", 1, "an incomplete character", 0},  // the text ends
      {"\xC3(", 1, "an incomplete character", 0},
      {"\xE2\x82", 2, "an incomplete character", 0},
      {"\xE2\x82x", 2, "an incomplete character", 0},
      {"\xF0\x9F\x98", 3, "an incomplete character", 0},
  };
  for (const auto& c : cases) {
    const kc::utf8_char got = kc::decode_utf8(c.bytes, 0);
    BOOST_TEST(got.length == c.length, kc::escaped(c.bytes));
    BOOST_TEST(std::string(got.problem) == c.problem, kc::escaped(c.bytes));
    BOOST_TEST(static_cast<unsigned long>(got.code_point) == static_cast<unsigned long>(c.code_point),
               kc::escaped(c.bytes));
  }
}

BOOST_AUTO_TEST_CASE(find_invalid_utf8_gives_the_first_fault) {
  BOOST_TEST(!kc::find_invalid_utf8("").has_value());
  BOOST_TEST(!kc::find_invalid_utf8("Cura\xC3\xA7"
                                    "ao, Syri\xC3\xAB, \xE2\x82\xAC 5")
                  .has_value());
  const auto latin1 = kc::find_invalid_utf8(
      "Cura\xE7"
      "ao \xFF");
  BOOST_TEST_REQUIRE(latin1.has_value());
  BOOST_TEST(latin1->offset == 4u);
  BOOST_TEST(latin1->length == 1u);
  BOOST_TEST(std::string(latin1->problem) == "an incomplete character");
  const auto surrogate = kc::find_invalid_utf8("ab\xED\xA0\x80");
  BOOST_TEST_REQUIRE(surrogate.has_value());
  BOOST_TEST(surrogate->offset == 2u);
  BOOST_TEST(surrogate->length == 3u);
  static_assert(!kc::find_invalid_utf8("SYR").has_value());  // usable at compile time
}

BOOST_AUTO_TEST_CASE(quote_escapes_what_cannot_be_shown) {
  using namespace std::string_literals;
  BOOST_TEST(kc::quote("2021-05") == "\"2021-05\"");
  BOOST_TEST(kc::quote("") == "\"\"");
  BOOST_TEST(kc::quote("S\0YR"s) == "\"S\\x00YR\"");  // a NUL no longer ends the message
  BOOST_TEST(kc::quote("2021-05\0garbage"s) == "\"2021-05\\x00garbage\"");
  BOOST_TEST(kc::quote("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
  BOOST_TEST(kc::quote("\x01\x1B[31m\x7F") == "\"\\x01\\x1B[31m\\x7F\"");
  BOOST_TEST(kc::quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  BOOST_TEST(kc::quote("C:\\data") == "\"C:\\\\data\"");
  BOOST_TEST(kc::quote("\\x00") == "\"\\\\x00\"");  // the text \x00 and a NUL byte differ
  BOOST_TEST(kc::quote("Cura\xE7"
                       "ao") == "\"Cura\\xE7ao\"");
  BOOST_TEST(kc::quote("\xE2\x82") == "\"\\xE2\\x82\"");  // never half a character
  BOOST_TEST(kc::quote("\xED\xA0\x80") == "\"\\xED\\xA0\\x80\"");
  BOOST_TEST(kc::quote("Syri\xC3\xAB C\xC3\xB4te d'Ivoire \xE2\x82\xAC") ==
             "\"Syri\xC3\xAB C\xC3\xB4te d'Ivoire \xE2\x82\xAC\"");
  BOOST_TEST(kc::quote("\xC2\x85") == "\"\\u0085\"");  // C1 control
  BOOST_TEST(kc::quote("1\xC2\xA0"
                       "120") == "\"1\\u00A0120\"");             // no-break space
  BOOST_TEST(kc::quote("SYR\xE2\x80\x8B") == "\"SYR\\u200B\"");  // zero-width space
  BOOST_TEST(kc::quote("\xE2\x80\xAE"
                       "RYS") == "\"\\u202ERYS\"");                             // right-to-left override
  BOOST_TEST(kc::quote("\xE2\x81\xA6x\xE2\x81\xA9") == "\"\\u2066x\\u2069\"");  // isolates
  BOOST_TEST(kc::quote("\xEF\xBB\xBFSYR") == "\"\\uFEFFSYR\"");                 // a BOM inside a value
}

BOOST_AUTO_TEST_CASE(quote_shortens_long_values_with_their_length) {
  const std::string eighty(80, 'a');
  BOOST_TEST(kc::quote(eighty) == "\"" + eighty + "\"");
  BOOST_TEST(kc::quote(eighty + "b") == "\"" + eighty + "\xE2\x80\xA6\" (81 bytes)");
  BOOST_TEST(kc::quote(std::string(70000, 'x')) == "\"" + std::string(80, 'x') + "\xE2\x80\xA6\" (70000 bytes)");
  // Characters, not bytes, are counted, and a cut never falls inside one.
  std::string e_acute;
  for (int i = 0; i < 81; ++i) e_acute += "\xC3\xA9";
  std::string first80;
  for (int i = 0; i < 80; ++i) first80 += "\xC3\xA9";
  BOOST_TEST(kc::quote(e_acute) == "\"" + first80 + "\xE2\x80\xA6\" (162 bytes)");
  BOOST_TEST(kc::quote("abcdef", 3) == "\"abc\xE2\x80\xA6\" (6 bytes)");
  BOOST_TEST(kc::quote("ab\xFF\xFF", 3) == "\"ab\\xFF\xE2\x80\xA6\" (4 bytes)");  // an ill-formed byte counts as one
  BOOST_TEST(kc::quote("abcdef", static_cast<std::size_t>(-1)) == "\"abcdef\"");
}

BOOST_AUTO_TEST_CASE(escaped_is_quote_without_quotes_or_shortening) {
  const std::string path =
      "/tmp/d\xFF"
      "ata/\"x\"\n.csv";
  BOOST_TEST(kc::escaped(path) == "/tmp/d\\xFFata/\"x\"\\n.csv");
  BOOST_TEST(kc::escaped(std::string(200, 'p')) == std::string(200, 'p'));
}

BOOST_AUTO_TEST_CASE(quote_always_gives_printable_utf8) {
  // Random bytes, biased towards the interesting ones; a fixed seed keeps it reproducible.
  std::uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  const unsigned char interesting[] = {0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xC2,
                                       0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F};
  for (int round = 0; round < 20000; ++round) {
    std::string text(next() % 12, '\0');
    for (char& c : text) {
      c = static_cast<char>(next() % 2 == 0 ? interesting[next() % sizeof interesting] : next() % 256);
    }
    for (const std::string& shown : {kc::quote(text), kc::quote(text, 3), kc::escaped(text)}) {
      const bool printable =
          std::all_of(shown.begin(), shown.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20; });
      BOOST_TEST_REQUIRE((printable && !kc::find_invalid_utf8(shown).has_value()), kc::escaped(text));
    }
  }
}

BOOST_AUTO_TEST_CASE(messages_quote_input_and_keep_the_raw_value) {
  using namespace std::string_literals;
  const kc::parse_error nul("2021-05\0x"s, "a month (YYYY-MM)");
  BOOST_TEST(std::string(nul.what()) == "cannot parse \"2021-05\\x00x\" as a month (YYYY-MM)");
  BOOST_TEST(nul.input() == "2021-05\0x"s);  // raw, not escaped
  const kc::parse_error latin1(
      "Cura\xE7"
      "ao",
      "a nationality");
  BOOST_TEST(std::string(latin1.what()) == "cannot parse \"Cura\\xE7ao\" as a nationality");
  BOOST_TEST(latin1.input() ==
             "Cura\xE7"
             "ao");
  const std::string long_input(1000, '9');
  const kc::parse_error long_one(long_input, "a count");
  BOOST_TEST(std::string(long_one.what()) ==
             "cannot parse \"" + std::string(80, '9') + "\xE2\x80\xA6\" (1000 bytes) as a count");
  BOOST_TEST(long_one.input() == long_input);
  const kc::unknown_code code("Sy\xFFria\n", "nationality", {"Syria"});
  BOOST_TEST(std::string(code.what()) == "unknown nationality \"Sy\\xFFria\\n\"; did you mean \"Syria\"?");
  BOOST_TEST(code.code() == "Sy\xFFria\n");
}
