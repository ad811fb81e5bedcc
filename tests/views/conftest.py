"""Fixtures for the view tests: tiny named graphs, a synthetic large graph, and a headless Chromium.

The browser is Debian's chromium (``/usr/bin/chromium``, or ``$PARKKG_CHROMIUM``)
driven by playwright's Python package; no browser is ever downloaded. Tests that
need it skip when either is missing.
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest

PK = "https://w3id.org/parkkg/ontology#"
ID = "https://w3id.org/parkkg/id/"

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None when none is installed."""
    candidate = os.environ.get("PARKKG_CHROMIUM") or "/usr/bin/chromium"
    if Path(candidate).exists():
        return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _h(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


class GraphMaker:
    """Builds small parkkg-shaped rdflib graphs by hand: entities, relations with evidence, targets."""

    def __init__(self):
        from rdflib import Graph

        self.graph = Graph()

    def entity(self, cls: str, slug: str, label: str, *, aliases=(), subclass: str | None = None):
        from rdflib import RDF, RDFS, Literal, URIRef
        from rdflib.namespace import SKOS

        node = URIRef(f"{ID}{cls.lower()}/{slug}")
        g = self.graph
        g.add((node, RDF.type, URIRef(PK + cls)))
        if subclass:
            g.add((node, RDF.type, URIRef(PK + subclass)))
        g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        return node

    def evidence(self, doc_id: str, sentence: str, start: int = 0):
        from rdflib import RDF, Literal, URIRef
        from rdflib.namespace import DCTERMS

        g = self.graph
        doc = URIRef(f"{ID}doc/{_h(doc_id)}")
        g.add((doc, RDF.type, URIRef(PK + "SourceDocument")))
        g.add((doc, DCTERMS.identifier, Literal(doc_id)))
        ev = URIRef(f"{ID}evidence/{_h(doc_id, sentence)}-{start}")
        g.add((ev, RDF.type, URIRef(PK + "Evidence")))
        g.add((ev, URIRef(PK + "inDocument"), doc))
        g.add((ev, URIRef(PK + "sentenceText"), Literal(sentence, lang="zh")))
        return ev

    def relation(self, s, prop: str, o, doc_id: str | None = None, sentence: str | None = None):
        from rdflib import RDF, URIRef
        from rdflib.namespace import PROV

        g = self.graph
        p = URIRef(PK + prop)
        g.add((s, p, o))
        fact = URIRef(f"{ID}fact/{_h(s, prop, o)}")
        g.add((fact, RDF.type, RDF.Statement))
        g.add((fact, RDF.subject, s))
        g.add((fact, RDF.predicate, p))
        g.add((fact, RDF.object, o))
        if sentence is not None:
            g.add((fact, PROV.wasDerivedFrom, self.evidence(doc_id or "doc", sentence)))
        return fact

    def target(self, park, slug: str, metric: str, value: float, unit: str, year: int | None,
               doc_id: str = "doc", sentence: str | None = None):
        from rdflib import RDF, RDFS, XSD, Literal, URIRef
        from rdflib.namespace import PROV

        g = self.graph
        t = URIRef(f"{ID}target/{slug}")
        g.add((t, RDF.type, URIRef(PK + "Target")))
        g.add((t, RDFS.label, Literal(f"{year or ''}{metric} {value:g}{unit}", lang="zh")))
        g.add((t, URIRef(PK + "metric"), Literal(metric, lang="zh")))
        g.add((t, URIRef(PK + "targetValue"), Literal(str(value), datatype=XSD.decimal)))
        g.add((t, URIRef(PK + "unit"), Literal(unit)))
        if year is not None:
            g.add((t, URIRef(PK + "targetYear"), Literal(year, datatype=XSD.integer)))
        if sentence is not None:
            g.add((t, PROV.wasDerivedFrom, self.evidence(doc_id, sentence)))
        g.add((park, URIRef(PK + "hasTarget"), t))
        return t


@pytest.fixture
def graph_maker():
    return GraphMaker()


def make_large_graph(nodes: int = 2000, seed: int = 11):
    """A synthetic parkkg-shaped graph with exactly `nodes` entity nodes and about 1.5 edges per node."""
    rng = random.Random(seed)
    m = GraphMaker()
    n_parks, n_industries, n_platforms, n_targets = nodes // 20, nodes // 10, nodes // 8, nodes // 10
    n_enterprises = nodes - n_parks - n_industries - n_platforms - n_targets
    parks = [m.entity("Park", f"p{i}", f"第{i}号高新区", subclass="HighTechZone") for i in range(n_parks)]
    industries = [m.entity("Industry", f"i{i}", f"产业{i}") for i in range(n_industries)]
    for i in range(n_enterprises):
        m.relation(rng.choice(parks), "hasEnterprise", m.entity("Enterprise", f"e{i}", f"企业{i}股份"),
                   "d1", f"园区引进企业{i}股份。")
    for i in range(n_platforms):
        m.relation(rng.choice(parks), "hasPlatform", m.entity("Platform", f"l{i}", f"创新中心{i}"))
    for i in range(n_targets):
        m.target(rng.choice(parks), f"t{i}", f"产值{i}", 100 + i, "亿元", 2025 + i % 6)
    for park in parks:
        for ind in rng.sample(industries, 8):
            m.relation(park, rng.choice(["hasIndustry", "hasLeadingIndustry", "hasEmergingIndustry"]), ind)
    return m.graph


@pytest.fixture
def large_graph():
    """`make_large_graph`, as a fixture (test modules cannot import conftest)."""
    return make_large_graph


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    """A headless Chromium with a fresh profile, shared by the tests of one module."""
    binary = chromium_path()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=binary, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900}, service_workers="block", locale="zh-CN")
        try:
            yield context
        finally:
            context.close()


class PageRun:
    """One page load with everything it did recorded: requests, failures, console, dialogs, errors."""

    def __init__(self, context, url: str, timeout_ms: int = 60_000):
        self.requests, self.failed, self.console, self.errors, self.dialogs = [], [], [], [], []
        page = context.new_page()
        self.page = page
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until="load")
        # the page sets this attribute when the layout has stabilised and physics is off;
        # a selector needs no eval, which the page's Content-Security-Policy forbids
        page.wait_for_selector("body[data-stabilised=true]", state="attached", timeout=timeout_ms)

    @property
    def console_errors(self):
        return [text for kind, text in self.console if kind in ("error", "assert")] + self.errors

    @property
    def external_requests(self):
        return [u for u in self.requests if not u.startswith(("file:", "data:", "about:", "blob:"))]

    def close(self):
        self.page.close()


@pytest.fixture
def open_page(browser_context):
    runs = []

    def run(path: Path, **kwargs) -> PageRun:
        r = PageRun(browser_context, Path(path).resolve().as_uri(), **kwargs)
        runs.append(r)
        return r

    yield run
    for r in runs:
        r.close()
