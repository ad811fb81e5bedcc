"""Turn overlapping candidates into one mention per span.

Longer names win over names they contain (南京大学苏州校区 over 南京大学); a name
found by a type word wins over the same span from a list; an industry word
inside another name is not an industry of its own (零碳科技产业园 gives no 零碳科技).
"""
from __future__ import annotations

from kg.ontology import Lexicon
from kg.types import Mention

STAGE_RANK = {"grammar:type-word": 3, "grammar:apposition": 3, "grammar:list": 2, "grammar:predicate": 2,
              "grammar:frame": 2, "grammar:trade-name": 1, "gazetteer:taxonomy": 1, "grammar:industry-suffix": 0}


def _strip_suffix(name: str, lex: Lexicon) -> str:
    for suffix in lex.industry_suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def resolve_candidates(doc_id: str, text: str, cands, lex: Lexicon) -> list[Mention]:
    # named spans first, longest first; generic park words take part but yield no name
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -STAGE_RANK.get(c.stage, 0), c.start))
    kept = []
    for c in ordered:
        clash = False
        for k in kept:
            if c.start < k.end and k.start < c.end:
                if c.start >= k.start and c.end <= k.end and (c.cls == k.cls == "Industry") and c.stage != k.stage:
                    clash = True  # same industry found twice
                elif c.start >= k.start and c.end <= k.end and not k.generic:
                    clash = True  # inside a longer name
                elif not (k.generic or c.generic):
                    clash = True  # crossing spans: keep the first (longer) one
                elif k.generic and not c.generic:
                    clash = False
                else:
                    clash = True
            if clash:
                break
        if not clash:
            kept.append(c)
    # drop generic parks that a named mention now covers
    named = [k for k in kept if not k.generic]
    final = [k for k in kept if not (k.generic and any(n.start <= k.start and k.end <= n.end for n in named))]
    out = []
    for c in sorted(final, key=lambda c: (c.start, c.end)):
        surface = text[c.start:c.end]
        name = _strip_suffix(surface, lex) if c.cls == "Industry" else surface
        out.append(Mention(doc_id, c.start, c.end, surface, c.cls, c.stage, c.score, name,
                           c.subclass, c.generic, c.level))
    return out
