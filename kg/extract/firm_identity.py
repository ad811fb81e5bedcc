"""One firm under one key: a firm's name without the places that open it, where a name of its own follows.

山西省长治市宏瑞祥环保科技有限公司 and 宏瑞祥环保科技有限公司 are one firm, in a document and across
documents; 河南投资集团 and 湖北投资集团 are not, for what follows their place is common words.

>>> placeless("山西长治宏瑞祥环保科技", {"山西": "r:14", "长治": "r:1404"}, {"宏瑞": 0}, frozenset())
'宏瑞祥环保科技'
>>> placeless("河南投资集团", {"河南": "r:41"}, {"投资": 30000}, frozenset())
'河南投资集团'
"""
from __future__ import annotations

from kg.extract.park_identity import leading_places

FIRM_CORE = 5  # characters a firm's name keeps after its places: 宏瑞祥环保科技, not 交投集团
COMMON_WORD = 100  # dictionary frequency from which the word after the place is a common word


def placeless(core: str, regions: dict, frequencies: dict, firm_kinds: frozenset) -> str:
    """`core` (a firm's name without its legal suffix) without its opening places, or `core` itself
    where too little is left or it opens with a common word or a word for a kind of firm."""
    places, rest = leading_places(core, regions)
    head = rest[:2]
    common = frequencies.get(head, 0) >= COMMON_WORD or head in firm_kinds
    return rest if places and len(rest) >= FIRM_CORE and not common else core


SHORT_NAME = 4  # characters a short name that a fuller one ends with keeps at least (分公司 alone names a kind)
TRADE_NAME = 4  # characters of a trade name (字号) at most: 中国重型机械 is a name of its own


def trade_name_of(short: str, full: str, is_place, group_forms: tuple = (), common=lambda word: True) -> bool:
    """`short` is `full`'s trade name, with at most the group form both keep: 心连心 for 中国心连心化肥,
    新航城 for 北京新航城, 凌云集团 for 凌云科技集团. The trade name opens `full` or follows one of the
    places that open it, and the full name is longer; a place alone is no trade name, and a name longer than a
    trade name (中国重型机械, not a short form of 中国重型机械研究院) is a name of its own. With its group form,
    the trade name may keep the places the full name opens with (中国青禾资源集团 for 中国青禾资源开发集团), where
    what follows them is no common word (`common`: 中国投资集团 is no 中国投资开发集团).

    >>> is_place = lambda w: w in {"中国", "北京"}
    >>> trade_name_of("心连心", "中国心连心化肥", is_place), trade_name_of("凌云集团", "凌云科技集团", is_place, ("集团",))
    (True, True)
    >>> trade_name_of("华润集团", "华润微电子", is_place, ("集团",)), trade_name_of("北京", "北京新航城", is_place)
    (False, False)
    """
    form = next((g for g in group_forms if short.endswith(g) and len(short) - len(g) >= 2), "")
    trade = short[:len(short) - len(form)]
    if form:
        trade, full = _shared_places(trade, full, is_place, common)
    if not 2 <= len(trade) <= TRADE_NAME or len(full) <= len(trade) + len(form) or (not form and is_place(trade)):
        return False
    rest = full
    while True:
        if rest.startswith(trade) and form in rest[len(trade):]:
            return True
        size = next((k for k in range(min(4, len(rest) - 1), 1, -1) if is_place(rest[:k])), 0)
        if not size:  # the places that open the full name, one by one
            return False
        rest = rest[size:]


def _shared_places(trade: str, full: str, is_place, common) -> tuple[str, str]:
    """`trade` and `full` without the places both open with, where what `trade` keeps is a name: 中国|青禾资源."""
    size = next((k for k in range(min(4, len(trade) - 2), 1, -1) if is_place(trade[:k]) and full.startswith(trade[:k])), 0)
    if not size or common(trade[size:]):
        return trade, full
    return _shared_places(trade[size:], full[size:], is_place, common)


