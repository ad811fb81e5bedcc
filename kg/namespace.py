"""The closed `pk:` namespace: every ontology term is declared once here, so a misspelt term is an error.

Like rdflib's ``DefinedNamespace``, without importing rdflib (the NLP stages never
do): ``PK.ParkTypeWord`` is the term's IRI as a string; ``PK.ParkTypWord`` raises
at once, and a module that names a term at import time fails to import.
``tests/test_ontology.py`` checks that the declared terms and the terms the
Turtle files define are the same set.

>>> PK.ParkTypeWord
'https://w3id.org/parkkg/ontology#ParkTypeWord'
>>> PK.ParkTypWord
Traceback (most recent call last):
...
AttributeError: pk:ParkTypWord is not a term of the parkkg ontology; fix the spelling, or define it in ontology/*.ttl and declare it in kg/namespace.py
"""
from __future__ import annotations

PK_NS = "https://w3id.org/parkkg/ontology#"

TERMS = frozenset("""
    AgencyWord BondedZone EconomicDevelopmentZone Enterprise EnterprisePredicate EnterpriseSuffix Evidence
    Extractor FacilityWord FunctionalArea GenericWord GrammarWord HighTechZone Incubator IndustrialPark
    Industry IndustryAlliance IndustryContextCue IndustryHeadWord IndustrySuffix InnovationCenter Laboratory
    LexicalCue ListCue NameBoundary NameModifier NamePart NewArea NonParkWord NonTargetCue Park ParkTypeWord
    Platform PlatformTypeWord Region RelationTrigger ResearchInstitute ResortZone RoleTrigger ScaleWord
    ScienceCity SourceDocument Target TargetTrigger UnitWord University VenueCue YearExpression baseUnit
    baseValue benchmarksAgainst canonicalForm confidence cooperatesWith cueKind documentFormat endOffset
    extractedBy hasEmergingIndustry hasEnterprise hasFutureIndustry hasIndustry hasLeadingIndustry
    hasPlatform hasSubPark hasTarget inDocument inSector indicatesClass locatedIn mentionedIn metric
    parkLevel qualifier rawEndOffset rawStartOffset regionLevel scaleUnit scaleValue sentenceText signals
    startOffset targetValue targetYear unit withinRegion writtenForm yearValue
    TieCue NonTyingCue OpenHeadWord DevelopmentContextCue SubunitHead SectorSuffix
    BorderEconomicCooperationZone CatalogueZone OtherDevelopmentZone ProvincialEconomicDevelopmentZone
    SpecialCustomsSupervisionArea StateLevelNewArea approvalDate approvalDateAsListed approvedArea approvedBy
    catalogueIndustry catalogueIndustryText catalogueType catalogueZone cityAsListed inProvince
    leadingIndustriesAsListed zoneClass zoneLevel
""".split())


class ClosedNamespace:
    """IRIs of a fixed set of terms under one base."""

    def __init__(self, base: str, terms, prefix: str):
        self._base, self._terms, self._prefix = base, frozenset(terms), prefix

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in self._terms:
            raise AttributeError(f"{self._prefix}:{name} is not a term of the parkkg ontology; fix the spelling, "
                                 "or define it in ontology/*.ttl and declare it in kg/namespace.py")
        return self._base + name

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)

    def __contains__(self, name: str) -> bool:
        return name in self._terms

    def __iter__(self):
        return iter(sorted(self._terms))


PK = ClosedNamespace(PK_NS, TERMS, "pk")


def local_name(iri) -> str:
    """The last part of an IRI, after its last ``#`` and then its last ``/``: one helper for every module.

    >>> local_name(PK.Park), local_name("https://w3id.org/parkkg/id/park/abc"), local_name("urn:x")
    ('Park', 'abc', 'urn:x')
    """
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
