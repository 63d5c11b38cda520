#define BOOST_TEST_MODULE render
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <kerncijfers/counts.hpp>
#include <kerncijfers/departures.hpp>
#include <kerncijfers/figures_json.hpp>
#include <kerncijfers/key_figures.hpp>
#include <kerncijfers/render.hpp>
#include <kerncijfers/safe_countries.hpp>

namespace kc = kerncijfers;

namespace {

const std::string golden_source = "fictional golden test data (not real)";

kc::figure_source golden_figure_source() {
  return kc::figure_source{{golden_source}, kc::release::from_date(2021, 6, 15)};
}

kc::distribution_row named(std::string_view code, std::int64_t count, std::int64_t total, std::int64_t percent) {
  return kc::distribution_row{kc::row_kind::nationality, kc::nationality::from_alpha3(code), count,
                              kc::share<std::int64_t>(count, total), kc::rounded_decimal(percent, 0)};
}

kc::distribution_row unknown_row(std::int64_t count, std::int64_t total, std::int64_t percent) {
  return kc::distribution_row{kc::row_kind::unknown, kc::nationality::unknown(), count,
                              kc::share<std::int64_t>(count, total), kc::rounded_decimal(percent, 0)};
}

kc::distribution_row rest_row(kc::row_kind kind, std::int64_t count, std::int64_t total, std::int64_t percent) {
  return kc::distribution_row{kind, std::nullopt, count, kc::share<std::int64_t>(count, total),
                              kc::rounded_decimal(percent, 0)};
}

kc::distribution_figure distribution(kc::category cat, kc::period_range<kc::month> window, std::int64_t total,
                                     std::size_t top_n, bool unknown_separate, std::vector<kc::distribution_row> rows) {
  kc::distribution_figure f;
  f.category = cat;
  f.window = window;
  f.status = kc::figure_status::exact;
  f.total = total;
  f.top_n = top_n;
  f.unknown_row = unknown_separate ? kc::unknown_placement::own_row : kc::unknown_placement::in_other;
  f.rows = std::move(rows);
  std::int64_t percent_sum = 0;
  for (const auto& r : f.rows) {
    percent_sum += r.percent.units();
    if (r.kind != kc::row_kind::unlisted) f.listed += r.count;
  }
  f.percent_sum = kc::rounded_decimal(percent_sum, 0);
  f.sums_to_100 = percent_sum == 100;
  f.rounding_note = f.sums_to_100 ? "sums to 100"
                                  : "shares sum to " + std::to_string(percent_sum) +
                                        ", not 100: consistent with independent rounding";
  f.source = golden_figure_source();
  return f;
}

kc::departures_figure departures(kc::departure_group group, std::int64_t independent, std::int64_t forced,
                                 std::int64_t unsupervised, std::int64_t sup_pct, std::int64_t unsup_pct) {
  kc::departures_figure d;
  d.group = group;
  d.window = kc::period_range<kc::month>(kc::month(2021, 1), kc::month(2021, 12));
  d.status = kc::figure_status::exact;
  d.total = independent + forced + unsupervised;
  d.total_rounded = kc::round_to_multiple(d.total, 10);
  d.supervised = independent + forced;
  d.unsupervised = unsupervised;
  d.supervised_percent = kc::rounded_decimal(sup_pct, 0);
  d.unsupervised_percent = kc::rounded_decimal(unsup_pct, 0);
  d.sums_to_100 = sup_pct + unsup_pct == 100;
  d.rounding_note = d.sums_to_100 ? "sums to 100" : "shares do not sum to 100";
  d.source = golden_figure_source();
  return d;
}

// The figures of the May 2021 page, built by hand from the golden table's documented counts
// (tests/data/README.md), independent of compute_key_figures.
kc::key_figures mei_2021() {
  using kc::category;
  const kc::month may(2021, 5);
  kc::key_figures f;
  f.period = may;
  f.options.family_reunification_window_end = kc::month(2021, 4);

  f.influx.period = may;
  const std::int64_t influx_counts[] = {1200, 160, 1000, 12, 85};
  for (std::size_t i = 0; i < kc::all_categories.size(); ++i) {
    f.influx.by_category.push_back({kc::all_categories[i], influx_counts[i], kc::figure_problem::none, ""});
  }
  f.influx.total = 2457;
  f.influx.status = kc::figure_status::exact;
  f.influx.source = golden_figure_source();

  f.first_month = distribution(category::first_application, kc::period_range<kc::month>(may), 1200, 6, true,
                               {named("SYR", 385, 1200, 32), named("TUR", 97, 1200, 8), named("DZA", 78, 1200, 7),
                                named("MAR", 71, 1200, 6), named("ERI", 59, 1200, 5), named("AFG", 50, 1200, 4),
                                unknown_row(45, 1200, 4), rest_row(kc::row_kind::other, 415, 1200, 35)});
  f.first_trailing = distribution(
      category::first_application, kc::trailing(may, 12), 12000, 4, true,
      {named("SYR", 3850, 12000, 32), named("DZA", 966, 12000, 8), named("TUR", 780, 12000, 7),
       named("MAR", 702, 12000, 6), unknown_row(450, 12000, 4), rest_row(kc::row_kind::other, 5252, 12000, 44)});

  f.safe_month.category = category::first_application;
  f.safe_month.window = kc::period_range<kc::month>(may);
  f.safe_month.status = kc::figure_status::exact;
  f.safe_month.total = 1200;
  f.safe_month.safe_count = 225;
  f.safe_month.percent = kc::rounded_decimal(19, 0);
  for (const char* code : {"DZA", "GEO", "MAR", "TUN", "UKR"}) {
    f.safe_month.safe_nationalities.push_back(kc::nationality::from_alpha3(code));
  }
  f.safe_month.rule = "designation in force on the last day of each month";
  f.safe_month.source = golden_figure_source();

  f.family_reunification_month =
      distribution(category::family_reunification, kc::period_range<kc::month>(may), 1000, 3, false,
                   {named("SYR", 596, 1000, 60), named("ERI", 116, 1000, 12), named("YEM", 56, 1000, 6),
                    rest_row(kc::row_kind::other, 232, 1000, 23)});
  f.family_reunification_trailing =
      distribution(category::family_reunification, kc::trailing(kc::month(2021, 4), 12), 8000, 3, false,
                   {named("SYR", 4000, 8000, 50), named("ERI", 1044, 8000, 13), named("YEM", 876, 8000, 11),
                    rest_row(kc::row_kind::other, 2080, 8000, 26)});

  f.departures_all = departures(kc::departure_group::all, 2310, 1610, 3766, 51, 49);
  f.departures_criminal = departures(kc::departure_group::criminal, 95, 176, 117, 70, 30);
  return f;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The sentences of a Markdown text: every line, without trailing blanks (a Markdown hard
// break), split after each ". ". Enough for the page, whose numbers ("7.690", "18,8") never
// put a blank after a full stop.
std::vector<std::string> sentences_of(const std::string& markdown) {
  std::vector<std::string> sentences;
  for (std::string line : lines_of(markdown)) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::size_t start = 0;
    while (start < line.size()) {
      const std::size_t stop = line.find(". ", start);
      if (stop == std::string::npos) {
        sentences.push_back(line.substr(start));
        break;
      }
      sentences.push_back(line.substr(start, stop + 1 - start));
      start = stop + 2;
    }
  }
  return sentences;
}

bool has_sentence(const std::vector<std::string>& sentences, const std::string& sentence) {
  for (const auto& s : sentences) {
    if (s == sentence) return true;
  }
  return false;
}

void check_sentence(const std::string& markdown, const std::string& sentence) {
  BOOST_TEST(has_sentence(sentences_of(markdown), sentence), "missing sentence: " << sentence << "\nin:\n" << markdown);
}

void check_contains(const std::string& text, const std::string& part) {
  BOOST_TEST(text.find(part) != std::string::npos, "missing: " << part << "\nin:\n" << text);
}

void check_lacks(const std::string& text, const std::string& part) {
  BOOST_TEST(text.find(part) == std::string::npos, "unexpected: " << part);
}

// Compares with a golden file line by line, so a difference names its line. With
// KERNCIJFERS_UPDATE_GOLDEN=1 in the environment the file is (re)written and the check
// FAILS: a rewritten golden checks nothing, so an update run can never pass; review the
// diff, then run again without the variable.
void check_golden(const std::string& actual, const std::string& name) {
  const std::string path = std::string(KERNCIJFERS_TEST_DATA_DIR) + "/" + name;
  if (const char* update = std::getenv("KERNCIJFERS_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    out.close();
    BOOST_TEST(!out.fail(), "could not write the golden file " << path);
    BOOST_ERROR("golden " << path
                          << " was rewritten (KERNCIJFERS_UPDATE_GOLDEN=1): review the diff, then run the tests "
                             "again without KERNCIJFERS_UPDATE_GOLDEN");
    return;
  }
  const std::string expected = read_text(path);
  const auto a = lines_of(actual);
  const auto e = lines_of(expected);
  for (std::size_t i = 0; i < std::min(a.size(), e.size()); ++i) {
    if (a[i] != e[i]) {
      BOOST_ERROR(name << " line " << i + 1 << ":\n  expected: " << e[i] << "\n  actual:   " << a[i]);
      return;
    }
  }
  BOOST_TEST(a.size() == e.size(), name << ": " << a.size() << " lines, expected " << e.size());
  BOOST_TEST(actual == expected);
}

// ----- a minimal JSON validator (RFC 8259 syntax), for the renderer's output

class json_validator {
 public:
  explicit json_validator(std::string_view text) : text_(text) {}

  // True when the whole text is one JSON value (with surrounding white space).
  bool valid() {
    skip_space();
    if (!value(0)) return false;
    skip_space();
    return pos_ == text_.size();
  }
  std::size_t position() const { return pos_; }

 private:
  bool value(int depth) {
    if (depth > 64 || pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    return literal("true") || literal("false") || literal("null");
  }
  bool object(int depth) {
    ++pos_;
    skip_space();
    if (peek('}')) return ++pos_, true;
    while (true) {
      skip_space();
      if (!string()) return false;
      skip_space();
      if (!peek(':')) return false;
      ++pos_;
      skip_space();
      if (!value(depth + 1)) return false;
      skip_space();
      if (peek('}')) return ++pos_, true;
      if (!peek(',')) return false;
      ++pos_;
    }
  }
  bool array(int depth) {
    ++pos_;
    skip_space();
    if (peek(']')) return ++pos_, true;
    while (true) {
      skip_space();
      if (!value(depth + 1)) return false;
      skip_space();
      if (peek(']')) return ++pos_, true;
      if (!peek(',')) return false;
      ++pos_;
    }
  }
  bool string() {
    if (!peek('"')) return false;
    ++pos_;
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++pos_;
        if (pos_ >= text_.size()) return false;
        const char e = text_[pos_];
        if (e == 'u') {
          for (int i = 1; i <= 4; ++i) {
            if (pos_ + static_cast<std::size_t>(i) >= text_.size() ||
                std::string_view("0123456789abcdefABCDEF").find(text_[pos_ + static_cast<std::size_t>(i)]) ==
                    std::string_view::npos) {
              return false;
            }
          }
          pos_ += 4;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
          return false;
        }
      } else if (c >= 0x80) {
        const kc::utf8_char decoded = kc::decode_utf8(text_, pos_);
        if (!decoded.problem.empty()) return false;
        pos_ += decoded.length - 1;
      }
      ++pos_;
    }
    return false;
  }
  bool number() {
    const std::size_t start = pos_;
    if (peek('-')) ++pos_;
    if (peek('0')) {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (peek('.')) {
      ++pos_;
      if (!digits()) return false;
    }
    if (peek('e') || peek('E')) {
      ++pos_;
      if (peek('+') || peek('-')) ++pos_;
      if (!digits()) return false;
    }
    return pos_ > start;
  }
  bool digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }
  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool valid_json(const std::string& text) { return json_validator(text).valid(); }

// ----- a well-formedness check for the renderer's HTML: every element closed in order
// (void elements excepted), no raw '<' or '>' in text, every '&' starting an entity.

std::string html_problem(const std::string& html) {
  const std::vector<std::string> void_elements = {"meta", "br", "img", "hr", "link", "input"};
  const std::vector<std::string> entities = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  std::vector<std::string> open;
  std::size_t i = 0;
  const std::string doctype = "<!DOCTYPE html>";
  if (html.compare(0, doctype.size(), doctype) != 0) return "no doctype";
  i = doctype.size();
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') return "raw '>' in text at " + std::to_string(i);
    if (c == '&') {
      bool ok = false;
      for (const auto& e : entities) ok = ok || html.compare(i, e.size(), e) == 0;
      if (!ok) return "bare '&' at " + std::to_string(i);
      ++i;
      continue;
    }
    if (c != '<') {
      ++i;
      continue;
    }
    // A tag: name, then attributes with quoted values, up to '>'.
    std::size_t j = i + 1;
    const bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    std::size_t name_end = j;
    while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end])) != 0) ++name_end;
    const std::string name = html.substr(j, name_end - j);
    if (name.empty()) return "raw '<' in text at " + std::to_string(i);
    std::size_t k = name_end;
    char quote = 0;
    while (k < html.size() && (quote != 0 || html[k] != '>')) {
      if (quote == 0 && (html[k] == '"' || html[k] == '\'')) {
        quote = html[k];
      } else if (quote != 0 && html[k] == quote) {
        quote = 0;
      } else if (quote != 0 && html[k] == '<') {
        return "raw '<' in attribute of <" + name + ">";
      }
      ++k;
    }
    if (k >= html.size()) return "unterminated tag <" + name + ">";
    const bool self_closing = html[k - 1] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
      }
      open.pop_back();
    } else if (!self_closing && std::find(void_elements.begin(), void_elements.end(), name) == void_elements.end()) {
      if (name == "style") {
        // CSS is raw text: skip to its end tag.
        const std::size_t end = html.find("</style>", k);
        if (end == std::string::npos) return "unclosed <style>";
        open.push_back(name);
        i = end;
        continue;
      }
      open.push_back(name);
    }
    i = k + 1;
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return {};
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Escaping

