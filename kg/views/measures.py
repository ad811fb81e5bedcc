"""The measures of the entity graph, networkx style: a graph in, plain data out.

`entity_graph` turns the RDF graph into a networkx ``MultiDiGraph`` of the
contract classes (nodes carry ``label`` and ``cls``; target nodes also ``year``,
``metric``, ``value``, ``unit``; edges carry ``rel``); every other function takes
that graph and returns plain data, so it is easy to test on tiny graphs and to
reuse in a notebook. `summarise` gathers them.
"""
from __future__ import annotations

from collections import defaultdict

from kg.graph.network import NODE_CLASSES as CLASSES  # one list of the contract classes
from kg.namespace import PK_NS

INDUSTRY_RELATIONS = ("hasIndustry", "hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry")


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
