"""Incident extraction: who was killed or wounded, how many, where, when, by whom.

Design: a cheap regular expression picks the sentences that can report casualties;
only those go through spaCy (tagger, parser, NER). Each candidate sentence gives a
*mention* (counts, victims, place, date, perpetrator, cues); mentions are then
grouped into incidents: a restatement of a known toll joins its incident, an
"other"/"also" report or a new date or place starts a new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from schemas.records import (
    Actor,
    EvidenceRole,
    Incident,
    Location,
    MentionRole,
    Qualifier,
    Victim,
)
from wirewatch import dates, gazetteer, geo
from wirewatch.nlp import model
from wirewatch.quantities import (
    EXACT_VAGUE,
    TENS,
    UNITS,
    VAGUE,
    phrase_value,
    qualifier_before,
    word_value,
)
from wirewatch.text import sentences, stable_id

#: number words from two up, for patterns that look for a count ("kidnapped 14 soldiers")
NUMBER_WORDS = "|".join(w for w in (*UNITS, *TENS) if w not in ("zero", "no", "one"))
KILL_WORDS = {
    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "slain",
    "martyred", "murdered", "massacred", "executed", "beheaded", "perished", "fatalities",
    "deaths", "death", "lives", "bodies", "corpses", "lynched", "assassinated", "drowned",
    "burned", "massacre", "massacres", "slaughtered", "slaughtering", "slaughter", "execute",
    "executes", "behead", "beheads", "assassinate", "assassinates", "gunned", "mowed", "cut",
}
#: "gunned down", "mowed down": these kill only with their particle
PHRASAL_KILLS = {"gunned", "mowed", "cut"}
WOUND_WORDS = {
    "wounded", "wounding", "wound", "wounds", "injured", "injuring", "injures", "injure",
    "injuries", "injury", "hurt", "maimed", "hospitalised", "hospitalized", "casualties",
}
# Only these need to appear for a sentence to be worth parsing.
CANDIDATE = re.compile(
    r"\b(kill|dead|die[ds]?\b|dying|death|slain|martyr|murder|massacr|execut|behead|perish|"
    r"fatalit|lives|bodies|corpses|lynch|assassinat|wound|injur|hurt|maim|hospitali|casualt|"
    r"toll|fatally|slaughter|gunned down|mowed down|cut down|(him|her)self|own life|suicide\b|"
    r"shot\b)", re.I,
)
PERSON_NOUNS = {
    # category → nouns
    "soldiers": {"soldier", "soldiers", "troops", "troop", "servicemen", "serviceman",
                 "marines", "marine", "paratroopers", "guardsmen", "conscripts", "sailors",
                 "pilots", "pilot", "officer", "officers", "personnel", "commander",
                 "commanders", "servicemembers", "peacekeepers", "peacekeeper", "lieutenant",
                 "captain", "sergeant", "colonel", "general", "cadets", "cadet", "recruits",
                 "soldiers'", "militiaman"},
    "police": {"police", "policeman", "policemen", "cops", "cop", "gendarmes",
               "gendarme", "constables", "constable", "policewoman", "guards", "guard"},
    "militants": {"militants", "militant", "insurgents", "insurgent", "rebels", "rebel",
                  "fighters", "fighter", "jihadists", "jihadist", "extremists", "terrorists",
                  "terrorist", "gunmen", "gunman", "attackers", "attacker", "assailants",
                  "assailant", "bombers", "bomber", "combatants", "militiamen", "militia",
                  "shooter", "shooters", "perpetrator", "perpetrators", "killer", "killers",
                  "hijackers", "hijacker", "knifeman", "stabber", "separatists", "separatist",
                  "bandits", "bandit", "pirates", "kidnappers", "suspects", "suspect"},
    "civilians": {"civilians", "civilian", "villagers", "villager", "residents", "resident",
                  "children", "child", "women", "woman", "men", "man", "students", "student",
                  "worshippers", "passengers", "pilgrims", "farmers", "farmer", "workers",
                  "worker", "protesters", "protester", "demonstrators", "journalists",
                  "journalist", "boys", "boy", "girls", "girl", "teachers", "teacher",
                  "shoppers", "tourists", "tourist", "refugees", "migrants", "herders",
                  "herder", "fishermen", "miners", "doctors", "nurses", "patients", "infants",
                  "babies", "teenagers", "teenager", "youths", "youth", "members",
                  "member", "shepherd", "driver", "drivers", "traders", "trader", "mourners",
                  "guests", "spectators", "customers", "detainees", "prisoners", "inmates",
                  "imam", "cleric", "clerics", "priest", "priests", "pastor", "monk", "monks",
                  "nun", "reporter", "reporters", "photographer", "engineer", "engineers",
                  "contractor", "contractors", "employee", "employees", "businessman",
                  "businessmen", "shopkeeper", "vendor", "vendors", "laborers", "labourers",
                  "labourer", "laborer", "citizen", "citizens", "national", "nationals", "local",
                  "tribesmen",
                  "tribesman", "hostage", "hostages", "wife", "husband", "son", "sons",
                  "daughter", "daughters", "brother", "brothers", "sister", "father", "mother",
                  "relatives", "activist", "activists", "lawyer", "lawyers", "worshipper",
                  "passenger", "pilgrim", "bystander", "adults", "adult", "infant", "merchants",
                  "colleague", "colleagues", "detective",
                  "merchant", "herdsmen", "herdsman", "chiefs", "inhabitants", "locals",
                  "demonstrator", "prisoner", "displaced", "preacher", "preachers", "owner",
                  "owners"},
    "officials": {"ambassador", "official", "officials", "diplomat", "diplomats", "mayor",
                  "governor", "judge", "lawmaker", "politician", "minister", "chief",
                  "leader", "leaders", "councillor", "councilor", "envoy", "advisor", "adviser",
                  "director", "elder", "elders", "administrator", "commissioner", "secretary",
                  "spokesman", "candidate", "legislator", "senator", "prosecutor", "head"},
    "people": {"people", "persons", "person", "others", "individuals", "victims", "victim",
               "bystanders", "casualties", "lives", "bodies", "body", "dead", "targets"},
}
NOUN_CATEGORY = {noun: cat for cat, nouns in PERSON_NOUNS.items() for noun in nouns}
#: verbs whose object is the people they killed or hurt ("killing 21 of them")
ACTIVE_CASUALTY_VERBS = frozenset({"killing", "killed", "wounding", "wounded", "injuring",
                                   "injured"})
#: "the gunman was shot dead": someone besides the victims, who adds to the toll
ATTACKER_NOUNS = frozenset({"attacker", "gunman", "shooter", "bomber", "assailant",
                            "perpetrator", "hijacker", "killer", "knifeman", "stabber"})
#: what else may happen to people counted next to the dead: "23 dead, 12 captured"
OTHER_FATES = frozenset({"captured", "arrested", "detained", "abducted", "kidnapped", "missing",
                         "rescued", "freed", "released", "seized", "displaced", "taken",
                         "held", "escaped", "surrendered", "unharmed", "unhurt"})
#: another source's figure for the same event: "but other sources reported 37 killed"
OTHER_ACCOUNT = re.compile(
    r"\b(other|some|unconfirmed|conflicting|different|alternative|local)\s+(sources|reports|"
    r"accounts|media)\b", re.I)
#: "X was the only one who died", "the sole fatality": a toll of one
SOLE_VICTIM = re.compile(
    r"\b(was|is) the (only|sole|lone) (one|person|victim|fatality|casualty|death)"
    r"(?=( (who|to|that) (died|was killed|lost (his|her) life|perished))|\b(?! (who|to|that)))",
    re.I)
#: an attacker's own death: "shot himself", "blew herself up" (with no toll given)
SELF_INFLICTED = re.compile(
    r"\b((killed|shot|stabbed|hanged) (himself|herself)|took (his|her) own life|"
    r"(burnt|burned) (himself|herself) to death|"
    r"committed suicide|(?P<blast>blew (himself|herself) up|blown (himself|herself) up))\b",
    re.I)
#: "five people, including the gunman, were killed": the attacker is in the toll already
ATTACKER_COUNTED = re.compile(
    r"\b(including|among them|among whom|among the dead( was| were)?)\s+(the|two|three|both|all)?"
    r"\s*(\w+\s+)?(attackers?|gunm[ae]n|shooters?|bombers?|assailants?|perpetrators?|"
    r"hijackers?|killers?|knifem[ae]n)\b|\bincluding (himself|herself|themselves)\b", re.I)
NEW_EVENT_CUES = {"other", "another", "also", "separately", "separate", "more", "further",
                  "meanwhile", "elsewhere", "additional", "later", "subsequently"}
RECALL_CUES = re.compile(
    r"\b(recalled|anniversary|years? ago|last year|in (19|20)\d\d\b|since (19|20)\d\d)", re.I,
)
#: "a vigil for the 51 worshippers killed", "to commemorate the 22 people killed": the dead
#: a commemoration honours were counted when they died (an attack *during* a memorial
#: ceremony is a new event: its count is not "the N" after the commemoration)
COMMEMORATION = re.compile(
    r"\b(memorial|commemorat\w*|vigil|wreaths?|remembrance|tribute|honou?r(ed|ing)?|"
    r"remember(ed|ing)?|in memory)\b[^.;]{0,40}?\b(the|its|their)\s+(\d[\d,]*|" +
    NUMBER_WORDS + r")\b", re.I)
EARLIER_CUES = re.compile(
    r"\bhad (been )?(killed|shot|wounded|injured|died|gunned|murdered|slain|executed)\b", re.I,
)
ACCIDENT_CUES = re.compile(
    r"\b(accident(al|ally)?|by mistake|mistaken(ly)?|friendly fire|in error|erroneous(ly)?|"
    r"unintentional(ly)?|misfired?|stray)\b", re.I,
)
AGGREGATE_CUES = re.compile(
    r"\b(in recent (years|months|weeks)|over the (past|last) (few |several )?(years?|decades?|"
    r"months)|since (the start of|the beginning of)|so far this year|this year alone|"
    r"in the past (few |several )?(years?|decades?|months)|every year|each year|a year|"
    r"since (19|20)\d\d|since (january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|throughout the (war|conflict)|during the (war|conflict))\b",
    re.I,
)
NOT_ACTORS = {"toll", "attack", "blast", "explosion", "bomb", "strike", "fire", "accident",
              "landmine", "mine", "device", "shell", "rocket", "missile", "car", "vehicle",
              "explosives", "ied", "bombing", "crash", "collapse", "flood", "storm", "quake",
              "earthquake", "disease", "outbreak", "people", "person", "mistake", "error",
              "gunfire", "shrapnel", "wounds", "injuries"}
SAY_VERBS = {"said", "say", "says", "told", "tell", "reported", "report", "reports", "added",
             "confirmed", "announced", "stated", "claimed", "wrote", "according", "quoted"}
SAME_PLACE_CUES = re.compile(r"\b(same (area|place|town|city|village|region|district|spot))\b",
                             re.I)
REVISION_CUES = re.compile(r"\b(toll|tally|rose|risen|climbed|increased|jumped|reached)\b", re.I)
# What an event is (for the sentence before a toll): fighting, attacks, strikes, blasts.
EVENT_WORDING = re.compile(
    r"\b(clash\w*|fight\w*|fought|battl\w*|attack\w*|ambush\w*|raid\w*|assault\w*|"
    r"strike[sd]?|airstrikes?|shell\w*|bomb\w*|explo\w*|detonat\w*|grenades?|IEDs?|"
    r"opened fire|fired|shot|stabb\w*|storm\w*|overr[au]n|seized|captured|abduct\w*|"
    r"kidnap\w*|riot\w*|lynch\w*|mob)\b", re.I,
)
# Deaths from causes that are not political violence (ACLED codes none of these).
NON_VIOLENT_CAUSES = re.compile(
    r"\b(crash\w*|collid\w*|collision|road accident|traffic accident|car accident|drove off|"
    r"overturn\w*|derail\w*|plunged|capsiz\w*|sank|fire broke out|blaze|caught fire|"
    r"(a|the) (huge |massive |major |deadly |large )?fire (at|in|on|swept|ripped|engulfed|"
    r"gutted|tore)|(in|by) (a|the) (huge |massive |major |deadly |large )?fire\b|"
    r"flood\w*|earthquake|quake|landslides?|mudslides?|avalanche|storms?|cyclone|hurricane|"
    r"typhoon|tornado|heat ?wave|lightning|stampede|collaps\w*|outbreak|disease|cholera|"
    r"covid|coronavirus|overdose|electrocut\w*|gas (explosion|leak|cylinder)|boiler|"
    r"illness|natural causes|drown\w*)\b", re.I,
)
#: "four prisoners died of cholera": the sentence gives a cause of death that is not violence
DIED_OF_CAUSE = re.compile(
    r"\b(died|dead|deaths?|killed|succumbed)\b[^.]{0,40}?\b(due to|from|of|by)\s+"
    r"(the\s+)?\w*\s*" + NON_VIOLENT_CAUSES.pattern, re.I)
VIOLENCE = re.compile(
    r"\b(attack\w*|bomb\w*|gunm[ae]n|gunfire|shot|shooting|shelling|shelled|strikes?|"
    r"airstrikes?|clash\w*|fighting|militants?|insurgents?|rebels?|terror\w*|ambush\w*|"
    r"grenades?|IEDs?|explosives?|killed by|murder\w*|stabb\w*|massacre\w*|executed|beaten|"
    r"behead\w*|assassinat\w*|raid\w*|troops|soldiers|lynch\w*|mob|riot\w*|"
    r"suicide bomb\w*|kidnap\w*|abduct\w*|martyr\w*|arson\w*|set fire|torched|set ablaze)\b",
    re.I,
)
NON_EVENT_CUES = re.compile(
    r"\b(protest(ed|ing|s)? (against|over)|condemn(ed|s)?|foiled|thwarted|plot(ted)? to|"
    r"planned to|plans to|threatened to|could have killed|would have killed|vowed to|"
    r"trial|sentenced|convicted|charged with|accused of|arrested)\b", re.I,
)
NO_CASUALTY = re.compile(
    r"\b(no (one|body|people|persons|casualties|deaths|injuries|fatalities)|nobody|"
    r"no (reported )?(casualties|injuries|deaths))\b.{0,40}\b(killed|injured|wounded|hurt|"
    r"reported|died)?", re.I,
)
UNIT_WORDS = {"year", "years", "yr", "month", "months", "week", "weeks", "day", "days", "hour",
              "hours", "minute", "minutes", "km", "kilometres", "kilometers", "miles", "mile",
              "metres", "meters", "percent", "%", "am", "pm", "a.m.", "p.m.", "gmt", "times",
              "kg", "tons", "tonnes", "dollars", "euros", "pounds", "rupees", "feet", "acres",
              "houses", "homes", "buildings", "vehicles", "cars", "cattle", "cows", "goats",
              "sheep", "camels", "rounds", "shells", "rockets", "missiles", "drones", "bombs",
              "km/h", "mph", "storeys", "floors", "st", "nd", "rd", "th", "o'clock", "years-old",
              "year-old", "aircraft", "planes", "jets", "shops", "schools", "villages"}
CLAUSE_BREAKS = {";", ":", "(", ")", "—", "–", "--", "while", "but", "whereas", "although",
                 "though", "after", "before", "because", "since", "when", "as", "which", "who",
                 "whom", "whose", "where", "said", "says", "according"}
# Things a number often counts in casualty reports, which are not people.
THING_NOUNS = frozenset([
    "countries", "country", "vehicles", "vehicle", "cars", "car", "trucks", "truck",
    "buses", "bus", "boats", "boat", "houses", "house", "homes", "home", "buildings",
    "building", "shops", "schools", "churches", "mosques", "villages", "village", "towns",
    "town", "districts", "provinces", "regions", "areas", "locations", "sites", "points",
    "positions", "bases", "posts", "checkpoints", "weapons", "rifles", "guns", "rounds",
    "missiles", "rockets", "shells", "bombs", "drones", "aircraft", "planes", "helicopters",
    "tanks", "attacks", "incidents", "explosions", "blasts", "strikes", "airstrikes",
    "raids", "operations", "times", "hours", "minutes", "days", "weeks", "months", "years",
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "percent", "goats",
    "camels", "cattle", "cows", "sheep", "animals", "livestock", "dollars", "hectares",
    "acres", "tonnes", "tons", "cases",
])
SUPERSEDED_CUES = {"earlier", "previously", "initially", "originally", "from"}
TOLL_VERBS = {"rose", "risen", "climbed", "reached", "increased", "jumped", "stood", "stands",
              "surpassed", "went", "hit", "put", "puts", "placed", "brought", "bringing",
              "raising", "raised", "included", "leaving", "left"}
PASSIVE_AUX = {"was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"}
#: "the toll has risen to": the auxiliary of a perfect, which the tagger may call a verb
PERFECT_AUX = {"has", "have", "had"}
WEAPON_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling",
                "bombardment", "jets", "jet", "warplanes", "warplane", "aircraft", "drone",
                "drones", "helicopter", "helicopters", "artillery", "missile", "missiles",
                "rocket", "rockets", "gunboat", "attack", "offensive", "operation", "shells",
                "fire", "plane", "planes", "sniper", "snipers"}
FORCE_NOUNS = {"forces", "force", "troops", "army", "military", "navy", "police", "policeman",
               "policemen", "soldier", "soldiers", "coalition", "militia", "militias", "officer",
               "officers", "guards", "gunmen", "gunman", "militants", "fighters", "rebels"}
STRIKE_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling",
                "bombardment", "fire", "attack", "offensive", "operation"}


@dataclass(slots=True)
class Count:
    """A number of people assigned to an outcome in one sentence."""

    value: int
    qualifier: Qualifier
    outcome: str  # "killed" | "wounded"
    category: str | None
    country: str | None
    subset: bool = False  # "including two policemen": part of a count already taken
    anaphoric: bool = False  # "the 11 injured": refers back to a known count
    new_group: bool = False  # "five other soldiers"
    weak: bool = False  # "the imam was killed": one person, unless a count says more
    toll: bool = False  # "the death toll rose to 23": the whole toll, whatever else is said
    recap: bool = False  # "the two guards", "one of the victims", "him": refers to people
    #                      counted elsewhere; the count only when nothing else counts them
    active: bool = False  # the object of an active verb ("killing 60 people")


@dataclass(slots=True)
class Mention:
    """What one candidate sentence says about casualties."""

    index: int
    text: str
    counts: list[Count]
    place: geo.Located | None = None  # where this sentence says it happened, if it says
    date: date | None = None
    has_date: bool = False
    perpetrator: Actor | None = None
    new_event: bool = False
    recalled: bool = False
    accidental: bool = False
    revision: bool = False
    same_place: bool = False
    earlier: bool = False  # "had been shot dead": an event before the one reported
    additive: bool = False  # "two attackers were also killed": adds to the incident's toll

    def total(self, outcome: str) -> tuple[int, Qualifier]:
        tolls = [c for c in self.counts if c.outcome == outcome and c.toll and not c.anaphoric]
        if tolls:
            best = max(tolls, key=lambda c: c.value)
            return best.value, best.qualifier
        relevant = [c for c in self.counts
                    if c.outcome == outcome and not c.subset and not c.anaphoric]
        # "60 people were killed when ... attacked, killing 60 people": said twice, one count
        said: dict[tuple[int, str | None, str | None], set[bool]] = {}
        for c in relevant:
            said.setdefault((c.value, c.category, c.country), set()).add(c.active)
        relevant = [c for c in relevant
                    if not (said[(c.value, c.category, c.country)] == {True, False} and c.active)]
        value = sum(c.value for c in relevant)
        qualifiers = {c.qualifier for c in relevant}
        qualifier: Qualifier = "exact"
        if "approximate" in qualifiers:
            qualifier = "approximate"
        elif "at_least" in qualifiers:
            qualifier = "at_least"
        return value, qualifier

    def weak_total(self, outcome: str) -> int:
        """What "the imam was killed" or "the two guards were injured" says, for an incident
        no count covers."""
        recaps = [c.value for c in self.counts if c.recap and c.outcome == outcome]
        return max([self.single_total(outcome), *recaps])

    def single_total(self, outcome: str) -> int:
        """One for "the imam was killed", not counting recaps of people counted elsewhere."""
        return int(any(c.weak and not c.recap and c.outcome == outcome for c in self.counts))

    @property
    def recap_only(self) -> bool:
        """Only people counted elsewhere: the mention restates, it reports nothing new."""
        return all(c.recap for c in self.counts)


@dataclass(slots=True)
class _Quant:
    start: int
    end: int  # exclusive token index within the sentence span
    value: int
    qualifier: Qualifier
    noun: Token | None
    category: str | None
    country: str | None
    anaphoric: bool
    new_group: bool
    subset: bool = False
    outcome: str | None = None
    via: str | None = None  # "right" (N ... killed) or "left" (killing N)
    weak: bool = False
    toll: bool = False
    recap: bool = False


@dataclass(slots=True)
class Article:
    """What the extractor needs to know about an article."""

    id: str
    text: str
    published_at: str | None = None
    title: str | None = None


@dataclass(slots=True)
class ExtractionStats:
    """How much of the article went through the model."""

    sentences: int = 0
    candidates: int = 0


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    context: str | None = None  # the sentence just before that says what happened
    context_after: bool = False  # ... or just after, in a one-incident text


# --------------------------------------------------------------------------- public API


def candidate_sentences(text: str) -> list[tuple[int, str]]:
    """(index, sentence) of every sentence that could report a casualty (no model)."""
    return [(i, s) for i, s in enumerate(sentences(text)) if is_candidate(s)]


def is_candidate(sentence: str) -> bool:
    """Cheap test: could this sentence report deaths or injuries?"""
    if len(sentence) > 1500 or not CANDIDATE.search(sentence):
        return False
    return not _looks_like_headline_list(sentence)


def extract(article: Article, stats: ExtractionStats | None = None) -> list[Incident]:
    """Every casualty incident the article reports (unclassified)."""
    published = dates.parse_published(article.published_at) or dateline_date(article.text)
    all_sentences = sentences(article.text)
    candidates = [(i, s) for i, s in enumerate(all_sentences) if is_candidate(s)]
    if stats is not None:
        stats.sentences += len(all_sentences)
        stats.candidates += len(candidates)
    if not candidates:
        return []
    # "All of the soldiers were found dead" reads as "All 14 soldiers ..." when an earlier
    # sentence counted them; the evidence keeps the article's own words
    parsed = [without_acronyms(resolve_all_of(s, all_sentences[:i])) for i, s in candidates]
    docs = model().pipe(parsed, batch_size=64)
    mentions = []
    for (index, text), doc in zip(candidates, docs, strict=True):
        mention = read_mention(index, doc.text, doc[:], published)
        if mention is not None:
            mention.text = text
            mentions.append(mention)
    if not mentions:
        return []
    return build_incidents(article, mentions, all_sentences, published)


# --------------------------------------------------------------------------- sentences


_ALL_OF = re.compile(r"\b(all|both) (of )?(the|those|these) ((?:[a-z-]+ ){0,2}?)([a-z]+s)\b", re.I)


#: "03/14/2013: Gunmen ...": the date a summary opens with (GTD style, month first)
_DATELINE_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\s*:")


def dateline_date(text: str) -> date | None:
    """The date an undated article's text opens with, if it opens with one."""
    match = _DATELINE_DATE.match(text)
    if match is None:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_all_of(sentence: str, earlier: Sequence[str]) -> str:
    """ "All of the soldiers were found dead" after "kidnapped 14 soldiers" → "All 14
    soldiers were found dead"; unchanged when nothing earlier counts them."""
    match = _ALL_OF.search(sentence)
    if match is None or match.group(5).lower() not in NOUN_CATEGORY:
        return sentence
    noun = match.group(5).lower()
    counted = re.compile(r"\b(\d+|" + NUMBER_WORDS + r")\s+(?:[\w-]+\s+){0,2}?" +
                         re.escape(noun) + r"\b", re.I)
    for previous in reversed(earlier):
        found = list(counted.finditer(previous))
        if found:
            number = found[-1].group(1)
            return (sentence[:match.start()] + f"{match.group(1)} {number} {match.group(4)}"
                    f"{match.group(5)}" + sentence[match.end():])
    return sentence


