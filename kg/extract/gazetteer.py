"""Dictionary matching: find the ontology's written forms in a text.

One interface, two engines, so the choice can be measured rather than guessed:

* ``regex``: one pattern of the escaped terms shaped as their character trie
  (`trie_pattern`); the standard library only. Greedy optional branches make
  the first match at each position the longest there, as an alternation sorted
  longest first would, but ``re`` follows one branch per character instead of
  trying every term.
* ``trie``: HanLP's character trie (the ``hanlp-trie`` package, no torch) and
  its ``parse_longest``.

Both return what HanLP's trie returns, ``(begin, end, label)`` triples, scanning
left to right and taking the longest term at each position; matches never
overlap, so the two engines agree on every text (``compare_engines`` checks it on
a corpus). Labels are whatever the caller maps each term to, e.g. a concept IRI.

>>> g = Gazetteer({"生物医药": "ind:biomed", "医药": "ind:pharma", "集成电路": "ind:ic"})
>>> g.find("聚焦生物医药和集成电路，发展医药")
[(2, 6, 'ind:biomed'), (7, 11, 'ind:ic'), (14, 16, 'ind:pharma')]
>>> g.engine
'regex'
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Iterable

from kg.errors import ParkKGError, missing_extra

ENGINES = ("regex", "trie")
DEFAULT_ENGINE = "regex"  # measured: see compare_engines and docs/hanlp.md


def trie_pattern(words) -> re.Pattern | None:
    """One regex for `words` that finds, left to right, the longest word at each position.

    It matches exactly what the alternation of the words sorted longest first
    matches, but is shaped as their character trie (``生物(?:医药)?|集成电路``),
    so the regex engine follows one branch per character instead of trying
    every word at every position: many times faster on a vocabulary of hundreds.

    >>> trie_pattern(["生物", "生物医药", "医药", "集成电路"]).findall("生物医药和医药，生物")
    ['生物医药', '医药', '生物']
    >>> trie_pattern([]) is None
    True
    """
    trie = _trie(words)
    return re.compile(_trie_regex(trie)) if trie else None


def trie_branches(words) -> list[tuple[str, str]]:
    """The first characters of `words`, each with the regex of the words' rest after it ('' when none).

    >>> trie_branches(["生物", "生物医药", "医"])
    [('医', ''), ('生', '物(?:医药)?')]
    """
    return [(ch, _trie_regex(child)) for ch, child in sorted(_trie(words).items())]


def _trie(words) -> dict:
    trie: dict = {}
    for word in {w for w in words if w}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return trie


def _trie_regex(node: dict) -> str:
    """The regex of a trie node: longer continuations first, then ending here (greedy = longest)."""
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


class RegexEngine:
    """The terms as one regex shaped as their trie (`trie_pattern`): longest match at each position.

    >>> RegexEngine({"AI": "x", "人工智能": "y"}).find("人工智能AI")
    [(0, 4, 'y'), (4, 6, 'x')]
    """

    name = "regex"

    def __init__(self, terms: dict[str, str]):
        self.terms = dict(terms)
        self._re = trie_pattern(self.terms)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        terms = self.terms
        return [(m.start(), m.end(), terms[m.group()]) for m in self._re.finditer(text)]


class TrieEngine:
    """HanLP's trie (``pip install hanlp-trie``): longest match at each position.

    >>> import pytest; _ = pytest.importorskip("hanlp_trie")
    >>> TrieEngine({"AI": "x", "人工智能": "y"}).find("人工智能AI")
    [(0, 4, 'y'), (4, 6, 'x')]
    """

    name = "trie"

    def __init__(self, terms: dict[str, str]):
        try:
            from hanlp_trie import Trie
        except ImportError as exc:
            raise missing_extra("hanlp-trie", "hanlp") from exc
        self.terms = dict(terms)
        self._trie = Trie({w: label for w, label in self.terms.items() if w})

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if not self.terms:
            return []
        return [(b, e, label) for b, e, label in self._trie.parse_longest(text)]


class Gazetteer:
    """Find dictionary terms in text with the chosen engine ('regex' or 'trie').

    >>> Gazetteer({"新能源": "I"}).find("发展新能源汽车")
    [(2, 5, 'I')]
    >>> Gazetteer({}, engine="fast")
    Traceback (most recent call last):
    ...
    kg.errors.ParkKGError: unknown gazetteer engine 'fast'; use one of regex, trie
    """

    def __init__(self, terms: dict[str, str], engine: str = DEFAULT_ENGINE):
        if engine not in ENGINES:
            raise ParkKGError(f"unknown gazetteer engine '{engine}'; use one of {', '.join(ENGINES)}")
        self.engine = engine
        self._impl = RegexEngine(terms) if engine == "regex" else TrieEngine(terms)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return self._impl.find(text)


@dataclass(frozen=True)
class EngineRun:
    """One engine's pass over a set of texts."""

    engine: str
    chars: int
    seconds: float
    matches: int
    build_seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else float("inf")


