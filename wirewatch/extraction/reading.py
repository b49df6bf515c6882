"""One candidate sentence → one :class:`Mention`: its counts, outcomes, cues, date and
perpetrator, after light rewriting ("all of the soldiers", bracketed acronyms).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Span

from wirewatch import dates
from wirewatch.extraction.context import perpetrator_of, sentence_date
from wirewatch.extraction.figures import find_figures, trigger_outcome
from wirewatch.extraction.lexicon import (
    ATTACK_CLAUSE,
    ATTACKER_NOUNS,
    NEW_EVENT_CUES,
    NOUN_CATEGORY,
)
from wirewatch.extraction.mention import Count, Figure, Mark, Mention
from wirewatch.extraction.outcomes import assign_outcomes, coordinated_counts, elided_counts
from wirewatch.extraction.victims import singular_victims
from wirewatch.quantities import NUMBER_WORDS
from wirewatch.rules import fired, rule, tracing

# the rules this module decides with (wirewatch.rules holds each one's purpose and examples)
NON_EVENT_CUES = rule("currency.non_event")
HYPOTHETICAL = rule("currency.hypothetical")
#: casualty words of something that happened, for a sentence that also speaks of what might
_REAL_CASUALTIES = re.compile(
    r"\b(killed|died|dead|wounded|injured|slain|deaths|fatalities|casualties|toll)\b", re.I)
AFTERMATH_CUES = rule("currency.aftermath")
JUDICIAL_RECALL = rule("currency.judicial_recall")
RECALL_CUES = rule("currency.recalled_time")
ANOTHER_ERA = rule("currency.another_era")
COMMEMORATION = rule("currency.commemoration")
AGGREGATE_CUES = rule("currency.aggregate")
RANKED_EVENT = rule("currency.ranked_event")
EARLIER_CUES = rule("currency.past_perfect")
COMES_AFTER = rule("currency.comes_after")
RUNNING_TOTAL = rule("role.running_total")
OTHER_ACCOUNT = rule("role.other_account")
CLAIMED = rule("role.claimed")
MILITANT_SPOKESMAN = rule("role.militant_spokesman")
UNCONFIRMED = rule("role.unconfirmed")
SPECULATIVE = rule("role.speculative")
INITIAL_REPORT = rule("role.initial_report")
SOLE_VICTIM = rule("role.sole_victim")
BODY_FOUND = rule("role.body_found")
SELF_INFLICTED = rule("role.self_inflicted")
ATTACKER_COUNTED = rule("role.attacker_counted")
IN_ADDITION = rule("role.in_addition")
REVISION_CUES = rule("role.revision")
SAME_PLACE_CUES = rule("role.same_place")
NO_CASUALTY = rule("role.nobody_hurt")
ACCIDENT_CUES = rule("violence.accidental")
DIED_OF_CAUSE = rule("violence.died_of_cause")
VIOLENCE = rule("violence.violent_wording")

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


def looks_like_headline_list(sentence: str) -> bool:
    return bool(_HEADLINE_LIST.search(sentence))


def read_mention(index: int, text: str, span: Span, published: date | None) -> Mention | None:
    """The casualty counts and context of one parsed sentence; None if it reports none.
    The mention lists the rules that decided while it was read."""
    with tracing() as decided:
        mention = _read_mention(index, text, span, published)
    if mention is not None:
        mention.rules = sorted(decided)
    return mention


def _read_mention(index: int, text: str, span: Span, published: date | None) -> Mention | None:
    told, running = _tells_an_event(text)
    if not told:
        return None
    quants = find_figures(span)
    triggers = [t for t in span if trigger_outcome(t)]
    self_inflicted = SELF_INFLICTED.search(text)
    sole = SOLE_VICTIM.search(text) or BODY_FOUND.find(text)
    if not triggers and not self_inflicted and not sole:
        return None
    assign_outcomes(span, quants, triggers)
    singular_victims(span, quants, triggers)
    coordinated_counts(span, quants)
    elided_counts(span, quants)
    read = [(q, q.count()) for q in quants if q.outcome]
    read, initial = _figures_that_stand(read, span, text, running)
    counts = [c for _, c in read]
    if sole and not any(c.outcome == "killed" for c in counts):
        # "Bishop was the only one who died": the whole toll is one; "the body of a trader
        # was found": one dead
        if sole.re is not SOLE_VICTIM.pattern:
            fired(BODY_FOUND.name)
        counts.append(Count(1, "exact", "killed", None, None, Mark.TOLL))
    if self_inflicted and not ATTACKER_COUNTED.search(text) and not (
            self_inflicted.group("blast") and any(c.outcome == "killed" for c in counts)) \
            and not _self_counted(span, quants):
        # "the gunman then shot himself": one more dead. "blew himself up, killing six":
        # the toll given is the toll
        counts.append(Count(1, "exact", "killed", "militants", None,
                            Mark.NEW_GROUP | Mark.WEAK))
    if not counts or all((c.anaphoric or c.subset) and not (c.weak or c.recap) for c in counts):
        return None
    if NO_CASUALTY.search(text) and not any(c.value for c in counts):
        return None
    if DIED_OF_CAUSE.find(text) and VIOLENCE.search(text) is None:
        fired(DIED_OF_CAUSE.name)
        return None  # "six prisoners dead due to coronavirus infection": not violence
    # "more than 80" is a lower bound, not "80 more": a comparative before "than" is no cue
    lowered = {t.lower_ for t in span
               if not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "than")}
    event_date, has_date = sentence_date(span, published, [t.i for t in triggers])
    victim_tokens = {q.noun.i for q in quants if q.noun is not None and q.outcome}
    return Mention(
        index=index, text=text, counts=counts,
        date=event_date, has_date=has_date,
        perpetrator=perpetrator_of(span, triggers, victim_tokens),
        new_event=bool(lowered & NEW_EVENT_CUES) or any(c.new_group for c in counts)
        or bool(IN_ADDITION.match(text)),
        recalled=bool(RECALL_CUES.search(text) or COMMEMORATION.search(text)
                      or JUDICIAL_RECALL.search(text) or ANOTHER_ERA.search(text))
        or (has_date and long_ago(event_date, published)),
        accidental=bool(ACCIDENT_CUES.search(text)),
        revision=bool(REVISION_CUES.search(text) or (initial and any(c.toll for c in counts))),
        same_place=bool(SAME_PLACE_CUES.search(text)),
        earlier=_earlier_event(text),
    )


def _tells_an_event(text: str) -> tuple[bool, re.Match[str] | None]:
    """Does the sentence tell deaths or injuries that happened — not a protest, a plot, a
    court case, a threat, what might happen or a tally of many events? Also its running
    total clause, if any ("taking the total this year to 112")."""
    non_event = NON_EVENT_CUES.find(text)
    # "police arrested two men after a bomb killed five": the arrest follows a real attack
    aftermath = non_event is not None and \
        AFTERMATH_CUES.find(non_event.group(0), at_start=True) and \
        ATTACK_CLAUSE.search(text) and not JUDICIAL_RECALL.search(text)
    if aftermath:
        fired(AFTERMATH_CUES.name)
    if non_event and not aftermath and not re.search(
            r"\b(were|was|have been|had been)\s+(killed|wounded|injured|fatally|shot dead|"
            r"(beaten|stabbed|hacked|burned) to death)", text):
        fired(NON_EVENT_CUES.name)
        return False, None
    hypothetical = HYPOTHETICAL.find(text)
    if hypothetical and not _REAL_CASUALTIES.search(
            text[:hypothetical.start()] + text[hypothetical.end():]):
        fired(HYPOTHETICAL.name)
        return False, None  # "the law could kill bystanders": what might happen, not what did
    running = RUNNING_TOTAL.search(text)
    # a tally over months or years, not a report of one incident (unless only the clause
    # adding this incident's toll to it speaks of the period)
    if AGGREGATE_CUES.search(text[:running.start()] if running else text) and \
            not RANKED_EVENT.search(text):
        return False, running
    return True, running


def _figures_that_stand(read: list[tuple[Figure, Count]], span: Span, text: str,
                        running: re.Match[str] | None
                        ) -> tuple[list[tuple[Figure, Count]], re.Match[str] | None]:
    """The sentence's counts once what it only reports of others is set aside: another
    account or a claim, an unconfirmed figure, a running total, a guess; a first figure
    told with its growth becomes one revised toll. Also the initial-report cue, if any."""
    other_account = OTHER_ACCOUNT.search(text) or CLAIMED.search(text) or \
        MILITANT_SPOKESMAN.search(text)
    if UNCONFIRMED.search(text):
        # "the claim could not be verified": nothing the sentence says is confirmed
        read = _standing_before(read, span, 0)
    elif other_account:
        # "25 were killed, but other sources reported at least 37": the figure before the
        # other account stands; a sentence that is only another account adds nothing
        read = _standing_before(read, span, other_account.start() - span.start_char)
    if running:
        # "two were shot dead, taking the total killed this year to 112": the clause's total
        # spans many incidents; the figures before it are this one's
        read = _standing_before(read, span, running.start())
    speculative = SPECULATIVE.search(text)
    if speculative:
        # "20 were killed; another 19 are feared dead": the clause of the guess adds no
        # one; a sentence that is only a guess counts only when nothing else does
        clause = max(text.rfind(mark, 0, speculative.start()) for mark in (", ", " and ", "; "))
        read = _standing_before(read, span, max(clause, 0))
    initial = INITIAL_REPORT.search(text)
    if initial:
        read = _first_figure_and_more(read)
    return read, initial


def long_ago(event: date | None, published: date | None) -> bool:
    """Is a stated date too long before publication to be news (rule
    ``currency.dated_long_ago``)?"""
    if dates.is_historical(event, published):
        fired("currency.dated_long_ago")
        return True
    return False


def _first_figure_and_more(read: list[tuple[Figure, Count]]) -> list[tuple[Figure, Count]]:
    """ "Police initially reported five dead, but nine more bodies were found": the toll
    told with its growth is one figure, the first report plus the more found since (14),
    the incident's revised toll — not nine more victims of another event."""
    out = list(read)
    for outcome in ("killed", "wounded"):
        mine = [(f, c) for f, c in out if c.outcome == outcome and not c.subset]
        more = [(f, c) for f, c in mine if c.new_group and not c.weak]
        first = [(f, c) for f, c in mine if not c.new_group]
        if not more or len(first) != 1 or first[0][0].start > more[0][0].start:
            continue
        figure, count = first[0]
        total = Count(count.value + sum(c.value for _, c in more), count.qualifier, outcome,
                      count.category, count.country, Mark.TOLL)
        out = [(f, c) for f, c in out if (f, c) not in mine] + [(figure, total)]
    return out


