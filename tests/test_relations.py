"""Relation stage: candidates, features, patterns, training, model file checks, component."""

from __future__ import annotations

import copy
import itertools
import json
import os
import random

import pytest

from textmine.document import Document, Entity, Relation, Segment
from textmine.resources.nlp import load_english
from textmine.stages.relations import candidates, features, patterns
from textmine.stages.relations import model as model_io
from textmine.stages.relations.classify import examples, parse
from textmine.stages.relations.component import RelationsComponent
from textmine.training.relations import Dataset, build_dataset, train_model


def make_doc(text: str, spans: list[tuple[str, str]], doc_id: str = "d", **kwargs) -> Document:
    """A document whose entities are the first occurrences (after the previous one) of the given strings."""
    entities, pos = [], 0
    for i, (surface, label) in enumerate(spans, 1):
        start = text.index(surface, pos)
        entities.append(Entity(f"T{i}", start, start + len(surface), label, surface))
        pos = start + len(surface)
    doc = Document(id=doc_id, text=text, entities=entities, **kwargs)
    return doc


def pairs(cands) -> set[tuple[str, str]]:
    return {(c.head.text, c.tail.text) for c in cands}


def generate(doc: Document):
    return candidates.generate(doc, parse(doc))


# ---------------------------------------------------------------- candidates


def test_candidates_respect_argument_types_in_both_directions():
    doc = make_doc(
        "In 2005 John Smith visited Paris, where the Red Cross opened an office.",
        [("2005", "DATE"), ("John Smith", "PERSON"), ("Paris", "LOC"), ("Red Cross", "ORG")],
    )
    found = pairs(generate(doc))
    # ORG -> LOC (located_in) and LOC -> ORG (member_of / observer_of) are both possible.
    assert ("Red Cross", "Paris") in found and ("Paris", "Red Cross") in found
    # No label joins a DATE to a PERSON, or a PERSON to a LOC.
    assert not {p for p in found if "2005" in p}
    assert ("John Smith", "Paris") not in found and ("Paris", "John Smith") not in found
    assert ("John Smith", "Red Cross") in found  # member_of / affiliated_with
    assert ("Red Cross", "John Smith") not in found


def test_candidates_stay_within_a_sentence():
    doc = make_doc("Acme Corp opened. Berlin is large.", [("Acme Corp", "ORG"), ("Berlin", "LOC")])
    assert generate(doc) == []


def test_every_list_member_is_a_candidate_and_list_siblings_are_vetoed():
    text = "Lake Shield 2019 was held in Uganda, where Kenya, Rwanda and Burundi took part."
    doc = make_doc(text, [("Lake Shield 2019", "EVENT"), ("Uganda", "LOC"), ("Kenya", "LOC"), ("Rwanda", "LOC"), ("Burundi", "LOC")])
    items = examples(doc, parse(doc))
    by_pair = {(i.candidate.head.text, i.candidate.tail.text): i for i in items}
    for member in ("Kenya", "Rwanda", "Burundi"):
        assert ("participant_in" in [label for _, label in by_pair[(member, "Lake Shield 2019")].pattern_hits]), member
    assert by_pair[("Lake Shield 2019", "Uganda")].pattern_hits[0][1] == "held_in"
    assert "list_siblings" in by_pair[("Kenya", "Rwanda")].vetoes
    assert "list_siblings" in by_pair[("Rwanda", "Burundi")].vetoes


def test_pronoun_stands_for_the_nearest_preceding_name_in_the_paragraph():
    text = "The Acme Union has strong mechanisms. He became an observer at the World Council.\n\nIt met the Global Forum."
    doc = make_doc(text, [("Acme Union", "ORG"), ("World Council", "ORG"), ("Global Forum", "ORG")])
    cands = generate(doc)
    proxied = [c for c in cands if c.proxy is not None]
    assert ("Acme Union", "World Council") in pairs(proxied)
    cand = next(c for c in proxied if (c.head.text, c.tail.text) == ("Acme Union", "World Council"))
    assert text[cand.proxy[0]:cand.proxy[1]] == "He" and cand.proxy_role == "head"
    # A new paragraph starts afresh: nothing refers back across the blank line.
    assert not any("Global Forum" in (c.head.text, c.tail.text) and c.proxy is not None for c in cands)


