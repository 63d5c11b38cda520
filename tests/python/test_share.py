"""Share from Python: exact part over whole, the C++ errors."""

from __future__ import annotations

import copy
import math
import pickle

import kerncijfers as kc
import pytest


def test_exact_share() -> None:
    s = kc.Share(596, 1000)
    assert (s.part, s.whole) == (596, 1000)
    assert s.fraction() == pytest.approx(0.596)
    assert s.percent_double() == pytest.approx(59.6)
    assert float(s) == pytest.approx(0.596)
    assert str(s) == "596/1000"
    assert repr(s) == "Share(596, 1000)"


def test_exact_comparison_by_value() -> None:
    assert kc.Share(1, 2) == kc.Share(2, 4)
    assert not kc.Share(1, 2).same_counts(kc.Share(2, 4))
    assert kc.Share(1, 3) < kc.Share(334, 1000)
    assert hash(kc.Share(1, 2)) == hash(kc.Share(2, 4))
    assert (kc.Share(1, 2) == 0.5) is False


@pytest.mark.parametrize(("part", "whole", "text"), [(5, 4, "5"), (-1, 4, "-1"), (0, 0, "0"), (1, -4, "-4")])
def test_bad_shares_raise_count_error(part: int, whole: int, text: str) -> None:
    with pytest.raises(kc.CountError, match=text) as info:
        kc.Share(part, whole)
    assert isinstance(info.value, ValueError)


def test_undefined_only_when_asked() -> None:
    u = kc.Share(0, 0, allow_undefined=True)
    assert not u.defined()
    assert math.isnan(u.percent_double())
    assert kc.Share.undefined_if_zero(0, 0) == u
    with pytest.raises(kc.CountError):
        kc.Share(5, 4, allow_undefined=True)


def test_value_protocol() -> None:
    s = kc.Share(116, 1000)
    assert pickle.loads(pickle.dumps(s)).same_counts(s)
    assert copy.deepcopy(s).same_counts(s)
    u = kc.Share(0, 0, allow_undefined=True)
    assert pickle.loads(pickle.dumps(u)) == u
