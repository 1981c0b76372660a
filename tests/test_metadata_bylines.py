"""Bylines read by the shape of names (textmine.stages.metadata.bylines).

Every example is made up for these tests (not from the seed page or the layout set)."""

import pytest

from textmine.stages.metadata.bylines import join_broken_name, read_byline


def names(line: str, **options) -> list[tuple[str, list[str]]]:
    return [(n.text, n.markers) for n in read_byline(line, 0, len(line), **options)]


@pytest.mark.parametrize("line, expected", [
    # given name, initials, surname; numbered markers
    ("Ivan P. Sokolov1, Maria K. Lebedeva2", [("Ivan P. Sokolov", ["1"]), ("Maria K. Lebedeva", ["2"])]),
    # two-letter initials and "1,2": both markers, the first is the author's first institution
    ("Oleg Yu. Zorin1,2, Yu. V. Panova2", [("Oleg Yu. Zorin", ["1", "2"]), ("Yu. V. Panova", ["2"])]),
    # surname and initials; superscript and star markers; the list ends at the degree
    ("Sokolov I. P.¹*, PhD, Associate Professor", [("Sokolov I. P.", ["1", "*"])]),
    ("Belova A.K., Frolov D.D.", [("Belova A.K.", []), ("Frolov D.D.", [])]),
    # inverted "Surname, Given" with its marker
    ("Karlsson, Erik², Senior Lecturer", [("Karlsson, Erik", ["2"])]),
    # names in capitals
    ("IVAN P. SOKOLOV1*, MARIA K. LEBEDEVA2", [("IVAN P. SOKOLOV", ["1", "*"]), ("MARIA K. LEBEDEVA", ["2"])]),
    # surname, given name, patronymic (Latin and Cyrillic), after Russian labels
    ("Автор: Соколова Мария Петровна, доцент", [("Соколова Мария Петровна", [])]),
    ("автор научной работы — Abdullaev Timur Rustamovich", [("Abdullaev Timur Rustamovich", [])]),
    ("Авторы научной работы — Orlova N. P., Frolov K. S.", [("Orlova N. P.", []), ("Frolov K. S.", [])]),
    ("Авторы: Petrov P. P., Orlova N. N.", [("Petrov P. P.", []), ("Orlova N. N.", [])]),
    # "By" bylines with two-word names
    ("By Emma Stone and Lars Berg", [("Emma Stone", []), ("Lars Berg", [])]),
    ("By Emma Stone · 3 May 2020", [("Emma Stone", [])]),
    # the same under a journal article's title, in lower case
    ("by Emma Stone and Lars Berg", [("Emma Stone", []), ("Lars Berg", [])]),
])
def test_bylines(line, expected):
    assert names(line) == expected


@pytest.mark.parametrize("line", [
    "Moscow, Russia",  # the inverted shape needs a label or markers
    "Home Page",
    "Editorial Board",
    "Current Issue",
    "Candidate of Sciences",
    "Abstract Keywords",
    "Emma Stone",  # a two-word name alone needs its place in an author block
    "Emma Stone wrote this",
    "Lake Baikal Research Station",
    "by the Lake Baikal Research Station",  # a wrapped sentence's line: "by" before no name
])
def test_not_bylines(line):
    assert names(line) == []


def test_two_word_names_on_their_own_line_or_after_a_label_above():
    assert names("Emma Stone", own_line=True) == [("Emma Stone", [])]
    assert names("Emma Stone (Lakeside University, Oslo)") == [("Emma Stone", [])]
    assert names("Emma Stone, Lars Berg", labelled=True) == [("Emma Stone", []), ("Lars Berg", [])]


def test_a_name_cut_by_the_line_break():
    text = "Ivan P. Sokolov, Maria K.\nLebedeva\nLakeside University"
    first_end = text.index("\n")
    second_start = first_end + 1
    second_end = text.index("\n", second_start)
    end = join_broken_name(text, 0, first_end, second_start, second_end)
    assert [n.text for n in read_byline(text, 0, end)] == ["Ivan P. Sokolov", "Maria K. Lebedeva"]
    # A complete name at the end of the line is not joined with the next line.
    whole = "Ivan P. Sokolov\nLakeside University"
    assert join_broken_name(whole, 0, 15, 16, len(whole)) == 15


@pytest.mark.parametrize("line, expected", [
    ("Sean O'Neil1, Ross McDonald2", [("Sean O'Neil", ["1"]), ("Ross McDonald", ["2"])]),  # marked two-word names
    ("Aisulu Zhakenova¹, Gülnar Öztürk²", [("Aisulu Zhakenova", ["1"]), ("Gülnar Öztürk", ["2"])]),
    ("Emma Stone, PhD, Lakeside University", [("Emma Stone", [])]),  # a degree follows the name
    ("ŞAHİN A. YILMAZ", [("ŞAHİN A. YILMAZ", [])]),
])
def test_more_name_shapes(line, expected):
    assert names(line) == expected


