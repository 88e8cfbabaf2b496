"""How the benchmarks measure: whole processes, timed and weighed; modules counted."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

PYTHON = sys.executable
CLI = [PYTHON, "-m", "veerkracht"]


@dataclass
class Figure:
    """A median wall time and the highest peak resident size over the runs."""

    ms: float
    peak_mib: float


def measure(command: list[str], runs: int, env: dict[str, str], stdin: bytes = b"") -> Figure:
    """Median wall time and the highest peak memory over `runs` whole-process runs."""
    times, peaks = [], []
    for run in range(runs + 1):  # the first run warms caches (bytecode, files) and is dropped
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        if run:
            times.append((time.perf_counter() - start) * 1000)
            peaks.append(usage.ru_maxrss / 1024)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            error = process.stderr.read().decode() if process.stderr else ""
            raise SystemExit(f"{' '.join(command)} failed: {error}")
    return Figure(statistics.median(times), max(peaks))


def imported(command: list[str], env: dict[str, str]) -> int:
    """How many modules `command` (a Python command) imports: `-X importtime` lines."""
    python, *rest = command
    result = subprocess.run(
        [python, "-X", "importtime", *rest],
        env=env, capture_output=True, encoding="utf-8", check=True,
    )  # fmt: skip
    return sum(1 for line in result.stderr.splitlines() if line.startswith("import time:")) - 1


def reported(command: list[str], runs: int, env: dict[str, str]) -> list[list[float]]:
    """What a probe prints as JSON (a list of figures), once per run after a warm-up."""
    found = []
    for run in range(runs + 1):
        result = subprocess.run(command, env=env, capture_output=True, encoding="utf-8")
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr}")
        if run:
            found.append(json.loads(result.stdout.splitlines()[-1]))
    return found
