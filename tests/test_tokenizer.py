from __future__ import annotations

import pytest
import spacy

from grotius.annotate.tokenizer import tune_tokenizer


@pytest.fixture(scope="module")
def tok():
    return tune_tokenizer(spacy.blank("nl"))


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("zo’n 50 minuten", ["zo’n", "50", "minuten"]),
        ("Zo'n dag", ["Zo'n", "dag"]),
        ("d’r is", ["d’r", "is"]),
        ("in 's-Hertogenbosch.", ["in", "'s-Hertogenbosch", "."]),
        ("mr. Jansen o.a. blz. 5", ["mr.", "Jansen", "o.a.", "blz.", "5"]),
        ("‘We gaan’, zei hij.", ["‘", "We", "gaan", "’", ",", "zei", "hij", "."]),
        ("een “totale breuk”.", ["een", "“", "totale", "breuk", "”", "."]),
        ("„Nee”", ["„", "Nee", "”"]),
    ],
)
def test_dutch_news_tokens(tok, text, tokens):
    assert [t.text for t in tok(text)] == tokens


@pytest.mark.parametrize("word", ["hand", "dat", "al", "top", "gem", "vol", "kon"])
def test_ordinary_words_keep_their_full_stop_apart(tok, word):
    assert [t.text for t in tok(f"Hij had het in zijn {word}. Daarna")][-3:] == [word, ".", "Daarna"]
