"""A graph cut into parts for Oxigraph's bulk loader, so that loading a store takes bounded memory.

The bulk loader holds one call's input in memory: the ×100 bench graph (3.26 M quads) in one
``bulk_load`` call took it to 1.5 GB (2.3 GB with the documents' named graphs), in calls of 500,000
quads to 0.85 GB, in calls of `PART_QUADS` to under 0.2 GB, the same quads (docs/scale.md).
Each part is written to a file beside the new store, loaded with one call and removed, so at most one
part is on disk (`load_file_in_parts`, `load_quads_in_parts`; `kg.graph.store` gives them its
``load_file(store, path, format, what)``, which turns the loader's errors into one clear message).

Each call gives the blank nodes it reads new names, so a blank node must not be cut in two: the
statements that name one go last, in one part of their own (parkkg's graphs have none).

>>> lines = [b"<urn:a> <urn:p> <urn:b> .\\n", b"<urn:a> <urn:p> _:x .\\n", b"<urn:c> <urn:p> <urn:d> .\\n"]
>>> [(where, len(part)) for where, part in line_parts(lines, 1)]
[('lines 1-1', 1), ('lines 3-3', 1), ('its lines with blank nodes', 1)]
"""
from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

PART_QUADS = 100_000  # statements per bulk_load call
_LINE_FORMATS = ("nt", "nq")  # kg.graph.formats keys of one statement per line: cut into parts without parsing
_BLANK = b"_:"  # what every blank node label starts with (a literal holding it only moves its line to the end)


def line_parts(lines, part_quads: int = PART_QUADS):
    """(where, lines) of a line-based RDF file (N-Triples, N-Quads: `lines` as bytes) in parts of at most
    `part_quads` lines; those naming a blank node come last, together."""
    blank, part, first, number = [], [], 1, 0
    for number, line in enumerate(lines, 1):
        if _BLANK in line:
            blank.append(line)
            continue
        if not part:
            first = number
        part.append(line)
        if len(part) == part_quads:
            yield f"lines {first}-{number}", part
            part = []
    if part:
        yield f"lines {first}-{number}", part
    if blank:
        yield "its lines with blank nodes", blank


def quad_parts(quads, part_quads: int = PART_QUADS):
    """Iterators over the pyoxigraph `quads` (streamed) in parts of at most `part_quads`; quads with a blank
    node come last, together. Consume each part before asking for the next."""
    from pyoxigraph import BlankNode

    blank = []

    def plain():
        for q in quads:
            if isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode):
                blank.append(q)
            else:
                yield q

    stream = plain()
    for first in stream:
        yield itertools.chain([first], itertools.islice(stream, part_quads - 1))
    if blank:
        yield iter(blank)


def is_line_format(fmt) -> bool:
    """Whether the pyoxigraph format `fmt` has one statement per line."""
    import pyoxigraph as ox

    from kg.graph.formats import GRAPH_FORMATS

    return any(fmt == getattr(ox.RdfFormat, f.oxigraph) for f in GRAPH_FORMATS if f.key in _LINE_FORMATS)


def load_file_in_parts(store, path: Path, fmt, part_quads: int, directory, load_file) -> None:
    """Load the N-Triples or N-Quads file `path` in parts of `part_quads` lines (`line_parts`)."""
    with open(path, "rb") as handle:
        for where, lines in line_parts(handle, part_quads):
            _load_part(store, lambda out: out.writelines(lines), fmt, directory, f"{path} ({where})", load_file)


def load_quads_in_parts(store, quads, part_quads: int, directory, load_file, what: str) -> None:
    """Load the stream of pyoxigraph `quads` in parts of `part_quads` (`quad_parts`), each as N-Quads; a source
    of the stream that does not parse raises its SyntaxError here."""
    import pyoxigraph as ox

    for part in quad_parts(quads, part_quads):
        _load_part(store, lambda out: ox.serialize(part, output=out, format=ox.RdfFormat.N_QUADS),
                   ox.RdfFormat.N_QUADS, directory, what, load_file)


def _load_part(store, write, fmt, directory, what: str, load_file) -> None:
    """`write(binary file)` a part into a temporary file in `directory`, load it, remove it."""
    handle, name = tempfile.mkstemp(prefix=".part.", suffix=".nq", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
        load_file(store, Path(name), fmt, what)
    finally:
        os.unlink(name)
