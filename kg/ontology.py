"""Read ontology/*.ttl into a plain index that the NLP stages use.

The ontology is the single source of vocabulary: classes, properties, the
industry taxonomy and the lexical cues (type words, suffixes, triggers) all
come from the Turtle files, so adding a synonym there changes recognition
without a code change. Only this module and ``kg.graph`` import rdflib.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.namespace import PK, PK_NS  # noqa: F401  (re-exported: kg.ontology.PK is the closed namespace)
DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
# When installed as a wheel the ontology ships inside the package.
PACKAGED_ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology_data"

LEXICON_FORMAT = 8  # bump when the Lexicon record changes shape
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

    def all_terms(self) -> set:
        """Every written form, for the segmenter's user dictionary."""
        terms = set(self.park_types) | set(self.platform_types) | set(self.industry_labels)
        terms |= self.enterprise_legal_suffixes | set(self.generic) | set(self.list_cues)
        terms |= set(self.role_triggers) | set(self.relation_triggers) | self.target_triggers
        terms |= set(self.non_target_cues) | set(self.year_expressions) | set(self.scales)
        return {t for t in terms if len(t) >= 2}


def _local(iri) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]


def ontology_files(directory: Path | str | None = None) -> list[Path]:
    """The Turtle files of the ontology, sorted."""
    if directory is None:
        directory = DEFAULT_ONTOLOGY_DIR if DEFAULT_ONTOLOGY_DIR.is_dir() else PACKAGED_ONTOLOGY_DIR
    directory = Path(directory)
    if not directory.is_dir():
        raise OntologyError(f"ontology folder {directory} not found; run parkkg from its checkout "
                            "or pass --ontology DIR pointing at the folder with parkkg.ttl")
    files = sorted(p for p in directory.glob("*.ttl") if p.name != "shapes.ttl")
    if not any(p.name == "parkkg.ttl" for p in files):
        raise OntologyError(f"{directory} has no parkkg.ttl; pass --ontology DIR with the parkkg ontology")
    return files


def load_graph(directory: Path | str | None = None):
    """The ontology as one rdflib graph (classes, properties, taxonomy, lexicon)."""
    import rdflib

    g = rdflib.Graph()
    for path in ontology_files(directory):
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds
            raise OntologyError(f"{path} is not valid Turtle: {exc}; fix the file or restore it from git") from exc
    return g


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _cache_file(fingerprint: str) -> Path:
    base = os.environ.get("PARKKG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "parkkg")
    return Path(base) / f"lexicon-{LEXICON_FORMAT}-{fingerprint}.pickle"


@lru_cache(maxsize=4)
def _load_cached(directory: str, fingerprint: str) -> Lexicon:
    """Parsing the Turtle takes a second or two; the index is kept on disk, keyed by the
    files' content, so later processes (and parallel workers) start at once."""
    cache = _cache_file(fingerprint)
    try:
        with open(cache, "rb") as handle:
            lexicon = pickle.load(handle)
        if isinstance(lexicon, Lexicon) and lexicon.fingerprint == fingerprint:
            return lexicon
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    from kg.ontology_read import build_lexicon

    lexicon = build_lexicon(load_graph(directory or None), fingerprint)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:  # a read-only home is fine: the cache is only a speed-up
        pass
    return lexicon


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read the ontology folder into a `Lexicon` (cached per folder content)."""
    files = ontology_files(directory)
    return _load_cached(str(files[0].parent), _fingerprint(files))
