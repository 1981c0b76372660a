"""Perturbed dev layouts: the same metadata printed differently, and which printings break extraction.

The dev half of the layout set (``corpus/layouts`` dev and the dev-only
batches) is saturated: the extractor reads nearly all of it, yet unseen pages
fail in printings the dev layouts do not show. Each *transform* here derives a
new, correctly labelled page from a dev layout by changing how the same
metadata is printed (names in capitals or inverted, marker styles, ORCID and
e-mail printings, author lines joined or split, blank lines, CRLF, tabs,
non-breaking spaces, a Russian wrapper, a text page rendered as HTML), and
carries its expected metadata over exactly:

* a transform only changes what the layout conventions
  (``corpus/layouts/README.md``) make independent of the value read: where a
  value is itself reprinted (a name in capitals, "Surname I. I."), the
  expected value is rewritten the same way;
* every stated string of the new expected metadata must still be printed on
  the new page (whitespace runs compared as one space; for HTML in its
  extracted text or its unescaped source, meta tags included), else the page
  is skipped for that transform, as it is when the transform finds nothing to
  change.

The frozen test half is never read. Transforms are deterministic: the random
choices (which label, which pages when sampling) come from
``random.Random`` seeded with the seed, the transform's and the page's names.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from textmine.evaluation.benchmarks.metadata import (ADDED_DIRS, LAYOUTS_DIR, SCALAR_FIELDS, SplitResult, load_layouts,
                                                     normalise, score_page)


@dataclass(frozen=True)
class Page:
    """One layout page: its raw content (text, or HTML source), format and expected metadata."""

    id: str
    content: str
    format: str  # "txt" or "html"
    metadata: dict[str, Any]


@dataclass(frozen=True)
class Transform:
    """A named printing change: ``apply(page, rng)`` gives the perturbed page, or None where it does not apply."""

    name: str
    description: str
    apply: Callable[[Page, random.Random], Page | None]


# ---------------------------------------------------------------------------------------------- helpers

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰ"
_TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPT_DIGITS)
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")


def _value_pattern(value: str) -> str:
    """A regex for ``value`` as printed: its whitespace runs may be any whitespace, not inside a longer word."""
    body = r"\s+".join(re.escape(part) for part in value.split())
    # a marker may follow: a digit, a superscript digit or letter ("Petrov1", "Petrov¹", "Petrovᵃ")
    return rf"(?<![\w.@-]){body}(?!(?![{_SUPERSCRIPT_LETTERS}{_SUPERSCRIPT_DIGITS}])[^\W\d_]|[@.]\w)"


def _outside_tags(content: str, start: int) -> bool:
    """True when ``start`` lies in text, not inside an HTML tag (an attribute)."""
    return content.rfind("<", 0, start) <= content.rfind(">", 0, start)


def _occurrences(page: Page, value: str) -> list[re.Match]:
    """Where ``value`` is printed on the page (in HTML: in text and in ``citation_*`` meta contents)."""
    found = []
    for match in re.finditer(_value_pattern(value), page.content):
        if page.format == "txt" or _outside_tags(page.content, match.start()) or _in_meta_content(page.content, match.start()):
            found.append(match)
    return found


def _in_meta_content(content: str, start: int) -> bool:
    tag_start = content.rfind("<", 0, start)
    return content.startswith("<meta", tag_start) and 'content="' in content[tag_start:start]


def _replace_spans(content: str, replacements: list[tuple[int, int, str]]) -> str:
    """``content`` with each (start, end) span replaced; spans must not overlap."""
    out, position = [], 0
    for start, end, new in sorted(replacements):
        if start < position:
            raise ValueError("overlapping replacements")
        out += [content[position:start], new]
        position = end
    return "".join(out + [content[position:]])


def _authors(page: Page) -> list[dict[str, Any]]:
    return [a for a in page.metadata.get("authors") or [] if isinstance(a, dict)]


def _stated_strings(metadata: dict[str, Any]) -> list[str]:
    values = [metadata.get(name) for name in SCALAR_FIELDS]
    for author in metadata.get("authors") or []:
        values += [author.get(name) for name in ("name", "orcid", "email", "affiliation")]
    return [value for value in values if isinstance(value, str)]


def page_text(page: Page) -> str:
    """The text the page is read as: the content for txt, the extracted visible text for HTML."""
    if page.format == "txt":
        return page.content
    from textmine.stages.htmltext import extract_html

    return extract_html(page.content).text


def values_printed(page: Page) -> bool:
    """Every stated string of the expected metadata is printed on the page (whitespace runs as one space)."""
    haystacks = [normalise(page_text(page))]
    if page.format == "html":
        haystacks.append(normalise(html.unescape(page.content)))
    return all(any(normalise(value) in haystack for haystack in haystacks) for value in _stated_strings(page.metadata))


def _rename_authors(page: Page, renamed: dict[str, str]) -> dict[str, Any]:
    """The expected metadata with author names rewritten (``renamed``: old name -> new name)."""
    metadata = dict(page.metadata)
    metadata["authors"] = [dict(a, name=renamed.get(a.get("name"), a.get("name"))) for a in _authors(page)]
    return metadata


def _reprint_names(page: Page, reprint: Callable[[str], str | None]) -> Page | None:
    """Every printing of each author's expected name rewritten by ``reprint`` (None: that name is left as it is)."""
    replacements, renamed = [], {}
    others = [v for v in _stated_strings(page.metadata)]
    for author in _authors(page):
        name = author.get("name")
        if not name:
            continue
        new = reprint(" ".join(name.split()))
        if new is None or new == name:
            continue
        if any(name in other and other != name for other in others):
            return None  # the name is part of another value: reprinting it would change that value too
        for match in _occurrences(page, name):
            replacements.append((match.start(), match.end(), new))
        renamed[name] = new
    if not replacements:
        return None
    try:
        content = _replace_spans(page.content, replacements)
    except ValueError:
        return None
    return replace(page, content=content, metadata=_rename_authors(page, renamed))


