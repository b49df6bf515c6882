"""Which casualty word each figure belongs to (killed or wounded): by word windows on
either side, by the dependency parse, through lists and elided verbs; subsets and
breakdowns of a stated total."""

from __future__ import annotations

from spacy.tokens import Span, Token

from schemas.records import Outcome
from wirewatch import gazetteer
from wirewatch.extraction.figures import QUALIFYING_WORDS, trigger_outcome
from wirewatch.extraction.lexicon import (
    CLAUSE_BREAKS,
    KILL_WORDS,
    NEW_EVENT_CUES,
    NOUN_CATEGORY,
    OTHER_FATES,
    PASSIVE_AUX,
    PERFECT_AUX,
    TOLL_VERBS,
    WOUND_WORDS,
)
from wirewatch.extraction.mention import Figure
from wirewatch.rules import fired


def assign_outcomes(span: Span, quants: list[Figure], triggers: list[Token]) -> None:
    """Give each quantity the outcome of the casualty word it belongs to: a word naming it
    ("the number of ... killed rose to 14", "the death of three"), a tally's label, a
    casualty word after it ("three soldiers were killed") or before it ("killing 12"),
    the parse, or the total it is a part of; then mark subsets and breakdowns."""
    tokens = list(span)
    base = span.start
    trig_pos = {t.i - base: t for t in triggers}
    quant_starts = {q.start for q in quants}
    for q in quants:
        _outcome_named_before(tokens, q, trig_pos)
    for n, q in enumerate(quants):
        if q.outcome:
            continue
        if q.start > 0 and tokens[q.start - 1].lower_ == "by":
            continue  # "beaten to death by four men": the attackers, not the dead
        if q.start >= 2 and tokens[q.start - 1].text == ":" and q.start - 2 in trig_pos and \
                is_agent_form(tokens, q.start - 2):
            fired("role.labelled_tally")  # "Total fatalities: 10", "Injured: 4"
            q.outcome, q.via = trigger_outcome(trig_pos[q.start - 2]), "left"
            continue
        if _outcome_after(tokens, q, trig_pos, quant_starts):
            continue
        after = q.noun.i - base + 1 if q.noun is not None else q.end
        if after < len(tokens) and tokens[after].lower_ in OTHER_FATES:
            continue  # "23 rebels dead, 12 captured": the twelve have their own fate
        _outcome_before(tokens, q, trig_pos, quants)
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
    _mark_subsets(tokens, quants)
    _mark_breakdowns(tokens, quants)


def _outcome_named_before(tokens: list[Token], q: Figure, trig_pos: dict[int, Token]) -> None:
    """ "The number of worshippers killed ... rose to 21"; "the death of three persons and
    injuries to five others": the words before the figure say what befell them."""
    told = _number_counted(tokens, q, trig_pos)
    if told is not None:
        q.outcome, q.via, q.toll = told, "left", True
    elif q.start > 1 and tokens[q.start - 1].lower_ == "of" and q.start - 2 in trig_pos:
        # the noun before "of" says what befell them, whatever comes after
        q.outcome, q.via = trigger_outcome(trig_pos[q.start - 2]), "left"


def _outcome_after(tokens: list[Token], q: Figure, trig_pos: dict[int, Token],
                   quant_starts: set[int]) -> bool:
    """N ... killed / N dead / N were wounded: a patient-form casualty word within the
    figure's clause after it. Says whether one gave the figure its outcome."""
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
        if pos in trig_pos and is_patient_form(tokens, pos):
            q.outcome, q.via = trigger_outcome(trig_pos[pos]), "right"
            if any(t.lower_ == "among" for t in tokens[q.end:pos]):
                fired("role.part_of_a_toll")
                q.anaphoric = q.recap = True  # "two Britons were among the dead": a part
            break
        if tok.pos_ == "VERB" and tok.lower_ not in PASSIVE_AUX and pos not in trig_pos \
                and tok.tag_ not in ("VBN",):
            break
        pos += 1
    return q.outcome is not None


def _outcome_before(tokens: list[Token], q: Figure, trig_pos: dict[int, Token],
                    quants: list[Figure]) -> None:
    """killing N / killed N people / toll rose to N / injuring N others: an agent-form
    casualty word before the figure in its clause (a death toll reaches further), or a
    figure before it that a coordination joins it to."""
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
            q.outcome, q.via, q.toll = trigger_outcome(trig_pos[pos]), "left", True
            break
        if far and tok.lower_ not in ("toll", "tally"):
            pos -= 1
            continue  # only a death toll reaches that far: "the toll from ... rose to 19"
        if pos in trig_pos and is_agent_form(tokens, pos):
            q.outcome, q.via = trigger_outcome(trig_pos[pos]), "left"
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


def _mark_subsets(tokens: list[Token], quants: list[Figure]) -> None:
    """ "including two policemen and four civilians" after a total: subsets."""
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
            if dep == "nsubjpass" or (dep == "nsubj" and is_patient_form(tokens, head_pos)):
                return trigger_outcome(trigger)
            if dep == "dobj" and is_agent_form(tokens, head_pos):
                return trigger_outcome(trigger)
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


def is_patient_form(tokens: list[Token], pos: int) -> bool:
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
                               or nxt.lower_ in QUALIFYING_WORDS)


def is_agent_form(tokens: list[Token], pos: int) -> bool:
    """Does the casualty word at ``pos`` take the people after it as its object?"""
    w = tokens[pos].lower_
    if w in ("toll", "deaths", "fatalities", "casualties", "injuries", "injury", "dead", "lives",
             "bodies",
             "corpses", "death"):
        return True  # "death toll rose to 12", "dead: 5", "the bodies of 4"
    if w in ("died", "die", "dies", "perished", "hurt"):
        return False
    return not (pos > 0 and tokens[pos - 1].lower_ in PASSIVE_AUX)


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
                    return trigger_outcome(trig_pos[trig])
            return None
    return None


def coordinated_counts(span: Span, quants: list[Figure]) -> None:
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
                     if t.lower_ not in QUALIFYING_WORDS), None)
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


def elided_counts(span: Span, quants: list[Figure]) -> None:
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
