"""kg serve: a real Oxigraph SPARQL endpoint on 127.0.0.1, spoken to with urllib.

Every test starts its server on a free port and stops it; every network call has
a timeout. The tests skip when the oxigraph server is not installed
(pip install 'parkkg[server]').
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.graph.endpoint import Endpoint, ServeError, oxigraph_binary
from kg.errors import OptionalDependencyError

ROOT = Path(__file__).resolve().parents[2]
TTL = """@prefix pk: <https://w3id.org/parkkg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/parkkg/id/park/sz> a pk:Park ; skos:prefLabel "苏州高新区"@zh ;
    pk:hasLeadingIndustry <https://w3id.org/parkkg/id/industry/ic> .
<https://w3id.org/parkkg/id/industry/ic> a pk:Industry ; skos:prefLabel "集成电路"@zh ;
    pk:inSector <https://w3id.org/parkkg/industry/integrated-circuits> .
"""
TIMEOUT = 10
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module", autouse=True)
def needs_oxigraph():
    try:
        oxigraph_binary()
    except OptionalDependencyError:
        pytest.skip("the oxigraph server is not installed (pip install 'parkkg[server]')")


@pytest.fixture
def graph(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def select(url: str, query: str, method: str = "GET") -> dict:
    headers = {"Accept": "application/sparql-results+json"}
    if method == "GET":
        request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers=headers)
    else:
        request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={**headers, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("application/sparql-results+json")
        return json.load(response)


def count(url: str) -> int:
    return int(select(url, COUNT)["results"]["bindings"][0]["n"]["value"])


def update(url: str, text: str) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"update": text}).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a TCP socket in LISTEN state on `port` (Linux /proc/net)."""
    found = set()
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":
                if len(address) == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
                else:
                    raw = b"".join(bytes.fromhex(address[i:i + 8])[::-1] for i in range(0, 32, 8))
                    found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


def is_listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_select_returns_json_and_update_is_refused(graph):
    port = free_port()
    before = graph.read_bytes()
    with Endpoint(graph, port=port, startup_timeout_s=30) as endpoint:
        assert endpoint.query_url == f"http://127.0.0.1:{port}/query"
        data = select(endpoint.query_url, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                          "SELECT ?name WHERE { ?p skos:prefLabel ?name } ORDER BY ?name")
        names = [b["name"]["value"] for b in data["results"]["bindings"]]
        assert "苏州高新区" in names and "集成电路" in names
        assert data["results"]["bindings"][0]["name"].get("xml:lang") == "zh"
        # the ontology was loaded beside the graph: the taxonomy answers
        data = select(endpoint.query_url, "PREFIX pk: <https://w3id.org/parkkg/ontology#>\n"
                                          "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                          "SELECT ?sector WHERE { ?i pk:inSector/skos:broader+/skos:prefLabel ?sector "
                                          "FILTER(LANG(?sector) = 'zh') }", method="POST")
        assert [b["sector"]["value"] for b in data["results"]["bindings"]] == ["新一代信息技术"]
        n = count(endpoint.query_url)
        # SPARQL Update is refused, at /update and smuggled into /query
        assert 400 <= update(endpoint.update_url, "DROP ALL") < 500
        with pytest.raises(urllib.error.HTTPError) as refused:
            select(endpoint.query_url, "DELETE WHERE { ?s ?p ?o }", method="POST")
        assert 400 <= refused.value.code < 500
        assert count(endpoint.query_url) == n
        # bound to the loopback address only
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"127.0.0.1"}
        process = endpoint.process
    assert process.poll() is not None, "the server must be stopped"
    assert not is_listening(port)
    assert graph.read_bytes() == before


def test_allow_update_changes_the_served_copy_only(graph):
    port = free_port()
    before = graph.read_bytes()
    with Endpoint(graph, port=port, allow_update=True, ontology=False) as endpoint:
        n = count(endpoint.query_url)
        status = update(endpoint.update_url, "INSERT DATA { <https://w3id.org/parkkg/id/park/x> "
                                             "<http://www.w3.org/2000/01/rdf-schema#label> \"新园\"@zh }")
        assert 200 <= status < 300
        assert count(endpoint.query_url) == n + 1
    assert graph.read_bytes() == before


