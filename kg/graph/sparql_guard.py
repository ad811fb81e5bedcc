"""Checks on SPARQL text before it runs: does it reach out to other hosts (``SERVICE``)?

A ``SERVICE <http://host/sparql> { ... }`` clause makes the engine that runs the
query send a request to that host: a query pasted from somewhere could make
``kg query`` or ``kg serve`` contact any machine the user's can reach. Both
refuse it unless allowed (``kg serve --allow-service``; ``PARKKG_ALLOW_SERVICE=1``
for ``kg query``). The word is looked for outside strings, IRIs and comments,
so a literal "SERVICE" in a FILTER never trips it.

>>> mentions_service('SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }')
True
>>> mentions_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE in a comment')
False
"""
from __future__ import annotations

import os
import re

from kg.errors import QueryError

# strings (long and short, either quote), IRIs, comments: what may hide the word without being it
_NOT_CODE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                       r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'"
                       r"|<[^<>\"{}|^`\\\s]*>" r"|#[^\n]*", re.S)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.I)


def mentions_service(sparql: str) -> bool:
    """Whether `sparql` has a SERVICE clause (outside strings, IRIs and comments)."""
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", sparql)))


def refuse_service(sparql: str, how_to_allow: str = "set PARKKG_ALLOW_SERVICE=1") -> None:
    """Raise `QueryError` for a query with SERVICE unless PARKKG_ALLOW_SERVICE=1 is set."""
    if os.environ.get("PARKKG_ALLOW_SERVICE") == "1" or not mentions_service(sparql):
        return
    raise QueryError("the query uses SERVICE, which would make parkkg send a request to another host; "
                     f"remove it, or {how_to_allow} if you trust the query and the host")
