"""Plain text and layout evidence from an HTML page (selectolax, the lexbor HTML5 parser).

The text is what a reader sees: scripts, styles, comments, ``noscript``, form
controls and hidden elements are dropped; every block element (p, div, h1-h6,
li, tr, td, section, nav, ...) becomes a paragraph of its own, separated from
the next by a blank line as in the plain-text pages; ``<br>`` is a line break
inside its paragraph (two of them a blank line); character references are decoded; whitespace inside a
paragraph is collapsed (``<pre>`` keeps its own). Two inline elements printed side by side without a space
are separate lines where the page shows separate fields (its style sets them apart): the case changes from
lower to upper across the element boundary ("Kaliti Tavola" + "University of ...") or one side is a whole
e-mail address or URL ("..., Moldova" + "m.cebotari@host"); an ORCID iD or URL after a name or marker is a
word of its own; superscripts and subscripts stay attached (the "Name¹" markers), except letter markers after
a word ("Sleptsov" + "a,b" is "Sleptsov a,b").

Each paragraph is also recorded as a block with its offsets in that text and
the evidence later stages use to tell the article from the page around it:
the element path, the landmarks it sits in (nav, header, footer, aside, main,
article, or the equivalent ARIA roles) and its link-text density.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)
# Content a reader never sees as text.
DROPPED_TAGS = frozenset(
    "script style noscript template head iframe object embed svg math canvas select button textarea input".split()
)
# Elements of a block's path (and landmarks) kept, innermost first; real pages nest far less.
MAX_PATH = 64
LANDMARK_TAGS = frozenset({"nav", "header", "footer", "aside", "main", "article"})
LANDMARK_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "main": "main",
    "article": "article",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
COLLAPSIBLE = re.compile(r"[\s\u200b\ufeff]+")
URL_TEXT = re.compile(r"^\s*(https?://|www\.|doi:|\S+@\S+\.\w+\s*$)", re.IGNORECASE)
# A run that is one whole identifier (URL or ORCID iD) or e-mail address: a field of its own.
IDENTIFIER_RUN = re.compile(r"(?:https?://|www\.)\S+|\d{4}-\d{4}-\d{4}-\d{3}[\dXx]", re.IGNORECASE)
EMAIL_RUN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Affiliation markers written as letters ("a", "a,b", "b,*"), as a superscript prints them after a name.
LETTER_MARKERS = re.compile(r"[a-h](?:\s?,\s?(?:[a-h]|[*†‡§]))*\s?[*†‡§]?")
# Inline elements whose text belongs to the word before it (affiliation markers, formula indices).
ATTACHED_TAGS = frozenset({"sup", "sub"})
# The parser checks each new attribute against the element's others (quadratic):
# an element with more attributes than this is refused before parsing.
MAX_ATTRIBUTES = 1000
# Only tags this long can hold that many attributes; finding them is linear.
LONG_TAG = re.compile(r"<[^<>]{%d,}" % (4 * MAX_ATTRIBUTES))
ATTRIBUTE = re.compile(r"[\s\"'][^\s\"'=<>/]+\s*=")
META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class HtmlPage:
    text: str
    # One record per paragraph of ``text``: start, end, tag, path, landmarks, link_density.
    blocks: list[dict[str, Any]]
    # JSON-able page evidence: title, lang, meta (name -> list of contents), charset.
    info: dict[str, Any]


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv), if Python knows it."""
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


class UnreadableHtml(ValueError):
    """A page the parser cannot read in reasonable time; the message says why."""


def extract_html(markup: str) -> HtmlPage:
    """The visible text of ``markup``, its blocks and page evidence; UnreadableHtml for pathological markup."""
    for tag in LONG_TAG.finditer(markup):
        count = len(ATTRIBUTE.findall(tag.group()))
        if count > MAX_ATTRIBUTES:
            raise UnreadableHtml(f"an HTML element has {count:,} attributes (at most {MAX_ATTRIBUTES:,} are read): not a web page to extract")
    tree = LexborHTMLParser(markup)
    builder = _TextBuilder()
    if tree.root is not None:
        builder.walk(tree.root, _Context(path=(), landmarks=()))
    builder.flush()
    return HtmlPage(text=builder.text(), blocks=builder.blocks, info=_page_info(tree))


