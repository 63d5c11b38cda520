#pragma once
/// \file cbs.hpp
/// CBS StatLine's asylum table 83102NED ("Asielverzoeken en nareizigers; nationaliteit,
/// geslacht en leeftijd"), and any table of the same shape (a nationality dimension, a
/// period dimension, count topics), read into `count_row`s, from the three forms users have:
///
///   - **OData** (CBS's open-data feed, `opendata.cbs.nl/ODataApi/odata/<table>/`): the
///     documents `TableInfos` (its `Modified` is the release), `DataProperties` (each item a
///     `Key`, a `Title` and a `Type`: `Dimension`, `TimeDimension`, `GeoDimension`, `Topic`,
///     `TopicGroup`), `TypedDataSet` (one object per cell group: `ID`, one key per dimension,
///     one value per topic) and one document per dimension (`Key`, `Title`; the period
///     dimension also `Status`: `Definitief`, `Voorlopig`, `Nader voorlopig`). Each document
///     is the OData `value` array. They come as the single-file bundle `kerncijfers fetch`
///     writes (`read_cbs_bundle`: `{"format": "kerncijfers-cbs-odata", "version": 1,
///     "table": ..., "retrieved": ..., "documents": {name: value array}}`, gzip or not) or
///     as a directory of `<Document>.json` files holding the value arrays, as the `cbsodata`
///     package's `download_data(table, dir=...)` writes them (`read_cbs_odata_directory`).
///   - **Records** as `cbsodata.get_data` returns them (`read_cbs_records`): a JSON array of
///     objects whose dimension values are the titles (`"Syrisch"`, `"2021 mei"`), topics
///     under their keys; values numbers, numeric strings (the untyped data set) or null.
///   - **CSV** from StatLine's download (`read_cbs_csv`): semicolon-separated, quoted, a header
///     of Dutch titles (dimensions, then topics, a topic optionally prefixed by its group,
///     `Asielverzoeken en nareizigers/...`, and followed by its unit, `(aantal)`); period
///     titles may carry CBS's status marks (`2021 mei*` provisional, `2021 mei**` revised
///     provisional); a value is plain digits or Dutch thousands (`1.880`), `.` or empty when
///     missing.
///
/// **Mapping.** Periods: keys `2021MM05`, `2021KW02`, `2021JJ00` and titles `2021 mei`,
/// `2021 2e kwartaal`, `2021` become a month, a quarter and a year (`parse_cbs_period`);
/// other CBS period kinds (half years `HJ`, school years) are refused. A period's status
/// `Voorlopig` or `Nader voorlopig` (or a title's `*`/`**`) becomes the flag `p`
/// (provisional); `Definitief` none. Topics (`cbs_topic_category`, by key without its
/// `_<n>` suffix or by title): first applications (`EersteAsielverzoekenPersonen`,
/// "Eerste asielverzoeken (personen)"), repeat applications (`VolgendeAsielverzoeken`),
/// nareizigers (`NareizigersPersonen`, "Nareizigers (personen)"); the total of the three
/// (`TotaalAsielverzoekenEnNareizigers`) is recognised and not read (it is a sum, not a
/// category). Any other topic whose key or title speaks of asylum or nareizigers
/// ("asiel", "nareiz") is an error, since it may be a count this reader should map; other
/// topics (per-inhabitant rates and the like) are ignored and listed in
/// `cbs_data::ignored_topics`. Nationalities (`find_cbs_nationality`): CBS writes the Dutch
/// adjective (`Syrisch`, `Eritrees`, `Staatloos`, `Onbekend`), mapped by
/// `data/cbs_nationalities.csv` (each title with its source); a country's name as
/// `nationality::find` knows it (`Syrië`) is accepted too. The total (`Totaal`, key
/// `T001059`) becomes the TOTAL row; groups (`(voormalige) Sovjet-Unie`, continents,
/// `Overig`) are recognised and never counted as a nationality. An unknown title is an
/// error naming the title and where it stood. Other dimensions (`Geslacht`, `Leeftijd`)
/// are narrowed to their total: the value whose title is `Totaal` or starts with
/// `Totaal ` (`Totaal mannen en vrouwen`), or whose key is `T001038` / `10000`.
///
/// Every row gets the source "CBS StatLine <table>", the release (TableInfos `Modified`, or
/// `cbs_options::modified`, which wins), the flags and `source_multiple` 5: CBS rounds these
/// counts to multiples of 5; the reader records it and does not check it (a consistency
/// check elsewhere allows for it). A missing value (null, `.`, empty) gives no row.
///
/// **Errors.** A JSON input that does not parse throws `parse_error` naming the input and
/// the byte; a missing document, field or column, a wrong type, an unknown title, topic or
/// period, a fractional, negative or absurd count (above 999,999,999), and two values for
/// one (nationality, period, topic) each throw `invalid_input` (CSV: `csv::value_error` /
/// `csv::format_error`, with file, line and column) naming the value and where it stood
/// (`x.json.gz: TypedDataSet[12] (ID 12), topic "NareizigersPersonen_4": ...`). Inputs above 512 MiB
/// (after gzip) are refused.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kerncijfers/category.hpp"
#include "kerncijfers/count_period.hpp"
#include "kerncijfers/counts.hpp"
#include "kerncijfers/csv.hpp"
#include "kerncijfers/detail/cbs_nationalities_table.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/input_blocks.hpp"
#include "kerncijfers/nationality.hpp"
#include "kerncijfers/observation_flags.hpp"
#include "kerncijfers/period.hpp"
#include "kerncijfers/release.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

// ---------------------------------------------------------------------------------------
// Vocabulary

/// What a title of CBS's Nationaliteit dimension stands for.
enum class cbs_title_kind : std::uint8_t {
  nationality,  ///< one nationality (`nationality` set)
  total,        ///< all nationalities together: the TOTAL row
  aggregate     ///< a group of nationalities (a continent, a former federation, a rest group)
};

