#!/usr/bin/env bash
# Make sure Debian's headless-capable Chromium is installed, for the review page's browser test, and print its path.
#
# Installs Debian's chromium package when it is missing (apt-get update first),
# as scripts/postgres.sh does for PostgreSQL. Runs as root. Typical use:
#
#   export TEXTMINE_TEST_CHROMIUM="$(bash scripts/chromium.sh)"
#
# Everything but the path goes to standard error.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

if ! command -v chromium >/dev/null 2>&1; then
    log "installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends chromium fonts-dejavu-core >&2
fi

command -v chromium
