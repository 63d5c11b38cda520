"""The command line: ``kerncijfers report`` renders the key-figures page.

With no arguments it renders the Dutch Markdown page for May 2021 from the real data that
ships with the package (CBS 83102NED extract, CBS release totals, DT&V departures) and the
Dutch list of safe countries of origin.

**Eurostat's data.** ``--eurostat FILE`` reads Eurostat's asylum applicants by citizenship
(``migr_asyappctza`` annual, ``migr_asyappctzm`` monthly; any of its layouts, gzipped or
not) for the reporting country ``--geo`` (default ``NL``) and renders its page for
``--year YYYY``, ``--quarter YYYY-Qn`` or ``--month YYYY-MM`` (one of them is required, in
the file's unit); ``--trailing N`` sets the trailing window in periods of that unit. For a
country other than NL the Dutch-policy paragraphs (safe countries of origin, departures)
are left out unless ``--departures`` or ``--safe-countries`` give that country's own data.

**The publishers' data.** ``kerncijfers fetch cbs 83102NED`` and ``kerncijfers fetch
eurostat migr_asyappctzm`` download a CBS StatLine table or a Eurostat dataset into the
user's cache (or revalidate the cached copy; ``--refresh``, ``--offline``, ``--list``,
``--base-url``, ``--cache-dir``: docs/fetch.md); ``report --source cbs|eurostat`` (with
``--dataset CODE`` for another table) renders the page from the newest cached release, and
its source line says when that was retrieved. Every failure of a fetch is one line, exit 2.

**The week page.** ``--week YYYY-Www`` renders the weekly influx of that ISO week (the week
and the 4 and 13 weeks up to it, per category) from counts per ISO week in the ``--data``
files (default: the bundled counts, which are monthly, so every count of the page then says
it is not available and why); ``--format`` and ``--lang`` as for the month page.

**Input files.** ``--data``, ``--departures`` and ``--safe-countries`` must each name a
regular file, or a stream that can be read (a FIFO, ``/dev/stdin``, a shell's ``<(...)``).
A missing or unreadable file, a directory, a block device or a socket is refused by name,
with its option, before anything is read.

**Output.** Without ``--output``, or with ``--output -``, the page goes to standard output.
It is UTF-8 wherever it goes, whatever the locale. ``--output FILE`` writes FILE
atomically: the page goes to a temporary file in FILE's directory, is flushed to disk and
renamed over FILE, so FILE holds the old page or the complete new one, never a part.
Only a regular file is ever replaced:

- a new FILE gets the mode ``0666 & ~umask`` (as any new file); an existing FILE keeps
  its mode and, as far as the user may set them, its owner and group (root keeps both).
  A FILE with other hard links becomes a file of its own; the other names keep the old page;
- a symbolic link is written *through*: the file it points to is replaced atomically and
  the link stays a link. A dangling link is refused (kerncijfers does not create the file
  a link points to);
- a directory, a device (``/dev/null`` included), a FIFO or a socket is refused, and so
  is a FILE the user may not write, or one in a directory that does not exist or cannot be
  written. To send the page to a device or a pipe, redirect standard output.

**Errors and exit status.** Every message is one line on standard error. File names that
are not UTF-8 and control characters in them are shown escaped (``\\xff``, ``\\n``).

- ``0``: the page was written.
- ``2``: bad input or a file that cannot be used: ``kerncijfers: error: ...`` naming the
  option and path, or the file, line and value. Nothing is written: an existing
  ``--output`` file is unchanged and no temporary file is left behind.
- ``141`` (128 + SIGPIPE): standard output was closed before the page was written
  (``kerncijfers report | head``). Nothing is printed, as for a Unix tool that SIGPIPE ends.
- ``130``: interrupted (Ctrl-C); no temporary file is left behind.
- ``1``: an internal error, a bug in kerncijfers rather than in the input:
  ``kerncijfers: internal error: <exception>: <message> (...)`` asks for a report;
  the environment variable ``KERNCIJFERS_TRACEBACK=1`` prints the traceback as well.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal, NoReturn, TypeVar

from . import _core as core
from ._cache import CacheEntry
from ._europe import add_europe_command, render_europe
from ._files import FileProblem, check_readable, output_target, reason, shown, write_atomically
from ._progress import progress_bar
from .data import bundled_counts_files, bundled_departures_files, bundled_eurostat_file

EXIT_INTERNAL_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE

#: The largest ``--top N``: more than there are nationalities, so it names them all.
MAX_TOP = 1000

_MESSAGE_LIMIT = 1000
_Row = TypeVar("_Row")
_Table = TypeVar("_Table")


class CommandLineError(Exception):
    """Input the command line cannot use; the message says what and where (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    # One line through main() rather than argparse's usage block and its own exit.
    def error(self, message: str) -> NoReturn:
        raise CommandLineError(message)


def _one_line(text: str, limit: int = _MESSAGE_LIMIT) -> str:
    text = shown(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _month(text: str) -> core.Month:
    try:
        return core.Month.parse(text)
    except (ValueError, KeyError) as error:
        raise argparse.ArgumentTypeError(_message_of(error) or str(error)) from None


def _year(text: str) -> core.Year:
    try:
        return core.Year.parse(text)
    except (ValueError, KeyError) as error:
        raise argparse.ArgumentTypeError(_message_of(error) or str(error)) from None


def _quarter(text: str) -> core.Quarter:
    try:
        return core.Quarter.parse(text)
    except (ValueError, KeyError) as error:
        raise argparse.ArgumentTypeError(_message_of(error) or str(error)) from None


def _week(text: str) -> core.IsoWeek:
    try:
        return core.IsoWeek.parse(text)
    except (ValueError, KeyError) as error:
        raise argparse.ArgumentTypeError(_message_of(error) or str(error)) from None


def _geo(text: str) -> str:
    if not (2 <= len(text) <= 8 and text.isascii() and text.replace("_", "").isalnum() and text.upper() == text):
        given = shown(text if len(text) <= 40 else text[:40] + "...")
        raise argparse.ArgumentTypeError(f"expected a Eurostat geo code such as NL, DE or EL, got '{given}'")
    return text


def _top(text: str) -> int:
    try:
        value: int | None = int(text, 10)
    except ValueError:  # not a number, or more digits than Python converts
        value = None
    if value is None or not 1 <= value <= MAX_TOP:
        given = shown(text if len(text) <= 40 else text[:40] + "...")
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {MAX_TOP}, got '{given}'")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kerncijfers", description="Key figures on asylum and migration from raw counts.")
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser(
        "report",
        help="render the 'Kerncijfers asiel en migratie' page for a month, quarter or year, or the week page",
        description="Render the key-figures page for a month (or, from Eurostat's data, a quarter or a year and "
        "any reporting country). Without --data or --eurostat it uses the bundled real data.",
    )
    period = report.add_mutually_exclusive_group()
    period.add_argument("--month", type=_month, default=None, help="the month, YYYY-MM (default 2021-05)")
    period.add_argument("--quarter", type=_quarter, default=None, help="the quarter, YYYY-Qn (Eurostat's data)")
    period.add_argument("--year", type=_year, default=None, help="the year, YYYY (Eurostat's annual data)")
    period.add_argument(
        "--week",
        type=_week,
        default=None,
        metavar="YYYY-Www",
        help="the week page: the weekly influx of an ISO week, YYYY-Www (counts per week from --data)",
    )
    source = report.add_mutually_exclusive_group()
    source.add_argument("--data", action="append", default=None, metavar="FILE", help="counts CSV file (repeatable)")
    source.add_argument(
        "--eurostat", default=None, metavar="FILE", help="Eurostat asylum applicants file (migr_asyappctza/-ctzm)"
    )
    source.add_argument(
        "--cbs",
        default=None,
        metavar="FILE",
        help="CBS StatLine table 83102NED: the bundle of `kerncijfers fetch`, an OData documents directory, "
        "cbsodata records (JSON) or StatLine's CSV download",
    )
    source.add_argument(
        "--source",
        choices=["cbs", "eurostat"],
        default=None,
        help="the newest release of a publisher's dataset in the cache of `kerncijfers fetch` "
        "(CBS 83102NED, Eurostat migr_asyappctzm; --dataset names another)",
    )
    report.add_argument("--dataset", default=None, metavar="CODE", help="--source: the CBS table or Eurostat dataset")
    report.add_argument(
        "--cache-dir",
        default=None,
        metavar="DIR",
        help="--source: the cache directory (default: see kerncijfers fetch)",
    )
    report.add_argument(
        "--geo", type=_geo, default=None, metavar="CODE", help="--eurostat: the reporting country (default NL)"
    )
    report.add_argument(
        "--trailing", type=_top, default=None, metavar="N", help="trailing window in periods of the page's unit"
    )
    report.add_argument(
        "--departures", action="append", default=None, metavar="FILE", help="departures CSV file (repeatable)"
    )
    report.add_argument("--safe-countries", default=None, metavar="FILE", help="safe-country list CSV")
    report.add_argument("--lang", choices=["nl", "en"], default="nl")
    report.add_argument("--format", choices=["md", "html", "json"], default="md")
    report.add_argument("--rounding", choices=["published", "largest-remainder"], default="published")
    report.add_argument(
        "--top", type=_top, default=None, metavar="N", help=f"named nationalities in every distribution (1-{MAX_TOP})"
    )
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
    report.add_argument(
        "--output",
        default=None,
        metavar="FILE",
        help="write the page to this regular file, atomically, instead of stdout ('-': stdout); "
        "a symbolic link is written through to its file",
    )
    add_europe_command(commands)  # `kerncijfers europe`: see _europe.py
    _add_fetch_command(commands)
    return parser


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not value > 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, got '{shown(text[:40])}'")
        return value

    return parse


def _add_fetch_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    fetch = commands.add_parser(
        "fetch",
        help="download a CBS StatLine table or a Eurostat dataset into the cache (or list the cache)",
        description="Download a publisher's dataset into the user's cache, or revalidate the cached copy "
        "(kerncijfers fetch cbs 83102NED; kerncijfers fetch eurostat migr_asyappctzm). "
        "`kerncijfers report --source cbs|eurostat` reads the newest cached release.",
    )
    fetch.add_argument("publisher", nargs="?", choices=["cbs", "eurostat"], help="cbs or eurostat")
    fetch.add_argument("dataset", nargs="?", help="the CBS table (83102NED) or Eurostat dataset (migr_asyappctzm)")
    fetch.add_argument("--list", action="store_true", help="list what is cached: release, retrieved, size, file")
    mode = fetch.add_mutually_exclusive_group()
    mode.add_argument("--refresh", action="store_true", help="download again, even when the cached copy is current")
    mode.add_argument("--offline", action="store_true", help="no network: use the cached copy")
    fetch.add_argument(
        "--base-url", default=None, metavar="URL",
        help="the publisher's URL, for a mirror (default: $KERNCIJFERS_CBS_URL / $KERNCIJFERS_EUROSTAT_URL, "
        "else the publisher's API)",
    )  # fmt: skip
    fetch.add_argument(
        "--cache-dir", default=None, metavar="DIR", help="the cache (default: $KERNCIJFERS_CACHE_DIR, else the "
        "user's cache directory)"
    )  # fmt: skip
    fetch.add_argument("--timeout", type=_positive(float), default=None, metavar="SECONDS", help="per connect and read")
    fetch.add_argument("--retries", type=int, default=None, metavar="N", help="tries after a transient failure")
    fetch.add_argument("--max-bytes", type=_positive(int), default=None, metavar="N", help="largest download")
    fetch.add_argument(
        "--max-unpacked", type=_positive(int), default=None, metavar="N", help="largest unpacked size of a gzip file"
    )
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")


# ----------------------------------------------------------------------------------------
# Errors


def _message_of(error: BaseException) -> str | None:
    """The one-line message of an error the input can cause (from the library, the file
    system or the arguments); None for anything else, which is a bug."""
    if isinstance(error, CommandLineError):
        return shown(str(error))
    if isinstance(error, (RecursionError, NotImplementedError)):
        return None
    if isinstance(error, UnicodeDecodeError) and isinstance(error.object, bytes):
        # Bytes from C++ that are not UTF-8 (a message naming a file whose name is not
        # UTF-8, say) reach Python as this error: show those bytes, escaped.
        text = bytes(error.object[:_MESSAGE_LIMIT]).decode("utf-8", "backslashreplace")
    elif isinstance(error, OSError):
        text = f"{error.filename}: {reason(error)}" if isinstance(error.filename, str) else reason(error)
    elif isinstance(error, MemoryError):
        text = f"out of memory: {error}" if str(error) else "out of memory"
    elif isinstance(error, KeyError):
        text = str(error.args[0]) if error.args else "KeyError"
    elif isinstance(error, (ValueError, RuntimeError, OverflowError)):
        text = str(error) or type(error).__name__
    else:
        return None
    return _one_line(text)


@contextlib.contextmanager
def _naming(option: str | None, path: str) -> Iterator[None]:
    """Errors while reading ``path`` name it (and its option), unless they already do."""
    try:
        yield
    except CommandLineError:
        raise
    except Exception as error:
        message = _message_of(error)
        if message is None:
            raise
        where = shown(path)
        if where not in message:
            message = f"{option} {where}: {message}" if option else f"{where}: {message}"
        raise CommandLineError(message) from error


def _file_checked(option: str, check: Callable[[str], object], path: str) -> None:
    try:
        check(path)
    except FileProblem as problem:
        raise CommandLineError(f"{option} {problem}") from None


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr closed or gone
        print(f"kerncijfers: {message}", file=sys.stderr, flush=True)


def _internal_error(error: BaseException) -> int:
    if os.environ.get("KERNCIJFERS_TRACEBACK"):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            traceback.print_exception(error, file=sys.stderr)
    detail = _one_line(f"{type(error).__name__}: {error}", limit=300)
    _say(
        f"internal error: {detail} (a bug in kerncijfers {core.__version__}, not in your input: please report it "
        "with the command that caused it; KERNCIJFERS_TRACEBACK=1 shows the traceback)"
    )
    return EXIT_INTERNAL_ERROR


# ----------------------------------------------------------------------------------------
# Reading, rendering, writing


def _read_table(
    option: str,
    given: list[str] | None,
    bundled: list[Path],
    read_rows: Callable[[str], list[_Row]],
    from_rows: Callable[[list[_Row], str], _Table],
    what: str,
    progress: bool,
) -> _Table:
    paths = given if given else [os.fspath(p) for p in bundled]
    rows: list[_Row] = []
    for path in progress_bar(paths, desc=f"reading {what}", unit="file") if progress else paths:
        with _naming(option if given else None, path):
            rows.extend(read_rows(path))
    # The origin names the files in messages; escaped, as a name that is not UTF-8 cannot cross into C++ as text.
    return from_rows(rows, ", ".join(shown(p) for p in paths))


def render(args: argparse.Namespace) -> str:
    """The page as text, from parsed arguments. Raises :class:`CommandLineError` for a file
    that cannot be read (named with its option), the library's errors for bad data."""
    if args.command == "europe":
        return render_europe(args)
    if args.week is not None:
        return _render_week(args)
    period: core.Month | core.Quarter | core.Year | None = args.month or args.quarter or args.year
    geo: str | None = args.geo
    if geo is not None and not args.eurostat and args.source != "eurostat":
        raise CommandLineError("--geo needs --eurostat (the counts CSV files have no reporting country)")
    for option, value in (("--dataset", args.dataset), ("--cache-dir", args.cache_dir)):
        if value is not None and args.source is None:
            raise CommandLineError(f"{option} needs --source cbs or --source eurostat")
    retrieved = ""
    eurostat = args.eurostat
    if eurostat is None and args.data is None and (args.year is not None or args.quarter is not None):
        # The bundled yearly data is Eurostat's (the Netherlands' part of migr_asyappctza).
        eurostat = str(bundled_eurostat_file())
    if args.source is not None:
        if args.source == "eurostat":
            geo = geo or "NL"
        elif args.quarter is not None or args.year is not None:
            raise CommandLineError("--quarter and --year need Eurostat's data (--source cbs is read as months)")
        counts, retrieved = _cached_counts(args, geo or "NL")
    elif args.cbs is not None:
        if args.quarter is not None or args.year is not None:
            raise CommandLineError("--quarter and --year need Eurostat's data (--cbs is read as months)")
        with _naming("--cbs", args.cbs):
            counts = core.read_cbs(args.cbs)
            retrieved = _bundle_day(args.cbs)
    elif eurostat:
        geo = geo or "NL"
        if period is None:
            raise CommandLineError(
                "--eurostat needs the page's period: --year YYYY, --quarter YYYY-Qn or --month YYYY-MM"
            )
        _file_checked("--eurostat", check_readable, eurostat)
        from .report import eurostat_counts

        with _naming("--eurostat", eurostat):
            counts = eurostat_counts(eurostat, geo)
    else:
        if args.quarter is not None or args.year is not None:
            raise CommandLineError("--quarter and --year need --eurostat (--data is monthly)")
        counts = _read_table(
            "--data", args.data, bundled_counts_files(), core.read_count_rows, core.CountsTable.from_rows,
            "counts", args.progress,
        )  # fmt: skip
    # The bundled departures are the Netherlands': another country's page takes only given ones.
    bundled = bundled_departures_files() if geo is None or core.is_netherlands(geo) else []
    departures = _read_table(
        "--departures", args.departures, bundled, core.read_departure_rows,
        core.DeparturesTable.from_rows, "departures", args.progress,
    )  # fmt: skip
    if args.safe_countries:
        with _naming("--safe-countries", args.safe_countries):
            safe = core.load_safe_countries(args.safe_countries)
    else:
        safe = core.nl_safe_countries()
    options = core.KeyFiguresOptions(rounding=core.parse_share_rounding(args.rounding), trailing=args.trailing)
    if geo is not None:
        options.reporting_country = geo
        # The user's own departures or safe-country list for that country count as its data.
        options.country_policy_data = bool(args.departures or args.safe_countries) and not core.is_netherlands(geo)
    if args.top is not None:
        options.top_first_month = options.top_first_trailing = options.top_family_reunification = args.top
    if args.nareiziger_window_end is not None:
        options.family_reunification_window_end = args.nareiziger_window_end
    if retrieved:
        options.retrieved = retrieved
    figures = core.compute_key_figures(counts, departures, safe, period or core.Month(2021, 5), options)
    if args.format == "json":
        return core.render_json(figures)
    if args.format == "html":
        return _html(figures, args.lang, args.charts)
    return core.render_markdown(figures, args.lang)


def _bundle_day(path: str) -> str:
    """The day a bundle of `kerncijfers fetch` was retrieved; "" for CBS's other forms."""
    try:
        return core.cbs_bundle_retrieved(path)[:10]
    except core.InvalidInput:
        return ""


def _cached_counts(args: argparse.Namespace, geo: str) -> tuple[core.CountsTable, str]:
    """The counts of ``--source`` from the cache, and the day they were retrieved."""
    from ._fetch import FetchError
    from .report import DEFAULT_DATASETS, cached_counts

    dataset = args.dataset or DEFAULT_DATASETS[args.source]
    try:
        entry_counts = cached_counts(args.source, dataset, geo=geo, cache_dir=args.cache_dir)
    except FetchError as error:
        raise CommandLineError(str(error)) from None
    return entry_counts


# ----------------------------------------------------------------------------------------
# kerncijfers fetch


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def _fetch_command(args: argparse.Namespace) -> int:
    from . import _fetch as fetching

    try:
        if args.list:
            if args.publisher is not None and args.dataset is None:
                listed = fetching.cached_datasets(args.publisher, cache_dir=args.cache_dir)
            else:
                listed = fetching.cached_datasets(args.publisher, args.dataset, cache_dir=args.cache_dir)
            return _write_stdout(_listing(listed, fetching.cache_directory(args.cache_dir)).encode("utf-8"))
        if args.publisher is None or args.dataset is None:
            raise CommandLineError(
                "fetch needs a publisher and a dataset (kerncijfers fetch cbs 83102NED, "
                "kerncijfers fetch eurostat migr_asyappctzm) or --list"
            )

        def given(value: float | None, default: float) -> float:
            return default if value is None else value

        result = fetching.fetch_dataset(
            args.publisher, args.dataset, refresh=args.refresh, offline=args.offline, base_url=args.base_url,
            cache_dir=args.cache_dir, progress=not args.quiet and _stderr_is_a_terminal(),
            timeout=given(args.timeout, fetching.TIMEOUT), retries=int(given(args.retries, fetching.RETRIES)),
            max_bytes=int(given(args.max_bytes, fetching.MAX_BYTES)),
            max_unpacked=int(given(args.max_unpacked, fetching.MAX_UNPACKED)),
        )  # fmt: skip
    except fetching.FetchError as error:
        raise CommandLineError(str(error)) from None
    entry = result.entry
    what = {
        "downloaded": f"downloaded release {entry.release} ({_size(entry.size)})",
        "not modified": f"release {entry.release} is current (retrieved on {entry.retrieved[:10]}, checked now)",
        "offline": f"offline: the cached release {entry.release}, retrieved on {entry.retrieved[:10]}",
    }[result.status]
    return _write_stdout(f"{entry.publisher} {entry.dataset}: {what}\n{entry.path}\n".encode())


def _stderr_is_a_terminal() -> bool:
    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _listing(listed: Sequence[CacheEntry], directory: Path) -> str:
    if not listed:
        return f"nothing cached in {shown(str(directory))}\n"
    header = ("publisher", "dataset", "release", "retrieved", "size", "file")
    from ._cache import intact

    rows = [header] + [
        (e.publisher, e.dataset, e.release, e.retrieved, _size(e.size),
         shown(str(e.path)) + ("" if intact(e) else " (damaged: not its recorded SHA-256; fetch it again)"))
        for e in listed
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1] + "\n" for row in rows)


