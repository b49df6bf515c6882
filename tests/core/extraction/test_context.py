"""wirewatch.extraction — Where, when, by whom and of what kind: places, dates, nationalities,
perpetrators, sentence splitting, classification. Each rule pinned with our own sentences."""

from __future__ import annotations

import pytest

from tests.core.extraction.helpers import FRIENDLY_FIRE, incidents, one
from wirewatch.extraction import candidate_sentences


def test_victim_nationality_and_perpetrator_country() -> None:
    inc = one("A Russian air strike killed four Ukrainian soldiers near Kramatorsk on Sunday.",
              "2026-03-09")
    assert inc.killed == 4
    assert {v.country for v in inc.victims} == {"UA"}
    assert inc.perpetrator is not None and inc.perpetrator.country == "RU"
    assert inc.location.country == "UA"
    assert inc.sub_event_type == "Air/drone strike"


def test_friendly_fire_is_accidental() -> None:
    inc = one("Three Turkish soldiers were killed on Thursday when a Russian jet accidentally "
              "bombed their position near Al Bab in Syria, the army said.", "2026-03-05")
    assert inc.accidental
    assert inc.location.country == "SY"
    assert inc.victims[0].country == "TR"


def test_same_area_refers_back_and_day_before_resolves() -> None:
    found = incidents(
        "Clashes with militants near Al Bab in Syria killed four Turkish soldiers on "
        "Thursday. Two more soldiers were killed in the same area on Wednesday.",
        "2026-03-05")
    assert [(i.killed, i.date) for i in found] == [(4, "2026-03-05"), (2, "2026-03-04")]
    assert all(i.location.country == "SY" for i in found)


def test_candidate_filter_is_cheap_and_selective() -> None:
    text = ("The minister met farmers on Monday. Prices rose sharply. "
            "A roadside bomb killed two soldiers in Helmand.")
    assert [s for _, s in candidate_sentences(text)] == [
        "A roadside bomb killed two soldiers in Helmand."]


def test_context_sentence_names_the_event_type() -> None:
    inc = one("Clan militias clashed on the outskirts of a village in Mudug region. "
              "Two people were killed.")
    assert inc.sub_event_type == "Armed clash"
    assert inc.location.country == "SO"


# An article shaped like the acceptance example of docs/alerts.md, written for this test.


def test_acceptance_shaped_article() -> None:
    from wirewatch.cleaning import clean_text

    found = incidents(clean_text(FRIENDLY_FIRE).text, "2017-02-09")
    got = [(i.killed, i.wounded, i.location.country, i.date, i.historical, i.accidental,
            i.sub_event_type) for i in found]
    assert got == [
        (3, 11, "SY", "2017-02-09", False, True, "Air/drone strike"),
        (1, 0, "TR", "2016-12-19", True, False, "Attack"),
        (5, 10, "SY", "2017-02-09", False, False, "Armed clash"),
        (5, 0, "SY", "2017-02-08", False, False, "Armed clash"),
    ]
    assert {v.country for v in found[0].victims} == {"TR"}
    assert found[0].perpetrator is not None and found[0].perpetrator.country == "RU"
    assert found[1].victims[0].country == "RU"
    assert [i.location.name for i in found] == ["Al Bab", "Ankara", "Al Bab", "Al Bab"]


@pytest.mark.parametrize("text", [
    "A gunman killed Russia's envoy to Ankara at an art gallery on December 19.",
    "Gunmen killed the French envoy to Bamako outside his residence on Monday.",
    "A bomb killed Kenya's ambassador to Mogadishu as his car left the compound.",
])
def test_an_envoy_to_a_city_is_placed_there(text: str) -> None:
    inc = one(text, "2026-12-20")
    assert inc.location.name in ("Ankara", "Bamako", "Mogadishu")


