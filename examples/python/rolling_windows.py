"""Rolling windows: twelve-month sums of monthly counts with gaps, per series and per panel."""

from __future__ import annotations

import kerncijfers as kc
import numpy as np
import numpy.typing as npt


def main() -> None:
    months = kc.PeriodRange(kc.Month(2020, 1), kc.Month(2021, 5))
    # Monthly first asylum requests of one nationality; March 2021 has not been published yet.
    counts = np.array([310, 280, 150, 90, 120, 200, 260, 300, 340, 330, 290, 270, 250, 230, 0, 260, 240], np.int64)
    published = np.ones(len(counts), dtype=bool)
    published[months.index_of(kc.Month(2021, 3))] = False
    requests = kc.Series(months, counts, published)
    print(f"Requests: {requests!r}")

    may = kc.Month(2021, 5)
    # The default refuses a window with a gap; as_zero would read "not published" as "nobody".
    try:
        requests.trailing_sum(may, 12)
    except kc.RangeError as error:
        print(f"Refused: {error}")
    print(f"Twelve months to {may.label('en')} without March: {requests.trailing_sum(may, 12, missing='skip')}")

    rolling: kc.Series[kc.Month, np.int64] = requests.rolling_sum(3, min_periods=2)
    print(f"Three-month sums (2 months needed): {rolling}")
    change = requests.year_over_year().change
    print(f"Change from a year earlier: {change.get(may)} in {may.iso()}")

    # A panel: one row per nationality, one column per month, read without a copy.
    panel: npt.NDArray[np.float64] = np.array(
        [counts.astype(np.float64), np.linspace(50.0, 90.0, len(counts)), np.full(len(counts), 12.0)]
    )
    panel[0, months.index_of(kc.Month(2021, 3))] = np.nan
    sums = np.empty_like(panel)
    kc.rolling_sum(panel, 12, min_periods=11, out=sums)
    print(f"Twelve-month sums per nationality in {may.iso()}: {sums[:, -1].round(1).tolist()}")
    totals = kc.column_sums(panel[:, -3:])
    print(f"Totals over the nationalities, last three months: {totals.tolist()}")


if __name__ == "__main__":
    main()
