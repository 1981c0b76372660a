"""The JSON Schema of outputs and gold files (pipeline/schema/textmine.schema.json)."""

from __future__ import annotations

import copy

import pytest
from jsonschema import Draft202012Validator

from textmine.document import ENTITY_LABELS, RELATION_TYPES, Document, Entity, Relation, Segment
from textmine.evaluation.validate import load_schema, schema_problems, schema_validator

TEXT = "SCO summit in Astana (now Nursultan) on June 20, 2013.\nG. T. Ichshanova, University of International Business"


def _span(mention: str) -> tuple[int, int]:
    start = TEXT.index(mention)
    return start, start + len(mention)


def output_dict() -> dict:
    """A complete pipeline output, as Document.to_dict writes it."""
    entities = [
        Entity("T1", *_span("SCO summit"), "EVENT", "SCO summit", source="pattern:event", canonical="SCO summit"),
        Entity("T2", *_span("Astana"), "LOC", "Astana", source="gazetteer", canonical="Astana", confidence=0.9),
        Entity("T3", *_span("Nursultan"), "LOC", "Nursultan", source="gazetteer", canonical="Astana"),
        Entity("T4", *_span("June 20, 2013"), "DATE", "June 20, 2013", value="2013-06-20", source="spacy", canonical="June 20, 2013"),
        Entity("T5", *_span("G. T. Ichshanova"), "PERSON", "G. T. Ichshanova", source="pattern:person", canonical="G. T. Ichshanova"),
        Entity(
            "T6",
            *_span("University of International Business"),
            "ORG",
            "University of International Business",
            source="spacy",
            canonical="University of International Business",
        ),
    ]
    relations = [
        Relation("R1", "held_in", "T1", "T2", confidence=0.8, source="classifier"),
        Relation("R2", "alias_of", "T2", "T3", confidence=0.99, source="pattern:now"),
        Relation("R3", "held_on", "T1", "T4", confidence=0.7, source="classifier"),
        Relation("R4", "affiliated_with", "T5", "T6", confidence=0.95, source="pattern:author-block"),
    ]
    metadata = {
        "title": None,
        "journal": None,
        "journal_entity": None,
        "year": 2013,
        "issue": None,
        "authors": [
            {
                "name": "G. T. Ichshanova",
                "entity": "T5",
                "orcid": "0000-0002-2912-2752",
                "email": "gulnar_tore@mail.ru",
                "affiliation": "University of International Business",
                "affiliation_entity": "T6",
            }
        ],
        "affiliation_place": None,
        "affiliation_place_entities": [],
        "references": [{"number": 1, "text": "SCO summit", "start": 0, "end": 10, "url": None, "accessed": "2020-11-27"}],
    }
    doc = Document(
        id="synthetic",
        text=TEXT,
        segments=[Segment(0, len(TEXT), "en", "article")],
        entities=entities,
        relations=relations,
        metadata=metadata,
        entities_index=[
            {"id": "E1", "label": "LOC", "canonical": "Astana", "mentions": ["T2", "T3"], "kb_id": "Q1520", "aliases": ["Astana", "Nursultan"]}
        ],
        source={"path": "synthetic.txt", "format": "txt", "encoding": "utf-8"},
        provenance={
            "pipeline_version": "0.1.0",
            "components": [{"name": "segmenter"}, {"name": "ner", "model": "en_core_web_sm", "model_version": "3.8.0"}],
        },
    )
    return doc.to_dict()


def gold_dict() -> dict:
    """A minimal gold file: no text, no segments, metadata or provenance."""
    data = output_dict()
    for key in ("text", "segments", "metadata", "entities_index", "source", "provenance"):
        data.pop(key)
    for ent in data["entities"]:
        for key in ("source", "canonical", "confidence"):
            ent.pop(key, None)
    for rel in data["relations"]:
        rel.pop("confidence")
        rel.pop("source")
    return data


def test_schema_is_valid_draft_2020_12():
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_label_sets_match_the_document_model():
    defs = load_schema()["$defs"]
    assert defs["entity"]["properties"]["label"]["enum"] == list(ENTITY_LABELS)
    assert defs["entitiesIndexRecord"]["properties"]["label"]["enum"] == list(ENTITY_LABELS)
    assert defs["relation"]["properties"]["label"]["enum"] == list(RELATION_TYPES)


