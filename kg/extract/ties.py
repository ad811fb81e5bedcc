"""Words that tie a park to what a sentence names, and contexts that tie nothing.

Naming a park and a firm in one sentence does not make the firm the park's: the
clause must say so (落户, 入驻, 引进, 重点发展 …). Those tie words, and the words of
contexts that tie nothing (organiser lists, résumés, award lists, court
reports, captions), are lexicon data (``ontology/discourse.ttl``); this module
only looks for them in the right scope.

>>> from kg.ontology import Lexicon
>>> lex = Lexicon(tie_cues={"落户": frozenset({"hasEnterprise"})}, non_tying_cues={"主办": "organiser"},
...               grammar_words={"list-continuation": ("其中",)})
>>> index = TieIndex.from_lexicon(lex)
>>> text = "园区引进甲公司，乙公司主办论坛。"
>>> index.tie(text, "hasEnterprise", 4, 7) is None, index.blocker(text, 8, 11)
(True, 'organiser')
>>> index.tie("甲公司落户园区。", "hasEnterprise", 0, 3)
'落户'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CLAUSE_BREAK = re.compile(r"[，。；：,;:！？!?]")
SENTENCE_WIDE = ("court", "event", "contractor", "delegation", "organiser")  # these tie nothing anywhere in their sentence
AFTER_NAME = ("person",)  # a title right after a name makes it a person's affiliation
AFTER_NAME_WINDOW = 10  # characters after a name searched for a person's title
# 来自北京大学的运动员: a word right before a name (or its list) makes it a person's origin; 希望甲集团积极布局:
# what someone hopes the firm will do (a firm's own wish, 甲公司希望…, says nothing against it)
BEFORE_NAME = ("origin", "wish")
BUILDER = ("builder",)  # 由甲集团开发建设: before a firm and a build verb, the park's developer
# contexts that tie nothing of one class only: a school co-building a park still works for it; a firm
# a park inspects is still in it, while the sectors it inspects are none it develops
ONLY_FOR = {"builder": "Enterprise", "wish": "Enterprise", "courtesy": "Enterprise",
            "regulation": "Industry", "firm-business": "Industry"}
LIST_ITEM = 16  # characters of one item of such a list, at most
SUBJECT_REACH = 3  # clause breaks, at most, between the subject and the object's clause for the tie to span them
MASK = "\u25a1"  # stands in for the characters of other names, so a word inside a name (建设银行) is no cue
TITLE = re.compile(r"“[^”]{1,60}”|《[^》]{1,60}》")  # a quoted title: 凭“应用于数据库集群的…方法”项目 sets no context
OUTSIDE_TITLES = ("application",)  # these count only outside quoted titles (a title names a project, not a use)


def _alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons, stops) around ``text[start:end]``.

    >>> clause_bounds("甲，乙丙，丁", 2, 3)
    (2, 4)
    """
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    hi_match = CLAUSE_BREAK.search(text, end)
    return lo, hi_match.start() if hi_match else len(text)


def _after_brackets(text: str, end: int) -> int:
    """Where the text goes on after a bracketed aside that opens at `end` (…公司（以下简称…）总经理), else `end`."""
    if text[end:end + 1] not in ("（", "("):
        return end
    close = min((i for i in (text.find("）", end), text.find(")", end)) if i >= 0), default=-1)
    return close + 1 if 0 <= close - end <= LIST_ITEM else end


def own_noun_positions(text: str, ends, nouns) -> frozenset:
    """The positions a noun of the park itself covers right after the park's name (服务某新区建设):
    a tie word there is the park's noun, nothing a firm does (pass them to `TieIndex.tie` as `nouns`).

    >>> sorted(own_noun_positions("□□□开发建设", [3], ("开发建设", "建设")))
    [3, 4, 5, 6]
    """
    out = set()
    for e in ends:
        noun = next((w for w in nouns if text.startswith(w, e)), "")
        out.update(range(e, e + len(noun)))
    return frozenset(out)


def mask_spans(text: str, spans) -> str:
    """`text` with every span replaced by mask characters of the same length (offsets kept).

    >>> mask_spans("建设银行落户", [(0, 4)])
    '□□□□落户'
    """
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = MASK
    return "".join(chars)


