"""The Dutch temporal tagger: extraction, TIMEX3 values, resolution against anchors of any precision."""

from __future__ import annotations

import json

import pytest

from grotius.datamodel import PubDate, Timex
from grotius.ingest.readers import read_dated_article
from grotius.resolve.time import Anchor, event_date, governing_timex, tag_timexes, timexes_in_range
from tests.conftest import SAMPLE


def values(text: str, anchor: str | None = "2021-03-17") -> dict[str, str]:
    """Expression text -> value (2021-03-17 is a Wednesday)."""
    return {t.text: t.value for t in tag_timexes(text, anchor)}


def test_sample_article_is_resolved_from_the_text() -> None:
    doc = read_dated_article(SAMPLE)
    got = {t.text: (t.type, t.value) for t in tag_timexes(doc.text, doc.published)}
    assert got["donderdagavond"] == ("TIME", "2021-12-30TEV")
    assert got["10 januari"] == ("DATE", "2022-01-10")
    assert got["Donderdag"] == ("DATE", "2021-12-30")
    assert got["zo’n 50 minuten"] == ("DURATION", "PT50M")
    assert got["twee weken"] == ("DURATION", "P2W")


def test_offsets_and_rules_point_into_the_text() -> None:
    text = "Het kabinet viel op maandag 3 mei 2021 na lang overleg."
    [t] = tag_timexes(text, "2021-05")
    assert text[t.start : t.end] == t.text == "maandag 3 mei 2021"
    assert t.value == "2021-05-03" and t.rule == "nl/time.yaml#dag-maand-jaar"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij kwam gisteren aan.", {"gisteren": "2021-03-16"}),
        ("Dat gebeurde vorige week.", {"vorige week": "2021-W10"}),
        ("De top is over twee weken.", {"over twee weken": "2021-03-31"}),
        ("Twee dagen geleden viel hij.", {"Twee dagen geleden": "2021-03-15"}),
        ("Het werd eind vorig jaar beslist.", {"eind vorig jaar": "2020"}),
        ("Begin volgende maand stemt de Kamer.", {"Begin volgende maand": "2021-04"}),
        ("De wet geldt sinds 10-1-2022.", {"sinds 10-1-2022": "2022-01-10"}),
        ("Vijftien jaar lang", {"Vijftien jaar lang": "P15Y"}),
        ("Het duurde honderd dagen.", {"honderd dagen": "P100D"}),
        ("Afgelopen zomer was het droog.", {"Afgelopen zomer": "2020-SU"}),
        ("De winst in het derde kwartaal van 2020 steeg.", {"het derde kwartaal van 2020": "2020-Q3"}),
        ("Dat was in de jaren negentig.", {"de jaren negentig": "199"}),
        ("Met Pasen 2021 bleef de kerk dicht.", {"Pasen 2021": "2021-04-04"}),
        ("Op Koningsdag 2022 was het feest.", {"Koningsdag 2022": "2022-04-27"}),
        ("Met Kerstmis waren ze thuis.", {"Kerstmis": "2020-12-25"}),
        ("Met Kerstmis zijn ze thuis.", {"Kerstmis": "2021-12-25"}),  # present tense: the coming one
        ("Ze vergaderen elke donderdag.", {"elke donderdag": "XXXX-WXX-4"}),
        ("Hij belt dagelijks.", {"dagelijks": "P1D"}),
        ("Het gaat nu slecht en momenteel is er niets.", {"nu": "PRESENT_REF", "momenteel": "PRESENT_REF"}),
        ("Om half acht 's avonds begon het debat.", {"half acht 's avonds": "T19:30"}),  # which day: not said
        ("Vanavond spreekt de premier.", {"Vanavond": "2021-03-17TEV"}),
        ("De aanslag was op 11 september 2001.", {"11 september 2001": "2001-09-11"}),
        ("Eenentwintig dagen later", {"Eenentwintig dagen later": "2021-04-07"}),
    ],
)
def test_values(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_bare_weekday_follows_the_tense() -> None:
    assert values("Poetin zei maandag dat hij zou komen.")["maandag"] == "2021-03-15"
    assert values("Het parlement zal vrijdag stemmen.")["vrijdag"] == "2021-03-19"


def test_month_precision_anchor_keeps_what_the_text_leaves_open() -> None:
    [t] = tag_timexes("De minister trad donderdag af.", "2021-12")
    assert t.value == "2021-12"  # which Thursday of December the text does not say
    [t] = tag_timexes("Op 10 januari begint het.", "2021-12")
    assert t.value == "2022-01-10"  # a month after December rolls the year


def test_no_anchor_gives_underspecified_values() -> None:
    assert values("op 10 januari en op donderdag", None) == {"10 januari": "XXXX-01-10", "donderdag": "XXXX-WXX-4"}


def test_plain_text_gives_nothing() -> None:
    assert tag_timexes("De twee landen praten in een hotel over de zon en de maan.", "2021-03-17") == []


def test_anchor_precision() -> None:
    assert Anchor.parse("2021-12").precision == "month"
    assert Anchor.parse(PubDate.parse("2021")).hi.isoformat() == "2021-12-31"
    assert Anchor.parse("2016-11-07T16:12:00").clock is not None
    with pytest.raises(ValueError):
        Anchor.parse("yesterday")


def test_event_dating_helpers() -> None:
    text = "Op 10 januari praten ze. Donderdag hadden ze gebeld."
    tx = tag_timexes(text, "2021-12-20")
    assert [t.text for t in timexes_in_range(tx, 0, 24)] == ["10 januari"]
    assert governing_timex(tx, 25, len(text), pivot=35).text == "Donderdag"
    d = event_date(tx, 25, len(text), PubDate.parse("2021-12-20"))
    assert d is not None and d.basis == "text" and d.value == "2021-12-16"
    none = event_date([Timex(0, 2, "nu", "DATE", "PRESENT_REF")], 0, 2, PubDate.parse("2021-12"))
    assert none is not None and none.basis == "publication" and none.value == "2021-12"


def test_cli_jsonl(tmp_path, capsys) -> None:
    from grotius.cli.main import main

    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x", "text": "gisteren", "anchor": "2021-03-17"})
        + "\n"
        + json.dumps({"id": "y", "text": "x", "anchor": "morgen"})
        + "\n",
        encoding="utf8",
    )
    assert main(["timex", "--jsonl", str(src)]) == 1
    out, err = capsys.readouterr()
    rec = json.loads(out.splitlines()[0])
    assert rec == {
        "id": "x",
        "timexes": [
            {
                "start": 0,
                "end": 8,
                "text": "gisteren",
                "type": "DATE",
                "value": "2021-03-16",
                "rule": "nl/time.yaml#reldag",
                "timex": "2021-03-16",
            }
        ],
    }
    assert f"{src}:2: bad anchor" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Het bereik is van 2014 tot 2018.", "2016-11-07", {"van 2014 tot 2018": "(2014-01-01,2018-01-01,P4Y)"}),
        ("Verkoop tussen 2007 en 2009 daalde.", "2018-06-26", {"tussen 2007 en 2009": "(2007-01-01,2009-01-01,P2Y)"}),
        ("Ik ben van 16:00 tot 17:00 weg.", None, {"van 16:00 tot 17:00": "(T16:00,T17:00,PT1H)"}),
        ("De les is van 11:00 tot 3.", None, {"van 11:00 tot 3": "(T11:00,T15,PT4H)"}),
        ("Ik ben tussen 5 en 6 's avonds weg.", None, {"tussen 5 en 6 's avonds": "(T17,T18,PT1H)"}),
        (
            "Het zal van 3:30 tot 5:55 op 1-1-2015 gebeuren.",
            "2018-05-16",
            {"van 3:30 tot 5:55 op 1-1-2015": "(2015-01-01T03:30,2015-01-01T05:55,PT2H25M)"},
        ),
        (
            "Hij is van volgende maandag tot vrijdag weg.",
            "2019-09-05",
            {"van volgende maandag tot vrijdag": "(2019-09-09,2019-09-13,P4D)"},
        ),
    ],
)
def test_ranges(text: str, anchor: str | None, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Ik ben binnen 5 dagen terug.", "2017-11-08", {"binnen 5 dagen": "(2017-11-08,2017-11-13,P5D)"}),
        ("Het weer de komende 3 dagen.", "2016-11-07", {"komende 3 dagen": "(2016-11-08,2016-11-11,P3D)"}),
        # a stretch ending on the anchor's day (news: "de afgelopen twee maanden" includes this month)
        (
            "De afgelopen twee maanden was het rustig.",
            "2013-02-12",
            {"afgelopen twee maanden": "(2012-12-12,2013-02-12,P2M)"},
        ),
        (
            "De afgelopen twee kwartalen kromp de economie.",
            "2013-02-12",
            {"afgelopen twee kwartalen": "(2012-07-01,2013-01-01,P6M)"},
        ),  # quarters: the reported ones
        ("Hij belt in 5 minuten terug.", "2013-02-12T04:30:00", {"in 5 minuten": "2013-02-12T04:35:00"}),
        ("De komende drie weken is hij weg.", "2021-12", {"komende drie weken": "P3W"}),  # no day: only the length
        ("Ik ben rond 11 uur terug.", "2016-11-07", {"rond 11 uur": "T11"}),
        # an anchor with a time of day is the moment of speech: the next such time (a 12-hour clock)
        ("We spreken om drie uur af.", "2013-02-12T04:30:00", {"drie uur": "2013-02-12T15"}),
        ("Hij komt om 3:30.", "2013-02-12T04:30:00", {"3:30": "2013-02-13T03:30"}),
        ("Hij komt om 4 uur 's ochtends.", "2013-02-12T04:30:00", {"4 uur 's ochtends": "2013-02-12T04"}),
        # a date stamped at midnight names no moment: the day stays open, ranges keep their ends as said
        ("We spreken om drie uur af.", "2013-02-12T00:00:00", {"drie uur": "T03"}),
        ("Open van 13:30 tot 15:30.", "2017-12-01T13:37:00", {"van 13:30 tot 15:30": "(T13:30,T15:30,PT2H)"}),
        ("Maandag 3 mei om 15.00 uur sprak hij.", "2021-05-01", {"Maandag 3 mei om 15.00 uur": "2021-05-03T15:00"}),
        (
            "Op 3 mei sprak hij. Om 15.00 uur viel het besluit.",
            "2021-05-04",
            {"3 mei": "2021-05-03", "15.00 uur": "T15:00"},
        ),
        (
            "Op 3 mei sprak hij en om 15.00 uur viel het besluit.",
            "2021-05-04",
            {"3 mei": "2021-05-03", "15.00 uur": "2021-05-03T15:00"},
        ),
        ("Ik ben 12 uur 's nachts terug.", None, {"12 uur 's nachts": "T00"}),
        ("Ik ben om 7:56:30 pm terug.", None, {"7:56:30 pm": "T19:56:30"}),
    ],
)
def test_windows_and_clock_times(text: str, anchor: str | None, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


def test_compound_durations_add_up() -> None:
    assert values("Het duurde 2 uur en 30 minuten.") == {"2 uur en 30 minuten": "PT2H30M"}
    assert values("Ik ben 2 jaar, 1 maand en 21 dagen geleden vertrokken.", "2017-11-23") == {
        "2 jaar, 1 maand en 21 dagen geleden": "2015-10-02"
    }


def test_bare_weekday_and_holiday_without_tense_look_ahead_from_today() -> None:
    # 2021-03-17 is a Wednesday: a bare "woensdag" in its paper is that day; "volgende woensdag" is not
    assert values("De Kamer stemt woensdag.")["woensdag"] == "2021-03-17"
    assert values("De Kamer stemt volgende woensdag.")["volgende woensdag"] == "2021-03-24"
    # no tense cue: the coming holiday, as for a day and month; past tense: the last one
    assert values("Oudjaar in Amsterdam.")["Oudjaar"] == "2021-12-31"
    assert values("Met oudjaar was het onrustig.")["oudjaar"] == "2020-12-31"


def test_compound_amounts_with_clock_units_move_the_anchor_moment() -> None:
    assert values("Hij vertrok 1 maand 2 dagen 2 uren 30 min geleden.", "2017-11-23T19:15:00") == {
        "1 maand 2 dagen 2 uren 30 min geleden": "2017-10-21T16:45:00"
    }
    assert values("Ik ben binnen 2 dagen, 1 uur en 5 minuten terug.", "2016-11-07T16:12:00") == {
        "binnen 2 dagen, 1 uur en 5 minuten": "(2016-11-07T16:12:00,2016-11-09T17:17:00,P2DT1H5M)"
    }


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Zet de wekker op tien over tien.", "2016-11-07", {"tien over tien": "T10:10"}),
        ("Ik ga 's avonds half zes terug.", "2016-11-07", {"'s avonds half zes": "T17:30"}),
        ("Ik ben 's ochtends om 9 terug.", "2016-11-07", {"'s ochtends om 9": "T09"}),
        ("Om 10 uur een vergadering.", "2016-11-07", {"10 uur": "T10"}),  # "een" is no minute
        ("We zijn over een kwartier terug.", "2013-02-12T04:30:00", {"over een kwartier": "2013-02-12T04:45:00"}),
        ("Het regent in de late middag.", "2016-11-07", {"in de late middag": "TAF"}),
        ("Hij komt Aug 8 terug.", "2013-02-12", {"Aug 8": "2013-08-08"}),
    ],
)
def test_clock_words_and_parts_of_day(text: str, anchor: str, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


def test_previous_weekday_and_a_few() -> None:
    # 2019-01-31 is a Thursday: "vorige woensdag" is last week's, "afgelopen woensdag" yesterday
    assert values("Vorige woensdag viel hij.", "2019-01-31") == {"Vorige woensdag": "2019-01-23"}
    assert values("Afgelopen woensdag viel hij.", "2019-01-31") == {"Afgelopen woensdag": "2019-01-30"}
    assert values("Hij kwam enkele dagen geleden.", "2016-11-07") == {"enkele dagen geleden": "2016-11-04"}
    assert values("Het weer de komende paar dagen.", "2013-02-12") == {
        "komende paar dagen": "(2013-02-13,2013-02-15,P2D)"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga de tweede zondag terug.", {"tweede zondag": "2017-09-10"}),  # of the anchor's month
        ("Hij won voor de derde zondag op rij.", {"zondag": "2017-09-24"}),  # a count, not a date; "won": the last one
        ("Ik ga op 15 om 8:00 terug.", {"15 om 8:00": "2017-10-15T08:00"}),  # the 15th has passed: the next
        ("Het was 12-08, 2015.", {"12-08, 2015": "2015-08-12"}),
    ],
)
def test_nth_weekday_bare_day_and_numeric_forms(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2017-09-27") == expected


def test_a_weekday_picks_the_year_and_more_holidays() -> None:
    # 2013-02-10 was a Sunday: not next year's 10 February, though no tense points back
    assert values("zondag, feb 10", "2013-02-12") == {"zondag, feb 10": "2013-02-10"}
    assert values("Op Allerheiligen gaan de kerken open.", "2013-02-12") == {"Allerheiligen": "2013-11-01"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het regent de rest van de dag.", {"rest van de dag": "(2016-11-07T16:12:00,2016-11-07T23:59:59,PT28079S)"}),
        ("Ik ben 2 uur in de toekomst.", {"2 uur in de toekomst": "(2016-11-07T16:12:00,2016-11-07T18:12:00,PT2H)"}),
        ("We zien elkaar eens per week.", {"eens per week": "P1W"}),
        ("Ik kom om 7:56:35 a. m.", {"7:56:35 a. m.": "2016-11-08T07:56:35"}),
        ("Om 340pm kom ik.", {"340pm": "2016-11-08T15:40"}),
    ],
)
def test_rests_futures_sets_and_twelve_hour_clocks(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07T16:12:00") == expected


def test_an_hour_with_its_day_is_a_time() -> None:
    assert values("Ik ben 10 uur vanavond terug.", "2016-11-07") == {"10 uur vanavond": "2016-11-07T22"}
    assert values("Op 21/04/2016, 20u begint het.", "2016-11-07") == {"21/04/2016, 20u": "2016-04-21T20"}
    assert values("Het duurde 10 uur.", "2016-11-07") == {"10 uur": "PT10H"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik kom om 15.00 of later.", {"om 15.00 of later": "2018-08-30T15:00"}),  # "om" joins the modifier
        ("Het geldt na of gelijk aan 1-1-2016.", {"na of gelijk aan 1-1-2016": "2016-01-01"}),
        ("Het moet eerder dan 2020.", {"eerder dan 2020": "2020"}),
        ("Bel me op (206) 555-1212.", {}),  # numbers, not years
        ("De ssn is 123-12-1234.", {}),
        ("Ik werk middag vandaag.", {"middag vandaag": "2018-08-30TAF"}),
        ("Ik was er deze afgelopen woensdag.", {"deze afgelopen woensdag": "2018-08-29"}),
    ],
)
def test_modifiers_numbers_and_parts_of_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2018-08-30T10:00:00") == expected


