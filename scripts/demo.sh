#!/usr/bin/env bash
# The main job on the embedded defaults: install, ingest the bundled sample articles (samples/)
# into the default SQLite store (./grotius.db), then show what Grotius found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
G=.venv/bin/grotius
$G ingest samples/
echo
echo "== store"
$G stats --json
echo
echo "== events of the first sample article"
$G code samples/nl-2021-12-biden-poetin.txt
echo
echo "== escalation alerts"
$G alerts
echo
echo "Browse it all: .venv/bin/grotius serve   (then open http://127.0.0.1:8000/)"
