"""Date ranges and holiday names at their edges (textmine.stages.dates).

Written against the survivors of a sampled mutation run over
pipeline/stages/dates.py (docs/testing.md); the sentences are made up, none is
from the seed page.
"""

from __future__ import annotations

import dataclasses

import pytest

from textmine.stages.dates import find_dates


def found(text: str) -> list[tuple[str, str | None]]:
    return [(text[d.start:d.end], d.value) for d in find_dates(text)]


def test_a_day_range_with_an_impossible_end_is_a_date_without_a_value():
    assert found("The summit ran on June 20–25, 2013 in the capital.") == [("June 20–25, 2013", "2013-06-20/2013-06-25")]
    assert found("The summit ran on February 28–30, 2013 in the capital.") == [("February 28–30, 2013", None)]


@pytest.mark.parametrize("text", ["The pipeline runs for some 1950–70 km.", "They hired about 1990–95 people."])
def test_a_short_year_range_that_is_a_quantity_is_not_a_date(text):
    assert found(text) == []


def test_a_short_year_range_is_a_date_elsewhere():
    assert found("The talks lasted from 1992–93 onwards.") == [("1992–93", "1992/1993")]


@pytest.mark.parametrize(
    "text, holiday",
    [("The delegations met at Christmas 2019.", "Christmas"), ("Markets close during Ramadan.", "Ramadan"),
     ("The office reopens after Easter.", "Easter"), ("Shops close early on Thanksgiving.", "Thanksgiving"),
     ("Весной отмечают Навруз.", "Навруз")],
)
def test_holiday_names_are_dates_without_a_value(text, holiday):
    assert (holiday, None) in found(text)


def test_a_time_modifier_is_not_part_of_a_holiday():
    # "early 2019" is one date expression; "early Easter" is a modifier and a holiday name.
    assert found("They met in early Easter week.") == [("Easter", None)]
    assert found("They met in early 2019.") == [("early 2019", "2019")]


@pytest.mark.parametrize("text", ["They marked Its Day in spring.", "Crowds gathered During Day two."])
def test_a_function_word_does_not_start_a_holiday_name(text):
    assert found(text) == []


def test_a_holiday_and_a_calendar_date_are_not_joined_into_a_range():
    assert found("The fair ran from Easter to 1 May 2020.") == [("Easter", None), ("1 May 2020", "2020-05-01")]


def test_the_same_date_twice_is_two_dates_not_a_range():
    assert found("It ran from May 2005 to May 2005.") == [("May 2005", "2005-05"), ("May 2005", "2005-05")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("В 2010-11 гг. прошли переговоры.", [("2010-11 гг.", "2010/2011")]),
        ("В 2010-11 годах прошли переговоры.", [("2010-11 годах", "2010/2011")]),
        ("The report of 2010-11 was late.", [("2010-11", "2010-11")]),
        ("Отчёт за 2010-11 опоздал.", [("2010-11", "2010-11")]),
    ],
)
def test_a_plural_russian_year_word_makes_year_and_two_digits_a_range(text, expected):
    assert found(text) == expected


def test_a_year_glued_to_an_issue_number_is_still_a_date():
    # Scraped reference lists lose spaces; the "№ 4" issue reference is excluded, the year before it is not.
    assert found("Vestnik. 2019№ 4. P. 3-9") == [("2019", "2019")]


@pytest.mark.parametrize("lang, value", [("ru", "2019-06-05"), ("en", "2019-05-06")])
def test_a_date_at_the_start_of_a_segment_is_read_in_that_segments_language(lang, value):
    from textmine.document import Document, Entity, Segment
    from textmine.stages.dates import DateValues

    text = "Intro.\n05/06/2019 was the date."
    start = text.index("05")
    doc = Document(id="d", text=text, segments=[Segment(0, start, "en", "wrapper"), Segment(start, len(text), lang, "article")],
                   entities=[Entity("T1", start, start + 10, "DATE", "05/06/2019")])
    assert DateValues()(doc).entities[0].value == value


def test_an_expression_one_rule_refuses_does_not_stop_its_later_matches():
    # "2010-11" is an ISO month, refused as a short year range; "1992-93" after it is still a range.
    assert found("Budgets for 2010-11 and 1992-93 were cut.") == [("2010-11", "2010-11"), ("1992-93", "1992/1993")]


@pytest.mark.parametrize("text", ["The forum drew 2005 participants.", "They shipped 1900 tons of grain."])
def test_a_year_before_a_unit_word_is_a_count(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [("Report On Elections In 2005", [("2005", "2005")]),
     ("Photographs Circa 1900 show it.", [("1900", "1900")]),
     ("Выборы В 2005 прошли.", [("2005", "2005")]),
     ("Выборы Зимой 2005 прошли.", [("Зимой 2005", "2005")])],
)
def test_a_capitalised_time_word_before_a_year_does_not_make_it_a_name(text, expected):
    assert found(text) == expected


def test_a_capitalised_word_opening_a_sentence_makes_no_name_unless_hyphenated():
    assert found("Also 2005 saw new talks.") == [("2005", "2005")]
    assert found("Vostok-2014 was held.") == []


@pytest.mark.parametrize(
    "text, expected",
    [("The 1800 census counted them.", [("1800", "1800")]),
     ("The 2099 target was set.", [("2099", "2099")]),
     ("The 2100 target was set.", []),
     ("The 1500 were counted.", []),  # outside 1800-2099 a bare year needs a time preposition
     ("It was founded in 1000.", [("1000", "1000")]),
     ("It was founded in 999.", [])],  # and at least 1000
)
def test_bare_years_from_1800_to_2099_and_earlier_ones_after_a_preposition(text, expected):
    assert found(text) == expected


def test_a_year_with_a_year_word_after_a_quantity_word_is_a_date():
    # "около" (about) counts people before a bare number, but "около 2005 года" is "about the year 2005".
    assert found("Это случилось около 2005 года.") == [("2005 года", "2005")]


def test_march_is_a_month_only_after_a_time_preposition():
    assert found("Protesters March through the city.") == []
    assert found("They left in March.") == [("March", "XXXX-03")]


@pytest.mark.parametrize(
    "text, expected",
    [("It ran from May to June.", [("May to June", "XXXX-05/XXXX-06")]),
     ("It ran from 5 May to 7 June.", [("5 May to 7 June", "XXXX-05-05/XXXX-06-07")]),
     # ends of different granularity, or an impossible end, are two dates
     ("It ran from May 2012 to 2013.", [("May 2012", "2012-05"), ("2013", "2013")]),
     ("It ran from 30 February to 2 March 2013.", [("30 February", None), ("2 March 2013", "2013-03-02")]),
     # a bare day exists only as the start of a range
     ("It ran 28–30 February 2013 in Astana.", [("30 February 2013", None)])],
)
def test_range_ends_without_a_year_join_when_both_have_a_month(text, expected):
    assert found(text) == expected


def test_date_mentions_are_immutable_values():
    mention = find_dates("It opened in May 2005.")[0]
    assert {mention: 1}[mention] == 1  # hashable
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.value = "2006"
