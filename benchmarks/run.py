"""veerkracht's speed and memory against its targets, with baselines measured in the same run.

    python -m benchmarks.run [--runs 7] [--only start,tui,data] [--big] [--jrnl PATH|no]

Baselines: B = `python -c pass`; T = a bare Textual app showing one Input, until its
first screen is drawn; F = a process that only reads and parses the store file with
the stdlib `json`. Stores are built through `veerkracht import`. Each time is the median
of --runs whole-process runs (after one warm-up run); memory is the peak resident size.
Every target is printed with its figure, its baseline and "met" or "missed".
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
from dataclasses import dataclass
from pathlib import Path

from benchmarks.jrnl import find_jrnl, jrnl_env
from benchmarks.measure import CLI, PYTHON, imported, measure, reported
from benchmarks.probes import MINIMAL_TUI, SEARCH_KEYS, VEERKRACHT_TUI
from benchmarks.sample_store import realistic_export

SECTIONS = ("start", "tui", "data")
#: What is typed into the dashboard's search, key by key.
TYPED = "slaap zorg"
ANSWERS = json.dumps({"feelings": ["tired"], "intensity": 6}).encode()


@dataclass
class Row:
    """One line of the report: a figure, what it is held against, and the verdict."""

    what: str
    measured: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "missed")


def against(what: str, figure: float, name: str, base: float, limit: float | None) -> Row:
    """A time held against a baseline measured in the same run: at most `limit` times it."""
    ratio = figure / base
    return Row(what, f"{figure:.0f} ms", f"{name} = {base:.0f} ms", f"{ratio:.2f}×{name}",
               "" if limit is None else f"≤ {limit:g}×{name}",
               None if limit is None else ratio <= limit)  # fmt: skip


def start_rows(runs: int, env: dict[str, str], jrnl: str | None, workdir: Path) -> list[Row]:
    """--version and --help against B, the modules each imports, and jrnl's start."""
    base = measure([PYTHON, "-c", "pass"], runs, env).ms
    modules = imported([PYTHON, "-c", "pass"], env)
    rows = [
        Row("B  python -c pass", f"{base:.0f} ms"),
        Row("  modules imported by B", f"{modules} modules"),
    ]
    figures = {}
    for flag, limit in (("--version", 2), ("--help", 5)):
        figures[flag] = measure([*CLI, flag], runs, env).ms
        rows.append(against(f"veerkracht {flag}", figures[flag], "B", base, limit))
        rows.append(Row(f"  modules imported by {flag}", f"{imported([*CLI, flag], env)} modules"))
    typer = measure([*CLI, "--help"], runs, {**env, "COLUMNS": "79"}).ms  # too narrow: no cache
    rows.append(against("  --help made by Typer (79 columns: not cached)", typer, "B", base, None))
    command, origin = find_jrnl(jrnl)
    if command is None:
        rows.append(Row(f"jrnl --version / --help: {origin}", ""))
        return rows
    own = jrnl_env(env, workdir / "jrnl-home")
    for flag in ("--version", "--help"):
        theirs = measure([*command, flag], runs, own).ms
        rows.append(against(f"veerkracht {flag} vs jrnl {flag}", figures[flag], "J", theirs, 0.5))
    rows.append(Row(f"  (J = jrnl, {origin})", ""))
    return rows


def tui_rows(runs: int, env: dict[str, str]) -> tuple[list[Row], float]:
    """T, and the reflection screen until it is drawn, against it."""
    tui = measure([PYTHON, "-c", MINIMAL_TUI], runs, env).ms
    reflect = measure([PYTHON, "-c", VEERKRACHT_TUI, "reflect"], runs, env).ms
    ready = against("reflect screen, first question ready", reflect, "T", tui, 1.2)
    return [Row("T  bare Textual app with one Input, ready", f"{tui:.0f} ms"), ready], tui


def build(directory: Path, count: int, env: dict[str, str]) -> Path:
    """A store of `count` realistic entries, made through `veerkracht import`."""
    export = directory.parent / f"export-{count}.json"
    export.write_text(json.dumps(realistic_export(count)), encoding="utf-8")
    subprocess.run([*CLI, "import", str(export)], env=env, check=True, capture_output=True)
    export.unlink()
    return directory / "veerkracht.json"


def commands(runs: int, env: dict[str, str], store: Path) -> tuple[float, dict[str, float]]:
    """F for `store`, and the three scripted commands on it."""
    read = f"import json; json.load(open({str(store)!r}, 'rb'))"
    parse = measure([PYTHON, "-c", read], runs, env).ms
    timed = {
        "history --format json": measure([*CLI, "history", "--format", "json"], runs, env).ms,
        "reflect --from - (one entry more)": measure(
            [*CLI, "reflect", "--from", "-"], runs, env, ANSWERS
        ).ms,
        "prepare (the last entry's card)": measure([*CLI, "prepare"], runs, env).ms,
    }
    return parse, timed


