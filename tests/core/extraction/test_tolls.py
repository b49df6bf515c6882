"""wirewatch.extraction — How an incident's toll is resolved from its sentences: restatements,
updates, breakdowns, headlines, victims added. Each rule pinned with our own sentences."""

from __future__ import annotations

import pytest

from tests.core.extraction.helpers import incidents, one


def test_revised_toll_replaces_the_first_figure() -> None:
    inc = one("A bomb at a bus station in Maiduguri killed 12 people on Tuesday. "
              "The death toll later rose to 19, hospital officials said.", "2026-03-05")
    assert inc.killed == 19


def test_another_counts_one_more() -> None:
    inc = one("One civilian was killed and another injured when shells hit the village.")
    assert (inc.killed, inc.wounded) == (1, 1)


def test_attacker_also_killed_adds_one() -> None:
    inc = one("A gunman killed 12 people at an office on Friday. The shooter was also killed "
              "after a gunbattle with police.", "2026-03-07")
    assert inc.killed == 13


def test_a_total_toll_is_the_total() -> None:
    inc = one("Gunmen killed 16 visitors at the hotel. Four guards and three gunmen also lost "
              "their lives in the standoff, bringing the overall death toll to 23.")
    assert inc.killed == 23


@pytest.mark.parametrize("text", [
    "Police raised the toll to 12 dead and four wounded; they had initially "
    "reported 11 dead and six wounded.",
    "Police now say 12 died and four were wounded, after previously giving "
    "11 dead and six wounded.",
])
def test_superseded_figures_are_ignored(text: str) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (12, 4)


def test_restatements_within_an_article_are_one_incident() -> None:
    found = incidents("A bomb killed six people at a hospital gate in Quetta on Sunday. "
                      "The attacker detonated her explosives, leaving four civilians and "
                      "two policemen dead, "
                      "police said.", "2026-03-09")
    assert [i.killed for i in found] == [6]


def test_the_number_killed_has_risen_is_a_toll() -> None:
    inc = one("The number of people killed in Monday's bombing at the station has risen to "
              "14, a hospital director said on Tuesday.", "2026-11-11")
    assert (inc.killed, inc.date) == (14, "2026-11-09")


def test_a_pronoun_never_adds_to_a_victim_already_counted() -> None:
    inc = one("Gunmen seized a village chief on Monday and shot and killed him on Tuesday. "
              "A spokesman for the group said they had killed him for working with the army.")
    assert inc.killed == 1


