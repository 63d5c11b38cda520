"""``kerncijfers report --output``: atomic writes to regular files only (issue 10, item 4).

Device nodes, FIFOs, sockets and links are made in pytest's temporary directory, never in
/dev. Creating a device node needs root (CAP_MKNOD); those cases skip, saying so, otherwise.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import kerncijfers.cli
import pytest
from kerncijfers.cli import main

IS_ROOT = os.geteuid() == 0
PAGE_START = "## KERNCIJFERS ASIEL EN MIGRATIE, MEI 2021"


def one_error_line(err: str) -> str:
    """The single line of an error report on stderr."""
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith("kerncijfers: error: "), err
    return err


def make_device(path: Path, kind: int = stat.S_IFCHR, device: tuple[int, int] = (1, 3)) -> None:
    """A device node at ``path`` (the numbers of /dev/null by default); skips without root."""
    if not IS_ROOT:
        pytest.skip(f"creating a device node needs root (CAP_MKNOD); running as uid {os.geteuid()}")
    try:
        os.mknod(path, kind | 0o666, os.makedev(*device))
    except PermissionError as error:
        pytest.skip(f"creating a device node is not permitted here (no CAP_MKNOD in this container?): {error}")


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def run_module(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """``python -m kerncijfers ...`` in a fresh interpreter; a hang fails instead of blocking the suite."""
    return subprocess.run([sys.executable, "-m", "kerncijfers", *args], capture_output=True, timeout=timeout)


@pytest.fixture
def umask() -> Iterator[None]:
    """Restores the process umask whatever a test sets."""
    old = os.umask(0o022)
    os.umask(old)
    try:
        yield
    finally:
        os.umask(old)


# ----------------------------------------------------------------------------------------
# Regular files: atomic, with the right mode


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002, 0o000, 0o027], ids=oct)
def test_a_new_file_gets_0666_minus_the_umask(tmp_path: Path, mask: int, umask: None) -> None:
    out = tmp_path / "page.md"
    os.umask(mask)
    assert main(["report", "--output", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert out.read_text(encoding="utf-8").startswith(PAGE_START)
    assert listing(tmp_path) == ["page.md"]


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o604, 0o755, 0o660], ids=oct)
def test_an_existing_file_keeps_its_mode_and_is_replaced_atomically(tmp_path: Path, mode: int, umask: None) -> None:
    out = tmp_path / "page.md"
    out.write_text("old page\n", encoding="utf-8")
    out.chmod(mode)
    before = out.stat()
    os.umask(0o077)  # the old code made every file 0600; the umask must not matter here either
    assert main(["report", "--output", str(out)]) == 0
    after = out.stat()
    assert stat.S_IMODE(after.st_mode) == mode
    assert after.st_ino != before.st_ino  # a new file renamed into place, not rewritten in place
    assert out.read_text(encoding="utf-8").startswith(PAGE_START)
    assert listing(tmp_path) == ["page.md"]


def test_an_existing_file_keeps_owner_and_group_when_root(tmp_path: Path) -> None:
    if not IS_ROOT:
        pytest.skip(f"giving a file to another owner needs root; running as uid {os.geteuid()}")
    out = tmp_path / "page.md"
    out.write_text("old page\n", encoding="utf-8")
    os.chown(out, 12345, 23456)
    out.chmod(0o640)
    assert main(["report", "--output", str(out)]) == 0
    after = out.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (12345, 23456, 0o640)


def test_a_file_with_another_hard_link_becomes_a_file_of_its_own(tmp_path: Path) -> None:
    out, other = tmp_path / "page.md", tmp_path / "other-name.md"
    out.write_text("old page\n", encoding="utf-8")
    os.link(out, other)
    assert main(["report", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(PAGE_START)
    assert other.read_text(encoding="utf-8") == "old page\n"


def test_dash_means_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--output", "-"]) == 0
    assert capsys.readouterr().out.startswith(PAGE_START)
    assert listing(tmp_path) == []


# ----------------------------------------------------------------------------------------
# Anything but a regular file is refused, and left as it was


def test_a_character_device_is_refused_and_stays_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    null = tmp_path / "null"
    make_device(null)
    code = main(["report", "--output", str(null)])
    err = one_error_line(capsys.readouterr().err)
    assert code == 2
    assert f"--output {null}: is a character device, not a regular file" in err
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == os.makedev(1, 3)
    assert listing(tmp_path) == ["null"]


def test_a_block_device_is_refused_and_stays_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    disk = tmp_path / "disk"
    make_device(disk, stat.S_IFBLK, (7, 200))  # never opened: only its type is looked at
    assert main(["report", "--output", str(disk)]) == 2
    assert f"--output {disk}: is a block device, not a regular file" in one_error_line(capsys.readouterr().err)
    assert stat.S_ISBLK(os.lstat(disk).st_mode)
    assert listing(tmp_path) == ["disk"]


def test_a_device_through_a_real_process(tmp_path: Path) -> None:
    null = tmp_path / "null"
    make_device(null)
    result = run_module("report", "--output", str(null))
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode() == (
        f"kerncijfers: error: --output {null}: is a character device, not a regular file "
        "(kerncijfers replaces only regular files)\n"
    )
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert listing(tmp_path) == ["null"]


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    # In a subprocess with a timeout: opening a FIFO for writing would block for ever.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_module("report", "--output", str(fifo), timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"kerncijfers: error: --output {fifo}: is a FIFO (named pipe), not a regular file "
        "(kerncijfers replaces only regular files)\n"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert listing(tmp_path) == ["pipe"]


def test_a_socket_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)  # a short relative name: socket paths are limited to ~108 bytes
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind("sock")
        assert main(["report", "--output", "sock"]) == 2
    assert "--output sock: is a socket, not a regular file" in one_error_line(capsys.readouterr().err)
    assert stat.S_ISSOCK(os.lstat(tmp_path / "sock").st_mode)


@pytest.mark.parametrize("trailing_slash", ["", "/"])
def test_a_directory_is_refused(tmp_path: Path, trailing_slash: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    given = f"{tmp_path / 'out'}{trailing_slash}"
    assert main(["report", "--output", given]) == 2
    assert f"--output {given}: is a directory, not a regular file" in one_error_line(capsys.readouterr().err)
    assert listing(tmp_path / "out") == []


def test_a_new_name_ending_in_a_slash_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given = f"{tmp_path / 'new'}/"
    assert main(["report", "--output", given]) == 2
    assert f"--output {given}: ends in '/': names a directory, not a file" in one_error_line(capsys.readouterr().err)
    assert listing(tmp_path) == []


# ----------------------------------------------------------------------------------------
# Symbolic links: written through to an existing regular file; the link stays a link


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "pages" / "mei.md"
    target.write_text("old page\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "links" / "latest.md"
    link.symlink_to("../pages/mei.md")
    assert main(["report", "--output", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == "../pages/mei.md"
    assert target.read_text(encoding="utf-8").startswith(PAGE_START)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert listing(tmp_path / "pages") == ["mei.md"]  # the temporary file was beside the target
    assert listing(tmp_path / "links") == ["latest.md"]


def test_a_chain_of_links_reaches_the_file(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_text("old\n", encoding="utf-8")
    (tmp_path / "b").symlink_to("page.md")
    (tmp_path / "a").symlink_to("b")
    assert main(["report", "--output", str(tmp_path / "a")]) == 0
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()
    assert target.read_text(encoding="utf-8").startswith(PAGE_START)


def test_a_dangling_link_is_refused_and_its_target_not_created(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    link = tmp_path / "latest.md"
    link.symlink_to("missing.md")
    assert main(["report", "--output", str(link)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert f"--output {link}: is a symbolic link to missing.md, which does not exist" in err
    assert link.is_symlink() and listing(tmp_path) == ["latest.md"]


def test_a_link_to_a_fifo_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(tmp_path / "pipe")
    link = tmp_path / "link"
    link.symlink_to("pipe")
    assert main(["report", "--output", str(link)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert f"--output {link}: is a symbolic link to {tmp_path / 'pipe'}, which is a FIFO (named pipe)" in err
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)


def test_a_link_to_a_device_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_device(tmp_path / "null")
    link = tmp_path / "link"
    link.symlink_to("null")
    assert main(["report", "--output", str(link)]) == 2
    assert "which is a character device, not a regular file" in one_error_line(capsys.readouterr().err)
    assert link.is_symlink() and stat.S_ISCHR(os.lstat(tmp_path / "null").st_mode)


def test_a_link_loop_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert main(["report", "--output", str(tmp_path / "a")]) == 2
    assert "too many levels of symbolic links" in one_error_line(capsys.readouterr().err)
    assert listing(tmp_path) == ["a", "b"]


# ----------------------------------------------------------------------------------------
# A failure leaves the old file and no temporary file


def test_a_failed_render_leaves_the_old_file_and_nothing_else(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    bad = tmp_path / "bad.csv"
    bad.write_text("period,category,nationality,count,source,release\n2021-05,first_application,SYR,-5,x,\n",
                   encoding="utf-8")  # fmt: skip
    out = tmp_path / "page.md"
    out.write_text("old page\n", encoding="utf-8")
    assert main(["report", "--data", str(bad), "--output", str(out)]) == 2
    assert "bad.csv" in one_error_line(capsys.readouterr().err)
    assert out.read_text(encoding="utf-8") == "old page\n"
    assert listing(tmp_path) == ["bad.csv", "page.md"]


def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "page.md"
    out.write_text("old page\n", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["report", "--output", str(out)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert err == f"kerncijfers: error: --output {out}: cannot write: no space left on the device\n"
    assert out.read_text(encoding="utf-8") == "old page\n"
    assert listing(tmp_path) == ["page.md"]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    assert main(["report", "--output", str(tmp_path / "page.md")]) == kerncijfers.cli.EXIT_INTERRUPTED == 130
    assert listing(tmp_path) == []


# ----------------------------------------------------------------------------------------
# Directories that cannot take the file


def test_output_into_a_missing_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given = tmp_path / "no" / "such" / "page.md"
    assert main(["report", "--output", str(given)]) == 2
    err = one_error_line(capsys.readouterr().err)
    assert err == f"kerncijfers: error: --output {given}: the directory {given.parent} does not exist\n"
    assert listing(tmp_path) == []


def test_output_below_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    given = tmp_path / "plain" / "page.md"
    assert main(["report", "--output", str(given)]) == 2
    assert f"--output {given}: a component of the path is not a directory" in one_error_line(capsys.readouterr().err)


def without_root_powers(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """``python -m kerncijfers`` without the capabilities that let root ignore file modes."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root, an unwritable directory needs setpriv (util-linux) to drop CAP_DAC_OVERRIDE")
    command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
    return subprocess.run([*command, sys.executable, "-m", "kerncijfers", *args], capture_output=True, timeout=120)


