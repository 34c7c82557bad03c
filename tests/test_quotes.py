"""Quote finder: quotation marks, speakers, indirect speech, the reported_by layer, the sample."""

from __future__ import annotations

import re

import pytest

from grotius.coding.quotes import find_quotes, reported_span_at, reported_span_for
from grotius.coding.quotes.lexicon import lexicon
from grotius.coding.quotes.marks import find_marked_quotes
from grotius.datamodel import Actor, Quote
from grotius.lang import load_resource

# --- quotation marks (no model needed) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hij zei: ‘Dit is fout.’ Klaar.", ["Dit is fout."]),
        ("“Nee”, zei ze.", ["Nee"]),
        ("„Wij gaan door”, aldus Rutte.", ["Wij gaan door"]),
        ("„Wij gaan door“, aldus Rutte.", ["Wij gaan door"]),
        ('"Genoeg is genoeg", zei hij.', ["Genoeg is genoeg"]),
        ("'Genoeg is genoeg', zei hij.", ["Genoeg is genoeg"]),
        ("«Non», dit-il.", ["Non"]),
    ],
)
def test_marks_typography(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == expected


def test_marks_apostrophes_are_not_quotes() -> None:
    text = "Het was ’s avonds zo’n drukte in ’t dorp, zei de burgemeester van 's-Hertogenbosch."
    assert find_marked_quotes(text) == []


def test_marks_nested_quote_reported_once() -> None:
    text = "“Hij noemde het ‘onzin’, en dat is het”, zei ze."
    qs = find_marked_quotes(text)
    assert [text[q.start : q.end] for q in qs] == ["Hij noemde het ‘onzin’, en dat is het"]


def test_marks_quote_continued_over_paragraphs() -> None:
    text = "‘De eerste alinea loopt door.\n\n‘En de tweede sluit af’, zei hij."
    (q,) = find_marked_quotes(text)
    assert text[q.start : q.end] == "De eerste alinea loopt door.\n\n‘En de tweede sluit af"
    assert q.closed


# --- lexicon --------------------------------------------------------------------------------------


def test_reporting_lexicon_ids_unique_and_present() -> None:
    data = load_resource("nl", "reporting.yaml")
    ids = [e["id"] for section in data.values() for e in section]
    assert len(ids) == len(set(ids)), "every reporting.yaml entry needs a unique id"
    lex = lexicon("nl")
    assert {"zeggen", "verklaren", "waarschuwen", "benadrukken", "stellen", "melden"} <= {v.id for v in lex.verbs}
    assert set(lex.sources) >= {"volgens", "aldus"}


# --- speakers on sentences (model) ----------------------------------------------------------------


def _quotes(nlp, text: str, actors: list[Actor] | None = None) -> list[Quote]:
    return find_quotes(nlp(text), actors or [], "nl")


def _one(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r} in {[q.text for q in quotes]}"
    return hits[0]


def _speaker(q: Quote) -> str:
    assert q.speaker is not None, f"no speaker for {q.text!r}"
    return f"{q.speaker.text} {q.speaker.name or ''}"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "direct"),
    [
        ("‘Wij trekken ons terug’, zei Scholz in Berlijn.", "Wij trekken", "Scholz", True),
        ("“Dit is onaanvaardbaar”, aldus minister Bijleveld.", "onaanvaardbaar", "Bijleveld", True),
        ("Rutte: ‘Nederland blijft Oekraïne steunen.’", "Nederland blijft", "Rutte", True),
        ("Macron zei in een toespraak: „Europa moet sterker worden.”", "Europa moet", "Macron", True),
        ("‘We laten ons niet intimideren’, stelt Stoltenberg.", "intimideren", "Stoltenberg", True),
        ("‘Dit is een keerpunt.’ Dat zei Von der Leyen in Straatsburg.", "keerpunt", "Von der Leyen", True),
        ("Lavrov verklaarde dat Moskou geen troepen zal terugtrekken.", "Moskou geen troepen", "Lavrov", False),
        ("Minister Kaag waarschuwde dat de hulp niet snel genoeg komt.", "de hulp", "Kaag", False),
        ("Volgens de Wereldbank krimpt de Russische economie met tien procent.", "krimpt", "Wereldbank", False),
        ("De oorlog kan nog jaren duren, zei Stoltenberg zondag.", "De oorlog kan", "Stoltenberg", False),
    ],
)
def test_speaker_patterns(nlp, text: str, fragment: str, speaker: str, direct: bool) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)
    assert q.direct is direct
    assert q.rule and q.rule.startswith("nl/reporting.yaml#")
    assert text[q.start : q.end] == q.text


def test_hedged_indirect_speech_is_marked(nlp) -> None:
    text = "Erdogan zou gezegd hebben dat Turkije de toetreding blijft blokkeren."
    q = _one(_quotes(nlp, text), "Turkije")
    assert "Erdogan" in _speaker(q)
    assert getattr(q, "hedged", False) is True
    assert q.to_record()["hedged"] is True


def test_volgens_after_speech_is_second_layer(nlp) -> None:
    text = "‘We willen vrede’, zei Zelensky volgens de omroep BBC."
    q = _one(_quotes(nlp, text), "We willen vrede")
    assert "Zelensky" in _speaker(q)
    assert q.reported_by is not None and "BBC" in q.reported_by.text


def test_speaker_prefers_resolved_actor(nlp) -> None:
    text = "De Franse president Macron zei dat Parijs wil bemiddelen."
    start = text.index("Macron")
    macron = Actor(
        text="Macron",
        start=start,
        end=start + 6,
        country="FRA",
        sector="GOV",
        name="Emmanuel Macron",
        code="FRAGOV",
        via="alias",
    )
    q = _one(_quotes(nlp, text, [macron]), "Parijs")
    assert q.speaker is macron


def test_no_quotes_in_plain_narration(nlp) -> None:
    assert _quotes(nlp, "De troepen trokken zich dinsdag terug uit de stad.") == []


# --- reported content look-up ---------------------------------------------------------------------


def test_reported_span_at_innermost() -> None:
    outer = Quote(speaker=None, start=0, end=50, text="x" * 50, direct=False)
    inner = Quote(speaker=None, start=10, end=20, text="x" * 10, direct=True)
    assert reported_span_at([outer, inner], 15) is inner
    assert reported_span_at([outer, inner], 30) is outer
    assert reported_span_at([outer, inner], 60) is None
    assert reported_span_for([outer, inner], 12, 18) is inner
    assert reported_span_for([outer, inner], 5, 18) is outer


# --- the sample article ---------------------------------------------------------------------------


def _hand_actors(text: str) -> list[Actor]:
    """What the actor resolver gives for the names (built by hand so the test pins the quote finder)."""
    names = {
        r"(?:Vladimir )?Poetin": ("Vladimir Putin", "RUS", "GOV", "RUSGOV"),
        r"(?:Joe )?Biden": ("Joe Biden", "USA", "GOV", "USAGOV"),
        r"The New York Times": ("The New York Times", "USA", "MED", "USAMED"),
    }
    out = []
    for pattern, (name, country, sector, code) in names.items():
        for m in re.finditer(pattern, text):
            out.append(
                Actor(
                    text=m.group(),
                    start=m.start(),
                    end=m.end(),
                    country=country,
                    sector=sector,
                    name=name,
                    code=code,
                    via="alias",
                )
            )
    return sorted(out, key=lambda a: a.start)


