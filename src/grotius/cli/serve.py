"""The JSON API and web dashboard on a store: /api/events, /api/pairs, /api/alerts,
/api/documents, pages /, /events/ID, /pairs/A/B, /actors/CODE, /documents/ID, OpenAPI at
/openapi.json. Read-only unless a token is given (--token or GROTIUS_TOKEN): then POST
/api/documents with "Authorization: Bearer TOKEN" ingests articles."""

from __future__ import annotations

import argparse
import os

NAME = "serve"
HELP = "web dashboard and JSON API on a store (127.0.0.1:8000 by default)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from grotius.store.engine import DEFAULT_URL

    p.add_argument("--db", default=DEFAULT_URL, help=f"store URL (default {DEFAULT_URL})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None, help="write token for POST /api/documents (default: $GROTIUS_TOKEN)")
    p.add_argument("--model", default="nl", help="language pipeline for documents posted to the API")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from grotius.ingest.runner import default_coder
    from grotius.serve.app import create_app

    token = args.token or os.environ.get("GROTIUS_TOKEN") or None
    app = create_app(args.db, token=token, coder_factory=default_coder(args.model))
    mode = "writes need the token" if token else "read-only"
    print(f"grotius serve: http://{args.host}:{args.port}/ ({mode})", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
