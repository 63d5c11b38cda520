#define BOOST_TEST_MODULE page_layout
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include <kerncijfers/page_layout.hpp>

namespace kc = kerncijfers;
namespace layout = kerncijfers::detail::rendering;

namespace {

// A heading, a paragraph with every kind of span, a note and a figure.
std::vector<layout::block> sample() {
  std::vector<layout::block> blocks;
  blocks.push_back(layout::heading(2, "A & B"));
  layout::paragraph p;
  p.sentence("One *x*.").sentence("Two").append(" ").emphasis("em").append(" ").link("here", "#").append(", ");
  p.link("there", "https://example.org/?a=1&b=<2>");
  p.append(".");
  p.line_break();
  p.append("(Source: S_1)");
  blocks.push_back(p.take());
  layout::paragraph note;
  note.sentence("(Rounded.)");
  blocks.push_back(note.take(layout::block_kind::note));
  layout::block fig = layout::figure_block("Fig. 1.0", "fig-1-0", "Title <1>");
  fig.markup = "<svg/>";
  blocks.push_back(fig);
  return blocks;
}

}  // namespace

BOOST_AUTO_TEST_CASE(paragraphs_separate_sentences_by_a_space) {
  layout::paragraph p;
  BOOST_TEST(p.empty());
  p.sentence("");  // nothing to add, not even a space
  BOOST_TEST(p.empty());
  p.sentence("A.").sentence("B.").line_break().sentence("C.");
  p.add({layout::span_kind::text, "D", {}});
  const layout::block b = p.take();
  BOOST_TEST(p.empty());
  BOOST_TEST(b.spans.size() == 3u);
  BOOST_TEST(b.spans[0].text == "A. B.");
  BOOST_TEST((b.spans[1].kind == layout::span_kind::line_break));
  // No space after a line break; added text joins the text before it.
  BOOST_TEST(b.spans[2].text == "C.D");
}

BOOST_AUTO_TEST_CASE(markdown_writes_blocks_separated_by_blank_lines) {
  BOOST_TEST(layout::markdown_document(sample()) ==
             "## A & B\n"
             "\n"
             "One \\*x\\*. Two *em* [here](#), [there](https://example.org/?a=1&b=<2>).  \n"
             "(Source: S\\_1)\n"
             "\n"
             "(Rounded.)\n"
             "\n"
             "Fig. 1.0\n");
  BOOST_TEST(layout::markdown_document({}).empty());
}

BOOST_AUTO_TEST_CASE(html_writes_a_standalone_document) {
  const std::string html = layout::html_document("en", "T & \"t\"", sample());
  const std::string head =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>T &amp; &quot;t&quot;</title>\n<style>\n" +
      std::string(layout::html_style) + "</style>\n</head>\n<body>\n<main>\n";
  const std::string body =
      "<h2>A &amp; B</h2>\n"
      // A link to "#" is a placeholder: plain text in a standalone document.
      "<p>One *x*. Two <em>em</em> here, <a href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\">there</a>.<br>\n"
      "(Source: S_1)</p>\n"
      "<p class=\"note\">(Rounded.)</p>\n"
      "<figure id=\"fig-1-0\">\n<svg/>\n<figcaption>Fig. 1.0 Title &lt;1&gt;</figcaption>\n</figure>\n";
  BOOST_TEST(html == head + body + "</main>\n</body>\n</html>\n");
}
