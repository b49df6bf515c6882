"""Currency rules: is a sentence news of the last days, or does it recall, tally or
merely mention deaths? (A recalled or tallied figure is never a current incident.)"""

from __future__ import annotations

import re

from wirewatch.quantities import NUMBER_WORDS
from wirewatch.rules import Rule

_ATTACK_NOUNS = (r"(attacks?|bombings?|blasts?|explosions?|raids?|ambush(es)?|shootings?|"
                 r"strikes?|airstrikes?|massacres?|assaults?|incidents?)\b")

_RECALL_CUES = re.compile(
    r"\b(recalled|anniversary|centenary|years? ago|last year|in (1[6-9]|20)\d\d\b|"
    r"since (1[6-9]|20)\d\d|"
    # a time well before the story's: "killed in an air strike last month", "months ago",
    # "ten years after the massacre"
    r"last month|(weeks|months) ago|(years|decades|a decade|a year) after|"
    # an attack compared with the one reported: "a similar bombing", "the last such raid"
    r"(a|an|the) (similar|previous|prior) ([\w-]+ ){0,2}?" + _ATTACK_NOUNS + r"|"
    r"(the )?last such " + _ATTACK_NOUNS + r"|"
    # "killed in earlier clashes", "in previous attacks on the base"
    r"\b(in|during) (earlier|previous|prior|past) (\w+ )?(clashes|fighting|battles|"
    r"violence|operations|" + _ATTACK_NOUNS + r")|"
    # an attack named by its year: "the 1985 bombing", "a 2009 attack on the hotel"
    r"\b(the|a|an) (1[6-9]|20)\d\d ([\w'’-]+ ){0,2}?(" + _ATTACK_NOUNS +
    r"|fires?\b|floods?\b|disasters?\b|war\b|battles?\b|riots?\b|uprising\b))", re.I,
)
RECALLED_TIME = Rule(
    name='currency.recalled_time',
    decides='currency',
    purpose=(
        "a sentence that places its deaths well before the story (a year named, 'last "
        "month', 'years ago', a similar earlier attack) recalls them"
    ),
    pattern=_RECALL_CUES,
    examples=(
        'Two guards were killed in a similar raid on the depot last month.',
        'A car bomb killed 12 shoppers at the same market in 2019, police recalled.',
        'Militants killed eight teachers at the school years ago, and it never reopened.',
        'An 1887 fire in the pit killed 64 miners and two rescuers.',
    ),
    counter_examples=(
        'A car bomb killed 12 shoppers at a market in Kano on Tuesday, police said.',
    ),
)

#: "a vigil for the 51 worshippers killed", "to commemorate the 22 people killed": the dead
#: a commemoration honours were counted when they died (an attack *during* a memorial
#: ceremony is a new event: its count is not "the N" after the commemoration)
_COMMEMORATION = re.compile(
    r"\b(memorial|commemorat\w*|vigil|wreaths?|remembrance|tribute|honou?r(ed|ing)?|"
    r"remember(ed|ing)?|in memory)\b[^.;]{0,40}?\b(the|its|their)\s+(\d[\d,]*|" +
    NUMBER_WORDS + r")\b|"
    # mourning people killed: "the funeral on Tuesday of three soldiers killed in ...",
    # "relatives buried the eight miners", "laid to rest the two guards"
    r"\bfunerals?\b[^.;]{0,30}?\b(of|for)\s+(the\s+|its\s+|their\s+)?(\d[\d,]*|" +
    NUMBER_WORDS + r")\b|"
    r"\b(buried|bury|burying|laid to rest|mourned|mourning)\s+(\w+\s+){0,2}?(the|its|their)\s+"
    r"(\d[\d,]*|" + NUMBER_WORDS + r")\b", re.I)
COMMEMORATION = Rule(
    name='currency.commemoration',
    decides='currency',
    purpose=(
        'a vigil, memorial, funeral or burial of people killed recalls deaths counted '
        'when they happened'
    ),
    pattern=_COMMEMORATION,
    examples=(
        'Hundreds attended a vigil for the 14 miners killed in the ambush.',
        'Relatives buried the six soldiers killed in the raid on Sunday.',
        'The funeral of three policemen killed in the attack was held in Gao.',
    ),
    counter_examples=(
        'Gunmen opened fire on mourners at a cemetery in Jos, killing five people.',
    ),
)

