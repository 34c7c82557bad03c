"""The knowledge base and its extension tool: dated roles, validation errors naming file and line."""

from __future__ import annotations

from datetime import date

import pytest

from grotius.errors import InputError
from grotius.resolve.actors.extend import load_user_file
from grotius.resolve.actors.kb import load_kb
from grotius.resolve.actors.resolver import best_role


@pytest.fixture(scope="module")
def kb():
    return load_kb("nl")


def test_countries_come_from_pycountry(kb):
    assert len(kb.countries) >= 249
    assert kb.countries["UKR"]["name"] == "Ukraine"


def test_roles_by_date(kb):
    putin = kb.people["vladimir-putin"]
    role, former = best_role(putin, (date(2010, 3, 1), date(2010, 3, 31)))
    assert role.titles == ("head_of_government",) and not former
    holders = kb.holders("USA", "head_of_state", date(2021, 1, 1), date(2021, 1, 31))  # a month with a handover
    # Trump held office 20 days of January 2021, Biden 12: longest tenure in the window first
    assert [p.name for p, _ in holders] == ["Donald Trump", "Joe Biden"]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("id,name,aliases,code,from,to,title\nx,X Y,,XXXGOV,2020-01-01,,\n", 2, "unknown country code"),
        (
            "id,name,aliases,code,from,to,title\nx,X Y,,NLDGOV,2020-01-01,2022-01-01,fm\n"
            "x,X Y,,NLDGOV,2021-01-01,,fm\n",
            3,
            "overlaps",
        ),
        ("id,name,aliases,code,from,to,title\nx,X Y,Zz,NLDGOV,,,\ny,Y Z,Zz,NLDGOV,,,\n", 3, "already used"),
        ("id,name,aliases,code,from,to,title\nx,X Y,,NLDGOV,2020-13-01,,\n", 2, "not a date"),
        ("id,name\nx,X Y\n", 1, "missing CSV column"),
    ],
)
def test_user_file_errors(tmp_path, kb, content, line, message):
    path = tmp_path / "mine.csv"
    path.write_text(content, encoding="utf8")
    with pytest.raises(InputError) as err:
        load_user_file(path, kb)
    assert err.value.line == line and message in err.value.message and "mine.csv" in str(err.value)


def test_user_yaml_ok(tmp_path, kb):
    path = tmp_path / "mine.yaml"
    path.write_text("- id: jan-jansen\n  name: Jan Jansen\n  roles: [{code: NLDGOV, from: 2020-01-01}]\n")
    assert load_user_file(path, kb)[0]["id"] == "jan-jansen"


def test_compiled_index_is_cached(tmp_path, monkeypatch):
    """The pickled index is written once, read back identical, and keyed by the source files."""
    from grotius.resolve.actors import kb as kbmod

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(kbmod.CACHE_ENV, raising=False)
    kbmod.load_kb.cache_clear()
    try:
        first = kbmod.load_kb("nl")
        files = list((tmp_path / "grotius").glob("kb-nl-*.pickle"))
        assert len(files) == 1
        kbmod.load_kb.cache_clear()
        second = kbmod.load_kb("nl")
        assert second is not first and second.aliases.keys() == first.aliases.keys()
        extra = tmp_path / "mine.yaml"
        extra.write_text("- {id: x-y, name: Xavier Yzer, roles: [{code: NLDGOV}]}\n", encoding="utf8")
        monkeypatch.setenv(kbmod.EXTRA_ENV, str(extra))
        assert kbmod._cache_file("nl") != files[0]  # a new source file: a new index
    finally:
        kbmod.load_kb.cache_clear()


def test_index_key_covers_the_code_that_builds_it():
    """The generated Dutch spellings (translit.py) and normalised keys shape the index: a change to
    their code must give a new pickle, as a change to kb.py does."""
    from grotius.resolve.actors import kb as kbmod
    from grotius.resolve.actors import normalize, translit

    names = {str(f) for f in kbmod._sources("nl")}
    assert {kbmod.__file__, normalize.__file__, translit.__file__} <= names


def test_title_in_text_picks_the_role(kb):
    michel = kb.people["charles-michel"]
    role, _ = best_role(michel, None, "head_of_government")
    assert role.country == "BEL"
    assert best_role(michel, None)[0].org == "EU"


def test_resolution_gold_is_labels_only():
    """The EventDNA gold stores ids, spans and codes, never corpus text."""
    import json
    from pathlib import Path

    gold = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
    for split in ("dev", "test"):
        rows = [json.loads(x) for x in (gold / f"actors-eventdna-{split}.jsonl").read_text().splitlines()]
        assert len(rows) >= 150
        for r in rows:
            assert set(r) == {"doc", "span", "head", "type", "country", "org", "sector"}
            assert r["country"] is None or len(r["country"]) == 3


