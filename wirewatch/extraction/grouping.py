"""Mentions → incidents: which sentences restate, revise or add to an incident already
reported, and which report another one (another date, another place, "other").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from schemas.records import (
    EvidenceRole,
    Incident,
)
from wirewatch import dates, geo
from wirewatch.cleaning import SENTENCE_END
from wirewatch.extraction.mention import Article, Count, Group, Mention
from wirewatch.extraction.reading import without_acronyms
from wirewatch.extraction.tolls import build_incident, is_headline
from wirewatch.quantities import phrase_value
from wirewatch.rules import fired, rule
from wirewatch.violence import EVENT_WORDING, NON_VIOLENT_CAUSES, VIOLENCE

RECALLED_ATTACK = rule("currency.recalled_attack")
RETROSPECTIVE_LEAD = rule("currency.retrospective_lead")
BREAKDOWN = rule("role.breakdown_of_toll")

# --------------------------------------------------------------------------- incidents


def build_incidents(
    article: Article, mentions: list[Mention], all_sentences: Sequence[str],
    published: date | None,
) -> list[Incident]:
    """Group mentions into incidents and build their records."""
    background = _background_years(mentions, published, all_sentences)
    if published is None:
        _recall_by_the_texts_own_dates(article, mentions, all_sentences, background)
    _date_days_before_the_lead(mentions, published)
    for mention in mentions[1:]:
        if RECALLED_ATTACK.search(mention.text):
            mention.recalled = True  # background to the event the article leads with
    if mentions and _retrospective(mentions[0], all_sentences):
        # a story about an anniversary or a verdict: the attack it tells of is the past,
        # unless a sentence dates a new one ("a bomb exploded at the vigil on Friday"; the
        # day of the verdict itself dates no attack)
        for mention in mentions:
            if not mention.has_date or RETROSPECTIVE_LEAD.search(mention.text):
                mention.recalled = True
    if mentions and _opens_on_a_dated_past_attack(mentions[0], published):
        # a story that opens on a dated past attack goes on telling of it: what it adds
        # without a date of its own ("a second blast killed 11") is the same past
        for mention in mentions[1:]:
            if not mention.has_date:
                mention.recalled = True
    recalled = {m.index for m in mentions if m.recalled}
    if _a_disaster_story([s for i, s in enumerate(all_sentences) if i not in recalled]):
        return []
    names = geo.parse([without_acronyms(s) for s in all_sentences])
    named = {t.sentence for t in names if t.names_a_place}
    for mention in mentions:
        if mention.index in named:
            mention.place = geo.locate(names, {mention.index})
    groups: list[Group] = []
    for mention in mentions:
        target = _same_incident(groups, mention, published)
        if target is None:
            groups.append(Group([mention]))
        else:
            target.mentions.append(mention)
    used = {m.index for m in mentions}
    incidents = _records(article, groups, all_sentences, names, used, published)
    first = _first_full_sentence(all_sentences)
    titles = [m for m in mentions if m.index < first]
    lead = [m for m in mentions if m.index == first]
    # "42 killed in attacks on villages" over a body telling of 17 dead at the weekend and
    # 25 on Wednesday: the title sums the story's incidents, it is none of its own; so may
    # the lead ("bombings across the city killed 19"), over two or more told one by one
    for summary, least in ((titles, 1), (titles + lead, 2)):
        if not any(m.total("killed")[0] for m in summary) or len(summary) == len(mentions) \
                or len(groups) < least:
            continue  # no figure to sum, nothing else to sum, or too few incidents
        parts = [Group([m for m in g.mentions if m not in summary],
                        titled={m.index for m in g.mentions if m in summary}) for g in groups]
        body = _records(article, [g for g in parts if g.mentions], all_sentences, names,
                        used, published)
        if sum(not i.historical for i in body) >= least and \
                any(_sums(m, body) for m in summary):
            return _with_summaries(body, summary, published)
    return incidents


def _first_full_sentence(all_sentences: Sequence[str]) -> int:
    """The index of the story's first full sentence (after its title lines)."""
    return next((i for i, s in enumerate(all_sentences) if SENTENCE_END.search(s)), 0)


