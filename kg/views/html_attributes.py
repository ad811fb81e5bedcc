"""The HTML view's filters: categorical ``pk:`` properties of the nodes, found in the graph, never named here.

Any ``pk:`` property whose values are short texts or IRIs that are no node of the
view (a catalogue's level or zone type, say) becomes a filter when it has 2 to
`MAX_ATTRIBUTE_VALUES` distinct values, so a new property in the graph is a new
filter with no code change.
"""
from __future__ import annotations

from collections import defaultdict

from kg.namespace import PK_NS, local_name

# what a node has that is no filter: names, links to documents, numbers, the taxonomy link
_NOT_ATTRIBUTES = frozenset({"mentionedIn", "inSector", "confidence", "extractedBy", "targetValue", "baseValue",
                             "targetYear", "startOffset", "endOffset", "metric", "unit", "baseUnit"})
MAX_ATTRIBUTE_VALUES = 40  # a property with more distinct values is a name, not a category to filter by
MAX_VALUE_LENGTH = 30  # a longer text is a description, not a category


def node_attributes(graph, nodes: dict, labels: dict) -> list[dict]:
    """Categorical ``pk:`` properties of the nodes, as filters; each node gets ``attrs`` {key: [values]}.

    An IRI value shows its label when the graph has one.
    """
    found, value_labels = _attribute_values(graph, nodes)
    out = []
    for key in sorted(found):
        values = found[key]
        if not 2 <= len(values) <= MAX_ATTRIBUTE_VALUES:
            continue
        for value, ids in values.items():
            for node_id in ids:
                nodes[node_id]["attrs"].setdefault(key, []).append(value)
        out.append(_filter(key, values, value_labels, nodes, labels))
    for node in nodes.values():
        for key in node["attrs"]:
            node["attrs"][key].sort()
    return out


def _attribute_values(graph, nodes: dict) -> tuple[dict, dict]:
    """(key -> value -> node ids, value -> the text shown for it), over every node but targets.

    Every node gets an empty ``attrs``.
    """
    from rdflib import URIRef

    found: dict = defaultdict(lambda: defaultdict(set))
    value_labels: dict = {}
    for node_id, node in nodes.items():
        node["attrs"] = {}
        if node["cls"] == "Target":
            continue
        for p, o in _with_zone_facts(graph, graph.predicate_objects(URIRef(node_id))):
            item = _attribute_value(graph, p, o, nodes)
            if item is not None:
                key, value, shown = item
                found[key][value].add(node_id)
                value_labels[value] = shown
    return found, value_labels


def _attribute_value(graph, p, o, nodes: dict):
    """(key, value, shown text) when (p, o) may be a filter's value, else None."""
    from rdflib import RDFS, Literal
    from rdflib.namespace import SKOS

    from kg.graph.network import best_label

    p = str(p)
    if not p.startswith(PK_NS) or local_name(p) in _NOT_ATTRIBUTES or str(o) in nodes:
        return None
    if isinstance(o, Literal):
        if o.datatype is not None and not str(o.datatype).endswith("#string") or len(str(o)) > MAX_VALUE_LENGTH:
            return None
        return local_name(p), str(o), str(o)
    names = list(graph.objects(o, SKOS.prefLabel)) or list(graph.objects(o, RDFS.label))
    return local_name(p), str(o), best_label(names) or local_name(str(o))


def _filter(key: str, values: dict, value_labels: dict, nodes: dict, labels: dict) -> dict:
    """One filter: its key, label, the classes it applies to, and its values, most frequent first."""
    classes = sorted({nodes[i]["cls"] for ids in values.values() for i in ids})
    return {"key": key, "label": labels.get(key, key), "classes": classes,
            "values": [{"value": v, "label": value_labels[v], "count": len(values[v])}
                       for v in sorted(values, key=lambda v: (-len(values[v]), value_labels[v]))]}


def _with_zone_facts(graph, pairs):
    """A park's own (property, value) pairs, then its catalogue zone's level and type (one hop along
    ``pk:catalogueZone``), so the view filters parks by them."""
    from rdflib import URIRef

    catalogue_zone = URIRef(PK_NS + "catalogueZone")
    for p, o in pairs:
        if p == catalogue_zone:
            for zp in ("zoneLevel", "zoneClass"):
                for value in graph.objects(o, URIRef(PK_NS + zp)):
                    yield URIRef(PK_NS + zp), value
        else:
            yield p, o
