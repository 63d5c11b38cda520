"""Shared pytest set-up: the suite tests the installed package, never the source tree."""

from __future__ import annotations

from pathlib import Path

import kerncijfers

_SOURCE_PACKAGE = Path(__file__).resolve().parents[2] / "python" / "kerncijfers"

if Path(kerncijfers.__file__).resolve().parent == _SOURCE_PACKAGE:
    raise RuntimeError(
        f"tests imported kerncijfers from the source tree ({_SOURCE_PACKAGE}); "
        "install it (scripts/install-python.sh) and run pytest from outside the checkout"
    )
