"""A wrong passphrase typed at a terminal may be typed again: three tries, then the
command ends with the calm line it always gave. A passphrase from the environment is
tried once (asking again would give the same answer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.drive import run
from veerkracht.core.errors import VeerkrachtError
from veerkracht.store.store import Store

RIGHT = "een lange wachtzin"


@pytest.fixture
def sealed(home: Path, answers: dict, monkeypatch: pytest.MonkeyPatch) -> Path:
    run("reflect", "--from", "-", input=json.dumps(answers))
    monkeypatch.setenv("VEERKRACHT_PASSPHRASE", RIGHT)
    assert run("encrypt").exit_code == 0
    monkeypatch.delenv("VEERKRACHT_PASSPHRASE")
    return home


def answers_from(*typed: str) -> tuple[list[str], object]:
    asked: list[str] = []
    queue = list(typed)

    def ask() -> str:
        asked.append("?")
        return queue.pop(0)

    return asked, ask


def test_the_third_try_may_be_right(sealed: Path) -> None:
    asked, ask = answers_from("verkeerd", "ook verkeerd", RIGHT)
    store = Store(sealed, unlock=ask, tries=3)  # type: ignore[arg-type]
    assert len(store.entries()) == 1
    assert len(asked) == 3


def test_three_wrong_tries_end_with_the_calm_line(sealed: Path) -> None:
    asked, ask = answers_from("een", "twee", "drie", RIGHT)
    with pytest.raises(VeerkrachtError) as refused:
        Store(sealed, unlock=ask, tries=3).entries()  # type: ignore[arg-type]
    assert refused.value.code == "wrong_passphrase"
    assert len(asked) == 3


def test_a_passphrase_that_cannot_change_is_tried_once(sealed: Path) -> None:
    asked, ask = answers_from("verkeerd", RIGHT)
    with pytest.raises(VeerkrachtError):
        Store(sealed, unlock=ask).entries()  # type: ignore[arg-type]
    assert len(asked) == 1
