"""Candidate mention pairs for relation classification (guidelines §3).

A candidate is an ordered (head, tail) pair of entity mentions whose labels
allow at least one relation label, together with the sentence that would
state the relation. Sentences are the parser's, cut at blank lines, except
that the author/affiliation block and each reference entry count as one
sentence each. Besides same-sentence pairs there is the paragraph case: a
pronoun or description in the stating sentence stands for the nearest
preceding named mention in the same paragraph; the candidate then carries the
span that stands in for that argument (``proxy``) so that its features are
read from the stating sentence as if the name stood there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from textmine.document import RELATION_TYPES, Document, Entity, relation_allowed
from textmine.stages.relations import syntax

# alias_of belongs to the canonical stage; this stage never predicts it.
PREDICTED_LABELS = tuple(label for label in RELATION_TYPES if label != "alias_of")
NONE_LABEL = "none"

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Subject pronouns that refer back to a named argument of an earlier sentence.
# "He" also stands for organisations in translated text (Russian gender follows the noun).
PRONOUN_REFERENTS = {
    "he": {"PERSON", "ORG"},
    "she": {"PERSON", "ORG"},
    "it": {"ORG", "LOC", "EVENT"},
    "they": {"ORG", "LOC", "PERSON", "EVENT"},
}
# Possessive and object pronouns that refer back to a named argument ("its members include A", "A took part in it").
POSSESSIVE_REFERENTS = {"its": {"ORG"}, "their": {"ORG"}}
OBJECT_REFERENTS = {"it": {"ORG", "EVENT"}}
OBJECT_DEPS = {"dobj", "pobj"}
# Head nouns of descriptions ("the organization", "these exercises") and the entity labels they may stand for.
DESCRIPTION_NOUNS = {
    "organization": "ORG", "organisation": "ORG", "alliance": "ORG", "bloc": "ORG", "structure": "ORG",
    "union": "ORG", "body": "ORG", "committee": "ORG", "university": "ORG", "company": "ORG", "system": "ORG", "bank": "ORG",
    "commission": "ORG",
    "country": "LOC", "state": "LOC", "city": "LOC", "region": "LOC", "republic": "LOC",
    "exercise": "EVENT", "summit": "EVENT", "meeting": "EVENT", "conference": "EVENT", "war": "EVENT",
}
DETERMINERS = {"the", "this", "these", "that", "those"}
# "They were called X", "It was named X", "... known as X": the name is given to an earlier description.
NAMING_VERBS = {"call", "name", "know", "dub", "title"}

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_URL = re.compile(r"https?://|www\.")
# The separator between a cited work's title and its journal in Russian (GOST) references: "Title // Journal".
_CITATION_SEPARATOR = re.compile(r"\s//\s")
_REFERENCE_LINE = re.compile(r"^[ \t]*\d{1,3}[ \t]*\.[ \t]*\S")
# A line of running prose ends the front matter (title, authors, affiliation).
_PROSE_MIN_WORDS = 25


@dataclass(frozen=True)
class Candidate:
    head: Entity
    tail: Entity
    sentence: tuple[int, int]  # the stating sentence (char offsets)
    # Span in ``sentence`` that stands for one argument (a pronoun or description), when that argument is named elsewhere.
    proxy: tuple[int, int] | None = None
    proxy_role: str | None = None  # "head" or "tail"
    # "author", "reference", "cited" (an entry of a list of cited works) or "factsheet" for the one-sentence blocks
    block: str | None = None

    def span(self, role: str) -> tuple[int, int]:
        if self.proxy is not None and self.proxy_role == role:
            return self.proxy
        entity = self.head if role == "head" else self.tail
        return entity.start, entity.end


def allowed_labels(head_label: str, tail_label: str) -> list[str]:
    return [label for label in PREDICTED_LABELS if relation_allowed(label, head_label, tail_label)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans between blank lines."""
    spans, start = [], 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((start, match.start() + 1))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def reference_blocks(doc: Document) -> list[tuple[int, int]]:
    """Reference entries: from the metadata stage when it ran, else numbered lines carrying a URL or '//'; and the
    entries of a list of cited works that the metadata stage does not read (see :func:`cited_work_lines`)."""
    refs = (doc.metadata or {}).get("references") or []
    spans = [(r["start"], r["end"]) for r in refs if r.get("end", 0) > r.get("start", 0)]
    if not spans:
        for start, end in _lines(doc.text, 0, len(doc.text)):
            line = doc.text[start:end]
            if _REFERENCE_LINE.match(line) and (_URL.search(line) or "//" in line):
                spans.append((start, end))
    spans += [line for line in cited_work_lines(doc) if not any(s < line[1] and line[0] < e for s, e in spans)]
    return sorted(spans)


