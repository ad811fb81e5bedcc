"""A SPARQL 1.1 Protocol endpoint over a graph: Oxigraph's server behind a small guard.

Other tools (YASGUI, Protégé's SPARQL plugins, GraphDB federation, Python's
SPARQLWrapper, a notebook) point at ``http://127.0.0.1:7878/query``; a browser
opens the query page at ``http://127.0.0.1:7878/``. Rather than write a SPARQL
engine, this runs the server the ``oxigraph`` package on PyPI ships
(``pip install 'parkkg[server]'``): the graph and the ontology (so that the
industry taxonomy can be queried) are bulk-loaded into an Oxigraph store in a
temporary folder with ``oxigraph load``, then ``oxigraph serve-read-only``
answers queries. ``--allow-update`` starts the read-write server instead, whose
updates change a copy, never the graph file or a build's store folder.

Oxigraph listens on a private loopback port; the address users see is a small
threaded HTTP server in this process (`kg.graph.endpoint_guard`) that passes
requests on after checking them, because the server alone can be hung or blown
up:

- the query time limit is enforced here, on the wall clock: a query still
  running at the limit gets ``504`` and the Oxigraph process is restarted (the
  only way to stop a query it does not cancel itself, such as a cartesian
  product);
- a watchdog restarts the server when its memory (resident set) passes
  `max_memory_mb` or it dies, answering ``503`` to the queries it was running;
- answers are read whole before they are sent, so a query cut off midway is an
  error status, never ``200`` with a truncated body;
- a request from a web page of another origin (a form post from any site the
  user opens) is refused with ``403`` unless `allow_origins` names that origin;
- ``SERVICE`` (which makes the server contact other hosts) is refused unless
  `allow_service`.

The Oxigraph program (finding it, its command line, bulk loading, ports, memory)
is `kg.graph.oxigraph_server`; the running process, its watchdog and restarts,
`kg.graph.oxigraph_process`; this module is the `Endpoint` that prepares the
store and runs the server and the guard together.

>>> server_command("oxigraph", "/tmp/store", "127.0.0.1", 7878, allow_update=False, query_timeout_s=60)[1:4]
['serve-read-only', '--location', '/tmp/store']
>>> server_command("oxigraph", "/s", "::1", 80, allow_update=True, query_timeout_s=5)[1], bind_address("::1", 80)
('serve', '[::1]:80')
"""
from __future__ import annotations

import shutil
import socket
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from kg.graph.endpoint_guard import (MAX_ANSWER_BYTES, MAX_REQUEST_BYTES, handler_for, is_query,  # noqa: F401
                                     query_text, refusal, relay)
from kg.graph.formats import by_suffix
from kg.graph.oxigraph_server import (DEFAULT_HOST, DEFAULT_MAX_MEMORY_MB, DEFAULT_PORT, LOOPBACK,  # noqa: F401
                                      ServeError, bind_address, default_max_memory_mb, free_loopback_port,
                                      graph_files, load_location, oxigraph_binary, port_free, resident_mb,
                                      server_command)
from kg.graph.oxigraph_process import ServerProcess


