"""Grammar `grammar:frame` (v1): industries named by their frame rather than a list.

以伊利乳业为代表的食品饮料; 产业集群（电子元器件及设备制造）.
"""
from __future__ import annotations

import re

from kg.extract.names import evidence as ev
from kg.extract.names.cues import CueIndex
from kg.extract.names.rules import Candidate, candidate
from kg.types import Sentence

NAME, VERSION = "grammar:frame", 1
_REPRESENTED = re.compile(r"为代表的([^、，。；：0-9一二三四五六七八九十两]{2,10}?)(?=[、，。；]|[0-9一二三四五六七八九十两]+大|等|产业)")
_BRACKETED = re.compile(r"(?:产业集群|产业|集群|领域)[（(]([^（）()，。、]{2,16})[）)]")


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    text, base = sent.text, sent.start
    out = [candidate("frame", base + m.start(1), base + m.end(1), "Industry") for m in _REPRESENTED.finditer(text)]
    for m in _BRACKETED.finditer(text):
        name = m.group(1)
        if cues.is_industry_name(name) or ev.has_name_evidence(cues, name, "subpark"):
            out.append(candidate("frame", base + m.start(1), base + m.end(1), "Industry"))
    return out
