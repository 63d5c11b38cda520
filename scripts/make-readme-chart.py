#!/usr/bin/env python3
"""Regenerates the README's chart from the bundled real data.

    build/venv-docs/bin/python scripts/make-readme-chart.py [OUTPUT.png]

(any Python with kerncijfers installed with the `plot` extra). Draws the monthly first
asylum applications of Syria, Turkey and Eritrea, January 2019 to December 2022, with their
sums over the trailing twelve months, from the CBS data that ship with the package
(kerncijfers.data), and writes it to docs/img/first-applications-2019-2022.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display needed; the same pixels on every machine with the same fonts

import kerncijfers as kc  # noqa: E402
from kerncijfers import data, plot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "img" / "first-applications-2019-2022.png"


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else OUTPUT
    rows = [row for path in data.bundled_counts_files() for row in kc.read_count_rows(path)]
    counts = kc.CountsTable.from_rows(rows, "bundled counts")
    window = kc.PeriodRange(kc.Month(2019, 1), kc.Month(2022, 12))
    ax = plot.plot_monthly_counts(
        counts, kc.Category.first_application, ["SYR", "TUR", "ERI"], window, lang="en", trailing=12
    )
    figure = ax.get_figure()
    assert isinstance(figure, Figure)
    output.parent.mkdir(parents=True, exist_ok=True)
    # No creation time or software version in the file: reruns give the same bytes.
    figure.savefig(output, dpi=100, bbox_inches="tight", metadata={"Software": None})
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
