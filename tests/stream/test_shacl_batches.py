"""SHACL batch by batch over a sorted graph file finds exactly what SHACL finds over the whole graph."""
from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.graph.build import new_graph
from kg.graph.validate import validate_graph
from kg.stream.shacl import validate_batches

TEXTS = ["南京市江北新区聚焦集成电路、生物医药等主导产业，到2025年产值突破500亿元。",
         "苏州高新区聚焦集成电路产业，重点发展高端装备制造。",
         "无锡经开区重点发展物联网产业。"]


@pytest.fixture(scope="module")
def graph_lines(tmp_path_factory, pipeline):
    tmp = tmp_path_factory.mktemp("shacl")
    corpus = tmp / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    build([corpus], tmp / "out", html=False, pipeline=pipeline, formats=("nt",))
    return (tmp / "out" / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)


def _broken(lines):
    """A park that lost its type, a target that lost its park, a fact that lost its evidence, a bad offset."""
    park = next(line.split(" ")[0] for line in lines if "#hasLeadingIndustry>" in line)
    target = next(line.split(" ")[2] for line in lines if "#hasTarget>" in line)
    fact = next(line.split(" ")[0] for line in lines if "rdf-syntax-ns#Statement>" in line)
    out = []
    for line in lines:
        s, p, o = line.split(" ", 2)
        if (s == park and p.endswith("#type>")) or (o.startswith(target) and p.endswith("#hasTarget>")):
            continue
        if s == fact and "wasDerivedFrom" in p:
            continue
        if "#startOffset>" in p:
            line = f'{s} {p} "seven" .\n'
        out.append(line)
    return sorted(set(out))


@pytest.mark.parametrize("broken", [False, True])
def test_batches_find_what_the_whole_graph_check_finds(graph_lines, broken, tmp_path):
    lines = _broken(graph_lines) if broken else graph_lines
    nt = tmp_path / "g.nt"
    nt.write_text("".join(lines), encoding="utf-8")
    whole = new_graph()
    whole.parse(str(nt), format="nt")
    expected = validate_graph(whole)
    got = validate_batches(nt, batch_triples=25)  # many batches, subjects never split
    assert got.violations == expected.violations and got.conforms == expected.conforms
    assert got.triples == len(whole)
    assert broken == bool(got.violations)
