"""Whole-process timings of the CLI, as ratios to baselines measured in the same run.

    python benchmarks/cli_speed.py [--entries 1000] [--runs 7]

Baselines: B = `python -c pass`; F = a process that only reads and parses the store
file with the stdlib `json`. Each figure is the median of --runs runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from veerkracht.model import OPTIONS, parse_answers
from veerkracht.storage import Store

WORDS = (
    "ik merk dat de werkdruk hoog is en dat ik slecht slaap sinds de reorganisatie "
    "thuis is het ook zwaar mijn moeder heeft zorg nodig en ik wil dat niet laten merken"
).split()


def realistic_answers(rng: random.Random, when: datetime) -> dict:
    """A reflection shaped like a real one: a few choices and a few sentences."""

    def pick(group: str, most: int) -> list[str]:
        return rng.sample(OPTIONS[group], rng.randint(1, most))

    def sentence(length: int) -> str:
        return " ".join(rng.choices(WORDS, k=length)).capitalize() + "."

    return {
        "feelings": pick("feelings", 3),
        "intensity": rng.randint(2, 9),
        "feelings_note": sentence(20),
        "triggers": pick("triggers", 3),
        "triggers_note": sentence(25),
        "impact": pick("impact", 3),
        "impact_note": sentence(15),
        "relations": {"drains": sentence(8), "gives": sentence(8)},
        "desired_change": sentence(15),
        "support": pick("support", 2),
        "barriers": pick("barriers", 2),
        "audience": rng.choice(OPTIONS["audiences"]),
        "share": sentence(30),
        "private": sentence(20),
        "asks": [sentence(12), sentence(10)],
        "fear": sentence(12),
        "created": when.isoformat(),
    }


def build_store(directory: Path, count: int) -> Store:
    """A store of `count` entries, written in one transaction."""
    rng = random.Random(count)
    store = Store(directory)
    start = datetime(2025, 1, 1, 9).astimezone()
    with store.transaction() as db:
        table = db.table("entries")
        records = []
        for number in range(1, count + 1):
            entry = parse_answers(realistic_answers(rng, start + timedelta(hours=7 * number)))
            entry.id = str(number)
            records.append(entry.to_record())
        table.insert_multiple(records)
        db.table("meta").upsert({"counters": {"entries": count}}, lambda doc: True)
    return store


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
