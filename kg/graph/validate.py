"""Check a graph against the SHACL shapes in ``ontology/shapes.ttl``.

A graph that parses can still be wrong in ways a reader only finds later: a
fact without evidence, a target without a park, an industry typed only with a
subclass, an offset that is not an integer. The shapes say what every parkkg
graph must look like; `validate_graph` checks one with pyshacl and returns plain
records, and `render_report` turns them into text a person can act on.

Every ``kg build`` runs `validate` on the graph it writes (graphs over
`MAX_BUILD_TRIPLES` are left to ``kg validate``, since pyshacl's time grows with
the graph); ``kg validate GRAPH`` checks any graph file.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.graph.shacl_batched import property_shapes_batched
from kg.namespace import local_name

SHAPES_FILE = "shapes.ttl"
# Above this many triples a build skips validation (pyshacl takes about a second per
# 10,000 triples here); `kg validate` still checks graphs of any size.
MAX_BUILD_TRIPLES = 250_000


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node broke which shape, along which path, with what value."""

    severity: str  # Violation, Warning or Info
    focus: str
    path: str
    value: str
    message: str
    shape: str


@dataclass
class ValidationReport:
    """The outcome of checking one graph."""

    conforms: bool
    triples: int
    violations: list = field(default_factory=list)  # Violation, sorted
    seconds: float = 0.0
    skipped: str = ""  # why the graph was not checked, when it was not

    def summary(self) -> str:
        """One line for a build summary.

        >>> ValidationReport(True, 10).summary()
        'SHACL: 0 violations in 10 triples'
        >>> ValidationReport(True, 10, skipped="too big").summary()
        'SHACL: not checked (too big)'
        """
        if self.skipped:
            return f"SHACL: not checked ({self.skipped})"
        if self.conforms:
            return f"SHACL: 0 violations in {self.triples} triples"
        return f"SHACL: {len(self.violations)} violation(s) in {self.triples} triples; see: kg validate GRAPH"


def shapes_path(ontology_dir: Path | str | None = None) -> Path:
    """The shapes file of the ontology folder (default: the project's ``ontology/``)."""
    from kg.ontology import DEFAULT_ONTOLOGY_DIR, PACKAGED_ONTOLOGY_DIR

    if ontology_dir is None:
        ontology_dir = DEFAULT_ONTOLOGY_DIR if DEFAULT_ONTOLOGY_DIR.is_dir() else PACKAGED_ONTOLOGY_DIR
    path = Path(ontology_dir) / SHAPES_FILE
    if not path.is_file():
        raise OntologyError(f"{path} not found; the SHACL shapes live in ontology/{SHAPES_FILE} "
                            "(restore it from git, or pass --ontology DIR with the parkkg ontology)")
    return path


@lru_cache(maxsize=4)
def _load_shapes(path: str, mtime: float):
    import rdflib

    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds
        raise OntologyError(f"{path} is not valid Turtle: {exc}; fix the file or restore it from git") from exc
    return g


def load_shapes(ontology_dir: Path | str | None = None):
    """The shapes graph, parsed once per file version."""
    path = shapes_path(ontology_dir)
    return _load_shapes(str(path), path.stat().st_mtime)


def validate_graph(graph, ontology_dir: Path | str | None = None, *, batched: bool = True) -> ValidationReport:
    """Check `graph` (an rdflib graph) against the shapes; never raises for a non-conforming graph.

    `batched` checks each ``sh:property`` shape once over all the focus nodes of
    its node shape (`property_shapes_batched`), five times faster than pyshacl's
    node-by-node way and with the same results.
    """
    from pyshacl import validate as shacl_validate

    shapes = load_shapes(ontology_dir)
    started = time.perf_counter()
    with property_shapes_batched(batched):
        conforms, results, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", advanced=False,
                                              allow_warnings=True)
    seconds = time.perf_counter() - started
    violations = sorted(_violations(results, graph), key=lambda v: (v.message, v.focus, v.path, v.value))
    return ValidationReport(bool(conforms), len(graph), violations, seconds)


def validate(graph, ontology_dir: Path | str | None = None,
             max_triples: int = MAX_BUILD_TRIPLES) -> ValidationReport:
    """The build step: check the graph unless it is too big to check quickly."""
    if len(graph) > max_triples:
        return ValidationReport(True, len(graph), skipped=f"{len(graph)} triples is over the build limit of "
                                f"{max_triples}; run: kg validate GRAPH")
    return validate_graph(graph, ontology_dir)


