"""Counts in a parsed sentence: numbers and vague amounts, what they count, the casualty
word each belongs to (killed or wounded), subsets and breakdowns, single named victims.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from schemas.records import Outcome
from wirewatch import gazetteer
from wirewatch.extraction.lexicon import (
    ACTIVE_CASUALTY_VERBS,
    ATTACKER_NOUNS,
    CLAUSE_BREAKS,
    KILL_WORDS,
    NEW_EVENT_CUES,
    NOUN_CATEGORY,
    OTHER_FATES,
    PASSIVE_AUX,
    PERFECT_AUX,
    PHRASAL_KILLS,
    RELATION_CATEGORY,
    RELATION_NOUNS,
    SUPERSEDED_CUES,
    THING_NOUNS,
    TOLL_VERBS,
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


def _trigger_outcome(token: Token) -> Outcome | None:
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


def _quantities(span: Span) -> list[Figure]:
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


def _quantity_at(tokens: list[Token], i: int) -> Figure | None:
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
                fired("role.part_of_a_toll")
                return Figure(i, end, value, qualifier, None, None, None,
                              Mark.ANAPHORIC | Mark.RECAP)
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
    figure = Figure(i, end, value, qualifier, noun, category, country)
    figure.anaphoric, figure.new_group, figure.toll = anaphoric, new_group, total
    figure.recap = recap and anaphoric
    return figure


def _toll_before(tokens: list[Token], i: int) -> bool:
    return any(t.lower_ in ("toll", "tally") for t in tokens[max(0, i - 6):i])


def _assign(span: Span, quants: list[Figure], triggers: list[Token]) -> None:
    """Give each quantity the outcome of the casualty word it belongs to."""
    tokens = list(span)
    base = span.start
    trig_pos = {t.i - base: t for t in triggers}
    quant_starts = {q.start for q in quants}
    for q in quants:
        told = _number_counted(tokens, q, trig_pos)
        if told is not None:
            q.outcome, q.via, q.toll = told, "left", True
        elif q.start > 1 and tokens[q.start - 1].lower_ == "of" and q.start - 2 in trig_pos:
            # "the death of three persons and injuries to five others": the noun before
            # "of" says what befell them, whatever comes after
            q.outcome, q.via = _trigger_outcome(trig_pos[q.start - 2]), "left"
    for n, q in enumerate(quants):
        if q.outcome:
            continue
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
                    fired("role.part_of_a_toll")
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
        # only a death toll reaches that far: "the toll from an attack by ... rose to 26"
        lower_bound = max(0, q.start - 24)
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


def _mark_breakdowns(tokens: list[Token], quants: list[Figure]) -> None:
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


def _outcome_by_syntax(
    tokens: list[Token], q: Figure, trig_pos: dict[int, Token]
) -> Outcome | None:
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
    # ("killed more than 100", "killed nearly 40": a qualified figure is an object too)
    return nxt is None or not (nxt.like_num or nxt.pos_ in ("DET", "PRON", "NUM", "PROPN")
                               or nxt.lower_ in NOUN_CATEGORY or nxt.lower_ == "dead"
                               or nxt.lower_ in _QUALIFYING_WORDS)


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


#: words that may stand between a verb and the figure it takes: "left at least three"
_QUALIFYING_WORDS = frozenset({"at", "least", "most", "more", "than", "some", "about",
                               "around", "nearly", "almost", "over", "up", "to", "an",
                               "estimated", "roughly", "approximately"})


def _from_an_old_figure(before: list[str]) -> bool:
    """ "up from 9", "from an earlier 9", "from at least 9": "from" right before the figure,
    with at most qualifying words between."""
    if "from" not in before:
        return False
    between = before[len(before) - before[::-1].index("from"):]
    return all(w in _QUALIFYING_WORDS or w in ("earlier", "initial", "previous", "a", "the")
               for w in between)


def _number_counted(tokens: list[Token], q: Figure, trig_pos: dict[int, Token]
                    ) -> Outcome | None:
    """ "The number of worshippers killed when gunmen opened fire ... rose to 21": the
    outcome of a figure a toll verb gives ("rose to", "stood at") for "the number of ...
    killed" told before it, however long the clause between."""
    before = [t.lower_ for t in tokens[max(0, q.start - 5):q.start]]
    if not any(w in TOLL_VERBS for w in before) or not before or \
            not {"to", "at"} & set(before[-3:]):
        return None
    for pos in range(q.start - 1, -1, -1):
        if tokens[pos].text in (".", "!", "?", ";"):
            return None
        if tokens[pos].lower_ == "number" and pos + 1 < len(tokens) and \
                tokens[pos + 1].lower_ == "of":
            for trig in range(pos + 2, min(pos + 7, q.start)):
                if trig in trig_pos:
                    return _trigger_outcome(trig_pos[trig])
            return None
    return None


