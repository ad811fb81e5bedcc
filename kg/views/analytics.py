"""Analytics over the graph with networkx: who is central, which parks are alike, what clusters.

`entity_graph` turns the RDF graph into a networkx ``MultiDiGraph`` of the
contract classes (nodes carry ``label`` and ``cls``; target nodes also
``year``, ``metric``, ``value``, ``unit``; edges carry ``rel``). Every other
function is plain, networkx style: a graph in, plain data out, so it is easy to
test on tiny graphs and to reuse in a notebook. `summarise` gathers them,
`generate_report` renders Markdown, and `write_report` writes ``report.md`` and
PNG plots (when matplotlib is installed: ``pip install 'parkkg[viz]'``).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("p1", label="苏州高新区", cls="Park"); G.add_node("p2", label="无锡高新区", cls="Park")
>>> for i, name in enumerate(["集成电路", "生物医药", "人工智能"]):
...     G.add_node(f"i{i}", label=name, cls="Industry")
>>> _ = G.add_edge("p1", "i0", rel="hasLeadingIndustry"); _ = G.add_edge("p1", "i1", rel="hasIndustry")
>>> _ = G.add_edge("p2", "i0", rel="hasIndustry"); _ = G.add_edge("p2", "i2", rel="hasFutureIndustry")
>>> class_counts(G)["Industry"]
3
>>> [(s["a"], s["b"], s["jaccard"], s["shared"]) for s in park_similarity(G)]
[('无锡高新区', '苏州高新区', 0.333, ['集成电路'])]
"""
from __future__ import annotations

import io
import warnings
from collections import defaultdict
from pathlib import Path

from kg.errors import OptionalDependencyError, missing_extra
from kg.graph.serialize import atomic_write_bytes, atomic_write_text

