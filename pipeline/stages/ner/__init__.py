"""The ``ner`` component: entity mentions under the annotation guidelines.

Recognisers propose candidates; the guidelines' span rules clean them and a
priority resolution keeps flat, non-crossing mentions:

* a statistical model — the spaCy pipeline whose ``ner`` component was
  trained for the guidelines (``models/ner/``, ``textmine train ner``; the
  default), the pretrained one as published (``statistical="pretrained"``,
  the baseline), or a stanza model (``backend="stanza"``), labels mapped;
* gazetteer names (countries, cities, regions, organisations);
* patterns over token shapes (initials, facilities, quoted names, exercises
  with a year, "X summit", a periodical on a citation line);
* authors of reference lists, author-date citations and bylines read from the
  list's shape, a list's name cut by a line break, abbreviated journals
  (:mod:`textmine.stages.ner.references`);
* publishers and journals by their place in imprints, reference entries and
  breadcrumbs (:mod:`textmine.stages.ner.publications`); names by their shape
  (:mod:`textmine.stages.ner.names`); Russian streets
  (:mod:`textmine.stages.ner.places`);
* dates from :mod:`textmine.stages.dates`;
* natasha for Russian text.

After resolution, organisation names grow over the region that ends them and
gathering-headed names presented as standing bodies become ORGs
(:mod:`textmine.stages.ner.organisations`), and the syntax around a name makes
it a place ("Tallinn (formerly Reval)", "via Valga", :mod:`textmine.stages.ner.places`).

The recognisers read the text with Cyrillic look-alike letters inside Latin
words folded to Latin and headings in capitals in title case (:func:`model_text`,
one character for one, so offsets are the original text's). Menu, label and
degree words, breadcrumb items and words cut by an extraction artefact are
not names.

The spaCy ``Doc`` of the whole text is left in ``doc.annotations["spacy"]``
for later stages (sentences, dependency paths).
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from dataclasses import replace
from itertools import islice
from typing import Any, Iterable, Iterator

from textmine.components import register
from textmine.document import Document, Entity
from textmine.stages.ner import names, organisations, patterns, places, publications, references
from textmine.stages.ner.spans import (
    DEGREE_WORDS,
    PRIORITY,
    Candidate,
    align_to_tokens,
    clean_span,
    has_cyrillic,
    is_position,
    latin_lookalikes_folded,
    no_annotation_regions,
    resolve,
)
from textmine.stages.ner.statistical import entities_to_candidates, spacy_candidates

BACKENDS = ("spacy", "stanza")
# Where the spaCy path's entities come from: the trained component, or the pretrained one (baseline).
STATISTICAL_MODELS = ("trained", "pretrained")

# Head nouns of documents, programmes and registers: not entities (guidelines §2).
_DOCUMENT_HEAD = re.compile(
    r"\b(?:Charter|Agreement|Treaty|Declaration|Convention|Protocol|Memorandum|Register|Registry|Concept|"
    r"Strategy|Program|Programme|Initiative|Act|Law|Code|Resolution|Statute|Doctrine|Plan|Report|Accords?|Agreements|Protocols)$"
)
# Role nouns: "the Heads of State" names people by their office, not an organisation.
_ROLE_HEAD = re.compile(
    r"^(?:Heads?|Leaders?|Ministers?|Presidents?|Chairm[ae]n|Secretar(?:y|ies)|Ambassadors?|Deputies|Deputy|"
    r"Prime Ministers?|Governors?|Officials?|Representatives?|Members?|Citizens?)\b"
)
_QUOTE_AFTER = re.compile(r"\s*[\"“«„]")
_HEAD_LABELS = (
    # Gatherings named by their head noun: "Nordic Offshore Wind Symposium", "Annual Meeting of the Nordic Investment
    # Bank", "Chaco Trade Round Table" (see _head_noun); a standing body ("Council", "Commission") is an ORG below.
    ("EVENT", frozenset("Conference Conferences Summit Forum Congress Olympics Games Championship Championships Contest "
                        "Tournament Festival War Revolution Uprising Massacre Dialogue Meeting Meetings Workshop Symposium "
                        "Seminar Colloquium Session Roundtable summit meeting".split()) | {"Round Table"}),
    ("ORG", frozenset("University Institute Academy College Ministry Committee Council Agency Bank Fund Commission Organization "
                      "Organisation Association Foundation Department Court Parliament Assembly Party Corporation Company "
                      "Union Community Alliance Authority League Federation Confederation Movement".split())),
    ("LOC", frozenset("River Sea Lake Mountains Region Oblast Province District Island Islands Valley Desert Street Avenue "
                      "Square Peninsula Gulf Bay Strait Airport Reservoir Creek Forest Canyon Glacier Ocean Mountain "
                      "Frontier Cone Corridor Basin Delta Coast Highlands Plateau Archipelago Highway Motorway Expressway Canal".split())),
)
# Head nouns of two words (see _head_noun).
_COMPOUND_HEADS = frozenset(head for _, heads in _HEAD_LABELS for head in heads if " " in head)
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an|A|An)\s$")
_OF_BEFORE = re.compile(r"\s+of(?:\s+the)?\s*$")
# " of the " fits in this many characters before a name, however the line is spaced.
_OF_WINDOW = 32
_LINE = re.compile(r"[^\n]+")
_MIN_PROPAGATED_LENGTH = 4
# A line in capitals (a heading): its words are read in title case, abbreviations the gazetteer knows kept.
_SHOUTED_WORD = re.compile(r"[A-Z]+")
_LOWER_IN_TITLES = frozenset("of the and in for on to a an at by with from as or".split())
_MIN_SHOUTED_LETTERS = 10
_LATIN_LOWER = re.compile(r"[a-z]")
_LATIN_UPPER = re.compile(r"[A-Z]")
# Keyword lists: names in them are often written in lower case ("sco; csto; central asia").
_KEYWORD_LINE = re.compile(r"(?im)^[ \t]*(?:key\s?words|ключевые слова)\s*[:.—-]?\s*(.+)$")
_KEYWORD_ITEM = re.compile(r"[^,;/·|]+")
# Page furniture and field labels that models take for names (menus, share rows, wrapper fields).
_FURNITURE_WORDS = frozenset(
    "home menu search login register contacts about share tweet like subscribe archive archives submit print download "
    "pdf cookies sitemap abstract keywords references introduction conclusion conclusions afterword foreword preface "
    "acknowledgements acknowledgments appendix "
    "главная меню поиск вход регистрация контакты архив каталог журналы статьи авторам рубрики выпуски номера новости "
    "поделиться аннотация авторы автор рубрика журнал название удк ббк резюме организация литература "
    # Record and reference labels: "Vol. 12", "UDC 327", "ORCID", "Original article".
    "vol vols pp eds udc doi orcid issn isbn original".split()
)
_FURNITURE_PHRASES = frozenset({
    "log in", "sign in", "sign up", "contact us", "current issue", "editorial board", "for authors", "cookie policy",
    "privacy policy", "full text", "skip to main content", "ключевые слова", "список литературы", "для цитирования",
    "библиографическая ссылка",
})
# Academic degrees written out ("Candidate of Political Sciences", "Doctor of Historical Sciences"): not organisations.
_DEGREE_PHRASE = re.compile(
    r"^(?:Candidate|Doctor|Master|Bachelor)s?\s+of\s+(?:[\w-]+\s+){0,3}(?:Sciences?|Philosophy|Arts|Laws?|Economics)\b", re.IGNORECASE
)
# A degree written out before its field: "Doctor of [Political Sciences]" is the field, not an organisation.
_DEGREE_BEFORE = re.compile(r"\b(?:Candidate|Doctor|Master|Bachelor)s?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_DEGREE_IN_BEFORE = re.compile(r"\b(?:PhD|Ph\.\s?D\.|Doctorate|MA|MSc|M\.A\.|BA|B\.A\.)\s+in\s+$")
_DEGREE_FIELD = re.compile(r"\b(?:Sciences?|Philosophy|Arts|Laws?|Economics)$")
_BREADCRUMB_SEPARATOR = re.compile(r"\s(?:/|»|›|>|→|\\)\s")
# A field label ends in a colon; a Russian one may run on in lower case ("Учёная степень:", "Место работы:").
_FIELD_LABEL_AFTER = re.compile(r"[ \t]*:")
_RUSSIAN_FIELD_LABEL_AFTER = re.compile(r"(?:[ \t]+[а-яё][а-яё-]*){1,2}[ \t]*:")
# A bibliographic locator: page, volume, issue or classification abbreviation and its numbers ("P. 141–158",
# "T. 11", "№ 2", "Vol. 8", "UDC 327.7(8)"): a reference's coordinates, never a name.
_LOCATOR = re.compile(
    r"^(?:[PSCTpsN]|pp|Pp|Vol|Vols|No|Nos|Iss|Issue|Suppl|Art|Ch|Sec|Fig|Tab|UDC|BBK|Т|С|Вып|Ч|Кн|Ст|Рис|Табл|УДК|ББК|№)"
    r"\.?\s*№?\s*\d[\d\s.,:;()–—-]*$"
)


# Affiliation and footnote markers in superscript glued to a word ("Yusupova¹,²"): read as spaces, so that the
# name ends where a word ends for the model and the patterns ("\w" holds superscript digits).
_SUPERSCRIPT_MARKS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPT_MARKER = re.compile(r"(?<=[^\W\d_])[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
# A footnote number glued after the full stop that ends a sentence ("sits in San Salvador.3 The ..."), read as a
# space so that the tokenizer does not glue it to the name; a word of four letters or more before it ("Vol.3" stays).
_GLUED_FOOTNOTE = re.compile(r"(?<=[^\W\d_]{4}\.)\d{1,3}(?=\s|$)")


def model_text(text: str) -> str:
    """The text the recognisers read: Latin look-alikes folded, superscript markers after words blanked,
    headings in capitals in title case.

    Character for character the same length, so offsets found in it are the original text's.
    """
    from textmine.stages.ner.gazetteer_match import gazetteer_index

    text = latin_lookalikes_folded(text)
    if _SUPERSCRIPT_MARKS.intersection(text):
        text = _SUPERSCRIPT_MARKER.sub(lambda m: " " * len(m.group()), text)
    text = _GLUED_FOOTNOTE.sub(lambda m: " " * len(m.group()), text)
    if not any(_is_shouted(m.group()) for m in _LINE.finditer(text)):
        return text
    known = gazetteer_index().exact
    pieces, last = [], 0
    for line in _LINE.finditer(text):
        if not _is_shouted(line.group()):
            continue
        for word in _SHOUTED_WORD.finditer(text, line.start(), line.end()):
            token = word.group()
            if token in known or len(token) <= 2 and token.lower() not in _LOWER_IN_TITLES:
                continue
            cased = token.lower() if token.lower() in _LOWER_IN_TITLES and word.start() > line.start() else token.title()
            pieces += [text[last:word.start()], cased]
            last = word.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _is_shouted(line: str) -> bool:
    return not _LATIN_LOWER.search(line) and len(_LATIN_UPPER.findall(line)) >= _MIN_SHOUTED_LETTERS and len(line.split()) >= 2


def _is_furniture_or_artefact(text: str, cand: Candidate) -> bool:
    """A model's mention that is a menu or label word, a degree, a breadcrumb item, or a word cut in two."""
    surface = text[cand.start:cand.end]
    folded = " ".join(surface.casefold().split())
    if folded in _FURNITURE_WORDS or folded in _FURNITURE_PHRASES:
        return True
    if _DEGREE_PHRASE.match(surface) or _LOCATOR.match(surface) or _BREADCRUMB_SEPARATOR.search(surface):
        return True  # a degree, a reference's locator, or a run over breadcrumb items ("Главная / Журналы / Вестник")
    if _DEGREE_IN_BEFORE.search(text, max(0, cand.start - 16), cand.start):
        return True  # "PhD in History": the degree's field
    if cand.label == "ORG" and _DEGREE_FIELD.search(surface) and _DEGREE_BEFORE.search(text, max(0, cand.start - 40), cand.start):
        return True
    if "·" in surface or "|" in surface:
        return True  # a row of links ("PDF · Cite · Share", "About the Journal | Editorial Board")
    if cand.label != "DATE" and not any(ch.isalpha() for ch in surface):
        return True  # "2015;49(3):612-40": a reference's numbers, no name
    words = [word.strip(".,()") for word in surface.split()]
    if all(word in DEGREE_WORDS for word in words) or (cand.label == "PERSON" and any(word in DEGREE_WORDS for word in words)):
        return True
    if cand.label == "PERSON" and is_position(surface):
        return True  # "Associate Professor", "Senior Lecturer" on an author block's line: a position, not a person
    # A word cut by an extraction artefact: the span starts or ends inside a word, or at a hyphenated line break.
    if (cand.start > 0 and text[cand.start - 1].isalnum()) or (cand.end < len(text) and text[cand.end].isalnum()):
        return True
    if re.match(r"-[ \t]*\n[ \t]*[a-zа-яё]", text[cand.end:cand.end + 6]) or re.search(r"\w-[ \t]*\n[ \t]*$", text[max(0, cand.start - 6):cand.start]):
        return True
    line_start = text.rfind("\n", 0, cand.start) + 1
    line_end = text.find("\n", cand.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    # A field label of a catalogue record ("Авторы:", "Рубрика:") opens its line and is followed by a colon.
    if not text[line_start:cand.start].strip() and (
        _FIELD_LABEL_AFTER.match(text, cand.end) or (has_cyrillic(surface) and _RUSSIAN_FIELD_LABEL_AFTER.match(text, cand.end))
    ):
        return True
    # A breadcrumb item ("Главная / Каталог / Статьи") is a link, not a mention.
    if len(_BREADCRUMB_SEPARATOR.findall(line)) >= 2:
        items = [item.strip() for item in _BREADCRUMB_SEPARATOR.split(line)]
        if surface in items and len(surface.split()) <= 2:
            return True
    return False


def _cuts_a_known_organisation(cand: Candidate, gazetteer: list[Candidate]) -> bool:
    """A pattern's name that cuts through an organisation the gazetteer found ("General Assembly" in "UN General Assembly")."""
    return any(
        g.label == "ORG" and g.overlaps(cand) and not (cand.start <= g.start and g.end <= cand.end) for g in gazetteer
    )


def keyword_line_candidates(text: str) -> list[Candidate]:
    """Gazetteer names in keyword lists, whatever their case ("sco; csto; central asia")."""
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    out = []
    for line in _KEYWORD_LINE.finditer(text):
        for item in _KEYWORD_ITEM.finditer(text, line.start(1), line.end(1)):
            name = item.group().strip().rstrip(".")
            if len(name) < 2:
                continue
            entry = gazetteer.lookup(name)
            if entry is None or (len(name) <= 3 and name.islower() and entry.label == "LOC"):
                continue
            start = item.start() + item.group().index(name)
            out.append(Candidate(start, start + len(name), entry.label, "gazetteer", PRIORITY["gazetteer:long"], entry.canonical, entry.kb_id))
    return out


def _shouted_keyword_lines(original: str) -> list[tuple[int, int]]:
    """Keyword lists written in capitals ("KEYWORDS: COLLECTIVE SECURITY, CENTRAL ASIA"), as (start, end) of their items."""
    return [
        (line.start(1), line.end(1)) for line in _KEYWORD_LINE.finditer(original)
        if not _LATIN_LOWER.search(line.group(1)) and _LATIN_UPPER.search(line.group(1))
    ]


def _is_a_shouted_keyword(text: str, cand: Candidate, lines: list[tuple[int, int]]) -> bool:
    """A model's name in a keyword list in capitals: the list has no case and no syntax to read a name from.

    Its topics ("Collective Security", "Regional Integration") are not names; the
    gazetteer still finds the known ones in the list (:func:`keyword_line_candidates`)
    and a name with an organisation or event head noun is kept.
    """
    if cand.label == "DATE" or not any(start <= cand.start and cand.end <= end for start, end in lines):
        return False
    head = _head_noun(text[cand.start:cand.end])
    return not any(head in heads for _, heads in _HEAD_LABELS)


def _russian_lines(text: str) -> list[tuple[int, int]]:
    if not has_cyrillic(text):
        return []
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if _mostly_cyrillic(m.group())]