#: "United States (US) soldiers", "Allied Democratic Forces (ADF) rebels": an acronym in
#: brackets after a name splits the noun phrase for the parser; the name alone says it all
_BRACKETED_ACRONYM = re.compile(r"\s+\((?:[A-Z][A-Za-z.&-]{0,3}){1,3}\)(?=[\s,.;:])")


def without_acronyms(sentence: str) -> str:
    """The sentence without acronyms in brackets after the names they abbreviate."""
    return _BRACKETED_ACRONYM.sub("", sentence)


_HEADLINE_LIST = re.compile(r"(GMT|UTC)\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*(GMT|UTC)")


def _looks_like_headline_list(sentence: str) -> bool:
    return bool(_HEADLINE_LIST.search(sentence))


def read_mention(index: int, text: str, span: Span, published: date | None) -> Mention | None:
    """The casualty counts and context of one parsed sentence; None if it reports none."""
    if NON_EVENT_CUES.search(text) and not re.search(
            r"\b(were|was|have been|had been)\s+(killed|wounded|injured|fatally|shot dead|"
            r"(beaten|stabbed|hacked|burned) to death)", text):
        return None
    if AGGREGATE_CUES.search(text):
        return None  # a tally over months or years, not a report of one incident
    quants = _quantities(span)
    triggers = [t for t in span if _trigger_outcome(t)]
    self_inflicted = SELF_INFLICTED.search(text)
    sole = SOLE_VICTIM.search(text)
    if not triggers and not self_inflicted and not sole:
        return None
    _assign(span, quants, triggers)
    _singular_victims(span, quants, triggers)
    counts = [
        Count(q.value, q.qualifier, q.outcome, q.category, q.country, q.subset, q.anaphoric,
              q.new_group, q.weak, q.toll, q.recap, q.via == "left")
        for q in quants if q.outcome
    ]
    other_account = OTHER_ACCOUNT.search(text)
    if other_account:
        # "25 were killed, but other sources reported at least 37": the figure before the
        # other account stands; a sentence that is only another account adds nothing
        cut = other_account.start() - span.start_char
        before = [c for q, c in zip([q for q in quants if q.outcome], counts, strict=True)
                  if span[q.start].idx - span.start_char < cut]
        counts = before or [replace(c, recap=True, anaphoric=True) for c in counts]
    if sole and not any(c.outcome == "killed" for c in counts):
        # "Bishop was the only one who died": the whole toll is one
        counts.append(Count(1, "exact", "killed", None, None, toll=True))
    if self_inflicted and not ATTACKER_COUNTED.search(text) and not (
            self_inflicted.group("blast") and any(c.outcome == "killed" for c in counts)) \
            and not _self_counted(span, quants):
        # "the gunman then shot himself": one more dead. "blew himself up, killing six":
        # the toll given is the toll
        counts.append(Count(1, "exact", "killed", "militants", None, new_group=True, weak=True))
    if not counts or all((c.anaphoric or c.subset) and not (c.weak or c.recap) for c in counts):
        return None
    if NO_CASUALTY.search(text) and not any(c.value for c in counts):
        return None
    if not VIOLENCE.search(text) and DIED_OF_CAUSE.search(text):
        return None  # "six prisoners dead due to coronavirus infection": not violence
    # "more than 80" is a lower bound, not "80 more": a comparative before "than" is no cue
    lowered = {t.lower_ for t in span
               if not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "than")}
    event_date, has_date = _date(span, published, [t.i for t in triggers])
    victim_tokens = {q.noun.i for q in quants if q.noun is not None and q.outcome}
    return Mention(
        index=index, text=text, counts=counts,
        date=event_date, has_date=has_date, perpetrator=_perpetrator(span, triggers, victim_tokens),
        new_event=bool(lowered & NEW_EVENT_CUES) or any(c.new_group for c in counts),
        recalled=bool(RECALL_CUES.search(text) or COMMEMORATION.search(text))
        or (has_date and dates.is_historical(event_date, published)),
        accidental=bool(ACCIDENT_CUES.search(text)),
        revision=bool(REVISION_CUES.search(text)), same_place=bool(SAME_PLACE_CUES.search(text)),
        earlier=_earlier_event(text),
    )


