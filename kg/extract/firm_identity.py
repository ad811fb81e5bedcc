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