def test_naming_sentence_gives_the_name_the_previous_sentence_facts():
    text = "On May 3, 2010, large military exercises took place in Mongolia. They were called Steppe Shield 2010."
    doc = make_doc(text, [("May 3, 2010", "DATE"), ("Mongolia", "LOC"), ("Steppe Shield 2010", "EVENT")])
    items = {(i.candidate.head.text, i.candidate.tail.text): i for i in examples(doc, parse(doc))}
    assert ("held_on" in [l for _, l in items[("Steppe Shield 2010", "May 3, 2010")].pattern_hits])
    assert ("held_in" in [l for _, l in items[("Steppe Shield 2010", "Mongolia")].pattern_hits])


def test_author_block_and_reference_entries_count_as_one_sentence():
    text = (
        "Some Article Title\n\nJ. K. Doe PhD\n\nORCID 0000-0000-0000-0000\n\nAcme University,\n\nOslo, Norway\n\n"
        + "This is the body of the article, long enough to count as running prose that ends the front matter of it. " * 2
        + "\n\n1. Smith J. Report of the Nordic Council. Oslo: Nordic Press / http://example.org (date of treatment 11/27/2020)\n"
    )
    doc = make_doc(
        text,
        [("J. K. Doe", "PERSON"), ("Acme University", "ORG"), ("Oslo", "LOC"), ("Norway", "LOC"), ("Nordic Council", "ORG"), ("Oslo", "LOC")],
        segments=[Segment(0, len(text), "en", "article")],
    )
    cands = generate(doc)
    found = pairs(cands)
    assert ("J. K. Doe", "Acme University") in found
    assert ("Acme University", "Oslo") in found and ("Oslo", "Norway") in found
    author = [c for c in cands if c.block == "author"]
    assert author and all(c.head.start < 200 for c in author)
    reference = [c for c in cands if c.block == "reference"]
    assert {(c.head.text, c.tail.text) for c in reference} >= {("Nordic Council", "Oslo")}
    by_pair = {(i.candidate.head.text, i.candidate.tail.text): i for i in examples(doc, parse(doc))}
    assert by_pair[("J. K. Doe", "Acme University")].pattern_hits == [("author_affiliation", "affiliated_with")]
    assert ("comma_location", "located_in") in by_pair[("Oslo", "Norway")].pattern_hits


def test_authors_of_a_cited_work_are_not_the_pages_author_block():
    # metadata may read "Surname I." names at the start of a citation as authors; the "//" before the journal says it is a citation
    text = "Okonkwo C., Banda T. SADC at thirty // Southern African Review. - 2021. - No. 4.\n"
    doc = make_doc(text, [("Okonkwo C.", "PERSON"), ("Banda T.", "PERSON"), ("SADC", "ORG"), ("Southern African Review", "ORG")])
    doc.metadata = {"authors": [{"name": "Okonkwo C.", "entity": "T1"}, {"name": "Banda T.", "entity": "T2"}]}
    assert candidates.author_block(doc) is None
    doc.text = text.replace(" SADC at thirty // Southern African Review. - 2021. - No. 4.", "\nSADC Research Unit, Southern African Review")
    assert candidates.author_block(doc) is not None


# ---------------------------------------------------------------- features


def test_features_describe_types_order_triggers_and_the_dependency_path():
    text = "Since 2017, India and Pakistan have been members of the Shanghai Pact."
    doc = make_doc(text, [("2017", "DATE"), ("India", "LOC"), ("Pakistan", "LOC"), ("Shanghai Pact", "ORG")])
    parsed = parse(doc)
    by_pair = {(c.head.text, c.tail.text): c for c in candidates.generate(doc, parsed)}
    india = features.extract(by_pair[("India", "Shanghai Pact")], doc, parsed)
    pakistan = features.extract(by_pair[("Pakistan", "Shanghai Pact")], doc, parsed)
    assert india["types=LOC>ORG"] == 1.0 and india["order=LOC>ORG|ht"] == 1.0
    assert india["trig_bw=member"] == 1.0
    assert any(k.startswith("lexpath=LOC>ORG|") and "member" in k for k in india)
    assert pakistan.get("head_in_list") == 1.0
    # The second list member reads its path from the first: same path feature.
    assert {k for k in india if k.startswith("path=")} == {k for k in pakistan if k.startswith("path=")}
    reverse = features.extract(by_pair[("Shanghai Pact", "India")], doc, parsed)
    assert reverse["order=ORG>LOC|th"] == 1.0


