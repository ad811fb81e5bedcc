"""Word segmentation with jieba, the ontology's terms as its user dictionary.

Part of speech comes from jieba's own dictionary (word -> tag) rather than
from ``jieba.posseg``, which is several times slower; words jieba does not
know (found by its HMM) are reported as ``"x?"``: usually names.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

from kg.ontology import Lexicon


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    word: str
    pos: str


UNKNOWN = "x?"
SHORT = 24  # strings up to this length (names being checked) are cached
BLOCK_CACHE = 200_000  # distinct Han runs remembered (about 40 MB); the memory is cleared when full


@lru_cache(maxsize=1)
def _jieba_dictionary() -> dict:
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    tags = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = (int(parts[1]), parts[2])
    return tags


class Segmenter:
    """jieba with the lexicon's terms added, plus a POS lookup."""

    def __init__(self, lexicon: Lexicon):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        self._tags = _jieba_dictionary()
        self._cache: dict = {}
        self._blocks: dict = {}
        # jieba's own block patterns, so that text splits into blocks exactly as jieba.cut splits it
        self._han_run, self._skip = jieba.re_han_default, jieba.re_skip_default
        self._extra = {}
        for term in sorted(lexicon.all_terms()):
            self._tokenizer.add_word(term, freq=max(self._tokenizer.suggest_freq(term, tune=False), 1000))
            self._extra.setdefault(term, "n")
        for place in sorted(lexicon.regions):
            if place not in self._tags:
                self._tokenizer.add_word(place, freq=50)
            self._extra.setdefault(place, "ns")
        for term in lexicon.boundaries:
            self._extra[term] = self._tags.get(term, (0, "v"))[1]

    @property
    def tokenizer(self):
        """The jieba Tokenizer with the ontology's terms: ``tokens`` gives exactly its ``cut(text, HMM=True)``."""
        return self._tokenizer

    def pos(self, word: str) -> str:
        """The dictionary tag of `word`, or ``"x?"`` when jieba does not know it."""
        if word in self._extra:
            return self._extra[word]
        entry = self._tags.get(word)
        return entry[1] if entry else UNKNOWN

    def frequency(self, word: str) -> int:
        entry = self._tags.get(word)
        return entry[0] if entry else 0

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text` with offsets shifted by `offset`."""
        if offset == 0 and len(text) <= SHORT:
            return list(self._short_tokens(text))
        return self._segment(text, offset)

    def _segment(self, text: str, offset: int) -> list[Token]:
        out = []
        pos = offset
        for word, tag in self._tagged_words(text):
            end = pos + len(word)
            out.append(Token(pos, end, word, tag))
            pos = end
        return out

    def _tagged_words(self, text: str):
        """(word, tag) pairs of `text`: exactly ``jieba.cut(text, HMM=True)``, one Han block at a time.

        jieba cuts each run of Han/alphanumeric characters on its own and splits
        everything between runs character by character (whitespace runs whole),
        so a run's words do not depend on its context. News repeats runs
        (slogans, titles, boilerplate: a fifth of the characters of a news
        corpus), and each distinct run is cut once.
        """
        for block in self._han_run.split(text):
            if not block:
                continue
            if self._han_run.match(block):
                words = self._blocks.get(block)
                if words is None:
                    if len(self._blocks) >= BLOCK_CACHE:
                        self._blocks.clear()
                    words = self._blocks[block] = tuple((w, self.pos(w)) for w in self._tokenizer.cut(block, HMM=True))
                yield from words
            else:
                for part in self._skip.split(block):
                    if self._skip.match(part):
                        yield part, self.pos(part)
                    else:
                        for ch in part:
                            yield ch, self.pos(ch)

    def _short_tokens(self, text: str) -> tuple:
        """Names and name parts are segmented again and again while checking them: remember them."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            cached = self._cache[text] = tuple(self._segment(text, 0))
        return cached
