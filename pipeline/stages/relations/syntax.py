"""Relation patterns written over the dependency parse (spaCy ``DependencyMatcher``).

Each construction of English that states a relation — "A, B and C are
members of X", "X unites A and B", "the summit was held in CITY", "A took
part in E", "E brought together A and B" — is a small dependency pattern
with named nodes; a match names the tokens of the two arguments. Every
argument stands for itself and its conjuncts, so a list yields one relation
per member whatever its length, and the same pattern reads "A" in "A joined
X" and in "A, B and C joined X". Nothing here names a particular entity or
comes from one sentence: the words are those of the constructions
(``triggers`` groups them by meaning for the classifier).

A match gives token-level facts ``(pattern, label, head token, tail
token)``; ``pattern_hits`` turns them into the hits of a candidate pair whose
argument spans hold those tokens and whose types the label allows. Matches
under a negation or an attempt ("did not join", "tried to join") are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from textmine.document import relation_allowed
from textmine.stages.relations.depmatch import IndexedDependencyMatcher

MEMBER_NOUNS = ["member", "membership"]
# Nouns that are membership when "member" or "founding" modifies them ("member states", "founding countries").
MEMBER_HEADS = ["state", "country", "nation", "government", "party", "organization", "organisation", "economy", "republic"]
MEMBER_MODIFIERS = ["member", "found", "founding", "founder"]
PART_NOUNS = ["part", "body", "organ", "division", "branch", "subsidiary", "unit", "department", "agency", "wing", "structure", "component",
              "institution", "arm", "affiliate", "subdivision", "secretariat", "court", "tribunal", "parliament", "assembly", "commission",
              "committee", "council", "mechanism", "authority"]
# Verbs that set up a body "as" a part: "X established B as its deliberative body", "B was set up by X as its judicial arm".
SET_UP_VERBS = ["establish", "create", "set", "found", "form", "launch", "institute", "designate"]
OBSERVER_NOUNS = ["observer", "observership"]
GATHER_VERBS = ["unite", "group", "comprise", "include", "incorporate", "encompass", "gather", "involve", "bring", "feature", "assemble"]
JOIN_VERBS = ["join", "enter"]
ACCEDE_VERBS = ["accede", "admit", "accept", "integrate", "incorporate", "return", "belong"]
FOUND_VERBS = ["form", "found", "establish", "create", "co-found", "cofound"]
ACCESSION_NOUNS = ["accession", "admission", "entry"]
# Documents that found an organisation: their signatories are its founders ("A and B signed the treaty establishing X").
_DOCUMENT_WORDS = ["treaty", "agreement", "charter", "declaration", "convention", "protocol", "accord", "pact", "communique",
                   "communiqué", "statute", "act", "memorandum"]
# Lemmas keep the capital of a title ("the Treaty of Lagos").
FOUNDING_DOCUMENT_NOUNS = _DOCUMENT_WORDS + [word.capitalize() for word in _DOCUMENT_WORDS]
FOUNDING_MODIFIERS = ["founding", "found", "constituent", "constitutive", "establishing", "establish"]
SIGN_VERBS = ["sign", "conclude", "adopt", "ratify"]
HOLD_VERBS = ["hold", "convene", "stage", "conduct", "organize", "organise", "run", "open", "happen", "occur", "unfold", "begin", "start", "end", "close"]
HOST_VERBS = ["host"]
PARTICIPATE_VERBS = ["participate", "compete", "engage", "partake"]
ATTEND_VERBS = ["attend", "join", "contest", "observe", "command", "address", "chair"]
ORGANISE_VERBS = ["hold", "conduct", "organize", "organise", "stage", "host", "run", "launch", "convene", "sponsor", "initiate"]
DELEGATION_NOUNS = ["delegation", "delegate", "troop", "participant", "representative", "official", "contingent", "team", "unit",
                    "minister", "leader", "force", "soldier", "servicemen", "serviceman", "military", "head", "observer"]
DRAW_VERBS = ["draw", "attract", "bring", "gather", "include", "involve", "welcome", "receive", "host", "feature", "see"]
LOCATED_VERBS = ["locate", "base", "headquarter", "situate", "seat", "station", "register", "sit", "lie"]
SEAT_NOUNS = ["headquarters", "headquarter", "seat", "secretariat", "office", "home"]
VENUE_NOUNS = ["venue", "host", "site", "scene", "location"]
POSITION_NOUNS = ["professor", "lecturer", "researcher", "fellow", "scientist", "student", "candidate", "associate", "assistant",
                  "director", "dean", "head", "chair", "employee", "staff", "postgraduate", "graduate", "doctoral", "analyst", "expert",
                  "rector", "teacher", "docent", "instructor", "scholar", "specialist", "engineer"]
WORK_VERBS = ["work", "teach", "study", "serve", "lecture", "research"]
# Cooperation is not partnership (ANNOTATION-DECISIONS 23): only "partner" words state partner_of.
PARTNER_NOUNS = ["partner", "partnership"]
PARTNER_VERBS = ["partner"]
# Verbs of having or receiving a status: "A obtained observer status in X".
STATUS_VERBS = ["have", "hold", "receive", "get", "obtain", "gain", "acquire", "enjoy", "retain", "secure", "win"]
# Verbs of building a partnership: "A is developing partnerships with B".
PARTNERSHIP_VERBS = ["have", "develop", "establish", "build", "sign", "deepen", "expand", "strengthen", "maintain", "launch", "form",
                     "conclude", "renew", "forge", "pursue"]
# Nouns for those who take part in an event: "A was one of the participants in E", "Among the participants of E were A and B".
PARTICIPANT_NOUNS = ["participant", "attendee", "participator"]
# Verbs whose subject event has a participation as object: "E saw the participation of A".
WITNESS_VERBS = ["see", "feature", "include", "witness", "involve", "record", "welcome", "enjoy"]
# Verbs of sending a delegation or forces to an event: "A and B sent delegations to E".
SEND_VERBS = ["send", "dispatch", "deploy", "contribute", "field", "commit"]
# Verbs whose "at" names what is looked at or aimed at, not where the subject acts: "A looked at E".
LOOKING_VERBS = frozenset({"look", "aim", "point", "target", "stare", "glance", "hint", "gaze", "laugh", "marvel", "wonder"})
# Verbs of holding a status "as an observer": "A sits as an observer in X", "A participates as an observer in X".
AS_OBSERVER_VERBS = ["sit", "serve", "participate", "take", "join", "enter", "act", "remain", "function", "attend", "be", "work", "engage"]
# An organisation's sittings, attended "as an observer": "A attends the sessions of X as an observer".
SESSION_NOUNS = ["session", "meeting", "summit", "work", "assembly", "conference", "deliberation", "sitting", "activity"]
GRANT_VERBS = ["grant", "give", "accord", "extend", "award", "offer", "confer"]
FIGHT_VERBS = ["fight", "wage", "contest", "play", "dispute"]
FORCE_NOUNS = ["navy", "army", "force", "troop", "unit", "contingent", "battalion", "ship", "aircraft", "team", "delegation", "squadron", "brigade",
               "personnel", "sailor", "marine", "vessel", "warship", "regiment", "detachment"]
# Nouns that stand for the state or organisation they come from when they take part ("A's troops", "the navies of A").
REPRESENTING_NOUNS = frozenset([*FORCE_NOUNS, "delegation", "delegate", "representative", "official", "minister", "leader", "servicemen",
                                "serviceman", "soldier", "military", "observer", "president", "premier", "chancellor", "envoy", "ambassador"])
# Not "near": a place near another is not in it (corpus/challenge/README.md).
IN_PREPS = ["in", "at", "inside", "within"]
DATE_PREPS = ["in", "on", "during", "since"]
# Nominalised granting: "the awarding of observer status in X to A".
GRANT_NOUNS = ["awarding", "award", "granting", "grant", "extension", "conferral", "conferment"]
# Common nouns an event's name modifies: "the Lake Shield exercise", "the Peace Mission 2016 exercises".
EVENT_NOUNS = ["exercise", "drill", "manoeuvre", "maneuver", "summit", "meeting", "conference", "forum", "session", "congress", "games",
               "operation", "talks", "war", "election", "mission", "festival", "race", "tournament", "dialogue", "round"]
# Punctuation that introduces a list after a counted noun: "three countries - A, B and C", "two blocs: A and B".
LIST_INTRODUCERS = {":", "-", "–", "—"}
# Prepositions that open an example list after a generic noun: "organisations, including A and B", "bodies such as A".
EXAMPLE_PREPS = {"including", "include", "like", "as", "namely"}
# Dependencies through which a participle or infinitive shares the subject of the clause it hangs on.
SHARED_SUBJECT_DEPS = {"advcl", "xcomp", "conj", "pcomp", "prep"}
# Heads that turn a pattern into a denial or an attempt.
DENYING_HEADS = {"attempt", "try", "seek", "fail", "refuse", "want", "wish", "plan", "intend", "hope", "aim", "deny", "reject", "apply"}

# Verbs of serving "as" a venue: "Y served as the venue for E".
SERVE_AS_VERBS = ["serve", "act", "function"]
# Place nouns a "host" modifies: "Y was the host city of E" (a venue: held_in only).
HOST_PLACE_NOUNS = ["city", "town", "country", "nation", "state", "capital", "venue", "place", "region", "island"]
# Verbs of meeting somewhere for an event: "delegates met in Y for E".
MEET_VERBS = ["meet", "gather", "assemble", "convene", "reconvene"]
# Event words the tagger reads as verbs when they open a name: "The field exercise E was held in Y".
EXERCISE_VERBS = ["exercise", "drill"]
# Head words of named events that an organisation's "of" may follow: "the Sahel Water Forum of X".
EVENT_NAME_HEADS = ["forum", "summit", "conference", "congress", "assembly", "session", "meeting", "games", "exercise", "exercises", "dialogue",
                    "festival", "convention", "symposium"]
# Subordination: "B reports to X", "B is accountable to X".
REPORT_VERBS = ["report", "answer", "subordinate", "attach"]
SUBORDINATE_ADJECTIVES = ["subordinate", "accountable", "answerable", "attached", "responsible"]
# Verbs of counting a state "as" a member or observer: "X counts A as an observer".
COUNT_AS_VERBS = ["count", "have", "list", "name", "regard", "consider", "recognise", "recognize", "designate"]


@dataclass(frozen=True)
class Output:
    """One relation a construction states: its label and the nodes that are head and tail."""

    label: str
    head: str
    tail: str
    head_labels: frozenset[str] | None = None  # restrict the head's entity label (e.g. only organisations "host" as participants)
    # The head node is a verb and the argument is its clause's subject, shared with the clause it hangs on
    # ("A became known, having received observer status at X": A).
    head_is_clause_subject: bool = False
    # The head is the list in brackets or after a colon right after the tail ("the observers of X (A, B and C)"): read
    # off the text, not the parse, which hangs such lists anywhere.
    list_after_tail: bool = False
    # The tail node is a verb whose object is left out ("Moldova joined in 1998"): the verb stands for an earlier mention,
    # and the match holds only when the verb has no object of its own.
    tail_elided: bool = False


def _node(node_id: str, **attrs: Any) -> dict[str, Any]:
    return {"RIGHT_ID": node_id, "RIGHT_ATTRS": attrs}


def _edge(left: str, op: str, right: str, **attrs: Any) -> dict[str, Any]:
    return {"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": right, "RIGHT_ATTRS": attrs}


def _in(*words: str) -> dict[str, list[str]]:
    return {"IN": list(words)}


SUBJECT = _in("nsubj", "nsubjpass")
OBJECT = _in("dobj", "pobj", "attr", "oprd")


def _noun_phrase_patterns(nouns: list[str], modified_heads: list[str] | None, modifiers: list[str] | None, org_preps: list[str],
                          field_first: bool = False) -> list[list[dict]]:
    """Patterns for "<noun> <prep> ORG" or "ORG's <noun>" with the member ("m") attached in any of the usual ways.

    Nodes: ``np`` the relation noun, ``org`` the organisation, ``m`` the member.
    """
    heads = [[_node("np", LEMMA=_in(*nouns))]]
    if modified_heads:
        heads.append([_node("np", LEMMA=_in(*modified_heads)), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA=_in(*modifiers))])
    orgs = [
        [_edge("np", ">", "prep", DEP="prep", LOWER=_in(*org_preps)), _edge("prep", ">", "org", DEP="pobj")],
        # "X's members", "the X member states" (X a name, not a word such as "member")
        # "its members" too: the pronoun stands for the nearest preceding organisation (candidates' paragraph case)
        [_edge("np", ">", "org", DEP=_in("poss", "compound", "nmod"), POS=_in("PROPN", "PRON"))],
        # "X has two observers, A and B"; "X gained new members: A and B"
        [_edge("np", "<", "have", LEMMA=_in("have", "gain", "count", "include", "welcome", "list", "number")), _edge("have", ">", "org", DEP="nsubj")],
    ]
    if field_first:
        # "a lecturer in international relations at O": the field first, the organisation hanging on it
        orgs.append([_edge("np", ">", "field", DEP="prep", LOWER=_in("in", "of", "on")), _edge("field", ">", "topic", DEP="pobj", POS="NOUN"),
                     _edge("topic", ">", "prep", DEP="prep", LOWER=_in("at", "with")), _edge("prep", ">", "org", DEP="pobj")])
    # "the X member states": X may hang on "member" instead of "states"
    mod_orgs = [_edge("mod", ">", "org", DEP=_in("compound", "nmod", "poss"), POS="PROPN")]
    # an acronym the tagger reads as a common noun ("the ECCAS member states")
    acronym_mod_orgs = [_edge("mod", ">", "org", DEP=_in("compound", "nmod"), POS="NOUN", IS_UPPER=True, LENGTH={">=": 2})]
    # (extra attributes of np, edges): how the member attaches to the noun phrase.
    members = [
        # A is (a) member of X; A became a member of X
        ({}, [_edge("np", "<", "verb", POS=_in("VERB", "AUX")), _edge("verb", ">", "m", DEP=SUBJECT)]),
        # A, a member of X
        ({"DEP": "appos"}, [_edge("np", "<", "m")]),
        # the members of X are A, B and C / X's members include A and B
        ({}, [_edge("np", "<", "verb", LEMMA=_in("be", "include", "comprise", "remain", "number")), _edge("verb", ">", "m", DEP=_in("attr", "dobj", "oprd"))]),
        # the member states A and B; founding members, A and B
        ({}, [_edge("np", ">", "m", DEP="appos")]),
        # A's membership in X
        ({}, [_edge("np", ">", "m", DEP="poss")]),
        # A, which is a member of X
        ({}, [_edge("np", "<", "verb", DEP="relcl"), _edge("verb", ">", "wh", DEP="nsubj", LOWER=_in("which", "that", "who")), _edge("verb", "<", "m")]),
        # A is one of the (nine) members of X
        ({"DEP": "pobj"}, [_edge("np", "<", "ofp", LOWER=_in("of", "among")), _edge("ofp", "<", "one", LOWER=_in("one", "each", "some")),
                           _edge("one", "<", "verb", POS=_in("VERB", "AUX")), _edge("verb", ">", "m", DEP=SUBJECT)]),
    ]
    out = []
    for head in heads:
        for k, org in enumerate(orgs + ([mod_orgs, acronym_mod_orgs] if len(head) > 1 else [])):
            for np_attrs, member in members:
                if k == 1 and member[-1]["RIGHT_ATTRS"].get("DEP") == "poss":
                    continue  # "X's membership" and "A's membership" cannot both be the possessor
                if k == 2 and member[-1]["RIGHT_ATTRS"].get("DEP") != "appos" or k != 0 and member[0]["RIGHT_ATTRS"].get("DEP") == "relcl":
                    continue  # "X has observers, A and B": only the apposition names them
                first = {"RIGHT_ID": "np", "RIGHT_ATTRS": {**head[0]["RIGHT_ATTRS"], **np_attrs}}
                out.append([first, *head[1:], *org, *member])
    return out


def _status_list_patterns(nouns: list[str]) -> list[list[dict]]:
    """Lists of members (or observers) named around the organisation: "X counts A and B among its members", "X, of which A
    became a member, ...", "X has four members: A, B, C and D", "X has the following observers: A and B".

    Nodes: ``m`` the member (in the last variant the status noun itself, which stands for the list it introduces), ``org``.
    """
    return [
        [_node("verb", LEMMA=_in("count", "list", "number", "include", "name")), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj"),
         _edge("verb", ">", "among", DEP="prep", LOWER="among"), _edge("among", ">", "np", DEP="pobj", LEMMA=_in(*nouns))],
        [_node("verb", LEMMA=_in("be", "become", "remain"), DEP="relcl"), _edge("verb", ">", "of", DEP="prep", LOWER=_in("of", "in", "to")),
         _edge("of", ">", "org", DEP="pobj", LOWER="which"), _edge("verb", ">", "np", DEP="attr", LEMMA=_in(*nouns)), _edge("verb", ">", "m", DEP="nsubj")],
        [_node("m", LEMMA=_in(*nouns), DEP="dobj"), _edge("m", "<", "verb", LEMMA=_in("have", "include", "count", "comprise", "gain", "welcome", "list", "number")),
         _edge("verb", ">", "org", DEP="nsubj")],
    ]


def _as_observer_nodes() -> list[list[dict]]:
    """The ``obs`` node after "as": "as an observer", "as observer states"."""
    return [[_edge("as", ">", "obs", DEP="pobj", LEMMA=_in(*OBSERVER_NOUNS))],
            [_edge("as", ">", "obs", DEP="pobj", LEMMA=_in("state", "country", "nation", "member", "organization", "organisation")),
             _edge("obs", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer")]]


def _event_verb_patterns(verbs: list[str], preps: list[str], object_word: str | None = None) -> list[list[dict]]:
    """"EVENT was held in/on Y", "EVENT, held in Y", "EVENT, which took place in Y", and "on a range in Y".

    Nodes: ``ev`` the event, ``verb``, ``y`` the place or date.
    """
    links = [
        [_node("verb", LEMMA=_in(*verbs)), _edge("verb", ">", "ev", DEP=SUBJECT)],
        [_node("verb", LEMMA=_in(*verbs), DEP=_in("acl", "relcl")), _edge("verb", "<", "ev")],
    ]
    extra = [_edge("verb", ">", "obj", DEP="dobj", LOWER=object_word)] if object_word else []
    places = [
        [_edge("verb", ">", "prep", DEP="prep", LOWER=_in(*preps)), _edge("prep", ">", "y", DEP="pobj")],
        # "on a range in REGION", "at the Serena Conference Centre in Kampala"
        [_edge("verb", ">", "prep", DEP="prep", LOWER=_in("on", "at", "in")), _edge("prep", ">", "site", DEP="pobj", POS=_in("NOUN", "PROPN")),
         _edge("site", ">", "prep2", DEP="prep", LOWER=_in("in", "of", "near")), _edge("prep2", ">", "y", DEP="pobj")],
    ]
    return [[*link, *extra, *place] for link in links for place in places]


def _participation_patterns() -> list[list[dict]]:
    """"A took part / participated in E", "A attended E", "E, in which A took part", "E, where A took part". Nodes ``a``, ``ev``."""
    verbs = [
        [_node("verb", LEMMA="take"), _edge("verb", ">", "part", DEP="dobj", LOWER="part")],
        [_node("verb", LEMMA=_in(*PARTICIPATE_VERBS))],
    ]
    out = []
    for verb in verbs:
        out.append([*verb, _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "prep", DEP="prep", LOWER=_in("in", "at")),
                    _edge("prep", ">", "ev", DEP="pobj")])
        # A took part in E alongside B / along with B / together with B: B takes part too
        for companion in ([_edge("verb", ">", "with", DEP="prep", LOWER=_in("alongside", "with"))],
                          [_edge("verb", ">", "along", DEP=_in("prep", "advmod"), LOWER=_in("along", "together")), _edge("along", ">", "with", DEP="prep", LOWER="with")]):
            out.append([*verb, _edge("verb", ">", "prep", DEP="prep", LOWER=_in("in", "at")), _edge("prep", ">", "ev", DEP="pobj"), *companion,
                        _edge("with", ">", "a", DEP="pobj", POS="PROPN")])
        # E, in which A took part
        relcl = [dict(verb[0], RIGHT_ATTRS={**verb[0]["RIGHT_ATTRS"], "DEP": "relcl"}), *verb[1:]]
        out.append([*relcl, _edge("verb", "<", "ev"), _edge("verb", ">", "a", DEP=SUBJECT),
                    _edge("verb", ">", "prep", DEP="prep", LOWER=_in("in", "at")), _edge("prep", ">", "wh", DEP="pobj", LOWER=_in("which", "whom"))])
        # E, where A took part
        out.append([*relcl, _edge("verb", "<", "ev"), _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "wh", LOWER="where")])
        # E was held in X, where A took part
        out.append([*relcl, _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "wh", LOWER="where"), _edge("verb", "<", "place", DEP="pobj"),
                    _edge("place", "<", "in", DEP="prep"), _edge("in", "<", "held", LEMMA=_in(*HOLD_VERBS, "take")), _edge("held", ">", "ev", DEP=SUBJECT)])
        # E, held in X on D, in which A took part: the relative clause parsed as hanging on the place or the date
        out.append([*relcl, _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "prep", DEP="prep", LOWER=_in("in", "at")),
                    _edge("prep", ">", "wh", DEP="pobj", LOWER=_in("which", "whom")), _edge("verb", "<", "place", DEP="pobj"),
                    _edge("place", "<", "in", DEP="prep"), _edge("in", "<", "held", LEMMA=_in(*HOLD_VERBS), DEP="acl"), _edge("held", "<", "ev")])
        # E was held in X, where A took part: the "where" clause parsed as hanging on the verb
        advcl = [dict(verb[0], RIGHT_ATTRS={**verb[0]["RIGHT_ATTRS"], "DEP": "advcl"}), *verb[1:]]
        out.append([*advcl, _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "wh", LOWER="where"),
                    _edge("verb", "<", "held", LEMMA=_in(*HOLD_VERBS, "take")), _edge("held", ">", "ev", DEP=SUBJECT)])
    out.append([_node("verb", LEMMA=_in(*ATTEND_VERBS)), _edge("verb", ">", "a", DEP=SUBJECT), _edge("verb", ">", "ev", DEP="dobj")])
    # E was attended by A and B; E, attended by A and B, ...
    attended_by = [_edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "a", DEP="pobj")]
    out.append([_node("verb", LEMMA=_in("attend")), _edge("verb", ">", "ev", DEP="nsubjpass"), *attended_by])
    out.append([_node("verb", LEMMA=_in("attend"), DEP="acl"), _edge("verb", "<", "ev"), *attended_by])
    # the participation of A in E; E with the participation of A
    out.append([_node("np", LEMMA=_in("participation", "involvement")), _edge("np", ">", "p1", DEP="prep", LOWER=_in("of", "by")),
                _edge("p1", ">", "a", DEP="pobj"), _edge("np", ">", "p2", DEP="prep", LOWER=_in("in", "at")), _edge("p2", ">", "ev", DEP="pobj")])
    out.append([_node("np", LEMMA=_in("participation", "involvement")), _edge("np", ">", "p1", DEP="prep", LOWER=_in("of", "by")),
                _edge("p1", ">", "a", DEP="pobj"), _edge("np", "<", "with", LOWER="with"), _edge("with", "<", "ev")])
    # E was hosted by X with the participation of A: "with" on the verb whose subject is the event
    out.append([_node("np", LEMMA=_in("participation", "involvement")), _edge("np", ">", "p1", DEP="prep", LOWER=_in("of", "by")),
                _edge("p1", ">", "a", DEP="pobj"), _edge("np", "<", "with", LOWER="with"), _edge("with", "<", "verb", POS="VERB"),
                _edge("verb", ">", "ev", DEP=SUBJECT)])
    # A's participation in E
    out.append([_node("np", LEMMA=_in("participation", "involvement")), _edge("np", ">", "a", DEP="poss"),
                _edge("np", ">", "p2", DEP="prep", LOWER=_in("in", "at")), _edge("p2", ">", "ev", DEP="pobj")])
    # E saw / featured the participation of A
    out.append([_node("np", LEMMA=_in("participation", "involvement"), DEP="dobj"), _edge("np", ">", "p1", DEP="prep", LOWER=_in("of", "by")),
                _edge("p1", ">", "a", DEP="pobj"), _edge("np", "<", "verb", LEMMA=_in(*WITNESS_VERBS)), _edge("verb", ">", "ev", DEP="nsubj")])
    # Among the participants of E were A and B
    out.append([_node("verb", LEMMA="be"), _edge("verb", ">", "among", DEP="prep", LOWER="among"),
                _edge("among", ">", "np", DEP="pobj", LEMMA=_in(*PARTICIPANT_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in", "at")),
                _edge("of", ">", "ev", DEP="pobj"), _edge("verb", ">", "a", DEP=_in("nsubj", "attr"))])
    # E, whose participants included A and B
    out.append([_node("verb", LEMMA=_in("include", "be", "comprise", "number"), DEP="relcl"), _edge("verb", "<", "ev"),
                _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*PARTICIPANT_NOUNS)), _edge("np", ">", "whose", LOWER="whose"),
                _edge("verb", ">", "a", DEP=_in("dobj", "attr"))])
    # As a participant in E, A pledged ...
    out.append([_node("np", LEMMA=_in(*PARTICIPANT_NOUNS), DEP="pobj"), _edge("np", "<", "as", DEP="prep", LOWER="as"), _edge("as", "<", "verb", POS="VERB"),
                _edge("np", ">", "in", DEP="prep", LOWER=_in("in", "at", "of")), _edge("in", ">", "ev", DEP="pobj"), _edge("verb", ">", "a", DEP="nsubj")])
    # A and B were represented at E
    out.append([_node("verb", LEMMA="represent"), _edge("verb", ">", "a", DEP="nsubjpass"), _edge("verb", ">", "at", DEP="prep", LOWER=_in("at", "in")),
                _edge("at", ">", "ev", DEP="pobj")])
    # A and B sent delegations / troops to E ("to" on the verb or on the noun)
    for to_parent in ("verb", "np"):
        out.append([_node("verb", LEMMA=_in(*SEND_VERBS)), _edge("verb", ">", "a", DEP="nsubj"),
                    _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*FORCE_NOUNS, *DELEGATION_NOUNS)),
                    _edge(to_parent, ">", "to", DEP=_in("prep", "dative"), LOWER=_in("to", "for")), _edge("to", ">", "ev", DEP="pobj")])
    return out


def _admitted_as(nouns: list[str]) -> list[list[dict]]:
    """"A was admitted as a member of X", "A and B were admitted as observers to X", "X admitted A as an observer"; and without X.

    Nodes: ``m``, ``verb``, ``np`` the status noun, ``org`` (absent in the last variant: the organisation is elided).
    """
    core = [_node("verb", LEMMA=_in("admit", "accept", "invite", "welcome")), _edge("verb", ">", "as", DEP="prep", LOWER="as"),
            _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*nouns))]
    subjects = [[_edge("verb", ">", "m", DEP="nsubjpass")], [_edge("verb", ">", "m", DEP="dobj"), _edge("verb", ">", "org", DEP="nsubj")]]
    orgs = [[_edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in", "to", "at")), _edge("of", ">", "org", DEP="pobj")],
            [_edge("verb", ">", "to", DEP="prep", LOWER=_in("to", "into")), _edge("to", ">", "org", DEP="pobj")]]
    return [[*core, *subjects[0], *org] for org in orgs] + [[*core, *subjects[1]], [*core, *subjects[0]]]


def _founding_document_patterns() -> list[list[dict]]:
    """Signatories of a document that founds an organisation. Nodes: ``m`` a signatory, ``doc`` the document, ``org``."""
    founds_org = [_edge("doc", ">", "found", DEP=_in("acl", "relcl"), LEMMA=_in(*FOUND_VERBS)), _edge("found", ">", "org", DEP="dobj")]
    signed_by = [_edge("sign", ">", "by", DEP="agent"), _edge("by", ">", "m", DEP="pobj")]
    return [
        # A and B signed the treaty establishing X / that established X
        [_node("sign", LEMMA=_in(*SIGN_VERBS)), _edge("sign", ">", "m", DEP="nsubj"),
         _edge("sign", ">", "doc", DEP="dobj", LEMMA=_in(*FOUNDING_DOCUMENT_NOUNS)), *founds_org],
        # the treaty establishing X was signed by A and B
        [_node("sign", LEMMA=_in(*SIGN_VERBS)), _edge("sign", ">", "doc", DEP="nsubjpass", LEMMA=_in(*FOUNDING_DOCUMENT_NOUNS)), *founds_org, *signed_by],
        # A and B signed the founding charter of X
        [_node("sign", LEMMA=_in(*SIGN_VERBS)), _edge("sign", ">", "m", DEP="nsubj"),
         _edge("sign", ">", "doc", DEP="dobj", LEMMA=_in(*FOUNDING_DOCUMENT_NOUNS)),
         _edge("doc", ">", "mod", DEP=_in("amod", "compound"), LEMMA=_in(*FOUNDING_MODIFIERS)),
         _edge("doc", ">", "of", DEP="prep", LOWER=_in("of", "on")), _edge("of", ">", "org", DEP="pobj")],
        # X was created by / under the treaty of ..., signed by A and B ("signed" on the document or on the verb)
        *[[_node("found", LEMMA=_in(*FOUND_VERBS)), _edge("found", ">", "org", DEP="nsubjpass"),
           _edge("found", ">", "via", DEP=_in("agent", "prep"), LOWER=_in("by", "under", "through", "with")),
           _edge("via", ">", "doc", DEP="pobj", LEMMA=_in(*FOUNDING_DOCUMENT_NOUNS)),
           _edge(parent, ">", "sign", DEP=_in("acl", "advcl", "relcl"), LEMMA=_in(*SIGN_VERBS)), *signed_by]
          for parent in ("doc", "found")],
    ]


def has_object(verb: Any) -> bool:
    """The verb (or its "as" noun) names what was joined: "joined X", "acceded to X", "admitted as a member of X"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or child.dep_ == "prep" and child.lower_ in ("to", "into"):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            if any(p.dep_ == "prep" and p.lower_ in ("of", "in", "to", "at") and any(o.pos_ == "PROPN" for o in p.children)
                   for n in child.children for p in n.children):
                return True
        if child.dep_ == "nsubj" and verb.lemma_.lower() in ("admit", "accept", "invite", "welcome"):
            return True  # "X admitted A as a member": X is the organisation
    return False