# What may stand between the authors' names at the start of an entry: commas, semicolons, "&", "and".
_NAME_GLUE = re.compile(r"^(?:\s*[,;&]\s*|\s+and\s+|,\s+and\s+)$")
# A title opens right after the names: a capital, a digit or a quote ("Ganbold E. The Eurasian Development Bank ...").
_TITLE_OPENING = re.compile(r"^[ \t]+[\"“«'(]?[^\W\d_a-zа-яё]|^[ \t]+\d")
# Lists of cited works are lists: a single line of this shape may be a byline ("A. Author PhD, ...") or prose.
_MIN_CITED_LINES = 2


def cited_work_lines(doc: Document) -> list[tuple[int, int]]:
    """Lines of a list of cited works without numbers or '//' (a catalogue's related articles, the other articles of
    an issue): two or more consecutive non-empty lines, each opening with its authors' names and going on with a
    title ("Sarsenova A., Nurlanova K. Pilgrimage routes of Turkestan"). Each line is one entry: a title names, it
    does not state (decision 30), and an entry says nothing about the next one's names."""
    text = doc.text
    people = sorted((e for e in doc.entities if e.label == "PERSON"), key=lambda e: e.start)
    author = author_block(doc) if people else None
    lines = [(s, e) for s, e in _lines(text, 0, len(text)) if text[s:e].strip()]
    entry = []
    for start, end in lines:
        on_line = [e for e in people if start <= e.start and e.end <= end]
        if not on_line or text[start:on_line[0].start].strip() or (author and author[0] < end and start < author[1]):
            entry.append(False)
            continue
        last = 0
        while last + 1 < len(on_line) and _NAME_GLUE.match(text[on_line[last].end:on_line[last + 1].start]):
            last += 1
        rest = text[on_line[last].end:end]
        first_word = rest.split()[0] if rest.split() else ""
        entry.append(bool(_TITLE_OPENING.match(rest)) and len(rest.split()) >= 2 and not first_word.endswith(","))
    found, run = [], []
    for line, is_entry in zip(lines + [(len(text), len(text))], entry + [False]):
        if is_entry:
            run.append(line)
            continue
        if len(run) >= _MIN_CITED_LINES:
            found += run
        run = []
    return found


def author_block(doc: Document) -> tuple[int, int] | None:
    """The author/affiliation block: from the metadata's entities, else the article's front matter."""
    meta = doc.metadata or {}
    ids = [a.get("entity") for a in meta.get("authors") or []]
    ids += [a.get("affiliation_entity") for a in meta.get("authors") or []]
    ids += list(meta.get("affiliation_place_entities") or [])
    by_id = doc.entity_by_id()
    members = [by_id[i] for i in ids if i in by_id]
    if members:
        start = doc.text.rfind("\n", 0, min(e.start for e in members)) + 1
        end = doc.text.find("\n", max(e.end for e in members))
        block = start, len(doc.text) if end < 0 else end
        # "Diallo A., Boateng K. Title // Journal. - 2016": authors of a cited work, not of the page
        return None if _CITATION_SEPARATOR.search(doc.text[block[0]:block[1]]) else block
    return _front_matter(doc) or _name_lines(doc)


# What may stand on an author line besides the names: markers, commas, "and", degrees.
_AUTHOR_LINE_REST = re.compile(r"^[\s,;*¹²³⁴⁵⁶⁷⁸⁹\d&]*(?:(?:and|PhD|Dr\.?|Prof\.?)[\s,;*¹²³⁴⁵⁶⁷⁸⁹\d&]*)*$", re.IGNORECASE)
# Lines of an author block are short; a longer line is prose.
_BLOCK_LINE_MAX_WORDS = 16


