"""Every README command end to end through the CLI, with the content of what it writes asserted.

Seed figures: the seed page (corpus/raw/000_*.txt) is scored against its gold
file with the project's evaluation code. Today the extractor finds every gold
entity (182 of 182, 2 spurious), 37 of 38 gold relation facts (no false one)
and all 13 metadata fields. The thresholds allow ONE more loss than today in
each count — so that another engineer's rule change that trades one mention
for a better generalisation does not fail the suite — and no more: losing two
entities, two relations or two metadata fields fails. They are written against
the gold's own counts, so a corrected gold file moves them with it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation
from textmine.evaluation.evaluate import evaluate_dirs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "raw" / "000_53fded65e5fbe7f9.txt"
GOLD = ROOT / "corpus" / "gold"
SEED_ID = SEED.stem
runner = CliRunner()

# One more loss than today's figure is tolerated (see the module docstring).
TOLERANCE = 1
# The typo year "20015" is missed since the rule written for that one seed sentence went (issue 12).
TODAY_MISSED_ENTITIES = 1
TODAY_SPURIOUS_ENTITIES = 0
TODAY_MISSED_FACTS = 1
TODAY_FALSE_FACTS = 0
# Two extra mentions of true facts (a second mention pair for a fact the gold states once).
TODAY_FALSE_RELATION_MENTIONS = 2
TODAY_WRONG_METADATA_FIELDS = 0


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed_out")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def seed_report(seed_out) -> dict:
    result = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--pred", str(seed_out), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    return report


def gold_seed() -> dict:
    return json.loads((GOLD / f"{SEED_ID}.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- extract on the seed, scored


def test_extract_seed_loses_no_gold_entity(seed_report):
    strict = seed_report["entities"]["strict"]["micro"]
    assert strict["possible"] == len(gold_seed()["entities"])
    assert strict["missed"] + strict["incorrect"] <= TODAY_MISSED_ENTITIES + TOLERANCE, strict
    assert strict["spurious"] <= TODAY_SPURIOUS_ENTITIES + TOLERANCE, strict
    dates = seed_report["date_values"]
    assert dates["total"] == sum(1 for e in gold_seed()["entities"] if e["label"] == "DATE" and e.get("value"))
    assert dates["correct"] >= dates["total"] - TOLERANCE, dates


def test_extract_seed_relations_match_the_gold_facts(seed_report):
    gold_relations = gold_seed()["relations"]
    for level in ("fact", "mention"):
        micro = seed_report["relations"][level]["micro"]
        assert micro["fn"] <= TODAY_MISSED_FACTS + TOLERANCE, (level, micro)
        today_false = TODAY_FALSE_FACTS if level == "fact" else TODAY_FALSE_RELATION_MENTIONS
        assert micro["fp"] <= today_false + TOLERANCE, (level, micro)
    # Every relation label of the gold is found at least once: no label silently stops being predicted.
    per_label = seed_report["relations"]["fact"]["per_label"]
    for label in {r["label"] for r in gold_relations}:
        assert per_label[label]["tp"] >= 1, label


def test_extract_seed_relations_come_from_the_classifier_with_confidences(seed_out):
    data = json.loads((seed_out / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    sources = {r["source"] for r in data["relations"]}
    assert any(s == "classifier" or s.startswith("pattern") for s in sources if s), sources
    labels = {r["label"] for r in data["relations"]}
    assert labels - {"alias_of"}, "only alias_of: the relation stage did not run"
    names = [c["name"] for c in data["provenance"]["components"]]
    assert "relations" in names
    rel = next(c for c in data["provenance"]["components"] if c["name"] == "relations")
    manifest = json.loads((ROOT / "models" / "relations.manifest.json").read_text(encoding="utf-8"))
    assert rel["model_sha256"] == manifest["sha256"]


def test_extract_seed_metadata_matches_gold(seed_report, seed_out):
    metadata = seed_report["metadata"]
    assert metadata["documents"] == 1
    wrong = [name for name, accuracy in metadata["per_field"].items() if accuracy < 1.0]
    assert len(wrong) <= TODAY_WRONG_METADATA_FIELDS + TOLERANCE, wrong
    gold_meta = gold_seed()["metadata"]
    out_meta = json.loads((seed_out / f"{SEED_ID}.json").read_text(encoding="utf-8"))["metadata"]
    # The fields a catalogue search needs must be exactly right.
    for field in ("title", "year"):
        assert out_meta[field] == gold_meta[field], field
    assert seed_report["segments"]["accuracy"] >= 0.99


# --------------------------------------------------------------------------- evaluate --json, figures by hand

TEXT = "Astana hosted the SCO summit in June 2017, said Tokayev to reporters."


def span(surface: str) -> tuple[int, int]:
    start = TEXT.index(surface)
    return start, start + len(surface)


def entity(eid: str, surface: str, label: str, value: str | None = None) -> Entity:
    start, end = span(surface)
    return Entity(eid, start, end, label, surface, value=value)


def test_evaluate_json_figures_for_a_known_pair(tmp_path):
    gold = Document(
        id="known", text=TEXT,
        entities=[entity("T1", "Astana", "LOC"), entity("T2", "SCO summit", "EVENT"),
                  entity("T3", "June 2017", "DATE", "2017-06"), entity("T4", "Tokayev", "PERSON")],
        relations=[Relation("R1", "held_in", "T2", "T1"), Relation("R2", "held_on", "T2", "T3"),
                   Relation("R3", "participant_in", "T4", "T2")],
    )
    pred = Document(
        id="known", text=TEXT,
        entities=[entity("T1", "Astana", "LOC"), entity("T2", "SCO summit", "EVENT"),
                  entity("T3", "June 2017", "DATE", "2017-07"),  # right span, wrong value
                  entity("T4", "Tokayev", "ORG"),  # right span, wrong label
                  entity("T5", "reporters", "ORG")],  # spurious
        relations=[Relation("R1", "held_in", "T2", "T1", confidence=0.9, source="test"),
                   Relation("R2", "held_on", "T2", "T3", confidence=0.9, source="test"),
                   Relation("R3", "participant_in", "T4", "T2", confidence=0.9, source="test")],
    )
    for folder, doc in (("gold", gold), ("pred", pred)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "known.json").write_text(json.dumps(doc.to_dict()), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    ents = report["entities"]

    def figures(scheme: str) -> tuple:
        m = ents[scheme]["micro"]
        return (m["correct"], m["incorrect"], m["partial"], m["missed"], m["spurious"], m["possible"], m["actual"])

    # strict: Astana, SCO summit, June 2017 correct; Tokayev has the wrong label (incorrect); reporters spurious.
    # possible = 3 + 1 + 0 + 0 = 4, actual = 3 + 1 + 0 + 1 = 5: P = 3/5, R = 3/4, F1 = 2PR/(P+R) = 2/3.
    assert figures("strict") == (3, 1, 0, 0, 1, 4, 5)
    assert ents["strict"]["micro"]["precision"] == pytest.approx(3 / 5)
    assert ents["strict"]["micro"]["recall"] == pytest.approx(3 / 4)
    assert ents["strict"]["micro"]["f1"] == pytest.approx(2 / 3)
    # type: the label decides, as in strict here.
    assert figures("type") == (3, 1, 0, 0, 1, 4, 5)
    # exact and partial ignore the label: Tokayev's span is right, 4 correct; P = 4/5, R = 4/4, F1 = 8/9.
    for scheme in ("exact", "partial"):
        assert figures(scheme) == (4, 0, 0, 0, 1, 4, 5)
        assert ents[scheme]["micro"]["f1"] == pytest.approx(8 / 9)
    # DATE value: one strict-matched DATE with a gold value, its value wrong.
    assert (report["date_values"]["correct"], report["date_values"]["total"]) == (0, 1)
    # Relations, mention level: participant_in's head is an ORG where gold has a PERSON: tp 2, fp 1, fn 1.
    mention = report["relations"]["mention"]["micro"]
    assert (mention["tp"], mention["fp"], mention["fn"]) == (2, 1, 1)
    assert mention["f1"] == pytest.approx(2 / 3)
    # Fact level compares argument texts only: all three facts are right.
    fact = report["relations"]["fact"]["micro"]
    assert (fact["tp"], fact["fp"], fact["fn"], fact["f1"]) == (3, 0, 0, 1.0)


# --------------------------------------------------------------------------- batch


def write_inputs(folder: Path, bad: bool) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text("The Collective Security Treaty Organization met in Minsk in November 2017.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Uzbekistan joined the Shanghai Cooperation Organization in 2001.\n", encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_text("", encoding="utf-8")
        (folder / "image.txt").write_bytes(bytes(range(256)) * 8)


def read_errors(out: Path) -> dict[str, dict]:
    path = out / "errors.jsonl"
    if not path.exists():
        return {}
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.mark.slow
def test_batch_exit_status_error_records_and_jsonl(tmp_path):
    write_inputs(tmp_path / "in", bad=True)
    failed = runner.invoke(app, ["batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--workers", "1"])
    assert failed.exit_code == 1, failed.output
    errors = read_errors(tmp_path / "out")
    assert set(errors) == {"empty", "image"}
    assert errors["empty"]["path"].endswith("empty.txt") and "empty" in errors["empty"]["reason"]
    assert errors["image"]["path"].endswith("image.txt") and "binary" in errors["image"]["reason"]
    a = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    assert ("Minsk", "LOC") in {(e["text"], e["label"]) for e in a["entities"]}
    assert not (tmp_path / "out" / "empty.json").exists()

    write_inputs(tmp_path / "good", bad=False)
    jsonl = runner.invoke(app, ["batch", str(tmp_path / "good"), "--out", str(tmp_path / "shards"), "--format", "jsonl"])
    assert jsonl.exit_code == 0, jsonl.output
    assert read_errors(tmp_path / "shards") == {}
    lines = (tmp_path / "shards" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    by_id = {d["id"]: d for d in map(json.loads, lines)}
    assert sorted(by_id) == ["a", "b"]
    # A shard line is the same document the json format writes (read from another folder).
    assert by_id["a"]["source"]["path"].endswith("good/a.txt")
    assert {k: v for k, v in by_id["a"].items() if k != "source"} == {k: v for k, v in a.items() if k != "source"}
    assert ("Uzbekistan", "LOC") in {(e["text"], e["label"]) for e in by_id["b"]["entities"]}


# --------------------------------------------------------------------------- export


def _fresh_postgres_schema(base_url: str) -> tuple[str, str]:
    import psycopg

    schema = f"textmine_e2e_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{schema}", schema


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    """(URL, query function) for a fresh database."""
    if request.param == "sqlite":
        path = tmp_path / "e2e.db"

        def query(sql: str) -> list[tuple]:
            with sqlite3.connect(path) as conn:
                return [tuple(row) for row in conn.execute(sql).fetchall()]

        yield f"sqlite:///{path}", query
        return
    base_url = os.environ.get("TEXTMINE_TEST_POSTGRES_URL")
    if not base_url:
        pytest.skip("TEXTMINE_TEST_POSTGRES_URL is not set; run `export TEXTMINE_TEST_POSTGRES_URL=$(bash scripts/postgres.sh)`")
    import psycopg

    url, schema = _fresh_postgres_schema(base_url)

    def query(sql: str) -> list[tuple]:
        with psycopg.connect(url) as conn:
            return [tuple(row) for row in conn.execute(sql).fetchall()]

    yield url, query
    with psycopg.connect(base_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_export_writes_the_outputs_rows(seed_out, database):
    url, query = database
    result = runner.invoke(app, ["export", str(seed_out), "--db", url])
    assert result.exit_code == 0, result.output
    data = json.loads((seed_out / f"{SEED_ID}.json").read_text(encoding="utf-8"))

    assert query("SELECT doc_id, text_sha256, text, source_path FROM documents") == [
        (SEED_ID, data["text_sha256"], data["text"], data["source"]["path"])
    ]
    entities = query(
        f"SELECT entity_id, label, start_char, end_char, text, value, canonical, source FROM entities "
        f"WHERE doc_id = '{SEED_ID}'"
    )
    expected = [(e["id"], e["label"], e["start"], e["end"], e["text"], e.get("value"), e.get("canonical"), e.get("source"))
                for e in data["entities"]]
    assert sorted(entities) == sorted(expected)
    # The stored offsets still point at the mention in the stored text.
    (text,) = query("SELECT text FROM documents")[0]
    assert all(text[start:end] == mention for _, _, start, end, mention, *_ in entities)
    relations = query(f"SELECT relation_id, label, head_id, tail_id, confidence, source FROM relations WHERE doc_id = '{SEED_ID}'")
    assert sorted((r[0], r[1], r[2], r[3], r[5]) for r in relations) == sorted(
        (r["id"], r["label"], r["head"], r["tail"], r["source"]) for r in data["relations"]
    )
    confidences = {r[0]: r[4] for r in relations}
    assert all(confidences[r["id"]] == pytest.approx(r["confidence"]) for r in data["relations"])
    segments = query(f"SELECT seq, start_char, end_char, lang, role FROM segments WHERE doc_id = '{SEED_ID}' ORDER BY seq")
    assert segments == [(i, s["start"], s["end"], s["lang"], s["role"]) for i, s in enumerate(data["segments"])]
    canonical = query(f"SELECT canonical_id, label, canonical, kb_id FROM canonical_entities WHERE doc_id = '{SEED_ID}'")
    assert sorted(canonical) == sorted((c["id"], c["label"], c["canonical"], c["kb_id"]) for c in data["entities_index"])


# --------------------------------------------------------------------------- NER backends

PEOPLE = ["Ivan Petrov", "Anna Smith", "Gulnar Ichshanova", "John Brown"]
PLACES = ["Almaty", "Moscow", "Bishkek", "Tashkent"]
YEARS = ["2001", "1999", "2014"]


def synthetic_training_documents(count: int) -> list[Document]:
    """Template sentences with exact entity offsets: enough for a tiny stanza model to disagree with spaCy."""
    import random

    rng = random.Random(11)
    docs = []
    for n in range(count):
        text, entities = "", []
        for _ in range(6):
            for piece in rng.choice(["{PERSON} visited {LOC} in {DATE} .", "{PERSON} met {PERSON} in {LOC} ."]).split():
                text += " " if text and not text.endswith("\n") else ""
                if piece.startswith("{"):
                    label = piece[1:-1]
                    value = rng.choice({"PERSON": PEOPLE, "LOC": PLACES, "DATE": YEARS}[label])
                    entities.append(Entity(f"T{len(entities) + 1}", len(text), len(text) + len(value), label, value))
                    text += value
                else:
                    text += piece
            text += "\n"
        docs.append(Document(id=f"synthetic_{n:03d}", text=text, entities=entities))
    return docs


@pytest.fixture(scope="module")
def stanza_model(tmp_path_factory) -> Path:
    pytest.importorskip("stanza", reason="the stanza extra is not installed (scripts/setup.sh --with-stanza)")
    from textmine.training.stanza_ner import train_stanza_ner

    out = tmp_path_factory.mktemp("stanza_model")
    train_stanza_ner(out, seed=3, max_steps=40, eval_interval=20, vectors=None,
                     redocred_docs=synthetic_training_documents(24), gold_docs=[], batch_size=16)
    return out


# Made-up names in the templates' frames: the tiny stanza model tags them by context, spaCy reads them otherwise
# (e.g. "Smith met Brown" as one ORG), so the backends disagree here.
BACKEND_TEXT = (
    "Petrov visited Kordabad in 2014 .\n"
    "Smith met Brown in Vellmor .\n"
    "Anna met Tom in Oskaland .\n"
)


def extract_with(backend: str, model: Path, tmp_path: Path) -> dict:
    source = tmp_path / "backend.txt"
    source.write_text(BACKEND_TEXT, encoding="utf-8")
    out = tmp_path / backend
    result = runner.invoke(app, ["extract", str(source), "--out", str(out), "--ner", backend, "--stanza-dir", str(model)])
    assert result.exit_code == 0, result.output
    return json.loads((out / "backend.json").read_text(encoding="utf-8"))


def mention_set(doc: dict) -> set[tuple]:
    return {(e["start"], e["end"], e["label"]) for e in doc["entities"]}


@pytest.mark.slow
def test_ner_backends_give_their_own_mentions_through_the_cli(stanza_model, tmp_path):

    spacy_doc = extract_with("spacy", stanza_model, tmp_path)
    stanza_doc = extract_with("stanza", stanza_model, tmp_path)
    for doc, backend in ((spacy_doc, "spacy"), (stanza_doc, "stanza")):
        ner = next(c for c in doc["provenance"]["components"] if c["name"] == "ner")
        assert ner["backend"] == backend
        assert all(doc["text"][e["start"]:e["end"]] == e["text"] for e in doc["entities"])
    assert any(e["source"] == "stanza" for e in stanza_doc["entities"]), stanza_doc["entities"]
    assert not any(e["source"] == "stanza" for e in spacy_doc["entities"])
    # Where the two models disagree, the outputs differ.
    assert mention_set(spacy_doc) != mention_set(stanza_doc)


# --------------------------------------------------------------------------- train relations


@pytest.mark.slow
def test_train_relations_on_a_small_corpus_and_the_model_changes_predictions(tmp_path, monkeypatch):
    from textmine.document import Document as Doc
    from textmine.runtime.extract import ExtractConfig, Extractor

    monkeypatch.setenv("TEXTMINE_CACHE", str(tmp_path / "cache"))
    model = tmp_path / "small.skops"
    # A small corpus: 20 Re-DocRED documents (16 trained on, 4 held out), the first 12 CrossRE documents
    # of each domain and the first 30 challenge passages, besides the seed (about 70 documents, not 660).
    result = runner.invoke(app, ["train", "relations", "--out", str(model), "--redocred-docs", "20", "--crossre-docs", "12",
                                 "--challenge-docs", "30", "--seed", "5"])
    assert result.exit_code == 0, result.output
    from textmine.stages.relations.model import file_sha256

    manifest = json.loads(model.with_suffix(".manifest.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 5 and manifest["sha256"] == file_sha256(model)
    assert {name: source["documents"] for name, source in manifest["training_sources"].items()} == {
        "seed": 1, "redocred": 16, "crossre_politics": 12, "crossre_news": 12, "challenge_dev": 30,
    }

    text = SEED.read_text(encoding="utf-8")
    components = ("segmenter", "ner", "date_values", "canonical", "relations")
    small = Extractor(ExtractConfig(components=components, settings={"relations": {"model_path": str(model)}}))
    shipped = Extractor(ExtractConfig(components=components))
    with_small = small(Doc(id="seed", text=text))
    with_shipped = shipped(Doc(id="seed", text=text))
    rel_small = next(c for c in with_small.provenance["components"] if c["name"] == "relations")
    assert rel_small["model_sha256"] == manifest["sha256"]

    def relations(doc) -> set[tuple]:
        by_id = {e.id: e for e in doc.entities}
        return {(r.label, by_id[r.head].text, by_id[r.tail].text, round(r.confidence or 0, 3)) for r in doc.relations}

    # Trained on a few documents, not the whole corpus: other relations or other confidences.
    assert relations(with_small) != relations(with_shipped)
