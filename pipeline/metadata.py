"""Bibliographic metadata of the article: title, journal, year, issue, authors, references.

The component reads the page's layout, not a template of one site:

* the *header* is the stretch of the article before its first prose
  paragraph (a line of many words, or a long sentence); the *title* is its
  first title-like line (short, no final period, not a journal, author,
  UDC/DOI or keyword line); without an article segment the title is the
  title-like line nearest above the authors;
* the *journal line* is found in the header or the page wrapper above it by
  bibliographic shapes: the GOST/catalogue style "Journal. - 2021. - № 1"
  (optionally with "Vol. 5"/"Т. 5") and the "Journal, Vol. 5, No. 2, 2019"
  style;
* *authors* are the PERSON mentions of the author block (the header lines
  after the title), or name shapes ("G. T. Ichshanova", "Ivanov I.I.") where
  the NER found none; each author's ORCID (kept only with a valid ISO 7064
  MOD 11-2 check digit) and e-mail are those written after the name and
  before the next author; the affiliation is the ORG mention after the
  author (one written after all authors is shared), and the place the run of
  LOC mentions after it ("Almaty, Kazakhstan");
* *references* are the last numbered list of the article ("1. ...", "2.Text",
  "[3] ...") whose entries look bibliographic (a year or a URL), preferring
  one under a "References"/"Литература" heading; each entry gives its
  number, text and offsets, its first URL and its access date ("date of
  treatment", "accessed", "retrieved", "дата обращения", ...), normalised
  with :func:`pipeline.dates.normalise_date`.

For HTML input the page's ``citation_*`` meta tags (Highwire/Google Scholar)
fill what the text does not give.

:func:`metadata_field_accuracy` scores predicted metadata against gold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .components import register
from .dates import find_dates, normalise_date
from .document import Document, Entity
from .gazetteer import load_gazetteer

METADATA_KEYS = (
    "title", "journal", "journal_entity", "year", "issue", "authors",
    "affiliation_place", "affiliation_place_entities", "references",
)

ORCID = re.compile(r"(?<![\w-])(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])(?![\w-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_URL_TRAILING = ".,;:)]}»\"'"

_DASH = r"[-–—]"
_ISSUE_WORD = r"(?:№|No\.?|Nr\.?|N|Issue|Iss\.|Вып\.|Выпуск)"
_VOLUME_WORD = r"(?:Vol\.?|Volume|Т\.|Том)"
_YEAR = r"(?:1[89]|20)\d{2}"
# "Paradigmata poznání. - 2021. - № 1", "Вестник МГУ. - 2019. - Т. 5. - № 2"
_CATALOGUE_LINE = re.compile(
    rf"(?P<journal>[^\W\d_][^\n]{{1,150}}?)\s*[.,]?\s+{_DASH}\s+(?P<year>{_YEAR})\s*[.,]?\s*"
    rf"(?:{_DASH}\s*{_VOLUME_WORD}\s*(?P<volume>\d+)\s*[.,]?\s*)?{_DASH}\s*{_ISSUE_WORD}\s*(?P<issue>\d+[\w/-]*)"
)
# "Central Asian Survey, Vol. 38, No. 2, 2019" / "Journal of X, 2019, No. 3"
_VOLUME_LINE = re.compile(
    rf"(?P<journal>[^\W\d_][^\n,]{{1,150}}?)\s*[,.]\s*(?:(?P<year1>{_YEAR})\s*[,.]\s*)?"
    rf"(?:{_VOLUME_WORD}\s*(?P<volume>\d+)\s*[,.(]?\s*)?{_ISSUE_WORD}\s*(?P<issue>\d+[\w/-]*)\)?"
    rf"(?:\s*[,.(]\s*(?P<year2>{_YEAR}))?"
)
_NOT_TITLE_START = re.compile(
    r"^\s*(?:UDC|УДК|ББК|DOI|JEL|Keywords|Key words|Ключевые слова|Abstract|Аннотация|Annotation|Резюме|Summary)\b",
    re.IGNORECASE,
)
_REFERENCES_HEADING = re.compile(
    r"^\s*(?:References|Reference list|Literature|Bibliography|Sources|Notes|Список литературы|"
    r"Список использованных источников|Список источников|Библиографический список|Литература|Источники)\s*:?\s*$",
    re.IGNORECASE,
)
_NUMBERED_ENTRY = re.compile(r"[ \t]*(?:\[(?P<bracketed>\d{1,3})\]|(?P<number>\d{1,3})\s*[.)])[ \t]*(?=\S)")
_ACCESS_DATE = re.compile(
    r"\b(?:date of (?:treatment|access|accessed|reference|application|circulation|appeal|request|the request|viewing)"
    r"|access(?:ed)?(?: on| date)?|retrieved(?: on)?|viewed(?: on)?|last visited"
    r"|дата обращения|дата доступа|дата просмотра|просмотрено|обращено)\b\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")  # an access date is a day
# Name shapes used when the NER found no person in the author block.
_UPPER = "A-ZА-ЯЁ"
_LOWER = "a-zа-яё"
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_INITIALS = rf"[{_UPPER}]\.\s?(?:[{_UPPER}]\.\s?)?"
_NAME_SHAPE = re.compile(rf"(?<!\w)(?:{_INITIALS}\s?{_SURNAME}|{_SURNAME},?\s{_INITIALS})(?!\w)")
_AFFILIATION_WORDS = re.compile(
    r"(?:University|Institute|Academy|College|School|Centre|Center|Университет|Институт|Академия|Колледж|Центр)",
)


_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
# A name's affiliation number ("Ivanov I.I.1", "Petrov P.P.²") and the numbered affiliation lines.
_AFFILIATION_MARKER = re.compile(r"\s?([1-9¹²³⁴⁵⁶⁷⁸⁹])(?![\d.-])")
_AFFILIATION_LINE = re.compile(r"\s*([1-9¹²³⁴⁵⁶⁷⁸⁹])[\s.)]*(?=[^\W\d_])")


def _marker_digits(marker: str) -> str:
    return marker.translate(_SUPERSCRIPTS)


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def orcid_checksum_valid(orcid: str) -> bool:
    """ISO 7064 MOD 11-2 check digit of an ORCID iD ("0000-0002-1825-0097")."""
    digits = orcid.replace("-", "").upper()
    if len(digits) != 16 or not digits[:15].isdigit():
        return False
    total = 0
    for char in digits[:15]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    return digits[15] == ("X" if result == 10 else str(result))


def first_url(text: str) -> str | None:
    match = URL.search(text)
    if not match:
        return None
    url = match.group(0)
    while url and url[-1] in _URL_TRAILING:
        # Keep a closing bracket that closes one opened inside the URL.
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url or None


def access_date(text: str, lang: str = "en") -> str | None:
    """The access date of a reference entry ("(date of treatment 11/27/2020)")
    as its value: the date written right after the wording."""
    for match in _ACCESS_DATE.finditer(text):
        tail = re.split(r"[)\]\n]", text[match.end():], maxsplit=1)[0]
        dates = find_dates(tail, lang)
        value = dates[0].value if dates and dates[0].start == 0 else normalise_date(tail.strip(" .;,"), lang)
        if value and _FULL_DATE.fullmatch(value):
            return value
    return None


def _lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    lines = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline < 0 else newline
        lines.append(Line(position, stop, text[position:stop]))
        position = stop + 1
    return lines


def _is_prose(line: Line) -> bool:
    """A paragraph of running text: many words, mostly in lower case (an
    affiliation line is long too, but made of capitalised names)."""
    stripped = line.text.strip()
    if ORCID.search(stripped) or EMAIL.search(stripped):
        return False
    words = [w for w in stripped.split() if w[:1].isalpha()]
    if not words or sum(w[0].isupper() for w in words) * 2 > len(words):
        return False
    return line.words >= 20 or (line.words >= 10 and stripped[-1:] in ".!?…" and len(stripped) > 80)


def _journal_match(line: str) -> dict[str, Any] | None:
    for pattern in (_CATALOGUE_LINE, _VOLUME_LINE):
        match = pattern.search(line)
        if not match:
            continue
        groups = match.groupdict()
        year = groups.get("year") or groups.get("year1") or groups.get("year2")
        if year is None:
            found = re.search(rf"\b{_YEAR}\b", line)
            year = found.group(0) if found else None
        journal = match.group("journal").strip(" .,-–—")
        if not journal:
            continue
        return {
            "journal": journal,
            "journal_span": (match.start("journal"), match.start("journal") + len(match.group("journal").rstrip(" .,-–—"))),
            "year": int(year) if year else None,
            "issue": groups["issue"],
        }
    return None


def _title_like(line: Line) -> bool:
    text = line.text.strip()
    if not (8 <= len(text) <= 300) or len(text.split()) < 2 or not re.search(r"[^\W\d_]{3}", text):
        return False
    if text.endswith((".", ",", ";")) or _NOT_TITLE_START.match(text):
        return False
    if ORCID.search(text) or EMAIL.search(text) or URL.search(text) or _journal_match(text):
        return False
    return not _NAME_SHAPE.match(text)


def _spans_inside(entities: Iterable[Entity], start: int, end: int, label: str) -> list[Entity]:
    return sorted((e for e in entities if e.label == label and start <= e.start and e.end <= end), key=lambda e: e.start)


@dataclass
class _Author:
    name: str
    start: int
    end: int
    entity: Entity | None


class MetadataExtractor:
    """Extracts the metadata of one document (see the module docstring)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        articles = list(doc.iter_segments(role="article"))
        self.article_start = articles[0].start if articles else 0
        self.article_end = articles[-1].end if articles else len(doc.text)
        self.has_segments = bool(articles)
        self.lang = articles[0].lang if articles else "en"
        self.html_meta: dict[str, list[str]] = (doc.source.get("html") or {}).get("meta") or {}
        self.journal_entity_id: str | None = None

    def extract(self) -> dict[str, Any]:
        lines = _lines(self.text, self.article_start, self.article_end)
        body_index = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
        header = lines[:body_index]
        title_lines = self._title_lines(header)
        author_block = header[title_lines[-1] + 1:] if title_lines else header
        authors = self._authors(author_block)
        metadata: dict[str, Any] = {key: None for key in METADATA_KEYS}
        metadata["title"] = " ".join(header[i].text.strip() for i in title_lines) or self._meta("citation_title")
        if metadata["title"] is None and self.doc.source.get("html", {}).get("title"):
            metadata["title"] = self.doc.source["html"]["title"]
        metadata.update(self._journal(header))
        self.journal_entity_id = metadata["journal_entity"]
        metadata["authors"] = self._author_records(authors, author_block) or self._meta_authors()
        metadata.update(self._affiliation_place(author_block, authors))
        metadata["references"] = self._references(lines[body_index:])
        return metadata

    # -- title ---------------------------------------------------------------

    def _title_lines(self, header: list[Line]) -> list[int]:
        """Indices (into header) of the title's lines: the run of adjacent
        title-like lines around the first one of the article (without an
        article segment: the one nearest above the authors)."""
        candidates = {i for i, line in enumerate(header) if _title_like(line) and not self._starts_with_person(line)}
        if not candidates:
            return []
        anchor = min(candidates)
        if not self.has_segments:
            author_line = next((i for i, line in enumerate(header) if self._is_author_line(line)), None)
            above = [i for i in candidates if author_line is not None and i < author_line]
            anchor = max(above) if above else anchor
        first = last = anchor
        while first - 1 in candidates:
            first -= 1
        while last + 1 in candidates:
            last += 1
        return list(range(first, last + 1))

    def _starts_with_person(self, line: Line) -> bool:
        stripped_start = line.start + len(line.text) - len(line.text.lstrip())
        return any(e.label == "PERSON" and e.start == stripped_start for e in self.doc.entities)

    def _is_author_line(self, line: Line) -> bool:
        return self._starts_with_person(line) or bool(_NAME_SHAPE.match(line.text.strip())) or bool(ORCID.search(line.text))

    # -- journal ---------------------------------------------------------------

    def _journal(self, header: list[Line]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        search_end = header[-1].end if header else self.article_start
        for line in _lines(self.text, 0, search_end):
            found = _journal_match(line.text)
            if found is None:
                continue
            span_start, span_end = (line.start + found["journal_span"][0], line.start + found["journal_span"][1])
            journal_entity = next(
                (e for e in self.doc.entities if e.label == "ORG" and span_start <= e.start and e.end <= span_end), None
            )
            out = {
                "journal": found["journal"],
                "journal_entity": journal_entity.id if journal_entity else None,
                "year": found["year"],
                "issue": found["issue"],
            }
            break
        if out.get("journal") is None:
            journal = self._meta("citation_journal_title")
            if journal:
                out["journal"] = journal
                out["journal_entity"] = self._entity_named(journal, "ORG")
        if out.get("year") is None:
            date = self._meta("citation_publication_date") or self._meta("citation_date") or self._meta("citation_year")
            found_year = re.search(rf"\b{_YEAR}\b", date or "")
            if found_year:
                out["year"] = int(found_year.group(0))
        if out.get("issue") is None and self._meta("citation_issue"):
            out["issue"] = self._meta("citation_issue")
        return out

    # -- authors ---------------------------------------------------------------

    def _authors(self, block: list[Line]) -> list[_Author]:
        if not block:
            return []
        start, end = block[0].start, block[-1].end
        people = _spans_inside(self.doc.entities, start, end, "PERSON")
        if people:
            return [_Author(" ".join(p.text.split()), p.start, p.end, p) for p in people]
        authors = []
        for line in block:
            if EMAIL.fullmatch(line.text.strip()):
                continue
            for match in _NAME_SHAPE.finditer(line.text):
                if EMAIL.search(line.text[max(0, match.start() - 1):match.end() + 1]):
                    continue
                authors.append(_Author(match.group(0).strip(), line.start + match.start(), line.start + match.end(), None))
        return authors

    def _author_records(self, authors: list[_Author], block: list[Line]) -> list[dict[str, Any]]:
        if not authors:
            return []
        block_end = block[-1].end
        zones = [(a.end, authors[i + 1].start if i + 1 < len(authors) else block_end) for i, a in enumerate(authors)]
        orcids = self._per_author(zones, [(m.start(), m.group(1).upper()) for m in ORCID.finditer(self.text, authors[0].end, block_end)
                                          if orcid_checksum_valid(m.group(1))])
        emails = self._per_author(zones, [(m.start(), m.group(0).rstrip(".")) for m in EMAIL.finditer(self.text, authors[0].end, block_end)])
        organisations = _spans_inside(self.doc.entities, authors[0].start, block_end, "ORG")
        organisations = [o for o in organisations if o.id != self.journal_entity_id]
        shared = next((o for o in organisations if o.start >= authors[-1].end), None)
        shared_text = self._affiliation_text(zones[-1])
        records = []
        numbered = self._numbered_affiliations(block, organisations)
        for author, zone, orcid, email in zip(authors, zones, orcids, emails):
            marker = _AFFILIATION_MARKER.match(self.text, author.end)
            if marker and _marker_digits(marker.group(1)) in numbered:
                affiliation = numbered[_marker_digits(marker.group(1))]
            else:
                own = next((o for o in organisations if zone[0] <= o.start < zone[1]), None)
                affiliation = own or shared
            if affiliation:
                affiliation_text = " ".join(affiliation.text.split())
            else:
                affiliation_text = self._affiliation_text(zone) or shared_text
            records.append({
                "name": author.name,
                "entity": author.entity.id if author.entity else None,
                "orcid": orcid,
                "email": email,
                "affiliation": affiliation_text,
                "affiliation_entity": affiliation.id if affiliation else None,
            })
        return records

    def _numbered_affiliations(self, block: list[Line], organisations: list[Entity]) -> dict[str, Entity]:
        """Affiliations listed under numbers ("1 Tomsk State University, ..."),
        which the authors' names carry as markers ("Ivanov I.I.1")."""
        numbered: dict[str, Entity] = {}
        for line in block:
            marker = _AFFILIATION_LINE.match(line.text)
            if not marker:
                continue
            organisation = next((o for o in organisations if line.start + marker.end() <= o.start < line.end), None)
            if organisation is not None:
                numbered.setdefault(_marker_digits(marker.group(1)), organisation)
        return numbered

    @staticmethod
    def _per_author(zones: list[tuple[int, int]], found: list[tuple[int, str]]) -> list[str | None]:
        """Each author's item written in its zone; when the items stand
        together after the names (one per author), in order."""
        per_zone = [[value for position, value in found if start <= position < end] for start, end in zones]
        if all(len(values) <= 1 for values in per_zone):
            return [values[0] if values else None for values in per_zone]
        if len(found) == len(zones):
            return [value for _, value in found]
        return [values[0] if values else None for values in per_zone]

    def _affiliation_text(self, zone: tuple[int, int]) -> str | None:
        """Without an ORG mention: the comma-separated part of a line in the
        author's zone that names an institution."""
        for line in _lines(self.text, zone[0], zone[1]):
            for part in line.text.split(","):
                if _AFFILIATION_WORDS.search(part) and not EMAIL.search(part):
                    return part.strip(" .;")
        return None

    def _affiliation_place(self, block: list[Line], authors: list[_Author]) -> dict[str, Any]:
        if not block:
            return {"affiliation_place": None, "affiliation_place_entities": []}
        start = authors[0].end if authors else block[0].start
        places = _spans_inside(self.doc.entities, start, block[-1].end, "LOC")
        run: list[Entity] = []
        for place in places:
            if run and not re.fullmatch(r"\s*,\s*", self.text[run[-1].end:place.start]):
                break
            run.append(place)
        if not run:
            return {"affiliation_place": self._place_line(start, block[-1].end), "affiliation_place_entities": []}
        return {
            "affiliation_place": self.text[run[0].start:run[-1].end],
            "affiliation_place_entities": [e.id for e in run],
        }

    def _place_line(self, start: int, end: int) -> str | None:
        """Without LOC mentions: the comma-separated gazetteer places that end
        a line of the author block ("..., Almaty, Kazakhstan")."""
        gazetteer = load_gazetteer()
        for line in _lines(self.text, start, end):
            parts = [part.strip() for part in line.text.strip().rstrip(".").split(",")]
            places: list[str] = []
            for part in reversed(parts):
                if not part or gazetteer.lookup(part, "LOC") is None:
                    break
                places.insert(0, part)
            if places:
                return ", ".join(places)
        return None

    # -- references ------------------------------------------------------------

    def _references(self, lines: list[Line]) -> list[dict[str, Any]]:
        heading = max((i for i, line in enumerate(lines) if _REFERENCES_HEADING.match(line.text)), default=None)
        runs: list[list[tuple[int, Line, re.Match]]] = []
        for line in lines:
            match = _NUMBERED_ENTRY.match(line.text)
            if not match:
                continue
            number = int(match.group("bracketed") or match.group("number"))
            if number == 1:
                runs.append([(number, line, match)])
            elif runs and number == runs[-1][-1][0] + 1:
                runs[-1].append((number, line, match))
        bibliographic = [run for run in runs if self._looks_bibliographic(run)]
        if heading is not None:
            heading_end = lines[heading].end
            after_heading = [run for run in bibliographic if run[0][1].start > heading_end]
            bibliographic = after_heading or bibliographic
        if not bibliographic:
            return []
        references = []
        for number, line, match in bibliographic[-1]:
            start = line.start + match.end()
            end = line.start + len(line.text.rstrip())
            entry = self.text[start:end]
            references.append({
                "number": number,
                "text": entry,
                "start": start,
                "end": end,
                "url": first_url(entry),
                "accessed": access_date(entry, self.lang),
            })
        return references

    @staticmethod
    def _looks_bibliographic(run: list[tuple[int, Line, re.Match]]) -> bool:
        with_evidence = sum(
            1 for _, line, _ in run if URL.search(line.text) or re.search(rf"\b{_YEAR}\b", line.text) or "//" in line.text
        )
        return with_evidence * 2 >= len(run)

    # -- HTML meta -------------------------------------------------------------

    def _meta(self, name: str) -> str | None:
        values = self.html_meta.get(name) or []
        return values[0] if values and values[0] else None

    def _entity_named(self, name: str, label: str) -> str | None:
        wanted = " ".join(name.split()).casefold()
        entity = next((e for e in self.doc.entities if e.label == label and " ".join(e.text.split()).casefold() == wanted), None)
        return entity.id if entity else None

    def _meta_authors(self) -> list[dict[str, Any]]:
        names = self.html_meta.get("citation_author") or []
        orcids = self.html_meta.get("citation_author_orcid") or []
        emails = self.html_meta.get("citation_author_email") or []
        institutions = self.html_meta.get("citation_author_institution") or []
        records = []
        for i, name in enumerate(names):
            orcid_match = ORCID.search(orcids[i]) if i < len(orcids) else None
            orcid = orcid_match.group(1).upper() if orcid_match and orcid_checksum_valid(orcid_match.group(1)) else None
            institution = institutions[i] if i < len(institutions) else None
            records.append({
                "name": name,
                "entity": self._entity_named(name, "PERSON"),
                "orcid": orcid,
                "email": emails[i] if i < len(emails) else None,
                "affiliation": institution,
                "affiliation_entity": self._entity_named(institution, "ORG") if institution else None,
            })
        return records


def extract_metadata(doc: Document) -> dict[str, Any]:
    return MetadataExtractor(doc).extract()


@register("metadata")
class Metadata:
    """Fill ``doc.metadata`` (every key present; null or [] when absent)."""

    name = "metadata"

    def __call__(self, doc: Document) -> Document:
        doc.metadata = extract_metadata(doc)
        return doc


# --------------------------------------------------------------------------
# Scoring

SCALAR_FIELDS = ("title", "journal", "year", "issue", "affiliation_place")
AUTHOR_FIELDS = ("name", "orcid", "email", "affiliation")
REFERENCE_FIELDS = ("number", "text", "url", "accessed")


def _same(gold: Any, pred: Any) -> bool:
    if isinstance(gold, str) and isinstance(pred, str):
        return " ".join(gold.split()) == " ".join(pred.split())
    if gold is not None and pred is not None and type(gold) is not type(pred):
        return str(gold) == str(pred)
    return gold == pred


def _records(value: Any) -> list[dict[str, Any]]:
    """The dict items of a list field (anything else in a prediction counts as empty)."""
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, dict) else {} for item in value]


