"""Keep whitespace tokens out of the dependency tree.

Treebank sentences hold no whitespace tokens, so the parser sometimes makes a paragraph break the
root of the sentence it ends, hanging the real root below it. This component, after the parser,
attaches every whitespace token to the word before it (``dep``) and promotes the word the break
governed to root, so that downstream stages see the tree of the words alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("grotius_space_fix")
def space_fix(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc
    for sent in list(doc.sents):
        spaces = [t for t in sent if t.is_space]
        words = [t for t in sent if not t.is_space]
        if not spaces or not words:
            continue
        root = sent.root
        if root.is_space:
            # the break's own dependents: the first verb among them is the sentence's real root
            deps = [c for c in root.children if not c.is_space] or words
            new_root = next((c for c in deps if c.pos_ in ("VERB", "AUX")), deps[0])
            new_root.head = new_root
            new_root.dep_ = "ROOT"
            for c in list(root.children):
                if c is not new_root and not c.is_space:
                    c.head = new_root
        for sp in spaces:
            for c in list(sp.children):
                c.head = sent.root if not sent.root.is_space else words[0]
            prev = next((doc[j] for j in range(sp.i - 1, sent.start - 1, -1) if not doc[j].is_space), words[0])
            sp.head = prev
            sp.dep_ = "dep"
    return doc