def _sums(title: Mention, incidents: list[Incident]) -> bool:
    """Are a title's figures the sum of the current incidents' tolls?"""
    current = [i for i in incidents if not i.historical]
    killed, wounded = title.total("killed")[0], title.total("wounded")[0]
    return bool(current) and killed > 0 and killed == sum(i.killed for i in current) and \
        wounded in (0, sum(i.wounded for i in current))


def _with_summaries(incidents: list[Incident], summary: list[Mention],
                    published: date | None) -> list[Incident]:
    """The body's incidents, the largest keeping the summing sentences as evidence of their
    role; an incident the body does not date takes the summary's date ("bombings killed 19
    on Thursday")."""
    dated = next((m.date for m in summary if m.has_date and m.date), None)
    if dated is not None:
        for incident in incidents:
            if incident.date_inferred:
                incident.date, incident.date_inferred = dated.isoformat(), False
                incident.historical = incident.historical or \
                    dates.is_historical(dated, published)
    largest = max((i for i in incidents if not i.historical), key=lambda i: i.killed)
    for m in reversed(summary):
        largest.roles.insert(0, EvidenceRole(
            m.text, "restatement", m.total("killed")[0], m.total("wounded")[0],
            "a title or lead summing the incidents the story tells, not added"))
        largest.evidence.insert(0, m.text)
    return incidents


def _records(article: Article, groups: list[Group], all_sentences: Sequence[str],
             names: list[geo.Toponym], used: set[int], published: date | None,
             ) -> list[Incident]:
    """The incident record of each group, with the sentence that says what happened."""
    incidents = []
    previous: geo.Located | None = None
    for group in groups:
        context: int | None = None
        if not any(m.recalled for m in group.mentions):  # a recalled event has no lede
            context = _event_context(all_sentences, min(m.index for m in group.mentions), used)
        if context is None and len(groups) == 1:
            # "... left at least four dead. Fighting between rival gangs caused it.":
            # in a one-incident text, what happened may come after the toll
            context = _event_context(all_sentences, max(m.index for m in group.mentions),
                                     used, step=1)
            group.context_after = context is not None
        group.context = all_sentences[context] if context is not None else None
        if group.mentions[0].same_place and previous is not None:
            located: geo.Located | None = previous  # "in the same area"
        else:
            # the sentence saying what happened often says where, too
            own = {m.index for m in group.mentions} | group.titled
            located = geo.locate(names, own | ({context} if context is not None else set()))
        incident = build_incident(article, group, located, published)
        if incident is None:
            continue
        previous = located
        incidents.append(incident)
    return incidents


def _event_context(all_sentences: Sequence[str], first: int, used: set[int],
                   step: int = -1) -> int | None:
    """The sentence right before an incident's first mention (or, with ``step=1``, right
    after its last) when it says what happened; its index.

    "Militias clashed near the village. Two people were killed.": the clash is in the
    first sentence, the toll in the second; both are the incident's evidence. A sentence
    about another event ("Separately, bandits abducted 12 travellers") is none.
    """
    for index in range(first + step, first + 4 * step, step):
        if index < 0 or index >= len(all_sentences) or index in used:
            return None
        sentence = all_sentences[index]
        if len(sentence) > 600 or _ELSEWHERE.search(sentence):
            return None
        if EVENT_WORDING.search(sentence):
            return index
    return None


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
#: a calendar date without a year: "October 14", "Oct. 14", "14 October"
_CALENDAR = re.compile(
    rf"\b{dates.MONTH} \d{{1,2}}(st|nd|rd|th)?\b|\b\d{{1,2}}(st|nd|rd|th)? {dates.MONTH}", re.I)
#: a later sentence's event named by its calendar date this long before the lead's is
#: an earlier event the story recalls
_EARLIER_BY_CALENDAR_DAYS = 7


_DAYS_AFTER = re.compile(
    r"\b(a|one|two|three|four|five|six|\d) days? after\b[^.;]{0,80}?\b(killed|killing|left|"
    r"died|dead|wounded|wounding|injured|injuring)\b", re.I)


