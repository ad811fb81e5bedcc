"""The user dictionary both segmentation engines get: jieba's ``dict.txt`` and the lexicon, the same numbers for both.

>>> from kg.ontology import Lexicon
>>> lex = Lexicon(); lex.regions = {"甲乙": "r1", "中国": "r2"}
>>> user_dictionary(lex, {"中国": 95000})
(Entry(word='甲乙', freq=50),)
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from functools import lru_cache

TERM_FREQ = 1000  # an ontology term is at least this frequent, so that jieba keeps it whole
PLACE_FREQ = 50  # a region the dictionary lacks: a word, but a rare one


@dataclass(frozen=True)
class Entry:
    """One word of the user dictionary: both engines get exactly these."""

    word: str
    freq: int


def _dictionary_path() -> str:
    """jieba's ``dict.txt``, found without importing jieba (its import takes a fifth of a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        import jieba  # not installed: the import says so

        return os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    return os.path.join(os.path.dirname(spec.origin), "dict.txt")


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict, dict]:
    """jieba's ``dict.txt`` (three fields a line: word, frequency, tag) as word -> frequency and word -> tag.

    Two flat tables rather than one of (frequency, tag) pairs: 350,000 pairs cost more than the
    rest of the start-up of a pipeline."""
    with open(_dictionary_path(), encoding="utf-8") as handle:
        text = handle.read()
    fields = text.split()
    if len(fields) != 3 * len(text.splitlines()):  # not three fields on every line: keep the lines that have them
        fields = [f for line in text.splitlines() if len(line.split()) == 3 for f in line.split()]
    words = fields[0::3]
    return dict(zip(words, map(int, fields[1::3]))), dict(zip(words, fields[2::3]))


def base_dictionary() -> dict:
    """jieba's ``dict.txt``: word -> frequency. The one source of frequencies for both engines."""
    return _dictionaries()[0]


def base_tags() -> dict:
    """word -> tag of jieba's ``dict.txt``."""
    return _dictionaries()[1]


def user_dictionary(lexicon, base: dict) -> tuple[Entry, ...]:
    """The words whose frequency the lexicon changes, in a fixed order, with their final frequency.

    An ontology term gets at least `TERM_FREQ` (its dictionary frequency when
    higher); a region the dictionary lacks gets `PLACE_FREQ`, even when it is a
    term too (a place name is a name, not a vocabulary word). Words whose
    frequency does not change are left out, so adding the entries changes the
    dictionary total by exactly the sum of the changes, in either engine.
    """
    final: dict[str, int] = {}
    for term in sorted(lexicon.all_terms()):
        final[term] = max(base.get(term, 0), TERM_FREQ)
    for place in sorted(lexicon.regions):
        if place not in base:
            final[place] = PLACE_FREQ
    return tuple(Entry(w, f) for w, f in final.items() if f != base.get(w, 0))


def dictionary_total(base: dict, entries) -> int:
    """The sum of every frequency once the entries are in: what both engines divide by."""
    return sum(base.values()) + sum(e.freq - base.get(e.word, 0) for e in entries)
