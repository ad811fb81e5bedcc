"""Saved SPARQL queries (queries/*.rq), their comment headers, and parameter binding.

A saved query is a ``.rq`` file whose first comment lines say what it answers::

    # title: Parks by leading industry
    # description: Parks whose leading industry is ?industry ...
    #   (a description may go on over indented comment lines)
    # param industry: required. An industry name or taxonomy concept label. Example: 半导体
    # param year: optional. ... Example: 2025

A query names its parameters as ``?name`` variables; ``--param name=value``
binds them with rdflib's ``initBindings``, so a value is always an RDF term (a
literal, a number, or an IRI when it looks like one) and never SPARQL text:
``x" . ?s ?p ?o . #`` is just a strange name that matches nothing.

>>> sorted(bind_params(["industry=集成电路"]).keys())
['industry']
>>> q = parse_header("demo", "# title: Demo\\n# param park: required. A park. Example: 苏州高新区\\nSELECT ?park {}")
>>> q.title, [(p.name, p.required, p.example) for p in q.params]
('Demo', [('park', True, '苏州高新区')])
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import QueryError

QUERY_DIRS = (Path(__file__).resolve().parent.parent / "queries", Path(__file__).resolve().parent / "queries_data")

_QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_PARAM_LINE = re.compile(r"^#\s*param\s+\??([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_FIELD_LINE = re.compile(r"^#\s*(title|description|example)\s*:\s*(.*)$")


@dataclass(frozen=True)
class QueryParam:
    """One named parameter of a saved query, as its header declares it."""

    name: str
    description: str
    required: bool
    example: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """A query with the title, description and parameters its header declares."""

    name: str
    title: str
    description: str
    params: tuple
    sparql: str
    path: Path | None = None

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)


def parse_header(name: str, sparql: str, path: Path | None = None) -> SavedQuery:
    """Read the ``# title:``, ``# description:`` and ``# param`` comment lines that open a query.

    A line of the form ``#   more text`` continues the field above it.
    """
    fields = {"title": "", "description": "", "example": ""}
    params: list[list] = []  # [name, text]
    current = None  # ("field", key) or ("param", index)
    for raw in sparql.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _PARAM_LINE.match(line)
        if m:
            params.append([m.group(1), m.group(2).strip()])
            current = ("param", len(params) - 1)
            continue
        m = _FIELD_LINE.match(line)
        if m:
            fields[m.group(1)] = m.group(2).strip()
            current = ("field", m.group(1))
            continue
        more = line.lstrip("#").strip()
        if current and more and re.match(r"^#\s{2,}\S", line):
            if current[0] == "field":
                fields[current[1]] = f"{fields[current[1]]} {more}".strip()
            else:
                params[current[1]][1] = f"{params[current[1]][1]} {more}".strip()
        else:
            current = None
    out = []
    for pname, text in params:
        required = text.lower().startswith("required")
        example = ""
        m = re.search(r"\bExamples?:\s*(.+)$", text)
        if m:
            example = m.group(1).strip().split(",")[0].strip().rstrip(".")
        out.append(QueryParam(pname, text, required, example))
    return SavedQuery(name, fields["title"] or name, fields["description"], tuple(out), sparql, path)


def saved_queries() -> dict[str, Path]:
    """Name -> path of every saved query (the file name without ``.rq``)."""
    out = {}
    for d in QUERY_DIRS:
        if d.is_dir():
            for p in sorted(d.glob("*.rq")):
                out.setdefault(p.stem, p)
    return out


def list_queries() -> list[SavedQuery]:
    """Every saved query with its header, sorted by name."""
    return [load_query(name) for name in sorted(saved_queries())]


def first_keyword(sparql: str) -> str:
    """The first keyword of a SPARQL text after its comments, PREFIX and BASE lines, upper-cased.

    >>> first_keyword("# a comment\\nPREFIX pk: <urn:pk#> describe <urn:x>")
    'DESCRIBE'
    >>> first_keyword("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    'INSERT'
    """
    at = 0
    while True:
        m = _PROLOGUE.match(sparql, at)
        if m is None or m.end() == at:
            break
        at = m.end()
    m = re.compile(r"\s*([A-Za-z]+)").match(sparql, at)
    return m.group(1).upper() if m else ""


def load_query(query: str) -> SavedQuery:
    """A saved query by name, a ``.rq`` file by path, or SPARQL text given inline.

    SPARQL Update is refused with a message that says so: ``kg query`` only reads the graph.
    """
    saved = saved_queries()
    if query in saved:
        path = saved[query]
        return parse_header(query, path.read_text(encoding="utf-8"), path)
    path = Path(query)
    keyword = first_keyword(query) if any(ch.isspace() for ch in query) else ""
    if keyword in _UPDATE_FORMS:
        raise QueryError(f"SPARQL Update ({keyword} …) is refused: kg query is read-only and never changes the "
                         "graph; rebuild the graph with kg build, or change a served copy with "
                         "kg serve --allow-update")
    looks_like_sparql = keyword in _QUERY_FORMS
    if not looks_like_sparql and (query.endswith(".rq") or path.is_file()):
        if not path.is_file():
            raise QueryError(f"{query}: no such query file; saved queries are: {', '.join(saved) or 'none'} "
                             "(kg query --list shows them)")
        return parse_header(path.stem, path.read_text(encoding="utf-8"), path)
    if looks_like_sparql:
        return parse_header("(inline)", query)
    raise QueryError(f"'{query}' is neither a saved query, a .rq file nor SPARQL; "
                     f"saved queries are: {', '.join(saved) or 'none'} (kg query --list shows them)")


def resolve_query(query: str) -> str:
    """SPARQL text from a saved query name, a .rq path, or the text itself."""
    return load_query(query).sparql


def query_variables(sparql: str) -> set[str]:
    """The variable names a query mentions outside comment lines.

    >>> sorted(query_variables("# ?not this\\nSELECT ?a WHERE { ?a ?b $c }"))
    ['a', 'b', 'c']
    """
    body = "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))
    return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", body))


def check_params(query: SavedQuery, bindings: dict) -> None:
    """Refuse a parameter the query does not use, and a missing required one, with the fix."""
    used = query_variables(query.sparql)
    for name in sorted(bindings):
        if name not in used:
            known = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"query {query.name} has no parameter ?{name}; its parameters are: {known}")
    for p in query.params:
        if p.required and p.name not in bindings:
            example = p.example or "VALUE"
            raise QueryError(f"query {query.name} needs --param {p.name}={example} ({p.description})")


def tag_plain_text(bindings: dict | None) -> dict:
    """`bindings` with plain string literals tagged ``@zh``.

    Saved queries match a name against the graph's labels directly
    (``?p skos:prefLabel ?park``), which a store answers from its index in
    microseconds; parkkg's labels are Chinese-tagged, so a name given as a plain
    string must carry the tag to match. Other terms pass unchanged.

    >>> from rdflib import Literal
    >>> tag_plain_text({"park": Literal("苏州高新区"), "year": Literal(2025)})["park"].language
    'zh'
    """
    from rdflib import Literal
    from rdflib.namespace import XSD

    out = {}
    for name, term in (bindings or {}).items():
        if isinstance(term, str) and not isinstance(term, Literal) and not hasattr(term, "n3"):
            term = Literal(term, lang="zh")
        elif isinstance(term, Literal) and term.language is None and term.datatype in (None, XSD.string):
            term = Literal(str(term), lang="zh")
        out[name] = term
    return out


def values_text(sparql: str, bindings: dict) -> str:
    """The query as a workbench user runs it: ``VALUES ?name { term }`` lines closing its WHERE block.

    This is what ``docs/graph-tools.md`` tells GraphDB, Fuseki and YASGUI users to do, so saved
    queries use their parameters only in that outermost block or project them from a sub-query (a
    sub-query's own WHERE or ``HAVING`` would not see the value). The line goes last in the block:
    an engine then joins the ordered sub-query's rows with it in their order (rdflib reorders the
    right side of a join), which keeps ``GROUP_CONCAT`` lists sorted.
    ``tests/graph/test_query_engines.py`` checks that this text, rdflib's initBindings and the
    Oxigraph store give the same rows.

    >>> from rdflib import Literal
    >>> values_text("# {?park}\\nSELECT ?x WHERE { ?x ?p ?park }", {"park": Literal("园", lang="zh")})
    '# {?park}\\nSELECT ?x WHERE { ?x ?p ?park \\n  VALUES ?park { "园"@zh }\\n}'
    """

    lines = sparql.splitlines(keepends=True)
    offset = 0
    for line in lines:  # skip the comment header, whose text may say WHERE
        if not line.lstrip().startswith("#") and line.strip():
            break
        offset += len(line)
    m = re.compile(r"\bWHERE\s*\{", re.IGNORECASE).search(sparql, offset) or re.compile(r"\{").search(sparql, offset)
    close = next((b for a, b in brace_pairs(sparql) if m is not None and a == m.end() - 1), None)
    if close is None:
        raise QueryError("the SPARQL query has no WHERE { ... } block to bind parameters in")
    block = "".join(f"  VALUES ?{name} {{ {term.n3()} }}\n" for name, term in sorted(tag_plain_text(bindings).items()))
    return f"{sparql[:close]}\n{block}{sparql[close:]}"


def bind_params(params) -> dict:
    """``NAME=VALUE`` strings -> initBindings: an IRI, an integer, or a Chinese-tagged literal.

    >>> b = bind_params(["year=2025", "park=苏州高新区", "doc=https://w3id.org/parkkg/id/doc/a"])
    >>> b["year"].toPython(), b["park"].language, type(b["doc"]).__name__
    (2025, 'zh', 'URIRef')
    """
    from rdflib import Literal, URIRef

    out = {}
    for p in params:
        if "=" not in p:
            raise QueryError(f"--param {p!r} must look like NAME=VALUE")
        name, value = p.split("=", 1)
        name = name.strip().lstrip("?$")
        if not name.isidentifier():
            raise QueryError(f"--param name {name!r} is not a valid SPARQL variable name")
        if value.startswith(("http://", "https://")) and not any(ch in value for ch in ' <>"{}|\\^`'):
            out[name] = URIRef(value)
        elif re.fullmatch(r"-?[0-9]+", value):
            out[name] = Literal(int(value))
        else:
            out[name] = Literal(value, lang="zh")
    return out


def brace_pairs(sparql: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every ``{ … }`` pair outside comments, IRIs and strings."""
    pairs, stack, i, n = [], [], 0, len(sparql)
    while i < n:
        ch = sparql[i]
        if ch == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j
        elif ch == "<":
            j = sparql.find(">", i)
            k = sparql.find(" ", i)
            i = j if j > 0 and (k < 0 or j < k) else i
        elif ch in "\"'":
            quote = sparql[i:i + 3] if sparql[i:i + 3] in ('"""', "'''") else ch
            i += len(quote)
            while i < n and not sparql.startswith(quote, i):
                i += 2 if sparql[i] == "\\" else 1
            i += len(quote) - 1
        elif ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            pairs.append((stack.pop(), i))
        i += 1
    return sorted(pairs)