def test_a_two_word_name_before_an_institution_needs_its_place():
    assert names("Emma Stone, Lakeside University") == []


def test_names_after_a_record_label_are_marked_as_a_record_field():
    record = read_byline("автор научной работы — Orlova Nina Petrovna", 0, 44)
    assert [(n.text, n.record_field) for n in record] == [("Orlova Nina Petrovna", True)]
    line = "By Emma Stone and Lars Berg"
    assert [n.record_field for n in read_byline(line, 0, len(line))] == [False, False]  # a news byline is the article's
    line = "N. P. Orlova, K. S. Frolov"
    assert [n.record_field for n in read_byline(line, 0, len(line))] == [False, False]


def test_an_id_in_brackets_after_a_name_does_not_end_the_list():
    line = "Ivan P. Sokolov (https://orcid.org/0000-0002-1825-0097), Maria K. Lebedeva (mkl@example.org)"
    assert names(line) == [("Ivan P. Sokolov", []), ("Maria K. Lebedeva", [])]
    # a bracket that is not an iD, an address or an institution still ends the list
    assert names("Ivan P. Sokolov (retired), Maria K. Lebedeva") == [("Ivan P. Sokolov", [])]


def test_a_two_word_name_followed_by_its_institution_and_contact():
    assert names("Emma Stone, Lakeside University, Oslo, Norway; stone@example.org") == [("Emma Stone", [])]
    assert names("Lars Berg, Fjord Institute of Marine Research, Bergen, 0000-0002-1825-0097") == [("Lars Berg", [])]
    # an institution whose first words have a name's shape ends the list
    assert names("Anna K. Lind, Northern Policy Institute, Oslo, https://orcid.org/0000-0002-1825-0097") == [("Anna K. Lind", [])]
    # without the e-mail or ORCID (see above), or with a place instead of an institution, it is not a byline
    assert names("Lars Berg, Fjord Institute of Marine Research, Bergen") == []
    assert names("Emma Stone, Oslo, Norway; stone@example.org") == []
    assert names("Lake Baikal, Irkutsk Region") == []


@pytest.mark.parametrize("line, expected", [
    # superscript markers with a comma between them
    ("Pavel S. Orlov¹,², Irina K. Sedova²*", [("Pavel S. Orlov", ["1", "2"]), ("Irina K. Sedova", ["2", "*"])]),
    # letter markers after a space, the star after a comma
    ("Pavel S. Orlov a, b, Irina K. Sedova b, *", [("Pavel S. Orlov", ["a", "b"]), ("Irina K. Sedova", ["b", "*"])]),
    ("Pavel S. Orlovᵃ,ᵇ, Irina K. Sedovaᵇ", [("Pavel S. Orlov", ["a", "b"]), ("Irina K. Sedova", ["b"])]),
    # a lone letter is a marker, the first letter of a word is not ("and")
    ("Pavel S. Orlov and Irina K. Sedova", [("Pavel S. Orlov", []), ("Irina K. Sedova", [])]),
])
def test_marker_forms(line, expected):
    assert names(line) == expected


def test_surname_in_capitals_then_given_name_on_its_own_line():
    assert names("SEDOVA Irina", own_line=True) == [("SEDOVA Irina", [])]
    assert names("ОРЛОВ Павел Сергеевич", own_line=True) == [("ОРЛОВ Павел Сергеевич", [])]
    # without its place in an author block the shape is a heading's ("ABSTRACT Background" is no name either way)
    assert names("SEDOVA Irina") == []
    assert names("ABSTRACT Background", own_line=True) == []


def test_inverted_name_alone_on_a_line_of_the_author_block():
    assert names("Sedova, Irina", own_line=True) == [("Sedova, Irina", [])]
    assert names("Sedova, Irina") == []
    # with more after it on the line, the inverted shape still needs a label or markers
    assert names("Sedova, Irina, Lakeside", own_line=True) == []


def test_each_name_with_its_institution_in_brackets():
    line = "Pavel S. Orlov (Lakeside University), Irina Sedova (Fjord Institute of Oceanology, Bergen)"
    found = read_byline(line, 0, len(line))
    assert [n.text for n in found] == ["Pavel S. Orlov", "Irina Sedova"]
    assert [line[n.institution[0]:n.institution[1]] for n in found] == [
        "Lakeside University", "Fjord Institute of Oceanology, Bergen"]
    # two-word names need every one of them bracketed with an institution
    assert names("Pavel Orlov (Lakeside University), Irina Sedova") == []


def test_inverted_names_in_a_list_separated_by_semicolons():
    assert names("Sedova, Irina¹; Orlov, Pavel²") == [("Sedova, Irina", ["1"]), ("Orlov, Pavel", ["2"])]
    assert names("Авторы: Седова, Ирина; Орлов, Павел") == [("Седова, Ирина", []), ("Орлов, Павел", [])]
    # after a comma an inverted shape is not read as the next name ("Sedova, Irina¹, Lakeside, Norway")
    assert names("Sedova, Irina¹, Lakeside, Norway") == [("Sedova, Irina", ["1"])]


