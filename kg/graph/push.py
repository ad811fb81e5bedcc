"""Send a graph file to a remote store over the SPARQL 1.1 Graph Store Protocol (``kg push``).

`push_graph` sends a build's N-Triples in batches (a replacing push of several
batches is staged in a new named graph and moved into place with one SPARQL
Update, so a dropped connection leaves the target as it was) or its Turtle in
one streamed request.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import ParkKGError

_CONTENT_TYPES = {".ttl": "text/turtle; charset=utf-8", ".nt": "application/n-triples"}


class PushError(ParkKGError):
    """A graph could not be sent to a Graph Store Protocol endpoint."""


def graph_store_url(endpoint: str, graph_iri: str | None = None) -> str:
    """The request URL for a graph at a Graph Store Protocol endpoint (``?graph=`` or ``?default``).

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/parkkg/graph")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fparkkg%2Fgraph'
    >>> graph_store_url("http://h/ds/data?x=1")
    'http://h/ds/data?x=1&default'
    """
    from urllib.parse import quote

    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}" + (f"graph={quote(graph_iri, safe='')}" if graph_iri else "default")


def _graph_file(path: Path) -> Path:
    from kg.graph.outputs import check_output  # noqa: PLC0415

    if path.is_dir():
        for name in ("graph.nt", "graph.ttl"):
            if (path / name).is_file() and check_output(path / name) is None:
                return path / name
        for name in ("graph.nt", "graph.ttl"):
            problem = check_output(path / name) if (path / name).is_file() else None
            if problem:
                raise PushError(problem)
        raise PushError(f"{path}: has no graph.nt or graph.ttl; build one with: kg build SOURCES -o {path}")
    if not path.is_file():
        raise PushError(f"{path}: no such graph file; build one with: kg build SOURCES -o OUT")
    if path.suffix.lower() not in _CONTENT_TYPES:
        raise PushError(f"{path}: push sends Turtle (.ttl) or N-Triples (.nt); write one with "
                        "kg build ... --format nt")
    problem = check_output(path)
    if problem:
        raise PushError(problem)
    return path


def _ntriples_batches(path: Path, batch_triples: int, skip: int = 0):
    """The N-Triples file in batches of whole lines (each batch is a valid N-Triples document).

    The first `skip` triples are passed over (to resume a push that stopped).
    """
    batch, count, seen = [], 0, 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.strip() or line.lstrip().startswith(b"#"):
                continue
            seen += 1
            if seen <= skip:
                continue
            batch.append(line)
            count += 1
            if count >= batch_triples:
                yield b"".join(batch), count
                batch, count = [], 0
    if batch or count == 0:
        yield b"".join(batch), count


def update_endpoint_for(endpoint: str) -> str | None:
    """The SPARQL Update URL beside a Graph Store endpoint, where the server's layout tells it.

    >>> update_endpoint_for("http://h:7878/store"), update_endpoint_for("http://h:3030/ds/data")
    ('http://h:7878/update', 'http://h:3030/ds/update')
    >>> update_endpoint_for("http://h/rdf-graphs/service") is None
    True
    """
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(endpoint)
    for tail, update in (("/store", "/update"), ("/data", "/update")):
        if parts.path.endswith(tail):
            return urlunsplit(parts._replace(path=parts.path[: -len(tail)] + update, query=""))
    return None


def push_graph(path: Path | str, endpoint: str, graph_iri: str | None = None, replace: bool = True,
               batch_triples: int = 200_000, timeout: float = 300, auth: tuple[str, str] | None = None,
               update_endpoint: str | None = None, resume_from: int = 0) -> dict:
    """Send a graph file (or a build folder's graph) to a SPARQL 1.1 Graph Store Protocol endpoint.

    `replace` makes the target graph hold exactly the file afterwards, else
    triples are added (POST). An N-Triples file goes in batches of
    `batch_triples` lines, so a graph of millions of triples never needs one
    giant request; Turtle goes in one request, streamed from the file.

    A replacing push of more than one batch is staged: the batches go into a new
    named graph, and one SPARQL Update ``MOVE`` at `update_endpoint` (by default
    the one beside `endpoint`, `update_endpoint_for`; "" for none) puts it in
    place, so a dropped connection leaves the target graph as it was. Without an
    update endpoint the first batch replaces (PUT) and the rest are added, and a
    failure says exactly how many triples the remote holds and how to go on
    (`resume_from` skips the triples already sent, adding the rest).
    Returns ``{"requests", "triples", "bytes", "url", "staged"}`` (``triples``
    is None for Turtle).
    """
    path = _graph_file(Path(path))
    if not endpoint.startswith(("http://", "https://")):
        raise PushError(f"{endpoint}: the endpoint must be an http:// or https:// URL, e.g. "
                        "http://localhost:7878/store (Oxigraph) or http://localhost:3030/ds/data (Fuseki)")
    sender = _Sender(endpoint, graph_iri, path, auth, timeout)
    if path.suffix.lower() != ".nt":
        with open(path, "rb") as handle:
            sender.send(sender.url, "PUT" if replace else "POST", handle, path.stat().st_size)
        return sender.result(staged=False)
    if update_endpoint is None:
        update_endpoint = update_endpoint_for(endpoint)
    batches = _ntriples_batches(path, max(1, batch_triples), skip=resume_from)
    first = next(batches)
    second = next(batches, None)
    replace = replace and not resume_from
    if replace and second is not None and update_endpoint:
        return sender.staged(_chain(first, second, batches), update_endpoint)
    return sender.direct(_chain(first, second, batches), replace, resume_from)


class _Sender:
    """The requests of one push, counted."""

    def __init__(self, endpoint: str, graph_iri: str | None, path: Path, auth, timeout: float):
        import base64

        self.endpoint, self.graph_iri, self.path, self.timeout = endpoint, graph_iri, path, timeout
        self.url = graph_store_url(endpoint, graph_iri)
        self.headers = {"Content-Type": _CONTENT_TYPES[path.suffix.lower()]}
        if auth:
            self.headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        self.state = {"requests": 0, "bytes": 0, "triples": None if path.suffix.lower() != ".nt" else 0}

    def send(self, target: str, method: str, body, length: int, content_type: str | None = None) -> None:
        _http(target, method, body, length,
              {**self.headers, **({"Content-Type": content_type} if content_type else {})}, self.timeout)
        self.state["requests"] += 1
        self.state["bytes"] += length

    def result(self, staged: bool) -> dict:
        return {**self.state, "url": self.url, "staged": staged}

    def staged(self, batches, update_endpoint: str) -> dict:
        """Every batch into a new named graph, then one MOVE onto the target; the target is unchanged on failure."""
        import uuid

        staging = f"urn:parkkg:push-staging:{uuid.uuid4().hex}"
        staging_url = graph_store_url(self.endpoint, staging)
        try:
            for body, count in batches:
                self.send(staging_url, "POST", body, len(body))
                self.state["triples"] += count
            target = f"<{self.graph_iri}>" if self.graph_iri else "DEFAULT"
            update = f"MOVE <{staging}> TO {target}".encode()
            self.send(update_endpoint, "POST", update, len(update), "application/sparql-update")
        except PushError as exc:
            drop = f"DROP SILENT GRAPH <{staging}>".encode()
            try:
                _http(update_endpoint, "POST", drop, len(drop),
                      {**self.headers, "Content-Type": "application/sparql-update"}, self.timeout)
                left = "the staging graph was dropped"
            except PushError:
                left = f"a staging graph <{staging}> may be left there (DROP it when the server is back)"
            raise PushError(f"{exc}; the target graph was not changed (the upload went to a staging graph, "
                            f"and {left}); push again") from exc
        return self.result(staged=True)

    def direct(self, batches, replace: bool, resume_from: int) -> dict:
        """The first batch replaces (or adds), the rest add; a failure says how to resume."""
        sent = resume_from
        try:
            for body, count in batches:
                self.send(self.url, "PUT" if replace and self.state["requests"] == 0 else "POST", body, len(body))
                self.state["triples"] += count
                sent += count
        except PushError as exc:
            if self.state["requests"] == 0 and not resume_from:
                raise
            raise PushError(f"{exc}; the remote graph is INCOMPLETE: it now holds the first {sent} triples of "
                            f"{self.path.name}{' (the rest of its old content was replaced)' if replace else ''}; "
                            f"to finish, run the same kg push with --resume-from {sent}, or push again to replace "
                            "it (give --update-endpoint so the next replacing push is staged and atomic)") from exc
        return self.result(staged=False)


def _chain(first, second, rest):
    yield first
    if second is not None:
        yield second
        yield from rest


def _http(url: str, method: str, body, length: int, headers: dict, timeout: float) -> None:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, data=body, method=method, headers={**headers, "Content-Length": str(length)})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(500).decode("utf-8", "replace").strip()
        raise PushError(f"{url}: the endpoint answered {exc.code} {exc.reason} to {method}"
                        f"{': ' + detail if detail else ''}; check the endpoint URL (its Graph Store "
                        "Protocol service), the credentials and that it accepts writes and "
                        f"{headers['Content-Type'].split(';')[0]}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PushError(f"{url}: could not reach the endpoint ({reason}); check that the server runs "
                        "and the URL, or raise --timeout") from exc
