"""A persistent Oxigraph store for graphs too big to parse on every query.

Parsing a graph file into rdflib on each ``kg query`` costs a minute at a
million triples and rdflib's SPARQL engine is slow on such graphs. Oxigraph
(``pyoxigraph``) keeps the triples indexed on disk (RocksDB) and answers SPARQL
in milliseconds; ``kg build --store`` writes ``OUT/store`` and ``kg query`` or
``kg serve`` can open that folder instead of a graph file.

Library use (for kg.graph.query and kg.commands.serve):

- `load_into_store(paths, store_dir)` bulk-loads graph files into a new store,
  replacing any store there only once loading has succeeded;
- `open_store(path)` opens a store folder (read-only by default, so several
  readers can share it);
- `query_store(store, sparql, bindings)` returns ``(columns, rows)`` with rdflib
  terms, the shape `kg.graph.query.run_query` returns.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "g.nt").write_text('<urn:a> <urn:p> "园区"@zh .\\n', encoding="utf-8")
>>> load_into_store([d / "g.nt"], d / "store")
1
>>> is_store(d / "store"), is_store(d)
(True, False)
>>> query_store(open_store(d / "store"), "SELECT ?o WHERE { ?s ?p ?o }")
(['o'], [[rdflib.term.Literal('园区', lang='zh')]])
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from kg.errors import ParkKGError, QueryError, missing_extra
from kg.graph.formats import GRAPH_FORMATS as _TABLE
from kg.graph.outputs import swap_into_place
from kg.graph.push import PushError, graph_store_url, push_graph, update_endpoint_for  # noqa: F401 - moved there
from kg.graph.store_parts import PART_QUADS, is_line_format, load_file_in_parts, load_quads_in_parts

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
MARKER = "CURRENT"  # every RocksDB folder has one

_SUFFIX_FORMATS = {f.suffix: f.oxigraph for f in _TABLE}  # suffix -> pyoxigraph.RdfFormat (kg.graph.formats)


class StoreError(ParkKGError):
    """A store folder could not be created, opened or loaded."""


def _pyoxigraph():
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a dependency, but keep the message right
        raise missing_extra("pyoxigraph", "store") from None
    return pyoxigraph


def is_store(path: Path | str) -> bool:
    """Whether `path` is a store folder (rather than a graph file)."""
    path = Path(path)
    return path.is_dir() and (path / MARKER).is_file()


def open_store(path: Path | str, read_only: bool = True):
    """Open the Oxigraph store in folder `path` (read-only unless asked)."""
    ox = _pyoxigraph()
    path = Path(path)
    if not is_store(path):
        raise StoreError(f"{path}: not an Oxigraph store folder; create one with: kg build SOURCES -o OUT --store "
                         "(then use OUT/store)")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"{path}: the store could not be opened ({exc}); "
                         "is another process writing it? Stop it or open the store read-only") from exc


def memory_store(paths):
    """An in-memory Oxigraph store of graph files: no disk, faster on heavy queries, gone on exit.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text("<urn:a> <urn:p> <urn:o> .\\n")
    >>> len(memory_store([p]))
    1
    """
    store = _pyoxigraph().Store()
    _bulk_load(store, paths)
    return store


def _bulk_load(store, paths, part_quads: int | None = None, directory: Path | None = None) -> None:
    """Load graph files into `store`, one clear error for a file that does not parse; with `part_quads`,
    N-Triples and N-Quads files in parts of that many lines (`kg.graph.store_parts`), others in one call."""
    for p in map(Path, paths):
        fmt = _format_of(p)
        if part_quads is None or not is_line_format(fmt):
            _load_file(store, p, fmt, p)
        else:
            load_file_in_parts(store, p, fmt, part_quads, directory, _load_file)


def _load_file(store, path: Path, fmt, what) -> None:
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{what}: could not be loaded into the store ({exc}); check the file parses") from exc


def _format_of(path: Path):
    ox = _pyoxigraph()
    name = _SUFFIX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise StoreError(f"{path}: unknown graph format '{path.suffix}'; load .nt, .ttl, .nq, .trig or .jsonld files")
    return getattr(ox.RdfFormat, name)


def load_into_store(paths, store_dir: Path | str, quads=(), what: str = "", part_quads: int = PART_QUADS) -> int:
    """Bulk-load graph files and the stream of pyoxigraph `quads` (from `what`) into a fresh store at `store_dir`,
    in parts of `part_quads` where it can (`kg.graph.store_parts`: memory bounded); returns the number of quads.

    Built in a temporary folder beside `store_dir` and renamed into place: a failed load leaves any previous store.
    """
    ox = _pyoxigraph()
    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    if store_dir.exists() and not is_store(store_dir) and any(store_dir.iterdir()):
        raise StoreError(f"{store_dir}: exists and is not an Oxigraph store; choose another folder or remove it")
    tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.", suffix=".tmp", dir=store_dir.parent))
    try:
        store = ox.Store(str(tmp))
        try:
            load_quads_in_parts(store, quads, part_quads, tmp.parent, _load_file, what)
        except (SyntaxError, ValueError) as exc:  # from parsing the sources of the stream
            raise StoreError(f"{what}: could not be loaded into the store ({exc}); check the files parse") from exc
        _bulk_load(store, paths, part_quads, tmp.parent)
        store.flush()
        store.optimize()  # compacts the bulk-loaded files: heavy queries run 3-4x faster afterwards
        count = len(store)
        del store
        os.chmod(tmp, 0o755)  # mkdtemp made it private; a store is shared like the graph files
        swap_into_place(tmp, store_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count


class _TermConverter:
    """pyoxigraph terms -> rdflib terms, remembering each conversion.

    Results repeat terms (a park's name on every row of its industries) and
    rdflib's Literal constructor is slow (~10 µs: it validates and normalises),
    so one converter per result set converts each distinct term once.
    """

    def __init__(self):
        from rdflib import BNode, Literal, URIRef

        ox = _pyoxigraph()
        self._named, self._blank, self._literal = ox.NamedNode, ox.BlankNode, ox.Literal
        self._uri, self._bnode, self._rdf_literal = URIRef, BNode, Literal
        self._seen: dict = {}

    def __call__(self, term):
        if term is None:
            return None
        done = self._seen.get(term)
        if done is None:
            done = self._seen[term] = self._convert(term)
        return done

    def _convert(self, term):
        if isinstance(term, self._named):
            return self._uri(term.value)
        if isinstance(term, self._blank):
            return self._bnode(term.value)
        if isinstance(term, self._literal):
            if term.language:
                return self._rdf_literal(term.value, lang=term.language)
            datatype = term.datatype.value if term.datatype is not None else XSD_STRING
            return self._rdf_literal(term.value, datatype=None if datatype == XSD_STRING else datatype)
        return term


def from_rdflib(term):
    """An rdflib term as a pyoxigraph term (plain text is tagged before, by `kg.queries.tag_plain_text`)."""
    from rdflib import BNode, Literal, URIRef

    ox = _pyoxigraph()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r} in a SPARQL query; give an IRI or a literal")


_SUB_SELECT = re.compile(r"\s*SELECT\b", re.IGNORECASE)  # { SELECT … }: only the sub-query's WHERE is a group
_DATA_BLOCK = re.compile(r"(?:VALUES\s*(?:[?$]\w+|\([^)]*\))|CONSTRUCT|DATA)\s*$", re.IGNORECASE)


def bind_values(sparql: str, values: dict) -> str:
    """`sparql` with ``VALUES ?name { term }`` opening each group that mentions ``?name``.

    Parameters are constants: binding one in every group (the WHERE clause,
    UNION branches, OPTIONAL and EXISTS groups, sub-queries) that uses it is
    what rdflib's initBindings do, and lets the store start each group from
    the bound value instead of evaluating the group on its own and joining
    afterwards. Oxigraph's own substitution refuses variables the query does
    not project, and saved queries use parameters in filters. Braces that open
    VALUES data or a CONSTRUCT template are not groups and are left alone. The
    terms come serialised by pyoxigraph (N-Triples syntax, escaped), never from
    text pasted by hand.

    >>> bind_values("SELECT ?x WHERE { ?x ?p ?park }", {"park": '"园"@zh'})
    'SELECT ?x WHERE { VALUES ?park { "园"@zh } ?x ?p ?park }'
    >>> bind_values("SELECT * { { ?a ?p ?park } UNION { ?a ?q ?b } }", {"park": "<urn:p>"})
    'SELECT * { VALUES ?park { <urn:p> } { VALUES ?park { <urn:p> } ?a ?p ?park } UNION { ?a ?q ?b } }'
    >>> bind_values("SELECT * { { SELECT ?a WHERE { ?a ?p ?n } HAVING(COUNT(?a) > ?n) } }", {"n": "2"})
    'SELECT * { VALUES ?n { 2 } { SELECT ?a WHERE { VALUES ?n { 2 } ?a ?p ?n } HAVING(COUNT(?a) > ?n) } }'
    """
    if not values:
        return sparql
    from kg.queries import brace_pairs

    groups = [(a, b) for a, b in brace_pairs(sparql)
              if not _DATA_BLOCK.search(sparql[:a]) and not _SUB_SELECT.match(sparql, a + 1)]
    if not groups:
        raise QueryError("the SPARQL query has no { ... } group to bind parameters in")
    outer = groups[0]
    inserts = []
    for a, b in groups:
        body = sparql[a:b]
        names = [name for name in sorted(values)
                 if (a, b) == outer or re.search(rf"[?$]{re.escape(name)}\b", body)]
        if names:
            inserts.append((a + 1, " ".join(f"VALUES ?{name} {{ {values[name]} }}" for name in names)))
    for at, block in sorted(inserts, reverse=True):
        sparql = f"{sparql[:at]} {block}{sparql[at:]}"
    return sparql


def query_store(store, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[list]]:
    """(column names, rows of rdflib terms) of a SELECT/ASK query over an Oxigraph store.

    `bindings` maps variable names to rdflib terms (plain text is bound as a
    Chinese literal, `kg.queries.tag_plain_text`); they are bound as values
    (see `bind_values`), never pasted into the query text by hand.
    """
    from kg.queries import tag_plain_text

    ox = _pyoxigraph()
    values = {}
    for name, value in tag_plain_text(bindings).items():
        if not str(name).isidentifier():
            raise QueryError(f"{name!r} is not a valid SPARQL variable name")
        values[str(name)] = str(from_rdflib(value))
    try:
        result = store.query(bind_values(sparql, values), use_default_graph_as_union=True)  # documents' graphs too
    except SyntaxError as exc:
        raise QueryError(f"the SPARQL query does not parse: {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the store could not answer the query: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], [[bool(result)]]
    if isinstance(result, ox.QueryTriples):  # CONSTRUCT and DESCRIBE: sorted rows, as kg.graph.query.run_query gives
        convert = _TermConverter()
        triples = [[convert(t.subject), convert(t.predicate), convert(t.object)] for t in result]
        return ["subject", "predicate", "object"], sorted(triples, key=lambda t: tuple(x.n3() for x in t))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT, ASK, CONSTRUCT and DESCRIBE queries are supported here")
    columns = [v.value for v in result.variables]
    convert = _TermConverter()
    width = range(len(columns))
    rows = [[convert(solution[i]) for i in width] for solution in result]
    return columns, rows


def load_build_store(source, store_dir: Path, ontology_dir=None, part_quads: int = PART_QUADS) -> int:
    """Bulk-load a build's graph file (or a list of its partition files), each document's provenance in a graph
    of its own (`kg.graph.doc_graphs`), with the ontology into a new store, streamed in parts of `part_quads`.

    The ontology (classes, property labels, the industry taxonomy) goes in as kg query reads it beside a graph
    file: saved queries that follow skos:broader answer the same from either.
    """
    from kg.ontology import ontology_files

    from kg.graph.doc_graphs import document_quads

    sources = list(source) if isinstance(source, (list, tuple)) else [source]
    return load_into_store(ontology_files(ontology_dir), store_dir, quads=document_quads(sources, _format_of),
                           what=", ".join(map(str, sources)), part_quads=part_quads)
