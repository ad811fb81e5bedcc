"""Score graphs against document-level gold annotations: the library behind ``kg eval``.

The referee is ``../shared/eval/score.py``; this module ports its logic so that a
whole gold folder can be scored in one process with one pipeline (no ``kg build``
subprocess per document) and gives the same figures. The rules, as the referee
applies them:

- entities match one-to-one, same contract class, when any name or alias is
  shared after `norm` (industries also drop a trailing 产业/行业/集群);
- relations are compared on the gold names their ends matched; the industry
  roles (leading, emerging, future) count as ``hasIndustry`` and the role is
  scored apart, where the gold gives one; ``cooperatesWith`` is symmetric;
- targets match on park, quantity (within 0.5 %, 亿元 = 10000万元) and year.

Each document's graph is read together with the ontology, so that subclasses
and subproperties count as the contract's classes and properties.

>>> from rdflib import Graph, Literal, Namespace, RDF, RDFS
>>> pk = Namespace("https://w3id.org/parkkg/ontology#")
>>> g = Graph()
>>> _ = g.add((pk.p1, RDF.type, pk.Park)).add((pk.p1, RDFS.label, Literal("苏州高新区", lang="zh")))
>>> gold = {"entities": [{"type": "Park", "name": "苏州高新区", "aliases": []},
...                      {"type": "Industry", "name": "集成电路", "aliases": []}],
...         "relations": [], "targets": []}
>>> score = score_document(gold, g)
>>> score.counts["Park"], score.counts["Industry"], score.misses
((1, 0, 0), (0, 0, 1), ['Industry: 集成电路'])
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

PK_NS = "https://w3id.org/parkkg/ontology#"
ENTITY_TYPES = ("Park", "Industry", "Enterprise", "Platform")
RELATIONS = ("hasIndustry", "hasEnterprise", "hasPlatform", "benchmarksAgainst", "cooperatesWith", "hasSubPark")
ROLES = ("hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry")
SYMMETRIC = frozenset({"cooperatesWith"})
# The groups of the score table, in the referee's order.
GROUPS = (("entities", ENTITY_TYPES), ("relations", RELATIONS), ("targets", ("Target",)),
          ("roles", ("industry role",)))
QUOTES = "“”\"'‘’《》「」『』〈〉"
INDUSTRY_SUFFIX = re.compile(r"(产业集群|产业链|产业|行业|集群)$")
UNIT_SCALE = (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7),
              ("百万", 1e6), ("万", 1e4), ("千", 1e3))
TOLERANCE = 0.005  # relative difference under which two target quantities are the same


# ---------------------------------------------------------------- pure helpers


def norm(name: str, kind: str = "") -> str:
    """The form names are compared in: NFKC, no spaces or quotes, lower case; industries lose 产业.

    >>> norm("《苏州 BioBAY》"), norm("生物医药产业", "Industry"), norm("产业", "Industry")
    ('苏州biobay', '生物医药', '产业')
    """
    s = unicodedata.normalize("NFKC", str(name))
    s = "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES).lower()
    if kind == "Industry":
        stripped = INDUSTRY_SUFFIX.sub("", s)
        if len(stripped) >= 2:
            s = stripped
    return s


def base_quantity(value, unit) -> tuple:
    """(base unit, value in that unit), so that 1.2万亿元 and 12000亿元 compare equal.

    >>> base_quantity(1.2, "万亿元"), base_quantity("12000", "亿元以上")
    (('元', 1200000000000.0), ('元', 1200000000000.0))
    >>> base_quantity("n/a", "家")
    ('家', None)
    """
    unit = unicodedata.normalize("NFKC", str(unit or "")).strip()
    unit = unit.replace("以上", "").replace("多", "")
    scale = 1.0
    for prefix, factor in UNIT_SCALE:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            scale, unit = factor, unit[len(prefix):]
            break
    try:
        return unit, float(value) * scale
    except (TypeError, ValueError):
        return unit, None


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (rounded to 4 places, 0 where undefined) with the counts.

    >>> prf(3, 1, 2)
    {'tp': 3, 'fp': 1, 'fn': 2, 'precision': 0.75, 'recall': 0.6, 'f1': 0.6667}
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


# ---------------------------------------------------------------- what a graph states


@dataclass(frozen=True)
class Prediction:
    """What a graph states, in the terms the scorer compares."""

    entities: dict  # node -> (contract class, set of normalised names)
    relations: frozenset  # (subject node, contract property, object node)
    roles: dict  # (park node, industry node) -> role property
    targets: tuple  # dicts: park, value, unit, year, metric


def _subclasses(g, cls) -> set:
    from rdflib import RDFS

    return set(g.transitive_subjects(RDFS.subClassOf, cls))


def _subproperties(g, prop) -> set:
    from rdflib import RDFS

    return set(g.transitive_subjects(RDFS.subPropertyOf, prop))


def _names_of(g, node, kind: str) -> set:
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    labels = set(g.objects(node, RDFS.label)) | set(g.objects(node, SKOS.prefLabel))
    labels |= set(g.objects(node, SKOS.altLabel))
    return {norm(x, kind) for x in labels if str(x).strip()}


def predicted(g) -> Prediction:
    """Entities, relations and targets as graph `g` (read with its ontology) states them."""
    from rdflib import RDF, URIRef

    def pk(local: str) -> URIRef:
        return URIRef(PK_NS + local)

    entities: dict = {}
    for kind in ENTITY_TYPES:
        for cls in _subclasses(g, pk(kind)):
            for node in g.subjects(RDF.type, cls):
                if node not in entities:
                    entities[node] = (kind, _names_of(g, node, kind))
    relations = set()
    for rel in RELATIONS:
        for prop in _subproperties(g, pk(rel)):
            for s, o in g.subject_objects(prop):
                relations.add((s, rel, o))
    roles: dict = {}
    for role in ROLES:
        for prop in _subproperties(g, pk(role)):
            for s, o in g.subject_objects(prop):
                roles[(s, o)] = role
    targets = []
    for prop in _subproperties(g, pk("hasTarget")):
        for park, t in g.subject_objects(prop):
            year = g.value(t, pk("targetYear"))
            try:
                year = int(str(year)[:4]) if year is not None else None
            except ValueError:
                year = None
            targets.append({"park": park, "node": t, "value": g.value(t, pk("targetValue")),
                            "unit": g.value(t, pk("unit")), "year": year,
                            "metric": str(g.value(t, pk("metric")) or "")})
    # a stable order, so that greedy matching and the reports do not depend on hashing
    targets.sort(key=lambda t: (str(t["park"]), str(t["node"])))
    return Prediction(entities, frozenset(relations), roles, tuple(targets))


# ---------------------------------------------------------------- scoring


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

    # entities: one-to-one, same class, any shared name or alias
    gold_names = _gold_names(gold)
    node_to_gold = {}
    matched = set()
    for node, (kind, names) in sorted(pred.entities.items(), key=lambda kv: str(kv[0])):
        hit = None
        for (gkind, gname), gnames in gold_names.items():
            if gkind == kind and names & gnames:
                hit = (gkind, gname)
                if hit not in matched:
                    break
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

    # relations, on the gold names their ends matched
    gold_rel = {}
    for r in gold["relations"]:
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

    # targets: same park, same quantity (within TOLERANCE), same year
    free = list(pred.targets)
    for t in gold["targets"]:
        unit, value = base_quantity(t["value"], t["unit"])
        found = None
        for p in free:
            punit, pvalue = base_quantity(p["value"], p["unit"])
            if (node_to_gold.get(p["park"]) == t["park"] and punit == unit and pvalue is not None
                    and value is not None and abs(pvalue - value) <= TOLERANCE * max(abs(value), 1e-9)
                    and p["year"] == t.get("year")):
                found = p
                break
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
    return out


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


# ---------------------------------------------------------------- files


def read_gold(path: Path | str) -> dict:
    """One gold JSON file, checked for the keys the scorer reads."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable gold JSON file ({exc}); fix it or remove it from the gold "
                         "folder") from exc
    if not isinstance(gold, dict):
        raise InputError(f"{path}: a gold file holds one JSON object; see CONTRACT.md for its keys")
    gold.setdefault("relations", [])
    gold.setdefault("targets", [])
    problems = []
    if not isinstance(gold.get("entities"), list):
        problems.append("no 'entities' list")
    for e in gold.get("entities") or []:
        if not (isinstance(e, dict) and "type" in e and "name" in e):
            problems.append(f"an entity without type and name: {e!r}")
    for r in gold["relations"]:
        if not (isinstance(r, dict) and {"s", "p", "o"} <= set(r)):
            problems.append(f"a relation without s, p and o: {r!r}")
    for t in gold["targets"]:
        if not (isinstance(t, dict) and {"park", "value", "unit"} <= set(t)):
            problems.append(f"a target without park, value and unit: {t!r}")
    if problems:
        raise InputError(f"{path}: {problems[0]}; gold files follow the format in CONTRACT.md")
    return gold