def _mostly_cyrillic(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(has_cyrillic(ch) for ch in letters) > len(letters) / 2


@register("ner")
class EntityRecognizer:
    name = "ner"

    def __init__(
        self, backend: str = "spacy", stanza_dir: str | None = None, batch_size: int = 16, statistical: str = "trained",
        model_dir: str | None = None,
    ):
        if backend not in BACKENDS:
            raise ValueError(f"unknown NER backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        if statistical not in STATISTICAL_MODELS:
            raise ValueError(f"unknown statistical model {statistical!r}; choose one of {', '.join(STATISTICAL_MODELS)}")
        from textmine.resources.nlp import load_english, model_provenance

        from textmine.stages.ner.gazetteer_match import gazetteer_index
        from textmine.stages.ner.russian import prepare_russian

        self.backend = backend
        self.batch_size = batch_size
        self.provenance = {"backend": backend, **model_provenance()}
        if statistical == "trained":
            from textmine.stages.ner import model

            # model_dir: another trained component (a candidate being compared); default models/ner/.
            directory = Path(model_dir) if model_dir else model.DEFAULT_MODEL_DIR
            self.nlp = model.load_pipeline(directory)
            self.provenance.update(model.provenance(directory))
        else:
            self.nlp = load_english()
            self.provenance["ner_model"] = "pretrained"
        gazetteer_index()  # built now, not in the middle of the first batch
        prepare_russian()  # likewise what the first Cyrillic text needs (seconds: the natasha model, the lemma index)
        self.stanza = None
        if backend == "stanza":
            from textmine.stages.ner.stanza_backend import StanzaBackend

            self.stanza = StanzaBackend(stanza_dir)

    def __call__(self, doc: Document) -> Document:
        return self.recognise(doc, self.nlp(model_text(doc.text)))

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Document]:
        size = batch_size or self.batch_size
        stream = iter(docs)
        while batch := list(islice(stream, size)):
            for doc, spacy_doc in zip(batch, self.nlp.pipe([model_text(d.text) for d in batch], batch_size=size)):
                yield self.recognise(doc, spacy_doc)

    def recognise(self, doc: Document, spacy_doc: Any) -> Document:
        doc.annotations["spacy"] = spacy_doc
        candidates = find_candidates(doc, spacy_doc, self.statistical_candidates(doc, spacy_doc))
        doc.entities = [
            Entity(id=f"T{i}", start=c.start, end=c.end, label=c.label, text=doc.text[c.start:c.end],
                   source=c.source, canonical=c.canonical)
            for i, c in enumerate(candidates, 1)
        ]
        return doc

    def statistical_candidates(self, doc: Document, spacy_doc: Any) -> list[Candidate]:
        if self.stanza is None:
            return spacy_candidates(spacy_doc)
        return entities_to_candidates(self.stanza.entities(doc))


def find_candidates(doc: Document, spacy_doc: Any, statistical: list[Candidate]) -> list[Candidate]:
    """All recognisers' proposals, cleaned and resolved into the document's mentions."""
    from textmine.stages.dates import find_date_spans
    from textmine.stages.ner.gazetteer_match import gazetteer_index
    from textmine.stages.ner.russian import russian_candidates, russian_gazetteer_candidates

    text = model_text(doc.text)
    blocked = no_annotation_regions(text)
    gazetteer = gazetteer_index().find(spacy_doc)
    quoted = patterns.quoted_name_candidates(text)
    proposals: list[Candidate] = []
    shouted_keywords = _shouted_keyword_lines(doc.text)
    proposals += [
        c for c in _statistical_kept(text, statistical, blocked, gazetteer, quoted, spacy_doc)
        if not _is_a_shouted_keyword(text, c, shouted_keywords)
    ]
    proposals += gazetteer
    proposals += quoted
    proposals += patterns.person_candidates(text)
    proposals += references.reference_author_candidates(text) + references.citation_candidates(text)
    proposals += references.particle_name_candidates(text) + references.journal_candidates(text)
    proposals += references.broken_name_candidates(text)
    proposals += patterns.post_soviet_name_candidates(text)
    proposals += [
        c for c in patterns.organisation_candidates(text)
        if not _is_furniture_or_artefact(text, c) and not _cuts_a_known_organisation(c, gazetteer)
    ]
    proposals += [
        c for c in patterns.organisation_extent_candidates(text) + patterns.russian_name_candidates(text)
        if not _is_furniture_or_artefact(text, c)
    ]
    proposals += publications.publication_candidates(text) + names.bracketed_double_surname_candidates(text)
    proposals += places.russian_street_candidates(text)
    proposals += patterns.held_event_candidates(text)
    proposals += patterns.event_shape_candidates(text)
    proposals += keyword_line_candidates(text)
    proposals += patterns.facility_candidates(text)
    proposals += patterns.institution_candidates(text)
    proposals += patterns.event_name_candidates(text)
    proposals += patterns.citation_line_candidates(text)
    proposals += [
        _labelled_by_gazetteer(text, c) for c in russian_candidates(text)
        if not _is_furniture_or_artefact(text, c) and not _russian_plural_adjective(text, c)
    ]
    proposals += [c for c in russian_gazetteer_candidates(text) if not _is_furniture_or_artefact(text, c)]
    for start, end, lang in _language_stretches(doc):
        proposals += [
            Candidate(start + s, start + e, "DATE", "dates", PRIORITY["dates"])
            for s, e in find_date_spans(text[start:end], lang)
        ]
    events = patterns.named_event_candidates(text) + [c for c in proposals if c.label == "EVENT" and c.source.startswith("pattern")]
    proposals += patterns.propagate_event_names(text, events)
    proposals += patterns.summit_candidates(text, proposals)
    proposals += patterns.place_event_candidates(text, proposals)
    # The date finder's spans already follow the DATE rules ("15 мая 1992 г." keeps its full stop).
    cleaned = [c for c in (cand if cand.source == "dates" else clean_span(text, cand, blocked) for cand in proposals) if c is not None]
    chosen = resolve(_names_inside_statistical_names(cleaned))
    persons = [c for c in chosen if c.label == "PERSON"]
    surnames = _surnames_over_the_model(patterns.surname_mentions(text, persons), chosen)
    chosen = _places_by_context(text, resolve(chosen + _propagated(text, chosen, blocked) + surnames))
    chosen = organisations.standing_bodies(text, organisations.organisations_with_inner_region(text, chosen))
    chosen = places.places_by_syntax(text, chosen)
    tokens = [(token.idx, token.idx + len(token)) for token in spacy_doc]
    chosen = _merge_russian_organisation_places(text, _merge_glued_abbreviations(text, chosen))
    return resolve(align_to_tokens(text, chosen, tokens))


def _statistical_kept(
    text: str, statistical: list[Candidate], blocked: list[tuple[int, int]], gazetteer: list[Candidate], quoted: list[Candidate],
    spacy_doc: Any = None,
) -> list[Candidate]:
    """The statistical model's mentions that the guidelines allow, trimmed to their rules."""
    from textmine.stages.dates import trim_date_span
    from textmine.resources.gazetteer import is_nationality_adjective

    quoted_org_starts = {q.start for q in quoted if q.label == "ORG"}
    gazetteer_spans = {(g.start, g.end) for g in gazetteer}
    gazetteer_towns = {(g.start, g.end) for g in gazetteer if (g.kb_id or "").startswith("geonames:") and " " not in text[g.start:g.end]}
    russian_lines = _russian_lines(text)
    gazetteer_orgs = sorted({(g.start, g.end) for g in gazetteer if g.label == "ORG"})
    titles = patterns.document_title_spans(text) + patterns.reference_title_spans(text) + references.reference_title_spans(text)
    quoted_titles = patterns.quoted_title_spans(text)
    titles += quoted_titles
    gazetteer_places = [(g.start, g.end) for g in gazetteer if g.label == "LOC"]
    kept = []
    for cand in statistical:
        cand = clean_span(text, cand, blocked)
        if cand is None or has_cyrillic(text[cand.start:cand.end]):
            continue
        if any(start <= cand.start < end for start, end in russian_lines):
            continue  # English model on a Russian line: its Latin tokens are not names it understood
        if _is_furniture_or_artefact(text, cand):
            continue
        if cand.label == "DATE":
            trimmed = trim_date_span(text, cand.start, cand.end)
            if trimmed is not None:
                kept.append(Candidate(trimmed[0], trimmed[1], "DATE", cand.source, cand.priority))
            continue
        surface = text[cand.start:cand.end]
        if surface.islower():
            continue  # lower-case descriptions are not names
        if _one_word_of_no_name_class(text, spacy_doc, cand):
            continue  # "Indexed in Scopus": a capitalised verb or adverb opening a line is not a name
        if cand.label == "PERSON" and (_written_lower_case_elsewhere(text, surface) or _heads_a_phrase(text, spacy_doc, cand)):
            continue  # "Gender and political representation ...", "Hydropower cooperation on ...": a title's first word
        if cand.label == "PERSON" and _opens_a_title_before_lower_case(text, cand, titles):
            continue  # "Phan TT. Maritime claims in ...": a cited work's first word after its authors
        if is_nationality_adjective(surface) or (surface.endswith("s") and is_nationality_adjective(surface[:-1])):
            continue  # "Uzbek", "Uzbeks": nationalities are not entities
        if _ARTICLE_BEFORE.search(text, max(0, cand.start - 4), cand.start):
            continue  # "a Table": an indefinite article does not precede a name
        head = surface.split(" of ")[0]
        if _DOCUMENT_HEAD.search(head) or _DOCUMENT_HEAD.search(surface) or _ROLE_HEAD.match(head) or patterns.is_document_title(surface):
            continue
        quote = _QUOTE_AFTER.match(text, cand.end)
        if cand.label == "ORG" and quote and quote.end() in quoted_org_starts:
            continue  # a descriptor before a quoted name ("the ITO \"Name\"") is not the name
        if _a_row_of_known_names(text, cand, gazetteer_orgs):
            continue  # "Share: Facebook Twitter VK Telegram": a row of links, each a name of its own
        if cand.label == "LOC" and any(start == cand.start and _FOR_AFTER.match(text, end) for start, end in gazetteer_orgs):
            continue  # "the Storting for Troms" read as a place: a known body and the constituency after "for"
        if (cand.start, cand.end) in gazetteer_spans and not _town_read_as_organisation(text, cand, gazetteer_towns):
            continue  # the gazetteer knows this name: a city is a LOC even where the model says ORG
        if cand.label == "ORG" and _inside_a_title_without_an_organisation_head(text, cand, titles):
            continue  # "Agreement on ... Friendship and Cooperation of ...", a cited book's title: its words, not an organisation
        if " " not in surface and _GERMAN_ARTICLE_BEFORE.search(text, max(0, cand.start - 8), cand.start):
            continue  # "zwischen den Kriegen": a German noun, capitalised by its grammar (the gazetteer keeps places)
        if _a_title_phrase_around_a_place(text, cand, quoted_titles, gazetteer_places):
            continue  # "Ports of Mombasa", "Rivers of Sand: Water and Power" in a quoted title: its words; the place is found apart
        cand = names.baltic_person(text, _person_by_surname_ending(text, cand), (cand.start, cand.end) in gazetteer_spans)
        for part in _reread_person(text, _without_trailing_lower_case(text, cand), spacy_doc):
            kept.append(_split_of_organisation(text, _numbered(text, _label_by_head(text[part.start:part.end], part)), gazetteer_orgs))
    return kept


_LOWER_CASE_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


def _opens_a_title_before_lower_case(text: str, cand: Candidate, titles: list[tuple[int, int]]) -> bool:
    """A one-word mention that opens a title and is followed by a lower-case word: the title's first word."""
    return (
        " " not in text[cand.start:cand.end]
        and any(start == cand.start for start, _ in titles)
        and _LOWER_CASE_WORD_AFTER.match(text, cand.end) is not None
    )


def _a_row_of_known_names(text: str, cand: Candidate, gazetteer: list[tuple[int, int]]) -> bool:
    """A model's span made wholly of two or more organisations the gazetteer knows, with nothing but spaces between.

    A share or menu row ("Facebook Twitter VK Telegram") is read as one name by
    the model; the gazetteer still finds each. Places side by side are often one
    name ("the Connecticut Rivers"). ``gazetteer`` holds the sorted (start, end) spans of its organisations.
    """
    inside = []
    for start, end in gazetteer[bisect.bisect_left(gazetteer, (cand.start, 0)):]:
        if start >= cand.end:
            break
        if end <= cand.end:
            inside.append((start, end))
    if len(inside) < 2 or inside[0][0] != cand.start or max(end for _, end in inside) != cand.end:
        return False  # "Hong Kong Bar Association": known names inside a longer name
    gaps = [text[a_end:b_start] for (_, a_end), (b_start, _) in zip(inside, inside[1:])]
    return all(gap.strip() == "" and gap for gap in gaps)


_FOR_AFTER = re.compile(r"\sfor\s")
# A German article or contraction before a capitalised word: a German noun ("den Kriegen", "der Grenzen").
# ("van der Merwe", "von dem Bussche": a surname's particles, not an article.)
_GERMAN_ARTICLE_BEFORE = re.compile(r"(?:^|(?<!\bvan)(?<!\bvon)\s)(?:den|dem|der|des|die|das|im|zum|zur|vom|beim)\s$")

# Words around a town's name that say it is the place ("plant near Toyota", "Toyota, Japan", "Toyota-based").
_TOWN_CONTEXT_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near|from|to|into|of|outside|around|across|throughout|via|between|and|against)\s(?:the\s)?$")
# ("Dublin: Institute of Public Administration": the place of publication before its publisher.)
_TOWN_CONTEXT_AFTER = re.compile(r",\s[A-Z]|-based\b|\s(?:and|or)\s[A-Z]|:\s[A-Z]")


