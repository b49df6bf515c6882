"""Write wirewatch/samples/bench.jsonl: the default corpus of `wirewatch bench`.

Wire-length articles (300-1,000 words) composed from this file's own sentence bank,
about one in ten reporting casualties. Deterministic: the same seed gives the same file.

    .venv/bin/python scripts/make_bench_corpus.py [--count 120] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

import orjson

OUT = Path(__file__).resolve().parents[1] / "wirewatch" / "samples" / "bench.jsonl"

SOURCES = ["Kestrel Wire", "Northern Wire", "Horn Line", "Sahel Daily", "Pan-Sahel Press",
           "Finance Wire", "Gazette Online", "Coastal Courier", "Meridian News"]
CITIES = [("Lagos", "Nigeria"), ("Nairobi", "Kenya"), ("Karachi", "Pakistan"),
          ("Istanbul", "Turkey"), ("Jakarta", "Indonesia"), ("Lima", "Peru"),
          ("Manila", "the Philippines"), ("Cairo", "Egypt"), ("Dhaka", "Bangladesh"),
          ("Accra", "Ghana"), ("Hanoi", "Vietnam"), ("Bogota", "Colombia"),
          ("Casablanca", "Morocco"), ("Kyiv", "Ukraine"), ("Tunis", "Tunisia")]
CONFLICT = [("Maiduguri", "Nigeria", "Nigerian", "Boko Haram fighters"),
            ("Kharkiv", "Ukraine", "Ukrainian", "Russian forces"),
            ("Mogadishu", "Somalia", "Somali", "al Shabaab militants"),
            ("Idlib", "Syria", "Syrian", "government forces"),
            ("Helmand", "Afghanistan", "Afghan", "Taliban fighters"),
            ("Mopti", "Mali", "Malian", "armed men"),
            ("Peshawar", "Pakistan", "Pakistani", "militants"),
            ("Hakkari", "Turkey", "Turkish", "PKK militants"),
            ("Goma", "Congo", "Congolese", "M23 rebels"),
            ("Kirkuk", "Iraq", "Iraqi", "Islamic State militants")]
FIRST = ["Amina", "Daniel", "Leyla", "Tomas", "Grace", "Omar", "Priya", "Kwame", "Elena",
         "Yusuf", "Mariam", "Jonas", "Ifeoma", "Rafael", "Sana", "Viktor"]
LAST = ["Okafor", "Mensah", "Demir", "Haddad", "Nguyen", "Santos", "Kariuki", "Rahman",
        "Petrenko", "Alvarez", "Diallo", "Farouk", "Lindqvist", "Osei", "Mwangi", "Aziz"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "eleven",
                "twelve", "fifteen"]

TOPICS: dict[str, list[str]] = {
    "markets": [
        "Shares in {city} closed {pct} percent higher on {day} as investors weighed "
        "fresh figures on factory output.",
        "Traders said volumes were thin ahead of a holiday weekend, with banks and "
        "telecoms leading the gains.",
        "The local currency firmed against the dollar for a third straight session, "
        "helped by steady inflows from exporters.",
        "{person}, a strategist at a regional brokerage, said the rally reflected "
        "relief rather than conviction.",
        "Bond yields eased slightly after the finance ministry said it would trim its "
        "borrowing plans for the second half of the year.",
        "Analysts expect earnings from the largest listed firms to rise by about "
        "{pct} percent this year, below last year's pace.",
        "Foreign investors were net buyers for the week, according to exchange data "
        "released after the close.",
    ],
    "central bank": [
        "The central bank of {country} kept its benchmark rate at {pct} percent on "
        "{day}, in line with the forecasts of most economists.",
        "Policymakers said price pressures had eased but warned that food costs "
        "remained a risk to the outlook.",
        "Governor {person} told reporters the bank was prepared to act if the currency "
        "came under renewed pressure.",
        "Inflation slowed to {pct} percent last month from a higher reading a month "
        "earlier, official data showed.",
        "Business groups had lobbied for a cut, arguing that high borrowing costs were "
        "holding back investment in new plants.",
        "The bank raised its growth forecast for the year and said credit to small "
        "firms was recovering slowly.",
    ],
    "harvest": [
        "Farmers around {city} expect a larger harvest this season after steady rains "
        "in the planting months.",
        "The agriculture ministry said output of maize and rice could rise by "
        "{pct} percent compared with last year.",
        "Prices at the main wholesale market fell for the second week as fresh "
        "supplies arrived from the countryside.",
        "{person}, who grows vegetables on a small plot outside the city, said "
        "fertiliser costs had eaten into her margins.",
        "Exporters are looking for new buyers in the region after a trade deal cut "
        "tariffs on processed food.",
        "Storage remains a problem, with officials estimating that a share of each "
        "crop spoils before it reaches consumers.",
    ],
    "technology": [
        "A start-up based in {city} unveiled a payments app on {day} that it says "
        "works on basic phones without an internet connection.",
        "The company, founded by engineer {person}, has raised money from investors "
        "in three countries.",
        "Mobile money transactions in {country} have grown rapidly over the past "
        "five years, according to industry figures.",
        "Regulators are drafting rules on data protection that could change how such "
        "services store customer records.",
        "The firm plans to hire about {n} developers by the end of next year and to "
        "open an office in a neighbouring capital.",
        "Rivals have responded by cutting fees, and analysts expect the market to "
        "consolidate within a few years.",
    ],
    "football": [
        "The home side came from behind to win 2-1 in {city} on {day}, keeping alive "
        "their hopes of a top-four finish.",
        "Striker {person} scored the winner ten minutes from time with a header from "
        "a corner.",
        "The visitors had taken the lead before the break through a well-worked move "
        "down the left flank.",
        "A crowd of about {n} thousand watched the match, the largest at the stadium "
        "this season.",
        "The coach said afterwards that his players had shown character after a run "
        "of poor results.",
        "The league resumes next week after a short break for international fixtures.",
    ],
    "weather": [
        "Forecasters expect temperatures in {city} to climb above seasonal averages "
        "through the weekend.",
        "The meteorological office advised residents to drink water and avoid long "
        "periods outdoors in the afternoon.",
        "Cooler air is expected to arrive from the coast by the middle of next week, "
        "bringing scattered showers.",
        "Farmers welcomed the outlook for rain, saying soil moisture was lower than "
        "usual for the time of year.",
        "Power demand rose to a record on {day} as households ran fans and air "
        "conditioners late into the night.",
    ],
    "politics": [
        "Lawmakers in {country} approved a revised budget on {day} after weeks of "
        "negotiations between the main parties.",
        "The opposition said the spending plans did too little for rural areas and "
        "promised to challenge parts of the bill.",
        "{person}, the finance minister, said the government would keep the deficit "
        "within its target despite higher wage costs.",
        "Civil society groups called for more transparency in how public contracts "
        "are awarded.",
        "The president is expected to sign the measure into law before the end of the "
        "month.",
        "Local elections are due next year, and both camps have begun to court "
        "voters in the largest cities.",
    ],
    "health": [
        "Health officials in {city} launched a vaccination drive on {day} aimed at "
        "children under five.",
        "The campaign will run for two weeks and reach clinics in every district, the "
        "ministry said.",
        "Doctor {person} said turnout on the first day had been encouraging despite "
        "long queues.",
        "Aid agencies have helped pay for cold storage so that vaccines can be carried "
        "to remote villages.",
        "Officials said the programme would be extended if supplies allowed.",
    ],
    "transport": [
        "Work began on {day} on a new rail line linking {city} with the port, a "
        "project expected to take four years.",
        "The government says the line will cut freight costs and ease congestion on "
        "the main highway.",
        "Engineers will build {n} stations along the route, according to plans "
        "published by the transport ministry.",
        "{person}, who runs a haulage company, said the project could reshape how "
        "goods move through the region.",
        "Residents along the route have raised concerns about compensation for land, "
        "which officials say will be paid in full.",
    ],
}

INCIDENT_LEDES = [
    "A roadside bomb killed {k} {nat} soldiers and wounded {w} others near {place} on "
    "{day}, the army said.",
    "{Perp} attacked a village near {place} on {day}, killing {k} civilians and wounding "
    "{w}, local officials said.",
    "An air strike hit a market near {place} on {day}, killing at least {k} people and "
    "wounding {w}, residents said.",
    "Shelling killed {k} civilians and wounded {w} in {place} on {day}, regional "
    "authorities said.",
    "A suicide bomber blew himself up outside a police station in {place} on {day}, "
    "killing {k} policemen and wounding {w} people, officials said.",
    "Clashes between troops and {perp} near {place} killed {k} people on {day}, "
    "security sources said.",
]
INCIDENT_FOLLOW = [
    "The wounded were taken to the main hospital in {place}, where doctors said several "
    "were in a serious condition.",
    "No group immediately claimed responsibility for the attack.",
    "Security forces sealed off the area and began a search of nearby roads.",
    "Witnesses described hearing gunfire for about an hour before reinforcements "
    "arrived.",
    "The government condemned the violence and promised to find those responsible.",
    "Residents said the area had been calm for several weeks before the attack.",
]


def fill(rng: random.Random, template: str, **slots: str) -> str:
    city, country = rng.choice(CITIES)
    values = {
        "city": city, "country": country, "day": rng.choice(WEEKDAYS),
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "pct": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}", "n": str(rng.randint(12, 80)),
    }
    values.update(slots)
    return template.format(**values)


def paragraph(rng: random.Random, bank: list[str], **slots: str) -> str:
    return " ".join(fill(rng, t, **slots) for t in rng.sample(bank, k=min(3, len(bank))))


def article(rng: random.Random, index: int, casualty: bool, published: datetime) -> dict:
    target = rng.randint(330, 900)
    paragraphs: list[str] = []
    if casualty:
        place, _country, nat, perp = rng.choice(CONFLICT)
        k, w = rng.choice(NUMBER_WORDS[:6]), rng.choice(NUMBER_WORDS)
        lede = rng.choice(INCIDENT_LEDES).format(
            k=k, w=w, nat=nat, place=place, day=WEEKDAYS[published.weekday() - 1],
            perp=perp, Perp=perp[0].upper() + perp[1:])
        title = lede.split(",")[0].split(" on ")[0]
        paragraphs.append(lede)
        paragraphs.append(" ".join(t.format(place=place)
                                   for t in rng.sample(INCIDENT_FOLLOW, k=3)))
        topic = "politics"
    else:
        topic = rng.choice(sorted(TOPICS))
        title = ""
    while sum(len(p.split()) for p in paragraphs) < target:
        paragraphs.append(paragraph(rng, TOPICS[topic if rng.random() < 0.7 else
                                               rng.choice(sorted(TOPICS))]))
    if not title:
        title = paragraphs[0].split(",")[0].split(" on ")[0][:80]
    return {
        "id": f"bench-{index:04d}", "source": rng.choice(SOURCES),
        "published_at": published.strftime("%Y-%m-%dT%H:%M:%SZ"), "title": title,
        "body": "\n\n".join(paragraphs), "content_type": "text/plain",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=120)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime(2026, 10, 1, 6, 0)
    lines = []
    for index in range(args.count):
        published = start + timedelta(hours=7 * index + rng.randint(0, 6))
        lines.append(orjson.dumps(article(rng, index, index % 10 == 3, published)))
    OUT.write_bytes(b"\n".join(lines) + b"\n")
    print(f"wrote {len(lines)} articles to {OUT}")


if __name__ == "__main__":
    main()
