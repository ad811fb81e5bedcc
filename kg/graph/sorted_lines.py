"""Graph files from triples that never meet in memory: an external sort of N-Triples lines.

The streamed build (`kg.stream`) produces triples in any order and some more
than once. `LineSorter` keeps a bounded run of N-Triples lines (``s p o``, no
final dot), spills each run sorted to a temporary file and merges the runs, so
the sorted, duplicate-free lines come back with memory bounded by the run size.
`write_sorted` then writes N-Triples, N-Quads and Turtle from that one stream, in
exactly the bytes `kg.graph.serialize` writes for the same graph: sorting
``s p o`` lines sorts by (subject, predicate, object) in N-Triples form, since an
IRI never contains a space or the ``>`` that ends another one.

>>> sorter = LineSorter(chunk_lines=2)
>>> for line in ['<urn:b> <urn:p> "2"', '<urn:a> <urn:p> "1"', '<urn:b> <urn:p> "2"']:
...     sorter.add(line)
>>> list(sorter.sorted_unique())
['<urn:a> <urn:p> "1"', '<urn:b> <urn:p> "2"']
>>> sorter.close()
"""
from __future__ import annotations

import heapq
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.graph.serialize import RDF_TYPE, _TurtleTerms, atomic_open, iri_ref, nt_term
from kg.types import ENTITY_CLASSES

_TYPE_NT = f"<{RDF_TYPE}>"
_PK = "<https://w3id.org/parkkg/ontology#"
_ENTITY_TYPES = frozenset(f"{_PK}{c}>" for c in ENTITY_CLASSES)
_TARGET_TYPE = f"{_PK}Target>"
_STATEMENT_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>"
_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
_DECIMAL = "<http://www.w3.org/2001/XMLSchema#decimal>"
_BOOLEAN = "<http://www.w3.org/2001/XMLSchema#boolean>"


class NTLines:
    """N-Triples lines of rdflib triples, each term formatted once while it is in the bounded memo."""

    def __init__(self, memo: int = 200_000):
        self._memo: dict = {}
        self._size = memo

    def term(self, t) -> str:
        out = self._memo.get(t)
        if out is None:
            if len(self._memo) >= self._size:
                self._memo.clear()
            out = self._memo[t] = nt_term(t)
        return out

    def line(self, s, p, o) -> str:
        return f"{self.term(s)} {self.term(p)} {self.term(o)}"


class LineSorter:
    """Sorted, duplicate-free lines with at most `chunk_lines` of them in memory at once."""

    def __init__(self, chunk_lines: int = 200_000, directory: Path | str | None = None):
        self.chunk_lines = chunk_lines
        self._lines: list[str] = []
        self._runs: list[Path] = []
        self._dir = Path(tempfile.mkdtemp(prefix="kg-sort-", dir=directory))

    def add(self, line: str) -> None:
        self._lines.append(line)
        if len(self._lines) >= self.chunk_lines:
            self._spill()

    def _spill(self) -> None:
        path = self._dir / f"run-{len(self._runs):05d}"
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as handle:
            handle.writelines(f"{line}\n" for line in _unique(sorted(self._lines)))
        self._lines = []
        self._runs.append(path)

    def sorted_unique(self):
        """Every line added, sorted, each once (call once, after the last `add`)."""
        if not self._runs:
            yield from _unique(sorted(self._lines))
            return
        self._spill()
        handles = [open(p, encoding="utf-8", errors="surrogatepass", newline="\n") for p in self._runs]
        try:
            yield from _unique(line[:-1] for line in heapq.merge(*handles))
        finally:
            for handle in handles:
                handle.close()

    def close(self) -> None:
        self._lines = []
        shutil.rmtree(self._dir, ignore_errors=True)


def _unique(lines):
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


@dataclass
class LineCounts:
    """What `kg.graph.network.graph_counts` counts, read off the sorted lines."""

    triples: int = 0
    entities: int = 0
    relations: int = 0
    targets: int = 0
    readings: int = 0  # set by the streamed build: relations read before merging into facts

    def see(self, p: str, o: str, typed: set) -> None:
        self.triples += 1
        if p == _TYPE_NT:
            typed.add(o)


def split_line(line: str) -> tuple[str, str, str]:
    s, p, o = line.split(" ", 2)
    return s, p, o


def ttl_term(nt: str, terms: _TurtleTerms) -> str:
    """The Turtle form `kg.graph.serialize` gives the term whose N-Triples form is `nt`.

    >>> terms = _TurtleTerms({"ex": "http://example.org/"})
    >>> ttl_term("<http://example.org/a>", terms), ttl_term('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', terms)
    ('ex:a', '3')
    """
    if nt.startswith("<"):
        return terms.iri(nt[1:-1])
    if not nt.startswith('"'):
        return nt  # a blank node
    close = nt.rfind('"')
    lexical, tail = nt[1:close], nt[close + 1:]
    if not tail.startswith("^^"):
        return nt
    datatype = tail[2:]
    if datatype in (_INTEGER, _DECIMAL, _BOOLEAN) and _plain_number(datatype, lexical):
        return lexical
    return f'"{lexical}"^^{terms.iri(datatype[1:-1])}'


