"""The bundled Dutch pipeline on the first sample article and on pre-split words."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from spacy.tokens import Doc

from tests.conftest import SAMPLE


def test_pipeline_has_every_layer(nlp):
    assert {"morphologizer", "trainable_lemmatizer", "parser", "ner"} <= set(nlp.pipe_names)
    assert set(nlp.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "MISC"}


def test_quote_sentence_is_one_sentence(sample_doc):
    _, doc = sample_doc
    quote = next(s for s in doc.sents if "gedragen ons" in s.text)
    assert quote.text.startswith("‘We gedragen ons")
    assert quote.text.endswith("zei Poetin volgens de Amerikaanse krant.")


def test_paragraphs_end_sentences(sample_doc):
    _, doc = sample_doc
    for sent in doc.sents:
        assert "\n" not in sent.text.strip(), sent.text
        assert sent.text.strip()[-1] in ".’”?!", sent.text
    assert len(list(doc.sents)) == 18


@pytest.mark.parametrize(
    "name",
    ["Joe Biden", "Vladimir Poetin", "Poetin", "Biden", "Oekraïne", "Rusland", "VS", "Verenigde Staten", "Navo",
     "The New York Times", "Witte Huis", "Washington", "Moskou", "Kremlin"],
)
def test_sample_entities(sample_doc, name):
    _, doc = sample_doc
    assert name in {e.text for e in doc.ents}, sorted({e.text for e in doc.ents})


@pytest.mark.parametrize("adj", ["Amerikaanse", "Russische"])
def test_adjectives_are_not_locations(sample_doc, adj):
    _, doc = sample_doc
    toks = [t for t in doc if t.text == adj]
    assert toks
    assert all(t.pos_ == "ADJ" for t in toks), [(t.text, t.pos_) for t in toks]
    assert all(t.ent_type_ != "LOC" for t in toks)


def test_lemmas_and_parse_on_sample(sample_doc):
    _, doc = sample_doc
    sent = next(s for s in doc.sents if s.text.startswith("Poetin dreigde"))
    dreigde = next(t for t in sent if t.text == "dreigde")
    assert dreigde.lemma_ == "dreigen" and dreigde.pos_ == "VERB"
    assert any(c.dep_ == "nsubj" and c.text == "Poetin" for c in dreigde.children)


def test_components_work_on_presplit_words(nlp):
    words = ["Poetin", "dreigde", "de", "Navo", "in", "Brussel", "."]
    doc = Doc(nlp.vocab, words=words)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [t.text for t in doc] == words
    assert all(t.pos_ for t in doc) and all(t.dep_ for t in doc)
    assert doc[1].lemma_ == "dreigen"


def test_cli_annotate_json(tmp_path):
    out = subprocess.run([sys.executable, "-m", "grotius.cli.main", "annotate", "--json", str(SAMPLE)],
                         capture_output=True, text=True, check=True)
    rec = json.loads(out.stdout)
    assert rec["date"] == "2021-12" and len(rec["sentences"]) == 18
    first = rec["sentences"][0]["tokens"][0]
    assert {"text", "lemma", "pos", "dep", "head", "morph"} <= set(first)


def test_cli_annotate_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("geen datum\n")
    out = subprocess.run([sys.executable, "-m", "grotius.cli.main", "annotate", str(bad)],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and f"{bad}:1: missing date line" in out.stderr
    assert "Traceback" not in out.stderr


def test_long_text_is_annotated_in_chunks_with_exact_offsets(nlp):
    from grotius.annotate.pipeline import annotate, split_chunks

    para = "Poetin dreigde de Navo. Biden belde met Rutte in Den Haag.\n\n"
    text = para * 40 + "Slot zonder alinea " * 30
    pieces = list(split_chunks(text, 500))
    assert "".join(pieces) == text and all(len(p) <= 500 for p in pieces)
    doc = annotate(nlp, text, max_chars=500)
    assert doc.text == text
    assert sum(1 for t in doc if t.text == "Poetin") == 40
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_load_any_pipeline_by_path_and_clear_error_for_unknown(nlp, tmp_path):
    import grotius
    from grotius.annotate.pipeline import bundled_path
    from grotius.errors import GrotiusError

    other = grotius.load(str(bundled_path("nl")), exclude=["ner"])
    assert "ner" not in other.pipe_names and "parser" in other.pipe_names
    with pytest.raises(GrotiusError, match="cannot load pipeline 'xx_no_such_model'"):
        grotius.load("xx_no_such_model")


def test_paragraph_breaks_stay_out_of_the_tree(sample_doc):
    _, doc = sample_doc
    for sent in doc.sents:
        roots = [t for t in sent if t.dep_ == "ROOT"]
        assert len(roots) == 1 and not roots[0].is_space, sent.text
    for tok in doc:
        if tok.is_space:
            assert tok.dep_ == "dep" and not list(tok.children) and not tok.head.is_space


def test_typewriter_quotes_keep_a_quote_with_its_reporting_clause(nlp) -> None:
    # Dutch newspapers write ,,...'' for „...”: the same sentence limits apply
    doc = nlp(",,Wij laten ons niet chanteren. Nooit,'' zei Scholz. Hij vertrok.")
    assert [s.text for s in doc.sents] == [",,Wij laten ons niet chanteren. Nooit,'' zei Scholz.", "Hij vertrok."]
