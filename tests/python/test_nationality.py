"""Nationalities from Python: forgiving lookup, names, errors with suggestions."""

from __future__ import annotations

import copy
import pickle

import pytest

import kerncijfers as kc


@pytest.mark.parametrize("text", ["syrie", "Syrië", "SYR", "SY", "760", " syria ", "Syrian Arab Republic"])
def test_lookup_forgives_case_diacritics_and_codes(text: str) -> None:
    assert kc.Nationality.lookup(text) == kc.Nationality.from_alpha3("SYR")
    assert kc.Nationality(text).alpha3 == "SYR"


def test_names_as_government_tables_write_them() -> None:
    syria = kc.Nationality("SYR")
    assert syria.name() == "Syrië"
    assert syria.name("en") == "Syria"
    assert kc.Nationality("GEO").name("nl") == "Georgië"
    assert kc.Nationality("TUR").name("nl") == "Turkije"
    assert kc.Nationality("TUR").name("en") == "Turkey"
    assert kc.Nationality.unknown().name("nl") == "Onbekend"
    assert kc.Nationality.stateless().name("nl") == "Staatloos"
    assert (syria.alpha2, syria.numeric, syria.kind) == ("SY", 760, kc.NationalityKind.iso)


def test_statistical_and_eurostat_codes() -> None:
    assert kc.Nationality("EL") == kc.Nationality("GRC")
    assert kc.Nationality("UK") == kc.Nationality("GBR")
    assert kc.Nationality("STLS") == kc.Nationality.stateless()
    assert kc.Nationality("UNK") == kc.Nationality.unknown()
    assert kc.Nationality("XK") == kc.Nationality.kosovo()
    assert kc.Nationality() == kc.Nationality.unknown()
    assert kc.Nationality("YUG").kind == kc.NationalityKind.former
    assert kc.Nationality.kosovo().kind == kc.NationalityKind.statistical


def test_full_iso_table() -> None:
    everything = kc.Nationality.all()
    iso = [n for n in everything if n.is_iso()]
    assert len(iso) == 249
    assert everything == sorted(everything)
    for n in everything:
        assert kc.Nationality.from_alpha3(n.alpha3) == n
        assert kc.Nationality.lookup(n.name("en")) == n


def test_unknown_name_raises_keyerror_with_suggestions() -> None:
    with pytest.raises(kc.UnknownCode) as info:
        kc.Nationality.lookup("Syra")
    assert isinstance(info.value, KeyError)
    assert info.value.code == "Syra"
    assert "Syria" in info.value.suggestions
    assert str(info.value).startswith('unknown nationality "Syra"; did you mean "Syria"')
    assert kc.Nationality.find("Atlantis") is None


def test_value_protocol() -> None:
    syria = kc.Nationality("SYR")
    assert repr(syria) == "Nationality('SYR')"
    assert str(syria) == "SYR"
    assert eval(repr(syria), {"Nationality": kc.Nationality}) == syria
    assert (syria == "SYR") is False
    assert len({syria, kc.Nationality("Syria"), kc.Nationality("TUR")}) == 2
    assert pickle.loads(pickle.dumps(syria)) == syria
    assert copy.deepcopy(syria) == syria
    assert kc.Nationality("AFG") < kc.Nationality("SYR")
