"""The benchmark's workload: a deterministic EU-scale panel of monthly asylum counts.

Like Eurostat's monthly asylum applications (migr_asyappctzm) for all of Europe: 30 reporting
countries x 3 categories (first application, repeat application, nareiziger) x 200
nationalities (one of them "unknown") x 240 months (20 years). Each cell's count is drawn from
a Poisson distribution around a mean that is the product of

  - a country size (log-normal: a few large receiving countries, many small ones),
  - a category factor (repeat applications and nareizigers are rarer than first ones),
  - a nationality popularity that is skewed (Zipf-like in a random rank, exponent 0.9),
    times a per-country affinity (log-normal), so that every country has its own top 10,
  - a per-nationality trend (a slow random walk: crises come and go) and a seasonal cycle.

Cells with count 0 are dropped, as in a long table: about 2.9 million rows remain (two thirds
of the cells), sorted by (country, category, nationality, month) as a long table usually is.

The seed is fixed. Each country draws from a generator seeded by (seed, country), so a panel
with more countries (the scaling runs) extends a smaller one instead of reshuffling it.
Codes are 0-based: nationality ``nationalities - 1`` is "unknown", month 0 is the first month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, cast

import numpy as np
import numpy.typing as npt

SEED = 20210531
COUNTRIES = 30
CATEGORIES = 3
NATIONALITIES = 200
MONTHS = 240
WINDOW = 12
TOP = 10
COLUMN_NAMES = ("country", "category", "nationality", "month", "count")
CATEGORY_NAMES = ("first application", "repeat application", "nareiziger")
_CATEGORY_FACTOR = np.array([1.0, 0.3, 0.2])
_MEAN_SCALE = 225.0  # gives about 2.9 million nonzero cells at full scale

IntArray = npt.NDArray[np.int64] | npt.NDArray[np.int32]


class CubeShape(TypedDict):
    """The extents of the dense cube, as keyword arguments of kerncijfers.top_shares."""

    countries: int
    categories: int
    nationalities: int
    months: int


@dataclass(frozen=True)
class Panel:
    """A sparse long table of counts as five numpy columns, and the cube it is a view of."""

    country: IntArray
    category: IntArray
    nationality: IntArray
    month: IntArray
    count: IntArray
    countries: int
    categories: int
    nationalities: int
    months: int
    window: int = WINDOW
    top: int = TOP
    seed: int = SEED
    meta: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def unknown(self) -> int:
        """The code of the "unknown" nationality: the last one."""
        return self.nationalities - 1

    @property
    def rows(self) -> int:
        return int(self.count.shape[0])

    @property
    def windows_per_series(self) -> int:
        return max(self.months - self.window + 1, 0)

    @property
    def nbytes(self) -> int:
        """Bytes held by the five input columns."""
        return sum(int(a.nbytes) for a in self.columns())

    def columns(self) -> tuple[IntArray, IntArray, IntArray, IntArray, IntArray]:
        return (self.country, self.category, self.nationality, self.month, self.count)

    def named_columns(self) -> dict[str, IntArray]:
        """The five columns by name, as the data-frame engines take them."""
        return dict(zip(COLUMN_NAMES, self.columns(), strict=True))

    def shape_kwargs(self) -> CubeShape:
        """The cube's extents as keyword arguments of kerncijfers.top_shares."""
        return CubeShape(
            countries=self.countries, categories=self.categories, nationalities=self.nationalities, months=self.months
        )

    def astype(self, dtype: type[np.int32 | np.int64]) -> Panel:
        """The same panel with every column converted to `dtype`."""

        def convert(a: IntArray) -> IntArray:
            return cast(IntArray, np.ascontiguousarray(a, dtype=dtype))

        return Panel(
            convert(self.country),
            convert(self.category),
            convert(self.nationality),
            convert(self.month),
            convert(self.count),
            countries=self.countries,
            categories=self.categories,
            nationalities=self.nationalities,
            months=self.months,
            window=self.window,
            top=self.top,
            seed=self.seed,
        )

    def save(self, directory: Path) -> None:
        """Writes the columns and the extents to `directory` (for the memory subprocesses)."""
        directory.mkdir(parents=True, exist_ok=True)
        np.savez(
            directory / "panel.npz",
            country=self.country,
            category=self.category,
            nationality=self.nationality,
            month=self.month,
            count=self.count,
            extents=np.array(
                [self.countries, self.categories, self.nationalities, self.months, self.window, self.top, self.seed]
            ),
        )

    @staticmethod
    def load(directory: Path) -> Panel:
        with np.load(directory / "panel.npz") as data:
            c, k, n, m, w, t, s = (int(x) for x in data["extents"])
            return Panel(
                np.ascontiguousarray(data["country"]),
                np.ascontiguousarray(data["category"]),
                np.ascontiguousarray(data["nationality"]),
                np.ascontiguousarray(data["month"]),
                np.ascontiguousarray(data["count"]),
                countries=c,
                categories=k,
                nationalities=n,
                months=m,
                window=w,
                top=t,
                seed=s,
            )


