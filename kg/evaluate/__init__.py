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

The modules, one job each: `rules` (the referee's constants, `norm`,
`base_quantity`, `prf`), `predicted` (what a graph states), `score` (a
document's counts, the report, the score table), `gold` (gold files and their
texts) and `run` (`evaluate`: build and score a gold folder). Their names are
re-exported here.

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

from kg.evaluate.gold import gold_files, read_document_text, read_gold  # noqa: F401
from kg.evaluate.predicted import Prediction, predicted  # noqa: F401
from kg.evaluate.rules import (ENTITY_TYPES, GROUPS, INDUSTRY_SUFFIX, QUOTES, RELATIONS, ROLES,  # noqa: F401
                               SYMMETRIC, TOLERANCE, UNIT_SCALE, base_quantity, norm, prf)
from kg.evaluate.run import document_graph, evaluate, write_report_json  # noqa: F401
from kg.evaluate.score import DocScore, EvalReport, format_document, format_scores, score_document  # noqa: F401