@pytest.mark.parametrize("with_actors", [True, False])
def test_sample_quotes(sample_doc, with_actors: bool) -> None:
    document, doc = sample_doc
    quotes = find_quotes(doc, _hand_actors(doc.text) if with_actors else [], "nl")
    for q in quotes:
        assert doc.text[q.start : q.end] == q.text
    we = _one(quotes, "We gedragen ons")
    assert we.direct and we.text.startswith("We gedragen ons") and we.text.endswith("aan hun grenzen")
    assert "Poetin" in _speaker(we) or "Putin" in _speaker(we)
    assert we.reported_by is not None and we.reported_by.name == "The New York Times"
    assert we.reported_by.text == "de Amerikaanse krant"  # the anaphor, resolved to the paper named before

    nuc = _one(quotes, "geen winnaars")
    assert nuc.text == "geen winnaars zijn in een nucleair conflict" and nuc.direct
    assert "Biden" in _speaker(nuc)
    assert getattr(nuc, "hedged", False), "`zou gezegd hebben` is reported speech"
    assert nuc.reported_by is not None and nuc.reported_by.name == "The New York Times"

    nyt = _one(quotes, "herhaalde Poetin die verwijten")
    assert not nyt.direct and nyt.speaker is not None and nyt.speaker.name == "The New York Times"
    if with_actors:
        assert we.speaker is not None and we.speaker.code == "RUSGOV"
        assert nuc.speaker is not None and nuc.speaker.code == "USAGOV"
        assert we.reported_by.code == "USAMED"
    # the event coder asks where a trigger stands: `gedragen` inside Putin's words
    assert reported_span_at(quotes, doc.text.index("gedragen ons")) is we


def test_sample_with_real_resolver(sample_doc) -> None:
    try:
        from grotius.resolve.actors import resolve_actors

        document, doc = sample_doc
        actors = resolve_actors(doc, document.published, "nl")
    except Exception as exc:  # built alongside by another developer; pin the contract once it is there
        pytest.skip(f"actor resolver not usable yet: {type(exc).__name__}: {exc}")
    quotes = find_quotes(doc, actors, "nl")
    we = _one(quotes, "We gedragen ons")
    assert we.speaker is not None and (we.speaker.code or "").startswith("RUS")
    assert we.reported_by is not None and "New York Times" in (we.reported_by.name or we.reported_by.text)
    nuc = _one(quotes, "geen winnaars")
    assert nuc.speaker is not None and (nuc.speaker.code or "").startswith("USA")