def _replaced(page: Page, replacements: list[tuple[int, int, str]]) -> Page | None:
    """The page with the replacements made; None when there are none or two of them overlap."""
    if not replacements:
        return None
    try:
        return replace(page, content=_replace_spans(page.content, replacements))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------- name shapes

_INITIAL = r"[A-ZА-ЯЁ][a-zа-яё]?\."
_INITIALS_FIRST = re.compile(rf"^(?P<initials>{_INITIAL}(?:\s?{_INITIAL}){{0,2}})\s(?P<surname>[A-ZА-ЯЁ][\w'’-]+)$")
_INITIALS_LAST = re.compile(rf"^(?P<surname>[A-ZА-ЯЁ][\w'’-]+),?\s(?P<initials>{_INITIAL}(?:\s?{_INITIAL}){{0,2}})$")
_TWO_WORDS = re.compile(r"^(?P<given>[A-ZА-ЯЁ][a-zа-яё'’-]+)\s(?P<surname>[A-ZА-ЯЁ][a-zа-яё'’-]+)$")


def _capitals(name: str) -> str | None:
    return name.upper() if any(c.islower() for c in name) else None


def _respaced_initials(name: str) -> str | None:
    """ "I. I. Petrov" <-> "I.I. Petrov", "Petrov I.I." <-> "Petrov I. I." (names with two or more initials)."""
    for pattern in (_INITIALS_FIRST, _INITIALS_LAST):
        match = pattern.match(name)
        if match and match["initials"].count(".") >= 2:
            initials = match["initials"]
            new = initials.replace(". ", ".") if ". " in initials else initials.replace(".", ". ").rstrip()
            return name[:match.start("initials")] + new + name[match.end("initials"):]
    return None


def _surname_first(name: str) -> str | None:
    """ "I. I. Petrov" -> "Petrov I. I." (the Russian order of a byline)."""
    match = _INITIALS_FIRST.match(name)
    return f"{match['surname']} {match['initials']}" if match else None


def _surname_comma_given(name: str) -> str | None:
    """ "Ivan Petrov" -> "Petrov, Ivan" (two full words only)."""
    match = _TWO_WORDS.match(name)
    return f"{match['surname']}, {match['given']}" if match else None


def _names_alone_on_lines(page: Page) -> bool:
    """No line that prints an author's name prints another author's (so a comma inside a name reads unambiguously)."""
    names = [a["name"] for a in _authors(page) if a.get("name")]
    for name in names:
        for match in _occurrences(page, name):
            line_start = page.content.rfind("\n", 0, match.start()) + 1
            line_end = page.content.find("\n", match.end())
            line = page.content[line_start:line_end if line_end >= 0 else len(page.content)]
            if any(other != name and re.search(_value_pattern(other.split()[-1]), line) for other in names):
                return False
    return True


