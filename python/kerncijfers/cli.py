"""The command line: ``kerncijfers report`` renders the key-figures page.

With no arguments it renders the Dutch Markdown page for May 2021 from the real data that
ships with the package (CBS 83102NED extract, CBS release totals, DT&V departures) and the
Dutch list of safe countries of origin. Bad input gives a one-line error on stderr naming
the file, line and value, exit status 2, and leaves no partial output file behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from . import _core as core
from .data import bundled_counts_files, bundled_departures_files
from .report import read_counts, read_departures

EXIT_BAD_INPUT = 2


def _month(text: str) -> core.Month:
    try:
        return core.Month.parse(text)
    except core.ParseError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kerncijfers", description="Key figures on asylum and migration from raw counts."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser(
        "report",
        help="render the 'Kerncijfers asiel en migratie' page for a month",
        description="Render the key-figures page for a month. Without --data it uses the bundled real data.",
    )
    report.add_argument("--month", type=_month, default=core.Month(2021, 5), help="the month, YYYY-MM (default 2021-05)")
    report.add_argument(
        "--data", action="append", type=Path, default=None, metavar="FILE", help="counts CSV file (repeatable)"
    )
    report.add_argument(
        "--departures", action="append", type=Path, default=None, metavar="FILE", help="departures CSV file (repeatable)"
    )
    report.add_argument("--safe-countries", type=Path, default=None, metavar="FILE", help="safe-country list CSV")
    report.add_argument("--lang", choices=["nl", "en"], default="nl")
    report.add_argument("--format", choices=["md", "html", "json"], default="md")
    report.add_argument("--rounding", choices=["published", "largest-remainder"], default="published")
    report.add_argument("--top", type=int, default=None, metavar="N", help="named nationalities in every distribution")
    report.add_argument(
        "--nareiziger-window-end",
        type=_month,
        default=None,
        metavar="YYYY-MM",
        help="last month of the nareiziger trailing window when its source lags (default: --month)",
    )
    report.add_argument(
        "--charts",
        choices=["svg", "png", "none"],
        default="svg",
        help="--format html: draw Fig. 1.0-1.2 as inline SVG (default) or PNG when matplotlib is installed, "
        "or keep the tables (none; also without matplotlib)",
    )
    report.add_argument("--progress", action="store_true", help="show progress bars (tqdm when installed)")
    report.add_argument("--output", type=Path, default=None, metavar="FILE", help="write here instead of stdout")
    return parser


def render(args: argparse.Namespace) -> str:
    """The page as text, from parsed arguments."""
    counts = read_counts(args.data or bundled_counts_files(), progress=args.progress)
    departures = read_departures(args.departures or bundled_departures_files(), progress=args.progress)
    safe = core.load_safe_countries(args.safe_countries) if args.safe_countries else core.nl_safe_countries()
    options = core.KeyFiguresOptions(rounding=core.parse_share_rounding(args.rounding))
    if args.top is not None:
        options.top_first_month = options.top_first_trailing = options.top_nareizigers = args.top
    if args.nareiziger_window_end is not None:
        options.nareiziger_window_end = args.nareiziger_window_end
    figures = core.compute_key_figures(counts, departures, safe, args.month, options)
    if args.format == "json":
        return core.render_json(figures)
    if args.format == "html":
        return _html(figures, args.lang, args.charts)
    return core.render_markdown(figures, args.lang)


def _html(figures: core.KeyFigures, lang: Literal["nl", "en"], charts: str) -> str:
    """The HTML page; with charts drawn by matplotlib when it is installed, else the page's tables."""
    if charts != "none":
        try:
            import matplotlib  # noqa: F401
        except ImportError:
            charts = "none"
    if charts == "none":
        return core.render_html(figures, lang)
    from .report import render_html_with_charts

    return render_html_with_charts(figures, lang, image_format="png" if charts == "png" else "svg")


def _write_atomically(path: Path, text: str) -> None:
    # A temporary file beside the target, renamed into place only when complete: a failed
    # run never leaves a partial page behind.
    directory = path.resolve().parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.top is not None and args.top < 1:
        parser.error(f"--top must be at least 1, got {args.top}")
    try:
        text = render(args)
    except (ValueError, KeyError, OSError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
        print(f"kerncijfers: error: {' '.join(str(message).split())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(args.output, text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
