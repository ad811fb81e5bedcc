"""The store patched for a few changed documents: only what they affect is merged and rewritten.

`Patch` reads the changed documents' records before (`before`) and after
(`after`) the index changes, then (`apply`) works out three sets:

- the **entities** to rebuild: every merged key one of those records names,
  widened by park identity, which is run again on their park groups
  (`kg.stream.merge.resolve_parks`): every key that stood or now stands for one;
- the **facts** to rebuild: the (subject, object, family) groups of the changed
  records' relations, under the old merges and the new, and every fact of an
  entity that came or went, or whose raw keys changed (merged or split);
- the **targets** to rebuild, by IRI, likewise.

For each it reads what the store holds and builds the same nodes again from the
index (`kg.graph.triples`, as the full merge does), then removes and adds only
the difference. Evidence and extractor nodes, which several facts share, are
dropped when nothing points at them any more; a catalogue zone's level and class
are the ontology's own triples too, so they stay. An industry that thousands of
documents mention is rebuilt as a node (its ``pk:mentionedIn`` grows) but its
facts with unchanged parks are left alone. The store then holds what a fresh
build of the same documents gives; tests check it quad for quad.
"""
from __future__ import annotations

import dataclasses

from kg.entity_merge import merge_group
from kg.graph import iris
from kg.graph.doc_graphs import with_document_graphs
from kg.graph.sorted_lines import NTLines
from kg.graph.triples import document_triples, entity_triples, fact_triples, relation_family, targets_triples
from kg.namespace import local_name
from kg.stream.index import ResultIndex, park_group, record
from kg.stream.merge import resolve_parks

_PK = "https://w3id.org/parkkg/ontology#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_PROV = "http://www.w3.org/ns/prov#"
# what an entity node states about itself (kg.graph.triples.entity_triples); its facts are rebuilt apart
_NODE_PREDICATES = frozenset({_RDF + "type", "http://www.w3.org/2004/02/skos/core#prefLabel",
                              "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel",
                              _PK + "inSector", _PK + "mentionedIn", _PK + "catalogueZone"})


