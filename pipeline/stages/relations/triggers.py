"""Trigger words grouped by what they mean, so that a trigger seen once in training carries over to its synonyms.

The classifier sees the group of a word ("membership") besides the word
itself, so "acceded", "was admitted" and "joined" share what any one of them
taught it. The groups were written from the guidelines' relation definitions
and English usage (thesaurus synonyms of each definition's verbs and nouns),
not from the seed page's sentences. Words are spaCy lemmas, lower-cased.
"""

from __future__ import annotations

TRIGGER_GROUPS: dict[str, frozenset[str]] = {
    # X is one of the members of an organisation.
    "membership": frozenset({
        "member", "membership", "join", "accede", "accession", "admit", "admission", "enter", "unite", "comprise",
        "consist", "include", "found", "founding", "founder", "co-found", "cofounder", "form", "establish", "constitute",
        "affiliate", "belong", "enlarge", "enlargement", "expand", "expansion", "participant", "signatory", "bloc", "party",
    }),
    # An observer, not a member.
    "observer": frozenset({"observer", "observership", "status", "guest", "dialogue"}),
    # A part or body of an organisation.
    "part": frozenset({
        "part", "body", "organ", "division", "branch", "subsidiary", "unit", "department", "agency", "wing",
        "committee", "secretariat", "council", "structure", "institute", "faculty", "chapter", "office",
        "commission", "tribunal", "court", "assembly", "bureau", "directorate", "board", "affiliate", "subordinate",
    }),
    # Where something is.
    "location": frozenset({
        "locate", "base", "headquarter", "headquarters", "situate", "seat", "lie", "border", "capital", "city",
        "region", "province", "territory", "near", "move", "relocate", "station", "deploy", "district",
    }),
    # An event and where or when it happens.
    "event_place": frozenset({
        "hold", "take", "place", "convene", "meet", "gather", "stage", "conduct", "organize", "organise", "run",
        "summit", "meeting", "conference", "forum", "session", "congress", "exercise", "drill", "manoeuvre",
        "maneuver", "game", "talk", "round", "visit", "venue", "range", "ground",
    }),
    # A place or body that receives an event.
    "hosting": frozenset({"host", "hosting", "welcome", "receive", "venue", "home"}),
    # Taking part in an event.
    "participation": frozenset({
        "participate", "participation", "participant", "attend", "attendance", "part", "join", "involve",
        "delegation", "delegate", "send", "contribute", "troop", "contingent", "bring", "together", "draw",
        "feature", "engage", "compete", "contest", "represent", "observe", "lead",
    }),
    # A person working for or studying at an organisation.
    "affiliation": frozenset({
        "professor", "lecturer", "researcher", "fellow", "scientist", "student", "candidate", "doctoral",
        "associate", "assistant", "senior", "head", "director", "dean", "chair", "staff", "employee", "work",
        "employ", "teach", "study", "serve", "affiliate", "university", "institute", "academy", "school",
        "department", "faculty", "college", "laboratory", "centre", "center",
    }),
    # Cooperation between organisations.
    "partnership": frozenset({
        "partner", "partnership", "cooperate", "cooperation", "collaborate", "collaboration", "agreement",
        "memorandum", "ally", "alliance", "coordinate", "contact", "tie", "relation", "forge",
    }),
    # Words that deny or only attempt what follows.
    "denial": frozenset({"not", "never", "no", "attempt", "try", "seek", "fail", "refuse", "deny", "reject", "withdraw", "leave", "suspend"}),
}

# Fixed order: features are added group by group, and their order must not depend on the hash seed.
GROUP_ORDER = tuple(sorted(TRIGGER_GROUPS))


# Lemma -> its groups in GROUP_ORDER: the features ask for the groups of every word between and on the path of every pair.
_GROUPS_BY_LEMMA: dict[str, tuple[str, ...]] = {
    lemma: tuple(name for name in GROUP_ORDER if lemma in TRIGGER_GROUPS[name]) for lemma in set().union(*TRIGGER_GROUPS.values())
}


def groups_of(lemma: str) -> tuple[str, ...]:
    """The meaning groups of a lemma, in GROUP_ORDER."""
    return _GROUPS_BY_LEMMA.get(lemma, ())
