"""Dependency-parse patterns of the relation stage: one construction per test, none of them from the seed page."""

from __future__ import annotations

import pytest

from textmine.document import Document, Entity
from textmine.stages.relations import patterns, syntax
from textmine.stages.relations.classify import examples, parse


def make_doc(text: str, spans: list[tuple[str, str]]) -> Document:
    entities, pos = [], 0
    for i, (surface, label) in enumerate(spans, 1):
        start = text.index(surface, pos)
        entities.append(Entity(f"T{i}", start, start + len(surface), label, surface))
        pos = start + len(surface)
    return Document(id="d", text=text, entities=entities)


def hits(doc: Document) -> dict[tuple[str, str], list[tuple[str, str]]]:
    return {(i.candidate.head.text, i.candidate.tail.text): i.pattern_hits for i in examples(doc, parse(doc))}


def vetoed(doc: Document) -> dict[tuple[str, str], list[str]]:
    return {(i.candidate.head.text, i.candidate.tail.text): i.vetoes for i in examples(doc, parse(doc))}


CASES = [
    # membership stated as a list, in its several shapes
    ("The Andean Community member states are Peru, Bolivia and Ecuador.",
     [("Andean Community", "ORG"), ("Peru", "LOC"), ("Bolivia", "LOC"), ("Ecuador", "LOC")],
     "member_noun", "member_of", [("Peru", "Andean Community"), ("Bolivia", "Andean Community"), ("Ecuador", "Andean Community")]),
    ("Mali, Niger and Chad are members of the Sahel Alliance.",
     [("Mali", "LOC"), ("Niger", "LOC"), ("Chad", "LOC"), ("Sahel Alliance", "ORG")],
     "member_noun", "member_of", [("Mali", "Sahel Alliance"), ("Niger", "Sahel Alliance"), ("Chad", "Sahel Alliance")]),
    ("Fiji, a member of the Pacific Islands Forum, objected.",
     [("Fiji", "LOC"), ("Pacific Islands Forum", "ORG")], "member_noun", "member_of", [("Fiji", "Pacific Islands Forum")]),
    ("The Visegrad Group unites Poland, Hungary and Slovakia.",
     [("Visegrad Group", "ORG"), ("Poland", "LOC"), ("Hungary", "LOC"), ("Slovakia", "LOC")],
     "gathers", "member_of", [("Poland", "Visegrad Group"), ("Hungary", "Visegrad Group"), ("Slovakia", "Visegrad Group")]),
    ("The Nordic Council, whose members include Norway and Iceland, met in Oslo.",
     [("Nordic Council", "ORG"), ("Norway", "LOC"), ("Iceland", "LOC"), ("Oslo", "LOC")],
     "whose_members", "member_of", [("Norway", "Nordic Council"), ("Iceland", "Nordic Council")]),
    ("Serbia joined the Danube Union in 2004.", [("Serbia", "LOC"), ("Danube Union", "ORG")], "joined", "member_of", [("Serbia", "Danube Union")]),
    ("Croatia acceded to the Danube Union.", [("Croatia", "LOC"), ("Danube Union", "ORG")], "joined", "member_of", [("Croatia", "Danube Union")]),
    ("Bosnia was admitted to the Danube Union.", [("Bosnia", "LOC"), ("Danube Union", "ORG")], "joined", "member_of", [("Bosnia", "Danube Union")]),
    ("Peru, an observer of the Pacific Union, objected.", [("Peru", "LOC"), ("Pacific Union", "ORG")], "observer_noun", "observer_of", [("Peru", "Pacific Union")]),
    # events and places
    ("The forum was held in Dakar on 3 May 2011.", [("forum", "EVENT"), ("Dakar", "LOC"), ("3 May 2011", "DATE")],
     "held_verb", "held_in", [("forum", "Dakar")]),
    ("The forum was held in Dakar on 3 May 2011.", [("forum", "EVENT"), ("Dakar", "LOC"), ("3 May 2011", "DATE")],
     "held_verb", "held_on", [("forum", "3 May 2011")]),
    ("Nairobi hosted the Green Summit.", [("Nairobi", "LOC"), ("Green Summit", "EVENT")], "hosted", "held_in", [("Green Summit", "Nairobi")]),
    ("The Lisbon summit in Porto ended without a statement.", [("Lisbon summit", "EVENT"), ("Porto", "LOC")], "in_place", "held_in", [("Lisbon summit", "Porto")]),
    # participation
    ("Kenya and Uganda took part in Lake Shield 2019.", [("Kenya", "LOC"), ("Uganda", "LOC"), ("Lake Shield 2019", "EVENT")],
     "took_part", "participant_in", [("Kenya", "Lake Shield 2019"), ("Uganda", "Lake Shield 2019")]),
    ("Brazil attended the Amazon Dialogue.", [("Brazil", "LOC"), ("Amazon Dialogue", "EVENT")], "took_part", "participant_in", [("Brazil", "Amazon Dialogue")]),
    ("The Baltic Forum brought together Latvia, Estonia and Lithuania.",
     [("Baltic Forum", "EVENT"), ("Latvia", "LOC"), ("Estonia", "LOC"), ("Lithuania", "LOC")],
     "gathers", "participant_in", [("Latvia", "Baltic Forum"), ("Estonia", "Baltic Forum"), ("Lithuania", "Baltic Forum")]),
    ("The Arctic Dialogue drew delegations from Canada and Norway.", [("Arctic Dialogue", "EVENT"), ("Canada", "LOC"), ("Norway", "LOC")],
     "delegations", "participant_in", [("Canada", "Arctic Dialogue"), ("Norway", "Arctic Dialogue")]),
    # affiliation and location
    ("John Mbeki, professor at the University of Lagos, wrote it.", [("John Mbeki", "PERSON"), ("University of Lagos", "ORG")],
     "position_at", "affiliated_with", [("John Mbeki", "University of Lagos")]),
    ("The bank is headquartered in Lyon.", [("bank", "ORG"), ("Lyon", "LOC")], "located_verb", "located_in", [("bank", "Lyon")]),
]


