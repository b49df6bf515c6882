"""People a sentence counts without a figure: one person named by a noun ("a
policeman was killed"), by a name, by a pronoun, or listed after another victim ("the
mayor, his wife and bodyguard")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirewatch import gazetteer
from wirewatch.extraction.figures import trigger_outcome
from wirewatch.extraction.lexicon import (
    ATTACKER_NOUNS,
    NOUN_CATEGORY,
    PASSIVE_AUX,
    RELATION_CATEGORY,
    RELATION_NOUNS,
    THING_NOUNS,
)
from wirewatch.extraction.mention import Figure, Mark
from wirewatch.extraction.outcomes import is_agent_form, is_patient_form
from wirewatch.rules import fired


def singular_victims(span: Span, quants: list[Figure], triggers: list[Token]) -> None:
    """ "a soldier was killed", "shot dead Russia's ambassador": count one person per
    person noun a casualty word takes (its object, or its subject in the patient form),
    per pronoun and per name."""
    tokens = list(span)
    base = span.start
    taken = {i for q in quants for i in range(q.start, q.end)}
    for trig in triggers:
        pos = trig.i - base
        outcome = trigger_outcome(trig)
        if outcome is None or (trig.dep_ == "amod" and trig.head.lower_ in NOUN_CATEGORY):
            continue  # "the killed ambassador" describes someone; it reports nothing
        candidates: list[tuple[int, Token]] = []
        listed: set[int] = set()  # people of a list after the first victim
        together: set[int] = set()  # "the governor, his aide and his guard": all told anew
        if is_agent_form(tokens, pos) and tokens[pos].lower_ not in ("toll",):
            objects = _objects_after(tokens, trig, pos, base)
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
        if is_patient_form(tokens, pos) and not candidates:
            subjects, tied = _subjects_before(tokens, trig, pos, base)
            candidates.extend(subjects)
            together.update(tied)
        for idx, noun in candidates:
            _count_person(tokens, quants, taken, trig, idx, noun, listed, together)
        for idx in _named_victims(tokens, pos):
            if idx not in taken:
                quants.append(Figure(idx, idx + 1, 1, "exact", None, None, None,
                                     outcome=outcome, via="named"))
                taken.update(range(idx, idx + 3))


def _objects_after(tokens: list[Token], trig: Token, pos: int,
                   base: int) -> list[tuple[int, Token]]:
    """The people an agent-form casualty word takes as its object: "shot dead Russia's
    ambassador", "killed a policeman", "the death of a 40-year-old driver"."""
    after = tokens[pos + 1:]
    if after and after[0].lower_ in ("dead", "down"):
        after = after[1:]
    if after and after[0].lower_ == "of" and trig.lower_ in ("death", "deaths"):
        after = after[1:]  # "the death of a 40-year-old driver"
    return _singular_objects(after, base)


def _subjects_before(tokens: list[Token], trig: Token, pos: int,
                     base: int) -> tuple[list[tuple[int, Token]], set[int]]:
    """The people a patient-form casualty word is about ("a soldier was killed", "a
    policeman died", "the governor, his aide and his guard were killed"), and those of
    them told together as a list (each counted, the first one too)."""
    found: list[tuple[int, Token]] = []
    together: set[int] = set()
    start = pos - 2 if trig.lower_ == "death" and pos > 1 else pos  # "beaten to death"
    for t in reversed(tokens[max(0, start - 6):start]):
        if (t.lower_ in NOUN_CATEGORY or t.lower_ in RELATION_NOUNS) and \
                t.tag_ in ("NN", "NNP"):
            found.append((t.i - base, t))
            # "his wife and son were injured", "a woman and a man suffered injuries",
            # "the governor, his aide and his guard were killed"
            people, tied = _listed_before(tokens, t.i - base)
            found.extend((i, tokens[i]) for i in people)
            if people and tied:
                together.update([t.i - base, *people])
            break
        shared = trig.dep_ == "conj" and trig.head == t  # "was shot and killed"
        if (t.pos_ == "VERB" and t.lower_ not in PASSIVE_AUX and not shared) or \
                t.text in (",", ";"):
            break
    if not found:  # "The driver, a father of two, was killed": the parse's subject
        subject = _passive_subject(trig)
        if subject is not None and subject.lower_ in NOUN_CATEGORY and \
                subject.tag_ in ("NN", "NNP") and base <= subject.i < base + len(tokens):
            found.append((subject.i - base, subject))
    return found, together


def _count_person(tokens: list[Token], quants: list[Figure], taken: set[int], trig: Token,
                  idx: int, noun: Token, listed: set[int], together: set[int]) -> None:
    """Count the person noun at ``idx`` as one victim of ``trig``, unless a figure counts
    them already; a definite one ("the imam") is weak (one, unless a count says more)."""
    outcome = trigger_outcome(trig)
    died_of_wounds = next((q for q in quants if q.start == idx and q.outcome == "wounded"
                           and outcome == "killed" and trig.dep_ == "conj"), None)
    if died_of_wounds is not None:
        died_of_wounds.outcome = "killed"  # "a man hurt by gunfire later died"
        return
    if idx in listed:
        counted = next((q for q in quants if q.noun is not None and q.noun.i == noun.i),
                       None)
        if counted is not None and counted.outcome is None:
            # "killed a judge along with his driver and two guards"
            counted.outcome, counted.via = outcome, "left"
            return
    if idx in taken or _in_counted_phrase(tokens, idx, taken) or \
            _of_a_counted_noun(noun, quants):
        return
    det = _determiner(tokens, idx)
    if det is None and idx in listed and noun.lower_ in RELATION_NOUNS:
        det = "a"  # "... as well as his wife, son and bodyguard"
    if det is None:
        return
    country = None
    for t in tokens[max(0, idx - 4):idx]:
        code = gazetteer.country_code(t.text) if t.text[:1].isupper() else None
        if code:
            country = code
    definite = det == "the" and not _joins_a_count(tokens, idx, quants) and \
        idx not in together
    if idx in together:
        fired("role.listed_victims")
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


def _listed_before(tokens: list[Token], idx: int) -> tuple[list[int], bool]:
    """The people listed before the subject noun at ``idx`` of a patient-form casualty
    word, one each, and whether an item is tied to another by a possessive: "his wife and
    son", "the governor, his aide and his guard". The walk goes left over ", " and "and",
    each item a person noun with its own determiner or a tie after a possessive; anything
    else ends it."""
    found: list[int] = []
    tied = False

    def skip_modifiers(j: int) -> int:
        nonlocal tied
        while j >= 0 and (tokens[j].tag_ == "JJ" or tokens[j].lower_ in _LIST_DETERMINERS
                          or tokens[j].lower_ == "the"):
            tied = tied or tokens[j].lower_ in ("his", "her", "their")
            j -= 1
        return j

    j = skip_modifiers(idx - 1)
    while j >= 1:
        if tokens[j].lower_ == "and":
            j -= 1 + (tokens[j - 1].text == ",")
        elif tokens[j].text == ",":
            j -= 1
        else:
            break
        noun = tokens[j] if j >= 0 else None
        if noun is None or noun.tag_ not in ("NN", "NNP") or not (
                noun.lower_ in NOUN_CATEGORY or noun.lower_ in RELATION_NOUNS):
            break
        found.append(j)
        j = skip_modifiers(j - 1)
    return found, tied


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
    if is_agent_form(tokens, pos) and trigger.pos_ == "VERB":
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
    if is_patient_form(tokens, pos):
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