def test_a_busy_port_and_a_missing_graph_are_clear_errors(graph, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        with pytest.raises(ServeError, match="in use"):
            Endpoint(graph, port=port).start()
    with pytest.raises(ServeError, match="no such graph file"):
        Endpoint(tmp_path / "missing.ttl", port=free_port()).start()


def read_first_line(proc, timeout_s: float) -> str:
    """The first line the process writes to stderr, waiting at most `timeout_s`."""
    import selectors

    data = b""
    deadline = time.monotonic() + timeout_s
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stderr, selectors.EVENT_READ)
        while b"\n" not in data:
            left = deadline - time.monotonic()
            assert left > 0, f"no line from kg serve within {timeout_s} s: {data!r}"
            if sel.select(timeout=left):
                chunk = os.read(proc.stderr.fileno(), 4096)
                assert chunk, f"kg serve exited: {data!r}"
                data += chunk
    return data.decode("utf-8", "replace")


def test_cli_serves_until_terminated(graph):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port),
                             "--no-ontology"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    try:
        banner = read_first_line(proc, timeout_s=60)  # printed once the server listens
        assert "SPARQL endpoint (read-only)" in banner and f"127.0.0.1:{port}/query" in banner
        assert is_listening(port)
        assert count(f"http://127.0.0.1:{port}/query") == 6
        if Path("/proc/net/tcp").exists():
            assert listening_addresses(port) == {"127.0.0.1"}
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err.decode()
        assert "stopped" in err.decode()
        assert not is_listening(port), "the oxigraph child must stop with kg serve"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_an_nquads_graph_is_served_with_its_named_graphs_in_the_default_graph(tmp_path):
    nq = tmp_path / "graph.nq"
    nq.write_text('<https://w3id.org/parkkg/id/park/sz> <http://www.w3.org/2004/02/skos/core#prefLabel> '
                  '"苏州高新区"@zh <https://w3id.org/parkkg/id/doc/a> .\n', encoding="utf-8")
    with Endpoint(nq, port=free_port(), ontology=False) as endpoint:
        assert count(endpoint.query_url) == 1
        data = select(endpoint.query_url, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert [b["g"]["value"] for b in data["results"]["bindings"]] == ["https://w3id.org/parkkg/id/doc/a"]


# ---------------------------------------------------------------- the guard (issue 18)

def _many(tmp_path, n: int = 400):
    path = tmp_path / "many.nt"
    path.write_text("".join(f"<https://w3id.org/parkkg/id/park/p{i}> <http://www.w3.org/2004/02/skos/core#prefLabel> "
                            f"\"园区{i}\"@zh .\n" for i in range(n)), encoding="utf-8")
    return path


CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def status_of(request) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def query_request(url: str, query: str, **headers) -> urllib.request.Request:
    return urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                  headers={"Accept": "application/sparql-results+json",
                                           "Content-Type": "application/x-www-form-urlencoded", **headers})


def test_the_time_limit_stops_a_cartesian_product_with_an_error_status(tmp_path):
    with Endpoint(_many(tmp_path), port=free_port(), ontology=False, query_timeout_s=2) as endpoint:
        started = time.monotonic()
        status, body = status_of(query_request(endpoint.query_url, CARTESIAN))
        assert status == 504 and b"--timeout" in body
        assert time.monotonic() - started < 15
        deadline = time.monotonic() + 30
        while True:  # the server was restarted to stop the query; it answers again
            try:
                assert count(endpoint.query_url) == 400
                break
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert endpoint.restarts and "limit" in endpoint.restarts[0]


def test_the_memory_cap_restarts_the_server_and_the_query_gets_an_error(tmp_path):
    with Endpoint(_many(tmp_path), port=free_port(), ontology=False, query_timeout_s=120,
                  max_memory_mb=64) as endpoint:
        status, body = status_of(query_request(endpoint.query_url, CARTESIAN))
        assert status in (503, 504) and status != 200
        assert any("MB" in why for why in endpoint.restarts)
        time.sleep(0.5)
        endpoint.max_memory_mb = None
        assert count(endpoint.query_url) == 400


