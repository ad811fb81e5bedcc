"""Grammar `grammar:frame` (v1): industries named by their frame rather than a list.

以伊利乳业为代表的食品饮料; 产业集群（电子元器件及设备制造）.
"""
from __future__ import annotations

from kg.extract.names import evidence as ev
from kg.extract.names.cues import CueIndex
from kg.extract.names.rules import Candidate, candidate
from kg.types import Sentence

NAME, VERSION = "grammar:frame", 1


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    text, base = sent.text, sent.start
    out = [candidate("frame", base + m.start(1), base + m.end(1), "Industry") for m in cues.patterns["represented"].finditer(text)]
    for m in cues.patterns["cluster"].finditer(text):
        name = m.group(1)
        if cues.is_industry_name(name) or ev.has_name_evidence(cues, name, "subpark"):
            out.append(candidate("frame", base + m.start(1), base + m.end(1), "Industry"))
    return out
