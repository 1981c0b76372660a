"""Canonical names, entities_index and alias_of relations (component "canonical")."""

import json
import re
from pathlib import Path

import pytest

from textmine.stages.canonical import (
    Canonical,
    find_long_form,
    is_abbreviation_of,
    is_translated_abbreviation_of,
    looks_like_abbreviation,
    parse_person,
    person_display,
)
from textmine.document import Document, Entity

ROOT = Path(__file__).resolve().parent.parent
SEED = "000_53fded65e5fbe7f9"


@pytest.fixture(scope="module")
def canonical():
    return Canonical()


def make_doc(text: str, mentions: list[tuple[str, str]] | list[tuple[str, str, int]]) -> Document:
    """Entities for (surface, label[, occurrence]) — every occurrence unless one is given."""
    entities = []
    for item in mentions:
        surface, label = item[0], item[1]
        found = [m.start() for m in re.finditer(re.escape(surface), text)]
        assert found, surface
        if len(item) == 3:
            found = [found[item[2]]]
        for start in found:
            entities.append(Entity(f"T{len(entities) + 1}", start, start + len(surface), label, surface))
    return Document("test", text, entities=entities)


def alias_pairs(doc: Document) -> set[tuple[str, str, str]]:
    by_id = doc.entity_by_id()
    return {(by_id[r.head].text, by_id[r.tail].text, r.source) for r in doc.relations if r.label == "alias_of"}


def record_of(doc: Document, surface: str) -> dict:
    entity = next(e for e in doc.entities if e.text == surface)
    return next(r for r in doc.entities_index if entity.id in r["mentions"])


def test_full_form_then_abbreviation(canonical):
    text = "The Collective Security Treaty Organization (CSTO) met in Minsk. The CSTO agreed."
    doc = canonical(make_doc(text, [("Collective Security Treaty Organization", "ORG"), ("CSTO", "ORG"), ("Minsk", "LOC")]))
    assert alias_pairs(doc) == {("Collective Security Treaty Organization", "CSTO", "canonical:abbreviation")}
    record = record_of(doc, "CSTO")
    assert len(record["mentions"]) == 3
    assert {e.canonical for e in doc.entities if e.label == "ORG"} == {"Collective Security Treaty Organization"}


def test_abbreviation_then_full_form_unknown_to_the_gazetteer(canonical):
    text = "Delegates of the IFPX (International Forum of Polar Xylographers) arrived. IFPX later grew."
    doc = canonical(make_doc(text, [("IFPX", "ORG"), ("International Forum of Polar Xylographers", "ORG")]))
    assert ("IFPX", "International Forum of Polar Xylographers", "canonical:abbreviation") in alias_pairs(doc)
    assert {e.canonical for e in doc.entities} == {"International Forum of Polar Xylographers"}
    assert record_of(doc, "IFPX")["kb_id"] is None


def test_renamed_city_with_marker_and_remark(canonical):
    text = "The meeting in Astana (now Nursultan - ed.) was short. Later, in Astana (Nursultan), it resumed."
    doc = canonical(make_doc(text, [("Astana", "LOC"), ("Nursultan", "LOC")]))
    pairs = alias_pairs(doc)
    assert len([p for p in pairs if p[:2] == ("Astana", "Nursultan")]) == 1
    assert sum(1 for r in doc.relations if r.label == "alias_of") == 2
    assert {r.source for r in doc.relations} == {"canonical:renamed"}
    record = record_of(doc, "Nursultan")
    assert record["kb_id"].startswith("geonames:") and len(record["mentions"]) == 4
    assert record["canonical"] == "Astana"


def test_formerly_without_brackets(canonical):
    text = "Talks were held in Volgograd, formerly Stalingrad, in May."
    doc = canonical(make_doc(text, [("Volgograd", "LOC"), ("Stalingrad", "LOC")]))
    assert alias_pairs(doc) == {("Volgograd", "Stalingrad", "canonical:renamed")}


def test_place_in_brackets_is_not_an_alias(canonical):
    text = "The exercise was held in the Republic of Kyrgyzstan (Issyk-Kul) and in Tajikistan (Dushanbe)."
    doc = canonical(make_doc(text, [("Republic of Kyrgyzstan", "LOC"), ("Issyk-Kul", "LOC"), ("Tajikistan", "LOC"), ("Dushanbe", "LOC")]))
    assert alias_pairs(doc) == set()
    assert len(doc.entities_index) == 4


def test_list_of_organisations_is_not_aliases(canonical):
    text = "Partners include the CIS, CSTO, EAEU and ASEAN."
    doc = canonical(make_doc(text, [("CIS", "ORG"), ("CSTO", "ORG"), ("EAEU", "ORG"), ("ASEAN", "ORG")]))
    assert alias_pairs(doc) == set()
    assert len(doc.entities_index) == 4