def test_a_server_that_dies_is_restarted(graph):
    with Endpoint(graph, port=free_port(), ontology=False) as endpoint:
        os.kill(endpoint.process.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while not endpoint.restarts:
            assert time.monotonic() < deadline, "not restarted"
            time.sleep(0.1)
        assert count(endpoint.query_url) == 6


def test_requests_from_other_origins_are_refused_unless_allowed(graph):
    port = free_port()
    with Endpoint(graph, port=port, ontology=False) as endpoint:
        status, body = status_of(query_request(endpoint.query_url, COUNT, Origin="https://evil.example"))
        assert status == 403 and b"--allow-origin" in body
        status, _ = status_of(query_request(endpoint.query_url, COUNT, **{"Sec-Fetch-Site": "cross-site"}))
        assert status == 403
        # the endpoint's own query page is of its own origin
        status, _ = status_of(query_request(endpoint.query_url, COUNT, Origin=f"http://127.0.0.1:{port}"))
        assert status == 200
        status, page = status_of(urllib.request.Request(endpoint.page_url))
        assert status == 200 and b"<html" in page.lower()
    with Endpoint(graph, port=free_port(), ontology=False, allow_origins=["https://yasgui.example"]) as endpoint:
        status, _ = status_of(query_request(endpoint.query_url, COUNT, Origin="https://yasgui.example"))
        assert status == 200


def test_service_is_refused_unless_allowed(graph):
    service = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{free_port()}/sparql> {{ ?s ?p ?o }} }}"
    with Endpoint(graph, port=free_port(), ontology=False) as endpoint:
        status, body = status_of(query_request(endpoint.query_url, service))
        assert status == 403 and b"SERVICE" in body
        query = urllib.parse.urlencode({"query": service})
        status, _ = status_of(urllib.request.Request(f"{endpoint.query_url}?{query}"))
        assert status == 403
        assert count(endpoint.query_url) == 6  # a literal "SERVICE" is no clause
    with Endpoint(graph, port=free_port(), ontology=False, allow_service=True) as endpoint:
        status, body = status_of(query_request(endpoint.query_url, service))
        assert b"--allow-service" not in body


def test_kg_query_refuses_service(graph, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                                       "--graph", str(graph), "--no-ontology"])
    assert result.exit_code == 2 and "SERVICE" in result.output and "PARKKG_ALLOW_SERVICE" in result.output


def test_allow_update_on_a_store_folder_changes_a_copy(tmp_path, graph):
    import pyoxigraph

    from kg.graph.store import load_into_store

    store = tmp_path / "store"
    load_into_store([graph], store)
    before = len(pyoxigraph.Store.read_only(str(store)))
    with Endpoint(store, port=free_port(), allow_update=True) as endpoint:
        assert 200 <= update(endpoint.update_url, "DROP ALL") < 300
        assert count(endpoint.query_url) == 0
    assert len(pyoxigraph.Store.read_only(str(store))) == before


def test_a_port_in_time_wait_counts_as_free():
    from kg.graph.endpoint import port_free

    with socket.socket() as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        conn, _ = server.accept()
        conn.close()  # the server side closes first: its port stays in TIME_WAIT
        time.sleep(0.2)
        client.close()
    time.sleep(0.2)
    assert port_free("127.0.0.1", port)


def test_cli_prints_the_query_page(graph):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port),
                             "--no-ontology"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    try:
        first = read_first_line(proc, timeout_s=60)
        time.sleep(0.5)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        assert f"query page: http://127.0.0.1:{port}/" in first + err.decode()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def test_the_banner_names_the_addresses_and_warns_when_reachable_from_other_machines(tmp_path):
    """What kg serve prints is the library's (Endpoint.banner); no server is started for it."""
    local = Endpoint(tmp_path / "graph.ttl", port=7999).banner()
    assert local == ["SPARQL endpoint (read-only): http://127.0.0.1:7999/query", "query page: http://127.0.0.1:7999/"]
    wide = Endpoint(tmp_path / "graph.ttl", host="0.0.0.0", port=7999, allow_update=True).banner()
    assert wide[0].startswith("SPARQL endpoint (read-write") and "/store" in wide[2]
    assert wide[-1] == "warning: listening on 0.0.0.0, reachable from other machines"


def test_an_endpoint_never_started_stops_and_waits_quietly(tmp_path):
    endpoint = Endpoint(tmp_path / "graph.ttl")
    endpoint.stop()
    assert endpoint.wait() == 0 and endpoint.process is None and endpoint.restarts == [] and endpoint.log_tail() == ""