# Dependent territories that need no Dutch adjective, demonym or capital of their own.
_TERRITORIES = {
    "ALA",
    "ASM",
    "ATA",
    "ATF",
    "BES",
    "BLM",
    "BVT",
    "CCK",
    "COK",
    "CXR",
    "GGY",
    "GLP",
    "GUF",
    "GUM",
    "HMD",
    "IMN",
    "IOT",
    "JEY",
    "MAF",
    "MNP",
    "MSR",
    "MTQ",
    "MYT",
    "NFK",
    "NIU",
    "PCN",
    "REU",
    "SGS",
    "SHN",
    "SJM",
    "SPM",
    "TCA",
    "TKL",
    "UMI",
    "VGB",
    "VIR",
    "WLF",
}


def test_every_state_has_dutch_names_checked_systematically():
    import yaml

    from grotius.resolve.actors.kb import _kb_files, _lang_files

    countries = {r["id"] for r in yaml.safe_load(_kb_files().joinpath("countries.yaml").read_text("utf8"))}
    entries = yaml.safe_load(_lang_files("nl").joinpath("actors_countries.yaml").read_text("utf8"))
    dutch = {r["id"]: r for r in entries if r.get("kind") == "country"}
    assert countries - _TERRITORIES <= set(dutch), sorted(countries - _TERRITORIES - set(dutch))
    for r in entries:
        # an inflected adjective ("Kampucheaanse") comes with its bare form, as both occur in news
        adjectives = set(r.get("adjectives") or [])
        for a in adjectives:
            if a.endswith("aanse") or a.endswith("ische"):
                assert a[:-1] in adjectives, (r["id"], a)


def test_old_names_and_demonyms_resolve_to_the_successor(kb):
    for alias, country in [
        (("kampucheaanse",), "KHM"),
        (("birma",), "MMR"),
        (("zaire",), "COD"),
        (("rhodesie",), "ZWE"),
        (("ceylon",), "LKA"),
        (("perzie",), "IRN"),
        (("macedonie",), "MKD"),
        (("west", "duitse"), "DEU"),
        (("salvadoranen",), "SLV"),
        (("costaricanen",), "CRI"),
        (("noord", "ierse"), "GBR"),
        (("swaziland",), "SWZ"),
    ]:
        assert {t.country for t, _ in kb.aliases[alias]} == {country}, alias
    sovjets = kb.aliases[("sovjets",)][0][0]
    assert (sovjets.historical, sovjets.country) == ("SUN", "RUS")


def test_dutch_transliterations_of_russian_and_arabic_names():
    from grotius.resolve.actors.translit import dutch_variants

    assert dutch_variants("Mikhail Gorbachev", {"SUN"}) == ["Michail Gorbatsjev", "Michail Gorbatsjov"]
    assert dutch_variants("Boris Yeltsin", {"RUS"}) == ["Boris Jeltsin"]
    assert dutch_variants("Alexander Lukashenko", {"BLR"}) == ["Alexander Loekasjenko"]
    assert dutch_variants("Hosni Mubarak", {"EGY"}) == ["Hosni Moebarak"]
    assert dutch_variants("Ali Khamenei", {"IRN"}) == ["Ali Chamenei"]
    assert dutch_variants("Joe Biden", {"USA"}) == []


def test_world_leaders_have_ids_and_dated_roles(kb):
    from grotius.resolve.actors.kb import _kb_files, _read

    recs = _read(_kb_files().joinpath("people_leaders.yaml"), "kb/people_leaders.yaml")
    assert len({r["id"] for r in recs}) == len(recs)
    assert all(role.get("from") for r in recs for role in r["roles"])
    gorb = kb.people["mikhail-gorbachev"].roles[0]
    assert (gorb.code, gorb.country) == ("SUNGOV", "RUS")  # the successor; the resolver dates the state


def test_actors_grammar_loads_every_class():
    """The resolver's function words are data (lang/nl/actors-grammar.yaml): every field of
    ActorGrammar has its key, non-empty, and no other; the classes the event coder's grammar has too
    keep its name and word; the KB compiler reads no actor records from the file."""
    from dataclasses import fields

    from grotius.lang import load_resource
    from grotius.resolve.actors import kb as kbmod
    from grotius.resolve.actors.grammar import RESOURCE, ActorGrammar, grammar

    data = load_resource("nl", RESOURCE)
    g = grammar("nl")
    assert data["id"] == "nl-actors-grammar"
    keys = {f.name for f in fields(ActorGrammar)} - {"lang"}
    assert set(data) - {"id"} == keys
    for key in sorted(keys):
        assert data[key], key
        assert getattr(g, key), key
    assert g.agent_preposition == load_resource("nl", "events-grammar.yaml")["agent_preposition"] == "door"
    assert kbmod.GRAMMAR_FILE == RESOURCE
