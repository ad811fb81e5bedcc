"""A park's name run straight on into the proper name of one of its parts: one name, the part's.

X新区某某新城, X农业科技园某某园区, X经开区某某工业园区: a zone, then two to four characters of a name and a
part's head (a sub-park type word, a part noun such as 核心区, or an area word such as 新城). The grammars
read the zone and stop at its type word, and the part (if they find it at all) is a second mention; but
the text names one thing, the part, by its whole name (the annotation guide: a park named only inside
another annotated name is no entity of its own). A clause or a generic word after the zone is no part's
name: 某高新区内某某科技园 (a place word, and a name found after it), 某产业园参观了园区 or 某高新区开展园区
(a verb or a particle), 某产业园产城融合核心区 (a phrase): the zone stays as it is.

>>> from kg.ontology import load_lexicon
>>> from kg.extract.names import Recognizer
>>> from kg.types import Sentence
>>> rec = Recognizer(load_lexicon())
>>> text = "青禾经济技术开发区宣榆工业园区管委会获悉，项目投产。"
>>> [m.surface for m in rec.mentions("d", text, [Sentence("d", 0, len(text), text, 0)]) if m.cls == "Park"]
['青禾经济技术开发区宣榆工业园区']
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.names.cues import STOP_POS, CueIndex
from kg.extract.names.rules import Candidate
from kg.extract.new_areas import free_trade_area
from kg.types import Sentence

NAME_CHARS = (2, 4)  # how long a part's own name is between its zone and its head
VERBS = frozenset({"v", "vn", "vd", "vg"})  # 融合, 开展: a phrase or a clause, no name


def join_parts(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """Each named park candidate that the sentence runs on into a part's proper name extended over it; the
    part's own candidate, now inside it, goes."""
    heads = cues.part_heads
    starts = {c.start: c for c in cands if c.cls == "Park"}
    out, gone = [], set()
    for c in cands:
        if c.cls == "Park" and not c.generic and id(c) not in gone:
            end = _part_end(cues, sent, c.end, heads, cands, starts.get(c.end))
            if end:
                part = starts.get(c.end)
                if part is not None:
                    gone.add(id(part))
                c = replace(c, end=end, level="subpark", subclass=part.subclass if part is not None else c.subclass)
        out.append(c)
    return [c for c in out if id(c) not in gone]


def _part_end(cues: CueIndex, sent: Sentence, at: int, heads: tuple, cands, part: Candidate | None) -> int:
    """Where the part's name that starts at `at` ends, or 0 where what follows is no part's name."""
    if part is not None and not part.generic:
        return _found_part_end(cues, sent, at, heads, part)
    if any(c.start == at and c.cls != "Park" for c in cands):
        return 0  # 某新区|某某新城某某有限公司: a firm's name goes on from the park
    text, base = sent.text, sent.start
    for size in range(NAME_CHARS[0], NAME_CHARS[1] + 1):
        found = cues.part_head_re.match(text, at - base + size)  # the longest head there (heads longest first)
        head = found.group() if found else ""
        end = at + size + len(head)
        if head and _names(cues, text[at - base:at - base + size]) and _words_end(cues, text, at - base, size, end - base) \
                and not any(at < c.start < end for c in cands) and _developed(cues, sent, at, end, head):
            return end  # 某高新区内|某某科技园: a name found after the place word is a name of its own
    return 0


def _found_part_end(cues: CueIndex, sent: Sentence, at: int, heads: tuple, part: Candidate) -> int:
    """The end of the park a grammar found right after the zone, where it is a part's proper name, else 0."""
    surface = sent.text[part.start - sent.start:part.end - sent.start]
    # the part's own type word (某某工业园区), where it ends in a part's head (园区)
    head = max((w for w in cues.lex.park_types if surface.endswith(w) and w.endswith(heads)), key=len, default="")
    head = head or next((h for h in heads if surface.endswith(h)), "")
    size = len(surface) - len(head)
    fits = head and NAME_CHARS[0] <= size <= NAME_CHARS[1] and _names(cues, surface[:size])
    return part.end if fits and _developed(cues, sent, at, part.end, head) else 0


def _names(cues: CueIndex, name: str) -> bool:
    """Two to four characters that can be a part's proper name: no punctuation, function word, verb,
    boundary word, compass point (西北区核心区) or generic modifier (市级特色园区)."""
    function = cues.words["part_name_function"]
    if not name.isalnum() or any(ch in function for ch in name) or name[0] in cues.lex.words("inside-word") \
            or name.startswith(cues.words["compass_parts"]) or cues.only_modifiers(name) \
            or (cues.long_stop_re is not None and cues.long_stop_re.search(name)):
        return False
    return all(t.pos not in STOP_POS and t.pos not in VERBS and t.word not in cues.stop_words
               for t in cues.tokens(name))


def _words_end(cues: CueIndex, text: str, at: int, size: int, end: int) -> bool:
    """The name and its head end where words end (某某核心区域 is an area of it, no part's name)."""
    ends, pos = set(), at
    for t in cues.tokens(text[at:end + 4]):
        pos += len(t.word)
        ends.add(pos)
    return at + size in ends and end in ends


def _developed(cues: CueIndex, sent: Sentence, start: int, end: int, head: str) -> bool:
    """A part named by an area word (新城) is a part of the zone only where its sentence treats it as a
    development area (one development word, as kg.extract.new_areas asks); elsewhere it is a district, and
    the zone before it is named on its own. A 片区 names a block of a town as often as a zone's area, so only
    a free-trade zone's (某自贸区某某新片区) is a part."""
    lex = cues.lex
    if head not in lex.words("area-test-type"):
        return True
    name = sent.text[start - sent.start:end - sent.start]
    if free_trade_area(lex, name):
        return True
    if head in lex.words("weak-area-type"):
        return False
    rest = sent.text[:start - sent.start] + sent.text[end - sent.start:]
    return any(w in rest for w in lex.words("development-area-word"))
