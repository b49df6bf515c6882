"""Where an article's events happened: toponyms found cheaply, resolved by consensus.

A place name alone is often ambiguous ("Bay" is a Somali region and a Philippine
city; "Herat" a city in Afghanistan and in Iran), so wirewatch resolves names the way
geoparsers do: every name an article uses votes for the countries it may lie in —
an explicit country name strongly, a first-level region or a big city less, a
nationality adjective or a country-bound armed group weakly — and an incident's
place is its own sentences' most specific name in the country that wins, its own
sentences' votes counting more than the rest of the article's.

No language model is involved: names are runs of capitalised words found by a
regular expression, then looked up in :mod:`wirewatch.gazetteer`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from wirewatch import gazetteer
from wirewatch.gazetteer import Place

#: vote weights (see the module docstring)
#: two places this close count as the same place of an event (within an article when
#: grouping mentions, across articles when matching reports to an open alert)
SAME_PLACE_KM = 50.0

COUNTRY_NAME = 3.0
COUNTRY_POSSESSIVE = 1.0
NATIONALITY = 0.5
REGION = 2.5
CITY = 2.0
ARMED_GROUP = 1.0
NAMED_SETTLEMENT = 4.0  # "the Syrian town of X"
DATELINE = 2.0  # at most, for any name in "NAIROBI, Kenya (Reuters) —"
#: a name right after a locative preposition ("in Al Bab", "near Kharkiv") counts this much more
LOCATIVE_FACTOR = 2.0
LOCATIVES = frozenset({"in", "near", "at", "outside", "inside", "across", "around", "into",
                       "within", "of", "on", "to", "toward", "towards", "between"})
#: a name in an administrative chain ("Kismayo city, Lower Juba region, Somalia",
#: "Oicha (Beni, Nord-Kivu)") counts this much more: it says where the place before it is
HIERARCHY_FACTOR = 2.0
_HIERARCHY = re.compile(r"(\(\s*|[A-Z][\w'’-]*(\s+(city|town|village|district|province|region|"
                        r"state|county|governorate|department|area))?,\s+)$")
#: the rest of the article counts this much of an incident's own sentences
ARTICLE_FACTOR = 0.25
#: a one-word city name that is also a common English word ("Police", "March") must be
#: at least this big to count
COMMON_WORD_ZIPF = 4.0
COMMON_WORD_MIN_POPULATION = 500_000
#: a capitalised word rarer than this in English, and no place, is part of a name
RARE_WORD_ZIPF = 3.0
#: a city this big keeps its name even next to a name the gazetteer does not know
BIG_CITY = 2_000_000
#: a region named like a bigger city abroad weighs as much as a city of this size
REGION_POPULATION = 250_000
#: a city smaller than this loses to a region of the same name
SMALL_CITY = 100_000

_JOINERS = r"(?:al|el|de|del|da|do|la|le|es|ez|as|ad|an|ash|bin|ibn|e|i|y|du|des|van|von)"
_RUN = re.compile(
    r"(?<![\w'’])[A-Z][\w'’.-]*(?:\s+(?:" + _JOINERS + r"[\s-]+)?[A-Z][\w'’-]*){0,5}"
)
_JOINER = re.compile(_JOINERS + r"$", re.I)
_SETTLEMENT = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:town|city|village|province|region|district|capital|border town|"
    r"port|state|county|governorate|area)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name in the text and the places it may denote, with their votes."""

    sentence: int
    start: int
    name: str
    places: tuple[Place, ...]
    votes: tuple[tuple[str, float], ...]  # (country, weight)
    dateline: bool = False  # "WASHINGTON:": where the reporter filed, not where it happened
    #: a place named for something else than the event: "taken to hospital in Gusau";
    #: it votes weakly and is no incident's place
    aside: bool = False

    @property
    def names_a_place(self) -> bool:
        """A place name, not a nationality ("Turkish"), a country as an attribute ("US
        soldiers", "Turkey's army") or an armed group ("Taliban")."""
        if not self.places:
            return False
        if self.places[0].kind == "country":
            return gazetteer.is_country_name(self.name) and \
                max(w for _, w in self.votes) >= COUNTRY_NAME
        return True

    def place_in(self, country: str) -> Place | None:
        """The place this name denotes in ``country``: a city, unless the name is also a
        region of it and the city is a small namesake ("Virginia", the state)."""
        inside = [p for p in self.places if p.country == country]
        city = max((p for p in inside if p.kind == "city"), key=lambda p: p.population,
                   default=None)
        region = next((p for p in inside if p.kind == "region"), None)
        if city is not None and (region is None or city.population >= SMALL_CITY):
            return city
        return region or (inside[0] if inside else None)


