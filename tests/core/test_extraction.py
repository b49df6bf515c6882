"""wirewatch.extraction (+ classification): each rule pinned with our own sentences."""

from __future__ import annotations

import pytest

from schemas.records import Incident
from wirewatch.extraction import Article, candidate_sentences, extract
from wirewatch.pipeline import classify_incident


def incidents(text: str, published: str | None = "2026-03-05", title: str | None = None
              ) -> list[Incident]:
    return [classify_incident(i) for i in extract(Article("t", text, published, title))]


def one(text: str, published: str | None = "2026-03-05") -> Incident:
    found = incidents(text, published)
    assert len(found) == 1, found
    return found[0]


def test_digits_and_words_and_wounded_kept_apart() -> None:
    inc = one("On Thursday a suicide attacker detonated his vest inside a Quetta mosque, "
              "killing 22 worshippers and wounding thirty-five.")
    assert (inc.killed, inc.wounded) == (22, 35)
    assert inc.location.country == "PK" and inc.location.name == "Quetta"
    assert inc.sub_event_type == "Suicide bomb"
    assert inc.date == "2026-03-05"


def test_lower_bound_and_vague_quantity() -> None:
    inc = one("At least 40 people were killed and dozens wounded when a car bomb exploded "
              "in a market in Kirkuk on Monday, police said.", "2026-03-04")
    assert (inc.killed, inc.killed_qualifier) == (40, "at_least")
    assert (inc.wounded, inc.wounded_qualifier) == (12, "approximate")
    assert inc.location.country == "IQ"
    assert inc.date == "2026-03-02"  # the Monday before a Wednesday publication


def test_a_single_victim() -> None:
    inc = one("Gunmen killed a policeman in Peshawar on Friday.", "2026-03-07")
    assert inc.killed == 1
    assert inc.victims[0].category == "police"
    assert inc.location.country == "PK"


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


def test_revised_toll_replaces_the_first_figure() -> None:
    inc = one("A bomb at a bus station in Maiduguri killed 12 people on Tuesday. "
              "The death toll later rose to 19, hospital officials said.", "2026-03-05")
    assert inc.killed == 19


def test_recalled_past_attack_is_historical() -> None:
    found = incidents("Mourners gathered on Saturday to remember the victims of a double "
                      "suicide bombing in Ankara on 10 October 2015 that killed 103 people.",
                      "2026-03-07")
    assert found and all(i.historical for i in found)


def test_same_area_refers_back_and_day_before_resolves() -> None:
    found = incidents(
        "Clashes with militants near Al Bab in Syria killed four Turkish soldiers on "
        "Thursday. Two more soldiers were killed in the same area on Wednesday.",
        "2026-03-05")
    assert [(i.killed, i.date) for i in found] == [(4, "2026-03-05"), (2, "2026-03-04")]
    assert all(i.location.country == "SY" for i in found)


@pytest.mark.parametrize("text", [
    "Thousands protested in Nairobi on Tuesday against police killings.",
    "Police said they had foiled a plot to bomb a church in Lahore.",
    "Officials warned of a mounting casualty toll in the region.",
    "The central bank kept its main interest rate unchanged on Thursday.",
    "Rebels Killed in Clash Near Border 12:40 GMT",
    "Gunmen fired on a police post overnight. No one was injured, the ministry said.",
    "A petrol bomb was thrown at a bus in the town. Not one passenger was hurt.",
])
def test_not_casualty_reports(text: str) -> None:
    assert incidents(text) == []


def test_candidate_filter_is_cheap_and_selective() -> None:
    text = ("The minister met farmers on Monday. Prices rose sharply. "
            "A roadside bomb killed two soldiers in Helmand.")
    assert [s for _, s in candidate_sentences(text)] == [
        "A roadside bomb killed two soldiers in Helmand."]


def test_evidence_and_article_ids() -> None:
    inc = one("A landmine killed two children in Helmand on Monday.", "2026-03-04")
    assert inc.evidence == ["A landmine killed two children in Helmand on Monday."]
    assert inc.article_ids == ["t"]
    assert inc.sub_event_type == "Remote explosive/landmine/IED"


# --- counting rules ----------------------------------------------------------------------


def test_apposition_does_not_hide_the_total() -> None:
    inc = one("Twelve people, including three police officers, died in the raid and 25 "
              "people, including four children, were hurt by the blast.")
    assert (inc.killed, inc.wounded) == (12, 25)


