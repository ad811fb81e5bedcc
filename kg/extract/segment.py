"""Word segmentation: one interface, two engines, the ontology's terms as their user dictionary.

* ``rjieba``: jieba-rs, the Rust port of jieba (same dictionary, same DAG and
  HMM), through its Python binding; the default when it is installed.
* ``jieba``: the Python original, the fallback and the reference.

``KG_SEGMENTER=jieba`` (or ``Segmenter(lexicon, engine="jieba")``) picks one
(`kg.extract.segment_engines`). Both engines get the same user dictionary with
the same frequencies (`kg.extract.segment_dictionary`: from jieba's ``dict.txt``
and the lexicon, not from either engine's state) and the same dictionary total,
so their DAGs agree. Where
jieba-rs's HMM cuts a run of non-Han characters its own way (``2023-2025``,
``RISC-V`` whole, where jieba splits at ``-`` and ``.``), the piece is cut again
with jieba's rule, so both engines give the same tokens (a test checks it on
arbitrary text).

Part of speech comes from jieba's dictionary (word -> tag) for both engines,
rather than from ``jieba.posseg``, which is several times slower; words the
dictionary does not know (found by the HMM) are reported as ``"x?"``: usually
names.

>>> from kg.ontology import load_lexicon
>>> seg = Segmenter(load_lexicon())
>>> [t.word for t in seg.tokens("苏州高新区聚焦集成电路")]
['苏州高新区', '聚焦', '集成电路']
>>> seg.pos("聚焦"), seg.pos("苏州")
('v', 'ns')
"""
from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import NamedTuple

from kg.extract.segment_dictionary import (Entry, base_dictionary, base_tags, dictionary_total,  # noqa: F401
                                           user_dictionary)
from kg.extract.segment_engines import (ENGINES, ENV_VAR, JiebaEngine, RjiebaEngine, check_engine,  # noqa: F401
                                        default_engine, make_engine)
from kg.ontology import Lexicon


class Token(NamedTuple):
    """A word and its tag at ``text[start:end]`` (a named tuple: segmentation makes millions of them)."""

    start: int
    end: int
    word: str
    pos: str


UNKNOWN = "x?"
SHORT = 24  # strings up to this length (names being checked) are cached
BLOCK_CACHE = 200_000  # distinct Han runs remembered (about 40 MB); the memory is cleared when full
# jieba's own block patterns (jieba.re_han_default, re_skip_default), copied: the rjieba engine must block
# text exactly as jieba does
HAN_RUN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
SKIP = re.compile("(\r\n|\\s)")
# ideographs jieba-rs counts as Han and jieba does not (found by trying every character): a text with one
# of them is cut block by block, as jieba blocks it
RUST_ONLY = re.compile("[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0002A6DF"
                       "\U0002A700-\U0002EBEF\U0002F800-\U0002FA1F]")


class Segmenter:
    """Tokens with offsets and a POS lookup, from the chosen engine with the ontology's terms added."""

    def __init__(self, lexicon: Lexicon, engine: str | None = None):
        self.engine_name = check_engine(engine) if engine else default_engine()
        self._freq = base_dictionary()
        self.engine = make_engine(self.engine_name, user_dictionary(lexicon, self._freq))
        self._cache: dict = {}
        self._blocks: dict = {}
        self._whole_text = hasattr(self.engine, "cut_text")  # fast enough to cut a whole text at once
        # the lexicon's words have their own tags: terms are nouns, regions places, boundaries what jieba says
        extra = {}
        for term in sorted(lexicon.all_terms()):
            extra.setdefault(term, "n")
        for place in sorted(lexicon.regions):
            extra.setdefault(place, "ns")
        tags = base_tags()
        for term in lexicon.boundaries:
            extra[term] = tags.get(term, "v")
        self._pos_of = dict(tags)
        self._pos_of.update(extra)

    def pos(self, word: str) -> str:
        """The dictionary tag of `word`, or ``"x?"`` when jieba's dictionary does not know it."""
        return self._pos_of.get(word, UNKNOWN)

    def frequency(self, word: str) -> int:
        return self._freq.get(word, 0)

    def tokens(self, text: str, offset: int = 0) -> list[Token]:
        """Tokens of `text` with offsets shifted by `offset`."""
        if offset == 0 and len(text) <= SHORT:
            return list(self._short_tokens(text))
        return self._segment(text, offset)

    def words(self, text: str) -> list[str]:
        """The words of `text`, as ``jieba.lcut(text, HMM=True)`` with the user dictionary gives them."""
        if self._whole_text and not RUST_ONLY.search(text):
            return self.engine.cut_text(text)
        return self._block_words(text)

    def _segment(self, text: str, offset: int) -> list[Token]:
        words = self.words(text)
        starts = list(accumulate(map(len, words), initial=offset))
        tags = map(self._pos_of.get, words, repeat(UNKNOWN))
        # tuple.__new__ makes each Token from a ready tuple without a Python-level call: half the cost of Token(...)
        return list(map(tuple.__new__, repeat(Token), zip(starts, starts[1:], words, tags)))

    def _block_words(self, text: str) -> list[str]:
        """The words of `text` cut one block at a time: exactly ``jieba.cut(text, HMM=True)``.

        jieba cuts each run of Han/alphanumeric characters on its own and splits
        everything between runs character by character (whitespace runs whole),
        so a run's words do not depend on its context. News repeats runs
        (slogans, titles, boilerplate: a fifth of the characters of a news
        corpus), and each distinct run is cut once.
        """
        blocks = self._blocks
        out: list = []
        for block in HAN_RUN.split(text):
            if block:
                words = blocks.get(block)
                out.extend(words if words is not None else self._cut_block(block))
        return out

    def _cut_block(self, block: str) -> tuple:
        if HAN_RUN.match(block):
            words = self.engine.cut(block)
        else:  # between runs: whitespace whole, everything else character by character
            words = []
            for part in SKIP.split(block):
                words.extend((part,) if SKIP.match(part) else part)
        if len(self._blocks) >= BLOCK_CACHE:
            self._blocks.clear()
        words = self._blocks[block] = tuple(words)
        return words

    def _short_tokens(self, text: str) -> tuple:
        """Names and name parts are segmented again and again while checking them: remember them."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            cached = self._cache[text] = tuple(self._segment(text, 0))
        return cached
