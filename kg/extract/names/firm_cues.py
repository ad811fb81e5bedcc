"""Grammar `grammar:firm-cue` (v1): firms named outside lists and without a legal suffix, by the words
that tie them: a name in Latin letters before an officer's title (某Latin名 首席技术官) or after a noun
for a kind of firm (芯片制造商 某Latin名), and the agent of a passive takeover (被某某收购).

Pure regular expressions over the sentence, their words read from the lexicon's grammar words.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.names import evidence as ev
from kg.extract.names.cues import NAME_POS, PUNCT, CueIndex, alternation
from kg.extract.segment import UNKNOWN
from kg.extract.names.rules import Candidate, candidate
from kg.types import Sentence

NAME, VERSION = "grammar:firm-cue", 1
LATIN_WORD = r"[A-Z][A-Za-z0-9&\-]{1,19}"
# one word or several (某某 Hub 某某): the whole run of capitalised words is the name
LATIN_NAME = r"(?<![A-Za-z0-9&.\- ])(" + LATIN_WORD + "(?: " + LATIN_WORD + r")*)(?![A-Za-z0-9&\-])"
AGENT = r"([^，。；：、！？\s“”（）()]{2,10}?)"  # the agent of a passive verb, shortest first


def _any(words) -> str:
    return alternation(words).pattern


@lru_cache(maxsize=4)
def _patterns(officers: tuple, appositions: tuple, passive: tuple, takeovers: tuple) -> tuple:
    return (re.compile(LATIN_NAME + r" ?(?=" + _any(officers) + ")"),
            re.compile("(?:" + _any(appositions) + ") ?" + LATIN_NAME),
            re.compile("(?:" + _any(passive) + ")" + AGENT + "(?:" + _any(takeovers) + ")"))


def _latin_firm(cues: CueIndex, text: str, start: int, name: str) -> bool:
    """A Latin name that is no field (AI, 5G) and no officer's title (CEO), and that no proper-name word
    runs into from the left (某某NWTN: the name is longer, its start unknown here)."""
    before = cues.tokens(text[max(0, start - 4):start])
    glued = bool(before) and text[start - 1] not in PUNCT and (before[-1].pos in NAME_POS or before[-1].pos == UNKNOWN)
    return name not in cues.lex.industry_labels and name not in cues.lex.words("firm-officer") \
        and name.upper() not in cues.lex.industry_labels and not glued


def _agent_firm(cues: CueIndex, name: str) -> bool:
    """The agent of 被…收购: a name (Latin, a proper-name or rare word), no generic word, no phrase,
    no region of the gazetteer."""
    toks = cues.tokens(name)
    return (name not in cues.lex.generic and not ev.has_boundary(cues, name) and not ev.has_verb(cues, name)
            and not any(t.word in cues.lex.regions or t.word in cues.words["country_words"] for t in toks)
            and ev.has_name_evidence(cues, name, "", firm=True))


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    w = cues.lex.words
    officer, apposition, passive = _patterns(w("firm-officer"), w("firm-apposition"), w("passive-marker"),
                                             w("takeover-verb"))
    text, base = sent.text, sent.start
    out = [candidate("firm-cue", base + m.start(1), base + m.end(1), "Enterprise")
           for pattern in (officer, apposition) for m in pattern.finditer(text) if _latin_firm(cues, text, m.start(1), m.group(1))]
    out += [candidate("firm-cue", base + m.start(1), base + m.end(1), "Enterprise")
            for m in passive.finditer(text) if _agent_firm(cues, m.group(1))]
    return out
