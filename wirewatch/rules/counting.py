"""Counting rules: what a figure or a person noun counts, decided by the sentence's parse
(in :mod:`wirewatch.extraction.figures`, :mod:`~wirewatch.extraction.outcomes` and
:mod:`~wirewatch.extraction.victims`) rather than by one pattern; the code says when
each fires. They decide a figure's role, as :mod:`wirewatch.rules.roles` does."""

from __future__ import annotations

from wirewatch.rules import Rule

COUNT_THEN_CASUALTY = Rule(
    name="role.count_then_casualty",
    decides="role",
    purpose="a figure before a casualty word in the patient form counts its victims "
            "('three soldiers were killed', '12 dead')",
    examples=(
        "Three soldiers were killed when their truck hit a mine.",
        "Nine villagers died in the raid on Sunday.",
    ),
    counter_examples=(
        "The mine killed three soldiers in their truck.",
    ),
)
CASUALTY_THEN_COUNT = Rule(
    name="role.casualty_then_count",
    decides="role",
    purpose="a casualty verb or toll before a figure takes it as its victims ('killing 12', "
            "'the toll rose to 31')",
    examples=(
        "The mine killed three soldiers in their truck.",
        "Gunmen stormed the hotel, wounding 14 guests.",
    ),
    counter_examples=(
        "Three soldiers were killed when their truck hit a mine.",
    ),
)
BY_SYNTAX = Rule(
    name="role.by_syntax",
    decides="role",
    purpose="when no word window links a figure to its casualty word, the dependency parse "
            "does: the figure's noun is the verb's subject or object, however far apart",
    examples=(
        "Ten people, among them two soldiers and a nurse on her way home, were killed.",
        "Eleven workers at the cement plant on the edge of the city were killed.",
    ),
    counter_examples=(
        "Eleven workers were killed.",
    ),
)
INCLUDING_AFTER_TOLL = Rule(
    name="role.subset_of_toll",
    decides="role",
    purpose="a figure after 'including' or 'among them', or a breakdown by group that adds up "
            "to a stated total, is a part of that total, never added to it",
    examples=(
        "Nine people were killed, including two children.",
        "Nineteen people were killed: nine rebels and 10 soldiers died in the clash.",
    ),
    counter_examples=(
        "Nine people were killed and two children were wounded.",
    ),
)
ELIDED_VERB = Rule(
    name="role.elided_verb",
    decides="role",
    purpose="a figure joined by 'and' to a counted one, in a clause with no verb of its own, "
            "shares its verb ('nine on Monday and four more on Tuesday')",
    examples=(
        "Nine were killed on Monday and four more on Tuesday.",
        "Twelve soldiers died on the first day and three others the next.",
    ),
    counter_examples=(
        "Nine were killed on Monday and four more were arrested on Tuesday.",
    ),
)
SINGLE_VICTIM = Rule(
    name="role.single_victim",
    decides="role",
    purpose="one person named by a noun with 'a', 'an' or a possessive is one victim ('a "
            "policeman was killed', 'shot dead a farmer')",
    examples=(
        "A policeman was killed in the blast outside the station.",
        "Gunmen shot dead a farmer in his field near Jos.",
    ),
    counter_examples=(
        "Two policemen were killed in the blast outside the station.",
    ),
)
NAMED_VICTIM = Rule(
    name="role.named_victim",
    decides="role",
    purpose="a person's name as the object of an active casualty verb, or the subject of a "
            "passive one, is one victim",
    examples=(
        "Gunmen shot dead Jane Okafor outside her shop in Onitsha.",
        "Unknown attackers killed local reporter Samuel Mensah on Friday.",
    ),
    counter_examples=(
        "Jane Okafor said two customers were killed outside her shop.",
    ),
)
PRONOUN_VICTIM = Rule(
    name="role.pronoun_victim",
    decides="role",
    purpose="'him' or 'her' as the object of a casualty verb, or 'he was killed', is one "
            "victim when nothing else counts them",
    examples=(
        "Gunmen followed the trader home and shot him dead.",
        "Attackers dragged the driver from the cab and beat him to death.",
    ),
    counter_examples=(
        "Gunmen followed the trader home and robbed him.",
    ),
)
SUPERSEDED_FIGURE = Rule(
    name="role.superseded_figure",
    decides="role",
    purpose="a figure marked as the old one ('up from 9', 'earlier reported 6') is superseded "
            "by the toll it is told with",
    examples=(
        "The death toll rose to 14, up from 9 reported on Monday.",
        "Officials, who had earlier reported 6 dead, now say 11 people died.",
    ),
    counter_examples=(
        "Peacekeepers from Chad were killed and two were wounded.",
    ),
)
PART_OF_A_TOLL = Rule(
    name="role.part_of_a_toll",
    decides="role",
    purpose="'one of the 11 injured died' or 'two Britons were among the dead' tells a part "
            "of a toll, which counts only when the article gives no toll",
    examples=(
        "One of the 11 injured later died in hospital.",
        "Two Britons were among the dead, the embassy said.",
    ),
    counter_examples=(
        "Two Britons were killed, the embassy said.",
    ),
)

