"""Words and patterns the extractor reads sentences with: casualty verbs, person
nouns and their categories, cues for new, recalled, revised and non-violent events.
"""

from __future__ import annotations

import re

from wirewatch.quantities import (
    TENS,
    UNITS,
)

#: number words from two up, for patterns that look for a count ("kidnapped 14 soldiers")
NUMBER_WORDS = "|".join(w for w in (*UNITS, *TENS) if w not in ("zero", "no", "one"))
KILL_WORDS = {
    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "slain",
    "martyred", "murdered", "massacred", "executed", "beheaded", "perished", "fatalities",
    "deaths", "death", "lives", "bodies", "corpses", "lynched", "assassinated", "drowned",
    "burned", "massacre", "massacres", "slaughtered", "slaughtering", "slaughter", "execute",
    "executes", "behead", "beheads", "assassinate", "assassinates", "gunned", "mowed", "cut",
    # "security forces eliminated three gunmen", "the attacker was eliminated by police"
    "eliminated", "eliminating",
}
#: "gunned down", "mowed down": these kill only with their particle
PHRASAL_KILLS = {"gunned", "mowed", "cut"}
WOUND_WORDS = {
    "wounded", "wounding", "wound", "wounds", "injured", "injuring", "injures", "injure",
    "injuries", "injury", "hurt", "maimed", "hospitalised", "hospitalized", "casualties",
}
# Only these need to appear for a sentence to be worth parsing.
CANDIDATE = re.compile(
    r"\b(kill|dead|die[ds]?\b|dying|death|slain|martyr|murder|massacr|execut|behead|perish|eliminat|"
    r"fatalit|lives|bodies|corpses|lynch|assassinat|wound|injur|hurt|maim|hospitali|casualt|"
    r"toll|fatally|slaughter|gunned down|mowed down|cut down|(him|her)self|own life|suicide\b|"
    r"shot\b)", re.I,
)
PERSON_NOUNS = {
    # category → nouns
    "soldiers": {"soldier", "soldiers", "troops", "troop", "servicemen", "serviceman",
                 "marines", "marine", "paratroopers", "guardsmen", "conscripts", "sailors",
                 "pilots", "pilot", "officer", "officers", "personnel", "commander",
                 "commanders", "servicemembers", "peacekeepers", "peacekeeper", "lieutenant",
                 "captain", "sergeant", "colonel", "general", "cadets", "cadet", "recruits",
                 "soldiers'", "militiaman"},
    "police": {"police", "policeman", "policemen", "cops", "cop", "gendarmes",
               "gendarme", "constables", "constable", "policewoman", "guards", "guard"},
    "militants": {"militants", "militant", "insurgents", "insurgent", "rebels", "rebel",
                  "fighters", "fighter", "jihadists", "jihadist", "extremists", "terrorists",
                  "terrorist", "gunmen", "gunman", "attackers", "attacker", "assailants",
                  "assailant", "bombers", "bomber", "combatants", "militiamen", "militia",
                  "shooter", "shooters", "perpetrator", "perpetrators", "killer", "killers",
                  "hijackers", "hijacker", "knifeman", "stabber", "separatists", "separatist",
                  "bandits", "bandit", "pirates", "kidnappers", "suspects", "suspect"},
    "civilians": {"civilians", "civilian", "villagers", "villager", "residents", "resident",
                  "children", "child", "women", "woman", "men", "man", "students", "student",
                  "worshippers", "passengers", "pilgrims", "farmers", "farmer", "workers",
                  "worker", "protesters", "protester", "demonstrators", "journalists",
                  "journalist", "boys", "boy", "girls", "girl", "teachers", "teacher",
                  "shoppers", "tourists", "tourist", "refugees", "migrants", "herders",
                  "herder", "fishermen", "miners", "doctors", "nurses", "patients", "infants",
                  "babies", "teenagers", "teenager", "youths", "youth", "members",
                  "member", "shepherd", "driver", "drivers", "traders", "trader", "mourners",
                  "guests", "spectators", "customers", "detainees", "prisoners", "inmates",
                  "imam", "cleric", "clerics", "priest", "priests", "pastor", "monk", "monks",
                  "nun", "reporter", "reporters", "photographer", "engineer", "engineers",
                  "contractor", "contractors", "employee", "employees", "businessman",
                  "businessmen", "shopkeeper", "vendor", "vendors", "laborers", "labourers",
                  "labourer", "laborer", "citizen", "citizens", "national", "nationals", "local",
                  "tribesmen",
                  "tribesman", "hostage", "hostages", "wife", "husband", "son", "sons",
                  "daughter", "daughters", "brother", "brothers", "sister", "father", "mother",
                  "relatives", "activist", "activists", "lawyer", "lawyers", "worshipper",
                  "passenger", "pilgrim", "bystander", "adults", "adult", "infant", "merchants",
                  "colleague", "colleagues", "detective",
                  "merchant", "herdsmen", "herdsman", "chiefs", "inhabitants", "locals",
                  "demonstrator", "prisoner", "displaced", "preacher", "preachers", "owner",
                  "owners"},
    "officials": {"ambassador", "official", "officials", "diplomat", "diplomats", "mayor",
                  "governor", "judge", "lawmaker", "politician", "minister", "chief",
                  "leader", "leaders", "councillor", "councilor", "envoy", "advisor", "adviser",
                  "director", "elder", "elders", "administrator", "commissioner", "secretary",
                  "spokesman", "candidate", "legislator", "senator", "prosecutor", "head"},
    "people": {"people", "persons", "person", "others", "individuals", "victims", "victim",
               "bystanders", "casualties", "lives", "bodies", "body", "dead", "targets"},
}
#: people named by their tie to another victim: "the mayor, his wife, son and bodyguard"
#: lists them without an article each
RELATION_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "child",
    "nephew", "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter",
    "grandfather", "grandmother", "relative", "bodyguard", "driver", "guard", "aide",
    "interpreter", "assistant", "secretary", "colleague", "companion", "friend"})
