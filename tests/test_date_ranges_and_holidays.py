"""Date ranges and holiday names at their edges (textmine.stages.dates).

Written against the survivors of a sampled mutation run over
pipeline/stages/dates.py (docs/testing.md); the sentences are made up, none is
from the seed page.
"""

from __future__ import annotations

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
