"""The first sample article: the events issue 4 requires, with the project's actor resolver."""

from __future__ import annotations

import pytest

from grotius.coding.article import code_parsed


@pytest.fixture(scope="module")
def coded(sample_doc):
    pytest.importorskip("grotius.resolve.actors", reason="needs the actor resolver")
    document, doc = sample_doc
    return code_parsed(document, doc)


def _party(a):
    return None if a is None else (a.org or a.country)


def _has(coded, src, tgt, roots, status=None, date=None):
    for e in coded.events:
        if (
            _party(e.source) == src
            and (tgt is None or _party(e.target) == tgt)
            and e.cameo_root in roots
            and (status is None or e.status == status)
            and (date is None or e.date.value == date)
        ):
            return True
    return False


def test_sample_required_events(coded):
    assert _has(coded, "USA", "RUS", {"04"}) and _has(coded, "RUS", "USA", {"04"})
    assert _has(coded, "RUS", "USA", {"13"}, "conditional")  # Putin: break relations if sanctions
    assert _has(coded, "USA", "RUS", {"13"}, "conditional")  # Biden: hard response if invasion
    assert _has(coded, "USA", "RUS", {"03", "04"}, "planned")  # talks of 10 January
    assert _has(coded, "RUS", "NATO", {"11"})
    assert _has(coded, "RUS", None, {"15"})
    assert _has(coded, "RUS", "NATO", {"10"})


def test_sample_repeated_accusation_is_aimed_at_nato(coded):
    # "herhaalde Poetin die verwijten" repeats Russia's accusation of NATO, reported by the NYT
    assert _has(coded, "RUS", "NATO", {"11"}, "reported")
    assert not _has(coded, "RUS", "RUS", {"11"})


def test_sample_no_photo_event(coded):
    text = coded.document.text
    assert not any("publiceer" in text[e.start : e.end] or "foto" in text[e.start : e.end] for e in coded.events)


def test_sample_every_event_explained(coded):
    for e in coded.events:
        assert e.provenance is not None and e.provenance.detail["path"] and e.rule.startswith("nl/events")
        assert e.date.basis in ("text", "publication")


def test_sample_threatened_sanctions_aimed_at_russia(coded):
    # "als de VS nieuwe economische sancties zou treffen", the condition of Putin's threat: conditional
    # sanctions against the one who threatens over them
    assert _has(coded, "USA", "RUS", {"16"}, "conditional")
    # "‘We gedragen ons ...’, zei Poetin": we is the Russian government, not Russian civilians
    we = [a for a in coded.actors if a.text == "We"]
    assert we and all(a.code == "RUSGOV" for a in we)