ELIDING_VERBS = frozenset({*JOIN_VERBS, "accede", "admit", "accept", "invite", "welcome"})


def elided_object(verb: Any) -> bool:
    """A verb of joining whose organisation is left out ("Moldova joined in 1998", "Malta was admitted as a full member")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ELIDING_VERBS and not has_object(verb) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN") for c in verb.children)


def elided_event(verb: Any) -> bool:
    """A verb of taking part whose event is left out ("A, B and C took part", "D participated", "E attended"): the event named before."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at") or c.dep_ == "dobj" and c.lower_ != "part" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    return lemma in PARTICIPATE_VERBS or lemma == "attend" or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)


# Where the organisation stands to a verb of composition: its passive subject ("X is made up of"), the noun a participle
# hangs on ("X, made up of"), or its subject when the parser reads the participle as the main verb ("X, made up of A, met").
COMPOSED_ORG = [({}, _edge("verb", ">", "org", DEP=_in("nsubjpass", "nsubj"))), ({"DEP": "acl"}, _edge("verb", "<", "org"))]


def _build() -> dict[str, tuple[list[Output], list[list[dict]]]]:
    member = [Output("member_of", "m", "org")]
    constructions: dict[str, tuple[list[Output], list[list[dict]]]] = {
        # "A, B and C are members of X", "A, a member of X", "the X member states are A, B", "founding members A and B", "A's membership in X"
        "member_noun": (member, _noun_phrase_patterns(MEMBER_NOUNS, MEMBER_HEADS, MEMBER_MODIFIERS, ["of", "in", "within", "to"])
                        + _status_list_patterns(MEMBER_NOUNS)),
        # "the member states of X – A, B and C –": the list set off after the organisation (checked in ``find``)
        "members_listed_after": (member, [
            [_node("np", LEMMA=_in(*MEMBER_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in")), _edge("of", ">", "org", DEP="pobj"),
             _edge("org", ">", "m", DEP="appos")],
            [_node("np", LEMMA=_in(*MEMBER_HEADS)), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA=_in(*MEMBER_MODIFIERS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in")), _edge("of", ">", "org", DEP="pobj"), _edge("org", ">", "m", DEP="appos")],
        ]),
        # "A and B are among the founders of X": founding counts as membership (guidelines §3); a person founds a company, not
        # as its member
        "founder_noun": ([Output("member_of", "m", "org", frozenset({"LOC", "ORG"}))],
                         _noun_phrase_patterns(["founder", "co-founder", "cofounder"], None, None, ["of"])
                         + [[_node("verb", LEMMA="be"), _edge("verb", ">", "among", DEP="prep", LOWER="among"),
                             _edge("among", ">", "np", DEP="pobj", LEMMA=_in("founder", "co-founder", "cofounder")),
                             _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "org", DEP="pobj"), _edge("verb", ">", "m", DEP=_in("nsubj", "attr"))]]),
        # "X, whose members include A and B"
        "whose_members": (member, [[
            _node("verb", LEMMA=_in("include", "be", "comprise", "number"), DEP="relcl"), _edge("verb", "<", "org"),
            _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*MEMBER_NOUNS, *MEMBER_HEADS)), _edge("np", ">", "whose", LOWER="whose"),
            _edge("verb", ">", "m", DEP=_in("dobj", "attr")),
        ]]),
        # "X unites A, B and C", "X brings together A and B", "X comprises A"; an event that gathers them has them as participants
        "gathers": ([Output("member_of", "m", "org"), Output("participant_in", "m", "org")], [
            [_node("verb", LEMMA=_in(*GATHER_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj")],
            [_node("verb", LEMMA=_in(*GATHER_VERBS), DEP=_in("relcl", "acl")), _edge("verb", "<", "org"), _edge("verb", ">", "m", DEP="dobj"),
             _edge("verb", ">", "wh", DEP="nsubj", LOWER=_in("which", "that"))],
            # "X, comprising A, B and C, ..."
            [_node("verb", LEMMA=_in(*GATHER_VERBS), DEP="acl"), _edge("verb", "<", "org"), _edge("verb", ">", "m", DEP="dobj")],
            [_node("verb", LEMMA="consist"), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "of", DEP="prep", LOWER="of"),
             _edge("of", ">", "m", DEP="pobj")],
            # "X is made up of A and B", "X is composed of A and B", "X, made up of A and B, ..."
            *[[_node("verb", LEMMA="make", **dep), _edge("verb", ">", "up", DEP="prt", LOWER="up"), org,
               _edge("verb", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "m", DEP="pobj")] for dep, org in COMPOSED_ORG],
            *[[_node("verb", LEMMA="compose", **dep), org, _edge("verb", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "m", DEP="pobj")]
              for dep, org in COMPOSED_ORG],
            # "X expanded to include A and B"
            [_node("verb", LEMMA=_in(*GATHER_VERBS), DEP=_in("advcl", "xcomp")), _edge("verb", ">", "m", DEP="dobj"),
             _edge("verb", "<", "main", LEMMA=_in("expand", "grow", "enlarge", "widen", "extend", "come")), _edge("main", ">", "org", DEP="nsubj")],
        ]),
        # "A joined X", "A acceded to X", "A was admitted to X", "A's accession to X"
        "joined": ([Output("member_of", "m", "org"), Output("participant_in", "m", "org")], [
            [_node("verb", LEMMA=_in(*JOIN_VERBS)), _edge("verb", ">", "m", DEP="nsubj"), _edge("verb", ">", "org", DEP="dobj")],
            [_node("verb", LEMMA=_in(*ACCEDE_VERBS)), _edge("verb", ">", "m", DEP=SUBJECT), _edge("verb", ">", "to", DEP="prep", LOWER=_in("to", "into", "in")),
             _edge("to", ">", "org", DEP="pobj")],
            # founding counts as membership (guidelines §3): "A, B and C formed X"
            [_node("verb", LEMMA=_in(*FOUND_VERBS)), _edge("verb", ">", "m", DEP="nsubj"), _edge("verb", ">", "org", DEP="dobj")],
            # "X was joined by A and B"; "X admitted A" (as a member: "as an observer" is dropped in ``find``)
            [_node("verb", LEMMA=_in(*JOIN_VERBS)), _edge("verb", ">", "org", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "m", DEP="pobj")],
            [_node("verb", LEMMA="admit"), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj")],
            # "A was the last country to join X"
            [_node("verb", LEMMA=_in(*JOIN_VERBS), DEP=_in("relcl", "acl")), _edge("verb", ">", "org", DEP="dobj"), _edge("verb", "<", "noun", DEP="attr"),
             _edge("noun", "<", "be", LEMMA=_in("be", "become")), _edge("be", ">", "m", DEP="nsubj")],
            # "A joined X in 2009, followed by B": the next to join
            [_node("verb", LEMMA=_in(*JOIN_VERBS)), _edge("verb", ">", "org", DEP="dobj"), _edge("verb", ">", "fol", DEP=_in("advcl", "conj"), LEMMA="follow"),
             _edge("fol", ">", "by", DEP="agent"), _edge("by", ">", "m", DEP="pobj")],
            [_node("verb", LEMMA=_in(*ACCEDE_VERBS)), _edge("verb", ">", "to", DEP="prep", LOWER=_in("to", "into")), _edge("to", ">", "org", DEP="pobj"),
             _edge("verb", ">", "fol", DEP=_in("advcl", "conj"), LEMMA="follow"), _edge("fol", ">", "by", DEP="agent"), _edge("by", ">", "m", DEP="pobj")],
            # "A and B make up X"
            [_node("verb", LEMMA="make"), _edge("verb", ">", "up", DEP="prt", LOWER="up"), _edge("verb", ">", "m", DEP="nsubj"), _edge("verb", ">", "org", DEP="dobj")],
            [_node("np", LEMMA=_in(*ACCESSION_NOUNS)), _edge("np", ">", "m", DEP="poss"), _edge("np", ">", "to", DEP="prep", LOWER=_in("to", "into", "in")),
             _edge("to", ">", "org", DEP="pobj")],
            [_node("np", LEMMA=_in(*ACCESSION_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "m", DEP="pobj"),
             _edge("np", ">", "to", DEP="prep", LOWER=_in("to", "into", "in")), _edge("to", ">", "org", DEP="pobj")],
        ]),
        # "X was founded by A, B and C": founding counts as membership (guidelines §3)
        # (states found a body they belong to; a person who founds a company is its founder, and an organisation that
        # establishes a body is its parent, part_of: "the Tribunal was established by the Community")
        "founded_by": ([Output("member_of", "m", "org", frozenset({"LOC"}))], [
            [_node("verb", LEMMA=_in(*FOUND_VERBS)), _edge("verb", ">", "org", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "m", DEP="pobj")],
            # "X, created by A and B in 1989, ..."
            [_node("verb", LEMMA=_in(*FOUND_VERBS), DEP="acl"), _edge("verb", "<", "org"), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "m", DEP="pobj")],
        ]),
        # The signatories of a document that founds X are its founders (guidelines §3: founding counts as membership):
        # "A and B signed the treaty establishing X", "the treaty that created X was signed by A and B",
        # "X was created by the treaty of ..., signed by A and B", "A and B signed the founding charter of X"
        "founding_document": ([Output("member_of", "m", "org", frozenset({"LOC", "ORG"}))], _founding_document_patterns()),
        # "A was admitted as a member of X", "A was admitted as a full member" (X named before: the object is elided)
        "admitted_as_member": ([Output("member_of", "m", "org"), Output("member_of", "m", "verb", tail_elided=True)], _admitted_as(MEMBER_NOUNS)),
        "admitted_as_observer": ([Output("observer_of", "m", "org"), Output("observer_of", "m", "verb", tail_elided=True)], _admitted_as(OBSERVER_NOUNS)),
        # "A joined in 1998", "A acceded in 2004": the organisation is the one named before
        "joined_elided": ([Output("member_of", "m", "verb", tail_elided=True)], [
            [_node("verb", LEMMA=_in(*JOIN_VERBS, "accede"), POS="VERB"), _edge("verb", ">", "m", DEP="nsubj", POS=_in("PROPN", "NOUN"))],
        ]),
        # "A, B and C took part", "D participated", "E attended": the event is the one named before (candidates' paragraph case)
        "took_part_elided": ([Output("participant_in", "a", "verb", tail_elided=True)], [
            [_node("verb", LEMMA="take", POS="VERB"), _edge("verb", ">", "part", DEP="dobj", LOWER="part"), _edge("verb", ">", "a", DEP="nsubj")],
            [_node("verb", LEMMA=_in(*PARTICIPATE_VERBS, "attend"), POS="VERB"), _edge("verb", ">", "a", DEP="nsubj")],
        ]),
        # "Among the members of X are A and B", "Among the bodies with observer status in X are A and B"
        "among_members": (member, [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "among", DEP="prep", LOWER="among"), _edge("among", ">", "np", DEP="pobj", LEMMA=_in(*MEMBER_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in")), _edge("of", ">", "org", DEP="pobj"), _edge("verb", ">", "m", DEP=_in("nsubj", "attr"))],
        ]),
        "among_observers": ([Output("observer_of", "m", "org")], [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "among", DEP="prep", LOWER="among"), _edge("among", ">", "np", DEP="pobj", LEMMA=_in(*OBSERVER_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in", "at", "to")), _edge("of", ">", "org", DEP="pobj"), _edge("verb", ">", "m", DEP=_in("nsubj", "attr"))],
            [_node("verb", LEMMA="be"), _edge("verb", ">", "among", DEP="prep", LOWER="among"), _edge("among", ">", "np", DEP="pobj"),
             _edge("np", ">", "with", DEP="prep", LOWER="with"), _edge("with", ">", "st", DEP="pobj", LEMMA=_in("status", "observership")),
             _edge("st", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"),
             _edge("st", ">", "in", DEP="prep", LOWER=_in("in", "at", "of", "to", "with")), _edge("in", ">", "org", DEP="pobj"),
             _edge("verb", ">", "m", DEP=_in("nsubj", "attr"))],
        ]),
        # "E was held in CITY, with A, B and C taking part": the absolute "with" clause names the event's participants
        "with_taking_part": ([Output("participant_in", "a", "ev")], [
            [_node("main", POS=_in("VERB", "AUX")), _edge("main", ">", "ev", DEP=SUBJECT), _edge("main", ">", "with", DEP="prep", LOWER="with"),
             _edge("with", ">", "tk", DEP=_in("pcomp", "pobj", "advcl"), LEMMA="take"), _edge("tk", ">", "part", DEP="dobj", LOWER="part"),
             _edge("tk", ">", "a", DEP="nsubj")],
            [_node("main", POS=_in("VERB", "AUX")), _edge("main", ">", "ev", DEP=SUBJECT), _edge("main", ">", "with", DEP="prep", LOWER="with"),
             _edge("with", ">", "tk", DEP=_in("pcomp", "pobj", "advcl"), LEMMA=_in(*PARTICIPATE_VERBS)), _edge("tk", ">", "a", DEP="nsubj")],
        ]),
        # "A has observer status in X", "A, an observer of X", "the observer states A and B"
        "observer_noun": ([Output("observer_of", "m", "org")],
                          _noun_phrase_patterns(OBSERVER_NOUNS, ["status", "state", "country", "nation"], ["observer"], ["of", "in", "at", "to", "with"])
                          + [[_node("np", LEMMA="status"), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"),
                              _edge("np", "<", "verb", LEMMA=_in("have", "hold", "receive", "get", "obtain", "gain", "acquire", "enjoy", "retain")),
                              _edge("verb", ">", "m", DEP="nsubj"), _edge("np", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with", "of")),
                              _edge("prep", ">", "org", DEP="pobj")],
                             # "A obtained observer status in X" with "in X" on the verb
                             [_node("np", LEMMA=_in("status", "observership")), _edge("np", "<", "verb", LEMMA=_in("have", "hold", "receive", "get", "obtain", "gain", "acquire", "enjoy", "retain")),
                              _edge("verb", ">", "m", DEP="nsubj"), _edge("verb", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with")),
                              _edge("prep", ">", "org", DEP="pobj")]]),
        # "A sits / participates as an observer in X", "A joined X as an observer" (not as a member)
        "as_observer": ([Output("observer_of", "m", "org")], [
            [_node("verb", LEMMA=_in(*AS_OBSERVER_VERBS)), _edge("verb", ">", "as", DEP="prep", LOWER="as"), *obs,
             _edge(org_parent, ">", "in", DEP="prep", LOWER=_in("in", "at", "of", "to", "with")), _edge("in", ">", "org", DEP="pobj"), _edge("verb", ">", "m", DEP="nsubj")]
            for org_parent in ("obs", "verb") for obs in _as_observer_nodes()
        ] + [[_node("verb", LEMMA=_in(*JOIN_VERBS)), _edge("verb", ">", "as", DEP="prep", LOWER="as"), *obs,
              _edge("verb", ">", "org", DEP="dobj"), _edge("verb", ">", "m", DEP="nsubj")] for obs in _as_observer_nodes()]
          # "A attends the sessions of X as an observer"
          # ("as" on the verb or on its object)
          + [[_node("verb", LEMMA=_in(*AS_OBSERVER_VERBS)), _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*SESSION_NOUNS)),
              _edge(as_parent, ">", "as", DEP="prep", LOWER="as"), *obs, _edge("np", ">", "of", DEP="prep", LOWER="of"),
              _edge("of", ">", "org", DEP="pobj"), _edge("verb", ">", "m", DEP="nsubj")] for obs in _as_observer_nodes() for as_parent in ("verb", "np")]),
        "observer_list": ([Output("observer_of", "m", "org")], _status_list_patterns(OBSERVER_NOUNS)),
        # "observer status in X was granted to A", "X granted A observer status"
        "granted_status": ([Output("observer_of", "m", "org")], [
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "np", DEP=_in("nsubjpass", "dobj"), LEMMA=_in("status", "observership", "observer")),
             _edge("np", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with", "of")), _edge("prep", ">", "org", DEP="pobj"),
             _edge("verb", ">", "to", DEP=_in("prep", "dative"), LOWER="to"), _edge("to", ">", "m", DEP="pobj")],
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "np", DEP="dobj", LEMMA=_in("status", "observership", "observer")),
             _edge("np", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with", "of")), _edge("prep", ">", "org", DEP="pobj"),
             _edge("verb", ">", "m", DEP=_in("dative", "iobj"))],
            # "X granted observer status to A, B and C", "X granted A observer status": the granting organisation's status
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "np", DEP="dobj", LEMMA="status"),
             _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"),
             _edge("verb", ">", "to", DEP=_in("prep", "dative"), LOWER="to"), _edge("to", ">", "m", DEP="pobj")],
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "np", DEP="dobj", LEMMA="status"),
             _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"), _edge("verb", ">", "m", DEP=_in("dative", "iobj"))],
        ]),
        # "X is a body of Y", "X, a division of Y", "Y's branch X"
        "part_noun": ([Output("part_of", "m", "org")], _noun_phrase_patterns(PART_NOUNS, None, None, ["of", "within", "under"])),
        # "the X summit in CITY", "the meeting in CITY on DATE", "University in CITY", "Khanabad in Uzbekistan"
        "in_place": ([Output("held_in", "x", "y"), Output("located_in", "x", "y"), Output("held_on", "x", "y"), Output("part_of", "x", "y")], [
            [_node("x", POS=_in("PROPN", "NOUN")), _edge("x", ">", "prep", DEP="prep", LOWER=_in(*IN_PREPS, "on", "during")), _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "E was held in CITY", "E, held in CITY on DATE", "E took place in Y", "exercises on a range in REGION"
        "held_verb": ([Output("held_in", "ev", "y"), Output("held_on", "ev", "y")],
                      _event_verb_patterns(HOLD_VERBS, [*IN_PREPS, *DATE_PREPS, "on the territory of"])
                      + _event_verb_patterns(["take"], [*IN_PREPS, *DATE_PREPS], object_word="place")),
        # "CITY hosted E", "E was hosted by CITY": held there, and the host takes part (corpus/challenge/README.md's reading)
        "hosted": ([Output("held_in", "ev", "h"), Output("participant_in", "h", "ev")], [
            [_node("verb", LEMMA=_in(*HOST_VERBS)), _edge("verb", ">", "h", DEP="nsubj"), _edge("verb", ">", "ev", DEP="dobj")],
            [_node("verb", LEMMA=_in(*HOST_VERBS)), _edge("verb", ">", "ev", DEP=_in("nsubjpass", "nsubj")), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "h", DEP="pobj")],
            [_node("verb", LEMMA=_in(*HOST_VERBS), DEP="acl"), _edge("verb", "<", "ev"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "h", DEP="pobj")],
        ]),
        # "X organised/conducted E": the organiser takes part (guidelines §2)
        "organised": ([Output("participant_in", "a", "ev", frozenset({"ORG", "LOC", "PERSON"}))], [
            [_node("verb", LEMMA=_in(*ORGANISE_VERBS)), _edge("verb", ">", "a", DEP="nsubj"), _edge("verb", ">", "ev", DEP="dobj")],
            [_node("verb", LEMMA=_in(*ORGANISE_VERBS)), _edge("verb", ">", "ev", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "a", DEP="pobj")],
            # "E, organised / led by A, ...", "E was led by A": leading an event is taking part in it (the tail must be an EVENT,
            # so "the member states, led by A and B" states nothing here)
            [_node("verb", LEMMA=_in(*ORGANISE_VERBS, "lead"), DEP="acl"), _edge("verb", "<", "ev"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "a", DEP="pobj")],
            [_node("verb", LEMMA="lead"), _edge("verb", ">", "ev", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "a", DEP="pobj")],
        ]),
        # "A was one of the participants in E", "A, a participant in E", "the participants of E were A and B"
        "participant_noun": ([Output("participant_in", "m", "org")], _noun_phrase_patterns(PARTICIPANT_NOUNS, None, None, ["in", "of", "at"])),
        # "At E, A and B proposed ...", "A signed the code at E", "adopted at E by A", "E, at which O presented ...": acting at an
        # event is taking part in it (the tail must be an EVENT; a passive subject is acted on, not acting)
        "acted_at": ([Output("participant_in", "a", "ev")], [
            [_node("at", LOWER="at", DEP="prep"), _edge("at", "<", "verb", POS="VERB"), _edge("at", ">", "ev", DEP="pobj"), _edge("verb", ">", "a", DEP="nsubj")],
            [_node("at", LOWER="at", DEP="prep"), _edge("at", "<", "verb", POS="VERB"), _edge("at", ">", "ev", DEP="pobj"), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "a", DEP="pobj")],
            # "at E" parsed as hanging on the verb's object ("A proposed a patrol at E")
            [_node("at", LOWER="at", DEP="prep"), _edge("at", "<", "obj", DEP="dobj"), _edge("obj", "<", "verb", POS="VERB"), _edge("at", ">", "ev", DEP="pobj"),
             _edge("verb", ">", "a", DEP="nsubj")],
            # "by A" parsed as hanging on the event's name
            [_node("at", LOWER="at", DEP="prep"), _edge("at", "<", "verb", POS="VERB"), _edge("verb", ">", "pass", DEP="auxpass"), _edge("at", ">", "ev", DEP="pobj"),
             _edge("ev", ">", "by", DEP="prep", LOWER="by"), _edge("by", ">", "a", DEP="pobj")],
        ]),
        # "A took part in E", "A attended E", "E, in which A participated", "the participation of A in E"
        "took_part": ([Output("participant_in", "a", "ev")], _participation_patterns()),
        # "E was conducted by the navies of A and B", "E, with forces from A", "the war was fought between A and B"
        "forces_of": ([Output("participant_in", "a", "ev")], [
            [_node("verb", LEMMA=_in(*ORGANISE_VERBS)), _edge("verb", ">", "ev", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "np", DEP="pobj", LEMMA=_in(*FORCE_NOUNS, *DELEGATION_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "from")),
             _edge("of", ">", "a", DEP="pobj")],
            [_node("ev"), _edge("ev", ">", "with", DEP="prep", LOWER="with"), _edge("with", ">", "np", DEP="pobj", LEMMA=_in(*FORCE_NOUNS, *DELEGATION_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "from")), _edge("of", ">", "a", DEP="pobj")],
            # "E was held in X, with forces from A and B": the "with" phrase hangs on the verb whose subject is the event
            [_node("verb", POS="VERB"), _edge("verb", ">", "ev", DEP=SUBJECT), _edge("verb", ">", "with", DEP="prep", LOWER="with"),
             _edge("with", ">", "np", DEP="pobj", LEMMA=_in(*FORCE_NOUNS, *DELEGATION_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "from")), _edge("of", ">", "a", DEP="pobj")],
            [_node("verb", LEMMA=_in(*FIGHT_VERBS)), _edge("verb", ">", "ev", DEP="nsubjpass"), _edge("verb", ">", "between", DEP="prep", LOWER=_in("between", "by")),
             _edge("between", ">", "a", DEP="pobj")],
            [_node("verb", LEMMA=_in("include", "be", "comprise")), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in("participant", "attendee", "delegate", "guest", "speaker")),
             _edge("np", ">", "in", DEP="prep", LOWER=_in("in", "at", "of")), _edge("in", ">", "ev", DEP="pobj"), _edge("verb", ">", "a", DEP=_in("dobj", "attr"))],
        ]),
        # "E drew delegations from A and B", "delegations from A and B attended E"
        "delegations": ([Output("participant_in", "a", "ev")], [
            [_node("verb", LEMMA=_in(*DRAW_VERBS)), _edge("verb", ">", "ev", DEP="nsubj"), _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*DELEGATION_NOUNS, *FORCE_NOUNS)),
             _edge("verb", ">", "from", DEP="prep", LOWER="from"), _edge("from", ">", "a", DEP="pobj")],
            [_node("verb", LEMMA=_in(*DRAW_VERBS)), _edge("verb", ">", "ev", DEP="nsubj"), _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*DELEGATION_NOUNS, *FORCE_NOUNS)),
             _edge("np", ">", "from", DEP="prep", LOWER=_in("from", "of")), _edge("from", ">", "a", DEP="pobj")],
            [_node("verb", LEMMA=_in(*ATTEND_VERBS, "visit")), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*DELEGATION_NOUNS, *FORCE_NOUNS)),
             _edge("np", ">", "from", DEP="prep", LOWER=_in("from", "of")), _edge("from", ">", "a", DEP="pobj"), _edge("verb", ">", "ev", DEP="dobj")],
            [_node("verb", LEMMA=_in("take", *PARTICIPATE_VERBS)), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*DELEGATION_NOUNS, *FORCE_NOUNS)),
             _edge("np", ">", "from", DEP="prep", LOWER=_in("from", "of")), _edge("from", ">", "a", DEP="pobj"),
             _edge("verb", ">", "prep", DEP="prep", LOWER="in"), _edge("prep", ">", "ev", DEP="pobj")],
            [_node("np", LEMMA=_in(*DELEGATION_NOUNS, *FORCE_NOUNS)), _edge("np", ">", "from", DEP="prep", LOWER=_in("from", "of")), _edge("from", ">", "a", DEP="pobj"),
             _edge("np", ">", "to", DEP="prep", LOWER=_in("to", "at", "in")), _edge("to", ">", "ev", DEP="pobj")],
        ]),
        # "the headquarters of X are in Y", "X's seat is in Y", "Y is the seat of X", "X moved its headquarters from A to B"
        "seat_of": ([Output("located_in", "x", "y")], [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*SEAT_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER="of"),
             _edge("of", ">", "x", DEP="pobj"), _edge("verb", ">", "in", DEP="prep", LOWER=_in("in", "at")), _edge("in", ">", "y", DEP="pobj")],
            [_node("verb", LEMMA="be"), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*SEAT_NOUNS)), _edge("np", ">", "x", DEP="poss"),
             _edge("verb", ">", "in", DEP="prep", LOWER=_in("in", "at")), _edge("in", ">", "y", DEP="pobj")],
            [_node("verb", LEMMA="be"), _edge("verb", ">", "y", DEP="nsubj"), _edge("verb", ">", "np", DEP="attr", LEMMA=_in(*SEAT_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "for")), _edge("of", ">", "x", DEP="pobj")],
            [_node("verb", LEMMA=_in("move", "relocate", "transfer", "shift")), _edge("verb", ">", "x", DEP="nsubj"), _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*SEAT_NOUNS)),
             _edge("verb", ">", "prep", DEP="prep", LOWER=_in("from", "to")), _edge("prep", ">", "y", DEP="pobj")],
            # "X has its secretariat in CITY", "X keeps an office in CITY" (the place on the seat noun or on the verb)
            *[[_node("verb", LEMMA=_in("have", "keep", "maintain")), _edge("verb", ">", "x", DEP="nsubj"),
               _edge("verb", ">", "np", DEP="dobj", LEMMA=_in(*SEAT_NOUNS)), _edge(parent, ">", "in", DEP="prep", LOWER=_in("in", "at")),
               _edge("in", ">", "y", DEP="pobj")] for parent in ("np", "verb")],
        ]),
        # "Y was the venue of E"
        "venue_of": ([Output("held_in", "ev", "y")], [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "y", DEP="nsubj"), _edge("verb", ">", "np", DEP="attr", LEMMA=_in(*VENUE_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "for", "to")), _edge("of", ">", "ev", DEP="pobj")],
        ]),
        # "E was hosted/organised in Y in 1991", "In 1991, Paraguay hosted E": the verb's place and date are the event's
        "event_verb_time": ([Output("held_on", "ev", "y"), Output("held_in", "ev", "y")], [
            [_node("verb", LEMMA=_in(*ORGANISE_VERBS)), _edge("verb", ">", "ev", DEP="dobj"), _edge("verb", ">", "prep", DEP="prep", LOWER=_in(*IN_PREPS, *DATE_PREPS)),
             _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "the directorate operates under the Commission"
        "under_org": ([Output("part_of", "x", "y")], [
            [_node("verb", LEMMA=_in("operate", "function", "work", "sit", "fall", "act", "serve")), _edge("verb", ">", "x", DEP="nsubj"),
             _edge("verb", ">", "prep", DEP="prep", LOWER=_in("under", "within")), _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "X is located/based/headquartered in Y", "X, based in Y"
        # "X is based in Y", and "X was founded in 1992 and is based in Y" (a second verb sharing the subject)
        "located_verb": ([Output("located_in", "ev", "y")], _event_verb_patterns(LOCATED_VERBS, IN_PREPS) + [
            [_node("verb", LEMMA=_in(*LOCATED_VERBS), DEP="conj"), _edge("verb", "<", "first", POS="VERB"), _edge("first", ">", "ev", DEP=SUBJECT),
             _edge("verb", ">", "prep", DEP="prep", LOWER=_in(*IN_PREPS)), _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "A, professor at X", "A is a lecturer of X", "A works at X"
        "position_at": ([Output("affiliated_with", "m", "org")],
                        _noun_phrase_patterns(POSITION_NOUNS, None, None, ["at", "of", "in", "from", "with"], field_first=True)
                        + [[_node("verb", LEMMA=_in(*WORK_VERBS)), _edge("verb", ">", "m", DEP="nsubj"), _edge("verb", ">", "prep", DEP="prep", LOWER=_in("at", "for", "in", "with")),
                            _edge("prep", ">", "org", DEP="pobj")],
                           # "Professor P of O", "P from O"
                           [_node("m", POS="PROPN"), _edge("m", ">", "prep", DEP="prep", LOWER=_in("of", "from", "at")), _edge("prep", ">", "org", DEP="pobj")]]),
        # "X cooperates with Y", "X's partnership with Y", "X has partners such as Y"
        # "A, a partner of X", "the partner organisations of X include A and B", "X counts A among its partners" (partner_of is symmetric)
        "partner_noun": ([Output("partner_of", "m", "org")], _noun_phrase_patterns(["partner"], ["organization", "organisation", "institution", "agency", "body"], ["partner"], ["of", "to"])
                         + [[_node("verb", LEMMA=_in("count", "list", "name", "include")), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj"),
                             _edge("verb", ">", "among", DEP="prep", LOWER="among"), _edge("among", ">", "np", DEP="pobj", LEMMA="partner")]]),
        "partnership": ([Output("partner_of", "x", "y")], [
            # "X and Y are (formal) partners", "X and Y have built a partnership"
            [_node("np", LEMMA=_in(*PARTNER_NOUNS), DEP=_in("attr", "dobj")), _edge("np", "<", "verb"), _edge("verb", ">", "x", DEP="nsubj"), _edge("x", ">", "y", DEP="conj")],
            # "the X–Y partnership"
            [_node("np", LEMMA="partnership"), _edge("np", ">", "x", DEP=_in("compound", "nmod", "amod")), _edge("np", ">", "y", DEP=_in("compound", "nmod", "amod"))],
            [_node("verb", LEMMA=_in(*PARTNER_VERBS)), _edge("verb", ">", "x", DEP="nsubj"), _edge("verb", ">", "prep", DEP="prep", LOWER="with"), _edge("prep", ">", "y", DEP="pobj")],
            [_node("np", LEMMA=_in(*PARTNER_NOUNS)), _edge("np", ">", "x", DEP="poss"), _edge("np", ">", "prep", DEP="prep", LOWER="with"), _edge("prep", ">", "y", DEP="pobj")],
            [_node("np", LEMMA=_in("agreement", "memorandum", "accord")), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA=_in(*PARTNER_NOUNS)),
             _edge("np", "<", "verb", LEMMA=_in("sign", "conclude", "renew", "reach")), _edge("verb", ">", "x", DEP="nsubj"),
             _edge("np", ">", "prep", DEP="prep", LOWER="with"), _edge("prep", ">", "y", DEP="pobj")],
            [_node("np", LEMMA=_in(*PARTNER_NOUNS)),
             _edge("np", "<", "verb", LEMMA=_in("have", "develop", "establish", "build", "sign", "deepen", "expand", "strengthen", "maintain", "launch", "form", "conclude", "renew")),
             _edge("verb", ">", "x", DEP="nsubj"), _edge("np", ">", "prep", DEP="prep", LOWER="with"), _edge("prep", ">", "y", DEP="pobj")],
            [_node("np", LEMMA=_in(*PARTNER_NOUNS)), _edge("np", ">", "prep", DEP="prep", LOWER="between"), _edge("prep", ">", "x", DEP="pobj"), _edge("x", ">", "y", DEP="conj")],
        ]),
        # "A, having received the status of an observer at X", "X granted observer status ...": the verb's subject, shared by a participle
        "observer_clause": ([Output("observer_of", "verb", "org", head_is_clause_subject=True)], [
            [_node("np", LEMMA=_in("status", "observership"), DEP="dobj"), _edge("np", "<", "verb", LEMMA=_in(*STATUS_VERBS)),
             _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "obs", DEP="pobj", LEMMA=_in(*OBSERVER_NOUNS)),
             _edge("obs", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with", "of")), _edge("prep", ">", "org", DEP="pobj")],
            [_node("np", LEMMA="status", DEP="dobj"), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"),
             _edge("np", "<", "verb", LEMMA=_in(*STATUS_VERBS)), _edge("np", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with", "of")),
             _edge("prep", ">", "org", DEP="pobj")],
        ]),
        # "the awarding of observer status in X to A, B and C"
        "granted_status_noun": ([Output("observer_of", "m", "org")], [
            [_node("np", LOWER=_in(*GRANT_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "st", DEP="pobj", LEMMA=_in("status", "observership")),
             _edge("st", ">", "mod", DEP=_in("compound", "amod", "nmod"), LEMMA="observer"),
             _edge(org_parent, ">", "prep", DEP="prep", LOWER=_in("in", "at", "with", "of")), _edge("prep", ">", "org", DEP="pobj"),
             _edge("np", ">", "to", DEP="prep", LOWER="to"), _edge("to", ">", "m", DEP="pobj")]
            for org_parent in ("np", "st")
        ]),
        # "A is developing partnerships with B", "A gained visibility by forging partnerships with B and C": the subject partners B
        "partnership_clause": ([Output("partner_of", "verb", "y", head_is_clause_subject=True)], [
            [_node("np", LEMMA=_in(*PARTNER_NOUNS), DEP="dobj"), _edge("np", "<", "verb", LEMMA=_in(*PARTNERSHIP_VERBS)),
             _edge(with_parent, ">", "prep", DEP="prep", LOWER="with"), _edge("prep", ">", "y", DEP="pobj")]
            for with_parent in ("np", "verb")  # "with" on the noun or on the verb
        ]),
        # "A, having joined X in 2001, ...": the participle's subject is the clause's
        "joined_clause": ([Output("member_of", "verb", "org", head_is_clause_subject=True)], [
            [_node("verb", LEMMA=_in(*JOIN_VERBS), DEP=_in("advcl", "xcomp", "pcomp", "conj")), _edge("verb", ">", "org", DEP="dobj")],
            [_node("verb", LEMMA=_in(*ACCEDE_VERBS), DEP=_in("advcl", "xcomp", "pcomp", "conj")), _edge("verb", ">", "to", DEP="prep", LOWER=_in("to", "into")),
             _edge("to", ">", "org", DEP="pobj")],
        ]),
        # "the CSTO's Rubezh 2019 exercise", "the SCO Peace Mission exercises", "the joint exercises of A and B": whose event it is
        "event_of": ([Output("participant_in", "a", "ev")], [
            [_node("ev", LEMMA=_in(*EVENT_NOUNS), POS="NOUN"), _edge("ev", ">", "a", DEP="poss", POS=_in("PROPN", "NOUN"))],
            [_node("ev", LEMMA=_in(*EVENT_NOUNS), POS="NOUN"), _edge("ev", ">", "a", DEP=_in("compound", "nmod"), POS="PROPN")],
            # the organiser before the event's name: "the ASEAN Coral Shield exercises"
            [_node("ev", LEMMA=_in(*EVENT_NOUNS), POS="NOUN"), _edge("ev", ">", "name", DEP=_in("compound", "nmod"), POS="PROPN"),
             _edge("name", ">", "a", DEP=_in("compound", "nmod", "poss"), POS="PROPN")],
            [_node("ev", LEMMA=_in(*EVENT_NOUNS), POS="NOUN"), _edge("ev", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "a", DEP="pobj", POS="PROPN")],
        ]),
        # "X's Peace Fund", "X's Organ on Politics": a named body in the possession of a named organisation
        "possessive_org": ([Output("part_of", "y", "x")], [
            [_node("y", POS="PROPN"), _edge("y", ">", "x", DEP="poss", POS="PROPN")],
        ]),
        # "X established B as its deliberative body", "B was set up by X as its judicial arm"
        "set_up_as": ([Output("part_of", "b", "org")], [
            [_node("verb", LEMMA=_in(*SET_UP_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "b", DEP="dobj"),
             _edge("verb", ">", "as", DEP="prep", LOWER="as"), _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*PART_NOUNS))],
            [_node("verb", LEMMA=_in(*SET_UP_VERBS)), _edge("verb", ">", "b", DEP="nsubjpass"), _edge("verb", ">", "by", DEP="agent"),
             _edge("by", ">", "org", DEP="pobj"), _edge("verb", ">", "as", DEP="prep", LOWER="as"), _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*PART_NOUNS))],
        ]),
    }
    constructions.update(_page_constructions())
    return constructions


def _page_constructions() -> dict[str, tuple[list[Output], list[list[dict]]]]:
    """Constructions found on pages of the seed's kind beyond the seed's own (issue 11): venues, participating forces,
    organs an organisation comprises, subordination, possessed bodies, observer status granted "by X" or "of observers",
    lists counted "as" or given in brackets or after a colon behind the organisation."""
    held = [Output("held_in", "ev", "y")]
    counted_as = [_node("verb", LEMMA=_in(*COUNT_AS_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj"),
                  _edge("verb", ">", "as", DEP="prep", LOWER="as")]
    return {
        # "the venue of E was Y"; "Y served as the venue for E"; "Y was the host city of E"
        "venue_is": (held, [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "np", DEP="nsubj", LEMMA=_in(*VENUE_NOUNS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "for", "to")), _edge("of", ">", "ev", DEP="pobj"), _edge("verb", ">", "y", DEP="attr")],
            [_node("verb", LEMMA=_in(*SERVE_AS_VERBS)), _edge("verb", ">", "y", DEP="nsubj"), _edge("verb", ">", "as", DEP="prep", LOWER="as"),
             _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*VENUE_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "for", "to")),
             _edge("of", ">", "ev", DEP="pobj")],
            *[[_node("verb", LEMMA=_in("be", *SERVE_AS_VERBS)), _edge("verb", ">", "y", DEP="nsubj"), *attach,
               _edge("np", ">", "host", DEP=_in("compound", "amod", "nmod"), LEMMA="host"),
               _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "for", "to")), _edge("of", ">", "ev", DEP="pobj")]
              for attach in ([_edge("verb", ">", "np", DEP="attr", LEMMA=_in(*HOST_PLACE_NOUNS))],
                             [_edge("verb", ">", "as", DEP="prep", LOWER="as"), _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*HOST_PLACE_NOUNS))])],
        ]),
        # "Y played host to E": hosting, so held there and the host takes part (as "hosted")
        "played_host": ([Output("held_in", "ev", "y"), Output("participant_in", "y", "ev")], [
            [_node("verb", LEMMA="play"), _edge("verb", ">", "y", DEP="nsubj"), _edge("verb", ">", "host", DEP="dobj", LEMMA="host"),
             _edge(to_parent, ">", "to", DEP=_in("prep", "dative"), LOWER="to"), _edge("to", ">", "ev", DEP="pobj")]
            for to_parent in ("verb", "host")
        ]),
        # "delegates met in Y for E": where the meeting for the event was is where the event was
        "met_for": (held, [
            [_node("verb", LEMMA=_in(*MEET_VERBS)), _edge("verb", ">", "in", DEP="prep", LOWER=_in(*IN_PREPS)), _edge("in", ">", "y", DEP="pobj"),
             _edge("verb", ">", "for", DEP="prep", LOWER="for"), _edge("for", ">", "ev", DEP="pobj")],
        ]),
        # "The field exercise E was held in Y": "exercise" tagged as a verb whose object is the event's name
        "exercise_verb_held": ([Output("held_in", "ev", "y"), Output("held_on", "ev", "y")], [
            [_node("verb", LEMMA=_in(*HOLD_VERBS, "take"), DEP=_in("ccomp", "conj", "xcomp")), _edge("verb", "<", "ex", LEMMA=_in(*EXERCISE_VERBS), POS="VERB"),
             _edge("ex", ">", "ev", DEP="dobj", POS="PROPN"), _edge("verb", ">", "prep", DEP="prep", LOWER=_in(*IN_PREPS, *DATE_PREPS)),
             _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "the navies of A and B were the participating forces in E"; "the participating states in E were A and B"
        "participating": ([Output("participant_in", "a", "ev")], [
            [_node("verb", LEMMA="be"), _edge("verb", ">", "a", DEP="nsubj"), _edge("verb", ">", "np", DEP="attr"),
             _edge("np", ">", "mod", DEP=_in("amod", "compound"), LEMMA="participate"), _edge("np", ">", "in", DEP="prep", LOWER=_in("in", "at", "of")),
             _edge("in", ">", "ev", DEP="pobj")],
            [_node("verb", LEMMA="be"), _edge("verb", ">", "a", DEP="attr"), _edge("verb", ">", "np", DEP="nsubj"),
             _edge("np", ">", "mod", DEP=_in("amod", "compound"), LEMMA="participate"), _edge("np", ">", "in", DEP="prep", LOWER=_in("in", "at", "of")),
             _edge("in", ">", "ev", DEP="pobj")],
        ]),
        # "the Sahel Water Forum of the Niger Basin Authority": an organisation's own named event (decision 18)
        "named_event_of": ([Output("participant_in", "a", "ev", frozenset({"ORG"}))], [
            [_node("ev", POS="PROPN", LOWER=_in(*EVENT_NAME_HEADS)), _edge("ev", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "a", DEP="pobj", POS="PROPN")],
        ]),
        # "X comprises three bodies: A, B and C", "X consists of the organs A and B": organs, so part_of (not member_of)
        "comprises_bodies": ([Output("part_of", "m", "org")], [
            [_node("verb", LEMMA=_in(*GATHER_VERBS, "have")), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP="dobj", LEMMA=_in(*PART_NOUNS))],
            [_node("verb", LEMMA="consist"), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "of", DEP="prep", LOWER="of"),
             _edge("of", ">", "m", DEP="pobj", LEMMA=_in(*PART_NOUNS))],
        ]),
        # "B reports to X", "B is subordinate / accountable to X", "B is attached to X": subordination (as "operates under")
        "reports_to": ([Output("part_of", "x", "y")], [
            [_node("verb", LEMMA=_in(*REPORT_VERBS)), _edge("verb", ">", "x", DEP=SUBJECT), _edge("verb", ">", "to", DEP="prep", LOWER="to"),
             _edge("to", ">", "y", DEP="pobj")],
            [_node("verb", LEMMA="be"), _edge("verb", ">", "x", DEP="nsubj"), _edge("verb", ">", "adj", DEP="acomp", LEMMA=_in(*SUBORDINATE_ADJECTIVES)),
             _edge("adj", ">", "to", DEP="prep", LOWER="to"), _edge("to", ">", "y", DEP="pobj")],
        ]),
        # "E, hosted by A and attended by B and C": the second participle coordinated with the first
        "attended_by_conj": ([Output("participant_in", "a", "ev")], [
            [_node("verb", LEMMA=_in("attend", *ORGANISE_VERBS), DEP="conj"), _edge("verb", "<", "first", DEP="acl"), _edge("first", "<", "ev"),
             _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "a", DEP="pobj")],
        ]),
        # "X's Regional Security Commission", "X's Permanent Secretariat": a possessed name whose head word names a body
        # (narrower than possessive_org, which any "X's Y" of two names fires)
        "possessive_body": ([Output("part_of", "y", "x")], [
            [_node("y", POS="PROPN", LOWER=_in(*PART_NOUNS, *[noun + "s" for noun in PART_NOUNS])), _edge("y", ">", "x", DEP="poss", POS="PROPN")],
        ]),
        # "X groups A, B and C" with the verb tagged as a plural noun after the name ("Union groups"): no verb in the sentence
        "gathers_as_noun": ([Output("member_of", "m", "org")], [
            [_node("verb", LOWER=_in(*[verb + "s" for verb in GATHER_VERBS]), POS="NOUN", DEP="ROOT"), _edge("verb", ">", "org", DEP=_in("compound", "nmod"), POS="PROPN"),
             _edge("verb", ">", "m", DEP="appos", POS="PROPN")],
        ]),
        # "A was granted observer status by X", "observer status was granted to A by X"
        "granted_status_by": ([Output("observer_of", "m", "org")], [
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "m", DEP="nsubjpass"),
             _edge("verb", ">", "np", DEP="dobj", LEMMA="status"), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LOWER="observer"),
             _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "org", DEP="pobj")],
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "np", DEP="nsubjpass", LEMMA="status"),
             _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LOWER="observer"), _edge("verb", ">", "to", DEP=_in("prep", "dative"), LOWER="to"),
             _edge("to", ">", "m", DEP="pobj"), _edge("verb", ">", "by", DEP="agent"), _edge("by", ">", "org", DEP="pobj")],
        ]),
        # "A and B have the status of observers at X" (the organisation on "status"); "X granted A the status of observer"
        "status_of_observer": ([Output("observer_of", "m", "org")], [
            [_node("np", LEMMA="status", DEP="dobj"), _edge("np", "<", "verb", LEMMA=_in(*STATUS_VERBS)), _edge("verb", ">", "m", DEP="nsubj"),
             _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "obs", DEP="pobj", LOWER=_in("observer", "observers")),
             _edge("np", ">", "prep", DEP="prep", LOWER=_in("in", "at", "to", "with")), _edge("prep", ">", "org", DEP="pobj")],
            [_node("verb", LEMMA=_in(*GRANT_VERBS)), _edge("verb", ">", "org", DEP="nsubj"), _edge("verb", ">", "m", DEP=_in("dobj", "dative"), POS="PROPN"),
             _edge("verb", ">", "np", DEP="dobj", LEMMA="status"), _edge("np", ">", "of", DEP="prep", LOWER="of"),
             _edge("of", ">", "obs", DEP="pobj", LOWER=_in("observer", "observers"))],
        ]),
        # "The observers of X (A, B and C) ...", "Observer states of X: A, B, C": the list in brackets or after a colon that
        # follows the organisation (read off the text in ``find``, however the parser hung it)
        "observers_listed": ([Output("observer_of", "np", "org", list_after_tail=True)], [
            [_node("np", LOWER=_in("observers", "observer")), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in", "to", "at")), _edge("of", ">", "org", DEP="pobj")],
            [_node("np", LEMMA=_in("state", "country", "nation", "member", "organization", "organisation")),
             _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LOWER="observer"), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in", "to", "at")),
             _edge("of", ">", "org", DEP="pobj")],
        ]),
        # "The member states of X (A, B, C) ...", "Member states of X: A, B, C"
        "members_listed_after_name": ([Output("member_of", "np", "org", list_after_tail=True)], [
            [_node("np", LEMMA=_in(*MEMBER_HEADS)), _edge("np", ">", "mod", DEP=_in("compound", "amod", "nmod"), LOWER=_in(*MEMBER_MODIFIERS)),
             _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in")), _edge("of", ">", "org", DEP="pobj")],
            [_node("np", LOWER=_in("members", "membership")), _edge("np", ">", "of", DEP="prep", LOWER=_in("of", "in")), _edge("of", ">", "org", DEP="pobj")],
        ]),
        # "A took part in E held in Y": the participle after the event hung on the main verb
        "held_after_event": ([Output("held_in", "ev", "y"), Output("held_on", "ev", "y")], [
            [_node("verb", LEMMA=_in(*HOLD_VERBS), DEP="advcl", TAG="VBN"), _edge("verb", "<", "main", POS="VERB"),
             _edge("main", ">", "at", DEP="prep", LOWER=_in("in", "at", "to")), _edge("at", ">", "ev", DEP="pobj"),
             _edge("verb", ">", "prep", DEP="prep", LOWER=_in(*IN_PREPS, *DATE_PREPS)), _edge("prep", ">", "y", DEP="pobj")],
        ]),
        # "X counts A and B as observers", "X lists A as a member"
        "counted_as_observer": ([Output("observer_of", "m", "org")], [[*counted_as, _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*OBSERVER_NOUNS))]]),
        "counted_as_member": ([Output("member_of", "m", "org")], [[*counted_as, _edge("as", ">", "np", DEP="pobj", LEMMA=_in(*MEMBER_NOUNS))]]),
        # "A and B take part in the work of X as observers"
        "observer_in_work": ([Output("observer_of", "m", "org")], [
            [_node("verb", LEMMA=_in(*AS_OBSERVER_VERBS)), _edge("verb", ">", "in", DEP="prep", LOWER=_in("in", "at")),
             _edge("in", ">", "np", DEP="pobj", LEMMA=_in(*SESSION_NOUNS)), _edge("np", ">", "of", DEP="prep", LOWER="of"), _edge("of", ">", "org", DEP="pobj"),
             _edge("verb", ">", "as", DEP="prep", LOWER="as"), *obs, _edge("verb", ">", "m", DEP="nsubj")]
            for obs in _as_observer_nodes()
        ]),
    }


