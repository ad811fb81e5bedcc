"""The streamed build's merge on a Dask cluster: a shuffle on entity keys, partitioned N-Triples, the same bytes.

``kg build --stream --scheduler ADDRESS`` extracts on the cluster (`kg.runners.DaskRunner`)
and, with this module, merges there too:

1. Park identity runs in the building process over the index, as locally
   (`kg.stream.merge.resolve_parks`: one small group of keys at a time), and the
   graph's entity keys go to a ``present`` table, so each row read below already
   carries the key it merges under and facts and targets whose ends are not
   entities are left out in SQL, as `kg.stream.merge` does.
2. The index's rows are read in chunks of `CHUNK_ROWS` and scattered to the
   workers (the building process keeps none of them), as the partitions of four
   Dask bags: entities keyed by merged key, relations by (subject, object,
   family), targets by park, documents unkeyed.
3. Each keyed bag is shuffled (``groupby(..., shuffle="tasks")``) so that every
   group lands whole on one worker, which sorts its members into input order
   (``seq``, ``pos``) and makes the group's triples with the very generators of
   the local merge (`kg.entity_merge.merge_group`, `kg.graph.triples`). Each
   output partition is N-Triples lines, sorted and without repeats.
4. The partitions come back one at a time and are written as ``part-NNNNN.nt``;
   the Oxigraph store bulk-loads those files (with the ontology), and the graph
   files are one merge of the sorted partitions (evidence and extractor nodes,
   which several groups make, appear once), hence the same bytes as a local build.
"""
from __future__ import annotations

import heapq
import time
from pathlib import Path

from kg.errors import ParkKGError
from kg.graph.sorted_lines import write_sorted
from kg.stream.index import ResultIndex
from kg.stream.merge import _merged_key, confidence_floors, readings, resolve_parks

CHUNK_ROWS = 20_000  # index rows per scattered partition


def _entity_lines(groups, subclass_ok, zones) -> list:
    from kg.entity_merge import merge_group
    from kg.graph.triples import entity_triples
    from kg.stream.index import record

    out = []
    for key, members in groups:
        members = sorted(members, key=lambda m: (m[1], m[2]))
        merged = merge_group(key, [(doc_id, record(data)) for _, _, _, doc_id, data in members])
        out.extend(entity_triples(merged, subclass_ok, zones))
    return _sorted_lines(out)


def _fact_lines(groups) -> list:
    import dataclasses

    from kg.graph.triples import fact_triples
    from kg.stream.index import record

    out = []
    for (s, o, family), members in groups:
        members = sorted(members, key=lambda m: (m[3], m[4]))
        out.extend(fact_triples(s, o, family, [(dataclasses.replace(record(data), subject=s, object=o), text)
                                               for *_, data, text in members]))
    return _sorted_lines(out)


def _target_lines(groups) -> list:
    import dataclasses

    from kg.graph.triples import targets_triples
    from kg.stream.index import record

    out = []
    for park, members in groups:
        members = sorted(members, key=lambda m: (m[1], m[2]))
        out.extend(targets_triples((dataclasses.replace(record(data), park=park), text)
                                   for _, _, _, data, text in members))
    return _sorted_lines(out)


def _document_lines(rows) -> list:
    from kg.graph.triples import document_triples
    from kg.stream.index import record

    return _sorted_lines(t for (data,) in rows for t in document_triples(record(data)))


def _sorted_lines(triples) -> list:
    from kg.graph.sorted_lines import NTLines

    lines = NTLines()
    return sorted({lines.line(s, p, o) for s, p, o in triples})


def _first(row):
    return row[0]


def _fact_key(row):
    return row[0], row[1], row[2]


def _queries(floor_relation: float, floor_target: float) -> dict:
    """kind -> (SQL of its rows, parameters); every row's first columns are its group key, then seq and pos."""
    return {
        "entities": (f"SELECT {_merged_key('e.key')}, seq, pos, doc_id, data FROM entities e", ()),
        "relations": (
            f"SELECT s, o, family, seq, pos, data, text FROM (SELECT {_merged_key('r.subject')} AS s, "
            f"{_merged_key('r.object')} AS o, family, seq, pos, data, text FROM relations r WHERE confidence >= ?) "
            "WHERE s IN (SELECT key FROM present) AND o IN (SELECT key FROM present)", (floor_relation,)),
        "targets": (
            f"SELECT park, seq, pos, data, text FROM (SELECT {_merged_key('t.park')} AS park, seq, pos, data, text "
            "FROM targets t WHERE confidence >= ?) WHERE park IN (SELECT key FROM present)", (floor_target,)),
        "docs": ("SELECT data FROM docs", ()),
    }