# Marks the end of a block element's children on the walk's stack.
_BLOCK_END = object()


@dataclass(frozen=True)
class _Context:
    path: tuple[str, ...]
    landmarks: tuple[str, ...]
    # Path and tag of the nearest block element (the paragraph's owner).
    block_path: tuple[str, ...] = ()
    tag: str = ""
    in_link: bool = False
    preformatted: bool = False
    # The innermost inline element the text is in (its serial number; 0 for text directly in the block)
    # and whether it is, or is inside, a superscript or subscript.
    inline: int = 0
    attached: bool = False


@dataclass
class _Run:
    text: str
    in_link: bool
    preformatted: bool
    inline: int
    attached: bool


def _field_boundary(before: _Run, left: str, after: _Run, right: str) -> str:
    """What stands between the collapsed texts ``left`` and ``right`` of two runs printed without a space between
    them (see the module docstring): "" within a field, a line break between two fields of different inline
    elements (the page's style sets them apart: a name and its affiliation, an affiliation and an e-mail), a space
    before a letter marker or an identifier. A superscript stays attached to the word before it, and the text
    after it to the superscript (a marker before an affiliation or e-mail), unless that text is an identifier
    ("Name¹" + "0000-0002-...")."""
    if before.inline == after.inline or before.preformatted or after.preformatted:
        return ""
    if not left or not right or left[-1].isspace() or right[0].isspace() or not left[-1].isalnum() or not right[0].isalnum():
        return ""
    if after.attached:  # letter markers in superscript would read as the end of the word ("Sleptsov" + "a,b")
        return " " if left[-1].isalpha() and LETTER_MARKERS.fullmatch(right.strip()) else ""
    if IDENTIFIER_RUN.fullmatch(right.strip()):
        return " "
    if before.attached:
        return ""
    case_change = left[-1].islower() and right[0].isupper()
    addresses = IDENTIFIER_RUN.fullmatch(left.strip()) or EMAIL_RUN.fullmatch(left.strip()) or EMAIL_RUN.fullmatch(right.strip())
    return "\n" if case_change or addresses else ""


