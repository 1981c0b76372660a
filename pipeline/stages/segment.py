"""Segmenter: which stretches of a page are the article and which the wrapper, in which language.

The text is cut into lines (lines with no blank line between them form a
paragraph). Every line gets

* language evidence: lingua's confidence values over a small set of
  languages, on the line without URLs, domain names, e-mail addresses and
  numbers, script run by script run (a Russian heading around an English
  title is part Russian, part English), weighted by its letters (a number, a
  journal name weighs little); a script run that repeats another line of the
  page (the article title quoted in a Russian heading) is a quotation and is
  left out; a bibliographic entry ("Authors. Title // Source") speaks by the
  words before its source (a journal's name is a name in any language), and
  any line by its words outside names (capitalised words and the particles
  between them) when enough are left; identifier labels ("DOI", "ORCID")
  show no language, so a line of them goes with its paragraph; a
  line of English site words ("Date", "Collections") is English; a record
  field whose label is in another script than its article-text value
  ("Авторы: Okonkwo C. A.", "Для цитирования: <English citation>") takes its
  label's language, in the wrapper and the article alike;
* its script (outside quotations): a line wholly in one script is not in a
  language of another, and a change of script is a change of block (record
  pages alternate Russian fields and English article lines without blank
  lines);
* layout evidence that it is page furniture: menu-like lines ("A | B | C",
  double-spaced items, breadcrumbs), copyright lines, short lines of English
  site words ("Make a Submission", "Show full item record", "Published:
  2021-12-20"), the items under a related-items heading, a citation widget,
  running headers with their page numbers (repeated, or a head of authors'
  names and short title by its page number), a record's field labels (short
  ones, or longer ones among other fields: an isolated "X: y" is a title) and
  the headings that quote the article, a rubric above the article (a menu item
  repeated, "Section / Topic"), and, for HTML, the block's landmarks (nav,
  aside, a header/footer that is not the article's own), link-text density
  and navigation-like class/id names;
* article evidence from structure: a paragraph under an abstract label in
  another script is the article's translated abstract, and the lines from a
  UDC/DOI line to the abstract, or the few lines in another script right above
  a translated abstract, are the article's header; an article-kind label
  ("Оригинальная статья") is the article's line in any language.

Least-cost paths (Viterbi, a cost for every switch, higher inside a
paragraph unless the script changes there) then smooth the evidence in three passes:

1. the language of every line;
2. its role, on the shape of a page: wrapper above, article, wrapper below
   (cheap switches), and wrapper inside the article (dear switches). The
   article language is the one with most letters outside furniture. A line in
   another language says "wrapper" as clearly when short as when long (a
   rubric, a menu item); a line in the article language says "article" the
   more the longer it is (prose, references); furniture says "wrapper".
   Lines of bibliographic shape speak for themselves whatever their
   language: a reference entry or a references heading is the article's,
   while the citation of the article's source ("Journal. - 2021. - № 1") has
   a name for letters and leans slightly to the wrapper (a catalogue cites
   the article it shows; an article's own header line stays with it when no
   wrapper is next to it). Inside the article only layout makes a wrapper
   (an advert, share buttons): text in another language between article
   parts is the article's own (a translated abstract, a reference, a
   one-sentence note such as a funding footnote, a labelled citation);
3. the language again, within each stretch of one role, so the wrapper's
   language is that of its own lines (article-language text in a wrapper is
   usually quoted from the article and counts half).

Segments follow the gold convention: a segment starts at the first character
of its first line, and the blank lines after a block belong to the segment
before them; together they cover the text without gaps.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from itertools import islice
from typing import Any, Iterable, Mapping, Sequence

from textmine.components import register
from textmine.document import Document, Segment
from textmine.stages.metadata import EMAIL, ORCID, is_citation_line, is_reference_entry, is_references_heading
from textmine.stages.metadata.bylines import BY_LABEL, INSTITUTION_FIELD, name_at, read_byline

# English articles on Russian-language pages: the languages of the region's
# sites and of the journals they catalogue.
DEFAULT_LANGUAGES = ("en", "ru", "uk", "kk", "de", "fr", "es", "cs")

LANGUAGE_SWITCH_COST = 2.5
# A switch between two lines of one paragraph needs more evidence: twice as
# much for a language, four times for a role (a paragraph is rarely half page furniture).
SAME_PARAGRAPH_FACTOR = 2.0
SAME_PARAGRAPH_ROLE_FACTOR = 4.0
# A line's language evidence grows with its letters up to this cap.
LETTERS_PER_WEIGHT = 40
MAX_WEIGHT = 3.0
LANGUAGE_SAMPLE_WORDS = 40
CONFIDENCE_FLOOR = 0.01
# A line written (almost) wholly in one script is not in a language of another script, however its
# neighbours lean: a language of another script costs this much per unit of the line's weight (an English
# title among Russian record fields stays English; a few Latin letters in a Russian row still follow it).
SCRIPT_MISMATCH_COST = 10.0
SCRIPT_DOMINANT_SHARE = 0.8
LANGUAGE_SCRIPTS = {"ru": "CYRILLIC", "uk": "CYRILLIC", "kk": "CYRILLIC", "be": "CYRILLIC", "bg": "CYRILLIC",
                    "sr": "CYRILLIC", "mk": "CYRILLIC", "mn": "CYRILLIC", "el": "GREEK", "ka": "GEORGIAN",
                    "hy": "ARMENIAN", "ar": "ARABIC", "fa": "ARABIC", "he": "HEBREW"}
# Text in the article's language inside a wrapper is often quoted from the
# article (its title, authors, journal): it counts half for the wrapper's language.
QUOTED_LANGUAGE_DISCOUNT = 0.5

# Roles: a page is wrapper, article, wrapper; a wrapper inside the article
# (an advert, a menu) costs a switch at each end, the page's own top and
# bottom only a small one, since pages usually have them.
EDGE_SWITCH_COST = 1.0
INSIDE_SWITCH_COST = 4.0
# Between two parts of the article only layout says "wrapper" (an advert, share buttons): a line
# without it costs as much there as a foreign line costs in the article, so text in another
# language inside the article is the article's own (a translated abstract, a reference).
INSIDE_TEXT_COST = 2.5
# Role evidence of a line's letters, saturating at a short line's worth: a
# rubric or a menu item in another language says "wrapper" as clearly as a
# paragraph does, while a few foreign lines inside the article (3 x 2.5 < 2 x 4.0)
# do not move the boundary.
ROLE_LETTERS = 10
FOREIGN_ARTICLE_COST = 2.5
# Article-language letters say "article" more the longer the line (prose, references).
NATIVE_WRAPPER_COST = 1.0
MAX_NATIVE = 3.0
# A paragraph of prose in the article language (many words, few numbers: not a citation or a record) is the
# article's, however it is framed: it says so up to this much, enough to pay for the wrapper parts around it.
MAX_NATIVE_PROSE = 8.0
PROSE_MIN_WORDS = 25
PROSE_MAX_NUMERIC_SHARE = 0.1
# A shorter line is a sentence when it ends like one and has at least this many words (a footnote, a note).
SENTENCE_MIN_WORDS = 5
SENTENCE_BOUNDARY = re.compile(r"[^\W\d_]{2}[.!?]\s+[^\W\d_]")
# Wrapper evidence from layout, per line.
LANDMARK_EVIDENCE = 6.0
LINK_DENSITY_EVIDENCE = 4.0
LAYOUT_CUE_EVIDENCE = 4.0
# Bibliographic shapes: a reference entry or heading costs this much as wrapper (and nothing as article);
# a citation line of the source costs this little as article (and nothing as wrapper).
REFERENCE_WRAPPER_COST = 1.0
CITATION_ARTICLE_COST = 0.3
# A quotation is a run of at least this many words that repeats another line or paragraph,
# or, ending the line, the start of a short one (a title cut short in a heading).
QUOTE_MIN_WORDS = 2
QUOTE_MIN_PREFIX_WORDS = 3
QUOTE_MAX_PREFIXED_WORDS = 40

# The last two alternatives match whole tokens, so they start only where a token
# starts: tried at every position inside a long token they would be quadratic.
NOT_LANGUAGE = re.compile(r"(https?://|www\.)\S+|(?<!\S)\S+@\S+|(?<!\S)\S*\d\S*|(?<!\S)(?:[A-Za-z0-9-]{2,}\.)+[A-Za-z]{2,6}(?!\S)")
# An identifier's label ("DOI 10.99...", "ORCID: ...") names a code and shows no language: a line of it alone goes with
# its neighbours (its letters still count for its main script, a change of block).
IDENTIFIER_LABELS = frozenset("DOI UDC JEL ISSN ISBN EDN ORCID".split())
# Names are names in any language ("the Spanish name, Sistema de la Integración Centroamericana"; a Spanish journal in an
# English reference): a line's language is read from its words outside capitalised words and the particles joining them,
# when those are enough to read (else from all its words: a byline, a title in capitals).
NAME_PARTICLES = frozenset("of the and for de la las los del da do dos das di du des le van von der den y e i et und".split())
COMMON_WORDS_MIN_LETTERS = 8
# Site furniture in words: cookie and consent banners, skip links, share and follow rows, legal footers,
# sign-in and subscription prompts, calls for papers, and a language switcher ("RU | EN", "Русский English").
FURNITURE_TEXT = re.compile(
    r"\bcookies?\b|^skip to\b|all rights reserved|privacy policy|terms of (?:use|service)|\bjavascript is disabled\b|"
    r"^follow us\b|^share\b|^share this\b|^subscribe\b|\bsubscribe to our\b|^sign (?:in|up)\b|^log ?in\b|"
    r"^поделиться\b|^подпи(?:шитесь|саться)\b|^версия для слабовидящих\b|^cite this (?:article|paper|chapter|item)\b|"
    r"^call for papers\b|^(?:search|menu|home)$|^how to cite\b|^more citation formats\b|"
    r"^(?-i:(?:(?:[A-Z]{2}|Русский|English|Қазақша|Кыргызча|Oʻzbekcha|Deutsch|Français)\s*[|/•]?\s*){2,})$",
    re.IGNORECASE,
)
# Words of an English site's own furniture: menus, item pages of journal platforms and repositories, download,
# print and share links, related-item lists. A short line made only of them ("About the Journal", "Show full
# item record", "Download PDF", "Back to the list of abstracts") or a short field with such a label ("Published:
# 2021-12-20", "Section: Articles", "Size: 1.2 Mb") is the site's. The article's own headings (Abstract,
# Keywords, Authors, References, Introduction) are not among them.
SITE_WORDS = frozenset("""
home current archive archives announcement announcements about journal submission submissions submit editorial team
board contact contacts search register login logout sign menu language languages english russian download downloads
pdf xml html epub full-text fulltext published issue issues section license licence view open show simple full item
record browse collection collections communities community statistics usage account print version back list share
tags tag subscribe newsletter information readers librarians make news analysis interviews data us policy privacy
statement terms settings accept reject top next previous cite citation citations formats export copy link email
e-mail tweet follow rss atom help faq feedback ethics indexing metrics views cited page pages date uri name size
format files file appears following editions edition events partners education science conferences research
subjects titles issues upcoming latest popular related similar recommended also read more most all
university text kb mb
""".split())
# The article's own headings: they may stand in a furniture line ("Download abstract") but do not make one.
ARTICLE_HEADING_WORDS = frozenset("abstract abstracts keywords references authors author introduction".split())
SITE_FILLER_WORDS = frozenset("a an the of to in on by for and this our your with from".split())
SITE_LINE_MAX_WORDS = 6
# A heading of a list of other items (related, similar, most read): the short lines under it are links.
RELATED_HEADING = re.compile(
    r"^(?:read also|see also|related(?: \w+)?|more (?:from|in|by|on)\b.*|more (?:news|articles|stories|analysis)|"
    r"most (?:read|popular|viewed|cited)\b.*|similar (?:articles|items|publications)|recommended(?: \w+)?|"
    r"you (?:may|might) also (?:like|be interested in)|latest (?:news|articles|issues?)|"
    r"читайте также|смотрите также|похожие (?:статьи|материалы|публикации|темы|работы)\b.*|другие (?:статьи|материалы)\b.*|"
    r"рекомендуем\b.*|популярное|последние (?:новости|статьи))\s*:?$",
    re.IGNORECASE,
)
# A citation widget's heading alone on its line ("Cite this article", "Как цитировать:"): the line under it is the
# widget's citation of the article. ("For citation:" is how articles print their own citation line.)
CITE_WIDGET_HEADING = re.compile(r"^(?:how to cite(?: this (?:article|paper))?|cite this (?:article|paper|chapter|item)|как цитировать(?: статью)?)\s*:?$", re.IGNORECASE)
RELATED_ITEM_MAX_WORDS = 16
RELATED_MAX_ITEMS = 12
# A heading of the journal's board ("Editorial board", "Редакционная коллегия"): the lines under it that open with
# a person's name or name a role ("Editor-in-chief: ...") are its members, the page's; its first line that is
# neither (the article's title) ends it. Russian pages print the members in Latin under a Russian heading.
BOARD_HEADING = re.compile(
    r"^(?:editorial (?:board|team|council|committee)|editorial and advisory board|advisory board|"
    r"редакционн(?:ая коллегия|ый совет)|редколлегия|состав редакции)\s*:?$",
    re.IGNORECASE,
)
BOARD_MAX_MEMBERS = 40
LIST_COMMA = re.compile(r"\s*,\s*")
# A catalogue record's field label: "Авторы:", "Ключевые слова" alone on its line, or "Год: 2019" with a short value.
FIELD_LABEL_ONLY = re.compile(r"^[^\W\d_][\w()./ -]{0,40}:$")
FIELD_WITH_VALUE = re.compile(r"^([^\W\d_][\w() -]{0,30}):\s*(\S.*)$")
FIELD_LABEL_WORDS = frozenset(
    "ключевые слова|аннотация|резюме|авторы|автор|список литературы|литература|название|заглавие|рубрика|"
    "keywords|key words|abstract|authors|references".split("|")
)
# Labels whose inline value is the article's own text (its keywords, its abstract), not a record field.
CONTENT_LABELS = frozenset("ключевые слова|аннотация|резюме|keywords|key words|abstract|annotation".split("|"))
FIELD_VALUE_MAX_WORDS = 6
# Record labels are short ("Год издания", "Область наук"); a longer one alone is more likely a title "X: y".
FIELD_LABEL_MAX_WORDS = 3
# A heading that starts with an abstract label and is no sentence.
ABSTRACT_HEADING = re.compile(r"^(?:аннотация|резюме|abstract|annotation)\b(?!\s*[.:]\s*\S)(?!.*[^\W\d_]{2}[.!?]$)", re.IGNORECASE)
# Evidence of a block of furniture set in the article's flow (a record's field label, a running header):
# a role switch next to it costs FIELD_SWITCH_FACTOR of the usual.
BLOCK_FURNITURE_EVIDENCE = 10.0
# The article's own abstract or keywords in another language ("Аннотация. В статье ...", "Ключевые слова: ...")
# cost this much as wrapper: they are the article's translated parts, not the page's.
CONTENT_LABEL_WRAPPER_COST = 6.0
# A line in the article's script right after a record's field label in another script ("Аннотация:" then the
# English abstract) is a part of the article the record labels.
LABELLED_VALUE_WRAPPER_COST = 6.0
# Role switches next to a field label cost this fraction: a record alternates labels and values.
FIELD_SWITCH_FACTOR = 0.25
CONTENT_MIN_WORDS = 3
# A line repeated on the page (a running header or footer of a PDF, without its page number) is furniture.
REPEATED_LINE_MIN_WORDS = 3
PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$")
# A menu or breadcrumb item is short ("Vol. 9 No. 2 (2020)" is one).
MENU_ITEM_MAX_WORDS = 5
# A PDF's running header on a later page: "O. M. Rudneva et al. Short title 205".
RUNNING_HEADER = re.compile(r"\bet al\.\s.+\s\d{1,4}$")
# A PDF's running head of authors and short title with the page number before or after it ("Ortega D. E., Lebedeva
# K. V. Central American integration and security    47"): names with initials, then words without digits, periods
# or slashes (a reference entry has its year, pages and "//" there).
_INITIALS = r"-?[^\W\d_]\.(?:\s?-?[^\W\d_]\.){0,2}"
_SURNAME = r"[^\W\d_][^\W\d_'’-]+"
_AUTHOR = rf"(?:{_SURNAME},?\s{_INITIALS}|{_INITIALS}\s?{_SURNAME})"
_HEAD = rf"{_AUTHOR}(?:(?:,|\sand|\s&|\sи)\s{_AUTHOR})*\s+[^\W\d_][^\d./\\]{{2,80}}[^\W\d_]"
RUNNING_HEAD = re.compile(rf"^(?:{_HEAD}\s+\d{{1,4}}|\d{{1,4}}\s+{_HEAD})$")
# An article's header runs from its UDC/DOI line to its abstract over at most this many lines.
HEADER_MAX_LINES = 10
# A translated abstract has its translated title and authors in at most this many lines above it (a title, two
# authors with their affiliations, an abstract label; the authors' e-mail and ORCID lines are not counted).
TRANSLATED_HEADER_MAX_LINES = 6
# A classification or identifier line (UDC, DOI, JEL) opens the article's own header, whatever its language.
ARTICLE_HEADER_LINE = re.compile(r"^\s*(?:УДК|UDC|ББК|JEL|DOI|ГРНТИ)\b", re.IGNORECASE)
# The article's kind printed above its title ("Оригинальная статья", "Research article") is the article's own line in
# any language, as a UDC line is.
ARTICLE_KIND_LABEL = re.compile(
    r"^\s*(?:(?:научная|оригинальная|обзорная|исследовательская|редакционная|дискуссионная)\s+статья|(?:научное|краткое)\s+сообщение|"
    r"(?:original|research|review|scientific)\s+(?:article|paper)|short communication)\s*\.?\s*$",
    re.IGNORECASE,
)
# The configured first language is the one the articles are expected in: its letters count this much more
# when the article's language is chosen (a Russian abstract before an English one does not make the article Russian).
EXPECTED_LANGUAGE_WEIGHT = 1.5
MENU_SEPARATORS = re.compile(r"\s[|•»›→/]\s|\s?[|•]\s?|(?<=\S)\s{2,}(?=\S)")
BREADCRUMB_SEPARATORS = re.compile(r"\s[»›→/>]\s")
BREADCRUMB_ITEM_MAX_WORDS = 8
# A two-level rubric: capitalised names of one or two words on either side of a path separator.
_RUBRIC_ITEM = r"[^\W\d_][^\W\d_'’-]*(?:\s[^\W\d_][^\W\d_'’-]*)?"
RUBRIC_PATH = re.compile(rf"^[A-ZА-ЯЁ]{_RUBRIC_ITEM}\s[/|»›→>]\s[A-ZА-ЯЁ]{_RUBRIC_ITEM}$")
# A section name repeated from the menu is a word or three.
SECTION_NAME_MAX_WORDS = 3
COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\s+\d{4}", re.IGNORECASE)
FURNITURE_NAME = re.compile(
    r"(?:^|[#._-])(?:nav\w*|menu\w*|sidebar|side|footer|header|banner|breadcrumbs?|advert\w*|ads?|adv|promo\w*|"
    r"share|social|comments?|related|widget\w*|cookies?|subscribe)(?=$|[#._-])",
    re.IGNORECASE,
)
# A class naming the article's own header ("c-article-header", "entry-header", "post__header"): it holds the
# article's title, byline and journal line, not the site's header.
ARTICLE_HEADER_NAME = re.compile(r"(?:^|[_-])(?:article|entry|post|paper)[_-]+header(?=$|[_-])", re.IGNORECASE)
ARTICLE, WRAPPER = "article", "wrapper"


@dataclass
class _Line:
    start: int
    end: int
    paragraph: int
    letters: int = 0
    confidences: Mapping[str, float] | None = None
    furniture: float = 0.0
    lang: str = ""
    labelled: bool = False  # the value of a record's field label, in the article's script
    script: str | None = None  # the script of (almost) all its letters, if one is
    main_script: str | None = None  # the script of most of its letters outside quotations
    quoting: bool = False  # a run of its words repeats another line of the page (a heading quoting the title)
    translated_content: bool = False  # a prose paragraph in another script under an abstract label
    citation_letters: int = 0  # letters of a citation line, which count only for a wrapper's language
    article_header: bool = False  # a line of the article's own header (see _mark_article_headers), in any language
    label_end: int = 0  # a record field's label in another script ends here; its value quotes the article

    @property
    def weight(self) -> float:
        return min(MAX_WEIGHT, self.letters / LETTERS_PER_WEIGHT)


@register("segmenter")
class Segmenter:
    name = "segmenter"

    def __init__(self, languages: Sequence[str] = DEFAULT_LANGUAGES):
        self.languages = tuple(code.lower() for code in languages)
        if not self.languages:
            raise ValueError("segmenter: at least one language is needed")
        # Load every language model now: loaded lazily, each costs up to 2 s in the middle of a batch.
        _detector(self.languages)
        self.provenance = {"language_identifier": f"lingua {version('lingua-language-detector')}", "languages": list(self.languages)}

    def __call__(self, doc: Document) -> Document:
        doc.segments = self.segments(doc.text, doc.annotations.get("html_blocks"))
        return doc

    def segments(self, text: str, html_blocks: Sequence[Mapping[str, Any]] | None = None) -> list[Segment]:
        lines = _lines(text)
        if not lines:
            return [Segment(0, len(text), self.languages[0], ARTICLE)] if text else []
        quotable = _quotable_word_runs(text, lines)
        for line in lines:
            line_text = text[line.start : line.end]
            line.letters, line.confidences, letters_by_script, line.quoting = self._language_evidence(
                _own_words(line_text), quotable)
            if letters_by_script:
                line.main_script = max(letters_by_script, key=letters_by_script.__getitem__)
                if letters_by_script[line.main_script] >= SCRIPT_DOMINANT_SHARE * sum(letters_by_script.values()):
                    line.script = line.main_script
            if is_citation_line(line_text):
                # A source's name says nothing of the page's language or roles: the neighbours decide. In a
                # running header it is the wrapper's own line, in its own language.
                line.citation_letters, line.letters = line.letters, 0
            line.furniture = _text_furniture(line_text)
            line.label_end = _other_script_label_end(line_text)
            if "en" in self.languages and line.script == "LATIN" and _is_site_furniture_line(line_text.strip()):
                # Words of an English site's interface ("Date", "Collections") are English, however short.
                line.confidences = {lang: float(lang == "en") for lang in self.languages}
        _add_repeated_line_furniture(text, lines)
        _add_listing_furniture(text, lines)
        _add_section_name_furniture(text, lines)
        if html_blocks:
            _add_html_furniture(text, lines, html_blocks)
        self._smooth_languages(lines)
        roles, article_lang = self._roles(lines, text)
        # Final languages per stretch of one role: a role boundary is a free language switch,
        # and a wrapper's language is that of its own lines, not of the article next to it.
        start = 0
        for end in range(1, len(lines) + 1):
            if end == len(lines) or roles[end] != roles[start]:
                for line in lines[start:end]:
                    if roles[start] == WRAPPER and line.furniture >= BLOCK_FURNITURE_EVIDENCE:
                        line.letters = max(line.letters, line.citation_letters)
                    if line.label_end:
                        # A field's language is its label's, in the wrapper and the article alike ("Для цитирования:
                        # <English citation>" printed by the article is Russian): the value quotes the article.
                        _, line.confidences, label_scripts, _ = self._language_evidence(text[line.start : line.start + line.label_end])
                        line.script = max(label_scripts, key=label_scripts.__getitem__, default=None)
                self._smooth_languages(lines[start:end], quoted=article_lang if roles[start] == WRAPPER else None)
                start = end
        return _to_segments(lines, roles, len(text))

    def _language_evidence(
        self, line_text: str, quotable: _Quotable | None = None
    ) -> tuple[int, dict[str, float], dict[str, int], bool]:
        """(letters, language -> confidence, script -> letters, quotes) for a line, mixing its script runs' confidences.

        lingua names one language per text; a line that mixes scripts (a
        Russian heading around an English title) is scored run by run, each
        run weighted by its letters. A run that repeats a whole line or
        paragraph of the page (``quotable``), or ends the line with the start
        of one, while the line says more is a quotation and gives no evidence.
        """
        runs = _script_runs(line_text)
        quoting = False
        if quotable and len(runs) > 1:
            unquoted = [(script, words) for index, (script, words) in enumerate(runs)
                        if not quotable.quotes(_word_key(words), last=index == len(runs) - 1)]
            quoting = bool(unquoted) and len(unquoted) < len(runs)
            runs = unquoted or runs
        detector = _detector(self.languages)
        total, mixed = 0, dict.fromkeys(self.languages, 0.0)
        by_script: dict[str, int] = {}
        for script, words in runs:
            letters = sum(char.isalpha() for word in words for char in word)
            by_script[script] = by_script.get(script, 0) + letters
            # The first words of a run name its language as well as all of them, at a fraction of the cost.
            sample = " ".join(_language_sample(words)[:LANGUAGE_SAMPLE_WORDS])
            if not sample:
                continue  # identifier labels: the run's script, but no language evidence
            total += letters
            for value in detector.compute_language_confidence_values(sample):
                mixed[value.language.iso_code_639_1.name.lower()] += letters * value.value
        return total, ({lang: value / total for lang, value in mixed.items()} if total else {}), by_script, quoting

    def _smooth_languages(self, lines: list[_Line], quoted: str | None = None) -> None:
        """Least-cost languages of ``lines``; evidence for the ``quoted`` language is discounted."""
        costs = []
        for line in lines:
            conf = dict(line.confidences or {})
            if quoted in conf:
                conf[quoted] *= QUOTED_LANGUAGE_DISCOUNT
                norm = sum(conf.values())
                conf = {lang: value / norm for lang, value in conf.items()} if norm else conf
            costs.append([line.weight * (-math.log(max(conf.get(lang, 0.0), CONFIDENCE_FLOOR))
                                         + (SCRIPT_MISMATCH_COST if line.script and _language_script(lang) != line.script else 0.0))
                          for lang in self.languages])
        states = range(len(self.languages))
        transitions = [[0.0 if a == b else LANGUAGE_SWITCH_COST for b in states] for a in states]
        path = _least_cost_path(costs, transitions, _paragraph_factors(lines, SAME_PARAGRAPH_FACTOR))
        for line, state in zip(lines, path):
            line.lang = self.languages[state]

    def _roles(self, lines: list[_Line], text: str) -> tuple[list[str], str]:
        """Role per line, and the article language."""
        letters_by_lang: dict[str, int] = {}
        for line in lines:
            line_text = text[line.start : line.end].strip()
            # A record's field ("Журнал: ...", "Год: 2021") or abstract heading ("Аннотация научной статьи по ...,
            # автор ...") is the catalogue's wording, whatever its length: on a small card it would outvote the article.
            if not line.furniture and not _is_field_shaped(line_text) and not ABSTRACT_HEADING.match(line_text):
                letters_by_lang[line.lang] = letters_by_lang.get(line.lang, 0) + line.letters
        expected = self.languages[0]
        if expected in letters_by_lang:
            letters_by_lang[expected] = int(letters_by_lang[expected] * EXPECTED_LANGUAGE_WEIGHT)
        article_lang = max(letters_by_lang, key=letters_by_lang.__getitem__) if letters_by_lang else lines[0].lang
        article_script = _main_script(text[line.start : line.end] for line in lines if line.lang == article_lang)
        _add_field_label_furniture(text, lines, article_script)
        _mark_article_headers(text, lines, article_script)
        costs = []
        for line in lines:
            line_text = text[line.start : line.end]
            foreign, native = _foreign_and_native_letters(line_text, line, article_lang, article_script)
            article_cost = line.furniture + (0.0 if line.article_header else FOREIGN_ARTICLE_COST * min(1.0, foreign / ROLE_LETTERS))
            # Page furniture is written in the page's language too: then language says nothing of the role.
            # In a line that also has foreign letters, the article-language part is likely quoted (a
            # title in a Russian heading): it weighs as a short line, however long.
            native_cap = (MAX_NATIVE_PROSE if _is_prose(line_text) else MAX_NATIVE) if foreign < ROLE_LETTERS else 1.0
            wrapper_cost = 0.0 if line.furniture else NATIVE_WRAPPER_COST * min(native_cap, native / ROLE_LETTERS)
            if line.labelled:
                # In the article's script whatever the smoothed language of a short line between labels says.
                # A value is what its label says, not a menu because of its separators ("a / b / c" keywords).
                article_cost = line.furniture if line.furniture >= BLOCK_FURNITURE_EVIDENCE else 0.0
                wrapper_cost = max(wrapper_cost, LABELLED_VALUE_WRAPPER_COST)
            elif ARTICLE_HEADER_LINE.match(line_text):
                wrapper_cost = max(wrapper_cost, LABELLED_VALUE_WRAPPER_COST)
            elif ARTICLE_KIND_LABEL.match(line_text) and not line.furniture:
                article_cost, wrapper_cost = 0.0, max(wrapper_cost, LABELLED_VALUE_WRAPPER_COST)
            if (_is_article_content_label(line_text) and not line.label_end) or line.translated_content:
                wrapper_cost = max(wrapper_cost, CONTENT_LABEL_WRAPPER_COST)
            if is_reference_entry(line_text) or is_references_heading(line_text):
                article_cost, wrapper_cost = line.furniture, max(wrapper_cost, REFERENCE_WRAPPER_COST)
            elif is_citation_line(line_text):
                article_cost, wrapper_cost = max(article_cost, CITATION_ARTICLE_COST), 0.0
            # Inside the article, text in another language is the article's own unless it is a heading or
            # field of a record (no sentence); a line without words (a number, a code) says nothing either way.
            says_article = not (line.furniture or line.letters == 0 or _is_foreign_heading(line_text, line, article_script))
            inside_cost = wrapper_cost + (INSIDE_TEXT_COST if says_article else 0.0)
            costs.append([article_cost, wrapper_cost, inside_cost, wrapper_cost])
        path = _least_cost_path(costs, PAGE_TRANSITIONS, [], PAGE_STARTS, _role_transitions(lines))
        return [PAGE_ROLES[state] for state in path], article_lang


def segment_char_accuracy(
    gold_segments: Iterable[Segment | Mapping[str, Any]],
    pred_segments: Iterable[Segment | Mapping[str, Any]],
    length: int,
) -> float:
    """Fraction of the text's ``length`` characters whose (role, lang) is the same in gold and prediction.

    Characters no segment covers have no label; they match only where neither
    side covers them. An empty text scores 1.0.
    """
    if length <= 0:
        return 1.0
    gold, pred = _labelled_spans(gold_segments), _labelled_spans(pred_segments)
    cuts = sorted({0, length, *(p for s in gold + pred for p in s[:2] if 0 < p < length)})
    matched = 0
    for left, right in zip(cuts, cuts[1:]):
        if _label_at(gold, left) == _label_at(pred, left):
            matched += right - left
    return matched / length


def _labelled_spans(segments: Iterable[Segment | Mapping[str, Any]]) -> list[tuple[int, int, tuple[str, str]]]:
    spans = []
    for seg in segments:
        data = seg.to_dict() if isinstance(seg, Segment) else seg
        spans.append((int(data["start"]), int(data["end"]), (data["role"], data["lang"])))
    return sorted(spans)


def _label_at(spans: list[tuple[int, int, tuple[str, str]]], position: int) -> tuple[str, str] | None:
    return next((label for start, end, label in spans if start <= position < end), None)


@lru_cache(maxsize=None)
def _detector(languages: tuple[str, ...]):
    """One lingua detector per language set, its models loaded up front."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*_lingua_languages(languages)).with_preloaded_language_models().build()


