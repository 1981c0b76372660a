"""Entity kinds still failing on unseen text (issue 12, fifth round), each with a made-up text.

None of these texts is from the seed page, from corpus/pages or from the challenge passages written for the
same kinds (those are the evaluation data; these exercise the rules).
"""

from __future__ import annotations

import pytest

from textmine.stages.ner.patterns import (
    _names_an_organisation,
    event_shape_candidates,
    organisation_candidates,
    post_soviet_name_candidates,
)
from test_ner_construction import extractor, mentions  # noqa: F401  (the shared module fixture and helper)


def spans(text, candidates) -> set[tuple[str, str]]:
    # Pattern candidates may keep a trailing space; the ner component's span cleaning drops it.
    return {(text[c.start:c.end].strip(), c.label) for c in candidates}


# --- venues and centres ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, venue",
    [
        ("The summit met at the Dakar International Conference Centre last spring.", "Dakar International Conference Centre"),
        ("Delegates gathered in the Panama Convention Center for two days.", "Panama Convention Center"),
        ("The fair opened at the Tashkent Exhibition Hall.", "Tashkent Exhibition Hall"),
    ],
)
def test_a_conference_or_convention_centre_is_a_place(extractor, text, venue):
    found = mentions(extractor, text)
    assert (venue, "LOC") in found
    assert not any(label in ("ORG", "EVENT") and venue in surface for surface, label in found)


def test_a_centre_that_is_an_institution_stays_an_organisation():
    text = "She is a fellow at the Desmond Tutu Regional Maritime Security Training Centre in Mombasa."
    assert ("Desmond Tutu Regional Maritime Security Training Centre", "ORG") in spans(text, organisation_candidates(text))


# --- gatherings by head noun ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, event",
    [
        ("The Dakar Maritime Forum drew navies from the region.", "Dakar Maritime Forum"),
        ("Ministers spoke at the Tallinn Cyber Dialogue in May.", "Tallinn Cyber Dialogue"),
    ],
)
def test_a_forum_or_dialogue_the_gazetteer_does_not_know_is_an_event(extractor, text, event):
    assert (event, "EVENT") in mentions(extractor, text)


def test_a_forum_the_gazetteer_knows_as_an_organisation_stays_one(extractor):
    found = mentions(extractor, "Samoa chaired the Pacific Islands Forum that year.")
    assert ("Pacific Islands Forum", "ORG") in found


@pytest.mark.parametrize(
    "text, session",
    [
        ("Gabon attended the Forty-Second Ordinary Session of the Executive Council of the African Union.",
         "Forty-Second Ordinary Session of the Executive Council of the African Union"),
        ("The 14th Council of Ministers Meeting of the Colombo Plan closed on Friday.",
         "14th Council of Ministers Meeting of the Colombo Plan"),
    ],
)
def test_numbered_sessions_with_compound_ordinals_and_multiword_bodies(text, session):
    assert (session, "EVENT") in spans(text, event_shape_candidates(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("Marines from Belize joined the drills codenamed Northern Tide.", "Northern Tide"),
        ("Ghana hosted exercise Harmattan Shield last year.", "Harmattan Shield"),
        ("The manoeuvres dubbed Coastal Lion ended early.", "Coastal Lion"),
    ],
)
def test_an_exercise_named_after_its_noun_or_codenamed_without_a_year(text, name):
    assert (name, "EVENT") in spans(text, event_shape_candidates(text))


def test_a_known_place_after_an_exercise_noun_is_not_its_name():
    text = "During the exercises South Africa provided two frigates."
    assert not any(label == "EVENT" for _, label in spans(text, event_shape_candidates(text)))


# --- people ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, name",
    [
        ("Author: Huseynova Leyla Elchin qizi, Ganja State University", "Huseynova Leyla Elchin qizi"),
        ("Mamedov Rauf Ilgar oglu, Associate Professor", "Mamedov Rauf Ilgar oglu"),
        ("TOKTOGULOV Aibek Nurlan uulu, Bishkek", "TOKTOGULOV Aibek Nurlan uulu"),
    ],
)
def test_a_turkic_patronymic_in_two_words_belongs_to_the_name(text, name):
    assert (name, "PERSON") in spans(text, post_soviet_name_candidates(text))


# --- organisations --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was printed in the Kigali Gazette and the Lomé Quotidien.", {"Kigali Gazette", "Lomé Quotidien"}),
        ("The interview ran in the Harare Tribune.", {"Harare Tribune"}),
    ],
)
def test_newspapers_by_their_head_noun(text, expected):
    found = spans(text, organisation_candidates(text))
    assert {(name, "ORG") for name in expected} <= found


@pytest.mark.parametrize(
    "text, body, parent",
    [
        ("The Permanent Secretariat of the Andean Water Association met in Quito.", "Permanent Secretariat",
         "Andean Water Association"),
        ("The Arbitration Court of CEMAC ruled on the dispute.", "Arbitration Court", "CEMAC"),
    ],
)
def test_a_body_of_an_organisation_named_by_its_head_noun_or_an_acronym_is_two_names(text, body, parent):
    found = spans(text, organisation_candidates(text))
    assert (body, "ORG") in found and (parent, "ORG") in found
    assert not any(body in surface and parent in surface for surface, _ in found)


def test_a_body_of_a_place_stays_one_name():
    text = "The Supreme Court of Zambia ruled on the dispute."
    assert ("Supreme Court of Zambia", "ORG") in spans(text, organisation_candidates(text))
    assert not _names_an_organisation("Zambia", lambda name: "LOC" if name == "Zambia" else None)


