"""Where a park stands in its sentence: its clause's subject, a setting, an object, an address.

The discourse stage (`kg.extract.discourse`) asks these questions of each park a
sentence names to decide which park the sentence speaks of; all their words are
lexicon data.
"""
from __future__ import annotations

import re

from kg.extract.wordforms import either
from kg.ontology import Lexicon

CLAUSE = re.compile(r"[，。；：,;:！？]")
LEAD_MAX = 8  # characters of a clause's lead (a time, a discourse word) before a subject park
BRACKET_ASIDE = re.compile(r"[（(][^（）()，。]{1,8}[）)]")  # X经开区（Y镇）: what the park also is


class ParkPosition:
    """The lexicon's position words, compiled once."""

    def __init__(self, lexicon: Lexicon, cooperate=()):
        w = lexicon.words
        self.lex = lexicon
        self.cooperate = list(cooperate)
        self.lead_ok = frozenset(w("clause-lead-word"))  # 目前，…: may open a clause before its subject
        self.object_marker = re.compile(either(w("object-marker")) + "$")
        self.location_verbs = w("location-verb")
        self.venue_before = re.compile(either(w("venue-preposition") + w("location-verb")) + "$")
        self.setting = re.compile("(?:" + either(w("venue-preposition")) + ")$")
        self.inside = tuple(w("inside-word"))  # 在X内，…
        self.partner_before = re.compile(either(w("partner-word")) + "$")
        self.settle_before = re.compile(either(w("settle-verb")) + "$")
        self.local_body = re.compile("[^，。、；：（）()]{0,4}?(?:" + either(w("local-body")) + ")")
        # the boundary words that end a clause's lead (a verb before the park): in_subject_position
        self.lead_stops = tuple(b for b in lexicon.boundaries if len(b) >= 2 and b not in self.lead_ok)

    def settled_in(self, text: str, offset: int) -> bool:
        """已入驻X高新区, 落户在X经开区: the park is where the clause's firms settle."""
        return bool(self.settle_before.search(text[max(0, offset - 6):offset]))

    def in_subject_position(self, text: str, offset: int) -> bool:
        """A park opens its clause (after at most a short time or discourse phrase)
        rather than standing after a verb: 2019年6月，常熟高新区启动… but not 全力推动药明生命科技园."""
        clause_start = max((m.end() for m in CLAUSE.finditer(text, 0, offset)), default=0)
        lead = text[clause_start:offset]
        if not lead:
            return True
        if len(lead) > LEAD_MAX:
            return False
        return not any(w in lead for w in self.lead_stops) and \
            not self.object_marker.search(lead)

    def opens_as_setting(self, text: str, start: int, end: int) -> bool:
        """在X园区，将建设…: a sentence that opens with the park as its setting, set off by a comma,
        says what happens there; the park is what the sentence speaks of."""
        after = text[end:]
        for word in self.inside:
            after = after[len(word):] if after.startswith(word) else after
        return bool(self.setting.fullmatch(text, 0, start)) and after[:1] in ("，", ",")

    def is_address(self, text: str, m, base: int) -> bool:
        """The park names an office (两江新区公安分局) or the venue of an event
        (在漕河泾开发区举行): it does not govern the sentence."""
        if self.names_a_body(text, m, base):
            return True
        before = text[max(0, m.start - base - 3):m.start - base]
        if self.venue_before.search(before):
            clause_end = CLAUSE.search(text, m.end - base)
            rest = text[m.end - base:clause_end.start() if clause_end else len(text)]
            return any(v in rest for v in self.lex.venue_cues) or before.endswith(self.location_verbs)
        return False

    def names_a_body(self, text: str, m, base: int) -> bool:
        """两江新区公安分局, X新区总工会, X经开区（Y镇）Z社区: the park names a body of its own (an office, a
        union, a community), which is what acts in the sentence."""
        after = text[m.end - base:m.end - base + 8]
        return after.startswith(tuple(self.lex.agency_words)) or self._local_body_after(text, m.end - base)

    def _local_body_after(self, text: str, end: int) -> bool:
        """X经开区（Y镇）Z社区, X高新区Z街道: a community or a street office of the park speaks, not the park."""
        found = BRACKET_ASIDE.match(text, end)
        return bool(self.local_body.match(text, found.end() if found else end))

    def after_partner_word(self, text: str, offset: int) -> bool:
        before = text[max(0, offset - 6):offset]
        return bool(self.partner_before.search(before)) or any(
            w in before for w in self.cooperate)