def _lingua_languages(codes: tuple[str, ...]) -> list[Any]:
    from lingua import IsoCode639_1, Language

    found = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise ValueError(f"segmenter: unknown ISO 639-1 language code {code!r}")
        found.append(Language.from_iso_code_639_1(iso))
    return found


def _lines(text: str) -> list[_Line]:
    """Non-blank lines; a blank line starts a paragraph, and a reference entry is one of its own."""
    lines = []
    paragraph = 0
    blank_before = after_entry = False
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            entry = is_reference_entry(stripped)
            if lines and (blank_before or entry or after_entry):
                paragraph += 1
            after_entry = entry
            lines.append(_Line(position, position + len(raw.rstrip()), paragraph))
            blank_before = False
        else:
            blank_before = True
        position += len(raw) + 1
    return lines


def _own_words(line_text: str) -> str:
    """The words that give a line its language: of a bibliographic entry ("Authors. Title // Source. 2021"), those
    before its source, since a journal's name is a name in whatever language ("... revisited // Revista Brasileira
    de Política Internacional" is an English reference, "... // Вестник МГУ" an English citation)."""
    head, separator, _ = line_text.partition(" // ")
    return head if separator and re.search(r"[^\W\d_]{3}", head) else line_text


def _script_runs(line_text: str) -> list[tuple[str, list[str]]]:
    """The line's words (without URLs, e-mail addresses, numbers) grouped into runs of one script."""
    runs: list[tuple[str, list[str]]] = []
    for word in NOT_LANGUAGE.sub(" ", line_text).split():
        letters = [char for char in word if char.isalpha()]
        if not letters:
            continue
        script = _script(letters[0])
        if runs and runs[-1][0] == script:
            runs[-1][1].append(word)
        else:
            runs.append((script, [word]))
    return runs