PK_NS = "https://w3id.org/parkkg/ontology#"
from kg.graph.network import NODE_CLASSES as CLASSES  # noqa: E402  (one list of the contract classes)
INDUSTRY_RELATIONS = ("hasIndustry", "hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry")
CLASS_COLOURS = {"Park": "#1f77b4", "Industry": "#2ca02c", "Enterprise": "#ff7f0e", "Platform": "#9467bd",
                 "Target": "#d62728"}
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK JP", "Noto Serif CJK SC")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _number(value):
    """A float (or int when whole) from an rdflib literal; None when not a number."""
    try:
        number = float(value.toPython() if hasattr(value, "toPython") else value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else number


def entity_graph(graph):
    """A networkx MultiDiGraph of the graph's entities and the ``pk:`` relations between them.

    Nodes are IRIs (strings) with ``label`` and ``cls`` (the contract class);
    targets also carry ``metric``, ``value``, ``unit`` and ``year`` (None when
    absent). Edges carry ``rel`` (the property's local name). It is
    `kg.graph.network.project`, the projection the exports and the HTML view use.
    """
    import networkx as nx

    from kg.graph.network import project

    net = project(graph)
    G = nx.MultiDiGraph()
    for cls in CLASSES:
        for iri, node in net.nodes.items():
            if node.cls != cls:
                continue
            attrs = {"label": node.label, "cls": cls}
            if cls == "Target":
                year = node.facts.get("year")
                attrs.update(year=_number(year) if year is not None else None, metric=node.facts.get("metric", ""),
                             value=_number(node.facts.get("value")), unit=node.facts.get("unit", ""))
            G.add_node(iri, **attrs)
    for e in net.edges:
        G.add_edge(e.source, e.target, key=e.relation, rel=e.relation)
    return G


def class_counts(G) -> dict:
    """Nodes per contract class, every class present (zero when absent), in contract order."""
    counts = dict.fromkeys(CLASSES, 0)
    for _, cls in G.nodes(data="cls"):
        counts[cls] = counts.get(cls, 0) + 1
    return counts


def relation_counts(G) -> dict:
    """Edges per relation, most frequent first (ties by name)."""
    counts = defaultdict(int)
    for _, _, rel in G.edges(data="rel"):
        counts[rel] += 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def most_connected(G, cls: str, top: int = 10) -> list[dict]:
    """The `top` nodes of class `cls` with the most distinct neighbours (either direction).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("p", {"label": "园", "cls": "Park"}), ("e1", {"label": "甲", "cls": "Enterprise"}),
    ...                   ("e2", {"label": "乙", "cls": "Enterprise"})])
    >>> _ = G.add_edge("p", "e1", rel="hasEnterprise"); _ = G.add_edge("p", "e2", rel="hasEnterprise")
    >>> most_connected(G, "Park")
    [{'id': 'p', 'label': '园', 'degree': 2}]
    """
    undirected = G.to_undirected(as_view=True)
    rows = [{"id": n, "label": d["label"], "degree": len(set(undirected.neighbors(n)) - {n})}
            for n, d in G.nodes(data=True) if d.get("cls") == cls]
    rows.sort(key=lambda r: (-r["degree"], r["label"], r["id"]))
    return rows[:top]


def park_industries(G) -> dict:
    """Each park's industries (node ids), through any industry role."""
    out = {n: set() for n, cls in G.nodes(data="cls") if cls == "Park"}
    for s, o, rel in G.edges(data="rel"):
        if rel in INDUSTRY_RELATIONS and s in out and G.nodes[o].get("cls") == "Industry":
            out[s].add(o)
    return out


def park_similarity(G, top: int = 20, min_shared: int = 1) -> list[dict]:
    """Pairs of parks by the Jaccard similarity of their industry sets (rounded to 3 places).

    Only pairs sharing at least `min_shared` industries; best first, then by the
    number shared, then by name.
    """
    industries = park_industries(G)
    parks = sorted(industries, key=lambda n: (G.nodes[n]["label"], n))
    rows = []
    for i, a in enumerate(parks):
        for b in parks[i + 1:]:
            shared = industries[a] & industries[b]
            if len(shared) < max(min_shared, 1):
                continue
            union = industries[a] | industries[b]
            rows.append({"a": G.nodes[a]["label"], "b": G.nodes[b]["label"], "a_id": a, "b_id": b,
                         "jaccard": round(len(shared) / len(union), 3),
                         "shared": sorted(G.nodes[x]["label"] for x in shared)})
    rows.sort(key=lambda r: (-r["jaccard"], -len(r["shared"]), r["a"], r["b"]))
    return rows[:top]


def industry_cooccurrence(G):
    """An undirected graph of industries; an edge's ``weight`` is the number of parks naming both."""
    import networkx as nx

    H = nx.Graph()
    for n, d in G.nodes(data=True):
        if d.get("cls") == "Industry":
            H.add_node(n, label=d["label"])
    for industries in park_industries(G).values():
        ordered = sorted(industries)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                weight = H.edges[a, b]["weight"] + 1 if H.has_edge(a, b) else 1
                H.add_edge(a, b, weight=weight)
    return H


def industry_clusters(G, seed: int = 7, min_size: int = 2) -> list[list[str]]:
    """Industries that parks name together, as Louvain communities of the co-occurrence graph.

    Seeded, so the same graph always gives the same clusters; largest first,
    each sorted by name; clusters smaller than `min_size` are left out.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for p in ("p1", "p2", "p3", "p4"):
    ...     G.add_node(p, label=p, cls="Park")
    >>> for i, name in enumerate(["芯片", "封测", "医药", "器械"]):
    ...     G.add_node(f"i{i}", label=name, cls="Industry")
    >>> for p, a, b in (("p1", "i0", "i1"), ("p2", "i0", "i1"), ("p3", "i2", "i3"), ("p4", "i2", "i3")):
    ...     _ = G.add_edge(p, a, rel="hasIndustry"); _ = G.add_edge(p, b, rel="hasIndustry")
    >>> industry_clusters(G)
    [['医药', '器械'], ['封测', '芯片']]
    """
    import networkx as nx

    H = industry_cooccurrence(G)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(H, weight="weight", seed=seed)
    clusters = [sorted(H.nodes[n]["label"] for n in c) for c in communities if len(c) >= min_size]
    clusters.sort(key=lambda c: (-len(c), c))
    return clusters


def target_timelines(G) -> dict[str, list[dict]]:
    """Each park's targets in year order (targets without a year last), parks by name."""
    out = defaultdict(list)
    for s, o, rel in G.edges(data="rel"):
        if rel == "hasTarget" and G.nodes[o].get("cls") == "Target":
            t = G.nodes[o]
            out[G.nodes[s]["label"]].append({"year": t.get("year"), "metric": t.get("metric", ""),
                                             "value": t.get("value"), "unit": t.get("unit", "")})
    for targets in out.values():
        targets.sort(key=lambda t: (t["year"] is None, t["year"] or 0, t["metric"], str(t["value"]), t["unit"]))
    return dict(sorted(out.items()))


def provenance_counts(graph) -> dict:
    """Documents, evidence sentences and reified facts in the RDF graph."""
    from rdflib import RDF, URIRef

    def count(cls):
        return len(set(graph.subjects(RDF.type, cls)))

    return {"SourceDocument": count(URIRef(PK_NS + "SourceDocument")), "Evidence": count(URIRef(PK_NS + "Evidence")),
            "Statement": count(RDF.Statement), "triples": len(graph)}


def summarise(graph, top: int = 10, seed: int = 7) -> dict:
    """Every analysis of the RDF `graph`, as plain data (what the report and the notebook show)."""
    G = entity_graph(graph)
    return {
        "classes": class_counts(G),
        "provenance": provenance_counts(graph),
        "relations": relation_counts(G),
        "top_parks": most_connected(G, "Park", top),
        "top_enterprises": most_connected(G, "Enterprise", top),
        "top_industries": most_connected(G, "Industry", top),
        "similar_parks": park_similarity(G, top=top * 2),
        "industry_clusters": industry_clusters(G, seed=seed),
        "timelines": target_timelines(G),
        "seed": seed,
    }


# ---------------------------------------------------------------- report

def _md_table(headers, rows) -> str:
    def cell(value):
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def generate_report(summary: dict, plots: dict | None = None, title: str = "parkkg graph statistics") -> str:
    """The Markdown report of a `summarise` result; `plots` maps a section name to a PNG file name."""
    plots = plots or {}

    def figure(name, caption):
        return [f"![{caption}]({plots[name]})", ""] if name in plots else []

    out = [f"# {title}", ""]
    out += ["## Counts per class", ""]
    out += [_md_table(["class", "nodes"], list(summary["classes"].items())), ""]
    out += [_md_table(["provenance", "count"], list(summary["provenance"].items())), ""]
    out += figure("classes", "nodes per class")
    if summary["relations"]:
        out += ["## Relations", "", _md_table(["relation", "edges"], list(summary["relations"].items())), ""]
    for key, heading in (("top_parks", "Most connected parks"), ("top_enterprises", "Most connected enterprises"),
                         ("top_industries", "Most named industries")):
        out += [f"## {heading}", "", "Degree: distinct neighbours in the entity graph.", ""]
        rows = [(i + 1, r["label"], r["degree"]) for i, r in enumerate(summary[key])]
        out += [_md_table(["#", "name", "degree"], rows) if rows else "_none_", ""]
        if key == "top_parks":
            out += figure("parks", "most connected parks")
    out += ["## Park similarity by shared industries", "",
            "Jaccard similarity of the parks' industry sets (any industry role).", ""]
    rows = [(r["a"], r["b"], f'{r["jaccard"]:.3f}', "、".join(r["shared"])) for r in summary["similar_parks"]]
    out += [_md_table(["park", "park", "Jaccard", "shared industries"], rows) if rows else "_no two parks share an industry_",
            ""]
    out += figure("similarity", "park similarity")
    out += ["## Industry clusters", "",
            f"Louvain communities (seed {summary['seed']}) of the graph in which two industries are linked "
            "when a park names both, weighted by the number of such parks.", ""]
    clusters = summary["industry_clusters"]
    out += [_md_table(["cluster", "size", "industries"], [(i + 1, len(c), "、".join(c)) for i, c in enumerate(clusters)])
            if clusters else "_no industry co-occurs with another_", ""]
    out += figure("clusters", "industry co-occurrence clusters")
    out += ["## Target timelines", ""]
    if summary["timelines"]:
        for park, targets in summary["timelines"].items():
            out += [f"### {park}", ""]
            out += [_md_table(["year", "metric", "value", "unit"],
                              [(t["year"] if t["year"] is not None else "—", t["metric"],
                                "" if t["value"] is None else t["value"], t["unit"]) for t in targets]), ""]
    else:
        out += ["_no targets_", ""]
    out += figure("timeline", "targets per park and year")
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- plots

def _matplotlib():
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise missing_extra("matplotlib", "viz") from exc
    return Figure


# file names of the fonts above (and of common Chinese fonts), to find one matplotlib's font list misses
CJK_FONT_FILES = ("notosanscjk", "notoserifcjk", "notosanssc", "notoserifsc", "sourcehansans", "sourcehanserif",
                  "wqy-zenhei", "wqy-microhei", "simhei", "msyh", "pingfang", "droidsansfallback")


def cjk_font() -> str | None:
    """The name of an installed font that has Chinese glyphs, or None (install fonts-noto-cjk).

    matplotlib lists fonts from a cache written when it first ran; a CJK font installed after that
    is not in the list, and plots would draw boxes. When the list has none, the system's font files
    are searched once and any CJK font found is added to the list (``FontManager.addfont``).
    """
    from matplotlib import font_manager

    name = _cjk_in(font_manager.fontManager)
    if name is None and not getattr(cjk_font, "searched", False):
        cjk_font.searched = True
        for path in font_manager.findSystemFonts():
            if any(key in Path(path).name.lower() for key in CJK_FONT_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # a font file matplotlib cannot read
                    continue
        name = _cjk_in(font_manager.fontManager)
    return name


def _cjk_in(manager) -> str | None:
    names = {f.name for f in manager.ttflist}
    for name in CJK_FONTS:
        if name in names:
            return name
    return next((n for n in sorted(names) if "CJK" in n or "Hei" in n), None)


NO_CJK_FONT = ("no font with Chinese glyphs was found, so Chinese labels in the plots show as boxes: install one "
               "(Debian/Ubuntu: apt-get install fonts-noto-cjk; elsewhere Noto Sans CJK SC or Source Han Sans) "
               "and run kg stats again")


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    return buf.getvalue()


def plot_classes(summary, Figure):
    fig = Figure(figsize=(6, 3.2))
    ax = fig.add_subplot()
    names = list(summary["classes"])
    ax.bar(names, [summary["classes"][n] for n in names], color=[CLASS_COLOURS.get(n, "#777777") for n in names])
    ax.set_ylabel("nodes")
    ax.set_title("节点数 · nodes per class")
    fig.tight_layout()
    return fig


def plot_top(rows, title, colour, Figure):
    rows = list(reversed(rows))
    fig = Figure(figsize=(6.5, 0.35 * max(len(rows), 3) + 1.2))
    ax = fig.add_subplot()
    ax.barh([r["label"] for r in rows], [r["degree"] for r in rows], color=colour)
    ax.set_xlabel("degree")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_similarity(G, Figure, top: int = 15):
    """A heatmap of Jaccard similarity between the `top` parks with the most industries."""
    industries = park_industries(G)
    parks = sorted((p for p in industries if industries[p]),
                   key=lambda p: (-len(industries[p]), G.nodes[p]["label"], p))[:top]
    if len(parks) < 2:
        return None
    matrix = [[len(industries[a] & industries[b]) / len(industries[a] | industries[b]) for b in parks] for a in parks]
    labels = [G.nodes[p]["label"] for p in parks]
    fig = Figure(figsize=(1.0 + 0.45 * len(parks), 0.8 + 0.42 * len(parks)))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(parks)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(parks)), labels, fontsize=8)
    ax.set_title("园区相似度 · Jaccard of industries")
    fig.colorbar(image, ax=ax, shrink=0.7)
    fig.tight_layout()
    return fig