def test_gazetteer_names_and_russian_inflection(canonical):
    text = "Издать книгу в Чехии. Чехия и Czech Republic. Russian Federation and Russia."
    doc = canonical(make_doc(text, [("Чехии", "LOC"), ("Чехия", "LOC"), ("Czech Republic", "LOC"), ("Russian Federation", "LOC"), ("Russia", "LOC")]))
    czech = record_of(doc, "Чехии")
    assert czech["kb_id"] == "ISO3166:CZ" and len(czech["mentions"]) == 3
    assert czech["aliases"] == ["Чехии", "Чехия", "Czech Republic"]
    assert record_of(doc, "Russia")["canonical"] == "Russia"
    assert alias_pairs(doc) == set()  # stated by no bracket or marker


def test_unknown_russian_names_group_by_lemma(canonical):
    text = "Центр «Социосфера». Сотрудники «Социосферы» пишут."
    doc = canonical(make_doc(text, [("Социосфера", "ORG"), ("Социосферы", "ORG")]))
    assert len(doc.entities_index) == 1


def test_people(canonical):
    text = "A. M. Melis wrote it. Melis thanks I. Petrov; see Melis A.M. and Petrov I.I. and K. Petrov."
    doc = canonical(make_doc(text, [("A. M. Melis", "PERSON"), ("Melis", "PERSON", 1), ("I. Petrov", "PERSON"),
                                    ("Melis A.M.", "PERSON"), ("Petrov I.I.", "PERSON"), ("K. Petrov", "PERSON")]))
    melis = record_of(doc, "Melis A.M.")
    assert len(melis["mentions"]) == 3 and melis["canonical"] == "A. M. Melis"
    assert record_of(doc, "I. Petrov") == record_of(doc, "Petrov I.I.")
    assert record_of(doc, "K. Petrov") != record_of(doc, "I. Petrov")
    assert record_of(doc, "Petrov I.I.")["canonical"] == "I. I. Petrov"


def test_dates_use_their_value(canonical):
    doc = make_doc("On 16.08.2007 and on August 16, 2007; in 2005.", [("16.08.2007", "DATE"), ("August 16, 2007", "DATE"), ("2005", "DATE")])
    doc.entities[0].value = doc.entities[1].value = "2007-08-16"
    doc.entities[2].value = "2005"
    canonical(doc)
    assert [e.canonical for e in doc.entities] == ["2007-08-16", "2007-08-16", "2005"]
    assert len(doc.entities_index) == 2


def test_tail_of_an_organisation_name_refers_to_it(canonical):
    text = "The Tashkent Regional Executive Committee met. The Executive Committee decided."
    doc = canonical(make_doc(text, [("Tashkent Regional Executive Committee", "ORG"), ("Executive Committee", "ORG", 1)]))
    assert len(doc.entities_index) == 1


def test_missing_abbreviation_mentions_are_added(canonical):
    text = "Troops of the Collective Rapid Reaction Forces (CRRF) trained. The CRRF left; see http://x.org/CRRF."
    doc = canonical(make_doc(text, [("Collective Rapid Reaction Forces", "ORG")]))
    added = [e for e in doc.entities if e.source == "canonical:abbreviation"]
    assert [(e.text, e.label) for e in added] == [("CRRF", "ORG"), ("CRRF", "ORG")]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)
    assert not any(e.start > text.index("http") for e in added)
    assert len(doc.entities_index) == 1
    assert len(alias_pairs(doc)) == 1


def test_missing_long_form_is_added(canonical):
    text = "He joined the Eurasian Group on Money Laundering (EAGML) in 2010."
    doc = canonical(make_doc(text, [("EAGML", "ORG")]))
    added = [e.text for e in doc.entities if e.source == "canonical:abbreviation"]
    assert added == ["Eurasian Group on Money Laundering"]


def test_every_entity_canonical_matches_its_index_record_after_renumbering(canonical):
    text = "The Shanghai Cooperation Organization (SCO) and NATO. SCO members; the SCO RATS."
    doc = canonical(make_doc(text, [("Shanghai Cooperation Organization", "ORG"), ("SCO", "ORG", 1), ("SCO", "ORG", 2),
                                    ("NATO", "ORG"), ("SCO RATS", "ORG")]))
    doc.entities.reverse()
    doc.renumber()
    by_id = doc.entity_by_id()
    for record in doc.entities_index:
        assert record["mentions"]
        for mention in record["mentions"]:
            assert by_id[mention].canonical == record["canonical"]
    assert sum(len(r["mentions"]) for r in doc.entities_index) == len(doc.entities)


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("SCO", "Shanghai Cooperation Organization", True),
        ("EurAsEC", "Eurasian Economic Community", True),
        ("ШОС", "Шанхайская организация сотрудничества", True),
        ("SCO", "Central Asia", False),
        ("CIS", "Parliament of Kyrgyzstan", False),
        ("Astana", "Nursultan", False),
    ],
)
def test_is_abbreviation_of(short, long, expected):
    assert is_abbreviation_of(short, long) is expected


