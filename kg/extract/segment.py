"""Word segmentation: one interface, two engines, the ontology's terms as their user dictionary.

* ``rjieba``: jieba-rs, the Rust port of jieba (same dictionary, same DAG and
  HMM), through its Python binding; the default when it is installed.
* ``jieba``: the Python original, the fallback and the reference.

``KG_SEGMENTER=jieba`` (or ``Segmenter(lexicon, engine="jieba")``) picks one.
Both engines get the same user dictionary with the same frequencies
(`user_dictionary`, computed from jieba's ``dict.txt`` and the lexicon, not from
either engine's state) and the same dictionary total, so their DAGs agree. Where
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

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from typing import NamedTuple

from kg.errors import ParkKGError
from kg.ontology import Lexicon


class Token(NamedTuple):
    """A word and its tag at ``text[start:end]`` (a named tuple: segmentation makes millions of them)."""

    start: int
    end: int
    word: str
    pos: str


@dataclass(frozen=True)
class Entry:
    """One word of the user dictionary: both engines get exactly these."""

    word: str
    freq: int


UNKNOWN = "x?"
SHORT = 24  # strings up to this length (names being checked) are cached
BLOCK_CACHE = 200_000  # distinct Han runs remembered (about 40 MB); the memory is cleared when full
ENGINES = ("rjieba", "jieba")
ENV_VAR = "KG_SEGMENTER"
TERM_FREQ = 1000  # an ontology term is at least this frequent, so that jieba keeps it whole
PLACE_FREQ = 50  # a region the dictionary lacks: a word, but a rare one
# jieba's own block patterns (jieba.re_han_default, re_skip_default) and its HMM's split of non-Han runs
# (jieba.finalseg.re_skip), copied: the rjieba engine must block text exactly as jieba does
HAN_RUN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
SKIP = re.compile("(\r\n|\\s)")
HMM_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
HMM_PIECE = re.compile("[a-zA-Z0-9]+(?:\\.\\d+)?%?")  # one piece jieba's HMM keeps whole (2023, 10.02, 5%)
HMM_SYMBOLS = re.compile("[+#&._%\\-]")
# ideographs jieba-rs counts as Han and jieba does not (found by trying every character): a text with one
# of them is cut block by block, as jieba blocks it
RUST_ONLY = re.compile("[\u3400-\u4DBF\u9FD6-\u9FFF\uF900-\uFAFF\U00020000-\U0002A6DF"
                       "\U0002A700-\U0002EBEF\U0002F800-\U0002FA1F]")


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict, dict]:
    """jieba's ``dict.txt`` (three fields a line: word, frequency, tag) as word -> (frequency, tag) and word -> tag."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    fields = text.split()
    if len(fields) != 3 * len(text.splitlines()):  # not three fields on every line: keep the lines that have them
        fields = [f for line in text.splitlines() if len(line.split()) == 3 for f in line.split()]
    words, tags = fields[0::3], fields[2::3]
    return dict(zip(words, zip(map(int, fields[1::3]), tags))), dict(zip(words, tags))


def base_dictionary() -> dict:
    """jieba's ``dict.txt``: word -> (frequency, tag). The one source of frequencies and POS for both engines."""
    return _dictionaries()[0]


def base_tags() -> dict:
    """word -> tag of jieba's ``dict.txt``."""
    return _dictionaries()[1]


def user_dictionary(lexicon: Lexicon, base: dict) -> tuple[Entry, ...]:
    """The words whose frequency the lexicon changes, in a fixed order, with their final frequency.

    An ontology term gets at least `TERM_FREQ` (its dictionary frequency when
    higher); a region the dictionary lacks gets `PLACE_FREQ`, even when it is a
    term too (a place name is a name, not a vocabulary word). Words whose
    frequency does not change are left out, so adding the entries changes the
    dictionary total by exactly the sum of the changes, in either engine.

    >>> from kg.ontology import Lexicon
    >>> lex = Lexicon(); lex.regions = {"甲乙": "r1", "中国": "r2"}
    >>> user_dictionary(lex, {"中国": (95000, "ns")})
    (Entry(word='甲乙', freq=50),)
    """
    final: dict[str, int] = {}
    for term in sorted(lexicon.all_terms()):
        final[term] = max(base.get(term, (0,))[0], TERM_FREQ)
    for place in sorted(lexicon.regions):
        if place not in base:
            final[place] = PLACE_FREQ
    return tuple(Entry(w, f) for w, f in final.items() if f != base.get(w, (0,))[0])


def dictionary_total(base: dict, entries) -> int:
    """The sum of every frequency once the entries are in: what both engines divide by."""
    total = sum(freq for freq, _ in base.values())
    return total + sum(e.freq - base.get(e.word, (0,))[0] for e in entries)