class Patch:
    """One update of the store; see the module docstring. Use: `before`, change the index, `after`, `apply`."""

    def __init__(self, index: ResultIndex, lexicon, store, floors: tuple[float, float]):
        self.index, self.db, self.lexicon, self.store = index, index.db, lexicon, store
        self.relation_floor, self.target_floor = floors
        self.keys: set = set()
        self.docs: set = set()
        self.facts: set = set()  # (subject, object, family) of merged keys
        self.targets: set = set()  # (merged park, target IRI)
        self._new_docs: list = []

    def before(self, doc_ids) -> None:
        """The documents about to change or go, read while the index still holds them."""
        self.docs.update(doc_ids)
        self._read(doc_ids)

    def after(self, doc_ids) -> None:
        """The documents added or changed, once the index holds their new records."""
        self.docs.update(doc_ids)
        self._new_docs = list(doc_ids)

    def _read(self, doc_ids) -> None:
        """Keys, fact groups and target IRIs of the documents' records, under the merges of now."""
        for doc_id in doc_ids:
            self.keys.update(k for (k,) in self.db.execute("SELECT key FROM entities WHERE doc_id = ?", (doc_id,)))
            for s, o, family in self.db.execute("SELECT subject, object, family FROM relations WHERE doc_id = ? "
                                                "AND confidence >= ?", (doc_id, self.relation_floor)):
                self.keys.update((s, o))
                self.facts.add((self._merged(s), self._merged(o), family))
            for park, data in self.db.execute("SELECT park, data FROM targets WHERE doc_id = ? AND confidence >= ?",
                                              (doc_id, self.target_floor)):
                self.keys.add(park)
                merged = self._merged(park)
                self.targets.add((merged, _target_iri(record(data), merged)))

    # ------------------------------------------------------------ which nodes

    def _merged(self, key: str) -> str:
        row = self.db.execute("SELECT target FROM merges WHERE key = ?", (key,)).fetchone()
        return row[0] if row else key

    def _raw_of(self, merged) -> set:
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

    def _in_store(self, key: str) -> bool:
        ox = _ox()
        node = ox.NamedNode(iris.entity_iri(key))
        return next(iter(self.store.quads_for_pattern(node, ox.NamedNode(_RDF + "type"), None, ox.DefaultGraph())),
                    None) is not None

    def _resolve(self) -> tuple[set, set]:
        """(the merged keys whose nodes are rebuilt, those whose raw keys or presence changed)."""
        groups = {g for g in (park_group(k, self.lexicon.regions) for k in self.keys) if g}
        members = set(self.keys)
        old = {}
        for g in sorted(groups):
            old.update(self.db.execute("SELECT key, target FROM merges WHERE grp = ?", (g,)))
            members.update(k for (k,) in self.db.execute("SELECT DISTINCT key FROM entities WHERE grp = ?", (g,)))
        members.update(old)
        self.index.commit()
        resolve_parks(self.index, self.lexicon, groups)
        nodes, changed = set(), set()
        for k in members:
            before, now = old.get(k, k), self._merged(k)
            nodes.update((before, now))
            if before != now:
                changed.update((before, now))
        memo: dict = {}
        changed.update(k for k in nodes if self._in_store(k) != self._present(k, memo))
        return nodes, changed

    # ------------------------------------------------------------ the new nodes

    def _entity_triples(self, nodes: set):
        subclass_ok = set(self.lexicon.subclass_of)
        zones = {z.iri: z for z in getattr(self.lexicon, "zones", ())}
        groups: dict = {}
        for r in sorted(self._raw_of(nodes)):
            for doc_id, seq, pos, data in self.db.execute(
                    "SELECT doc_id, seq, pos, data FROM entities WHERE key = ?", (r,)):
                groups.setdefault(self._merged(r), []).append((seq, pos, doc_id, data))
        for key in sorted(k for k in groups if k in nodes):
            members = [(doc_id, record(data)) for _, _, doc_id, data in sorted(groups[key], key=lambda m: m[:2])]
            yield from entity_triples(merge_group(key, members), subclass_ok, zones)

    def _fact_triples(self, groups: set, changed: set):
        """The facts of `groups` and every fact of a `changed` entity, from the index."""
        ends = self._raw_of({s for s, _, _ in groups} | changed)
        rows, memo, grouped = {}, {}, {}
        for r in sorted(ends | self._raw_of(changed)):
            for column in ("subject", "object"):
                rows.update((rowid, rest) for rowid, *rest in self.db.execute(
                    f"SELECT rowid, subject, object, family, seq, pos, data, text FROM relations "  # noqa: S608
                    f"WHERE {column} = ? AND confidence >= ?", (r, self.relation_floor)))
        for s, o, family, seq, pos, data, text in rows.values():
            s, o = self._merged(s), self._merged(o)
            if ((s, o, family) in groups or s in changed or o in changed) and self._present(s, memo) \
                    and self._present(o, memo):
                grouped.setdefault((s, o, family), []).append((seq, pos, data, text))
        for (s, o, family), readings in sorted(grouped.items()):
            yield from fact_triples(s, o, family, [(dataclasses.replace(record(data), subject=s, object=o), text)
                                                   for _, _, data, text in sorted(readings, key=lambda x: x[:2])])

    def _target_triples(self, targets: set, changed: set):
        parks = {p for p, _ in targets} | changed
        wanted = {t for _, t in targets}
        memo: dict = {}
        readings = []  # every reading of each target rebuilt: its node has the highest confidence of them
        for r in sorted(self._raw_of(parks)):
            for data, text in self.db.execute("SELECT data, text FROM targets WHERE park = ? AND confidence >= ?",
                                              (r, self.target_floor)):
                park = self._merged(r)
                target = dataclasses.replace(record(data), park=park)
                if (park in changed or _target_iri(target, park) in wanted) and self._present(park, memo):
                    readings.append((target, text))
        yield from targets_triples(readings)

    # ------------------------------------------------------------ the old nodes

    def _old_quads(self, nodes: set, changed: set, groups: set, targets: set) -> tuple[set, set]:
        """(the quads in the store of everything rebuilt, the shared nodes they point at)."""
        ox = _ox()
        node, default = ox.NamedNode, None  # any graph: the default one and the documents' (kg.graph.doc_graphs)
        subjects, quads = set(), set()
        for k in nodes:
            e = node(iris.entity_iri(k))
            quads.update(q for q in self.store.quads_for_pattern(e, None, None, default)
                         if q.predicate.value in _NODE_PREDICATES)
        for k in changed:  # every fact and target of an entity that came, went, merged or split
            e = node(iris.entity_iri(k))
            quads.update(self.store.quads_for_pattern(None, None, e, default))
            quads.update(self.store.quads_for_pattern(e, None, None, default))
            for prop in ("subject", "object"):
                subjects.update(q.subject for q in self.store.quads_for_pattern(None, node(_RDF + prop), e, default))
            subjects.update(q.object for q in self.store.quads_for_pattern(e, node(_PK + "hasTarget"), None, default))
        for s, o, family in groups:
            s_node, o_node = node(iris.entity_iri(s)), node(iris.entity_iri(o))
            for q in self.store.quads_for_pattern(s_node, None, o_node, default):
                if relation_family(local_name(q.predicate.value)) == family:
                    quads.add(q)
                    subjects.add(node(iris.fact_iri(s_node.value, local_name(q.predicate.value),
                                                    o_node.value)))
        for _, t in targets:
            subjects.add(node(t))
            quads.update(self.store.quads_for_pattern(None, node(_PK + "hasTarget"), node(t), default))
        for doc_id in self.docs:
            doc = node(iris.document_iri(doc_id))
            subjects.add(doc)
            subjects.update(q.subject for q in self.store.quads_for_pattern(None, node(_PK + "inDocument"), doc,
                                                                           default))
        shared = set()
        for s in subjects:
            for q in self.store.quads_for_pattern(s, None, None, default):
                quads.add(q)
                if q.predicate.value in (_PROV + "wasDerivedFrom", _PK + "extractedBy"):
                    shared.add(q.object)
        return quads, shared - subjects

    # ------------------------------------------------------------ the difference

    def apply(self) -> dict:
        """Patch the store; returns how many triples went out and came in."""
        ox = _ox()
        old_facts, old_targets = self.facts, self.targets
        self._read(self._new_docs)  # their keys, for park identity
        nodes, changed = self._resolve()
        self.facts, self.targets = set(), set()
        self._read(self._new_docs)  # their facts and targets under the merges of now
        groups, targets = old_facts | self.facts, old_targets | self.targets
        old, shared = self._old_quads(nodes, changed, groups, targets)
        triples = [*self._entity_triples(nodes), *self._fact_triples(groups, changed),
                   *self._target_triples(targets, changed)]
        for doc_id in sorted(self.docs):
            for (data,) in self.db.execute("SELECT data FROM docs WHERE doc_id = ?", (doc_id,)):
                triples.extend(document_triples(record(data)))
        lines = NTLines()
        text = "".join(f"{lines.line(s, p, o)} .\n" for s, p, o in triples)
        new = set(with_document_graphs(ox.parse(text.encode("utf-8", "surrogatepass"), ox.RdfFormat.N_TRIPLES)))
        removed = old - new
        for quad in sorted(removed, key=str):
            self.store.remove(quad)
        added = sorted((q for q in new - old if q not in self.store), key=str)  # shared nodes may be there
        self.store.extend(added)
        return {"triples_removed": len(removed) + self._drop_orphans(shared), "triples_added": len(added),
                "entities_affected": len(nodes)}

    def _drop_orphans(self, shared: set) -> int:
        """Remove the shared nodes (evidence, extractors) nothing points at any more, in any graph."""
        dropped = 0
        for n in sorted(shared, key=str):
            if next(iter(self.store.quads_for_pattern(None, None, n, None)), None) is None:
                for quad in list(self.store.quads_for_pattern(n, None, None, None)):
                    self.store.remove(quad)
                    dropped += 1
        return dropped


def _target_iri(target, park: str) -> str:
    return iris.target_iri(park, target.metric, target.value, target.unit, target.year)


def _ox():
    import pyoxigraph

    return pyoxigraph
