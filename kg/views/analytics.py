"""Analytics over the graph with networkx: who is central, which parks are alike, what clusters.

`entity_graph` turns the RDF graph into a networkx ``MultiDiGraph`` of the
contract classes (nodes carry ``label`` and ``cls``; target nodes also
``year``, ``metric``, ``value``, ``unit``; edges carry ``rel``). Every other
function is plain, networkx style: a graph in, plain data out, so it is easy to
test on tiny graphs and to reuse in a notebook. `summarise` gathers them
(`kg.views.measures`), `generate_report` renders Markdown (`kg.views.report`),
`generate_plots` draws PNG plots (`kg.views.plots`, when matplotlib is
installed: ``pip install 'parkkg[viz]'``), and `write_report`, here, writes
``report.md`` and the plots. Every name is re-exported here.

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

from pathlib import Path

from kg.errors import OptionalDependencyError
from kg.graph.serialize import atomic_write_bytes, atomic_write_text
from kg.views import plots as _plots
from kg.views.measures import (CLASSES, INDUSTRY_RELATIONS, class_counts, entity_graph,  # noqa: F401
                               industry_clusters, industry_cooccurrence, most_connected, park_industries,
                               park_similarity, provenance_counts, relation_counts, summarise, target_timelines)
from kg.views.palette import CLASS_COLOURS  # noqa: F401
from kg.views.plots import (CJK_FONT_FILES, CJK_FONTS, NO_CJK_FONT, cjk_font, generate_plots,  # noqa: F401
                            plot_classes, plot_clusters, plot_similarity, plot_timeline, plot_top)
from kg.views.report import generate_report


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
            images = _plots.generate_plots(entity_graph(graph), summary, seed=seed)
        except OptionalDependencyError as exc:
            images, note = {}, f"_Plots skipped: {exc}._"
            if notes is not None:
                notes.append(f"plots skipped: {exc}")
        for name, data in images.items():
            path = out_dir / f"stats-{name}.png"
            atomic_write_bytes(path, data)
            names[name] = path.name
            written.append(path)
        if images and _plots.cjk_font() is None:
            note = f"_{NO_CJK_FONT[0].upper()}{NO_CJK_FONT[1:]}._"
            if notes is not None:
                notes.append(NO_CJK_FONT)
    text = generate_report(summary, names, title=title)
    if note:
        text = text.replace("\n", f"\n\n{note}\n", 1)
    report = out_dir / "report.md"
    atomic_write_text(report, text)
    return [report] + written