#: "jailed for life over a bombing in which 44 people were killed": a court speaks of an
#: attack reported when it happened
_JUDICIAL_RECALL = re.compile(
    r"\b(trial|tried|sentenced|sentencing|convicted|jailed|verdict|acquitted|court|jury|"
    r"guilty|prosecutors?|inquest|inquiry|hearing|testif\w+)\b[^.]*\b(in which|which|that|who)\b"
    r"[^.]{0,40}\b(killed|died|dead|wounded|injured)\b|"
    # "an inquest into the deaths of 22 people", "survivors of the attack, which killed 86,
    # testified in court"
    r"\b(inquest|inquiry|hearing|investigation) (into|on) the (deaths?|killings?|murders?)\b|"
    r"\b(in which|which|that)\b[^.]{0,60}\b(killed|died)\b[^.]*\b(testif\w+|in court|"
    r"on trial|inquest|hearing)\b|"
    # charges: "faced one count of murder and two counts of malicious wounding"
    r"\bcounts? of (first|second|third)?[- ]?(degree )?(murder|manslaughter|malicious wounding|"
    r"attempted murder|homicide)\b", re.I)
JUDICIAL_RECALL = Rule(
    name='currency.judicial_recall',
    decides='currency',
    purpose=(
        'a trial, verdict, inquest or hearing about an attack recalls its deaths'
    ),
    pattern=_JUDICIAL_RECALL,
    examples=(
        'A court in Lyon jailed two men over a bombing in which 11 people were killed.',
        'An inquest into the deaths of three guards shot at the mine opened on Monday.',
        'Survivors of the siege, which killed 19 hostages, testified in court on Friday.',
        'A jury found the driver guilty over a shooting that left two teenagers dead.',
        'He faced one count of murder after a shooting that left a shopkeeper dead.',
    ),
    counter_examples=(
        'Police said the bombing, in which 11 people were killed, happened at dawn.',
    ),
)

#: a story that is about remembering or judging an attack (or a reprint of an old one),
#: said before its first casualty figure: "Kenya marks 20 years since ...", "... a decade
#: on", "Court jails three men over ...", "From the archive, ..."
_RETROSPECTIVE_LEAD = re.compile(
    r"\b(anniversary|centenary|centennial|bicentenary|commemorat\w*|"
    r"marks? (\w+ ){0,2}years? since|(years|a decade) on\b|reburi\w*|exhum\w*|"
    r"remember(s|ed|ing)? (the )?(victims|dead|attack|bombing|massacre|siege)|"
    r"(jail(s|ed)|sentence[sd]|convict(s|ed)|acquit(s|ted)|verdict|jury|"
    r"(found|pleads?|pleaded) (not )?guilty)\b|"
    # a reprint: "From the archive, 18 May 1985", "Originally published in 1985"
    r"from the archives?\b|(originally|first) (published|printed|appeared))", re.I)
RETROSPECTIVE_LEAD = Rule(
    name='currency.retrospective_lead',
    decides='currency',
    purpose=(
        'a story about remembering or judging an attack (anniversary, verdict, reprint), '
        'said before its first figure, tells no current incident'
    ),
    pattern=_RETROSPECTIVE_LEAD,
    examples=(
        'The town marks ten years since the hotel siege. Gunmen killed 31 guests there.',
        'A judge jailed three men for life on Monday. Their attack on a bus killed nine '
        'passengers near the border.',
        'Villagers gathered for the centenary of the battle. About 900 soldiers died '
        'there in a single afternoon.',
        'A jury found the gunman guilty on Tuesday. He killed four worshippers at the temple.',
        'The remains were reburied on Saturday. Soldiers shot dead 40 men in the valley.',
    ),
    counter_examples=(
        'Gunmen killed nine passengers on a bus near the border on Monday.',
    ),
)