NOUN_CATEGORY = {noun: cat for cat, nouns in PERSON_NOUNS.items() for noun in nouns}
#: the category of a person a list names by their tie to another victim
RELATION_CATEGORY = {noun: NOUN_CATEGORY.get(noun, "civilians") for noun in RELATION_NOUNS}
#: verbs whose object is the people they killed or hurt ("killing 21 of them")
ACTIVE_CASUALTY_VERBS = frozenset({"killing", "killed", "wounding", "wounded", "injuring",
                                   "injured"})
#: "the gunman was shot dead": someone besides the victims, who adds to the toll
ATTACKER_NOUNS = frozenset({"attacker", "gunman", "shooter", "bomber", "assailant",
                            "perpetrator", "hijacker", "killer", "knifeman", "stabber"})
#: what else may happen to people counted next to the dead: "23 dead, 12 captured"
OTHER_FATES = frozenset({"captured", "arrested", "detained", "abducted", "kidnapped", "missing",
                         "rescued", "freed", "released", "seized", "displaced", "taken",
                         "held", "escaped", "surrendered", "unharmed", "unhurt"})
#: another source's figure for the same event: "but other sources reported 37 killed"
OTHER_ACCOUNT = re.compile(
    r"\b(other|some|unconfirmed|conflicting|different|alternative|local)\s+(sources|reports|"
    r"accounts|media)\b", re.I)
#: "another 19 are feared dead", "may have been killed": a figure nobody has confirmed
SPECULATIVE = re.compile(
    r"\b(feared (dead|killed|drowned)|presumed dead|"
    r"(is|are|was|were|be)( also| now)? (feared|believed|thought|presumed|suspected) to "
    r"(have been killed|have been dead|have died|be dead)|"
    r"(may|might|could) (also )?have (been killed|died|perished))\b", re.I)
