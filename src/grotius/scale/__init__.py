"""Scale-out: ``grotius ingest --engine ray`` runs the same read -> code -> store pipeline on a Ray
cluster (Ray Data, one language pipeline per worker actor), writing to the store or to Parquet
shards that ``grotius load`` imports.

Nothing here imports Ray at module level: ``import grotius.scale`` and the local engine stay free
of it; only :func:`grotius.scale.engine.run_ray` (called for ``--engine ray``) does.
"""
