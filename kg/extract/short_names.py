"""Mentions of a park by its bare short name (临港 for 江阴临港经济开发区), where the text means the park.

A short name is matched anywhere in the document, so it must not be read where it only opens
another name: a bare name running, within a few characters, into a platform's, a firm's or a
park's type word (<short>科创中心, <short>集团) begins that other thing's name, not the park's.
"""
from __future__ import annotations

import re

from kg.extract.wordforms import chars, either
from kg.ontology import Lexicon
from kg.types import Document, Mention

SHORT_NAME_STAGE, SHORT_NAME_SCORE = "link:short-name", 0.6
NAME_RUN = 4  # characters a name may run on between the short name and its own type word


class ShortNames:
    def __init__(self, lexicon: Lexicon):
        self._admin_suffixes = frozenset(lexicon.words("admin-ending"))  # a place name's administrative ending
        heads = (set(lexicon.platform_types) | set(lexicon.enterprise_legal_suffixes) | set(lexicon.park_types)
                 | set(lexicon.words("positioning-head")))
        breaks = set(lexicon.words("end-cut-character")) | set(lexicon.words("phrase-break-character"))
        run = "[^\\W\\d_" + chars(breaks) + "]"
        self._other_name = re.compile(f"{run}{{0,{NAME_RUN}}}?(?:{either(heads)})")

    def mentions(self, doc: Document, mentions: list[Mention], short_names: dict) -> list[Mention]:
        """Mentions of each park by its bare name, outside the recognised names, except a county's or a
        town's name (巴东县, 临港镇) and a name that only opens another (`opens_other_name`)."""
        taken = [(m.start, m.end) for m in mentions]
        out = []
        for short in sorted(short_names):
            for m in re.finditer(re.escape(short), doc.text):
                a, b = m.start(), m.end()
                if any(s <= a < e or s < b <= e for s, e in taken):
                    continue
                if doc.text[b:b + 1] in self._admin_suffixes or self.opens_other_name(doc.text, b):
                    continue
                out.append(Mention(doc.id, a, b, short, "Park", SHORT_NAME_STAGE, SHORT_NAME_SCORE, short,
                                   key=short_names[short]))
        return out

    def opens_other_name(self, text: str, end: int) -> bool:
        """The text after a short name runs on into a type word: <short>国际科创中心 is another thing."""
        return bool(self._other_name.match(text, end))
