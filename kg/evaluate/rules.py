"""The referee's rules as data and pure functions: what is compared, and in which form.

Entities match one-to-one, same contract class, when any name or alias is shared
after `norm`; targets match on park, quantity (`base_quantity`, within `TOLERANCE`)
and year; `prf` gives precision, recall and F1.
"""
from __future__ import annotations

import re
import unicodedata

from kg.types import ENTITY_CLASSES

ENTITY_TYPES = ENTITY_CLASSES  # the contract classes an entity is scored in
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
