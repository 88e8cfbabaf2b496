"""Every test gets its own empty data dir and speaks Dutch unless it says otherwise.

The clock: tests run at the real date and time, unless `VEERKRACHT_TEST_NOW` moves it
(e.g. `2026-12-31T23:30 Europe/Amsterdam`, to try the suite on New Year's Eve); tests
whose output shows a date use the `frozen_clock` fixture."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import moment_from
from veerkracht.store.store import Store


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "home"
    monkeypatch.setenv("VEERKRACHT_HOME", str(directory))
    monkeypatch.delenv("VEERKRACHT_LANG", raising=False)
    monkeypatch.delenv("VEERKRACHT_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("VEERKRACHT_CONFIG", str(tmp_path / "config"))
    return directory


CLOCK_ENV = "VEERKRACHT_TEST_NOW"
#: The moment screenshots and snapshots are taken at: a Sunday evening in Amsterdam.
FROZEN = datetime(2026, 11, 22, 20, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.fixture(autouse=True)
def moved_clock() -> Iterator[None]:
    """The whole suite at another moment, when VEERKRACHT_TEST_NOW says so."""
    wanted = os.environ.get(CLOCK_ENV)
    if not wanted:
        yield
        return
    with time_machine.travel(moment_from(wanted), tick=True):
        yield


@pytest.fixture
def frozen_clock(moved_clock: None) -> Iterator[datetime]:
    """A fixed moment (and time zone) for tests whose output shows dates."""
    with time_machine.travel(FROZEN, tick=True):
        yield FROZEN


@pytest.fixture
def store(home: Path) -> Store:
    return Store(home)


@pytest.fixture
def answers() -> dict:
    """A complete answers file, as in DESIGN.md."""
    return {
        "feelings": ["tired", "tense"],
        "intensity": 7,
        "feelings_note": "Ik slaap slecht sinds de reorganisatie.",
        "triggers": ["workload", "home"],
        "triggers_note": "Twee projecten tegelijk en mijn moeder is ziek.",
        "impact": ["concentration", "mistakes"],
        "impact_note": "Ik maak slordigheidsfouten in rapportages.",
        "relations": {
            "drains": "het teamoverleg",
            "gives": "koffie met Sam",
            "unspoken": "ik kan dit niet alleen",
        },
        "desired_change": "Minder tegelijk op mijn bord.",
        "support": ["listening", "practical"],
        "barriers": ["judgement"],
        "audience": "manager",
        "share": "Dat het thuis zwaar is en dat mijn werk eronder lijdt.",
        "private": "De diagnose van mijn moeder.",
        "asks": [
            "Kunnen we mijn taken samen tegen het licht houden?",
            "Eén project minder tot januari?",
        ],
        "fear": "Dat ze denkt dat ik het niet aankan.",
        "created": "2026-11-21T09:30:00+01:00",
    }


@pytest.fixture(scope="session")
def figures(request: pytest.FixtureRequest) -> dict[str, str]:
    """Figures a test measures (recall, precision, false alarms): printed at the end."""
    return request.config.stash.setdefault(FIGURES, {})


FIGURES = pytest.StashKey[dict[str, str]]()


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    measured = config.stash.get(FIGURES, {})
    if measured:
        terminalreporter.section("measured")
        for name in sorted(measured):
            terminalreporter.write_line(f"{name}: {measured[name]}")