def test_a_share_row_of_platforms_is_one_name_each(extractor):
    found = mentions(extractor, "Follow us: Facebook Twitter VK YouTube\n\nThe journal is published twice a year.")
    assert {("Facebook", "ORG"), ("Twitter", "ORG"), ("VK", "ORG"), ("YouTube", "ORG")} <= found
    assert not any(" " in surface for surface, label in found if label == "ORG" and "Twitter" in surface)


def test_a_forum_not_named_by_a_place_stays_an_organisation(extractor):
    found = mentions(extractor, "Dissidents left the party to found the Progressive Forum in 1994.")
    assert ("Progressive Forum", "ORG") in found


def test_known_names_inside_a_longer_name_are_not_a_row(extractor):
    found = mentions(extractor, "He joined the Hong Kong Bar Association in 1987.")
    assert ("Hong Kong Bar Association", "ORG") in found and ("Hong Kong", "LOC") not in found


# --- second pass over the challenge dev half's kinds ------------------------------------------------------------

@pytest.mark.parametrize(
    "text, event",
    [
        ("Sailors from Oman took part in Desert Falcon 2018, held near Muscat.", "Desert Falcon 2018"),
        ("Reporters covered the Adriatic Coastal Forum 2019.", "Adriatic Coastal Forum 2019"),
        ("The Quito energy conference closed without a statement.", "Quito energy conference"),
    ],
)
def test_editions_with_a_year_and_gatherings_named_by_a_place_and_a_topic(extractor, text, event):
    assert (event, "EVENT") in mentions(extractor, text)


def test_a_place_before_a_verb_and_a_meeting_is_not_a_gathering(extractor):
    found = mentions(extractor, "Kenya said meetings with Uganda would resume.")
    assert not any(label == "EVENT" for _, label in found)


def test_a_leading_determiner_is_not_part_of_an_exercise_name(extractor):
    found = mentions(extractor, "Both Savanna Guard 2020 and Savanna Guard 2021 took place in Chad.")
    assert ("Savanna Guard 2020", "EVENT") in found and not any(s.startswith("Both") for s, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Gulf of Aden Maritime Commission met in Djibouti.", {"Gulf of Aden Maritime Commission"}),
        ("The University of Ghana and Ashesi University signed it.", {"University of Ghana", "Ashesi University"}),
        ("The Faculty of Economics hosted the seminar.", {"Faculty of Economics"}),
        ("Strathmore Business School published the survey.", {"Strathmore Business School"}),
        ("Dumitru Ionescu, Alexandru Ioan Cuza University, Iași", {"Alexandru Ioan Cuza University"}),
    ],
)
def test_organisation_extents(extractor, text, expected):
    found = mentions(extractor, text)
    assert {(name, "ORG") for name in expected} <= found


def test_a_union_of_states_named_after_a_river_is_an_organisation(extractor):
    assert ("Volta River Union", "ORG") in mentions(extractor, "The Volta River Union was founded by three states.")


def test_an_inverted_name_before_a_bracketed_affiliation(extractor):
    assert ("Horvat, Ivana", "PERSON") in mentions(extractor, "Horvat, Ivana (University of Zagreb)")


def test_a_one_word_person_after_in_or_near_is_a_town():
    from textmine.stages.ner import _places_by_context
    from textmine.stages.ner.spans import PRIORITY, Candidate

    text = "She grew up in Dilijan; in Pashinyan's view the road matters."
    town = Candidate(text.index("Dilijan"), text.index("Dilijan") + 7, "PERSON", "spacy", PRIORITY["statistical"])
    start = text.index("Pashinyan")
    person = Candidate(start, start + len("Pashinyan"), "PERSON", "spacy", PRIORITY["statistical"])
    labels = [c.label for c in _places_by_context(text, [town, person])]
    assert labels == ["LOC", "PERSON"]


def test_a_balkan_surname_the_model_reads_as_a_place_is_a_person():
    from textmine.stages.ner import _person_by_surname_ending
    from textmine.stages.ner.spans import Candidate

    text = "The talks with Karadžić failed; Vojislav Koštunica later agreed."
    start = text.index("Karadžić")
    lone = _person_by_surname_ending(text, Candidate(start, start + len("Karadžić"), "LOC", "spacy", 70))
    assert lone.label == "LOC"  # "-ić" alone is also a town's ending: only "-ović"/"-ević" alone say person
    text = "Talks with Radovanović failed."
    start = text.index("Radovanović")
    assert _person_by_surname_ending(text, Candidate(start, start + len("Radovanović"), "LOC", "spacy", 70)).label == "PERSON"


def test_a_body_whose_match_cuts_a_word_is_not_split_into_names():
    text = "He sat on the Advisory Council for JPMorgan Chase until 2010."
    assert ("Advisory Council", "ORG") not in spans(text, organisation_candidates(text))


def test_places_side_by_side_are_not_a_row_of_links(extractor):
    found = mentions(extractor, "The road follows the Connecticut Rivers valley.")
    assert ("Connecticut", "LOC") not in found


def test_a_name_after_an_exercise_noun_is_not_cut_before_its_year(extractor):
    found = mentions(extractor, "The exercise Northern Anchor 2019 was held near Tromsø. The Northern Fleet took part.")
    assert ("Northern Anchor 2019", "EVENT") in found and ("Northern", "EVENT") not in found


@pytest.mark.parametrize("text", ["He was a Labour Member of Parliament until 2010.", "She became Minister of Public Works."])
def test_an_office_with_of_is_not_a_body(text):
    assert not any(s.startswith(("Labour", "Minister")) for s, _ in spans(text, organisation_candidates(text)))
