"""Download the publishers' own data: CBS StatLine tables and Eurostat datasets, cached.

The public names are re-exported by the package: :func:`kerncijfers.fetch`,
:func:`kerncijfers.fetch_dataset`, :func:`kerncijfers.cached_datasets`,
:class:`kerncijfers.FetchError`, :class:`kerncijfers.FetchResult`,
:class:`kerncijfers.CacheEntry`.

``fetch("cbs", "83102NED")`` downloads CBS's OData feed of a StatLine table (its TableInfos,
DataProperties, TypedDataSet and every dimension named in DataProperties, each followed
through ``odata.nextLink`` to the last page) into one gzip-compressed JSON bundle, which
:func:`kerncijfers.read_cbs` reads. ``fetch("eurostat", "migr_asyappctzm")`` downloads
Eurostat's gzip-compressed TSV of a dataset, which :func:`kerncijfers.read_eurostat` reads.
Both return the path of the cached file; see ``docs/fetch.md``.

Plain HTTP from the standard library (``urllib``), no client package: the two requests per
document are simple GETs, ``urllib`` honours the proxy environment variables and verifies
HTTPS certificates, and the core package stays free of network dependencies. The only
optional dependency, ``platformdirs`` (``pip install "kerncijfers[fetch]"``), chooses the
user's cache directory.

Every failure raises :class:`FetchError` with a one-line message that says what went wrong
and what the cache holds; the cache keeps its last good copy whatever happens.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import math
import os
import re
import socket
import time
import urllib.parse
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any, Literal

from . import _cache
from ._cache import CacheEntry
from ._files import reason as file_reason
from ._progress import ByteProgress

__all__ = [
    "CBS_URL",
    "EUROSTAT_URL",
    "CacheEntry",
    "FetchError",
    "FetchResult",
    "cache_directory",
    "cached_datasets",
    "fetch",
    "fetch_dataset",
    "newest_cached",
]

Publisher = Literal["cbs", "eurostat"]
PUBLISHERS: tuple[Publisher, ...] = ("cbs", "eurostat")

#: CBS's bulk OData v3 feed. The feed, not ``ODataApi``: the API answers at most 10,000 rows
#: per request, the feed pages through a whole table with ``odata.nextLink``.
CBS_URL = "https://opendata.cbs.nl/ODataFeed/odata"
#: Eurostat's dissemination API (SDMX 2.1 REST); ``<url>/<code>?format=TSV&compressed=true``.
EUROSTAT_URL = "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data"
URL_ENV: dict[Publisher, str] = {"cbs": "KERNCIJFERS_CBS_URL", "eurostat": "KERNCIJFERS_EUROSTAT_URL"}
_DEFAULT_URL: dict[Publisher, str] = {"cbs": CBS_URL, "eurostat": EUROSTAT_URL}
_EXTENSION: dict[Publisher, str] = {"cbs": ".json.gz", "eurostat": ".tsv.gz"}

#: Defaults of :func:`fetch`.
TIMEOUT = 60.0
RETRIES = 4
BACKOFF = 1.0
MAX_BACKOFF = 30.0
MAX_BYTES = 2 << 30
MAX_UNPACKED = 16 << 30
#: The longest timeout (seconds) :func:`fetch` accepts: a day.
MAX_TIMEOUT = 86_400.0
#: The most pages of one OData document: CBS pages at 10,000 rows, so 100 million rows, far
#: more than any StatLine table; a feed whose ``odata.nextLink`` never ends is refused here.
MAX_PAGES = 10_000
#: The most redirects one request follows (to http or https only, never from https to http).
MAX_REDIRECTS = 5

#: The kinds of :class:`FetchError`.
ErrorKind = Literal[
    "invalid", "offline", "network", "timeout", "server", "not_found", "truncated", "corrupt", "too_large"
]

_CBS_DIMENSION_TYPES = frozenset({"Dimension", "TimeDimension", "GeoDimension"})
_CBS_TABLE = re.compile(r"[0-9A-Za-z]{4,16}")
_EUROSTAT_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: A URL as a server or a user may give it: visible ASCII, no space or control character.
_URL_TEXT = re.compile(r"[!-~]{1,4096}")
_CHUNK = 1 << 16


class FetchError(Exception):
    """A fetch that failed; the message is one line. ``kind`` says what failed (one of
    :data:`ErrorKind`), ``cached`` is the newest cached copy, which stays as it was."""

    def __init__(self, message: str, *, kind: ErrorKind, cached: CacheEntry | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.cached = cached


@dataclass(frozen=True)
class FetchResult:
    """What :func:`fetch_dataset` did: ``"downloaded"``, ``"not modified"`` (the publisher
    confirmed the cached release) or ``"offline"`` (the cache, unchecked); and the entry."""

    status: Literal["downloaded", "not modified", "offline"]
    entry: CacheEntry

    @property
    def path(self) -> Path:
        return self.entry.path


@dataclass(frozen=True)
class _Settings:
    timeout: float
    retries: int
    backoff: float
    max_bytes: int
    max_unpacked: int
    progress: bool


def cache_directory(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """The cache directory: ``cache_dir``, else ``$KERNCIJFERS_CACHE_DIR``, else the user's
    cache directory (platformdirs; without it ``$XDG_CACHE_HOME`` or ``~/.cache``) +
    ``kerncijfers``."""
    return _directory(cache_dir)


def _directory(cache_dir: str | os.PathLike[str] | None) -> Path:
    if cache_dir is not None:
        text = os.fspath(cache_dir)
        if not text or "\0" in text:
            raise FetchError(f"the cache directory {text!r} is not a path", kind="invalid")
    return _cache.cache_directory(cache_dir)


def cached_datasets(
    publisher: str | None = None, dataset: str | None = None, *, cache_dir: str | os.PathLike[str] | None = None
) -> list[CacheEntry]:
    """Every cached release (of one publisher, of one dataset), oldest release first."""
    if publisher is not None:
        publisher = _publisher(publisher)
        if dataset is not None:
            dataset = _dataset(publisher, dataset)
    elif dataset is not None:
        raise FetchError(f"dataset {dataset!r} without its publisher ('cbs' or 'eurostat')", kind="invalid")
    return _cache.entries(publisher, dataset, _directory(cache_dir))


def newest_cached(
    publisher: str, dataset: str, *, cache_dir: str | os.PathLike[str] | None = None
) -> CacheEntry | None:
    """The newest cached release of a dataset, or None."""
    pub = _publisher(publisher)
    return _cache.newest(pub, _dataset(pub, dataset), _directory(cache_dir))


def fetch(
    publisher: str,
    dataset: str,
    *,
    refresh: bool = False,
    offline: bool = False,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    max_bytes: int = MAX_BYTES,
    max_unpacked: int = MAX_UNPACKED,
    progress: bool = False,
) -> Path:
    """The path of the newest cached release of ``dataset`` of ``publisher`` (``"cbs"`` or
    ``"eurostat"``), downloaded or revalidated first.

    - Without a cached copy, or with ``refresh=True``, the dataset is downloaded.
    - With a cached copy, the publisher is asked whether it changed (``If-None-Match`` /
      ``If-Modified-Since``; for CBS the table's TableInfos and its ``Modified`` date), and
      only a new release is downloaded.
    - ``offline=True`` uses the cache only (:class:`FetchError` when it holds nothing).

    ``base_url`` replaces the publisher's URL (a mirror, a test server; default the
    environment variable ``KERNCIJFERS_CBS_URL`` / ``KERNCIJFERS_EUROSTAT_URL``, else
    :data:`CBS_URL` / :data:`EUROSTAT_URL`). ``timeout`` (seconds) bounds each connect and
    each read; a timeout, a dropped connection, a cut-off body and a 5xx or 429 answer are
    retried ``retries`` times, waiting ``backoff`` seconds, doubling up to 30. A download
    larger than ``max_bytes``, or a gzip file that unpacks to more than ``max_unpacked``
    bytes, is refused. ``progress=True`` shows the bytes and the rate on stderr. Redirects
    are followed (at most :data:`MAX_REDIRECTS`) to http and https URLs only, and never from
    https to http.

    A cached file whose SHA-256 is no longer the one recorded when it was downloaded is
    downloaded again (offline: :class:`FetchError`), never used.

    Raises :class:`FetchError` for every failure; the cache keeps its last good copy.
    """
    return fetch_dataset(
        publisher, dataset, refresh=refresh, offline=offline, base_url=base_url, cache_dir=cache_dir,
        timeout=timeout, retries=retries, backoff=backoff, max_bytes=max_bytes, max_unpacked=max_unpacked,
        progress=progress,
    ).path  # fmt: skip


def fetch_dataset(
    publisher: str,
    dataset: str,
    *,
    refresh: bool = False,
    offline: bool = False,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    max_bytes: int = MAX_BYTES,
    max_unpacked: int = MAX_UNPACKED,
    progress: bool = False,
) -> FetchResult:
    """:func:`fetch`, saying what it did and returning the cache entry."""
    pub = _publisher(publisher)
    code = _dataset(pub, dataset)
    if refresh and offline:
        raise FetchError("refresh and offline exclude each other", kind="invalid")
    if (
        not (math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT)
        or not math.isfinite(backoff)
        or retries < 0
        or backoff < 0
        or max_bytes <= 0
        or max_unpacked <= 0
    ):
        raise FetchError(
            f"timeout ({timeout}) must be more than 0 and at most {MAX_TIMEOUT:g} seconds, max_bytes ({max_bytes}) "
            f"and max_unpacked ({max_unpacked}) positive, retries ({retries}) and backoff ({backoff}) at least 0",
            kind="invalid",
        )
    directory = _directory(cache_dir)
    if offline:
        entry = _cache.newest(pub, code, directory)
        if entry is None:
            raise FetchError(
                f"no cached copy of {pub} {code} in {directory} (offline); "
                f"run `kerncijfers fetch {pub} {code}` with a network connection",
                kind="offline",
            )
        if not _cache.intact(entry):
            raise FetchError(_damaged(entry) + " (offline); run `kerncijfers fetch "
                             f"{pub} {code}` with a network connection to download it again", kind="corrupt")  # fmt: skip
        return FetchResult("offline", entry)
    base = _base_url(pub, base_url)
    settings = _Settings(timeout, retries, backoff, max_bytes, max_unpacked, progress)
    try:
        with _cache.dataset_lock(directory, pub, code):
            # Read under the lock: a fetch that ran meanwhile may have brought it up to date.
            previous = _cache.newest(pub, code, directory)
            # A damaged copy is neither revalidated (a 304 would confirm it) nor kept.
            damaged = previous is not None and not _cache.intact(previous)
            known = None if refresh or damaged else previous
            try:
                if pub == "cbs":
                    return _fetch_cbs(code, base, settings, known, directory)
                return _fetch_eurostat(code, base, settings, known, directory)
            except FetchError as error:
                if damaged and previous is not None:
                    raise FetchError(f"{error}; {_damaged(previous)}", kind=error.kind) from None
                raise FetchError(_with_cache_note(str(error), pub, code, previous), kind=error.kind,
                                 cached=previous) from None  # fmt: skip
    except OSError as error:
        raise FetchError(f"the cache {directory} cannot be used: {file_reason(error)}", kind="invalid") from None


# ----------------------------------------------------------------------------------------
# Names, URLs, times


def _publisher(text: str) -> Publisher:
    lowered = text.lower()
    if lowered == "cbs":
        return "cbs"
    if lowered == "eurostat":
        return "eurostat"
    raise FetchError(f"unknown publisher {text!r}: expected 'cbs' or 'eurostat'", kind="invalid")


def _dataset(publisher: Publisher, text: str) -> str:
    if publisher == "cbs":
        if not _CBS_TABLE.fullmatch(text):
            raise FetchError(f"{text!r} is not a CBS table identifier such as 83102NED", kind="invalid")
        return text
    if not _EUROSTAT_CODE.fullmatch(text):
        raise FetchError(f"{text!r} is not a Eurostat dataset code such as migr_asyappctzm", kind="invalid")
    return text.lower()


def _base_url(publisher: Publisher, given: str | None) -> str:
    url = given or os.environ.get(URL_ENV[publisher]) or _DEFAULT_URL[publisher]
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not _URL_TEXT.fullmatch(url):
        source = "base_url" if given else (URL_ENV[publisher] if os.environ.get(URL_ENV[publisher]) else "the default")
        raise FetchError(f"{source} {url!r} is not an http:// or https:// URL", kind="invalid")
    return url.rstrip("/")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _http_date_as_iso(text: str | None) -> str | None:
    """``Wed, 27 Nov 2024 23:00:00 GMT`` -> ``2024-11-27T23:00:00Z``; None when not a date."""
    if not text:
        return None
    try:
        when = parsedate_to_datetime(text)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        iso = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a zone past year 9999
        return None
    return iso if _cache.RELEASE.fullmatch(iso) else None  # years before 1000: no four digits


def _day(iso: str) -> str:
    return iso[:10]


def _damaged(entry: CacheEntry) -> str:
    return (
        f"the cached file {entry.path} is damaged: its SHA-256 is not the one recorded when it was "
        f"retrieved on {_day(entry.retrieved)}"
    )


def _with_cache_note(message: str, publisher: str, dataset: str, entry: CacheEntry | None) -> str:
    if entry is None:
        return f"{message}; there is no cached copy of {publisher} {dataset}"
    return f"{message}; the cached copy retrieved on {_day(entry.retrieved)} (release {entry.release}) is kept and used"


def _reason(error: BaseException) -> str:
    import urllib.error

    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        inner = error.reason
        if isinstance(inner, BaseException):
            return _reason(inner)
        return str(inner)
    if isinstance(error, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror[:1].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


# ----------------------------------------------------------------------------------------
# HTTP


class _Transient(Exception):
    """A failure worth another try: ``kind`` as for FetchError."""

    def __init__(self, message: str, kind: ErrorKind) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class _Response:
    status: int
    etag: str | None
    last_modified: str | None


def _user_agent() -> str:
    from . import __version__

    return f"kerncijfers/{__version__} (+https://github.com/kerncijfers; Python urllib)"


def _get(
    url: str, sink: IO[bytes], settings: _Settings, *, what: str, conditional: dict[str, str] | None = None,
    budget: int | None = None,
) -> _Response:  # fmt: skip
    """GET ``url`` into ``sink`` (emptied before each try), retrying transient failures."""
    delay = settings.backoff
    attempts = settings.retries + 1
    for attempt in range(1, attempts + 1):
        sink.seek(0)
        sink.truncate()
        try:
            return _get_once(url, sink, settings, what=what, conditional=conditional, budget=budget)
        except _Transient as problem:
            if attempt == attempts:
                tries = f" ({attempts} attempts)" if attempts > 1 else ""
                raise FetchError(f"{problem}{tries}", kind=problem.kind) from None
            time.sleep(min(delay, MAX_BACKOFF))
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def _opener() -> Any:
    """urllib's opener for http and https only, whose redirects follow :data:`MAX_REDIRECTS`."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        # urllib itself follows redirects to ftp:// too, and from https to http.
        max_redirections = MAX_REDIRECTS

        def redirect_request(
            self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str
        ) -> urllib.request.Request | None:
            old, new = urllib.parse.urlsplit(req.full_url).scheme, urllib.parse.urlsplit(newurl).scheme
            if new not in ("http", "https") or (old == "https" and new != "https") or not _URL_TEXT.fullmatch(newurl):
                fp.close()
                raise FetchError(
                    f"{req.full_url} redirects ({code}) to {_printable(newurl)}: refused (a redirect must stay on "
                    "http or https, and https on https)",
                    kind="server",
                )
            return super().redirect_request(req, fp, code, msg, headers, newurl)

        def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: Any) -> Any:
            # Before urllib's own check, which raises a multi-line error for some schemes.
            location = headers.get("Location") or headers.get("URI")
            if location:
                self.redirect_request(req, fp, code, msg, headers, urllib.parse.urljoin(req.full_url, location))
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        Redirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _printable(text: object, limit: int = 200) -> str:
    """A server's text (a status reason, a URL) on one line, shortened."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in " ".join(str(text).split()))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _validator(value: str | None) -> str | None:
    """A validator to keep for revalidation: one that can be sent back as a header."""
    return value if _cache.is_header_value(value) else None


def _get_once(
    url: str, sink: IO[bytes], settings: _Settings, *, what: str, conditional: dict[str, str] | None,
    budget: int | None,
) -> _Response:  # fmt: skip
    # Imported here: `import kerncijfers` loads no HTTP client.
    import http.client
    import urllib.error
    import urllib.request

    host = urllib.parse.urlsplit(url).netloc
    headers = {"User-Agent": _user_agent(), "Accept": "*/*", "Accept-Encoding": "identity"}
    headers.update(conditional or {})
    request = urllib.request.Request(url, headers=headers)
    limit = settings.max_bytes if budget is None else budget
    try:
        response = _opener().open(request, timeout=settings.timeout)
    except urllib.error.HTTPError as error:
        error.close()
        answered = f"{url} answered {error.code} {_printable(error.reason, 100)}"
        if error.code == 304:
            if not conditional:
                raise FetchError(f"{url} answered 304 Not Modified to a request that was not conditional",
                                 kind="server") from None  # fmt: skip
            return _Response(304, _validator(error.headers.get("ETag")), _validator(error.headers.get("Last-Modified")))
        if 300 <= error.code < 400:
            raise FetchError(
                f"{url} answered {error.code}: a redirect not followed (without a Location, in a loop or more than "
                f"{MAX_REDIRECTS})",
                kind="server",
            ) from None
        if error.code in (404, 410):
            raise FetchError(f"{what} not found: {answered}", kind="not_found") from None
        if error.code >= 500 or error.code in (408, 429):
            raise _Transient(answered, "server") from None
        raise FetchError(answered, kind="server") from None
    except TimeoutError:
        raise _Transient(f"no answer from {host} within {settings.timeout:g} s", "timeout") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise _Transient(f"no answer from {host} within {settings.timeout:g} s", "timeout") from None
        raise _Transient(f"cannot reach {host}: {_reason(error)}", "network") from None
    except (OSError, http.client.HTTPException) as error:
        raise _Transient(f"cannot reach {host}: {_reason(error)}", "network") from None
    with response:
        if response.status not in (200, 203):
            raise FetchError(f"{url} answered {response.status} {_printable(response.reason, 100)}, not 200 OK",
                             kind="server")  # fmt: skip
        length_text = (response.headers.get("Content-Length") or "").strip()
        # Not str.isdigit, which takes "²" (sent as Latin-1) for a digit that int() refuses.
        length = int(length_text) if re.fullmatch(r"[0-9]{1,30}", length_text) else None
        if length is not None and length > limit:
            raise FetchError(
                f"{url} is {length} bytes, more than the limit of {limit} (max_bytes, --max-bytes)", kind="too_large"
            )
        received = 0
        bar = ByteProgress(f"{what}", length) if settings.progress else None
        try:
            while True:
                try:
                    block = response.read(_CHUNK)
                except http.client.IncompleteRead as cut:
                    received += len(cut.partial)
                    expected = f" of {length}" if length is not None else ""
                    raise _Transient(
                        f"the download of {url} was cut off after {received}{expected} bytes", "truncated"
                    ) from None
                except TimeoutError:
                    raise _Transient(
                        f"{host} stopped sending {url} for {settings.timeout:g} s after {received} bytes", "timeout"
                    ) from None
                except (OSError, http.client.HTTPException) as error:
                    raise _Transient(f"the download of {url} broke off after {received} bytes: {_reason(error)}",
                                     "truncated") from None  # fmt: skip
                if not block:
                    break
                received += len(block)
                if received > limit:
                    raise FetchError(
                        f"{url} is more than the limit of {limit} bytes (max_bytes, --max-bytes)", kind="too_large"
                    )
                sink.write(block)
                if bar is not None:
                    bar.update(len(block))
        finally:
            if bar is not None:
                bar.close()
        if length is not None and received < length:
            raise _Transient(f"the download of {url} was cut off after {received} of {length} bytes", "truncated")
        return _Response(
            response.status, _validator(response.headers.get("ETag")), _validator(response.headers.get("Last-Modified"))
        )


def _conditional(entry: CacheEntry | None) -> dict[str, str]:
    if entry is None:
        return {}
    headers: dict[str, str] = {}
    if entry.etag and _cache.is_header_value(entry.etag):
        headers["If-None-Match"] = entry.etag
    if entry.last_modified and _cache.is_header_value(entry.last_modified):
        headers["If-Modified-Since"] = entry.last_modified
    return headers


def _confirmed(entry: CacheEntry, response: _Response) -> FetchResult:
    """The publisher confirmed the cached release: note when, and its new validators."""
    updated = replace(
        entry,
        checked=_now(),
        etag=response.etag or entry.etag,
        last_modified=response.last_modified or entry.last_modified,
    )
    _cache.write_entry(updated)
    return FetchResult("not modified", updated)


# ----------------------------------------------------------------------------------------
# CBS


def _cbs_document(
    url: str, settings: _Settings, *, what: str, used: list[int], first: bytes | None = None
) -> list[dict[str, Any]]:
    """Every row of one OData document, page after page (``odata.nextLink``)."""
    rows: list[dict[str, Any]] = []
    origin = urllib.parse.urlsplit(url)[:2]
    next_url: str | None = url
    visited = {url}
    pages = 0
    while next_url is not None:
        if first is not None:
            body, first = first, None
        else:
            buffer = io.BytesIO()
            _get(next_url, buffer, settings, what=what, budget=settings.max_bytes - used[0])
            body = buffer.getvalue()
        used[0] += len(body)
        pages += 1
        page = _json_page(body, next_url)
        rows.extend(page["value"])
        link = page.get("odata.nextLink")
        if link is None:
            next_url = None
        elif not isinstance(link, str) or not _URL_TEXT.fullmatch(link):
            raise FetchError(f"{next_url}: odata.nextLink '{_printable(link, 100)}' is not a URL", kind="corrupt")
        else:
            following = urllib.parse.urljoin(next_url, link)
            if urllib.parse.urlsplit(following)[:2] != origin:
                raise FetchError(f"{next_url}: odata.nextLink leaves {origin[1]} for {following}", kind="corrupt")
            # Paging that never ends: the same page again, pages without rows, or too many.
            if following in visited:
                raise FetchError(f"{next_url}: odata.nextLink {following} was read before (a loop)", kind="corrupt")
            if not page["value"]:
                raise FetchError(f"{next_url}: a page without rows has an odata.nextLink", kind="corrupt")
            if pages >= MAX_PAGES:
                raise FetchError(f"{url}: more than {MAX_PAGES} pages (an odata.nextLink without end?)",
                                 kind="corrupt")  # fmt: skip
            visited.add(following)
            next_url = following
    return rows


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _json_page(body: bytes, url: str) -> dict[str, Any]:
    """One page of an OData document: an object whose ``value`` is a list of objects."""
    try:
        page = json.loads(body, parse_constant=_no_constant)
    except RecursionError:
        raise FetchError(f"{url} is JSON nested too deeply", kind="corrupt") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise FetchError(f"{url} is not valid JSON ({_printable(error, 200)})", kind="corrupt") from None
    if not isinstance(page, dict) or not isinstance(page.get("value"), list):
        raise FetchError(f"{url} is not an OData document (no 'value' list)", kind="corrupt")
    if not all(isinstance(row, dict) for row in page["value"]):
        raise FetchError(f"{url} is not an OData document (a 'value' that is not an object)", kind="corrupt")
    return page


def _json_url(root: str, document: str) -> str:
    return f"{root}/{document}?$format=json"


def _fetch_cbs(table: str, base: str, settings: _Settings, known: CacheEntry | None, directory: Path) -> FetchResult:
    root = f"{base}/{table}"
    info_url = _json_url(root, "TableInfos")
    buffer = io.BytesIO()
    response = _get(info_url, buffer, settings, what=f"CBS table {table}", conditional=_conditional(known))
    if response.status == 304 and known is not None:
        return _confirmed(known, response)
    used = [0]
    infos = _cbs_document(info_url, settings, what=f"CBS table {table}", used=used, first=buffer.getvalue())
    modified = infos[0].get("Modified") if infos and isinstance(infos[0], dict) else None
    if not isinstance(modified, str) or not modified:
        raise FetchError(f"{info_url}: TableInfos has no Modified date (not a StatLine table?)", kind="corrupt")
    if not _cache.RELEASE.fullmatch(modified):
        # It names the cached file and is shown in listings: a date and nothing else.
        raise FetchError(
            f"{info_url}: TableInfos' Modified '{_printable(modified, 60)}' is not an ISO 8601 date", kind="corrupt"
        )
    if known is not None and known.release == modified:
        return _confirmed(known, response)
    retrieved = _now()
    documents: dict[str, list[dict[str, Any]]] = {"TableInfos": infos}
    properties = _cbs_document(_json_url(root, "DataProperties"), settings, what=f"CBS table {table}", used=used)
    documents["DataProperties"] = properties
    documents["TypedDataSet"] = _cbs_document(
        _json_url(root, "TypedDataSet"), settings, what=f"CBS table {table}", used=used
    )
    for prop in properties:
        if isinstance(prop, dict) and prop.get("Type") in _CBS_DIMENSION_TYPES:
            key = prop.get("Key")
            if not isinstance(key, str) or not re.fullmatch(r"[A-Za-z0-9_]{1,64}", key):
                raise FetchError(f"{table}: DataProperties names a dimension {key!r} that is not a key", kind="corrupt")
            documents[key] = _cbs_document(_json_url(root, key), settings, what=f"CBS table {table}", used=used)
    bundle = {
        "format": "kerncijfers-cbs-odata",
        "version": 1,
        "table": table,
        "base_url": base,
        "retrieved": retrieved,
        "documents": documents,
    }
    data = gzip.compress(json.dumps(bundle, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6, mtime=0)
    target = _cache.entry_path(directory, "cbs", table, modified, _EXTENSION["cbs"])
    _cache.write_file_atomically(target, data)
    entry = CacheEntry(
        publisher="cbs", dataset=table, release=modified, retrieved=retrieved, checked=retrieved, url=root,
        etag=response.etag, last_modified=response.last_modified, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), path=target,
    )  # fmt: skip
    _cache.write_entry(entry)
    return FetchResult("downloaded", entry)


# ----------------------------------------------------------------------------------------
# Eurostat


def _check_eurostat_gzip(path: Path, url: str, max_unpacked: int) -> None:
    """``path`` is a complete gzip file (every member to its end) that unpacks to at most
    ``max_unpacked`` bytes and starts with the header line of Eurostat's TSV."""
    unpacked = 0
    head = b""
    inflater = zlib.decompressobj(wbits=31)
    with open(path, "rb") as f:
        try:
            while data := f.read(_CHUNK):
                while data:
                    if inflater.eof:  # concatenated gzip members are one file
                        inflater = zlib.decompressobj(wbits=31)
                    out = inflater.decompress(data, _CHUNK)
                    unpacked += len(out)
                    if unpacked > max_unpacked:
                        raise FetchError(
                            f"{url} unpacks to more than {max_unpacked} bytes (max_unpacked, --max-unpacked: "
                            "a limit against gzip bombs)",
                            kind="too_large",
                        )
                    if len(head) < _CHUNK:
                        head += out[: _CHUNK - len(head)]
                    data = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
        except zlib.error as error:
            raise FetchError(f"{url} is not a valid gzip file ({error})", kind="corrupt") from None
    if not inflater.eof:
        raise FetchError(f"{url} is a truncated gzip file (it ends inside the compressed data)", kind="truncated")
    first = head.split(b"\n", 1)[0].rstrip(b"\r").removeprefix(b"\xef\xbb\xbf")
    cell = first.split(b"\t", 1)[0]
    if b"\t" not in first or not (cell.endswith(b"\\TIME_PERIOD") or cell.endswith(b"\\time")):
        shown = first[:80].decode("utf-8", "backslashreplace")
        raise FetchError(
            f"{url} is not Eurostat's TSV: its first line is {shown!r}, not 'dimensions\\TIME_PERIOD<tab>periods'",
            kind="corrupt",
        )


