"""The relation classifier and its artefact on disk.

The model is a scikit-learn ``Pipeline`` (DictVectorizer + logistic
regression with calibrated probabilities) saved with skops next to a JSON
manifest that records its format version, library versions and sha256.
Loading checks the manifest first and refuses a file that does not match;
only then is the file read with skops, trusting exactly the types such a
pipeline is made of, so nothing is ever unpickled blindly.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textmine import __version__
from textmine.resources.locations import file_sha256, in_checkout, models_dir

MODELS_DIR = models_dir()
DEFAULT_MODEL_PATH = MODELS_DIR / "relations.skops"
# Bump when features or labels change: a model trained on other features must be retrained, not used.
MODEL_FORMAT_VERSION = "relations-2"
CALIBRATION_FOLDS = 3
# Square root of the balanced class weights: the best held-out F1 among the weightings tried (none, balanced, ^0.3, ^0.5).
CLASS_WEIGHT_POWER = 0.5

# The only types a relations model file may contain.
TRUSTED_TYPES = [
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.Pipeline",
    "sklearn.model_selection._split.StratifiedKFold",
    "numpy.dtype",
    "numpy.float64",
    "builtins.float",
]


class ModelFileError(RuntimeError):
    """The model file is missing, altered, or made for other code."""


def rebuild_hint() -> str:
    """What to do about a bad model file: retrain in a checkout; an installed package cannot retrain (no corpus)."""
    if in_checkout():
        return "rebuild it with `textmine train relations`"
    return (
        "reinstall textmine, whose wheel carries the model (textmine/models), or rebuild it with "
        "`textmine train relations` in a git checkout of textmine (training needs the checkout's corpus/)"
    )


@dataclass
class RelationModel:
    """The fitted pipeline with the decision settings learnt alongside it (kept in the manifest)."""

    pipeline: Any
    # Lowest calibrated probability at which a label is emitted (tuned on held-out training documents).
    threshold: float
    # Share of a pattern's firings in training that were right: its calibrated confidence.
    pattern_precision: dict[str, float] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def classes(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]


def manifest_path(model_path: Path) -> Path:
    return model_path.with_suffix(".manifest.json")


def softened_class_weights(labels: list[str], power: float = CLASS_WEIGHT_POWER) -> dict[str | int, float]:
    """scikit-learn's "balanced" weights raised to ``power``: rare labels count more, without swamping "none".

    Each weight is given under the label and under its position in sorted
    order: inside CalibratedClassifierCV, cross_val_predict fits the estimator
    on labels encoded that way (LabelEncoder), the final fit on the labels
    themselves. Only the estimator is weighted; the calibrators see unweighted
    data, so the probabilities stay calibrated.
    """
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    weights: dict[str | int, float] = {}
    for i, label in enumerate(sorted(counts)):
        weights[label] = weights[i] = (len(labels) / (len(counts) * counts[label])) ** power
    return weights


def build_pipeline(seed: int, labels: list[str], calibration_folds: int = CALIBRATION_FOLDS) -> Any:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import Pipeline

    # Class weights give the rare labels a voice; the sigmoid calibration on
    # held-out folds turns the skewed scores back into probabilities.
    linear = LogisticRegression(C=1.0, class_weight=softened_class_weights(labels), max_iter=3000, random_state=seed)
    folds = StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=seed)
    return Pipeline(
        [
            ("vectorize", DictVectorizer(sparse=True)),
            ("classify", CalibratedClassifierCV(linear, method="sigmoid", cv=folds, ensemble=False)),
        ]
    )


# skops names objects and array files after id(), which differs from run to run.
_SKOPS_ID = re.compile(r'("__id__": |"file": ")(\d+)')


def _write_reproducibly(archive: bytes, path: Path) -> None:
    """Rewrite skops' zip with ids renumbered in order of appearance, fixed timestamps and order.

    The same model then gives the same bytes, so its sha256 in the manifest
    is reproducible from the same training data and seed.
    """
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        schema = source.read("schema.json").decode("utf-8")
        renumber: dict[str, str] = {}
        for match in _SKOPS_ID.finditer(schema):
            renumber.setdefault(match.group(2), str(len(renumber) + 1))
        members = {}
        for info in source.infolist():
            stem, dot, suffix = info.filename.partition(".")
            name = renumber.get(stem, stem) + dot + suffix
            members[name] = source.read(info)
        members["schema.json"] = _SKOPS_ID.sub(lambda m: m.group(1) + renumber[m.group(2)], schema).encode("utf-8")
    with zipfile.ZipFile(path, "w") as target:
        for name in sorted(members):
            fixed = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, members[name], compresslevel=9)


def save(model: RelationModel, path: Path, info: dict[str, Any]) -> dict[str, Any]:
    import sklearn
    import skops
    import skops.io

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    _write_reproducibly(skops.io.dumps(model.pipeline), tmp)
    tmp.replace(path)
    manifest = {
        "format_version": MODEL_FORMAT_VERSION,
        "file": path.name,
        "sha256": file_sha256(path),
        "textmine_version": __version__,
        "sklearn_version": sklearn.__version__,
        "skops_version": skops.__version__,
        "labels": model.classes,
        "threshold": model.threshold,
        "pattern_precision": model.pattern_precision,
        **info,
    }
    manifest_path(path).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    model.manifest = manifest
    return manifest


def update_manifest(path: Path, extra: dict[str, Any]) -> dict[str, Any]:
    """Add information (scores) to a saved model's manifest; the checked fields stay as they are."""
    manifest = read_manifest(path)
    manifest.update({k: v for k, v in extra.items() if k not in ("format_version", "sha256", "file", "sklearn_version")})
    manifest_path(path).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def read_manifest(path: Path) -> dict[str, Any]:
    mpath = manifest_path(path)
    if not path.exists():
        raise ModelFileError(f"relation model {path} not found; {rebuild_hint()}")
    if not mpath.exists():
        raise ModelFileError(f"relation model {path} has no manifest {mpath.name}; refusing to load it ({rebuild_hint()})")
    try:
        return json.loads(mpath.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelFileError(f"manifest {mpath} is not valid JSON: {exc}") from exc


def load(path: Path = DEFAULT_MODEL_PATH) -> RelationModel:
    """The checked model and its manifest; ModelFileError when anything does not match."""
    import sklearn
    import skops.io

    manifest = read_manifest(path)
    if manifest.get("format_version") != MODEL_FORMAT_VERSION:
        raise ModelFileError(
            f"relation model {path} is format {manifest.get('format_version')!r}, this code needs {MODEL_FORMAT_VERSION!r}; "
            f"{rebuild_hint()}"
        )
    if manifest.get("sklearn_version") != sklearn.__version__:
        raise ModelFileError(
            f"relation model {path} was built with scikit-learn {manifest.get('sklearn_version')}, "
            f"installed is {sklearn.__version__}; {rebuild_hint()}"
        )
    actual = file_sha256(path)
    if actual != manifest.get("sha256"):
        raise ModelFileError(
            f"relation model {path} does not match its manifest (sha256 {actual[:12]}..., manifest says "
            f"{str(manifest.get('sha256'))[:12]}...); refusing to load a modified file — {rebuild_hint()}"
        )
    untrusted = set(skops.io.get_untrusted_types(file=path)) - set(TRUSTED_TYPES)
    if untrusted:
        raise ModelFileError(f"relation model {path} contains unexpected types {sorted(untrusted)}; refusing to load it")
    pipeline = skops.io.load(path, trusted=TRUSTED_TYPES)
    return RelationModel(pipeline, float(manifest["threshold"]), dict(manifest.get("pattern_precision") or {}), manifest)
