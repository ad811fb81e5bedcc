"""Files written atomically: a temporary file beside the target, renamed over it once complete.

A build killed midway leaves the previous file intact.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: Path | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def atomic_open(path: Path | str, mode: str = "w"):
    """A file handle whose content replaces `path` only when the block ends without error.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_open(p) as f:
    ...     _ = f.write("一")
    >>> p.read_text(encoding="utf-8")
    '一'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if "b" in mode:
            handle = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding="utf-8", newline="\n")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        _pause_for_kill_tests(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _pause_for_kill_tests(path: Path) -> None:
    """Test hook for tests/test_atomic.py; does nothing unless PARKKG_TEST_PAUSE_BEFORE_RENAME is set.

    Set to file names (``graph.ttl,graph.html``), a write of one of them says so on
    stderr and waits a minute once its temporary file is complete, just before the
    rename, so that a test can ``kill -9`` the build there and check the previous
    file is intact.
    """
    names = os.environ.get("PARKKG_TEST_PAUSE_BEFORE_RENAME")
    if names and path.name in names.split(","):
        import sys
        import time

        print(f"parkkg-test: paused before renaming over {path}", file=sys.stderr, flush=True)
        time.sleep(60)
