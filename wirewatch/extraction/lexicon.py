"""Words and patterns the extractor reads sentences with: casualty verbs, person
nouns and their categories, cues for new, recalled, revised and non-violent events.
"""

from __future__ import annotations

import re

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
    r"shot\b|\b(body|corpse)\b[^.]{0,40}\b(was|has been|had been) (found|discovered|recovered|"
    r"dumped))", re.I,
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
                  "owners", "thief", "thieves", "robber", "robbers", "burglar", "burglars"},
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
    "interpreter", "assistant", "secretary", "colleague", "companion", "friend", "deputy"})
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
NEW_EVENT_CUES = {"other", "another", "also", "separately", "separate", "more", "further",
                  "meanwhile", "elsewhere", "additional", "additionally", "later",
                  "subsequently"}
NOT_ACTORS = {"toll", "attack", "blast", "explosion", "bomb", "strike", "fire", "accident",
              "landmine", "mine", "device", "shell", "rocket", "missile", "car", "vehicle",
              "explosives", "ied", "bombing", "crash", "collapse", "flood", "storm", "quake",
              "earthquake", "disease", "outbreak", "people", "person", "mistake", "error",
              "gunfire", "shrapnel", "wounds", "injuries"}
SAY_VERBS = {"said", "say", "says", "told", "tell", "reported", "report", "reports", "added",
             "confirmed", "announced", "stated", "claimed", "wrote", "according", "quoted"}
#: "... after a bomb killed five people", "an attack that killed five": the attack itself
ATTACK_CLAUSE = re.compile(
    r"\b(after|when|that|which)\b[^.;]{0,80}?\b(killed|killing|wounded|wounding|injured|"
    r"injuring|shot dead)\b", re.I)
UNIT_WORDS = {"year", "years", "yr", "month", "months", "week", "weeks", "day", "days", "hour",
              "hours", "minute", "minutes", "km", "kilometres", "kilometers", "miles", "mile",
              "metres", "meters", "percent", "%", "am", "pm", "a.m.", "p.m.", "gmt", "times",
              "kg", "tons", "tonnes", "dollars", "euros", "pounds", "rupees", "feet", "acres",
              "houses", "homes", "buildings", "vehicles", "cars", "cattle", "cows", "goats",
              "sheep", "camels", "rounds", "shells", "rockets", "missiles", "drones", "bombs",
              "km/h", "mph", "storeys", "floors", "st", "nd", "rd", "th", "o'clock", "years-old",
              "year-old", "aircraft", "planes", "jets", "shops", "schools", "villages",
              # "two counts of malicious wounding": charges, not people
              "count", "counts", "charges"}
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
    "acres", "tonnes", "tons", "cases", "oxen", "ox", "bulls", "donkeys", "horses", "dogs",
    "pigs", "chickens", "buffaloes", "buffalo",
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