def _language_sample(words: list[str]) -> list[str]:
    """The words of a script run that show its language: no identifier labels, and, when enough are left, none of its
    names (capitalised words and the particles between two of them)."""
    words = [word for word in words if word.strip(":.,;") not in IDENTIFIER_LABELS]
    if not words:
        return words
    capitalised = [next(char for char in word if char.isalpha()).isupper() for word in words]
    particle = [word.strip(".,:;()«»\"'").casefold() in NAME_PARTICLES for word in words]
    in_name = list(capitalised)
    for index, word in enumerate(words):
        if particle[index] and not capitalised[index]:
            before = next((capitalised[i] for i in range(index - 1, -1, -1) if not particle[i]), False)
            after = next((capitalised[i] for i in range(index + 1, len(words)) if not particle[i]), False)
            in_name[index] = before and after
    common = [word for word, name in zip(words, in_name) if not name]
    return common if sum(char.isalpha() for word in common for char in word) >= COMMON_WORDS_MIN_LETTERS else words


def _word_key(words: Iterable[str]) -> tuple[str, ...]:
    """Words compared without case and punctuation: «Title» in a heading matches the title line."""
    return tuple(key for key in ("".join(c for c in word if c.isalpha()).casefold() for word in words) if key)


@dataclass
class _Quotable:
    """Word keys of the lines and paragraphs of a text that a quotation could repeat, and the starts of the short ones."""

    whole: set[tuple[str, ...]]
    starts: set[tuple[str, ...]]

    def quotes(self, key: tuple[str, ...], last: bool) -> bool:
        return key in self.whole or (last and key in self.starts)


