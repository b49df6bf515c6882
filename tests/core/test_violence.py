"""wirewatch.violence: the one vocabulary of violence — what decides that deaths were
violent, and what only names the kind of violence."""

from __future__ import annotations

import pytest

from wirewatch.violence import NON_VIOLENT_CAUSES, SUB_EVENT_CUES, VIOLENCE


@pytest.mark.parametrize("sentence", [
    "A passenger plane crashed short of the runway, killing all 41 people on board.",
    "A gas explosion in a block of flats killed six residents overnight.",
    "Eleven miners died when the shaft collapsed after heavy rain.",
])
def test_ambiguous_words_alone_do_not_make_deaths_violent(sentence: str) -> None:
    assert NON_VIOLENT_CAUSES.search(sentence)
    assert not VIOLENCE.search(sentence)


def test_the_same_ambiguous_words_name_a_kind_of_violence() -> None:
    cues = dict(SUB_EVENT_CUES)
    assert cues["Air/drone strike"].search("a plane crashed")
    assert cues["Remote explosive/landmine/IED"].search("a gas explosion")


@pytest.mark.parametrize("sentence", [
    "Gunmen opened fire on a bus near the border, killing nine passengers.",
    "A roadside bomb struck an army convoy, wounding four soldiers.",
    "Shelling of the market left twelve civilians dead.",
    "Militants ambushed a police patrol at dawn.",
])
def test_words_of_violence_mark_it_on_their_own(sentence: str) -> None:
    assert VIOLENCE.search(sentence)


def test_the_sub_types_are_ordered_most_specific_first() -> None:
    order = [sub for sub, _ in SUB_EVENT_CUES]
    assert order.index("Suicide bomb") < order.index("Remote explosive/landmine/IED")
    assert order[-1] == "Attack"
