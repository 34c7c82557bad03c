"""Convert the public corpora in ../shared/data into spaCy DocBin files for training.

Outputs (under training/corpus/, not committed):
  ud-train.spacy, ud-dev.spacy      UD Dutch: tagger, morphologizer, lemmatizer, parser
  ud-test.spacy                     UD Dutch LassySmall v2.16 test (evaluation only)
  ud-alpino-heldout.spacy           part of UD Alpino v2.16 dev (newspaper text, evaluation only)
  ner-train.spacy, ner-dev.spacy    CoNLL-2002 ned.train + EventDNA named mentions / ned.testa
  ner-eventdna-heldout.spacy        EventDNA documents held back for evaluation

Every sentence of an evaluation file is removed from every training file (matched on its
whitespace-normalised word sequence), as the UD v1.4 and v2.16 LassySmall releases overlap.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

ROOT = Path(__file__).resolve().parent
DEFAULT_DATA = ROOT.parent.parent / "shared" / "data"

# UD v1 -> v2 relation renames that need no context.
V1_DEPREL = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "name": "flat",
    "mwe": "fixed",
    "neg": "advmod",
    "remnant": "orphan",
}
PREDICATE_UPOS = {"VERB", "AUX", "ADJ", "ADV"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "»", "”", "’", "%"}
NO_SPACE_AFTER = {"(", "«", "“", "‘"}


@dataclass
class Sent:
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    xpos: list[str]
    feats: list[str]
    heads: list[int]  # 0-based index into words; self for root
    deps: list[str]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return norm_key(self.words)


def norm_key(words: list[str]) -> str:
    text = " ".join(words)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().lower()


def read_conllu(path: Path, v1: bool = False) -> Iterator[Sent]:
    rows: list[list[str]] = []
    meta: dict[str, str] = {}
    with path.open(encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if "=" in line:
                    k, _, v = line[1:].partition("=")
                    meta[k.strip()] = v.strip()
                continue
            if not line.strip():
                if rows:
                    yield make_sent(rows, meta, v1)
                rows, meta = [], {}
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multi-word token ranges and empty nodes
            rows.append(cols)
    if rows:
        yield make_sent(rows, meta, v1)


def make_sent(rows: list[list[str]], meta: dict[str, str], v1: bool) -> Sent:
    words = [r[1] for r in rows]
    upos = [r[3] for r in rows]
    heads = [int(r[6]) - 1 for r in rows]
    heads = [i if h < 0 else h for i, h in enumerate(heads)]
    deps = [r[7] for r in rows]
    lemmas = [r[2].replace("_", "") if r[2] != "_" else r[1] for r in rows]
    feats = [r[5] if r[5] != "_" else "" for r in rows]
    xpos = [r[4] if r[4] != "_" else "" for r in rows]
    if v1:
        upos = ["CCONJ" if u == "CONJ" else u for u in upos]
        deps = [convert_v1_dep(i, d, heads, upos) for i, d in enumerate(deps)]
        spaces = guess_spaces(words)
    else:
        spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    return Sent(words, spaces, lemmas, upos, xpos, feats, heads, deps, meta)


def convert_v1_dep(i: int, dep: str, heads: list[int], upos: list[str]) -> str:
    if dep in V1_DEPREL:
        return V1_DEPREL[dep]
    head_pos = upos[heads[i]]
    if dep == "nmod" and head_pos in PREDICATE_UPOS:
        return "obl"  # UD v2 splits v1 nmod into obl (on predicates) and nmod (on nominals)
    if dep == "compound" and head_pos in {"VERB", "AUX"} and upos[i] in {"ADP", "ADV", "ADJ"}:
        return "compound:prt"
    if dep == "root":
        return "ROOT"
    return dep


def guess_spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        spaces.append(not (w in NO_SPACE_AFTER or nxt in NO_SPACE_BEFORE))
    spaces[-1] = True
    return spaces


def sents_to_doc(vocab, sents: list[Sent]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    kw: dict[str, list] = {"lemmas": [], "pos": [], "tags": [], "morphs": [], "heads": [], "deps": [],
                           "sent_starts": []}
    for s in sents:
        off = len(words)
        words += s.words
        spaces += s.spaces
        kw["lemmas"] += s.lemmas
        kw["pos"] += s.upos
        kw["tags"] += [x or "_" for x in s.xpos]
        kw["morphs"] += s.feats
        kw["heads"] += [h + off for h in s.heads]
        kw["deps"] += ["ROOT" if d == "root" else d for d in s.deps]
        kw["sent_starts"] += [True] + [False] * (len(s.words) - 1)
    return Doc(vocab, words=words, spaces=spaces, **kw)


def chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def write(path: Path, docs: list[Doc]) -> None:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    print(f"{path.name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens")


# --- NER ---------------------------------------------------------------------------------------

def read_conll2002(path: Path) -> Iterator[list[tuple[list[str], list[str]]]]:
    """Yield documents, each a list of (words, IOB2 tags) sentences."""
    doc: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf8") as fh:  # the shared copy is UTF-8, not the original Latin-1
        for line in fh:
            parts = line.split()
            if not parts:
                if words:
                    doc.append((words, tags))
                words, tags = [], []
                continue
            if parts[0] == "-DOCSTART-":
                if words:
                    doc.append((words, tags))
                    words, tags = [], []
                if doc:
                    yield doc
                doc = []
                continue
            words.append(parts[0])
            tags.append(parts[-1])
    if words:
        doc.append((words, tags))
    if doc:
        yield doc


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start, label = None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if t != "O":
                start, label = i, t[2:]
    return spans


def conll_docs(vocab, path: Path, sents_per_doc: int = 12) -> list[Doc]:
    out = []
    for doc in read_conll2002(path):
        for group in chunks(doc, sents_per_doc):
            words, spaces, ents, starts = [], [], [], []
            for w, t in group:
                off = len(words)
                words += w
                spaces += guess_spaces(w)
                starts += [True] + [False] * (len(w) - 1)
                ents += [(s + off, e + off, lab) for s, e, lab in iob_to_spans(t)]
            d = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
            d.ents = [Span(d, s, e, label=lab) for s, e, lab in ents]
            out.append(d)
    return out


DETERMINERS = {"de", "het", "een", "'t", "des", "der"}
ADJ_SUFFIX = re.compile(r"(s|se|sche|ische|aanse|ense|ese|iaanse)$")


def country_names() -> set[str]:
    """Lower-cased Dutch names of countries and their capitals, from the actor knowledge base."""
    from grotius.resolve.actors.kb import load_kb

    kb = load_kb("nl")
    return {" ".join(k) for k, hits in kb.aliases.items() if any(t.kind in ("country", "capital") for t, _ in hits)}


def eventdna_doc(vocab, folder: Path, countries: set[str] | None = None) -> Doc | None:
    data = json.loads((folder / "dnaf.json").read_text(encoding="utf8"))["doc"]
    words = data["token_string"].split(" ")
    starts = [False] * len(words)
    for sent in data["sentences"].values():
        ids = sent["token_ids"]
        if ids:
            starts[ids[0]] = True
    # the LeTs POS column tells adjectival uses of names ("Amerikaanse") apart: CoNLL calls them MISC
    pos = []
    for line in (folder / "lets.csv").read_text(encoding="utf8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0]:
            pos.append(cols[2])
    if len(pos) != len(words):
        pos = [""] * len(words)
    cands = []
    for ent in data["annotations"]["entities"].values():
        f = ent["features"]
        if f.get("mention_level_type") != "NAM" or not f.get("span"):
            continue
        span = sorted(f["span"])
        s, e = span[0], span[-1] + 1
        while s < e and words[s].lower() in DETERMINERS:
            s += 1
        if s >= e:
            continue
        label = f["type"]
        if label not in {"PER", "LOC", "ORG", "MISC"}:
            continue
        if e - s == 1 and pos[s].startswith("ADJ") and label == "LOC":
            label = "MISC"
        # EventDNA calls a country or capital that acts ORG ("Rusland zal ... uitwijzen"); CoNLL-2002
        # calls it LOC wherever it stands. Training on both teaches neither: follow CoNLL.
        if countries is not None and label == "ORG" and norm_name(words[s:e]) in countries:
            label = "LOC"
        cands.append((s, e, label))
    # spaCy's NER is flat: keep outermost mentions
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = [False] * len(words)
    spans = []
    for s, e, lab in cands:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        spans.append((s, e, lab))
    d = Doc(vocab, words=words, spaces=guess_spaces(words), sent_starts=starts)
    d.ents = [Span(d, s, e, label=lab) for s, e, lab in sorted(spans)]
    return d


def norm_name(words: list[str]) -> str:
    from grotius.resolve.actors.normalize import norm

    return " ".join(norm(w) for w in words if w != "-")


def build_splits(data: Path, vocab, use_v1: bool = True, countries_loc: bool = False) -> dict[str, list[Doc]]:
    """All training and evaluation sets, as spaCy Docs, keyed by output file stem."""
    rng = random.Random(13)
    ud = data / "ud-dutch"
    test = list(read_conllu(ud / "v2.16" / "nl_lassysmall-ud-test.conllu"))
    alpino = list(read_conllu(ud / "v2.16" / "nl_alpino-ud-dev.conllu"))
    # every third Alpino document is held back: newspaper text is what Grotius reads
    alp_docs: dict[str, list[Sent]] = {}
    for s in alpino:
        alp_docs.setdefault(s.meta.get("sent_id", "").split("\\")[0], []).append(s)
    alp_held = [s for i, (_, ss) in enumerate(sorted(alp_docs.items())) if i % 3 == 0 for s in ss]
    alp_train = [s for i, (_, ss) in enumerate(sorted(alp_docs.items())) if i % 3 != 0 for s in ss]
    held_keys = {s.key for s in test} | {s.key for s in alp_held}

    lassy_dev = list(read_conllu(ud / "v2.16" / "nl_lassysmall-ud-dev.conllu"))
    train: list[Sent] = alp_train + [s for s in lassy_dev if s.key not in held_keys]
    if use_v1:
        v1dir = ud / "lassysmall-v1.4-full"
        for name in ("train", "dev", "test"):
            train += [s for s in read_conllu(v1dir / f"nl_lassysmall-ud-{name}.conllu", v1=True)
                      if s.key not in held_keys]
    seen: set[str] = set()
    uniq = []
    for s in train:
        if s.key not in seen:
            seen.add(s.key)
            uniq.append(s)
    rng.shuffle(uniq)
    n_dev = 300
    dev, train = uniq[:n_dev], uniq[n_dev:]
    out = {
        "ud-train": [sents_to_doc(vocab, c) for c in chunks(train, 10)],
        "ud-dev": [sents_to_doc(vocab, c) for c in chunks(dev, 10)],
        "ud-test": [sents_to_doc(vocab, c) for c in chunks(test, 10)],
        "ud-alpino-heldout": [sents_to_doc(vocab, c) for c in chunks(alp_held, 10)],
    }
    conll = data / "conll2002-ned"
    edna_train, edna_held = [], []
    countries = country_names() if countries_loc else None
    for folder in sorted((data / "eventdna" / "docs").iterdir()):
        num = int(folder.name.rsplit("_", 1)[-1])
        held = num % 5 == 0
        d = eventdna_doc(vocab, folder, None if held else countries)  # evaluation keeps EventDNA's labels
        if d is not None:
            (edna_held if held else edna_train).append(d)
    out["ner-train"] = conll_docs(vocab, conll / "ned.train") + edna_train
    out["ner-dev"] = conll_docs(vocab, conll / "ned.testa")
    out["ner-eventdna-heldout"] = edna_held
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "corpus")
    ap.add_argument("--no-v1", action="store_true", help="leave out the converted UD v1.4 LassySmall")
    ap.add_argument("--countries-loc", action="store_true",
                    help="EventDNA training mentions of countries and capitals labelled ORG become LOC (as CoNLL)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, docs in build_splits(args.data, spacy.blank("nl").vocab, not args.no_v1, args.countries_loc).items():
        write(args.out / f"{name}.spacy", docs)


if __name__ == "__main__":
    main()
