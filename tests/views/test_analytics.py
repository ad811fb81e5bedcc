"""Analytics on tiny named graphs: counts, hubs, similarity, clusters, timelines, the report and `kg stats`."""
from __future__ import annotations

import pytest

from kg.views import analytics as an
from kg.views import plots  # the plots' matplotlib and font lookups live there


@pytest.fixture
def chips_and_pharma(graph_maker):
    """Three parks: 苏州 and 无锡 share 集成电路 and 封装测试; 常州 does 生物医药 and 医疗器械; 无锡 benchmarks 苏州.

    苏州 hosts two enterprises (one also in 无锡) and sets three targets (2025, 2030, and one without a year).
    """
    m = graph_maker
    sz = m.entity("Park", "sz", "苏州高新区")
    wx = m.entity("Park", "wx", "无锡高新区")
    cz = m.entity("Park", "cz", "常州高新区")
    ic, pk, bio, med = (m.entity("Industry", s, n) for s, n in
                        (("ic", "集成电路"), ("pk", "封装测试"), ("bio", "生物医药"), ("med", "医疗器械")))
    m.relation(sz, "hasLeadingIndustry", ic, "d1", "苏州高新区以集成电路为主导产业。")
    m.relation(sz, "hasIndustry", pk)
    m.relation(wx, "hasEmergingIndustry", ic)
    m.relation(wx, "hasIndustry", pk)
    m.relation(cz, "hasLeadingIndustry", bio)
    m.relation(cz, "hasFutureIndustry", med)
    m.relation(wx, "benchmarksAgainst", sz)
    crm, hua = m.entity("Enterprise", "crm", "华润微电子"), m.entity("Enterprise", "hua", "华虹半导体")
    m.relation(sz, "hasEnterprise", crm)
    m.relation(sz, "hasEnterprise", hua)
    m.relation(wx, "hasEnterprise", hua)
    m.target(sz, "t1", "集成电路产值", 1000, "亿元", 2030)
    m.target(sz, "t2", "高新技术企业", 4500, "家", 2025)
    m.target(sz, "t3", "人才", 5, "万人", None)
    return m.graph