class Endpoint:
    """A running, guarded SPARQL endpoint over a graph; use it as a context manager.

    `graph` is a graph file, a build folder, or an Oxigraph store folder (served
    as it is, or as a copy with `allow_update`). `location` keeps the store in
    that (new or empty) folder instead of a temporary one that is removed on
    :meth:`stop`. See the module docstring for what the guard checks.
    """

    def __init__(self, graph, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_update: bool = False,
                 ontology: bool = True, ontology_dir=None, location=None, query_timeout_s: int = 60,
                 startup_timeout_s: float = 30, union_default_graph: bool | None = None,
                 max_memory_mb: float | None = DEFAULT_MAX_MEMORY_MB, allow_origins=(), allow_service: bool = False,
                 upload_timeout_s: float = 3600):
        self.graph = Path(graph)
        self.host, self.port = host, int(port)
        self.allow_update = allow_update
        self.ontology, self.ontology_dir = ontology, ontology_dir
        self.location = Path(location) if location else None
        self.query_timeout_s, self.startup_timeout_s = query_timeout_s, startup_timeout_s
        self.upload_timeout_s = upload_timeout_s
        self.union_default_graph = union_default_graph
        self._max_memory_mb = max_memory_mb
        self.allow_origins = frozenset(o.rstrip("/") for o in allow_origins)
        self.allow_service = allow_service
        self._server: ServerProcess | None = None
        self._tmp: Path | None = None
        self._front: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def page_url(self) -> str:
        """The query page (YASGUI) a browser opens."""
        return f"{self.base_url}/"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol URL (``kg push`` writes there with --allow-update)."""
        return f"{self.base_url}/store"

    # ------------------------------------------------------------ the server process (kg.graph.oxigraph_process)

    @property
    def process(self):
        """The Oxigraph process now running (a new one after each restart), None before `start`."""
        return self._server.process if self._server is not None else None

    @property
    def restarts(self) -> list[str]:
        """Why the server was restarted, in order."""
        return self._server.restarts if self._server is not None else []

    @property
    def max_memory_mb(self) -> float | None:
        """The memory cap (MB) past which the server is restarted; None: no cap."""
        return self._server.max_memory_mb if self._server is not None else self._max_memory_mb

    @max_memory_mb.setter
    def max_memory_mb(self, value: float | None) -> None:
        self._max_memory_mb = value
        if self._server is not None:
            self._server.max_memory_mb = value

    def restart(self, why: str, generation: int | None = None) -> None:
        """Kill the Oxigraph process and start it again (queries it was running get an error status)."""
        if self._server is not None:
            self._server.restart(why, generation)

    def log_tail(self, lines: int = 3) -> str:
        return self._server.log_tail(lines) if self._server is not None else ""

    # ------------------------------------------------------------ life cycle

    def start(self) -> "Endpoint":
        """Load the store, start the server and the guard, and wait until both accept connections."""
        binary = oxigraph_binary()
        if not port_free(self.host, self.port):
            raise ServeError(f"{self.host}:{self.port} is in use (another kg serve or oxigraph?); "
                             "pick another with --port")
        self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            location, union = self._prepare_store(binary)
            inner_port = free_loopback_port()
            command = server_command(binary, location, "127.0.0.1", inner_port, self.allow_update,
                                     self.query_timeout_s, bool(union))
            self._server = ServerProcess(command, inner_port, self._tmp / "server.log", self.startup_timeout_s,
                                         self._max_memory_mb)
            self._server.start()
            self._start_front()
        except BaseException:
            self.stop()
            raise
        self._threads.append(self._server.watch())
        return self

    def _prepare_store(self, binary: str) -> tuple[Path, bool | None]:
        """(the store folder to serve, whether queries see the union of named graphs).

        A store folder is served as it is (a copy with --allow-update, so that updates never change a
        build's store); graph files are bulk-loaded into `location` or a temporary folder.
        """
        from kg.graph.store import is_store

        if is_store(self.graph):  # a build's store keeps each document's provenance in a graph (kg.graph.doc_graphs)
            union = True if self.union_default_graph is None else self.union_default_graph
            if not self.allow_update:
                return self.graph, union
            location = self._tmp / "store"
            shutil.copytree(self.graph, location, ignore=shutil.ignore_patterns("LOCK"))
            return location, union
        files = graph_files(self.graph, self.ontology, self.ontology_dir)
        union = self.union_default_graph
        if union is None:  # datasets keep facts in named graphs: let plain queries see them
            union = any(getattr(by_suffix(f.suffix), "quads", False) for f in files)
        location = self._tmp / "store"
        if self.location is not None:
            if self.location.exists() and any(self.location.iterdir()):
                raise ServeError(f"{self.location}: not empty; give --location a new or empty folder")
            self.location.mkdir(parents=True, exist_ok=True)
            location = self.location
        load_location(files, location, binary)
        return location, union

    def _start_front(self) -> None:
        endpoint = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 256
            address_family = socket.AF_INET6 if ":" in self.host else socket.AF_INET

        try:
            self._front = Server((self.host, self.port), handler_for(endpoint))
        except OSError as exc:
            raise ServeError(f"{self.host}:{self.port} could not be listened on ({exc.strerror or exc}); "
                             "check --host and --port") from exc
        thread = threading.Thread(target=self._front.serve_forever, kwargs={"poll_interval": 0.2},
                                  name="kg-serve-front", daemon=True)
        thread.start()
        self._threads.append(thread)

    def banner(self) -> list[str]:
        """What ``kg serve`` tells the user once the endpoint runs: its addresses, its mode, a warning."""
        mode = "read-write (SPARQL Update accepted)" if self.allow_update else "read-only"
        lines = [f"SPARQL endpoint ({mode}): {self.query_url}", f"query page: {self.page_url}"]
        if self.allow_update:
            lines.append(f"SPARQL Update: {self.update_url}; Graph Store (kg push --endpoint): {self.store_url}; "
                         f"updates change a copy, never {self.graph}")
        if self.host not in LOOPBACK:
            lines.append(f"warning: listening on {self.host}, reachable from other machines")
        return lines

    def serve_forever(self) -> None:
        """Block until the endpoint stops; a server that stopped and could not be restarted is a `ServeError`."""
        code = self.wait()
        if code:
            raise ServeError(f"the oxigraph server stopped and could not be restarted (code {code}): "
                             f"{self.log_tail()}")

    def wait(self) -> int:
        """Block until the endpoint stops for good (a server that could not be restarted); its exit code."""
        return self._server.wait() if self._server is not None else 0

    def stop(self, timeout_s: float = 10) -> None:
        """Stop the guard and the server and remove the temporary store."""
        if self._server is not None:
            self._server.stopping.set()  # first, so that the watchdog restarts nothing while it all stops
        if self._front is not None:
            self._front.shutdown()
            self._front.server_close()
            self._front = None
        if self._server is not None:
            self._server.stop(timeout_s)
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> "Endpoint":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------ the guard

    # ------------------------------------------------------------ the guard (kg.graph.endpoint_guard)

    def refusal(self, method: str, path: str, headers, body: bytes) -> tuple[int, str] | None:
        """(status, message) when the guard refuses a request, else None."""
        return refusal(method, path, headers, body, self.allow_origins, self.allow_service)

    def forward(self, method: str, path: str, headers, body: bytes) -> tuple[int, list, bytes]:
        """Pass a request to Oxigraph; (status, headers, body), with the time limit enforced here."""
        limit = self.query_timeout_s if is_query(method, path) else max(self.upload_timeout_s, self.query_timeout_s)
        server = self._server
        generation = server.generation()

        def on_timeout() -> None:
            if server.process is not None and server.process.poll() is None:
                threading.Thread(target=server.restart_quietly, daemon=True,
                                 args=(f"a query ran over the {limit:.0f} s limit (--timeout)", generation)).start()

        return relay(server.port, method, path, headers, body, limit, on_timeout)