def _fetch_eurostat(
    code: str, base: str, settings: _Settings, known: CacheEntry | None, directory: Path
) -> FetchResult:
    url = f"{base}/{code}?format=TSV&compressed=true"
    folder = directory / "eurostat" / code
    with _cache.temporary_file(folder, code + _EXTENSION["eurostat"]) as (out, temporary):
        response = _get(url, out, settings, what=f"Eurostat dataset {code}", conditional=_conditional(known))
        if response.status == 304 and known is not None:
            return _confirmed(known, response)
        out.flush()
        _check_eurostat_gzip(temporary, url, settings.max_unpacked)
        retrieved = _now()
        release = _http_date_as_iso(response.last_modified) or retrieved
        digest = _cache.sha256_of(temporary)
        if known is not None and known.sha256 == digest:
            # The same bytes again (a server without validators): the cached release stands.
            return _confirmed(known, response)
        target = _cache.entry_path(directory, "eurostat", code, release, _EXTENSION["eurostat"])
        size = out.tell()
        _cache.commit(out, temporary, target)
    entry = CacheEntry(
        publisher="eurostat", dataset=code, release=release, retrieved=retrieved, checked=retrieved, url=url,
        etag=response.etag, last_modified=response.last_modified, size=size, sha256=digest, path=target,
    )  # fmt: skip
    _cache.write_entry(entry)
    return FetchResult("downloaded", entry)
