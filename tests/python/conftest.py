"""Shared pytest set-up: the suite tests the installed package, never the source tree."""

from __future__ import annotations

from pathlib import Path

import pytest

import kerncijfers

_ROOT = Path(__file__).resolve().parents[2]
_SOURCE_PACKAGE = _ROOT / "python" / "kerncijfers"

if Path(kerncijfers.__file__).resolve().parent == _SOURCE_PACKAGE:
    raise RuntimeError(
        f"tests imported kerncijfers from the source tree ({_SOURCE_PACKAGE}); "
        "install it (scripts/install-python.sh) and run pytest from outside the checkout"
    )


@pytest.fixture(scope="session")
def test_data() -> Path:
    """tests/data: the tables shared by the C++ and Python suites."""
    return _ROOT / "tests" / "data"
