"""Vetoes written over the parse and the gazetteer, and the place-size feature (issue 11, fifth round); no sentence here is
from the seed page."""

from __future__ import annotations

from textmine.document import Document
from textmine.stages.relations.classify import examples, parse

from test_relation_patterns import make_doc  # the same documents with entities by surface


def vetoed(doc: Document) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for item in examples(doc, parse(doc)):
        out.setdefault((item.candidate.head.text, item.candidate.tail.text), []).extend(item.vetoes)
    return out


def test_a_partnership_belongs_to_its_subject_not_to_the_object_of_another_clause():
    doc = make_doc(
        "Having obtained observer status at the African Union, the Nile Basin Initiative is building partnerships with "
        "regional bodies, including IGAD, SADC and ECOWAS.",
        [("African Union", "ORG"), ("Nile Basin Initiative", "ORG"), ("IGAD", "ORG"), ("SADC", "ORG"), ("ECOWAS", "ORG")],
    )
    found = vetoed(doc)
    for member in ("IGAD", "SADC", "ECOWAS"):
        assert "third_party_partnership" in found[("African Union", member)]
        assert "third_party_partnership" in found[(member, "African Union")]
        # the subject of the clause is the party: no veto
        assert "third_party_partnership" not in found[("Nile Basin Initiative", member)]


def test_the_object_of_the_main_verb_is_not_a_party_of_a_participles_partnership():
    doc = make_doc("Forging partnerships with Mercosur, the Andean Community hosted UNASUR in Quito.",
                   [("Mercosur", "ORG"), ("Andean Community", "ORG"), ("UNASUR", "ORG"), ("Quito", "LOC")])
    found = vetoed(doc)
    assert "third_party_partnership" in found[("UNASUR", "Mercosur")]
    assert "third_party_partnership" not in found[("Andean Community", "Mercosur")]


def test_parties_inside_the_partnership_phrase_are_not_vetoed():
    doc = make_doc("The partnership between ASEAN and the Pacific Islands Forum with the Colombo Plan grew.",
                   [("ASEAN", "ORG"), ("Pacific Islands Forum", "ORG"), ("Colombo Plan", "ORG")])
    found = vetoed(doc)
    assert "third_party_partnership" not in found[("ASEAN", "Colombo Plan")]
    assert "third_party_partnership" not in found[("Pacific Islands Forum", "Colombo Plan")]


def test_two_countries_are_never_one_inside_the_other_but_a_city_is_in_its_country():
    doc = make_doc("Talks in Lima between Peru and Bolivia on the situation in Chile ended.",
                   [("Lima", "LOC"), ("Peru", "LOC"), ("Bolivia", "LOC"), ("Chile", "LOC")])
    found = vetoed(doc)
    assert "two_countries" in found[("Peru", "Chile")]
    assert "two_countries" in found[("Chile", "Bolivia")]
    assert "two_countries" not in found[("Lima", "Peru")]
    assert "two_countries" not in found[("Lima", "Chile")]


def test_place_sizes_are_features_with_how_closely_the_parse_joins_the_places():
    doc = make_doc("The forum met in Lyon, France, and the delegates later travelled by train to see the old harbours of Italy.",
                   [("Lyon", "LOC"), ("France", "LOC"), ("Italy", "LOC")])
    feats = {(i.candidate.head.text, i.candidate.tail.text): i.features for i in examples(doc, parse(doc))}
    assert "place_ranks=1|3|near" in feats[("Lyon", "France")]
    assert "place_ranks=3|1|near" in feats[("France", "Lyon")]
    assert "place_ranks=1|3|far" in feats[("Lyon", "Italy")]


def test_a_place_outside_a_from_phrase_of_origin_is_not_in_the_places_inside_it():
    doc = make_doc(
        "The Steppe Energy Forum in Karakol drew ministers from Azerbaijan, Georgia and Turkey. "
        "Remittances from Russia make up a third of household income in Khatlon.",
        [("Steppe Energy Forum", "EVENT"), ("Karakol", "LOC"), ("Azerbaijan", "LOC"), ("Georgia", "LOC"), ("Turkey", "LOC"),
         ("Russia", "LOC"), ("Khatlon", "LOC")],
    )
    found = vetoed(doc)
    for country in ("Azerbaijan", "Georgia", "Turkey"):
        assert "origin_phrase" in found[("Karakol", country)]
        assert "origin_phrase" in found[(country, "Karakol")]
        # only places: the event's participants are not vetoed
        assert "origin_phrase" not in found[(country, "Steppe Energy Forum")]
    assert "origin_phrase" in found[("Khatlon", "Russia")]