BOOST_AUTO_TEST_CASE(html_escape_replaces_the_five_special_characters) {
  BOOST_TEST(kc::html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
             "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  BOOST_TEST(kc::html_escape("&amp;") == "&amp;amp;");
  BOOST_TEST(kc::html_escape("Syrië, 7.690 – 18,8%") == "Syrië, 7.690 – 18,8%");
  BOOST_TEST(kc::html_escape("").empty());
}

BOOST_AUTO_TEST_CASE(json_quote_escapes_quotes_backslashes_and_control_characters) {
  BOOST_TEST(kc::json_quote("") == "\"\"");
  BOOST_TEST(kc::json_quote("plain") == "\"plain\"");
  BOOST_TEST(kc::json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  BOOST_TEST(kc::json_quote("C:\\data\\x.csv") == "\"C:\\\\data\\\\x.csv\"");
  BOOST_TEST(kc::json_quote("a\nb\tc\rd\be\ff") == "\"a\\nb\\tc\\rd\\be\\ff\"");
  BOOST_TEST(kc::json_quote(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  BOOST_TEST(kc::json_quote(std::string("nul\0byte", 8)) == "\"nul\\u0000byte\"");
  BOOST_TEST(kc::json_quote("\x7f") == "\"\x7f\"");  // DEL is not a JSON control character
  BOOST_TEST(kc::json_quote("a/b") == "\"a/b\"");
}

BOOST_AUTO_TEST_CASE(json_quote_passes_utf8_and_replaces_malformed_bytes) {
  BOOST_TEST(kc::json_quote("Syrië") == "\"Syrië\"");
  BOOST_TEST(kc::json_quote("€ 5") == "\"€ 5\"");                                        // 3 bytes
  BOOST_TEST(kc::json_quote("\xF0\x9F\x87\xB3") == "\"\xF0\x9F\x87\xB3\"");              // 4 bytes
  BOOST_TEST(kc::json_quote("\xE2\x80\xA8") == "\"\xE2\x80\xA8\"");                      // U+2028 is valid in JSON
  BOOST_TEST(kc::json_quote("a\xFFz") == "\"a\\ufffdz\"");                               // never valid in UTF-8
  BOOST_TEST(kc::json_quote("\xC3") == "\"\\ufffd\"");                                   // truncated at the end
  BOOST_TEST(kc::json_quote("\xC3z") == "\"\\ufffdz\"");                                 // continuation missing
  BOOST_TEST(kc::json_quote("\xC0\xAF") == "\"\\ufffd\\ufffd\"");                        // overlong '/'
  BOOST_TEST(kc::json_quote("\xED\xA0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");             // a surrogate
  BOOST_TEST(kc::json_quote("\xF4\x90\x80\x80") == "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");  // above U+10FFFF
  BOOST_TEST(kc::json_quote("\x80") == "\"\\ufffd\"");                                   // stray continuation byte
  for (const std::string s : {"\xFF", "\xC3", "\xED\xA0\x80", "\"\\\n"}) BOOST_TEST(valid_json(kc::json_quote(s)));
}

BOOST_AUTO_TEST_CASE(markdown_escape_escapes_markup_characters) {
  BOOST_TEST(kc::markdown_escape("first_application *x* [a](b) <c> `d` \\") ==
             "first\\_application \\*x\\* \\[a\\](b) \\<c\\> \\`d\\` \\\\");
  BOOST_TEST(kc::markdown_escape("Syrië 7.690 (Bron: CBS)") == "Syrië 7.690 (Bron: CBS)");
}

// ---------------------------------------------------------------------------------------
// Numbers and labels

BOOST_AUTO_TEST_CASE(numbers_are_written_the_dutch_or_english_way) {
  BOOST_TEST(kc::format_count(7690, kc::language::nl) == "7.690");
  BOOST_TEST(kc::format_count(7690, kc::language::en) == "7,690");
  BOOST_TEST(kc::format_count(390, kc::language::nl) == "390");
  BOOST_TEST(kc::format_count(1234567, kc::language::nl) == "1.234.567");
  BOOST_TEST(kc::format_percent(188, 1, kc::language::nl) == "18,8%");
  BOOST_TEST(kc::format_percent(kc::rounded_decimal(188, 1), kc::language::nl) == "18,8%");
  BOOST_TEST(kc::format_percent(kc::rounded_decimal(188, 1), kc::language::en) == "18.8%");
  BOOST_TEST(kc::format_percent(188, 1, kc::language::en) == "18.8%");
  BOOST_TEST(kc::format_percent(32, 0, kc::language::nl) == "32%");
  BOOST_TEST(kc::format_percent(5, 1, kc::language::nl) == "0,5%");
  BOOST_TEST(kc::format_percent(1000, 1, kc::language::en) == "100.0%");
  BOOST_CHECK_THROW((void)kc::format_percent(1, 19, kc::language::nl), kc::invalid_input);
}

BOOST_AUTO_TEST_CASE(departures_period_labels) {
  using kc::month;
  using range = kc::period_range<month>;
  BOOST_TEST(kc::departures_period_label(range(month(2021, 1), month(2021, 12)), kc::language::nl) == "2021");
  BOOST_TEST(kc::departures_period_label(range(month(2021, 1), month(2021, 12)), kc::language::en) == "2021");
  BOOST_TEST(kc::departures_period_label(range(month(2023, 1), month(2023, 10)), kc::language::nl) ==
             "2023 (t/m oktober)");
  BOOST_TEST(kc::departures_period_label(range(month(2023, 1), month(2023, 10)), kc::language::en) ==
             "2023 (through October)");
  BOOST_TEST(kc::departures_period_label(range(month(2023, 1)), kc::language::nl) == "2023 (t/m januari)");
  BOOST_TEST(kc::departures_period_label(range(month(2020, 6), month(2021, 5)), kc::language::nl) ==
             "juni 2020 t/m mei 2021");
  BOOST_TEST(kc::departures_period_label(range(month(2020, 6), month(2021, 5)), kc::language::en) ==
             "June 2020 to May 2021");
}

BOOST_AUTO_TEST_CASE(source_text_names_sources_and_release) {
  kc::figure_source s{{"CBS StatLine 83102NED"}, kc::release::from_week(kc::iso_week(2021, 30))};
  BOOST_TEST(kc::source_text(s, kc::language::nl) == "CBS StatLine 83102NED, release 2021-W30");
  BOOST_TEST(kc::source_text(s, kc::language::en) == "CBS StatLine 83102NED, release 2021-W30");
  s.sources = {"A", "B", "C"};
  s.latest_release = kc::release();
  BOOST_TEST(kc::source_text(s, kc::language::nl) == "A, B en C, ongedateerd");
  BOOST_TEST(kc::source_text(s, kc::language::en) == "A, B and C, undated");
  s.sources.clear();
  BOOST_TEST(kc::source_text(s, kc::language::nl).empty());
}

BOOST_AUTO_TEST_CASE(the_page_says_when_the_counts_were_retrieved) {
  kc::key_figures f = mei_2021();
  for (kc::figure_source* s : {&f.influx.source, &f.first_month.source, &f.first_trailing.source, &f.safe_month.source,
                               &f.family_reunification_month.source, &f.family_reunification_trailing.source}) {
    s->retrieved = "2026-12-07";
  }
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  const std::string en = kc::render_markdown(f, kc::language::en);
  check_contains(nl,
                 "kwam uit Jemen. (Bron: fictional golden test data (not real), release 2021-06-15, opgehaald op "
                 "2026-12-07)\n");
  check_contains(en, "(Source: fictional golden test data (not real), release 2021-06-15, retrieved on 2026-12-07)");
  // The departures, from a file of their own, say nothing of it.
  check_contains(nl,
                 "en de politie. (Bron: fictional golden test data (not real), release 2021-06-15, afgerond op "
                 "tientallen)\n");
  check_lacks(kc::render_markdown(mei_2021(), kc::language::nl), "opgehaald");
}

BOOST_AUTO_TEST_CASE(figure_titles) {
  const auto f = mei_2021();
  BOOST_TEST(kc::figure_title(f, 0, kc::language::nl) == "Eerste asielaanvragen naar nationaliteit, mei 2021");
  BOOST_TEST(kc::figure_title(f, 1, kc::language::en) ==
             "First asylum applications by nationality, June 2020 to May 2021");
  BOOST_TEST(kc::figure_title(f, 2, kc::language::nl) == "Nareizigers naar nationaliteit, mei 2021");
  try {
    (void)kc::figure_title(f, 3, kc::language::nl);
    BOOST_ERROR("figure 3 accepted");
  } catch (const kc::invalid_input& e) {
    BOOST_TEST(std::string(e.what()).find("figure index 3") != std::string::npos);
  }
}

// ---------------------------------------------------------------------------------------
// Markdown, Dutch: the page

BOOST_AUTO_TEST_CASE(dutch_markdown_has_every_sentence_of_the_page) {
  const std::string md = kc::render_markdown(mei_2021(), kc::language::nl);
  const auto golden = lines_of(read_text(std::string(KERNCIJFERS_TEST_DATA_DIR) + "/golden_mei_2021_sentences_nl.txt"));
  BOOST_TEST_REQUIRE(golden.size() == 13u);
  for (const auto& sentence : golden) check_sentence(md, sentence);
}

BOOST_AUTO_TEST_CASE(dutch_markdown_follows_the_page_layout) {
  const std::string md = kc::render_markdown(mei_2021(), kc::language::nl);
  // Headings and figure placeholders in the page's order.
  const std::vector<std::string> landmarks = {
      "## KERNCIJFERS ASIEL EN MIGRATIE, MEI 2021\n",
      "### Welke instroomcijfers maakt het ministerie bekend?\n",
      "Het Ministerie van Justitie en Veiligheid publiceert *wekelijks* de [instroomcijfers](#), oftewel",
      "De Immigratie en Naturalisatie Dienst (IND) publiceert in de *maandelijkse* [asieltrends](#) hoeveel",
      "### Uit welke landen komen asielzoekers?\n",
      "In mei 2021 kwam 32%",
      "herkomst](#).  \n(Bron: fictional golden test data (not real), release 2021-06-15)\n",
      "\nFig. 1.0\n",
      "\nFig. 1.1\n",
      "De afgelopen twaalf maanden (juni 2020 t/m mei 2021)",
      "## Uit welke landen komen nareizigers?\n",
      "\nFig. 1.2\n",
      "In mei 2021 kwam 60%",
      "De afgelopen twaalf maanden (mei 2020 t/m april 2021)",
      "## Hoeveel (afgewezen) vreemdelingen vertrekken weer?\n",
      "## Hoeveel criminele vreemdelingen vertrekken weer?\n",
  };
  std::size_t at = 0;
  for (const auto& mark : landmarks) {
    const std::size_t found = md.find(mark, at);
    BOOST_TEST(found != std::string::npos, "not found after position " << at << ": " << mark);
    if (found != std::string::npos) at = found + mark.size();
  }
  BOOST_TEST(md.rfind("## KERNCIJFERS", 0) == 0u);

  // The page's fixed sentences.
  check_sentence(md, "Deze groep noemen we nareizigers.");
  check_sentence(md, "In de asieltrends wordt ook vermeld waar de meeste asielzoekers vandaan komen.");
  check_sentence(md, "De inzet van het kabinet is om vreemdelingen zoveel mogelijk zelfstandig te laten vertrekken.");
  check_sentence(md,
                 "Het kan daarbij gaan om vreemdelingen die zelfstandig zijn vertrokken, of Nederland gedwongen "
                 "hebben verlaten.");
  check_sentence(md, "Het vertrek van criminele vreemdelingen is een onderdeel van bovenstaande vertrekcijfers.");
  check_sentence(md, "Sinds 2012 komen zij niet meer in aanmerking voor voorwaardelijke invrijheidstelling.");
  check_sentence(md, "Komen zij wel terug, dan moeten zij de resterende straf alsnog uitzitten.");

  // Source notes: inline after the nareizigers and departure paragraphs, as on the page.
  check_contains(md, "kwam uit Jemen. (Bron: fictional golden test data (not real), release 2021-06-15)\n");
  check_contains(md,
                 "en de politie. (Bron: fictional golden test data (not real), release 2021-06-15, afgerond op "
                 "tientallen)\n");
  check_contains(md,
                 "alsnog uitzitten. (Bron: fictional golden test data (not real), release 2021-06-15, afgerond "
                 "op tientallen)\n");
}

BOOST_AUTO_TEST_CASE(rounding_notes_stand_apart_from_the_sentences) {
  const std::string md = kc::render_markdown(mei_2021(), kc::language::nl);
  // First applications in May and nareizigers in May sum to 101; the trailing windows of
  // the first applications too; the nareiziger window and the departures sum to 100.
  check_contains(md,
                 "(Bron: fictional golden test data (not real), release 2021-06-15)\n\n"
                 "(Afgerond: elk percentage is afzonderlijk afgerond, daardoor telt de hele verdeling van mei 2021 "
                 "op tot 101%.)\n\nFig. 1.0\n");
  check_contains(md,
                 "had een andere of onbekende nationaliteit.\n\n(Afgerond: elk percentage is afzonderlijk "
                 "afgerond, daardoor telt de hele verdeling van mei 2021 op tot 101%.)\n\nDe afgelopen");
  check_contains(md, "telt de hele verdeling van juni 2020 t/m mei 2021 op tot 101%.)\n");
  check_lacks(md, "mei 2020 t/m april 2021 op tot");
  check_lacks(md, "beide percentages");
}

BOOST_AUTO_TEST_CASE(dutch_and_english_markdown_match_the_golden_files) {
  const auto f = mei_2021();
  check_golden(kc::render_markdown(f, kc::language::nl), "render_mei_2021_nl.md");
  check_golden(kc::render_markdown(f, kc::language::en), "render_mei_2021_en.md");
}

// ---------------------------------------------------------------------------------------
// English

BOOST_AUTO_TEST_CASE(english_markdown_sentences) {
  const std::string md = kc::render_markdown(mei_2021(), kc::language::en);
  BOOST_TEST(md.rfind("## KEY FIGURES ASYLUM AND MIGRATION, MAY 2021\n", 0) == 0u);
  check_contains(md, "### Which influx figures does the ministry publish?\n");
  check_contains(md, "### Which countries do asylum seekers come from?\n");
  check_contains(md, "## Which countries do family members joining refugees come from?\n");
  check_contains(md, "## How many (rejected) foreign nationals leave again?\n");
  check_contains(md, "## How many criminal foreign nationals leave again?\n");
  for (const std::string s : {
           "In May 2021, 32% of first-time asylum applicants came from Syria.",
           "8% came from Turkey, 7% from Algeria, 6% from Morocco, 5% from Eritrea, 4% from Afghanistan and 4% had an "
           "unknown nationality.",
           "About 19% of first-time asylum applicants came from a [safe country of origin](#).",
           "(Source: fictional golden test data (not real), release 2021-06-15)",
           "Over the past twelve months (June 2020 to May 2021), 32% of first-time asylum applicants came from Syria, "
           "8% from Algeria, 7% from Turkey and 6% from Morocco.",
           "In May 2021, 60% of family members joining refugees came from Syria, 12% from Eritrea and 6% from Yemen.",
           "The remaining 23% had another or an unknown nationality.",
           "Over the past twelve months (May 2020 to April 2021), 50% of family members joining refugees came from "
           "Syria, 13% from Eritrea and 11% from Yemen.",
           "In 2021, about 7,690 foreign nationals who were not allowed to stay in the Netherlands left.",
           "The share of foreign nationals who left the Netherlands under government supervision is 51%.",
           "The share of foreign nationals who left on their own, without supervision, is 49%.",
           "In 2021, about 390 criminal foreign nationals left during or directly after their prison sentence.",
           "The share of criminal foreign nationals who left the Netherlands under government supervision is 70%.",
           "The share who left on their own, without supervision, is 30%.",
           "(Rounded: each percentage is rounded on its own, so the full breakdown for May 2021 adds up to 101%.)",
       }) {
    check_sentence(md, s);
  }
  check_contains(md, "(Source: fictional golden test data (not real), release 2021-06-15, rounded to tens)");
  check_lacks(md, "Bron");
  check_lacks(md, " kwam ");
}

// ---------------------------------------------------------------------------------------
// Decimals, windows and periods the data decide

BOOST_AUTO_TEST_CASE(decimals_use_the_decimal_comma_in_dutch) {
  auto f = mei_2021();
  f.first_month.decimals = 1;
  // 385, 97, 78, 71, 59, 50, 45 (unknown) and 415 (other) of 1200, to tenths, half up.
  const std::int64_t tenths[] = {321, 81, 65, 59, 49, 42, 38, 346};
  f.first_month.percent_sum = kc::rounded_decimal(0, 1);
  for (std::size_t i = 0; i < f.first_month.rows.size(); ++i) {
    f.first_month.rows[i].percent = kc::rounded_decimal(tenths[i], 1);
    f.first_month.percent_sum = kc::rounded_decimal(f.first_month.percent_sum.units() + tenths[i], 1);
  }
  BOOST_TEST_REQUIRE(f.first_month.percent_sum.units() == 1001);
  f.safe_month.decimals = 1;
  f.safe_month.percent = kc::rounded_decimal(188, 1);  // 225/1200 = 18.75%
  f.departures_all.decimals = 1;
  f.departures_all.supervised_percent = kc::rounded_decimal(510, 1);
  f.departures_all.unsupervised_percent = kc::rounded_decimal(490, 1);
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl, "In mei 2021 kwam 32,1% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.");
  check_sentence(nl,
                 "8,1% was afkomstig uit Turkije, 6,5% kwam uit Algerije, 5,9% kwam uit Marokko, 4,9% kwam uit "
                 "Eritrea, 4,2% kwam uit Afghanistan, 3,8% was Onbekend.");
  check_sentence(nl,
                 "(Afgerond: elk percentage is afzonderlijk afgerond, daardoor telt de hele verdeling van mei 2021 op "
                 "tot 100,1%.)");
  check_sentence(nl,
                 "Circa 18,8% van de asielzoekers die voor het eerst een aanvraag indienden kwam uit een "
                 "[veilig land van herkomst](#).");
  check_sentence(nl, "Het aantal vreemdelingen dat onder toezicht van de overheid Nederland heeft verlaten, is 51,0%.");
  const std::string en = kc::render_markdown(f, kc::language::en);
  check_sentence(en, "In May 2021, 32.1% of first-time asylum applicants came from Syria.");
  check_sentence(en,
                 "8.1% came from Turkey, 6.5% from Algeria, 5.9% from Morocco, 4.9% from Eritrea, 4.2% from "
                 "Afghanistan and 3.8% had an unknown nationality.");
  check_sentence(en, "About 18.8% of first-time asylum applicants came from a [safe country of origin](#).");
  check_sentence(en, "The share of foreign nationals who left the Netherlands under government supervision is 51.0%.");
}

BOOST_AUTO_TEST_CASE(window_length_and_departures_period_come_from_the_figures) {
  auto f = mei_2021();
  f.first_trailing.window = kc::trailing(kc::month(2021, 5), 6);
  f.family_reunification_trailing.window = kc::trailing(kc::month(2021, 5), 1);
  f.departures_all.window = kc::period_range<kc::month>(kc::month(2023, 1), kc::month(2023, 10));
  f.departures_criminal.window = kc::period_range<kc::month>(kc::month(2022, 6), kc::month(2023, 5));
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl,
                 "De afgelopen zes maanden (december 2020 t/m mei 2021) kwam 32% van de asielzoekers die voor het "
                 "eerst een aanvraag indienden uit Syrië, 8% kwam uit Algerije, 7% kwam uit Turkije en 6% kwam uit "
                 "Marokko.");
  check_sentence(nl,
                 "De afgelopen maand (mei 2021) kwam 50% van de nareizigers uit Syrië, 13% kwam uit Eritrea en 11% "
                 "kwam uit Jemen.");
  check_sentence(nl,
                 "In 2023 (t/m oktober) zijn ongeveer 7.690 vreemdelingen die niet in Nederland mochten blijven, "
                 "vertrokken.");
  check_sentence(nl,
                 "In de periode juni 2022 t/m mei 2023 zijn ongeveer 390 criminele vreemdelingen vertrokken tijdens "
                 "of aansluitend aan hun gevangenisstraf.");
  const std::string en = kc::render_markdown(f, kc::language::en);
  check_contains(en, "Over the past six months (December 2020 to May 2021), 32%");
  check_contains(en, "Over the past month (May 2021), 50%");
  check_sentence(en,
                 "In 2023 (through October), about 7,690 foreign nationals who were not allowed to stay in the "
                 "Netherlands left.");
  check_contains(en, "In the period June 2022 to May 2023, about 390 criminal foreign nationals");
}

BOOST_AUTO_TEST_CASE(unknown_as_its_own_row_for_nareizigers) {
  auto f = mei_2021();
  auto& n = f.family_reunification_month;
  n.unknown_row = kc::unknown_placement::own_row;
  n.rows = {named("SYR", 596, 1000, 60), named("ERI", 116, 1000, 12), named("YEM", 56, 1000, 6),
            unknown_row(50, 1000, 5), rest_row(kc::row_kind::other, 182, 1000, 18)};
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl, "5% had een onbekende nationaliteit.");
  check_sentence(nl, "De overige 18% van de nareizigers had een andere nationaliteit.");
  const std::string en = kc::render_markdown(f, kc::language::en);
  check_sentence(en, "5% had an unknown nationality.");
  check_sentence(en, "The remaining 18% had another nationality.");
}

// ---------------------------------------------------------------------------------------
// Partial and unavailable figures

kc::key_figures with_partial_first_applications() {
  auto f = mei_2021();
  // 768 of 1200 broken down by nationality: 432 unlisted (36%).
  auto& m = f.first_month;
  m.status = kc::figure_status::partial;
  m.reason =
      "the data break down 768 of 1200 first asylum applications by nationality; the ranking is among the "
      "listed nationalities";
  m.rows = {named("SYR", 385, 1200, 32), named("TUR", 97, 1200, 8),
            named("DZA", 78, 1200, 7),   named("MAR", 71, 1200, 6),
            named("ERI", 59, 1200, 5),   named("AFG", 50, 1200, 4),
            unknown_row(28, 1200, 2),    rest_row(kc::row_kind::unlisted, 432, 1200, 36)};
  m.percent_sum = kc::rounded_decimal(100, 0);
  m.sums_to_100 = true;
  m.listed = 768;
  auto& s = f.safe_month;
  s.status = kc::figure_status::unavailable;
  s.reason = "the breakdown by nationality is partial (432 of 1200 unlisted)";
  s.percent = kc::rounded_decimal(0, 0);
  s.safe_count = 0;
  s.lower_percent = kc::rounded_decimal(12, 0);
  s.upper_percent = kc::rounded_decimal(48, 0);
  return f;
}

BOOST_AUTO_TEST_CASE(partial_distribution_lists_shares_with_a_caveat) {
  const auto f = with_partial_first_applications();
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl, "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.");
  check_sentence(nl,
                 "8% was afkomstig uit Turkije, 7% kwam uit Algerije, 6% kwam uit Marokko, 5% kwam uit Eritrea, 4% "
                 "kwam uit Afghanistan, 2% was Onbekend.");
  check_sentence(nl,
                 "Deze cijfers bevatten alleen de nationaliteiten die in de gegevens staan: 36% van de asielzoekers "
                 "die voor het eerst een aanvraag indienden is niet naar nationaliteit uitgesplitst.");
  check_sentence(nl, "De volgorde geldt dus alleen voor de genoemde nationaliteiten.");
  check_sentence(nl,
                 "Het aandeel van de asielzoekers die voor het eerst een aanvraag indienden dat uit een [veilig land "
                 "van herkomst](#) kwam, is niet beschikbaar (reden: the breakdown by nationality is partial (432 of "
                 "1200 unlisted)).");
  check_sentence(nl, "Het ligt tussen 12% en 48%.");
  check_lacks(nl, "Circa");
  // The rest of the page still renders.
  check_sentence(nl, "In 2021 zijn ongeveer 7.690 vreemdelingen die niet in Nederland mochten blijven, vertrokken.");

  const std::string en = kc::render_markdown(f, kc::language::en);
  check_sentence(en,
                 "These figures cover only the nationalities in the data: 36% of first-time asylum applicants are "
                 "not broken down by nationality.");
  check_sentence(en, "The ranking therefore holds only among the nationalities listed.");
  check_sentence(en,
                 "The share of first-time asylum applicants who came from a [safe country of origin](#) is not "
                 "available (reason: the breakdown by nationality is partial (432 of 1200 unlisted)).");
  check_sentence(en, "It lies between 12% and 48%.");
}

BOOST_AUTO_TEST_CASE(unavailable_figures_say_so_and_why) {
  auto f = mei_2021();
  auto unavailable = [](kc::distribution_figure& d, std::string reason) {
    d.status = kc::figure_status::unavailable;
    d.reason = std::move(reason);
    d.total = 0;
    d.rows.clear();
    d.percent_sum = kc::rounded_decimal(0, 0);
    d.sums_to_100 = false;
    d.source = {};
  };
  unavailable(f.first_trailing, "no TOTAL for first applications in 2020-06.");
  unavailable(f.family_reunification_month, "no TOTAL for nareizigers in 2021-05");
  f.safe_month.status = kc::figure_status::unavailable;
  f.safe_month.reason = "the designation of ALB on 2021-05-31 is unknown";
  f.departures_criminal.status = kc::figure_status::unavailable;
  f.departures_criminal.reason = "no rows for group criminal in 2021";
  f.departures_criminal.source = {};

  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de asielzoekers die voor het eerst een aanvraag indienden over "
                 "de afgelopen twaalf maanden (juni 2020 t/m mei 2021) is niet beschikbaar (reden: no TOTAL for "
                 "first applications in 2020-06).");
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de nareizigers in mei 2021 is niet beschikbaar (reden: no TOTAL "
                 "for nareizigers in 2021-05).");
  check_sentence(nl,
                 "Het aandeel van de asielzoekers die voor het eerst een aanvraag indienden dat uit een [veilig land "
                 "van herkomst](#) kwam, is niet beschikbaar (reden: the designation of ALB on 2021-05-31 is "
                 "unknown).");
  check_lacks(nl, "Het ligt tussen");
  check_sentence(nl,
                 "Het aantal criminele vreemdelingen dat in 2021 is vertrokken tijdens of aansluitend aan hun "
                 "gevangenisstraf, is niet beschikbaar (reden: no rows for group criminal in 2021).");
  check_lacks(nl, "criminele vreemdelingen dat onder toezicht");
  // The criminal departures have no source left; the other departures keep theirs.
  check_contains(nl, "resterende straf alsnog uitzitten.\n");
  check_contains(nl,
                 "en de politie. (Bron: fictional golden test data (not real), release 2021-06-15, afgerond op "
                 "tientallen)\n");
  // No rounding note for an unavailable figure; the unavailable trailing window has no source line.
  check_lacks(nl, "juni 2020 t/m mei 2021 op tot");
  check_contains(nl, "(reden: no TOTAL for first applications in 2020-06).\n\n## Uit welke landen komen nareizigers?");
  // Everything else is still there.
  for (const auto& s :
       {std::string("In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden "
                    "uit Syrië."),
        std::string("De afgelopen twaalf maanden (mei 2020 t/m april 2021) kwam 50% van de nareizigers "
                    "uit Syrië, 13% kwam uit Eritrea en 11% kwam uit Jemen."),
        std::string("In 2021 zijn ongeveer 7.690 vreemdelingen die niet in Nederland mochten blijven, "
                    "vertrokken."),
        std::string("Sinds 2012 komen zij niet meer in aanmerking voor voorwaardelijke "
                    "invrijheidstelling.")}) {
    check_sentence(nl, s);
  }

  const std::string en = kc::render_markdown(f, kc::language::en);
  check_sentence(en,
                 "The breakdown by nationality of first-time asylum applicants over the past twelve months (June 2020 "
                 "to May 2021) is not available (reason: no TOTAL for first applications in 2020-06).");
  check_sentence(en,
                 "The number of criminal foreign nationals who left during or directly after their prison sentence in "
                 "2021 is not available (reason: no rows for group criminal in 2021).");

  // All departures unavailable too.
  f.departures_all.status = kc::figure_status::unavailable;
  f.departures_all.reason = "no rows for group all in 2021";
  const std::string nl2 = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl2,
                 "Het aantal vreemdelingen dat niet in Nederland mocht blijven en in 2021 is vertrokken, is niet "
                 "beschikbaar (reden: no rows for group all in 2021).");
  check_lacks(nl2, "onder toezicht van de overheid");
}

