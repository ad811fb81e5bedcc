"""The cross-document merge of a streamed build, run over the on-disk index (`kg.stream.index`).

It does what `kg.pipeline.merge_results` followed by `kg.graph.build.build_graph`
does, one group at a time, with SQLite holding everything else:

1. park identity (`kg.extract.park_identity.canonical_parks`) runs once per group
   of park keys sharing a name core and type (`kg.stream.index.park_group`), the
   only keys it can merge, and its merges go to a table;
2. entities are read back ordered by their merged key, then by document, and
   each key's records are merged (`kg.entity_merge.merge_group`) into one;
3. relations whose two ends are entities of the graph are read ordered by
   (subject, object, family): each group is one fact;
4. targets of parks of the graph, and the documents, one row at a time.

Each step yields triples (`kg.graph.triples`); memory holds one group.
"""
from __future__ import annotations

import dataclasses

from kg.entity_merge import merge_group
from kg.extract.park_identity import canonical_parks, descriptive_test
from kg.graph.triples import document_triples, entity_triples, fact_triples, targets_triples
from kg.stream.index import ResultIndex, record


def confidence_floors(min_confidence: float | None) -> tuple[float, float]:
    """(relation floor, target floor): `min_confidence`, or the thresholds fitted with the confidence models."""
    from kg.extract.confidence import relation_model, target_model

    if min_confidence is not None:
        return min_confidence, min_confidence
    return relation_model().threshold, target_model().threshold


def resolve_parks(index: ResultIndex, lexicon, groups=None) -> dict:
    """Fill the index's ``merges`` table (raw key -> the key it stands under) for every park group, or for
    `groups` only; returns the merges found."""
    db = index.db
    index.commit()
    descriptive = descriptive_test(lexicon)
    db.execute("BEGIN")
    if groups is None:
        db.execute("DELETE FROM merges")
        rows = db.execute("SELECT grp, key, MAX(zone != '') FROM entities WHERE grp != '' GROUP BY grp, key "
                          "ORDER BY grp, key")
    else:
        db.executemany("DELETE FROM merges WHERE grp = ?", ((g,) for g in sorted(groups)))
        rows = [row for g in sorted(groups) for row in db.execute(
            "SELECT grp, key, MAX(zone != '') FROM entities WHERE grp = ? GROUP BY key ORDER BY key", (g,))]
    found = {}
    for group, members in _groups(rows):
        if len(members) < 2:
            continue
        merges = canonical_parks([k for k, _ in members], lexicon.regions, descriptive,
                                 frozenset(k for k, zone in members if zone))
        db.executemany("INSERT INTO merges VALUES (?, ?, ?)", ((k, t, group) for k, t in sorted(merges.items())))
        found.update(merges)
    db.execute("COMMIT")
    return found


def _groups(rows):
    """Consecutive rows with the same first column, as lists of the other columns."""
    current, members = None, []
    for row in rows:
        if row[0] != current:
            if members:
                yield current, members
            current, members = row[0], []
        members.append(row[1:])
    if members:
        yield current, members


def _merged_key(col: str) -> str:
    return f"COALESCE((SELECT target FROM merges m WHERE m.key = {col}), {col})"


def entity_triples_of(index: ResultIndex, lexicon):
    """The triples of every merged entity; fills the ``present`` table with the graph's entity keys."""
    db = index.db
    db.executescript("DROP TABLE IF EXISTS present; CREATE TABLE present (key TEXT PRIMARY KEY);")
    subclass_ok = set(lexicon.subclass_of)
    zones = {z.iri: z for z in getattr(lexicon, "zones", ())}
    rows = db.execute(f"SELECT {_merged_key('e.key')} AS k, doc_id, data FROM entities e ORDER BY k, seq, pos")
    present = []
    for key, members in _groups(rows):
        merged = merge_group(key, [(doc_id, record(data)) for doc_id, data in members])
        yield from entity_triples(merged, subclass_ok, zones)
        present.append((key,))
        if len(present) >= 10_000:
            _insert_present(db, present)
    _insert_present(db, present)


def _insert_present(db, present: list) -> None:
    db.execute("BEGIN")
    db.executemany("INSERT INTO present VALUES (?)", present)
    db.execute("COMMIT")
    present.clear()


def fact_triples_of(index: ResultIndex, floor: float):
    """The triples of every fact: relations of at least `floor` between entities of the graph, grouped."""
    rows = index.db.execute(
        f"SELECT s || ' ' || o || ' ' || family, s, o, family, data, text FROM ("
        f"SELECT {_merged_key('r.subject')} AS s, {_merged_key('r.object')} AS o, family, seq, pos, data, text "
        "FROM relations r WHERE confidence >= ?) "
        "WHERE s IN (SELECT key FROM present) AND o IN (SELECT key FROM present) "
        "ORDER BY s, o, family, seq, pos", (floor,))
    for _, members in _groups(rows):
        s, o, family = members[0][:3]
        readings = [(dataclasses.replace(record(data), subject=s, object=o), text) for *_, data, text in members]
        yield from fact_triples(s, o, family, readings)


def target_triples_of(index: ResultIndex, floor: float):
    """The triples of every target of at least `floor` whose park is an entity of the graph, park by park
    (a target read twice is one node with the highest confidence: `kg.graph.triples.targets_triples`)."""
    rows = index.db.execute(
        f"SELECT park, data, text FROM (SELECT {_merged_key('t.park')} AS park, seq, pos, data, text FROM targets t "
        "WHERE confidence >= ?) WHERE park IN (SELECT key FROM present) ORDER BY park, seq, pos", (floor,))
    for park, members in _groups(rows):
        yield from targets_triples((dataclasses.replace(record(data), park=park), text) for data, text in members)


def document_triples_of(index: ResultIndex):
    for (data,) in index.db.execute("SELECT data FROM docs ORDER BY seq"):
        yield from document_triples(record(data))


def readings(index: ResultIndex, floor: float) -> int:
    """Relations read by the extractors of at least `floor` (before merging into facts)."""
    return index.db.execute("SELECT COUNT(*) FROM relations WHERE confidence >= ?", (floor,)).fetchone()[0]


def merged_triples(index: ResultIndex, lexicon, min_confidence: float | None = None):
    """Every triple of the graph of the indexed documents (some more than once), group by group."""
    relation_floor, target_floor = confidence_floors(min_confidence)
    resolve_parks(index, lexicon)
    yield from document_triples_of(index)
    yield from entity_triples_of(index, lexicon)
    yield from fact_triples_of(index, relation_floor)
    yield from target_triples_of(index, target_floor)
