"""An incident's record from its mentions: the toll resolved from each sentence's role
(toll, update, restatement, part, additional, context, past, competing), victims,
place, date and flags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from schemas.records import (
    EvidenceRole,
    Incident,
    Location,
    MentionRole,
    Victim,
)
from wirewatch import geo
from wirewatch.cleaning import SENTENCE_END
from wirewatch.extraction.mention import Article, Count, Group, Mention
from wirewatch.extraction.reading import long_ago
from wirewatch.quantities import phrase_value
from wirewatch.rules import fired, rule
from wirewatch.text import stable_id
from wirewatch.violence import EVENT_WORDING, NON_VIOLENT_CAUSES, VIOLENCE

ATTACKER_COUNTED = rule("role.attacker_counted")
ANOTHER_ERA = rule("currency.another_era")
ATTACKERS_BESIDES = rule("role.attackers_besides")
OTHER_ACCOUNT = rule("role.other_account")
#: its pattern is the words of an act that kills or hurts; a toll told without any is a
#: natural death
NATURAL_DEATH = rule("violence.natural_death")
#: "the only one who died": an event others lived through, not an obituary
SOLE_VICTIM = rule("role.sole_victim")


def build_incident(
    article: Article, group: Group, located: geo.Located | None, published: date | None,
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
    killed = _with_extra(killed, "killed", base, sum(
        _added(m, "killed", base) + _attackers_besides(m.text) for m in extra))
    wounded = _with_extra(wounded, "wounded", base, sum(
        _added(m, "wounded", base) for m in extra))
    if killed == 0:
        killed = max(m.weak_total("killed") for m in mentions)
    if wounded == 0:
        wounded = max(m.weak_total("wounded") for m in mentions)
    if killed == 0 and wounded == 0:
        return None
    said = " ".join(m.text for m in mentions) + " " + (group.context or "")
    if NON_VIOLENT_CAUSES.search(said):
        if not VIOLENCE.search(said):
            fired("violence.non_violent_cause")
            return None  # a road accident, a flood: not an incident of political violence
        fired("violence.violent_wording")  # "gunmen set fire to the market": caused
    if not NATURAL_DEATH.find(said) and not VIOLENCE.search(said) and \
            not EVENT_WORDING.search(said) and not SOLE_VICTIM.find(said):
        fired(NATURAL_DEATH.name)
        return None  # "a veteran of the war has died": only "died", and no act of violence
    if killed == 0:
        # "a suicide bomber detonated ..., wounding 12": with no toll given, the bombers'
        # own deaths are the toll
        killed = _suicide_bombers(said)
    event_date = next((m.date for m in mentions if m.has_date), None)
    inferred = event_date is None and published is not None
    if event_date is None:
        event_date = published
    # the sentence before the toll saying what happened may place it in the past itself
    # ("Troops crossed the river at dawn on the opening day of the Battle of the Marne")
    historical = any(m.recalled for m in mentions) or long_ago(event_date, published) or \
        (group.context is not None and not group.context_after
         and ANOTHER_ERA.search(group.context) is not None)
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
        date_inferred=inferred,
        accidental=any(m.accidental for m in mentions), historical=historical,
        evidence=evidence, article_ids=[article.id], roles=roles,
    )


def _added(mention: Mention, outcome: str, base: list[Mention]) -> int:
    """What a sentence adding victims ("three guards were also killed") adds to the
    toll: its figure, less the groups a stated breakdown already counted ("20 attackers
    and three guards were killed ... three guards were also killed" adds nobody)."""
    broken_down = {(c.value, c.category) for m in base for c in _breakdown(m, outcome)}
    restated = sum(c.value for c in mention.counts
                   if c.outcome == outcome and not c.subset and not c.anaphoric
                   and (c.value, c.category) in broken_down)
    return max(mention.total(outcome)[0] - restated, 0) if restated else \
        max(mention.total(outcome)[0], mention.weak_total(outcome))


def _breakdown(mention: Mention, outcome: str) -> list[Count]:
    """The groups of a toll given group by group ("20 attackers and three guards"): two or
    more counts of one outcome, each of a named category."""
    groups = [c for c in mention.counts
              if c.outcome == outcome and not c.subset and not c.anaphoric]
    if len(groups) < 2 or any(c.category in (None, "people") for c in groups):
        return []
    return groups


def _with_extra(toll: int, outcome: str, base: list[Mention], extra: int) -> int:
    """The toll with the victims later sentences add ("the gunman was also killed"),
    unless the toll already counts them: a headline's "13 killed" over a body's "killed
    12 people ... the gunman was also killed" is the whole toll."""
    if not extra or toll < extra:
        return toll + extra
    giving = [m for m in base if m.total(outcome)[0] == toll]
    rest = [m for m in base if m not in giving]
    if toll > extra and any(m.total(outcome)[0] == toll - extra for m in base):
        return toll
    if toll == extra and rest and all(is_headline(m) for m in giving):
        # "7 killed, 2 wounded" over a body whose only wounded are "also wounded two"
        return toll
    return toll + extra


def is_headline(mention: Mention) -> bool:
    """A title line: the article's first or second line, with no full stop at its end."""
    return mention.index <= 1 and not SENTENCE_END.search(mention.text)


def toll_roles(group: Group, base: list[Mention], extra: list[Mention]) -> list[EvidenceRole]:
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
        roles.append(EvidenceRole(m.text, role, killed, wounded, why, list(m.rules)))
    if group.context is not None:
        at = len(roles) if group.context_after else 0
        roles.insert(at, EvidenceRole(group.context, "context", 0, 0,
                                      "says what happened; gives no figure"))
    return roles


_SUICIDE_BOMBING = re.compile(
    r"\b(?:(?P<count>an?|one|two|three|four|twin|\d+)\s+)?(?:[\w-]+\s+){0,2}?suicide[- ]"
    r"(?:car[- ]|truck[- ]|motorcycle[- ])?bombers?\b[^.]*?\b(detonat\w*|blew|exploded|"
    r"set off|struck|rammed)\b", re.I)
_SUICIDE_FAILED = re.compile(
    r"\b(failed to (detonate|explode)|before (he|she|they) could|would-be|foiled|arrested|"
    r"captured|detained|defused|survived)\b", re.I)


def _attackers_besides(text: str) -> int:
    """How many attackers "in addition to the bomber(s)" adds to the sentence's dead."""
    besides = ATTACKERS_BESIDES.search(text)
    if besides is None:
        return 0
    number = besides.group("n") or besides.group("n2")
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