@pytest.mark.parametrize("text, killed, wounded", [
    ("The rocket hit the depot, killing a Kenyan engineer and an Italian national and "
     "wounding four others.", 2, 4),
    ("The parcel bomb went off early, killing the two couriers and nine shoppers.", 11, 0),
    ("At least 14 people, including three guards and eleven visitors, died in the blast.", 14, 0),
    ("40 people were killed when raiders stormed the market, shooting and killing 40 people.",
     40, 0),
    ("Two guards were killed at the north gate and two guards were killed at the south gate.",
     4, 0),
    ("At least six members of a village defence group were killed in the ambush.", 6, 0),
    ("The mortar round caused the death of three people and injury of seven others.", 3, 7),
])
def test_coordinated_restated_and_owned_counts(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_among_the_dead_is_part_of_the_toll() -> None:
    inc = one("Eighteen tourists were killed in the siege. Officials said two Danes were among "
              "the dead.")
    assert inc.killed == 18


@pytest.mark.parametrize("text, killed", [
    ("A shopkeeper was killed by suspected rebels. In response soldiers killed six suspected "
     "rebels.", 7),
    ("Two soldiers were killed in the ambush. Three civilians were killed.", 5),
    ("Five people were killed in the blast. The victims included three soldiers.", 5),
    ("A man burned himself to death outside the ministry. A guard was killed trying to stop "
     "him.", 2),
    ("Nine herders are cut down by raiders at the well.", 9),
])
def test_other_victims_add_and_restatements_do_not(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text, killed, wounded", [
    ("A suicide bomber detonated his vest at the bus depot, wounding nine passengers.", 1, 9),
    ("Two suicide bombers blew up their explosives at the checkpoint, injuring three guards.",
     2, 3),
    ("Guards shot a suicide bomber before he could detonate his vest at the gate. Two guards "
     "were hurt in the struggle.", 0, 2),
    ("A suicide bomber struck the rally, killing 14 people.", 14, 0),
])
def test_suicide_bombers_are_the_toll_only_when_none_is_given(text: str, killed: int,
                                                              wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_what_happened_may_follow_the_toll_in_a_one_incident_text() -> None:
    inc = one("Violence in the port district caused at least five deaths on Monday. Clashes "
              "between two gangs over the docks were the cause.")
    assert inc.sub_event_type == "Armed clash"
    assert inc.evidence[-1].startswith("Clashes between two gangs")


def test_a_clause_after_the_toll_names_no_victim() -> None:
    inc = one("Four people were killed and 30 wounded when a suicide bomber struck the bus "
              "station.")
    assert (inc.killed, inc.wounded) == (4, 30)


@pytest.mark.parametrize("text, killed", [
    ("Suicide bomber kills more than 80 at fuel depot in Iraq\n\nMore than 80 people were "
     "killed when a bomber drove a truck into a fuel depot in Hilla on Thursday.", 80),
    ("Gunmen kill more than 30 in Nigerian village\n\nGunmen killed more than 30 villagers "
     "in a raid on a village in Zamfara state on Thursday, residents said.", 30),
    ("Over 12 dead in Kabul blast\n\nA bomb killed more than 12 people near a mosque in "
     "Kabul on Thursday, police said.", 12),
])
def test_more_than_n_in_headline_and_body_is_one_toll(text: str, killed: int) -> None:
    (inc,) = incidents(text, "2026-05-07")
    assert inc.killed == killed and inc.killed_qualifier == "at_least"


@pytest.mark.parametrize("text", [
    "A bomb killed eight people at a market in Kirkuk on Thursday. The number of people "
    "killed in the attack has since risen to 12, a health official said.",
    "Eight people died in a bombing in Kirkuk on Thursday. The toll has since climbed to 12.",
    "A bomb killed eight people in Kirkuk on Thursday. The death toll in Kirkuk has risen "
    "to 12.",
])
def test_a_toll_that_has_risen_replaces_the_first_figure(text: str) -> None:
    assert one(text, "2026-05-07").killed == 12


@pytest.mark.parametrize("text", [
    "A bomb killed eight people at a market in Kirkuk on Thursday. The number of dead rose "
    "to 12 on Friday.",
    "Gunmen killed six villagers in Zamfara on Tuesday. By Thursday the toll had climbed "
    "to 12.",
    "Eight people were killed in a raid in Beledweyne on Monday. On Wednesday the death "
    "toll rose to 12, officials said.",
])
def test_the_day_a_toll_rose_is_not_another_event(text: str) -> None:
    (inc,) = incidents(text, "2026-05-07")
    assert inc.killed == 12


@pytest.mark.parametrize("text", [
    "Nineteen people were killed in clashes near El Fasher on Thursday: nine rebels and 10 "
    "soldiers died, the army said.",
    "Clashes near El Fasher killed 19 people on Thursday, nine rebels and 10 soldiers.",
    "Nineteen people, nine rebels and 10 soldiers, died in clashes near El Fasher on "
    "Thursday.",
])
def test_a_breakdown_of_a_total_in_the_same_sentence_is_not_added(text: str) -> None:
    assert one(text).killed == 19


def test_counts_of_another_raid_are_not_a_breakdown_even_when_they_add_up() -> None:
    found = incidents("Gunmen killed 19 people near El Fasher on Thursday, and soldiers "
                      "killed nine rebels and 10 bandits in a separate raid.")
    assert sum(i.killed for i in found) == 38


def test_every_casualty_sentence_gets_a_role_in_the_toll() -> None:
    text = ("Car bomb kills 12 in Kirkuk\n\nA car bomb killed eight people at a market in "
            "Kirkuk on Thursday, police said. The number of people killed has since risen to "
            "12, a health official said. Nineteen people were wounded, including four "
            "children. Local media said at least 20 were killed. In 2009, a similar bombing "
            "in the city killed 14 people.")
    current, past = sorted(incidents(text, "2026-05-07"), key=lambda i: i.historical)
    assert (current.killed, current.wounded) == (12, 19)
    roles = [(r.role, r.killed, r.wounded) for r in current.roles]
    assert roles == [("restatement", 12, 0), ("restatement", 8, 0), ("update", 12, 0),
                     ("toll", 0, 19), ("competing", 0, 0)]
    assert [r.role for r in past.roles] == ["past"]
    assert all(r.why for r in current.roles)


@pytest.mark.parametrize("text", [
    "Gunmen kill 7 in Zamfara\n\nGunmen killed seven villagers in Zamfara on Thursday.",
    "Seven villagers were killed by gunmen in Zamfara on Thursday. \"Seven of our people are "
    "dead,\" a village head said.",
    "Gunmen killed seven villagers in Zamfara on Thursday. The seven victims were farmers.",
])
def test_one_sentence_sets_the_toll_and_the_rest_restate_it(text: str) -> None:
    inc = one(text, "2026-05-07")
    assert inc.killed == 7
    assert [r.role for r in inc.roles if r.role != "context"].count("toll") == 1


@pytest.mark.parametrize("text, killed, wounded", [
    ("2 killed and 10 hurt in bus attack\n\nGunmen opened fire on a bus near Gatumba on "
     "Friday. Two people were killed and 10 others were injured.", 2, 10),
    ("1 dead, 5 wounded in bombing\n\nA suicide bomber struck a police base in Logar. The "
     "bomber died and five police officers were hurt.", 1, 5),
    ("Three killed, six injured in Mogadishu\n\nThree people died and six others were hurt "
     "when a grenade exploded at a cafe in Mogadishu.", 3, 6),
])
def test_a_headline_giving_the_same_figures_is_not_added(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text, "2026-05-08")
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize(("text", "killed", "wounded"), [
    ("A car bomb killed 12 people at a checkpoint in Mosul on Monday. Another 30 were "
     "wounded in the blast near the city's east gate, police said.", 12, 30),
    ("Gunmen killed five villagers in Zamfara on Sunday. Police in Gusau said 14 others were "
     "injured in the raid.", 5, 14),
    ("Militants killed eight soldiers in an ambush in Diffa on Tuesday. A further 11 "
     "soldiers were wounded in the attack near Bosso, the army said.", 8, 11),
])
def test_another_count_of_the_other_outcome_completes_the_same_incident(
    text: str, killed: int, wounded: int,
) -> None:
    inc = one(text, "2026-04-02")
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_another_count_of_the_same_outcome_elsewhere_is_another_incident() -> None:
    text = ("A car bomb killed 12 people at a checkpoint in Mosul on Monday. Another 30 people "
            "were killed in a separate attack in Kirkuk.")
    assert sorted(i.killed for i in incidents(text, "2026-04-02")) == [12, 30]


@pytest.mark.parametrize(("text", "killed", "wounded"), [
    ("Nine killed, 30 wounded in Misrata blast\n\nA truck bomb went off outside a clinic in "
     "Misrata on Monday. At least nine people were killed and at least 30 more were wounded.",
     9, 30),
    ("Two killed, one hurt as mortar hits house\n\nA mortar round hit a house in a village "
     "near Tyre on Monday. Two people were killed and another person was wounded.", 2, 1),
    ("Four soldiers dead, two hurt in ambush\n\nMilitants ambushed a patrol near Gao on "
     "Monday. Four soldiers died and two others were hurt.", 4, 2),
])
def test_a_body_restating_the_headline_with_more_for_the_wounded_is_one_toll(
    text: str, killed: int, wounded: int,
) -> None:
    inc = one(text, "2026-05-05")
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize(("text", "killed"), [
    ("13 killed in office shooting\n\nA gunman killed 12 people at a municipal building in "
     "Norfolk on Friday. The gunman was also killed by police.", 13),
    ("Ten killed as militants attack army post\n\nMilitants killed eight soldiers at a post "
     "near Gao on Monday. Two of the attackers were also killed.", 10),
    ("Five dead in market bombing\n\nA bomb killed four shoppers at a market in Kano on "
     "Monday. The bomber also died.", 5),
])
def test_a_headline_total_already_counts_the_victims_the_body_adds(
    text: str, killed: int,
) -> None:
    assert one(text, "2026-07-09").killed == killed


def test_victims_the_body_adds_to_its_own_toll_still_add() -> None:
    text = ("A gunman killed 12 people at a municipal building in Norfolk on Friday. The "
            "gunman was also killed by police.")
    assert one(text, "2026-07-09").killed == 13


@pytest.mark.parametrize(("text", "wounded"), [
    ("7 killed, 2 wounded in drone strike\n\nA drone strike on a compound in North "
     "Waziristan on Saturday killed seven militants. The strike also wounded two others.", 2),
    ("Three dead, four hurt in Kano blast\n\nA bomb killed three people at a bus station in "
     "Kano on Monday. Four passers-by were also injured.", 4),
])
def test_a_headline_figure_equal_to_what_the_body_adds_is_the_same_victims(
    text: str, wounded: int,
) -> None:
    assert one(text, "2026-07-09").wounded == wounded


def test_two_sentences_adding_victims_without_a_headline_still_add() -> None:
    text = ("A bomb wounded two soldiers at a checkpoint in Kano on Monday. Two civilians "
            "were also wounded, and one soldier was killed.")
    assert one(text, "2026-07-09").wounded == 4


@pytest.mark.parametrize(("text", "killed", "wounded"), [
    ("Jets kill 13 at wedding\n\nWarplanes struck a wedding in Dhamar on Wednesday, "
     "leaving 13 guests dead and dozens more hurt.", 13, 12),
    ("Bomb kills 6 in market\n\nA bomb killed six people and injured 20 others at a market "
     "in Kano on Monday.", 6, 20),
    ("Gunmen kill 9 in village raid\n\nNine villagers were killed and four more were hurt "
     "when gunmen raided a village near Jos on Sunday.", 9, 4),
])
def test_a_lead_adding_the_wounded_to_a_headline_s_dead_is_one_incident(
    text: str, killed: int, wounded: int,
) -> None:
    inc = one(text, "2026-04-14")
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed, wounded", [
    ("At least 30 rebels and four policemen died in a gun battle near the dam, officials "
     "said. Four policemen were also killed and six hurt, an officer said.", 34, 6),
    ("Eleven insurgents and two soldiers were killed when fighting broke out in the hills "
     "on Tuesday. Two soldiers also lost their lives and five were wounded, the army said.",
     13, 5),
    ("Twenty attackers and three guards were killed in the assault on the prison. Three "
     "guards were also killed, the warden said, adding that nine inmates were wounded.", 23, 9),
])
def test_a_group_of_a_stated_breakdown_told_again_with_also_adds_nobody(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed", [
    ("Six militants and two soldiers died in the raid. Two civilians were also killed.", 10),
    ("Six militants and two soldiers died in the raid. Three soldiers were also killed.", 11),
])
def test_other_groups_told_with_also_still_add(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text, killed", [
    ("Rebels ambushed a police convoy in the south on Wednesday, killing 14 officers. Police "
     "had initially reported five dead, but a rescue team found nine more bodies on Thursday.",
     14),
    ("A truck bomb exploded outside a hotel on Monday, killing seven people. Officials first "
     "said three people died, but rescuers later pulled four more bodies from the rubble.", 7),
    ("Militants stormed an army post on Saturday. The army initially reported six soldiers "
     "killed; two more were found dead on Sunday.", 8),
])
def test_a_first_report_and_the_more_found_since_are_one_revised_toll(
        text: str, killed: int) -> None:
    inc = one(text)
    assert inc.killed == killed
    assert any(r.role == "update" for r in inc.roles)