def plot_clusters(G, Figure, seed: int = 7, max_nodes: int = 60):
    """The industry co-occurrence graph (its `max_nodes` best-connected industries), coloured by cluster."""
    import networkx as nx

    H = industry_cooccurrence(G)
    H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    if H.number_of_edges() == 0:
        return None
    keep = sorted(H, key=lambda n: (-H.degree(n, weight="weight"), H.nodes[n]["label"]))[:max_nodes]
    H = H.subgraph(keep).copy()
    communities = sorted(nx.community.louvain_communities(H, weight="weight", seed=seed),
                         key=lambda c: (-len(c), sorted(H.nodes[n]["label"] for n in c)))
    palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf"]
    colour = {n: palette[i % len(palette)] for i, c in enumerate(communities) for n in c}
    nodes = sorted(H)
    pos = nx.spring_layout(H, seed=seed, weight="weight", k=2.0 / max(len(H), 1) ** 0.5, iterations=100)
    fig = Figure(figsize=(8, 6))
    ax = fig.add_subplot()
    nx.draw_networkx_edges(H, pos, ax=ax, alpha=0.25, width=[0.5 + H.edges[e]["weight"] for e in H.edges])
    nx.draw_networkx_nodes(H, pos, nodelist=nodes, ax=ax, node_size=[40 + 12 * H.degree(n) for n in nodes],
                           node_color=[colour[n] for n in nodes])
    nx.draw_networkx_labels(H, pos, labels={n: H.nodes[n]["label"] for n in nodes}, ax=ax, font_size=8,
                            font_family=cjk_font() or "sans-serif")
    ax.set_title("产业共现聚类 · industry co-occurrence clusters")
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def plot_timeline(summary, Figure, top: int = 15):
    """Targets per park and year: one dot per target, sized by how many share the year."""
    timelines = {p: [t for t in ts if t["year"] is not None] for p, ts in summary["timelines"].items()}
    timelines = {p: ts for p, ts in timelines.items() if ts}
    if not timelines:
        return None
    parks = sorted(timelines, key=lambda p: (-len(timelines[p]), p))[:top]
    fig = Figure(figsize=(7, 0.4 * len(parks) + 1.4))
    ax = fig.add_subplot()
    for row, park in enumerate(reversed(parks)):
        per_year = defaultdict(int)
        for t in timelines[park]:
            per_year[t["year"]] += 1
        years = sorted(per_year)
        ax.scatter(years, [row] * len(years), s=[40 * per_year[y] for y in years], color="#d62728", alpha=0.75)
        for year in years:
            if per_year[year] > 1:
                ax.annotate(str(per_year[year]), (year, row), ha="center", va="center", fontsize=7, color="white")
    ax.set_yticks(range(len(parks)), list(reversed(parks)), fontsize=8)
    ax.set_xlabel("target year")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_title("发展目标时间线 · targets by year")
    fig.tight_layout()
    return fig


