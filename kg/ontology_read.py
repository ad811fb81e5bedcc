"""Read the ontology graph into the `Lexicon` the NLP stages use (the rdflib side of `kg.ontology`).

One reader per kind of cue: each takes the graph and fills its part of the
`Lexicon`; `build_lexicon` runs them in a fixed order.
"""
from __future__ import annotations

import re

from kg.errors import OntologyError
from kg.lexicon import CONTRACT_CLASSES, IndustryConcept, Lexicon, ParkType, Zone, _local
from kg.namespace import PK, PK_NS

# cue classes read as plain sets of forms: (class local name, Lexicon attribute)
_PLAIN_CUES = (("NameBoundary", "boundaries"), ("AgencyWord", "agency_words"), ("VenueCue", "venue_cues"),
               ("NonParkWord", "non_park_words"), ("FacilityWord", "facility_words"), ("NamePart", "name_parts"),
               ("EnterprisePredicate", "enterprise_predicates"), ("IndustryContextCue", "industry_context"),
               ("TargetTrigger", "target_triggers"), ("UnitWord", "units"), ("IndustryHeadWord", "industry_heads"),
               ("DevelopmentContextCue", "development_context"), ("SubunitHead", "subunit_heads"),
               ("SectorSuffix", "sector_suffixes"))
_REGION_RANK = {"province": 0, "prefecture": 1, "county": 2}


def _longest_first(forms) -> tuple:
    return tuple(sorted(set(forms), key=lambda f: (-len(f), f)))


def _term(name: str):
    """A term of the closed pk: namespace as an rdflib IRI (a misspelt name raises)."""
    from rdflib import URIRef

    return URIRef(PK[name])


