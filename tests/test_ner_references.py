"""Authors of reference lists and citations, names with particles, organisation names with an inner region, and
standing bodies named Forum/Conference. Made-up texts; none is from the seed page, corpus/pages or the challenge
passages."""

from __future__ import annotations

import pytest

from textmine.stages.ner.references import citation_candidates, particle_name_candidates, reference_author_candidates
from test_ner_construction import extractor, mentions  # noqa: F401  (the shared module fixture and helper)


def authors(text: str) -> list[str]:
    return [text[c.start:c.end] for c in reference_author_candidates(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # APA: "&", a hyphenated surname, two initials
        ("Kwarteng-Ofori, S. B., & Lamptey, R. (2017). Cocoa prices. Journal of Rural Ghana, 3(1), 1–9.",
         ["Kwarteng-Ofori, S. B.", "Lamptey, R."]),
        # Harvard: particles, initials without a space, "and"
        ("Bakker, H. and van den Brink, A.K. (2012) 'Dikes', Water Policy, 4(2), pp. 1–20.", ["Bakker, H.", "van den Brink, A.K."]),
        # a Spanish double surname with "de la"
        ("de la Torre Salinas, P. (2015) Andean courts. Quito: Abya-Yala.", ["de la Torre Salinas, P."]),
        # Chicago: inverted first author, natural order after, a lower-case hyphen part, "et al." elsewhere
        ("Lindgren, Maja, Tomás Echeverría, and Ji-hoon Seo. 2018. \"Ferries.\" Nordic Review 3 (1): 1–9.",
         ["Lindgren, Maja", "Tomás Echeverría", "Ji-hoon Seo"]),
        ("Morimoto, Akira, et al. 2014. Tuna. Suva: Pacific Press.", ["Morimoto, Akira"]),
        # GOST: initials after the surname, the title's first word straight after the last initial
        ("Petrenko O. V., Sandoval-Ríos J. Water law // Studia Iuridica. – 2013. – № 2.", ["Petrenko O. V.", "Sandoval-Ríos J."]),
        # Vancouver: initials glued without full stops, then "et al."
        ("3. Tran VH, Le QT, Ho MN, et al. Typhoon damage. Clim Risk. 2016;4(2):11-9.", ["Tran VH", "Le QT", "Ho MN"]),
        # editors after "In", an apostrophe surname
        ("Banda, C. (2011). Maize. In K. O'Brien & T. Phiri (Eds.), Farming (pp. 3–9). Lusaka: Zed.",
         ["Banda, C.", "K. O'Brien", "T. Phiri"]),
    ],
)
def test_every_author_of_a_reference_list(text, expected):
    assert set(expected) <= set(authors(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenya, Uganda and Tanzania. 2019 was a dry year.",  # places in a list: no author shape
        "South Sudan and North Korea. 2019 brought sanctions.",  # names in natural order alone are not authors
        "Marta K. Oyelaran (born 1950) is a painter.",  # "Given I. Surname", not "Surname I." and a title
        "Tbilisi, Georgia, 2019.",  # a city and its country
        "London, Routledge, 2019.",  # a place of publication and its publisher
        "Political Science, International Relations. 2021. № 3.",  # a rubric line
    ],
)
def test_no_authors_where_the_line_is_not_an_author_list(text):
    assert not authors(text)


def test_a_lone_surname_with_an_initial_before_a_title_needs_a_reference_locator():
    assert authors("Halvorsen T. Fjords of the north // Polar Notes. – 2010. – № 1. – P. 5–9.") == ["Halvorsen T."]
    assert not authors("Halvorsen T. Fjord was his boat.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Later work (Mbeki & Tshabalala, 2011; van Wyk et al., 2018) disagreed.", {"Mbeki", "Tshabalala", "van Wyk"}),
        ("De Souza (2016) argues that ports matter.", {"De Souza"}),
        ("As shown by Okoro and Lindahl (2020), rates fell.", {"Okoro", "Lindahl"}),
    ],
)
def test_cited_authors_in_author_date_citations(text, expected):
    assert {text[c.start:c.end] for c in citation_candidates(text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Her third album, Harvest (2014), sold well.",  # a work's title with its year
        "The conference (Geneva, 2019) ended.",  # a place and a year
        "She won the Cup (2003) and the Shield (2005).",
    ],
)
def test_no_cited_author_in_titles_and_places_with_years(text):
    assert not citation_candidates(text)