def test_output_into_a_directory_without_write_permission(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    given = locked / "page.md"
    try:
        if IS_ROOT:
            result = without_root_powers(["report", "--output", str(given)])
            code, err = result.returncode, result.stderr.decode()
        else:
            code, err = main(["report", "--output", str(given)]), capsys.readouterr().err
        assert code == 2
        assert err == (f"kerncijfers: error: --output {given}: cannot create files in the directory {locked}: "
                       "permission denied\n")  # fmt: skip
        assert listing(locked) == []
    finally:
        locked.chmod(0o755)


def test_an_existing_file_without_write_permission_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "page.md"
    out.write_text("old page\n", encoding="utf-8")
    out.chmod(0o444)
    if IS_ROOT:
        result = without_root_powers(["report", "--output", str(out)])
        code, err = result.returncode, result.stderr.decode()
    else:
        code, err = main(["report", "--output", str(out)]), capsys.readouterr().err
    assert code == 2
    assert err == f"kerncijfers: error: --output {out}: is not writable: permission denied\n"
    assert out.read_text(encoding="utf-8") == "old page\n"
    assert listing(tmp_path) == ["page.md"]


def test_standard_output_on_a_full_device(tmp_path: Path) -> None:
    full = tmp_path / "full"
    make_device(full, stat.S_IFCHR, (1, 7))  # the numbers of /dev/full: every write fails with ENOSPC
    with open(full, "wb") as stdout:
        result = subprocess.run([sys.executable, "-m", "kerncijfers", "report"], stdout=stdout,
                                stderr=subprocess.PIPE, timeout=120)  # fmt: skip
    assert result.returncode == 2
    expected = "kerncijfers: error: cannot write to standard output: no space left on the device\n"
    assert result.stderr.decode() == expected
