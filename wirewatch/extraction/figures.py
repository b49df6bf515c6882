"""The figures of a parsed sentence: numbers and vague amounts ("dozens", "2-4"),
the noun each counts and its nationality, the casualty words a sentence uses, and marks
on a figure that refers back to a count or supersedes an old one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from schemas.records import Outcome, Qualifier
from wirewatch import gazetteer
from wirewatch.extraction.lexicon import (
    ACTIVE_CASUALTY_VERBS,
    KILL_WORDS,
    NEW_EVENT_CUES,
    NOUN_CATEGORY,
    PASSIVE_AUX,
    PHRASAL_KILLS,
    SUPERSEDED_CUES,
    THING_NOUNS,
    UNIT_WORDS,
    WOUND_WORDS,
)
from wirewatch.extraction.mention import Figure, Mark
from wirewatch.quantities import (
    EXACT_VAGUE,
    VAGUE,
    phrase_value,
    qualifier_before,
    word_value,
)
from wirewatch.rules import fired

_INTENT_BEFORE_TO = frozenset({"attempted", "attempting", "attempt", "attempts", "tried", "trying",
                               "try", "plotted", "plotting", "plot", "planned", "planning",
                               "plan", "failed", "sought", "seeking", "threatened", "threatening",
                               "vowed", "wanted", "bid", "intended", "aimed", "conspired",
                               "conspiring", "conspiracy"})


def trigger_outcome(token: Token) -> Outcome | None:
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


def find_figures(span: Span) -> list[Figure]:
    tokens = list(span)
    out: list[Figure] = []
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


@dataclass(frozen=True, slots=True)
class _Amount:
    """How many a figure says, and where it ends: before we know what it counts."""

    value: int
    end: int
    qualifier: Qualifier
    #: "one of the 11 injured": a part of a toll told elsewhere
    part_of_toll: bool = False


def _quantity_at(tokens: list[Token], i: int) -> Figure | None:
    """The figure starting at token ``i``, if one does and it counts people: its amount,
    the noun it counts, and how it refers to counts told elsewhere."""
    amount = _amount_at(tokens, i)
    if amount is None:
        return None
    if amount.part_of_toll:
        fired("role.part_of_a_toll")
        return Figure(i, amount.end, amount.value, amount.qualifier, None, None, None,
                      Mark.ANAPHORIC | Mark.RECAP)
    # What follows: "dozens of people", "3 Turkish soldiers", "11 others".
    k = amount.end
    if k < len(tokens) and tokens[k].lower_ == "of" and amount.value in VAGUE.values():
        k += 1
    if _not_a_count_of_people(tokens, i, k, amount):
        return None
    counted = _counted_noun(tokens, k)
    if counted is None:
        return None
    noun, category, country, new_group = counted
    anaphoric, recap, total = _reference_marks(tokens, i, amount.end)
    figure = Figure(i, amount.end, amount.value, amount.qualifier, noun, category, country)
    figure.anaphoric, figure.new_group, figure.toll = anaphoric, new_group, total
    figure.recap = recap
    return figure


def _amount_at(tokens: list[Token], i: int) -> _Amount | None:
    """The amount a figure at ``i`` gives: a number in digits or words, a vague amount
    ("dozens", "a few"), "both", a range (its lower bound)."""
    tok = tokens[i]
    lower = tok.lower_
    words_before = [t.lower_ for t in tokens[max(0, i - 3):i]]
    # Vague multi-word amounts: "a dozen", "a few", "dozens of".
    two = f"{lower} {tokens[i + 1].lower_}" if i + 1 < len(tokens) else ""
    qualifier = qualifier_before(words_before)
    if lower == "one" and i > 0 and tokens[i - 1].lower_ in ("no", "not", "any", "every", "each"):
        return None  # "no one was injured": nobody
    range_match = re.fullmatch(r"(\d+)[-–](\d+)", tok.text)
    if lower == "both" and i + 1 < len(tokens) and (
            tokens[i + 1].lower_ in NOUN_CATEGORY or tokens[i + 1].lower_ in PASSIVE_AUX):
        return _Amount(2, i + 1, qualifier)  # "both men were killed", "both were wounded"
    if lower == "another" and i + 1 < len(tokens) and (
            tokens[i + 1].lower_ in KILL_WORDS | WOUND_WORDS | PASSIVE_AUX):
        return _Amount(1, i + 1, qualifier)  # "one civilian was killed and another injured"
    if range_match and int(range_match.group(1)) < int(range_match.group(2)):
        fired("role.range_lower_bound")
        # "2-4 policemen": the lower bound, as ACLED codes
        return _Amount(int(range_match.group(1)), i + 1, "at_least")
    if two in VAGUE:
        return _Amount(VAGUE[two], i + 2,
                       qualifier if two in EXACT_VAGUE else "approximate")
    if lower in VAGUE and lower not in ("many", "numerous"):
        return _Amount(VAGUE[lower], i + 1,
                       qualifier if lower in EXACT_VAGUE else "approximate")
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY") and not (
            tok.ent_type_ in ("DATE", "TIME") and tok.like_num and (
                (i > 0 and tokens[i - 1].lower_ in KILL_WORDS | WOUND_WORDS | {"between"})
                or (i + 1 < len(tokens) and tokens[i + 1].lower_ in NOUN_CATEGORY))):
        return None  # "injuring 70", "on Sunday two farmers": mislabelled dates, still counts
    spelled = _number_at(tokens, i)
    if spelled is None:
        return None
    value, end = spelled
    # "8 to 10 people", "8-10", "between 43 and 52": the lower bound
    between = i > 0 and tokens[i - 1].lower_ == "between" and not 1800 <= value <= 2100
    if end + 1 < len(tokens) and (tokens[end].lower_ in ("-", "–", "to") or (
            between and tokens[end].lower_ == "and")) and \
            word_value(tokens[end + 1].lower_) is not None and \
            (word_value(tokens[end + 1].lower_) or 0) > value:
        fired("role.range_lower_bound")
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
            return _Amount(value, end, qualifier, part_of_toll=True)
        end += 2  # "two of the attackers": counted as attackers; "killing 21 of them"
    return _Amount(value, end, qualifier)


def _number_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A number in digits or words starting at ``i`` ("12", "twenty-five", "two hundred
    and six"): its value and the index after it."""
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
    return value, j