def test_a_revised_toll_told_after_another_event_still_revises_its_own() -> None:
    found = incidents(
        "Rebels ambushed a police convoy in the south on Wednesday, killing 14 officers. "
        "In another province, a landmine killed four soldiers. Police had initially reported "
        "five dead in the ambush, but nine more bodies were found on Thursday.")
    assert sorted(i.killed for i in found) == [4, 14]


def test_more_victims_on_another_day_are_not_a_revised_toll() -> None:
    found = incidents("Gunmen killed three farmers in the village on Monday. Two more "
                      "villagers were shot dead in a nearby town on Tuesday.")
    assert sorted(i.killed for i in found) == [2, 3]


@pytest.mark.parametrize("second", [
    "In another province, a landmine killed four soldiers.",
    "Separately, gunmen shot dead four policemen.",
    "Elsewhere, a roadside bomb killed four more civilians.",
])
def test_a_sentence_saying_elsewhere_is_another_incident(second: str) -> None:
    found = incidents("Rebels ambushed a police convoy in the south on Wednesday, killing 14 "
                      f"officers. {second}")
    assert sorted(i.killed for i in found) == [4, 14]


@pytest.mark.parametrize("text, killed, wounded", [
    ("A car bomb went off near a busy market in the capital, killing 12 people and wounding "
     "28 others. Additionally, an explosive device went off on a southern highway, causing "
     "the death of three persons and injuries to five others.", 15, 33),
    ("A car bomb killed 12 people at a market in Kirkuk. In addition, a roadside bomb killed "
     "four soldiers near Tikrit.", 16, 0),
    ("Mortars killed 12 people in the old city. Besides, four soldiers died in an ambush on "
     "the highway.", 16, 0),
])
def test_a_sentence_opening_on_more_to_tell_adds_its_toll(
        text: str, killed: int, wounded: int) -> None:
    found = incidents(text)
    assert (sum(i.killed for i in found), sum(i.wounded for i in found)) == (killed, wounded)