#: "confirmed that a British woman had died": the past perfect of reported speech
_REPORTED_SPEECH = re.compile(
    r"\b(confirmed|said|says|reported|announced|told \w+|stated|added|learned|learnt|"
    r"believed|feared|understood|knew)\s+(that\s+)?([\w'’-]+\s+){0,5}$", re.I)


def _self_counted(span: Span, quants: list[_Quant]) -> bool:
    """ "A man burned himself to death": the man is counted already, as the verb's subject."""
    counted = {span[q.start].i for q in quants if q.outcome == "killed"} | \
        {q.noun.i for q in quants if q.noun is not None and q.outcome == "killed"}
    for token in span:
        if token.lower_ in ("himself", "herself"):
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in counted:
                return True
    return False


def _earlier_event(text: str) -> bool:
    """Does a past perfect ("had been shot dead") put the event before the one reported?"""
    cue = EARLIER_CUES.search(text)
    return cue is not None and not _REPORTED_SPEECH.search(text[:cue.start()])


#: "attempted to assassinate", "a plot to kill": what was meant, not what happened
_INTENT_BEFORE_TO = frozenset({"attempted", "attempting", "attempt", "attempts", "tried", "trying",
                               "try", "plotted", "plotting", "plot", "planned", "planning",
                               "plan", "failed", "sought", "seeking", "threatened", "threatening",
                               "vowed", "wanted", "bid", "intended", "aimed", "conspired",
                               "conspiring", "conspiracy"})


