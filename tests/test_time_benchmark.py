"""Scores of the time tagger on the shared Dutch test sets (skipped when ../shared/data is absent)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import REPO, shared_data

sys.path.insert(0, str(REPO / "benchmarks"))


@pytest.mark.slow
def test_recognizers_and_duckling_scores() -> None:
    shared_data("recognizers-nl-datetime")
    shared_data("duckling-nl-time")
    import time_eval
    from time_data import duckling_cases, recognizers_cases

    # guards, not the bar (a little under the figures of benchmarks/results/time_eval.md, whose dev half
    # was tuned on): value acc is against Timex or resolutions; exact spans follow Recognizers' conventions.
    # Duckling's floor is lower since "de afgelopen twee jaar" rolls back from the anchor's day (news
    # meaning, Recognizers' reading) where Duckling counts whole calendar units (time_eval.md, round 3)
    for cases, floor, exact, acc in ((recognizers_cases(), 0.95, 0.87, 0.87), (duckling_cases(), 0.96, 0.84, 0.80)):
        stats, _ = time_eval.score(cases, time_eval.grotius_tag)
        overall = time_eval.summarise(stats)["ALL"]
        assert overall["f1_overlap"] >= floor, overall
        assert overall["f1_exact"] >= exact, overall
        assert overall["value_acc"] >= acc, overall


def test_value_conventions_of_the_scorer() -> None:
    from time_data import Gold
    from time_eval import value_ok

    anchor = "2016-11-07T00:00:00"
    assert value_ok("2016-10-02", Gold(0, 1, ["XXXX-10-02"]), anchor)
    assert value_ok("2016-11-10", Gold(0, 1, ["XXXX-WXX-4"]), anchor)
    assert not value_ok("2016-11-11", Gold(0, 1, ["XXXX-WXX-4"]), anchor)
    assert value_ok("2019-Q1", Gold(0, 1, ["(2019-01-01,2019-04-01,P3M)"]), anchor)
    assert value_ok("PT30M", Gold(0, 1, ["PT0.5H"]), anchor)
    assert not value_ok("PT30M", Gold(0, 1, ["PT3H"]), anchor)


def test_scorer_equivalences_stay_strict() -> None:
    from datetime import datetime

    from time_data import Gold
    from time_eval import strict_ok, value_ok

    anchor = "2016-11-07T00:00:00"
    assert value_ok("2016-11-07T20:00", Gold(0, 1, ["T20"]), anchor)  # same clock time, zero minutes dropped
    assert not value_ok("2016-11-07T20:30", Gold(0, 1, ["T20"]), anchor)
    assert value_ok("2015-06-21", Gold(0, 1, ["2015-06-WXX-7-3"]), anchor)  # third Sunday of June
    assert not value_ok("2015-06-14", Gold(0, 1, ["2015-06-WXX-7-3"]), anchor)
    july = Gold(0, 1, [], (datetime(2013, 7, 13), datetime(2013, 7, 16)))
    assert value_ok("(2013-07-13,2013-07-15,P2D)", july, anchor)  # inclusive last day
    assert not value_ok("(2013-07-13,2013-07-14,P1D)", july, anchor)
    assert strict_ok("2016-11-07", Gold(0, 1, ["2016-11-07"]))
    assert not strict_ok("2016-11-07T20:00", Gold(0, 1, ["T20"]))


def test_duckling_intervals_read_part_of_day_codes_with_duckling_hours() -> None:
    from datetime import datetime

    from time_data import Gold
    from time_eval import strict_ok

    morning = Gold(0, 1, [], (datetime(2013, 2, 12), datetime(2013, 2, 12, 12)))
    assert strict_ok("2013-02-12TMO", morning)
    assert not strict_ok("2013-02-12TAF", morning)
    weekend = Gold(0, 1, [], (datetime(2013, 2, 15, 18), datetime(2013, 2, 18)))
    assert strict_ok("2013-W07-WE", weekend)
    assert not strict_ok("2013-W08-WE", weekend)
    july = Gold(0, 1, [], (datetime(2013, 7, 13), datetime(2013, 7, 16)))
    assert strict_ok("(2013-07-13,2013-07-15,P2D)", july)  # a range of days ends with its last day
    assert not strict_ok("(2013-07-13,2013-07-17,P4D)", july)


def test_present_ref_is_the_anchor_moment() -> None:
    from time_data import Gold
    from time_eval import resolved_ok

    assert resolved_ok("PRESENT_REF", Gold(0, 1, ["2013-02-12T04:30:00"], timex_gold=False), "2013-02-12T04:30:00")
    assert not resolved_ok("PRESENT_REF", Gold(0, 1, ["2013-02-12T05:30:00"], timex_gold=False), "2013-02-12T04:30:00")
