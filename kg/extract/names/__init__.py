"""Find mentions of parks, industries, enterprises and platforms: a folder of grammars over the lexicon.

Each grammar is one module with a pure function ``find(sentence, tokens, cues) ->
list[Candidate]`` and a ``NAME`` (the stage written into its mentions) and
``VERSION``; `cues.CueIndex` is the one frozen index they share, built from the
lexicon; `rules` holds the one table of stages, ranks, scores and length caps;
`resolve` turns overlapping candidates into mentions. A new grammar is a new
module added to `GRAMMARS`.

>>> from kg.ontology import load_lexicon
>>> from kg.types import Sentence
>>> rec = Recognizer(load_lexicon())
>>> text = "苏州高新区聚焦集成电路、生物医药等主导产业。"
>>> [(m.surface, m.cls, m.stage) for m in rec.mentions("d", text, [Sentence("d", 0, len(text), text, 0)])]
[('苏州高新区', 'Park', 'grammar:type-word'), ('集成电路', 'Industry', 'grammar:list'), ('生物医药', 'Industry', 'grammar:list')]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from kg.extract.names import evidence, firm_cues, frames, industry_suffix, lists, open_head, taxonomy, trade_name, type_word
from kg.extract.names.cues import CueIndex
from kg.extract.names.resolve import resolve_candidates, tidy
from kg.extract.names.rules import Candidate, Mode
from kg.extract.segment import Segmenter
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

__all__ = ["Recognizer", "Candidate", "Mode", "CueIndex", "Grammar", "GRAMMARS", "candidates"]


@dataclass(frozen=True)
class Grammar:
    name: str  # the stage of what it finds
    version: int
    find: Callable  # (sentence, tokens, cues) -> list[Candidate]
    needs_tokens: bool = True  # runs only where a cue word stands (segmenting is most of the cost)


# In this order: on a tie of length and rank the earlier grammar's candidate wins.
GRAMMARS = (
    Grammar(taxonomy.NAME, taxonomy.VERSION, taxonomy.find),
    Grammar(type_word.NAME, type_word.VERSION, type_word.find),
    Grammar(lists.NAME, lists.VERSION, lists.find),
    Grammar(frames.NAME, frames.VERSION, frames.find),
    Grammar(lists.NAME, lists.VERSION, lists.find_bare),
    Grammar(industry_suffix.NAME, industry_suffix.VERSION, industry_suffix.find),
    Grammar(trade_name.NAME, trade_name.VERSION, trade_name.find),
    Grammar(open_head.NAME, open_head.VERSION, open_head.find, needs_tokens=False),
    Grammar(firm_cues.NAME, firm_cues.VERSION, firm_cues.find, needs_tokens=False),
)


def candidates(sent: Sentence, cues: CueIndex, grammars=GRAMMARS) -> list[Candidate]:
    """Every grammar's candidates in one sentence, tidied (not yet resolved)."""
    gate = cues.grammar_cue_re is not None and cues.grammar_cue_re.search(sent.text) is not None
    tokens = cues.seg.tokens(sent.text, sent.start) if gate else None
    found: list[Candidate] = []
    for grammar in grammars:
        if grammar.needs_tokens and not gate:
            continue
        found += grammar.find(sent, tokens, cues)
    return tidy(cues, sent, found)


class Recognizer:
    """Ontology-driven recogniser: `mentions(doc_id, text, sentences)` returns `Mention`s."""

    def __init__(self, lexicon: Lexicon, segmenter: Segmenter | None = None, grammars=GRAMMARS):
        self.lex = lexicon
        self.seg = segmenter or Segmenter(lexicon)
        self.cues = CueIndex.build(lexicon, self.seg)
        self.grammars = tuple(grammars)

    def is_place(self, word: str) -> bool:
        return self.cues.is_place(word)

    def is_industry_name(self, name: str) -> bool:
        return self.cues.is_industry_name(name)

    def strip_industry_suffix(self, name: str) -> str:
        return self.cues.strip_industry_suffix(name)

    def closes_industry_list(self, text: str, end: int) -> bool:
        """The item ending at `end` is one of a list closed by 等 and an industry cue (`lists.closed_as_industries`)."""
        return lists.closed_as_industries(self.cues, text, end)

    def names_kind_of_firms(self, text: str, end: int) -> bool:
        """The item ending at `end` names the industry of a kind of firms (生物医药类企业: `taxonomy.names_kind_of_firms`)."""
        return taxonomy.names_kind_of_firms(self.cues, text, end)

    def is_trade_name(self, name: str) -> bool:
        return evidence.is_trade_name(self.cues, name)

    def sentence_candidates(self, sent: Sentence) -> list[Candidate]:
        return candidates(sent, self.cues, self.grammars)

    def mentions(self, doc_id: str, text: str, sentences: list[Sentence]) -> list[Mention]:
        out = []
        for sent in sentences:
            out.extend(resolve_candidates(doc_id, text, self.sentence_candidates(sent), self.cues))
        return out
