"""wirewatch.extraction — What is the story's own event and what is not: the past it recalls,
running totals, retrospectives, claims and guesses, other current attacks, disasters. Each
rule pinned with our own sentences."""

from __future__ import annotations

import pytest

from tests.core.extraction.helpers import LEAD, incidents, one


def test_recalled_past_attack_is_historical() -> None:
    found = incidents("Mourners gathered on Saturday to remember the victims of a double "
                      "suicide bombing in Ankara on 10 October 2015 that killed 103 people.",
                      "2026-03-07")
    assert found and all(i.historical for i in found)


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


def test_a_killing_recalled_as_a_motive_is_not_a_death() -> None:
    assert incidents("Youths set a fire at a community hall on Friday. Police said the arson "
                     "answered the killing of a local activist.") == []


def test_reported_speech_past_perfect_restates_the_incident() -> None:
    inc = one("A Danish engineer was killed in the raid on the hotel. The ministry confirmed "
              "that a Danish engineer had died in the raid.")
    assert inc.killed == 1


@pytest.mark.parametrize("text, killed, wounded", [
    ("Police opened fire on stone-throwing protesters in the town on Tuesday, killing one man "
     "and wounding eight. A doctor at the district hospital said eight people were admitted "
     "with bullet wounds and one had died.", 1, 8),
    ("Gunmen attacked a checkpoint on Friday, killing three soldiers. An army spokesman said "
     "the patrol came under fire at dawn and three soldiers had been killed.", 3, 0),
    ("A bomb tore through a bus in the city on Monday, killing four passengers. The governor "
     "told reporters that the bus was crowded, that four passengers had been killed and that "
     "the driver was missing.", 4, 0),
])
def test_a_past_perfect_further_into_reported_speech_still_restates(
        text: str, killed: int, wounded: int) -> None:
    inc = one(text)
    assert (inc.killed, inc.wounded) == (killed, wounded)


def test_a_relative_clause_in_reported_speech_still_recalls_an_earlier_event() -> None:
    found = incidents("Gunmen shot dead two traders in the market on Sunday. Police said the "
                      "suspect, who had killed a guard the year before, was arrested.")
    assert sum(i.killed for i in found if not i.historical) == 2


def test_a_past_perfect_event_is_a_second_incident() -> None:
    found = incidents("Gunmen killed four villagers on Monday. On Sunday two farmers had been "
                      "shot dead nearby.")
    assert sorted(i.killed for i in found) == [2, 4]


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