@pytest.mark.slow
def test_dev_gold_bars() -> None:
    """The hand-written dev set (benchmarks/quotes_dev_gold.jsonl), without actors: the issue's bars."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from quotes_dev import evaluate

    res = evaluate("none")
    assert res["speaker_accuracy"] >= 0.85
    assert res["span_overlap_dice"] >= 0.80


# --- known gaps closed: time phrases, the speaker in the next sentence ----------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Afgelopen zomer maakte de Britse premier Johnson bekend dat Londen troepen stuurt.", "Londen", "Johnson"),
        ("Vorige maand zei de Duitse kanselier nog dat het project commercieel was.", "project", "kanselier"),
        ("Minister Hoekstra waarschuwde maandag dat een inval gevolgen heeft.", "inval", "Hoekstra"),
    ],
)
def test_time_phrase_is_never_speaker(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)
    assert not re.search(r"zomer|maand|maandag", q.speaker.text)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Macron belde met Moskou.\n\n‘We hebben alles gedaan om een oorlog te voorkomen.’ Normaal gesproken, "
            "zegt Macron, levert zo'n gesprek iets op.",
            "alles gedaan",
            "Macron",
        ),
        (
            "„De sancties treffen vooral gewone Russen.” Oppositieleider Navalny liet dat weten via zijn advocaten.",
            "sancties treffen",
            "Navalny",
        ),
        (
            "Kaag kwam terug uit Brussel.\n\n‘De onderhandelingen zijn vastgelopen en dat is zorgelijk.’ De minister "
            "vindt het onbegrijpelijk dat Moskou zwijgt.",
            "vastgelopen",
            "minister",
        ),
    ],
)
def test_paragraph_opening_quote_takes_speaker_of_next_sentence(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)
    assert q.rule is not None and q.rule.endswith("#next-sentence")


def test_dat_meldt_x_reports_the_sentence_before(nlp) -> None:
    text = "Russische troepen zijn begonnen met de terugtrekking. Dat meldt het Russische ministerie van Defensie."
    q = _one(_quotes(nlp, text), "terugtrekking")
    assert "ministerie" in _speaker(q)
    assert q.direct is False


def test_given_timexes_replace_own_tagging(nlp) -> None:
    doc = nlp("Afgelopen zomer maakte premier Johnson bekend dat Londen troepen stuurt.")
    from grotius.resolve.time import tag_timexes

    a = find_quotes(doc, [], "nl")
    b = find_quotes(doc, [], "nl", timexes=tag_timexes(doc.text, None))
    assert [(q.start, q.end, q.speaker.text if q.speaker else None) for q in a] == [
        (q.start, q.end, q.speaker.text if q.speaker else None) for q in b
    ]


# --- real-news patterns (the kinds of error the dpgmedia2019 set test2 showed) --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (",,Wij gaan door'', zei hij.", ["Wij gaan door"]),
        (',,Welkom thuis", meldt ze.', ["Welkom thuis"]),
        ("Hij zei: ,,Nee.'' En ging.", ["Nee."]),
        ("Ze riep ,,kom hier'' en ,,blijf daar''.", ["kom hier", "blijf daar"]),
    ],
)
def test_marks_newspaper_typewriter_quotes(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == expected


def test_marks_plain_commas_are_not_quotes() -> None:
    assert find_marked_quotes("Appels, peren,, en 'n paar ''losse'' dingen.") == []


def test_titles_are_data() -> None:
    lex = lexicon("nl")
    assert lex.title("minister") == lex.title("staatssecretaris") == "minister"
    assert lex.title("AH-woordvoerder") == "woordvoerder"  # a compound ending in a title
    assert lex.title("PvdA'er") is not None  # a party member
    assert lex.title("betoging") is None


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a role refers back to the person introduced with it
        (
            "Generaal Jan de Vries sprak dinsdag met de troepen in het zuiden. ,,We blijven hier tot het voorbij "
            "is'', zei de generaal.",
            "We blijven",
            "Jan de Vries",
        ),
        (
            "Wethouder Anna de Boer wil de wijk opknappen. ,,Het groen woekert overal'', zegt de wethouder.",
            "groen woekert",
            "Anna de Boer",
        ),
        # a pronoun refers to the person named last, not to an earlier speaker
        (
            "‘We zijn klaar’, zei minister Kaag. Na afloop werd oppositieleider Pieter Jansen in Den Haag "
            "aangehouden. ,,Ze zeiden dat ik de leider van de betoging was'', vertelde hij.",
            "leider van de",
            "Pieter Jansen",
        ),
        # a quote standing alone after a sentence about a named person
        (
            "'We gaan door', zei minister Kaag. Kamerlid Marieke Bakker ziet grote problemen in de zorg. ,,Het "
            "beleid heeft gefaald. We moeten helemaal opnieuw beginnen.''",
            "beleid heeft",
            "Marieke Bakker",
        ),
    ],
)
def test_speaker_across_sentences(nlp, text: str, fragment: str, name: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("De minister liet weten er geen gehoor aan te geven.", "er geen gehoor aan te geven", "minister"),
        (
            "De burgemeester heeft gisteren verklaard spijt te hebben van het besluit.",
            "spijt te hebben van het besluit",
            "burgemeester",
        ),
        (
            "Maar de stafchef zei gisteren geen ruimte meer te zien voor uitstel.",
            "geen ruimte meer te zien voor uitstel",
            "stafchef",
        ),
    ],
)
def test_infinitive_reported_content(nlp, text: str, content: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), content)
    assert q.text == content and q.direct is False
    assert speaker in _speaker(q)


def test_infinitive_needs_a_flagged_verb(nlp) -> None:
    # `dreigen te` is "be about to", not a report: the verb carries no infinitive flag
    assert _quotes(nlp, "Het overleg dreigt te mislukken.") == []


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Eerder al zei het OM dat de vergelijking met andere zaken mank gaat.", "vergelijking", "OM"),
        (
            "'De situatie loopt volledig uit de hand', zei een agent uit Rotterdam anoniem tegen de krant.",
            "uit de hand",
            "agent",
        ),
        (
            "Op de site van het tijdschrift De Bouwer schreef hoofdredacteur Harm Visser dat het project faalt.",
            "project faalt",
            "Harm Visser",
        ),
        (
            "Een woordvoerder van de gemeente Utrecht liet weten dat de weg nog weken dicht blijft.",
            "de weg",
            "woordvoerder",
        ),
    ],
)
def test_subject_despite_tagger_errors(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)


def test_passive_reporting_verb_names_no_speaker(nlp) -> None:
    text = (
        "Een van de agenten wordt beschuldigd van geweld tegen betogers. ,,Ik ga niet in op wat er wordt geschreven.''"
    )
    q = _one(_quotes(nlp, text), "Ik ga niet in")
    assert q.speaker is None or "agent" not in q.speaker.text


def test_colon_speaker_must_be_able_to_speak(nlp) -> None:
    text = "Hij sprak met tranen in de ogen: ,,Dit vergeet ik de rest van mijn leven nooit meer.''"
    q = _one(_quotes(nlp, text), "Dit vergeet")
    assert q.speaker is None or "ogen" not in q.speaker.text


def test_title_after_a_noun_is_not_speech_and_ends_its_sentence(nlp) -> None:
    text = (
        "In 2010 startte de stichting de campagne 'Aardige mensen. Hoe gaan we ermee om?' Het bleek dat veel "
        "mensen, volgens de stichting, niet wisten hoe ze moesten reageren."
    )
    quotes = _quotes(nlp, text)
    assert _one(quotes, "Aardige mensen").speaker is None
    volgens = _one(quotes, "niet wisten")
    assert "stichting" in _speaker(volgens)


def test_pronoun_guessed_as_a_company_gets_the_person(nlp) -> None:
    text = "Kamerlid Marieke Bakker kent de discussie over Nissan. ,,Je hoort veel halve waarheden'', zegt hij."
    start = text.rindex("hij")
    guess = Actor(
        text="hij",
        start=start,
        end=start + 3,
        country="JPN",
        sector="BUS",
        name="Japanese companies",
        code="JPNBUS",
        entry="kb/organisations_companies.yaml#japan",
        via="pronoun-guess",
    )
    q = _one(_quotes(nlp, text, [guess]), "halve waarheden")
    assert q.speaker is not None and q.speaker.name == "Marieke Bakker"


def test_pronoun_chain_outlasts_a_person_named_in_passing(nlp) -> None:
    text = (
        "Kamerlid Marieke Bakker wil terug naar Nederland. Dit zei ze zondag tegen de BBC. Later trouwde ze met "
        "de Britse Ahmed Karimi. Tegen de krant vertelde ze dat ze hem erg jong vond."
    )
    q = _one(_quotes(nlp, text), "erg jong")
    assert q.speaker is not None and q.speaker.name == "Marieke Bakker"


@pytest.mark.parametrize(
    ("text", "fragment", "name", "rule"),
    [
        # a surname alone refers to the person named in full before; the sentence before is about them
        (
            "Kamerlid Marieke Bakker sprak dinsdag in Den Haag. Later kwam Jan de Vries aan het woord. Bakker wil "
            "meer geld voor de zorg. ,,Het huidige beleid heeft echt volledig gefaald.''",
            "beleid heeft",
            "Marieke Bakker",
            "previous-subject",
        ),
        # words quoted inside a clause about a named person
        (
            "Minister Marieke Bakker wil dit 'op een veel eenvoudiger manier regelen' door een nieuwe wet.",
            "eenvoudiger manier",
            "Marieke Bakker",
            "clause-subject",
        ),
        # a manner verb tagging a quote
        (
            ",,Gelukkig hebben we opa's en oma's die meehelpen'', lacht Marieke Bakker.",
            "opa's",
            "Marieke Bakker",
            "lachen",
        ),
    ],
)
def test_named_person_rules(nlp, text: str, fragment: str, name: str, rule: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == name
    assert q.rule == f"nl/reporting.yaml#{rule}"


def test_inverted_verb_subject_follows_it(nlp) -> None:
    q = _one(
        _quotes(nlp, "Makkelijk was die beslissing niet, zegt oprichter Pieter Jansen van de stichting."), "Makkelijk"
    )
    assert "Pieter Jansen" in _speaker(q)


def test_volgens_possessive_phrase(nlp) -> None:
    quotes = _quotes(
        nlp, "Volgens zijn woordvoerder moet dat niet worden gelezen als een felicitatie. Volgens haar is het slecht."
    )
    assert "woordvoerder" in _speaker(_one(quotes, "felicitatie"))
    assert _one(quotes, "slecht").speaker.text == "haar"  # type: ignore[union-attr]


# --- real-news patterns (dev4) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a name the tagger calls an adverb or an auxiliary is still the subject
        ("Het Hof stelt vast dat de studies openbaar moeten zijn.", "studies openbaar", "Hof"),
        ("De boswachters waren druk met de bomen, zegt Quist.", "druk met de bomen", "Quist"),
        # a title with its complement before the name: the name speaks
        (
            "De regels zijn helder, zegt ook hoogleraar gezondheidsrecht Martin Buijsen van de Universiteit Leiden.",
            "regels zijn helder",
            "Martin Buijsen",
        ),
    ],
)
def test_speaker_phrase_real_news(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)


def test_marked_word_inside_unmarked_speech(nlp) -> None:
    # a scare-quoted word does not make the sentence a direct quote: `, zegt X` still reports it
    text = "Terwijl de brandweer werkte, was de sfeer 'boven' ontspannen, zegt Marieke Bakker."
    q = _one(_quotes(nlp, text), "brandweer werkte")
    assert q.direct is False and "Bakker" in _speaker(q)


def test_possessive_needs_a_noun_after_it(nlp) -> None:
    q = _one(_quotes(nlp, "Marieke Bakker zoekt werk. Dat is volgens haar echter een illusie."), "illusie")
    assert q.speaker is not None and q.speaker.text == "haar"


def test_positional_capital_is_no_person(nlp) -> None:
    from grotius.coding.quotes.references import person_mentions

    doc = nlp("Betaald krijgt ze er niet voor. Marieke Bakker werkt in het buurthuis.")
    names = [p.name for p in person_mentions(doc, [])]
    assert "Betaald" not in names


def test_compound_titles() -> None:
    lex = lexicon("nl")
    assert lex.title("parkdirecteur") == lex.title("directeur")  # a compound names what its last part names
    assert lex.title("activeringscoach") == lex.title("coach")
    assert lex.title("tochef") is None  # short titles do not end compounds


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a reporting clause set inside the sentence: the whole sentence is the content
        ("In feite, denkt Gerard Hofman, was er iets heel anders aan de hand.", "iets heel anders", "Hofman"),
        # a two-word verdict reported by a name
        ("Verboden gebiedsafspraken, concludeert Gerard Hofman.", "Verboden gebiedsafspraken", "Hofman"),
        # an inverted reporting verb the tagger took for a noun
        (
            "Er is een startkapitaal van 13 miljoen euro nodig, schat Anco Scholte ter Horst.",
            "startkapitaal",
            "Scholte",
        ),
    ],
)
def test_inserted_and_inverted_reporting_clauses(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.direct is False and speaker in _speaker(q)


def test_role_refers_to_the_person_with_that_occupation(nlp) -> None:
    text = (
        "Het meldpunt is van de jurist Marieke Bakker. Zij kreeg veel meldingen. Nieuw onderzoek is "
        "volgens de jurist niet nodig."
    )
    q = _one(_quotes(nlp, text), "Nieuw onderzoek")
    assert q.speaker is not None and q.speaker.name == "Marieke Bakker"


def test_demonstrative_subject_before_the_complementiser(nlp) -> None:
    text = (
        "Toen de vraag bij het Zorginstituut terechtkwam, redeneerde dat instituut dat er geen medische indicatie is."
    )
    q = _one(_quotes(nlp, text), "geen medische indicatie")
    assert q.text.startswith("er geen") and "instituut" in _speaker(q)


def test_opinion_after_a_subordinate_clause_is_not_reported(nlp) -> None:
    quotes = _quotes(nlp, "Als het morgen regent, denken veel mensen aan thuisblijven.")
    assert not any(q.text.startswith("Als het") for q in quotes)


def test_plural_pronoun_stands_for_a_group(nlp) -> None:
    text = (
        "Minister Marieke Bakker besluit in april. De veteranen hebben last van de rook. Zij denken dat de "
        "rook giftig is."
    )
    q = _one(_quotes(nlp, text), "rook giftig")
    assert q.speaker is not None and q.speaker.name != "Marieke Bakker"
    assert "veteranen" in _speaker(q)


def test_plural_pronoun_skips_subjects_of_reported_content(nlp) -> None:
    text = (
        "De ministers Marieke Bakker en Pieter Jansen erkennen dat scholen transparanter moeten zijn. ,,Niet "
        "elke innovatie is succesvol, maar ook van mislukkingen valt te leren'', stellen zij."
    )
    q = _one(_quotes(nlp, text), "innovatie")
    assert "scholen" not in _speaker(q)


@pytest.mark.parametrize(
    ("text", "org", "fragment", "name"),
    [
        # a description ending the organisation's own name
        (
            "Het advies komt van het Zorginstituut. Volgens het instituut is er geen medische noodzaak.",
            "Zorginstituut",
            "geen medische noodzaak",
            "Zorginstituut",
        ),
        # a generic organisation noun
        (
            "De klanten van Ahold klagen al weken. Het bedrijf zegt dat de problemen snel voorbij zijn.",
            "Ahold",
            "problemen snel",
            "Ahold",
        ),
    ],
)
def test_organisation_description_refers_back(nlp, text: str, org: str, fragment: str, name: str) -> None:
    doc = nlp(text)
    start = text.index(org)  # the resolver's mention of the organisation
    actors = [Actor(text=org, start=start, end=start + len(org), org="BUS", name=org, via="alias")]
    q = _one(find_quotes(doc, actors, "nl"), fragment)
    assert q.speaker is not None and name in (q.speaker.name or "")


def test_agreeing_reports_an_opinion(nlp) -> None:
    q = _one(_quotes(nlp, "De deskundigen zijn het erover eens dat de regels te streng zijn."), "regels te streng")
    assert q.rule == "nl/reporting.yaml#eens-zijn" and "deskundigen" in _speaker(q)
    # `eens` as `once` does not report
    assert not any(
        q.rule == "nl/reporting.yaml#eens-zijn"
        for q in _quotes(nlp, "Het is nog eens gebleken dat de regels te streng zijn.")
    )


def test_person_after_van_is_not_the_speaker(nlp) -> None:
    text = "In de rechtszaal stelt de advocaat van Marieke Bakker dat het een publiek geheim is."
    q = _one(_quotes(nlp, text), "publiek geheim")
    assert "advocaat" in _speaker(q) and "Bakker" not in (q.speaker.name or "")  # type: ignore[union-attr]


def test_short_quote_before_zegt_is_reported_once(nlp) -> None:
    quotes = _quotes(nlp, 'Het enige dat ze niet doen is stilzitten. "Dit is Montessori", zegt een vriend.')
    assert len([q for q in quotes if "Montessori" in q.text]) == 1


def test_finite_verb_is_not_a_speaker(nlp) -> None:
    quotes = _quotes(nlp, "Het bevestigt mij in de gedachte dat er meer mensen zijn die erover willen praten.")
    assert not any(q.speaker is not None and "bevestigt" in q.speaker.text for q in quotes)


def test_partitive_speaker_is_the_group(nlp) -> None:
    q = _one(_quotes(nlp, "Eén van de getuigen zei dat de verdachte het wapen vasthield."), "wapen vasthield")
    assert "getuigen" in _speaker(q)


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a relative clause between the subject and the verb
        (
            "De Rabobank, waar de betalingen binnenkwamen, zegt niet te kunnen reageren op vragen over klanten.",
            "niet te kunnen reageren",
            "Rabobank",
        ),
        # auxiliary, subject, participle after the comma
        (
            "Het shirt komt mee naar de hoofdstad, heeft Marieke Bakker beloofd aan haar collega's.",
            "komt mee",
            "Bakker",
        ),
        # a possessive before the speaker's title
        ("De populariteit daalt, constateert onze correspondent Pieter Jansen.", "populariteit", "Jansen"),
        # a particle far from its verb, right before the complementiser
        (
            "De communist Pieter Jansen merkte bij de pogingen aan het eind van de jaren zeventig de middenschool in "
            "te voeren op dat arbeiders eindelijk naar het gymnasium konden.",
            "arbeiders eindelijk",
            "Jansen",
        ),
    ],
)
def test_subject_positions_real_news(nlp, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert speaker in _speaker(q)


def test_addressee_before_colon_is_not_the_speaker(nlp) -> None:
    q = _one(
        _quotes(nlp, "Pieter Jansen tegen Marieke Bakker: ,,De wereld vraagt moeilijke keuzes, kan u die maken?''"),
        "moeilijke keuzes",
    )
    assert "Jansen" in _speaker(q) and "Bakker" not in _speaker(q)


def test_demonstrative_subject_refers_to_the_person_just_named(nlp) -> None:
    text = (
        "De partij leverde ook de minister: Marieke Bakker. Die hield vol dat afbouwen niet kon zonder tekort aan gas."
    )
    q = _one(_quotes(nlp, text), "afbouwen")
    assert q.speaker is not None and q.speaker.name == "Marieke Bakker"


def test_stellen_gelijk_is_not_reporting(nlp) -> None:
    lex = lexicon("nl")
    doc = nlp("Zo stellen de medewerkers de president gelijk aan het land.")
    assert lex.reporting_verb(doc[1], doc) is None  # equating, not stating
    doc = nlp("Zo stellen de medewerkers dat de president het land is.")
    assert lex.reporting_verb(doc[1], doc) is not None


def test_pronominal_adverb_is_no_speaker_and_plural_pronoun_follows_it(nlp) -> None:
    # `erover` (tagged as a noun subject) is never the speaker; the capitalised plural the tagger calls an
    # adjective is, and the plural `Ze` that follows refers back to it
    text = (
        "Het zijn vaak moeders die helpen. Onderwijsdeskundigen zijn het erover eens dat ouderbetrokkenheid "
        "positief bijdraagt aan schoolprestaties. Ze zijn het ook erover eens dat dat niet geldt voor "
        "ouderparticipatie."
    )
    quotes = _quotes(nlp, text)
    assert all("erover" not in _speaker(q) for q in quotes if q.speaker is not None)
    assert "Onderwijsdeskundigen" in _speaker(_one(quotes, "schoolprestaties"))
    assert "Onderwijsdeskundigen" in _speaker(_one(quotes, "ouderparticipatie"))


def test_colon_quote_after_speech_noun_takes_its_owner(nlp) -> None:
    text = (
        "Michael Cohen sprak lang. Maar het schokkendst was Cohens slotverklaring, weer uitgesproken met "
        'tranen in de ogen: "Ik ben bang dat er nooit een vredige machtsoverdracht zal plaatsvinden." '
        'De reactie van minister Hoekstra: "Dit is ernstig."'
    )
    quotes = _quotes(nlp, text)
    assert "Cohen" in _speaker(_one(quotes, "vredige machtsoverdracht"))
    assert "Hoekstra" in _speaker(_one(quotes, "Dit is ernstig"))
    assert lexicon("nl").speech_noun("openingsverklaring") == "verklaring"


def test_volgens_before_marked_quote_in_its_clause(nlp) -> None:
    text = (
        "Het is gek. Deze reclame, die volgens marketingdirecteur Femke de Zeeuw gemaakt is 'voor het vertellen "
        "van het verhaal dat KLM een rol kan spelen' lijkt vooral een verhaal voor captains of industry."
    )
    q = _one(_quotes(nlp, text), "het vertellen")
    assert "Femke" in _speaker(q) and q.rule == "nl/reporting.yaml#volgens"
    # a verb after a quote with no comma goes on with the sentence: not an inverted reporting clause
    assert "verhaal" not in _speaker(q)


# --- round 3: speakers across sentences ----------------------------------------------------------


def test_marks_mismatched_closing_mark() -> None:
    # a double mark closed by a single one after the final comma (a typing slip): the quote ends there,
    # and the next quote is found on its own
    text = "Ze schreef: \"Onze gedachten zijn bij de families,' schreef ze. 'Ik bid voor hen.' Daarna niets."
    assert [text[q.start : q.end] for q in find_marked_quotes(text)] == [
        "Onze gedachten zijn bij de families",
        "Ik bid voor hen.",
    ]


def test_new_sentence_volgens_after_quote_reports_its_own_clause(nlp) -> None:
    # `’ Volgens hem ...` opens a sentence with content of its own: it does not attribute the quote
    # before it (that continues the speaker before), and it is an attribution itself
    text = (
        "'De aanval was geen toeval', zegt rechercheur Pieter Jansen. 'Dat kwam heel erg bij ons binnen.' "
        "Volgens hem heeft de politie daarom alles op alles gezet."
    )
    quotes = _quotes(nlp, text)
    assert "Jansen" in _speaker(_one(quotes, "Dat kwam heel erg"))
    q = _one(quotes, "alles op alles")
    assert q.rule == "nl/reporting.yaml#volgens" and "Jansen" in _speaker(q)


def test_aldus_title_then_continued_quote(nlp) -> None:
    text = "'De schade is catastrofaal,' aldus sheriff Pieter Jansen. 'Ik heb nog nooit zoveel puin gezien.'"
    quotes = _quotes(nlp, text)
    assert "Jansen" in _speaker(_one(quotes, "catastrofaal"))
    assert "Jansen" in _speaker(_one(quotes, "zoveel puin"))


def test_pronoun_subject_of_previous_sentence_speaks(nlp) -> None:
    text = (
        "Kamerlid Marieke Bakker wil meer arbeidsmigranten. In een interview wijst zij op de cijfers over "
        'vacatures. "Partijen die de behoefte ontkennen, sluiten de ogen voor de realiteit."'
    )
    assert "Bakker" in _speaker(_one(_quotes(nlp, text), "sluiten de ogen"))


def test_pronoun_talked_about_in_the_quote_does_not_speak(nlp) -> None:
    # `Hij` (the stalker) is the subject before the quote, but the quote talks about `hij`: the person the
    # passage is about speaks
    text = (
        "Schrijver Pieter Jansen werd maandenlang bedreigd door een stalker. Die stuurde hem berichten via "
        "Facebook. Hij begon ook over zijn kinderen. ,,Wat ik in zijn ogen verkeerd deed, weet ik niet. Ik ben "
        "blij dat hij is opgepakt.''"
    )
    assert "Jansen" in _speaker(_one(_quotes(nlp, text), "verkeerd deed"))


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a named person in subject position in the colon's lead-in, the phrase before the colon a thing
        (
            "Nog positiever is Marieke Bakker uit Leiden, verkleed als personage met een kartonnen zwaard: "
            ",,Helemaal niet erg dat de wapens thuis moeten blijven.''",
            "Helemaal niet erg",
            "Bakker",
        ),
        # a subordinate clause puts its verb last: a phrase between subject and verb is not fronted
        (
            'Zoals Pieter Jansen dinsdag tijdens de presentatie van de plannen zei: "We gaan dit niet langdurig '
            'steunen."',
            "langdurig",
            "Jansen",
        ),
    ],
)
def test_colon_lead_in_person(nlp, text: str, fragment: str, speaker: str) -> None:
    assert speaker in _speaker(_one(_quotes(nlp, text), fragment))


def test_wat_x_betreft_is_a_source(nlp) -> None:
    text = "Om stalkers beter aan te pakken, zou de politie wat Pieter Jansen betreft meer bevoegdheden moeten krijgen."
    q = _one(_quotes(nlp, text), "meer bevoegdheden")
    assert q.rule == "nl/reporting.yaml#wat-betreft" and "Jansen" in _speaker(q)
    # a topic between the words is no source
    assert not _quotes(nlp, "Wat de kosten betreft, die vallen mee.")


def test_age_after_a_name_marks_a_person(nlp) -> None:
    text = (
        "Een beetje spannend vindt Fenna van den Akker (16) het wel, wanneer de verpleegkundige een prik zet. "
        "Maar lachen kan ze nog. ,,Pijn deed het niet'', zegt ze."
    )
    assert "Fenna" in _speaker(_one(_quotes(nlp, text), "Pijn deed"))


def test_relative_dat_after_inverted_reporting_clause(nlp) -> None:
    text = "Reizigers hoeven niet te wanhopen, zegt het bedrijf dat die reis zou verzorgen en nu failliet is."
    q = _one(_quotes(nlp, text), "niet te wanhopen")
    assert "bedrijf" in _speaker(q) and "reis zou verzorgen" not in q.text


def test_person_after_a_fronted_subordinate_clause_speaks_next(nlp) -> None:
    text = (
        "Hoewel de methode goedkeuring krijgt van de rechter, wijst rechtspsycholoog Pieter Jansen op de "
        "gevaren. ,,Het is het toppunt van tunnelvisie. Je weet niet wat de bekentenis waard is.''"
    )
    assert "Jansen" in _speaker(_one(_quotes(nlp, text), "toppunt"))


def test_pronoun_chain_leads_back_past_another_speaker(nlp) -> None:
    # the same pronoun in each sentence since Bakker was named leads back to her, not to the last speaker
    text = (
        ",,Wij willen constructief praten'', aldus Pieter Jansen. Kamerlid Marieke Bakker spant de kroon. "
        "Ze zit in de gemeenteraad en straks in de Eerste Kamer. Dat mag. Van kritiek wil ze niet weten. "
        ",,Wat lief dat men zo bezorgd is over mijn werkdruk'', liet ze via Twitter weten. ,,Wees gerust, wij "
        "zijn dol op hard werken.''"
    )
    quotes = _quotes(nlp, text)
    assert "Bakker" in _speaker(_one(quotes, "Wat lief"))
    assert "Bakker" in _speaker(_one(quotes, "Wees gerust"))


def test_pronoun_guess_is_no_person_mention(nlp) -> None:
    from grotius.coding.quotes.references import person_mentions

    doc = nlp("Van kritiek wil ze niet weten.")
    guess = Actor(
        text="ze",
        start=doc[3].idx,
        end=doc[3].idx + 2,
        name="Pieter Jansen",
        code="NLD",
        entry="kb/people.yaml#x",
        via="pronoun-guess",
    )
    assert person_mentions(doc, [guess]) == []


def test_pronoun_refers_to_a_person_introduced_by_role(nlp) -> None:
    text = (
        "Pieter Jansen vindt dat leraren te weinig rust krijgen. Veel scholen doen mee aan de buitenlesdag. "
        "Kinderen zijn dan meer buiten. Dat is gezond. Ik sprak die dag een leraar van groep 7. Zij zei: ,,De "
        "voorbereiding vraagt meer, maar het betaalt zich terug.''"
    )
    q = _one(_quotes(nlp, text), "voorbereiding")
    assert "leraar" in _speaker(q) and "Jansen" not in _speaker(q)


def test_role_does_not_stand_for_the_object_of_a_pronoun(nlp) -> None:
    # `De docent` is not the prophet the docent was said to have insulted (the object after `hij`)
    text = (
        "De docent werd geschorst omdat hij de profeet Mohammed beledigd zou hebben. De docent heeft ontkend "
        "de uitspraak te hebben gedaan."
    )
    q = _one(_quotes(nlp, text), "de uitspraak")
    assert "Mohammed" not in _speaker(q) and "docent" in _speaker(q)


# --- round 4: best guesses and classes of cues ------------------------------------------------------


def _resolved(nlp, text: str) -> list[Quote]:
    """Quotes with the actor resolver's mentions, as the pipeline runs the finder."""
    from grotius.resolve.actors import resolve_actors

    doc = nlp(text)
    return find_quotes(doc, list(resolve_actors(doc, None, "nl")), "nl")