def test_particle_names_on_a_byline_but_not_places_or_titles():
    byline = "Joost van der Linde¹, Ana de la Vega²\n¹ University of Groningen"
    assert {byline[c.start:c.end] for c in particle_name_candidates(byline)} == {"Joost van der Linde", "Ana de la Vega"}
    for text in ("Rio de Janeiro, Brazil", "Universidad de la Costa, Barranquilla", "Le Rouge de Lyon\nA novel."):
        assert not particle_name_candidates(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Institute for Fisheries Research in West Africa published data.", ("Institute for Fisheries Research in West Africa", "ORG")),
        ("The Council for Water Studies in the Horn of Africa met.", ("Council for Water Studies in the Horn of Africa", "ORG")),
        ("The Commission for Trade in Latin America and the Caribbean replied.",
         ("Commission for Trade in Latin America and the Caribbean", "ORG")),
    ],
)
def test_an_organisation_name_keeps_its_inner_region(extractor, text, expected):
    found = mentions(extractor, text)
    assert expected in found
    assert not any(label == "LOC" for _, label in found)


def test_a_city_or_country_after_in_is_where_the_body_is(extractor):
    found = mentions(extractor, "The Institute for Fisheries Research in Accra published data.")
    assert ("Accra", "LOC") in found
    assert not any("Accra" in name and label == "ORG" for name, label in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chile became a member of the Lisbon Conference on Maritime Law in 2005.", ("Lisbon Conference on Maritime Law", "ORG")),
        ("The Atlantic Shipping Forum, based in Porto, issued a report.", ("Atlantic Shipping Forum", "ORG")),
    ],
)
def test_a_standing_body_named_conference_or_forum(extractor, text, expected):
    assert expected in mentions(extractor, text)


def test_a_gathering_named_conference_stays_an_event(extractor):
    found = mentions(extractor, "Chile sent a delegation to the Third Lisbon Maritime Conference in June.")
    assert ("Third Lisbon Maritime Conference", "EVENT") in found


def test_a_meeting_of_a_body_named_forum_is_one_event(extractor):
    found = mentions(extractor, "Ministers attended the Annual Meeting of the Gulf Shipping Forum in Muscat.")
    assert ("Annual Meeting of the Gulf Shipping Forum", "EVENT") in found


@pytest.mark.parametrize(
    "text, person, not_person",
    [
        ("The maps were drawn by Lindqvist H. Further details follow.", "Lindqvist H.", "Lindqvist H. Further"),
        ("This view was put by Amadi C. Nigeria later changed course.", "Amadi C.", "Amadi C. Nigeria"),
        ("We also thank Moana T. Funding came from the trust.", "Moana T.", "Moana T. Funding"),
    ],
)
def test_a_sentence_that_opens_right_after_a_last_initial(extractor, text, person, not_person):
    found = {name for name, _ in mentions(extractor, text)}
    assert person in found and not_person not in found


def test_given_initial_surname_and_longer_names_ending_in_a_letter_are_kept(extractor):
    assert ("Rosa T. Alvarado", "PERSON") in mentions(extractor, "The study by Rosa T. Alvarado was cited.")
    found = mentions(extractor, "after the Second War II. This was new")  # a name's last letter, not an initial
    assert not any(label == "PERSON" for _, label in found)


def test_reference_titles_and_publication_places(extractor):
    text = "Aksoy, Deniz. 2013. \"Harbours and Power on the Aegean.\" Journal of Levant Studies 9 (2): 1–20.\n" \
           "Ruud, K. (2010). Fjord ferries. Bergen: Vestland Forlag."
    found = mentions(extractor, text)
    assert ("Aksoy, Deniz", "PERSON") in found and ("Ruud, K.", "PERSON") in found
    assert ("Bergen", "LOC") in found
    assert not any(name in ("Harbours", "Power") for name, _ in found)  # a cited title's words


def test_a_periodical_named_with_of_after_its_head(extractor):
    found = mentions(extractor, "Obi, N. (2014). Ports. West African Journal of Maritime Affairs, 2(1), 5–9.")
    assert ("West African Journal of Maritime Affairs", "ORG") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a byline of "Given I. Surname" names with markers, a town's name as a given name, a digraph initial
        ("Timur K. Sadykov¹, Sofia Yu. Belova²*\n¹ Omsk State University", ["Timur K. Sadykov", "Sofia Yu. Belova"]),
        # the last name followed by a column gap of a two-column page
        ("Arina V. Kholodova¹, Pavel S. Markin²        ARTICLE INFO", ["Arina V. Kholodova", "Pavel S. Markin"]),
    ],
)
def test_a_byline_of_given_initial_surname_names(text, expected):
    from textmine.stages.ner import model_text

    read = model_text(text)
    assert [read[c.start:c.end] for c in reference_author_candidates(read)] == expected


