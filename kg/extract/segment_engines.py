"""The two segmentation engines: jieba-rs through rjieba, and Python jieba, the reference.

Each cuts one block of Han and alphanumeric characters (``cut``) as
``jieba.cut(block, HMM=True)`` does with the user dictionary of
`kg.extract.segment_dictionary`; rjieba also cuts a whole text at once (``cut_text``).
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache

from kg.errors import ParkKGError
from kg.extract.segment_dictionary import Entry, base_dictionary, dictionary_total

ENGINES = ("rjieba", "jieba")
ENV_VAR = "KG_SEGMENTER"
# jieba's HMM split of non-Han runs (jieba.finalseg.re_skip), which jieba-rs does its own way
HMM_SKIP = re.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
HMM_PIECE = re.compile("[a-zA-Z0-9]+(?:\\.\\d+)?%?")  # one piece jieba's HMM keeps whole (2023, 10.02, 5%)
HMM_SYMBOLS = re.compile("[+#&._%\\-]")


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