class _Reader:
    def __init__(self, g, lex: Lexicon):
        from rdflib import RDF

        self.g, self.lex, self.type = g, lex, RDF.type

    def cues(self, cls: str):
        """(node, its written forms sorted) of every cue of class pk:`cls`."""
        for node in self.g.subjects(self.type, _term(cls)):
            yield node, sorted(str(f) for f in self.g.objects(node, _term("writtenForm")))

    def value(self, node, prop: str, default=None):
        v = self.g.value(node, _term(prop))
        return default if v is None else v

    def classes(self) -> None:
        from rdflib import RDFS

        for contract in CONTRACT_CLASSES:  # subclass closure down to the contract classes
            for sub in self.g.transitive_subjects(RDFS.subClassOf, _term(contract)):
                self.lex.subclass_of[_local(sub)] = contract
        for s, o in self.g.subject_objects(RDFS.label):
            if str(s).startswith(PK_NS) and getattr(o, "language", None) == "zh" and (s, self.type, None) in self.g:
                self.lex.class_labels.setdefault(_local(s), str(o))

    def type_words(self) -> None:
        lex = self.lex
        for node, forms in self.cues("ParkTypeWord"):
            canonical = str(self.value(node, "canonicalForm", ""))
            cls = _local(self.value(node, "indicatesClass", _term("Park")))
            level = str(self.value(node, "parkLevel", "zone"))
            for f in forms:
                lex.park_types[f] = ParkType(f, canonical or f, cls, level)
        for node, forms in self.cues("PlatformTypeWord"):
            cls = _local(self.value(node, "indicatesClass", _term("Platform")))
            lex.platform_types.update((f, cls) for f in forms)
        for node, forms in self.cues("EnterpriseSuffix"):
            kind = str(self.value(node, "cueKind", ""))
            if kind not in ("legal", "trade"):
                raise OntologyError(f'{node} (a pk:EnterpriseSuffix) needs pk:cueKind "legal" or "trade"; '
                                    "add it in lexicon.ttl")
            (lex.enterprise_legal_suffixes if kind == "legal" else lex.enterprise_trade_suffixes).update(forms)

    def word_lists(self) -> None:
        lex = self.lex
        words: dict = {}
        for node, forms in self.cues("GrammarWord"):
            words.setdefault(str(self.value(node, "cueKind", "")), set()).update(forms)
        lex.grammar_words = {kind: _longest_first(f) for kind, f in sorted(words.items())}
        for _node, forms in self.cues("IndustrySuffix"):
            lex.industry_suffixes = tuple(sorted(forms, key=len, reverse=True))
        for node, forms in self.cues("GenericWord"):
            cls = _local(self.value(node, "indicatesClass", _term("Park")))
            lex.generic.update((f, cls) for f in forms)
        for node, forms in self.cues("NameModifier"):
            lex.modifiers.update(forms)
            kind = str(self.value(node, "cueKind", ""))
            if kind in ("apposition", "level"):
                getattr(lex, f"{kind}_modifiers").update(forms)
        for cls_name, attr in _PLAIN_CUES:
            for _node, forms in self.cues(cls_name):
                getattr(lex, attr).update(forms)
        for node, forms in self.cues("ListCue"):
            cls = _local(self.value(node, "indicatesClass"))
            lex.list_cues.update((f, cls) for f in forms)

    def triggers(self) -> None:
        lex = self.lex
        for node, forms in self.cues("RoleTrigger"):
            prop = _local(self.value(node, "signals"))
            lex.role_triggers.update((f, prop) for f in forms)
        for node, forms in self.cues("RelationTrigger"):
            prop = _local(self.value(node, "signals"))
            for f in forms:
                lex.relation_triggers.setdefault(f, set()).add(prop)
        for node, forms in self.cues("NonTargetCue"):
            kind = str(self.value(node, "cueKind", "past"))
            lex.non_target_cues.update((f, kind) for f in forms)
        for node, forms in self.cues("TieCue"):
            props = frozenset(_local(p) for p in self.g.objects(node, _term("signals")))
            for f in forms:
                lex.tie_cues[f] = lex.tie_cues.get(f, frozenset()) | props
        for node, forms in self.cues("NonTyingCue"):
            kind = str(self.value(node, "cueKind", ""))
            lex.non_tying_cues.update((f, kind) for f in forms)
        for node, forms in self.cues("OpenHeadWord"):
            cls = _local(self.value(node, "indicatesClass", _term("Park")))
            lex.open_heads.update((f, cls) for f in forms)
        for node, forms in self.cues("YearExpression"):
            year = int(self.value(node, "yearValue"))
            lex.year_expressions.update((f, year) for f in forms)
        for node, forms in self.cues("ScaleWord"):
            scale = (float(self.value(node, "scaleValue")), str(self.value(node, "scaleUnit")))
            lex.scales.update((f, scale) for f in forms)

    def regions(self) -> None:
        from rdflib.namespace import SKOS

        regions = []
        for node in self.g.subjects(self.type, _term("Region")):
            pref = self.g.value(node, SKOS.prefLabel)
            if pref is None:
                continue
            rank = _REGION_RANK.get(str(self.value(node, "regionLevel", "")), 3)
            self.lex.region_labels[str(node)] = str(pref)
            for label in [pref] + list(self.g.objects(node, SKOS.altLabel)):
                regions.append((str(label), rank, str(node)))
        # an ambiguous short name (朝阳) goes to the highest-level region, then the lowest code
        for label, _rank, iri in sorted(regions):
            self.lex.regions.setdefault(label, iri)

    def taxonomy(self) -> None:
        from rdflib.namespace import SKOS

        g, lex = self.g, self.lex
        label_suffix = re.compile("(" + "|".join(map(re.escape, lex.words("label-suffix"))) + ")$")
        for concept in g.subjects(self.type, SKOS.Concept):
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


def build_lexicon(g, fingerprint: str) -> Lexicon:
    """The `Lexicon` of an ontology graph: every cue class read into plain Python data."""
    lex = Lexicon(fingerprint=fingerprint)
    reader = _Reader(g, lex)
    for step in (reader.classes, reader.type_words, reader.word_lists, reader.triggers, reader.regions,
                 reader.taxonomy):
        step()
    lex.zones = zones_from_graph(g)  # the official catalogue's zones (ontology/catalogue.ttl)
    return lex


def zones_from_graph(g) -> tuple:
    """The `Zone` records of a graph that holds ontology/catalogue.ttl (sorted by IRI)."""
    from rdflib import RDF
    from rdflib.namespace import SKOS

    out = []
    for z in g.subjects(RDF.type, _term("CatalogueZone")):
        province = g.value(z, _term("inProvince"))
        province_name = str(g.value(province, SKOS.prefLabel) or "") if province is not None else ""
        cls = g.value(z, _term("zoneClass"))
        out.append(Zone(str(z), str(g.value(z, SKOS.notation) or ""), str(g.value(z, SKOS.prefLabel) or ""),
                        province_name, str(g.value(z, _term("cityAsListed")) or ""), str(g.value(z, _term("zoneLevel")) or ""),
                        str(cls).rsplit("#", 1)[-1] if cls is not None else "Park"))
    return tuple(sorted(out, key=lambda zone: zone.iri))