#: a side's claim about the toll, or a figure said to be unconfirmed ("rebels claim 60
#: soldiers killed", "the claim could not be verified"); claiming responsibility, or an
#: attack that "claimed the lives of" N, is no such thing
CLAIMED = re.compile(
    r"\bclaim(s|ed)?\b(?! (the )?(responsibility|credit|of responsibility|by)\b)"
    r"(?! (the )?(\S+ ){0,2}lives\b)"  # "claimed 67 lives": a toll
    r"(?! (\S+ )?(attacks?|bombings?|blasts?|explosions?|assaults?|raids?|strikes?|"
    r"ambush(es)?)\b)",  # "a Taliban-claimed suicide attack": who did it
    re.I)
#: "a Taliban spokesman said its fighters killed 20 soldiers": an armed group's own count
#: of what it did is its claim, not a toll (a state force's spokesman is a source like any)
MILITANT_SPOKESMAN = re.compile(
    r"\b(taliban|(al[- ])?shabaab?|boko haram|islamic state|isis|isil|houthis?|rebels?|"
    r"militants?|insurgents?|insurgency|jihadists?|guerrillas?)(['’]s?)?\s+(\w+\s+){0,2}?"
    r"spokes(man|woman|person)\b|"
    # "X claimed responsibility for the attack, saying its fighters had killed 30"
    r"\bclaim(ed|s|ing)? (the )?responsibility\b[^.;]{0,100}?\b(saying|said|adding|"
    r"and said|boasting)\b", re.I)
UNCONFIRMED = re.compile(
    r"\b((could|can) ?not (immediately )?(be )?(confirmed|verified)|unconfirmed|unverified)\b",
    re.I)
#: "X was the only one who died", "the sole fatality": a toll of one
SOLE_VICTIM = re.compile(
    r"\b(was|is) the (only|sole|lone) (one|person|victim|fatality|casualty|death)"
    r"(?=( (who|to|that) (died|was killed|lost (his|her) life|perished))|\b(?! (who|to|that)))",
    re.I)
#: an attacker's own death: "shot himself", "blew herself up" (with no toll given)
SELF_INFLICTED = re.compile(
    r"\b((killed|shot|stabbed|hanged) (himself|herself)|took (his|her) own life|"
    r"(burnt|burned) (himself|herself) to death|"
    # the attacker's own death after the killing: "... before he was shot dead by police"
    r"before (he|she) was (himself |herself |also )?(shot dead|killed|gunned down|"
    r"shot and killed)|before being (shot dead|killed|gunned down|shot and killed)|"
    r"committed suicide|(?P<blast>blew (himself|herself) up|blown (himself|herself) up))\b",
    re.I)
#: "five people, including the gunman, were killed": the attacker is in the toll already
ATTACKER_COUNTED = re.compile(
    r"\b(including|among them|among whom|among the dead( was| were)?)\s+(the|two|three|both|all)?"
    r"\s*(\w+\s+)?(attackers?|gunm[ae]n|shooters?|bombers?|assailants?|perpetrators?|"
    r"hijackers?|killers?|knifem[ae]n)\b|\bincluding (himself|herself|themselves)\b", re.I)
_ATTACK_NOUNS = (r"(attacks?|bombings?|blasts?|explosions?|raids?|ambush(es)?|shootings?|"
                 r"strikes?|airstrikes?|massacres?|assaults?|incidents?)\b")
NEW_EVENT_CUES = {"other", "another", "also", "separately", "separate", "more", "further",
                  "meanwhile", "elsewhere", "additional", "additionally", "later",
                  "subsequently"}
