"""One table of graph formats (kg.graph.formats): every module that reads or writes graph files follows it."""
from __future__ import annotations

import pytest

from kg.graph import formats


def test_every_module_takes_its_formats_from_the_table():
    from kg import build
    from kg.graph import query, serialize, store

    assert build.GRAPH_FORMATS == formats.WRITE_FORMATS
    assert serialize.FORMATS == {f.key: f.rdflib for f in formats.GRAPH_FORMATS if f.writable}
    assert query.GRAPH_FORMATS == {f.suffix: f.rdflib for f in formats.GRAPH_FORMATS}
    assert store._SUFFIX_FORMATS == {f.suffix: f.oxigraph for f in formats.GRAPH_FORMATS}


def test_the_build_command_offers_the_writable_formats():
    from click.testing import CliRunner

    from kg.cli import main

    text = CliRunner().invoke(main, ["build", "--help"]).output
    assert "[" + "|".join(formats.WRITE_FORMATS) + "]" in text


@pytest.mark.parametrize("fmt", formats.GRAPH_FORMATS, ids=lambda f: f.key)
def test_each_format_names_real_parsers(fmt):
    import pyoxigraph
    from rdflib.plugin import Parser, get

    assert get(fmt.rdflib, Parser) is not None
    assert getattr(pyoxigraph.RdfFormat, fmt.oxigraph) is not None
    assert formats.by_suffix(fmt.suffix.upper()) == fmt and formats.by_key(fmt.key) == fmt