def _trigger_outcome(token: Token) -> str | None:
    word = token.lower_
    if token.i >= 2 and token.nbor(-1).lower_ == "to" and \
            token.nbor(-2).lower_ in _INTENT_BEFORE_TO:
        return None
    if word in KILL_WORDS:
        if word == "lives" and not _near(token, {"lost", "claimed", "losing", "lose"}):
            return None
        if word in ("death", "deaths") and not _near(token, {
                "toll", "caused", "causing", "reported", "confirmed", "led", "leading",
                "resulted", "resulting", "to"}):
            return "killed" if word == "deaths" else None
        if word in ("burned", "drowned") and not _near(token, {"to", "death", "alive"}):
            return None
        if word in PHRASAL_KILLS and not (token.i + 1 < len(token.doc)
                                          and token.nbor(1).lower_ == "down"):
            return None
        return "killed"
    if word in WOUND_WORDS:
        if word == "casualties":
            return None  # "casualties" mixes dead and wounded; counted via context only
        return "wounded"
    if word == "toll":
        return "killed"
    if token.i > 0 and token.nbor(-1).lower_ == "fatally" and token.pos_ == "VERB":
        return "killed"  # "fatally shot", "were fatally assaulted"
    if word == "shot" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dead":
        return "killed"
    return None


def _near(token: Token, words: set[str], window: int = 3) -> bool:
    doc = token.doc
    lo, hi = max(0, token.i - window), min(len(doc), token.i + window + 1)
    return any(doc[i].lower_ in words for i in range(lo, hi) if i != token.i)


# --------------------------------------------------------------------------- quantities


def _quantities(span: Span) -> list[_Quant]:
    tokens = list(span)
    out: list[_Quant] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        quant = _quantity_at(tokens, i)
        if quant is None:
            i += 1
            continue
        out.append(quant)
        i = quant.end
        del tok
    return out


def _quantity_at(tokens: list[Token], i: int) -> _Quant | None:
    tok = tokens[i]
    lower = tok.lower_
    words_before = [t.lower_ for t in tokens[max(0, i - 3):i]]
    # Vague multi-word amounts: "a dozen", "a few", "dozens of".
    two = f"{lower} {tokens[i + 1].lower_}" if i + 1 < len(tokens) else ""
    value: int | None = None
    end = i + 1
    qualifier = qualifier_before(words_before)
    if lower == "one" and i > 0 and tokens[i - 1].lower_ in ("no", "not", "any", "every", "each"):
        return None  # "no one was injured": nobody
    range_match = re.fullmatch(r"(\d+)[-–](\d+)", tok.text)
    if lower == "both" and i + 1 < len(tokens) and (
            tokens[i + 1].lower_ in NOUN_CATEGORY or tokens[i + 1].lower_ in PASSIVE_AUX):
        value = 2  # "both men were killed", "both were wounded"
    elif lower == "another" and i + 1 < len(tokens) and (
            tokens[i + 1].lower_ in KILL_WORDS | WOUND_WORDS | PASSIVE_AUX):
        value = 1  # "one civilian was killed and another injured"
    elif range_match and int(range_match.group(1)) < int(range_match.group(2)):
        value = int(range_match.group(1))  # "2-4 policemen": the lower bound, as ACLED codes
        qualifier = "at_least"
    elif two in VAGUE:
        value, end = VAGUE[two], i + 2
        if two not in EXACT_VAGUE:
            qualifier = "approximate"
    elif lower in VAGUE and lower not in ("many", "numerous"):
        value = VAGUE[lower]
        if lower not in EXACT_VAGUE:
            qualifier = "approximate"
    elif tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY") and not (
            tok.ent_type_ in ("DATE", "TIME") and tok.like_num and (
                (i > 0 and tokens[i - 1].lower_ in KILL_WORDS | WOUND_WORDS)
                or (i + 1 < len(tokens) and tokens[i + 1].lower_ in NOUN_CATEGORY))):
        return None  # "injuring 70", "on Sunday two farmers": mislabelled dates, still counts
    else:
        j = i
        words: list[str] = []
        while j < len(tokens) and (word_value(tokens[j].lower_) is not None or
                                   tokens[j].lower_ in ("hundred", "thousand", "million") or
                                   (tokens[j].lower_ == "dozen" and words) or
                                   (tokens[j].lower_ == "and" and words and j + 1 < len(tokens)
                                    and word_value(tokens[j + 1].lower_) is not None
                                    and tokens[j - 1].lower_ in ("hundred", "thousand"))):
            if tokens[j].lower_ in ("no", "one") and words:
                break
            words.append(tokens[j].lower_)
            j += 1
        # "twenty - five" split by the tokenizer
        if (words and j + 1 < len(tokens) and tokens[j].text == "-"
                and word_value(f"{words[-1]}-{tokens[j + 1].lower_}") is not None):
            words[-1] = f"{words[-1]}-{tokens[j + 1].lower_}"
            j += 2
        if not words or words == ["no"]:
            return None
        value = phrase_value(words)
        if value is None:
            return None
        end = j
        # "8 to 10 people", "8-10": the lower bound
        if end + 1 < len(tokens) and tokens[end].lower_ in ("-", "–", "to") and \
                word_value(tokens[end + 1].lower_) is not None and \
                (word_value(tokens[end + 1].lower_) or 0) > value:
            end += 2
            qualifier = "at_least"
        if end + 1 < len(tokens) and tokens[end].lower_ == "of" and \
                tokens[end + 1].lower_ in ("the", "them", "whom", "those", "these", "their"):
            following = tokens[end + 2] if end + 2 < len(tokens) else None
            active = i > 0 and tokens[i - 1].lower_ in ACTIVE_CASUALTY_VERBS
            if not active and (following is None or tokens[end + 1].lower_ in ("them", "whom")
                               or following.lower_ in KILL_WORDS | WOUND_WORDS
                               or following.like_num
                               or following.lower_ in ("victims", "casualties", "dead")):
                # "one of the 11 injured died", "one of the victims died": a part of a toll,
                # which counts only when the article gives no toll
                return _Quant(i, end, value, qualifier, None, None, None, anaphoric=True,
                              new_group=False, recap=True)
            end += 2  # "two of the attackers": counted as attackers; "killing 21 of them"
    if value is None:
        return None
    # What follows: "dozens of people", "3 Turkish soldiers", "11 others".
    k = end
    if k < len(tokens) and tokens[k].lower_ == "of" and value in VAGUE.values():
        k += 1
    if k < len(tokens) and tokens[k].lower_ in UNIT_WORDS:
        return None
    if (k + 1 < len(tokens) and tokens[k].text in ("-", "/", ":", ".")
            and (tokens[k + 1].lower_ in UNIT_WORDS or tokens[k + 1].like_num)):
        return None  # "28-year-old", "3/4", times
    if i > 0 and tokens[i - 1].lower_ in ("aged", "age", "route", "number", "no.", "flight",
                                          "highway", "km", "kilometre", "kilometer", "page",
                                          "$", "£", "€", "us$", "rs", "rs.", "article"):
        return None
    if value > 20000 and not (i > 0 and tokens[i - 1].lower_ in ("to", "of")):
        return None  # years, sums, populations
    if 1800 <= value <= 2100 and tokens[i].like_num and qualifier == "exact":
        return None  # a year
    noun, category, country, new_group = None, None, None, False
    for t in tokens[k:k + 5]:
        w = t.lower_
        if w in NEW_EVENT_CUES:
            new_group = True
            continue
        code = gazetteer.country_code(t.text) if t.text[:1].isupper() else None
        if code and t.pos_ in ("ADJ", "PROPN", "NOUN"):
            country = code
            continue
        if w in NOUN_CATEGORY:
            noun, category = t, NOUN_CATEGORY[w]
            break
        if w in THING_NOUNS and t.dep_ != "compound":
            return None  # "eight countries", "two vehicles": not people
        if (t.pos_ in ("ADJ", "NOUN", "PROPN") or (t.tag_ == "VBN" and t.dep_ == "amod")) and \
                w not in KILL_WORDS and w not in WOUND_WORDS:
            continue  # "3 Turkish soldiers", "10 Taliban militants", "two security personnel"
        break
    anaphoric = bool(i > 0 and tokens[i - 1].lower_ in ("the", "these", "those", "its", "their")
                     and not _toll_before(tokens, i)
                     # "killing the two perpetrators": the object of the killing, not a recap
                     and not (i > 1 and tokens[i - 2].lower_ in ACTIVE_CASUALTY_VERBS))
    recap = anaphoric  # "the two guards were injured": a count given before, or else the count
    if i > 1 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in ("one", "two", "three",
                                                                           "some", "most"):
        anaphoric = True
    if any(t.lower_ in SUPERSEDED_CUES for t in tokens[max(0, i - 5):i]):
        anaphoric = True  # "after earlier reporting 11 dead", "up from 9": an old figure
    if end < len(tokens) and tokens[end].lower_ in ("seriously", "critically", "severely",
                                                    "badly", "gravely") and i > 0 and \
            tokens[i - 1].text == ",":
        anaphoric = True  # "injured 22, one seriously": a part of the count before
    total = any(t.lower_ in ("total", "totaling", "totalling", "overall")
                for t in tokens[max(0, i - 3):i])
    return _Quant(i, end, value, qualifier, noun, category, country, anaphoric, new_group,
                  toll=total, recap=recap and anaphoric)


def _toll_before(tokens: list[Token], i: int) -> bool:
    return any(t.lower_ in ("toll", "tally") for t in tokens[max(0, i - 6):i])