def names_only_line(doc: Document, start: int, end: int) -> bool:
    """The line holds personal names and nothing else but markers, commas, "and" and degrees ("Ferreira L.*, Rojas M.")."""
    on_line = sorted((e for e in doc.entities if e.label == "PERSON" and start <= e.start and e.end <= end), key=lambda e: e.start)
    if not on_line:
        return False
    rest, pos = [], start
    for e in on_line:
        rest.append(doc.text[pos:e.start])
        pos = e.end
    rest.append(doc.text[pos:end])
    return bool(_AUTHOR_LINE_REST.match("".join(rest)))


def _name_lines(doc: Document) -> tuple[int, int] | None:
    """A line of author names alone ("MOKOENA Thandiwe", "Ferreira L.*, Rojas M.") and the short lines under it, when they name an organisation.

    The layouts of author blocks vary (names in capitals, "Surname, Given",
    the position or the affiliation on the next lines); what they share is a
    line holding nothing but names, followed by short lines that are not prose.
    """
    text = doc.text
    for line_start, line_end in _lines(text, 0, len(text)):
        if not names_only_line(doc, line_start, line_end):
            continue
        end = line_end
        for start, stop in _lines(text, line_end + 1, len(text)) if line_end < len(text) else ():
            words = len(text[start:stop].split())
            if words == 0 or words > _BLOCK_LINE_MAX_WORDS:
                break
            end = stop
        if end > line_end and any(e.label == "ORG" and line_start <= e.start and e.end <= end for e in doc.entities):
            return line_start, end
        return None
    return None


# A fact-sheet line: a short capitalised label, a colon, the value ("Members: A, B, C", "Headquarters: Brasília", "Venue: Bol").
FACT_LINE = re.compile(r"^[ \t]*([A-Z][A-Za-z -]{1,30}?)[ \t]*:[ \t]*\S")


def fact_sheet_heading(doc: Document, start: int, end: int) -> Entity | None:
    """The organisation or event a line names alone (its bracketed short name may follow): a fact sheet's heading."""
    on_line = sorted((e for e in doc.entities if start <= e.start and e.end <= end), key=lambda e: e.start)
    if not on_line or on_line[0].label not in ("ORG", "EVENT") or doc.text[start:on_line[0].start].strip():
        return None
    rest = doc.text[on_line[0].end:end].strip()
    short = on_line[1] if len(on_line) == 2 else None
    if rest and not (short is not None and rest == f"({short.text})"):
        return None
    return on_line[0]


def fact_sheet_blocks(doc: Document) -> list[tuple[int, int]]:
    """A name alone on its line and the "Label: value" lines right under it ("Members: A, B, C", "Venue: Bol").

    A fact sheet counts as one sentence, like the author block: its labels say
    how the names listed on each line stand to the name of the heading.
    """
    text = doc.text
    lines = list(_lines(text, 0, len(text)))
    blocks = []
    labelled = [FACT_LINE.match(text[start:end]) is not None for start, end in lines]
    for k, (start, end) in enumerate(lines[:-1]):
        # the cheap test first: the next line is a "Label: value" line and this one is not
        if labelled[k] or not labelled[k + 1] or fact_sheet_heading(doc, start, end) is None:
            continue
        stop = k + 1
        while stop < len(lines) and labelled[stop]:
            stop += 1
        blocks.append((start, lines[stop - 1][1]))
    return blocks


def _front_matter(doc: Document) -> tuple[int, int] | None:
    """Lines after the article's title line up to the first line of running prose."""
    article = next(doc.iter_segments(role="article"), None)
    if article is None:
        return None
    lines = [(s, e) for s, e in _lines(doc.text, article.start, article.end) if doc.text[s:e].strip()]
    block = []
    for start, end in lines[1:]:
        if len(doc.text[start:end].split()) >= _PROSE_MIN_WORDS:
            break
        block.append((start, end))
    if not block or len(block) == len(lines) - 1:
        return None
    return block[0][0], block[-1][1]