def test_more_holidays_and_other_calendars() -> None:
    assert values("Op MLKdag gaan we vrij.", "2018-08-30") == {"MLKdag": "2019-01-21"}
    # the Islamic calendar's 1 Muharram (tabular), not 1 January
    assert values("Het Islamitisch Nieuwjaar valt laat.", "2018-08-30") == {"Islamitisch Nieuwjaar": "2018-09-11"}
    assert values("Het Suikerfeest werd gevierd.", "2021-06-09") == {"Suikerfeest": "2021-05-12"}
    assert values("Met de kerstdagen is het druk.", "2021-06-09") == {"de kerstdagen": "2021-12-25"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij komt op de eerste terug.", {"de eerste": "2013-03-01"}),  # the 12th: the coming month's first
        ("Hij kwam op de tweede terug.", {"de tweede": "2013-02-02"}),
        ("Hij won voor de derde keer.", {}),  # a count: a noun follows
        ("Hij eindigde op de tweede plaats.", {}),
        ("Komend weekend regent het.", {"Komend weekend": "2013-W07-WE"}),  # a Tuesday: this week's
    ],
)
def test_days_of_the_month_and_the_coming_weekend(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2013-02-12") == expected


def test_in_n_days_is_from_now_unless_the_clause_is_past() -> None:
    assert values("We beslissen in twee weken.", "2013-02-12") == {"in twee weken": "2013-02-26"}
    assert values("De brug werd in drie dagen gebouwd.", "2013-02-12") == {"drie dagen": "P3D"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben rond elven terug.", {"rond elven": "T11"}),
        ("Open van 1 uur ʼs middags tot 4.", {"van 1 uur ʼs middags tot 4": "(T13,T16,PT3H)"}),
        ("Open van 5 tot 6PM.", {"van 5 tot 6PM": "(T05,T18,PT13H)"}),
        ("Ik ga 3 dgn weg.", {"3 dgn": "P3D"}),
    ],
)
def test_old_hour_words_ranges_and_abbreviations(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het is zeven uur.", {"zeven uur": "T07"}),
        ("Het is zeven uur rijden.", {"zeven uur": "PT7H"}),
        ("Kom om 9 uur of 10 uur.", {"9 uur": "T09", "10 uur": "T10"}),
        ("Ik zal vanavond om 2.00 teruggaan.", {"vanavond om 2.00": "2016-11-07T02:00"}),  # the small hours
        ("Ik ga 7:00 op volgende zondagmiddag terug.", {"7:00 op volgende zondagmiddag": "2016-11-20T19:00"}),
    ],
)
def test_hours_said_as_times(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik sport elke zondag ochtend om 9 uur.", {"elke zondag ochtend om 9 uur": "XXXX-WXX-7T09"}),
        ("Ik werk de ochtenden om 9:00.", {"de ochtenden om 9:00": "T09:00"}),
        ("Elke andere vrijdag is er markt.", {"Elke andere vrijdag": "XXXX-WXX-5"}),
    ],
)
def test_sets_with_hours_and_plural_parts_of_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