def generate_plots(graph_or_G, summary: dict, seed: int = 7) -> dict[str, bytes]:
    """PNG bytes of each plot, by section name; plots with nothing to show are left out."""
    import networkx as nx

    Figure = _matplotlib()
    from matplotlib import rc_context

    G = graph_or_G if isinstance(graph_or_G, nx.Graph) else entity_graph(graph_or_G)
    font = cjk_font()
    rc = {"font.family": [font, "sans-serif"] if font else ["sans-serif"], "axes.unicode_minus": False}
    figures = {}
    with rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")  # no CJK font: boxes, noted in the report
        candidates = {
            "classes": lambda: plot_classes(summary, Figure),
            "parks": lambda: plot_top(summary["top_parks"], "最具连接度的园区 · most connected parks",
                                      CLASS_COLOURS["Park"], Figure) if summary["top_parks"] else None,
            "similarity": lambda: plot_similarity(G, Figure),
            "clusters": lambda: plot_clusters(G, Figure, seed=seed),
            "timeline": lambda: plot_timeline(summary, Figure),
        }
        for name, make in candidates.items():
            fig = make()
            if fig is not None:
                figures[name] = _png(fig)
    return figures


def write_report(graph, out_dir, top: int = 10, seed: int = 7, plots: bool = True,
                 title: str = "parkkg graph statistics", notes: list | None = None) -> list[Path]:
    """Write ``report.md`` (and ``stats-*.png`` plots) into `out_dir`; return the paths written.

    Plots need matplotlib (``pip install 'parkkg[viz]'``); without it the
    report is written without them and says so, in the report and in `notes`
    (a list the caller shows on the terminal).
    """
    out_dir = Path(out_dir)
    summary = summarise(graph, top=top, seed=seed)
    written, names, note = [], {}, ""
    if plots:
        try:
            images = generate_plots(entity_graph(graph), summary, seed=seed)
        except OptionalDependencyError as exc:
            images, note = {}, f"_Plots skipped: {exc}._"
            if notes is not None:
                notes.append(f"plots skipped: {exc}")
        for name, data in images.items():
            path = out_dir / f"stats-{name}.png"
            atomic_write_bytes(path, data)
            names[name] = path.name
            written.append(path)
        if images and cjk_font() is None:
            note = f"_{NO_CJK_FONT[0].upper()}{NO_CJK_FONT[1:]}._"
            if notes is not None:
                notes.append(NO_CJK_FONT)
    text = generate_report(summary, names, title=title)
    if note:
        text = text.replace("\n", f"\n\n{note}\n", 1)
    report = out_dir / "report.md"
    atomic_write_text(report, text)
    return [report] + written