LABELLED_TALLY = Rule(
    name="role.labelled_tally",
    decides="role",
    purpose="a figure after a casualty noun and a colon ('Total fatalities: 10', 'Injured: "
            "4') is that count",
    examples=(
        "Gunmen raided the camp at night. Total fatalities: 10.",
        "Bomb at a bus stop in the east. Killed: 3. Injured: 12.",
    ),
    counter_examples=(
        "Gunmen raided the camp at night: 10 were killed.",
    ),
)
RANGE_LOWER_BOUND = Rule(
    name="role.range_lower_bound",
    decides="role",
    purpose="a range ('between 43 and 52', '8 to 10', '8-10') is its lower bound, at least, "
            "never its upper figure or a sum",
    examples=(
        "Between 43 and 52 people were killed in the raid, officials said.",
        "Rebels killed 8 to 10 villagers near the river on Friday.",
    ),
    counter_examples=(
        "Gunmen killed 43 villagers and wounded 52 others on Friday.",
    ),
)
THINGS_NOT_PEOPLE = Rule(
    name="role.things_not_people",
    decides="role",
    purpose="a figure that counts things or animals (vehicles, houses, cattle, oxen) counts "
            "no victims",
    examples=(
        "Raiders killed five oxen and burned two houses in the village.",
        "The strike destroyed eight vehicles but killed nobody.",
    ),
    counter_examples=(
        "Raiders killed five herders in the village.",
    ),
)

LISTED_VICTIMS = Rule(
    name="role.listed_victims",
    decides="role",
    purpose="people listed one by one before a casualty verb ('the governor, his aide and "
            "his guard were killed') are each a victim, the first one too",
    examples=(
        "The mayor, his aide and his bodyguard were killed when gunmen opened fire.",
        "The commander, his deputy and his driver were shot dead at a checkpoint.",
    ),
    counter_examples=(
        "The driver, a father of two, was killed in the ambush.",
    ),
)

OTHER_HANDS = Rule(
    name="role.other_hands",
    decides="role",
    purpose="more victims told with 'also' but by another perpetrator than the incident's "
            "(an ambush by one group, then a raid by another) are another incident, with their own "
            "toll",
    examples=(
        "Rebels of the Northern Front killed six soldiers in an ambush in Arauca on Friday. "
        "Four constables were also shot dead at a checkpoint during a raid carried out by the "
        "Eastern Brigade.",
        "Bandits killed nine farmers in a raid on a village in Katsina on Monday. Two soldiers "
        "were also killed in an ambush carried out by Ansaru fighters.",
        "Militants of the Hill Brigade shot dead five guards at a mine on Sunday. Three miners "
        "also died in a bombing claimed by the River Army.",
    ),
    counter_examples=(
        "Rebels of the Northern Front killed six soldiers in an ambush in Arauca on Friday. "
        "Two of the rebels were also killed.",
    ),
)

RULES: tuple[Rule, ...] = (
    COUNT_THEN_CASUALTY,
    CASUALTY_THEN_COUNT,
    BY_SYNTAX,
    INCLUDING_AFTER_TOLL,
    ELIDED_VERB,
    SINGLE_VICTIM,
    NAMED_VICTIM,
    PRONOUN_VICTIM,
    SUPERSEDED_FIGURE,
    PART_OF_A_TOLL,
    LABELLED_TALLY,
    RANGE_LOWER_BOUND,
    THINGS_NOT_PEOPLE,
    LISTED_VICTIMS,
    OTHER_HANDS,
)
