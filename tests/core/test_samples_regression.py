"""Regression over the bundled sample articles: what the pure pipeline finds in each.

Checked by hand when written; a change to these figures must be a deliberate one.
"""

import orjson
import pytest

from tests.conftest import sample_articles
from wirewatch.cleaning import parse_raw
from wirewatch.pipeline import analyse

pytestmark = pytest.mark.slow  # starts processes or loads the model

# id → [(killed, wounded, location country, sub-event type, historical)]
EXPECTED = {
    "nw-2026-1118-001": [(12, 30, "NG", "Remote explosive/landmine/IED", False)],
    "ps-2026-1118-417": [(12, 30, "NG", "Remote explosive/landmine/IED", False)],
    "nw-2026-1120-044": [(19, 20, "NG", "Remote explosive/landmine/IED", False)],
    "kw-2026-1116-210": [(3, 9, "UA", "Shelling/artillery/missile attack", False)],
    "kw-2026-1119-355": [(6, 0, "PK", "Armed clash", False)],  # 4 police + 2 attackers
    "hl-2026-1121-090": [(15, 12, "SO", "Suicide bomb", False)],
    "nw-2026-1117-610": [(2, 0, "AF", "Remote explosive/landmine/IED", False)],
    "kw-2026-1122-118": [(5, 0, "SY", "Air/drone strike", False)],
    "sd-2026-1115-777": [(9, 0, "ML", "Attack", False)],
    "ga-2026-1118-301": [(2, 3, "TR", "Remote explosive/landmine/IED", False)],
    "fw-2026-1119-020": [],
    "nw-2026-1120-512": [],
    "kw-2026-1121-333": [(109, 0, "TR", "Remote explosive/landmine/IED", True)],
    "hl-2026-1119-404": [],
    "kw-2026-1123-008": [(4, 7, "UA", "Air/drone strike", False)],
}


@pytest.mark.parametrize("article", sample_articles(), ids=lambda a: str(a["id"]))
def test_sample(article: dict[str, object]) -> None:
    found = analyse(parse_raw(orjson.dumps(article))).incidents
    got = [(i.killed, i.wounded, i.location.country, i.sub_event_type, i.historical)
           for i in found]
    assert got == EXPECTED[str(article["id"])]


def test_every_sample_is_pinned() -> None:
    assert {str(a["id"]) for a in sample_articles()} == set(EXPECTED)
