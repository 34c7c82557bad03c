"""Actor-resolution gaps that made events miss: population groups named with another country's place,
policies of "Europe" that are the EU's, and a name that a bracketed acronym names more precisely."""

from __future__ import annotations

from grotius.datamodel import PubDate
from grotius.resolve.actors import resolve_actors


def _actors(nlp, text: str, date: str = "2000-06-15") -> dict[str, tuple[str | None, str | None]]:
    return {a.text: (a.country, a.org) for a in resolve_actors(nlp(text), PubDate.parse(date))}


def test_hyphenated_people_of_a_place_live_there(nlp):
    # CAMEO codes a population group with the country it lives in: Kosovo-Albanezen are KOS, not ALB
    found = _actors(nlp, "Een agent is vermoord bij een aanval van Kosovo-Albanezen op een politiepatrouille.")
    assert found["Kosovo-Albanezen"] == ("KOS", None)
    # a compass word opens a country's name, no place of its own
    assert _actors(nlp, "Zuid-Koreanen demonstreerden.")["Zuid-Koreanen"] == ("KOR", None)


def test_people_with_another_countrys_adjective_live_there(nlp):
    found = _actors(nlp, "Kort daarna maakten de Bosnische Serviërs zich meester van mortieren.")
    assert found["Bosnische Serviërs"] == ("BIH", None)
    assert "Serviërs" not in found


def test_european_policy_is_the_eus(nlp):
    found = _actors(nlp, "Hongarije blokkeerde de Europese steun aan Oekraïne.", "2022-06")
    assert found["Europese steun"] == (None, "EU")
    found = _actors(nlp, "De WTO oordeelde dat Europese subsidie voor Airbus de Amerikaanse economie schaadt.")
    assert found["Europese subsidie"] == (None, "EU")
    # other nouns are of several countries, not the EU
    found = _actors(nlp, "Europese landen sturen hulp.")
    assert all(org != "EU" for _, org in found.values())


def test_red_crescent_is_a_national_society(nlp):
    found = _actors(nlp, "De Palestijnse Rode Halve Maan meldde vijf doden.")
    assert found["Palestijnse Rode Halve Maan"] == ("PSE", None)


def test_bracketed_acronym_names_the_organisation(nlp):
    text = "Het Internationale Rode Kruis en de Rode Halve Maan (IFRC) mogen hulpgoederen Venezuela binnenbrengen."
    assert _actors(nlp, text, "2019-03")["Rode Halve Maan"] == (None, "ICRC")


def test_breakaway_region_is_in_the_recognised_state(nlp):
    found = _actors(nlp, "Rusland heeft zijn vredestroepen uit Nagorno-Karabach teruggetrokken.", "2024-04")
    assert found["Nagorno-Karabach"] == ("AZE", None)
