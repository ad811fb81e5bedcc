"""Where extraction runs: in this process, over a pool of processes, or on a Dask cluster.

Every runner has the same small interface (`Runner`): ``submit(batch)`` returns a
future of the batch's results (a `DocumentResult`, or a `Failure` for a document
whose extraction raised), ``wait(futures)`` returns ``(done, not_done)`` as soon
as one is done, ``close()`` stops it; ``jobs`` says how many batches it works on
at once. `make_runner` picks one. A worker process keeps one pipeline per
ontology in `_PIPELINES`, filled by the pool's initializer (on Linux the pool's
processes inherit the parent's pipeline by fork, so there is no second start-up)
or on first use on a Dask worker; nothing else is kept between batches.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from typing import Protocol

from kg.errors import ParkKGError

_PIPELINES: dict = {}  # lexicon fingerprint -> Pipeline, in a worker process


@dataclass(frozen=True)
class Failure:
    """A document whose extraction raised: reported and skipped, never fatal to the build."""

    doc_id: str
    source: str
    message: str


class Runner(Protocol):
    jobs: int

    def submit(self, batch) -> Future: ...

    def wait(self, futures) -> tuple[set, set]: ...

    def close(self) -> None: ...


def extract_batch(pipeline, batch) -> list:
    """Each document of `batch` through `pipeline`: its result, or a `Failure`."""
    out = []
    for raw in batch:
        try:
            out.append(pipeline.process(raw))
        except Exception as exc:  # one document's bug must not sink a million-document build
            out.append(Failure(raw.id, raw.source, f"{type(exc).__name__}: {exc}"))
    return out


def _worker_pipeline(lexicon):
    pipeline = _PIPELINES.get(lexicon.fingerprint)
    if pipeline is None:
        from kg.pipeline import Pipeline

        pipeline = _PIPELINES[lexicon.fingerprint] = Pipeline(lexicon)
    return pipeline


def _init_pool_worker(source) -> None:
    """A pool process's start: `source` is the parent's pipeline (inherited by fork) or its lexicon."""
    if hasattr(source, "process"):
        _PIPELINES[source.lexicon.fingerprint] = source
    else:
        _worker_pipeline(source)


def _pool_extract(fingerprint: str, batch) -> list:
    return extract_batch(_PIPELINES[fingerprint], batch)


def _dask_extract(lexicon, batch) -> list:
    return extract_batch(_worker_pipeline(lexicon), batch)


class InlineRunner:
    """Extraction in this process."""

    jobs = 1

    def __init__(self, pipeline):
        self.pipeline = pipeline

    def submit(self, batch) -> Future:
        future = Future()
        future.set_result(extract_batch(self.pipeline, batch))
        return future

    def wait(self, futures):
        return set(futures), set()

    def close(self):
        pass


class PoolRunner:
    """Extraction over a pool of processes, one pipeline per process.

    `source` is the parent's pipeline, which forked processes inherit (no second
    start-up), or a lexicon, from which each process builds its own (the parent
    then never holds a pipeline: what a streamed build wants, to keep its memory for the merge).
    It is `renewable`: `kg.extraction` replaces it with a fresh pool every few thousand documents.
    """

    renewable = True

    def __init__(self, source, jobs: int):
        self.jobs = jobs
        lexicon = getattr(source, "lexicon", source)
        self.fingerprint = lexicon.fingerprint
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if context.get_start_method() != "fork":
            source = lexicon  # a pipeline is never pickled
        self.executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_pool_worker,
                                            initargs=(source,))

    def submit(self, batch) -> Future:
        return self.executor.submit(_pool_extract, self.fingerprint, batch)

    def wait(self, futures):
        return wait_futures(futures, return_when=FIRST_COMPLETED)

    def close(self):
        self.executor.shutdown(wait=True, cancel_futures=True)


class DaskRunner:
    """Extraction on a Dask cluster: batches are sent to the workers, results come back."""

    def __init__(self, lexicon, scheduler: str, timeout: float = 30):
        try:
            from distributed import Client
        except ImportError:
            from kg.errors import missing_extra

            raise missing_extra("dask[distributed]", "dask") from None
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ParkKGError(f"could not reach the Dask scheduler at {scheduler} ({exc}); start one with "
                              "'dask scheduler' and workers with 'dask worker ADDRESS', or check the address") from exc
        workers = self.client.scheduler_info().get("workers", {})
        self.jobs = max(1, sum(w.get("nthreads", 1) for w in workers.values()))
        [self.lexicon] = self.client.scatter([lexicon], broadcast=True)

    def submit(self, batch):
        return self.client.submit(_dask_extract, self.lexicon, batch, pure=False)

    def wait(self, futures):
        from distributed import wait

        with self.client.as_current():  # wait() looks for a current client; ours is not the default
            done, not_done = wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done), set(not_done)

    def close(self):
        self.client.close()


def make_runner(jobs: int, scheduler: str | None, get_pipeline, get_lexicon, inherit: bool = True) -> Runner:
    """The runner for `jobs` processes or a Dask `scheduler`; the pipeline is built only where one is needed
    (with `inherit` False, a pool's processes build their own and the parent none)."""
    if scheduler:
        return DaskRunner(get_lexicon(), scheduler)
    if jobs > 1:
        return PoolRunner(get_pipeline() if inherit else get_lexicon(), jobs)
    return InlineRunner(get_pipeline())