#: "... following the attack on a school that killed 140": a later sentence naming an earlier
#: attack by its toll, as background to the one reported ("a day after ..." is no recall)
_RECALLED_ATTACK = re.compile(
    r"\b(after|following|since|in the wake of) (the|last \w+'s) ([\w'’-]+ ){0,8}?"
    r"(attacks?|bombings?|massacres?|raids?|siege|strikes?|airstrikes?|assaults?|blasts?|"
    r"explosions?|ambush(es)?|shootings?)\b[^.;]{0,80}?\b(that|which|in which|who)\b"
    r"[^.;]{0,40}?\b(killed|left|claimed|died|dead)\b", re.I)
RECALLED_ATTACK = Rule(
    name='currency.recalled_attack',
    decides='currency',
    purpose=(
        "a later sentence naming an earlier attack by its toll ('following the attack on "
        "the school that killed 140') gives background, not an incident"
    ),
    pattern=_RECALLED_ATTACK,
    examples=(
        'Troops killed four militants in a raid on Tuesday. Security was tightened '
        'following the attack on the school that killed 140 pupils.',
        'Police shot dead two robbers in Accra on Monday. Patrols were stepped up after '
        'the bombing at the stadium which left 20 dead.',
    ),
    counter_examples=(
        'Troops killed four militants in a raid on Tuesday after an attack on their base.',
    ),
)

_AGGREGATE_CUES = re.compile(
    r"\b(in recent (years|months|weeks)|over the (past|last) (few |several )?(years?|decades?|"
    r"months)|since (the start of|the beginning of)|so far this year|this year alone|"
    r"in the past (few |several )?(years?|decades?|months)|every year|each year|a year|"
    # thousands told in the perfect: "have killed around 10,000", "has left 4,000 dead"
    r"(have|has)( now| so far| also)? (killed|left|claimed)( the lives of)? "
    r"((more than|over|around|about|some|nearly|almost|at least|an estimated) )?"
    r"\d{1,3}(,\d{3})+|"
    r"\d{1,3}(,\d{3})+ ([\w-]+ ){0,2}(have|has) (been killed|died)|"
    # a total over a period: "over the past eight months"
    r"over the (past|last) ([\w-]+ ){0,2}(months|years|decades)|"
    # a total over many attacks: "in more than 550 attacks", "saw 36 attacks" (thirty or
    # more: "20 airstrikes overnight" may still be one night's raid)
    r"(\d{3,}|[3-9]\d|\d{1,3}(,\d{3})+) "
    r"(separate |suspected |militant |terrorist |deadly |\w+-led )*"
    r"(attacks|raids|bombings|airstrikes|air ?strikes|incidents|ambushes)|"
    r"since (19|20)\d\d|since (january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|throughout the (war|conflict)|during the (war|conflict)|"
    # a running total of a war or a year, not the toll of one incident
    r"in the first \w+ (weeks|months) of|"
    r"(have|has|had)\b[^.]{0,60}?\b(this year|to date|(in|since|by|during) (the )?"
    r"([\w'’-]+ ){0,2}(war|conflict|insurgency|civil war|uprising|campaign|aggression)"
    r"(?![\w-]| zone))|"
    r"(war|conflict|insurgency|uprising|violence|unrest)s? (has|have|had) (killed|claimed)|"
    r"(war|conflict|insurgency|uprising)s? (has|have|had) left\b|"
    # "a peace deal to end fighting that has killed thousands": a conflict's total
    r"(war|conflict|fighting|insurgency|violence|clashes|unrest|crisis|rebellion|campaign)s?,? "
    r"(that|which) (has|have|had) ([\w-]+ ){0,2}?(killed|claimed|left)\b|"
    # a month's tally: "300 civilians were killed in Afghanistan in March"
    r"(were|was|have been|had been) (killed|wounded|injured)\b[^.;]{0,60}?\b(in|during) "
    r"(the month of )?(january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b(?!\s+\d)|"
    r"since the (war|conflict|insurgency|fighting|uprising|crisis|unrest|violence|protests|"
    r"offensive|operation|campaign) (began|started|erupted|broke out)|"
    # the perfect over an open period: "hundreds have been killed since", "thousands of
    # civilians have died in the fighting"
    r"(have|has) (been )?(killed|died|wounded|injured)\b[^.;]{0,40}?\bsince( then)?\s*[.;,]|"
    r"(hundreds|thousands|tens of thousands|millions) of\b[^.;]{0,40}?\b(have|has) "
    r"(been (killed|wounded|injured)|died|lost their lives))\b",
    re.I,
)
AGGREGATE = Rule(
    name='currency.aggregate',
    decides='currency',
    purpose=(
        'a tally over months, years, a war or many attacks is a statistic, never an '
        "incident's toll"
    ),
    pattern=_AGGREGATE_CUES,
    examples=(
        'More than 3,000 civilians have been killed since the war began.',
        'Attacks in the region have killed 1,200 people over the past five years.',
        'Some 300 civilians were killed in the country in March, the monitors said.',
        'The rivals signed a deal to end fighting that has killed thousands of people.',
        'Talks resumed on the insurgency, which has so far killed 4,000 villagers.',
    ),
    counter_examples=(
        'Gunmen killed 30 villagers in Zamfara on Sunday.',
    ),
)

