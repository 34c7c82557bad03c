#!/usr/bin/env bash
# Install everything the tests need, then run them all (fast and slow), plus the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
eval "$(bash scripts/start_postgres.sh)"  # a real PostgreSQL for the store tests
bash scripts/install_browser.sh  # Debian's Chromium for the Playwright tests
.venv/bin/python -m ruff check src tests training benchmarks
.venv/bin/python -m pytest -q -m "not slow"
.venv/bin/python -m pytest -q -m slow || [ $? -eq 5 ]  # 5: no slow test selected
