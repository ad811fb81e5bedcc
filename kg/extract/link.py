"""Link mentions into entities: one entity per thing, inside a document and across documents.

Identity keys come from normalised names: a park's key is its name part plus the
canonical form of its type word (苏州高新技术产业开发区 and 苏州高新区: ``Park:苏州|高新区``); a
firm's drops its legal suffix and opening places. In a document, a park without its place
(临港开发区 after 江阴临港经济开发区) and a firm without its suffix (迈为) join the fuller name.

>>> from kg.ontology import load_lexicon
>>> linker = Linker(load_lexicon())
>>> linker.park_key("苏州高新技术产业开发区") == linker.park_key("苏州高新区")
True
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.ontology import Lexicon
from kg.extract.declared_aliases import merge_declared
from kg.extract.firm_identity import COMMON_WORD, merge_firms, name_opener, placeless
from kg.extract.platform_identity import merge_platforms
from kg.extract.glued_firms import join_park_openings
from kg.extract.industry_forms import abbreviates
from kg.extract.known_names import complete_known_names
from kg.extract.park_identity import canonical_parks, city_or_province, descriptive_test, zone_left_out
from kg.extract.new_areas import AreaTest
from kg.extract.short_names import ShortNames
from kg.extract.segment_dictionary import base_dictionary, base_tags
from kg.types import Document, Entity, EntityKey, Mention


_QUOTES = "“”\"'‘’《》「」『』〈〉"


@lru_cache(maxsize=1 << 16)  # names recur within and across documents
def normalise(name: str) -> str:
    """NFKC, no spaces or quotes: the form keys are made from.

    >>> normalise("长三角（江阴） 数字创新港"), normalise("复旦 AI for Science 创新中心")
    ('长三角(江阴)数字创新港', '复旦AI for Science创新中心')
    """
    s = unicodedata.normalize("NFKC", name)
    s = "".join(ch for ch in s if ch not in _QUOTES)
    s = re.sub(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])", "\x00", s)  # AI for science keeps its spaces
    return re.sub(r"\s+", "", s).replace("\x00", " ")


@dataclass
class DocumentEntities:
    """The result of linking one document's mentions."""

    entities: dict = field(default_factory=dict)  # key -> Entity
    mention_keys: dict = field(default_factory=dict)  # (start, end) -> key
    generic_parks: list = field(default_factory=list)  # generic park mentions, resolved later
    short_names: dict = field(default_factory=dict)  # bare short name -> park key (临港)


@dataclass(frozen=True)
class LinkedDocument:
    """One document after linking: every mention with its entity key ('' for generic ones), and its entities."""

    mentions: tuple  # Mention, in recognition order, then the short-name mentions linking added
    entities: dict  # EntityKey -> Entity

    def keys(self) -> dict:
        """(start, end) -> entity key of the named mentions."""
        return {(m.start, m.end): m.key for m in self.mentions if m.key}