/// A title of CBS's Nationaliteit dimension, understood.
struct cbs_nationality_title {
  /// What the title stands for.
  cbs_title_kind kind = cbs_title_kind::nationality;
  /// The nationality, for kind `nationality`; empty otherwise.
  std::optional<kerncijfers::nationality> nationality;

  /// Same kind and nationality.
  [[nodiscard]] friend bool operator==(const cbs_nationality_title&, const cbs_nationality_title&) = default;
};

/// What `title` (spaces around it ignored) stands for: a title of `data/cbs_nationalities.csv`
/// (CBS's adjectives `Syrisch`, `Onbekend`, the total `Totaal`, groups such as
/// `(voormalige) Sovjet-Unie`), else a name `nationality::find` knows (`Syrië`); empty when
/// neither.
[[nodiscard]] inline std::optional<cbs_nationality_title> find_cbs_nationality(std::string_view title) {
  title = detail::trim_nationality_text(title);
  const auto& rows = detail::cbs_nationality_rows;
  const auto it =
      std::lower_bound(rows.begin(), rows.end(), title,
                       [](const detail::cbs_nationality_row& r, std::string_view t) { return r.title < t; });
  if (it != rows.end() && it->title == title) {
    switch (it->kind) {
      case 't': return cbs_nationality_title{cbs_title_kind::total, std::nullopt};
      case 'a': return cbs_nationality_title{cbs_title_kind::aggregate, std::nullopt};
      default: return cbs_nationality_title{cbs_title_kind::nationality, nationality::from_alpha3(it->alpha3)};
    }
  }
  if (const std::optional<nationality> found = nationality::find(title)) {
    return cbs_nationality_title{cbs_title_kind::nationality, *found};
  }
  return std::nullopt;
}

/// A CBS period: the period and the flags its text carries (`p` for a title's `*` or `**`).
struct cbs_period {
  /// The month, quarter or year.
  count_period period;
  /// `p` when the text marked the period provisional; else none.
  observation_flags flags;

  /// Same period and flags.
  [[nodiscard]] friend bool operator==(const cbs_period&, const cbs_period&) = default;
};

namespace detail {

inline constexpr std::string_view cbs_period_expected =
    "a CBS period (a key 2021MM05, 2021KW02 or 2021JJ00, or a title \"2021 mei\", \"2021 2e kwartaal\" or \"2021\", "
    "a title optionally marked * or **)";

inline constexpr std::array<std::string_view, 12> cbs_month_titles = {"januari",   "februari", "maart",    "april",
                                                                      "mei",       "juni",     "juli",     "augustus",
                                                                      "september", "oktober",  "november", "december"};

[[nodiscard]] constexpr bool cbs_digits(std::string_view text) noexcept {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return is_ascii_digit(c); });
}

[[nodiscard]] constexpr int cbs_number(std::string_view digits) noexcept {
  int v = 0;
  for (const char c : digits) v = v * 10 + (c - '0');
  return v;
}

[[nodiscard]] inline std::string_view cbs_trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

[[nodiscard]] inline std::string cbs_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace detail

/// Parses a CBS period key (`2021MM05`, `2021KW02`, `2021JJ00`) or title (`2021 mei`,
/// `2021 2e kwartaal`, `2021`; a title may end in `*` or `**`, CBS's marks of a
/// provisional and a revised provisional figure, which give the flag `p`). Spaces around
/// the text are ignored (CBS pads keys). Anything else throws `parse_error` naming the text.
[[nodiscard]] inline cbs_period parse_cbs_period(std::string_view text) {
  const std::string_view t = detail::cbs_trim(text);
  const auto fail = [&]() -> cbs_period {
    throw parse_error(std::string(text), std::string(detail::cbs_period_expected));
  };
  if (t.size() < 4 || !detail::cbs_digits(t.substr(0, 4))) return fail();
  const int y = detail::cbs_number(t.substr(0, 4));
  if (y < 1 || y > 9999) return fail();
  if (t.size() == 8 && !detail::cbs_digits(t.substr(4, 2)) && detail::cbs_digits(t.substr(6, 2))) {
    const std::string_view kind = t.substr(4, 2);
    const int n = detail::cbs_number(t.substr(6, 2));
    if (kind == "MM" && n >= 1 && n <= 12) return {month(y, static_cast<unsigned>(n)), {}};
    if (kind == "KW" && n >= 1 && n <= 4) return {quarter(y, static_cast<unsigned>(n)), {}};
    if (kind == "JJ" && n == 0) return {year(y), {}};
    return fail();
  }
  std::string_view rest = t.substr(4);
  observation_flags flags;
  if (rest.ends_with("**")) {
    rest.remove_suffix(2);
    flags = observation_flags::parse("p");
  } else if (rest.ends_with("*")) {
    rest.remove_suffix(1);
    flags = observation_flags::parse("p");
  }
  if (rest.empty()) return {year(y), flags};
  if (rest.front() != ' ') return fail();
  rest.remove_prefix(1);
  for (std::size_t m = 0; m < detail::cbs_month_titles.size(); ++m) {
    if (rest == detail::cbs_month_titles[m]) return {month(y, static_cast<unsigned>(m + 1)), flags};
  }
  if (rest.size() == 11 && rest[0] >= '1' && rest[0] <= '4' && rest.substr(1) == "e kwartaal") {
    return {quarter(y, static_cast<unsigned>(rest[0] - '0')), flags};
  }
  return fail();
}

/// What a CBS topic is for this reader.
enum class cbs_topic_kind : std::uint8_t {
  category,  ///< a count of one category (`cbs_topic::category`)
  total,     ///< the total of the categories: recognised, not read
  other      ///< not a count of asylum influx (a rate, an index): ignored
};

/// A CBS topic, understood.
struct cbs_topic {
  /// What the topic is.
  cbs_topic_kind kind = cbs_topic_kind::other;
  /// The category, for kind `category`.
  kerncijfers::category category = kerncijfers::category::first_application;

