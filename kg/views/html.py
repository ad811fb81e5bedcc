"""An interactive HTML network of the graph that opens offline and never runs the data.

The page uses vis-network as pyvis ships it (``pyvis/lib/vis-9.1.2``), inlined,
but not pyvis' page template: that template links Bootstrap and tom-select on
CDNs and puts node titles into the page as HTML. Here the page is written from
scratch so that:

- no request leaves the page: every script and style is inline, and a
  Content-Security-Policy with ``default-src 'none'`` and script hashes makes
  any request or injected script a visible error rather than a silent one;
- the data travels as one JSON block (``<script type="application/json">``)
  in which ``<``, ``>``, ``&``, U+2028 and U+2029 are escaped, and the page's
  script builds every label, tooltip and menu entry with ``textContent``, so a
  ``<script>`` or ``onerror=`` in an article is shown as text, never run;
- colours, the legend and a filter follow the ontology class; a search box
  finds a node by name or alias; a park menu shows one park and its neighbours;
  hovering shows the name, class and evidence sentences with their documents;
- physics stabilises the layout once and is then switched off, so a graph of
  a few thousand nodes stays responsive.

`network_data` (`kg.views.html_data`) gives the page's data as plain dicts (what
tests and notebooks read), with the filters of `kg.views.html_attributes`;
`generate_html` gives the page, with the style sheet and script of
`kg.views.html_assets`; `write_html` writes it atomically.

>>> from rdflib import Graph, Literal, Namespace, RDF
>>> from rdflib.namespace import SKOS
>>> PK = Namespace("https://w3id.org/parkkg/ontology#")
>>> g = Graph()
>>> park, ind = PK.p1, PK.i1
>>> _ = g.add((park, RDF.type, PK.Park)); _ = g.add((park, SKOS.prefLabel, Literal("苏州高新区", lang="zh")))
>>> _ = g.add((ind, RDF.type, PK.Industry)); _ = g.add((ind, SKOS.prefLabel, Literal("集成电路")))
>>> _ = g.add((park, PK.hasLeadingIndustry, ind))
>>> data = network_data(g)
>>> [(n["label"], n["cls"], n["degree"]) for n in data["nodes"]]
[('苏州高新区', 'Park', 1), ('集成电路', 'Industry', 1)]
>>> [(e["rel"], e["relLabel"]) for e in data["edges"]]
[('hasLeadingIndustry', '主导产业')]
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from pathlib import Path

from kg.errors import OptionalDependencyError, missing_extra
from kg.graph.serialize import atomic_write_text
from kg.views.html_attributes import MAX_ATTRIBUTE_VALUES, node_attributes  # noqa: F401  (re-exported)
from kg.views.html_data import (MAX_EVIDENCE, MAX_SENTENCE, corpus_facts, network_data,  # noqa: F401
                                ontology_labels)
from kg.views.palette import CLASS_COLOURS, CLASS_NAMES_ZH  # noqa: F401

EDGE_LABELS_UP_TO = 400  # draw relation names on edges only for graphs this small
HIDE_ISOLATED_ABOVE = 300  # past this many nodes, nodes with no relation are hidden at first (the slider shows them)
TOP_LABELS = 40  # the most connected visible nodes keep a label at every zoom
VIS_VERSION = "vis-9.1.2"


def corpus_title(paths, graph=None) -> str:
    """The page's title: the names of the inputs (not their paths) and, with `graph`, its documents and dates.

    >>> corpus_title(["/data/news/park_news.jsonl", "seeds/"])
    'parkkg · park_news, seeds'
    """
    names = []
    for p in paths:
        name = Path(str(p).rstrip("/\\")).name
        name = name.rsplit(".", 1)[0] if "." in name else name
        if name and name not in names:
            names.append(name)
    title = "parkkg · " + ", ".join(names[:3]) + (f" 等 {len(names)} 项" if len(names) > 3 else "")
    if graph is not None:
        facts = corpus_facts(graph)
        title += f" · {facts['documents']} 篇文档"
        if facts["first"]:
            title += f" · {facts['first']} – {facts['last']}" if facts["last"] != facts["first"] else f" · {facts['first']}"
    return title


def vis_options(node_count: int, edge_count: int, seed: int = 7) -> dict:
    """vis-network options: class colours, sizes by degree, a stabilise-once physics.

    Large graphs get fewer iterations, no initial Kamada-Kawai pass and hidden
    edges while dragging, so the page opens in seconds and stays usable.

    >>> vis_options(2000, 4000)["physics"]["stabilization"]["iterations"]
    120
    """
    large = node_count > 300
    iterations = 300 if not large else 200 if node_count <= 1000 else 120
    # hubs' labels grow with degree; a big graph is seen zoomed out, so it can afford bigger ones
    # (vis-network 9.1's scaling.label.maxVisible is not applied when drawing, so cap it here)
    label_max = 22 if node_count <= 60 else 32 if node_count <= 600 else 42
    return {
        "groups": {cls: {"color": {"background": colour, "border": colour,
                                   "highlight": {"background": colour, "border": "#222222"},
                                   "hover": {"background": colour, "border": "#222222"}}}
                   for cls, colour in CLASS_COLOURS.items()},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "scaling": {"min": 7, "max": 34, "label": {"enabled": True, "min": 14, "max": label_max,
                                                              "drawThreshold": 8}},
                  "font": {"face": "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', sans-serif",
                           "color": "#222222"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "color": {"color": "#b8b8b8", "highlight": "#444444", "hover": "#666666"},
                  "font": {"size": 9, "color": "#666666", "strokeWidth": 2, "align": "middle"},
                  "width": 1},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -45, "springLength": 90,
                                         "springConstant": 0.06, "avoidOverlap": 0.2},
                    "stabilization": {"enabled": True, "iterations": iterations,
                                      "updateInterval": 10, "fit": True},
                    "minVelocity": 0.75},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large or edge_count > 1000,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "layout": {"randomSeed": seed, "improvedLayout": node_count <= 100},
    }


def json_for_script(value) -> str:
    """JSON text that is safe inside a ``<script>`` element, sorted so the page is deterministic.

    ``<``, ``>`` and ``&`` become ``\\u003c``/``\\u003e``/``\\u0026`` (so no ``</script>``
    or ``<!--`` can end the block), and U+2028/U+2029 are escaped too.

    >>> json_for_script({"name": "</script><b>&\\u2028"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def vis_network_js() -> str:
    """The vis-network script that pyvis ships (read from the installed pyvis package)."""
    try:
        import pyvis
    except ImportError as exc:  # pragma: no cover - pyvis is a dependency
        raise missing_extra("pyvis", "viz") from exc
    path = Path(pyvis.__file__).resolve().parent / "lib" / VIS_VERSION / "vis-network.min.js"
    if not path.exists():  # pragma: no cover - depends on the pyvis release
        raise OptionalDependencyError(f"{path}: pyvis no longer ships {VIS_VERSION}; "
                            "install the version the project pins: pip install 'pyvis>=0.3.2,<0.4'")
    script = path.read_text(encoding="utf-8")
    if "</script" in script.lower():  # pragma: no cover - guards the inlining below
        raise OptionalDependencyError(f"{path}: the vis-network script contains '</script' and cannot be "
                                      "inlined; install the version the project pins: pip install 'pyvis>=0.3.2,<0.4'")
    return script


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def generate_html(graph, title: str = "parkkg", labels: dict | None = None) -> str:
    """A self-contained HTML page for `graph`: no external request, no executable data."""
    from kg.views.html_assets import APP_JS, PAGE_CSS

    data = network_data(graph, labels)
    min_degree = 1 if len(data["nodes"]) > HIDE_ISOLATED_ABOVE else 0
    first_view = [n for n in data["nodes"] if n["degree"] >= min_degree]
    data["view"] = {"minDegree": min_degree, "topLabels": TOP_LABELS,
                    "maxDegree": max([1] + [min(n["degree"], 20) for n in data["nodes"]])}
    data["options"] = vis_options(len(first_view), len(data["edges"]))
    data["edgeLabels"] = len(data["edges"]) <= EDGE_LABELS_UP_TO
    data["title"] = title
    vis_js = vis_network_js()
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(APP_JS)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{html.escape(csp, quote=False)}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<title>{html.escape(title)}</title>\n",
        f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n",
        "<header id=\"pk-header\">\n",
        f"  <h1 id=\"pk-title\">{html.escape(title)}</h1>\n",
        "  <div id=\"pk-controls\">\n",
        "    <form id=\"pk-search-form\" role=\"search\"><input id=\"pk-search\" type=\"search\" "
        "list=\"pk-names\" placeholder=\"搜索名称…\" aria-label=\"搜索节点\" autocomplete=\"off\">"
        "<button type=\"submit\">查找</button><datalist id=\"pk-names\"></datalist></form>\n",
        "    <label class=\"pk-park\">园区 <select id=\"pk-park\" aria-label=\"按园区筛选\">"
        "<option value=\"\">全部</option></select></label>\n",
        "    <span id=\"pk-classes\" role=\"group\" aria-label=\"按类别筛选\"></span>\n",
        "    <span id=\"pk-attributes\" role=\"group\" aria-label=\"按属性筛选\"></span>\n",
        "    <label title=\"隐藏关系少于此数的节点（0：显示孤立节点）\">最少关系 <input id=\"pk-degree\" type=\"range\" "
        "min=\"0\" max=\"20\" step=\"1\" value=\"0\" aria-label=\"最少关系数\"><span id=\"pk-degree-value\" "
        "class=\"pk-range-value\"></span></label>\n",
        "    <label title=\"隐藏置信度低于此值的关系\">置信度 <input id=\"pk-confidence\" type=\"range\" min=\"0\" "
        "max=\"1\" step=\"0.05\" value=\"0\" aria-label=\"最低置信度\"><span id=\"pk-confidence-value\" "
        "class=\"pk-range-value\"></span></label>\n",
        "    <label><input id=\"pk-labels\" type=\"checkbox\" checked> 标签</label>\n",
        "    <button id=\"pk-reset\" type=\"button\">重置</button>\n",
        "  </div>\n",
        "  <div id=\"pk-status\" aria-live=\"polite\"></div>\n",
        "</header>\n",
        "<div id=\"pk-body\"><main id=\"pk-network\"></main>"
        "<aside id=\"pk-focus\" aria-label=\"聚焦节点的关系与证据\" hidden></aside></div>\n",
        f"<script type=\"application/json\" id=\"pk-data\">{json_for_script(data)}</script>\n",
        f"<script>{vis_js}</script>\n",
        f"<script>{APP_JS}</script>\n",
        "</body>\n</html>\n",
    ])


def write_html(graph, path, title: str = "parkkg") -> None:
    """Write the page for `graph` to `path` (atomically: a killed build leaves the old page)."""
    atomic_write_text(path, generate_html(graph, title))
