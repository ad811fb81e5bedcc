"""The typed records that flow one way through parkkg.

document -> sentences -> mentions -> entities -> relations and targets -> graph.
Every record that points into a text does so with character offsets into the
cleaned text of its `Document`, so that ``doc.text[m.start:m.end] == m.surface``.

>>> doc = Document(id="d1", text="苏州高新区", source="d1.txt")
>>> m = Mention(doc_id="d1", start=0, end=5, surface="苏州高新区", cls="Park", stage="grammar")
>>> doc.text[m.start:m.end] == m.surface
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# The contract classes every mention is classed as.
ENTITY_CLASSES = ("Park", "Industry", "Enterprise", "Platform")


@dataclass(frozen=True)
class Document:
    """One source text after cleaning.

    ``offset_map[i]`` is the offset in the raw text of cleaned character ``i``
    (one extra entry maps the end of the text), so evidence can be traced back
    to the file as it was read.
    """

    id: str
    text: str
    source: str = ""
    raw_text: str = ""
    offset_map: tuple = ()
    title: str = ""
    date: str = ""
    format: str = "text"
    url: str = ""
    original_text: str = ""  # the text before script conversion (traditional Chinese), same offsets

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span back to the raw text.

        >>> Document("d", "ab", offset_map=(0, 2, 3)).raw_span(0, 2)
        (0, 3)
        """
        if not self.offset_map:
            return start, end
        last = len(self.offset_map) - 1
        raw_start = self.offset_map[min(start, last)]
        raw_end = self.offset_map[min(end - 1, last)] + 1 if end > start else raw_start
        return raw_start, raw_end

    def display(self, start: int, end: int) -> str:
        """The span as the reader wrote it (original script where converted)."""
        source = self.original_text or self.text
        return source[start:end]


@dataclass(frozen=True)
class Sentence:
    """A sentence or heading span of a document."""

    doc_id: str
    start: int
    end: int
    text: str
    index: int
    is_heading: bool = False
    section: int = 0  # headings and paragraph layout split a page into sections (articles)


class EntityKey(str):
    """The identity of an entity: its contract class and its normalised identity, written ``Class:identity``.

    The string form is the key IRIs are minted from, so it never changes shape;
    code reads `cls` and `name` rather than splitting the string.

    >>> k = EntityKey.of("Park", "苏州|高新区")
    >>> k, k.cls, k.name
    ('Park:苏州|高新区', 'Park', '苏州|高新区')
    """

    __slots__ = ()

    @classmethod
    def of(cls, contract_class: str, identity: str) -> "EntityKey":
        return cls(f"{contract_class}:{identity}")

    @property
    def cls(self) -> str:
        return self.partition(":")[0]

    @property
    def name(self) -> str:
        return self.partition(":")[2]


@dataclass(frozen=True)
class Mention:
    """A span of text classed as one contract class by one stage."""

    doc_id: str
    start: int
    end: int
    surface: str
    cls: str
    stage: str
    score: float = 1.0
    name: str = ""  # the normalised name the span stands for (defaults to surface)
    subclass: str = ""  # a finer ontology class, e.g. HighTechZone
    generic: bool = False  # 园区, 该区: refers to a park without naming it
    level: str = ""  # for parks: 'zone' or 'subpark'
    key: str = ""  # the EntityKey linking gave it ('' before linking and for generic mentions)

    @property
    def key_name(self) -> str:
        return self.name or self.surface


@dataclass(frozen=True)
class Entity:
    """One thing in the world, merged across mentions and documents."""

    key: str  # class + normalised identity key; stable and unique
    cls: str
    label: str
    aliases: tuple = ()
    subclass: str = ""
    sector: str = ""  # taxonomy concept IRI for industries
    documents: tuple = ()
    zone: str = ""  # for parks: the IRI of the official catalogue's zone it is (kg.extract.catalogue)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a sentence of a document, with offsets."""

    doc_id: str
    start: int
    end: int
    text: str
    raw_start: int = 0
    raw_end: int = 0


@dataclass(frozen=True)
class Relation:
    """subject --property--> object between entity keys, with its evidence."""

    subject: str
    prop: str
    object: str
    evidence: Evidence
    stage: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Target:
    """A quantified goal of a park."""

    park: str
    metric: str
    value: float
    unit: str
    year: Optional[int]
    evidence: Evidence
    stage: str = "grammar:target"
    confidence: float = 1.0
    qualifier: str = ""


@dataclass
class DocumentResult:
    """Everything extracted from one document, before cross-document merging."""

    document: Document
    sentences: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    entities: list = field(default_factory=list)  # Entity records seen in this document
    relations: list = field(default_factory=list)
    targets: list = field(default_factory=list)
