"""The user-path benchmark's input: a counts CSV file in the schema of ``docs/data-schema.md``.

``period,category,nationality,count,source,release``: monthly counts of three categories
(first_application, repeat_application, family_reunification) for 240 nationalities (238 ISO
countries by alpha-3 code, stateless ``XXA`` and unknown ``XXX``) and a ``TOTAL`` row per
(period, category), from 2004-01 to 2025-12, as three releases of the same statistics:

- ``2024-01-15`` covers 2004-01 .. 2023-12,
- ``2025-01-15`` covers 2004-01 .. 2024-12 (every month revised),
- ``2026-01-15`` covers 2012-01 .. 2025-12 (revised again from 2012),

so a month has one to three versions of every count and the vintage rule (the latest release of
each (period, category, nationality) wins) decides which is meant. Every nationality has a row
in every month of a release, zeros included: a breakdown is complete, and the TOTAL row of a
(period, category, release) is the sum of its nationalities. The rows are sorted by (period,
category, nationality), the releases of one key in a shuffled order, so that "the last row of a
key" is not the latest release.

Counts are Poisson draws around skewed means: a Zipf-like popularity per nationality (exponent
1.1, in a random order), a category factor, a slow random-walk trend per nationality and a
seasonal cycle; a revision adds a small Poisson change (or removes one) to some counts. With
the defaults about 475,000 rows, 30 MB. The seed is fixed: the same arguments give the same
bytes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20251231
CATEGORIES = ("first_application", "repeat_application", "family_reunification")
_CATEGORY_FACTOR = np.array([1.0, 0.25, 0.35])
# (release, first month, last month) as (year, month) pairs.
RELEASES = (
    ("2024-01-15", (2004, 1), (2023, 12)),
    ("2025-01-15", (2004, 1), (2024, 12)),
    ("2026-01-15", (2012, 1), (2025, 12)),
)
FIRST_MONTH = (2004, 1)
LAST_MONTH = (2025, 12)
NATIONALITIES = 240
UNKNOWN = "XXX"
STATELESS = "XXA"
SOURCE = "IND Asylum Trends"


def _serial(year_month: tuple[int, int]) -> int:
    return year_month[0] * 12 + year_month[1] - 1


def nationality_codes(n: int) -> list[str]:
    """`n` alpha-3 codes: the first n - 2 ISO countries in alphabetical order, then XXA and XXX."""
    import kerncijfers as kc

    iso = sorted(x.alpha3 for x in kc.Nationality.all() if x.kind == kc.NationalityKind.iso)
    if n - 2 > len(iso) or n < 3:
        raise ValueError(f"between 3 and {len(iso) + 2} nationalities, not {n}")
    return [*iso[: n - 2], STATELESS, UNKNOWN]


def write_counts_file(
    path: Path,
    *,
    nationalities: int = NATIONALITIES,
    first: tuple[int, int] = FIRST_MONTH,
    last: tuple[int, int] = LAST_MONTH,
    releases: tuple[tuple[str, tuple[int, int], tuple[int, int]], ...] = RELEASES,
    mean_scale: float = 400.0,
    seed: int = SEED,
) -> int:
    """Writes the file (see the module docstring) and returns its number of data rows.
    Each release covers the months of its range that fall within `first` .. `last`."""
    rng = np.random.default_rng(seed)
    codes = nationality_codes(nationalities)
    start, end = _serial(first), _serial(last)
    months = end - start + 1
    n_cat = len(CATEGORIES)

    popularity = 1.0 / np.arange(1, nationalities + 1) ** 1.1
    popularity = popularity[rng.permutation(nationalities)]
    trend = np.exp(np.cumsum(rng.normal(0.0, 0.08, size=(nationalities, months)), axis=1))
    season = 1.0 + 0.25 * np.sin(2 * np.pi * (np.arange(start, end + 1) % 12) / 12.0)
    mean = (
        mean_scale
        * _CATEGORY_FACTOR[:n_cat, None, None]
        * popularity[None, :, None]
        * trend[None, :, :]
        * season[None, None, :]
    )
    base = rng.poisson(mean)  # [category, nationality, month]

    # The versions: each release revises the previous one's counts a little.
    versions: list[tuple[str, int, int, np.ndarray]] = []
    current = base
    for i, (release, r_first, r_last) in enumerate(releases):
        if i > 0:
            change = rng.poisson(0.05 * current + 0.2) * rng.choice([-1, 0, 1], size=current.shape, p=[0.2, 0.5, 0.3])
            current = np.maximum(current + change, 0)
        lo, hi = max(_serial(r_first), start), min(_serial(r_last), end)
        if lo <= hi:
            versions.append((release, lo - start, hi - start, current))

    labels = [f"{(start + m) // 12:04d}-{(start + m) % 12 + 1:02d}" for m in range(months)]
    order = [*range(nationalities)]
    lines = ["period,category,nationality,count,source,release"]
    for m in range(months):
        present = [(release, counts) for release, lo, hi, counts in versions if lo <= m <= hi]
        if not present:
            continue
        for k, category in enumerate(CATEGORIES):
            prefix = f"{labels[m]},{category},"
            for n in [-1, *order]:
                code = "TOTAL" if n < 0 else codes[n]
                for j in rng.permutation(len(present)):
                    release, counts = present[j]
                    value = int(counts[k, :, m].sum()) if n < 0 else int(counts[k, n, m])
                    lines.append(f"{prefix}{code},{value},{SOURCE},{release}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1
