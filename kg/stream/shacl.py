"""SHACL in batches of subjects, over a sorted N-Triples file: memory bounded, time linear in the graph.

The shapes (``ontology/shapes.ttl``) look at a node's own triples, at the
``rdf:type`` of the nodes it points to (``sh:class``), and for a target at the
park that has it (``[ sh:inversePath pk:hasTarget ]``). So each batch of
subjects (whole subjects, about `BATCH_TRIPLES` triples) is checked in a graph
of its own triples plus that context, looked up in a SQLite table filled by one
first pass over the file. A violation counts when its focus node is a subject of
the batch, or when it comes from a shape that targets the objects of a property
(those nodes are checked by their type alone, which the context holds); a
context node checked against its class's shapes is not counted, since its own
batch checks it whole. The report is the one `kg.graph.validate.validate_graph`
gives for the whole graph.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
import tempfile
import time
from pathlib import Path

from kg.graph.sorted_lines import split_line

BATCH_TRIPLES = 10_000
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_HAS_TARGET = "<https://w3id.org/parkkg/ontology#hasTarget>"


def _context_index(nt_file: Path, db: sqlite3.Connection) -> None:
    db.executescript("CREATE TABLE types (node TEXT, line TEXT); CREATE TABLE owners (target TEXT, line TEXT);")
    db.execute("BEGIN")
    with open(nt_file, encoding="utf-8", errors="surrogatepass") as handle:
        for line in handle:
            s, p, o = split_line(line[:-3])
            if p == _TYPE:
                db.execute("INSERT INTO types VALUES (?, ?)", (s, line))
            elif p == _HAS_TARGET:
                db.execute("INSERT INTO owners VALUES (?, ?)", (o, line))
    db.execute("COMMIT")
    db.executescript("CREATE INDEX types_node ON types (node); CREATE INDEX owners_target ON owners (target);")


def _batches(nt_file: Path, size: int):
    """(subjects, lines) of whole subjects, about `size` lines each."""
    subjects, lines, last = set(), [], None
    with open(nt_file, encoding="utf-8", errors="surrogatepass") as handle:
        for line in handle:
            s = line.split(" ", 1)[0]
            if s != last and len(lines) >= size:
                yield subjects, lines
                subjects, lines = set(), []
            subjects.add(s)
            lines.append(line)
            last = s
    if lines:
        yield subjects, lines


def _context(db: sqlite3.Connection, subjects: set, lines: list) -> list:
    objects = {o for o in (split_line(line[:-3])[2] for line in lines) if o.startswith("<")} - subjects
    out = _lookup(db, "SELECT line FROM types WHERE node = ?", objects)
    owners = _lookup(db, "SELECT line FROM owners WHERE target = ?", subjects)
    parks = {line.split(" ", 1)[0] for line in owners} - subjects - objects
    return out + owners + _lookup(db, "SELECT line FROM types WHERE node = ?", parks)


def _lookup(db, sql: str, keys) -> list:
    return [line for key in sorted(keys) for (line,) in db.execute(sql, (key,))]


def _object_shapes(ontology_dir, graph) -> set:
    from rdflib import Namespace

    from kg.graph.validate import load_shapes, short_name

    sh = Namespace("http://www.w3.org/ns/shacl#")
    return {short_name(shape, graph) for shape in load_shapes(ontology_dir).subjects(sh.targetObjectsOf, None)}


def validate_batches(nt_file: Path, ontology_dir=None, batch_triples: int = BATCH_TRIPLES):
    """The `kg.graph.validate.ValidationReport` of the sorted N-Triples file `nt_file`, batch by batch."""
    from rdflib import URIRef

    from kg.graph.build import new_graph
    from kg.graph.validate import ValidationReport, short_name, validate_graph

    started = time.perf_counter()
    object_shapes = _object_shapes(ontology_dir, new_graph())
    own, pointed, triples = [], {}, 0
    with tempfile.TemporaryDirectory(prefix="kg-shacl-", dir=Path(nt_file).parent) as tmp:
        db = sqlite3.connect(str(Path(tmp) / "context.sqlite"), isolation_level=None)
        try:
            _context_index(Path(nt_file), db)
            for subjects, lines in _batches(Path(nt_file), batch_triples):
                triples += len(lines)
                graph = new_graph()
                graph.parse(data="".join(lines + _context(db, subjects, lines)), format="nt")
                mine = {short_name(URIRef(s[1:-1]), graph) for s in subjects if s.startswith("<")}
                seen = Counter()
                for v in validate_graph(graph, ontology_dir).violations:
                    if v.focus in mine:  # a subject of this batch: checked here and only here
                        own.append(v)
                    elif v.shape in object_shapes:  # a node pointed at: several batches may check it
                        seen[v] += 1
                for v, n in seen.items():
                    pointed[v] = max(pointed.get(v, 0), n)
        finally:
            db.close()
    violations = sorted(own + [v for v, n in pointed.items() for _ in range(n)],
                        key=lambda v: (v.message, v.focus, v.path, v.value))
    return ValidationReport(all(v.severity != "Violation" for v in violations), triples, violations,
                            time.perf_counter() - started)