def _assign(span: Span, quants: list[_Quant], triggers: list[Token]) -> None:
    """Give each quantity the outcome of the casualty word it belongs to."""
    tokens = list(span)
    base = span.start
    trig_pos = {t.i - base: t for t in triggers}
    quant_starts = {q.start for q in quants}
    for n, q in enumerate(quants):
        if q.start > 0 and tokens[q.start - 1].lower_ == "by":
            continue  # "beaten to death by four men": the attackers, not the dead
        # N ... killed / N dead / N were wounded
        pos = q.end
        limit = min(len(tokens), q.end + 9)
        anchor = q.noun if q.noun is not None else tokens[q.end - 1]
        while pos < limit:
            tok = tokens[pos]
            if pos in quant_starts or tok.lower_ in CLAUSE_BREAKS or (tok.text in (",",) and \
                    pos + 1 < len(tokens) and tokens[pos + 1].lower_ in CLAUSE_BREAKS):
                break
            if tok.text == "," and anchor.dep_ == "pobj":
                break  # "the driver, a father of three, was killed": three is not the dead
            if pos in trig_pos and _is_patient_form(tokens, pos):
                q.outcome, q.via = _trigger_outcome(trig_pos[pos]), "right"
                if any(t.lower_ == "among" for t in tokens[q.end:pos]):
                    q.anaphoric = q.recap = True  # "two Britons were among the dead": a part
                break
            if tok.pos_ == "VERB" and tok.lower_ not in PASSIVE_AUX and pos not in trig_pos \
                    and tok.tag_ not in ("VBN",):
                break
            pos += 1
        if q.outcome:
            continue
        after = q.noun.i - base + 1 if q.noun is not None else q.end
        if after < len(tokens) and tokens[after].lower_ in OTHER_FATES:
            continue  # "23 rebels dead, 12 captured": the twelve have their own fate
        # killing N / killed N people / toll rose to N / injuring N others
        pos = q.start - 1
        lower_bound = max(0, q.start - 16)
        while pos >= lower_bound:
            tok = tokens[pos]
            since_then = tok.lower_ == "since" and tokens[pos + 1].lower_ in TOLL_VERBS
            if (tok.lower_ in CLAUSE_BREAKS and not since_then) or tok.text in (".", "!", "?"):
                break  # ("the toll has since risen to 12": an adverb, no new clause)
            far = q.start - pos > 8
            counted = pos in trig_pos and any(t.lower_ == "number"
                                              for t in tokens[max(0, pos - 4):pos])
            if counted:  # "the number of people killed in ... has risen to 14"
                q.outcome, q.via, q.toll = _trigger_outcome(trig_pos[pos]), "left", True
                break
            if far and tok.lower_ not in ("toll", "tally"):
                pos -= 1
                continue  # only a death toll reaches that far: "the toll from ... rose to 19"
            if pos in trig_pos and _is_agent_form(tokens, pos):
                q.outcome, q.via = _trigger_outcome(trig_pos[pos]), "left"
                q.toll = tok.lower_ in ("toll", "tally")
                break
            if tok.pos_ == "VERB" and pos not in trig_pos and tok.lower_ not in TOLL_VERBS \
                    and tok.lower_ not in PERFECT_AUX:
                break  # "killed 4 militiamen and detained 2 others"
            if any(p.start <= pos < p.end for p in quants):
                prev = next(p for p in quants if p.start <= pos < p.end)
                between = [t.lower_ for t in tokens[prev.end:q.start]]
                if prev.outcome and prev.via == "left" and _coordinated(between):
                    q.outcome, q.via = prev.outcome, "left"
                    q.subset = prev.subset or "including" in between
                    if "including" in between or "among" in between:
                        q.subset = True
                break
            pos -= 1
        if q.outcome is None:
            q.outcome = _outcome_by_syntax(tokens, q, trig_pos)
            if q.outcome:
                q.via = "syntax"
        if q.outcome is None and n > 0:
            prev = quants[n - 1]
            between = [t.lower_ for t in tokens[prev.end:q.start]]
            if prev.outcome and ("including" in between or "among" in between) and \
                    len(between) <= 6:
                q.outcome, q.subset, q.via = prev.outcome, True, "subset"
    # "including two policemen and four civilians" after a total: subsets.
    for n, q in enumerate(quants):
        if q.outcome and not q.subset and n > 0:
            prev = quants[n - 1]
            between = [t.lower_ for t in tokens[prev.end:q.start]]
            if prev.outcome == q.outcome and ("including" in between or
                                              "among" in between) and len(between) <= 6:
                q.subset = True
            elif prev.subset and prev.outcome == q.outcome and "and" in between and \
                    _coordinated(between):
                q.subset = True  # "... including eight police officers and ten civilians"
    _mark_breakdowns(tokens, quants)


def _mark_breakdowns(tokens: list[Token], quants: list[_Quant]) -> None:
    """"19 people were killed: nine rebels and 10 soldiers died": after a total of people,
    counts of kinds of people that add up to exactly that total are its parts (unless the
    sentence says the later ones are others: "in a separate raid")."""
    for outcome in ("killed", "wounded"):
        counted = [q for q in quants if q.outcome == outcome and not q.subset
                   and not q.anaphoric]
        if len(counted) < 3:
            continue
        total, parts = counted[0], counted[1:]
        if total.category not in (None, "people") or any(
                t.lower_ in NEW_EVENT_CUES for t in tokens[total.end:]):
            continue
        if all(p.category not in (None, "people") for p in parts) and \
                sum(p.value for p in parts) == total.value:
            for part in parts:
                part.subset = True


_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# not through "prep"/"pobj": "the driver, a father of three, was killed" is one death
_CLIMB_DEPS = {"nummod", "quantmod", "amod", "compound", "conj", "appos", "det", "advmod",
               "npadvmod", "cc"}


def _outcome_by_syntax(tokens: list[Token], q: _Quant, trig_pos: dict[int, Token]) -> str | None:
    """The outcome the dependency parse gives a quantity the word windows missed.

    "Ten people, including two soldiers, were killed": the number's noun is the passive
    subject of "killed" however long the apposition in between. Climbs from the number to
    its noun and on to the verb; a passive or intransitive subject, or an active object,
    of a casualty word takes its outcome.
    """
    base = tokens[0].i
    token = q.noun if q.noun is not None else tokens[q.end - 1]
    for _ in range(6):
        dep, head = token.dep_, token.head
        if head is token:
            return None
        head_pos = head.i - base
        if head_pos in trig_pos:
            trigger = trig_pos[head_pos]
            if dep == "nsubjpass" or (dep == "nsubj" and _is_patient_form(tokens, head_pos)):
                return _trigger_outcome(trigger)
            if dep == "dobj" and _is_agent_form(tokens, head_pos):
                return _trigger_outcome(trigger)
            return None
        if dep in _SUBJECT_DEPS or dep == "dobj" or dep not in _CLIMB_DEPS:
            return None
        token = head
    return None


def _coordinated(between: list[str]) -> bool:
    allowed = {"and", ",", "as", "well", "plus", "including", "among", "them", "of", "whom"}
    return all(w in allowed or w in NOUN_CATEGORY or gazetteer.country_code(w.title())
               or (w.isalpha() and len(w) > 2 and w not in KILL_WORDS | WOUND_WORDS)
               for w in between) and len(between) <= 6 and any(w in ("and", ",", "including",
                                                                    "plus") for w in between)


def _is_patient_form(tokens: list[Token], pos: int) -> bool:
    """Does the casualty word at ``pos`` describe the people before it (passive/adjective)?"""
    tok = tokens[pos]
    w = tok.lower_
    if w in ("dead", "died", "die", "dies", "perished", "slain", "fatalities", "deaths",
             "injuries", "hurt", "casualties", "lives", "bodies", "corpses", "dying"):
        return True
    if w == "death" and pos > 0 and tokens[pos - 1].lower_ == "to":
        return True  # "stabbed three men to death"
    if w in ("death", "deaths", "injury", "injuries") and pos + 1 < len(tokens) and \
            tokens[pos + 1].lower_ == "of":
        return False  # "caused the death of four people and injury of eight others"
    if w.endswith("ing"):
        return False
    nxt = tokens[pos + 1] if pos + 1 < len(tokens) else None
    if nxt is not None and nxt.ent_type_ in ("DATE", "TIME"):
        return True  # "four wounded Friday night"
    prev = tokens[pos - 1] if pos > 0 else None
    if prev is not None and prev.lower_ in PASSIVE_AUX:
        return True
    if prev is not None and prev.pos_ == "ADV" and pos > 1 and tokens[pos - 2].lower_ in \
            PASSIVE_AUX:
        return True
    # bare participle "11 wounded", "3 killed in"; active "gunmen killed 5" has an object
    return nxt is None or not (nxt.like_num or nxt.pos_ in ("DET", "PRON", "NUM", "PROPN")
                               or nxt.lower_ in NOUN_CATEGORY or nxt.lower_ in ("at", "dead"))


def _is_agent_form(tokens: list[Token], pos: int) -> bool:
    """Does the casualty word at ``pos`` take the people after it as its object?"""
    w = tokens[pos].lower_
    if w in ("toll", "deaths", "fatalities", "casualties", "injuries", "injury", "dead", "lives",
             "bodies",
             "corpses", "death"):
        return True  # "death toll rose to 12", "dead: 5", "the bodies of 4"
    if w in ("died", "die", "dies", "perished", "hurt"):
        return False
    return not (pos > 0 and tokens[pos - 1].lower_ in PASSIVE_AUX)


_SINGULAR = re.compile(r"^(a|an|one)$", re.I)


