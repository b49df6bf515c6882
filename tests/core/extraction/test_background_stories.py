"""Background in whole stories: anniversaries and verdicts, stories opening on a dated
past attack, running totals in the perfect, disasters, and attacks days before the lead."""

from __future__ import annotations

import pytest

from tests.core.extraction.helpers import incidents, one


@pytest.mark.parametrize("text", [
    "Kenya marks 20 years since embassy bombing\n\nA truck bomb killed 213 people at the "
    "embassy in Nairobi and wounded thousands.",
    "Families gather to remember the market bombing, a decade on\n\nThe blast killed 30 "
    "shoppers and wounded 80.",
    "On the tenth anniversary of the mall siege, survivors recalled how gunmen killed 67 "
    "shoppers.",
    "Court jails three men for life over hotel attack\n\nGunmen stormed the hotel, killing "
    "21 guests.",
    "Two men were convicted on Monday of helping the bombers. The bombing killed 22 people "
    "at a concert.",
    "From the archive, 12 May 1984: Gunmen kill 14 at a village wedding\n\nGunmen shot "
    "dead 14 guests at a wedding party in the hills.",
    "Life terms for three over hotel siege\n\nA court in Nairobi on Thursday sentenced "
    "three men to life for the siege, in which gunmen killed 21 guests.",
    "Verdict in bus bombing trial\n\nJudges on Monday convicted two men of planting the "
    "bomb that killed 30 passengers.",
])
def test_a_story_about_an_anniversary_or_a_verdict_reports_no_current_toll(text: str) -> None:
    assert [i.killed for i in incidents(text, "2026-08-07") if not i.historical] == []


@pytest.mark.parametrize("text", [
    "Bomb kills five at memorial service\n\nA bomb exploded at a memorial service in Kabul "
    "on Friday, killing five mourners.",
    "Gunmen stormed a courthouse in Peshawar on Monday, killing four people, including a "
    "judge.",
])
def test_an_attack_on_a_memorial_or_a_court_is_current(text: str) -> None:
    assert [i.killed for i in incidents(text, "2026-08-07") if not i.historical] != []


def test_an_aftermath_after_the_attack_does_not_make_it_the_past() -> None:
    text = ("Gunmen attacked a synagogue in Vienna, killing two people and wounding 30. Two "
            "men were later convicted.")
    assert [i.killed for i in incidents(text, None) if not i.historical] == [2]


@pytest.mark.parametrize("text", [
    "The embassy was bombed on August 7, 1998, and 213 people died. A second blast at "
    "the embassy in Dar es Salaam killed 11.",
    "In 1994, militias killed 800 people in the town. Soldiers shot 40 more as they fled.",
    "A 1985 bombing of the airliner killed 329 people. Investigators said a second bomb "
    "killed two baggage handlers in Tokyo.",
])
def test_a_story_opening_on_a_dated_past_attack_goes_on_telling_of_it(text: str) -> None:
    assert [i.killed for i in incidents(text, "2026-08-07") if not i.historical] == []


def test_a_dated_new_attack_after_a_past_one_is_current() -> None:
    text = ("In 2015, a bomb killed 30 people at the market. On Monday, another bomb killed "
            "five people there.")
    assert [i.killed for i in incidents(text, "2026-08-07") if not i.historical] == [5]


@pytest.mark.parametrize("background", [
    "Air strikes by both sides have killed around 10,000 people, the UN says.",
    "The fighting in the province has left more than 4,000 people dead.",
    "Militants have killed some 2,500 civilians in the region.",
])
def test_thousands_killed_told_in_the_perfect_are_a_running_total(background: str) -> None:
    text = "An air strike hit a wedding party in Saada on Tuesday, killing 11 guests. " + \
        background
    assert [i.killed for i in incidents(text, "2026-07-03") if not i.historical] == [11]


def test_thousands_killed_in_one_event_are_still_its_toll() -> None:
    text = "The earthquake-triggered dam burst was followed by a massacre in which militias "\
        "killed 1,200 villagers in Kivu on Tuesday."
    assert one(text, "2026-07-03").killed == 1200


@pytest.mark.parametrize("text", [
    "A fire tore through a garment factory on Thursday. So far 52 bodies have been "
    "recovered, officials said.",
    "Heavy rain set off a landslide in the hills overnight. Rescuers said 14 people were "
    "dead and 20 missing.",
    "The ferry capsized in the river at dawn. Divers have pulled 31 bodies from the water.",
])
def test_a_story_whose_only_cause_of_death_is_a_disaster_has_no_incident(text: str) -> None:
    assert incidents(text, "2026-07-09") == []
    recalling = text + " In March 2009, gunmen stormed a market in the region, killing 14."
    assert [i.killed for i in incidents(recalling, "2026-07-09") if not i.historical] == []


