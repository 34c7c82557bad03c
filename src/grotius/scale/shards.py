"""Parquet shards of coded articles: what ``grotius ingest --engine ray --shards DIR`` writes and
``grotius load`` reads. One row per input item, columns ``doc_id, status, error, coded, article``
(``article``: the CodedArticle as JSON, see ``grotius.scale.records``). Read with pyarrow alone, so
loading shards needs no Ray."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from grotius.errors import InputError
from grotius.scale.worker import OUTPUT_COLUMNS

SUFFIX = ".parquet"


def shard_files(paths: Sequence[str]) -> list[Path]:
    """The shard files named, folders expanded (sorted, so a load is repeatable)."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob(f"*{SUFFIX}") if f.is_file())
            if not found:
                raise InputError(str(p), f"no {SUFFIX} shards in this folder")
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(str(p), "no such file or directory")
    return files


def iter_batches(files: Sequence[Path], batch_size: int = 100, columns: Sequence[str] = OUTPUT_COLUMNS
                 ) -> Iterator[dict[str, list[Any]]]:
    """Rows of every shard in order, ``batch_size`` at a time, as columns of Python values."""
    import pyarrow.parquet as pq

    for f in files:
        try:
            pf = pq.ParquetFile(f)
            missing = set(columns) - set(pf.schema_arrow.names)
            if missing:
                raise InputError(str(f), f"not a grotius shard (missing columns: {', '.join(sorted(missing))})")
            for batch in pf.iter_batches(batch_size=max(1, batch_size), columns=list(columns)):
                yield batch.to_pydict()
        except InputError:
            raise
        except Exception as exc:  # pyarrow raises several kinds for damaged files
            raise InputError(str(f), f"cannot read Parquet shard: {exc}") from None
