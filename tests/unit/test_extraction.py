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
    inc = one("A suicide bomber blew himself up at a mosque in Quetta on Thursday, "
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