def _singular_victims(span: Span, quants: list[_Quant], triggers: list[Token]) -> None:
    """ "a soldier was killed", "shot dead Russia's ambassador": count one person."""
    tokens = list(span)
    base = span.start
    taken = {i for q in quants for i in range(q.start, q.end)}
    for trig in triggers:
        pos = trig.i - base
        outcome = _trigger_outcome(trig)
        if outcome is None or (trig.dep_ == "amod" and trig.head.lower_ in NOUN_CATEGORY):
            continue  # "the killed ambassador" describes someone; it reports nothing
        candidates: list[tuple[int, Token]] = []
        if _is_agent_form(tokens, pos) and tokens[pos].lower_ not in ("toll",):
            # object after the verb: "shot dead Russia's ambassador", "killed a policeman"
            after = tokens[pos + 1:pos + 10]
            if after and after[0].lower_ in ("dead", "down"):
                after = after[1:]
            if after and after[0].lower_ == "of" and trig.lower_ in ("death", "deaths"):
                after = after[1:]  # "the death of a 40-year-old driver"
            candidates.extend(_singular_objects(after, base))
        pronoun = _pronoun_victim(trig)
        if pronoun is not None and pronoun.i - base not in taken:
            # "strangled him to death", "she died in hospital": one person, unless a count
            # in the article says more
            idx = pronoun.i - base
            quants.append(_Quant(idx, idx + 1, 1, "exact", None, None, None, anaphoric=True,
                                 new_group=False, outcome=outcome, via="pronoun", weak=True,
                                 recap=True))
            taken.add(idx)
        if _is_patient_form(tokens, pos) and not candidates:
            # subject before: "a soldier was killed", "a policeman died"
            start = pos - 2 if trig.lower_ == "death" and pos > 1 else pos  # "beaten to death"
            for t in reversed(tokens[max(0, start - 6):start]):
                if t.lower_ in NOUN_CATEGORY and t.tag_ in ("NN", "NNP"):
                    candidates.append((t.i - base, t))
                    # "his wife and son were injured", "a woman and a man suffered injuries"
                    partner = t.head if t.dep_ == "conj" else None
                    if partner is not None and partner.lower_ in NOUN_CATEGORY and \
                            partner.tag_ in ("NN", "NNP") and base <= partner.i:
                        candidates.append((partner.i - base, partner))
                    break
                shared = trig.dep_ == "conj" and trig.head == t  # "was shot and killed"
                if (t.pos_ == "VERB" and t.lower_ not in PASSIVE_AUX and not shared) or \
                        t.text in (",", ";"):
                    break
            if not candidates:  # "The driver, a father of two, was killed": the parse's subject
                subject = _passive_subject(trig)
                if subject is not None and subject.lower_ in NOUN_CATEGORY and \
                        subject.tag_ in ("NN", "NNP") and base <= subject.i < base + len(tokens):
                    candidates.append((subject.i - base, subject))
        for idx, noun in candidates:
            died_of_wounds = next((q for q in quants if q.start == idx and q.outcome == "wounded"
                                   and outcome == "killed" and trig.dep_ == "conj"), None)
            if died_of_wounds is not None:
                died_of_wounds.outcome = "killed"  # "a man hurt by gunfire later died"
                continue
            if idx in taken or _in_counted_phrase(tokens, idx, taken) or \
                    _of_a_counted_noun(noun, quants):
                continue
            det = _determiner(tokens, idx)
            if det is None:
                continue
            country = None
            for t in tokens[max(0, idx - 4):idx]:
                code = gazetteer.country_code(t.text) if t.text[:1].isupper() else None
                if code:
                    country = code
            definite = det == "the" and not _joins_a_count(tokens, idx, quants)
            # "the gunman was shot dead by police": one more dead besides the victims
            attacker = definite and noun.lower_ in ATTACKER_NOUNS and \
                not _after_including(tokens, idx)
            q = _Quant(idx, idx + 1, 1, "exact", noun, NOUN_CATEGORY[noun.lower_], country,
                       anaphoric=definite and not attacker,
                       new_group=det == "another" or attacker, outcome=outcome,
                       via="singular", weak=definite)
            quants.append(q)
            taken.add(idx)
        for idx in _named_victims(tokens, pos):
            if idx not in taken:
                quants.append(_Quant(idx, idx + 1, 1, "exact", None, None, None, anaphoric=False,
                                     new_group=False, outcome=outcome, via="named"))
                taken.update(range(idx, idx + 3))


def _casualty_verb(trigger: Token) -> Token:
    """The verb a casualty word completes: "stabbed" of "stabbed to death", "found" of
    "found dead"; the word itself otherwise."""
    if trigger.lower_ == "death" and trigger.head.lower_ == "to":
        return trigger.head.head
    if trigger.lower_ == "dead" and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return trigger


def _singular_objects(after: list[Token], base: int) -> list[tuple[int, Token]]:
    """The person nouns an active casualty verb takes: "killing a policeman", "killing an
    aid worker and a local guard" (each with its own article, so each one person)."""
    found: list[tuple[int, Token]] = []
    window = 9 if after[:1] and after[0].lower_ == "a" else 6
    j = 0
    while j < min(len(after), window):
        t = after[j]
        if t.lower_ in NOUN_CATEGORY and t.tag_ in ("NN", "NNP") and t.dep_ != "compound":
            found.append((t.i - base, t))
            nxt = after[j + 1:j + 3]
            if len(nxt) == 2 and nxt[0].lower_ == "and" and \
                    nxt[1].lower_ in ("a", "an", "his", "her", "their"):
                j, window = j + 2, j + 11  # "... and an Afghan national", "... and his son"
                continue
            break
        if (t.pos_ in ("VERB", "ADP", "SCONJ") and t.dep_ != "amod") or t.text in (",", ";") \
                or t.lower_ in ("when", "while", "as", "after", "before", "because", "where"):
            break  # "104 wounded when a suicide bomber ...": the bomber is not the object
        j += 1
    return found


