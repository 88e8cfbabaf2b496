"""Whole-process timings of the CLI, as ratios to baselines measured in the same run.

    python -m benchmarks.cli_speed [--entries 1000] [--runs 7]

Baselines: B = `python -c pass`; F = a process that only reads and parses the store
file with the stdlib `json`. Each figure is the median of --runs runs.
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
from pathlib import Path

from benchmarks.sample_store import build_store


def median_ms(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="veerkracht-bench-"))
    try:
        store = build_store(workdir / "home", args.entries)
        answers = workdir / "answers.json"
        answers.write_text(json.dumps({"feelings": ["tired"], "intensity": 6}))
        env = {**os.environ, "VEERKRACHT_HOME": str(store.directory)}
        python = sys.executable
        cli = [python, "-m", "veerkracht"]

        base = median_ms([python, "-c", "pass"], args.runs, env)
        parse = median_ms(
            [python, "-c", f"import json; json.load(open({str(store.path)!r}, 'rb'))"],
            args.runs,
            env,
        )
        size_mb = store.path.stat().st_size / 1e6
        print(f"store: {args.entries} entries, {size_mb:.1f} MB; median of {args.runs} runs")
        print(f"{'what':38} {'ms':>8} {'× B':>6} {'× F':>6}")
        print(f"{'B  python -c pass':38} {base:8.0f} {1:6.2f} {base / parse:6.2f}")
        print(f"{'F  json.load of the store':38} {parse:8.0f} {parse / base:6.2f} {1:6.2f}")
        for label, extra in [
            ("veerkracht --version", ["--version"]),
            ("veerkracht --help", ["--help"]),
            ("veerkracht history --format json", ["history", "--format", "json"]),
            ("veerkracht reflect --from (one entry)", ["reflect", "--from", str(answers)]),
        ]:
            ms = median_ms(cli + extra, args.runs, env)
            print(f"{label:38} {ms:8.0f} {ms / base:6.2f} {ms / parse:6.2f}")
    finally:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