def names_in_capitals(page: Page, rng: random.Random) -> Page | None:
    """Every printing of the authors' names in capitals; the expected names too."""
    return _reprint_names(page, _capitals)


def initials_respaced(page: Page, rng: random.Random) -> Page | None:
    """Initials respaced in every printing of the names; the expected names too."""
    return _reprint_names(page, _respaced_initials)


def initials_after_surname(page: Page, rng: random.Random) -> Page | None:
    """"I. I. Petrov" printed "Petrov I. I." everywhere; the expected names too."""
    return _reprint_names(page, _surname_first)


def surname_comma_given(page: Page, rng: random.Random) -> Page | None:
    """"Ivan Petrov" printed "Petrov, Ivan" where no other author shares the line; the expected names too."""
    if not _names_alone_on_lines(page):
        return None
    return _reprint_names(page, _surname_comma_given)


# ---------------------------------------------------------------------------------------------- markers

# A marker run glued to a name: "Petrov1", "Petrov1,2", "Petrov¹*", "Petrov¹,²".
_NAME_MARKERS = re.compile(r"(?P<run>(?:[1-9]|[¹²³⁴⁵⁶⁷⁸⁹])(?:\s?,\s?(?:[1-9]|[¹²³⁴⁵⁶⁷⁸⁹]))*)(?P<star>\*?)(?![\w@.])")
# A marker opening an affiliation, e-mail or ORCID line ("1 Tomsk University", "¹Tomsk ...", "2) ...", "1name@host").
_LINE_MARKER = re.compile(r"(?m)^(?P<indent>[ \t]*)(?P<marker>[1-9]|[¹²³⁴⁵⁶⁷⁸⁹])(?P<gap>[ \t]*[.)]?[ \t]*)(?=\*?(?:[^\W\d_]|\d{4}-))")
# A marker inside a line before a further institution or address ("...; ²Volga University", ", 2 name@host").
_INLINE_MARKER = re.compile(r"(?<=[;,:][ \t])(?P<marker>[1-9]|[¹²³⁴⁵⁶⁷⁸⁹])(?P<gap>[ \t]?)(?=\*?(?:[A-ZА-ЯЁ]|[\w.+-]+@|\d{4}-\d))")
# Any marker-like token left in the author block after restyling: the page would mix two styles, so it is skipped.
_LEFT_MARKER = re.compile(r"(?<![\w.,/-])(?P<marker>[1-9]|[¹²³⁴⁵⁶⁷⁸⁹])(?=[ \t]?\*?(?:[^\W\d_]|\d{4}-\d))")
_MARKER_STYLES = ("superscript", "digits", "letters", "daggers")
_DAGGERS = ("†", "‡", "§", "¶")


def _marker_form(number: int, style: str) -> str:
    if style == "superscript":
        return str(number).translate(_TO_SUPERSCRIPT)
    if style == "letters":
        return _SUPERSCRIPT_LETTERS[number - 1]
    if style == "daggers":
        return _DAGGERS[number - 1]
    return str(number)


def _marker_number(marker: str) -> int:
    return int(marker.translate(_FROM_SUPERSCRIPT))


def _author_block(page: Page) -> tuple[int, int] | None:
    """The stretch from the first line naming an author to the last line printing an author's value near it."""
    text = page.content
    starts = [m.start() for a in _authors(page) if a.get("name") for m in _occurrences(page, a["name"])]
    if not starts:
        return None
    start = text.rfind("\n", 0, min(starts)) + 1
    ends = []
    for author in _authors(page):
        for key in ("name", "affiliation", "email", "orcid"):
            if author.get(key):
                ends += [m.end() for m in _occurrences(page, author[key]) if m.start() >= start]
    end = max(ends)
    limit = start
    for _ in range(30):  # an author block is a few dozen lines at most; values printed far below are not in it
        next_line = text.find("\n", limit + 1)
        if next_line < 0:
            limit = len(text)
            break
        limit = next_line
    end = min(max(end, text.find("\n", end) if text.find("\n", end) >= 0 else len(text)), limit)
    return start, end