#: "confirmed that a British woman had died", "a doctor said eight were admitted and one
#: had died": the past perfect of reported speech (the reporter's "has died", shifted back),
#: unless a relative or time clause or a year puts an earlier event in between ("said the
#: suspect, who had killed a guard in 2019, ...")
_REPORTED_SPEECH = re.compile(
    r"\b(confirmed|said|says|saying|reported|announced|told \w+|stated|added|learned|learnt|"
    r"believed|feared|understood|knew)\s+(that\s+)?"
    r"((?!(who|whom|whose|which|when|after|before|since|until|once)\b)(?!\d{4}\b)"
    r"[\w'’-]+,?\s+){0,20}$", re.I)


def _standing_before(
    read: list[tuple[Figure, Count]], span: Span, cut: int,
) -> list[tuple[Figure, Count]]:
    """The figures before ``cut`` (characters into the sentence) stand; when none does,
    every figure is kept as a recap: it counts only when nothing else counts the dead."""
    before = [(q, c) for q, c in read if span[q.start].idx - span.start_char < cut]
    return before or [(q, replace(c, marks=c.marks | Mark.RECAP | Mark.ANAPHORIC))
                      for q, c in read]


def _self_counted(span: Span, quants: list[Figure]) -> bool:
    """ "A man burned himself to death": the man is counted already, as the verb's subject."""
    if any(q.outcome == "killed" and q.noun is not None and (
            q.noun.lower_ in ATTACKER_NOUNS or (q.via == "singular" and q.noun.dep_ == "nsubj"))
           for q in quants):
        # "an attacker ... before being shot dead", "a man ... shot dead six shoppers before
        # he was himself killed": the attacker is counted already
        return True
    counted = {span[q.start].i for q in quants if q.outcome == "killed"} | \
        {q.noun.i for q in quants if q.noun is not None and q.outcome == "killed"}
    for token in span:
        if token.lower_ in ("himself", "herself"):
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i in counted:
                return True
    return False


def _earlier_event(text: str) -> bool:
    """Does a past perfect ("had been shot dead") or "comes days after" put the event
    before the one reported?"""
    if COMES_AFTER.search(text):
        return True  # "the attack comes days after a bomb injured three investigators"
    cue = EARLIER_CUES.find(text)
    if cue is None or _REPORTED_SPEECH.search(text[:cue.start()]):
        return False
    fired(EARLIER_CUES.name)
    return True


#: "attempted to assassinate", "a plot to kill": what was meant, not what happened