def default_engine() -> str:
    """``$KG_SEGMENTER`` when set, else rjieba when it is installed, else jieba."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return check_engine(chosen)
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


def check_engine(name: str) -> str:
    """`name` if it is a segmentation engine, else a clear error.

    >>> check_engine("pkuseg")
    Traceback (most recent call last):
    ...
    kg.errors.ParkKGError: unknown segmenter engine 'pkuseg' (from KG_SEGMENTER or engine=); use one of rjieba, jieba
    """
    if name not in ENGINES:
        raise ParkKGError(f"unknown segmenter engine '{name}' (from {ENV_VAR} or engine=); "
                          f"use one of {', '.join(ENGINES)}")
    return name


class JiebaEngine:
    """Python jieba with the user dictionary: cuts one Han block as ``jieba.cut(block, HMM=True)``."""

    name = "jieba"

    def __init__(self, entries, total: int):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tokenizer = jieba.Tokenizer()
        self.tokenizer.initialize()
        for e in entries:
            self.tokenizer.add_word(e.word, freq=e.freq)
        # jieba adds a re-added word's new frequency to the total without taking its old one off: set the true sum
        self.tokenizer.total = total

    def cut(self, block: str) -> list[str]:
        return list(self.tokenizer.cut(block, HMM=True))

    def lcut(self, text: str) -> list[str]:
        """The library's own cut of a whole text (for tests)."""
        return self.tokenizer.lcut(text, HMM=True)


class RjiebaEngine:
    """jieba-rs with the same user dictionary; non-Han runs its HMM kept whole are cut with jieba's rule."""

    name = "rjieba"

    def __init__(self, entries, base: dict):
        try:
            import rjieba
        except ImportError as exc:
            raise ParkKGError("the 'rjieba' segmenter is not installed; install it with: pip install rjieba, "
                              f"or set {ENV_VAR}=jieba") from exc
        self._jieba = rjieba.Jieba()  # its embedded dictionary is jieba's dict.txt (tests/extract/test_segment.py)
        for e in entries:
            self._jieba.add_word(e.word, e.freq, None)
        self._base, self._added = base, {e.word for e in entries}

    def cut(self, block: str) -> list[str]:
        words = self._jieba.cut(block, True)
        # without these symbols a non-Han run is letters and digits, which both HMMs keep whole
        return self._recut(words) if HMM_SYMBOLS.search(block) else words

    def _recut(self, words: list[str]) -> list[str]:
        """jieba's HMM splits a non-Han run at ``-`` and ``.`` (``2023``, ``-``, ``2025``); jieba-rs keeps it whole.

        A word of several characters that the dictionary does not have and that
        is all ASCII (the non-Han characters of a block are) came from such a
        run: unless jieba's pattern would keep it whole too, cut it with that pattern.
        """
        base, added = self._base, self._added
        suspects = {w for w in filter(str.isascii, words)
                    if len(w) > 1 and not HMM_PIECE.fullmatch(w) and w not in base and w not in added}
        if not suspects:
            return words
        out = []
        for w in words:
            if w in suspects:
                out.extend(p for p in HMM_SKIP.split(w) if p)
            else:
                out.append(w)
        return out

    def cut_text(self, text: str) -> list[str]:
        """A whole text at once (no ideograph of `RUST_ONLY` in it), as jieba cuts it block by block."""
        words = self._jieba.cut(text, True)
        return self._recut(words) if HMM_SYMBOLS.search(text) else words

    def lcut(self, text: str) -> list[str]:
        return self._jieba.cut(text, True)


@lru_cache(maxsize=4)
def make_engine(name: str, entries: tuple[Entry, ...]):
    """The engine `name` with the user dictionary `entries`, built once per process and dictionary.

    An engine holds no state that cutting changes, so pipelines on the same
    lexicon share it (``kg bench`` and ``kg eval`` build several): loading a
    dictionary takes a tenth of a second in Rust and half a second in Python.
    """
    base = base_dictionary()
    if name == "rjieba":
        return RjiebaEngine(entries, base)
    return JiebaEngine(entries, dictionary_total(base, entries))


class Segmenter:
    """Tokens with offsets and a POS lookup, from the chosen engine with the ontology's terms added."""

    def __init__(self, lexicon: Lexicon, engine: str | None = None):
        self.engine_name = check_engine(engine) if engine else default_engine()
        self._tags = base_dictionary()
        self.engine = make_engine(self.engine_name, user_dictionary(lexicon, self._tags))
        self._cache: dict = {}
        self._blocks: dict = {}
        self._whole_text = hasattr(self.engine, "cut_text")  # fast enough to cut a whole text at once
        # the lexicon's words have their own tags: terms are nouns, regions places, boundaries what jieba says
        extra = {}
        for term in sorted(lexicon.all_terms()):
            extra.setdefault(term, "n")
        for place in sorted(lexicon.regions):
            extra.setdefault(place, "ns")
        for term in lexicon.boundaries:
            extra[term] = self._tags.get(term, (0, "v"))[1]
        self._pos_of = dict(base_tags())
        self._pos_of.update(extra)

    def pos(self, word: str) -> str:
        """The dictionary tag of `word`, or ``"x?"`` when jieba's dictionary does not know it."""
        return self._pos_of.get(word, UNKNOWN)

    def frequency(self, word: str) -> int:
        entry = self._tags.get(word)
        return entry[0] if entry else 0

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
