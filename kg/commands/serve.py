"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a graph, served by Oxigraph's server.

Other tools (YASGUI, Protégé's SPARQL plugins, GraphDB federation, Python's
SPARQLWrapper, a notebook) point at ``http://127.0.0.1:7878/query``. Rather than
write a server, this wraps the one the ``oxigraph`` package on PyPI ships
(``pip install 'parkkg[server]'``): the graph and the ontology (so that the
industry taxonomy can be queried) are bulk-loaded into an Oxigraph store in a
temporary folder with ``oxigraph load``, then ``oxigraph serve-read-only``
answers queries. By default the endpoint is read-only and bound to 127.0.0.1
only; ``--allow-update`` starts the read-write server instead, whose updates
change the temporary store, never the graph file.

:class:`Endpoint` is the library (start, wait until it listens, stop and clean
up); the click command is a thin shell over it.

>>> server_command("oxigraph", "/tmp/store", "127.0.0.1", 7878, allow_update=False, query_timeout_s=60)[1:4]
['serve-read-only', '--location', '/tmp/store']
>>> server_command("oxigraph", "/s", "::1", 80, allow_update=True, query_timeout_s=5)[1], bind_address("::1", 80)
('serve', '[::1]:80')
"""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from kg.errors import ParkKGError, missing_extra

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class ServeError(ParkKGError):
    """The SPARQL endpoint could not be prepared or started."""


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: next to this Python (a venv's bin/) or on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.is_file():
        return str(local)
    found = shutil.which("oxigraph")
    if found is None:
        raise missing_extra("oxigraph", "server")
    return found


def bind_address(host: str, port: int) -> str:
    """``host:port`` as Oxigraph's --bind wants it (IPv6 hosts in brackets)."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def server_command(binary: str, location, host: str, port: int, allow_update: bool = False,
                   query_timeout_s: int = 60, union_default_graph: bool = False) -> list[str]:
    """The command line that serves the store at `location`.

    `union_default_graph` makes queries without GRAPH see every named graph (an
    N-Quads export keeps each document's facts in a graph of its own).
    """
    cmd = [binary, "serve" if allow_update else "serve-read-only", "--location", str(location),
           "--bind", bind_address(host, port), "--timeout-s", str(int(query_timeout_s))]
    return cmd + (["--union-default-graph"] if union_default_graph else [])


def graph_files(graph: Path | str, ontology: bool = True, ontology_dir=None) -> list[Path]:
    """The files to load: the graph (a file, or a build folder's graph.ttl/graph.nt) and the ontology."""
    graph = Path(graph)
    if graph.is_dir():
        graph = next((graph / n for n in ("graph.ttl", "graph.nt", "graph.nq") if (graph / n).is_file()),
                     graph / "graph.ttl")
    if not graph.is_file():
        raise ServeError(f"{graph}: no such graph file; build one first with: kg build seeds -o output")
    files = [graph]
    if ontology:
        from kg.ontology import ontology_files

        files += ontology_files(ontology_dir)
    return files


def load_location(files, location: Path | str, binary: str | None = None, timeout_s: float = 600) -> None:
    """Bulk-load `files` into an Oxigraph store at `location` with ``oxigraph load``."""
    binary = binary or oxigraph_binary()
    cmd = [binary, "load", "--location", str(location), "--file", *[str(f) for f in files]]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        raise ServeError(f"loading the graph took over {timeout_s:.0f} s; serve a smaller graph, "
                         "or build a store once with kg build --store and serve that folder") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise ServeError(f"oxigraph could not load {', '.join(Path(f).name for f in files)}: {' '.join(tail)}; "
                         "check that the files parse (kg validate GRAPH)")


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