def _of_a_counted_noun(noun: Token, quants: list[_Quant]) -> bool:
    """ "nine members of an anti-Taliban militia": the militia is who the nine are."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    owner = noun.head.head
    return any(q.noun is not None and q.noun.i == owner.i for q in quants) or \
        any(c.dep_ == "nummod" for c in owner.children)


def _after_including(tokens: list[Token], idx: int) -> bool:
    """ "including the gunman", "among them the attacker": part of a toll already given."""
    return any(t.lower_ in ("including", "among", "of", "incl")
               for t in tokens[max(0, idx - 3):idx])


def _passive_subject(trigger: Token) -> Token | None:
    """Who a patient-form casualty word is about: "X was killed", "X was found dead"."""
    holders = [trigger, _casualty_verb(trigger)]
    link = trigger
    while link.dep_ == "conj" and link.head is not link:
        link = link.head  # "a clerk hurt in the blast died later",
        holders.append(link)  # "a woman was shot, stabbed, and killed"
    for holder in dict.fromkeys(holders):
        subject = next((c for c in holder.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subject is not None:
            return subject
    return None


_PRONOUNS = {"him": "object", "her": "object", "he": "subject", "she": "subject"}


def _pronoun_victim(trigger: Token) -> Token | None:
    """The pronoun a casualty word is about: "strangled him to death", "he was killed"."""
    verb = _casualty_verb(trigger)
    if trigger.lower_ == "dead" and verb is trigger:
        return None
    for child in verb.children:
        role = _PRONOUNS.get(child.lower_)
        if role == "object" and child.dep_ == "dobj" and verb.lower_ not in ("said", "told"):
            return child
        if role == "subject" and (child.dep_ == "nsubjpass" or (
                child.dep_ == "nsubj" and verb.lower_ in ("died", "dies", "perished"))):
            return child
    return None


def _joins_a_count(tokens: list[Token], idx: int, quants: list[_Quant]) -> bool:
    """ "five engineers and their driver", "the owner and two employees": a definite noun
    added to a counted group."""
    base = tokens[0].i
    if idx + 2 < len(tokens) and tokens[idx + 1].lower_ == "and" and \
            any(q.start == idx + 2 for q in quants):
        return True  # "the owner and two employees were killed"
    j = idx - 1
    while j >= 0 and tokens[j].pos_ in ("ADJ", "PROPN", "NOUN"):
        j -= 1
    if j < 2 or tokens[j].lower_ not in ("their", "his", "her", "its", "the") or \
            tokens[j - 1].lower_ != "and":
        return False
    return any(q.noun is not None and q.noun.i - base == j - 2 for q in quants)


def _in_counted_phrase(tokens: list[Token], idx: int, taken: set[int]) -> bool:
    """Is the noun at ``idx`` the head of a phrase already counted ("one police officer")?"""
    j = idx - 1
    while j >= 0 and j not in taken and tokens[j].pos_ in ("ADJ", "NOUN", "PROPN") and \
            tokens[j].lower_ not in ("and", "or"):
        j -= 1
    return j >= 0 and j in taken


def _named_victims(tokens: list[Token], pos: int) -> list[int]:
    """Positions of people named as the victims of the casualty word at ``pos``.

    "gunmen shot and killed Jane Doe", "Doe, a journalist, was killed": a person's name
    (spaCy's PERSON entity) as the object of an active casualty verb or the subject of a
    passive one is one victim.
    """
    trigger = tokens[pos]
    base = tokens[0].i
    found = []
    if _is_agent_form(tokens, pos) and trigger.pos_ == "VERB":
        after = [t for t in tokens[pos + 1:pos + 5] if t.lower_ != "dead"]
        # "killed Admiral Jane Doe": a title may come before the name
        while len(after) > 1 and after[0].pos_ == "PROPN" and after[0].ent_type_ != "PERSON" \
                and after[1].ent_type_ == "PERSON":
            after = after[1:]
        if after and after[0].ent_type_ == "PERSON":
            found.append(after[0].i - base)
    if _is_patient_form(tokens, pos):
        subject = _passive_subject(trigger)
        for child in [subject] if subject is not None else []:
            own = [t for c in child.children if c.dep_ not in ("conj", "appos", "cc", "punct")
                   for t in c.subtree]
            if any((c.dep_ == "nummod" or c.like_num) and not _is_age(c) for c in own):
                continue  # "24 Al Shabaab were killed": counted already
            described = any(c.dep_ == "appos" and c.lower_ in NOUN_CATEGORY
                            for c in child.children)  # "Tariq, a commander, was killed"
            if described or child.ent_type_ == "PERSON" or (
                    child.pos_ == "PROPN" and child.ent_type_ in ("", "PERSON")
                    and gazetteer.country_code(child.text) is None
                    and not gazetteer.candidates(child.text)):
                found.append(child.i - base)  # "Nafar was injured", "Doe, a reporter, died"
    # a name in capitals before a colon is a dateline ("LIBREVILLE:"), not a person
    return [i for i in found if 0 <= i < len(tokens) and not tokens[i].text.isupper()]


def _is_age(token: Token) -> bool:
    """The number of "82-year-old": an age, not a count."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and \
        doc[token.i + 2].lower_ in ("year", "years", "month", "months")


def _determiner(tokens: list[Token], idx: int) -> str | None:
    """'a'/'an'/'one'/'another'/'possessive'/'the' before a singular noun (skipping adjectives)."""
    j = idx - 1
    while j >= 0 and ((tokens[j].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and
                      tokens[j].lower_ not in ("'s", "’s")) or tokens[j].text == "-" or
                      (tokens[j].like_num and j + 1 < idx and tokens[j + 1].text == "-") or
                      (tokens[j].like_num and j + 2 < idx and tokens[j + 1].lower_ == "years"
                       and tokens[j + 2].lower_ == "old") or  # "a 14 years old boy"
                      (tokens[j].tag_ in ("VBN", "VBG") and tokens[j].dep_ == "amod")):
        if gazetteer.country_code(tokens[j].text) and tokens[j].tag_ in ("NNP",) and \
                j + 1 < len(tokens) and tokens[j + 1].lower_ in ("'s", "’s"):
            return "possessive"
        j -= 1
    if j < 0:
        return None
    w = tokens[j].lower_
    if w == "one" and j > 0 and tokens[j - 1].lower_ in ("no", "not"):
        return None  # "not one passenger was hurt"
    if w in ("a", "an", "one"):
        return "a"
    if w == "another":
        return "another"
    if w in ("'s", "’s"):
        return "possessive"
    if w in ("his", "her", "their"):
        return "a"  # "his wife was injured": someone new, not a count already given
    if w in ("the", "its"):
        return "the"
    if w == "and" and j > 0 and tokens[j - 1].lower_ in NOUN_CATEGORY:
        return _determiner(tokens, j - 1)  # "his wife and son": the first noun's
    return None


# --------------------------------------------------------------------------- context


_DAY_WORDS = re.compile(r"\b(yesterday|today|tonight|last night|(Mon|Tues|Wednes|Thurs|Fri|"
                        r"Satur|Sun)day)\b", re.I)


def _date(span: Span, published: date | None, anchors: list[int]) -> tuple[date | None, bool]:
    """The event date: the date expression nearest the casualty words, not "said on Monday"."""
    doc = span.doc
    expressions: list[tuple[int, str]] = [(e.start, e.text) for e in span.ents
                                          if e.label_ == "DATE"]
    for m in _DAY_WORDS.finditer(span.text):
        token = doc.char_span(span.start_char + m.start(), span.start_char + m.end(),
                              alignment_mode="expand")
        if token is not None and not any(token.start == start for start, _ in expressions):
            expressions.append((token.start, m.group(0)))
    options: list[tuple[int, date]] = []
    for start, text in expressions:
        before = [t.lower_ for t in doc[max(span.start, start - 3):start]]
        if any(w in SAY_VERBS for w in before):
            continue
        resolved = dates.resolve(text, published)
        if resolved is not None:
            options.append((min((abs(start - a) for a in anchors), default=0), resolved))
    if options:
        return min(options, key=lambda o: o[0])[1], True
    return None, False


def _perpetrator(span: Span, triggers: list[Token], victims: set[int]) -> Actor | None:
    text = span.text
    # "in clashes with ISIL militants", "fighting with rebels"
    m = re.search(r"\b(?:clash(?:es|ed)?|fighting|battles?|firefights?|gunfights?)\s+with\s+"
                  r"((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})", text)
    if m:
        return _actor(m.group(1))
    # passive agent: "killed by Boko Haram militants"
    for trig in triggers:
        for child in trig.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"
                        and c.lower_ not in NOT_ACTORS]
                if objs:
                    return _actor(_phrase(objs[0]))
    # "claimed by"/"X claimed responsibility"
    m = re.search(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\s+(?:has |have )?claimed "
                  r"responsibility", text)
    if m:
        return _actor(m.group(1))
    # "a Russian air strike", "Israeli shelling", "Saudi-led coalition jets", "Syrian troops"
    for nouns in (WEAPON_NOUNS, FORCE_NOUNS):
        for tok in span:
            if tok.lower_ not in nouns or tok.pos_ not in ("NOUN", "PROPN") or tok.i in victims:
                continue
            if nouns is FORCE_NOUNS and tok.dep_ not in ("nsubj", "pobj", "compound"):
                continue
            if tok.dep_ == "nsubj" and tok.head.lower_ in SAY_VERBS:
                continue
            for mod in tok.subtree:
                if mod.i >= tok.i or not mod.text[:1].isupper():
                    continue
                code = gazetteer.country_code(mod.text)
                if code and mod.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod"):
                    name = span.doc[mod.i:tok.i + 1].text
                    if tok.lower_ in STRIKE_NOUNS:
                        name = f"{mod.text} forces"
                    return Actor(name, code)
    # active subject of the casualty verb: "a Turkish policeman shot dead ..."
    for trig in triggers:
        if trig.pos_ != "VERB" or (trig.tag_ == "VBN" and any(c.dep_ == "auxpass"
                                                            for c in trig.children)):
            continue
        for child in trig.children:
            if child.dep_ == "nsubj" and child.i not in victims and child.lower_ not in (
                    "who", "that", "which", "it", "they", "he", "she"):
                if child.like_num or child.lower_ in NOT_ACTORS:
                    continue
                return _actor(_phrase(child))
    return None


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token`` without leading articles or relative clauses."""
    words = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct", "prep")
             and t.i <= token.i + 3]
    left = min(t.i for t in words)
    right = max(t.i for t in words)
    phrase = token.doc[left:right + 1].text
    return re.sub(r"^(a|an|the)\s+", "", phrase, flags=re.I).strip()


def _actor(name: str) -> Actor:
    name = re.sub(r"^(the|a|an)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"\s+(on|in|at|near|after|who|which|that|and|when)\b.*$", "", name)
    country = None
    for word in re.findall(r"[A-Z][\w’']+", name):
        country = gazetteer.country_code(word)
        if country:
            break
    return Actor(name, country)



# --------------------------------------------------------------------------- incidents


def build_incidents(
    article: Article, mentions: list[Mention], all_sentences: Sequence[str],
    published: date | None,
) -> list[Incident]:
    """Group mentions into incidents and build their records."""
    if published is None:
        # no publication date: the article's own latest date (of an incident, or the
        # first day of the latest year it names) stands in for it, so that a background
        # sentence about an attack years before is still the past
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", article.text)]
        known = [m.date for m in mentions if m.has_date and m.date]
        if years:
            known.append(date(max(years), 1, 1))
        latest = max(known, default=None)
        for mention in mentions:
            if mention.has_date and dates.is_historical(mention.date, latest):
                mention.recalled = True
    names = geo.parse([without_acronyms(s) for s in all_sentences])
    named = {t.sentence for t in names if t.names_a_place}
    for mention in mentions:
        if mention.index in named:
            mention.place = geo.locate(names, {mention.index})
    groups: list[_Group] = []
    for mention in mentions:
        target = _same_incident(groups, mention)
        if target is None:
            groups.append(_Group([mention]))
        else:
            target.mentions.append(mention)
    incidents = []
    previous: geo.Located | None = None
    used = {m.index for m in mentions}
    for group in groups:
        if not any(m.recalled for m in group.mentions):  # a recalled event has no lede
            group.context = _event_context(all_sentences, min(m.index for m in group.mentions),
                                           used)
        if group.context is None and len(groups) == 1:
            # "... left at least four dead. Fighting between rival gangs caused it.":
            # in a one-incident text, what happened may come after the toll
            group.context = _event_context(all_sentences, max(m.index for m in group.mentions),
                                           used, step=1)
            group.context_after = group.context is not None
        if group.mentions[0].same_place and previous is not None:
            located: geo.Located | None = previous  # "in the same area"
        else:
            located = geo.locate(names, {m.index for m in group.mentions})
        incident = _incident(article, group, located, published)
        if incident is None:
            continue
        previous = located
        incidents.append(incident)
    return incidents


def _event_context(all_sentences: Sequence[str], first: int, used: set[int],
                   step: int = -1) -> str | None:
    """The sentence right before an incident's first mention (or, with ``step=1``, right
    after its last) when it says what happened.

    "Militias clashed near the village. Two people were killed.": the clash is in the
    first sentence, the toll in the second; both are the incident's evidence.
    """
    for index in range(first + step, first + 4 * step, step):
        if index < 0 or index >= len(all_sentences) or index in used:
            return None
        sentence = all_sentences[index]
        if len(sentence) > 600:
            return None
        if EVENT_WORDING.search(sentence):
            return sentence
    return None


def _same_incident(groups: list[_Group], mention: Mention) -> _Group | None:
    """The incident a mention belongs to, or None when it reports a new one.

    Within an article, a report without a cue of its own (another date, another town,
    "also", "other", a past-perfect "had been killed") restates, revises or details the
    incident before it, and the incident takes the largest figure given for it.
    """
    if not groups:
        return None
    if mention.recap_only:
        return groups[-1]  # "they had killed him", "the two guards": people already reported
    if mention.earlier:
        return None
    for group in reversed(groups):
        first = group.mentions[0]
        if mention.recalled != first.recalled or first.earlier:
            continue
        group_date = next((m.date for m in group.mentions if m.has_date), None)
        # "the toll rose to 12 on Friday": the day of an update is not the event's
        update = mention.revision and any(c.toll for c in mention.counts)
        other_date = mention.has_date and group_date is not None and \
            mention.date != group_date and not update
        if mention.new_event and not other_date and _restates(mention, group):
            # "2 killed, 10 hurt in bus attack" ... "Two people were killed and 10 others were
            # injured": the same figures told again, whatever "others" says
            return group
        if mention.new_event and not any(c.toll for c in mention.counts):
            # "five other soldiers were killed in Al Bab on Thursday": a new incident;
            # "the shooter was also killed": one more dead in this one
            only_weak = all(c.weak for c in mention.counts if not c.subset)
            if other_date or _other_place(mention, group) or (
                    not only_weak and (mention.has_date or mention.place is not None)):
                continue
            mention.additive = True
            return group
        if other_date or _other_place(mention, group):
            continue
        if _other_victims(mention, group):
            mention.additive = True  # "a businessman was killed ... forces killed six rebels"
        return group
    return None


#: words that make a sentence about more victims even when its figures equal the toll's
_MORE_VICTIMS = {"another", "more", "further", "separate", "separately", "also",
                 "additional", "elsewhere", "meanwhile"}


def _restates(mention: Mention, group: _Group) -> bool:
    """Does the mention give exactly the incident's toll so far (both figures, two or more
    casualties in all: one death told twice may be two people, "a guard was killed ... the
    attacker was shot dead"), without a word that says these are more victims?"""
    base = [m for m in group.mentions if not m.additive]
    figures = (mention.total("killed")[0] or mention.weak_total("killed"),
               mention.total("wounded")[0] or mention.weak_total("wounded"))
    if sum(figures) < 2:
        return False
    toll = (max(m.total("killed")[0] for m in base), max(m.total("wounded")[0] for m in base))
    words = set(re.findall(r"[a-z]+", mention.text.lower()))
    return figures == toll and not words & _MORE_VICTIMS