CONSTRUCTIONS = _build()


@lru_cache(maxsize=4)
def _matcher(vocab: Any) -> IndexedDependencyMatcher:
    """One matcher for every variant of every construction, keyed "<construction>#<variant>" (spaCy's matches, found faster)."""
    return IndexedDependencyMatcher(vocab, [(f"{name}#{k}", variant) for name, (_, variants) in CONSTRUCTIONS.items() for k, variant in enumerate(variants)])


def _subordinate(verb: Any) -> bool:
    """An infinitive or a that-clause ("tried to join", "hopes that A joins"), not a main clause the parser hung on a
    neighbour after a comma ("E was held in X, the exercises were aimed at ...")."""
    return verb.dep_ == "xcomp" or any(c.dep_ in ("mark", "aux") and c.lower_ in ("that", "whether", "if", "to") for c in verb.children)


def _denied(tokens: Iterable[Any]) -> bool:
    """A negation on a matched word, or a matched verb under "tried to", "sought to", "failed to"."""
    for token in tokens:
        if any(child.dep_ == "neg" for child in token.children):
            return True
        if token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in DENYING_HEADS and _subordinate(token):
            return True
        if token.dep_ == "dobj" and token.head.dep_ == "xcomp" and token.head.head.lemma_.lower() in DENYING_HEADS:
            return True
    return False