def _quotable_word_runs(text: str, lines: list[_Line]) -> _Quotable:
    """The lines and paragraphs of the text that a quotation could repeat."""
    keys: set[tuple[str, ...]] = set()
    paragraph: list[str] = []
    for index, line in enumerate(lines):
        words = [word for _, run in _script_runs(text[line.start : line.end]) for word in run]
        keys.add(_word_key(words))
        paragraph.extend(words)
        if index + 1 == len(lines) or lines[index + 1].paragraph != line.paragraph:
            keys.add(_word_key(paragraph))
            paragraph = []
    starts = {key[:size] for key in keys if len(key) <= QUOTE_MAX_PREFIXED_WORDS for size in range(QUOTE_MIN_PREFIX_WORDS, len(key))}
    return _Quotable({key for key in keys if len(key) >= QUOTE_MIN_WORDS}, starts)


def _text_furniture(line: str) -> float:
    """Wrapper evidence any format shows: menu-like lines, copyright notices and site furniture in words."""
    if RUNNING_HEADER.search(line.strip()) or RUNNING_HEAD.match(line.strip()):
        return BLOCK_FURNITURE_EVIDENCE
    if COPYRIGHT.search(line) or FURNITURE_TEXT.search(line.strip()) or _is_site_furniture_line(line.strip()):
        return LAYOUT_CUE_EVIDENCE
    items = [item.strip() for item in MENU_SEPARATORS.split(line)]
    if len(items) >= 3 and all(item and len(item.split()) <= MENU_ITEM_MAX_WORDS for item in items):
        return LAYOUT_CUE_EVIDENCE
    # A breadcrumb names whole sections and issues ("Conferences / XII International Congress ... / Section 4").
    crumbs = [item.strip() for item in BREADCRUMB_SEPARATORS.split(line)]
    if len(crumbs) >= 3 and all(item and len(item.split()) <= BREADCRUMB_ITEM_MAX_WORDS for item in crumbs):
        return LAYOUT_CUE_EVIDENCE
    # A rubric: a section and its topic ("Analysis / Energy", "Мнения | Экономика"), names without a sentence.
    if RUBRIC_PATH.match(line.strip()):
        return LAYOUT_CUE_EVIDENCE
    return 0.0


