"""Periods and trailing windows: the labels the published page uses."""

from __future__ import annotations

import kerncijfers as kc


def main() -> None:
    may = kc.Month(2021, 5)
    window = kc.trailing(may, 12)
    print(f"In {may.label('nl')} / {may.label('en')}")
    print(f"De afgelopen twaalf maanden ({window.label('nl')})")
    print(f"The last twelve months ({window.label('en')}): {len(window)} months from {window.first} to {window.last}")
    lagging = kc.trailing(may - 1, 12)
    print(f"A source that lags one month covers {lagging.label('nl')}")
    print(f"Weeks of {may.label('en')}: {kc.subperiods(may, kc.IsoWeek)} (each week belongs to its Thursday's month)")


if __name__ == "__main__":
    main()
