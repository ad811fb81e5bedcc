"""The store patched for a few changed documents: only the nodes they affect are merged and rewritten.

Given the raw entity keys a change touches (those of the changed documents'
records, before and after), `Patch` works out the merged keys whose nodes may
differ: park identity is run again on the park groups of those keys
(`kg.stream.merge.resolve_parks`), and every key that stood, or now stands, for
one of them is affected. It then reads from the store every triple of those
entities, of the facts and targets that touch them and of the changed
documents (with their evidence), builds the same nodes again from the index
(`kg.graph.triples`, as the full merge does), and removes and adds only the
difference. Evidence and extractor nodes that several facts share are dropped
only when nothing points at them any more; a catalogue zone's level and class
are the ontology's own triples too (``ontology/catalogue.ttl``, loaded with the
graph), so they always stay. The store
then holds what a fresh build of the same documents gives; a test checks it.
"""
from __future__ import annotations

import dataclasses

from kg.entity_merge import merge_group
from kg.graph import iris
from kg.graph.sorted_lines import NTLines
from kg.graph.triples import document_triples, entity_triples, fact_triples, target_triples
from kg.stream.index import ResultIndex, park_group, record
from kg.stream.merge import resolve_parks

_PK = "https://w3id.org/parkkg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PROV = "http://www.w3.org/ns/prov#"


def raw_keys(index: ResultIndex, doc_ids) -> set:
    """Every raw entity key the records of `doc_ids` name."""
    keys: set = set()
    for doc_id in doc_ids:
        for sql in ("SELECT key FROM entities WHERE doc_id = ?", "SELECT subject FROM relations WHERE doc_id = ?",
                    "SELECT object FROM relations WHERE doc_id = ?", "SELECT park FROM targets WHERE doc_id = ?"):
            keys.update(k for (k,) in index.db.execute(sql, (doc_id,)))
    return keys