def test_holidays_after_or_at_the_end_of_a_month() -> None:
    assert values("Op Veteranendag 2019 marcheren ze.", "2016-11-07") == {"Veteranendag 2019": "2019-06-29"}
    assert values("Black Friday 2020 was druk.", "2016-11-07") == {"Black Friday 2020": "2020-11-27"}


def test_diminutive_units_and_a_whole_day() -> None:
    assert values("Hij wacht een weekje.") == {"een weekje": "P1W"}
    assert values("Nog tien minuutjes!") == {"Nog tien minuutjes": "PT10M"}
    assert values("Het duurde een hele dag.") == {"een hele dag": "P1D"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plan iets in de week van 4 februari.", {"de week van 4 februari": "(2020-02-03,2020-02-10,P7D)"}),
        ("Het was 2016 het derde kwartaal.", {"2016 het derde kwartaal": "2016-Q3"}),
        (
            "Van Q1 van 2017 - Q3 van 2018 groeide het.",
            {"Van Q1 van 2017 - Q3 van 2018": "(2017-01-01,2018-07-01,P18M)"},
        ),
        ("Open van 1 feb tot maart 2019.", {"van 1 feb tot maart 2019": "(2019-02-01,2019-03-01,P1M)"}),
        (
            "Van 26 juni in 2019 tot 28 juni in 2020.",
            {"Van 26 juni in 2019 tot 28 juni in 2020": "(2019-06-26,2020-06-28,P368D)"},
        ),
    ],
)
def test_weeks_quarters_and_ranges_with_other_ends(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-11-07") == expected


def test_a_day_with_a_bounded_clock_time() -> None:
    assert values("Laten we op 1 feb niet later dan 6:00 gaan.", "2018-06-26") == {
        "1 feb niet later dan 6:00": "2019-02-01T06:00"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ik ben van 5 tot 6 volgende zondag weg.",
            {"van 5 tot 6 volgende zondag": "(2016-11-20T05,2016-11-20T06,PT1H)"},
        ),
        (
            "Geboren op september de eenentwintigste negentien achtenzeventig.",
            {"september de eenentwintigste negentien achtenzeventig": "1978-09-21"},
        ),
        ("De avond van 3 mei 2021 was koud.", {"De avond van 3 mei 2021": "2021-05-03TEV"}),
    ],
)
def test_month_first_ordinals_and_parts_of_a_named_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doe het zo snel mogelijk.", {"zo snel mogelijk": "FUTURE_REF"}),
        ("Onlangs viel hij.", {"Onlangs": "PAST_REF"}),
        ("Eergisteravond was het koud.", {"Eergisteravond": "2018-06-12TEV"}),
        ("Kom je deze vrijdag 15 jun?", {"deze vrijdag 15 jun": "2018-06-15"}),
    ],
)
def test_vague_references_and_more_day_words(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2018-06-14") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben lunchtijd terug.", {"lunchtijd": "T12"}),
        ("Ik ben 1 uur lunchtijd terug.", {"1 uur lunchtijd": "T13"}),
        ("Ik ben 1 uur middernacht terug.", {"1 uur middernacht": "T01"}),
        ("Het begint rond middernacht.", {"rond middernacht": "T00"}),
    ],
)
def test_lunch_and_midnight(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


def test_regular_past_tense_is_read_from_the_form() -> None:
    # no listed cue word: "belden" is past by its ending, so Monday is the one before the anchor
    assert values("Ze belden maandag.")["maandag"] == "2021-03-15"
    assert values("De landen stemmen maandag.")["maandag"] == "2021-03-22"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Hij komt op 2 oktober.", "2016-11-07", ("2 oktober", "2017-10-02", "XXXX-10-02")),
        ("Ze vergaderen donderdag.", "2016-11-07", ("donderdag", "2016-11-10", "XXXX-WXX-4")),
        ("Om 8.40 uur ging de wekker.", "2016-11-07", ("8.40 uur", "T08:40", "T08:40")),
        ("Donderdagavond belt hij.", "2016-11-07", ("Donderdagavond", "2016-11-10TEV", "XXXX-WXX-4TEV")),
        (
            "Dinsdag om 14.00 uur belt hij.",
            "2016-11-07",
            ("Dinsdag om 14.00 uur", "2016-11-08T14:00", "XXXX-WXX-2T14:00"),
        ),
        ("Het duurt twee weken.", "2016-11-07", ("twee weken", "P2W", "P2W")),
        ("Gisteren viel hij.", "2016-11-07", ("Gisteren", "2016-11-06", "2016-11-06")),
        ("Het is nu zo.", "2016-11-07", ("nu", "PRESENT_REF", "PRESENT_REF")),
        (
            "Het was 19-20 november.",
            "2016-11-07",
            ("19-20 november", "(2015-11-19,2015-11-20,P1D)", "(XXXX-11-19,XXXX-11-20,P1D)"),
        ),
        (
            "Hij komt vrijdag tussen 1 en 4 uur 's middags.",
            "2016-11-07",
            (
                "vrijdag tussen 1 en 4 uur 's middags",
                "(2016-11-11T13,2016-11-11T16,PT3H)",
                "(XXXX-WXX-5T13,XXXX-WXX-5T16,PT3H)",
            ),
        ),
        ("Met Vaderdag was hij thuis.", "2016-11-07", ("Vaderdag", "2016-06-19", "XXXX-06-WXX-7-3")),
    ],
)
def test_timex_is_the_value_as_said(text: str, anchor: str, expected: tuple[str, str, str]) -> None:
    """``timex`` keeps what the text leaves open (Recognizers/TIMEX3 form); ``value`` is resolved."""
    got = [(t.text, t.value, t.timex) for t in tag_timexes(text, anchor)]
    assert got == [expected]


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("In negentienachtentwintig viel de beurs.", "2016-11-07", {"negentienachtentwintig": "1928"}),
        ("Op 21 jan tweeduizend achttien kwam hij.", "2016-11-07", {"21 jan tweeduizend achttien": "2018-01-21"}),
        ("In de eerste week van 2015 viel hij.", "2016-11-07", {"de eerste week van 2015": "2015-W01"}),
        ("De rest van de week is hij weg.", "2016-11-07", {"rest van de week": "(2016-11-07,2016-11-13,P6D)"}),
        ("Hij kwam in 11/2016 en in 2016, nov.", "2016-11-07", {"11/2016": "2016-11", "2016, nov.": "2016-11"}),
        ("Hij komt de dag na morgen.", "2016-11-07", {"de dag na morgen": "2016-11-09"}),
    ],
)
def test_spelled_years_weeks_and_rests(text: str, anchor: str, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


def test_month_abbreviations_modifier_before_and_day_before_clock() -> None:
    def spans(text: str, anchor: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in tag_timexes(text, anchor)]

    # a lower-case abbreviation is a month, a capitalised one may be a name ("Jan")
    assert spans("Jan komt in dec terug.", "2021-11-01") == [("dec", "2021-12")]
    assert spans("De maand maart was nat.", "2021-11-01")[0][0] == "De maand maart"
    assert spans("Hij miste okt, 2001.", "2021-11-01") == [("okt, 2001", "2001-10")]
    # "voor" before a point in digits joins it; before a duration it means "for"
    assert spans("Het moet voor 2030 klaar zijn.", "2021-11-01")[0][0] == "voor 2030"
    assert spans("Hij vertrekt voor twee weken.", "2021-11-01")[0][0] == "twee weken"
    assert spans("Het gebeurt vandaag voor 16:00.", "2018-06-26") == [("vandaag voor 16:00", "2018-06-26T16:00")]
    got = spans("Ik ga om kwart voor zeven morgen.", "2016-11-07")
    assert got[0] == ("kwart voor zeven morgen", "2016-11-08T06:45")


def test_spelled_number_glued_to_a_unit_letter_is_no_time() -> None:
    # "eens" is "een" + "s" (seconds) to a loose pattern: it once crashed the tagger on real news
    text = (
        "Maar hoe dat uitstel eruit zal zien, en wat de voorwaarden daarvoor moeten zijn, daar zijn de "
        "lidstaten het niet over eens. Over eens gesproken."
    )
    assert tag_timexes(text, Anchor.parse("2019-03-01")) == []


def test_abbreviated_unit_with_its_dot() -> None:
    (t,) = tag_timexes("Het duurde 5 sec. en toen was het voorbij.", Anchor.parse("2019-03-01"))
    assert (t.text, t.value) == ("5 sec.", "PT5S")


def test_quarter_hours_are_counted_the_same_for_durations_and_moves() -> None:
    from grotius.resolve.time.interpret import quarter_hours

    f: dict = {"kwartier": "kwartier"}  # no number said: one quarter, not one minute
    quarter_hours(f)
    assert (f["num"], f["unit"]) == (15.0, "MIN")
    f = {"kwartier": "kwartier", "num": 3.0, "num_known": True}
    quarter_hours(f)
    quarter_hours(f)  # converted once, whoever asks
    assert f["num"] == 45.0
    assert values("Dat duurde drie kwartier.")["drie kwartier"] == "PT45M"
    assert values("Hij komt over drie kwartier.", "2013-02-12T04:30:00")["over drie kwartier"] == "2013-02-12T05:15:00"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare hour already past at the anchor's moment is the afternoon's
        ("We vertrekken om drie uur.", {"drie uur": "2013-02-12T15"}),
        ("Om drie uur vertrekken we.", {"drie uur": "2013-02-12T15"}),  # "om" makes it a time, verb or not
        # with a day, in a range or in a part of the day the hour is as said
        ("Ik kom dinsdag om 3 uur.", {"dinsdag om 3 uur": "2013-02-12T03"}),
        ("Ik ben er van 3 tot 5 uur.", {"van 3 tot 5 uur": "(T03,T05,PT2H)"}),
        ("Ik ga vanavond terug om 7", {"vanavond": "2013-02-12TEV", "7": "2013-02-12T19"}),
    ],
)
def test_twelve_hour_reading_only_for_a_bare_hour(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2013-02-12T04:30:00") == expected


def test_windows_from_now_are_said_by_the_rule() -> None:
    from grotius.resolve.time.grammar import load_grammar

    rules = {r.id: r for r in load_grammar("nl").rules}
    assert rules["binnen-n-units"].params.get("from_now") and rules["n-units-toekomst"].params.get("from_now")
    assert values("Het moet binnen 5 dagen.", "2016-11-07")["binnen 5 dagen"] == "(2016-11-07,2016-11-12,P5D)"
    assert (
        values("Dat was 3 dagen in het verleden.", "2016-11-07")["3 dagen in het verleden"]
        == "(2016-11-04,2016-11-07,P3D)"
    )
    assert (
        values("Dat is 2 uur in de toekomst.", "2013-02-12T04:30:00")["2 uur in de toekomst"]
        == "(2013-02-12T04:30:00,2013-02-12T06:30:00,PT2H)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Woens 26 okt 15:50:06 2016 is geen dag in 2019",
            {"Woens 26 okt 15:50:06 2016": "2016-10-26T15:50:06", "2019": "2019"},
        ),
        # a count, not the year; with no tense, 26 October twelve days before the anchor is that recent day
        ("Op 26 okt 15:00 2016 mensen", {"26 okt 15:00": "2016-10-26T15:00"}),
        ("Ontmoet me om 15.00 of later", {"om 15.00 of later": "T15:00"}),
        ("Het bereik is in 2014 tot en met 2018", {"in 2014 tot en met 2018": "(2014-01-01,2018-01-01,P4Y)"}),
    ],
)
def test_late_year_modifier_after_and_range_start(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben 5 tot 18:00 weg", {"5 tot 18:00": "(T05,T18:00,PT13H)"}),
        ("Ik ben van twee tot vijf 's middags weg", {"van twee tot vijf 's middags": "(T14,T17,PT3H)"}),
        ("Ik ben weg van 4 tot 22 deze maand", {"van 4 tot 22 deze maand": "(2016-11-04,2016-11-22,P18D)"}),
        ("Ik ben weg van 4-23 volgende maand", {"van 4-23 volgende maand": "(2016-12-04,2016-12-23,P19D)"}),
        ("Ik ben volgende maand van 4-23 weg", {"volgende maand van 4-23": "(2016-12-04,2016-12-23,P19D)"}),
        ("Ik ben morgen vijf tot zeven weg", {"morgen vijf tot zeven": "(2016-11-08T05,2016-11-08T07,PT2H)"}),
        # a dash without "van"/"tussen" may be a score, a number before a count is no hour
        ("Ajax won in maart 1-3 van PSV", {"maart": "2016-03"}),
        ("Morgen 3 tot 4 graden", {"Morgen": "2016-11-08"}),
        ("Ik ben weg 5 aankomende jaren", {"5 aankomende jaren": "(2016-11-08,2021-11-08,P5Y)"}),  # from tomorrow
    ],
)
def test_bare_numbers_as_range_ends(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ik zal vertrekken van aanstaande mei tot okt 2020",
            {"van aanstaande mei tot okt 2020": "(2019-05-01,2020-10-01,P17M)"},
        ),
        ("Ik zal vertrekken van deze mei tot okt 2020", {"van deze mei tot okt 2020": "(2018-05-01,2020-10-01,P29M)"}),
        ("Hij woont er sinds augustus.", {"sinds augustus": "2018-08"}),  # "sinds" looks back
        ("Ik zal over 2 dagen sedert vandaag vertrekken", {"2 dagen sedert vandaag": "2018-10-26"}),
    ],
)
def test_modified_first_month_and_since(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2018-10-24T12:00:00") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga terug jan-1", {"jan-1": "2017-01-01"}),
        ("Ik ga terug 2015/08/12", {"2015/08/12": "2015-08-12"}),
        ("Ik ga op dins terug", {"dins": "2016-11-08"}),
        ("Ik ga op di. terug", {"di.": "2016-11-08"}),
        ("Ik ga op di terug", {}),  # two letters without their dot: too often something else
        ("Investeren op zon- en windenergie", {}),
    ],
)
def test_month_dash_day_slashed_iso_and_weekday_abbreviations(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben de derde week van deze maand weg", {"de derde week van deze maand": "2016-W46"}),
        ("Ik ben de derde week volgend jaar weg", {"de derde week volgend jaar": "2017-W03"}),
        ("Ik ben juni volgend jaar weg", {"juni volgend jaar": "2017-06"}),
        ("Ik ben van 2015-2018 weg", {"van 2015-2018": "(2015-01-01,2018-01-01,P3Y)"}),
        ("Tel: +86 138-2010-2015", {}),
        ("Ik ben terug vijf minuten na zes", {"vijf minuten na zes": "T06:05"}),
    ],
)
def test_weeks_of_relative_periods_year_ranges_and_minutes_past(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga aan het eind van de dag terug", {"aan het eind van de dag": "2016-11-07T23:59:59"}),
        ("Ik ga zondag eind van de dag terug", {"zondag eind van de dag": "2016-11-13T23:59:59"}),
        ("Ik ga eind van de zondag terug", {"eind van de zondag": "2016-11-13T23:59:59"}),
        ("Ik ben vanavond van 5 tot 7 weg", {"vanavond van 5 tot 7": "(2016-11-07T17,2016-11-07T19,PT2H)"}),
        ("Ik ben morgenochtend van 9 tot 11 weg", {"morgenochtend van 9 tot 11": "(2016-11-08T09,2016-11-08T11,PT2H)"}),
    ],
)
def test_end_of_a_day_and_hours_in_a_part_of_a_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