def test_output_validates_as_output_and_as_gold():
    data = output_dict()
    assert schema_problems(data, "output") == []
    assert schema_problems(data, "gold") == []
    assert schema_validator("output").is_valid(data)


def test_gold_without_text_metadata_provenance_is_gold_not_output():
    data = gold_dict()
    assert schema_problems(data, "gold") == []
    problems = dict(schema_problems(data, "output"))
    assert {"text", "segments", "metadata", "provenance"} <= set(problems)
    assert problems["text"] == "missing"


def test_unknown_schema_variant_is_refused():
    with pytest.raises(ValueError):
        schema_validator("draft")


def _broken(edit) -> dict:
    data = copy.deepcopy(output_dict())
    edit(data)
    return data


@pytest.mark.parametrize(
    "edit, field",
    [
        (lambda d: d.pop("text_sha256"), "text_sha256"),
        (lambda d: d.update(text_sha256="abc"), "text_sha256"),
        (lambda d: d["entities"][0].update(label="NORP"), "entities[0].label"),
        (lambda d: d["entities"][3].pop("value"), "entities[3].value"),
        (lambda d: d["entities"][3].update(value="2013-13-01"), "entities[3].value"),
        (lambda d: d["entities"][0].update(start=-1), "entities[0].start"),
        (lambda d: d["entities"][0].update(start="0"), "entities[0].start"),
        (lambda d: d["entities"][0].update(start=True), "entities[0].start"),
        (lambda d: d["entities"][1].update(confidence=1.5), "entities[1].confidence"),
        (lambda d: d["relations"][0].update(label="located_at"), "relations[0].label"),
        (lambda d: d["relations"][0].update(confidence="high"), "relations[0].confidence"),
        (lambda d: d["relations"][0].pop("tail"), "relations[0].tail"),
        (lambda d: d["segments"][0].update(role="body"), "segments[0].role"),
        (lambda d: d["segments"][0].update(lang="eng"), "segments[0].lang"),
        (lambda d: d["metadata"].pop("issue"), "metadata.issue"),
        (lambda d: d["metadata"].update(year="2013"), "metadata.year"),
        (lambda d: d["metadata"]["authors"][0].update(orcid="0000-0002-2912-275"), "metadata.authors[0].orcid"),
        (lambda d: d["metadata"]["authors"][0].pop("email"), "metadata.authors[0].email"),
        (lambda d: d["metadata"]["references"][0].update(accessed="27.11.2020"), "metadata.references[0].accessed"),
        (lambda d: d["metadata"]["references"][0].update(number=0), "metadata.references[0].number"),
        (lambda d: d["entities_index"][0].update(mentions=[]), "entities_index[0].mentions"),
        (lambda d: d["provenance"].pop("pipeline_version"), "provenance.pipeline_version"),
        (lambda d: d["provenance"]["components"][1].pop("model_version"), "provenance"),
    ],
)
def test_broken_outputs_do_not_validate(edit, field):
    problems = schema_problems(_broken(edit), "output")
    assert field in {f for f, _ in problems}, problems


@pytest.mark.parametrize(
    "value",
    ["2005", "2019-09", "2013-06-20", "XXXX-09", "2004/2019", "199X", "19XX", "2013-06-20/2013-06-25", None],
)
def test_date_values_of_the_guidelines_validate(value):
    data = _broken(lambda d: d["entities"][3].update(value=value))
    assert schema_problems(data, "gold") == []


def test_provenance_may_name_the_model_at_top_level():
    data = _broken(lambda d: d.update(provenance={"pipeline_version": "0.1.0", "model": "en_core_web_sm", "model_version": "3.8.0"}))
    assert schema_problems(data, "output") == []


def test_gold_metadata_may_be_partial_output_metadata_may_not():
    data = _broken(lambda d: d.update(metadata={"title": "SCO", "year": 2021}))
    assert schema_problems(data, "gold") == []
    assert ("metadata.journal", "missing") in schema_problems(data, "output")
