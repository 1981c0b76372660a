"""Where textmine finds its trained models and its corpus, installed or in a checkout.

The trained models live in the repository's top-level ``models/`` folder. A
built wheel or sdist carries that whole folder inside the package as
``textmine/models`` (pyproject.toml maps the package ``textmine.models`` onto
``models/``), so an installed textmine finds its models beside its code and a
git checkout (``pip install -e .``) finds them in ``models/``. Every model
loader asks :func:`models_dir`; no other module knows this layout.

The corpus (``corpus/``) is not packaged: only training and the benchmarks
read it, and they run from a checkout. :func:`require_corpus` gives the error
an installed package shows instead of a bare "file not found".
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# textmine/ when installed, pipeline/ in a checkout.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The repository root when running from a checkout (site-packages when installed).
CHECKOUT_DIR = PACKAGE_DIR.parent


class CorpusMissing(FileNotFoundError):
    """A command needs the project's corpus/, which only a git checkout has."""


def in_checkout() -> bool:
    """True when textmine runs from a git checkout (its pipeline/ folder), not from an installed wheel."""
    return (CHECKOUT_DIR / "pyproject.toml").is_file() and (CHECKOUT_DIR / "pipeline").resolve() == PACKAGE_DIR


# Names another folder of trained models (same layout as models/), e.g. one rebuilt elsewhere.
MODELS_DIR_ENV = "TEXTMINE_MODELS_DIR"


def models_dir() -> Path:
    """The folder of trained models: ``$TEXTMINE_MODELS_DIR`` when set, else ``textmine/models`` in an
    installed package and ``models/`` in a checkout. Read when the loaders are imported."""
    if os.environ.get(MODELS_DIR_ENV):
        return Path(os.environ[MODELS_DIR_ENV])
    packaged = PACKAGE_DIR / "models"
    if packaged.is_dir() or not in_checkout():
        return packaged
    return CHECKOUT_DIR / "models"


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes: what a model's manifest records and its loader checks."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def corpus_dir() -> Path:
    """The project's corpus folder (``corpus/`` of the checkout; absent from an installed package)."""
    return CHECKOUT_DIR / "corpus"


def require_corpus(path: Path, purpose: str) -> Path:
    """``path`` if it exists; otherwise CorpusMissing saying why it is missing and what to do."""
    path = Path(path)
    if path.exists():
        return path
    if in_checkout():
        raise CorpusMissing(f"{purpose} needs {path}, which is not there; restore it from the repository (git checkout -- corpus)")
    raise CorpusMissing(
        f"{purpose} needs the project's corpus ({path} is not there): an installed textmine carries its trained "
        "models but not the corpus. Run this command from a git checkout of textmine (bash scripts/setup.sh)."
    )
