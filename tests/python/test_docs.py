"""The documentation keeps up with the package: every public name is in the API reference,
every page is in a table of contents, and the README shows the committed chart.

(The docs build itself, with warnings as errors, is scripts/build-docs.sh.)
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import kerncijfers
import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
AUTODOC = re.compile(r"^\.\. auto(?:class|function|exception|data|module):: (\S+)", re.MULTILINE)


def _documented() -> set[str]:
    names: set[str] = set()
    for page in (DOCS / "api").glob("*.rst"):
        for name in AUTODOC.findall(page.read_text(encoding="utf-8")):
            names.add(name.removeprefix("kerncijfers."))
    return names


def test_every_public_name_is_in_the_api_reference() -> None:
    missing = sorted(set(kerncijfers.__all__) - _documented())
    assert not missing, f"not in docs/api/*.rst: {missing}"


def test_the_api_reference_names_only_what_exists() -> None:
    stale = []
    for name in sorted(_documented()):
        target: object = kerncijfers
        try:
            for part in name.split("."):
                target = getattr(target, part)
        except AttributeError:
            if not _importable(f"kerncijfers.{name}"):
                stale.append(name)
    assert not stale, f"documented but not in the package: {stale}"


def _importable(module: str) -> bool:
    # find_spec, not import: kerncijfers.pandas and kerncijfers.plot exist even where their
    # optional dependencies (pandas, matplotlib) are not installed.
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def _toctree_entries(page: Path) -> list[str]:
    """The entries of the toctrees on a page: ```{toctree} blocks (MyST) or .. toctree:: (reST)."""
    entries: list[str] = []
    inside = False
    for line in page.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped in {"```{toctree}", ".. toctree::"}:
            inside = True
        elif inside and (stripped == "```" or (page.suffix == ".rst" and line and not line[0].isspace())):
            inside = False
        elif inside and stripped and not stripped.startswith(":"):
            entries.append(stripped)
    return entries


def test_every_page_is_in_a_table_of_contents() -> None:
    pages = {
        path.relative_to(DOCS).with_suffix("").as_posix()
        for path in DOCS.rglob("*")
        if path.suffix in {".md", ".rst", ".ipynb"}
    } - {"index"}
    listed = {
        (page.parent / entry).relative_to(DOCS).as_posix()
        for page in DOCS.rglob("*")
        if page.suffix in {".md", ".rst"}
        for entry in _toctree_entries(page)
    }
    assert pages - listed == set(), f"pages in no toctree: {sorted(pages - listed)}"
    assert listed - pages == set(), f"toctree entries without a page: {sorted(listed - pages)}"


def test_readme_links_the_docs_and_shows_the_committed_chart() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Documentation") :]
    assert "scripts/build-docs.sh" in section
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", section)
    assert images, "the Documentation section shows no chart"
    for image in images:
        path = ROOT / image
        assert path.is_file(), f"{image} is not committed"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "scripts/make-readme-chart.py" in section


def test_the_readme_chart_command_draws_a_chart(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    output = tmp_path / "chart.png"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make-readme-chart.py"), str(output)],
        check=True, cwd=tmp_path, capture_output=True,
    )  # fmt: skip
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
