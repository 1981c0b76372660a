"""Author lines read by the shape of names, without the NER.

A *byline* is a line that, after an optional label ("Authors:", "Автор:",
"Авторы:", "автор научной работы —", "By"), is a list of names separated by
commas, semicolons or "and"/"и", each name optionally followed by its
affiliation markers (¹, 2, *, "1,2"). The list ends at the first item that is
not a name (a degree or a position: "Svetlana O. Bragina¹*, Candidate of
Economic Sciences").

A name is one of these shapes, in mixed case or all in capitals:

* given name, initials, surname: "Anton V. Kovalenko", "Konstantin Yu. Bezrukov";
* initials and surname: "A. S. Nurlanova", "G.T. Ichshanova";
* surname and initials: "Shatalov M. Yu.", "Garipova L.R.";
* surname, given name and patronymic: "Lapshina Vera Igorevna", "Ветлугина Ольга Андреевна";
* inverted "Surname, Given": "Hartley, James", "Орлова, Анна Петровна" (the first item of a list, or every
  item of a list separated by semicolons; with a label, markers, or alone on a line that stands where an
  author block stands);
* surname in capitals, then the given name (and patronymic): "KARIMOVA Leila", "ОРЛОВА Анна Петровна"
  (alone on a line that stands where an author block stands, or after a label);
* given name and surname: "Timur Aliyev" (only after a label or "By"; when
  the line holds only names that each carry markers, or stands where an
  author block stands; or one name followed by its bracketed affiliation, a
  degree ("Emma Stone, PhD") or its institution with the author's e-mail or
  ORCID ("Emma Stone, Lakeside University, Oslo; stone@host")); several such names when each
  carries its institution in brackets ("Emma Stone (Lakeside University), Lars Berg (Fjord Institute)").

Markers are digits ("1,2", "(1)", "[2]"), superscripts ("¹,²"), "*", "†", "‡", "§", and single digits or
letters after a space ("Gafarova a, b", "Khasanov b, *", "Sokolov 1, 2") or letters in superscript ("ᵃ,ᵇ").

A candidate with a word that is in no name's shape (a menu word, a section
label, a degree abbreviation, an institution word) is not a name. A name
split by a line break ("Grigory N." / "Antipin") is read across it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from textmine.resources.gazetteer import load_gazetteer



def _letters(category: str) -> str:
    """Every Latin and Cyrillic letter of a Unicode category ("Lu" or "Ll"), so that names of any language these
    scripts write have their shapes ("Ólafsdóttir", "Nguyễn Thị", "Þórður", "Weiß", "Әлиев")."""
    blocks = ((0x41, 0x24F), (0x1E00, 0x1EFF), (0x400, 0x52F))
    return "".join(chr(c) for first, last in blocks for c in range(first, last + 1) if unicodedata.category(chr(c)) == category)


_UP = _letters("Lu")
_LOW = _letters("Ll")
_INITIAL = rf"[{_UP}](?:[{_LOW}])?\."  # "A." or "Yu."
_INITIALS = rf"{_INITIAL}(?:\s?{_INITIAL}){{0,2}}"
# In a name printed in capitals, a romanised two-letter initial is in capitals too ("YU. A. SOROKINA", "R. KH. NABIEV"):
# only the romanisation digraphs, so that "DR." or "ST." never starts a name.
_DIGRAPH_INITIAL = r"(?:KH|ZH|TS|CH|SH|YU|YA|YE|YO)\."
_UPPER_INITIALS = rf"(?:{_INITIAL}|{_DIGRAPH_INITIAL})(?:\s?(?:{_INITIAL}|{_DIGRAPH_INITIAL})){{0,2}}"
# A capitalised word: "Kovalenko", "Smith-Jones", "McDonald", "O'Neil", "Tu'ipulotu".
_CAP_WORD = (rf"[{_UP}](?:[{_LOW}]+(?:['’][{_LOW}]{{2,}})?|['’][{_UP}][{_LOW}]+|c[{_UP}][{_LOW}]+|ac[{_UP}][{_LOW}]+)"
             rf"(?:-[{_UP}][{_LOW}]+)?")
_UPPER_WORD = rf"[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?"
_PATRONYMIC_END = r"(?:ovich|evich|ovna|evna|ichna|ich|ович|евич|овна|евна|ична|инична|ич|оглы|кызы|ugli|qizi)"
_END = rf"(?![{_UP}{_LOW}.-])"
# Lower-case particles before a surname ("van der", "de", "bin", "al-").
_PARTICLES = r"(?:(?i:van|von|der|den|de|dela|da|del|della|di|du|dos|das|la|le|bin|binti|ibn|ben|al|el|ter|ten|zu)\s+){0,3}"
# A title or degree before a name, which is no part of it ("Dr. Kwame Mensah", "Prof. Dr. Hans Müller", "Cand. Sci.
# (Econ.), Assoc. Prof. Irina P. Volkova").
_TITLE_PREFIX = re.compile(
    r"(?:(?:(?:Cand|Dr|Doct)\.\s?Sci\.\s?\([^()\n]{1,25}\)|(?:Prof|Dr|Assoc\.\s?Prof|Acad)\.?)(?:,?\s+))+")


def _shapes(word: str) -> list[str]:
    initials = _INITIALS if word == _CAP_WORD else _UPPER_INITIALS
    patronymic = rf"[{_UP}][{_LOW}]+{_PATRONYMIC_END}" if word == _CAP_WORD else rf"[{_UP}]{{2,}}(?i:{_PATRONYMIC_END})"
    return [
        rf"(?P<gis>{word}\s+{initials}\s?{_PARTICLES}{word}){_END}",
        rf"(?P<is>{initials}\s?{word}){_END}",
        # (a marker letter may be glued to the last initial, a copied superscript: "Lozhkina V.S.a, ...")
        rf"(?P<si>{word}\s{initials})(?:(?![{_UP}{_LOW}])|(?=[a-h](?:,[a-h])*(?![\w.])))",
        rf"(?P<sgp>{word}\s+{word}\s+{patronymic}){_END}",
        # "Hartley, James", "Омаров, Даурен Серикович", "Sokolov, I. P."
        rf"(?P<inv>{word},\s(?:{word}(?:\s{initials}|\s{patronymic})?|{initials})){_END}",
        # "SHEVCHUK, Artem", "ОРЛОВА, Анна Петровна": the surname set apart in capitals, inverted
        *([rf"(?P<inv>{word},\s{_CAP_WORD}(?:\s{initials}|\s[{_UP}][{_LOW}]+{_PATRONYMIC_END})?){_END}"]
          if word == _UPPER_WORD else []),
        rf"(?P<gs>{word}\s+{_PARTICLES}{word}){_END}",  # "Emma Stone", "Jan van der Berg", "Ahmad bin Ismail"
        rf"(?P<gms>{word}\s+{word}\s+{_PARTICLES}{word}){_END}",  # "Juan Carlos Pérez", "Nguyen Van Anh"
    ]


_NAME_PATTERNS = [re.compile(shape) for word in (_CAP_WORD, _UPPER_WORD) for shape in _shapes(word)]
# A double surname after the initials: "Rodrigo A. Salazar Vega".
_NAME_PATTERNS.append(re.compile(rf"(?P<giss>{_CAP_WORD}\s+{_INITIALS}\s?{_PARTICLES}{_CAP_WORD}\s+{_CAP_WORD}){_END}"))
# Four words in mixed case: "Luis Fernando Quispe Mamani" (two given names, two surnames), "Nguyễn Thị Thu Trang".
_NAME_PATTERNS.append(re.compile(rf"(?P<ggss>{_CAP_WORD}\s+{_CAP_WORD}\s+{_CAP_WORD}\s+{_PARTICLES}{_CAP_WORD}){_END}"))
# Initials without full stops (Vancouver): "Orlov PS", "Pavel S Orlov".
_NAME_PATTERNS.append(re.compile(rf"(?P<sI>{_CAP_WORD}\s[{_UP}]{{1,3}})(?![{_UP}{_LOW}.-])"))
_NAME_PATTERNS.append(re.compile(rf"(?P<gIs>{_CAP_WORD}\s[{_UP}]\s{_PARTICLES}{_CAP_WORD}){_END}"))
# "KARIMOVA Leila", "ОРЛОВА Анна Петровна": the surname set apart in capitals, as Russian journals print it.
_NAME_PATTERNS.append(re.compile(
    rf"(?P<ug>{_UPPER_WORD}\s+{_CAP_WORD}(?:\s+[{_UP}][{_LOW}]+{_PATRONYMIC_END})?){_END}"))
# Kinds of shape that need a label, "By" or a line of their own.
_WEAK = {"gs", "gms", "ggss", "giss", "ug", "gIs", "sI"}
_ONLY_FIRST = {"inv"}

# Words that are in no name: site furniture, section labels, degrees, positions, institutions, kinds of place, months.
NOT_NAME_WORDS = frozenset("""
home search menu archive archives current issue issues contents about contact contacts login register subscribe
share download print cookies cookie accept english russian language news articles article abstract annotation
keywords key words introduction references literature conclusion conclusions results methods discussion summary
editorial board authors author editor editors section rubric journal journals review bulletin proceedings vestnik
survey studies letters quarterly annals gazette herald transactions affairs yearbook preprints preprint reports papers notes
digest chronicle courier magazine newsletter repository library archive
university institute academy college school centre center department faculty chair laboratory hospital station
state national federal technical technological medical pedagogical agrarian polytechnic
universidad universidade université universität universiti universitas universita instituto institut istituto
phd dsc md prof professor dr doctor candidate associate assistant senior lecturer researcher head chief fellow
sciences science student postgraduate master bachelor magister
region oblast krai district province republic city county область край район республика город
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
and
главная поиск меню архив выпуск выпуски номер содержание контакты вход регистрация новости статьи статья
аннотация ключевые слова введение литература заключение список редакция авторы автор журнал журналы
университет институт академия колледж кафедра факультет лаборатория центр
кандидат доктор профессор доцент наук аспирант студент
""".split())

# A degree or position after a name ("Emma Stone, PhD, Senior Lecturer").
DEGREE = re.compile(
    r"(?:PhD|Ph\.D\.|DSc|D\.Sc\.|MD|Dr|Prof|Professor|Associate|Assistant|Candidate|Doctor|Senior|Lecturer|Researcher|Head"
    r"|Engineer|Postgraduate|кандидат|доктор|профессор|доцент|старший|заведующий|инженер|аспирант|ассистент)(?!\w)"
)  # (not "\b": "Ph.D. in Political Science" ends its degree with a full stop)
_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
# The publication date a news line may print before its byline ("12 March 2021 | By NAME", "2021-03-12 · By NAME").
_DATE_BEFORE_BY = (rf"(?:(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}},)\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
                   rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})\s*[|·•—–]\s*")
# A news byline's label: "By NAME", "Written by: NAME", "Authored by NAME" (the article's own byline, not a record field),
# after the piece's date on the same line; some journals print it in lower case under the title ("by NAME and NAME").
# A blog's "Posted on 5 May 2022 by NAME" prints the date between the verb and "by"; a Russian news site credits the
# text's author with "Текст: NAME" (and the photographer with "Фото: NAME", who is no author).
_POSTED_ON = (rf"(?:Posted|Published)\s+(?:on\s+)?(?:\d{{1,2}}\s+{_MONTH_NAME}\s+\d{{4}}|{_MONTH_NAME}\s+\d{{1,2}},\s+\d{{4}}"
              rf"|\d{{4}}-\d{{2}}-\d{{2}})\s+by")
BY_LABEL = re.compile(rf"\s*(?:{_DATE_BEFORE_BY})?(?:[Bb]y|BY|(?:Written|Authored|Posted)\s+by\s*:?|{_POSTED_ON}|Текст\s*:)\s+(?=[A-ZА-ЯЁ])")
AUTHOR_LABEL = re.compile(
    rf"\s*(?:(?i:authors?|авторы?|автор\(ы\)|author\(s\))\s*:\s*|(?i:авторы? научной работы)\s*[—–-]\s*|{BY_LABEL.pattern})"
)
_SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT_LETTERS = "ᵃᵇᶜᵈᵉᶠᵍʰ"
# Corresponding-author and note marks, pointing to no affiliation ("✉" is the envelope some journals print for the
# corresponding author).
SYMBOLS = "*†‡§‖¶✉"  # the footnote sequence * † ‡ § ‖ ¶, and the envelope
# "1,2*", "¹,²", "¹ ²", "²*", "1,✉" (a symbol after a comma), "(1)", "[1, 2]", "†"; digits or letters after a space ("1, 2", "a, b", "b, *": a lone
# digit or letter, never a year or a word's first letter) or letters in superscript.
_MARKERS = re.compile(
    rf"(?:[{_SUPERSCRIPT_DIGITS}]+(?:[, ]?[{_SUPERSCRIPT_DIGITS}]+)*|\d(?:,\d)*(?![\d.])|,?[{SYMBOLS}]"
    rf"|[{_SUPERSCRIPT_LETTERS}](?:,?[{_SUPERSCRIPT_LETTERS}])*"
    rf"|[ \t]?[(\[]\d(?:,[ \t]?\d)*[)\]]"
    rf"|[ \t](?:[a-h]|\d)(?![\w.])(?:[ \t]?,[ \t]?(?:(?:[a-h]|\d)(?![\w.])|[{SYMBOLS}]))*"
    # a letter glued to the last initial's full stop, where a copied superscript lost its raise ("Lozhkina V.S.a")
    rf"|(?<=[{_UP}]\.)[a-h](?:,[a-h])*(?![\w.]))+"
)
_INSTITUTION_WORD = (
    r"(?<!\w)(?:University|Institute|Academy|College|School|Centre|Center|Hospital|Clinic|Observatory|Station|Museum|Library"
    r"|Garden|Company|Corporation|Bank|Foundation|Agency"
    r"|Universidad|Universidade|Université|Universität|Universiti|Universitas|Università|Instituto|Institut|Istituto"
    r"|[Уу]ниверситет|[Ии]нститут|[Аа]кадеми[яи]|[Кк]олледж|[Цц]ентр|[Бб]ольница)(?!\w)"
)
# An institution right after a name, as its first comma field ("Emma Stone, Lakeside University, Oslo, Norway").
_INSTITUTION_FIELD = re.compile(rf"[^,;()]*{_INSTITUTION_WORD}")
# Public: the segmenter reads a board member's line ("Name, University of X") by it.
INSTITUTION_FIELD = _INSTITUTION_FIELD
_CONTACT = re.compile(r"@[\w-]+\.|\d{4}-\d{4}-\d{4}-\d{3}[\dXx]")
# An iD or address in brackets after a name ("Ivan Petrov (https://orcid.org/0000-...), Anna Lee"): the list goes on.
_BRACKETED_ID = re.compile(r"\s*\((?=[^()]*(?:orcid|@|\d{4}-\d{4}-\d{4}-\d{3}[\dXx]))[^()]*\)", re.IGNORECASE)
# An ORCID iD or URL right after a name, without brackets ("Ivan Petrov https://orcid.org/0000-..., Anna Lee").
_ATTACHED_ID = re.compile(r"\s+(?:ORCID(?:\s?iD)?\s*:?\s*)?(?:(?:https?://)?(?:www\.)?orcid\.org/)?\d{4}-\d{4}-\d{4}-\d{3}[\dXx](?![\w-])")
# An institution in brackets after a name ("Oleg Tikhonov (Siberian Federal University), Marta Kowalczyk (...)").
_BRACKETED_INSTITUTION = re.compile(rf"\s*\((?=[^()]*{_INSTITUTION_WORD})[^()]*\)")
_COMMA = re.compile(r"\s*,\s*")
# Between a name and its institution in a "; " list: a comma, or a spaced dash ("Gleb I. Tarasenko — Samara Institute").
_NAME_INSTITUTION_SEPARATOR = re.compile(r"\s*,\s*|\s+[—–-]\s+")
_DASHED_DEGREE = re.compile(rf"[ \t]+[–—-][ \t]+(?={DEGREE.pattern})")
_WIDE_GAP = re.compile(r"[ \t]{3,}")
_BRACKETED_WORDS = re.compile(r"\s*\(([^()\d]{2,40})\)")
# "and" in capitals only in a byline in capitals ("BY ZHANNA KUSAINOVA AND ARTEM BELOV").
# A wide gap between names is a separator too: an author block printed in columns side by side ("Ivan P. Sorokin
# <spaces> Maria L. Vetrova").
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|AND|и)\b|&)|,|;|\band\b|(?<=[A-Z]\s)AND\b|\bи\b|&|(?<=[ \t]{3})(?=[^\W\d_]))\s*")
# A degree after a name in a list ("Pavel Orlov, PhD, and Irina Sedova, DSc"): the list goes on after it.
# Degrees listed after a name, before its markers too ("Name, MD, PhD¹; Name, MD²").
_LISTED_DEGREE = re.compile(r",\s*(?:Ph\.\s?D\.|PhD|D\.\s?Sc\.|DSc|M\.\s?Sc\.|MSc|MD|MA|MBA|LLM|LL\.M\.)"
                            rf"(?=[{_SUPERSCRIPT_DIGITS}\d{SYMBOLS}]*\s*(?:,|;|\band\b|&|$))")
# Superscript markers read as the plain digits and letters they print ("²" -> "2", "ᵇ" -> "b").
SUPERSCRIPTS = str.maketrans(_SUPERSCRIPT_DIGITS + _SUPERSCRIPT_LETTERS, "1234567890abcdefgh")


@dataclass
class Name:
    """One name on a byline: its span in the text, its markers ("1", "2", "*") and its shape."""

    start: int
    end: int
    text: str
    shape: str
    markers: list[str] = field(default_factory=list)
    record_field: bool = False  # the value of an author label ("Авторы:", "автор научной работы —"), not "By"
    # the name's own institution printed right after it: inside its brackets, or after its comma in a "; " list
    institution: tuple[int, int] | None = None

    @property
    def words(self) -> list[str]:
        """The name's words that are not initials (for finding the name again: "Bragina S. O.")."""
        return [w for w in re.findall(rf"[{_UP}{_LOW}-]+", self.text) if len(w) > 2 or not re.fullmatch(rf"[{_UP}][{_LOW}]?", w)]