def _restyle_markers(page: Page, style: str, glued: bool | None = None) -> Page | None:
    """Affiliation markers (after names, opening affiliation/e-mail/ORCID lines) printed in another ``style``."""
    block = _author_block(page)
    if block is None or page.format != "txt":
        return None
    start, end = block
    text = page.content
    replacements = []
    numbers: set[int] = set()
    for author in _authors(page):
        for occurrence in _occurrences(page, author.get("name") or ""):
            if not start <= occurrence.start() < end:
                continue
            match = _NAME_MARKERS.match(text, occurrence.end())
            if not match:
                continue
            markers = re.findall(r"[1-9]|[¹²³⁴⁵⁶⁷⁸⁹]", match["run"])
            numbers.update(_marker_number(m) for m in markers)
            new = ",".join(_marker_form(_marker_number(m), style) for m in markers)
            replacements.append((match.start("run"), match.end("run"), new))
    if not numbers or max(numbers) > 4 or "*" in text[start:end] and style == "daggers":
        return None
    line_markers = 0
    for pattern in (_LINE_MARKER, _INLINE_MARKER):
        for match in pattern.finditer(text, start, end):
            number = _marker_number(match["marker"])
            if number not in numbers:
                continue
            gap = match["gap"]
            if glued is not None:
                gap = "" if glued else " "
            replacements.append((match.start("marker"), match.end("gap"), _marker_form(number, style) + gap))
            line_markers += 1
    if not line_markers:
        return None  # the institutions the markers point to were not found: leave the page alone
    replaced = {start for start, _, _ in replacements}
    for match in _LEFT_MARKER.finditer(text, start, end):
        if match.start() not in replaced and _marker_number(match["marker"]) in numbers:
            return None
    try:
        content = _replace_spans(text, replacements)
    except ValueError:
        return None
    return replace(page, content=content)


def markers_superscript(page: Page, rng: random.Random) -> Page | None:
    """Affiliation markers printed as superscript digits."""
    return _restyle_markers(page, "superscript")


def markers_digits(page: Page, rng: random.Random) -> Page | None:
    """Affiliation markers printed as plain digits."""
    return _restyle_markers(page, "digits")


def markers_letters(page: Page, rng: random.Random) -> Page | None:
    """Affiliation markers printed as superscript letters."""
    return _restyle_markers(page, "letters")


def markers_daggers(page: Page, rng: random.Random) -> Page | None:
    """Affiliation markers printed as daggers (pages without a star in the author block)."""
    return _restyle_markers(page, "daggers")


def markers_spaced(page: Page, rng: random.Random) -> Page | None:
    """Line markers set apart from their institution, e-mail or ORCID by a space."""
    return _restyle_markers(page, "superscript", glued=False)


def markers_glued(page: Page, rng: random.Random) -> Page | None:
    """Line markers glued to their institution, e-mail or ORCID."""
    return _restyle_markers(page, "superscript", glued=True)


# ---------------------------------------------------------------------------------------------- ORCID and e-mail

def _printed_in_text(page: Page, field: str) -> Iterator[re.Match]:
    """Where each author's ``field`` value (ORCID, e-mail) is printed in the page's text (not in a tag's attribute)."""
    for author in _authors(page):
        value = author.get(field)
        for match in _occurrences(page, value) if value else []:
            if _outside_tags(page.content, match.start()):
                yield match


_ORCID_PREFIX = re.compile(r"(?:(?:ORCID(?:\s?iD)?|orcid)\s*:?\s*)?(?:(?:https?://)?(?:www\.)?orcid\.org/)?$")
_ORCID_PRINTINGS = ("", "https://orcid.org/", "ORCID: ", "ORCID iD: ", "http://orcid.org/", "ORCID: https://orcid.org/")


def orcid_printing(page: Page, rng: random.Random) -> Page | None:
    """Each ORCID iD printed with another prefix: bare, as a URL, after "ORCID:" or "ORCID iD:"."""
    replacements = []
    for match in _printed_in_text(page, "orcid"):
        before = page.content[max(0, match.start() - 40):match.start()]
        prefix = _ORCID_PREFIX.search(before)
        current = prefix.group(0) if prefix else ""
        line_start = page.content.rfind("\n", 0, match.start()) + 1
        if "orcid" in page.content[line_start:match.start() - len(current)].lower():
            # a labelled list ("ORCID: ¹ iD; ² iD"): the label is printed once, only the iD's own form changes
            choices = [p for p in _ORCID_PRINTINGS if p != current and "ORCID" not in p]
        else:
            choices = [p for p in _ORCID_PRINTINGS if p != current]
        if current and not current.strip().endswith((":", "/")):
            continue
        new = rng.choice(choices)
        if new and page.content[match.start() - len(current) - 1:match.start() - len(current)] not in ("", " ", "\n", "\t", "(", ">"):
            new = " " + new
        replacements.append((match.start() - len(current), match.start(), new))
    return _replaced(page, replacements)


