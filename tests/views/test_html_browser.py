"""The HTML view in a real headless Chromium (Debian's; skipped when it is not installed).

Every page is opened from file:// and must make no request beyond its own
file, fail none, log no console error and finish its layout with physics off.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.views.html import generate_html, network_data, write_html

CONTRACT_NODES = """
PREFIX pk: <https://w3id.org/parkkg/ontology#>
SELECT (COUNT(DISTINCT ?n) AS ?count) WHERE {
  VALUES ?c { pk:Park pk:Industry pk:Enterprise pk:Platform pk:Target } ?n a ?c }
"""

TEXTS = {
    "a.txt": "苏州高新区以集成电路、生物医药为主导产业，引进华润微电子，建设太湖实验室。"
             "到2025年，苏州高新区集成电路产值达到1000亿元。",
    "b.txt": "无锡高新区对标苏州工业园区，积极布局人工智能、新能源未来产业。",
}


def assert_clean(run):
    assert run.external_requests == []
    assert run.failed == []
    assert run.console_errors == []
    assert run.dialogs == []


def save_screenshot(run, tmp_path: Path, name: str) -> Path:
    """Write a PNG of the page to the test's folder and, when PARKKG_SCREENSHOT_DIR is set, there too."""
    path = tmp_path / name
    run.page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("PARKKG_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(keep) / name)
    return path


def hover_node(run, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text."""
    page = run.page
    pos = page.evaluate("""(id) => { const n = window.parkkg.network;
        return n.canvasToDOM(n.getPositions([id])[id]); }""", node_id)
    box = page.locator("#pk-network").bounding_box()
    page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    return tip.inner_text()


@pytest.fixture(scope="module")
def built(build_texts):
    """A graph built by the real pipeline from two small texts, with its page."""
    from kg.graph.query import load_graph_file

    out, _ = build_texts(TEXTS)
    return load_graph_file(out / "graph.ttl"), out / "graph.html"


def test_built_page_loads_offline_and_draws_every_node(built, open_page, tmp_path):
    graph, page_path = built
    expected = int(next(iter(graph.query(CONTRACT_NODES)))[0])
    assert expected >= 4
    run = open_page(page_path)
    assert_clean(run)
    counts = run.page.evaluate("""() => ({
        dataset: window.parkkg.nodes.length,
        drawn: window.parkkg.network.body.nodeIndices.length,
        edges: window.parkkg.edges.length,
        physics: window.parkkg.network.physics.physicsEnabled })""")
    assert counts["dataset"] == counts["drawn"] == expected
    assert counts["edges"] == len(network_data(graph)["edges"]) > 0
    assert counts["physics"] is False
    save_screenshot(run, tmp_path, "graph.png")


def test_chinese_text_renders_with_a_cjk_font(built, open_page, tmp_path):
    run = open_page(built[1])
    # draw glyphs with the page's font: without a CJK font every one would be the same
    # "missing glyph" box, so distinct ink for distinct characters means real glyphs
    sigs = run.page.evaluate("""() => {
        const font = getComputedStyle(document.body).fontFamily;
        return ['园', '区', '产', '业'].map((ch) => {
          const c = document.createElement('canvas'); c.width = 40; c.height = 40;
          const g = c.getContext('2d'); g.font = '32px ' + font; g.fillStyle = '#000';
          g.fillText(ch, 2, 32);
          const px = g.getImageData(0, 0, 40, 40).data; let ink = 0, sig = 0;
          for (let i = 3; i < px.length; i += 4) { if (px[i] > 128) { ink++; sig = (sig * 31 + i) % 1000003; } }
          return [ink, sig]; }); }""")
    assert all(ink > 20 for ink, _ in sigs)
    assert len({sig for _, sig in sigs}) == 4, "CJK characters render as identical boxes: install fonts-noto-cjk"
    assert "个节点" in run.page.locator("#pk-status").inner_text()
    save_screenshot(run, tmp_path, "graph-zh.png")


def test_hover_shows_name_class_and_evidence_with_document(graph_maker, open_page, tmp_path):
    m = graph_maker
    park = m.entity("Park", "sz", "苏州高新区", subclass="HighTechZone")
    m.relation(park, "hasLeadingIndustry", m.entity("Industry", "ic", "集成电路"), "doc-42",
               "苏州高新区以集成电路为主导产业。")
    path = tmp_path / "g.html"
    write_html(m.graph, path)
    run = open_page(path)
    text = hover_node(run, str(park))
    assert "苏州高新区" in text and "园区" in text and "高新技术产业开发区" in text
    assert "doc-42" in text and "苏州高新区以集成电路为主导产业。" in text
    assert_clean(run)


def test_search_class_filter_and_park_neighbourhood(graph_maker, open_page, tmp_path):
    m = graph_maker
    sz = m.entity("Park", "sz", "苏州高新区", aliases=["苏州国家高新区"])
    wx = m.entity("Park", "wx", "无锡高新区")
    for i in range(3):
        m.relation(sz, "hasEnterprise", m.entity("Enterprise", f"e{i}", f"企业{i}"))
    m.relation(wx, "hasIndustry", m.entity("Industry", "ai", "人工智能"))
    m.relation(wx, "hasPlatform", m.entity("Platform", "lab", "太湖实验室"))
    path = tmp_path / "g.html"
    write_html(m.graph, path)
    run = open_page(path)
    page = run.page

    page.fill("#pk-search", "苏州国家高新区")  # an alias
    page.click("#pk-search-form button")
    assert page.evaluate("() => window.parkkg.network.getSelectedNodes()") == [str(sz)]
    assert page.evaluate("(q) => window.parkkg.search(q)", "不存在的园区") is None
    assert "未找到" in page.locator("#pk-status").inner_text()

    page.uncheck("#pk-class-Enterprise")
    assert page.evaluate("() => window.parkkg.visibleCount()") == 7 - 3
    page.check("#pk-class-Enterprise")
    assert page.evaluate("() => window.parkkg.visibleCount()") == 7

    page.select_option("#pk-park", str(wx))
    visible = page.evaluate("() => window.parkkg.visibleLabels()")
    assert sorted(visible) == sorted(["无锡高新区", "人工智能", "太湖实验室"])
    assert page.evaluate("() => window.parkkg.network.body.nodeIndices.length") == 3  # drawn = shown
    page.click("#pk-reset")
    assert page.evaluate("() => window.parkkg.visibleCount()") == 7
    assert_clean(run)


def test_2000_nodes_stabilise_then_physics_stops(open_page, tmp_path, large_graph):
    graph = large_graph(2000)
    path = tmp_path / "large.html"
    write_html(graph, path)
    run = open_page(path, timeout_ms=120_000)
    assert_clean(run)
    state = run.page.evaluate("""() => ({ nodes: window.parkkg.nodes.length,
        drawn: window.parkkg.network.body.nodeIndices.length, shown: window.parkkg.visibleCount(),
        physics: window.parkkg.network.physics.physicsEnabled,
        enabled: window.parkkg.network.physics.options.enabled,
        stabilised: window.parkkg.stabilised })""")
    isolated = sum(1 for n in network_data(graph)["nodes"] if n["degree"] == 0)
    assert state == {"nodes": 2000, "drawn": 2000 - isolated, "shown": 2000 - isolated, "physics": False,
                     "enabled": False, "stabilised": True}
    ids = run.page.evaluate("() => window.parkkg.network.body.nodeIndices.slice(0, 50)")
    before = run.page.evaluate("(ids) => window.parkkg.network.getPositions(ids)", ids)
    run.page.wait_for_timeout(300)
    assert run.page.evaluate("(ids) => window.parkkg.network.getPositions(ids)", ids) == before
    save_screenshot(run, tmp_path, "graph-2000.png")


def _hostile_graph(m):
    park = m.entity("Park", "evil", "苏州<script>window.__pwned=1</script>高新区",
                    aliases=['"><img src=x onerror="window.__pwned=1">'])
    ind = m.entity("Industry", "evil", '集成电路"</script><script>window.__pwned=1;alert(1)</script>')
    m.relation(park, "hasLeadingIndustry", ind, 'doc"><img src=x onerror=alert(1)>',
               '苏州<script>window.__pwned=1</script>高新区聚焦集成电路产业。<img src=x onerror="window.__pwned=1">\u2028"')
    m.target(park, "t", '产值<svg onload="window.__pwned=1">', 1000, "亿元", 2025, "doc", "到2025年<script>alert(1)</script>。")
    return park


@pytest.mark.parametrize("policy", ["with-csp", "without-csp"])
def test_hostile_names_and_evidence_never_run(graph_maker, open_page, tmp_path, policy):
    park = _hostile_graph(graph_maker)
    page_text = generate_html(graph_maker.graph, title='<img src=x onerror="window.__pwned=1">"标题')
    if policy == "without-csp":  # escaping alone must hold, without the page's Content-Security-Policy
        start = page_text.index('<meta http-equiv="Content-Security-Policy"')
        page_text = page_text[:start] + page_text[page_text.index(">", start) + 1:]
    path = tmp_path / "evil.html"
    path.write_text(page_text, encoding="utf-8")
    run = open_page(path)
    assert_clean(run)
    page = run.page
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    labels = page.evaluate("() => window.parkkg.data.nodes.map((n) => n.label)")
    assert "苏州<script>window.__pwned=1</script>高新区" in labels  # shown as text, exactly
    assert page.title() == '<img src=x onerror="window.__pwned=1">"标题'
    text = hover_node(run, str(park))
    assert "<script>window.__pwned=1</script>" in text and "doc\"><img src=x onerror=alert(1)>" in text
    assert page.evaluate("() => document.querySelectorAll('.vis-tooltip *').length") > 0
    assert page.evaluate("() => document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert_clean(run)
    save_screenshot(run, tmp_path, f"graph-hostile-{policy}.png")


def test_hostile_text_built_by_the_pipeline_never_runs(tmp_path, pipeline, open_page):
    from kg.build import build

    src = tmp_path / "src"
    src.mkdir()
    (src / "evil.txt").write_text(
        "苏州高新区聚焦集成电路产业<script>window.__pwned=1</script>，引进华润微电子。\n"
        '无锡高新区以生物医药为主导产业<img src=x onerror="window.__pwned=1">，建设"太湖实验室"。\n'
        '常州"高新区"对标苏州工业园区。\n', encoding="utf-8")
    # every relation kept whatever its confidence: the test is about escaping, not the fit
    build([src], tmp_path / "out", pipeline=pipeline, min_confidence=0.0)
    page_text = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "window.__pwned" in page_text  # the hostile sentences made it into the graph's evidence
    run = open_page(tmp_path / "out" / "graph.html")
    assert_clean(run)
    assert run.page.evaluate("() => typeof window.__pwned") == "undefined"
    evidence = run.page.evaluate("() => window.parkkg.data.nodes.flatMap((n) => n.evidence.map((e) => e[1]))")
    assert any("<script>window.__pwned=1</script>" in s for s in evidence)


def _hub_graph(m, isolated: int = 0):
    """Two parks with a few relations each (one weak), and `isolated` enterprises with no relation."""
    from rdflib import Literal, URIRef

    sz = m.entity("Park", "sz", "苏州高新区")
    wx = m.entity("Park", "wx", "无锡高新区")
    fact = m.relation(sz, "hasLeadingIndustry", m.entity("Industry", "ic", "集成电路"), "doc-7",
                      "苏州高新区以集成电路为主导产业。")
    m.graph.add((fact, URIRef(PK + "confidence"), Literal(0.9)))
    weak = m.relation(sz, "hasEnterprise", m.entity("Enterprise", "hr", "华润微电子"), "doc-8", "华润微电子落户。")
    m.graph.add((weak, URIRef(PK + "confidence"), Literal(0.4)))
    m.relation(wx, "hasIndustry", m.entity("Industry", "ai", "人工智能"))
    for i in range(isolated):
        m.entity("Enterprise", f"lone{i}", f"孤立企业{i}")
    # a catalogue attribute such as a park's level: any categorical pk: property becomes a filter
    m.graph.add((sz, URIRef(PK + "parkLevel"), Literal("national")))
    m.graph.add((wx, URIRef(PK + "parkLevel"), Literal("provincial")))
    return sz, wx


PK = "https://w3id.org/parkkg/ontology#"


def test_focus_shows_the_neighbourhood_and_its_evidence(graph_maker, open_page, tmp_path):
    sz, _ = _hub_graph(graph_maker)
    path = tmp_path / "g.html"
    write_html(graph_maker.graph, path)
    run = open_page(path)
    page = run.page
    assert page.evaluate("() => window.parkkg.focusPanelText()") == ""
    pos = page.evaluate("""(id) => { const n = window.parkkg.network;
        return n.canvasToDOM(n.getPositions([id])[id]); }""", str(sz))
    box = page.locator("#pk-network").bounding_box()
    page.mouse.dblclick(box["x"] + pos["x"], box["y"] + pos["y"])
    assert sorted(page.evaluate("() => window.parkkg.visibleLabels()")) == ["华润微电子", "苏州高新区", "集成电路"]
    panel = page.locator("#pk-focus").inner_text()
    assert "苏州高新区" in panel and "集成电路" in panel and "doc-7" in panel and "苏州高新区以集成电路为主导产业。" in panel
    page.click("#pk-focus button.pk-link >> text=集成电路")  # walk to a neighbour
    assert "苏州高新区以集成电路为主导产业。" in page.locator("#pk-focus").inner_text()
    save_screenshot(run, tmp_path, "graph-focus.png")
    page.click("#pk-reset")
    assert page.locator("#pk-focus").is_hidden()
    assert_clean(run)


def test_filters_degree_confidence_attribute_and_labels(graph_maker, open_page, tmp_path):
    _hub_graph(graph_maker, isolated=3)
    path = tmp_path / "g.html"
    write_html(graph_maker.graph, path)
    run = open_page(path)
    page = run.page
    assert page.evaluate("() => window.parkkg.visibleCount()") == 8  # small graph: isolated nodes shown
    page.evaluate("() => window.parkkg.setMinDegree(1)")
    assert page.evaluate("() => window.parkkg.isolatedShown()") == 0
    assert page.evaluate("() => window.parkkg.visibleCount()") == 5
    assert "已隐藏 3 个孤立节点" in page.locator("#pk-status").inner_text()
    page.evaluate("() => window.parkkg.setMinDegree(2)")  # only 苏州高新区 has two relations
    assert page.evaluate("() => window.parkkg.visibleLabels()") == ["苏州高新区"]
    assert "已隐藏 7 个关系少于 2 条的节点" in page.locator("#pk-status").inner_text()
    page.evaluate("() => window.parkkg.setMinDegree(1)")
    page.evaluate("() => window.parkkg.setConfidence(0.5)")  # the weak hasEnterprise goes, and with it 华润微电子
    assert "华润微电子" not in page.evaluate("() => window.parkkg.visibleLabels()")
    page.evaluate("() => window.parkkg.setConfidence(0)")
    page.select_option("#pk-attr-parkLevel", "provincial")
    assert sorted(page.evaluate("() => window.parkkg.visibleLabels()")) == ["人工智能", "无锡高新区"]
    page.select_option("#pk-attr-parkLevel", "")
    assert page.evaluate("() => window.parkkg.labelledIds().length") == 5
    page.uncheck("#pk-labels")
    assert page.evaluate("() => window.parkkg.labelledIds().length") == 0
    assert page.evaluate("() => window.parkkg.nodes.get().every((n) => !n.label)")
    page.check("#pk-labels")
    page.evaluate("() => window.parkkg.setMinDegree(0)")  # isolated nodes come back, placed, not piled up
    assert page.evaluate("() => window.parkkg.visibleCount()") == 8
    pos = page.evaluate("() => Object.values(window.parkkg.network.getPositions()).map((p) => [p.x, p.y])")
    assert len({(round(x), round(y)) for x, y in pos}) == 8
    assert_clean(run)


def _corpus_sample(tmp_path: Path, count: int) -> Path | None:
    """The first `count` articles of ../shared/corpus/park_news.jsonl, in a file named like it (None without it)."""
    corpus = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "park_news.jsonl"
    if not corpus.is_file():
        return None
    sample = tmp_path / "corpus" / "park_news.jsonl"
    sample.parent.mkdir()
    with corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
        for i, line in zip(range(count), src):
            out.write(line)
    return sample


def test_a_2000_article_corpus_shows_labels_and_no_isolated_ring(open_page, tmp_path):
    """The default view of a real corpus: labelled hubs, no ring of unconnected dots, a quick layout.

    Built at test time from the shared corpus (skipped where ../shared is not laid out beside the
    repository). PARKKG_SCREENSHOT_DIR keeps the screenshot (docs/graph-2000.png was taken so).
    """
    import time

    from kg.build import build

    sample = _corpus_sample(tmp_path, 2000)
    if sample is None:
        pytest.skip("../shared/corpus/park_news.jsonl is not there (CI lays out ../shared beside the repository)")
    report = build([sample], tmp_path / "out", jobs=2)
    assert report.documents == 2000
    start = time.perf_counter()
    run = open_page(tmp_path / "out" / "graph.html", timeout_ms=120_000)
    settle = time.perf_counter() - start
    assert_clean(run)
    page = run.page
    page.wait_for_timeout(500)
    state = page.evaluate("""() => ({ nodes: window.parkkg.data.nodes.length, shown: window.parkkg.visibleCount(),
        isolated: window.parkkg.isolatedShown(), labelled: window.parkkg.labelledIds().length,
        drawn: window.parkkg.labelsDrawn, settleMs: window.parkkg.settleMs,
        title: document.title, status: document.getElementById("pk-status").textContent })""")
    print(f"\n2,000 articles: {state['nodes']} nodes, {state['shown']} shown, {state['drawn']} labels drawn, "
          f"layout settled {state['settleMs']} ms after navigation ({settle:.1f} s to the stabilised page)")
    assert state["isolated"] == 0 and state["shown"] < state["nodes"]
    assert state["labelled"] >= 20 and state["drawn"] >= 15
    assert "park_news" in state["title"] and "2000 篇文档" in state["title"]
    assert f"{report.relations} 条关系" in state["status"]
    assert f"已隐藏 {state['nodes'] - state['shown']} 个孤立节点" in state["status"]
    assert state["settleMs"] < 60_000
    parks = page.evaluate("""() => Array.from(document.querySelectorAll('#pk-park option')).slice(1)
        .map((o) => parseInt(o.textContent.match(/\\((\\d+)\\)$/)[1], 10))""")
    assert parks == sorted(parks, reverse=True) and parks[0] > 1
    save_screenshot(run, tmp_path, "graph-2000.png")