  /// Same kind and, for a category, same category.
  [[nodiscard]] friend bool operator==(const cbs_topic& a, const cbs_topic& b) noexcept {
    return a.kind == b.kind && (a.kind != cbs_topic_kind::category || a.category == b.category);
  }
};

/// The topic of key `key` (`EersteAsielverzoekenPersonen_2`; the `_<n>` suffix is ignored)
/// or, when the key is unknown, of title `title` ("Asielverzoeken en nareizigers/Eerste
/// asielverzoeken (personen) (aantal)": a group prefix before the last `/` and a trailing
/// "(aantal)" are ignored, case too). Throws `invalid_input` naming key and title for an
/// unknown topic that speaks of asylum or nareizigers ("asiel", "nareiz"), which may be a
/// count this reader should map.
[[nodiscard]] inline cbs_topic cbs_topic_category(std::string_view key, std::string_view title) {
  std::string_view base = detail::cbs_trim(key);
  if (const std::size_t us = base.rfind('_'); us != std::string_view::npos && detail::cbs_digits(base.substr(us + 1))) {
    base = base.substr(0, us);
  }
  const auto cat = [](category c) { return cbs_topic{cbs_topic_kind::category, c}; };
  if (base == "EersteAsielverzoekenPersonen" || base == "EersteAsielverzoeken") return cat(category::first_application);
  if (base == "VolgendeAsielverzoeken" || base == "VolgendeAsielverzoekenPersonen") {
    return cat(category::repeat_application);
  }
  if (base == "NareizigersPersonen" || base == "Nareizigers") return cat(category::family_reunification);
  if (base == "TotaalAsielverzoekenEnNareizigers" || base == "TotaalAsielverzoeken") {
    return cbs_topic{cbs_topic_kind::total, category::first_application};
  }
  std::string t = detail::cbs_lower(detail::cbs_trim(title));
  if (const std::size_t slash = t.rfind('/'); slash != std::string::npos) t.erase(0, slash + 1);
  if (t.ends_with("(aantal)")) t.erase(t.size() - 8);
  t = std::string(detail::cbs_trim(t));
  if (t == "eerste asielverzoeken (personen)" || t == "eerste asielverzoeken") return cat(category::first_application);
  if (t == "volgende asielverzoeken" || t == "volgende asielverzoeken (personen)") {
    return cat(category::repeat_application);
  }
  if (t == "nareizigers (personen)" || t == "nareizigers") return cat(category::family_reunification);
  if (t == "totaal asielverzoeken en nareizigers" || t == "totaal asielverzoeken") {
    return cbs_topic{cbs_topic_kind::total, category::first_application};
  }
  const std::string k = detail::cbs_lower(key);
  for (const std::string_view word : {"asiel", "nareiz"}) {
    if (k.find(word) != std::string::npos || t.find(word) != std::string::npos) {
      throw invalid_input("unknown CBS topic " + quote(key) + (title.empty() ? "" : " (" + quote(title) + ")") +
                          ": it speaks of asylum or nareizigers but is none of the counts this reader maps "
                          "(first applications, repeat applications, nareizigers, their total)");
    }
  }
  return cbs_topic{};
}

namespace detail {

// cbs_topic_category with `where` in front of its message.
[[nodiscard]] inline cbs_topic cbs_topic_at(std::string_view key, std::string_view title, const std::string& where) {
  try {
    return cbs_topic_category(key, title);
  } catch (const invalid_input& e) {
    throw invalid_input(where + ": " + e.what());
  }
}

}  // namespace detail

/// How to read a CBS table.
struct cbs_options {
  /// The table's identifier, for the rows' source ("CBS StatLine 83102NED"); a bundle's own
  /// `table` wins over the default.
  std::string table = "83102NED";
  /// The release of every row; when set it wins over TableInfos' `Modified`. Without
  /// either the release is undated.
  std::optional<kerncijfers::release> modified;

  /// Same table and release.
  [[nodiscard]] friend bool operator==(const cbs_options&, const cbs_options&) = default;
};

/// A CBS table read into count rows.
struct cbs_data {
  /// The table's identifier ("83102NED").
  std::string table;
  /// The release of the rows (TableInfos `Modified`, or `cbs_options::modified`).
  kerncijfers::release release;
  /// When the bundle was fetched (its `retrieved`, as written); empty for other forms.
  std::string retrieved;
  /// One row per (nationality or TOTAL, period, category) with a value; source "CBS
  /// StatLine <table>", flags `p` for provisional periods, `source_multiple` 5.
  std::vector<count_row> rows;
  /// The topics that were ignored (neither a category nor their total), as `key` or title.
  std::vector<std::string> ignored_topics;

  /// The rows as a counts table (origin: the input's name).
  [[nodiscard]] counts_table table_of_counts(std::string origin = {}) const {
    return counts_table::from_rows(rows, std::move(origin));
  }
};

