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
threaded HTTP server in this process (`_Guard`) that passes requests on after
checking them, because the server alone can be hung or blown up:

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

>>> server_command("oxigraph", "/tmp/store", "127.0.0.1", 7878, allow_update=False, query_timeout_s=60)[1:4]
['serve-read-only', '--location', '/tmp/store']
>>> server_command("oxigraph", "/s", "::1", 80, allow_update=True, query_timeout_s=5)[1], bind_address("::1", 80)
('serve', '[::1]:80')
"""
from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import ParkKGError, missing_extra

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def default_max_memory_mb() -> int:
    """Half the machine's memory (at least 1 GB): room for big stores, none for a query that eats it all."""
    import os

    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 20
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not POSIX
        return 4096
    return max(1024, int(total / 2))


DEFAULT_MAX_MEMORY_MB = default_max_memory_mb()
MAX_ANSWER_BYTES = 1 << 30  # an answer held for sending; more is refused (ask with LIMIT)
MAX_REQUEST_BYTES = 1 << 30


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
    from kg.graph.outputs import check_output

    graph = Path(graph)
    if graph.is_dir():
        graph = next((graph / n for n in ("graph.ttl", "graph.nt", "graph.nq")
                      if (graph / n).is_file() and check_output(graph / n) is None), graph / "graph.ttl")
    if not graph.is_file():
        raise ServeError(f"{graph}: no such graph file; build one first with: kg build seeds -o output")
    problem = check_output(graph)
    if problem:
        raise ServeError(problem)
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


