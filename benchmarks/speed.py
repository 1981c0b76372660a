"""Speed and memory benchmark of batch extraction; the same as ``textmine benchmark speed``.

    .venv/bin/python benchmarks/speed.py                       # full run (20,000-document memory batch)
    .venv/bin/python benchmarks/speed.py --sample 100 --docs 500   # quick run

See pipeline/evaluation/benchmarks/speed.py for what is measured and how.
"""

from __future__ import annotations

import sys

from textmine.cli import app

if __name__ == "__main__":
    app(["benchmark", "speed", *sys.argv[1:]], prog_name="benchmarks/speed.py")