def _add_section_name_furniture(text: str, lines: list[_Line]) -> None:
    """A short line that repeats an item of the page's menu ("Commentary" above a title, with "News  Analysis
    Commentary" in the menu) names the site's section the article is filed in: a rubric, the page's."""
    menu_items: set[str] = set()
    for line in lines:
        items = [item.strip() for item in MENU_SEPARATORS.split(text[line.start : line.end])]
        if line.furniture and len(items) >= 3:
            menu_items.update(item.casefold() for item in items if item)
    for line in lines:
        line_text = text[line.start : line.end].strip()
        if len(line_text.split()) <= SECTION_NAME_MAX_WORDS and line_text.casefold() in menu_items:
            line.furniture = max(line.furniture, LAYOUT_CUE_EVIDENCE)


def _is_site_furniture_line(line: str) -> bool:
    """A short line of English site words ("Make a Submission"), or a short field with such a label ("Issue: Vol. 3")."""
    field = FIELD_WITH_VALUE.match(line)
    if field and (EMAIL.search(field.group(2)) or ORCID.search(field.group(2))):
        return False  # "e-mail: a.b@uni.example.kg", "ORCID: ...": an author's contact in the article's author block
    if field and len(field.group(2).split()) <= SITE_LINE_MAX_WORDS:
        line = field.group(1)
    stripped = (word.strip(".,:;!?()[]/|·•«»\"'").casefold() for word in line.split())
    # One word past the limit settles it: a line of prose is not read to its end.
    words = list(islice((word for word in stripped if word and not any(char.isdigit() for char in word)), SITE_LINE_MAX_WORDS + 1))
    if not 0 < len(words) <= SITE_LINE_MAX_WORDS:
        return False
    content = [word for word in words if word not in SITE_FILLER_WORDS]
    parts = [part for word in content for part in word.split("/") if part]
    return (any(part in SITE_WORDS for part in parts)
            and all(any(part in SITE_WORDS or part in ARTICLE_HEADING_WORDS for part in word.split("/")) for word in content))


