#!/usr/bin/env bash
# The test command (README, .ci/run): set up with stanza and test tools, start a
# local PostgreSQL for the database tests, install Chromium for the review page's
# browser test, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# The stanza extra (and its tests) need a Python its locked torch wheel is built for (pyproject.toml).
# Without it the tests that train or run a stanza model skip (their reason says so); the rest of
# tests/test_stanza_backend.py runs.
if "${PYTHON:-python3}" scripts/check_python.py --extra stanza; then
  bash scripts/setup.sh --with-stanza --with-tests
else
  echo "test.sh: setting up without the stanza extra; the tests that need stanza will skip" >&2
  bash scripts/setup.sh --with-tests
fi
TEXTMINE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
export TEXTMINE_TEST_POSTGRES_URL
TEXTMINE_TEST_CHROMIUM="$(bash scripts/chromium.sh)"
export TEXTMINE_TEST_CHROMIUM
exec .venv/bin/python -m pytest "$@"
