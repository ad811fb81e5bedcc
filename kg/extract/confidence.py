"""The probability that a relation or target is right, from what the text shows of it.

A relation candidate carries a few features (is there a tie word, was the subject
named in the sentence or only inherited as the passage topic, is the object in an
organiser list or a résumé …). A small regularised logistic model, fitted on the
gold annotations with documents held out (``scripts/fit_confidence.py``), turns
them into a probability; its weights live in `kg.extract.confidence_weights`,
written by that script. The graph states the probability as ``pk:confidence`` and
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
    "bias", "industry", "enterprise", "platform", "subpark", "park_pair",
    "tie", "role", "owned", "explicit", "subject_before", "blocked_weak",
    "sentence_gap", "subject_in_lead", "anchored", "in_list", "gazetteer", "topic_only_no_tie",
    "list_stage", "crowded", "same_clause", "name_prefix", "object_repeated", "object_legal",
)
TARGET_FEATURES = (
    "bias", "explicit", "goal_in_clause", "deadline_year", "sentence_gap", "subject_in_lead", "count_unit",
)


@dataclass(frozen=True)
class LogisticModel:
    """p = sigmoid(sum of weight * feature): weights by feature name, missing features are 0."""

    weights: dict = field(default_factory=dict)
    threshold: float = 0.5

    def probability(self, features: dict) -> float:
        z = self.weights.get("bias", 0.0)
        for name, value in features.items():
            if name != "bias" and value:
                z += self.weights.get(name, 0.0) * value
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))


def _load(kind: str) -> LogisticModel:
    from kg.extract import confidence_weights as fitted

    weights = getattr(fitted, f"{kind.upper()}_WEIGHTS", {})
    threshold = getattr(fitted, f"{kind.upper()}_THRESHOLD", 0.5)
    return LogisticModel(dict(weights), threshold)


def relation_model() -> LogisticModel:
    """The fitted relation model (uniform 0.5 when no weights have been fitted)."""
    return _load("relation")


def target_model() -> LogisticModel:
    return _load("target")