def test_in_addition_to_the_attacker_still_counts_him_besides() -> None:
    inc = one("In addition to the bomber, five guards died in the blast at the gate.")
    assert inc.killed == 6


@pytest.mark.parametrize("text, killed", [
    ("Rescuers found five more bodies in the rubble, bringing the death toll from Monday's "
     "bombing to 25.", 25),
    ("Two more victims died in hospital, taking the toll from the market attack to 14.", 14),
    ("Three wounded soldiers died overnight, raising the toll from Friday's ambush on the "
     "convoy to 9.", 9),
])
def test_the_toll_from_an_attack_to_n_is_its_new_toll(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text", [
    "Gunmen killed 17 villagers over the weekend. On Wednesday, raiders shot dead 25 people "
    "in two other villages.",
    "At the weekend, bandits shot dead 17 traders. Raiders killed 25 farmers on Wednesday.",
    "A bomb killed 17 worshippers last weekend. On Wednesday, 25 people died in a second "
    "blast.",
])
def test_the_weekend_is_a_date_apart_from_a_weekday_after_it(text: str) -> None:
    found = incidents(text, published="2026-03-05")  # a Thursday
    assert sorted(i.killed for i in found) == [17, 25]
    assert sorted(i.date or "" for i in found) == ["2026-02-28", "2026-03-04"]