def gold_files(gold_dir: Path | str) -> list[Path]:
    """The gold files of a folder (``<doc>.json``), sorted by name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such folder; give --gold the folder of <doc>.json gold files")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{gold_dir}: holds no .json gold files; give --gold the folder of <doc>.json files")
    return files


def read_document_text(texts_dir: Path | str, doc: str):
    """The `RawDocument` of ``TEXTS/<doc>.txt``, read as ``kg build`` reads it."""
    from kg.text.readers import RawDocument, read_path

    path = Path(texts_dir) / f"{doc}.txt"
    if not path.is_file():
        raise InputError(f"{path}: no text for the gold file {doc}.json; give --texts the folder that holds "
                         f"{doc}.txt")
    for item in read_path(path):
        if isinstance(item, RawDocument):
            return item
        raise item
    raise InputError(f"{path}: holds no text; give the text the gold file {doc}.json annotates")


def document_graph(result, lexicon):
    """The graph ``kg build`` writes for one document, built in memory."""
    from kg.graph.build import build_graph
    from kg.pipeline import merge_results

    return build_graph(merge_results([result], lexicon=lexicon), lexicon)


def evaluate(gold_dir: Path | str, texts_dir: Path | str, *, pipeline=None, ontology_dir=None,
             progress: bool = False) -> EvalReport:
    """Build each gold document's text with one pipeline and score its graph against the gold.

    Each graph is read together with the ontology files (`kg.ontology.ontology_files`),
    as the referee reads a build with ``--ontology ontology``.
    """
    from rdflib.graph import ReadOnlyGraphAggregate

    from kg.ontology import load_graph
    from kg.pipeline import Pipeline

    files = gold_files(gold_dir)
    golds = [(f.stem, read_gold(f)) for f in files]
    texts = [read_document_text(texts_dir, doc) for doc, _ in golds]  # fail early, before the slow part
    if pipeline is None:
        pipeline = Pipeline(ontology_dir=ontology_dir)
    ontology = load_graph(ontology_dir)
    report = EvalReport()
    items = zip(golds, texts)
    if progress:
        try:
            import sys

            from tqdm import tqdm

            items = tqdm(list(items), desc="evaluating", unit="doc", file=sys.stderr, leave=False)
        except ImportError:  # pragma: no cover
            pass
    for (doc, gold), raw in items:
        graph = document_graph(pipeline.process(raw), pipeline.lexicon)
        report.documents[doc] = score_document(gold, ReadOnlyGraphAggregate([ontology, graph]))
    return report


def write_report_json(report: EvalReport, path: Path | str) -> None:
    """Write the figures as the referee's ``--json`` does (atomically)."""
    from kg.graph.serialize import atomic_write_text

    atomic_write_text(path, json.dumps(report.to_json(), ensure_ascii=False, indent=1))
