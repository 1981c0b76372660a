#!/usr/bin/env bash
# The test command (README, .ci/run): set up with stanza and test tools, start a
# local PostgreSQL for the database tests, install Chromium for the review page's
# browser test, run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-stanza --with-tests
TEXTMINE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
export TEXTMINE_TEST_POSTGRES_URL
TEXTMINE_TEST_CHROMIUM="$(bash scripts/chromium.sh)"
export TEXTMINE_TEST_CHROMIUM
exec .venv/bin/python -m pytest "$@"