@pytest.mark.parametrize("text", [
    "Four soldiers and six militants were killed in a clash near the border, the army said. "
    "On Saturday, seven militants were killed in a raid on a hideout.",
    "Gunmen shot dead ten worshippers at a mosque, police said. Last Friday, seven traders "
    "died when a bomb hit the cattle market.",
    "Ten people were killed when rebels attacked a bus, officials said. Seven farmers were "
    "killed in an ambush on Sunday, local media reported.",
])
def test_a_dated_earlier_toll_after_an_undated_lead_is_another_incident(text: str) -> None:
    found = incidents(text, published="2026-03-05")  # a Thursday
    assert sorted(i.killed for i in found) == [7, 10]


def test_an_undated_lead_and_its_dated_retelling_are_one_incident() -> None:
    found = incidents("Ten people were killed when rebels attacked a bus, officials said. "
                      "The attack on Sunday left ten dead and four wounded.",
                      published="2026-03-05")
    assert [(i.killed, i.wounded) for i in found] == [(10, 4)]


@pytest.mark.parametrize("text, expected", [
    ("42 killed in bandit raids on villages\n\nGunmen killed 17 villagers over the weekend. "
     "On Wednesday, raiders shot dead 25 people in two other villages.",
     [17, 25]),
    ("Nine dead in two attacks\n\nA bomb killed five shoppers at a market in Kano on Monday. "
     "Elsewhere, gunmen shot dead four policemen at a checkpoint.", [4, 5]),
    ("Twelve killed as blasts hit two towns\n\nA car bomb killed eight people in Baidoa on "
     "Monday. In addition, a roadside bomb killed four soldiers near Afgoye.", [4, 8]),
])
def test_a_title_summing_the_story_s_incidents_is_none_of_its_own(
        text: str, expected: list[int]) -> None:
    found = incidents(text, published="2026-03-05")
    assert sorted(i.killed for i in found) == expected
    title = text.split("\n")[0]
    assert any(r.sentence == title and r.role == "restatement" for i in found for r in i.roles)


