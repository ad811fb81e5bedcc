"""Short names a text declares for a name (某某股份有限公司（以下简称“某某科技”）): one entity, not two.

A document names a firm, a platform or a park in full once and declares the short form it uses after it,
in brackets, with an alias cue (以下简称, 下称, 简称) and the short form, quoted (one or more forms, joined
by 或 or 、) or not. Where the grammars found the short form as a name of the same class, its entity is the full
name's alias. Linking merges short forms by their shape only (a prefix, a place dropped); a declared form
may share no shape with the full name (人工智能与数字经济某省实验室（以下简称“某某实验室”）).

>>> from kg.types import Mention
>>> text = "青禾新能源科技股份有限公司（以下简称“公司”或“青禾科技”）成立。"
>>> full = Mention("d", 0, 13, text[0:13], "Enterprise", "s", 1.0, text[0:13])
>>> short = Mention("d", 24, 28, text[24:28], "Enterprise", "s", 1.0, text[24:28])
>>> declared_pairs(text, [full, short], ("以下简称",))
[((0, 13), (24, 28))]
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

ASIDE_REACH = 60  # characters of the bracketed aside after the full name


@lru_cache(maxsize=4)
def _aside(cues: tuple) -> re.Pattern:
    """（以下简称“甲”或“乙”）, （简称甲）: the opening bracket, a cue, and the quoted forms or one
    unquoted form up to the closing bracket; a bracketed place may stand before it (某省实验室（深圳）（以下简称…））."""
    cue = "|".join(map(re.escape, cues))
    return re.compile(f"(?:[（(][^（）()]{{1,6}}[）)])?[（(](?:{cue})[：:为]?"
                      f"((?:“[^“”（）()]{{1,20}}”[或、]?)+|[^“”（）()《》，、]{{1,20}}(?=[）)]))")


def declared_pairs(text: str, mentions: list, cues: tuple) -> list[tuple[tuple, tuple]]:
    """[(full span, short span)] for each named mention right before an aside that declares a short
    form, and a named mention of the same class that is one of the forms (there, or elsewhere written alike)."""
    named = [m for m in mentions if not m.generic]
    by_span = {(m.start, m.end): m for m in named}
    by_surface = {m.surface: m for m in named}  # the aside's form unfound (简称甲, unquoted), 甲 found later
    pairs = []
    for m in named:
        found = _aside(cues).match(text, m.end, m.end + ASIDE_REACH)
        if not found:
            continue
        forms = found.group(1)
        quoted = [(q.start(1), q.group(1)) for q in re.finditer("“([^”]+)”", forms)] or [(0, forms)]  # 简称甲 unquoted
        for at, form in quoted:
            a = found.start(1) + at
            short = by_span.get((a, a + len(form))) or by_surface.get(form)
            if short is not None and short.cls == m.cls:
                pairs.append(((m.start, m.end), (short.start, short.end)))
    return pairs + _bracketed_firms(text, named, by_span)


def _bracketed_firms(text: str, named: list, by_span: dict) -> list[tuple[tuple, tuple]]:
    """某某制造有限公司（某飞公司）: a firm's name in brackets right after a firm's full name, the whole
    aside, with no cue, is the short form the text goes on to use."""
    pairs = []
    for m in named:
        if m.cls != "Enterprise" or text[m.end:m.end + 1] not in ("（", "("):
            continue
        short = next((o for (a, b), o in by_span.items() if a == m.end + 1 and text[b:b + 1] in ("）", ")")), None)
        if short is not None and short.cls == "Enterprise":
            pairs.append(((m.start, m.end), (short.start, short.end)))
    return pairs


def merge_declared(text: str, mentions: list, linked, cues: tuple):
    """`linked` (a `link.DocumentEntities`) with each declared short form's entity made the full name's
    alias: its mentions keyed to the full name's entity, its label and aliases added to the full name's."""
    for full, short in declared_pairs(text, mentions, cues):
        kf, ks = linked.mention_keys.get(full), linked.mention_keys.get(short)
        if not kf or not ks or kf == ks or kf not in linked.entities or ks not in linked.entities:
            continue
        ef, es = linked.entities[kf], linked.entities.pop(ks)
        aliases = (set(ef.aliases) | {es.label} | set(es.aliases)) - {ef.label}
        linked.entities[kf] = replace(ef, aliases=tuple(sorted(aliases)))
        for span, k in list(linked.mention_keys.items()):
            if k == ks:
                linked.mention_keys[span] = kf
        for name, k in list(linked.short_names.items()):
            if k == ks:
                linked.short_names[name] = kf
    return linked
