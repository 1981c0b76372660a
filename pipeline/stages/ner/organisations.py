"""Extents and labels of organisation names that the recognisers cut or mislabel, read after resolution.

* A name built "<body> for/of/on <purpose> in <region>" keeps its region
  ("Centre for the Study of Democratic Governance in West Africa", "Network of
  Women Mediators in the Horn of Africa", "Economic Commission for Latin America
  and the Caribbean"): guidelines §2, a place inside an ORG name is not
  annotated apart. Only a region, a sea or a named area continues the name; a
  city or a country after "in" is where the body is ("the Institute for
  Security Studies in Pretoria"), and a name the gazetteer knows is complete.
  A gathering's name so built grows the same way ("Conference on Fisheries in
  the Gulf of Guinea").
* A name headed by a gathering's noun ("Forum", "Conference") that the
  sentence presents as a standing body — with members, a secretariat, a seat —
  is an ORG (decision 28: "International Energy Forum", "Hague Conference on
  Private International Law"), its "on/for <topic>" tail included.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from textmine.stages.ner.spans import Candidate

_COMPASS = r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)"
_CAPITALISED = r"[A-Z][\w'’-]*"
# After the body's name: "in the <region>"; between regions ", the" and "and (the)".
_IN_REGION = re.compile(r"\sin\s(?:the\s)?")
_REGION_LINK = re.compile(r"(?:,\s|\sand\s)(?:the\s)?")
# A run of capitalised words a region may be read from ("Horn of Africa", "Eastern and Central Africa").
_REGION_RUN = re.compile(rf"(?:{_COMPASS}\sand\s)?{_CAPITALISED}(?:\s(?:of\s(?:the\s)?)?{_CAPITALISED}){{0,4}}")
_PURPOSE = re.compile(r"\s(?:for|of|on)\s")
_REGION_KINDS = frozenset({"region", "water", "mountains", "historical-country"})
# A region named by its head noun ("Great Lakes Region", "Pacific Islands").
_REGION_HEAD = re.compile(r"\s(?:Region|Islands|Basin|Coast|Sea|Ocean|Peninsula|Highlands|Delta)$")
# A region named head first ("Gulf of Guinea", "Bay of Bengal").
_REGION_HEAD_FIRST = re.compile(r"^(?:Gulf|Bay|Sea|Horn|Strait|Basin|Coast)\sof\s")
_ALL_CAPITALISED = re.compile(rf"{_CAPITALISED}(?:\s{_CAPITALISED}){{0,2}}(?![\w'’-]|\s[A-Z])")


def _is_region(name: str, lookup: Callable[[str], object]) -> bool:
    name = re.sub(rf"^{_COMPASS}\sand\s", "", name)
    entry = lookup(name)
    if entry is not None:
        return entry.label == "LOC" and entry.kind in _REGION_KINDS
    return bool(_REGION_HEAD.search(name) or _REGION_HEAD_FIRST.match(name))


def _region_at(text: str, position: int, lookup: Callable[[str], object]) -> int | None:
    """The end of the region named at ``position`` (the longest run of capitalised words that is one), or None."""
    run = _REGION_RUN.match(text, position)
    if run is None:
        return None
    words = list(re.finditer(r"\S+", run.group()))
    for count in range(len(words), 0, -1):
        end = position + words[count - 1].end()
        if _is_region(text[position:end], lookup):
            return end
    return None


def _region_tail_end(text: str, end: int, lookup: Callable[[str], object], opened: bool) -> int:
    """Where the regions after an organisation's name end: "in the A, the B and C"; ``opened`` when the name
    already ends in a region after "for"/"in", so that "and the B" goes on from it."""
    regions = 0
    if not opened:
        link = _IN_REGION.match(text, end)
        region_end = _region_at(text, link.end(), lookup) if link else None
        if region_end is None:
            return end
        end, regions = region_end, 1
    while link := _REGION_LINK.match(text, end):
        region_end = _region_at(text, link.end(), lookup)
        if region_end is None and regions >= 2 and link.group().startswith(" and"):
            last = _ALL_CAPITALISED.match(text, link.end())  # "..., the Horn of Africa and Bordering States"
            region_end = last.end() if last else None
            if region_end is not None:
                return region_end
        if region_end is None:
            break
        end, regions = region_end, regions + 1
    return end


def _ends_in_region(surface: str, lookup: Callable[[str], object]) -> bool:
    """"Economic Commission for Latin America": the name's words after its last "for"/"in" are a region."""
    parts = re.split(r"\s(?:for|in)\s(?:the\s)?", surface)
    return len(parts) > 1 and _is_region(parts[-1], lookup)


