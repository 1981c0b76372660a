"""Scoring: entity schemes against the nervaluate library, relations, segments, metadata, loading, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator
from typer.testing import CliRunner

from textmine.cli import app
from textmine.document import Document, Entity, Relation, Segment, sha256_text
from textmine.stages.metadata import metadata_field_accuracy
from textmine.evaluation.evaluate import (
    SCHEMES,
    GoldFormatError,
    Span,
    evaluate_dirs,
    evaluate_documents,
    match_spans,
    render_report,
    span_scores,
)

NERVALUATE_SCHEME = {"strict": "strict", "exact": "exact", "partial": "partial", "type": "ent_type"}
COUNT_FIELDS = ("correct", "incorrect", "partial", "missed", "spurious", "precision", "recall", "f1")


# ------------------------------------------------------------------ agreement with nervaluate

span_strategy = st.builds(
    lambda start, length, label: Span(start, start + length, label),
    st.integers(0, 300),
    # Long spans too: nervaluate needs an overlap of 1% of the gold span.
    st.one_of(st.integers(1, 12), st.integers(100, 250)),
    st.sampled_from(["ORG", "LOC", "DATE"]),
)
documents_strategy = st.lists(st.tuples(st.lists(span_strategy, max_size=8), st.lists(span_strategy, max_size=8)), min_size=1, max_size=4)


def _nervaluate(docs: list[tuple[list[Span], list[Span]]]) -> dict:
    # nervaluate's spans have inclusive ends; ours are exclusive.
    true = [[{"label": s.label, "start": s.start, "end": s.end - 1} for s in gold] for gold, _ in docs]
    pred = [[{"label": s.label, "start": s.start, "end": s.end - 1} for s in pred] for _, pred in docs]
    return Evaluator(true, pred, tags=["ORG", "LOC", "DATE"], loader="dict").evaluate()


def _ours(docs: list[tuple[list[Span], list[Span]]], scheme: str, label: str | None = None) -> dict:
    from collections import Counter

    total = Counter()
    for gold, pred in docs:
        if label:
            gold, pred = [s for s in gold if s.label == label], [s for s in pred if s.label == label]
        total.update(match_spans(gold, pred, scheme).counts())
    return span_scores(total, scheme)


@settings(max_examples=300, deadline=None)
@given(documents_strategy)
def test_entity_figures_equal_nervaluate(docs):
    expected = _nervaluate(docs)
    for scheme in SCHEMES:
        theirs = expected["overall"].get(NERVALUATE_SCHEME[scheme])
        ours = _ours(docs, scheme)
        if theirs is None:  # nervaluate reports nothing when no document has an entity
            assert ours["possible"] == ours["actual"] == 0
            continue
        assert {k: ours[k] for k in COUNT_FIELDS} == {k: getattr(theirs, k) for k in COUNT_FIELDS}, scheme
        for label, per_scheme in expected["entities"].items():
            theirs_label = per_scheme[NERVALUATE_SCHEME[scheme]]
            ours_label = _ours(docs, scheme, label)
            assert {k: ours_label[k] for k in COUNT_FIELDS} == {k: getattr(theirs_label, k) for k in COUNT_FIELDS}, (scheme, label)


def test_report_entity_figures_equal_nervaluate_on_documents():
    gold = _doc("d", [("ORG", 0, 3), ("LOC", 10, 16), ("DATE", 20, 24), ("PERSON", 30, 40)])
    pred = _doc("d", [("ORG", 0, 3), ("ORG", 10, 16), ("DATE", 19, 24), ("EVENT", 50, 55)])
    report = evaluate_documents({"d": gold}, {"d": pred})
    labels = ["ORG", "LOC", "DATE", "EVENT", "PERSON"]
    true = [[{"label": e.label, "start": e.start, "end": e.end - 1} for e in gold.entities]]
    predicted = [[{"label": e.label, "start": e.start, "end": e.end - 1} for e in pred.entities]]
    expected = Evaluator(true, predicted, tags=labels, loader="dict").evaluate()
    for scheme in SCHEMES:
        theirs = expected["overall"][NERVALUATE_SCHEME[scheme]]
        ours = report["entities"][scheme]["micro"]
        assert {k: ours[k] for k in COUNT_FIELDS} == {k: getattr(theirs, k) for k in COUNT_FIELDS}
        for label in labels:
            theirs_label = expected["entities"][label][NERVALUATE_SCHEME[scheme]]
            ours_label = report["entities"][scheme]["per_label"][label]
            assert {k: ours_label[k] for k in COUNT_FIELDS} == {k: getattr(theirs_label, k) for k in COUNT_FIELDS}


# ------------------------------------------------------------------ hand-made documents with known counts

TEXT = "The SCO met in Almaty, Kazakhstan on June 20, 2013 and in 2005. Peace Mission 2014 was held in China. Russia took part."


def _find(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def _doc(doc_id: str, spans, text: str = "", relations=(), **extra) -> Document:
    entities = []
    for i, item in enumerate(spans, 1):
        label, start, end, *value = item
        mention = text[start:end] if text else f"m{start}"
        entities.append(Entity(f"T{i}", start, end, label, mention, value=value[0] if value else None))
    rels = [Relation(f"R{i}", label, head, tail) for i, (label, head, tail) in enumerate(relations, 1)]
    return Document(id=doc_id, text=text, entities=entities, relations=rels, **extra)


def _entity(label: str, mention: str, value: str | None = None, nth: int = 0, text: str = TEXT):
    return (label, *_find(text, mention, nth), *([value] if label == "DATE" else []))


GOLD_SPANS = [
    _entity("ORG", "SCO"),
    _entity("LOC", "Almaty"),
    _entity("LOC", "Kazakhstan"),
    _entity("DATE", "June 20, 2013", "2013-06-20"),
    _entity("DATE", "2005", "2005"),
    _entity("EVENT", "Peace Mission 2014"),
    _entity("LOC", "China"),
    _entity("LOC", "Russia"),
]


def _known_case() -> tuple[Document, Document]:
    gold = _doc(
        "doc1",
        GOLD_SPANS,
        TEXT,
        relations=[("located_in", "T2", "T3"), ("held_in", "T6", "T7"), ("participant_in", "T1", "T6")],
    )
    pred = _doc(
        "doc1",
        [
            _entity("ORG", "SCO"),  # correct
            _entity("ORG", "Almaty"),  # wrong label
            _entity("LOC", "Kazakhstan"),  # correct
            ("DATE", *_find(TEXT, "20, 2013"), "2013"),  # wrong boundary
            _entity("DATE", "2005", "2006"),  # correct span, wrong value
            _entity("LOC", "China"),  # correct
            _entity("ORG", "Peace"),  # wrong label and boundary
            # "Russia" missed
            _entity("ORG", "The"),  # spurious
        ],
        TEXT,
        relations=[("located_in", "T3", "T6"), ("member_of", "T2", "T1")],  # Kazakhstan in China: spurious
    )
    return gold, pred


def test_strict_counts_and_error_kinds_on_known_case():
    gold, pred = _known_case()
    report = evaluate_documents({"doc1": gold}, {"doc1": pred})
    strict = report["entities"]["strict"]["micro"]
    assert (strict["correct"], strict["incorrect"], strict["missed"], strict["spurious"]) == (4, 3, 1, 1)
    assert strict["precision"] == strict["recall"] == pytest.approx(4 / 8)
    kinds = sorted(err["kind"] for err in report["errors"]["entities"])
    assert kinds == ["missed", "spurious", "wrong_boundary", "wrong_label", "wrong_label_and_boundary"]
    wrong_label = next(err for err in report["errors"]["entities"] if err["kind"] == "wrong_label")
    assert wrong_label["gold"]["text"] == "Almaty" and wrong_label["gold"]["label"] == "LOC" and wrong_label["pred"]["label"] == "ORG"
    pred_text_by_kind = {err["kind"]: err["pred"]["text"] for err in report["errors"]["entities"] if err["pred"]}
    assert pred_text_by_kind["wrong_boundary"] == "20, 2013"  # same label (DATE), other span
    assert pred_text_by_kind["wrong_label_and_boundary"] == "Peace"
    per_label = report["entities"]["strict"]["per_label"]
    # Per label, a wrong label is a miss for the gold label and spurious for the predicted one.
    assert (per_label["LOC"]["correct"], per_label["LOC"]["missed"]) == (2, 2)
    assert (per_label["ORG"]["correct"], per_label["ORG"]["spurious"]) == (1, 3)
    assert per_label["PERSON"] == span_scores(__import__("collections").Counter(), "strict")
    exact = report["entities"]["exact"]["micro"]
    assert exact["correct"] == 5  # Almaty counts once labels are ignored


def test_date_value_accuracy_counts_strict_matches_with_gold_value():
    gold, pred = _known_case()
    report = evaluate_documents({"doc1": gold}, {"doc1": pred})
    # Only "2005" is strict-matched (June 20, 2013 has a wrong boundary); its value is wrong.
    assert report["date_values"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert report["errors"]["date_values"][0]["gold"]["value"] == "2005"
    pred.entities[4].value = "2005"
    gold.entities.append(Entity("T99", *_find(TEXT, "held"), "DATE", "held", value=None))
    pred.entities.append(Entity("T99", *_find(TEXT, "held"), "DATE", "held", value="2001"))
    report = evaluate_documents({"doc1": gold}, {"doc1": pred})
    assert report["date_values"] == {"correct": 1, "total": 1, "accuracy": 1.0}  # null gold values are not scored


def test_relation_scores_at_mention_and_fact_level():
    gold, pred = _known_case()
    report = evaluate_documents({"doc1": gold}, {"doc1": pred})
    # Mention level: no relation has both arguments strict-matched with the gold labels.
    mention = report["relations"]["mention"]["micro"]
    assert (mention["tp"], mention["fp"], mention["fn"]) == (0, 2, 3)
    # Fact level: texts only, so member_of(almaty, sco) is spurious and located_in(kazakhstan, china) too.
    fact = report["relations"]["fact"]
    assert (fact["micro"]["tp"], fact["micro"]["fp"], fact["micro"]["fn"]) == (0, 2, 3)
    assert fact["per_label"]["held_in"]["fn"] == 1
    missed = {(e["label"], e["head"], e["tail"]) for e in report["errors"]["relations"] if e["kind"] == "missed"}
    assert ("held_in", "peace mission 2014", "china") in missed


def test_fact_level_is_case_and_space_insensitive_deduplicated_and_symmetric():
    text = "Shanghai Cooperation Organization (SCO) partners the CSTO. The Shanghai\nCooperation  organization (sco) partners the CSTO."
    full, sco, csto = "Shanghai Cooperation Organization", "SCO", "CSTO"
    gold = _doc(
        "d",
        [_entity("ORG", full, text=text), _entity("ORG", sco, text=text), _entity("ORG", csto, text=text)],
        text,
        relations=[("alias_of", "T2", "T1"), ("partner_of", "T2", "T3")],
    )
    pred = _doc(
        "d",
        [
            _entity("ORG", full, text=text),
            _entity("ORG", sco, text=text),
            _entity("ORG", csto, text=text),
            _entity("ORG", "Shanghai\nCooperation  organization", text=text),
            _entity("ORG", "sco", text=text),
            _entity("ORG", csto, nth=1, text=text),
        ],
        text,
        # Each gold fact stated twice, reversed, once through other mentions written differently.
        relations=[("alias_of", "T1", "T2"), ("alias_of", "T5", "T4"), ("partner_of", "T6", "T2"), ("partner_of", "T3", "T5")],
    )
    report = evaluate_documents({"d": gold}, {"d": pred})
    fact = report["relations"]["fact"]["micro"]
    assert (fact["tp"], fact["fp"], fact["fn"]) == (2, 0, 0)
    # Mention level needs the gold spans: only the reversed alias_of over the gold mentions matches.
    mention = report["relations"]["mention"]["micro"]
    assert (mention["tp"], mention["fp"], mention["fn"]) == (1, 3, 1)


def test_mention_level_symmetric_relation_matches_reversed():
    gold = _doc("d", [("ORG", 0, 3), ("ORG", 5, 9)], relations=[("partner_of", "T1", "T2")])
    pred = _doc("d", [("ORG", 0, 3), ("ORG", 5, 9)], relations=[("partner_of", "T2", "T1")])
    pred_directed = _doc("d", [("ORG", 0, 3), ("ORG", 5, 9)], relations=[("part_of", "T2", "T1")])
    gold_directed = _doc("d", [("ORG", 0, 3), ("ORG", 5, 9)], relations=[("part_of", "T1", "T2")])
    assert evaluate_documents({"d": gold}, {"d": pred})["relations"]["mention"]["micro"]["f1"] == 1.0
    assert evaluate_documents({"d": gold_directed}, {"d": pred_directed})["relations"]["mention"]["micro"]["f1"] == 0.0


def test_segment_accuracy_is_micro_averaged_over_documents_with_gold_segments():
    gold_a = _doc("a", [], "x" * 100, segments=[Segment(0, 10, "ru", "wrapper"), Segment(10, 100, "en", "article")])
    pred_a = _doc("a", [], "x" * 100, segments=[Segment(0, 20, "ru", "wrapper"), Segment(20, 100, "en", "article")])
    # Gold without text: the segments give the length; the missing prediction scores 0.
    gold_b = _doc("b", [], "", segments=[Segment(0, 300, "en", "article")])
    gold_c = _doc("c", [], "no segments in this gold")
    report = evaluate_documents({"a": gold_a, "b": gold_b, "c": gold_c}, {"a": pred_a, "c": gold_c})
    segments = report["segments"]
    assert segments["per_document"] == {"a": pytest.approx(0.9), "b": 0.0}
    assert (segments["correct_chars"], segments["total_chars"], segments["documents"]) == (90, 400, 2)
    assert segments["accuracy"] == pytest.approx(90 / 400)


def _metadata(**overrides):
    meta = {
        "title": "SCO and security",
        "journal": "Paradigmata poznání",
        "year": 2021,
        "issue": "1",
        "authors": [{"name": "G. T. Ichshanova", "orcid": "0000-0002-2912-2752", "email": None, "affiliation": None}],
        "affiliation_place": None,
        "references": [
            {"number": 1, "text": "A", "url": None, "accessed": None},
            {"number": 2, "text": "B", "url": "http://x.org", "accessed": "2020-11-27"},
        ],
    }
    meta.update(overrides)
    return meta


def test_metadata_accuracy_averages_field_scores_over_documents_and_lists_wrong_fields():
    gold_a = _doc("a", [], metadata=_metadata())
    pred_a = _doc("a", [], metadata=_metadata(year=2020))
    pred_a.metadata["references"] = [pred_a.metadata["references"][1]]  # reference 1 not found
    gold_b = _doc("b", [], metadata={"title": "Other", "issue": "2"})
    gold_c = _doc("c", [])  # no gold metadata: not scored
    report = evaluate_documents({"a": gold_a, "b": gold_b, "c": gold_c}, {"a": pred_a, "c": gold_c})
    meta = report["metadata"]
    assert meta["documents"] == 2
    assert meta["per_field"]["year"] == 0.0
    assert meta["per_field"]["title"] == 0.5  # right in "a", document "b" has no prediction
    assert meta["per_field"]["references.url"] == 0.5
    scores = [*metadata_field_accuracy(gold_a.metadata, pred_a.metadata).values(), *metadata_field_accuracy(gold_b.metadata, {}).values()]
    assert meta["fields"] == len(scores) and meta["accuracy"] == pytest.approx(sum(scores) / len(scores))
    wrong = {(e["document"], e["field"]): e for e in report["errors"]["metadata"]}
    assert wrong[("a", "year")]["gold"] == 2021 and wrong[("a", "year")]["pred"] == 2020
    assert wrong[("a", "references.text")]["gold"] == ["A", "B"] and wrong[("a", "references.text")]["pred"] == ["B"]
    assert ("a", "title") not in wrong and ("b", "title") in wrong and ("b", "issue") in wrong


# ------------------------------------------------------------------ loading files


def _write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _gold_dict(doc: Document, with_text: bool = False) -> dict:
    data = doc.to_dict()
    data["text_sha256"] = sha256_text(TEXT)
    if not with_text:
        del data["text"]
    return data


def test_evaluate_dirs_matches_by_id_and_lists_missing_and_unmatched(tmp_path):
    gold, pred = _known_case()
    other_gold = _doc("doc2", [_entity("LOC", "China")], TEXT)
    _write(tmp_path / "gold" / "doc1.json", _gold_dict(gold))
    (tmp_path / "gold" / "more").mkdir()
    (tmp_path / "gold" / "more" / "docs.jsonl").write_text(json.dumps(_gold_dict(other_gold)) + "\n\n", encoding="utf-8")
    _write(tmp_path / "pred" / "any-name.json", pred.to_dict())
    stray = _doc("stray", [], TEXT)
    _write(tmp_path / "pred" / "stray.json", stray.to_dict())
    (tmp_path / "pred" / "broken.json").write_text("{not json", encoding="utf-8")

    report = evaluate_dirs(tmp_path / "gold", tmp_path / "pred")
    assert report["documents"]["gold"] == 2 and report["documents"]["scored"] == 1
    assert report["documents"]["missing_predictions"] == ["doc2"]
    assert report["documents"]["unmatched_predictions"] == ["stray"]
    assert any("broken.json" in p and "invalid JSON" in p for p in report["documents"]["problems"])
    strict = report["entities"]["strict"]["micro"]
    assert strict["missed"] == 2  # doc1's "Russia" plus doc2's unpredicted "China"
    assert report["entities"]["strict"]["per_label"]["LOC"]["missed"] == 3  # Almaty (labelled ORG), Russia, China
    # A single file works as well as a folder.
    single = evaluate_dirs(tmp_path / "gold" / "doc1.json", tmp_path / "pred" / "any-name.json")
    assert single["documents"]["missing_predictions"] == [] and single["entities"]["strict"]["micro"]["correct"] == 4


def test_report_is_json_serialisable_and_stable(tmp_path):
    gold, pred = _known_case()
    _write(tmp_path / "gold.json", _gold_dict(gold))
    _write(tmp_path / "pred.json", pred.to_dict())
    first = json.dumps(evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json"), sort_keys=False)
    second = json.dumps(evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json"), sort_keys=False)
    assert first == second


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda d: d["entities"][3].pop("start"), "entities[3].start: missing"),
        (lambda d: d["entities"][1].update(end="12"), "entities[1].end: expected integer"),
        (lambda d: d["entities"][0].update(label="GPE"), "entities[0].label"),
        (lambda d: d["entities"][3].pop("value"), "entities[3].value: missing"),
        (lambda d: d["relations"][0].update(head="T42"), "relations[0].head: no entity with id 'T42'"),
        (lambda d: d.pop("id"), "id: missing"),
    ],
)
def test_malformed_gold_names_file_and_field(tmp_path, breakage, expected):
    gold, _ = _known_case()
    data = _gold_dict(gold)
    breakage(data)
    path = _write(tmp_path / "gold" / "x.json", data)
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(tmp_path / "gold", tmp_path / "gold")
    assert str(info.value).startswith(f"{path}: {expected}")


def test_an_empty_gold_span_is_named_with_its_offsets(tmp_path):
    gold, _ = _known_case()
    data = _gold_dict(gold)
    start = data["entities"][2]["start"]
    data["entities"][2]["end"] = start
    path = _write(tmp_path / "gold" / "x.json", data)
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(tmp_path / "gold", tmp_path / "gold")
    assert str(info.value).startswith(f"{path}: entities[2].end: end {start} is not after start {start}")


def test_empty_or_missing_gold_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFormatError, match="no gold documents"):
        evaluate_dirs(tmp_path / "empty", tmp_path / "empty")
    with pytest.raises(GoldFormatError, match="missing: no such file or directory"):
        evaluate_dirs(tmp_path / "missing", tmp_path / "empty")


def test_gold_with_bad_json_or_duplicate_id(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.json").write_text('{"id": ', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"x\.json: invalid JSON"):
        evaluate_dirs(tmp_path / "bad", tmp_path / "bad")
    gold, _ = _known_case()
    _write(tmp_path / "dup" / "a.json", _gold_dict(gold))
    _write(tmp_path / "dup" / "b.json", _gold_dict(gold))
    with pytest.raises(GoldFormatError, match=r"b\.json: id: document id 'doc1' also in .*a\.json"):
        evaluate_dirs(tmp_path / "dup", tmp_path / "dup")


def test_cli_evaluate_tables_json_and_exit_code(tmp_path):
    gold, pred = _known_case()
    gold.segments = [Segment(0, 4, "en", "wrapper"), Segment(4, len(TEXT), "en", "article")]
    pred.segments = [Segment(0, len(TEXT), "en", "article")]
    gold.metadata = {"title": "SCO", "year": 2021}
    pred.metadata = {"title": "SCO", "year": 2020}
    _write(tmp_path / "gold" / "doc1.json", _gold_dict(gold))
    _write(tmp_path / "pred" / "doc1.json", pred.to_dict())
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred")])
    assert result.exit_code == 0, result.output
    out = result.output
    for needle in ("Entities, strict (headline)", "Entities, type", "DATE value accuracy: 0.000", "Relations, fact level",
                   f"Segment character accuracy: {1 - 4 / len(TEXT):.3f}", "Metadata field accuracy: 0.500", "wrong_label", "Peace Mission 2014",
                   "year (0.000): gold 2021, pred 2020"):
        assert needle in out
    assert "\x1b[" not in out  # no colour codes in plain output

    as_json = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred"), "--json"])
    assert as_json.exit_code == 0
    figures = json.loads(as_json.output)
    assert figures["entities"]["strict"]["micro"]["correct"] == 4
    assert figures["segments"]["accuracy"] == pytest.approx(1 - 4 / len(TEXT))
    assert render_report(figures).strip() == out.strip()

    (tmp_path / "gold" / "doc1.json").write_text('{"id": "doc1", "entities": []}', encoding="utf-8")
    failed = runner.invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred")])
    assert failed.exit_code == 2
    assert "doc1.json: relations: missing (and 1 more" in failed.output


def test_predictions_breaking_the_schema_where_scoring_does_not_look_are_still_scored(tmp_path):
    gold, pred = _known_case()
    _write(tmp_path / "gold.json", _gold_dict(gold))
    data = pred.to_dict()
    data["entities"][4]["value"] = "around 2005"  # not a TIMEX value: scored as a wrong value
    data["entities"].append({"id": "T99", "start": 0, "end": 3, "label": "NORP", "text": "The"})
    data["relations"].append({"id": "R99", "label": "located_at", "head": "T1", "tail": "T2"})
    _write(tmp_path / "pred.json", data)
    report = evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json")
    assert report["documents"]["scored"] == 1
    assert report["entities"]["strict"]["micro"]["correct"] == 4
    problems = "\n".join(report["documents"]["problems"])
    assert "scored anyway" in problems
    assert "labels NORP not scored" in problems
    assert "unknown label 'located_at'" in problems
    assert report["relations"]["fact"]["micro"]["fp"] == 2

    without_relations = pred.to_dict()
    del without_relations["relations"]
    _write(tmp_path / "pred.json", without_relations)
    report = evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json")
    assert report["documents"]["scored"] == 1 and report["relations"]["fact"]["micro"]["fn"] == 3

    broken = pred.to_dict()
    del broken["entities"][0]["start"]
    _write(tmp_path / "pred.json", broken)
    report = evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json")
    assert report["documents"]["scored"] == 0 and report["documents"]["missing_predictions"] == ["doc1"]
    assert any("entities[0].start: missing; prediction not scored" in p for p in report["documents"]["problems"])


@pytest.mark.parametrize(
    "field_name, keyword, fatal",
    [
        ("id", "required", True),
        ("document", "type", True),
        ("entities[2].start", "required", True),
        ("relations[0].head", "type", True),
        ("segments[1]", "type", True),
        ("entities", "type", True),
        ("entities", "required", False),
        ("relations", "required", False),
        ("segments", "required", False),  # no segments predicted: scored as none
        ("entities[2].value", "required", False),
        ("relations[0].confidence", "type", False),
        ("entities[0].label", "enum", False),
        ("metadata.year", "type", False),
        ("text_sha256", "required", False),
    ],
)
def test_which_schema_errors_make_a_prediction_unscorable(field_name, keyword, fatal):
    from textmine.evaluation.evaluate import _breaks_scoring

    assert _breaks_scoring(field_name, keyword) is fatal


def test_render_prints_mention_texts_literally():
    text = "See [bold]Acme[/bold] :smile: Inc."
    gold = _doc("d", [("ORG", 0, len(text))], text)
    out = render_report(evaluate_documents({"d": gold}, {}))
    assert repr(text) in out


def test_cli_evaluate_exits_1_when_no_prediction_matches_a_gold_document(tmp_path):
    gold, pred = _known_case()
    pred.id = "another_id"
    _write(tmp_path / "gold" / "doc1.json", _gold_dict(gold))
    _write(tmp_path / "pred" / "another_id.json", pred.to_dict())
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "pred")])
    assert result.exit_code == 1
    assert "nothing was scored" in result.stderr


# --------------------------------------------------------------------------- mutants that survived (docs/testing.md)


def test_an_unknown_scheme_is_refused_with_the_schemes_named():
    with pytest.raises(ValueError, match=r"^unknown scheme 'ent_type'; one of \('strict', 'exact', 'partial', 'type'\)$"):
        match_spans([Span(0, 3, "ORG")], [Span(0, 3, "ORG")], "ent_type")


def test_type_scheme_takes_the_same_label_gold_with_the_closest_boundaries():
    # The first prediction overlaps both gold LOCs; the closer one (12-20) is its match, which
    # leaves 0-15 for the second prediction, which overlaps nothing else.
    gold = [Span(0, 15, "LOC"), Span(12, 20, "LOC")]
    pred = [Span(10, 20, "LOC"), Span(0, 5, "LOC")]
    outcome = match_spans(gold, pred, "type")
    assert outcome.correct == [(0, 1), (1, 0)] and outcome.spurious == [] and outcome.missed == []
    theirs = _nervaluate([(gold, pred)])["overall"]["ent_type"]
    assert (theirs.correct, theirs.spurious, theirs.missed) == (2, 0, 0)


def test_precision_recall_and_f1_of_counts_including_empty_sides():
    from textmine.evaluation.evaluate import prf

    # Nothing predicted: precision is 0, not a perfect 1 (and F1 stays 0).
    assert prf(0, 0, 3) == {"tp": 0, "fp": 0, "fn": 3, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    # As many found as missed: recall one half.
    half = prf(2, 0, 2)
    assert (half["precision"], half["recall"]) == (1.0, 0.5) and half["f1"] == pytest.approx(2 / 3)
    assert prf(0, 2, 0)["recall"] == 0.0 and prf(0, 0, 0)["f1"] == 0.0
    # As many false as true positives: precision one half.
    assert prf(3, 3, 0)["precision"] == 0.5


@pytest.mark.parametrize("errors", [1, 2, 3])
def test_a_scored_prediction_with_schema_errors_names_the_first_and_counts_the_rest(tmp_path, errors):
    gold, pred = _known_case()
    _write(tmp_path / "gold.json", _gold_dict(gold))
    data = pred.to_dict()
    data["relations"].append(dict(data["relations"][0], id="R3"))
    for relation in data["relations"][:errors]:
        relation["confidence"] = "high"  # not a number: a schema error that scoring does not look at
    _write(tmp_path / "pred.json", data)
    report = evaluate_dirs(tmp_path / "gold.json", tmp_path / "pred.json")
    (problem,) = report["documents"]["problems"]
    assert "relations[0].confidence" in problem and problem.endswith("scored anyway"), problem
    more = {1: None, 2: " and 1 more (see", 3: " and 2 more (see"}[errors]
    assert (more in problem) if more else (" more" not in problem), problem


def test_gold_files_errors_are_the_whole_messages(tmp_path):
    # One problem: named alone, with no "(and N more ...)".
    gold, _ = _known_case()
    data = _gold_dict(gold)
    del data["id"]
    one = _write(tmp_path / "one" / "x.json", data)
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(one, one)
    assert str(info.value) == f"{one}: id: missing"
    bad = tmp_path / "bad.json"
    bad.write_text('{"id": ', encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(bad, bad)
    assert str(info.value) == f"{bad}: invalid JSON: Expecting value: line 1 column 8 (char 7)"  # json's own words
    first = _write(tmp_path / "dup" / "a.json", _gold_dict(gold))
    second = _write(tmp_path / "dup" / "b.json", _gold_dict(gold))
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(tmp_path / "dup", tmp_path / "dup")
    assert str(info.value) == f"{second}: id: document id 'doc1' also in {first}"
    (tmp_path / "empty").mkdir()
    with pytest.raises(GoldFormatError) as info:
        evaluate_dirs(tmp_path / "empty", tmp_path / "empty")
    assert str(info.value) == f"{tmp_path / 'empty'}: no gold documents (*.json or *.jsonl) to score against"


def test_segment_accuracy_counts_the_gold_text_past_its_last_segment(tmp_path):
    text = "An article. " * 10  # 120 characters; the gold leaves the last 40 without a segment
    gold = Document(id="d", text=text, segments=[Segment(0, 80, "en", "article")])
    pred = Document(id="d", text=text, segments=[Segment(0, 120, "en", "article")])
    gold_path = _write(tmp_path / "gold.json", gold.to_dict())
    pred_path = _write(tmp_path / "pred.json", pred.to_dict())
    segments = evaluate_dirs(gold_path, pred_path)["segments"]
    # the text's 120 characters are scored: the 40 the prediction labels and the gold does not are wrong
    assert (segments["correct_chars"], segments["total_chars"]) == (80, 120)


def test_an_unreadable_prediction_is_listed_with_its_file_and_json_error(tmp_path):
    gold, _ = _known_case()
    gold_path = _write(tmp_path / "gold.json", _gold_dict(gold))
    broken = tmp_path / "pred" / "doc1.json"
    broken.parent.mkdir()
    broken.write_text('{"id": ', encoding="utf-8")
    report = evaluate_dirs(gold_path, tmp_path / "pred")
    assert report["documents"]["problems"] == [f"{broken}: invalid JSON: Expecting value: line 1 column 8 (char 7)"]


def test_each_prediction_problem_is_one_whole_line_and_the_files_after_it_are_read(tmp_path):
    gold, pred = _known_case()
    gold_path = _write(tmp_path / "gold.json", _gold_dict(gold))
    folder = tmp_path / "pred"
    unscorable = dict(pred.to_dict(), id="a")
    del unscorable["entities"][0]["start"]
    odd = dict(pred.to_dict(), id="b")
    odd["relations"][0]["confidence"] = "high"  # one schema error that scoring does not look at
    paths = [
        _write(folder / "a.json", unscorable),
        _write(folder / "b.json", odd),
        _write(folder / "c.json", pred.to_dict()),
        _write(folder / "d.json", pred.to_dict()),  # doc1 again
        _write(folder / "e.json", dict(pred.to_dict(), id="e")),
    ]
    report = evaluate_dirs(gold_path, folder)
    problems = report["documents"]["problems"]
    assert problems[0] == f"{paths[0]}: entities[0].start: missing; prediction not scored"
    assert problems[1] == f"{paths[1]}: relations[0].confidence: expected number, got string 'high' (see `textmine validate`); scored anyway"
    assert problems[2] == f"{paths[3]}: id: document id 'doc1' also in {paths[2]}; ignored"
    assert len(problems) == 3, problems
    assert report["documents"]["unmatched_predictions"] == ["b", "e"]


def test_date_value_accuracy_adds_up_over_mentions_and_documents():
    text = "Founded in 2001, renamed in May 2005."
    dates = [("DATE", *_find(text, "2001"), "2001"), ("DATE", *_find(text, "May 2005"), "2005-05")]
    gold = {"a": _doc("a", dates, text), "b": _doc("b", dates, text)}
    pred = {"a": _doc("a", dates, text), "b": _doc("b", [dates[0], ("DATE", *_find(text, "May 2005"), "2005")], text)}
    # four strict-matched DATEs with a gold value; one has a wrong value
    assert evaluate_documents(gold, pred)["date_values"] == {"correct": 3, "total": 4, "accuracy": 0.75}


def test_relation_counts_add_up_and_unscorable_relations_are_each_named(tmp_path):
    from textmine.evaluation.evaluate import relation_keys

    text = "Almaty and Astana are in Kazakhstan; Moscow is in Russia; Beijing and Shanghai are in China."
    places = ["Almaty", "Astana", "Kazakhstan", "Moscow", "Russia", "Beijing", "Shanghai", "China"]
    spans = [("LOC", *_find(text, place)) for place in places]  # T1 .. T8 in this order
    gold = _doc("d", spans, text, relations=[("located_in", "T1", "T3"), ("located_in", "T2", "T3"), ("located_in", "T4", "T5"), ("located_in", "T6", "T8")])
    pred = _doc(
        "d",
        spans,
        text,
        relations=[
            ("located_at", "T1", "T3"),  # not a label of the project
            ("located_in", "T98", "T3"),  # no such head
            ("located_in", "T1", "T99"),  # no such tail
            ("located_in", "T1", "T3"),
            ("located_in", "T2", "T3"),
            ("located_in", "T7", "T8"),  # Shanghai in China: not in the gold
        ],
    )
    mentions, facts, problems = relation_keys(pred)
    assert problems == [
        "d: relation R1: unknown label 'located_at'; not scored",
        "d: relation R2: argument T98 not among the entities; not scored",
        "d: relation R3: argument T99 not among the entities; not scored",
    ]
    assert len(mentions) == len(facts) == 3
    report = evaluate_documents({"d": gold}, {"d": pred})
    for level in ("mention", "fact"):
        scores = report["relations"][level]["per_label"]["located_in"]
        assert (scores["tp"], scores["fp"], scores["fn"]) == (2, 1, 2)
    assert [(e["kind"], e["head"], e["tail"]) for e in report["errors"]["relations"]] == [
        ("missed", "beijing", "china"), ("missed", "moscow", "russia"), ("spurious", "shanghai", "china")
    ]


def test_predicted_entities_of_other_labels_are_counted_and_named_in_one_problem():
    text = "The Kazakh delegation met at the Palace of Peace in Astana."
    gold = _doc("d", [("LOC", *_find(text, "Astana"))], text)
    pred = _doc("d", [("NORP", *_find(text, "Kazakh")), ("FAC", *_find(text, "Palace of Peace")), ("LOC", *_find(text, "Astana"))], text)
    report = evaluate_documents({"d": gold}, {"d": pred})
    assert report["documents"]["problems"] == ["d: 2 predicted entities with labels FAC, NORP not scored"]
    assert report["entities"]["strict"]["micro"]["correct"] == 1 and report["entities"]["strict"]["micro"]["spurious"] == 0


# --------------------------------------------------------------------------- the rendered report


def _table(out: str, title: str) -> list[list[str]]:
    """The rows (header first) of the ASCII table titled ``title`` in ``out``, each cell as printed, padding included."""
    lines = out.splitlines()
    start = lines.index(title)
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("|-"):
            continue
        if line.startswith("+") and rows:
            break
        if line.startswith("|"):
            rows.append(line.split("|")[1:-1])
    return rows


def _rendered_case() -> tuple[dict, str]:
    text = "Acme Corp opened in Paris on 3 May 2020 with Bolt Ltd."
    gold_a = _doc(
        "a",
        [_entity("ORG", "Acme Corp", text=text), _entity("LOC", "Paris", text=text), _entity("DATE", "3 May 2020", "2020-05-03", text=text),
         _entity("ORG", "Bolt Ltd", text=text)],
        text,
        relations=[("located_in", "T1", "T2"), ("partner_of", "T1", "T4")],
        segments=[Segment(0, 20, "en", "article"), Segment(20, len(text), "en", "wrapper")],
        metadata={"title": "Acme", "authors": [{"name": "A. One"}, {"name": "B. Two"}]},
    )
    pred_a = _doc(
        "a",
        [("ORG", *_find(text, "Acme")), _entity("LOC", "Paris", text=text), _entity("DATE", "3 May 2020", "2020-05", text=text),
         ("NORP", *_find(text, "opened")), ("DATE", *_find(text, "May"), "2020-05")],
        text,
        relations=[("located_in", "T1", "T2"), ("founded_by", "T1", "T2"), ("member_of", "T2", "T1")],
        segments=[Segment(0, len(text), "en", "article")],
        metadata={"title": "Acme Corp", "authors": [{"name": "A. One"}, {"name": "C. Three"}]},
    )
    long_name = " ".join(["Summit"] * 24)  # its error line is longer than the console's 160 columns
    gold_b = _doc("b", [("EVENT", 0, len(long_name))], long_name)
    empty = {name: _doc(name, [], "") for name in ("c", "stray", "stray2")}
    report = evaluate_documents({"a": gold_a, "b": gold_b, "c": empty["c"]}, {"a": pred_a, "stray": empty["stray"], "stray2": empty["stray2"]})
    return report, render_report(report)


def test_rendered_report_states_documents_problems_and_every_error_on_its_own_line():
    report, out = _rendered_case()
    lines = out.splitlines()
    long_name = " ".join(["Summit"] * 24)
    expected = [
        "Documents: 3 gold, 3 predicted, 1 scored",
        "No prediction (scored as all missed): b, c",
        "Predictions without gold (ignored): stray, stray2",
        "Problem: a: 1 predicted entities with labels NORP not scored",
        "Problem: a: relation R2: unknown label 'founded_by'; not scored",
        "DATE value accuracy: 0.000 (0/1 strict-matched DATEs with a gold value)",
        "Segment character accuracy: 0.370 (20/54 chars, 1 documents)",
        "Metadata field accuracy: 0.700 (mean over 5 fields, 1 documents)",
        "Entity errors (4):",
        "  a  wrong_boundary           gold: ORG [0:9] 'Acme Corp'  pred: ORG [0:4] 'Acme'",
        "  a  spurious                 gold: -  pred: DATE [31:34] 'May' value=2020-05",
        "  a  missed                   gold: ORG [45:53] 'Bolt Ltd'  pred: -",
        f"  b  missed                   gold: EVENT [0:{len(long_name)}] {long_name!r}  pred: -",
        "DATE value errors (1):",
        "  a  [29:39] '3 May 2020': gold 2020-05-03, pred 2020-05",
        "Relation fact errors (4):",
        "  a  missed    located_in('acme corp', 'paris')",
        "  a  missed    partner_of('acme corp', 'bolt ltd')",
        "  a  spurious  located_in('acme', 'paris')",
        "  a  spurious  member_of('paris', 'acme')",
        "Metadata errors (2):",
        "  a  title (0.000): gold 'Acme', pred 'Acme Corp'",
        "  a  authors.name (0.500): gold only: 'B. Two'; pred only: 'C. Three'",
    ]
    assert [line for line in lines if line in expected] == expected, out
    assert len(expected[12]) > 160  # printed whole, not wrapped
    # Each list of errors follows its heading directly, in the report's order.
    for heading, count in (("Entity errors (4):", 4), ("Relation fact errors (4):", 4), ("Metadata errors (2):", 2)):
        at = lines.index(heading)
        assert lines[at + 1 : at + 1 + count] == expected[expected.index(heading) + 1 : expected.index(heading) + 1 + count]
    assert report["segments"]["per_document"] == {"a": pytest.approx(20 / 54)}


def test_rendered_tables_state_the_reports_figures_right_aligned():
    report, out = _rendered_case()
    assert "Entities, strict (headline)" in out.splitlines()
    for scheme in SCHEMES:
        title = f"Entities, {scheme}" + (" (headline)" if scheme == "strict" else "")
        header, *rows = _table(out, title)
        assert [cell.strip() for cell in header] == ["label", "correct", "incorrect", "partial", "missed", "spurious", "P", "R", "F1"]
        figures = report["entities"][scheme]
        assert [row[0].strip() for row in rows] == [*figures["per_label"], "micro"]
        for row, scores in zip(rows, [*figures["per_label"].values(), figures["micro"]]):
            counts = [str(scores[k]) for k in ("correct", "incorrect", "partial", "missed", "spurious")]
            measured = scores["possible"] or scores["actual"]
            prf_cells = [f"{scores[k]:.3f}" for k in ("precision", "recall", "f1")] if measured else ["-"] * 3
            assert [cell.strip() for cell in row[1:]] == counts + prf_cells, (scheme, row)
            assert row[0] == f" {row[0].strip():<{len(row[0]) - 2}} " and all(cell == f" {cell.strip():>{len(cell) - 2}} " for cell in row[1:])
    strict = _table(out, "Entities, strict (headline)")
    # No ORG or EVENT found: measured as 0 (the EVENT even with nothing predicted), not left blank; no PERSON: blank.
    assert [cell.strip() for cell in strict[1]] == ["ORG", "0", "1", "0", "1", "0", "0.000", "0.000", "0.000"]
    assert [cell.strip() for cell in strict[4]] == ["EVENT", "0", "0", "0", "1", "0", "0.000", "0.000", "0.000"]
    assert [cell.strip() for cell in strict[5]] == ["PERSON", "0", "0", "0", "0", "0", "-", "-", "-"]
    assert [cell.strip() for cell in strict[-1]] == ["micro", "2", "1", "0", "2", "1", "0.500", "0.400", "0.444"]
    for level in ("mention", "fact"):
        header, *rows = _table(out, f"Relations, {level} level")
        assert [cell.strip() for cell in header] == ["label", "tp", "fp", "fn", "P", "R", "F1"]
        figures = report["relations"][level]
        assert [row[0].strip() for row in rows] == [*figures["per_label"], "micro"]
        for row, scores in zip(rows, [*figures["per_label"].values(), figures["micro"]]):
            measured = scores["tp"] or scores["fp"] or scores["fn"]
            prf_cells = [f"{scores[k]:.3f}" for k in ("precision", "recall", "f1")] if measured else ["-"] * 3
            assert [cell.strip() for cell in row[1:]] == [str(scores["tp"]), str(scores["fp"]), str(scores["fn"]), *prf_cells]
            assert row[0] == f" {row[0].strip():<{len(row[0]) - 2}} " and all(cell == f" {cell.strip():>{len(cell) - 2}} " for cell in row[1:])
        cells = {row[0].strip(): [cell.strip() for cell in row[1:]] for row in rows}
        assert cells["located_in"] == ["0", "1", "1", "0.000", "0.000", "0.000"]
        assert cells["partner_of"] == ["0", "0", "1", "0.000", "0.000", "0.000"]  # only missed: still measured
        assert cells["member_of"] == ["0", "1", "0", "0.000", "0.000", "0.000"]  # only spurious: measured too
    header, *rows = _table(out, "Metadata fields")
    assert [cell.strip() for cell in header] == ["field", "accuracy"]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["authors.affiliation", "1.000"], ["authors.email", "1.000"], ["authors.name", "0.500"], ["authors.orcid", "1.000"], ["title", "0.000"]
    ]
    assert all(row[1] == f" {row[1].strip():>{len(row[1]) - 2}} " for row in rows)


def test_a_report_with_nothing_to_measure_prints_dashes_and_no_empty_sections():
    empty = Document(id="d", text="")
    out = render_report(evaluate_documents({"d": empty}, {"d": empty}))
    lines = out.splitlines()
    assert lines[0] == "Documents: 1 gold, 1 predicted, 1 scored"
    assert "DATE value accuracy: - (0/0 strict-matched DATEs with a gold value)" in lines
    assert "Segment character accuracy: - (0/0 chars, 0 documents)" in lines
    assert "Metadata field accuracy: - (mean over 0 fields, 0 documents)" in lines
    assert all(heading in lines for heading in ("Entity errors (0):", "DATE value errors (0):", "Relation fact errors (0):", "Metadata errors (0):"))
    for absent in ("No prediction", "Predictions without gold", "Problem:", "Metadata fields"):
        assert absent not in out


def test_long_metadata_values_are_cut_to_80_characters_and_lists_show_only_their_differences():
    from textmine.evaluation.evaluate import _metadata_difference, _short

    assert _short("x" * 78) == repr("x" * 78)  # its repr is 80 characters: kept whole
    assert _short("x" * 79) == repr("x" * 79)[:77] + "..." and len(_short("x" * 79)) == 80
    assert _short("x" * 10, limit=8) == "'xxxx..."
    assert _metadata_difference({"gold": ["A", "B"], "pred": ["A", "B", "C"]}) == "gold only: -; pred only: 'C'"
    assert _metadata_difference({"gold": ["A", "B"], "pred": []}) == "gold only: 'A', 'B'; pred only: -"
    assert _metadata_difference({"gold": ["A"], "pred": ["B", "C", "A"]}) == "gold only: -; pred only: 'B', 'C'"
    # A prediction's scalar field given as a list (a schema error, scored anyway) is shown as it is.
    assert _metadata_difference({"gold": "Acme", "pred": ["Acme", "Corp"]}) == "gold 'Acme', pred ['Acme', 'Corp']"
    assert _metadata_difference({"gold": ["Acme"], "pred": "Acme"}) == "gold ['Acme'], pred 'Acme'"