def _town_read_as_organisation(text: str, cand: Candidate, towns: set[tuple[int, int]]) -> bool:
    """A one-word town the model reads as an organisation, with no word around it that makes it a place.

    Many companies and some surnames are also the names of towns ("Toyota",
    "Siemens"); where nothing says "place", the model's reading of the
    sentence ("Toyota opened a plant") is better evidence than the list.
    """
    return (
        cand.label == "ORG"
        and (cand.start, cand.end) in towns
        and not _TOWN_CONTEXT_BEFORE.search(text, max(0, cand.start - 12), cand.start)
        and not _TOWN_CONTEXT_AFTER.match(text, cand.end)
    )


# Surname endings of the region ("Tokayev", "Akhmedova", "Shevchenko", "Saakashvili", "Milošević"); a lone word
# needs one no place name of the region has ("-ova", not "-ov": "Saratov", "Rostov").
_SURNAME_END = re.compile(r"(?:ov|ev|yev|ova|eva|yeva|ovich|evich|enko|shvili|dze|uly|ogly|oğlu|ović|ević)$")
_LONE_SURNAME_END = re.compile(r"(?:ova|eva|yeva|ovich|evich|enko|shvili|dze|ović|ević)$")
_CAPITALISED_WORD = re.compile(r"^[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'’]+(?:-[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž]+)?$")


