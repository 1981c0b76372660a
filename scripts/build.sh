#!/usr/bin/env bash
# Build textmine's sdist and wheel into dist/ (or the folder given as $1).
# The sdist is built from this checkout and the wheel from the unpacked sdist, as
# `python -m build` does: the wheel then holds exactly what the sdist holds, and a
# stale build/ folder cannot leak old modules into it. Offline: it uses the pinned
# setuptools of .venv (PYTHON=... for another interpreter) without build isolation.
# Both carry the trained models of models/ as textmine/models.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
out="$(realpath -m "${1:-dist}")"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {  # build(hook, folder): run a PEP 517 hook of setuptools in the current folder, print the file name
  "$python" -c 'import contextlib, sys
from setuptools import build_meta
with contextlib.redirect_stdout(sys.stderr):
    name = getattr(build_meta, sys.argv[1])(sys.argv[2])
print(name)' "$1" "$2"
}

sdist="$(build build_sdist "$out")"
tar -xzf "$out/$sdist" -C "$work"
wheel="$(cd "$work/${sdist%.tar.gz}" && build build_wheel "$out")"
echo "$out/$sdist"
echo "$out/$wheel"
