"""wirewatch.gazetteer: country names and demonyms to ISO codes; places to coordinates."""

import pytest

from wirewatch.gazetteer import country_code, country_name, fold, resolve_place


@pytest.mark.parametrize("text, code", [
    ("Turkish", "TR"), ("Turkey", "TR"), ("Syria", "SY"), ("Syrian", "SY"), ("Russians", "RU"),
    ("U.S.", "US"), ("Americans", "US"), ("Britain", "GB"), ("Ivory Coast", "CI"),
    ("Congolese", "CD"), ("Afghan", "AF"), ("Nigeria's", "NG"), ("the Philippines", "PH"),
])
def test_country_code(text: str, code: str) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize("text", ["us", "Us", "police", "Friday", "", "xx"])
def test_not_countries(text: str) -> None:
    assert country_code(text) is None


def test_country_name() -> None:
    assert country_name("SY") in {"Syria", "Syrian Arab Republic"}


def test_cities_resolve_with_coordinates() -> None:
    place = resolve_place("Al Bab")
    assert place is not None and place.country == "SY"
    assert place.lat == pytest.approx(36.37, abs=0.05)
    assert place.lon == pytest.approx(37.52, abs=0.05)
    ankara = resolve_place("Ankara")
    assert ankara is not None and ankara.country == "TR"


def test_regions_and_countries_resolve() -> None:
    borno = resolve_place("Borno")
    assert borno is not None and (borno.country, borno.kind) == ("NG", "region")
    syria = resolve_place("Syria")
    assert syria is not None and (syria.country, syria.kind) == ("SY", "country")


def test_unknown_place() -> None:
    assert resolve_place("Nowhereville Junction") is None


def test_fold_strips_accents_and_case() -> None:
    assert fold("Al Bāb") == fold("al bab")