def test_ranges_take_the_lower_bound() -> None:
    inc = one("Gunmen killed 8 to 10 villagers near the market.")
    assert (inc.killed, inc.killed_qualifier) == (8, "at_least")
    inc = one("Five rebels and 2-4 policemen were killed in the fighting.")
    assert inc.killed == 7


def test_another_counts_one_more() -> None:
    inc = one("One civilian was killed and another injured when shells hit the village.")
    assert (inc.killed, inc.wounded) == (1, 1)


def test_counted_noun_phrase_is_not_counted_twice() -> None:
    assert one("One police officer died in the attack.").killed == 1


def test_named_victim_counts_one() -> None:
    inc = one("Gunmen shot and killed Amina Okafor, a local councillor, outside her home.")
    assert inc.killed == 1


def test_definite_victim_counts_when_nothing_else_does() -> None:
    assert one("Assailants opened fire on a cleric. The imam was killed in the attack.").killed \
        == 1
    assert one("A soldier was killed. The soldier was buried on Monday.").killed == 1


def test_a_definite_noun_joined_to_a_count_is_one_more() -> None:
    inc = one("Five engineers and their driver were killed when the bomb went off.")
    assert inc.killed == 6


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


def test_things_are_not_people() -> None:
    inc = one("Militants killed 5 people and burned two vehicles in the raid.")
    assert inc.killed == 5
    inc = one("Gunmen killed eighteen visitors who came from at least eight nations.")
    assert inc.killed == 18


def test_restatements_within_an_article_are_one_incident() -> None:
    found = incidents("A bomb killed six people at a hospital gate in Quetta on Sunday. "
                      "The attacker detonated her explosives, leaving four civilians and "
                      "two policemen dead, "
                      "police said.", "2026-03-09")
    assert [i.killed for i in found] == [6]


def test_past_perfect_reports_an_earlier_incident() -> None:
    found = incidents("A bomb killed six people at a hospital in Quetta on Sunday. Police "
                      "were moving the bodies of two colleagues who had been shot dead by "
                      "gunmen nearby.", "2026-03-09")
    assert sorted(i.killed for i in found) == [2, 6]
    assert not any(i.historical for i in found)


@pytest.mark.parametrize("text", [
    "Three pupils died and four were hurt when their school minibus overturned on a hill road.",
    "The death toll from Sunday's earthquake rose to 12.",
    "Four people drowned when floods swept through the valley.",
    # soldiers and troops as rescuers or passengers do not make a disaster violent
    "Floods have killed at least 40 people in the state, where army troops are rescuing "
    "stranded villagers.",
    "Soldiers joined the search after a landslide buried a hamlet, killing 30 people.",
    "Two soldiers died when their truck overturned on a mountain road.",
])
def test_non_violent_deaths_are_not_incidents(text: str) -> None:
    assert incidents(text) == []


def test_context_sentence_names_the_event_type() -> None:
    inc = one("Clan militias clashed on the outskirts of a village in Mudug region. "
              "Two people were killed.")
    assert inc.sub_event_type == "Armed clash"
    assert inc.location.country == "SO"


# An article shaped like SPEC §4's acceptance example, written for this test.
FRIENDLY_FIRE = """\
Three Turkish soldiers were killed by mistake and 11 were wounded on Thursday in the \
Syrian town of Al Bab when a Russian jet bombed a building the troops were using, the \
Turkish military said.

Moscow and Ankara have been working more closely on Syria, and the Kremlin quickly \
offered its condolences.

The Russian pilots had been aiming at Islamic State positions, but "by mistake three of \
our soldiers lost their lives when the building was hit", the army said; it added that \
one of those 11 hurt was in a serious condition.

The two governments moved past an earlier crisis in the same way, after an off-duty \
Turkish policeman killed the Russian envoy with a pistol in Ankara on December 19.

Turkey's offensive inside Syria has brought a mounting casualty toll.

In separate fighting with Islamic State militants in Al Bab on Thursday, five other \
Turkish soldiers died and 10 were wounded, a Turkish news agency reported.

Five more Turkish troops were killed in the same area on Wednesday.

Related headlines
Russian adviser killed in Syria 12:40 GMT
Border town shelled again 11:05 GMT
"""


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


def test_the_number_killed_has_risen_is_a_toll() -> None:
    inc = one("The number of people killed in Monday's bombing at the station has risen to "
              "14, a hospital director said on Tuesday.", "2026-11-11")
    assert (inc.killed, inc.date) == (14, "2026-11-09")


