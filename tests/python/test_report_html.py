"""The HTML page with charts: complete offline, and checked in a real browser (headless Chromium).

The browser tests load the page from a file in Chromium with a small probe script added at
the top of <head>. The probe records every error event (script errors and resources that
fail to load), console errors and warnings, and unhandled promise rejections; once the page
has loaded it decodes every image (drawing it on a canvas and counting the pixels that are
not white), measures every chart, counts the bars of
every inline SVG chart, and writes all of it as JSON into the DOM, which Chromium prints
(--dump-dom). Console output of the page (there should be none: the page has no scripts)
is read from Chromium's log as well.

Chromium: Debian's `chromium` (scripts/install-system-deps.sh installs it when
KERNCIJFERS_WITH_BROWSER=1). Without it the browser tests are skipped, unless
KERNCIJFERS_REQUIRE_BROWSER=1 (the test command sets it), which turns a missing browser
into a failure.
"""

from __future__ import annotations

import html.parser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Literal

import kerncijfers as kc
import pytest
from kerncijfers import _core
from kerncijfers.cli import main

HAS_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None
needs_matplotlib = pytest.mark.skipif(not HAS_MATPLOTLIB, reason="matplotlib is not installed (extra 'plot')")

PROBE = """<script>
(function () {
  var seen = {errors: [], console: []};
  window.__kcProbe = seen;
  window.addEventListener("error", function (event) {
    var target = event.target;
    var where = target && target !== window ? (target.tagName + " " + (target.src || target.href || "")) : "";
    seen.errors.push((event.message || "error event") + " " + where.slice(0, 120));
  }, true);
  window.addEventListener("unhandledrejection", function (event) { seen.errors.push("rejection " + event.reason); });
  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      seen.console.push(level + ": " + Array.prototype.join.call(arguments, " "));
      original.apply(console, arguments);
    };
  });
  // Everything is measured synchronously in the load event (which waits for every image),
  // so the report is in the DOM before Chromium prints it.
  window.addEventListener("load", function () {
    var images = Array.prototype.slice.call(document.images).map(function (img) {
      var result = {complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, alt: img.alt, inked: 0};
      try {
        // Drawing forces a full decode; count the pixels that are not white.
        var canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        var context = canvas.getContext("2d");
        context.drawImage(img, 0, 0);
        var pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
        for (var i = 0; i < pixels.length; i += 4) {
          if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) result.inked++;
        }
      } catch (error) {
        result.error = String(error);
      }
      result.ok = result.complete && result.width > 0 && result.height > 0 && result.inked > 0 && !result.error;
      return result;
    });
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure")).map(function (figure) {
      var svg = figure.querySelector("svg");
      var chart = svg || figure.querySelector("img");
      var box = chart ? chart.getBoundingClientRect() : {width: 0, height: 0};
      return {
        id: figure.id,
        svgs: figure.querySelectorAll("svg").length,
        images: figure.querySelectorAll("img").length,
        tables: figure.querySelectorAll("table").length,
        bars: svg ? svg.querySelectorAll('[id^="' + figure.id + '-bar-"]').length : 0,
        svgText: svg ? svg.textContent : "",
        label: svg ? svg.getAttribute("aria-label") : (chart ? chart.alt : ""),
        width: box.width,
        height: box.height,
        caption: (figure.querySelector("figcaption") || {}).textContent || ""
      };
    });
    var out = document.createElement("pre");
    out.id = "kc-probe";
    out.textContent = JSON.stringify({
      errors: seen.errors, console: seen.console, images: images, figures: figures, text: document.body.innerText
    });
    document.body.appendChild(out);
  });
})();
</script>
"""