def test_dat_tagged_as_determiner_opens_content_when_a_finite_verb_follows(nlp) -> None:
    q = _one(_quotes(nlp, "Jansen erkent dat loonbeleid een lastig onderwerp is in de politiek."), "loonbeleid")
    assert "Jansen" in _speaker(q)


def test_dat_sentence_before_with_a_term_in_marks(nlp) -> None:
    text = "Vorige week is in stilte de 'week tegen fraude' gehouden. Dat maakte de gemeente Almelo gisteren bekend."
    q = _one(_quotes(nlp, text), "in stilte")
    assert "gemeente" in _speaker(q) or "Almelo" in _speaker(q)


def test_adjective_bekende_is_no_reporting_verb(nlp) -> None:
    text = "De man heeft niet alleen Jansen bedreigd, maar ook andere bekende Nederlanders."
    assert _quotes(nlp, text) == []


def test_speech_marks_keep_a_short_quote_and_guess_its_speaker(nlp) -> None:
    text = "Marieke Bakker van het CDA is overtuigd van haar kansen. ,,Prima uitgangspositie.''"
    assert "Bakker" in _speaker(_one(_resolved(nlp, text), "Prima"))


def test_short_marked_phrase_said_by_the_named_subject(nlp) -> None:
    text = "Het Rode Kruis is 'enorm geschrokken' van de inbraak in het depot."
    assert "Kruis" in _speaker(_one(_resolved(nlp, text), "enorm geschrokken"))


