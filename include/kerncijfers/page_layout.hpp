#pragma once
/// \file page_layout.hpp
/// The layout of a rendered page, apart from its words: a page is a list of blocks
/// (headings, paragraphs, notes, figures), a paragraph a list of spans (text, emphasis,
/// links, line breaks), and two writers turn the blocks into Markdown and into a standalone
/// HTML5 document. The writers escape every text they write (`markdown_escape`,
/// `html_escape`); only a figure's `markup` goes into HTML verbatim.
///
/// Internal to the renderer (`render.hpp`), which composes the blocks from the figures and
/// the phrasebook.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kerncijfers/text.hpp"

namespace kerncijfers::detail::rendering {

enum class span_kind : std::uint8_t { text, emphasis, link, line_break };

struct span {
  span_kind kind = span_kind::text;
  std::string text;
  std::string href;
};

enum class block_kind : std::uint8_t { heading, paragraph, figure, note };

// A figure block carries what both writers need: its number ("Fig. 1.0", the Markdown
// placeholder and the start of the caption), the HTML anchor, the caption text and the
// trusted HTML markup that stands for the figure.
struct block {
  block_kind kind = block_kind::paragraph;
  int level = 0;
  std::vector<span> spans;
  std::string number;
  std::string anchor;
  std::string caption;
  std::string markup;
};

// Builds one paragraph from sentences; consecutive sentences are separated by a space.
class paragraph {
 public:
  // Appends a sentence (or any text) after a space when the paragraph is not empty.
  paragraph& sentence(std::string text) {
    if (text.empty()) return *this;
    space();
    return append(std::move(text));
  }
  paragraph& append(std::string text) {
    if (!spans_.empty() && spans_.back().kind == span_kind::text) {
      spans_.back().text += text;
    } else {
      spans_.push_back({span_kind::text, std::move(text), {}});
    }
    return *this;
  }
  paragraph& emphasis(std::string text) {
    spans_.push_back({span_kind::emphasis, std::move(text), {}});
    return *this;
  }
  paragraph& link(std::string text, std::string href) {
    spans_.push_back({span_kind::link, std::move(text), std::move(href)});
    return *this;
  }
  paragraph& line_break() {
    spans_.push_back({span_kind::line_break, {}, {}});
    return *this;
  }
  // A span as it is (text is appended, so adjacent text stays one span).
  paragraph& add(span s) {
    if (s.kind == span_kind::text) return append(std::move(s.text));
    spans_.push_back(std::move(s));
    return *this;
  }
  void space() {
    if (!spans_.empty() && spans_.back().kind != span_kind::line_break) append(" ");
  }
  [[nodiscard]] bool empty() const noexcept { return spans_.empty(); }
  [[nodiscard]] block take(block_kind kind = block_kind::paragraph) {
    block b;
    b.kind = kind;
    b.spans = std::move(spans_);
    spans_.clear();
    return b;
  }

 private:
  std::vector<span> spans_;
};

[[nodiscard]] inline block heading(int level, std::string text) {
  block b;
  b.kind = block_kind::heading;
  b.level = level;
  b.spans.push_back({span_kind::text, std::move(text), {}});
  return b;
}

[[nodiscard]] inline block figure_block(std::string number, std::string anchor, std::string caption) {
  block b;
  b.kind = block_kind::figure;
  b.number = std::move(number);
  b.anchor = std::move(anchor);
  b.caption = std::move(caption);
  return b;
}

// ----- Markdown

[[nodiscard]] inline std::string markdown_spans(const std::vector<span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case span_kind::text: out += markdown_escape(s.text); break;
      case span_kind::emphasis: out += "*" + markdown_escape(s.text) + "*"; break;
      case span_kind::link: out += "[" + markdown_escape(s.text) + "](" + s.href + ")"; break;
      case span_kind::line_break: out += "  \n"; break;
    }
  }
  return out;
}

// The blocks as Markdown, separated by blank lines; a figure is its number, the
// placeholder the page has where the chart goes.
[[nodiscard]] inline std::string markdown_document(const std::vector<block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += "\n";
    switch (b.kind) {
      case block_kind::heading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " + markdown_spans(b.spans) + "\n";
        break;
      case block_kind::paragraph:
      case block_kind::note: out += markdown_spans(b.spans) + "\n"; break;
      case block_kind::figure: out += b.number + "\n"; break;
    }
  }
  return out;
}

// ----- HTML

[[nodiscard]] inline std::string html_spans(const std::vector<span>& spans) {
  std::string out;
  for (const auto& s : spans) {
    switch (s.kind) {
      case span_kind::text: out += html_escape(s.text); break;
      case span_kind::emphasis: out += "<em>" + html_escape(s.text) + "</em>"; break;
      case span_kind::link:
        // A placeholder target would be a dead link in a standalone document.
        if (s.href.empty() || s.href == "#") {
          out += html_escape(s.text);
        } else {
          out += "<a href=\"" + html_escape(s.href) + "\">" + html_escape(s.text) + "</a>";
        }
        break;
      case span_kind::line_break: out += "<br>\n"; break;
    }
  }
  return out;
}

inline constexpr std::string_view html_style =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;"
    "max-width:46rem;margin:2rem auto;padding:0 1rem}\n"
    "h2,h3{line-height:1.25}\n"
    "figure{margin:1.5rem 0}\n"
    "figcaption{font-size:.9rem;color:#555}\n"
    "table{border-collapse:collapse;font-size:.95rem}\n"
    "th,td{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".note{font-size:.9rem;color:#555}\n";

// The blocks as a standalone HTML5 document in language `lang_code` ("nl"), with `title`
// and the inline stylesheet; a figure is its markup and a caption of number and title.
[[nodiscard]] inline std::string html_document(std::string_view lang_code, std::string_view title,
                                               const std::vector<block>& blocks) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_code) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + html_escape(title) + "</title>\n";
  out += "<style>\n" + std::string(html_style) + "</style>\n";
  out += "</head>\n<body>\n<main>\n";
  for (const auto& b : blocks) {
    switch (b.kind) {
      case block_kind::heading: {
        const std::string tag = "h" + std::to_string(b.level);
        out += "<" + tag + ">" + html_spans(b.spans) + "</" + tag + ">\n";
        break;
      }
      case block_kind::paragraph: out += "<p>" + html_spans(b.spans) + "</p>\n"; break;
      case block_kind::note: out += "<p class=\"note\">" + html_spans(b.spans) + "</p>\n"; break;
      case block_kind::figure:
        out += "<figure id=\"" + html_escape(b.anchor) + "\">\n";
        out += b.markup;
        if (!b.markup.empty() && b.markup.back() != '\n') out += "\n";
        out += "<figcaption>" + html_escape(b.number + " " + b.caption) + "</figcaption>\n";
        out += "</figure>\n";
        break;
    }
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace kerncijfers::detail::rendering
