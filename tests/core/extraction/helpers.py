"""Shared helpers for the extraction tests: run the pure extraction (and classification)
on a text of our own."""

from __future__ import annotations

from schemas.records import Incident
from wirewatch.extraction import Article, extract
from wirewatch.pipeline import classify_incident

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


LEAD = "Gunmen killed four police officers at a checkpoint in Peshawar on Monday. "



def incidents(text: str, published: str | None = "2026-03-05", title: str | None = None
              ) -> list[Incident]:
    """Every incident extracted (and classified) from ``text``."""
    return [classify_incident(i) for i in extract(Article("t", text, published, title))]


def one(text: str, published: str | None = "2026-03-05") -> Incident:
    """The one incident ``text`` gives (fails when it gives none or several)."""
    found = incidents(text, published)
    assert len(found) == 1, found
    return found[0]