NAME_TAGS = frozenset({"nr", "nz", "ns", "nt"})  # a person's, a brand's, a place's or an organisation's name


def name_opener(extra: str, tags: dict, firm_suffixes: tuple) -> bool:
    """What opens a fuller firm name beyond a short one is part of the name, not words glued on before it: one
    character, a parent firm (…有限公司|青禾分公司), Latin, or a dictionary name (a person's or a brand's: 禾丰|青禾集团); 审查调查 is not.

    >>> name_opener("禾丰", {"禾丰": "nz"}, ()), name_opener("审查调查", {}, ()), name_opener("某某有限公司", {}, ("有限公司",))
    (True, False, True)
    """
    return len(extra) == 1 or extra.endswith(firm_suffixes) or extra.isascii() or tags.get(extra) in NAME_TAGS


def merge_firms(firms: list, is_place=lambda word: False, group_forms: tuple = (), opener=lambda extra: True,
                legal: tuple = (), common=lambda word: True, cut=frozenset(), written=None) -> dict:
    """key -> fuller key: 迈为 = 迈为股份 (up to four more characters), 华丰科技 = 四川华丰科技 (a place before
    it), 心连心 = 中国心连心化肥 (its trade name, where one full name alone has it: `trade_name_of`), and a name
    of four characters or more that one fuller name alone ends with, where a name opens it (`name_opener`).
    A group is not its subsidiary: 青禾集团 stays beside 青禾集团工程公司 (`legal`: the suffixes that alone
    continue a group's own name, 青禾集团有限公司), nor a firm its branch in a place (青禾电信湖北公司). A firm's
    name after its parent's short form and places (`_under_parent`: 中甲|禾丰公司) is that firm too; `common(word)`
    tells a common word, which names no firm alone; `cut`: keys that dropped the places their names open with;
    `written`: key -> the fullest name written, whose legal suffix may hold the group form (芯原股份: 股份有限公司)."""
    merged = {}
    for k in firms:
        for k2 in firms:
            extra = len(k2.name) - len(k.name)
            own = _own_name(k.name, k2.name, is_place, group_forms, legal)
            if k2 != k and len(k.name) >= 2 and ((k2.name.startswith(k.name) and extra <= 4 and own) or (
                    len(k.name) >= 4 and k2.name.endswith(k.name) and 0 < extra and is_place(k2.name[:extra]))):
                merged[k] = k2
                break
        fuller = [] if k in merged else _by_trade_name(k, firms, written or {}, (is_place, group_forms, legal, common))
        if len(fuller) == 1:
            merged[k] = fuller[0]
        ending = [] if k in merged else _endings(k, firms, opener, (is_place, common, cut))
        if len(ending) == 1:  # 青禾集团 = 禾丰青禾集团, 青禾分公司 = 某某集团投资有限公司青禾分公司
            merged[k] = ending[0]
    return merged


def _by_trade_name(k, firms: list, written: dict, tests: tuple) -> list:
    """The firms whose fuller names, as written, `k`'s is the trade name of (`trade_name_of`)."""
    is_place, group_forms, legal, common = tests
    return [k2 for k2 in firms if len(k2.name) > len(k.name)
            and trade_name_of(k.name, written.get(k2, k2.name), is_place, group_forms, common)
            and _own_name(k.name, k2.name, is_place, group_forms, legal)]


def _own_name(short: str, full: str, is_place, group_forms: tuple, legal: tuple) -> bool:
    """`full` may be a fuller name of `short`'s firm: no subsidiary of its group, no branch of it in a place."""
    return not _subsidiary(short, full, group_forms, legal) and not _branch(short, full, is_place)


def _branch(firm: str, name: str, is_place) -> bool:
    """某某电信|湖北(公司): `name` is the firm's name and a place alone (its legal suffix gone): the firm's
    branch there, another firm."""
    rest = name[len(firm):] if name.startswith(firm) else ""
    return len(rest) >= 2 and is_place(rest)