def test_third_person_pronoun_never_stands_for_an_unnamed_ik(nlp) -> None:
    text = (
        "Gisteren stond mijn moeder voor de deur. ,,We hadden geen afspraak'', probeerde ik nog. "
        ",,Houd je mond'', zei ze. ,,Doe de deur open.''"
    )
    quotes = _quotes(nlp, text)
    assert _speaker(_one(quotes, "geen afspraak")).strip() == "ik"
    assert _speaker(_one(quotes, "Houd je mond")).strip() != "ik"


def test_pronoun_skips_a_name_inside_a_prepositional_phrase(nlp) -> None:
    text = (
        "Voordat lijsttrekker Piet Jansen terugkeert naar het Grand Café Silva Ducis, laat hij weten blij te "
        "zijn. ,,Na acht jaar worden we weer beloond.''"
    )
    assert "Jansen" in _speaker(_one(_quotes(nlp, text), "acht jaar"))


def test_partitive_share_speaks_for_its_group(nlp) -> None:
    q = _one(
        _quotes(nlp, "Een derde van de ondervraagden gaf aan dat de school de privacy niet garandeert."), "privacy"
    )
    assert "ondervraagden" in _speaker(q)


def test_role_compound_with_a_name_before_the_hyphen(nlp) -> None:
    text = (
        "'Daar werd ons project geboren', aldus directeur Alexander Pereira. De La Scala-voorman zegde ook toe "
        "dat het operahuis een school zou runnen."
    )
    assert "Pereira" in _speaker(_one(_quotes(nlp, text), "school zou runnen"))