def countries_at(scale: float) -> int:
    """Reporting countries at a scale of the full panel (30 at 1, 8 at 1/4, 60 at 2)."""
    return max(1, round(COUNTRIES * scale))


def make_panel(
    countries: int = COUNTRIES,
    *,
    categories: int = CATEGORIES,
    nationalities: int = NATIONALITIES,
    months: int = MONTHS,
    seed: int = SEED,
    mean_scale: float = _MEAN_SCALE,
) -> Panel:
    """The panel described in the module docstring, deterministic for a given seed."""
    if categories > len(_CATEGORY_FACTOR):
        factors = np.resize(_CATEGORY_FACTOR, categories)
    else:
        factors = _CATEGORY_FACTOR[:categories]
    common = np.random.default_rng(seed)
    rank = common.permutation(nationalities) + 1
    popularity = 1.0 / rank**0.9
    unknown = nationalities - 1
    popularity[unknown] = 1.0 / 6**0.9  # "unknown" is about the sixth largest group everywhere
    trend = np.exp(np.cumsum(common.normal(0.0, 0.06, (nationalities, months)), axis=1))
    season = 1.0 + 0.25 * np.sin(2.0 * np.pi * (np.arange(months) - 3) / 12.0)
    shape_nm = trend * season[None, :]

    parts: list[tuple[npt.NDArray[np.intp], ...]] = []
    counts: list[npt.NDArray[np.int64]] = []
    for c in range(countries):
        rng = np.random.default_rng([seed, c])
        size = np.exp(rng.normal(0.0, 1.0))
        affinity = np.exp(rng.normal(0.0, 1.0, nationalities))
        lam = (mean_scale * size) * factors[:, None, None] * (popularity * affinity)[None, :, None] * shape_nm[None]
        cube = rng.poisson(lam)  # categories x nationalities x months
        k, n, m = np.nonzero(cube)
        parts.append((np.full(k.shape, c, dtype=np.intp), k, n, m))
        counts.append(cube[k, n, m].astype(np.int64))
    cols = (
        [np.concatenate([p[i] for p in parts]).astype(np.int64) for i in range(4)]
        if parts
        else [np.zeros(0, dtype=np.int64) for _ in range(4)]
    )
    count = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    return Panel(
        cols[0],
        cols[1],
        cols[2],
        cols[3],
        count,
        countries=countries,
        categories=categories,
        nationalities=nationalities,
        months=months,
        seed=seed,
    )


def small_panel(seed: int = SEED) -> Panel:
    """A small panel for the test suite: 3 countries x 3 categories x 40 nationalities x 30 months."""
    return make_panel(3, nationalities=40, months=30, seed=seed, mean_scale=20.0)