def _person_by_surname_ending(text: str, cand: Candidate) -> Candidate:
    """A model's place or organisation shaped like a person's name with a regional surname is the person.

    "Kassym-Jomart Tokayev" -> LOC, "Akhmedova" -> LOC: names of two or three
    capitalised words ending in a surname suffix, or one word with a
    suffix no town of the region has, and no head noun of a place or body.
    """
    if cand.label not in ("LOC", "ORG"):
        return cand
    words = text[cand.start:cand.end].split()
    if not 1 <= len(words) <= 3 or not all(_CAPITALISED_WORD.match(w) for w in words) or any(w in _NAME_HEADS for w in words):
        return cand
    ending = _SURNAME_END if len(words) > 1 else _LONE_SURNAME_END
    return replace(cand, label="PERSON") if ending.search(words[-1]) else cand


# Words before a name that say it is a place ("held in Al-Ula"); "of" only for two names joined by "and".
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near|across|throughout)\s(?:the\s)?$")
_PLACE_LIST_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near|across|throughout|of|from)\s(?:the\s)?$")
_GATHERING_AFTER = re.compile(r"\s(?:summit|meeting|conference|talks|ministerial)\b")
_COMPASS_FIRST = re.compile(r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)(?:-|\s)\S")
_TOPONYM_FIRST = re.compile(r"^(?:Puerto|Porto|Port|Fort|Ciudad|San|Santa|Santo|São|Saint|St\.|Mount|Cape|Lake|Bandar|Kota)\s\S")


