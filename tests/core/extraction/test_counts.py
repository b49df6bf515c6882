"""wirewatch.extraction — How one sentence's figures are read: numbers and qualifiers, who the
victims are, attackers, recaps, what is no casualty report. Each rule pinned with our own
sentences."""

from __future__ import annotations

import pytest

from tests.core.extraction.helpers import incidents, one


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


def test_things_are_not_people() -> None:
    inc = one("Militants killed 5 people and burned two vehicles in the raid.")
    assert inc.killed == 5
    inc = one("Gunmen killed eighteen visitors who came from at least eight nations.")
    assert inc.killed == 18


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


@pytest.mark.parametrize("text", [
    "The retired judge Amaru Quispe was found dead in a ditch after an attack by unknown men.",
    "Four rebels killed Colonel Tomas Arevalo Ruiz as he left a bakery.",
    "67-year-old Halima Osei, a market trader, was stabbed to death by a masked man.",
    "Two youths attacked a petrol station, resulting in the death of a 41-year-old man.",
])
def test_named_and_described_single_victims(text: str) -> None:
    assert one(text).killed == 1


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


@pytest.mark.parametrize("text, killed, wounded", [
    ("More than two dozen people died when a bomb exploded at a rally in Peshawar.", 24, 0),
    ("Gunmen killed three dozen villagers in Zamfara on Thursday.", 36, 0),
    ("Two dozen people were wounded when a grenade exploded at a market in Kampala.", 0, 24),
])
def test_n_dozen_is_n_times_twelve(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
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


@pytest.mark.parametrize("text, killed", [
    ("Gunmen in a passing car killed the town's mayor, as well as his wife, son and "
     "bodyguard.", 4),
    ("A roadside bomb killed a district judge along with his driver and two guards.", 4),
    ("The gunmen shot dead a tribal elder, his brother and his nephew.", 3),
    ("Attackers killed a village chief together with his aide on Sunday.", 2),
])
def test_each_person_listed_after_a_victim_counts_one(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text", [
    "A bomb killed a soldier, police said.",
    "A sniper killed a soldier and wounded two others near the base.",
    "Gunmen killed a guard, driver of the convoy said.",
])
def test_a_list_ends_where_the_victims_do(text: str) -> None:
    assert one(text).killed == 1


@pytest.mark.parametrize("text, killed", [
    ("Gunmen killed three police officers on Monday. A rebel spokesman said the fighters "
     "killed nine soldiers.", 3),
    ("Two soldiers were killed in the ambush, the army said, while an insurgent spokesman "
     "said 15 troops died.", 2),
    ("Four soldiers died in the raid on the base. A Taliban spokesman told reporters its men "
     "had killed 30 soldiers.", 4),
])
def test_an_armed_group_s_own_count_is_its_claim_not_the_toll(text: str, killed: int) -> None:
    assert sum(i.killed for i in incidents(text)) == killed


@pytest.mark.parametrize("text, killed", [
    ("A suicide bomber killed 14 soldiers at a base on Tuesday. The militants claimed "
     "responsibility on their radio station, saying their fighters had killed 30 soldiers.",
     14),
    ("Gunmen killed six policemen at a checkpoint on Monday. The Taliban claimed "
     "responsibility and said 20 officers died.", 6),
    ("Rebels claimed responsibility for Sunday's ambush, saying they killed 12 troops.", 12),
])
def test_a_figure_told_with_a_claim_of_responsibility_is_the_group_s_claim(
        text: str, killed: int) -> None:
    assert sum(i.killed for i in incidents(text) if not i.historical) == killed


def test_a_state_force_s_spokesman_is_a_source_like_any() -> None:
    assert one("An army spokesman said troops killed 12 militants in the raid.").killed == 12


@pytest.mark.parametrize("text, killed", [
    ("During two days of fighting, 12 soldiers died on the first day and three others the "
     "next day.", 15),
    ("Nine villagers were killed on Monday and four more on Tuesday.", 13),
    ("Gunmen killed six people in the market and two others near the mosque.", 8),
])
def test_a_figure_sharing_the_verb_of_a_count_before_it_counts_too(
        text: str, killed: int) -> None:
    assert sum(i.killed for i in incidents(text)) == killed