def _scattered_bag(client, db, sql: str, params, held: list):
    """The rows of `sql` as a Dask bag whose partitions were scattered to the workers chunk by chunk
    (their futures go to `held`: the cluster keeps the data while someone holds them)."""
    import dask
    import dask.bag

    cursor = db.execute(sql, params)
    parts = []
    while True:
        chunk = cursor.fetchmany(CHUNK_ROWS)
        if not chunk:
            break
        [future] = client.scatter([chunk])
        held.append(future)
        parts.append(dask.delayed(future))
    return dask.bag.from_delayed(parts) if parts else None


def merge_on_cluster(index: ResultIndex, lexicon, client, parts_dir: Path, min_confidence=None) -> list:
    """Merge the indexed documents on the cluster of `client`; returns the sorted partition files written."""
    relation_floor, target_floor = confidence_floors(min_confidence)
    resolve_parks(index, lexicon)
    db = index.db
    db.executescript(f"DROP TABLE IF EXISTS present; CREATE TABLE present (key TEXT PRIMARY KEY); "
                     f"INSERT INTO present SELECT DISTINCT {_merged_key('e.key')} FROM entities e;")
    subclass_ok = set(lexicon.subclass_of)
    zones = {z.iri: z for z in getattr(lexicon, "zones", ())}
    queries = _queries(relation_floor, target_floor)
    shuffles = {"entities": (_first, _entity_lines, (subclass_ok, zones)), "relations": (_fact_key, _fact_lines, ()),
                "targets": (_first, _target_lines, ())}
    outputs, held = [], []
    for kind, (sql, params) in queries.items():
        bag = _scattered_bag(client, db, sql, params, held)
        if bag is None:
            continue
        if kind in shuffles:
            key, lines, extra = shuffles[kind]
            bag = bag.groupby(key, shuffle="tasks").map_partitions(lines, *extra)
        else:
            bag = bag.map_partitions(_document_lines)
        outputs.extend(bag.to_delayed())
    parts_dir.mkdir(parents=True, exist_ok=True)
    files = []
    futures = client.compute(outputs)
    for i, future in enumerate(futures):  # one partition at a time in this process
        path = parts_dir / f"part-{i:05d}.nt"
        lines = future.result()
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as handle:
            handle.writelines(f"{line} .\n" for line in lines)
        future.release()
        files.append(path)
    client.cancel(held)
    return files


def _merged_parts(files):
    """The lines of the sorted partition files, sorted, each once."""
    handles = [open(p, encoding="utf-8", errors="surrogatepass", newline="\n") for p in files]
    try:
        last = None
        for line in heapq.merge(*handles, key=_without_end):  # each file is sorted by its lines without " .\n"
            line = line[:-3]
            if line != last:
                yield line
                last = line
    finally:
        for handle in handles:
            handle.close()


def _without_end(line: str) -> str:
    return line[:-3]


def write_dask_graph(index: ResultIndex, lexicon, paths: dict, scheduler: str, parts_dir: Path,
                     min_confidence=None, seconds: dict | None = None):
    """`kg.stream.build.write_streamed_graph` with the merge on the Dask cluster at `scheduler`;
    returns (the counts, the partition files the store may load)."""
    from kg.graph.build import new_graph
    from kg.graph.iris import BASE
    from kg.graph.serialize import graph_prefixes

    try:
        from distributed import Client
    except ImportError:
        from kg.errors import missing_extra

        raise missing_extra("dask[distributed]", "dask") from None
    seconds = seconds if seconds is not None else {}
    clock = time.perf_counter()
    try:
        client = Client(scheduler, timeout=30, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ParkKGError(f"could not reach the Dask scheduler at {scheduler} for the merge ({exc}); "
                          "check that it still runs") from exc
    try:
        files = merge_on_cluster(index, lexicon, client, Path(parts_dir), min_confidence)
    finally:
        client.close()
    seconds["merge"] = time.perf_counter() - clock
    clock = time.perf_counter()
    counts = write_sorted(_merged_parts(files), paths, graph_prefixes(new_graph()), BASE + "graph")
    seconds["write"] = time.perf_counter() - clock
    counts.readings = readings(index, confidence_floors(min_confidence)[0])
    return counts, files