@dataclass(frozen=True)
class EngineComparison:
    runs: tuple  # EngineRun per engine
    texts: int
    terms: int
    agreement: float  # share of texts on which every engine returned the same triples
    differing: tuple  # indices of texts where they differ (first few)


def compare_engines(texts: Iterable[str], terms: dict[str, str], engines=ENGINES,
                    repeat: int = 3) -> EngineComparison:
    """Time each engine over `texts` (best of `repeat`) and check that they agree.

    >>> import pytest; _ = pytest.importorskip("hanlp_trie")
    >>> c = compare_engines(["生物医药和医药"], {"生物医药": "a", "医药": "b"}, repeat=1)
    >>> c.agreement, [r.matches for r in c.runs]
    (1.0, [2, 2])
    """
    texts = list(texts)
    chars = sum(len(t) for t in texts)
    runs, outputs = [], []
    for name in engines:
        t0 = time.perf_counter()
        g = Gazetteer(terms, engine=name)
        build = time.perf_counter() - t0
        best, found = float("inf"), []
        for _ in range(max(1, repeat)):
            t0 = time.perf_counter()
            found = [g.find(t) for t in texts]
            best = min(best, time.perf_counter() - t0)
        runs.append(EngineRun(name, chars, best, sum(len(f) for f in found), build))
        outputs.append(found)
    differing = [i for i in range(len(texts)) if any(o[i] != outputs[0][i] for o in outputs[1:])]
    agreement = 1 - len(differing) / len(texts) if texts else 1.0
    return EngineComparison(tuple(runs), len(texts), len(terms), agreement, tuple(differing[:20]))


def _main(argv=None) -> int:  # pragma: no cover - a measuring script, run by hand
    """python -m kg.extract.gazetteer CORPUS.jsonl [--limit N]: benchmark the engines."""
    import argparse
    import json

    from kg.ontology import load_lexicon

    ap = argparse.ArgumentParser(description=_main.__doc__)
    ap.add_argument("corpus", help="JSONL with a 'text' field per line (read in place)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--all-terms", action="store_true", help="every lexicon term, not just industry labels")
    args = ap.parse_args(argv)
    texts = []
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line).get("text", ""))
            if args.limit and len(texts) >= args.limit:
                break
    lex = load_lexicon()
    if args.all_terms:
        terms = {t: "term" for t in lex.all_terms()}
    else:
        terms = {w: iri for w, iri in lex.industry_labels.items() if len(w) >= 2}
    c = compare_engines(texts, terms, repeat=args.repeat)
    print(f"{c.texts} texts, {sum(len(t) for t in texts)} chars, {c.terms} terms")
    for r in c.runs:
        print(f"{r.engine:6s} {r.chars_per_second / 1e6:8.2f} M chars/s  {r.seconds:7.3f} s  "
              f"build {r.build_seconds * 1000:6.1f} ms  {r.matches} matches")
    print(f"agreement: {c.agreement:.4f} of texts identical; differing: {list(c.differing)}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