def metadata_field_accuracy(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, float]:
    """Per-field accuracy of predicted metadata against gold metadata.

    Scalars score 1.0 or 0.0 (null = null counts as correct). Authors are
    aligned by position and references by number; a list field's accuracy is
    the number of correct values over the longer of the two lists (1.0 when
    both are empty). Fields the gold does not contain are not scored.
    """
    pred = pred or {}
    scores: dict[str, float] = {}
    for field in SCALAR_FIELDS:
        if field in gold:
            scores[field] = float(_same(gold[field], pred.get(field)))
    if "authors" in gold:
        gold_authors, pred_authors = _records(gold["authors"]), _records(pred.get("authors"))
        size = max(len(gold_authors), len(pred_authors))
        for field in AUTHOR_FIELDS:
            correct = sum(
                _same(g.get(field), p.get(field)) for g, p in zip(gold_authors, pred_authors)
            )
            scores[f"authors.{field}"] = correct / size if size else 1.0
    if "references" in gold:
        gold_refs = {r.get("number"): r for r in _records(gold["references"])}
        pred_refs = {r.get("number"): r for r in _records(pred.get("references"))}
        size = max(len(gold_refs), len(pred_refs))
        for field in REFERENCE_FIELDS:
            correct = sum(_same(ref.get(field), pred_refs[n].get(field)) for n, ref in gold_refs.items() if n in pred_refs)
            scores[f"references.{field}"] = correct / size if size else 1.0
    return scores
