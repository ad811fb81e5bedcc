"""Parks of a graph counted by the catalogue's province, level and type (``kg stats`` writes catalogue.md).

A park counts when the graph joins it to a catalogue zone (pk:catalogueZone); the zone's province,
level and type come from ontology/catalogue.ttl as the lexicon holds it (`Lexicon.zones`), so the
graph file alone is enough.

>>> from rdflib import Graph, URIRef
>>> from kg.graph.catalogue import Zone
>>> g = Graph().add((URIRef("urn:p"), URIRef(CATALOGUE_ZONE), URIRef("urn:z")))
>>> zones = {"urn:z": Zone("urn:z", "G1", "某经济技术开发区", "江苏省", "", "national", "EconomicDevelopmentZone")}
>>> s = catalogue_summary(g, zones)
>>> s.by_province, s.linked_parks
([('江苏省', 1, 0)], 1)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kg.ontology import PK_NS

CATALOGUE_ZONE = PK_NS + "catalogueZone"
REPORT_NAME = "catalogue.md"


@dataclass(frozen=True)
class CatalogueSummary:
    linked_parks: int
    zones: int
    by_province: list  # (province, national, provincial), most parks first
    by_level: list  # (level, parks)
    by_type: list  # (zone class local name, parks)


def catalogue_summary(graph, zones: dict) -> CatalogueSummary:
    """Count the parks of `graph` joined to a zone of `zones` (IRI -> kg.graph.catalogue.Zone)."""
    from rdflib import URIRef

    linked = sorted({(str(p), str(z)) for p, z in graph.subject_objects(URIRef(CATALOGUE_ZONE)) if str(z) in zones})
    province: Counter = Counter()
    level: Counter = Counter()
    kind: Counter = Counter()
    for _park, iri in linked:
        z = zones[iri]
        province[(z.province or "?", z.level)] += 1
        level[z.level] += 1
        kind[z.cls] += 1
    names = sorted({p for p, _ in province})
    rows = [(p, province[(p, "national")], province[(p, "provincial")]) for p in names]
    rows.sort(key=lambda r: (-(r[1] + r[2]), r[0]))
    return CatalogueSummary(len(linked), len({z for _, z in linked}), rows,
                            sorted(level.items(), key=lambda kv: (-kv[1], kv[0])),
                            sorted(kind.items(), key=lambda kv: (-kv[1], kv[0])))


def generate_catalogue_report(s: CatalogueSummary, class_labels: dict | None = None) -> str:
    """Markdown tables of a `CatalogueSummary`."""
    labels = class_labels or {}
    lines = ["# Parks by the official catalogue", "",
             f"{s.linked_parks} parks of the graph are joined to {s.zones} zones of the catalogue "
             "(《中国开发区审核公告目录》2018, 国家级新区).", "",
             "## By province", "", "| province | national | provincial |", "|---|---:|---:|"]
    lines += [f"| {p} | {n} | {v} |" for p, n, v in s.by_province]
    lines += ["", "## By level", "", "| level | parks |", "|---|---:|"]
    lines += [f"| {lvl} | {n} |" for lvl, n in s.by_level]
    lines += ["", "## By type", "", "| type | parks |", "|---|---:|"]
    lines += [f"| {labels.get(c, c)} ({c}) | {n} |" for c, n in s.by_type]
    return "\n".join(lines) + "\n"


def write_catalogue_report(graph, out_dir, lexicon=None) -> list[Path]:
    """Write ``catalogue.md`` (atomically) into `out_dir` when the graph has parks joined to zones;
    returns the paths written (none when no park is joined)."""
    from kg.graph.serialize import atomic_write_text
    from kg.ontology import load_lexicon

    lexicon = lexicon or load_lexicon()
    summary = catalogue_summary(graph, {z.iri: z for z in lexicon.zones})
    if not summary.linked_parks:
        return []
    path = Path(out_dir) / REPORT_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, generate_catalogue_report(summary, lexicon.class_labels))
    return [path]
