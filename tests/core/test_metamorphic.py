"""Metamorphic tests: a story told differently reports the same tolls.

Our own short stories, each with the tolls it states, go through every rewrite of
:mod:`wirewatch.rewrites` (a headline restating the toll, a dateline, a background
sentence about an earlier attack, a caveat, numbers spelled out, an acronym in
brackets, publisher furniture); the current killed and wounded must not move.
"""

from __future__ import annotations

import pytest

from wirewatch.evaluation import Row, predict_row
from wirewatch.rewrites import REWRITES, acronym, numbers_as_words, spelled

STORIES: list[tuple[str, int, int]] = [
    ("A roadside bomb killed 4 soldiers and wounded 7 others near Kandahar in southern "
     "Afghanistan on Tuesday, a provincial spokesman said. The soldiers were on a routine "
     "patrol when the device went off.", 4, 7),
    ("Gunmen on motorcycles killed 12 villagers in a raid on a village in Zamfara state, "
     "northwest Nigeria, on Sunday, police said. Residents said the attackers also burned "
     "homes and stole cattle.", 12, 0),
    ("An air strike hit a market in the town of Maarat al-Numan in Idlib province, Syria, "
     "on Monday, killing 9 civilians and wounding 23, rescue workers said.", 9, 23),
    ("A suicide bomber set off his vest beside a police checkpoint in Mogadishu on Wednesday, "
     "killing three officers. Six passers-by were wounded, a police spokesman said.", 3, 6),
    ("Fighting between the army and rebels near Goma in eastern Congo killed 15 rebels and "
     "2 soldiers on Friday, the army said in a statement.", 17, 0),
    ("Shelling killed two civilians and wounded five in the city of Kharkiv on Thursday, "
     "the regional governor said. Several apartment blocks were damaged.", 2, 5),
]


def tolls(text: str, killed: int, wounded: int) -> tuple[int, int]:
    gold = {"killed": killed, "wounded": wounded}
    predicted = predict_row(Row("m", text, "2026-05-08T09:00:00Z", gold))
    return predicted.killed, predicted.wounded


@pytest.mark.parametrize("text, killed, wounded", STORIES)
def test_the_stories_are_read_right_as_they_are(text: str, killed: int, wounded: int) -> None:
    assert tolls(text, killed, wounded) == (killed, wounded)


@pytest.mark.parametrize("kind", sorted(REWRITES))
@pytest.mark.parametrize("text, killed, wounded", STORIES)
def test_a_rewrite_keeps_the_tolls(kind: str, text: str, killed: int, wounded: int) -> None:
    rewritten = REWRITES[kind](text, {"killed": killed, "wounded": wounded})
    assert tolls(rewritten, killed, wounded) == (killed, wounded), rewritten


def test_the_rewrites_do_what_they_say() -> None:
    assert spelled(42) == "forty-two" and spelled(7) == "seven" and spelled(30) == "thirty"
    assert numbers_as_words("killed 12 people on 3/4 at 10:30 in 2019", {}) == \
        "killed twelve people on 3/4 at 10:30 in 2019"
    assert numbers_as_words("the Nov. 24 bombing and the May 6 raid left 30 dead", {}) == \
        "the Nov. 24 bombing and the May 6 raid left thirty dead"
    assert numbers_as_words("Two men died. 3 fatalities.", {}) == "Two men died. Three fatalities."
    assert acronym("Fighting near Goma, said the Congolese Armed Forces on Friday.", {}) == \
        "Fighting near Goma, said the Congolese Armed Forces (CAF) on Friday."
