"""The export formats: their names, the files each writes, and the error for an unknown one.

The RDF formats' file suffixes come from the one table of graph formats (`kg.graph.formats`).

>>> FILE_NAMES["nq"], FILE_NAMES["csv"]
(('graph.nq',), ('nodes.csv', 'edges.csv'))
"""
from __future__ import annotations

from kg.errors import ParkKGError
from kg.graph.formats import by_key

EXPORT_FORMATS = ("ttl", "nt", "nq", "jsonld", "gexf", "graphml", "csv", "ontology")
FILE_NAMES = {**{key: ("graph" + by_key(key).suffix,) for key in ("ttl", "nt", "nq", "jsonld")},
              "gexf": ("graph.gexf",), "graphml": ("graph.graphml",), "csv": ("nodes.csv", "edges.csv"),
              "ontology": ("ontology.ttl",)}


class ExportError(ParkKGError):
    """An export format is unknown or an export could not be written."""


def parse_formats(text: str | None) -> tuple[str, ...]:
    """Formats from a comma-separated list (``all`` or empty: every format), in the canonical order.

    >>> parse_formats("csv, ttl")
    ('ttl', 'csv')
    >>> parse_formats(None) == EXPORT_FORMATS
    True
    """
    if not text or text.strip().lower() == "all":
        return EXPORT_FORMATS
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(EXPORT_FORMATS))
    if unknown:
        raise ExportError(f"unknown export format(s): {', '.join(unknown)}; "
                          f"choose from {','.join(EXPORT_FORMATS)} (or all)")
    return tuple(f for f in EXPORT_FORMATS if f in asked)