def test_a_periodical_name_stops_at_its_line():
    from textmine.stages.ner.patterns import organisation_candidates

    text = "Journal: Steppe Bulletin of Agronomy\nYear: 2019"
    assert "Steppe Bulletin of Agronomy" in {text[c.start:c.end] for c in organisation_candidates(text)}


# --- reference tails, abbreviated journals, names cut by a line break (ner11 round) ----------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hydrol Sci J. 2014 Sep;59(6):1201-14.", [("2014 Sep", "2014-09")]),  # Vancouver: year, month, locator
        ("Epub 2019 Feb 27.", [("2019 Feb 27", "2019-02-27")]),
        ("Nwosu, A. (2016, October 2). Lagos traffic. Daily Trust, 4, 6–7.", [("2016, October 2", "2016-10-02")]),  # APA magazine
        ("Agric Syst. 2010 Jun 8;103(5):1020-33.", [("2010 Jun 8", "2010-06-08")]),  # pages "1020-33" are not a range of years
        ("Food Policy. 2008;33 Suppl 1:S40-52.", [("2008", "2008")]),
    ],
)
def test_dates_of_reference_tails(text, expected):
    from textmine.stages.dates import find_dates

    assert [(text[d.start:d.end], d.value) for d in find_dates(text)] == expected


def test_a_year_first_date_is_read_only_where_an_entry_closes_it():
    from textmine.stages.dates import find_dates

    text = "In 2019 May was the wettest month."
    assert [text[d.start:d.end] for d in find_dates(text)] == ["2019"]


def test_a_vancouver_year_is_not_grown_over_its_glued_locator(extractor):
    text = "1. Odhiambo PK, Larsen T. Tea estates in Kericho. Afr J Econ Rev. 2011;7(2):33-41."
    found = mentions(extractor, text)
    assert ("2011", "DATE") in found
    assert not any(";" in name for name, _ in found)  # "2011;7(2):33" is a year and its volume, issue and page


def test_journals_of_vancouver_entries_and_record_fields():
    from textmine.stages.ner.references import journal_candidates

    text = (
        "2. Oyelowo T, Brandt S. Grain silos in the Sahel. Food Secur Rev. 2012 Apr;4(1):9-17.\n"
        "3. Aliyeva N. Carpet trade of Baku. Cauc Surv. 2019;6:1-20.\n"
        "Источник: Arid Land Res Manag\n"
        "Источник: составлено автором\n"
        "Journal: Ecology of the Steppe\n"
    )
    assert [text[c.start:c.end] for c in journal_candidates(text)] == [
        "Food Secur Rev", "Cauc Surv", "Arid Land Res Manag", "Ecology of the Steppe",
    ]


def test_an_abbreviated_journal_is_one_organisation_without_the_full_stop_after_it(extractor):
    text = "4. Demir K, Hansen L. Cotton yields in Harran. Int Agric Rev. 2017;12(4):301-9."
    found = mentions(extractor, text)
    assert ("Int Agric Rev", "ORG") in found
    assert not any(name == "Int Agric" or label == "LOC" and "Agric" in name for name, label in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nodira Yusupova¹, Pavel Orlov², Zarina\nK. Abdullaeva¹\n¹ Samarkand State University", "Zarina\nK. Abdullaeva"),
        ("By Helga Sørensen, Timur A.\nNurmagambetov and Lucia Romano\nUniversity of Turin", "Timur A.\nNurmagambetov"),
        ("Abdrakhmanov\nS. T., Kim V. P.\nEurasian National University", "Abdrakhmanov\nS. T."),
    ],
)
def test_a_list_name_cut_by_a_line_break_is_one_person(extractor, text, expected):
    from textmine.stages.ner.references import broken_name_candidates

    assert [text[c.start:c.end] for c in broken_name_candidates(text)] == [expected]
    assert (expected, "PERSON") in mentions(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lindqvist, Mikkel Holm\nS. P. Korolev Samara University",  # a whole name, then an institution's initials
        "The photographs were taken in Victoria\nP. Mensah catalogued them.",  # a sentence's last word, not a given name
        "Kazakhstan\nA. B., 2019",  # a country does not begin a name
    ],
)
def test_no_name_over_a_line_break_where_the_line_ends_a_whole_name_or_a_sentence(text):
    from textmine.stages.ner.references import broken_name_candidates

    assert broken_name_candidates(text) == []


