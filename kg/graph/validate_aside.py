"""The build's SHACL check in a forked process, while the build writes the graph's files.

`kg.build` starts one when it was given several processes (``-j 2`` and up):
the check and the writing then take the time of the longer of the two.
"""
from __future__ import annotations

from pathlib import Path

from kg.graph import validate as validation
from kg.graph.validate import MAX_BUILD_TRIPLES, ValidationReport


class ValidationAside:
    """`validate` of a graph in a forked process, while this one goes on (writes the graph's files).

    The child inherits the graph by fork (nothing is copied or pickled) and sends
    back only the `ValidationReport`; `result()` waits for it, and raises what
    the check raised. Where processes cannot be forked the check runs in
    `result()`, here. Same report either way.

    >>> import rdflib
    >>> aside = ValidationAside(rdflib.Graph())
    >>> aside.result().summary()
    'SHACL: 0 violations in 0 triples'
    """

    def __init__(self, graph, ontology_dir: Path | str | None = None, max_triples: int = MAX_BUILD_TRIPLES):
        import multiprocessing

        self._args = (graph, ontology_dir, max_triples)
        self._process = self._answer = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._answer, sender = context.Pipe(duplex=False)
            self._process = context.Process(target=_validate_to, args=(*self._args, sender), daemon=True,
                                            name="kg-shacl")
            self._process.start()
            sender.close()

    def result(self) -> ValidationReport:
        if self._process is None:
            return validation.validate(*self._args)
        try:
            ok, value = self._answer.recv()
        except EOFError:  # the child died without a word (killed, out of memory): check here instead
            ok, value = True, validation.validate(*self._args)
        finally:
            self._answer.close()
            self._process.join()
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop a check whose report is no longer wanted (the build failed before it asked)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        if self._answer is not None:
            self._answer.close()


def _validate_to(graph, ontology_dir, max_triples, sender) -> None:
    try:
        answer = (True, validation.validate(graph, ontology_dir, max_triples))
    except Exception as exc:  # the parent raises it, as if it had checked the graph itself
        answer = (False, exc)
    sender.send(answer)
    sender.close()