class Patch:
    """One update of the store; see the module docstring. Use: `before`, change the index, `after`, `apply`."""

    def __init__(self, index: ResultIndex, lexicon, store, floors: tuple[float, float]):
        self.index, self.db, self.lexicon, self.store = index, index.db, lexicon, store
        self.relation_floor, self.target_floor = floors
        self.keys: set = set()
        self.docs: set = set()
        self.old_merges: dict = {}

    def before(self, doc_ids) -> None:
        """The documents about to change or go, read while the index still holds them."""
        self.docs.update(doc_ids)
        self.keys |= raw_keys(self.index, doc_ids)

    def after(self, doc_ids) -> None:
        """The documents added or changed, once the index holds their new records."""
        self.docs.update(doc_ids)
        self.keys |= raw_keys(self.index, doc_ids)

    # ------------------------------------------------------------ which nodes

    def _affected(self) -> set:
        regions = self.lexicon.regions
        groups = {g for g in (park_group(k, regions) for k in self.keys) if g}
        members = set(self.keys)
        for g in sorted(groups):
            members.update(k for (k,) in self.db.execute("SELECT key FROM merges WHERE grp = ?", (g,)))
            members.update(k for (k,) in self.db.execute("SELECT DISTINCT key FROM entities WHERE grp = ?", (g,)))
        old = {k: t for g in sorted(groups) for k, t in self.db.execute(
            "SELECT key, target FROM merges WHERE grp = ?", (g,))}
        self.index.commit()
        new = resolve_parks(self.index, self.lexicon, groups)
        self.merges = new
        return {old.get(k, k) for k in members} | {self._merged(k) for k in members}

    def _merged(self, key: str) -> str:
        row = self.db.execute("SELECT target FROM merges WHERE key = ?", (key,)).fetchone()
        return row[0] if row else key

    def _raw_of(self, merged: set) -> set:
        raw = set(merged)
        for k in sorted(merged):
            raw.update(r for (r,) in self.db.execute("SELECT key FROM merges WHERE target = ?", (k,)))
        return raw

    def _present(self, key: str, memo: dict) -> bool:
        if key not in memo:
            raw = [key] if self._merged(key) == key else []
            raw += [r for (r,) in self.db.execute("SELECT key FROM merges WHERE target = ?", (key,))]
            memo[key] = any(self.db.execute("SELECT 1 FROM entities WHERE key = ? LIMIT 1", (r,)).fetchone()
                            for r in raw)
        return memo[key]

    # ------------------------------------------------------------ the new nodes

    def _new_triples(self, affected: set):
        raw = sorted(self._raw_of(affected))
        subclass_ok = set(self.lexicon.subclass_of)
        zones = {z.iri: z for z in getattr(self.lexicon, "zones", ())}
        groups: dict = {}
        for r in raw:
            for doc_id, seq, pos, data in self.db.execute(
                    "SELECT doc_id, seq, pos, data FROM entities WHERE key = ?", (r,)):
                groups.setdefault(self._merged(r), []).append((seq, pos, doc_id, data))
        for key in sorted(k for k in groups if k in affected):
            members = [(doc_id, record(data)) for _, _, doc_id, data in sorted(groups[key], key=lambda m: m[:2])]
            yield from entity_triples(merge_group(key, members), subclass_ok, zones)
        yield from self._facts(raw, affected)
        yield from self._targets(raw, affected)
        for doc_id in sorted(self.docs):
            for (data,) in self.db.execute("SELECT data FROM docs WHERE doc_id = ?", (doc_id,)):
                yield from document_triples(record(data))

    def _facts(self, raw: list, affected: set):
        rows = {}
        for r in raw:
            for column in ("subject", "object"):
                for rowid, s, o, family, seq, pos, data, text in self.db.execute(
                        f"SELECT rowid, subject, object, family, seq, pos, data, text FROM relations "  # noqa: S608
                        f"WHERE {column} = ? AND confidence >= ?", (r, self.relation_floor)):
                    rows[rowid] = (self._merged(s), self._merged(o), family, seq, pos, data, text)
        memo: dict = {}
        grouped: dict = {}
        for s, o, family, seq, pos, data, text in rows.values():
            if (s in affected or o in affected) and self._present(s, memo) and self._present(o, memo):
                grouped.setdefault((s, o, family), []).append((seq, pos, data, text))
        for (s, o, family), readings in sorted(grouped.items()):
            yield from fact_triples(s, o, family, [(dataclasses.replace(record(data), subject=s, object=o), text)
                                                   for _, _, data, text in sorted(readings, key=lambda x: x[:2])])

    def _targets(self, raw: list, affected: set):
        memo: dict = {}
        for r in raw:
            for data, text in self.db.execute("SELECT data, text FROM targets WHERE park = ? AND confidence >= ?",
                                              (r, self.target_floor)):
                park = self._merged(r)
                if park in affected and self._present(park, memo):
                    yield from target_triples(dataclasses.replace(record(data), park=park), text)

    # ------------------------------------------------------------ the old nodes, and the difference

    def _old_quads(self, affected: set) -> tuple[set, set]:
        """(every quad of the affected nodes in the store, the shared nodes they point at)."""
        ox = _ox()
        node = ox.NamedNode
        entities = [node(iris.entity_iri(k)) for k in sorted(affected)]
        subjects = set(entities)
        shared: set = set()
        quads: set = set()
        for e in entities:
            quads.update(self.store.quads_for_pattern(None, None, e, ox.DefaultGraph()))
            for prop in ("subject", "object"):
                subjects.update(q.subject for q in self.store.quads_for_pattern(None, node(_RDF + prop), e,
                                                                               ox.DefaultGraph()))
            subjects.update(q.object for q in self.store.quads_for_pattern(e, node(_PK + "hasTarget"), None,
                                                                           ox.DefaultGraph()))
        for doc_id in self.docs:
            doc = node(iris.document_iri(doc_id))
            subjects.add(doc)
            subjects.update(q.subject for q in self.store.quads_for_pattern(None, node(_PK + "inDocument"), doc,
                                                                           ox.DefaultGraph()))
        for s in subjects:
            for q in self.store.quads_for_pattern(s, None, None, ox.DefaultGraph()):
                quads.add(q)
                if q.predicate.value in (_PROV + "wasDerivedFrom", _PK + "extractedBy"):
                    shared.add(q.object)
        return quads, shared - subjects

    def apply(self) -> dict:
        """Patch the store; returns how many triples went out and came in."""
        ox = _ox()
        affected = self._affected()
        old, shared = self._old_quads(affected)
        lines = NTLines()
        text = "".join(f"{lines.line(s, p, o)} .\n" for s, p, o in self._new_triples(affected))
        new = set(ox.parse(text.encode("utf-8", "surrogatepass"), ox.RdfFormat.N_TRIPLES))
        removed = old - new
        for quad in sorted(removed, key=str):
            self.store.remove(quad)
        added = sorted((q for q in new - old if q not in self.store), key=str)  # shared nodes may be there
        self.store.extend(added)
        removed_shared = self._drop_orphans(shared)
        return {"triples_removed": len(removed) + removed_shared, "triples_added": len(added),
                "entities_affected": len(affected)}

    def _drop_orphans(self, shared: set) -> int:
        """Remove the shared nodes (evidence, extractors) nothing points at any more."""
        ox = _ox()
        dropped = 0
        for n in sorted(shared, key=str):
            if next(iter(self.store.quads_for_pattern(None, None, n, ox.DefaultGraph())), None) is None:
                for quad in list(self.store.quads_for_pattern(n, None, None, ox.DefaultGraph())):
                    self.store.remove(quad)
                    dropped += 1
        return dropped


def _ox():
    import pyoxigraph

    return pyoxigraph