BOOST_AUTO_TEST_CASE(reasons_are_written_in_the_language_of_the_page) {
  // The problem code decides the words; the English details of `reason` stay out of the page.
  auto f = mei_2021();
  f.first_trailing.status = kc::figure_status::unavailable;
  f.first_trailing.problem = kc::figure_problem::missing_months;
  f.first_trailing.reason = "no TOTAL first_application count for 2020-07 (counts.csv)";
  f.first_trailing.rows.clear();
  f.family_reunification_month.status = kc::figure_status::unavailable;
  f.family_reunification_month.problem = kc::figure_problem::unsplittable_rows;
  f.family_reunification_month.reason = "the TOTAL family_reunification count for 2021-Q2 would have to be split";
  f.family_reunification_month.rows.clear();
  f.safe_month.status = kc::figure_status::unavailable;
  f.safe_month.problem = kc::figure_problem::incomplete_breakdown;
  f.safe_month.reason = "the data break down 535 of 955 first asylum applications";
  f.safe_month.lower_percent = kc::rounded_decimal(0, 0);
  f.safe_month.upper_percent = kc::rounded_decimal(44, 0);
  f.departures_criminal.status = kc::figure_status::unavailable;
  f.departures_criminal.problem = kc::figure_problem::missing_departures;
  f.departures_criminal.reason = "no departures of group criminal for 2021";

  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de asielzoekers die voor het eerst een aanvraag indienden over "
                 "de afgelopen twaalf maanden (juni 2020 t/m mei 2021) is niet beschikbaar (reden: de gegevens "
                 "hebben niet voor elke maand van de periode een totaal).");
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de nareizigers in mei 2021 is niet beschikbaar (reden: voor "
                 "een deel van de periode hebben de gegevens alleen totalen per kwartaal of jaar, die niet over de "
                 "maanden te verdelen zijn).");
  check_sentence(nl,
                 "Het aandeel van de asielzoekers die voor het eerst een aanvraag indienden dat uit een [veilig land "
                 "van herkomst](#) kwam, is niet beschikbaar (reden: de gegevens splitsen niet iedereen naar "
                 "nationaliteit uit).");
  check_sentence(nl, "Het ligt tussen 0% en 44%.");
  check_sentence(nl,
                 "Het aantal criminele vreemdelingen dat in 2021 is vertrokken tijdens of aansluitend aan hun "
                 "gevangenisstraf, is niet beschikbaar (reden: de gegevens bevatten niet alle vertrekcijfers voor "
                 "deze periode).");
  for (const char* english : {"no TOTAL", "family\\_reunification", "break down", "no departures", "counts.csv"}) {
    check_lacks(nl, english);
  }

  const std::string en = kc::render_markdown(f, kc::language::en);
  check_sentence(en,
                 "The breakdown by nationality of family members joining refugees in May 2021 is not "
                 "available (reason: for part of the period the data have only quarterly or yearly totals, which "
                 "cannot be divided over the months).");
  check_contains(en, "(reason: the data do not break everyone down by nationality).");

  const std::string html = kc::render_html(f, kc::language::nl);
  check_contains(html,
                 "<p class=\"unavailable\">Niet beschikbaar (reden: de gegevens hebben niet voor elke maand van "
                 "de periode een totaal).</p>");
  BOOST_TEST(html_problem(html) == "");

  // The JSON keeps both: the code and the details.
  const std::string json = kc::render_json(f);
  check_contains(json, "\"problem\": \"unsplittable-rows\",\n    \"reason\": \"the TOTAL family_reunification count");
}

