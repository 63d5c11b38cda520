"""kerncijfers fetch over real HTTP: a server on 127.0.0.1 in a thread, bytes over a socket.

The server speaks both publishers' formats:

- CBS's OData v3 feed (``<base>/<table>/<Document>?$format=json``): each document a JSON
  object with a ``value`` list, a long one paged with ``odata.nextLink`` (an absolute URL,
  as OData v3 writes it). Confirmed: the ``cbsodata`` package (J535D165/cbsodata,
  ``cbsodata/cbsodata3.py``) requests ``?$format=json`` from ``ODataFeed/odata/<table>/``,
  reads ``res['value']`` and follows ``res['odata.nextLink']`` until it is absent; the
  documents TableInfos and DataProperties and the dimension keys come from CBS's handbook
  "Handleiding CBS Open Data Services" (2014). Assumed: the form of a next link's query
  (``$skiptoken``) — the client follows the link as given.
- Eurostat's dissemination API (``<base>/<code>?format=TSV&compressed=true``): the bulk TSV,
  gzip-compressed. Confirmed: that URL form in many public scripts that use the API
  (found with the code search); the TSV's header from Eurostat's files
  (tests/data/eurostat/README.md). Assumed: ``Last-Modified``/``ETag`` on the answer and
  304 to a conditional request (the client works without them: it compares the bytes).

The tests are fast: small timeouts and back-offs are passed as parameters.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import kerncijfers
import pytest
from kerncijfers import CacheEntry, FetchError, FetchResult
from kerncijfers._fetch import cache_directory, newest_cached
from kerncijfers.cli import main

TABLE = "83102NED"
DATASET = "migr_asyappctzm"
FAST: dict[str, Any] = {"timeout": 2.0, "retries": 2, "backoff": 0.01}


# ----------------------------------------------------------------------------------------
# The server


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Send only this many bytes of the body (with the full Content-Length), then close.
    cut_at: int | None = None
    #: Wait this long (seconds, or until the server stops) before answering.
    stall: float = 0.0
    #: No Content-Length: the body ends when the connection closes.
    no_length: bool = False
    #: Send these chunks with ``Transfer-Encoding: chunked`` instead of ``body`` (endless or not).
    chunks: Iterator[bytes] | None = None


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int
    body_bytes: int


class Server:
    """A ThreadingHTTPServer whose answers the test sets per path (with its query)."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[dict[str, str]], Reply]] = {}
        #: The answer to a path without a route (its path and headers); else 404.
        self.fallback: Callable[[str, dict[str, str]], Reply] | None = None
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k: v for k, v in self.headers.items()}
                route = outer.routes.get(self.path)
                if route is not None:
                    reply = route(headers)
                elif outer.fallback is not None:
                    reply = outer.fallback(self.path, headers)
                else:
                    reply = Reply(404, b"<error>not found</error>")
                if reply.stall:
                    outer.stopping.wait(reply.stall)
                    if outer.stopping.is_set():
                        return
                body = b"" if reply.status == 304 else reply.body
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if reply.chunks is not None:
                    self.send_header("Transfer-Encoding", "chunked")
                    with outer.lock:
                        outer.seen.append(Seen(self.path, headers, reply.status, -1))
                    self.end_headers()
                    try:
                        for chunk in reply.chunks:
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        self.wfile.write(b"0\r\n\r\n")
                    except OSError:
                        self.close_connection = True
                    return
                if reply.no_length:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                elif reply.status != 304:
                    self.send_header("Content-Length", str(len(body)))
                sent = body if reply.cut_at is None else body[: reply.cut_at]
                # Noted before the client can see the answer.
                with outer.lock:
                    outer.seen.append(Seen(self.path, headers, reply.status, len(sent)))
                self.end_headers()
                try:
                    self.wfile.write(sent)
                    self.wfile.flush()
                except OSError:
                    return
                if reply.cut_at is not None:
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self, prefix: str = "") -> list[str]:
        return [s.path for s in self.seen if s.path.startswith(prefix)]


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.stop()


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


# ----------------------------------------------------------------------------------------
# CBS: a small format-true StatLine table


CBS_MODIFIED = "2026-11-27T02:00:00"


