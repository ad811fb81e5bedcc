"""One exception tree. Every message says what happened, why, and what to do."""
from __future__ import annotations


class ParkKGError(Exception):
    """Base of every error parkkg raises on purpose."""


class InputError(ParkKGError):
    """A source file could not be read as text (missing, empty, binary, undecodable)."""


class InputWarning(InputError):
    """A problem in an input that was read anyway (a date that is no date, dropped); reported, not skipped."""


class OntologyError(ParkKGError):
    """The ontology files are missing or inconsistent."""


class QueryError(ParkKGError):
    """A SPARQL query is missing, malformed or got bad parameters."""


class OptionalDependencyError(ParkKGError):
    """An optional extra is needed for this feature; the message names the install command."""


def missing_extra(package: str, extra: str) -> OptionalDependencyError:
    return OptionalDependencyError(
        f"this feature needs the '{package}' package, which is not installed; "
        f"install it with: pip install 'parkkg[{extra}]'")
