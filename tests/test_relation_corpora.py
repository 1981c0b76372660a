"""Relation training and test corpora: CrossRE mapping, the challenge set's halves, training sources."""

from __future__ import annotations

from textmine.stages.relations.candidates import NONE_LABEL
from textmine.training import challenge, crossre, redocred
from textmine.training import relations as training


def test_crossre_labels_map_by_argument_types_and_leave_the_rest_out():
    assert crossre.map_relation("physical", "organisation", "country") == "located_in"
    assert crossre.map_relation("physical", "event", "location") == "held_in"
    assert crossre.map_relation("physical", "politician", "location") is None  # a person's whereabouts: no label
    assert crossre.map_relation("part-of", "country", "organisation") == "member_of"
    assert crossre.map_relation("role", "politician", "politicalparty") == "member_of"
    assert crossre.map_relation("role", "person", "organisation") == "affiliated_with"
    assert crossre.map_relation("temporal", "politicalparty", "election") == "participant_in"
    assert crossre.map_relation("opposite", "politicalparty", "politicalparty") == NONE_LABEL
    assert crossre.map_relation("named", "politicalparty", "politicalparty") is None
    assert crossre.map_relation("role", "misc", "politician") is None  # misc is no entity of the guidelines


def test_redocred_person_membership_maps_to_member_of_and_the_earlier_mapping_leaves_it_out():
    # A party (P102), a sports team (P54), a band the person is "part of" (P361) or that "has" the person (P527).
    assert redocred._map_relation("P102", "PERSON", "ORG") == ("member_of", False)
    assert redocred._map_relation("P54", "PERSON", "ORG") == ("member_of", False)
    assert redocred._map_relation("P361", "PERSON", "ORG") == ("member_of", False)
    assert redocred._map_relation("P527", "ORG", "PERSON") == ("member_of", True)
    assert redocred._map_relation("P361", "ORG", "ORG") == ("part_of", False)
    assert redocred._map_relation("P102", "ORG", "ORG") is None
    assert redocred._map_relation("P54", "PERSON", "ORG", person_membership=False) is None
    assert redocred._map_relation("P527", "ORG", "PERSON", person_membership=False) is None
    raw = {
        "sents": [["Ann", "Lee", "plays", "bass", "in", "the", "Velvet", "Hours", "."]],
        "vertexSet": [[{"name": "Ann Lee", "pos": [0, 2], "sent_id": 0, "type": "PER"}],
                      [{"name": "Velvet Hours", "pos": [6, 8], "sent_id": 0, "type": "ORG"}]],
        "labels": [{"h": 1, "t": 0, "r": "P527", "evidence": [0]}],
    }
    doc = redocred.convert_document(raw, "band")
    by_id = doc.entity_by_id()
    assert [(r.label, by_id[r.head].text, by_id[r.tail].text) for r in doc.relations] == [("member_of", "Ann Lee", "Velvet Hours")]
    assert redocred.convert_document(raw, "band", person_membership=False).relations == []


def test_crossre_sentence_converts_with_exact_offsets_and_unlabelled_pairs():
    raw = {
        "doc_key": "x-1",
        "sentence": ["The", "Green", "Party", "of", "Ruritania", "joined", "the", "Blue", "Alliance", ",", "said", "Ann", "Lee", "."],
        "ner": [[1, 4, "politicalparty"], [7, 8, "organisation"], [11, 12, "politician"], [4, 4, "country"]],
        "relations": [[1, 4, 7, 8, "part-of", "", False, False], [11, 12, 1, 4, "named", "", False, False]],
    }
    doc = crossre.convert_sentence(raw)
    for entity in doc.entities:
        assert doc.text[entity.start:entity.end] == entity.text
    by_text = {e.text: e for e in doc.entities}
    assert [(r.label, r.head, r.tail) for r in doc.relations] == [("member_of", by_text["Green Party of Ruritania"].id, by_text["Blue Alliance"].id)]
    pair = (by_text["Ann Lee"].id, by_text["Green Party of Ruritania"].id)
    assert pair in doc.annotations[crossre.UNLABELLED] and pair[::-1] in doc.annotations[crossre.UNLABELLED]


