"""The byline_affiliations component: affiliated_with from the metadata stage's reading of the author block.

Every block here is made up (not the seed page, not corpus/pages); entities are given, so the tests do not
depend on the NER model.
"""

import re

import pytest

from textmine.document import Document, Entity, Relation, Segment
from textmine.stages.affiliations import BYLINE_CONFIDENCE, SOURCE, BylineAffiliations, with_byline
from textmine.stages.metadata import AUTHOR_ASSIGNMENT_KEY, Metadata

BODY = ("The article examines how the regional organisations of the continent coordinated their policies over "
        "the last two decades and argues that informal arrangements proved more durable than the formal treaties.\n")


def make_doc(text: str, mentions: list[tuple[str, str]]) -> Document:
    """One entity per (surface, label): its first occurrence not yet taken by an earlier mention."""
    entities = []
    for surface, label in mentions:
        start = next(m.start() for m in re.finditer(re.escape(surface), text)
                     if all(m.end() <= e.start or m.start() >= e.end for e in entities))
        entities.append(Entity(f"T{len(entities) + 1}", start, start + len(surface), label, surface))
    return Document("test", text, entities=entities, segments=[Segment(0, len(text), "en", "article")])


def guess(doc: Document, head: str, tail: str, source: str = "classifier") -> None:
    """A sentence-level affiliated_with guess, as the relation stage may leave one (the mentions' first printings)."""
    by_text = {}
    for e in doc.entities:
        by_text.setdefault(e.text, e)
    doc.relations.append(Relation("", "affiliated_with", by_text[head].id, by_text[tail].id, 0.6, source))


def run(doc: Document) -> set[tuple[str, str, str]]:
    Metadata()(doc)
    BylineAffiliations()(doc)
    by_id = doc.entity_by_id()
    for rel in doc.relations:
        assert doc.text[by_id[rel.head].start:by_id[rel.head].end] == by_id[rel.head].text
    return {(by_id[r.head].text, by_id[r.tail].text, r.source) for r in doc.relations if r.label == "affiliated_with"}


def test_numbered_markers_link_each_author_to_the_marked_institution_and_drop_the_crossed_guess():
    text = ("Maritime patrols in the Baltic\n\nIngrid K. Solberg1, Tomas R. Lindqvist2\n"
            "1 University of Tromso, Tromso, Norway\n2 Stockholm School of Economics, Stockholm, Sweden\n\n" + BODY)
    doc = make_doc(text, [("Ingrid K. Solberg", "PERSON"), ("Tomas R. Lindqvist", "PERSON"), ("University of Tromso", "ORG"),
                          ("Tromso", "LOC"), ("Norway", "LOC"), ("Stockholm School of Economics", "ORG"),
                          ("Stockholm", "LOC"), ("Sweden", "LOC")])
    guess(doc, "Ingrid K. Solberg", "Stockholm School of Economics")  # the other author's institution
    assert run(doc) == {("Ingrid K. Solberg", "University of Tromso", SOURCE),
                        ("Tomas R. Lindqvist", "Stockholm School of Economics", SOURCE)}


def test_starred_corresponding_author_and_one_shared_affiliation_line():
    text = ("Urban water supply in the Andes\n\nLucia Paredes*, Mateo Quispe\n"
            "National University of Cusco, Cusco, Peru\n* Corresponding author: lucia.paredes@example.org\n\n" + BODY)
    doc = make_doc(text, [("Lucia Paredes", "PERSON"), ("Mateo Quispe", "PERSON"), ("National University of Cusco", "ORG"),
                          ("Cusco", "LOC"), ("Peru", "LOC")])
    assert run(doc) == {("Lucia Paredes", "National University of Cusco", SOURCE),
                        ("Mateo Quispe", "National University of Cusco", SOURCE)}


def test_one_affiliation_per_line_under_each_author():
    text = ("Dams on the Mekong\n\nSomchai Prasert\nChulalongkorn University, Bangkok, Thailand\nsomchai@example.org\n\n"
            "Linh T. Nguyen\nVietnam National University, Hanoi, Vietnam\nlinh@example.org\n\n" + BODY)
    doc = make_doc(text, [("Somchai Prasert", "PERSON"), ("Chulalongkorn University", "ORG"), ("Bangkok", "LOC"),
                          ("Thailand", "LOC"), ("Linh T. Nguyen", "PERSON"), ("Vietnam National University", "ORG"),
                          ("Hanoi", "LOC"), ("Vietnam", "LOC")])
    guess(doc, "Linh T. Nguyen", "Chulalongkorn University")
    guess(doc, "Somchai Prasert", "Chulalongkorn University")  # right, but stated once, by the byline
    facts = run(doc)
    assert facts == {("Somchai Prasert", "Chulalongkorn University", SOURCE),
                     ("Linh T. Nguyen", "Vietnam National University", SOURCE)}
    assert all(r.confidence == BYLINE_CONFIDENCE for r in doc.relations if r.source == SOURCE)