@pytest.mark.parametrize("line, expected", [
    ("Pavel S. Orlov 1, 2, Irina K. Sedova 2", [("Pavel S. Orlov", ["1", "2"]), ("Irina K. Sedova", ["2"])]),
    ("P. S. Orlov¹ ², I. K. Sedova²", [("P. S. Orlov", ["1", "2"]), ("I. K. Sedova", ["2"])]),
    ("Pavel S. Orlov(1), Irina K. Sedova(2)", [("Pavel S. Orlov", ["1"]), ("Irina K. Sedova", ["2"])]),
    ("Pavel S. Orlov [1], Irina K. Sedova [2]", [("Pavel S. Orlov", ["1"]), ("Irina K. Sedova", ["2"])]),
    ("Pavel S. Orlov†, Irina K. Sedova‡", [("Pavel S. Orlov", ["†"]), ("Irina K. Sedova", ["‡"])]),
    # a year after the name is no marker
    ("Pavel S. Orlov 2020", [("Pavel S. Orlov", [])]),
    # inverted with initials, alone on an author-block line or in a labelled list
    ("Авторы: Orlov, P. S.; Sedova, I. K.", [("Orlov, P. S.", []), ("Sedova, I. K.", [])]),
])
def test_more_marker_forms_and_inverted_initials(line, expected):
    assert names(line) == expected


@pytest.mark.parametrize("line, expected", [
    # particles before the surname; three-word names; each on a line with its institution and contact
    ("Lotte van der Meer, Delft Institute of Hydraulics, Delft, Netherlands, lvdm@example.nl", ["Lotte van der Meer"]),
    ("Rosa de Lima, Federal University of Ceara, Fortaleza, Brazil; rosa@example.br", ["Rosa de Lima"]),
    ("Yusof bin Hamid, University of Penang, George Town, Malaysia, yusof@example.my", ["Yusof bin Hamid"]),
    ("Tran Thi Lan, Hue University of Sciences, Hue, Vietnam, ttlan@example.vn", ["Tran Thi Lan"]),
    ("Ana Lucia Rojas¹, Pedro Vidal²", ["Ana Lucia Rojas", "Pedro Vidal"]),
    # a title before the name is no part of it, and says the name is a person's
    ("Dr. Kofi Boateng, Volta Institute of Fisheries, Akosombo, Ghana", ["Kofi Boateng"]),
    ("Prof. Dr. Greta Vogel", ["Greta Vogel"]),  # alone on a line too
])
def test_particles_three_word_names_and_titles(line, expected):
    assert [n for n, _ in names(line)] == expected


@pytest.mark.parametrize("line", [
    "Universidad de los Andes",  # an institution in another language is no name
    "Lake Research Station, Kola, Russia",
    "Central Asian Survey",
])
def test_institutions_and_three_capitalised_words_are_no_names(line):
    assert names(line) == [] and names(line, own_line=True) == []


def test_name_institution_pairs_need_an_institution_in_every_part():
    line = "Pavel Orlov, Onega Institute of Limnology; Irina Sedova, Fjord University"
    found = read_byline(line, 0, len(line))
    assert [(n.text, line[n.institution[0]:n.institution[1]]) for n in found] == [
        ("Pavel Orlov", "Onega Institute of Limnology"), ("Irina Sedova", "Fjord University")]
    assert names("Pavel Orlov, Petrozavodsk; Irina Sedova, Bergen") == []


@pytest.mark.parametrize("line, expected", [
    # initials without full stops (Vancouver), with markers
    ("Orlov PS1, Sedova IK2", ["Orlov PS", "Sedova IK"]),
    ("Pavel S Orlov1, Irina K Sedova2", ["Pavel S Orlov", "Irina K Sedova"]),
    # a degree after each name, and ", and" before the last name
    ("Pavel Orlov, PhD, and Irina Sedova, DSc", ["Pavel Orlov", "Irina Sedova"]),
    ("Pavel S. Orlov, Irina K. Sedova, and Oleg T. Naumov", ["Pavel S. Orlov", "Irina K. Sedova", "Oleg T. Naumov"]),
    # capitals and a letter are no Vancouver name on their own
    ("Lake BC", []),
])
def test_vancouver_initials_listed_degrees_and_serial_comma(line, expected):
    assert [n for n, _ in names(line)] == expected


def test_name_institution_pairs_with_a_dash_between_name_and_institution():
    line = "Amara K. Mensah — Department of Marine Studies, University of the Gold Coast, Cape Coast; Pavel Zhuravlev — Baltic Institute of International Affairs, Kaliningrad"
    found = read_byline(line, 0, len(line), own_line=True)
    assert [(n.text, line[n.institution[0]:n.institution[1]]) for n in found] == [
        ("Amara K. Mensah", "Department of Marine Studies, University of the Gold Coast, Cape Coast"),
        ("Pavel Zhuravlev", "Baltic Institute of International Affairs, Kaliningrad")]
