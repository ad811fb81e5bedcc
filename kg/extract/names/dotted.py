"""A park's name set before a middle dot and the name of one of its parts after it is one name.

海洋创新园·海立方园（三期）, 某某云谷·某某科技园: a cluster or a campus, then the part of it a project
builds, written as one name with a middle dot. A grammar that reads the first part (an open head: 园,
谷) stops at the dot; the name the text gives is both. `kg.extract.names.edges.dotted_prefix` joins the
same two from the right-hand part when a grammar reads that one.
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.names.cues import CueIndex
from kg.extract.names.rules import Candidate
from kg.types import Sentence

DOT = "·"
TAIL_REACH = 10  # characters after the dot searched for the part's type word
STOPS = "，。；、：！？（(）)“”\"《》 \n"


def join_dotted(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """Each park candidate right before a middle dot extended over the part's name after it, where that name
    ends in a park's type word (园, 园区, 科技园, 谷): never over a district (某开发区·某某区 names two bodies)."""
    if DOT not in sent.text:
        return cands
    heads = (*cues.open_heads, *cues.lex.park_types)
    out = []
    for c in cands:
        at = c.end - sent.start
        if c.cls == "Park" and not c.generic and sent.text[at:at + 1] == DOT:
            tail = _part_after_dot(sent.text[at + 1:at + 1 + TAIL_REACH], heads)
            if tail:
                c = replace(c, end=c.end + 1 + len(tail))
        out.append(c)
    return out


def _part_after_dot(text: str, heads: tuple) -> str:
    """The longest run of `text`, up to a stop, that ends in a park head and has a name of two characters or
    more before it (海立方园 of 海立方园（三期）), else ''."""
    run = text[:next((i for i, ch in enumerate(text) if ch in STOPS), len(text))]
    for end in range(len(run), 2, -1):
        head = next((h for h in heads if run[:end].endswith(h)), "")
        if head and end - len(head) >= 2:
            return run[:end]
    return ""
