"""Every test gets its own empty data dir and speaks Dutch unless it says otherwise.

The clock: tests run at the real date and time, unless `VEERKRACHT_TEST_NOW` moves it
(e.g. `2026-12-31T23:30 Europe/Amsterdam`, to try the suite on New Year's Eve); tests
whose output shows a date use the `frozen_clock` fixture."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import textual.constants
import time_machine
from hypothesis import settings
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests import drive
from tests.drive import moment_from, write
from veerkracht.content import STRICT_ENV, Content
from veerkracht.core.model import parse_answers
from veerkracht.core.records import Agreement, CheckIn, FollowUp
from veerkracht.store import crypto
from veerkracht.store.store import Store
from veerkracht.tui.app import VeerkrachtApp

# A text formatted without one of its placeholders raises here, in every test and in
# every process a test starts: a user would see it as a raw `{name}`.
os.environ[STRICT_ENV] = "1"

# Properties are explored with 10 examples each in the README's test line, and with 300
# when .ci/run runs them again (HYPOTHESIS_PROFILE=thorough pytest -m hypothesis).
settings.register_profile("quick", max_examples=10, deadline=None)
settings.register_profile("thorough", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


class TravelWithZone(time_machine.travel):
    """time-machine moves the local zone by setting TZ and calling `time.tzset`, which
    Windows lacks; veerkracht reads TZ itself there (`veerkracht.core.zone`), so on
    Windows the traveller sets TZ too."""

    def start(self) -> time_machine.Traveller:
        self.zone_before = os.environ.get("TZ")
        if self.destination_tzname:
            os.environ["TZ"] = self.destination_tzname
        return super().start()

    def stop(self) -> None:
        super().stop()
        if self.zone_before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = self.zone_before


if sys.platform == "win32":
    time_machine.travel = TravelWithZone  # type: ignore[misc]


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "home"
    monkeypatch.setenv("VEERKRACHT_HOME", str(directory))
    monkeypatch.delenv("VEERKRACHT_LANG", raising=False)
    monkeypatch.delenv("VEERKRACHT_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("VEERKRACHT_CONFIG", str(tmp_path / "config"))
    return directory


@pytest.fixture(autouse=True)
def steady_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test's keys arrive one at a time, each after the screen has settled, and a
    pause lasts until it has (see `drive.settle`): a busy machine or Windows' coarse
    clock cannot make a key land early or a check read a screen half built."""
    monkeypatch.setattr(Pilot, "press", drive.steady_press)
    monkeypatch.setattr(Pilot, "pause", drive.steady_pause)
    # No smooth scrolling: a screen is seen where it ends up, not somewhere on the way
    # (a snapshot taken mid-scroll differs with the machine's speed).
    monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    # A steady cursor: a blinking one is caught on or off by the machine's speed.
    for field in (Input, TextArea):
        monkeypatch.setattr(field, "__init__", _steady_cursor(field.__init__))


def _steady_cursor(init: Callable[..., None]) -> Callable[..., None]:
    def steady(self: Input | TextArea, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.cursor_blink = False

    return steady


@pytest.fixture(autouse=True)
def cheap_kdf(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its real cost (64 MiB, 3 passes) takes a good part of a second per
    key; tests that are not about the KDF derive keys at the cheapest cost the header
    allows. `@pytest.mark.real_kdf` keeps the real cost (and what a store says it used
    is always what is read back, so nothing else changes)."""
    if request.node.get_closest_marker("real_kdf") is None:
        monkeypatch.setattr(crypto, "DEFAULT_PARAMS", crypto.KdfParams(8, 1, 1))


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
    """A complete answers file, as the README shows one."""
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


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand the figures to the controller, which prints them."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["figures"] = dict(session.config.stash.get(FIGURES, {}))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    figures = getattr(node, "workeroutput", {}).get("figures", {})
    node.config.stash.setdefault(FIGURES, {}).update(figures)


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    measured = config.stash.get(FIGURES, {})
    if measured:
        terminalreporter.section("measured")
        for name in sorted(measured):
            terminalreporter.write_line(f"{name}: {measured[name]}")


# -- shared factories ------------------------------------------------------------------------

#: When test records are made, unless a test says otherwise (a Monday, CET).
NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")


@pytest.fixture(scope="session")
def now() -> datetime:
    """The moment test records are made at, so no test depends on today."""
    return NOW


@pytest.fixture
def followup_file(tmp_path: Path) -> Callable[..., Path]:
    """A follow-up answers file (`followup --from`), with `change`s."""

    def make(**change: object) -> Path:
        data = {
            "entry": "last",
            "went": 4,
            "as_feared": "better",
            "helped": "Ze luisterde.",
            "agreements": [
                {"what": "deadlines later", "who": "manager", "due": "2026-12-05"},
                {"what": "elke week even bellen", "who": "Sam", "due": "2020-01-01"},
            ],
            "next_step": "Over twee weken weer praten.",
        }
        return write(tmp_path / "followup.json", {**data, **change})

    return make


@pytest.fixture
def followup_app(store: Store) -> Callable[..., VeerkrachtApp]:
    """The after-the-talk form for a reflection that feared anger."""

    def make(language: str = "nl") -> VeerkrachtApp:
        entry = store.add_entry(
            parse_answers({"feelings": ["tense"], "fear": "dat ze boos wordt"}, now=NOW)
        )
        return VeerkrachtApp(store, Content(language), start="followup", entry=entry)

    return make


@pytest.fixture
def checkin_app(store: Store) -> Callable[..., VeerkrachtApp]:
    """The weekly check-in, with two open agreements."""

    def make(language: str = "nl") -> VeerkrachtApp:
        entry = store.add_entry(parse_answers({"feelings": ["tense"]}, now=NOW))
        followup = FollowUp(entry="", created=entry.created, went=3)
        store.add_followup(followup, [Agreement("minder taken"), Agreement("bellen")], entry)
        return VeerkrachtApp(store, Content(language), start="checkin")

    return make


#: "Today" on the home screen and in patterns of the TUI tests that show dates.
TODAY = date(2026, 11, 22)


@pytest.fixture
def home_app(store: Store) -> Callable[..., VeerkrachtApp]:
    """Home, with a reflection, an overdue agreement and a check-in 12 days ago."""

    def make(language: str = "nl", filled: bool = True) -> VeerkrachtApp:
        if filled:
            entry = store.add_entry(
                parse_answers(
                    {"feelings": ["tired", "tense"], "created": "2026-11-20T09:00:00+01:00"},
                    now=NOW,
                )
            )
            followup = FollowUp(entry="", created=entry.created, went=4)
            late = Agreement("bellen", due=date(2026, 11, 1))
            store.add_followup(followup, [late, Agreement("mailen")], entry)
            store.add_checkin(CheckIn(created=entry.created.replace(day=10), capacity=5))
        return VeerkrachtApp(store, Content(language), start="home", today=TODAY)

    return make


@pytest.fixture
def reflect_app(home: Path) -> Callable[..., VeerkrachtApp]:
    """The guided reflection (or another start) on the test's data dir: each call a new
    app on a new Store, as a new process would open it."""

    def make(language: str = "nl", **options: Any) -> VeerkrachtApp:
        return VeerkrachtApp(Store(home), Content(language), **options)

    return make


@pytest.fixture
def support_app(store: Store) -> Callable[..., VeerkrachtApp]:
    """Preparing to ask a colleague how it goes."""

    def make(language: str = "nl") -> VeerkrachtApp:
        return VeerkrachtApp(store, Content(language), start="support")

    return make
