"""Nothing typed is lost: not to SIGKILL at a random moment, not to a second writer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from veerkracht.storage import Store

KILL_ROUNDS = 20

# Adds entries and prints each id once saved; between adds it grows and shrinks a
# scratch table, because an in-place rewrite that shrinks is what corrupts TinyDB's files.
# Every fsync is slowed down, so that kills often land in the middle of a write.
WRITER = """
import os, sys, time
from pathlib import Path
from veerkracht.model import parse_answers
from veerkracht.storage import Store

real_fsync = os.fsync
def slow_fsync(fd):
    time.sleep(0.01)
    real_fsync(fd)
os.fsync = slow_fsync

store = Store(Path(sys.argv[1]))
while True:
    entry = store.add_entry(parse_answers({"feelings": ["tired"], "share": "woorden " * 200}))
    print(entry.id, flush=True)
    with store.transaction() as db:
        db.table("scratch").insert({"blob": "x" * 20000})
    with store.transaction() as db:
        db.table("scratch").truncate()
"""

# Waits for the go-file, then saves 15 reflections through the CLI, printing their ids.
CLI_WRITER = """
import sys, time
from pathlib import Path
from veerkracht.cli import app

go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.001)
for _ in range(15):
    app(["reflect", "--from", sys.argv[2]], standalone_mode=False)
"""


def test_a_writer_killed_at_random_keeps_every_printed_entry(home: Path) -> None:
    rng = random.Random(2026)
    printed: set[str] = set()
    for _ in range(KILL_ROUNDS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(rng.uniform(0.15, 0.6))
        os.kill(writer.pid, signal.SIGKILL)
        output, _ = writer.communicate()
        printed.update(output.split())

        saved = {entry.id for entry in Store(home).entries()}  # raises if unreadable
        assert printed <= saved
    assert len(printed) > KILL_ROUNDS  # the writers did get work done before dying


def test_two_writers_at_once_lose_nothing(home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text('{"feelings": ["tense"], "share": "tegelijk"}')
    go = tmp_path / "go"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CLI_WRITER, str(go), str(answers)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(0.5)  # both processes are importing; the go-file releases them together
    go.touch()
    outputs = [writer.communicate(timeout=120) for writer in writers]

    assert [writer.returncode for writer in writers] == [0, 0], outputs
    printed = [line for out, _ in outputs for line in out.split()]
    saved = [entry.id for entry in Store(home).entries()]
    assert len(printed) == 30
    assert sorted(printed, key=int) == sorted(saved, key=int) == [str(n) for n in range(1, 31)]