class Endpoint:
    """A running Oxigraph SPARQL endpoint over a graph; use it as a context manager.

    `graph` is a graph file, a build folder, or an Oxigraph store folder (served as
    it is). `location` keeps the store in that (new or empty) folder instead of a
    temporary one that is removed on :meth:`stop`.
    """

    def __init__(self, graph, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_update: bool = False,
                 ontology: bool = True, ontology_dir=None, location=None, query_timeout_s: int = 60,
                 startup_timeout_s: float = 30, union_default_graph: bool | None = None):
        self.graph = Path(graph)
        self.host, self.port = host, int(port)
        self.allow_update = allow_update
        self.ontology, self.ontology_dir = ontology, ontology_dir
        self.location = Path(location) if location else None
        self.query_timeout_s, self.startup_timeout_s = query_timeout_s, startup_timeout_s
        self.union_default_graph = union_default_graph
        self.process: subprocess.Popen | None = None
        self._tmp: Path | None = None
        self._log = None

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    def start(self) -> "Endpoint":
        """Load the store, start the server and wait until it accepts connections."""
        from kg.graph.store import is_store

        binary = oxigraph_binary()
        if not _port_free(self.host, self.port):
            raise ServeError(f"{self.host}:{self.port} is in use (another kg serve or oxigraph?); "
                             "pick another with --port")
        union = self.union_default_graph
        if is_store(self.graph):
            location = self.graph
        else:
            files = graph_files(self.graph, self.ontology, self.ontology_dir)
            if union is None:  # datasets keep facts in named graphs: let plain queries see them
                union = any(f.suffix.lower() in (".nq", ".trig") for f in files)
            if self.location is not None:
                if self.location.exists() and any(self.location.iterdir()):
                    raise ServeError(f"{self.location}: not empty; give --location a new or empty folder")
                self.location.mkdir(parents=True, exist_ok=True)
                location = self.location
            else:
                self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
                location = self._tmp / "store"
            load_location(files, location, binary)
        log_dir = self._tmp or Path(tempfile.mkdtemp(prefix="kg-serve-"))
        self._tmp = log_dir
        self._log = open(log_dir / "server.log", "w+b")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            server_command(binary, location, self.host, self.port, self.allow_update, self.query_timeout_s,
                           bool(union)),
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        while True:
            if self.process.poll() is not None:
                raise ServeError(f"the oxigraph server stopped at once: {self.log_tail()}; "
                                 "check --host and --port")
            try:
                with socket.socket(family, socket.SOCK_STREAM) as s:
                    s.settimeout(0.5)
                    s.connect((self.host, self.port))
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise ServeError(f"the oxigraph server did not listen on {self.host}:{self.port} within "
                                     f"{self.startup_timeout_s:.0f} s: {self.log_tail()}") from None
                time.sleep(0.05)

    def log_tail(self, lines: int = 3) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return " ".join(text[-lines:]) or "(no output)"

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        return self.process.wait() if self.process else 0

    def stop(self, timeout_s: float = 10) -> None:
        """Stop the server and remove the temporary store."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout_s)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def register(main: click.Group) -> None:
    main.add_command(serve)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost/::1 opens it to the network.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update (changes the served copy only, never GRAPH). Refused by default.")
@click.option("--no-ontology", is_flag=True, help="Serve the graph alone, without ontology/*.ttl.")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder loaded beside the graph (default: the project's ontology/).")
@click.option("--location", type=click.Path(path_type=Path), default=None,
              help="Keep the Oxigraph store in this new or empty folder instead of a temporary one.")
@click.option("--timeout", "query_timeout", default=60, show_default=True, type=click.IntRange(1),
              help="Seconds a query may run before the server stops it.")
@click.option("--union-default-graph/--no-union-default-graph", "union_default_graph", default=None,
              help="Let queries without GRAPH see all named graphs (default: on for .nq/.trig input).")
def serve(graph, host, port, allow_update, no_ontology, ontology_dir, location, query_timeout, union_default_graph):
    """Serve GRAPH over the SPARQL 1.1 Protocol until Ctrl-C.

    GRAPH is a graph file, a build folder, or an Oxigraph store folder (kg build
    --store). The graph and the ontology are loaded into Oxigraph; queries go to
    http://HOST:PORT/query (GET ?query=... or POST), updates to /update only with
    --allow-update. Needs the oxigraph server: pip install 'parkkg[server]'.

    \b
    Examples:
      kg serve output/graph.ttl
      curl -H 'Accept: application/sparql-results+json' \\
        --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' http://127.0.0.1:7878/query
    """
    endpoint = Endpoint(graph, host=host, port=port, allow_update=allow_update, ontology=not no_ontology,
                        ontology_dir=ontology_dir, location=location, query_timeout_s=query_timeout,
                        union_default_graph=union_default_graph)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with endpoint:
            mode = "read-write (SPARQL Update accepted)" if allow_update else "read-only"
            click.echo(f"SPARQL endpoint ({mode}): {endpoint.query_url}", err=True)
            if allow_update:
                click.echo(f"SPARQL Update: {endpoint.update_url}", err=True)
            if host not in LOOPBACK:
                click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
            click.echo("Ctrl-C to stop", err=True)
            code = endpoint.wait()
            if code:
                raise ServeError(f"the oxigraph server exited with code {code}: {endpoint.log_tail()}")
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
