"""The `Lexicon`: everything the recognisers need from the ontology, as plain Python data.

Standard library only: `kg.ontology` fills it from the Turtle files (through
`kg.ontology_read`, the rdflib side) and caches it; the NLP stages only read it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import OntologyError

CONTRACT_CLASSES = ("Park", "Industry", "Enterprise", "Platform", "Target")


@dataclass(frozen=True)
class ParkType:
    form: str  # as written: 高新技术产业开发区
    canonical: str  # merged form: 高新区
    cls: str  # ontology class local name: HighTechZone
    level: str  # zone | subpark


@dataclass(frozen=True)
class IndustryConcept:
    iri: str
    label: str
    broader: str  # IRI or ""


@dataclass(frozen=True)
class Zone:
    """A catalogue zone as the recognisers and linkers use it (read from ontology/catalogue.ttl)."""

    iri: str
    code: str
    name: str
    province: str  # full name: 湖北省
    city: str  # as listed (may be clipped)
    level: str
    cls: str


@dataclass
class Lexicon:
    """Everything the recognisers need, as plain Python data."""

    park_types: dict = field(default_factory=dict)  # form -> ParkType
    platform_types: dict = field(default_factory=dict)  # form -> subclass local name
    enterprise_legal_suffixes: set = field(default_factory=set)
    enterprise_trade_suffixes: set = field(default_factory=set)
    industry_suffixes: tuple = ()
    industry_heads: set = field(default_factory=set)
    industry_labels: dict = field(default_factory=dict)  # label -> concept IRI
    concepts: dict = field(default_factory=dict)  # IRI -> IndustryConcept
    generic: dict = field(default_factory=dict)  # form -> class
    modifiers: set = field(default_factory=set)
    apposition_modifiers: set = field(default_factory=set)
    level_modifiers: set = field(default_factory=set)
    boundaries: set = field(default_factory=set)
    list_cues: dict = field(default_factory=dict)  # form -> class
    industry_context: set = field(default_factory=set)
    enterprise_predicates: set = field(default_factory=set)
    name_parts: set = field(default_factory=set)
    facility_words: set = field(default_factory=set)
    agency_words: set = field(default_factory=set)
    venue_cues: set = field(default_factory=set)
    non_park_words: set = field(default_factory=set)
    role_triggers: dict = field(default_factory=dict)  # form -> property local name
    relation_triggers: dict = field(default_factory=dict)  # form -> set of property local names
    target_triggers: set = field(default_factory=set)
    non_target_cues: dict = field(default_factory=dict)  # form -> kind
    tie_cues: dict = field(default_factory=dict)  # form -> frozenset of property local names
    non_tying_cues: dict = field(default_factory=dict)  # form -> context kind (organiser, resume, court ...)
    open_heads: dict = field(default_factory=dict)  # one-character head -> contract class (城 -> Park)
    development_context: set = field(default_factory=set)  # words that show a development area
    subunit_heads: set = field(default_factory=set)  # 学院 after a university's name: a unit of it
    sector_suffixes: set = field(default_factory=set)  # 加工业, 工业: end an industry name, kept in it
    year_expressions: dict = field(default_factory=dict)  # form -> year
    units: set = field(default_factory=set)
    scales: dict = field(default_factory=dict)  # form -> (value, unit)
    regions: dict = field(default_factory=dict)  # name or short name -> region IRI
    region_labels: dict = field(default_factory=dict)  # region IRI -> full name
    class_labels: dict = field(default_factory=dict)  # local name -> zh label
    subclass_of: dict = field(default_factory=dict)  # local class -> contract class
    grammar_words: dict = field(default_factory=dict)  # cue kind -> forms, longest first (pk:GrammarWord)
    zones: tuple = ()  # kg.graph.catalogue.Zone records of ontology/catalogue.ttl
    fingerprint: str = ""

    def words(self, kind: str) -> tuple:
        """The forms of the pk:GrammarWord of cue kind `kind`, longest first.

        >>> Lexicon(grammar_words={"withheld": ("某",)}).words("withheld")
        ('某',)
        >>> Lexicon().words("withheld")
        Traceback (most recent call last):
        ...
        kg.errors.OntologyError: the lexicon has no pk:GrammarWord with pk:cueKind "withheld"; add one to ontology/lexicon.ttl
        """
        try:
            return self.grammar_words[kind]
        except KeyError:
            raise OntologyError(f'the lexicon has no pk:GrammarWord with pk:cueKind "{kind}"; '
                                "add one to ontology/lexicon.ttl") from None

    def contract_class(self, local: str) -> str:
        """The contract class a (sub)class belongs to.

        >>> lex = Lexicon(subclass_of={"HighTechZone": "Park"})
        >>> lex.contract_class("HighTechZone"), lex.contract_class("Park")
        ('Park', 'Park')
        """
        return self.subclass_of.get(local, local)

    def only_modifiers(self, prefix: str) -> bool:
        """True when `prefix` is made of generic modifiers alone (国家级, 该, 全省): the recogniser and
        the NER stage both ask it.

        >>> Lexicon(modifiers={"国家级", "该"}).only_modifiers("该国家级"), Lexicon().only_modifiers("苏州")
        (True, False)
        """
        i = 0
        while i < len(prefix):
            for size in range(min(6, len(prefix) - i), 0, -1):
                if prefix[i:i + size] in self.modifiers:
                    i += size
                    break
            else:
                return False
        return True

    def all_terms(self) -> set:
        """Every written form, for the segmenter's user dictionary."""
        terms = set(self.park_types) | set(self.platform_types) | set(self.industry_labels)
        terms |= self.enterprise_legal_suffixes | set(self.generic) | set(self.list_cues)
        terms |= set(self.role_triggers) | set(self.relation_triggers) | self.target_triggers
        terms |= set(self.non_target_cues) | set(self.year_expressions) | set(self.scales)
        terms |= self.boundaries  # 做强|马栏山, not 做|强马|栏山: a boundary is a word, so the HMM never glues it
        return {t for t in terms if len(t) >= 2}


def _local(iri) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]