class _Resources(html.parser.HTMLParser):
    """Every address the page would load."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "data", "poster", "srcset") and value:
                self.addresses.append(value)


def assert_complete_offline(page: str) -> None:
    parser = _Resources()
    parser.feed(page)
    assert not {"script", "link", "iframe", "object", "embed"} & set(parser.tags)
    for address in parser.addresses:
        assert address.startswith(("data:", "#")), address
    assert "url(http" not in page and "@import" not in page


# ----------------------------------------------------------------------------------------
# The page, without a browser


@needs_matplotlib
def test_the_page_embeds_one_chart_per_figure(golden_figures: kc.KeyFigures) -> None:
    from kerncijfers.report import render_html_with_charts

    figures = golden_figures
    page = render_html_with_charts(figures, "nl")
    assert page.startswith("<!DOCTYPE html>")
    assert_complete_offline(page)
    for index, distribution in enumerate(
        (figures.first_month, figures.first_trailing, figures.family_reunification_month)
    ):
        start = page.index(f'<figure id="fig-1-{index}">')
        block = page[start : page.index("</figure>", start)]
        svg = ET.fromstring(block[block.index("<svg") : block.index("</svg>") + len("</svg>")])
        bar_ids = [e.get("id") for e in svg.iter() if (e.get("id") or "").startswith(f"fig-1-{index}-bar-")]
        assert len(bar_ids) == len(distribution.rows)
        assert "<table>" not in block  # the chart replaces the table
        caption = kc.html_escape(kc.figure_title(figures, index, "nl"))
        assert f"<figcaption>Fig. 1.{index} {caption}</figcaption>" in block
    png = render_html_with_charts(figures, "en", image_format="png")
    assert png.count('<img src="data:image/png;base64,') == 3
    assert_complete_offline(png)
    with pytest.raises(kc.InvalidInput, match="gif"):
        render_html_with_charts(figures, "nl", image_format="gif")  # type: ignore[arg-type]


@needs_matplotlib
def test_an_unavailable_figure_gets_no_chart(bundled_figures: kc.KeyFigures) -> None:
    from kerncijfers.report import render_html_with_charts

    page = render_html_with_charts(bundled_figures, "nl")
    assert page.count("<svg") == 2
    start = page.index('<figure id="fig-1-2">')
    block = page[start : page.index("</figure>", start)]
    assert "<svg" not in block and "Niet beschikbaar" in block


def test_the_command_line_embeds_charts_when_matplotlib_is_installed(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert main(["report", "--format", "html", "--output", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert_complete_offline(page)
    assert page.count("<svg") == (2 if HAS_MATPLOTLIB else 0)
    assert main(["report", "--format", "html", "--charts", "none", "--output", str(out)]) == 0
    assert "<svg" not in out.read_text(encoding="utf-8")
    assert main(["report", "--format", "html", "--charts", "png", "--lang", "en", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("data:image/png") == (2 if HAS_MATPLOTLIB else 0)


# ----------------------------------------------------------------------------------------
# In Chromium


def chromium() -> str:
    for name in (os.environ.get("KERNCIJFERS_CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return str(shutil.which(name))
    if os.environ.get("KERNCIJFERS_REQUIRE_BROWSER"):
        pytest.fail("KERNCIJFERS_REQUIRE_BROWSER is set but no chromium is installed (KERNCIJFERS_WITH_BROWSER=1 "
                    "scripts/install-system-deps.sh installs it)")  # fmt: skip
    pytest.skip("no chromium (Debian package 'chromium'); set KERNCIJFERS_REQUIRE_BROWSER=1 to make this a failure")


def load_in_browser(page: str, tmp_path: Path) -> dict[str, Any]:
    """The probe's findings for `page`, loaded from a file in headless Chromium."""
    browser = chromium()
    head = page.index("<head>") + len("<head>")
    path = tmp_path / "page.html"
    path.write_text(page[:head] + "\n" + PROBE + page[head:], encoding="utf-8")
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", "--window-size=1024,2000",
        "--virtual-time-budget=10000", "--dump-dom", path.as_uri(),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="kc-probe">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, f"the probe did not report; stderr: {result.stderr[-2000:]}"
    report: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    report["log"] = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return report


def assert_loaded_cleanly(report: dict[str, Any]) -> None:
    assert report["errors"] == []
    assert report["console"] == []
    assert report["log"] == []