BOOST_AUTO_TEST_CASE(every_problem_has_words_in_both_languages) {
  BOOST_CHECK(kc::all_figure_problems.front() == kc::figure_problem::none);
  for (std::size_t i = 1; i < kc::all_figure_problems.size(); ++i) {
    const auto p = kc::all_figure_problems[i];
    BOOST_TEST(static_cast<std::size_t>(p) == i);
    BOOST_TEST_CONTEXT(kc::to_string(p)) {
      BOOST_TEST(!kc::problem_text(p, kc::language::nl).empty());
      BOOST_TEST(!kc::problem_text(p, kc::language::en).empty());
      BOOST_TEST(kc::problem_text(p, kc::language::nl) != kc::problem_text(p, kc::language::en));
      BOOST_TEST(kc::to_string(p) != "?");
    }
  }
  BOOST_TEST(kc::problem_text(kc::figure_problem::none, kc::language::nl).empty());
  BOOST_TEST(kc::problem_text(kc::figure_problem::zero_total, kc::language::nl) == "het totaal is 0");
}

BOOST_AUTO_TEST_CASE(data_text_is_escaped_in_markdown) {
  auto f = mei_2021();
  f.first_trailing.status = kc::figure_status::unavailable;
  f.first_trailing.reason = "no TOTAL row for first_application in *2020-06*";
  f.first_trailing.rows.clear();
  f.departures_all.source.sources = {"DT&V [jaarcijfers]"};
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_contains(nl, "(reden: no TOTAL row for first\\_application in \\*2020-06\\*).");
  check_contains(nl, "(Bron: DT&V \\[jaarcijfers\\], release 2021-06-15, afgerond op tientallen)");
}

// ---------------------------------------------------------------------------------------
// HTML

