"""The Markdown report of `kg.views.measures.summarise` (what ``kg stats`` writes as report.md)."""
from __future__ import annotations


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