# The options of the month page that the week page has no use for: refused, not ignored.
_NOT_FOR_WEEK = (
    ("eurostat", "--eurostat"),
    ("source", "--source"),
    ("dataset", "--dataset"),
    ("cache_dir", "--cache-dir"),
    ("geo", "--geo"),
    ("trailing", "--trailing"),
    ("departures", "--departures"),
    ("safe_countries", "--safe-countries"),
    ("top", "--top"),
    ("nareiziger_window_end", "--nareiziger-window-end"),
)


def _render_week(args: argparse.Namespace) -> str:
    """The week page (``--week``): the weekly influx from the counts CSV files (``--data``,
    else the bundled counts, which have no weekly rows: every count then says why it is
    missing)."""
    for attribute, option in _NOT_FOR_WEEK:
        if getattr(args, attribute) is not None:
            raise CommandLineError(f"{option} is not an option of the week page (--week)")
    counts = _read_table(
        "--data", args.data, bundled_counts_files(), core.read_count_rows, core.CountsTable.from_rows,
        "counts", args.progress,
    )  # fmt: skip
    figure = core.weekly_influx(counts, args.week)
    if args.format == "json":
        return core.render_json(figure)
    if args.format == "html":
        return core.render_html(figure, args.lang)
    return core.render_markdown(figure, args.lang)


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