#: "the deadliest attack this year": a ranking of one event, not a running total
_RANKED_EVENT = re.compile(r"\b(deadliest|worst|bloodiest|most deadly)\b", re.I)
RANKED_EVENT = Rule(
    name='currency.ranked_event',
    decides='currency',
    purpose=(
        "'the deadliest attack this year' ranks one event: its period is no tally"
    ),
    pattern=_RANKED_EVENT,
    examples=(
        'The blast killed 35 people, the deadliest attack in the province in recent '
        'years.',
        'The raid killed 17 soldiers, the worst loss for the army over the past decade.',
    ),
    counter_examples=(
        'Fighting over the past five years has killed 2,000 people.',
    ),
)

_EARLIER_CUES = re.compile(
    r"\bhad (been )?(killed|shot|wounded|injured|died|gunned|murdered|slain|executed)\b", re.I,
)
PAST_PERFECT = Rule(
    name='currency.past_perfect',
    decides='currency',
    purpose=(
        "the past perfect ('had been shot dead') puts an event before the one reported, "
        'unless it is reported speech'
    ),
    pattern=_EARLIER_CUES,
    examples=(
        'Two guards had been shot dead at the gate before the raid began.',
        'By then, a local chief had been killed by the same gang.',
    ),
    counter_examples=(
        'The governor said two guards had been killed at the gate.',
        'Two guards were shot dead at the gate on Monday.',
    ),
)

#: "the attack comes days after gunmen killed two officers": the clause tells an earlier
#: event than the one reported
_COMES_AFTER = re.compile(
    r"\b(comes?|came|coming)\s+(just\s+|only\s+|barely\s+)?(a|an|one|two|three|four|five|"
    r"six|several|few|\d+)?\s*(days?|hours?|weeks?|months?)\s+after\b", re.I)
COMES_AFTER = Rule(
    name='currency.comes_after',
    decides='currency',
    purpose=(
        "'the attack comes days after gunmen killed two officers' tells an earlier event"
    ),
    pattern=_COMES_AFTER,
    examples=(
        'The attack comes days after gunmen killed two officers in the same district.',
        'It came two weeks after a bomb killed nine soldiers near the border.',
    ),
    counter_examples=(
        'The attack came at dawn, killing two officers.',
    ),
)