def test_name_position_and_university_on_one_line():
    text = ("Cross-border trade in the Great Lakes\n\nAmina Yusuf, Senior Lecturer, Kampala Institute of Public Policy, Kampala, Uganda\n"
            "amina.yusuf@example.org\n\n" + BODY)
    doc = make_doc(text, [("Amina Yusuf", "PERSON"), ("Kampala Institute of Public Policy", "ORG"), ("Kampala", "LOC"),
                          ("Uganda", "LOC")])
    assert run(doc) == {("Amina Yusuf", "Kampala Institute of Public Policy", SOURCE)}


def test_one_author_with_two_institutions_and_a_department():
    text = ("Security sector reform in West Africa\n\nAmara J. Diallo1,2\n"
            "1 Department of Political Science, University of Dakar, Dakar, Senegal\n"
            "2 Institute for Security Studies, Pretoria, South Africa\n\n" + BODY)
    doc = make_doc(text, [("Amara J. Diallo", "PERSON"), ("Department of Political Science", "ORG"), ("University of Dakar", "ORG"),
                          ("Dakar", "LOC"), ("Senegal", "LOC"), ("Institute for Security Studies", "ORG"),
                          ("Pretoria", "LOC"), ("South Africa", "LOC")])
    assert run(doc) == {("Amara J. Diallo", "Department of Political Science", SOURCE),
                        ("Amara J. Diallo", "University of Dakar", SOURCE),
                        ("Amara J. Diallo", "Institute for Security Studies", SOURCE)}


def test_wrapper_reprint_of_an_author_and_people_in_references_get_no_affiliation():
    text = ("Авторы: Diallo A. J.\nКлючевые слова: Economic Community of Central African States\n\n"
            "Security sector reform in Central Africa\n\nAmara J. Diallo\nUniversity of Dakar, Dakar, Senegal\n\n"
            + BODY + "The Economic Community of Central African States sent observers.\n\nReferences\n"
            "1. Mbeki T. The Economic Community of Central African States at thirty. Journal of African Affairs. 2019.\n"
            "2. Okafor N. Regional security. Lagos, 2020.\n")
    doc = make_doc(text, [("Diallo A. J.", "PERSON"), ("Economic Community of Central African States", "ORG"),
                          ("Amara J. Diallo", "PERSON"), ("University of Dakar", "ORG"), ("Dakar", "LOC"), ("Senegal", "LOC"),
                          ("Economic Community of Central African States", "ORG"), ("Mbeki T.", "PERSON"),
                          ("Economic Community of Central African States", "ORG")])
    guess(doc, "Diallo A. J.", "Economic Community of Central African States")
    by_text = [e for e in doc.entities if e.text == "Mbeki T."]
    orgs = [e for e in doc.entities if e.label == "ORG" and e.text.startswith("Economic")]
    doc.relations.append(Relation("", "affiliated_with", by_text[0].id, orgs[-1].id, 0.6, "pattern:author_affiliation"))
    doc.relations.append(Relation("", "affiliated_with", by_text[0].id, orgs[1].id, 0.6, "classifier"))
    assert run(doc) == {("Amara J. Diallo", "University of Dakar", SOURCE)}


def test_without_an_author_block_other_affiliations_are_kept():
    text = BODY + "Dr Rosa Mendez of the Pacific Policy Institute said the talks had stalled.\n"
    doc = make_doc(text, [("Rosa Mendez", "PERSON"), ("Pacific Policy Institute", "ORG")])
    guess(doc, "Rosa Mendez", "Pacific Policy Institute")
    assert run(doc) == {("Rosa Mendez", "Pacific Policy Institute", "classifier")}
    assert doc.annotations[AUTHOR_ASSIGNMENT_KEY] == []


def test_confidence_must_be_a_probability():
    with pytest.raises(ValueError, match="confidence"):
        BylineAffiliations(confidence=1.5)