def port_free(host: str, port: int) -> bool:
    """Whether `port` can be listened on; a port left in TIME_WAIT by a server just stopped counts as free."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers themselves bind
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resident_mb(pid: int) -> float | None:
    """The resident memory of process `pid` in MB (Linux /proc), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _query_text(method: str, path: str, headers, body: bytes) -> str:
    """The SPARQL text of a request (query or update, in the URL, a form or the body), '' when none."""
    parts = urllib.parse.urlsplit(path)
    texts = [v for k, vs in urllib.parse.parse_qs(parts.query).items() if k in ("query", "update") for v in vs]
    if method == "POST" and body:
        kind = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            texts += [v for k, vs in form.items() if k in ("query", "update") for v in vs]
        elif kind in ("application/sparql-query", "application/sparql-update"):
            texts.append(body.decode("utf-8", "replace"))
    return "\n".join(texts)


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
        self.max_memory_mb = max_memory_mb
        self.allow_origins = frozenset(o.rstrip("/") for o in allow_origins)
        self.allow_service = allow_service
        self.process: subprocess.Popen | None = None
        self.restarts: list[str] = []  # why the server was restarted, in order
        self._tmp: Path | None = None
        self._log = None
        self._command: list[str] | None = None
        self._inner_port: int | None = None
        self._lock = threading.RLock()
        self._generation = 0
        self._front: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

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

    # ------------------------------------------------------------ life cycle

    def start(self) -> "Endpoint":
        """Load the store, start the server and the guard, and wait until both accept connections."""
        from kg.graph.store import is_store

        binary = oxigraph_binary()
        if not port_free(self.host, self.port):
            raise ServeError(f"{self.host}:{self.port} is in use (another kg serve or oxigraph?); "
                             "pick another with --port")
        union = self.union_default_graph
        self._tmp = Path(tempfile.mkdtemp(prefix="kg-serve-"))
        try:
            if is_store(self.graph):
                location = self.graph
                if self.allow_update:  # updates must not change the build's store: serve a copy
                    location = self._tmp / "store"
                    shutil.copytree(self.graph, location, ignore=shutil.ignore_patterns("LOCK"))
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
                    location = self._tmp / "store"
                load_location(files, location, binary)
            self._log = open(self._tmp / "server.log", "w+b")  # noqa: SIM115 - closed in stop()
            self._inner_port = _free_loopback_port()
            self._command = server_command(binary, location, "127.0.0.1", self._inner_port, self.allow_update,
                                           self.query_timeout_s, bool(union))
            self._spawn()
            self._start_front()
        except BaseException:
            self.stop()
            raise
        watchdog = threading.Thread(target=self._watch, name="kg-serve-watchdog", daemon=True)
        watchdog.start()
        self._threads.append(watchdog)
        return self

    def _spawn(self) -> None:
        self.process = subprocess.Popen(self._command, stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_ready(self.process, "127.0.0.1", self._inner_port)

    def _start_front(self) -> None:
        endpoint = self

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 256
            address_family = socket.AF_INET6 if ":" in self.host else socket.AF_INET

        try:
            self._front = Server((self.host, self.port), _handler_for(endpoint))
        except OSError as exc:
            raise ServeError(f"{self.host}:{self.port} could not be listened on ({exc.strerror or exc}); "
                             "check --host and --port") from exc
        thread = threading.Thread(target=self._front.serve_forever, kwargs={"poll_interval": 0.2},
                                  name="kg-serve-front", daemon=True)
        thread.start()
        self._threads.append(thread)

    def _wait_ready(self, process, host: str, port: int) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        while True:
            if process.poll() is not None:
                raise ServeError(f"the oxigraph server stopped at once: {self.log_tail()}; "
                                 "check --host and --port")
            try:
                with socket.create_connection((host, port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise ServeError(f"the oxigraph server did not listen on {host}:{port} within "
                                     f"{self.startup_timeout_s:.0f} s: {self.log_tail()}") from None
                time.sleep(0.05)

    def restart(self, why: str, generation: int | None = None) -> None:
        """Kill the Oxigraph process and start it again (queries it was running get an error status)."""
        with self._lock:
            if self._stopping.is_set() or (generation is not None and generation != self._generation):
                return  # someone restarted it already
            self._generation += 1
            self.restarts.append(why)
            print(f"kg serve: restarting the SPARQL server: {why}", file=sys.stderr, flush=True)
            self._kill(self.process)
            self._spawn()
            resting = resident_mb(self.process.pid)
            if self.max_memory_mb and resting is not None and resting > self.max_memory_mb:
                print(f"kg serve: the SPARQL server needs {resting:.0f} MB at rest, more than --max-memory "
                      f"{self.max_memory_mb:.0f}; the memory cap is off until kg serve restarts with a larger one",
                      file=sys.stderr, flush=True)
                self.max_memory_mb = None  # else it would be restarted for ever

    @staticmethod
    def _kill(process) -> None:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=30)

    def _watch(self) -> None:
        """Restart the server when it dies or its memory passes the cap."""
        while not self._stopping.wait(0.2):
            with self._lock:
                if self._stopping.is_set():
                    return
                process = self.process
                generation = self._generation
            if process.poll() is not None:
                self._restart_quietly(f"it exited with code {process.returncode}", generation)
                continue
            if self.max_memory_mb:
                used = resident_mb(process.pid)
                if used is not None and used > self.max_memory_mb:
                    self._restart_quietly(f"it used {used:.0f} MB, over the {self.max_memory_mb:.0f} MB "
                                          "limit (--max-memory)", generation)

    def _restart_quietly(self, why: str, generation: int) -> None:
        try:
            self.restart(why, generation)
        except ServeError as exc:
            print(f"kg serve: the SPARQL server could not be restarted: {exc}", file=sys.stderr, flush=True)
            self._stopping.set()

    def log_tail(self, lines: int = 3) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip().splitlines()
        self._log.seek(0, 2)
        return " ".join(text[-lines:]) or "(no output)"

    def wait(self) -> int:
        """Block until the endpoint stops for good (a server that could not be restarted); its exit code."""
        while not self._stopping.wait(0.5):
            pass
        return self.process.poll() or 1 if self.process else 0

    def stop(self, timeout_s: float = 10) -> None:
        """Stop the guard and the server and remove the temporary store."""
        self._stopping.set()
        if self._front is not None:
            self._front.shutdown()
            self._front.server_close()
            self._front = None
        with self._lock:
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

    # ------------------------------------------------------------ the guard

    def refusal(self, method: str, path: str, headers, body: bytes) -> tuple[int, str] | None:
        """(status, message) when the guard refuses a request, else None."""
        origin = headers.get("Origin")
        if origin is not None:
            own = f"http://{headers.get('Host', '')}".rstrip("/")
            allowed = self.allow_origins
            if origin.rstrip("/") != own and origin.rstrip("/") not in allowed and "*" not in allowed:
                return 403, (f"cross-origin request from {origin} refused: a web page of another site may not use "
                             "this endpoint; start kg serve with --allow-origin ORIGIN to allow it")
        elif headers.get("Sec-Fetch-Site") == "cross-site" and "*" not in self.allow_origins:
            return 403, "cross-site request refused; start kg serve with --allow-origin ORIGIN to allow it"
        if not self.allow_service:
            from kg.graph.sparql_guard import mentions_service

            if mentions_service(_query_text(method, path, headers, body)):
                return 403, ("the query uses SERVICE, which would make this server contact another host; "
                             "start kg serve with --allow-service to allow it")
        return None

    def forward(self, method: str, path: str, headers, body: bytes) -> tuple[int, list, bytes]:
        """Pass a request to Oxigraph; (status, headers, body), with the time limit enforced here."""
        is_query = urllib.parse.urlsplit(path).path.rstrip("/") in ("/query", "") and method in ("GET", "POST")
        limit = self.query_timeout_s if is_query else max(self.upload_timeout_s, self.query_timeout_s)
        with self._lock:
            port, generation = self._inner_port, self._generation
        deadline = time.monotonic() + limit
        keep = ("Accept", "Content-Type", "Authorization", "Accept-Encoding")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=limit)
        try:
            conn.connect()
            sock = conn.sock
            conn.request(method, path, body=body or None, headers={k: headers[k] for k in keep if headers.get(k)})
            response = self._read_response(conn, sock, deadline)
        except TimeoutError:
            if self.process is not None and self.process.poll() is None:
                threading.Thread(target=self._restart_quietly, daemon=True,
                                 args=(f"a query ran over the {limit:.0f} s limit (--timeout)", generation)).start()
            return 504, [], (f"the query ran over the {limit:.0f} s limit (--timeout) and was stopped; "
                             "narrow it, or start kg serve with a longer --timeout\n").encode()
        except _TooLarge:
            return 507, [], (f"the answer is over {MAX_ANSWER_BYTES >> 20} MB; ask for less (LIMIT, fewer "
                             "variables)\n").encode()
        except (OSError, http.client.HTTPException) as exc:
            return 503, [], (f"the SPARQL server stopped while answering ({type(exc).__name__}; it is restarted "
                             "when it dies or runs out of memory); try again, or narrow the query\n").encode()
        finally:
            conn.close()
        return response

    @staticmethod
    def _read_response(conn, sock, deadline: float):
        """The whole answer, read before anything is sent on: a cut-off answer raises, never passes as 200."""
        def left() -> float:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            return remaining

        sock.settimeout(left())
        response = conn.getresponse()
        chunks, size = [], 0
        while True:
            sock.settimeout(left())
            chunk = response.read1(1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_ANSWER_BYTES:
                raise _TooLarge
            chunks.append(chunk)
        if response.length:  # the server closed before the length it announced
            raise http.client.IncompleteRead(b"".join(chunks), response.length)
        drop = {"transfer-encoding", "connection", "content-length", "keep-alive"}
        return response.status, [(k, v) for k, v in response.getheaders() if k.lower() not in drop], b"".join(chunks)


class _TooLarge(Exception):
    pass


def _handler_for(endpoint: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "parkkg-serve"

        def log_message(self, *args):  # quiet: the command prints its own lines
            pass

        def _answer(self, status: int, headers, body: bytes) -> None:
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            if not any(k.lower() == "content-type" for k, _ in headers):
                self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            self.close_connection = True

        def _handle(self) -> None:
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._answer(400, [], b"bad Content-Length\n")
            if length > MAX_REQUEST_BYTES:
                return self._answer(413, [], b"the request is too large\n")
            body = self.rfile.read(length) if length else b""
            refused = endpoint.refusal(self.command, self.path, self.headers, body)
            if refused is not None:
                return self._answer(refused[0], [], (refused[1] + "\n").encode())
            self._answer(*endpoint.forward(self.command, self.path, self.headers, body))

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _handle

    return Handler