def test_masked_text_replaces_other_mentions():
    doc = make_doc("The Sahel Alliance member states Mali and Chad signed the accord.", [("Sahel Alliance", "ORG"), ("Mali", "LOC"), ("Chad", "LOC")])
    assert patterns.masked(doc, 0, len(doc.text)) == "The § member states § and § signed the accord."
    cand = next(c for c in generate(doc) if (c.head.text, c.tail.text) == ("Chad", "Sahel Alliance"))
    assert ("member_noun", "member_of") in patterns.match(cand, doc)


# ---------------------------------------------------------------- training and the model file

PLACES = ["Zorvia", "Quenland", "Marovia", "Telsk", "Ubrania", "Kalvor", "Dentia", "Faron", "Gilmark", "Hovenia", "Istria", "Jalmor"]
GROUPS = ["Norden League", "Astral Union", "Pacific Bloc", "Delta Council", "Orion Pact", "Vega Alliance"]


def synthetic_documents(n: int, seed: int) -> list[Document]:
    """Member sentences ("X is a member of the Y") and non-member sentences ("X criticised the Y")."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        place, group = rng.choice(PLACES), rng.choice(GROUPS)
        member = i % 2 == 0
        text = f"{place} is a member of the {group}." if member else f"{place} has criticised the {group}."
        doc = make_doc(text, [(place, "LOC"), (group, "ORG")], doc_id=f"syn{i}")
        if member:
            doc.relations.append(Relation("R1", "member_of", "T1", "T2"))
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def tiny_model():
    docs = synthetic_documents(40, seed=1)
    for doc in docs:
        parse(doc)
    return train_model(docs, seed=7)


def test_training_learns_an_obvious_pattern(tiny_model):
    assert "member_of" in tiny_model.classes
    member = make_doc("Kalvor is a member of the Orion Pact.", [("Kalvor", "LOC"), ("Orion Pact", "ORG")])
    other = make_doc("Kalvor has criticised the Orion Pact.", [("Kalvor", "LOC"), ("Orion Pact", "ORG")])
    from textmine.stages.relations.classify import predict

    found = predict(tiny_model, examples(member, parse(member)), pattern_fallback=False)
    assert [(r.label, r.head, r.tail) for r in found] == [("member_of", "T1", "T2")]
    assert 0.5 < found[0].confidence <= 1.0 and found[0].source == "classifier"
    assert predict(tiny_model, examples(other, parse(other)), pattern_fallback=False) == []


class _FixedProbabilities:
    """A stand-in for a fitted pipeline: each row's member_of probability is given, the rest is none."""

    classes_ = ["member_of", "none"]

    def __init__(self, member: list[float]):
        self.member = member

    def predict_proba(self, rows):
        return [[p, 1.0 - p] for p in self.member[: len(rows)]]


def test_threshold_tuning_counts_the_relations_patterns_add_below_it():
    from textmine.stages.relations.classify import Example
    from textmine.training.relations import best_threshold, scored_candidates

    place, group = Entity("T1", 0, 6, "LOC", "Kalvor"), Entity("T2", 10, 20, "ORG", "Orion Pact")
    cand = candidates.Candidate(place, group, (0, 20))
    # Two members found only by a pattern (classifier 0.2), two co-occurrences the classifier likes (0.3).
    items = [Example(cand, {}, [("member_noun", "member_of")], []) for _ in range(2)] + [Example(cand, {}, [], []) for _ in range(2)]
    data = Dataset(items, ["member_of", "member_of", "none", "none"])
    pipeline = _FixedProbabilities([0.2, 0.2, 0.3, 0.3])
    # A trusted pattern covers the members: a threshold above the co-occurrences' 0.3 is best.
    assert best_threshold(scored_candidates(pipeline, data, {"member_noun": 0.9}), data.labels) > 0.3
    # An untrusted pattern adds nothing: only a threshold low enough for the members finds them.
    assert best_threshold(scored_candidates(pipeline, data, {"member_noun": 0.1}), data.labels) <= 0.2


def test_dataset_labels_come_from_gold_relations():
    docs = synthetic_documents(4, seed=2)
    for doc in docs:
        parse(doc)
    data: Dataset = build_dataset(docs)
    # Two candidates per document (both directions); only the member sentences' LOC -> ORG is positive.
    assert len(data.labels) == 8 and data.labels.count("member_of") == 2


