"""The running Oxigraph server process: started, watched, restarted, stopped.

A watchdog restarts the server when it dies or its memory (resident set) passes
`max_memory_mb`; the guard restarts it when a query runs past its time limit
(the only way to stop a query Oxigraph does not cancel itself). Each restart
starts a new *generation*, so two callers that saw the same failure restart the
server once.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

from kg.graph.oxigraph_server import ServeError, resident_mb


class ServerProcess:
    """The Oxigraph server run by `command`, listening on 127.0.0.1:`port`, its output in `log_path`."""

    def __init__(self, command: list[str], port: int, log_path, startup_timeout_s: float = 30,
                 max_memory_mb: float | None = None):
        self.command, self.port = command, port
        self.startup_timeout_s = startup_timeout_s
        self.max_memory_mb = max_memory_mb
        self.process: subprocess.Popen | None = None
        self.restarts: list[str] = []  # why the server was restarted, in order
        self.stopping = threading.Event()
        self._log = open(log_path, "w+b")  # noqa: SIM115 - closed in stop()
        self._lock = threading.RLock()
        self._generation = 0

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_ready(self.process)

    def watch(self) -> threading.Thread:
        """Start the watchdog thread (a daemon) and return it."""
        watchdog = threading.Thread(target=self._watch, name="kg-serve-watchdog", daemon=True)
        watchdog.start()
        return watchdog

    def generation(self) -> int:
        with self._lock:
            return self._generation

    def _wait_ready(self, process) -> None:
        deadline = time.monotonic() + self.startup_timeout_s
        while True:
            if process.poll() is not None:
                raise ServeError(f"the oxigraph server stopped at once: {self.log_tail()}; "
                                 "check --host and --port")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise ServeError(f"the oxigraph server did not listen on 127.0.0.1:{self.port} within "
                                     f"{self.startup_timeout_s:.0f} s: {self.log_tail()}") from None
                time.sleep(0.05)

    def restart(self, why: str, generation: int | None = None) -> None:
        """Kill the Oxigraph process and start it again (queries it was running get an error status)."""
        with self._lock:
            if self.stopping.is_set() or (generation is not None and generation != self._generation):
                return  # someone restarted it already
            self._generation += 1
            self.restarts.append(why)
            print(f"kg serve: restarting the SPARQL server: {why}", file=sys.stderr, flush=True)
            self._kill(self.process)
            self.start()
            resting = resident_mb(self.process.pid)
            if self.max_memory_mb and resting is not None and resting > self.max_memory_mb:
                print(f"kg serve: the SPARQL server needs {resting:.0f} MB at rest, more than --max-memory "
                      f"{self.max_memory_mb:.0f}; the memory cap is off until kg serve restarts with a larger one",
                      file=sys.stderr, flush=True)
                self.max_memory_mb = None  # else it would be restarted for ever

    def restart_quietly(self, why: str, generation: int) -> None:
        """`restart`, from a thread: a server that cannot be restarted stops the endpoint (see `wait`)."""
        try:
            self.restart(why, generation)
        except ServeError as exc:
            print(f"kg serve: the SPARQL server could not be restarted: {exc}", file=sys.stderr, flush=True)
            self.stopping.set()

    @staticmethod
    def _kill(process) -> None:
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=30)

    def _watch(self) -> None:
        """Restart the server when it dies or its memory passes the cap."""
        while not self.stopping.wait(0.2):
            with self._lock:
                if self.stopping.is_set():
                    return
                process = self.process
                generation = self._generation
            if process.poll() is not None:
                self.restart_quietly(f"it exited with code {process.returncode}", generation)
                continue
            if self.max_memory_mb:
                used = resident_mb(process.pid)
                if used is not None and used > self.max_memory_mb:
                    self.restart_quietly(f"it used {used:.0f} MB, over the {self.max_memory_mb:.0f} MB "
                                         "limit (--max-memory)", generation)

    def log_tail(self, lines: int = 3) -> str:
        """The last `lines` lines the server wrote, on one line."""
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0)
        text = self._log.read().decode("utf-8", "replace").strip().splitlines()
        self._log.seek(0, 2)
        return " ".join(text[-lines:]) or "(no output)"

    def wait(self) -> int:
        """Block until the server stops for good (it could not be restarted, or `stop`); its exit code."""
        while not self.stopping.wait(0.5):
            pass
        return self.process.poll() or 1 if self.process else 0

    def stop(self, timeout_s: float = 10) -> None:
        """Stop the server (terminate, then kill) and close its log."""
        self.stopping.set()
        with self._lock:
            if self.process is not None and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=timeout_s)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=timeout_s)
        if self._log is not None:
            self._log.close()
            self._log = None
