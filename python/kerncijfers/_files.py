"""The files of the command line: checking what it reads, writing what it renders.

The readers are given only what they can read (a regular file, or a stream such as a FIFO
or ``/dev/stdin``), so that a directory or a missing file is reported by name instead of as
an error from deep inside a stream. The page is written atomically, and only ever to a
regular file: a temporary file in the target's own directory, written, flushed to disk and
renamed over the target. Nothing else is ever replaced: a directory, device, FIFO or socket
is refused; a symbolic link is written *through* (its target file is replaced, the link
stays a link) and a dangling link is refused. A new file gets the mode ``0666 & ~umask``
(as ``open()`` gives it, honouring a directory's default ACL); an existing file keeps its
mode and, as far as the user may set them, its owner and group.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import unicodedata

__all__ = ["FileProblem", "check_readable", "output_target", "shown", "write_atomically"]


class FileProblem(Exception):
    """A file the command line cannot use: ``path`` as given, ``problem`` what is wrong with it."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{shown(path)}: {problem}")
        self.path = path
        self.problem = problem


# Characters that must not reach a terminal raw: controls (a newline would break the
# one-line message, an escape sequence would act on the terminal), format characters such
# as bidirectional overrides, line and paragraph separators, and lone surrogates.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: str) -> str:
    """``text`` safe to print on one line: bytes that were not UTF-8 (decoded by Python
    with ``surrogateescape``, as it decodes file names and arguments) as ``\\xff``, control
    and format characters as ``\\n``, ``\\x1b``, ``\\u202e``; everything else unchanged."""
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif unicodedata.category(char) in _ESCAPED_CATEGORIES:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOTDIR: "a component of the path is not a directory",
    errno.EISDIR: "is a directory, not a file",
    errno.ELOOP: "too many levels of symbolic links (a loop?)",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "read-only file system",
    errno.ENXIO: "no such device or address",
}


