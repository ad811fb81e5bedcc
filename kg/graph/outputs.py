"""A build's output folder: one build at a time, its files a set named by a manifest.

A build takes a lock on ``OUT/.kg-build.lock`` before it reads anything, so two
builds never write one folder (the second stops at once with a clear error),
and an output folder that cannot be written (a file, a read-only folder) is
refused before any extraction. The new files are written into a staging folder
inside OUT and renamed into place only when all of them are complete, so a full
disk or a crash leaves the previous set whole; then ``OUT/manifest.json``
records which files belong to this build (with their sizes), and the outputs of
an earlier build that this one did not write (another ``--format``,
``--no-html``) are removed, so no tool picks up a stale graph beside a new one.
`check_output` tells the tools that read a build folder (``kg push``,
``kg serve``) whether a file is one the last build wrote.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> with output_lock(out):
...     _ = (out / "graph.ttl").write_text("")
...     write_manifest(out, ["graph.ttl"], inputs=["seeds"])
>>> check_output(out / "graph.ttl") is None, "not written" in check_output(out / "graph.nt")
(True, True)
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

from kg.errors import ParkKGError

MANIFEST = "manifest.json"
LOCK = ".kg-build.lock"
STAGING_PREFIX = ".kg-staging-"
# Every file or folder a build may write into OUT.
OUTPUT_NAMES = ("graph.ttl", "graph.nt", "graph.nq", "graph.jsonld", "graph.trig", "graph.html", "store")


class OutputError(ParkKGError):
    """The output folder cannot be written (a file, read-only, full, or another build holds it)."""

    exit_code = 3


def output_error(out_dir: Path, exc: OSError, doing: str = "written") -> OutputError:
    """One line for an OSError met while writing into `out_dir`."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "free some disk space (the previous outputs are kept as they were)"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "choose a folder you can write with -o, or fix its permissions"
    else:
        hint = "choose another folder with -o"
    return OutputError(f"{out_dir}: the output folder could not be {doing} ({exc.strerror or exc}); {hint}")


@contextlib.contextmanager
def output_lock(out_dir: Path):
    """Hold OUT for one build: create it if needed, refuse a file or an unwritable folder, lock it.

    A folder this call created is removed again if the block fails before anything
    was written into it, so a refused build leaves no empty folder behind.
    """
    import fcntl

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: is a file, not a folder; give -o a folder (new or a previous build's)")
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir / LOCK, "a+")  # noqa: SIM115 - held for the block
    except OSError as exc:
        raise output_error(out_dir, exc, "created" if created else "written") from exc
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"{out_dir}: another kg build is writing into this folder; wait for it to finish "
                              "or build into another folder with -o") from None
        except OSError:  # a file system without locks (some network mounts): build unlocked, as before
            pass
        remove_stale_temporaries(out_dir)
        ok = False
        try:
            yield out_dir
            ok = True
        finally:
            if created and not ok:
                with contextlib.suppress(OSError):
                    os.unlink(out_dir / LOCK)
                    out_dir.rmdir()
    finally:
        handle.close()


def remove_stale_temporaries(out_dir: Path) -> list[str]:
    """Remove what killed builds left in OUT (staging folders, ``.graph.ttl.*.tmp``, ``.store.*.old``).

    Only called under the lock, when no other build can be writing them.
    """
    removed = []
    names = OUTPUT_NAMES + (MANIFEST,)
    for entry in out_dir.iterdir():
        name = entry.name
        stale = name.startswith(STAGING_PREFIX) or (
            name.startswith(".") and name.endswith((".tmp", ".old"))
            and any(name.startswith(f".{n}.") for n in names))
        if not stale:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
        removed.append(name)
    return sorted(removed)


def staging_folder(out_dir: Path) -> Path:
    """A new folder inside OUT (same file system, so its files can be renamed into place)."""
    return Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))


def _describe(path: Path) -> dict:
    info = path.stat()
    return {"size": info.st_size if path.is_file() else None, "mtime_ns": info.st_mtime_ns}


def commit_outputs(staging: Path, out_dir: Path, names, inputs=()) -> None:
    """Move the complete files `names` from `staging` into OUT, record them, drop the outputs they supersede."""

    previous = read_manifest(out_dir)
    for name in names:
        new, target = staging / name, out_dir / name
        if new.is_dir():
            swap_into_place(new, target)
        else:
            os.replace(new, target)
    write_manifest(out_dir, names, inputs)
    stale = set(OUTPUT_NAMES) | set((previous or {}).get("files", {}))
    for name in sorted(stale - set(names)):
        path = out_dir / name
        if name not in OUTPUT_NAMES and ("/" in name or name.startswith(".")):
            continue  # a manifest only ever names plain output files
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def write_manifest(out_dir: Path, names, inputs=()) -> None:
    """Record which files in OUT this build wrote (atomically, after they are in place)."""
    from kg.graph.serialize import atomic_write_text

    out_dir = Path(out_dir)
    manifest = {"manifest": 1, "files": {name: _describe(out_dir / name) for name in sorted(names)},
                "inputs": [str(p) for p in inputs]}
    atomic_write_text(out_dir / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def read_manifest(out_dir: Path) -> dict | None:
    """The manifest of a build folder, or None when it has none (or it cannot be read)."""
    try:
        data = json.loads((Path(out_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def check_output(path: Path) -> str | None:
    """Why `path` (in a build folder) is not an output of the last build there, or None when it is.

    A folder without a manifest (built before manifests, or not a build folder)
    gives None: there is nothing to check against.
    """
    path = Path(path)
    manifest = read_manifest(path.parent)
    if manifest is None:
        return None
    entry = manifest["files"].get(path.name)
    if entry is None:
        return (f"{path}: not written by the last build in {path.parent} (its {MANIFEST} does not list it), "
                "so it may be stale; rebuild with the format you need, or name the file's own copy")
    try:
        now = _describe(path)
    except OSError:
        return f"{path}: listed in {path.parent / MANIFEST} but missing; rebuild"
    if entry.get("size") != now["size"] or (entry.get("size") is not None and entry.get("mtime_ns") != now["mtime_ns"]):
        return (f"{path}: changed since the last build in {path.parent} wrote it (size or time differ from "
                f"{MANIFEST}); rebuild, or copy the file elsewhere to use it as it is")
    return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(str(a)), at_fdcwd, os.fsencode(str(b)), rename_exchange)
    return done == 0


def swap_into_place(new: Path, target: Path) -> None:
    """Put folder `new` where `target` is: one atomic exchange where the system has it, else two renames.

    With the exchange there is no moment without a store at `target`, and a kill
    leaves at worst the old copy under the new one's temporary name, which the
    next build removes (`kg.graph.outputs.remove_stale_temporaries`).
    """
    new, target = Path(new), Path(target)
    if target.is_dir() and not target.is_symlink() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old store
        return
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