_NON_EVENT_CUES = re.compile(
    r"\b(protest(ed|ing|s)? (against|over)|condemn(ed|s)?|foiled|thwarted|plot(ted)? to|"
    r"planned to|plans to|threatened to|could have killed|would have killed|vowed to|"
    r"trial|sentenced|convicted|arrested|"
    # "charged with the murder", not "killed two men accused of spying": a court story only
    # when the charge is the violence
    r"(charged with|accused of|suspected of)\s+(\w+\s+){0,3}?(kill|murder|attack|bomb|massacr|"
    r"terror|involvement|carrying|plotting|planning|shoot|stab|assassinat|behead|execut)\w*)\b",
    re.I,
)
NON_EVENT = Rule(
    name='currency.non_event',
    decides='currency',
    purpose=(
        'a protest against killings, a foiled plot, a threat or a court case reports no '
        'deaths of its own'
    ),
    pattern=_NON_EVENT_CUES,
    examples=(
        'Hundreds protested against the killing of three students in the capital.',
        'Police foiled a plot to kill the governor during the parade.',
        'He was sentenced to life for killing two guards.',
    ),
    counter_examples=(
        'Gunmen killed three students in the capital on Monday.',
    ),
)

#: the words of NON_EVENT_CUES that come *after* a real attack (an arrest, a condemnation)
_AFTERMATH_CUES = re.compile(r"\b(condemn(ed|s)?|arrested|detained|charged with)\b", re.I)
AFTERMATH = Rule(
    name='currency.aftermath',
    decides='currency',
    purpose=(
        'an arrest or a condemnation after a real attack still reports that attack'
    ),
    pattern=_AFTERMATH_CUES,
    examples=(
        'Police arrested two men after a bomb killed five people at a bus stop.',
        'The president condemned the ambush that killed seven soldiers.',
    ),
    counter_examples=(
        'Police arrested two men suspected of plotting to kill a judge.',
    ),
)

DATED_LONG_AGO = Rule(
    name="currency.dated_long_ago",
    decides="currency",
    purpose="an event whose stated date is more than 45 days before publication is recalled, "
            "never current",
    examples=(
        "On 4 May 2001, a bomb killed 20 people in the market.",
        "In March 2015, gunmen killed seven miners at the quarry.",
    ),
    counter_examples=(
        "On Tuesday a bomb killed 20 people in the market.",
    ),
)

HYPOTHETICAL = Rule(
    name="currency.hypothetical",
    decides="currency",
    purpose="deaths someone says could, would or might happen ('the law could kill "
            "bystanders') are no event, unless the sentence also reports real ones",
    pattern=re.compile(
        r"\b(could|would|might|may|will|can|could not|cannot|would not)( \w+ly| also| not)? "
        r"(kill|injure|wound|hurt|maim|die|cost (\w+ )?lives)\b", re.I),
    examples=(
        "Critics warned the new rules could inadvertently kill innocent bystanders.",
        "Doctors said the shortage would kill hundreds of patients within weeks.",
        "The minister said the cuts might cost 40 lives a year.",
    ),
    counter_examples=(
        "The minister said the blast killed 40 people and could kill more.",
        "Gunmen killed 40 people on Monday.",
    ),
)

ANOTHER_ERA = Rule(
    name="currency.another_era",
    decides="currency",
    purpose="a sentence set in another era (a world war, a named battle, a century ago, a "
            "year before 1990) tells history, and so does the toll told after it",
    pattern=re.compile(
        r"\b((first|second) world war|world war (i|ii|one|two|1|2)\b|the battle of (the )?"
        r"[A-Z]\w+|a century (ago|gone|on|later)|centuries ago|(in|of|since) (1[6-8]\d\d|"
        r"19[0-8]\d)\b)", re.I),
    examples=(
        "He lost two brothers, both killed in the First World War.",
        "It was the opening day of the Battle of the Marne. By nightfall 9,000 men were dead.",
        "A century ago this week, a mine disaster at the pit killed 140 men.",
    ),
    counter_examples=(
        "Gunmen killed nine villagers near the river on Tuesday.",
    ),
)

RULES: tuple[Rule, ...] = (
    RECALLED_TIME,
    COMMEMORATION,
    JUDICIAL_RECALL,
    RETROSPECTIVE_LEAD,
    RECALLED_ATTACK,
    AGGREGATE,
    RANKED_EVENT,
    PAST_PERFECT,
    COMES_AFTER,
    NON_EVENT,
    AFTERMATH,
    DATED_LONG_AGO,
    HYPOTHETICAL,
    ANOTHER_ERA,
)
