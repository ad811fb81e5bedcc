#!/usr/bin/env python3
"""Fit the relation and target confidence models on gold annotations, documents held out.

Each gold document is built with the pipeline; every relation candidate and every target
is labelled right or wrong against the document's gold (names and aliases compared as
`../shared/eval/score.py` compares them) and described by its features
(`kg.extract.confidence`). An L2-regularised logistic regression is fitted; its
leave-one-document-out probabilities give the reliability table and the threshold
(the lowest that keeps held-out precision at or above --precision); the model fitted on
all documents is written to kg/extract/confidence_weights.py. With --judged readings, the
model's score is calibrated on them (pool-adjacent-violators, blocks of at least MIN_BLOCK
facts, each article calibrated by points fitted without it), so that a stated confidence is
the rate at which such facts of random corpus articles are right.

    .venv/bin/python scripts/fit_confidence.py --gold ../shared/gold/dev ../shared/seeds \\
        --gold ../shared/gold/news ../shared/gold/news/texts --report docs/confidence.md
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.confidence import RELATION_FEATURES, TARGET_FEATURES  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402
from kg.text.readers import RawDocument  # noqa: E402

MIN_FACTS = 30
MIN_BLOCK = 20  # facts behind each calibration point
JUDGED = "judged readings"  # fewer held-out facts than this choose no threshold
QUOTES = "“”\"'‘’《》「」『』〈〉"
INDUSTRY_SUFFIX = re.compile(r"(产业集群|产业链|产业|行业|集群)$")
ROLES = {"hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry"}
SYMMETRIC = {"cooperatesWith"}


def norm(name: str, kind: str = "") -> str:
    s = unicodedata.normalize("NFKC", str(name))
    s = "".join(ch for ch in s if not ch.isspace() and ch not in QUOTES).lower()
    if kind == "Industry":
        stripped = INDUSTRY_SUFFIX.sub("", s)
        s = stripped if len(stripped) >= 2 else s
    return s


def base_property(prop: str) -> str:
    return "hasIndustry" if prop in ROLES else prop


def gold_names(gold: dict) -> dict:
    """Canonical gold name -> every normalised form of it."""
    out = {}
    for e in gold["entities"]:
        out[e["name"]] = {norm(n, e["type"]) for n in [e["name"], *e.get("aliases", [])]}
    return out


def process_recording_candidates(pipeline: Pipeline, raw: RawDocument):
    """(the document's result, every relation candidate with its features) for one document."""
    recorded = []
    extractor = pipeline.relation_extractor
    original = extractor.candidates

    def recording(*args, **kwargs):
        found = original(*args, **kwargs)
        recorded.extend(found)
        return found

    extractor.candidates = recording
    try:
        return pipeline.process(raw), recorded
    finally:
        extractor.candidates = original


def label_relations(pipeline: Pipeline, raw: RawDocument, gold: dict):
    """(features, right?) for every relation candidate of the document."""
    result, recorded = process_recording_candidates(pipeline, raw)
    entities = {e.key: e for e in result.entities}
    names = gold_names(gold)
    gold_rel = set()
    for r in gold["relations"]:
        gold_rel.add((r["s"], base_property(r["p"]), r["o"]))
        if r["p"] in SYMMETRIC:
            gold_rel.add((r["o"], r["p"], r["s"]))

    def matches(key: str, gold_name: str) -> bool:
        e = entities.get(key)
        if e is None:
            return False
        forms = {norm(n, e.cls) for n in (e.label, *e.aliases)}
        return bool(forms & names.get(gold_name, set()))

    rows = []
    for relation, features in recorded:
        prop = base_property(relation.prop)
        right = any(p == prop and matches(relation.subject, s) and matches(relation.object, o)
                    for s, p, o in gold_rel)
        rows.append((features, right, (raw.id, relation.subject, prop, relation.object)))
    return rows, result


def label_judged(pipeline: Pipeline, record: dict, verdicts: dict):
    """(features, right?) for the admitted candidates of a corpus article whose relation a
    precision reading judged (`verdicts`: fact text -> right?); unjudged candidates are left out."""
    result, recorded = process_recording_candidates(pipeline, RawDocument(record["id"], record["text"], record["id"]))
    labels = {e.key: e.label for e in result.entities}
    rows = []
    for relation, features in recorded:
        fact = f"{labels.get(relation.subject, relation.subject)} {relation.prop} {labels.get(relation.object, relation.object)}"
        if fact in verdicts:
            rows.append((features, verdicts[fact], (record["id"], relation.subject, relation.prop, relation.object)))
    return rows


def _target_key(fact: str) -> tuple:
    """(park, "value unit", year) of a judged target's fact: matched without the metric, whose words
    later rules may trim (二是拟投入 -> 拟投入)."""
    park, _, amount, year = [part.strip() for part in fact.split(" | ")]
    return park, amount, year


FACT_KEYS = {"relation": lambda fact: fact, "target": _target_key}


def read_judged(paths, corpus: Path) -> dict:
    """kind ("relation", "target") -> [(article record, {fact key: right?})] for every article with a
    judged fact of that kind in the readings; the corpus is read once for both."""
    return read_judged_sets([paths], corpus)[0]


def read_judged_sets(path_sets, corpus: Path) -> list[dict]:
    """`read_judged` for each set of readings (the fitted ones, the held-out ones), the corpus read once."""
    import csv

    csv.field_size_limit(1 << 30)
    sets = []
    for paths in path_sets:
        verdicts: dict = {kind: {} for kind in FACT_KEYS}
        for path in paths:
            with open(path, encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    kind = row["kind"]
                    if kind in FACT_KEYS and row["verdict"] in ("right", "wrong"):
                        verdicts[kind].setdefault(row["doc_id"], {})[FACT_KEYS[kind](row["fact"])] = row["verdict"] == "right"
        sets.append(verdicts)
    wanted = set().union(*(by_doc for verdicts in sets for by_doc in verdicts.values()))
    records = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("id") in wanted:
                records[record["id"]] = record
    return [{kind: [(records[d], v) for d, v in sorted(by_doc.items()) if d in records]
             for kind, by_doc in verdicts.items()} for verdicts in sets]


def outside_gold(judged: dict, gold_docs: set) -> dict:
    """The judged articles that are no gold document: a gold article a reading also drew keeps the
    annotators' verdicts only (its facts would otherwise count twice, under one key, in both sources)."""
    return {kind: [(record, v) for record, v in items if record["id"] not in gold_docs]
            for kind, items in judged.items()}


def label_judged_targets(pipeline: Pipeline, record: dict, verdicts: dict):
    """(features, right?) for the targets of a corpus article that a reading judged."""
    result = pipeline.process(RawDocument(record["id"], record["text"], record["id"]))
    labels = {e.key: e.label for e in result.entities}
    rows = []
    for t in result.targets:
        key = (labels.get(t.park, t.park), f"{t.value:g} {t.unit}", str(t.year or ""))
        if key in verdicts:
            rows.append((target_features(result, t), verdicts[key], (record["id"], t.park, t.value, t.unit, t.metric)))
    return rows


def label_targets(result, gold: dict):
    rows = []
    entities = {e.key: e for e in result.entities}
    for t in result.targets:
        park = entities.get(t.park)
        forms = {norm(n) for n in (park.label, *park.aliases)} if park else set()
        right = False
        for g in gold["targets"]:
            names = {norm(g["park"])} | {norm(a) for e in gold["entities"] if e["name"] == g["park"]
                                         for a in e.get("aliases", [])}
            try:
                same_value = abs(float(g["value"]) - t.value) < 1e-6
            except (TypeError, ValueError):
                same_value = False
            if forms & names and same_value and norm(g.get("unit", "")) == norm(t.unit):
                right = True
        rows.append((target_features(result, t), right, (result.document.id, t.park, t.value, t.unit, t.metric)))
    return rows


def target_features(result, t) -> dict:
    from kg.extract.target_features import target_features as features

    return features(result, t)


def admitted(rows):
    from kg.extract.relations import admissible

    return [r for r in rows if admissible(r[0])]


def matrix(rows, names):
    x = np.array([[float(f.get(n, 0.0)) for n in names] for f, _, _ in rows]) if rows else np.zeros((0, len(names)))
    y = np.array([1.0 if ok else 0.0 for _, ok, _ in rows])
    return x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Newton's method for L2-regularised logistic regression (the bias, column 0, unpenalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def held_out(groups, names, l2, sources=None):
    """Leave-one-document-out probabilities: (probability, right, source) for every fact, a fact's
    probability the highest of its candidates (as the graph states it)."""
    sources = sources or [""] * len(groups)
    out = {}
    for i, rows in enumerate(groups):
        if not rows:
            continue
        train = [r for j, g in enumerate(groups) if j != i for r in g]
        x, y = matrix(train, names)
        if len(set(y)) < 2:
            continue
        w = fit(x, y, l2)
        xt, yt = matrix(rows, names)
        p = 1.0 / (1.0 + np.exp(-np.clip(xt @ w, -30, 30)))
        for prob, ok, (_, _, fact) in zip(p.tolist(), yt.tolist(), rows):
            out[fact] = (max(prob, out.get(fact, (0.0, ok))[0]), ok, sources[i], i)
    return sorted(out.values())


def shipped_scores(groups, names, weights: dict, sources=None):
    """Like `held_out`, but every fact scored by the shipped `weights` (`--keep-weights`): the calibration
    is refitted on what the current rules extract, the model's ranking left as it is."""
    sources = sources or [""] * len(groups)
    w = np.array([weights.get(n, 0.0) for n in names])
    out = {}
    for i, rows in enumerate(groups):
        if not rows:
            continue
        xt, yt = matrix(rows, names)
        p = 1.0 / (1.0 + np.exp(-np.clip(xt @ w, -30, 30)))
        for prob, ok, (_, _, fact) in zip(p.tolist(), yt.tolist(), rows):
            out[fact] = (max(prob, out.get(fact, (0.0, ok))[0]), ok, sources[i], i)
    return sorted(out.values())


def isotonic(pairs) -> tuple:
    """Pool-adjacent-violators over (score, right) pairs: the calibration points (mean score, rate of
    right facts) of the blocks, ascending in both."""
    blocks = []  # [sum of scores, sum of right, count]
    for score, ok in sorted(pairs):
        blocks.append([score, float(ok), 1])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [a + b for a, b in zip(blocks[-1], last)]
    while len(blocks) > 1 and min(n for _, _, n in blocks) < MIN_BLOCK:
        # a rate of a handful of facts states nothing: pool the smallest block with its smaller neighbour
        i = min(range(len(blocks)), key=lambda k: blocks[k][2])
        j = i - 1 if i == len(blocks) - 1 or (i > 0 and blocks[i - 1][2] <= blocks[i + 1][2]) else i + 1
        lo, hi = sorted((i, j))
        blocks[lo:hi + 1] = [[a + b for a, b in zip(blocks[lo], blocks[hi])]]
    return tuple((round(s / n, 4), round(r / n, 4)) for s, r, n in blocks)


def calibrate(scored, calibration_source: str):
    """(calibration points fitted on every fact of `calibration_source`, the held-out facts with calibrated
    probabilities): a document of that source is calibrated by points fitted without it."""
    from kg.extract.confidence import calibrated

    pool = [(p, ok, g) for p, ok, s, g in scored if s == calibration_source]
    if len(pool) < MIN_FACTS:
        return (), [(p, ok, s) for p, ok, s, _ in scored]
    everything = isotonic([(p, ok) for p, ok, _ in pool])
    out = []
    for p, ok, s, g in scored:
        points = isotonic([(q, k) for q, k, h in pool if h != g]) if s == calibration_source else everything
        out.append((calibrated(p, points), ok, s))
    return everything, sorted(out)


def choose_threshold(scored, precision: float, sources) -> float:
    """The lowest threshold at which the held-out precision of the kept facts is >= `precision`
    on each gold set of `sources` (the judged readings inform the model, not the threshold:
    they have no recall to weigh)."""
    for t in [i / 100 for i in range(5, 96)]:
        ok_everywhere = True
        for source in sources:
            kept = [ok for p, ok, s in scored if p >= t and s == source]
            if kept and sum(kept) / len(kept) < precision:
                ok_everywhere = False
        if ok_everywhere:
            return t
    return 0.95


def kept_weights(kind: str, names) -> dict:
    """The shipped weights of the `kind` model: kept where the data has one class only (a refit
    would have nothing to separate, and all-zero weights would state 0.5 for every fact)."""
    from kg.extract import confidence_weights

    shipped = getattr(confidence_weights, f"{kind.upper()}_WEIGHTS", {})
    return {n: float(shipped.get(n, 0.0)) for n in names}


def default_threshold(scored, precision: float, sources, least: float = 0.0) -> float:
    """`choose_threshold`, and at least `least`: where the confidence is calibrated on judged random
    news, 0.6 keeps only facts right at least three times in five there."""
    return max(choose_threshold(scored, precision, sources), least)


def reliability(scored, bins=5) -> list[tuple]:
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, ok) for p, ok in scored if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            table.append((lo, hi, len(inside), sum(p for p, _ in inside) / len(inside),
                          sum(ok for _, ok in inside) / len(inside)))
    return table


def validation_lines(pipeline, held: list, paths, fitted: set, weights: dict, points, threshold: float) -> list:
    """Markdown: the final model's stated confidence against the verdicts of readings no fit saw (`held`:
    their judged relations, as `read_judged` gives them; articles the fit also read are left out), over
    the facts a build keeps."""
    from kg.extract.confidence import LogisticModel

    model = LogisticModel(weights, threshold, tuple(tuple(p) for p in points))
    best: dict = {}
    for record, verdicts in held:
        if record["id"] in fitted:
            continue
        for features, ok, key in admitted(label_judged(pipeline, record, verdicts)):
            best[key] = (max(model.probability(features), best.get(key, (0.0, ok))[0]), ok)
    kept = [(p, ok) for p, ok in best.values() if p >= threshold]
    if not kept:
        return []
    lines = ["", f"Reliability on held-out readings ({', '.join(str(p) for p in paths)}; no fit saw their "
             f"{len({k[0] for k in best})} articles): {len(kept)} kept facts, precision "
             f"{sum(ok for _, ok in kept) / len(kept):.3f}", "",
             "| stated confidence | facts | mean stated | observed precision |", "|---|---|---|---|"]
    return lines + [f"| {lo:.1f}–{hi:.1f} | {n} | {mean:.3f} | {observed:.3f} |"
                    for lo, hi, n, mean, observed in reliability(kept)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", nargs=2, action="append", metavar=("GOLD_DIR", "TEXTS_DIR"), required=True)
    ap.add_argument("--judged", nargs="*", type=Path, default=[],
                    help="precision readings (TSV of scripts/precision_sample.py, judged): their judged "
                         "relations join the relation model's data, one group per article")
    ap.add_argument("--corpus", type=Path, help="the corpus the readings were drawn from (JSONL)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--precision", type=float, default=0.85)
    ap.add_argument("--least-odds", type=float, default=0.7,
                    help="where judged readings calibrate the confidence, the threshold is at least this: "
                         "a kept fact is right at least this often on random news (default 0.7: seven times in ten)")
    ap.add_argument("--held-out", nargs="*", type=Path, default=[],
                    help="judged readings kept out of the fit (left out of --judged too): the report gives the "
                         "fitted model's reliability on their articles, which no fit saw")
    ap.add_argument("--report", type=Path, help="write the reliability tables (Markdown) here")
    ap.add_argument("--dry-run", action="store_true", help="report only; do not write the weights")
    ap.add_argument("--keep-weights", action="store_true",
                    help="keep the shipped relation weights and refit only the calibration and the threshold "
                         "(after rule changes, so that the stated confidence follows what the rules now extract)")
    args = ap.parse_args(argv)

    pipeline = Pipeline()
    rel_groups, tgt_groups = [], []
    rel_sources, tgt_sources = [], []
    gold_docs = set()
    for gold_dir, texts_dir in args.gold:
        for path in sorted(Path(gold_dir).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            gold_docs.add(gold["doc"])
            text = (Path(texts_dir) / f"{gold['doc']}.txt").read_text(encoding="utf-8")
            rows, result = label_relations(pipeline, RawDocument(gold["doc"], text, path.name), gold)
            rel_groups.append(admitted(rows))
            tgt_groups.append(label_targets(result, gold))
            rel_sources.append(gold_dir)
            tgt_sources.append(gold_dir)

    fitted_docs, held_relations = set(gold_docs), []
    if args.judged or args.held_out:
        if args.corpus is None:
            ap.error("--judged and --held-out need --corpus, the JSONL the readings were drawn from")
        held = {p.resolve() for p in args.held_out}
        args.judged = [p for p in args.judged if p.resolve() not in held]
        judged, held_judged = read_judged_sets([args.judged, args.held_out], args.corpus)
        judged, held_relations = outside_gold(judged, gold_docs), held_judged["relation"]
        fitted_docs |= {record["id"] for record, _ in judged["relation"]}
        for record, verdicts in judged["relation"]:
            rel_groups.append(admitted(label_judged(pipeline, record, verdicts)))
            rel_sources.append(JUDGED)
        for record, verdicts in judged["target"]:
            tgt_groups.append(label_judged_targets(pipeline, record, verdicts))
            tgt_sources.append(JUDGED)

    sources = [g for g, _ in args.gold] + [str(p) for p in args.judged]
    lines = ["# Confidence: how often a stated confidence is right", "",
             "Written by `scripts/fit_confidence.py` (" + ", ".join(sources) + "). "
             "Judged readings add right and wrong facts of random corpus articles to the relation model's data. "
             "Probabilities are leave-one-document-out: each document is scored by a model fitted on the others, "
             "and a judged article's score is calibrated by points fitted on the other articles.", ""]
    weights_text = ['"""Fitted weights of the confidence models: written by scripts/fit_confidence.py, not by hand."""']
    for kind, groups, group_sources, names in (("relation", rel_groups, rel_sources, RELATION_FEATURES),
                                               ("target", tgt_groups, tgt_sources, TARGET_FEATURES)):
        rows = [r for g in groups for r in g]
        # the score's calibration is fitted on the judged corpus articles: what users feed in
        keep = args.keep_weights and kind == "relation"
        scores = shipped_scores(groups, names, kept_weights(kind, names), group_sources) if keep \
            else held_out(groups, names, args.l2, group_sources)
        points, scored3 = calibrate(scores, JUDGED)
        scored = [(p, ok) for p, ok, _ in scored3]
        gold_sources = [g for g, _ in args.gold]
        # too few held-out facts to choose a threshold: keep every fact
        judged_here = JUDGED in group_sources
        threshold = default_threshold(scored3, args.precision, gold_sources, args.least_odds if judged_here else 0.0) \
            if len(scored) >= MIN_FACTS else 0.0
        x, y = matrix(rows, names)
        both = len(set(y.tolist())) == 2
        weights = {n: round(float(v), 4) for n, v in zip(names, fit(x, y, args.l2))} if both and not keep \
            else kept_weights(kind, names)
        lines += [f"## {kind.title()}s", "",
                  f"{len(rows)} candidates ({int(y.sum())} right) in {sum(1 for g in groups if g)} documents. "
                  f"Default threshold {threshold:.2f}: the lowest at which held-out precision is >= {args.precision} "
                  "on each gold set" + (f" and the stated confidence (calibrated on judged corpus articles) is at least "
                                        f"{args.least_odds}: a kept fact is right at least that often on judged random news"
                                        if judged_here else "") + ".", "",
                  "| data | facts | precision, all | kept at threshold | precision at threshold |", "|---|---|---|---|---|"]
        for source in sorted(set(group_sources)):
            mine = [(p, ok) for p, ok, s in scored3 if s == source]
            kept = [ok for p, ok in mine if p >= threshold]
            if mine:
                lines.append(f"| {source} | {len(mine)} | {sum(ok for _, ok in mine) / len(mine):.3f} | {len(kept)} | "
                             f"{(sum(kept) / len(kept)) if kept else 0.0:.3f} |")
        for title, part in (("judged corpus articles (what the calibration is fitted on)",
                             [(p, ok) for p, ok, src in scored3 if src == JUDGED]),
                            ("the gold sets", [(p, ok) for p, ok, src in scored3 if src != JUDGED])):
            if not part:
                continue
            lines += ["", f"Reliability, held-out facts of {title}:", "",
                      "| stated confidence | facts | mean stated | observed precision |", "|---|---|---|---|"]
            for lo, hi, n, mean, observed in reliability(part):
                lines.append(f"| {lo:.1f}–{hi:.1f} | {n} | {mean:.3f} | {observed:.3f} |")
        if kind == "relation" and held_relations:
            lines += validation_lines(pipeline, held_relations, args.held_out, fitted_docs, weights, points, threshold)
        if not both:
            lines += ["", "Every fact is right (or every fact wrong): nothing to separate them by, so the weights "
                      "of the last fit that had both are kept."]
        lines += ["", "| feature | weight |", "|---|---|"] + [f"| {n} | {v:+.3f} |" for n, v in weights.items()] + [""]
        if points:
            lines += ["Calibration (score of the logistic model -> rate of right facts among judged corpus "
                      "articles' facts at that score; pool-adjacent-violators, interpolated):", "",
                      "| score | stated confidence |", "|---|---|"] + [f"| {x:.3f} | {y:.3f} |" for x, y in points] + [""]
        weights_text += [f"{kind.upper()}_WEIGHTS = {json.dumps(weights, ensure_ascii=False, sort_keys=True)}",
                         f"{kind.upper()}_THRESHOLD = {threshold}",
                         f"{kind.upper()}_CALIBRATION = {json.dumps([list(p) for p in points])}"]
    report = "\n".join(lines)
    print(report)
    if args.report:
        args.report.write_text(report, encoding="utf-8")
    if not args.dry_run:
        (ROOT / "kg" / "extract" / "confidence_weights.py").write_text("\n".join(weights_text) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