@pytest.mark.parametrize("text, killed", [
    ("A seven-year-old boy was killed when a shell exploded in the market.", 1),
    ("Villagers stabbed 3 herders to death at the market on Monday.", 3),
    ("A local leader was beaten to death by four men outside his house.", 1),
    ("Two men accused of theft were fatally assaulted by a crowd.", 2),
    ("The corpses of around thirty fighters were found after the air raid.", 30),
    ("Police fired on the crowd, leading to the death of one demonstrator.", 1),
    ("A 48-year-old displaced person died when a landmine exploded.", 1),
    ("Two policemen died as well as two attackers. One wounded policeman later died in "
     "hospital (total of 5 fatalities).", 5),
])
def test_more_ways_to_report_a_death(text: str, killed: int) -> None:
    assert one(text).killed == killed


def test_adjectival_participles_report_nothing() -> None:
    assert incidents("Officials gave the killed envoy a state funeral on Monday.") == []


def test_small_counts_mislabelled_as_dates_and_partial_counts() -> None:
    inc = one("Two bombs went off in a market in Kano, killing twelve and injuring 70.")
    assert (inc.killed, inc.wounded) == (12, 70)
    assert one("The blast injured 22, one seriously, police said.").wounded == 22


def test_possessive_relatives_are_new_victims() -> None:
    found = incidents("Gunmen killed a cleric in Zaria on Monday. His wife was injured.",
                      "2026-03-04")
    assert [(i.killed, i.wounded) for i in found] == [(1, 1)]


@pytest.mark.parametrize("text, killed, wounded", [
    ("Kidnappers seized a taxi driver. The driver, a father of three, was killed later.", 1, 0),
    ("Attackers threw a grenade at a party office. Mr Haddad was injured in the blast.", 0, 1),
    ("Gunmen fired on two men outside a shop. Both were killed.", 2, 0),
    ("Assailants shot and killed the district head in his office.", 1, 0),
    ("22 rebels were killed in the fighting.", 22, 0),
])
def test_subjects_the_parse_names(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_a_subject_described_as_a_person_is_one_victim() -> None:
    assert one("Gunmen attacked a convoy. Haddad, a military commander, was killed in the "
               "ambush.").killed == 1


@pytest.mark.parametrize("text, killed", [
    ("Raiders massacre 19 herders at a watering hole near the border.", 19),
    ("The fighters stormed the hamlet at dawn, slaughtering seven farmers.", 7),
    ("Masked men gunned down three traders outside the grain depot.", 3),
    ("Two guards were gunned down at the gate of the power station.", 2),
    ("Militants execute a captured pilot near the desert airstrip.", 1),
])
def test_present_tense_and_phrasal_killing_verbs(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text", [
    "Two men broke into the farmhouse, tied up the owner and strangled him to death.",
    "A gunman on a motorbike shot her dead as she left the clinic.",
    "He was killed instantly when the device went off under his car.",
    "The elder was abducted from his home; the kidnappers shot him dead the next day.",
])
def test_a_pronoun_victim_counts_one(text: str) -> None:
    assert one(text).killed == 1


def test_a_pronoun_never_adds_to_a_victim_already_counted() -> None:
    inc = one("Gunmen seized a village chief on Monday and shot and killed him on Tuesday. "
              "A spokesman for the group said they had killed him for working with the army.")
    assert inc.killed == 1


@pytest.mark.parametrize("text", [
    "The retired judge Amaru Quispe was found dead in a ditch after an attack by unknown men.",
    "Four rebels killed Colonel Tomas Arevalo Ruiz as he left a bakery.",
    "67-year-old Halima Osei, a market trader, was stabbed to death by a masked man.",
    "Two youths attacked a petrol station, resulting in the death of a 41-year-old man.",
])
def test_named_and_described_single_victims(text: str) -> None:
    assert one(text).killed == 1


def test_a_killing_recalled_as_a_motive_is_not_a_death() -> None:
    assert incidents("Youths set a fire at a community hall on Friday. Police said the arson "
                     "answered the killing of a local activist.") == []