def _detach_stdout(stream: object) -> None:
    # What is still buffered would fail again when Python flushes stdout on exit and print
    # "Exception ignored ...": point the descriptor at /dev/null so that flush succeeds.
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return
    if not isinstance(fd, int):
        return
    devnull = os.open(os.devnull, os.O_WRONLY | os.O_CLOEXEC)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def _write_stdout(data: bytes) -> int:
    stream = sys.stdout
    if stream is None:
        raise CommandLineError("standard output is closed; name a file with --output FILE")
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            stream.write(data.decode("utf-8"))
            stream.flush()
    except BrokenPipeError:
        _detach_stdout(stream)
        return EXIT_BROKEN_PIPE
    except OSError as error:
        _detach_stdout(stream)
        raise CommandLineError(f"cannot write to standard output: {reason(error)}") from None
    return 0


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    if args.command == "fetch":
        return _fetch_command(args)
    output = None if args.output in (None, "-") else args.output
    # Every file is checked before any is read: a typo costs no rendering.
    for option, paths in (
        ("--data", args.data or []),
        ("--departures", args.departures or []),
        ("--safe-countries", [args.safe_countries] if args.safe_countries is not None else []),
        ("--eurostat", [args.eurostat] if args.eurostat is not None else []),
    ):
        for path in paths:
            _file_checked(option, check_readable, path)
    if output is not None:
        _file_checked("--output", output_target, output)
    data = render(args).encode("utf-8")
    if output is None:
        return _write_stdout(data)
    try:
        write_atomically(output, data)
    except FileProblem as problem:
        raise CommandLineError(f"--output {problem}") from None
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); the exit status (see above)."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as error:
        message = _message_of(error)
        if message is None:
            return _internal_error(error)
        _say(f"error: {message}")
        return EXIT_BAD_INPUT


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
