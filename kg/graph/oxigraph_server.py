"""The Oxigraph server program behind ``kg serve``: finding it, its command line, loading a store, ports, memory.

>>> server_command("oxigraph", "/tmp/store", "127.0.0.1", 7878, allow_update=False, query_timeout_s=60)[1:4]
['serve-read-only', '--location', '/tmp/store']
>>> server_command("oxigraph", "/s", "::1", 80, allow_update=True, query_timeout_s=5)[1], bind_address("::1", 80)
('serve', '[::1]:80')
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
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


def free_loopback_port() -> int:
    """A port of 127.0.0.1 nobody listens on now (for the private Oxigraph server)."""
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