@needs_matplotlib
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chromium_shows_the_svg_charts_and_the_text(
    lang: Literal["nl", "en"], tmp_path: Path, golden_figures: kc.KeyFigures
) -> None:
    from kerncijfers.report import render_html_with_charts

    figures = golden_figures
    report = load_in_browser(render_html_with_charts(figures, lang), tmp_path)
    assert_loaded_cleanly(report)
    distributions = (figures.first_month, figures.first_trailing, figures.family_reunification_month)
    assert [f["id"] for f in report["figures"]] == ["fig-1-0", "fig-1-1", "fig-1-2"]
    for index, (shown, distribution) in enumerate(zip(report["figures"], distributions)):
        assert shown["svgs"] == 1 and shown["tables"] == 0
        assert shown["bars"] == len(distribution.rows)
        assert shown["width"] > 300 and shown["height"] > 100  # laid out, not collapsed
        title = kc.figure_title(figures, index, lang)
        assert shown["caption"] == f"Fig. 1.{index} {title}"
        assert shown["label"] == f"Fig. 1.{index} {title}"
        for row in distribution.rows:
            assert _core._distribution_row_label(distribution, row, lang) in shown["svgText"]
            assert kc.format_percent(row.percent.units, row.percent.decimals, lang) in shown["svgText"]
        assert kc.source_text(distribution.source, lang) in shown["svgText"]
    text = report["text"]
    if lang == "nl":
        assert "In mei 2021 kwam 32% van de asielzoekers die voor het eerst een aanvraag indienden uit Syrië." in text
        assert "In 2021 zijn ongeveer 7.690 vreemdelingen" in text
    else:
        assert "In May 2021, 32% of first-time asylum applicants came from Syria." in text
        assert "7,690" in text


@needs_matplotlib
def test_chromium_decodes_every_png_chart(tmp_path: Path, golden_figures: kc.KeyFigures) -> None:
    from kerncijfers.report import render_html_with_charts

    figures = golden_figures
    report = load_in_browser(render_html_with_charts(figures, "nl", image_format="png"), tmp_path)
    assert_loaded_cleanly(report)
    assert len(report["images"]) == 3
    for index, image in enumerate(report["images"]):
        assert image["ok"], image
        assert image["width"] > 300 and image["height"] > 100
        assert image["inked"] > 5000  # bars and text, not a blank image
        assert image["alt"] == f"Fig. 1.{index} {kc.figure_title(figures, index, 'nl')}"
    assert all(f["images"] == 1 and f["width"] > 300 for f in report["figures"])


@needs_matplotlib
def test_chromium_shows_the_bundled_page_with_an_unavailable_figure(
    tmp_path: Path, bundled_figures: kc.KeyFigures
) -> None:
    from kerncijfers.report import render_html_with_charts

    figures = bundled_figures
    report = load_in_browser(render_html_with_charts(figures, "nl"), tmp_path)
    assert_loaded_cleanly(report)
    assert [f["svgs"] for f in report["figures"]] == [1, 1, 0]
    expected_bars = [len(figures.first_month.rows), len(figures.first_trailing.rows)]
    assert [f["bars"] for f in report["figures"]][:2] == expected_bars
    assert "Niet naar nationaliteit uitgesplitst" in report["figures"][0]["svgText"]
    assert "Niet beschikbaar" in report["text"]


def test_chromium_shows_the_page_without_charts(tmp_path: Path, golden_figures: kc.KeyFigures) -> None:
    """The page of the C++ renderer alone (no matplotlib needed): tables instead of charts."""
    figures = golden_figures
    report = load_in_browser(kc.render_html(figures, "en"), tmp_path)
    assert_loaded_cleanly(report)
    assert [f["tables"] for f in report["figures"]] == [1, 1, 1]
    assert "Syria" in report["text"] and "Fig. 1.1 First asylum applications by nationality" in report["text"]


def test_the_probe_catches_a_broken_image_and_a_console_error(tmp_path: Path) -> None:
    """The browser check can fail: a page with a missing image and a script error."""
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8"><title>broken</title></head>\n<body>'
        '<figure id="f"><img src="missing.png" alt="gone"></figure>'
        '<script>console.error("boom");</script></body></html>'
    )
    report = load_in_browser(page, tmp_path)
    assert any("missing.png" in e for e in report["errors"])
    assert report["console"] == ["error: boom"]
    assert report["images"][0]["ok"] is False and report["images"][0]["width"] == 0
    assert report["log"]  # Chromium's log has the console line too
