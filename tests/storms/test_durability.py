"""Nothing typed is lost: not to SIGKILL at a random moment, not to a second writer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from veerkracht.store.store import Store

pytestmark = pytest.mark.slow

KILL_ROUNDS = 20

# Adds entries and prints each id once saved; between adds it grows and shrinks a
# scratch table, because an in-place rewrite that shrinks is what corrupts TinyDB's files.
# Every fsync is slowed down, so that kills often land in the middle of a write.
WRITER = """
import os, sys, time
from pathlib import Path
from veerkracht.core.model import now, parse_answers
from veerkracht.store.store import Store

real_fsync = os.fsync
def slow_fsync(fd):
    time.sleep(0.01)
    real_fsync(fd)
os.fsync = slow_fsync

store = Store(Path(sys.argv[1]))
while True:
    answers = {"feelings": ["tired"], "share": "woorden " * 200}
    entry = store.add_entry(parse_answers(answers, now=now()))
    print(entry.id, flush=True)
    with store.transaction() as tables:
        tables["scratch"] = {"1": {"blob": "x" * 20000}}
    with store.transaction() as tables:
        tables["scratch"] = {}
"""

# Says it is ready (everything imported), waits until the test says go on stdin, then
# saves 15 reflections through the CLI, printing their ids.
CLI_WRITER = """
import sys
from veerkracht.cli import app

print("ready", flush=True)
sys.stdin.readline()
for _ in range(15):
    app(["reflect", "--from", sys.argv[1]], standalone_mode=False)
"""


def test_a_writer_killed_at_random_keeps_every_printed_entry(home: Path) -> None:
    rng = random.Random(2026)
    printed: set[str] = set()
    for _ in range(KILL_ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)], stdout=subprocess.PIPE, encoding="utf-8"
        )
        # The kill waits for the first saved entry, so that a slow start on a busy
        # machine cannot use up the round; then it lands at a random moment.
        first = writer.stdout.readline() if writer.stdout else ""
        time.sleep(rng.uniform(0.0, 0.45))
        os.kill(writer.pid, signal.SIGKILL)
        output, _ = writer.communicate()
        printed.update((first + output).split())

        saved = {entry.id for entry in Store(home).entries()}  # raises if unreadable
        assert printed <= saved
    assert len(printed) >= KILL_ROUNDS  # every writer got work done before dying


def test_two_writers_at_once_lose_nothing(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"feelings": ["tense"], "share": "tegelijk"}', encoding="utf-8")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_WRITER, str(answers)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
        )
        for _ in range(2)
    ]
    # A real barrier: both have imported everything before either starts writing.
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=120) for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0], outputs
    printed = [line for out, _ in outputs for line in out.split()]
    saved = [entry.id for entry in Store(home).entries()]
    assert len(printed) == 30
    assert sorted(printed, key=int) == sorted(saved, key=int) == [str(n) for n in range(1, 31)]