def test_small_counts_mislabelled_as_dates_and_partial_counts() -> None:
    inc = one("Two bombs went off in a market in Kano, killing twelve and injuring 70.")
    assert (inc.killed, inc.wounded) == (12, 70)
    assert one("The blast injured 22, one seriously, police said.").wounded == 22


def test_a_nationality_use_of_a_country_name_does_not_move_the_incident() -> None:
    inc = one("A car bomb struck a convoy as it drove into Kandahar airfield, killing a US "
              "soldier and two Afghan civilians. At least 21 others were wounded in the blast, "
              "including three US soldiers.")
    assert (inc.killed, inc.wounded, inc.location.country) == (3, 21, "AF")


def test_a_chain_of_verbs_keeps_its_subject() -> None:
    assert one("A trader was shot, stabbed, and killed by two men outside the bank.").killed == 1


@pytest.mark.parametrize("text, killed, country", [
    ("Four United States (US) soldiers were killed in an ambush in Niger on Thursday.", 4, "NE"),
    ("Two Allied Democratic Forces (ADF) fighters were killed by soldiers near Butembo, "
     "Congo.", 2, "CD"),
    ("Militants of the Islamic State West Africa Province (ISWAP) killed seven farmers "
     "near Monguno.", 7, "NG"),
])
def test_an_acronym_in_brackets_after_a_name_changes_nothing(
        text: str, killed: int, country: str) -> None:
    inc = one(text)
    assert (inc.killed, inc.location.country) == (killed, country)


@pytest.mark.parametrize("text", [
    "Officials say the death toll from the Nov. 24 bombing in Hilla has risen to 92.",
    "Sgt. Omar Ali said 92 people were killed in the Hilla bombing.",
    "The Jan. 5 blast in Hilla killed 92 people, Gen. Saad Maan said.",
])
def test_abbreviations_do_not_cut_a_sentence(text: str) -> None:
    assert one(text, "2026-12-03").killed == 92


@pytest.mark.parametrize("text", [
    "One killed in Lanka as police fire on protesters",
    "Lanka: two soldiers killed in a blast near the northern town of Kilinochchi.",
    "Police in Lanka said three people were killed when gunmen opened fire on a bus.",
])
def test_lanka_in_a_headline_is_sri_lanka(text: str) -> None:
    assert one(text, "2026-04-19").location.country == "LK"


@pytest.mark.parametrize("text, place", [
    ("Gunmen stormed a mosque in Kano during evening prayers. Nine worshippers were killed, "
     "police said.", "Kano"),
    ("A car bomb exploded at a busy market in Baidoa on Tuesday. At least 14 people died.",
     "Baidoa"),
    ("The explosion ripped through a bus station in the north of Peshawar. Police said 21 "
     "people were killed and 33 wounded.", "Peshawar"),
])
def test_the_sentence_saying_what_happened_also_says_where(text: str, place: str) -> None:
    assert one(text).location.name == place


@pytest.mark.parametrize("other", [
    "Separately, bandits abducted 12 travellers on a highway on Saturday.",
    "Elsewhere, militants kidnapped two aid workers.",
    "In a separate incident, gunmen seized 20 passengers from a bus.",
])
def test_a_sentence_about_another_event_does_not_say_what_happened(other: str) -> None:
    inc = one(f"Gunmen attacked a village on Sunday, killing seven people. {other}")
    assert all(r.sentence != other for r in inc.roles)
    assert inc.sub_event_type != "Abduction/forced disappearance"


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village in Zamfara state on Sunday, killing seven people. Two "
    "villagers were wounded and taken to hospital in Gusau.",
    "Gunmen attacked a village in Zamfara state on Sunday, killing seven people. The "
    "wounded were rushed to Gusau.",
    "Gunmen attacked a village in Zamfara state on Sunday, killing seven people, and the "
    "bodies were taken to the morgue in Gusau.",
])
def test_where_the_wounded_were_taken_is_not_where_it_happened(text: str) -> None:
    assert one(text).location.name == "Zamfara"