def _other_victims(mention: Mention, group: _Group) -> bool:
    """Are the mention's dead and hurt all of other kinds of people than the incident's?
    A restatement speaks of the same people; soldiers after civilians are more victims."""
    def kinds(counts: Iterable[Count]) -> set[str]:
        return {c.category for c in counts if not c.subset and c.outcome == "killed"
                and c.category not in (None, "people")}

    mine = kinds(mention.counts)
    theirs = kinds(c for m in group.mentions for c in m.counts)
    generic = any(c.category in (None, "people") and not c.subset and c.outcome == "killed"
                  for c in mention.counts)
    return bool(mine) and bool(theirs) and not generic and not mine & theirs and \
        not any(c.toll or c.recap for c in mention.counts)


def _other_place(mention: Mention, group: _Group) -> bool:
    """Does the mention name a different country, or a different town, than the group?"""
    place = mention.place
    if place is None:
        return False
    for other in (m.place for m in group.mentions if m.place is not None):
        if other.country != place.country:
            return True
        if other.kind == place.kind == "city" and other.name != place.name and \
                geo.distance_km(other, place) > geo.SAME_PLACE_KM:
            return True
    return False


def _incident(
    article: Article, group: _Group, located: geo.Located | None, published: date | None,
) -> Incident | None:
    mentions = group.mentions
    base = [m for m in mentions if not m.additive] or mentions[:1]
    extra = [m for m in mentions if m.additive and m not in base]
    if any(ATTACKER_COUNTED.search(m.text) for m in base):
        extra = [m for m in extra if not any(c.new_group and c.weak for c in m.counts)]
    # "in addition to the bomber, N officers died": the attackers died too, on top of the
    # figure that sentence gives (a headline's "N+1 killed" already counts them)
    killed, killed_q = max(((m.total("killed")[0] + _attackers_besides(m.text),
                             m.total("killed")[1]) for m in base), key=lambda t: t[0])
    wounded, wounded_q = max((m.total("wounded") for m in base), key=lambda t: t[0])
    if extra:  # "the commander was wounded ... three other policemen were also wounded"
        killed = killed or max(m.single_total("killed") for m in base)
        wounded = wounded or max(m.single_total("wounded") for m in base)
    killed += sum(max(m.total("killed")[0], m.weak_total("killed")) + _attackers_besides(m.text)
                  for m in extra)
    wounded += sum(max(m.total("wounded")[0], m.weak_total("wounded")) for m in extra)
    if killed == 0:
        killed = max(m.weak_total("killed") for m in mentions)
    if wounded == 0:
        wounded = max(m.weak_total("wounded") for m in mentions)
    if killed == 0 and wounded == 0:
        return None
    said = " ".join(m.text for m in mentions) + " " + (group.context or "")
    if NON_VIOLENT_CAUSES.search(said) and not VIOLENCE.search(said):
        return None  # a road accident, a flood: not an incident of political violence
    if killed == 0:
        # "a suicide bomber detonated ..., wounding 12": with no toll given, the bombers'
        # own deaths are the toll
        killed = _suicide_bombers(said)
    event_date = next((m.date for m in mentions if m.has_date), None)
    if event_date is None:
        event_date = published
    historical = any(m.recalled for m in mentions) or dates.is_historical(event_date, published)
    perpetrator = next((m.perpetrator for m in mentions if m.perpetrator), None)
    victims = _victims(mentions)
    evidence = [m.text for m in mentions]
    if group.context is not None:
        evidence.insert(len(evidence) if group.context_after else 0, group.context)
    location = Location(located.name, located.country, located.lat, located.lon) if located \
        else Location()
    incident_id = stable_id(article.id, mentions[0].index, killed, wounded)
    roles = toll_roles(group, base, extra)
    return Incident(
        incident_id=incident_id, killed=killed, wounded=wounded, killed_qualifier=killed_q,
        wounded_qualifier=wounded_q, victims=victims, perpetrator=perpetrator,
        location=location, date=event_date.isoformat() if event_date else None,
        accidental=any(m.accidental for m in mentions), historical=historical,
        evidence=evidence, article_ids=[article.id], roles=roles,
    )


def toll_roles(group: _Group, base: list[Mention], extra: list[Mention]) -> list[EvidenceRole]:
    """What each sentence of an incident did for its toll (README, "How extraction works").

    For each outcome the toll is the largest figure the sentences about the incident give:
    a revised toll ("has risen to 12") *updates* it, otherwise the first sentence giving
    it *sets* it (role ``toll``); the others *restate* it, or give an earlier or partial
    figure it supersedes; sentences with only parts of a stated total are *parts*;
    sentences about other victims of the same incident are *additional*; another
    source's figure is *competing*; a recalled earlier event is *past*.
    """
    def figure(m: Mention, outcome: str) -> int:
        return m.total(outcome)[0]

    def setter(outcome: str) -> tuple[Mention | None, bool]:
        best = max((figure(m, outcome) for m in base), default=0)
        if best == 0:
            return None, False
        for m in base:
            if figure(m, outcome) == best and m.revision and \
                    any(c.toll and c.outcome == outcome for c in m.counts):
                return m, True
        return next(m for m in base if figure(m, outcome) == best), False

    setters = {outcome: setter(outcome) for outcome in ("killed", "wounded")}
    roles: list[EvidenceRole] = []
    for m in group.mentions:
        killed, wounded = figure(m, "killed"), figure(m, "wounded")
        sets = [o for o, (who, _) in setters.items() if who is m]
        role: MentionRole
        if m.recalled or m.earlier:
            role, why = "past", "recalls an earlier event"
        elif m in extra:
            role, why = "additional", "more victims of the same incident, added to the toll"
        elif sets:
            updated = any(setters[o][1] for o in sets)
            role = "update" if updated else "toll"
            why = (f"{'a revised' if updated else 'gives the'} {' and '.join(sets)} figure"
                   + (", superseding earlier ones" if updated else ""))
        elif OTHER_ACCOUNT.search(m.text):
            role, why = "competing", "another source's figure, not added"
        elif (killed, wounded) == (0, 0) and any(c.subset for c in m.counts):
            role, why = "part", "a breakdown of a toll stated elsewhere, not added"
        else:
            role, why = "restatement", "the same toll told again, or an earlier or partial " \
                                       "figure the toll supersedes"
        if any(c.subset for c in m.counts) and role != "part":
            why += "; its breakdown by group is part of the total"
        roles.append(EvidenceRole(m.text, role, killed, wounded, why))
    if group.context is not None:
        at = len(roles) if group.context_after else 0
        roles.insert(at, EvidenceRole(group.context, "context", 0, 0,
                                      "says what happened; gives no figure"))
    return roles


#: "in addition to the gunman, N others died": the attackers died too
IN_ADDITION_TO = re.compile(
    r"\bin addition(?: to)? (?:the |a |an |(?P<n>\d+|" + NUMBER_WORDS + r") )?(?:suicide )?"
    r"(?:bombers?|assailants?|attackers?|perpetrators?|gunm[ae]n)\b[^.]*\b(killed|died|dead)\b",
    re.I)
_SUICIDE_BOMBING = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|twin|\d+)\s+)?(?:[\w-]+\s+){0,2}?suicide[- ]"
    r"(?:car[- ]|truck[- ]|motorcycle[- ])?bombers?\b[^.]*?\b(detonat\w*|blew|exploded|"
    r"set off|struck|rammed)\b", re.I)
_SUICIDE_FAILED = re.compile(
    r"\b(failed to (detonate|explode)|before (he|she|they) could|would-be|foiled|arrested|"
    r"captured|detained|defused|survived)\b", re.I)


def _attackers_besides(text: str) -> int:
    """How many attackers "in addition to the bomber(s)" adds to the sentence's dead."""
    besides = IN_ADDITION_TO.search(text)
    if besides is None:
        return 0
    number = besides.group("n")
    return (phrase_value([number.lower()]) if number else None) or 1


def _suicide_bombers(text: str) -> int:
    """How many suicide bombers the text says set off their bombs (0 if none, or if they
    may have lived: "failed to detonate", "was arrested")."""
    match = _SUICIDE_BOMBING.search(text)
    if match is None or _SUICIDE_FAILED.search(text):
        return 0
    count = (match.group("count") or "a").lower()
    if count.isdigit():
        return int(count)
    return {"two": 2, "twin": 2, "three": 3, "four": 4}.get(count, 1)


def _victims(mentions: Iterable[Mention]) -> list[Victim]:
    best: dict[str, list[Count]] = {}
    for outcome in ("killed", "wounded"):
        candidates = [
            [c for c in m.counts if c.outcome == outcome and (not c.anaphoric or c.weak)]
            for m in mentions
        ]
        candidates = [c for c in candidates if c]
        if candidates:
            best[outcome] = max(candidates, key=lambda cs: (sum(c.value for c in cs
                                                                if not c.subset),
                                                            sum(bool(c.country) for c in cs)))
    victims: list[Victim] = []
    for outcome, counts in best.items():
        whole = [c for c in counts if not c.subset]
        parts = [c for c in counts if c.subset]
        country = next((c.country for c in counts if c.country), None)
        if parts and sum(p.value for p in parts) == sum(w.value for w in whole):
            whole = parts
        for c in whole:
            victims.append(Victim(c.value, outcome, c.category, c.country or country))  # type: ignore[arg-type]
    # A wounded group with no nationality of its own shares the killed group's.
    killed_country = next((v.country for v in victims if v.outcome == "killed" and v.country), None)
    for v in victims:
        if v.country is None and killed_country and v.category in (None, "people") and \
                len({x.country for x in victims if x.country}) == 1:
            v.country = killed_country
    return victims


__all__ = ["Article", "ExtractionStats", "Mention", "candidate_sentences", "extract",
           "is_candidate", "read_mention"]