def _date_days_before_the_lead(mentions: list[Mention], published: date | None) -> None:
    """ "The strike came a day after helicopters killed 30 people": a later sentence
    whose figure belongs to an attack a day or a few before the lead's, dated so."""
    if not mentions:
        return
    lead = mentions[0]
    reference = lead.date if lead.has_date else published
    if reference is None:
        return
    for mention in mentions[1:]:
        after = _DAYS_AFTER.search(mention.text)
        if after is None or mention.has_date:
            continue
        word = after.group(1).lower()
        days = int(word) if word.isdigit() else phrase_value([word]) or 1  # "a day after"
        mention.date, mention.has_date = reference - timedelta(days=days), True
        mention.new_event = True


def _a_disaster_story(all_sentences: Sequence[str]) -> bool:
    """Is the only cause of death the story gives a disaster or an accident ("a fire tore
    through a factory ... 52 bodies have been recovered"), with no word of violence
    anywhere in it (but in the attacks it recalls)?"""
    if any(NON_VIOLENT_CAUSES.search(s) for s in all_sentences) and \
            not any(VIOLENCE.search(s) for s in all_sentences):
        fired("violence.non_violent_cause")
        return True
    return False


def _opens_on_a_dated_past_attack(lead: Mention, published: date | None) -> bool:
    """Is the first casualty sentence about an attack dated years before publication
    ("The August 7, 1998, bomb attack ...", "In 1994, militias ...", "the 1985 bombing")?
    A cue word alone ("years ago") or a recent year ("the worst since 2024") is not
    enough."""
    if not lead.recalled or published is None:
        return False
    if lead.has_date and lead.date is not None and dates.is_historical(lead.date, published):
        return _YEAR.search(lead.text) is not None
    years = [int(y) for y in _EVENT_YEAR.findall(lead.text)]
    return any(year < published.year - 1 for year in years)


_EVENT_YEAR = re.compile(r"\b(?:in|the|a|an|of) ((?:19|20)\d\d)\b", re.I)


def _retrospective(lead: Mention, all_sentences: Sequence[str]) -> bool:
    """Does the text say it remembers, judges or reprints, before its first casualty
    figure (in a headline or lead, not in an aftermath after the attack)?"""
    before = " ".join(all_sentences[:lead.index])
    cue = RETROSPECTIVE_LEAD.find(f"{before} {lead.text}")
    if cue is None:
        return False
    figure = _CASUALTY_WORD.search(lead.text)
    if cue.start() < len(before) + 1 + (figure.start() if figure else len(lead.text)):
        fired(RETROSPECTIVE_LEAD.name)
        return True
    return False


_CASUALTY_WORD = re.compile(r"\b(kill\w*|dead|died|deaths?|wound\w*|injur\w*|hurt)\b", re.I)


def _background_years(
    mentions: list[Mention], published: date | None, all_sentences: Sequence[str],
) -> set[int]:
    """The mentions (their sentence indexes) that are background by their own dates.

    A news text leads with its event. A later sentence with a year of its own, dated more
    than the historical window away from the lead (or, for an undated lead, from the
    publication date; or at all, in a text with neither) tells another story ("In March
    2009, gunmen stormed a market ..."): it is recalled, not reported. So is the first
    casualty sentence of an undated text that opens on another, undated event ("Rebels
    set fire to a depot. In March 2009, gunmen ... killed 14"), and a later sentence
    naming by its calendar date a day more than a week before the lead's ("On October 14,
    24 people were killed ...").
    """
    if not mentions:
        return set()
    lead = mentions[0]
    reference = lead.date if lead.has_date else published
    window = dates.HISTORICAL_AFTER_DAYS
    opening = all_sentences[0] if all_sentences else ""
    # the first casualty sentence of an undated text that opens on something else, with
    # no year named, is not the lead when it names a year of its own. (A summary with a
    # dateline may tell of later outcomes, "the hostage was killed on 14 January 2015":
    # those stay.)
    doubtful_lead = lead.index > 0 and published is None and not _YEAR.search(opening)
    background = set()
    for mention in mentions if doubtful_lead else mentions[1:]:
        if not mention.has_date or mention.date is None:
            continue
        if _YEAR.search(mention.text):
            away = mention is lead or reference is None or \
                abs((mention.date - reference).days) > window
        else:
            # "On October 14, 24 people were killed ...", weeks before the lead's event
            away = reference is not None and _CALENDAR.search(mention.text) is not None \
                and (reference - mention.date).days > _EARLIER_BY_CALENDAR_DAYS
        if away:
            background.add(mention.index)
            mention.recalled = True
    return background


