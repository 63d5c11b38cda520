"""The download cache of ``kerncijfers fetch``: where it is, what it holds, how it is written.

Layout: ``<cache>/<publisher>/<dataset>/<dataset>_<release>.<ext>`` holds one release of a
dataset (``.json.gz`` for a CBS table, ``.tsv.gz`` for a Eurostat dataset) and beside it
``<same name>.meta.json`` its metadata (URL, ETag, Last-Modified, release, retrieved and
checked times, size, SHA-256). Files are written atomically (a temporary file in the same
directory, flushed to disk, renamed over the target), the data file before its metadata,
and a listing shows only entries whose metadata is whole and well-formed and whose data file
exists with the size the metadata gives: an interrupted write leaves the previous state,
never a half file that counts. Before a cached file is used (read, or confirmed by the
publisher) its SHA-256 is compared with the metadata's (:func:`intact`): a damaged file is
downloaded again, never read.

Fetches of the same dataset are serialised by an advisory lock on ``<dataset>/.lock``
(``fcntl.flock``; where that does not exist, Windows, the atomic renames alone keep every
file whole). Every write to a dataset's directory happens under its lock, so a temporary
file found there by the lock's holder was left by a run that was killed: it is removed.

The cache directory: the ``cache_dir`` argument, else the environment variable
``KERNCIJFERS_CACHE_DIR``, else ``platformdirs.user_cache_dir("kerncijfers")`` when the
optional dependency platformdirs is installed (``pip install "kerncijfers[fetch]"``), else
``$XDG_CACHE_HOME/kerncijfers`` or ``~/.cache/kerncijfers``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import stat
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

__all__ = [
    "CacheEntry",
    "cache_directory",
    "dataset_lock",
    "entries",
    "intact",
    "is_header_value",
    "newest",
    "write_file_atomically",
]

CACHE_ENV = "KERNCIJFERS_CACHE_DIR"
META_SUFFIX = ".meta.json"
_META_FORMAT = "kerncijfers-cache-entry"
#: The temporary files of :func:`temporary_file`: ``.<name>.<12 hex digits>.tmp``.
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")
#: A release or a time as the cache records it: an ISO 8601 day, with a time and a zone or not
#: (CBS's ``2026-11-27T02:00:00``, ``2026-11-27T23:00:00Z``). Nothing else reaches a file name.
RELEASE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
_META_LIMIT = 1 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")
_DATASET = re.compile(r"[0-9A-Za-z][0-9A-Za-z_.-]{0,63}")


def cache_directory(cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """The cache directory (see the module's documentation for the order of the choices)."""
    if cache_dir is not None:
        return Path(cache_dir)
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    try:
        import platformdirs
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "kerncijfers"
    return Path(platformdirs.user_cache_dir("kerncijfers", appauthor=False))


@dataclass(frozen=True)
class CacheEntry:
    """One cached release of a dataset: the file and what is known about it."""

    #: ``"cbs"`` or ``"eurostat"``.
    publisher: str
    #: The table or dataset code: ``"83102NED"``, ``"migr_asyappctzm"``.
    dataset: str
    #: The publisher's release of the data: CBS's TableInfos ``Modified``, Eurostat's
    #: ``Last-Modified`` (ISO 8601; Eurostat's in UTC with ``Z``).
    release: str
    #: When the data was downloaded (UTC, ``2026-12-07T22:30:00Z``).
    retrieved: str
    #: When the publisher last confirmed this is still its current release (UTC).
    checked: str
    #: The URL the data came from (CBS: the table's root).
    url: str
    #: The validators of the last response (CBS: of its TableInfos), for revalidation.
    etag: str | None
    last_modified: str | None
    #: The file's size in bytes and its SHA-256 (hex).
    size: int
    sha256: str
    #: The data file.
    path: Path

    def to_json(self) -> dict[str, Any]:
        record = asdict(self)
        record["path"] = self.path.name
        record["format"] = _META_FORMAT
        return record


def release_key(release: str) -> str:
    """The release as a part of a file name: ``2024-11-29T02:00:00`` -> ``2024-11-29T020000``."""
    key = re.sub(r"[^0-9A-Za-z.+-]", "", release.replace(":", ""))
    return key[:64] or "undated"


def entry_path(directory: Path, publisher: str, dataset: str, release: str, extension: str) -> Path:
    return directory / publisher / dataset / f"{dataset}_{release_key(release)}{extension}"


def _regular(path: Path) -> bool:
    return stat.S_ISREG(path.stat().st_mode)


def is_header_value(value: object) -> bool:
    """``value`` can go back to the server as a validator (``If-None-Match``,
    ``If-Modified-Since``): visible ASCII and spaces, no line break, not too long."""
    return isinstance(value, str) and 0 < len(value) <= 1024 and all(" " <= c <= "~" for c in value)


def _read_entry(meta: Path) -> CacheEntry | None:
    """The entry of a metadata file; None for one that is unreadable, half-written by an
    older crash, hand-edited into something else or not ours (the next fetch replaces it):
    every field is checked, for a value from this file ends up in requests, file names and
    listings."""
    try:
        # Not a FIFO, a device or a huge file put in its place: reading one would hang or fill memory.
        if not _regular(meta) or meta.stat().st_size > _META_LIMIT:
            return None
        record = json.loads(meta.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or record.get("format") != _META_FORMAT:
            return None
        checked: object = record.get("checked") or record.get("retrieved")
        texts = (record.get("release"), record.get("retrieved"), checked)
        size, etag, last_modified = record.get("size"), record.get("etag"), record.get("last_modified")
        if (
            record.get("publisher") not in ("cbs", "eurostat")
            or not isinstance(record.get("dataset"), str)
            or not _DATASET.fullmatch(record["dataset"])
            or not all(isinstance(t, str) and RELEASE.fullmatch(t) for t in texts)
            or not isinstance(record.get("url"), str)
            or not isinstance(record.get("sha256"), str)
            or not _SHA256.fullmatch(record["sha256"])
            or not isinstance(record.get("path"), str)
            or type(size) is not int
            or not (etag is None or is_header_value(etag))
            or not (last_modified is None or is_header_value(last_modified))
        ):
            return None
        path = meta.with_name(record["path"])
        if path.name != meta.name[: -len(META_SUFFIX)] or not _regular(path) or path.stat().st_size != size:
            return None
        return CacheEntry(
            publisher=record["publisher"],
            dataset=record["dataset"],
            release=record["release"],
            retrieved=record["retrieved"],
            checked=str(checked),
            url=record["url"],
            etag=etag,
            last_modified=last_modified,
            size=size,
            sha256=record["sha256"],
            path=path,
        )
    except (OSError, ValueError, RecursionError):
        return None


def entries(
    publisher: str | None = None, dataset: str | None = None, cache_dir: str | os.PathLike[str] | None = None
) -> list[CacheEntry]:
    """Every complete cached release, sorted by publisher, dataset and release (oldest first)."""
    root = cache_directory(cache_dir)
    found: list[CacheEntry] = []
    publishers = [publisher] if publisher is not None else sorted(p.name for p in _subdirectories(root))
    for pub in publishers:
        datasets = [dataset] if dataset is not None else sorted(d.name for d in _subdirectories(root / pub))
        for name in datasets:
            with contextlib.suppress(OSError):
                for meta in (root / pub / name).glob("*" + META_SUFFIX):
                    entry = _read_entry(meta)
                    if entry is not None and entry.publisher == pub and entry.dataset == name:
                        found.append(entry)
    return sorted(found, key=lambda e: (e.publisher, e.dataset, e.release, e.retrieved))


def intact(entry: CacheEntry) -> bool:
    """The entry's file still has the SHA-256 recorded when it was downloaded."""
    try:
        return sha256_of(entry.path) == entry.sha256
    except OSError:
        return False


def _subdirectories(directory: Path) -> list[Path]:
    try:
        return [p for p in directory.iterdir() if p.is_dir()]
    except OSError:
        return []


def newest(publisher: str, dataset: str, cache_dir: str | os.PathLike[str] | None = None) -> CacheEntry | None:
    """The newest cached release of a dataset (the latest release, then the latest download)."""
    found = entries(publisher, dataset, cache_dir)
    return found[-1] if found else None


def _sync_directory(directory: Path) -> None:
    # The rename is durable once the directory is on disk; some file systems cannot sync one.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def temporary_file(directory: Path, name: str) -> Iterator[tuple[IO[bytes], Path]]:
    """A new file in ``directory`` to write and then :func:`commit`; removed unless committed."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f".{name[:64]}.{secrets.token_hex(6)}.tmp"
    try:
        with open(path, "xb") as out:
            yield out, path
    finally:
        # Still there: not committed (an error, or nothing new to keep).
        with contextlib.suppress(OSError):
            path.unlink()


def commit(out: IO[bytes], temporary: Path, target: Path) -> None:
    """Flush ``out`` to disk and rename ``temporary`` over ``target``."""
    out.flush()
    os.fsync(out.fileno())
    os.replace(temporary, target)
    _sync_directory(target.parent)


def write_file_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data``: readers see the old file or the whole new one."""
    with temporary_file(target.parent, target.name) as (out, temporary):
        out.write(data)
        commit(out, temporary, target)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_entry(entry: CacheEntry) -> None:
    """Write the metadata of ``entry`` beside its data file (atomically)."""
    meta = entry.path.with_name(entry.path.name + META_SUFFIX)
    write_file_atomically(meta, (json.dumps(entry.to_json(), indent=2, sort_keys=True) + "\n").encode("utf-8"))


@contextlib.contextmanager
def dataset_lock(directory: Path, publisher: str, dataset: str) -> Iterator[None]:
    """Hold the lock of one dataset's cache directory: concurrent fetches of it take turns."""
    folder = directory / publisher / dataset
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic renames only
        yield
        return
    # Not through a symbolic link: one planted in a shared cache would make us create its target.
    path = folder / ".lock"
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        if path.is_symlink():
            raise OSError(f"{path} is a symbolic link, which the lock does not follow") from None
        raise
    with open(fd, "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            _remove_leftovers(folder)
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files of killed runs (called by the lock's holder: nobody else
    writes in ``folder`` now)."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if _TEMPORARY.fullmatch(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()
