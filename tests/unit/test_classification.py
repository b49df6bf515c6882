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