def _recall_by_the_texts_own_dates(
    article: Article, mentions: list[Mention], all_sentences: Sequence[str],
    background: set[int],
) -> None:
    """With no publication date, the text's own latest date (of an incident, or the first
    day of the latest year it names outside the background) stands in for it, so that a
    lead recalling an attack years before a later-dated text is still the past."""
    text = " ".join(s for i, s in enumerate(all_sentences) if i not in background) \
        if background else article.text
    years = [int(y) for y in _YEAR.findall(text)]
    known = [m.date for m in mentions
             if m.has_date and m.date and m.index not in background]
    if years:
        known.append(date(max(years), 1, 1))
    latest = max(known, default=None)
    for mention in mentions:
        if mention.has_date and dates.is_historical(mention.date, latest):
            mention.recalled = True


def _same_incident(groups: list[Group], mention: Mention,
                   published: date | None = None) -> Group | None:
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
    told_again = _toll_told_again(groups, mention)
    if told_again is not None:
        return told_again
    for group in reversed(groups):
        first = group.mentions[0]
        if mention.recalled != first.recalled or first.earlier:
            continue
        if _a_breakdown_of(mention, group):
            return group  # "one US citizen was killed and a Briton was among the dead"
        group_date = next((m.date for m in group.mentions if m.has_date), None)
        # "the toll rose to 12 on Friday": the day of an update is not the event's
        update = mention.revision and any(c.toll for c in mention.counts)
        other_date = mention.has_date and group_date is not None and \
            mention.date != group_date and not update
        if group_date is None and not update and _days_before(mention, published) >= 2 and \
                _other_figures(mention, group):
            # an undated lead tells the latest news; "on Saturday, seven were killed" in a
            # Wednesday story, with other figures, is an earlier incident (a headline is
            # undated by nature: the body's date is its event's)
            other_date = True
        if mention.new_event and not other_date and _restates(mention, group):
            # "2 killed, 10 hurt in bus attack" ... "Two people were killed and 10 others were
            # injured": the same figures told again, whatever "others" says
            return group
        if mention.new_event and not any(c.toll for c in mention.counts):
            # "five other soldiers were killed in Al Bab on Thursday": a new incident;
            # "the shooter was also killed": one more dead in this one
            only_weak = all(c.weak for c in mention.counts if not c.subset)
            if other_date or _other_place(mention, group) or _ELSEWHERE.search(mention.text) or (
                    not only_weak and not _other_outcome(mention, group)
                    and (mention.has_date or mention.place is not None)) or \
                    _other_hands(mention, group):
                continue
            mention.additive = True
            return group
        if other_date or _other_place(mention, group):
            continue
        if _other_victims(mention, group):
            mention.additive = True  # "a businessman was killed ... forces killed six rebels"
        return group
    return None


def _a_breakdown_of(mention: Mention, group: Group) -> bool:
    """Does the mention say who some of the incident's dead or hurt were ("among the dead
    were eight officers"), within the toll the incident already has?"""
    if not BREAKDOWN.find(mention.text):
        return False
    for outcome in ("killed", "wounded"):
        told = mention.total(outcome)[0] or mention.weak_total(outcome)
        toll = max(m.total(outcome)[0] for m in group.mentions)
        if told > toll or (told and not toll):
            return False
    fired(BREAKDOWN.name)
    return True


