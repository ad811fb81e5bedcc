"""A park's name, a middle dot and the name of one of its parts: one name, read from either side.

海洋创新园·海立方园（三期）, 长三角绿洲智谷·赵巷园区: a cluster, a campus or a zone, then the part of it a
project builds, written as one name with a middle dot. A grammar that reads the first part (an open head:
园, 谷) stops at the dot, and the resolver extends it over the part (`join_dotted`); a grammar that reads
the part walks back over the dot into the cluster's name (`opening_before_dot`, called by the name walk,
`kg.extract.names.edges`). The heads are the cue index's (`CueIndex.park_heads`, `cluster_heads`).
"""
from __future__ import annotations

from collections.abc import Callable
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
    out = []
    for c in cands:
        at = c.end - sent.start
        if c.cls == "Park" and not c.generic and sent.text[at:at + 1] == DOT:
            tail = _part_after_dot(sent.text[at + 1:at + 1 + TAIL_REACH], cues.park_heads)
            if tail:
                c = replace(c, end=c.end + 1 + len(tail))
        out.append(c)
    return out


def opening_before_dot(cues: CueIndex, text: str, base: int, left: int, walk_from: Callable[[int], int]) -> int:
    """长三角绿洲智谷·赵巷园区, 某某云谷·606产业园: where a park's name that starts at `left` (text offset +
    `base`) really starts when a middle dot and the name of the cluster or zone it belongs to stand before it
    (one ending in a park head: 谷, 园, 城, a park word); `walk_from(end)` is the name walk back from `end`.
    `left` itself when there is no such name."""
    at = left - base
    if text[at - 1:at] != DOT or not text[:at - 1].endswith(cues.cluster_heads):
        return left
    opening = walk_from(left - 1)
    return opening if opening < left - 1 else left


def _part_after_dot(text: str, heads: tuple) -> str:
    """The longest run of `text`, up to a stop, that ends in a park head and has a name of two characters or
    more before it (海立方园 of 海立方园（三期）), else ''."""
    run = text[:next((i for i, ch in enumerate(text) if ch in STOPS), len(text))]
    for end in range(len(run), 2, -1):
        head = next((h for h in heads if run[:end].endswith(h)), "")
        if head and end - len(head) >= 2:
            return run[:end]
    return ""