def test_quote_with_no_cue_takes_the_next_speaker(nlp) -> None:
    text = (
        'Het systeem bleek gehackt. "Er werden vreemde berichten doorgestuurd." De school deed aangifte. '
        '"We zijn er behoorlijk van geschrokken", zegt secretaris Dominick Woltering.'
    )
    assert "Woltering" in _speaker(_one(_resolved(nlp, text), "vreemde berichten"))


def test_reporting_form_tagged_as_noun_in_verb_position(nlp) -> None:
    quotes = _quotes(nlp, "Artsen pleiten ervoor dat de regels strenger worden.")
    assert _speaker(_one(quotes, "regels strenger")).strip() == "Artsen"
    assert _quotes(nlp, "De meldingen dat er fraude was, namen toe.") == []


def test_naar_eigen_zeggen_gives_the_phrase_before_or_the_subject(nlp) -> None:
    text = (
        "Op beelden van het platform Nieuwsnet, naar eigen zeggen een 'rechts georiënteerd mediaplatform', "
        "is te zien hoe een vrouw scandeert: ,,Weg ermee.''"
    )
    quotes = _quotes(nlp, text)
    assert "Nieuwsnet" in _speaker(_one(quotes, "mediaplatform"))
    assert "vrouw" in _speaker(_one(quotes, "Weg ermee"))
    text = "Piet Jansen gaf Kees naar eigen zeggen de sleutels terug, maar die 'veegde hem': schopte hem onderuit."
    assert "Jansen" in _speaker(_one(_quotes(nlp, text), "veegde hem"))


def test_third_person_pronoun_skips_a_name_in_a_prepositional_phrase_but_not_a_source(nlp) -> None:
    text = "Omdat onderzoek volgens Piet van de Nadort een verband bewijst, eist hij dat Defensie de mensen helpt."
    assert "Piet" in _speaker(_one(_quotes(nlp, text), "Defensie de mensen"))