def _add_listing_furniture(text: str, lines: list[_Line]) -> None:
    """The short lines under a heading of other items ("Read also", "Most read articles"): links to them;
    and the citation under a citation widget's heading."""
    index = 0
    while index < len(lines):
        heading = text[lines[index].start : lines[index].end].strip()
        if CITE_WIDGET_HEADING.match(heading) and index + 1 < len(lines):
            for line in lines[index : index + 2]:
                line.furniture = max(line.furniture, BLOCK_FURNITURE_EVIDENCE)
            index += 2
            continue
        if BOARD_HEADING.match(heading):
            lines[index].furniture = max(lines[index].furniture, LAYOUT_CUE_EVIDENCE)
            index += 1
            for _ in range(BOARD_MAX_MEMBERS):
                if index >= len(lines) or not _is_board_member(text, lines[index]):
                    break
                lines[index].furniture = max(lines[index].furniture, LAYOUT_CUE_EVIDENCE)
                index += 1
            continue
        if not RELATED_HEADING.match(heading):
            index += 1
            continue
        lines[index].furniture = max(lines[index].furniture, LAYOUT_CUE_EVIDENCE)
        index += 1
        heading_script = lines[index - 1].main_script
        for _ in range(RELATED_MAX_ITEMS):
            if index >= len(lines):
                break
            item = text[lines[index].start : lines[index].end].strip()
            # The list ends at a sentence, a long line or a change of script (the page's next block).
            if (len(item.split()) > RELATED_ITEM_MAX_WORDS or re.search(r"[a-zа-яё]\.$", item)
                    or lines[index].main_script != heading_script):
                break
            lines[index].furniture = max(lines[index].furniture, LAYOUT_CUE_EVIDENCE)
            index += 1


def _is_board_member(text: str, line: _Line) -> bool:
    """A board's line: a person's name first ("J. M. Harrow, University of Leeds"; a two-word name only with its
    institution after a comma, "Marta Kowalczyk, Jagiellonian University"), or a role with a short value."""
    line_text = text[line.start : line.end].strip()
    if read_byline(text, line.start, line.end, own_line=True):
        return True
    name = name_at(text, line.start, line.end, allow_weak=True, first=True)
    comma = LIST_COMMA.match(text, name.end, line.end) if name else None
    if comma and INSTITUTION_FIELD.match(text, comma.end(), line.end):
        return True
    return bool(FIELD_WITH_VALUE.match(line_text)) and _is_field_shaped(line_text) and not _is_article_content_label(line_text)


def _is_foreign_heading(line_text: str, line: _Line, article_script: str | None) -> bool:
    """A line wholly in another script than the article's that is no sentence, reference or citation: a record's
    heading or field."""
    field = FIELD_WITH_VALUE.match(line_text.strip())
    return (article_script is not None and line.main_script not in (None, article_script)
            and not _is_sentence(line_text) and not is_reference_entry(line_text)
            and not (field and _is_bibliographic_citation(field.group(2))))


def _is_sentence(line_text: str) -> bool:
    """Prose, or one statement of a few words ("Исследование выполнено при поддержке ... фонда.", "Поступила в редакцию
    12.10.2021; принята к публикации 20.12.2021."): a footnote or note, no heading. A site's call to action asks and
    urges in several ("Не можете найти ...? Попробуйте ...")."""
    words = line_text.split()
    return _is_prose(line_text) or (len(words) >= SENTENCE_MIN_WORDS and words[0][0].isupper() and words[-1].endswith(".")
                                    and not SENTENCE_BOUNDARY.search(line_text) and not FIELD_WITH_VALUE.match(line_text.strip()))


def _is_prose(line_text: str) -> bool:
    words = line_text.split()
    numeric = sum(any(char.isdigit() for char in word) for word in words)
    return len(words) >= PROSE_MIN_WORDS and numeric <= PROSE_MAX_NUMERIC_SHARE * len(words)


def _is_article_content_label(line_text: str) -> bool:
    """An abstract or keyword line with its text inline ("Аннотация. В статье ...", "Keywords: a; b; c")."""
    match = re.match(r"^\s*([^\W\d_][\w ]{0,20}?)\s*[:.]\s*(\S.*)$", line_text)
    return bool(match) and match.group(1).casefold() in CONTENT_LABELS and len(match.group(2).split()) >= CONTENT_MIN_WORDS


def _add_repeated_line_furniture(text: str, lines: list[_Line]) -> None:
    """Lines that recur on the page with their numbers changed, or three times or more: running headers and footers.

    A line repeated once as written (or in other case) is not one: an aggregator shows the article's title
    above the article, and the article prints it in capitals.
    """
    keys = [_word_key(NOT_LANGUAGE.sub(" ", text[line.start : line.end]).split()) for line in lines]
    variants: dict[tuple[str, ...], list[str]] = {}
    for line, key in zip(lines, keys):
        variants.setdefault(key, []).append(text[line.start : line.end].strip())
    for index, (line, key) in enumerate(zip(lines, keys)):
        seen = variants[key]
        # Two printings that differ only in case (a title in mixed case and in capitals) are no running header.
        if len(key) >= REPEATED_LINE_MIN_WORDS and (len(seen) >= 3 or (len(seen) == 2 and seen[0].casefold() != seen[1].casefold())):
            line.furniture = max(line.furniture, BLOCK_FURNITURE_EVIDENCE)
            # Its page number, on a line of its own just above or below, is part of it.
            for neighbour in lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]:
                if PAGE_NUMBER.match(text[neighbour.start : neighbour.end]):
                    neighbour.furniture = max(neighbour.furniture, BLOCK_FURNITURE_EVIDENCE)


