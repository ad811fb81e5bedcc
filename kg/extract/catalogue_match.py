"""Find the catalogue's zone names in a text: every name form of every zone, matched longest-leftmost.

`zone_terms` lists the forms (`kg.extract.catalogue_index`); `EndingMatcher` finds them by their few
type-word endings first, so 8,000 zone names cost little more than scanning for their type words.
"""
from __future__ import annotations

import re

from kg.extract.catalogue_index import MIN_CORE, CatalogueIndex
from kg.extract.gazetteer import trie_branches
from kg.extract.link import normalise


def zone_terms(index: CatalogueIndex) -> tuple[dict, set]:
    """Every name form of every zone -> zone IRI, for the gazetteer, and the type words they end with.

    A form is the zone's name part as written or with its leading places taken off, followed by the
    type word as the official name writes it or by its canonical short form (经开区, 高新区);
    forms under four characters are left out. Whether a form found in a text stands for one zone is
    decided in the document (`CatalogueLinker.link_name`).
    """
    short = {pt.canonical for pt in index.lex.park_types.values()}
    terms: dict = {}
    endings: set = set()
    for z in sorted(index.zones.values(), key=lambda z: z.iri):
        name = normalise(z.name)
        prefix, kind = index.linker.split_park(name)
        written = name[len(prefix):]
        for form, _places in index.forms(prefix):
            if len(form) < MIN_CORE:
                continue
            for ending in sorted({written} | ({kind} if kind in short else set())):
                term = form + ending
                if len(term) >= 4:
                    terms.setdefault(term, z.iri)
                    endings.add(ending or term)  # a name with no type word is its own ending
    return terms, endings


def starts_pattern(words) -> re.Pattern | None:
    """A pattern whose matches start exactly where some of `words` starts, overlapping ones included.

    Each match takes one character (the first of a word) and looks ahead for the rest, shaped as the
    words' trie; the next search starts one character on, so every start is found. The regex engine
    skips to the next possible first character in C, many times faster than ``(?=w1|w2|…)``, which
    tries each word at every position.

    >>> [m.start() for m in starts_pattern(["开发区", "经济技术开发区", "园"]).finditer("经济技术开发区和产业园")]
    [0, 4, 10]
    >>> starts_pattern([]) is None
    True
    """
    branches = trie_branches(words)
    if not branches:
        return None
    return re.compile("|".join(re.escape(ch) + (f"(?={rest})" if rest else "") for ch, rest in branches))


class EndingMatcher:
    """Longest-leftmost dictionary matching for terms that end with one of a few words.

    Returns what `kg.extract.gazetteer.Gazetteer.find` returns on the same terms, but looks for the
    few endings (type words) first and then for the terms that end there, so 20,000 zone names cost
    little more than their type words.

    >>> EndingMatcher({"武汉经开区": "a", "经开区": "b", "武汉东湖高新区": "c"}, {"经开区", "高新区"}).find(
    ...     "武汉经开区和武汉东湖高新区")
    [(0, 5, 'a'), (6, 13, 'c')]
    """

    def __init__(self, terms: dict, endings: set):
        self.terms = dict(terms)
        self.lengths = sorted({len(t) for t in self.terms}, reverse=True)
        words = sorted(endings, key=lambda w: (-len(w), w))
        self._by_first: dict = {}
        for w in words:
            self._by_first.setdefault(w[0], []).append(w)
        self._re = starts_pattern(words)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        terms, lengths = self.terms, self.lengths
        candidates = set()
        for m in self._re.finditer(text):  # where some ending starts; then every ending there
            at = m.start()
            for word in self._by_first[text[at]]:
                if not text.startswith(word, at):
                    continue
                end = at + len(word)
                for size in lengths:
                    if size <= end and text[end - size:end] in terms:
                        candidates.add((end - size, end))
        out, last = [], 0
        for start, end in sorted(candidates, key=lambda se: (se[0], -se[1])):
            if start >= last:
                out.append((start, end, terms[text[start:end]]))
                last = end
        return out
