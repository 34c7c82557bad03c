"""Assemble the shipped Dutch pipeline from the trained UD and NER pipelines.

The NER component keeps its own tok2vec (listeners replaced), the tokenizer gets the Dutch news
special cases, and the quote-aware sentence component runs before the parser, the whitespace fix after it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

from grotius.annotate import sentences, spaces  # noqa: F401  (register the Grotius components)
from grotius.annotate.tokenizer import tune_tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callbacks  # noqa: E402, F401  (a fine-tuned UD pipeline names the training-only callback)

ROOT = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT.parent / "src" / "grotius" / "models" / "nl"


def assemble(ud: Path, ner: Path, out: Path, version: str) -> None:
    nlp = spacy.load(ud)
    # the fine-tuning callback is needed in training only: the shipped pipeline must load without it
    nlp.config["nlp"]["after_pipeline_creation"] = None
    ner_nlp = spacy.load(ner)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp, name="ner")
    nlp.add_pipe("grotius_quote_sentences", before="parser")
    nlp.add_pipe("grotius_space_fix", after="parser")
    tune_tokenizer(nlp, "nl")
    # the parser holds ~20 kB per token of a batch: small batches keep nlp.pipe under 500 MB
    nlp.batch_size = 4
    nlp.config["nlp"]["batch_size"] = 4
    nlp.meta.update(
        {
            "name": "grotius_nl",
            "version": version,
            "description": "Dutch news pipeline trained by Grotius: tokenizer, morphologizer (UPOS+features), "
            "trainable lemmatizer, UD dependency parser, NER (PER, LOC, ORG, MISC)",
            "author": "Grotius project",
            "license": "CC BY-SA 4.0 (UD components); NER trained on research-only corpora",
            "sources": [
                {"name": "UD Dutch LassySmall v2.16 dev, v1.4 train/dev/test (converted)", "license": "CC BY-SA 4.0"},
                {"name": "UD Dutch Alpino v2.16 dev (two thirds of its documents)", "license": "CC BY-SA 4.0"},
                {"name": "CoNLL-2002 Dutch ned.train", "license": "research use"},
                {"name": "EventDNA named mentions (4/5 of the documents)", "license": "not stated"},
            ],
        }
    )
    if out.exists():
        for child in out.iterdir():
            if child.name != "MODEL_CARD.md":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    nlp.to_disk(out)
    print(f"assembled {nlp.pipe_names} -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ud", type=Path, default=ROOT / "output" / "ud" / "model-best")
    ap.add_argument("--ner", type=Path, default=ROOT / "output" / "ner" / "model-best")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--version", default="0.2.0")
    args = ap.parse_args()
    assemble(args.ud, args.ner, args.out, args.version)


if __name__ == "__main__":
    main()