#: "In addition, a roadside bomb killed four soldiers": a sentence opening on more to tell
#: (not "in addition to the bomber, ...", which counts the attackers besides)
IN_ADDITION = re.compile(r"\s*(in addition|besides|on top of that)\s*,", re.I)
RECALL_CUES = re.compile(
    r"\b(recalled|anniversary|years? ago|last year|in (19|20)\d\d\b|since (19|20)\d\d|"
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
    r"\b(the|a|an) (19|20)\d\d ([\w'’-]+ ){0,2}?" + _ATTACK_NOUNS + r")", re.I,
)
#: "a vigil for the 51 worshippers killed", "to commemorate the 22 people killed": the dead
#: a commemoration honours were counted when they died (an attack *during* a memorial
#: ceremony is a new event: its count is not "the N" after the commemoration)
COMMEMORATION = re.compile(
    r"\b(memorial|commemorat\w*|vigil|wreaths?|remembrance|tribute|honou?r(ed|ing)?|"
    r"remember(ed|ing)?|in memory)\b[^.;]{0,40}?\b(the|its|their)\s+(\d[\d,]*|" +
    NUMBER_WORDS + r")\b|"
    # mourning people killed: "the funeral on Tuesday of three soldiers killed in ...",
    # "relatives buried the eight miners", "laid to rest the two guards"
    r"\bfunerals?\b[^.;]{0,30}?\b(of|for)\s+(the\s+|its\s+|their\s+)?(\d[\d,]*|" +
    NUMBER_WORDS + r")\b|"
    r"\b(buried|bury|burying|laid to rest|mourned|mourning)\s+(\w+\s+){0,2}?(the|its|their)\s+"
    r"(\d[\d,]*|" + NUMBER_WORDS + r")\b", re.I)
#: a story that is about remembering or judging an attack (or a reprint of an old one),
#: said before its first casualty figure: "Kenya marks 20 years since ...", "... a decade
#: on", "Court jails three men over ...", "From the archive, ..."
RETROSPECTIVE_LEAD = re.compile(
    r"\b(anniversary|commemorat\w*|marks? (\w+ ){0,2}years? since|(years|a decade) on\b|"
    r"remember(s|ed|ing)? (the )?(victims|dead|attack|bombing|massacre|siege)|"
    r"(jail(s|ed)|sentence[sd]|convict(s|ed)|acquit(s|ted)|verdict)\b|"
    # a reprint: "From the archive, 18 May 1985", "Originally published in 1985"
    r"from the archives?\b|(originally|first) (published|printed|appeared))", re.I)
EARLIER_CUES = re.compile(
    r"\bhad (been )?(killed|shot|wounded|injured|died|gunned|murdered|slain|executed)\b", re.I,
)
#: "the attack comes days after gunmen killed two officers": the clause tells an earlier
#: event than the one reported
COMES_AFTER = re.compile(
    r"\b(comes?|came|coming)\s+(just\s+|only\s+|barely\s+)?(a|an|one|two|three|four|five|"
    r"six|several|few|\d+)?\s*(days?|hours?|weeks?|months?)\s+after\b", re.I)