_EMAIL_LABEL = re.compile(r"(?:E-mail|e-mail|Email|email|EMAIL|E-MAIL|Эл\.\s?почта|Электронная почта|e-mail address|✉|mailto)"
                          r"[ \t]*:?[ \t]*$")
_EMAIL_LABELS = ("E-mail: ", "e-mail: ", "Email: ", "Эл. почта: ", "✉ ", "mailto:", "E-mail:\t")


def email_labels(page: Page, rng: random.Random) -> Page | None:
    """The label before each author's e-mail swapped for another ("E-mail:", "Эл. почта:", "✉", "mailto:")."""
    replacements = []
    for match in _printed_in_text(page, "email"):
        before = page.content[max(0, match.start() - 30):match.start()]
        label = _EMAIL_LABEL.search(before)
        if not label:
            continue
        new = rng.choice([choice for choice in _EMAIL_LABELS if choice != label.group(0)])
        replacements.append((match.start() - len(label.group(0)), match.start(), new))
    return _replaced(page, replacements)


# ---------------------------------------------------------------------------------------------- author lines

_MARKER_RUN = r"(?:[1-9]|[¹²³⁴⁵⁶⁷⁸⁹*†‡]|,(?=[1-9¹²³⁴⁵⁶⁷⁸⁹*]))*"
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|;|and|&|,\s*&)\s*")


def _name_line_items(page: Page, line: str) -> list[str] | None:
    """The line's items when it is only author names (with markers) joined by separators, else None."""
    names = sorted((a["name"] for a in _authors(page) if a.get("name")), key=len, reverse=True)
    items, position = [], 0
    line = line.rstrip()
    while position < len(line):
        if items:
            separator = _LIST_SEPARATOR.match(line, position)
            if not separator or separator.end() == position:
                return None
            position = separator.end()
        for name in names:
            match = re.compile(_value_pattern(name) + _MARKER_RUN).match(line, position)
            if match:
                items.append(match.group(0))
                position = match.end()
                break
        else:
            return None
    return items


def authors_one_per_line(page: Page, rng: random.Random) -> Page | None:
    """A byline of several names ("A¹, B² and C³") printed one name per line."""
    if page.format != "txt":
        return None
    replacements, offset = [], 0
    for line in page.content.split("\n"):
        items = _name_line_items(page, line)
        if items and len(items) > 1:
            replacements.append((offset, offset + len(line), "\n".join(items)))
        offset += len(line) + 1
    return _replaced(page, replacements)


def authors_joined(page: Page, rng: random.Random) -> Page | None:
    """Names printed one per line (each line only a name and its markers) joined on one line by commas."""
    if page.format != "txt":
        return None
    lines = page.content.split("\n")
    out, index, changed = [], 0, False
    while index < len(lines):
        run = []
        while index + len(run) < len(lines):
            items = _name_line_items(page, lines[index + len(run)])
            if not items or len(items) != 1:
                break
            run.append(items[0])
        if len(run) > 1:
            separator = "; " if any("," in item.rstrip(",") for item in run) else ", "
            out.append(separator.join(run))
            index += len(run)
            changed = True
        else:
            out.append(lines[index])
            index += 1
    if not changed:
        return None
    return replace(page, content="\n".join(out))


# ---------------------------------------------------------------------------------------------- whitespace and wrapper

def crlf(page: Page, rng: random.Random) -> Page | None:
    """CRLF line ends."""
    if "\n" not in page.content or "\r" in page.content:
        return None
    return replace(page, content=page.content.replace("\n", "\r\n"))


def trailing_spaces(page: Page, rng: random.Random) -> Page | None:
    """Two spaces after every line's last character."""
    if page.format != "txt":
        return None
    return replace(page, content=re.sub(r"(?m)(?<=\S)$", "  ", page.content))


def tabs(page: Page, rng: random.Random) -> Page | None:
    """Runs of two or more spaces, and the space after a label's colon, printed as tabs."""
    if page.format != "txt":
        return None
    content = re.sub(r"(?<=\S) {2,}(?=\S)", "\t", page.content)
    content = re.sub(r"(?<=[^\W\d_]):[ ](?=\S)", ":\t", content)
    return replace(page, content=content) if content != page.content else None


