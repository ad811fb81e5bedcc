"""The JSON-LD export, compacted with the project's prefixes, and the prefixes every export uses."""
from __future__ import annotations

import json


def export_prefixes() -> dict[str, str]:
    """The prefixes every export uses, whatever the input graph happened to bind: same graph, same bytes."""
    from rdflib import RDF

    from kg.graph.build import PREFIXES
    from kg.graph.serialize import id_prefixes

    return dict(sorted({**{name: str(ns) for name, ns in PREFIXES.items()}, **id_prefixes(),
                        "rdf": str(RDF)}.items()))


def _json_sorted(value):
    if isinstance(value, dict):
        return {k: _json_sorted(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_json_sorted(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def generate_jsonld(graph) -> str:
    """Compacted JSON-LD with the project's prefixes as its context; nodes and values sorted."""
    context = export_prefixes()
    data = graph.serialize(format="json-ld", context=context)
    doc = json.loads(data if isinstance(data, str) else data.decode("utf-8"))
    if isinstance(doc, dict) and "@graph" in doc:
        doc["@graph"] = sorted((_json_sorted(n) for n in doc["@graph"]), key=lambda n: str(n.get("@id", "")))
        doc = {"@context": doc.get("@context", context), "@graph": doc["@graph"]}
    else:
        doc = _json_sorted(doc)
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
