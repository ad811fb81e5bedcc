"""The one table of the recogniser: stages, their ranks and scores, the length caps, and list modes.

Every candidate a grammar proposes is made by `candidate(rule, ...)`, so its stage
(the grammar that found it: provenance) and its score come from `RULES` and
nowhere else; the resolver ranks overlapping candidates by the same table.

>>> c = candidate("type-word", 0, 5, "Park", "HighTechZone", "zone")
>>> (c.stage, c.score, rank(c.stage))
('grammar:type-word', 0.85, 3)
>>> Mode.from_cue("Enterprise").cls
'Enterprise'
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Candidate:
    """A span one grammar proposes: `(start, end, label)` plus what the resolver and linker need."""

    start: int
    end: int
    cls: str
    subclass: str
    stage: str
    level: str = ""
    score: float = 0.8
    generic: bool = False


@dataclass(frozen=True)
class Rule:
    stage: str  # the grammar's name, written into each mention as its provenance
    rank: int  # on equal length, the higher rank wins an overlap
    score: float


RULES = {
    "type-word": Rule("grammar:type-word", 3, 0.85),  # <name> + 高新区 / 研究院 / 有限公司
    "type-word-generic": Rule("grammar:type-word", 3, 0.5),  # 园区, 国家级高新区: no name part
    "apposition": Rule("grammar:apposition", 3, 0.7),  # 苏州BioBAY|先进园区
    "list": Rule("grammar:list", 2, 0.7),  # an item classed by the list's cue
    "list-classed": Rule("grammar:list", 2, 0.75),  # an item classed by itself (trade name, type word, industry)
    "predicate": Rule("grammar:predicate", 2, 0.6),  # A、B入选: firms named by what they did
    "frame": Rule("grammar:frame", 2, 0.7),  # 以…为代表的<industry>, 产业集群（<industry>）
    "open-head": Rule("grammar:open-head", 2, 0.6),  # 广州|知识|城: a place, a descriptor, a one-character head
    "firm-cue": Rule("grammar:firm-cue", 2, 0.6),  # 芯片制造商 某Latin名, 被某某收购: a firm by the words that tie it
    "trade-name": Rule("grammar:trade-name", 1, 0.6),  # 重塑科技和金龙客车联合研发
    "taxonomy": Rule("gazetteer:taxonomy", 1, 0.9),  # a label of the industry taxonomy in an industry context
    "industry-statistic": Rule("grammar:industry-suffix", 0, 0.6),  # 机械制造业规模以上…
    "industry-suffix": Rule("grammar:industry-suffix", 0, 0.65),  # 钒钛产业
}
_RANKS = {}
for _rule in RULES.values():
    _RANKS[_rule.stage] = max(_RANKS.get(_rule.stage, 0), _rule.rank)


def rank(stage: str) -> int:
    return _RANKS.get(stage, 0)


def candidate(rule: str, start: int, end: int, cls: str, subclass: str = "", level: str = "",
              generic: bool = False) -> Candidate:
    r = RULES[rule]
    return Candidate(start, end, cls, subclass or cls, r.stage, level, r.score, generic)


@dataclass(frozen=True)
class Caps:
    """Length caps in characters, per contract class."""

    type_word_prefix: int  # how far a name reaches left of its type word (苏州|高新区)
    list_item: int  # the longest item a list cue classes (an item without a type word)


CAPS = {"Park": Caps(10, 16), "Platform": Caps(22, 20), "Enterprise": Caps(14, 10)}
DEFAULT_LIST_ITEM = 10
FIRST_ITEM_REACH = 30  # the first item of a list reaches this far back
TRADE_NAME_REACH = 5  # 重塑|科技
STATISTIC_REACH = 6  # 机械|制造业规模
SUFFIX_REACH = 8  # 钒钛|产业
PREDICATE_ITEM = (2, 8)  # an item named by its predicate (入选, 落户)
INDUSTRY_ITEM = (2, 12)  # an industry item of a list
BRACKET_REACH = 8  # 苏州（相城）: a bracket inside a name


def list_item_cap(cls: str) -> int:
    return CAPS[cls].list_item if cls in CAPS else DEFAULT_LIST_ITEM


class Mode(Enum):
    """How a list's items are classed: by the list's cue class, or strictly by its frame."""

    PARK = "Park"
    INDUSTRY = "Industry"
    ENTERPRISE = "Enterprise"
    PLATFORM = "Platform"
    INDUSTRY_STRICT = "IndustryStrict"  # 以A、B为主导: the frame says industry
    ENTERPRISE_STRICT = "EnterpriseStrict"  # A、B入选: the predicate says firm

    @classmethod
    def from_cue(cls, contract_class: str) -> "Mode":
        return cls(contract_class)

    @property
    def cls(self) -> str:
        """The contract class of the items."""
        return {"IndustryStrict": "Industry", "EnterpriseStrict": "Enterprise"}.get(self.value, self.value)