def _add_field_label_furniture(text: str, lines: list[_Line], article_script: str | None) -> None:
    """Field labels of a catalogue record in another script than the article's, and their short values.

    "Авторы:" alone on its line, "Ключевые слова" (a known label), "Год издания: 2019" (a short value) and
    the line after a label alone when it is in the label's script (the value of the field) are the record's;
    a value in the article's script ("Название статьи:" then the English title) is the article's text.
    """
    after_label = False
    previous_label_text = ""
    previous_line: _Line | None = None
    field_shaped = [_is_field_shaped(text[line.start : line.end].strip()) for line in lines]
    for index, line in enumerate(lines):
        previous_label = after_label
        line_text = text[line.start : line.end].strip()
        foreign = article_script is not None and _main_script([line_text]) not in (article_script, None)
        label_only = bool(FIELD_LABEL_ONLY.match(line_text)) or line_text.casefold().rstrip(":. ") in FIELD_LABEL_WORDS
        field = FIELD_WITH_VALUE.match(line_text)
        short_field = bool(field) and field.group(1).casefold() not in CONTENT_LABELS and len(field.group(2).split()) <= FIELD_VALUE_MAX_WORDS
        if short_field and len(field.group(1).split()) > FIELD_LABEL_MAX_WORDS:
            # A long "label" alone ("Медиация в трудовых спорах: опыт Татарстана") is a title with its subtitle;
            # a record's field of that length stands among other fields.
            short_field = any(field_shaped[near] for near in (index - 1, index + 1) if 0 <= near < len(lines))
        if short_field and field.group(1) in IDENTIFIER_LABELS:
            # "DOI: 10.99..." has no language of its own: between two of a record's fields in another script it is one
            # of them, else it opens the article's header (an article header's fields are in the article's script).
            foreign = all(0 <= near < len(lines) and field_shaped[near]
                          and _main_script([text[lines[near].start : lines[near].end].split(":")[0]]) not in (article_script, None)
                          for near in (index - 1, index + 1))
        # "Авторы: Okonkwo C. A.", "Ключевые слова: African Union, ...": a label in the record's script showing article
        # text is the record's field (a translated keyword line has its value in its label's script).
        # A citation of the article ("Для цитирования: Authors. Title // Journal. 2023 ...") is no record's field, even
        # where it repeats a heading (the running head): its place says whose it is (the article's first-page block,
        # or a widget after the article).
        citation = bool(field) and _is_bibliographic_citation(field.group(2))
        if (field and not foreign and not citation and _main_script([field.group(1)]) not in (article_script, None)
                and _main_script([field.group(2)]) == article_script):
            if not _is_prose(field.group(2)):
                line.furniture = max(line.furniture, BLOCK_FURNITURE_EVIDENCE)
        if foreign and previous_label and _is_prose(line_text):
            # A paragraph is no field value: under an abstract label it is the article's translated abstract,
            # and the label is the article's heading.
            line.translated_content = previous_label_text.rstrip(":. ") in CONTENT_LABELS
            if line.translated_content and previous_line is not None:
                previous_line.furniture = 0.0
        elif foreign and not citation and (label_only or short_field or previous_label or line.quoting):
            # A heading in the record's script that quotes the article ("Текст работы на тему «Title»") is the record's.
            line.furniture = max(line.furniture, BLOCK_FURNITURE_EVIDENCE)
        elif previous_label and _main_script([line_text]) == article_script and line.furniture < BLOCK_FURNITURE_EVIDENCE:
            line.labelled = True
        # A long heading that opens with an abstract label ("Аннотация научной статьи по ..., автор ...") labels
        # the paragraph under it as "Аннотация:" does.
        abstract_heading = foreign and bool(ABSTRACT_HEADING.match(line_text)) and not _is_article_content_label(line_text)
        if abstract_heading:
            line.furniture = max(line.furniture, BLOCK_FURNITURE_EVIDENCE)
        after_label = foreign and ((label_only and len(line_text.split()) <= 4) or abstract_heading)
        previous_label_text = line_text.casefold()
        previous_line = line


def _is_bibliographic_citation(value: str) -> bool:
    """"Authors. Title // Source. 2023. ...": a GOST citation with its year."""
    _, separator, source = value.partition(" // ")
    return bool(separator) and bool(re.search(r"\b(?:19|20)\d\d\b", source))


def _other_script_label_end(line_text: str) -> int:
    """Where the label of a field "Label: value" ends, when the label is in another script than the value's own words
    ("Авторы: Okonkwo C. A.", "Для цитирования: <English citation> // <Russian journal>"); else 0."""
    field = FIELD_WITH_VALUE.match(line_text.lstrip())
    if not field or field.group(1).strip() in IDENTIFIER_LABELS:  # "DOI: ..." names a code, in no language
        return 0
    label_script = _main_script([field.group(1)])
    value_script = _main_script([_own_words(field.group(2))])
    if None in (label_script, value_script) or label_script == value_script:
        return 0
    return len(line_text) - len(line_text.lstrip()) + field.end(1)


def _is_field_shaped(line_text: str) -> bool:
    """A record's field label alone ("Авторы:") or with a short value ("Год: 2019")."""
    field = FIELD_WITH_VALUE.match(line_text)
    return bool(FIELD_LABEL_ONLY.match(line_text)) or (bool(field) and len(field.group(2).split()) <= FIELD_VALUE_MAX_WORDS)


def _mark_article_headers(text: str, lines: list[_Line], article_script: str | None) -> None:
    """The article's own header lines, in whatever language: a Russian header of a bilingual article is the article's.

    Two shapes: the lines from a UDC/DOI line to the abstract that follows it closely (a block of furniture
    ends it), and the few short lines in another script right above a paragraph or keyword line in that
    script (the title and authors above a translated abstract, with their e-mail and ORCID lines in any
    script; furniture, prose or a citation line ends it).
    """
    for index, line in enumerate(lines):
        line_text = text[line.start : line.end]
        if ARTICLE_HEADER_LINE.match(line_text):
            for end in range(index + 1, min(len(lines), index + 1 + HEADER_MAX_LINES)):
                following = lines[end]
                if following.furniture >= BLOCK_FURNITURE_EVIDENCE:
                    break
                following_text = text[following.start : following.end]
                if following.translated_content or following.labelled or _is_article_content_label(following_text):
                    for inside in lines[index : end + 1]:
                        inside.article_header = True
                    break
        foreign = article_script is not None and line.main_script not in (None, article_script)
        if foreign and not line.furniture and (_is_prose(line_text) or _is_article_content_label(line_text)):
            budget = TRANSLATED_HEADER_MAX_LINES
            for above in reversed(lines[max(0, index - HEADER_MAX_LINES) : index]):
                above_text = text[above.start : above.end]
                # An author's e-mail or ORCID line is part of the header whatever its script, and no line of its own.
                contact = bool(EMAIL.search(above_text) or ORCID.search(above_text)) and not _is_prose(above_text)
                if (above.furniture or _is_prose(above_text) or is_citation_line(above_text)
                        or (above.main_script != line.main_script and not contact) or (budget == 0 and not contact)):
                    break
                above.article_header = True
                budget -= not contact