def _split_at_blank_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, pos = [], start
    for match in _BLANK_LINE.finditer(text, start, end):
        pieces.append((pos, match.start()))
        pos = match.end()
    pieces.append((pos, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def sentence_spans(doc: Document, parsed: Any) -> list[tuple[int, int]]:
    """Sentences of ``doc`` with the blocks that count as one sentence merged.

    Documents converted from a corpus with its own sentence split (Re-DocRED)
    keep that split: their relations were annotated per those sentences.
    """
    given = doc.annotations.get("sentences")
    if given:
        return [tuple(s) for s in given]
    spans: list[tuple[int, int]] = []
    for sent in parsed.sents:
        pieces = _split_at_blank_lines(doc.text, sent.start_char, sent.end_char)
        if pieces and spans and _continues_after_colon(doc.text, spans[-1], pieces[0]):
            spans[-1] = (spans[-1][0], pieces.pop(0)[1])
        spans.extend(pieces)
    blocks = [b for b in [author_block(doc), *reference_blocks(doc)] if b]
    blocks += [b for b in fact_sheet_blocks(doc) if not any(o[0] < b[1] and b[0] < o[1] for o in blocks)]
    for b_start, b_end in sorted(blocks):
        spans = [s for s in spans if s[1] <= b_start or s[0] >= b_end] + [(b_start, b_end)]
    return sorted(spans)


def _continues_after_colon(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    """The parser began a sentence at a list that a colon introduces on the same line ("X has four members: A, B and C"):
    the list belongs to the sentence before."""
    return text[previous[0]:previous[1]].rstrip().endswith(":") and "\n" not in text[previous[1]:current[0]]


def block_kinds(doc: Document) -> dict[tuple[int, int], str]:
    if doc.annotations.get("sentences"):
        return {}
    cited = set(cited_work_lines(doc))
    kinds = {span: "cited" if span in cited else "reference" for span in reference_blocks(doc)}
    author = author_block(doc)
    if author:
        kinds[author] = "author"
    for span in fact_sheet_blocks(doc):
        if not any(o[0] < span[1] and span[0] < o[1] for o in kinds):
            kinds[span] = "factsheet"
    return kinds


def _is_name_pair_of_itself(head: Entity, tail: Entity) -> bool:
    return " ".join(head.text.casefold().split()) == " ".join(tail.text.casefold().split())


def _pairs(first: Entity, second: Entity) -> Iterator[tuple[Entity, Entity]]:
    if _is_name_pair_of_itself(first, second):
        return
    for head, tail in ((first, second), (second, first)):
        if allowed_labels(head.label, tail.label):
            yield head, tail


def generate(doc: Document, parsed: Any, with_paragraph_case: bool | None = None) -> list[Candidate]:
    """All candidates of ``doc``; ``parsed`` is the spaCy Doc of ``doc.text``.

    The paragraph case is off for documents with a given sentence split
    (converted corpora): their relations are annotated within sentences only,
    so such pairs would be unlabelled, not negative.
    """
    if with_paragraph_case is None:
        with_paragraph_case = not doc.annotations.get("sentences")
    sentences = sentence_spans(doc, parsed)
    kinds = block_kinds(doc)
    entities = sorted(doc.entities, key=lambda e: e.start)
    by_sentence: list[list[Entity]] = []
    for s_start, s_end in sentences:
        by_sentence.append([e for e in entities if e.start >= s_start and e.end <= s_end])
    candidates: list[Candidate] = []
    for sentence, members in zip(sentences, by_sentence):
        block = kinds.get(sentence)
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                for head, tail in _pairs(first, second):
                    candidates.append(Candidate(head, tail, sentence, block=block))
    if with_paragraph_case:
        candidates.extend(_paragraph_candidates(doc, parsed, sentences, by_sentence, kinds))
    return candidates


def _anaphors(parsed: Any, sentence: tuple[int, int]) -> Iterator[tuple[tuple[int, int], set[str], bool]]:
    """Subject pronouns and subject descriptions of a sentence: span, the labels each may stand for, is a pronoun."""
    span = parsed.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if span is None:
        return
    for token in span:
        lower = token.lower_
        if token.pos_ == "PRON" and not token.ent_type_:
            if token.dep_ == "poss" and lower in POSSESSIVE_REFERENTS:
                yield (token.idx, token.idx + len(token)), POSSESSIVE_REFERENTS[lower], True
                continue
            if token.dep_ in OBJECT_DEPS and lower in OBJECT_REFERENTS:
                yield (token.idx, token.idx + len(token)), OBJECT_REFERENTS[lower], True
                continue
        if syntax.elided_object(token):
            # "Moldova joined in 1998": the verb stands for the organisation named before
            yield (token.idx, token.idx + len(token)), {"ORG"}, True
            continue
        if syntax.elided_event(token):
            # "A, B and C took part": the event named before
            yield (token.idx, token.idx + len(token)), {"EVENT"}, True
            continue
        if token.dep_ in OBJECT_DEPS and token.pos_ == "NOUN" and DESCRIPTION_NOUNS.get(token.lemma_.lower()) == "EVENT":
            # "A took part in the summit", "B hosted the meeting": the event named before (guidelines §3's description rule)
            determiners = [c for c in token.children if c.dep_ == "det" and c.lower_ in DETERMINERS]
            if determiners and not any(c.dep_ in ("compound", "nmod", "poss") or c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
                yield (determiners[0].idx, token.idx + len(token)), {"EVENT"}, False
            continue
        if _owner_description(token):
            # "observers of the system", "the system's General Secretariat": like "its", the organisation named before
            determiner = next(c for c in token.children if c.dep_ == "det")
            yield (determiner.idx, token.idx + len(token)), {DESCRIPTION_NOUNS[token.lemma_.lower()]}, True
            continue
        if token.dep_ not in SUBJECT_DEPS or token.ent_type_:
            continue
        if lower in PRONOUN_REFERENTS and token.pos_ == "PRON":
            yield (token.idx, token.idx + len(token)), PRONOUN_REFERENTS[lower], True
        elif token.pos_ == "NOUN" and token.lemma_.lower() in DESCRIPTION_NOUNS:
            determiners = [c for c in token.children if c.dep_ == "det" and c.lower_ in DETERMINERS]
            if determiners:
                start = determiners[0].idx
                yield (start, token.idx + len(token)), {DESCRIPTION_NOUNS[token.lemma_.lower()]}, False


def _owner_description(token: Any) -> bool:
    """An organisation description ("the system") that owns a noun: a possessive or the object of "of"."""
    if token.pos_ != "NOUN" or token.ent_type_ or DESCRIPTION_NOUNS.get(token.lemma_.lower()) != "ORG":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or any(c.dep_ in ("compound", "amod", "prep") for c in token.children):
        return False
    return token.dep_ == "poss" or token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN"


def _in_clause_of_verb(parsed: Any, anaphor: tuple[int, int], mention: Entity) -> bool:
    """A verb standing for a left-out argument ("Guyana joined in 1973") relates only the names of its own clause, not
    those of a clause coordinated with it ("founded by A and B; C joined")."""
    span = parsed.char_span(*anaphor, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ not in ("VERB", "AUX"):
        return True
    start, end = min(anaphor[0], mention.start), max(anaphor[1], mention.end)
    if ";" in parsed.text[start:end]:
        return False  # the parser may hang the clause before a semicolon on the verb after it
    named = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
    return named is None or named.root.i in syntax.phrase_without_conjuncts(span[0])


def _named_like(anaphor: str, earlier: list[Entity]) -> list[Entity]:
    """The mentions a description may stand for: those whose name has its noun, and the other names of the same entity, when
    there are any ("the bank" is the bank named before, not the board named after it), else all."""
    noun = anaphor.split()[-1].lower()
    if noun not in DESCRIPTION_NOUNS:
        return earlier
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    # a short name of one of them fits too ("SICA" after "Central American Integration System (SICA)")
    fitting_names = {e.canonical for e in earlier if e.canonical and pattern.search(e.text)}
    fitting = [e for e in earlier if pattern.search(e.text) or e.canonical in fitting_names]
    return fitting or earlier


def _naming_target(parsed: Any, members: list[Entity], anaphor: tuple[int, int]) -> Entity | None:
    """The named mention X of "<anaphor> was called X" in the sentence, if it is one."""
    token = parsed.char_span(*anaphor, alignment_mode="expand")[-1]
    verb = token.head
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    after = [e for e in members if e.start >= verb.idx + len(verb)]
    return after[0] if after else None


def _subject_description(parsed: Any, sentence: tuple[int, int], members: list[Entity]) -> tuple[int, int] | None:
    """The subject noun phrase of a sentence up to its head noun, when no named mention is inside it."""
    span = parsed.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT" and token.pos_ == "NOUN":
            subtree = list(token.subtree)
            start = subtree[0].idx
            end = token.idx + len(token)
            if not any(e.start < end and e.end > start for e in members):
                return start, end
    return None


def _clause_verb(token: Any) -> Any:
    """The verb of the clause a token is in (the token itself when it is one, the root when no verb is above it)."""
    # however deep the token (a name at the end of a chain of "of" phrases); a parse is a tree, so the walk ends
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _same_clause(parsed: Any, referent: Entity, anaphor: tuple[int, int]) -> bool:
    """The referent and the anaphor hang on one verb: a pronoun refers back across clauses, not within one."""
    named = parsed.char_span(referent.start, referent.end, alignment_mode="expand")
    pronoun = parsed.char_span(*anaphor, alignment_mode="expand")
    if named is None or pronoun is None:
        return True
    return _clause_verb(named.root).i == _clause_verb(pronoun.root).i


def _described_by_possessive(parsed: Any, anaphor: tuple[int, int]) -> Any | None:
    """The subject of "B is its executive organ": what the possessive's noun describes, which "its" cannot stand for.

    The noun is the complement of a copula (the parser's attr): "is", "became", "remained" alike.
    """
    span = parsed.char_span(*anaphor, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].dep_ != "poss":
        return None
    noun = span[0].head
    if noun.dep_ != "attr":
        return None
    return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)


def _conjunct_mentions(parsed: Any, mentions: list[Entity], entity: Entity) -> list[Entity]:
    """The other mentions of the coordination the entity ends ("Croatia and Slovenia ... They": Croatia too)."""
    named = parsed.char_span(entity.start, entity.end, alignment_mode="expand")
    if named is None:
        return []
    group = {t.i for t in named.root.conjuncts}
    out = []
    for other in mentions:
        if other is entity or other.label != entity.label:
            continue
        span = parsed.char_span(other.start, other.end, alignment_mode="expand")
        if span is not None and span.root.i in group:
            out.append(other)
    return out


def _paragraph_candidates(doc, parsed, sentences, by_sentence, kinds) -> Iterator[Candidate]:
    paragraph_spans = paragraphs(doc.text)

    def paragraph_of(pos: int) -> tuple[int, int] | None:
        return next((p for p in paragraph_spans if p[0] <= pos < p[1]), None)

    for index, (sentence, members) in enumerate(zip(sentences, by_sentence)):
        if kinds.get(sentence) or not members:
            continue
        paragraph = paragraph_of(sentence[0])
        if paragraph is None:
            continue
        named_labels = {e.label for e in members}
        for anaphor, referent_labels, is_pronoun in _anaphors(parsed, sentence):
            if not is_pronoun and referent_labels <= named_labels:
                # "The exercises of ... Peace Mission 2020": a description next to a name of its kind means that name.
                continue
            named = _naming_target(parsed, members, anaphor)
            previous = index - 1
            if named is not None and previous >= 0 and sentences[previous][0] >= paragraph[0]:
                # "They were called X": X takes the place of the description the previous sentence is about.
                description = _subject_description(parsed, sentences[previous], by_sentence[previous])
                if description is not None:
                    for other in by_sentence[previous]:
                        for head, tail in _pairs(named, other):
                            role = "head" if head is named else "tail"
                            yield Candidate(head, tail, sentences[previous], proxy=description, proxy_role=role)
                continue
            # A pronoun may refer back into its own sentence ("E was held in X, and A took part in it"); a description may not.
            limit = anaphor[0] if is_pronoun else sentence[0]
            earlier = [e for e in doc.entities if paragraph[0] <= e.start and e.end <= limit]
            nearest: dict[str, Entity] = {}
            described = _described_by_possessive(parsed, anaphor)
            for entity in sorted(_named_like(doc.text[anaphor[0]:anaphor[1]], earlier), key=lambda e: e.start):
                if entity.label in referent_labels and not (described is not None and entity.start <= described.idx < entity.end):
                    nearest[entity.label] = entity
            referents = list(nearest.values())
            if is_pronoun and doc.text[anaphor[0]:anaphor[1]].lower() == "they":
                referents += [c for r in referents for c in _conjunct_mentions(parsed, earlier, r)]
            for referent in referents:
                if referent.start >= sentence[0] and _same_clause(parsed, referent, anaphor):
                    continue  # "A, professor at X, wrote it": "it" is not X, which its own clause already relates
                for mention in members:
                    if mention.start < anaphor[1] and mention.end > anaphor[0]:
                        continue
                    if not _in_clause_of_verb(parsed, anaphor, mention):
                        continue
                    for head, tail in _pairs(referent, mention):
                        role = "head" if head is referent else "tail"
                        yield Candidate(head, tail, sentence, proxy=anaphor, proxy_role=role)
