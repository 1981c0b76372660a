"""Events named by a head noun ("... Meeting", "... Workshop", "Round Table", "... Symposium", ...) against standing
bodies ("Council", "Commission": ORG). Made-up texts; none is from the seed page or from corpus/pages."""

from __future__ import annotations

import pytest

from textmine.stages.ner import _head_noun, _label_by_head
from textmine.stages.ner.patterns import event_name_candidates
from textmine.stages.ner.spans import Candidate
from test_ner_construction import extractor, mentions  # noqa: F401  (the shared module fixture and helper)


def names(text: str) -> set[str]:
    return {text[c.start:c.end] for c in event_name_candidates(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Officials gathered for the Sahara Solar Workshop last week.", "Sahara Solar Workshop"),
        ("Papers from the Andes Glacier Symposium were printed.", "Andes Glacier Symposium"),
        ("It opened the Mekong Fisheries Round Table.", "Mekong Fisheries Round Table"),
        ("It joined the Kalahari Grazing Roundtable.", "Kalahari Grazing Roundtable"),
        ("Two speakers left the Baltic Ferry Seminar early.", "Baltic Ferry Seminar"),
        ("The Zambezi Hydrology Colloquium closed on Friday.", "Zambezi Hydrology Colloquium"),
        # An acronym inside the name, an ordinal before it, a place named with "of" inside it.
        ("Ministers came to the Extraordinary IGAD Fisheries Ministers Meeting.", "Extraordinary IGAD Fisheries Ministers Meeting"),
        ("Delegates attended the 4th Lake Kivu Energy Meeting in Goma.", "4th Lake Kivu Energy Meeting"),
        ("Ghana spoke at the Fourth Volta Basin Seminar.", "Fourth Volta Basin Seminar"),
        ("Uganda sent a minister to the Gulf of Aden Shipping Symposium.", "Gulf of Aden Shipping Symposium"),
        # A gathering of a body runs on over "of the" and its name; a month after "of" is a date, not part of the name.
        ("Peru spoke at the Annual Meeting of the Andean Development Bank in Lima.", "Annual Meeting of the Andean Development Bank"),
        ("Chile left the Valparaiso Summit of March 2020 early.", "Valparaiso Summit"),
        # A year inside the name.
        ("The 2021 Atlantic Fisheries Summit ended.", "2021 Atlantic Fisheries Summit"),
    ],
)
def test_gatherings_by_their_head_noun(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Council of the Andean Rivers adopted the plan at its meeting in Quito.",  # a standing body, a lower-case meeting
        "The Seminar was short.",  # a head noun alone is no name
        "The Governing Council of the Basin Commission met.",
    ],
)
def test_no_gathering_without_a_name_before_its_head_noun(text):
    assert not names(text)


@pytest.mark.parametrize(
    "surface, head",
    [
        ("Annual Meeting of the Andean Development Bank", "Meeting"),
        ("Mekong Fisheries Round Table", "Round Table"),
        ("Council of the Andean Rivers", "Council"),
        ("Round Table", "Round Table"),
        ("Table", "Table"),
    ],
)
def test_head_noun(surface, head):
    assert _head_noun(surface) == head


@pytest.mark.parametrize(
    "surface, label",
    [
        ("Kivu Energy Workshop", "EVENT"),
        ("Chaco Water Round Table", "EVENT"),
        ("Annual Meeting of the Andean Development Bank", "EVENT"),
        ("Sixth Session of the Basin Parliament", "EVENT"),
        # Standing bodies stay organisations, whatever the model said.
        ("Council of the Andean Rivers", "ORG"),
        ("Andean Fisheries Commission", "ORG"),
        # A name without a head noun keeps the model's label.
        ("Atacama Table", "LOC"),
    ],
)
def test_the_head_noun_decides_a_models_label(surface, label):
    guess = "LOC" if surface == "Atacama Table" else ("ORG" if label == "EVENT" else "EVENT")
    assert _label_by_head(surface, Candidate(0, len(surface), guess, "spacy", 70)).label == label


@pytest.mark.parametrize(
    "text, event, others",
    [
        (
            "Malawi and the Zambezi River Authority took part in the 5th Lilongwe Energy Colloquium in Lilongwe.",
            "5th Lilongwe Energy Colloquium",
            {("Malawi", "LOC"), ("Zambezi River Authority", "ORG"), ("Lilongwe", "LOC")},
        ),
        (
            "The Nordic Fisheries Council convened the Tromsø Cod Round Table in 2019.",
            "Tromsø Cod Round Table",
            {("Nordic Fisheries Council", "ORG"), ("2019", "DATE")},
        ),
    ],
)
def test_gatherings_end_to_end(extractor, text, event, others):
    found = mentions(extractor, text)
    assert (event, "EVENT") in found
    assert others <= found


# --- gatherings named head first, "<Gathering> on <topic>" (ner11 round) ---------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ghana attended the International Conference on Cocoa Markets in Abidjan.", "International Conference on Cocoa Markets"),
        ("The Fifth World Congress on Rangelands and Livestock opened.", "Fifth World Congress on Rangelands and Livestock"),
        ("It hosted the Regional Seminar on Port State Control last year.", "Regional Seminar on Port State Control"),
        ("Papers from the Symposium on Desert Locust Control were printed.", "Symposium on Desert Locust Control"),
    ],
)
def test_a_gathering_named_head_first_with_its_topic_after_on(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize(
    "text, not_expected",
    [
        ("The Summit on Tuesday was short.", "Summit on Tuesday"),  # a weekday is no topic
        ("The Forum on May 3 closed.", "Forum on May"),
    ],
)
def test_no_topic_from_a_weekday_or_a_month(text, not_expected):
    assert not any(name.startswith(not_expected) for name in names(text))


def test_the_head_noun_stands_before_on():
    assert _head_noun("International Conference on Mountain Economies") == "Conference"
    assert _head_noun("Commission on Human Rights") == "Commission"


def test_a_head_first_gathering_keeps_its_region_but_not_its_city(extractor):
    found = mentions(extractor, "Kenya sent experts to the Workshop on Fisheries in the Bay of Bengal, held in Chennai.")
    assert ("Workshop on Fisheries in the Bay of Bengal", "EVENT") in found and ("Chennai", "LOC") in found
    found = mentions(extractor, "Norway attended the International Conference on Polar Shipping in Tromsø.")
    assert ("International Conference on Polar Shipping", "EVENT") in found and ("Tromsø", "LOC") in found


def test_an_organisations_name_opening_a_gathering_name_is_inside_it(extractor):
    found = mentions(extractor, "The United Nations Conference on Ocean Finance met in Lisbon.")
    assert ("United Nations Conference on Ocean Finance", "EVENT") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Permanent Conference of Andean Mayors sent two observers to the summit.", "Permanent Conference of Andean Mayors"),
        ("Ana Ruiz was elected to the National Congress of Paraguay in 2018.", "National Congress of Paraguay"),
    ],
)
def test_a_name_that_says_the_body_stands_is_an_organisation(extractor, text, expected):
    assert (expected, "ORG") in mentions(extractor, text)
