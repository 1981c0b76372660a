"""The ner component: guideline span rules, patterns, Russian NER, and offsets over the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from textmine.document import Document
from textmine.runtime.extract import ExtractConfig, Extractor
from textmine.stages.ner.spans import Candidate, clean_span, no_annotation_regions, resolve
from textmine.stages.ner.statistical import map_label

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ExtractConfig(components=("segmenter", "ner", "date_values")))


def mentions(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    doc = extractor(Document(id="t", text=text))
    return {(e.text, e.label) for e in doc.entities}


def _clean(text: str, surface: str, label: str) -> str | None:
    start = text.index(surface)
    cand = clean_span(text, Candidate(start, start + len(surface), label, "test", 70), no_annotation_regions(text))
    return None if cand is None else text[cand.start:cand.end]


@pytest.mark.parametrize(
    "text, surface, label, expected",
    [
        ("held in the Kemerovo Region.", "the Kemerovo Region.", "LOC", "Kemerovo Region"),
        ("by Chukalova R.R. Military", "Chukalova R.R.", "PERSON", "Chukalova R.R."),
        ("G. T. Ichshanova PhD, law", "G. T. Ichshanova PhD", "PERSON", "G. T. Ichshanova"),
        ("in Central Asia\n\nToday", "Central Asia\n\nToday", "LOC", "Central Asia"),
        ("Iran's nuclear program", "Iran's", "LOC", "Iran"),
        ('the "Peace Mission" games', '"Peace Mission"', "EVENT", "Peace Mission"),
        ("the UN / http://un.org/x", "the UN / http://un.org/x", "ORG", "UN"),
        ("see http://example.org/NATO today", "NATO", "ORG", None),
        ("Center (Moscow) said", "Center (Moscow)", "ORG", "Center (Moscow)"),
    ],
)
def test_clean_span_applies_the_guidelines_boundaries(text, surface, label, expected):
    assert _clean(text, surface, label) == expected


def test_resolve_keeps_flat_spans_by_priority_then_length():
    long_low = Candidate(0, 20, "ORG", "spacy", 70)
    short_high = Candidate(0, 5, "DATE", "dates", 90)
    other = Candidate(22, 30, "LOC", "gazetteer", 60)
    assert resolve([long_low, short_high, other]) == [short_high, other]


@pytest.mark.parametrize(
    "label, mention, expected",
    [("GPE", "Kazakhstan", "LOC"), ("FAC", "Manas", "LOC"), ("NORP", "American", None), ("EVENT", "Victory Day", "DATE"),
     ("EVENT", "Cold War", "EVENT"), ("LAW", "UN Charter", None), ("CARDINAL", "3,000", None)],
)
def test_ontonotes_labels_map_onto_the_guidelines(label, mention, expected):
    assert map_label(label, mention) == expected


def test_patterns_find_exercises_summits_facilities_and_quoted_names(extractor):
    found = mentions(
        extractor,
        "In 2018 the Vostok-2018 exercise took place near the Tsugol training ground. "
        "The Tashkent summit in 2016 approved the plan. "
        'Police detained members of the movement "Akramiya" in Andijan.',
    )
    assert ("Vostok-2018", "EVENT") in found
    assert ("Tsugol training ground", "LOC") in found
    assert ("Tashkent summit", "EVENT") in found
    assert ("Akramiya", "ORG") in found
    assert ("2016", "DATE") in found


def test_names_of_institutions_gatherings_and_authors_follow_their_shapes(extractor):
    found = mentions(
        extractor,
        "Zh. K. Bekova, Al-Farabi Kazakh National University, Almaty\n\n"
        "The institute moved from Almaty to Kyzylorda. At the Dushanbe Water Conference in June 2018 "
        "the delegates met.\n\n1. Rahmon E. Water for sustainable development // Central Asia. - 2018. - № 2.",
    )
    assert ("Zh. K. Bekova", "PERSON") in found
    assert ("Al-Farabi Kazakh National University", "ORG") in found
    assert ("Kyzylorda", "LOC") in found
    assert ("Dushanbe Water Conference", "EVENT") in found
    assert ("Rahmon E.", "PERSON") in found
    assert ("June 2018", "DATE") in found


def test_a_body_of_an_organisation_is_two_organisations(extractor):
    found = mentions(extractor, "The Council of Foreign Ministers of the OIC met in Jeddah.")
    assert ("OIC", "ORG") in found
    assert ("Council of Foreign Ministers", "ORG") in found


def test_documents_roles_and_nationality_adjectives_are_not_entities(extractor):
    found = mentions(extractor, "The heads of state signed the Tashkent Declaration. American and Uzbek officials attended.")
    labels = {text for text, _ in found}
    assert "Tashkent Declaration" not in labels
    assert "American" not in labels and "Uzbek" not in labels


def test_russian_names_and_dates_are_found(extractor):
    found = mentions(extractor, "Конференция прошла в Казахстане 15 мая 2019 г. при поддержке издательства «Наука».")
    assert ("Казахстане", "LOC") in found
    assert ("15 мая 2019 г.", "DATE") in found
    assert ("Наука", "ORG") in found
    found = mentions(extractor, "Издательство «Прогресс» принимает заказы в Москве.")
    assert ("Прогресс", "ORG") in found and ("Москве", "LOC") in found


def test_nothing_is_annotated_inside_urls_emails_or_orcids(extractor):
    text = "ORCID 0000-0002-2912-2752, e-mail: someone@mail.ru, see http://www.un.org/ru/2020/Kazakhstan (date of treatment 11/27/2020)"
    doc = extractor(Document(id="t", text=text))
    blocked = no_annotation_regions(text)
    for ent in doc.entities:
        assert not any(s < ent.end and ent.start < e for s, e in blocked), ent
    assert [(e.text, e.value) for e in doc.entities if e.label == "DATE"] == [("11/27/2020", "2020-11-27")]


def _corpus_texts() -> list[Path]:
    return sorted((ROOT / "corpus" / "raw").glob("*.txt"))


@pytest.mark.parametrize("path", _corpus_texts(), ids=lambda p: p.stem)
def test_offsets_are_exact_and_spans_flat_over_the_corpus(extractor, path):
    text = path.read_text(encoding="utf-8")
    doc = extractor(Document(id=path.stem, text=text))
    spans = sorted((e.start, e.end) for e in doc.entities)
    for ent in doc.entities:
        assert text[ent.start:ent.end] == ent.text
        assert ent.text == ent.text.strip() and ent.source
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end <= start, "crossing or nested spans"


def test_offsets_are_exact_on_redocred_texts(extractor):
    from textmine.training.redocred import load_documents

    for gold in load_documents()[:20]:
        doc = extractor(Document(id=gold.id, text=gold.text))
        assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)
        assert all(gold.text[e.start:e.end] == e.text for e in gold.entities)


def test_seed_quality_beats_the_bare_model():
    from textmine.evaluation.benchmarks.ner import bare_model, score, seed_dataset, textmine_ner

    seed = seed_dataset()
    bare, ours = score(seed, bare_model), score(seed, textmine_ner)
    assert ours["micro"] >= 0.95 and ours["micro_core"] >= 0.97
    assert ours["date_value_accuracy"] == 1.0
    assert ours["micro"] > bare["micro"]