def _plain_number(datatype: str, lexical: str) -> bool:
    from kg.graph import serialize

    if datatype == _INTEGER:
        return serialize._INTEGER.match(lexical) is not None
    if datatype == _DECIMAL:
        return serialize._DECIMAL.match(lexical) is not None
    return lexical in ("true", "false")


def _subjects(lines):
    """(subject, [(predicate, [objects])]) groups of sorted lines."""
    subject, preds = None, []
    for line in lines:
        s, p, o = split_line(line)
        if s != subject:
            if subject is not None:
                yield subject, preds
            subject, preds = s, []
        if preds and preds[-1][0] == p:
            preds[-1][1].append(o)
        else:
            preds.append((p, [o]))
    if subject is not None:
        yield subject, preds


def write_sorted(lines, paths: dict, prefixes: dict, graph_name: str = "") -> LineCounts:
    """Write the sorted unique `lines` as the files of `paths` (format key ``nt``/``nq``/``ttl`` -> path;
    keys ``nt:NAME`` are more N-Triples files).

    `prefixes` are the Turtle prefixes (`kg.graph.serialize.graph_prefixes` of an
    empty project graph); `graph_name` names the N-Quads graph. Returns the counts.
    """
    counts = LineCounts()
    terms = _TurtleTerms(prefixes)
    with _Outputs(paths, graph_name) as out:
        first = True
        for s, preds in _subjects(lines):
            typed: set = set()
            for p, objects in preds:
                for o in objects:
                    counts.see(p, o, typed)
                    out.line(f"{s} {p} {o}")
            counts.entities += bool(typed & _ENTITY_TYPES)
            counts.targets += _TARGET_TYPE in typed
            counts.relations += _STATEMENT_TYPE in typed
            if out.turtle is not None:
                out.turtle.write(("" if first else "\n") + _turtle_chunk(s, preds, terms))
                first = False
        out.finish_turtle(terms)
    return counts


def _turtle_chunk(s: str, preds, terms: _TurtleTerms) -> str:
    ordered = sorted(preds, key=lambda po: po[0] != _TYPE_NT)  # stable: rdf:type first, then as sorted
    parts = []
    for p, objects in ordered:
        verb = "a" if p == _TYPE_NT else ttl_term(p, terms)
        parts.append(f"{verb} " + ", ".join(ttl_term(o, terms) for o in objects))
    return f"{ttl_term(s, terms)} " + " ;\n    ".join(parts) + " .\n"


class _Outputs:
    """The open output files of `write_sorted`; Turtle's body goes to a side file until its prefixes are known."""

    def __init__(self, paths: dict, graph_name: str):
        self.paths = paths
        self.graph_suffix = f" {iri_ref(graph_name)} .\n" if graph_name else ""
        self.nt: list = []
        self.nq = self.turtle = None
        self._body = None

    def __enter__(self):
        import contextlib

        self._exit = contextlib.ExitStack().__enter__()
        for key, path in sorted(self.paths.items()):
            if key == "nt" or key.startswith("nt:"):  # nt:NAME: more N-Triples copies (a build's own state)
                self.nt.append(self._exit.enter_context(atomic_open(path, "w")))
        if "nq" in self.paths:
            self.nq = self._exit.enter_context(atomic_open(self.paths["nq"], "w"))
        if "ttl" in self.paths:
            fd, body = tempfile.mkstemp(prefix=".graph.ttl.", suffix=".body.tmp", dir=Path(self.paths["ttl"]).parent)
            os.close(fd)
            self._body = Path(body)
            self.turtle = self._exit.enter_context(open(body, "w", encoding="utf-8", newline="\n"))
        return self

    def line(self, triple: str) -> None:
        for handle in self.nt:
            handle.write(triple + " .\n")
        if self.nq is not None:
            self.nq.write(triple + self.graph_suffix)

    def finish_turtle(self, terms: _TurtleTerms) -> None:
        if self.turtle is None:
            return
        self.turtle.close()
        header = "".join(f"@prefix {prefix}: {iri_ref(ns)} .\n"
                         for ns, prefix in sorted(terms.by_namespace.items(), key=lambda kv: kv[1])
                         if prefix in terms.used)
        with atomic_open(self.paths["ttl"], "w") as handle, open(self._body, encoding="utf-8") as body:
            handle.write(header)
            first = body.read(1)
            if first:
                handle.write(("\n" if header else "") + first)
            shutil.copyfileobj(body, handle, 1 << 20)

    def __exit__(self, *exc):
        try:
            self._exit.__exit__(*exc)
        finally:
            if self._body is not None:
                self._body.unlink(missing_ok=True)


def term_lines(triples, lines: NTLines | None = None):
    """N-Triples lines (no final dot) of rdflib triples."""
    lines = lines or NTLines()
    for s, p, o in triples:
        yield lines.line(s, p, o)