def test_model_round_trip_and_refusal_of_a_tampered_file(tiny_model, tmp_path):
    path = tmp_path / "relations.skops"
    manifest = model_io.save(tiny_model, path, {"seed": 7})
    assert manifest["sha256"] == model_io.file_sha256(path)
    loaded = model_io.load(path)
    assert loaded.classes == tiny_model.classes and loaded.threshold == tiny_model.threshold
    probe = [{"types=LOC>ORG": 1.0, "trig_bw=member": 1.0}]
    assert (loaded.pipeline.predict_proba(probe) == tiny_model.pipeline.predict_proba(probe)).all()
    # The same model saves to the same bytes (skops' id-based names are renumbered).
    again = tmp_path / "again.skops"
    assert model_io.save(tiny_model, again, {"seed": 7})["sha256"] == manifest["sha256"]

    path.write_bytes(path.read_bytes() + b"\0")
    with pytest.raises(model_io.ModelFileError, match="does not match its manifest"):
        model_io.load(path)


def test_model_refused_without_manifest_or_for_another_format(tiny_model, tmp_path):
    path = tmp_path / "relations.skops"
    model_io.save(tiny_model, path, {"seed": 7})
    mpath = model_io.manifest_path(path)
    data = json.loads(mpath.read_text())
    data["format_version"] = "relations-0"
    mpath.write_text(json.dumps(data))
    with pytest.raises(model_io.ModelFileError, match="rebuild it"):
        model_io.load(path)
    mpath.unlink()
    with pytest.raises(model_io.ModelFileError, match="no manifest"):
        model_io.load(path)


# ---------------------------------------------------------------- the component


def test_component_adds_relations_with_confidence_and_keeps_aliases(tiny_model, tmp_path):
    path = tmp_path / "relations.skops"
    model_io.save(tiny_model, path, {"seed": 7})
    text = "Telsk (now Telskograd) is a member of the Vega Alliance."
    doc = make_doc(text, [("Telsk", "LOC"), ("Telskograd", "LOC"), ("Vega Alliance", "ORG")])
    doc.relations.append(Relation("R1", "alias_of", "T1", "T2", confidence=0.9, source="canonical"))
    doc.annotations["spacy"] = load_english()(text)
    out = RelationsComponent(model_path=path)(doc)
    labels = {(r.label, r.head, r.tail): r for r in out.relations}
    assert ("alias_of", "T1", "T2") in labels
    member = [r for r in out.relations if r.label == "member_of"]
    assert member and all(0.0 <= r.confidence <= 1.0 and r.source for r in member)
    assert len({r.id for r in out.relations}) == len(out.relations)

    strict = make_doc(text, [("Telsk", "LOC"), ("Telskograd", "LOC"), ("Vega Alliance", "ORG")])
    kept = RelationsComponent(model_path=path, min_confidence=1.0)(strict).relations
    assert all(r.confidence >= 1.0 for r in kept)


def test_component_batches_give_the_relations_of_single_documents():
    from textmine.runtime.extract import ExtractConfig, Extractor
    from textmine.training.redocred import iter_raw_texts

    upstream = Extractor(ExtractConfig(components=("segmenter", "ner", "date_values", "canonical")))
    texts = [text for _, text in itertools.islice(iter_raw_texts(), 12)] + ["No names here at all."]
    prepared = [upstream(Document(id=f"d{i}", text=text)) for i, text in enumerate(texts)]
    component = RelationsComponent()
    one_by_one = [component(copy.deepcopy(doc)).relations for doc in prepared]
    batched = [doc.relations for doc in component.pipe(copy.deepcopy(prepared), batch_size=5)]
    assert batched == one_by_one
    assert sum(len(r) for r in batched) > 10  # the documents do have relations to compare


def test_component_rejects_a_bad_setting(tmp_path):
    with pytest.raises(ValueError):
        RelationsComponent(min_confidence=1.5, model_path=tmp_path / "x.skops")


def test_shipped_model_loads_and_its_manifest_is_complete():
    loaded = model_io.load()
    assert set(loaded.classes) <= set(candidates.PREDICTED_LABELS) | {"none"}
    assert "alias_of" not in loaded.classes
    for key in ("seed", "majority_labels", "scores", "pattern_precision", "threshold", "training_sources"):
        assert key in loaded.manifest
    sources = loaded.manifest["training_sources"]
    assert set(sources) == {"seed", "redocred", "crossre_politics", "crossre_news", "challenge_dev"}
    assert all(info["documents"] > 0 and info["labels"] for info in sources.values())
    # The model the seed is scored with was trained on the same sources less the seed.
    from textmine.training.relations import without_seed_path

    without = model_io.load(without_seed_path(model_io.DEFAULT_MODEL_PATH))
    assert set(without.manifest["training_sources"]) == set(sources) - {"seed"}


