"""kg push against a real SPARQL 1.1 Graph Store Protocol server: Oxigraph's, on 127.0.0.1."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.graph.store import PushError, push_graph

GRAPH_IRI = "https://w3id.org/parkkg/graph/test"
NT = "".join(f'<https://w3id.org/parkkg/id/park/p{i}> <http://www.w3.org/2004/02/skos/core#prefLabel> "园区{i}"@zh .\n'
             for i in range(5))
TTL = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/parkkg/id/park/sz> skos:prefLabel "苏州高新区"@zh .
"""


def _oxigraph_binary():
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxi")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.skip("the oxigraph server did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def _count(base: str, graph_iri: str | None = None) -> int:
    where = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}" if graph_iri else "?s ?p ?o"
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"
    request = urllib.request.Request(f"{base}/query?query={urllib.parse.quote(query)}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


def test_push_ntriples_in_batches_then_replace_then_append(server, tmp_path):
    (tmp_path / "graph.nt").write_text(NT, encoding="utf-8")
    (tmp_path / "small.ttl").write_text(TTL, encoding="utf-8")
    result = push_graph(tmp_path / "graph.nt", f"{server}/store", GRAPH_IRI, batch_triples=2, timeout=10)
    assert (result["requests"], result["triples"], result["staged"]) == (4, 5, True)  # 3 batches, then MOVE
    assert _count(server, GRAPH_IRI) == 5
    push_graph(tmp_path / "small.ttl", f"{server}/store", GRAPH_IRI, timeout=10)  # PUT replaces
    assert _count(server, GRAPH_IRI) == 1
    push_graph(tmp_path / "graph.nt", f"{server}/store", GRAPH_IRI, replace=False, timeout=10)  # POST adds
    assert _count(server, GRAPH_IRI) == 6


def test_cli_pushes_a_build_folder_to_the_default_graph(server, tmp_path):
    (tmp_path / "graph.ttl").write_text(TTL, encoding="utf-8")
    result = CliRunner().invoke(main, ["push", str(tmp_path), "--endpoint", f"{server}/store", "--timeout", "10"])
    assert result.exit_code == 0, result.output
    assert "1 request(s)" in result.output and "?default" in result.output
    assert _count(server) >= 1


def test_errors_are_one_line(server, tmp_path):
    (tmp_path / "graph.nt").write_text(NT, encoding="utf-8")
    result = CliRunner().invoke(main, ["push", str(tmp_path / "graph.nt"), "--endpoint", f"{server}/nowhere",
                                       "--timeout", "10"])
    assert result.exit_code == 2 and "answered 404" in result.output
    with pytest.raises(PushError, match="could not reach"):
        push_graph(tmp_path / "graph.nt", f"http://127.0.0.1:{_free_port()}/store", timeout=5)
    with pytest.raises(PushError, match="http"):
        push_graph(tmp_path / "graph.nt", "ftp://x/store")
    (tmp_path / "empty").mkdir()
    with pytest.raises(PushError, match="no graph.nt or graph.ttl"):
        push_graph(tmp_path / "empty", f"{server}/store")


def _failing_after(monkeypatch, requests: int):
    """Make every HTTP request after the first `requests` fail as a dropped connection would."""
    import urllib.error

    real = urllib.request.urlopen
    calls = {"n": 0}

    def urlopen(request, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > requests and request.get_method() in ("PUT", "POST") and b"DROP" not in (
                request.data if isinstance(request.data, bytes) else b""):
            raise urllib.error.URLError("connection reset by peer")
        return real(request, *args, **kwargs)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)


def test_a_replacing_push_that_fails_midway_leaves_the_target_as_it_was(server, tmp_path, monkeypatch):
    iri = GRAPH_IRI + "/atomic"
    (tmp_path / "old.ttl").write_text(TTL, encoding="utf-8")
    push_graph(tmp_path / "old.ttl", f"{server}/store", iri, timeout=10)
    (tmp_path / "graph.nt").write_text(NT, encoding="utf-8")
    _failing_after(monkeypatch, 2)
    with pytest.raises(PushError, match="target graph was not changed"):
        push_graph(tmp_path / "graph.nt", f"{server}/store", iri, batch_triples=2, timeout=10)
    monkeypatch.undo()
    assert _count(server, iri) == 1  # the old content, whole: no fragment of the new one
    staging = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'urn:parkkg:push')) }"
    request = urllib.request.Request(f"{server}/query?query={urllib.parse.quote(staging)}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.load(response)["results"]["bindings"][0]["n"]["value"] == "0"


def test_without_an_update_endpoint_a_failure_says_what_the_remote_holds_and_resume_finishes(server, tmp_path,
                                                                                              monkeypatch):
    iri = GRAPH_IRI + "/resume"
    (tmp_path / "graph.nt").write_text(NT, encoding="utf-8")
    _failing_after(monkeypatch, 1)
    with pytest.raises(PushError) as info:
        push_graph(tmp_path / "graph.nt", f"{server}/store", iri, batch_triples=2, timeout=10, update_endpoint="")
    monkeypatch.undo()
    assert "INCOMPLETE" in str(info.value) and "first 2 triples" in str(info.value)
    assert "--resume-from 2" in str(info.value)
    assert _count(server, iri) == 2
    result = CliRunner().invoke(main, ["push", str(tmp_path / "graph.nt"), "--endpoint", f"{server}/store",
                                       "--graph-iri", iri, "--batch", "2", "--resume-from", "2"])
    assert result.exit_code == 0, result.output
    assert _count(server, iri) == 5