BOOST_AUTO_TEST_CASE(html_is_a_standalone_well_formed_document) {
  const auto f = mei_2021();
  for (const auto lang : {kc::language::nl, kc::language::en}) {
    const std::string html = kc::render_html(f, lang);
    BOOST_TEST(html.rfind("<!DOCTYPE html>\n<html lang=\"" + std::string(kc::to_string(lang)) + "\">\n", 0) == 0u);
    check_contains(html, "<meta charset=\"utf-8\">");
    check_contains(html, "<style>");
    check_lacks(html, "http");
    check_lacks(html, "src=");
    check_lacks(html, "<link");
    check_lacks(html, "<script");
    BOOST_TEST(html_problem(html) == "");
  }
  const std::string nl = kc::render_html(f, kc::language::nl);
  check_contains(nl, "<title>Kerncijfers asiel en migratie, mei 2021</title>");
  check_contains(nl, "<h2>KERNCIJFERS ASIEL EN MIGRATIE, MEI 2021</h2>");
  check_contains(nl, "<h3>Uit welke landen komen asielzoekers?</h3>");
  check_contains(nl, "publiceert <em>wekelijks</em> de instroomcijfers, oftewel");
  check_contains(nl,
                 "<p>In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië. "
                 "8% was afkomstig uit Turkije,");
  check_contains(nl,
                 "kwam uit een veilig land van herkomst.<br>\n(Bron: fictional golden test data (not real), release "
                 "2021-06-15)</p>");
  check_contains(nl, "<p class=\"note\">(Afgerond: elk percentage is afzonderlijk afgerond");
  // Without figure markup each figure is a table of its data.
  check_contains(nl, "<figure id=\"fig-1-0\">\n<table>");
  check_contains(nl, "<tr><td>Syrië</td><td class=\"num\">385</td><td class=\"num\">32%</td></tr>");
  check_contains(nl, "<tr><td>Onbekend</td><td class=\"num\">45</td><td class=\"num\">4%</td></tr>");
  check_contains(nl, "<tr><td>Overig</td><td class=\"num\">415</td><td class=\"num\">35%</td></tr>");
  check_contains(nl, "<tfoot><tr><th scope=\"row\">Totaal</th><td class=\"num\">1.200</td><td class=\"num\">101%</td>");
  check_contains(nl, "<tr><td>Andere of onbekende nationaliteit</td><td class=\"num\">232</td>");
  check_contains(nl,
                 "<figcaption>Fig. 1.1 Eerste asielaanvragen naar nationaliteit, juni 2020 t/m mei 2021"
                 "</figcaption>");
  check_contains(nl, "<td class=\"num\">12.000</td>");
  const std::string en = kc::render_html(f, kc::language::en);
  check_contains(en, "<td class=\"num\">12,000</td>");
  check_contains(en,
                 "<figcaption>Fig. 1.2 Family members joining refugees (nareizigers) by nationality, May 2021"
                 "</figcaption>");
}

BOOST_AUTO_TEST_CASE(html_inserts_figure_markup_verbatim_and_escapes_text) {
  auto f = mei_2021();
  f.departures_all.source.sources = {"<script>alert('x')</script> & \"co\""};
  kc::html_options options;
  options.title = "Tom & Jerry's <page>";
  options.figures[1] =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
      "height=\"10\"/></svg>";
  const std::string html = kc::render_html(f, kc::language::nl, options);
  check_contains(html, "<title>Tom &amp; Jerry&#39;s &lt;page&gt;</title>");
  check_contains(html, "(Bron: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;, release");
  check_lacks(html, "<script>");
  check_contains(html, "<figure id=\"fig-1-1\">\n" + options.figures[1] + "\n<figcaption>Fig. 1.1 ");
  // Figures 1.0 and 1.2 keep their tables.
  check_contains(html, "<figure id=\"fig-1-0\">\n<table>");
  check_contains(html, "<figure id=\"fig-1-2\">\n<table>");
  BOOST_TEST(html_problem(html) == "");
}

BOOST_AUTO_TEST_CASE(html_renders_partial_and_unavailable_figures) {
  auto f = with_partial_first_applications();
  f.first_trailing.status = kc::figure_status::unavailable;
  f.first_trailing.reason = "gap in 2020-07 & 2020-08";
  f.first_trailing.rows.clear();
  const std::string html = kc::render_html(f, kc::language::nl);
  check_contains(html,
                 "<tr><td>Niet naar nationaliteit uitgesplitst</td><td class=\"num\">432</td><td "
                 "class=\"num\">36%</td></tr>");
  check_contains(html, "<p class=\"unavailable\">Niet beschikbaar (reden: gap in 2020-07 &amp; 2020-08).</p>");
  BOOST_TEST(html_problem(html) == "");
}

BOOST_AUTO_TEST_CASE(html_problem_checker_catches_errors) {
  // The checker itself must be able to fail.
  BOOST_TEST(html_problem("<!DOCTYPE html><p>a</p>") == "");
  BOOST_TEST(html_problem("<!DOCTYPE html><p>a") == "unclosed <p>");
  BOOST_TEST(html_problem("<!DOCTYPE html><p><em>a</p></em>") == "</p> closes <em>");
  BOOST_TEST(html_problem("<!DOCTYPE html><p>a & b</p>") != "");
  BOOST_TEST(html_problem("<!DOCTYPE html><p>a > b</p>") != "");
  BOOST_TEST(html_problem("<!DOCTYPE html><p>a < b</p>") != "");
  BOOST_TEST(html_problem("<p></p>") == "no doctype");
}

BOOST_AUTO_TEST_CASE(html_matches_the_golden_file) {
  check_golden(kc::render_html(mei_2021(), kc::language::nl), "render_mei_2021_nl.html");
}

// ---------------------------------------------------------------------------------------
// JSON

BOOST_AUTO_TEST_CASE(json_is_valid_and_has_every_figure) {
  const std::string json = kc::render_json(mei_2021());
  json_validator v(json);
  BOOST_TEST(v.valid(), "invalid JSON near position " << v.position());
  for (const std::string key :
       {"\"influx\"", "\"first_month\"", "\"first_trailing\"", "\"safe_month\"", "\"nareizigers_month\"",
        "\"nareizigers_trailing\"", "\"departures_all\"", "\"departures_criminal\"", "\"options\""}) {
    check_contains(json, "\n  " + key + ": {");
  }
  check_contains(json,
                 "\"iso\": \"2020-06/2021-05\",\n      \"first\": \"2020-06\",\n      \"last\": \"2021-05\",\n"
                 "      \"months\": 12,\n      \"label\": {\n        \"nl\": \"juni 2020 t/m mei 2021\",\n"
                 "        \"en\": \"June 2020 to May 2021\"\n      }");
  check_contains(json,
                 "\"kind\": \"nationality\",\n        \"label\": {\n          \"nl\": \"Syrië\",\n          "
                 "\"en\": \"Syria\"\n        },\n        \"nationality\": {\n          \"alpha3\": \"SYR\",");
  check_contains(json,
                 "\"count\": 385,\n        \"share\": {\n          \"part\": 385,\n          \"whole\": 1200\n"
                 "        },\n        \"percent\": 32,");
  check_contains(json, "\"kind\": \"other\",");
  check_contains(json, "\"nationality\": null,");
  check_contains(json,
                 "\"rounding\": \"published\",\n    \"decimals\": 0,\n    \"percent_sum\": 101,\n    "
                 "\"sums_to_100\": false,\n    \"rounding_note\": \"shares sum to 101, not 100: consistent with "
                 "independent rounding\",");
  check_contains(json,
                 "\"sources\": [\n        \"fictional golden test data (not real)\"\n      ],\n      "
                 "\"latest_release\": {\n        \"iso\": \"2021-06-15\",\n        \"precision\": \"day\",");
  check_contains(json,
                 "\"total\": 7686,\n    \"total_rounded\": 7690,\n    \"total_rounded_text\": {\n      \"nl\": "
                 "\"7.690\",\n      \"en\": \"7,690\"\n    },");
  check_contains(json, "\"period\": {\n      \"iso\": \"2021-01/2021-12\",");
  check_contains(json, "\"label\": {\n        \"nl\": \"2021\",\n        \"en\": \"2021\"\n      }");
  check_contains(json, "\"nareiziger_window_end\": \"2021-04\",");
  check_contains(json, "\"departures_period\": null,");
  check_contains(json, "\"total\": 2457,");
  check_contains(json, "\"safe_nationalities\": [\n      \"DZA\",\n      \"GEO\",");
  check_contains(json, "\"lower_percent\": null,");
  check_lacks(json, ".0,");  // integers only
  BOOST_TEST(json.back() == '\n');
}

BOOST_AUTO_TEST_CASE(json_escapes_hostile_text_and_keeps_partial_details) {
  auto f = with_partial_first_applications();
  f.first_month.problem = kc::figure_problem::incomplete_breakdown;
  f.first_month.reason = "line one\nline \"two\" \\ tab\there \x01";
  f.first_month.notes = {"2020-Q3 differs from its months"};
  f.first_month.unusable_nationalities = {kc::nationality::from_alpha3("IRQ")};
  f.influx.by_category[1].count.reset();
  f.influx.by_category[1].reason = "no TOTAL for repeat_application in 2021-05";
  f.influx.by_category[1].problem = kc::figure_problem::missing_months;
  f.influx.total.reset();
  f.departures_all.source.latest_release = kc::release();
  f.departures_all.source.sources = {"bad \xFF byte"};
  const std::string json = kc::render_json(f);
  json_validator v(json);
  BOOST_TEST(v.valid(), "invalid JSON near position " << v.position());
  check_contains(json,
                 "\"status\": \"partial\",\n    \"problem\": \"incomplete-breakdown\",\n    \"reason\": \"line "
                 "one\\nline \\\"two\\\" \\\\ tab\\there \\u0001\"");
  check_contains(json, "\"kind\": \"unlisted\",");
  check_contains(json, "\"unusable_nationalities\": [\n      \"IRQ\"\n    ],");
  check_contains(json, "\"notes\": [\n      \"2020-Q3 differs from its months\"\n    ],");
  check_contains(json, "\"lower_percent\": 12,\n    \"upper_percent\": 48,");
  check_contains(json,
                 "\"count\": null,\n        \"problem\": \"missing-months\",\n        \"reason\": \"no TOTAL for "
                 "repeat_application in 2021-05\"");
  check_contains(json, "\"total\": null,");
  check_contains(json, "\"iso\": null,\n        \"precision\": \"undated\",");
  check_contains(json, "\"bad \xEF\xBF\xBD byte\"");  // U+FFFD itself (figures_json.hpp)
}

BOOST_AUTO_TEST_CASE(json_validator_catches_errors) {
  BOOST_TEST(valid_json("{\"a\": [1, -2, true, null, \"x\\u00e9\"]}"));
  BOOST_TEST(!valid_json("{\"a\": 1,}"));
  BOOST_TEST(!valid_json("{\"a\" 1}"));
  BOOST_TEST(!valid_json("[1, 2"));
  BOOST_TEST(!valid_json("\"a\nb\""));
  BOOST_TEST(!valid_json("\"\\x\""));
  BOOST_TEST(!valid_json("01"));
  BOOST_TEST(!valid_json("\"\xFF\""));
  BOOST_TEST(!valid_json("{} {}"));
}

BOOST_AUTO_TEST_CASE(json_matches_the_golden_file) {
  check_golden(kc::render_json(mei_2021()), "render_mei_2021.json");
}

// ---------------------------------------------------------------------------------------
// The golden table through compute_key_figures: every Dutch sentence of the page.

BOOST_AUTO_TEST_CASE(computed_golden_table_renders_every_sentence_of_the_page) {
  const std::string dir = KERNCIJFERS_TEST_DATA_DIR;
  const auto counts = kc::read_counts_csv(std::filesystem::path(dir + "/golden_mei_2021_counts.csv"));
  const auto deps = kc::read_departures_csv(std::filesystem::path(dir + "/golden_mei_2021_departures.csv"));
  kc::key_figures_options options;
  options.family_reunification_window_end = kc::month(2021, 4);
  const auto figures = kc::compute_key_figures(counts, deps, kc::nl_safe_countries(), kc::month(2021, 5), options);
  const std::string md = kc::render_markdown(figures, kc::language::nl);
  const auto golden = lines_of(read_text(dir + "/golden_mei_2021_sentences_nl.txt"));
  BOOST_TEST_REQUIRE(golden.size() == 13u);
  const auto sentences = sentences_of(md);
  for (const auto& sentence : golden) {
    BOOST_TEST(has_sentence(sentences, sentence), "missing sentence: " << sentence << "\nin:\n" << md);
  }
  // And the golden sentences appear in the page's order.
  std::size_t at = 0;
  for (const auto& sentence : golden) {
    const std::size_t found = md.find(sentence, at);
    BOOST_TEST(found != std::string::npos, "out of order: " << sentence);
    if (found != std::string::npos) at = found + sentence.size();
  }
  const std::string html = kc::render_html(figures, kc::language::nl);
  BOOST_TEST(html_problem(html) == "");
  const std::string json = kc::render_json(figures);
  json_validator v(json);
  BOOST_TEST(v.valid(), "invalid JSON near position " << v.position());
  check_contains(md, "(Bron: fictional golden test data (not real), release 2021-06-15)");
  // The computed figures render exactly as the hand-built ones.
  check_golden(md, "render_mei_2021_nl.md");
}