namespace detail {

// The largest count a CBS asylum table can hold: far above any month, quarter or year of
// asylum influx, far below the overflow of sums.
inline constexpr std::int64_t cbs_max_count = 999'999'999;
inline constexpr std::size_t cbs_max_input_bytes = std::size_t{512} << 20;

// A raw value of a topic cell.
struct cbs_value {
  enum class state : std::uint8_t { missing, count, bad } state = state::missing;
  std::int64_t count = 0;
  std::string problem;  // for bad: what is wrong
};

[[nodiscard]] inline cbs_value cbs_count_of_text(std::string_view raw, bool dutch_thousands) {
  const std::string_view t = cbs_trim(raw);
  if (t.empty() || t == "." || t == "..") return {};
  std::string digits;
  bool ok = true;
  if (dutch_thousands && t.find('.') != std::string_view::npos) {
    // 1.880 or 12.345.678: groups of three after the first.
    std::size_t start = 0;
    std::size_t group = 0;
    while (ok) {
      const std::size_t dot = t.find('.', start);
      const std::string_view part =
          t.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
      ok = cbs_digits(part) && (group == 0 ? part.size() <= 3 : part.size() == 3);
      digits += part;
      ++group;
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
  } else {
    ok = cbs_digits(t);
    digits = t;
  }
  if (!ok) {
    return {cbs_value::state::bad, 0,
            "a count (plain digits" + std::string(dutch_thousands ? " or Dutch thousands, 1.880" : "") +
                "; \".\" or empty when missing)"};
  }
  std::int64_t v = 0;
  if (parse_plain_count(digits, v) != count_text::ok || v > cbs_max_count) {
    return {cbs_value::state::bad, 0, "a count (at most 999,999,999: larger is no asylum count)"};
  }
  return {cbs_value::state::count, v, {}};
}

[[nodiscard]] inline cbs_value cbs_count_of_json(const nlohmann::json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return cbs_count_of_text(v.get_ref<const std::string&>(), false);
  if (v.is_number_unsigned()) {
    const auto u = v.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(cbs_max_count)) {
      return {cbs_value::state::bad, 0, "a count (at most 999,999,999: larger is no asylum count)"};
    }
    return {cbs_value::state::count, static_cast<std::int64_t>(u), {}};
  }
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    if (i < 0) return {cbs_value::state::bad, 0, "a count (never negative)"};
    if (i > cbs_max_count)
      return {cbs_value::state::bad, 0, "a count (at most 999,999,999: larger is no asylum count)"};
    return {cbs_value::state::count, i, {}};
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (!(d >= 0)) return {cbs_value::state::bad, 0, "a count (never negative)"};
    if (d > static_cast<double>(cbs_max_count)) {
      return {cbs_value::state::bad, 0, "a count (at most 999,999,999: larger is no asylum count)"};
    }
    const auto n = static_cast<std::int64_t>(d);
    if (static_cast<double>(n) != d) return {cbs_value::state::bad, 0, "a count (a whole number)"};
    return {cbs_value::state::count, n, {}};
  }
  return {cbs_value::state::bad, 0, "a count (a number, a numeric string or null)"};
}

// A JSON value in a message.
[[nodiscard]] inline std::string cbs_json_text(const nlohmann::json& v) {
  return v.is_string() ? quote(v.get_ref<const std::string&>())
                       : quote(v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Where a cell is, for messages: a lazily built description.
using cbs_place = std::function<std::string()>;

// The common end of every form: rows of titles (or keys resolved to titles) in, count rows out.
class cbs_assembler {
 public:
  cbs_assembler(std::string table, release rel, std::string file) : file_(std::move(file)) {
    data_.table = std::move(table);
    data_.release = rel;
    source_ = "CBS StatLine " + data_.table;
  }

  // The nationality of `title` (cached); throws naming the title and `place`.
  const cbs_nationality_title& nationality_of(const std::string& title, const cbs_place& place) {
    if (const auto it = nationalities_.find(title); it != nationalities_.end()) return it->second;
    const std::optional<cbs_nationality_title> found = find_cbs_nationality(title);
    if (!found) {
      std::string message = place() + ": unknown CBS nationality title " + quote(title) +
                            " (neither a title of data/cbs_nationalities.csv nor a nationality's name";
      message = nationality_expected(message, title);
      throw invalid_input(message);
    }
    return nationalities_.emplace(title, *found).first->second;
  }

  // The period of `text` (cached), with `status_flags` added; throws naming `place`.
  cbs_period period_of(const std::string& text, const cbs_place& place) {
    if (const auto it = periods_.find(text); it != periods_.end()) return it->second;
    try {
      return periods_.emplace(text, parse_cbs_period(text)).first->second;
    } catch (const parse_error&) {
      throw invalid_input(place() + ": cannot parse " + quote(text) + " as " + std::string(cbs_period_expected));
    }
  }

  // Adds the value of one topic cell. `nat` and `period` already resolved.
  void add(const cbs_nationality_title& nat, const cbs_period& period, observation_flags status, category cat,
           const cbs_value& value, std::size_t line, const cbs_place& place) {
    if (value.state == cbs_value::state::bad) {
      throw invalid_input(place() + ": expected " + value.problem);
    }
    if (value.state == cbs_value::state::missing || nat.kind == cbs_title_kind::aggregate) return;
    const std::string key = std::string(nat.nationality ? nat.nationality->alpha3() : "TOTAL") + " " +
                            iso(period.period) + " " + std::string(to_string(cat));
    const auto [it, fresh] = seen_.emplace(key, data_.rows.size());
    if (!fresh) {
      throw invalid_input(place() + ": a second value for " + key + " (the first at " + places_[it->second] +
                          "; two titles or rows name the same nationality, period and topic)");
    }
    count_row row;
    row.period = period.period;
    row.category = cat;
    row.nationality = nat.nationality;
    row.count = value.count;
    row.source = source_;
    row.release = data_.release;
    row.line = line;
    row.file = file_;
    row.flags = period.flags | status;
    row.source_multiple = 5;
    data_.rows.push_back(std::move(row));
    places_.push_back(place());
  }

  void ignore_topic(std::string name) { data_.ignored_topics.push_back(std::move(name)); }
  void set_retrieved(std::string when) { data_.retrieved = std::move(when); }
  [[nodiscard]] cbs_data finish() && { return std::move(data_); }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }

 private:
  cbs_data data_;
  std::string file_;
  std::string source_;
  std::unordered_map<std::string, cbs_nationality_title> nationalities_;
  std::unordered_map<std::string, cbs_period> periods_;
  std::unordered_map<std::string, std::size_t> seen_;
  std::vector<std::string> places_;
};

// True for the title or key of a dimension's total (Geslacht, Leeftijd).
[[nodiscard]] inline bool cbs_is_total_title(std::string_view title) noexcept {
  const std::string_view t = cbs_trim(title);
  return t == "Totaal" || t.starts_with("Totaal ");
}

[[nodiscard]] inline bool cbs_is_total_key(std::string_view key) noexcept {
  const std::string_view k = cbs_trim(key);
  return k == "T001038" || k == "10000" || k == "T001059";
}

[[nodiscard]] inline release cbs_release_of_modified(const std::string& text, const std::string& where) {
  // "2021-06-15T02:00:00" (OData DateTime): the day is the release.
  if (text.size() >= 10) {
    try {
      const release r = release::parse(std::string_view(text).substr(0, 10));
      if (r.precision() == release_precision::day && (text.size() == 10 || text[10] == 'T')) return r;
    } catch (const parse_error&) {
    }
  }
  throw invalid_input(where + ": TableInfos Modified " + quote(text) +
                      " is not a date (expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ss)");
}

// Reads a whole file (gzip inflated) into memory, refusing more than the limit.
[[nodiscard]] inline std::string cbs_read_file(const std::filesystem::path& path) {
  input_blocks_options options;
  options.background = false;
  input_blocks blocks(path, options);
  std::string text;
  for (std::span<const char> b = blocks.next(); !b.empty(); b = blocks.next()) {
    if (text.size() + b.size() > cbs_max_input_bytes) {
      throw invalid_input(quoted_path(path) + " holds more than 512 MiB" + (blocks.gzip() ? " after gzip" : "") +
                          ": too large for a CBS table");
    }
    text.append(b.data(), b.size());
  }
  return text;
}

[[nodiscard]] inline nlohmann::json cbs_parse_json(std::string_view text, const std::string& name) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw parse_error(std::string(text.substr(0, 64)),
                      "JSON in " + escaped(name) + " (byte " + std::to_string(e.byte) + ": " + escaped(e.what()) + ")");
  } catch (const nlohmann::json::exception& e) {
    // A number beyond a double's range ("1E5555") is no parse_error to nlohmann, but the text is no JSON we read.
    throw parse_error(std::string(text.substr(0, 64)), "JSON in " + escaped(name) + " (" + escaped(e.what()) + ")");
  }
}

