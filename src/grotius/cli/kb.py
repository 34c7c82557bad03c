"""Extend the actor knowledge base with your own people: ``grotius kb check FILE`` validates a CSV
(columns id,name,aliases,code,from,to,title; aliases separated by ';'; one row per role) or a YAML
list shaped like kb/people.yaml; ``grotius kb add FILE`` validates it and installs it in the user's
KB folder ($GROTIUS_KB_DIR, default ~/.local/share/grotius/kb), read on every later run."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "kb"
HELP = "check or add your own actors (CSV or YAML) to the knowledge base"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=["check", "add"], help="check: validate only; add: validate and install")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="CSV or YAML files of people with roles")
    p.add_argument("--lang", default="nl", help="language whose aliases are checked for clashes (default nl)")


def run(args: argparse.Namespace) -> int:
    from grotius.resolve.actors.extend import install, load_user_file
    from grotius.resolve.actors.kb import load_kb

    kb = load_kb(args.lang)
    for path in args.files:
        if args.action == "check":
            records = load_user_file(path, kb)
            roles = sum(len(r.get("roles") or []) for r in records)
            print(f"{path}: ok, {len(records)} people, {roles} roles")
        else:
            out = install(path, kb)
            print(f"{path}: installed as {out}")
    return 0