def _not_a_count_of_people(tokens: list[Token], i: int, k: int, amount: _Amount) -> bool:
    """Is the figure a measure, an age, a time, a price, a route, a year or a sum, rather
    than a count of people (``k``: where what it counts starts)?"""
    if k < len(tokens) and tokens[k].lower_ in UNIT_WORDS:
        fired("role.things_not_people")
        return True
    if (k + 1 < len(tokens) and tokens[k].text in ("-", "/", ":", ".")
            and (tokens[k + 1].lower_ in UNIT_WORDS or tokens[k + 1].like_num)):
        return True  # "28-year-old", "3/4", times
    if i > 0 and tokens[i - 1].lower_ in ("aged", "age", "route", "number", "no.", "flight",
                                          "highway", "km", "kilometre", "kilometer", "page",
                                          "$", "£", "€", "us$", "rs", "rs.", "article"):
        return True
    if amount.value > 20000 and not (i > 0 and tokens[i - 1].lower_ in ("to", "of")):
        return True  # years, sums, populations
    # a year
    return 1800 <= amount.value <= 2100 and tokens[i].like_num and amount.qualifier == "exact"


def _counted_noun(tokens: list[Token], k: int
                  ) -> tuple[Token | None, str | None, str | None, bool] | None:
    """What the figure counts, read from ``k`` on: (the person noun, its category, a
    nationality, whether "other"/"more" says they are new); None when it counts things."""
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
            fired("role.things_not_people")
            return None  # "eight countries", "two vehicles": not people
        if (t.pos_ in ("ADJ", "NOUN", "PROPN") or (t.tag_ == "VBN" and t.dep_ == "amod")) and \
                w not in KILL_WORDS and w not in WOUND_WORDS:
            continue  # "3 Turkish soldiers", "10 Taliban militants", "two security personnel"
        break
    return noun, category, country, new_group


def _reference_marks(tokens: list[Token], i: int, end: int) -> tuple[bool, bool, bool]:
    """How the figure at ``i`` refers to counts told elsewhere: (anaphoric — a count told
    before or a part of one; recap — counted elsewhere, the count only when nothing else
    counts them; total — "a total of")."""
    anaphoric = bool(i > 0 and tokens[i - 1].lower_ in ("the", "these", "those", "its", "their")
                     and not _toll_before(tokens, i)
                     # "killing the two perpetrators": the object of the killing, not a recap
                     and not (i > 1 and tokens[i - 2].lower_ in ACTIVE_CASUALTY_VERBS))
    recap = anaphoric  # "the two guards were injured": a count given before, or else the count
    if i > 1 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in ("one", "two", "three",
                                                                           "some", "most"):
        anaphoric = True
    before = [t.lower_ for t in tokens[max(0, i - 5):i]]
    # "after earlier reporting 11 dead", "up from 9": an old figure ("the toll from
    # Monday's bombing to 25" is the new one, "peacekeepers from Chad were killed and two
    # wounded" a new count)
    if any(w in SUPERSEDED_CUES - {"from"} for w in before) or \
            _from_an_old_figure(before):
        fired("role.superseded_figure")
        anaphoric = True
    if end < len(tokens) and tokens[end].lower_ in ("seriously", "critically", "severely",
                                                    "badly", "gravely") and i > 0 and \
            tokens[i - 1].text == ",":
        anaphoric = True  # "injured 22, one seriously": a part of the count before
    total = any(t.lower_ in ("total", "totaling", "totalling", "overall")
                for t in tokens[max(0, i - 3):i])
    return anaphoric, recap and anaphoric, total


def _toll_before(tokens: list[Token], i: int) -> bool:
    return any(t.lower_ in ("toll", "tally") for t in tokens[max(0, i - 6):i])


#: words that may stand between a verb and the figure it takes: "left at least three"
QUALIFYING_WORDS = frozenset({"at", "least", "most", "more", "than", "some", "about",
                               "around", "nearly", "almost", "over", "up", "to", "an",
                               "estimated", "roughly", "approximately"})


def _from_an_old_figure(before: list[str]) -> bool:
    """ "up from 9", "from an earlier 9", "from at least 9": "from" right before the figure,
    with at most qualifying words between."""
    if "from" not in before:
        return False
    between = before[len(before) - before[::-1].index("from"):]
    return all(w in QUALIFYING_WORDS or w in ("earlier", "initial", "previous", "a", "the")
               for w in between)
