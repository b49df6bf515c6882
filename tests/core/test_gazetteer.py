"""wirewatch.gazetteer: country names and demonyms to ISO codes; places to coordinates."""

from pathlib import Path

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


@pytest.mark.parametrize("code, name", [
    ("PS", "Palestine"), ("IR", "Iran"), ("CD", "Democratic Republic of the Congo"),
    ("CG", "Congo"),
])
def test_a_country_is_named_as_people_name_it(code: str, name: str) -> None:
    assert country_name(code) == name


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


@pytest.mark.slow
def test_the_on_disk_index_answers_like_the_sources(tmp_path: Path) -> None:
    import sqlite3

    from wirewatch import gazetteer

    path = gazetteer.build_index(tmp_path / "index.sqlite3")
    assert not list(tmp_path.glob(".*.tmp"))  # built in place atomically
    cities, regions = gazetteer._build_city_index(), gazetteer._build_region_index()
    db = sqlite3.connect(path)
    for table, index, key in (("city", cities, "kirkuk"), ("city", cities, "santiago"),
                              ("region", regions, gazetteer.loose("Middle Juba")),
                              ("region", regions, gazetteer.loose("Kirkuk"))):
        rows = db.execute(f"SELECT name, country, kind, lat, lon, population FROM {table} "
                          "WHERE key = ? ORDER BY seq", (key,)).fetchall()
        assert [gazetteer.Place(*r) for r in rows] == index[key], key
    assert db.execute("SELECT count(DISTINCT key) FROM city").fetchone()[0] == len(cities)


def test_the_index_path_names_its_sources_and_can_be_overridden(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from wirewatch import gazetteer

    monkeypatch.delenv("WIREWATCH_GAZETTEER_INDEX", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    default = gazetteer.index_path()
    assert default.parent == tmp_path / "wirewatch"
    assert default.name.startswith("gazetteer-") and default.suffix == ".sqlite3"
    monkeypatch.setenv("WIREWATCH_GAZETTEER_INDEX", str(tmp_path / "mine.sqlite3"))
    assert gazetteer.index_path() == tmp_path / "mine.sqlite3"
