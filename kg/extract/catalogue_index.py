"""The official catalogue as an index of name forms, built once from the lexicon (`kg.extract.catalogue`).

Each zone is indexed under its name part as written and with its leading place names taken off one
by one (武汉东湖新技术开发区 -> 武汉东湖|高新区, 东湖|高新区); each zone gets the entity key texts give it.

>>> from kg.ontology import load_lexicon
>>> index = CatalogueIndex(load_lexicon())
>>> index.forms("武汉东湖")
[('武汉东湖', ()), ('东湖', ('武汉',))]
>>> [e.zone == index.official["武汉东湖新技术开发区"] for e in index.index["东湖|高新区"]]
[True]
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.extract.link import Linker, normalise
from kg.ontology import Lexicon

MIN_CORE = 2  # a name part left after taking places off has at least two characters
MAX_PLACE = 4  # the longest place name taken off the front of a name part (黑龙江 is 3, 内蒙古 3)


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


class CatalogueIndex:
    """Zones by IRI, official names, the name-form index, and each zone's entity key."""

    def __init__(self, lexicon: Lexicon, linker: Linker | None = None):
        self.lex = lexicon
        self.linker = linker or Linker(lexicon)
        self.zones = {z.iri: z for z in lexicon.zones}
        self.province_names = self._province_forms()
        self.shorthand = self._shorthand()
        self.official: dict = {}  # normalised official name -> zone IRI
        self.index: dict = defaultdict(list)  # "name part|type" -> [IndexEntry]
        keys = self._index_names()
        self.zone_keys = self._zone_keys(keys)
        self.key_zones = {k: iri for iri, k in self.zone_keys.items()}

    def _shorthand(self) -> dict:
        """A plain zone type word, written as its canonical form, that ends an economic zone's long form
        stands for it too: 广州开发区 is the usual short form of 广州经济技术开发区 (not 滨海示范园区)."""
        types = self.lex.park_types.values()
        econ = [pt for pt in types if pt.cls == "EconomicDevelopmentZone"]
        return {pt.canonical: e.canonical for pt in types
                if pt.cls == "Park" and pt.level == "zone" and pt.form == pt.canonical
                for e in econ if e.form != pt.form and e.form.endswith(pt.form)}

    def _index_names(self) -> dict:
        """Fill `official` and `index`; return the key of each official name -> its zones' IRIs."""
        keys: dict = defaultdict(list)
        for z in self.lex.zones:
            name = normalise(z.name)
            self.official.setdefault(name, z.iri)
            prefix, kind = self.linker.split_park(name)
            keys[self.linker.park_key(self._without_province(name, z))].append(z.iri)
            for form, places in self.forms(prefix):
                self.index[f"{form}|{kind}"].append(
                    IndexEntry(z.iri, places, self._needs_context(form, places), name[len(prefix):]))
        return keys

    def _zone_keys(self, keys: dict) -> dict:
        """Each zone's entity key: the key of its official name as texts write it, without a province in
        front of a city (江苏江阴临港经济开发区 -> Park:江阴临港|经开区), with its code where two zones share one
        (and where another zone has the same name form: a text's 松江经开区 must not join 松江经济技术开发区
        by its key alone when 上海松江经济开发区 is also 松江经开区)."""
        zone_keys: dict = {}
        for key, iris in sorted(keys.items()):
            shared = {e.zone for e in self.index.get(key.split(":", 1)[1], [])}
            for iri in iris:
                code = self.zones[iri].code or iri.rsplit("/", 1)[-1]
                zone_keys[iri] = key if len(iris) == 1 and len(shared) <= 1 else f"{key}#{code}"
        return zone_keys

    # ------------------------------------------------------------ forms
    def _province_forms(self) -> dict:
        """Province full name -> every name of it (湖北省 -> {湖北省, 湖北})."""
        out: dict = defaultdict(set)
        full = self.lex.region_labels
        for label, iri in self.lex.regions.items():
            name = full.get(iri, "")
            if name:
                out[name].add(label)
        return out

    def _without_province(self, name: str, zone) -> str:
        """The official name without its province when a place and a name follow it
        (江苏江阴临港… -> 江阴临港…); kept when only a place would be left (江苏无锡经济开发区), since a
        text's 无锡经开区 needs the document's context to be this zone, and keys must not link by themselves."""
        for province in sorted(self.province_names.get(zone.province, ()), key=len, reverse=True):
            rest = name[len(province):]
            if name.startswith(province) and self.strip_place(rest)[0]:
                part, _ = self.linker.split_park(rest)
                return name if part in self.lex.regions else rest
        return name

    def _needs_context(self, form: str, places: tuple) -> bool:
        """A form with all its places taken off (东湖, 现代产业) or that is itself a place name (开平)
        does not say which zone it is: it links only where the document names the zone's place."""
        if not places:
            return False
        return form in self.lex.regions or not self.strip_place(form)[0]

    def strip_place(self, prefix: str) -> tuple[str, str]:
        """(place, rest) for the longest region name that starts `prefix` and leaves a core."""
        regions = self.lex.regions
        for size in range(min(MAX_PLACE, len(prefix) - MIN_CORE), 1, -1):
            if prefix[:size] in regions:
                return prefix[:size], prefix[size:]
        return "", prefix

    def forms(self, prefix: str) -> list[tuple[str, tuple]]:
        """The name part as written and with each leading place taken off (with the places taken)."""
        out = [(prefix, ())]
        places: tuple = ()
        rest = prefix
        for _ in range(3):
            place, rest = self.strip_place(rest)
            if not place:
                break
            places += (place,)
            out.append((rest, places))
        return out

    # ------------------------------------------------------------ places
    def in_place(self, zone, place: str) -> bool:
        """Does `place` (taken off a mention) agree with the zone: in its name, province or city?"""
        if place in zone.name or (zone.city and (zone.city.startswith(place) or place.startswith(zone.city))):
            return True
        return place in self.province_names.get(zone.province, ())

    def named_in(self, zone, text: str, places=()) -> bool:
        """Does the document name the zone's province, city, or a place of its name (outside its name)?"""
        rest = text.replace(zone.name, "")
        names = set(self.province_names.get(zone.province, ())) | set(places)
        if zone.city and len(zone.city) >= 2 and not zone.city.endswith("…"):
            names.add(zone.city)
        return any(n and n in rest for n in names)
