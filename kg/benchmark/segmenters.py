"""What the segmentation engine changes: the mentions of each engine on the same documents, side by side.

>>> from kg.text.readers import RawDocument
>>> diff = compare_segmenters([RawDocument("d1", "2023-2025年，苏州高新区聚焦集成电路产业。", "d1")])
>>> diff.documents, diff.differing
(1, [])
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.segment import ENGINES


@dataclass(frozen=True)
class MentionDiff:
    """Mentions found by one engine and not the other, per document: (start, end, surface, class, stage)."""

    document: str
    only: dict  # engine -> tuple of mentions


@dataclass
class SegmenterComparison:
    engines: tuple
    documents: int = 0
    mentions: dict = field(default_factory=dict)  # engine -> mention count
    differing: list = field(default_factory=list)  # MentionDiff

    def lines(self):
        """One line per mention an engine alone found."""
        for d in self.differing:
            for engine, mentions in d.only.items():
                for start, end, surface, cls, stage in mentions:
                    yield f"{d.document}\t{engine} only\t{start}-{end}\t{surface}\t{cls}\t{stage}"

    def summary(self) -> dict:
        return {"documents": self.documents, "engines": list(self.engines), "mentions": self.mentions,
                "differing_documents": len(self.differing),
                "only": {e: sum(len(d.only[e]) for d in self.differing) for e in self.engines}}


def compare_segmenters(docs, lexicon=None, engines=ENGINES) -> SegmenterComparison:
    """Run a pipeline per engine over `docs` and collect the mentions they do not all find."""
    from kg.ontology import load_lexicon
    from kg.pipeline import Pipeline

    lexicon = lexicon or load_lexicon()
    pipelines = [Pipeline(lexicon, segmenter_engine=name) for name in engines]
    result = SegmenterComparison(tuple(engines), mentions={e: 0 for e in engines})
    for doc in docs:
        found = {name: {(m.start, m.end, m.surface, m.cls, m.stage) for m in pipeline.process(doc).mentions}
                 for name, pipeline in zip(engines, pipelines)}
        for name in engines:
            result.mentions[name] += len(found[name])
        result.documents += 1
        common = set.intersection(*found.values())
        if any(mentions != common for mentions in found.values()):
            only = {name: tuple(sorted(found[name] - common)) for name in engines}
            result.differing.append(MentionDiff(doc.id, only))
    return result
