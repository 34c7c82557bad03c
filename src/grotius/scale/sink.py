"""Coded rows (from Ray workers or from Parquet shards) into the store, batch by batch, counted in
the local engine's Summary. Writes are idempotent: a document already stored is a duplicate, so a
retried batch or a shard loaded twice adds nothing."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from grotius.ingest.runner import Summary
from grotius.scale.records import loads_article
from grotius.scale.worker import DUPLICATE, FAILED
from grotius.store import Store


class Sink:
    def __init__(self, store: Store | None, prog: str = "grotius ingest", err: TextIO | None = None) -> None:
        """``store`` None only counts (shards were written instead)."""
        self.store = store
        self.prog = prog
        self.err = err or sys.stderr
        self.summary = Summary()

    def write(self, status: Sequence[str], error: Sequence[str], coded: Sequence[bool],
              article: Sequence[str]) -> int:
        """One batch of worker output rows (columns as lists); returns how many rows it had."""
        s = self.summary
        todo = []
        for st, err, is_coded, art in zip(status, error, coded, article, strict=True):
            s.inputs += 1
            if st == FAILED:
                s.failed += 1
                s.errors.append(str(err))
                print(f"{self.prog}: error: {err}", file=self.err, flush=True)
            elif st == DUPLICATE:
                s.duplicates += 1
            else:
                todo.append((bool(is_coded), str(art)))
        if self.store is not None:
            for flag in (True, False):  # one run is all coded or all bare; both kinds only in mixed shards
                articles = [loads_article(a) for c, a in todo if c is flag]
                if articles:
                    result = self.store.add_many(articles, is_coded=flag)
                    s.stored += result.stored
                    s.duplicates += result.duplicates
                    s.near_duplicates += result.near_duplicates
                    s.mentions += result.mentions
                    s.new_events += result.new_events
        return len(status)
