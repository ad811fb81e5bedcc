"""The pipeline: raw document -> cleaned document -> mentions -> entities -> relations and targets.

>>> from kg.text.readers import RawDocument
>>> result = Pipeline().process(RawDocument("d1", "苏州高新区聚焦集成电路、生物医药等主导产业。", "d1.txt"))
>>> sorted(e.label for e in result.entities)
['生物医药', '苏州高新区', '集成电路']
>>> sorted(r.prop for r in result.relations)
['hasLeadingIndustry', 'hasLeadingIndustry']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.catalogue import CatalogueLinker
from kg.extract.link import Linker, merge_entities, normalise
from kg.extract.names import Recognizer
from kg.extract.relations import RelationExtractor
from kg.extract.segment import Segmenter
from kg.extract.targets import TargetExtractor
from kg.ontology import Lexicon, load_lexicon
from kg.text.clean import clean_text
from kg.text.readers import RawDocument
from kg.text.sentences import split_sentences
from kg.types import Document, DocumentResult, Entity, Evidence, Mention

PIPELINE_VERSION = "0.1.0"


def prepare(raw: RawDocument) -> Document:
    """Clean a raw document and keep the map back to its raw text (and to its original script)."""
    from kg.text.script import map_original

    # web pages and Word files break lines only between paragraphs: join nothing there
    text, offsets = clean_text(raw.text, join_lines=raw.format not in ("html", "docx"))
    original = map_original(text, offsets, raw.text, raw.original_text)
    return Document(raw.id, text, raw.source, raw.text, tuple(offsets), raw.title, raw.date, raw.format, raw.url,
                    original)


class Pipeline:
    """All stages, built once from the ontology and reused for every document."""

    def __init__(self, lexicon: Lexicon | None = None, ontology_dir=None, extra_recognizers=()):
        self.lexicon = lexicon or load_lexicon(ontology_dir)
        self.segmenter = Segmenter(self.lexicon)
        self.recognizer = Recognizer(self.lexicon, self.segmenter)
        self.linker = Linker(self.lexicon)
        self.relation_extractor = RelationExtractor(self.lexicon)
        self.target_extractor = TargetExtractor(self.lexicon)
        self.catalogue = CatalogueLinker(self.lexicon, self.linker)
        self.extra_recognizers = [self.catalogue, *extra_recognizers]

    def is_place(self, word: str) -> bool:
        return self.recognizer.is_place(word)

    def process(self, raw: RawDocument) -> DocumentResult:
        doc = prepare(raw)
        sentences = split_sentences(doc.id, doc.text)
        mentions = self.recognizer.mentions(doc.id, doc.text, sentences)
        for extra in self.extra_recognizers:
            mentions = extra.merge(doc, sentences, mentions)
        linked = self.catalogue.link_document(doc.text, self.linker.link_document(mentions, self.is_place))
        mentions = mentions + self._short_name_mentions(doc, mentions, linked.short_names)
        keys = dict(linked.mention_keys)
        for m in mentions:
            if m.stage == "link:short-name":
                keys[(m.start, m.end)] = linked.short_names[m.surface]
        levels = {}
        for m in mentions:
            k = keys.get((m.start, m.end))
            if k and m.cls == "Park" and m.level and k not in levels:
                levels[k] = m.level
        entities = {k: self._with_sector(e) for k, e in linked.entities.items()}
        if doc.original_text:
            entities = self._with_original_forms(doc, mentions, keys, entities)

        def evidence_for(s):
            raw_start, raw_end = doc.raw_span(s.start, s.end)
            return Evidence(doc.id, s.start, s.end, s.text, raw_start, raw_end)

        frames = self.relation_extractor.frames(sentences, mentions, keys, levels)
        relations = self.relation_extractor.relations(frames, evidence_for, levels)
        targets = []
        for f in frames:
            targets.extend(self.target_extractor.targets(f.sentence, f.subject, evidence_for(f.sentence)))
        # an industry is one a park develops, plans or names: without a park it is no fact of the graph
        related = {r.object for r in relations} | {r.subject for r in relations}
        entities = {k: e for k, e in entities.items() if e.cls != "Industry" or k in related}
        return DocumentResult(doc, sentences, sorted(mentions, key=lambda m: (m.start, m.end)),
                              [entities[k] for k in sorted(entities)], relations, targets)

    def _with_original_forms(self, doc: Document, mentions, keys: dict, entities: dict) -> dict:
        """A name written in traditional characters (蘇州工業園區) is an alias of its entity."""
        extra: dict = {}
        for m in mentions:
            k = keys.get((m.start, m.end))
            written = doc.display(m.start, m.end)
            if k in entities and written != m.surface:
                extra.setdefault(k, set()).add(normalise(written))
        out = dict(entities)
        for k, forms in extra.items():
            e = out[k]
            aliases = tuple(sorted((set(e.aliases) | forms) - {e.label}))
            out[k] = Entity(e.key, e.cls, e.label, aliases, e.subclass, e.sector, e.documents)
        return out

    def _short_name_mentions(self, doc: Document, mentions: list[Mention], short_names: dict) -> list[Mention]:
        """Mentions of a park by its bare name (临港 for 江阴临港经济开发区)."""
        taken = [(m.start, m.end) for m in mentions]
        out = []
        for short in sorted(short_names):
            for m in re.finditer(re.escape(short), doc.text):
                a, b = m.start(), m.end()
                if any(s <= a < e or s < b <= e for s, e in taken):
                    continue
                out.append(Mention(doc.id, a, b, short, "Park", "link:short-name", 0.6, short, "", False, ""))
        return out

    def _with_sector(self, e: Entity) -> Entity:
        if e.cls != "Industry":
            return e
        labels = self.lexicon.industry_labels
        name = e.label
        iri = labels.get(name)
        if iri is None:
            # the longest taxonomy label the name ends with: 钒钛新材料 -> 新材料
            for size in range(len(name) - 1, 1, -1):
                if name[-size:] in labels:
                    iri = labels[name[-size:]]
                    break
        return Entity(e.key, e.cls, e.label, e.aliases, e.subclass, iri or "", e.documents)


@dataclass
class Corpus:
    """Every document's results merged: one entity per thing across documents."""

    documents: list = field(default_factory=list)  # Document
    entities: dict = field(default_factory=dict)  # key -> Entity
    relations: list = field(default_factory=list)
    targets: list = field(default_factory=list)


def merge_results(results) -> Corpus:
    corpus = Corpus()
    per_doc = []
    for r in results:
        corpus.documents.append(r.document)
        per_doc.append((r.document.id, {e.key: e for e in r.entities}))
        corpus.relations.extend(r.relations)
        corpus.targets.extend(r.targets)
    corpus.entities = merge_entities(per_doc)
    corpus.documents.sort(key=lambda d: d.id)
    return corpus
