"""wirewatch.alerting: when an incident becomes an alert, and its identity."""

import pytest

from schemas.records import Actor, Incident, Location, SourceRef, Victim
from wirewatch.alerting import alert_id, decide, severity
from wirewatch.watch import parse_rules


def incident(**changes: object) -> Incident:
    base = Incident(
        incident_id="i1", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", killed=3, wounded=11,
        victims=[Victim(3, "killed", "soldiers", "TR"), Victim(11, "wounded", "soldiers", "TR")],
        perpetrator=Actor("Russian air force", "RU"),
        location=Location("Al Bab", "SY", 36.37, 37.52), date="2017-02-09",
        evidence=["..."], article_ids=["a1"],
        sources=[SourceRef("a1", "Test Wire", "2017-02-09T10:00:00Z")],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_watched_victim_country_alerts() -> None:
    alert = decide(incident(), parse_rules("TR"), now="2017-02-09T10:01:00Z")
    assert alert is not None
    assert (alert.version, alert.status, alert.severity) == (1, "new", "medium")
    assert alert.watched[0].country == "TR" and alert.watched[0].roles == ["victim"]
    assert alert.sources[0].article_id == "a1"
    assert alert.created_at == alert.updated_at == "2017-02-09T10:01:00Z"


def test_unwatched_and_historical_and_empty_incidents_do_not_alert() -> None:
    assert decide(incident(), parse_rules("FR")) is None
    assert decide(incident(historical=True), parse_rules("TR")) is None
    assert decide(incident(killed=0, wounded=0), parse_rules("TR")) is None


def test_alert_id_is_the_event_not_the_article() -> None:
    one = incident()
    other_report = incident(incident_id="i2", killed=4, article_ids=["a2"])
    assert alert_id(one) == alert_id(other_report)
    assert alert_id(one) != alert_id(incident(date="2017-02-08"))
    assert alert_id(one) != alert_id(incident(location=Location("Ankara", "TR")))
    assert alert_id(one).startswith("al-")


def test_severity_scale() -> None:
    assert severity(incident(killed=0, wounded=2)) == "low"
    assert severity(incident(killed=1, wounded=0)) == "medium"
    assert severity(incident(killed=10, wounded=0)) == "high"
    assert severity(incident(killed=2, wounded=40)) == "high"
    assert severity(incident(killed=50, wounded=0)) == "critical"
    assert severity(incident(killed=20, wounded=90)) == "critical"


# --- identity and updates ------------------------------------------------------------

from wirewatch.alerting import bucket, remembered, revise, same_event, track  # noqa: E402


def report(article_id: str, killed: int, wounded: int = 0, **changes: object) -> Incident:
    changes = {"incident_id": f"i-{article_id}", "evidence": [f"sentence from {article_id}"],
               **changes}
    return incident(killed=killed, wounded=wounded, article_ids=[article_id],
                    sources=[SourceRef(article_id, f"wire {article_id}", "2017-02-09T10:00Z")],
                    **changes)


def test_bucket_is_the_country() -> None:
    assert bucket(incident()) == "SY"
    assert bucket(incident(location=Location(None, None))) == "--"


def test_same_event_rules() -> None:
    base = incident()
    assert same_event(base, report("b", 5))
    assert same_event(base, report("b", 5, location=Location("Syria", "SY")))  # country only
    assert same_event(base, report("b", 5, location=Location("Qabasin", "SY", 36.38, 37.68)))
    assert not same_event(base, report("b", 5, location=Location("Idlib", "SY", 35.93, 36.63)))
    assert not same_event(base, report("b", 5, location=Location("Al Bab", "TR")))
    # the country or a region only: the kind of event must agree
    assert not same_event(base, report("b", 5, location=Location("Syria", "SY"),
                                       event_type="Battles"))


@pytest.mark.parametrize("date", ["2017-02-08", "2017-02-10", None])
def test_reports_a_day_apart_or_undated_are_one_event(date: str | None) -> None:
    assert same_event(incident(), report("b", 5, date=date))


@pytest.mark.parametrize("date", ["2017-02-07", "2017-02-11", "2017-03-09"])
def test_reports_further_apart_are_other_events(date: str) -> None:
    assert not same_event(incident(), report("b", 5, date=date))


@pytest.mark.parametrize("event_type", ["Battles", "Violence against civilians", None])
def test_the_same_town_is_one_event_whatever_each_report_calls_it(
        event_type: str | None) -> None:
    assert same_event(incident(), report("b", 5, event_type=event_type))


def test_first_report_creates_then_higher_toll_updates_then_repeat_is_silent() -> None:
    rules = parse_rules("TR")
    first, state = track([], report("a", 3, 11), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None and (first.version, first.status) == (1, "new")
    second, state = track(state, report("b", 5, 9), rules, "2017-02-09T12:00:00Z", 72)
    assert second is not None and second.alert_id == first.alert_id
    assert (second.version, second.status) == (2, "updated")
    assert (second.incident.killed, second.incident.wounded) == (5, 11)  # revised up only
    assert [s.article_id for s in second.sources] == ["a", "b"]
    assert second.created_at == first.created_at and second.updated_at != first.updated_at
    again, state = track(state, report("b", 5, 9), rules, "2017-02-09T13:00:00Z", 72)
    assert again is None and len(state) == 1


def test_a_new_source_with_the_same_toll_is_an_update() -> None:
    rules = parse_rules("TR")
    first, _state = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None
    update = revise(first, report("c", 3), [], "2017-02-09T11:00:00Z")
    assert update is not None and update.version == 2 and update.incident.killed == 3


def test_other_events_and_old_alerts_are_separate() -> None:
    rules = parse_rules("TR")
    first, state = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 72)
    other, state = track(state, report("x", 2, location=Location("Idlib", "SY", 35.93, 36.63)),
                         rules, "2017-02-09T11:00:00Z", 72)
    assert first is not None and other is not None and other.alert_id != first.alert_id
    assert len(state) == 2
    late, state = track(state, report("z", 9, date="2017-02-20"), rules,
                        "2017-02-20T10:00:00Z", 72)
    assert late is not None and late.status == "new"  # another day's event: a new alert


def test_historical_and_unwatched_reports_publish_nothing() -> None:
    assert track([], report("h", 3, historical=True), parse_rules("TR"), "x", 72)[0] is None
    assert track([], report("u", 3), parse_rules("FR"), "2017-02-09T10:00:00Z", 72)[0] is None


# --- one alert, one incident ----------------------------------------------------------


def part(article_id: str, n: int, killed: int, wounded: int = 0, **changes: object) -> Incident:
    """The n-th incident one article reports."""
    return report(article_id, killed, wounded, incident_id=f"i-{article_id}-{n}", **changes)


@pytest.mark.parametrize("place, event_type, date", [
    (Location("Al Bab", "SY", 36.37, 37.52), "Battles", "2017-02-09"),  # another kind
    (Location("Al Bab", "SY", 36.37, 37.52), "Explosions/Remote violence", "2017-02-08"),
    (Location("Qabasin", "SY", 36.38, 37.68), "Explosions/Remote violence", "2017-02-09"),
    (Location("Syria", "SY"), "Explosions/Remote violence", "2017-02-09"),
])
def test_an_article_s_incidents_are_separate_alerts_with_their_own_tolls(
        place: Location, event_type: str, date: str) -> None:
    rules = parse_rules("SY:location")
    first, state = track([], part("a", 1, 3, 11), rules, "2017-02-09T10:00:00Z", 72)
    second, state = track(state, part("a", 2, 5, 10, location=place, event_type=event_type,
                                      date=date), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None and second is not None
    assert second.alert_id != first.alert_id and second.version == 1
    assert (first.incident.killed, second.incident.killed) == (3, 5)
    assert len(state) == 2


def test_the_same_place_day_and_kind_twice_in_one_article_gets_its_own_id() -> None:
    rules = parse_rules("SY:location")
    first, state = track([], part("a", 1, 3), rules, "2017-02-09T10:00:00Z", 72)
    second, state = track(state, part("a", 2, 4), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None and second is not None
    assert second.alert_id != first.alert_id and second.status == "new"


def test_another_wire_s_report_updates_the_closest_of_an_article_s_incidents() -> None:
    rules = parse_rules("SY:location")
    strike, state = track([], part("a", 1, 3, 11), rules, "2017-02-09T10:00:00Z", 72)
    clash, state = track(state, part("a", 2, 5, 10, event_type="Battles",
                                     sub_event_type="Armed clash"),
                         rules, "2017-02-09T10:00:00Z", 72)
    # a second wire tells only the clash, with a higher toll
    later, state = track(state, part("b", 1, 6, 10, event_type="Battles",
                                     sub_event_type="Armed clash"),
                         rules, "2017-02-09T14:00:00Z", 72)
    assert strike is not None and clash is not None and later is not None
    assert later.alert_id == clash.alert_id and later.version == 2
    assert later.incident.killed == 6  # the higher figure, never 5 + 6
    assert [a.incident.killed for a in state] == [3, 6]


@pytest.mark.parametrize("figures, final", [
    ([5, 9, 12], 12),     # a rising toll
    ([12, 9], 12),        # a lower figure from another wire is an older or partial count
    ([19, 19, 19], 19),   # the same toll told again adds nothing
    ([4, 40, 7], 40),
])
def test_a_later_report_revises_the_toll_and_never_adds_to_it(
        figures: list[int], final: int) -> None:
    rules = parse_rules("TR")
    state: list = []
    alert = None
    for n, killed in enumerate(figures):
        alert, state = track(state, report(f"w{n}", killed), rules,
                             f"2017-02-09T1{n}:00:00Z", 72)
    assert alert is None or alert.incident.killed == final
    assert len(state) == 1 and state[0].incident.killed == final


@pytest.mark.parametrize("sentence", [
    "Officials revised the death toll down to 9 after some bodies were counted twice.",
    "The toll was lowered to nine once the hospital finished its count.",
    "Police corrected the number of dead to 9 on Tuesday.",
])
def test_a_report_that_corrects_the_toll_lowers_it(sentence: str) -> None:
    rules = parse_rules("TR")
    _, state = track([], report("a", 12), rules, "2017-02-09T10:00:00Z", 72)
    fix, state = track(state, report("b", 9, evidence=[sentence]), rules,
                       "2017-02-09T15:00:00Z", 72)
    assert fix is not None and fix.incident.killed == 9 and fix.version == 2


def test_a_report_after_the_window_updates_the_alert_and_never_restarts_its_id() -> None:
    rules = parse_rules("TR")
    first, state = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 72)
    versions = []
    for n, day in enumerate(("2017-02-14", "2017-02-20", "2017-03-01")):
        # each report states the event's own date, long after the window closed
        later, state = track(state, report(f"late{n}", 3 + n), rules, f"{day}T10:00:00Z", 72)
        assert first is not None and later is not None
        assert later.alert_id == first.alert_id
        versions.append(later.version)
    assert versions == [2, 3, 4] and len(state) == 1


def test_a_redelivered_report_changes_nothing() -> None:
    rules = parse_rules("SY:location")
    _, state = track([], part("a", 1, 5), rules, "2017-02-09T10:00:00Z", 72)
    _, state = track(state, part("a", 2, 3, date="2017-02-08"), rules,
                     "2017-02-09T10:00:00Z", 72)
    again, state = track(state, part("a", 2, 3, date="2017-02-08"), rules,
                         "2017-02-09T10:05:00Z", 72)
    assert again is None and [a.incident.killed for a in state] == [5, 3]


def test_the_tracker_forgets_an_alert_once_every_report_of_it_would_be_historical() -> None:
    first, _ = track([], report("a", 3), parse_rules("TR"), "2017-02-09T10:00:00Z", 72)
    assert first is not None
    assert remembered(first, "2017-03-10T10:00:00Z")
    assert not remembered(first, "2017-04-30T10:00:00Z")


@pytest.mark.parametrize("changes", [
    {"location": Location("Baghdad", "IQ", 33.34, 44.4)},  # another country
    {"date": "2017-02-01"},  # a week before: the article recalls another event
])
def test_an_article_s_other_events_are_other_alerts(changes: dict[str, object]) -> None:
    rules = parse_rules("SY:location,IQ:location")
    first, state = track([], part("a", 1, 5), rules, "2017-02-09T10:00:00Z", 72)
    second = part("a", 2, 3)
    for key, value in changes.items():
        setattr(second, key, value)
    other, state = track(state, second, rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None and other is not None and other.alert_id != first.alert_id
    assert first.incident.killed == 5 and other.incident.killed == 3


# --- undated follow-ups -------------------------------------------------------------------


@pytest.mark.parametrize("days_later", [1, 2, 3])
def test_an_undated_later_report_updates_the_event(days_later: int) -> None:
    rules = parse_rules("TR")
    first, state = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 96)
    later = f"2017-02-{9 + days_later:02d}"
    follow, state = track(state, report("b", 9, date=later, date_inferred=True), rules,
                          f"{later}T10:00:00Z", 96)
    assert first is not None and follow is not None
    assert follow.alert_id == first.alert_id and follow.incident.killed == 9
    assert follow.incident.date == "2017-02-09"  # the stated date stands


@pytest.mark.parametrize("date, inferred", [
    ("2017-02-11", False),  # a stated date two days later: another event
    ("2017-02-13", True),   # undated, but four days later
    ("2017-02-06", True),   # undated, and before the event: it cannot report it
])
def test_dates_too_far_apart_are_other_events(date: str, inferred: bool) -> None:
    assert not same_event(incident(), report("b", 5, date=date, date_inferred=inferred))


def test_a_stated_date_replaces_an_inferred_one() -> None:
    rules = parse_rules("TR")
    first, state = track([], report("a", 3, date="2017-02-10", date_inferred=True), rules,
                         "2017-02-10T10:00:00Z", 96)
    update, state = track(state, report("b", 4, date="2017-02-09"), rules,
                          "2017-02-10T12:00:00Z", 96)
    assert first is not None and update is not None and update.alert_id == first.alert_id
    assert (update.incident.date, update.incident.date_inferred) == ("2017-02-09", False)


def test_a_forgotten_alert_s_id_is_never_issued_again_at_version_1() -> None:
    """The tracker keeps only the ids of the alerts it forgot: a later incident that
    would take one gets an id of its own, and a report whose own id is gone too was
    alerted on already."""
    rules = parse_rules("TR")
    first, _ = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None
    again, _ = track([], report("b", 4), rules, "2017-02-10T10:00:00Z", 72,
                     retired={first.alert_id})
    assert again is not None and again.version == 1
    assert again.alert_id not in {first.alert_id}
    gone, _ = track([], report("b", 4), rules, "2017-02-10T11:00:00Z", 72,
                    retired={first.alert_id, again.alert_id})
    assert gone is None


def test_a_report_of_a_forgotten_alert_redelivered_is_not_alerted_again() -> None:
    from wirewatch.alerting import retired_ids

    rules = parse_rules("TR")
    first, _ = track([], report("a", 3), rules, "2017-02-09T10:00:00Z", 72)
    assert first is not None
    assert retired_ids(first) == {first.alert_id, "i-a"}
    again, state = track([], report("a", 3), rules, "2017-05-09T10:00:00Z", 72,
                         retired=retired_ids(first))
    assert again is None and state == []