def _add_html_furniture(text: str, lines: list[_Line], blocks: Sequence[Mapping[str, Any]]) -> None:
    starts = [block["start"] for block in blocks]
    for line in lines:
        index = bisect.bisect_right(starts, line.start) - 1
        if index < 0 or not blocks[index]["start"] <= line.start < blocks[index]["end"]:
            continue
        # "By <a>Name</a>": a byline links its author's page, and is the article's own line for all its links
        byline = bool(BY_LABEL.match(text, line.start, line.end))
        line.furniture = max(line.furniture, _block_furniture(blocks[index], links_count=not byline))


def _block_furniture(block: Mapping[str, Any], links_count: bool = True) -> float:
    landmarks = block.get("landmarks") or []
    in_content = False
    for depth in reversed(range(len(landmarks))):  # innermost first: the nearest landmark decides
        landmark = landmarks[depth]
        if landmark in ("nav", "aside"):
            return LANDMARK_EVIDENCE
        if landmark in ("header", "footer"):
            # The article's own header/footer (inside article/main) is part of it.
            if not any(outer in ("article", "main") for outer in landmarks[:depth]):
                return LANDMARK_EVIDENCE
        if landmark in ("article", "main"):
            in_content = True
            break
    names = [name for names in _ids_and_classes(block.get("path", "")) for name in re.split(r"[#.]", names) if name]
    # In the article's own header the links are its authors' and its journal's pages, not the site's navigation.
    own_header = any(ARTICLE_HEADER_NAME.search(name) for name in names)
    evidence = 0.0
    density = float(block.get("link_density") or 0.0) if links_count and not own_header else 0.0
    if density >= 0.5:
        evidence = LINK_DENSITY_EVIDENCE * density
    if not in_content and any(FURNITURE_NAME.search(name) and not ARTICLE_HEADER_NAME.search(name) for name in names):
        evidence = max(evidence, LAYOUT_CUE_EVIDENCE)
    return evidence


def _ids_and_classes(path: str) -> list[str]:
    """Each element's id and classes without its tag: "div#main.menu" -> "main.menu"."""
    return [element.split("#", 1)[1] if "#" in element else element.partition(".")[2] for element in path.split(" > ")]


def _main_script(texts: Iterable[str]) -> str | None:
    counts: dict[str, int] = {}
    for chunk in texts:
        for char in NOT_LANGUAGE.sub(" ", chunk):
            if char.isalpha():
                script = _script(char)
                counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


@lru_cache(maxsize=8192)  # per character, for every letter of the page: the Unicode name lookup is the cost
def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ", 1)[0]


def _language_script(code: str) -> str:
    return LANGUAGE_SCRIPTS.get(code, "LATIN")


def _foreign_and_native_letters(line_text: str, line: _Line, article_lang: str, article_script: str | None) -> tuple[int, int]:
    """Letters of the line that are not / are in the article's language.

    A line smoothed to another language is foreign as a whole; a line in the
    article language still has foreign letters when some are in another
    script (the Russian half of "Каталог статей - <English title>").
    """
    if line.lang != article_lang:
        return line.letters, 0
    if article_script is None:
        return 0, line.letters
    other_script = sum(char.isalpha() and _script(char) != article_script for char in NOT_LANGUAGE.sub(" ", line_text))
    return other_script, line.letters - other_script


# States of a page: the article, wrapper above it, wrapper inside it, wrapper below it
# (the article first: with no evidence either way, a text is all article).
PAGE_ROLES = (ARTICLE, WRAPPER, WRAPPER, WRAPPER)
_NO = math.inf
PAGE_TRANSITIONS = [
    # to: article, top, inside, bottom
    [0.0, _NO, INSIDE_SWITCH_COST, EDGE_SWITCH_COST],  # from article
    [EDGE_SWITCH_COST, 0.0, _NO, _NO],  # from top
    [INSIDE_SWITCH_COST, _NO, 0.0, 0.0],  # from inside (running on to the end makes it the bottom)
    [_NO, _NO, _NO, 0.0],  # from bottom
]
PAGE_STARTS = [0.0, 0.0, _NO, _NO]


def _paragraph_factors(lines: list[_Line], same_paragraph: float) -> list[float]:
    """Multiplier of the switch cost before each line: a switch inside a paragraph costs more, unless the
    script changes there (a Russian widget heading over an English citation is two blocks without a blank line)
    between lines that show a language (a line of identifiers, "DOI 10.99...", stays with its paragraph)."""
    return [1.0] + [same_paragraph if line.paragraph == previous.paragraph
                    and not (_script_change(previous, line) and line.confidences and previous.confidences) else 1.0
                    for previous, line in zip(lines, lines[1:])]


def _script_change(previous: _Line, line: _Line) -> bool:
    return bool(line.main_script and previous.main_script and line.main_script != previous.main_script)


def _role_transitions(lines: list[_Line]) -> list[list[list[float]]]:
    """Role switch costs into each line.

    A switch inside a paragraph costs more, except next to a line with layout evidence (furniture is a
    block of its own even without blank lines around it, as on pages that run record and article
    together); next to a block of furniture set in the article's flow (a field label, a running header) or
    where the script changes, going into or out of a wrapper inside the article costs FIELD_SWITCH_FACTOR
    of the usual.
    """
    near_block = [[cost * FIELD_SWITCH_FACTOR if {a, b} == {0, 2} else cost for b, cost in enumerate(row)]
                  for a, row in enumerate(PAGE_TRANSITIONS)]
    same_paragraph = [[cost * SAME_PARAGRAPH_ROLE_FACTOR for cost in row] for row in PAGE_TRANSITIONS]
    out = [PAGE_TRANSITIONS]
    for previous, line in zip(lines, lines[1:]):
        # A change of script is a change of block too: records and catalogue pages alternate Russian
        # fields and English article text line by line, without blank lines between them.
        if max(line.furniture, previous.furniture) >= BLOCK_FURNITURE_EVIDENCE or _script_change(previous, line):
            out.append(near_block)
        elif line.paragraph == previous.paragraph and not (line.furniture or previous.furniture):
            out.append(same_paragraph)
        else:
            out.append(PAGE_TRANSITIONS)
    return out


def _least_cost_path(
    costs: list[list[float]],
    transitions: list[list[float]],
    factors: list[float],
    starts: list[float] | None = None,
    step_transitions: list[list[list[float]]] | None = None,
) -> list[int]:
    """Viterbi: the state sequence with the least sum of emission and (scaled) transition costs.

    ``step_transitions``, when given, are the transition costs into each step (already scaled), in place of
    ``transitions`` times ``factors``.
    """
    if step_transitions is None:
        step_transitions = [[[cost * factor for cost in row] for row in transitions] for factor in factors]
    states = range(len(costs[0]))
    total = [costs[0][s] + (starts[s] if starts else 0.0) for s in states]
    back: list[list[int]] = []
    for step in range(1, len(costs)):
        pointers, new_total = [], []
        for state in states:
            into = step_transitions[step]
            prev = min(states, key=lambda p: total[p] + into[p][state])
            pointers.append(prev)
            new_total.append(costs[step][state] + total[prev] + into[prev][state])
        back.append(pointers)
        total = new_total
    state = min(states, key=total.__getitem__)
    path = [state]
    for pointers in reversed(back):
        state = pointers[state]
        path.append(state)
    return path[::-1]


def _to_segments(lines: list[_Line], roles: list[str], length: int) -> list[Segment]:
    segments: list[Segment] = []
    for line, role in zip(lines, roles):
        if segments and (segments[-1].role, segments[-1].lang) == (role, line.lang):
            continue
        if segments:
            segments[-1].end = line.start
        segments.append(Segment(0 if not segments else line.start, length, line.lang, role))
    return segments