@pytest.mark.parametrize("text, killed", [
    ("A man stabbed a shopkeeper to death in the arcade. The attacker was shot dead by "
     "police minutes later.", 2),
    ("The shooter was fatally shot by officers after killing a security guard.", 2),
    ("Five people, including the gunman, were killed at the depot. The gunman was shot dead "
     "by police.", 5),
    ("The gunman killed two guards and wounded a cleaner. Hours later he killed himself with "
     "a grenade.", 3),
    ("A man blew himself up outside the ministry's gate on Monday.", 1),
    ("The bomber walked up to the gate and blew herself up, killing three guards.", 3),
])
def test_attackers_who_die_are_counted_once(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text, killed, wounded", [
    ("The two watchmen were injured when the grenade went off.", 0, 2),
    ("A man attacked two shoppers with a machete. One of the victims died; the other is "
     "recovering.", 1, 0),
    ("Raiders fired on the 30 miners in the cage, killing 12 of them and wounding the rest.",
     12, 0),
    ("At least 40 people were killed. Medics said one of the 40 dead was a child.", 40, 0),
])
def test_recaps_count_only_when_nothing_else_does(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


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


@pytest.mark.parametrize("text, killed, wounded", [
    ("A student was injured by a stray bullet and later died in hospital.", 1, 0),
    ("Troops shot and killed a rebel commander and his brother at the crossing.", 2, 0),
    ("The raid on the camp left 14 fighters dead, 9 captured and 3 missing.", 14, 0),
    ("Officials put the dead at 25 and the injured at 51; local media said at "
     "least 37 were killed.", 25, 51),
    ("Inmates said four prisoners had died of cholera. Two prisoners were stabbed to death "
     "in a brawl on Sunday.", 2, 0),
])
def test_fates_other_accounts_and_causes(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed, wounded", [
    ("A judge was shot dead outside his home. His wife and daughter were wounded.", 1, 2),
    ("A guard was hurt, and the attacker was shot and wounded by police.", 0, 2),
    ("A grenade went off near the bus stop, wounding a 12 years old boy.", 0, 1),
])
def test_partners_attackers_hurt_and_ages(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_reported_speech_past_perfect_restates_the_incident() -> None:
    inc = one("A Danish engineer was killed in the raid on the hotel. The ministry confirmed "
              "that a Danish engineer had died in the raid.")
    assert inc.killed == 1


def test_a_past_perfect_event_is_a_second_incident() -> None:
    found = incidents("Gunmen killed four villagers on Monday. On Sunday two farmers had been "
                      "shot dead nearby.")
    assert sorted(i.killed for i in found) == [2, 4]


def test_among_the_dead_is_part_of_the_toll() -> None:
    inc = one("Eighteen tourists were killed in the siege. Officials said two Danes were among "
              "the dead.")
    assert inc.killed == 18


def test_a_nationality_use_of_a_country_name_does_not_move_the_incident() -> None:
    inc = one("A car bomb struck a convoy as it drove into Kandahar airfield, killing a US "
              "soldier and two Afghan civilians. At least 21 others were wounded in the blast, "
              "including three US soldiers.")
    assert (inc.killed, inc.wounded, inc.location.country) == (3, 21, "AF")


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
    ("Raiders abducted 11 miners near the pit. All of the miners were found dead two days "
     "later.", 11, 0),
    ("Gunmen seized two aid workers. Both of the workers were later killed.", 2, 0),
    ("A youth flew a stolen plane into a warehouse. He was the only one who died.", 1, 0),
    ("A truck bomb went off at the gate. The driver of the truck was the sole fatality.", 1, 0),
    ("Gunmen shot at the preacher of the village mosque. The preacher was injured.", 0, 1),
    ("A grenade was thrown at a clerk and a guard. The two targets were injured.", 0, 2),
])
def test_all_of_them_sole_victims_and_more_people(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_all_of_them_without_a_count_before_is_no_count() -> None:
    assert incidents("All of the miners were found dead.") == []


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


def test_a_chain_of_verbs_keeps_its_subject() -> None:
    assert one("A trader was shot, stabbed, and killed by two men outside the bank.").killed == 1


@pytest.mark.parametrize("text, killed, wounded", [
    ("A truck bomb hit the post. In addition to the suicide bomber, two guards at least "
     "died and five others were wounded.", 3, 5),
    ("In addition to 4 attackers, 20 soldiers and civilians were killed in the raid.", 24, 0),
    ("Nine attackers stormed the hotel, killing all nine of the bombers. Two guards and six "
     "guests were killed and four others were wounded.", 17, 4),
    ("A bakery was bombed. The owner and two employees were killed.", 3, 0),
    ("Gunmen fired on Amadou Keita at his home. Keita, a district official, and one other "
     "person were killed.", 2, 0),
])
def test_attackers_in_addition_and_owners_joined_to_counts(text: str, killed: int,
                                                           wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_what_happened_may_follow_the_toll_in_a_one_incident_text() -> None:
    inc = one("Violence in the port district caused at least five deaths on Monday. Clashes "
              "between two gangs over the docks were the cause.")
    assert inc.sub_event_type == "Armed clash"
    assert inc.evidence[-1].startswith("Clashes between two gangs")


def test_a_disease_mentioned_beside_a_killing_does_not_cancel_it() -> None:
    inc = one("A ward councillor was beaten to death by three men at the market after a row "
              "over food aid handed out during the lockdown against the spread of cholera.")
    assert inc.killed == 1


@pytest.mark.parametrize("text, killed, wounded", [
    ("Gunmen tried to assassinate the mayor outside his office; two of his guards were "
     "killed.", 2, 0),
    ("The district commander was wounded by a mine. Three other policemen were also wounded.",
     0, 4),
])
def test_attempts_are_not_deaths_and_named_first_victims_stay(text: str, killed: int,
                                                              wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_a_clause_after_the_toll_names_no_victim() -> None:
    inc = one("Four people were killed and 30 wounded when a suicide bomber struck the bus "
              "station.")
    assert (inc.killed, inc.wounded) == (4, 30)


@pytest.mark.parametrize("text", [
    "A drone strike killed four fighters near Idlib on Monday. The missiles hit a convoy of "
    "armed men. The region still remembers how a sniper shot dead a mayor in Aleppo on "
    "November 12.",
    "Four fighters died in a drone strike near Idlib on Monday. Aircraft bombed their trucks "
    "on a road. Tension has been high since a gunman killed a mayor in Aleppo on November 12.",
    "An air strike near Idlib on Monday left four fighters dead. Jets targeted a convoy "
    "there. On November 12 a mayor was assassinated in Aleppo by a gunman.",
])
def test_a_dated_past_killing_is_recalled_and_keeps_its_own_kind(text: str) -> None:
    found = sorted(incidents(text, "2026-03-05"), key=lambda i: i.historical)
    assert [(i.killed, i.historical) for i in found] == [(4, False), (1, True)]
    recalled = found[1]
    assert recalled.date == "2025-11-12"
    # the description of the strike is no lede for the recalled killing
    assert recalled.sub_event_type != found[0].sub_event_type


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


@pytest.mark.parametrize("text, killed, wounded", [
    ("More than two dozen people died when a bomb exploded at a rally in Peshawar.", 24, 0),
    ("Gunmen killed three dozen villagers in Zamfara on Thursday.", 36, 0),
    ("Two dozen people were wounded when a grenade exploded at a market in Kampala.", 0, 24),
])
def test_n_dozen_is_n_times_twelve(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


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


@pytest.mark.parametrize("text", [
    "Families laid wreaths on Thursday at a memorial for the 49 people killed in the "
    "nightclub shooting in Orlando.",
    "A candlelight vigil was held in Christchurch on Thursday for the 51 worshippers killed "
    "at two mosques.",
    "Thousands gathered in Manchester on Thursday to commemorate the 22 people killed at the "
    "arena.",
])
def test_a_commemoration_reports_no_current_casualties(text: str) -> None:
    assert all(i.historical for i in incidents(text, "2026-05-07"))


def test_a_vigil_after_a_reported_attack_leaves_the_attack_current() -> None:
    (inc,) = incidents("A bomb killed 12 people at a market in Kirkuk on Thursday. On Friday, "
                       "hundreds attended a vigil for the 12 victims.", "2026-05-08")
    assert (inc.killed, inc.historical) == (12, False)


@pytest.mark.parametrize("text", [
    "A fire at a textile factory in Dhaka killed 17 workers on Thursday.",
    "Seventeen workers died in a fire at a textile factory in Dhaka on Thursday.",
    "A huge fire swept through a market in Onitsha on Thursday, killing nine traders.",
])
def test_an_accidental_fire_is_no_incident(text: str) -> None:
    assert incidents(text) == []


@pytest.mark.parametrize("text", [
    "Militants set fire to a school in Borno on Thursday, killing nine pupils.",
    "Gunmen opened fire on a bus in Zamfara on Thursday, killing nine passengers.",
    "Nine people died when attackers torched their homes in a village in Plateau state.",
])
def test_fire_as_a_weapon_is_violence(text: str) -> None:
    assert one(text).killed == 9


@pytest.mark.parametrize("text", [
    "Gunmen attacked a memorial ceremony in Kabul on Thursday, killing 32 people.",
    "At least 32 people were killed when militants stormed a vigil in Kabul on Thursday.",
    "A suicide bomber struck mourners at a remembrance service in Kabul, killing 32.",
])
def test_an_attack_on_a_commemoration_is_a_current_event(text: str) -> None:
    inc = one(text, "2026-05-07")
    assert (inc.killed, inc.historical) == (32, False)


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


@pytest.mark.parametrize("text, day", [
    ("03/14/2013: Gunmen killed five police officers at a checkpoint in Quetta.", "2013-03-14"),
    ("11/02/2015: A roadside bomb killed five soldiers near Kandahar.", "2015-11-02"),
    ("7/4/2019: Five villagers were shot dead by bandits in Zamfara.", "2019-07-04"),
])
def test_an_undated_summary_takes_the_date_it_opens_with(text: str, day: str) -> None:
    inc = one(text, None)
    assert (inc.killed, inc.date, inc.historical) == (5, day, False)


@pytest.mark.parametrize("text", [
    "03/14/2013: Gunmen killed five police officers in Quetta. In March 2009, a similar "
    "attack in the city killed 14 people.",
    "On 6 March 2020, gunmen killed five police officers in Quetta. Fourteen people died in "
    "an attack on the same checkpoint on 2 May 2016.",
    "Gunmen killed five police officers in Quetta on 12 June 2018. The city's worst attack, "
    "on 8 August 2016, killed 14 lawyers.",
])
def test_without_a_publication_date_the_article_s_own_dates_tell_the_past(text: str) -> None:
    current = [i for i in incidents(text, None) if not i.historical]
    assert sum(i.killed for i in current) == 5


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


@pytest.mark.parametrize("text, killed", [
    ("11 killed in attack on police headquarters\n\nAttackers stormed a police headquarters "
     "in Helmand. In addition to the suicide bomber, 10 police officers were killed.", 11),
    ("In addition to the suicide bomber, two guards were killed at the gate in Kabul.", 3),
    ("Four dead in checkpoint bombing\n\nIn addition to the bomber, three soldiers died at "
     "a checkpoint near Tikrit.", 4),
])
def test_in_addition_to_the_bomber_counts_the_bomber_once(text: str, killed: int) -> None:
    assert one(text, "2026-05-08").killed == killed


@pytest.mark.parametrize("text", [
    "On 1 May 2020, attackers blew up a pipeline near Nogales. In March 2009, a similar "
    "attack in the region killed 14 people.",
    "Rebels seized a town in the north in July 2018, residents said. Fourteen people died "
    "when the same group raided it on 3 March 2011.",
    "The 2021 election passed without violence. In 2009, clashes in the capital killed 14.",
])
def test_an_undated_article_with_no_current_toll_reports_no_current_deaths(text: str) -> None:
    assert all(i.historical for i in incidents(text, None))


@pytest.mark.parametrize("text", [
    "An ambush killed five soldiers in Borno on Thursday. More than 580 people have been "
    "killed in the state in the first seven months of the year.",
    "An ambush killed five soldiers in Borno on Thursday. Attacks in the state have killed "
    "580 people this year, officials say.",
    "An ambush killed five soldiers in Borno on Thursday. The insurgency has killed more "
    "than 4,000 people.",
    "An ambush killed five soldiers in Borno on Thursday. At least 4,000 people have died "
    "in the conflict, according to the United Nations.",
    "An ambush killed five soldiers in Borno on Thursday. The conflict has left more than "
    "4,000 people dead.",
    "An ambush killed five soldiers in Borno on Thursday. More than 4,000 people have been "
    "killed in Nigeria's war against the jihadists.",
    # a running total over a period: "so far", "over the last N months"
    "An ambush killed five soldiers in Borno on Thursday. Some 4,000 civilians have been "
    "killed in the campaign so far.",
    "An ambush killed five soldiers in Borno on Thursday. Over the past eight months the "
    "militants have killed 900 villagers in the state.",
    "An ambush killed five soldiers in Borno on Thursday. More than 900 people were killed "
    "across the state over the last two years.",
    # a total over many attacks
    "An ambush killed five soldiers in Borno on Thursday. The state saw 36 militant attacks "
    "in June, which killed 60 people.",
    "An ambush killed five soldiers in Borno on Thursday. Over 120 raids on villages have "
    "left some 300 people dead.",
    "An ambush killed five soldiers in Borno on Thursday. About 580 people died in more than "
    "550 separate attacks across the region.",
])
def test_a_running_total_of_a_war_or_a_year_is_no_incident_toll(text: str) -> None:
    assert [i.killed for i in incidents(text, "2026-05-07")] == [5]


@pytest.mark.parametrize("text", [
    "Twelve people have been killed in the deadliest attack to hit Maiduguri this year, "
    "police said.",
    "The deadliest attack this year killed 12 people at a market in Maiduguri.",
    "Twelve people were killed in the conflict-hit town of Maiduguri on Thursday.",
    "Twelve soldiers have been killed in the war zone near Maiduguri, the army said.",
    "Warplanes carried out 20 airstrikes on Maiduguri overnight, killing 12 people.",
    "At least 12 people have so far been killed in the Maiduguri market bombing, police "
    "said.",
    "The toll so far stands at 12 dead after the blast in Maiduguri.",
    "Twelve people were killed in Maiduguri on Thursday, the third attack there so far "
    "this month.",
])
def test_an_incident_ranked_against_the_year_is_still_an_incident(text: str) -> None:
    assert one(text, "2026-05-07").killed == 12



@pytest.mark.parametrize("text", [
    "Twelve men were jailed for life on Thursday over a bombing in Kayseri in which 44 "
    "people were killed.",
    "The trial of three men accused of an attack in which 22 people were killed opened in "
    "Manchester on Thursday.",
    "A court in Nairobi on Thursday sentenced two men for their part in a siege that killed "
    "67 shoppers.",
])
def test_a_court_story_recalls_the_attack_it_judges(text: str) -> None:
    assert all(i.historical for i in incidents(text, "2026-05-07"))


@pytest.mark.parametrize("text", [
    "Police arrested two suspects after a bomb killed five people at a market in Kano on "
    "Thursday.",
    "Two men were arrested on Thursday after gunmen killed five villagers near Kano.",
    "The UN condemned an attack that killed five peacekeepers near Kidal on Thursday.",
])
def test_an_arrest_or_a_condemnation_after_an_attack_keeps_its_toll(text: str) -> None:
    assert one(text, "2026-05-07").killed == 5


@pytest.mark.parametrize("text", [
    "Police foiled a plot to bomb a market in Kano that could have killed dozens.",
    "The group threatened to kill five hostages in Kano.",
    "Police arrested two men planning to attack a church in Kano.",
])
def test_plots_and_threats_report_no_casualties(text: str) -> None:
    assert incidents(text, "2026-05-07") == []


LEAD = "Gunmen killed four police officers at a checkpoint in Peshawar on Monday. "


@pytest.mark.parametrize("background", [
    "Security was tightened across the country following the attack on a school in the "
    "capital that killed 140 pupils.",
    "The shooting comes after the bombing of a bus station which left 30 people dead.",
    "It was the first such raid since the siege of a hotel in which 21 guests were killed.",
])
def test_a_later_sentence_naming_an_earlier_attack_by_its_toll_recalls_it(
    background: str,
) -> None:
    found = incidents(LEAD + background, "2026-03-10")
    assert [i.killed for i in found if not i.historical] == [4]


@pytest.mark.parametrize("text", [
    LEAD + "The shooting came a day after a helicopter attack killed 30 villagers nearby.",
    LEAD + "It followed Sunday's bombing of a bus station that killed 30 people.",
])
def test_an_attack_days_before_is_still_current(text: str) -> None:
    assert sum(i.killed for i in incidents(text, "2026-03-10") if not i.historical) == 34


def test_the_lead_sentence_itself_is_never_the_recalled_one() -> None:
    text = ("Police arrested two men after the attack on a market that killed 12 people in "
            "Peshawar on Monday.")
    assert [i.killed for i in incidents(text, "2026-03-10") if not i.historical] == [12]


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


@pytest.mark.parametrize("text", [
    "Officials say the death toll from the Nov. 24 bombing in Hilla has risen to 92.",
    "Sgt. Omar Ali said 92 people were killed in the Hilla bombing.",
    "The Jan. 5 blast in Hilla killed 92 people, Gen. Saad Maan said.",
])
def test_abbreviations_do_not_cut_a_sentence(text: str) -> None:
    assert one(text, "2026-12-03").killed == 92



@pytest.mark.parametrize("background", [
    "In March 2009, a similar attack in the region killed 14 people.",
    "A similar bombing at the same market killed 14 people in 2011.",
    "The last such attack, on a bus in the town, killed 14.",
    "A previous raid on the village left 14 dead.",
])
@pytest.mark.parametrize("published", [None, "2026-06-01"])
def test_an_attack_compared_with_the_one_reported_is_the_past(
    background: str, published: str | None,
) -> None:
    text = "Militants attacked a village in Borno, killing five farmers. " + background
    assert [i.killed for i in incidents(text, published) if not i.historical] == [5]



@pytest.mark.parametrize("lead", [
    "Militants attacked a village in Borno, killing five farmers.",
    "03/14/1995: Militants attacked a village in Borno, killing five farmers.",
    "On 14 March 2016, militants attacked a village in Borno, killing five farmers.",
])
@pytest.mark.parametrize("background", [
    "In March 2009, gunmen stormed a market in the region, killing 14 people.",
    "Fourteen people died when a bomb went off at a bus station in the region in 2009.",
    "A car bomb in the state capital killed 14 people on 2 June 2009.",
])
def test_in_an_undated_text_a_later_sentence_dated_in_another_year_is_background(
    lead: str, background: str,
) -> None:
    found = incidents(f"{lead} {background}", None)
    assert [i.killed for i in found if not i.historical] == [5]


def test_in_an_undated_text_events_days_apart_are_all_current() -> None:
    text = ("On 3 May 2015, a bomb killed five people at a market in Maiduguri. On 5 May "
            "2015, gunmen killed seven villagers near Bama.")
    assert sum(i.killed for i in incidents(text, None) if not i.historical) == 12



@pytest.mark.parametrize("lead", [
    "Rebels set fire to a fuel depot in the north.",
    "Police broke up a protest march in the capital.",
    "Kidnappers seized an aid worker near the border.",
])
@pytest.mark.parametrize("background", [
    "In March 2009, gunmen stormed a market in the region, killing 14 people.",
    "Fourteen people died when a bomb went off at a bus station in the region in 2009.",
    "A car bomb in the state capital killed 14 people on 2 June 2009.",
])
def test_an_undated_text_whose_own_event_had_no_dead_reports_none(
    lead: str, background: str,
) -> None:
    assert [i.killed for i in incidents(f"{lead} {background}", None)
            if not i.historical] == []


def test_an_undated_text_whose_only_event_is_dated_reports_it() -> None:
    text = "On 3 May 2015, gunmen stormed a market in Bama, killing 14 people."
    assert [i.killed for i in incidents(text, None) if not i.historical] == [14]


@pytest.mark.parametrize("text", [
    "03/02/2011: Gunmen kidnapped two engineers near Multan. One of the engineers was "
    "killed in a drone strike on 14 January 2013.",
    "03/02/2011: Gunmen kidnapped a priest in Kaduna. His body was found on 5 June 2012; "
    "he had been shot dead.",
])
def test_a_dated_summary_keeps_a_later_outcome_of_its_event(text: str) -> None:
    assert sum(i.killed for i in incidents(text, None) if not i.historical) == 1



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



@pytest.mark.parametrize("text", [
    "Gunmen killed 20 villagers in Zamfara on Tuesday. Another 19 are feared dead.",
    "Gunmen killed 20 villagers in Zamfara on Tuesday. Up to 19 more may have been killed, "
    "residents said.",
    "Gunmen killed 20 villagers in Zamfara on Tuesday. Residents said 19 more villagers "
    "were thought to have died in the bush.",
    "Gunmen killed 20 villagers in Zamfara on Tuesday, and 19 more are feared dead.",
])
def test_a_guessed_figure_adds_no_one_to_the_toll(text: str) -> None:
    assert one(text, "2026-05-08").killed == 20


def test_a_guess_is_the_toll_when_nothing_else_counts_the_dead() -> None:
    text = "Twenty people are feared dead after gunmen raided a village in Zamfara on Tuesday."
    assert one(text, "2026-05-08").killed == 20



@pytest.mark.parametrize("background", [
    "On October 14, gunmen raided another village and killed 24 farmers.",
    "Gunmen killed 24 people in a raid on a village in the same state on 14 October.",
    "A bomb killed 24 people at a market in the state capital on Oct. 14.",
])
def test_an_event_weeks_before_named_by_its_calendar_date_is_background(
    background: str,
) -> None:
    text = "Gunmen killed 20 villagers in Zamfara on Tuesday. " + background
    assert [i.killed for i in incidents(text, "2026-10-29") if not i.historical] == [20]


def test_an_event_two_days_before_named_by_its_date_is_current() -> None:
    text = ("Gunmen killed 20 villagers in Zamfara on Tuesday. On October 25, at least 24 "
            "people were killed when gunmen stormed another village.")
    assert sum(i.killed for i in incidents(text, "2026-10-29") if not i.historical) == 44



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


@pytest.mark.parametrize("text", [
    "One killed in Lanka as police fire on protesters",
    "Lanka: two soldiers killed in a blast near the northern town of Kilinochchi.",
    "Police in Lanka said three people were killed when gunmen opened fire on a bus.",
])
def test_lanka_in_a_headline_is_sri_lanka(text: str) -> None:
    assert one(text, "2026-04-19").location.country == "LK"



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