// ---------------------------------------------------------------------------------------
// Overflow and contradicting data (issue 10, items 8, 9 and 11): the page renders, in both
// languages and every format, with the one figure unavailable and saying why; the JSON has
// null where a figure has no value.

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

const kc::period_range<kc::month> year_2021 = kc::subperiods<kc::month>(kc::year(2021));

kc::count_row count(kc::count_period p, std::optional<std::string_view> code, std::int64_t n,
                    kc::category cat = kc::category::first_application) {
  kc::count_row r;
  r.period = p;
  r.category = cat;
  if (code) r.nationality = kc::nationality::from_alpha3(*code);
  r.count = n;
  r.source = "test";
  return r;
}

void add_departures(std::vector<kc::departure_row>& rows, kc::departure_group group, std::int64_t independent,
                    std::int64_t forced, std::int64_t unsupervised) {
  const std::int64_t counts[] = {independent, forced, unsupervised};
  for (std::size_t i = 0; i < 3; ++i) {
    kc::departure_row r;
    r.period = year_2021;
    r.group = group;
    r.mode = kc::all_departure_modes[i];
    r.count = counts[i];
    r.source = "test";
    rows.push_back(r);
  }
}

kc::departures_table departures_table(std::int64_t all_independent, std::int64_t all_forced,
                                      std::int64_t all_unsupervised, std::int64_t criminal_independent,
                                      std::int64_t criminal_forced, std::int64_t criminal_unsupervised) {
  std::vector<kc::departure_row> rows;
  add_departures(rows, kc::departure_group::all, all_independent, all_forced, all_unsupervised);
  add_departures(rows, kc::departure_group::criminal, criminal_independent, criminal_forced, criminal_unsupervised);
  return kc::departures_table::from_rows(std::move(rows), "test");
}

const kc::counts_table& golden_counts() {
  static const kc::counts_table table = kc::read_counts_csv(
      std::filesystem::path(std::string(KERNCIJFERS_TEST_DATA_DIR) + "/golden_mei_2021_counts.csv"));
  return table;
}

kc::key_figures figures_of(const kc::counts_table& counts, const kc::departures_table& departures) {
  kc::key_figures_options options;
  options.family_reunification_window_end = kc::month(2021, 4);
  return kc::compute_key_figures(counts, departures, kc::nl_safe_countries(), kc::month(2021, 5), options);
}

// Every format in both languages: Markdown and HTML well formed and free of English
// diagnostics on the Dutch page, JSON valid. Returns the Dutch and English Markdown.
std::pair<std::string, std::string> render_all(const kc::key_figures& f) {
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  const std::string en = kc::render_markdown(f, kc::language::en);
  for (const char* english : {"does not fit", "exceed those of group", "integer overflow", "inconsistent"}) {
    check_lacks(nl, english);
    check_lacks(en, english);
  }
  for (const auto lang : {kc::language::nl, kc::language::en}) {
    const std::string html = kc::render_html(f, lang);
    BOOST_TEST(html_problem(html) == "");
  }
  const std::string json = kc::render_json(f);  // the validator reads it in place
  json_validator v(json);
  BOOST_TEST(v.valid(), "invalid JSON near position " << v.position());
  return {nl, en};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(overflow_and_contradictions)

BOOST_AUTO_TEST_CASE(influx_sum_overflow_page) {
  // A TOTAL of 9223372036854775807 first applications plus 1 repeat application.
  const auto counts = kc::counts_table::from_rows(
      {count(kc::month(2021, 5), std::nullopt, int64_max), count(kc::month(2021, 5), "SYR", int64_max),
       count(kc::month(2021, 5), std::nullopt, 1, kc::category::repeat_application),
       count(kc::month(2021, 5), std::nullopt, 0, kc::category::family_reunification),
       count(kc::month(2021, 5), std::nullopt, 0, kc::category::relocation),
       count(kc::month(2021, 5), std::nullopt, 0, kc::category::resettlement)},
      "test");
  const auto f = figures_of(counts, departures_table(20, 30, 50, 2, 3, 5));
  const auto [nl, en] = render_all(f);
  check_sentence(nl, "In mei 2021 kwam 100% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.");
  check_contains(nl, "In 2021 zijn ongeveer 100 vreemdelingen die niet in Nederland mochten blijven, vertrokken.");
  check_contains(en,
                 "In 2021, about 10 criminal foreign nationals left during or directly after their prison sentence.");
  const std::string json = kc::render_json(f);
  check_contains(json, "\"count\": 9223372036854775807,");
  check_contains(json,
                 "\"total\": null,\n    \"total_problem\": \"overflow\",\n    \"total_reason\": \"the sum over "
                 "the categories for 2021-05 does not fit in 64 bits: integer overflow: 9223372036854775807 + 1 "
                 "does not fit in int64\",");
}

BOOST_AUTO_TEST_CASE(nationality_sum_overflow_page) {
  const auto counts =
      kc::counts_table::from_rows({count(kc::month(2021, 5), std::nullopt, 100),
                                   count(kc::month(2021, 5), "SYR", int64_max), count(kc::month(2021, 5), "ERI", 1)},
                                  "test");
  const auto f = figures_of(counts, departures_table(20, 30, 50, 2, 3, 5));
  const auto [nl, en] = render_all(f);
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de asielzoekers die voor het eerst een aanvraag indienden in mei "
                 "2021 is niet beschikbaar (reden: de aantallen zijn te groot om op te tellen).");
  check_sentence(nl,
                 "Het aandeel van de asielzoekers die voor het eerst een aanvraag indienden dat uit een [veilig land "
                 "van herkomst](#) kwam, is niet beschikbaar (reden: de aantallen zijn te groot om op te tellen).");
  check_sentence(en,
                 "The breakdown by nationality of first-time asylum applicants in May 2021 is not available (reason: "
                 "the counts are too large to add up).");
  check_contains(nl, "In 2021 zijn ongeveer 100 vreemdelingen die niet in Nederland mochten blijven, vertrokken.");
  check_contains(kc::render_html(f, kc::language::nl),
                 "<p class=\"unavailable\">Niet beschikbaar (reden: de aantallen zijn te groot om op te tellen).</p>");
  check_contains(kc::render_html(f, kc::language::en),
                 "<p class=\"unavailable\">Not available (reason: the counts are too large to add up).</p>");
  const std::string json = kc::render_json(f);
  check_contains(json,
                 "\"status\": \"unavailable\",\n    \"problem\": \"overflow\",\n    \"reason\": \"the listed "
                 "nationalities of first asylum applications for 2021-05 do not sum in 64 bits: integer overflow: "
                 "1 + 9223372036854775807 does not fit in int64\",\n    \"total\": null,\n    \"top_n\": 6,");
  check_contains(json,
                 "\"rows\": [],\n    \"rounding\": \"published\",\n    \"decimals\": 0,\n    \"percent_sum\": null,"
                 "\n    \"sums_to_100\": null,\n    \"rounding_note\": \"\",\n    \"listed\": null,");
  check_contains(json,
                 "\"total\": null,\n    \"safe_count\": null,\n    \"percent\": null,\n    \"percent_text\": null,");
}

BOOST_AUTO_TEST_CASE(departures_rounded_to_tens_overflow_page) {
  const auto f = figures_of(golden_counts(), departures_table(int64_max, 0, 0, 5, 0, 0));
  const auto [nl, en] = render_all(f);
  check_sentence(nl,
                 "Het aantal vreemdelingen dat niet in Nederland mocht blijven en in 2021 is vertrokken, is niet "
                 "beschikbaar (reden: de aantallen zijn te groot om op te tellen).");
  check_sentence(en,
                 "The number of foreign nationals who were not allowed to stay in the Netherlands and left in 2021 is "
                 "not available (reason: the counts are too large to add up).");
  check_contains(nl,
                 "In 2021 zijn ongeveer 10 criminele vreemdelingen vertrokken tijdens of aansluitend aan hun "
                 "gevangenisstraf.");
  check_sentence(nl, "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.");
  check_lacks(nl, "9.223.372");
  check_lacks(en, "9,223,372");
}

BOOST_AUTO_TEST_CASE(criminal_departures_above_all_page) {
  // all = 3, criminal = 300: neither "about 0" nor "about 300" is printed as a fact.
  const auto f = figures_of(golden_counts(), departures_table(1, 1, 1, 100, 100, 100));
  const auto [nl, en] = render_all(f);
  check_sentence(nl,
                 "Het aantal vreemdelingen dat niet in Nederland mocht blijven en in 2021 is vertrokken, is niet "
                 "beschikbaar (reden: de vertrekcijfers spreken elkaar tegen: criminele vreemdelingen zijn een deel "
                 "van alle vreemdelingen, maar de gegevens geven hun meer vertrekken).");
  check_sentence(nl,
                 "Het aantal criminele vreemdelingen dat in 2021 is vertrokken tijdens of aansluitend aan hun "
                 "gevangenisstraf, is niet beschikbaar (reden: de vertrekcijfers spreken elkaar tegen: criminele "
                 "vreemdelingen zijn een deel van alle vreemdelingen, maar de gegevens geven hun meer vertrekken).");
  check_sentence(en,
                 "The number of foreign nationals who were not allowed to stay in the Netherlands and left in 2021 is "
                 "not available (reason: the departure figures contradict each other: criminal foreign nationals are "
                 "a part of all foreign nationals, but the data give them more departures).");
  check_sentence(en,
                 "The number of criminal foreign nationals who left during or directly after their prison sentence in "
                 "2021 is not available (reason: the departure figures contradict each other: criminal foreign "
                 "nationals are a part of all foreign nationals, but the data give them more departures).");
  for (const char* fact :
       {"ongeveer 0", "ongeveer 300", "onder toezicht van de overheid Nederland heeft verlaten, is"}) {
    check_lacks(nl, fact);
  }
  check_lacks(en, "about 300");
  // The rest of the page stands.
  check_sentence(nl, "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië.");

  const std::string json = kc::render_json(f);
  const std::string reason =
      "the departures of group criminal for 2021 exceed those of group all, of which they are a part (criminal > all: "
      "independent 100 > 1, forced 100 > 1, unsupervised 100 > 1, supervised 200 > 2, total 300 > 3): the data are "
      "inconsistent";
  const std::string nulls =
      "\",\n    \"total\": null,\n    \"total_rounded\": null,\n    \"total_rounded_text\": null,\n    \"supervised\": "
      "null,\n    \"unsupervised\": null,\n    \"supervised_percent\": null,\n    \"unsupervised_percent\": null,\n    "
      "\"rounding\": \"published\",\n    \"decimals\": 0,\n    \"percent_sum\": null,\n    \"sums_to_100\": null,";
  const std::string expected =
      "\"status\": \"unavailable\",\n    \"problem\": \"inconsistent-departures\",\n    "
      "\"reason\": \"" +
      reason + nulls;
  const std::size_t first = json.find(expected);
  BOOST_TEST(first != std::string::npos, "missing: " << expected);
  BOOST_TEST(json.find(expected, first + 1) != std::string::npos, "only one departures figure is inconsistent");
}

BOOST_AUTO_TEST_CASE(nationalities_above_the_total_page) {
  auto rows = std::vector<kc::count_row>(golden_counts().rows().begin(), golden_counts().rows().end());
  // 400 more Syrians in May 2021 than the TOTAL of 1200 allows.
  for (auto& r : rows) {
    if (r.category == kc::category::first_application && r.nationality == kc::nationality::from_alpha3("SYR") &&
        r.period == kc::count_period(kc::month(2021, 5))) {
      r.count += 400;
    }
  }
  const auto f = figures_of(kc::counts_table::from_rows(rows, "test"), departures_table(20, 30, 50, 2, 3, 5));
  BOOST_TEST(kc::to_string(f.first_month.problem) == "inconsistent-data");
  BOOST_TEST(kc::to_string(f.first_trailing.problem) == "inconsistent-data");
  BOOST_TEST(f.first_trailing.reason ==
             "in 2021-05 the nationalities sum to 1600, more than the TOTAL of 1200 first asylum applications for "
             "2021-05: the data are inconsistent");
  const auto [nl, en] = render_all(f);
  check_sentence(nl,
                 "De verdeling naar nationaliteit van de asielzoekers die voor het eerst een aanvraag indienden in mei "
                 "2021 is niet beschikbaar (reden: de gegevens spreken elkaar tegen: de aantallen per nationaliteit "
                 "tellen op tot meer dan het totaal).");
  check_sentence(en,
                 "The breakdown by nationality of first-time asylum applicants over the past twelve months (June 2020 "
                 "to May 2021) is not available (reason: the data contradict each other: the counts by nationality "
                 "add up to more than the total).");
  check_contains(kc::render_html(f, kc::language::nl),
                 "<p class=\"unavailable\">Niet beschikbaar (reden: de gegevens spreken elkaar tegen: de aantallen per "
                 "nationaliteit tellen op tot meer dan het totaal).</p>");
  // The nareizigers are consistent and stay on the page.
  check_sentence(nl, "In mei 2021 kwam 60% van de nareizigers uit Syrië, 12% kwam uit Eritrea en 6% kwam uit Jemen.");
  const std::string json = kc::render_json(f);
  check_contains(json,
                 "\"problem\": \"inconsistent-data\",\n        \"reason\": \"the listed nationalities sum to 1600, "
                 "more than the TOTAL of 1200 first asylum applications for 2021-05: the data are inconsistent\"");
  check_contains(json, "\"total\": null,\n    \"total_problem\": \"inconsistent-data\",");
}

