"""wirewatch.gazetteer: country names and demonyms to ISO codes; places to coordinates."""

import pytest

from wirewatch.gazetteer import candidates, country_code, country_name, fold


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
    (place,) = candidates("Al Bab")
    assert place.country == "SY" and place.kind == "city"
    assert place.lat == pytest.approx(36.37, abs=0.05)
    assert place.lon == pytest.approx(37.52, abs=0.05)
    assert {p.country for p in candidates("Ankara")} == {"TR"}


def test_regions_and_countries_resolve() -> None:
    borno = candidates("Borno")[0]  # regions first, then cities so named elsewhere
    assert (borno.country, borno.kind) == ("NG", "region")
    assert [(p.country, p.kind) for p in candidates("Syria")] == [("SY", "country")]


def test_unknown_place() -> None:
    assert candidates("Nowhereville Junction") == []


def test_ambiguous_names_keep_every_candidate() -> None:
    assert {p.country for p in candidates("Tripoli")} >= {"LY", "LB"}


def test_fold_strips_accents_and_case() -> None:
    assert fold("Al Bāb") == fold("al bab")