@dataclass(frozen=True, slots=True)
class Located:
    """The place an incident is given."""

    name: str | None
    country: str | None
    lat: float | None = None
    lon: float | None = None
    kind: str = "country"  # "city" | "region" | "country"


@cache
def _armed_groups() -> dict[str, str]:
    text = resources.files("wirewatch").joinpath("data/actors.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, code = line.split("\t")
            out[gazetteer.fold(name)] = code.strip()
    return out


@cache
def _common_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


def _city_votes(cities: list[Place], name: str) -> dict[str, float]:
    if " " not in name:
        cities = [c for c in cities
                  if c.population >= COMMON_WORD_MIN_POPULATION or not _common_word(name)]
    biggest: dict[str, int] = {}
    for c in cities:
        biggest[c.country] = max(biggest.get(c.country, 0), c.population)
    total = sum(biggest.values())
    if total <= 0:
        return {}
    return {country: CITY * population / total for country, population in biggest.items()}


def _votes(name: str, places: list[Place], after: str) -> dict[str, float]:
    """How much one name speaks for each country it may lie in."""
    if places[0].kind == "country":
        code = places[0].country
        if not gazetteer.is_country_name(name):
            return {code: NATIONALITY}  # "Turkish soldiers": whose, not where
        if after.startswith(("'s", "’s")):
            return {code: COUNTRY_POSSESSIVE}  # "Turkey's army" is often an actor
        if re.match(r"\s+(air ?force|military|army|navy|forces?|troops?|soldiers?|police|"
                    r"security|government|citizens?|nationals?|officials?|officers?|"
                    r"embassy|ambassador|envoy|president|(defen[cs]e|foreign|interior) "
                    r"(secretary|minister|ministry)|drones?|jets?|warplanes?|aircraft|"
                    r"servicem[ae]n|marines?|personnel|convoy|special forces)\b", after, re.I):
            return {code: NATIONALITY}  # "United States air force": whose, not where
        return {code: COUNTRY_NAME}
    votes: dict[str, float] = defaultdict(float)
    regions = [p for p in places if p.kind == "region"]
    cities = [p for p in places if p.kind == "city"]
    abroad = [c for c in cities if c.country not in {r.country for r in regions}]
    if regions and any(c.population >= REGION_POPULATION for c in abroad):
        # "Santiago" is a Dominican province, but Chile's capital is what news means:
        # the region competes as a city of REGION_POPULATION
        stand_ins = [Place(r.name, r.country, "city", population=REGION_POPULATION)
                     for r in regions]
        return _city_votes([*cities, *stand_ins], name)
    for region in regions:
        votes[region.country] = max(votes[region.country], REGION / len(regions))
    for country, weight in _city_votes(cities, name).items():
        votes[country] = max(votes[country], weight)
    return dict(votes)


def toponyms(sentence: str, index: int = 0) -> list[Toponym]:
    """The place names of one sentence, each with the countries it votes for."""
    found: list[Toponym] = []
    dateline = _DATELINE.match(sentence)
    opening = dateline.end() if dateline else 0  # the dateline's extent, if one opens it
    for run in _RUN.finditer(sentence):
        words = list(re.finditer(r"\S+", run.group()))
        i = 0
        while i < len(words):
            for n in range(min(5, len(words) - i), 0, -1):
                first, last = words[i], words[i + n - 1]
                name = run.group()[first.start():last.end()].rstrip(".,;:")
                name = re.sub(r"['’]s$", "", name)  # the possessive is read from what follows
                start = run.start() + first.start()
                if name.startswith("The "):
                    name, start = name[4:], start + 4
                if not name[:1].isupper() or _inside_longer_name(words, i, n, name):
                    continue
                found_one = _lookup(sentence, index, start, name, opening)
                if found_one is not None:
                    found.append(found_one)
                    i += n
                    break
            else:
                i += 1
    for m in _SETTLEMENT.finditer(sentence):
        code = gazetteer.country_code(m.group(1))
        if code:
            place = next((p for p in gazetteer.candidates(m.group(2)) if p.country == code),
                         Place(m.group(2), code, "city"))
            found.append(Toponym(index, m.start(2), m.group(2), (place,),
                                 ((code, NAMED_SETTLEMENT),)))
    return _settle_chains(sentence, sorted(found, key=lambda t: t.start))


def _inside_longer_name(words: list[re.Match[str]], i: int, n: int, name: str) -> bool:
    """Is words[i:i+n] only part of a longer name the gazetteer does not know?

    "Adan" in "Adan Yabaal", "Gilad" in "Gilad Shalit", "Liberation" in "Oromo Liberation
    Front": a name next to a rare capitalised word belongs to that word's name (a person,
    a village, an organisation), and a common-word region ("Central") inside a longer run
    is part of an organisation's name ("Central Statistics Office").
    """
    if n == len(words) or gazetteer.country_code(name) or gazetteer.is_country_name(name):
        return False
    if any(p.population >= BIG_CITY for p in gazetteer.candidates(name)):
        return False  # "London Heathrow Airport"
    possessive = re.search(r"['’]s$", words[i + n - 1].group())
    if possessive and i == 0:
        return False  # "Jerusalem's Mahane Yehuda market": the name ends at the possessive
    if n == 1 and _common_word(name):
        return True
    neighbours = []
    for step, edge in ((-1, i - 1), (1, i + n)):
        if step == 1 and possessive:
            break
        while 0 <= edge < len(words) and _JOINER.match(words[edge].group()):
            edge += step
        if 0 <= edge < len(words):
            neighbours.append(words[edge].group().strip(".,;:'’()"))
    return any(_rare_proper(word) for word in neighbours)


@cache
def _rare_proper(word: str) -> bool:
    """A capitalised word that is neither English nor a known place ("Yabaal", "Shalit")."""
    from wordfreq import zipf_frequency

    word = re.sub(r"['’]s$", "", word)
    if len(word) < 3 or word.isupper() or not word[:1].isupper():
        return False
    return zipf_frequency(word.lower(), "en") < RARE_WORD_ZIPF and not \
        gazetteer.candidates(word) and word not in gazetteer.CASE_SENSITIVE


_CHAIN_GAP = re.compile(r"[\w\s'’-]{0,40}?[,(]\s*")


def _settle_chains(sentence: str, found: list[Toponym]) -> list[Toponym]:
    """Resolve administrative chains together: "Rafah (Rafah, North Sinai)" is in Egypt.

    Names joined by commas or brackets form a chain; the country most of its names can be
    in is where each of them lies, when at least two agree.
    """
    chains: list[list[int]] = []
    for i, t in enumerate(found):
        if chains and i - 1 == chains[-1][-1]:
            prev = found[i - 1]
            gap = sentence[prev.start + len(prev.name):t.start]
            if _CHAIN_GAP.fullmatch(gap):
                chains[-1].append(i)
                continue
        chains.append([i])
    for chain in chains:
        if len(chain) < 2:
            continue
        counts: dict[str, int] = {}
        for i in chain:
            for country in dict.fromkeys(c for c, _ in found[i].votes):
                counts[country] = counts.get(country, 0) + 1
        best = max(counts, key=lambda c: counts[c])
        if counts[best] < 2:
            continue
        for i in chain:
            t = found[i]
            if best in {c for c, _ in t.votes}:
                found[i] = replace(t, places=tuple(p for p in t.places if p.country == best),
                                   votes=tuple((c, w) for c, w in t.votes if c == best))
    return found


def _sentence_initial_word(sentence: str, start: int, name: str) -> bool:
    """A common English word that starts the sentence ("More", "Police"), not a dateline."""
    return " " not in name and not name.isupper() and \
        not sentence[:start].strip(" \"'“‘(") and _common_word(name)


def _lookup(sentence: str, index: int, start: int, name: str, opening: int
            ) -> Toponym | None:
    group = _armed_groups().get(gazetteer.fold(name))
    if group:
        return Toponym(index, start, name, (), ((group, ARMED_GROUP),))
    if name.isupper() and len(name) <= 4 and name not in gazetteer.CASE_SENSITIVE:
        return None  # an acronym ("ERP", "UDA"), not a place
    places = gazetteer.candidates(name)
    if _sentence_initial_word(sentence, start, name) and \
            not any(p.kind == "country" or p.population >= COMMON_WORD_MIN_POPULATION
                    for p in places):
        return None  # "More than ten were killed": capitalised because it starts the sentence
    if not places and _HIERARCHY.search(sentence[:start]):
        places = gazetteer.region_like(name)  # "Galgaduud" for "Galguduud"
    if not places:
        return None
    after = sentence[start + len(name):]
    if _LANGUAGE.match(after):
        return None  # "a French-speaking Belgian": a language, not a nationality
    if _TITLED.search(sentence[:start]):
        return None  # "Police Colonel Abdi Hassan", "Dr. Ahmed Jordan": a person
    if _NAMED_BUILDING.match(after) or (_BUILDING_AFTER_POSSESSIVE.search(sentence[:start])
                                        and re.fullmatch(_BUILDINGS, name, re.I)):
        return None  # "Saint Mark's Church", "St Patrick's Cathedral": a saint's, no place
    votes = _votes(name, places, after)
    aside = bool(_TREATED_IN.search(sentence[:start]))
    accredited = places[0].kind == "country" and _ACCREDITED_TO.search(sentence[:start])
    if aside or accredited:
        # "taken to hospital in Gusau": where the wounded went, not where it happened;
        # "a former ambassador to the United States": who someone is (an "ambassador to
        # Ankara" is posted in the city, and may well have been shot there)
        votes = {country: min(weight, NATIONALITY) for country, weight in votes.items()}
    if not votes:
        return None
    # "BOGOTA:", "NAIROBI (Reuters) -", "KHAR, Pakistan --", "SUTHERLAND SPRINGS, Texas (AP) —"
    dateline = start < opening or (
        name.isupper() and len(name) > 3 and _DATELINE_TAIL.match(after) is not None)
    before = sentence[:start].lower().split()
    while before and before[-1] in _AREA_WORDS:
        before.pop()  # "in northern Iraq"
    if dateline:
        # where the reporter filed: often the event's country, but foreign desks file from
        # neighbours ("ANKARA — Turkish soldiers were killed in northern Iraq")
        votes = {country: min(weight, DATELINE) for country, weight in votes.items()}
    elif before and before[-1] in LOCATIVES:
        votes = {country: LOCATIVE_FACTOR * weight for country, weight in votes.items()}
    elif _HIERARCHY.search(sentence[:start]):
        votes = {country: HIERARCHY_FACTOR * weight for country, weight in votes.items()}
    return Toponym(index, start, name, tuple(places), tuple(votes.items()), bool(dateline),
                   aside)


#: a country a title is accredited to says who someone is, as weakly as a nationality:
#: "a former ambassador to the United States", "the UN envoy to Yemen"
_ACCREDITED_TO = re.compile(r"\b(ambassadors?|envoys?|consuls?|emissary|delegates?)\s+to\s+"
                        r"(the\s+)?$", re.I)
#: words between a locative and its place: "in northern Iraq", "in restive southern Yemen"
_AREA_WORDS = frozenset({
    "northern", "southern", "eastern", "western", "central", "north-western",
    "north-eastern", "south-western", "south-eastern", "northwestern", "northeastern",
    "southwestern", "southeastern", "northwest", "northeast", "southwest", "southeast",
    "restive", "neighbouring", "neighboring", "rural", "remote", "far", "upper", "lower",
    "war-torn", "troubled", "volatile"})
#: a dateline opening a story: a place in capitals, maybe its region, maybe the agency; a
#: name in capitals right before that tail is one too, after an agency's own prefix
#: ("(Wire Service) - WASHINGTON:")
_DATELINE_TAIL = re.compile(r"\s*(,\s*[A-Z][\w.'’ -]{1,30}?){0,2}\s*(\([\w ]+\)\s*)?[:—–-]")
_DATELINE = re.compile(r"\s*([A-Z][A-Z'’.-]+\s+){0,3}[A-Z][A-Z'’.-]+" + _DATELINE_TAIL.pattern)
#: a title before a name makes it a person's: "Colonel Abdi Hassan", "Mr Lincoln"
_TITLED = re.compile(
    # (not "General", "Sheikh", "King", "Prince": they open place names too, "General
    # Santos", "Sharm el-Sheikh", "Prince George")
    r"\b(?i:colonel|col\.|major|maj\.|captain|capt\.|lieutenant|lt\.|sergeant|sgt\.|"
    r"commander|president|minister|governor|senator|mayor|spokesman|spokeswoman|"
    r"spokesperson|inspector|superintendent|commissioner|director|dr\.?|mr\.?|mrs\.?|"
    r"ms\.?)"
    r"(\s+[A-Z][\w'’.-]*){0,2}\s+$")
#: where the wounded or the dead were taken: "hospital in Gusau", "airlifted to Nairobi"
_TREATED_IN = re.compile(
    r"\b((hospitals?|clinics?|morgue|mortuary)\s+(in|at)|(taken|rushed|airlifted|evacuated|"
    r"flown|transferred|moved|driven)\s+to)\s+(the\s+)?$", re.I)
#: a building named for a person or saint: "Saint Mark's Church", "St. Anne's Hospital"
_BUILDINGS = (r"(church|cathedral|basilica|chapel|mosque|temple|shrine|monastery|abbey|"
              r"hospital|school|college|university|academy)")
_NAMED_BUILDING = re.compile(r"['’]s\s+" + _BUILDINGS + r"\b", re.I)
_BUILDING_AFTER_POSSESSIVE = re.compile(r"['’]s\s+$")
#: a language, not a nationality: "French-speaking", "an Arabic-language newspaper"
_LANGUAGE = re.compile(r"\s*[-‐]\s*(speaking|speakers?|language)\b", re.I)


def parse(sentences: Sequence[str]) -> list[Toponym]:
    """Every toponym of an article, sentence by sentence."""
    return [t for i, s in enumerate(sentences) for t in toponyms(s, i)]


def countries_named(sentences: Sequence[str]) -> set[str]:
    """Every country some name in the text may place it in (what a geoparser can reach)."""
    return {country for t in parse(sentences) for country, _ in t.votes}


def tally(names: Iterable[Toponym], factor: float = 1.0,
          into: dict[str, float] | None = None) -> dict[str, float]:
    """Sum the votes of ``names`` per country."""
    scores = into if into is not None else defaultdict(float)
    for name in names:
        for country, weight in name.votes:
            scores[country] = scores.get(country, 0.0) + factor * weight
    return scores


def locate(article: Sequence[Toponym], sentences: set[int]) -> Located | None:
    """The place of an incident reported in ``sentences`` of an article with ``article``
    toponyms; None when nothing in the article names a place."""
    local = [t for t in article if t.sentence in sentences]
    scores = tally(article, ARTICLE_FACTOR)
    tally(local, 1.0, scores)
    if not scores:
        return None
    first_seen: dict[str, tuple[int, int]] = {}
    for t in article:
        for country, _ in t.votes:
            first_seen.setdefault(country, (t.sentence, t.start))
    country = max(scores, key=lambda c: (scores[c], [-x for x in first_seen[c]]))
    return place_in(country, local) or place_in(country, article) or Located(
        gazetteer.country_name(country), country)


def place_in(country: str, names: Sequence[Toponym]) -> Located | None:
    """The most specific place ``names`` give inside ``country`` (first mention wins ties)."""
    best: tuple[int, Place, Toponym] | None = None
    # a dateline says where the reporter filed: it votes for the country, but a place
    # only the dateline names is not where it happened
    for t in (t for t in names if not t.dateline and not t.aside):
        place = t.place_in(country)
        if place is None:
            continue
        rank = {"city": 3, "region": 2, "country": 1}.get(place.kind, 0)
        if best is None or rank > best[0]:
            best = (rank, place, t)
    if best is None:
        return None
    _, place, t = best
    name = place.name if place.kind == "country" else t.name
    return Located(name, country, place.lat, place.lon, place.kind)


def distance_km(a: Located, b: Located) -> float:
    """Great-circle distance between two located places (infinite without coordinates)."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return float("inf")
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + \
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