def test_abbreviation_shapes():
    assert looks_like_abbreviation("SCO") and looks_like_abbreviation("EurAsEC") and looks_like_abbreviation("UN")
    assert not looks_like_abbreviation("Nursultan") and not looks_like_abbreviation("Central Asia")


def test_find_long_form_stops_at_lower_case_words():
    text = "countries that joined the Gulf Cooperation Council (GCC)"
    start, end = find_long_form(text, "GCC", text.index("("))
    assert text[start:end] == "Gulf Cooperation Council"
    text = "it will go on creating complicated conditions (CC)"
    assert find_long_form(text, "CC", text.index("(")) is None


def test_person_names():
    assert parse_person("G. T. Ichshanova") == parse_person("Ichshanova G.T.")
    assert parse_person("Ivanov, Ivan Petrovich").initials == "IP"
    assert person_display("Chukalova R.R.") == "R. R. Chukalova"
    assert person_display("G. T. Ichshanova") == "G. T. Ichshanova"


def test_seed_gold_alias_pairs_are_all_found(canonical):
    gold = json.loads((ROOT / "corpus" / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / "raw" / f"{SEED}.txt").read_text(encoding="utf-8")
    doc = Document.from_dict(gold, text=text)
    expected = {frozenset((r.head, r.tail)) for r in doc.relations if r.label == "alias_of"}
    assert expected
    doc.relations = []
    for entity in doc.entities:
        entity.canonical = None
    canonical(doc)
    found = {frozenset((r.head, r.tail)) for r in doc.relations if r.label == "alias_of"}
    assert expected <= found
    assert all(e.canonical for e in doc.entities)
    assert all(doc.text[e.start:e.end] == e.text for e in doc.entities)


def test_now_without_comma_or_bracket_and_lower_case_expansions_are_not_aliases(canonical):
    text = "Born in Durg, Madhya Pradesh now Chhattisgarh, he joined a regional free trade zone (FTA)."
    doc = canonical(make_doc(text, [("Madhya Pradesh", "LOC"), ("Chhattisgarh", "LOC"), ("free trade zone", "ORG"), ("FTA", "ORG")]))
    assert alias_pairs(doc) == set()


def test_person_name_orders():
    assert parse_person("John R. Miller") == parse_person("Miller J.R.")
    assert parse_person("John R. Miller").surname == "Miller"
    assert parse_person("Ivanov, Ivan Petrovich") == parse_person("I. P. Ivanov")
    assert parse_person("Jane Doe").initials == "J"


def _alias_texts(doc):
    by_id = {e.id: e.text for e in doc.entities}
    return {frozenset((by_id[r.head], by_id[r.tail])) for r in doc.relations if r.label == "alias_of"}


@pytest.mark.parametrize("short, long, expected", [
    ("CEMAC", "Economic and Monetary Community of Central Africa", True),  # French word order
    ("OTAN", "North Atlantic Treaty Organization", True),
    ("MGIMO", "Department of International Relations", False),
    ("EU", "Council of Ministers", False),
])
def test_is_translated_abbreviation_of(short, long, expected):
    assert is_translated_abbreviation_of(short, long) is expected


def test_acronym_of_the_name_in_another_language(canonical):
    text = "The Permanent Commission for the South Pacific (CPPS) meets in Lima."
    doc = canonical(make_doc(text, [("Permanent Commission for the South Pacific", "ORG"), ("CPPS", "ORG"), ("Lima", "LOC")]))
    assert frozenset(("Permanent Commission for the South Pacific", "CPPS")) in _alias_texts(doc)


def test_second_short_form_in_another_language(canonical):
    text = "The Union of Baltic Ports (UBP; UPB in Latvian) opened an office."
    doc = canonical(make_doc(text, [("Union of Baltic Ports", "ORG"), ("UBP", "ORG"), ("UPB", "ORG")]))
    assert frozenset(("Union of Baltic Ports", "UPB")) in _alias_texts(doc)
    assert frozenset(("UBP", "UPB")) not in _alias_texts(doc)


def test_acronym_said_to_follow_a_name(canonical):
    text = "The acronym CIDEP follows the Spanish name, Centro Internacional de Estudios Portuarios."
    doc = canonical(make_doc(text, [("CIDEP", "ORG"), ("Centro Internacional de Estudios Portuarios", "ORG")]))
    assert frozenset(("CIDEP", "Centro Internacional de Estudios Portuarios")) in _alias_texts(doc)