def test_a_place_ending_a_line_is_not_the_given_name_of_the_next_lines_person(extractor):
    found = mentions(extractor, "The photographs were taken in Victoria\nP. Mensah catalogued them for the museum.")
    assert ("P. Mensah", "PERSON") in found and ("Victoria", "PERSON") not in found


def test_positions_in_the_plural_are_not_names():
    from textmine.stages.ner.spans import is_position

    assert is_position("Research fellows") and is_position("Senior Lecturers") and not is_position("Research Fellowes Smith")


def test_a_cited_titles_first_word_and_a_references_numbers_are_not_names():
    from textmine.stages.ner import _is_furniture_or_artefact, _opens_a_title_before_lower_case
    from textmine.stages.ner.references import reference_title_spans
    from textmine.stages.ner.spans import Candidate

    text = "5. Ruiz MA. Shrimp farms of the Gulf of Fonseca. Aquac Rep. 2015;49(3):612-40. Suppl 2 followed."
    titles = reference_title_spans(text)
    first_word = text.index("Shrimp")
    assert _opens_a_title_before_lower_case(text, Candidate(first_word, first_word + 6, "PERSON", "spacy", 70), titles)
    numbers, suppl = text.index("2015"), text.index("Suppl")
    assert _is_furniture_or_artefact(text, Candidate(numbers, text.index(". Suppl"), "ORG", "spacy", 70))
    assert _is_furniture_or_artefact(text, Candidate(suppl, suppl + 7, "ORG", "spacy", 70))


def test_quoted_titles_of_works_but_not_quoted_names():
    from textmine.stages.ner.patterns import quoted_title_spans

    text = ('Her film "Winter Pastures of the Altai" won a prize; the NGO "Green Altai" and the exercise "Steppe Eagle" '
            "did not. The article 'Ferries between Estonia and Finland' followed, as did \"Tallinn Harbour\".")
    assert [text[s:e] for s, e in quoted_title_spans(text)] == ["Winter Pastures of the Altai", "Ferries between Estonia and Finland"]


def test_a_title_phrase_around_a_place_is_not_a_name():
    from textmine.stages.ner import _a_title_phrase_around_a_place
    from textmine.stages.ner.spans import Candidate

    text = 'The report "Harbours of Mombasa: Trade on the Swahili Coast" was read.'
    title = [(text.index("Harbours"), text.index('" was'))]
    mombasa = (text.index("Mombasa"), text.index("Mombasa") + 7)
    phrase = Candidate(text.index("Harbours"), mombasa[1], "LOC", "spacy", 70)
    coast = Candidate(text.index("Swahili"), text.index('" was'), "LOC", "spacy", 70)
    assert _a_title_phrase_around_a_place(text, phrase, title, [mombasa])
    assert not _a_title_phrase_around_a_place(text, coast, title, [mombasa])  # a place's own head noun
    outside = Candidate(text.index("Harbours"), mombasa[1], "LOC", "spacy", 70)
    assert not _a_title_phrase_around_a_place(text, outside, [], [mombasa])  # not in a title


def test_a_place_inside_a_quoted_title_is_found_whole(extractor):
    text = "The study \"Fishing Towns of Zanzibar and Pemba\" was cited in the article 'Cloves and Trade after 1964'."
    found = mentions(extractor, text)
    assert ("Zanzibar", "LOC") in found and not any(name.startswith("Fishing Towns") for name, _ in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a numbered entry with one author whose surname has two words, a Spanish title's article after the initial
        ("4. Quesada Vargas M. El canal seco de Nicaragua. Managua: Editorial Lago, 2015.", ["Quesada Vargas M."]),
        # a particle, then a German title's article after the initial
        ("7. van Aken K. Der Hafen von Riga. Bremen: Nordsee Verlag, 1988.", ["van Aken K."]),
    ],
)
def test_a_numbered_entrys_lone_author_before_a_title(text, expected):
    assert authors(text) == expected


def test_a_numbered_list_of_people_keeps_given_initial_surname():
    assert authors("1. Radu D. Lecca (1890-1980) painted the harbour.") == []


def test_a_double_surname_after_initials_in_brackets(extractor):
    found = mentions(extractor, "Contact: the first author (M. Quesada Vargas); the second author (P. Lind).")
    assert ("M. Quesada Vargas", "PERSON") in found