def _is_name(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and not any(w.casefold() in NOT_NAME_WORDS for w in words)


def split_markers(raw: str) -> list[str]:
    """"1,2*" -> ["1", "2", "*"]; "¹²" -> ["1", "2"]; " a, b" -> ["a", "b"]; "†" -> ["†"]."""
    return re.findall(rf"\d|[a-h]|[{SYMBOLS}]", raw.translate(SUPERSCRIPTS))


def name_at(text: str, position: int, end: int, allow_weak: bool, first: bool) -> Name | None:
    """The longest name shape that starts at ``position`` (and is a name), or None."""
    best = None
    shorter: list[Name] = []
    for pattern in _NAME_PATTERNS:
        match = pattern.match(text, position, end)
        if not match:
            continue
        shape = match.lastgroup or ""
        if (shape in _WEAK and not allow_weak) or (shape in _ONLY_FIRST and not first):
            continue
        if not _is_name(match.group(0)) or _WIDE_GAP.search(match.group(0)):
            continue  # (a wide gap parts two columns, never the words of one name)
        found = Name(match.start(), match.end(), " ".join(match.group(0).split()), shape)
        shorter.append(found)
        if best is None or match.end() > best.end:
            best = found
    # "Artur R. Ilyasov Kazan Institute of ...": a weak longer shape whose last words open an institution's name (an
    # HTML name element run into its affiliation) gives way to the strong shape before them
    if best is not None and best.shape in _WEAK:
        for other in shorter:
            if other.shape not in _WEAK and other.end < best.end and _INSTITUTION_FIELD.match(text[other.end:end].lstrip()):
                return other
    return best


def read_byline(text: str, start: int, end: int, own_line: bool = False, labelled: bool = False) -> list[Name]:
    """The names of the byline text[start:end] (a line, or two when a name runs over the break), or [].

    ``own_line``: the line stands where an author block stands (two-word names allowed without a label);
    ``labelled``: the line is the value of an author label printed on the line before ("Авторы:")."""
    label = AUTHOR_LABEL.match(text, start, end)
    position = label.end() if label else start
    labelled = labelled or bool(label)
    record_field = labelled and not (label and BY_LABEL.match(text, label.start(), end))
    joined = name_run_into_institution(text, position, end)
    if joined:
        joined.record_field = record_field
        return [joined]
    pairs = _name_institution_pairs(text, position, end)
    for name in pairs:
        name.record_field = record_field
    if pairs:
        return pairs
    names: list[Name] = []
    semicolons = False  # the list so far is separated by semicolons: inverted names may follow the first
    titled = False  # a title before a name ("Dr.") says it is a person's
    identified = False  # the last name read carries its ORCID iD right after it
    while position < end:
        title = _TITLE_PREFIX.match(text, position, end)
        position = title.end() if title else position
        titled = titled or bool(title)
        inverted_list = semicolons and all(n.shape in _ONLY_FIRST for n in names)
        name = name_at(text, position, end, allow_weak=True, first=not names or inverted_list)
        if name is None or (names and _INSTITUTION_FIELD.match(text, name.start, end)):
            break  # "..., Oriental Policy Institute": the words open an institution's name, not a person's
        markers = _MARKERS.match(text, name.end, end)
        if markers:
            name.markers = split_markers(markers.group(0)) + re.findall(rf"[{SYMBOLS}]{{2,}}", markers.group(0))
        elif name.shape in _ONLY_FIRST and not labelled and not (own_line and not text[name.end:end].strip()) and not (
                _BRACKETED_INSTITUTION.match(text, name.end, end)) and not (own_line and _DASHED_DEGREE.match(text, name.end, end)) and not (
                _BRACKETED_ID.match(text, name.end, end) or _ATTACHED_ID.match(text, name.end, end)):
            # "Almaty, Kazakhstan" has the shape too: an inverted name needs a label, markers, its own line, its
            # institution in brackets ("SHEVCHUK, Artem (Maritime Law Institute); ..."), its ORCID iD after it
            # ("Sadykov, Marat https://orcid.org/0000-..."), or, opening its line, a dash and a degree (an information
            # line: "Sadykov, Marat — Ph.D., Senior Researcher, ...")
            break
        names.append(name)
        position = markers.end() if markers else name.end
        bracketed_id = _BRACKETED_ID.match(text, position, end) or _ATTACHED_ID.match(text, position, end)
        identified = bool(bracketed_id)
        if bracketed_id:
            position = bracketed_id.end()
        while degree_after := _LISTED_DEGREE.match(text, position, end):
            titled, position = True, degree_after.end()
            marked_after = _MARKERS.match(text, position, end)  # "Name, MD, PhD¹": the marker after the degrees
            if marked_after and not name.markers:
                name.markers = split_markers(marked_after.group(0))
                position = marked_after.end()
        place = _BRACKETED_WORDS.match(text, position, end)
        if place and load_gazetteer().lookup(place.group(1), "LOC") is not None:
            position = place.end()  # "Denis A. Krotov (Samara), ...": the author's town, and the list goes on
        institution = _BRACKETED_INSTITUTION.match(text, position, end)
        if institution:
            name.institution = (text.index("(", position) + 1, institution.end() - 1)
            position = institution.end()
        separator = _SEPARATOR.match(text, position, end)
        if not separator or separator.end() == position:
            break
        semicolons = ";" in separator.group(0) and (semicolons or len(names) == 1)
        position = separator.end()
    if not names:
        return []
    for name in names:
        name.record_field = record_field
    rest = text[position:end].strip(" ,;.")
    # "Ilmira Sadykhova https://orcid.org/0000-… Institute of X, Town", "Sadykhova, Ilmira https://…": one name, its iD,
    # then its institution (an author list item whose elements were run together); the institution is the author's own
    identified = identified and len(names) == 1 and bool(_INSTITUTION_FIELD.match(rest))
    if identified and names[0].shape in _WEAK | _ONLY_FIRST:
        after = text[position:end]
        names[0].institution = (position + len(after) - len(after.lstrip(" ,;.")), position + len(after.rstrip(" ,;.")))
    # Two-word names without a label: only when nothing but names stands on the line, or the name's
    # affiliation in brackets ("Anna Kowalska (Jagiellonian University, Krakow)").
    if any(n.shape in _WEAK for n in names) and not labelled:
        bracketed = len(names) == 1 and (rest.startswith("(") or names[0].institution is not None)
        degree = len(names) == 1 and bool(DEGREE.match(rest.lstrip("–—- ")))  # "SURNAME Given – Candidate of ..."
        # "Emma Stone, Lakeside University, Oslo; stone@host": one name, then its institution, and the author's
        # e-mail or ORCID on the same line (an author list item); the institution alone is not enough
        institution = (len(names) == 1 and text[names[0].end:end].lstrip().startswith(",") and bool(_INSTITUTION_FIELD.match(rest))
                       and bool(_CONTACT.search(rest)))
        marked = all(n.markers for n in names) and not rest  # "Sean O'Neil1, Ross McDonald2"
        each_bracketed = all(n.institution for n in names) and not rest  # "A (Univ X), B (Univ Y)"
        # "Pieter J. Naude, Nomsa K. Dlamini & Ivan Sorokin": a list that is a byline by its other names' shapes,
        # unless a two-word item is a place ("A. S. Orlova, Saint Petersburg")
        listed = not rest and any(n.shape not in _WEAK for n in names) and not any(
            n.shape in _WEAK and load_gazetteer().lookup(n.text, "LOC") is not None for n in names)
        if not (bracketed or degree or institution or identified or marked or each_bracketed or titled or listed
                or (own_line and not rest)):
            return []
    return names


def name_run_into_institution(text: str, start: int, end: int) -> Name | None:
    """"Kaliti TavolaUniversity of the South Seas, Suva": a name whose HTML element ran into the next one (an
    affiliation) without a space; the name with that institution, when the part after the lower-to-upper case
    change opens an institution's name."""
    for boundary in re.finditer(rf"(?<=[{_LOW}])(?=[{_UP}])", text[start:end]):
        cut = start + boundary.start()
        if not _INSTITUTION_FIELD.match(text[cut:end]):  # sliced: the word boundary before it is the element's
            continue
        name = name_at(text, start, cut, allow_weak=True, first=True)
        if name is None or name.end != cut or name.shape in _ONLY_FIRST:
            return None
        name.institution = (cut, len(text[:end].rstrip(" .")))
        return name
    return None


def _name_institution_pairs(text: str, start: int, end: int) -> list[Name]:
    """"Pavel Orlov, Onega Institute; Irina Sedova, Fjord University" (or "Pavel Orlov — Onega Institute; ..."): two or
    more parts between semicolons, each a name and then its institution; each name with its own institution (the part
    after its comma or dash)."""
    parts = [(start + match.start(), start + match.end()) for match in re.finditer(r"[^;]+", text[start:end])]
    if len(parts) < 2:
        return []
    names = []
    for part_start, part_end in parts:
        position = part_start + len(text[part_start:part_end]) - len(text[part_start:part_end].lstrip())
        name = name_at(text, position, part_end, allow_weak=True, first=True)
        comma = _NAME_INSTITUTION_SEPARATOR.match(text, name.end, part_end) if name and name.shape not in _ONLY_FIRST else None
        # after a comma the institution comes first ("Name, Onega Institute", not "Name, Petrozavodsk"); after a dash
        # the affiliation may open with its department ("Name — Department of X, Y University")
        dashed = bool(comma) and "," not in comma.group(0)
        if not comma or not (_INSTITUTION_FIELD.match(text, comma.end(), part_end)
                             or (dashed and re.search(_INSTITUTION_WORD, text[comma.end():part_end]))):
            return []
        name.institution = (comma.end(), part_start + len(text[part_start:part_end].rstrip(" .")))
        names.append(name)
    return names


# The first character of a marker run after a name: a digit, a superscript digit or letter, a star, dagger or envelope.
_MARKER_START = rf"[{_SUPERSCRIPT_DIGITS}{_SUPERSCRIPT_LETTERS}\d,{SYMBOLS}]"


def join_broken_name(text: str, line_start: int, line_end: int, next_start: int, next_end: int) -> int:
    """The end of a byline whose last name is cut by the line break ("Grigory N." / "Antipin", "Nikolai" / "V. Dementyev",
    "Shumilova Anastasia" / "Viktorovna"), else ``line_end``."""
    tail = re.search(rf"(?:^|,\s*|\band\s+){_CAP_WORD}\s+{_INITIALS}\s*$", text[line_start:line_end])
    head = re.match(rf"{_CAP_WORD}(?=\s*(?:{_MARKER_START}|$))", text[next_start:next_end])
    if tail and head:
        return next_start + head.end()
    # "..., Nikolai" / "V. Dementyev², ...": a given name left at the line's end after a list's comma, its initials
    # and surname opening the next line
    tail = re.search(rf",\s*{_CAP_WORD}\s*$|\band\s+{_CAP_WORD}\s*$", text[line_start:line_end])
    head = re.match(rf"{_INITIALS}\s?{_CAP_WORD}(?=\s*(?:{_MARKER_START}|$))", text[next_start:next_end])
    if tail and head and _is_name(text[line_start + tail.start():line_end].lstrip(" ,")):
        markers = _MARKERS.match(text, next_start + head.end(), next_end)
        return markers.end() if markers else next_start + head.end()
    # "Shumilova Anastasia" / "Viktorovna¹, Danilevich Pavel Igorevich²": a "Surname Given" name whose patronymic
    # opens the next line; the byline runs on to that line's end (its other names)
    tail = re.search(rf"(?:^|,\s*|\band\s+){_CAP_WORD}\s+{_CAP_WORD}\s*$", text[line_start:line_end])
    head = re.match(rf"[{_UP}][{_LOW}]*{_PATRONYMIC_END}(?=\s*(?:{_MARKER_START}|$))", text[next_start:next_end])
    if tail and head and _is_name(text[line_start + tail.start():line_end].lstrip(" ,")):
        return next_end
    return line_end
