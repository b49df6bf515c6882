"""wirewatch.classification: ACLED event types and sub-types from wording."""

import pytest

from wirewatch.classification import EVENT_TYPE_OF, classify_text


@pytest.mark.parametrize("text, event_type, sub_event_type", [
    ("A Russian air strike hit the building", "Explosions/Remote violence", "Air/drone strike"),
    ("A drone hit a car near the border", "Explosions/Remote violence", "Air/drone strike"),
    ("Troops clashed with militants near the town", "Battles", "Armed clash"),
    ("Militants ambushed an army patrol", "Battles", "Armed clash"),
    ("A roadside bomb went off under the convoy", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("A landmine exploded under the tractor", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the gate", "Explosions/Remote violence",
     "Suicide bomb"),
    ("Artillery shelling hit the district", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("Gunmen opened fire on villagers", "Violence against civilians", "Attack"),
])
def test_wording_decides_the_sub_type(text: str, event_type: str, sub_event_type: str) -> None:
    result = classify_text(text)
    assert (result.event_type, result.sub_event_type) == (event_type, sub_event_type)


def test_without_a_cue_the_victims_decide() -> None:
    assert classify_text("they were killed", {"soldiers"}).event_type == "Battles"
    assert classify_text("they were killed", {"civilians"}).event_type == \
        "Violence against civilians"


def test_every_sub_type_belongs_to_its_event_type() -> None:
    assert EVENT_TYPE_OF["Armed clash"] == "Battles"
    assert EVENT_TYPE_OF["Air/drone strike"] == "Explosions/Remote violence"
    assert EVENT_TYPE_OF["Attack"] == "Violence against civilians"


def test_taking_ground_is_coded_by_who_took_it() -> None:
    assert classify_text("The army retook control of the town after heavy fighting."
                         ).sub_event_type == "Government regains territory"
    assert classify_text("Rebels seized the village and killed two guards."
                         ).sub_event_type == "Non-state actor overtakes territory"


def test_an_attack_on_a_police_post_is_a_battle() -> None:
    result = classify_text("Militants attacked a police checkpoint, killing four.",
                           {"police", "civilians"})
    assert (result.event_type, result.sub_event_type) == ("Battles", "Armed clash")


def test_an_ambush_on_civilians_is_an_attack() -> None:
    assert classify_text("Militiamen ambushed a passenger bus, killing three.",
                         {"civilians"}).sub_event_type == "Attack"
    assert classify_text("Militants ambushed an army convoy, killing three.",
                         {"soldiers"}).sub_event_type == "Armed clash"


@pytest.mark.parametrize("text", [
    "A gunman opened fire on shoppers at the mall, killing nine, and died in a gunbattle "
    "with responding officers.",
    "Three gunmen stormed the city museum and killed 14 visitors before police killed them "
    "in an exchange of fire.",
])
def test_a_police_response_does_not_turn_an_attack_into_a_battle(text: str) -> None:
    assert classify_text(text, {"civilians", "militants"}).sub_event_type == "Attack"


def test_storming_an_army_post_is_still_a_battle() -> None:
    assert classify_text("Rebels stormed a military post near the border, killing six "
                         "soldiers.", {"soldiers"}).sub_event_type == "Armed clash"