def _subsidiary(group: str, name: str, group_forms: tuple, legal: tuple) -> bool:
    """某集团|工程公司: `name` continues the group's name with a firm of its own, not with a legal suffix alone."""
    return bool(legal) and group.endswith(group_forms) and name.startswith(group) and name[len(group):] not in legal


def _endings(k, firms: list, opener, parent_tests: tuple) -> list:
    """The firms whose fuller names end with `k`'s: after a name (`_ending_with`), else after a parent's short form."""
    return _ending_with(k, firms, opener) or _under_parent(k, firms, *parent_tests, opener)


def _ending_with(k, firms: list, opener) -> list:
    """The firms whose fuller names end with `k`'s, a name opening them (`name_opener`)."""
    if len(k.name) < SHORT_NAME:
        return []
    return [k2 for k2 in firms if len(k2.name) > len(k.name) and k2.name.endswith(k.name)
            and opener(k2.name[:len(k2.name) - len(k.name)])]


PARENT_FORM = 2  # characters of a parent's short form before a subsidiary's name: 中甲|禾丰公司, 国乙甲州市|禾丰公司


def _under_parent(k, firms: list, is_place, common, cut=frozenset(), opener=lambda extra: False) -> list:
    """The firms whose fuller names are `k`'s after a parent's short form and places: 中甲禾丰 for 禾丰 (禾丰公司
    after 中甲禾丰公司 in one article). The short form is a name (no common word, no place, no place and a
    character: 丙江|分公司) written as it is (not in `cut`: 某省|新华新材料 is no 新材料), and the parent's a
    two-character word, no common one (活动|清运公司 is no firm).

    >>> common, is_place = lambda w: w in {"活动", "建设"}, lambda w: w in {"甲州市", "丙江"}
    >>> K = __import__("collections").namedtuple("K", "name")
    >>> [_under_parent(K(s), [K(f)], is_place, common) != [] for s, f in [("禾丰", "中甲禾丰"), ("禾丰", "国乙甲州市禾丰"),
    ...  ("禾丰", "活动禾丰"), ("建设", "中甲建设"), ("丙江分", "中甲丙江分")]]
    [True, True, False, False, False]
    """
    short = k.name
    if k in cut or len(short) < 2 or common(short) or is_place(short) or (len(short) > 2 and is_place(short[:-1])):
        return []
    openings = ((k2, _opening(k2.name, short, is_place)) for k2 in firms if len(k2.name) > len(short))
    return [k2 for k2, extra in openings if extra and _parent_form(extra, is_place, common, opener)]


def _opening(full: str, short: str, is_place) -> str:
    """What opens `full` before `short`, where `full` ends with it, or with it but for the administrative ending
    of the place that opens it (国乙甲州市禾山区供电 ends with 禾山供电: 禾山区 is 禾山); else ''.

    >>> _opening("国乙甲州市禾山区供电", "禾山供电", lambda w: w in {"禾山", "禾山区", "甲州市"})
    '国乙甲州市'
    """
    if full.endswith(short):
        return full[:len(full) - len(short)]
    size = next((n for n in range(min(4, len(short) - 2), 1, -1) if is_place(short[:n])), 0)
    at = len(full) - len(short) - 1  # where the place starts in `full`, one ending character longer
    if size and at > 0 and full[at:at + size] == short[:size] and full[at + size + 1:] == short[size:] \
            and is_place(full[at:at + size + 1]):
        return full[:at]
    return ""


def _parent_form(extra: str, is_place, common, opener) -> bool:
    """`extra` is a parent's short form, with the places that follow it: two characters, no common word
    (国乙|甲州市), or a name (`name_opener`: 甲乙邮政|丙江市)."""
    while True:
        size = next((n for n in range(min(4, len(extra) - 1), 1, -1) if is_place(extra[-n:])), 0)
        if not size:
            break
        extra = extra[:-size]
    two = len(extra) == PARENT_FORM and not common(extra)
    return len(extra) >= PARENT_FORM and not is_place(extra) and (two or opener(extra))