def non_breaking_spaces(page: Page, rng: random.Random) -> Page | None:
    """The spaces inside author names and after "No.", "Vol.", "№", "Т." printed as non-breaking spaces."""
    replacements = []
    for author in _authors(page):
        for match in _occurrences(page, author.get("name") or ""):
            if page.format == "html" and not _outside_tags(page.content, match.start()):
                continue
            replacements.append((match.start(), match.end(), match.group(0).replace(" ", "\u00a0")))
    for match in re.finditer(r"(?:No\.|Vol\.|№|Т\.)( )(?=\d)", page.content):
        if page.format == "txt" or _outside_tags(page.content, match.start()):
            replacements.append((match.start(1), match.end(1), "\u00a0"))
    if not replacements:
        return None
    try:
        return replace(page, content=_replace_spans(page.content, replacements))
    except ValueError:
        return None


def blank_lines_doubled(page: Page, rng: random.Random) -> Page | None:
    """Every run of blank lines doubled."""
    if page.format != "txt" or "\n\n" not in page.content:
        return None
    return replace(page, content=re.sub(r"\n(?:[ \t]*\n)+", lambda m: m.group(0) + "\n" * m.group(0).count("\n"), page.content))


def blank_lines_removed(page: Page, rng: random.Random) -> Page | None:
    """Every blank line removed."""
    if page.format != "txt" or "\n\n" not in page.content:
        return None
    return replace(page, content=re.sub(r"\n(?:[ \t]*\n)+", "\n", page.content))


_WRAPPER_TOP = (  # no line that could name a site or outlet: that would change what a reader takes as a news page's outlet
    "Главная | Журналы | Архив | Авторам | Контакты\n"
    "Войти   Регистрация   RU | EN\n"
    "Главная / Каталог / Статьи\n\n"
)
_WRAPPER_BOTTOM = (
    "\n\nПохожие статьи\n"
    "Читать далее\n"
    "Политика конфиденциальности | Пользовательское соглашение | Обратная связь\n"
    "Все материалы доступны по лицензии Creative Commons\n"
)


def russian_wrapper(page: Page, rng: random.Random) -> Page | None:
    """Russian site furniture (masthead, menu, switcher, breadcrumb above; related items and footer below)."""
    if page.format == "txt":
        return replace(page, content=_WRAPPER_TOP + page.content.rstrip("\n") + _WRAPPER_BOTTOM)
    body = re.search(r"<body[^>]*>", page.content)
    closing = page.content.rfind("</body>")
    if not body or closing < 0:
        return None
    top = "<header>" + "".join(f"<p>{html.escape(line)}</p>" for line in _WRAPPER_TOP.strip().split("\n")) + "</header>"
    bottom = "<footer>" + "".join(f"<p>{html.escape(line)}</p>" for line in _WRAPPER_BOTTOM.strip().split("\n")) + "</footer>"
    return replace(page, content=_replace_spans(page.content, [(body.end(), body.end(), top), (closing, closing, bottom)]))


def rendered_as_html(page: Page, rng: random.Random) -> Page | None:
    """A text page as a simple HTML page: a ``<p>`` per paragraph, ``<br>`` between lines, superscripts as ``<sup>``."""
    if page.format != "txt" or re.search(r"\S[ \t]{3,}\S", page.content):
        return None  # HTML collapses space runs: columns set apart by spaces cannot be printed in it
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", page.content.strip("\n")):
        lines = [html.escape(line) for line in block.split("\n")]
        lines = [re.sub(f"[{_SUPERSCRIPT_DIGITS}]+", lambda m: f"<sup>{m.group(0).translate(_FROM_SUPERSCRIPT)}</sup>", line)
                 for line in lines]
        paragraphs.append("<p>" + "<br>\n".join(lines) + "</p>")
    content = ("<!DOCTYPE html>\n<html lang=\"ru\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n"
               + "\n".join(paragraphs) + "\n</body>\n</html>\n")
    return replace(page, content=content, format="html")