class Linker:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self._park_forms = sorted(lexicon.park_types, key=len, reverse=True)
        self._zone_forms = tuple(f for f in self._park_forms if lexicon.park_types[f].level == "zone")
        self._longest_park_form = len(self._park_forms[0]) if self._park_forms else 0
        # 临港开发区 = 临港经开区: the canonical types one zone goes by (lexicon: interchangeable-park-type)
        self._compatible = frozenset(lexicon.words("interchangeable-park-type"))
        self._bare_types = frozenset(lexicon.words("bare-park-type"))
        self._areas = AreaTest.from_lexicon(lexicon)
        self._quality = lexicon.words("quality-modifier")  # 高端医疗器械 is 医疗器械 at its top end
        self._variant_endings = lexicon.words("industry-variant-ending")  # 高端装备制造 = 高端装备
        self._short_names = ShortNames(lexicon)
        self._descriptive = descriptive_test(lexicon)  # 智能制造 in 智能制造产业园 only describes
        self._firm_kinds = frozenset(lexicon.words("firm-kind-word"))
        self._group_forms = tuple(lexicon.words("short-name-group-form"))  # 凌云集团 for 凌云科技集团有限公司
        self._alias_cues = lexicon.words("alias-cue")  # X（以下简称“Y”）: Y is X's alias
        self._legal = re.compile("(" + "|".join(map(re.escape, lexicon.words("key-legal-suffix"))) + ")$")

    # ---------------------------------------------------------------- keys
    def split_park(self, name: str) -> tuple[str, str]:
        """(name part, canonical type) of a park name: 江阴临港经济开发区 -> (江阴临港, 经开区)."""
        n = normalise(name)
        types = self.lex.park_types
        for size in range(min(self._longest_park_form, len(n) - 1), 0, -1):  # the longest type word ending it
            if n[-size:] in types:
                return n[:-size], types[n[-size:]].canonical
        return n, ""

    def park_key(self, name: str) -> EntityKey:
        prefix, kind = self.split_park(name)
        return EntityKey.of("Park", f"{prefix}|{kind}")

    def key(self, mention: Mention) -> EntityKey:
        name = normalise(mention.key_name)
        if mention.cls == "Park":
            return self.park_key(name)
        if mention.cls == "Enterprise":
            core = self._legal.sub("", name)
            key = placeless(core, self.lex.regions, base_dictionary(), self._firm_kinds) if len(core) >= 2 else name
            return EntityKey.of("Enterprise", key)
        return EntityKey.of(mention.cls, name)

    def link_document(self, mentions: list[Mention], is_place) -> DocumentEntities:
        """Group one document's named mentions into entities; `is_place(word)` tells place names."""
        out = DocumentEntities()
        surfaces: dict = defaultdict(list)
        info: dict = {}
        for m in mentions:
            if m.generic:
                out.generic_parks.append(m)
                continue
            k = self.key(m)
            surfaces[k].append(normalise(m.surface) if m.cls != "Industry" else normalise(m.key_name))
            info.setdefault(k, m)
            out.mention_keys[(m.start, m.end)] = k
        merged = self._merge_short_forms(surfaces, info, is_place)
        for k, target in merged.items():
            surfaces[target].extend(surfaces.pop(k))
        for span, k in list(out.mention_keys.items()):
            out.mention_keys[span] = merged.get(k, k)
        for k, forms in surfaces.items():
            m = info[k]
            label = max(forms, key=lambda f: (len(f), forms.count(f), f))
            aliases = tuple(sorted(set(forms) - {label}))
            out.entities[k] = Entity(k, m.cls, label, aliases, m.subclass)
            if m.cls == "Park":
                prefix, _ = self.split_park(label)
                core = self._strip_place(prefix, is_place)
                # a zone goes by the place-name part of its name (临港, 两江, 天府); never by a modifier, a
                # description (国家, 应急, 牧场), which names no one thing, or a city (苏州: the city itself)
                if core and core != prefix and len(core) >= 2 and is_place(core) and not self._descriptive(core) \
                        and not city_or_province(core, self.lex.regions):
                    out.short_names.setdefault(core, k)
        return out

    def link(self, doc: Document, mentions: list[Mention], is_place, refine=None) -> "LinkedDocument":
        """Mentions -> linked mentions (each carrying its entity key) and the document's entities.

        Linking owns identity: names completed where the document names a park whole (known_names),
        keys, bare short names (临港), sectors, original-script aliases (蘇州工業園區); `refine` may
        move entities onto other keys first (the official catalogue's zones).
        """
        mentions = complete_known_names(doc.text, mentions)
        # the one join across a boundary that needs the whole document, after each sentence's (names.resolve.JOINS)
        mentions = join_park_openings(doc.text, mentions, self.lex.regions, self.lex.words("registered-legal-form"))
        linked = merge_declared(doc.text, mentions, self.link_document(mentions, is_place), self._alias_cues)
        if refine is not None:
            linked = refine(doc.text, linked)
        linked = self._areas.drop_regions(doc.text, linked)  # 镇江新区心湖广场: a district, no park
        keyed = [replace(m, key=linked.mention_keys.get((m.start, m.end), "")) for m in mentions]
        keyed += self._short_names.mentions(doc, mentions, linked.short_names)
        entities = {k: self._with_sector(e) for k, e in linked.entities.items()}
        if doc.original_text:
            entities = self._with_original_forms(doc, keyed, entities)
        return LinkedDocument(tuple(keyed), entities)

    def _with_sector(self, e: Entity) -> Entity:
        """An industry's sector: its taxonomy concept, or that of the longest label it ends with (钒钛新材料 -> 新材料)."""
        if e.cls != "Industry":
            return e
        labels = self.lex.industry_labels
        iri = labels.get(e.label)
        if iri is None:
            iri = next((labels[e.label[-size:]] for size in range(len(e.label) - 1, 1, -1)
                        if e.label[-size:] in labels), None)
        return replace(e, sector=iri or "")

    @staticmethod
    def _with_original_forms(doc: Document, mentions, entities: dict) -> dict:
        """A name written in traditional characters (蘇州工業園區) is an alias of its entity."""
        extra: dict = {}
        for m in mentions:
            written = doc.display(m.start, m.end)
            if m.key in entities and written != m.surface:
                extra.setdefault(m.key, set()).add(normalise(written))
        out = dict(entities)
        for k, forms in extra.items():
            e = out[k]
            out[k] = replace(e, aliases=tuple(sorted((set(e.aliases) | forms) - {e.label})))
        return out

    def _strip_place(self, prefix: str, is_place) -> str:
        for size in range(min(4, len(prefix) - 1), 1, -1):
            if is_place(prefix[:size]):
                return prefix[size:]
        return prefix

    def _merge_short_forms(self, surfaces, info, is_place) -> dict:
        """key -> fuller key, for parks named without their place and firms without suffix."""
        merged = self._merge_parks({k: self.split_park(info[k].surface) for k in surfaces if k.cls == "Park"},
                                   is_place)
        # 南京市江北新区 = 江苏南京江北新区: place prefixes that agree
        for k, target in canonical_parks([k for k in surfaces if k.cls == "Park"], self.lex.regions,
                                         self._descriptive).items():
            merged.setdefault(k, target)
        merged.update(self._merge_industries(sorted((k for k in surfaces if k.cls == "Industry"), key=len)))
        opener = lambda extra: name_opener(extra, base_tags(), tuple(self.lex.enterprise_legal_suffixes))  # noqa: E731
        common = lambda word: base_dictionary().get(word, 0) >= COMMON_WORD  # noqa: E731
        merged.update(merge_firms([k for k in surfaces if k.cls == "Enterprise"], is_place, self._group_forms, opener,
                                  tuple(self.lex.words("key-legal-suffix")), common, self._placed(info),
                                  {k: max(forms, key=len) for k, forms in surfaces.items() if k.cls == "Enterprise"}))
        # a university's name is whole on its own: what stands before it is the sentence's (千名|某某大学)
        merged.update(merge_platforms([k for k in surfaces if k.cls == "Platform" and info[k].subclass != "University"]))
        for k in list(merged):  # follow chains
            seen = {k}
            while merged[k] in merged and merged[k] not in seen:
                seen.add(merged[k])
                merged[k] = merged[merged[k]]
        return merged

    def _placed(self, info: dict) -> frozenset:
        """The firm keys that dropped the places their names open with (山西|某某科技)."""
        return frozenset(k for k, m in info.items() if k.cls == "Enterprise"
                         and k.name != self._legal.sub("", normalise(m.key_name)))

    def _fuller_park(self, k, prefix: str, kind: str, parks: dict, is_place):
        """The park whose name part is `prefix` after a place (江阴|临港), of a compatible type; else None."""
        best = None
        prefix = prefix.replace("(", "").replace(")", "")
        for k2, (prefix2, kind2) in parks.items():
            prefix2 = prefix2.replace("(", "").replace(")", "")  # 中国(上海): the bracketed place is the name's
            if k2 == k or len(prefix2) <= len(prefix) or not prefix2.endswith(prefix):
                continue
            same_kind = kind == kind2 or (kind in self._compatible and kind2 in self._compatible)
            before = prefix2[: len(prefix2) - len(prefix)]
            # 江阴|临港 (a place before it), or 中国(上海)自由贸易试验区|临港新片区 (its zone's name)
            if same_kind and (is_place(before) or self.split_park(before)[1]):
                if best is None or len(prefix2) > len(parks[best][0]):
                    best = k2
        return best

    def _merge_parks(self, parks: dict, is_place) -> dict:
        merged = {}
        for k, (prefix, kind) in parks.items():
            if not prefix:
                continue
            best = self._fuller_park(k, prefix, kind, parks, is_place)
            if best is None:  # 郎溪县|十字园区 = 郎溪县经济开发区|十字园区: the part's zone left out after its place
                best = next((k2 for k2, (prefix2, kind2) in parks.items() if kind2 == kind and k2 != k
                             and zone_left_out(prefix, prefix2, self._zone_forms, self.lex.regions)), None)
            if best is None:
                # same name part, a shorter type word: 临港开发区 = 临港经开区
                for k2, (prefix2, kind2) in parks.items():
                    if k2 != k and prefix2 == prefix and kind in self._bare_types and kind2 in self._compatible:
                        best = k2
            if best is not None:
                merged[k] = best
        return merged

    def _same_industry(self, name: str, name2: str) -> bool:
        """高端装备制造 = 高端装备, 氢燃料电池 = 燃料电池, 高端医疗器械 = 医疗器械 (name2 the longer)."""
        rest_after = name2[len(name):] if name2.startswith(name) else None
        rest_before = name2[: -len(name)] if name2.endswith(name) else None
        return rest_after in self._variant_endings or (
            rest_before is not None and (len(rest_before) == 1 or rest_before in self._quality))

    def _merge_industries(self, industries: list) -> dict:
        """An industry into a longer one of the document, its variant or the name it abbreviates (文创, 文化创意)."""
        merged = {}
        for k in industries:
            for k2 in industries:
                if k2 != k and len(k2.name) > len(k.name) and (
                        self._same_industry(k.name, k2.name) or abbreviates(self.lex.industry_labels, k.name, k2.name)):
                    merged[k] = k2
                    break
        return merged


def merge_entities(per_document: list[dict]) -> dict:
    """Merge the entities of many documents by key: one entity per thing."""
    merged: dict = {}
    for doc_id, entities in per_document:
        for k, e in entities.items():
            if k not in merged:
                merged[k] = Entity(k, e.cls, e.label, e.aliases, e.subclass, e.sector, (doc_id,), e.zone)
                continue
            old = merged[k]
            names = set(old.aliases) | set(e.aliases) | {old.label, e.label}
            # the fullest of the documents' own labels (never an alias such as a traditional form)
            label = max((old.label, e.label), key=lambda f: (len(f), f)) if e.cls != "Industry" else old.label
            merged[k] = Entity(k, old.cls, label, tuple(sorted(names - {label})), old.subclass or e.subclass,
                               old.sector or e.sector, tuple(sorted(set(old.documents) | {doc_id})),
                               old.zone or e.zone)
    return merged