def organisations_with_inner_region(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Organisation and gathering names grown over the region that ends them ("Symposium on Glacier Retreat in the
    Pamirs"); the regions' own mentions dropped."""
    from textmine.resources.gazetteer import load_gazetteer

    lookup = load_gazetteer().lookup
    grown: list[Candidate] = []
    for cand in chosen:
        surface = text[cand.start:cand.end]
        if cand.label not in ("ORG", "EVENT") or not _PURPOSE.search(surface) or lookup(surface) is not None:
            continue
        end = _region_tail_end(text, cand.end, lookup, opened=_ends_in_region(surface, lookup))
        if end > cand.end and "\n" not in text[cand.end:end]:
            grown.append(replace(cand, end=end, canonical=None, kb_id=None))
    if not grown:
        return chosen
    kept = [c for c in chosen if not any(g.start <= c.start and c.end <= g.end for g in grown)]
    return sorted(kept + grown, key=lambda c: c.start)


# Gathering nouns that also head the names of standing organisations.
_STANDING_HEAD = re.compile(r"\b(?:Forum|Conference)\b")
# Names that say themselves that the body stands between meetings: "Permanent Conference of ...", "Standing Forum on
# ...", a parliament or party named "National Congress".
_STANDING_NAME = re.compile(r"^(?:Permanent|Standing)\s|\bNational\sCongress\b")
_TOPIC_TAIL = re.compile(rf"\s(?:on|for)\s(?:the\s)?{_CAPITALISED}(?:\s(?:(?:and|of|the)\s)*{_CAPITALISED})*")
# Words around a name that present a standing body: membership, a secretariat, a seat.
_STANDING_BEFORE = re.compile(
    r"(?:\bmembers?|\bmembership|\bsecretariat|\bSecretary[- ]General|\bjoined|\bjoin|\bfounded|\bobserver\sstatus)"
    r"\s(?:of\s|in\s|to\s)?(?:the\s)?$"
)
_STANDING_AFTER = re.compile(
    r"(?:,\s|\s)(?:(?:a|an|the)\s(?:standing|permanent|intergovernmental|international)\s(?:body|organi[sz]ation)"
    r"|based\sin|headquartered\sin|whose\ssecretariat|which\shas\s(?:a|its)\ssecretariat|has\sits\s(?:seat|secretariat|headquarters)"
    r"|with\s(?:a|its)\s(?:permanent\s)?secretariat)"
    r"|['’]s\s(?:secretariat|members|member\sstates)"
)


def standing_bodies(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """EVENTs headed by "Forum"/"Conference" that the sentence presents as standing bodies, or whose name says they
    stand ("Permanent Conference of ...", "National Congress of ..."), relabelled ORG."""
    out = []
    for cand in chosen:
        if cand.label == "EVENT" and _STANDING_NAME.search(text[cand.start:cand.end]):
            cand = replace(cand, label="ORG")
        elif cand.label == "EVENT" and _STANDING_HEAD.search(text, cand.start, cand.end) and not re.search(r"\d", text[cand.start:cand.end]):
            tail = _TOPIC_TAIL.match(text, cand.end)
            end = tail.end() if tail and " of " not in text[cand.start:cand.end] else cand.end
            if _STANDING_BEFORE.search(text, max(0, cand.start - 30), cand.start) or _STANDING_AFTER.match(text, end):
                cand = replace(cand, end=end, label="ORG")
        out.append(cand)
    return _without_crossed(out)


def _without_crossed(chosen: list[Candidate]) -> list[Candidate]:
    """Mentions left inside a grown name dropped (the grown one wins)."""
    grown = [c for c in chosen if c.label == "ORG"]
    return [c for c in chosen if not any(g is not c and g.start <= c.start and c.end <= g.end for g in grown)]