def reason(error: OSError) -> str:
    """What went wrong, in a few lower-case words, without the file name."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISREG(mode):
        return "a regular file"
    return f"a file of unknown type (mode {mode:o})"


def _missing(path: str) -> str:
    """Why ``path`` does not exist: a dangling link, a missing directory, or no such file."""
    if os.path.islink(path):
        return f"is a symbolic link to {shown(os.readlink(path))}, which does not exist"
    directory = os.path.dirname(path)
    if directory and not os.path.isdir(directory):
        return f"no such file (the directory {shown(directory)} does not exist)"
    return "no such file"


def check_readable(path: str) -> None:
    """Raise :class:`FileProblem` unless a reader can read ``path``: a regular file, or a
    stream (FIFO, character device: ``/dev/stdin``, a shell's ``<(...)``) with read
    permission. A directory, block device or socket is refused by what it is."""
    if not path:
        raise FileProblem(path, "the file name is empty")
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(path, _missing(path)) from None
    except OSError as error:
        raise FileProblem(path, reason(error)) from None
    mode = status.st_mode
    if stat.S_ISREG(mode):
        # Opening proves read permission (root included, whatever its capabilities).
        try:
            os.close(os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY))
        except OSError as error:
            raise FileProblem(path, f"cannot be read: {reason(error)}") from None
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        # Not opened here: opening and closing a pipe could cut off the process feeding it.
        if not os.access(path, os.R_OK):
            raise FileProblem(path, "cannot be read: permission denied")
    else:
        raise FileProblem(path, f"is {_kind(mode)}, not a file that can be read")


def _check_directory(directory: str, path: str) -> None:
    """``directory`` exists, is a directory and takes new files (for ``path``)."""
    try:
        status = os.stat(directory)
    except FileNotFoundError:
        raise FileProblem(path, f"the directory {shown(directory)} does not exist") from None
    except OSError as error:
        raise FileProblem(path, f"the directory {shown(directory)} cannot be used: {reason(error)}") from None
    if not stat.S_ISDIR(status.st_mode):
        raise FileProblem(path, f"{shown(directory)} is {_kind(status.st_mode)}, not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise FileProblem(path, f"cannot create files in the directory {shown(directory)}: permission denied")


def output_target(path: str) -> str:
    """The regular file that writing to ``path`` replaces: ``path`` itself (existing or
    new), or the existing file a symbolic link at ``path`` points to. Raise
    :class:`FileProblem` for anything else: a directory, device, FIFO, socket, a dangling
    link, a missing or unwritable directory, a file without write permission."""
    if not path:
        raise FileProblem(path, "the file name is empty")
    try:
        link_status = os.lstat(path)
    except FileNotFoundError:
        if path.endswith("/"):
            raise FileProblem(path, "ends in '/': names a directory, not a file") from None
        _check_directory(os.path.dirname(path) or ".", path)
        return path
    except OSError as error:
        raise FileProblem(path, reason(error)) from None
    target, what = path, "is"
    status = link_status
    if stat.S_ISLNK(link_status.st_mode):
        try:
            status = os.stat(path)
        except FileNotFoundError:
            raise FileProblem(
                path, f"{_missing(path)}; kerncijfers writes through a symbolic link only to an existing file"
            ) from None
        except OSError as error:
            raise FileProblem(path, f"is a symbolic link that cannot be followed: {reason(error)}") from None
        target = os.path.realpath(path)
        what = f"is a symbolic link to {shown(target)}, which is"
    if not stat.S_ISREG(status.st_mode):
        raise FileProblem(
            path, f"{what} {_kind(status.st_mode)}, not a regular file (kerncijfers replaces only regular files)"
        )
    if not os.access(target, os.W_OK):
        raise FileProblem(path, f"{'its target ' if target != path else ''}is not writable: permission denied")
    _check_directory(os.path.dirname(target) or ".", path)
    return target


def _create_temporary(directory: str, name: str, mode: int) -> tuple[int, str]:
    # O_EXCL never follows or reuses an existing name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC | os.O_NOFOLLOW
    for _ in range(100):
        temporary = os.path.join(directory, f".{name[:64]}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", directory)


def _keep_owner_and_mode(fd: int, original: os.stat_result) -> None:
    current = os.fstat(fd)
    if (current.st_uid, current.st_gid) != (original.st_uid, original.st_gid):
        # Root may keep both; another user only a group it belongs to, else the new file is theirs.
        try:
            os.fchown(fd, original.st_uid, original.st_gid)
        except OSError:
            with contextlib.suppress(OSError):
                os.fchown(fd, -1, original.st_gid)
    # After chown, which clears set-user-ID and set-group-ID bits. A file system without
    # POSIX modes (FAT, some network mounts) refuses; its files have the mount's mode anyway.
    with contextlib.suppress(OSError):
        os.fchmod(fd, stat.S_IMODE(original.st_mode))


def _sync_directory(directory: str) -> None:
    # The rename is durable only once the directory is on disk; some file systems cannot
    # sync a directory, and the page is complete either way.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: str, data: bytes) -> None:
    """Replace the regular file ``path`` (or the file its symbolic link points to) with
    ``data``, atomically: readers see the old file or the complete new one, and a failure
    leaves the old file untouched and no temporary file behind. Raise :class:`FileProblem`
    when ``path`` is not a writable regular file (see :func:`output_target`) or the write
    fails."""
    # Checked again here, just before the rename: the path may have changed since the
    # command line first looked at it.
    target = output_target(path)
    directory = os.path.dirname(target) or "."
    try:
        original: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        original = None
    except OSError as error:
        raise FileProblem(path, reason(error)) from None
    # A new file: mode 0666, from which the kernel takes the umask (or the directory's default
    # ACL), as for any new file. A replacement: 0600 until it has the old file's owner and
    # mode, which it gets before any of the page is written, so that a page replacing a
    # private file is never readable by others, even for a moment.
    try:
        fd, temporary = _create_temporary(directory, os.path.basename(target), 0o666 if original is None else 0o600)
    except OSError as error:
        raise FileProblem(path, f"cannot create a file in {shown(directory)}: {reason(error)}") from None
    try:
        try:
            if original is not None:
                _keep_owner_and_mode(fd, original)
            with os.fdopen(fd, "wb", closefd=False) as out:
                out.write(data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise FileProblem(path, f"cannot write: {reason(error)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)
