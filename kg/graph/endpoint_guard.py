"""The guard in front of Oxigraph: which requests are refused, and how a request is relayed within its limits.

The server alone can be hung or blown up, so the address users see is a small
threaded HTTP server (`handler_for`) that checks each request (`refusal`) and
passes it on (`relay`):

- a request from a web page of another origin is refused with ``403`` unless
  the allowed origins name it; ``SERVICE`` (which makes the server contact other
  hosts) is refused unless allowed;
- the time limit is enforced on the wall clock: a request still running at the
  limit gets ``504`` (and the caller restarts the server, the only way to stop a
  query it does not cancel itself);
- answers are read whole before they are sent, so a query cut off midway is an
  error status, never ``200`` with a truncated body.

>>> refusal("GET", "/query?query=ASK{}", {"Origin": "https://evil.example", "Host": "127.0.0.1:7878"}, b"",
...         allow_origins=frozenset(), allow_service=False)[0]
403
>>> query_text("POST", "/query", {"Content-Type": "application/sparql-query"}, b"ASK {}")
'ASK {}'
"""
from __future__ import annotations

import http.client
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

MAX_ANSWER_BYTES = 1 << 30  # an answer held for sending; more is refused (ask with LIMIT)
MAX_REQUEST_BYTES = 1 << 30


def query_text(method: str, path: str, headers, body: bytes) -> str:
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


def refusal(method: str, path: str, headers, body: bytes, allow_origins: frozenset,
            allow_service: bool) -> tuple[int, str] | None:
    """(status, message) when the guard refuses a request, else None."""
    origin = headers.get("Origin")
    if origin is not None:
        own = f"http://{headers.get('Host', '')}".rstrip("/")
        if origin.rstrip("/") != own and origin.rstrip("/") not in allow_origins and "*" not in allow_origins:
            return 403, (f"cross-origin request from {origin} refused: a web page of another site may not use "
                         "this endpoint; start kg serve with --allow-origin ORIGIN to allow it")
    elif headers.get("Sec-Fetch-Site") == "cross-site" and "*" not in allow_origins:
        return 403, "cross-site request refused; start kg serve with --allow-origin ORIGIN to allow it"
    if not allow_service:
        from kg.graph.sparql_guard import mentions_service

        if mentions_service(query_text(method, path, headers, body)):
            return 403, ("the query uses SERVICE, which would make this server contact another host; "
                         "start kg serve with --allow-service to allow it")
    return None


def is_query(method: str, path: str) -> bool:
    """Whether a request is a query (held to the query time limit) rather than an update or an upload."""
    return urllib.parse.urlsplit(path).path.rstrip("/") in ("/query", "") and method in ("GET", "POST")


def relay(port: int, method: str, path: str, headers, body: bytes, limit: float,
          on_timeout) -> tuple[int, list, bytes]:
    """Pass a request to the server on 127.0.0.1:`port`; (status, headers, body) within `limit` seconds.

    At the limit `on_timeout()` is called (to restart the server) and the answer is ``504``; an answer
    over `MAX_ANSWER_BYTES` is ``507``; a server that stops while answering gives ``503``.
    """
    deadline = time.monotonic() + limit
    keep = ("Accept", "Content-Type", "Authorization", "Accept-Encoding")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=limit)
    try:
        conn.connect()
        sock = conn.sock
        conn.request(method, path, body=body or None, headers={k: headers[k] for k in keep if headers.get(k)})
        return read_response(conn, sock, deadline)
    except TimeoutError:
        on_timeout()
        return 504, [], (f"the query ran over the {limit:.0f} s limit (--timeout) and was stopped; "
                         "narrow it, or start kg serve with a longer --timeout\n").encode()
    except TooLarge:
        return 507, [], (f"the answer is over {MAX_ANSWER_BYTES >> 20} MB; ask for less (LIMIT, fewer "
                         "variables)\n").encode()
    except (OSError, http.client.HTTPException) as exc:
        return 503, [], (f"the SPARQL server stopped while answering ({type(exc).__name__}; it is restarted "
                         "when it dies or runs out of memory); try again, or narrow the query\n").encode()
    finally:
        conn.close()


class TooLarge(Exception):
    """An answer over `MAX_ANSWER_BYTES`."""


def read_response(conn, sock, deadline: float):
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
            raise TooLarge
        chunks.append(chunk)
    if response.length:  # the server closed before the length it announced
        raise http.client.IncompleteRead(b"".join(chunks), response.length)
    drop = {"transfer-encoding", "connection", "content-length", "keep-alive"}
    return response.status, [(k, v) for k, v in response.getheaders() if k.lower() not in drop], b"".join(chunks)


def handler_for(endpoint):
    """The request handler of the front server: reads a request, asks `endpoint.refusal`, else answers with
    `endpoint.forward` (any object with those two methods)."""
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