def _reread_person(text: str, cand: Candidate, spacy_doc: Any) -> list[Candidate]:
    """A model's PERSON checked against its shape and context.

    Not a name when it is one word the parser does not take for a proper noun
    ("Training was ...", "Externally, ..."); split at "and" (no personal name
    holds one: "Jubaland and Hiraan"); a place when it starts with a compass
    or toponym word ("Southern Cone", "Puerto Iguazú"), follows "in"/"at" or
    precedes "summit"/"meeting".
    """
    if cand.label != "PERSON":
        return [cand]
    surface = text[cand.start:cand.end]
    if " " not in surface and spacy_doc is not None:
        span = spacy_doc.char_span(cand.start, cand.end)
        if span is not None and len(span) == 1 and span[0].pos_ not in ("PROPN", "X"):
            return []
    parts = [cand]
    joined = re.search(r"\s(?:and|&)\s", surface)
    if joined:
        parts = [replace(cand, end=cand.start + joined.start()), replace(cand, start=cand.start + joined.end())]
    before = text[max(0, cand.start - 24):cand.start]
    in_place_context = (_PLACE_LIST_PREPOSITION_BEFORE if joined else _PLACE_PREPOSITION_BEFORE).search(before) is not None
    out = []
    for part in parts:
        piece = text[part.start:part.end]
        if (
            in_place_context
            or _COMPASS_FIRST.match(piece)
            or _TOPONYM_FIRST.match(piece)
            or (part.end == cand.end and _GATHERING_AFTER.match(text, part.end))
        ):
            out.append(replace(part, label="LOC"))
        else:
            out.append(part)
    return out


