"""Speed and memory benchmark of batch extraction; the same as ``textmine benchmark speed``.

    .venv/bin/python benchmarks/speed.py                       # full run (20,000-document memory batch)
    .venv/bin/python benchmarks/speed.py --sample 100 --docs 500   # quick run

See pipeline/benchmark_speed.py for what is measured and how.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.cli import app  # noqa: E402  (after the path set-up, for runs from a checkout)

if __name__ == "__main__":
    app(["benchmark", "speed", *sys.argv[1:]], prog_name="benchmarks/speed.py")
