"""The SHACL check in a forked process: the same report as here, its errors raised here, stopped when unwanted."""
from __future__ import annotations

import time

import pytest
from rdflib import Literal
from rdflib.namespace import SKOS

import kg.graph.validate
from kg.errors import OntologyError
from kg.graph.build import PK, build_graph, new_graph
from kg.graph.validate import validate
from kg.graph.validate_aside import ValidationAside
from kg.pipeline import merge_results
from kg.text.readers import RawDocument

TEXT = "苏州高新区聚焦集成电路、生物医药等主导产业。到2025年，苏州高新区高新技术企业达到4500家。"


@pytest.fixture(scope="module")
def graph(pipeline):
    return build_graph(merge_results([pipeline.process(RawDocument("a1", TEXT, "a1.txt"))]), pipeline.lexicon)


def test_a_check_aside_gives_the_same_report(graph):
    g = new_graph()
    for t in graph:
        g.add(t)
    g.remove((None, PK.hasTarget, None))
    industry = sorted(g.subjects(None, PK.Industry))[0]
    g.add((industry, SKOS.prefLabel, Literal("另一个名字", lang="zh")))
    here, aside = validate(g), ValidationAside(g).result()
    assert (aside.conforms, aside.triples, aside.violations) == (here.conforms, here.triples, here.violations)
    assert not aside.conforms and len(aside.violations) >= 2


def test_a_check_aside_raises_what_the_check_raised(graph, monkeypatch):
    def broken(*args, **kwargs):
        raise OntologyError("shapes.ttl is not valid Turtle")

    monkeypatch.setattr(kg.graph.validate, "validate", broken)  # the forked process inherits it
    with pytest.raises(OntologyError, match="not valid Turtle"):
        ValidationAside(graph).result()


def test_a_check_aside_that_is_no_longer_wanted_is_stopped(graph, monkeypatch):
    monkeypatch.setattr(kg.graph.validate, "validate", lambda *a, **k: time.sleep(60))
    aside = ValidationAside(graph)
    started = time.perf_counter()
    aside.close()
    assert time.perf_counter() - started < 30 and not aside._process.is_alive()