TRANSFORMS: tuple[Transform, ...] = (
    Transform("names_capitals", "author names in capitals (IVAN PETROV), every printing", names_in_capitals),
    Transform("initials_respaced", "initials with/without spaces (I. I. Petrov <-> I.I. Petrov)", initials_respaced),
    Transform("initials_after_surname", "initials after the surname (I. I. Petrov -> Petrov I. I.)", initials_after_surname),
    Transform("surname_comma_given", "two-word names inverted with a comma (Ivan Petrov -> Petrov, Ivan), one name a line",
              surname_comma_given),
    Transform("markers_superscript", "affiliation markers as superscript digits (¹ ²)", markers_superscript),
    Transform("markers_digits", "affiliation markers as plain digits (1 2)", markers_digits),
    Transform("markers_letters", "affiliation markers as superscript letters (ᵃ ᵇ)", markers_letters),
    Transform("markers_daggers", "affiliation markers as daggers († ‡)", markers_daggers),
    Transform("markers_spaced", "line markers spaced from the institution/e-mail (¹ Tomsk ...)", markers_spaced),
    Transform("markers_glued", "line markers glued to the institution/e-mail (¹Tomsk ...)", markers_glued),
    Transform("orcid_printing", "ORCID iD bare, as a URL, after ORCID: or ORCID iD:", orcid_printing),
    Transform("email_labels", "e-mail label swapped (E-mail:, e-mail:, Email:, Эл. почта:, ✉, mailto:)", email_labels),
    Transform("authors_one_per_line", "a byline of several names split one name per line", authors_one_per_line),
    Transform("authors_joined", "names printed one per line joined on one line by commas", authors_joined),
    Transform("blank_lines_removed", "blank lines removed", blank_lines_removed),
    Transform("blank_lines_doubled", "blank lines doubled", blank_lines_doubled),
    Transform("crlf", "CRLF line ends", crlf),
    Transform("tabs", "space runs and label spaces as tabs", tabs),
    Transform("nbsp", "non-breaking spaces inside names and after No./Vol./№", non_breaking_spaces),
    Transform("trailing_spaces", "trailing spaces on every line", trailing_spaces),
    Transform("russian_wrapper", "Russian menu, switcher, breadcrumb above and footer below", russian_wrapper),
    Transform("as_html", "a text page rendered as simple HTML (<p>, <br>, <sup>) and read by the HTML path", rendered_as_html),
)
TRANSFORM_NAMES = tuple(t.name for t in TRANSFORMS)


# ---------------------------------------------------------------------------------------------- the run

def dev_pages(layouts_dir: Path = LAYOUTS_DIR, added_dirs: Iterable[Path] = ADDED_DIRS) -> list[Page]:
    """The dev half's pages (the frozen test half is never read)."""
    pages = []
    for path, expected in load_layouts(layouts_dir, added_dirs)["dev"]:
        fmt = "html" if path.suffix == ".html" else "txt"
        pages.append(Page(expected["id"], path.read_text(encoding="utf-8"), fmt, expected["metadata"]))
    return pages


def perturb(page: Page, transform: Transform, seed: int) -> Page | None:
    """``transform`` applied to ``page`` with its seeded choices, or None where it does not apply or would lose a value."""
    rng = random.Random(f"{seed}:{transform.name}:{page.id}")
    new = transform.apply(page, rng)
    if new is None or new.content == page.content:
        return None
    new = replace(new, id=f"{page.id}~{transform.name}")
    return new if values_printed(new) else None


@dataclass
class TransformResult:
    """One transform's figures over the pages it applied to, beside the same pages unperturbed."""

    transform: Transform
    perturbed: SplitResult
    unperturbed: SplitResult
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (page, field, error line)


def _error_field(page_id: str, error: str) -> str:
    """The field an error line of :func:`score_page` is about ("title", "authors", "author email", ...)."""
    rest = error[len(page_id) + 2:]
    head = rest.split(":", 1)[0]
    if head in SCALAR_FIELDS or head == "authors":
        return head
    parts = rest.split(": ")
    return "author " + parts[1] if len(parts) > 2 else head


@lru_cache(maxsize=1)
def _extractor():
    """The pipeline as ``textmine benchmark metadata`` runs it, loaded once for all transforms."""
    from textmine.runtime.extract import ExtractConfig, Extractor

    return Extractor(ExtractConfig(components=("segmenter", "ner", "date_values", "canonical", "metadata")))


def _extract(pages: list[Page]) -> dict[str, dict[str, Any]]:
    """Metadata of each page (by id) as ``textmine extract`` gives it for the page's content."""
    from textmine.stages.ingest import document_from_text

    extractor = _extractor()
    docs = [document_from_text(page.content, page.id) for page in pages]
    return {doc.id: doc.metadata for doc in extractor.pipe(docs)}


