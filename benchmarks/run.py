"""veerkracht's speed and memory, as ratios to baselines measured in the same run.

    python -m benchmarks.run [--runs 7] [--sizes 1000,10000]

Baselines: B = `python -c pass`; F = a process that only reads and parses the store
file with the stdlib `json`; T = a minimal Textual app (Header, Static, Footer) until
its first screen is ready. Stores are built through `veerkracht import`. Each figure is
the median of --runs whole-process runs; memory is the peak resident size of a run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.sample_store import realistic_export

PYTHON = sys.executable
CLI = [PYTHON, "-m", "veerkracht"]

# A minimal Textual app that exits as soon as its first screen has been drawn.
MINIMAL_TUI = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Hallo")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True, size=(100, 30))
"""

# veerkracht's own screen the way the command opens it, exiting once it is drawn.
VEERKRACHT_TUI = """
import sys
from veerkracht.cli import Session  # the command's imports, as the real command pays them
from veerkracht.tui.app import VeerkrachtApp

class Ready(VeerkrachtApp):
    def on_mount(self):
        self.call_after_refresh(lambda: self.call_after_refresh(self.exit))

session = Session()
Ready(session.store, session.content, start=sys.argv[1]).run(headless=True, size=(100, 30))
"""


@dataclass
class Figure:
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


def build(directory: Path, count: int, env: dict[str, str]) -> Path:
    """A store of `count` realistic entries, made through `veerkracht import`."""
    export = directory.parent / f"export-{count}.json"
    export.write_text(json.dumps(realistic_export(count)), encoding="utf-8")
    subprocess.run([*CLI, "import", str(export)], env=env, check=True, capture_output=True)
    return directory / "veerkracht.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    workdir = Path(tempfile.mkdtemp(prefix="veerkracht-bench-"))
    rows: list[tuple[str, Figure, str, float | None]] = []
    try:
        # Bytecode is cached as for an installed package (some shells turn that off).
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        empty_env = {**base_env, "VEERKRACHT_HOME": str(workdir / "empty")}
        base = measure([PYTHON, "-c", "pass"], args.runs, empty_env)
        tui = measure([PYTHON, "-c", MINIMAL_TUI], args.runs, empty_env)
        rows.append(("B  python -c pass", base, "B", None))
        rows.append(("T  minimal Textual app, ready", tui, "T", None))
        rows.append(
            ("veerkracht --version", measure([*CLI, "--version"], args.runs, empty_env), "B", 3)
        )
        help_figure = measure([*CLI, "--help"], args.runs, empty_env)
        rows.append(("veerkracht --help", help_figure, "B", 8))
        rows.append(("reflect TUI, first question ready",
                     measure([PYTHON, "-c", VEERKRACHT_TUI, "reflect"], args.runs, empty_env),
                     "T", 1.3))  # fmt: skip
        answers = json.dumps({"feelings": ["tired"], "intensity": 6}).encode()
        parse = {}
        for size in sizes:
            env = {**base_env, "VEERKRACHT_HOME": str(workdir / str(size))}
            store = build(workdir / str(size), size, env)
            read = f"import json; json.load(open({str(store)!r}, 'rb'))"
            parse[size] = measure([PYTHON, "-c", read], args.runs, env)
            rows.append((f"F  json.load, {size} entries ({store.stat().st_size / 1e6:.1f} MB)",
                         parse[size], f"F{size}", None))  # fmt: skip
            # The targets are set for 10,000 entries; smaller stores are shown for scale.
            big = size >= 10_000
            rows.append((f"history --format json, {size}",
                         measure([*CLI, "history", "--format", "json"], args.runs, env),
                         f"F{size}", 2.5 if big else None))  # fmt: skip
            rows.append((f"history --search, {size}",
                         measure([*CLI, "history", "--search", "slaap zorg", "--format", "json"],
                                 args.runs, env),
                         f"F{size}", None))  # fmt: skip
            rows.append((f"reflect --from, one entry into {size}",
                         measure([*CLI, "reflect", "--from", "-"], args.runs, env, answers),
                         f"F{size}", 2.5 if big else None))  # fmt: skip
            rows.append((f"history --tui, {size}, first screen ready",
                         measure([PYTHON, "-c", VEERKRACHT_TUI, "history"], args.runs, env),
                         "T", 1.5 if big else None))  # fmt: skip
        baselines = {"B": base.ms, "T": tui.ms, **{f"F{s}": parse[s].ms for s in sizes}}
        print(f"{sys.platform}, Python {sys.version.split()[0]}, {os.cpu_count()} cores; "
              f"median of {args.runs} runs")  # fmt: skip
        print(f"{'what':46} {'ms':>7} {'ratio':>10} {'target':>8} {'peak MiB':>9}")
        for label, figure, against, target in rows:
            ratio = figure.ms / baselines[against]
            goal = "" if target is None else f"≤{target:g}×{against[0]}"
            mark = "" if target is None else (" ok" if ratio <= target else " MISS")
            memory = "" if figure.peak_mib <= 100 else " MISS"
            print(f"{label:46} {figure.ms:7.0f} {ratio:7.2f}×{against[0]:<2} {goal:>8} "
                  f"{figure.peak_mib:8.1f}{memory}{mark}")  # fmt: skip
    finally:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