def _other_figures(mention: Mention, group: Group) -> bool:
    """Does the mention give another death toll than an undated lead that is not just a
    headline?"""
    lead = [m for m in group.mentions if not m.additive and not is_headline(m)]
    if not lead or _restates(mention, group):
        return False
    killed = mention.total("killed")[0]
    return bool(killed) and killed != max(m.total("killed")[0] for m in lead)


def _days_before(mention: Mention, published: date | None) -> int:
    """How many days before publication the mention dates its event (0 when undated)."""
    if not mention.has_date or mention.date is None or published is None:
        return 0
    return (published - mention.date).days


def _toll_told_again(groups: list[Group], mention: Mention) -> Group | None:
    """ "Police initially reported five dead, but nine more bodies were found": a revised
    toll equal to an earlier incident's toll retells that incident, even after a paragraph
    about another event."""
    figures = {(c.outcome, c.value) for c in mention.counts if c.toll}
    if not mention.revision or not figures:
        return None
    for group in reversed(groups):
        base = [m for m in group.mentions if not m.additive]
        tolls = {(o, max(m.total(o)[0] for m in base)) for o in ("killed", "wounded")}
        if figures <= tolls and not mention.recalled and not group.mentions[0].recalled \
                and not _other_place(mention, group):
            return group
    return None


def _other_outcome(mention: Mention, group: Group) -> bool:
    """ "Twelve were killed ... another 30 were wounded": the "other" people are the
    wounded beside the dead (an outcome the incident has no figure for yet), not a new
    group of victims."""
    if _ELSEWHERE.search(mention.text):
        return False  # "in a separate attack", "elsewhere": another incident after all
    fresh = {c.outcome for c in mention.counts if not c.subset and c.value}
    known = {c.outcome for m in group.mentions for c in m.counts if c.value}
    return bool(fresh) and not fresh & known


_ELSEWHERE = re.compile(r"\b(separate(ly)?|elsewhere|meanwhile|in another)\b", re.I)


#: words that make a sentence about more victims even when its figures equal the toll's
_MORE_VICTIMS = {"another", "more", "further", "separate", "separately", "also",
                 "additional", "elsewhere", "meanwhile"}


_BESIDE_THE_DEAD = {"more", "another", "other", "others"}


def _restates(mention: Mention, group: Group) -> bool:
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
    if all(figures):
        # "nine were killed and 30 more were wounded": "more" sets the hurt beside the
        # dead, it does not add victims to the toll
        words -= _BESIDE_THE_DEAD
    # "Jets kill 13 at wedding" ... "killing 13 people and wounding dozens more": the
    # same dead, and the wounded the headline left out
    same = figures == toll or (toll[1] == 0 and figures[0] == toll[0] >= 2)
    return same and not words & _MORE_VICTIMS


def _other_victims(mention: Mention, group: Group) -> bool:
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


def _other_hands(mention: Mention, group: Group) -> bool:
    """Does a mention of more victims ("four constables were also shot dead") name another
    perpetrator than the incident's (a raid by one group after an ambush by another)?
    Other hands make another incident."""
    if mention.perpetrator is None:
        return False
    theirs = _actor_words(mention.perpetrator.name)
    for known in (m.perpetrator for m in group.mentions if m.perpetrator is not None):
        ours = _actor_words(known.name)
        if theirs and ours and not theirs & ours:
            fired("role.other_hands")
            return True
    return False


#: words that name no one in particular in a perpetrator's name
_GENERIC_ACTOR_WORDS = frozenset({
    "the", "a", "an", "of", "group", "groups", "guerrilla", "guerrillas", "rebel", "rebels",
    "militant", "militants", "gunmen", "gunman", "forces", "force", "army", "police",
    "smaller", "larger", "country", "country's", "s", "suspected", "armed", "men",
    "fighters", "insurgents", "attackers", "unknown", "unidentified", "marxist", "led"})


def _actor_words(name: str) -> set[str]:
    """The words of a perpetrator's name that tell one group from another."""
    return {w for w in re.findall(r"[\w']+", name.lower()) if w not in _GENERIC_ACTOR_WORDS}


def _other_place(mention: Mention, group: Group) -> bool:
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


