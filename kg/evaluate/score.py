"""Scoring: one document's counts against its gold, the report over all documents, and their text forms."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.evaluate.predicted import Prediction, predicted
from kg.evaluate.rules import GROUPS, ROLES, SYMMETRIC, TOLERANCE, base_quantity, norm, prf


@dataclass
class DocScore:
    """One document's counts per key (an entity class, a property, Target or industry role)."""

    counts: dict = field(default_factory=dict)  # key -> (tp, fp, fn)
    misses: list = field(default_factory=list)
    false_hits: list = field(default_factory=list)

    def add(self, key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        a, b, c = self.counts.get(key, (0, 0, 0))
        self.counts[key] = (a + tp, b + fp, c + fn)


def _gold_names(gold: dict) -> dict:
    out = {}
    for e in gold["entities"]:
        names = {norm(e["name"], e["type"])} | {norm(a, e["type"]) for a in e.get("aliases", [])}
        out[(e["type"], e["name"])] = names
    return out


def _symmetric_key(a: str, rel: str, b: str) -> tuple:
    if rel in SYMMETRIC and b < a:
        a, b = b, a
    return (a, rel, b)


def score_document(gold: dict, g) -> DocScore:
    """Compare one gold annotation (the JSON as a dict) with graph `g` (read with its ontology)."""
    out = DocScore()
    pred = predicted(g)
    node_to_gold = _score_entities(out, pred, _gold_names(gold))
    _score_relations(out, pred, gold["relations"], node_to_gold)
    _score_targets(out, pred, gold["targets"], node_to_gold)
    return out


def _gold_hit(kind: str, names: set, gold_names: dict, matched: set):
    """The gold entity a predicted one matches: same class, a shared name; an unmatched one first, else the
    last that shares a name (a duplicate), else None."""
    hit = None
    for (gkind, gname), gnames in gold_names.items():
        if gkind == kind and names & gnames:
            hit = (gkind, gname)
            if hit not in matched:
                break
    return hit


def _score_entities(out: DocScore, pred: Prediction, gold_names: dict) -> dict:
    """Entities, one-to-one, same class, any shared name or alias; returns node -> the gold name it matched."""
    node_to_gold = {}
    matched = set()
    for node, (kind, names) in sorted(pred.entities.items(), key=lambda kv: str(kv[0])):
        hit = _gold_hit(kind, names, gold_names, matched)
        if hit is not None:
            node_to_gold[node] = hit[1]
        if hit is not None and hit not in matched:
            matched.add(hit)
            out.add(kind, tp=1)
        else:
            out.add(kind, fp=1)
            label = sorted(names)[0] if names else str(node)
            out.false_hits.append(f"{kind}: {label}" + (" (duplicate)" if hit else ""))
    for key in gold_names:
        if key not in matched:
            out.add(key[0], fn=1)
            out.misses.append(f"{key[0]}: {key[1]}")
    return node_to_gold


def _score_relations(out: DocScore, pred: Prediction, gold_relations: list, node_to_gold: dict) -> None:
    """Relations, on the gold names their ends matched; the industry role scored apart where the gold gives one."""
    gold_rel = {}
    for r in gold_relations:
        base = "hasIndustry" if r["p"] in ROLES else r["p"]
        gold_rel[_symmetric_key(r["s"], base, r["o"])] = r["p"] if r["p"] in ROLES else None
    pred_rel = {}
    for s, rel, o in sorted(pred.relations, key=lambda t: tuple(map(str, t))):
        key = _symmetric_key(node_to_gold.get(s, str(s)), rel, node_to_gold.get(o, str(o)))
        pred_rel.setdefault(key, pred.roles.get((s, o)) if rel == "hasIndustry" else None)
    for k, role in pred_rel.items():
        if k in gold_rel:
            out.add(k[1], tp=1)
            if gold_rel[k]:
                out.add("industry role", tp=int(role == gold_rel[k]), fp=int(role != gold_rel[k]))
        else:
            out.add(k[1], fp=1)
            out.false_hits.append(f"{k[1]}: {k[0]} -> {k[2]}")
    for k in gold_rel:
        if k not in pred_rel:
            out.add(k[1], fn=1)
            out.misses.append(f"{k[1]}: {k[0]} -> {k[2]}")


def _same_target(p: dict, t: dict, node_to_gold: dict) -> bool:
    """A predicted target `p` is gold target `t`: same park, same quantity (within TOLERANCE), same year."""
    unit, value = base_quantity(t["value"], t["unit"])
    punit, pvalue = base_quantity(p["value"], p["unit"])
    return (node_to_gold.get(p["park"]) == t["park"] and punit == unit and pvalue is not None
            and value is not None and abs(pvalue - value) <= TOLERANCE * max(abs(value), 1e-9)
            and p["year"] == t.get("year"))


def _score_targets(out: DocScore, pred: Prediction, gold_targets: list, node_to_gold: dict) -> None:
    """Targets, each gold one matched to the first free predicted one that is the same target."""
    free = list(pred.targets)
    for t in gold_targets:
        found = next((p for p in free if _same_target(p, t, node_to_gold)), None)
        if found is not None:
            free.remove(found)
            out.add("Target", tp=1)
        else:
            out.add("Target", fn=1)
            out.misses.append(f"Target: {t['park']} {t.get('year')} {t.get('metric')} {t['value']}{t['unit']}")
    for p in free:
        out.add("Target", fp=1)
        out.false_hits.append(f"Target: {node_to_gold.get(p['park'], p['park'])} {p['year']} "
                              f"{p['metric']} {p['value']}{p['unit'] or ''}")


@dataclass
class EvalReport:
    """Every document's score, in document order, and the totals over them."""

    documents: dict = field(default_factory=dict)  # doc id -> DocScore

    def totals(self) -> dict:
        """key -> (tp, fp, fn) summed over the documents."""
        totals: dict = {}
        for ds in self.documents.values():
            for k, (tp, fp, fn) in ds.counts.items():
                a, b, c = totals.get(k, (0, 0, 0))
                totals[k] = (a + tp, b + fp, c + fn)
        return totals

    def scores(self) -> dict:
        """The referee's ``scores``: each key that occurred, then ``ALL <group>`` per group.

        >>> r = EvalReport({"d": DocScore({"Park": (2, 1, 1)})})
        >>> r.scores()["Park"]["f1"], r.scores()["ALL relations"]["f1"]
        (0.6667, 0.0)
        """
        totals = self.totals()
        out = {}
        for group, keys in GROUPS:
            tp = fp = fn = 0
            for k in keys:
                if k in totals:
                    a, b, c = totals[k]
                    tp, fp, fn = tp + a, fp + b, fn + c
                    out[k] = prf(a, b, c)
            out[f"ALL {group}"] = prf(tp, fp, fn)
        return out

    def to_json(self) -> dict:
        """The figures in the shape of the referee's ``--json`` file."""
        return {"documents": {doc: {"misses": ds.misses, "false_hits": ds.false_hits}
                              for doc, ds in self.documents.items()},
                "scores": self.scores()}


def format_scores(report: EvalReport) -> str:
    """The score table, laid out as the referee prints it.

    >>> print(format_scores(EvalReport({"d": DocScore({"Park": (1, 0, 1)})})).splitlines()[1])
    Park                    1.000  0.500  0.667     1     0     1
    """
    lines = [f"{'':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for key, s in report.scores().items():
        lines.append(f"{key:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                     f"{s['tp']:5d} {s['fp']:5d} {s['fn']:5d}")
    return "\n".join(lines)


def format_document(doc: str, ds: DocScore) -> str:
    """One document's misses and false hits, one per line.

    >>> print(format_document("d", DocScore(misses=["Park: 苏州高新区"], false_hits=["Industry: 园区"])))
    == d
       miss  Park: 苏州高新区
       extra Industry: 园区
    """
    lines = [f"== {doc}"]
    lines += [f"   miss  {m}" for m in ds.misses]
    lines += [f"   extra {m}" for m in ds.false_hits]
    return "\n".join(lines)
