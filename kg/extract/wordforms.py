"""Regular-expression pieces built from lexicon word lists (`Lexicon.words`), so no stage types a word list.

>>> either(["与", "对标", "和"])
'(?:对标|与|和)'
>>> import re
>>> bool(re.search(either(["在", "位于"]) + "$", "企业位于"))
True
>>> frame("以…为代表的")
('以', '为代表的')
"""
from __future__ import annotations

import re

FRAME_GAP = "…"  # where the items stand in a frame word: 以…为代表的


def either(words) -> str:
    """A non-capturing alternation of `words`, longest first (ties broken by the words' order)."""
    forms = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not forms:
        raise ValueError("either() needs at least one word; check the lexicon's grammar words")
    return "(?:" + "|".join(re.escape(w) for w in forms) + ")"


def chars(words) -> str:
    """The single-character `words` as the body of a character class (for [^…] and […])."""
    return "".join(re.escape(w) for w in sorted(set(words)) if len(w) == 1)


def frame(form: str) -> tuple[str, str]:
    """(opening, closing) of a frame word written with … where its items stand."""
    opening, sep, closing = form.partition(FRAME_GAP)
    if not sep:
        raise ValueError(f"the frame word {form!r} has no {FRAME_GAP}; write it as opening{FRAME_GAP}closing")
    return opening, closing
