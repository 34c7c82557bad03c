"""The coding actor: a callable class that Ray Data runs in a pool of long-lived worker processes,
so that the language pipeline is loaded once per worker, not once per batch.

It does what ``grotius.ingest.runner.Runner`` does before writing: the length limit, the
"already stored and coded" check (when a store is given), coding with one failed article never
stopping the others. Writing is left to the driver (``grotius.scale.sink``), which keeps the input
order and therefore gives the very rows the local engine writes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from grotius.datamodel import CodedArticle, Document
from grotius.ingest.runner import MAX_CHARS, default_coder, plugin_coder, where
from grotius.scale.records import dumps_article, loads_document

OK, DUPLICATE, FAILED = "ok", "duplicate", "failed"
OUTPUT_COLUMNS = ("doc_id", "status", "error", "coded", "article")


class CodeWorker:
    def __init__(self, model: str = "nl", coder: str | None = None, no_code: bool = False,
                 db_url: str | None = None, max_chars: int = MAX_CHARS) -> None:
        self.coding = not no_code
        self.max_chars = max_chars
        self._code: Callable[[Document], CodedArticle] | None = None
        if self.coding:
            # Built here, once per actor (and again only if Ray restarts the actor).
            self._code = (plugin_coder(coder, model) if coder else default_coder(model))()
        self._store = None
        if db_url:
            from grotius.store import Store

            self._store = Store(db_url, migrate=False)  # the driver migrated it before starting us

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {c: [] for c in OUTPUT_COLUMNS}

        def emit(doc_id: str, status: str, error: str = "", article: str = "") -> None:
            for col, val in zip(OUTPUT_COLUMNS, (doc_id, status, error, self.coding, article), strict=True):
                out[col].append(val)

        docs: list[Document | str] = [loads_document(d) if d else str(e)
                                      for d, e in zip(batch["doc"], batch["error"], strict=True)]
        ids = [d.id for d in docs if isinstance(d, Document) and len(d.text) <= self.max_chars]
        done = self._store.stored(ids, coded=True if self.coding else None) if self._store and ids else set()
        for doc in docs:
            if isinstance(doc, str):
                emit("", FAILED, doc)
            elif len(doc.text) > self.max_chars:
                emit(doc.id, FAILED, f"{where(doc)}: article too long: {len(doc.text):,} characters "
                                     f"(limit {self.max_chars:,}); split it")
            elif doc.id in done:
                emit(doc.id, DUPLICATE)
            elif self._code is None:
                emit(doc.id, OK, article=dumps_article(CodedArticle(document=doc)))
            else:
                try:
                    emit(doc.id, OK, article=dumps_article(self._code(doc)))
                except Exception as exc:  # one article the coder cannot handle must not stop the run
                    emit(doc.id, FAILED, f"{where(doc)}: coding failed: {type(exc).__name__}: {exc}")
        return out