_PLACE_CUE_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near)\s(?:the\s)?$")
# "born in Goris", "a market near Sisian": one word after "in" or "near" is a place, not a person ("in Putin's view"
# keeps its possessive and stays a person).
_PERSON_AS_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|near)\s$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_COORDINATED_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:in|at|near|from|of|across|between)\s(?:the\s)?$")


def _places_by_context(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A one-word name the model reads as an organisation or a person where the document shows it is a place.

    * One reading per document: a word the document uses as a place after "in",
      "at" or "near" ("held in Al-Ula") is that place where the model
      read it otherwise on its own ("The GCC after Al-Ula" -> ORG).
    * Coordination: a word joined by "and" to a place the gazetteer knows, after
      a place preposition, is a place too ("the countryside of Jubaland and Hiraan").
    * A one-word person right after "in" or "near" is a town the gazetteer is too
      small to know ("born in Goris").
    """
    places = {
        text[c.start:c.end] for c in chosen
        if c.label == "LOC" and _PLACE_CUE_BEFORE.search(text, max(0, c.start - 12), c.start)
    }
    out = []
    for i, cand in enumerate(chosen):
        surface = text[cand.start:cand.end]
        if cand.label in ("ORG", "PERSON") and cand.priority == PRIORITY["statistical"] and " " not in surface:
            previous = chosen[i - 1] if i else None
            coordinated = (
                previous is not None
                and previous.label == "LOC"
                and previous.source == "gazetteer"
                and text[previous.end:cand.start] == " and "
                and _COORDINATED_PLACE_BEFORE.search(text, max(0, previous.start - 12), previous.start) is not None
            )
            after_place_preposition = (
                cand.label == "PERSON"
                and _PERSON_AS_PLACE_BEFORE.search(text, max(0, cand.start - 6), cand.start) is not None
                and not _POSSESSIVE_AFTER.match(text, cand.end)
            )
            if surface in places or coordinated or after_place_preposition:
                cand = replace(cand, label="LOC")
        out.append(cand)
    return out


def _without_trailing_lower_case(text: str, cand: Candidate) -> Candidate:
    """A place's or person's span less lower-case words the model ran on into ("Gulf solidarity" -> "Gulf")."""
    if cand.label not in ("LOC", "PERSON"):
        return cand
    words = text[cand.start:cand.end].split(" ")
    end = cand.end
    while len(words) > 1 and words[-1].isalpha() and words[-1].islower():
        end -= len(words[-1]) + 1
        words.pop()
    return replace(cand, end=end)


def _labelled_by_gazetteer(text: str, cand: Candidate) -> Candidate:
    """A Russian recogniser's mention takes the type the gazetteer gives its name ("ЕС" is the European Union, an ORG)."""
    from textmine.resources.gazetteer import load_gazetteer

    entry = load_gazetteer().lookup(text[cand.start:cand.end])
    return replace(cand, label=entry.label) if entry is not None and entry.label != cand.label else cand


# Plural adjective endings: a Russian label word ("Библиографические ссылки"), never one person's name.
_RUSSIAN_PLURAL_ADJECTIVE = re.compile(r"(?:ие|ые|ых|их|ими|ыми)$")


def _russian_plural_adjective(text: str, cand: Candidate) -> bool:
    surface = text[cand.start:cand.end]
    return cand.label == "PERSON" and " " not in surface and _RUSSIAN_PLURAL_ADJECTIVE.search(surface) is not None



# Gazetteer kinds of platforms and media: never half of a glued abbreviation.
_PLATFORM_KINDS = frozenset({"company", "media"})

_NAME_HEADS = frozenset().union(*(heads for _, heads in _HEAD_LABELS))


def _inside_a_title_without_an_organisation_head(
    text: str, cand: Candidate, titles: list[tuple[int, int]]
) -> bool:
    """A model's ORG inside a title whose head is no name noun ("Establishment" in "Declaration on the Establishment
    of the SCO", "Security Communities" as a cited book's title).

    The organisations named in titles are still found (gazetteer, patterns, a
    head noun), and so is a name the document also uses outside its titles
    ("The GCC after Al-Ula: ..." where the summit was "held in Al-Ula").
    """
    surface = text[cand.start:cand.end]
    if _head_noun(surface) in _NAME_HEADS:
        return False
    if not any(start <= cand.start and cand.end <= end for start, end in titles):
        return False
    elsewhere = (
        m.start() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)
        if not any(start <= m.start() < end for start, end in titles)
    )
    return next(elsewhere, None) is None


