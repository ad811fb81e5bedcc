"""The pipeline: raw document -> cleaned document -> mentions -> entities -> relations and targets.

>>> from kg.text.readers import RawDocument
>>> result = Pipeline().process(RawDocument("d1", "苏州高新区聚焦集成电路、生物医药等主导产业。", "d1.txt"))
>>> sorted(e.label for e in result.entities)
['生物医药', '苏州高新区', '集成电路']
>>> sorted(r.prop for r in result.relations)
['hasLeadingIndustry', 'hasLeadingIndustry']
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.extract.catalogue import CatalogueLinker
from kg.entity_merge import merge_group
from kg.extract.link import Linker
from kg.extract.names import Recognizer
from kg.extract.park_identity import canonical_parks, descriptive_test, rekey
from kg.extract.relations import RelationExtractor
from kg.extract.segment import Segmenter
from kg.extract.confidence import target_model
from kg.extract.target_features import target_features
from kg.extract.targets import TargetExtractor
from kg.ontology import Lexicon, load_lexicon
from kg.text.clean import clean_text
from kg.text.readers import RawDocument
from kg.text.sentences import split_sentences
from kg.types import Document, DocumentResult, Evidence, Mention

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

    def __init__(self, lexicon: Lexicon | None = None, ontology_dir=None, extra_recognizers=(), segmenter_engine=None):
        self.lexicon = lexicon or load_lexicon(ontology_dir)
        self.segmenter = Segmenter(self.lexicon, segmenter_engine)  # None: $KG_SEGMENTER, else rjieba if installed
        self.recognizer = Recognizer(self.lexicon, self.segmenter)
        self.linker = Linker(self.lexicon)
        self.relation_extractor = RelationExtractor(self.lexicon)
        self.target_extractor = TargetExtractor(self.lexicon)
        self.target_model = target_model()
        self._industry_markers = tuple(sorted(set(self.lexicon.industry_suffixes) | {
            w for w, c in self.lexicon.list_cues.items() if c == "Industry" and len(w) >= 2}))
        self.catalogue = CatalogueLinker(self.lexicon, self.linker)
        self.extra_recognizers = [self.catalogue, *extra_recognizers]

    def is_place(self, word: str) -> bool:
        return self.recognizer.is_place(word)

    def process(self, raw: RawDocument) -> DocumentResult:
        """document -> mentions -> linked mentions (each with its entity key) -> entities -> frames,
        relations and targets. Each stage takes the records of the one before and changes none of them."""
        doc = prepare(raw)
        sentences = split_sentences(doc.id, doc.text)
        mentions = self.recognizer.mentions(doc.id, doc.text, sentences)
        for extra in self.extra_recognizers:
            mentions = extra.merge(doc, sentences, mentions)
        # a park that names a zone of the official catalogue takes the zone's key (kg.extract.catalogue)
        linked = self.linker.link(doc, mentions, self.is_place, refine=self.catalogue.link_document)
        mentions = list(linked.mentions)
        keys = linked.keys()
        levels = park_levels(mentions)

        def evidence_for(s):
            raw_start, raw_end = doc.raw_span(s.start, s.end)
            return Evidence(doc.id, s.start, s.end, s.text, raw_start, raw_end)

        frames = self.relation_extractor.frames(sentences, mentions, keys, levels)
        relations = self.relation_extractor.relations(frames, evidence_for, levels)
        targets = self.target_extractor.document_targets(frames, evidence_for)
        named = {m.key for m in mentions if m.cls == "Industry" and self._named_as_industry(doc.text, m)}
        entities = related_entities(linked.entities, relations, named)
        result = DocumentResult(doc, sentences, sorted(mentions, key=lambda m: (m.start, m.end)),
                                [entities[k] for k in sorted(entities)], relations, targets)
        result.targets = [replace(t, confidence=round(self.target_model.probability(
            target_features(result, t, self.lexicon)), 3)) for t in targets]
        return result

    def _named_as_industry(self, text: str, m: Mention) -> bool:
        """产业, 行业, 领域 … right after the name (or ending it), closing the list it is an item of, or 类 before firms, say
        the text names an industry."""
        after = text[m.end:m.end + 4]
        return any(after.startswith(w) or m.surface.endswith(w) for w in self._industry_markers) or \
            self.recognizer.closes_industry_list(text, m.end) or self.recognizer.names_kind_of_firms(text, m.end)


def park_levels(mentions) -> dict:
    """entity key -> 'zone' or 'subpark', from the first park mention of each entity that says which."""
    levels: dict = {}
    for m in mentions:
        if m.key and m.cls == "Park" and m.level and m.key not in levels:
            levels[m.key] = m.level
    return levels


def related_entities(entities: dict, relations, named=frozenset()) -> dict:
    """An industry is one a park develops, plans or names, or one the text names as an industry
    (`named`: …产业, …行业, …领域); a word of the taxonomy used in passing is no fact of the graph."""
    related = {r.object for r in relations} | {r.subject for r in relations}
    return {k: e for k, e in entities.items() if e.cls != "Industry" or k in related or k in named}


@dataclass
class Corpus:
    """Every document's results merged: one entity per thing across documents."""

    documents: list = field(default_factory=list)  # Document
    entities: dict = field(default_factory=dict)  # key -> Entity
    relations: list = field(default_factory=list)
    targets: list = field(default_factory=list)


def merge_results(results, min_confidence: float | None = None, lexicon: Lexicon | None = None) -> Corpus:
    """Every document's results as one corpus, keeping relations and targets whose confidence
    reaches `min_confidence` (default: the thresholds fitted with the confidence models). Parks
    named with agreeing place prefixes in different documents (江北新区, 南京市江北新区) become one
    (`kg.extract.park_identity`, with the regions of `lexicon`, by default the project's)."""
    from kg.extract.confidence import relation_model, target_model

    relation_floor = relation_model().threshold if min_confidence is None else min_confidence
    target_floor = target_model().threshold if min_confidence is None else min_confidence
    corpus = Corpus()
    per_doc = []
    for r in results:
        corpus.documents.append(r.document)
        per_doc.append((r.document.id, r.entities))
        corpus.relations.extend(x for x in r.relations if x.confidence >= relation_floor)
        corpus.targets.extend(t for t in r.targets if t.confidence >= target_floor)
    lexicon = lexicon or load_lexicon()
    zones = frozenset(e.key for _, entities in per_doc for e in entities if e.zone)
    merges = canonical_parks((e.key for _, entities in per_doc for e in entities), lexicon.regions,
                             descriptive_test(lexicon), zones)
    if merges:
        corpus.relations = [replace(x, subject=rekey(x.subject, merges), object=rekey(x.object, merges))
                            for x in corpus.relations]
        corpus.targets = [replace(t, park=rekey(t.park, merges)) for t in corpus.targets]
    corpus.entities = _merged_entities(per_doc, merges)
    corpus.documents.sort(key=lambda d: d.id)
    return corpus


def _merged_entities(per_doc, merges: dict) -> dict:
    """key -> one Entity, from each document's records under the key they stand under after `merges`."""
    groups: dict = {}  # merged key -> its (document id, Entity) records, in document order
    for doc_id, entities in per_doc:
        for e in entities:
            groups.setdefault(rekey(e.key, merges), []).append((doc_id, e))
    return {k: merge_group(k, members) for k, members in groups.items()}
