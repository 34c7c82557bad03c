"""Callbacks for `spacy train --code training/callbacks.py` (the fine-tuning stage)."""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.language import Language


@spacy.registry.callbacks("grotius.relink_lemma_trees.v1")
def relink_lemma_trees() -> Callable[[Language], Language]:
    """Rebuild the edit-tree lemmatizer's tree -> label table after sourcing it.

    spaCy 3.8 restores the trees and labels of a sourced trainable_lemmatizer from disk but not
    its tree2label map, so every gold lemma would count as label 0 and further training would
    unlearn the lemmatizer (lemma accuracy fell from 98 to 75 on the dev set in 200 steps).
    """

    def relink(nlp: Language) -> Language:
        for _name, pipe in nlp.pipeline:
            if hasattr(pipe, "tree2label") and not pipe.tree2label:
                for label, tree in enumerate(pipe.labels):
                    pipe.tree2label[tree] = label
        return nlp

    return relink