# ---------------------------------------------------------------- baselines


def test_baselines_majority_label_and_patterns_are_scored_per_label():
    from textmine.evaluation.baselines import cooccurrence_predictor, majority_labels, patterns_predictor, score

    docs = synthetic_documents(6, seed=3)
    for doc in docs:
        parse(doc)
    data = build_dataset(docs)
    majority = majority_labels(data.items, data.labels)
    assert majority == {"LOC>ORG": "member_of"}
    cooc = score(docs, cooccurrence_predictor(majority))
    # Co-occurrence labels every LOC -> ORG pair: all members found, the critics are false positives.
    assert cooc["fact"]["per_label"]["member_of"]["recall"] == 1.0
    assert cooc["fact"]["per_label"]["member_of"]["precision"] < 1.0
    only_patterns = score(docs, patterns_predictor)
    assert only_patterns["fact"]["per_label"]["member_of"]["precision"] == 1.0
    assert "alias_of" not in only_patterns["fact"]["per_label"]


def test_access_date_of_a_reference_is_vetoed():
    text = "7. The exercises Steppe Shield 2020 will be held in Siberia / http://example.org (date of treatment 12/30/2020)"
    doc = make_doc(text, [("Steppe Shield 2020", "EVENT"), ("Siberia", "LOC"), ("12/30/2020", "DATE")])
    by_pair = {(i.candidate.head.text, i.candidate.tail.text): i for i in examples(doc, parse(doc))}
    assert by_pair[("Steppe Shield 2020", "12/30/2020")].vetoes == ["access_date"]
    assert by_pair[("Steppe Shield 2020", "Siberia")].vetoes == []


def test_features_come_in_the_same_order_whatever_the_hash_seed():
    """A row's sparse entries follow the order features are added in, and the classifier's sums that order:
    a set-ordered feature would make retraining give another model file under another PYTHONHASHSEED."""
    import subprocess
    import sys

    script = (
        "from textmine.stages.relations import candidates, features\n"
        "from textmine.stages.relations.classify import parse\n"
        "from textmine.document import Document, Entity\n"
        "text = 'Members of the Astral Union took part in the summit held in Telsk, where the exercises were hosted by observers.'\n"
        "spans = [('Astral Union', 'ORG'), ('summit', 'EVENT'), ('Telsk', 'LOC')]\n"
        "entities = [Entity(f'T{i}', text.index(s), text.index(s) + len(s), label, s) for i, (s, label) in enumerate(spans, 1)]\n"
        "doc = Document(id='d', text=text, entities=entities)\n"
        "parsed = parse(doc)\n"
        "for cand in candidates.generate(doc, parsed):\n"
        "    print('|'.join(features.extract(cand, doc, parsed)))\n"
    )
    outputs = []
    for seed in ("1", "2", "3"):
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        outputs.append(run.stdout)
    assert outputs[0] and "trig_" in outputs[0]
    assert outputs[0] == outputs[1] == outputs[2]



def test_cross_validated_threshold_decides_each_document_by_a_model_fitted_without_it(monkeypatch):
    from textmine.training import relations as training

    docs = synthetic_documents(12, seed=4)
    for doc in docs:
        parse(doc)
    built: list[list[str]] = []  # per fold: the fitting documents, then the documents it decides
    real_build = training.build_dataset

    def recording_build(group):
        built.append([doc.id for doc in group])
        return real_build(group)

    monkeypatch.setattr(training, "build_dataset", recording_build)
    threshold = training.cross_validated_threshold(docs, seed=3, folds=4)
    assert threshold in training.THRESHOLDS
    fits, decided = built[0::2], built[1::2]
    assert len(fits) == len(decided) == 4
    for fit_ids, decided_ids in zip(fits, decided):
        assert decided_ids and not set(fit_ids) & set(decided_ids)
        assert sorted(fit_ids + decided_ids) == sorted(doc.id for doc in docs)
    assert sorted(i for ids in decided for i in ids) == sorted(doc.id for doc in docs)  # each decided once
    assert training.cross_validated_threshold(docs, seed=3, folds=4) == threshold  # reproducible from the seed
