"""wirewatch.watch: watch rule syntax (docs/contract.md) and matching."""

import pytest

from schemas.records import Actor, Incident, Location, Victim, WatchedRole, WatchRule
from wirewatch.watch import WatchRuleError, format_rule, matches, parse_rule, parse_rules


def test_default_roles_are_victim_and_location() -> None:
    assert parse_rule("tr") == WatchRule("TR", ["victim", "location"], 0)


def test_roles_and_minimum() -> None:
    assert parse_rule("RU:perpetrator") == WatchRule("RU", ["perpetrator"], 0)
    assert parse_rule("NG:victim+location>=5") == WatchRule("NG", ["victim", "location"], 5)


def test_parse_rules_splits_on_commas_and_ignores_blanks() -> None:
    rules = parse_rules(" TR, RU:perpetrator ,")
    assert [r.country for r in rules] == ["TR", "RU"]
    assert parse_rules("") == [] and parse_rules(None) == []


@pytest.mark.parametrize("text", ["XX", "TUR", "TR:everything", "TR:", "T1", "TR>=x"])
def test_bad_rules_are_rejected(text: str) -> None:
    with pytest.raises(WatchRuleError):
        parse_rule(text)


def test_format_round_trips() -> None:
    for text in ["TR", "RU:perpetrator", "NG:location>=5"]:
        assert parse_rule(format_rule(parse_rule(text))) == parse_rule(text)


def incident() -> Incident:
    return Incident(
        incident_id="i", killed=3, wounded=11,
        victims=[Victim(3, "killed", "soldiers", "TR")],
        perpetrator=Actor("Russian air force", "RU"),
        location=Location("Al Bab", "SY", 36.37, 37.52), date="2017-02-09",
    )


def test_matches_by_role() -> None:
    inc = incident()
    assert matches(inc, parse_rules("TR")) == [WatchedRole("TR", ["victim"])]
    assert matches(inc, parse_rules("SY")) == [WatchedRole("SY", ["location"])]
    assert matches(inc, parse_rules("RU:perpetrator")) == [WatchedRole("RU", ["perpetrator"])]
    assert matches(inc, parse_rules("RU:victim")) == []
    assert matches(inc, parse_rules("SY:victim")) == []


def test_minimum_killed() -> None:
    assert matches(incident(), parse_rules("TR>=3"))
    assert not matches(incident(), parse_rules("TR>=4"))
