"""The issue's acceptance: `reflect --plain` completes a whole reflection from a piped
answers script, and the entry it saves equals the one the screen saves for the same
answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.drive import SIZE, fill, run
from veerkracht.store.store import Store

#: The same reflection as typed in plain mode, line by line ("" is Enter).
SCRIPT = (
    "1,2", "7", "moe", "heel moe", "",  # feelings: tired, tense; how heavy; a note
    "1,3", "druk", "",  # triggers: workload, home
    "1,2", "",  # impact: concentration, mistakes; no note
    "overleg", "", "Sam", "", "", "hulp", "",  # the people around you (one skipped)
    "oordeel", "",  # fear
    "rust", "", "1,3",  # what would help; support: listening, practical
    "1",  # barriers: judgement
    "",  # audience: Enter takes the suggestion (manager)
    "thuis", "", "diagnose", "",  # what I tell, what I keep to myself
    "1", "Bellen?", "",  # asks: the first example, and my own
    "j",  # save it like this
)  # fmt: skip


def saved(home: Path) -> dict:
    (entry,) = Store(home).entries()
    record = entry.to_record()
    for key in ("id", "uuid", "created"):
        record.pop(key)
    return record


async def test_plain_mode_saves_what_the_screen_saves(
    home: Path, tmp_path: Path, reflect_app: Callable[..., Any]
) -> None:
    plain_home = tmp_path / "plain"
    script = "".join(f"{line}\n" for line in SCRIPT)
    result = run("reflect", "--plain", "--data-dir", str(plain_home), input=script)
    assert result.exit_code == 0, result.output
    assert result.stdout == "1\n"

    app = reflect_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter", "space", "down", "space", "enter", "7", "enter")
        await fill(pilot, "moe\nheel moe")
        await pilot.press("ctrl+n", "space", "down", "down", "space", "enter")
        await fill(pilot, "druk")
        await pilot.press("ctrl+n", "space", "down", "space", "ctrl+n")
        for field, text in (("#drains", "overleg"), ("#gives", "Sam"), ("#unspoken", "hulp")):
            await fill(pilot, text, into=field)
        await pilot.press("ctrl+n")
        await fill(pilot, "oordeel")
        await pilot.press("ctrl+n")
        await fill(pilot, "rust")
        await pilot.press("tab", "space", "down", "down", "space", "ctrl+n", "space", "ctrl+n")
        assert screen.step == "audience"
        await pilot.press("ctrl+n")  # the suggestion stands
        await fill(pilot, "thuis")
        await fill(pilot, "diagnose", into="#private")
        await pilot.press("ctrl+n", "shift+tab", "space")  # take the first example over
        await fill(pilot, "Bellen?", into="#ask-1")
        await pilot.press("ctrl+n")
        assert screen.step == "summary"
        await pilot.press("ctrl+s", "tab", "enter")

    assert saved(plain_home) == saved(home)
    assert saved(home)["asks"][1] == "Bellen?"
    assert saved(home)["relations"] == {"drains": "overleg", "gives": "Sam", "unspoken": "hulp"}