def data_rows(runs: int, env: dict[str, str], size: int, tui: float | None) -> list[Row]:
    """At `size` entries: the commands against F, the dashboard against T, its search
    keystrokes and its peak memory."""
    store = build(Path(env["VEERKRACHT_HOME"]), size, env)
    parse, timed = commands(runs, env, store)
    rows = [Row(f"F  json.load, {size:,} entries ({store.stat().st_size / 1e6:.1f} MB)",
                f"{parse:.0f} ms")]  # fmt: skip
    rows += [against(f"{what}, {size:,}", ms, "F", parse, 2) for what, ms in timed.items()]
    if tui is None:
        tui = measure([PYTHON, "-c", MINIMAL_TUI], runs, env).ms
        rows.append(Row("T  bare Textual app with one Input, ready", f"{tui:.0f} ms"))
    dashboard = measure([PYTHON, "-c", VEERKRACHT_TUI, "history"], runs, env)
    rows.append(against(f"history dashboard, {size:,}, ready", dashboard.ms, "T", tui, 1.3))
    rows.append(Row(f"history dashboard, {size:,}, peak memory", f"{dashboard.peak_mib:.1f} MiB",
                    target="≤ 90 MiB", met=dashboard.peak_mib <= 90))  # fmt: skip
    keys = [key for run in reported([PYTHON, "-c", SEARCH_KEYS, TYPED], runs, env) for key in run]
    rows.append(Row(f"search keystroke, {size:,}, slowest of {len(keys)}", f"{max(keys):.0f} ms",
                    ratio=f"median {statistics.median(keys):.0f} ms", target="≤ 50 ms",
                    met=max(keys) <= 50))  # fmt: skip
    return rows


def growth_rows(runs: int, base_env: dict[str, str], workdir: Path, sizes: tuple[int, int]):
    """The commands at both sizes: how much slower the larger store makes each one."""
    small, large = sizes
    found = {}
    for size in sizes:
        env = {**base_env, "VEERKRACHT_HOME": str(workdir / f"grow-{size}")}
        found[size] = commands(runs, env, build(workdir / f"grow-{size}", size, env))
    linear = large / small
    rows = [Row(f"F  json.load, {large:,} entries", f"{found[large][0]:.0f} ms",
                ratio=f"{found[large][0] / found[small][0]:.1f}× the {small:,} F")]  # fmt: skip
    for what, ms in found[large][1].items():
        factor = ms / found[small][1][what]
        rows.append(Row(f"{what}, {small:,} → {large:,}", f"{ms:.0f} ms",
                        f"{found[small][1][what]:.0f} ms at {small:,}",
                        f"{factor:.1f}× ({ms / found[large][0]:.2f}×F)",
                        f"≤ {linear:g}× (linear)", factor <= linear))  # fmt: skip
    return rows


def report(rows: list[Row], markdown: bool) -> None:
    """The table, plain or as Markdown."""
    heads = ("what", "measured", "baseline", "ratio", "target", "")
    cells = [heads, *((r.what, r.measured, r.baseline, r.ratio, r.target, r.verdict) for r in rows)]
    if markdown:
        for number, line in enumerate(cells):
            print("| " + " | ".join(line) + " |")
            if not number:
                print("|" + "---|" * len(heads))
        return
    widths = [max(len(line[column]) for line in cells) for column in range(len(heads))]
    for line in cells:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default=",".join(SECTIONS), help="start, tui and/or data")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--big", action="store_true", help="also the growth to 10 × --size")
    parser.add_argument("--jrnl", help="jrnl's command, or `no`; else found or installed")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    only = set(args.only.split(","))
    workdir = Path(tempfile.mkdtemp(prefix="veerkracht-bench-"))
    try:
        # Bytecode is cached as for an installed package (some shells turn that off).
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        base_env["COLUMNS"] = "80"  # the same --help on every terminal
        env = {**base_env, "VEERKRACHT_HOME": str(workdir / "empty")}
        rows, tui = [], None
        if "start" in only:
            rows += start_rows(args.runs, env, args.jrnl, workdir)
        if "tui" in only:
            found, tui = tui_rows(args.runs, env)
            rows += found
        if "data" in only:
            data_env = {**base_env, "VEERKRACHT_HOME": str(workdir / str(args.size))}
            rows += data_rows(args.runs, data_env, args.size, tui)
        if args.big:
            sizes = (args.size, args.size * 10)
            rows += growth_rows(max(1, args.runs // 3), base_env, workdir, sizes)
        print(f"{sys.platform}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}; median of {args.runs} runs")  # fmt: skip
        report(rows, args.markdown)
    finally:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