BOOST_AUTO_TEST_CASE(json_nulls_follow_the_status_not_the_stored_zeros) {
  // The safe share with bounds keeps its TOTAL (the bounds are shares of it); every other
  // value of an unavailable figure is null, and an exact figure's zeros stay zeros.
  auto f = mei_2021();
  f.safe_month.status = kc::figure_status::unavailable;
  f.safe_month.problem = kc::figure_problem::incomplete_breakdown;
  f.safe_month.percent = kc::rounded_decimal(0, 0);
  f.safe_month.safe_count = 0;
  f.safe_month.lower_percent = kc::rounded_decimal(10, 0);
  f.safe_month.upper_percent = kc::rounded_decimal(30, 0);
  const std::string json = kc::render_json(f);
  check_contains(json,
                 "\"total\": 1200,\n    \"safe_count\": null,\n    \"percent\": null,\n    \"percent_text\": null,"
                 "\n    \"decimals\": 0,\n    \"lower_percent\": 10,\n    \"upper_percent\": 30,");
  f.safe_month.lower_percent.reset();
  f.safe_month.upper_percent.reset();
  check_contains(kc::render_json(f), "\"total\": null,\n    \"safe_count\": null,");

  auto g = mei_2021();
  g.safe_month.percent = kc::rounded_decimal(0, 0);
  g.safe_month.safe_count = 0;
  check_contains(kc::render_json(g), "\"safe_count\": 0,\n    \"percent\": 0,\n    \"percent_text\": {");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// Pages of other units and reporting countries; provisional and rounded counts

namespace {

kc::count_row eurostat_row(kc::count_period p, std::optional<std::string_view> code, std::int64_t count) {
  kc::count_row r;
  r.period = p;
  r.category = kc::category::first_application;
  if (code) r.nationality = kc::nationality::from_alpha3(*code);
  r.count = count;
  r.source = "Eurostat migr_asyappctza";
  return r;
}

// NL first-time applicants in Eurostat's annual data: the real TOTALs of 2019-2021 and
// Syria's counts; of 2021 also Afghanistan and the unknown nationality (real), and the rest of
// 2021 put on one code (Turkey, 12,530: not real) so that the breakdown is complete.
kc::key_figures year_page(std::string country = {}) {
  const kc::counts_table t = kc::counts_table::from_rows({
      eurostat_row(kc::year(2019), std::nullopt, 22540),
      eurostat_row(kc::year(2019), "SYR", 3675),
      eurostat_row(kc::year(2020), std::nullopt, 13720),
      eurostat_row(kc::year(2020), "SYR", 4070),
      eurostat_row(kc::year(2021), std::nullopt, 24755),
      eurostat_row(kc::year(2021), "SYR", 8385),
      eurostat_row(kc::year(2021), "AFG", 3010),
      eurostat_row(kc::year(2021), "XXX", 830),
      eurostat_row(kc::year(2021), "TUR", 12530),
  });
  kc::key_figures_options o;
  o.trailing = 3;
  o.reporting_country = std::move(country);
  return kc::compute_key_figures(t, kc::departures_table{}, kc::nl_safe_countries(), kc::year(2021), o);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(other_units_and_countries)

BOOST_AUTO_TEST_CASE(a_year_page_names_years) {
  const auto k = year_page();
  const std::string nl = kc::render_markdown(k, kc::language::nl);
  check_contains(nl, "## KERNCIJFERS ASIEL EN MIGRATIE, 2021\n");
  check_contains(nl,
                 "In 2021 kwam 51% van de asielzoekers die voor het eerst een aanvraag indienden uit Turkije. 34% "
                 "was afkomstig uit Syrië, 12% kwam uit Afghanistan, 3% was Onbekend.");
  check_contains(nl,
                 "De afgelopen drie jaar (2019 t/m 2021) kwam 26% van de asielzoekers die voor het eerst een "
                 "aanvraag indienden uit Syrië.");
  check_contains(nl,
                 "De verdeling naar nationaliteit van de nareizigers in 2021 is niet beschikbaar (reden: niet in "
                 "deze bron).");
  check_contains(nl,
                 "De verdeling naar nationaliteit van de nareizigers over de afgelopen drie jaar (2019 t/m 2021) "
                 "is niet beschikbaar (reden: niet in deze bron).");
  const std::string en = kc::render_markdown(k, kc::language::en);
  check_contains(en, "Over the past three years (2019 to 2021), 26% of first-time asylum applicants came from Syria.");
  check_contains(en, "(reason: not in this source)");
  BOOST_TEST(kc::figure_title(k, 0, kc::language::nl) == "Eerste asielaanvragen naar nationaliteit, 2021");
  BOOST_TEST(kc::figure_title(k, 1, kc::language::en) == "First asylum applications by nationality, 2019 to 2021");
  check_contains(kc::render_html(k, kc::language::nl), "<title>Kerncijfers asiel en migratie, 2021</title>");
}

BOOST_AUTO_TEST_CASE(windows_in_words_by_unit) {
  using kc::page_unit;
  const auto y = kc::subperiods<kc::month>(kc::year(2021));
  BOOST_TEST(kc::window_label(y, page_unit::year, kc::language::nl) == "2021");
  BOOST_TEST(kc::window_label(y, page_unit::month, kc::language::nl) == "januari 2021 t/m december 2021");
  const kc::period_range<kc::month> q(kc::month(2020, 7), kc::month(2021, 6));
  BOOST_TEST(kc::window_label(q, page_unit::quarter, kc::language::nl) == "3e kwartaal 2020 t/m 2e kwartaal 2021");
  BOOST_TEST(kc::window_label(q, page_unit::quarter, kc::language::en) == "Q3 2020 to Q2 2021");
  BOOST_TEST(kc::window_periods(q, page_unit::quarter) == 4u);
  // Not whole years: the months say what is covered.
  BOOST_TEST(kc::window_label(q, page_unit::year, kc::language::en) == "July 2020 to June 2021");
  BOOST_TEST(kc::window_periods(q, page_unit::year) == 12u);
  namespace r = kc::detail::rendering;
  BOOST_TEST(r::trailing_phrase(q, page_unit::quarter, kc::language::nl) ==
             "de afgelopen vier kwartalen (3e kwartaal 2020 t/m 2e kwartaal 2021)");
  BOOST_TEST(r::trailing_lead(y, page_unit::year, kc::language::nl) == "Het afgelopen jaar (2021)");
  BOOST_TEST(r::trailing_lead(y, page_unit::year, kc::language::en) == "Over the past year (2021)");
  BOOST_TEST(r::trailing_phrase(q, page_unit::year, kc::language::en) ==
             "the past twelve months (July 2020 to June 2021)");
}

BOOST_AUTO_TEST_CASE(another_country_is_named_and_its_page_leaves_out_dutch_policy) {
  const auto k = year_page("DE");
  const std::string nl = kc::render_markdown(k, kc::language::nl);
  check_contains(nl, "## KERNCIJFERS ASIEL EN MIGRATIE, DUITSLAND, 2021\n");
  check_contains(nl,
                 "In Duitsland kwam in 2021 51% van de asielzoekers die voor het eerst een aanvraag indienden uit "
                 "Turkije. 34% was afkomstig uit Syrië");
  check_contains(nl,
                 "In Duitsland kwam de afgelopen drie jaar (2019 t/m 2021) 26% van de asielzoekers die voor het "
                 "eerst een aanvraag indienden uit Syrië.");
  check_contains(nl, "De cijfers op deze pagina gaan over asielaanvragen in Duitsland, zoals Eurostat ze publiceert.");
  check_contains(nl,
                 "Het aandeel asielzoekers uit veilige landen van herkomst en de vertrekcijfers zijn Nederlandse "
                 "cijfers; voor Duitsland zijn ze niet opgegeven en staan ze niet op deze pagina.");
  BOOST_TEST(nl.find("veilig land van herkomst](#)") == std::string::npos);
  BOOST_TEST(nl.find("vreemdelingen vertrekken") == std::string::npos);
  BOOST_TEST(nl.find("Ministerie van Justitie") == std::string::npos);
  const std::string en = kc::render_markdown(k, kc::language::en);
  check_contains(en, "In 2021, 51% of first-time asylum applicants in Germany came from Turkey.");
  check_contains(en,
                 "Over the past three years (2019 to 2021), 26% of first-time asylum applicants in Germany came "
                 "from Syria.");
  const std::string json = kc::render_json(k);
  check_contains(json, "\"reporting_country\": {\n    \"nl\": \"Duitsland\",\n    \"en\": \"Germany\"\n  }");
  check_contains(json, "\"reporting_country\": \"DE\"");
  check_contains(json, "\"problem\": \"not-for-country\"");
  BOOST_TEST(kc::reporting_country_name("EL", kc::language::nl) == "Griekenland");
  BOOST_TEST(kc::reporting_country_name("", kc::language::en) == "Netherlands");
}

BOOST_AUTO_TEST_CASE(provisional_and_rounded_counts_are_stated_on_the_page_and_in_json) {
  auto k = year_page();
  const std::string plain_json = kc::render_json(k);
  BOOST_TEST(plain_json.find("\"provisional\"") == std::string::npos);
  BOOST_TEST(plain_json.find("\"source_multiple\"") == std::string::npos);
  BOOST_TEST(kc::render_markdown(k, kc::language::nl).find("Voorlopige") == std::string::npos);
  k.first_month.flags = "p";
  k.first_month.source_multiple = 5;
  k.first_trailing.flags = "e";
  const std::string nl = kc::render_markdown(k, kc::language::nl);
  check_contains(nl,
                 "(Bron: Eurostat migr\\_asyappctza, ongedateerd)\n\n(Voorlopige cijfers: de bron kan deze aantallen "
                 "nog herzien.) (Door Eurostat afgerond op 5.)\n");
  check_contains(nl, "(Geschatte cijfers: de bron heeft een deel van deze aantallen geschat.)");
  const std::string en = kc::render_markdown(k, kc::language::en);
  check_contains(en,
                 "(Provisional figures: the source may still revise these counts.) (Rounded to multiples of 5 by "
                 "Eurostat.)");
  check_contains(en, "(Estimated figures: the source estimated some of these counts.)");
  const std::string json = kc::render_json(k);
  check_contains(
      json, "\"flags\": \"p\",\n    \"provisional\": true,\n    \"source_multiple\": 5\n  },\n  \"first_trailing\"");
  check_contains(json, "\"flags\": \"e\",\n    \"estimated\": true\n  }");
  check_contains(json, "\"unit\": \"year\"");
  check_contains(json,
                 "\"label\": {\n        \"nl\": \"2019 t/m 2021\",\n        \"en\": \"2019 to 2021\"\n      },\n      "
                 "\"unit\": \"year\",\n      \"periods\": 3");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// The week page: the weekly influx as text

BOOST_AUTO_TEST_SUITE(week_page)

namespace {

// One category's weekly TOTALs, 2021-W07 to 2021-W19: `base` plus the week's number.
std::string week_rows(std::string_view category, std::int64_t base, std::string_view source = "weekly test data") {
  std::string csv;
  for (unsigned w = 7; w <= 19; ++w) {
    csv += "2021-W" + std::string(w < 10 ? "0" : "") + std::to_string(w) + "," + std::string(category) + ",TOTAL," +
           std::to_string(base + w) + "," + std::string(source) + ",2021-05-20\n";
  }
  return csv;
}

kc::counts_table week_table(const std::string& rows) {
  std::istringstream in("period,category,nationality,count,source,release\n" + rows);
  return kc::read_counts_csv(in, "weekly.csv");
}

// Every category, every week: week 19 of first applications is 259, its 4 weeks 1030, its
// 13 weeks 3289.
kc::weekly_influx_figure exact_week() {
  return kc::weekly_influx(
      week_table(week_rows("first_application", 240) + week_rows("repeat_application", 20) +
                 week_rows("family_reunification", 80) + week_rows("relocation", -6) + week_rows("resettlement", 10)),
      kc::iso_week(2021, 19));
}

// Repeat applications only as a month row, resettlement not at all.
kc::weekly_influx_figure partial_week() {
  return kc::weekly_influx(week_table(week_rows("first_application", 240) +
                                      "2021-05,repeat_application,TOTAL,170,weekly test data,2021-06-01\n" +
                                      week_rows("family_reunification", 80) + week_rows("relocation", -6)),
                           kc::iso_week(2021, 19));
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_exact_week_in_dutch_markdown) {
  BOOST_TEST(kc::render_markdown(exact_week(), kc::language::nl) ==
             "## Instroom week 19 van 2021 (10 t/m 16 mei 2021)\n"
             "\n"
             "In week 19 waren er 259 asielzoekers die voor het eerst een aanvraag indienden; in de 4 weken tot en met "
             "week 19 waren het er 1.030 en in de 13 weken tot en met week 19 waren het er 3.289.\n"
             "\n"
             "In week 19 waren er 39 asielzoekers die een herhaalde aanvraag indienden; in de 4 weken tot en met week "
             "19 waren het er 150 en in de 13 weken tot en met week 19 waren het er 429.\n"
             "\n"
             "In week 19 waren er 99 nareizigers; in de 4 weken tot en met week 19 waren het er 390 en in de 13 weken "
             "tot en met week 19 waren het er 1.209.\n"
             "\n"
             "In week 19 waren er 13 herplaatste asielzoekers; in de 4 weken tot en met week 19 waren het er 46 en in "
             "de 13 weken tot en met week 19 waren het er 91.\n"
             "\n"
             "In week 19 waren er 29 hervestigde vluchtelingen; in de 4 weken tot en met week 19 waren het er 110 en "
             "in de 13 weken tot en met week 19 waren het er 299.\n"
             "\n"
             "(Bron: weekly test data, release 2021-05-20)\n");
}

BOOST_AUTO_TEST_CASE(an_exact_week_in_english_markdown) {
  const std::string en = kc::render_markdown(exact_week(), kc::language::en);
  BOOST_TEST(en.substr(0, en.find("\n\nIn week 19 there were 39")) ==
             "## Influx week 19 of 2021 (10–16 May 2021)\n"
             "\n"
             "In week 19 there were 259 first-time asylum applicants; in the 4 weeks up to and including week 19 there "
             "were 1,030 and in the 13 weeks up to and including week 19 there were 3,289.");
  BOOST_TEST(
      en.ends_with("In week 19 there were 99 family members joining refugees; in the 4 weeks up to and "
                   "including week 19 there were 390 and in the 13 weeks up to and including week 19 there "
                   "were 1,209.\n\nIn week 19 there were 13 relocated asylum seekers; in the 4 weeks up to and "
                   "including week 19 there were 46 and in the 13 weeks up to and including week 19 there were "
                   "91.\n\nIn week 19 there were 29 resettled refugees; in the 4 weeks up to and including week "
                   "19 there were 110 and in the 13 weeks up to and including week 19 there were 299.\n\n"
                   "(Source: weekly test data, release 2021-05-20)\n"));
}

BOOST_AUTO_TEST_CASE(a_partial_week_says_why_a_count_is_missing) {
  const kc::weekly_influx_figure f = partial_week();
  BOOST_TEST(kc::to_string(f.status) == "partial");
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_contains(nl,
                 "\n\nHet aantal asielzoekers die een herhaalde aanvraag indienden in week 19 is niet beschikbaar "
                 "(reden: voor een deel van de periode hebben de gegevens alleen totalen per maand, kwartaal of jaar, "
                 "die niet over de weken te verdelen zijn); voor de 4 weken tot en met week 19 is het aantal niet "
                 "beschikbaar (reden: de gegevens hebben niet voor elke week van de periode een totaal) en voor de 13 "
                 "weken tot en met week 19 is het aantal niet beschikbaar (reden: de gegevens hebben niet voor elke "
                 "week van de periode een totaal).\n\n");
  check_contains(
      nl,
      "\n\nHet aantal hervestigde vluchtelingen in week 19 en in de 4 en 13 weken tot en met week 19 is niet "
      "beschikbaar (reden: niet in deze bron).\n\n");  // the data have no resettlement row at all
  // The month row is never split: no count of repeat applications is written.
  BOOST_TEST(nl.find("170") == std::string::npos);
  BOOST_TEST(nl.find(" 0 ") == std::string::npos);
  check_contains(nl, "In week 19 waren er 259 asielzoekers die voor het eerst een aanvraag indienden;");
  const std::string en = kc::render_markdown(f, kc::language::en);
  check_contains(en,
                 "\n\nThe number of repeat asylum applicants in week 19 is not available (reason: for part of the "
                 "period the data have only monthly, quarterly or yearly totals, which cannot be divided over the "
                 "weeks); for the 4 weeks up to and including week 19 the number is not available (reason: the data "
                 "do not have a total for every week of the period) and for the 13 weeks up to and including week 19 "
                 "the number is not available (reason: the data do not have a total for every week of the period).");
  check_contains(
      en,
      "\n\nThe number of resettled refugees in week 19 and in the 4 and 13 weeks up to and including week 19 "
      "is not available (reason: not in this source).\n\n");
}

BOOST_AUTO_TEST_CASE(one_missing_count_among_others_and_a_hand_made_reason) {
  kc::weekly_influx_figure f = exact_week();
  f.by_category[0].trailing_13.count.reset();
  f.by_category[0].trailing_13.reason = "no data before 2021-W10.";
  f.by_category.resize(1);
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  check_contains(nl,
                 "In week 19 waren er 259 asielzoekers die voor het eerst een aanvraag indienden; in de 4 weken tot en "
                 "met week 19 waren het er 1.030 en voor de 13 weken tot en met week 19 is het aantal niet beschikbaar "
                 "(reden: no data before 2021-W10).\n");
}

BOOST_AUTO_TEST_CASE(weeks_across_months_and_years_name_their_days) {
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2021, 19), kc::language::nl) == "10 t/m 16 mei 2021");
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2021, 19), kc::language::en) == "10–16 May 2021");
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2021, 26), kc::language::nl) == "28 juni t/m 4 juli 2021");
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2021, 26), kc::language::en) == "28 June – 4 July 2021");
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2020, 53), kc::language::nl) == "28 december 2020 t/m 3 januari 2021");
  BOOST_TEST(kc::week_dates_label(kc::iso_week(2020, 53), kc::language::en) == "28 December 2020 – 3 January 2021");
  BOOST_TEST(kc::week_title(kc::iso_week(2020, 53), kc::language::nl) ==
             "Instroom week 53 van 2020 (28 december 2020 t/m 3 januari 2021)");
  BOOST_TEST(kc::week_title(kc::iso_week(2021, 1), kc::language::en) == "Influx week 1 of 2021 (4–10 January 2021)");
}

