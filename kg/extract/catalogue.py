"""Recognise the official catalogue's zones in a text and link the parks a document names to them.

The catalogue (``ontology/catalogue.ttl``, read into ``Lexicon.zones``) gives each zone an
official name. A name is matched on its identity key (name part + canonical type, as
`kg.extract.link.Linker` makes it), so 经济技术开发区 = 经开区 and 高新技术产业开发区 = 高新区 come from
the ontology's type words. Each zone is indexed under its name part as written and with its leading
place names taken off one by one::

    武汉东湖新技术开发区 -> 武汉东湖|高新区, 东湖|高新区

A park of a document links to a zone when its own name part (or that name part with its leading
places taken off, each place then agreeing with the zone) is indexed under exactly one zone. A name
part that two zones share, or one that is itself a place name once the places are off (开平 of
唐山开平), links only when the document names the zone's province or city; otherwise it is left
unlinked. A linked park takes the zone's key (`CatalogueLinker.zone_key`), so every document's
mention of the zone lands on one entity, and the graph joins it to the zone with pk:catalogueZone.

>>> from kg.ontology import load_lexicon
>>> cl = CatalogueLinker(load_lexicon())
>>> z = cl.resolve("武汉东湖高新区", "")
>>> z.name
'武汉东湖新技术开发区'
>>> cl.resolve("东湖高新区", "") is None, cl.resolve("东湖高新区", "武汉市东湖高新区").iri == z.iri
(True, True)
"""
from __future__ import annotations

from kg.extract.catalogue_index import CatalogueIndex, IndexEntry, ZoneLink  # noqa: F401 (records re-exported)
from kg.extract.catalogue_match import EndingMatcher, zone_terms
from kg.extract.link import DocumentEntities, Linker, normalise
from kg.ontology import Lexicon
from kg.types import Entity, Mention

STAGE = "gazetteer:catalogue"
CONTINUATION = 8  # Han characters after a zone's name that may still belong to a longer (sub-park) name


