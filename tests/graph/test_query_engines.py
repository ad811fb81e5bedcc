"""Every saved query, with its example parameters, gives the same rows in every engine.

Three ways a user runs a saved query on the graph of ``seeds/``:

- ``rdflib``: ``kg query`` on ``graph.ttl`` (rdflib, parameters as initBindings);
- ``oxigraph``: ``kg query`` on a store folder (``kg build --store``; parameters as VALUES in each group);
- ``values``: the text a workbench runs (GraphDB, Fuseki, YASGUI: a ``VALUES`` line at the top of the
  WHERE block, as ``docs/graph-tools.md`` says), run on both rdflib and Oxigraph with no bindings.

All must give the same rows, in the same order where the query orders them, with the same text in
``GROUP_CONCAT`` lists. And the example each query shows a user returns rows on ``seeds/``.
Run with ``-s`` to see the table.
"""
from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from kg.graph.query import display_rows, load_query_graph, run_query
from kg.graph.store import memory_store, query_store
from kg.ontology import ontology_files
from kg.queries import bind_params, check_params, list_queries, load_query, values_text


def example_params(query) -> list[str]:
    """The ``--param`` values of the ``# example:`` line of a saved query's header."""
    line = next((ln for ln in query.sparql.splitlines() if ln.lstrip("# ").startswith("example:")), "")
    words = shlex.split(line.split("example:", 1)[1]) if line else []
    return [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--param"]


@pytest.fixture(scope="module")
def seeds_graph(seeds_dir, tmp_path_factory):
    from kg.build import build

    out = tmp_path_factory.mktemp("seeds-graph")
    report = build([seeds_dir], out, html=False)
    assert report.documents >= 5 and not report.skipped
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def engines(seeds_graph):
    graph = load_query_graph(seeds_graph)
    store = memory_store([seeds_graph, *ontology_files()])
    return graph, store


def answers(engines, name):
    """{engine: displayed rows} for saved query `name` with its example parameters."""
    graph, store = engines
    query = load_query(name)
    bindings = bind_params(example_params(query))
    check_params(query, bindings)
    text = values_text(query.sparql, bindings)
    out = {}
    for engine, (columns, rows) in {
        "rdflib": run_query(graph, query.sparql, bindings),
        "oxigraph": query_store(store, query.sparql, bindings),
        "values-rdflib": run_query(graph, text),
        "values-oxigraph": query_store(store, text),
    }.items():
        out[engine] = (columns, display_rows(rows, compact=False))
    return out


NAMES = [q.name for q in list_queries()]


@pytest.mark.parametrize("name", NAMES)
def test_every_engine_gives_the_same_rows(engines, name):
    got = answers(engines, name)
    columns, rows = got["rdflib"]
    assert rows, f"{name}: its example returns no rows on seeds/"
    for engine, (cols, other) in got.items():
        assert cols == columns, f"{name}: {engine} has columns {cols}, rdflib {columns}"
        assert other == rows, f"{name}: {engine} gives {len(other)} rows, rdflib {len(rows)}"


def test_the_table(engines, capsys):
    """Prints the table of row counts per query and engine (the issue's closing note)."""
    lines = ["| query | example | rdflib | oxigraph | VALUES on rdflib | VALUES on oxigraph | same rows |",
             "|---|---|---|---|---|---|---|"]
    for name in NAMES:
        got = answers(engines, name)
        counts = [len(got[e][1]) for e in ("rdflib", "oxigraph", "values-rdflib", "values-oxigraph")]
        same = all(v == got["rdflib"] for v in got.values())
        example = " ".join(example_params(load_query(name))) or "(none)"
        lines.append(f"| {name} | {example} | " + " | ".join(map(str, counts)) + f" | {'yes' if same else 'NO'} |")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert "NO" not in "\n".join(lines)


def shown_examples() -> list[tuple[str, str]]:
    """(where, command) of each ``kg query SAVED …`` a user is shown: README.md and ``kg query --help``."""
    import re

    from click.testing import CliRunner

    from kg.cli import main

    root = Path(__file__).resolve().parents[2]
    texts = {"README.md": (root / "README.md").read_text(encoding="utf-8"),
             "kg query --help": CliRunner().invoke(main, ["query", "--help"]).output}
    saved = set(NAMES)
    out = []
    for where, text in texts.items():
        for m in re.finditer(r"kg query ([a-z][a-z-]+)((?: --param \S+)*)", text):
            if m.group(1) in saved:
                out.append((where, f"{m.group(1)}{m.group(2)}"))
    return out


def test_examples_shown_in_readme_and_help_return_rows(engines):
    graph, _ = engines
    examples = shown_examples()
    assert any(where == "README.md" for where, _ in examples) and any(w != "README.md" for w, _ in examples)
    for where, command in examples:
        name, *rest = command.split()
        query = load_query(name)
        bindings = bind_params([rest[i + 1] for i, w in enumerate(rest[:-1]) if w == "--param"])
        check_params(query, bindings)
        assert run_query(graph, query.sparql, bindings)[1], f"{where}: kg query {command} returns no rows on seeds/"


@pytest.mark.parametrize("name", [q.name for q in list_queries() if any(p.required for p in q.params)])
def test_the_values_an_error_message_suggests_return_rows(engines, name):
    """``kg query NAME`` without a required parameter suggests ``--param p=EXAMPLE``: that must answer."""
    graph, _ = engines
    query = load_query(name)
    required = [f"{p.name}={p.example}" for p in query.params if p.required]
    assert all(p.example for p in query.params if p.required), f"{name}: a required parameter has no example"
    assert run_query(graph, query.sparql, bind_params(required))[1], f"{name} --param {' '.join(required)}: no rows"
