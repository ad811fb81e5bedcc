"""The probability that a relation or target is right, from what the text shows of it.

A relation candidate carries a few features (is there a tie word, was the subject
named in the sentence or only inherited as the passage topic, is the object in an
organiser list or a résumé …). A small regularised logistic model, fitted on the
gold annotations with documents held out (``scripts/fit_confidence.py``), turns
them into a score, and a monotone calibration fitted on judged corpus articles (documents
held out) turns the score into the rate at which such facts are right; weights and
calibration live in `kg.extract.confidence_weights`, written by that script. The graph states the probability as ``pk:confidence`` and
builds keep facts at or above a threshold chosen on held-out documents.

>>> model = LogisticModel({"bias": 0.0, "tie": 2.0}, threshold=0.5)
>>> round(model.probability({"tie": 1.0}), 3), round(model.probability({}), 3)
(0.881, 0.5)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

# The features a relation candidate is described by (each 0/1 or a small number).
RELATION_FEATURES = (
    "bias", "industry", "enterprise", "platform", "subpark", "park_pair", "benchmark",
    "tie", "role", "owned", "explicit", "subject_before", "blocked_weak",
    "sentence_gap", "subject_in_lead", "anchored", "in_list", "gazetteer", "topic_only_no_tie",
    "list_stage", "crowded", "same_clause", "name_prefix", "object_repeated", "object_legal", "trade_name",
    "subject_carried",
)
TARGET_FEATURES = (
    "bias", "explicit", "goal_in_clause", "deadline_year", "sentence_gap", "subject_in_lead", "count_unit",
)


@dataclass(frozen=True)
class LogisticModel:
    """p = sigmoid(sum of weight * feature): weights by feature name, missing features are 0; then, where a
    calibration is given, the observed rate of right facts at that score (piecewise linear between its points).

    >>> LogisticModel({"bias": 0.0}, calibration=((0.2, 0.1), (0.8, 0.5))).probability({})
    0.3
    """

    weights: dict = field(default_factory=dict)
    threshold: float = 0.5
    calibration: tuple = ()  # (score, observed precision) points, scores ascending

    def score(self, features: dict) -> float:
        """The logistic model's own output, before calibration."""
        z = self.weights.get("bias", 0.0)
        for name, value in features.items():
            if name != "bias" and value:
                z += self.weights.get(name, 0.0) * value
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))

    def probability(self, features: dict) -> float:
        return calibrated(self.score(features), self.calibration)


def calibrated(score: float, points) -> float:
    """`score` mapped through the calibration `points` (flat beyond the first and the last).

    >>> calibrated(0.5, ((0.2, 0.1), (0.8, 0.5))), calibrated(0.95, ((0.2, 0.1), (0.8, 0.5)))
    (0.3, 0.5)
    """
    if not points:
        return score
    if score <= points[0][0]:
        return points[0][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if score <= x1:
            return round(y0 + (y1 - y0) * (score - x0) / (x1 - x0), 6) if x1 > x0 else y1
    return points[-1][1]


def _load(kind: str) -> LogisticModel:
    from kg.extract import confidence_weights as fitted

    weights = getattr(fitted, f"{kind.upper()}_WEIGHTS", {})
    threshold = getattr(fitted, f"{kind.upper()}_THRESHOLD", 0.5)
    points = tuple(tuple(p) for p in getattr(fitted, f"{kind.upper()}_CALIBRATION", ()))
    return LogisticModel(dict(weights), threshold, points)


def relation_model() -> LogisticModel:
    """The fitted relation model (uniform 0.5 when no weights have been fitted)."""
    return _load("relation")


def target_model() -> LogisticModel:
    return _load("target")