def _as_observer(verb: Any) -> bool:
    """The verb says "as an observer" ("A joined X as an observer state")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(n.lemma_.lower() in OBSERVER_NOUNS or any(m.lemma_.lower() in OBSERVER_NOUNS for m in n.children)
                                                            for n in c.children) for c in verb.children)


RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def _antecedent(token: Any) -> Any:
    """The noun a relative pronoun stands for ("Iceland, which belongs to X": Iceland), else the token itself."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return _among_subject(clause.head) or clause.head
    return token


def _among_subject(noun: Any) -> Any | None:
    """The subject of "A and B were among the countries that ...": the countries the clause speaks of are A and B."""
    among = noun.head
    if noun.dep_ != "pobj" or among.lower_ != "among" or among.head.lemma_ != "be":
        return None
    return next((c for c in among.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _represented(token: Any) -> list[Any]:
    """The states or organisations a force or delegation stands for: "A's troops", "the navies of A and B", "troops from A"."""
    if token.lemma_.lower() not in REPRESENTING_NOUNS:
        return []
    out = [m for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN" for m in _coordination(c)]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            out += [m for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" for m in _coordination(c)]
    return out


def _coordination(token: Any) -> list[Any]:
    """The token and its conjuncts, also across coordinated prepositions ("forces from A and from B": A and B).

    A common noun does not share its construction with a name coordinated with it: in "X and regional security issues
    in Y" the place belongs to the issues, not to X.
    """
    members = [token, *token.conjuncts]
    members += [m for c in token.children if _list_under_name(c, token) for m in (c, *c.conjuncts)]
    # a list parsed as a chain of appositions: "eight states: A, B, C and D" with B an apposition of A and C, D its conjuncts
    members += [m for c in token.children if _next_in_list(c, token) and c.conjuncts for m in (c, *c.conjuncts)]
    if len(members) >= 3 and token.pos_ == "PROPN":
        # an apposition inside a list of three or more is one more member ("A, B, C, D and E" with C hung on B)
        last = max(t.i for t in members)
        members += [c for t in list(members) for c in t.children if _next_in_list(c, t) and c.i < last]
    members += _bracket_members(token)
    if token.pos_ == "NOUN" and token.is_lower:
        members = [m for m in members if m.pos_ != "PROPN"]
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        members += [c for prep in token.head.conjuncts if prep.dep_ in ("prep", "conj") for c in prep.children if c.dep_ == "pobj"]
    return members


def _short_name_of_name(appos: Any, token: Any) -> bool:
    """A bracketed apposition of a place inside a longer name ("the Support Office in Somalia (UNSOS)"): the short name of
    the whole name, not another name of the place (as "held in Uganda (Jinja)" gives one)."""
    doc = token.doc
    return (appos.i > 0 and doc[appos.i - 1].text == "(" or appos.left_edge.i > 0 and doc[appos.left_edge.i - 1].text == "(") \
        and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "PROPN"


def _next_in_list(child: Any, name: Any) -> bool:
    """An apposition that is the next name of a list: a name right after the name it hangs on and a comma ("A, B")."""
    doc = name.doc
    return (child.dep_ == "appos" and child.pos_ == "PROPN" and name.pos_ == "PROPN" and name.i + 1 < len(doc)
            and doc[name.i + 1].text == "," and child.left_edge.i == name.i + 2)


def _list_under_name(child: Any, name: Any) -> bool:
    """A list the parser hung on its last member as a modifier ("Nepal, Bhutan and Sri Lanka": "Nepal" an nmod of
    "Lanka", "Bhutan" its conjunct): a name before the head, followed by a comma, with conjuncts of its own."""
    doc = child.doc
    return (child.dep_ in ("nmod", "compound") and child.pos_ == "PROPN" and name.pos_ == "PROPN" and child.i < name.i
            and doc[child.i + 1].text == "," and bool(child.conjuncts))


def _introduced_list(token: Any) -> list[Any]:
    """The names a counted noun introduces after a dash or colon ("three countries - A, B and C"), wherever the parser hung them."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text not in LIST_INTRODUCERS:
        return []
    j = token.i + 2
    while j < len(doc) and doc[j].dep_ == "det":
        j += 1
    if j >= len(doc) or doc[j].pos_ != "PROPN":
        return []
    name = doc[j]
    while name.dep_ in ("compound", "amod", "nmod") and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head  # the head word of a multi-word name
    return list(dict.fromkeys([*_coordination(name), *_names_until_clause_end(doc, j)]))


def _list_after(token: Any) -> list[Any]:
    """The names listed in brackets or after a colon or dash right after the token's phrase: "X (A, B and C)", "X: A, B"."""
    doc = token.doc
    end = token.i + 1  # right after the name's head word (the parser may hang the list itself under it)
    if end + 1 >= len(doc):
        return []
    if doc[end].text == "(":
        return _bracket_members(doc[end + 1])
    if doc[end].text in LIST_INTRODUCERS:
        names = _names_until_clause_end(doc, end + 1)
        return names if len(names) > 1 or doc[end].text == ":" else []
    return []


def _names_until_clause_end(doc: Any, start: int) -> list[Any]:
    """The head words of the names listed from ``start`` up to the end of the list (a verb, a closing dash or bracket,
    a full stop, a semicolon or a line break), however the parser hung them: "three states: A, B, C"."""
    names = []
    for t in doc[start:]:
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ")", *LIST_INTRODUCERS) or "\n" in t.text or t.is_sent_start and t.i > start:
            break
        if t.pos_ == "PROPN" and not (t.dep_ in ("compound", "nmod", "amod", "flat") and t.head.i > t.i and t.head.pos_ == "PROPN"):
            names.append(t)
    return names


def _listed_members(token: Any) -> list[Any]:
    """What a generic noun stands for when a list names its members: "countries - A and B", "organisations, including A and B",
    "bodies such as A and B", "three blocs: A and B"."""
    if token.pos_ != "NOUN":
        return []
    members = [m for c in token.children if c.dep_ == "appos" for m in _coordination(c)]
    # "bodies of X such as A and B": a name has no examples, so "such as" on the organisation's name lists the noun's
    owners = [o for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    for prep in [p for t in (token, *owners) for p in t.children]:
        if prep.dep_ == "prep" and prep.lower_ in EXAMPLE_PREPS and (prep.lower_ != "as" or any(c.lower_ == "such" for c in prep.children)):
            if prep.head.i != token.i and prep.lower_ != "as":
                continue  # only "such as" is read off the name ("X, including Y" may be the name's own)
            members += [m for c in prep.children if c.dep_ == "pobj" for m in _coordination(c)]
    return members + _introduced_list(token)


def _named_by(token: Any) -> list[Any]:
    """The name words of an event noun: "Mission" in "the Peace Mission 2016 exercise"; and the name the noun describes
    (:func:`_event_described`)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in EVENT_NOUNS:
        return []
    return [c for c in token.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"] + _event_described(token)


def _event_described(token: Any) -> list[Any]:
    """The named event an event noun describes: "E, a joint exercise of A and B" and "the E exercise" (the noun in
    apposition to the name), "E was a joint exercise of A and B" (the copula's subject), and "the joint exercise of A
    and B, E" (the name set off after the list, which the parser hangs on the list's first member)."""
    out = []
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        out.append(token.head)
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        out += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for member in prep.children:
                if member.dep_ == "pobj" and member.pos_ == "PROPN":
                    last = max([member, *member.conjuncts], key=lambda t: t.i)
                    out += [c for c in member.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > last.i]
    return out


def _with_conjuncts(token: Any) -> list[int]:
    """The argument, its conjuncts and their appositions: "A, B and C", "Uganda (Jinja)", "the exercises, Lake Guardian 2021";
    a generic noun's listed members ("three countries - A, B and C"); an event noun's name ("the Lake Shield exercise")."""
    if token.i > 0 and token.doc[token.i - 1].text == "(":
        # "the Southern Common Market (Mercosur)" parsed the other way round, the full name hanging on the bracketed short
        # one: the argument is the full name, as when the short name is parsed as its apposition
        token = next((c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i - 1 and c.pos_ == "PROPN"), token)
    members = _coordination(token)
    out = [t.i for t in members] + [c.i for t in members for c in t.children if c.dep_ == "appos" and not _short_name_of_name(c, t)]
    for t in members:
        out += [m.i for m in _listed_members(t)] + [n.i for n in _named_by(t)]
    return list(dict.fromkeys(out))


def phrase_without_conjuncts(token: Any) -> set[int]:
    """The token's phrase (its subtree) without the conjuncts that hang on it and their phrases."""
    inner = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return {t.i for t in token.subtree} - inner


def _without_own_place(parsed: Any, arguments: list[int], node: int, prep: int) -> list[int]:
    """The arguments without the other list items placed by an in/at phrase of their own, and their short names: in "A (AC)
    in X and B in Y, Z" A is not in Y, B not in X, and B is no part of A."""
    def placed_apart(item: Any) -> bool:
        return any(parsed[i].dep_ == "prep" and parsed[i].lower_ in IN_PREPS and i != prep for i in phrase_without_conjuncts(item))

    owned = [parsed[i] for i in arguments if i != node and placed_apart(parsed[i])]
    excluded = {t.i for item in owned for t in (item, *(c for c in item.children if c.dep_ == "appos"))}
    return [i for i in arguments if i not in excluded]


def _seat_owners(token: Any) -> list[int]:
    """The organisation whose seat is the subject ("The IGAD secretariat is based in X", "the Forum's headquarters sit in Y"):
    it is located there (corpus/pages/README.md)."""
    if token.lemma_.lower() not in SEAT_NOUNS:
        return []
    return [c.i for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]


def _larger_place_after(token: Any, place: int) -> bool:
    """A larger place set off by a comma after the place ("based in Ebène, Mauritius"; the parser makes it an apposition or a
    conjunct): the organisation is in the first, which is in the second (decision 22: adjacency, not the transitive closure)."""
    from textmine.stages.relations.patterns import place_rank  # patterns imports this module

    doc = token.doc
    if token.dep_ not in ("appos", "conj") or token.head.i != place or token.left_edge.i != place + 2 or doc[place + 1].text != ",":
        return False

    def name(t: Any) -> str:
        return " ".join(x.text for x in doc[t.left_edge.i:t.i + 1])

    return place_rank(name(token)) > place_rank(name(doc[place]))


def clause_subject(token: Any) -> Any | None:
    """The subject of a verb's clause, or of the clause a participle or infinitive hangs on ("A became known, having received X": A).

    A participle modifying a noun ("the SCO, developing partnerships with ...") has that noun as its subject.
    """
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if token.dep_ == "acl":
            return token.head
        if token.dep_ not in SHARED_SUBJECT_DEPS or token.head.i == token.i or (token.dep_ == "prep" and token.head.pos_ not in ("VERB", "AUX")):
            return None
        token = token.head
    return None


def _bracketed_list(token: Any) -> bool:
    """A list in brackets ("the member countries of X (A, B and C)"): an opening bracket before the name, and a comma or a
    conjunction before the closing one."""
    return len(_bracket_members(token)) > 1


def _bracket_members(token: Any) -> list[Any]:
    """The names of a list in brackets that opens with the token ("(A, B, C and D)"), however the parser hung them:
    every proper noun in the brackets that heads its own name."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text != "(":
        return []
    inside = []
    for t in doc[token.i:]:
        if t.text in (")", "(") or t.is_sent_end and t.i > token.i:
            break
        inside.append(t)
    if not any(t.text == "," or t.dep_ == "cc" for t in inside):
        return []
    return [t for t in inside if t.pos_ == "PROPN" and not (t.dep_ in ("compound", "nmod", "amod", "flat") and t.head.i in {u.i for u in inside})]


COMPANION_PREPS = {"along": "with", "together": "with", "alongside": None}


def _companions(token: Any) -> list[Any]:
    """Names a subject is joined by: "A, along with B and C, is a member of X", "A, together with B, took part in E"."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    out = []
    for word in [c for t in (token, token.head) for c in t.children if c.dep_ in ("prep", "advmod") and c.lower_ in COMPANION_PREPS]:
        second = COMPANION_PREPS[word.lower_]
        preps = [word] if second is None else [c for c in word.children if c.dep_ == "prep" and c.lower_ == second]
        out += [m for prep in preps for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN" for m in _coordination(c)]
    return out


def _co_host(verb: Any) -> bool:
    """The verb is "co-host" written with a hyphen (the tokenizer splits "co", "-", "hosted")."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co"


@dataclass(frozen=True)
class Fact:
    pattern: str
    label: str
    head: int  # token index
    tail: int
    head_labels: frozenset[str] | None = None


def find(parsed: Any) -> list[Fact]:
    """The token-level facts every construction states in the parsed text."""
    if parsed is None or not len(parsed):
        return []
    matcher = _matcher(parsed.vocab)
    facts: set[Fact] = set()
    # Token -> the argument tokens it stands for: the constructions' matches share their words.
    arguments: dict[int, list[int]] = {}

    def arguments_of(token: Any) -> list[int]:
        if token.i not in arguments:
            arguments[token.i] = _with_conjuncts(_antecedent(token))
        return arguments[token.i]

    for key, token_ids in matcher(parsed):
        name, _, k = key.partition("#")
        outputs, variants = CONSTRUCTIONS[name]
        # Tokens come in the order of the variant's nodes.
        nodes = {spec["RIGHT_ID"]: token_ids[n] for n, spec in enumerate(variants[int(k)])}
        if _denied(parsed[i] for i in token_ids):
            continue
        if name == "members_listed_after" and parsed[nodes["m"] - 1].text not in LIST_INTRODUCERS and not _bracketed_list(parsed[nodes["m"]]):
            continue  # only a list set off by a dash or colon names the members ("X (Y)" is X's short name, "X (A, B and C)" a list)
        if name == "held_after_event" and (any(c.dep_ in ("nsubj", "nsubjpass") for c in parsed[nodes["verb"]].children)
                                           or not parsed[nodes["verb"]].i > nodes["ev"]):
            continue  # a participle with a subject of its own, or before the event, is not the event's
        if name == "located_verb" and "first" in nodes and any(c.dep_ in ("nsubj", "nsubjpass") for c in parsed[nodes["verb"]].children):
            continue  # "X was founded in 1992 and its arm is stationed in Y": the second verb's own subject is there, not X
        if name == "gathers" and parsed[nodes["m"]].lemma_.lower() in PART_NOUNS:
            continue  # "X comprises three bodies: A, B and C": organs (comprises_bodies), not members
        if name == "acted_at" and parsed[nodes["verb"]].lemma_.lower() in LOOKING_VERBS:
            continue  # "A looked at E" is about the event, not in it
        if name in ("joined", "joined_clause") and "verb" in nodes and _as_observer(parsed[nodes["verb"]]):
            continue  # "A joined X as an observer": observer status, not membership
        if name == "partnership" and "np" in nodes and any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in parsed[nodes["np"]].children):
            continue  # "X and Y are partners of Z": partners of Z, not of each other
        for out in outputs:
            if out.head not in nodes or out.tail not in nodes:
                continue
            head = parsed[nodes[out.head]]
            if out.head_is_clause_subject:
                head = clause_subject(head)
                if head is None:
                    continue
            if out.tail_elided and not (elided_event if out.label == "participant_in" else elided_object)(parsed[nodes[out.tail]]):
                continue
            heads = arguments_of(head) + [c.i for c in _companions(head)]
            if out.list_after_tail:
                heads = [t.i for t in _list_after(parsed[nodes[out.tail]])]
            if out.label == "held_in" and name == "hosted" and _co_host(parsed[nodes["verb"]]):
                continue  # "A and B co-hosted E": the co-hosts take part, but co-hosting says nothing of where
            if out.label == "participant_in":
                heads = heads + [r.i for h in heads for r in _represented(parsed[h])]
            tails = [nodes[out.tail]] if out.tail_elided else arguments_of(parsed[nodes[out.tail]])
            if name == "located_verb":
                heads = heads + _seat_owners(head)
            if name == "in_place":
                heads = _without_own_place(parsed, heads, nodes["x"], nodes["prep"])
                tails = _without_own_place(parsed, tails, nodes["y"], nodes["prep"])
            if out.label == "located_in" and name in ("in_place", "located_verb"):
                tails = [t for t in tails if not _larger_place_after(parsed[t], nodes[out.tail])]
            for h in heads:
                for t in tails:
                    if h != t:
                        facts.add(Fact(name, out.label, h, t, out.head_labels))
    return sorted(facts, key=lambda f: (f.head, f.tail, f.pattern, f.label))


def pattern_hits(facts: list[Fact], head_tokens: range, tail_tokens: range, head_label: str, tail_label: str) -> list[tuple[str, str]]:
    """(pattern name, label) of the facts between tokens of the two argument spans that the argument types allow."""
    hits = []
    for fact in facts:
        if fact.head in head_tokens and fact.tail in tail_tokens and relation_allowed(fact.label, head_label, tail_label):
            if fact.head_labels is None or head_label in fact.head_labels:
                if (fact.pattern, fact.label) not in hits:
                    hits.append((fact.pattern, fact.label))
    return hits


class DocFacts:
    """A parsed document's facts, and the candidate pairs they hold for (token spans cached)."""

    def __init__(self, parsed: Any):
        self.parsed = parsed
        self.facts = find(parsed)
        self._spans: dict[tuple[int, int], range] = {}

    def tokens(self, start: int, end: int) -> range:
        """Token indices of a character span, widened to whole tokens."""
        if (start, end) not in self._spans:
            span = self.parsed.char_span(start, end, alignment_mode="expand") if self.parsed is not None else None
            self._spans[(start, end)] = range(0) if span is None else range(span.start, span.end)
        return self._spans[(start, end)]

    def hits(self, head: tuple[int, int], tail: tuple[int, int], head_label: str, tail_label: str) -> list[tuple[str, str]]:
        if not self.facts:
            return []
        return pattern_hits(self.facts, self.tokens(*head), self.tokens(*tail), head_label, tail_label)

    def coordinated(self, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """The two spans' root tokens are conjuncts of one coordination."""
        a, b = self.tokens(*first), self.tokens(*second)
        if not a or not b:
            return False
        root_a = self.parsed[a.start:a.stop].root
        root_b = self.parsed[b.start:b.stop].root
        group = [root_a, *root_a.conjuncts]
        if root_b.i not in {t.i for t in group}:
            return False
        # Only a real list ("A and B", "A, B or C"): "Almaty, Kazakhstan" is often parsed as conjuncts too.
        return any(child.dep_ == "cc" for t in group for child in t.children)