def _a_title_phrase_around_a_place(
    text: str, cand: Candidate, titles: list[tuple[int, int]], places: list[tuple[int, int]]
) -> bool:
    """A model's place or organisation inside a quoted title that is a phrase of the title, not a name: it has no name
    head and holds a colon or a place the gazetteer finds inside it ("Ports of Mombasa")."""
    if cand.label not in ("LOC", "ORG") or not any(start <= cand.start and cand.end <= end for start, end in titles):
        return False
    surface = text[cand.start:cand.end]
    if _head_noun(surface) in _NAME_HEADS:
        return False  # "Swahili Coast", "Institute of Nomadic Studies"
    holds_a_place = any(cand.start <= start and end <= cand.end and (start, end) != (cand.start, cand.end) for start, end in places)
    return ":" in surface or holds_a_place


# Labels whose statistical mentions keep the names nested in them: "2001 United Kingdom general election",
# "Alliance Party of Northern Ireland" (guidelines §2: names inside EVENT and ORG names are not annotated apart).
_ENCLOSING_LABELS = frozenset({"EVENT", "ORG"})


def _names_inside_statistical_names(candidates: list[Candidate]) -> list[Candidate]:
    """A statistical EVENT or ORG that encloses other proposals outranks them (guidelines §2: flat, maximal spans).

    Without this the date finder's "2001" and the gazetteer's "United Kingdom"
    would break "2001 United Kingdom general election" into pieces. Only
    enclosing counts: a mention crossing another proposal keeps its rank, and
    "Body of the Organisation" was already cut before the organisation's name.
    A proposal of the same label inside is the name itself and the rest a
    descriptor the guidelines leave out ("Peace Mission 2014" in "Peace
    Mission 2014 exercise"), so it keeps its rank.
    """
    out = []
    for cand in candidates:
        if cand.priority == PRIORITY["statistical"] and cand.label in _ENCLOSING_LABELS:
            overlapping = [o for o in candidates if o is not cand and o.overlaps(cand)]
            inside = [o for o in overlapping if cand.start <= o.start and o.end <= cand.end and o.length < cand.length]
            same_label_inside = any(o.label == cand.label for o in inside)
            # Authors read off a whole author list or citation ("R. Haile & S. Osei (Eds.)") are not inside a name, nor is
            # "Surname I." before the next sentence ("Okello P. Funding came ...").
            listed_authors = any(o.priority == PRIORITY["pattern:reference-author"] for o in inside)
            if inside and len(inside) == len(overlapping) and not same_label_inside and not listed_authors:
                cand = replace(cand, priority=max(o.priority for o in inside) + 1)
        out.append(cand)
    return out


def _surnames_over_the_model(surnames: list[Candidate], chosen: list[Candidate]) -> list[Candidate]:
    """A surname alone after the person's full name outranks the model's other label for the same word.

    The model reads one word out of context ("Later Rakhimov moved" -> ORG,
    "Faliero" -> LOC) where the document has already named the person; a
    longer name the surname sits inside ("Rakhimov Foundation") keeps its rank.
    """
    out = []
    for surname in surnames:
        same_word = any(
            c.start == surname.start and c.end == surname.end and c.priority == PRIORITY["statistical"] for c in chosen
        )
        out.append(replace(surname, priority=PRIORITY["propagation:surname-over-model"]) if same_word else surname)
    return out


# Word classes no name belongs to, for a one-word mention of the model.
_NO_NAME_POS = frozenset({"VERB", "AUX", "ADV", "ADP", "PRON", "DET", "CCONJ", "SCONJ"})


def _one_word_of_no_name_class(text: str, spacy_doc: Any, cand: Candidate) -> bool:
    """A one-word mention opening a line or sentence that the parser reads as a verb, adverb or function word
    ("Indexed in Scopus", "Externally, ..."): capitalised by its position, not by being a name.

    ``text`` is ``spacy_doc.text``, passed in because spaCy rebuilds that string from the tokens on every read.
    """
    if spacy_doc is None or cand.label == "DATE" or " " in text[cand.start:cand.end]:
        return False
    span = spacy_doc.char_span(cand.start, cand.end)
    opens = span is not None and (span[0].is_sent_start or cand.start == 0 or text[cand.start - 1] == "\n")
    return opens and len(span) == 1 and span[0].pos_ in _NO_NAME_POS


def _written_lower_case_elsewhere(text: str, surface: str) -> bool:
    """A one-word mention whose lower-case form the same text also uses: a common word capitalised by its position."""
    if " " in surface or not surface[:1].isupper() or surface.isupper():
        return False
    return next(whole_word_occurrences(text, surface.lower()), None) is not None


def whole_word_occurrences(text: str, word: str) -> Iterator[int]:
    r"""Starts of ``word`` in ``text`` where it is not part of a longer word, left to right, not overlapping.

    What ``re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)`` finds, without
    compiling a pattern for each word (``\w``: a character ``str.isalnum()``
    accepts, or "_").
    """
    if not word:
        raise ValueError("whole_word_occurrences needs a non-empty word")
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if (start == 0 or not _is_word_character(text[start - 1])) and (end == len(text) or not _is_word_character(text[end])):
            yield start
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


# What may follow a person's name that opens a line: a verb ("Smith argued"), punctuation, initials.
_AFTER_A_NAME = frozenset({"VERB", "AUX", "PUNCT", "PROPN", "NUM", "SYM", "X"})