BOOST_AUTO_TEST_CASE(flags_and_source_rounding_are_noted_as_on_the_month_page) {
  kc::weekly_influx_figure f = exact_week();
  f.flags = "ep";
  f.source_multiple = 5;
  f.source = kc::figure_source{{"Eurostat migr_asyappctzw"}, kc::release{}};
  const std::string nl = kc::render_markdown(f, kc::language::nl);
  BOOST_TEST(
      nl.ends_with("waren het er 299.\n\n(Voorlopige cijfers: de bron kan deze aantallen nog herzien.) "
                   "(Geschatte cijfers: de bron heeft een deel van deze aantallen geschat.) (Door Eurostat "
                   "afgerond op 5.)\n\n(Bron: Eurostat migr\\_asyappctzw, ongedateerd)\n"));
}

BOOST_AUTO_TEST_CASE(the_week_page_in_html_is_escaped) {
  kc::weekly_influx_figure f = exact_week();
  f.source = kc::figure_source{{"A&B <weekly>"}, kc::release::from_date(2021, 5, 20)};
  const std::string html = kc::render_html(f, kc::language::nl);
  BOOST_TEST(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">\n"));
  check_contains(html, "<title>Instroom week 19 van 2021 (10 t/m 16 mei 2021)</title>");
  check_contains(
      html,
      "<main>\n<h2>Instroom week 19 van 2021 (10 t/m 16 mei 2021)</h2>\n<p>In week 19 waren er 259 "
      "asielzoekers die voor het eerst een aanvraag indienden; in de 4 weken tot en met week 19 waren het er "
      "1.030 en in de 13 weken tot en met week 19 waren het er 3.289.</p>\n");
  check_contains(html, "<p>(Bron: A&amp;B &lt;weekly&gt;, release 2021-05-20)</p>\n</main>\n");
  BOOST_TEST(html.find("<weekly>") == std::string::npos);
  kc::html_options options;
  options.title = "Week <19> & co";
  const std::string titled = kc::render_html(f, kc::language::en, options);
  check_contains(titled, "<html lang=\"en\">");
  check_contains(titled, "<title>Week &lt;19&gt; &amp; co</title>");
  check_contains(titled, "<h2>Influx week 19 of 2021 (10–16 May 2021)</h2>");
  options.figures[2] = "<svg/>";
  BOOST_CHECK_EXCEPTION(
      (void)kc::render_html(f, kc::language::nl, options), kc::invalid_input, [](const kc::invalid_input& e) {
        return std::string_view(e.what()) == "the week page has no figures, but html_options.figures[2] has markup";
      });
}

BOOST_AUTO_TEST_CASE(the_week_as_json) {
  const std::string json = kc::render_json(partial_week());
  BOOST_TEST(
      json.starts_with("{\n  \"week\": \"2021-W19\",\n  \"first_day\": \"2021-05-10\",\n  \"last_day\": "
                       "\"2021-05-16\",\n  \"title\": {\n    \"nl\": \"Instroom week 19 van 2021 (10 t/m 16 "
                       "mei 2021)\",\n    \"en\": \"Influx week 19 of 2021 (10–16 May 2021)\"\n  },\n  "
                       "\"status\": \"partial\",\n  \"problem\": \"unsplittable-rows\",\n"));
  check_contains(
      json,
      "\"by_category\": [\n    {\n      \"category\": \"first_application\",\n      \"category_label\": {\n"
      "        \"nl\": \"eerste asielaanvragen\",\n        \"en\": \"first asylum applications\"\n      },\n"
      "      \"week\": {\n        \"window\": \"2021-W19\",\n        \"weeks\": 1,\n        \"count\": 259,\n"
      "        \"count_text\": {\n          \"nl\": \"259\",\n          \"en\": \"259\"\n        },\n"
      "        \"problem\": \"none\",\n        \"reason\": \"\"\n      },\n      \"trailing_4\": {\n"
      "        \"window\": \"2021-W16/2021-W19\",\n        \"weeks\": 4,\n        \"count\": 1030,\n"
      "        \"count_text\": {\n          \"nl\": \"1.030\",\n          \"en\": \"1,030\"\n        },\n");
  check_contains(json, "\"window\": \"2021-W07/2021-W19\",\n        \"weeks\": 13,\n        \"count\": 3289,\n");
  // A missing count is null with its problem and reason, never 0.
  check_contains(json,
                 "\"category\": \"repeat_application\",\n      \"category_label\": {\n        \"nl\": \"herhaalde "
                 "asielaanvragen\",\n        \"en\": \"repeat asylum applications\"\n      },\n      \"week\": {\n"
                 "        \"window\": \"2021-W19\",\n        \"weeks\": 1,\n        \"count\": null,\n        "
                 "\"count_text\": null,\n        \"problem\": \"unsplittable-rows\",\n        \"reason\": \"");
  BOOST_TEST(json.ends_with("\n}\n"));
  BOOST_TEST(json.find("\"flags\"") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