def test_stranded_particle_makes_another_verb(nlp) -> None:
    # `stellen ... bij` (adjust) is no report; the volgens clause before it still is
    text = (
        "Dat leidt volgens de onderzoeker tot twijfel: mensen stellen hun eigen overtuigingen bij en zoeken "
        "weerklank bij andere partijen."
    )
    quotes = _quotes(nlp, text)
    assert all("overtuigingen" not in _speaker(q) for q in quotes)
    assert "onderzoeker" in _speaker(_one(quotes, "tot twijfel"))


def test_separable_report_after_its_content(nlp) -> None:
    text = "Hij kocht horloges en maakte prijzige reizen, somde aanklager Otto van der Bijl op."
    assert "Bijl" in _speaker(_one(_quotes(nlp, text), "horloges"))


def test_quote_after_an_inverted_report_is_the_reporters(nlp) -> None:
    # the subject of the content (`Die eerste groepen`) is not the speaker of the quote that follows
    text = (
        "Die eerste groepen hebben meer te verliezen, verklaart onderzoeker Peter Kanne. "
        ",,Mannen eten veel meer vlees en rijden meer auto dan vrouwen.''"
    )
    assert "Kanne" in _speaker(_one(_quotes(nlp, text), "Mannen eten"))


def test_short_quote_standing_as_a_sentence_is_speech(nlp) -> None:
    text = (
        "Advocaat Adèle van der Plas ziet 'onvoldoende aanknopingspunten in het dossier'. Het geschuif is "
        "onorthodox, maar te verklaren. \"Alles is traceerbaar.\" Een term als de 'kroonprins' blijft een term."
    )
    quotes = _quotes(nlp, text)
    assert "Plas" in _speaker(_one(quotes, "Alles is traceerbaar"))
    assert not [q for q in quotes if q.text == "kroonprins"]


def test_als_het_aan_x_ligt_names_the_pronouns_antecedent(nlp) -> None:
    # `als het aan X ligt`: X is salient like a subject, not a name inside a prepositional phrase
    text = (
        '"Een op de tien Nederlanders stemt op ons", zegt Paul Rosenmöller. Als het aan Jesse Klaver ligt, '
        'gaan de kolencentrales dicht. In een interview zei hij eerder: "We willen best samenwerken."'
    )
    assert "Klaver" in _speaker(_one(_resolved(nlp, text), "samenwerken"))


def test_party_member_suffix_is_a_role_referring_back(nlp) -> None:
    text = (
        "PvdA-europarlementariër Paul Tang vindt de uitspraak historisch. Volgens de PvdA'er lopen andere "
        "lidstaten jaarlijks miljarden euro's aan belastinginkomsten mis."
    )
    assert "Tang" in _speaker(_one(_resolved(nlp, text), "lidstaten"))


def test_title_complement_before_a_name_the_parser_hangs_on_the_verb(nlp) -> None:
    # the parser makes `hoogleraar` the subject and the name an object of `zegt`: still one phrase
    text = (
        "De wet belemmert de minister niet om een eigen beslissing te nemen, zegt ook hoogleraar "
        "gezondheidsrecht Martin Buijsen van de Erasmus Universiteit Rotterdam."
    )
    q = _one(_quotes(nlp, text), "belemmert")
    assert "Buijsen" in _speaker(q)


def test_subject_of_a_modal_before_an_apposition_and_the_participle(nlp) -> None:
    text = (
        "Annemarie Jorritsma is president-commissaris van Alliander. Zij zou tegenover Jan Zegering Hadders, "
        "onderhandelaar namens WBW, hebben gezegd dat er inderdaad gebiedsafspraken zijn gemaakt."
    )
    q = _one(_quotes(nlp, text), "gebiedsafspraken")
    assert "Zegering" not in _speaker(q) and "Jorritsma" in _speaker(q)


def test_title_before_its_field_heads_the_speaker_phrase(nlp) -> None:
    text = (
        "Medewerker Lorenzo Jansen ruimt in Winterswijk afval op. ,,Die mensen snappen niet hoe schadelijk het "
        "afval is'', zegt de mbo-student media."
    )
    q = _one(_quotes(nlp, text), "snappen")
    assert q.speaker is not None and "media" not in q.speaker.text and q.speaker.name == "Lorenzo Jansen"


def test_reporting_form_tagged_a_noun_with_a_relative_subject(nlp) -> None:
    text = (
        "Schutter Tim S. (40), die bekent dat hij op de zeven vrienden heeft geschoten terwijl zij wegrenden, "
        "herhaalde op de eerste zittingsdag dat hij schoot uit paniek."
    )
    q = _one(_quotes(nlp, text), "zeven vrienden")
    assert "S." in _speaker(q) and not q.direct


def test_name_after_a_description_is_the_subject(nlp) -> None:
    text = (
        "De belangenvereniging voor sekswerkers Proud stelt in een reactie dat een verbod 'schadelijk' zou zijn "
        "en de criminaliteit verhoogt."
    )
    q = _one(_quotes(nlp, text), "criminaliteit")
    assert q.speaker is not None and "Proud" in (q.speaker.name or q.speaker.text)


def test_coded_role_then_an_unresolved_name_is_the_named_person(nlp) -> None:
    text = (
        "Het leger moest gebouwen bewaken. ,,Mijn manschappen mogen schieten ja, er zijn strenge regels voor'', "
        "zei generaal Bruno Leray vooraf."
    )
    start = text.index("generaal")
    role = Actor(text="generaal", start=start, end=start + 8, country="FRA", sector="MIL", code="FRAMIL", via="alias")
    q = _one(find_quotes(nlp(text), [role], "nl"), "manschappen")
    assert q.speaker is not None and q.speaker.name == "Bruno Leray" and q.speaker.code == "FRAMIL"


def test_participle_tagged_a_noun_after_its_auxiliary_reports(nlp) -> None:
    text = "Pastor Valkering heeft immers duidelijk aangegeven niet kuis te hebben geleefd."
    q = _one(_quotes(nlp, text), "kuis")
    assert "Valkering" in _speaker(q) and q.rule == "nl/reporting.yaml#aangeven"


def test_volgens_object_tagged_a_verb_is_the_source(nlp) -> None:
    text = "Bij aankomst in Veenendaal gedroegen de supporters zich volgens getuigen 'onbehoorlijk'."
    q = _one(_quotes(nlp, text), "gedroegen")
    assert q.speaker is not None and q.speaker.text == "getuigen"


def test_name_before_an_age_in_brackets_is_a_person(nlp) -> None:
    from grotius.coding.quotes.references import person_mentions

    text = (
        "Gisteren was de aftrap in Asten. Een beetje spannend vindt Indi van den Heuvel (16) het wel. Maar "
        "lachen kan ze nog. ,,Pijn deed het niet'', zegt ze, na afloop."
    )
    doc = nlp(text)
    assert "Indi van den Heuvel" in [p.name for p in person_mentions(doc, [])]
    q = _one(find_quotes(doc, [], "nl"), "Pijn deed")
    assert "Heuvel" in _speaker(q)


def test_coded_role_then_a_name_tagged_a_symbol(nlp) -> None:
    text = "De politie pakte volgens mensenrechtenorganisatie OVD-Info ruim 1700 mensen op."
    start = text.index("mensenrechtenorganisatie")
    role = Actor(text="mensenrechtenorganisatie", start=start, end=start + 24, sector="NGO", code="RUSNGO", via="alias")
    q = _one(find_quotes(nlp(text), [role], "nl"), "1700 mensen")
    assert q.speaker is not None and q.speaker.name == "OVD-Info"