class CatalogueLinker:
    """The catalogue's index of name forms (`kg.extract.catalogue_index`, built once per lexicon) put to
    work: resolving a park's name to a zone, moving a document's parks onto zone keys, and recognising
    the zone names the grammars missed."""

    def __init__(self, lexicon: Lexicon, linker: Linker | None = None):
        self.lex = lexicon
        self.linker = linker or Linker(lexicon)
        self.names = _index(lexicon)
        self.zones, self.official, self.index = self.names.zones, self.names.official, self.names.index
        self.zone_keys, self.key_zones, self.shorthand = self.names.zone_keys, self.names.key_zones, self.names.shorthand
        self._type_endings = {form[-1] for form in lexicon.park_types}
        self._park_forms = sorted(lexicon.park_types, key=len, reverse=True)

    def zone_key(self, iri: str) -> str:
        return self.zone_keys[iri]

    def zone_for_key(self, key: str):
        """The zone a park key stands for, or None."""
        iri = self.key_zones.get(key)
        return self.zones[iri] if iri else None

    # ------------------------------------------------------------ resolving
    def resolve(self, name: str, text: str):
        """The zone a park's name stands for in a document with `text`, or None.

        >>> from kg.ontology import load_lexicon
        >>> cl = CatalogueLinker(load_lexicon())
        >>> cl.resolve("北京经济技术开发区", "").code, cl.resolve("北京经开区", "").code
        ('G111001', 'G111001')
        >>> cl.resolve("无名高新区", "") is None
        True
        """
        link = self.link_name(name, text)
        return self.zones[link.zone] if link else None

    def link_name(self, name: str, text: str):
        n = normalise(name)
        if n in self.official:
            return ZoneLink(name, self.official[n], "official")
        prefix, kind = self.linker.split_park(n)
        if not kind:
            return None
        written = n[len(prefix):]
        link = self._link_key(name, prefix, kind, written, text)
        if link is None and written in self.shorthand:
            # 广州开发区 is the usual short form of 广州经济技术开发区
            link = self._link_key(name, prefix, self.shorthand[written], "", text)
        return link

    def _same_kind(self, written: str, entry: IndexEntry, kind: str) -> bool:
        """Do the mention's type word and the zone's name the same kind of zone?

        The type words of a zone-level family are one kind (经济开发区 = 经济技术开发区, its former
        name). A sub-park-level family lumps different kinds under one canonical form (综保区 for
        综合保税区 and for 自贸片区): there the mention's word must be the zone's, its canonical form,
        or written within it (保税区 in 综合保税区, 综保区)."""
        ptype = self.lex.park_types.get(entry.written)
        if not written or ptype is None or ptype.level != "subpark":
            return True
        if kind in (written, entry.written) or written == entry.written:
            return True
        chars = iter(entry.written)
        return all(ch in chars for ch in written)  # written is a subsequence of the zone's word

    def _link_key(self, name: str, prefix: str, kind: str, written: str, text: str):
        # the mention's name part, then with its leading places taken off (each must agree with the zone)
        for form, places in self.names.forms(prefix):
            entries = [e for e in self.index.get(f"{form}|{kind}", []) if self._same_kind(written, e, kind)]
            candidates = sorted({e.zone for e in entries
                                 if all(self.names.in_place(self.zones[e.zone], p) for p in places)})
            if not candidates:
                continue
            plain = [iri for iri in candidates
                     if not all(e.needs_context for e in entries if e.zone == iri)]
            if len(candidates) == 1 and plain:
                return ZoneLink(name, candidates[0], "name")
            rest = text.replace(name, "")  # the place must be named outside the mention (无锡经开区)
            in_context = [iri for iri in candidates if self.names.named_in(
                self.zones[iri], rest, {p for e in entries if e.zone == iri for p in e.places})]
            if len(in_context) == 1:
                return ZoneLink(name, in_context[0], "context")
            return None  # ambiguous: a shorter form would only be more so
        return None

    # ------------------------------------------------------------ documents
    def link_document(self, text: str, linked: DocumentEntities) -> DocumentEntities:
        """The document's entities with each park that names a zone moved onto the zone's key."""
        remap: dict = {}
        zones: dict = {}  # new key -> zone IRI
        for key, e in sorted(linked.entities.items()):
            if e.cls != "Park":
                continue
            for form in sorted({e.label, *e.aliases}, key=lambda f: (-len(f), f)):
                link = self.link_name(form, text)
                if link is not None:
                    remap[key] = self.zone_keys[link.zone]
                    zones[remap[key]] = link.zone
                    break
        if not remap:
            return linked
        out = DocumentEntities(generic_parks=list(linked.generic_parks))
        for key, e in sorted(linked.entities.items()):
            new = remap.get(key, key)
            old = out.entities.get(new)
            if old is None:
                out.entities[new] = Entity(new, e.cls, e.label, e.aliases, e.subclass, e.sector, e.documents,
                                           zones.get(new, e.zone))
                continue
            names = {old.label, e.label, *old.aliases, *e.aliases}
            label = max((old.label, e.label), key=lambda f: (len(f), f))
            out.entities[new] = Entity(new, old.cls, label, tuple(sorted(names - {label})),
                                       old.subclass or e.subclass, old.sector or e.sector, old.documents,
                                       old.zone or zones.get(new, e.zone))
        out.mention_keys = {span: remap.get(k, k) for span, k in linked.mention_keys.items()}
        out.short_names = {s: remap.get(k, k) for s, k in linked.short_names.items()}
        return out

    # ------------------------------------------------------------ recognition
    def merge(self, doc, sentences, mentions: list[Mention]) -> list[Mention]:
        """Add a Park mention for each zone name the recognisers missed or cut short.

        A zone name (official or short form) that stands for one zone in this document and that
        overlaps no mention is added; one that covers Park mentions entirely
        (湖北武汉东湖新技术开发区 over 东湖新技术开发区) replaces them. Mentions of other classes win.
        """
        found = _matcher(self.lex).find(doc.text)
        if not found:
            return mentions
        out = list(mentions)
        for start, end, _iri in found:
            if not self._names_a_zone(doc.text, start, end):
                continue
            overlapping = [m for m in out if m.start < end and start < m.end]
            if any(m.cls != "Park" or m.start < start or m.end > end or (m.start, m.end) == (start, end)
                   for m in overlapping):
                continue  # another class wins; so does a park reaching further, or one found already
            out = [m for m in out if m not in overlapping]
            out.append(self._zone_mention(doc.id, start, end, doc.text[start:end]))
        return sorted(out, key=lambda m: (m.start, m.end))

    def _names_a_zone(self, text: str, start: int, end: int) -> bool:
        """Does the name found at text[start:end] stand for one zone here, and end where it ends?"""
        surface = text[start:end]
        if normalise(surface) not in self.official and not self.names.strip_place(surface)[0]:
            return False  # a short form with no place in it (现代产业园区) is no name on its own
        if self._continues(text, end):
            return False  # 中关村科技园区昌平园: the zone's name starts a sub-park's name
        return self.link_name(surface, text) is not None  # None: a form two zones share, nothing to choose

    def _zone_mention(self, doc_id: str, start: int, end: int, surface: str) -> Mention:
        ptype = self._park_type(surface)
        return Mention(doc_id, start, end, surface, "Park", STAGE, 0.9, surface,
                       ptype.cls if ptype and ptype.cls != "Park" else "", False, ptype.level if ptype else "zone")

    def _continues(self, text: str, end: int) -> bool:
        """Is the name followed, within a few Han characters, by a character that ends park types?"""
        for ch in text[end:end + CONTINUATION]:
            if not "\u4e00" <= ch <= "\u9fff":
                return False
            if ch in self._type_endings:
                return True
        return False

    def _park_type(self, name: str):
        for form in self._park_forms:
            if name.endswith(form):
                return self.lex.park_types[form]
        return None


_INDEXES: dict = {}  # id(lexicon) -> (lexicon, CatalogueIndex, EndingMatcher | None)


def _index(lexicon: Lexicon) -> CatalogueIndex:
    """The lexicon's catalogue index, built once per lexicon (every pipeline on it shares it)."""
    cached = _INDEXES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _INDEXES[id(lexicon)] = (lexicon, CatalogueIndex(lexicon), None)
    return cached[1]


def _matcher(lexicon: Lexicon) -> EndingMatcher:
    """The matcher of every zone's name forms (`kg.extract.catalogue_match`), built once per lexicon."""
    lex, index, matcher = _INDEXES[id(lexicon)]
    if matcher is None:
        matcher = EndingMatcher(*zone_terms(index))
        _INDEXES[id(lexicon)] = (lex, index, matcher)
    return matcher


_LINKERS: dict = {}


def catalogue_zone(lexicon: Lexicon, key: str):
    """The catalogue `Zone` a park's entity key stands for (None when it is no zone's key)."""
    cached = _LINKERS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _LINKERS[id(lexicon)] = (lexicon, CatalogueLinker(lexicon))
    return cached[1].zone_for_key(key)
