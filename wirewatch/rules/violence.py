"""Violence rules: were the deaths political violence, and was it meant? The words live in
:mod:`wirewatch.violence` (the classifier reads them too); these records name the
decisions the extractor takes with them."""

from __future__ import annotations

import re

from wirewatch import violence
from wirewatch.rules import Rule

NON_VIOLENT_CAUSE = Rule(
    name="violence.non_violent_cause",
    decides="violence",
    purpose="deaths from a crash, fire, flood, quake, lightning, heat, disease, a collapse or "
            "mine gas, with no word of violence, are no incident",
    pattern=violence.NON_VIOLENT_CAUSES,
    examples=(
        "A bus plunged into a gorge near Kasese on Monday, killing 14 passengers.",
        "Lightning struck a school in the hills, killing two pupils.",
        "A five-storey building collapsed in the old town, killing nine workers.",
        "Floods swept through the valley overnight, and 30 people died.",
    ),
    counter_examples=(
        "A suicide bomber blew up a bus near Kasese on Monday, killing 14 passengers.",
    ),
)
DIED_OF_CAUSE = Rule(
    name="violence.died_of_cause",
    decides="violence",
    purpose="a sentence that says people died of a cause that is not violence (cholera, "
            "a heat wave, an overdose) reports no violent deaths",
    pattern=violence.DIED_OF_CAUSE,
    examples=(
        "Four prisoners died of cholera in the overcrowded jail last week.",
        "Six inmates were found dead due to coronavirus infection, officials said.",
    ),
    counter_examples=(
        "Four prisoners died of gunshot wounds after guards fired into the yard.",
    ),
)
VIOLENT_WORDING = Rule(
    name="violence.violent_wording",
    decides="violence",
    purpose="a word of violence (gunmen, shelling, torched, an attack) keeps deaths from a "
            "fire or a crash an incident: they were caused",
    pattern=violence.VIOLENCE,
    examples=(
        "Gunmen set fire to a crowded market, and the blaze killed six traders.",
        "Rebels torched the clinic, and the blaze killed nine patients.",
    ),
    counter_examples=(
        "A fire broke out in the market on Sunday, killing six traders.",
    ),
)
ACCIDENTAL = Rule(
    name="violence.accidental",
    decides="violence",
    purpose="violence that hit its own side or the wrong target (friendly fire, a stray "
            "shell, a strike by mistake) is flagged accidental",
    pattern=re.compile(
        r"\b(accident(al|ally)?|by mistake|mistaken(ly)?|friendly fire|in error|erroneous(ly)?|"
        r"unintentional(ly)?|misfired?|stray)\b", re.I,
    ),
    examples=(
        "A stray shell killed three children playing near the river.",
        "Two soldiers died in a friendly fire incident near the airport.",
        "An air strike mistakenly hit a wedding party, killing 20 guests.",
    ),
    counter_examples=(
        "An air strike hit a wedding party, killing 20 guests.",
    ),
)

NATURAL_DEATH = Rule(
    name="violence.natural_death",
    decides="violence",
    purpose="deaths told only as 'died' or 'death', with no act of violence in the incident's "
            "sentences (an obituary, a candidate's death), are no incident",
    pattern=re.compile(
        r"\b(kill\w*|slain|slay\w*|murder\w*|massacr\w*|execut\w*|behead\w*|lynch\w*|"
        r"assassinat\w*|martyr\w*|shot|shoot\w*|gunned|stabb\w*|hacked|beaten|wound\w*|"
        r"injur\w*|hurt|maimed|casualt\w*|fatalit\w*|toll|bodies|corpses|eliminat\w*|"
        r"slaughter\w*|drowned|burned|burnt|tortur\w*|strangl\w*|suffocat\w*|poison\w*|"
        r"beat(en|ing)?|cut down|mowed down|blew|blown|blasts?|self-immolat\w*|"
        r"(himself|herself|themselves) (on fire|ablaze|alight)|"
        # a weapon says it was done: "died when a mine hit their truck"
        r"(land)?mines?|ieds?|grenades?|shells?|rockets?|missiles?|mortars?|shrapnel|snipers?|"
        r"bullets?|gunshots?|guns?|rifles?|knife|knives|machetes?|drones?|warplanes?|jets?)\b",
        re.I),
    examples=(
        "Walter Jenkins, the last surviving pilot of the squadron, has died at 101.",
        "Polling in one seat was suspended because a candidate died.",
        "A retired general who led the army for a decade died on Sunday, his family said.",
    ),
    counter_examples=(
        "Two soldiers died when gunmen ambushed their convoy on Sunday.",
        "A candidate was shot dead at a rally on Sunday.",
        "A prisoner died in his cell after guards tortured him, his family said.",
    ),
)

RULES: tuple[Rule, ...] = (NON_VIOLENT_CAUSE, DIED_OF_CAUSE, VIOLENT_WORDING, ACCIDENTAL,
                           NATURAL_DEATH)
