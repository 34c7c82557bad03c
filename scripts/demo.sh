#!/usr/bin/env bash
# The main job on the embedded defaults: install, then run Grotius over the bundled sample
# articles (samples/) and show what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
for f in samples/*.txt; do
  .venv/bin/grotius annotate "$f"
done
