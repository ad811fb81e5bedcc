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

from collections import defaultdict
from dataclasses import dataclass

from kg.extract.link import DocumentEntities, Linker, normalise
from kg.ontology import Lexicon
from kg.types import Entity, Mention

MIN_CORE = 2  # a name part left after taking places off has at least two characters
MAX_PLACE = 4  # the longest place name taken off the front of a name part (黑龙江 is 3, 内蒙古 3)
STAGE = "gazetteer:catalogue"
CONTINUATION = 8  # Han characters after a zone's name that may still belong to a longer (sub-park) name


@dataclass(frozen=True)
class IndexEntry:
    zone: str  # zone IRI
    places: tuple  # the places taken off the zone's name part to reach this form
    needs_context: bool  # the form alone does not say which zone (no place left, or only a place)
    written: str = ""  # the type word as the official name writes it (综合保税区)


@dataclass(frozen=True)
class ZoneLink:
    """A park's name linked to a zone, and how."""

    surface: str
    zone: str  # IRI
    via: str  # official | name | context


class CatalogueLinker:
    """The catalogue as an index of name forms, built once from the lexicon."""

    def __init__(self, lexicon: Lexicon, linker: Linker | None = None):
        self.lex = lexicon
        self.linker = linker or Linker(lexicon)
        self.zones = {z.iri: z for z in lexicon.zones}
        self.official: dict = {}  # normalised official name -> zone IRI
        self.index: dict = defaultdict(list)  # "name part|type" -> [IndexEntry]
        self._province_names = self._province_forms()
        self._type_endings = {form[-1] for form in lexicon.park_types}
        # a plain zone type word, written as its canonical form, that ends an economic zone's long form
        # stands for it too: 广州开发区 is the usual short form of 广州经济技术开发区 (not 滨海示范园区)
        econ = [pt for pt in lexicon.park_types.values() if pt.cls == "EconomicDevelopmentZone"]
        self.shorthand = {pt.canonical: e.canonical for pt in lexicon.park_types.values()
                          if pt.cls == "Park" and pt.level == "zone" and pt.form == pt.canonical
                          for e in econ if e.form != pt.form and e.form.endswith(pt.form)}
        keys: dict = defaultdict(list)
        for z in lexicon.zones:
            name = normalise(z.name)
            self.official.setdefault(name, z.iri)
            prefix, kind = self.linker.split_park(name)
            keys[self.linker.park_key(self._without_province(name, z))].append(z.iri)
            for form, places in self._forms(prefix):
                self.index[f"{form}|{kind}"].append(
                    IndexEntry(z.iri, places, self._needs_context(form, places), name[len(prefix):]))
        # each zone's entity key: the key of its official name as texts write it, without a province in
        # front of a city (江苏江阴临港经济开发区 -> Park:江阴临港|经开区), with its code where two zones share one
        # (and where another zone has the same name form: a text's 松江经开区 must not join 松江经济技术开发区
        # by its key alone when 上海松江经济开发区 is also 松江经开区)
        self.zone_keys: dict = {}
        for key, iris in sorted(keys.items()):
            shared = {e.zone for e in self.index.get(key.split(":", 1)[1], [])}
            for iri in iris:
                code = self.zones[iri].code or iri.rsplit("/", 1)[-1]
                self.zone_keys[iri] = key if len(iris) == 1 and len(shared) <= 1 else f"{key}#{code}"
        self.key_zones = {k: iri for iri, k in self.zone_keys.items()}

    # ------------------------------------------------------------ forms
    def _province_forms(self) -> dict:
        """Province full name -> every name of it (湖北省 -> {湖北省, 湖北})."""
        out: dict = defaultdict(set)
        full = {iri: name for iri, name in self.lex.region_labels.items()}
        for label, iri in self.lex.regions.items():
            name = full.get(iri, "")
            if name:
                out[name].add(label)
        return out

    def _without_province(self, name: str, zone) -> str:
        """The official name without its province when a place and a name follow it
        (江苏江阴临港… -> 江阴临港…); kept when only a place would be left (江苏无锡经济开发区), since a
        text's 无锡经开区 needs the document's context to be this zone, and keys must not link by themselves."""
        for province in sorted(self._province_names.get(zone.province, ()), key=len, reverse=True):
            rest = name[len(province):]
            if name.startswith(province) and self._strip_place(rest)[0]:
                part, _ = self.linker.split_park(rest)
                return name if part in self.lex.regions else rest
        return name

    def _needs_context(self, form: str, places: tuple) -> bool:
        """A form with all its places taken off (东湖, 现代产业) or that is itself a place name (开平)
        does not say which zone it is: it links only where the document names the zone's place."""
        if not places:
            return False
        return form in self.lex.regions or not self._strip_place(form)[0]

    def _strip_place(self, prefix: str) -> tuple[str, str]:
        """(place, rest) for the longest region name that starts `prefix` and leaves a core."""
        for size in range(min(MAX_PLACE, len(prefix) - MIN_CORE), 1, -1):
            if prefix[:size] in self.lex.regions:
                return prefix[:size], prefix[size:]
        return "", prefix

    def _forms(self, prefix: str) -> list[tuple[str, tuple]]:
        """The name part as written and with each leading place taken off (with the places taken)."""
        out = [(prefix, ())]
        places: tuple = ()
        rest = prefix
        for _ in range(3):
            place, rest = self._strip_place(rest)
            if not place:
                break
            places += (place,)
            out.append((rest, places))
        return out

    def zone_key(self, iri: str) -> str:
        return self.zone_keys[iri]

    def zone_for_key(self, key: str):
        """The zone a park key stands for, or None."""
        iri = self.key_zones.get(key)
        return self.zones[iri] if iri else None

    # ------------------------------------------------------------ resolving
    def _in_place(self, zone, place: str) -> bool:
        """Does `place` (taken off a mention) agree with the zone: in its name, province or city?"""
        if place in zone.name or (zone.city and (zone.city.startswith(place) or place.startswith(zone.city))):
            return True
        return place in self._province_names.get(zone.province, ())

    def _named_in(self, zone, text: str, places=()) -> bool:
        """Does the document name the zone's province, city, or a place of its name (outside its name)?"""
        rest = text.replace(zone.name, "")
        names = set(self._province_names.get(zone.province, ())) | set(places)
        if zone.city and len(zone.city) >= 2 and not zone.city.endswith("…"):
            names.add(zone.city)
        return any(n and n in rest for n in names)

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
        for form, places in self._forms(prefix):
            entries = [e for e in self.index.get(f"{form}|{kind}", []) if self._same_kind(written, e, kind)]
            candidates = sorted({e.zone for e in entries
                                 if all(self._in_place(self.zones[e.zone], p) for p in places)})
            if not candidates:
                continue
            plain = [iri for iri in candidates
                     if not all(e.needs_context for e in entries if e.zone == iri)]
            if len(candidates) == 1 and plain:
                return ZoneLink(name, candidates[0], "name")
            rest = text.replace(name, "")  # the place must be named outside the mention (无锡经开区)
            in_context = [iri for iri in candidates if self._named_in(
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
        found = _gazetteer(self).find(doc.text)
        if not found:
            return mentions
        out = list(mentions)
        for start, end, _iri in found:
            surface = doc.text[start:end]
            if normalise(surface) not in self.official and not self._strip_place(surface)[0]:
                continue  # a short form with no place in it (现代产业园区) is no name on its own
            if self.link_name(surface, doc.text) is None:
                continue  # a form two zones share, with nothing in the document to choose
            if self._continues(doc.text, end):
                continue  # 中关村科技园区昌平园: the zone's name starts a sub-park's name
            overlapping = [m for m in out if m.start < end and start < m.end]
            if any(m.cls != "Park" or m.start < start or m.end > end for m in overlapping):
                continue
            if any((m.start, m.end) == (start, end) for m in overlapping):
                continue
            ptype = self._park_type(surface)
            out = [m for m in out if m not in overlapping]
            out.append(Mention(doc.id, start, end, surface, "Park", STAGE, 0.9, surface,
                               ptype.cls if ptype and ptype.cls != "Park" else "",
                               False, ptype.level if ptype else "zone"))
        return sorted(out, key=lambda m: (m.start, m.end))

    def _continues(self, text: str, end: int) -> bool:
        """Is the name followed, within a few Han characters, by a character that ends park types?"""
        for ch in text[end:end + CONTINUATION]:
            if not "\u4e00" <= ch <= "\u9fff":
                return False
            if ch in self._type_endings:
                return True
        return False

    def _park_type(self, name: str):
        for form in sorted(self.lex.park_types, key=len, reverse=True):
            if name.endswith(form):
                return self.lex.park_types[form]
        return None


_GAZETTEERS: dict = {}


def _terms(linker: CatalogueLinker) -> tuple[dict, set]:
    """Every name form of every zone -> zone IRI, for the gazetteer, and the type words they end with.

    A form is the zone's name part as written or with its leading places taken off, followed by the
    type word as the official name writes it or by its canonical short form (经开区, 高新区);
    forms under four characters are left out. Whether a form found in a text stands for one zone is
    decided in the document (`CatalogueLinker.link_name`).
    """
    short = {pt.canonical for pt in linker.lex.park_types.values()}
    terms: dict = {}
    endings: set = set()
    for z in sorted(linker.zones.values(), key=lambda z: z.iri):
        name = normalise(z.name)
        prefix, kind = linker.linker.split_park(name)
        written = name[len(prefix):]
        for form, _places in linker._forms(prefix):
            if len(form) < MIN_CORE:
                continue
            for ending in sorted({written} | ({kind} if kind in short else set())):
                term = form + ending
                if len(term) >= 4:
                    terms.setdefault(term, z.iri)
                    endings.add(ending or term)  # a name with no type word is its own ending
    return terms, endings


class EndingMatcher:
    """Longest-leftmost dictionary matching for terms that end with one of a few words.

    Returns what `kg.extract.gazetteer.Gazetteer.find` returns on the same terms, but looks for the
    few endings (type words) first and then for the terms that end there, so 20,000 zone names cost
    little more than their type words (a regex alternation of them all scans about 4x slower).

    >>> EndingMatcher({"武汉经开区": "a", "经开区": "b", "武汉东湖高新区": "c"}, {"经开区", "高新区"}).find(
    ...     "武汉经开区和武汉东湖高新区")
    [(0, 5, 'a'), (6, 13, 'c')]
    """

    def __init__(self, terms: dict, endings: set):
        import re

        self.terms = dict(terms)
        self.lengths = sorted({len(t) for t in self.terms}, reverse=True)
        words = sorted(endings, key=lambda w: (-len(w), w))
        self._by_first: dict = {}
        for w in words:
            self._by_first.setdefault(w[0], []).append(w)
        self._re = re.compile("(?=" + "|".join(re.escape(w) for w in words) + ")") if words else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        if self._re is None:
            return []
        candidates = set()
        for m in self._re.finditer(text):  # where some ending starts; then every ending there
            at = m.start()
            for word in self._by_first[text[at]]:
                if not text.startswith(word, at):
                    continue
                end = at + len(word)
                for size in self.lengths:
                    if size <= end and text[end - size:end] in self.terms:
                        candidates.add((end - size, end))
        out, last = [], 0
        for start, end in sorted(candidates, key=lambda se: (se[0], -se[1])):
            if start >= last:
                out.append((start, end, self.terms[text[start:end]]))
                last = end
        return out


def _gazetteer(linker: CatalogueLinker) -> EndingMatcher:
    g = _GAZETTEERS.get(id(linker))
    if g is None or g[0] is not linker:
        g = _GAZETTEERS[id(linker)] = (linker, EndingMatcher(*_terms(linker)))
    return g[1]


_LINKERS: dict = {}


def catalogue_zone(lexicon: Lexicon, key: str):
    """The catalogue `Zone` a park's entity key stands for (None when it is no zone's key)."""
    cached = _LINKERS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _LINKERS[id(lexicon)] = (lexicon, CatalogueLinker(lexicon))
    return cached[1].zone_for_key(key)