@dataclass
class _TextBuilder:
    paragraphs: list[str] = field(default_factory=list)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    lines: list[list[_Run]] = field(default_factory=lambda: [[]])
    owner: _Context | None = None
    length: int = 0
    inline_elements: int = 0  # serial numbers of the inline elements met so far

    def walk(self, root: LexborNode, parent: _Context) -> None:
        """Add the visible text of ``root`` and everything inside it.

        Iterative (an explicit stack, not recursion): pages nested thousands of
        levels deep are read like any other.
        """
        # Stack items: (node, context of its parent) to visit, or _BLOCK_END after a block's children.
        stack: list[tuple[LexborNode, _Context] | object] = [(root, parent)]
        while stack:
            item = stack.pop()
            if item is _BLOCK_END:
                self.flush()
                continue
            element, parent_context = item  # type: ignore[misc]
            if element.is_text_node:
                self._text(element.text_content, parent_context)
                continue
            if not element.is_element_node:
                continue
            tag = element.tag.lower()
            if self._hidden(element, tag):
                continue
            if tag not in BLOCK_TAGS:
                self.inline_elements += 1
            context = self._enter(element, tag, parent_context, self.inline_elements)
            if tag == "br":
                self.lines.append([])
                continue
            if tag in BLOCK_TAGS:
                self.flush()
                stack.append(_BLOCK_END)
            children = list(element.iter(include_text=True))
            stack.extend((child, context) for child in reversed(children))

    @staticmethod
    def _enter(element: LexborNode, tag: str, parent: _Context, serial: int) -> _Context:
        attributes = element.attributes
        descriptor = tag
        if (attributes.get("id") or "").strip():
            descriptor += "#" + attributes["id"].strip()
        classes = (attributes.get("class") or "").split()
        if classes:
            descriptor += "." + ".".join(classes[:3])
        landmark = tag if tag in LANDMARK_TAGS else LANDMARK_ROLES.get((attributes.get("role") or "").strip().lower())
        # Only the innermost MAX_PATH elements are kept: copying whole paths of a
        # page nested thousands of levels deep would be quadratic.
        path = parent.path[-(MAX_PATH - 1):] + (descriptor,)
        block = tag in BLOCK_TAGS
        return _Context(
            path=path,
            landmarks=parent.landmarks[-(MAX_PATH - 1):] + (landmark,) if landmark else parent.landmarks,
            block_path=path if block else parent.block_path,
            tag=tag if block else parent.tag,
            in_link=parent.in_link or (tag == "a" and "href" in attributes),
            preformatted=parent.preformatted or tag == "pre",
            inline=parent.inline if block else serial,
            attached=parent.attached or tag in ATTACHED_TAGS,
        )

    @staticmethod
    def _hidden(element: LexborNode, tag: str) -> bool:
        attributes = element.attributes
        return (
            tag in DROPPED_TAGS
            or "hidden" in attributes
            or (attributes.get("aria-hidden") or "").lower() == "true"
            or bool(HIDDEN_STYLE.search(attributes.get("style") or ""))
        )

    def _text(self, text: str | None, context: _Context) -> None:
        if text:
            if self.owner is None:
                self.owner = context
            self.lines[-1].append(_Run(text, context.in_link, context.preformatted, context.inline, context.attached))

    def flush(self) -> None:
        """End the current paragraph: collapse its whitespace and record it with its evidence."""
        lines, owner = self.lines, self.owner
        self.lines, self.owner = [[]], None
        rendered: list[str] = []
        link_chars = visible_chars = 0
        for runs in lines:
            pieces = [run.text if run.preformatted else COLLAPSIBLE.sub(" ", run.text) for run in runs]
            line = "".join(
                (_field_boundary(runs[index - 1], pieces[index - 1], run, piece) if index else "") + piece
                for index, (run, piece) in enumerate(zip(runs, pieces))
            )
            if any(run.preformatted for run in runs):
                line = line.strip("\r\n")
            else:
                line = re.sub(" {2,}", " ", line).strip()
            if not line:
                # An empty line between two lines (<br><br>) is a blank line, as a browser shows it.
                if rendered and rendered[-1]:
                    rendered.append("")
                continue
            rendered.append(line)
            for run, piece in zip(runs, pieces):
                chars = len(piece) - piece.count(" ") - piece.count("\n")
                visible_chars += chars
                # A link whose text is a URL or e-mail is a citation, not navigation.
                if run.in_link and not URL_TEXT.match(piece):
                    link_chars += chars
        while rendered and not rendered[-1]:
            rendered.pop()
        if not rendered or owner is None:
            return
        paragraph = "\n".join(rendered)
        start = self.length + (2 if self.paragraphs else 0)
        self.paragraphs.append(paragraph)
        self.length = start + len(paragraph)
        self.blocks.append(
            {
                "start": start,
                "end": self.length,
                "tag": owner.tag or "body",
                "path": " > ".join(owner.block_path),
                "landmarks": list(owner.landmarks),
                "link_density": round(link_chars / visible_chars, 3) if visible_chars else 0.0,
            }
        )

    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + ("\n" if self.paragraphs else "")


def _page_info(tree: LexborHTMLParser) -> dict[str, Any]:
    info: dict[str, Any] = {}
    title = tree.head.css_first("title") if tree.head is not None else None  # not an <svg> title
    if title is not None and title.text().strip():
        info["title"] = COLLAPSIBLE.sub(" ", title.text()).strip()
    root_attributes = tree.root.attributes if tree.root is not None else {}
    lang = root_attributes.get("lang") or root_attributes.get("xml:lang")
    meta: dict[str, list[str]] = {}
    for element in tree.css("meta"):
        attributes = element.attributes
        if (attributes.get("charset") or "").strip():
            info["charset"] = attributes["charset"].strip()
        content = attributes.get("content")
        if content is None:
            continue
        name = attributes.get("name") or attributes.get("property")
        if name:
            meta.setdefault(name.strip(), []).append(COLLAPSIBLE.sub(" ", content).strip())
        elif (attributes.get("http-equiv") or "").lower() == "content-language" and not lang:
            lang = content
    if lang and lang.strip():
        info["lang"] = lang.strip()
    if meta:
        info["meta"] = meta
    return info
