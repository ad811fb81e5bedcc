"""Cutting a graph into parts for the bulk loader: every statement once, blank nodes kept together."""
from __future__ import annotations

import pyoxigraph as ox

from kg.graph.store_parts import line_parts, quad_parts


def test_line_parts_keep_every_line_once_and_blank_nodes_last():
    lines = [f"<urn:s{i}> <urn:p> <urn:o> .\n".encode() for i in range(5)]
    lines[2:2] = [b"<urn:s> <urn:p> _:x .\n"]
    parts = list(line_parts(iter(lines), 2))
    assert [where for where, _ in parts] == ["lines 1-2", "lines 4-5", "lines 6-6", "its lines with blank nodes"]
    assert [line for _, part in parts for line in part] == lines[:2] + lines[3:] + [lines[2]]
    assert list(line_parts(iter([]), 2)) == []


def test_quad_parts_stream_the_quads_in_parts_blank_nodes_last():
    a, p = ox.NamedNode("urn:a"), ox.NamedNode("urn:p")
    quads = [ox.Quad(a, p, ox.Literal(str(i))) for i in range(5)] + [ox.Quad(ox.BlankNode("x"), p, a)]
    quads[1:1] = [ox.Quad(a, p, ox.BlankNode("x"))]
    parts = [list(part) for part in quad_parts(iter(quads), 2)]
    assert [len(part) for part in parts] == [2, 2, 1, 2]
    assert parts[-1] == [quads[1], quads[-1]] and [q for part in parts[:-1] for q in part] == quads[:1] + quads[2:-1]
