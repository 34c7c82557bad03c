"""The ingest loop: documents in, coded articles stored in batches, a summary out.

Each batch is coded outside any transaction and then written in one transaction, so killing the
process loses at most the batch in flight, and rerunning skips everything already stored (checked
before coding, so a rerun does not pay for annotation twice).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from grotius.datamodel import CodedArticle, Document
from grotius.errors import InputError
from grotius.ingest.sources import Item
from grotius.store import Store

Coder = Callable[[Document], CodedArticle]
# spaCy's default nlp.max_length: longer texts cannot be annotated in one piece.
MAX_CHARS = 1_000_000


@dataclass
class Summary:
    inputs: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    failed: int = 0
    mentions: int = 0
    new_events: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.inputs} read: {self.stored} stored ({self.near_duplicates} near-duplicates linked), "
            f"{self.duplicates} skipped as duplicate, {self.failed} failed; "
            f"{self.mentions} event mentions stored ({self.new_events} new events)"
        )

    def to_record(self) -> dict[str, int]:
        return {k: v for k, v in self.__dict__.items() if isinstance(v, int)}


def where(doc: Document) -> str:
    return f"{doc.source}:{doc.line}" if doc.line is not None else str(doc.source)


class Runner:
    def __init__(
        self,
        store: Store,
        coder: Callable[[], Coder] | None,
        batch_size: int = 100,
        max_chars: int = MAX_CHARS,
        err: TextIO | None = None,
        progress: bool | None = None,
    ) -> None:
        """``coder`` is a factory, called once when the first document needs coding (so that a
        rerun over stored documents never loads the pipeline); None stores documents uncoded."""
        self.store = store
        self._coder_factory = coder
        self._coder: Coder | None = None
        self.batch_size = max(1, batch_size)
        self.max_chars = max_chars
        self.err = err or sys.stderr  # looked up now: tests and callers may swap sys.stderr
        self.progress = progress
        self.summary = Summary()
        self._bar = None

    def run(self, items: Iterable[Item], total: int | None = None) -> Summary:
        from tqdm import tqdm

        # disable=None: a bar only on a terminal, never in logs or pipes.
        with tqdm(total=total, unit="doc", file=self.err, dynamic_ncols=True, smoothing=0.1,
                  disable=None if self.progress is None else not self.progress) as bar:
            self._bar = bar
            pending: list[Document] = []
            for item in items:
                self.summary.inputs += 1
                if isinstance(item, InputError):
                    self._fail(str(item))
                    bar.update(1)
                elif len(item.text) > self.max_chars:
                    self._fail(f"{where(item)}: article too long: {len(item.text):,} characters "
                               f"(limit {self.max_chars:,}); split it")
                    bar.update(1)
                else:
                    pending.append(item)
                    if len(pending) >= self.batch_size:
                        self._flush(pending)
                        pending = []
            self._flush(pending)
        return self.summary

    def _fail(self, message: str) -> None:
        self.summary.failed += 1
        self.summary.errors.append(message)
        line = f"grotius ingest: error: {message}"
        if self._bar is not None and not self._bar.disable:
            self._bar.write(line, file=self.err)
        else:
            print(line, file=self.err, flush=True)

    def _advance(self, n: int) -> None:
        if self._bar is not None and n:
            self._bar.update(n)

    def _flush(self, docs: list[Document]) -> None:
        if not docs:
            return
        coding = self._coder_factory is not None
        done = self.store.stored([d.id for d in docs], coded=True if coding else None)
        todo = [d for d in docs if d.id not in done]
        self.summary.duplicates += len(docs) - len(todo)
        self._advance(len(docs) - len(todo))
        if coding and todo and self._coder is None:
            assert self._coder_factory is not None
            self._coder = self._coder_factory()  # outside the per-document guard: a missing coder stops the run
        articles: list[CodedArticle] = []
        for doc in todo:
            if not coding:
                articles.append(CodedArticle(document=doc))
                continue
            try:
                assert self._coder is not None
                articles.append(self._coder(doc))
            except Exception as exc:  # one article the coder cannot handle must not stop the run
                self._fail(f"{where(doc)}: coding failed: {type(exc).__name__}: {exc}")
            self._advance(1)  # the bar counts documents done (coding is the slow part), not read
        if not coding:
            self._advance(len(todo))
        if articles:
            result = self.store.add_many(articles, is_coded=coding)
            self.summary.stored += result.stored
            self.summary.duplicates += result.duplicates
            self.summary.near_duplicates += result.near_duplicates
            self.summary.mentions += result.mentions
            self.summary.new_events += result.new_events


def default_coder(model: str = "nl") -> Callable[[], Coder]:
    """The project's coder on the shared pipeline, imported only when first needed."""

    def factory() -> Coder:
        from grotius.annotate.pipeline import shared
        from grotius.errors import GrotiusError

        try:
            from grotius.coding.article import code_document
        except ImportError as exc:
            raise GrotiusError(f"the event coder is not available ({exc}); use --no-code to store documents only") \
                from None
        nlp = shared(model)
        return lambda doc: code_document(doc, nlp)

    return factory


def plugin_coder(spec: str, model: str = "nl") -> Callable[[], Coder]:
    """``MODULE:FUNCTION`` called as ``FUNCTION(document, nlp)``; a function with attribute
    ``needs_nlp = False`` gets ``None`` instead of a loaded pipeline."""

    def factory() -> Coder:
        import importlib

        from grotius.errors import GrotiusError

        module, _, name = spec.partition(":")
        try:
            func = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError, ValueError) as exc:
            raise GrotiusError(f"--coder {spec}: {exc}") from None
        nlp = None
        if getattr(func, "needs_nlp", True):
            from grotius.annotate.pipeline import shared

            nlp = shared(model)
        return lambda doc: func(doc, nlp)

    return factory