def run_perturbations(transforms: Iterable[str] = TRANSFORM_NAMES, seed: int = 13, pages_per_transform: int | None = 80,
                      pages: list[Page] | None = None, echo: Callable[[str], None] | None = None,
                      extract: Callable[[list[Page]], dict[str, dict[str, Any]]] = _extract) -> list[TransformResult]:
    """Score extraction on each transform's perturbed dev pages (a seeded sample of at most
    ``pages_per_transform`` of those it applies to; None: all), beside the same pages unperturbed."""
    chosen = [t for t in TRANSFORMS if t.name in set(transforms)]
    unknown = set(transforms) - set(TRANSFORM_NAMES)
    if unknown:
        raise ValueError(f"unknown transform(s) {sorted(unknown)}: use some of {', '.join(TRANSFORM_NAMES)}")
    pages = dev_pages() if pages is None else pages
    by_id = {page.id: page for page in pages}
    samples = []
    for transform in chosen:
        perturbed = [p for p in (perturb(page, transform, seed) for page in pages) if p is not None]
        applicable = len(perturbed)
        if pages_per_transform is not None and applicable > pages_per_transform:
            perturbed = sorted(random.Random(f"{seed}:{transform.name}").sample(perturbed, pages_per_transform),
                               key=lambda p: p.id)
        samples.append((transform, perturbed, applicable))
    originals = sorted({p.id.split("~", 1)[0] for _, perturbed, _ in samples for p in perturbed})
    if echo:
        echo(f"extracting {len(originals)} unperturbed dev pages ...")
    baseline = extract([by_id[page_id] for page_id in originals]) if originals else {}
    results = []
    for number, (transform, perturbed, applicable) in enumerate(samples, 1):
        if echo:
            echo(f"[{number}/{len(chosen)}] {transform.name}: {len(perturbed)} of {applicable} applicable pages")
        predicted = extract(perturbed) if perturbed else {}
        result = TransformResult(transform, SplitResult(transform.name), SplitResult(transform.name + " unperturbed"))
        for page in perturbed:
            original_id = page.id.split("~", 1)[0]
            original = by_id[original_id]
            before = len(result.unperturbed.errors)
            score_page(result.unperturbed, original_id, original.metadata, baseline.get(original_id) or {})
            failing_before = {_error_field(original_id, e) for e in result.unperturbed.errors[before:]}
            before = len(result.perturbed.errors)
            score_page(result.perturbed, original_id, page.metadata, predicted.get(page.id) or {})
            for error in result.perturbed.errors[before:]:
                name = _error_field(original_id, error)
                if name not in failing_before:
                    result.failures.append((original_id, name, error))
        results.append(result)
    return results


def render(results: list[TransformResult], show_failures: bool = False) -> str:
    """The per-transform table (stated mean and unstated filled, perturbed beside unperturbed) and, with
    ``show_failures``, the (page, transform, field) failures that the unperturbed page does not have."""
    lines = ["Metadata on perturbed dev layouts (same pages unperturbed in brackets)",
             "| transform | pages | stated mean | unstated filled | new failures | printing |",
             "|---|---|---|---|---|---|"]
    for result in results:
        filled, unstated = result.perturbed.unstated_filled
        base_filled, _ = result.unperturbed.unstated_filled
        stated = f"{result.perturbed.stated_mean:.3f} ({result.unperturbed.stated_mean:.3f})" if result.perturbed.pages else "-"
        lines.append(f"| {result.transform.name} | {result.perturbed.pages} | {stated} | {filled} / {unstated} ({base_filled}) "
                     f"| {len(result.failures)} | {result.transform.description} |")
    pages = sum(r.perturbed.pages for r in results)
    scored = [r for r in results if r.perturbed.pages]
    if scored:
        mean = sum(r.perturbed.stated_mean for r in scored) / len(scored)
        lines.append(f"mean over transforms: {mean:.3f} on {pages} perturbed pages; "
                     f"new failures: {sum(len(r.failures) for r in results)}")
    if show_failures:
        lines.append("failures (page, transform, field):")
        for result in results:
            lines += [f"  {page} | {result.transform.name} | {name} | {error[len(page) + 2:]}"
                      for page, name, error in result.failures]
    return "\n".join(lines)
