"""wirewatch.geo: place names vote; the incident is placed in the winning country."""

import pytest

from wirewatch.geo import locate, parse, toponyms


def countries(sentence: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for t in toponyms(sentence):
        for country, weight in t.votes:
            out[country] = out.get(country, 0.0) + weight
    return out


def test_administrative_chain_settles_an_ambiguous_name() -> None:
    names = parse(["Gunmen ambushed a convoy in Bay region, Somalia.",
                   "Ten people were killed."])
    place = locate(names, {1})
    assert place is not None and place.country == "SO"


def test_country_names_outvote_nationalities() -> None:
    votes = countries("Turkish soldiers were killed in Syria.")
    assert votes["SY"] > votes["TR"]


def test_common_words_are_not_small_towns() -> None:
    assert "PL" not in countries("The Police said the attack was planned.")


def test_datelines_vote_but_do_not_place() -> None:
    names = parse(["WASHINGTON: A gunman killed 12 people in Virginia Beach on Friday."])
    assert names[0].dateline
    place = locate(names, {0})
    assert place is not None and place.name == "Virginia Beach"


def test_the_incident_sentence_outweighs_the_rest_of_the_article() -> None:
    names = parse([
        "Turkey and Russia held talks in Ankara on Syria.",
        "Turkey's president said Turkey would press on.",
        "Three soldiers were killed in Al Bab on Thursday.",
    ])
    place = locate(names, {2})
    assert place is not None and (place.name, place.country) == ("Al Bab", "SY")
    assert place.lat is not None


def test_named_settlement_of_a_country() -> None:
    place = locate(parse(["Shells hit the Syrian town of Qabasin, killing two."]), {0})
    assert place is not None and place.country == "SY"


def test_no_place_at_all() -> None:
    assert locate(parse(["Two people were killed."]), {0}) is None


def test_an_administrative_chain_settles_every_name_in_it() -> None:
    names = toponyms("Militants attacked civilians south of Rafah (Rafah, North Sinai), "
                     "killing two.")
    assert {c for t in names for c, _ in t.votes} == {"EG"}


def test_a_country_name_before_its_forces_is_not_the_place() -> None:
    place = locate(parse(["United States air force jets struck a camp near Jilib in "
                          "Somalia, killing 12 militants."]), {0})
    assert place is not None and place.country == "SO"


def test_part_of_a_longer_unknown_name_is_no_place() -> None:
    # "Adan" (Aden, Yemen) inside a Somali village's name; "Gilad" a first name
    assert "YE" not in countries("Troops clashed with militants near Adan Yabaal town.")
    assert "RO" not in countries("One soldier (Gilad Shalit) was taken hostage.")
    # a common-word region inside an organisation's name
    assert countries("Staff of the Central Statistics Office were hurt.") == {}


def test_a_big_city_or_a_possessive_ends_the_name() -> None:
    assert "GB" in countries("A bomb went off at London Heathrow Airport.")
    assert "EG" in countries("The blast hit Alexandria's Manshiyya district.")


def test_acronyms_are_not_towns_but_armed_groups_still_vote() -> None:
    assert countries("Two UDA members were arrested.") == {}
    assert "PK" in countries("The TTP claimed the attack.")


def test_a_big_city_abroad_outweighs_a_province_of_the_same_name() -> None:
    votes = countries("Gunmen shot a student in Santiago.")
    assert max(votes, key=lambda c: votes[c]) == "CL"
    votes = countries("Near Jalalabad's airport gate a car bomb exploded.")
    assert max(votes, key=lambda c: votes[c]) == "AF"


def test_a_country_name_before_a_person_or_an_office_is_whose() -> None:
    votes = countries("A US soldier and the US Defence Secretary were at Kandahar airfield.")
    assert votes["AF"] > votes["US"]


def test_english_names_of_provinces_and_districts() -> None:
    assert countries("An air strike hit a camp near Salagle town (Saakow, Middle Juba).")[
        "SO"] > 0
    assert "MG" in countries("Bandits clashed with gendarmes in a village of Androy.")
    place = locate(parse(["Militants attacked a post in Ansongo Cercle.", "Two died."]), {1})
    assert place is not None and place.country == "ML"


def test_a_common_word_opening_a_sentence_is_no_place() -> None:
    assert countries("More than ten militants were killed.") == {}


def test_a_possessive_city_opening_a_longer_name_is_the_place() -> None:
    votes = countries("A gunman opened fire near Tel Aviv's Dizengoff Center.")
    assert max(votes, key=lambda c: votes[c]) == "IL"


@pytest.mark.parametrize("text", [
    "In August, militants also attacked a checkpoint near Kabul.",
    "March was the deadliest month in Kabul.",
    "The May attack on a checkpoint in Kabul is still under investigation.",
])
def test_months_are_times_not_places(text: str) -> None:
    named = {t.name for t in toponyms(text) if t.votes}
    assert "Kabul" in named and not named & {"August", "March", "May"}


@pytest.mark.parametrize("sentence", [
    "A car bomb killed a former minister and ambassador to the United States in Beirut.",
    "The envoy to France was among six killed when gunmen stormed a hotel in Beirut.",
    "Gunmen in Beirut shot dead a retired diplomat, once consul to Germany.",
])
def test_a_country_a_title_is_accredited_to_weighs_as_a_nationality(sentence: str) -> None:
    place = locate(parse([sentence]), {0})
    assert place is not None and place.country == "LB"


@pytest.mark.parametrize("sentence, language, nationality", [
    ("A French-speaking Belgian opened fire in the square.", "FR", "BE"),
    ("An English-speaking Nigerian pastor was shot dead.", "GB", "NG"),
    ("The Russian-language website said a Ukrainian drone had struck the depot.", "RU", "UA"),
])
def test_a_language_is_not_a_nationality(sentence: str, language: str, nationality: str) -> None:
    votes = countries(sentence)
    assert language not in votes and nationality in votes


@pytest.mark.parametrize("sentence, country", [
    ("BOGOTA, Colombia — Rebels killed 14 police officers in an ambush in the south.", "CO"),
    ("NAIROBI (Wire) - Gunmen killed six traders at a market near the border.", "KE"),
    ("LAGOS: Bandits killed 12 villagers in the north-west of the country.", "NG"),
    ("SAN PEDRO SULA, Honduras (AP) — Gunmen killed six people at a bar.", "HN"),
    ("PORT HARCOURT, Nigeria, May 3 (Reuters) - Gunmen killed six oil workers.", "NG"),
    ("(Wire Service) - KAMPALA: A bomb killed six people at a bar in the north.", "UG"),
])
def test_a_place_only_the_dateline_names_is_not_where_it_happened(
        sentence: str, country: str) -> None:
    names = parse([sentence])
    assert names[0].dateline
    place = locate(names, {0})
    assert place is not None and place.country == country and place.lat is None


@pytest.mark.parametrize("sentence", [
    "A bomb went off outside Saint Mark's Church in the city.",
    "Gunmen stormed St Patrick's Cathedral during mass.",
    "The wounded were taken to Saint Anne's Hospital.",
])
def test_a_building_named_for_a_saint_is_no_place(sentence: str) -> None:
    assert countries(sentence) == {}


@pytest.mark.parametrize("sentence", [
    "Police Colonel Abdi Hassan said 56 people were wounded.",
    "Commander Ahmad Jordan was killed by suicide bombers.",
    "Mr. Kenya Smith told reporters four people died.",
])
def test_a_name_after_a_title_is_a_person(sentence: str) -> None:
    assert countries(sentence) == {}


def test_a_title_before_of_and_a_place_keeps_the_place() -> None:
    assert "NG" in countries("The governor of Kano said four people died.")


@pytest.mark.parametrize("text, country", [
    ("ANKARA — Three Turkish soldiers were killed in clashes with militants in northern Iraq "
     "on Wednesday, Turkey's defence ministry said.", "IQ"),
    ("NAIROBI, Kenya — Gunmen killed six aid workers in southern Somalia on Monday.", "SO"),
    ("DAKAR (Reuters) - Jihadists killed 12 soldiers in an attack in central Mali.", "ML"),
])
def test_a_dateline_abroad_does_not_outvote_the_place_the_story_names(
        text: str, country: str) -> None:
    place = locate(parse([text]), {0})
    assert place is not None and place.country == country
