"""Saved SPARQL queries (queries/*.rq) and parameter binding.

A query names its parameters as ``?name`` variables; ``--param name=value``
binds them with ``initBindings``, so a value is always a literal (or an IRI when
it looks like one), never SPARQL text.

>>> sorted(bind_params(["industry=集成电路"]).keys())
['industry']
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import QueryError

QUERY_DIRS = (Path(__file__).resolve().parent.parent / "queries", Path(__file__).resolve().parent / "queries_data")


def saved_queries() -> dict[str, Path]:
    out = {}
    for d in QUERY_DIRS:
        if d.is_dir():
            for p in sorted(d.glob("*.rq")):
                out.setdefault(p.stem, p)
    return out


def resolve_query(query: str) -> str:
    """SPARQL text from a saved query name, a .rq path, or the text itself."""
    saved = saved_queries()
    if query in saved:
        return saved[query].read_text(encoding="utf-8")
    path = Path(query)
    if query.endswith(".rq"):
        if not path.exists():
            raise QueryError(f"{query}: no such query file; saved queries are: {', '.join(saved) or 'none'}")
        return path.read_text(encoding="utf-8")
    if any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        return query
    raise QueryError(f"'{query}' is neither a saved query, a .rq file nor SPARQL; "
                     f"saved queries are: {', '.join(saved) or 'none'}")


def bind_params(params) -> dict:
    from rdflib import Literal, URIRef

    out = {}
    for p in params:
        if "=" not in p:
            raise QueryError(f"--param {p!r} must look like NAME=VALUE")
        name, value = p.split("=", 1)
        name = name.strip().lstrip("?")
        if not name.isidentifier():
            raise QueryError(f"--param name {name!r} is not a valid SPARQL variable name")
        if value.startswith(("http://", "https://")) and " " not in value:
            out[name] = URIRef(value)
        elif value.lstrip("-").isdigit():
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value, lang="zh")
    return out