// The documents of an OData table, each a JSON array.
struct cbs_documents {
  std::string name;  // the input, for messages
  std::map<std::string, const nlohmann::json*> documents;

  [[nodiscard]] const nlohmann::json& get(const std::string& doc) const {
    const auto it = documents.find(doc);
    if (it == documents.end()) {
      throw invalid_input(escaped(name) + ": the OData document " + quote(doc) + " is missing");
    }
    if (!it->second->is_array()) {
      throw invalid_input(escaped(name) + ": the OData document " + quote(doc) +
                          " is not an array (each document is the OData value array)");
    }
    return *it->second;
  }
};

[[nodiscard]] inline std::string cbs_field_text(const nlohmann::json& object, const std::string& field,
                                                const std::string& where, bool required = true) {
  if (!object.is_object()) throw invalid_input(where + ": expected a JSON object, got " + cbs_json_text(object));
  const auto it = object.find(field);
  if (it == object.end() || it->is_null()) {
    if (!required) return {};
    throw invalid_input(where + ": the field " + quote(field) + " is missing");
  }
  if (!it->is_string()) {
    throw invalid_input(where + ": the field " + quote(field) + " is " + cbs_json_text(*it) + ", not text");
  }
  return it->get<std::string>();
}

[[nodiscard]] inline cbs_data cbs_read_documents(const cbs_documents& docs, const cbs_options& options,
                                                 std::string retrieved) {
  const std::string& name = docs.name;
  release rel;
  if (options.modified) {
    rel = *options.modified;
  } else {
    const nlohmann::json& infos = docs.get("TableInfos");
    if (infos.empty()) throw invalid_input(escaped(name) + ": TableInfos is empty (it names the table's release)");
    const std::string where = escaped(name) + ": TableInfos[0]";
    const std::string modified = cbs_field_text(infos[0], "Modified", where, false);
    if (!modified.empty()) rel = cbs_release_of_modified(modified, where);
  }
  cbs_assembler out(options.table, rel, name);
  out.set_retrieved(std::move(retrieved));

  // The properties: dimensions (with their documents) and topics.
  struct dimension {
    std::string key;
    bool time = false;
    bool nationality = false;
    std::unordered_map<std::string, std::string> titles;    // key -> title
    std::unordered_map<std::string, std::string> statuses;  // key -> status (periods)
  };
  std::vector<dimension> dims;
  std::vector<std::pair<std::string, category>> topics;  // key, category
  const nlohmann::json& props = docs.get("DataProperties");
  for (std::size_t i = 0; i < props.size(); ++i) {
    const std::string where = escaped(name) + ": DataProperties[" + std::to_string(i) + "]";
    const std::string type = cbs_field_text(props[i], "Type", where);
    if (type == "TopicGroup") continue;
    const std::string key = cbs_field_text(props[i], "Key", where);
    if (type == "Dimension" || type == "TimeDimension" || type == "GeoDimension") {
      dimension d;
      d.key = key;
      d.time = type == "TimeDimension";
      d.nationality = key == "Nationaliteit";
      const nlohmann::json& values = docs.get(key);
      for (std::size_t j = 0; j < values.size(); ++j) {
        const std::string w = escaped(name) + ": " + key + "[" + std::to_string(j) + "]";
        std::string vkey = cbs_field_text(values[j], "Key", w);
        std::string title = cbs_field_text(values[j], "Title", w);
        if (d.time) d.statuses.emplace(vkey, cbs_field_text(values[j], "Status", w, false));
        if (!d.titles.emplace(std::move(vkey), std::move(title)).second) {
          throw invalid_input(w + ": the key " + quote(cbs_field_text(values[j], "Key", w)) + " is listed twice");
        }
      }
      dims.push_back(std::move(d));
    } else if (type == "Topic") {
      const cbs_topic topic = cbs_topic_at(key, cbs_field_text(props[i], "Title", where, false), where);
      if (topic.kind == cbs_topic_kind::category) {
        topics.emplace_back(key, topic.category);
      } else if (topic.kind == cbs_topic_kind::other) {
        out.ignore_topic(key);
      }
    } else {
      throw invalid_input(where + ": unknown property Type " + quote(type) +
                          " (expected Dimension, TimeDimension, GeoDimension, Topic or TopicGroup)");
    }
  }
  const auto nat_dim = std::find_if(dims.begin(), dims.end(), [](const dimension& d) { return d.nationality; });
  const auto time_dim = std::find_if(dims.begin(), dims.end(), [](const dimension& d) { return d.time; });
  if (nat_dim == dims.end() || time_dim == dims.end()) {
    throw invalid_input(escaped(name) + ": DataProperties has no " +
                        (nat_dim == dims.end() ? "Nationaliteit dimension" : "TimeDimension") +
                        " (this reader needs a nationality and a period dimension)");
  }
  if (topics.empty()) {
    throw invalid_input(escaped(name) +
                        ": DataProperties has no topic this reader maps (first applications, "
                        "repeat applications or nareizigers)");
  }
  // Each other dimension is narrowed to its total.
  std::vector<std::string> totals(dims.size());
  for (std::size_t d = 0; d < dims.size(); ++d) {
    if (dims[d].nationality || dims[d].time) continue;
    std::vector<std::string> found;
    for (const auto& [k, title] : dims[d].titles) {
      if (cbs_is_total_key(k) || cbs_is_total_title(title)) found.push_back(k);
    }
    if (found.size() != 1) {
      throw invalid_input(escaped(name) + ": the dimension " + quote(dims[d].key) + " has " +
                          (found.empty() ? "no total" : "several totals") +
                          " (a value titled \"Totaal\" or \"Totaal ...\"); this reader keeps the total of every "
                          "dimension other than nationality and period");
    }
    totals[d] = found.front();
  }

  const nlohmann::json& data = docs.get("TypedDataSet");
  for (std::size_t i = 0; i < data.size(); ++i) {
    const nlohmann::json& row = data[i];
    const cbs_place place = [&name, &row, i] {
      std::string p = escaped(name) + ": TypedDataSet[" + std::to_string(i) + "]";
      if (row.is_object()) {
        if (const auto id = row.find("ID"); id != row.end() && id->is_number()) p += " (ID " + id->dump() + ")";
      }
      return p;
    };
    if (!row.is_object()) throw invalid_input(place() + ": expected a JSON object, got " + cbs_json_text(row));
    bool keep = true;
    for (std::size_t d = 0; d < dims.size() && keep; ++d) {
      if (totals[d].empty()) continue;
      keep = cbs_field_text(row, dims[d].key, place()) == totals[d];
    }
    if (!keep) continue;
    const std::string nat_key = cbs_field_text(row, nat_dim->key, place());
    const auto nat_title = nat_dim->titles.find(nat_key);
    if (nat_title == nat_dim->titles.end()) {
      throw invalid_input(place() + ": the Nationaliteit key " + quote(nat_key) +
                          " is not in the Nationaliteit document");
    }
    const std::string period_key = cbs_field_text(row, time_dim->key, place());
    if (!time_dim->titles.contains(period_key)) {
      throw invalid_input(place() + ": the " + time_dim->key + " key " + quote(period_key) + " is not in the " +
                          time_dim->key + " document");
    }
    const cbs_nationality_title& nat =
        cbs_is_total_key(nat_key)
            ? *find_cbs_nationality("Totaal")
            : out.nationality_of(nat_title->second, [&] { return place() + ", Nationaliteit key " + quote(nat_key); });
    const cbs_period period = out.period_of(period_key, place);
    const std::string& status = time_dim->statuses.at(period_key);
    observation_flags flags;
    if (status == "Voorlopig" || status == "Nader voorlopig") {
      flags = observation_flags::parse("p");
    } else if (!status.empty() && status != "Definitief") {
      throw invalid_input(escaped(name) + ": " + time_dim->key + " " + quote(period_key) + " has the Status " +
                          quote(status) + " (expected Definitief, Voorlopig or Nader voorlopig)");
    }
    for (const auto& topic : topics) {
      const std::string& key = topic.first;
      const category cat = topic.second;
      const auto v = row.find(key);
      if (v == row.end()) throw invalid_input(place() + ": the topic " + quote(key) + " is missing");
      out.add(nat, period, flags, cat, cbs_count_of_json(*v), 0, [&] { return place() + ", topic " + quote(key); });
    }
  }
  return std::move(out).finish();
}

}  // namespace detail