@pytest.mark.parametrize("text, killed, wounded", [
    ("Five soldiers were killed in the attack and two vehicles destroyed.", 5, 0),
    ("Three rebels were wounded and two others captured near the border.", 0, 3),
    ("Bombs killed 30 people at two churches and three hotels.", 30, 0),
    ("Gunmen killed 24 villagers, including two children and eleven women.", 24, 0),
])
def test_a_figure_with_a_verb_of_its_own_or_of_things_or_of_a_breakdown_adds_nobody(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed", [
    ("Security forces eliminated three terrorists in the raid.", 3),
    ("A guard was killed and two people were hurt in the attack on the depot, and the "
     "attacker was eliminated by police.", 2),
    ("Commandos stormed the house, eliminating four kidnappers.", 4),
])
def test_eliminated_people_are_dead(text: str, killed: int) -> None:
    assert one(text).killed == killed


def test_eliminated_things_are_no_casualties() -> None:
    assert incidents("The reform eliminated two posts and the budget was cut.") == []


@pytest.mark.parametrize("text, killed", [
    ("Fighting in the hills left at least four policemen and nine rebels dead on Friday.",
     13),
    ("3 soldiers, 7 militants killed in border clashes", 10),
    ("The fighting left two policemen, four rebels and five civilians dead.", 11),
])
def test_counts_listed_before_one_casualty_word_all_take_it(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text, killed", [
    ("Police arrested 12 suspects and two soldiers were killed in the raid.", 2),
    ("In addition to 3 attackers, 20 guards were killed in the raid.", 23),
    ("Troops captured 15 fighters, 4 soldiers died in the assault.", 4),
])
def test_a_count_another_verb_takes_is_not_listed_with_the_dead(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text", [
    "Unknown gunmen shot and killed local journalist Maria Lopez in the town on Monday.",
    "Soldiers killed senior militant commander Abu Hamza in a raid on Monday.",
    "Police shot dead notorious gang leader John Okafor at a checkpoint on Monday.",
])
def test_a_named_victim_after_a_title_is_one_dead(text: str) -> None:
    assert one(text).killed == 1


def test_a_thing_before_a_name_is_no_title() -> None:
    assert one("The blast killed three people near the Ahmed Shah Massoud statue on Monday."
               ).killed == 3


@pytest.mark.parametrize("text, killed, wounded", [
    ("Four peacekeepers from Chad were killed and two were wounded when their convoy hit a "
     "landmine.", 4, 2),
    ("Three tourists from Spain died and five were hurt in the shooting at the museum.", 3, 5),
    ("Two guards from the private firm were shot dead and one was wounded at the gate.", 2, 1),
])
def test_from_a_place_marks_no_old_figure(text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text", [
    "The death toll from an attack by militants on a hotel in the capital city rose to 26 on "
    "Sunday, as security forces ended the siege.",
    "The toll from Saturday's bombing of the crowded bus station in the north of the country "
    "has climbed to 26, officials said.",
    "The death toll in the attack on the army base near the border with the neighbouring "
    "state has now risen to 26.",
])
def test_a_death_toll_far_before_its_figure_is_still_the_toll(text: str) -> None:
    assert one(text).killed == 26


@pytest.mark.parametrize("text, killed, wounded", [
    ("A device went off on the highway, causing the death of three persons and injuries to "
     "five others.", 3, 5),
    ("The shelling resulted in the deaths of four civilians and injuries to nine.", 4, 9),
    ("The ambush led to the killing of two rangers and the wounding of three drivers.", 2, 3),
])
def test_the_noun_before_of_says_what_befell_the_people_counted(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed", [
    ("OUAGADOUGOU — Gunmen killed more than 100 civilians in an overnight raid on the "
     "village of Solhan.", 100),
    ("BAMAKO — Gunmen killed nearly 40 villagers in a raid in central Mali on Sunday.", 40),
    ("MAIDUGURI — Insurgents killed about 25 farmers in their fields on Monday.", 25),
])
def test_who_kills_a_qualified_figure_is_no_victim(text: str, killed: int) -> None:
    assert one(text).killed == killed


@pytest.mark.parametrize("text, killed, wounded", [
    ("A gunman opened fire at a bus stop on Thursday, killing two people and wounding four "
     "before he was shot dead by soldiers.", 3, 4),
    ("An attacker stabbed three shoppers to death before being shot dead by police.", 4, 0),
    ("The assailant killed a guard before he was himself killed by security forces.", 2, 0),
])
def test_an_attacker_killed_after_the_killing_is_one_more_dead(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


@pytest.mark.parametrize("text, killed", [
    ("Five people, including the gunman, were killed before he was shot dead by police.", 5),
    ("A man on a rampage at a shopping centre shot dead six shoppers before he was himself "
     "killed.", 7),
])
def test_an_attacker_the_sentence_counts_is_not_added_twice(text: str, killed: int) -> None:
    assert one(text).killed == killed