def test_half_hours_like_quarter_hours() -> None:
    assert values("Ik vertrek voor een halfuur") == {"een halfuur": "PT30M"}
    assert values("Het duurde zo'n halfuurtje") == {"zo'n halfuurtje": "PT30M"}
    assert values("Ik ben er over een halfuur", "2013-02-12T04:30:00") == {"over een halfuur": "2013-02-12T05:00:00"}
    assert values("Ik vertrek voor een anderhalve dag") == {"een anderhalve dag": "P1.5D"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga in Q3 terug", {"Q3": "2016-Q3"}),
        ("Ik ga in de jaren 80 terug", {"de jaren 80": "198"}),
        ("Ik ga eind van de maand terug", {"eind van de maand": "2016-11"}),
        ("Ik ga aan het eind van de week terug", {"aan het eind van de week": "2016-W45"}),
        ("De helft van de week was hij ziek", {}),
    ],
)
def test_bare_quarters_decades_without_apostrophe_and_the_end_of_the_month(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben 5 tot 6pm weg", {"5 tot 6pm": "(T17,T18,PT1H)"}),
        ("Ik ben 4-5pm weg", {"4-5pm": "(T16,T17,PT1H)"}),
        ("Ik ben 's middags tussen 1 en 3 weg", {"'s middags tussen 1 en 3": "(T13,T15,PT2H)"}),
        # an end without its half of the day is as said, even before the start (the next day's)
        ("laten we elkaar van 13:30 tot 4 ontmoeten", {"van 13:30 tot 4": "(T13:30,T04,PT14H30M)"}),
    ],
)
def test_bare_hours_take_the_half_of_the_day_said_beside_them(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga de 15e om 20:00 terug", {"de 15e om 20:00": "2016-11-15T20:00"}),
        ("Ik ga de twintigste om 20:00 terug", {"de twintigste om 20:00": "2016-11-20T20:00"}),
        ("Ik ga de eerste van de maand terug", {"de eerste van de maand": "2016-12-01"}),
    ],
)
def test_an_ordinal_day_with_its_clock_and_of_the_month(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het moet voor 18 uur klaar zijn", {"voor 18 uur": "T18"}),  # no day said: the hour alone
        ("Hij zat voor 24 uur vast", {"24 uur": "PT24H"}),
        ("Ik vertrek voor 3 uur", {"3 uur": "PT3H"}),  # a count of hours as often as a time: a duration
        ("Ik kom morgen vroeg langs", {"morgen vroeg": "2016-11-08TMO"}),
    ],
)
def test_before_an_hour_of_the_24_hour_clock_and_early_tomorrow(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laten we later deze ochtend afspreken", {"later deze ochtend": "2016-11-07TMO"}),
        ("laten we vroeg deze avond afspreken", {"vroeg deze avond": "2016-11-07TEV"}),
        ("laten we vroeg volgend jaar afspreken", {"vroeg volgend jaar": "2017"}),
    ],
)
def test_early_and_late_in_a_part_of_the_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben het jaar na het volgende weg", {"het jaar na het volgende": "2018"}),
        ("De periode is 1/10-2/11/2017", {"1/10-2/11/2017": "(2017-10-01,2017-11-02,P32D)"}),
        ("06-06 12:15", {"06-06 12:15": "2017-06-06T12:15"}),
        ("De stand was 3-1 12:15 minuten gespeeld", {"15 minuten": "PT15M"}),  # a score, not 3 January
    ],
)
def test_year_after_next_numeric_day_ranges_and_a_day_before_its_clock(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik vertrek later vandaag", {"later vandaag": "2016-11-07"}),
        ("Begin morgen met de klus", {"morgen": "2016-11-08"}),  # an imperative, not the start of tomorrow
        ("Wat deed ik zaterdag", {"zaterdag": "2016-11-05"}),  # an irregular past tense looks back
        ("Hij won zaterdag de finale", {"zaterdag": "2016-11-05"}),
    ],
)
def test_later_today_and_irregular_past_tenses(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik vertrek elke dag om 3 uur 's middags", {"elke dag om 3 uur 's middags": "T15"}),
        ("Ik vertrek om 9 uur elke dag", {"9 uur elke dag": "T09"}),
        ("Ik vertrek 's avonds elke dag", {"'s avonds elke dag": "TEV"}),
        ("Ik vertrek om de andere dag", {"om de andere dag": "P2D"}),
    ],
)
def test_daily_sets_with_the_time_before_or_after(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Regel een gesprek over vier werkdagen", "2018-08-21T08:00:00", {"over vier werkdagen": "2018-08-27"}),
        ("Het duurt 3 werkdagen", "2018-08-21", {"3 werkdagen": "P3BD"}),
        ("elke werkdag", "2018-08-21", {"elke werkdag": "P1D"}),
        (
            "Ik ben weg tussen 15e november tot en met de 19e",
            "2016-11-07",
            {"tussen 15e november tot en met de 19e": "(2016-11-15,2016-11-19,P4D)"},
        ),
        (
            "Ik ben weg van 15 november tot 19 december",
            "2016-11-07",
            {"van 15 november tot 19 december": "(2016-11-15,2016-12-19,P34D)"},
        ),
    ],
)
def test_business_days_and_a_month_said_with_the_first_day(text: str, anchor: str, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


def test_a_window_of_one_clock_unit() -> None:
    assert values("Ik ben het komende uur weg", "2013-02-12T04:30:00") == {
        "komende uur": "(2013-02-12T04:30:00,2013-02-12T05:30:00,PT1H)"
    }
    assert values("Ik ben het komende uur weg", "2016-11-07") == {"komende uur": "PT1H"}  # no moment: the length


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga op de laatste dag van de maand terug", {"de laatste dag van de maand": "2016-11-30"}),
        ("Ik ga op de laatste dag van februari terug", {"de laatste dag van februari": "2017-02-28"}),
        ("Ik ga op de laatste dag van vorig jaar terug", {"de laatste dag van vorig jaar": "2015-12-31"}),
        ("Ik ga volgende maand op de 5e terug", {"volgende maand op de 5e": "2016-12-05"}),
        ("Ik ga in maart op de 5e terug", {"maart op de 5e": "2017-03-05"}),
    ],
)
def test_last_day_of_a_period_and_a_day_after_its_month(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


def test_times_of_day_named_by_a_word() -> None:
    assert values("midmorgen") == {"midmorgen": "T10"}
    assert values("Ik kom halverwege de middag") == {"halverwege de middag": "T14"}
    assert values("Ik kom midmorgen morgen", "2016-11-07") == {"midmorgen morgen": "2016-11-08T10"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Op 1 december vorig jaar viel het kabinet.", {"1 december vorig jaar": "2015-12-01"}),
        ("Sinds augustus vorig jaar is hij weg.", {"Sinds augustus vorig jaar": "2015-08"}),
    ],
)
def test_a_day_or_month_of_a_relative_year_keeps_the_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het zal 3 dagen vanaf dinsdag gebeuren", {"3 dagen vanaf dinsdag": "2016-11-11"}),
        ("Ik vertrek 3 minuten sinds vandaag", {"3 minuten": "PT3M", "sinds vandaag": "2016-11-07"}),
    ],
)
def test_moves_from_a_weekday_and_minutes_since_today(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga terug morgen 8 uur", {"morgen 8 uur": "2016-11-08T08"}),
        ("Ik ga terug op 14 oktober 8 uur", {"14 oktober 8 uur": "2017-10-14T08"}),
        ("Ik ga terug 8 uur 14 oktober", {"8 uur 14 oktober": "2017-10-14T08"}),
        ("Hij werkte dinsdag 10 uur lang", {"dinsdag": "2016-11-01", "10 uur lang": "PT10H"}),
        ("Ik ga terug op 2016-12-16T12:23:59", {"2016-12-16T12:23:59": "2016-12-16T12:23:59"}),
    ],
)
def test_an_hour_right_beside_its_day_and_iso_date_times(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben weg van de 3e tot de 5e", {"van de 3e tot de 5e": "(2016-12-03,2016-12-05,P2D)"}),
        ("Ik ben weg van de derde tot de vijfde", {"van de derde tot de vijfde": "(2016-11-03,2016-11-05,P2D)"}),
        ("Tussen de 2e en 3e kamer", {}),  # ordinals of something else
    ],
)
def test_a_range_of_ordinal_days_stays_in_one_month(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ga op de dag na Kerstmis terug", {"de dag na Kerstmis": "2016-12-26"}),
        ("Ik ga de dag voor 3 mei terug", {"de dag voor 3 mei": "2017-05-02"}),
        ("De dag na de verkiezingen was hij weg", {}),  # no day named: "de dag" alone says nothing
    ],
)
def test_the_day_before_or_after_a_named_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ik zal de afspraak verzetten van tien uur 's ochtends naar twintig!",
            {"tien uur 's ochtends": "T10", "twintig": "T20"},
        ),
        ("Ik zal de afspraak van tien uur 's ochtends naar zesentwintig verzetten!", {"tien uur 's ochtends": "T10"}),
    ],
)
def test_a_bare_new_time_after_naar(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het is nu 7 uur", {"nu": "PRESENT_REF", "7 uur": "T07"}),
        ("Tegen de avond klaarde het op", {"Tegen de avond": "TEV"}),
    ],
)
def test_it_is_now_an_hour_and_towards_a_part_of_the_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    "text", ["Hij zat op de 5e klas.", "Ze eindigde op de 3e plaats.", "Op de 2e verdieping brandde het."]
)
def test_an_ordinal_that_counts_a_noun_is_no_day(text: str) -> None:
    assert values(text, "2016-11-07") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2016-11-07 is a Monday: a past verb looks back, nouns and "over <onderwerp>" say nothing about tense
        ("Vrijdag werd het plan gepresenteerd.", {"Vrijdag": "2016-11-04"}),
        ("Het kabinet presenteerde vrijdag een plan.", {"vrijdag": "2016-11-04"}),
        ("De staat betaalde vrijdag de schade.", {"vrijdag": "2016-11-04"}),
        ("Het kabinet sprak vrijdag over de begroting.", {"vrijdag": "2016-11-04"}),
        ("Hij vertrok vrijdag.", {"vrijdag": "2016-11-04"}),
        ("Het kabinet plant vrijdag een debat.", {"vrijdag": "2016-11-11"}),
        ("Ik ga op de 5e terug.", {"de 5e": "2016-12-05"}),
    ],
)
def test_tense_cues_are_verbs_not_nouns(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("16 uur CET", "2016-11-07", {"16 uur CET": "T16"}),  # the hour as said, not converted
        ("De wedstrijd begint om 20.45 uur Nederlandse tijd.", "2016-11-07", {"20.45 uur Nederlandse tijd": "T20:45"}),
        ("Laten we afspreken om 13.00 Mountain tijdzone", "2016-11-07", {"13.00 Mountain tijdzone": "T13:00"}),
        ("donderdag 8:00 GMT", "2013-02-12T04:30:00", {"donderdag 8:00 GMT": "2013-02-14T08:00"}),
        ("Hij sliep 16 uur.", "2016-11-07", {"16 uur": "PT16H"}),
    ],
)
def test_a_time_zone_belongs_to_its_clock_time(text: str, anchor: str, expected: dict[str, str]) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Ik ga laatste zondag terug", "2016-11-07", {"laatste zondag": "2016-11-06"}),
        (
            "Je moet op of vroeger dan 15:00 15-5-2018 vertrekken",
            "2016-11-07",
            {"op of vroeger dan 15:00 15-5-2018": "2018-05-15T15:00"},
        ),
        ("Ik ben elk weekend weg", "2016-11-07", {"elk weekend": "XXXX-WXX-WE"}),
        ("Deze taak moet volgende 12/5 gedaan worden", "2019-05-20", {"volgende 12/5": "2020-05-12"}),
        ("Deze taak is afgelopen 3 mei gedaan", "2019-05-20", {"afgelopen 3 mei": "2019-05-03"}),
    ],
)
def test_last_weekday_earlier_than_weekend_sets_and_a_modified_day(
    text: str, anchor: str, expected: dict[str, str]
) -> None:
    assert values(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben midden 2016 weg", {"midden 2016": "2016"}),
        ("Laat me de verkoop zien in het jaar 2008", {"jaar 2008": "2008"}),
        ("Ik zal in China blijven voorafgaand aan het jaar 2019.", {"voorafgaand aan het jaar 2019": "2019"}),
        # 2016-11-07 is a Monday: "het weekend" in a past clause is the one just gone, else the coming one
        ("Hij werd in het weekend gearresteerd", {"het weekend": "2016-W44-WE"}),
        ("Ik werk in het weekend", {"het weekend": "2016-W45-WE"}),
        ("Dit weekend werden drie mensen opgepakt.", {"Dit weekend": "2016-W45-WE"}),
    ],
)
def test_years_with_a_part_or_the_word_jaar_and_the_nearest_weekend(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij kwam vrijdag jl. terug", {"vrijdag jl.": "2016-11-04"}),
        ("Op vrijdag 28 oktober jl. kwam hij terug", {"vrijdag 28 oktober jl.": "2016-10-28"}),
        ("Op 14 november a.s. komt hij terug", {"14 november a.s.": "2016-11-14"}),
        ("In de nacht van vrijdag op zaterdag werd ingebroken.", {"de nacht van vrijdag op zaterdag": "2016-11-04TNI"}),
        ("Ik ga de nacht van 5 op 6 mei terug", {"de nacht van 5 op 6 mei": "2017-05-05TNI"}),
    ],
)
def test_news_style_post_modifiers_and_the_night_from_one_day_to_the_next(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De komende dagen blijft het koud.", {"komende dagen": "FUTURE_REF"}),
        ("De afgelopen weken was het onrustig.", {"afgelopen weken": "PAST_REF"}),
        ("De afgelopen drie jaar groeide de economie.", {"afgelopen drie jaar": "(2013-11-07,2016-11-07,P3Y)"}),
    ],
)
def test_windows_without_a_number_are_vague_and_with_one_roll_from_the_anchor(
    text: str, expected: dict[str, str]
) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Na jarenlange onderhandelingen", {"jarenlange": "PXY"}),
        ("Ik ben urenlang weg", {"urenlang": "PTXH"}),
        ("Hij zat een jaar of tien vast", {"een jaar of tien": "P10Y"}),
        ("Het duurt een week of twee", {"een week of twee": "P2W"}),
    ],
)
def test_lengths_said_loosely(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zijn vrouw komt vrijdag.", {"vrijdag": "2016-11-11"}),  # "zijn" as "his" says nothing about tense
        ("Vrijdag is het feest.", {"Vrijdag": "2016-11-11"}),
        ("Hij is vrijdag benoemd tot minister.", {"vrijdag": "2016-11-04"}),  # "is" with a participle: past
    ],
)
def test_is_and_zijn_are_past_only_with_a_participle(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ik ben volgende week tussen woensdag en vrijdag vrij",
            {"volgende week tussen woensdag en vrijdag": "(2018-05-23,2018-05-25,P2D)"},
        ),
        (
            "Ik ben deze week van dinsdag tot donderdag vrij",
            {"deze week van dinsdag tot donderdag": "(2018-05-15,2018-05-17,P2D)"},
        ),
    ],
)
def test_a_range_of_weekdays_in_a_named_week(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2018-05-16") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik vertrek elke week op vrijdag", {"elke week op vrijdag": "XXXX-WXX-5"}),
        ("Ik vertrek dagelijks om 10 uur", {"dagelijks om 10 uur": "T10"}),
        ("Het feest is jaarlijks op 1 mei", {"jaarlijks op 1 mei": "XXXX-05-01"}),
        ("Ik betaal elke maand op de 5e", {"elke maand op de 5e": "XXXX-XX-05"}),
    ],
)
def test_a_periodic_set_narrowed_by_what_follows(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik vertrek ieder kwartier", {"ieder kwartier": "PT15M"}),
        ("Ik vertrek om de 2 uur", {"om de 2 uur": "PT2H"}),
        ("Ik vertrek elke andere week", {"elke andere week": "P2W"}),
        ("Ik vertrek elk voorjaar", {"elk voorjaar": "XXXX-SP"}),
    ],
)
def test_more_sets(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop after a full word ends the sentence; after an abbreviation it is the abbreviation's
        ("Het gebeurde op maandag.", {"maandag": "2016-11-07"}),
        ("Het gebeurde op 3 mei.", {"3 mei": "2016-05-03"}),
        ("Ik ga terug op 2 okt.", {"2 okt.": "2017-10-02"}),
        ("Het gebeurde 21/04/16.", {"21/04/16": "2016-04-21"}),
        (
            "Het gebeurde tussen 15e november tot en met de 19e.",
            {"tussen 15e november tot en met de 19e": "(2015-11-15,2015-11-19,P4D)"},
        ),
        ("Het gebeurde morgen vijf tot zeven.", {"morgen vijf tot zeven": "(2016-11-08T05,2016-11-08T07,PT2H)"}),
        ("Het gebeurde 06-06 12:15.", {"06-06 12:15": "2016-06-06T12:15"}),
    ],
)
def test_a_sentence_full_stop_after_the_expression(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Laten we morgen kwart voor zeven afspreken", {"morgen kwart voor zeven": "2016-11-08T06:45"}),
        ("Laten we zeven uur dertig ‘s avonds afspreken", {"zeven uur dertig ‘s avonds": "T19:30"}),
        ("Drie minuten voor acht ben ik weg", {"Drie minuten voor acht": "T07:57"}),
        ("Ik ben deze morgen om zeven weg", {"deze morgen om zeven": "2016-11-07T07"}),
    ],
)
def test_clock_times_before_a_verb(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het bereik is in 2014 tot en met 2018", {"in 2014 tot en met 2018": "(2014-01-01,2018-01-01,P4Y)"}),
        ("Dat was in 13:00 tot 16:00.", {"13:00 tot 16:00": "(T13:00,T16:00,PT3H)"}),
    ],
)
def test_in_starts_only_a_range_of_years(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2016-11-07") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2019-03-01 is a Friday
        ("Twee verdachten zijn hier dinsdag voor aangehouden.", {"dinsdag": "2019-02-26"}),  # a separable participle
        ("Dat is een gevolg van de beslissing van maandag.", {"maandag": "2019-02-25"}),  # what something was of
        ("De vergadering van maandag gaat door.", {"maandag": "2019-03-04"}),  # ... unless the verb looks ahead
        ("Dat zegt woordvoerder Jolanda Zondag van Talis.", {}),  # a surname
    ],
)
def test_news_tense_from_participles_and_of_a_day(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-01") == expected


def test_a_clock_range_ending_in_uur_before_a_verb() -> None:
    assert values("Laten we maandag tussen 8 en 10 uur afspreken", "2016-11-07") == {
        "maandag tussen 8 en 10 uur": "(2016-11-07T08,2016-11-07T10,PT2H)"
    }


# --- round 4: forms found by the carrier/word-swap probe (benchmarks/time_probe.py) -------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a day, "om N" is its hour whatever verb follows (not only before an infinitive)
        ("Hij zei dat het op 23 okt om 7 gebeurde.", {"23 okt om 7": "2020-10-23T07"}),
        ("Vrijdag 19 maart om vier is er een debat.", {"Vrijdag 19 maart om vier": "2021-03-19T04"}),
        ("De aanslag was deze morgen om zeven.", {"deze morgen om zeven": "2021-03-17T07"}),
        # an hour form is no century: "elven een" is not the year 1101
        ("Het bedrijf meldde rond elven een verlies.", {"rond elven": "T11"}),
        # "geen" is no infinitive after a clock time
        ("Ik heb om tien over tien geen tijd.", {"tien over tien": "T10:10"}),
        # a part of the day before a comma
        ("Deze ochtend, zei de minister, viel het besluit.", {"Deze ochtend": "2021-03-17TMO"}),
    ],
)
def test_forms_that_held_only_in_their_dev_carrier(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2021-03-17") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Het festival is van negen tot twaalf juni 2021.",
            {"van negen tot twaalf juni 2021": "(2021-06-09,2021-06-12,P3D)"},
        ),
        (
            "Het gebeurde tussen drie en twaalf september 2020.",
            {"tussen drie en twaalf september 2020": "(2020-09-03,2020-09-12,P9D)"},
        ),
        ("De winkel is open van 11:00 tot drie.", {"van 11:00 tot drie": "(T11:00,T15,PT4H)"}),
        (
            "Hij is van 5 tot zes volgende zondag weg.",
            {"van 5 tot zes volgende zondag": "(2021-03-28T05,2021-03-28T06,PT1H)"},
        ),
        ("Er waren twee tot drie mensen.", {}),
    ],
)
def test_range_ends_written_out(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2021-03-17") == expected


# --- round 4: errors read on dpgmedia2019 news (articles 300-399) --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no tense: a day said in the last three months is that recent day, not next year's
        ("Aldus een artikel in Trouw (22 maart).", {"22 maart": "2019-03-22"}),
        ("De deadline: 10 oktober.", {"10 oktober": "2019-10-10"}),
        # "staken" (to strike), "toegeeft" (present of toegeven) and "radiostilte" are no past tense
        (
            "Vakbonden willen weer gaan staken: op 29 mei, in de hoop dat de minister nu toegeeft.",
            {"29 mei": "2019-05-29", "nu": "PRESENT_REF"},
        ),
        (
            "Eén maand voor de verkiezingen (23-26 mei) treedt de radiostilte in.",
            {
                "Eén maand": "P1M",
                "23-26 mei": "(2019-05-23,2019-05-26,P3D)",
            },
        ),
        # "rond 14.00 uur" is a clock time, not a duration of 14 hours
        ("De betoging begint rond 14.00 uur op de Dam.", {"rond 14.00 uur": "T14:00"}),
        # hours counted from a news date (no time of day): that day, no invented clock time
        ("Ruim een half uur later keert hij terug.", {"Ruim een half uur later": "2019-03-25"}),
        ("Verhagen staat 24 uur later alweer te opereren.", {"24 uur later": "2019-03-26"}),
    ],
)
def test_news_dates_read_on_dpgmedia(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-25") == expected


def test_hours_from_a_moment_anchor_stay_clock_times() -> None:
    assert values("Ik ben over 5 uur terug.", "2016-11-07T00:00:00") == {"over 5 uur": "2016-11-07T05:00:00"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij was na een paar uur klaar.", {"na een paar uur": "PT2H"}),  # a count of hours, not 02:00
        ("Ook Macron benadrukte dinsdag de noodzaak.", {"dinsdag": "2019-03-26"}),  # "benadrukte" is past
    ],
)
def test_news_counts_and_tense_read_on_dpgmedia(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-27") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "woorden" (words) is no past tense; a deadline with no tense is ahead
        (
            "Stuur uw reactie van circa 150 woorden uiterlijk dinsdag 12 uur naar lezers.",
            {"uiterlijk dinsdag 12 uur": "2019-04-02T12"},
        ),
        ("Donderdag sloten Tsjechië en Zweden zich aan.", {"Donderdag": "2019-03-28"}),
        ("Minister Koolmees beet woensdag het spits af.", {"woensdag": "2019-03-27"}),
        # "de Eerste Kamer" is no first day of the month
        (
            "De Staten vergaderen op maandag, de Eerste Kamer op dinsdag.",
            {"maandag": "2019-04-01", "dinsdag": "2019-04-02"},
        ),
    ],
)
def test_news_tense_and_names_read_on_dpgmedia(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-30") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by swapping words of one kind in dev expressions (benchmarks/time_probe.py)
        ("Het gebeurde in het laatste kwartaal van 2018.", {"het laatste kwartaal van 2018": "2018-Q4"}),
        ("Het gebeurde afgelopen Koningsdag.", {"afgelopen Koningsdag": "2018-04-27"}),
        ("Aanstaande Pasen gaan we weg.", {"Aanstaande Pasen": "2019-04-21"}),
        ("Deze Kerstmis blijven we thuis.", {"Deze Kerstmis": "2019-12-25"}),
    ],
)
def test_swapped_modifiers_of_holidays_and_quarters(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-30") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het moet uiterlijk 2025 klaar zijn.", {"uiterlijk 2025": "2025"}),
        ("Nederland moet tegen 2030 klimaatneutraal zijn.", {"tegen 2030": "2030"}),
        (
            "De tentoonstelling loopt van 25-10 tot en met 25-01.",
            {"van 25-10 tot en met 25-01": "(2019-10-25,2020-01-25,P92D)"},
        ),
    ],
)
def test_deadline_years_and_inclusive_numeric_ranges(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-30") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "om een" before a noun is an article, not one o'clock
        (
            "Forum besloot gisteravond om een campagnebijeenkomst door te laten gaan.",
            {"gisteravond": "2019-03-18TEV"},
        ),
        # "had ... niet verwacht" is a participle, not "expects"
        (
            "Dat had Verhagen niet verwacht toen hij zondagmorgen zijn onvrede uitte.",
            {"zondagmorgen": "2019-03-17TMO"},
        ),
        ("Hij verwacht zondag een besluit.", {"zondag": "2019-03-24"}),
    ],
)
def test_news_articles_and_participles_read_on_dpgmedia(text: str, expected: dict[str, str]) -> None:
    assert values(text, "2019-03-19") == expected