/// Reads the bundle `kerncijfers fetch cbs` writes (see the file comment), given as its JSON
/// text; `name` names it in messages. The bundle's `table` is the table's identifier unless
/// `options.table` differs from the default. Throws as the file comment says; also for a
/// `format` other than "kerncijfers-cbs-odata" or a `version` other than 1.
[[nodiscard]] inline cbs_data read_cbs_bundle_text(std::string_view text, const std::string& name,
                                                   cbs_options options = {}) {
  const nlohmann::json bundle = detail::cbs_parse_json(text, name);
  if (!bundle.is_object() || !bundle.contains("format") || bundle["format"] != "kerncijfers-cbs-odata") {
    throw invalid_input(escaped(name) +
                        ": not a CBS bundle (expected a JSON object with \"format\": "
                        "\"kerncijfers-cbs-odata\")");
  }
  if (!bundle.contains("version") || bundle["version"] != 1) {
    throw invalid_input(
        escaped(name) + ": CBS bundle version " +
        (bundle.contains("version") ? detail::cbs_json_text(bundle["version"]) : std::string("(none)")) +
        " is not supported (this reader reads version 1)");
  }
  if (options.table == cbs_options{}.table && bundle.contains("table") && bundle["table"].is_string()) {
    options.table = bundle["table"].get<std::string>();
  }
  if (!bundle.contains("documents") || !bundle["documents"].is_object()) {
    throw invalid_input(escaped(name) + ": the CBS bundle has no \"documents\" object");
  }
  detail::cbs_documents docs{name, {}};
  for (const auto& [doc, value] : bundle["documents"].items()) docs.documents.emplace(doc, &value);
  std::string retrieved;
  if (bundle.contains("retrieved") && bundle["retrieved"].is_string())
    retrieved = bundle["retrieved"].get<std::string>();
  return detail::cbs_read_documents(docs, options, std::move(retrieved));
}