def test_possessor_before_a_spokesperson_does_not_speak(nlp) -> None:
    text = (
        "Van der Staaij sloeg terug met een kwinkslag. Volgens zijn woordvoerder moet dat niet worden gelezen "
        "als een verkapte felicitatie."
    )
    start = text.index("zijn")
    pron = Actor(text="zijn", start=start, end=start + 4, name="Van der Staaij", via="pronoun")
    q = _one(find_quotes(nlp(text), [pron], "nl"), "felicitatie")
    assert q.speaker is not None and "woordvoerder" in q.speaker.text


def test_volgens_in_a_fronted_subordinate_clause_attributes_that_clause(nlp) -> None:
    text = (
        "Jurist Marieke Bakker zoekt uit wat er gebeurde. Omdat onderzoek volgens Bakker bewijst dat de rook "
        "giftig is, eist zij dat de minister de veteranen helpt."
    )
    quotes = _quotes(nlp, text)
    q = _one(quotes, "rook giftig")
    assert q.text.startswith("onderzoek volgens") and "Bakker" in _speaker(q)
    assert any("minister de veteranen" in p.text for p in quotes)


def _coded(nlp, text: str) -> dict:
    from grotius.coding.article import code_document
    from grotius.ingest.readers import record_to_document

    return code_document(record_to_document({"id": "t", "date": "2021-12-31", "text": text}, "t", 1), nlp).to_record()


def _first_person(rec: dict) -> list[dict]:
    return [a for a in rec["actors"] if a["text"].lower() in {"we", "wij", "ons", "onze"}]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("‘We gedragen ons zoals elk land zich zou gedragen’, zei Poetin.", "RUSGOV"),
        ("‘Wij zullen ons land verdedigen’, zei de Oekraïense president Zelensky.", "UKRGOV"),
    ],
)
def test_we_in_a_direct_quote_is_the_speakers_side(nlp, text: str, code: str) -> None:
    we = _first_person(_coded(nlp, text))
    assert we and all(a["code"] == code and a["entry"] == "nl/reporting.yaml#eigen-stem" for a in we)


def test_we_outside_a_quote_keeps_the_resolvers_reading(nlp) -> None:
    text = "Poetin sprak met Biden. We weten nog niet wat er besproken is."
    we = _first_person(_coded(nlp, text))
    assert we and all(a["entry"] != "nl/reporting.yaml#eigen-stem" for a in we)


# One quote each: the fragment picks the quote, the speaker must contain the name; each case's id names
# the mechanism it guards.
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        pytest.param(
            "‘We geven niet op’, zei Zelensky. ‘Elke meter grond wordt verdedigd.’",
            "Elke meter",
            "Zelensky",
            id="standalone_quote_takes_previous_speaker",
        ),
        pytest.param(
            (
                "Inspecteur Marieke Bakker: ,,We zien geen verbetering in het onderwijs.'' Dat komt omdat scholen "
                "weinig evalueren."
            ),
            "geen verbetering",
            "Bakker",
            id="explanation_after_a_quote_is_not_its_speaker",
        ),
        pytest.param(
            (
                "De ondertekenaars van de petitie die pleiten voor vergoeding van inseminatie voor alleenstaande "
                "en lesbische vrouwen menen echter dat iedere afwezigheid van gezond zaad zorgt voor een medische "
                "noodzaak."
            ),
            "afwezigheid",
            "ondertekenaars",
            id="subject_with_a_long_modifier_is_not_fronted",
        ),
        pytest.param(
            (
                "Zoals Pieter Jansen uit Delft en zijn vrienden. Hij speelt een personage uit een game. Heel "
                'stoer, maar zonder wapen. "Ik snap het verbod wel, maar je ziet aan mijn pistool meteen dat het '
                'nep is."'
            ),
            "Ik snap het verbod",
            "Jansen",
            id="first_person_quote_with_no_cue_takes_the_person_of_the_passage",
        ),
        pytest.param(
            "In detentie zou hij gemarteld zijn, meldden verschillende mensenrechtenorganisaties eerder.",
            "gemarteld",
            "mensenrechtenorganisaties",
            id="inverted_reporting_verb_before_a_quantified_subject",
        ),
        pytest.param(
            (
                "Gisteren ontstond ophef door een bericht van burgemeester Martijn Vroom (CDA). Die schreef: "
                "'Iemand zei tegen me dat de elite geen boeken leest. Dus heb ik wat boeken op de stapel gelegd.'"
            ),
            "elite geen boeken",
            "Vroom",
            id="clause_opening_demonstrative_tagged_a_determiner_speaks",
        ),
        pytest.param(
            (
                "Socioloog Niels Blom deed het onderzoek. Blom benadrukt dat die gevolgen van verandering in werk "
                "en inkomen inderdaad klein zijn, maar wél meetbaar."
            ),
            "gevolgen",
            "Blom",
            id="capitalised_subject_tagged_an_adjective_before_its_verb",
        ),
        pytest.param(
            (
                "PvdA-leider Lodewijk Asscher kwam onder vuur te liggen. Die stap kwam hem op hoon te staan van "
                "Wilders en Marijnissen. Asscher erkende dat hij niet alles goed heeft gedaan, maar dat hij "
                "daarvan probeert te leren."
            ),
            "niet alles goed",
            "Asscher",
            id="name_tagged_an_adverb_before_its_verb_is_a_name_elsewhere",
        ),
        pytest.param(
            (
                "Cohen zegt niet te zijn benaderd. 'Een gemiste kans om ruimte te geven aan een ander geluid', "
                "zegt GroenLinks- fractievoorzitter Berend Potjer."
            ),
            "gemiste kans",
            "Potjer",
            id="first_part_of_a_cut_compound_is_no_speaker",
        ),
        pytest.param(
            (
                "Heesen gaat niet in op vragen over deze betaling en de Rabobank, waar de betalingen voor Heesen "
                "binnenkwamen, zegt niet te kunnen reageren op vragen over individuele klanten."
            ),
            "individuele klanten",
            "Rabobank",
            id="subject_before_a_relative_clause_beats_a_coordinated_verb",
        ),
        pytest.param(
            (
                'De gemeente betaalt alles. "Het is een cadeautje aan de stad", zoals wethouder Bas van Wakeren '
                "bij herhaling zei. Kwartiermaker Gerard Cornelisse reageerde met een opmerking."
            ),
            "cadeautje",
            "Wakeren",
            id="subject_before_a_pp_in_a_verb_final_clause",
        ),
    ],
)
def test_speaker_of_the_quote(nlp, text: str, fragment: str, speaker: str) -> None:
    assert speaker in _speaker(_one(_quotes(nlp, text), fragment))


# --- the language's function words (lang/nl/quotes-grammar.yaml) ------------------------------------


def test_quotes_grammar_loads_every_class():
    """The finder's word classes are data: every field of QuoteGrammar has its key in the Dutch file,
    non-empty, the file holds no class the engine does not read, and the classes it shares with the
    event coder's grammar keep their name and words."""
    from dataclasses import fields

    from grotius.coding.quotes.lexicon import GRAMMAR, QuoteGrammar, grammar

    data = load_resource("nl", GRAMMAR)
    g = grammar("nl")
    assert data["id"] == "nl-quotes-grammar" and lexicon("nl").grammar is g
    keys = {f.name for f in fields(QuoteGrammar)} - {"lang"}
    assert set(data) - {"id"} == keys
    for key in sorted(keys):
        assert data[key], key
        assert getattr(g, key), key
    assert g.first_person == frozenset(load_resource("nl", "events-grammar.yaml")["first_person"])
    assert g.all_articles == {"de", "het", "een", "'t"} and g.participle_pattern.match("aangegeven")