def test_crossre_politics_files_load_with_mapped_relations():
    docs = crossre.load_documents("politics", "train")
    assert len(docs) == 101
    labels = {r.label for d in docs for r in d.relations}
    assert {"member_of", "participant_in", "located_in"} <= labels
    assert all(d.text[e.start:e.end] == e.text for d in docs for e in d.entities)


def test_challenge_halves_are_disjoint_and_only_known_halves_load():
    dev, test = challenge.load_half("dev"), challenge.load_half("test")
    assert dev and test and not {d.id for d in dev} & {d.id for d in test}
    try:
        challenge.load_half("all")
    except ValueError as exc:
        assert "dev" in str(exc)
    else:
        raise AssertionError("an unknown half must be refused")


def test_the_training_sources_never_include_a_test_set():
    from textmine.training.relations import training_sources

    sources, held_out = training_sources()
    trained = {d.id for docs in sources.values() for d in docs}
    assert not trained & {d.id for d in challenge.load_half("test")}
    assert not trained & {d.id for d in held_out}
    assert not trained & {d.id for d in crossre.load_documents("politics", "dev")}
    assert set(sources) == {"seed", "redocred", "crossre_politics", "crossre_news", "challenge_dev"}


def test_benchmark_table_prints_per_label_precision_recall_and_f1():
    from textmine.evaluation.benchmarks.relations import render

    def scores(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}

    level = {"micro": scores(3, 1, 1), "per_label": {"member_of": scores(2, 1, 0), "held_in": scores(1, 0, 1)}}
    table = render({"challenge test half, gold entities": {"textmine": {"mention": level, "fact": level}}})
    assert "== challenge test half, gold entities" in table
    member = next(line for line in table.splitlines() if "member_of" in line)
    assert member.split()[-4:] == ["0.667", "1.000", "0.800", "2"]


def test_relation_benchmark_scores_the_challenge_half_asked_for():
    from textmine.evaluation.benchmarks.relations import benchmark_sets, challenge_set_name

    test_sets, dev_sets = benchmark_sets(13), benchmark_sets(13, challenge_half="dev")
    assert [d.id for d in test_sets["challenge test half"]] == [d.id for d in challenge.load_half("test")]
    dev_name = challenge_set_name("dev")
    assert "training data" in dev_name and dev_name not in test_sets
    assert [d.id for d in dev_sets[dev_name]] == [d.id for d in challenge.load_half("dev")]
    # The other sets do not depend on the half.
    assert {k: [d.id for d in v] for k, v in test_sets.items() if k != "challenge test half"} == \
        {k: [d.id for d in v] for k, v in dev_sets.items() if k != dev_name}



def test_redocred_pairs_of_unmapped_relations_are_left_out_of_training_not_negatives():
    # Vertices out of text order: the pairs must name the entities' final ids.
    raw = {
        "sents": [["Hove", "borders", "Brighton", "in", "Sussex", "."]],
        "vertexSet": [
            [{"name": "Sussex", "sent_id": 0, "pos": [4, 5], "type": "LOC"}],
            [{"name": "Brighton", "sent_id": 0, "pos": [2, 3], "type": "LOC"}],
            [{"name": "Hove", "sent_id": 0, "pos": [0, 1], "type": "LOC"}],
        ],
        "labels": [{"h": 2, "t": 1, "r": "P47", "evidence": [0]}, {"h": 1, "t": 0, "r": "P131", "evidence": [0]}],
    }
    doc = redocred.convert_document(raw, "d")
    names = {e.id: e.text for e in doc.entities}
    assert [(names[r.head], names[r.tail], r.label) for r in doc.relations] == [("Brighton", "Sussex", "located_in")]
    assert sorted((names[h], names[t]) for h, t in doc.annotations[redocred.UNMAPPED_PAIRS]) == [("Brighton", "Hove"), ("Hove", "Brighton")]
    training.parse_documents([doc], use_cache=False)
    data = training.build_dataset([doc])
    pairs = [(item.candidate.head.text, item.candidate.tail.text) for item in data.items]
    assert ("Hove", "Brighton") not in pairs and ("Hove", "Sussex") in pairs