/// Reads a directory of OData documents, `<Document>.json` each holding the document's
/// value array (as `cbsodata.download_data(table, dir=...)` writes them; `.json.gz` too).
[[nodiscard]] inline cbs_data read_cbs_odata_directory(const std::filesystem::path& dir,
                                                       const cbs_options& options = {}) {
  std::vector<nlohmann::json> values;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string file = entry.path().filename().string();
    std::string doc;
    if (file.ends_with(".json")) doc = file.substr(0, file.size() - 5);
    if (file.ends_with(".json.gz")) doc = file.substr(0, file.size() - 8);
    if (doc.empty() || !entry.is_regular_file()) continue;
    values.push_back(detail::cbs_parse_json(detail::cbs_read_file(entry.path()), entry.path().string()));
    names.push_back(std::move(doc));
  }
  if (ec) throw invalid_input("cannot read the directory " + detail::quoted_path(dir) + " (" + ec.message() + ")");
  detail::cbs_documents docs{dir.string(), {}};
  for (std::size_t i = 0; i < values.size(); ++i) docs.documents.emplace(names[i], &values[i]);
  return detail::cbs_read_documents(docs, options, {});
}

/// Reads records as `cbsodata.get_data` returns them, given as a JSON array of objects:
/// dimension values are titles (`"Nationaliteit": "Syrisch"`, `"Perioden": "2021 mei"`),
/// topics under their keys; `ID` is ignored. Columns `Geslacht`, `Leeftijd` and any other
/// column holding text that is neither a topic nor a number are dimensions narrowed to
/// their total. `name` names the input in messages ("records[3], field ...").
[[nodiscard]] inline cbs_data read_cbs_records(const nlohmann::json& records, const std::string& name = "<records>",
                                               const cbs_options& options = {}) {
  if (!records.is_array()) throw invalid_input(escaped(name) + ": expected a list of records (a JSON array)");
  detail::cbs_assembler out(options.table, options.modified.value_or(release{}), {});
  // Classify the columns from every record's fields.
  std::map<std::string, int> columns;  // 0 skip, 1 nationality, 2 period, 3 topic, 4 dimension, 5 ignored topic
  std::map<std::string, category> topic_of;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (!records[i].is_object()) {
      throw invalid_input(escaped(name) + "[" + std::to_string(i) + "]: expected a record (an object), got " +
                          detail::cbs_json_text(records[i]));
    }
    for (const auto& [field, value] : records[i].items()) {
      if (columns.contains(field)) {
        if (columns[field] == 5 && value.is_string() &&
            !detail::cbs_count_of_text(value.get<std::string>(), false).problem.empty()) {
          columns[field] = 4;
        }
        continue;
      }
      if (field == "ID") {
        columns[field] = 0;
      } else if (field == "Nationaliteit") {
        columns[field] = 1;
      } else if (field == "Perioden") {
        columns[field] = 2;
      } else if (field == "Geslacht" || field == "Leeftijd") {
        columns[field] = 4;
      } else {
        const cbs_topic topic = detail::cbs_topic_at(field, {}, escaped(name) + "[" + std::to_string(i) + "]");
        if (topic.kind == cbs_topic_kind::category) {
          columns[field] = 3;
          topic_of[field] = topic.category;
        } else if (topic.kind == cbs_topic_kind::total) {
          columns[field] = 0;
        } else {
          const bool text =
              value.is_string() && !detail::cbs_count_of_text(value.get<std::string>(), false).problem.empty();
          columns[field] = text ? 4 : 5;
        }
      }
    }
  }
  if (!records.empty()) {
    for (const auto& [need, code] : {std::pair<const char*, int>{"Nationaliteit", 1}, {"Perioden", 2}}) {
      if (!columns.contains(need)) {
        throw invalid_input(escaped(name) + ": the records have no " + quote(need) + " field");
      }
      (void)code;
    }
    if (topic_of.empty()) {
      throw invalid_input(escaped(name) +
                          ": the records have no topic this reader maps (EersteAsielverzoekenPersonen_2, "
                          "VolgendeAsielverzoeken_3, NareizigersPersonen_4, ...)");
    }
  }
  for (const auto& [field, kind] : columns) {
    if (kind == 5) out.ignore_topic(field);
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    const nlohmann::json& r = records[i];
    const auto place = [&name, i] { return escaped(name) + "[" + std::to_string(i) + "]"; };
    bool keep = true;
    for (const auto& [field, kind] : columns) {
      if (kind != 4) continue;
      const std::string v = detail::cbs_field_text(r, field, place());
      if (!detail::cbs_is_total_title(v) && !detail::cbs_is_total_key(v)) keep = false;
    }
    if (!keep) continue;
    const std::string nat_title = detail::cbs_field_text(r, "Nationaliteit", place());
    const cbs_nationality_title& nat =
        detail::cbs_is_total_key(nat_title)
            ? *find_cbs_nationality("Totaal")
            : out.nationality_of(nat_title, [&] { return place() + ", field \"Nationaliteit\""; });
    const cbs_period period =
        out.period_of(detail::cbs_field_text(r, "Perioden", place()), [&] { return place() + ", field \"Perioden\""; });
    for (const auto& topic : topic_of) {
      const std::string& field = topic.first;
      const category cat = topic.second;
      const auto v = r.find(field);
      if (v == r.end()) throw invalid_input(place() + ": the topic " + quote(field) + " is missing");
      out.add(nat, period, {}, cat, detail::cbs_count_of_json(*v), 0,
              [&] { return place() + ", field " + quote(field); });
    }
  }
  return std::move(out).finish();
}

/// As above, from the records' JSON text.
[[nodiscard]] inline cbs_data read_cbs_records_text(std::string_view text, const std::string& name = "<records>",
                                                    const cbs_options& options = {}) {
  return read_cbs_records(detail::cbs_parse_json(text, name), name, options);
}

