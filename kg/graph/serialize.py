"""Write graphs deterministically, atomically (`kg.graph.atomic`) and fast.

rdflib's own Turtle serializer needs minutes at a hundred thousand triples and
hours at millions, and its output order is not guaranteed. So Turtle and
N-Triples are written here by streaming writers that format each term once:
subjects sorted by their N-Triples form, ``rdf:type`` first then predicates
sorted, objects sorted; strings escaped per the Turtle and N-Triples grammars;
prefixed names only where the local part is plainly valid. Same graph, same
bytes; and the output parses back (rdflib, pyoxigraph) to an isomorphic graph.

>>> from rdflib import Graph, Literal, URIRef, RDF
>>> g = Graph(); g.bind("ex", "http://example.org/")
>>> _ = g.add((URIRef("http://example.org/a"), RDF.type, URIRef("http://example.org/Park")))
>>> _ = g.add((URIRef("http://example.org/a"), URIRef("http://example.org/name"), Literal('苏州"高新区"', lang="zh")))
>>> print(generate_turtle(g), end="")
@prefix ex: <http://example.org/> .
<BLANKLINE>
ex:a a ex:Park ;
    ex:name "苏州\\"高新区\\""@zh .
>>> print(generate_ntriples(g), end="")
<http://example.org/a> <http://example.org/name> "苏州\\"高新区\\""@zh .
<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Park> .
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from kg.graph.atomic import atomic_open, atomic_write_bytes, atomic_write_text  # noqa: F401 - moved there
from kg.graph.formats import GRAPH_FORMATS as _TABLE  # noqa: E402

FORMATS = {f.key: f.rdflib for f in _TABLE if f.writable}  # key -> rdflib serializer (kg.graph.formats)

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

# ---------------------------------------------------------------- terms

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING_BAD = re.compile(r'[\\"\x00-\x1f\x7f]')
_LOCAL_OK = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_PREFIX_OK = re.compile(r"(?:[A-Za-z](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?\Z")
_BNODE_OK = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")


def _escape_char(match) -> str:
    ch = match.group(0)
    return _STRING_ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def escape_string(text: str) -> str:
    """Escape a lexical form for a double-quoted Turtle/N-Triples string.

    >>> escape_string('a"b\\\\c\\nd\\x01')
    'a\\\\"b\\\\\\\\c\\\\nd\\\\u0001'
    """
    return _STRING_BAD.sub(_escape_char, text) if _STRING_BAD.search(text) else text


def _escape_iri_char(match) -> str:
    return "".join(f"%{b:02X}" for b in match.group(0).encode("utf-8"))


def iri_ref(iri: str) -> str:
    """``<iri>``; characters no IRI may hold (space, ``<>"{}|^`\\``, controls) are percent-encoded,
    as a browser would, since parsers (Oxigraph) refuse them even as ``\\u`` escapes.

    >>> iri_ref("http://x.org/a b")
    '<http://x.org/a%20b>'
    """
    if _IRI_BAD.search(iri):
        iri = _IRI_BAD.sub(_escape_iri_char, iri)
    return f"<{iri}>"


def _bnode(label: str) -> str:
    if not _BNODE_OK.match(label):
        label = "b" + hashlib.sha1(label.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"_:{label}"


def nt_term(term) -> str:
    """The N-Triples form of an rdflib term.

    >>> from rdflib import Literal, URIRef, XSD
    >>> nt_term(Literal("3", datatype=XSD.integer)), nt_term(Literal("园", lang="zh")), nt_term(URIRef("urn:x"))
    ('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"园"@zh', '<urn:x>')
    """
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return iri_ref(str(term))
    if isinstance(term, Literal):
        text = f'"{escape_string(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{iri_ref(str(term.datatype))}"
        return text
    if isinstance(term, BNode):
        return _bnode(str(term))
    raise TypeError(f"cannot write {term!r} as an RDF term")


class _TurtleTerms:
    """Turtle forms of terms, with prefixed names where the namespace is bound."""

    def __init__(self, prefixes: dict[str, str]):
        self.by_namespace = {}
        for prefix, ns in sorted(prefixes.items()):
            if _PREFIX_OK.match(prefix) and ns and not _IRI_BAD.search(ns):
                self.by_namespace.setdefault(ns, prefix)
        self.used: set[str] = set()
        self._cache: dict = {}

    def iri(self, iri: str) -> str:
        cut = max(iri.rfind("#"), iri.rfind("/"), iri.rfind(":"))
        if cut >= 0:
            prefix = self.by_namespace.get(iri[:cut + 1])
            local = iri[cut + 1:]
            if prefix is not None and _LOCAL_OK.match(local):
                self.used.add(prefix)
                return f"{prefix}:{local}"
        return iri_ref(iri)

    def term(self, term) -> str:
        out = self._cache.get(term)
        if out is not None:
            return out
        from rdflib import BNode, Literal, URIRef

        if isinstance(term, URIRef):
            out = self.iri(str(term))
        elif isinstance(term, Literal):
            lexical = str(term)
            dt = str(term.datatype) if term.datatype is not None else ""
            if term.language:
                out = f'"{escape_string(lexical)}"@{term.language}'
            elif dt == XSD + "integer" and _INTEGER.match(lexical):
                out = lexical
            elif dt == XSD + "decimal" and _DECIMAL.match(lexical):
                out = lexical
            elif dt == XSD + "boolean" and lexical in ("true", "false"):
                out = lexical
            elif dt:
                out = f'"{escape_string(lexical)}"^^{self.iri(dt)}'
            else:
                out = f'"{escape_string(lexical)}"'
        elif isinstance(term, BNode):
            out = _bnode(str(term))
        else:
            raise TypeError(f"cannot write {term!r} as an RDF term")
        if len(self._cache) < 2_000_000:
            self._cache[term] = out
        return out


# Short prefixes for the project's instance IRIs, so that Turtle reads park:suzhou-… not <https://…>.
ID_KINDS = ("park", "industry", "enterprise", "platform", "target", "doc", "evidence", "fact", "extractor")


def id_prefixes() -> dict[str, str]:
    from kg.graph.iris import BASE

    return {kind: f"{BASE}{kind}/" for kind in ID_KINDS}


def graph_prefixes(graph) -> dict[str, str]:
    """The prefix -> namespace bindings of an rdflib graph, plus the project's `id_prefixes`.

    A prefix the graph binds wins over a project prefix of the same name.
    """
    return {**id_prefixes(), **{str(prefix): str(ns) for prefix, ns in graph.namespace_manager.namespaces()}}


# ---------------------------------------------------------------- Turtle


def iter_turtle(graph, prefixes: dict[str, str] | None = None):
    """Turtle text in chunks (one per subject), deterministic; see the module docstring."""
    terms = _TurtleTerms(graph_prefixes(graph) if prefixes is None else prefixes)
    nt_cache: dict = {}

    def sort_key(term):
        key = nt_cache.get(term)
        if key is None:
            key = nt_term(term)
            nt_cache[term] = key
        return key

    subjects: dict = {}
    for s, p, o in graph:
        subjects.setdefault(s, {}).setdefault(p, []).append(o)
    ordered = sorted(subjects, key=sort_key)
    body = []
    for s in ordered:
        preds = subjects[s]
        parts = []
        for p in sorted(preds, key=lambda p: (str(p) != RDF_TYPE, sort_key(p))):
            objects = ", ".join(terms.term(o) for o in sorted(preds[p], key=sort_key))
            verb = "a" if str(p) == RDF_TYPE else terms.term(p)
            parts.append(f"{verb} {objects}")
        body.append(f"{terms.term(s)} " + " ;\n    ".join(parts) + " .\n")
    nt_cache.clear()
    header = "".join(f"@prefix {prefix}: {iri_ref(ns)} .\n"
                     for ns, prefix in sorted(terms.by_namespace.items(), key=lambda kv: kv[1])
                     if prefix in terms.used)
    yield header
    for i, chunk in enumerate(body):
        yield ("\n" if i or header else "") + chunk


def generate_turtle(graph, prefixes: dict[str, str] | None = None) -> str:
    """Turtle text with sorted subjects, predicates and objects: same graph, same bytes."""
    return "".join(iter_turtle(graph, prefixes))


# ---------------------------------------------------------------- N-Triples / N-Quads


def iter_ntriples(graph, graph_name=None):
    """Sorted N-Triples lines (N-Quads when `graph_name`, an IRI, is given)."""
    cache: dict = {}

    def term(t):
        out = cache.get(t)
        if out is None:
            out = nt_term(t)
            if len(cache) < 2_000_000:
                cache[t] = out
        return out

    suffix = f" {iri_ref(str(graph_name))} .\n" if graph_name else " .\n"
    lines = sorted(f"{term(s)} {term(p)} {term(o)}" for s, p, o in graph)
    cache.clear()
    for line in lines:
        yield line + suffix


def generate_ntriples(graph) -> str:
    """N-Triples, one line per triple, sorted."""
    return "".join(iter_ntriples(graph))


def generate_nquads(graph, graph_name: str) -> str:
    """N-Quads of `graph` as the named graph `graph_name`, sorted."""
    return "".join(iter_ntriples(graph, graph_name))


# ---------------------------------------------------------------- writers


def _write_chunks(path: Path | str, chunks) -> None:
    with atomic_open(path, "w") as handle:
        buffer, size = [], 0
        for chunk in chunks:
            buffer.append(chunk)
            size += len(chunk)
            if size > 1 << 20:
                handle.write("".join(buffer))
                buffer, size = [], 0
        handle.write("".join(buffer))


def write_turtle(graph, path: Path | str, prefixes: dict[str, str] | None = None) -> None:
    _write_chunks(path, iter_turtle(graph, prefixes))


def write_ntriples(graph, path: Path | str) -> None:
    _write_chunks(path, iter_ntriples(graph))


def write_nquads(graph, path: Path | str, graph_name: str) -> None:
    _write_chunks(path, iter_ntriples(graph, graph_name))


def write_graph(graph, path: Path | str, fmt: str | None = None) -> None:
    """Write `graph` in the format its suffix (or `fmt`, a key of `FORMATS`) names."""
    fmt = fmt or Path(path).suffix.lstrip(".").lower()
    if fmt == "ttl":
        write_turtle(graph, path)
    elif fmt == "nt":
        write_ntriples(graph, path)
    elif fmt in FORMATS:
        data = graph.serialize(format=FORMATS[fmt])
        atomic_write_text(path, data if isinstance(data, str) else data.decode("utf-8"))
    else:
        from kg.errors import ParkKGError

        raise ParkKGError(f"{path}: unknown graph format '{fmt}'; use one of {', '.join(sorted(FORMATS))}")