def test_entity_graph_keeps_entities_labels_and_relations(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert {"苏州高新区", "集成电路", "华润微电子"} <= labels
    assert G.number_of_nodes() == 3 + 4 + 2 + 3
    assert G.number_of_edges() == 10 + 3
    target = next(d for _, d in G.nodes(data=True) if d.get("metric") == "集成电路产值")
    assert (target["value"], target["unit"], target["year"]) == (1000, "亿元", 2030)


def test_class_and_relation_counts(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    assert an.class_counts(G) == {"Park": 3, "Industry": 4, "Enterprise": 2, "Platform": 0, "Target": 3}
    rel = an.relation_counts(G)
    assert rel["hasEnterprise"] == 3 and rel["hasTarget"] == 3 and rel["benchmarksAgainst"] == 1
    assert list(rel)[:2] == ["hasEnterprise", "hasTarget"]
    assert an.provenance_counts(chips_and_pharma)["Statement"] == 10


def test_most_connected_parks_and_enterprises(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    parks = an.most_connected(G, "Park")
    assert [(p["label"], p["degree"]) for p in parks] == [("苏州高新区", 8), ("无锡高新区", 4), ("常州高新区", 2)]
    assert [(e["label"], e["degree"]) for e in an.most_connected(G, "Enterprise", top=1)] == [("华虹半导体", 2)]


def test_park_similarity_by_shared_industries(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    pairs = an.park_similarity(G)
    assert [(p["a"], p["b"], p["jaccard"], p["shared"]) for p in pairs] == [
        ("无锡高新区", "苏州高新区", 1.0, ["封装测试", "集成电路"])]
    assert an.park_similarity(G, min_shared=3) == []


def test_industry_clusters_are_seeded_and_separate_the_two_chains(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    clusters = an.industry_clusters(G, seed=1)
    assert sorted(clusters) == [["医疗器械", "生物医药"], ["封装测试", "集成电路"]]
    assert clusters == an.industry_clusters(G, seed=1)
    co = an.industry_cooccurrence(G)
    ic = next(n for n, d in co.nodes(data=True) if d["label"] == "集成电路")
    pk = next(n for n, d in co.nodes(data=True) if d["label"] == "封装测试")
    assert co.edges[ic, pk]["weight"] == 2


def test_target_timelines_in_year_order(chips_and_pharma):
    G = an.entity_graph(chips_and_pharma)
    timelines = an.target_timelines(G)
    assert list(timelines) == ["苏州高新区"]
    assert [(t["year"], t["metric"]) for t in timelines["苏州高新区"]] == [
        (2025, "高新技术企业"), (2030, "集成电路产值"), (None, "人才")]


def test_empty_graph_gives_empty_answers(graph_maker):
    summary = an.summarise(graph_maker.graph)
    assert summary["classes"] == dict.fromkeys(an.CLASSES, 0)
    assert summary["similar_parks"] == summary["industry_clusters"] == [] and summary["timelines"] == {}
    assert "_no targets_" in an.generate_report(summary)


def test_report_is_readable_markdown(chips_and_pharma):
    text = an.generate_report(an.summarise(chips_and_pharma), {"classes": "stats-classes.png"})
    assert text.startswith("# parkkg graph statistics\n")
    for heading in ("## Counts per class", "## Most connected parks", "## Most connected enterprises",
                    "## Park similarity by shared industries", "## Industry clusters", "## Target timelines"):
        assert heading in text
    assert "| 1 | 苏州高新区 | 8 |" in text
    assert "| 无锡高新区 | 苏州高新区 | 1.000 | 封装测试、集成电路 |" in text
    assert "![nodes per class](stats-classes.png)" in text
    assert "| 2025 | 高新技术企业 | 4500 | 家 |" in text


def test_write_report_writes_markdown_and_plots(chips_and_pharma, tmp_path):
    pytest.importorskip("matplotlib")
    paths = an.write_report(chips_and_pharma, tmp_path)
    names = sorted(p.name for p in paths)
    assert names == ["report.md", "stats-classes.png", "stats-clusters.png", "stats-parks.png",
                     "stats-similarity.png", "stats-timeline.png"]
    for p in paths[1:]:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"]({p.name})" in (tmp_path / "report.md").read_text(encoding="utf-8")
    first = {p.name: p.read_bytes() for p in paths}
    an.write_report(chips_and_pharma, tmp_path)
    assert {p.name: p.read_bytes() for p in paths} == first  # deterministic, plots included


def test_kg_stats_command(chips_and_pharma, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.graph.serialize import write_turtle

    write_turtle(chips_and_pharma, tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "graph.ttl"), "-o", str(tmp_path / "s"), "--no-plots"])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == [str(tmp_path / "s" / "report.md")]
    assert "苏州高新区" in (tmp_path / "s" / "report.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", str(tmp_path)])  # a build folder; report beside the graph
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.md").exists()
    missing = CliRunner().invoke(main, ["stats", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 2 and "no such graph file" in missing.output and "Traceback" not in missing.output


def test_without_matplotlib_the_report_is_written_and_says_why(chips_and_pharma, tmp_path, monkeypatch):
    from kg.errors import missing_extra

    def no_matplotlib():
        raise missing_extra("matplotlib", "viz")

    monkeypatch.setattr(plots, "_matplotlib", no_matplotlib)
    paths = an.write_report(chips_and_pharma, tmp_path)
    assert [p.name for p in paths] == ["report.md"]
    text = paths[0].read_text(encoding="utf-8")
    assert "Plots skipped" in text and "pip install 'parkkg[viz]'" in text


def test_kg_stats_without_matplotlib_says_so_on_the_terminal(chips_and_pharma, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.errors import missing_extra
    from kg.graph.serialize import write_turtle

    def no_matplotlib():
        raise missing_extra("matplotlib", "viz")

    monkeypatch.setattr(plots, "_matplotlib", no_matplotlib)
    write_turtle(chips_and_pharma, tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "graph.ttl")])
    assert result.exit_code == 0
    assert "plots skipped" in result.stderr and "pip install 'parkkg[viz]'" in result.stderr
    assert result.stdout.strip().splitlines() == [str(tmp_path / "report.md")]


class _FakeManager:
    """A matplotlib font list whose cache predates the CJK font: empty until a file is added."""

    def __init__(self):
        self.ttflist, self.added = [], []

    def addfont(self, path):
        from types import SimpleNamespace

        self.added.append(path)
        self.ttflist.append(SimpleNamespace(name="Noto Sans CJK SC"))


def test_a_cjk_font_missing_from_matplotlibs_cache_is_found_once(monkeypatch):
    pytest.importorskip("matplotlib")
    from matplotlib import font_manager

    fake = _FakeManager()
    monkeypatch.setattr(font_manager, "fontManager", fake)
    monkeypatch.setattr(font_manager, "findSystemFonts",
                        lambda *a, **k: ["/usr/share/fonts/DejaVuSans.ttf", "/usr/share/fonts/NotoSansCJK-Regular.ttc"])
    monkeypatch.setattr(an.cjk_font, "searched", False, raising=False)
    assert an.cjk_font() == "Noto Sans CJK SC"
    assert fake.added == ["/usr/share/fonts/NotoSansCJK-Regular.ttc"]
    fake.ttflist.clear()
    assert an.cjk_font() is None and len(fake.added) == 1  # searched once per process, not on every plot


def test_without_any_cjk_font_the_terminal_says_what_to_install(chips_and_pharma, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.setattr(plots, "cjk_font", lambda: None)
    notes: list = []
    an.write_report(chips_and_pharma, tmp_path, notes=notes)
    assert notes == [an.NO_CJK_FONT] and "fonts-noto-cjk" in notes[0]
    assert "fonts-noto-cjk" in (tmp_path / "report.md").read_text(encoding="utf-8")