/// Reads StatLine's CSV download (see the file comment) from `in`; `name` names it in
/// messages. Columns: `Nationaliteit` and `Perioden` (titles or keys of periods), topics by
/// title or key, `ID` ignored, any other column a dimension narrowed to its total.
/// Errors are `csv::format_error` (header) and `csv::value_error` (values), naming the file,
/// line and column, and `invalid_input` for a duplicate.
[[nodiscard]] inline cbs_data read_cbs_csv(std::istream& in, const std::string& name, const cbs_options& options = {}) {
  csv::options csv_options;
  csv_options.delimiter = ';';
  csv::reader reader(in, name, csv_options);
  detail::cbs_assembler out(options.table, options.modified.value_or(release{}), name);
  const auto header = reader.header();
  std::optional<std::size_t> nat_col;
  std::optional<std::size_t> period_col;
  std::vector<std::pair<std::size_t, category>> topic_cols;
  std::vector<std::size_t> dim_cols;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string h = std::string(detail::cbs_trim(header[c]));
    if (h == "Nationaliteit") {
      nat_col = c;
    } else if (h == "Perioden") {
      period_col = c;
    } else if (h == "ID") {
      continue;
    } else if (h == "Geslacht" || h == "Leeftijd") {
      dim_cols.push_back(c);
    } else {
      const cbs_topic topic = detail::cbs_topic_at(h, h, csv::position{name, 1, c + 1, h}.str());
      if (topic.kind == cbs_topic_kind::category) {
        topic_cols.emplace_back(c, topic.category);
      } else if (topic.kind == cbs_topic_kind::other) {
        // A unit in parentheses marks a topic ("Asielverzoeken per 1000 inwoners (aantal)"); text without one, a
        // dimension.
        if (h.ends_with(")")) {
          out.ignore_topic(h);
        } else {
          dim_cols.push_back(c);
        }
      }
    }
  }
  if (!nat_col || !period_col || topic_cols.empty()) {
    std::string header_text;
    for (const std::string& h : header) header_text += (header_text.empty() ? "" : ";") + h;
    throw csv::format_error(csv::position{name, 1, 0, {}},
                            "the header " + quote(header_text) + " lacks " +
                                (!nat_col      ? std::string("the column \"Nationaliteit\"")
                                 : !period_col ? std::string("the column \"Perioden\"")
                                               : std::string("a topic this reader maps (\"Eerste asielverzoeken "
                                                             "(personen)\", \"Volgende asielverzoeken\", "
                                                             "\"Nareizigers (personen)\")")));
  }
  csv::record r;
  while (reader.next(r)) {
    if (r.size() == 1 && (r[0].starts_with("Bron:") || r[0].starts_with("Source:"))) continue;
    bool keep = true;
    for (const std::size_t c : dim_cols) {
      if (!detail::cbs_is_total_title(r[c]) && !detail::cbs_is_total_key(r[c])) keep = false;
    }
    if (!keep) continue;
    const std::string& nat_text = r[*nat_col];
    const std::optional<cbs_nationality_title> nat_found =
        detail::cbs_is_total_key(nat_text) ? find_cbs_nationality("Totaal") : find_cbs_nationality(nat_text);
    if (!nat_found) {
      reader.fail_value(
          r, *nat_col,
          detail::nationality_expected("a CBS nationality title (a title of data/cbs_nationalities.csv or a "
                                       "nationality's name",
                                       nat_text));
    }
    cbs_period period;
    try {
      period = parse_cbs_period(r[*period_col]);
    } catch (const parse_error&) {
      reader.fail_value(r, *period_col, std::string(detail::cbs_period_expected));
    }
    for (const auto& [c, cat] : topic_cols) {
      const detail::cbs_value value = detail::cbs_count_of_text(r[c], true);
      if (value.state == detail::cbs_value::state::bad) reader.fail_value(r, c, value.problem);
      const csv::position where = reader.where(r, c);
      out.add(*nat_found, period, {}, cat, value, r.line, [&where] { return where.str(); });
    }
  }
  return std::move(out).finish();
}

/// Reads a CBS table from `text`, recognising the form from the content: a JSON object (the
/// bundle), a JSON array (records), else StatLine's CSV. `name` names it in messages.
[[nodiscard]] inline cbs_data read_cbs_text(std::string_view text, const std::string& name = "<text>",
                                            const cbs_options& options = {}) {
  std::string_view body(text);
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && body[first] == '{') return read_cbs_bundle_text(body, name, options);
  if (first != std::string_view::npos && body[first] == '[') return read_cbs_records_text(body, name, options);
  std::istringstream in{std::string(text)};
  return read_cbs_csv(in, name, options);
}

/// Reads a CBS table from `path`: a directory of OData documents
/// (`read_cbs_odata_directory`), else the file's content as `read_cbs_text` recognises it.
/// gzip-compressed files are inflated whatever their name. Throws `invalid_input` naming
/// the path when it cannot be read.
[[nodiscard]] inline cbs_data read_cbs(const std::filesystem::path& path, const cbs_options& options = {}) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return read_cbs_odata_directory(path, options);
  return read_cbs_text(detail::cbs_read_file(path), path.string(), options);
}

/// The `retrieved` timestamp of the bundle at `path` (as written, "2026-12-07T22:30:00Z"),
/// so a page can say when the data was fetched. Throws `invalid_input` when the file is no
/// bundle or has no `retrieved`.
[[nodiscard]] inline std::string cbs_bundle_retrieved(const std::filesystem::path& path) {
  const std::string text = detail::cbs_read_file(path);
  const nlohmann::json bundle = detail::cbs_parse_json(text, path.string());
  if (!bundle.is_object() || !bundle.contains("format") || bundle["format"] != "kerncijfers-cbs-odata") {
    throw invalid_input(detail::quoted_path(path) + " is not a CBS bundle");
  }
  if (!bundle.contains("retrieved") || !bundle["retrieved"].is_string()) {
    throw invalid_input(detail::quoted_path(path) + ": the CBS bundle has no \"retrieved\" timestamp");
  }
  return bundle["retrieved"].get<std::string>();
}

}  // namespace kerncijfers
