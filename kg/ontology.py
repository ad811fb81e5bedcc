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
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError

PK_NS = "https://w3id.org/parkkg/ontology#"
DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
# When installed as a wheel the ontology ships inside the package.
PACKAGED_ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology_data"

LEXICON_FORMAT = 4  # bump when the Lexicon record changes shape
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
    year_expressions: dict = field(default_factory=dict)  # form -> year
    units: set = field(default_factory=set)
    scales: dict = field(default_factory=dict)  # form -> (value, unit)
    regions: dict = field(default_factory=dict)  # name or short name -> region IRI
    region_labels: dict = field(default_factory=dict)  # region IRI -> full name
    class_labels: dict = field(default_factory=dict)  # local name -> zh label
    subclass_of: dict = field(default_factory=dict)  # local class -> contract class
    zones: tuple = ()  # kg.graph.catalogue.Zone records of ontology/catalogue.ttl
    fingerprint: str = ""

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
    lexicon = _build_lexicon(load_graph(directory or None), fingerprint)
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


_SUFFIX_STRIP = re.compile(r"(产业集群|产业链|产业|行业)$")


def _build_lexicon(g, fingerprint: str) -> Lexicon:
    from rdflib import RDF, RDFS, Namespace
    from rdflib.namespace import SKOS

    PK = Namespace(PK_NS)
    lex = Lexicon(fingerprint=fingerprint)

    def forms(node) -> list[str]:
        return sorted(str(f) for f in g.objects(node, PK.writtenForm))

    # subclass closure down to the contract classes
    for contract in CONTRACT_CLASSES:
        for sub in g.transitive_subjects(RDFS.subClassOf, PK[contract]):
            lex.subclass_of[_local(sub)] = contract
    for s, o in g.subject_objects(RDFS.label):
        if str(s).startswith(PK_NS) and getattr(o, "language", None) == "zh":
            name = _local(s)
            if (s, RDF.type, None) in g:
                lex.class_labels.setdefault(name, str(o))

    for node in g.subjects(RDF.type, PK.ParkTypeWord):
        canonical = str(g.value(node, PK.canonicalForm) or "")
        cls = _local(g.value(node, PK.indicatesClass) or PK.Park)
        level = str(g.value(node, PK.parkLevel) or "zone")
        for f in forms(node):
            lex.park_types[f] = ParkType(f, canonical or f, cls, level)
    for node in g.subjects(RDF.type, PK.PlatformTypeWord):
        cls = _local(g.value(node, PK.indicatesClass) or PK.Platform)
        for f in forms(node):
            lex.platform_types[f] = cls
    legal = PK.EnterpriseSuffix
    for node in g.subjects(RDF.type, legal):
        target = lex.enterprise_legal_suffixes if _local(node).endswith("legal") else lex.enterprise_trade_suffixes
        target.update(forms(node))
    for node in g.subjects(RDF.type, PK.IndustrySuffix):
        lex.industry_suffixes = tuple(sorted(forms(node), key=len, reverse=True))
    for node in g.subjects(RDF.type, PK.IndustryHeadWord):
        lex.industry_heads.update(forms(node))
    for node in g.subjects(RDF.type, PK.GenericWord):
        cls = _local(g.value(node, PK.indicatesClass) or PK.Park)
        for f in forms(node):
            lex.generic[f] = cls
    for node in g.subjects(RDF.type, PK.NameModifier):
        lex.modifiers.update(forms(node))
        kind = str(g.value(node, PK.cueKind) or "")
        if kind == "apposition":
            lex.apposition_modifiers.update(forms(node))
        elif kind == "level":
            lex.level_modifiers.update(forms(node))
    for node in g.subjects(RDF.type, PK.NameBoundary):
        lex.boundaries.update(forms(node))
    for cls_name, attr in (("AgencyWord", "agency_words"), ("VenueCue", "venue_cues"), ("NonParkWord", "non_park_words")):
        for node in g.subjects(RDF.type, PK[cls_name]):
            getattr(lex, attr).update(forms(node))
    for node in g.subjects(RDF.type, PK.FacilityWord):
        lex.facility_words.update(forms(node))
    for node in g.subjects(RDF.type, PK.NamePart):
        lex.name_parts.update(forms(node))
    for node in g.subjects(RDF.type, PK.EnterprisePredicate):
        lex.enterprise_predicates.update(forms(node))
    for node in g.subjects(RDF.type, PK.IndustryContextCue):
        lex.industry_context.update(forms(node))
    for node in g.subjects(RDF.type, PK.ListCue):
        cls = _local(g.value(node, PK.indicatesClass))
        for f in forms(node):
            lex.list_cues[f] = cls
    for node in g.subjects(RDF.type, PK.RoleTrigger):
        prop = _local(g.value(node, PK.signals))
        for f in forms(node):
            lex.role_triggers[f] = prop
    for node in g.subjects(RDF.type, PK.RelationTrigger):
        prop = _local(g.value(node, PK.signals))
        for f in forms(node):
            lex.relation_triggers.setdefault(f, set()).add(prop)
    for node in g.subjects(RDF.type, PK.TargetTrigger):
        lex.target_triggers.update(forms(node))
    for node in g.subjects(RDF.type, PK.NonTargetCue):
        kind = str(g.value(node, PK.cueKind) or "past")
        for f in forms(node):
            lex.non_target_cues[f] = kind
    for node in g.subjects(RDF.type, PK.YearExpression):
        year = int(g.value(node, PK.yearValue))
        for f in forms(node):
            lex.year_expressions[f] = year
    for node in g.subjects(RDF.type, PK.UnitWord):
        lex.units.update(forms(node))
    for node in g.subjects(RDF.type, PK.ScaleWord):
        value = float(g.value(node, PK.scaleValue))
        unit = str(g.value(node, PK.scaleUnit))
        for f in forms(node):
            lex.scales[f] = (value, unit)

    level_rank = {"province": 0, "prefecture": 1, "county": 2}
    regions = []
    for node in g.subjects(RDF.type, PK.Region):
        pref = g.value(node, SKOS.prefLabel)
        if pref is None:
            continue
        rank = level_rank.get(str(g.value(node, PK.regionLevel) or ""), 3)
        lex.region_labels[str(node)] = str(pref)
        for label in [pref] + list(g.objects(node, SKOS.altLabel)):
            regions.append((str(label), rank, str(node)))
    # an ambiguous short name (朝阳) goes to the highest-level region, then the lowest code
    for label, rank, iri in sorted(regions):
        lex.regions.setdefault(label, iri)

    for concept in g.subjects(RDF.type, SKOS.Concept):
        iri = str(concept)
        labels = [o for o in g.objects(concept, SKOS.prefLabel) if getattr(o, "language", None) == "zh"]
        alts = [o for o in g.objects(concept, SKOS.altLabel) if getattr(o, "language", None) in ("zh", None)]
        if not labels:
            continue
        broader = g.value(concept, SKOS.broader)
        lex.concepts[iri] = IndustryConcept(iri, str(labels[0]), str(broader) if broader else "")
        for label in sorted(str(x) for x in labels + alts):
            lex.industry_labels.setdefault(label, iri)
            stripped = _SUFFIX_STRIP.sub("", label)
            # sector names (top concepts) keep their suffix: 未来产业 must not make 未来 an industry
            if len(stripped) >= 2 and broader is not None:
                lex.industry_labels.setdefault(stripped, iri)
    from kg.graph.catalogue import zones_from_graph

    lex.zones = zones_from_graph(g)
    return lex