def test_places_inside_one_from_phrase_and_an_organisation_moving_from_a_place_are_not_vetoed():
    doc = make_doc(
        "Officials from Osh, a city in southern Kyrgyzstan, visited Tashkent. "
        "The Steppe Bank moved its office from Almaty to Astana.",
        [("Osh", "LOC"), ("Kyrgyzstan", "LOC"), ("Tashkent", "LOC"), ("Steppe Bank", "ORG"), ("Almaty", "LOC"), ("Astana", "LOC")],
    )
    found = vetoed(doc)
    assert "origin_phrase" not in found[("Osh", "Kyrgyzstan")]
    assert "origin_phrase" in found[("Osh", "Tashkent")]
    assert "origin_phrase" in found[("Kyrgyzstan", "Tashkent")]
    # a past place of an organisation is still its place (guidelines: "moved its headquarters from A to B")
    assert "origin_phrase" not in found[("Steppe Bank", "Almaty")]


def test_a_cited_titles_names_are_not_related_to_the_journal_after_the_slashes():
    doc = make_doc(
        "3. Karimov A. Water disputes in the Fergana Valley // Steppe Policy Review. 2019. No. 2. P. 14-29.\n"
        "The Steppe Policy Review is published in Almaty.",
        [("Karimov A.", "PERSON"), ("Fergana Valley", "LOC"), ("Steppe Policy Review", "ORG"), ("Steppe Policy Review", "ORG"),
         ("Almaty", "LOC")],
    )
    found = vetoed(doc)
    assert "citation_title_and_source" in found[("Steppe Policy Review", "Fergana Valley")]
    assert "citation_title_and_source" in found[("Karimov A.", "Steppe Policy Review")]
    # the journal named again in prose, on its own line, is not a citation
    assert "citation_title_and_source" not in found[("Steppe Policy Review", "Almaty")]


def test_the_place_of_an_organisations_mission_is_not_the_organisations_place():
    doc = make_doc(
        "The article examines the mission of the Eurasian Economic Union in Armenia. "
        "The Steppe Bank's lending in Kyrgyzstan and Tajikistan doubled. "
        "The headquarters of the Caspian Fund in Aktau were enlarged, and the Turan University in Shymkent grew.",
        [("Eurasian Economic Union", "ORG"), ("Armenia", "LOC"), ("Steppe Bank", "ORG"), ("Kyrgyzstan", "LOC"), ("Tajikistan", "LOC"),
         ("Caspian Fund", "ORG"), ("Aktau", "LOC"), ("Turan University", "ORG"), ("Shymkent", "LOC")],
    )
    found = vetoed(doc)
    assert "activity_of_organisation" in found[("Eurasian Economic Union", "Armenia")]
    assert "activity_of_organisation" in found[("Steppe Bank", "Kyrgyzstan")]
    assert "activity_of_organisation" in found[("Steppe Bank", "Tajikistan")]
    # a seat noun, or the place right after the organisation, still locates it
    assert "activity_of_organisation" not in found[("Caspian Fund", "Aktau")]
    assert "activity_of_organisation" not in found[("Turan University", "Shymkent")]


def test_the_year_of_a_copyright_line_is_not_when_the_event_it_names_took_place():
    doc = make_doc("Proceedings online.\n© Organising Committee of the Baltic Port Forum, 2024\n",
                   [("Organising Committee", "ORG"), ("Baltic Port Forum", "EVENT"), ("2024", "DATE")])
    assert "copyright_date" in vetoed(doc)[("Baltic Port Forum", "2024")]
    held = make_doc("The Baltic Port Forum was held in 2024.", [("Baltic Port Forum", "EVENT"), ("2024", "DATE")])
    assert "copyright_date" not in vetoed(held)[("Baltic Port Forum", "2024")]


def test_organisations_in_clauses_apart_by_a_semicolon_are_not_partners():
    doc = make_doc("The Amber Road Union became a partner of the Hansa Rail Office; it had only occasional contacts with the Vistula Board.",
                   [("Amber Road Union", "ORG"), ("Hansa Rail Office", "ORG"), ("Vistula Board", "ORG")])
    found = vetoed(doc)
    assert "organisations_across_clauses" in found[("Hansa Rail Office", "Vistula Board")]
    assert "organisations_across_clauses" not in found[("Amber Road Union", "Hansa Rail Office")]


def test_a_state_that_sent_a_ship_as_an_observer_is_no_participant():
    doc = make_doc("The exercise Coral Guard 2019 was held off Fiji in May 2019; Samoa took part, and Japan sent a ship as an observer.",
                   [("Coral Guard 2019", "EVENT"), ("Fiji", "LOC"), ("May 2019", "DATE"), ("Samoa", "LOC"), ("Japan", "LOC")])
    found = vetoed(doc)
    assert "sent_observers" in found[("Japan", "Coral Guard 2019")]
    assert "sent_observers" not in found[("Samoa", "Coral Guard 2019")]
