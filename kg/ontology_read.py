"""Read the ontology graph into the `Lexicon` the NLP stages use (the rdflib side of `kg.ontology`)."""
from __future__ import annotations

import re

from kg.errors import OntologyError
from kg.namespace import PK
from kg.ontology import CONTRACT_CLASSES, PK_NS, IndustryConcept, Lexicon, ParkType, _local

# cue classes read as plain sets of forms: (class local name, Lexicon attribute)
_PLAIN_CUES = (("NameBoundary", "boundaries"), ("AgencyWord", "agency_words"), ("VenueCue", "venue_cues"),
               ("NonParkWord", "non_park_words"), ("FacilityWord", "facility_words"), ("NamePart", "name_parts"),
               ("EnterprisePredicate", "enterprise_predicates"), ("IndustryContextCue", "industry_context"),
               ("TargetTrigger", "target_triggers"), ("UnitWord", "units"))


def _longest_first(forms) -> tuple:
    return tuple(sorted(set(forms), key=lambda f: (-len(f), f)))


def build_lexicon(g, fingerprint: str) -> Lexicon:
    """The `Lexicon` of an ontology graph: every cue class read into plain Python data."""
    from rdflib import RDF, RDFS, URIRef
    from rdflib.namespace import SKOS

    class _Terms:  # the closed namespace, as rdflib terms
        def __getattr__(self, name):
            return URIRef(PK[name])

        __getitem__ = __getattr__

    pk = _Terms()
    lex = Lexicon(fingerprint=fingerprint)

    def forms(node) -> list[str]:
        return sorted(str(f) for f in g.objects(node, pk.writtenForm))

    # subclass closure down to the contract classes
    for contract in CONTRACT_CLASSES:
        for sub in g.transitive_subjects(RDFS.subClassOf, pk[contract]):
            lex.subclass_of[_local(sub)] = contract
    for s, o in g.subject_objects(RDFS.label):
        if str(s).startswith(PK_NS) and getattr(o, "language", None) == "zh":
            name = _local(s)
            if (s, RDF.type, None) in g:
                lex.class_labels.setdefault(name, str(o))

    for node in g.subjects(RDF.type, pk.ParkTypeWord):
        canonical = str(g.value(node, pk.canonicalForm) or "")
        cls = _local(g.value(node, pk.indicatesClass) or pk.Park)
        level = str(g.value(node, pk.parkLevel) or "zone")
        for f in forms(node):
            lex.park_types[f] = ParkType(f, canonical or f, cls, level)
    for node in g.subjects(RDF.type, pk.PlatformTypeWord):
        cls = _local(g.value(node, pk.indicatesClass) or pk.Platform)
        for f in forms(node):
            lex.platform_types[f] = cls
    for node in g.subjects(RDF.type, pk.EnterpriseSuffix):
        kind = str(g.value(node, pk.cueKind) or "")
        if kind not in ("legal", "trade"):
            raise OntologyError(f'{node} (a pk:EnterpriseSuffix) needs pk:cueKind "legal" or "trade"; add it in lexicon.ttl')
        target = lex.enterprise_legal_suffixes if kind == "legal" else lex.enterprise_trade_suffixes
        target.update(forms(node))
    words: dict = {}
    for node in g.subjects(RDF.type, pk.GrammarWord):
        words.setdefault(str(g.value(node, pk.cueKind) or ""), set()).update(forms(node))
    lex.grammar_words = {kind: _longest_first(f) for kind, f in sorted(words.items())}
    label_suffix = re.compile("(" + "|".join(map(re.escape, lex.words("label-suffix"))) + ")$")
    for node in g.subjects(RDF.type, pk.IndustrySuffix):
        lex.industry_suffixes = tuple(sorted(forms(node), key=len, reverse=True))
    for node in g.subjects(RDF.type, pk.IndustryHeadWord):
        lex.industry_heads.update(forms(node))
    for node in g.subjects(RDF.type, pk.GenericWord):
        cls = _local(g.value(node, pk.indicatesClass) or pk.Park)
        for f in forms(node):
            lex.generic[f] = cls
    for node in g.subjects(RDF.type, pk.NameModifier):
        lex.modifiers.update(forms(node))
        kind = str(g.value(node, pk.cueKind) or "")
        if kind == "apposition":
            lex.apposition_modifiers.update(forms(node))
        elif kind == "level":
            lex.level_modifiers.update(forms(node))
    for cls_name, attr in _PLAIN_CUES:
        for node in g.subjects(RDF.type, pk[cls_name]):
            getattr(lex, attr).update(forms(node))
    for node in g.subjects(RDF.type, pk.ListCue):
        cls = _local(g.value(node, pk.indicatesClass))
        for f in forms(node):
            lex.list_cues[f] = cls
    for node in g.subjects(RDF.type, pk.RoleTrigger):
        prop = _local(g.value(node, pk.signals))
        for f in forms(node):
            lex.role_triggers[f] = prop
    for node in g.subjects(RDF.type, pk.RelationTrigger):
        prop = _local(g.value(node, pk.signals))
        for f in forms(node):
            lex.relation_triggers.setdefault(f, set()).add(prop)
    for node in g.subjects(RDF.type, pk.NonTargetCue):
        kind = str(g.value(node, pk.cueKind) or "past")
        for f in forms(node):
            lex.non_target_cues[f] = kind
    for node in g.subjects(RDF.type, pk.YearExpression):
        year = int(g.value(node, pk.yearValue))
        for f in forms(node):
            lex.year_expressions[f] = year
    for node in g.subjects(RDF.type, pk.ScaleWord):
        value = float(g.value(node, pk.scaleValue))
        unit = str(g.value(node, pk.scaleUnit))
        for f in forms(node):
            lex.scales[f] = (value, unit)

    level_rank = {"province": 0, "prefecture": 1, "county": 2}
    regions = []
    for node in g.subjects(RDF.type, pk.Region):
        pref = g.value(node, SKOS.prefLabel)
        if pref is None:
            continue
        rank = level_rank.get(str(g.value(node, pk.regionLevel) or ""), 3)
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
            stripped = label_suffix.sub("", label)
            # sector names (top concepts) keep their suffix: 未来产业 must not make 未来 an industry
            if len(stripped) >= 2 and broader is not None:
                lex.industry_labels.setdefault(stripped, iri)
    return lex