def _coordinated_counts(span: Span, quants: list[Figure]) -> None:
    """ "left four policemen and nine rebels dead", "3 soldiers, 7 militants killed":
    counts listed together before one casualty word all take its outcome."""
    tokens = list(span)
    for q in sorted(quants, key=lambda f: -f.start):
        if q.outcome:
            continue
        nxt = min((r for r in quants if r.start >= q.end), key=lambda r: r.start, default=None)
        if nxt is None or not nxt.outcome or nxt.via not in ("right", "syntax") or nxt.subset:
            continue
        head = next((t for t in reversed(tokens[:q.start])
                     if t.lower_ not in _QUALIFYING_WORDS), None)
        if head is not None and head.pos_ in ("VERB", "AUX") and head.lower_ not in TOLL_VERBS:
            continue  # "police arrested 12 suspects and two soldiers were killed"
        if any(t.lower_ in ("addition", "besides", "including", "among", "except", "plus",
                            "of", "with", "by", "from")
               for t in tokens[max(0, q.start - 3):q.start]):
            continue  # "in addition to 12 assailants, 56 were killed": counted apart
        between = tokens[q.end:nxt.start]
        joiners = [t for t in between if t.lower_ in (",", "and")]
        if joiners and all(t.lower_ in (",", "and") or t.pos_ in ("ADJ", "NOUN", "PROPN")
                           for t in between):
            q.outcome, q.via = nxt.outcome, nxt.via


def _elided_counts(span: Span, quants: list[Figure]) -> None:
    """ "Nine were killed on Monday and four more on Tuesday", "12 soldiers died on the
    first day and three others the next": a figure joined by "and" to a counted one, in a
    clause with no verb of its own, shares that count's verb — it counts more people with
    the same outcome."""
    tokens = list(span)
    for q in sorted(quants, key=lambda f: f.start):
        if q.outcome or q.start == 0 or tokens[q.start - 1].lower_ != "and":
            continue
        noun = next((t for t in tokens[q.end:q.end + 3] if t.pos_ != "ADJ"), None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and \
                noun.lower_ not in NOUN_CATEGORY:
            continue  # "three churches and three luxury hotels": not people
        prev = max((c for c in quants if c.end < q.start), key=lambda c: c.end, default=None)
        if prev is None or not prev.outcome:
            continue  # "19 killed, nine rebels and 10 soldiers": a breakdown, read elsewhere
        end = next((i for i in range(q.end, len(tokens))
                    if tokens[i].is_punct and tokens[i].text not in ("-", "'")), len(tokens))
        if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in tokens[q.start:end]):
            continue  # "and four more were wounded", "and two others captured": a verb of its own
        q.outcome, q.via = prev.outcome, "elided"
        if prev.subset:
            q.subset = True  # "including two children and eleven women": the same breakdown
        else:
            q.new_group = True