ACCIDENT_CUES = re.compile(
    r"\b(accident(al|ally)?|by mistake|mistaken(ly)?|friendly fire|in error|erroneous(ly)?|"
    r"unintentional(ly)?|misfired?|stray)\b", re.I,
)
AGGREGATE_CUES = re.compile(
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
#: "jailed for life over a bombing in which 44 people were killed": a court speaks of an
#: attack reported when it happened
JUDICIAL_RECALL = re.compile(
    r"\b(trial|tried|sentenced|sentencing|convicted|jailed|verdict|acquitted|court|"
    r"prosecutors?|inquest|inquiry|hearing|testif\w+)\b[^.]*\b(in which|which|that|who)\b"
    r"[^.]{0,40}\b(killed|died|dead|wounded|injured)\b|"
    # "an inquest into the deaths of 22 people", "survivors of the attack, which killed 86,
    # testified in court"
    r"\b(inquest|inquiry|hearing|investigation) (into|on) the (deaths?|killings?|murders?)\b|"
    r"\b(in which|which|that)\b[^.]{0,60}\b(killed|died)\b[^.]*\b(testif\w+|in court|"
    r"on trial|inquest|hearing)\b", re.I)
#: "... following the attack on a school that killed 140": a later sentence naming an earlier
#: attack by its toll, as background to the one reported ("a day after ..." is no recall)
RECALLED_ATTACK = re.compile(
    r"\b(after|following|since|in the wake of) (the|last \w+'s) ([\w'’-]+ ){0,8}?"
    r"(attacks?|bombings?|massacres?|raids?|siege|strikes?|airstrikes?|assaults?|blasts?|"
    r"explosions?|ambush(es)?|shootings?)\b[^.;]{0,80}?\b(that|which|in which|who)\b"
    r"[^.;]{0,40}?\b(killed|left|claimed|died|dead)\b", re.I)
#: "..., taking the total killed in the province this year to 112": a clause adding the
#: sentence's own toll to a running total of a period or a campaign; its figure is no
#: incident's toll ("bringing the death toll from the bombing to 25" is the event's own)
RUNNING_TOTAL = re.compile(
    r"\b(bringing|taking|raising|pushing|putting|brought|took|raised|pushed)\s+(the|its)\s+"
    r"([\w-]+\s+){0,2}(total|number|toll|tally|count)\b[^.;]{0,100}?"
    r"\b(since|during|this (year|month|week)|so far|to date|in (the )?(past|last)|"
    r"operations?|offensives?|campaigns?|conflict|war|insurgency|crackdown)\b[^.;]{0,80}?\bto\b",
    re.I)
#: "the deadliest attack this year": a ranking of one event, not a running total
RANKED_EVENT = re.compile(r"\b(deadliest|worst|bloodiest|most deadly)\b", re.I)
NOT_ACTORS = {"toll", "attack", "blast", "explosion", "bomb", "strike", "fire", "accident",
              "landmine", "mine", "device", "shell", "rocket", "missile", "car", "vehicle",
              "explosives", "ied", "bombing", "crash", "collapse", "flood", "storm", "quake",
              "earthquake", "disease", "outbreak", "people", "person", "mistake", "error",
              "gunfire", "shrapnel", "wounds", "injuries"}
SAY_VERBS = {"said", "say", "says", "told", "tell", "reported", "report", "reports", "added",
             "confirmed", "announced", "stated", "claimed", "wrote", "according", "quoted"}
SAME_PLACE_CUES = re.compile(r"\b(same (area|place|town|city|village|region|district|spot))\b",
                             re.I)
#: "police initially reported five dead": the first figure of a toll told with its growth
#: ("... but rescuers found nine more bodies")
INITIAL_REPORT = re.compile(
    r"\b((initially|originally|at first|first|earlier|previously)\s+(\w+\s+)?"
    r"(said|reported|put|gave|announced|counted|confirmed|listed)|"
    r"(said|reported|put|gave|announced|counted|confirmed)\s+(initially|at first|originally))\b",
    re.I)
REVISION_CUES = re.compile(r"\b(toll|tally|rose|risen|climbed|increased|jumped|reached)\b", re.I)
NON_EVENT_CUES = re.compile(
    r"\b(protest(ed|ing|s)? (against|over)|condemn(ed|s)?|foiled|thwarted|plot(ted)? to|"
    r"planned to|plans to|threatened to|could have killed|would have killed|vowed to|"
    r"trial|sentenced|convicted|arrested|"
    # "charged with the murder", not "killed two men accused of spying": a court story only
    # when the charge is the violence
    r"(charged with|accused of|suspected of)\s+(\w+\s+){0,3}?(kill|murder|attack|bomb|massacr|"
    r"terror|involvement|carrying|plotting|planning|shoot|stab|assassinat|behead|execut)\w*)\b",
    re.I,
)
#: the words of NON_EVENT_CUES that come *after* a real attack (an arrest, a condemnation)
AFTERMATH_CUES = re.compile(r"\b(condemn(ed|s)?|arrested|detained|charged with)\b", re.I)
#: "... after a bomb killed five people", "an attack that killed five": the attack itself
ATTACK_CLAUSE = re.compile(
    r"\b(after|when|that|which)\b[^.;]{0,80}?\b(killed|killing|wounded|wounding|injured|"
    r"injuring|shot dead)\b", re.I)
NO_CASUALTY = re.compile(
    r"\b(no (one|body|people|persons|casualties|deaths|injuries|fatalities)|nobody|"
    r"no (reported )?(casualties|injuries|deaths))\b.{0,40}\b(killed|injured|wounded|hurt|"
    r"reported|died)?", re.I,
)
UNIT_WORDS = {"year", "years", "yr", "month", "months", "week", "weeks", "day", "days", "hour",
              "hours", "minute", "minutes", "km", "kilometres", "kilometers", "miles", "mile",
              "metres", "meters", "percent", "%", "am", "pm", "a.m.", "p.m.", "gmt", "times",
              "kg", "tons", "tonnes", "dollars", "euros", "pounds", "rupees", "feet", "acres",
              "houses", "homes", "buildings", "vehicles", "cars", "cattle", "cows", "goats",
              "sheep", "camels", "rounds", "shells", "rockets", "missiles", "drones", "bombs",
              "km/h", "mph", "storeys", "floors", "st", "nd", "rd", "th", "o'clock", "years-old",
              "year-old", "aircraft", "planes", "jets", "shops", "schools", "villages"}
CLAUSE_BREAKS = {";", ":", "(", ")", "—", "–", "--", "while", "but", "whereas", "although",
                 "though", "after", "before", "because", "since", "when", "as", "which", "who",
                 "whom", "whose", "where", "said", "says", "according"}
# Things a number often counts in casualty reports, which are not people.
THING_NOUNS = frozenset([
    "countries", "country", "vehicles", "vehicle", "cars", "car", "trucks", "truck",
    "buses", "bus", "boats", "boat", "houses", "house", "homes", "home", "buildings",
    "building", "shops", "schools", "churches", "mosques", "villages", "village", "towns",
    "town", "districts", "provinces", "regions", "areas", "locations", "sites", "points",
    "positions", "bases", "posts", "checkpoints", "weapons", "rifles", "guns", "rounds",
    "missiles", "rockets", "shells", "bombs", "drones", "aircraft", "planes", "helicopters",
    "tanks", "attacks", "incidents", "explosions", "blasts", "strikes", "airstrikes",
    "raids", "operations", "times", "hours", "minutes", "days", "weeks", "months", "years",
    "km", "kilometres", "kilometers", "miles", "metres", "meters", "percent", "goats",
    "camels", "cattle", "cows", "sheep", "animals", "livestock", "dollars", "hectares",
    "acres", "tonnes", "tons", "cases",
])
SUPERSEDED_CUES = {"earlier", "previously", "initially", "originally", "from"}
TOLL_VERBS = {"rose", "risen", "climbed", "reached", "increased", "jumped", "stood", "stands",
              "surpassed", "went", "hit", "put", "puts", "placed", "brought", "bringing",
              "raising", "raised", "included", "leaving", "left"}
PASSIVE_AUX = {"was", "were", "been", "being", "be", "is", "are", "got", "get", "gets"}
#: "the toll has risen to": the auxiliary of a perfect, which the tagger may call a verb
PERFECT_AUX = {"has", "have", "had"}
WEAPON_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling",
                "bombardment", "jets", "jet", "warplanes", "warplane", "aircraft", "drone",
                "drones", "helicopter", "helicopters", "artillery", "missile", "missiles",
                "rocket", "rockets", "gunboat", "attack", "offensive", "operation", "shells",
                "fire", "plane", "planes", "sniper", "snipers"}
FORCE_NOUNS = {"forces", "force", "troops", "army", "military", "navy", "police", "policeman",
               "policemen", "soldier", "soldiers", "coalition", "militia", "militias", "officer",
               "officers", "guards", "gunmen", "gunman", "militants", "fighters", "rebels"}
STRIKE_NOUNS = {"strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling",
                "bombardment", "fire", "attack", "offensive", "operation"}