def cbs_documents(base: str, rows: int = 25) -> dict[str, list[dict[str, Any]]]:
    # Each (nationality, period) once, as in CBS's table (the reader refuses a second value).
    names = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"]  # fmt: skip
    periods = [(f"{2021 - k // 12}MM{12 - k % 12:02d}", f"{2021 - k // 12} {names[11 - k % 12]}") for k in range(120)]
    nationalities = [("T001175", "Totaal"), ("A043598", "Syrië"), ("A044015", "Onbekend")]
    typed = [
        {
            "ID": i,
            "Geslacht": "T001038",
            "Nationaliteit": nationalities[i % 3][0],
            "Perioden": periods[i // 3][0],
            "EersteAsielverzoeken_2": 5 * i,
        }
        for i in range(rows)
    ]
    return {
        "TableInfos": [
            {
                "ID": 0,
                "Title": "Asielverzoeken en nareizigers; nationaliteit, geslacht en leeftijd",
                "ShortTitle": "Asielverzoeken; nationaliteit",
                "Identifier": TABLE,
                "Modified": CBS_MODIFIED,
                "MetaDataModified": CBS_MODIFIED,
                "ReasonDelivery": "Actualisering",
                "Frequency": "Permaand",
                "Language": "nl",
                "Catalog": "CBS",
            }
        ],
        "DataProperties": [
            {
                "odata.type": "Cbs.OData.Dimension",
                "ID": 0,
                "Position": 0,
                "ParentID": None,
                "Type": "Dimension",
                "Key": "Geslacht",
                "Title": "Geslacht",
            },
            {
                "odata.type": "Cbs.OData.Dimension",
                "ID": 1,
                "Position": 1,
                "ParentID": None,
                "Type": "Dimension",
                "Key": "Nationaliteit",
                "Title": "Nationaliteit",
            },
            {
                "odata.type": "Cbs.OData.TimeDimension",
                "ID": 2,
                "Position": 2,
                "ParentID": None,
                "Type": "TimeDimension",
                "Key": "Perioden",
                "Title": "Perioden",
            },
            {
                "odata.type": "Cbs.OData.Topic",
                "ID": 3,
                "Position": 3,
                "ParentID": None,
                "Type": "Topic",
                "Key": "EersteAsielverzoeken_2",
                "Title": "Eerste asielverzoeken",
                "Unit": "aantal",
                "Decimals": 0,
            },
        ],  # fmt: skip
        "TypedDataSet": typed,
        "Geslacht": [{"Key": "T001038", "Title": "Totaal mannen en vrouwen", "Description": None}],
        "Nationaliteit": [{"Key": k, "Title": t, "Description": None} for k, t in nationalities],
        "Perioden": [{"Key": k, "Title": t, "Description": None, "Status": "Definitief"} for k, t in periods],
    }


def serve_cbs(
    server: Server, documents: dict[str, list[dict[str, Any]]] | None = None, *, page: int = 10,
    etag: str | None = '"cbs-1"',
) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
    """Routes for every document of the table, each paged at ``page`` rows."""
    docs = documents if documents is not None else cbs_documents(server.url)
    root = f"/ODataFeed/odata/{TABLE}"
    for name, rows in docs.items():
        pages = [rows[i : i + page] for i in range(0, max(len(rows), 1), page)]
        for number, chunk in enumerate(pages):
            path = f"{root}/{name}?$format=json" + (f"&$skiptoken=Id%20{number * page}" if number else "")
            body: dict[str, Any] = {"odata.metadata": f"{server.url}{root}/$metadata#Cbs.OData.WebAPI.{name}",
                                    "value": chunk}  # fmt: skip
            if number + 1 < len(pages):
                body["odata.nextLink"] = f"{server.url}{root}/{name}?$format=json&$skiptoken=Id%20{(number + 1) * page}"
            data = json.dumps(body).encode("utf-8")
            headers = {"Content-Type": "application/json;odata=minimalmetadata;charset=utf-8"}
            if name == "TableInfos" and etag is not None:
                server.routes[path] = _conditional_route(data, headers, etag)
            else:
                server.routes[path] = _plain_route(data, headers)
    return docs


def _plain_route(data: bytes, headers: dict[str, str]) -> Callable[[dict[str, str]], Reply]:
    return lambda _request: Reply(200, data, headers)


def _conditional_route(data: bytes, headers: dict[str, str], etag: str) -> Callable[[dict[str, str]], Reply]:
    def route(request: dict[str, str]) -> Reply:
        if request.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply(200, data, {**headers, "ETag": etag})

    return route


def cbs_url(server: Server) -> str:
    return f"{server.url}/ODataFeed/odata"


def read_bundle(path: Path) -> dict[str, Any]:
    with gzip.open(path, "rb") as f:
        bundle: dict[str, Any] = json.loads(f.read())
    return bundle


def test_cbs_first_download_follows_every_page_into_one_bundle(server: Server, cache: Path) -> None:
    docs = serve_cbs(server)
    result = kerncijfers.fetch_dataset("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert result.status == "downloaded"
    path = result.path
    assert path == cache / "cbs" / TABLE / f"{TABLE}_2026-11-27T020000.json.gz"
    bundle = read_bundle(path)
    assert bundle["format"] == "kerncijfers-cbs-odata"
    assert bundle["version"] == 1
    assert bundle["table"] == TABLE
    assert bundle["base_url"] == cbs_url(server)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", bundle["retrieved"])
    assert sorted(bundle["documents"]) == sorted(
        ["TableInfos", "DataProperties", "TypedDataSet", "Geslacht", "Nationaliteit", "Perioden"]
    )
    assert bundle["documents"] == docs  # all 25 rows of the three pages, in order
    typed_pages = server.paths(f"/ODataFeed/odata/{TABLE}/TypedDataSet")
    assert typed_pages == [
        f"/ODataFeed/odata/{TABLE}/TypedDataSet?$format=json",
        f"/ODataFeed/odata/{TABLE}/TypedDataSet?$format=json&$skiptoken=Id%2010",
        f"/ODataFeed/odata/{TABLE}/TypedDataSet?$format=json&$skiptoken=Id%2020",
    ]
    entry = result.entry
    assert (entry.publisher, entry.dataset, entry.release, entry.etag) == ("cbs", TABLE, CBS_MODIFIED, '"cbs-1"')
    assert entry.size == path.stat().st_size
    assert entry.retrieved == bundle["retrieved"]
    meta = json.loads(path.with_name(path.name + ".meta.json").read_text())
    assert meta["sha256"] == entry.sha256 and meta["url"] == f"{cbs_url(server)}/{TABLE}"


def test_cbs_revalidation_304_downloads_nothing(server: Server, cache: Path) -> None:
    serve_cbs(server)
    first = kerncijfers.fetch_dataset("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    server.seen.clear()
    again = kerncijfers.fetch_dataset("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert again.status == "not modified"
    assert again.path == first.path
    assert [(s.path, s.status, s.body_bytes) for s in server.seen] == [
        (f"/ODataFeed/odata/{TABLE}/TableInfos?$format=json", 304, 0)
    ]
    assert server.seen[0].headers["If-None-Match"] == '"cbs-1"'
    assert again.entry.retrieved == first.entry.retrieved and again.entry.checked >= first.entry.checked
    assert len(kerncijfers.cached_datasets("cbs", TABLE, cache_dir=cache)) == 1


def test_cbs_without_validators_compares_the_modified_date(server: Server, cache: Path) -> None:
    serve_cbs(server, etag=None)
    kerncijfers.fetch_dataset("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    server.seen.clear()
    again = kerncijfers.fetch_dataset("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert again.status == "not modified"
    assert server.paths() == [f"/ODataFeed/odata/{TABLE}/TableInfos?$format=json"]


def test_cbs_a_new_release_is_a_new_file_and_the_newest(server: Server, cache: Path) -> None:
    serve_cbs(server)
    old = kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    docs = cbs_documents(server.url, rows=7)
    docs["TableInfos"][0]["Modified"] = "2026-12-04T02:00:00"
    serve_cbs(server, docs, etag='"cbs-2"')
    new = kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert new != old and old.exists()
    assert new.name == f"{TABLE}_2026-12-04T020000.json.gz"
    assert [e.release for e in kerncijfers.cached_datasets("cbs", TABLE, cache_dir=cache)] == [
        CBS_MODIFIED,
        "2026-12-04T02:00:00",
    ]
    newest = newest_cached("cbs", TABLE, cache_dir=cache)
    assert newest is not None and newest.path == new
    assert len(read_bundle(new)["documents"]["TypedDataSet"]) == 7


def test_cbs_refresh_downloads_again(server: Server, cache: Path) -> None:
    serve_cbs(server)
    kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    server.seen.clear()
    result = kerncijfers.fetch_dataset("cbs", TABLE, refresh=True, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert result.status == "downloaded"
    assert "If-None-Match" not in server.seen[0].headers
    assert len(server.paths(f"/ODataFeed/odata/{TABLE}/TypedDataSet")) == 3


def test_cbs_unknown_table_is_404(server: Server, cache: Path) -> None:
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("cbs", "99999NED", base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "not_found"
    assert str(caught.value) == (
        f"CBS table 99999NED not found: {cbs_url(server)}/99999NED/TableInfos?$format=json answered 404 Not Found; "
        "there is no cached copy of cbs 99999NED"
    )
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


def test_cbs_corrupt_json_and_foreign_next_link(server: Server, cache: Path) -> None:
    docs = serve_cbs(server)
    path = f"/ODataFeed/odata/{TABLE}/TypedDataSet?$format=json&$skiptoken=Id%2010"
    server.routes[path] = lambda _h: Reply(200, b'{"value": [1, 2')
    with pytest.raises(FetchError, match=r"skiptoken=Id%2010 is not valid JSON") as caught:
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "corrupt"
    page = {"value": docs["TypedDataSet"][10:20], "odata.nextLink": "http://elsewhere.example/x?$format=json"}
    server.routes[path] = lambda _h: Reply(200, json.dumps(page).encode())
    with pytest.raises(FetchError, match="odata.nextLink leaves 127.0.0.1:[0-9]+ for http://elsewhere.example/x"):
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert kerncijfers.cached_datasets(cache_dir=cache) == []
    assert list((cache / "cbs" / TABLE).iterdir()) == [cache / "cbs" / TABLE / ".lock"]


def test_cbs_table_without_modified_date(server: Server, cache: Path) -> None:
    docs = cbs_documents(server.url)
    del docs["TableInfos"][0]["Modified"]
    serve_cbs(server, docs)
    with pytest.raises(FetchError, match="TableInfos has no Modified date"):
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)


# ----------------------------------------------------------------------------------------
# Eurostat: gzip TSV from the test files


LAST_MODIFIED = "Fri, 27 Nov 2026 23:00:00 GMT"


@pytest.fixture
def eurostat_gzip(test_data: Path) -> bytes:
    return gzip.compress((test_data / "eurostat" / "hand_bulk_monthly.tsv").read_bytes(), mtime=0)


def eurostat_path(code: str = DATASET) -> str:
    return f"/eurostat/api/dissemination/sdmx/2.1/data/{code}?format=TSV&compressed=true"


def eurostat_url(server: Server) -> str:
    return f"{server.url}/eurostat/api/dissemination/sdmx/2.1/data"


def serve_eurostat(server: Server, body: bytes, *, etag: str = '"es-1"', **reply: Any) -> None:
    def route(request: dict[str, str]) -> Reply:
        if request.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        headers = {"Content-Type": "application/octet-stream", "ETag": etag, "Last-Modified": LAST_MODIFIED}
        return Reply(200, body, headers, **reply)

    server.routes[eurostat_path()] = route


def test_eurostat_first_download_then_304(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    serve_eurostat(server, eurostat_gzip)
    result = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert result.status == "downloaded"
    assert result.path == cache / "eurostat" / DATASET / f"{DATASET}_2026-11-27T230000Z.tsv.gz"
    assert result.path.read_bytes() == eurostat_gzip
    entry = result.entry
    assert (entry.release, entry.etag, entry.last_modified) == ("2026-11-27T23:00:00Z", '"es-1"', LAST_MODIFIED)
    assert entry.size == len(eurostat_gzip)
    data = kerncijfers.read_eurostat(result.path, geo=["NL"])
    assert data.dataset == DATASET and len(data) == 4

    server.seen.clear()
    again = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert again.status == "not modified" and again.path == result.path
    assert [(s.status, s.body_bytes) for s in server.seen] == [(304, 0)]
    assert server.seen[0].headers["If-None-Match"] == '"es-1"'
    assert server.seen[0].headers["If-Modified-Since"] == LAST_MODIFIED


def test_eurostat_same_bytes_without_validators_keep_the_release(
    server: Server, cache: Path, eurostat_gzip: bytes
) -> None:
    server.routes[eurostat_path()] = lambda _h: Reply(200, eurostat_gzip)
    first = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert first.entry.release == first.entry.retrieved  # no Last-Modified: the download's time
    again = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert again.status == "not modified" and again.path == first.path
    assert len(kerncijfers.cached_datasets(cache_dir=cache)) == 1


def test_eurostat_500_then_success_on_retry(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    answers = iter([Reply(500, b"oops"), Reply(503, b"busy")])

    def route(_h: dict[str, str]) -> Reply:
        return next(answers, Reply(200, eurostat_gzip, {"Last-Modified": LAST_MODIFIED}))

    server.routes[eurostat_path()] = route
    path = kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert path.read_bytes() == eurostat_gzip
    assert [s.status for s in server.seen] == [500, 503, 200]


def test_eurostat_5xx_after_every_retry(server: Server, cache: Path) -> None:
    server.routes[eurostat_path()] = lambda _h: Reply(502, b"bad gateway")
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "server"
    assert str(caught.value) == (
        f"{eurostat_url(server)}/{DATASET}?format=TSV&compressed=true answered 502 Bad Gateway (3 attempts); "
        f"there is no cached copy of eurostat {DATASET}"
    )
    assert len(server.seen) == 3


def test_eurostat_unknown_dataset_is_404(server: Server, cache: Path) -> None:
    with pytest.raises(FetchError, match=r"^Eurostat dataset migr_nothing not found: .* answered 404 Not Found; "):
        kerncijfers.fetch("eurostat", "migr_nothing", base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert len(server.seen) == 1  # a 404 is not retried


def test_a_stalling_server_times_out(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    serve_eurostat(server, eurostat_gzip, stall=5.0)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch(
            "eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, timeout=0.3, retries=1, backoff=0.01
        )
    assert time.monotonic() - started < 2.0
    assert caught.value.kind == "timeout"
    assert str(caught.value) == (
        f"no answer from {server.url.removeprefix('http://')} within 0.3 s (2 attempts); "
        f"there is no cached copy of eurostat {DATASET}"
    )


def good_copy(server: Server, cache: Path, body: bytes) -> CacheEntry:
    serve_eurostat(server, body)
    return kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST).entry


def assert_only(entry: CacheEntry, body: bytes, cache: Path) -> None:
    """The cache holds exactly the good copy: its file, its metadata, the lock; no temporary."""
    assert entry.path.read_bytes() == body
    assert sorted(p.name for p in entry.path.parent.iterdir()) == sorted(
        [".lock", entry.path.name, entry.path.name + ".meta.json"]
    )
    assert kerncijfers.cached_datasets(cache_dir=cache) == [entry]


def test_a_connection_cut_mid_body_keeps_the_last_good_copy(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    serve_eurostat(server, eurostat_gzip + b"x" * 100, etag='"es-2"', cut_at=50)
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "truncated"
    size = len(eurostat_gzip) + 100
    assert str(caught.value) == (
        f"the download of {eurostat_url(server)}/{DATASET}?format=TSV&compressed=true was cut off after 50 of "
        f"{size} bytes (3 attempts); the cached copy retrieved on {entry.retrieved[:10]} "
        "(release 2026-11-27T23:00:00Z) is kept and used"
    )
    assert caught.value.cached == entry
    assert_only(entry, eurostat_gzip, cache)


def test_a_truncated_gzip_keeps_the_last_good_copy(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    serve_eurostat(server, eurostat_gzip[:-12], etag='"es-2"')  # whole HTTP body, gzip cut short
    with pytest.raises(FetchError, match="is a truncated gzip file .*; the cached copy retrieved on") as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "truncated"
    assert_only(entry, eurostat_gzip, cache)


def test_not_eurostat_tsv_is_refused(server: Server, cache: Path) -> None:
    serve_eurostat(server, gzip.compress(b"<html><body>maintenance</body></html>\n"))
    with pytest.raises(FetchError, match=r"is not Eurostat's TSV: its first line is '<html><body>maintenance"):
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    serve_eurostat(server, b"PK\x03\x04 a zip file, not gzip")
    with pytest.raises(FetchError, match="is not a valid gzip file"):
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


def test_the_size_limit(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    serve_eurostat(server, eurostat_gzip)
    with pytest.raises(FetchError, match=rf"is {len(eurostat_gzip)} bytes, more than the limit of 100 \(max_bytes"):
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, max_bytes=100, **FAST)
    # Without a Content-Length the limit stops the stream itself.
    serve_eurostat(server, eurostat_gzip, no_length=True)
    with pytest.raises(FetchError, match=r"is more than the limit of 100 bytes") as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, max_bytes=100, **FAST)
    assert caught.value.kind == "too_large"
    assert len(server.seen) == 2  # never retried
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


def test_the_decompression_limit_stops_a_gzip_bomb(server: Server, cache: Path, test_data: Path) -> None:
    header = (test_data / "eurostat" / "hand_bulk_monthly.tsv").read_bytes()
    bomb = gzip.compress(header + b"\0" * (8 << 20), mtime=0)
    assert len(bomb) < 20_000
    serve_eurostat(server, bomb)
    with pytest.raises(FetchError, match=r"unpacks to more than 1000000 bytes \(max_unpacked") as caught:
        kerncijfers.fetch(
            "eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, max_unpacked=10**6, **FAST
        )
    assert caught.value.kind == "too_large"


def test_two_fetches_at_once_leave_one_whole_file(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    # The answer waits a little, so that both fetches are under way together.
    serve_eurostat(server, eurostat_gzip, stall=0.2)
    results: list[FetchResult] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(
                kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
            )
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert errors == []
    assert sorted(r.status for r in results) == ["downloaded", "not modified"]
    assert results[0].path == results[1].path
    assert [s.status for s in server.seen] == [200, 304]
    entry = kerncijfers.cached_datasets(cache_dir=cache)
    assert len(entry) == 1
    assert_only(entry[0], eurostat_gzip, cache)


def test_two_processes_at_once_leave_one_whole_file(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    import subprocess
    import sys

    serve_eurostat(server, eurostat_gzip, stall=0.3)
    code = (
        "import sys, kerncijfers; "
        "r = kerncijfers.fetch_dataset('eurostat', sys.argv[1], base_url=sys.argv[2], cache_dir=sys.argv[3], "
        "timeout=5, retries=0); print(r.status)"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code, DATASET, eurostat_url(server), str(cache)],
                         stdout=subprocess.PIPE, text=True, env=os.environ)
        for _ in range(2)
    ]  # fmt: skip
    statuses = sorted(run.communicate(timeout=30)[0].strip() for run in runs)
    assert [run.returncode for run in runs] == [0, 0]
    assert statuses == ["downloaded", "not modified"]
    assert [s.status for s in server.seen] == [200, 304]
    (entry,) = kerncijfers.cached_datasets(cache_dir=cache)
    assert_only(entry, eurostat_gzip, cache)


def test_offline_uses_the_cache_and_no_network_says_so(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, offline=True, cache_dir=cache)
    assert caught.value.kind == "offline"
    assert str(caught.value) == (
        f"no cached copy of eurostat {DATASET} in {cache} (offline); "
        f"run `kerncijfers fetch eurostat {DATASET}` with a network connection"
    )
    entry = good_copy(server, cache, eurostat_gzip)
    url = eurostat_url(server)
    port = server.url.rsplit(":", 1)[1]
    server.stop()
    assert kerncijfers.fetch("eurostat", DATASET, offline=True, cache_dir=cache) == entry.path
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=url, cache_dir=cache, **FAST)
    assert caught.value.kind == "network"
    assert str(caught.value) == (
        f"cannot reach 127.0.0.1:{port}: connection refused (3 attempts); the cached copy retrieved on "
        f"{entry.retrieved[:10]} (release 2026-11-27T23:00:00Z) is kept and used"
    )


def test_environment_settings(
    server: Server, tmp_path: Path, eurostat_gzip: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_eurostat(server, eurostat_gzip)
    monkeypatch.setenv("KERNCIJFERS_EUROSTAT_URL", eurostat_url(server))
    monkeypatch.setenv("KERNCIJFERS_CACHE_DIR", str(tmp_path / "env-cache"))
    path = kerncijfers.fetch("eurostat", DATASET, **FAST)
    assert path.parent == tmp_path / "env-cache" / "eurostat" / DATASET
    assert cache_directory() == tmp_path / "env-cache"
    monkeypatch.setenv("KERNCIJFERS_CBS_URL", "ftp://example.org/")
    with pytest.raises(
        FetchError, match=r"^KERNCIJFERS_CBS_URL 'ftp://example.org/' is not an http:// or https:// URL$"
    ):
        kerncijfers.fetch("cbs", TABLE)


@pytest.mark.parametrize(
    ("publisher", "dataset", "message"),
    [
        ("istat", "x", "unknown publisher 'istat': expected 'cbs' or 'eurostat'"),
        ("cbs", "../etc", "'../etc' is not a CBS table identifier such as 83102NED"),
        ("eurostat", "a/b", "'a/b' is not a Eurostat dataset code such as migr_asyappctzm"),
        ("cbs", "/etc/passwd", "'/etc/passwd' is not a CBS table identifier such as 83102NED"),
        ("cbs", "83102NED\0", "'83102NED\\x00' is not a CBS table identifier such as 83102NED"),
        ("cbs", "83102NED\n", "'83102NED\\n' is not a CBS table identifier such as 83102NED"),
        ("cbs", "\uff18\uff13102NED", "'\uff18\uff13102NED' is not a CBS table identifier such as 83102NED"),
        ("cbs", "8" * 17, f"'{'8' * 17}' is not a CBS table identifier such as 83102NED"),
        ("eurostat", "..", "'..' is not a Eurostat dataset code such as migr_asyappctzm"),
        ("eurostat", ".hidden", "'.hidden' is not a Eurostat dataset code such as migr_asyappctzm"),
        (
            "eurostat",
            "migr_asyappctz\u0131",
            "'migr_asyappctz\u0131' is not a Eurostat dataset code such as migr_asyappctzm",
        ),
        ("eurostat", "m" * 65, f"'{'m' * 65}' is not a Eurostat dataset code such as migr_asyappctzm"),
        ("eurostat", "", "'' is not a Eurostat dataset code such as migr_asyappctzm"),
        ("cbs\0", "x", "unknown publisher 'cbs\\x00': expected 'cbs' or 'eurostat'"),
    ],
)
def test_bad_names(publisher: str, dataset: str, message: str, cache: Path) -> None:
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch(publisher, dataset, cache_dir=cache, base_url="http://127.0.0.1:9")
    assert (caught.value.kind, str(caught.value)) == ("invalid", message)
    assert not cache.exists()


def test_a_cache_that_cannot_be_used(tmp_path: Path, server: Server, eurostat_gzip: bytes) -> None:
    serve_eurostat(server, eurostat_gzip)
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("")
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=not_a_directory, **FAST)
    assert (caught.value.kind, str(caught.value)) == (
        "invalid",
        f"the cache {not_a_directory} cannot be used: a component of the path is not a directory",
    )
    assert server.seen == []


def test_the_core_package_needs_no_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real_import = builtins.__import__

    def no_platformdirs(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "platformdirs":
            raise ImportError("no platformdirs")
        return real_import(name, *args, **kwargs)

    monkeypatch.delenv("KERNCIJFERS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(builtins, "__import__", no_platformdirs)
    assert cache_directory() == tmp_path / "kerncijfers"


# ----------------------------------------------------------------------------------------
# The command line


def test_cli_fetch_list_and_errors(
    server: Server, cache: Path, eurostat_gzip: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["fetch", "--list", "--cache-dir", str(cache)]) == 0
    assert capsys.readouterr().out == f"nothing cached in {cache}\n"
    serve_eurostat(server, eurostat_gzip)
    serve_cbs(server)
    common = ["--cache-dir", str(cache), "--quiet", "--timeout", "2", "--retries", "0"]
    assert main(["fetch", "eurostat", DATASET, "--base-url", eurostat_url(server), *common]) == 0
    entry = newest_cached("eurostat", DATASET, cache_dir=cache)
    assert entry is not None
    assert capsys.readouterr().out == (
        f"eurostat {DATASET}: downloaded release 2026-11-27T23:00:00Z ({len(eurostat_gzip) / 1e3:.1f} kB)\n"
        f"{entry.path}\n"
    )
    assert main(["fetch", "eurostat", DATASET, "--base-url", eurostat_url(server), *common]) == 0
    assert capsys.readouterr().out.startswith(f"eurostat {DATASET}: release 2026-11-27T23:00:00Z is current")
    assert main(["fetch", "cbs", TABLE, "--base-url", cbs_url(server), *common]) == 0
    capsys.readouterr()
    assert main(["fetch", "eurostat", DATASET, "--offline", "--cache-dir", str(cache)]) == 0
    assert capsys.readouterr().out.startswith(f"eurostat {DATASET}: offline: the cached release 2026-11-27T23:00:00Z")

    assert main(["fetch", "--list", "--cache-dir", str(cache)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].split() == ["publisher", "dataset", "release", "retrieved", "size", "file"]
    cbs_entry = newest_cached("cbs", TABLE, cache_dir=cache)
    assert cbs_entry is not None
    assert lines[1].split() == ["cbs", TABLE, CBS_MODIFIED, cbs_entry.retrieved, *f"{cbs_entry.size / 1e3:.1f} kB".split(),
                                str(cbs_entry.path)]  # fmt: skip
    assert lines[2].split()[:3] == ["eurostat", DATASET, "2026-11-27T23:00:00Z"]
    assert main(["fetch", "--list", "cbs", "--cache-dir", str(cache)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2

    # Every failure: one line, exit 2.
    assert main(["fetch", "cbs", "12345NED", "--base-url", cbs_url(server), *common]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"kerncijfers: error: CBS table 12345NED not found: {cbs_url(server)}/12345NED/TableInfos?$format=json "
        "answered 404 Not Found; there is no cached copy of cbs 12345NED\n"
    )
    assert main(["fetch", "cbs", "--cache-dir", str(cache)]) == 2
    assert capsys.readouterr().err.startswith("kerncijfers: error: fetch needs a publisher and a dataset")
    assert main(["fetch", "eurostat", DATASET, "--refresh", "--offline"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_cli_report_source_needs_a_cached_copy(cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--month", "2021-05", "--source", "cbs", "--cache-dir", str(cache)]) == 2
    assert capsys.readouterr().err == (
        f"kerncijfers: error: no cached copy of cbs {TABLE} in {cache} (offline); "
        f"run `kerncijfers fetch cbs {TABLE}` with a network connection\n"
    )
    assert main(["report", "--dataset", "x"]) == 2
    assert capsys.readouterr().err == "kerncijfers: error: --dataset needs --source cbs or --source eurostat\n"


#: May 2021 for NL whole (a total and its parts), in Eurostat's bulk TSV layout.
COMPLETE_MONTH = (
    "freq,unit,citizen,sex,age,asyl_app,geo\\TIME_PERIOD\t2021M04 \t2021M05 \n"
    "M,PER,AF,T,TOTAL,NASY_APP,NL\t100 \t150 \n"
    "M,PER,SY,T,TOTAL,NASY_APP,NL\t560 \t1120 p\n"
    "M,PER,TOTAL,T,TOTAL,NASY_APP,NL\t1590 \t2000 p\n"
    "M,PER,UNK,T,TOTAL,NASY_APP,NL\t30 \t40 \n"
)


def test_cli_report_source_eurostat_names_release_and_retrieval(
    server: Server, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = good_copy(server, cache, gzip.compress(COMPLETE_MONTH.encode()))
    day = entry.retrieved[:10]
    for lang, note, words in (("nl", "Bron", "opgehaald op"), ("en", "Source", "retrieved on")):
        arguments = ["report", "--month", "2021-05", "--source", "eurostat", "--cache-dir", str(cache), "--lang", lang]
        assert main(arguments) == 0
        page = capsys.readouterr().out
        # Markdown escapes the underscore.
        assert f"({note}: Eurostat migr\\_asyappctzm, release 2026-11-27, {words} {day})" in page
    assert (
        main(["report", "--month", "2021-05", "--source", "eurostat", "--cache-dir", str(cache), "--format", "json"])
        == 0
    )
    figures = json.loads(capsys.readouterr().out)
    assert (
        figures["first_month"]["source"]["text"]["en"] == f"Eurostat {DATASET}, release 2026-11-27, retrieved on {day}"
    )


def test_cli_report_source_cbs_reads_the_bundle(
    server: Server, cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_cbs(server)
    path = kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    retrieved = kerncijfers.cbs_bundle_retrieved(path)
    assert retrieved == read_bundle(path)["retrieved"]
    assert main(["report", "--month", "2021-05", "--source", "cbs", "--cache-dir", str(cache)]) == 0
    assert f"opgehaald op {retrieved[:10]}" in capsys.readouterr().out


def test_import_loads_no_http_client() -> None:
    import subprocess
    import sys

    code = "import kerncijfers, sys; print('urllib.request' in sys.modules, 'http.client' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ)
    assert out.stdout == "False False\n"


def test_the_progress_line_shows_bytes_and_rate(
    server: Server, cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_tqdm(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "tqdm.auto":
            raise ImportError("no tqdm")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    body = gzip.compress(
        b"freq,unit,citizen,sex,age,asyl_app,geo\\TIME_PERIOD\t2021M05 \nM,PER,SY,T,TOTAL,NASY_APP,NL\t5 \n"
    )
    serve_eurostat(server, body)
    kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, progress=True, **FAST)
    err = capsys.readouterr().err
    # The line is rewritten in place (a carriage return), and ends once the download is whole.
    size = f"{len(body) / 1e3:.1f} kB"
    assert re.fullmatch(rf"Eurostat dataset {DATASET}: {size} of {size} \(\d+\.\d [kM]B/s\)\n", err.split("\r")[-1])


# ----------------------------------------------------------------------------------------
# The retrieval day on the page (C++: key_figures_options::retrieved, figure_source::retrieved)


def test_the_retrieval_day_in_the_figures_and_on_the_page(golden_tables: tuple[Any, Any]) -> None:
    import pickle

    counts, departures = golden_tables
    options = kerncijfers.KeyFiguresOptions(
        retrieved="2026-12-07", family_reunification_window_end=kerncijfers.Month(2021, 4)
    )
    assert "retrieved='2026-12-07'" in repr(options)
    assert pickle.loads(pickle.dumps(options)) == options
    figures = kerncijfers.compute_key_figures(
        counts, departures, kerncijfers.nl_safe_countries(), kerncijfers.Month(2021, 5), options
    )
    source = figures.first_month.source
    assert source.retrieved == "2026-12-07"
    assert (
        repr(source)
        == "<FigureSource 'fictional golden test data (not real)', release 2021-06-15, retrieved 2026-12-07>"
    )
    assert pickle.loads(pickle.dumps(source)) == source
    assert figures.departures_all.source.retrieved == ""
    page = kerncijfers.render_markdown(figures, "nl")
    assert "(Bron: fictional golden test data (not real), release 2021-06-15, opgehaald op 2026-12-07)" in page
    assert "release 2021-06-15, afgerond op tientallen)" in page  # the departures: not fetched
    assert "retrieved on 2026-12-07" in kerncijfers.render_markdown(figures, "en")
    with pytest.raises(kerncijfers.InvalidInput, match=r'^retrieved "2026-12": expected a day, YYYY-MM-DD$'):
        kerncijfers.KeyFiguresOptions(retrieved="2026-12")


# ----------------------------------------------------------------------------------------
# Bad input from the server, the cache and the caller (a review's attacks): each one a clear
# one-line FetchError (or a fresh download), never a crash, a hang or a file that counts.


def finishes(seconds: float, run: Callable[[], Any]) -> Any:
    """``run()``'s result or exception, asserting it ends within ``seconds`` (a thread: a
    client that would loop for minutes fails the test instead of stalling the suite)."""
    outcome: list[Any] = []

    def target() -> None:
        try:
            outcome.append(("result", run()))
        except BaseException as error:  # noqa: BLE001 - handed back below
            outcome.append(("error", error))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still running after {seconds} s"
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


def cli_error(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> str:
    """The one line that ``kerncijfers ARGUMENTS`` writes to stderr when it exits with 2."""
    assert main(arguments) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("kerncijfers: error: ") and captured.err.count("\n") == 1
    return captured.err.removeprefix("kerncijfers: error: ").removesuffix("\n")


TYPED_PATH = f"/ODataFeed/odata/{TABLE}/TypedDataSet?$format=json"


def test_cbs_a_next_link_back_to_a_page_already_read(server: Server, cache: Path) -> None:
    serve_cbs(server)
    url = f"{server.url}{TYPED_PATH}"
    server.routes[TYPED_PATH] = lambda _h: Reply(
        200, json.dumps({"value": [{"ID": 0}], "odata.nextLink": url}).encode()
    )
    with pytest.raises(FetchError) as caught:
        finishes(5, lambda: kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST))
    assert caught.value.kind == "corrupt"
    assert str(caught.value) == (
        f"{url}: odata.nextLink {url} was read before (a loop); there is no cached copy of cbs {TABLE}"
    )
    assert server.paths(TYPED_PATH) == [TYPED_PATH]


def test_cbs_next_links_without_end(server: Server, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kerncijfers._fetch

    monkeypatch.setattr(kerncijfers._fetch, "MAX_PAGES", 20)
    serve_cbs(server)
    del server.routes[TYPED_PATH]

    def ever_new(path: str, _headers: dict[str, str]) -> Reply:
        page = int(path.rsplit("=", 1)[1]) if "&page=" in path else 0
        following = f"{server.url}{TYPED_PATH}&page={page + 1}"
        return Reply(200, json.dumps({"value": [{"ID": page}], "odata.nextLink": following}).encode())

    server.fallback = ever_new
    with pytest.raises(FetchError) as caught:
        finishes(10, lambda: kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST))
    assert caught.value.kind == "corrupt"
    assert str(caught.value).startswith(
        f"{server.url}{TYPED_PATH}: more than 20 pages (an odata.nextLink without end?); there is no cached copy"
    )
    assert len(server.paths(TYPED_PATH)) == 20
    # A page without rows that links on is no paging at all.
    server.fallback = None
    server.routes[TYPED_PATH] = lambda _h: Reply(
        200, json.dumps({"value": [], "odata.nextLink": f"{server.url}{TYPED_PATH}&page=1"}).encode()
    )
    with pytest.raises(FetchError, match=r"\?\$format=json: a page without rows has an odata.nextLink; there"):
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


@pytest.mark.parametrize(
    ("link", "shown"),
    [("/x?a= b", "/x?a= b"), ("/x?a=\x1b[31m", "/x?a=\\x1b[31m"), (17, "17"), ("", "")],
)
def test_cbs_a_next_link_that_is_not_a_url(server: Server, cache: Path, link: object, shown: str) -> None:
    serve_cbs(server)
    server.routes[TYPED_PATH] = lambda _h: Reply(
        200, json.dumps({"value": [{"ID": 0}], "odata.nextLink": link}).encode()
    )
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert caught.value.kind == "corrupt"  # not a network error, and not retried
    assert str(caught.value) == (
        f"{server.url}{TYPED_PATH}: odata.nextLink '{shown}' is not a URL; there is no cached copy of cbs {TABLE}"
    )
    assert server.paths(TYPED_PATH) == [TYPED_PATH]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"value": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}", "is JSON nested too deeply"),
        (b'{"value": [{"ID": 0, "Aantal": NaN}]}', "is not valid JSON (NaN is not a JSON number)"),
        (b'{"value": [{"ID": 0, "Aantal": -Infinity}]}', "is not valid JSON (-Infinity is not a JSON number)"),
        (b'{"value": [{"ID": 0}, 5]}', "is not an OData document (a 'value' that is not an object)"),
        (b'{"value": {"ID": 0}}', "is not an OData document (no 'value' list)"),
        (b'[{"value": []}]', "is not an OData document (no 'value' list)"),
        (b"<html><body>Onderhoud</body></html>", "is not valid JSON (Expecting value: line 1 column 1 (char 0))"),
    ],
)
def test_cbs_pages_that_are_not_odata(server: Server, cache: Path, body: bytes, message: str) -> None:
    serve_cbs(server)
    server.routes[TYPED_PATH] = lambda _h: Reply(200, body, {"Content-Type": "application/json"})
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert (caught.value.kind, str(caught.value)) == (
        "corrupt",
        f"{server.url}{TYPED_PATH} {message}; there is no cached copy of cbs {TABLE}",
    )
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


@pytest.mark.parametrize(
    ("modified", "shown"),
    [
        ("../../\x1b[31mevil\n", "../../\\x1b[31mevil"),
        ("2026-11-27T02:00:00/../../x", "2026-11-27T02:00:00/../../x"),
        ("gisteren", "gisteren"),
        ("2026-11-27 02:00", "2026-11-27 02:00"),
    ],
)
def test_cbs_a_modified_date_that_is_not_a_date(server: Server, cache: Path, modified: str, shown: str) -> None:
    docs = cbs_documents(server.url)
    docs["TableInfos"][0]["Modified"] = modified
    serve_cbs(server, docs)
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert (caught.value.kind, str(caught.value)) == (
        "corrupt",
        f"{cbs_url(server)}/{TABLE}/TableInfos?$format=json: TableInfos' Modified '{shown}' is not an ISO 8601 "
        f"date; there is no cached copy of cbs {TABLE}",
    )
    assert sorted(p.name for p in (cache / "cbs" / TABLE).iterdir()) == [".lock"]


@pytest.mark.parametrize(
    "last_modified", ["Fri, 31 Dec 9999 23:30:00 -0100", "gisteren", "Fri, 27 Nov 2026 25:00:00 GMT", "\xb2"]
)
def test_eurostat_a_last_modified_that_is_no_date(
    server: Server, cache: Path, eurostat_gzip: bytes, last_modified: str
) -> None:
    server.routes[eurostat_path()] = lambda _h: Reply(200, eurostat_gzip, {"Last-Modified": last_modified})
    entry = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST).entry
    # The release is the download's time; the garbage is not sent back as If-Modified-Since.
    assert (entry.release, entry.last_modified) == (entry.retrieved, None if last_modified == "\xb2" else last_modified)
    assert entry.path.name == f"{DATASET}_{entry.retrieved.replace(':', '')}.tsv.gz"


def test_a_content_length_that_is_not_a_number(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    # "²" is a digit to str.isdigit but not to int(); http.client ignores the header.
    serve_eurostat(server, eurostat_gzip, no_length=True)
    server.routes[eurostat_path()] = lambda _h: Reply(200, eurostat_gzip, {"Content-Length": "\xb2"}, no_length=True)
    path = kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert path.read_bytes() == eurostat_gzip


def test_an_endless_chunked_body_meets_the_size_limit(server: Server, cache: Path) -> None:
    def endless() -> Iterator[bytes]:
        while not server.stopping.is_set():
            yield b"\x1f" * 8192

    server.routes[eurostat_path()] = lambda _h: Reply(200, chunks=endless())
    with pytest.raises(FetchError) as caught:
        finishes(10, lambda: kerncijfers.fetch(
            "eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, max_bytes=100_000, **FAST
        ))  # fmt: skip
    assert (caught.value.kind, str(caught.value)) == (
        "too_large",
        f"{eurostat_url(server)}/{DATASET}?format=TSV&compressed=true is more than the limit of 100000 bytes "
        f"(max_bytes, --max-bytes); there is no cached copy of eurostat {DATASET}",
    )


def test_answers_other_than_200(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    url = f"{eurostat_url(server)}/{DATASET}?format=TSV&compressed=true"
    server.routes[eurostat_path()] = lambda _h: Reply(304)
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert (caught.value.kind, str(caught.value)) == (
        "server",
        f"{url} answered 304 Not Modified to a request that was not conditional; "
        f"there is no cached copy of eurostat {DATASET}",
    )
    server.routes[eurostat_path()] = lambda _h: Reply(206, eurostat_gzip[:40])
    with pytest.raises(FetchError, match=r"answered 206 Partial Content, not 200 OK; there is no cached copy"):
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert kerncijfers.cached_datasets(cache_dir=cache) == []


def test_redirects_stay_on_http_and_https(
    server: Server, cache: Path, eurostat_gzip: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    # Policy: at most MAX_REDIRECTS redirects, to http or https only, never from https to http.
    url = f"{eurostat_url(server)}/{DATASET}?format=TSV&compressed=true"
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    ftp = f"ftp://127.0.0.1:{listener.getsockname()[1]}/{DATASET}.tsv.gz"
    try:
        for target in (ftp, "file:///etc/passwd", "data:,M"):

            def redirect(_headers: dict[str, str], location: str = target) -> Reply:
                return Reply(302, b"", {"Location": location})

            server.routes[eurostat_path()] = redirect
            with pytest.raises(FetchError) as caught:
                kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
            assert (caught.value.kind, str(caught.value)) == (
                "server",
                f"{url} redirects (302) to {target}: refused (a redirect must stay on http or https, and https on "
                f"https); there is no cached copy of eurostat {DATASET}",
            )
        with pytest.raises(TimeoutError):  # urllib's FTP handler would have connected
            listener.accept()
    finally:
        listener.close()
    # A loop: one line, not urllib's two.
    server.routes[eurostat_path()] = lambda _h: Reply(301, b"", {"Location": eurostat_path()})
    assert cli_error(capsys, ["fetch", "eurostat", DATASET, "--base-url", eurostat_url(server), "--cache-dir",
                              str(cache), "--retries", "0"]) == (
        f"{url} answered 301: a redirect not followed (without a Location, in a loop or more than 5); "
        f"there is no cached copy of eurostat {DATASET}"
    )  # fmt: skip
    # Another host over http is followed (a mirror, a CDN); the file's content is checked as ever.
    port = server.url.rsplit(":", 1)[1]
    moved = f"http://localhost:{port}/moved/{DATASET}.tsv.gz"
    server.routes[eurostat_path()] = lambda _h: Reply(307, b"", {"Location": moved})
    server.routes[f"/moved/{DATASET}.tsv.gz"] = lambda _h: Reply(200, eurostat_gzip)
    path = kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert path.read_bytes() == eurostat_gzip


def test_a_redirect_from_https_to_http_is_refused() -> None:
    # No TLS server in the tests: the redirect handler itself, as urllib calls it.
    import http.client
    import io
    import urllib.request

    from kerncijfers._fetch import _opener

    (handler,) = [h for h in _opener().handlers if isinstance(h, urllib.request.HTTPRedirectHandler)]
    request = urllib.request.Request("https://opendata.cbs.nl/ODataFeed/odata/83102NED/TableInfos")
    headers = http.client.HTTPMessage()
    with pytest.raises(FetchError, match=r"redirects \(302\) to http://opendata.cbs.nl/x: refused"):
        handler.redirect_request(request, io.BytesIO(), 302, "Found", headers, "http://opendata.cbs.nl/x")
    followed = handler.redirect_request(request, io.BytesIO(), 302, "Found", headers, "https://mirror.example/x")
    assert followed is not None and followed.full_url == "https://mirror.example/x"
    assert not any(isinstance(h, (urllib.request.FTPHandler, urllib.request.FileHandler)) for h in _opener().handlers)


def damage(path: Path) -> None:
    """Flip one byte: the same size, other content."""
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_damaged_cached_file_is_never_used(server: Server, cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = gzip.compress(COMPLETE_MONTH.encode())
    entry = good_copy(server, cache, body)
    damage(entry.path)
    message = (
        f"the cached file {entry.path} is damaged: its SHA-256 is not the one recorded when it was retrieved on "
        f"{entry.retrieved[:10]}"
    )
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, offline=True, cache_dir=cache)
    assert (caught.value.kind, str(caught.value)) == (
        "corrupt",
        f"{message} (offline); run `kerncijfers fetch eurostat {DATASET}` with a network connection to download "
        "it again",
    )
    assert cli_error(capsys, ["report", "--month", "2021-05", "--source", "eurostat", "--cache-dir", str(cache)]) == (
        str(caught.value)
    )
    assert main(["fetch", "--list", "--cache-dir", str(cache)]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[1]
        .endswith(f"{entry.path} (damaged: not its recorded SHA-256; fetch it again)")
    )
    # Online, the publisher's 304 would confirm the damaged copy: it is downloaded again instead.
    server.seen.clear()
    result = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert result.status == "downloaded" and result.path == entry.path
    assert "If-None-Match" not in server.seen[0].headers
    assert_only(result.entry, body, cache)
    # A failed download after a damaged copy says so, and offers no cached copy.
    damage(entry.path)
    server.routes[eurostat_path()] = lambda _h: Reply(500, b"")
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert caught.value.cached is None
    assert str(caught.value).endswith(f"answered 500 Internal Server Error (3 attempts); {message}")


@pytest.mark.parametrize(
    "edit",
    [
        {"etag": ["x"]},
        {"etag": "\u20ac"},
        {"etag": '"a"\r\nX-Injected: 1'},
        {"last_modified": 5},
        {"size": "93"},
        {"size": True},
        {"release": "\x1b[2J"},
        {"release": "../../x"},
        {"retrieved": None},
        {"path": "../../x"},
        {"path": None},
        {"publisher": "cbs"},
        {"dataset": "other"},
        {"sha256": "00"},
        {"format": "something else"},
    ],
)
def test_hand_edited_metadata_is_no_entry(
    server: Server, cache: Path, eurostat_gzip: bytes, edit: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    meta = entry.path.with_name(entry.path.name + ".meta.json")
    meta.write_text(json.dumps({**json.loads(meta.read_text()), **edit}))
    assert kerncijfers.cached_datasets(cache_dir=cache) == []
    assert main(["fetch", "--list", "--cache-dir", str(cache)]) == 0
    assert capsys.readouterr().out == f"nothing cached in {cache}\n"
    # The next fetch downloads afresh (no validators from the edited file) and replaces it.
    server.seen.clear()
    result = kerncijfers.fetch_dataset("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert result.status == "downloaded"
    assert "If-None-Match" not in server.seen[0].headers
    assert kerncijfers.cached_datasets(cache_dir=cache) == [result.entry]


@pytest.mark.parametrize("text", ["{not json", "[]", "[" * 100_000, ""])
def test_a_metadata_file_that_is_not_ours(
    server: Server, cache: Path, eurostat_gzip: bytes, text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    entry.path.with_name(entry.path.name + ".meta.json").write_text(text)
    assert cli_error(capsys, ["fetch", "eurostat", DATASET, "--offline", "--cache-dir", str(cache)]).startswith(
        f"no cached copy of eurostat {DATASET} in {cache} (offline)"
    )
    assert kerncijfers.fetch_dataset(
        "eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST
    ).status == "downloaded"  # fmt: skip


def test_the_temporary_file_of_a_killed_run_is_removed(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    import subprocess
    import sys

    # A run killed in the middle of its download (SIGKILL: no finally clause runs).
    def slow() -> Iterator[bytes]:
        yield eurostat_gzip[:20]
        server.stopping.wait(10)

    server.routes[eurostat_path()] = lambda _h: Reply(200, chunks=slow())
    code = (
        "import sys, kerncijfers; kerncijfers.fetch('eurostat', sys.argv[1], base_url=sys.argv[2], "
        "cache_dir=sys.argv[3], timeout=30, retries=0)"
    )
    run = subprocess.Popen([sys.executable, "-c", code, DATASET, eurostat_url(server), str(cache)], env=os.environ)
    folder = cache / "eurostat" / DATASET
    deadline = time.monotonic() + 10
    while not list(folder.glob(".*.tmp")) or not server.seen:
        assert time.monotonic() < deadline and run.poll() is None
        time.sleep(0.02)
    time.sleep(0.1)  # the first bytes are written
    run.kill()
    run.wait(10)
    (left,) = folder.glob(".*.tmp")
    assert left.name.startswith(f".{DATASET}.tsv.gz.")
    entry = good_copy(server, cache, eurostat_gzip)
    assert not left.exists()
    assert_only(entry, eurostat_gzip, cache)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"timeout": float("inf")}, "timeout (inf) must be more than 0 and at most 86400 seconds"),
        ({"timeout": float("nan")}, "timeout (nan) must be more than 0"),
        ({"timeout": 1e7}, "timeout (10000000.0) must be more than 0"),
        ({"backoff": float("nan")}, "retries (2) and backoff (nan) at least 0"),
        ({"cache_dir": ""}, "the cache directory '' is not a path"),
        ({"cache_dir": "a\0b"}, "the cache directory 'a\\x00b' is not a path"),
        (
            {"base_url": "http://127.0.0.1:9/a\nb"},
            "base_url 'http://127.0.0.1:9/a\\nb' is not an http:// or https:// URL",
        ),
        ({"base_url": "http://127.0.0.1:9/a b"}, "base_url 'http://127.0.0.1:9/a b' is not an http:// or https:// URL"),
    ],
)
def test_bad_settings(arguments: dict[str, Any], message: str, cache: Path) -> None:
    with pytest.raises(FetchError) as caught:
        # A closed port as the URL: should a check let the call through, it reaches no network.
        kerncijfers.fetch(
            "eurostat", DATASET, **{"cache_dir": cache, "base_url": "http://127.0.0.1:9", **FAST, **arguments}
        )
    assert caught.value.kind == "invalid"
    assert message in str(caught.value)


def test_cli_a_timeout_of_infinity(capsys: pytest.CaptureFixture[str], cache: Path) -> None:
    arguments = ["--timeout", "inf", "--cache-dir", str(cache), "--base-url", "http://127.0.0.1:9"]
    assert cli_error(capsys, ["fetch", "eurostat", DATASET, *arguments]).startswith(
        "timeout (inf) must be more than 0 and at most 86400 seconds"
    )


def test_names_in_the_python_functions(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    from kerncijfers.report import cached_counts

    with pytest.raises(FetchError, match=r"^dataset '\.\./\.\./etc' without its publisher \('cbs' or 'eurostat'\)$"):
        kerncijfers.cached_datasets(None, "../../etc", cache_dir=cache)
    with pytest.raises(FetchError, match=r"^unknown publisher 'istat': expected 'cbs' or 'eurostat'$"):
        cached_counts("istat", cache_dir=cache)  # type: ignore[arg-type]
    good_copy(server, cache, gzip.compress(COMPLETE_MONTH.encode()))
    table, _day = cached_counts("EUROSTAT", cache_dir=cache)  # type: ignore[arg-type]
    assert len(table) == 8


def test_a_metadata_file_that_is_a_fifo(server: Server, cache: Path, eurostat_gzip: bytes) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    meta = entry.path.with_name(entry.path.name + ".meta.json")
    meta.unlink()
    os.mkfifo(meta)  # reading it would wait for a writer for ever
    assert finishes(5, lambda: kerncijfers.cached_datasets(cache_dir=cache)) == []
    entry.path.unlink()
    os.mkfifo(entry.path)
    meta.unlink()
    meta.write_text(json.dumps(entry.to_json() | {"size": 0}))
    assert finishes(5, lambda: kerncijfers.cached_datasets(cache_dir=cache)) == []


def test_symbolic_links_in_the_cache(server: Server, cache: Path, eurostat_gzip: bytes, tmp_path: Path) -> None:
    entry = good_copy(server, cache, eurostat_gzip)
    # A data file that is a link: read through it, replaced (not written through) by a download.
    elsewhere = tmp_path / "elsewhere.tsv.gz"
    elsewhere.write_bytes(eurostat_gzip)
    entry.path.unlink()
    entry.path.symlink_to(elsewhere)
    assert kerncijfers.fetch("eurostat", DATASET, offline=True, cache_dir=cache) == entry.path
    kerncijfers.fetch("eurostat", DATASET, refresh=True, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert not entry.path.is_symlink() and elsewhere.read_bytes() == eurostat_gzip
    # A lock that is a link (planted in a shared cache): refused, its target not created.
    lock = entry.path.parent / ".lock"
    lock.unlink()
    lock.symlink_to(tmp_path / "created-by-the-lock")
    with pytest.raises(FetchError) as caught:
        kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert (caught.value.kind, str(caught.value)) == (
        "invalid",
        f"the cache {cache} cannot be used: {lock} is a symbolic link, which the lock does not follow",
    )
    assert not (tmp_path / "created-by-the-lock").exists()
    # A loop of links where a directory should be.
    lock.unlink()
    (cache / "cbs").symlink_to(cache / "cbs")
    with pytest.raises(FetchError, match=r"^the cache .* cannot be used: too many levels of symbolic links"):
        kerncijfers.fetch("cbs", TABLE, base_url=cbs_url(server), cache_dir=cache, **FAST)
    assert kerncijfers.cached_datasets(cache_dir=cache) == [newest_cached("eurostat", DATASET, cache_dir=cache)]


def test_eurostat_gzip_members_and_what_follows_them(server: Server, cache: Path, test_data: Path) -> None:
    tsv = (test_data / "eurostat" / "hand_bulk_monthly.tsv").read_bytes()
    half = tsv.index(b"\n", len(tsv) // 2) + 1
    whole = gzip.compress(tsv, mtime=0)
    # Two members are one file (as gzip -d reads them), and every row of both is read.
    serve_eurostat(server, gzip.compress(tsv[:half], mtime=0) + gzip.compress(tsv[half:], mtime=0))
    path = kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
    assert len(kerncijfers.read_eurostat(path, geo=["NL"])) == 4
    bad_header = "corrupt", "is not a valid gzip file (Error -3 while decompressing data: incorrect header check)"
    cut = "truncated", "is a truncated gzip file (it ends inside the compressed data)"
    for tail, (kind, problem) in ((b"garbage", bad_header), (b"\0\0\0\0", bad_header), (b"\x1f\x8b", cut)):
        serve_eurostat(server, whole + tail, etag='"es-2"')
        with pytest.raises(FetchError) as caught:
            kerncijfers.fetch("eurostat", DATASET, base_url=eurostat_url(server), cache_dir=cache, **FAST)
        assert caught.value.kind == kind
        assert str(caught.value).startswith(f"{eurostat_url(server)}/{DATASET}?format=TSV&compressed=true {problem}; ")
        assert kerncijfers.fetch("eurostat", DATASET, offline=True, cache_dir=cache) == path