@pytest.mark.parametrize("text,spans,name,label,expected", CASES, ids=[f"{c[2]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_construction_states_the_relation_for_every_list_member(text, spans, name, label, expected):
    found = hits(make_doc(text, spans))
    for pair in expected:
        assert (name, label) in found[pair], (pair, found[pair])
    # and not in the other direction
    for head, tail in expected:
        assert (name, label) not in found.get((tail, head), [])


def test_negated_or_attempted_membership_is_not_a_match():
    for text in ("Chile did not join the Andean Pact.", "Chile tried to join the Andean Pact."):
        found = hits(make_doc(text, [("Chile", "LOC"), ("Andean Pact", "ORG")]))
        assert not [h for h in found[("Chile", "Andean Pact")] if h[1] == "member_of"], text


def test_a_leader_is_not_made_a_member():
    # "led by" is not membership (guidelines §3): no member pattern fires for the leaders.
    text = "The Gulf members, led by Oman and Qatar, met the Arab League."
    found = hits(make_doc(text, [("Oman", "LOC"), ("Qatar", "LOC"), ("Arab League", "ORG")]))
    assert not any(label == "member_of" for pair in [("Oman", "Arab League"), ("Qatar", "Arab League")] for _, label in found[pair])


def test_neighbouring_places_in_a_list_are_vetoed_but_a_place_and_its_country_are_not():
    listed = vetoed(make_doc("Delegates came from Lima and Quito.", [("Lima", "LOC"), ("Quito", "LOC")]))
    assert "coordinated_places" in listed[("Lima", "Quito")]
    nested = make_doc("The bank opened in Lyon, France.", [("Lyon", "LOC"), ("France", "LOC")])
    assert vetoed(nested)[("Lyon", "France")] == []
    assert ("comma_location", "located_in") in hits(nested)[("Lyon", "France")]


def test_facts_name_tokens_and_the_matcher_is_built_from_every_construction():
    doc = make_doc("Mali and Chad joined the Sahel Alliance.", [("Mali", "LOC"), ("Chad", "LOC"), ("Sahel Alliance", "ORG")])
    parsed = parse(doc)
    facts = syntax.DocFacts(parsed)
    member = [f for f in facts.facts if f.label == "member_of"]
    assert {parsed[f.head].text for f in member} == {"Mali", "Chad"}
    assert {parsed[f.tail].text for f in member} == {"Alliance"}
    assert patterns.match(examples(doc, parsed)[0].candidate, doc, facts=facts) is not None


def test_author_markers_link_each_author_to_the_affiliation_with_the_same_marker():
    from textmine.document import Segment

    text = (
        "Water Policy in the Lower Mekong\n"
        "Nguyen Van Minh1, Sok Chenda2\n"
        "1 Hanoi Institute of Water Studies, Hanoi, Vietnam\n"
        "2 Royal University of Phnom Penh, Cambodia\n"
        "This article compares how the two governments have allocated the water of the river between farms, dams, fisheries and growing cities since the late 1990s, and what that has meant for the basin.\n"
    )
    doc = make_doc(text, [("Nguyen Van Minh", "PERSON"), ("Sok Chenda", "PERSON"), ("Hanoi Institute of Water Studies", "ORG"),
                          ("Hanoi", "LOC"), ("Vietnam", "LOC"), ("Royal University of Phnom Penh", "ORG"), ("Cambodia", "LOC")])
    doc.segments = [Segment(0, len(text), "en", "article")]
    found = hits(doc)
    assert ("author_affiliation", "affiliated_with") in found[("Nguyen Van Minh", "Hanoi Institute of Water Studies")]
    assert ("author_affiliation", "affiliated_with") in found[("Sok Chenda", "Royal University of Phnom Penh")]
    assert ("author_affiliation", "affiliated_with") not in found[("Sok Chenda", "Hanoi Institute of Water Studies")]
    assert ("author_affiliation", "affiliated_with") not in found[("Nguyen Van Minh", "Royal University of Phnom Penh")]


def test_a_relative_pronoun_stands_for_its_antecedent():
    doc = make_doc("Iceland, which belongs to the Nordic Council, has no army.", [("Iceland", "LOC"), ("Nordic Council", "ORG")])
    assert ("joined", "member_of") in hits(doc)[("Iceland", "Nordic Council")]


def test_an_event_held_at_a_venue_in_a_city_is_held_in_the_city():
    doc = make_doc("The Suva Dialogue was held at the Grand Pacific Hotel in Suva.", [("Suva Dialogue", "EVENT"), ("Grand Pacific Hotel", "ORG"), ("Suva", "LOC")])
    assert ("held_verb", "held_in") in hits(doc)[("Suva Dialogue", "Suva")]
