"""When and by whom: the event date a sentence gives, and the perpetrator it names.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from schemas.records import (
    Actor,
)
from wirewatch import dates, gazetteer
from wirewatch.extraction.lexicon import (
    FORCE_NOUNS,
    NOT_ACTORS,
    SAY_VERBS,
    STRIKE_NOUNS,
    WEAPON_NOUNS,
)

# --------------------------------------------------------------------------- context


_DAY_WORDS = re.compile(r"\b(yesterday|today|tonight|last night|(Mon|Tues|Wednes|Thurs|Fri|"
                        r"Satur|Sun)day|(over|at|during) the weekend|(this|last) weekend|"
                        r"last week|a week ago)\b",
                        re.I)


def sentence_date(span: Span, published: date | None,
                  anchors: list[int]) -> tuple[date | None, bool]:
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


#: "an attack by X", "an ambush carried out by X": X did it
_ATTACK_BY = re.compile(
    r"\b(?:attack|ambush|raid|assault|bombing|offensive|strike)s?\s+(?:carried out\s+|"
    r"launched\s+|claimed\s+)?by\s+([\w'’-]+(?:\s+[\w'’-]+){0,7})")
#: where the name of a group ends in "an attack by X in Y ..."
_ACTOR_PHRASE_ENDS = frozenset({"in", "on", "at", "near", "who", "which", "that", "as",
                                "after", "when", "during", "and", "against", "outside"})


def perpetrator_of(span: Span, triggers: list[Token], victims: set[int]) -> Actor | None:
    text = span.text
    # "in clashes with ISIL militants", "fighting with rebels"
    m = re.search(r"\b(?:clash(?:es|ed)?|fighting|battles?|firefights?|gunfights?)\s+with\s+"
                  r"((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,3})", text)
    if m:
        return _actor(m.group(1))
    # "during a raid by the Eastern Brigade", "an ambush carried out by a rival faction"
    m = _ATTACK_BY.search(text)
    if m:
        words = m.group(1).split()
        cut = next((i for i, w in enumerate(words) if w.lower() in _ACTOR_PHRASE_ENDS),
                   len(words))
        name = re.sub(r"^(the|a|an)\s+", "", " ".join(words[:cut]), flags=re.I)
        if name and name.split()[-1].lower() not in NOT_ACTORS:
            return _actor(name)
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



