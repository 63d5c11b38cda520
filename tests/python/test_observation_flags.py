"""ObservationFlags: the flags a source attaches to a number, as a set of letters a-z."""

from __future__ import annotations

import copy
import pickle

import kerncijfers as kc
import pytest

FIRST = kc.Category.first_application


def test_letters_come_back_sorted_and_once() -> None:
    flags = kc.ObservationFlags("pep")
    assert flags.letters() == "ep"
    assert str(flags) == "ep"
    assert repr(flags) == "ObservationFlags('ep')"
    assert len(flags) == 2
    assert flags.provisional() and flags.estimated()
    assert flags.has("p") and not flags.has("b")
    assert "e" in flags and "b" not in flags and "ep" not in flags and 1 not in flags
    assert kc.ObservationFlags() == kc.ObservationFlags.parse("") and not kc.ObservationFlags()
    assert kc.ObservationFlags("b").bits() == 2
    assert kc.ObservationFlags.from_bits(kc.ObservationFlags("az").bits()) == kc.ObservationFlags("za")


def test_parse_refuses_anything_but_lower_case_letters() -> None:
    with pytest.raises(kc.ParseError) as info:
        kc.ObservationFlags("P")
    assert str(info.value) == 'cannot parse "P" as observation flags (lower-case letters a-z, e.g. "p" or "ep")'
    assert info.value.input == "P"
    with pytest.raises(ValueError, match=r"^observation flag bits 67108864 name no set of letters a-z"):
        kc.ObservationFlags.from_bits(1 << 26)


def test_union_order_hash_copy_and_pickle() -> None:
    p, e = kc.ObservationFlags("p"), kc.ObservationFlags("e")
    assert p | e == kc.ObservationFlags("ep")
    with pytest.raises(TypeError):
        _ = p | "e"  # type: ignore[operator]
    texts = ["p", "", "ep", "bp", "e", "b", "ab", "a"]
    assert [f.letters() for f in sorted(kc.ObservationFlags(t) for t in texts)] == sorted(texts)
    assert hash(kc.ObservationFlags("pe")) == hash(kc.ObservationFlags("ep"))
    assert len({kc.ObservationFlags("p"), kc.ObservationFlags("pp"), e}) == 2
    assert kc.ObservationFlags("p") != "p"
    for flags in (kc.ObservationFlags(), kc.ObservationFlags("bep")):
        assert pickle.loads(pickle.dumps(flags)) == flags
        assert copy.copy(flags) == flags and copy.deepcopy(flags) == flags


def test_count_rows_carry_flags_and_source_multiple() -> None:
    row = kc.CountRow(kc.Year(2021), FIRST, "SYR", 8385, "Eurostat migr_asyappctza", flags="p", source_multiple=5)
    assert row.flags == kc.ObservationFlags("p")
    assert row.source_multiple == 5
    assert str(row) == "2021 first_application SYR 8385 p (Eurostat migr_asyappctza, release undated, rounded to 5)"
    again = pickle.loads(pickle.dumps(row))
    assert again == row and again.flags.provisional() and again.source_multiple == 5
    plain = kc.CountRow(kc.Month(2021, 5), FIRST, None, 955, "CBS")
    assert plain.flags == kc.ObservationFlags() and plain.source_multiple == 1
    assert plain != kc.CountRow(kc.Month(2021, 5), FIRST, None, 955, "CBS", flags=kc.ObservationFlags("e"))
    with pytest.raises(TypeError, match="flags must be ObservationFlags or its letters as str, not int"):
        kc.CountRow(kc.Month(2021, 5), FIRST, None, 955, "CBS", flags=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError) as info:
        kc.CountsTable.from_rows([kc.CountRow(kc.Month(2021, 5), FIRST, None, 955, "CBS", source_multiple=0)])
    assert str(info.value) == (
        "rows[0]: source multiple 0 for 2021-05 TOTAL first_application "
        "(the multiple the source rounded the count to must be at least 1)"
    )