def _heads_a_phrase(text: str, spacy_doc: Any, cand: Candidate) -> bool:
    """A one-word mention opening a line and followed by a lower-case noun, adjective or function word: a heading's first word.

    ``text`` is ``spacy_doc.text`` (see ``_one_word_of_no_name_class``).
    """
    if spacy_doc is None or " " in text[cand.start:cand.end]:
        return False
    span = spacy_doc.char_span(cand.start, cand.end)
    if span is None or span.end >= len(spacy_doc) or (cand.start > 0 and text[cand.start - 1] != "\n"):
        return False
    following = spacy_doc[span.end]
    return following.is_lower and following.pos_ not in _AFTER_A_NAME


# A name closed by a year: "African Lion 2021", "Danube Days 2017" (an edition of a recurring event).
_NAME_AND_YEAR = re.compile(r"^(?:[A-Z][\w'’-]*\s){1,5}(?:19|20)\d\d$")


def _label_by_head(surface: str, cand: Candidate) -> Candidate:
    """The head noun of a name decides its type where the model hesitates ("Dushanbe Water Conference"); a place or
    organisation the model names with a year after it is an edition of an event ("Eager Lion 2019")."""
    if cand.label in ("ORG", "LOC") and _NAME_AND_YEAR.match(surface) and not _DOCUMENT_HEAD.search(surface.rsplit(" ", 1)[0]):
        return replace(cand, label="EVENT")
    head = _head_noun(surface)
    for label, heads in _HEAD_LABELS:
        if head in heads and cand.label != label:
            return replace(cand, label=label)
    return cand


def _numbered(text: str, cand: Candidate) -> Candidate:
    """An EVENT with its ordinal before it ("9th Nordic Hydrogen Conference"): the number is part of the name."""
    if cand.label != "EVENT":
        return cand
    return replace(cand, start=patterns.numbered_summit_start(text, cand.start))


def _head_noun(surface: str) -> str:
    """The head noun of an English name: its last word before "of" or "on" ("Meeting" in "Annual Meeting of the Nordic
    Investment Bank", "Conference" in "International Conference on Mountain Economies"), two words for a compound head
    ("Round Table")."""
    words = re.split(r" o[fn] ", surface)[0].split() or [""]
    if len(words) >= 2 and f"{words[-2]} {words[-1]}" in _COMPOUND_HEADS:
        return f"{words[-2]} {words[-1]}"
    return words[-1]


def _split_of_organisation(text: str, cand: Candidate, gazetteer_orgs: list[tuple[int, int]]) -> Candidate:
    """"Body of the Organisation" is two ORGs (guidelines): keep the body; the gazetteer gives the rest.

    ``gazetteer_orgs`` is sorted: only the organisations inside the candidate
    are visited, and " of the" is looked for just before each, so a text of
    many organisation names costs linear time, not quadratic.
    """
    if cand.label != "ORG":
        return cand
    for start, end in gazetteer_orgs[bisect.bisect_right(gazetteer_orgs, (cand.start, len(text) + 1)):]:
        if start >= cand.end:
            break
        if end <= cand.end:
            of = _OF_BEFORE.search(text, max(cand.start, start - _OF_WINDOW), start)
            if of and of.start() > cand.start:
                return Candidate(cand.start, of.start(), cand.label, cand.source, cand.priority)
    return cand


def _language_stretches(doc: Document) -> list[tuple[int, int, str]]:
    if doc.segments:
        return [(s.start, s.end, s.lang) for s in doc.segments]
    return [(0, len(doc.text), "ru" if _mostly_cyrillic(doc.text) else "en")]


def _propagated(text: str, chosen: list[Candidate], blocked: list[tuple[int, int]]) -> list[Candidate]:
    """A name the document gives a label keeps that label where the recognisers missed it."""
    names: dict[str, Candidate] = {}
    for cand in chosen:
        surface = text[cand.start:cand.end]
        # Only names a rule vouches for spread; a model's one-off mistake must not multiply.
        reliable = cand.source.startswith(("pattern", "gazetteer"))
        if reliable and cand.label != "DATE" and len(surface) >= _MIN_PROPAGATED_LENGTH and surface[0].isupper():
            names.setdefault(surface, cand)
    out = []
    for surface, model in names.items():
        for start in whole_word_occurrences(text, surface):
            if any(b_start <= start < b_end for b_start, b_end in blocked) or _on_a_breadcrumb(text, start):
                continue
            if model.label == "EVENT" and patterns.PROCEEDINGS_AFTER.match(text, start + len(surface)):
                continue  # the proceedings volume named after the conference: a book's title
            out.append(Candidate(start, start + len(surface), model.label, "propagation", PRIORITY["propagation"], model.canonical, model.kb_id))
    return out


def _on_a_breadcrumb(text: str, position: int) -> bool:
    """Whether the line at ``position`` is a breadcrumb trail ("Главная / Журналы / Вестник РУДН")."""
    line_end = text.find("\n", position)
    line = text[text.rfind("\n", 0, position) + 1:line_end if line_end != -1 else len(text)]
    return len(_BREADCRUMB_SEPARATOR.findall(line)) >= 2


def _merge_glued_abbreviations(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"SCO RATS": an abbreviation glued to an organisation name without "of" is one span.

    Platforms and companies in a row ("Twitter VK Telegram") are names side by side, not one name.
    """
    from textmine.resources.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()

    def platform(cand: Candidate) -> bool:
        entry = gazetteer.lookup(text[cand.start:cand.end])
        return entry is not None and entry.kind in _PLATFORM_KINDS

    merged: list[Candidate] = []
    for cand in chosen:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.label == cand.label == "ORG"
            and text[prev.end:cand.start] == " "
            and (text[prev.start:prev.end].isupper() or text[cand.start:cand.end].isupper())
            and not (platform(prev) or platform(cand))
        ):
            merged[-1] = Candidate(prev.start, cand.end, "ORG", prev.source, prev.priority)
            continue
        merged.append(cand)
    return merged


def _merge_russian_organisation_places(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"Сообщество развития Юга Африки": a Russian organisation name followed by a place in the genitive is one ORG.

    Russian writes "<body> <place>" without "of"; the guidelines make "Body of <place>" one ORG.
    """
    merged: list[Candidate] = []
    for cand in chosen:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.label == "ORG"
            and cand.label == "LOC"
            and text[prev.end:cand.start] == " "
            and has_cyrillic(text[prev.start:prev.end])
            and has_cyrillic(text[cand.start:cand.end])
            and not text[prev.start:prev.end].isupper()
        ):
            merged[-1] = Candidate(prev.start, cand.end, "ORG", prev.source, prev.priority)
            continue
        merged.append(cand)
    return merged
