"""Throughput under load: gunicorn (2 sync workers) on a free loopback port, driven by wrk for a fixed time.

Everything stays on 127.0.0.1 and every run is bounded: wrk stops after `duration` seconds, and the
server is stopped (by its own process id) when the measurements are done, also on errors.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings

HOST = "127.0.0.1"
WORKERS = 2
THREADS, CONNECTIONS = 2, 16
STARTUP_TIMEOUT = 60


@dataclass
class LoadResult:
    name: str
    role: str
    url: str
    rps: float
    p50: float
    p99: float
    errors: int
    ceiling_ratio: float = 0.0

    def as_dict(self):
        return self.__dict__.copy()


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(env_overrides=None, *, workers=WORKERS, access_log=None):
    """A gunicorn serving this project on a free port; yields its base URL. `access_log`: a file that gets a
    line per request (method, path, status, ms, the cache's answers); BENCH_ACCESS_LOG sets one for any run."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "ospo_nl.wsgi", "--bind", f"{HOST}:{port}",
               "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning"]
    if log := access_log or os.environ.get("BENCH_ACCESS_LOG"):
        command += ["--access-logfile", log, "--access-logformat",
                    "%(m)s %(U)s%(q)s %(s)s %(M)s %({x-page-cache}o)s %({x-shared-page}o)s"]
    with _process(command, env_overrides) as (process, errors):
        base = f"http://{HOST}:{port}"
        _wait_until_up(base, process, errors)
        yield base


@contextmanager
def worker(env_overrides=None):
    """The background worker of a production deployment (the compose `worker` service: `run_worker`) beside the
    bench's gunicorn, for a server whose tasks go to the database queue (TASKS_BACKEND); stopped afterwards."""
    with _process([sys.executable, "manage.py", "run_worker", "--no-startup-delay"], env_overrides) as (process, _):
        yield process


@contextmanager
def _process(command, env_overrides):
    """`command` running in its own session in the project folder with the bench's environment and
    `env_overrides`, its log in a file; stopped afterwards.
    A file, not a pipe: nobody reads a pipe while the load runs, and once its 64 KiB filled up, a worker writing
    a log line (a traceback) blocked for good (a write hung for 30 s)."""
    env = {**os.environ, "BENCH": "1", **(env_overrides or {})}
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL,
                                   stderr=errors, start_new_session=True)
        try:
            yield process, errors
        finally:
            stop(process)


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # the session we started: gunicorn's master and its workers
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _wait_until_up(base, process, errors, path="/robots.txt"):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors.seek(0)
            raise RuntimeError(f"gunicorn exited: {errors.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(base + path, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer within a minute")


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNIT[unit]


def parse_wrk(output):
    """Requests/s, latency p50 and p99 (ms) and non-2xx/3xx count from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)) else 0
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(g) for g in m.groups())
    return rps, p50, p99, errors


def wrk(url, *, duration, cookie=None):
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install -y wrk; `make bench` does it)")
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    result = subprocess.run([*command, url], capture_output=True, text=True, timeout=duration + 60, check=True)
    return parse_wrk(result.stdout)


def run_load(targets, *, cookie, duration=10, warmup=2, stdout=None):
    """`targets`: [(name, path)]. Each as visitor and as member, plus the ceiling, on one gunicorn."""
    results = []
    with gunicorn() as base:
        plan = [("ceiling (bare view)", "visitor", "/bench/ceiling/", None)]
        for name, path in targets:
            plan.append((name, "visitor", path, None))
            plan.append((name, "member", path, cookie))
        for name, role, path, role_cookie in plan:
            wrk(base + path, duration=warmup, cookie=role_cookie)
            rps, p50, p99, errors = wrk(base + path, duration=duration, cookie=role_cookie)
            results.append(LoadResult(name, role, path, rps, p50, p99, errors))
            if stdout:
                stdout.write(f"  {name:<28} {role:<8} {rps:8.1f} req/s  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms"
                             + (f"  {errors} errors" if errors else ""))
    ceiling = results[0].rps or 1
    for result in results:
        result.ceiling_ratio = result.rps / ceiling
    return results