def test_with_byline_applies_the_author_block_to_a_predictor_s_relations():
    text = ("Maritime patrols in the Baltic\n\nIngrid K. Solberg1, Tomas R. Lindqvist2\n"
            "1 University of Tromso, Tromso, Norway\n2 Stockholm School of Economics, Stockholm, Sweden\n\n" + BODY)
    doc = make_doc(text, [("Ingrid K. Solberg", "PERSON"), ("Tomas R. Lindqvist", "PERSON"), ("University of Tromso", "ORG"),
                          ("Tromso", "LOC"), ("Norway", "LOC"), ("Stockholm School of Economics", "ORG"),
                          ("Stockholm", "LOC"), ("Sweden", "LOC")])
    crossed = Relation("", "affiliated_with", "T1", "T6", 0.7, "classifier")
    place = Relation("", "located_in", "T3", "T4", 0.8, "classifier")
    relations = with_byline(lambda d, items: [crossed, place])(doc, [])
    by_id = doc.entity_by_id()
    assert {(r.label, by_id[r.head].text, by_id[r.tail].text) for r in relations} == {
        ("located_in", "University of Tromso", "Tromso"),
        ("affiliated_with", "Ingrid K. Solberg", "University of Tromso"),
        ("affiliated_with", "Tomas R. Lindqvist", "Stockholm School of Economics"),
    }
    assert doc.relations == [] and not doc.metadata  # the input document is left as it was


def test_superscript_markers_shared_by_two_authors():
    text = ("Fisheries in the Pacific\n\nAnna Petrova¹, Boris Ivanov¹², Carla Diaz²\n"
            "¹Far Eastern Federal University, Vladivostok, Russia\n²University of Chile, Santiago, Chile\n\n" + BODY)
    doc = make_doc(text, [("Anna Petrova", "PERSON"), ("Boris Ivanov", "PERSON"), ("Carla Diaz", "PERSON"),
                          ("Far Eastern Federal University", "ORG"), ("Vladivostok", "LOC"), ("Russia", "LOC"),
                          ("University of Chile", "ORG"), ("Santiago", "LOC"), ("Chile", "LOC")])
    assert run(doc) == {("Anna Petrova", "Far Eastern Federal University", SOURCE),
                        ("Boris Ivanov", "Far Eastern Federal University", SOURCE),
                        ("Boris Ivanov", "University of Chile", SOURCE),
                        ("Carla Diaz", "University of Chile", SOURCE)}


def test_an_affiliation_in_brackets_ends_at_the_next_name_on_the_line():
    text = ("Fisheries in the Pacific\n\nAnna Petrova (Far Eastern Federal University), "
            "Boris Ivanov (Pacific Institute of Geography)\n\n" + BODY)
    doc = make_doc(text, [("Anna Petrova", "PERSON"), ("Far Eastern Federal University", "ORG"), ("Boris Ivanov", "PERSON"),
                          ("Pacific Institute of Geography", "ORG")])
    guess(doc, "Anna Petrova", "Pacific Institute of Geography")
    facts = run(doc)
    assert ("Anna Petrova", "Far Eastern Federal University", SOURCE) in facts
    assert not any(person == "Anna Petrova" and org == "Pacific Institute of Geography" for person, org, _ in facts)


def test_an_organisation_in_a_gost_citation_line_is_no_ones_affiliation():
    text = (BODY + "Rosa Mendez discussed the findings.\n\nHow to cite\n"
            "Mendez R. Reform of the Andean Community // Journal of Regional Studies. 2021. No. 2.\n")
    doc = make_doc(text, [("Rosa Mendez", "PERSON"), ("Mendez R.", "PERSON"), ("Andean Community", "ORG")])
    guess(doc, "Rosa Mendez", "Andean Community")
    guess(doc, "Mendez R.", "Andean Community")
    assert run(doc) == set()


def test_min_confidence_above_the_byline_confidence_adds_nothing():
    text = ("Urban water supply in the Andes\n\nLucia Paredes\nNational University of Cusco, Cusco, Peru\n\n" + BODY)
    doc = make_doc(text, [("Lucia Paredes", "PERSON"), ("National University of Cusco", "ORG"), ("Cusco", "LOC"), ("Peru", "LOC")])
    Metadata()(doc)
    BylineAffiliations(min_confidence=BYLINE_CONFIDENCE + 0.01)(doc)
    assert doc.relations == []
    BylineAffiliations(min_confidence=BYLINE_CONFIDENCE)(doc)
    assert [(r.label, r.source) for r in doc.relations] == [("affiliated_with", SOURCE)]