def test_a_title_with_more_dead_than_the_body_tells_still_sets_the_toll() -> None:
    found = incidents("Ten killed in market bombing\n\nA bomb killed eight shoppers at a "
                      "market in Kano on Monday.", published="2026-03-05")
    assert [i.killed for i in found] == [10]


def test_an_incident_s_date_says_whether_the_text_gave_it() -> None:
    dated = one("A bomb killed five shoppers in Kano on Monday.", "2026-03-05")
    undated = one("A bomb killed five shoppers in Kano.", "2026-03-05")
    assert (dated.date, dated.date_inferred) == ("2026-03-02", False)
    assert (undated.date, undated.date_inferred) == ("2026-03-05", True)


@pytest.mark.parametrize("text", [
    "The number of people killed in a bomb blast at a mosque in the north of the capital on "
    "Wednesday evening has risen to 21, with 33 wounded, police said.",
    "The number of worshippers killed when two gunmen opened fire inside a packed church in "
    "the southern port city on Sunday morning rose to 21, officials said.",
    "The number of migrants killed when their boat was shelled off the coast of the "
    "war-torn country late on Wednesday night has climbed to 21.",
])
def test_the_number_killed_far_before_its_figure_is_a_toll(text: str) -> None:
    assert one(text).killed == 21


@pytest.mark.parametrize("text", [
    "A wave of bombings across the capital killed 19 people on Thursday, police said. In the "
    "north, a car bomb killed nine people at a market. In the south, a roadside bomb killed "
    "six people, and two bombs near the port killed four more.",
    "Attacks on three villages killed 19 people on Thursday, officials said. Gunmen shot dead "
    "nine farmers in the first village. Raiders killed ten herders in two other villages.",
    "Twin blasts killed 19 people on Thursday, police said. The first bomb killed 12 people "
    "at a bus stop. A second bomb killed seven people near a mosque an hour later.",
])
def test_a_lead_summing_the_incidents_told_one_by_one_is_counted_once(text: str) -> None:
    found = incidents(text, published="2026-03-08")  # a Sunday
    assert sum(i.killed for i in found) == 19
    assert {i.date for i in found} == {"2026-03-05"}  # the lead's Thursday


@pytest.mark.parametrize("text", [
    "A wave of bombings across Iraq killed 19 people on Thursday, police said. In Kirkuk, a "
    "car bomb killed nine people at a market. In Basra, a roadside bomb killed six people, "
    "while two bombs in Mosul killed four more.",
    "Militant attacks in three provinces killed 19 soldiers on Thursday, the army said. In "
    "Kandahar, a suicide bomber killed 12 soldiers at a base. Seven soldiers were killed in "
    "an ambush in Herat.",
    "Bandit raids killed 19 villagers in the north-west on Thursday. Gunmen shot dead 11 "
    "people in Gusau. Near Sokoto, raiders killed eight farmers.",
])
def test_a_lead_summing_incidents_in_other_towns_is_none_of_its_own(text: str) -> None:
    found = incidents(text, published="2026-03-08")
    assert sum(i.killed for i in found) == 19 and len(found) >= 2
    assert {i.date for i in found} == {"2026-03-05"}


def test_a_lead_and_another_event_of_the_same_toll_are_two_incidents() -> None:
    found = incidents("A bomb killed ten people in Kabul on Thursday. Separately, ten people "
                      "died in an ambush in Herat.", published="2026-03-08")
    assert sum(i.killed for i in found) == 20


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 worshippers at a church on Sunday. Last week, gunmen killed six people "
    "in an attack on another church in the north.",
    "A bomb killed 12 people at a market on Sunday. A week ago, six soldiers died when a "
    "mine hit their truck.",
    "Raiders killed 12 herders on Sunday. Last week six farmers were shot dead nearby.",
])
def test_last_week_is_a_date_of_its_own(text: str) -> None:
    found = incidents(text, published="2026-03-16")  # a Monday
    assert sorted((i.killed, i.date) for i in found) == [(6, "2026-03-09"), (12, "2026-03-15")]
