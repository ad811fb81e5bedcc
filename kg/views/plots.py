"""PNG plots of the measures with matplotlib (``pip install 'parkkg[viz]'``), with a font that has Chinese glyphs."""
from __future__ import annotations

import io
import warnings
from collections import defaultdict
from pathlib import Path

from kg.errors import missing_extra
from kg.views.measures import entity_graph, industry_cooccurrence, park_industries
from kg.views.palette import CLASS_COLOURS

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK JP", "Noto Serif CJK SC")


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
