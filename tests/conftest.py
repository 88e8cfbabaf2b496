"""Every test gets its own empty data dir and speaks Dutch unless it says otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from veerkracht.storage import Store


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "home"
    monkeypatch.setenv("VEERKRACHT_HOME", str(directory))
    monkeypatch.delenv("VEERKRACHT_LANG", raising=False)
    monkeypatch.delenv("VEERKRACHT_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("VEERKRACHT_CONFIG", str(tmp_path / "config"))
    return directory


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