@pytest.mark.parametrize(("text", "total"), [
    ("An air strike hit a wedding in Dhamar on Wednesday, killing 15 guests. The strike came "
     "a day after helicopters killed more than 30 people in a village to the north.", 45),
    ("Gunmen killed four police officers in Peshawar on Monday. The attack came two days "
     "after a bomb killed nine people at a market in the city.", 13),
    ("A suicide bomber killed six soldiers in Gao on Friday. It was one day after an ambush "
     "killed eight others near Menaka.", 14),
])
def test_an_attack_a_day_or_two_before_the_lead_is_another_current_incident(
    text: str, total: int,
) -> None:
    found = [i for i in incidents(text, "2026-07-09") if not i.historical]
    assert len(found) == 2 and sum(i.killed for i in found) == total


def test_two_attacks_in_one_sentence_are_both_counted() -> None:
    text = ("A suicide bomber killed six soldiers in Gao on Friday, one day after an ambush "
            "killed eight others near Menaka.")
    assert sum(i.killed for i in incidents(text, "2026-07-09") if not i.historical) == 14


@pytest.mark.parametrize("text", [
    "Students protested the reopening of campus despite the coronavirus outbreak. Police "
    "used tear gas and live ammunition, and one student died.",
    "Residents blocked the road after a flood destroyed their homes. Soldiers opened fire "
    "on the crowd; two people died.",
    "Miners rallied after the collapse of a shaft. Police fired rubber bullets and one man "
    "died in hospital.",
])
def test_force_used_in_a_story_that_mentions_a_disaster_is_still_violence(text: str) -> None:
    assert sum(i.killed for i in incidents(text, "2026-07-09")) >= 1


@pytest.mark.parametrize("background", [
    "Some 40 people were killed in earlier clashes in the valley.",
    "Militants killed 12 soldiers in previous attacks on the base.",
    "Dozens died in past fighting over the district.",
])
def test_deaths_in_earlier_clashes_are_the_past(background: str) -> None:
    text = "Nine soldiers and seven militants died in fighting in Khyber on Thursday. " + \
        background
    assert [i.killed for i in incidents(text, "2026-04-12") if not i.historical] == [16]


@pytest.mark.parametrize("text", [
    "Rebels claim 60 soldiers killed in ambush\n\nNine soldiers were killed in an ambush "
    "near Tillaberi on Monday, the army said.",
    "Nine soldiers were killed in an ambush near Tillaberi on Monday, the army said. The "
    "rebels said 60 soldiers had died, but the claim could not be verified.",
    "Nine soldiers were killed in an ambush near Tillaberi on Monday, the army said. The "
    "rebels claimed to have killed 60 troops.",
])
def test_a_side_s_unconfirmed_claim_is_a_competing_figure(text: str) -> None:
    assert one(text, "2026-04-14").killed == 9


@pytest.mark.parametrize("text", [
    "A group claimed responsibility for the bombing in Kano that killed nine people.",
    "Nine soldiers were killed in a rebel claimed suicide attack in Kano.",
    "An attack claimed by a rebel group killed nine people in Kano.",
    "The bombing in Kano on Monday claimed nine lives, police said.",
])
def test_claiming_an_attack_or_lives_is_no_claim_about_the_toll(text: str) -> None:
    assert one(text, "2026-04-14").killed == 9


def test_another_account_and_a_guess_in_one_sentence_both_discount() -> None:
    text = ("Twenty people were killed in Kano on Monday, but other sources said another 19 "
            "are feared dead.")
    assert one(text, "2026-04-14").killed == 20


@pytest.mark.parametrize("text, killed", [
    ("Islamists shot dead two men accused of spying for the army.", 2),
    ("The group executed a villager accused of collaborating with troops.", 1),
    ("Rebels killed four traders suspected of smuggling arms to a rival militia.", 4),
])
def test_victims_accused_of_something_are_still_victims(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text", [
    "Two men accused of killing a policeman were arrested in the capital.",
    "A man charged with the murder of three nurses was remanded in custody.",
    "Police detained a teenager suspected of carrying out the stabbing that killed a guard.",
])
def test_a_charge_of_violence_is_not_a_new_toll(text: str) -> None:
    assert sum(i.killed for i in incidents(text) if not i.historical) == 0


