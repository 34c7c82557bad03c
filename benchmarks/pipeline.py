"""Accuracy, speed, load time and memory of the Dutch pipeline, beside Frog on the same text.

    .venv/bin/python benchmarks/pipeline.py [--frog] [--speed-docs 300]

Accuracy is scored on gold tokenization (UPOS, UAS, LAS on UD Dutch LassySmall v2.16 test and on
the held-back Alpino newspaper documents; NER precision/recall/F1 per type on CoNLL-2002
ned.testa and on the held-back fifth of EventDNA). Frog's CGN tags are mapped to UPOS, its NER
labels to PER/LOC/ORG/MISC; its dependency labels are not UD, so only its UAS is comparable.
Speed: tokens/s over the same Dutch news articles (dpgmedia2019), one process each, and
Grotius with two processes; load time and peak memory measured in fresh subprocesses.
Results go to benchmarks/results/pipeline.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"
RESULTS = REPO / "benchmarks" / "results"
sys.path.insert(0, str(REPO / "training"))

import grotius  # noqa: E402
import prepare  # noqa: E402  (training/prepare.py: the same splits the model was trained with)

CGN_UPOS = {"N": "NOUN", "ADJ": "ADJ", "BW": "ADV", "VZ": "ADP", "LID": "DET", "TW": "NUM", "LET": "PUNCT",
            "TSW": "INTJ", "SPEC": "PROPN", "WW": "VERB", "VNW": "PRON", "VG": "CCONJ"}
FROG_NER = {"per": "PER", "loc": "LOC", "org": "ORG", "misc": "MISC", "pro": "MISC", "eve": "MISC"}


def cgn_to_upos(tag: str) -> str:
    main, _, feats = tag.partition("(")
    if main == "N" and feats.startswith("eigen"):
        return "PROPN"
    if main == "VG" and feats.startswith("onder"):
        return "SCONJ"
    if main == "VNW" and ("det" in feats or "prenom" in feats):
        return "DET"
    return CGN_UPOS.get(main, "X")


def score_grotius(nlp, docs: list[Doc]) -> dict:
    examples = [Example(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]), d)
                for d in docs]
    s = nlp.evaluate(examples)
    out = {k: s.get(k) for k in ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f",
                                 "ents_p", "ents_r", "ents_f")}
    if s.get("ents_per_type"):
        out["ents_per_type"] = s["ents_per_type"]
    return out


def run_frog(sentences: list[list[str]]) -> list[list[list[str]]]:
    """Frog on pre-tokenized sentences (one per line, no tokenizer). Its parser needs its multi-word units,
    which merge tokens ("Joe_Biden"): sentences whose length then differs are left out of the scores."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.txt", Path(tmp) / "out.tsv"
        inp.write_text("\n".join(" ".join(w.replace(" ", "_") for w in s) for s in sentences) + "\n")
        subprocess.run(["frog", "-n", "--skip=t", "-t", str(inp), "-o", str(out)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result, cur = [], []
        for line in out.read_text().splitlines():
            if not line.strip():
                if cur:
                    result.append(cur)
                cur = []
            else:
                cur.append(line.split("\t"))
        if cur:
            result.append(cur)
    return result


def iob_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, label = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.add((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (None, None)
    return spans


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f": 2 * p * r / (p + r) if p + r else 0.0}


def score_frog(docs: list[Doc], ner: bool) -> dict:
    sents = [list(s) for d in docs for s in d.sents]
    parsed = run_frog([[t.text for t in s] for s in sents])
    if len(parsed) != len(sents):
        return {"error": f"frog returned {len(parsed)} sentences for {len(sents)}"}
    pos_ok = uas_ok = n = 0
    counts: dict[str, Counter] = {}
    for gold, pred in zip(sents, parsed, strict=True):
        if len(gold) != len(pred):
            continue
        for g, p in zip(gold, pred, strict=True):
            n += 1
            pos_ok += cgn_to_upos(p[4]) == g.pos_
            head = int(p[8]) - 1 if p[8].isdigit() and int(p[8]) > 0 else None
            gold_head = None if g.head.i == g.i else g.head.i - gold[0].i
            uas_ok += head == gold_head
        if ner:
            gold_tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in gold]
            pred_tags = []
            for p in pred:
                tag = p[6]
                pred_tags.append("O" if tag == "O" else f"{tag[:2]}{FROG_NER.get(tag[2:].lower(), 'MISC')}")
            gs, ps = iob_spans(gold_tags), iob_spans(pred_tags)
            for lab in {s[2] for s in gs | ps}:
                c = counts.setdefault(lab, Counter())
                c["tp"] += len({s for s in gs & ps if s[2] == lab})
                c["fp"] += len({s for s in ps - gs if s[2] == lab})
                c["fn"] += len({s for s in gs - ps if s[2] == lab})
    out: dict = {"pos_acc": pos_ok / n if n else None, "dep_uas": uas_ok / n if n else None, "tokens": n}
    if ner:
        total = sum(counts.values(), Counter())
        out["ents"] = prf(total["tp"], total["fp"], total["fn"])
        out["ents_per_type"] = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in sorted(counts.items())}
    return out


def speed_texts(n_docs: int) -> list[str]:
    path = DATA / "dpgmedia2019" / "dpgMedia2019-articles-byarticle.jsonl"
    texts = []
    with path.open(encoding="utf8") as fh:
        for line in fh:
            rec = json.loads(line)
            texts.append(rec.get("text") or "")
            if len(texts) >= n_docs:
                break
    return [t for t in texts if t.strip()]


def _child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_speed(texts: list[str], frog: bool) -> dict:
    tmp = Path(tempfile.mkdtemp())
    (tmp / "texts.json").write_text(json.dumps(texts))
    code = f"""
import json, time, resource
t0 = time.perf_counter()
import grotius
nlp = grotius.load("nl")
load = time.perf_counter() - t0
texts = json.load(open({str(tmp / "texts.json")!r}))
t1 = time.perf_counter(); n = sum(len(d) for d in nlp.pipe(texts)); one = time.perf_counter() - t1
t2 = time.perf_counter(); n2 = sum(len(d) for d in nlp.pipe(texts, n_process=2, batch_size=16))
two = time.perf_counter() - t2
# where the time goes: the same texts through one component at a time (seconds each)
t3 = time.perf_counter(); docs = [nlp.make_doc(t) for t in texts]; parts = {{"tokenizer": time.perf_counter() - t3}}
for name, proc in nlp.pipeline:
    t3 = time.perf_counter()
    docs = list(proc.pipe(docs, batch_size=nlp.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    parts[name] = time.perf_counter() - t3
print(json.dumps({{"load_s": load, "tokens": n, "tok_s_1proc": n / one, "tok_s_2proc": n2 / two,
                  "component_s": parts,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    res = _child(code)
    res["texts"] = len(texts)
    if frog and shutil.which("frog"):
        inp = tmp / "frog.txt"
        inp.write_text("\n\n".join(texts) + "\n")
        tiny = tmp / "tiny.txt"
        tiny.write_text("Dit is een zin.\n")
        for name, f in (("startup", tiny), ("full", inp)):
            t0 = time.perf_counter()
            subprocess.run(["frog", "-t", str(f), "-o", str(tmp / f"{name}.out")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            res[f"frog_{name}_s"] = time.perf_counter() - t0
            if name == "full":
                res["frog_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        res["frog_tok_s_1proc"] = res["tokens"] / max(res["frog_full_s"] - res["frog_startup_s"], 1e-9)
        res["speed_ratio_vs_frog"] = res["tok_s_1proc"] / res["frog_tok_s_1proc"]
    shutil.rmtree(tmp)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--frog", action="store_true", help="also run Frog on the same text (apt-get install frog)")
    ap.add_argument("--speed-docs", type=int, default=300)
    ap.add_argument("--frog-limit", type=int, default=60, help="evaluation documents (of 10 sentences) for Frog")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"needs the shared corpora at {DATA}")
    nlp = grotius.load("nl")
    splits = prepare.build_splits(DATA, nlp.vocab)
    results: dict = {"model": f"{nlp.meta['name']} {nlp.meta['version']}", "accuracy": {}, "frog": {},
                     "command": ".venv/bin/python benchmarks/pipeline.py " + " ".join(sys.argv[1:])}
    for name in ("ud-test", "ud-alpino-heldout", "ner-dev", "ner-eventdna-heldout"):
        results["accuracy"][name] = score_grotius(nlp, splits[name])
        if args.frog and shutil.which("frog"):
            docs = splits[name][: args.frog_limit]
            results["frog"][name] = score_frog(docs, ner=name.startswith("ner"))
            results["frog"][name]["grotius_same_docs"] = score_grotius(nlp, docs)
        print(name, json.dumps(results["accuracy"][name])[:300], flush=True)
    results["speed"] = measure_speed(speed_texts(args.speed_docs), args.frog)
    print("speed", results["speed"], flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pipeline.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "pipeline.md").write_text(render(results))
    print(f"wrote {RESULTS / 'pipeline.md'}")


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def render(r: dict) -> str:
    a, f, s = r["accuracy"], r["frog"], r["speed"]
    lines = [f"# Dutch pipeline benchmark ({r['model']})", "",
             f"Produced by `{r['command'].strip()}` on the project machine (2 cores).", "",
             "## Syntax (gold tokenization)", "",
             "| set | UPOS | morph | lemma | UAS | LAS | Frog UPOS* | Frog UAS* | Grotius UPOS/UAS on Frog's docs |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name in ("ud-test", "ud-alpino-heldout"):
        g, fr = a[name], f.get(name, {})
        same = fr.get("grotius_same_docs", {})
        lines.append(f"| {name} | {_pct(g['pos_acc'])} | {_pct(g['morph_acc'])} | {_pct(g['lemma_acc'])} | "
                     f"{_pct(g['dep_uas'])} | {_pct(g['dep_las'])} | {_pct(fr.get('pos_acc'))} | "
                     f"{_pct(fr.get('dep_uas'))} | {_pct(same.get('pos_acc'))} / {_pct(same.get('dep_uas'))} |")
    lines += ["", "\\* Frog's CGN tags mapped to UPOS; its dependency labels are not UD, so only UAS compares.",
              "", "## Named entities (CoNLL-style exact spans)", "",
              "| set | type | Grotius P | R | F1 | Frog F1* |", "| --- | --- | --- | --- | --- | --- |"]
    for name in ("ner-dev", "ner-eventdna-heldout"):
        g, fr = a[name], f.get(name, {})
        lines.append(f"| {name} | all | {_pct(g['ents_p'])} | {_pct(g['ents_r'])} | {_pct(g['ents_f'])} | "
                     f"{_pct(fr.get('ents', {}).get('f'))} |")
        for lab, v in sorted((g.get("ents_per_type") or {}).items()):
            lines.append(f"| | {lab} | {_pct(v['p'])} | {_pct(v['r'])} | {_pct(v['f'])} | "
                         f"{_pct(fr.get('ents_per_type', {}).get(lab, {}).get('f'))} |")
    lines += ["", "\\* Frog on the first documents of each set only (it is slow); Grotius' score on those same "
              "documents is in pipeline.json under frog.<set>.grotius_same_docs.", "",
              "## Speed and memory", "",
              f"- text: {s['texts']} dpgmedia2019 articles, {s['tokens']} tokens",
              f"- Grotius, one process: {s['tok_s_1proc']:.0f} tokens/s; "
              f"two processes: {s['tok_s_2proc']:.0f} tokens/s",
              f"- Grotius load time: {s['load_s']:.2f} s; peak RSS (load + both runs): {s['peak_rss_mb']:.0f} MB"]
    if "component_s" in s:
        parts = s["component_s"]
        lines.append("- Grotius, where one process spends its time (the same texts one component at a time, "
                     f"{sum(parts.values()):.2f} s in all): "
                     + ", ".join(f"{name} {sec:.2f} s" for name, sec in parts.items()))
    if "frog_tok_s_1proc" in s:
        lines += [f"- Frog, one process: {s['frog_tok_s_1proc']:.0f} tokens/s (start-up {s['frog_startup_s']:.1f} s "
                  f"excluded); peak RSS {s['frog_peak_rss_mb']:.0f} MB",
                  f"- speed ratio Grotius/Frog, one process each: {s['speed_ratio_vs_frog']:.1f}x"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