def _violations(results, graph) -> list[Violation]:
    from rdflib import RDF, Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(prop):
            value = results.value(result, prop)
            return value

        severity = one(SH.resultSeverity)
        message = one(SH.resultMessage)
        out.append(Violation(
            severity=_local(severity) if severity is not None else "Violation",
            focus=short_name(one(SH.focusNode), graph),
            path=_path(results, one(SH.resultPath), graph),
            value=short_name(one(SH.value), graph),
            message=str(message) if message is not None else "",
            shape=short_name(one(SH.sourceShape), graph) if not _is_blank(one(SH.sourceShape)) else "",
        ))
    return out


def _is_blank(node) -> bool:
    from rdflib import BNode

    return isinstance(node, BNode)


_local = local_name  # the one local-name helper (kg.namespace)


def short_name(node, graph) -> str:
    """A term as a person reads it: prefixed name for IRIs, quoted text for literals."""
    from rdflib import BNode, Literal, URIRef

    if node is None:
        return ""
    if isinstance(node, URIRef):
        return _prefixed(str(node), graph)
    if isinstance(node, Literal):
        return node.n3(graph.namespace_manager)
    if isinstance(node, BNode):
        return "[]"
    return str(node)


def _prefixed(iri: str, graph) -> str:
    """`iri` with the longest known namespace written as its prefix (for reading, not for Turtle).

    >>> _prefixed("https://w3id.org/parkkg/id/target/9c4c", None), _prefixed("http://x.org/a", None)
    ('kgr:target/9c4c', '<http://x.org/a>')
    """
    from rdflib import RDF

    from kg.graph.build import PREFIXES

    known = {str(ns): prefix for prefix, ns in PREFIXES.items()}
    known[str(RDF)] = "rdf"
    if graph is not None:
        for prefix, ns in graph.namespaces():
            known.setdefault(str(ns), prefix)
    for ns in sorted(known, key=len, reverse=True):
        if ns and iri.startswith(ns) and len(iri) > len(ns):
            return f"{known[ns]}:{iri[len(ns):]}"
    return f"<{iri}>"


def _path(results, path, graph) -> str:
    """A result path, with inverse paths written ^p as in SPARQL."""
    from rdflib import BNode, Namespace

    SH = Namespace("http://www.w3.org/ns/shacl#")
    if isinstance(path, BNode):
        inverse = results.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + short_name(inverse, graph)
        return "(complex path)"
    return short_name(path, graph)


def render_report(report: ValidationReport, name: str = "the graph", limit: int = 50) -> str:
    """A readable report: a verdict line, then the violations grouped by message.

    >>> v = Violation("Violation", "kgr:target/1", "^pk:hasTarget", "", "every target belongs to a park", "")
    >>> print(render_report(ValidationReport(False, 3, [v]), "g.ttl"))
    g.ttl does not conform to the parkkg shapes: 1 violation(s) in 3 triples
    <BLANKLINE>
    every target belongs to a park (1)
      kgr:target/1  ^pk:hasTarget
    """
    if report.skipped:
        return f"{name} was not checked: {report.skipped}"
    if report.conforms:
        return f"{name} conforms to the parkkg shapes ({report.triples} triples)"
    lines = [f"{name} does not conform to the parkkg shapes: {len(report.violations)} violation(s) "
             f"in {report.triples} triples"]
    groups: dict[str, list[Violation]] = {}
    for v in report.violations:
        key = v.message or f"{v.shape or 'a shape'} is not met"
        groups.setdefault(key, []).append(v)
    shown = 0
    for message, items in groups.items():
        lines.append("")
        lines.append(f"{message} ({len(items)})")
        for v in items:
            if shown >= limit:
                break
            detail = "  ".join(part for part in (v.focus, v.path, f"value {v.value}" if v.value else "") if part)
            lines.append(f"  {detail}")
            shown += 1
    if shown < len(report.violations):
        lines.append("")
        lines.append(f"... and {len(report.violations) - shown} more; use --limit to see more")
    return "\n".join(lines)


def check_strict_syntax(path: Path | str) -> str:
    """'' when pyoxigraph, a strict RDF parser, reads `path`; else its error, in one line.

    rdflib accepts IRIs with spaces or ``<>`` in them and other slips that stricter
    stores (Oxigraph, Jena, GraphDB) refuse, so a graph meant for them is also read
    with pyoxigraph. Malformed IRIs and bad escapes show up here.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://ex.org/a b> <http://ex.org/p> "x" .\\n', encoding="utf-8")
    >>> check_strict_syntax(p).startswith(str(p) + ": pyoxigraph")
    True
    """
    import pyoxigraph

    path = Path(path)
    try:
        fmt = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".").lower() or "ttl")
        if fmt is None:
            return ""
        with open(path, "rb") as handle:
            for _ in pyoxigraph.parse(handle, format=fmt):
                pass
    except (SyntaxError, ValueError) as exc:
        return f"{path}: pyoxigraph (a strict parser) refuses it: {' '.join(str(exc).split())}"
    return ""