@pytest.mark.parametrize("text, killed", [
    ("Three soldiers died in a roadside blast on Monday, bringing the number of troops killed "
     "since the offensive began to 57.", 3),
    ("Police said two officers were shot dead in the market, taking the total killed in the "
     "province this year to 112.", 2),
    ("Four rebels and two soldiers were killed in clashes on Friday, raising the number of "
     "troops killed during the operation to nearly 90.", 6),
])
def test_a_running_total_a_toll_is_added_to_is_not_the_toll(text: str, killed: int) -> None:
    assert sum(i.killed for i in incidents(text) if not i.historical) == killed


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed eight people at a bar on Friday. The attack comes days after a bomb "
     "planted by a cartel injured three investigators.", [(0, 3), (8, 0)]),
    ("Gunmen killed twelve villagers in a raid on Monday. The massacre came a week after "
     "gunmen shot dead two police officers in the same state.", [(2, 0), (12, 0)]),
    ("A car bomb killed 20 people at a market on Tuesday. The bombing comes two days after "
     "militants killed five soldiers at a checkpoint.", [(5, 0), (20, 0)]),
])
def test_what_an_attack_comes_days_after_is_an_earlier_incident(
        text: str, expected: list[tuple[int, int]]) -> None:
    assert sorted((i.killed, i.wounded) for i in incidents(text)) == expected


@pytest.mark.parametrize("text", [
    "Hundreds of mourners attended the funeral on Tuesday of three soldiers killed in last "
    "week's ambush near the border.",
    "Villagers buried on Friday the eight miners shot dead by gunmen at the weekend.",
    "The bodies of two aid workers killed in an air strike last month were returned to their "
    "families on Thursday.",
    "Ten years after the massacre in which 77 people died, survivors returned to the island.",
    "Months ago, a gunman shot dead six worshippers at the temple; on Sunday it reopened.",
])
def test_funerals_and_times_long_past_recall_their_dead(text: str) -> None:
    assert all(i.historical for i in incidents(text, published="2026-03-05"))


@pytest.mark.parametrize("text, killed", [
    ("A suicide bomber struck mourners at a funeral in the town on Tuesday, killing 20.", 20),
    ("Gunmen attacked a burial procession on Monday, killing four people.", 4),
    ("Two soldiers were killed on Monday. Last month, a similar attack killed 12 people in "
     "the same district.", 2),
])
def test_an_attack_on_mourners_is_current(text: str, killed: int) -> None:
    found = incidents(text, published="2026-03-05")
    assert sum(i.killed for i in found if not i.historical) == killed


@pytest.mark.parametrize("text, killed", [
    ("Three policemen were killed at a checkpoint on Monday. Hundreds of soldiers and police "
     "have been killed since.", 3),
    ("Two soldiers died in the ambush on Monday. Thousands of civilians have died in the "
     "fighting.", 2),
    ("Five people were killed in the raid on Monday. Dozens have been wounded since the "
     "unrest began in March.", 5),
])
def test_a_perfect_over_an_open_period_is_a_running_total(text: str, killed: int) -> None:
    found = incidents(text)
    assert [i.killed for i in found if not i.historical] == [killed]
    assert sum(i.wounded for i in found) == 0


def test_killed_since_a_named_attack_is_its_toll() -> None:
    assert one("Four people have been killed since Monday's blast, police said.").killed == 4


@pytest.mark.parametrize("text", [
    "An inquest into the deaths of 22 people in the concert bombing opened on Monday.",
    "Survivors of the attack, which killed 86 people on the seafront, testified in court on "
    "Wednesday.",
    "The United Nations said on Tuesday that at least 300 civilians were killed in the "
    "country in March, most of them by roadside bombs.",
    "A hearing into the killings of nine protesters by police began on Thursday.",
    "Fire swept through a crowded market overnight, killing 14 people; officials blamed an "
    "electrical fault.",
    "A short circuit started a blaze that killed six patients at the clinic on Monday.",
])
def test_hearings_monthly_tallies_and_accidents_report_no_current_toll(text: str) -> None:
    found = incidents(text, published="2026-03-10")
    assert sum(i.killed + i.wounded for i in found if not i.historical) == 0


@pytest.mark.parametrize("text, killed", [
    ("Gunmen stormed a courthouse on Monday, killing four people.", 4),
    ("Attackers set fire to a crowded market overnight, killing 14 people.", 14),
    ("Three soldiers were killed in an ambush on Monday, the army said.", 3),
])
def test_attacks_near_those_words_still_report_their_toll(text: str, killed: int) -> None:
    found = incidents(text, published="2026-03-10")
    assert sum(i.killed for i in found if not i.historical) == killed