@dataclass(frozen=True)
class TieIndex:
    """Tie words per property and context words per kind, compiled once from the lexicon."""

    ties: dict  # property local name -> compiled alternation
    blockers: dict  # context kind -> compiled alternation
    continuation: re.Pattern | None = None  # a clause opening with these continues the list before it (其中包括A、B)
    joiners: str = ""  # what joins the names of a list (A、B和C)
    build_verbs: re.Pattern | None = None  # what a builder does to the park (开发建设, 运营), after the builder cue
    facilities: tuple = ()  # a firm's own facility right after its name (某集团全球总部), masked with the name

    @classmethod
    def from_lexicon(cls, lexicon) -> "TieIndex":
        by_prop: dict = {}
        for form, props in lexicon.tie_cues.items():
            for prop in props:
                by_prop.setdefault(prop, set()).add(form)
        by_kind: dict = {}
        for form, kind in lexicon.non_tying_cues.items():
            by_kind.setdefault(kind, set()).add(form)
        continuation = _alternation(lexicon.words("list-continuation"))
        joiners = "".join(w for w in lexicon.grammar_words.get("coordinator", ()) if len(w) == 1)
        return cls({p: _alternation(ws) for p, ws in sorted(by_prop.items())},
                   {k: _alternation(ws) for k, ws in sorted(by_kind.items())}, continuation, joiners,
                   _alternation(lexicon.grammar_words.get("developer-verb", ())),
                   lexicon.grammar_words.get("firm-facility", ()))

    def mask(self, text: str, spans) -> str:
        """`mask_spans`, each name's mask reaching over a firm's facility word right after it: in 某集团全球总部
        the word 全球 is part of what the firm's name points at, no statement about the world."""
        return mask_spans(text, [(a, b + len(next((w for w in self.facilities if text.startswith(w, b)), "")))
                                 for a, b in spans])

    def scope(self, text: str, start: int, end: int, subject_at: int | None = None) -> tuple[int, int]:
        """Where a tie for the name at ``[start, end)`` may stand: its clause, the clause before
        when this one continues a list (其中包括…), and back to the subject when the sentence
        names it a few clauses before the object (not a long sentence's opening, whose words
        tie what follows them, not every clause to the end)."""
        lo, hi = clause_bounds(text, start, end)
        if self.continuation is not None and self.continuation.match(text[lo:start]) and lo > 0:
            lo = clause_bounds(text, lo - 1, lo - 1)[0]
        if subject_at is not None and subject_at < lo and len(CLAUSE_BREAK.findall(text, subject_at, lo)) <= SUBJECT_REACH:
            lo = subject_at
        return lo, hi

    def tie(self, text: str, prop: str, start: int, end: int, subject_at: int | None = None,
            owned_by: frozenset = frozenset(), parts: tuple = (), nouns: frozenset = frozenset()) -> str | None:
        """The tie word for `prop` in the scope of the name at ``[start, end)``, or None.

        `text` should have other names masked (`mask_spans`), so that a cue inside a name
        does not count. A part noun that starts where another name ends (`owned_by`: Y核心区) is that
        name's, not a tie for this one; with `parts` given, only those words are part nouns (a verb
        after the last item, A、B和C组成, still ties every item). A word that starts at one of `nouns` is a
        noun of the park's own (X新区建设是…) and ties nothing.

        >>> index = TieIndex({"hasSubPark": re.compile("核心区|组成")}, {})
        >>> index.tie("□□核心区，甲", "hasSubPark", 5, 6, 0), index.tie("□□核心区，甲", "hasSubPark", 5, 6, 0, frozenset({2}))
        ('核心区', None)
        >>> index.tie("甲、□□组成", "hasSubPark", 0, 1, None, frozenset({4}), ("核心区",))
        '组成'
        """
        pattern = self.ties.get(prop)
        if pattern is None:
            return None
        lo, hi = self.scope(text, start, end, subject_at)
        found = next((f for f in pattern.finditer(text, lo, hi) if f.start() not in nouns
                      and (f.start() not in owned_by or (parts and not f.group().startswith(parts)))), None)
        return found.group() if found else None

    def blocker(self, text: str, start: int, end: int, cls: str = "") -> str:
        """The kind of context that ties nothing around the name at ``[start, end)``, or ''
        (a kind of ONLY_FOR only where the name is of its class `cls`)."""
        lo, hi = clause_bounds(text, start, end)
        for kind, pattern in self.blockers.items():
            if pattern is None or ONLY_FOR.get(kind, cls) != cls:
                continue
            hay = text
            if kind in OUTSIDE_TITLES:
                if not pattern.search(text, lo, hi):
                    continue
                hay = TITLE.sub(lambda t: MASK * len(t.group()), text)
            if kind in SENTENCE_WIDE:
                if pattern.search(hay):
                    return kind
            elif kind in AFTER_NAME:
                after = _after_brackets(hay, end)  # X公司（以下简称X）总经理: the title after the aside
                found = pattern.search(hay, after, min(max(hi, after), after + AFTER_NAME_WINDOW))
                if found:
                    return kind
            elif kind in BEFORE_NAME or kind in BUILDER:
                builds = kind not in BUILDER or (self.build_verbs is not None and self.build_verbs.search(hay, end, hi))
                if builds and self._before_list(pattern, hay, lo, start):
                    return kind
            elif pattern.search(hay, lo, hi):
                return kind
        return ""

    def opens_before(self, kind: str, text: str, start: int) -> bool:
        """A word of context `kind` stands before `start` in the sentence (名单 before the names it lists)."""
        pattern = self.blockers.get(kind)
        return pattern is not None and pattern.search(text, 0, start) is not None

    def co_items(self, text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """The two names are items of one enumeration (喀什综保区、深圳产业园、喀什大学): stops of a
        visit or members of a roll stand side by side, neither holds the other."""
        (_, a_end), (b_start, _) = sorted([first, second])
        gap = text[a_end:b_start]
        if not self.joiners or len(gap) < 1 or gap[0] != "、" or gap[-1] not in self.joiners \
                or CLAUSE_BREAK.search(gap):
            return False
        return all(len(item) <= LIST_ITEM for item in re.split(f"[{re.escape(self.joiners)}]", gap))

    def _before_list(self, pattern: re.Pattern, text: str, lo: int, start: int) -> bool:
        """The word stands right before the name, or before the list the name is an item of
        (来自甲大学、乙研究院和丙大学的专家: every item is short, joined by 、和及与)."""
        if any(pattern.fullmatch(text, j, start) for j in range(max(lo, start - 4), start)):
            return True
        if not self.joiners or start == 0 or text[start - 1] not in self.joiners:
            return False
        for found in pattern.finditer(text, lo, start):
            items = re.split(f"[{re.escape(self.joiners)}]", text[found.end():start - 1])
            if all(0 < len(item) <= LIST_ITEM for item in items):
                return True
        return False