def _singular_victims(span: Span, quants: list[Figure], triggers: list[Token]) -> None:
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
        listed: set[int] = set()  # people of a list after the first victim
        if _is_agent_form(tokens, pos) and tokens[pos].lower_ not in ("toll",):
            # object after the verb: "shot dead Russia's ambassador", "killed a policeman"
            after = tokens[pos + 1:]
            if after and after[0].lower_ in ("dead", "down"):
                after = after[1:]
            if after and after[0].lower_ == "of" and trig.lower_ in ("death", "deaths"):
                after = after[1:]  # "the death of a 40-year-old driver"
            objects = _singular_objects(after, base)
            candidates.extend(objects)
            listed.update(idx for idx, _ in objects[1:])
        pronoun = _pronoun_victim(trig)
        if pronoun is not None and pronoun.i - base not in taken:
            # "strangled him to death", "she died in hospital": one person, unless a count
            # in the article says more
            idx = pronoun.i - base
            quants.append(Figure(idx, idx + 1, 1, "exact", None, None, None,
                                 Mark.ANAPHORIC | Mark.WEAK | Mark.RECAP, outcome=outcome,
                                 via="pronoun"))
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
            if idx in listed:
                counted = next((q for q in quants if q.noun is not None and q.noun.i == noun.i),
                               None)
                if counted is not None and counted.outcome is None:
                    # "killed a judge along with his driver and two guards"
                    counted.outcome, counted.via = outcome, "left"
                    continue
            if idx in taken or _in_counted_phrase(tokens, idx, taken) or \
                    _of_a_counted_noun(noun, quants):
                continue
            det = _determiner(tokens, idx)
            if det is None and idx in listed and noun.lower_ in RELATION_NOUNS:
                det = "a"  # "... as well as his wife, son and bodyguard"
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
            category = NOUN_CATEGORY.get(noun.lower_) or RELATION_CATEGORY[noun.lower_]
            q = Figure(idx, idx + 1, 1, "exact", noun, category, country,
                       outcome=outcome, via="singular")
            q.anaphoric, q.new_group = definite and not attacker, det == "another" or attacker
            q.weak = definite
            quants.append(q)
            taken.add(idx)
        for idx in _named_victims(tokens, pos):
            if idx not in taken:
                quants.append(Figure(idx, idx + 1, 1, "exact", None, None, None,
                                     outcome=outcome, via="named"))
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
            found.extend(_listed_with(after[j + 1:], base))
            break
        if (t.pos_ in ("VERB", "ADP", "SCONJ") and t.dep_ != "amod") or t.text in (",", ";") \
                or t.lower_ in ("when", "while", "as", "after", "before", "because", "where"):
            break  # "104 wounded when a suicide bomber ...": the bomber is not the object
        j += 1
    return found


#: what joins one more person to a list of victims: "and", "as well as", "along with"
_LIST_JOINERS = ((",", "and"), ("and",), (",", "as", "well", "as"), ("as", "well", "as"),
                 (",", "along", "with"), ("along", "with"), (",", "together", "with"),
                 ("together", "with"), (",",))
_LIST_DETERMINERS = frozenset({"a", "an", "his", "her", "their", "its"})


def _listed_with(rest: list[Token], base: int) -> list[tuple[int, Token]]:
    """The people listed after a victim, one each: "... and an Afghan national", "... as
    well as his wife, son and bodyguard". An item needs an article or possessive of its
    own, or name a tie to another victim after a possessive ("his wife, son"); a numbered
    item ("and two guards") is listed by its noun, the figure that counts it; anything else
    ends the list."""
    found: list[tuple[int, Token]] = []
    words = [t.lower_ for t in rest]
    kin = False
    j = 0
    while j < len(rest):
        joiner = next((len(w) for w in _LIST_JOINERS if tuple(words[j:j + len(w)]) == w), 0)
        if not joiner:
            break
        k = j + joiner
        determined = k < len(rest) and words[k] in _LIST_DETERMINERS
        k += determined
        while k < len(rest) and rest[k].tag_ == "JJ":
            k += 1
        if k < len(rest) and rest[k].like_num:
            k += 1  # "and two guards": counted as a figure; the list goes on after it
            while k < len(rest) and rest[k].tag_ in ("JJ", "NNS", "NN") and \
                    rest[k].lower_ not in NOUN_CATEGORY:
                k += 1
            if k < len(rest) and rest[k].lower_ in NOUN_CATEGORY:
                found.append((rest[k].i - base, rest[k]))
                j = k + 1
                continue
            break
        if k >= len(rest) or rest[k].tag_ not in ("NN", "NNP") or not (
                (determined and rest[k].lower_ in NOUN_CATEGORY)
                or ((determined or kin) and rest[k].lower_ in RELATION_NOUNS)):
            break
        # "his wife, son and bodyguard": after a possessive, the ties go on bare
        kin = kin or (determined and words[j + joiner] in ("his", "her", "their"))
        found.append((rest[k].i - base, rest[k]))
        j = k + 1
    return found


def _of_a_counted_noun(noun: Token, quants: list[Figure]) -> bool:
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


def _joins_a_count(tokens: list[Token], idx: int, quants: list[Figure]) -> bool:
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
        after = [t for t in tokens[pos + 1:pos + 9] if t.lower_ != "dead"]
        # "killed Admiral Jane Doe", "killed local journalist Jane Doe", "killed top
        # al-Qaida operative John Doe": a title may come before the name
        title = 0
        while title < len(after) - 1 and title < 6 and after[title].ent_type_ != "PERSON" and \
                (after[title].pos_ in ("ADJ", "NOUN", "PROPN") or after[title].text == "-"):
            title += 1
        if title and after[title].ent_type_ == "PERSON" and \
                all(t.lower_ not in THING_NOUNS for t in after[:title]):
            after = after[title:]
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


